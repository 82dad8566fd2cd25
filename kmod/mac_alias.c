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
#include <net/if_inet6.h>
#include <net/ip.h>

#include "events.h"
#include "mac_alias.h"
#include "table.h"

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

void mcs_mac_alias_added(struct mcs_bridge *mb, const struct mcs_group *grp,
			 const struct mcs_group *other)
{
	struct in6_addr local;

	lockdep_assert_held(&mb->lock);
	if (mcs_mac_control_block(grp, &local))
		mcs_mac_alias_announce(mb, grp, &local);
	else if (other)
		mcs_mac_alias_announce(mb, grp, &other->key.addr);
	else
		return;
	mcs_stats_inc(mb->stats, MCS_CNT_MAC_ALIAS);
}

u32 mcs_mac_alias_count(struct mcs_bridge *mb, const struct mcs_group *grp)
{
	struct rhlist_head *list, *pos;
	const struct mcs_group *other;
	struct in6_addr local;
	u32 n = mcs_mac_control_block(grp, &local);

	list = mcs_groups_of_mac(mb, &grp->mac_key);
	rhl_for_each_entry_rcu(other, pos, list, rnode)
		if (other != grp && ++n >= MCS_MAC_ALIAS_COUNT_MAX)
			break;
	return n;
}
