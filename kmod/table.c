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
#include <net/ipv6.h>

#include "events.h"
#include "forward.h"
#include "table.h"
#include "querier.h"
#include "vlan.h"

#define MCS_GC_PERIOD HZ

static const struct rhashtable_params mcs_group_params = {
	.key_len = sizeof(struct mcs_group_key),
	.key_offset = offsetof(struct mcs_group, key),
	.head_offset = offsetof(struct mcs_group, rnode),
	.automatic_shrinking = true,
};

bool mcs_addr_is_v4(const struct in6_addr *a)
{
	return ipv6_addr_v4mapped(a);
}

static void mcs_key_init(struct mcs_group_key *key,
			 const struct in6_addr *addr, u16 vid)
{
	memset(key, 0, sizeof(*key));
	key->addr = *addr;
	key->vid = vid;
}

struct mcs_group *mcs_group_lookup(struct mcs_bridge *mb,
				   const struct in6_addr *addr, u16 vid)
{
	struct mcs_group_key key;

	mcs_key_init(&key, addr, vid);
	return rhashtable_lookup(&mb->groups, &key, mcs_group_params);
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

static struct mcs_source *mcs_source_find(const struct mcs_member *m,
					  const struct in6_addr *addr)
{
	struct mcs_source *s;

	hlist_for_each_entry_rcu(s, &m->sources, node)
		if (ipv6_addr_equal(&s->addr, addr))
			return s;
	return NULL;
}

static bool mcs_live(unsigned long expires, unsigned long now)
{
	return time_before(now, expires);
}

bool mcs_member_accepts(const struct mcs_member *m,
			const struct in6_addr *src, unsigned long now)
{
	const struct mcs_source *s = mcs_source_find(m, src);
	bool live;

	if (READ_ONCE(m->is_static))
		return READ_ONCE(m->static_any) || (s && s->is_static);
	live = s && !READ_ONCE(s->blocked) &&
	       mcs_live(READ_ONCE(s->expires), now);
	if (READ_ONCE(m->mode) == MCSNOOP_FILTER_EXCLUDE &&
	    mcs_live(READ_ONCE(m->group_expires), now))
		return !s || live;
	return live;
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

/* Everything below runs with mb->lock held. */

static void mcs_source_free(struct mcs_member *m, struct mcs_source *s)
{
	hlist_del_rcu(&s->node);
	m->nsrc--;
	kfree_rcu(s, rcu);
}

static void mcs_sources_free(struct mcs_member *m, bool blocked_only)
{
	struct hlist_node *tmp;
	struct mcs_source *s;

	hlist_for_each_entry_safe(s, tmp, &m->sources, node)
		if (!blocked_only || s->blocked)
			mcs_source_free(m, s);
}

static void mcs_group_free(struct mcs_bridge *mb, struct mcs_group *grp)
{
	rhashtable_remove_fast(&mb->groups, &grp->rnode, mcs_group_params);
	list_del_rcu(&grp->list);
	WRITE_ONCE(mb->group_count, mb->group_count - 1);
	WRITE_ONCE(mb->table_gen, mb->table_gen + 1);
	kfree_rcu(grp, rcu);
}

/* Returns true when the group went with its last member. */
static bool mcs_member_free(struct mcs_bridge *mb, struct mcs_group *grp,
			    struct mcs_member *m)
{
	mcs_sources_free(m, false);
	hlist_del_rcu(&m->node);
	if (m->port)
		WRITE_ONCE(m->port->group_count, m->port->group_count - 1);
	kfree_rcu(m, rcu);
	if (!hlist_empty(&grp->members) || grp->overflow)
		return false;
	mcs_group_free(mb, grp);
	return true;
}

static struct mcs_group *mcs_group_new(struct mcs_bridge *mb,
				       const struct in6_addr *addr, u16 vid,
				       bool ipv6, gfp_t gfp)
{
	struct mcs_group *grp;

	if (mb->group_count >= READ_ONCE(mb->cfg.max_groups))
		return ERR_PTR(-ENOSPC);
	grp = kzalloc(sizeof(*grp), gfp);
	if (!grp)
		return ERR_PTR(-ENOMEM);
	mcs_key_init(&grp->key, addr, vid);
	grp->ipv6 = ipv6;
	INIT_HLIST_HEAD(&grp->members);
	atomic64_set(&grp->packets, 0);
	atomic64_set(&grp->bytes, 0);
	if (rhashtable_lookup_insert_fast(&mb->groups, &grp->rnode,
					  mcs_group_params)) {
		kfree(grp);
		return ERR_PTR(-ENOMEM);
	}
	list_add_tail_rcu(&grp->list, &mb->group_list);
	WRITE_ONCE(mb->group_count, mb->group_count + 1);
	WRITE_ONCE(mb->table_gen, mb->table_gen + 1);
	return grp;
}

static struct mcs_member *mcs_member_new(struct mcs_group *grp,
					 struct mcs_port *port, const u8 *host,
					 gfp_t gfp)
{
	struct mcs_member *m;

	if (port && port->group_count >= READ_ONCE(port->max_groups))
		return ERR_PTR(-ENOSPC);
	m = kzalloc(sizeof(*m), gfp);
	if (!m)
		return ERR_PTR(-ENOMEM);
	m->port = port;
	if (host)
		ether_addr_copy(m->host, host);
	m->mode = MCSNOOP_FILTER_INCLUDE;
	INIT_HLIST_HEAD(&m->sources);
	if (port)
		WRITE_ONCE(port->group_count, port->group_count + 1);
	hlist_add_head_rcu(&m->node, &grp->members);
	return m;
}

static struct mcs_source *mcs_source_new(struct mcs_member *m,
					 const struct in6_addr *addr,
					 unsigned long expires, bool blocked)
{
	struct mcs_source *s;

	if (m->nsrc >= MCS_MAX_SOURCES)
		return NULL;
	s = kzalloc(sizeof(*s), GFP_ATOMIC);
	if (!s)
		return NULL;
	s->addr = *addr;
	s->expires = expires;
	s->blocked = blocked;
	hlist_add_head_rcu(&s->node, &m->sources);
	m->nsrc++;
	return s;
}

/*
 * Apply the expiries that are due: the state the packet path already
 * sees, made explicit. Returns whether the member still wants anything.
 */
static bool mcs_member_settle(struct mcs_member *m, unsigned long now)
{
	struct hlist_node *tmp;
	struct mcs_source *s;

	if (m->is_static)
		return true;
	if (m->mode == MCSNOOP_FILTER_EXCLUDE &&
	    !mcs_live(m->group_expires, now)) {
		WRITE_ONCE(m->mode, MCSNOOP_FILTER_INCLUDE);
		mcs_sources_free(m, true);
	}
	hlist_for_each_entry_safe(s, tmp, &m->sources, node) {
		if (s->blocked || mcs_live(s->expires, now))
			continue;
		if (m->mode == MCSNOOP_FILTER_INCLUDE)
			mcs_source_free(m, s);
		else
			WRITE_ONCE(s->blocked, true);
	}
	return m->mode == MCSNOOP_FILTER_EXCLUDE || m->nsrc;
}

/* Too many sources to track: forward them all (EXCLUDE {}). */
static void mcs_member_degrade(struct mcs_member *m, unsigned long gmi_end)
{
	mcs_sources_free(m, false);
	WRITE_ONCE(m->group_expires, gmi_end);
	WRITE_ONCE(m->mode, MCSNOOP_FILTER_EXCLUDE);
}

struct mcs_rec_ctx {
	struct mcs_member *m;
	const struct mcs_record *rec;
	bool ipv6;
	unsigned long now;
	unsigned long gmi_end;		/* now + membership interval */
	unsigned long older_end;	/* now + older host present interval */
	unsigned long lmq_end;		/* now + last member time */
	bool degraded;
	/* What the querier must ask about now: the group, or sources. */
	bool query_group;
	unsigned int query_nsrc;
	struct in6_addr query_src[MCS_GSQ_SOURCES];
};

static bool mcs_rec_has(const struct mcs_rec_ctx *c,
			const struct in6_addr *addr)
{
	struct mcs_addr a;
	unsigned int i;

	for (i = 0; i < c->rec->nsrc; i++) {
		mcs_source_get(c->ipv6, c->rec->sources, i, &a);
		if (ipv6_addr_equal(&a.in6, addr))
			return true;
	}
	return false;
}

/* Lower a timer to the last member time ("send Q(G,S)"). */
static void mcs_lower(struct mcs_rec_ctx *c, struct mcs_source *s)
{
	if (time_after(s->expires, c->lmq_end))
		WRITE_ONCE(s->expires, c->lmq_end);
	/* Too many to list: a group-specific query asks for them all. */
	if (c->query_nsrc < MCS_GSQ_SOURCES)
		c->query_src[c->query_nsrc++] = s->addr;
	else
		c->query_group = true;
}

static struct mcs_source *mcs_rec_source(struct mcs_rec_ctx *c,
					 unsigned int i, unsigned long expires,
					 bool blocked, bool *created)
{
	struct mcs_source *s;
	struct mcs_addr a;

	*created = false;
	mcs_source_get(c->ipv6, c->rec->sources, i, &a);
	s = mcs_source_find(c->m, &a.in6);
	if (s || c->degraded)
		return s;
	s = mcs_source_new(c->m, &a.in6, expires, blocked);
	if (!s) {
		mcs_member_degrade(c->m, c->gmi_end);
		c->degraded = true;
		return NULL;
	}
	*created = true;
	return s;
}

/* (B) = GMI, and the sources are wanted: IS_IN, ALLOW, TO_IN. */
static void mcs_rec_want(struct mcs_rec_ctx *c)
{
	struct mcs_source *s;
	unsigned int i;
	bool created;

	for (i = 0; i < c->rec->nsrc && !c->degraded; i++) {
		s = mcs_rec_source(c, i, c->gmi_end, false, &created);
		if (!s)
			continue;
		WRITE_ONCE(s->blocked, false);
		WRITE_ONCE(s->expires, c->gmi_end);
	}
}

/* Sources we know that the record does not name get the last member time. */
static void mcs_rec_lower_others(struct mcs_rec_ctx *c)
{
	struct mcs_source *s;

	hlist_for_each_entry(s, &c->m->sources, node)
		if (!s->blocked && !mcs_rec_has(c, &s->addr))
			mcs_lower(c, s);
}

/* IS_EX and TO_EX, from either mode. */
static void mcs_rec_exclude(struct mcs_rec_ctx *c, bool to_ex)
{
	struct mcs_member *m = c->m;
	bool was_include = m->mode == MCSNOOP_FILTER_INCLUDE;
	unsigned long new_expires;
	struct hlist_node *tmp;
	struct mcs_source *s;
	unsigned int i;
	bool created;

	/* Delete (A-B) / (X-A), (Y-A). */
	hlist_for_each_entry_safe(s, tmp, &m->sources, node)
		if (!mcs_rec_has(c, &s->addr))
			mcs_source_free(m, s);
	/* From INCLUDE, new sources are blocked (B-A)=0; from EXCLUDE they
	 * are requested with GMI (IS_EX) or the group timer (TO_EX).
	 */
	new_expires = to_ex ? m->group_expires : c->gmi_end;
	for (i = 0; i < c->rec->nsrc && !c->degraded; i++) {
		s = mcs_rec_source(c, i, new_expires, was_include, &created);
		if (s && to_ex && !s->blocked)
			mcs_lower(c, s);
	}
	if (c->degraded)
		return;
	WRITE_ONCE(m->group_expires, c->gmi_end);
	WRITE_ONCE(m->mode, MCSNOOP_FILTER_EXCLUDE);
}

static void mcs_rec_block(struct mcs_rec_ctx *c)
{
	struct mcs_member *m = c->m;
	struct mcs_source *s;
	unsigned int i;
	bool created;

	for (i = 0; i < c->rec->nsrc && !c->degraded; i++) {
		if (m->mode == MCSNOOP_FILTER_INCLUDE) {
			struct mcs_addr a;

			mcs_source_get(c->ipv6, c->rec->sources, i, &a);
			s = mcs_source_find(m, &a.in6);
		} else {
			/* (A-X-Y) = group timer */
			s = mcs_rec_source(c, i, m->group_expires, false,
					   &created);
		}
		if (s && !s->blocked)
			mcs_lower(c, s);
	}
}

static void mcs_rec_apply(struct mcs_rec_ctx *c)
{
	struct mcs_member *m = c->m;

	switch (c->rec->type) {
	case MCS_REC_IS_IN:
	case MCS_REC_ALLOW:
		mcs_rec_want(c);
		break;
	case MCS_REC_TO_IN:
		mcs_rec_lower_others(c);
		mcs_rec_want(c);
		if (!c->degraded && m->mode == MCSNOOP_FILTER_EXCLUDE) {
			/* "Send Q(G)" */
			c->query_group = true;
			if (time_after(m->group_expires, c->lmq_end))
				WRITE_ONCE(m->group_expires, c->lmq_end);
		}
		break;
	case MCS_REC_IS_EX:
		mcs_rec_exclude(c, false);
		break;
	case MCS_REC_TO_EX:
		mcs_rec_exclude(c, true);
		break;
	case MCS_REC_BLOCK:
		mcs_rec_block(c);
		break;
	}
}

u8 mcs_member_host_compat(const struct mcs_member *m, bool ipv6,
			  unsigned long now)
{
	u8 v;

	for (v = 1; v < (ipv6 ? 2 : 3); v++)
		if (m->older_host_expires[v - 1] &&
		    mcs_live(READ_ONCE(m->older_host_expires[v - 1]), now))
			return v;
	return ipv6 ? 2 : 3;
}

/*
 * Host compatibility (RFC 3376 7.3.2, RFC 3810 8.3.2): an older report
 * starts its version's timer; while one runs, BLOCK(x) is ignored and
 * TO_EX(x) is TO_EX({}) (older hosts want every source), and with IGMPv1
 * hosts TO_IN() and IGMPv2 leaves are ignored (they would not answer the
 * query in time). Returns the record to apply, NULL to ignore it.
 */
static const struct mcs_record *mcs_rec_compat(struct mcs_rec_ctx *c,
					       struct mcs_record *copy)
{
	const struct mcs_record *rec = c->rec;
	u8 newest = c->ipv6 ? 2 : 3;
	u8 compat;

	if (rec->version && rec->version < newest &&
	    rec->type == MCS_REC_IS_EX)
		WRITE_ONCE(c->m->older_host_expires[rec->version - 1],
			   c->older_end ?: 1);
	compat = mcs_member_host_compat(c->m, c->ipv6, c->now);
	if (compat == newest)
		return rec;
	if (rec->type == MCS_REC_BLOCK)
		return NULL;
	/* IGMPv1 mode: TO_IN() and IGMPv2 leaves (TO_IN({})) too. */
	if (compat == 1 && !c->ipv6 && rec->type == MCS_REC_TO_IN)
		return NULL;
	if (rec->type == MCS_REC_TO_EX && rec->nsrc) {
		*copy = *rec;
		copy->nsrc = 0;
		return copy;
	}
	return rec;
}

static bool mcs_is_ssm(const struct in6_addr *g)
{
	if (mcs_addr_is_v4(g))
		return (ntohl(g->s6_addr32[3]) >> 24) == 232;
	return g->s6_addr[0] == 0xff && (g->s6_addr[1] & 0xf0) == 0x30 &&
	       !g->s6_addr[2] && !g->s6_addr[3];
}

static void mcs_table_full(struct mcs_bridge *mb, struct mcs_port *port,
			   const struct in6_addr *grp, u16 vid, u8 reason)
{
	mcs_event_member(mb, port, vid, grp, MCSNOOP_EVENT_TABLE_FULL, reason);
	mcs_stats_inc(mb->stats, MCS_CNT_TABLE_FULL);
	if (port)
		mcs_stats_inc(port->stats, MCS_CNT_TABLE_FULL);
	net_warn_ratelimited("%s: max-groups reached%s%s, group %pI6c vid %u floods\n",
			     mb->dev->name, port ? " on port " : "",
			     port ? port->dev->name : "", grp, vid);
}

void mcs_learn_record(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		      bool ipv6, const struct mcs_record *rec, const u8 *host,
		      const u8 *reporter)
{
	unsigned long now = jiffies;
	struct mcs_rec_ctx c = {
		.rec = rec,
		.ipv6 = ipv6,
		.now = now,
		.gmi_end = now + mcs_vlan_membership_interval(mb, vid, ipv6 ?
							      MCS_IPV6 :
							      MCS_IPV4),
		.older_end = now + mcs_vlan_older_host_interval(mb, vid, ipv6 ?
								MCS_IPV6 :
								MCS_IPV4),
		.lmq_end = now + (port && READ_ONCE(port->fast_leave) ? 0 :
				  mcs_vlan_last_member_time(mb, vid)),
	};
	const struct in6_addr *addr = &rec->group.in6;
	struct mcs_record compat_rec;
	struct mcs_group *grp;
	struct mcs_member *m;
	bool created = false;

	lockdep_assert_held(&mb->lock);
	if (rec->type < MCS_REC_IS_IN || rec->type > MCS_REC_BLOCK)
		return;
	/*
	 * Flooded whatever the settings (224.0.0.x, ND): not worth an
	 * entry. MAC-ambiguous groups are learnt, in case flooding them is
	 * switched off.
	 */
	if (mcs_group_link_local(addr))
		return;
	/*
	 * SSM: (S,G) only (RFC 9776 6.4, RFC 9777 7.4): no EXCLUDE records,
	 * and no IGMPv1/v2 or MLDv1 reports or leaves.
	 */
	if (mcs_is_ssm(addr) &&
	    (rec->type == MCS_REC_IS_EX || rec->type == MCS_REC_TO_EX ||
	     (rec->version && rec->version < (ipv6 ? 2 : 3))))
		return;
	grp = mcs_group_lookup(mb, addr, vid);
	m = grp ? mcs_member_of_host(grp, port, host) : NULL;
	if (!m) {
		/* Nothing to leave or block from INCLUDE {}. */
		if (rec->type == MCS_REC_BLOCK ||
		    (rec->type != MCS_REC_IS_EX && rec->type != MCS_REC_TO_EX &&
		     !rec->nsrc))
			return;
		if (!grp) {
			grp = mcs_group_new(mb, addr, vid, ipv6, GFP_ATOMIC);
			if (IS_ERR(grp)) {
				if (PTR_ERR(grp) != -ENOSPC)
					return;
				/* Flood the group rather than lose it. */
				mcs_overflow_mark(mb, addr, vid);
				mcs_table_full(mb, port, addr, vid,
					       MCSNOOP_EVENT_REASON_BRIDGE_LIMIT);
				return;
			}
		}
		m = mcs_member_new(grp, port, host, GFP_ATOMIC);
		if (!IS_ERR(m) && !host && reporter)
			ether_addr_copy(m->reporter, reporter);
		if (IS_ERR(m)) {
			if (PTR_ERR(m) == -ENOSPC) {
				/* Flood the group rather than lose a member. */
				grp->overflow = true;
				grp->overflow_expires = c.gmi_end;
				mcs_table_full(mb, port, addr, vid,
					       MCSNOOP_EVENT_REASON_PORT_LIMIT);
			} else if (hlist_empty(&grp->members) && !grp->overflow) {
				mcs_group_free(mb, grp);
			}
			return;
		}
		created = true;
	}
	if (m->is_static)
		return;
	c.m = m;
	c.rec = mcs_rec_compat(&c, &compat_rec);
	if (!c.rec)
		return;
	mcs_member_settle(m, now);
	mcs_rec_apply(&c);
	/* A leave lowered the timers: expiry then means nobody answered. */
	if (c.query_group || c.query_nsrc)
		m->leave_lowered = true;
	else if (rec->type != MCS_REC_BLOCK)
		m->leave_lowered = false;
	if (!mcs_member_settle(m, now)) {
		/* Gone at once: the leave needed no last member query. */
		if (!created)
			mcs_event_member(mb, port, vid, addr,
					 MCSNOOP_EVENT_MEMBER_DEL,
					 port && READ_ONCE(port->fast_leave) ?
					 MCSNOOP_EVENT_REASON_FAST_LEAVE :
					 MCSNOOP_EVENT_REASON_LEAVE);
		mcs_member_free(mb, grp, m);
	} else if (created) {
		mcs_event_member(mb, port, vid, addr, MCSNOOP_EVENT_MEMBER_ADD,
				 MCSNOOP_EVENT_REASON_REPORT);
	}
	/* Other hosts behind the port may still want it: ask them. */
	if (port && (c.query_group || c.query_nsrc))
		mcs_querier_leave(mb, port, vid, ipv6, addr,
				  c.query_group ? NULL : c.query_src,
				  c.query_group ? 0 : c.query_nsrc);
}

int mcs_static_add(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
		   const struct in6_addr *addr, const struct in6_addr *src,
		   bool ipv6)
{
	struct mcs_group *grp;
	struct mcs_member *m;
	struct mcs_source *s;
	bool created = false;
	int err = 0;

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
		m = mcs_member_new(grp, port, NULL, GFP_ATOMIC);
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
		mcs_sources_free(m, false);
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
	s = mcs_source_new(m, src, 0, false);
	if (!s) {
		err = m->nsrc >= MCS_MAX_SOURCES ? -ENOSPC : -ENOMEM;
		if (!m->static_any && !m->nsrc)
			mcs_member_free(mb, grp, m);
		goto out;
	}
	s->is_static = true;
out:
	if (!err && created)
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
	m = grp ? mcs_member_of(grp, port) : NULL;
	if (!m)
		goto out;
	if (!m->is_static) {
		/* Removing a learnt membership is allowed too. */
		if (src)
			goto out;
		mcs_event_member(mb, port, vid, addr, MCSNOOP_EVENT_MEMBER_DEL,
				 MCSNOOP_EVENT_REASON_STATIC);
		mcs_member_free(mb, grp, m);
		err = 0;
		goto out;
	}
	if (src) {
		s = mcs_source_find(m, src);
		if (!s)
			goto out;
		mcs_source_free(m, s);
	} else {
		if (!m->static_any)
			goto out;
		WRITE_ONCE(m->static_any, false);
	}
	err = 0;
	if (!m->static_any && !m->nsrc) {
		mcs_event_member(mb, port, vid, addr, MCSNOOP_EVENT_MEMBER_DEL,
				 MCSNOOP_EVENT_REASON_STATIC);
		mcs_member_free(mb, grp, m);
	}
out:
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
	return err;
}

void mcs_table_flush(struct mcs_bridge *mb, struct mcs_port *port, int vid,
		     bool dynamic_only, u8 reason)
{
	struct mcs_group *grp, *gtmp;
	struct mcs_member *m;
	struct hlist_node *tmp;
	bool gone;

	spin_lock_bh(&mb->lock);
	list_for_each_entry_safe(grp, gtmp, &mb->group_list, list) {
		if (vid >= 0 && grp->key.vid != vid)
			continue;
		if (!port && !dynamic_only)
			grp->overflow = false;
		gone = false;
		hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
			if ((port && m->port != port) ||
			    (dynamic_only && m->is_static))
				continue;
			if (reason)
				mcs_event_member(mb, m->port, grp->key.vid,
						 &grp->key.addr,
						 MCSNOOP_EVENT_MEMBER_DEL, reason);
			gone = mcs_member_free(mb, grp, m);
			if (gone)
				break;
		}
		if (!gone && hlist_empty(&grp->members) && !grp->overflow)
			mcs_group_free(mb, grp);
	}
	spin_unlock_bh(&mb->lock);
}

/*
 * Replace m by a copy that belongs to its reporter. Readers on m see its
 * sources until the grace period ends: the nodes move, they stay intact.
 */
static void mcs_member_give_to_reporter(struct mcs_member *m)
{
	struct mcs_member *n = kzalloc(sizeof(*n), GFP_ATOMIC);

	if (!n)
		return;
	n->port = m->port;
	ether_addr_copy(n->host, m->reporter);
	n->mode = m->mode;
	n->leave_lowered = m->leave_lowered;
	n->group_expires = m->group_expires;
	n->nsrc = m->nsrc;
	n->sources.first = m->sources.first;
	if (n->sources.first)
		n->sources.first->pprev = &n->sources.first;
	hlist_replace_rcu(&m->node, &n->node);
	kfree_rcu(m, rcu);
}

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
	struct mcs_group *grp;
	unsigned int n = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(grp, &mb->group_list, list)
		n += grp->key.vid == vid;
	rcu_read_unlock();
	return n;
}

