// SPDX-License-Identifier: GPL-2.0
/*
 * The in-kernel querier (RFC 2236 3, RFC 3376 6.6, RFC 2710 5, RFC 3810 7.6,
 * RFC 4541 2.1.1): per bridge, VLAN and protocol it takes part in the
 * election (mode auto) or sends proxy queries while no querier is heard
 * (mode proxy), general queries at startup and every query interval,
 * group(-and-source)-specific queries after leaves, and a general query
 * when the topology changes.
 *
 * One timer per bridge runs everything that is due; all state is under
 * the bridge's lock. Queries are built by query.c and sent on each port
 * like frames of the bridge device (NF_BR_LOCAL_OUT, tagged where the port
 * is tagged), plus a copy for the bridge's own IP stack.
 */
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>
#include <linux/inetdevice.h>
#include <linux/netfilter_bridge.h>
#include <linux/slab.h>
#include <net/addrconf.h>
#include <net/ipv6.h>

#include "br_exports.h"
#include "context.h"
#include "events.h"
#include "hooks.h"
#include "objects.h"
#include "querier.h"
#include "query.h"

/* Group-specific queries waiting for their turn; bounded per bridge. */
#define MCS_GSQ_MAX 256

/* MRD solicitations after a port came up, and their spacing. */
#define MCS_SOLICITS_PORT_UP 3
#define MCS_SOLICIT_INTERVAL (2 * HZ)

struct mcs_gsq {
	struct list_head list;
	struct in6_addr group;
	u16 vid;
	u8 proto;
	u8 left;			/* queries still to send */
	int ifindex;			/* the port that left */
	unsigned long next;
	u16 nsrc;
	struct mcs_addr sources[];
};

static bool mcs_in6_any(const struct in6_addr *a)
{
	return ipv6_addr_any(a) ||
	       (ipv6_addr_v4mapped(a) && !a->s6_addr32[3]);
}

/* Lower address wins; IPv4 addresses are v4-mapped, compared as such. */
static int mcs_addr_cmp(const struct in6_addr *a, const struct in6_addr *b)
{
	return memcmp(a, b, sizeof(*a));
}

/* The device that holds the bridge's addresses on vid. */
static struct net_device *mcs_vlan_dev(const struct mcs_bridge *mb, u16 vid,
				       u16 vlan_proto)
{
	struct net_device *dev;
	u16 pvid = 0;

	if (!vid)
		return mb->dev;
	dev = __vlan_find_dev_deep_rcu(mb->dev, htons(vlan_proto), vid);
	if (dev)
		return dev;
	/* Untagged on the bridge device itself: its own addresses. */
	if (!br_vlan_get_pvid_rcu(mb->dev, &pvid) && pvid == vid)
		return mb->dev;
	return NULL;
}

static bool mcs_dev_addr4(struct net_device *dev, struct in6_addr *addr)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;

	if (!in_dev)
		return false;
	in_dev_for_each_ifa_rcu(ifa, in_dev) {
		if (ifa->ifa_flags & IFA_F_SECONDARY)
			continue;
		ipv6_addr_set_v4mapped(ifa->ifa_local, addr);
		return true;
	}
	return false;
}

/* Whether a is on one of dev's IPv4 subnets; true when dev has none. */
static bool mcs_dev_onlink4(struct net_device *dev, __be32 a)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;
	bool any = false;

	if (!in_dev)
		return true;
	in_dev_for_each_ifa_rcu(ifa, in_dev) {
		any = true;
		if (inet_ifa_match(a, ifa))
			return true;
	}
	return !any;
}

bool mcs_querier_addr4_plausible(const struct mcs_bridge *mb, u16 vid,
				 __be32 a)
{
	struct net_device *dev;
	bool ok;

	if (ipv4_is_zeronet(a) || ipv4_is_linklocal_169(a))
		return false;
	rcu_read_lock();
	dev = mcs_vlan_dev(mb, vid, ETH_P_8021Q);
	ok = !dev || mcs_dev_onlink4(dev, a);
	rcu_read_unlock();
	return ok;
}

static void mcs_configured_addr(const struct mcs_settings *s, int proto,
				struct in6_addr *addr)
{
	if (proto == MCS_IPV6)
		*addr = s->addr6;
	else if (s->addr4)
		ipv6_addr_set_v4mapped(s->addr4, addr);
	else
		memset(addr, 0, sizeof(*addr));
}

