// SPDX-License-Identifier: GPL-2.0
/*
 * Why memberships ended, kept for later. Events say it live, but they
 * are rate limited and nobody may listen; the admin asks afterwards
 * ("multicast worked for a few minutes and then stopped"). Each port and
 * the bridge's host keep their last removals, and a timeout records
 * whether a querier was heard while it ran: one that expired with no
 * query in its whole membership interval had no querier on the LAN.
 */
#include <linux/jiffies.h>
#include <linux/math64.h>
#include <net/genetlink.h>

#include "context.h"
#include "netlink.h"
#include "removals.h"
#include "table.h"

void mcs_removal_record(struct mcs_bridge *mb, struct mcs_port *port,
			const struct mcs_group *grp, u8 reason)
{
	struct mcs_removals *r = port ? &port->removals : &mb->host_removals;
	int proto = grp->ipv6 ? MCS_IPV6 : MCS_IPV4;
	struct mcs_removal *e = &r->ring[r->next];
	unsigned long now = jiffies, interval;
	const struct mcs_querier *q;
	const struct mcs_ctx *ctx;

	lockdep_assert_held(&mb->lock);
	e->group = grp->key.addr;
	e->vid = grp->key.vid;
	e->reason = reason;
	e->when = now;
	rcu_read_lock();
	/* Where the querier of the group's VLAN runs, if anywhere. */
	ctx = mcs_ctx_find(mb, grp->key.vid);
	q = ctx && ctx->present ? &ctx->querier[proto] : NULL;
	e->query_seen = q && q->query_seen;
	e->last_query = e->query_seen ? q->last_query : 0;
	rcu_read_unlock();
	interval = mcs_ctx_membership_interval(mb, grp->key.vid, proto);
	e->querier = e->query_seen &&
		     time_before_eq(now, e->last_query + interval);
	r->next = (r->next + 1) % MCS_REMOVALS_N;
	if (r->count < MCS_REMOVALS_N)
		r->count++;
}

/* Whole ms between two jiffies: 0 if the second is earlier, at most U32_MAX. */
static u32 mcs_ms_since(unsigned long from, unsigned long to)
{
	if (time_before(to, from))
		return 0;
	return min_t(u64, div_u64((u64)(to - from) * MSEC_PER_SEC, HZ),
		     U32_MAX);
}

static int mcs_nl_put_removal(struct sk_buff *skb,
			      const struct mcs_removal *e, unsigned long now)
{
	struct nlattr *nest = nla_nest_start(skb, MCSNOOP_A_REMOVAL_ENTRY);

	if (!nest ||
	    mcs_nl_put_addr(skb, MCSNOOP_A_REMOVAL_GROUP, &e->group) ||
	    nla_put_u16(skb, MCSNOOP_A_REMOVAL_VID, e->vid) ||
	    nla_put_u8(skb, MCSNOOP_A_REMOVAL_REASON, e->reason) ||
	    nla_put_u32(skb, MCSNOOP_A_REMOVAL_AGE, mcs_ms_since(e->when, now)) ||
	    nla_put_u8(skb, MCSNOOP_A_REMOVAL_QUERIER, e->querier) ||
	    (e->query_seen &&
	     nla_put_u32(skb, MCSNOOP_A_REMOVAL_LAST_QUERY,
			 mcs_ms_since(e->last_query, e->when))))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

int mcs_nl_put_removals(struct sk_buff *skb, int attr, struct mcs_bridge *mb,
			struct mcs_port *port)
{
	const struct mcs_removals *r = port ? &port->removals :
					      &mb->host_removals;
	struct nlattr *nest;
	unsigned long now;
	int i, err = 0;

	nest = nla_nest_start(skb, attr);
	if (!nest)
		return -EMSGSIZE;
	spin_lock_bh(&mb->lock);
	/* After the lock: no entry is newer. */
	now = jiffies;
	for (i = 1; i <= r->count && !err; i++)
		err = mcs_nl_put_removal(skb, &r->ring[(r->next + MCS_REMOVALS_N - i) %
						       MCS_REMOVALS_N], now);
	spin_unlock_bh(&mb->lock);
	if (err) {
		nla_nest_cancel(skb, nest);
		return err;
	}
	nla_nest_end(skb, nest);
	return 0;
}
