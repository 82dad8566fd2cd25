// SPDX-License-Identifier: GPL-2.0
/*
 * The multicast contexts of a bridge (context.h): the bridge's own, and
 * one per VLAN that the bridge or a port has or that has a setting of its
 * own. They follow the bridge's VLANs from its switchdev events, which it
 * sends for every VLAN of every port, hardware or not.
 */
#include <linux/bitmap.h>
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#include <linux/mcsnoop.h>

#include "context.h"
#include "filter.h"
#include "objects.h"

static void mcs_ctx_work(struct work_struct *work);

const struct mcs_settings *mcs_settings_of(const struct mcs_bridge *mb,
					   u16 vid)
{
	const struct mcs_ctx *ctx = vid ? mcs_ctx_find(mb, vid) : NULL;

	return mcs_ctx_settings(ctx ?: mcs_ctx_find(mb, 0));
}

static struct mcs_settings *mcs_settings_dup(const struct mcs_settings *s)
{
	return kmemdup(s, sizeof(*s), GFP_KERNEL);
}

/* RTNL: publish new settings, free the old after a grace period. */
static void mcs_ctx_publish(struct mcs_ctx *ctx, struct mcs_settings *s)
{
	struct mcs_settings *old = rtnl_dereference(ctx->settings);

	rcu_assign_pointer(ctx->settings, s);
	if (old)
		kfree_rcu(old, rcu);
}

/* RTNL: a context for vid, inheriting everything from the bridge's. */
static struct mcs_ctx *mcs_ctx_create(struct mcs_bridge *mb, u16 vid,
				      const struct mcs_settings *from)
{
	struct mcs_settings *s;
	struct mcs_ctx *ctx;
	int proto, err;

	ASSERT_RTNL();
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	s = mcs_settings_dup(from);
	if (!ctx || !s)
		goto nomem;
	if (vid)
		s->own = 0;
	ctx->vid = vid;
	for (proto = 0; proto < MCS_PROTO_MAX; proto++) {
		ctx->querier[proto].vid = vid;
		ctx->querier[proto].proto = proto;
	}
	RCU_INIT_POINTER(ctx->settings, s);
	err = xa_err(xa_store(&mb->ctx.xa, vid, ctx, GFP_KERNEL));
	if (err) {
		kfree(s);
		kfree(ctx);
		return ERR_PTR(err);
	}
	mcs_object_new(MCS_OBJ_CONTEXT);
	return ctx;
nomem:
	kfree(s);
	kfree(ctx);
	return ERR_PTR(-ENOMEM);
}

/* RTNL: out of the xarray; readers may hold it for a grace period. */
static void mcs_ctx_free(struct mcs_bridge *mb, struct mcs_ctx *ctx)
{
	struct mcs_settings *s = rtnl_dereference(ctx->settings);

	ASSERT_RTNL();
	xa_erase(&mb->ctx.xa, ctx->vid);
	kfree_rcu(s, rcu);
	kfree_rcu(ctx, rcu);
	mcs_object_gone(MCS_OBJ_CONTEXT);
}

int mcs_ctx_init(struct mcs_bridge *mb)
{
	struct mcs_ctx *ctx;

	xa_init(&mb->ctx.xa);
	INIT_DELAYED_WORK(&mb->ctx.work, mcs_ctx_work);
	mb->ctx.pending = bitmap_zalloc(VLAN_N_VID, GFP_KERNEL);
	if (!mb->ctx.pending)
		return -ENOMEM;
	ctx = mcs_ctx_create(mb, 0, &mcs_settings_defaults);
	return PTR_ERR_OR_ZERO(ctx);
}

void mcs_ctx_free_all(struct mcs_bridge *mb)
{
	struct mcs_ctx *ctx;
	unsigned long vid;

	ASSERT_RTNL();
	xa_for_each(&mb->ctx.xa, vid, ctx)
		mcs_ctx_free(mb, ctx);
	xa_destroy(&mb->ctx.xa);
	bitmap_free(mb->ctx.pending);
	mb->ctx.pending = NULL;
}

/* A VLAN's settings anew: its own from old, the rest from the bridge's. */
static struct mcs_settings *mcs_ctx_inherit(const struct mcs_settings *old,
					    const struct mcs_settings *br)
{
	struct mcs_settings *s = mcs_settings_dup(br);

	if (s) {
		mcs_settings_copy(s, old, old->own);
		s->own = old->own;
	}
	return s;
}