bool mcs_querier_own_addr(const struct mcs_bridge *mb,
			  const struct mcs_querier *q, struct in6_addr *addr)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));
	u16 vlan_proto = ETH_P_8021Q, vid = q->vid;
	int proto = q->proto;
	struct net_device *dev;

	mcs_configured_addr(s, proto, addr);
	if (!ipv6_addr_any(addr))
		return true;
	if (vid)
		br_vlan_get_proto(mb->dev, &vlan_proto);
	dev = mcs_vlan_dev(mb, vid, vlan_proto);
	if (!dev)
		return false;
	if (proto == MCS_IPV4)
		return mcs_dev_addr4(dev, addr);
	/* A link-local destination gets a source of dev itself. */
	return !ipv6_dev_get_saddr(dev_net(dev), dev,
				   &in6addr_linklocal_allnodes, 0, addr) &&
	       ipv6_addr_type(addr) & IPV6_ADDR_LINKLOCAL;
}

bool mcs_querier_proxy_only(const struct mcs_bridge *mb,
			    const struct mcs_querier *q, unsigned long now)
{
	struct in6_addr src;

	return q->proxy_until && time_before(now, q->proxy_until) &&
	       !(q->other && time_before(now, q->other_expires)) &&
	       mcs_querier_role(mb, q, now, &src) !=
	       MCSNOOP_QUERIER_ROLE_QUERIER;
}

unsigned int mcs_querier_proxy_only_count(struct mcs_bridge *mb)
{
	unsigned long now = jiffies, vid;
	struct mcs_ctx *ctx;
	unsigned int n = 0;
	int proto;

	rcu_read_lock();
	spin_lock_bh(&mb->lock);
	for (vid = 0; (ctx = mcs_ctx_next_present(mb, &vid)); vid++)
		for (proto = 0; proto < MCS_PROTO_MAX; proto++)
			n += mcs_querier_proxy_only(mb, &ctx->querier[proto],
						    now);
	spin_unlock_bh(&mb->lock);
	rcu_read_unlock();
	return n;
}

u8 mcs_querier_role(const struct mcs_bridge *mb, const struct mcs_querier *q,
		    unsigned long now, struct in6_addr *src)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));
	bool own = mcs_querier_own_addr(mb, q, src);
	u8 mode = s->querier;

	if (mode == MCSNOOP_QUERIER_OFF)
		return MCSNOOP_QUERIER_ROLE_OFF;
	if (q->other && time_before(now, q->other_expires))
		return MCSNOOP_QUERIER_ROLE_OTHER;
	if (mode == MCSNOOP_QUERIER_AUTO && own)
		return MCSNOOP_QUERIER_ROLE_QUERIER;
	if (!s->proxy_query)
		return MCSNOOP_QUERIER_ROLE_IDLE;
	/* MLD queries must come from a link-local address, never ::. */
	if (q->proto == MCS_IPV6)
		return own && ipv6_addr_type(src) & IPV6_ADDR_LINKLOCAL ?
		       MCSNOOP_QUERIER_ROLE_PROXY : MCSNOOP_QUERIER_ROLE_IDLE;
	ipv6_addr_set_v4mapped(0, src);
	return MCSNOOP_QUERIER_ROLE_PROXY;
}

/* Other Querier Present Interval: router-timeout, or RV x QI + QRI / 2. */
static unsigned long mcs_other_interval(const struct mcs_bridge *mb,
					const struct mcs_settings *s,
					const struct mcs_msg *msg)
{
	u32 qi = s->query_interval;
	u32 rv = s->robustness;

	if (READ_ONCE(mb->cfg.router_timeout))
		return msecs_to_jiffies(READ_ONCE(mb->cfg.router_timeout));
	/* The elected querier's own values, where it tells them. */
	if (msg->qrv)
		rv = msg->qrv;
	if (msg->qqi)
		qi = msg->qqi * 1000;
	return msecs_to_jiffies(rv * qi + msg->max_resp_ms / 2);
}

/* Startup Query Count queries, Startup Query Interval apart, from now. */
static void mcs_querier_startup(struct mcs_querier *q, unsigned long now)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));

	q->startup_left = mcs_settings_startup_count(s) - 1;
	q->next_query = now;
}

