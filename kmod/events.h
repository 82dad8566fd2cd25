/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_EVENTS_H
#define _MCS_EVENTS_H

#include <linux/in6.h>
#include <linux/mcsnoop.h>

#include "bridge.h"
#include "port.h"

/*
 * One event of the "events" multicast group: what changed (type, reason)
 * and what it concerns. Absent fields are NULL, or has_vid/family 0.
 */
struct mcs_event {
	u8 type;			/* enum mcsnoop_event_type */
	u8 reason;			/* enum mcsnoop_event_reason */
	bool has_vid;
	u16 vid;
	u8 family;			/* AF_INET, AF_INET6 or 0 */
	const struct mcs_port *port;
	const struct in6_addr *group;	/* IPv4: v4-mapped */
	const struct in6_addr *addr;
	const struct in6_addr *old_addr;
	const u8 *mac;
};

/* The rate limiter of a bridge's events, full. */
void mcs_events_init(struct mcs_bridge *mb);

/*
 * Send ev to the listeners of mb's namespace, if there are any and the
 * bridge is within its rate. Any context but hard interrupts; never
 * sleeps.
 */
void mcs_event_send(struct mcs_bridge *mb, const struct mcs_event *ev);

/* A membership (or one refused) of port (NULL: the bridge) in group on vid. */
void mcs_event_member(struct mcs_bridge *mb, const struct mcs_port *port,
		      u16 vid, const struct in6_addr *group, u8 type,
		      u8 reason);
/* A profile denied group on port, or its source src (NULL: any). */
void mcs_event_denied(struct mcs_bridge *mb, const struct mcs_port *port,
		      u16 vid, const struct in6_addr *group,
		      const struct in6_addr *src);

/*
 * Announce a change of port's router state for proto since it was last
 * announced: ROUTER_ADD with the reason it is a router port now, or
 * ROUTER_DEL with del_reason. Each change is announced once, even when
 * nobody listens (the state is kept all the same).
 */
void mcs_event_router_sync(struct mcs_port *port, enum mcs_proto proto,
			   u8 del_reason);
/*
 * A port (NULL: the whole bridge) falls back to the bridge's flooding,
 * or no longer does (type FALLBACK_ADD/DEL) for reason.
 */
void mcs_event_fallback(struct mcs_bridge *mb, const struct mcs_port *port,
			u8 type, u8 reason);

/* The same for both protocols. */
void mcs_event_routers_sync(struct mcs_port *port, u8 del_reason);
/* The port goes away: ROUTER_DEL for whatever was announced. */
void mcs_event_routers_gone(struct mcs_port *port, u8 del_reason);

#endif /* _MCS_EVENTS_H */
