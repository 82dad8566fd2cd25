// SPDX-License-Identifier: GPL-2.0
/*
 * The packet path: NFPROTO_BRIDGE hooks that see every frame entering an
 * enabled bridge from a port (PRE_ROUTING, once per frame) and every copy
 * the bridge sends out of a port (FORWARD for frames from another port,
 * LOCAL_OUT for frames of the bridge device itself, once per egress port).
 * Runs under RCU with BH disabled: no locks, no allocation.
 */
#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <linux/netfilter_bridge.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "hooks.h"
#include "bridge.h"

static bool mcs_is_multicast(const struct sk_buff *skb)
{
	const u8 *dest = eth_hdr(skb)->h_dest;

	return is_multicast_ether_addr(dest) && !is_broadcast_ether_addr(dest);
}

static bool mcs_is_igmp(struct sk_buff *skb)
{
	const struct iphdr *iph;
	struct iphdr _iph;

	iph = skb_header_pointer(skb, 0, sizeof(_iph), &_iph);
	/* A fragment that is not the first carries no IGMP header. */
	return iph && iph->protocol == IPPROTO_IGMP &&
	       !(iph->frag_off & htons(IP_OFFSET));
}

static bool mcs_is_mld(struct sk_buff *skb)
{
	const struct icmp6hdr *icmp6;
	const struct ipv6hdr *ip6h;
	struct icmp6hdr _icmp6;
	struct ipv6hdr _ip6h;
	__be16 frag_off;
	u8 nexthdr;
	int offset;

	ip6h = skb_header_pointer(skb, 0, sizeof(_ip6h), &_ip6h);
	if (!ip6h)
		return false;
	nexthdr = ip6h->nexthdr;
	offset = ipv6_skip_exthdr(skb, sizeof(_ip6h), &nexthdr, &frag_off);
	if (offset < 0 || nexthdr != IPPROTO_ICMPV6 || frag_off)
		return false;
	icmp6 = skb_header_pointer(skb, offset, sizeof(_icmp6), &_icmp6);
	if (!icmp6)
		return false;
	switch (icmp6->icmp6_type) {
	case ICMPV6_MGM_QUERY:
	case ICMPV6_MGM_REPORT:
	case ICMPV6_MGM_REDUCTION:
	case ICMPV6_MLD2_REPORT:
		return true;
	}
	return false;
}

static enum mcs_counter mcs_classify(struct sk_buff *skb)
{
	switch (skb->protocol) {
	case htons(ETH_P_IP):
		if (mcs_is_igmp(skb))
			return MCS_CNT_IGMP;
		break;
	case htons(ETH_P_IPV6):
		if (mcs_is_mld(skb))
			return MCS_CNT_MLD;
		break;
	}
	return MCS_CNT_MCAST_DATA;
}

static unsigned int mcs_hook_pre_routing(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	struct mcs_bridge *mb;

	if (!mcs_is_multicast(skb))
		return NF_ACCEPT;
	mb = mcs_bridge_of_port(state->net, state->in);
	if (mb)
		mcs_stats_inc(mb->stats, mcs_classify(skb));
	return NF_ACCEPT;
}

static unsigned int mcs_hook_egress(void *priv, struct sk_buff *skb,
				    const struct nf_hook_state *state)
{
	struct mcs_bridge *mb;

	if (!mcs_is_multicast(skb))
		return NF_ACCEPT;
	mb = mcs_bridge_of_port(state->net, state->out);
	if (mb)
		mcs_stats_inc(mb->stats, state->hook == NF_BR_FORWARD ?
				MCS_CNT_FWD_COPIES : MCS_CNT_HOST_COPIES);
	return NF_ACCEPT;
}

/* After ebtables' filter table: what it drops is none of our business. */
static const struct nf_hook_ops mcs_nf_ops[] = {
	{
		.hook = mcs_hook_pre_routing,
		.pf = NFPROTO_BRIDGE,
		.hooknum = NF_BR_PRE_ROUTING,
		.priority = NF_BR_PRI_FILTER_OTHER,
	},
	{
		.hook = mcs_hook_egress,
		.pf = NFPROTO_BRIDGE,
		.hooknum = NF_BR_FORWARD,
		.priority = NF_BR_PRI_FILTER_OTHER,
	},
	{
		.hook = mcs_hook_egress,
		.pf = NFPROTO_BRIDGE,
		.hooknum = NF_BR_LOCAL_OUT,
		.priority = NF_BR_PRI_FILTER_OTHER,
	},
};

int mcs_hooks_register(struct net *net)
{
	return nf_register_net_hooks(net, mcs_nf_ops, ARRAY_SIZE(mcs_nf_ops));
}

void mcs_hooks_unregister(struct net *net)
{
	nf_unregister_net_hooks(net, mcs_nf_ops, ARRAY_SIZE(mcs_nf_ops));
}
