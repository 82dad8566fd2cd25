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
	const struct mcs_traffic *t = &grp->traffic;
	struct mcs_traffic_kept *k;

	lockdep_assert_held(&mb->lock);
	if (past->closed || !atomic64_read(&t->in_packets))
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
	k->in_packets = atomic64_read(&t->in_packets);
	k->in_bytes = atomic64_read(&t->in_bytes);
	k->out_packets = atomic64_read(&t->out_packets);
	k->out_bytes = atomic64_read(&t->out_bytes);
	hash_add(past->by_key, &k->hnode, mcs_traffic_hash(&k->key));
	list_add_tail(&k->age, &past->by_age);
	WRITE_ONCE(past->count, past->count + 1);
}

void mcs_traffic_restore(struct mcs_bridge *mb, struct mcs_group *grp)
{
	struct mcs_traffic_past *past = &mb->traffic_past;
	struct mcs_traffic *t = &grp->traffic;
	struct mcs_traffic_kept *k;

	lockdep_assert_held(&mb->lock);
	if (!past->count)
		return;
	hash_for_each_possible(past->by_key, k, hnode,
			       mcs_traffic_hash(&grp->key)) {
		if (memcmp(&k->key, &grp->key, sizeof(k->key)))
			continue;
		atomic64_add(k->in_packets, &t->in_packets);
		atomic64_add(k->in_bytes, &t->in_bytes);
		atomic64_add(k->out_packets, &t->out_packets);
		atomic64_add(k->out_bytes, &t->out_bytes);
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
