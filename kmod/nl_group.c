// SPDX-License-Identifier: GPL-2.0
/*
 * MCSNOOP_CMD_GROUP_*: the membership table over netlink. Dumps walk the
 * table under RCU and resume by position; NLM_F_DUMP_INTR tells userspace
 * when groups came or went meanwhile.
 */
#include <linux/etherdevice.h>
#include <linux/if_bridge.h>
#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include <linux/mcsnoop.h>

#include "forward.h"
#include "hosts.h"
#include "mac_alias.h"
#include "netlink.h"
#include "profile.h"
#include "table.h"

static int mcs_nl_put_source(struct sk_buff *skb, const struct mcs_member *m,
			     const struct mcs_source *s, bool exclude,
			     unsigned long now)
{
	unsigned long expires = READ_ONCE(s->expires);
	bool blocked = READ_ONCE(s->blocked);
	struct nlattr *nest;

	/* In EXCLUDE mode an expired requested source is blocked. */
	if (!s->is_static && exclude && !time_before(now, expires))
		blocked = true;
	nest = nla_nest_start(skb, MCSNOOP_A_MEMBER_SOURCE);
	if (!nest ||
	    mcs_nl_put_addr(skb, MCSNOOP_A_SOURCE_ADDR, &s->addr) ||
	    nla_put_u32(skb, MCSNOOP_A_SOURCE_TIMER,
			s->is_static || blocked ? 0 : mcs_ms_left(expires, now)) ||
	    nla_put_u8(skb, MCSNOOP_A_SOURCE_STATIC, s->is_static) ||
	    nla_put_u8(skb, MCSNOOP_A_SOURCE_BLOCKED, blocked))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int mcs_nl_put_member(struct sk_buff *skb, struct mcs_bridge *mb,
			     const struct mcs_member *m, bool ipv6,
			     unsigned long now)
{
	struct net_device *dev = m->port ? m->port->dev : mb->dev;
	u8 compat = mcs_member_host_compat(m, ipv6, now);
	unsigned long gexp = READ_ONCE(m->group_expires);
	bool is_static = READ_ONCE(m->is_static);
	bool exclude = !is_static &&
		       READ_ONCE(m->mode) == MCSNOOP_FILTER_EXCLUDE &&
		       time_before(now, gexp);
	const struct mcs_source *s;
	struct nlattr *nest, *srcs;
	struct in6_addr host_addr;
	bool has_host_addr;

	has_host_addr = m->port && !is_zero_ether_addr(m->host) &&
			mcs_host_addr(m->port, m->host, ipv6, &host_addr);
	nest = nla_nest_start(skb, MCSNOOP_A_GROUP_MEMBER);
	if (!nest ||
	    nla_put_u32(skb, MCSNOOP_A_MEMBER_PORT_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_MEMBER_PORT_IFNAME, dev->name) ||
	    nla_put_u8(skb, MCSNOOP_A_MEMBER_MODE,
		       exclude || (is_static && READ_ONCE(m->static_any)) ?
		       MCSNOOP_FILTER_EXCLUDE : MCSNOOP_FILTER_INCLUDE) ||
	    nla_put_u8(skb, MCSNOOP_A_MEMBER_STATIC, is_static) ||
	    nla_put_u32(skb, MCSNOOP_A_MEMBER_TIMER,
			exclude ? mcs_ms_left(gexp, now) : 0) ||
	    (!is_zero_ether_addr(m->host) &&
	     nla_put(skb, MCSNOOP_A_MEMBER_HOST, ETH_ALEN, m->host)) ||
	    (compat < (ipv6 ? 2 : 3) &&
	     nla_put_u8(skb, MCSNOOP_A_MEMBER_HOST_COMPAT, compat)) ||
	    (has_host_addr &&
	     mcs_nl_put_addr(skb, MCSNOOP_A_MEMBER_HOST_ADDR, &host_addr)))
		return -EMSGSIZE;
	srcs = nla_nest_start(skb, MCSNOOP_A_MEMBER_SOURCES);
	if (!srcs)
		return -EMSGSIZE;
	hlist_for_each_entry_rcu(s, &m->sources, node) {
		/* What INCLUDE mode no longer forwards is gone. */
		if (!exclude && !s->is_static &&
		    (READ_ONCE(s->blocked) ||
		     !time_before(now, READ_ONCE(s->expires))))
			continue;
		if (mcs_nl_put_source(skb, m, s, exclude, now))
			return -EMSGSIZE;
	}
	nla_nest_end(skb, srcs);
	nla_nest_end(skb, nest);
	return 0;
}

static int mcs_nl_put_traffic(struct sk_buff *skb,
			      const struct mcs_traffic *t)
{
	struct mcs_traffic_sum sum;

	mcs_traffic_read(t, &sum);
	return nla_put_u64_64bit(skb, MCSNOOP_A_GROUP_PACKETS,
				 sum.in_packets, MCSNOOP_A_GROUP_PAD) ||
	       nla_put_u64_64bit(skb, MCSNOOP_A_GROUP_BYTES,
				 sum.in_bytes, MCSNOOP_A_GROUP_PAD) ||
	       nla_put_u64_64bit(skb, MCSNOOP_A_GROUP_OUT_PACKETS,
				 sum.out_packets, MCSNOOP_A_GROUP_PAD) ||
	       nla_put_u64_64bit(skb, MCSNOOP_A_GROUP_OUT_BYTES,
				 sum.out_bytes, MCSNOOP_A_GROUP_PAD);
}

/*
 * One GROUP_GET message: the group's attributes and its members from the
 * *next'th on. A do (next NULL) needs them all in skb. A dump puts as many
 * as fit and, when members are left, ends the message there and sets *next
 * to the first one left: the next message carries the group's attributes
 * again with the members that follow, as the bridge's MDB dumps split a
 * group's ports. Returns 0 when the last member is in, 1 when some are
 * left, -EMSGSIZE (nothing put) when not even one member fits.
 */
static int mcs_nl_fill_group(struct sk_buff *skb, struct mcs_bridge *mb,
			     struct mcs_group *grp, u32 portid, u32 seq,
			     int flags, struct netlink_callback *cb,
			     long *next)
{
	long first = next ? *next : 0, idx = 0;
	unsigned long now = jiffies;
	const struct mcs_member *m;
	struct nlattr *members;
	bool more = false;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
			  MCSNOOP_CMD_GROUP_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, MCSNOOP_A_GROUP_BRIDGE_IFINDEX, mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_GROUP_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u16(skb, MCSNOOP_A_GROUP_VID, grp->key.vid) ||
	    mcs_nl_put_addr(skb, MCSNOOP_A_GROUP_ADDR, &grp->key.addr) ||
	    nla_put(skb, MCSNOOP_A_GROUP_MAC, ETH_ALEN, grp->mac_key.mac) ||
	    nla_put_u32(skb, MCSNOOP_A_GROUP_MAC_ALIAS,
			mcs_mac_alias_count(mb, grp)) ||
	    mcs_nl_put_traffic(skb, &grp->traffic))
		goto cancel;
	members = nla_nest_start(skb, MCSNOOP_A_GROUP_MEMBERS);
	if (!members)
		goto cancel;
	hlist_for_each_entry_rcu(m, &grp->members, node) {
		void *mark = skb_tail_pointer(skb);

		if (idx++ < first)
			continue;
		if (!mcs_nl_put_member(skb, mb, m, grp->ipv6, now))
			continue;
		/* A do, or not even one member here: nothing to send. */
		if (!next || idx - 1 == first)
			goto cancel;
		nlmsg_trim(skb, mark);
		*next = idx - 1;
		more = true;
		break;
	}
	nla_nest_end(skb, members);
	genlmsg_end(skb, hdr);
	return more;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* Room for GROUP_GET's message of grp, all members and sources counted. */
static size_t mcs_nl_group_size(const struct mcs_group *grp,
				size_t *members_size)
{
	const size_t addr = nla_total_size(grp->ipv6 ? 16 : 4);
	const size_t source = nla_total_size(0) + addr + nla_total_size(4) +
			      2 * nla_total_size(1);
	const size_t member = nla_total_size(0) + nla_total_size(4) +
			      nla_total_size(IFNAMSIZ) + 3 * nla_total_size(1) +
			      nla_total_size(4) + nla_total_size(ETH_ALEN) +
			      addr + nla_total_size(0);
	const struct mcs_member *m;
	const struct mcs_source *s;
	size_t size = 0;

	hlist_for_each_entry_rcu(m, &grp->members, node) {
		size += member;
		hlist_for_each_entry_rcu(s, &m->sources, node)
			size += source;
	}
	*members_size = nla_total_size(size);
	return nlmsg_total_size(GENL_HDRLEN + nla_total_size(4) +
				nla_total_size(IFNAMSIZ) + nla_total_size(2) +
				addr + nla_total_size(ETH_ALEN) +
				nla_total_size(4) +
				4 * nla_total_size_64bit(8) + *members_size);
}

int mcs_nl_addr_read(struct netlink_ext_ack *extack,
		     const struct nlattr *attr, struct in6_addr *addr,
		     const char *name)
{
	switch (nla_len(attr)) {
	case sizeof(__be32):
		ipv6_addr_set_v4mapped(nla_get_in_addr(attr), addr);
		return 0;
	case sizeof(struct in6_addr):
		*addr = nla_get_in6_addr(attr);
		return 0;
	}
	NL_SET_BAD_ATTR(extack, attr);
	mcs_nl_msgf(extack, "%s: an IPv4 or IPv6 address (4 or 16 bytes)",
		    name);
	return -EINVAL;
}

/* A group or source address from the request: 4 or 16 bytes. */
int mcs_nl_addr(struct netlink_ext_ack *extack, const struct nlattr *attr,
		struct in6_addr *addr, bool group)
{
	int err = mcs_nl_addr_read(extack, attr, addr,
				   group ? "addr" : "source");

	if (err)
		return err;
	if (group && !mcs_addr_is_multicast(addr)) {
		mcs_nl_err(extack, attr, "addr: not a multicast address");
		return -EINVAL;
	}
	if (!group && (mcs_addr_is_multicast(addr) ||
		       (mcs_addr_is_v4(addr) ? !addr->s6_addr32[3] :
		       ipv6_addr_any(addr)))) {
		mcs_nl_err(extack, attr, "source: not a unicast address");
		return -EINVAL;
	}
	return 0;
}

int mcs_nl_source(struct netlink_ext_ack *extack, const struct nlattr *attr,
		  bool ipv6, struct in6_addr *src)
{
	int err = mcs_nl_addr(extack, attr, src, false);

	if (err)
		return err;
	if (mcs_addr_is_v4(src) == ipv6) {
		mcs_nl_err(extack, attr,
			   "source: not of the group's address family");
		return -EINVAL;
	}
	return 0;
}

static u16 mcs_nl_vid(struct nlattr **attrs)
{
	return attrs[MCSNOOP_A_GROUP_VID] ?
	       nla_get_u16(attrs[MCSNOOP_A_GROUP_VID]) : 0;
}

static int mcs_nl_check_vid(struct mcs_bridge *mb, struct nlattr **attrs,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *v = attrs[MCSNOOP_A_GROUP_VID];

	if (!v)
		return 0;
	if (!mcs_nl_range(extack, v, 0, 4094, "vid: out of range (0-4094)"))
		return -ERANGE;
	if (nla_get_u16(v) && !br_vlan_enabled(mb->dev)) {
		mcs_nl_err(extack, v,
			   "vid: the bridge does not filter VLANs (vlan_filtering 0)");
		return -EINVAL;
	}
	return 0;
}

/*
 * GROUP_GET do: the reply is sized from the group (members and sources
 * counted under RCU), then filled; a group that grew in between is
 * counted again. The members' nest must fit its 16-bit length: a group
 * beyond that is refused with a message, and a dump shows it.
 */
int mcsnoop_nl_group_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *addr_attr = info->attrs[MCSNOOP_A_GROUP_ADDR];
	size_t size = NLMSG_GOODSIZE, members_size;
	struct sk_buff *msg = NULL;
	struct mcs_group *grp;
	struct mcs_bridge *mb;
	struct in6_addr addr;
	int err, tries = 0;

	rtnl_lock();
	mb = mcs_nl_bridge(genl_info_net(info), info->attrs,
			   MCSNOOP_A_GROUP_BRIDGE_IFINDEX,
			   MCSNOOP_A_GROUP_BRIDGE_IFNAME,
			   &mcs_nl_names_bridge, true, info->extack);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	if (!addr_attr) {
		NL_SET_ERR_MSG(info->extack, "missing attribute: addr");
		err = -EINVAL;
		goto out;
	}
	err = mcs_nl_check_vid(mb, info->attrs, info->extack) ?:
	      mcs_nl_addr(info->extack, addr_attr, &addr, true);
	if (err)
		goto out;
	do {
		nlmsg_free(msg);
		msg = genlmsg_new(size, GFP_KERNEL);
		if (!msg) {
			err = -ENOMEM;
			goto out;
		}
		rcu_read_lock();
		grp = mcs_group_lookup(mb, &addr, mcs_nl_vid(info->attrs));
		if (grp) {
			size = mcs_nl_group_size(grp, &members_size);
			err = members_size > U16_MAX ? -E2BIG :
			      mcs_nl_fill_group(msg, mb, grp, info->snd_portid,
						info->snd_seq, 0, NULL, NULL);
		}
		rcu_read_unlock();
	} while (grp && err == -EMSGSIZE && ++tries < 4);
	if (!grp) {
		mcs_nl_err(info->extack, addr_attr,
			   "addr: no such group in the table");
		err = -ENOENT;
	} else if (err == -E2BIG) {
		mcs_nl_err(info->extack, addr_attr,
			   "addr: the group's members do not fit in one message: dump it (group show)");
		err = -EMSGSIZE;
	} else if (err == -EMSGSIZE) {
		NL_SET_ERR_MSG(info->extack,
			       "the group grew while its reply was built: ask again");
	}
out:
	rtnl_unlock();
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Where a GROUP_GET dump goes on, and its filters: the bridge and the VID
 * are read once, the address from the request each time.
 */
struct mcs_nl_group_dump {
	long bridge;
	long group;
	long member;		/* the first one of the next message */
	int filter;		/* as mcs_nl_dump_filter() leaves it */
	bool by_vid;
	u16 vid;
};

static_assert(sizeof(struct mcs_nl_group_dump) <=
	      sizeof_field(struct netlink_callback, ctx));

int mcsnoop_nl_group_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_nl_group_dump *cur = (void *)cb->ctx;
	struct nlattr **attrs = mcs_dump_attrs(cb);
	struct nlattr *vid = attrs[MCSNOOP_A_GROUP_VID];
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	struct in6_addr addr, *want = NULL;
	long bidx = 0, gidx;
	struct mcs_bridge *mb;
	struct mcs_group *grp;
	int bkt, err;

	/* The first call: the bridge filter is not read yet. */
	if (!cur->filter) {
		err = mcs_nl_dump_filter(skb, cb,
					 MCSNOOP_A_GROUP_BRIDGE_IFINDEX,
					 MCSNOOP_A_GROUP_BRIDGE_IFNAME,
					 &cur->filter);
		if (err)
			return err;
		if (vid) {
			if (!mcs_nl_range(cb->extack, vid, 0, 4094,
					  "vid: out of range (0-4094)"))
				return -ERANGE;
			cur->by_vid = true;
			cur->vid = nla_get_u16(vid);
		}
	}
	if (attrs[MCSNOOP_A_GROUP_ADDR]) {
		err = mcs_nl_addr(cb->extack, attrs[MCSNOOP_A_GROUP_ADDR],
				  &addr, true);
		if (err)
			return err;
		want = &addr;
	}
	rcu_read_lock();
	/* Any bridge or group added or removed makes the dump inconsistent. */
	cb->seq = READ_ONCE(mn->generation);
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode)
		cb->seq += READ_ONCE(mb->table_gen);
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (bidx++ < cur->bridge ||
		    (cur->filter > 0 && mb->dev->ifindex != cur->filter))
			continue;
		gidx = 0;
		list_for_each_entry_rcu(grp, &mb->group_list, list) {
			if (gidx++ < cur->group)
				continue;
			if ((cur->by_vid && grp->key.vid != cur->vid) ||
			    (want && !ipv6_addr_equal(want, &grp->key.addr)))
				continue;
			err = mcs_nl_fill_group(skb, mb, grp,
						NETLINK_CB(cb->skb).portid,
						cb->nlh->nlmsg_seq,
						NLM_F_MULTI, cb, &cur->member);
			if (err) {
				cur->group = gidx - 1;
				goto out;
			}
			cur->member = 0;
		}
		cur->bridge = bidx;
		cur->group = 0;
	}
	err = 0;
