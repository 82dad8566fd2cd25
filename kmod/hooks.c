// SPDX-License-Identifier: GPL-2.0
/*
 * The packet path: NFPROTO_BRIDGE hooks that see every frame entering an
 * enabled bridge from a port (PRE_ROUTING, once per frame), what the
 * bridge delivers to its own device (LOCAL_IN) and every copy the bridge
 * device itself sends out of a port (LOCAL_OUT, once per egress port).
 *
 * PRE_ROUTING validates and learns from IGMP/MLD/MRD/PIM (dropping what
 * is malformed) and replicates multicast to the ports that want it
 * (replicate.c); LOCAL_IN keeps from the host the groups it did not join;
 * LOCAL_OUT learns the host's own reports and prunes its copies. Runs
 * under RCU with BH disabled: no locks on the data path, and no
 * allocation but the copies themselves.
 */
#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <linux/netfilter.h>
#include <linux/netfilter_bridge.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "hooks.h"
#include "bridge.h"
#include "forward.h"
#include "ingress.h"
#include "learn.h"
#include "parse.h"
#include "port.h"
#include "replicate.h"
#include "table.h"

/* Control messages longer than this (jumbo frames) are copied no further. */
#define MCS_SCRATCH_LEN 9216

/*
 * Per CPU (the hooks of one frame run on one CPU with BH disabled): the
 * last frame PRE_ROUTING saw, so that its egress copies
 * (clones sharing its data) know their ingress VLAN after the bridge
 * stripped the tag; the last host frame learnt from, so that a report
 * the host floods to N ports is learnt once; the querier's own frame
 * being sent, not to be learnt at all.
 */
struct mcs_pcpu_scratch {
	const unsigned char *ingress_head;
	u16 ingress_vid;
	struct mcs_host_frame {
		const unsigned char *head;
		unsigned long stamp;
		u32 sum;
	} host;
	const unsigned char *own_head;
	u8 buf[MCS_SCRATCH_LEN];
};

static struct mcs_pcpu_scratch __percpu *mcs_scratch;

static bool mcs_is_multicast(const struct sk_buff *skb)
{
	const u8 *dest = eth_hdr(skb)->h_dest;

	return is_multicast_ether_addr(dest) && !is_broadcast_ether_addr(dest);
}

/* Validate a control message; the packet stays as it is. */
static enum mcs_parse_result mcs_parse_skb(struct sk_buff *skb,
					   struct mcs_msg *msg)
{
	struct mcs_pcpu_scratch *scratch = this_cpu_ptr(mcs_scratch);
	bool ipv6 = skb->protocol == htons(ETH_P_IPV6);
	unsigned int len = skb->len;
	const void *data = skb->data;

	if (skb_headlen(skb) < len) {
		len = min_t(unsigned int, len, MCS_SCRATCH_LEN);
		if (skb_copy_bits(skb, 0, scratch->buf, len))
			return MCS_PARSE_TRUNCATED;
		data = scratch->buf;
	}
	return mcs_parse(data, len, ipv6, msg);
}

/*
 * Whether the bridge device must get a classified frame: everything but
 * data of a registered group that the host neither joined nor routes,
 * as the bridge's own snooping decides. A promiscuous bridge device (a
 * capture on it) gets everything, as the bridge delivers it then.
 */
static bool mcs_host_wants(const struct mcs_bridge *mb,
			   const struct mcs_frame *f)
{
	const struct mcs_member *host;

	if (READ_ONCE(mb->dev->flags) & IFF_PROMISC)
		return true;
	if (f->kind != MCS_FRAME_DATA || !f->grp ||
	    READ_ONCE(f->grp->overflow) ||
	    mcs_bridge_host_is_router(mb, f->proto))
		return true;
	host = mcs_member_of(f->grp, NULL);
	return host && mcs_member_accepts(host, &f->src, f->now);
}

