// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl querier show: the querier of each bridge, VLAN and protocol.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
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

/* enum mcsnoop_querier_role, by value. */
static const char *const role_words[] = {
	[MCSNOOP_QUERIER_ROLE_OFF] = "off",
	[MCSNOOP_QUERIER_ROLE_QUERIER] = "querier",
	[MCSNOOP_QUERIER_ROLE_PROXY] = "proxy",
	[MCSNOOP_QUERIER_ROLE_OTHER] = "other",
	[MCSNOOP_QUERIER_ROLE_IDLE] = "idle",
};


/*
 * An address attribute as text, or NULL when it is absent (or zero, where
 * zero means none).
 */
static const char *addr_str(const struct nlattr *attr, bool zero_is_none,
			    char *buf, unsigned int size)
{
	const uint8_t *bytes;
	unsigned int len, i;

	if (!attr)
		return NULL;
	bytes = mnl_attr_get_payload(attr);
	len = mnl_attr_get_payload_len(attr);
	for (i = 0; zero_is_none && i < len && !bytes[i]; i++)
		;
	if (zero_is_none && i == len)
		return NULL;
	mcs_format_addr(bytes, len, buf, size);
	return buf;
}

void mcs_querier_print_config(const struct nlattr *mode,
			      const struct nlattr *addr4,
			      const struct nlattr *addr6)
{
	char buf4[INET6_ADDRSTRLEN], buf6[INET6_ADDRSTRLEN];
	const char *a4 = addr_str(addr4, true, buf4, sizeof(buf4));
	const char *a6 = addr_str(addr6, true, buf6, sizeof(buf6));

	print_str(PRINT_ANY, "querier", " querier %s",
		  word_of(mcs_querier_mode_words,
			  N_WORDS(mcs_querier_mode_words) - 1, nl_u8(mode)));
	/* As bridge set takes it: one querier-address per family, or none. */
	print_str_or_null(PRINT_ANY, "querier_address", " querier-address %s",
			  a4);
	print_str_or_null(PRINT_ANY, "querier_address6", " querier-address %s",
			  a6);
	if (!a4 && !a6)
		print_text(" querier-address none");
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

/* The kernel sends what is configured; auto values are derived here. */
void mcs_querier_print_settings(const struct nlattr *const *tb,
				const struct mcs_qattrs *qa)
{
	uint32_t qi = nl_u32(tb[qa->query_interval]);
	uint32_t sqi = nl_u32(tb[qa->startup_query_interval]);
	uint8_t rv = nl_u8(tb[qa->robustness]);
	uint8_t sqc = nl_u8(tb[qa->startup_query_count]);

	print_text("   ");
	mcs_querier_print_config(tb[qa->querier], tb[qa->addr4], tb[qa->addr6]);
	print_on_off(PRINT_ANY, "proxy_query", " proxy-query %s",
		     nl_u8(tb[qa->proxy_query]));
	print_u64(PRINT_ANY, "igmp_version", " igmp-version %llu",
		  nl_u8(tb[qa->igmp_version]));
	print_u64(PRINT_ANY, "mld_version", " mld-version %llu",
		  nl_u8(tb[qa->mld_version]));
	print_nl();
	print_text("    ");
	print_secs(PRINT_ANY, "query_interval", "query-interval %s", qi);
	print_secs(PRINT_ANY, "query_response_interval",
		   " query-response-interval %s",
		   nl_u32(tb[qa->query_response_interval]));
	print_u64(PRINT_ANY, "robustness", " robustness %llu", rv);
	print_nl();
	print_text("   ");
	mcs_print_auto_secs("startup_query_interval", "startup-query-interval",
			    sqi, sqi ? sqi : qi / 4);
	print_auto_u64("startup_query_count", "startup-query-count", sqc,
		       sqc ? sqc : rv);
	print_nl();
	print_text("    ");
	print_secs(PRINT_ANY, "last_member_interval", "last-member-interval %s",
		   nl_u32(tb[qa->last_member_interval]));
	print_u64(PRINT_ANY, "last_member_count", " last-member-count %llu",
		  nl_u8(tb[qa->last_member_count]));
	print_nl();
}

static const char *family_str(uint8_t family)
{
	return family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" : "?";
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
	bridge = nl_str(tb[MCSNOOP_A_QUERIER_BRIDGE_IFNAME]);
	if (!bridge)
		bridge = if_indextoname(nl_u32(tb[MCSNOOP_A_QUERIER_BRIDGE_IFINDEX]),
					name) ? name : "?";
	port = nl_str(tb[MCSNOOP_A_QUERIER_PORT_IFNAME]);
	mac = mac_str(tb[MCSNOOP_A_QUERIER_MAC], macbuf);
	role = nl_u8(tb[MCSNOOP_A_QUERIER_ROLE]);
	bogus = nl_u64(tb[MCSNOOP_A_QUERIER_BOGUS_QUERIES]);

	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s", bridge);
	print_u64(PRINT_ANY, "vid", " vid %llu",
		  nl_u16(tb[MCSNOOP_A_QUERIER_VID]));
	print_str(PRINT_ANY, "family", " %s",
		  family_str(nl_u8(tb[MCSNOOP_A_QUERIER_FAMILY])));
	print_str(PRINT_ANY, "mode", " mode %s",
		  word_of(mcs_querier_mode_words,
			  N_WORDS(mcs_querier_mode_words) - 1,
			  nl_u8(tb[MCSNOOP_A_QUERIER_MODE])));
	print_str(PRINT_ANY, "role", " role %s",
		  word_of(role_words, N_WORDS(role_words), role));
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
