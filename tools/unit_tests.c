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
#include <dirent.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "batch.h"
#include "export.h"
#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "parse_args.h"
#include "profile.h"
#include "querier.h"
#include "removals.h"
#include "words.h"

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

/* A range parsed: "MIN-MAX" as text, or "refused: WHY". */
static const char *range_run(const char *arg)
{
	static char out[256];
	char why[128] = "", lo[64], hi[64];
	struct mcs_range r;

	if (mcs_parse_range(arg, &r, why, sizeof(why)) < 0) {
		snprintf(out, sizeof(out), "refused: %s", why);
		return out;
	}
	mcs_format_addr(r.min, r.len, lo, sizeof(lo));
	mcs_format_addr(r.max, r.len, hi, sizeof(hi));
	snprintf(out, sizeof(out), "%s-%s", lo, hi);
	return out;
}

static void range_expect(const char *arg, const char *want)
{
	char name[96];

	snprintf(name, sizeof(name), "range %s", arg);
	expect(name, range_run(arg), want);
}

static void parse_range_tests(void)
{
	range_expect("239.1.1.1", "239.1.1.1-239.1.1.1");
	range_expect("ff0e::1", "ff0e::1-ff0e::1");
	range_expect("239.1.1.1-239.1.1.9", "239.1.1.1-239.1.1.9");
	range_expect("239.1.1.1-239.1.1.1", "239.1.1.1-239.1.1.1");
	/* Bytes compare in network order: .9 < .10, 1.255 < 2.0. */
	range_expect("239.1.1.9-239.1.1.10", "239.1.1.9-239.1.1.10");
	range_expect("239.1.1.255-239.1.2.0", "239.1.1.255-239.1.2.0");
	range_expect("ff0e::1-ff0e::1:0", "ff0e::1-ff0e::1:0");
	range_expect("239.1.0.0/16", "239.1.0.0-239.1.255.255");
	range_expect("232.1.1.0/24", "232.1.1.0-232.1.1.255");
	range_expect("224.0.0.0/4", "224.0.0.0-239.255.255.255");
	range_expect("239.1.1.128/25", "239.1.1.128-239.1.1.255");
	range_expect("239.1.1.1/32", "239.1.1.1-239.1.1.1");
	range_expect("0.0.0.0/0", "0.0.0.0-255.255.255.255");
	range_expect("ff00::/8", "ff00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	range_expect("ff0e::/16", "ff0e::-ff0e:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	range_expect("ff0e::1:0/112", "ff0e::1:0-ff0e::1:ffff");
	range_expect("ff0e::1/128", "ff0e::1-ff0e::1");
	range_expect("239.1.1.9-239.1.1.1",
		     "refused: the first address is above the last");
	range_expect("ff0e::2-ff0e::1",
		     "refused: the first address is above the last");
	range_expect("239.1.1.1-ff0e::1",
		     "refused: the two addresses are of different families");
	range_expect("239.1.0.0/33", "refused: the prefix length is not 0-32");
	range_expect("ff0e::/129", "refused: the prefix length is not 0-128");
	range_expect("239.1.0.0/", "refused: the prefix length is not 0-32");
	range_expect("239.1.0.0/-1", "refused: the prefix length is not 0-32");
	range_expect("239.1.0.0/16x", "refused: the prefix length is not 0-32");
	range_expect("239.1.1.1/16",
		     "refused: bits set beyond the prefix length (239.1.0.0/16?)");
	range_expect("ff0e::1/16",
		     "refused: bits set beyond the prefix length (ff0e::/16?)");
	range_expect("239.1.1.x",
		     "refused: \"239.1.1.x\" is not an IPv4 or IPv6 address");
	range_expect("239.1.1.1-",
		     "refused: \"\" is not an IPv4 or IPv6 address");
	range_expect("-239.1.1.1",
		     "refused: \"\" is not an IPv4 or IPv6 address");
	range_expect("239.1.1.1-239.1.1.2-239.1.1.3",
		     "refused: \"239.1.1.2-239.1.1.3\" is not an IPv4 or IPv6 address");
	range_expect("239.1.1.0/24-239.1.2.0",
		     "refused: the prefix length is not 0-32");
	range_expect("239.1.1.0-239.1.2.0/24",
		     "refused: \"239.1.2.0/24\" is not an IPv4 or IPv6 address");
	range_expect("br0/8", "refused: \"br0\" is not an IPv4 or IPv6 address");
	range_expect("", "refused: \"\" is not an IPv4 or IPv6 address");
}

/*
 * The batch line splitter: the words joined by '|' (each in <>), or
 * "error: MSG", or "more" for a line that goes on on the next one.
 */
static void split_expect(const char *line, const char *want)
{
	char buf[256], got[512], name[96], *argv[8];
	const char *err = "";
	int argc, i;
	size_t len = 0;

	argc = mcs_split_line(line, buf, argv, 8, &err);
	if (argc == MCS_SPLIT_MORE)
		snprintf(got, sizeof(got), "more");
	else if (argc < 0)
		snprintf(got, sizeof(got), "error: %s", err);
	else
		for (got[0] = '\0', i = 0; i < argc; i++)
			len += snprintf(got + len, sizeof(got) - len, "%s<%s>",
					i ? "|" : "", argv[i]);
	snprintf(name, sizeof(name), "split [%s]", line);
	for (i = 0; name[i]; i++)	/* keep the KTAP line one line */
		if ((unsigned char)name[i] < 0x20)
			name[i] = ' ';
	expect(name, got, want);
}

static void split_line_tests(void)
{
	split_expect("bridge enable br0", "<bridge>|<enable>|<br0>");
	split_expect("  \tbridge   show\t ", "<bridge>|<show>");
	split_expect("", "");
	split_expect("   ", "");
	split_expect("# a comment", "");
	split_expect("   # indented comment", "");
	split_expect("bridge show br0 # trailing comment", "<bridge>|<show>|<br0>");
	split_expect("bridge show br0#x", "<bridge>|<show>|<br0#x>");
	split_expect("bridge show '#x'", "<bridge>|<show>|<#x>");
	split_expect("bridge show \\#x", "<bridge>|<show>|<#x>");
	split_expect("'a b'  \"c d\"", "<a b>|<c d>");
	split_expect("x''y \"\" ''", "<xy>|<>|<>");
	split_expect("a'b c'd", "<ab cd>");
	split_expect("'a\\b'", "<a\\b>");
	split_expect("\"a\\\"b\\\\c\\d\"", "<a\"b\\c\\d>");
	split_expect("\"it's\" 'say \"hi\"'", "<it's>|<say \"hi\">");
	split_expect("a\\ b \\'c", "<a b>|<'c>");
	split_expect("bridge show\r", "<bridge>|<show>");
	split_expect("bridge 'show", "error: missing closing ' quote");
	split_expect("bridge \"show", "error: missing closing \" quote");
	split_expect("bridge set br0 \\", "more");
	split_expect("'a\\", "error: missing closing ' quote");
	split_expect("1 2 3 4 5 6 7 8", "<1>|<2>|<3>|<4>|<5>|<6>|<7>|<8>");
	split_expect("1 2 3 4 5 6 7 8 9", "error: too many words on the line");
	split_expect("1 2 3 4 5 6 7 8 # 9", "<1>|<2>|<3>|<4>|<5>|<6>|<7>|<8>");
}

/*
 * Replies as the kernel would send them, fed to the printers; the parameter
 * tests build their requests in the same buffer.
 */
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

/* Short names of the attributes the set keywords put; addr* are shown
 * as addresses. */
static const char *const bridge_attr_names[MCSNOOP_A_BRIDGE_MAX + 1] = {
	[MCSNOOP_A_BRIDGE_MAX_GROUPS] = "max_groups",
	[MCSNOOP_A_BRIDGE_QUERY_INTERVAL] = "query_interval",
	[MCSNOOP_A_BRIDGE_ROBUSTNESS] = "robustness",
	[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT] = "router_timeout",
	[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT] = "membership_timeout",
	[MCSNOOP_A_BRIDGE_QUERIER] = "querier",
	[MCSNOOP_A_BRIDGE_QUERIER_ADDR4] = "addr4",
	[MCSNOOP_A_BRIDGE_QUERIER_ADDR6] = "addr6",
	[MCSNOOP_A_BRIDGE_PROXY_QUERY] = "proxy_query",
	[MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL] = "startup_interval",
	[MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT] = "startup_count",
	[MCSNOOP_A_BRIDGE_IGMP_VERSION] = "igmp_version",
	[MCSNOOP_A_BRIDGE_MLD_VERSION] = "mld_version",
	[MCSNOOP_A_BRIDGE_HOST_ROUTER] = "host_router",
};

static const char *const vlan_attr_names[MCSNOOP_A_VLAN_MAX + 1] = {
	[MCSNOOP_A_VLAN_SNOOPING] = "snooping",
	[MCSNOOP_A_VLAN_QUERIER] = "querier",
	[MCSNOOP_A_VLAN_QUERIER_ADDR4] = "addr4",
	[MCSNOOP_A_VLAN_QUERIER_ADDR6] = "addr6",
	[MCSNOOP_A_VLAN_PROXY_QUERY] = "proxy_query",
	[MCSNOOP_A_VLAN_QUERY_INTERVAL] = "query_interval",
	[MCSNOOP_A_VLAN_ROBUSTNESS] = "robustness",
	[MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT] = "membership_timeout",
	[MCSNOOP_A_VLAN_IGMP_VERSION] = "igmp_version",
	[MCSNOOP_A_VLAN_INHERIT] = "inherit",
	[MCSNOOP_A_VLAN_FLOOD_UNKNOWN] = "flood_unknown",
	[MCSNOOP_A_VLAN_MAX_GROUPS] = "max_groups",
	[MCSNOOP_A_VLAN_PROFILE] = "profile",
};

static const char *const port_attr_names[MCSNOOP_A_PORT_MAX + 1] = {
	[MCSNOOP_A_PORT_ROUTER] = "router",
	[MCSNOOP_A_PORT_FAST_LEAVE] = "fast_leave",
	[MCSNOOP_A_PORT_MAX_GROUPS] = "max_groups",
	[MCSNOOP_A_PORT_MAX_HOSTS] = "max_hosts",
	[MCSNOOP_A_PORT_LIMIT_ACTION] = "limit_action",
	[MCSNOOP_A_PORT_PROFILE] = "profile",
};

/* What stderr got while a refused set was parsed. */
static char params_err[512];

static FILE *captured;
static int saved_stderr;

/* stderr into a file until capture_end() reads what came into buf. */
static void capture_begin(void)
{
	captured = tmpfile();
	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fileno(captured), 2);
}

static void capture_end(char *buf, size_t size)
{
	size_t len;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	rewind(captured);
	len = fread(buf, 1, size - 1, captured);
	buf[len] = '\0';
	fclose(captured);
}

/*
 * Parse a "keyword value ..." line with a set command's table and show
 * what was put, "name=value ..."; "refused" if the parser refused it.
 */
static const char *params_run(const struct mcs_params *params,
			      const char *const *names, unsigned int max,
			      const char *line)
{
	static char out[512];
	char copy[256], *argv[16], *tok;
	const struct nlattr *attr;
	struct nlmsghdr *nlh;
	int argc = 0, ret;
	size_t len = 0;

	snprintf(copy, sizeof(copy), "%s", line);
	for (tok = strtok(copy, " "); tok && argc < 16; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	/* The check pass first, as bridge set does, with stderr captured. */
	capture_begin();
	ret = mcs_params_put(NULL, params, NULL, argc, argv);
	capture_end(params_err, sizeof(params_err));
	if (ret < 0)
		return "refused";

	nlh = reply(0);
	mcs_params_put(nlh, params, NULL, argc, argv);
	out[0] = '\0';
	len = 0;
	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		unsigned int type = mnl_attr_get_type(attr);
		const char *name = type <= max && names[type] ? names[type] :
				   "?";
		char value[64];

		if (!strncmp(name, "addr", 4))
			mcs_format_addr(mnl_attr_get_payload(attr),
					mnl_attr_get_payload_len(attr), value,
					sizeof(value));
		else if (!strcmp(name, "profile"))
			snprintf(value, sizeof(value), "\"%s\"",
				 mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) ?
				 "?" : mnl_attr_get_str(attr));
		else if (mnl_attr_get_payload_len(attr) == 1)
			snprintf(value, sizeof(value), "%u",
				 mnl_attr_get_u8(attr));
		else
			snprintf(value, sizeof(value), "%u",
				 mnl_attr_get_u32(attr));
		len += snprintf(out + len, sizeof(out) - len, "%s%s=%s",
				len ? " " : "", name, value);
	}
	return out;
}

/* A set command without the querier settings, as port set. */
static const struct mcs_param own_only[] = {
	{ .name = "snooping", .attr = MCSNOOP_A_VLAN_SNOOPING,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = NULL },
};

static const struct mcs_params own_only_params = { .own = own_only };

static void bridge_params_ok(const char *line, const char *want)
{
	char name[128];

	snprintf(name, sizeof(name), "bridge set %s", line);
	expect(name, params_run(&mcs_bridge_params, bridge_attr_names,
				MCSNOOP_A_BRIDGE_MAX, line), want);
}

/* Refused, with a message that names the keyword. */
static void bridge_params_bad(const char *line, const char *keyword)
{
	char name[128], want[64];

	snprintf(name, sizeof(name), "bridge set %s refused", line);
	expect(name, params_run(&mcs_bridge_params, bridge_attr_names,
				MCSNOOP_A_BRIDGE_MAX, line), "refused");
	snprintf(name, sizeof(name), "bridge set %s names %s", line, keyword);
	snprintf(want, sizeof(want), "Error: invalid %s \"", keyword);
	expect(name, strncmp(params_err, want, strlen(want)) ? params_err :
	       "named", "named");
}

