// SPDX-License-Identifier: GPL-2.0
/*
 * The membership table: groups per bridge and VLAN, and per port the
 * source filter of RFC 3376 6.4 / RFC 3810 7.4. Changes happen under the
 * bridge's lock (learning in softirq, netlink, the collector); the packet
 * path reads under RCU and evaluates timers lazily, so a membership stops
 * forwarding the moment it expires even before the collector removes it.
 */
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <net/if_inet6.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "context.h"
#include "events.h"
#include "forward.h"
#include "hosts.h"
#include "mac_alias.h"
#include "objects.h"
#include "profile.h"
#include "port_vlan.h"
#include "table.h"
#include "querier.h"

#define MCS_GC_PERIOD HZ

/*
 * Groups are found by (MAC, VID), and then by address in the short list
 * of those sharing the MAC: MAC aliasing needs no second index.
 */
static const struct rhashtable_params mcs_group_params = {
	.key_len = sizeof(struct mcs_mac_key),
	.key_offset = offsetof(struct mcs_group, mac_key),
	.head_offset = offsetof(struct mcs_group, rnode),
	.automatic_shrinking = true,
};

bool mcs_addr_is_v4(const struct in6_addr *a)
{
	return ipv6_addr_v4mapped(a);
}

bool mcs_addr_is_multicast(const struct in6_addr *a)
{
	return mcs_addr_is_v4(a) ? ipv4_is_multicast(a->s6_addr32[3]) :
				   ipv6_addr_is_multicast(a);
}

static void mcs_key_init(struct mcs_group_key *key,
			 const struct in6_addr *addr, u16 vid)
{
	memset(key, 0, sizeof(*key));
	key->addr = *addr;
	key->vid = vid;
}

static void mcs_mac_key_init(struct mcs_mac_key *mk,
			     const struct in6_addr *addr, u16 vid)
{
	if (mcs_addr_is_v4(addr))
		ip_eth_mc_map(addr->s6_addr32[3], mk->mac);
	else
		ipv6_eth_mc_map(addr, mk->mac);
	mk->vid = vid;
}

struct rhlist_head *mcs_groups_of_mac(struct mcs_bridge *mb,
				      const struct mcs_mac_key *mk)
{
	return rhltable_lookup(&mb->groups, mk, mcs_group_params);
}

struct mcs_group *mcs_group_lookup(struct mcs_bridge *mb,
				   const struct in6_addr *addr, u16 vid)
{
	struct rhlist_head *list, *pos;
	struct mcs_mac_key mk;
	struct mcs_group *grp;

	mcs_mac_key_init(&mk, addr, vid);
	list = mcs_groups_of_mac(mb, &mk);
	rhl_for_each_entry_rcu(grp, pos, list, rnode)
		if (ipv6_addr_equal(&grp->key.addr, addr))
			return grp;
	return NULL;
}

struct mcs_member *mcs_member_of(const struct mcs_group *grp,
				 const struct mcs_port *port)
{
	struct mcs_member *m;

	hlist_for_each_entry_rcu(m, &grp->members, node)
		if (m->port == port)
			return m;
	return NULL;
}

struct mcs_member *mcs_member_of_host(const struct mcs_group *grp,
				      const struct mcs_port *port,
				      const u8 *host)
{
	struct mcs_member *m;

	hlist_for_each_entry_rcu(m, &grp->members, node)
		if (m->port == port &&
		    (host ? ether_addr_equal(m->host, host) :
			    is_zero_ether_addr(m->host)))
			return m;
	return NULL;
}

bool mcs_port_accepts(const struct mcs_group *grp, const struct mcs_port *port,
		      const struct in6_addr *src, unsigned long now)
{
	const struct mcs_member *m;

	hlist_for_each_entry_rcu(m, &grp->members, node)
		if (m->port == port && mcs_member_accepts(m, src, now))
			return true;
	return false;
}

/* Groups in a cache of their own: kmalloc would round 104 bytes to 128. */
static struct kmem_cache *mcs_group_cache;

int __init mcs_table_cache_init(void)
{
	mcs_group_cache = KMEM_CACHE(mcs_group, 0);
	return mcs_group_cache ? 0 : -ENOMEM;
}

/* After rcu_barrier(): no group is left to free. */
void mcs_table_cache_uninit(void)
{
	kmem_cache_destroy(mcs_group_cache);
}

static void mcs_group_free_rcu(struct rcu_head *head)
{
	struct mcs_group *grp = container_of(head, struct mcs_group, rcu);

	mcs_traffic_free(&grp->traffic);
	kmem_cache_free(mcs_group_cache, grp);
}

/* Everything below runs with mb->lock held. */

