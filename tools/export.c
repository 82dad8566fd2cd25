// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl stats export [FILE]: the counters of stats show, the group
 * counts and the queriers' query counters, as Prometheus metrics for node
 * exporter's textfile collector. Counters end in _total; everything is
 * labelled by bridge, and by port or vid where it is theirs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "export.h"
#include "mcsnoopctl.h"
#include "querier.h"
#include "words.h"

/* HELP of each counter, in the words of mcsnoopctl(8)'s stats object. */
static const char *const stats_help[MCSNOOP_A_STATS_MAX + 1] = {
	[MCSNOOP_A_STATS_IGMP] = "IGMP messages received",
	[MCSNOOP_A_STATS_MLD] = "MLD messages received",
	[MCSNOOP_A_STATS_MCAST_DATA] = "Multicast data frames received",
	[MCSNOOP_A_STATS_FWD_COPIES] = "Copies forwarded to ports",
	[MCSNOOP_A_STATS_HOST_COPIES] = "Copies of the bridge device's own multicast sent to its ports",
	[MCSNOOP_A_STATS_IGMP_V1_QUERY] = "IGMPv1 queries received",
	[MCSNOOP_A_STATS_IGMP_V2_QUERY] = "IGMPv2 queries received",
	[MCSNOOP_A_STATS_IGMP_V3_QUERY] = "IGMPv3 queries received",
	[MCSNOOP_A_STATS_IGMP_V1_REPORT] = "IGMPv1 reports received",
	[MCSNOOP_A_STATS_IGMP_V2_REPORT] = "IGMPv2 reports received",
	[MCSNOOP_A_STATS_IGMP_V3_REPORT] = "IGMPv3 reports received",
	[MCSNOOP_A_STATS_IGMP_V2_LEAVE] = "IGMPv2 leaves received",
	[MCSNOOP_A_STATS_MLD_V1_QUERY] = "MLDv1 queries received",
	[MCSNOOP_A_STATS_MLD_V2_QUERY] = "MLDv2 queries received",
	[MCSNOOP_A_STATS_MLD_V1_REPORT] = "MLDv1 reports received",
	[MCSNOOP_A_STATS_MLD_V2_REPORT] = "MLDv2 reports received",
	[MCSNOOP_A_STATS_MLD_V1_DONE] = "MLDv1 dones received",
	[MCSNOOP_A_STATS_MRD_ADVERTISEMENT] = "MRD advertisements received",
	[MCSNOOP_A_STATS_MRD_SOLICITATION] = "MRD solicitations received",
	[MCSNOOP_A_STATS_MRD_TERMINATION] = "MRD terminations received",
	[MCSNOOP_A_STATS_PIM_HELLO] = "PIM hellos received",
	[MCSNOOP_A_STATS_PARSE_ERRORS] = "Control messages that could not be parsed",
	[MCSNOOP_A_STATS_ERR_TRUNCATED] = "Parse errors: truncated",
	[MCSNOOP_A_STATS_ERR_BAD_IP] = "Parse errors: bad IP header",
	[MCSNOOP_A_STATS_ERR_FRAGMENT] = "Parse errors: fragment",
	[MCSNOOP_A_STATS_ERR_BAD_TTL] = "Parse errors: bad TTL or hop limit",
	[MCSNOOP_A_STATS_ERR_BAD_CSUM] = "Parse errors: bad checksum",
	[MCSNOOP_A_STATS_ERR_BAD_LENGTH] = "Parse errors: bad length",
	[MCSNOOP_A_STATS_ERR_BAD_GROUP] = "Parse errors: bad group",
	[MCSNOOP_A_STATS_ERR_BAD_SOURCE] = "Parse errors: bad source",
	[MCSNOOP_A_STATS_ERR_BAD_RECORDS] = "Parse errors: bad records",
	[MCSNOOP_A_STATS_DATA_FORWARDED] = "Data copies let out",
	[MCSNOOP_A_STATS_DATA_PRUNED] = "Data copies kept back (pruned)",
	[MCSNOOP_A_STATS_TABLE_FULL] = "Memberships refused by max-groups",
	[MCSNOOP_A_STATS_EVENTS_DROPPED] = "Events over the rate limit, not sent to monitor listeners",
	[MCSNOOP_A_STATS_MAC_ALIAS] = "Groups added with the MAC of another group of their VLAN",
	[MCSNOOP_A_STATS_DENIED] = "Reports or sources a filtering profile denied",
};

