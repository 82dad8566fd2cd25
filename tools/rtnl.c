// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "rtnl.h"

static int linkinfo_data_attr(const struct nlattr *attr, void *data)
{
	struct rtnl_bridge *br = data;

	if (mnl_attr_get_type(attr) == IFLA_BR_MCAST_SNOOPING &&
	    mnl_attr_validate(attr, MNL_TYPE_U8) == 0)
		br->mcast_snooping = mnl_attr_get_u8(attr);
	return MNL_CB_OK;
}

static int linkinfo_attr(const struct nlattr *attr, void *data)
{
	struct rtnl_bridge *br = data;

	switch (mnl_attr_get_type(attr)) {
	case IFLA_INFO_KIND:
		if (mnl_attr_validate(attr, MNL_TYPE_STRING) == 0)
			br->is_bridge = !strcmp(mnl_attr_get_str(attr),
						"bridge");
		break;
	case IFLA_INFO_DATA:
		mnl_attr_parse_nested(attr, linkinfo_data_attr, br);
		break;
	}
	return MNL_CB_OK;
}

static int link_attr(const struct nlattr *attr, void *data)
{
	if (mnl_attr_get_type(attr) == IFLA_LINKINFO)
		mnl_attr_parse_nested(attr, linkinfo_attr, data);
	return MNL_CB_OK;
}

static int link_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	struct rtnl_bridge *br = data;

	br->ifindex = ifi->ifi_index;
	mnl_attr_parse(nlh, sizeof(*ifi), link_attr, br);
	return MNL_CB_OK;
}

int rtnl_bridge_get(const char *ifname, struct rtnl_bridge *br,
		    struct nl_error *err)
{
	struct ifinfomsg *ifi;
	struct nlmsghdr *nlh;
	struct nl_sock nl;
	int ret;

	memset(br, 0, sizeof(*br));
	memset(err, 0, sizeof(*err));
	if (nl_open(&nl, NETLINK_ROUTE) < 0) {
		err->err = errno;
		return -1;
	}
	nlh = nl_msg(&nl, RTM_GETLINK, 0);
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, ifname);
	ret = nl_talk(&nl, nlh, link_cb, br, err);
	nl_close(&nl);
	return ret;
}

int rtnl_bridge_set_snooping(int ifindex, bool on, struct nl_error *err)
{
	struct nlattr *linkinfo, *data;
	struct ifinfomsg *ifi;
	struct nlmsghdr *nlh;
	struct nl_sock nl;
	int ret;

	memset(err, 0, sizeof(*err));
	if (nl_open(&nl, NETLINK_ROUTE) < 0) {
		err->err = errno;
		return -1;
	}
	nlh = nl_msg(&nl, RTM_NEWLINK, 0);
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = ifindex;
	linkinfo = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "bridge");
	data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	mnl_attr_put_u8(nlh, IFLA_BR_MCAST_SNOOPING, on);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, linkinfo);
	ret = nl_talk(&nl, nlh, NULL, NULL, err);
	nl_close(&nl);
	return ret;
}
