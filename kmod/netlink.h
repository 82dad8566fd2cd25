/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_NETLINK_H
#define _MCS_NETLINK_H

#include <linux/in6.h>
#include <net/genetlink.h>

#include "bridge.h"
#include "nl_gen.h"
#include "port.h"

/* The parsed attributes of a dump request. */
static inline struct nlattr **mcs_dump_attrs(struct netlink_callback *cb)
{
#ifdef MCS_HAVE_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

#ifndef MCS_HAVE_EXTACK_MSG_BUF
/* The size of 6.2's extack buffer, for the ring that stands in for it. */
#define NETLINK_MAX_FMTMSG_LEN 80
#endif

/* The "mcsnoop" generic netlink family. */
int mcs_genl_init(void);
void mcs_genl_uninit(void);

/* Shared by the per-object files (nl_*.c) and events.c. */
extern struct genl_family mcs_genl_family;

/*
 * Extended ACK messages for one pair of attributes that name a device;
 * each starts with the attribute's name. Built from literals, because the
 * extack keeps a pointer.
 */
struct mcs_nl_names {
	const char *missing;
	const char *mismatch;
	const char *nodev[2];		/* [0] by ifindex, [1] by ifname */
	const char *not_bridge[2];
	const char *not_enabled[2];
	const char *not_port[2];
};

/* By "ifindex"/"ifname", "bridge_ifindex"/..., "port_ifindex"/... */
extern const struct mcs_nl_names mcs_nl_names_dev;
extern const struct mcs_nl_names mcs_nl_names_bridge;
extern const struct mcs_nl_names mcs_nl_names_port;

/*
 * A formatted message for the admin, in a reply that succeeds too (a
 * warning): in the extack's own buffer, or (kernels before 6.2, which
 * have none) in one of a ring of static ones, which outlives the ack.
 */
__printf(2, 3)
void mcs_nl_msgf(struct netlink_ext_ack *extack, const char *fmt, ...);
/*
 * An address attribute, 4 or 16 bytes, as v4-mapped or IPv6; -EINVAL
 * after a message naming it name.
 */
int mcs_nl_addr_read(struct netlink_ext_ack *extack,
		     const struct nlattr *attr, struct in6_addr *addr,
		     const char *name);
/*
 * A group (group true) or source address attribute, 4 or 16 bytes, as
 * v4-mapped or IPv6; -EINVAL after a message naming addr or source.
 */
int mcs_nl_addr(struct netlink_ext_ack *extack, const struct nlattr *attr,
		struct in6_addr *addr, bool group);
/* The source of a static entry: mcs_nl_addr() and the group's family. */
int mcs_nl_source(struct netlink_ext_ack *extack, const struct nlattr *attr,
		  bool ipv6, struct in6_addr *src);

/* Point the extack at attr with a message that outlives the request. */
void mcs_nl_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		const char *msg);

/*
 * Resolve a device named by attrs[ia] (ifindex) and/or attrs[na] (ifname),
 * under RTNL. NULL when neither is given and !required; an ERR_PTR with
 * the extack set on failure. *by is the attribute that named it.
 */
struct net_device *mcs_nl_dev(struct net *net, struct nlattr **attrs,
			      int ia, int na, const struct mcs_nl_names *nm,
			      bool required, struct netlink_ext_ack *extack,
			      const struct nlattr **by);
/* The same for a bridge, enabled or not. */
struct net_device *mcs_nl_bridge_dev(struct net *net, struct nlattr **attrs,
				     int ia, int na,
				     const struct mcs_nl_names *nm,
				     bool required,
				     struct netlink_ext_ack *extack,
				     const struct nlattr **by);
/* The same for an enabled bridge, or a port of one. */
struct mcs_bridge *mcs_nl_bridge(struct net *net, struct nlattr **attrs,
				 int ia, int na, const struct mcs_nl_names *nm,
				 bool required, struct netlink_ext_ack *extack);
struct mcs_port *mcs_nl_port(struct net *net, struct nlattr **attrs,
			     int ia, int na, const struct mcs_nl_names *nm,
			     struct netlink_ext_ack *extack);

