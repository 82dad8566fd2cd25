// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace unit tests: the JSON/text output layer and the parsers of
 * command line values. Prints KTAP and a
 * closing "N passed, N failed" line.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "parse_args.h"

static int passed, failed, n;

static void expect(const char *name, const char *got, const char *want)
{
	n++;
	if (!strcmp(got, want)) {
		passed++;
		printf("ok %d %s\n", n, name);
	} else {
		failed++;
		printf("not ok %d %s\n# got:  %s\n# want: %s\n", n, name, got,
		       want);
	}
}

/* Run one writer against a memory stream and return what it wrote. */
static char *render(void (*writer)(void), int json, int pretty)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	f = open_memstream(&buf, &len);
	if (!f)
		abort();
	out_init_file(f, json, pretty);
	writer();
	out_finish();
	fclose(f);
	return buf;
}

static void bridge_like(void)
{
	out_open_array(NULL);
	out_open_object(NULL);
	print_str(PRINT_ANY, "ifname", "%s:", "br0");
	print_u64(PRINT_ANY, "ifindex", " ifindex %llu", 5);
	print_on_off(PRINT_ANY, "saved", " saved %s", 1);
	print_on_off(PRINT_JSON, "json_only", NULL, 0);
	print_nl();
	out_open_object("stats");
	print_text("    stats:");
	print_u64(PRINT_ANY, "igmp", " igmp %llu", 18446744073709551615ULL);
	print_nl();
	out_close_object();
	out_close_object();
	out_close_array();
}

static void empty_array(void)
{
	out_open_array(NULL);
	out_close_array();
}

static void escapes(void)
{
	out_open_object(NULL);
	print_str(PRINT_ANY, "s", "%s", "a\"b\\c\n\x01");
	out_close_object();
}

static void expect_true(const char *name, int ok)
{
	expect(name, ok ? "true" : "false", "true");
}

static void secs_ok(const char *arg, uint32_t want)
{
	char name[64];
	uint32_t ms = 12345;

	snprintf(name, sizeof(name), "secs \"%s\" is %u ms", arg, want);
	expect_true(name, mcs_parse_secs(arg, UINT32_MAX, &ms) == 0 &&
		    ms == want);
}

static void secs_bad(const char *arg, uint32_t max_ms)
{
	char name[64];
	uint32_t ms = 12345;

	snprintf(name, sizeof(name), "secs \"%s\" refused", arg);
	expect_true(name, mcs_parse_secs(arg, max_ms, &ms) < 0 && ms == 12345);
}

static void parse_secs_tests(void)
{
	secs_ok("0.5", 500);
	secs_ok("1", 1000);
	secs_ok("1.25", 1250);
	secs_ok("0", 0);
	secs_ok("0.001", 1);
	secs_ok("31.250", 31250);
	secs_ok("125", 125000);
	secs_ok("4294967.295", 4294967295U);
	secs_bad("-1", UINT32_MAX);
	secs_bad("abc", UINT32_MAX);
	secs_bad("1.2345", UINT32_MAX);
	secs_bad("", UINT32_MAX);
	secs_bad("1.", UINT32_MAX);
	secs_bad(".5", UINT32_MAX);
	secs_bad("1s", UINT32_MAX);
	secs_bad("+1", UINT32_MAX);
	secs_bad(" 1", UINT32_MAX);
	secs_bad("1e3", UINT32_MAX);
	secs_bad("4294967.296", UINT32_MAX);
	secs_bad("99999999999999999999", UINT32_MAX);
	secs_bad("2.001", 2000);
}

static void parse_u32_tests(void)
{
	uint32_t v = 7;

	expect_true("u32 \"0\"", !mcs_parse_u32("0", 0, 10, &v) && v == 0);
	expect_true("u32 \"4294967295\"",
		    !mcs_parse_u32("4294967295", 0, UINT32_MAX, &v) &&
		    v == UINT32_MAX);
	expect_true("u32 \"4294967296\" refused",
		    mcs_parse_u32("4294967296", 0, UINT32_MAX, &v) < 0);
	expect_true("u32 \"4094\" in 1-4094",
		    !mcs_parse_u32("4094", 1, 4094, &v) && v == 4094);
	expect_true("u32 \"4095\" not in 1-4094",
		    mcs_parse_u32("4095", 1, 4094, &v) < 0);
	expect_true("u32 \"0\" not in 1-4094",
		    mcs_parse_u32("0", 1, 4094, &v) < 0);
	expect_true("u32 \"-1\" refused", mcs_parse_u32("-1", 0, 10, &v) < 0);
	expect_true("u32 \"1x\" refused", mcs_parse_u32("1x", 0, 10, &v) < 0);
	expect_true("u32 \"\" refused", mcs_parse_u32("", 0, 10, &v) < 0);
}

