// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl querier show: the querier of each bridge, VLAN and protocol.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "parse_args.h"
#include "querier.h"
#include "words.h"

void mcs_querier_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl [-j [-p]] querier show [BRIDGE]\n"
		"\n"
		"One line per bridge, VLAN and protocol: our mode and role, the\n"
		"elected querier and where it is, its timers and the query counters.\n"
		"role is querier (we query), proxy (we send proxy queries), other\n"
		"(another querier is present), idle (proxy-query off) or off.\n");
}

const char *const mcs_querier_mode_words[] = {
	[MCSNOOP_QUERIER_OFF] = "off",
	[MCSNOOP_QUERIER_PROXY] = "proxy",
	[MCSNOOP_QUERIER_AUTO] = "auto",
	NULL,
};

/*
 * One row per querier setting, for bridge set, vlan set, bridge show and
 * vlan show: in the order show prints a line of them and vlan show lists
 * a VLAN's own ones.
 */
const struct mcs_qsetting mcs_qsettings[] = {
	{ .name = "querier", .type = MCS_PARAM_WORD,
	  .words = mcs_querier_mode_words, .help = "off, proxy or auto",
	  .bridge = { MCSNOOP_A_BRIDGE_QUERIER },
	  .vlan = { MCSNOOP_A_VLAN_QUERIER },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_QUERIER, .line = 1 },
	{ .name = "querier-address", .type = MCS_PARAM_ADDR,
	  .help = "an IPv4 or IPv6 address, or none",
	  .bridge = { MCSNOOP_A_BRIDGE_QUERIER_ADDR4,
		      MCSNOOP_A_BRIDGE_QUERIER_ADDR6 },
	  .vlan = { MCSNOOP_A_VLAN_QUERIER_ADDR4,
		    MCSNOOP_A_VLAN_QUERIER_ADDR6 },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_QUERIER_ADDR4 |
		       MCSNOOP_VLAN_SETTING_QUERIER_ADDR6, .line = 1 },
	{ .name = "proxy-query", .type = MCS_PARAM_ON_OFF, .help = "on or off",
	  .bridge = { MCSNOOP_A_BRIDGE_PROXY_QUERY },
	  .vlan = { MCSNOOP_A_VLAN_PROXY_QUERY },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_PROXY_QUERY, .line = 1 },
	{ .name = "query-interval", .type = MCS_PARAM_SECS, .help = "seconds",
	  .bridge = { MCSNOOP_A_BRIDGE_QUERY_INTERVAL },
	  .vlan = { MCSNOOP_A_VLAN_QUERY_INTERVAL },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_QUERY_INTERVAL, .line = 2 },
	{ .name = "query-response-interval", .type = MCS_PARAM_SECS,
	  .help = "seconds",
	  .bridge = { MCSNOOP_A_BRIDGE_QUERY_RESPONSE_INTERVAL },
	  .vlan = { MCSNOOP_A_VLAN_QUERY_RESPONSE_INTERVAL },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_QUERY_RESPONSE_INTERVAL,
	  .line = 2 },
	{ .name = "robustness", .type = MCS_PARAM_U8,
	  .help = "a number up to 255",
	  .bridge = { MCSNOOP_A_BRIDGE_ROBUSTNESS },
	  .vlan = { MCSNOOP_A_VLAN_ROBUSTNESS },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_ROBUSTNESS, .line = 2 },
	{ .name = "last-member-interval", .type = MCS_PARAM_SECS,
	  .help = "seconds",
	  .bridge = { MCSNOOP_A_BRIDGE_LAST_MEMBER_INTERVAL },
	  .vlan = { MCSNOOP_A_VLAN_LAST_MEMBER_INTERVAL },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_LAST_MEMBER_INTERVAL, .line = 4 },
	{ .name = "last-member-count", .type = MCS_PARAM_U8,
	  .help = "a number up to 255",
	  .bridge = { MCSNOOP_A_BRIDGE_LAST_MEMBER_COUNT },
	  .vlan = { MCSNOOP_A_VLAN_LAST_MEMBER_COUNT },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_LAST_MEMBER_COUNT, .line = 4 },
	/* Shown with the value in use, which the kernel sends. */
	{ .name = "membership-timeout", .type = MCS_PARAM_SECS_AUTO,
	  .help = "auto or seconds",
	  .bridge = { MCSNOOP_A_BRIDGE_MEMBERSHIP_TIMEOUT },
	  .vlan = { MCSNOOP_A_VLAN_MEMBERSHIP_TIMEOUT },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_MEMBERSHIP_TIMEOUT },
	{ .name = "startup-query-interval", .type = MCS_PARAM_SECS_AUTO,
	  .help = "auto or seconds",
	  .bridge = { MCSNOOP_A_BRIDGE_STARTUP_QUERY_INTERVAL },
	  .vlan = { MCSNOOP_A_VLAN_STARTUP_QUERY_INTERVAL },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_STARTUP_QUERY_INTERVAL, .line = 3,
	  .auto_of = "query-interval", .auto_div = 4 },
	{ .name = "startup-query-count", .type = MCS_PARAM_U8_AUTO,
	  .help = "auto or a number up to 255",
	  .bridge = { MCSNOOP_A_BRIDGE_STARTUP_QUERY_COUNT },
	  .vlan = { MCSNOOP_A_VLAN_STARTUP_QUERY_COUNT },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_STARTUP_QUERY_COUNT, .line = 3,
	  .auto_of = "robustness", .auto_div = 1 },
	{ .name = "igmp-version", .type = MCS_PARAM_U8, .help = "2 or 3",
	  .bridge = { MCSNOOP_A_BRIDGE_IGMP_VERSION },
	  .vlan = { MCSNOOP_A_VLAN_IGMP_VERSION },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_IGMP_VERSION, .line = 1 },
	{ .name = "mld-version", .type = MCS_PARAM_U8, .help = "1 or 2",
	  .bridge = { MCSNOOP_A_BRIDGE_MLD_VERSION },
	  .vlan = { MCSNOOP_A_VLAN_MLD_VERSION },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_MLD_VERSION, .line = 1 },
	/* Not the querier's: shown beside snooping, on the first line. */
	{ .name = "flood-unknown", .type = MCS_PARAM_ON_OFF, .help = "on or off",
	  .bridge = { MCSNOOP_A_BRIDGE_FLOOD_UNKNOWN },
	  .vlan = { MCSNOOP_A_VLAN_FLOOD_UNKNOWN },
	  .vlan_bits = MCSNOOP_VLAN_SETTING_FLOOD_UNKNOWN },
	{ .name = NULL },
};