void mcs_group_free(struct mcs_bridge *mb, struct mcs_group *grp)
{
	lockdep_assert_held(&mb->lock);
	rhltable_remove(&mb->groups, &grp->rnode, mcs_group_params);
	grp->gone = true;
	list_del_rcu(&grp->list);
	WRITE_ONCE(mb->group_count, mb->group_count - 1);
	WRITE_ONCE(mb->vlan_groups[grp->key.vid].count,
		   mb->vlan_groups[grp->key.vid].count - 1);
	WRITE_ONCE(mb->table_gen, mb->table_gen + 1);
	mcs_traffic_keep(mb, grp, jiffies);
	mcs_traffic_close(mb, &grp->traffic);
	call_rcu(&grp->rcu, mcs_group_free_rcu);
	mcs_object_gone(MCS_OBJ_GROUP);
}

void mcs_sources_counted(struct mcs_bridge *mb, const struct mcs_member *m,
			 unsigned int before)
{
	lockdep_assert_held(&mb->lock);
	WRITE_ONCE(mb->source_count, mb->source_count + m->nsrc - before);
}

u64 mcs_table_bytes(struct mcs_bridge *mb)
{
	const struct bucket_table *tbl;
	const struct mcs_port *port;
	u64 bytes, hosts = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(port, &mb->port_list, list)
		hosts += READ_ONCE(port->host_count);
	bytes = (u64)READ_ONCE(mb->group_count) *
		kmem_cache_size(mcs_group_cache) +
		(u64)READ_ONCE(mb->member_count) *
		kmalloc_size_roundup(sizeof(struct mcs_member)) +
		(u64)READ_ONCE(mb->source_count) *
		kmalloc_size_roundup(sizeof(struct mcs_source)) +
		hosts * kmalloc_size_roundup(sizeof(struct mcs_host)) +
		mcs_traffic_bytes(mb) +
		mcs_traffic_past_bytes(&mb->traffic_past);
	/* And the next one while it grows or shrinks. */
	for (tbl = rcu_dereference(mb->groups.ht.tbl); tbl;
	     tbl = rcu_dereference(tbl->future_tbl))
		bytes += struct_size(tbl, buckets, tbl->size);
	rcu_read_unlock();
	return bytes;
}

/* The port is in a group more, or one less: its counts. */
static void mcs_port_group_added(struct mcs_port *port, u16 vid)
{
	struct mcs_port_vlan *pv = mcs_port_vlan(port, vid);

	WRITE_ONCE(port->group_count, port->group_count + 1);
	if (pv)
		WRITE_ONCE(pv->group_count, pv->group_count + 1);
}

static void mcs_port_group_gone(struct mcs_port *port, u16 vid)
{
	struct mcs_port_vlan *pv = mcs_port_vlan(port, vid);

	WRITE_ONCE(port->group_count, port->group_count - 1);
	if (pv)
		WRITE_ONCE(pv->group_count, pv->group_count - 1);
}

unsigned int mcs_table_port_groups(struct mcs_bridge *mb,
				   struct mcs_port *port, u16 vid)
{
	struct mcs_group *grp;
	unsigned int n = 0;

	lockdep_assert_held(&mb->lock);
	list_for_each_entry(grp, &mb->group_list, list)
		if (grp->key.vid == vid && mcs_member_of(grp, port))
			n++;
	return n;
}

bool mcs_member_free(struct mcs_bridge *mb, struct mcs_group *grp,
		     struct mcs_member *m)
{
	struct mcs_port *port = m->port;
	unsigned int nsrc = m->nsrc;

	lockdep_assert_held(&mb->lock);
	mcs_sources_free(m, false);
	mcs_sources_counted(mb, m, nsrc);
	hlist_del_rcu(&m->node);
	WRITE_ONCE(mb->member_count, mb->member_count - 1);
	if (port && !mcs_member_of(grp, port))
		mcs_port_group_gone(port, grp->key.vid);
	if (port)
		port->member_count--;
	if (port && !is_zero_ether_addr(m->host))
		mcs_host_unref(port, m->host);
	kfree_rcu(m, rcu);
	mcs_object_gone(MCS_OBJ_MEMBER);
	if (!hlist_empty(&grp->members) || grp->overflow)
		return false;
	mcs_group_free(mb, grp);
	return true;
}

/* Whether m is its port's only membership of grp (the others: hosts). */
static bool mcs_member_alone(const struct mcs_group *grp,
			     const struct mcs_member *m)
{
	const struct mcs_member *o;

	hlist_for_each_entry_rcu(o, &grp->members, node)
		if (o != m && o->port == m->port)
			return false;
	return true;
}

bool mcs_member_remove(struct mcs_bridge *mb, struct mcs_group *grp,
		       struct mcs_member *m, u8 reason)
{
	/* A port's membership ends with that of the last of its hosts. */
	if (reason != MCSNOOP_EVENT_REASON_NONE && mcs_member_alone(grp, m)) {
		mcs_removal_record(mb, m->port, grp, reason);
		mcs_event_member(mb, m->port, grp->key.vid, &grp->key.addr,
				 MCSNOOP_EVENT_MEMBER_DEL, reason);
	}
	return mcs_member_free(mb, grp, m);
}

