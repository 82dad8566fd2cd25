// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink side of the querier: its settings per bridge (BRIDGE_SET/GET)
 * and per VLAN (VLAN_SET/GET), and the querier state (QUERIER_GET).
 */
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "netlink.h"
#include "querier.h"
#include "vlan.h"

/* Addresses we may query from: unicast IPv4, link-local IPv6, or none. */
static bool mcs_nl_addrs_valid(const struct nlattr *a4, const struct nlattr *a6,
			       struct netlink_ext_ack *extack)
{
	struct in6_addr addr6;
	__be32 addr4;

	if (a4) {
		addr4 = nla_get_in_addr(a4);
		if (addr4 && (ipv4_is_multicast(addr4) ||
			      ipv4_is_lbcast(addr4) ||
			      ipv4_is_zeronet(addr4) ||
			      ipv4_is_loopback(addr4))) {
			mcs_nl_err(extack, a4,
				   "querier_addr4: not a unicast address (0.0.0.0 for the bridge's own)");
			return false;
		}
	}
	if (a6) {
		addr6 = nla_get_in6_addr(a6);
		if (!ipv6_addr_any(&addr6) &&
		    !(ipv6_addr_type(&addr6) & IPV6_ADDR_LINKLOCAL)) {
			mcs_nl_err(extack, a6,
				   "querier_addr6: MLD queries come from a link-local address (fe80::/10, or :: for the bridge's own)");
			return false;
		}
	}
	return true;
}

/* The bridge's attribute of each querier setting, by setting index. */
static const u16 mcs_bridge_qattrs[MCS_VLAN_SETTINGS_N] = {
	[MCS_QIDX(QUERIER)] = MCSNOOP_A_BRIDGE_QUERIER,
	[MCS_QIDX(QUERIER_ADDR4)] = MCSNOOP_A_BRIDGE_QUERIER_ADDR4,
	[MCS_QIDX(QUERIER_ADDR6)] = MCSNOOP_A_BRIDGE_QUERIER_ADDR6,
	[MCS_QIDX(PROXY_QUERY)] = MCSNOOP_A_BRIDGE_PROXY_QUERY,
	[MCS_QIDX(QUERY_INTERVAL)] = MCSNOOP_A_BRIDGE_QUERY_INTERVAL,
	[MCS_QIDX(QUERY_RESPONSE_INTERVAL)] =
		MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL,
	[MCS_QIDX(ROBUSTNESS)] = MCSNOOP_A_BRIDGE_ROBUSTNESS,
	[MCS_QIDX(LAST_MEMBER_INTERVAL)] = MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL,
	[MCS_QIDX(LAST_MEMBER_COUNT)] = MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT,
	[MCS_QIDX(MEMBERSHIP_TIMEOUT)] = MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT,
	[MCS_QIDX(STARTUP_QUERY_INTERVAL)] =
		MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL,
	[MCS_QIDX(STARTUP_QUERY_COUNT)] = MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT,
	[MCS_QIDX(IGMP_VERSION)] = MCSNOOP_A_BRIDGE_IGMP_VERSION,
	[MCS_QIDX(MLD_VERSION)] = MCSNOOP_A_BRIDGE_MLD_VERSION,
};

/* A u32 attribute that is 0 (auto) or at least min. */
static bool mcs_nl_auto_min(struct netlink_ext_ack *extack,
			    const struct nlattr *attr, u32 min, const char *msg)
{
	if (attr && nla_get_u32(attr) && nla_get_u32(attr) < min) {
		mcs_nl_err(extack, attr, msg);
		return false;
	}
	return true;
}

/*
 * The querier settings of a BRIDGE_SET or VLAN_SET (t: by setting index),
 * against the query intervals in effect where not given.
 */