static void parse_on_off_tests(void)
{
	bool b = false;

	expect_true("on", !mcs_parse_on_off("on", &b) && b);
	expect_true("off", !mcs_parse_on_off("off", &b) && !b);
	expect_true("\"yes\" refused", mcs_parse_on_off("yes", &b) < 0);
	expect_true("\"o\" refused", mcs_parse_on_off("o", &b) < 0);
	expect_true("\"ON\" refused", mcs_parse_on_off("ON", &b) < 0);
}

static void parse_addr_tests(void)
{
	static const uint8_t v4[4] = { 239, 1, 1, 1 };
	static const uint8_t v6[16] = { 0xff, 0x0e, [15] = 1 };
	struct mcs_addr a;
	char buf[64];

	expect_true("addr 239.1.1.1",
		    !mcs_parse_addr("239.1.1.1", &a) && a.len == 4 &&
		    !memcmp(a.bytes, v4, 4));
	expect_true("addr ff0e::1",
		    !mcs_parse_addr("ff0e::1", &a) && a.len == 16 &&
		    !memcmp(a.bytes, v6, 16));
	expect_true("addr 239.1.1 refused", mcs_parse_addr("239.1.1", &a) < 0);
	expect_true("addr 256.1.1.1 refused",
		    mcs_parse_addr("256.1.1.1", &a) < 0);
	expect_true("addr ff0e:::1 refused", mcs_parse_addr("ff0e:::1", &a) < 0);
	expect_true("addr br0 refused", mcs_parse_addr("br0", &a) < 0);
	mcs_format_addr(v4, 4, buf, sizeof(buf));
	expect("format 4 bytes", buf, "239.1.1.1");
	mcs_format_addr(v6, 16, buf, sizeof(buf));
	expect("format 16 bytes", buf, "ff0e::1");
	expect_true("format 5 bytes refused",
		    !mcs_format_addr(v6, 5, buf, sizeof(buf)));
}

static void secs_writer(void)
{
	out_open_object(NULL);
	print_secs(PRINT_ANY, "a", "a %s", 1500);
	print_secs(PRINT_ANY, "b", " b %s", 0);
	print_secs(PRINT_ANY, "c", " c %s", 125000);
	print_secs(PRINT_ANY, "d", " d %s", 259500);
	print_secs(PRINT_ANY, "e", " e %s", 1);
	print_secs(PRINT_ANY, "f", " f %s", 1250);
	print_secs(PRINT_ANY, "g", " g %s", 4294967295U);
	out_close_object();
}

/* Replies as the kernel would send them, fed to the printers. */
static char msgbuf[8192];
static struct mcs_ctx print_ctx;

static struct nlmsghdr *reply(uint8_t cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(msgbuf);
	struct genlmsghdr *genl;

	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = MCSNOOP_GENL_VERSION;
	return nlh;
}

static void put_stats(struct nlmsghdr *nlh, uint16_t type)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);
	uint16_t i;

	for (i = MCSNOOP_A_STATS_IGMP; i <= MCSNOOP_A_STATS_MAX; i++)
		mnl_attr_put_u64(nlh, i, i);
	mnl_attr_nest_end(nlh, nest);
}

static void bridge_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_BRIDGE_GET);

	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_MCAST_SNOOPING, 0);
	put_stats(nlh, MCSNOOP_A_BRIDGE_STATS);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_SNOOPING, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_MAX_GROUPS, 16384);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_GROUP_COUNT, 3);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_QUERY_INTERVAL, 125000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL, 10000);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_ROBUSTNESS, 2);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL, 500);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT, 2);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT, 300000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE, 255000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT_ACTIVE,
			 300000);
	out_open_array(NULL);
	mcs_bridge_print_cb(nlh, &print_ctx);
	out_close_array();
}