/* The querier of vid and proto, where it runs (bridge lock held). */
static struct mcs_querier *mcs_querier_find(struct mcs_bridge *mb, u16 vid,
					    int proto)
{
	struct mcs_ctx *ctx = mcs_ctx_find(mb, vid);

	lockdep_assert_held(&mb->lock);
	return ctx && ctx->present ? &ctx->querier[proto] : NULL;
}

static void mcs_querier_kick(struct mcs_bridge *mb, unsigned long when)
{
	lockdep_assert_held(&mb->lock);
	if (!mb->querier.stopped)
		timer_reduce(&mb->querier.timer, when);
}

void mcs_querier_heard(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		       const struct mcs_msg *msg, const u8 *src_mac)
{
	int proto = msg->ipv6 ? MCS_IPV6 : MCS_IPV4;
	unsigned long now = jiffies;
	struct in6_addr own, old, src = msg->src.in6;
	struct mcs_event ev = {
		.type = MCSNOOP_EVENT_QUERIER_ELECTED,
		.reason = MCSNOOP_EVENT_REASON_ELECTION,
		.has_vid = true,
		.vid = vid,
		.family = proto == MCS_IPV6 ? AF_INET6 : AF_INET,
		.port = port,
		.addr = &msg->src.in6,
		.mac = src_mac,
	};
	const struct mcs_settings *s;
	struct mcs_adopted *adopted;
	struct mcs_querier *q;
	u8 mode, version;
	bool own_ok;

	spin_lock(&mb->lock);
	q = mb->querier.stopped ? NULL : mcs_querier_find(mb, vid, proto);
	if (!q)
		goto out;
	s = mcs_ctx_settings(mcs_querier_ctx(q));
	q->heard++;
	if (mcs_in6_any(&msg->group.in6)) {
		q->query_seen = true;
		q->last_query = now;
	}
	/*
	 * IGMP: only general queries elect, set the other querier's timers
	 * or make ours fall back (RFC 9776 6.6.2; RFC 9777 7.6.2 keeps "a
	 * query" for MLD).
	 */
	if (proto == MCS_IPV4 && !mcs_in6_any(&msg->group.in6))
		goto out;
	/* A proxy query takes no part in the election (RFC 4541 2.1.1). */
	if (mcs_in6_any(&src)) {
		q->proxy_heard++;
		q->proxy_until = now + mcs_other_interval(mb, s, msg);
		if (!q->proxy_only && mcs_querier_proxy_only(mb, q, now)) {
			q->proxy_only = true;
			ev.type = MCSNOOP_EVENT_QUERIER_PROXY_ONLY;
			ev.reason = MCSNOOP_EVENT_REASON_NONE;
			ev.addr = NULL;
			mcs_event_send(mb, &ev);
			net_info_ratelimited("%s: only 0.0.0.0 queries heard (vid %u, %s, on %s): no querier with an address\n",
					     mb->dev->name, vid,
					     proto == MCS_IPV6 ? "MLD" : "IGMP",
					     port->dev->name);
		}
		goto out;
	}
	/*
	 * Hosts with reverse-path filtering drop queries from off their
	 * subnet, and every host a link-local (169.254/16) source: such a
	 * querier never wins, so that ours goes on querying.
	 */
	if (proto == MCS_IPV4 &&
	    !mcs_querier_addr4_plausible(mb, vid, src.s6_addr32[3])) {
		bool news = !q->bogus || !ipv6_addr_equal(&q->bogus_addr, &src);

		q->bogus++;
		q->bogus_addr = src;
		if (news) {
			ev.type = MCSNOOP_EVENT_QUERIER_BOGUS;
			ev.reason = MCSNOOP_EVENT_REASON_NONE;
			mcs_event_send(mb, &ev);
		}
		net_warn_ratelimited("%s: query from %pI4 on %s, not on the bridge's subnet: hosts may ignore it; not elected\n",
				     mb->dev->name, &src.s6_addr32[3],
				     port->dev->name);
		goto out;
	}
	mode = s->querier;
	own_ok = mode == MCSNOOP_QUERIER_AUTO &&
		 mcs_querier_own_addr(mb, q, &own) &&
		 !(proto == MCS_IPV6 && !(ipv6_addr_type(&own) &
					  IPV6_ADDR_LINKLOCAL));
	/* In the election we stay querier against a higher address. */
	if (own_ok && mcs_addr_cmp(&own, &src) < 0)
		goto version;
	/* A new querier elected: the one before, or we if we queried. */
	if (q->other) {
		old = q->other_addr;
		ev.old_addr = &old;
	} else if (own_ok && q->active) {
		ev.old_addr = &own;
	}
	if (!q->other || !ipv6_addr_equal(&q->other_addr, &src))
		mcs_event_send(mb, &ev);
	q->other = true;
	q->other_addr = src;
	q->other_ifindex = port->dev->ifindex;
	ether_addr_copy(q->other_mac, src_mac);
	q->other_qi_ms = msg->qqi ? msg->qqi * 1000 : s->query_interval;
	q->other_qri_ms = msg->max_resp_ms;
	q->other_qrv = msg->qrv ?: s->robustness;
	q->other_version = msg->version;
	q->other_expires = now + mcs_other_interval(mb, s, msg);
	/* Its robustness and interval rule our timeouts (RFC 3376 8.1). */
	if (msg->qrv && msg->qqi) {
		adopted = &mcs_querier_ctx(q)->adopted[proto];
		WRITE_ONCE(adopted->qrv, msg->qrv);
		WRITE_ONCE(adopted->qi_ms, msg->qqi * 1000);
		WRITE_ONCE(adopted->qri_ms, msg->max_resp_ms);
		WRITE_ONCE(adopted->until, q->other_expires);
	}
	/* Take over with startup queries when it falls silent. */
	mcs_querier_kick(mb, q->other_expires);
version:
	version = mcs_settings_version(s, proto);
	if (msg->version < version) {
		q->older_version = msg->version;
		q->older_expires = now + mcs_other_interval(mb, s, msg);
	}
out:
	spin_unlock(&mb->lock);
}

