// SPDX-License-Identifier: GPL-2.0
/*
 * MCSNOOP_CMD_PORT_* and MCSNOOP_CMD_VLAN_*: per-port and per-VLAN
 * settings and state.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "events.h"
#include "netlink.h"
#include "table.h"

static int mcs_nl_fill_port(struct sk_buff *skb, struct mcs_port *port,
			    u32 portid, u32 seq, int flags,
			    struct netlink_callback *cb)
{
	struct mcs_bridge *mb = port->mb;
	void *hdr;

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
		       mcs_port_flood_unknown(port)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_FLOOD_REPORTS,
		       READ_ONCE(port->flood_reports)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_FAST_LEAVE,
		       READ_ONCE(port->fast_leave)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_MAX_GROUPS,
			READ_ONCE(port->max_groups)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_GROUP_COUNT,
			READ_ONCE(port->group_count)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_ROUTER_IPV4,
		       mcs_port_router_via(port, MCS_IPV4)) ||
	    nla_put_u8(skb, MCSNOOP_A_PORT_ROUTER_IPV6,
		       mcs_port_router_via(port, MCS_IPV6)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_ROUTER_IPV4_TIMER,
			mcs_port_router_timer_ms(port, MCS_IPV4)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_ROUTER_IPV6_TIMER,
			mcs_port_router_timer_ms(port, MCS_IPV6)) ||
	    nla_put_u32(skb, MCSNOOP_A_PORT_FALLBACK, READ_ONCE(port->fallback)) ||
	    mcs_nl_put_stats(skb, MCSNOOP_A_PORT_STATS, port->stats,
			     MCS_CNT_PORT_MAX)) {
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

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
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

/* cb->args: [0] bridge position, [1] port position, [2] bridge filter. */
int mcsnoop_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	long bidx = 0, pidx;
	struct mcs_bridge *mb;
	struct mcs_port *port;
	int bkt, pbkt, filter;

	if (!cb->args[2]) {
		filter = mcs_nl_dump_ifindex(skb, cb,
					     MCSNOOP_A_PORT_BRIDGE_IFINDEX,
					     MCSNOOP_A_PORT_BRIDGE_IFNAME,
					     &mcs_nl_names_bridge, true);
		if (filter < 0)
			return filter;
		cb->args[2] = filter ?: -1;
	}
	filter = cb->args[2];
	rcu_read_lock();
	cb->seq = READ_ONCE(mn->generation);
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (bidx++ < cb->args[0] ||
		    (filter > 0 && mb->dev->ifindex != filter))
			continue;
		pidx = 0;
		hash_for_each_rcu(mb->ports, pbkt, port, hnode) {
			if (pidx < cb->args[1]) {
				pidx++;
				continue;
			}
			if (mcs_nl_fill_port(skb, port,
					     NETLINK_CB(cb->skb).portid,
					     cb->nlh->nlmsg_seq, NLM_F_MULTI,
					     cb))
				goto out;
			pidx++;
			cb->args[1] = pidx;
		}
		cb->args[0] = bidx;
		cb->args[1] = 0;
	}
out:
	rcu_read_unlock();
	return skb->len;
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
	if (!mcs_nl_range(info->extack, a[MCSNOOP_A_PORT_MAX_GROUPS], 1,
			  1048576, "max_groups: out of range (1-1048576)")) {
		err = -ERANGE;
		goto out;
	}
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
	if (a[MCSNOOP_A_PORT_FAST_LEAVE])
		WRITE_ONCE(port->fast_leave,
			   nla_get_u8(a[MCSNOOP_A_PORT_FAST_LEAVE]));
	if (a[MCSNOOP_A_PORT_MAX_GROUPS]) {
		WRITE_ONCE(port->max_groups,
			   nla_get_u32(a[MCSNOOP_A_PORT_MAX_GROUPS]));
		mcs_table_evict(port->mb, port);
	}
out:
	rtnl_unlock();
	return err;
}

