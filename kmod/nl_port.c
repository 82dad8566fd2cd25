// SPDX-License-Identifier: GPL-2.0
/*
 * MCSNOOP_CMD_PORT_*: per-port settings and state.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "context.h"
#include "events.h"
#include "hosts.h"
#include "netlink.h"
#include "profile.h"
#include "port_vlan.h"
#include "table.h"

/* A VID bitmap as 512 bytes, bit VID in byte VID / 8 (LSB first). */
static int mcs_nl_put_vids(struct sk_buff *skb, int attr,
			   const unsigned long *vids)
{
	struct nlattr *nla = nla_reserve(skb, attr, VLAN_N_VID / 8);
	unsigned long vid;
	u8 *bytes;

	if (!nla)
		return -EMSGSIZE;
	bytes = nla_data(nla);
	memset(bytes, 0, VLAN_N_VID / 8);
	for_each_set_bit(vid, vids, VLAN_N_VID)
		bytes[vid / 8] |= BIT(vid % 8);
	return 0;
}

/*
 * The VLANs where the port's router mode is its own (RCU or RTNL): two
 * bitmaps of a fixed size, however many VLANs a trunk has.
 */
static int mcs_nl_put_vlan_routers(struct sk_buff *skb,
				   const struct mcs_port *port)
{
	const struct mcs_vlan_routers *vr;

	vr = rcu_dereference_rtnl(port->vlan_routers);
	if (!vr)
		return 0;
	return mcs_nl_put_vids(skb, MCSNOOP_A_PORT_VLAN_ROUTERS_STATIC,
			       vr->on) ?:
	       mcs_nl_put_vids(skb, MCSNOOP_A_PORT_VLAN_ROUTERS_OFF, vr->off);
}

