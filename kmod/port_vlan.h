/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_PORT_VLAN_H
#define _MCS_PORT_VLAN_H

#include "port.h"

/*
 * A port's max-groups on one VLAN (port set DEV vid VID max-groups N),
 * as the bridge's per port-VLAN mcast_max_groups. Only the VLANs with a
 * limit have one, in the port's xarray vlan_limits keyed by VID: added
 * and removed under RTNL, freed after RCU; counted under the bridge's
 * lock. The setting stays when the VLAN leaves the port (as the per-VLAN
 * router modes do), so that it is there when the VLAN comes back.
 */
struct mcs_port_vlan {
	u32 max_groups;			/* 0 until the groups are counted */
	unsigned int group_count;	/* the port's groups on the VLAN */
	u64 table_full;			/* refused by it; bridge lock */
	struct rcu_head rcu;
};

#define MCS_PORT_VLAN_LIMITS_MAX 64

/* Bridge lock or RCU: the limit of port on vid, or NULL. */
static inline struct mcs_port_vlan *mcs_port_vlan(struct mcs_port *port,
						  u16 vid)
{
	/* Most ports have no limit per VLAN: no lookup then. */
	return vid && !xa_empty(&port->vlan_limits) ?
	       xa_load(&port->vlan_limits, vid) : NULL;
}

/* Bridge lock: whether a new group of port on vid is over its limit. */
static inline bool mcs_port_vlan_full(const struct mcs_port_vlan *pv)
{
	u32 max = pv ? READ_ONCE(pv->max_groups) : 0;

	return max && pv->group_count >= max;
}

/*
 * RTNL: the port's max-groups on vid becomes max (0: none). A new limit
 * counts the groups already there; one below the count evicts learnt
 * memberships of the VLAN, as the port's own does. -ENOSPC: the port has
 * MCS_PORT_VLAN_LIMITS_MAX already; -ENOMEM.
 */
int mcs_port_vlan_set_max(struct mcs_port *port, u16 vid, u32 max);
/* RTNL, as the port goes: every limit, freed after a grace period. */
void mcs_port_vlans_free(struct mcs_port *port);

#endif /* _MCS_PORT_VLAN_H */