/* Remove the memberships and overflow marks that expired; lock held. */
static void mcs_table_expire(struct mcs_bridge *mb, unsigned long now)
{
	struct mcs_group *grp, *gtmp;
	struct mcs_member *m;
	struct hlist_node *tmp;
	bool gone;

	list_for_each_entry_safe(grp, gtmp, &mb->group_list, list) {
		gone = false;
		hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
			if (mcs_member_settle(m, now))
				continue;
			mcs_event_member(mb, m->port, grp->key.vid,
					 &grp->key.addr, MCSNOOP_EVENT_MEMBER_DEL,
					 m->leave_lowered ?
					 MCSNOOP_EVENT_REASON_LEAVE :
					 MCSNOOP_EVENT_REASON_TIMEOUT);
			gone = mcs_member_free(mb, grp, m);
			if (gone)
				break;
		}
		/* An overflow mark lasts one membership interval. */
		if (!gone && grp->overflow &&
		    !mcs_live(grp->overflow_expires, now)) {
			grp->overflow = false;
			if (hlist_empty(&grp->members))
				mcs_group_free(mb, grp);
		}
	}
}

/*
 * Lowering max-groups below the table's size evicts learnt state, what
 * expires soonest first. The candidates: with a port, its dynamic
 * memberships; for the bridge, the groups without a static member (all
 * their memberships go, and the group with them). Each lasts "delta"
 * more jiffies. Without allocating under the lock, a binary search over
 * delta finds the threshold: everything below it goes, and of what
 * expires exactly then, as much as is still over the limit.
 */
