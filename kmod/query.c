// SPDX-License-Identifier: GPL-2.0
/*
 * IGMP (RFC 2236, 3376) and MLD (RFC 2710, 3810) Membership Query frames.
 * Everything is written byte by byte in network order, as parse.c reads
 * it, so the kernel and the unit tests build the same bytes on any host.
 */
#ifdef __KERNEL__
#include <linux/string.h>
#endif

#include "query.h"

#define QUERY_ETH_LEN		14
#define QUERY_IP4_LEN		24	/* 20 + Router Alert */
#define QUERY_IP6_LEN		48	/* 40 + Hop-by-Hop with Router Alert */
#define QUERY_IGMPV2_LEN	8
#define QUERY_IGMPV3_LEN	12
#define QUERY_MLDV1_LEN		24
#define QUERY_MLDV2_LEN		28
/*
 * RFC 4286 5.1 needs 4 bytes; 8, as smcroute sends its MRD messages,
 * because the Linux bridge's snooping (ip_mc_check_igmp(),
 * ipv6_mc_check_mld()) drops IGMP and ICMPv6 shorter than 8 bytes.
 */
#define QUERY_MRD_SOL_LEN	8

#define QUERY_IGMP_TYPE		0x11
#define QUERY_MLD_TYPE		130
#define QUERY_IGMP_MRD_SOL	0x31
#define QUERY_MLD_MRD_SOL	152
#define QUERY_PROTO_HOPOPTS	0
#define QUERY_PROTO_IGMP	2
#define QUERY_PROTO_ICMPV6	58

static void put16(u8 *p, u32 v)
{
	p[0] = (v >> 8) & 0xff;
	p[1] = v & 0xff;
}

static u32 sum16(u32 sum, const u8 *p, unsigned int len)
{
	for (; len > 1; p += 2, len -= 2)
		sum += (u32)(p[0] << 8 | p[1]);
	if (len)
		sum += (u32)p[0] << 8;
	return sum;
}

/* Fold and complement: the field was zero while summed. */
static void put_csum(u8 *p, u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	put16(p, ~sum & 0xffff);
}

