// SPDX-License-Identifier: GPL-2.0
/*
 * Why memberships ended: the last removals a port (and a bridge's own
 * host) keeps, for port show -s and group show -s. A timeout says
 * whether a querier was heard: "multicast stops after a few minutes" on
 * a LAN without one reads "no query heard for 260 s, no querier".
 */
#include <string.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "nl.h"
#include "output.h"
#include "removals.h"
#include "words.h"

static bool removal_matches(const struct nlattr *const *tb,
			    const struct mcs_removal_filter *f)
{
	const struct nlattr *g = tb[MCSNOOP_A_REMOVAL_GROUP];

	if (!f)
		return true;
	if (f->has_vid && nl_u16(tb[MCSNOOP_A_REMOVAL_VID]) != f->vid)
		return false;
	return !f->group ||
	       (g && mnl_attr_get_payload_len(g) == f->group->len &&
		!memcmp(mnl_attr_get_payload(g), f->group->bytes,
			f->group->len));
}

/* Text: ": timeout, no query heard for 260 s, no querier on this LAN". */
static void removal_print_why(const struct nlattr *const *tb, uint8_t reason,
			      bool querier)
{
	const struct nlattr *last = tb[MCSNOOP_A_REMOVAL_LAST_QUERY];
	char word[32], secs[16];

	print_text(": ");
	print_text(mcs_event_reason_word(reason, false, word, sizeof(word)));
	if (reason != MCSNOOP_EVENT_REASON_TIMEOUT)
		return;
	if (querier) {
		print_text(", last query ");
		print_text(format_secs(secs, sizeof(secs), nl_u32(last)));
		print_text(" s before: the host went silent");
	} else if (last) {
		print_text(", no query heard for ");
		print_text(format_secs(secs, sizeof(secs), nl_u32(last)));
		print_text(" s, no querier on this LAN");
	} else {
		print_text(", no query heard since enable, no querier on this LAN");
	}
}

static void removal_print(const struct nlattr *entry, const char *bridge,
			  const char *port, const struct mcs_removal_filter *f)
{
	const struct nlattr *tb[MCSNOOP_A_REMOVAL_MAX + 1];
	const struct nlattr *g;
	char group[64], word[32];
	uint8_t reason;
	uint16_t vid;
	bool querier;

	nl_nested(entry, tb, MCSNOOP_A_REMOVAL_MAX);
	if (!removal_matches(tb, f))
		return;
	g = tb[MCSNOOP_A_REMOVAL_GROUP];
	if (!g || !mcs_format_addr(mnl_attr_get_payload(g),
				   mnl_attr_get_payload_len(g), group,
				   sizeof(group)))
		snprintf(group, sizeof(group), "?");
	vid = nl_u16(tb[MCSNOOP_A_REMOVAL_VID]);
	reason = nl_u8(tb[MCSNOOP_A_REMOVAL_REASON]);
	querier = nl_u8(tb[MCSNOOP_A_REMOVAL_QUERIER]);
	out_open_object(NULL);
	if (bridge) {
		print_str(PRINT_JSON, "bridge", NULL, bridge);
		print_u64(PRINT_JSON, "vid", NULL, vid);
		print_str(PRINT_JSON, "group", NULL, group);
		print_str(PRINT_JSON, "port", NULL, port);
		print_on_off(PRINT_JSON, "removed", NULL, true);
	} else {
		print_str(PRINT_JSON, "group", NULL, group);
		print_u64(PRINT_JSON, "vid", NULL, vid);
		print_text("    ");
	}
	print_text("removed ");
	print_text(group);
	if (vid) {
		snprintf(word, sizeof(word), " vid %u", vid);
		print_text(word);
	}
	if (bridge) {
		print_text(" port ");
		print_text(port);
	}
	print_str(PRINT_JSON, "reason", NULL,
		  mcs_event_reason_word(reason, true, word, sizeof(word)));
	print_secs(PRINT_ANY, "age", " %s s ago",
		   nl_u32(tb[MCSNOOP_A_REMOVAL_AGE]));
	print_on_off(PRINT_JSON, "querier", NULL, querier);
	if (tb[MCSNOOP_A_REMOVAL_LAST_QUERY])
		print_secs(PRINT_JSON, "last_query", NULL,
			   nl_u32(tb[MCSNOOP_A_REMOVAL_LAST_QUERY]));
	removal_print_why(tb, reason, querier);
	print_nl();
	out_close_object();
}

void mcs_removals_print(const struct nlattr *nest, const char *bridge,
			const char *port, const struct mcs_removal_filter *f)
{
	const struct nlattr *entry;

	if (!nest)
		return;
	mnl_attr_for_each_nested(entry, nest)
		if (mnl_attr_get_type(entry) == MCSNOOP_A_REMOVAL_ENTRY)
			removal_print(entry, bridge, port, f);
}

static int removals_bridge_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_BRIDGE_MAX + 1];
	char name[IF_NAMESIZE];
	const char *bridge;

	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_BRIDGE_MAX);
	bridge = mcs_ifname(tb[MCSNOOP_A_BRIDGE_IFNAME],
			    tb[MCSNOOP_A_BRIDGE_IFINDEX], name);
	mcs_removals_print(tb[MCSNOOP_A_BRIDGE_REMOVALS], bridge, bridge, data);
	return MNL_CB_OK;
}

static int removals_port_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1];
	char bname[IF_NAMESIZE], pname[IF_NAMESIZE];

	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PORT_MAX);
	mcs_removals_print(tb[MCSNOOP_A_PORT_REMOVALS],
			   mcs_ifname(tb[MCSNOOP_A_PORT_BRIDGE_IFNAME],
				      tb[MCSNOOP_A_PORT_BRIDGE_IFINDEX], bname),
			   mcs_ifname(tb[MCSNOOP_A_PORT_IFNAME],
				      tb[MCSNOOP_A_PORT_IFINDEX], pname),
			   data);
	return MNL_CB_OK;
}

int mcs_removals_show(struct nl_sock *nl, const char *bridge,
		      const struct mcs_removal_filter *f)
{
	struct nl_error err;
	struct nlmsghdr *nlh;

	nlh = mcs_bridge_dump_msg(nl, MCSNOOP_CMD_BRIDGE_GET,
				  MCSNOOP_A_BRIDGE_IFNAME, bridge);
	if (nl_talk(nl, nlh, removals_bridge_cb, (void *)f, &err) < 0)
		goto fail;
	nlh = mcs_bridge_dump_msg(nl, MCSNOOP_CMD_PORT_GET,
				  MCSNOOP_A_PORT_BRIDGE_IFNAME, bridge);
	if (nl_talk(nl, nlh, removals_port_cb, (void *)f, &err) < 0)
		goto fail;
	return 0;
fail:
	nl_perror(&err, NULL);
	return -1;
}