/*
 * The version of our queries now: older hosts need none of their own, as
 * they answer newer queries (RFC 3376 7.2.1, RFC 3810 8.2.1), and a newer
 * query keeps newer hosts in their own version (a v3 host that hears a
 * v2 query falls back to v2 for every group).
 */
u8 mcs_querier_version(const struct mcs_querier *q, unsigned long now)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));
	u8 version = mcs_settings_version(s, q->proto);

	if (q->older_version && time_before(now, q->older_expires))
		version = min(version, q->older_version);
	return version;
}

/* IGMPv1 hosts answer v2 queries; we never send v1. */
static u8 mcs_query_version(const struct mcs_querier *q, unsigned long now)
{
	u8 version = mcs_querier_version(q, now);

	return q->proto == MCS_IPV4 ? max_t(u8, version, 2) : version;
}

static struct sk_buff *mcs_query_skb(struct mcs_bridge *mb,
				     const struct mcs_query_params *p)
{
	unsigned int len = mcs_query_len(p);
	struct sk_buff *skb;

	if (!len)
		return NULL;
	skb = alloc_skb(NET_IP_ALIGN + max_t(unsigned int, len, ETH_ZLEN),
			GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, NET_IP_ALIGN);
	mcs_query_build(skb_put(skb, len), p);
	if (len < ETH_ZLEN)
		skb_put_zero(skb, ETH_ZLEN - len);
	skb_reset_mac_header(skb);
	skb->protocol = eth_hdr(skb)->h_proto;
	skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
	skb->priority = TC_PRIO_CONTROL;
	return skb;
}

/* Hand a query to the bridge's own IP stack, as if a port sent it. */
static void mcs_query_local(struct mcs_bridge *mb, struct mcs_querier *q,
			    struct mcs_query_params *p, bool vlans,
			    u16 vlan_proto)
{
	struct bridge_vlan_info vinfo;
	struct sk_buff *skb;

	if (vlans && br_vlan_get_info_rcu(mb->dev, q->vid, &vinfo))
		return;
	/* IPv4 refuses its own source address: 0.0.0.0 is accepted. */
	if (q->proto == MCS_IPV4)
		ipv6_addr_set_v4mapped(0, &p->src.in6);
	skb = mcs_query_skb(mb, p);
	if (!skb)
		return;
	skb_push(skb, ETH_HLEN);
	skb->protocol = eth_type_trans(skb, mb->dev);
	if (vlans && !(vinfo.flags & BRIDGE_VLAN_INFO_UNTAGGED))
		__vlan_hwaccel_put_tag(skb, htons(vlan_proto), q->vid);
	netif_rx(skb);
}

