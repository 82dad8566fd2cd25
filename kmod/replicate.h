/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_REPLICATE_H
#define _MCS_REPLICATE_H

#include <linux/netfilter.h>
#include <linux/skbuff.h>

#include "bridge.h"
#include "forward.h"
#include "port.h"

/*
 * Send a multicast frame that entered port in on VLAN vid to each port
 * that wants it, the way the bridge forwards (STP state, isolation,
 * hairpin, egress VLAN tagging, NF_BR_FORWARD and POST_ROUTING hooks),
 * once per frame at PRE_ROUTING. The frame itself goes on to the bridge
 * for source learning and local delivery. Returns false when the bridge
 * would not forward the frame at all.
 */
bool mcs_replicate(struct mcs_bridge *mb, struct mcs_port *in,
		   struct sk_buff *skb, u16 vid, const struct mcs_frame *f,
		   const struct nf_hook_state *state);

#endif /* _MCS_REPLICATE_H */