static void port_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_PORT_GET);

	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_IFINDEX, 7);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_IFNAME, "veth1");
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_ROUTER, MCSNOOP_ROUTER_AUTO);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_FLOOD_UNKNOWN, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_FLOOD_REPORTS, 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_FAST_LEAVE, 1);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_MAX_GROUPS, 10);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_GROUP_COUNT, 2);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_ROUTER_IPV4,
			MCSNOOP_ROUTER_VIA_QUERY);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_ROUTER_IPV6,
			MCSNOOP_ROUTER_VIA_NONE);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_ROUTER_IPV4_TIMER, 250300);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_ROUTER_IPV6_TIMER, 0);
	put_stats(nlh, MCSNOOP_A_PORT_STATS);
	out_open_array(NULL);
	mcs_port_print_cb(nlh, &print_ctx);
	out_close_array();
}

static void vlan_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_VLAN_GET);

	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_VLAN_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u16(nlh, MCSNOOP_A_VLAN_VID, 10);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_SNOOPING, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_GROUP_COUNT, 1);
	out_open_array(NULL);
	mcs_vlan_print_cb(nlh, NULL);
	out_close_array();
}

static void put_member(struct nlmsghdr *nlh, const char *port, uint8_t mode,
		       uint8_t is_static, uint32_t timer, const char *source)
{
	struct nlattr *member, *sources, *src;
	struct in_addr a;

	member = mnl_attr_nest_start(nlh, MCSNOOP_A_GROUP_MEMBER);
	mnl_attr_put_u32(nlh, MCSNOOP_A_MEMBER_PORT_IFINDEX, 7);
	mnl_attr_put_strz(nlh, MCSNOOP_A_MEMBER_PORT_IFNAME, port);
	mnl_attr_put_u8(nlh, MCSNOOP_A_MEMBER_MODE, mode);
	mnl_attr_put_u8(nlh, MCSNOOP_A_MEMBER_STATIC, is_static);
	mnl_attr_put_u32(nlh, MCSNOOP_A_MEMBER_TIMER, timer);
	sources = mnl_attr_nest_start(nlh, MCSNOOP_A_MEMBER_SOURCES);
	if (source) {
		inet_pton(AF_INET, source, &a);
		src = mnl_attr_nest_start(nlh, MCSNOOP_A_MEMBER_SOURCE);
		mnl_attr_put(nlh, MCSNOOP_A_SOURCE_ADDR, 4, &a);
		mnl_attr_put_u32(nlh, MCSNOOP_A_SOURCE_TIMER, 200100);
		mnl_attr_put_u8(nlh, MCSNOOP_A_SOURCE_STATIC, 0);
		mnl_attr_put_u8(nlh, MCSNOOP_A_SOURCE_BLOCKED, 0);
		mnl_attr_nest_end(nlh, src);
	}
	mnl_attr_nest_end(nlh, sources);
	mnl_attr_nest_end(nlh, member);
}

static void group_reply(void)
{
	static const uint8_t mac[6] = { 1, 0, 0x5e, 1, 1, 1 };
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_GROUP_GET);
	struct nlattr *members;
	struct in_addr g;

	inet_pton(AF_INET, "239.1.1.1", &g);
	mnl_attr_put_u32(nlh, MCSNOOP_A_GROUP_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_GROUP_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u16(nlh, MCSNOOP_A_GROUP_VID, 0);
	mnl_attr_put(nlh, MCSNOOP_A_GROUP_ADDR, 4, &g);
	mnl_attr_put(nlh, MCSNOOP_A_GROUP_MAC, 6, mac);
	mnl_attr_put_u64(nlh, MCSNOOP_A_GROUP_PACKETS, 10);
	mnl_attr_put_u64(nlh, MCSNOOP_A_GROUP_BYTES, 1280);
	members = mnl_attr_nest_start(nlh, MCSNOOP_A_GROUP_MEMBERS);
	put_member(nlh, "veth1", MCSNOOP_FILTER_EXCLUDE, 0, 259500, NULL);
	put_member(nlh, "veth2", MCSNOOP_FILTER_INCLUDE, 0, 0, "10.0.0.1");
	put_member(nlh, "br0", MCSNOOP_FILTER_EXCLUDE, 1, 0, NULL);
	mnl_attr_nest_end(nlh, members);
	out_open_array(NULL);
	mcs_group_print_cb(nlh, NULL);
	out_close_array();
}