/*
 * Send one query on every forwarding port of q's VLAN (non_routers: but
 * its router ports), or on the port ifindex only.
 */
static void mcs_query_send(struct mcs_bridge *mb, struct mcs_querier *q,
			   struct mcs_query_params *p, int ifindex,
			   bool non_routers, unsigned long now)
{
	bool vlans = br_vlan_enabled(mb->dev);
	struct bridge_vlan_info vinfo = {};
	u16 vlan_proto = ETH_P_8021Q;
	struct sk_buff *query, *skb;
	struct mcs_port *port;
	bool sent = false;

	p->version = mcs_query_version(q, now);
	/* IGMPv2 and MLDv1 ask for the group, not sources. */
	if (p->version < (q->proto == MCS_IPV4 ? 3 : 2))
		p->nsrc = 0;
	query = mcs_query_skb(mb, p);
	if (!query)
		return;
	if (vlans)
		br_vlan_get_proto(mb->dev, &vlan_proto);
	list_for_each_entry_rcu(port, &mb->port_list, list) {
		if ((ifindex && port->dev->ifindex != ifindex) ||
		    (non_routers &&
		     mcs_port_routes_vid(port, q->proto, vlans ? q->vid : 0)))
			continue;
		if (READ_ONCE(port->stp_state) != BR_STATE_FORWARDING ||
		    !netif_running(port->dev))
			continue;
		if (vlans && br_vlan_get_info_rcu(port->dev, q->vid, &vinfo))
			continue;
		skb = skb_clone(query, GFP_ATOMIC);
		if (!skb)
			continue;
		if (vlans && !(vinfo.flags & BRIDGE_VLAN_INFO_UNTAGGED))
			__vlan_hwaccel_put_tag(skb, htons(vlan_proto), q->vid);
		skb->dev = port->dev;
		/* Our own query: not the host's to learn from. */
		mcs_hooks_own_frame(skb);
		NF_HOOK(NFPROTO_BRIDGE, NF_BR_LOCAL_OUT, dev_net(port->dev),
			NULL, skb, NULL, port->dev, br_dev_queue_push_xmit);
		sent = true;
	}
	mcs_hooks_own_frame(NULL);
	kfree_skb(query);
	/* The host's own stack gets our queries, not our solicitations. */
	if (!ifindex && !p->mrd_solicit)
		mcs_query_local(mb, q, p, vlans, vlan_proto);
	if (sent && !p->mrd_solicit) {
		q->sent++;
		if (mcs_in6_any(&p->group.in6)) {
			q->query_seen = true;
			q->last_query = now;
		}
	}
}

/*
 * An MRD solicitation (RFC 4286 5.1) on every port of q's VLAN, so that
 * routers that speak MRD advertise at once rather than at their next
 * interval. From our address (IPv4: 0.0.0.0 without one; IPv6: none
 * without a link-local one); whatever our role, since it is snooping's.
 */
static void mcs_querier_solicit(struct mcs_bridge *mb, struct mcs_querier *q,
				unsigned long now)
{
	struct mcs_query_params p = {
		.ipv6 = q->proto == MCS_IPV6,
		.mrd_solicit = true,
	};

	ether_addr_copy(p.src_mac, mb->dev->dev_addr);
	if (!mcs_querier_own_addr(mb, q, &p.src.in6) &&
	    q->proto == MCS_IPV4)
		ipv6_addr_set_v4mapped(0, &p.src.in6);
	mcs_query_send(mb, q, &p, 0, false, now);
}

/*
 * count solicitations from now on. One when a querier starts (enable, a
 * VLAN came): the routers are up and listening. MCS_SOLICITS_PORT_UP when
 * a port came up: a router whose link came up with it may not listen yet
 * when the first one comes (smcroute joins 224.0.0.2 only once it saw its
 * carrier), and its next advertisement may be minutes away. IPv6 hosts
 * repeat router solicitations for the same reason (RFC 4861 6.3.7).
 */
static void mcs_querier_solicit_soon(struct mcs_querier *q, u8 count)
{
	q->solicits_left = count;
	q->next_solicit = jiffies;
}

