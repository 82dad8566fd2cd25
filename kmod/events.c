// SPDX-License-Identifier: GPL-2.0
/*
 * Events: one MCSNOOP_CMD_EVENT message per state change, multicast to
 * the "events" group of the bridge's namespace. Per bridge a token bucket
 * bounds them (a report storm cannot flood the listeners); what it
 * refuses, or what finds no memory, counts as dropped. Nothing is built
 * while nobody listens.
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <net/genetlink.h>
#include <net/ipv6.h>

#include "events.h"
#include "netlink.h"

#define MCS_EVENT_RATE 1000		/* a second */
#define MCS_EVENT_BURST 1000

void mcs_events_init(struct mcs_bridge *mb)
{
	atomic_set(&mb->events.tokens, MCS_EVENT_BURST);
	mb->events.stamp = jiffies;
}

/* Lock-free: whoever moves the stamp adds the tokens of the time past. */
static bool mcs_event_take(struct mcs_bridge *mb)
{
	unsigned long now = jiffies, last = READ_ONCE(mb->events.stamp);
	unsigned long elapsed;
	int add, old, new;

	if (now != last && try_cmpxchg(&mb->events.stamp, &last, now)) {
		elapsed = now - last;
		add = elapsed >= HZ ? MCS_EVENT_BURST :
		      elapsed * MCS_EVENT_RATE / HZ;
		old = atomic_read(&mb->events.tokens);
		do {
			new = min(old + add, MCS_EVENT_BURST);
		} while (!atomic_try_cmpxchg(&mb->events.tokens, &old, new));
	}
	return atomic_dec_if_positive(&mb->events.tokens) >= 0;
}

static size_t mcs_event_size(void)
{
	return nla_total_size(sizeof(u8)) * 3 +		/* type, reason, family */
	       nla_total_size(sizeof(u32)) * 2 +	/* ifindexes */
	       nla_total_size(IFNAMSIZ) * 2 +
	       nla_total_size(sizeof(u16)) +
	       nla_total_size(sizeof(struct in6_addr)) * 3 +
	       nla_total_size(ETH_ALEN);
}

/* 4 bytes for an IPv4 (v4-mapped) address, 16 for IPv6. */
static int mcs_event_put_addr(struct sk_buff *skb, int attr,
			      const struct in6_addr *a)
{
	return a ? mcs_nl_put_addr(skb, attr, a) : 0;
}

static int mcs_event_fill(struct sk_buff *skb, const struct mcs_bridge *mb,
			  const struct mcs_event *ev)
{
	const struct mcs_port *port = ev->port;

	if (nla_put_u8(skb, MCSNOOP_A_EVENT_TYPE, ev->type) ||
	    (ev->reason &&
	     nla_put_u8(skb, MCSNOOP_A_EVENT_REASON, ev->reason)) ||
	    nla_put_u32(skb, MCSNOOP_A_EVENT_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_EVENT_BRIDGE_IFNAME, mb->dev->name) ||
	    (port &&
	     (nla_put_u32(skb, MCSNOOP_A_EVENT_PORT_IFINDEX,
			  port->dev->ifindex) ||
	      nla_put_string(skb, MCSNOOP_A_EVENT_PORT_IFNAME,
			     port->dev->name))) ||
	    (ev->has_vid && nla_put_u16(skb, MCSNOOP_A_EVENT_VID, ev->vid)) ||
	    (ev->family &&
	     nla_put_u8(skb, MCSNOOP_A_EVENT_FAMILY, ev->family)) ||
	    mcs_event_put_addr(skb, MCSNOOP_A_EVENT_GROUP, ev->group) ||
	    mcs_event_put_addr(skb, MCSNOOP_A_EVENT_ADDR, ev->addr) ||
	    mcs_event_put_addr(skb, MCSNOOP_A_EVENT_OLD_ADDR, ev->old_addr) ||
	    (ev->mac && nla_put(skb, MCSNOOP_A_EVENT_MAC, ETH_ALEN, ev->mac)))
		return -EMSGSIZE;
	return 0;
}

