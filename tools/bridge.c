// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl bridge enable|disable|show
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "port.h"
#include "querier.h"
#include "rtnl.h"
#include "stats.h"
#include "words.h"

void mcs_bridge_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl bridge enable BRIDGE [ SETTINGS of set ]\n"
		"       mcsnoopctl bridge disable BRIDGE\n"
		"       mcsnoopctl bridge set BRIDGE [ snooping on|off ]\n"
		"               [ flood-unknown on|off ] [ flood-ambiguous on|off ]\n"
		"               [ max-groups N ] [ querier off|proxy|auto ]\n"
		"               [ querier-address ADDR|none ] [ proxy-query on|off ]\n"
		"               [ query-interval SEC ] [ query-response-interval SEC ]\n"
		"               [ robustness N ] [ startup-query-interval auto|SEC ]\n"
		"               [ startup-query-count auto|N ]\n"
		"               [ last-member-interval SEC ] [ last-member-count N ]\n"
		"               [ router-timeout auto|SEC ]\n"
		"               [ membership-timeout auto|SEC ]\n"
		"               [ host-router auto|static|off ]\n"
		"               [ igmp-version 2|3 ] [ mld-version 1|2 ]\n"
		"       mcsnoopctl [-s] [-j [-p]] bridge show [BRIDGE]\n"
		"\n"
		"show BRIDGE adds the overview: fast-leave, router and flood ports,\n"
		"the queriers and the groups.\n"
		"enable switches the bridge's own multicast snooping off (it would\n"
		"filter frames before mcsnoop sees them); disable restores it.\n"
		"SEC is seconds with up to three decimals (0.5); auto derives the\n"
		"timeout from robustness, query-interval and query-response-interval,\n"
		"the startup query interval from query-interval (a quarter) and the\n"
		"startup query count from robustness.\n"
		"querier-address takes an IPv4 or a link-local IPv6 address (give it\n"
		"twice to set both); none queries from the bridge's own address.\n");
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

/*
 * Only 0.0.0.0 queries heard somewhere: no querier with an address, no
 * router in the election, and hosts that ignore such queries lose their
 * memberships. A line of its own in text; a count in JSON.
 */
static void bridge_print_proxy_only(uint32_t n)
{
	char line[160];

	print_u64(PRINT_JSON, "querier_proxy_only", NULL, n);
	if (!n)
		return;
	snprintf(line, sizeof(line),
		 "    only 0.0.0.0 queries heard on %u VLAN%s/protocol%s: no querier with an address (querier show)",
		 n, n > 1 ? "s" : "", n > 1 ? "s" : "");
	print_text(line);
	print_nl();
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
	if (tb[MCSNOOP_A_BRIDGE_TABLE_BYTES])
		print_u64(PRINT_JSON, "table_bytes", NULL,
			  nl_u64(tb[MCSNOOP_A_BRIDGE_TABLE_BYTES]));
	print_nl();
	mcs_querier_print_settings(tb, MCS_QBRIDGE);
	print_text("   ");
	mcs_print_auto_secs("router_timeout", "router-timeout",
			    nl_u32(tb[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT]),
			    nl_u32(tb[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE]));
	mcs_print_auto_secs("membership_timeout", "membership-timeout",
			    nl_u32(tb[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT]),
			    nl_u32(tb[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT_ACTIVE]));
	print_nl();
	if (!tb[MCSNOOP_A_BRIDGE_HOST_ROUTER])
		return;
	print_str(PRINT_ANY, "host_router", "    host-router %s",
		  word_of_list(mcs_router_words,
			       nl_u8(tb[MCSNOOP_A_BRIDGE_HOST_ROUTER])));
	print_str(PRINT_ANY, "host_router_ipv4", " (ipv4 %s",
		  mcs_router_via_word(nl_u8(tb[MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV4])));
	print_str(PRINT_ANY, "host_router_ipv6", " ipv6 %s)",
		  mcs_router_via_word(nl_u8(tb[MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV6])));
	print_nl();
	bridge_print_proxy_only(nl_u32(tb[MCSNOOP_A_BRIDGE_QUERIER_PROXY_ONLY]));
}

/* The table's memory as ip -h prints sizes, or "" without the attribute. */
static void bridge_format_bytes(char *buf, size_t len,
				const struct nlattr *attr)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
	double v;
	unsigned int u;

	if (!attr) {
		buf[0] = '\0';
		return;
	}
	v = nl_u64(attr);
	if (v < 1024) {
		snprintf(buf, len, ", table memory %.0f bytes", v);
		return;
	}
	for (u = 0, v /= 1024; v >= 1024 && u + 1 < 4; u++)
		v /= 1024;
	snprintf(buf, len, ", table memory %.1f %s", v, units[u]);
}

