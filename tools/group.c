// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl group show|add|del|flush: the membership table.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "removals.h"
#include "words.h"
#include "parse_args.h"

void mcs_group_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl [-s] [-j [-p]] group show [BRIDGE] [ vid VID ] [ group GROUP ]\n"
		"       mcsnoopctl group add BRIDGE GROUP port DEV [ vid VID ] [ source SRC ]\n"
		"       mcsnoopctl group del BRIDGE GROUP port DEV [ vid VID ] [ source SRC ]\n"
		"       mcsnoopctl group flush BRIDGE [ port DEV ] [ vid VID ]\n"
		"\n"
		"GROUP and SRC are IPv4 or IPv6 addresses; VID is 0 on a bridge that\n"
		"does not filter VLANs. A member named after the bridge itself is the\n"
		"host's own membership. Static entries never time out; flush removes\n"
		"dynamic and static memberships. mac-alias N: N other groups of the\n"
		"VLAN have the group's MAC address. -s: also why memberships of\n"
		"those groups ended lately.\n");
}

/* The optional arguments of the group commands. */
struct group_args {
	const char *bridge;
	const char *port;
	bool has_vid;
	uint32_t vid;
	bool has_group;
	struct mcs_addr group;
	bool has_source;
	struct mcs_addr source;
};

/*
 * Parse "keyword value" pairs among those allowed ("vid", "group",
 * "port", "source"). Returns 0, or 1 after a usage error.
 */
static int group_parse_opts(int argc, char **argv, const char *allowed,
			    struct group_args *ga)
{
	for (; argc > 0; argc -= 2, argv += 2) {
		const char *key = argv[0], *val = argc > 1 ? argv[1] : NULL;
		const char *word = NULL;

		if (mcs_matches(key, "vid"))
			word = "vid";
		else if (mcs_matches(key, "group"))
			word = "group";
		else if (mcs_matches(key, "port"))
			word = "port";
		else if (mcs_matches(key, "source"))
			word = "source";
		if (!word || !strstr(allowed, word))
			return mcs_usage_error(mcs_group_usage,
					       "unknown keyword \"%s\"", key);
		if (!val)
			return mcs_usage_error(mcs_group_usage,
					       "missing value for \"%s\"", word);
		if (!strcmp(word, "vid")) {
			if (mcs_parse_u32(val, 0, 4094, &ga->vid) < 0)
				return mcs_usage_error(mcs_group_usage,
						       "invalid vid \"%s\" (expected 0-4094)",
						       val);
			ga->has_vid = true;
		} else if (!strcmp(word, "group")) {
			if (mcs_parse_addr(val, &ga->group) < 0)
				return mcs_usage_error(mcs_group_usage,
						       "invalid group \"%s\" (expected an IPv4 or IPv6 address)",
						       val);
			ga->has_group = true;
		} else if (!strcmp(word, "source")) {
			if (mcs_parse_addr(val, &ga->source) < 0)
				return mcs_usage_error(mcs_group_usage,
						       "invalid source \"%s\" (expected an IPv4 or IPv6 address)",
						       val);
			ga->has_source = true;
		} else {
			ga->port = val;
		}
	}
	return 0;
}

static void print_source(const struct nlattr *nest)
{
	const struct nlattr *tb[MCSNOOP_A_SOURCE_MAX + 1];
	const struct nlattr *addr;
	char buf[INET6_ADDRSTRLEN];
	bool is_static, blocked;

	nl_nested(nest, tb, MCSNOOP_A_SOURCE_MAX);
	addr = tb[MCSNOOP_A_SOURCE_ADDR];
	if (addr)
		mcs_format_addr(mnl_attr_get_payload(addr),
				mnl_attr_get_payload_len(addr), buf,
				sizeof(buf));
	else
		snprintf(buf, sizeof(buf), "?");
	is_static = nl_u8(tb[MCSNOOP_A_SOURCE_STATIC]);
	blocked = nl_u8(tb[MCSNOOP_A_SOURCE_BLOCKED]);
	out_open_object(NULL);
	print_str(PRINT_ANY, "source", "        source %s", buf);
	print_secs(PRINT_ANY, "timer", " timer %s",
		   nl_u32(tb[MCSNOOP_A_SOURCE_TIMER]));
	print_on_off(PRINT_JSON, "static", NULL, is_static);
	print_on_off(PRINT_JSON, "blocked", NULL, blocked);
	if (is_static)
		print_text(" static");
	if (blocked)
		print_text(" blocked");
	print_nl();
	out_close_object();
}

