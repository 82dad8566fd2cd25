// SPDX-License-Identifier: GPL-2.0
/*
 * The settings of a querier context, the querier's and the timers, as
 * they come and go in the bridge's messages (BRIDGE_SET/GET) and in a
 * VLAN's (VLAN_SET/GET).
 */
#include <linux/rtnetlink.h>
#include <net/ipv6.h>

#include "context.h"
#include "netlink.h"
#include "querier.h"

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

/*
 * The settings' attributes of a request, by setting index (vlan: a VLAN's
 * attributes, else the bridge's); returns the bits of those given.
 */
static u32 mcs_nl_settings_attrs(struct nlattr **a, bool vlan,
				 const struct nlattr **t)
{
	const struct mcs_setting *s;
	unsigned int i;
	u32 given = 0;

	for (i = 0; i < MCS_SETTINGS_N; i++) {
		s = &mcs_setting_table[i];
		t[i] = a[vlan ? s->vlan_attr : s->bridge_attr];
		if (t[i])
			given |= s->bit;
	}
	return given;
}

/* The values of the settings given (t: by setting index). */
static void mcs_nl_settings_parse(const struct nlattr *const *t,
				  struct mcs_settings *val)
{
	const struct mcs_setting *s;
	unsigned int i;

	memset(val, 0, sizeof(*val));
	for (i = 0; i < MCS_SETTINGS_N; i++) {
		s = &mcs_setting_table[i];
		if (t[i])
			nla_memcpy((u8 *)val + s->offset, t[i], s->size);
	}
}

static int mcs_nl_settings_put(struct sk_buff *skb,
			       const struct mcs_settings *val, bool vlan)
{
	const struct mcs_setting *s;
	unsigned int i;

	for (i = 0; i < MCS_SETTINGS_N; i++) {
		s = &mcs_setting_table[i];
		if (nla_put(skb, vlan ? s->vlan_attr : s->bridge_attr, s->size,
			    (const u8 *)val + s->offset))
			return -EMSGSIZE;
	}
	return 0;
}

