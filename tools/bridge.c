// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl bridge enable|disable|show
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "rtnl.h"

void mcs_bridge_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl bridge enable BRIDGE\n"
		"       mcsnoopctl bridge disable BRIDGE\n"
		"       mcsnoopctl [-s] [-j [-p]] bridge show [BRIDGE]\n"
		"\n"
		"enable switches the bridge's own multicast snooping off (it would\n"
		"filter frames before mcsnoop sees them); disable restores it.\n");
}

/* One bridge as the kernel describes it. */
struct bridge_info {
	uint32_t ifindex;
	char ifname[64];
	bool saved_mcast_snooping;
	bool mcast_snooping;
	bool has_stats;
	uint64_t stats[MCSNOOP_A_STATS_MAX + 1];
};

static const char *const stats_names[MCSNOOP_A_STATS_MAX + 1] = {
	[MCSNOOP_A_STATS_IGMP] = "igmp",
	[MCSNOOP_A_STATS_MLD] = "mld",
	[MCSNOOP_A_STATS_MCAST_DATA] = "mcast_data",
	[MCSNOOP_A_STATS_FWD_COPIES] = "fwd_copies",
	[MCSNOOP_A_STATS_HOST_COPIES] = "host_copies",
};

static int stats_attr(const struct nlattr *attr, void *data)
{
	struct bridge_info *bi = data;
	unsigned int type = mnl_attr_get_type(attr);

	if (type <= MCSNOOP_A_STATS_MAX && stats_names[type] &&
	    mnl_attr_validate(attr, MNL_TYPE_U64) == 0)
		bi->stats[type] = mnl_attr_get_u64(attr);
	return MNL_CB_OK;
}

static int bridge_attr(const struct nlattr *attr, void *data)
{
	struct bridge_info *bi = data;

	switch (mnl_attr_get_type(attr)) {
	case MCSNOOP_A_BRIDGE_IFINDEX:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			bi->ifindex = mnl_attr_get_u32(attr);
		break;
	case MCSNOOP_A_BRIDGE_IFNAME:
		if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			snprintf(bi->ifname, sizeof(bi->ifname), "%s",
				 mnl_attr_get_str(attr));
		break;
	case MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING:
		if (mnl_attr_validate(attr, MNL_TYPE_U8) == 0)
			bi->saved_mcast_snooping = mnl_attr_get_u8(attr);
		break;
	case MCSNOOP_A_BRIDGE_MCAST_SNOOPING:
		if (mnl_attr_validate(attr, MNL_TYPE_U8) == 0)
			bi->mcast_snooping = mnl_attr_get_u8(attr);
		break;
	case MCSNOOP_A_BRIDGE_STATS:
		bi->has_stats = true;
		mnl_attr_parse_nested(attr, stats_attr, bi);
		break;
	}
	return MNL_CB_OK;
}

static void bridge_parse(const struct nlmsghdr *nlh, struct bridge_info *bi)
{
	memset(bi, 0, sizeof(*bi));
	mnl_attr_parse(nlh, sizeof(struct genlmsghdr), bridge_attr, bi);
}

static void bridge_print(struct mcs_ctx *ctx, const struct bridge_info *bi)
{
	int i;

	out_open_object(NULL);
	print_str(PRINT_ANY, "ifname", "%s:", bi->ifname);
	print_u64(PRINT_ANY, "ifindex", " ifindex %llu", bi->ifindex);
	print_on_off(PRINT_ANY, "saved_mcast_snooping",
		     " saved_mcast_snooping %s", bi->saved_mcast_snooping);
	print_on_off(PRINT_JSON, "mcast_snooping", NULL, bi->mcast_snooping);
	if (bi->mcast_snooping)
		print_text(" mcast_snooping on (warning: the bridge's own snooping was switched back on and filters before mcsnoop)");
	print_nl();
	if (ctx->stats && bi->has_stats) {
		out_open_object("stats");
		print_text("    stats:");
		for (i = 0; i <= MCSNOOP_A_STATS_MAX; i++) {
			char fmt[32];

			if (!stats_names[i])
				continue;
			snprintf(fmt, sizeof(fmt), " %s %%llu", stats_names[i]);
			print_u64(PRINT_ANY, stats_names[i], fmt,
				  bi->stats[i]);
		}
		print_nl();
		out_close_object();
	}
	out_close_object();
}

static int bridge_show_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bridge_info bi;

	bridge_parse(nlh, &bi);
	bridge_print(data, &bi);
	return MNL_CB_OK;
}