static bool mcs_nl_qsettings_valid(const struct nlattr *const *t, u32 cur_qi,
				   u32 cur_qri, struct netlink_ext_ack *extack)
{
	const struct nlattr *qi = t[MCS_QIDX(QUERY_INTERVAL)];
	const struct nlattr *qri = t[MCS_QIDX(QUERY_RESPONSE_INTERVAL)];
	const struct nlattr *mt = t[MCS_QIDX(MEMBERSHIP_TIMEOUT)];
	const struct nlattr *sqi = t[MCS_QIDX(STARTUP_QUERY_INTERVAL)];
	const char *mt_range =
		"membership_timeout: out of range (0 for auto, or 1000-86400000 ms)";
	const char *sqi_range =
		"startup_query_interval: out of range (0 for auto, or 100-3600000 ms)";
	u32 qi_ms, qri_ms;

	if (!mcs_nl_range(extack, t[MCS_QIDX(QUERIER)], 0, 2,
			  "querier: out of range (0 off, 1 proxy, 2 auto)") ||
	    !mcs_nl_range(extack, t[MCS_QIDX(PROXY_QUERY)], 0, 1,
			  "proxy_query: out of range (0-1)") ||
	    !mcs_nl_range(extack, qi, 1000, 3600000,
			  "query_interval: out of range (1000-3600000 ms)") ||
	    !mcs_nl_range(extack, qri, 100, 3600000,
			  "query_response_interval: out of range (100-3600000 ms)") ||
	    !mcs_nl_range(extack, t[MCS_QIDX(ROBUSTNESS)], 1, 7,
			  "robustness: out of range (1-7)") ||
	    !mcs_nl_range(extack, t[MCS_QIDX(LAST_MEMBER_INTERVAL)],
			  100, 25500,
			  "last_member_interval: out of range (100-25500 ms)") ||
	    !mcs_nl_range(extack, t[MCS_QIDX(LAST_MEMBER_COUNT)], 1, 10,
			  "last_member_count: out of range (1-10)") ||
	    !mcs_nl_range(extack, mt, 0, 86400000, mt_range) ||
	    !mcs_nl_auto_min(extack, mt, 1000, mt_range) ||
	    !mcs_nl_range(extack, sqi, 0, 3600000, sqi_range) ||
	    !mcs_nl_auto_min(extack, sqi, 100, sqi_range) ||
	    !mcs_nl_range(extack, t[MCS_QIDX(STARTUP_QUERY_COUNT)], 0, 10,
			  "startup_query_count: out of range (0 for auto, or 1-10)") ||
	    !mcs_nl_range(extack, t[MCS_QIDX(IGMP_VERSION)], 2, 3,
			  "igmp_version: out of range (2-3)") ||
	    !mcs_nl_range(extack, t[MCS_QIDX(MLD_VERSION)], 1, 2,
			  "mld_version: out of range (1-2)") ||
	    !mcs_nl_addrs_valid(t[MCS_QIDX(QUERIER_ADDR4)],
				t[MCS_QIDX(QUERIER_ADDR6)], extack))
		return false;
	qi_ms = qi ? nla_get_u32(qi) : cur_qi;
	qri_ms = qri ? nla_get_u32(qri) : cur_qri;
	if (qri_ms >= qi_ms) {
		if (qri)
			mcs_nl_err(extack, qri,
				   "query_response_interval: must be below query_interval");
		else
			mcs_nl_err(extack, qi,
				   "query_interval: must be above query_response_interval");
		return false;
	}
	return true;
}

bool mcs_nl_querier_valid(struct mcs_bridge *mb, struct nlattr **a,
			  struct netlink_ext_ack *extack)
{
	const struct mcs_config *cur = mb ? &mb->cfg : &mcs_config_defaults;
	struct nlattr *qi = a[MCSNOOP_A_BRIDGE_QUERY_INTERVAL];
	struct nlattr *qri = a[MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL];
	const struct nlattr *t[MCS_VLAN_SETTINGS_N];
	unsigned int i;

