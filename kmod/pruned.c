// SPDX-License-Identifier: GPL-2.0
/*
 * Pruned copies per port bit: see pruned.h.
 */
#include "pruned.h"

struct mcs_pruned __percpu *mcs_pruned_alloc(void)
{
	struct mcs_pruned __percpu *pruned;
	int cpu;

	pruned = alloc_percpu(struct mcs_pruned);
	if (!pruned)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(pruned, cpu)->syncp);
	return pruned;
}

void mcs_pruned_free(struct mcs_pruned __percpu *pruned)
{
	free_percpu(pruned);
}

u64 mcs_pruned_read(struct mcs_pruned __percpu *pruned, unsigned int bit)
{
	unsigned int start;
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct mcs_pruned *p = per_cpu_ptr(pruned, cpu);
		u64 frames, spared;

		/* On 64 bits there is no seqcount: spared is read first. */
		do {
			start = u64_stats_fetch_begin(&p->syncp);
			spared = u64_stats_read(&p->spared[bit]);
			smp_rmb();	/* frames is never behind spared */
			frames = u64_stats_read(&p->frames);
		} while (u64_stats_fetch_retry(&p->syncp, start));
		sum += frames - spared;
	}
	return sum;
}
