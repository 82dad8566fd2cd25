// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl monitor: join the family's "events" multicast group and
 * print one line (or one JSON object) per event until interrupted.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "words.h"
#include "parse_args.h"

#ifndef SO_RCVBUFFORCE
#define SO_RCVBUFFORCE 33
#endif

/* Room for a burst of events (1000, about 1 KiB each in the kernel). */
#define MONITOR_RCVBUF (4 * 1024 * 1024)

/* Text words; JSON has them with "_" for "-" and " ". */
static const char *const type_words[] = {
	[MCSNOOP_EVENT_MEMBER_ADD] = "member add",
	[MCSNOOP_EVENT_MEMBER_DEL] = "member del",
	[MCSNOOP_EVENT_ROUTER_ADD] = "router add",
	[MCSNOOP_EVENT_ROUTER_DEL] = "router del",
	[MCSNOOP_EVENT_QUERIER_ELECTED] = "querier elected",
	[MCSNOOP_EVENT_QUERIER_LOST] = "querier lost",
	[MCSNOOP_EVENT_QUERIER_TAKEOVER] = "querier takeover",
	[MCSNOOP_EVENT_TABLE_FULL] = "table-full",
	[MCSNOOP_EVENT_FALLBACK_ADD] = "fallback add",
	[MCSNOOP_EVENT_FALLBACK_DEL] = "fallback del",
	[MCSNOOP_EVENT_QUERIER_BOGUS] = "querier bogus",
	[MCSNOOP_EVENT_QUERIER_PROXY_ONLY] = "querier proxy-only",
	[MCSNOOP_EVENT_MAC_ALIAS] = "mac-alias",
	[MCSNOOP_EVENT_MEMBER_DENIED] = "member denied",
};

static const char *const reason_words[] = {
	[MCSNOOP_EVENT_REASON_REPORT] = "report",
	[MCSNOOP_EVENT_REASON_STATIC] = "static",
	[MCSNOOP_EVENT_REASON_LEAVE] = "leave",
	[MCSNOOP_EVENT_REASON_FAST_LEAVE] = "fast-leave",
	[MCSNOOP_EVENT_REASON_TIMEOUT] = "timeout",
	[MCSNOOP_EVENT_REASON_PORT_DOWN] = "port-down",
	[MCSNOOP_EVENT_REASON_FLUSH] = "flush",
	[MCSNOOP_EVENT_REASON_LIMIT] = "limit",
	[MCSNOOP_EVENT_REASON_QUERY] = "query",
	[MCSNOOP_EVENT_REASON_MRD] = "mrd",
	[MCSNOOP_EVENT_REASON_PIM] = "pim",
	[MCSNOOP_EVENT_REASON_ELECTION] = "election",
	[MCSNOOP_EVENT_REASON_STARTUP] = "startup",
	[MCSNOOP_EVENT_REASON_BRIDGE_LIMIT] = "bridge-limit",
	[MCSNOOP_EVENT_REASON_PORT_LIMIT] = "port-limit",
	[MCSNOOP_EVENT_REASON_SWITCHDEV] = "switchdev",
	[MCSNOOP_EVENT_REASON_VLAN_TUNNEL] = "vlan-tunnel",
	[MCSNOOP_EVENT_REASON_NEIGH_SUPPRESS] = "neigh-suppress",
	[MCSNOOP_EVENT_REASON_PROXYARP_WIFI] = "proxyarp-wifi",
	[MCSNOOP_EVENT_REASON_MCAST_FLOOD] = "mcast-flood",
	[MCSNOOP_EVENT_REASON_BRIDGE_SNOOPING] = "bridge-snooping",
	[MCSNOOP_EVENT_REASON_VLAN_LIMIT] = "vlan-limit",
	[MCSNOOP_EVENT_REASON_MAC_ALIAS_LIMIT] = "mac-alias-limit",
	[MCSNOOP_EVENT_REASON_FILTER] = "filter",
	[MCSNOOP_EVENT_REASON_PORT_VLAN_LIMIT] = "port-vlan-limit",
};

static volatile sig_atomic_t monitor_stop;

void mcs_monitor_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl [-j] [-n NETNS] monitor [ bridge BRIDGE ]\n"
		"\n"
		"Print the events of the namespace's bridges (or of BRIDGE), one\n"
		"line each, until interrupted: memberships, router ports, the\n"
		"querier election, refused memberships (table-full), ports (or\n"
		"bridges) left to the bridge's own flooding (fallback), groups that\n"
		"share a MAC address (mac-alias), groups (or sources) a filtering\n"
		"profile denied (member denied).\n");
}

