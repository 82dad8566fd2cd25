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
int mcs_mac_alias_init(struct mcs_bridge *mb);
void mcs_mac_alias_destroy(struct mcs_bridge *mb);

/*
 * A group joins the table (bridge lock): index it, and announce and count
 * each group it aliases. -ENOMEM: not indexed, the caller drops the group.
 */
int mcs_mac_alias_add(struct mcs_bridge *mb, struct mcs_group *grp);
void mcs_mac_alias_del(struct mcs_bridge *mb, struct mcs_group *grp);

/* RCU: how many others share grp's MAC (224.0.0.0/24 counts as one). */
u32 mcs_mac_alias_count(struct mcs_bridge *mb, const struct mcs_group *grp);

#endif /* _MCS_MAC_ALIAS_H */