	for (i = 0; i < MCS_VLAN_SETTINGS_N; i++)
		t[i] = a[mcs_bridge_qattrs[i]];
	if (!mcs_nl_qsettings_valid(t, READ_ONCE(cur->query_interval),
				    READ_ONCE(cur->query_response_interval),
				    extack))
		return false;
	/* The VLANs that inherit one of the two but not the other. */
	if (mb && (qi || qri) &&
	    !mcs_vlan_intervals_ok(mb, qi ? nla_get_u32(qi) :
				   READ_ONCE(cur->query_interval),
				   qri ? nla_get_u32(qri) :
				   READ_ONCE(cur->query_response_interval))) {
		if (qi)
			mcs_nl_err(extack, qi,
				   "query_interval: must be above the query_response_interval of every VLAN that inherits it");
		else
			mcs_nl_err(extack, qri,
				   "query_response_interval: must be below the query_interval of every VLAN that inherits it");
		return false;
	}
	return true;
}

static void mcs_nl_set_u8(const struct nlattr *attr, u8 *field)
{
	if (attr)
		WRITE_ONCE(*field, nla_get_u8(attr));
}

/* The bridge settings that change what the querier sends, or when. */
static const u16 mcs_querier_attrs[] = {
	MCSNOOP_A_BRIDGE_QUERY_INTERVAL,
	MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL,
	MCSNOOP_A_BRIDGE_ROBUSTNESS,
	MCSNOOP_A_BRIDGE_QUERIER,
	MCSNOOP_A_BRIDGE_QUERIER_ADDR4,
	MCSNOOP_A_BRIDGE_QUERIER_ADDR6,
	MCSNOOP_A_BRIDGE_PROXY_QUERY,
	MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL,
	MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT,
	MCSNOOP_A_BRIDGE_IGMP_VERSION,
	MCSNOOP_A_BRIDGE_MLD_VERSION,
};

static bool mcs_nl_querier_changed(struct nlattr **a)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mcs_querier_attrs); i++)
		if (a[mcs_querier_attrs[i]])
			return true;
	return false;
}

int mcs_nl_querier_set(struct mcs_bridge *mb, struct nlattr **a)
{
	struct nlattr *a4 = a[MCSNOOP_A_BRIDGE_QUERIER_ADDR4];
	struct nlattr *a6 = a[MCSNOOP_A_BRIDGE_QUERIER_ADDR6];
	struct mcs_querier_addrs *old, *qa;
	struct mcs_config *c = &mb->cfg;

	ASSERT_RTNL();
	if (a4 || a6) {
		old = rtnl_dereference(mb->querier_addrs);
		qa = kzalloc(sizeof(*qa), GFP_KERNEL);
		if (!qa)
			return -ENOMEM;
		if (old)
			*qa = *old;
		if (a4)
			qa->addr4 = nla_get_in_addr(a4);
		if (a6)
			qa->addr6 = nla_get_in6_addr(a6);
		rcu_assign_pointer(mb->querier_addrs, qa);
		if (old)
			kfree_rcu(old, rcu);
	}
	mcs_nl_set_u8(a[MCSNOOP_A_BRIDGE_QUERIER], &c->querier);
	if (a[MCSNOOP_A_BRIDGE_PROXY_QUERY])
		WRITE_ONCE(c->proxy_query,
			   nla_get_u8(a[MCSNOOP_A_BRIDGE_PROXY_QUERY]));
	if (a[MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL])
		WRITE_ONCE(c->startup_query_interval,
			   nla_get_u32(a[MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL]));
	mcs_nl_set_u8(a[MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT],
		      &c->startup_query_count);
	mcs_nl_set_u8(a[MCSNOOP_A_BRIDGE_IGMP_VERSION], &c->igmp_version);
	mcs_nl_set_u8(a[MCSNOOP_A_BRIDGE_MLD_VERSION], &c->mld_version);
	mcs_querier_reconfigure(mb);
	if (mcs_nl_querier_changed(a))
		mcs_querier_restart(mb, -1);
	return 0;
}