static void stats_port_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_PORT_GET);

	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_IFINDEX, 7);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_IFNAME, "veth1");
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_BRIDGE_IFNAME, "br0");
	put_stats(nlh, MCSNOOP_A_PORT_STATS);
	out_open_array(NULL);
	mcs_stats_port_print_cb(nlh, NULL);
	out_close_array();
}

#define STATS_JSON "{\"igmp\":2,\"mld\":3,\"mcast_data\":4," \
	"\"fwd_copies\":5,\"host_copies\":6,\"igmp_v1_query\":7," \
	"\"igmp_v2_query\":8,\"igmp_v3_query\":9,\"igmp_v1_report\":10," \
	"\"igmp_v2_report\":11,\"igmp_v3_report\":12," \
	"\"igmp_v2_leave\":13,\"mld_v1_query\":14,\"mld_v2_query\":15," \
	"\"mld_v1_report\":16,\"mld_v2_report\":17,\"mld_v1_done\":18," \
	"\"mrd_advertisement\":19,\"mrd_solicitation\":20," \
	"\"mrd_termination\":21,\"pim_hello\":22,\"parse_errors\":23," \
	"\"err_truncated\":24,\"err_bad_ip\":25,\"err_fragment\":26," \
	"\"err_bad_ttl\":27,\"err_bad_csum\":28,\"err_bad_length\":29," \
	"\"err_bad_group\":30,\"err_bad_source\":31," \
	"\"err_bad_records\":32,\"data_forwarded\":33," \
	"\"data_pruned\":34,\"table_full\":35}"

#define STATS_TEXT \
	"    stats: igmp 2 mld 3 mcast_data 4 fwd_copies 5 host_copies 6\n" \
	"           igmp_v1_query 7 igmp_v2_query 8 igmp_v3_query 9 " \
	"igmp_v1_report 10 igmp_v2_report 11 igmp_v3_report 12 " \
	"igmp_v2_leave 13\n" \
	"           mld_v1_query 14 mld_v2_query 15 mld_v1_report 16 " \
	"mld_v2_report 17 mld_v1_done 18\n" \
	"           mrd_advertisement 19 mrd_solicitation 20 " \
	"mrd_termination 21 pim_hello 22\n" \
	"           parse_errors 23 err_truncated 24 err_bad_ip 25 " \
	"err_fragment 26 err_bad_ttl 27 err_bad_csum 28 err_bad_length 29 " \
	"err_bad_group 30 err_bad_source 31 err_bad_records 32\n" \
	"           data_forwarded 33 data_pruned 34 table_full 35\n"

