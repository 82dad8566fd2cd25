// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl port set|show: the ports of enabled bridges.
 */
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "port.h"
#include "profile.h"
#include "removals.h"
#include "stats.h"
#include "words.h"

void mcs_port_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl port set DEV [ router auto|static|off ]\n"
		"               [ flood-unknown on|off ] [ flood-reports on|off ]\n"
		"               [ fast-leave on|off ] [ max-groups N ] [ max-hosts N ]\n"
		"               [ limit-action flood|deny|replace ] [ profile NAME|none ]\n"
		"       mcsnoopctl port set DEV vid VID [ router auto|static|off ]\n"
		"               [ max-groups N ]\n"
		"       mcsnoopctl [-s] [-j [-p]] port show [ DEV | bridge BRIDGE ]\n"
		"       mcsnoopctl port template add BRIDGE PATTERN [ SETTING ... ]\n"
		"               [ group GROUP [ vid VID ] [ source SRC ] ] ...\n"
		"       mcsnoopctl port template del BRIDGE PATTERN\n"
		"       mcsnoopctl [-j [-p]] port template show [ BRIDGE ]\n"
		"\n"
		"flood-unknown follows the bridge's setting until it is set on the port.\n"
		"vid VID: the router mode or max-groups on that VLAN only; router auto\n"
		"follows the port's, max-groups 0 is no limit of the VLAN's own.\n"
		"limit-action: a group beyond max-groups floods, is refused, or replaces\n"
		"the membership that would expire first.\n"
		"profile: the filtering profile of the port's reports and static entries\n"
		"(profile add); none detaches it.\n"
		"With fast-leave each reporting host is a member of its own (up to\n"
		"max-hosts hosts; with mcast_to_unicast, all): its leave ends its own.\n"
		"A template gives the ports whose name matches PATTERN (* any run of\n"
		"characters, ? one; * alone: every port) the settings of port set when\n"
		"they join the bridge, and at once to those present. All that match\n"
		"apply, the least specific first. Its groups are static memberships\n"
		"(group add) of the ports it serves; every matching template adds its.\n"
		"-s: also the port's counters, and why its last memberships ended.\n");
}

static void print_router_via(const char *proto, const struct nlattr *via,
			     const struct nlattr *timer)
{
	unsigned int v = nl_u8(via);
	char key[32], fmt[48];

	snprintf(key, sizeof(key), "router_%s", proto);
	snprintf(fmt, sizeof(fmt), " router-%s %%s", proto);
	print_str(PRINT_ANY, key, fmt, mcs_router_via_word(v));
	snprintf(key, sizeof(key), "router_%s_timer", proto);
	/* A learnt router port expires: its timer tells when. */
	if (v == MCSNOOP_ROUTER_VIA_QUERY || v == MCSNOOP_ROUTER_VIA_MRD ||
	    v == MCSNOOP_ROUTER_VIA_PIM)
		print_secs(PRINT_ANY, key, " timer %s", nl_u32(timer));
	else
		print_secs(PRINT_JSON, key, NULL, nl_u32(timer));
}

void mcs_port_summary(const struct nlmsghdr *nlh, struct mcs_port_summary *ps)
{
	const struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1];
	char name[IF_NAMESIZE];

	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PORT_MAX);
	memset(ps, 0, sizeof(*ps));
	snprintf(ps->ifname, sizeof(ps->ifname), "%s",
		 mcs_ifname(tb[MCSNOOP_A_PORT_IFNAME],
			    tb[MCSNOOP_A_PORT_IFINDEX], name));
	ps->fast_leave = nl_u8(tb[MCSNOOP_A_PORT_FAST_LEAVE]);
	ps->flood_unknown = nl_u8(tb[MCSNOOP_A_PORT_FLOOD_UNKNOWN]);
	ps->router_via[0] = nl_u8(tb[MCSNOOP_A_PORT_ROUTER_IPV4]);
	ps->router_via[1] = nl_u8(tb[MCSNOOP_A_PORT_ROUTER_IPV6]);
	ps->router_timer[0] = nl_u32(tb[MCSNOOP_A_PORT_ROUTER_IPV4_TIMER]);
	ps->router_timer[1] = nl_u32(tb[MCSNOOP_A_PORT_ROUTER_IPV6_TIMER]);
	ps->fallback = nl_u32(tb[MCSNOOP_A_PORT_FALLBACK]);
}