static int mcs_nl_fill_vlan(struct sk_buff *skb, struct mcs_bridge *mb,
			    u16 vid, u32 portid, u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_VLAN_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, MCSNOOP_A_VLAN_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_VLAN_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u16(skb, MCSNOOP_A_VLAN_VID, vid) ||
	    nla_put_u8(skb, MCSNOOP_A_VLAN_SNOOPING,
		       mcs_vlan_snooping(mb, vid)) ||
	    nla_put_u32(skb, MCSNOOP_A_VLAN_GROUP_COUNT,
			mcs_table_vlan_count(mb, vid)) ||
	    mcs_nl_vlan_querier_put(skb, mb, vid)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static struct mcs_bridge *mcs_nl_vlan_bridge(struct genl_info *info, u16 *vid)
{
	struct nlattr *v = info->attrs[MCSNOOP_A_VLAN_VID];
	struct mcs_bridge *mb;

	mb = mcs_nl_bridge(genl_info_net(info), info->attrs,
			   MCSNOOP_A_VLAN_BRIDGE_IFINDEX,
			   MCSNOOP_A_VLAN_BRIDGE_IFNAME, &mcs_nl_names_bridge,
			   true, info->extack);
	if (IS_ERR(mb))
		return mb;
	if (!v) {
		NL_SET_ERR_MSG(info->extack, "missing attribute: vid");
		return ERR_PTR(-EINVAL);
	}
	if (!mcs_nl_range(info->extack, v, 1, 4094,
			  "vid: out of range (1-4094)"))
		return ERR_PTR(-ERANGE);
	*vid = nla_get_u16(v);
	return mb;
}

int mcsnoop_nl_vlan_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_bridge *mb;
	struct sk_buff *msg;
	u16 vid = 0;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	mb = mcs_nl_vlan_bridge(info, &vid);
	err = IS_ERR(mb) ? PTR_ERR(mb) :
	      mcs_nl_fill_vlan(msg, mb, vid, info->snd_portid, info->snd_seq,
			       0);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* A VLAN worth listing: on the bridge or a port, or with a setting. */
static bool mcs_vlan_exists(struct mcs_bridge *mb, u16 vid)
{
	return !mcs_vlan_snooping(mb, vid) || xa_load(&mb->vlan_queriers, vid) ||
	       mcs_vlan_in_use(mb, vid);
}

/* cb->args: [0] bridge position, [1] next VID, [2] bridge filter. */
int mcsnoop_nl_vlan_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	struct mcs_bridge *mb;
	long bidx = 0;
	int bkt, filter;
	u16 vid;

	if (!cb->args[2]) {
		filter = mcs_nl_dump_ifindex(skb, cb,
					     MCSNOOP_A_VLAN_BRIDGE_IFINDEX,
					     MCSNOOP_A_VLAN_BRIDGE_IFNAME,
					     &mcs_nl_names_bridge, true);
		if (filter < 0)
			return filter;
		cb->args[2] = filter ?: -1;
	}
	filter = cb->args[2];
	rtnl_lock();
	hash_for_each(mn->bridges, bkt, mb, hnode) {
		if (bidx++ < cb->args[0] ||
		    (filter > 0 && mb->dev->ifindex != filter))
			continue;
		for (vid = max_t(long, cb->args[1], 1); vid < 4095; vid++) {
			if (!mcs_vlan_exists(mb, vid))
				continue;
			if (mcs_nl_fill_vlan(skb, mb, vid,
					     NETLINK_CB(cb->skb).portid,
					     cb->nlh->nlmsg_seq, NLM_F_MULTI)) {
				cb->args[1] = vid;
				goto out;
			}
		}
		cb->args[0] = bidx;
		cb->args[1] = 0;
	}
out:
	rtnl_unlock();
	return skb->len;
}

int mcsnoop_nl_vlan_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *snooping = info->attrs[MCSNOOP_A_VLAN_SNOOPING];
	struct mcs_bridge *mb;
	u16 vid = 0;
	int err = 0;

	rtnl_lock();
	mb = mcs_nl_vlan_bridge(info, &vid);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	err = mcs_nl_vlan_querier_check(mb, vid, info->attrs, info->extack);
	if (err)
		goto out;
	if (snooping) {
		if (nla_get_u8(snooping))
			clear_bit(vid, mb->vlan_snooping_off);
		else
			set_bit(vid, mb->vlan_snooping_off);
	}
	err = mcs_nl_vlan_querier_set(mb, vid, info->attrs);
	if (!err)
		mcs_nl_querier_warn(mb, vid,
				    info->attrs[MCSNOOP_A_VLAN_QUERIER_ADDR4],
				    info->extack);
out:
	rtnl_unlock();
	return err;
}