/* RTNL: the bridge's settings, and every VLAN's that inherits one. */
static int mcs_ctx_update_bridge(struct mcs_bridge *mb,
				 const struct mcs_settings *val, u32 set)
{
	struct mcs_settings *br, **vlans;
	struct mcs_ctx *ctx;
	unsigned long vid;
	unsigned int n = 0, i = 0;

	ctx = mcs_ctx_find(mb, 0);
	br = mcs_settings_dup(mcs_ctx_settings(ctx));
	if (!br)
		return -ENOMEM;
	mcs_settings_copy(br, val, set);
	xa_for_each_start(&mb->ctx.xa, vid, ctx, 1)
		n++;
	/* All or nothing: every new set is made before any is published. */
	vlans = kcalloc(n ?: 1, sizeof(*vlans), GFP_KERNEL);
	if (!vlans)
		goto nomem;
	xa_for_each_start(&mb->ctx.xa, vid, ctx, 1) {
		if (i == n)
			break;
		vlans[i] = mcs_ctx_inherit(mcs_ctx_settings(ctx), br);
		if (!vlans[i++])
			goto nomem;
	}
	mcs_ctx_publish(mcs_ctx_find(mb, 0), br);
	i = 0;
	xa_for_each_start(&mb->ctx.xa, vid, ctx, 1)
		if (i < n)
			mcs_ctx_publish(ctx, vlans[i++]);
	kfree(vlans);
	return 0;
nomem:
	if (vlans)
		for (i = 0; i < n; i++)
			kfree(vlans[i]);
	kfree(vlans);
	kfree(br);
	return -ENOMEM;
}

int mcs_ctx_update(struct mcs_bridge *mb, u16 vid,
		   const struct mcs_settings *val, u32 set, u32 inherit)
{
	const struct mcs_settings *old;
	struct mcs_settings *s;
	struct mcs_ctx *ctx;

	ASSERT_RTNL();
	if (!set && !inherit)
		return 0;
	if (!vid)
		return mcs_ctx_update_bridge(mb, val, set);
	ctx = mcs_ctx_find(mb, vid);
	if (!ctx) {
		/* Inheriting what it inherits already: nothing to keep. */
		if (!set)
			return 0;
		ctx = mcs_ctx_create(mb, vid, mcs_settings_of(mb, 0));
		if (IS_ERR(ctx))
			return PTR_ERR(ctx);
	}
	old = mcs_ctx_settings(ctx);
	s = mcs_settings_dup(old);
	if (!s)
		return -ENOMEM;
	mcs_settings_copy(s, val, set);
	mcs_settings_copy(s, mcs_settings_of(mb, 0), inherit);
	s->own = (old->own & ~inherit) | set;
	mcs_ctx_publish(ctx, s);
	/* A VLAN that is not there and inherits everything needs none. */
	if (!s->own && !ctx->present)
		mcs_ctx_free(mb, ctx);
	return 0;
}

bool mcs_ctx_intervals_ok(struct mcs_bridge *mb, u32 qi, u32 qri)
{
	const struct mcs_settings *s;
	struct mcs_ctx *ctx;
	unsigned long vid;

	ASSERT_RTNL();
	xa_for_each_start(&mb->ctx.xa, vid, ctx, 1) {
		s = mcs_ctx_settings(ctx);
		if ((s->own & MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL ?
		     s->query_response_interval : qri) >=
		    (s->own & MCSNOOP_VLAN_SETTING_QUERY_INTERVAL ?
		     s->query_interval : qi))
			return false;
	}
	return true;
}

/* RTNL: whether the querier runs on vid now; its context made or freed. */
static void mcs_ctx_sync_vid(struct mcs_bridge *mb, u16 vid, bool vlans)
{
	struct mcs_ctx *ctx = mcs_ctx_find(mb, vid);
	bool present = vid ? vlans && mcs_vlan_in_use(mb, vid) : !vlans;

	if (present && !ctx) {
		ctx = mcs_ctx_create(mb, vid, mcs_settings_of(mb, 0));
		if (IS_ERR(ctx)) {
			netdev_warn(mb->dev, "mcsnoop: no memory for VLAN %u: its querier does not run\n",
				    vid);
			return;
		}
	}
	if (!ctx)
		return;
	if (ctx->present != present)
		mcs_querier_present(mb, ctx, present);
	if (!present && vid && !mcs_ctx_settings(ctx)->own)
		mcs_ctx_free(mb, ctx);
}

