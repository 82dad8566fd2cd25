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
#include "params.h"
#include "parse_args.h"
#include "rtnl.h"
#include "stats.h"

void mcs_bridge_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl bridge enable BRIDGE\n"
		"       mcsnoopctl bridge disable BRIDGE\n"
		"       mcsnoopctl bridge set BRIDGE [ snooping on|off ]\n"
		"               [ flood-unknown on|off ] [ flood-ambiguous on|off ]\n"
		"               [ max-groups N ] [ query-interval SEC ]\n"
		"               [ query-response-interval SEC ] [ robustness N ]\n"
		"               [ last-member-interval SEC ] [ last-member-count N ]\n"
		"               [ router-timeout auto|SEC ]\n"
		"               [ membership-timeout auto|SEC ]\n"
		"       mcsnoopctl [-s] [-j [-p]] bridge show [BRIDGE]\n"
		"\n"
		"enable switches the bridge's own multicast snooping off (it would\n"
		"filter frames before mcsnoop sees them); disable restores it.\n"
		"SEC is seconds with up to three decimals (0.5); auto derives the\n"
		"timeout from robustness, query-interval and query-response-interval.\n");
}

/* One bridge as the kernel describes it. */
struct bridge_info {
	uint32_t ifindex;
	char ifname[64];
	bool saved_mcast_snooping;
	bool mcast_snooping;
	struct mcs_stats stats;
	const struct nlattr *tb[MCSNOOP_A_BRIDGE_MAX + 1];
};

static void bridge_parse(const struct nlmsghdr *nlh, struct bridge_info *bi)
{
	const struct nlattr **tb = bi->tb;
	const char *name;

	memset(bi, 0, sizeof(*bi));
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_BRIDGE_MAX);
	bi->ifindex = nl_u32(tb[MCSNOOP_A_BRIDGE_IFINDEX]);
	name = nl_str(tb[MCSNOOP_A_BRIDGE_IFNAME]);
	snprintf(bi->ifname, sizeof(bi->ifname), "%s", name ? name : "");
	bi->saved_mcast_snooping =
		nl_u8(tb[MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING]);
	bi->mcast_snooping = nl_u8(tb[MCSNOOP_A_BRIDGE_MCAST_SNOOPING]);
	if (tb[MCSNOOP_A_BRIDGE_STATS])
		mcs_stats_parse(tb[MCSNOOP_A_BRIDGE_STATS], &bi->stats);
}

/* A timeout whose configured value 0 means auto: the value in use. */
static void print_timeout(const char *key, const char *word,
			  const struct nlattr *conf, const struct nlattr *active)
{
	char key_auto[48], fmt[48];
	bool is_auto = !nl_u32(conf);

	snprintf(fmt, sizeof(fmt), " %s %s", word,
		 is_auto ? "auto (%s)" : "%s");
	snprintf(key_auto, sizeof(key_auto), "%s_auto", key);
	print_secs(PRINT_ANY, key, fmt, nl_u32(active));
	print_on_off(PRINT_JSON, key_auto, NULL, is_auto);
}

static void bridge_print_config(const struct bridge_info *bi)
{
	const struct nlattr *const *tb = bi->tb;

	print_text("    ");
	print_on_off(PRINT_ANY, "snooping", "snooping %s",
		     nl_u8(tb[MCSNOOP_A_BRIDGE_SNOOPING]));
	print_on_off(PRINT_ANY, "flood_unknown", " flood-unknown %s",
		     nl_u8(tb[MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN]));
	print_on_off(PRINT_ANY, "flood_ambiguous", " flood-ambiguous %s",
		     nl_u8(tb[MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS]));
	print_u64(PRINT_ANY, "max_groups", " max-groups %llu",
		  nl_u32(tb[MCSNOOP_A_BRIDGE_MAX_GROUPS]));
	print_u64(PRINT_ANY, "group_count", " groups %llu",
		  nl_u32(tb[MCSNOOP_A_BRIDGE_GROUP_COUNT]));
	print_nl();
	print_text("    ");
	print_secs(PRINT_ANY, "query_interval", "query-interval %s",
		   nl_u32(tb[MCSNOOP_A_BRIDGE_QUERY_INTERVAL]));
	print_secs(PRINT_ANY, "query_response_interval",
		   " query-response-interval %s",
		   nl_u32(tb[MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL]));
	print_u64(PRINT_ANY, "robustness", " robustness %llu",
		  nl_u8(tb[MCSNOOP_A_BRIDGE_ROBUSTNESS]));
	print_nl();
	print_text("    ");
	print_secs(PRINT_ANY, "last_member_interval", "last-member-interval %s",
		   nl_u32(tb[MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL]));
	print_u64(PRINT_ANY, "last_member_count", " last-member-count %llu",
		  nl_u8(tb[MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT]));
	print_nl();
	print_text("   ");
	print_timeout("router_timeout", "router-timeout",
		      tb[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT],
		      tb[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE]);
	print_timeout("membership_timeout", "membership-timeout",
		      tb[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT],
		      tb[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT_ACTIVE]);
	print_nl();
}

