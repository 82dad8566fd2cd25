// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl vlan set|show: snooping and the querier per VLAN of a
 * VLAN-filtering bridge.
 */
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "parse_args.h"
#include "querier.h"

void mcs_vlan_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl vlan set BRIDGE vid VID [ snooping on|off ]\n"
		"               [ querier off|proxy|auto ] [ querier-address ADDR|none ]\n"
		"               [ proxy-query on|off ]\n"
		"               [ query-interval SEC ] [ query-response-interval SEC ]\n"
		"               [ robustness N ] [ startup-query-interval auto|SEC ]\n"
		"               [ startup-query-count auto|N ]\n"
		"               [ last-member-interval SEC ] [ last-member-count N ]\n"
		"               [ membership-timeout auto|SEC ]\n"
		"               [ igmp-version 2|3 ] [ mld-version 1|2 ]\n"
		"               [ inherit SETTING[,SETTING...] ]\n"
		"       mcsnoopctl [-j [-p]] vlan show [BRIDGE]\n"
		"\n"
		"VID is 1-4094; snooping off floods every group of that VLAN.\n"
		"The querier settings are as for bridge set, for that VLAN; until set\n"
		"each follows the bridge's. inherit returns the SETTINGs named by their\n"
		"keywords (or all) to the bridge's values.\n");
}

/* The words of inherit and of "own", by MCSNOOP_VLAN_SETTING_* bits. */
static const struct mcs_flag_word vlan_setting_words[] = {
	{ "querier", MCSNOOP_VLAN_SETTING_QUERIER },
	{ "querier-address", MCSNOOP_VLAN_SETTING_QUERIER_ADDR4 |
			     MCSNOOP_VLAN_SETTING_QUERIER_ADDR6 },
	{ "proxy-query", MCSNOOP_VLAN_SETTING_PROXY_QUERY },
	{ "query-interval", MCSNOOP_VLAN_SETTING_QUERY_INTERVAL },
	{ "query-response-interval",
	  MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL },
	{ "robustness", MCSNOOP_VLAN_SETTING_ROBUSTNESS },
	{ "last-member-interval", MCSNOOP_VLAN_SETTING_LAST_MEMBER_INTERVAL },
	{ "last-member-count", MCSNOOP_VLAN_SETTING_LAST_MEMBER_COUNT },
	{ "membership-timeout", MCSNOOP_VLAN_SETTING_MEMBERSHIP_TIMEOUT },
	{ "startup-query-interval",
	  MCSNOOP_VLAN_SETTING_STARTUP_QUERY_INTERVAL },
	{ "startup-query-count", MCSNOOP_VLAN_SETTING_STARTUP_QUERY_COUNT },
	{ "igmp-version", MCSNOOP_VLAN_SETTING_IGMP_VERSION },
	{ "mld-version", MCSNOOP_VLAN_SETTING_MLD_VERSION },
	/* Last: "own" never lists it. */
	{ "all", (MCSNOOP_VLAN_SETTING_MLD_VERSION << 1) - 1 },
	{ NULL, 0 },
};

static const struct mcs_qattrs vlan_qattrs = MCS_QATTRS(MCSNOOP_A_VLAN);

/* Text " own WORD,WORD" (or none), JSON "own": [WORD, ...]. */
static void vlan_print_own(uint32_t own)
{
	const struct mcs_flag_word *f;
	bool first = true;

	out_open_array("own");
	for (f = vlan_setting_words; f->word && strcmp(f->word, "all"); f++) {
		if (!(own & f->bits))
			continue;
		print_str(PRINT_ANY, NULL, first ? " own %s" : ",%s", f->word);
		first = false;
	}
	out_close_array();
	if (first)
		print_text(" own none");
}