static int bridge_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *name = argc > 0 ? argv[0] : NULL;
	struct nl_sock *nl;
	struct nl_error err;
	struct nlmsghdr *nlh;
	int ret;

	if (argc > 1)
		return mcs_usage_error(mcs_bridge_usage,
				       "unexpected argument \"%s\"", argv[1]);
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_GET, name ? 0 : NLM_F_DUMP);
	if (name)
		mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, name);
	out_open_array(NULL);
	ret = nl_talk(nl, nlh, bridge_show_cb, ctx, &err);
	out_close_array();
	out_finish();
	if (ret < 0) {
		nl_perror(&err, NULL);
		return 1;
	}
	return 0;
}

static const char *bridge_arg(int argc, char **argv)
{
	if (argc < 1) {
		mcs_usage_error(mcs_bridge_usage, "missing BRIDGE");
		return NULL;
	}
	if (argc > 1) {
		mcs_usage_error(mcs_bridge_usage,
				"unexpected argument \"%s\"", argv[1]);
		return NULL;
	}
	return argv[0];
}

static int bridge_enable(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *name = bridge_arg(argc, argv);
	struct rtnl_bridge br;
	struct nl_error err;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	bool switched = false;

	if (!name)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	if (rtnl_bridge_get(name, &br, &err) < 0) {
		if (err.err == ENODEV)
			fprintf(stderr, "Error: cannot find device \"%s\"\n",
				name);
		else
			nl_perror(&err, name);
		return 1;
	}
	/* Not a bridge: the kernel says so below. */
	if (br.is_bridge && br.mcast_snooping) {
		if (rtnl_bridge_set_snooping(br.ifindex, false, &err) < 0) {
			nl_perror(&err, "cannot switch off the bridge's own multicast snooping");
			return 1;
		}
		switched = true;
	}
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_ENABLE, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, name);
	mnl_attr_put_u8(nlh, MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING,
			br.is_bridge && br.mcast_snooping);
	if (nl_talk(nl, nlh, NULL, NULL, &err) < 0) {
		struct nl_error restore_err;

		nl_perror(&err, NULL);
		if (switched &&
		    rtnl_bridge_set_snooping(br.ifindex, true, &restore_err) < 0)
			nl_perror(&restore_err, "could not switch the bridge's own multicast snooping back on");
		return 1;
	}
	if (switched)
		printf("mcsnoop enabled on %s; the bridge's own multicast snooping was on and is now off\n",
		       name);
	else
		printf("mcsnoop enabled on %s; the bridge's own multicast snooping was already off\n",
		       name);
	return 0;
}

static int bridge_disable_cb(const struct nlmsghdr *nlh, void *data)
{
	bridge_parse(nlh, data);
	return MNL_CB_OK;
}

static int bridge_disable(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *name = bridge_arg(argc, argv);
	struct rtnl_bridge br;
	struct bridge_info bi;
	struct nl_error err;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (!name)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	memset(&bi, 0, sizeof(bi));
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_DISABLE, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, name);
	if (nl_talk(nl, nlh, bridge_disable_cb, &bi, &err) < 0) {
		nl_perror(&err, NULL);
		return 1;
	}
	/* Restore what the bridge had, whatever happened since enable. */
	if (rtnl_bridge_get(name, &br, &err) < 0) {
		nl_perror(&err, "mcsnoop disabled, but the bridge could not be read back");
		return 1;
	}
	if (br.mcast_snooping != bi.saved_mcast_snooping &&
	    rtnl_bridge_set_snooping(bi.ifindex, bi.saved_mcast_snooping,
				     &err) < 0) {
		nl_perror(&err, "mcsnoop disabled, but the bridge's own multicast snooping could not be restored");
		return 1;
	}
	if (bi.saved_mcast_snooping)
		printf("mcsnoop disabled on %s; the bridge's own multicast snooping is on again\n",
		       name);
	else if (br.mcast_snooping)
		printf("mcsnoop disabled on %s; the bridge's own multicast snooping, switched on meanwhile, is off again as before enable\n",
		       name);
	else
		printf("mcsnoop disabled on %s; the bridge's own multicast snooping stays off\n",
		       name);
	return 0;
}

int mcs_bridge_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", bridge_show },
		{ "list", bridge_show },
		{ "enable", bridge_enable },
		{ "disable", bridge_disable },
		{ NULL, NULL },
	};

	if (argc == 0)
		return bridge_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_bridge_usage, argc, argv);
}