/* Bit vid of a VLAN bitmap attribute (byte vid / 8, LSB first). */
static bool vid_bit(const struct nlattr *bits, unsigned int vid)
{
	const uint8_t *b;

	if (!bits || mnl_attr_get_payload_len(bits) < 4096 / 8)
		return false;
	b = mnl_attr_get_payload(bits);
	return b[vid / 8] & (1u << (vid % 8));
}

/* Text: " vid 10-12,20 router MODE" for the VLANs of bits, if any. */
static void print_vid_ranges(const struct nlattr *bits, const char *mode)
{
	unsigned int vid, first;
	bool any = false;
	char buf[32];

	for (vid = 1; vid <= 4094; vid++) {
		if (!vid_bit(bits, vid))
			continue;
		first = vid;
		while (vid < 4094 && vid_bit(bits, vid + 1))
			vid++;
		if (vid > first)
			snprintf(buf, sizeof(buf), "%s%u-%u", any ? "," : " vid ",
				 first, vid);
		else
			snprintf(buf, sizeof(buf), "%s%u", any ? "," : " vid ",
				 vid);
		print_text(buf);
		any = true;
	}
	if (any) {
		print_text(" router ");
		print_text(mode);
	}
}

/*
 * Where the router mode differs per VLAN: JSON one object per VLAN, text
 * the VLANs as ranges per mode.
 */
static void print_vlan_routers(const struct nlattr *on, const struct nlattr *off)
{
	const char *mode;
	unsigned int vid;

	if (!out_is_json()) {
		print_vid_ranges(on, "static");
		print_vid_ranges(off, "off");
		return;
	}
	out_open_array("vlan_routers");
	for (vid = 1; vid <= 4094; vid++) {
		mode = vid_bit(on, vid) ? "static" :
		       vid_bit(off, vid) ? "off" : NULL;
		if (!mode)
			continue;
		out_open_object(NULL);
		print_u64(PRINT_JSON, "vid", NULL, vid);
		print_str(PRINT_JSON, "router", NULL, mode);
		out_close_object();
	}
	out_close_array();
}

/*
 * The port's max-groups per VLAN: JSON one object per VLAN (an empty
 * array when none), text one line each.
 */
static void print_vlan_limits(const struct nlattr *limits)
{
	const struct nlattr *tb[MCSNOOP_A_VLAN_LIMIT_MAX + 1];
	const struct nlattr *entry;

	out_open_array("vlan_limits");
	if (limits) {
		mnl_attr_for_each_nested(entry, limits) {
			if (mnl_attr_get_type(entry) != MCSNOOP_A_VLAN_LIMIT_ENTRY)
				continue;
			nl_nested(entry, tb, MCSNOOP_A_VLAN_LIMIT_MAX);
			out_open_object(NULL);
			print_u64(PRINT_ANY, "vid", "    vid %llu",
				  nl_u16(tb[MCSNOOP_A_VLAN_LIMIT_VID]));
			print_u64(PRINT_ANY, "max_groups", " max-groups %llu",
				  nl_u32(tb[MCSNOOP_A_VLAN_LIMIT_MAX_GROUPS]));
			print_u64(PRINT_ANY, "group_count", " groups %llu",
				  nl_u32(tb[MCSNOOP_A_VLAN_LIMIT_GROUP_COUNT]));
			print_u64(PRINT_ANY, "table_full", " table-full %llu",
				  nl_u64(tb[MCSNOOP_A_VLAN_LIMIT_TABLE_FULL]));
			print_nl();
			out_close_object();
		}
	}
	out_close_array();
}

