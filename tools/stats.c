// SPDX-License-Identifier: GPL-2.0
/*
 * Counters: names, parsing, printing; and mcsnoopctl stats show.
 */
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/genetlink.h>

#include "export.h"
#include "mcsnoopctl.h"
#include "output.h"
#include "stats.h"
#include "words.h"

static const char *const stats_names[MCSNOOP_A_STATS_MAX + 1] = {
	[MCSNOOP_A_STATS_IGMP] = "igmp",
	[MCSNOOP_A_STATS_MLD] = "mld",
	[MCSNOOP_A_STATS_MCAST_DATA] = "mcast_data",
	[MCSNOOP_A_STATS_FWD_COPIES] = "fwd_copies",
	[MCSNOOP_A_STATS_HOST_COPIES] = "host_copies",
	[MCSNOOP_A_STATS_IGMP_V1_QUERY] = "igmp_v1_query",
	[MCSNOOP_A_STATS_IGMP_V2_QUERY] = "igmp_v2_query",
	[MCSNOOP_A_STATS_IGMP_V3_QUERY] = "igmp_v3_query",
	[MCSNOOP_A_STATS_IGMP_V1_REPORT] = "igmp_v1_report",
	[MCSNOOP_A_STATS_IGMP_V2_REPORT] = "igmp_v2_report",
	[MCSNOOP_A_STATS_IGMP_V3_REPORT] = "igmp_v3_report",
	[MCSNOOP_A_STATS_IGMP_V2_LEAVE] = "igmp_v2_leave",
	[MCSNOOP_A_STATS_MLD_V1_QUERY] = "mld_v1_query",
	[MCSNOOP_A_STATS_MLD_V2_QUERY] = "mld_v2_query",
	[MCSNOOP_A_STATS_MLD_V1_REPORT] = "mld_v1_report",
	[MCSNOOP_A_STATS_MLD_V2_REPORT] = "mld_v2_report",
	[MCSNOOP_A_STATS_MLD_V1_DONE] = "mld_v1_done",
	[MCSNOOP_A_STATS_MRD_ADVERTISEMENT] = "mrd_advertisement",
	[MCSNOOP_A_STATS_MRD_SOLICITATION] = "mrd_solicitation",
	[MCSNOOP_A_STATS_MRD_TERMINATION] = "mrd_termination",
	[MCSNOOP_A_STATS_PIM_HELLO] = "pim_hello",
	[MCSNOOP_A_STATS_PARSE_ERRORS] = "parse_errors",
	[MCSNOOP_A_STATS_ERR_TRUNCATED] = "err_truncated",
	[MCSNOOP_A_STATS_ERR_BAD_IP] = "err_bad_ip",
	[MCSNOOP_A_STATS_ERR_FRAGMENT] = "err_fragment",
	[MCSNOOP_A_STATS_ERR_BAD_TTL] = "err_bad_ttl",
	[MCSNOOP_A_STATS_ERR_BAD_CSUM] = "err_bad_csum",
	[MCSNOOP_A_STATS_ERR_BAD_LENGTH] = "err_bad_length",
	[MCSNOOP_A_STATS_ERR_BAD_GROUP] = "err_bad_group",
	[MCSNOOP_A_STATS_ERR_BAD_SOURCE] = "err_bad_source",
	[MCSNOOP_A_STATS_ERR_BAD_RECORDS] = "err_bad_records",
	[MCSNOOP_A_STATS_DATA_FORWARDED] = "data_forwarded",
	[MCSNOOP_A_STATS_DATA_PRUNED] = "data_pruned",
	[MCSNOOP_A_STATS_TABLE_FULL] = "table_full",
	/* A bridge's only, printed only when there (see bridge_only()). */
	[MCSNOOP_A_STATS_EVENTS_DROPPED] = "events_dropped",
	[MCSNOOP_A_STATS_MAC_ALIAS] = "mac_alias",
	/* A bridge's and a port's again. */
	[MCSNOOP_A_STATS_DENIED] = "denied",
};

/* The counters a bridge has and its ports have not. */
static bool bridge_only(unsigned int type)
{
	return type == MCSNOOP_A_STATS_EVENTS_DROPPED ||
	       type == MCSNOOP_A_STATS_MAC_ALIAS;
}

/* Text lines: the first counter of each line after the first. */
static bool starts_line(unsigned int type)
{
	switch (type) {
	case MCSNOOP_A_STATS_IGMP_V1_QUERY:
	case MCSNOOP_A_STATS_MLD_V1_QUERY:
	case MCSNOOP_A_STATS_MRD_ADVERTISEMENT:
	case MCSNOOP_A_STATS_PARSE_ERRORS:
	case MCSNOOP_A_STATS_DATA_FORWARDED:
		return true;
	}
	return false;
}

const char *mcs_stats_name(unsigned int type)
{
	return type <= MCSNOOP_A_STATS_MAX ? stats_names[type] : NULL;
}

