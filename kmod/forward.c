// SPDX-License-Identifier: GPL-2.0
/*
 * The forwarding decision: which egress copies of a multicast frame the
 * bridge may send. RFC 4541 rules plus what hosts need without reporting.
 */
#include <linux/icmpv6.h>
#include <linux/igmp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/addrconf.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "context.h"
#include "forward.h"
#include "overflow.h"
#include "table.h"

bool mcs_group_link_local(const struct in6_addr *group)
{
	if (mcs_addr_is_v4(group))
		/* 224.0.0.0/24: link-local control (RFC 4541 2.1.2). */
		return (ntohl(group->s6_addr32[3]) & 0xffffff00) == 0xe0000000;
	/* Interface- and node-local scopes never need snooping. */
	if ((group->s6_addr[1] & 0x0f) <= 1)
		return true;
	/* ff02::1, and solicited-node groups that hosts never report. */
	return ipv6_addr_is_ll_all_nodes(group) ||
	       ipv6_addr_is_solict_mult(group);
}

bool mcs_group_flooded(const struct mcs_bridge *mb,
		       const struct in6_addr *group)
{
	if (mcs_group_link_local(group))
		return true;
	/*
	 * x.0.0.y and x.128.0.y share 224.0.0.y's MAC (01:00:5e:00:00:yy):
	 * switches that filter by MAC flood them; so does WeOS.
	 */
	return mcs_addr_is_v4(group) &&
	       (ntohl(group->s6_addr32[3]) & 0x007fff00) == 0 &&
	       READ_ONCE(mb->cfg.flood_ambiguous);
}

static void mcs_classify_ipv4(struct mcs_bridge *mb, struct sk_buff *skb,
			      struct mcs_frame *f)
{
	const struct iphdr *iph;
	struct iphdr _iph;
	const u8 *type;
	u8 _type;

	iph = skb_header_pointer(skb, 0, sizeof(_iph), &_iph);
	if (!iph)
		return;
	/* A fragment that is not the first carries no header of its own. */
	if (!(iph->frag_off & htons(IP_OFFSET))) {
		f->ctrl = iph->protocol == IPPROTO_IGMP ||
			  iph->protocol == IPPROTO_PIM;
		if (iph->protocol == IPPROTO_IGMP)
			f->counter = MCS_CNT_IGMP;
	}
	if (iph->ihl < 5 || !ipv4_is_multicast(iph->daddr))
		return;
	if (iph->protocol == IPPROTO_IGMP &&
	    !(iph->frag_off & htons(IP_OFFSET))) {
		type = skb_header_pointer(skb, iph->ihl * 4, 1, &_type);
		if (!type)
			return;
		switch (*type) {
		case IGMP_HOST_MEMBERSHIP_REPORT:
		case IGMPV2_HOST_MEMBERSHIP_REPORT:
		case IGMP_HOST_LEAVE_MESSAGE:
		case IGMPV3_HOST_MEMBERSHIP_REPORT:
			f->kind = MCS_FRAME_REPORT;
		}
		/* Queries and MRD are for everyone. */
		return;
	}
	ipv6_addr_set_v4mapped(iph->daddr, &f->group);
	if (mcs_group_flooded(mb, &f->group))
		return;
	ipv6_addr_set_v4mapped(iph->saddr, &f->src);
	f->kind = MCS_FRAME_DATA;
}

bool mcs_ipv6_upper(struct sk_buff *skb, u8 *nexthdr, u8 *icmp6_type)
{
	const struct ipv6hdr *ip6h;
	struct ipv6hdr _ip6h;
	__be16 frag_off;
	const u8 *type;
	int offset;
	u8 _type;

	*icmp6_type = 0;
	ip6h = skb_header_pointer(skb, 0, sizeof(_ip6h), &_ip6h);
	if (!ip6h)
		return false;
	*nexthdr = ip6h->nexthdr;
	offset = ipv6_skip_exthdr(skb, sizeof(_ip6h), nexthdr, &frag_off);
	if (offset < 0 || frag_off & htons(IP6_OFFSET))
		return false;
	if (*nexthdr != IPPROTO_ICMPV6)
		return true;
	type = skb_header_pointer(skb, offset, 1, &_type);
	if (!type)
		return false;
	*icmp6_type = *type;
	return true;
}

/* MLD, or MRD over ICMPv6: what mcs_parse() checks. */
static bool mcs_icmpv6_ctrl(u8 type, struct mcs_frame *f)
{
	switch (type) {
	case ICMPV6_MGM_QUERY:
	case ICMPV6_MGM_REPORT:
	case ICMPV6_MGM_REDUCTION:
	case ICMPV6_MLD2_REPORT:
		f->counter = MCS_CNT_MLD;
		return true;
	case ICMPV6_MRDISC_ADV:
	case ICMPV6_MRDISC_ADV + 1:	/* solicitation, RFC 4286 */
	case ICMPV6_MRDISC_ADV + 2:	/* termination */
		return true;
	}
	return false;
}