static void mcs_query_params_init(struct mcs_bridge *mb,
				  const struct mcs_querier *q,
				  const struct in6_addr *src,
				  struct mcs_query_params *p)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));

	memset(p, 0, sizeof(*p));
	p->ipv6 = q->proto == MCS_IPV6;
	ether_addr_copy(p->src_mac, mb->dev->dev_addr);
	p->src.in6 = *src;
	if (!p->ipv6)
		ipv6_addr_set_v4mapped(0, &p->group.in6);
	p->max_resp_ms = s->query_response_interval;
	p->qrv = s->robustness;
	p->qqi_s = s->query_interval / 1000;
}

/* LOST (the other querier, where it was) or TAKEOVER (our address). */
static void mcs_querier_event(struct mcs_bridge *mb,
			      const struct mcs_querier *q, u8 type, u8 reason,
			      const struct in6_addr *addr)
{
	bool lost = type == MCSNOOP_EVENT_QUERIER_LOST;
	struct mcs_event ev = {
		.type = type,
		.reason = reason,
		.has_vid = true,
		.vid = q->vid,
		.family = q->proto == MCS_IPV6 ? AF_INET6 : AF_INET,
		.addr = addr,
		.mac = lost ? q->other_mac : NULL,
		.port = lost ? mcs_port_find(mb, q->other_ifindex) : NULL,
	};

	mcs_event_send(mb, &ev);
}

/* q's general query if it is due; returns when its next one is. */
static unsigned long mcs_querier_general_one(struct mcs_bridge *mb,
					     struct mcs_querier *q,
					     unsigned long now,
					     unsigned long next)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));
	struct mcs_query_params p;
	struct in6_addr src;
	u32 interval;
	bool active;
	u8 role;

	if (q->solicits_left && !time_before(now, q->next_solicit)) {
		q->solicits_left--;
		mcs_querier_solicit(mb, q, now);
		q->next_solicit = now + MCS_SOLICIT_INTERVAL;
	}
	if (q->solicits_left && time_before(q->next_solicit, next))
		next = q->next_solicit;
	/* A new episode of proxy queries alone is announced again. */
	if (q->proxy_only && !mcs_querier_proxy_only(mb, q, now))
		q->proxy_only = false;
	role = mcs_querier_role(mb, q, now, &src);
	if (q->other && !time_before(now, q->other_expires)) {
		/* The other querier fell silent: take over. */
		mcs_querier_event(mb, q, MCSNOOP_EVENT_QUERIER_LOST,
				  MCSNOOP_EVENT_REASON_TIMEOUT,
				  &q->other_addr);
		q->other = false;
		mcs_querier_startup(q, now);
	}
	active = role == MCSNOOP_QUERIER_ROLE_QUERIER ||
		 role == MCSNOOP_QUERIER_ROLE_PROXY;
	if (active && !q->active) {
		mcs_querier_startup(q, now);
		/* A proxy querier's 0.0.0.0 or :: is no address. */
		mcs_querier_event(mb, q, MCSNOOP_EVENT_QUERIER_TAKEOVER,
				  MCSNOOP_EVENT_REASON_STARTUP,
				  role == MCSNOOP_QUERIER_ROLE_QUERIER ?
				  &src : NULL);
	}
	q->active = active;
	if (q->topology_query) {
		q->topology_query = false;
		/* RFC 4541 2.1.1 (4): a proxy query when another querier is
		 * in charge, on non-router ports only: a querier that hears
		 * 0.0.0.0 may yield to it (the Linux bridge's does).
		 */
		if (role == MCSNOOP_QUERIER_ROLE_OTHER &&
		    q->proto == MCS_IPV4 && s->proxy_query) {
			ipv6_addr_set_v4mapped(0, &src);
			mcs_query_params_init(mb, q, &src, &p);
			mcs_query_send(mb, q, &p, 0, true, now);
		} else if (active) {
			q->next_query = now;
		}
	}
	if (q->other && time_before(q->other_expires, next))
		next = q->other_expires;
	if (!active)
		return next;
	if (!time_before(now, q->next_query)) {
		mcs_query_params_init(mb, q, &src, &p);
		mcs_query_send(mb, q, &p, 0, false, now);
		if (q->startup_left) {
			q->startup_left--;
			interval = mcs_settings_startup_interval_ms(s);
		} else {
			interval = s->query_interval;
		}
		q->next_query = now + msecs_to_jiffies(interval);
	}
	return time_before(q->next_query, next) ? q->next_query : next;
}

