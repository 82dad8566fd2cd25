// SPDX-License-Identifier: GPL-2.0
/*
 * Walking the whole table a few hundred groups a lock hold: see
 * mcs_table_walk() in table.h.
 */
#include <linux/sched.h>
#include <linux/timekeeping.h>

#include "bridge.h"
#include "table.h"

/*
 * Freeing a group takes a kfree_rcu() (and, under KASAN, a stack record):
 * a flush of half a million under one lock hold stalled RCU.
 */
#define MCS_WALK_BATCH	256

void mcs_table_walk(struct mcs_table_walk *walk)
{
	struct mcs_bridge *mb = walk->mb;
	struct rhashtable_iter iter;
	struct mcs_group *grp;
	bool more = true;
	unsigned int n;
	u64 held;

	ASSERT_RTNL();
	might_sleep();
	rhltable_walk_enter(&mb->groups, &iter);
	while (more) {
		/*
		 * Not under the bridge lock: the walker's own lock is taken
		 * with bottom halves on. So the group it resumes from may go
		 * before the bridge lock is taken, and lead to others gone
		 * since: those are skipped.
		 */
		rhashtable_walk_start(&iter);
		spin_lock_bh(&mb->lock);
		held = ktime_get_ns();
		for (n = 0; n < MCS_WALK_BATCH; n++) {
			grp = rhashtable_walk_next(&iter);
			if (IS_ERR(grp) || (grp && grp->gone))
				continue;	/* -EAGAIN: resized, walk on */
			if (!grp || !walk->step(walk, grp)) {
				more = false;
				break;
			}
		}
		held = ktime_get_ns() - held;
		spin_unlock_bh(&mb->lock);
		walk->longest_hold = max(walk->longest_hold, held);
		rhashtable_walk_stop(&iter);
		cond_resched();
	}
	rhashtable_walk_exit(&iter);
}