/*
 * The group that has addr's MAC on the VLAN, if any (RCU), or -EMLINK
 * when MCS_MAC_GROUPS_MAX already have it.
 */
static const struct mcs_group *mcs_mac_sharer(struct mcs_bridge *mb,
					      const struct mcs_mac_key *mk)
{
	const struct mcs_group *grp, *first = NULL;
	struct rhlist_head *list, *pos;
	unsigned int n = 0;

	list = mcs_groups_of_mac(mb, mk);
	rhl_for_each_entry_rcu(grp, pos, list, rnode) {
		first = first ?: grp;
		if (++n >= MCS_MAC_GROUPS_MAX)
			return ERR_PTR(-EMLINK);
	}
	return first;
}

/*
 * -ENOSPC: the bridge's max-groups is reached, -EDQUOT: that of the VLAN,
 * -EMLINK: too many groups share its MAC; the caller floods the group.
 */
static struct mcs_group *mcs_group_new(struct mcs_bridge *mb,
				       const struct in6_addr *addr, u16 vid,
				       bool ipv6, gfp_t gfp)
{
	const struct mcs_group *sharer;
	struct mcs_vlan_groups *vg;
	struct mcs_mac_key mk;
	struct mcs_group *grp;

	lockdep_assert_held(&mb->lock);
	if (mb->group_count >= READ_ONCE(mb->cfg.max_groups))
		return ERR_PTR(-ENOSPC);
	if (WARN_ON_ONCE(vid >= MCS_VLAN_N))
		return ERR_PTR(-EINVAL);
	vg = &mb->vlan_groups[vid];
	if (READ_ONCE(vg->max) && vg->count >= READ_ONCE(vg->max))
		return ERR_PTR(-EDQUOT);
	mcs_mac_key_init(&mk, addr, vid);
	rcu_read_lock();
	sharer = mcs_mac_sharer(mb, &mk);
	rcu_read_unlock();
	if (IS_ERR(sharer))
		return ERR_CAST(sharer);
	grp = kmem_cache_zalloc(mcs_group_cache, gfp);
	if (!grp)
		return ERR_PTR(-ENOMEM);
	mcs_key_init(&grp->key, addr, vid);
	grp->mac_key = mk;
	grp->ipv6 = ipv6;
	INIT_HLIST_HEAD(&grp->members);
	if (rhltable_insert(&mb->groups, &grp->rnode, mcs_group_params)) {
		kmem_cache_free(mcs_group_cache, grp);
		return ERR_PTR(-ENOMEM);
	}
	mcs_object_new(MCS_OBJ_GROUP);
	mcs_traffic_restore(mb, grp);
	/* Under the lock, so sharer cannot have gone. */
	mcs_mac_alias_added(mb, grp, sharer);
	list_add_tail_rcu(&grp->list, &mb->group_list);
	WRITE_ONCE(mb->group_count, mb->group_count + 1);
	WRITE_ONCE(vg->count, vg->count + 1);
	WRITE_ONCE(mb->table_gen, mb->table_gen + 1);
	return grp;
}

/*
 * -ENOSPC: the port's max-groups is reached, -EXFULL: its max-groups on
 * the group's VLAN; a group counts once however many of the port's hosts
 * are in it.
 */
static struct mcs_member *mcs_member_new(struct mcs_bridge *mb,
					 struct mcs_group *grp,
					 struct mcs_port *port, const u8 *host,
					 gfp_t gfp)
{
	bool first = port && !mcs_member_of(grp, port);
	struct mcs_member *m;

	if (first && port->group_count >= READ_ONCE(port->max_groups))
		return ERR_PTR(-ENOSPC);
	if (first && mcs_port_vlan_full(mcs_port_vlan(port, grp->key.vid)))
		return ERR_PTR(-EXFULL);
	m = kzalloc(sizeof(*m), gfp);
	if (!m)
		return ERR_PTR(-ENOMEM);
	if (host && mcs_host_ref(port, host)) {
		kfree(m);
		return ERR_PTR(-ENOMEM);
	}
	mcs_object_new(MCS_OBJ_MEMBER);
	m->port = port;
	if (host)
		ether_addr_copy(m->host, host);
	m->mode = MCSNOOP_FILTER_INCLUDE;
	INIT_HLIST_HEAD(&m->sources);
	if (first)
		mcs_port_group_added(port, grp->key.vid);
	if (port)
		port->member_count++;
	WRITE_ONCE(mb->member_count, mb->member_count + 1);
	hlist_add_head_rcu(&m->node, &grp->members);
	return m;
}

/* A record that can only take away: BLOCK, or TO_IN / IS_IN of nothing. */
static bool mcs_record_removes(const struct mcs_record *rec)
{
	return rec->type == MCS_REC_BLOCK ||
	       (rec->type != MCS_REC_IS_EX && rec->type != MCS_REC_TO_EX &&
		!rec->nsrc);
}

