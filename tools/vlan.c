// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl vlan set|show: snooping and the querier per VLAN of a
 * VLAN-filtering bridge.
 */
#include <stdio.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "parse_args.h"
#include "profile.h"
#include "querier.h"
#include "words.h"

void mcs_vlan_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl vlan set BRIDGE vid VID [ snooping on|off ]\n"
		"               [ flood-unknown on|off ] [ max-groups N ]\n"
		"               [ querier off|proxy|auto ] [ querier-address ADDR|none ]\n"
		"               [ proxy-query on|off ]\n"
		"               [ query-interval SEC ] [ query-response-interval SEC ]\n"
		"               [ robustness N ] [ startup-query-interval auto|SEC ]\n"
		"               [ startup-query-count auto|N ]\n"
		"               [ last-member-interval SEC ] [ last-member-count N ]\n"
		"               [ membership-timeout auto|SEC ]\n"
		"               [ igmp-version 2|3 ] [ mld-version 1|2 ]\n"
		"               [ inherit SETTING[,SETTING...] ] [ profile NAME|none ]\n"
		"       mcsnoopctl [-j [-p]] vlan show [BRIDGE]\n"
		"\n"
		"VID is 1-4094; snooping off floods every group of that VLAN.\n"
		"flood-unknown and the querier settings are as for bridge set, for that\n"
		"VLAN (a port's own flood-unknown goes first); until set each follows\n"
		"the bridge's. inherit returns the SETTINGs named by their\n"
		"keywords (or all) to the bridge's values. max-groups: most groups of\n"
		"the VLAN (0: no limit of its own); a group over it floods.\n"
		"profile: the filtering profile of the VLAN's reports and static entries\n"
		"on every port, besides the port's own (both must permit); none\n"
		"detaches it.\n");
}

/* Text " own WORD,WORD" (or none), JSON "own": [WORD, ...]. */
static void vlan_print_own(uint32_t own)
{
	const struct mcs_qsetting *q;
	bool first = true;

	out_open_array("own");
	for (q = mcs_qsettings; q->name; q++) {
		if (!(own & q->vlan_bits))
			continue;
		print_str(PRINT_ANY, NULL, first ? " own %s" : ",%s", q->name);
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
	bridge = mcs_ifname(tb[MCSNOOP_A_VLAN_BRIDGE_IFNAME],
			    tb[MCSNOOP_A_VLAN_BRIDGE_IFINDEX], name);
	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s", bridge);
	print_u64(PRINT_ANY, "vid", " vid %llu", nl_u16(tb[MCSNOOP_A_VLAN_VID]));
	print_on_off(PRINT_ANY, "snooping", " snooping %s",
		     nl_u8(tb[MCSNOOP_A_VLAN_SNOOPING]));
	print_on_off(PRINT_ANY, "flood_unknown", " flood-unknown %s",
		     nl_u8(tb[MCSNOOP_A_VLAN_FLOOD_UNKNOWN]));
	print_u64(PRINT_ANY, "group_count", " groups %llu",
		  nl_u32(tb[MCSNOOP_A_VLAN_GROUP_COUNT]));
	/* 0: no limit of its own, said in JSON only. */
	print_u64(nl_u32(tb[MCSNOOP_A_VLAN_MAX_GROUPS]) ? PRINT_ANY : PRINT_JSON,
		  "max_groups", " max-groups %llu",
		  nl_u32(tb[MCSNOOP_A_VLAN_MAX_GROUPS]));
	mcs_print_profile(tb[MCSNOOP_A_VLAN_PROFILE]);
	print_nl();
	mcs_querier_print_settings(tb, MCS_QVLAN);
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

/* vlan set's own keywords; the querier settings' are in querier.c. */
static const struct mcs_param vlan_own_params[] = {
	{ .name = "snooping", .attr = MCSNOOP_A_VLAN_SNOOPING,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "max-groups", .attr = MCSNOOP_A_VLAN_MAX_GROUPS,
	  .type = MCS_PARAM_U32, .help = "a number" },
	{ .name = "inherit", .attr = MCSNOOP_A_VLAN_INHERIT,
	  .type = MCS_PARAM_QSETTINGS,
	  .help = "setting keywords separated by commas, or all" },
	{ .name = "profile", .attr = MCSNOOP_A_VLAN_PROFILE,
	  .type = MCS_PARAM_NAME,
	  .help = "a profile's name of 1-15 characters, or none" },
	{ .name = NULL },
};

const struct mcs_params mcs_vlan_params = {
	.own = vlan_own_params,
	.querier = MCS_QVLAN,
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
	count = mcs_params_put(NULL, &mcs_vlan_params, mcs_vlan_usage,
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
	mcs_params_put(nlh, &mcs_vlan_params, mcs_vlan_usage, argc - 3,
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