static void mcs_classify_ipv6(struct mcs_bridge *mb, struct sk_buff *skb,
			      struct mcs_frame *f)
{
	const struct ipv6hdr *ip6h;
	struct ipv6hdr _ip6h;
	u8 nexthdr = 0, type;
	bool upper;

	ip6h = skb_header_pointer(skb, 0, sizeof(_ip6h), &_ip6h);
	if (!ip6h)
		return;
	upper = mcs_ipv6_upper(skb, &nexthdr, &type);
	if (upper)
		f->ctrl = nexthdr == IPPROTO_PIM ||
			  (nexthdr == IPPROTO_ICMPV6 && mcs_icmpv6_ctrl(type, f));
	if (!ipv6_addr_is_multicast(&ip6h->daddr))
		return;
	if (upper && nexthdr == IPPROTO_ICMPV6) {
		switch (type) {
		case ICMPV6_MGM_REPORT:
		case ICMPV6_MGM_REDUCTION:
		case ICMPV6_MLD2_REPORT:
			f->kind = MCS_FRAME_REPORT;
			return;
		case ICMPV6_MGM_QUERY:
			return;
		}
	}
	if (mcs_group_flooded(mb, &ip6h->daddr))
		return;
	f->group = ip6h->daddr;
	f->src = ip6h->saddr;
	f->kind = MCS_FRAME_DATA;
}

void mcs_frame_classify(struct mcs_bridge *mb, struct sk_buff *skb, u16 vid,
			struct mcs_frame *f)
{
	f->kind = MCS_FRAME_FLOOD;
	f->vid = vid;
	f->grp = NULL;
	f->traffic = NULL;
	f->counter = MCS_CNT_MCAST_DATA;
	f->ctrl = false;
	f->overflowed = false;
	f->flood_unknown = false;
	f->now = jiffies;
	switch (skb->protocol) {
	case htons(ETH_P_IP):
		f->proto = MCS_IPV4;
		mcs_classify_ipv4(mb, skb, f);
		break;
	case htons(ETH_P_IPV6):
		f->proto = MCS_IPV6;
		mcs_classify_ipv6(mb, skb, f);
		break;
	default:
		/* Non-IP multicast is not ours. */
		return;
	}
	if (!READ_ONCE(mb->cfg.snooping) || !mcs_vlan_snooping(mb, vid)) {
		f->kind = MCS_FRAME_FLOOD;
		return;
	}
	if (f->kind != MCS_FRAME_DATA)
		return;
	f->grp = mcs_group_lookup(mb, &f->group, vid);
	if (f->grp)
		return;
	f->overflowed = mcs_overflowed(mb, &f->group, vid);
	f->flood_unknown = mcs_settings_of(mb, vid)->flood_unknown;
}

enum mcs_verdict mcs_frame_verdict(const struct mcs_frame *f,
				   const struct mcs_port *out)
{
	switch (f->kind) {
	case MCS_FRAME_FLOOD:
		return MCS_FLOOD;
	case MCS_FRAME_REPORT:
		return mcs_port_routes_vid(out, f->proto, f->vid) ||
		       READ_ONCE(out->flood_reports) ?
		       MCS_CTRL_PASS : MCS_CTRL_PRUNE;
	case MCS_FRAME_DATA:
		break;
	}
	if (f->grp) {
		if (READ_ONCE(f->grp->overflow))
			return MCS_DATA_PASS;
		if (mcs_port_accepts(f->grp, out, &f->src, f->now))
			return MCS_DATA_PASS;
	} else if (f->overflowed ||
		   mcs_port_flood_unknown(out, f->flood_unknown)) {
		/* A full table floods what it could not hold. */
		return MCS_DATA_PASS;
	}
	return mcs_port_routes_vid(out, f->proto, f->vid) ? MCS_DATA_PASS :
							     MCS_DATA_PRUNE;
}

bool mcs_count_copy(struct mcs_port *out, enum mcs_verdict verdict,
		    enum mcs_counter copies, struct mcs_copy_counts *n)
{
	switch (verdict) {
	case MCS_DATA_PRUNE:
		mcs_stats_inc(out->stats, MCS_CNT_DATA_PRUNED);
		n->pruned++;
		return false;
	case MCS_CTRL_PRUNE:
		return false;
	case MCS_DATA_PASS:
		mcs_stats_inc(out->stats, MCS_CNT_DATA_FORWARDED);
		n->forwarded++;
		break;
	default:
		break;
	}
	mcs_stats_inc(out->stats, copies);
	n->copies++;
	return true;
}

void mcs_count_copies(struct mcs_bridge *mb, const struct mcs_copy_counts *n,
		      enum mcs_counter copies)
{
	if (n->pruned)
		mcs_stats_add(mb->stats, MCS_CNT_DATA_PRUNED, n->pruned);
	if (n->forwarded)
		mcs_stats_add(mb->stats, MCS_CNT_DATA_FORWARDED, n->forwarded);
	if (n->copies)
		mcs_stats_add(mb->stats, copies, n->copies);
}