int mcs_port_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1];
	struct mcs_ctx *ctx = data;
	char name[IF_NAMESIZE], bridge_name[IF_NAMESIZE];
	const char *ifname, *bridge;
	uint32_t ifindex;

	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PORT_MAX);
	ifindex = nl_u32(tb[MCSNOOP_A_PORT_IFINDEX]);
	ifname = mcs_ifname(tb[MCSNOOP_A_PORT_IFNAME],
			    tb[MCSNOOP_A_PORT_IFINDEX], name);
	bridge = mcs_ifname(tb[MCSNOOP_A_PORT_BRIDGE_IFNAME], NULL,
			    bridge_name);

	out_open_object(NULL);
	print_str(PRINT_ANY, "ifname", "%s:", ifname);
	print_u64(PRINT_ANY, "ifindex", " ifindex %llu", ifindex);
	print_str(PRINT_ANY, "bridge", " bridge %s", bridge);
	print_str(PRINT_ANY, "router", " router %s",
		  word_of_list(mcs_router_words,
			       nl_u8(tb[MCSNOOP_A_PORT_ROUTER])));
	print_vlan_routers(tb[MCSNOOP_A_PORT_VLAN_ROUTERS_STATIC],
			   tb[MCSNOOP_A_PORT_VLAN_ROUTERS_OFF]);
	print_fallback(nl_u32(tb[MCSNOOP_A_PORT_FALLBACK]), false);
	print_nl();
	print_text("   ");
	print_router_via("ipv4", tb[MCSNOOP_A_PORT_ROUTER_IPV4],
			 tb[MCSNOOP_A_PORT_ROUTER_IPV4_TIMER]);
	print_router_via("ipv6", tb[MCSNOOP_A_PORT_ROUTER_IPV6],
			 tb[MCSNOOP_A_PORT_ROUTER_IPV6_TIMER]);
	print_nl();
	print_text("    ");
	print_on_off(PRINT_ANY, "flood_unknown", "flood-unknown %s",
		     nl_u8(tb[MCSNOOP_A_PORT_FLOOD_UNKNOWN]));
	print_on_off(PRINT_ANY, "flood_reports", " flood-reports %s",
		     nl_u8(tb[MCSNOOP_A_PORT_FLOOD_REPORTS]));
	print_on_off(PRINT_ANY, "fast_leave", " fast-leave %s",
		     nl_u8(tb[MCSNOOP_A_PORT_FAST_LEAVE]));
	print_u64(PRINT_ANY, "max_groups", " max-groups %llu",
		  nl_u32(tb[MCSNOOP_A_PORT_MAX_GROUPS]));
	print_str(PRINT_ANY, "limit_action", " limit-action %s",
		  word_of_list(mcs_limit_action_words,
			       nl_u8(tb[MCSNOOP_A_PORT_LIMIT_ACTION])));
	print_u64(PRINT_ANY, "group_count", " groups %llu",
		  nl_u32(tb[MCSNOOP_A_PORT_GROUP_COUNT]));
	print_u64(PRINT_ANY, "max_hosts", " max-hosts %llu",
		  nl_u32(tb[MCSNOOP_A_PORT_MAX_HOSTS]));
	print_u64(PRINT_ANY, "host_count", " hosts %llu",
		  nl_u32(tb[MCSNOOP_A_PORT_HOST_COUNT]));
	mcs_print_profile(tb[MCSNOOP_A_PORT_PROFILE]);
	print_nl();
	print_vlan_limits(tb[MCSNOOP_A_PORT_VLAN_LIMITS]);
	if (ctx->stats && tb[MCSNOOP_A_PORT_STATS]) {
		struct mcs_stats stats;

		mcs_stats_parse(tb[MCSNOOP_A_PORT_STATS], &stats);
		mcs_stats_print(&stats, "    ");
	}
	if (ctx->stats) {
		out_open_array("removals");
		mcs_removals_print(tb[MCSNOOP_A_PORT_REMOVALS], NULL, NULL,
				   NULL);
		out_close_array();
	}
	out_close_object();
	return MNL_CB_OK;
}

static int port_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *dev = NULL, *bridge = NULL;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex = 0;

	if (argc >= 1 && !strcmp(argv[0], "bridge")) {
		if (argc < 2)
			return mcs_usage_error(mcs_port_usage,
					       "missing BRIDGE after \"bridge\"");
		bridge = argv[1];
		argc -= 2;
		argv += 2;
	} else if (argc >= 1) {
		dev = argv[0];
		argc--;
		argv++;
	}
	if (argc > 0)
		return mcs_usage_error(mcs_port_usage,
				       "unexpected argument \"%s\"", argv[0]);
	if (dev && mcs_ifindex(dev, &ifindex) < 0)
		return 1;
	if (bridge && mcs_ifindex(bridge, &ifindex) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_PORT_GET, dev ? 0 : NLM_F_DUMP);
	if (dev)
		mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_IFINDEX, ifindex);
	if (bridge)
		mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_BRIDGE_IFNAME, bridge);
	return mcs_show(nl, nlh, mcs_port_print_cb, ctx);
}