/*
 * Text "N groups, max M, table memory X": the table's size against its
 * limit, and what it takes (bytes: "" when the kernel does not say).
 */
static void bridge_print_groups_line(uint32_t count, uint32_t max,
				     const char *bytes)
{
	char line[128];

	snprintf(line, sizeof(line), "    %u groups, max %u%s", count, max,
		 bytes);
	print_text(line);
	print_nl();
}

/* The bridge's object, left open for what the overview adds to it. */
static void bridge_print_head(struct mcs_ctx *ctx, const struct bridge_info *bi)
{
	out_open_object(NULL);
	print_str(PRINT_ANY, "ifname", "%s:", bi->ifname);
	print_u64(PRINT_ANY, "ifindex", " ifindex %llu", bi->ifindex);
	print_on_off(PRINT_ANY, "saved_mcast_snooping",
		     " saved_mcast_snooping %s", bi->saved_mcast_snooping);
	print_on_off(PRINT_JSON, "mcast_snooping", NULL, bi->mcast_snooping);
	print_fallback(nl_u32(bi->tb[MCSNOOP_A_BRIDGE_FALLBACK]), false);
	if (bi->mcast_snooping)
		print_text(" (the bridge's own snooping is on again: mcsnoop stands aside)");
	print_nl();
	bridge_print_config(bi);
	if (ctx->stats && bi->stats.present)
		mcs_stats_print(&bi->stats, "    ");
}

int mcs_bridge_print_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bridge_info bi;
	char bytes[48];

	bridge_parse(nlh, &bi);
	bridge_format_bytes(bytes, sizeof(bytes),
			    bi.tb[MCSNOOP_A_BRIDGE_TABLE_BYTES]);
	bridge_print_head(data, &bi);
	bridge_print_groups_line(nl_u32(bi.tb[MCSNOOP_A_BRIDGE_GROUP_COUNT]),
				 nl_u32(bi.tb[MCSNOOP_A_BRIDGE_MAX_GROUPS]),
				 bytes);
	out_close_object();
	return MNL_CB_OK;
}

/*
 * bridge show BRIDGE: the bridge's settings, then what its ports, its
 * querier and its table hold, as show ip igmp prints it on a switch.
 */
struct overview {
	struct mcs_ctx *ctx;
	struct mcs_port_summary *ports;
	unsigned int n_ports;
	uint32_t group_count;
	uint32_t max_groups;
	char table_bytes[48];		/* bridge_format_bytes() */
};

static int overview_bridge_cb(const struct nlmsghdr *nlh, void *data)
{
	struct overview *ov = data;
	struct bridge_info bi;

	bridge_parse(nlh, &bi);
	ov->group_count = nl_u32(bi.tb[MCSNOOP_A_BRIDGE_GROUP_COUNT]);
	ov->max_groups = nl_u32(bi.tb[MCSNOOP_A_BRIDGE_MAX_GROUPS]);
	bridge_format_bytes(ov->table_bytes, sizeof(ov->table_bytes),
			    bi.tb[MCSNOOP_A_BRIDGE_TABLE_BYTES]);
	bridge_print_head(ov->ctx, &bi);
	return MNL_CB_OK;
}

static int overview_port_cb(const struct nlmsghdr *nlh, void *data)
{
	struct overview *ov = data;
	struct mcs_port_summary *ports;

	ports = realloc(ov->ports, (ov->n_ports + 1) * sizeof(*ports));
	if (!ports)
		return MNL_CB_ERROR;
	ov->ports = ports;
	mcs_port_summary(nlh, &ports[ov->n_ports++]);
	return MNL_CB_OK;
}

/* "    fast-leave ports: p1 p2" and the JSON array of their names. */
static void overview_print_port_list(const struct overview *ov,
				     const char *key, const char *title,
				     bool flood)
{
	unsigned int i, n = 0;

	print_text(title);
	out_open_array(key);
	for (i = 0; i < ov->n_ports; i++) {
		const struct mcs_port_summary *ps = &ov->ports[i];

		if (flood ? ps->flood_unknown : ps->fast_leave) {
			print_str(PRINT_ANY, NULL, " %s", ps->ifname);
			n++;
		}
	}
	out_close_array();
	if (!n)
		print_text(" none");
	print_nl();
}

