// SPDX-License-Identifier: GPL-2.0
/*
 * Per-group traffic counters that outlive a group's brief absence, so
 * that "is the stream arriving, and where does it go" has one answer
 * even across a re-join (see traffic.h).
 */
#include <linux/jhash.h>
#include <linux/slab.h>

#include "context.h"
#include "objects.h"
#include "table.h"
#include "traffic.h"

/* What a group that went leaves behind. */
struct mcs_traffic_kept {
	struct hlist_node hnode;	/* past.by_key */
	struct list_head age;		/* past.by_age */
	struct mcs_group_key key;
	unsigned long expires;
	u64 in_packets, in_bytes, out_packets, out_bytes;
};

struct mcs_traffic_cpu *mcs_traffic_make(struct mcs_bridge *mb,
					 struct mcs_traffic *t)
{
	struct mcs_traffic_cpu __percpu *cpu, *old;
	int i;

	/* Atomic: from populated per-CPU memory, without sleeping. */
	cpu = alloc_percpu_gfp(struct mcs_traffic_cpu, GFP_ATOMIC | __GFP_NOWARN);
	if (!cpu)
		return NULL;	/* the counters miss this frame, as they start */
	for_each_possible_cpu(i)
		u64_stats_init(&per_cpu_ptr(cpu, i)->syncp);
	/* Another CPU's first frame, or the group's end, came first. */
	old = cmpxchg(&t->cpu, NULL, cpu);
	if (old) {
		free_percpu(cpu);
		return old == MCS_TRAFFIC_GONE ? NULL : this_cpu_ptr(old);
	}
	atomic_long_inc(&mb->traffic_groups);
	return this_cpu_ptr(cpu);
}

void mcs_traffic_read(const struct mcs_traffic *t, struct mcs_traffic_sum *sum)
{
	struct mcs_traffic_cpu __percpu *cpu = READ_ONCE(t->cpu);
	const struct mcs_traffic_cpu *c;
	unsigned int start;
	int i;

	memset(sum, 0, sizeof(*sum));
	if (!cpu || cpu == MCS_TRAFFIC_GONE)
		return;
	for_each_possible_cpu(i) {
		u64 in_packets, in_bytes, out_packets, out_bytes;

		c = per_cpu_ptr(cpu, i);
		do {
			start = u64_stats_fetch_begin(&c->syncp);
			in_packets = u64_stats_read(&c->in_packets);
			in_bytes = u64_stats_read(&c->in_bytes);
			out_packets = u64_stats_read(&c->out_packets);
			out_bytes = u64_stats_read(&c->out_bytes);
		} while (u64_stats_fetch_retry(&c->syncp, start));
		sum->in_packets += in_packets;
		sum->in_bytes += in_bytes;
		sum->out_packets += out_packets;
		sum->out_bytes += out_bytes;
	}
}

void mcs_traffic_close(struct mcs_bridge *mb, struct mcs_traffic *t)
{
	lockdep_assert_held(&mb->lock);
	/* Counters made are counted out once; none are made after. */
	if (cmpxchg(&t->cpu, NULL, MCS_TRAFFIC_GONE))
		atomic_long_dec(&mb->traffic_groups);
}

void mcs_traffic_free(struct mcs_traffic *t)
{
	if (t->cpu != MCS_TRAFFIC_GONE)
		free_percpu(t->cpu);
}

size_t mcs_traffic_bytes(const struct mcs_bridge *mb)
{
	return atomic_long_read(&mb->traffic_groups) *
	       sizeof(struct mcs_traffic_cpu) * num_possible_cpus();
}

static u32 mcs_traffic_hash(const struct mcs_group_key *key)
{
	return jhash2((const u32 *)key, sizeof(*key) / sizeof(u32), 0);
}

void mcs_traffic_past_init(struct mcs_traffic_past *past)
{
	hash_init(past->by_key);
	INIT_LIST_HEAD(&past->by_age);
	past->count = 0;
}

size_t mcs_traffic_past_bytes(const struct mcs_traffic_past *past)
{
	return READ_ONCE(past->count) *
	       kmalloc_size_roundup(sizeof(struct mcs_traffic_kept));
}

