/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_TABLE_H
#define _MCS_TABLE_H

#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/rhashtable.h>

#include "bridge.h"
#include "parse.h"
#include "port.h"

/* Sources a member tracks; a member that needs more forwards any source. */
#define MCS_MAX_SOURCES 64
/* Sources a group-and-source-specific query after one record names. */
#define MCS_GSQ_SOURCES 16

/* IPv4 groups are v4-mapped IPv6 addresses (struct mcs_addr). */
struct mcs_group_key {
	struct in6_addr addr;
	u32 vid;
};

/* A group on one VLAN of a bridge, and who wants it. */
struct mcs_group {
	struct rhash_head rnode;
	struct mcs_group_key key;
	struct list_head list;		/* mb->group_list */
	struct hlist_head members;	/* struct mcs_member, RCU */
	bool ipv6;
	/* A member did not fit its port's max-groups: flood the group. */
	bool overflow;
	unsigned long overflow_expires;
	atomic64_t packets;
	atomic64_t bytes;
	struct rcu_head rcu;
};

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
	 * On a port with mcast_to_unicast, each reporting host has its own
	 * membership, and its MAC here (it gets unicast copies, as from the
	 * bridge's own snooping); zero for the port as a whole.
	 */
	u8 host[ETH_ALEN];
	/*
	 * Learnt for the port as a whole: the host whose report created it.
	 * When the port turns mcast_to_unicast on, that host gets the
	 * unicast copies at once, as from the bridge's port group.
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

/* The version the membership's hosts are treated as now (compat mode). */
u8 mcs_member_host_compat(const struct mcs_member *m, bool ipv6,
			  unsigned long now);

struct mcs_source {
	struct hlist_node node;
	struct in6_addr addr;
	unsigned long expires;
	bool blocked;			/* EXCLUDE mode: not forwarded */
	bool is_static;
	struct rcu_head rcu;
};

int mcs_table_init(struct mcs_bridge *mb);
/* Starts the collector of expired entries. */
void mcs_table_start(struct mcs_bridge *mb);
/* Frees everything; the caller made sure no reader or collector runs. */
void mcs_table_destroy(struct mcs_bridge *mb);

/* Packet path (RCU): the group, or NULL when it is not registered. */
struct mcs_group *mcs_group_lookup(struct mcs_bridge *mb,
				   const struct in6_addr *addr, u16 vid);
struct mcs_member *mcs_member_of(const struct mcs_group *grp,
				 const struct mcs_port *port);
/* The membership of host (NULL: of the port as a whole) on port. */
struct mcs_member *mcs_member_of_host(const struct mcs_group *grp,
				      const struct mcs_port *port,
				      const u8 *host);
/* Packet path: whether a membership of port wants traffic from src now. */
bool mcs_port_accepts(const struct mcs_group *grp, const struct mcs_port *port,
		      const struct in6_addr *src, unsigned long now);
/* Whether a member wants traffic from src now. */
bool mcs_member_accepts(const struct mcs_member *m,
			const struct in6_addr *src, unsigned long now);

/*
 * Learning, called with the bridge lock held. host: the reporter's MAC
 * on a mcast_to_unicast port, else NULL; reporter: its MAC (NULL for the
 * bridge's own host).
 */
void mcs_learn_record(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		      bool ipv6, const struct mcs_record *rec, const u8 *host,
		      const u8 *reporter);
/*
 * The port turned mcast_to_unicast on: each membership it learnt for the
 * port as a whole becomes its reporter's own, so that the member gets
 * unicast copies at once (the bridge converts its port groups alike).
 * RTNL.
 */
void mcs_table_split_by_host(struct mcs_bridge *mb, struct mcs_port *port);

/* Static entries and flushes, under RTNL. */
int mcs_static_add(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *grp, const struct in6_addr *src,
		   bool ipv6);
int mcs_static_del(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *grp, const struct in6_addr *src);
/*
 * Remove memberships: of port (NULL: all ports), of vid (-1: all), with
 * a MEMBER_DEL event of reason each (REASON_NONE: silently).
 */
void mcs_table_flush(struct mcs_bridge *mb, struct mcs_port *port, int vid,
		     bool dynamic_only, u8 reason);

/*
 * Max-groups of port (NULL: the bridge) was lowered: evict learnt state,
 * the soonest to expire first, until the count fits (MEMBER_DEL
 * reason LIMIT). Static entries stay, even over the limit. RTNL.
 */
void mcs_table_evict(struct mcs_bridge *mb, struct mcs_port *port);

unsigned int mcs_table_vlan_count(struct mcs_bridge *mb, u16 vid);

bool mcs_addr_is_v4(const struct in6_addr *a);

#endif /* _MCS_TABLE_H */
