/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_TEMPLATE_H
#define _MCS_TEMPLATE_H

#include <linux/if.h>
#include <linux/list.h>
#include <net/netlink.h>

#include "bridge.h"
#include "port.h"

#define MCS_TEMPLATES_MAX 64
#define MCS_TEMPLATE_GROUPS_MAX 32

/* A static membership of a template (groups entry). */
struct mcs_template_group {
	struct in6_addr addr;
	struct in6_addr src;
	u16 vid;
	bool has_src;
	bool ipv6;
};

/*
 * nl_template.c: a groups entry as g; -EINVAL after a message
 * naming the attribute.
 */
int mcs_nl_template_group(const struct nlattr *entry,
			  struct mcs_template_group *g,
			  struct netlink_ext_ack *extack);

/*
 * Port settings by interface name, for ports that come and go (a VM's tap
 * device is re-created at every start): the port-set attributes given,
 * and the static groups, kept as they came. In mb->templates (RTNL),
 * least specific first.
 */
struct mcs_port_template {
	struct list_head list;
	char pattern[IFNAMSIZ];
	/* Characters other than * and ?: the more, the later it applies. */
	unsigned int literals;
	int len;			/* of settings */
	u8 settings[];			/* netlink attributes */
};

/* Whether name matches pattern: * any run of characters, ? one. */
bool mcs_template_match(const char *pattern, const char *name);

struct mcs_port_template *mcs_template_find(struct mcs_bridge *mb,
					    const char *pattern);
/*
 * Add a template of the port settings and static groups in a (validated)
 * and apply it to the ports present that it matches. -EEXIST, -ENOSPC
 * (too many), -ENOMEM.
 */
int mcs_template_add(struct mcs_bridge *mb, const char *pattern,
		     struct nlattr **a);
void mcs_template_del(struct mcs_bridge *mb, struct mcs_port_template *t);
/* Every template that matches port, the least specific first (RTNL). */
void mcs_templates_apply(struct mcs_port *port);
/* The bridge goes (RTNL, or nobody can reach it any more). */
void mcs_templates_free(struct mcs_bridge *mb);

/* The template's settings as attributes of skb. */
int mcs_template_put_settings(struct sk_buff *skb,
			      const struct mcs_port_template *t);

#endif /* _MCS_TEMPLATE_H */
