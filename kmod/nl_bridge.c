// SPDX-License-Identifier: GPL-2.0
/*
 * MCSNOOP_CMD_BRIDGE_*: enabling mcsnoop on a bridge, and the bridge's
 * settings and state.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "bridge.h"
#include "fallback.h"
#include "host_router.h"
#include "netlink.h"
#include "querier.h"
#include "table.h"

static int mcs_nl_put_config(struct sk_buff *skb, struct mcs_bridge *mb)
{
	const struct mcs_config *c = &mb->cfg;

	if (nla_put_u8(skb, MCSNOOP_A_BRIDGE_SNOOPING, c->snooping) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS,
		       c->flood_ambiguous) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_MAX_GROUPS, c->max_groups) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_GROUP_COUNT,
			READ_ONCE(mb->group_count)) ||
	    nla_put_u64_64bit(skb, MCSNOOP_A_BRIDGE_TABLE_BYTES,
			      mcs_table_bytes(mb), MCSNOOP_A_BRIDGE_PAD) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT,
			c->router_timeout) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT_ACTIVE,
			mcs_router_interval_ms(mb)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_HOST_ROUTER, c->host_router) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV4,
		       mcs_host_router_via(mb, MCS_IPV4)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_HOST_ROUTER_IPV6,
		       mcs_host_router_via(mb, MCS_IPV6)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_QUERIER_PROXY_ONLY,
			mcs_querier_proxy_only_count(mb)) ||
	    mcs_nl_bridge_settings_put(skb, mb))
		return -EMSGSIZE;
	return 0;
}

static int mcs_nl_fill_bridge(struct sk_buff *skb, struct mcs_bridge *mb,
			      u32 portid, u32 seq, int flags,
			      struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_BRIDGE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, MCSNOOP_A_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING,
		       mb->saved_mcast_snooping) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_MCAST_SNOOPING,
		       br_multicast_enabled(mb->dev)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_FALLBACK,
			READ_ONCE(mb->fallback.reasons)) ||
	    mcs_nl_put_config(skb, mb) ||
	    mcs_nl_put_stats(skb, MCSNOOP_A_BRIDGE_STATS, mb->stats, NULL) ||
	    mcs_nl_put_removals(skb, MCSNOOP_A_BRIDGE_REMOVALS, mb, NULL)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* A reply describing one bridge, built now (before it may go away). */
static struct sk_buff *mcs_nl_bridge_reply(struct mcs_bridge *mb,
					   struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	err = mcs_nl_fill_bridge(msg, mb, info->snd_portid, info->snd_seq,
				 0, NULL);
	if (err) {
		nlmsg_free(msg);
		return ERR_PTR(err);
	}
	return msg;
}

static struct mcs_bridge *mcs_nl_get_enabled(struct genl_info *info)
{
	return mcs_nl_bridge(genl_info_net(info), info->attrs,
			     MCSNOOP_A_BRIDGE_IFINDEX, MCSNOOP_A_BRIDGE_IFNAME,
			     &mcs_nl_names_dev, true, info->extack);
}

int mcsnoop_nl_bridge_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_bridge *mb;
	struct sk_buff *msg;

	rtnl_lock();
	mb = mcs_nl_get_enabled(info);
	msg = IS_ERR(mb) ? ERR_CAST(mb) : mcs_nl_bridge_reply(mb, info);
	rtnl_unlock();
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

/* Where a BRIDGE_GET dump goes on. */
struct mcs_nl_bridge_dump {
	long bridge;
};

static_assert(sizeof(struct mcs_nl_bridge_dump) <=
	      sizeof_field(struct netlink_callback, ctx));

int mcsnoop_nl_bridge_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	struct mcs_nl_bridge_dump *cur = (void *)cb->ctx;
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	long skip = cur->bridge, idx = 0;
	struct mcs_bridge *mb;
	int bkt;

	rcu_read_lock();
	cb->seq = READ_ONCE(mn->generation);
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (idx < skip) {
			idx++;
			continue;
		}
		if (mcs_nl_fill_bridge(skb, mb, NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI, cb))
			break;
		idx++;
	}
	rcu_read_unlock();
	cur->bridge = idx;
	return skb->len;
}

int mcsnoop_nl_bridge_disable_doit(struct sk_buff *skb,
				   struct genl_info *info)
{
	struct mcs_bridge *mb;
	struct sk_buff *msg;

	rtnl_lock();
	mb = mcs_nl_get_enabled(info);
	msg = IS_ERR(mb) ? ERR_CAST(mb) : mcs_nl_bridge_reply(mb, info);
	if (!IS_ERR(msg))
		mcs_bridge_disable(mcs_net(genl_info_net(info)), mb);
	rtnl_unlock();
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

/* Validate every attribute before changing anything. */
static bool mcs_nl_bridge_set_valid(struct mcs_bridge *mb,
				    struct nlattr **a,
				    struct netlink_ext_ack *extack)
{
	struct nlattr *rt = a[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT];
	const char *rt_range =
		"router_timeout: out of range (0 for auto, or 1000-86400000 ms)";

