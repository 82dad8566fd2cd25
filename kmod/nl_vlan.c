// SPDX-License-Identifier: GPL-2.0
/*
 * MCSNOOP_CMD_VLAN_*: per-VLAN settings and state. The querier's settings
 * and the timers of a VLAN are in nl_settings.c, as the bridge's.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "context.h"
#include "netlink.h"
#include "profile.h"
#include "table.h"

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
	    nla_put_u32(skb, MCSNOOP_A_VLAN_MAX_GROUPS,
			READ_ONCE(mb->vlan_groups[vid].max)) ||
	    mcs_nl_put_profile(skb, MCSNOOP_A_VLAN_PROFILE,
			       mcs_vlan_profile(mb, vid)) ||
	    mcs_nl_vlan_settings_put(skb, mb, vid)) {
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
	return !mcs_vlan_snooping(mb, vid) || mcs_ctx_find(mb, vid) ||
	       READ_ONCE(mb->vlan_groups[vid].max) || mcs_vlan_in_use(mb, vid) ||
	       mcs_vlan_profile(mb, vid);
}

/* Where a VLAN_GET dump goes on, and the bridge it is filtered by. */
struct mcs_nl_vlan_dump {
	long bridge;
	u16 vid;		/* the next one, 0 for the first */
	int filter;		/* as mcs_nl_dump_filter() leaves it */
};

static_assert(sizeof(struct mcs_nl_vlan_dump) <=
	      sizeof_field(struct netlink_callback, ctx));

int mcsnoop_nl_vlan_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_nl_vlan_dump *cur = (void *)cb->ctx;
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	struct mcs_bridge *mb;
	long bidx = 0;
	int bkt, err;
	u16 vid;

	err = mcs_nl_dump_filter(skb, cb, MCSNOOP_A_VLAN_BRIDGE_IFINDEX,
				 MCSNOOP_A_VLAN_BRIDGE_IFNAME, &cur->filter);
	if (err)
		return err;
	rtnl_lock();
	hash_for_each(mn->bridges, bkt, mb, hnode) {
		if (bidx++ < cur->bridge ||
		    (cur->filter > 0 && mb->dev->ifindex != cur->filter))
			continue;
		for (vid = max_t(u16, cur->vid, 1); vid < 4095; vid++) {
			if (!mcs_vlan_exists(mb, vid))
				continue;
			if (mcs_nl_fill_vlan(skb, mb, vid,
					     NETLINK_CB(cb->skb).portid,
					     cb->nlh->nlmsg_seq, NLM_F_MULTI)) {
				cur->vid = vid;
				goto out;
			}
		}
		cur->bridge = bidx;
		cur->vid = 0;
	}
out:
	rtnl_unlock();
	return skb->len;
}

int mcsnoop_nl_vlan_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *snooping = info->attrs[MCSNOOP_A_VLAN_SNOOPING];
	struct nlattr *max_groups = info->attrs[MCSNOOP_A_VLAN_MAX_GROUPS];
	struct nlattr *profile = info->attrs[MCSNOOP_A_VLAN_PROFILE];
	struct mcs_profile *p = NULL;
	bool reserved = false;
	struct mcs_bridge *mb;
	u16 vid = 0;
	int err = 0;

	rtnl_lock();
	mb = mcs_nl_vlan_bridge(info, &vid);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	err = mcs_nl_vlan_settings_check(mb, vid, info->attrs, info->extack);
	if (err)
		goto out;
	if (!mcs_nl_range(info->extack, max_groups, 0, 1048576,
			  "max_groups: out of range (0-1048576)")) {
		err = -ERANGE;
		goto out;
	}
	if (profile) {
		err = mcs_nl_profile_ref(genl_info_net(info), profile, &p,
					 info->extack);
		if (err)
			goto out;
		/* Room for it now, so that it is set last and cannot fail. */
		err = xa_reserve(&mb->vlan_profiles, vid, GFP_KERNEL);
		if (err)
			goto out;
		reserved = true;
	}
	if (snooping) {
		if (nla_get_u8(snooping))
			clear_bit(vid, mb->vlan_snooping_off);
		else
			set_bit(vid, mb->vlan_snooping_off);
	}
	err = mcs_nl_vlan_settings_set(mb, vid, info->attrs);
	if (err)
		goto out;
	mcs_nl_settings_warn_addr(mb, vid,
				  info->attrs[MCSNOOP_A_VLAN_QUERIER_ADDR4],
				  info->extack);
	/* Lowering it evicts nothing: new groups wait until the count fits. */
	if (max_groups)
		WRITE_ONCE(mb->vlan_groups[vid].max, nla_get_u32(max_groups));
	if (profile)
		WARN_ON_ONCE(mcs_vlan_profile_set(mb, vid, p));
out:
	/*
	 * A slot reserved and not used (an error, or no profile) goes; there
	 * is none when the request failed before (mb may be an error).
	 */
	if (reserved)
		xa_release(&mb->vlan_profiles, vid);
	rtnl_unlock();
	return err;
}
