/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_TABLE_H
#define _MCS_TABLE_H

#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/rhashtable.h>

#include "bridge.h"
#include "filter.h"
#include "parse.h"
#include "port.h"
#include "traffic.h"

/* IPv4 groups are v4-mapped IPv6 addresses (struct mcs_addr). */
struct mcs_group_key {
	struct in6_addr addr;
	u32 vid;
};

/*
 * The Ethernet address of a group on a VLAN: the table's key, so that
 * the groups sharing a MAC (mac_alias.c) share a list.
 */
struct mcs_mac_key {
	u8 mac[ETH_ALEN];
	u16 vid;
};

/* A group on one VLAN of a bridge, and who wants it. */
struct mcs_group {
	struct rhlist_head rnode;	/* mb->groups, by mac_key */
	/* In the holes the key leaves: 104 bytes in all (a cache's). */
	struct mcs_group_key key;
	bool ipv6;
	/* A member did not fit its port's max-groups: flood the group. */
	bool overflow;
	/* Out of the table; a walk may still meet it (mcs_table_walk()). */
	bool gone;
	struct mcs_mac_key mac_key;
	struct list_head list;		/* mb->group_list */
	struct hlist_head members;	/* struct mcs_member, RCU */
	unsigned long overflow_expires;
	struct mcs_traffic traffic;
	struct rcu_head rcu;
};

/* The slab cache of the groups, for the module's life. */
int __init mcs_table_cache_init(void);
void mcs_table_cache_uninit(void);

int mcs_table_init(struct mcs_bridge *mb);
/* Starts the collector of expired entries. */
void mcs_table_start(struct mcs_bridge *mb);
/* Frees everything; the caller made sure no reader or collector runs. */
void mcs_table_destroy(struct mcs_bridge *mb);

/* Packet path (RCU): the group, or NULL when it is not registered. */
struct mcs_group *mcs_group_lookup(struct mcs_bridge *mb,
				   const struct in6_addr *addr, u16 vid);
/* RCU: the list of the groups with MAC and VID mk (struct mcs_group rnode). */
struct rhlist_head *mcs_groups_of_mac(struct mcs_bridge *mb,
				      const struct mcs_mac_key *mk);
struct mcs_member *mcs_member_of(const struct mcs_group *grp,
				 const struct mcs_port *port);
/* The membership of host (NULL: of the port as a whole) on port. */
struct mcs_member *mcs_member_of_host(const struct mcs_group *grp,
				      const struct mcs_port *port,
				      const u8 *host);
/* Packet path: whether a membership of port wants traffic from src now. */
bool mcs_port_accepts(const struct mcs_group *grp, const struct mcs_port *port,
		      const struct in6_addr *src, unsigned long now);

/* Whether a record may be learnt at all (type, link-local, SSM rules). */
bool mcs_record_learnable(const struct mcs_record *rec, bool ipv6);
/*
 * Learning, called with the bridge lock held. host: the reporter's MAC
 * when the port tracks it (hosts.h), else NULL; reporter: its MAC (NULL
 * for the bridge's own host).
 */
void mcs_learn_record(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		      bool ipv6, const struct mcs_record *rec, const u8 *host,
		      const u8 *reporter);
/*
 * The port turned mcast_to_unicast or fast leave on: each membership it
 * learnt for the port as a whole becomes its reporter's own, so that the
 * member gets unicast copies at once (the bridge converts its port
 * groups alike), or its leave ends its own only. RTNL.
 */
void mcs_table_split_by_host(struct mcs_bridge *mb, struct mcs_port *port);

/*
 * The bridge lock held: m had before sources and has m->nsrc now (a
 * caller of filter.h, which knows no bridge, tells the count).
 */
void mcs_sources_counted(struct mcs_bridge *mb, const struct mcs_member *m,
			 unsigned int before);
/*
 * The bytes the table takes, counted by object at kmalloc's sizes:
 * groups, memberships, sources, tracked hosts, the hash table's buckets
 * and the counters kept of groups that went.
 */
u64 mcs_table_bytes(struct mcs_bridge *mb);

/* Static entries and flushes, under RTNL. */
int mcs_static_add(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *grp, const struct in6_addr *src,
		   bool ipv6);
int mcs_static_del(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *grp, const struct in6_addr *src);
/*
 * Remove memberships: of port (NULL: all ports), of vid (-1: all), with
 * a MEMBER_DEL event of reason each (REASON_NONE: silently). RTNL; takes
 * the bridge lock a few dozen groups at a time, and may sleep. What is
 * learnt meanwhile may stay, but for a closing port (port.h), which
 * learns nothing, nothing of it stays.
 */
void mcs_table_flush(struct mcs_bridge *mb, struct mcs_port *port, int vid,
		     bool dynamic_only, u8 reason);

/*
 * A walk of the whole table under RTNL, which may sleep: step() is called
 * on each group with the bridge lock held, MCS_WALK_BATCH groups a hold
 * (false: the walk is done). It meets each group that stays in the table
 * at least once, a group more than once when the table is resized, and
 * maybe not a group added or moved meanwhile. A group step() frees stays
 * readable until the walk moves on (RCU).
 */
struct mcs_table_walk {
	struct mcs_bridge *mb;
	bool (*step)(struct mcs_table_walk *walk, struct mcs_group *grp);
	/* Out: the longest lock hold so far (ns), kept across walks. */
	u64 longest_hold;
};

void mcs_table_walk(struct mcs_table_walk *walk);

/*
 * Max-groups of port (NULL: the bridge) was lowered: evict learnt state,
 * the soonest to expire first, until the count fits (MEMBER_DEL
 * reason LIMIT). Static entries stay, even over the limit. RTNL; takes
 * the bridge lock for a few dozen groups at a time, and may sleep.
 */
void mcs_table_evict(struct mcs_bridge *mb, struct mcs_port *port);
/* The same for the port's max-groups on VLAN vid (port_vlan.h). */
void mcs_table_evict_vlan(struct mcs_bridge *mb, struct mcs_port *port,
			  u16 vid);
/* The bridge lock held: how many groups of VLAN vid port is in. */
unsigned int mcs_table_port_groups(struct mcs_bridge *mb,
				   struct mcs_port *port, u16 vid);

unsigned int mcs_table_vlan_count(struct mcs_bridge *mb, u16 vid);

/* For the table's own files (evict.c); the bridge lock held. */
void mcs_group_free(struct mcs_bridge *mb, struct mcs_group *grp);
/* Returns true when the group went with its last member. */
bool mcs_member_free(struct mcs_bridge *mb, struct mcs_group *grp,
		     struct mcs_member *m);
/*
 * The same, for reason: kept in the port's removals and announced
 * (MEMBER_DEL); REASON_NONE: silently.
 */
bool mcs_member_remove(struct mcs_bridge *mb, struct mcs_group *grp,
		       struct mcs_member *m, u8 reason);
/* Remove the memberships and overflow marks that expired. */
void mcs_table_expire(struct mcs_bridge *mb, unsigned long now);
/* The same for one group: true when the group went (freed after RCU). */
bool mcs_group_expire(struct mcs_bridge *mb, struct mcs_group *grp,
		      unsigned long now);

bool mcs_addr_is_v4(const struct in6_addr *a);
/* A v4-mapped or IPv6 address: a multicast one of its family. */
bool mcs_addr_is_multicast(const struct in6_addr *a);

#endif /* _MCS_TABLE_H */
