/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/mcsnoop.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_MCSNOOP_GEN_H
#define _LINUX_MCSNOOP_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/mcsnoop.h>

/* Common nested types */
extern const struct nla_policy mcsnoop_profile_rule_nl_policy[MCSNOOP_A_PROFILE_RULE_ACTION + 1];
extern const struct nla_policy mcsnoop_static_group_nl_policy[MCSNOOP_A_STATIC_GROUP_SOURCE + 1];

extern const struct nla_policy mcsnoop_bridge_get_nl_policy[MCSNOOP_A_BRIDGE_IFNAME + 1];

extern const struct nla_policy mcsnoop_bridge_enable_nl_policy[MCSNOOP_A_BRIDGE_HOST_ROUTER + 1];

extern const struct nla_policy mcsnoop_bridge_disable_nl_policy[MCSNOOP_A_BRIDGE_IFNAME + 1];

extern const struct nla_policy mcsnoop_bridge_set_nl_policy[MCSNOOP_A_BRIDGE_HOST_ROUTER + 1];

extern const struct nla_policy mcsnoop_port_get_nl_policy[MCSNOOP_A_PORT_BRIDGE_IFNAME + 1];

extern const struct nla_policy mcsnoop_port_set_nl_policy[MCSNOOP_A_PORT_PROFILE + 1];

extern const struct nla_policy mcsnoop_vlan_get_nl_policy[MCSNOOP_A_VLAN_VID + 1];

extern const struct nla_policy mcsnoop_vlan_set_nl_policy[MCSNOOP_A_VLAN_PROFILE + 1];

extern const struct nla_policy mcsnoop_group_get_nl_policy[MCSNOOP_A_GROUP_ADDR + 1];

extern const struct nla_policy mcsnoop_group_add_nl_policy[MCSNOOP_A_GROUP_PORT_IFNAME + 1];

extern const struct nla_policy mcsnoop_group_del_nl_policy[MCSNOOP_A_GROUP_PORT_IFNAME + 1];

extern const struct nla_policy mcsnoop_group_flush_nl_policy[MCSNOOP_A_GROUP_PORT_IFNAME + 1];

extern const struct nla_policy mcsnoop_querier_get_nl_policy[MCSNOOP_A_QUERIER_FAMILY + 1];

extern const struct nla_policy mcsnoop_port_template_get_nl_policy[MCSNOOP_A_PORT_TEMPLATE + 1];

extern const struct nla_policy mcsnoop_port_template_add_nl_policy[MCSNOOP_A_PORT_PROFILE + 1];

extern const struct nla_policy mcsnoop_port_template_del_nl_policy[MCSNOOP_A_PORT_TEMPLATE + 1];

extern const struct nla_policy mcsnoop_profile_get_nl_policy[MCSNOOP_A_PROFILE_NAME + 1];

extern const struct nla_policy mcsnoop_profile_add_nl_policy[MCSNOOP_A_PROFILE_RULES + 1];

extern const struct nla_policy mcsnoop_profile_del_nl_policy[MCSNOOP_A_PROFILE_NAME + 1];

/* Ops table for mcsnoop */
extern const struct genl_ops mcsnoop_nl_ops[19];

int mcsnoop_nl_bridge_get_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_bridge_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int mcsnoop_nl_bridge_enable_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_bridge_disable_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_bridge_set_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_port_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int mcsnoop_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_vlan_get_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_vlan_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int mcsnoop_nl_vlan_set_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_group_get_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_group_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb);
int mcsnoop_nl_group_add_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_group_del_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_group_flush_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_querier_get_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_querier_get_dumpit(struct sk_buff *skb,
				  struct netlink_callback *cb);
int mcsnoop_nl_port_template_get_doit(struct sk_buff *skb,
				      struct genl_info *info);
int mcsnoop_nl_port_template_get_dumpit(struct sk_buff *skb,
					struct netlink_callback *cb);
int mcsnoop_nl_port_template_add_doit(struct sk_buff *skb,
				      struct genl_info *info);
int mcsnoop_nl_port_template_del_doit(struct sk_buff *skb,
				      struct genl_info *info);
int mcsnoop_nl_profile_get_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_profile_get_dumpit(struct sk_buff *skb,
				  struct netlink_callback *cb);
int mcsnoop_nl_profile_add_doit(struct sk_buff *skb, struct genl_info *info);
int mcsnoop_nl_profile_del_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	MCSNOOP_NLGRP_EVENTS,
};

#endif /* _LINUX_MCSNOOP_GEN_H */
