/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_INGRESS_H
#define _MCS_INGRESS_H

#include <linux/skbuff.h>

#include "bridge.h"
#include "port.h"

/* What the bridge does with a frame that entered a port. */
enum mcs_admit {
	MCS_ADMIT_DROP,		/* drops it: nothing to learn or send */
	MCS_ADMIT_LEARN,	/* learns from it, forwards nothing */
	MCS_ADMIT_FORWARD,	/* learns from it and forwards it */
};

/*
 * Packet path. A tag of the other protocol (a customer tag on an
 * 802.1ad bridge) is payload to the bridge: put it back into the frame,
 * as the bridge would. False when that failed and the frame is gone.
 */
bool mcs_ingress_untag_foreign(const struct mcs_bridge *mb,
			       struct sk_buff *skb, bool vlans);

/* The VLAN of a frame entering from port dev: its tag, or the PVID. */
u16 mcs_ingress_vid(bool vlans, const struct net_device *dev,
		    const struct sk_buff *skb);

/*
 * Whether the bridge admits a frame of vid from port, as it checks
 * before its own snooping sees it: VLAN membership, the port's state,
 * 802.1X authorisation of the sender.
 */
enum mcs_admit mcs_ingress_admit(struct mcs_bridge *mb, struct mcs_port *port,
				 const struct sk_buff *skb, bool vlans,
				 u16 vid);

#endif /* _MCS_INGRESS_H */
