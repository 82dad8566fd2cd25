// SPDX-License-Identifier: GPL-2.0
/*
 * Eviction: max-groups of a port or of the bridge lowered below what the
 * table holds. See mcs_table_evict() in table.h.
 */
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "events.h"
#include "overflow.h"
#include "port_vlan.h"
#include "table.h"

/*
 * Lowering max-groups below the table's size evicts learnt state, what
 * expires soonest first. The candidates: with a port, its dynamic
 * memberships; for the bridge, the groups without a static member (all
 * their memberships go, and the group with them). Each lasts "delta"
 * more jiffies.
 *
 * A million groups must not keep the bridge lock (and bottom halves) for
 * long: the table is walked in passes of a few dozen groups a lock
 * hold (mcs_table_walk()), the lock dropped in between (RTNL keeps the
 * bridge, the port and its limits). The first pass removes what expired
 * and finds the longest delta, the second counts the candidates in
 * MCS_EVICT_BUCKETS buckets of delta, the third evicts the buckets below
 * the one where the excess is reached, and of that one as many as are
 * still over the limit. Between holds a member may refresh its
 * membership and stop being a candidate: a round that leaves the count
 * over the limit is done again.
 */
#define MCS_EVICT_BUCKETS	4096
#define MCS_EVICT_ROUNDS	4

struct mcs_evict {
	struct mcs_table_walk walk;	/* the bridge, the pass */
	struct mcs_port *port;		/* NULL: the bridge's limit */
	int vid;			/* >= 0: the port's limit on it */
	struct mcs_port_vlan *pv;	/* its limit (RTNL keeps it) */
	unsigned long now;
	/* The passes: the candidates, the longest delta, the buckets... */
	unsigned int candidates;
	unsigned long longest;
	unsigned long width;		/* of a bucket, in jiffies */
	u32 *buckets;
	unsigned long threshold;	/* bucket */
	u32 at_threshold;		/* how many of it may still go */
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
	*delta = time_after(e, ev->now) ? e - ev->now : 0;
	return found || !ev->port;
}

/* The lock held: how far over its limit the table is (0: within). */
static unsigned int mcs_evict_excess(const struct mcs_evict *ev)
{
	const struct mcs_bridge *mb = ev->walk.mb;
	unsigned int count, limit;

	lockdep_assert_held(&mb->lock);
	if (ev->pv) {
		count = ev->pv->group_count;
		limit = READ_ONCE(ev->pv->max_groups);
	} else if (ev->port) {
		count = ev->port->group_count;
		limit = READ_ONCE(ev->port->max_groups);
	} else {
		count = mb->group_count;
		limit = READ_ONCE(mb->cfg.max_groups);
	}
	return count > limit ? count - limit : 0;
}

/* The same, taking the lock. */
static unsigned int mcs_evict_excess_now(const struct mcs_evict *ev)
{
	unsigned int excess;

	spin_lock_bh(&ev->walk.mb->lock);
	excess = mcs_evict_excess(ev);
	spin_unlock_bh(&ev->walk.mb->lock);
	return excess;
}

static void mcs_evict_one(const struct mcs_evict *ev, struct mcs_group *grp)
{
	struct mcs_bridge *mb = ev->walk.mb;
	struct mcs_member *m;
	struct hlist_node *tmp;

	lockdep_assert_held(&mb->lock);
	if (!ev->port) {
		grp->overflow = false;
		/* Out of the table, the group floods (overflow.c). */
		mcs_overflow_mark(mb, &grp->key.addr, grp->key.vid);
	}
	hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
		if (ev->port && m->port != ev->port)
			continue;
		if (mcs_member_remove(mb, grp, m, MCSNOOP_EVENT_REASON_LIMIT))
			return;
	}
	/* An overflow mark without members. */
	if (hlist_empty(&grp->members) && !grp->overflow)
		mcs_group_free(mb, grp);
}

static void mcs_evict_pass(struct mcs_evict *ev,
			   bool (*step)(struct mcs_table_walk *walk,
					struct mcs_group *grp))
{
	ev->walk.step = step;
	mcs_table_walk(&ev->walk);
}

/* Pass 1: what expired goes as such, not for the limit; the longest. */
static bool mcs_evict_step_longest(struct mcs_table_walk *walk,
				   struct mcs_group *grp)
{
	struct mcs_evict *ev = container_of(walk, struct mcs_evict, walk);
	unsigned long delta;