	if (!mcs_nl_range(extack, a[MCSNOOP_A_BRIDGE_MAX_GROUPS], 1, 1048576,
			  "max_groups: out of range (1-1048576)") ||
	    !mcs_nl_range(extack, rt, 0, 86400000, rt_range))
		return false;
	if (rt && nla_get_u32(rt) && nla_get_u32(rt) < 1000) {
		mcs_nl_err(extack, rt, rt_range);
		return false;
	}
	/* The querier's settings and timers, as a VLAN's (nl_settings.c). */
	return mcs_nl_bridge_settings_valid(mb, a, extack);
}

static void mcs_set_bool(const struct nlattr *attr, bool *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u8(attr));
}

static void mcs_set_u8(const struct nlattr *attr, u8 *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u8(attr));
}

static void mcs_set_u32(const struct nlattr *attr, u32 *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u32(attr));
}

/* Name the first port (or the bridge) that falls back, and why. */
static void mcs_nl_warn_fallback(struct mcs_bridge *mb,
				 struct netlink_ext_ack *extack)
{
	char line[NETLINK_MAX_FMTMSG_LEN];

	if (mcs_fallback_describe(mb, line, sizeof(line)))
		mcs_nl_msgf(extack, "%s", line);
}

/* Apply validated settings (BRIDGE_SET, or BRIDGE_ENABLE's). */
static int mcs_nl_bridge_apply(struct mcs_bridge *mb, struct nlattr **a)
{
	struct mcs_config *c;

	c = &mb->cfg;
	mcs_set_bool(a[MCSNOOP_A_BRIDGE_SNOOPING], &c->snooping);
	mcs_set_bool(a[MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS], &c->flood_ambiguous);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_MAX_GROUPS], &c->max_groups);
	mcs_set_u32(a[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT], &c->router_timeout);
	mcs_set_u8(a[MCSNOOP_A_BRIDGE_HOST_ROUTER], &c->host_router);
	mcs_host_router_refresh(mb);
	return mcs_nl_bridge_settings_set(mb, a);
}

int mcsnoop_nl_bridge_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct mcs_bridge *mb;
	int err = 0;

	rtnl_lock();
	mb = mcs_nl_get_enabled(info);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	if (!mcs_nl_bridge_set_valid(mb, a, info->extack)) {
		err = -ERANGE;
		goto out;
	}
	err = mcs_nl_bridge_apply(mb, a);
	if (!err)
		mcs_nl_settings_warn_addr(mb, 0,
					  a[MCSNOOP_A_BRIDGE_QUERIER_ADDR4],
					  info->extack);
	if (a[MCSNOOP_A_BRIDGE_MAX_GROUPS])
		mcs_table_evict(mb, NULL);
out:
	rtnl_unlock();
	return err;
}

int mcsnoop_nl_bridge_enable_doit(struct sk_buff *skb,
				  struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	struct nlattr *saved = info->attrs[MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING];
	const struct nlattr *by = NULL;
	struct mcs_bridge *mb = NULL;
	struct net_device *dev;
	int err;

	rtnl_lock();
	dev = mcs_nl_bridge_dev(mn->net, info->attrs, MCSNOOP_A_BRIDGE_IFINDEX,
				MCSNOOP_A_BRIDGE_IFNAME, &mcs_nl_names_dev,
				true, info->extack, &by);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
	} else if (mcs_bridge_find(mn, dev->ifindex)) {
		mcs_nl_err(info->extack, by,
			   nla_type(by) == MCSNOOP_A_BRIDGE_IFINDEX ?
			   "ifindex: mcsnoop is already enabled on this bridge" :
			   "ifname: mcsnoop is already enabled on this bridge");
		err = -EEXIST;
	} else if (br_multicast_enabled(dev)) {
		if (nla_type(by) == MCSNOOP_A_BRIDGE_IFINDEX)
			mcs_nl_err(info->extack, by,
				   "ifindex: the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)");
		else
			mcs_nl_err(info->extack, by,
				   "ifname: the bridge's own multicast snooping is on; switch it off first (mcast_snooping 0)");
		err = -EBUSY;
	} else if (!mcs_nl_bridge_set_valid(NULL, info->attrs,
					    info->extack)) {
		err = -ERANGE;
	} else {
		/* Settings given with enable apply before the first query. */
		err = mcs_bridge_enable(mn, dev, saved && nla_get_u8(saved),
					&mb);
		if (!err)
			err = mcs_nl_bridge_apply(mb, info->attrs);
		if (!err)
			mcs_querier_start(mb);
		else if (mb)
			mcs_bridge_disable(mn, mb);
		/* Enabled, but a feature of a port is left to the bridge. */
		if (!err) {
			mcs_nl_settings_warn_addr(mb, 0,
						  info->attrs[MCSNOOP_A_BRIDGE_QUERIER_ADDR4],
						  info->extack);
			mcs_nl_warn_fallback(mb, info->extack);
		}
	}
	rtnl_unlock();
	return err;
}