static const struct mcs_qattr *qsetting_attr(const struct mcs_qsetting *q,
					     enum mcs_qobject obj)
{
	return obj == MCS_QVLAN ? &q->vlan : &q->bridge;
}

void mcs_qsetting_param(const struct mcs_qsetting *q, enum mcs_qobject obj,
			struct mcs_param *p)
{
	const struct mcs_qattr *a = qsetting_attr(q, obj);

	*p = (struct mcs_param){
		.name = q->name, .attr = a->attr, .type = q->type,
		.words = q->words, .help = q->help, .attr6 = a->attr6,
	};
}

uint32_t mcs_qsetting_bits(const char *word, size_t len)
{
	const struct mcs_qsetting *q;
	uint32_t all = 0;

	for (q = mcs_qsettings; q->name; q++) {
		if (strlen(q->name) == len && !strncmp(word, q->name, len))
			return q->vlan_bits;
		all |= q->vlan_bits;
	}
	return len == 3 && !strncmp(word, "all", 3) ? all : 0;
}

/* enum mcsnoop_querier_role, by value. */
const char *const mcs_querier_role_words[] = {
	[MCSNOOP_QUERIER_ROLE_OFF] = "off",
	[MCSNOOP_QUERIER_ROLE_QUERIER] = "querier",
	[MCSNOOP_QUERIER_ROLE_PROXY] = "proxy",
	[MCSNOOP_QUERIER_ROLE_OTHER] = "other",
	[MCSNOOP_QUERIER_ROLE_IDLE] = "idle",
	NULL,
};


/*
 * Text " WORD ADDR" per family, as bridge set takes it, or " WORD none";
 * JSON KEY and KEY6, null when the address is zero (none).
 */
static void print_addr_setting(const char *key, const char *word,
			       const struct nlattr *addr4,
			       const struct nlattr *addr6)
{
	char buf4[INET6_ADDRSTRLEN], buf6[INET6_ADDRSTRLEN];
	const char *a4 = addr_str(addr4, true, buf4, sizeof(buf4));
	const char *a6 = addr_str(addr6, true, buf6, sizeof(buf6));
	char key6[48], fmt[48];

	snprintf(key6, sizeof(key6), "%s6", key);
	snprintf(fmt, sizeof(fmt), " %s %%s", word);
	print_str_or_null(PRINT_ANY, key, fmt, a4);
	print_str_or_null(PRINT_ANY, key6, fmt, a6);
	if (!a4 && !a6) {
		snprintf(fmt, sizeof(fmt), " %s none", word);
		print_text(fmt);
	}
}