struct mcs_evict {
	struct mcs_bridge *mb;
	struct mcs_port *port;		/* NULL: the bridge's limit */
	unsigned long now;
};

/* The last expiry of a settled learnt membership. */
static unsigned long mcs_member_expires(const struct mcs_member *m,
					unsigned long now)
{
	const struct mcs_source *s;
	unsigned long e = now;

	if (m->mode == MCSNOOP_FILTER_EXCLUDE && time_after(m->group_expires, e))
		e = m->group_expires;
	hlist_for_each_entry(s, &m->sources, node)
		if (!s->blocked && time_after(s->expires, e))
			e = s->expires;
	return e;
}

/* Whether grp holds a candidate, and how long it lasts. */
static bool mcs_evict_delta(const struct mcs_evict *ev,
			    const struct mcs_group *grp, unsigned long *delta)
{
	const struct mcs_member *m;
	unsigned long e = ev->now;

	if (ev->port) {
		m = mcs_member_of(grp, ev->port);
		if (!m || m->is_static)
			return false;
		*delta = mcs_member_expires(m, ev->now) - ev->now;
		return true;
	}
	if (grp->overflow && time_after(grp->overflow_expires, e))
		e = grp->overflow_expires;
	hlist_for_each_entry(m, &grp->members, node) {
		unsigned long me;

		if (m->is_static)
			return false;
		me = mcs_member_expires(m, ev->now);
		if (time_after(me, e))
			e = me;
	}
	*delta = e - ev->now;
	return true;
}