void mcs_nl_querier_warn(struct mcs_bridge *mb, u16 vid,
			 const struct nlattr *a4,
			 struct netlink_ext_ack *extack)
{
	__be32 addr = a4 ? nla_get_in_addr(a4) : 0;

	if (!addr || mcs_querier_addr4_plausible(mb, vid, addr))
		return;
	if (vid)
		mcs_nl_msgf(extack,
			    "querier_address: %pI4 is on no IPv4 subnet of %s vid %u: hosts with rp_filter drop its queries",
			    &addr, mb->dev->name, vid);
	else
		mcs_nl_msgf(extack,
			    "querier_address: %pI4 is on no IPv4 subnet of %s: hosts with rp_filter drop its queries",
			    &addr, mb->dev->name);
}

int mcs_nl_querier_put(struct sk_buff *skb, struct mcs_bridge *mb)
{
	const struct mcs_querier_addrs *qa;
	const struct mcs_config *c = &mb->cfg;
	struct in6_addr addr6 = {};
	__be32 addr4 = 0;

	rcu_read_lock();
	qa = rcu_dereference(mb->querier_addrs);
	if (qa) {
		addr4 = qa->addr4;
		addr6 = qa->addr6;
	}
	rcu_read_unlock();
	if (nla_put_u8(skb, MCSNOOP_A_BRIDGE_QUERIER, READ_ONCE(c->querier)) ||
	    nla_put_in_addr(skb, MCSNOOP_A_BRIDGE_QUERIER_ADDR4, addr4) ||
	    nla_put_in6_addr(skb, MCSNOOP_A_BRIDGE_QUERIER_ADDR6, &addr6) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_PROXY_QUERY,
		       READ_ONCE(c->proxy_query)) ||
	    nla_put_u32(skb, MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL,
			READ_ONCE(c->startup_query_interval)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT,
		       READ_ONCE(c->startup_query_count)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_IGMP_VERSION,
		       READ_ONCE(c->igmp_version)) ||
	    nla_put_u8(skb, MCSNOOP_A_BRIDGE_MLD_VERSION,
		       READ_ONCE(c->mld_version)))
		return -EMSGSIZE;
	return 0;
}

/* The VLAN's querier settings of a request, by setting index. */
static u32 mcs_nl_vlan_qattrs(struct nlattr **a, const struct nlattr **t)
{
	u32 set = 0;
	unsigned int i;

	for (i = 0; i < MCS_VLAN_SETTINGS_N; i++) {
		t[i] = a[mcs_vlan_settings[i].attr];
		if (t[i])
			set |= mcs_vlan_settings[i].bit;
	}
	return set;
}

int mcs_nl_vlan_querier_check(struct mcs_bridge *mb, u16 vid,
			      struct nlattr **a, struct netlink_ext_ack *extack)
{
	const struct nlattr *t[MCS_VLAN_SETTINGS_N];
	struct nlattr *inh = a[MCSNOOP_A_VLAN_INHERIT];
	struct mcs_vlan_cfg cur;
	u32 set, inherit = 0;

	set = mcs_nl_vlan_qattrs(a, t);
	if (inh) {
		/* The policy (NLA_POLICY_MASK) refused unknown bits. */
		inherit = nla_get_u32(inh);
		if (inherit & set) {
			mcs_nl_err(extack, inh,
				   "inherit: a setting cannot be set and inherited at once");
			return -EINVAL;
		}
	}
	/* The intervals the VLAN will have where the request has none. */
	mcs_vlan_cfg(mb, vid, &cur);
	if (inherit & MCSNOOP_VLAN_SETTING_QUERY_INTERVAL)
		cur.query_interval = READ_ONCE(mb->cfg.query_interval);
	if (inherit & MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL)
		cur.query_response_interval =
			READ_ONCE(mb->cfg.query_response_interval);
	if (!mcs_nl_qsettings_valid(t, cur.query_interval,
				    cur.query_response_interval, extack))
		return -ERANGE;
	return 0;
}