/* General queries that are due; returns when the next one is. */
static unsigned long mcs_querier_general(struct mcs_bridge *mb,
					 unsigned long now, unsigned long next)
{
	struct mcs_ctx *ctx;
	unsigned long vid;
	int proto;

	for (vid = 0; (ctx = mcs_ctx_next_present(mb, &vid)); vid++)
		for (proto = 0; proto < MCS_PROTO_MAX; proto++)
			next = mcs_querier_general_one(mb, &ctx->querier[proto],
						       now, next);
	return next;
}

/* Group-specific queries that are due; returns when the next one is. */
static unsigned long mcs_querier_specific(struct mcs_bridge *mb,
					  unsigned long now, unsigned long next)
{
	const struct mcs_settings *s;
	struct mcs_query_params p;
	struct mcs_gsq *g, *tmp;
	struct mcs_querier *q;
	struct in6_addr src;
	u8 role;

	list_for_each_entry_safe(g, tmp, &mb->querier.gsqs, list) {
		if (time_before(now, g->next)) {
			if (time_before(g->next, next))
				next = g->next;
			continue;
		}
		q = mcs_querier_find(mb, g->vid, g->proto);
		role = q ? mcs_querier_role(mb, q, now, &src) :
			   MCSNOOP_QUERIER_ROLE_OFF;
		if (role == MCSNOOP_QUERIER_ROLE_OFF)
			goto done;
		s = mcs_ctx_settings(mcs_querier_ctx(q));
		if (role == MCSNOOP_QUERIER_ROLE_QUERIER ||
		    role == MCSNOOP_QUERIER_ROLE_PROXY) {
			mcs_query_params_init(mb, q, &src, &p);
			p.group.in6 = g->group;
			p.max_resp_ms = s->last_member_interval;
			p.nsrc = g->nsrc;
			p.sources = g->sources;
			mcs_query_send(mb, q, &p, g->ifindex, false, now);
		}
		if (--g->left) {
			g->next = now + msecs_to_jiffies(s->last_member_interval);
			if (time_before(g->next, next))
				next = g->next;
			continue;
		}
done:
		list_del(&g->list);
		mb->querier.gsq_count--;
		kfree(g);
		mcs_object_gone(MCS_OBJ_QUERY);
	}
	return next;
}

static void mcs_querier_run(struct timer_list *t)
{
	struct mcs_bridge *mb = from_timer(mb, t, querier.timer);
	unsigned long now = jiffies, next = now + 60 * HZ;

	rcu_read_lock();
	spin_lock(&mb->lock);
	if (mb->querier.stopped)
		goto out;
	next = mcs_querier_general(mb, now, next);
	next = mcs_querier_specific(mb, now, next);
	mod_timer(&mb->querier.timer, time_after(next, now) ? next : now + 1);
out:
	spin_unlock(&mb->lock);
	rcu_read_unlock();
}

void mcs_querier_leave(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		       bool ipv6, const struct in6_addr *group,
		       const struct in6_addr *sources, unsigned int nsrc)
{
	struct mcs_querier *q;
	struct mcs_gsq *g;
	struct in6_addr src;
	unsigned int i;
	u8 role;

	lockdep_assert_held(&mb->lock);
	q = mcs_querier_find(mb, vid, ipv6 ? MCS_IPV6 : MCS_IPV4);
	if (!q || mb->querier.stopped || mb->querier.gsq_count >= MCS_GSQ_MAX)
		return;
	role = mcs_querier_role(mb, q, jiffies, &src);
	if (role != MCSNOOP_QUERIER_ROLE_QUERIER &&
	    role != MCSNOOP_QUERIER_ROLE_PROXY)
		return;
	/* Too many sources: a group-specific query asks for them all. */
	if (nsrc > MCS_QUERY_MAX_SOURCES)
		nsrc = 0;
	g = kzalloc(struct_size(g, sources, nsrc), GFP_ATOMIC);
	if (!g)
		return;
	mcs_object_new(MCS_OBJ_QUERY);
	g->group = *group;
	g->vid = vid;
	g->proto = q->proto;
	g->left = mcs_ctx_settings(mcs_querier_ctx(q))->last_member_count;
	g->ifindex = port->dev->ifindex;
	g->next = jiffies;
	g->nsrc = nsrc;
	for (i = 0; i < nsrc; i++)
		g->sources[i].in6 = sources[i];
	list_add_tail(&g->list, &mb->querier.gsqs);
	mb->querier.gsq_count++;
	mcs_querier_kick(mb, jiffies);
}

