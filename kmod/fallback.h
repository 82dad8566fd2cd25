/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_FALLBACK_H
#define _MCS_FALLBACK_H

#include "bridge.h"
#include "port.h"

/*
 * RTNL. Work out again which features of the port mcsnoop cannot honour
 * (MCSNOOP_FALLBACK_* in port->fallback) and act on a change: the port
 * gets its mcast_flood back, or mcsnoop takes it (adding: the port was
 * just added, and mcsnoop takes its mcast_flood unless it falls back).
 */
void mcs_fallback_check_port(struct mcs_port *port, bool adding);
/* RTNL: the same for the bridge (its own snooping) and all its ports. */
void mcs_fallback_check(struct mcs_bridge *mb);
/* RTNL: give the port its mcast_flood of before enable back. */
int mcs_fallback_restore_port(struct mcs_port *port);

/*
 * RTNL: a line for the admin (the extack of enable) naming the bridge's
 * reason, or the first port that falls back and its feature; its length,
 * 0 when nothing falls back.
 */
int mcs_fallback_describe(struct mcs_bridge *mb, char *buf, size_t len);
/* The word of the lowest reason of a set ("vlan_tunnel"). */
const char *mcs_fallback_word(u32 reasons);

/* The check every second, for what no event announces. */
void mcs_fallback_init(struct mcs_bridge *mb);
void mcs_fallback_start(struct mcs_bridge *mb);
void mcs_fallback_stop(struct mcs_bridge *mb);

#endif /* _MCS_FALLBACK_H */