/* Multicast entering from a port: apart, so that unicast pays nothing. */
static noinline unsigned int
mcs_pre_routing_mcast(struct sk_buff *skb, const struct nf_hook_state *state)
{
	enum mcs_admit admit = MCS_ADMIT_DROP;
	struct mcs_pcpu_scratch *scratch;
	enum mcs_parse_result res;
	struct mcs_bridge *mb;
	struct mcs_port *port;
	struct mcs_frame f;
	struct mcs_msg msg;
	bool steal, vlans;
	const u8 *src;
	u16 vid;

	port = mcs_net_port_find(state->net, state->in->ifindex);
	if (port) {
		mb = port->mb;
	} else {
		/* A port we could not add: count at least. */
		mb = mcs_bridge_of_port(state->net, state->in);
		if (!mb)
			return NF_ACCEPT;
	}
	vlans = br_vlan_enabled(mb->dev);
	if (!mcs_ingress_untag_foreign(mb, skb, vlans))
		return NF_STOLEN;
	vid = mcs_ingress_vid(vlans, state->in, skb);
	scratch = this_cpu_ptr(mcs_scratch);
	scratch->ingress_head = skb->head;
	scratch->ingress_vid = vid;

	/* One walk of the headers: the decision, the counter, control. */
	mcs_frame_classify(mb, skb, vid, &f);
	f.vlans = vlans;
	mcs_stats_inc(mb->stats, f.counter);
	if (port) {
		mcs_stats_inc(port->stats, f.counter);
		admit = mcs_ingress_admit(mb, port, skb, vlans, vid);
	}

	if (f.ctrl) {
		res = mcs_parse_skb(skb, &msg);
		if (res != MCS_PARSE_OK) {
			mcs_learn_error(mb, port, res);
			return NF_DROP;
		}
		/* What the bridge drops, its own snooping never sees. */
		if (admit != MCS_ADMIT_DROP && msg.kind != MCS_MSG_NONE)
			mcs_learn(mb, port, vid, &msg, eth_hdr(skb)->h_source);
	}
	/* Forwarded by the bridge: not admitted, or mcsnoop stands aside. */
	if (admit != MCS_ADMIT_FORWARD || READ_ONCE(mb->fallback.reasons))
		return NF_ACCEPT;
	if (f.grp) {
		f.traffic = mcs_traffic_this_cpu(mb, &f.grp->traffic);
		mcs_traffic_in(f.traffic, skb->len);
	}
	/*
	 * Data nobody on the host wants, from a source the bridge has just
	 * learnt: the bridge has nothing left to do with the frame, so it
	 * is sent on by mcsnoop alone (the last copy is the frame itself).
	 */
	src = eth_hdr(skb)->h_source;
	steal = f.kind == MCS_FRAME_DATA && !mcs_host_wants(mb, &f) &&
		mcs_port_src_learnt(port, src, vid, f.now);
	switch (mcs_replicate(mb, port, skb, vid, &f, steal, state)) {
	case MCS_STOLEN:
		return NF_STOLEN;
	case MCS_FORWARDED:
		mcs_port_src_passed(port, src, vid, f.now);
		break;
	case MCS_NOT_FORWARDED:
		break;
	}
	return NF_ACCEPT;
}

static unsigned int mcs_hook_pre_routing(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	if (!mcs_is_multicast(skb))
		return NF_ACCEPT;
	return mcs_pre_routing_mcast(skb, state);
}

/* The VLAN of a copy, whose tag the bridge may have stripped. */
static u16 mcs_copy_vid(const struct mcs_bridge *mb,
			const struct net_device *out, const struct sk_buff *skb,
			bool from_port)
{
	const struct mcs_pcpu_scratch *scratch = this_cpu_ptr(mcs_scratch);
	u16 vid = 0;

	if (!br_vlan_enabled(mb->dev))
		return 0;
	if (from_port && scratch->ingress_head == skb->head)
		return scratch->ingress_vid;
	if (skb_vlan_tag_present(skb))
		return skb_vlan_tag_get_id(skb);
	/* An untagged port is untagged in its PVID in practice. */
	if (br_vlan_get_pvid_rcu(out, &vid))
		return 0;
	return vid;
}

/*
 * Whether skb is a copy of the host frame learnt last: the copies share
 * its data. The data's address alone is not enough, as a new frame may
 * get the memory of one just freed (two joins in a row did): the frame's
 * first bytes and the jiffy tell such a frame apart. A copy of the same
 * report taken again is harmless, a new one missed is not.
 */
static bool mcs_host_frame_seen(struct mcs_host_frame *last,
				const struct sk_buff *skb)
{
	int len = min_t(int, skb_headlen(skb) - skb_network_offset(skb), 64);
	struct mcs_host_frame now = {
		.head = skb->head,
		.stamp = jiffies,
		.sum = len > 0 ? jhash(skb_network_header(skb), len, 0) : 0,
	};

	if (now.head == last->head && now.stamp == last->stamp &&
	    now.sum == last->sum)
		return true;
	*last = now;
	return false;
}

