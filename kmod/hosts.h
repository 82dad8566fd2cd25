/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_HOSTS_H
#define _MCS_HOSTS_H

#include <linux/in6.h>

#include "parse.h"
#include "port.h"

/*
 * Explicit host tracking. On a port with fast leave or mcast_to_unicast,
 * each reporting host (by its MAC) has memberships of its own, so that
 * one host's leave does not cut off the others behind the port. The port
 * keeps its hosts here: their number against max-hosts, and the address
 * each reports from, for group show. Changes under the bridge's lock.
 */
struct mcs_host {
	struct hlist_node node;		/* port->hosts, RCU */
	u8 mac[ETH_ALEN];
	u32 refs;			/* its memberships */
	/* Last reported from, IPv4 (v4-mapped) and IPv6; :: never. */
	struct in6_addr addr[2];
	struct rcu_head rcu;
};

#define MCS_PORT_MAX_HOSTS_DEFAULT 512
#define MCS_PORT_MAX_HOSTS_LIMIT 65535

/*
 * The host whose memberships a report from mac learns: mac on a
 * mcast_to_unicast port, on a fast-leave port with room for it, or when
 * the port knows it already (its memberships stay its own); NULL for the
 * port as a whole.
 */
const u8 *mcs_hosts_pick(struct mcs_port *port, const u8 *mac);
/* A membership of host mac begins (-ENOMEM) or ends. */
int mcs_host_ref(struct mcs_port *port, const u8 *mac);
void mcs_host_unref(struct mcs_port *port, const u8 *mac);
/* A report of host mac came from src. */
void mcs_host_heard(struct mcs_port *port, const u8 *mac,
		    const struct mcs_addr *src, bool ipv6);
/* RCU: the address host mac reports from in a family; false: unknown. */
bool mcs_host_addr(const struct mcs_port *port, const u8 *mac, bool ipv6,
		   struct in6_addr *addr);

#endif /* _MCS_HOSTS_H */