static const struct mcs_param port_own_params[] = {
	{ .name = "router", .attr = MCSNOOP_A_PORT_ROUTER,
	  .type = MCS_PARAM_WORD, .words = mcs_router_words,
	  .help = "auto, static or off" },
	{ .name = "flood-unknown", .attr = MCSNOOP_A_PORT_FLOOD_UNKNOWN,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "flood-reports", .attr = MCSNOOP_A_PORT_FLOOD_REPORTS,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "fast-leave", .attr = MCSNOOP_A_PORT_FAST_LEAVE,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "max-groups", .attr = MCSNOOP_A_PORT_MAX_GROUPS,
	  .type = MCS_PARAM_U32, .help = "a number" },
	{ .name = "max-hosts", .attr = MCSNOOP_A_PORT_MAX_HOSTS,
	  .type = MCS_PARAM_U32, .help = "a number" },
	{ .name = "limit-action", .attr = MCSNOOP_A_PORT_LIMIT_ACTION,
	  .type = MCS_PARAM_WORD, .words = mcs_limit_action_words,
	  .help = "flood, deny or replace" },
	{ .name = "profile", .attr = MCSNOOP_A_PORT_PROFILE,
	  .type = MCS_PARAM_NAME,
	  .help = "a profile's name of 1-15 characters, or none" },
	{ .name = NULL },
};

const struct mcs_params mcs_port_params = { .own = port_own_params };

/* What port set DEV vid VID sets. */
static const struct mcs_param port_vlan_own_params[] = {
	{ .name = "router", .attr = MCSNOOP_A_PORT_ROUTER,
	  .type = MCS_PARAM_WORD, .words = mcs_router_words,
	  .help = "auto, static or off" },
	{ .name = "max-groups", .attr = MCSNOOP_A_PORT_MAX_GROUPS,
	  .type = MCS_PARAM_U32, .help = "a number" },
	{ .name = NULL },
};

static const struct mcs_params port_vlan_params = {
	.own = port_vlan_own_params
};

/*
 * port set DEV vid VID SETTING...: the router mode or max-groups on one
 * VLAN. Returns the VID, 0 when the words do not start with vid, or -1
 * after an error.
 */
static int port_set_vid(int argc, char **argv)
{
	uint32_t vid;
	int i;

	if (argc < 1 || !mcs_matches(argv[0], "vid"))
		return 0;
	if (argc < 2 || mcs_parse_u32(argv[1], 1, 4094, &vid) < 0) {
		mcs_usage_error(mcs_port_usage,
				"invalid vid \"%s\" (expected 1-4094)",
				argc < 2 ? "" : argv[1]);
		return -1;
	}
	/* Keywords at 2, 4, ...: their values are checked when put. */
	for (i = 2; i < argc; i += 2)
		if (!mcs_matches(argv[i], "router") &&
		    !mcs_matches(argv[i], "max-groups")) {
			mcs_usage_error(mcs_port_usage,
					"only \"router MODE\" and \"max-groups N\" are set per VLAN");
			return -1;
		}
	return vid;
}

static int port_set(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex;
	const struct mcs_params *params;
	int count, vid, n;
	char **words;

	if (argc < 1)
		return mcs_usage_error(mcs_port_usage, "missing DEV");
	vid = port_set_vid(argc - 1, argv + 1);
	if (vid < 0)
		return 1;
	/* The settings: after DEV, and after "vid VID" when given. */
	words = argv + (vid ? 3 : 1);
	n = argc - (vid ? 3 : 1);
	params = vid ? &port_vlan_params : &mcs_port_params;
	count = mcs_params_put(NULL, params, mcs_port_usage, n, words);
	if (count < 0)
		return 1;
	if (!count)
		return mcs_usage_error(mcs_port_usage, "nothing to set");
	if (mcs_ifindex(argv[0], &ifindex) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_PORT_SET, 0);
	mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_IFINDEX, ifindex);
	if (vid)
		mnl_attr_put_u16(nlh, MCSNOOP_A_PORT_VID, vid);
	mcs_params_put(nlh, params, mcs_port_usage, n, words);
	return mcs_do(nl, nlh);
}

int mcs_port_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", port_show },
		{ "list", port_show },
		{ "set", port_set },
		{ "template", mcs_template_main },
		{ NULL, NULL },
	};

	if (argc == 0)
		return port_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_port_usage, argc, argv);
}
