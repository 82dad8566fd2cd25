/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_MST_H
#define _MCS_MST_H

#include "bridge.h"
#include "port.h"

/*
 * RTNL: read the bridge's MST state again (mst_enabled, each VLAN's
 * MSTI, each port's state per VLAN); without MST, drop the copies.
 */
void mcs_mst_sync(struct mcs_bridge *mb);
/* Something changed: sync soon (deferred, the bridge changes after). */
void mcs_mst_changed(struct mcs_bridge *mb);
/* RTNL, events: port's state in msti; VLAN vid moved to msti. */
void mcs_mst_port_state(struct mcs_port *port, u16 msti, u8 state);
void mcs_mst_vlan_msti(struct mcs_bridge *mb, u16 vid, u16 msti);

void mcs_mst_init(struct mcs_bridge *mb);
/* RTNL: no more syncs, copies dropped. */
void mcs_mst_stop(struct mcs_bridge *mb);
/* The port's copy goes with the port (after a grace period). */
void mcs_mst_port_free(struct mcs_port *port);

#endif /* _MCS_MST_H */