/* A word from a table, or "unknown-N"; JSON wants "_" for "-" and " ". */
static const char *event_word(const char *const *words, size_t n,
			      unsigned int v, bool json, char *buf,
			      size_t size)
{
	word_or_number(words, n, v, buf, size);
	return json ? word_subst(buf, "- ", '_') : buf;
}

const char *mcs_event_reason_word(unsigned int reason, bool json, char *buf,
				  size_t size)
{
	return event_word(reason_words, N_WORDS(reason_words), reason, json,
			  buf, size);
}

static void print_event_addr(const char *key, const char *fmt,
			     const struct nlattr *attr)
{
	char buf[64];

	if (attr && mcs_format_addr(mnl_attr_get_payload(attr),
				    mnl_attr_get_payload_len(attr), buf,
				    sizeof(buf)))
		print_str(PRINT_ANY, key, fmt, buf);
}

static void print_event_str(const char *key, const char *fmt,
			    const struct nlattr *attr)
{
	const char *s = nl_str(attr);

	if (s)
		print_str(PRINT_ANY, key, fmt, s);
}

void mcs_monitor_print(const struct nlmsghdr *nlh, uint32_t bridge,
		       FILE *file, bool json)
{
	const struct nlattr *tb[MCSNOOP_A_EVENT_MAX + 1];
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	char macbuf[MAC_STR_LEN];
	bool querier;
	unsigned int type;
	char word[32];
	uint8_t family;

	if (genl->cmd != MCSNOOP_CMD_EVENT)
		return;
	nl_attrs(nlh, sizeof(*genl), tb, MCSNOOP_A_EVENT_MAX);
	if (bridge && nl_u32(tb[MCSNOOP_A_EVENT_BRIDGE_IFINDEX]) != bridge)
		return;
	type = nl_u8(tb[MCSNOOP_A_EVENT_TYPE]);
	querier = type == MCSNOOP_EVENT_QUERIER_ELECTED ||
		  type == MCSNOOP_EVENT_QUERIER_LOST ||
		  type == MCSNOOP_EVENT_QUERIER_TAKEOVER ||
		  type == MCSNOOP_EVENT_QUERIER_BOGUS ||
		  type == MCSNOOP_EVENT_QUERIER_PROXY_ONLY;
	out_init_file(file, json, false);
	out_open_object(NULL);
	print_str(PRINT_ANY, "event", "%s",
		  event_word(type_words, N_WORDS(type_words), type, json, word,
			     sizeof(word)));
	print_event_str("bridge", " %s", tb[MCSNOOP_A_EVENT_BRIDGE_IFNAME]);
	if (!querier)
		print_event_str("port", " port %s",
				tb[MCSNOOP_A_EVENT_PORT_IFNAME]);
	/* VID 0 (no VLAN filtering): in JSON only. */
	if (tb[MCSNOOP_A_EVENT_VID])
		print_u64(nl_u16(tb[MCSNOOP_A_EVENT_VID]) ? PRINT_ANY : PRINT_JSON,
			  "vid", " vid %llu", nl_u16(tb[MCSNOOP_A_EVENT_VID]));
	family = nl_u8(tb[MCSNOOP_A_EVENT_FAMILY]);
	if (family == AF_INET || family == AF_INET6)
		print_str(PRINT_ANY, "family", " family %s",
			  mcs_family_word(family));
	print_event_addr("group", " group %s", tb[MCSNOOP_A_EVENT_GROUP]);
	/* member denied: the first source denied, if a source was. */
	if (type == MCSNOOP_EVENT_MEMBER_DENIED)
		print_event_addr("source", " source %s",
				 tb[MCSNOOP_A_EVENT_ADDR]);
	else
		print_event_addr("address", " address %s",
				 tb[MCSNOOP_A_EVENT_ADDR]);
	if (querier)
		print_event_str("port", " port %s",
				tb[MCSNOOP_A_EVENT_PORT_IFNAME]);
	if (mac_str(tb[MCSNOOP_A_EVENT_MAC], macbuf))
		print_str(PRINT_ANY, "mac", " mac %s", macbuf);
	print_event_addr("old_address", " old-address %s",
			 tb[MCSNOOP_A_EVENT_OLD_ADDR]);
	if (nl_u8(tb[MCSNOOP_A_EVENT_REASON]))
		print_str(PRINT_ANY, "reason", " reason %s",
			  mcs_event_reason_word(nl_u8(tb[MCSNOOP_A_EVENT_REASON]),
						json, word, sizeof(word)));
	out_close_object();
	print_nl();
	out_finish();
}