/* enum mcsnoop_filter_mode, by value. */
static const char *const filter_mode_words[] = {
	[MCSNOOP_FILTER_INCLUDE] = "include",
	[MCSNOOP_FILTER_EXCLUDE] = "exclude",
};

/* "igmpv2" for the version of a member's oldest hosts; NULL if none. */
static const char *host_compat_str(const struct nlattr *attr, bool ipv6)
{
	static char buf[8];

	if (!attr)
		return NULL;
	snprintf(buf, sizeof(buf), "%sv%u", ipv6 ? "mld" : "igmp",
		 nl_u8(attr) & 7);
	return buf;
}

static void print_member(const struct nlattr *nest, bool group_ipv6)
{
	const struct nlattr *tb[MCSNOOP_A_MEMBER_MAX + 1];
	char name[IF_NAMESIZE], hostbuf[MAC_STR_LEN], addrbuf[INET6_ADDRSTRLEN];
	const struct nlattr *src;
	const char *port, *host;
	unsigned int mode;
	bool is_static;

	nl_nested(nest, tb, MCSNOOP_A_MEMBER_MAX);
	port = mcs_ifname(tb[MCSNOOP_A_MEMBER_PORT_IFNAME],
			  tb[MCSNOOP_A_MEMBER_PORT_IFINDEX], name);
	mode = nl_u8(tb[MCSNOOP_A_MEMBER_MODE]);
	is_static = nl_u8(tb[MCSNOOP_A_MEMBER_STATIC]);
	out_open_object(NULL);
	print_str(PRINT_ANY, "port", "    port %s", port);
	/* A tracked host (fast leave, mcast_to_unicast) is a member. */
	host = mac_str(tb[MCSNOOP_A_MEMBER_HOST], hostbuf);
	print_str_or_null(PRINT_ANY, "host", " host %s", host);
	/* Where a tracked host reports from; null when unknown or no host. */
	print_str_or_null(PRINT_ANY, "host_address", " host-address %s",
			  host ? addr_str(tb[MCSNOOP_A_MEMBER_HOST_ADDR], false,
					  addrbuf, sizeof(addrbuf)) : NULL);
	print_str(PRINT_ANY, "mode", " %s",
		  word_of(filter_mode_words, N_WORDS(filter_mode_words), mode));
	print_on_off(PRINT_JSON, "static", NULL, is_static);
	if (is_static)
		print_text(" static");
	print_secs(PRINT_ANY, "timer", " timer %s",
		   nl_u32(tb[MCSNOOP_A_MEMBER_TIMER]));
	/* Older hosts heard: BLOCK ignored, TO_EX(x) taken as TO_EX({}). */
	print_str_or_null(PRINT_ANY, "host_compat", " host-compat %s",
			  host_compat_str(tb[MCSNOOP_A_MEMBER_HOST_COMPAT],
					  group_ipv6));
	print_nl();
	out_open_array("sources");
	if (tb[MCSNOOP_A_MEMBER_SOURCES])
		mnl_attr_for_each_nested(src, tb[MCSNOOP_A_MEMBER_SOURCES])
			if (mnl_attr_get_type(src) == MCSNOOP_A_MEMBER_SOURCE)
				print_source(src);
	out_close_array();
	out_close_object();
}

void mcs_group_print_end(struct mcs_group_print *gp)
{
	if (!gp->open)
		return;
	out_close_array();
	out_close_object();
	gp->open = false;
}

/* Is the group of tb the one gp keeps open? Makes it the one if not. */
static bool group_continues(struct mcs_group_print *gp,
			    const struct nlattr **tb)
{
	const struct nlattr *addr = tb[MCSNOOP_A_GROUP_ADDR];
	uint16_t len = addr ? mnl_attr_get_payload_len(addr) : 0;
	uint32_t bridge = nl_u32(tb[MCSNOOP_A_GROUP_BRIDGE_IFINDEX]);
	uint16_t vid = nl_u16(tb[MCSNOOP_A_GROUP_VID]);

	if (len > sizeof(gp->addr))
		len = 0;
	if (gp->open && gp->bridge == bridge && gp->vid == vid &&
	    gp->addr_len == len && len &&
	    !memcmp(gp->addr, mnl_attr_get_payload(addr), len))
		return true;
	mcs_group_print_end(gp);
	gp->bridge = bridge;
	gp->vid = vid;
	gp->addr_len = len;
	if (len)
		memcpy(gp->addr, mnl_attr_get_payload(addr), len);
	return false;
}

