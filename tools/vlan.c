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
		"       mcsnoopctl [-j [-p]] vlan show [BRIDGE]\n"
		"\n"
		"VID is 1-4094; snooping off floods every group of that VLAN.\n"
		"querier and querier-address are as for bridge set, for that VLAN.\n");
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
	mcs_querier_print_config(tb[MCSNOOP_A_VLAN_QUERIER],
				 tb[MCSNOOP_A_VLAN_QUERIER_ADDR4],
				 tb[MCSNOOP_A_VLAN_QUERIER_ADDR6]);
	print_nl();
	out_close_object();
	return MNL_CB_OK;
}

static int vlan_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	return mcs_show_bridge_dump(ctx, argc, argv, mcs_vlan_usage, MCSNOOP_CMD_VLAN_GET,
				    MCSNOOP_A_VLAN_BRIDGE_IFNAME, mcs_vlan_print_cb);
}

const struct mcs_param mcs_vlan_params[] = {
	{ .name = "snooping", .attr = MCSNOOP_A_VLAN_SNOOPING,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "querier", .attr = MCSNOOP_A_VLAN_QUERIER,
	  .type = MCS_PARAM_WORD, .words = mcs_querier_mode_words,
	  .help = "off, proxy or auto" },
	{ .name = "querier-address", .attr = MCSNOOP_A_VLAN_QUERIER_ADDR4,
	  .attr6 = MCSNOOP_A_VLAN_QUERIER_ADDR6, .type = MCS_PARAM_ADDR,
	  .help = "an IPv4 or IPv6 address, or none" },
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