static void vlan_params_ok(const char *line, const char *want)
{
	char name[128];

	snprintf(name, sizeof(name), "vlan set %s", line);
	expect(name, params_run(&mcs_vlan_params, vlan_attr_names,
				MCSNOOP_A_VLAN_MAX, line), want);
}

static void port_params_ok(const struct mcs_params *params, const char *what,
			   const char *line, const char *want)
{
	char name[128];

	snprintf(name, sizeof(name), "%s %s", what, line);
	expect(name, params_run(params, port_attr_names, MCSNOOP_A_PORT_MAX,
				line), want);
}

/* port set, port template add and vlan set profile NAME|none. */
static void profile_params_tests(void)
{
	port_params_ok(&mcs_port_params, "port set", "profile iptv",
		       "profile=\"iptv\"");
	port_params_ok(&mcs_port_params, "port set", "profile none",
		       "profile=\"\"");
	port_params_ok(&mcs_port_params, "port set",
		       "router static profile abcdefghijklmno",
		       "router=2 profile=\"abcdefghijklmno\"");
	/* The port's older keywords keep their prefixes. */
	port_params_ok(&mcs_port_params, "port set", "m 5", "max_groups=5");
	port_params_ok(&mcs_port_params, "port set", "pro x",
		       "profile=\"x\"");
	port_params_ok(&mcs_port_params, "port set",
		       "profile abcdefghijklmnop", "refused");
	expect("port set profile too long message", params_err,
	       "Error: invalid profile \"abcdefghijklmnop\" (expected a profile's name of 1-15 characters, or none)\n");
	port_params_ok(&mcs_port_params, "port set", "profile", "refused");
	expect("port set profile without a value message", params_err,
	       "Error: missing value for \"profile\"\n");
	port_params_ok(&mcs_port_params, "port template add", "profile iptv",
		       "profile=\"iptv\"");
	vlan_params_ok("profile iptv", "profile=\"iptv\"");
	vlan_params_ok("profile none snooping on",
		       "profile=\"\" snooping=1");
	/* proxy-query is older: its prefixes stay its own. */
	vlan_params_ok("pro on", "proxy_query=1");
	vlan_params_ok("prof iptv", "profile=\"iptv\"");
	expect("vlan set inherit profile refused",
	       params_run(&mcs_vlan_params, vlan_attr_names,
			  MCSNOOP_A_VLAN_MAX, "inherit profile"), "refused");
}

static void params_tests(void)
{
	bridge_params_ok("querier off", "querier=0");
	bridge_params_ok("querier proxy", "querier=1");
	bridge_params_ok("querier auto", "querier=2");
	bridge_params_ok("querier-address 10.0.0.1", "addr4=10.0.0.1");
	bridge_params_ok("querier-address fe80::1", "addr6=fe80::1");
	bridge_params_ok("querier-address 10.0.0.1 querier-address fe80::1",
			 "addr4=10.0.0.1 addr6=fe80::1");
	bridge_params_ok("querier-address none", "addr4=0.0.0.0 addr6=::");
	bridge_params_ok("querier-address 0.0.0.0", "addr4=0.0.0.0");
	bridge_params_ok("querier-address ::", "addr6=::");
	bridge_params_ok("proxy-query off", "proxy_query=0");
	bridge_params_ok("proxy-query on", "proxy_query=1");
	bridge_params_ok("startup-query-interval auto", "startup_interval=0");
	bridge_params_ok("startup-query-interval 31.25",
			 "startup_interval=31250");
	bridge_params_ok("startup-query-count auto", "startup_count=0");
	bridge_params_ok("startup-query-count 3", "startup_count=3");
	bridge_params_ok("igmp-version 2 mld-version 1",
			 "igmp_version=2 mld_version=1");
	/* The kernel checks ranges and says so in its extack. */
	bridge_params_ok("igmp-version 4", "igmp_version=4");
	/* Prefixes keep meaning what they meant before the querier words. */
	bridge_params_ok("quer 10", "query_interval=10000");
	bridge_params_ok("querier-a 10.0.0.2", "addr4=10.0.0.2");
	/*
	 * Of the keywords, the bridge's own and the querier settings', a
	 * prefix means the oldest (the lowest attribute).
	 */
	bridge_params_ok("r 3", "robustness=3");
	bridge_params_ok("ro 3", "robustness=3");
	bridge_params_ok("rou auto", "router_timeout=0");
	bridge_params_ok("m 5", "max_groups=5");
	bridge_params_ok("me 5", "membership_timeout=5000");
	bridge_params_ok("h static", "host_router=2");
	bridge_params_ok("i 2", "igmp_version=2");
	bridge_params_bad("querier-address notanaddr", "querier-address");
	bridge_params_bad("querier-address 10.0.0", "querier-address");
	bridge_params_bad("querier-address NONE", "querier-address");
	bridge_params_bad("querier maybe", "querier");
	bridge_params_bad("querier 2", "querier");
	bridge_params_bad("proxy-query yes", "proxy-query");
	bridge_params_bad("startup-query-interval soon",
			  "startup-query-interval");
	bridge_params_bad("startup-query-interval 1.2345",
			  "startup-query-interval");
	bridge_params_bad("startup-query-count 256", "startup-query-count");
	bridge_params_bad("startup-query-count autox", "startup-query-count");
	bridge_params_bad("igmp-version x", "igmp-version");
	bridge_params_bad("igmp-version 256", "igmp-version");
	bridge_params_bad("mld-version -1", "mld-version");
	expect("bridge set querier-address without a value refused",
	       params_run(&mcs_bridge_params, bridge_attr_names,
			  MCSNOOP_A_BRIDGE_MAX, "querier-address"), "refused");
	expect("bridge set querier-address without a value message",
	       params_err, "Error: missing value for \"querier-address\"\n");
	vlan_params_ok("querier proxy querier-address 192.168.1.1",
		       "querier=1 addr4=192.168.1.1");
	vlan_params_ok("querier-address none", "addr4=0.0.0.0 addr6=::");
	vlan_params_ok("querier-address fe80::5 snooping on",
		       "addr6=fe80::5 snooping=1");
	/* The bridge's querier words, for the VLAN's own attributes. */
	vlan_params_ok("proxy-query on", "proxy_query=1");
	vlan_params_ok("query-interval 30 robustness 3",
		       "query_interval=30000 robustness=3");
	vlan_params_ok("membership-timeout auto", "membership_timeout=0");
	/* As before the timer words: a prefix still means querier. */
	vlan_params_ok("quer proxy", "querier=1");
	vlan_params_ok("m auto", "membership_timeout=0");
	vlan_params_ok("i 3", "igmp_version=3");
	vlan_params_ok("in all", "inherit=32767");
	vlan_params_ok("inherit query-interval,robustness", "inherit=80");
	vlan_params_ok("inherit querier-address", "inherit=6");
	vlan_params_ok("inherit all", "inherit=32767");
	/* Not a querier setting, but a VLAN's as they are. */
	vlan_params_ok("flood-unknown off", "flood_unknown=0");
	vlan_params_ok("max-groups 100", "max_groups=100");
	vlan_params_ok("inherit flood-unknown", "inherit=16384");
	expect("vlan set inherit bogus word refused",
	       params_run(&mcs_vlan_params, vlan_attr_names,
			  MCSNOOP_A_VLAN_MAX, "inherit robustness,bogus"),
	       "refused");
	expect("vlan set inherit bogus word message", params_err,
	       "Error: invalid inherit \"robustness,bogus\" (expected setting keywords separated by commas, or all)\n");
	expect("vlan set inherit empty word refused",
	       params_run(&mcs_vlan_params, vlan_attr_names,
			  MCSNOOP_A_VLAN_MAX, "inherit robustness,"),
	       "refused");
	/* inherit takes whole words only, prefixes are keywords' */
	expect("vlan set inherit prefix refused",
	       params_run(&mcs_vlan_params, vlan_attr_names,
			  MCSNOOP_A_VLAN_MAX, "inherit robust"),
	       "refused");
	/* Without the querier settings: the command's own keywords only. */
	expect("own keywords only",
	       params_run(&own_only_params, vlan_attr_names,
			  MCSNOOP_A_VLAN_MAX, "s on"), "snooping=1");
	expect("own keywords only: querier refused",
	       params_run(&own_only_params, vlan_attr_names,
			  MCSNOOP_A_VLAN_MAX, "querier auto"), "refused");
	expect("own keywords only: querier message", params_err,
	       "Error: unknown keyword \"querier\"\n");
	profile_params_tests();
}

/* The names of words.h: interfaces, MAC addresses, families, words. */
static void words_tests(void)
{
	static const char *const words[] = { "zero", NULL, "two-words x" };
	static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	const struct nlattr *tb[4];
	char buf[32], err[128], name[IF_NAMESIZE];
	uint32_t lo = if_nametoindex("lo"), idx = 0;
	struct nlmsghdr *nlh;
	int ret;

	expect("word_of", word_of(words, 3, 0), "zero");
	expect("word_of a hole", word_of(words, 3, 1), "unknown");
	expect("word_of beyond", word_of(words, 3, 3), "unknown");
	expect("word_of_list", word_of_list(mcs_router_words, 2), "static");
	expect("word_of_list beyond", word_of_list(mcs_router_words, 3),
	       "unknown");
	expect_true("word_index", word_index(mcs_router_words, "auto") == 1);
	expect_true("word_index of a prefix",
		    word_index(mcs_router_words, "au") == -1);
	expect("word_or_number", word_or_number(words, 3, 2, buf, sizeof(buf)),
	       "two-words x");
	expect("word_subst", word_subst(buf, "- ", '_'), "two_words_x");
	expect("word_or_number of a hole",
	       word_or_number(words, 3, 1, buf, sizeof(buf)), "unknown-1");
	expect("word_or_number beyond",
	       word_or_number(words, 3, 200, buf, sizeof(buf)), "unknown-200");
	expect("family inet", mcs_family_word(AF_INET), "inet");
	expect("family inet6", mcs_family_word(AF_INET6), "inet6");
	expect("family unknown", mcs_family_word(0), "?");

	nlh = reply(0);
	mnl_attr_put_strz(nlh, 1, "br0");
	mnl_attr_put_u32(nlh, 2, lo);
	mnl_attr_put(nlh, 3, sizeof(mac), mac);
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, 3);
	expect("ifname of the name", mcs_ifname(tb[1], tb[2], name), "br0");
	expect("ifname of the ifindex", mcs_ifname(NULL, tb[2], name), "lo");
	expect("ifname of neither", mcs_ifname(NULL, NULL, name), "?");
	expect("mac_str", mac_str(tb[3], buf), "52:54:00:12:34:56");
	expect_true("mac_str of 4 bytes", !mac_str(tb[2], buf));
	expect_true("mac_str of none", !mac_str(NULL, buf));
	expect_true("ifindex of lo", !mcs_ifindex("lo", &idx) && idx == lo);
	capture_begin();
	ret = mcs_ifindex("a-name-longer-than-ifnamsiz", &idx);
	capture_end(err, sizeof(err));
	expect_true("ifindex of a name too long refused", ret < 0 && idx == lo);
	expect("ifindex of a name too long message", err,
	       "Error: cannot find device \"a-name-longer-than-ifnamsiz\"\n");
}

/* Every querier setting is in the help of bridge set and vlan set. */
static void qsettings_help_tests(void)
{
	static void (*const usages[])(void) = {
		mcs_bridge_usage, mcs_vlan_usage,
	};
	const struct mcs_qsetting *q;
	char help[4096], word[64], missing[256] = "";
	unsigned int i;

	for (i = 0; i < N_WORDS(usages); i++) {
		capture_begin();
		usages[i]();
		capture_end(help, sizeof(help));
		for (q = mcs_qsettings; q->name; q++) {
			snprintf(word, sizeof(word), "[ %s ", q->name);
			if (!strstr(help, word))
				snprintf(missing + strlen(missing),
					 sizeof(missing) - strlen(missing),
					 " %s", q->name);
		}
	}
	expect("querier settings in bridge and vlan help", missing, "");
}

/* Each typed printer in one mode only. */
static void typed_writer(void)
{
	out_open_object(NULL);
	print_str(PRINT_TEXT, "s", "s %s", "text");
	print_str(PRINT_JSON, "s", " s %s", "json");
	print_u64(PRINT_TEXT, "u", " u %llu", 1);
	print_u64(PRINT_JSON, "u", " u %llu", 2);
	print_on_off(PRINT_TEXT, "b", " b %s", true);
	print_on_off(PRINT_JSON, "b", " b %s", false);
	print_secs(PRINT_TEXT, "t", " t %s", 1500);
	print_secs(PRINT_JSON, "t", " t %s", 2250);
	out_close_object();
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

static void put_stats(struct nlmsghdr *nlh, uint16_t type)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);
	uint16_t i;

	for (i = MCSNOOP_A_STATS_IGMP; i <= MCSNOOP_A_STATS_MAX; i++)
		mnl_attr_put_u64(nlh, i, i);
	mnl_attr_nest_end(nlh, nest);
}

/* The querier settings of bridge_reply: defaults, or all set. */
static bool bridge_querier_set;
/* MCSNOOP_FALLBACK_* of bridge_reply and port_reply. */
static uint32_t reply_fallback;

static void put_addr(struct nlmsghdr *nlh, uint16_t type, int family,
		     const char *text)
{
	uint8_t bytes[16] = { 0 };

	if (inet_pton(family, text, bytes) != 1)
		abort();
	mnl_attr_put(nlh, type, family == AF_INET ? 4 : 16, bytes);
}

