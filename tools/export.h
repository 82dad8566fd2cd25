/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcsnoopctl stats export: the counters and table sizes of every enabled
 * bridge, its ports, VLANs and queriers, in the Prometheus text format
 * that node exporter's textfile collector reads.
 */
#ifndef MCS_EXPORT_H
#define MCS_EXPORT_H

#include <stdint.h>
#include <stdio.h>
#include <net/if.h>

#include "stats.h"

struct mcs_ctx;

struct mcs_export_bridge {
	char name[IF_NAMESIZE];
	uint32_t groups;
	uint32_t max_groups;
	uint64_t table_bytes;
	struct mcs_stats stats;
};

struct mcs_export_port {
	char name[IF_NAMESIZE];
	char bridge[IF_NAMESIZE];
	uint32_t groups;
	uint32_t hosts;
	struct mcs_stats stats;
};

struct mcs_export_vlan {
	char bridge[IF_NAMESIZE];
	uint16_t vid;
	uint32_t groups;
};

struct mcs_export_querier {
	char bridge[IF_NAMESIZE];
	uint16_t vid;
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t role;		/* MCSNOOP_QUERIER_ROLE_* */
	uint64_t sent;
	uint64_t heard;
};

/* What one export collects; the arrays grow with the callbacks below. */
struct mcs_export {
	struct mcs_export_bridge *bridges;
	unsigned int n_bridges;
	struct mcs_export_port *ports;
	unsigned int n_ports;
	struct mcs_export_vlan *vlans;
	unsigned int n_vlans;
	struct mcs_export_querier *queriers;
	unsigned int n_queriers;
};

/* Reply callbacks of the four dumps (data: the struct mcs_export). */
int mcs_export_bridge_cb(const struct nlmsghdr *nlh, void *data);
int mcs_export_port_cb(const struct nlmsghdr *nlh, void *data);
int mcs_export_vlan_cb(const struct nlmsghdr *nlh, void *data);
int mcs_export_querier_cb(const struct nlmsghdr *nlh, void *data);
void mcs_export_free(struct mcs_export *ex);

/*
 * The text format: every metric family once, HELP and TYPE first, then
 * its samples (none when there is nothing to count).
 */
void mcs_export_write(FILE *file, const struct mcs_export *ex);
/* Write into path through a temporary file and rename(). 0 or -1 (errno). */
int mcs_export_file(const char *path, const struct mcs_export *ex);

int mcs_stats_export(struct mcs_ctx *ctx, int argc, char **argv);

#endif /* MCS_EXPORT_H */