static int mcs_nl_put_vlan_limit(struct sk_buff *skb, unsigned long vid,
				 const struct mcs_port_vlan *pv)
{
	struct nlattr *nest = nla_nest_start(skb, MCSNOOP_A_VLAN_LIMIT_ENTRY);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u16(skb, MCSNOOP_A_VLAN_LIMIT_VID, vid) ||
	    nla_put_u32(skb, MCSNOOP_A_VLAN_LIMIT_MAX_GROUPS,
			READ_ONCE(pv->max_groups)) ||
	    nla_put_u32(skb, MCSNOOP_A_VLAN_LIMIT_GROUP_COUNT,
			READ_ONCE(pv->group_count)) ||
	    nla_put_u64_64bit(skb, MCSNOOP_A_VLAN_LIMIT_TABLE_FULL,
			      READ_ONCE(pv->table_full),
			      MCSNOOP_A_VLAN_LIMIT_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* The port's limits per VLAN (RCU or RTNL), absent when it has none. */
static int mcs_nl_put_vlan_limits(struct sk_buff *skb, struct mcs_port *port)
{
	struct mcs_port_vlan *pv;
	struct nlattr *nest;
	unsigned long vid;

	if (xa_empty(&port->vlan_limits))
		return 0;
	nest = nla_nest_start(skb, MCSNOOP_A_PORT_VLAN_LIMITS);
	if (!nest)
		return -EMSGSIZE;
	xa_for_each(&port->vlan_limits, vid, pv) {
		/* Not counted yet (port_vlan.c): no limit yet either. */
		if (!READ_ONCE(pv->max_groups))
			continue;
		if (mcs_nl_put_vlan_limit(skb, vid, pv)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int mcs_nl_fill_port(struct sk_buff *skb, struct mcs_port *port,
			    u32 portid, u32 seq, int flags,
			    struct netlink_callback *cb)
{
	struct mcs_bridge *mb = port->mb;
	bool bridge_flood;
	void *hdr;

	/* Shown: the port's own, or the bridge's default (VLANs may differ). */
	rcu_read_lock();
	bridge_flood = mcs_settings_of(mb, 0)->flood_unknown;
	rcu_read_unlock();
	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_PORT_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, MCSNOOP_A_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_PORT_IFNAME, port->dev->name) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_PORT_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_ROUTER,
		       READ_ONCE(port->router_mode)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_FLOOD_UNKNOWN,
		       mcs_port_flood_unknown(port, bridge_flood)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_FLOOD_REPORTS,
		       READ_ONCE(port->flood_reports)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_FAST_LEAVE,
		       READ_ONCE(port->fast_leave)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_MAX_GROUPS,
			READ_ONCE(port->max_groups)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_LIMIT_ACTION,
		       READ_ONCE(port->limit_action)) ||
	    mcs_nl_put_profile(skb, MCSNOOP_A_PORT_PROFILE,
			       rcu_dereference_rtnl(port->profile)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_GROUP_COUNT,
			READ_ONCE(port->group_count)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_MAX_HOSTS,
			READ_ONCE(port->max_hosts)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_HOST_COUNT,
			READ_ONCE(port->host_count)) ||
	    mcs_nl_put_vlan_routers(skb, port) ||
	    mcs_nl_put_vlan_limits(skb, port) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_ROUTER_IPV4,
		       mcs_port_router_via(port, MCS_IPV4)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_ROUTER_IPV6,
		       mcs_port_router_via(port, MCS_IPV6)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_ROUTER_IPV4_TIMER,
			mcs_port_router_timer_ms(port, MCS_IPV4)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_ROUTER_IPV6_TIMER,
			mcs_port_router_timer_ms(port, MCS_IPV6)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_FALLBACK, READ_ONCE(port->fallback)) ||
	    mcs_nl_put_stats(skb, MCSNOOP_A_PORT_STATS, port->stats, port) ||
	    mcs_nl_put_removals(skb, MCSNOOP_A_PORT_REMOVALS, port->mb, port)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

int mcsnoop_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_port *port;
	struct sk_buff *msg;
	int err;

	/* Room for the VLAN limits too, at most 48 bytes each. */
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE + MCS_PORT_VLAN_LIMITS_MAX * 48,
			  GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	port = mcs_nl_port(genl_info_net(info), info->attrs,
			   MCSNOOP_A_PORT_IFINDEX, MCSNOOP_A_PORT_IFNAME,
			   &mcs_nl_names_dev, info->extack);
	err = IS_ERR(port) ? PTR_ERR(port) :
	      mcs_nl_fill_port(msg, port, info->snd_portid, info->snd_seq, 0,
			       NULL);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* Where a PORT_GET dump goes on, and the bridge it is filtered by. */
struct mcs_nl_port_dump {
	long bridge;
	long port;
	int filter;		/* as mcs_nl_dump_filter() leaves it */
};

static_assert(sizeof(struct mcs_nl_port_dump) <=
	      sizeof_field(struct netlink_callback, ctx));

int mcsnoop_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_nl_port_dump *cur = (void *)cb->ctx;
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	long bidx = 0, pidx;
	struct mcs_bridge *mb;
	struct mcs_port *port;
	int bkt, pbkt, err;

	err = mcs_nl_dump_filter(skb, cb, MCSNOOP_A_PORT_BRIDGE_IFINDEX,
				 MCSNOOP_A_PORT_BRIDGE_IFNAME, &cur->filter);
	if (err)
		return err;
	rcu_read_lock();
	cb->seq = READ_ONCE(mn->generation);
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (bidx++ < cur->bridge ||
		    (cur->filter > 0 && mb->dev->ifindex != cur->filter))
			continue;
		pidx = 0;
		hash_for_each_rcu(mb->ports, pbkt, port, hnode) {
			if (pidx < cur->port) {
				pidx++;
				continue;
			}
			if (mcs_nl_fill_port(skb, port,
					     NETLINK_CB(cb->skb).portid,
					     cb->nlh->nlmsg_seq, NLM_F_MULTI,
					     cb))
				goto out;
			pidx++;
			cur->port = pidx;
		}
		cur->bridge = bidx;
		cur->port = 0;
	}
out:
	rcu_read_unlock();
	return skb->len;
}

/* The attributes of a port's own settings (port-set, templates). */
const int mcs_port_setting_attrs[MCS_PORT_SETTINGS] = {
	MCSNOOP_A_PORT_ROUTER,
	MCSNOOP_A_PORT_FLOOD_UNKNOWN,
	MCSNOOP_A_PORT_FLOOD_REPORTS,
	MCSNOOP_A_PORT_FAST_LEAVE,
	MCSNOOP_A_PORT_MAX_GROUPS,
	MCSNOOP_A_PORT_MAX_HOSTS,
	MCSNOOP_A_PORT_LIMIT_ACTION,
	MCSNOOP_A_PORT_PROFILE,
};

int mcs_nl_port_settings_valid(struct net *net, struct nlattr **a,
			       struct netlink_ext_ack *extack)
{
	struct mcs_profile *p;

	if (!mcs_nl_range(extack, a[MCSNOOP_A_PORT_MAX_GROUPS], 1, 1048576,
			  "max_groups: out of range (1-1048576)") ||
	    !mcs_nl_range(extack, a[MCSNOOP_A_PORT_MAX_HOSTS], 0,
			  MCS_PORT_MAX_HOSTS_LIMIT,
			  "max_hosts: out of range (0-65535)"))
		return -ERANGE;
	return a[MCSNOOP_A_PORT_PROFILE] ?
	       mcs_nl_profile_ref(net, a[MCSNOOP_A_PORT_PROFILE], &p, extack) :
	       0;
}

/*
 * The profile named by attr (RTNL). A template's may have been deleted
 * since it was added: the port then gets none, and the log says so.
 */
static void mcs_nl_port_profile_set(struct mcs_port *port,
				    const struct nlattr *attr)
{
	const char *name = nla_data(attr);
	struct mcs_profile *p = NULL;

	if (*name) {
		p = mcs_profile_find(mcs_net(dev_net(port->dev)), name);
		if (!p)
			netdev_warn(port->dev, "mcsnoop: no profile %s\n", name);
	}
	mcs_port_profile_set(port, p);
}

void mcs_nl_port_settings_set(struct mcs_port *port, struct nlattr **a)
{
	ASSERT_RTNL();
	if (a[MCSNOOP_A_PORT_ROUTER]) {
		WRITE_ONCE(port->router_mode,
			   nla_get_u8(a[MCSNOOP_A_PORT_ROUTER]));
		mcs_port_may_route(port);
		mcs_event_routers_sync(port, MCSNOOP_EVENT_REASON_STATIC);
	}
	if (a[MCSNOOP_A_PORT_FLOOD_UNKNOWN])
		WRITE_ONCE(port->flood_unknown,
			   nla_get_u8(a[MCSNOOP_A_PORT_FLOOD_UNKNOWN]));
	if (a[MCSNOOP_A_PORT_FLOOD_REPORTS])
		WRITE_ONCE(port->flood_reports,
			   nla_get_u8(a[MCSNOOP_A_PORT_FLOOD_REPORTS]));
	/* Lowered below the hosts tracked, it lets them stay. */
	if (a[MCSNOOP_A_PORT_MAX_HOSTS])
		WRITE_ONCE(port->max_hosts,
			   nla_get_u32(a[MCSNOOP_A_PORT_MAX_HOSTS]));
	if (a[MCSNOOP_A_PORT_FAST_LEAVE]) {
		WRITE_ONCE(port->fast_leave,
			   nla_get_u8(a[MCSNOOP_A_PORT_FAST_LEAVE]));
		/*
		 * What was learnt becomes its reporter's, as tracking does;
		 * the other hosts get their own at their next report.
		 */
		if (port->fast_leave)
			mcs_table_split_by_host(port->mb, port);
	}
	if (a[MCSNOOP_A_PORT_LIMIT_ACTION])
		WRITE_ONCE(port->limit_action,
			   nla_get_u8(a[MCSNOOP_A_PORT_LIMIT_ACTION]));
	if (a[MCSNOOP_A_PORT_MAX_GROUPS]) {
		WRITE_ONCE(port->max_groups,
			   nla_get_u32(a[MCSNOOP_A_PORT_MAX_GROUPS]));
		mcs_table_evict(port->mb, port);
	}
	if (a[MCSNOOP_A_PORT_PROFILE])
		mcs_nl_port_profile_set(port, a[MCSNOOP_A_PORT_PROFILE]);
}

/* port-set with vid: the port's router mode or limit on that VLAN only. */
static int mcs_nl_port_vlan_set(struct mcs_port *port, struct nlattr **a,
				struct netlink_ext_ack *extack)
{
	struct nlattr *max_groups = a[MCSNOOP_A_PORT_MAX_GROUPS];
	struct nlattr *vid = a[MCSNOOP_A_PORT_VID];
	int i, err;

	if (!br_vlan_enabled(port->mb->dev)) {
		mcs_nl_err(extack, vid,
			   "vid: the bridge does not filter VLANs (vlan_filtering 0)");
		return -EINVAL;
	}
	for (i = 0; i < MCS_PORT_SETTINGS; i++)
		if (a[mcs_port_setting_attrs[i]] &&
		    mcs_port_setting_attrs[i] != MCSNOOP_A_PORT_ROUTER &&
		    mcs_port_setting_attrs[i] != MCSNOOP_A_PORT_MAX_GROUPS) {
			mcs_nl_err(extack, a[mcs_port_setting_attrs[i]],
				   "vid: only router and max_groups are set per VLAN");
			return -EINVAL;
		}
	if (!a[MCSNOOP_A_PORT_ROUTER] && !max_groups) {
		mcs_nl_err(extack, vid, "vid: router or max_groups is missing");
		return -EINVAL;
	}
	if (!mcs_nl_range(extack, max_groups, 0, 1048576,
			  "max_groups: out of range (0-1048576)"))
		return -ERANGE;
	/* A VLAN the port is not in yet is fine: the setting waits for it. */
	if (max_groups) {
		err = mcs_port_vlan_set_max(port, nla_get_u16(vid),
					    nla_get_u32(max_groups));
		if (err == -ENOSPC)
			mcs_nl_err(extack, vid,
				   "vid: the port has a max_groups on 64 VLANs already");
		if (err)
			return err;
	}
	if (!a[MCSNOOP_A_PORT_ROUTER])
		return 0;
	return mcs_port_set_vlan_router(port, nla_get_u16(vid),
					nla_get_u8(a[MCSNOOP_A_PORT_ROUTER]));
}

int mcsnoop_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct mcs_port *port;
	int err = 0;

	rtnl_lock();
	port = mcs_nl_port(genl_info_net(info), a, MCSNOOP_A_PORT_IFINDEX,
			   MCSNOOP_A_PORT_IFNAME, &mcs_nl_names_dev,
			   info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	if (a[MCSNOOP_A_PORT_BRIDGE_IFINDEX] || a[MCSNOOP_A_PORT_BRIDGE_IFNAME]) {
		mcs_nl_err(info->extack, a[MCSNOOP_A_PORT_BRIDGE_IFINDEX] ?:
			   a[MCSNOOP_A_PORT_BRIDGE_IFNAME],
			   "bridge: a port is named by itself, not its bridge");
		err = -EINVAL;
		goto out;
	}
	if (a[MCSNOOP_A_PORT_VID]) {
		err = mcs_nl_port_vlan_set(port, a, info->extack);
		goto out;
	}
	err = mcs_nl_port_settings_valid(genl_info_net(info), a, info->extack);
	if (err)
		goto out;
	mcs_nl_port_settings_set(port, a);
out:
	rtnl_unlock();
	return err;
}
