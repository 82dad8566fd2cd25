/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_MAC_ALIAS_H
#define _MCS_MAC_ALIAS_H

#include "bridge.h"

struct mcs_group;

/*
 * The groups of a bridge by (VID, Ethernet MAC): IPv4 groups share a MAC
 * 32 to 1, IPv6 ones by their last 32 bits, and switches and NICs that
 * filter by MAC deliver each group's traffic to the other's members.
 */
/* group show counts the others up to this: a dump stays linear. */
#define MCS_MAC_ALIAS_COUNT_MAX 64

int mcs_mac_alias_init(struct mcs_bridge *mb);
void mcs_mac_alias_destroy(struct mcs_bridge *mb);

/* Set grp's (MAC, VID) from its key, before anyone may see it. */
void mcs_mac_alias_key(struct mcs_group *grp);
/*
 * A group joins the table (bridge lock): index it, and announce and count
 * it when it aliases another (one event: the control block's address, or
 * another group's). -ENOMEM: not indexed, the caller drops the group.
 */
int mcs_mac_alias_add(struct mcs_bridge *mb, struct mcs_group *grp);
void mcs_mac_alias_del(struct mcs_bridge *mb, struct mcs_group *grp);

/*
 * RCU: how many others share grp's MAC (224.0.0.0/24 counts as one), up
 * to MCS_MAC_ALIAS_COUNT_MAX.
 */
u32 mcs_mac_alias_count(struct mcs_bridge *mb, const struct mcs_group *grp);

#endif /* _MCS_MAC_ALIAS_H */
