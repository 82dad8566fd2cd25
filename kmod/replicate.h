/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_REPLICATE_H
#define _MCS_REPLICATE_H

#include <linux/netfilter.h>
#include <linux/skbuff.h>

#include "bridge.h"
#include "forward.h"
#include "port.h"

enum mcs_replicated {
	MCS_NOT_FORWARDED,	/* the bridge forwards nothing from there */
	MCS_FORWARDED,		/* copies sent; the frame goes on */
	MCS_STOLEN,		/* copies sent and the frame consumed */
};

/*
 * Send a multicast frame that entered port in on VLAN vid to each port
 * that wants it, the way the bridge forwards (STP state, isolation,
 * hairpin, egress VLAN tagging, NF_BR_FORWARD and POST_ROUTING hooks),
 * once per frame at PRE_ROUTING. With steal, the frame itself is sent
 * (or freed) instead of its last copy, unless the bridge must still
 * flood it to a port whose mcast_flood the admin switched back on;
 * without, it goes on to the bridge for source learning and local
 * delivery.
 */
enum mcs_replicated mcs_replicate(struct mcs_bridge *mb, struct mcs_port *in,
				  struct sk_buff *skb, u16 vid,
				  struct mcs_frame *f, bool steal,
				  const struct nf_hook_state *state);

#endif /* _MCS_REPLICATE_H */