/* Candidates that last at most max jiffies; *longest: the longest. */
static unsigned int mcs_evict_count(const struct mcs_evict *ev,
				    unsigned long max, unsigned long *longest)
{
	const struct mcs_group *grp;
	unsigned long delta;
	unsigned int n = 0;

	*longest = 0;
	list_for_each_entry(grp, &ev->mb->group_list, list) {
		if (!mcs_evict_delta(ev, grp, &delta) || delta > max)
			continue;
		n++;
		if (delta > *longest)
			*longest = delta;
	}
	return n;
}

static void mcs_evict_one(const struct mcs_evict *ev, struct mcs_group *grp)
{
	struct mcs_member *m;
	struct hlist_node *tmp;

	if (!ev->port) {
		grp->overflow = false;
		/* Out of the table, the group floods (overflow.c). */
		mcs_overflow_mark(ev->mb, &grp->key.addr, grp->key.vid);
	}
	hlist_for_each_entry_safe(m, tmp, &grp->members, node) {
		if (ev->port && m->port != ev->port)
			continue;
		mcs_event_member(ev->mb, m->port, grp->key.vid, &grp->key.addr,
				 MCSNOOP_EVENT_MEMBER_DEL,
				 MCSNOOP_EVENT_REASON_LIMIT);
		if (mcs_member_free(ev->mb, grp, m))
			return;
	}
	/* An overflow mark without members. */
	if (hlist_empty(&grp->members) && !grp->overflow)
		mcs_group_free(ev->mb, grp);
}