static bool mcs_is_ssm(const struct in6_addr *g)
{
	if (mcs_addr_is_v4(g))
		return (ntohl(g->s6_addr32[3]) >> 24) == 232;
	return g->s6_addr[0] == 0xff && (g->s6_addr[1] & 0xf0) == 0x30 &&
	       !g->s6_addr[2] && !g->s6_addr[3];
}

/* The learnt memberships of port in grp go: the port's and its hosts'. */
static void mcs_port_learnt_remove(struct mcs_bridge *mb,
				   struct mcs_group *grp,
				   struct mcs_port *port, u8 reason)
{
	struct mcs_member *m;
	struct hlist_node *tmp;

	hlist_for_each_entry_safe(m, tmp, &grp->members, node)
		if (m->port == port && !m->is_static &&
		    mcs_member_remove(mb, grp, m, reason))
			return;
}

/* A membership the table has no room for: floods, or (deny) refused. */
static void mcs_table_full(struct mcs_bridge *mb, struct mcs_port *port,
			   const struct in6_addr *grp, u16 vid, u8 reason,
			   bool floods)
{
	mcs_event_member(mb, port, vid, grp, MCSNOOP_EVENT_TABLE_FULL, reason);
	mcs_stats_inc(mb->stats, MCS_CNT_TABLE_FULL);
	if (port)
		mcs_stats_inc(port->stats, MCS_CNT_TABLE_FULL);
	net_warn_ratelimited("%s: %s%s%s, group %pI6c vid %u %s\n",
			     mb->dev->name,
			     reason == MCSNOOP_EVENT_REASON_MAC_ALIAS_LIMIT ?
			     "64 groups share its MAC" :
			     reason == MCSNOOP_EVENT_REASON_PORT_VLAN_LIMIT ?
			     "max-groups of the VLAN reached" : "max-groups reached",
			     port ? " on port " : "",
			     port ? port->dev->name : "", grp, vid,
			     floods ? "floods" : "refused (limit-action deny)");
}

/*
 * limit-action replace: the learnt membership of port, in a group other
 * than grp (on grp's VLAN when that VLAN's limit is what is reached:
 * same_vlan), that expires first goes. A walk of the table, so at most
 * MCS_REPLACE_PER_SEC a second and port; false: none went.
 */
static bool mcs_port_replace(struct mcs_bridge *mb, struct mcs_port *port,
			     const struct mcs_group *grp, bool same_vlan,
			     unsigned long now)
{
	struct mcs_group *g, *victim = NULL;
	unsigned long first = 0, e;
	struct mcs_member *m;

	if (time_after_eq(now, port->replace_window + HZ)) {
		port->replace_window = now;
		port->replaced = 0;
	}
	if (port->replaced >= MCS_REPLACE_PER_SEC)
		return false;
	list_for_each_entry(g, &mb->group_list, list) {
		if (g == grp || (same_vlan && g->key.vid != grp->key.vid))
			continue;
		hlist_for_each_entry(m, &g->members, node) {
			if (m->port != port || m->is_static)
				continue;
			e = mcs_member_expires(m, now);
			if (!victim || time_before(e, first)) {
				victim = g;
				first = e;
			}
		}
	}
	if (!victim)
		return false;
	port->replaced++;
	mcs_port_learnt_remove(mb, victim, port, MCSNOOP_EVENT_REASON_LIMIT);
	return true;
}

/* Flood a group the table has no room for rather than lose it. */
static void mcs_group_refused(struct mcs_bridge *mb, struct mcs_port *port,
			      const struct in6_addr *addr, u16 vid, int err)
{
	enum mcsnoop_event_reason why;

	if (err == -ENOSPC)
		why = MCSNOOP_EVENT_REASON_BRIDGE_LIMIT;
	else if (err == -EDQUOT)
		why = MCSNOOP_EVENT_REASON_VLAN_LIMIT;
	else if (err == -EMLINK)
		why = MCSNOOP_EVENT_REASON_MAC_ALIAS_LIMIT;
	else
		return;
	mcs_overflow_mark(mb, addr, vid);
	mcs_table_full(mb, port, addr, vid, why, true);
}

/*
 * No membership of port in grp for want of memory, or (-ENOSPC, -EXFULL)
 * of room in its max-groups or in that on grp's VLAN: deny refuses it,
 * flood (and replace that found nothing to replace) floods the group
 * rather than lose a member.
 */
static void mcs_port_full(struct mcs_bridge *mb, struct mcs_port *port,
			  struct mcs_group *grp, int err, unsigned long until)
{
	bool deny = READ_ONCE(port->limit_action) == MCSNOOP_LIMIT_ACTION_DENY;
	struct mcs_port_vlan *pv;

