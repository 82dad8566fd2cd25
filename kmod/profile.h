/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_PROFILE_H
#define _MCS_PROFILE_H

#include <linux/if.h>
#include <linux/in6.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include "bridge.h"
#include "port.h"

struct mcs_net;
struct mcs_record;

/*
 * Filtering profiles (as Cisco's ip igmp profile, Junos' group-policy):
 * named rule lists of a network namespace that ports and VLANs refer to.
 * Addresses are IPv4-mapped for IPv4, so that one range compare serves
 * both families.
 */
/*
 * 32 IPv6 rules, about 3 KB, fit one message of a dump whatever the
 * reader's buffer (NLMSG_GOODSIZE).
 */
#define MCS_PROFILE_RULES_MAX	32
#define MCS_PROFILES_MAX	256

struct mcs_profile_rule {
	struct in6_addr group_min, group_max;
	struct in6_addr source_min, source_max;
	bool any_source;		/* no source range */
	u8 action;			/* enum mcsnoop_profile_action */
};

/* Replaced whole by profile-add (RCU). */
struct mcs_profile_rules {
	struct rcu_head rcu;
	u8 dflt;			/* enum mcsnoop_profile_action */
	u16 n;
	struct mcs_profile_rule rule[];
};

struct mcs_profile {
	struct list_head node;		/* mcs_net.profiles, RTNL */
	char name[IFNAMSIZ];
	unsigned int users;		/* ports and VLANs, RTNL */
	struct mcs_profile_rules __rcu *rules;
	struct rcu_head rcu;
};

/* RTNL. */
struct mcs_profile *mcs_profile_find(struct mcs_net *mn, const char *name);
/*
 * RTNL: the profile (NULL: none) of a port, or of a VLAN on mb (-ENOMEM
 * possible); the bridge's learnt memberships it denies end.
 */
void mcs_port_profile_set(struct mcs_port *port, struct mcs_profile *p);
int mcs_vlan_profile_set(struct mcs_bridge *mb, u16 vid, struct mcs_profile *p);
/* The profile of vid on mb (RCU or RTNL), NULL if none. */
struct mcs_profile *mcs_vlan_profile(struct mcs_bridge *mb, u16 vid);
/* RTNL: drop the bridge's VLAN profiles (disable). */
void mcs_vlan_profiles_free(struct mcs_bridge *mb);
/* RTNL: every bridge of the namespace ends what p (changed) now denies. */
void mcs_profile_changed(struct mcs_net *mn, struct mcs_profile *p);
/* RTNL, users 0: gone after a grace period. */
void mcs_profile_free(struct mcs_profile *p);
void mcs_profiles_free(struct mcs_net *mn);

/*
 * Learning, per record: whether any profile may apply to port's reports
 * (its own, or a VLAN's of the bridge). Two loads, so that bridges
 * without profiles learn as fast as before there were any.
 */
static inline bool mcs_profiles_apply(const struct mcs_bridge *mb,
				      const struct mcs_port *port)
{
	return port && (rcu_access_pointer(port->profile) ||
			!xa_empty(&mb->vlan_profiles));
}

/*
 * RCU: the profile (the port's, else the VLAN's) that denies group,
 * from src (NULL: any source), on port and vid, or NULL when both
 * permit. Not for the bridge's own host (port NULL).
 */
const struct mcs_profile *mcs_profile_denier(struct mcs_bridge *mb,
					     const struct mcs_port *port,
					     u16 vid,
					     const struct in6_addr *group,
					     const struct in6_addr *src);

/*
 * Learning (bridge lock, RCU), where mcs_profiles_apply(): rec as the
 * port's and VLAN's profiles let it through. Returns rec, or out made of
 * its permitted sources in buf (freed by the caller with kfree), or NULL
 * when nothing of it is left; counts and announces what was denied.
 */
const struct mcs_record *mcs_profile_filter(struct mcs_bridge *mb,
					    struct mcs_port *port, u16 vid,
					    bool ipv6,
					    const struct mcs_record *rec,
					    struct mcs_record *out, u8 **buf);

#endif