static void print_members(const struct nlattr *members, bool group_ipv6)
{
	const struct nlattr *member;

	if (!members)
		return;
	mnl_attr_for_each_nested(member, members)
		if (mnl_attr_get_type(member) == MCSNOOP_A_GROUP_MEMBER)
			print_member(member, group_ipv6);
}

int mcs_group_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_GROUP_MAX + 1];
	const struct nlattr *addr, *mac;
	char name[IF_NAMESIZE], group[INET6_ADDRSTRLEN], macbuf[MAC_STR_LEN];
	struct mcs_group_print *gp = data;
	bool group_ipv6 = false;
	const char *bridge;
	uint32_t alias;
	bool stats;

	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_GROUP_MAX);
	addr = tb[MCSNOOP_A_GROUP_ADDR];
	if (addr)
		group_ipv6 = mnl_attr_get_payload_len(addr) == 16;
	if (group_continues(gp, tb)) {
		print_members(tb[MCSNOOP_A_GROUP_MEMBERS], group_ipv6);
		return MNL_CB_OK;
	}
	stats = gp->stats;
	bridge = mcs_ifname(tb[MCSNOOP_A_GROUP_BRIDGE_IFNAME],
			    tb[MCSNOOP_A_GROUP_BRIDGE_IFINDEX], name);
	if (addr)
		mcs_format_addr(mnl_attr_get_payload(addr),
				mnl_attr_get_payload_len(addr), group,
				sizeof(group));
	else
		snprintf(group, sizeof(group), "?");
	mac = tb[MCSNOOP_A_GROUP_MAC];
	if (!mac_str(mac, macbuf))
		snprintf(macbuf, sizeof(macbuf), "?");
	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s", bridge);
	print_u64(PRINT_ANY, "vid", " vid %llu", nl_u16(tb[MCSNOOP_A_GROUP_VID]));
	print_str(PRINT_ANY, "group", " %s", group);
	print_str(PRINT_ANY, "mac", " mac %s", macbuf);
	/* Others with this MAC, which MAC-filtering switches mix up. */
	alias = nl_u32(tb[MCSNOOP_A_GROUP_MAC_ALIAS]);
	print_u64(alias ? PRINT_ANY : PRINT_JSON, "mac_alias", " mac-alias %llu",
		  alias);
	print_u64(PRINT_ANY, "packets", " packets %llu",
		  nl_u64(tb[MCSNOOP_A_GROUP_PACKETS]));
	print_u64(PRINT_ANY, "bytes", " bytes %llu",
		  nl_u64(tb[MCSNOOP_A_GROUP_BYTES]));
	print_nl();
	/* -s: where the data went, as ip -s prints RX and TX. */
	if (stats) {
		print_u64(PRINT_TEXT, NULL, "    traffic in: packets %llu",
			  nl_u64(tb[MCSNOOP_A_GROUP_PACKETS]));
		print_u64(PRINT_TEXT, NULL, " bytes %llu",
			  nl_u64(tb[MCSNOOP_A_GROUP_BYTES]));
	}
	print_u64(stats ? PRINT_ANY : PRINT_JSON, "out_packets",
		  " out: packets %llu",
		  nl_u64(tb[MCSNOOP_A_GROUP_OUT_PACKETS]));
	print_u64(stats ? PRINT_ANY : PRINT_JSON, "out_bytes", " bytes %llu",
		  nl_u64(tb[MCSNOOP_A_GROUP_OUT_BYTES]));
	if (stats)
		print_nl();
	out_open_array("members");
	print_members(tb[MCSNOOP_A_GROUP_MEMBERS], group_ipv6);
	/* Closed by the next group, or by mcs_group_print_end(). */
	gp->open = true;
	return MNL_CB_OK;
}

/* BRIDGE, VID, GROUP/ADDR, PORT and SOURCE of a request. */
static int group_put(struct nlmsghdr *nlh, const struct group_args *ga)
{
	uint32_t ifindex;

	if (ga->bridge) {
		if (mcs_ifindex(ga->bridge, &ifindex) < 0)
			return -1;
		mnl_attr_put_strz(nlh, MCSNOOP_A_GROUP_BRIDGE_IFNAME,
				  ga->bridge);
	}
	if (ga->port) {
		if (mcs_ifindex(ga->port, &ifindex) < 0)
			return -1;
		mnl_attr_put_u32(nlh, MCSNOOP_A_GROUP_PORT_IFINDEX, ifindex);
	}
	if (ga->has_vid)
		mnl_attr_put_u16(nlh, MCSNOOP_A_GROUP_VID, ga->vid);
	if (ga->has_group)
		mnl_attr_put(nlh, MCSNOOP_A_GROUP_ADDR, ga->group.len,
			     ga->group.bytes);
	if (ga->has_source)
		mnl_attr_put(nlh, MCSNOOP_A_GROUP_SOURCE, ga->source.len,
			     ga->source.bytes);
	return 0;
}