	if (err == -EXFULL) {
		pv = mcs_port_vlan(port, grp->key.vid);
		if (pv)
			WRITE_ONCE(pv->table_full, pv->table_full + 1);
	}
	if (err == -ENOSPC || err == -EXFULL) {
		mcs_table_full(mb, port, &grp->key.addr, grp->key.vid,
			       err == -ENOSPC ? MCSNOOP_EVENT_REASON_PORT_LIMIT :
			       MCSNOOP_EVENT_REASON_PORT_VLAN_LIMIT, !deny);
		if (!deny) {
			grp->overflow = true;
			grp->overflow_expires = until;
			mcs_soonest(until, &mb->expiry_floor);
			return;
		}
	}
	if (hlist_empty(&grp->members) && !grp->overflow)
		mcs_group_free(mb, grp);
}

/*
 * A membership learnt for the port as a whole becomes its reporter's:
 * the new one, or NULL when it stays (no room, no memory).
 */
static struct mcs_member *mcs_member_give_to_reporter(struct mcs_member *m)
{
	struct mcs_member *n;

	if (!mcs_hosts_pick(m->port, m->reporter))
		return NULL;
	n = kzalloc(sizeof(*n), GFP_ATOMIC);
	if (!n)
		return NULL;
	if (mcs_host_ref(m->port, m->reporter)) {
		kfree(n);
		return NULL;
	}
	mcs_object_new(MCS_OBJ_MEMBER);
	n->port = m->port;
	ether_addr_copy(n->host, m->reporter);
	n->mode = m->mode;
	n->leave_lowered = m->leave_lowered;
	n->group_expires = m->group_expires;
	memcpy(n->older_host_expires, m->older_host_expires,
	       sizeof(n->older_host_expires));
	n->nsrc = m->nsrc;
	n->sources.first = m->sources.first;
	if (n->sources.first)
		n->sources.first->pprev = &n->sources.first;
	hlist_replace_rcu(&m->node, &n->node);
	kfree_rcu(m, rcu);
	mcs_object_gone(MCS_OBJ_MEMBER);
	return n;
}

bool mcs_record_learnable(const struct mcs_record *rec, bool ipv6)
{
	const struct in6_addr *addr = &rec->group.in6;

	if (rec->type < MCS_REC_IS_IN || rec->type > MCS_REC_BLOCK)
		return false;
	/*
	 * Flooded whatever the settings (224.0.0.x, ND): not worth an
	 * entry. MAC-ambiguous groups are learnt, in case flooding them is
	 * switched off.
	 */
	if (mcs_group_link_local(addr))
		return false;
	/*
	 * SSM: (S,G) only (RFC 9776 6.4, RFC 9777 7.4): no EXCLUDE records,
	 * and no IGMPv1/v2 or MLDv1 reports or leaves.
	 */
	return !(mcs_is_ssm(addr) &&
		 (rec->type == MCS_REC_IS_EX || rec->type == MCS_REC_TO_EX ||
		  (rec->version && rec->version < (ipv6 ? 2 : 3))));
}

