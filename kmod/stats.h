/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_STATS_H
#define _MCS_STATS_H

#include <linux/percpu.h>
#include <linux/bottom_half.h>
#include <linux/u64_stats_sync.h>

/*
 * Per-bridge and per-port counters. The order is the order of the netlink
 * attributes: counter i is attribute MCSNOOP_A_STATS_IGMP + i.
 */
enum mcs_counter {
	MCS_CNT_IGMP,
	MCS_CNT_MLD,
	MCS_CNT_MCAST_DATA,
	MCS_CNT_FWD_COPIES,
	MCS_CNT_HOST_COPIES,
	MCS_CNT_IGMP_V1_QUERY,
	MCS_CNT_IGMP_V2_QUERY,
	MCS_CNT_IGMP_V3_QUERY,
	MCS_CNT_IGMP_V1_REPORT,
	MCS_CNT_IGMP_V2_REPORT,
	MCS_CNT_IGMP_V3_REPORT,
	MCS_CNT_IGMP_V2_LEAVE,
	MCS_CNT_MLD_V1_QUERY,
	MCS_CNT_MLD_V2_QUERY,
	MCS_CNT_MLD_V1_REPORT,
	MCS_CNT_MLD_V2_REPORT,
	MCS_CNT_MLD_V1_DONE,
	MCS_CNT_MRD_ADVERTISEMENT,
	MCS_CNT_MRD_SOLICITATION,
	MCS_CNT_MRD_TERMINATION,
	MCS_CNT_PIM_HELLO,
	MCS_CNT_PARSE_ERRORS,
	/* One per parse failure, in the order of enum mcs_parse_result. */
	MCS_CNT_ERR_TRUNCATED,
	MCS_CNT_ERR_BAD_IP,
	MCS_CNT_ERR_FRAGMENT,
	MCS_CNT_ERR_BAD_TTL,
	MCS_CNT_ERR_BAD_CSUM,
	MCS_CNT_ERR_BAD_LENGTH,
	MCS_CNT_ERR_BAD_GROUP,
	MCS_CNT_ERR_BAD_SOURCE,
	MCS_CNT_ERR_BAD_RECORDS,
	MCS_CNT_DATA_FORWARDED,
	MCS_CNT_DATA_PRUNED,
	MCS_CNT_TABLE_FULL,
	/*
	 * The bridge's only, from here: events over the rate limit or without
	 * memory.
	 */
	MCS_CNT_EVENTS_DROPPED,
	/* Groups added with another's MAC (mac_alias.c). */
	MCS_CNT_MAC_ALIAS,
	/* Ports' too again: what a filtering profile denied. */
	MCS_CNT_DENIED,
	MCS_CNT_MAX
};

/* The bridge's own counters, which a port does not report. */
static inline bool mcs_counter_bridge_only(enum mcs_counter c)
{
	return c == MCS_CNT_EVENTS_DROPPED || c == MCS_CNT_MAC_ALIAS;
}

struct mcs_pcpu_stats {
	u64_stats_t cnt[MCS_CNT_MAX];
	struct u64_stats_sync syncp;
};

struct mcs_pcpu_stats __percpu *mcs_stats_alloc(void);
void mcs_stats_free(struct mcs_pcpu_stats __percpu *stats);
void mcs_stats_read(struct mcs_pcpu_stats __percpu *stats,
		    u64 sum[MCS_CNT_MAX]);

/* Packet path: runs with BH disabled, so this CPU's copy is ours. */
static inline void mcs_stats_inc(struct mcs_pcpu_stats __percpu *stats,
				 enum mcs_counter c)
{
	struct mcs_pcpu_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->cnt[c]);
	u64_stats_update_end(&s->syncp);
}

/* Anywhere but hard interrupts: process context too. */
static inline void mcs_stats_inc_any(struct mcs_pcpu_stats __percpu *stats,
				     enum mcs_counter c)
{
	local_bh_disable();
	mcs_stats_inc(stats, c);
	local_bh_enable();
}

static inline void mcs_stats_add(struct mcs_pcpu_stats __percpu *stats,
				 enum mcs_counter c, unsigned int n)
{
	struct mcs_pcpu_stats *s = this_cpu_ptr(stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->cnt[c], n);
	u64_stats_update_end(&s->syncp);
}

#endif /* _MCS_STATS_H */
