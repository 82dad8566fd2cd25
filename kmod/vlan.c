// SPDX-License-Identifier: GPL-2.0
/*
 * Per-VLAN querier and timer settings: each inherits the bridge's value
 * until the VLAN sets its own.
 */
#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <linux/mcsnoop.h>

#include "filter.h"
#include "vlan.h"

/* A setting: its field of struct mcs_vlan_cfg and the C type of it. */
#define MCS_VS(name, field, type) {					\
	.bit = MCSNOOP_VLAN_SETTING_##name,				\
	.attr = MCSNOOP_A_VLAN_##name,					\
	.offset = offsetof(struct mcs_vlan_cfg, field),			\
	.size = sizeof(type),						\
}

static_assert(MCSNOOP_VLAN_SETTING_MLD_VERSION == 1 << MCS_VS_MLD_VERSION);

const struct mcs_vlan_setting mcs_vlan_settings[MCS_VLAN_SETTINGS_N] = {
	[MCS_VS_QUERIER] = MCS_VS(QUERIER, querier, u8),
	[MCS_VS_QUERIER_ADDR4] = MCS_VS(QUERIER_ADDR4, addr4, __be32),
	[MCS_VS_QUERIER_ADDR6] = MCS_VS(QUERIER_ADDR6, addr6, struct in6_addr),
	[MCS_VS_PROXY_QUERY] = MCS_VS(PROXY_QUERY, proxy_query, u8),
	[MCS_VS_QUERY_INTERVAL] = MCS_VS(QUERY_INTERVAL, query_interval, u32),
	[MCS_VS_QUERY_RESPONSE_INTERVAL] =
		MCS_VS(QUERY_RESPONSE_INTERVAL, query_response_interval, u32),
	[MCS_VS_ROBUSTNESS] = MCS_VS(ROBUSTNESS, robustness, u8),
	[MCS_VS_LAST_MEMBER_INTERVAL] =
		MCS_VS(LAST_MEMBER_INTERVAL, last_member_interval, u32),
	[MCS_VS_LAST_MEMBER_COUNT] =
		MCS_VS(LAST_MEMBER_COUNT, last_member_count, u8),
	[MCS_VS_MEMBERSHIP_TIMEOUT] =
		MCS_VS(MEMBERSHIP_TIMEOUT, membership_timeout, u32),
	[MCS_VS_STARTUP_QUERY_INTERVAL] =
		MCS_VS(STARTUP_QUERY_INTERVAL, startup_query_interval, u32),
	[MCS_VS_STARTUP_QUERY_COUNT] =
		MCS_VS(STARTUP_QUERY_COUNT, startup_query_count, u8),
	[MCS_VS_IGMP_VERSION] = MCS_VS(IGMP_VERSION, igmp_version, u8),
	[MCS_VS_MLD_VERSION] = MCS_VS(MLD_VERSION, mld_version, u8),
};

/* Copy the settings of bits from src to dst. */
static void mcs_vlan_copy(struct mcs_vlan_cfg *dst,
			  const struct mcs_vlan_cfg *src, u32 bits)
{
	const struct mcs_vlan_setting *s;

	for (s = mcs_vlan_settings; s < mcs_vlan_settings + MCS_VLAN_SETTINGS_N;
	     s++)
		if (bits & s->bit)
			memcpy((u8 *)dst + s->offset,
			       (const u8 *)src + s->offset, s->size);
}

void mcs_vlan_cfg(const struct mcs_bridge *mb, u16 vid,
		  struct mcs_vlan_cfg *cfg)
{
	const struct mcs_config *b = &mb->cfg;
	const struct mcs_querier_addrs *qa;
	const struct mcs_vlan *v;

	memset(cfg, 0, sizeof(*cfg));
	cfg->query_interval = READ_ONCE(b->query_interval);
	cfg->query_response_interval = READ_ONCE(b->query_response_interval);
	cfg->last_member_interval = READ_ONCE(b->last_member_interval);
	cfg->membership_timeout = READ_ONCE(b->membership_timeout);
	cfg->startup_query_interval = READ_ONCE(b->startup_query_interval);
	cfg->querier = READ_ONCE(b->querier);
	cfg->proxy_query = READ_ONCE(b->proxy_query);
	cfg->robustness = READ_ONCE(b->robustness);
	cfg->last_member_count = READ_ONCE(b->last_member_count);
	cfg->startup_query_count = READ_ONCE(b->startup_query_count);
	cfg->igmp_version = READ_ONCE(b->igmp_version);
	cfg->mld_version = READ_ONCE(b->mld_version);
	rcu_read_lock();
	qa = rcu_dereference(mb->querier_addrs);
	if (qa) {
		cfg->addr4 = qa->addr4;
		cfg->addr6 = qa->addr6;
	}
	v = vid ? xa_load((struct xarray *)&mb->vlan_queriers, vid) : NULL;
	if (v)
		mcs_vlan_copy(cfg, &v->cfg, v->own);
	rcu_read_unlock();
}

