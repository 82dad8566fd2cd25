// SPDX-License-Identifier: GPL-2.0
/*
 * PORT_TEMPLATE_GET, _ADD and _DEL: port settings by interface name
 * (template.c). All under RTNL, dumps included: templates change only
 * under it, and a dump of at most 64 per bridge is short.
 */
#include <linux/if_bridge.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "forward.h"
#include "netlink.h"
#include "table.h"
#include "template.h"

static int mcs_nl_fill_template(struct sk_buff *skb, struct mcs_bridge *mb,
				const struct mcs_port_template *t, u32 portid,
				u32 seq, int flags, struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_PORT_TEMPLATE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, MCSNOOP_A_PORT_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_PORT_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_string(skb, MCSNOOP_A_PORT_TEMPLATE, t->pattern) ||
	    mcs_template_put_settings(skb, t)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* The bridge and the pattern of a request; ERR_PTR after the message. */
static struct mcs_bridge *mcs_nl_template_req(struct genl_info *info,
					      const char **pattern)
{
	const struct nlattr *attr = info->attrs[MCSNOOP_A_PORT_TEMPLATE];
	struct mcs_bridge *mb;

	mb = mcs_nl_bridge(genl_info_net(info), info->attrs,
			   MCSNOOP_A_PORT_BRIDGE_IFINDEX,
			   MCSNOOP_A_PORT_BRIDGE_IFNAME, &mcs_nl_names_bridge,
			   true, info->extack);
	if (IS_ERR(mb))
		return mb;
	if (!attr) {
		NL_SET_ERR_ATTR_MISS(info->extack, NULL, MCSNOOP_A_PORT_TEMPLATE);
		NL_SET_ERR_MSG(info->extack,
			       "template: an interface name or pattern is required");
		return ERR_PTR(-EINVAL);
	}
	if (!nla_len(attr) || !*(char *)nla_data(attr)) {
		NL_SET_BAD_ATTR(info->extack, attr);
		NL_SET_ERR_MSG(info->extack, "template: empty pattern");
		return ERR_PTR(-EINVAL);
	}
	*pattern = nla_data(attr);
	return mb;
}

/* "template: no tap* on br0", naming the attribute. */
static void mcs_nl_template_missing(struct genl_info *info,
				    const char *pattern, struct mcs_bridge *mb)
{
	NL_SET_BAD_ATTR(info->extack, info->attrs[MCSNOOP_A_PORT_TEMPLATE]);
	mcs_nl_msgf(info->extack, "template: no %s on %s", pattern,
		    mb->dev->name);
}

int mcsnoop_nl_port_template_get_doit(struct sk_buff *skb,
				      struct genl_info *info)
{
	const struct mcs_port_template *t;
	struct mcs_bridge *mb;
	const char *pattern;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	mb = mcs_nl_template_req(info, &pattern);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto fail;
	}
	t = mcs_template_find(mb, pattern);
	if (!t) {
		mcs_nl_template_missing(info, pattern, mb);
		err = -ENOENT;
		goto fail;
	}
	err = mcs_nl_fill_template(msg, mb, t, info->snd_portid, info->snd_seq,
				   0, NULL);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
fail:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}

/* Where a dump goes on: the bridge (by position) and template. */
struct mcs_nl_template_dump {
	long bridge;
	long template;
	int filter;		/* as mcs_nl_dump_filter() leaves it */
};

static_assert(sizeof(struct mcs_nl_template_dump) <=
	      sizeof_field(struct netlink_callback, ctx));

int mcsnoop_nl_port_template_get_dumpit(struct sk_buff *skb,
					struct netlink_callback *cb)
{
	struct mcs_nl_template_dump *cur = (void *)cb->ctx;
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	const struct mcs_port_template *t;
	struct mcs_bridge *mb;
	long bidx = 0, tidx;
	int bkt, err;

	err = mcs_nl_dump_filter(skb, cb, MCSNOOP_A_PORT_BRIDGE_IFINDEX,
				 MCSNOOP_A_PORT_BRIDGE_IFNAME, &cur->filter);
	if (err)
		return err;
	rtnl_lock();
	/* A template added or deleted between two parts: DUMP_INTR. */
	cb->seq = mn->generation + mn->template_generation;
	hash_for_each(mn->bridges, bkt, mb, hnode) {
		if (bidx++ < cur->bridge ||
		    (cur->filter > 0 && mb->dev->ifindex != cur->filter))
			continue;
		tidx = 0;
		list_for_each_entry(t, &mb->templates, list) {
			if (tidx++ < cur->template)
				continue;
			if (mcs_nl_fill_template(skb, mb, t,
						 NETLINK_CB(cb->skb).portid,
						 cb->nlh->nlmsg_seq,
						 NLM_F_MULTI, cb))
				goto out;
			cur->template = tidx;
		}
		cur->bridge = bidx;
		cur->template = 0;
	}
out:
	rtnl_unlock();
	return skb->len;
}

