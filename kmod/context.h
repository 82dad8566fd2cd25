/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_CONTEXT_H
#define _MCS_CONTEXT_H

#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>
#include <linux/xarray.h>

#include "bridge.h"
#include "querier.h"
#include "settings.h"

/*
 * The values of the elected IGMPv3/MLDv2 querier that rule the membership
 * timeout (RFC 3376 8.1, RFC 3810 9.1) while it is present. Bridge lock
 * for writers, READ_ONCE for readers.
 */
struct mcs_adopted {
	u32 qi_ms;
	u32 qri_ms;
	u8 qrv;
	unsigned long until;
};

/*
 * One multicast context: the bridge itself (VID 0) or one of its VLANs,
 * as the bridge's struct net_bridge_mcast. In mb->ctx.xa by VID; a VLAN
 * has one while the bridge or a port has the VLAN, or it has a setting
 * of its own. Created and freed under RTNL, freed after a grace period.
 */
struct mcs_ctx {
	u16 vid;
	/*
	 * The querier runs here (bridge lock): VID 0 without VLAN
	 * filtering, a VLAN of the bridge or of a port with it.
	 */
	bool present;
	struct mcs_settings __rcu *settings;
	/* By enum mcs_proto, all under the bridge lock. */
	struct mcs_querier querier[MCS_PROTO_MAX];
	struct mcs_adopted adopted[MCS_PROTO_MAX];
	struct rcu_head rcu;
};

/* The context a querier lives in. */
static inline struct mcs_ctx *mcs_querier_ctx(const struct mcs_querier *q)
{
	return container_of(q - q->proto, struct mcs_ctx, querier[0]);
}

/* RCU, RTNL or the bridge lock. */
static inline struct mcs_ctx *mcs_ctx_find(const struct mcs_bridge *mb,
					   u16 vid)
{
	return xa_load((struct xarray *)&mb->ctx.xa, vid);
}

static inline const struct mcs_settings *
mcs_ctx_settings(const struct mcs_ctx *ctx)
{
	return rcu_dereference_check(ctx->settings, lockdep_rtnl_is_held());
}

/*
 * The settings in effect on vid (RCU or RTNL): its context's, or the
 * bridge's while a new VLAN has none yet.
 */
const struct mcs_settings *mcs_settings_of(const struct mcs_bridge *mb,
					   u16 vid);

/*
 * The first context from *vid on whose querier runs, *vid set to its VID
 * (bridge lock held): for (vid = 0; (ctx = ...(mb, &vid)); vid++).
 */
static inline struct mcs_ctx *mcs_ctx_next_present(struct mcs_bridge *mb,
						   unsigned long *vid)
{
	struct mcs_ctx *ctx;

	for (ctx = xa_find(&mb->ctx.xa, vid, ULONG_MAX, XA_PRESENT); ctx;
	     ctx = xa_find_after(&mb->ctx.xa, vid, ULONG_MAX, XA_PRESENT))
		if (ctx->present)
			return ctx;
	return NULL;
}

/* RTNL: the bridge's context, with the defaults; everything freed. */
int mcs_ctx_init(struct mcs_bridge *mb);
void mcs_ctx_free_all(struct mcs_bridge *mb);

/*
 * RTNL: the settings of set (bits) take their value from val and become
 * vid's own, those of inherit the bridge's again. On VID 0 the bridge's
 * change, and with them every VLAN's that inherits them.
 */
int mcs_ctx_update(struct mcs_bridge *mb, u16 vid,
		   const struct mcs_settings *val, u32 set, u32 inherit);
/*
 * RTNL: whether every VLAN's response interval stays below its query
 * interval with these of the bridge (the VLANs that inherit them).
 */
bool mcs_ctx_intervals_ok(struct mcs_bridge *mb, u32 qi, u32 qri);

/*
 * RTNL: a VLAN came or went on the bridge or a port (vid), or VLAN
 * filtering changed (all): the contexts follow once the bridge has done.
 */
void mcs_ctx_vlan_changed(struct mcs_bridge *mb, u16 vid);
void mcs_ctx_vlans_changed(struct mcs_bridge *mb);
/* RTNL: every VLAN there is now (enable); stop following (disable). */
void mcs_ctx_start(struct mcs_bridge *mb);
void mcs_ctx_stop(struct mcs_bridge *mb);

/* Membership interval on vid now, jiffies (proto: enum mcs_proto). */
unsigned long mcs_ctx_membership_interval(const struct mcs_bridge *mb,
					  u16 vid, int proto);
struct mcs_filter_times;
/*
 * The times a record learnt on vid applies with: membership and older
 * host present intervals, last member time (0 with fast leave).
 */
void mcs_ctx_learn_times(const struct mcs_bridge *mb, u16 vid, int proto,
			 bool fast_leave, unsigned long now,
			 struct mcs_filter_times *t);

#endif /* _MCS_CONTEXT_H */