static void overview_print_routers(const struct overview *ov)
{
	static const uint8_t families[] = { AF_INET, AF_INET6 };
	unsigned int i, f, n = 0;

	print_text("    router ports:");
	out_open_array("router_ports");
	for (i = 0; i < ov->n_ports; i++) {
		const struct mcs_port_summary *ps = &ov->ports[i];

		for (f = 0; f < 2; f++) {
			unsigned int via = ps->router_via[f];
			bool learnt = via != MCSNOOP_ROUTER_VIA_STATIC;

			if (via == MCSNOOP_ROUTER_VIA_NONE)
				continue;
			out_open_object(NULL);
			print_text(n++ ? ", " : " ");
			print_str(PRINT_ANY, "port", "%s", ps->ifname);
			print_str(PRINT_ANY, "family", " %s",
				  mcs_family_word(families[f]));
			print_str(PRINT_ANY, "kind", " %s",
				  learnt ? "learnt" : "static");
			if (learnt)
				print_str(PRINT_TEXT, NULL, " (%s)",
					  mcs_router_via_word(via));
			print_secs(learnt ? PRINT_ANY : PRINT_JSON, "timer",
				   " timer %s", ps->router_timer[f]);
			out_close_object();
		}
	}
	out_close_array();
	if (!n)
		print_text(" none");
	print_nl();
}

/*
 * "    ports flooded by the bridge: p1 (vlan-tunnel), p2 (mcast-flood)"
 * and the JSON array fallback_ports of {"port", "fallback": [...]}.
 */
static void overview_print_fallback(const struct overview *ov)
{
	unsigned int i, n = 0;

	print_text("    ports flooded by the bridge:");
	out_open_array("fallback_ports");
	for (i = 0; i < ov->n_ports; i++) {
		const struct mcs_port_summary *ps = &ov->ports[i];

		if (!ps->fallback)
			continue;
		out_open_object(NULL);
		print_text(n++ ? "," : "");
		print_str(PRINT_ANY, "port", " %s", ps->ifname);
		print_fallback(ps->fallback, true);
		out_close_object();
	}
	out_close_array();
	if (!n)
		print_text(" none");
	print_nl();
}

/* A dump of the bridge's cmd objects, printed by cb into JSON array key. */
static int overview_dump(struct nl_sock *nl, const char *bridge, uint8_t cmd,
			 uint16_t bridge_attr, const char *key,
			 const char *title, mnl_cb_t cb, void *data,
			 void (*end)(void *data))
{
	struct nlmsghdr *nlh;
	struct nl_error err;
	int ret;

	nlh = mcs_bridge_dump_msg(nl, cmd, bridge_attr, bridge);
	if (title) {
		print_text(title);
		print_nl();
		out_text_indent("        ");
	}
	if (key)
		out_open_array(key);
	ret = nl_talk(nl, nlh, cb, data, &err);
	if (end)
		end(data);
	if (key)
		out_close_array();
	out_text_indent(NULL);
	if (ret < 0)
		nl_perror(&err, NULL);
	return ret;
}

static void group_print_end(void *data)
{
	mcs_group_print_end(data);
}

static int bridge_overview(struct mcs_ctx *ctx, const char *name)
{
	struct mcs_group_print gp = { 0 };
	struct overview ov = { .ctx = ctx };
	struct nlmsghdr *nlh;
	struct nl_error err;
	struct nl_sock *nl;
	int ret;

	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	out_open_array(NULL);
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_GET, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, name);
	ret = nl_talk(nl, nlh, overview_bridge_cb, &ov, &err);
	if (ret < 0) {
		out_close_array();
		out_finish();
		nl_perror(&err, NULL);
		return 1;
	}
	ret = overview_dump(nl, name, MCSNOOP_CMD_PORT_GET,
			    MCSNOOP_A_PORT_BRIDGE_IFNAME, NULL, NULL,
			    overview_port_cb, &ov, NULL);
	if (!ret) {
		overview_print_port_list(&ov, "fast_leave_ports",
					 "    fast-leave ports:", false);
		overview_print_routers(&ov);
		overview_print_port_list(&ov, "flood_ports",
					 "    flood ports:", true);
		overview_print_fallback(&ov);
		ret = overview_dump(nl, name, MCSNOOP_CMD_QUERIER_GET,
				    MCSNOOP_A_QUERIER_BRIDGE_IFNAME,
				    "queriers", "    queriers:",
				    mcs_querier_print_cb, NULL, NULL);
	}
	if (!ret)
		ret = overview_dump(nl, name, MCSNOOP_CMD_GROUP_GET,
				    MCSNOOP_A_GROUP_BRIDGE_IFNAME, "groups",
				    "    groups:", mcs_group_print_cb, &gp,
				    group_print_end);
	if (!ret)
		bridge_print_groups_line(ov.group_count, ov.max_groups,
					 ov.table_bytes);
	free(ov.ports);
	out_close_object();
	out_close_array();
	out_finish();
	return ret < 0;
}

