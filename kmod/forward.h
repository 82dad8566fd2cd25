/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_FORWARD_H
#define _MCS_FORWARD_H

#include <linux/skbuff.h>

#include "bridge.h"
#include "port.h"

enum mcs_verdict {
	MCS_FLOOD,		/* not ours to filter: goes everywhere */
	MCS_DATA_PASS,		/* multicast data the port wants */
	MCS_DATA_PRUNE,		/* multicast data the port does not want */
	MCS_CTRL_PASS,		/* a report or leave for a router port */
	MCS_CTRL_PRUNE,		/* a report or leave for any other port */
};

/*
 * Whether the copy of skb (data at the network header) that leaves
 * through out belongs there. vid is the frame's VLAN (0 without VLAN
 * filtering). Packet path: RCU, no locks.
 */
enum mcs_verdict mcs_forward_verdict(struct mcs_bridge *mb,
				     const struct mcs_port *out,
				     struct sk_buff *skb, u16 vid);

/* Groups that are always flooded (link-local, ND, MAC-ambiguous). */
bool mcs_group_flooded(const struct mcs_bridge *mb,
		       const struct in6_addr *group);

#endif /* _MCS_FORWARD_H */
