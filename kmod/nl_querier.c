// SPDX-License-Identifier: GPL-2.0
/*
 * MCSNOOP_CMD_QUERIER_GET: the state of the queriers, one per bridge or
 * VLAN and protocol. Their settings are in nl_settings.c.
 */
#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <net/sock.h>

#include "context.h"
#include "netlink.h"
#include "querier.h"

/* One querier, under the bridge's lock. */
static int mcs_nl_put_querier(struct sk_buff *skb, struct mcs_bridge *mb,
			      const struct mcs_querier *q)
{
	const struct mcs_settings *s = mcs_ctx_settings(mcs_querier_ctx(q));
	unsigned long now = jiffies;
	struct in6_addr src, own_addr;
	struct net_device *port;
	u8 role;
	bool own;

	role = mcs_querier_role(mb, q, now, &src);
	/* Only auto takes part in the election with an address. */
	own = s->querier == MCSNOOP_QUERIER_AUTO &&
	      mcs_querier_own_addr(mb, q, &own_addr);
	if (nla_put_u32(skb, MCSNOOP_A_QUERIER_BRIDGE_IFINDEX,
			mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_QUERIER_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u16(skb, MCSNOOP_A_QUERIER_VID, q->vid) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_FAMILY,
		       q->proto == MCS_IPV4 ? AF_INET : AF_INET6) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_MODE, s->querier) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_ROLE, role) ||
	    (own && mcs_nl_put_addr(skb, MCSNOOP_A_QUERIER_OWN_ADDR,
				    &own_addr)) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_VERSION,
		       mcs_querier_version(q, now)) ||
	    nla_put_u64_64bit(skb, MCSNOOP_A_QUERIER_QUERIES_SENT, q->sent,
			      MCSNOOP_A_QUERIER_PAD) ||
	    nla_put_u64_64bit(skb, MCSNOOP_A_QUERIER_QUERIES_HEARD, q->heard,
			      MCSNOOP_A_QUERIER_PAD) ||
	    nla_put_u64_64bit(skb, MCSNOOP_A_QUERIER_PROXY_QUERIES_HEARD,
			      q->proxy_heard, MCSNOOP_A_QUERIER_PAD) ||
	    nla_put_u64_64bit(skb, MCSNOOP_A_QUERIER_BOGUS_QUERIES, q->bogus,
			      MCSNOOP_A_QUERIER_PAD) ||
	    (q->bogus && mcs_nl_put_addr(skb, MCSNOOP_A_QUERIER_BOGUS_ADDR,
					 &q->bogus_addr)) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_PROXY_ONLY,
		       mcs_querier_proxy_only(mb, q, now)))
		return -EMSGSIZE;
	/* Another querier is elected whatever our mode: show it. */
	if (q->other && time_before(now, q->other_expires)) {
		port = dev_get_by_index_rcu(dev_net(mb->dev), q->other_ifindex);
		if (mcs_nl_put_addr(skb, MCSNOOP_A_QUERIER_ADDR, &q->other_addr) ||
		    nla_put_u32(skb, MCSNOOP_A_QUERIER_PORT_IFINDEX,
				q->other_ifindex) ||
		    (port && nla_put_string(skb, MCSNOOP_A_QUERIER_PORT_IFNAME,
					    port->name)) ||
		    nla_put(skb, MCSNOOP_A_QUERIER_MAC, ETH_ALEN,
			    q->other_mac) ||
		    nla_put_u32(skb, MCSNOOP_A_QUERIER_INTERVAL,
				q->other_qi_ms) ||
		    nla_put_u32(skb, MCSNOOP_A_QUERIER_RESPONSE_INTERVAL,
				q->other_qri_ms) ||
		    nla_put_u8(skb, MCSNOOP_A_QUERIER_ROBUSTNESS,
			       q->other_qrv) ||
		    nla_put_u32(skb, MCSNOOP_A_QUERIER_OTHER_TIMER,
				mcs_ms_left(q->other_expires, now)))
			return -EMSGSIZE;
		return 0;
	}
	if (role != MCSNOOP_QUERIER_ROLE_QUERIER &&
	    role != MCSNOOP_QUERIER_ROLE_PROXY)
		return 0;
	if (mcs_nl_put_addr(skb, MCSNOOP_A_QUERIER_ADDR, &src) ||
	    nla_put_u32(skb, MCSNOOP_A_QUERIER_INTERVAL, s->query_interval) ||
	    nla_put_u32(skb, MCSNOOP_A_QUERIER_RESPONSE_INTERVAL,
			s->query_response_interval) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_ROBUSTNESS, s->robustness) ||
	    nla_put_u32(skb, MCSNOOP_A_QUERIER_QUERY_TIMER,
			mcs_ms_left(q->next_query, now)))
		return -EMSGSIZE;
	return 0;
}