/* Open the socket and build the request; NULL after printing the error. */
static struct nlmsghdr *group_request(struct mcs_ctx *ctx, uint8_t cmd,
				      uint16_t flags,
				      const struct group_args *ga,
				      struct nl_sock **nl)
{
	struct nlmsghdr *nlh;

	*nl = mcs_genl(ctx);
	if (!*nl)
		return NULL;
	nlh = genl_msg(*nl, cmd, flags);
	if (group_put(nlh, ga) < 0)
		return NULL;
	return nlh;
}

/* group show: the groups; with -s, then the removals of the groups shown. */
static int group_show_dump(struct nl_sock *nl, struct nlmsghdr *nlh,
			   const struct group_args *ga, bool stats)
{
	struct mcs_removal_filter f = {
		.has_vid = ga->has_vid,
		.vid = ga->vid,
		.group = ga->has_group ? &ga->group : NULL,
	};
	struct mcs_group_print gp = { .stats = stats };
	struct nl_error err;
	int ret;

	out_open_array(NULL);
	ret = nl_talk(nl, nlh, mcs_group_print_cb, &gp, &err);
	mcs_group_print_end(&gp);
	if (ret < 0)
		nl_perror(&err, NULL);
	else if (stats)
		ret = mcs_removals_show(nl, ga->bridge, &f);
	out_close_array();
	out_finish();
	return ret < 0;
}

static int group_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct group_args ga = { 0 };
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc >= 1 && strcmp(argv[0], "vid") && strcmp(argv[0], "group")) {
		ga.bridge = argv[0];
		argc--;
		argv++;
	}
	if (group_parse_opts(argc, argv, "vid group", &ga))
		return 1;
	nlh = group_request(ctx, MCSNOOP_CMD_GROUP_GET, NLM_F_DUMP, &ga, &nl);
	if (!nlh)
		return 1;
	return group_show_dump(nl, nlh, &ga, ctx->stats);
}

/* group add|del BRIDGE GROUP port DEV [vid VID] [source SRC] */
static int group_change(struct mcs_ctx *ctx, uint8_t cmd, int argc,
			char **argv)
{
	struct group_args ga = { 0 };
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc < 1)
		return mcs_usage_error(mcs_group_usage, "missing BRIDGE");
	if (argc < 2)
		return mcs_usage_error(mcs_group_usage, "missing GROUP");
	ga.bridge = argv[0];
	if (mcs_parse_addr(argv[1], &ga.group) < 0)
		return mcs_usage_error(mcs_group_usage,
				       "invalid group \"%s\" (expected an IPv4 or IPv6 address)",
				       argv[1]);
	ga.has_group = true;
	if (group_parse_opts(argc - 2, argv + 2, "port vid source", &ga))
		return 1;
	if (!ga.port)
		return mcs_usage_error(mcs_group_usage, "missing \"port DEV\"");
	if (ga.has_source && ga.source.family != ga.group.family)
		return mcs_usage_error(mcs_group_usage,
				       "source and group \"%s\" are not of the same address family",
				       argv[1]);
	nlh = group_request(ctx, cmd, 0, &ga, &nl);
	if (!nlh)
		return 1;
	return mcs_do(nl, nlh);
}

static int group_add(struct mcs_ctx *ctx, int argc, char **argv)
{
	return group_change(ctx, MCSNOOP_CMD_GROUP_ADD, argc, argv);
}

static int group_del(struct mcs_ctx *ctx, int argc, char **argv)
{
	return group_change(ctx, MCSNOOP_CMD_GROUP_DEL, argc, argv);
}

static int group_flush(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct group_args ga = { 0 };
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc < 1)
		return mcs_usage_error(mcs_group_usage, "missing BRIDGE");
	ga.bridge = argv[0];
	if (group_parse_opts(argc - 1, argv + 1, "port vid", &ga))
		return 1;
	nlh = group_request(ctx, MCSNOOP_CMD_GROUP_FLUSH, 0, &ga, &nl);
	if (!nlh)
		return 1;
	return mcs_do(nl, nlh);
}

int mcs_group_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", group_show },
		{ "list", group_show },
		{ "add", group_add },
		{ "del", group_del },
		{ "delete", group_del },
		{ "flush", group_flush },
		{ NULL, NULL },
	};

	if (argc == 0)
		return group_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_group_usage, argc, argv);
}
