/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MCSNOOP_A_STATS_* counters shared by bridge show, port show and
 * stats show, and the stats show command.
 */
#ifndef MCS_STATS_H
#define MCS_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/mcsnoop.h>

struct mcs_stats {
	bool present;
	bool bridge_only;		/* a bridge's counters, not a port's */
	uint64_t v[MCSNOOP_A_STATS_MAX + 1];
};

/* Name of a counter (the JSON key), or NULL for PAD and unknown types. */
const char *mcs_stats_name(unsigned int type);
/* Read a MCSNOOP_A_STATS nest. */
void mcs_stats_parse(const struct nlattr *nest, struct mcs_stats *stats);
/*
 * The "stats" JSON object, or in text a few lines each starting with
 * indent ("stats:" first, then one line per kind of counter).
 */
void mcs_stats_print(const struct mcs_stats *stats, const char *indent);

#endif /* MCS_STATS_H */
