/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_HOST_ROUTER_H
#define _MCS_HOST_ROUTER_H

#include "bridge.h"
#include "parse.h"
#include "port.h"

/* Packet path: the host sent a query, MRD advertisement or PIM hello. */
void mcs_host_router_heard(struct mcs_bridge *mb, const struct mcs_msg *msg);
/*
 * Whether a routing daemon (smcroute, pimd, FRR) made the bridge device
 * or one of its VLAN devices a multicast interface: the kernel raises its
 * mc_forwarding then, and says so to no module. Read again every second
 * (fallback.c's check) and on enable. RTNL.
 */
void mcs_host_router_refresh(struct mcs_bridge *mb);
/* Why the host routes proto now (enum mcsnoop_router_via). */
u8 mcs_host_router_via(const struct mcs_bridge *mb, int proto);

#endif /* _MCS_HOST_ROUTER_H */
