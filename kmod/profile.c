// SPDX-License-Identifier: GPL-2.0
/*
 * Filtering profiles: which groups (and sources) a port's hosts, or a
 * VLAN's, may join (see profile.h). Applied to reports as they are
 * learnt, to static entries as they are added, and to the memberships
 * there are when a profile is attached or changed.
 */
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include <linux/mcsnoop.h>

#include "events.h"
#include "netns.h"
#include "objects.h"
#include "profile.h"
#include "table.h"

static bool mcs_in_range(const struct in6_addr *a, const struct in6_addr *min,
			 const struct in6_addr *max)
{
	return memcmp(a, min, sizeof(*a)) >= 0 &&
	       memcmp(a, max, sizeof(*a)) <= 0;
}

/* First match: a rule with a source range does not match any source. */
static bool mcs_profile_permits(const struct mcs_profile *p,
				const struct in6_addr *group,
				const struct in6_addr *src)
{
	const struct mcs_profile_rules *r = rcu_dereference_rtnl(p->rules);
	const struct mcs_profile_rule *rule;
	u16 i;

	for (i = 0; i < r->n; i++) {
		rule = &r->rule[i];
		if (!mcs_in_range(group, &rule->group_min, &rule->group_max))
			continue;
		if (!rule->any_source &&
		    (!src || !mcs_in_range(src, &rule->source_min,
					   &rule->source_max)))
			continue;
		return rule->action == MCSNOOP_PROFILE_ACTION_PERMIT;
	}
	return r->dflt == MCSNOOP_PROFILE_ACTION_PERMIT;
}

struct mcs_profile *mcs_vlan_profile(struct mcs_bridge *mb, u16 vid)
{
	return xa_empty(&mb->vlan_profiles) ? NULL :
	       xa_load(&mb->vlan_profiles, vid);
}

const struct mcs_profile *mcs_profile_denier(struct mcs_bridge *mb,
					     const struct mcs_port *port,
					     u16 vid,
					     const struct in6_addr *group,
					     const struct in6_addr *src)
{
	const struct mcs_profile *p;

	if (!port)
		return NULL;
	p = rcu_dereference_rtnl(port->profile);
	if (p && !mcs_profile_permits(p, group, src))
		return p;
	p = mcs_vlan_profile(mb, vid);
	if (p && !mcs_profile_permits(p, group, src))
		return p;
	return NULL;
}

/* Records that add no source or group: leaves and blocks pass. */
static bool mcs_record_asks(const struct mcs_record *rec)
{
	return rec->type != MCS_REC_BLOCK &&
	       !(rec->type == MCS_REC_TO_IN && !rec->nsrc);
}

/*
 * Counted always, announced at most MCS_DENIED_EVENTS_PER_SEC times a
 * second per port (bridge lock): a host that keeps asking for what it
 * may not have must not use up the bridge's events.
 */
#define MCS_DENIED_EVENTS_PER_SEC	10

static void mcs_profile_denied(struct mcs_bridge *mb, struct mcs_port *port,
			       u16 vid, const struct in6_addr *group,
			       const struct in6_addr *src)
{
	unsigned long now = jiffies;

	mcs_stats_inc(mb->stats, MCS_CNT_DENIED);
	mcs_stats_inc(port->stats, MCS_CNT_DENIED);
	if (time_after_eq(now, port->denied_window + HZ)) {
		port->denied_window = now;
		port->denied_events = 0;
	}
	if (port->denied_events >= MCS_DENIED_EVENTS_PER_SEC)
		return;
	port->denied_events++;
	mcs_event_denied(mb, port, vid, group, src);
}

const struct mcs_record *mcs_profile_filter(struct mcs_bridge *mb,
					    struct mcs_port *port, u16 vid,
					    bool ipv6,
					    const struct mcs_record *rec,
					    struct mcs_record *out, u8 **buf)
{
	const struct in6_addr *group = &rec->group.in6;
	unsigned int alen = ipv6 ? 16 : 4, i, kept = 0;
	struct mcs_addr a, first = {};
	bool denied = false;

	*buf = NULL;
	/* What is never learnt is not the profile's to deny. */
	if (!mcs_record_learnable(rec, ipv6) || !mcs_record_asks(rec))
		return rec;
	/* EXCLUDE mode asks for every source but those listed. */
	if (rec->type == MCS_REC_IS_EX || rec->type == MCS_REC_TO_EX) {
		if (!mcs_profile_denier(mb, port, vid, group, NULL))
			return rec;
		mcs_profile_denied(mb, port, vid, group, NULL);
		return NULL;
	}
	for (i = 0; i < rec->nsrc; i++) {
		mcs_source_get(ipv6, rec->sources, i, &a);
		if (!mcs_profile_denier(mb, port, vid, group, &a.in6))
			continue;
		if (!denied)
			first = a;
		denied = true;
	}
	if (!denied)
		return rec;
	mcs_profile_denied(mb, port, vid, group, &first.in6);
	*out = *rec;
	out->nsrc = 0;
	out->sources = NULL;
	*buf = kmalloc_array(rec->nsrc, alen, GFP_ATOMIC | __GFP_NOWARN);
	/* Without memory, nothing of it: never a denied source, no leave. */
	if (!*buf)
		return NULL;
	for (i = 0; i < rec->nsrc; i++) {
		mcs_source_get(ipv6, rec->sources, i, &a);
		if (mcs_profile_denier(mb, port, vid, group, &a.in6))
			continue;
		memcpy(*buf + kept * alen, rec->sources + i * alen, alen);
		kept++;
	}
	out->nsrc = kept;
	out->sources = *buf;
	/* TO_IN of nothing permitted is a leave; the others ask nothing. */
	return kept || rec->type == MCS_REC_TO_IN ? out : NULL;
}