static void mcs_traffic_forget(struct mcs_traffic_past *past,
			       struct mcs_traffic_kept *k)
{
	hash_del(&k->hnode);
	list_del(&k->age);
	WRITE_ONCE(past->count, past->count - 1);
	kfree(k);
	mcs_object_gone(MCS_OBJ_TRAFFIC_PAST);
}

void mcs_traffic_keep(struct mcs_bridge *mb, const struct mcs_group *grp,
		      unsigned long now)
{
	struct mcs_traffic_past *past = &mb->traffic_past;
	struct mcs_traffic_kept *k;
	struct mcs_traffic_sum t;

	lockdep_assert_held(&mb->lock);
	mcs_traffic_read(&grp->traffic, &t);
	if (past->closed || !t.in_packets)
		return;
	/* Under a spinlock; without memory the counters start again. */
	k = kmalloc(sizeof(*k), GFP_ATOMIC | __GFP_NOWARN);
	if (!k)
		return;
	mcs_object_new(MCS_OBJ_TRAFFIC_PAST);
	if (past->count >= MCS_TRAFFIC_PAST_MAX)
		mcs_traffic_forget(past, list_first_entry(&past->by_age,
							  struct mcs_traffic_kept,
							  age));
	k->key = grp->key;
	k->expires = now + mcs_ctx_membership_interval(mb, grp->key.vid,
							grp->ipv6 ? MCS_IPV6 :
							MCS_IPV4);
	k->in_packets = t.in_packets;
	k->in_bytes = t.in_bytes;
	k->out_packets = t.out_packets;
	k->out_bytes = t.out_bytes;
	hash_add(past->by_key, &k->hnode, mcs_traffic_hash(&k->key));
	list_add_tail(&k->age, &past->by_age);
	WRITE_ONCE(past->count, past->count + 1);
}

void mcs_traffic_restore(struct mcs_bridge *mb, struct mcs_group *grp)
{
	struct mcs_traffic_past *past = &mb->traffic_past;
	struct mcs_traffic_kept *k;
	struct mcs_traffic_cpu *c;

	lockdep_assert_held(&mb->lock);
	if (!past->count)
		return;
	hash_for_each_possible(past->by_key, k, hnode,
			       mcs_traffic_hash(&grp->key)) {
		if (memcmp(&k->key, &grp->key, sizeof(k->key)))
			continue;
		/* This CPU's share: its softirqs wait for the lock's end. */
		c = mcs_traffic_this_cpu(mb, &grp->traffic);
		if (c) {
			u64_stats_update_begin(&c->syncp);
			u64_stats_add(&c->in_packets, k->in_packets);
			u64_stats_add(&c->in_bytes, k->in_bytes);
			u64_stats_add(&c->out_packets, k->out_packets);
			u64_stats_add(&c->out_bytes, k->out_bytes);
			u64_stats_update_end(&c->syncp);
		}
		mcs_traffic_forget(past, k);
		return;
	}
}

void mcs_traffic_age(struct mcs_bridge *mb, unsigned long now)
{
	struct mcs_traffic_past *past = &mb->traffic_past;
	struct mcs_traffic_kept *k, *tmp;

	lockdep_assert_held(&mb->lock);
	/*
	 * Oldest first; a membership interval made shorter since may leave
	 * a later one expired behind an earlier: it goes a little late.
	 */
	list_for_each_entry_safe(k, tmp, &past->by_age, age) {
		if (time_before(now, k->expires))
			break;
		mcs_traffic_forget(past, k);
	}
}

void mcs_traffic_past_close(struct mcs_bridge *mb)
{
	spin_lock_bh(&mb->lock);
	mb->traffic_past.closed = true;
	spin_unlock_bh(&mb->lock);
}

void mcs_traffic_past_free(struct mcs_bridge *mb)
{
	struct mcs_traffic_past *past = &mb->traffic_past;
	struct mcs_traffic_kept *k, *tmp;

	list_for_each_entry_safe(k, tmp, &past->by_age, age)
		mcs_traffic_forget(past, k);
}