static int stats_attr(const struct nlattr *attr, void *data)
{
	struct mcs_stats *stats = data;
	unsigned int type = mnl_attr_get_type(attr);

	if (mcs_stats_name(type) && mnl_attr_validate(attr, MNL_TYPE_U64) == 0) {
		stats->v[type] = mnl_attr_get_u64(attr);
		if (bridge_only(type))
			stats->bridge_only = true;
	}
	return MNL_CB_OK;
}

void mcs_stats_parse(const struct nlattr *nest, struct mcs_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	if (!nest)
		return;
	stats->present = true;
	mnl_attr_parse_nested(nest, stats_attr, stats);
}

void mcs_stats_print(const struct mcs_stats *stats, const char *indent)
{
	unsigned int i;
	bool first = true;

	out_open_object("stats");
	print_text(indent);
	print_text("stats:");
	for (i = 0; i <= MCSNOOP_A_STATS_MAX; i++) {
		char fmt[48];

		if (!stats_names[i])
			continue;
		/* Bridges only: a port has no events of its own. */
		if (bridge_only(i) && !stats->bridge_only)
			continue;
		if (!first && starts_line(i)) {
			print_nl();
			print_text(indent);
			print_text("       ");	/* under the counters */
			snprintf(fmt, sizeof(fmt), "%s %%llu", stats_names[i]);
		} else {
			snprintf(fmt, sizeof(fmt), " %s %%llu", stats_names[i]);
		}
		first = false;
		print_u64(PRINT_ANY, stats_names[i], fmt, stats->v[i]);
	}
	print_nl();
	out_close_object();
}

void mcs_stats_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl [-j [-p]] stats show [ BRIDGE | port DEV ]\n"
		"       mcsnoopctl stats export [ FILE ]\n"
		"\n"
		"Counters since the bridge was enabled. On a port: control messages\n"
		"received on it, data copies let out of (data_forwarded) or kept from\n"
		"(data_pruned) it, memberships refused on it (table_full), reports (or\n"
		"some of their sources) a filtering profile denied (denied). On a\n"
		"bridge also: events not sent, over the rate limit (events_dropped),\n"
		"groups added with the Ethernet MAC of another group of their VLAN\n"
		"(mac_alias).\n"
		"export writes every bridge's, port's, VLAN's and querier's counters\n"
		"as Prometheus metrics (mcsnoop_*) to FILE (through a temporary file\n"
		"renamed over it) or to standard output.\n");
}

int mcs_stats_bridge_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_BRIDGE_MAX + 1];
	char name[IF_NAMESIZE];
	struct mcs_stats stats;

	(void)data;
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_BRIDGE_MAX);
	mcs_stats_parse(tb[MCSNOOP_A_BRIDGE_STATS], &stats);
	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s:",
		  mcs_ifname(tb[MCSNOOP_A_BRIDGE_IFNAME], NULL, name));
	print_nl();
	mcs_stats_print(&stats, "    ");
	out_close_object();
	return MNL_CB_OK;
}

int mcs_stats_port_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1];
	char name[IF_NAMESIZE];
	struct mcs_stats stats;

	(void)data;
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PORT_MAX);
	mcs_stats_parse(tb[MCSNOOP_A_PORT_STATS], &stats);
	out_open_object(NULL);
	print_str(PRINT_ANY, "port", "%s:",
		  mcs_ifname(tb[MCSNOOP_A_PORT_IFNAME], NULL, name));
	print_str(PRINT_ANY, "bridge", " bridge %s",
		  mcs_ifname(tb[MCSNOOP_A_PORT_BRIDGE_IFNAME], NULL, name));
	print_nl();
	mcs_stats_print(&stats, "    ");
	out_close_object();
	return MNL_CB_OK;
}

static int stats_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	const char *bridge = NULL, *port = NULL;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex = 0;

	if (argc >= 1 && !strcmp(argv[0], "port")) {
		if (argc < 2)
			return mcs_usage_error(mcs_stats_usage,
					       "missing DEV after \"port\"");
		port = argv[1];
		argc -= 2;
		argv += 2;
	} else if (argc >= 1) {
		bridge = argv[0];
		argc--;
		argv++;
	}
	if (argc > 0)
		return mcs_usage_error(mcs_stats_usage,
				       "unexpected argument \"%s\"", argv[0]);
	if ((port || bridge) && mcs_ifindex(port ? port : bridge, &ifindex) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	if (port) {
		nlh = genl_msg(nl, MCSNOOP_CMD_PORT_GET, 0);
		mnl_attr_put_u32(nlh, MCSNOOP_A_PORT_IFINDEX, ifindex);
		return mcs_show(nl, nlh, mcs_stats_port_print_cb, NULL);
	}
	nlh = genl_msg(nl, MCSNOOP_CMD_BRIDGE_GET, bridge ? 0 : NLM_F_DUMP);
	if (bridge)
		mnl_attr_put_strz(nlh, MCSNOOP_A_BRIDGE_IFNAME, bridge);
	return mcs_show(nl, nlh, mcs_stats_bridge_print_cb, NULL);
}

int mcs_stats_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", stats_show },
		{ "list", stats_show },
		{ "export", mcs_stats_export },
		{ NULL, NULL },
	};

	if (argc == 0)
		return stats_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_stats_usage, argc, argv);
}