/* Print one event message; the JSON writer starts afresh each line. */
int mcs_monitor_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const uint32_t *bridge = data;

	mcs_monitor_print(nlh, bridge ? *bridge : 0, stdout, out_is_json());
	return MNL_CB_OK;
}

static void monitor_signal(int sig)
{
	(void)sig;
	monitor_stop = 1;
}

struct mcgrp_ctx {
	const char *name;
	uint32_t id;
};

static int mcgrp_attr(const struct nlattr *attr, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];
	struct mcgrp_ctx *ctx = data;
	const char *name;

	nl_nested(attr, tb, CTRL_ATTR_MCAST_GRP_MAX);
	name = nl_str(tb[CTRL_ATTR_MCAST_GRP_NAME]);
	if (name && !strcmp(name, ctx->name))
		ctx->id = nl_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	return MNL_CB_OK;
}

static int mcgrp_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];

	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, CTRL_ATTR_MAX);
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		mnl_attr_parse_nested(tb[CTRL_ATTR_MCAST_GROUPS], mcgrp_attr,
				      data);
	return MNL_CB_OK;
}

/* The id of the family's multicast group name, from the controller. */
static int mcgrp_id(struct nl_sock *nl, const char *name, uint32_t *id)
{
	struct mcgrp_ctx ctx = { .name = name };
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;
	struct nl_error err;

	nlh = nl_msg(nl, GENL_ID_CTRL, 0);
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = CTRL_CMD_GETFAMILY;
	genl->version = 1;
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, nl->genl_family);
	if (nl_talk(nl, nlh, mcgrp_cb, &ctx, &err) < 0) {
		nl_perror(&err, "cannot look up the events group");
		return -1;
	}
	if (!ctx.id) {
		fprintf(stderr,
			"Error: the mcsnoop module has no \"%s\" group (too old)\n",
			name);
		return -1;
	}
	*id = ctx.id;
	return 0;
}

static int monitor_run(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = monitor_signal };
	char buf[MNL_SOCKET_BUFFER_SIZE * 4];
	uint32_t bridge = 0, group;
	int ret, rcvbuf = MONITOR_RCVBUF, fd;
	struct nl_sock *nl;
	ssize_t len;

	if (argc >= 1 && mcs_matches(argv[0], "bridge")) {
		if (argc < 2)
			return mcs_usage_error(mcs_monitor_usage,
					       "missing BRIDGE after \"bridge\"");
		if (mcs_ifindex(argv[1], &bridge) < 0)
			return 1;
		argc -= 2;
		argv += 2;
	}
	if (argc > 0)
		return mcs_usage_error(mcs_monitor_usage,
				       "unexpected argument \"%s\"", argv[0]);
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	if (mcgrp_id(nl, MCSNOOP_MCGRP_EVENTS, &group) < 0)
		return 1;
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0) {
		fprintf(stderr, "Error: cannot join the events group: %s\n",
			strerror(errno));
		return 1;
	}
	/* Beyond rmem_max where allowed (CAP_NET_ADMIN), else up to it. */
	fd = mnl_socket_get_fd(nl->sock);
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	/* No SA_RESTART: the signal ends the wait in recvfrom. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	while (!monitor_stop) {
		len = mnl_socket_recvfrom(nl->sock, buf, sizeof(buf));
		if (len < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				fprintf(stderr,
					"Warning: events were lost (the socket's buffer overflowed)\n");
				continue;
			}
			fprintf(stderr, "Error: cannot read events: %s\n",
				strerror(errno));
			return 1;
		}
		ret = mnl_cb_run(buf, len, 0, 0, mcs_monitor_print_cb,
				 &bridge);
		if (ret < 0 && errno != ESRCH) {
			fprintf(stderr, "Error: bad event message: %s\n",
				strerror(errno));
			return 1;
		}
	}
	return 0;
}

int mcs_monitor_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	if (argc >= 1 && (mcs_matches(argv[0], "help") ||
			  !strcmp(argv[0], "-h"))) {
		mcs_monitor_usage();
		return 0;
	}
	return monitor_run(ctx, argc, argv);
}
