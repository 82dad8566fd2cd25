/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IGMP and MLD Membership Query frames for the querier. Pure code with no
 * kernel dependency, like parse.c, so that the unit tests check the bytes
 * the module sends by parsing them back with mcs_parse().
 */
#ifndef _MCS_QUERY_H
#define _MCS_QUERY_H

#include "parse.h"

struct mcs_query_params {
	bool ipv6;
	/*
	 * An MRD solicitation (RFC 4286 5) to all routers instead of a
	 * query: only src_mac and src count.
	 */
	bool mrd_solicit;
	u8 version;		/* IGMP 2 or 3; MLD 1 or 2 */
	u8 src_mac[6];
	struct mcs_addr src;	/* 0.0.0.0 for proxy queries; MLD: link-local */
	struct mcs_addr group;	/* all zero = general query */
	u32 max_resp_ms;	/* Max Response Time in ms */
	u8 qrv;			/* robustness; v3/v2 only; written as 0 if > 7 */
	bool suppress;		/* S flag; v3/v2 only */
	u32 qqi_s;		/* query interval in s; v3/v2 only (QQIC) */
	u16 nsrc;		/* group-and-source-specific; v3/v2 only */
	const struct mcs_addr *sources;
};

#define MCS_QUERY_MAX_SOURCES	64

/*
 * Bytes of the whole Ethernet frame (14-byte header, no VLAN tag, no FCS,
 * no padding to 60: the kernel pads). 0 if the params are invalid: bad
 * version, nsrc > MCS_QUERY_MAX_SOURCES, sources with v2/v1, sources
 * without a group or with a NULL array, a group that is neither zero nor
 * multicast, an MLD source that is not link-local (listeners drop those).
 */
unsigned int mcs_query_len(const struct mcs_query_params *p);

/*
 * Write the frame into buf (at least mcs_query_len() bytes); returns its
 * length (0 if invalid, and buf is left alone).
 */
unsigned int mcs_query_build(u8 *buf, const struct mcs_query_params *p);

#endif /* _MCS_QUERY_H */