static bool is_zero(const u8 *p, unsigned int len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

/* The IGMP / MLD message alone; 0 when the params make no valid query. */
static unsigned int body_len(const struct mcs_query_params *p)
{
	const u8 *g = p->group.in6.s6_addr;
	const u8 *s = p->src.in6.s6_addr;
	bool general, v3;

	if (p->nsrc > MCS_QUERY_MAX_SOURCES || (p->nsrc && !p->sources))
		return 0;
	/* Solicitations too come from a link-local source (RFC 4286 7). */
	if (p->ipv6 && (s[0] != 0xfe || (s[1] & 0xc0) != 0x80))
		return 0;
	if (p->mrd_solicit)
		return QUERY_MRD_SOL_LEN;
	if (p->ipv6) {
		general = is_zero(g, 16);
		v3 = p->version == 2;
		/* RFC 3810 5.1.14: listeners drop other sources (above). */
		if ((!general && g[0] != 0xff) || p->version < 1 || p->version > 2)
			return 0;
	} else {
		g += 12;
		general = is_zero(g, 4);
		v3 = p->version == 3;
		if ((!general && (g[0] & 0xf0) != 0xe0) ||
		    p->version < 2 || p->version > 3)
			return 0;
	}
	/* Sources belong to a group-and-source-specific v3/v2 query only. */
	if (p->nsrc && (!v3 || general))
		return 0;
	if (p->ipv6)
		return v3 ? QUERY_MLDV2_LEN + 16 * p->nsrc : QUERY_MLDV1_LEN;
	return v3 ? QUERY_IGMPV3_LEN + 4 * p->nsrc : QUERY_IGMPV2_LEN;
}

unsigned int mcs_query_len(const struct mcs_query_params *p)
{
	unsigned int len = body_len(p);

	if (!len)
		return 0;
	return QUERY_ETH_LEN + (p->ipv6 ? QUERY_IP6_LEN : QUERY_IP4_LEN) + len;
}

/* Resv | S | QRV: QRV 0 means "more than 7" (RFC 3376 4.1.6). */
static u8 flags_byte(const struct mcs_query_params *p)
{
	return (p->suppress ? 0x08 : 0) | (p->qrv > 7 ? 0 : p->qrv);
}

static void build_ipv4(u8 *ip, const struct mcs_query_params *p,
		       unsigned int blen)
{
	static const u8 all_hosts[4] = { 224, 0, 0, 1 };
	static const u8 all_routers[4] = { 224, 0, 0, 2 };
	const u8 *g = p->group.in6.s6_addr + 12;
	u8 *q = ip + QUERY_IP4_LEN;
	u32 tenths = p->max_resp_ms / 100;
	unsigned int i;

	if (p->mrd_solicit)
		g = all_routers;

	ip[0] = 0x46;		/* version 4, IHL 6 */
	ip[1] = 0xc0;		/* internetwork control, as Linux sends IGMP */
	put16(ip + 2, QUERY_IP4_LEN + blen);
	ip[8] = 1;
	ip[9] = QUERY_PROTO_IGMP;
	memcpy(ip + 12, p->src.in6.s6_addr + 12, 4);
	memcpy(ip + 16, is_zero(g, 4) ? all_hosts : g, 4);
	ip[20] = 0x94;		/* Router Alert, value 0 */
	ip[21] = 0x04;
	put_csum(ip + 10, sum16(0, ip, QUERY_IP4_LEN));

	if (p->mrd_solicit) {
		q[0] = QUERY_IGMP_MRD_SOL;
		goto csum;
	}
	q[0] = QUERY_IGMP_TYPE;
	memcpy(q + 4, g, 4);
	if (p->version == 2) {
		/* Literal tenths; 0 would turn the query into a v1 one. */
		if (tenths > 255)
			tenths = 255;
		q[1] = tenths ? tenths : 1;
	} else {
		q[1] = mcs_igmp_code_encode(tenths);
		q[8] = flags_byte(p);
		q[9] = mcs_igmp_code_encode(p->qqi_s);
		put16(q + 10, p->nsrc);
		for (i = 0; i < p->nsrc; i++)
			memcpy(q + 12 + 4 * i, p->sources[i].in6.s6_addr + 12,
			       4);
	}
csum:
	put_csum(q + 2, sum16(0, q, blen));
}

static void build_ipv6(u8 *ip, const struct mcs_query_params *p,
		       unsigned int blen)
{
	static const u8 all_nodes[16] = { 0xff, 0x02, [15] = 0x01 };
	static const u8 all_routers[16] = { 0xff, 0x02, [15] = 0x02 };
	const u8 *g = p->group.in6.s6_addr;
	u8 *q = ip + QUERY_IP6_LEN;
	unsigned int i;
	u32 sum;

	if (p->mrd_solicit)
		g = all_routers;

	ip[0] = 0x60;		/* version 6, traffic class 0, no flow label */
	put16(ip + 4, QUERY_IP6_LEN - 40 + blen);
	ip[6] = QUERY_PROTO_HOPOPTS;
	ip[7] = 1;
	memcpy(ip + 8, p->src.in6.s6_addr, 16);
	memcpy(ip + 24, is_zero(g, 16) ? all_nodes : g, 16);
	ip[40] = QUERY_PROTO_ICMPV6;	/* Hop-by-Hop, 8 bytes (length 0) */
	ip[42] = 0x05;			/* Router Alert, 2 bytes, value 0 (MLD) */
	ip[43] = 0x02;
	ip[46] = 0x01;			/* PadN, 0 bytes of data */

	if (p->mrd_solicit) {
		q[0] = QUERY_MLD_MRD_SOL;
		goto csum;
	}
	q[0] = QUERY_MLD_TYPE;
	memcpy(q + 8, g, 16);
	if (p->version == 1) {
		put16(q + 4, p->max_resp_ms > 0xffff ? 0xffff : p->max_resp_ms);
	} else {
		put16(q + 4, mcs_mld_mrc_encode(p->max_resp_ms));
		q[24] = flags_byte(p);
		q[25] = mcs_igmp_code_encode(p->qqi_s);
		put16(q + 26, p->nsrc);
		for (i = 0; i < p->nsrc; i++)
			memcpy(q + 28 + 16 * i, p->sources[i].in6.s6_addr, 16);
	}
csum:
	/* RFC 8200 8.1 pseudo-header: addresses, length, next header. */
	sum = sum16(0, ip + 8, 32) + (blen >> 16) + (blen & 0xffff) +
	      QUERY_PROTO_ICMPV6;
	put_csum(q + 2, sum16(sum, q, blen));
}

unsigned int mcs_query_build(u8 *buf, const struct mcs_query_params *p)
{
	unsigned int blen = body_len(p), len;
	const u8 *dst;

	if (!blen)
		return 0;
	len = mcs_query_len(p);
	memset(buf, 0, len);
	memcpy(buf + 6, p->src_mac, 6);
	if (p->ipv6) {
		build_ipv6(buf + QUERY_ETH_LEN, p, blen);
		/* 33:33 and the low 32 bits (RFC 2464 7). */
		dst = buf + QUERY_ETH_LEN + 24;
		buf[0] = 0x33;
		buf[1] = 0x33;
		memcpy(buf + 2, dst + 12, 4);
		put16(buf + 12, 0x86dd);
	} else {
		build_ipv4(buf + QUERY_ETH_LEN, p, blen);
		/* 01:00:5e and the low 23 bits (RFC 1112 6.4). */
		dst = buf + QUERY_ETH_LEN + 16;
		buf[0] = 0x01;
		buf[1] = 0x00;
		buf[2] = 0x5e;
		buf[3] = dst[1] & 0x7f;
		buf[4] = dst[2];
		buf[5] = dst[3];
		put16(buf + 12, 0x0800);
	}
	return len;
}
