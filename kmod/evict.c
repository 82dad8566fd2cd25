// SPDX-License-Identifier: GPL-2.0
/*
 * Eviction: max-groups of a port or of the bridge lowered below what the
 * table holds. See mcs_table_evict() in table.h.
 */
#include <linux/jiffies.h>

#include "events.h"
#include "overflow.h"
#include "port_vlan.h"
#include "table.h"

/*
 * Lowering max-groups below the table's size evicts learnt state, what
 * expires soonest first. The candidates: with a port, its dynamic
 * memberships; for the bridge, the groups without a static member (all
 * their memberships go, and the group with them). Each lasts "delta"
 * more jiffies. Without allocating under the lock, a binary search over
 * delta finds the threshold: everything below it goes, and of what
 * expires exactly then, as much as is still over the limit.
 */
struct mcs_evict {
	struct mcs_bridge *mb;
	struct mcs_port *port;		/* NULL: the bridge's limit */
	int vid;			/* >= 0: the port's limit on it */
	unsigned long now;
};

/* Whether grp holds a candidate, and how long it lasts. */
static bool mcs_evict_delta(const struct mcs_evict *ev,
			    const struct mcs_group *grp, unsigned long *delta)
{
	const struct mcs_member *m;
	unsigned long e = ev->now;
	bool found = false;

	if (ev->vid >= 0 && grp->key.vid != ev->vid)
		return false;
	if (!ev->port && grp->overflow && time_after(grp->overflow_expires, e))
		e = grp->overflow_expires;
	/* A port's memberships of grp: its hosts' (hosts.c), or the port's. */
	hlist_for_each_entry(m, &grp->members, node) {
		unsigned long me;

		if (ev->port && m->port != ev->port)
			continue;
		if (m->is_static)
			return false;
		found = true;
		me = mcs_member_expires(m, ev->now);
		if (time_after(me, e))
			e = me;
	}
	*delta = e - ev->now;
	return found || !ev->port;
}

/* Candidates that last at most max jiffies; *longest: the longest. */
static unsigned int mcs_evict_count(const struct mcs_evict *ev,
				    unsigned long max, unsigned long *longest)
{
	const struct mcs_group *grp;
	unsigned long delta;
	unsigned int n = 0;

	lockdep_assert_held(&ev->mb->lock);
	*longest = 0;
	list_for_each_entry(grp, &ev->mb->group_list, list) {
		if (!mcs_evict_delta(ev, grp, &delta) || delta > max)
			continue;
		n++;
		if (delta > *longest)
			*longest = delta;
	}
	return n;
}

static void mcs_evict_one(const struct mcs_evict *ev, struct mcs_group *grp)
{
	struct mcs_member *m;
	struct hlist_node *tmp;

	lockdep_assert_held(&ev->mb->lock);
	if (!ev->port) {
		grp->overflow = false;
		/* Out of the table, the group floods (overflow.c). */
		mcs_overflow_mark(ev->mb, &grp->key.addr, grp->key.vid);
	}
	hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
		if (ev->port && m->port != ev->port)
			continue;
		if (mcs_member_remove(ev->mb, grp, m, MCSNOOP_EVENT_REASON_LIMIT))
			return;
	}
	/* An overflow mark without members. */
	if (hlist_empty(&grp->members) && !grp->overflow)
		mcs_group_free(ev->mb, grp);
}

static void mcs_evict(struct mcs_bridge *mb, struct mcs_port *port, int vid)
{
	struct mcs_evict ev = { .mb = mb, .port = port, .vid = vid };
	struct mcs_port_vlan *pv = NULL;
	unsigned long lo, hi, mid, longest, delta;
	unsigned int count, limit, excess, n, at_hi;
	struct mcs_group *grp, *gtmp;

	spin_lock_bh(&mb->lock);
	rcu_read_lock();
	ev.now = jiffies;
	/* What expired goes as such, not for the limit. */
	mcs_table_expire(mb, ev.now);
	if (vid >= 0) {
		pv = mcs_port_vlan(port, vid);
		if (!pv || !pv->max_groups)
			goto out;
	}
	count = pv ? pv->group_count : port ? port->group_count :
		mb->group_count;
	limit = pv ? pv->max_groups : port ? READ_ONCE(port->max_groups) :
		READ_ONCE(mb->cfg.max_groups);
	if (count <= limit)
		goto out;
	excess = count - limit;
	/* The smallest hi with at least excess candidates lasting <= hi. */
	n = mcs_evict_count(&ev, ULONG_MAX, &longest);
	lo = 0;
	hi = longest;
	while (n > excess && lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (mcs_evict_count(&ev, mid, &delta) >= excess)
			hi = mid;
		else
			lo = mid + 1;
	}
	/* Static ones alone over the limit: the dynamic ones all go. */
	at_hi = n <= excess ? n :
		excess - (hi ? mcs_evict_count(&ev, hi - 1, &delta) : 0);
	list_for_each_entry_safe(grp, gtmp, &mb->group_list, list) {
		if (!mcs_evict_delta(&ev, grp, &delta) || delta > hi)
			continue;
		if (delta == hi) {
			if (!at_hi)
				continue;
			at_hi--;
		}
		mcs_evict_one(&ev, grp);
	}
out:
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
}

void mcs_table_evict(struct mcs_bridge *mb, struct mcs_port *port)
{
	mcs_evict(mb, port, -1);
}

void mcs_table_evict_vlan(struct mcs_bridge *mb, struct mcs_port *port,
			  u16 vid)
{
	mcs_evict(mb, port, vid);
}