/* Bridge lock: end what the profiles deny of m; whether m went too. */
static bool mcs_profile_enforce_member(struct mcs_bridge *mb,
				       struct mcs_group *grp,
				       struct mcs_member *m, bool *gone)
{
	const struct in6_addr *group = &grp->key.addr;
	struct mcs_source *s;
	struct hlist_node *tmp;
	bool freed = false;

	if (m->is_static || !m->port)
		return false;
	if (m->mode == MCSNOOP_FILTER_EXCLUDE) {
		if (!mcs_profile_denier(mb, m->port, grp->key.vid, group, NULL))
			return false;
	} else {
		hlist_for_each_entry_safe(s, tmp, &m->sources, node)
			if (mcs_profile_denier(mb, m->port, grp->key.vid,
					       group, &s->addr)) {
				mcs_source_free(m, s);
				mcs_sources_counted(mb, m, m->nsrc + 1);
				freed = true;
			}
		if (!freed || m->nsrc)
			return false;
	}
	*gone = mcs_member_remove(mb, grp, m, MCSNOOP_EVENT_REASON_FILTER);
	return true;
}

static void mcs_profile_enforce(struct mcs_bridge *mb)
{
	struct mcs_group *grp, *gtmp;
	struct mcs_member *m;
	struct hlist_node *tmp;
	bool gone;

	spin_lock_bh(&mb->lock);
	rcu_read_lock();
	list_for_each_entry_safe(grp, gtmp, &mb->group_list, list) {
		gone = false;
		hlist_for_each_entry_safe(m, tmp, &grp->members, node)
			if (mcs_profile_enforce_member(mb, grp, m, &gone) &&
			    gone)
				break;
	}
	rcu_read_unlock();
	spin_unlock_bh(&mb->lock);
}

struct mcs_profile *mcs_profile_find(struct mcs_net *mn, const char *name)
{
	struct mcs_profile *p;

	ASSERT_RTNL();
	list_for_each_entry(p, &mn->profiles, node)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

/* RTNL: the users of old and p, the change from one to the other. */
static void mcs_profile_switch(struct mcs_profile *old, struct mcs_profile *p)
{
	if (old)
		old->users--;
	if (p)
		p->users++;
}

void mcs_port_profile_set(struct mcs_port *port, struct mcs_profile *p)
{
	struct mcs_profile *old = rtnl_dereference(port->profile);

	ASSERT_RTNL();
	if (old == p)
		return;
	mcs_profile_switch(old, p);
	rcu_assign_pointer(port->profile, p);
	if (p)
		mcs_profile_enforce(port->mb);
}

int mcs_vlan_profile_set(struct mcs_bridge *mb, u16 vid, struct mcs_profile *p)
{
	struct mcs_profile *old = mcs_vlan_profile(mb, vid);
	int err;

	ASSERT_RTNL();
	if (old == p)
		return 0;
	/* The xarray publishes the pointer to its RCU readers. */
	err = xa_err(p ? xa_store(&mb->vlan_profiles, vid, p, GFP_KERNEL) :
		     xa_erase(&mb->vlan_profiles, vid));
	if (err)
		return err;
	mcs_profile_switch(old, p);
	if (p)
		mcs_profile_enforce(mb);
	return 0;
}

void mcs_vlan_profiles_free(struct mcs_bridge *mb)
{
	struct mcs_profile *p;
	unsigned long vid;

	ASSERT_RTNL();
	xa_for_each(&mb->vlan_profiles, vid, p)
		p->users--;
	xa_destroy(&mb->vlan_profiles);
}

/* RTNL: whether a port or VLAN of mb names p. */
static bool mcs_profile_used_by(struct mcs_bridge *mb,
				const struct mcs_profile *p)
{
	struct mcs_profile *entry;
	struct mcs_port *port;
	unsigned long vid;

	list_for_each_entry(port, &mb->port_list, list)
		if (rtnl_dereference(port->profile) == p)
			return true;
	xa_for_each(&mb->vlan_profiles, vid, entry)
		if (entry == p)
			return true;
	return false;
}

void mcs_profile_changed(struct mcs_net *mn, struct mcs_profile *p)
{
	struct mcs_bridge *mb;
	int bkt;

	ASSERT_RTNL();
	if (!p->users)
		return;
	hash_for_each(mn->bridges, bkt, mb, hnode)
		if (mcs_profile_used_by(mb, p))
			mcs_profile_enforce(mb);
}

static void mcs_profile_free_rcu(struct rcu_head *head)
{
	struct mcs_profile *p = container_of(head, struct mcs_profile, rcu);

	kfree(rcu_dereference_protected(p->rules, true));
	kfree(p);
	mcs_object_gone(MCS_OBJ_PROFILE);
}

void mcs_profile_free(struct mcs_profile *p)
{
	ASSERT_RTNL();
	WARN_ON_ONCE(p->users);
	list_del(&p->node);
	call_rcu(&p->rcu, mcs_profile_free_rcu);
}

void mcs_profiles_free(struct mcs_net *mn)
{
	struct mcs_profile *p, *tmp;

	list_for_each_entry_safe(p, tmp, &mn->profiles, node)
		mcs_profile_free(p);
}