int mcs_nl_vlan_querier_set(struct mcs_bridge *mb, u16 vid, struct nlattr **a)
{
	const struct nlattr *t[MCS_VLAN_SETTINGS_N];
	struct nlattr *inh = a[MCSNOOP_A_VLAN_INHERIT];
	const struct mcs_vlan_setting *s;
	struct mcs_vlan_cfg val = {};
	unsigned int i;
	u32 set;
	int err;

	ASSERT_RTNL();
	set = mcs_nl_vlan_qattrs(a, t);
	for (i = 0; i < MCS_VLAN_SETTINGS_N; i++) {
		s = &mcs_vlan_settings[i];
		if (t[i])
			nla_memcpy((u8 *)&val + s->offset, t[i], s->size);
	}
	err = mcs_vlan_update(mb, vid, &val, set, inh ? nla_get_u32(inh) : 0);
	if (!err && (set || inh)) {
		mcs_querier_reconfigure(mb);
		mcs_querier_restart(mb, vid);
	}
	return err;
}

int mcs_nl_vlan_querier_put(struct sk_buff *skb, struct mcs_bridge *mb,
			    u16 vid)
{
	const struct mcs_vlan_setting *s;
	struct mcs_vlan_cfg cfg;

	mcs_vlan_cfg(mb, vid, &cfg);
	for (s = mcs_vlan_settings; s < mcs_vlan_settings + MCS_VLAN_SETTINGS_N;
	     s++)
		if (nla_put(skb, s->attr, s->size, (u8 *)&cfg + s->offset))
			return -EMSGSIZE;
	if (nla_put_u32(skb, MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT_ACTIVE,
			mcs_vlan_membership_ms(&cfg)) ||
	    nla_put_u32(skb, MCSNOOP_A_VLAN_OWN, mcs_vlan_own(mb, vid)))
		return -EMSGSIZE;
	return 0;
}

static u32 mcs_ms_left(unsigned long until, unsigned long now)
{
	return time_after(until, now) ? jiffies_to_msecs(until - now) : 0;
}

static int mcs_nl_put_addr(struct sk_buff *skb, int attr,
			   const struct in6_addr *a)
{
	if (ipv6_addr_v4mapped(a))
		return nla_put_in_addr(skb, attr, a->s6_addr32[3]);
	return nla_put_in6_addr(skb, attr, a);
}

/* One querier, under the bridge's lock. */
static int mcs_nl_put_querier(struct sk_buff *skb, struct mcs_bridge *mb,
			      const struct mcs_querier *q)
{
	unsigned long now = jiffies;
	struct in6_addr src, own_addr;
	struct mcs_vlan_cfg cfg;
	struct net_device *port;
	u8 role, version;
	bool own;

	mcs_vlan_cfg(mb, q->vid, &cfg);
	role = mcs_querier_role(mb, q, now, &src);
	/* Only auto takes part in the election with an address. */
	own = cfg.querier == MCSNOOP_QUERIER_AUTO &&
	      mcs_querier_own_addr(mb, q->vid, q->proto, &own_addr);
	version = q->proto == MCS_IPV4 ? cfg.igmp_version : cfg.mld_version;
	if (q->older_version && time_before(now, q->older_expires))
		version = min(version, q->older_version);
	if (nla_put_u32(skb, MCSNOOP_A_QUERIER_BRIDGE_IFINDEX,
			mb->dev->ifindex) ||
	    nla_put_string(skb, MCSNOOP_A_QUERIER_BRIDGE_IFNAME, mb->dev->name) ||
	    nla_put_u16(skb, MCSNOOP_A_QUERIER_VID, q->vid) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_FAMILY,
		       q->proto == MCS_IPV4 ? AF_INET : AF_INET6) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_MODE, cfg.querier) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_ROLE, role) ||
	    (own && mcs_nl_put_addr(skb, MCSNOOP_A_QUERIER_OWN_ADDR,
				    &own_addr)) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_VERSION, version) ||
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
	    nla_put_u32(skb, MCSNOOP_A_QUERIER_INTERVAL, cfg.query_interval) ||
	    nla_put_u32(skb, MCSNOOP_A_QUERIER_RESPONSE_INTERVAL,
			cfg.query_response_interval) ||
	    nla_put_u8(skb, MCSNOOP_A_QUERIER_ROBUSTNESS, cfg.robustness) ||
	    nla_put_u32(skb, MCSNOOP_A_QUERIER_QUERY_TIMER,
			mcs_ms_left(q->next_query, now)))
		return -EMSGSIZE;
	return 0;
}

