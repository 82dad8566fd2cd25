/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_QUERIER_H
#define _MCS_QUERIER_H

#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/list.h>
#include <linux/timer.h>

#include "bridge.h"
#include "parse.h"
#include "port.h"

/*
 * The querier of one VLAN (vid 0 without VLAN filtering) and protocol of
 * a bridge: the election's outcome and our own query schedule. Lives in
 * the multicast context of the VLAN (context.h), under mb->lock.
 */
struct mcs_querier {
	u16 vid;
	u8 proto;			/* enum mcs_proto */

	/* Another querier we yield to, while other_expires is ahead. */
	bool other;
	struct in6_addr other_addr;
	int other_ifindex;
	u8 other_mac[ETH_ALEN];
	u32 other_qi_ms;
	u32 other_qri_ms;
	u8 other_qrv;
	u8 other_version;
	unsigned long other_expires;

	/* An older version querier heard: query in its version until. */
	u8 older_version;
	unsigned long older_expires;

	/* Our general queries. */
	bool active;			/* we were querying at the last run */
	u8 startup_left;
	unsigned long next_query;
	bool topology_query;		/* a port came up: query it now */
	/* Ask routers to advertise now (RFC 4286): start, a port came up. */
	u8 solicits_left;
	unsigned long next_solicit;

	/* The last general query, ours or heard, if any (removals.c). */
	bool query_seen;
	unsigned long last_query;

	u64 sent;
	u64 heard;
	u64 proxy_heard;
	u64 bogus;
	struct in6_addr bogus_addr;

	/* 0.0.0.0 queries heard until; flagged (and announced) as alone. */
	unsigned long proxy_until;
	bool proxy_only;
};

struct mcs_ctx;

void mcs_querier_init(struct mcs_bridge *mb);
/* Starts querying (enable), stops and frees everything (disable). */
void mcs_querier_start(struct mcs_bridge *mb);
void mcs_querier_stop(struct mcs_bridge *mb);

/*
 * Whether hosts on vid take queries from a: on one of the subnets of the
 * bridge's (or VLAN device's) IPv4 addresses, or any when it has none;
 * never 0.0.0.0/8 or 169.254/16.
 */
bool mcs_querier_addr4_plausible(const struct mcs_bridge *mb, u16 vid,
				 __be32 a);

/*
 * RTNL: the querier of ctx runs from now (starting up afresh), or no
 * longer: its VLAN came or went.
 */
void mcs_querier_present(struct mcs_bridge *mb, struct mcs_ctx *ctx,
			 bool present);

/*
 * RTNL: settings changed: rethink roles, and apply a shorter interval from
 * now. With restart, the queriers of vid (-1: every VLAN) start up again
 * with them, first query now, as a router does at start (RFC 3376 8.6,
 * RFC 3810 9.6), rather than on the schedule of the old values.
 */
void mcs_querier_reconfigure(struct mcs_bridge *mb, bool restart, int vid);
void mcs_querier_topology(struct mcs_bridge *mb);

/* Packet path: a valid query heard on port (never NULL) in vid. */
void mcs_querier_heard(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		       const struct mcs_msg *msg, const u8 *src_mac);

/*
 * Learning, bridge lock held: a leave or block on port lowered the timers
 * of group (of its sources when nsrc > 0): send group(-and-source)-specific
 * queries if we are the one querying.
 */
void mcs_querier_leave(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		       bool ipv6, const struct in6_addr *group,
		       const struct in6_addr *sources, unsigned int nsrc);

/*
 * Only 0.0.0.0 (proxy) queries heard on q's VLAN and protocol, and nobody
 * queries from an address there: no querier elected, ours not querying.
 */
bool mcs_querier_proxy_only(const struct mcs_bridge *mb,
			    const struct mcs_querier *q, unsigned long now);
/* How many VLANs and protocols of mb are so now. */
unsigned int mcs_querier_proxy_only_count(struct mcs_bridge *mb);
/* Role now (enum mcsnoop_querier_role) and the source it would query from. */
u8 mcs_querier_role(const struct mcs_bridge *mb, const struct mcs_querier *q,
		    unsigned long now, struct in6_addr *src);
/* Our own election address in q's VLAN, if we have one. */
bool mcs_querier_own_addr(const struct mcs_bridge *mb,
			  const struct mcs_querier *q, struct in6_addr *addr);
/* The version q's hosts are asked in now: ours, or an older querier's. */
u8 mcs_querier_version(const struct mcs_querier *q, unsigned long now);

#endif /* _MCS_QUERIER_H */
