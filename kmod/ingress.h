/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_INGRESS_H
#define _MCS_INGRESS_H

#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/skbuff.h>

#include "bridge.h"
#include "fdb.h"
#include "port.h"

/* What the bridge does with a frame that entered a port. */
enum mcs_admit {
	MCS_ADMIT_DROP,		/* drops it: nothing to learn or send */
	MCS_ADMIT_LEARN,	/* learns from it, forwards nothing */
	MCS_ADMIT_FORWARD,	/* learns from it and forwards it */
};

bool __mcs_ingress_untag_foreign(const struct mcs_bridge *mb,
				 struct sk_buff *skb);
u16 __mcs_ingress_vid(const struct net_device *dev, const struct sk_buff *skb);

/*
 * The helpers below run for every multicast frame: inline, and cheap
 * where the bridge filters no VLANs and locks no port.
 *
 * A tag of the other protocol (a customer tag on an 802.1ad bridge) is
 * payload to the bridge: put it back into the frame, as the bridge
 * would. False when that failed and the frame is gone.
 */
static inline bool mcs_ingress_untag_foreign(const struct mcs_bridge *mb,
					     struct sk_buff *skb, bool vlans)
{
	if (!vlans || !skb_vlan_tag_present(skb))
		return true;
	return __mcs_ingress_untag_foreign(mb, skb);
}

/* The VLAN of a frame entering from port dev: its tag, or the PVID. */
static inline u16 mcs_ingress_vid(bool vlans, const struct net_device *dev,
				  const struct sk_buff *skb)
{
	return vlans ? __mcs_ingress_vid(dev, skb) : 0;
}

/*
 * Whether the bridge admits a frame of vid from port, as it checks
 * before its own snooping sees it: VLAN membership, the port's state,
 * 802.1X authorisation of the sender.
 */
static inline enum mcs_admit mcs_ingress_admit(struct mcs_bridge *mb,
					       struct mcs_port *port,
					       const struct sk_buff *skb,
					       bool vlans, u16 vid)
{
	struct bridge_vlan_info vinfo;
	u8 state;

	if (vlans && (!vid || br_vlan_get_info_rcu(port->dev, vid, &vinfo)))
		return MCS_ADMIT_DROP;
	state = mcs_port_state(port, vid);
	if (state != BR_STATE_FORWARDING && state != BR_STATE_LEARNING)
		return MCS_ADMIT_DROP;
	if (mcs_port_flag(port, BR_PORT_LOCKED) &&
	    !mcs_fdb_authorised(mb->dev, port->dev, eth_hdr(skb)->h_source,
				vid))
		return MCS_ADMIT_DROP;
	return state == BR_STATE_FORWARDING ? MCS_ADMIT_FORWARD :
					      MCS_ADMIT_LEARN;
}

#endif /* _MCS_INGRESS_H */
