// SPDX-License-Identifier: GPL-2.0
/*
 * The source filter of a membership and its state machine: RFC 3376 6.4
 * (6.4.1 current-state records, 6.4.2 filter-mode changes and source-list
 * changes) and RFC 3810 7.4, with host compatibility (RFC 3376 7.3.2, RFC
 * 3810 8.3.2). See filter.h.
 */
#ifdef __KERNEL__
#include <linux/slab.h>
#include <net/ipv6.h>
#endif

#include "filter.h"
#include "objects.h"

void mcs_source_free(struct mcs_member *m, struct mcs_source *s)
{
	hlist_del_rcu(&s->node);
	m->nsrc--;
	kfree_rcu(s, rcu);
	mcs_object_gone(MCS_OBJ_SOURCE);
}

void mcs_sources_free(struct mcs_member *m, bool blocked_only)
{
	struct hlist_node *tmp;
	struct mcs_source *s;

	hlist_for_each_entry_safe(s, tmp, &m->sources, node)
		if (!blocked_only || s->blocked)
			mcs_source_free(m, s);
}

struct mcs_source *mcs_source_new(struct mcs_member *m,
				  const struct in6_addr *addr,
				  unsigned long expires, bool blocked)
{
	struct mcs_source *s;

	if (m->nsrc >= MCS_MAX_SOURCES)
		return NULL;
	s = kzalloc(sizeof(*s), GFP_ATOMIC);
	if (!s)
		return NULL;
	mcs_object_new(MCS_OBJ_SOURCE);
	s->addr = *addr;
	s->expires = expires;
	s->blocked = blocked;
	hlist_add_head_rcu(&s->node, &m->sources);
	m->nsrc++;
	return s;
}

bool mcs_member_settle(struct mcs_member *m, unsigned long now)
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
	bool keep_include;		/* no degrading: see filter.h */
	/* What the querier must ask about now: the group, or sources. */
	struct mcs_filter_result *res;
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
	/*
	 * Only a timer above the last member time is lowered and queried
	 * (RFC 3376 6.6.3.2): a host's repeated BLOCK finds it lowered
	 * already, and its query series runs already.
	 */
	if (!time_after(s->expires, c->lmq_end))
		return;
	WRITE_ONCE(s->expires, c->lmq_end);
	/* Too many to list: a group-specific query asks for them all. */
	if (c->res->query_nsrc < MCS_GSQ_SOURCES)
		c->res->query_src[c->res->query_nsrc++] = s->addr;
	else
		c->res->query_group = true;
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
	if (!s && c->keep_include)
		return NULL;
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
			/* "Send Q(G)", unless a leave did already. */
			if (time_after(m->group_expires, c->lmq_end)) {
				WRITE_ONCE(m->group_expires, c->lmq_end);
				c->res->query_group = true;
			}
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

/* The last expiry of a settled learnt membership. */
unsigned long mcs_member_expires(const struct mcs_member *m,
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

void mcs_member_soonest(const struct mcs_member *m, unsigned long *next)
{
	const struct mcs_source *s;

	if (m->is_static)
		return;
	if (m->mode == MCSNOOP_FILTER_EXCLUDE)
		mcs_soonest(m->group_expires, next);
	hlist_for_each_entry(s, &m->sources, node)
		if (!s->blocked)
			mcs_soonest(s->expires, next);
}

void mcs_filter_apply(struct mcs_member *m, bool ipv6,
		      const struct mcs_record *rec,
		      const struct mcs_filter_times *t,
		      struct mcs_filter_result *res)
{
	struct mcs_record compat_rec;
	struct mcs_rec_ctx c = {
		.m = m,
		.rec = rec,
		.ipv6 = ipv6,
		.now = t->now,
		.gmi_end = t->gmi_end,
		.older_end = t->older_end,
		.lmq_end = t->lmq_end,
		.keep_include = t->keep_include,
		.res = res,
	};

	res->ignored = false;
	res->query_group = false;
	res->query_nsrc = 0;
	c.rec = mcs_rec_compat(&c, &compat_rec);
	if (!c.rec) {
		res->ignored = true;
		res->wants = mcs_member_settle(m, t->now);
		return;
	}
	mcs_member_settle(m, t->now);
	mcs_rec_apply(&c);
	/*
	 * A leave lowered the timers: expiry then means nobody answered. A
	 * repeated BLOCK or TO_IN lowers nothing more and changes nothing.
	 */
	if (res->query_group || res->query_nsrc)
		m->leave_lowered = true;
	else if (rec->type != MCS_REC_BLOCK && rec->type != MCS_REC_TO_IN)
		m->leave_lowered = false;
	res->wants = mcs_member_settle(m, t->now);
}