int mcs_vlan_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_VLAN_MAX + 1];
	char name[IF_NAMESIZE];
	const char *bridge;

	(void)data;
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_VLAN_MAX);
	bridge = nl_str(tb[MCSNOOP_A_VLAN_BRIDGE_IFNAME]);
	if (!bridge)
		bridge = if_indextoname(nl_u32(tb[MCSNOOP_A_VLAN_BRIDGE_IFINDEX]),
					name) ? name : "?";
	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s", bridge);
	print_u64(PRINT_ANY, "vid", " vid %llu", nl_u16(tb[MCSNOOP_A_VLAN_VID]));
	print_on_off(PRINT_ANY, "snooping", " snooping %s",
		     nl_u8(tb[MCSNOOP_A_VLAN_SNOOPING]));
	print_u64(PRINT_ANY, "group_count", " groups %llu",
		  nl_u32(tb[MCSNOOP_A_VLAN_GROUP_COUNT]));
	print_nl();
	mcs_querier_print_settings(tb, &vlan_qattrs);
	print_text("   ");
	mcs_print_auto_secs("membership_timeout", "membership-timeout",
			    nl_u32(tb[MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT]),
			    nl_u32(tb[MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT_ACTIVE]));
	vlan_print_own(nl_u32(tb[MCSNOOP_A_VLAN_OWN]));
	print_nl();
	out_close_object();
	return MNL_CB_OK;
}

static int vlan_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	return mcs_show_bridge_dump(ctx, argc, argv, mcs_vlan_usage, MCSNOOP_CMD_VLAN_GET,
				    MCSNOOP_A_VLAN_BRIDGE_IFNAME, mcs_vlan_print_cb);
}

/* New keywords go last: a prefix means what it meant before them. */
const struct mcs_param mcs_vlan_params[] = {
	{ .name = "snooping", .attr = MCSNOOP_A_VLAN_SNOOPING,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	MCS_QPARAM_QUERIER(MCSNOOP_A_VLAN),
	MCS_QPARAM_QUERIER_ADDRESS(MCSNOOP_A_VLAN),
	MCS_QPARAM_PROXY_QUERY(MCSNOOP_A_VLAN),
	MCS_QPARAM_QUERY_INTERVAL(MCSNOOP_A_VLAN),
	MCS_QPARAM_QUERY_RESPONSE_INTERVAL(MCSNOOP_A_VLAN),
	MCS_QPARAM_ROBUSTNESS(MCSNOOP_A_VLAN),
	MCS_QPARAM_LAST_MEMBER_INTERVAL(MCSNOOP_A_VLAN),
	MCS_QPARAM_LAST_MEMBER_COUNT(MCSNOOP_A_VLAN),
	MCS_QPARAM_MEMBERSHIP_TIMEOUT(MCSNOOP_A_VLAN),
	MCS_QPARAM_STARTUP_QUERY_INTERVAL(MCSNOOP_A_VLAN),
	MCS_QPARAM_STARTUP_QUERY_COUNT(MCSNOOP_A_VLAN),
	MCS_QPARAM_IGMP_VERSION(MCSNOOP_A_VLAN),
	MCS_QPARAM_MLD_VERSION(MCSNOOP_A_VLAN),
	{ .name = "inherit", .attr = MCSNOOP_A_VLAN_INHERIT,
	  .type = MCS_PARAM_FLAGS, .flags = vlan_setting_words,
	  .help = "setting keywords separated by commas, or all" },
	{ .name = NULL },
};

static int vlan_set(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex, vid;
	int count;

	if (argc < 1)
		return mcs_usage_error(mcs_vlan_usage, "missing BRIDGE");
	if (argc < 2 || !mcs_matches(argv[1], "vid"))
		return mcs_usage_error(mcs_vlan_usage, "missing \"vid VID\"");
	if (argc < 3)
		return mcs_usage_error(mcs_vlan_usage, "missing VID");
	if (mcs_parse_u32(argv[2], 1, 4094, &vid) < 0)
		return mcs_usage_error(mcs_vlan_usage,
				       "invalid vid \"%s\" (expected 1-4094)",
				       argv[2]);
	count = mcs_params_put(NULL, mcs_vlan_params, mcs_vlan_usage,
			       argc - 3, argv + 3);
	if (count < 0)
		return 1;
	if (!count)
		return mcs_usage_error(mcs_vlan_usage, "nothing to set");
	if (mcs_ifindex(argv[0], &ifindex) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_VLAN_SET, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_VLAN_BRIDGE_IFNAME, argv[0]);
	mnl_attr_put_u16(nlh, MCSNOOP_A_VLAN_VID, vid);
	mcs_params_put(nlh, mcs_vlan_params, mcs_vlan_usage, argc - 3,
		       argv + 3);
	return mcs_do(nl, nlh);
}

int mcs_vlan_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", vlan_show },
		{ "list", vlan_show },
		{ "set", vlan_set },
		{ NULL, NULL },
	};

	if (argc == 0)
		return vlan_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_vlan_usage, argc, argv);
}