static void mcs_ctx_sync(struct mcs_bridge *mb)
{
	bool vlans = br_vlan_enabled(mb->dev);
	unsigned long vid;

	ASSERT_RTNL();
	if (mb->ctx.pending_all) {
		mb->ctx.pending_all = false;
		bitmap_fill(mb->ctx.pending, VLAN_N_VID - 1);
	}
	/* VID 0 (the bridge) is pending with every change of filtering. */
	for_each_set_bit(vid, mb->ctx.pending, VLAN_N_VID - 1) {
		clear_bit(vid, mb->ctx.pending);
		mcs_ctx_sync_vid(mb, vid, vlans);
	}
}

static void mcs_ctx_work(struct work_struct *work)
{
	struct mcs_bridge *mb = container_of(to_delayed_work(work),
					     struct mcs_bridge, ctx.work);

	if (!mcs_work_rtnl_trylock(&mb->ctx.work))
		return;
	mcs_ctx_sync(mb);
	rtnl_unlock();
}

void mcs_ctx_vlan_changed(struct mcs_bridge *mb, u16 vid)
{
	ASSERT_RTNL();
	if (!mb->ctx.pending || vid >= VLAN_N_VID - 1)
		return;
	set_bit(vid, mb->ctx.pending);
	mod_delayed_work(system_power_efficient_wq, &mb->ctx.work, 0);
}

void mcs_ctx_vlans_changed(struct mcs_bridge *mb)
{
	ASSERT_RTNL();
	if (!mb->ctx.pending)
		return;
	mb->ctx.pending_all = true;
	mod_delayed_work(system_power_efficient_wq, &mb->ctx.work, 0);
}

void mcs_ctx_start(struct mcs_bridge *mb)
{
	mb->ctx.pending_all = true;
	mcs_ctx_sync(mb);
}

void mcs_ctx_stop(struct mcs_bridge *mb)
{
	ASSERT_RTNL();
	cancel_delayed_work_sync(&mb->ctx.work);
}

/*
 * The membership interval now (ms), from the settings or from the elected
 * querier's QRV and QQIC; *older_ms: the Older Version Host Present
 * Interval (RFC 9776 8.13, RFC 9777 9.13: one response interval, not two).
 */
static u32 mcs_ctx_interval_ms(const struct mcs_ctx *ctx,
			       const struct mcs_settings *s, int proto,
			       u32 *older_ms)
{
	const struct mcs_adopted *a = ctx ? &ctx->adopted[proto] : NULL;
	u32 rv, qi, qri;

	if (s->membership_timeout) {
		*older_ms = s->membership_timeout;
		return s->membership_timeout;
	}
	if (!a || !time_before(jiffies, READ_ONCE(a->until))) {
		rv = s->robustness;
		qi = s->query_interval;
		qri = s->query_response_interval;
	} else {
		rv = READ_ONCE(a->qrv);
		qi = READ_ONCE(a->qi_ms);
		qri = READ_ONCE(a->qri_ms);
	}
	*older_ms = rv * qi + qri;
	return rv * qi + 2 * qri;
}

unsigned long mcs_ctx_membership_interval(const struct mcs_bridge *mb,
					  u16 vid, int proto)
{
	const struct mcs_ctx *ctx;
	u32 ms, older_ms;

	rcu_read_lock();
	ctx = mcs_ctx_find(mb, vid) ?: mcs_ctx_find(mb, 0);
	ms = mcs_ctx_interval_ms(ctx, mcs_ctx_settings(ctx), proto, &older_ms);
	rcu_read_unlock();
	return msecs_to_jiffies(ms);
}

void mcs_ctx_learn_times(const struct mcs_bridge *mb, u16 vid, int proto,
			 bool fast_leave, unsigned long now,
			 struct mcs_filter_times *t)
{
	const struct mcs_settings *s;
	const struct mcs_ctx *ctx;
	u32 older_ms;

	/* The packet path holds RCU; a new VLAN's the bridge's meanwhile. */
	ctx = mcs_ctx_find(mb, vid) ?: mcs_ctx_find(mb, 0);
	s = mcs_ctx_settings(ctx);
	t->now = now;
	t->gmi_end = now + msecs_to_jiffies(mcs_ctx_interval_ms(ctx, s, proto,
								&older_ms));
	t->older_end = now + msecs_to_jiffies(older_ms);
	t->lmq_end = now + (fast_leave ? 0 :
			    msecs_to_jiffies(s->last_member_count *
					     s->last_member_interval));
}
