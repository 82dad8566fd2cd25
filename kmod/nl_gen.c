// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/mcsnoop.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "nl_gen.h"

#include <uapi/linux/mcsnoop.h>

/* Common nested types */
const struct nla_policy mcsnoop_profile_rule_nl_policy[MCSNOOP_A_PROFILE_RULE_ACTION + 1] = {
	[MCSNOOP_A_PROFILE_RULE_ENTRY] = NLA_POLICY_NESTED(mcsnoop_profile_rule_nl_policy),
	[MCSNOOP_A_PROFILE_RULE_GROUP_MIN] = { .type = NLA_BINARY, },
	[MCSNOOP_A_PROFILE_RULE_GROUP_MAX] = { .type = NLA_BINARY, },
	[MCSNOOP_A_PROFILE_RULE_SOURCE_MIN] = { .type = NLA_BINARY, },
	[MCSNOOP_A_PROFILE_RULE_SOURCE_MAX] = { .type = NLA_BINARY, },
	[MCSNOOP_A_PROFILE_RULE_ACTION] = NLA_POLICY_MAX(NLA_U8, 1),
};

const struct nla_policy mcsnoop_static_group_nl_policy[MCSNOOP_A_STATIC_GROUP_SOURCE + 1] = {
	[MCSNOOP_A_STATIC_GROUP_ENTRY] = NLA_POLICY_NESTED(mcsnoop_static_group_nl_policy),
	[MCSNOOP_A_STATIC_GROUP_ADDR] = { .type = NLA_BINARY, },
	[MCSNOOP_A_STATIC_GROUP_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_STATIC_GROUP_SOURCE] = { .type = NLA_BINARY, },
};

/* MCSNOOP_CMD_BRIDGE_GET - do */
const struct nla_policy mcsnoop_bridge_get_nl_policy[MCSNOOP_A_BRIDGE_IFNAME + 1] = {
	[MCSNOOP_A_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_BRIDGE_ENABLE - do */
const struct nla_policy mcsnoop_bridge_enable_nl_policy[MCSNOOP_A_BRIDGE_HOST_ROUTER + 1] = {
	[MCSNOOP_A_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_BRIDGE_SAVED_MCAST_SNOOPING] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_SNOOPING] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_MAX_GROUPS] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_QUERY_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_ROBUSTNESS] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_QUERIER] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_BRIDGE_QUERIER_ADDR4] = NLA_POLICY_EXACT_LEN(4),
	[MCSNOOP_A_BRIDGE_QUERIER_ADDR6] = NLA_POLICY_EXACT_LEN(16),
	[MCSNOOP_A_BRIDGE_PROXY_QUERY] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_IGMP_VERSION] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_MLD_VERSION] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_HOST_ROUTER] = NLA_POLICY_MAX(NLA_U8, 2),
};

/* MCSNOOP_CMD_BRIDGE_DISABLE - do */
const struct nla_policy mcsnoop_bridge_disable_nl_policy[MCSNOOP_A_BRIDGE_IFNAME + 1] = {
	[MCSNOOP_A_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_BRIDGE_SET - do */
const struct nla_policy mcsnoop_bridge_set_nl_policy[MCSNOOP_A_BRIDGE_HOST_ROUTER + 1] = {
	[MCSNOOP_A_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_BRIDGE_SNOOPING] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_FLOOD_AMBIGUOUS] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_BRIDGE_MAX_GROUPS] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_QUERY_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_ROBUSTNESS] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_ROUTER_TIMEOUT] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_QUERIER] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_BRIDGE_QUERIER_ADDR4] = NLA_POLICY_EXACT_LEN(4),
	[MCSNOOP_A_BRIDGE_QUERIER_ADDR6] = NLA_POLICY_EXACT_LEN(16),
	[MCSNOOP_A_BRIDGE_PROXY_QUERY] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_IGMP_VERSION] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_MLD_VERSION] = { .type = NLA_U8, },
	[MCSNOOP_A_BRIDGE_HOST_ROUTER] = NLA_POLICY_MAX(NLA_U8, 2),
};

