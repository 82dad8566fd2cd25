/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MCS_REMOVALS_H
#define MCS_REMOVALS_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "parse_args.h"

/* Which removals to print: all, or those of a VID and a group. */
struct mcs_removal_filter {
	bool has_vid;
	uint32_t vid;
	const struct mcs_addr *group;	/* NULL: any */
};

/*
 * Print the removals nest of a port or a bridge's host (newest first).
 * bridge NULL: as port show -s does, into an array the caller opened
 * ("removed GROUP AGE s ago: WHY" lines). Otherwise as group show -s
 * does: an object each with its bridge and port (the host: the bridge),
 * "removed": true, lines "removed GROUP port PORT AGE s ago: WHY".
 */
void mcs_removals_print(const struct nlattr *nest, const char *bridge,
			const char *port, const struct mcs_removal_filter *f);

/* group show -s: the removals of bridge's (NULL: every one's) host and ports. */
struct nl_sock;
int mcs_removals_show(struct nl_sock *nl, const char *bridge,
		      const struct mcs_removal_filter *f);

#endif /* MCS_REMOVALS_H */