int mcs_nl_template_group(const struct nlattr *entry,
			  struct mcs_template_group *g,
			  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[MCSNOOP_A_STATIC_GROUP_MAX + 1];
	int err;

	memset(g, 0, sizeof(*g));
	if (nla_type(entry) != MCSNOOP_A_STATIC_GROUP_ENTRY) {
		mcs_nl_err(extack, entry, "groups: not an entry");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, MCSNOOP_A_STATIC_GROUP_MAX,
			       (struct nlattr *)entry,
			       mcsnoop_static_group_nl_policy, extack);
	if (err)
		return err;
	if (!tb[MCSNOOP_A_STATIC_GROUP_ADDR]) {
		mcs_nl_err(extack, entry, "groups: an entry without addr");
		return -EINVAL;
	}
	err = mcs_nl_addr(extack, tb[MCSNOOP_A_STATIC_GROUP_ADDR], &g->addr,
			  true);
	if (err)
		return err;
	g->ipv6 = !mcs_addr_is_v4(&g->addr);
	if (mcs_group_link_local(&g->addr)) {
		mcs_nl_err(extack, tb[MCSNOOP_A_STATIC_GROUP_ADDR],
			   "addr: this group is always flooded (link-local or neighbor discovery)");
		return -EINVAL;
	}
	if (tb[MCSNOOP_A_STATIC_GROUP_VID])
		g->vid = nla_get_u16(tb[MCSNOOP_A_STATIC_GROUP_VID]);
	if (g->vid >= VLAN_N_VID - 1) {
		mcs_nl_err(extack, tb[MCSNOOP_A_STATIC_GROUP_VID],
			   "vid: out of range (0-4094)");
		return -EINVAL;
	}
	if (!tb[MCSNOOP_A_STATIC_GROUP_SOURCE])
		return 0;
	err = mcs_nl_source(extack, tb[MCSNOOP_A_STATIC_GROUP_SOURCE], g->ipv6,
			    &g->src);
	if (err)
		return err;
	g->has_src = true;
	return 0;
}

/*
 * Every groups entry is one, at most MCS_TEMPLATE_GROUPS_MAX, with a VID
 * as group-add wants it on mb: one on a VLAN-filtering bridge, none else.
 */
static int mcs_nl_template_groups_valid(struct mcs_bridge *mb,
					const struct nlattr *groups,
					struct netlink_ext_ack *extack)
{
	struct mcs_template_group g;
	const struct nlattr *entry;
	int rem, n = 0, err;

	if (!groups)
		return 0;
	nla_for_each_nested(entry, groups, rem) {
		err = mcs_nl_template_group(entry, &g, extack);
		if (err)
			return err;
		if (g.vid && !br_vlan_enabled(mb->dev)) {
			mcs_nl_err(extack, entry,
				   "groups: vid given, but the bridge does not filter VLANs (vlan_filtering 0)");
			return -EINVAL;
		}
		if (!g.vid && br_vlan_enabled(mb->dev)) {
			mcs_nl_err(extack, entry,
				   "groups: an entry without vid (the bridge filters VLANs)");
			return -EINVAL;
		}
		if (++n > MCS_TEMPLATE_GROUPS_MAX) {
			mcs_nl_err(extack, groups,
				   "groups: more than 32 entries");
			return -E2BIG;
		}
	}
	return 0;
}

int mcsnoop_nl_port_template_add_doit(struct sk_buff *skb,
				      struct genl_info *info)
{
	struct mcs_bridge *mb;
	const char *pattern;
	int err, i;

	rtnl_lock();
	mb = mcs_nl_template_req(info, &pattern);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	err = mcs_nl_port_settings_valid(genl_info_net(info), info->attrs,
					 info->extack);
	if (err)
		goto out;
	err = mcs_nl_template_groups_valid(mb, info->attrs[MCSNOOP_A_PORT_GROUPS],
					   info->extack);
	if (err)
		goto out;
	for (i = 0; i < MCS_PORT_SETTINGS; i++)
		if (info->attrs[mcs_port_setting_attrs[i]])
			break;
	if (i == MCS_PORT_SETTINGS &&
	    !info->attrs[MCSNOOP_A_PORT_GROUPS]) {
		NL_SET_ERR_MSG(info->extack,
			       "template: no port setting or static group given");
		err = -EINVAL;
		goto out;
	}
	err = mcs_template_add(mb, pattern, info->attrs);
	if (!err)
		mcs_net(genl_info_net(info))->template_generation++;
	if (err == -EEXIST) {
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[MCSNOOP_A_PORT_TEMPLATE]);
		mcs_nl_msgf(info->extack, "template: %s exists on %s",
			    pattern, mb->dev->name);
	} else if (err == -ENOSPC) {
		mcs_nl_msgf(info->extack, "template: %s has %d already",
			    mb->dev->name, MCS_TEMPLATES_MAX);
	}
out:
	rtnl_unlock();
	return err;
}

int mcsnoop_nl_port_template_del_doit(struct sk_buff *skb,
				      struct genl_info *info)
{
	struct mcs_port_template *t;
	struct mcs_bridge *mb;
	const char *pattern;
	int err = 0;

	rtnl_lock();
	mb = mcs_nl_template_req(info, &pattern);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	t = mcs_template_find(mb, pattern);
	if (t) {
		mcs_template_del(mb, t);
		mcs_net(genl_info_net(info))->template_generation++;
	} else {
		mcs_nl_template_missing(info, pattern, mb);
		err = -ENOENT;
	}
out:
	rtnl_unlock();
	return err;
}