static void *grow(void *array, unsigned int *n, size_t size)
{
	char *p = realloc(array, (*n + 1) * size);

	if (!p)
		return NULL;
	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

static void copy_name(char *dst, const char *src)
{
	snprintf(dst, IF_NAMESIZE, "%s", src ? src : "?");
}

int mcs_export_bridge_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_BRIDGE_MAX + 1];
	struct mcs_export *ex = data;
	struct mcs_export_bridge *b, *array;

	array = grow(ex->bridges, &ex->n_bridges, sizeof(*b));
	if (!array)
		return MNL_CB_ERROR;
	ex->bridges = array;
	b = &array[ex->n_bridges - 1];
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_BRIDGE_MAX);
	copy_name(b->name, nl_str(tb[MCSNOOP_A_BRIDGE_IFNAME]));
	b->groups = nl_u32(tb[MCSNOOP_A_BRIDGE_GROUP_COUNT]);
	b->max_groups = nl_u32(tb[MCSNOOP_A_BRIDGE_MAX_GROUPS]);
	b->table_bytes = nl_u64(tb[MCSNOOP_A_BRIDGE_TABLE_BYTES]);
	mcs_stats_parse(tb[MCSNOOP_A_BRIDGE_STATS], &b->stats);
	return MNL_CB_OK;
}

int mcs_export_port_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1];
	struct mcs_export *ex = data;
	struct mcs_export_port *p, *array;
	char name[IF_NAMESIZE];

	array = grow(ex->ports, &ex->n_ports, sizeof(*p));
	if (!array)
		return MNL_CB_ERROR;
	ex->ports = array;
	p = &array[ex->n_ports - 1];
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PORT_MAX);
	copy_name(p->name, mcs_ifname(tb[MCSNOOP_A_PORT_IFNAME],
				      tb[MCSNOOP_A_PORT_IFINDEX], name));
	copy_name(p->bridge, nl_str(tb[MCSNOOP_A_PORT_BRIDGE_IFNAME]));
	p->groups = nl_u32(tb[MCSNOOP_A_PORT_GROUP_COUNT]);
	p->hosts = nl_u32(tb[MCSNOOP_A_PORT_HOST_COUNT]);
	mcs_stats_parse(tb[MCSNOOP_A_PORT_STATS], &p->stats);
	return MNL_CB_OK;
}

int mcs_export_vlan_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_VLAN_MAX + 1];
	struct mcs_export *ex = data;
	struct mcs_export_vlan *v, *array;

	array = grow(ex->vlans, &ex->n_vlans, sizeof(*v));
	if (!array)
		return MNL_CB_ERROR;
	ex->vlans = array;
	v = &array[ex->n_vlans - 1];
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_VLAN_MAX);
	copy_name(v->bridge, nl_str(tb[MCSNOOP_A_VLAN_BRIDGE_IFNAME]));
	v->vid = nl_u16(tb[MCSNOOP_A_VLAN_VID]);
	v->groups = nl_u32(tb[MCSNOOP_A_VLAN_GROUP_COUNT]);
	return MNL_CB_OK;
}

int mcs_export_querier_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_QUERIER_MAX + 1];
	struct mcs_export *ex = data;
	struct mcs_export_querier *q, *array;

	array = grow(ex->queriers, &ex->n_queriers, sizeof(*q));
	if (!array)
		return MNL_CB_ERROR;
	ex->queriers = array;
	q = &array[ex->n_queriers - 1];
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_QUERIER_MAX);
	copy_name(q->bridge, nl_str(tb[MCSNOOP_A_QUERIER_BRIDGE_IFNAME]));
	q->vid = nl_u16(tb[MCSNOOP_A_QUERIER_VID]);
	q->family = nl_u8(tb[MCSNOOP_A_QUERIER_FAMILY]);
	q->role = nl_u8(tb[MCSNOOP_A_QUERIER_ROLE]);
	q->sent = nl_u64(tb[MCSNOOP_A_QUERIER_QUERIES_SENT]);
	q->heard = nl_u64(tb[MCSNOOP_A_QUERIER_QUERIES_HEARD]);
	return MNL_CB_OK;
}

void mcs_export_free(struct mcs_export *ex)
{
	free(ex->bridges);
	free(ex->ports);
	free(ex->vlans);
	free(ex->queriers);
	memset(ex, 0, sizeof(*ex));
}