out:
	rcu_read_unlock();
	/* One member larger than a whole part: cannot happen (64 sources). */
	if (err < 0 && !skb->len) {
		NL_SET_ERR_MSG(cb->extack,
			       "a group's member does not fit in a dump message");
		return err;
	}
	return skb->len;
}

/* What GROUP_ADD and GROUP_DEL name: bridge, port, VID, group, source. */
struct mcs_nl_entry {
	struct mcs_bridge *mb;
	struct mcs_port *port;
	u16 vid;
	bool ipv6;
	struct in6_addr addr;
	struct in6_addr src;
	bool has_src;
};

static int mcs_nl_entry(struct genl_info *info, struct mcs_nl_entry *e)
{
	struct nlattr **a = info->attrs;
	struct net *net = genl_info_net(info);
	int err;

	e->mb = mcs_nl_bridge(net, a, MCSNOOP_A_GROUP_BRIDGE_IFINDEX,
			      MCSNOOP_A_GROUP_BRIDGE_IFNAME,
			      &mcs_nl_names_bridge, true, info->extack);
	if (IS_ERR(e->mb))
		return PTR_ERR(e->mb);
	e->port = mcs_nl_port(net, a, MCSNOOP_A_GROUP_PORT_IFINDEX,
			      MCSNOOP_A_GROUP_PORT_IFNAME, &mcs_nl_names_port,
			      info->extack);
	if (IS_ERR(e->port))
		return PTR_ERR(e->port);
	if (e->port->mb != e->mb) {
		mcs_nl_err(info->extack, a[MCSNOOP_A_GROUP_PORT_IFINDEX] ?:
			   a[MCSNOOP_A_GROUP_PORT_IFNAME],
			   "port: not a port of this bridge");
		return -EINVAL;
	}
	if (!a[MCSNOOP_A_GROUP_ADDR]) {
		NL_SET_ERR_MSG(info->extack, "missing attribute: addr");
		return -EINVAL;
	}
	err = mcs_nl_check_vid(e->mb, a, info->extack) ?:
	      mcs_nl_addr(info->extack, a[MCSNOOP_A_GROUP_ADDR], &e->addr,
			  true);
	if (err)
		return err;
	e->vid = mcs_nl_vid(a);
	e->ipv6 = !mcs_addr_is_v4(&e->addr);
	if (br_vlan_enabled(e->mb->dev) && !e->vid) {
		NL_SET_ERR_MSG(info->extack,
			       "missing attribute: vid (the bridge filters VLANs)");
		return -EINVAL;
	}
	if (a[MCSNOOP_A_GROUP_SOURCE]) {
		err = mcs_nl_source(info->extack, a[MCSNOOP_A_GROUP_SOURCE],
				    e->ipv6, &e->src);
		if (err)
			return err;
		e->has_src = true;
	}
	return 0;
}