u32 mcs_vlan_own(const struct mcs_bridge *mb, u16 vid)
{
	const struct mcs_vlan *v;
	u32 own = 0;

	rcu_read_lock();
	v = xa_load((struct xarray *)&mb->vlan_queriers, vid);
	if (v)
		own = v->own;
	rcu_read_unlock();
	return own;
}

int mcs_vlan_update(struct mcs_bridge *mb, u16 vid,
		    const struct mcs_vlan_cfg *val, u32 set, u32 inherit)
{
	struct mcs_vlan *old, *v = NULL;
	int err;

	ASSERT_RTNL();
	if (!set && !inherit)
		return 0;
	old = xa_load(&mb->vlan_queriers, vid);
	if (((old ? old->own : 0) & ~inherit) | set) {
		v = kzalloc(sizeof(*v), GFP_KERNEL);
		if (!v)
			return -ENOMEM;
		if (old)
			*v = *old;
		mcs_vlan_copy(&v->cfg, val, set);
		v->own = (v->own & ~inherit) | set;
	}
	/* A VLAN that inherits everything needs no entry. */
	old = v ? xa_store(&mb->vlan_queriers, vid, v, GFP_KERNEL) :
		  xa_erase(&mb->vlan_queriers, vid);
	err = xa_err(old);
	if (err) {
		kfree(v);
		return err;
	}
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

bool mcs_vlan_intervals_ok(struct mcs_bridge *mb, u32 qi, u32 qri)
{
	const struct mcs_vlan *v;
	unsigned long vid;

	ASSERT_RTNL();
	xa_for_each(&mb->vlan_queriers, vid, v) {
		if ((v->own & MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL ?
		     v->cfg.query_response_interval : qri) >=
		    (v->own & MCSNOOP_VLAN_SETTING_QUERY_INTERVAL ?
		     v->cfg.query_interval : qi))
			return false;
	}
	return true;
}

void mcs_vlan_free_all(struct mcs_bridge *mb)
{
	struct mcs_vlan *v;
	unsigned long vid;

	xa_for_each(&mb->vlan_queriers, vid, v)
		kfree_rcu(v, rcu);
	xa_destroy(&mb->vlan_queriers);
}

/*
 * RFC 9776 8.4 and RFC 9777 9.4: robustness x query interval plus twice
 * the query response interval (RFC 3376 and RFC 3810 added it once).
 */
u32 mcs_vlan_membership_ms(const struct mcs_vlan_cfg *cfg)
{
	return cfg->membership_timeout ?:
	       cfg->robustness * cfg->query_interval +
	       2 * cfg->query_response_interval;
}

/*
 * The membership interval now (ms), from our settings or from the elected
 * querier's QRV and QQIC; *older_ms: the Older Version Host Present
 * Interval (RFC 9776 8.13, RFC 9777 9.13: one response interval, not two).
 */
static u32 mcs_vlan_interval_ms(const struct mcs_bridge *mb,
				const struct mcs_vlan_cfg *cfg, u16 vid,
				int proto, u32 *older_ms)
{
	const struct mcs_adopted *a = &mb->adopted[proto];
	u32 rv, qi, qri;

	if (cfg->membership_timeout) {
		*older_ms = cfg->membership_timeout;
		return cfg->membership_timeout;
	}
	if (READ_ONCE(a->vid) != vid ||
	    !time_before(jiffies, READ_ONCE(a->until))) {
		rv = cfg->robustness;
		qi = cfg->query_interval;
		qri = cfg->query_response_interval;
	} else {
		rv = READ_ONCE(a->qrv);
		qi = READ_ONCE(a->qi_ms);
		qri = READ_ONCE(a->qri_ms);
	}
	*older_ms = rv * qi + qri;
	return rv * qi + 2 * qri;
}

unsigned long mcs_vlan_membership_interval(const struct mcs_bridge *mb,
					   u16 vid, int proto)
{
	struct mcs_vlan_cfg cfg;
	u32 older_ms;

	mcs_vlan_cfg(mb, vid, &cfg);
	return msecs_to_jiffies(mcs_vlan_interval_ms(mb, &cfg, vid, proto,
						     &older_ms));
}

void mcs_vlan_learn_times(const struct mcs_bridge *mb, u16 vid, int proto,
			  bool fast_leave, unsigned long now,
			  struct mcs_filter_times *t)
{
	struct mcs_vlan_cfg cfg;
	u32 older_ms;

	/* One copy of the settings per record: learning is hot. */
	mcs_vlan_cfg(mb, vid, &cfg);
	t->now = now;
	t->gmi_end = now + msecs_to_jiffies(mcs_vlan_interval_ms(mb, &cfg, vid,
								 proto,
								 &older_ms));
	t->older_end = now + msecs_to_jiffies(older_ms);
	t->lmq_end = now + (fast_leave ? 0 :
			    msecs_to_jiffies(cfg.last_member_count *
					     cfg.last_member_interval));
}
