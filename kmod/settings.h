/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_SETTINGS_H
#define _MCS_SETTINGS_H

#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

/*
 * The settings of one multicast context (the bridge, or one VLAN): the
 * querier and its timers. A VLAN's are in effect values: each its own
 * (a bit of own) or, inherited, the bridge's, copied in whenever the
 * bridge's change. The bridge's own every one. Replaced whole under RTNL
 * and read under RCU, so that a reader sees one consistent set without
 * copying it. Times in milliseconds.
 */
struct mcs_settings {
	u32 own;			/* MCSNOOP_VLAN_SETTING_* */
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
	u8 flood_unknown;		/* ports' default; theirs go first */
	struct rcu_head rcu;
};

extern const struct mcs_settings mcs_settings_defaults;

/*
 * One setting: its bit, its attribute in the bridge's and in a VLAN's
 * messages, where it lives in struct mcs_settings, and whether a change
 * restarts the querier (it changes what the querier sends, or when).
 * A new setting is a field above, a row of mcs_setting_table and its
 * attributes in the netlink spec.
 */
struct mcs_setting {
	u32 bit;
	u16 bridge_attr;		/* MCSNOOP_A_BRIDGE_* */
	u16 vlan_attr;			/* MCSNOOP_A_VLAN_* */
	u8 offset;
	u8 size;
	bool restarts_querier;
};

/* In the order of enum mcsnoop_vlan_setting's bits. */
enum mcs_setting_idx {
	MCS_SET_QUERIER,
	MCS_SET_QUERIER_ADDR4,
	MCS_SET_QUERIER_ADDR6,
	MCS_SET_PROXY_QUERY,
	MCS_SET_QUERY_INTERVAL,
	MCS_SET_QUERY_RESPONSE_INTERVAL,
	MCS_SET_ROBUSTNESS,
	MCS_SET_LAST_MEMBER_INTERVAL,
	MCS_SET_LAST_MEMBER_COUNT,
	MCS_SET_MEMBERSHIP_TIMEOUT,
	MCS_SET_STARTUP_QUERY_INTERVAL,
	MCS_SET_STARTUP_QUERY_COUNT,
	MCS_SET_IGMP_VERSION,
	MCS_SET_MLD_VERSION,
	MCS_SET_FLOOD_UNKNOWN,
	MCS_SETTINGS_N
};

extern const struct mcs_setting mcs_setting_table[MCS_SETTINGS_N];

/* Copy the values of the settings of bits from src to dst. */
void mcs_settings_copy(struct mcs_settings *dst,
		       const struct mcs_settings *src, u32 bits);

/*
 * Membership interval (RFC 9776 8.4, RFC 9777 9.4): robustness x query
 * interval plus twice the query response interval (RFC 3376 and RFC 3810
 * added it once), or the configured timeout.
 */
static inline u32 mcs_settings_membership_ms(const struct mcs_settings *s)
{
	return s->membership_timeout ?:
	       s->robustness * s->query_interval +
	       2 * s->query_response_interval;
}

static inline u32 mcs_settings_startup_interval_ms(const struct mcs_settings *s)
{
	return s->startup_query_interval ?: s->query_interval / 4;
}

static inline u8 mcs_settings_startup_count(const struct mcs_settings *s)
{
	return s->startup_query_count ?: s->robustness;
}

/* The version we query in, by protocol (enum mcs_proto). */
static inline u8 mcs_settings_version(const struct mcs_settings *s,
				      int proto)
{
	return proto ? s->mld_version : s->igmp_version;
}

#endif /* _MCS_SETTINGS_H */