void mcs_learn_record(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		      bool ipv6, const struct mcs_record *rec, const u8 *host,
		      const u8 *reporter)
{
	enum mcs_proto proto = ipv6 ? MCS_IPV6 : MCS_IPV4;
	struct mcs_filter_times t;
	const struct in6_addr *addr = &rec->group.in6;
	struct mcs_filter_result res;
	struct mcs_group *grp;
	struct mcs_member *m;
	bool created = false, port_new = false;
	unsigned int nsrc;
	int err;

	lockdep_assert_held(&mb->lock);
	/* Its memberships are being flushed (mcs_port_del()). */
	if (port && port->closing)
		return;
	if (!mcs_record_learnable(rec, ipv6))
		return;
	mcs_ctx_learn_times(mb, vid, proto, port && READ_ONCE(port->fast_leave),
			    jiffies, &t);
	/*
	 * Where a profile denies the group from any source, sources beyond
	 * those a member can list are dropped rather than make it EXCLUDE {}.
	 */
	t.keep_include = mcs_profiles_apply(mb, port) &&
			 mcs_profile_denier(mb, port, vid, addr, NULL);
	grp = mcs_group_lookup(mb, addr, vid);
	m = grp ? mcs_member_of_host(grp, port, host) : NULL;
	/*
	 * What the host reported before it was tracked is its own now:
	 * else its leave would end a new membership of its own only, and
	 * the port's as a whole would go on forwarding until it expires.
	 */
	if (!m && host && grp) {
		m = mcs_member_of_host(grp, port, NULL);
		m = m && !m->is_static && ether_addr_equal(m->reporter, host) ?
		    mcs_member_give_to_reporter(m) : NULL;
	}
	/*
	 * A host without a membership of its own: its leave (or block)
	 * applies to the port's as a whole, which it may have reported
	 * before it was tracked; past the port's max-groups memberships
	 * its report joins that one too (nothing is lost, only its own
	 * fast leave), so that hosts cannot multiply the table.
	 */
	if (!m && host && (mcs_record_removes(rec) ||
			   port->member_count >= READ_ONCE(port->max_groups))) {
		host = NULL;
		m = grp ? mcs_member_of_host(grp, port, NULL) : NULL;
	}
	if (!m) {
		/* Nothing to leave or block from INCLUDE {}. */
		if (mcs_record_removes(rec))
			return;
		if (!grp) {
			grp = mcs_group_new(mb, addr, vid, ipv6, GFP_ATOMIC);
			if (IS_ERR(grp)) {
				mcs_group_refused(mb, port, addr, vid,
						  PTR_ERR(grp));
				return;
			}
		}
		port_new = !mcs_member_of(grp, port);
		m = mcs_member_new(mb, grp, port, host, GFP_ATOMIC);
		err = PTR_ERR_OR_ZERO(m);
		if ((err == -ENOSPC || err == -EXFULL) &&
		    READ_ONCE(port->limit_action) ==
		    MCSNOOP_LIMIT_ACTION_REPLACE &&
		    mcs_port_replace(mb, port, grp,
				     mcs_port_vlan_full(mcs_port_vlan(port, vid)),
				     jiffies))
			m = mcs_member_new(mb, grp, port, host, GFP_ATOMIC);
		if (!IS_ERR(m) && !host && reporter)
			ether_addr_copy(m->reporter, reporter);
		if (IS_ERR(m)) {
			mcs_port_full(mb, port, grp, PTR_ERR(m), t.gmi_end);
			return;
		}
		created = true;
	}
	if (m->is_static)
		return;
	nsrc = m->nsrc;
	mcs_filter_apply(m, ipv6, rec, &t, &res);
	mcs_sources_counted(mb, m, nsrc);
	mcs_member_soonest(m, &mb->expiry_floor);
	if (res.ignored)
		return;
	if (!res.wants) {
		/* Gone at once: the leave needed no last member query. */
		mcs_member_remove(mb, grp, m,
				  created ? MCSNOOP_EVENT_REASON_NONE :
				  port && READ_ONCE(port->fast_leave) ?
				  MCSNOOP_EVENT_REASON_FAST_LEAVE :
				  MCSNOOP_EVENT_REASON_LEAVE);
	} else if (created && port_new) {
		mcs_event_member(mb, port, vid, addr, MCSNOOP_EVENT_MEMBER_ADD,
				 MCSNOOP_EVENT_REASON_REPORT);
	}
	/* Other hosts behind the port may still want it: ask them. */
	if (port && (res.query_group || res.query_nsrc))
		mcs_querier_leave(mb, port, vid, ipv6, addr,
				  res.query_group ? NULL : res.query_src,
				  res.query_group ? 0 : res.query_nsrc);
}

int mcs_static_add(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *addr, const struct in6_addr *src,
		   bool ipv6)
{
	struct mcs_group *grp;
	struct mcs_member *m;
	struct mcs_source *s;
	bool created = false, port_new = false;
	unsigned int nsrc;
	int err = 0;

	/* RTNL: the profiles cannot change meanwhile. */
	if (mcs_profile_denier(mb, port, vid, addr, src))
		return -EACCES;
	spin_lock_bh(&mb->lock);
	/* The lookups are the packet path's, which runs under RCU. */
	rcu_read_lock();
	grp = mcs_group_lookup(mb, addr, vid);
	if (!grp) {
		grp = mcs_group_new(mb, addr, vid, ipv6, GFP_ATOMIC);
		if (IS_ERR(grp)) {
			err = PTR_ERR(grp);
			goto out;
		}
	}
	m = mcs_member_of_host(grp, port, NULL);
	if (!m) {
		port_new = !mcs_member_of(grp, port);
		m = mcs_member_new(mb, grp, port, NULL, GFP_ATOMIC);
		if (IS_ERR(m)) {
			err = PTR_ERR(m);
			if (hlist_empty(&grp->members) && !grp->overflow)
				mcs_group_free(mb, grp);
			goto out;
		}
		created = true;
	}
	if (!m->is_static) {
		/* Static replaces what was learnt. */
		nsrc = m->nsrc;
		mcs_sources_free(m, false);
		mcs_sources_counted(mb, m, nsrc);
		WRITE_ONCE(m->mode, MCSNOOP_FILTER_INCLUDE);
		WRITE_ONCE(m->is_static, true);
	}
	if (!src) {
		WRITE_ONCE(m->static_any, true);
		goto out;
	}
	s = mcs_source_find(m, src);
	if (s)
		goto out;
	nsrc = m->nsrc;
	s = mcs_source_new(m, src, 0, false);
	mcs_sources_counted(mb, m, nsrc);
	if (!s) {
		err = m->nsrc >= MCS_MAX_SOURCES ? -ENOSPC : -ENOMEM;
		if (!m->static_any && !m->nsrc)
			mcs_member_free(mb, grp, m);
		goto out;
	}
	s->is_static = true;
out:
	if (!err && created && port_new)
		mcs_event_member(mb, port, vid, addr, MCSNOOP_EVENT_MEMBER_ADD,
				 MCSNOOP_EVENT_REASON_STATIC);
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
	return err;
}

