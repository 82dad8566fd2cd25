// SPDX-License-Identifier: GPL-2.0
/*
 * MAC aliasing: two groups of one bridge and VLAN whose Ethernet
 * addresses are equal. mcsnoop forwards by IP and is not misled, but the
 * switches beyond it and the hosts' NICs filter by MAC, so each group's
 * stream reaches the other's members. An IPv4 group with the MAC of
 * 224.0.0.0/24 (x.0.0.y, x.128.0.y) is flooded by switches everywhere.
 * No peer says so; mcsnoop announces, counts and shows it.
 */
#include <linux/etherdevice.h>
#include <linux/rhashtable.h>
#include <net/if_inet6.h>
#include <net/ip.h>

#include "events.h"
#include "mac_alias.h"
#include "table.h"

static const struct rhashtable_params mcs_mac_params = {
	.key_len = sizeof(struct mcs_mac_key),
	.key_offset = offsetof(struct mcs_group, mac_key),
	.head_offset = offsetof(struct mcs_group, mac_node),
	.automatic_shrinking = true,
};

int mcs_mac_alias_init(struct mcs_bridge *mb)
{
	return rhltable_init(&mb->groups_by_mac, &mcs_mac_params);
}

/* Every group left the index with mcs_mac_alias_del() before. */
void mcs_mac_alias_destroy(struct mcs_bridge *mb)
{
	rhltable_destroy(&mb->groups_by_mac);
}

void mcs_mac_alias_key(struct mcs_group *grp)
{
	const struct in6_addr *addr = &grp->key.addr;

	if (mcs_addr_is_v4(addr))
		ip_eth_mc_map(addr->s6_addr32[3], grp->mac_key.mac);
	else
		ipv6_eth_mc_map(addr, grp->mac_key.mac);
	grp->mac_key.vid = grp->key.vid;
}

/* IPv4: the 224.0.0.x of grp's MAC, when it has that of the control block. */
static bool mcs_mac_control_block(const struct mcs_group *grp,
				  struct in6_addr *local)
{
	u32 low = ntohl(grp->key.addr.s6_addr32[3]) & 0x7fffff;

	if (grp->ipv6 || low > 0xff)
		return false;
	ipv6_addr_set_v4mapped(htonl(0xe0000000 | low), local);
	return true;
}

static void mcs_mac_alias_announce(struct mcs_bridge *mb,
				   const struct mcs_group *grp,
				   const struct in6_addr *other)
{
	struct mcs_event ev = {
		.type = MCSNOOP_EVENT_MAC_ALIAS,
		.has_vid = true,
		.vid = grp->key.vid,
		.family = grp->ipv6 ? AF_INET6 : AF_INET,
		.group = &grp->key.addr,
		.addr = other,
		.mac = grp->mac_key.mac,
	};

	mcs_event_send(mb, &ev);
}

/* Another group of grp's list, or NULL; RCU. */
static const struct mcs_group *mcs_mac_alias_other(struct mcs_bridge *mb,
						   const struct mcs_group *grp)
{
	struct rhlist_head *list, *pos;
	const struct mcs_group *other;

	list = rhltable_lookup(&mb->groups_by_mac, &grp->mac_key,
			       mcs_mac_params);
	rhl_for_each_entry_rcu(other, pos, list, mac_node)
		if (other != grp)
			return other;
	return NULL;
}

int mcs_mac_alias_add(struct mcs_bridge *mb, struct mcs_group *grp)
{
	const struct mcs_group *other;
	struct in6_addr local;
	int err;

	lockdep_assert_held(&mb->lock);
	err = rhltable_insert(&mb->groups_by_mac, &grp->mac_node,
			      mcs_mac_params);
	if (err)
		return err;
	/*
	 * One event per group, whatever the number it aliases (IPv6 groups
	 * may share a MAC by the thousand): the control block, which every
	 * switch floods, is the worst one to name.
	 */
	rcu_read_lock();
	if (mcs_mac_control_block(grp, &local)) {
		mcs_mac_alias_announce(mb, grp, &local);
		mcs_stats_inc(mb->stats, MCS_CNT_MAC_ALIAS);
	} else {
		other = mcs_mac_alias_other(mb, grp);
		if (other) {
			mcs_mac_alias_announce(mb, grp, &other->key.addr);
			mcs_stats_inc(mb->stats, MCS_CNT_MAC_ALIAS);
		}
	}
	rcu_read_unlock();
	return 0;
}

void mcs_mac_alias_del(struct mcs_bridge *mb, struct mcs_group *grp)
{
	lockdep_assert_held(&mb->lock);
	rhltable_remove(&mb->groups_by_mac, &grp->mac_node, mcs_mac_params);
}

u32 mcs_mac_alias_count(struct mcs_bridge *mb, const struct mcs_group *grp)
{
	struct rhlist_head *list, *pos;
	const struct mcs_group *other;
	struct in6_addr local;
	u32 n = mcs_mac_control_block(grp, &local);

	list = rhltable_lookup(&mb->groups_by_mac, &grp->mac_key,
			       mcs_mac_params);
	rhl_for_each_entry_rcu(other, pos, list, mac_node)
		if (other != grp && ++n >= MCS_MAC_ALIAS_COUNT_MAX)
			break;
	return n;
}
