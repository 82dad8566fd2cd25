/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_TRAFFIC_H
#define _MCS_TRAFFIC_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>

struct mcs_bridge;
struct mcs_group;

/*
 * A group's data: in, its frames from the ports that mcsnoop forwarded;
 * out, the copies of them it sent (bytes: the packets' length, without
 * the Ethernet header). One CPU's share.
 */
struct mcs_traffic_cpu {
	u64_stats_t in_packets;
	u64_stats_t in_bytes;
	u64_stats_t out_packets;
	u64_stats_t out_bytes;
	struct u64_stats_sync syncp;
};

/*
 * Per CPU, so that senders on several CPUs write no shared line; made on
 * the group's first frame, as most groups of a large table never see one
 * (a group takes 8 bytes for them, not 32). MCS_TRAFFIC_GONE once the
 * group left the table without them: none can be made any more.
 */
struct mcs_traffic {
	struct mcs_traffic_cpu __percpu *cpu;
};

#define MCS_TRAFFIC_GONE ((struct mcs_traffic_cpu __percpu __force *)1UL)

/* The sums over the CPUs. */
struct mcs_traffic_sum {
	u64 in_packets;
	u64 in_bytes;
	u64 out_packets;
	u64 out_bytes;
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

/* Packet path: this CPU's counters of t, made if need be; NULL without. */
struct mcs_traffic_cpu *mcs_traffic_make(struct mcs_bridge *mb,
					 struct mcs_traffic *t);

static inline struct mcs_traffic_cpu *
mcs_traffic_this_cpu(struct mcs_bridge *mb, struct mcs_traffic *t)
{
	struct mcs_traffic_cpu __percpu *cpu = READ_ONCE(t->cpu);

	if (unlikely(!cpu || cpu == MCS_TRAFFIC_GONE))
		return cpu ? NULL : mcs_traffic_make(mb, t);
	return this_cpu_ptr(cpu);
}

/* Packet path: c from mcs_traffic_this_cpu(), once a frame (NULL: none). */
static inline void mcs_traffic_in(struct mcs_traffic_cpu *c, unsigned int len)
{
	if (!c)
		return;
	u64_stats_update_begin(&c->syncp);
	u64_stats_inc(&c->in_packets);
	u64_stats_add(&c->in_bytes, len);
	u64_stats_update_end(&c->syncp);
}

static inline void mcs_traffic_out(struct mcs_traffic_cpu *c,
				   unsigned int copies, unsigned int len)
{
	if (!c)
		return;
	u64_stats_update_begin(&c->syncp);
	u64_stats_add(&c->out_packets, copies);
	u64_stats_add(&c->out_bytes, (u64)copies * len);
	u64_stats_update_end(&c->syncp);
}

void mcs_traffic_read(const struct mcs_traffic *t, struct mcs_traffic_sum *sum);
/*
 * With the bridge lock held: the group leaves the table (no counters can
 * be made for it any more); the caller frees them with
 * mcs_traffic_free() after a grace period.
 */
void mcs_traffic_close(struct mcs_bridge *mb, struct mcs_traffic *t);
void mcs_traffic_free(struct mcs_traffic *t);
/* What the groups' counters take (table memory). */
size_t mcs_traffic_bytes(const struct mcs_bridge *mb);

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
