// SPDX-License-Identifier: GPL-2.0
/*
 * Port templates. Port settings live as long as the port; Proxmox and
 * libvirt re-create a VM's tap and firewall ports at every start, and
 * their settings would vanish with them. A template gives the ports whose
 * name matches it their settings when they join the bridge (and the ports
 * present when it is added). Every matching template applies, the least
 * specific first, so "*" serves as the bridge's port defaults and "tap*"
 * overrides it. The settings are kept as the port-set attributes they
 * came as, and applied by the port-set code: a new port setting needs
 * nothing here. Static groups add up: each matching template adds its.
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "netlink.h"
#include "objects.h"
#include "table.h"
#include "template.h"

bool mcs_template_match(const char *pattern, const char *name)
{
	const char *star = NULL, *resume = NULL;

	while (*name) {
		if (*pattern == '*') {
			star = pattern++;
			resume = name;
		} else if (*pattern == '?' || *pattern == *name) {
			pattern++;
			name++;
		} else if (star) {
			/* Let the last * take one character more. */
			pattern = star + 1;
			name = ++resume;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}

static unsigned int mcs_template_literals(const char *pattern)
{
	unsigned int n = 0;

	for (; *pattern; pattern++)
		n += *pattern != '*' && *pattern != '?';
	return n;
}

struct mcs_port_template *mcs_template_find(struct mcs_bridge *mb,
					    const char *pattern)
{
	struct mcs_port_template *t;

	ASSERT_RTNL();
	list_for_each_entry(t, &mb->templates, list)
		if (!strcmp(t->pattern, pattern))
			return t;
	return NULL;
}

/* The settings of t as port-set attributes (validated at add). */
static void mcs_template_parse(const struct mcs_port_template *t,
			       struct nlattr **a)
{
	if (nla_parse_deprecated(a, MCSNOOP_A_PORT_MAX,
				 (struct nlattr *)t->settings, t->len, NULL,
				 NULL))
		memset(a, 0, sizeof(*a) * (MCSNOOP_A_PORT_MAX + 1));
}

/* The static groups of t (parsed as a) for port, as group-add does. */
static void mcs_template_add_groups(const struct mcs_port_template *t,
				    struct nlattr **a, struct mcs_port *port)
{
	struct mcs_template_group g;
	const struct nlattr *entry;
	int rem, err;

	if (!a[MCSNOOP_A_PORT_GROUPS])
		return;
	nla_for_each_nested(entry, a[MCSNOOP_A_PORT_GROUPS], rem) {
		if (mcs_nl_template_group(entry, &g, NULL))
			continue;
		err = mcs_static_add(port->mb, port, g.vid, &g.addr,
				     g.has_src ? &g.src : NULL, g.ipv6);
		/* Nobody to tell but the log: the port just joined. */
		if (err)
			netdev_warn(port->dev,
				    "mcsnoop: template %s: static group %pI6c vid %u not added (%d)\n",
				    t->pattern, &g.addr, g.vid, err);
	}
}

static void mcs_template_apply(const struct mcs_port_template *t,
			       struct mcs_port *port)
{
	struct nlattr *a[MCSNOOP_A_PORT_MAX + 1];

	mcs_template_parse(t, a);
	mcs_nl_port_settings_set(port, a);
	mcs_template_add_groups(t, a, port);
}

/*
 * t was added and port matches it: its settings, but those a more
 * specific template of port also gives (that one had the last word).
 * What was set by hand since stays, unless t sets it.
 */
static void mcs_template_apply_new(const struct mcs_port_template *t,
				   struct mcs_port *port)
{
	struct nlattr *a[MCSNOOP_A_PORT_MAX + 1], *b[MCSNOOP_A_PORT_MAX + 1];
	const struct mcs_port_template *later = t;
	int i;

	mcs_template_parse(t, a);
	list_for_each_entry_continue(later, &port->mb->templates, list) {
		if (!mcs_template_match(later->pattern, port->dev->name))
			continue;
		mcs_template_parse(later, b);
		for (i = 0; i < MCS_PORT_SETTINGS; i++)
			if (b[mcs_port_setting_attrs[i]])
				a[mcs_port_setting_attrs[i]] = NULL;
	}
	mcs_nl_port_settings_set(port, a);
	mcs_template_add_groups(t, a, port);
}

void mcs_templates_apply(struct mcs_port *port)
{
	struct mcs_port_template *t;

	ASSERT_RTNL();
	list_for_each_entry(t, &port->mb->templates, list)
		if (mcs_template_match(t->pattern, port->dev->name))
			mcs_template_apply(t, port);
}

/* What a template keeps: the port settings, then its static groups. */
static int mcs_template_attr(int i)
{
	return i < MCS_PORT_SETTINGS ? mcs_port_setting_attrs[i] :
				       MCSNOOP_A_PORT_GROUPS;
}

int mcs_template_add(struct mcs_bridge *mb, const char *pattern,
		     struct nlattr **a)
{
	struct mcs_port_template *t, *pos;
	struct mcs_port *port;
	int i, len = 0;
	u8 *p;

	ASSERT_RTNL();
	if (mcs_template_find(mb, pattern))
		return -EEXIST;
	if (mb->template_count >= MCS_TEMPLATES_MAX)
		return -ENOSPC;
	for (i = 0; i <= MCS_PORT_SETTINGS; i++)
		if (a[mcs_template_attr(i)])
			len += nla_total_size(nla_len(a[mcs_template_attr(i)]));
	t = kzalloc(struct_size(t, settings, len), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	mcs_object_new(MCS_OBJ_TEMPLATE);
	strscpy(t->pattern, pattern, sizeof(t->pattern));
	t->literals = mcs_template_literals(pattern);
	t->len = len;
	p = t->settings;
	for (i = 0; i <= MCS_PORT_SETTINGS; i++) {
		const struct nlattr *attr = a[mcs_template_attr(i)];

		if (!attr)
			continue;
		/* Header and value; the padding stays zero. */
		memcpy(p, attr, nla_attr_size(nla_len(attr)));
		p += nla_total_size(nla_len(attr));
	}
	/* After the last one as specific: ties apply in the order added. */
	list_for_each_entry(pos, &mb->templates, list)
		if (pos->literals > t->literals)
			break;
	list_add_tail(&t->list, &pos->list);
	mb->template_count++;
	/* The ports it serves get it now, in its place among the others. */
	list_for_each_entry(port, &mb->port_list, list)
		if (mcs_template_match(pattern, port->dev->name))
			mcs_template_apply_new(t, port);
	return 0;
}

void mcs_template_del(struct mcs_bridge *mb, struct mcs_port_template *t)
{
	ASSERT_RTNL();
	list_del(&t->list);
	mb->template_count--;
	kfree(t);
	mcs_object_gone(MCS_OBJ_TEMPLATE);
}

void mcs_templates_free(struct mcs_bridge *mb)
{
	struct mcs_port_template *t, *tmp;

	list_for_each_entry_safe(t, tmp, &mb->templates, list) {
		kfree(t);
		mcs_object_gone(MCS_OBJ_TEMPLATE);
	}
	INIT_LIST_HEAD(&mb->templates);
	mb->template_count = 0;
}

int mcs_template_put_settings(struct sk_buff *skb,
			      const struct mcs_port_template *t)
{
	const struct nlattr *attr;
	int rem;

	nla_for_each_attr(attr, (const struct nlattr *)t->settings, t->len, rem)
		if (nla_put(skb, nla_type(attr), nla_len(attr), nla_data(attr)))
			return -EMSGSIZE;
	return 0;
}
