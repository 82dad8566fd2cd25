// SPDX-License-Identifier: GPL-2.0
/*
 * Explicit host tracking (hosts.h): the hosts of a port, found by a walk
 * of its list. Only reports and dumps look them up, never data frames;
 * max-hosts bounds the walk, and on mcast_to_unicast ports the port's
 * max-groups (each host has a membership).
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "hosts.h"
#include "objects.h"

static struct mcs_host *mcs_host_find(const struct mcs_port *port,
				      const u8 *mac)
{
	struct mcs_host *h;

	hlist_for_each_entry_rcu(h, &port->hosts, node,
				 lockdep_is_held(&port->mb->lock))
		if (ether_addr_equal(h->mac, mac))
			return h;
	return NULL;
}

const u8 *mcs_hosts_pick(struct mcs_port *port, const u8 *mac)
{
	if (!port || !mac || is_zero_ether_addr(mac))
		return NULL;
	lockdep_assert_held(&port->mb->lock);
	/* mcast_to_unicast: every host, as the bridge's own port groups. */
	if (mcs_port_flag(port, BR_MULTICAST_TO_UNICAST) ||
	    mcs_host_find(port, mac))
		return mac;
	if (READ_ONCE(port->fast_leave) &&
	    port->host_count < READ_ONCE(port->max_hosts))
		return mac;
	return NULL;
}

int mcs_host_ref(struct mcs_port *port, const u8 *mac)
{
	struct mcs_host *h;

	lockdep_assert_held(&port->mb->lock);
	h = mcs_host_find(port, mac);
	if (!h) {
		h = kzalloc(sizeof(*h), GFP_ATOMIC);
		if (!h)
			return -ENOMEM;
		mcs_object_new(MCS_OBJ_HOST);
		ether_addr_copy(h->mac, mac);
		hlist_add_head_rcu(&h->node, &port->hosts);
		WRITE_ONCE(port->host_count, port->host_count + 1);
	}
	h->refs++;
	return 0;
}

void mcs_host_unref(struct mcs_port *port, const u8 *mac)
{
	struct mcs_host *h;

	lockdep_assert_held(&port->mb->lock);
	h = mcs_host_find(port, mac);
	if (WARN_ON_ONCE(!h) || --h->refs)
		return;
	hlist_del_rcu(&h->node);
	WRITE_ONCE(port->host_count, port->host_count - 1);
	kfree_rcu(h, rcu);
	mcs_object_gone(MCS_OBJ_HOST);
}

void mcs_host_heard(struct mcs_port *port, const u8 *mac,
		    const struct mcs_addr *src, bool ipv6)
{
	struct mcs_host *h;

	lockdep_assert_held(&port->mb->lock);
	/* IGMPv3 and MLDv2 allow reports from the unspecified address. */
	if (ipv6 ? ipv6_addr_any(&src->in6) : !src->in6.s6_addr32[3])
		return;
	h = mcs_host_find(port, mac);
	if (h)
		h->addr[ipv6] = src->in6;
}

bool mcs_host_addr(const struct mcs_port *port, const u8 *mac, bool ipv6,
		   struct in6_addr *addr)
{
	const struct mcs_host *h = mcs_host_find(port, mac);

	if (!h || ipv6_addr_any(&h->addr[ipv6]))
		return false;
	/* Written whole under the lock; a torn read shows a wrong address. */
	*addr = h->addr[ipv6];
	return true;
}
