// SPDX-License-Identifier: GPL-2.0
/*
 * Lock-free per-CPU counters, summed when userspace asks.
 */
#include "stats.h"

struct mcs_pcpu_stats __percpu *mcs_stats_alloc(void)
{
	struct mcs_pcpu_stats __percpu *stats;
	int cpu;

	stats = alloc_percpu(struct mcs_pcpu_stats);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}

void mcs_stats_free(struct mcs_pcpu_stats __percpu *stats)
{
	free_percpu(stats);
}

void mcs_stats_read(struct mcs_pcpu_stats __percpu *stats,
		    u64 sum[MCS_CNT_MAX])
{
	u64 snap[MCS_CNT_MAX];
	unsigned int start;
	int cpu, i;

	memset(sum, 0, sizeof(u64) * MCS_CNT_MAX);
	for_each_possible_cpu(cpu) {
		const struct mcs_pcpu_stats *s = per_cpu_ptr(stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < MCS_CNT_MAX; i++)
				snap[i] = u64_stats_read(&s->cnt[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < MCS_CNT_MAX; i++)
			sum[i] += snap[i];
	}
}