static void printer_tests(void)
{
	print_ctx.stats = false;
	expect("bridge show json", render(bridge_reply, 1, 0),
	       "[{\"ifname\":\"br0\",\"ifindex\":5,"
	       "\"saved_mcast_snooping\":true,\"mcast_snooping\":false,"
	       "\"snooping\":true,\"flood_unknown\":true,"
	       "\"flood_ambiguous\":false,\"max_groups\":16384,"
	       "\"group_count\":3,\"query_interval\":125,"
	       "\"query_response_interval\":10,\"robustness\":2,"
	       "\"last_member_interval\":0.5,\"last_member_count\":2,"
	       "\"router_timeout\":255,\"router_timeout_auto\":true,"
	       "\"membership_timeout\":300,"
	       "\"membership_timeout_auto\":false}]\n");
	expect("bridge show text", render(bridge_reply, 0, 0),
	       "br0: ifindex 5 saved_mcast_snooping on\n"
	       "    snooping on flood-unknown on flood-ambiguous off max-groups 16384 groups 3\n"
	       "    query-interval 125 query-response-interval 10 robustness 2\n"
	       "    last-member-interval 0.5 last-member-count 2\n"
	       "    router-timeout auto (255) membership-timeout 300\n");
	print_ctx.stats = true;
	expect("bridge show -s json stats", strstr(render(bridge_reply, 1, 0),
						   "\"stats\":" STATS_JSON "}]") ?
	       "found" : "missing", "found");
	expect("bridge show -s text stats",
	       strstr(render(bridge_reply, 0, 0), "300\n" STATS_TEXT) ?
	       "found" : "missing", "found");
	print_ctx.stats = false;
	expect("port show json", render(port_reply, 1, 0),
	       "[{\"ifname\":\"veth1\",\"ifindex\":7,\"bridge\":\"br0\","
	       "\"router\":\"auto\",\"router_ipv4\":\"query\","
	       "\"router_ipv4_timer\":250.3,\"router_ipv6\":\"none\","
	       "\"router_ipv6_timer\":0,\"flood_unknown\":true,"
	       "\"flood_reports\":false,\"fast_leave\":true,"
	       "\"max_groups\":10,\"group_count\":2}]\n");
	expect("port show text", render(port_reply, 0, 0),
	       "veth1: ifindex 7 bridge br0 router auto\n"
	       "    router-ipv4 query timer 250.3 router-ipv6 none\n"
	       "    flood-unknown on flood-reports off fast-leave on max-groups 10 groups 2\n");
	expect("vlan show json", render(vlan_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"vid\":10,\"snooping\":false,"
	       "\"group_count\":1}]\n");
	expect("vlan show text", render(vlan_reply, 0, 0),
	       "br0 vid 10 snooping off groups 1\n");
	expect("group show json", render(group_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"vid\":0,\"group\":\"239.1.1.1\","
	       "\"mac\":\"01:00:5e:01:01:01\",\"packets\":10,\"bytes\":1280,"
	       "\"members\":[{\"port\":\"veth1\",\"mode\":\"exclude\","
	       "\"static\":false,\"timer\":259.5,\"sources\":[]},"
	       "{\"port\":\"veth2\",\"mode\":\"include\",\"static\":false,"
	       "\"timer\":0,\"sources\":[{\"source\":\"10.0.0.1\","
	       "\"timer\":200.1,\"static\":false,\"blocked\":false}]},"
	       "{\"port\":\"br0\",\"mode\":\"exclude\",\"static\":true,"
	       "\"timer\":0,\"sources\":[]}]}]\n");
	expect("group show text", render(group_reply, 0, 0),
	       "br0 vid 0 239.1.1.1 mac 01:00:5e:01:01:01 packets 10 bytes 1280\n"
	       "    port veth1 exclude timer 259.5\n"
	       "    port veth2 include timer 0\n"
	       "        source 10.0.0.1 timer 200.1\n"
	       "    port br0 exclude static timer 0\n");
	expect("stats show port json", render(stats_port_reply, 1, 0),
	       "[{\"port\":\"veth1\",\"bridge\":\"br0\",\"stats\":"
	       STATS_JSON "}]\n");
	expect("stats show port text", render(stats_port_reply, 0, 0),
	       "veth1: bridge br0\n" STATS_TEXT);
}

int main(void)
{
	printf("TAP version 13\n");
	expect("json compact", render(bridge_like, 1, 0),
	       "[{\"ifname\":\"br0\",\"ifindex\":5,\"saved\":true,"
	       "\"json_only\":false,\"stats\":{\"igmp\":18446744073709551615}}]\n");
	expect("json pretty", render(bridge_like, 1, 1),
	       "[\n    {\n        \"ifname\": \"br0\",\n"
	       "        \"ifindex\": 5,\n        \"saved\": true,\n"
	       "        \"json_only\": false,\n        \"stats\": {\n"
	       "            \"igmp\": 18446744073709551615\n        }\n"
	       "    }\n]\n");
	expect("text", render(bridge_like, 0, 0),
	       "br0: ifindex 5 saved on\n"
	       "    stats: igmp 18446744073709551615\n");
	expect("empty json array", render(empty_array, 1, 0), "[]\n");
	expect("json escapes", render(escapes, 1, 0),
	       "{\"s\":\"a\\\"b\\\\c\\n\\u0001\"}\n");
	expect("secs json", render(secs_writer, 1, 0),
	       "{\"a\":1.5,\"b\":0,\"c\":125,\"d\":259.5,\"e\":0.001,"
	       "\"f\":1.25,\"g\":4294967.295}\n");
	expect("secs text", render(secs_writer, 0, 0),
	       "a 1.5 b 0 c 125 d 259.5 e 0.001 f 1.25 g 4294967.295");
	parse_secs_tests();
	parse_u32_tests();
	parse_on_off_tests();
	parse_addr_tests();
	printer_tests();
	printf("1..%d\n", n);
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:0 error:0\n",
	       passed, failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
