// SPDX-License-Identifier: GPL-2.0
/*
 * What a valid IGMP/MLD/MRD/PIM message teaches: counters by kind,
 * memberships (reports and leaves), router ports (queries from a real
 * address, MRD advertisements, PIM hellos; RFC 4541 2.1.1, RFC 4286).
 */
#include <linux/jhash.h>
#include <net/ipv6.h>

#include "events.h"
#include "host_router.h"
#include "hosts.h"
#include "learn.h"
#include "profile.h"
#include "querier.h"
#include "table.h"

static void mcs_count(struct mcs_bridge *mb, struct mcs_port *port,
		      enum mcs_counter c)
{
	mcs_stats_inc(mb->stats, c);
	if (port)
		mcs_stats_inc(port->stats, c);
}

void mcs_learn_error(struct mcs_bridge *mb, struct mcs_port *port,
		     enum mcs_parse_result res)
{
	BUILD_BUG_ON(MCS_CNT_ERR_BAD_RECORDS - MCS_CNT_ERR_TRUNCATED !=
		     MCS_PARSE_BAD_RECORDS - MCS_PARSE_TRUNCATED);
	if (res == MCS_PARSE_OK || res >= MCS_PARSE_RESULT_MAX)
		return;
	mcs_count(mb, port, MCS_CNT_PARSE_ERRORS);
	mcs_count(mb, port, MCS_CNT_ERR_TRUNCATED + res - MCS_PARSE_TRUNCATED);
}

static int mcs_msg_counter(const struct mcs_msg *msg)
{
	static const u8 igmp[][3] = {
		[MCS_MSG_QUERY] = { MCS_CNT_IGMP_V1_QUERY,
				    MCS_CNT_IGMP_V2_QUERY,
				    MCS_CNT_IGMP_V3_QUERY },
		[MCS_MSG_REPORT] = { MCS_CNT_IGMP_V1_REPORT,
				     MCS_CNT_IGMP_V2_REPORT, 0 },
		[MCS_MSG_LEAVE] = { 0, MCS_CNT_IGMP_V2_LEAVE, 0 },
		[MCS_MSG_REPORT_V3] = { 0, 0, MCS_CNT_IGMP_V3_REPORT },
	};
	static const u8 mld[][2] = {
		[MCS_MSG_QUERY] = { MCS_CNT_MLD_V1_QUERY, MCS_CNT_MLD_V2_QUERY },
		[MCS_MSG_REPORT] = { MCS_CNT_MLD_V1_REPORT, 0 },
		[MCS_MSG_LEAVE] = { MCS_CNT_MLD_V1_DONE, 0 },
		[MCS_MSG_REPORT_V3] = { 0, MCS_CNT_MLD_V2_REPORT },
	};

	switch (msg->kind) {
	case MCS_MSG_MRD_ADV:
		return MCS_CNT_MRD_ADVERTISEMENT;
	case MCS_MSG_MRD_SOL:
		return MCS_CNT_MRD_SOLICITATION;
	case MCS_MSG_MRD_TERM:
		return MCS_CNT_MRD_TERMINATION;
	case MCS_MSG_PIM_HELLO:
		return MCS_CNT_PIM_HELLO;
	case MCS_MSG_QUERY:
	case MCS_MSG_REPORT:
	case MCS_MSG_LEAVE:
	case MCS_MSG_REPORT_V3:
		if (!msg->ipv6 && msg->version >= 1 && msg->version <= 3)
			return igmp[msg->kind][msg->version - 1] ?: -1;
		if (msg->ipv6 && msg->version >= 1 && msg->version <= 2)
			return mld[msg->kind][msg->version - 1] ?: -1;
	}
	return -1;
}

static u32 mcs_router_src_hash(const struct mcs_msg *msg)
{
	return jhash(&msg->src.in6, sizeof(msg->src.in6), 0);
}

/*
 * An MRD advertisement promises the next within its interval; a router
 * port lasts for robustness of them (RFC 4286 gives the interval and the
 * router's robustness variable), plus half an interval of jitter.
 */
static u32 mcs_mrd_lifetime_ms(const struct mcs_msg *msg)
{
	u32 rv = msg->mrd_robustness ?: 2;

	if (!msg->mrd_adv_interval)
		return 0;
	return min_t(u32, rv, 255) * msg->mrd_adv_interval * 1000U +
	       msg->mrd_adv_interval * 500U;
}

/* The router that made the port a router port said it is leaving. */
static void mcs_learn_router_gone(struct mcs_port *port, enum mcs_proto proto,
				  u8 via)
{
	if (READ_ONCE(port->router_via[proto]) != via)
		return;
	WRITE_ONCE(port->router_via[proto], MCSNOOP_ROUTER_VIA_NONE);
	mcs_event_router_sync(port, proto, MCSNOOP_EVENT_REASON_TIMEOUT);
}

