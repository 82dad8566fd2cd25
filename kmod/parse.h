/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Validation and parsing of IGMP, MLD, MRD and PIM hello messages from a
 * flat buffer that starts at the IP header. Pure code with no kernel
 * dependency, so that userspace unit tests and fuzzers run it as is.
 *
 * A message is validated completely before anything is reported from it:
 * when mcs_parse() returns MCS_PARSE_OK every length, count and checksum
 * has been checked and the records of a v3/v2 report can be walked
 * without further bounds checks.
 */
#ifndef _MCS_PARSE_H
#define _MCS_PARSE_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/in6.h>
#else
#include "test/kernel_shim.h"
#endif

enum mcs_msg_kind {
	MCS_MSG_NONE,		/* not a control message: multicast data */
	MCS_MSG_QUERY,
	MCS_MSG_REPORT,		/* IGMPv1/v2 report, MLDv1 report */
	MCS_MSG_LEAVE,		/* IGMPv2 leave, MLDv1 done */
	MCS_MSG_REPORT_V3,	/* IGMPv3 / MLDv2 report: see records */
	MCS_MSG_MRD_ADV,
	MCS_MSG_MRD_SOL,
	MCS_MSG_MRD_TERM,
	MCS_MSG_PIM_HELLO,
	MCS_MSG_OTHER,		/* valid IGMP/MLD of a type we do not use */
};

enum mcs_parse_result {
	MCS_PARSE_OK,
	MCS_PARSE_TRUNCATED,	/* shorter than its headers or lengths say */
	MCS_PARSE_BAD_IP,	/* IP header: version, length or checksum */
	MCS_PARSE_FRAGMENT,	/* control messages are never fragmented */
	MCS_PARSE_BAD_TTL,	/* TTL / hop limit other than 1 */
	MCS_PARSE_BAD_CSUM,	/* IGMP / ICMPv6 / PIM checksum */
	MCS_PARSE_BAD_LENGTH,	/* length that fits no message of its type */
	MCS_PARSE_BAD_GROUP,	/* group that is not a multicast address */
	MCS_PARSE_BAD_SOURCE,	/* MLD from an address that is not link-local */
	MCS_PARSE_BAD_RECORDS,	/* record counts that do not match the length */
	MCS_PARSE_RESULT_MAX
};

/* An IPv4 address is kept in the last 4 bytes of a v4-mapped IPv6 one. */
struct mcs_addr {
	struct in6_addr in6;
};

struct mcs_msg {
	bool ipv6;
	u8 kind;		/* enum mcs_msg_kind */
	u8 version;		/* IGMP 1-3, MLD 1-2; 0 when none applies */
	u8 type;		/* IGMP type or ICMPv6 type on the wire */
	struct mcs_addr src;
	struct mcs_addr dst;
	struct mcs_addr group;	/* queries (0 = general), v1/v2 reports, leaves */

	/* Queries. */
	u32 max_resp_ms;	/* decoded Max Resp Code */
	u8 qrv;		/* v3/v2 only; 0 = not given (robustness > 7) */
	bool suppress;		/* the S flag */
	u32 qqi;		/* decoded QQIC, seconds; 0 = not given */
	u16 nsrc;		/* sources of a group-and-source query */
	const u8 *sources;

	/* IGMPv3 / MLDv2 reports. */
	u16 nrec;
	const u8 *records;

	/* MRD advertisements. */
	u8 mrd_adv_interval;
	u16 mrd_query_interval;
	u16 mrd_robustness;

	/* PIM hellos: the Holdtime option (RFC 7761 4.9.2), seconds. */
	u16 pim_holdtime;
};

/* RFC 7761 4.11: a hello without a Holdtime option lasts 3.5 x 30 s. */
#define MCS_PIM_DEFAULT_HOLDTIME	105
/* Holdtime 0xffff: the neighbour never times out. */
#define MCS_PIM_HOLDTIME_FOREVER	0xffff

/* IGMPv3 / MLDv2 group record types (RFC 3376 4.2.12, RFC 3810 5.2.12). */
enum mcs_record_type {
	MCS_REC_IS_IN = 1,
	MCS_REC_IS_EX,
	MCS_REC_TO_IN,
	MCS_REC_TO_EX,
	MCS_REC_ALLOW,
	MCS_REC_BLOCK,
};

struct mcs_record {
	u8 type;		/* enum mcs_record_type; others are skipped */
	u8 version;		/* of its message: IGMP 1-3, MLD 1-2 */
	u16 nsrc;
	struct mcs_addr group;
	const u8 *sources;	/* nsrc addresses of 4 or 16 bytes */
};

struct mcs_record_iter {
	const u8 *pos;
	u16 left;
};

/*
 * Parse the IPv4 (ipv6 false) or IPv6 packet in data[0..len). len may be
 * longer than the packet (Ethernet padding): the IP length fields rule.
 * Multicast data yields MCS_PARSE_OK with kind MCS_MSG_NONE.
 */
enum mcs_parse_result mcs_parse(const void *data, unsigned int len, bool ipv6,
				struct mcs_msg *msg);

/* Walk the records of a valid MCS_MSG_REPORT_V3. */
void mcs_record_iter_init(const struct mcs_msg *msg,
			  struct mcs_record_iter *it);
bool mcs_record_next(const struct mcs_msg *msg, struct mcs_record_iter *it,
		     struct mcs_record *rec);

/* Source i of a record or query as an mcs_addr. */
void mcs_source_get(bool ipv6, const u8 *sources, unsigned int i,
		    struct mcs_addr *addr);

/* Time codes (RFC 3376 4.1.1 and 4.1.7, RFC 3810 5.1.3 and 5.1.9). */
u32 mcs_igmp_code_decode(u8 code);
u8 mcs_igmp_code_encode(u32 value);
u32 mcs_mld_mrc_decode(u16 code);
u16 mcs_mld_mrc_encode(u32 value);

const char *mcs_parse_result_name(enum mcs_parse_result res);

#endif /* _MCS_PARSE_H */
