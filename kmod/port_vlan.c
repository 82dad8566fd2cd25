// SPDX-License-Identifier: GPL-2.0
/*
 * A port's group limits per VLAN (port_vlan.h).
 */
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "objects.h"
#include "port_vlan.h"
#include "table.h"

static int mcs_port_vlan_add(struct mcs_port *port, u16 vid, u32 max)
{
	struct mcs_bridge *mb = port->mb;
	struct mcs_port_vlan *pv;
	int err;

	if (port->vlan_limit_count >= MCS_PORT_VLAN_LIMITS_MAX)
		return -ENOSPC;
	pv = kzalloc(sizeof(*pv), GFP_KERNEL);
	if (!pv)
		return -ENOMEM;
	/* No limit (max_groups 0) until counted. */
	err = xa_insert(&port->vlan_limits, vid, pv, GFP_KERNEL);
	if (err) {
		kfree(pv);
		return err;
	}
	mcs_object_new(MCS_OBJ_PORT_VLAN);
	port->vlan_limit_count++;
	/*
	 * Learning counts from the insert on; the groups it had by then are
	 * counted here, under the lock, which makes the count exact whatever
	 * learning did in between.
	 */
	spin_lock_bh(&mb->lock);
	pv->group_count = mcs_table_port_groups(mb, port, vid);
	WRITE_ONCE(pv->max_groups, max);
	spin_unlock_bh(&mb->lock);
	return 0;
}

int mcs_port_vlan_set_max(struct mcs_port *port, u16 vid, u32 max)
{
	struct mcs_port_vlan *pv;
	int err;

	ASSERT_RTNL();
	pv = xa_load(&port->vlan_limits, vid);
	if (!max) {
		if (pv) {
			xa_erase(&port->vlan_limits, vid);
			port->vlan_limit_count--;
			kfree_rcu(pv, rcu);
			mcs_object_gone(MCS_OBJ_PORT_VLAN);
		}
		return 0;
	}
	if (pv) {
		WRITE_ONCE(pv->max_groups, max);
	} else {
		err = mcs_port_vlan_add(port, vid, max);
		if (err)
			return err;
	}
	mcs_table_evict_vlan(port->mb, port, vid);
	return 0;
}

void mcs_port_vlans_free(struct mcs_port *port)
{
	struct mcs_port_vlan *pv;
	unsigned long vid;

	ASSERT_RTNL();
	xa_for_each(&port->vlan_limits, vid, pv) {
		xa_erase(&port->vlan_limits, vid);
		kfree_rcu(pv, rcu);
		mcs_object_gone(MCS_OBJ_PORT_VLAN);
	}
	port->vlan_limit_count = 0;
	xa_destroy(&port->vlan_limits);
}