void mcs_event_send(struct mcs_bridge *mb, const struct mcs_event *ev)
{
	struct net *net = dev_net(mb->dev);
	struct sk_buff *skb;
	void *hdr;

	if (!genl_has_listeners(&mcs_genl_family, net, MCSNOOP_NLGRP_EVENTS))
		return;
	if (!mcs_event_take(mb))
		goto drop;
	skb = genlmsg_new(mcs_event_size(), GFP_ATOMIC);
	if (!skb)
		goto drop;
	hdr = genlmsg_put(skb, 0, 0, &mcs_genl_family, 0, MCSNOOP_CMD_EVENT);
	if (!hdr || mcs_event_fill(skb, mb, ev)) {
		/* The size above is the largest event: never. */
		WARN_ON_ONCE(1);
		nlmsg_free(skb);
		goto drop;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&mcs_genl_family, net, skb, 0,
				MCSNOOP_NLGRP_EVENTS, GFP_ATOMIC);
	return;
drop:
	mcs_stats_inc_any(mb->stats, MCS_CNT_EVENTS_DROPPED);
}

void mcs_event_member(struct mcs_bridge *mb, const struct mcs_port *port,
		      u16 vid, const struct in6_addr *group, u8 type,
		      u8 reason)
{
	struct mcs_event ev = {
		.type = type,
		.reason = reason,
		.has_vid = true,
		.vid = vid,
		.port = port,
		.group = group,
	};

	mcs_event_send(mb, &ev);
}

void mcs_event_denied(struct mcs_bridge *mb, const struct mcs_port *port,
		      u16 vid, const struct in6_addr *group,
		      const struct in6_addr *src)
{
	struct mcs_event ev = {
		.type = MCSNOOP_EVENT_MEMBER_DENIED,
		.reason = MCSNOOP_EVENT_REASON_FILTER,
		.has_vid = true,
		.vid = vid,
		.port = port,
		.group = group,
		.addr = src,
	};

	mcs_event_send(mb, &ev);
}

void mcs_event_fallback(struct mcs_bridge *mb, const struct mcs_port *port,
			u8 type, u8 reason)
{
	struct mcs_event ev = {
		.type = type,
		.reason = reason,
		.port = port,
	};

	mcs_event_send(mb, &ev);
}

static u8 mcs_event_via_reason(u8 via)
{
	switch (via) {
	case MCSNOOP_ROUTER_VIA_QUERY:
		return MCSNOOP_EVENT_REASON_QUERY;
	case MCSNOOP_ROUTER_VIA_MRD:
		return MCSNOOP_EVENT_REASON_MRD;
	case MCSNOOP_ROUTER_VIA_PIM:
		return MCSNOOP_EVENT_REASON_PIM;
	case MCSNOOP_ROUTER_VIA_STATIC:
		return MCSNOOP_EVENT_REASON_STATIC;
	}
	return MCSNOOP_EVENT_REASON_NONE;
}

static void mcs_event_router(struct mcs_port *port, enum mcs_proto proto,
			     u8 type, u8 reason)
{
	struct mcs_event ev = {
		.type = type,
		.reason = reason,
		.family = proto == MCS_IPV6 ? AF_INET6 : AF_INET,
		.port = port,
	};

	mcs_event_send(port->mb, &ev);
}

void mcs_event_router_sync(struct mcs_port *port, enum mcs_proto proto,
			   u8 del_reason)
{
	bool now = mcs_port_is_router(port, proto);

	if (now == test_bit(proto, &port->router_announced))
		return;
	/* Concurrent callers: the one that flips the bit announces. */
	if (now) {
		if (!test_and_set_bit(proto, &port->router_announced))
			mcs_event_router(port, proto, MCSNOOP_EVENT_ROUTER_ADD,
					 mcs_event_via_reason(mcs_port_router_via(port, proto)));
	} else if (test_and_clear_bit(proto, &port->router_announced)) {
		mcs_event_router(port, proto, MCSNOOP_EVENT_ROUTER_DEL,
				 del_reason);
	}
}

void mcs_event_routers_sync(struct mcs_port *port, u8 del_reason)
{
	int proto;

	for (proto = 0; proto < MCS_PROTO_MAX; proto++)
		mcs_event_router_sync(port, proto, del_reason);
}

void mcs_event_routers_gone(struct mcs_port *port, u8 del_reason)
{
	int proto;

	for (proto = 0; proto < MCS_PROTO_MAX; proto++)
		if (test_and_clear_bit(proto, &port->router_announced))
			mcs_event_router(port, proto, MCSNOOP_EVENT_ROUTER_DEL,
					 del_reason);
}
