/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The querier: the querier show command, and the querier settings that
 * bridge show and vlan show print alike.
 */
#ifndef MCS_QUERIER_H
#define MCS_QUERIER_H

#include <stdint.h>
#include <libmnl/libmnl.h>

/* enum mcsnoop_querier_mode by value, NULL-terminated (MCS_PARAM_WORD). */
extern const char *const mcs_querier_mode_words[];

/*
 * Text " querier MODE querier-address ADDR..." (none when neither family
 * has one); JSON querier, querier_address and querier_address6 (null when
 * the address is zero, i.e. none).
 */
void mcs_querier_print_config(const struct nlattr *mode,
			      const struct nlattr *addr4,
			      const struct nlattr *addr6);

/*
 * The querier settings' attributes of a message (bridge or VLAN: their
 * MCSNOOP_A_BRIDGE_* and MCSNOOP_A_VLAN_* attributes have the same names).
 */
struct mcs_qattrs {
	uint16_t querier, addr4, addr6, proxy_query;
	uint16_t query_interval, query_response_interval, robustness;
	uint16_t startup_query_interval, startup_query_count;
	uint16_t last_member_interval, last_member_count;
	uint16_t igmp_version, mld_version;
};

#define MCS_QATTRS(A) {							\
	.querier = A##_QUERIER, .addr4 = A##_QUERIER_ADDR4,		\
	.addr6 = A##_QUERIER_ADDR6, .proxy_query = A##_PROXY_QUERY,	\
	.query_interval = A##_QUERY_INTERVAL,				\
	.query_response_interval = A##_QUERY_RESPONSE_INTERVAL,		\
	.robustness = A##_ROBUSTNESS,					\
	.startup_query_interval = A##_STARTUP_QUERY_INTERVAL,		\
	.startup_query_count = A##_STARTUP_QUERY_COUNT,			\
	.last_member_interval = A##_LAST_MEMBER_INTERVAL,		\
	.last_member_count = A##_LAST_MEMBER_COUNT,			\
	.igmp_version = A##_IGMP_VERSION, .mld_version = A##_MLD_VERSION, \
}

/*
 * The querier settings as lines of four-space indented text ("querier
 * ..." to "last-member-count N"), bridge show's and vlan show's.
 */
void mcs_querier_print_settings(const struct nlattr *const *tb,
				const struct mcs_qattrs *qa);

/*
 * A setting whose configured value 0 means auto: " WORD SEC" or " WORD
 * auto (SEC)" with the value in use; JSON KEY and KEY_auto.
 */
void mcs_print_auto_secs(const char *key, const char *word, uint32_t conf,
			 uint32_t active);

/*
 * The "keyword value" parameters of the querier settings, for the tables
 * of bridge set and vlan set (A: MCSNOOP_A_BRIDGE or MCSNOOP_A_VLAN).
 */
#define MCS_QPARAM_QUERIER(A)						\
	{ .name = "querier", .attr = A##_QUERIER,			\
	  .type = MCS_PARAM_WORD, .words = mcs_querier_mode_words,	\
	  .help = "off, proxy or auto" }
#define MCS_QPARAM_QUERIER_ADDRESS(A)					\
	{ .name = "querier-address", .attr = A##_QUERIER_ADDR4,	\
	  .attr6 = A##_QUERIER_ADDR6, .type = MCS_PARAM_ADDR,		\
	  .help = "an IPv4 or IPv6 address, or none" }
#define MCS_QPARAM_PROXY_QUERY(A)					\
	{ .name = "proxy-query", .attr = A##_PROXY_QUERY,		\
	  .type = MCS_PARAM_ON_OFF, .help = "on or off" }
#define MCS_QPARAM_QUERY_INTERVAL(A)					\
	{ .name = "query-interval", .attr = A##_QUERY_INTERVAL,	\
	  .type = MCS_PARAM_SECS, .help = "seconds" }
#define MCS_QPARAM_QUERY_RESPONSE_INTERVAL(A)				\
	{ .name = "query-response-interval",				\
	  .attr = A##_QUERY_RESPONSE_INTERVAL,				\
	  .type = MCS_PARAM_SECS, .help = "seconds" }
#define MCS_QPARAM_ROBUSTNESS(A)					\
	{ .name = "robustness", .attr = A##_ROBUSTNESS,		\
	  .type = MCS_PARAM_U8, .help = "a number up to 255" }
#define MCS_QPARAM_LAST_MEMBER_INTERVAL(A)				\
	{ .name = "last-member-interval",				\
	  .attr = A##_LAST_MEMBER_INTERVAL,				\
	  .type = MCS_PARAM_SECS, .help = "seconds" }
#define MCS_QPARAM_LAST_MEMBER_COUNT(A)					\
	{ .name = "last-member-count", .attr = A##_LAST_MEMBER_COUNT,	\
	  .type = MCS_PARAM_U8, .help = "a number up to 255" }
#define MCS_QPARAM_MEMBERSHIP_TIMEOUT(A)				\
	{ .name = "membership-timeout", .attr = A##_MEMBERSHIP_TIMEOUT, \
	  .type = MCS_PARAM_SECS_AUTO, .help = "auto or seconds" }
#define MCS_QPARAM_STARTUP_QUERY_INTERVAL(A)				\
	{ .name = "startup-query-interval",				\
	  .attr = A##_STARTUP_QUERY_INTERVAL,				\
	  .type = MCS_PARAM_SECS_AUTO, .help = "auto or seconds" }
#define MCS_QPARAM_STARTUP_QUERY_COUNT(A)				\
	{ .name = "startup-query-count",				\
	  .attr = A##_STARTUP_QUERY_COUNT,				\
	  .type = MCS_PARAM_U8_AUTO, .help = "auto or a number up to 255" }
#define MCS_QPARAM_IGMP_VERSION(A)					\
	{ .name = "igmp-version", .attr = A##_IGMP_VERSION,		\
	  .type = MCS_PARAM_U8, .help = "2 or 3" }
#define MCS_QPARAM_MLD_VERSION(A)					\
	{ .name = "mld-version", .attr = A##_MLD_VERSION,		\
	  .type = MCS_PARAM_U8, .help = "1 or 2" }

#endif /* MCS_QUERIER_H */
