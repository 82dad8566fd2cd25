/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_VLAN_H
#define _MCS_VLAN_H

#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

#include "bridge.h"

/*
 * The querier and timer settings of one VLAN (vid 0: the bridge), as in
 * effect: each the VLAN's own, or the bridge's. Times in milliseconds.
 */
struct mcs_vlan_cfg {
	u32 query_interval;
	u32 query_response_interval;
	u32 last_member_interval;
	u32 membership_timeout;		/* 0: auto */
	u32 startup_query_interval;	/* 0: auto */
	__be32 addr4;			/* 0: the upper device's own */
	struct in6_addr addr6;		/* ::: the upper device's own */
	u8 querier;			/* enum mcsnoop_querier_mode */
	u8 proxy_query;
	u8 robustness;
	u8 last_member_count;
	u8 startup_query_count;		/* 0: auto */
	u8 igmp_version;
	u8 mld_version;
};

/*
 * The settings a VLAN has of its own (own: MCSNOOP_VLAN_SETTING_* bits;
 * the other fields of cfg are unused). In struct mcs_bridge.vlan_queriers,
 * replaced whole under RTNL, read under RCU.
 */
struct mcs_vlan {
	u32 own;
	struct mcs_vlan_cfg cfg;
	struct rcu_head rcu;
};

/* The VLAN settings by index, in the order of enum mcsnoop_vlan_setting. */
enum mcs_vlan_setting_idx {
	MCS_VS_QUERIER,
	MCS_VS_QUERIER_ADDR4,
	MCS_VS_QUERIER_ADDR6,
	MCS_VS_PROXY_QUERY,
	MCS_VS_QUERY_INTERVAL,
	MCS_VS_QUERY_RESPONSE_INTERVAL,
	MCS_VS_ROBUSTNESS,
	MCS_VS_LAST_MEMBER_INTERVAL,
	MCS_VS_LAST_MEMBER_COUNT,
	MCS_VS_MEMBERSHIP_TIMEOUT,
	MCS_VS_STARTUP_QUERY_INTERVAL,
	MCS_VS_STARTUP_QUERY_COUNT,
	MCS_VS_IGMP_VERSION,
	MCS_VS_MLD_VERSION,
	MCS_VLAN_SETTINGS_N
};

#define MCS_QIDX(name)		MCS_VS_##name

/* One VLAN setting: its bit, netlink attribute and field of the cfg. */
struct mcs_vlan_setting {
	u32 bit;			/* MCSNOOP_VLAN_SETTING_* */
	u16 attr;			/* MCSNOOP_A_VLAN_* */
	u8 offset;
	u8 size;
};

/* By enum mcs_vlan_setting_idx. */
extern const struct mcs_vlan_setting mcs_vlan_settings[MCS_VLAN_SETTINGS_N];

/* The settings in effect on vid (any context; takes RCU itself). */
void mcs_vlan_cfg(const struct mcs_bridge *mb, u16 vid,
		  struct mcs_vlan_cfg *cfg);
/* The VLAN's own settings' bits. */
u32 mcs_vlan_own(const struct mcs_bridge *mb, u16 vid);

/*
 * RTNL: the settings of set (bits) take their value from val and become
 * vid's own, those of inherit the bridge's again.
 */
int mcs_vlan_update(struct mcs_bridge *mb, u16 vid,
		    const struct mcs_vlan_cfg *val, u32 set, u32 inherit);
/*
 * RTNL: whether every VLAN's response interval stays below its query
 * interval with these of the bridge (the VLANs that inherit them).
 */
bool mcs_vlan_intervals_ok(struct mcs_bridge *mb, u32 qi, u32 qri);
/* Frees every VLAN's settings (the bridge is going). */
void mcs_vlan_free_all(struct mcs_bridge *mb);

/* Timeouts on vid, from its settings in effect. */
u32 mcs_vlan_membership_ms(const struct mcs_vlan_cfg *cfg);
/* With an elected querier's values (proto: enum mcs_proto), jiffies. */
unsigned long mcs_vlan_membership_interval(const struct mcs_bridge *mb,
					   u16 vid, int proto);
struct mcs_filter_times;
/*
 * The times a record learnt on vid applies with: membership and older
 * host present intervals, last member time (0 with fast leave).
 */
void mcs_vlan_learn_times(const struct mcs_bridge *mb, u16 vid, int proto,
			  bool fast_leave, unsigned long now,
			  struct mcs_filter_times *t);

#endif /* _MCS_VLAN_H */