static void bridge_print(struct mcs_ctx *ctx, const struct bridge_info *bi)
{
	out_open_object(NULL);
	print_str(PRINT_ANY, "ifname", "%s:", bi->ifname);
	print_u64(PRINT_ANY, "ifindex", " ifindex %llu", bi->ifindex);
	print_on_off(PRINT_ANY, "saved_mcast_snooping",
		     " saved_mcast_snooping %s", bi->saved_mcast_snooping);
	print_on_off(PRINT_JSON, "mcast_snooping", NULL, bi->mcast_snooping);
	if (bi->mcast_snooping)
		print_text(" mcast_snooping on (warning: the bridge's own snooping was switched back on and filters before mcsnoop)");
	print_nl();
	bridge_print_config(bi);
	if (ctx->stats && bi->stats.present)
		mcs_stats_print(&bi->stats, "    ");
	out_close_object();
}

int mcs_bridge_print_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bridge_info bi;

	bridge_parse(nlh, &bi);
	bridge_print(data, &bi);
	return MNL_CB_OK;
}

static int bridge_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *name = argc > 0 ? argv[0] : NULL;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc > 1)
		return mcs_usage_error(mcs_bridge_usage,
				       "unexpected argument \"%s\"", argv[1]);
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_GET, name ? 0 : NLM_F_DUMP);
	if (name)
		mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, name);
	return mcs_show(nl, nlh, mcs_bridge_print_cb, ctx);
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

static const char *const querier_words[] = {
	"querier", "querier-address", "proxy-query", "startup-query-interval",
	"startup-query-count", "igmp-version", "mld-version", NULL,
};

const struct mcs_param_reserved mcs_querier_reserved = {
	.names = querier_words,
	.message = "mcsnoopctl: querier settings are not supported yet",
};

static const struct mcs_param bridge_params[] = {
	{ "snooping", MCSNOOP_A_BRIDGE_SNOOPING, MCS_PARAM_ON_OFF, NULL,
	  "on or off" },
	{ "flood-unknown", MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN, MCS_PARAM_ON_OFF,
	  NULL, "on or off" },
	{ "flood-ambiguous", MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS,
	  MCS_PARAM_ON_OFF, NULL, "on or off" },
	{ "max-groups", MCSNOOP_A_BRIDGE_MAX_GROUPS, MCS_PARAM_U32, NULL,
	  "a number" },
	{ "query-interval", MCSNOOP_A_BRIDGE_QUERY_INTERVAL, MCS_PARAM_SECS,
	  NULL, "seconds" },
	{ "query-response-interval", MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL,
	  MCS_PARAM_SECS, NULL, "seconds" },
	{ "robustness", MCSNOOP_A_BRIDGE_ROBUSTNESS, MCS_PARAM_U8, NULL,
	  "a number up to 255" },
	{ "last-member-interval", MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL,
	  MCS_PARAM_SECS, NULL, "seconds" },
	{ "last-member-count", MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT,
	  MCS_PARAM_U8, NULL, "a number up to 255" },
	{ "router-timeout", MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT,
	  MCS_PARAM_SECS_AUTO, NULL, "auto or seconds" },
	{ "membership-timeout", MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT,
	  MCS_PARAM_SECS_AUTO, NULL, "auto or seconds" },
	{ NULL, 0, 0, NULL, NULL },
};

static int bridge_set(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex;
	int count;

	if (argc < 1)
		return mcs_usage_error(mcs_bridge_usage, "missing BRIDGE");
	count = mcs_params_put(NULL, bridge_params, &mcs_querier_reserved,
			       mcs_bridge_usage, argc - 1, argv + 1);
	if (count < 0)
		return 1;
	if (!count)
		return mcs_usage_error(mcs_bridge_usage, "nothing to set");
	if (mcs_ifindex(argv[0], &ifindex) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_SET, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, argv[0]);
	mcs_params_put(nlh, bridge_params, &mcs_querier_reserved,
		       mcs_bridge_usage, argc - 1, argv + 1);
	return mcs_do(nl, nlh);
}

int mcs_bridge_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", bridge_show },
		{ "list", bridge_show },
		{ "enable", bridge_enable },
		{ "disable", bridge_disable },
		{ "set", bridge_set },
		{ NULL, NULL },
	};

	if (argc == 0)
		return bridge_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_bridge_usage, argc, argv);
}
