// SPDX-License-Identifier: GPL-2.0
/*
 * PROFILE_GET, _ADD and _DEL: the filtering profiles of a namespace
 * (profile.c), and how ports and VLANs name one. All under RTNL, dumps
 * included: profiles change only under it.
 */
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/ipv6.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "netlink.h"
#include "objects.h"
#include "profile.h"
#include "table.h"

static int mcs_nl_put_range(struct sk_buff *skb, int min_attr, int max_attr,
			    const struct in6_addr *min,
			    const struct in6_addr *max)
{
	return mcs_nl_put_addr(skb, min_attr, min) ||
	       mcs_nl_put_addr(skb, max_attr, max);
}

static int mcs_nl_put_rules(struct sk_buff *skb,
			    const struct mcs_profile_rules *r)
{
	const struct mcs_profile_rule *rule;
	struct nlattr *rules, *entry;
	u16 i;

	rules = nla_nest_start(skb, MCSNOOP_A_PROFILE_RULES);
	if (!rules)
		return -EMSGSIZE;
	for (i = 0; i < r->n; i++) {
		rule = &r->rule[i];
		entry = nla_nest_start(skb, MCSNOOP_A_PROFILE_RULE_ENTRY);
		if (!entry ||
		    nla_put_u8(skb, MCSNOOP_A_PROFILE_RULE_ACTION,
			       rule->action) ||
		    mcs_nl_put_range(skb, MCSNOOP_A_PROFILE_RULE_GROUP_MIN,
				     MCSNOOP_A_PROFILE_RULE_GROUP_MAX,
				     &rule->group_min, &rule->group_max) ||
		    (!rule->any_source &&
		     mcs_nl_put_range(skb, MCSNOOP_A_PROFILE_RULE_SOURCE_MIN,
				      MCSNOOP_A_PROFILE_RULE_SOURCE_MAX,
				      &rule->source_min, &rule->source_max)))
			return -EMSGSIZE;
		nla_nest_end(skb, entry);
	}
	nla_nest_end(skb, rules);
	return 0;
}