static int bridge_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc > 1)
		return mcs_usage_error(mcs_bridge_usage,
				       "unexpected argument \"%s\"", argv[1]);
	if (argc == 1)
		return bridge_overview(ctx, argv[0]);
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_GET, NLM_F_DUMP);
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

/* enable BRIDGE [settings of set]: they apply before the first query. */
/* What enable and disable did, for a human: with -j, stdout is JSON only. */
static FILE *bridge_note_file(const struct mcs_ctx *ctx)
{
	return ctx->json ? stderr : stdout;
}

static int bridge_enable(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *name = argc > 0 ? argv[0] : bridge_arg(argc, argv);
	struct rtnl_bridge br;
	struct nl_error err;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	bool switched = false;

	if (!name)
		return 1;
	if (argc > 1 && mcs_params_put(NULL, &mcs_bridge_params,
				       mcs_bridge_usage, argc - 1, argv + 1) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	if (rtnl_bridge_get(name, &br, &err) < 0) {
		if (err.err == ENODEV)
			mcs_no_device(name);
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
	if (argc > 1)
		mcs_params_put(nlh, &mcs_bridge_params, mcs_bridge_usage,
			       argc - 1, argv + 1);
	if (nl_talk(nl, nlh, NULL, NULL, &err) < 0) {
		struct nl_error restore_err;

		nl_perror(&err, NULL);
		if (switched &&
		    rtnl_bridge_set_snooping(br.ifindex, true, &restore_err) < 0)
			nl_perror(&restore_err, "could not switch the bridge's own multicast snooping back on");
		return 1;
	}
	if (switched)
		fprintf(bridge_note_file(ctx), "mcsnoop enabled on %s; the bridge's own multicast snooping was on and is now off\n",
			name);
	else
		fprintf(bridge_note_file(ctx), "mcsnoop enabled on %s; the bridge's own multicast snooping was already off\n",
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
		fprintf(bridge_note_file(ctx), "mcsnoop disabled on %s; the bridge's own multicast snooping is on again\n",
			name);
	else if (br.mcast_snooping)
		fprintf(bridge_note_file(ctx), "mcsnoop disabled on %s; the bridge's own multicast snooping, switched on meanwhile, is off again as before enable\n",
			name);
	else
		fprintf(bridge_note_file(ctx), "mcsnoop disabled on %s; the bridge's own multicast snooping stays off\n",
			name);
	return 0;
}

/* bridge set's own keywords; the querier settings' are in querier.c. */
static const struct mcs_param bridge_own_params[] = {
	{ .name = "snooping", .attr = MCSNOOP_A_BRIDGE_SNOOPING,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "flood-ambiguous", .attr = MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS,
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" },
	{ .name = "max-groups", .attr = MCSNOOP_A_BRIDGE_MAX_GROUPS,
	  .type = MCS_PARAM_U32, .help = "a number" },
	{ .name = "router-timeout", .attr = MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT,
	  .type = MCS_PARAM_SECS_AUTO, .help = "auto or seconds" },
	{ .name = "host-router", .attr = MCSNOOP_A_BRIDGE_HOST_ROUTER,
	  .type = MCS_PARAM_WORD, .words = mcs_router_words,
	  .help = "auto, static or off" },
	{ .name = NULL },
};

const struct mcs_params mcs_bridge_params = {
	.own = bridge_own_params,
	.querier = MCS_QBRIDGE,
};

static int bridge_set(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex;
	int count;

	if (argc < 1)
		return mcs_usage_error(mcs_bridge_usage, "missing BRIDGE");
	count = mcs_params_put(NULL, &mcs_bridge_params, mcs_bridge_usage,
			       argc - 1, argv + 1);
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
	mcs_params_put(nlh, &mcs_bridge_params, mcs_bridge_usage, argc - 1,
		       argv + 1);
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
