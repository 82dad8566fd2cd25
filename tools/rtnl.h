/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bridge's own multicast snooping (IFLA_BR_MCAST_SNOOPING) over
 * rtnetlink: mcsnoop needs it off while enabled.
 */
#ifndef MCS_RTNL_H
#define MCS_RTNL_H

#include <stdbool.h>

#include "nl.h"

struct rtnl_bridge {
	int ifindex;
	bool is_bridge;
	bool mcast_snooping;
};

int rtnl_bridge_get(const char *ifname, struct rtnl_bridge *br,
		    struct nl_error *err);
int rtnl_bridge_set_snooping(int ifindex, bool on, struct nl_error *err);

#endif /* MCS_RTNL_H */