int mcs_static_del(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *addr, const struct in6_addr *src)
{
	struct mcs_group *grp;
	struct mcs_member *m;
	struct mcs_source *s;
	int err = -ENOENT;

	spin_lock_bh(&mb->lock);
	rcu_read_lock();
	grp = mcs_group_lookup(mb, addr, vid);
	m = grp ? mcs_member_of_host(grp, port, NULL) : NULL;
	if (!m || !m->is_static) {
		/* Removing what was learnt (its hosts' too) is allowed too. */
		if (src || !grp || !mcs_member_of(grp, port))
			goto out;
		mcs_port_learnt_remove(mb, grp, port,
				       MCSNOOP_EVENT_REASON_STATIC);
		err = 0;
		goto out;
	}
	if (src) {
		s = mcs_source_find(m, src);
		if (!s)
			goto out;
		mcs_source_free(m, s);
		mcs_sources_counted(mb, m, m->nsrc + 1);
	} else {
		if (!m->static_any)
			goto out;
		WRITE_ONCE(m->static_any, false);
	}
	err = 0;
	if (!m->static_any && !m->nsrc)
		mcs_member_remove(mb, grp, m, MCSNOOP_EVENT_REASON_STATIC);
out:
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
	return err;
}

struct mcs_flush {
	struct mcs_table_walk walk;
	struct mcs_port *port;
	int vid;
	bool dynamic_only;
	u8 reason;
};

static bool mcs_flush_step(struct mcs_table_walk *walk, struct mcs_group *grp)
{
	struct mcs_flush *fl = container_of(walk, struct mcs_flush, walk);
	struct mcs_member *m;
	struct hlist_node *tmp;

	if (fl->vid >= 0 && grp->key.vid != fl->vid)
		return true;
	if (!fl->port && !fl->dynamic_only)
		grp->overflow = false;
	hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
		if ((fl->port && m->port != fl->port) ||
		    (fl->dynamic_only && m->is_static))
			continue;
		if (mcs_member_remove(walk->mb, grp, m, fl->reason))
			return true;
	}
	if (hlist_empty(&grp->members) && !grp->overflow)
		mcs_group_free(walk->mb, grp);
	return true;
}

/*
 * When nothing learns any more: the walk may have missed a group that
 * moved in the table meanwhile, so what is left goes in one lock hold.
 */
static void mcs_flush_rest(struct mcs_flush *fl)
{
	struct mcs_bridge *mb = fl->walk.mb;
	struct mcs_group *grp, *gtmp;

	spin_lock_bh(&mb->lock);
	if (fl->port ? fl->port->member_count : mb->group_count)
		list_for_each_entry_safe(grp, gtmp, &mb->group_list, list)
			mcs_flush_step(&fl->walk, grp);
	spin_unlock_bh(&mb->lock);
}

void mcs_table_flush(struct mcs_bridge *mb, struct mcs_port *port, int vid,
		     bool dynamic_only, u8 reason)
{
	struct mcs_flush fl = {
		.walk = { .mb = mb, .step = mcs_flush_step },
		.port = port, .vid = vid, .dynamic_only = dynamic_only,
		.reason = reason,
	};

	mcs_table_walk(&fl.walk);
	if (port && port->closing && vid < 0 && !dynamic_only)
		mcs_flush_rest(&fl);
}

/*
 * Replace m by a copy that belongs to its reporter. Readers on m see its
 * sources until the grace period ends: the nodes move, they stay intact.
 */
void mcs_table_split_by_host(struct mcs_bridge *mb, struct mcs_port *port)
{
	struct mcs_group *grp;
	struct mcs_member *m;
	struct hlist_node *tmp;

	spin_lock_bh(&mb->lock);
	list_for_each_entry(grp, &mb->group_list, list)
		hlist_for_each_entry_safe(m, tmp, &grp->members, node)
			if (m->port == port && !m->is_static &&
			    is_zero_ether_addr(m->host) &&
			    !is_zero_ether_addr(m->reporter) &&
			    !mcs_member_of_host(grp, port, m->reporter))
				mcs_member_give_to_reporter(m);
	spin_unlock_bh(&mb->lock);
}

unsigned int mcs_table_vlan_count(struct mcs_bridge *mb, u16 vid)
{
	return READ_ONCE(mb->vlan_groups[vid].count);
}