	if (mcs_group_expire(ev->walk.mb, grp, ev->now) ||
	    !mcs_evict_delta(ev, grp, &delta))
		return true;
	ev->candidates++;
	if (delta > ev->longest)
		ev->longest = delta;
	return true;
}

static unsigned long mcs_evict_bucket(const struct mcs_evict *ev,
				      unsigned long delta)
{
	return min(delta / ev->width, (unsigned long)MCS_EVICT_BUCKETS - 1);
}

/* Pass 2: the candidates by bucket of delta. */
static bool mcs_evict_step_count(struct mcs_table_walk *walk,
				 struct mcs_group *grp)
{
	struct mcs_evict *ev = container_of(walk, struct mcs_evict, walk);
	unsigned long delta;

	if (mcs_evict_delta(ev, grp, &delta))
		ev->buckets[mcs_evict_bucket(ev, delta)]++;
	return true;
}

/* Pass 3: below the threshold they go, and some of it. */
static bool mcs_evict_step_evict(struct mcs_table_walk *walk,
				 struct mcs_group *grp)
{
	struct mcs_evict *ev = container_of(walk, struct mcs_evict, walk);
	unsigned long delta, b;

	if (!mcs_evict_excess(ev))
		return false;
	if (!mcs_evict_delta(ev, grp, &delta))
		return true;
	b = mcs_evict_bucket(ev, delta);
	if (b > ev->threshold)
		return true;
	if (b == ev->threshold) {
		if (!ev->at_threshold)
			return true;
		ev->at_threshold--;
	}
	mcs_evict_one(ev, grp);
	return true;
}

/* After pass 2: the bucket where the excess is reached. */
static void mcs_evict_threshold(struct mcs_evict *ev)
{
	unsigned int excess = mcs_evict_excess_now(ev);
	u32 below = 0;
	unsigned long b;

	for (b = 0; b < MCS_EVICT_BUCKETS - 1; b++) {
		if (below + ev->buckets[b] >= excess)
			break;
		below += ev->buckets[b];
	}
	ev->threshold = b;
	ev->at_threshold = excess > below ? excess - below : 0;
}

static void mcs_evict(struct mcs_bridge *mb, struct mcs_port *port, int vid)
{
	struct mcs_evict ev = {
		.walk.mb = mb, .port = port, .vid = vid,
	};
	int round;

	ASSERT_RTNL();
	if (vid >= 0) {
		ev.pv = mcs_port_vlan(port, vid);
		if (!ev.pv || !ev.pv->max_groups)
			return;
	}
	if (!mcs_evict_excess_now(&ev))
		return;
	ev.buckets = kvcalloc(MCS_EVICT_BUCKETS, sizeof(*ev.buckets),
			      GFP_KERNEL);
	for (round = 0; round < MCS_EVICT_ROUNDS; round++) {
		ev.now = jiffies;
		ev.candidates = 0;
		ev.longest = 0;
		mcs_evict_pass(&ev, mcs_evict_step_longest);
		/* Static entries alone over the limit stay. */
		if (!ev.candidates || !mcs_evict_excess_now(&ev))
			break;
		if (ev.buckets) {
			ev.width = ev.longest / MCS_EVICT_BUCKETS + 1;
			memset(ev.buckets, 0,
			       MCS_EVICT_BUCKETS * sizeof(*ev.buckets));
			mcs_evict_pass(&ev, mcs_evict_step_count);
			mcs_evict_threshold(&ev);
		} else {
			/* No memory for the buckets: in the walk's order. */
			ev.width = ULONG_MAX;
			ev.threshold = 0;
			ev.at_threshold = U32_MAX;
		}
		/* The last round evicts whatever it meets while over. */
		if (round == MCS_EVICT_ROUNDS - 1) {
			ev.threshold = MCS_EVICT_BUCKETS - 1;
			ev.at_threshold = U32_MAX;
		}
		mcs_evict_pass(&ev, mcs_evict_step_evict);
		if (!mcs_evict_excess_now(&ev))
			break;
	}
	kvfree(ev.buckets);
	/* What a lock hold cost (dynamic debug: benchmarks.rst measures it). */
	netdev_dbg(port ? port->dev : mb->dev,
		   "mcsnoop: max-groups lowered: the bridge lock held %llu us at most\n",
		   div_u64(ev.walk.longest_hold, NSEC_PER_USEC));
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
