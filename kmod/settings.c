// SPDX-License-Identifier: GPL-2.0
/*
 * The table of the per-context settings (settings.h): where each lives
 * and which attributes carry it, for netlink and for inheritance.
 */
#include <linux/stddef.h>
#include <linux/string.h>

#include <linux/mcsnoop.h>

#include "settings.h"

/* A setting: its field of struct mcs_settings and the C type of it. */
#define MCS_SETTING(name, field, type, restarts) {			\
	.bit = MCSNOOP_VLAN_SETTING_##name,				\
	.bridge_attr = MCSNOOP_A_BRIDGE_##name,				\
	.vlan_attr = MCSNOOP_A_VLAN_##name,				\
	.offset = offsetof(struct mcs_settings, field),			\
	.size = sizeof(type),						\
	.restarts_querier = restarts,					\
}

static_assert(MCSNOOP_VLAN_SETTING_FLOOD_UNKNOWN == 1 << MCS_SET_FLOOD_UNKNOWN);

const struct mcs_setting mcs_setting_table[MCS_SETTINGS_N] = {
	[MCS_SET_QUERIER] = MCS_SETTING(QUERIER, querier, u8, true),
	[MCS_SET_QUERIER_ADDR4] =
		MCS_SETTING(QUERIER_ADDR4, addr4, __be32, true),
	[MCS_SET_QUERIER_ADDR6] =
		MCS_SETTING(QUERIER_ADDR6, addr6, struct in6_addr, true),
	[MCS_SET_PROXY_QUERY] = MCS_SETTING(PROXY_QUERY, proxy_query, u8, true),
	[MCS_SET_QUERY_INTERVAL] =
		MCS_SETTING(QUERY_INTERVAL, query_interval, u32, true),
	[MCS_SET_QUERY_RESPONSE_INTERVAL] =
		MCS_SETTING(QUERY_RESPONSE_INTERVAL, query_response_interval, u32,
			    true),
	[MCS_SET_ROBUSTNESS] = MCS_SETTING(ROBUSTNESS, robustness, u8, true),
	[MCS_SET_LAST_MEMBER_INTERVAL] =
		MCS_SETTING(LAST_MEMBER_INTERVAL, last_member_interval, u32,
			    false),
	[MCS_SET_LAST_MEMBER_COUNT] =
		MCS_SETTING(LAST_MEMBER_COUNT, last_member_count, u8, false),
	[MCS_SET_MEMBERSHIP_TIMEOUT] =
		MCS_SETTING(MEMBERSHIP_TIMEOUT, membership_timeout, u32, false),
	[MCS_SET_STARTUP_QUERY_INTERVAL] =
		MCS_SETTING(STARTUP_QUERY_INTERVAL, startup_query_interval, u32,
			    true),
	[MCS_SET_STARTUP_QUERY_COUNT] =
		MCS_SETTING(STARTUP_QUERY_COUNT, startup_query_count, u8, true),
	[MCS_SET_IGMP_VERSION] =
		MCS_SETTING(IGMP_VERSION, igmp_version, u8, true),
	[MCS_SET_MLD_VERSION] = MCS_SETTING(MLD_VERSION, mld_version, u8, true),
	[MCS_SET_FLOOD_UNKNOWN] =
		MCS_SETTING(FLOOD_UNKNOWN, flood_unknown, u8, false),
};

/* RFC 3376 8 defaults; the querier takes part in the election. */
const struct mcs_settings mcs_settings_defaults = {
	.own = (1 << MCS_SETTINGS_N) - 1,
	.query_interval = 125000,
	.query_response_interval = 10000,
	.last_member_interval = 1000,
	.robustness = 2,
	.last_member_count = 2,
	.querier = MCSNOOP_QUERIER_AUTO,
	.proxy_query = true,
	.igmp_version = 3,
	.mld_version = 2,
	.flood_unknown = true,
};

void mcs_settings_copy(struct mcs_settings *dst,
		       const struct mcs_settings *src, u32 bits)
{
	const struct mcs_setting *s;
	unsigned int i;

	for (i = 0; i < MCS_SETTINGS_N; i++) {
		s = &mcs_setting_table[i];
		if (bits & s->bit)
			memcpy((u8 *)dst + s->offset,
			       (const u8 *)src + s->offset, s->size);
	}
}
