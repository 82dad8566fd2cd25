// SPDX-License-Identifier: GPL-2.0
/*
 * Walking the whole table a few dozen groups a lock hold: see
 * mcs_table_walk() in table.h.
 */
#include <linux/sched.h>
#include <linux/timekeeping.h>

#include "bridge.h"
#include "table.h"

/*
 * Groups a lock hold. Freeing a group takes a kfree_rcu() (and, under
 * KASAN, a stack record): a flush of half a million under one lock hold
 * stalled RCU.
 */
#define MCS_WALK_BATCH	64

void mcs_table_walk(struct mcs_table_walk *walk)
{
	struct mcs_group *batch[MCS_WALK_BATCH];
	struct mcs_bridge *mb = walk->mb;
	struct rhashtable_iter iter;
	unsigned int n = 0, i, keep;
	struct mcs_group *grp;
	bool more = true;
	u64 held;

	ASSERT_RTNL();
	might_sleep();
	rhltable_walk_enter(&mb->groups, &iter);
	while (more) {
		/*
		 * The walker's own lock is taken with bottom halves on, so
		 * not under the bridge lock; and it finds the next group by
		 * scanning buckets: that is done before the bridge lock is
		 * taken, under RCU alone. A group gathered may go before the
		 * lock is taken (and the walker may step from one gone onto
		 * others gone since): those are skipped.
		 */
		rhashtable_walk_start(&iter);
		/*
		 * The group kept from the last hold (below) is still there
		 * if the walker found it again: else it went, and RCU no
		 * longer keeps it.
		 */
		if (n && !iter.p)
			n = 0;
		while (n < MCS_WALK_BATCH) {
			grp = rhashtable_walk_next(&iter);
			if (IS_ERR(grp))	/* -EAGAIN: resized, walk on */
				continue;
			if (!grp) {
				more = false;
				break;
			}
			batch[n++] = grp;
		}
		/*
		 * The walker resumes from the last group it gave, which must
		 * still be in the table then, else it counts its way in the
		 * bucket and misses groups: that one waits for the next hold.
		 */
		keep = more && n;
		spin_lock_bh(&mb->lock);
		held = ktime_get_ns();
		for (i = 0; i < n - keep; i++) {
			if (batch[i]->gone)
				continue;
			if (!walk->step(walk, batch[i])) {
				more = false;
				keep = 0;
				break;
			}
		}
		held = ktime_get_ns() - held;
		spin_unlock_bh(&mb->lock);
		walk->longest_hold = max(walk->longest_hold, held);
		if (keep)
			batch[0] = batch[n - 1];
		n = keep;
		rhashtable_walk_stop(&iter);
		cond_resched();
	}
	rhashtable_walk_exit(&iter);
}