static void bridge_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_BRIDGE_GET);
	bool set = bridge_querier_set;

	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_MCAST_SNOOPING,
			!!reply_fallback);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_FALLBACK, reply_fallback);
	put_stats(nlh, MCSNOOP_A_BRIDGE_STATS);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_SNOOPING, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_MAX_GROUPS, 16384);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_GROUP_COUNT, 3);
	mnl_attr_put_u64(nlh, MCSNOOP_A_BRIDGE_TABLE_BYTES, 1572864);
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
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_QUERIER,
			set ? MCSNOOP_QUERIER_OFF : MCSNOOP_QUERIER_AUTO);
	put_addr(nlh, MCSNOOP_A_BRIDGE_QUERIER_ADDR4, AF_INET,
		 set ? "10.0.0.1" : "0.0.0.0");
	put_addr(nlh, MCSNOOP_A_BRIDGE_QUERIER_ADDR6, AF_INET6,
		 set ? "fe80::1" : "::");
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_PROXY_QUERY, !set);
	mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL,
			 set ? 1500 : 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT, set ? 5 : 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_IGMP_VERSION, set ? 2 : 3);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_MLD_VERSION, set ? 1 : 2);
	if (set) {
		mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_HOST_ROUTER,
				MCSNOOP_ROUTER_AUTO);
		mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV4,
				MCSNOOP_ROUTER_VIA_NONE);
		mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV6,
				MCSNOOP_ROUTER_VIA_NONE);
		mnl_attr_put_u32(nlh, MCSNOOP_A_BRIDGE_QUERIER_PROXY_ONLY, 2);
	}
	out_open_array(NULL);
	mcs_bridge_print_cb(nlh, &print_ctx);
	out_close_array();
}

static void put_removal(struct nlmsghdr *nlh, const char *group, uint16_t vid,
			uint8_t reason, uint32_t age, uint8_t querier,
			uint32_t last_query)
{
	struct nlattr *e = mnl_attr_nest_start(nlh, MCSNOOP_A_REMOVAL_ENTRY);
	struct in_addr g;

	inet_pton(AF_INET, group, &g);
	mnl_attr_put(nlh, MCSNOOP_A_REMOVAL_GROUP, 4, &g);
	mnl_attr_put_u16(nlh, MCSNOOP_A_REMOVAL_VID, vid);
	mnl_attr_put_u8(nlh, MCSNOOP_A_REMOVAL_REASON, reason);
	mnl_attr_put_u32(nlh, MCSNOOP_A_REMOVAL_AGE, age);
	mnl_attr_put_u8(nlh, MCSNOOP_A_REMOVAL_QUERIER, querier);
	mnl_attr_put_u32(nlh, MCSNOOP_A_REMOVAL_LAST_QUERY, last_query);
	mnl_attr_nest_end(nlh, e);
}

/* Two removals, newest first: a timeout without a querier, a fast leave. */
static void put_removals(struct nlmsghdr *nlh, int attr)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, attr);

	put_removal(nlh, "239.1.1.1", 0, MCSNOOP_EVENT_REASON_TIMEOUT, 12300,
		    0, 260000);
	put_removal(nlh, "239.1.1.2", 10, MCSNOOP_EVENT_REASON_FAST_LEAVE,
		    40000, 1, 1500);
	mnl_attr_nest_end(nlh, nest);
}

/* As group show -s prints them: vid 10's of port p1 of br0. */
static void removals_of_group(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_PORT_GET);
	struct mcs_removal_filter f = { .has_vid = true, .vid = 10 };
	struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1] = { NULL };

	put_removals(nlh, MCSNOOP_A_PORT_REMOVALS);
	nl_attrs(nlh, sizeof(struct genlmsghdr), (const struct nlattr **)tb,
		 MCSNOOP_A_PORT_MAX);
	out_open_array(NULL);
	mcs_removals_print(tb[MCSNOOP_A_PORT_REMOVALS], "br0", "p1", &f);
	out_close_array();
}

/* A template of br0 for tap* with three of the port settings. */
/* Whether template_reply gives two static groups. */
static bool template_groups;

static void template_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_PORT_TEMPLATE_GET);

	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_BRIDGE_IFNAME, "br0");
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_TEMPLATE, "tap*");
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_MAX_GROUPS, 64);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_FAST_LEAVE, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_ROUTER, MCSNOOP_ROUTER_STATIC);
	if (template_groups) {
		static const uint8_t g4[4] = { 239, 1, 1, 1 };
		static const uint8_t s4[4] = { 10, 0, 0, 1 };
		struct nlattr *nest, *entry;

		nest = mnl_attr_nest_start(nlh, MCSNOOP_A_PORT_GROUPS);
		entry = mnl_attr_nest_start(nlh, MCSNOOP_A_STATIC_GROUP_ENTRY);
		mnl_attr_put(nlh, MCSNOOP_A_STATIC_GROUP_ADDR, 4, g4);
		mnl_attr_nest_end(nlh, entry);
		entry = mnl_attr_nest_start(nlh, MCSNOOP_A_STATIC_GROUP_ENTRY);
		mnl_attr_put(nlh, MCSNOOP_A_STATIC_GROUP_ADDR, 4, g4);
		mnl_attr_put_u16(nlh, MCSNOOP_A_STATIC_GROUP_VID, 10);
		mnl_attr_put(nlh, MCSNOOP_A_STATIC_GROUP_SOURCE, 4, s4);
		mnl_attr_nest_end(nlh, entry);
		mnl_attr_nest_end(nlh, nest);
	}
	out_open_array(NULL);
	mcs_template_print_cb(nlh, NULL);
	out_close_array();
}

/* Whether port_reply has router modes, limits per VLAN. */
static bool port_vlan_routers, port_vlan_limits;
/* The profile attribute of port_reply and vlan_reply (NULL: none). */
static const char *reply_profile;

static void put_vlan_limit(struct nlmsghdr *nlh, uint16_t vid, uint32_t max,
			   uint32_t count, uint64_t table_full)
{
	struct nlattr *entry;

	entry = mnl_attr_nest_start(nlh, MCSNOOP_A_VLAN_LIMIT_ENTRY);
	mnl_attr_put_u16(nlh, MCSNOOP_A_VLAN_LIMIT_VID, vid);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_LIMIT_MAX_GROUPS, max);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_LIMIT_GROUP_COUNT, count);
	mnl_attr_put_u64(nlh, MCSNOOP_A_VLAN_LIMIT_TABLE_FULL, table_full);
	mnl_attr_nest_end(nlh, entry);
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
	if (port_vlan_routers) {
		uint8_t on[512] = { 0 }, off[512] = { 0 };

		on[10 / 8] |= 1 << (10 % 8);	/* 10-12, 20 static */
		on[11 / 8] |= 1 << (11 % 8);
		on[12 / 8] |= 1 << (12 % 8);
		on[20 / 8] |= 1 << (20 % 8);
		off[30 / 8] |= 1 << (30 % 8);
		mnl_attr_put(nlh, MCSNOOP_A_PORT_VLAN_ROUTERS_STATIC,
			     sizeof(on), on);
		mnl_attr_put(nlh, MCSNOOP_A_PORT_VLAN_ROUTERS_OFF, sizeof(off),
			     off);
	}
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_MAX_HOSTS, 512);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_HOST_COUNT, 1);
	if (port_vlan_limits) {
		struct nlattr *nest;

		nest = mnl_attr_nest_start(nlh, MCSNOOP_A_PORT_VLAN_LIMITS);
		put_vlan_limit(nlh, 10, 2, 2, 3);
		put_vlan_limit(nlh, 20, 100, 0, 0);
		mnl_attr_nest_end(nlh, nest);
	}
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_ROUTER_IPV4,
			MCSNOOP_ROUTER_VIA_QUERY);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PORT_ROUTER_IPV6,
			MCSNOOP_ROUTER_VIA_NONE);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_ROUTER_IPV4_TIMER, 250300);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_ROUTER_IPV6_TIMER, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_FALLBACK, reply_fallback);
	put_stats(nlh, MCSNOOP_A_PORT_STATS);
	put_removals(nlh, MCSNOOP_A_PORT_REMOVALS);
	if (reply_profile)
		mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_PROFILE, reply_profile);
	out_open_array(NULL);
	mcs_port_print_cb(nlh, &print_ctx);
	out_close_array();
}

/* The MCSNOOP_VLAN_SETTING_* bits of vlan_reply's own settings. */
static uint32_t vlan_own = MCSNOOP_VLAN_SETTING_QUERIER |
			   MCSNOOP_VLAN_SETTING_QUERIER_ADDR6 |
			   MCSNOOP_VLAN_SETTING_QUERY_INTERVAL |
			   MCSNOOP_VLAN_SETTING_ROBUSTNESS;

static void vlan_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_VLAN_GET);

	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_VLAN_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u16(nlh, MCSNOOP_A_VLAN_VID, 10);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_SNOOPING, 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_FLOOD_UNKNOWN, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_GROUP_COUNT, 1);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_QUERIER, MCSNOOP_QUERIER_PROXY);
	put_addr(nlh, MCSNOOP_A_VLAN_QUERIER_ADDR4, AF_INET, "0.0.0.0");
	put_addr(nlh, MCSNOOP_A_VLAN_QUERIER_ADDR6, AF_INET6, "fe80::1");
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_PROXY_QUERY, 1);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_QUERY_INTERVAL, 30000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_QUERY_RESPONSE_INTERVAL, 10000);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_ROBUSTNESS, 3);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_LAST_MEMBER_INTERVAL, 1000);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_LAST_MEMBER_COUNT, 2);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_STARTUP_QUERY_INTERVAL, 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_STARTUP_QUERY_COUNT, 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_IGMP_VERSION, 3);
	mnl_attr_put_u8(nlh, MCSNOOP_A_VLAN_MLD_VERSION, 2);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT_ACTIVE,
			 100000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_VLAN_OWN, vlan_own);
	if (reply_profile)
		mnl_attr_put_strz(nlh, MCSNOOP_A_VLAN_PROFILE, reply_profile);
	out_open_array(NULL);
	mcs_vlan_print_cb(nlh, NULL);
	out_close_array();
}

/* The host of the next member put (mcast_to_unicast), or none. */
static const uint8_t *member_host;
/* Its host compatibility version, or 0 for none. */
static uint8_t member_compat;

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
	if (member_host) {
		static const uint8_t host_addr[4] = { 10, 0, 0, 10 };

		mnl_attr_put(nlh, MCSNOOP_A_MEMBER_HOST, 6, member_host);
		mnl_attr_put(nlh, MCSNOOP_A_MEMBER_HOST_ADDR, 4, host_addr);
	}
	if (member_compat)
		mnl_attr_put_u8(nlh, MCSNOOP_A_MEMBER_HOST_COMPAT,
				member_compat);
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

/* group_reply with a member of a host behind a mcast_to_unicast port. */
static bool group_hosts;
/* group show -s */
static bool group_stats;
/* Its MAC_ALIAS attribute, when not 0. */
static uint32_t group_alias;

static void group_reply(void)
{
	static const uint8_t mac[6] = { 1, 0, 0x5e, 1, 1, 1 };
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_GROUP_GET);
	struct mcs_group_print gp = { .stats = group_stats };
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
	mnl_attr_put_u64(nlh, MCSNOOP_A_GROUP_OUT_PACKETS, 20);
	mnl_attr_put_u64(nlh, MCSNOOP_A_GROUP_OUT_BYTES, 2560);
	if (group_alias)
		mnl_attr_put_u32(nlh, MCSNOOP_A_GROUP_MAC_ALIAS, group_alias);
	members = mnl_attr_nest_start(nlh, MCSNOOP_A_GROUP_MEMBERS);
	member_compat = 2;
	put_member(nlh, "veth1", MCSNOOP_FILTER_EXCLUDE, 0, 259500, NULL);
	member_compat = 0;
	put_member(nlh, "veth2", MCSNOOP_FILTER_INCLUDE, 0, 0, "10.0.0.1");
	put_member(nlh, "br0", MCSNOOP_FILTER_EXCLUDE, 1, 0, NULL);
	if (group_hosts) {
		static const uint8_t host[6] = { 2, 0, 0, 0, 0, 0x0a };

		member_host = host;
		put_member(nlh, "wlan1", MCSNOOP_FILTER_EXCLUDE, 0, 259500,
			   NULL);
		member_host = NULL;
	}
	mnl_attr_nest_end(nlh, members);
	out_open_array(NULL);
	mcs_group_print_cb(nlh, &gp);
	mcs_group_print_end(&gp);
	out_close_array();
}

/* One group message of a dump: br0, GROUP, one member on PORT. */
static void group_part(struct mcs_group_print *gp, const char *group,
		       const char *port)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_GROUP_GET);
	struct nlattr *members;
	struct in_addr g;

	inet_pton(AF_INET, group, &g);
	mnl_attr_put_u32(nlh, MCSNOOP_A_GROUP_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_GROUP_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u16(nlh, MCSNOOP_A_GROUP_VID, 0);
	mnl_attr_put(nlh, MCSNOOP_A_GROUP_ADDR, 4, &g);
	members = mnl_attr_nest_start(nlh, MCSNOOP_A_GROUP_MEMBERS);
	put_member(nlh, port, MCSNOOP_FILTER_INCLUDE, 1, 0, NULL);
	mnl_attr_nest_end(nlh, members);
	mcs_group_print_cb(nlh, gp);
}

/* A group split over two messages, then another group: two groups. */
static void group_reply_split(void)
{
	struct mcs_group_print gp = { 0 };

	out_open_array(NULL);
	group_part(&gp, "239.1.1.1", "veth1");
	group_part(&gp, "239.1.1.1", "veth2");
	group_part(&gp, "239.1.1.2", "veth3");
	mcs_group_print_end(&gp);
	out_close_array();
}

