/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_TRAFFIC_H
#define _MCS_TRAFFIC_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/types.h>

struct mcs_bridge;
struct mcs_group;

/*
 * A group's data: in, its frames from the ports that mcsnoop forwarded;
 * out, the copies of them it sent (bytes: the packets' length, without
 * the Ethernet header).
 */
struct mcs_traffic {
	atomic64_t in_packets;
	atomic64_t in_bytes;
	atomic64_t out_packets;
	atomic64_t out_bytes;
};

/*
 * The counters of the groups that went, for a membership interval: a
 * group back within it (a host that joins again, memberships that
 * expired for want of a querier) counts on from them. At most
 * MCS_TRAFFIC_PAST_MAX, the oldest make room.
 */
#define MCS_TRAFFIC_PAST_BITS	6
#define MCS_TRAFFIC_PAST_MAX	1024

struct mcs_traffic_past {
	DECLARE_HASHTABLE(by_key, MCS_TRAFFIC_PAST_BITS);
	struct list_head by_age;	/* oldest first */
	unsigned int count;
	/* The table is going: nothing to keep (its contexts are gone). */
	bool closed;
};

/* Packet path. */
static inline void mcs_traffic_in(struct mcs_traffic *t, unsigned int len)
{
	atomic64_inc(&t->in_packets);
	atomic64_add(len, &t->in_bytes);
}

static inline void mcs_traffic_out(struct mcs_traffic *t, unsigned int copies,
				   unsigned int len)
{
	atomic64_add(copies, &t->out_packets);
	atomic64_add((u64)copies * len, &t->out_bytes);
}

/* With the bridge lock held. */
void mcs_traffic_past_init(struct mcs_traffic_past *past);
/* What the kept counters take (table memory). */
size_t mcs_traffic_past_bytes(const struct mcs_traffic_past *past);
/* grp goes: keep its counters, if it had any traffic. */
void mcs_traffic_keep(struct mcs_bridge *mb, const struct mcs_group *grp,
		      unsigned long now);
/* grp is new: the counters it had, if it went within the interval. */
void mcs_traffic_restore(struct mcs_bridge *mb, struct mcs_group *grp);
void mcs_traffic_age(struct mcs_bridge *mb, unsigned long now);
/* Keep nothing more: the table is about to be flushed for good. */
void mcs_traffic_past_close(struct mcs_bridge *mb);
/* Forget them all (the table's end). */
void mcs_traffic_past_free(struct mcs_bridge *mb);

#endif