/* MCSNOOP_CMD_PORT_GET - do */
const struct nla_policy mcsnoop_port_get_nl_policy[MCSNOOP_A_PORT_BRIDGE_IFNAME + 1] = {
	[MCSNOOP_A_PORT_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_PORT_SET - do */
const struct nla_policy mcsnoop_port_set_nl_policy[MCSNOOP_A_PORT_PROFILE + 1] = {
	[MCSNOOP_A_PORT_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_ROUTER] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_PORT_FLOOD_UNKNOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PORT_FLOOD_REPORTS] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PORT_FAST_LEAVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PORT_MAX_GROUPS] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_MAX_HOSTS] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_VID] = NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[MCSNOOP_A_PORT_LIMIT_ACTION] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_PORT_PROFILE] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_VLAN_GET - do */
const struct nla_policy mcsnoop_vlan_get_nl_policy[MCSNOOP_A_VLAN_VID + 1] = {
	[MCSNOOP_A_VLAN_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_VLAN_VID] = { .type = NLA_U16, },
};

/* MCSNOOP_CMD_VLAN_SET - do */
const struct nla_policy mcsnoop_vlan_set_nl_policy[MCSNOOP_A_VLAN_PROFILE + 1] = {
	[MCSNOOP_A_VLAN_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_VLAN_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_VLAN_SNOOPING] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_VLAN_QUERIER] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_VLAN_QUERIER_ADDR4] = NLA_POLICY_EXACT_LEN(4),
	[MCSNOOP_A_VLAN_QUERIER_ADDR6] = NLA_POLICY_EXACT_LEN(16),
	[MCSNOOP_A_VLAN_PROXY_QUERY] = { .type = NLA_U8, },
	[MCSNOOP_A_VLAN_QUERY_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_QUERY_RESPONSE_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_ROBUSTNESS] = { .type = NLA_U8, },
	[MCSNOOP_A_VLAN_LAST_MEMBER_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_LAST_MEMBER_COUNT] = { .type = NLA_U8, },
	[MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_STARTUP_QUERY_INTERVAL] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_STARTUP_QUERY_COUNT] = { .type = NLA_U8, },
	[MCSNOOP_A_VLAN_IGMP_VERSION] = { .type = NLA_U8, },
	[MCSNOOP_A_VLAN_MLD_VERSION] = { .type = NLA_U8, },
	[MCSNOOP_A_VLAN_INHERIT] = NLA_POLICY_MASK(NLA_U32, 0x7fff),
	[MCSNOOP_A_VLAN_FLOOD_UNKNOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_VLAN_MAX_GROUPS] = { .type = NLA_U32, },
	[MCSNOOP_A_VLAN_PROFILE] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_GROUP_GET - do */
const struct nla_policy mcsnoop_group_get_nl_policy[MCSNOOP_A_GROUP_ADDR + 1] = {
	[MCSNOOP_A_GROUP_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_GROUP_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_GROUP_ADDR] = { .type = NLA_BINARY, },
};