void mcs_table_evict(struct mcs_bridge *mb, struct mcs_port *port)
{
	struct mcs_evict ev = { .mb = mb, .port = port };
	unsigned long lo, hi, mid, longest, delta;
	unsigned int count, limit, excess, n, at_hi;
	struct mcs_group *grp, *gtmp;

	spin_lock_bh(&mb->lock);
	rcu_read_lock();
	ev.now = jiffies;
	/* What expired goes as such, not for the limit. */
	mcs_table_expire(mb, ev.now);
	count = port ? port->group_count : mb->group_count;
	limit = port ? READ_ONCE(port->max_groups) :
		READ_ONCE(mb->cfg.max_groups);
	if (count <= limit)
		goto out;
	excess = count - limit;
	/* The smallest hi with at least excess candidates lasting <= hi. */
	n = mcs_evict_count(&ev, ULONG_MAX, &longest);
	lo = 0;
	hi = longest;
	while (n > excess && lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (mcs_evict_count(&ev, mid, &delta) >= excess)
			hi = mid;
		else
			lo = mid + 1;
	}
	/* Static ones alone over the limit: the dynamic ones all go. */
	at_hi = n <= excess ? n :
		excess - (hi ? mcs_evict_count(&ev, hi - 1, &delta) : 0);
	list_for_each_entry_safe(grp, gtmp, &mb->group_list, list) {
		if (!mcs_evict_delta(&ev, grp, &delta) || delta > hi)
			continue;
		if (delta == hi) {
			if (!at_hi)
				continue;
			at_hi--;
		}
		mcs_evict_one(&ev, grp);
	}
out:
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
}

/* The collector: removes what expired, once a second. */
static void mcs_table_gc(struct work_struct *work)
{
	struct mcs_bridge *mb = container_of(to_delayed_work(work),
					     struct mcs_bridge, gc_work);
	struct mcs_port *port;

	spin_lock_bh(&mb->lock);
	mcs_table_expire(mb, jiffies);
	mcs_overflow_age(mb, jiffies);
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
	spin_lock_init(&mb->lock);
	INIT_LIST_HEAD(&mb->group_list);
	INIT_DELAYED_WORK(&mb->gc_work, mcs_table_gc);
	mcs_routers_init(mb);
	return rhashtable_init(&mb->groups, &mcs_group_params);
}

void mcs_table_start(struct mcs_bridge *mb)
{
	queue_delayed_work(system_power_efficient_wq, &mb->gc_work,
			   MCS_GC_PERIOD);
}

void mcs_table_destroy(struct mcs_bridge *mb)
{
	cancel_delayed_work_sync(&mb->gc_work);
	mcs_routers_stop(mb);
	mcs_table_flush(mb, NULL, -1, false, MCSNOOP_EVENT_REASON_NONE);
	rhashtable_destroy(&mb->groups);
}
