/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_OVERFLOW_H
#define _MCS_OVERFLOW_H

#include <linux/bitops.h>
#include <linux/in6.h>
#include <linux/types.h>

#define MCS_OVERFLOW_BITS 1024

struct mcs_bridge;

/*
 * Groups the bridge's max-groups refused, hashed into two bitmaps that
 * age in turn: each mark lasts one to two membership intervals. Set by
 * learning (bridge lock), aged by the collector, read by the packet path
 * without a lock (a stale bit floods or prunes one frame more).
 */
struct mcs_overflow {
	unsigned long bits[2][BITS_TO_LONGS(MCS_OVERFLOW_BITS)];
	unsigned long turn;		/* jiffies: the older half goes */
	u8 cur;				/* the half marks go into */
	bool active;			/* any mark at all */
};

/* Bridge lock: learning refused group on vid for the bridge's limit. */
void mcs_overflow_mark(struct mcs_bridge *mb, const struct in6_addr *group,
		       u16 vid);
/* Packet path: whether an unregistered group must flood (fail open). */
bool mcs_overflowed(const struct mcs_bridge *mb, const struct in6_addr *group,
		    u16 vid);
/* The collector, bridge lock: forget the older marks when their time came. */
void mcs_overflow_age(struct mcs_bridge *mb, unsigned long now);

#endif /* _MCS_OVERFLOW_H */
