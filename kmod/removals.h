/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_REMOVALS_H
#define _MCS_REMOVALS_H

#include <linux/in6.h>
#include <linux/types.h>

struct mcs_bridge;
struct mcs_group;
struct mcs_port;
struct sk_buff;

/*
 * Why memberships ended, kept per port (and for the bridge's own host)
 * after the rate-limited event is gone: the last MCS_REMOVALS_N, with
 * whether a querier was heard while they lasted.
 */
#define MCS_REMOVALS_N 16

struct mcs_removal {
	struct in6_addr group;
	unsigned long when;		/* jiffies */
	unsigned long last_query;	/* the last general query before */
	u16 vid;
	u8 reason;			/* enum mcsnoop_event_reason */
	bool query_seen;		/* last_query is set */
	/* A general query within the membership interval before. */
	bool querier;
};

/* A ring, under the bridge lock. */
struct mcs_removals {
	struct mcs_removal ring[MCS_REMOVALS_N];
	u8 next;
	u8 count;
};

/* port (NULL: the bridge's host) left grp for reason; the bridge lock. */
void mcs_removal_record(struct mcs_bridge *mb, struct mcs_port *port,
			const struct mcs_group *grp, u8 reason);

/* The ring of port (NULL: the host) as a nest attr, newest first. */
int mcs_nl_put_removals(struct sk_buff *skb, int attr, struct mcs_bridge *mb,
			struct mcs_port *port);

#endif /* _MCS_REMOVALS_H */