/* As bridge show BRIDGE prints the table: under a heading, indented. */
static void group_reply_indented(void)
{
	print_text("    groups:");
	print_nl();
	out_text_indent("        ");
	group_reply();
	out_text_indent(NULL);
	print_text("    1 groups, max 10");
	print_nl();
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

/* A port's counters as the kernel sends them: no bridge-only ones. */
static void stats_port_only_reply(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_PORT_GET);
	struct nlattr *nest;

	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_IFNAME, "veth1");
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_BRIDGE_IFNAME, "br0");
	nest = mnl_attr_nest_start(nlh, MCSNOOP_A_PORT_STATS);
	mnl_attr_put_u64(nlh, MCSNOOP_A_STATS_TABLE_FULL, 1);
	mnl_attr_put_u64(nlh, MCSNOOP_A_STATS_DENIED, 7);
	mnl_attr_nest_end(nlh, nest);
	out_open_array(NULL);
	mcs_stats_port_print_cb(nlh, NULL);
	out_close_array();
}

/* We are the querier of VLAN 10 for IGMP. */
static void querier_reply_ours(struct nlmsghdr *nlh)
{
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_QUERIER_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u16(nlh, MCSNOOP_A_QUERIER_VID, 10);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_FAMILY, AF_INET);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_MODE, MCSNOOP_QUERIER_AUTO);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_ROLE,
			MCSNOOP_QUERIER_ROLE_QUERIER);
	put_addr(nlh, MCSNOOP_A_QUERIER_OWN_ADDR, AF_INET, "10.0.0.1");
	put_addr(nlh, MCSNOOP_A_QUERIER_ADDR, AF_INET, "10.0.0.1");
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_INTERVAL, 125000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_RESPONSE_INTERVAL, 10000);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_ROBUSTNESS, 2);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_VERSION, 3);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_OTHER_TIMER, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_QUERY_TIMER, 12340);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_QUERIES_SENT, 4);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_QUERIES_HEARD, 0);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_PROXY_QUERIES_HEARD, 0);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_BOGUS_QUERIES, 0);
}

/* Another querier won the MLD election on a bridge without VLANs. */
static void querier_reply_other(struct nlmsghdr *nlh)
{
	static const uint8_t mac[6] = { 0xaa, 0xbb, 0xcc, 0, 0x01, 0x02 };

	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_QUERIER_BRIDGE_IFNAME, "br0");
	mnl_attr_put_u16(nlh, MCSNOOP_A_QUERIER_VID, 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_FAMILY, AF_INET6);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_MODE, MCSNOOP_QUERIER_AUTO);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_ROLE,
			MCSNOOP_QUERIER_ROLE_OTHER);
	put_addr(nlh, MCSNOOP_A_QUERIER_OWN_ADDR, AF_INET6, "fe80::2");
	put_addr(nlh, MCSNOOP_A_QUERIER_ADDR, AF_INET6, "fe80::1");
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_PORT_IFINDEX, 7);
	mnl_attr_put_strz(nlh, MCSNOOP_A_QUERIER_PORT_IFNAME, "veth1");
	mnl_attr_put(nlh, MCSNOOP_A_QUERIER_MAC, 6, mac);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_INTERVAL, 60000);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_RESPONSE_INTERVAL, 5000);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_ROBUSTNESS, 3);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_VERSION, 2);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_OTHER_TIMER, 182500);
	mnl_attr_put_u32(nlh, MCSNOOP_A_QUERIER_QUERY_TIMER, 0);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_QUERIES_SENT, 2);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_QUERIES_HEARD, 9);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_PROXY_QUERIES_HEARD, 1);
	mnl_attr_put_u64(nlh, MCSNOOP_A_QUERIER_BOGUS_QUERIES, 3);
	put_addr(nlh, MCSNOOP_A_QUERIER_BOGUS_ADDR, AF_INET6, "2001:db8::9");
}

/* A dump of two rows, as querier show prints it. */
static void querier_reply(void)
{
	struct nlmsghdr *nlh;

	out_open_array(NULL);
	nlh = reply(MCSNOOP_CMD_QUERIER_GET);
	querier_reply_ours(nlh);
	mcs_querier_print_cb(nlh, NULL);
	nlh = reply(MCSNOOP_CMD_QUERIER_GET);
	querier_reply_other(nlh);
	mcs_querier_print_cb(nlh, NULL);
	out_close_array();
}

/* Mode off: no querier, no own address (the kernel leaves them out). */
static void querier_reply_off(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_QUERIER_GET);

	mnl_attr_put_strz(nlh, MCSNOOP_A_QUERIER_BRIDGE_IFNAME, "br1");
	mnl_attr_put_u16(nlh, MCSNOOP_A_QUERIER_VID, 0);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_FAMILY, AF_INET);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_MODE, MCSNOOP_QUERIER_OFF);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_ROLE, MCSNOOP_QUERIER_ROLE_OFF);
	mnl_attr_put_u8(nlh, MCSNOOP_A_QUERIER_PROXY_ONLY, 1);
	out_open_array(NULL);
	mcs_querier_print_cb(nlh, NULL);
	out_close_array();
}

/* A rule of a profile reply; max or smax NULL: left out. */
static void put_rule(struct nlmsghdr *nlh, uint8_t action, int af,
		     const char *min, const char *max, const char *smin,
		     const char *smax)
{
	struct nlattr *entry;

	entry = mnl_attr_nest_start(nlh, MCSNOOP_A_PROFILE_RULE_ENTRY);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PROFILE_RULE_ACTION, action);
	put_addr(nlh, MCSNOOP_A_PROFILE_RULE_GROUP_MIN, af, min);
	if (max)
		put_addr(nlh, MCSNOOP_A_PROFILE_RULE_GROUP_MAX, af, max);
	if (smin)
		put_addr(nlh, MCSNOOP_A_PROFILE_RULE_SOURCE_MIN, af, smin);
	if (smax)
		put_addr(nlh, MCSNOOP_A_PROFILE_RULE_SOURCE_MAX, af, smax);
	mnl_attr_nest_end(nlh, entry);
}

/* A dump of two profiles: iptv with three rules, guest with none. */
static void profile_reply(void)
{
	struct nlmsghdr *nlh;
	struct nlattr *rules;

	out_open_array(NULL);
	nlh = reply(MCSNOOP_CMD_PROFILE_GET);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PROFILE_NAME, "iptv");
	mnl_attr_put_u8(nlh, MCSNOOP_A_PROFILE_DEFAULT,
			MCSNOOP_PROFILE_ACTION_DENY);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PROFILE_USERS, 2);
	rules = mnl_attr_nest_start(nlh, MCSNOOP_A_PROFILE_RULES);
	put_rule(nlh, MCSNOOP_PROFILE_ACTION_PERMIT, AF_INET, "239.1.0.0",
		 "239.1.255.255", NULL, NULL);
	put_rule(nlh, MCSNOOP_PROFILE_ACTION_PERMIT, AF_INET, "232.1.1.0",
		 "232.1.1.255", "10.0.0.0", "10.0.0.255");
	/* The maxima left out: the minima. */
	put_rule(nlh, MCSNOOP_PROFILE_ACTION_DENY, AF_INET6, "ff0e::1", NULL,
		 NULL, NULL);
	put_rule(nlh, MCSNOOP_PROFILE_ACTION_PERMIT, AF_INET6, "ff3e::",
		 "ff3e::ffff", "2001:db8::1", NULL);
	mnl_attr_nest_end(nlh, rules);
	mcs_profile_print_cb(nlh, NULL);
	nlh = reply(MCSNOOP_CMD_PROFILE_GET);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PROFILE_NAME, "guest");
	mnl_attr_put_u8(nlh, MCSNOOP_A_PROFILE_DEFAULT,
			MCSNOOP_PROFILE_ACTION_PERMIT);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PROFILE_USERS, 0);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, MCSNOOP_A_PROFILE_RULES));
	mcs_profile_print_cb(nlh, NULL);
	out_close_array();
}

/* The words of profile_run, for profile_sent. */
static struct mcs_profile parsed_profile;

/* The request of the words parsed, as profile show prints it (text). */
static void profile_sent(void)
{
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_PROFILE_ADD);

	mcs_profile_put(nlh, &parsed_profile);
	mcs_profile_print_cb(nlh, NULL);
}

/*
 * profile add's words after "add" (split at spaces): what its request
 * would show, or "refused: " and the first line of the error.
 */
