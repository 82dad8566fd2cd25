// SPDX-License-Identifier: GPL-2.0
/*
 * The data path: one decision per frame at PRE_ROUTING and one clone per
 * port that wants the frame, instead of the bridge's clone per port and a
 * drop per unwanted copy (see Documentation/design.rst, "Data path").
 * The bridge keeps its job for the frame itself: learning its source MAC
 * and delivering it to the bridge device.
 */
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>
#include <linux/netfilter_bridge.h>

#include "replicate.h"

/* Exported by the bridge (for br_netfilter); not in a public header. */
int br_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb);

/* Whether the bridge forwards what enters port in on vid at all. */
static bool mcs_ingress_forwards(const struct mcs_bridge *mb,
				 const struct mcs_port *port, u16 vid,
				 const struct sk_buff *skb)
{
	const struct net_device *in = port->dev;
	struct bridge_vlan_info vinfo;

	if (READ_ONCE(port->stp_state) != BR_STATE_FORWARDING)
		return false;
	/* 802.1X locked ports: the bridge checks its FDB, we cannot. */
	if (br_port_flag_is_set(in, BR_PORT_LOCKED))
		return false;
#ifdef CONFIG_NET_SWITCHDEV
	/* Already forwarded in hardware by a switchdev driver. */
	if (skb->offload_fwd_mark)
		return false;
#endif
	if (!br_vlan_enabled(mb->dev))
		return true;
	return vid && !br_vlan_get_info_rcu(in, vid, &vinfo);
}

static void mcs_send_copy(struct mcs_bridge *mb, struct sk_buff *skb,
			  struct mcs_port *out, u16 vid, u16 vlan_proto,
			  bool untagged, const struct nf_hook_state *state)
{
	struct sk_buff *copy;

	copy = skb_clone(skb, GFP_ATOMIC);
	if (!copy)
		return;
	if (br_vlan_enabled(mb->dev)) {
		if (untagged)
			__vlan_hwaccel_clear_tag(copy);
		else
			__vlan_hwaccel_put_tag(copy, htons(vlan_proto), vid);
	}
	copy->dev = out->dev;
	skb_forward_csum(copy);
	NF_HOOK(NFPROTO_BRIDGE, NF_BR_FORWARD, state->net, NULL, copy,
		state->in, out->dev, br_forward_finish);
}

bool mcs_replicate(struct mcs_bridge *mb, struct mcs_port *in,
		   struct sk_buff *skb, u16 vid, const struct mcs_frame *f,
		   const struct nf_hook_state *state)
{
	bool in_isolated = br_port_flag_is_set(in->dev, BR_ISOLATED);
	bool vlans = br_vlan_enabled(mb->dev);
	struct bridge_vlan_info vinfo = {};
	u16 vlan_proto = ETH_P_8021Q;
	struct mcs_port *out;
	int bkt;

	if (!mcs_ingress_forwards(mb, in, vid, skb))
		return false;
	if (vlans)
		br_vlan_get_proto(mb->dev, &vlan_proto);
	hash_for_each_rcu(mb->ports, bkt, out, hnode) {
		if (out == in && !br_port_flag_is_set(in->dev, BR_HAIRPIN_MODE))
			continue;
		if (READ_ONCE(out->stp_state) != BR_STATE_FORWARDING)
			continue;
		if (in_isolated && br_port_flag_is_set(out->dev, BR_ISOLATED))
			continue;
		if (vlans && br_vlan_get_info_rcu(out->dev, vid, &vinfo))
			continue;
		/*
		 * mcast_flood is on again (the admin's choice): the bridge
		 * floods this port itself, everything, as without mcsnoop.
		 */
		if (br_port_flag_is_set(out->dev, BR_MCAST_FLOOD))
			continue;
		if (!mcs_verdict_count(mb, out, mcs_frame_verdict(f, out),
				       MCS_CNT_FWD_COPIES))
			continue;
		mcs_send_copy(mb, skb, out, vid, vlan_proto,
			      vlans && (vinfo.flags & BRIDGE_VLAN_INFO_UNTAGGED),
			      state);
	}
	return true;
}