bool mcs_group_expire(struct mcs_bridge *mb, struct mcs_group *grp,
		      unsigned long now)
{
	struct mcs_member *m;
	struct hlist_node *tmp;

	lockdep_assert_held(&mb->lock);
	hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
		unsigned int nsrc = m->nsrc;
		bool keep = mcs_member_settle(m, now);

		mcs_sources_counted(mb, m, nsrc);
		if (keep)
			continue;
		if (mcs_member_remove(mb, grp, m, m->leave_lowered ?
				      MCSNOOP_EVENT_REASON_LEAVE :
				      MCSNOOP_EVENT_REASON_TIMEOUT))
			return true;
	}
	/* An overflow mark lasts one membership interval. */
	if (grp->overflow && !mcs_live(grp->overflow_expires, now)) {
		grp->overflow = false;
		if (hlist_empty(&grp->members)) {
			mcs_group_free(mb, grp);
			return true;
		}
	}
	return false;
}

/* Lowers *next to the soonest timer of grp that ends something. */
static void mcs_group_soonest(const struct mcs_group *grp,
			      unsigned long *next)
{
	const struct mcs_member *m;

	if (grp->overflow)
		mcs_soonest(grp->overflow_expires, next);
	hlist_for_each_entry(m, &grp->members, node)
		mcs_member_soonest(m, next);
}

void mcs_table_expire(struct mcs_bridge *mb, unsigned long now)
{
	/* With no timer at all, a look once an hour costs nothing. */
	unsigned long next = now + 3600 * HZ;
	struct mcs_group *grp, *gtmp;

	lockdep_assert_held(&mb->lock);
	list_for_each_entry_safe(grp, gtmp, &mb->group_list, list)
		if (!mcs_group_expire(mb, grp, now))
			mcs_group_soonest(grp, &next);
	mb->expiry_floor = next;
	/* How often the collector walks (dynamic debug; a test counts it). */
	netdev_dbg(mb->dev, "mcsnoop: expiry walk in netns %u: %u groups left, the next walk in %u ms\n",
		   dev_net(mb->dev)->ns.inum, mb->group_count,
		   jiffies_to_msecs(next - now));
}

/*
 * The collector: once a second, the kept counters and the routers; the
 * groups only once a timer of theirs may have ended (expiry_floor, which
 * learning lowers): memberships refreshed in time cost no walk.
 */
static void mcs_table_gc(struct work_struct *work)
{
	struct mcs_bridge *mb = container_of(to_delayed_work(work),
					     struct mcs_bridge, gc_work);
	unsigned long now = jiffies;
	struct mcs_port *port;

	spin_lock_bh(&mb->lock);
	if (!time_before(now, mb->expiry_floor))
		mcs_table_expire(mb, now);
	mcs_overflow_age(mb, now);
	mcs_traffic_age(mb, now);
	/* The router timer announces expiries; this catches stragglers. */
	rcu_read_lock();
	list_for_each_entry_rcu(port, &mb->port_list, list)
		mcs_event_routers_sync(port, MCSNOOP_EVENT_REASON_TIMEOUT);
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
	queue_delayed_work(system_power_efficient_wq, &mb->gc_work,
			   MCS_GC_PERIOD);
}

int mcs_table_init(struct mcs_bridge *mb)
{
	int err;

	spin_lock_init(&mb->lock);
	INIT_LIST_HEAD(&mb->group_list);
	INIT_DELAYED_WORK(&mb->gc_work, mcs_table_gc);
	mb->expiry_floor = jiffies;
	mcs_traffic_past_init(&mb->traffic_past);
	atomic_long_set(&mb->traffic_groups, 0);
	mcs_routers_init(mb);
	mb->vlan_groups = kvcalloc(MCS_VLAN_N, sizeof(*mb->vlan_groups),
				   GFP_KERNEL);
	if (!mb->vlan_groups)
		return -ENOMEM;
	err = rhltable_init(&mb->groups, &mcs_group_params);
	if (err)
		kvfree(mb->vlan_groups);
	return err;
}

void mcs_table_start(struct mcs_bridge *mb)
{
	queue_delayed_work(system_power_efficient_wq, &mb->gc_work,
			   MCS_GC_PERIOD);
}

void mcs_table_destroy(struct mcs_bridge *mb)
{
	struct mcs_flush fl = {
		.walk = { .mb = mb, .step = mcs_flush_step },
		.vid = -1, .reason = MCSNOOP_EVENT_REASON_NONE,
	};

	cancel_delayed_work_sync(&mb->gc_work);
	mcs_routers_stop(mb);
	mcs_traffic_past_close(mb);
	/* Nothing learns any more: everything goes. */
	mcs_table_walk(&fl.walk);
	mcs_flush_rest(&fl);
	/* What table memory counts (mcs_table_bytes()) is gone. */
	WARN_ON_ONCE(mb->group_count || mb->member_count || mb->source_count);
	mcs_traffic_past_free(mb);
	rhltable_destroy(&mb->groups);
	kvfree(mb->vlan_groups);
}
