/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The source filter of one membership (RFC 3376 6.4, RFC 3810 7.4) and its
 * state machine, with host compatibility (RFC 3376 7.3.2, RFC 3810 8.3.2).
 * Pure code on a member and its sources: it tells its caller (table.c)
 * what to announce and what to query instead of doing it, so that the
 * userspace tests (kmod/test/filter_test.c) drive every transition.
 * Changes run under the bridge's lock; the packet path reads under RCU.
 */
#ifndef _MCS_FILTER_H
#define _MCS_FILTER_H

#ifdef __KERNEL__
#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/mcsnoop.h>
#include <net/ipv6.h>
#endif

#include "parse.h"

#ifndef __KERNEL__
#include <linux/mcsnoop.h>
#endif

/* Sources a member tracks; a member that needs more forwards any source. */
#define MCS_MAX_SOURCES 64
/* Sources a group-and-source-specific query after one record names. */
#define MCS_GSQ_SOURCES 16

struct mcs_port;

/*
 * One port's membership (port NULL: the bridge host itself), with the
 * source filter of RFC 3376 6.4 / RFC 3810 7.4: INCLUDE(sources) or
 * EXCLUDE(requested, blocked) and a group timer. Timers are expiry times
 * read lazily: forwarding is exact without waiting for the collector.
 */
struct mcs_member {
	struct hlist_node node;
	struct mcs_port *port;
	/*
	 * On a port that tracks hosts (fast leave, mcast_to_unicast: see
	 * hosts.h), each reporting host has its own membership, and its MAC
	 * here (with mcast_to_unicast it gets unicast copies, as from the
	 * bridge's own snooping); zero for the port as a whole.
	 */
	u8 host[ETH_ALEN];
	/*
	 * Learnt for the port as a whole: the host whose report created it.
	 * When the port starts tracking hosts, the membership becomes that
	 * host's (with mcast_to_unicast it gets unicast copies at once, as
	 * from the bridge's port group).
	 */
	u8 reporter[ETH_ALEN];
	u8 mode;			/* enum mcsnoop_filter_mode */
	bool is_static;
	bool static_any;		/* static (*,G), else static (S,G)s */
	bool leave_lowered;		/* a leave lowered its timers */
	unsigned long group_expires;	/* EXCLUDE mode */
	/*
	 * Older Version Host Present timers (RFC 3376 7.3.2, RFC 3810
	 * 8.3.2): an IGMPv1 / IGMPv2 report ([0] / [1]), or an MLDv1 report
	 * ([0]), was heard for the group until then (0: never).
	 */
	unsigned long older_host_expires[2];
	struct hlist_head sources;	/* struct mcs_source, RCU */
	unsigned int nsrc;
	struct rcu_head rcu;
};

struct mcs_source {
	struct hlist_node node;
	struct in6_addr addr;
	unsigned long expires;
	bool blocked;			/* EXCLUDE mode: not forwarded */
	bool is_static;
	struct rcu_head rcu;
};

/* The times a record is applied with (jiffies). */
struct mcs_filter_times {
	unsigned long now;
	unsigned long gmi_end;		/* now + membership interval */
	unsigned long older_end;	/* now + older host present interval */
	unsigned long lmq_end;		/* now + last member time */
	/* Never EXCLUDE {} for want of room for sources (a profile's). */
	bool keep_include;
};

/* What applying a record calls for. */
struct mcs_filter_result {
	/* Host compatibility ignored the record: nothing changed. */
	bool ignored;
	/* The member still wants something; false: it is to go. */
	bool wants;
	/* A leave lowered timers: ask the group, or these sources. */
	bool query_group;
	unsigned int query_nsrc;
	struct in6_addr query_src[MCS_GSQ_SOURCES];
};

static inline bool mcs_live(unsigned long expires, unsigned long now)
{
	return time_before(now, expires);
}

/* Inline: the packet path asks for every member of a group. */
static inline struct mcs_source *
mcs_source_find(const struct mcs_member *m, const struct in6_addr *addr)
{
	struct mcs_source *s;

	hlist_for_each_entry_rcu(s, &m->sources, node)
		if (ipv6_addr_equal(&s->addr, addr))
			return s;
	return NULL;
}

/* Packet path: whether a member wants traffic from src now. */
static inline bool mcs_member_accepts(const struct mcs_member *m,
				      const struct in6_addr *src,
				      unsigned long now)
{
	const struct mcs_source *s = mcs_source_find(m, src);
	bool live;

	if (READ_ONCE(m->is_static))
		return READ_ONCE(m->static_any) || (s && s->is_static);
	live = s && !READ_ONCE(s->blocked) &&
	       mcs_live(READ_ONCE(s->expires), now);
	if (READ_ONCE(m->mode) == MCSNOOP_FILTER_EXCLUDE &&
	    mcs_live(READ_ONCE(m->group_expires), now))
		return !s || live;
	return live;
}

/*
 * Apply one group record (IGMPv1/v2 and MLDv1 messages as their v3
 * equivalents, rec->version telling them apart) to a learnt member.
 */
void mcs_filter_apply(struct mcs_member *m, bool ipv6,
		      const struct mcs_record *rec,
		      const struct mcs_filter_times *t,
		      struct mcs_filter_result *res);
/*
 * Apply the expiries that are due: the state the packet path already
 * sees, made explicit. Returns whether the member still wants anything.
 */
bool mcs_member_settle(struct mcs_member *m, unsigned long now);
/* The version the membership's hosts are treated as now (compat mode). */
u8 mcs_member_host_compat(const struct mcs_member *m, bool ipv6,
			  unsigned long now);
/* Lowers *next to t if t comes sooner (a walk's next timer). */
static inline void mcs_soonest(unsigned long t, unsigned long *next)
{
	if (time_before(t, *next))
		*next = t;
}

/*
 * Lowers *next to the soonest timer of a learnt membership that ends
 * something (its group timer in EXCLUDE mode, a source's); the older
 * host present timers end nothing, the packet path reads them.
 */
void mcs_member_soonest(const struct mcs_member *m, unsigned long *next);
/* The last expiry of a settled learnt membership. */
unsigned long mcs_member_expires(const struct mcs_member *m,
				 unsigned long now);

/* Sources, for the static entries too. */
/* NULL when m tracks MCS_MAX_SOURCES already or without memory. */
struct mcs_source *mcs_source_new(struct mcs_member *m,
				  const struct in6_addr *addr,
				  unsigned long expires, bool blocked);
void mcs_source_free(struct mcs_member *m, struct mcs_source *s);
void mcs_sources_free(struct mcs_member *m, bool blocked_only);

#endif /* _MCS_FILTER_H */