/* For dump filters: the ifindex a pair of attributes names, 0 if none. */
int mcs_nl_dump_ifindex(struct sk_buff *skb, struct netlink_callback *cb,
			int ia, int na, const struct mcs_nl_names *nm,
			bool bridge);
/*
 * The bridge filter of a dump that resumes from a cursor in cb->ctx: read
 * from the request on the first call only, into *filter as the ifindex or
 * -1 for none (0 is a cursor not started).
 */
int mcs_nl_dump_filter(struct sk_buff *skb, struct netlink_callback *cb,
		       int ia, int na, int *filter);

struct mcs_profile;
/*
 * The profile a port-set or vlan-set names (attr, a string; "" for none)
 * in net; -ENOENT after "profile: no profile X".
 */
int mcs_nl_profile_ref(struct net *net, const struct nlattr *attr,
		       struct mcs_profile **p, struct netlink_ext_ack *extack);
/* A profile's name, if p is one. */
int mcs_nl_put_profile(struct sk_buff *skb, int attr,
		       const struct mcs_profile *p);

/* The counters of stats: a bridge's (port NULL), or port's. */
int mcs_nl_put_stats(struct sk_buff *skb, int attr,
		     struct mcs_pcpu_stats __percpu *stats,
		     const struct mcs_port *port);

/* An address as IPv4 (a v4-mapped one) or IPv6. */
int mcs_nl_put_addr(struct sk_buff *skb, int attr, const struct in6_addr *addr);

/* The milliseconds from now to until, 0 when past. */
u32 mcs_ms_left(unsigned long until, unsigned long now);

/* Range check of a u32/u8 attribute, with a message naming it. */
bool mcs_nl_range(struct netlink_ext_ack *extack, const struct nlattr *attr,
		  u32 min, u32 max, const char *msg);

/*
 * The handlers (nl_gen.h declares them), by object: nl_bridge.c bridges,
 * nl_port.c ports, nl_vlan.c VLANs, nl_group.c the membership table,
 * nl_querier.c the queriers' state.
 */

/*
 * nl_port.c: a port's own settings (RTNL): the attributes
 * (mcs_port_setting_attrs), whether the values given are in range, and
 * applying those given (port-set, templates).
 */
#define MCS_PORT_SETTINGS 8
extern const int mcs_port_setting_attrs[MCS_PORT_SETTINGS];
/* 0, or an error after the message (a profile must exist in net). */
int mcs_nl_port_settings_valid(struct net *net, struct nlattr **a,
			       struct netlink_ext_ack *extack);
void mcs_nl_port_settings_set(struct mcs_port *port, struct nlattr **a);

/*
 * nl_settings.c: the settings of a querier context (the querier and the
 * timers), as the bridge's (BRIDGE_*) and a VLAN's (VLAN_*) messages carry
 * them.
 */
/* Of BRIDGE_SET or BRIDGE_ENABLE (mb NULL: against the defaults). */
bool mcs_nl_bridge_settings_valid(struct mcs_bridge *mb, struct nlattr **a,
				  struct netlink_ext_ack *extack);
int mcs_nl_bridge_settings_set(struct mcs_bridge *mb, struct nlattr **a);
int mcs_nl_bridge_settings_put(struct sk_buff *skb, struct mcs_bridge *mb);
/* 0, or -EINVAL (INHERIT) or -ERANGE with the extack set. */
int mcs_nl_vlan_settings_check(struct mcs_bridge *mb, u16 vid,
			       struct nlattr **a,
			       struct netlink_ext_ack *extack);
int mcs_nl_vlan_settings_set(struct mcs_bridge *mb, u16 vid,
			     struct nlattr **a);
int mcs_nl_vlan_settings_put(struct sk_buff *skb, struct mcs_bridge *mb,
			     u16 vid);
/*
 * A querier-address a4 just set on vid (0: the bridge's) that hosts may
 * drop (off every IPv4 subnet of the bridge or VLAN device): accepted, as
 * the address may come later, with a warning in extack that mcsnoopctl
 * prints.
 */
void mcs_nl_settings_warn_addr(struct mcs_bridge *mb, u16 vid,
			       const struct nlattr *a4,
			       struct netlink_ext_ack *extack);

#endif /* _MCS_NETLINK_H */