/* "addr: denied by profile iptv of port p1" (or of vid 10). */
static void mcs_nl_group_denied(struct netlink_ext_ack *extack,
				const struct nlattr *addr,
				const struct mcs_nl_entry *e)
{
	const struct in6_addr *src = e->has_src ? &e->src : NULL;
	const struct mcs_profile *p, *own;

	p = mcs_profile_denier(e->mb, e->port, e->vid, &e->addr, src);
	own = e->port ? rtnl_dereference(e->port->profile) : NULL;
	NL_SET_BAD_ATTR(extack, addr);
	if (p && p == own)
		mcs_nl_msgf(extack, "addr: denied by profile %s of port %s",
			    p->name, e->port->dev->name);
	else if (p)
		mcs_nl_msgf(extack, "addr: denied by profile %s of vid %u",
			    p->name, e->vid);
}

int mcsnoop_nl_group_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_nl_entry e = {};
	int err;

	rtnl_lock();
	err = mcs_nl_entry(info, &e);
	if (err)
		goto out;
	if (mcs_group_link_local(&e.addr)) {
		mcs_nl_err(info->extack, info->attrs[MCSNOOP_A_GROUP_ADDR],
			   "addr: this group is always flooded (link-local or neighbor discovery)");
		err = -EINVAL;
		goto out;
	}
	err = mcs_static_add(e.mb, e.port, e.vid, &e.addr,
			     e.has_src ? &e.src : NULL, e.ipv6);
	if (err == -ENOSPC)
		mcs_nl_err(info->extack, info->attrs[MCSNOOP_A_GROUP_ADDR],
			   "addr: max-groups reached on the bridge or port, or too many sources");
	else if (err == -EDQUOT)
		mcs_nl_msgf(info->extack, "addr: max-groups of VLAN %u reached",
			    e.vid);
	else if (err == -EXFULL)
		mcs_nl_msgf(info->extack,
			    "addr: max-groups of port %s on VLAN %u reached",
			    e.port->dev->name, e.vid);
	/* The limit that refused it is in the message; the errno is one. */
	if (err == -EXFULL)
		err = -ENOSPC;
	else if (err == -EMLINK)
		mcs_nl_msgf(info->extack,
			    "addr: %u groups of VLAN %u have its MAC already",
			    MCS_MAC_GROUPS_MAX, e.vid);
	else if (err == -EACCES)
		mcs_nl_group_denied(info->extack,
				    info->attrs[MCSNOOP_A_GROUP_ADDR], &e);