/* The host's own reports, sent by the bridge device: learn them once. */
static void mcs_learn_host(struct mcs_bridge *mb, struct sk_buff *skb,
			   u16 vid, const struct mcs_frame *f)
{
	struct mcs_pcpu_scratch *scratch = this_cpu_ptr(mcs_scratch);
	struct mcs_msg msg;

	if (!f->ctrl || mcs_host_frame_seen(&scratch->host, skb))
		return;
	if (mcs_parse_skb(skb, &msg) == MCS_PARSE_OK &&
	    msg.kind != MCS_MSG_NONE)
		mcs_learn(mb, NULL, vid, &msg, NULL);
}

/* Multicast the bridge host itself sends: learnt from, pruned per port. */
static unsigned int mcs_hook_local_out(void *priv, struct sk_buff *skb,
				       const struct nf_hook_state *state)
{
	struct mcs_copy_counts n = {};
	enum mcs_verdict verdict;
	struct mcs_bridge *mb;
	struct mcs_port *out;
	struct mcs_frame f;
	bool pass;
	u16 vid;

	/* Our own queries and solicitations: not the host's to count. */
	if (!mcs_is_multicast(skb) ||
	    this_cpu_ptr(mcs_scratch)->own_head == skb->head)
		return NF_ACCEPT;
	mb = mcs_bridge_of_port(state->net, state->out);
	if (!mb)
		return NF_ACCEPT;
	out = mcs_port_find(mb, state->out->ifindex);
	if (!out)
		return NF_ACCEPT;
	vid = mcs_copy_vid(mb, state->out, skb, false);
	mcs_frame_classify(mb, skb, vid, &f);
	mcs_learn_host(mb, skb, vid, &f);
	/* A port (or bridge) that falls back gets the bridge's flood. */
	verdict = READ_ONCE(mb->fallback.reasons) ||
		  mcs_port_flag(out, BR_MCAST_FLOOD) ? MCS_FLOOD :
		  mcs_frame_verdict(&f, out);
	pass = mcs_count_copy(out, verdict, MCS_CNT_HOST_COPIES, &n);
	mcs_count_copies(mb, &n, MCS_CNT_HOST_COPIES);
	return pass ? NF_ACCEPT : NF_DROP;
}

/*
 * Multicast the bridge delivers to itself (it always does with its own
 * snooping off): a registered group only if the host joined it or routes
 * multicast, as the bridge's own snooping decides.
 */
static unsigned int mcs_hook_local_in(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	struct mcs_bridge *mb;
	struct mcs_frame f;

	if (!mcs_is_multicast(skb))
		return NF_ACCEPT;
	mb = mcs_bridge_of_port(state->net, state->in);
	if (!mb || READ_ONCE(mb->fallback.reasons))
		return NF_ACCEPT;
	mcs_frame_classify(mb, skb, mcs_copy_vid(mb, state->in, skb, true),
			   &f);
	return mcs_host_wants(mb, &f) ? NF_ACCEPT : NF_DROP;
}

/*
 * After ebtables' filter table: what it drops is none of our business.
 * PRE_ROUTING comes last, since it may take the frame from the bridge.
 */
static const struct nf_hook_ops mcs_nf_ops[] = {
	{
		.hook = mcs_hook_pre_routing,
		.pf = NFPROTO_BRIDGE,
		.hooknum = NF_BR_PRE_ROUTING,
		.priority = NF_BR_PRI_LAST,
	},
	{
		.hook = mcs_hook_local_in,
		.pf = NFPROTO_BRIDGE,
		.hooknum = NF_BR_LOCAL_IN,
		.priority = NF_BR_PRI_FILTER_OTHER,
	},
	{
		.hook = mcs_hook_local_out,
		.pf = NFPROTO_BRIDGE,
		.hooknum = NF_BR_LOCAL_OUT,
		.priority = NF_BR_PRI_FILTER_OTHER,
	},
};

void mcs_hooks_own_frame(const struct sk_buff *skb)
{
	this_cpu_ptr(mcs_scratch)->own_head = skb ? skb->head : NULL;
}

int mcs_hooks_register(struct net *net)
{
	return nf_register_net_hooks(net, mcs_nf_ops, ARRAY_SIZE(mcs_nf_ops));
}

void mcs_hooks_unregister(struct net *net)
{
	nf_unregister_net_hooks(net, mcs_nf_ops, ARRAY_SIZE(mcs_nf_ops));
}

int __init mcs_hooks_init(void)
{
	mcs_scratch = alloc_percpu(struct mcs_pcpu_scratch);
	return mcs_scratch ? 0 : -ENOMEM;
}

void mcs_hooks_uninit(void)
{
	free_percpu(mcs_scratch);
}
