// SPDX-License-Identifier: GPL-2.0
/*
 * A full table never cuts a stream off. A group that max-groups keeps out
 * of the table is unregistered, and with flood-unknown off its data would
 * reach no port but router ports: the bridge's limit would lose frames
 * silently. Instead the group is remembered (hashed, in bounded memory)
 * and its data floods, as an overflowing port's groups do, until it has
 * not been refused for a membership interval. (The bridge's own snooping
 * switches itself off for the whole bridge at its hash_max: see
 * Documentation/design.rst, "Differences from the bridge".)
 */
#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/jiffies.h>

#include "bridge.h"
#include "context.h"
#include "overflow.h"
#include "port.h"

static u32 mcs_overflow_bit(const struct in6_addr *group, u16 vid)
{
	return hash_32(jhash2((__force const u32 *)group->s6_addr32, 4, vid),
		       ilog2(MCS_OVERFLOW_BITS));
}

void mcs_overflow_mark(struct mcs_bridge *mb, const struct in6_addr *group,
		       u16 vid)
{
	struct mcs_overflow *o = &mb->overflow;

	lockdep_assert_held(&mb->lock);
	if (!o->active)
		o->turn = jiffies +
			  mcs_ctx_membership_interval(mb, 0, MCS_IPV4);
	set_bit(mcs_overflow_bit(group, vid), o->bits[o->cur]);
	WRITE_ONCE(o->active, true);
}

bool mcs_overflowed(const struct mcs_bridge *mb, const struct in6_addr *group,
		    u16 vid)
{
	const struct mcs_overflow *o = &mb->overflow;
	u32 bit;

	if (!READ_ONCE(o->active))
		return false;
	bit = mcs_overflow_bit(group, vid);
	return test_bit(bit, o->bits[0]) || test_bit(bit, o->bits[1]);
}

void mcs_overflow_age(struct mcs_bridge *mb, unsigned long now)
{
	struct mcs_overflow *o = &mb->overflow;
	u8 old = !o->cur;

	lockdep_assert_held(&mb->lock);
	if (!o->active || time_before(now, o->turn))
		return;
	/* Marks of the older half are a full interval old: they go. */
	bitmap_zero(o->bits[old], MCS_OVERFLOW_BITS);
	if (bitmap_empty(o->bits[o->cur], MCS_OVERFLOW_BITS)) {
		WRITE_ONCE(o->active, false);
		return;
	}
	o->cur = old;
	o->turn = now + mcs_ctx_membership_interval(mb, 0, MCS_IPV4);
}