static int mcs_nl_fill_profile(struct sk_buff *skb,
			       const struct mcs_profile *p, u32 portid,
			       u32 seq, int flags, struct netlink_callback *cb)
{
	const struct mcs_profile_rules *r = rtnl_dereference(p->rules);
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_PROFILE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_string(skb, MCSNOOP_A_PROFILE_NAME, p->name) ||
	    nla_put_u8(skb, MCSNOOP_A_PROFILE_DEFAULT, r->dflt) ||
	    nla_put_u32(skb, MCSNOOP_A_PROFILE_USERS, p->users) ||
	    mcs_nl_put_rules(skb, r)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* The name of a request: required, 1-15 characters. */
static const char *mcs_nl_profile_name(struct genl_info *info)
{
	const struct nlattr *attr = info->attrs[MCSNOOP_A_PROFILE_NAME];

	if (!attr) {
		NL_SET_ERR_ATTR_MISS(info->extack, NULL, MCSNOOP_A_PROFILE_NAME);
		NL_SET_ERR_MSG(info->extack, "name: a profile name is required");
		return NULL;
	}
	if (!*(char *)nla_data(attr)) {
		mcs_nl_err(info->extack, attr, "name: empty profile name");
		return NULL;
	}
	return nla_data(attr);
}

/* The named profile; an ERR_PTR after the message ("name: no profile X"). */
static struct mcs_profile *mcs_nl_profile_of(struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	const char *name = mcs_nl_profile_name(info);
	struct mcs_profile *p;

	if (!name)
		return ERR_PTR(-EINVAL);
	p = mcs_profile_find(mn, name);
	if (!p) {
		NL_SET_BAD_ATTR(info->extack, info->attrs[MCSNOOP_A_PROFILE_NAME]);
		mcs_nl_msgf(info->extack, "name: no profile %s", name);
		return ERR_PTR(-ENOENT);
	}
	return p;
}

int mcsnoop_nl_profile_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct mcs_profile *p;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	p = mcs_nl_profile_of(info);
	err = IS_ERR(p) ? PTR_ERR(p) :
	      mcs_nl_fill_profile(msg, p, info->snd_portid, info->snd_seq, 0,
				  NULL);
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

int mcsnoop_nl_profile_get_dumpit(struct sk_buff *skb,
				  struct netlink_callback *cb)
{
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	long *done = (long *)cb->ctx, i = 0;
	const struct mcs_profile *p;

	rtnl_lock();
	/* A profile added or deleted between two parts: DUMP_INTR. */
	cb->seq = mn->profile_generation;
	list_for_each_entry(p, &mn->profiles, node) {
		if (i++ < *done)
			continue;
		if (mcs_nl_fill_profile(skb, p, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, NLM_F_MULTI, cb)) {
			/* Never alone: MCS_PROFILE_RULES_MAX sees to it. */
			if (WARN_ON_ONCE(!skb->len)) {
				rtnl_unlock();
				return -EMSGSIZE;
			}
			break;
		}
		*done = i;
	}
	rtnl_unlock();
	return skb->len;
}

/*
 * An address of a rule, 4 or 16 bytes, v4-mapped for IPv4; a group range
 * has multicast ends (a source range any: 0.0.0.0/0 is every source).
 */
static int mcs_nl_rule_addr(struct netlink_ext_ack *extack,
			    const struct nlattr *attr, struct in6_addr *addr,
			    const char *name, bool group)
{
	int err = mcs_nl_addr_read(extack, attr, addr, name);

	if (err)
		return err;
	if (group && !mcs_addr_is_multicast(addr)) {
		NL_SET_BAD_ATTR(extack, attr);
		mcs_nl_msgf(extack, "%s: not a multicast address", name);
		return -EINVAL;
	}
	return 0;
}

/* One range of a rule: min (required) and max, of one family. */
static int mcs_nl_rule_range(struct netlink_ext_ack *extack,
			     struct nlattr **tb, int min_attr, int max_attr,
			     struct in6_addr *min, struct in6_addr *max,
			     const char *what)
{
	bool group = min_attr == MCSNOOP_A_PROFILE_RULE_GROUP_MIN;
	char name[16];
	int err;

	snprintf(name, sizeof(name), "%s_min", what);
	err = mcs_nl_rule_addr(extack, tb[min_attr], min, name, group);
	if (err)
		return err;
	*max = *min;
	if (tb[max_attr]) {
		snprintf(name, sizeof(name), "%s_max", what);
		err = mcs_nl_rule_addr(extack, tb[max_attr], max, name, group);
		if (err)
			return err;
	}
	if (mcs_addr_is_v4(min) != mcs_addr_is_v4(max)) {
		mcs_nl_msgf(extack, "%s_max: not of the family of %s_min",
			    what, what);
		NL_SET_BAD_ATTR(extack, tb[max_attr]);
		return -EINVAL;
	}
	if (memcmp(min, max, sizeof(*min)) > 0) {
		mcs_nl_msgf(extack, "%s_max: below %s_min", what, what);
		NL_SET_BAD_ATTR(extack, tb[max_attr]);
		return -EINVAL;
	}
	return 0;
}

static int mcs_nl_rule(const struct nlattr *entry,
		       struct mcs_profile_rule *rule,
		       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[MCSNOOP_A_PROFILE_RULE_MAX + 1];
	int err;

	if (nla_type(entry) != MCSNOOP_A_PROFILE_RULE_ENTRY) {
		mcs_nl_err(extack, entry, "rules: not an entry");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, MCSNOOP_A_PROFILE_RULE_MAX,
			       (struct nlattr *)entry,
			       mcsnoop_profile_rule_nl_policy, extack);
	if (err)
		return err;
	if (tb[MCSNOOP_A_PROFILE_RULE_ENTRY]) {
		mcs_nl_err(extack, tb[MCSNOOP_A_PROFILE_RULE_ENTRY],
			   "rules: an entry inside a rule");
		return -EINVAL;
	}
	if (!tb[MCSNOOP_A_PROFILE_RULE_ACTION]) {
		mcs_nl_err(extack, entry, "action: a rule without action");
		return -EINVAL;
	}
	if (!tb[MCSNOOP_A_PROFILE_RULE_GROUP_MIN]) {
		mcs_nl_err(extack, entry, "group_min: a rule without group_min");
		return -EINVAL;
	}
	rule->action = nla_get_u8(tb[MCSNOOP_A_PROFILE_RULE_ACTION]);
	err = mcs_nl_rule_range(extack, tb, MCSNOOP_A_PROFILE_RULE_GROUP_MIN,
				MCSNOOP_A_PROFILE_RULE_GROUP_MAX,
				&rule->group_min, &rule->group_max, "group");
	if (err)
		return err;
	rule->any_source = !tb[MCSNOOP_A_PROFILE_RULE_SOURCE_MIN];
	if (rule->any_source) {
		if (tb[MCSNOOP_A_PROFILE_RULE_SOURCE_MAX]) {
			mcs_nl_err(extack, tb[MCSNOOP_A_PROFILE_RULE_SOURCE_MAX],
				   "source_max: without source_min");
			return -EINVAL;
		}
		return 0;
	}
	err = mcs_nl_rule_range(extack, tb, MCSNOOP_A_PROFILE_RULE_SOURCE_MIN,
				MCSNOOP_A_PROFILE_RULE_SOURCE_MAX,
				&rule->source_min, &rule->source_max,
				"source");
	if (err)
		return err;
	if (mcs_addr_is_v4(&rule->source_min) !=
	    mcs_addr_is_v4(&rule->group_min)) {
		mcs_nl_err(extack, tb[MCSNOOP_A_PROFILE_RULE_SOURCE_MIN],
			   "source_min: not of the group's family");
		return -EINVAL;
	}
	return 0;
}

/* The rules of a profile-add; an ERR_PTR after the message. */
static struct mcs_profile_rules *mcs_nl_rules(struct genl_info *info)
{
	const struct nlattr *rules = info->attrs[MCSNOOP_A_PROFILE_RULES];
	const struct nlattr *dflt = info->attrs[MCSNOOP_A_PROFILE_DEFAULT];
	const struct nlattr *entry;
	struct mcs_profile_rules *r;
	int rem, n = 0, err;

	if (rules)
		nla_for_each_nested(entry, rules, rem)
			n++;
	if (n > MCS_PROFILE_RULES_MAX) {
		mcs_nl_err(info->extack, rules,
			   "rules: more than 32 rules");
		return ERR_PTR(-E2BIG);
	}
	r = kzalloc(struct_size(r, rule, n), GFP_KERNEL);
	if (!r)
		return ERR_PTR(-ENOMEM);
	r->dflt = dflt ? nla_get_u8(dflt) : MCSNOOP_PROFILE_ACTION_DENY;
	if (rules) {
		nla_for_each_nested(entry, rules, rem) {
			err = mcs_nl_rule(entry, &r->rule[r->n], info->extack);
			if (err) {
				kfree(r);
				return ERR_PTR(err);
			}
			r->n++;
		}
	}
	return r;
}

int mcsnoop_nl_profile_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	struct mcs_profile_rules *r, *old;
	struct mcs_profile *p;
	const char *name;
	int err = 0;

	name = mcs_nl_profile_name(info);
	if (!name)
		return -EINVAL;
	r = mcs_nl_rules(info);
	if (IS_ERR(r))
		return PTR_ERR(r);
	rtnl_lock();
	p = mcs_profile_find(mn, name);
	if (p) {
		old = rtnl_dereference(p->rules);
		rcu_assign_pointer(p->rules, r);
		kfree_rcu(old, rcu);
		mcs_profile_changed(mn, p);
		goto out;
	}
	if (mn->profile_count >= MCS_PROFILES_MAX) {
		mcs_nl_err(info->extack, info->attrs[MCSNOOP_A_PROFILE_NAME],
			   "name: 256 profiles in the namespace already");
		err = -ENOSPC;
		goto err_free;
	}
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p) {
		err = -ENOMEM;
		goto err_free;
	}
	mcs_object_new(MCS_OBJ_PROFILE);
	strscpy(p->name, name, sizeof(p->name));
	RCU_INIT_POINTER(p->rules, r);
	list_add_tail(&p->node, &mn->profiles);
	mn->profile_count++;
	mn->profile_generation++;