/* Fill from the idx-th querier of mb on; returns the next idx, or < 0. */
static int mcs_nl_fill_queriers(struct sk_buff *skb, struct mcs_bridge *mb,
				long idx, u32 portid, u32 seq, int flags)
{
	struct mcs_querier *q;
	long i = 0;
	void *hdr;

	spin_lock_bh(&mb->lock);
	list_for_each_entry(q, &mb->queriers, list) {
		if (i++ < idx)
			continue;
		hdr = genlmsg_put(skb, portid, seq, &mcs_genl_family, flags,
				  MCSNOOP_CMD_QUERIER_GET);
		if (!hdr)
			goto full;
		if (mcs_nl_put_querier(skb, mb, q)) {
			genlmsg_cancel(skb, hdr);
			goto full;
		}
		genlmsg_end(skb, hdr);
	}
	spin_unlock_bh(&mb->lock);
	return -1;
full:
	spin_unlock_bh(&mb->lock);
	return i - 1;
}

int mcsnoop_nl_querier_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mcs_net *mn = mcs_net(sock_net(skb->sk));
	long bridge_idx = 0, skip = cb->args[0];
	struct mcs_bridge *mb;
	int ifindex, bkt;
	long next;

	ifindex = mcs_nl_dump_ifindex(skb, cb, MCSNOOP_A_QUERIER_BRIDGE_IFINDEX,
				      MCSNOOP_A_QUERIER_BRIDGE_IFNAME,
				      &mcs_nl_names_bridge, true);
	if (ifindex < 0)
		return ifindex;
	rcu_read_lock();
	hash_for_each_rcu(mn->bridges, bkt, mb, hnode) {
		if (ifindex && mb->dev->ifindex != ifindex)
			continue;
		if (bridge_idx++ < skip)
			continue;
		next = mcs_nl_fill_queriers(skb, mb, cb->args[1],
					    NETLINK_CB(cb->skb).portid,
					    cb->nlh->nlmsg_seq, NLM_F_MULTI);
		if (next >= 0) {
			cb->args[1] = next;
			break;
		}
		cb->args[0] = bridge_idx;
		cb->args[1] = 0;
	}
	rcu_read_unlock();
	return skb->len;
}

/* The querier instance of vid and proto, under the bridge lock. */
static struct mcs_querier *mcs_nl_querier_find(struct mcs_bridge *mb, u16 vid,
					       u8 proto)
{
	struct mcs_querier *q;

	list_for_each_entry(q, &mb->queriers, list)
		if (q->vid == vid && q->proto == proto)
			return q;
	return NULL;
}

int mcsnoop_nl_querier_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *vid_attr = info->attrs[MCSNOOP_A_QUERIER_VID];
	struct nlattr *fam_attr = info->attrs[MCSNOOP_A_QUERIER_FAMILY];
	u16 vid = vid_attr ? nla_get_u16(vid_attr) : 0;
	struct mcs_querier *q = NULL;
	struct mcs_bridge *mb;
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
	q = mcs_nl_querier_find(mb, vid, proto);
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