void mcs_print_auto_secs(const char *key, const char *word, uint32_t conf,
			 uint32_t active)
{
	char key_auto[48], fmt[48];

	snprintf(fmt, sizeof(fmt), " %s %s", word, conf ? "%s" : "auto (%s)");
	snprintf(key_auto, sizeof(key_auto), "%s_auto", key);
	print_secs(PRINT_ANY, key, fmt, active);
	print_on_off(PRINT_JSON, key_auto, NULL, !conf);
}

static void print_auto_u64(const char *key, const char *word, uint32_t conf,
			   uint32_t active)
{
	char key_auto[48], fmt[48];

	snprintf(fmt, sizeof(fmt), " %s %s", word,
		 conf ? "%llu" : "auto (%llu)");
	snprintf(key_auto, sizeof(key_auto), "%s_auto", key);
	print_u64(PRINT_ANY, key, fmt, active);
	print_on_off(PRINT_JSON, key_auto, NULL, !conf);
}

static uint32_t qsetting_value(const struct mcs_qsetting *q,
			       const struct nlattr *const *tb,
			       enum mcs_qobject obj)
{
	return mcs_param_value(q->type, tb[qsetting_attr(q, obj)->attr]);
}

/* The kernel sends what is configured; auto values are derived here. */
static uint32_t qsetting_auto(const struct mcs_qsetting *q,
			      const struct nlattr *const *tb,
			      enum mcs_qobject obj)
{
	const struct mcs_qsetting *of;

	if (!q->auto_of)
		return 0;
	for (of = mcs_qsettings; of->name; of++)
		if (!strcmp(of->name, q->auto_of))
			return qsetting_value(of, tb, obj) / q->auto_div;
	return 0;
}

/* " WORD VALUE" in text, KEY (the keyword with "_") in JSON. */
static void qsetting_print(const struct mcs_qsetting *q,
			   const struct nlattr *const *tb,
			   enum mcs_qobject obj)
{
	const struct mcs_qattr *a = qsetting_attr(q, obj);
	uint32_t v = qsetting_value(q, tb, obj);
	char key[32], fmt[48], fmt_u[48];

	snprintf(key, sizeof(key), "%s", q->name);
	word_subst(key, "-", '_');
	snprintf(fmt, sizeof(fmt), " %s %%s", q->name);
	snprintf(fmt_u, sizeof(fmt_u), " %s %%llu", q->name);
	switch (q->type) {
	case MCS_PARAM_ON_OFF:
		print_on_off(PRINT_ANY, key, fmt, v);
		break;
	case MCS_PARAM_U8:
	case MCS_PARAM_U32:
		print_u64(PRINT_ANY, key, fmt_u, v);
		break;
	case MCS_PARAM_U8_AUTO:
		print_auto_u64(key, q->name, v,
			       v ? v : qsetting_auto(q, tb, obj));
		break;
	case MCS_PARAM_SECS:
		print_secs(PRINT_ANY, key, fmt, v);
		break;
	case MCS_PARAM_SECS_AUTO:
		mcs_print_auto_secs(key, q->name, v,
				    v ? v : qsetting_auto(q, tb, obj));
		break;
	case MCS_PARAM_WORD:
		print_str(PRINT_ANY, key, fmt, word_of_list(q->words, v));
		break;
	case MCS_PARAM_ADDR:
		print_addr_setting(key, q->name, tb[a->attr], tb[a->attr6]);
		break;
	case MCS_PARAM_QSETTINGS:
	case MCS_PARAM_NAME:	/* no querier setting is one */
		break;
	}
}

void mcs_querier_print_settings(const struct nlattr *const *tb,
				enum mcs_qobject obj)
{
	const struct mcs_qsetting *q;
	unsigned int line, lines = 0;

	for (q = mcs_qsettings; q->name; q++)
		if (q->line > lines)
			lines = q->line;
	for (line = 1; line <= lines; line++) {
		print_text("   ");
		for (q = mcs_qsettings; q->name; q++)
			if (q->line == line)
				qsetting_print(q, tb, obj);
		print_nl();
	}
}