out:
	rtnl_unlock();
	return 0;

err_free:
	rtnl_unlock();
	kfree(r);
	return err;
}

/* "profile iptv is used by port tap101i0", or by a VLAN of a bridge. */
static void mcs_nl_profile_user(struct genl_info *info, struct mcs_net *mn,
				const struct mcs_profile *p)
{
	struct mcs_bridge *mb;
	struct mcs_port *port;
	unsigned long vid;
	void *entry;
	int bkt;

	NL_SET_BAD_ATTR(info->extack, info->attrs[MCSNOOP_A_PROFILE_NAME]);
	hash_for_each(mn->bridges, bkt, mb, hnode) {
		list_for_each_entry(port, &mb->port_list, list)
			if (rtnl_dereference(port->profile) == p) {
				mcs_nl_msgf(info->extack,
					    "name: profile %s is used by port %s",
					    p->name, port->dev->name);
				return;
			}
		xa_for_each(&mb->vlan_profiles, vid, entry)
			if (entry == p) {
				mcs_nl_msgf(info->extack,
					    "name: profile %s is used by vid %lu of %s",
					    p->name, vid, mb->dev->name);
				return;
			}
	}
}

int mcsnoop_nl_profile_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_net *mn = mcs_net(genl_info_net(info));
	struct mcs_profile *p;
	int err = 0;

	rtnl_lock();
	p = mcs_nl_profile_of(info);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
	} else if (p->users) {
		mcs_nl_profile_user(info, mn, p);
		err = -EBUSY;
	} else {
		mcs_profile_free(p);
		mn->profile_count--;
		mn->profile_generation++;
	}
	rtnl_unlock();
	return err;
}

int mcs_nl_profile_ref(struct net *net, const struct nlattr *attr,
		       struct mcs_profile **p, struct netlink_ext_ack *extack)
{
	const char *name = nla_data(attr);

	*p = NULL;
	if (!*name)
		return 0;
	*p = mcs_profile_find(mcs_net(net), name);
	if (*p)
		return 0;
	NL_SET_BAD_ATTR(extack, attr);
	mcs_nl_msgf(extack, "profile: no profile %s", name);
	return -ENOENT;
}

int mcs_nl_put_profile(struct sk_buff *skb, int attr,
		       const struct mcs_profile *p)
{
	return p ? nla_put_string(skb, attr, p->name) : 0;
}
