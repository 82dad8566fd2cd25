/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_MAC_ALIAS_H
#define _MCS_MAC_ALIAS_H

#include "bridge.h"

struct mcs_group;

/*
 * MAC aliasing: IPv4 groups share a MAC 32 to 1, IPv6 ones by their last
 * 32 bits, and switches and NICs that filter by MAC deliver each group's
 * traffic to the other's members. The table keys groups by (MAC, VID)
 * (table.c), so the groups sharing a MAC share a list.
 */
/* group show counts the others up to this: a dump stays linear. */
#define MCS_MAC_ALIAS_COUNT_MAX 64
/*
 * At most this many groups of a bridge and VLAN share a MAC: the list is
 * the packet path's lookup, so one host joining IPv6 groups by the
 * thousand with one MAC cannot make it long. Beyond it a group floods.
 */
#define MCS_MAC_GROUPS_MAX 64

/*
 * grp joined the table (bridge lock); other: a group that had its MAC
 * before, or NULL. Announces and counts the alias, once per group: the
 * control block, which every switch floods, is the worst one to name.
 */
void mcs_mac_alias_added(struct mcs_bridge *mb, const struct mcs_group *grp,
			 const struct mcs_group *other);

/*
 * RCU: how many others share grp's MAC (224.0.0.0/24 counts as one), up
 * to MCS_MAC_ALIAS_COUNT_MAX.
 */
u32 mcs_mac_alias_count(struct mcs_bridge *mb, const struct mcs_group *grp);

#endif /* _MCS_MAC_ALIAS_H */