/* MCSNOOP_CMD_GROUP_ADD - do */
const struct nla_policy mcsnoop_group_add_nl_policy[MCSNOOP_A_GROUP_PORT_IFNAME + 1] = {
	[MCSNOOP_A_GROUP_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_GROUP_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_GROUP_ADDR] = { .type = NLA_BINARY, },
	[MCSNOOP_A_GROUP_SOURCE] = { .type = NLA_BINARY, },
	[MCSNOOP_A_GROUP_PORT_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_GROUP_DEL - do */
const struct nla_policy mcsnoop_group_del_nl_policy[MCSNOOP_A_GROUP_PORT_IFNAME + 1] = {
	[MCSNOOP_A_GROUP_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_GROUP_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_GROUP_ADDR] = { .type = NLA_BINARY, },
	[MCSNOOP_A_GROUP_SOURCE] = { .type = NLA_BINARY, },
	[MCSNOOP_A_GROUP_PORT_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_GROUP_FLUSH - do */
const struct nla_policy mcsnoop_group_flush_nl_policy[MCSNOOP_A_GROUP_PORT_IFNAME + 1] = {
	[MCSNOOP_A_GROUP_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_GROUP_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_GROUP_PORT_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_GROUP_PORT_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_QUERIER_GET - do */
const struct nla_policy mcsnoop_querier_get_nl_policy[MCSNOOP_A_QUERIER_FAMILY + 1] = {
	[MCSNOOP_A_QUERIER_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_QUERIER_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_QUERIER_VID] = { .type = NLA_U16, },
	[MCSNOOP_A_QUERIER_FAMILY] = { .type = NLA_U8, },
};

/* MCSNOOP_CMD_PORT_TEMPLATE_GET - do */
const struct nla_policy mcsnoop_port_template_get_nl_policy[MCSNOOP_A_PORT_TEMPLATE + 1] = {
	[MCSNOOP_A_PORT_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_TEMPLATE] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_PORT_TEMPLATE_ADD - do */
const struct nla_policy mcsnoop_port_template_add_nl_policy[MCSNOOP_A_PORT_PROFILE + 1] = {
	[MCSNOOP_A_PORT_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_TEMPLATE] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_ROUTER] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_PORT_FLOOD_UNKNOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PORT_FLOOD_REPORTS] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PORT_FAST_LEAVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PORT_MAX_GROUPS] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_MAX_HOSTS] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_LIMIT_ACTION] = NLA_POLICY_MAX(NLA_U8, 2),
	[MCSNOOP_A_PORT_PROFILE] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_GROUPS] = NLA_POLICY_NESTED(mcsnoop_static_group_nl_policy),
};

/* MCSNOOP_CMD_PORT_TEMPLATE_DEL - do */
const struct nla_policy mcsnoop_port_template_del_nl_policy[MCSNOOP_A_PORT_TEMPLATE + 1] = {
	[MCSNOOP_A_PORT_BRIDGE_IFINDEX] = { .type = NLA_U32, },
	[MCSNOOP_A_PORT_BRIDGE_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PORT_TEMPLATE] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_PROFILE_GET - do */
const struct nla_policy mcsnoop_profile_get_nl_policy[MCSNOOP_A_PROFILE_NAME + 1] = {
	[MCSNOOP_A_PROFILE_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MCSNOOP_CMD_PROFILE_ADD - do */
const struct nla_policy mcsnoop_profile_add_nl_policy[MCSNOOP_A_PROFILE_RULES + 1] = {
	[MCSNOOP_A_PROFILE_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MCSNOOP_A_PROFILE_DEFAULT] = NLA_POLICY_MAX(NLA_U8, 1),
	[MCSNOOP_A_PROFILE_RULES] = NLA_POLICY_NESTED(mcsnoop_profile_rule_nl_policy),
};

/* MCSNOOP_CMD_PROFILE_DEL - do */
const struct nla_policy mcsnoop_profile_del_nl_policy[MCSNOOP_A_PROFILE_NAME + 1] = {
	[MCSNOOP_A_PROFILE_NAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* Ops table for mcsnoop */
const struct genl_ops mcsnoop_nl_ops[19] = {
	{
		.cmd		= MCSNOOP_CMD_BRIDGE_GET,
		.doit		= mcsnoop_nl_bridge_get_doit,
		.dumpit		= mcsnoop_nl_bridge_get_dumpit,
		.policy		= mcsnoop_bridge_get_nl_policy,
		.maxattr	= MCSNOOP_A_BRIDGE_IFNAME,
	},
	{
		.cmd		= MCSNOOP_CMD_BRIDGE_ENABLE,
		.doit		= mcsnoop_nl_bridge_enable_doit,
		.policy		= mcsnoop_bridge_enable_nl_policy,
		.maxattr	= MCSNOOP_A_BRIDGE_HOST_ROUTER,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_BRIDGE_DISABLE,
		.doit		= mcsnoop_nl_bridge_disable_doit,
		.policy		= mcsnoop_bridge_disable_nl_policy,
		.maxattr	= MCSNOOP_A_BRIDGE_IFNAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_BRIDGE_SET,
		.doit		= mcsnoop_nl_bridge_set_doit,
		.policy		= mcsnoop_bridge_set_nl_policy,
		.maxattr	= MCSNOOP_A_BRIDGE_HOST_ROUTER,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_PORT_GET,
		.doit		= mcsnoop_nl_port_get_doit,
		.dumpit		= mcsnoop_nl_port_get_dumpit,
		.policy		= mcsnoop_port_get_nl_policy,
		.maxattr	= MCSNOOP_A_PORT_BRIDGE_IFNAME,
	},
	{
		.cmd		= MCSNOOP_CMD_PORT_SET,
		.doit		= mcsnoop_nl_port_set_doit,
		.policy		= mcsnoop_port_set_nl_policy,
		.maxattr	= MCSNOOP_A_PORT_PROFILE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_VLAN_GET,
		.doit		= mcsnoop_nl_vlan_get_doit,
		.dumpit		= mcsnoop_nl_vlan_get_dumpit,
		.policy		= mcsnoop_vlan_get_nl_policy,
		.maxattr	= MCSNOOP_A_VLAN_VID,
	},
	{
		.cmd		= MCSNOOP_CMD_VLAN_SET,
		.doit		= mcsnoop_nl_vlan_set_doit,
		.policy		= mcsnoop_vlan_set_nl_policy,
		.maxattr	= MCSNOOP_A_VLAN_PROFILE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_GROUP_GET,
		.doit		= mcsnoop_nl_group_get_doit,
		.dumpit		= mcsnoop_nl_group_get_dumpit,
		.policy		= mcsnoop_group_get_nl_policy,
		.maxattr	= MCSNOOP_A_GROUP_ADDR,
	},
	{
		.cmd		= MCSNOOP_CMD_GROUP_ADD,
		.doit		= mcsnoop_nl_group_add_doit,
		.policy		= mcsnoop_group_add_nl_policy,
		.maxattr	= MCSNOOP_A_GROUP_PORT_IFNAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_GROUP_DEL,
		.doit		= mcsnoop_nl_group_del_doit,
		.policy		= mcsnoop_group_del_nl_policy,
		.maxattr	= MCSNOOP_A_GROUP_PORT_IFNAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_GROUP_FLUSH,
		.doit		= mcsnoop_nl_group_flush_doit,
		.policy		= mcsnoop_group_flush_nl_policy,
		.maxattr	= MCSNOOP_A_GROUP_PORT_IFNAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_QUERIER_GET,
		.doit		= mcsnoop_nl_querier_get_doit,
		.dumpit		= mcsnoop_nl_querier_get_dumpit,
		.policy		= mcsnoop_querier_get_nl_policy,
		.maxattr	= MCSNOOP_A_QUERIER_FAMILY,
	},
	{
		.cmd		= MCSNOOP_CMD_PORT_TEMPLATE_GET,
		.doit		= mcsnoop_nl_port_template_get_doit,
		.dumpit		= mcsnoop_nl_port_template_get_dumpit,
		.policy		= mcsnoop_port_template_get_nl_policy,
		.maxattr	= MCSNOOP_A_PORT_TEMPLATE,
	},
	{
		.cmd		= MCSNOOP_CMD_PORT_TEMPLATE_ADD,
		.doit		= mcsnoop_nl_port_template_add_doit,
		.policy		= mcsnoop_port_template_add_nl_policy,
		.maxattr	= MCSNOOP_A_PORT_PROFILE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_PORT_TEMPLATE_DEL,
		.doit		= mcsnoop_nl_port_template_del_doit,
		.policy		= mcsnoop_port_template_del_nl_policy,
		.maxattr	= MCSNOOP_A_PORT_TEMPLATE,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_PROFILE_GET,
		.doit		= mcsnoop_nl_profile_get_doit,
		.dumpit		= mcsnoop_nl_profile_get_dumpit,
		.policy		= mcsnoop_profile_get_nl_policy,
		.maxattr	= MCSNOOP_A_PROFILE_NAME,
	},
	{
		.cmd		= MCSNOOP_CMD_PROFILE_ADD,
		.doit		= mcsnoop_nl_profile_add_doit,
		.policy		= mcsnoop_profile_add_nl_policy,
		.maxattr	= MCSNOOP_A_PROFILE_RULES,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= MCSNOOP_CMD_PROFILE_DEL,
		.doit		= mcsnoop_nl_profile_del_doit,
		.policy		= mcsnoop_profile_del_nl_policy,
		.maxattr	= MCSNOOP_A_PROFILE_NAME,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
};

static const struct genl_multicast_group mcsnoop_nl_mcgrps[] = {
	[MCSNOOP_NLGRP_EVENTS] = { "events", },
};