out:
	rtnl_unlock();
	return err;
}

int mcsnoop_nl_group_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mcs_nl_entry e = {};
	int err;

	rtnl_lock();
	err = mcs_nl_entry(info, &e);
	if (!err) {
		err = mcs_static_del(e.mb, e.port, e.vid, &e.addr,
				     e.has_src ? &e.src : NULL);
		if (err == -ENOENT)
			mcs_nl_err(info->extack,
				   info->attrs[MCSNOOP_A_GROUP_ADDR],
				   "addr: no such membership on this port");
	}
	rtnl_unlock();
	return err;
}

int mcsnoop_nl_group_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct mcs_port *port = NULL;
	struct mcs_bridge *mb;
	int err = 0;

	rtnl_lock();
	mb = mcs_nl_bridge(genl_info_net(info), a,
			   MCSNOOP_A_GROUP_BRIDGE_IFINDEX,
			   MCSNOOP_A_GROUP_BRIDGE_IFNAME,
			   &mcs_nl_names_bridge, true, info->extack);
	if (IS_ERR(mb)) {
		err = PTR_ERR(mb);
		goto out;
	}
	if (a[MCSNOOP_A_GROUP_PORT_IFINDEX] || a[MCSNOOP_A_GROUP_PORT_IFNAME]) {
		port = mcs_nl_port(genl_info_net(info), a,
				   MCSNOOP_A_GROUP_PORT_IFINDEX,
				   MCSNOOP_A_GROUP_PORT_IFNAME,
				   &mcs_nl_names_port, info->extack);
		if (IS_ERR(port)) {
			err = PTR_ERR(port);
			goto out;
		}
		if (port->mb != mb) {
			mcs_nl_err(info->extack,
				   a[MCSNOOP_A_GROUP_PORT_IFINDEX] ?:
				   a[MCSNOOP_A_GROUP_PORT_IFNAME],
				   "port: not a port of this bridge");
			err = -EINVAL;
			goto out;
		}
	}
	err = mcs_nl_check_vid(mb, a, info->extack);
	if (err)
		goto out;
	mcs_table_flush(mb, port, a[MCSNOOP_A_GROUP_VID] ?
			nla_get_u16(a[MCSNOOP_A_GROUP_VID]) : -1, false,
			MCSNOOP_EVENT_REASON_FLUSH);
out:
	rtnl_unlock();
	return err;
}