/* Whether a change of the settings of bits restarts the querier. */
static bool mcs_settings_restart(u32 bits)
{
	unsigned int i;

	for (i = 0; i < MCS_SETTINGS_N; i++)
		if ((bits & mcs_setting_table[i].bit) &&
		    mcs_setting_table[i].restarts_querier)
			return true;
	return false;
}

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
static bool mcs_nl_settings_valid(const struct nlattr *const *t, u32 cur_qi,
				  u32 cur_qri, struct netlink_ext_ack *extack)
{
	const struct nlattr *qi = t[MCS_SET_QUERY_INTERVAL];
	const struct nlattr *qri = t[MCS_SET_QUERY_RESPONSE_INTERVAL];
	const struct nlattr *mt = t[MCS_SET_MEMBERSHIP_TIMEOUT];
	const struct nlattr *sqi = t[MCS_SET_STARTUP_QUERY_INTERVAL];
	const char *mt_range =
		"membership_timeout: out of range (0 for auto, or 1000-86400000 ms)";
	const char *sqi_range =
		"startup_query_interval: out of range (0 for auto, or 100-3600000 ms)";
	u32 qi_ms, qri_ms;

	if (!mcs_nl_range(extack, t[MCS_SET_QUERIER], 0, 2,
			  "querier: out of range (0 off, 1 proxy, 2 auto)") ||
	    !mcs_nl_range(extack, t[MCS_SET_PROXY_QUERY], 0, 1,
			  "proxy_query: out of range (0-1)") ||
	    !mcs_nl_range(extack, qi, 1000, 3600000,
			  "query_interval: out of range (1000-3600000 ms)") ||
	    !mcs_nl_range(extack, qri, 100, 3600000,
			  "query_response_interval: out of range (100-3600000 ms)") ||
	    !mcs_nl_range(extack, t[MCS_SET_ROBUSTNESS], 1, 7,
			  "robustness: out of range (1-7)") ||
	    !mcs_nl_range(extack, t[MCS_SET_LAST_MEMBER_INTERVAL],
			  100, 25500,
			  "last_member_interval: out of range (100-25500 ms)") ||
	    !mcs_nl_range(extack, t[MCS_SET_LAST_MEMBER_COUNT], 1, 10,
			  "last_member_count: out of range (1-10)") ||
	    !mcs_nl_range(extack, mt, 0, 86400000, mt_range) ||
	    !mcs_nl_auto_min(extack, mt, 1000, mt_range) ||
	    !mcs_nl_range(extack, sqi, 0, 3600000, sqi_range) ||
	    !mcs_nl_auto_min(extack, sqi, 100, sqi_range) ||
	    !mcs_nl_range(extack, t[MCS_SET_STARTUP_QUERY_COUNT], 0, 10,
			  "startup_query_count: out of range (0 for auto, or 1-10)") ||
	    !mcs_nl_range(extack, t[MCS_SET_IGMP_VERSION], 2, 3,
			  "igmp_version: out of range (2-3)") ||
	    !mcs_nl_range(extack, t[MCS_SET_MLD_VERSION], 1, 2,
			  "mld_version: out of range (1-2)") ||
	    !mcs_nl_addrs_valid(t[MCS_SET_QUERIER_ADDR4],
				t[MCS_SET_QUERIER_ADDR6], extack))
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

bool mcs_nl_bridge_settings_valid(struct mcs_bridge *mb, struct nlattr **a,
				  struct netlink_ext_ack *extack)
{
	const struct mcs_settings *cur = mb ? mcs_settings_of(mb, 0) :
					      &mcs_settings_defaults;
	struct nlattr *qi = a[MCSNOOP_A_BRIDGE_QUERY_INTERVAL];
	struct nlattr *qri = a[MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL];
	const struct nlattr *t[MCS_SETTINGS_N];

	mcs_nl_settings_attrs(a, false, t);
	if (!mcs_nl_settings_valid(t, cur->query_interval,
				   cur->query_response_interval, extack))
		return false;
	/* The VLANs that inherit one of the two but not the other. */
	if (mb && (qi || qri) &&
	    !mcs_ctx_intervals_ok(mb, qi ? nla_get_u32(qi) :
				  cur->query_interval,
				  qri ? nla_get_u32(qri) :
				  cur->query_response_interval)) {
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

/*
 * The settings a carries, of the bridge (vid 0, every VLAN that inherits
 * them too) or of one VLAN. The queriers concerned restart with them where
 * one changes what or when they send.
 */
static int mcs_nl_settings_apply(struct mcs_bridge *mb, u16 vid,
				 struct nlattr **a, u32 inherit)
{
	const struct nlattr *t[MCS_SETTINGS_N];
	struct mcs_settings val;
	u32 given;
	int err;

	ASSERT_RTNL();
	given = mcs_nl_settings_attrs(a, vid != 0, t);
	mcs_nl_settings_parse(t, &val);
	err = mcs_ctx_update(mb, vid, &val, given, inherit);
	if (err)
		return err;
	if (vid && !given && !inherit)
		return 0;
	mcs_querier_reconfigure(mb, mcs_settings_restart(given | inherit),
				vid ? vid : -1);
	return 0;
}

int mcs_nl_bridge_settings_set(struct mcs_bridge *mb, struct nlattr **a)
{
	return mcs_nl_settings_apply(mb, 0, a, 0);
}

void mcs_nl_settings_warn_addr(struct mcs_bridge *mb, u16 vid,
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

int mcs_nl_bridge_settings_put(struct sk_buff *skb, struct mcs_bridge *mb)
{
	const struct mcs_settings *s;
	int err;

	rcu_read_lock();
	s = mcs_settings_of(mb, 0);
	err = mcs_nl_settings_put(skb, s, false);
	if (!err && nla_put_u32(skb, MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT_ACTIVE,
				mcs_settings_membership_ms(s)))
		err = -EMSGSIZE;
	rcu_read_unlock();
	return err;
}

int mcs_nl_vlan_settings_check(struct mcs_bridge *mb, u16 vid,
			       struct nlattr **a,
			       struct netlink_ext_ack *extack)
{
	const struct mcs_settings *cur = mcs_settings_of(mb, vid);
	const struct mcs_settings *br = mcs_settings_of(mb, 0);
	struct nlattr *inh = a[MCSNOOP_A_VLAN_INHERIT];
	const struct nlattr *t[MCS_SETTINGS_N];
	u32 given, inherit = 0, qi, qri;

	given = mcs_nl_settings_attrs(a, true, t);
	if (inh) {
		/* The policy (NLA_POLICY_MASK) refused unknown bits. */
		inherit = nla_get_u32(inh);
		if (inherit & given) {
			mcs_nl_err(extack, inh,
				   "inherit: a setting cannot be set and inherited at once");
			return -EINVAL;
		}
	}
	/* The intervals the VLAN will have where the request has none. */
	qi = inherit & MCSNOOP_VLAN_SETTING_QUERY_INTERVAL ?
	     br->query_interval : cur->query_interval;
	qri = inherit & MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL ?
	      br->query_response_interval : cur->query_response_interval;
	if (!mcs_nl_settings_valid(t, qi, qri, extack))
		return -ERANGE;
	return 0;
}

int mcs_nl_vlan_settings_set(struct mcs_bridge *mb, u16 vid,
			     struct nlattr **a)
{
	struct nlattr *inh = a[MCSNOOP_A_VLAN_INHERIT];

	return mcs_nl_settings_apply(mb, vid, a, inh ? nla_get_u32(inh) : 0);
}

int mcs_nl_vlan_settings_put(struct sk_buff *skb, struct mcs_bridge *mb,
			     u16 vid)
{
	const struct mcs_ctx *ctx = mcs_ctx_find(mb, vid);
	const struct mcs_settings *s = mcs_settings_of(mb, vid);

	if (mcs_nl_settings_put(skb, s, true) ||
	    nla_put_u32(skb, MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT_ACTIVE,
			mcs_settings_membership_ms(s)) ||
	    nla_put_u32(skb, MCSNOOP_A_VLAN_OWN, ctx ? s->own : 0))
		return -EMSGSIZE;
	return 0;
}
