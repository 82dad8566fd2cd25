// SPDX-License-Identifier: GPL-2.0
/*
 * The data path: one decision per frame at PRE_ROUTING and one clone per
 * port that wants the frame, instead of the bridge's clone per port and a
 * drop per unwanted copy (see Documentation/design.rst, "Data path").
 * The bridge keeps its job for the frame itself (learning its source MAC,
 * delivering it to the bridge device) unless nothing of it is needed:
 * then the frame itself goes to the last port and the bridge never sees
 * it (see mcs_hook_pre_routing()).
 */
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>
#include <linux/netfilter_bridge.h>

#include "br_exports.h"
#include "replicate.h"

/*
 * Send skb out of port out, tagged or untagged as the port is in vid: a
 * clone, or skb itself when own (the frame is ours: stolen).
 */
static void mcs_send(struct sk_buff *skb, bool own, struct mcs_port *out,
		     bool vlans, u16 vid, u16 vlan_proto, bool untagged,
		     const struct nf_hook_state *state)
{
	struct sk_buff *copy = own ? skb : skb_clone(skb, GFP_ATOMIC);

	if (!copy)
		return;
	if (vlans) {
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

/*
 * Data of a registered group goes to its members and router ports: find
 * them once per frame rather than once per port (most ports are neither).
 * All ports when one of them has no bit.
 */
static unsigned long mcs_wanted_bits(const struct mcs_bridge *mb,
				     const struct mcs_frame *f)
{
	unsigned long bits = READ_ONCE(mb->router_bits);
	const struct mcs_member *m;

	hlist_for_each_entry_rcu(m, &f->grp->members, node) {
		if (!m->port)
			continue;
		if (m->port->bit == MCS_PORT_NO_BIT)
			return ULONG_MAX;
		bits |= BIT(m->port->bit);
	}
	return bits;
}

/* The verdict for a registered group's data on a port that may want it. */
static enum mcs_verdict mcs_group_verdict(const struct mcs_frame *f,
					  const struct mcs_port *out)
{
	if (mcs_port_accepts(f->grp, out, &f->src, f->now))
		return MCS_DATA_PASS;
	return mcs_port_routes_vid(out, f->proto, f->vid) ? MCS_DATA_PASS :
							     MCS_DATA_PRUNE;
}

/* Where the copies of a frame go out: its VLAN and how it is tagged. */
struct mcs_egress {
	bool vlans;
	u16 vid;
	u16 vlan_proto;
	const struct nf_hook_state *state;
};

/*
 * mcast_to_unicast: each host behind out that wants the group gets a
 * copy of its own, addressed to it, as the bridge's own snooping sends
 * them (maybe_deliver_addr), except the sender itself. Returns whether a
 * membership of the port as a whole (static) wants the frame as
 * multicast too.
 */
static bool mcs_send_unicast(struct sk_buff *skb, const struct mcs_port *in,
			     struct mcs_port *out, const struct mcs_frame *f,
			     const struct mcs_egress *e, bool untagged)
{
	const u8 *src = eth_hdr(skb)->h_source;
	const struct mcs_member *m;
	struct sk_buff *copy;
	bool multicast = false;

	hlist_for_each_entry_rcu(m, &f->grp->members, node) {
		if (m->port != out || !mcs_member_accepts(m, &f->src, f->now))
			continue;
		if (is_zero_ether_addr(m->host)) {
			multicast = true;
			continue;
		}
		/* No soliloquies (hairpin): they break IPv6 DAD. */
		if (out == in && ether_addr_equal(src, m->host))
			continue;
		copy = skb_copy(skb, GFP_ATOMIC);
		if (!copy)
			continue;
		ether_addr_copy(eth_hdr(copy)->h_dest, m->host);
		mcs_send(copy, true, out, e->vlans, e->vid, e->vlan_proto,
			 untagged, e->state);
	}
	return multicast;
}

/* One frame's replication: what each port's copy needs, and the tally. */
struct mcs_replica {
	struct sk_buff *skb;
	struct mcs_port *in;
	struct mcs_frame *f;
	struct mcs_egress e;
	bool steal;
	bool registered;
	bool in_isolated;
	struct mcs_port *last;		/* the copy not sent yet */
	bool last_untagged;
	struct mcs_copy_counts n;
};

/* The copy of port out, which may want it (not pruned by the masks). */
static void mcs_replicate_to(struct mcs_replica *r, struct mcs_port *out)
{
	const struct mcs_frame *f = r->f;
	struct bridge_vlan_info vinfo = {};
	enum mcs_verdict verdict;
	bool untagged;

	if (mcs_port_state(out, r->e.vid) != BR_STATE_FORWARDING)
		return;
	if (r->in_isolated && mcs_port_flag(out, BR_ISOLATED))
		return;
	if (r->e.vlans && br_vlan_get_info_rcu(out->dev, r->e.vid, &vinfo))
		return;
	/*
	 * mcast_flood is on again (the admin's choice): the bridge floods
	 * this port itself, everything, as without mcsnoop; so it must have
	 * the frame.
	 */
	if (mcs_port_flag(out, BR_MCAST_FLOOD)) {
		r->steal = false;
		return;
	}
	verdict = r->registered ? mcs_group_verdict(f, out) :
				  mcs_frame_verdict(f, out);
	if (!mcs_count_copy(out, verdict, MCS_CNT_FWD_COPIES, &r->n))
		return;
	untagged = r->e.vlans && (vinfo.flags & BRIDGE_VLAN_INFO_UNTAGGED);
	/* A router port wants the multicast frame as such. */
	if (r->registered && mcs_port_flag(out, BR_MULTICAST_TO_UNICAST) &&
	    !mcs_port_routes_vid(out, f->proto, r->e.vid) &&
	    !mcs_send_unicast(r->skb, r->in, out, f, &r->e, untagged))
		return;
	/* Clone for all but the last, which may take the frame. */
	if (r->last)
		mcs_send(r->skb, false, r->last, r->e.vlans, r->e.vid,
			 r->e.vlan_proto, r->last_untagged, r->e.state);
	r->last = out;
	r->last_untagged = untagged;
}

/*
 * A registered group's data when every port has a bit: straight to the
 * ports that may want it (members, routers, mcast_flood), the others
 * counted pruned as one mask. With 64 ports the list walk cost a sixth
 * of the rate (benchmarks.rst, 9).
 */
static void mcs_replicate_by_bits(struct mcs_bridge *mb, struct mcs_replica *r,
				  unsigned long wanted)
{
	unsigned long todo, spared, in_bit = BIT(r->in->bit);
	struct mcs_port *out;

	todo = wanted | READ_ONCE(mb->flood_bits);
	spared = todo | in_bit;
	/* The port it came from, unless hairpin sends it back. */
	if (!mcs_port_flag(r->in, BR_HAIRPIN_MODE))
		todo &= ~in_bit;
	else if (!(todo & in_bit))
		spared &= ~in_bit;
	mcs_pruned_count(mb->pruned, spared);
	r->n.pruned += hweight_long(READ_ONCE(mb->port_bits) & ~spared);
	for (; todo; todo &= todo - 1) {
		out = rcu_dereference(mb->port_by_bit[__ffs(todo)]);
		if (out)
			mcs_replicate_to(r, out);
	}
}

enum mcs_replicated mcs_replicate(struct mcs_bridge *mb, struct mcs_port *in,
				  struct sk_buff *skb, u16 vid,
				  struct mcs_frame *f, bool steal,
				  const struct nf_hook_state *state)
{
	struct mcs_replica r = {
		.skb = skb, .in = in, .f = f, .steal = steal,
		.e = {
			.vlans = f->vlans, .vid = vid,
			.vlan_proto = ETH_P_8021Q, .state = state,
		},
		.in_isolated = mcs_port_flag(in, BR_ISOLATED),
	};
	unsigned long wanted = 0;
	struct mcs_port *out;

	if (f->vlans)
		br_vlan_get_proto(mb->dev, &r.e.vlan_proto);
	r.registered = f->kind == MCS_FRAME_DATA && f->grp &&
		       !READ_ONCE(f->grp->overflow);
	if (r.registered)
		wanted = mcs_wanted_bits(mb, f);
	/* The cached port flags tell mcast_flood only with switchdev. */
	if (r.registered && wanted != ULONG_MAX &&
	    IS_ENABLED(CONFIG_NET_SWITCHDEV) &&
	    !READ_ONCE(mb->ports_without_bit)) {
		mcs_replicate_by_bits(mb, &r, wanted);
		goto sent;
	}
	list_for_each_entry_rcu(out, &mb->port_list, list) {
		if (out == in && !mcs_port_flag(in, BR_HAIRPIN_MODE))
			continue;
		/*
		 * Most ports, for a registered group: no member, no router,
		 * no flooding by the bridge. Pruned before the checks that
		 * may keep the copy back too (state, isolation, VLAN): per
		 * frame and port they cost more than this decision.
		 */
		if (r.registered && out->bit != MCS_PORT_NO_BIT &&
		    !(wanted & BIT(out->bit)) &&
		    !mcs_port_flag(out, BR_MCAST_FLOOD)) {
			mcs_stats_inc(out->stats, MCS_CNT_DATA_PRUNED);
			r.n.pruned++;
			continue;
		}
		mcs_replicate_to(&r, out);
	}
sent:
	mcs_count_copies(mb, &r.n, MCS_CNT_FWD_COPIES);
	if (r.n.copies)
		mcs_traffic_out(f->traffic, r.n.copies, skb->len);
	if (r.last)
		mcs_send(skb, r.steal, r.last, r.e.vlans, vid, r.e.vlan_proto,
			 r.last_untagged, state);
	else if (r.steal)
		consume_skb(skb);
	return r.steal ? MCS_STOLEN : MCS_FORWARDED;
}