void mcs_querier_reconfigure(struct mcs_bridge *mb, bool restart, int vid)
{
	const struct mcs_settings *s;
	unsigned long now = jiffies, due, idx;
	struct mcs_querier *q;
	struct mcs_ctx *ctx;
	int proto;

	/* One lock hold: a timer run between a kick and the restart would
	 * send a query of its own, and the restart a second one.
	 */
	rcu_read_lock();
	spin_lock_bh(&mb->lock);
	for (idx = 0; (ctx = mcs_ctx_next_present(mb, &idx)); idx++) {
		s = mcs_ctx_settings(ctx);
		for (proto = 0; proto < MCS_PROTO_MAX; proto++) {
			q = &ctx->querier[proto];
			if (restart && (vid < 0 || ctx->vid == vid))
				mcs_querier_startup(q, now);
			/* A shorter interval applies from now, not the next query. */
			due = now + msecs_to_jiffies(q->startup_left ?
					mcs_settings_startup_interval_ms(s) :
					s->query_interval);
			if (time_after(q->next_query, due))
				q->next_query = due;
		}
	}
	/* Roles are worked out afresh. */
	mcs_querier_kick(mb, now);
	spin_unlock_bh(&mb->lock);
	rcu_read_unlock();
}

void mcs_querier_topology(struct mcs_bridge *mb)
{
	struct mcs_ctx *ctx;
	unsigned long vid;
	int proto;

	spin_lock_bh(&mb->lock);
	for (vid = 0; (ctx = mcs_ctx_next_present(mb, &vid)); vid++) {
		for (proto = 0; proto < MCS_PROTO_MAX; proto++) {
			ctx->querier[proto].topology_query = true;
			mcs_querier_solicit_soon(&ctx->querier[proto],
						 MCS_SOLICITS_PORT_UP);
		}
	}
	mcs_querier_kick(mb, jiffies);
	spin_unlock_bh(&mb->lock);
}

void mcs_querier_present(struct mcs_bridge *mb, struct mcs_ctx *ctx,
			 bool present)
{
	struct mcs_querier *q;
	int proto;

	ASSERT_RTNL();
	rcu_read_lock();
	spin_lock_bh(&mb->lock);
	ctx->present = present;
	/* A querier that comes (back) starts afresh, as a router does. */
	for (proto = 0; present && proto < MCS_PROTO_MAX; proto++) {
		q = &ctx->querier[proto];
		memset(q, 0, sizeof(*q));
		q->vid = ctx->vid;
		q->proto = proto;
		mcs_querier_solicit_soon(q, 1);
		mcs_querier_startup(q, jiffies);
	}
	if (present)
		mcs_querier_kick(mb, jiffies);
	spin_unlock_bh(&mb->lock);
	rcu_read_unlock();
}

void mcs_querier_init(struct mcs_bridge *mb)
{
	INIT_LIST_HEAD(&mb->querier.gsqs);
	timer_setup(&mb->querier.timer, mcs_querier_run, 0);
	mb->querier.stopped = true;
}

void mcs_querier_start(struct mcs_bridge *mb)
{
	spin_lock_bh(&mb->lock);
	mb->querier.stopped = false;
	mod_timer(&mb->querier.timer, jiffies);
	spin_unlock_bh(&mb->lock);
}

void mcs_querier_stop(struct mcs_bridge *mb)
{
	struct mcs_gsq *g, *gtmp;

	spin_lock_bh(&mb->lock);
	mb->querier.stopped = true;
	spin_unlock_bh(&mb->lock);
	/* The timer re-arms only while not stopped. */
	del_timer_sync(&mb->querier.timer);
	/* Under the lock: a dump that found the bridge may still read. */
	spin_lock_bh(&mb->lock);
	list_for_each_entry_safe(g, gtmp, &mb->querier.gsqs, list) {
		list_del(&g->list);
		kfree(g);
		mcs_object_gone(MCS_OBJ_QUERY);
	}
	mb->querier.gsq_count = 0;
	spin_unlock_bh(&mb->lock);
}