/* Where a QUERIER_GET dump goes on: bridge, then VLAN and protocol. */
struct mcs_nl_querier_dump {
	long bridge;
	unsigned long vid;
	int proto;
};

static_assert(sizeof(struct mcs_nl_querier_dump) <=
	      sizeof_field(struct netlink_callback, ctx));

/* Fill from the cursor's querier of mb on; false when the skb is full. */
static bool mcs_nl_fill_queriers(struct sk_buff *skb, struct mcs_bridge *mb,
				 struct mcs_nl_querier_dump *cur, u32 portid,
				 u32 seq, int flags)
{
	struct mcs_ctx *ctx;
	bool done = true;
	void *hdr;

	spin_lock_bh(&mb->lock);
	xa_for_each_start(&mb->ctx.xa, cur->vid, ctx, cur->vid) {
		if (!ctx->present)
			continue;
		for (; cur->proto < MCS_PROTO_MAX; cur->proto++) {
			hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family,
					  flags, MCSNOOP_CMD_QUERIER_GET);
			if (!hdr)
				goto full;
			if (mcs_nl_put_querier(skb, mb,
					       &ctx->querier[cur->proto])) {
				genlmsg_cancel(skb, hdr);
				goto full;
			}
			genlmsg_end(skb, hdr);
		}
		cur->proto = 0;
	}
	goto out;
full:
	done = false;
out:
	spin_unlock_bh(&mb->lock);
	return done;
}

int mcsnoop_nl_querier_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_nl_querier_dump *cur = (void *)cb->ctx;
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	struct mcs_bridge *mb;
	int ifindex, bkt;
	long bridge = 0;

	ifindex = mcs_nl_dump_ifindex(skb, cb, MCSNOOP_A_QUERIER_BRIDGE_IFINDEX,
				      MCSNOOP_A_QUERIER_BRIDGE_IFNAME,
				      &mcs_nl_names_bridge, true);
	if (ifindex < 0)
		return ifindex;
	rcu_read_lock();
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (ifindex && mb->dev->ifindex != ifindex)
			continue;
		if (bridge++ < cur->bridge)
			continue;
		if (!mcs_nl_fill_queriers(skb, mb, cur,
					  NETLINK_CB(cb->skb).portid,
					  cb->nlh->nlmsg_seq, NLM_F_MULTI))
			break;
		cur->bridge = bridge;
		cur->vid = 0;
		cur->proto = 0;
	}
	rcu_read_unlock();
	return skb->len;
}

int mcsnoop_nl_querier_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *vid_attr = info->attrs[MCSNOOP_A_QUERIER_VID];
	struct nlattr *fam_attr = info->attrs[MCSNOOP_A_QUERIER_FAMILY];
	u16 vid = vid_attr ? nla_get_u16(vid_attr) : 0;
	struct mcs_querier *q = NULL;
	struct mcs_bridge *mb;
	struct mcs_ctx *ctx;
	struct sk_buff *msg;
	void *hdr;
	u8 proto;
	int err;

	if (!fam_attr) {
		NL_SET_ERR_MSG(info->extack, "missing attribute: family");
		return -EINVAL;
	}
	switch (nla_get_u8(fam_attr)) {
	case AF_INET:
		proto = MCS_IPV4;
		break;
	case AF_INET6:
		proto = MCS_IPV6;
		break;
	default:
		mcs_nl_err(info->extack, fam_attr,
			   "family: not AF_INET (2) or AF_INET6 (10)");
		return -EINVAL;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	mb = mcs_nl_bridge(genl_info_net(info), info->attrs,
			   MCSNOOP_A_QUERIER_BRIDGE_IFINDEX,
			   MCSNOOP_A_QUERIER_BRIDGE_IFNAME,
			   &mcs_nl_names_bridge, true, info->extack);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	err = -EMSGSIZE;
	hdr = genlmsg_put(msg, info->snd_portid, info->snd_seq,
			  &mcs_genl_family, 0, MCSNOOP_CMD_QUERIER_GET);
	if (!hdr)
		goto out;
	/* The addresses it reports are read under RCU, as in the dump. */
	rcu_read_lock();
	spin_lock_bh(&mb->lock);
	ctx = mcs_ctx_find(mb, vid);
	if (ctx && ctx->present)
		q = &ctx->querier[proto];
	if (q)
		err = mcs_nl_put_querier(msg, mb, q);
	spin_unlock_bh(&mb->lock);
	rcu_read_unlock();
	if (!q) {
		if (vid_attr)
			mcs_nl_err(info->extack, vid_attr,
				   "vid: no querier on this VLAN");
		else
			NL_SET_ERR_MSG(info->extack,
				       "vid: no querier on VLAN 0 (a VLAN-filtering bridge needs a vid)");
		err = -ENOENT;
	}
	if (!err) {
		genlmsg_end(msg, hdr);
		rtnl_unlock();
		return genlmsg_reply(msg, info);
	}
out:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}