int mcs_querier_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_QUERIER_MAX + 1];
	char own[INET6_ADDRSTRLEN], elected[INET6_ADDRSTRLEN];
	char bogus_addr[INET6_ADDRSTRLEN], macbuf[MAC_STR_LEN], name[IF_NAMESIZE];
	const char *bridge, *port, *mac;
	unsigned int role;
	uint64_t bogus;

	(void)data;
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_QUERIER_MAX);
	bridge = mcs_ifname(tb[MCSNOOP_A_QUERIER_BRIDGE_IFNAME],
			    tb[MCSNOOP_A_QUERIER_BRIDGE_IFINDEX], name);
	port = nl_str(tb[MCSNOOP_A_QUERIER_PORT_IFNAME]);
	mac = mac_str(tb[MCSNOOP_A_QUERIER_MAC], macbuf);
	role = nl_u8(tb[MCSNOOP_A_QUERIER_ROLE]);
	bogus = nl_u64(tb[MCSNOOP_A_QUERIER_BOGUS_QUERIES]);

	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s", bridge);
	print_u64(PRINT_ANY, "vid", " vid %llu",
		  nl_u16(tb[MCSNOOP_A_QUERIER_VID]));
	print_str(PRINT_ANY, "family", " %s",
		  mcs_family_word(nl_u8(tb[MCSNOOP_A_QUERIER_FAMILY])));
	print_str(PRINT_ANY, "mode", " mode %s",
		  word_of_list(mcs_querier_mode_words,
			       nl_u8(tb[MCSNOOP_A_QUERIER_MODE])));
	print_str(PRINT_ANY, "role", " role %s",
		  word_of_list(mcs_querier_role_words, role));
	print_str_or_null(PRINT_JSON, "own_address", NULL,
			  addr_str(tb[MCSNOOP_A_QUERIER_OWN_ADDR], false, own,
				   sizeof(own)));
	print_str_or_null(PRINT_ANY, "querier", " querier %s",
			  addr_str(tb[MCSNOOP_A_QUERIER_ADDR], false, elected,
				   sizeof(elected)));
	print_str_or_null(PRINT_ANY, "port", " port %s", port);
	print_str_or_null(PRINT_ANY, "mac", " mac %s", mac);
	print_u64(PRINT_ANY, "version", " version %llu",
		  nl_u8(tb[MCSNOOP_A_QUERIER_VERSION]));
	print_secs(PRINT_ANY, "interval", " interval %s",
		   nl_u32(tb[MCSNOOP_A_QUERIER_INTERVAL]));
	print_secs(PRINT_JSON, "response_interval", NULL,
		   nl_u32(tb[MCSNOOP_A_QUERIER_RESPONSE_INTERVAL]));
	print_u64(PRINT_ANY, "robustness", " robustness %llu",
		  nl_u8(tb[MCSNOOP_A_QUERIER_ROBUSTNESS]));
	/* In text, only the timer that runs in this role. */
	print_secs(role == MCSNOOP_QUERIER_ROLE_OTHER ? PRINT_ANY : PRINT_JSON,
		   "other_timer", " other-timer %s",
		   nl_u32(tb[MCSNOOP_A_QUERIER_OTHER_TIMER]));
	print_secs(role == MCSNOOP_QUERIER_ROLE_QUERIER ||
		   role == MCSNOOP_QUERIER_ROLE_PROXY ? PRINT_ANY : PRINT_JSON,
		   "query_timer", " query-timer %s",
		   nl_u32(tb[MCSNOOP_A_QUERIER_QUERY_TIMER]));
	print_u64(PRINT_ANY, "queries_sent", " sent %llu",
		  nl_u64(tb[MCSNOOP_A_QUERIER_QUERIES_SENT]));
	print_u64(PRINT_ANY, "queries_heard", " heard %llu",
		  nl_u64(tb[MCSNOOP_A_QUERIER_QUERIES_HEARD]));
	print_u64(PRINT_JSON, "proxy_queries_heard", NULL,
		  nl_u64(tb[MCSNOOP_A_QUERIER_PROXY_QUERIES_HEARD]));
	/* Bogus queries are worth a look in text only when there are some. */
	print_u64(bogus ? PRINT_ANY : PRINT_JSON, "bogus_queries",
		  " bogus %llu", bogus);
	print_str_or_null(bogus ? PRINT_ANY : PRINT_JSON, "bogus_address",
			  " last %s",
			  addr_str(tb[MCSNOOP_A_QUERIER_BOGUS_ADDR], false,
				   bogus_addr, sizeof(bogus_addr)));
	/* Nobody queries from an address: say so in text. */
	print_on_off(PRINT_JSON, "proxy_only", NULL,
		     nl_u8(tb[MCSNOOP_A_QUERIER_PROXY_ONLY]));
	if (nl_u8(tb[MCSNOOP_A_QUERIER_PROXY_ONLY]))
		print_text(" proxy-only");
	print_nl();
	out_close_object();
	return MNL_CB_OK;
}

static int querier_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	return mcs_show_bridge_dump(ctx, argc, argv, mcs_querier_usage, MCSNOOP_CMD_QUERIER_GET,
				    MCSNOOP_A_QUERIER_BRIDGE_IFNAME, mcs_querier_print_cb);
}

int mcs_querier_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", querier_show },
		{ "list", querier_show },
		{ NULL, NULL },
	};

	if (argc == 0)
		return querier_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_querier_usage, argc, argv);
}