static const char *profile_run(const char *line)
{
	static char out[1024];
	char copy[512], *argv[32], *tok, err[512];
	int argc = 0, ret;

	snprintf(copy, sizeof(copy), "%s", line);
	for (tok = strtok(copy, " "); tok && argc < 32; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	capture_begin();
	ret = mcs_profile_parse(argc, argv, &parsed_profile);
	capture_end(err, sizeof(err));
	if (ret < 0) {
		*strchrnul(err, '\n') = 0;
		snprintf(out, sizeof(out), "refused: %s", err);
		return out;
	}
	snprintf(out, sizeof(out), "%s", render(profile_sent, 0, 0));
	return out;
}

static void profile_add_expect(const char *line, const char *want)
{
	char name[128];

	snprintf(name, sizeof(name), "profile add %s", line);
	expect(name, profile_run(line), want);
}

static void profile_tests(void)
{
	char line[8192], err[256], *argv[2 * (MCS_PROFILE_RULES_MAX + 1) + 1];
	char *tok;
	size_t len = 0;
	int i, argc, ret;

	expect("profile show text", render(profile_reply, 0, 0),
	       "profile iptv default deny users 2\n"
	       "    permit 239.1.0.0-239.1.255.255\n"
	       "    permit 232.1.1.0-232.1.1.255 source 10.0.0.0-10.0.0.255\n"
	       "    deny ff0e::1\n"
	       "    permit ff3e::-ff3e::ffff source 2001:db8::1\n"
	       "profile guest default permit users 0\n");
	expect("profile show json", render(profile_reply, 1, 0),
	       "[{\"name\":\"iptv\",\"default\":\"deny\",\"users\":2,"
	       "\"rules\":[{\"action\":\"permit\",\"group_min\":\"239.1.0.0\","
	       "\"group_max\":\"239.1.255.255\",\"source_min\":null,"
	       "\"source_max\":null},{\"action\":\"permit\","
	       "\"group_min\":\"232.1.1.0\",\"group_max\":\"232.1.1.255\","
	       "\"source_min\":\"10.0.0.0\",\"source_max\":\"10.0.0.255\"},"
	       "{\"action\":\"deny\",\"group_min\":\"ff0e::1\","
	       "\"group_max\":\"ff0e::1\",\"source_min\":null,"
	       "\"source_max\":null},{\"action\":\"permit\","
	       "\"group_min\":\"ff3e::\",\"group_max\":\"ff3e::ffff\","
	       "\"source_min\":\"2001:db8::1\",\"source_max\":\"2001:db8::1\"}]},"
	       "{\"name\":\"guest\",\"default\":\"permit\",\"users\":0,"
	       "\"rules\":[]}]\n");

	/* What add sends, read back by the printer of show. */
	profile_add_expect("iptv", "profile iptv default deny users 0\n");
	profile_add_expect("iptv default permit",
			   "profile iptv default permit users 0\n");
	profile_add_expect("iptv def deny permit 239.1.0.0/16",
			   "profile iptv default deny users 0\n"
			   "    permit 239.1.0.0-239.1.255.255\n");
	profile_add_expect("iptv permit 239.1.0.0/16 permit 232.1.1.0/24 source 10.0.0.0-10.0.0.255 deny ff0e::1 default permit",
			   "profile iptv default permit users 0\n"
			   "    permit 239.1.0.0-239.1.255.255\n"
			   "    permit 232.1.1.0-232.1.1.255 source 10.0.0.0-10.0.0.255\n"
			   "    deny ff0e::1\n");
	profile_add_expect("iptv deny ff3e::/96 s 2001:db8::/64",
			   "profile iptv default deny users 0\n"
			   "    deny ff3e::-ff3e::ffff:ffff source 2001:db8::-2001:db8::ffff:ffff:ffff:ffff\n");
	profile_add_expect("iptv permit 239.1.1.9-239.1.1.1",
			   "refused: Error: profile: bad range 239.1.1.9-239.1.1.1: the first address is above the last");
	profile_add_expect("iptv permit 239.1.1.1 source 10.0.0.9-10.0.0.1",
			   "refused: Error: profile: bad range 10.0.0.9-10.0.0.1: the first address is above the last");
	profile_add_expect("iptv permit 239.1.1.1-ff0e::1",
			   "refused: Error: profile: bad range 239.1.1.1-ff0e::1: the two addresses are of different families");
	profile_add_expect("iptv permit 239.1.1.1 source 2001:db8::1",
			   "refused: Error: profile: source 2001:db8::1 is not of the family of group 239.1.1.1");
	profile_add_expect("iptv permit 239.0.0.0/40",
			   "refused: Error: profile: bad range 239.0.0.0/40: the prefix length is not 0-32");
	profile_add_expect("iptv allow 239.1.1.1",
			   "refused: Error: profile: unknown action \"allow\" (expected permit, deny or default)");
	profile_add_expect("iptv permit 239.1.1.1 de 239.1.1.2",
			   "refused: Error: profile: unknown action \"de\" (expected permit, deny or default)");
	profile_add_expect("iptv default allow",
			   "refused: Error: profile: unknown action \"allow\" (expected permit or deny)");
	profile_add_expect("iptv default",
			   "refused: Error: profile: missing value for \"default\"");
	profile_add_expect("iptv default deny default permit",
			   "refused: Error: profile: \"default\" given twice");
	profile_add_expect("iptv permit",
			   "refused: Error: profile: missing GROUPS after \"permit\"");
	profile_add_expect("iptv permit 239.1.1.1 source",
			   "refused: Error: profile: missing SOURCES after \"source\"");
	profile_add_expect("", "refused: Error: profile: missing NAME");
	profile_add_expect("none", "refused: Error: profile: \"none\" cannot be a name (port set and vlan set detach with it)");
	profile_add_expect("abcdefghijklmnop",
			   "refused: Error: profile: \"abcdefghijklmnop\" is longer than 15 characters");

	/* 32 rules are taken, the 33rd refused before anything is sent. */
	len = snprintf(line, sizeof(line), "many");
	for (i = 0; i < MCS_PROFILE_RULES_MAX + 1; i++)
		len += snprintf(line + len, sizeof(line) - len,
				" permit 239.1.%d.%d", i / 256, i % 256);
	for (argc = 0, tok = strtok(line, " "); tok; tok = strtok(NULL, " "))
		argv[argc++] = tok;
	capture_begin();
	ret = mcs_profile_parse(argc - 2, argv, &parsed_profile);
	capture_end(err, sizeof(err));
	expect_true("profile add 32 rules",
		    ret == 0 && parsed_profile.n_rules == MCS_PROFILE_RULES_MAX &&
		    !err[0]);
	capture_begin();
	ret = mcs_profile_parse(argc, argv, &parsed_profile);
	capture_end(err, sizeof(err));
	expect_true("profile add 33 rules refused", ret < 0);
	expect("profile add 33 rules message", err,
	       "Error: profile: more than 32 rules\n");

	/* A port's and a VLAN's profile. */
	reply_profile = "iptv";
	expect("port show profile text",
	       strstr(render(port_reply, 0, 0),
		      " max-hosts 512 hosts 1 profile iptv\n") ?
	       "found" : "missing", "found");
	expect("port show profile json",
	       strstr(render(port_reply, 1, 0),
		      "\"host_count\":1,\"profile\":\"iptv\",") ?
	       "found" : "missing", "found");
	expect("vlan show profile text",
	       strstr(render(vlan_reply, 0, 0),
		      "br0 vid 10 snooping off flood-unknown off groups 1 profile iptv\n") ?
	       "found" : "missing", "found");
	expect("vlan show profile json",
	       strstr(render(vlan_reply, 1, 0),
		      "\"max_groups\":0,\"profile\":\"iptv\",") ?
	       "found" : "missing", "found");
	/* An empty name is none. */
	reply_profile = "";
	expect("port show empty profile text",
	       strstr(render(port_reply, 0, 0), "profile") ?
	       "found" : "missing", "missing");
	expect("port show empty profile json",
	       strstr(render(port_reply, 1, 0), "\"profile\":null,") ?
	       "found" : "missing", "found");
	expect("vlan show empty profile json",
	       strstr(render(vlan_reply, 1, 0), "\"profile\":null,") ?
	       "found" : "missing", "found");
	reply_profile = NULL;
	expect("vlan show no profile text",
	       strstr(render(vlan_reply, 0, 0), "profile") ?
	       "found" : "missing", "missing");
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
	"\"data_pruned\":34,\"table_full\":35,\"events_dropped\":36," \
	"\"mac_alias\":37,\"denied\":38}"

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
	"           data_forwarded 33 data_pruned 34 table_full 35 " \
	"events_dropped 36 mac_alias 37 denied 38\n"

static void printer_tests(void)
{
	print_ctx.stats = false;
	expect("bridge show json", render(bridge_reply, 1, 0),
	       "[{\"ifname\":\"br0\",\"ifindex\":5,"
	       "\"saved_mcast_snooping\":true,\"mcast_snooping\":false,"
	       "\"fallback\":[],"
	       "\"snooping\":true,\"flood_unknown\":true,"
	       "\"flood_ambiguous\":false,\"max_groups\":16384,"
	       "\"group_count\":3,\"table_bytes\":1572864,"
	       "\"querier\":\"auto\",\"querier_address\":null,"
	       "\"querier_address6\":null,\"proxy_query\":true,"
	       "\"igmp_version\":3,\"mld_version\":2,"
	       "\"query_interval\":125,"
	       "\"query_response_interval\":10,\"robustness\":2,"
	       "\"startup_query_interval\":31.25,"
	       "\"startup_query_interval_auto\":true,"
	       "\"startup_query_count\":2,\"startup_query_count_auto\":true,"
	       "\"last_member_interval\":0.5,\"last_member_count\":2,"
	       "\"router_timeout\":255,\"router_timeout_auto\":true,"
	       "\"membership_timeout\":300,"
	       "\"membership_timeout_auto\":false}]\n");
	expect("bridge show text", render(bridge_reply, 0, 0),
	       "br0: ifindex 5 saved_mcast_snooping on\n"
	       "    snooping on flood-unknown on flood-ambiguous off max-groups 16384 groups 3\n"
	       "    querier auto querier-address none proxy-query on igmp-version 3 mld-version 2\n"
	       "    query-interval 125 query-response-interval 10 robustness 2\n"
	       "    startup-query-interval auto (31.25) startup-query-count auto (2)\n"
	       "    last-member-interval 0.5 last-member-count 2\n"
	       "    router-timeout auto (255) membership-timeout 300\n"
	       "    3 groups, max 16384, table memory 1.5 MiB\n");
	bridge_querier_set = true;
	expect("bridge show querier set json",
	       strstr(render(bridge_reply, 1, 0),
		      "\"querier\":\"off\",\"querier_address\":\"10.0.0.1\","
		      "\"querier_address6\":\"fe80::1\",\"proxy_query\":false,"
		      "\"igmp_version\":2,\"mld_version\":1,") &&
	       strstr(render(bridge_reply, 1, 0),
		      "\"startup_query_interval\":1.5,"
		      "\"startup_query_interval_auto\":false,"
		      "\"startup_query_count\":5,"
		      "\"startup_query_count_auto\":false,") ?
	       "found" : "missing", "found");
	expect("bridge show querier set text",
	       strstr(render(bridge_reply, 0, 0),
		      "\n    querier off querier-address 10.0.0.1 querier-address fe80::1 proxy-query off igmp-version 2 mld-version 1\n"
		      "    query-interval 125 query-response-interval 10 robustness 2\n"
		      "    startup-query-interval 1.5 startup-query-count 5\n") ?
	       "found" : "missing", "found");
	expect("bridge show proxy-only text",
	       strstr(render(bridge_reply, 0, 0),
		      "\n    only 0.0.0.0 queries heard on 2 VLANs/protocols: no querier with an address (querier show)\n") ?
	       "found" : "missing", "found");
	expect("bridge show proxy-only json",
	       strstr(render(bridge_reply, 1, 0),
		      "\"host_router_ipv6\":\"none\",\"querier_proxy_only\":2") ?
	       "found" : "missing", "found");
	bridge_querier_set = false;
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
	       "\"router\":\"auto\",\"vlan_routers\":[],\"fallback\":[],"
	       "\"router_ipv4\":\"query\","
	       "\"router_ipv4_timer\":250.3,\"router_ipv6\":\"none\","
	       "\"router_ipv6_timer\":0,\"flood_unknown\":true,"
	       "\"flood_reports\":false,\"fast_leave\":true,"
	       "\"max_groups\":10,\"limit_action\":\"flood\",\"group_count\":2,\"max_hosts\":512,"
	       "\"host_count\":1,\"profile\":null,\"vlan_limits\":[]}]\n");
	expect("port show text", render(port_reply, 0, 0),
	       "veth1: ifindex 7 bridge br0 router auto\n"
	       "    router-ipv4 query timer 250.3 router-ipv6 none\n"
	       "    flood-unknown on flood-reports off fast-leave on max-groups 10 limit-action flood groups 2"
	       " max-hosts 512 hosts 1\n");
	print_ctx.stats = true;
	expect("port show -s removals text",
	       strstr(render(port_reply, 0, 0),
		      "    removed 239.1.1.1 12.3 s ago: timeout, no query heard for 260 s, no querier on this LAN\n"
		      "    removed 239.1.1.2 vid 10 40 s ago: fast-leave\n") ?
	       "found" : "missing", "found");
	expect("port show -s removals json",
	       strstr(render(port_reply, 1, 0),
		      "\"removals\":[{\"group\":\"239.1.1.1\",\"vid\":0,"
		      "\"reason\":\"timeout\",\"age\":12.3,\"querier\":false,"
		      "\"last_query\":260},{\"group\":\"239.1.1.2\",\"vid\":10,"
		      "\"reason\":\"fast_leave\",\"age\":40,\"querier\":true,"
		      "\"last_query\":1.5}]}]") ?
	       "found" : "missing", "found");
	print_ctx.stats = false;
	expect("group show -s removals text", render(removals_of_group, 0, 0),
	       "removed 239.1.1.2 vid 10 port p1 40 s ago: fast-leave\n");
	expect("group show -s removals json", render(removals_of_group, 1, 0),
	       "[{\"bridge\":\"br0\",\"vid\":10,\"group\":\"239.1.1.2\","
	       "\"port\":\"p1\",\"removed\":true,\"reason\":\"fast_leave\","
	       "\"age\":40,\"querier\":true,\"last_query\":1.5}]\n");
	expect("port template show text", render(template_reply, 0, 0),
	       "br0 template tap* router static fast-leave on max-groups 64\n");
	expect("port template show json", render(template_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"template\":\"tap*\","
	       "\"router\":\"static\",\"fast_leave\":true,"
	       "\"max_groups\":64}]\n");
	template_groups = true;
	expect("port template show groups text", render(template_reply, 0, 0),
	       "br0 template tap* router static fast-leave on max-groups 64"
	       " group 239.1.1.1 group 239.1.1.1 vid 10 source 10.0.0.1\n");
	expect("port template show groups json", render(template_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"template\":\"tap*\","
	       "\"router\":\"static\",\"fast_leave\":true,"
	       "\"max_groups\":64,\"static_groups\":[{\"group\":\"239.1.1.1\","
	       "\"vid\":0,\"source\":null},{\"group\":\"239.1.1.1\","
	       "\"vid\":10,\"source\":\"10.0.0.1\"}]}]\n");
	template_groups = false;
	port_vlan_routers = true;
	expect("port show vlan routers text",
	       strstr(render(port_reply, 0, 0),
		      "veth1: ifindex 7 bridge br0 router auto vid 10-12,20 router static"
		      " vid 30 router off\n") ? "found" : "missing", "found");
	expect("port show vlan routers json",
	       strstr(render(port_reply, 1, 0),
		      "\"router\":\"auto\",\"vlan_routers\":[{\"vid\":10,"
		      "\"router\":\"static\"},{\"vid\":11,\"router\":\"static\"},"
		      "{\"vid\":12,\"router\":\"static\"},{\"vid\":20,"
		      "\"router\":\"static\"},{\"vid\":30,\"router\":\"off\"}],") ?
	       "found" : "missing", "found");
	port_vlan_routers = false;
	port_vlan_limits = true;
	expect("port show vlan limits text", render(port_reply, 0, 0),
	       "veth1: ifindex 7 bridge br0 router auto\n"
	       "    router-ipv4 query timer 250.3 router-ipv6 none\n"
	       "    flood-unknown on flood-reports off fast-leave on max-groups 10 limit-action flood groups 2"
	       " max-hosts 512 hosts 1\n"
	       "    vid 10 max-groups 2 groups 2 table-full 3\n"
	       "    vid 20 max-groups 100 groups 0 table-full 0\n");
	expect("port show vlan limits json",
	       strstr(render(port_reply, 1, 0),
		      "\"host_count\":1,\"profile\":null,\"vlan_limits\":[{\"vid\":10,"
		      "\"max_groups\":2,\"group_count\":2,\"table_full\":3},"
		      "{\"vid\":20,\"max_groups\":100,\"group_count\":0,"
		      "\"table_full\":0}]}]") ? "found" : "missing", "found");
	port_vlan_limits = false;
	expect("port show json no removals",
	       strstr(render(port_reply, 1, 0), "removals") ?
	       "found" : "missing", "missing");
	reply_fallback = MCSNOOP_FALLBACK_VLAN_TUNNEL |
			 MCSNOOP_FALLBACK_MCAST_FLOOD;
	expect("port show fallback json",
	       strstr(render(port_reply, 1, 0),
		      "\"router\":\"auto\",\"vlan_routers\":[],\"fallback\":[\"vlan_tunnel\","
		      "\"mcast_flood\"],") ? "found" : "missing", "found");
	expect("port show fallback text",
	       strstr(render(port_reply, 0, 0),
		      "veth1: ifindex 7 bridge br0 router auto fallback vlan-tunnel,mcast-flood\n") ?
	       "found" : "missing", "found");
	reply_fallback = MCSNOOP_FALLBACK_BRIDGE_SNOOPING;
	expect("bridge show fallback json",
	       strstr(render(bridge_reply, 1, 0),
		      "\"mcast_snooping\":true,"
		      "\"fallback\":[\"bridge_snooping\"],") ?
	       "found" : "missing", "found");
	expect("bridge show fallback text",
	       strstr(render(bridge_reply, 0, 0),
		      "br0: ifindex 5 saved_mcast_snooping on fallback bridge-snooping (the bridge's own snooping is on again: mcsnoop stands aside)\n") ?
	       "found" : "missing", "found");
	reply_fallback = 0;
	expect("vlan show json", render(vlan_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"vid\":10,\"snooping\":false,"
	       "\"flood_unknown\":false,"
	       "\"group_count\":1,\"max_groups\":0,\"profile\":null,"
	       "\"querier\":\"proxy\","
	       "\"querier_address\":null,\"querier_address6\":\"fe80::1\","
	       "\"proxy_query\":true,\"igmp_version\":3,\"mld_version\":2,"
	       "\"query_interval\":30,\"query_response_interval\":10,"
	       "\"robustness\":3,\"startup_query_interval\":7.5,"
	       "\"startup_query_interval_auto\":true,"
	       "\"startup_query_count\":3,\"startup_query_count_auto\":true,"
	       "\"last_member_interval\":1,\"last_member_count\":2,"
	       "\"membership_timeout\":100,\"membership_timeout_auto\":true,"
	       "\"own\":[\"querier\",\"querier-address\",\"query-interval\","
	       "\"robustness\"]}]\n");
	expect("vlan show text", render(vlan_reply, 0, 0),
	       "br0 vid 10 snooping off flood-unknown off groups 1\n"
	       "    querier proxy querier-address fe80::1 proxy-query on igmp-version 3 mld-version 2\n"
	       "    query-interval 30 query-response-interval 10 robustness 3\n"
	       "    startup-query-interval auto (7.5) startup-query-count auto (3)\n"
	       "    last-member-interval 1 last-member-count 2\n"
	       "    membership-timeout auto (100) own querier,querier-address,query-interval,robustness\n");
	vlan_own = (MCSNOOP_VLAN_SETTING_MLD_VERSION << 1) - 1;
	expect("vlan show own every setting text",
	       strstr(render(vlan_reply, 0, 0),
		      " own querier,querier-address,proxy-query,query-interval,"
		      "query-response-interval,robustness,last-member-interval,"
		      "last-member-count,membership-timeout,"
		      "startup-query-interval,startup-query-count,igmp-version,"
		      "mld-version\n") ? "found" : "missing", "found");
	vlan_own = 0;
	expect("vlan show own none text",
	       strstr(render(vlan_reply, 0, 0), " own none\n") ?
	       "found" : "missing", "found");
	expect("vlan show own none json",
	       strstr(render(vlan_reply, 1, 0), ",\"own\":[]}]") ?
	       "found" : "missing", "found");
	vlan_own = MCSNOOP_VLAN_SETTING_QUERIER |
		   MCSNOOP_VLAN_SETTING_QUERIER_ADDR6 |
		   MCSNOOP_VLAN_SETTING_QUERY_INTERVAL |
		   MCSNOOP_VLAN_SETTING_ROBUSTNESS;
	qsettings_help_tests();
	expect("group show json", render(group_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"vid\":0,\"group\":\"239.1.1.1\","
	       "\"mac\":\"01:00:5e:01:01:01\",\"mac_alias\":0,\"packets\":10,\"bytes\":1280,"
	       "\"out_packets\":20,\"out_bytes\":2560,"
	       "\"members\":[{\"port\":\"veth1\",\"host\":null,\"host_address\":null,"
	       "\"mode\":\"exclude\","
	       "\"static\":false,\"timer\":259.5,\"host_compat\":\"igmpv2\","
	       "\"sources\":[]},"
	       "{\"port\":\"veth2\",\"host\":null,\"host_address\":null,"
	       "\"mode\":\"include\",\"static\":false,"
	       "\"timer\":0,\"host_compat\":null,"
	       "\"sources\":[{\"source\":\"10.0.0.1\","
	       "\"timer\":200.1,\"static\":false,\"blocked\":false}]},"
	       "{\"port\":\"br0\",\"host\":null,\"host_address\":null,"
	       "\"mode\":\"exclude\",\"static\":true,"
	       "\"timer\":0,\"host_compat\":null,\"sources\":[]}]}]\n");
	expect("group show text", render(group_reply, 0, 0),
	       "br0 vid 0 239.1.1.1 mac 01:00:5e:01:01:01 packets 10 bytes 1280\n"
	       "    port veth1 exclude timer 259.5 host-compat igmpv2\n"
	       "    port veth2 include timer 0\n"
	       "        source 10.0.0.1 timer 200.1\n"
	       "    port br0 exclude static timer 0\n");
	expect("group show split text", render(group_reply_split, 0, 0),
	       "br0 vid 0 239.1.1.1 mac ? packets 0 bytes 0\n"
	       "    port veth1 include static timer 0\n"
	       "    port veth2 include static timer 0\n"
	       "br0 vid 0 239.1.1.2 mac ? packets 0 bytes 0\n"
	       "    port veth3 include static timer 0\n");
	expect("group show split json",
	       strstr(render(group_reply_split, 1, 0),
		      "\"members\":[{\"port\":\"veth1\",") &&
	       strstr(render(group_reply_split, 1, 0),
		      "\"sources\":[]},{\"port\":\"veth2\",") &&
	       strstr(render(group_reply_split, 1, 0),
		      "\"sources\":[]}]},{\"bridge\":\"br0\",") ?
	       "found" : "missing", "found");
	group_stats = true;
	expect("group show -s text",
	       strstr(render(group_reply, 0, 0),
		      " packets 10 bytes 1280\n"
		      "    traffic in: packets 10 bytes 1280"
		      " out: packets 20 bytes 2560\n"
		      "    port veth1 ") ?
	       "found" : "missing", "found");
	group_stats = false;
	group_alias = 2;
	expect("group show mac-alias text",
	       strstr(render(group_reply, 0, 0),
		      "mac 01:00:5e:01:01:01 mac-alias 2 packets") ?
	       "found" : "missing", "found");
	expect("group show mac-alias json",
	       strstr(render(group_reply, 1, 0), "\"mac_alias\":2,") ?
	       "found" : "missing", "found");
	group_alias = 0;
	group_hosts = true;
	expect("group show host json",
	       strstr(render(group_reply, 1, 0),
		      "{\"port\":\"wlan1\",\"host\":\"02:00:00:00:00:0a\","
		      "\"host_address\":\"10.0.0.10\",\"mode\":\"exclude\",") ?
	       "found" : "missing", "found");
	expect("group show host text",
	       strstr(render(group_reply, 0, 0),
		      "\n    port wlan1 host 02:00:00:00:00:0a host-address 10.0.0.10"
		      " exclude timer 259.5\n") ?
	       "found" : "missing", "found");
	group_hosts = false;
	expect("group show text indented", render(group_reply_indented, 0, 0),
	       "    groups:\n"
	       "        br0 vid 0 239.1.1.1 mac 01:00:5e:01:01:01 packets 10 bytes 1280\n"
	       "            port veth1 exclude timer 259.5 host-compat igmpv2\n"
	       "            port veth2 include timer 0\n"
	       "                source 10.0.0.1 timer 200.1\n"
	       "            port br0 exclude static timer 0\n"
	       "    1 groups, max 10\n");
	expect("stats show port json", render(stats_port_reply, 1, 0),
	       "[{\"port\":\"veth1\",\"bridge\":\"br0\",\"stats\":"
	       STATS_JSON "}]\n");
	expect("stats show port text", render(stats_port_reply, 0, 0),
	       "veth1: bridge br0\n" STATS_TEXT);
	expect("stats show port denied text",
	       strstr(render(stats_port_only_reply, 0, 0),
		      " data_pruned 0 table_full 1 denied 7\n") ?
	       "found" : "missing", "found");
	expect("stats show port denied json",
	       strstr(render(stats_port_only_reply, 1, 0),
		      "\"data_pruned\":0,\"table_full\":1,\"denied\":7}}]") ?
	       "found" : "missing", "found");
	expect("querier show json", render(querier_reply, 1, 0),
	       "[{\"bridge\":\"br0\",\"vid\":10,\"family\":\"inet\","
	       "\"mode\":\"auto\",\"role\":\"querier\","
	       "\"own_address\":\"10.0.0.1\",\"querier\":\"10.0.0.1\","
	       "\"port\":null,\"mac\":null,\"version\":3,\"interval\":125,"
	       "\"response_interval\":10,\"robustness\":2,"
	       "\"other_timer\":0,\"query_timer\":12.34,"
	       "\"queries_sent\":4,\"queries_heard\":0,"
	       "\"proxy_queries_heard\":0,\"bogus_queries\":0,"
	       "\"bogus_address\":null,\"proxy_only\":false},"
	       "{\"bridge\":\"br0\",\"vid\":0,\"family\":\"inet6\","
	       "\"mode\":\"auto\",\"role\":\"other\","
	       "\"own_address\":\"fe80::2\",\"querier\":\"fe80::1\","
	       "\"port\":\"veth1\",\"mac\":\"aa:bb:cc:00:01:02\","
	       "\"version\":2,\"interval\":60,\"response_interval\":5,"
	       "\"robustness\":3,\"other_timer\":182.5,\"query_timer\":0,"
	       "\"queries_sent\":2,\"queries_heard\":9,"
	       "\"proxy_queries_heard\":1,\"bogus_queries\":3,"
	       "\"bogus_address\":\"2001:db8::9\",\"proxy_only\":false}]\n");
	expect("querier show text", render(querier_reply, 0, 0),
	       "br0 vid 10 inet mode auto role querier querier 10.0.0.1 version 3 interval 125 robustness 2 query-timer 12.34 sent 4 heard 0\n"
	       "br0 vid 0 inet6 mode auto role other querier fe80::1 port veth1 mac aa:bb:cc:00:01:02 version 2 interval 60 robustness 3 other-timer 182.5 sent 2 heard 9 bogus 3 last 2001:db8::9\n");
	expect("querier show off json", render(querier_reply_off, 1, 0),
	       "[{\"bridge\":\"br1\",\"vid\":0,\"family\":\"inet\","
	       "\"mode\":\"off\",\"role\":\"off\",\"own_address\":null,"
	       "\"querier\":null,\"port\":null,\"mac\":null,\"version\":0,"
	       "\"interval\":0,\"response_interval\":0,\"robustness\":0,"
	       "\"other_timer\":0,\"query_timer\":0,\"queries_sent\":0,"
	       "\"queries_heard\":0,\"proxy_queries_heard\":0,"
	       "\"bogus_queries\":0,\"bogus_address\":null,"
	       "\"proxy_only\":true}]\n");
	expect("querier show off text", render(querier_reply_off, 0, 0),
	       "br1 vid 0 inet mode off role off version 0 interval 0 robustness 0 sent 0 heard 0 proxy-only\n");
}

/*
 * Events as the kernel sends them, through the monitor's printer: every
 * type, and every reason with the type it goes with.
 */
struct event_case {
	uint8_t type, reason;
	const char *port;
	int vid;			/* -1: absent */
	uint8_t family;
	int af;				/* of the addresses */
	const char *group, *addr, *old_addr;
	bool mac;
	const char *text, *json;
};

static const struct event_case event_cases[] = {
	{ MCSNOOP_EVENT_MEMBER_ADD, MCSNOOP_EVENT_REASON_REPORT, "p1", 10, 0,
	  AF_INET, "239.1.2.3", NULL, NULL, false,
	  "member add br0 port p1 vid 10 group 239.1.2.3 reason report\n",
	  "{\"event\":\"member_add\",\"bridge\":\"br0\",\"port\":\"p1\",\"vid\":10,\"group\":\"239.1.2.3\",\"reason\":\"report\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_ADD, MCSNOOP_EVENT_REASON_STATIC, NULL, 0, 0,
	  AF_INET, "239.1.2.3", NULL, NULL, false,
	  "member add br0 group 239.1.2.3 reason static\n",
	  "{\"event\":\"member_add\",\"bridge\":\"br0\",\"vid\":0,\"group\":\"239.1.2.3\",\"reason\":\"static\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_LEAVE, "p1", 0, 0,
	  AF_INET6, "ff0e::1", NULL, NULL, false,
	  "member del br0 port p1 group ff0e::1 reason leave\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p1\",\"vid\":0,\"group\":\"ff0e::1\",\"reason\":\"leave\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_FAST_LEAVE, "p1", 0, 0,
	  AF_INET6, "ff0e::1", NULL, NULL, false,
	  "member del br0 port p1 group ff0e::1 reason fast-leave\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p1\",\"vid\":0,\"group\":\"ff0e::1\",\"reason\":\"fast_leave\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_TIMEOUT, "p2", 4094, 0,
	  AF_INET, "239.0.0.1", NULL, NULL, false,
	  "member del br0 port p2 vid 4094 group 239.0.0.1 reason timeout\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":4094,\"group\":\"239.0.0.1\",\"reason\":\"timeout\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_PORT_DOWN, "p2", 0, 0,
	  AF_INET, "239.0.0.1", NULL, NULL, false,
	  "member del br0 port p2 group 239.0.0.1 reason port-down\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":0,\"group\":\"239.0.0.1\",\"reason\":\"port_down\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_FLUSH, "p2", 0, 0,
	  AF_INET, "239.0.0.1", NULL, NULL, false,
	  "member del br0 port p2 group 239.0.0.1 reason flush\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":0,\"group\":\"239.0.0.1\",\"reason\":\"flush\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_STATIC, NULL, 0, 0,
	  AF_INET, "239.0.0.1", NULL, NULL, false,
	  "member del br0 group 239.0.0.1 reason static\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"vid\":0,\"group\":\"239.0.0.1\",\"reason\":\"static\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_LIMIT, "p3", 7, 0,
	  AF_INET6, "ff05::1:3", NULL, NULL, false,
	  "member del br0 port p3 vid 7 group ff05::1:3 reason limit\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p3\",\"vid\":7,\"group\":\"ff05::1:3\",\"reason\":\"limit\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_ADD, MCSNOOP_EVENT_REASON_QUERY, "p3", -1, AF_INET,
	  0, NULL, NULL, NULL, false,
	  "router add br0 port p3 family inet reason query\n",
	  "{\"event\":\"router_add\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet\",\"reason\":\"query\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_ADD, MCSNOOP_EVENT_REASON_MRD, "p3", -1, AF_INET6,
	  0, NULL, NULL, NULL, false,
	  "router add br0 port p3 family inet6 reason mrd\n",
	  "{\"event\":\"router_add\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet6\",\"reason\":\"mrd\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_ADD, MCSNOOP_EVENT_REASON_PIM, "p3", -1, AF_INET,
	  0, NULL, NULL, NULL, false,
	  "router add br0 port p3 family inet reason pim\n",
	  "{\"event\":\"router_add\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet\",\"reason\":\"pim\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_ADD, MCSNOOP_EVENT_REASON_STATIC, "p3", -1, AF_INET6,
	  0, NULL, NULL, NULL, false,
	  "router add br0 port p3 family inet6 reason static\n",
	  "{\"event\":\"router_add\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet6\",\"reason\":\"static\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_DEL, MCSNOOP_EVENT_REASON_TIMEOUT, "p3", -1, AF_INET,
	  0, NULL, NULL, NULL, false,
	  "router del br0 port p3 family inet reason timeout\n",
	  "{\"event\":\"router_del\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet\",\"reason\":\"timeout\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_DEL, MCSNOOP_EVENT_REASON_PORT_DOWN, "p3", -1, AF_INET6,
	  0, NULL, NULL, NULL, false,
	  "router del br0 port p3 family inet6 reason port-down\n",
	  "{\"event\":\"router_del\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet6\",\"reason\":\"port_down\"}\n" },
	{ MCSNOOP_EVENT_ROUTER_DEL, MCSNOOP_EVENT_REASON_STATIC, "p3", -1, AF_INET,
	  0, NULL, NULL, NULL, false,
	  "router del br0 port p3 family inet reason static\n",
	  "{\"event\":\"router_del\",\"bridge\":\"br0\",\"port\":\"p3\",\"family\":\"inet\",\"reason\":\"static\"}\n" },
	{ MCSNOOP_EVENT_QUERIER_ELECTED, MCSNOOP_EVENT_REASON_ELECTION, "p3", 10,
	  AF_INET, AF_INET, NULL, "10.0.0.1", "10.0.0.9", true,
	  "querier elected br0 vid 10 family inet address 10.0.0.1 port p3 mac 52:54:00:12:34:56 old-address 10.0.0.9 reason election\n",
	  "{\"event\":\"querier_elected\",\"bridge\":\"br0\",\"vid\":10,\"family\":\"inet\",\"address\":\"10.0.0.1\",\"port\":\"p3\",\"mac\":\"52:54:00:12:34:56\",\"old_address\":\"10.0.0.9\",\"reason\":\"election\"}\n" },
	{ MCSNOOP_EVENT_QUERIER_LOST, MCSNOOP_EVENT_REASON_TIMEOUT, NULL, 0,
	  AF_INET6, AF_INET6, NULL, "fe80::1", NULL, false,
	  "querier lost br0 family inet6 address fe80::1 reason timeout\n",
	  "{\"event\":\"querier_lost\",\"bridge\":\"br0\",\"vid\":0,\"family\":\"inet6\",\"address\":\"fe80::1\",\"reason\":\"timeout\"}\n" },
	{ MCSNOOP_EVENT_QUERIER_TAKEOVER, MCSNOOP_EVENT_REASON_STARTUP, NULL, 0,
	  AF_INET, AF_INET, NULL, "10.0.0.9", NULL, false,
	  "querier takeover br0 family inet address 10.0.0.9 reason startup\n",
	  "{\"event\":\"querier_takeover\",\"bridge\":\"br0\",\"vid\":0,\"family\":\"inet\",\"address\":\"10.0.0.9\",\"reason\":\"startup\"}\n" },
	{ MCSNOOP_EVENT_QUERIER_BOGUS, 0, "p4", 0,
	  AF_INET, AF_INET, NULL, "9.9.9.9", NULL, true,
	  "querier bogus br0 family inet address 9.9.9.9 port p4 mac 52:54:00:12:34:56\n",
	  "{\"event\":\"querier_bogus\",\"bridge\":\"br0\",\"vid\":0,\"family\":\"inet\",\"address\":\"9.9.9.9\",\"port\":\"p4\",\"mac\":\"52:54:00:12:34:56\"}\n" },
	/* 239.129.1.1 came with 239.1.1.1's MAC on VLAN 10. */
	{ MCSNOOP_EVENT_MAC_ALIAS, 0, NULL, 10,
	  AF_INET, AF_INET, "239.129.1.1", "239.1.1.1", NULL, true,
	  "mac-alias br0 vid 10 family inet group 239.129.1.1 address 239.1.1.1 mac 52:54:00:12:34:56\n",
	  "{\"event\":\"mac_alias\",\"bridge\":\"br0\",\"vid\":10,\"family\":\"inet\",\"group\":\"239.129.1.1\",\"address\":\"239.1.1.1\",\"mac\":\"52:54:00:12:34:56\"}\n" },
	/* Only 0.0.0.0 queries heard, on port p4 of VLAN 10. */
	{ MCSNOOP_EVENT_QUERIER_PROXY_ONLY, 0, "p4", 10,
	  AF_INET, 0, NULL, NULL, NULL, true,
	  "querier proxy-only br0 vid 10 family inet port p4 mac 52:54:00:12:34:56\n",
	  "{\"event\":\"querier_proxy_only\",\"bridge\":\"br0\",\"vid\":10,\"family\":\"inet\",\"port\":\"p4\",\"mac\":\"52:54:00:12:34:56\"}\n" },
	/* A proxy querier: no address. */
	{ MCSNOOP_EVENT_QUERIER_TAKEOVER, MCSNOOP_EVENT_REASON_STARTUP, NULL, 20,
	  AF_INET6, 0, NULL, NULL, NULL, false,
	  "querier takeover br0 vid 20 family inet6 reason startup\n",
	  "{\"event\":\"querier_takeover\",\"bridge\":\"br0\",\"vid\":20,\"family\":\"inet6\",\"reason\":\"startup\"}\n" },
	{ MCSNOOP_EVENT_TABLE_FULL, MCSNOOP_EVENT_REASON_BRIDGE_LIMIT, "p2", 0, 0,
	  AF_INET, "239.1.2.9", NULL, NULL, false,
	  "table-full br0 port p2 group 239.1.2.9 reason bridge-limit\n",
	  "{\"event\":\"table_full\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":0,\"group\":\"239.1.2.9\",\"reason\":\"bridge_limit\"}\n" },
	{ MCSNOOP_EVENT_TABLE_FULL, MCSNOOP_EVENT_REASON_PORT_LIMIT, "p2", 0, 0,
	  AF_INET, "239.1.2.9", NULL, NULL, false,
	  "table-full br0 port p2 group 239.1.2.9 reason port-limit\n",
	  "{\"event\":\"table_full\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":0,\"group\":\"239.1.2.9\",\"reason\":\"port_limit\"}\n" },
	{ MCSNOOP_EVENT_FALLBACK_ADD, MCSNOOP_EVENT_REASON_SWITCHDEV, "p4", -1,
	  0, 0, NULL, NULL, NULL, false,
	  "fallback add br0 port p4 reason switchdev\n",
	  "{\"event\":\"fallback_add\",\"bridge\":\"br0\",\"port\":\"p4\",\"reason\":\"switchdev\"}\n" },
	{ MCSNOOP_EVENT_FALLBACK_ADD, MCSNOOP_EVENT_REASON_VLAN_TUNNEL, "p4", -1,
	  0, 0, NULL, NULL, NULL, false,
	  "fallback add br0 port p4 reason vlan-tunnel\n",
	  "{\"event\":\"fallback_add\",\"bridge\":\"br0\",\"port\":\"p4\",\"reason\":\"vlan_tunnel\"}\n" },
	{ MCSNOOP_EVENT_FALLBACK_ADD, MCSNOOP_EVENT_REASON_NEIGH_SUPPRESS, "p4",
	  -1, 0, 0, NULL, NULL, NULL, false,
	  "fallback add br0 port p4 reason neigh-suppress\n",
	  "{\"event\":\"fallback_add\",\"bridge\":\"br0\",\"port\":\"p4\",\"reason\":\"neigh_suppress\"}\n" },
	{ MCSNOOP_EVENT_FALLBACK_ADD, MCSNOOP_EVENT_REASON_PROXYARP_WIFI, "p4",
	  -1, 0, 0, NULL, NULL, NULL, false,
	  "fallback add br0 port p4 reason proxyarp-wifi\n",
	  "{\"event\":\"fallback_add\",\"bridge\":\"br0\",\"port\":\"p4\",\"reason\":\"proxyarp_wifi\"}\n" },
	{ MCSNOOP_EVENT_FALLBACK_DEL, MCSNOOP_EVENT_REASON_MCAST_FLOOD, "p4", -1,
	  0, 0, NULL, NULL, NULL, false,
	  "fallback del br0 port p4 reason mcast-flood\n",
	  "{\"event\":\"fallback_del\",\"bridge\":\"br0\",\"port\":\"p4\",\"reason\":\"mcast_flood\"}\n" },
	/* The whole bridge: no port. */
	{ MCSNOOP_EVENT_FALLBACK_ADD, MCSNOOP_EVENT_REASON_BRIDGE_SNOOPING, NULL,
	  -1, 0, 0, NULL, NULL, NULL, false,
	  "fallback add br0 reason bridge-snooping\n",
	  "{\"event\":\"fallback_add\",\"bridge\":\"br0\",\"reason\":\"bridge_snooping\"}\n" },
	{ MCSNOOP_EVENT_TABLE_FULL, MCSNOOP_EVENT_REASON_VLAN_LIMIT, "p2", 20, 0,
	  AF_INET, "239.1.2.9", NULL, NULL, false,
	  "table-full br0 port p2 vid 20 group 239.1.2.9 reason vlan-limit\n",
	  "{\"event\":\"table_full\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":20,\"group\":\"239.1.2.9\",\"reason\":\"vlan_limit\"}\n" },
	{ MCSNOOP_EVENT_TABLE_FULL, MCSNOOP_EVENT_REASON_MAC_ALIAS_LIMIT, "p2", 0,
	  0, AF_INET, "239.129.1.1", NULL, NULL, false,
	  "table-full br0 port p2 group 239.129.1.1 reason mac-alias-limit\n",
	  "{\"event\":\"table_full\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":0,\"group\":\"239.129.1.1\",\"reason\":\"mac_alias_limit\"}\n" },
	/* A profile denied the group, or its source 10.0.0.9 (the first). */
	{ MCSNOOP_EVENT_MEMBER_DENIED, MCSNOOP_EVENT_REASON_FILTER, "p1", 10, 0,
	  AF_INET, "232.1.1.1", "10.0.0.9", NULL, false,
	  "member denied br0 port p1 vid 10 group 232.1.1.1 source 10.0.0.9 reason filter\n",
	  "{\"event\":\"member_denied\",\"bridge\":\"br0\",\"port\":\"p1\",\"vid\":10,\"group\":\"232.1.1.1\",\"source\":\"10.0.0.9\",\"reason\":\"filter\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_DENIED, MCSNOOP_EVENT_REASON_FILTER, "p2", 0,
	  AF_INET6, AF_INET6, "ff0e::1", NULL, NULL, false,
	  "member denied br0 port p2 family inet6 group ff0e::1 reason filter\n",
	  "{\"event\":\"member_denied\",\"bridge\":\"br0\",\"port\":\"p2\",\"vid\":0,\"family\":\"inet6\",\"group\":\"ff0e::1\",\"reason\":\"filter\"}\n" },
	/* A profile attached or changed ends what it now denies. */
	{ MCSNOOP_EVENT_MEMBER_DEL, MCSNOOP_EVENT_REASON_FILTER, "p1", 0, 0,
	  AF_INET, "239.2.0.1", NULL, NULL, false,
	  "member del br0 port p1 group 239.2.0.1 reason filter\n",
	  "{\"event\":\"member_del\",\"bridge\":\"br0\",\"port\":\"p1\",\"vid\":0,\"group\":\"239.2.0.1\",\"reason\":\"filter\"}\n" },
	/* From a newer module: numbers, not words; no reason, no word. */
	{ 200, 201, "p1", -1, 0, 0, NULL, NULL, NULL, false,
	  "unknown-200 br0 port p1 reason unknown-201\n",
	  "{\"event\":\"unknown_200\",\"bridge\":\"br0\",\"port\":\"p1\",\"reason\":\"unknown_201\"}\n" },
	{ MCSNOOP_EVENT_MEMBER_ADD, MCSNOOP_EVENT_REASON_NONE, "p1", -1, 0,
	  AF_INET, "239.1.2.3", NULL, NULL, false,
	  "member add br0 port p1 group 239.1.2.3\n",
	  "{\"event\":\"member_add\",\"bridge\":\"br0\",\"port\":\"p1\",\"group\":\"239.1.2.3\"}\n" },
};

static struct nlmsghdr *event_msg(const struct event_case *c)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct nlmsghdr *nlh = reply(MCSNOOP_CMD_EVENT);

	mnl_attr_put_u8(nlh, MCSNOOP_A_EVENT_TYPE, c->type);
	if (c->reason)
		mnl_attr_put_u8(nlh, MCSNOOP_A_EVENT_REASON, c->reason);
	mnl_attr_put_u32(nlh, MCSNOOP_A_EVENT_BRIDGE_IFINDEX, 5);
	mnl_attr_put_strz(nlh, MCSNOOP_A_EVENT_BRIDGE_IFNAME, "br0");
	if (c->port) {
		mnl_attr_put_u32(nlh, MCSNOOP_A_EVENT_PORT_IFINDEX, 7);
		mnl_attr_put_strz(nlh, MCSNOOP_A_EVENT_PORT_IFNAME, c->port);
	}
	if (c->vid >= 0)
		mnl_attr_put_u16(nlh, MCSNOOP_A_EVENT_VID, c->vid);
	if (c->family)
		mnl_attr_put_u8(nlh, MCSNOOP_A_EVENT_FAMILY, c->family);
	if (c->group)
		put_addr(nlh, MCSNOOP_A_EVENT_GROUP, c->af, c->group);
	if (c->addr)
		put_addr(nlh, MCSNOOP_A_EVENT_ADDR, c->af, c->addr);
	if (c->old_addr)
		put_addr(nlh, MCSNOOP_A_EVENT_OLD_ADDR, c->af, c->old_addr);
	if (c->mac)
		mnl_attr_put(nlh, MCSNOOP_A_EVENT_MAC, sizeof(mac), mac);
	return nlh;
}

/* What the monitor prints for nlh (events of bridge only, 0: all). */
static char *render_event(const struct nlmsghdr *nlh, uint32_t bridge,
			  bool json)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	f = open_memstream(&buf, &len);
	if (!f)
		abort();
	mcs_monitor_print(nlh, bridge, f, json);
	fclose(f);
	return buf;
}

/* The last of enum mcsnoop_event_type and of enum mcsnoop_event_reason. */
#define LAST_EVENT_TYPE MCSNOOP_EVENT_MEMBER_DENIED
#define LAST_EVENT_REASON MCSNOOP_EVENT_REASON_FILTER

static void monitor_tests(void)
{
	bool seen_type[LAST_EVENT_TYPE + 1] = { false };
	bool seen_reason[LAST_EVENT_REASON + 1] = { false };
	const struct nlmsghdr *nlh;
	char name[96], missing[64];
	unsigned int i;

	for (i = 0; i < sizeof(event_cases) / sizeof(event_cases[0]); i++) {
		const struct event_case *c = &event_cases[i];

		nlh = event_msg(c);
		snprintf(name, sizeof(name), "monitor text %u: %.40s", i,
			 c->text);
		*strchrnul(name, '\n') = 0;
		expect(name, render_event(nlh, 0, false), c->text);
		snprintf(name, sizeof(name), "monitor json %u", i);
		expect(name, render_event(nlh, 0, true), c->json);
		if (c->type <= LAST_EVENT_TYPE)
			seen_type[c->type] = true;
		if (c->reason <= LAST_EVENT_REASON)
			seen_reason[c->reason] = true;
	}
	missing[0] = 0;
	for (i = MCSNOOP_EVENT_MEMBER_ADD; i <= LAST_EVENT_TYPE; i++)
		if (!seen_type[i])
			snprintf(missing + strlen(missing),
				 sizeof(missing) - strlen(missing), " type%u", i);
	for (i = 0; i <= LAST_EVENT_REASON; i++)
		if (!seen_reason[i])
			snprintf(missing + strlen(missing),
				 sizeof(missing) - strlen(missing), " reason%u",
				 i);
	expect("monitor cases cover every type and reason", missing, "");

	/* monitor bridge BR: other bridges' events print nothing. */
	nlh = event_msg(&event_cases[0]);
	expect("monitor bridge filter (other)", render_event(nlh, 6, false), "");
	expect("monitor bridge filter (same)", render_event(nlh, 5, true),
	       event_cases[0].json);
	/* Not an event (a reply on the same socket): nothing. */
	nlh = reply(MCSNOOP_CMD_BRIDGE_GET);
	expect("monitor ignores other commands", render_event(nlh, 0, true), "");
}

/* ------------------------------------------------------- stats export */

static char *render_export(const struct mcs_export *ex)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	f = open_memstream(&buf, &len);
	if (!f)
		abort();
	mcs_export_write(f, ex);
	fclose(f);
	return buf;
}

static bool metric_name_ok(const char *s, size_t len)
{
	size_t i;

	if (!len || strncmp(s, "mcsnoop_", 8))
		return false;
	for (i = 0; i < len; i++)
		if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

/*
 * The rules promtool checks, in short: a family's HELP then TYPE, once,
 * its samples right after them and nowhere else, counters named _total,
 * label values quoted. "" when they hold, else the first broken line.
 */
static const char *export_lint(const char *text)
{
	static char bad[256];
	char family[128] = "", type[16] = "", seen[16384] = " ";
	const char *line = text, *end;

	for (; *line; line = end + 1) {
		char name[128];
		size_t len;

		end = strchrnul(line, '\n');
		if (!*end)
			goto fail;	/* the last line has no newline */
		len = end - line;
		if (!strncmp(line, "# HELP ", 7)) {
			const char *n = line + 7;
			size_t nl = strcspn(n, " \n");

			snprintf(family, sizeof(family), "%.*s", (int)nl, n);
			snprintf(name, sizeof(name), " %s ", family);
			if (!metric_name_ok(n, nl) || strstr(seen, name) ||
			    n[nl] != ' ')
				goto fail;
			strncat(seen, name + 1, sizeof(seen) - strlen(seen) - 1);
			type[0] = 0;
			continue;
		}
		if (!strncmp(line, "# TYPE ", 7)) {
			if (strncmp(line + 7, family, strlen(family)) ||
			    line[7 + strlen(family)] != ' ' || type[0])
				goto fail;
			snprintf(type, sizeof(type), "%.*s",
				 (int)(len - 8 - strlen(family)),
				 line + 8 + strlen(family));
			if (strcmp(type, "counter") && strcmp(type, "gauge"))
				goto fail;
			if (!strcmp(type, "counter") &&
			    (strlen(family) < 6 ||
			     strcmp(family + strlen(family) - 6, "_total")))
				goto fail;
			continue;
		}
		/* A sample: FAMILY{k="v",...} N */
		len = strcspn(line, "{ \n");
		if (!type[0] || len != strlen(family) ||
		    strncmp(line, family, len) || line[len] != '{')
			goto fail;
		{
			const char *p = line + len + 1;

			while (*p != '}') {
				p += strcspn(p, "=\n");
				if (p[0] != '=' || p[1] != '"')
					goto fail;
				for (p += 2; *p != '"'; p++) {
					if (*p == '\n' || !*p)
						goto fail;
					if (*p == '\\')
						p++;
				}
				p++;
				if (*p == ',')
					p++;
				else if (*p != '}')
					goto fail;
			}
			if (p[1] != ' ' || strspn(p + 2, "0123456789") !=
			    (size_t)(end - p - 2) || end == p + 2)
				goto fail;
		}
	}
	return "";
fail:
	snprintf(bad, sizeof(bad), "%.*s", (int)strcspn(line, "\n"), line);
	return bad;
}

static bool has_line(const char *text, const char *line)
{
	const char *p = text;
	size_t len = strlen(line);

	while ((p = strstr(p, line))) {
		if ((p == text || p[-1] == '\n') && p[len] == '\n')
			return true;
		p += len;
	}
	return false;
}

static void export_tests(void)
{
	struct mcs_export_bridge b = { .name = "br0", .groups = 3,
				       .max_groups = 0,
				       .table_bytes = 5000000000ULL };
	struct mcs_export_port p[2] = {
		{ .name = "p1", .bridge = "br0", .groups = 2, .hosts = 1 },
		{ .name = "p\"2\\", .bridge = "br0", .groups = 1 },
	};
	struct mcs_export_vlan v = { .bridge = "br0", .vid = 10, .groups = 2 };
	struct mcs_export_querier q = { .bridge = "br0", .vid = 0,
					.family = AF_INET6,
					.role = MCSNOOP_QUERIER_ROLE_OTHER,
					.sent = 4, .heard = 18446744073709551615ULL };
	struct mcs_export ex = { 0 }, empty = { 0 };
	char dir[] = "/tmp/mcs-unit-XXXXXX", path[64];
	static char got[65536];
	const char *text;
	struct dirent *de;
	FILE *f;
	DIR *d;
	size_t len;
	int entries = 0;

	b.stats.v[MCSNOOP_A_STATS_IGMP] = 5;
	b.stats.v[MCSNOOP_A_STATS_EVENTS_DROPPED] = 1;
	p[0].stats.v[MCSNOOP_A_STATS_DATA_PRUNED] = 7;
	ex.bridges = &b;
	ex.n_bridges = 1;
	ex.ports = p;
	ex.n_ports = 2;
	ex.vlans = &v;
	ex.n_vlans = 1;
	ex.queriers = &q;
	ex.n_queriers = 1;
	text = render_export(&ex);
	expect("export: promtool's rules", export_lint(text), "");
	expect("export: starts with the groups per bridge",
	       strncmp(text,
		       "# HELP mcsnoop_bridge_groups Groups in the bridge's table, all VLANs.\n"
		       "# TYPE mcsnoop_bridge_groups gauge\n"
		       "mcsnoop_bridge_groups{bridge=\"br0\"} 3\n"
		       "# HELP mcsnoop_bridge_max_groups ", 154) ? text : "",
	       "");
	expect("export: table bytes, 64 bits",
	       has_line(text, "mcsnoop_bridge_table_bytes{bridge=\"br0\"} 5000000000") ?
	       "" : text, "");
	expect("export: vlan groups",
	       has_line(text, "mcsnoop_vlan_groups{bridge=\"br0\",vid=\"10\"} 2") ?
	       "" : text, "");
	expect("export: port groups, label escaped",
	       has_line(text, "mcsnoop_port_groups{bridge=\"br0\",port=\"p\\\"2\\\\\"} 1") ?
	       "" : text, "");
	expect("export: port hosts",
	       has_line(text, "mcsnoop_port_hosts{bridge=\"br0\",port=\"p1\"} 1") ?
	       "" : text, "");
	expect("export: queries sent",
	       has_line(text, "mcsnoop_querier_queries_sent_total{bridge=\"br0\",vid=\"0\",family=\"inet6\"} 4") ?
	       "" : text, "");
	expect("export: queries heard, 64 bits",
	       has_line(text, "mcsnoop_querier_queries_heard_total{bridge=\"br0\",vid=\"0\",family=\"inet6\"} 18446744073709551615") ?
	       "" : text, "");
	expect("export: role other 1",
	       has_line(text, "mcsnoop_querier_role{bridge=\"br0\",vid=\"0\",family=\"inet6\",role=\"other\"} 1") &&
	       has_line(text, "mcsnoop_querier_role{bridge=\"br0\",vid=\"0\",family=\"inet6\",role=\"querier\"} 0") ?
	       "" : text, "");
	expect("export: bridge counter",
	       has_line(text, "# TYPE mcsnoop_bridge_igmp_total counter") &&
	       has_line(text, "mcsnoop_bridge_igmp_total{bridge=\"br0\"} 5") &&
	       has_line(text, "mcsnoop_bridge_events_dropped_total{bridge=\"br0\"} 1") ?
	       "" : text, "");
	expect("export: pruned per port",
	       has_line(text, "# HELP mcsnoop_port_data_pruned_total Data copies kept back (pruned) (data_pruned), per port.") &&
	       has_line(text, "mcsnoop_port_data_pruned_total{bridge=\"br0\",port=\"p1\"} 7") &&
	       has_line(text, "mcsnoop_port_data_pruned_total{bridge=\"br0\",port=\"p\\\"2\\\\\"} 0") ?
	       "" : text, "");
	expect("export: no bridge-only counters per port",
	       strstr(text, "mcsnoop_port_events_dropped") ||
	       strstr(text, "mcsnoop_port_mac_alias") ? text : "", "");
	text = render_export(&empty);
	expect("export: nothing enabled, still well formed",
	       export_lint(text), "");
	expect("export: nothing enabled, no samples",
	       strstr(text, "} ") ? text : "", "");
	expect("export lint catches a split family",
	       export_lint("# HELP mcsnoop_a_total x\n# TYPE mcsnoop_a_total counter\n"
			   "mcsnoop_a_total{bridge=\"b\"} 1\n"
			   "# HELP mcsnoop_b x\n# TYPE mcsnoop_b gauge\n"
			   "mcsnoop_a_total{bridge=\"c\"} 1\n"),
	       "mcsnoop_a_total{bridge=\"c\"} 1");
	expect("export lint catches a counter without _total",
	       export_lint("# HELP mcsnoop_a x\n# TYPE mcsnoop_a counter\n"),
	       "# TYPE mcsnoop_a counter");

	/* The file: written whole, and nothing else left in its directory. */
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof(path), "%s/mcsnoop.prom", dir);
	expect("export file: written",
	       mcs_export_file(path, &ex) ? "failed" : "", "");
	expect("export file: written over",
	       mcs_export_file(path, &ex) ? "failed" : "", "");
	f = fopen(path, "r");
	len = f ? fread(got, 1, sizeof(got) - 1, f) : 0;
	got[len] = 0;
	if (f)
		fclose(f);
	expect("export file: the text", got, render_export(&ex));
	d = opendir(dir);
	while (d && (de = readdir(d)))
		if (de->d_name[0] != '.')
			entries++;
	if (d)
		closedir(d);
	expect("export file: no temporary file left",
	       entries == 1 ? "" : "more files", "");
	snprintf(path, sizeof(path), "%s/nodir/mcsnoop.prom", dir);
	expect("export file: a missing directory fails",
	       mcs_export_file(path, &ex) ? "" : "succeeded", "");
	snprintf(path, sizeof(path), "%s/mcsnoop.prom", dir);
	unlink(path);
	rmdir(dir);
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
	expect("typed printers json", render(typed_writer, 1, 0),
	       "{\"s\":\"json\",\"u\":2,\"b\":false,\"t\":2.25}\n");
	expect("typed printers text", render(typed_writer, 0, 0),
	       "s text u 1 b on t 1.5");
	words_tests();
	parse_secs_tests();
	parse_u32_tests();
	parse_on_off_tests();
	parse_addr_tests();
	parse_range_tests();
	params_tests();
	printer_tests();
	profile_tests();
	split_line_tests();
	monitor_tests();
	export_tests();
	printf("1..%d\n", n);
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:0 error:0\n",
	       passed, failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
