// SPDX-License-Identifier: GPL-2.0
/*
 * What the bridge lets in from a port before its own snooping would see a
 * frame (br_handle_frame_finish, __allowed_ingress): the frame's VLAN,
 * the port's membership and state in it, and with 802.1X the sender's
 * authorisation. A frame the bridge drops teaches mcsnoop nothing (no
 * report of an unauthorised host makes a member) and is sent nowhere.
 * The checks are inline (ingress.h); these are their slow paths, for
 * VLAN-filtering bridges.
 */
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>

#include "ingress.h"

bool __mcs_ingress_untag_foreign(const struct mcs_bridge *mb,
				 struct sk_buff *skb)
{
	u16 proto;

	if (br_vlan_get_proto(mb->dev, &proto) ||
	    skb->vlan_proto == htons(proto))
		return true;
	/* What __allowed_ingress does on a protocol mismatch. */
	skb_push(skb, ETH_HLEN);
	if (!vlan_insert_tag_set_proto(skb, skb->vlan_proto,
				       skb_vlan_tag_get(skb)))
		return false;
	skb_pull(skb, ETH_HLEN);
	skb_reset_mac_len(skb);
	__vlan_hwaccel_clear_tag(skb);
	return true;
}

u16 __mcs_ingress_vid(const struct net_device *dev, const struct sk_buff *skb)
{
	u16 vid = 0;

	if (skb_vlan_tag_present(skb))
		vid = skb_vlan_tag_get_id(skb);
	/* Untagged or priority-tagged: the port's PVID, if it has one. */
	if (!vid && br_vlan_get_pvid_rcu(dev, &vid))
		return 0;
	return vid;
}
