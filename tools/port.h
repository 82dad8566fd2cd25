/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What bridge show BRIDGE lists of each port: one port reply of
 * MCSNOOP_CMD_PORT_GET reduced to the overview's facts.
 */
#ifndef MCS_PORT_H
#define MCS_PORT_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <libmnl/libmnl.h>

struct mcs_port_summary {
	char ifname[IF_NAMESIZE];
	bool fast_leave;
	bool flood_unknown;	/* the port's, or the bridge's default */
	uint8_t router_via[2];	/* enum mcsnoop_router_via: [0] IPv4, [1] IPv6 */
	uint32_t router_timer[2];	/* ms left of a learnt router port */
	uint32_t fallback;	/* MCSNOOP_FALLBACK_*: the bridge floods it */
};

void mcs_port_summary(const struct nlmsghdr *nlh, struct mcs_port_summary *ps);
/* "none", "query", "mrd", "pim" or "static". */

#endif /* MCS_PORT_H */
