/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_PRUNED_H
#define _MCS_PRUNED_H

#include <linux/bitops.h>
#include <linux/percpu.h>
#include <linux/u64_stats_sync.h>

/*
 * The copies of registered groups' data that ports did not get, per port
 * bit (port.h), without a count per port and frame: with many ports most
 * get nothing (replicate.c). The data path counts the frames it decided
 * by bits, and for each bit the frames it did not prune there (the ports
 * that may want it, and the one it came from: few). A bit's pruned count
 * is the difference; a port's data_pruned adds what its bit counted since
 * the port took it.
 */
struct mcs_pruned {
	u64_stats_t frames;
	u64_stats_t spared[BITS_PER_LONG];
	struct u64_stats_sync syncp;
};

struct mcs_pruned __percpu *mcs_pruned_alloc(void);
void mcs_pruned_free(struct mcs_pruned __percpu *pruned);
/* The count of bit, over all CPUs. */
u64 mcs_pruned_read(struct mcs_pruned __percpu *pruned, unsigned int bit);

/* Packet path (BH disabled): a frame, which every bit but spared prunes. */
static inline void mcs_pruned_count(struct mcs_pruned __percpu *pruned,
				    unsigned long spared)
{
	struct mcs_pruned *p = this_cpu_ptr(pruned);

	u64_stats_update_begin(&p->syncp);
	u64_stats_inc(&p->frames);
	smp_wmb();	/* a reader sees frames no later than spared */
	for (; spared; spared &= spared - 1)
		u64_stats_inc(&p->spared[__ffs(spared)]);
	u64_stats_update_end(&p->syncp);
}

#endif /* _MCS_PRUNED_H */