/* A label value: backslash, double quote and newline escaped. */
static void put_value(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			fprintf(f, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
}

static void family_head(FILE *f, const char *name, const char *type,
			const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* name{bridge="B"[,port="P"]} */
static void sample_start(FILE *f, const char *name, const char *bridge,
			 const char *port)
{
	fprintf(f, "%s{bridge=\"", name);
	put_value(f, bridge);
	if (port) {
		fputs("\",port=\"", f);
		put_value(f, port);
	}
	fputs("\"", f);
}

static void sample_end(FILE *f, uint64_t v)
{
	fprintf(f, "} %llu\n", (unsigned long long)v);
}

static void write_counters(FILE *f, const struct mcs_export *ex, bool ports)
{
	unsigned int type, i;
	char name[96], help[160];

	for (type = 0; type <= MCSNOOP_A_STATS_MAX; type++) {
		if (!mcs_stats_name(type) || !stats_help[type])
			continue;
		/* A port has no counters of the bridge's own. */
		if (ports && (type == MCSNOOP_A_STATS_EVENTS_DROPPED ||
			      type == MCSNOOP_A_STATS_MAC_ALIAS))
			continue;
		snprintf(name, sizeof(name), "mcsnoop_%s_%s_total",
			 ports ? "port" : "bridge", mcs_stats_name(type));
		snprintf(help, sizeof(help), "%s (%s)%s.", stats_help[type],
			 mcs_stats_name(type), ports ? ", per port" : "");
		family_head(f, name, "counter", help);
		if (ports) {
			for (i = 0; i < ex->n_ports; i++) {
				const struct mcs_export_port *p = &ex->ports[i];

				sample_start(f, name, p->bridge, p->name);
				sample_end(f, p->stats.v[type]);
			}
			continue;
		}
		for (i = 0; i < ex->n_bridges; i++) {
			const struct mcs_export_bridge *b = &ex->bridges[i];

			sample_start(f, name, b->name, NULL);
			sample_end(f, b->stats.v[type]);
		}
	}
}

static void write_tables(FILE *f, const struct mcs_export *ex)
{
	unsigned int i;

	family_head(f, "mcsnoop_bridge_groups", "gauge",
		    "Groups in the bridge's table, all VLANs.");
	for (i = 0; i < ex->n_bridges; i++) {
		sample_start(f, "mcsnoop_bridge_groups", ex->bridges[i].name, NULL);
		sample_end(f, ex->bridges[i].groups);
	}
	family_head(f, "mcsnoop_bridge_max_groups", "gauge",
		    "The bridge's max-groups limit (0: none).");
	for (i = 0; i < ex->n_bridges; i++) {
		sample_start(f, "mcsnoop_bridge_max_groups", ex->bridges[i].name,
			     NULL);
		sample_end(f, ex->bridges[i].max_groups);
	}
	family_head(f, "mcsnoop_bridge_table_bytes", "gauge",
		    "Bytes the bridge's table takes (bridge show).");
	for (i = 0; i < ex->n_bridges; i++) {
		sample_start(f, "mcsnoop_bridge_table_bytes", ex->bridges[i].name,
			     NULL);
		sample_end(f, ex->bridges[i].table_bytes);
	}
	family_head(f, "mcsnoop_vlan_groups", "gauge",
		    "Groups in the table, per VLAN (the VLANs of vlan show).");
	for (i = 0; i < ex->n_vlans; i++) {
		sample_start(f, "mcsnoop_vlan_groups", ex->vlans[i].bridge, NULL);
		fprintf(f, ",vid=\"%u\"", ex->vlans[i].vid);
		sample_end(f, ex->vlans[i].groups);
	}
	family_head(f, "mcsnoop_port_groups", "gauge",
		    "Groups the port is a member of.");
	for (i = 0; i < ex->n_ports; i++) {
		sample_start(f, "mcsnoop_port_groups", ex->ports[i].bridge,
			     ex->ports[i].name);
		sample_end(f, ex->ports[i].groups);
	}
	family_head(f, "mcsnoop_port_hosts", "gauge",
		    "Hosts tracked behind the port.");
	for (i = 0; i < ex->n_ports; i++) {
		sample_start(f, "mcsnoop_port_hosts", ex->ports[i].bridge,
			     ex->ports[i].name);
		sample_end(f, ex->ports[i].hosts);
	}
}

/* name{bridge="B",vid="V",family="F"[,role="R"]} */
static void querier_sample(FILE *f, const char *name,
			   const struct mcs_export_querier *q,
			   const char *role, uint64_t v)
{
	sample_start(f, name, q->bridge, NULL);
	fprintf(f, ",vid=\"%u\",family=\"%s\"", q->vid,
		mcs_family_word(q->family));
	if (role)
		fprintf(f, ",role=\"%s\"", role);
	sample_end(f, v);
}

static void write_queriers(FILE *f, const struct mcs_export *ex)
{
	unsigned int i, r;

	family_head(f, "mcsnoop_querier_queries_sent_total", "counter",
		    "Queries mcsnoop sent, per bridge, VLAN and protocol (queries_sent).");
	for (i = 0; i < ex->n_queriers; i++)
		querier_sample(f, "mcsnoop_querier_queries_sent_total",
			       &ex->queriers[i], NULL, ex->queriers[i].sent);
	family_head(f, "mcsnoop_querier_queries_heard_total", "counter",
		    "Queries heard from other queriers, per bridge, VLAN and protocol (queries_heard).");
	for (i = 0; i < ex->n_queriers; i++)
		querier_sample(f, "mcsnoop_querier_queries_heard_total",
			       &ex->queriers[i], NULL, ex->queriers[i].heard);
	family_head(f, "mcsnoop_querier_role", "gauge",
		    "1 for mcsnoop's querier role now (off, querier, proxy, other, idle), 0 for the others.");
	for (i = 0; i < ex->n_queriers; i++)
		for (r = 0; mcs_querier_role_words[r]; r++)
			querier_sample(f, "mcsnoop_querier_role",
				       &ex->queriers[i],
				       mcs_querier_role_words[r],
				       ex->queriers[i].role == r);
}

void mcs_export_write(FILE *file, const struct mcs_export *ex)
{
	write_tables(file, ex);
	write_queriers(file, ex);
	write_counters(file, ex, false);
	write_counters(file, ex, true);
}

int mcs_export_file(const char *path, const struct mcs_export *ex)
{
	size_t len = strlen(path);
	char *tmp = malloc(len + 8);
	FILE *f;
	int fd, err;

	if (!tmp)
		return -1;
	/* Not *.prom: the collector skips it until the rename. */
	snprintf(tmp, len + 8, "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto fail_free;
	if (fchmod(fd, 0644) < 0 || !(f = fdopen(fd, "w"))) {
		err = errno;
		close(fd);
		goto fail_unlink;
	}
	mcs_export_write(f, ex);
	if (fflush(f) || ferror(f) || fsync(fileno(f)) < 0) {
		err = errno ? errno : EIO;
		fclose(f);
		goto fail_unlink;
	}
	if (fclose(f) || rename(tmp, path) < 0) {
		err = errno;
		goto fail_unlink;
	}
	free(tmp);
	return 0;
fail_unlink:
	unlink(tmp);
	errno = err;
fail_free:
	free(tmp);
	return -1;
}

/* The four dumps of every enabled bridge of the namespace. */
static int export_collect(struct nl_sock *nl, struct mcs_export *ex)
{
	static const struct {
		uint8_t cmd;
		mnl_cb_t cb;
	} dumps[] = {
		{ MCSNOOP_CMD_BRIDGE_GET, mcs_export_bridge_cb },
		{ MCSNOOP_CMD_PORT_GET, mcs_export_port_cb },
		{ MCSNOOP_CMD_VLAN_GET, mcs_export_vlan_cb },
		{ MCSNOOP_CMD_QUERIER_GET, mcs_export_querier_cb },
	};
	struct nl_error err;
	unsigned int i;

	for (i = 0; i < sizeof(dumps) / sizeof(dumps[0]); i++) {
		struct nlmsghdr *nlh = genl_msg(nl, dumps[i].cmd, NLM_F_DUMP);

		if (nl_talk(nl, nlh, dumps[i].cb, ex, &err) < 0) {
			nl_perror(&err, NULL);
			return -1;
		}
	}
	return 0;
}

int mcs_stats_export(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct mcs_export ex = { 0 };
	const char *path = NULL;
	struct nl_sock *nl;
	int ret = 0;

	if (argc > 1)
		return mcs_usage_error(mcs_stats_usage,
				       "unexpected argument \"%s\"", argv[1]);
	if (argc == 1 && strcmp(argv[0], "-"))
		path = argv[0];
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	if (export_collect(nl, &ex) < 0) {
		mcs_export_free(&ex);
		return 1;
	}
	if (!path) {
		mcs_export_write(stdout, &ex);
		ret = fflush(stdout) ? 1 : 0;
	} else if (mcs_export_file(path, &ex) < 0) {
		fprintf(stderr, "Error: cannot write %s: %s\n", path,
			strerror(errno));
		ret = 1;
	}
	mcs_export_free(&ex);
	return ret;
}