static void mcs_learn_router(struct mcs_bridge *mb, struct mcs_port *port,
			     const struct mcs_msg *msg)
{
	enum mcs_proto proto = msg->ipv6 ? MCS_IPV6 : MCS_IPV4;

	if (!port) {
		/* The host's own queries, MRD or PIM: it routes. */
		mcs_host_router_heard(mb, msg);
		return;
	}
	switch (msg->kind) {
	case MCS_MSG_QUERY:
		/* A 0.0.0.0 (proxy) query does not make a router port. */
		if (!ipv6_addr_any(&msg->src.in6) &&
		    !(ipv6_addr_v4mapped(&msg->src.in6) &&
		      !msg->src.in6.s6_addr32[3])) {
			WRITE_ONCE(port->router_src[proto],
				   mcs_router_src_hash(msg));
			mcs_port_router_heard(port, proto,
					      MCSNOOP_ROUTER_VIA_QUERY, 0);
		}
		break;
	case MCS_MSG_REPORT:
	case MCS_MSG_REPORT_V3:
		/*
		 * A querier that lost the election (to ours, say) falls
		 * silent but stays a router, and its host stack answers our
		 * queries for the groups it listens to (224.0.0.2, .13, .22;
		 * ff02::2, ...): while it does, its port stays a router port.
		 */
		if (READ_ONCE(port->router_via[proto]) ==
		    MCSNOOP_ROUTER_VIA_QUERY &&
		    mcs_port_router_learnt(port, proto) &&
		    READ_ONCE(port->router_src[proto]) ==
		    mcs_router_src_hash(msg))
			mcs_port_router_heard(port, proto,
					      MCSNOOP_ROUTER_VIA_QUERY, 0);
		break;
	case MCS_MSG_MRD_ADV:
		mcs_port_router_heard(port, proto, MCSNOOP_ROUTER_VIA_MRD,
				      mcs_mrd_lifetime_ms(msg));
		break;
	case MCS_MSG_PIM_HELLO:
		/* Holdtime 0: the neighbour says goodbye (RFC 7761 4.3.1). */
		if (!msg->pim_holdtime) {
			mcs_learn_router_gone(port, proto,
					      MCSNOOP_ROUTER_VIA_PIM);
			break;
		}
		mcs_port_router_heard(port, proto, MCSNOOP_ROUTER_VIA_PIM,
				      msg->pim_holdtime * 1000U);
		break;
	case MCS_MSG_MRD_TERM:
		mcs_learn_router_gone(port, proto, MCSNOOP_ROUTER_VIA_MRD);
		break;
	}
}

/* rec, as far as the filtering profiles of port and vid permit it. */
static void mcs_learn_permitted(struct mcs_bridge *mb, struct mcs_port *port,
				u16 vid, bool ipv6,
				const struct mcs_record *rec, const u8 *host,
				const u8 *src_mac)
{
	const struct mcs_record *use;
	struct mcs_record permitted;
	u8 *buf;

	if (!mcs_profiles_apply(mb, port)) {
		mcs_learn_record(mb, port, vid, ipv6, rec, host, src_mac);
		return;
	}
	use = mcs_profile_filter(mb, port, vid, ipv6, rec, &permitted, &buf);
	if (use)
		mcs_learn_record(mb, port, vid, ipv6, use, host, src_mac);
	kfree(buf);
}

static void mcs_learn_members(struct mcs_bridge *mb, struct mcs_port *port,
			      u16 vid, const struct mcs_msg *msg,
			      const u8 *src_mac)
{
	struct mcs_record_iter it;
	struct mcs_record rec;
	const u8 *host;

	spin_lock(&mb->lock);
	/* Fast leave or mcast_to_unicast: each host is a member of its own. */
	host = mcs_hosts_pick(port, src_mac);
	switch (msg->kind) {
	case MCS_MSG_REPORT:
	case MCS_MSG_LEAVE:
		/* v1/v2 report: IS_EX({}); leave/done: TO_IN({}). */
		memset(&rec, 0, sizeof(rec));
		rec.type = msg->kind == MCS_MSG_REPORT ? MCS_REC_IS_EX :
							 MCS_REC_TO_IN;
		rec.version = msg->version;
		rec.group = msg->group;
		mcs_learn_permitted(mb, port, vid, msg->ipv6, &rec, host,
				    src_mac);
		break;
	case MCS_MSG_REPORT_V3:
		mcs_record_iter_init(msg, &it);
		while (mcs_record_next(msg, &it, &rec))
			mcs_learn_permitted(mb, port, vid, msg->ipv6, &rec,
					    host, src_mac);
		break;
	}
	if (host)
		mcs_host_heard(port, host, &msg->src, msg->ipv6);
	spin_unlock(&mb->lock);
}

void mcs_learn(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
	       const struct mcs_msg *msg, const u8 *src_mac)
{
	int c = mcs_msg_counter(msg);

	if (c >= 0)
		mcs_count(mb, port, c);
	mcs_learn_router(mb, port, msg);
	if (port && msg->kind == MCS_MSG_QUERY)
		mcs_querier_heard(mb, port, vid, msg, src_mac);
	if (msg->kind == MCS_MSG_REPORT || msg->kind == MCS_MSG_LEAVE ||
	    msg->kind == MCS_MSG_REPORT_V3)
		mcs_learn_members(mb, port, vid, msg, src_mac);
}
