// SPDX-License-Identifier: GPL-2.0
/*
 * IGMP (RFC 1112, 2236, 3376), MLD (RFC 2710, 3810), MRD (RFC 4286) and
 * PIM hello (RFC 7761) validation. Everything is read byte by byte in
 * network order, so any alignment and any host byte order will do.
 */
#ifdef __KERNEL__
#include <linux/string.h>
#endif

#include "parse.h"

#define IGMP_QUERY		0x11
#define IGMPV1_REPORT		0x12
#define IGMPV2_REPORT		0x16
#define IGMPV2_LEAVE		0x17
#define IGMPV3_REPORT		0x22
#define IGMP_MRD_ADV		0x30
#define IGMP_MRD_SOL		0x31
#define IGMP_MRD_TERM		0x32

#define MLD_QUERY		130
#define MLDV1_REPORT		131
#define MLDV1_DONE		132
#define MLDV2_REPORT		143
#define MLD_MRD_ADV		151
#define MLD_MRD_SOL		152
#define MLD_MRD_TERM		153

#define PROTO_HOPOPTS		0
#define PROTO_IGMP		2
#define PROTO_ROUTING		43
#define PROTO_FRAGMENT		44
#define PROTO_ICMPV6		58
#define PROTO_DSTOPTS		60
#define PROTO_PIM		103

#define PIM_HELLO		0x20	/* version 2, type 0 */
#define PIM_OPT_HOLDTIME	1
#define MAX_EXT_HEADERS		8

static u16 get16(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static u32 csum_add(u32 sum, const u8 *p, unsigned int len)
{
	for (; len > 1; p += 2, len -= 2)
		sum += get16(p);
	if (len)
		sum += (u32)p[0] << 8;
	return sum;
}

/* True when the one's complement sum over the data (and sum) is all ones. */
static bool csum_ok(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum == 0xffff;
}

/* The IPv6 pseudo-header of RFC 8200 8.1. */
static u32 csum_ipv6_pseudo(const u8 *ip6h, u32 upper_len, u8 proto)
{
	u32 sum = csum_add(0, ip6h + 8, 32);

	return sum + (upper_len >> 16) + (upper_len & 0xffff) + proto;
}

static void addr_from_ipv4(struct mcs_addr *addr, const u8 *p)
{
	memset(addr, 0, sizeof(*addr));
	addr->in6.s6_addr[10] = 0xff;
	addr->in6.s6_addr[11] = 0xff;
	memcpy(&addr->in6.s6_addr[12], p, 4);
}

static void addr_from_ipv6(struct mcs_addr *addr, const u8 *p)
{
	memcpy(addr->in6.s6_addr, p, 16);
}

static bool ipv4_is_mcast(const u8 *p)
{
	return (p[0] & 0xf0) == 0xe0;
}

static bool ipv4_is_zero(const u8 *p)
{
	return !(p[0] | p[1] | p[2] | p[3]);
}

static bool ipv6_is_mcast(const u8 *p)
{
	return p[0] == 0xff;
}

static bool ipv6_is_zero(const u8 *p)
{
	static const u8 zero[16];

	return !memcmp(p, zero, 16);
}

static bool ipv6_is_link_local(const u8 *p)
{
	return p[0] == 0xfe && (p[1] & 0xc0) == 0x80;
}

/*
 * Time codes: literal below 1 << (mbits + 3), above that a float
 * 1 | exp(3) | mant(mbits) worth (mant | 1 << mbits) << (exp + 3).
 */
static u32 code_decode(u32 code, unsigned int mbits)
{
	u32 mant_mask = (1u << mbits) - 1;

	if (code < 1u << (mbits + 3))
		return code;
	return ((code & mant_mask) | (1u << mbits)) <<
	       (((code >> mbits) & 0x07) + 3);
}

/* The largest code whose value does not exceed value (saturating). */
static u32 code_encode(u32 value, unsigned int mbits)
{
	u32 mant_mask = (1u << mbits) - 1, limit = 1u << (mbits + 3);
	unsigned int exp;

	if (value < limit)
		return value;
	for (exp = 0; exp < 8; exp++) {
		u32 mant = value >> (exp + 3);

		if (mant < 2u << mbits)
			return limit | exp << mbits | (mant & mant_mask);
	}
	return (limit << 1) - 1;
}

u32 mcs_igmp_code_decode(u8 code)
{
	return code_decode(code, 4);
}

u8 mcs_igmp_code_encode(u32 value)
{
	return code_encode(value, 4);
}

u32 mcs_mld_mrc_decode(u16 code)
{
	return code_decode(code, 12);
}

u16 mcs_mld_mrc_encode(u32 value)
{
	return code_encode(value, 12);
}

/*
 * Check the records of a v3/v2 report: header size hdr, address size
 * alen, the group at offset gpos of each header. They must fit in len.
 */
static enum mcs_parse_result check_records(const u8 *p, unsigned int len,
					   u16 nrec, unsigned int hdr,
					   unsigned int alen, unsigned int gpos,
					   bool ipv6)
{
	unsigned int off = 0;

	while (nrec--) {
		u32 size;

		if (len - off < hdr)
			return MCS_PARSE_BAD_RECORDS;
		size = hdr + (u32)get16(p + off + 2) * alen +
		       (u32)p[off + 1] * 4;
		if (size > len - off)
			return MCS_PARSE_BAD_RECORDS;
		if (!(ipv6 ? ipv6_is_mcast(p + off + gpos) :
			     ipv4_is_mcast(p + off + gpos)))
			return MCS_PARSE_BAD_GROUP;
		off += size;
	}
	return MCS_PARSE_OK;
}

/*
 * RFC 4286 6 and 7: an MRD solicitation or termination is 4 bytes (type,
 * reserved, checksum); every other message is at least 8.
 */
static unsigned int mcs_min_len(u8 type, u8 sol, u8 term)
{
	return type == sol || type == term ? 4 : 8;
}

/*
 * MRD (RFC 4286) has one layout over IGMP and ICMPv6; len >= 8 here for
 * an advertisement, >= 4 for the others (which carry nothing more).
 */
static enum mcs_parse_result parse_mrd(const u8 *p, enum mcs_msg_kind kind,
				       struct mcs_msg *msg)
{
	msg->kind = kind;
	if (kind == MCS_MSG_MRD_ADV) {
		msg->mrd_adv_interval = p[1];
		msg->mrd_query_interval = get16(p + 4);
		msg->mrd_robustness = get16(p + 6);
	}
	return MCS_PARSE_OK;
}

static enum mcs_parse_result parse_igmp_query(const u8 *p, unsigned int len,
					      struct mcs_msg *msg)
{
	msg->kind = MCS_MSG_QUERY;
	if (!ipv4_is_zero(p + 4) && !ipv4_is_mcast(p + 4))
		return MCS_PARSE_BAD_GROUP;
	if (len == 8) {
		/* v1 queries carry no time: it is 10 s. */
		msg->version = p[1] ? 2 : 1;
		msg->max_resp_ms = p[1] ? p[1] * 100 : 10000;
		return MCS_PARSE_OK;
	}
	if (len < 12)
		return MCS_PARSE_BAD_LENGTH;
	msg->version = 3;
	msg->max_resp_ms = mcs_igmp_code_decode(p[1]) * 100;
	msg->suppress = p[8] & 0x08;
	msg->qrv = p[8] & 0x07;
	msg->qqi = mcs_igmp_code_decode(p[9]);
	msg->nsrc = get16(p + 10);
	msg->sources = p + 12;
	if ((u32)msg->nsrc * 4 > len - 12)
		return MCS_PARSE_BAD_RECORDS;
	if (msg->nsrc && ipv4_is_zero(p + 4))
		return MCS_PARSE_BAD_GROUP;
	return MCS_PARSE_OK;
}

static enum mcs_parse_result parse_igmp(const u8 *p, unsigned int len,
					struct mcs_msg *msg)
{
	if (len < 4 || len < mcs_min_len(p[0], IGMP_MRD_SOL, IGMP_MRD_TERM))
		return MCS_PARSE_TRUNCATED;
	if (!csum_ok(csum_add(0, p, len)))
		return MCS_PARSE_BAD_CSUM;
	msg->type = p[0];
	if (len >= 8)
		addr_from_ipv4(&msg->group, p + 4);
	switch (p[0]) {
	case IGMP_QUERY:
		return parse_igmp_query(p, len, msg);
	case IGMPV1_REPORT:
	case IGMPV2_REPORT:
	case IGMPV2_LEAVE:
		msg->kind = p[0] == IGMPV2_LEAVE ? MCS_MSG_LEAVE : MCS_MSG_REPORT;
		msg->version = p[0] == IGMPV1_REPORT ? 1 : 2;
		return ipv4_is_mcast(p + 4) ? MCS_PARSE_OK : MCS_PARSE_BAD_GROUP;
	case IGMPV3_REPORT:
		msg->kind = MCS_MSG_REPORT_V3;
		msg->version = 3;
		memset(&msg->group, 0, sizeof(msg->group));
		msg->nrec = get16(p + 6);
		msg->records = p + 8;
		return check_records(p + 8, len - 8, msg->nrec, 8, 4, 4, false);
	case IGMP_MRD_ADV:
		return parse_mrd(p, MCS_MSG_MRD_ADV, msg);
	case IGMP_MRD_SOL:
		return parse_mrd(p, MCS_MSG_MRD_SOL, msg);
	case IGMP_MRD_TERM:
		return parse_mrd(p, MCS_MSG_MRD_TERM, msg);
	}
	msg->kind = MCS_MSG_OTHER;
	return MCS_PARSE_OK;
}

static enum mcs_parse_result parse_pim(const u8 *p, unsigned int len,
				       u32 sum, struct mcs_msg *msg)
{
	unsigned int off, olen;

	if (len < 4)
		return MCS_PARSE_TRUNCATED;
	if (p[0] != PIM_HELLO) {
		msg->kind = MCS_MSG_NONE;
		return MCS_PARSE_OK;
	}
	if (!csum_ok(csum_add(sum, p, len)))
		return MCS_PARSE_BAD_CSUM;
	msg->kind = MCS_MSG_PIM_HELLO;
	msg->pim_holdtime = MCS_PIM_DEFAULT_HOLDTIME;
	/* Options: type, length, value; a short one ends the walk. */
	for (off = 4; off + 4 <= len; off += 4 + olen) {
		olen = get16(p + off + 2);
		if (off + 4 + olen > len)
			break;
		if (get16(p + off) == PIM_OPT_HOLDTIME && olen == 2)
			msg->pim_holdtime = get16(p + off + 4);
	}
	return MCS_PARSE_OK;
}

static enum mcs_parse_result parse_ipv4(const u8 *p, unsigned int len,
					struct mcs_msg *msg)
{
	static const u8 all_pim_routers[4] = { 224, 0, 0, 13 };
	unsigned int ihl, total;
	u8 proto;

	if (len < 20)
		return MCS_PARSE_TRUNCATED;
	ihl = (p[0] & 0x0f) * 4;
	total = get16(p + 2);
	if (p[0] >> 4 != 4 || ihl < 20 || total < ihl)
		return MCS_PARSE_BAD_IP;
	if (total > len)
		return MCS_PARSE_TRUNCATED;
	if (!csum_ok(csum_add(0, p, ihl)))
		return MCS_PARSE_BAD_IP;
	addr_from_ipv4(&msg->src, p + 12);
	addr_from_ipv4(&msg->dst, p + 16);
	proto = p[9];
	if (proto != PROTO_IGMP &&
	    !(proto == PROTO_PIM && !memcmp(p + 16, all_pim_routers, 4)))
		return MCS_PARSE_OK;
	/* More fragments, or an offset: never a control message. */
	if (get16(p + 6) & 0x3fff)
		return MCS_PARSE_FRAGMENT;
	if (p[8] != 1)
		return MCS_PARSE_BAD_TTL;
	if (proto == PROTO_PIM)
		return parse_pim(p + ihl, total - ihl, 0, msg);
	return parse_igmp(p + ihl, total - ihl, msg);
}

static enum mcs_parse_result parse_mld_query(const u8 *p, unsigned int len,
					     struct mcs_msg *msg)
{
	msg->kind = MCS_MSG_QUERY;
	if (len < 24)
		return MCS_PARSE_TRUNCATED;
	addr_from_ipv6(&msg->group, p + 8);
	if (!ipv6_is_zero(p + 8) && !ipv6_is_mcast(p + 8))
		return MCS_PARSE_BAD_GROUP;
	if (len == 24) {
		msg->version = 1;
		msg->max_resp_ms = get16(p + 4);
		return MCS_PARSE_OK;
	}
	if (len < 28)
		return MCS_PARSE_BAD_LENGTH;
	msg->version = 2;
	msg->max_resp_ms = mcs_mld_mrc_decode(get16(p + 4));
	msg->suppress = p[24] & 0x08;
	msg->qrv = p[24] & 0x07;
	msg->qqi = mcs_igmp_code_decode(p[25]);
	msg->nsrc = get16(p + 26);
	msg->sources = p + 28;
	if ((u32)msg->nsrc * 16 > len - 28)
		return MCS_PARSE_BAD_RECORDS;
	if (msg->nsrc && ipv6_is_zero(p + 8))
		return MCS_PARSE_BAD_GROUP;
	return MCS_PARSE_OK;
}

static enum mcs_parse_result parse_mld(const u8 *p, unsigned int len,
				       struct mcs_msg *msg)
{
	switch (p[0]) {
	case MLD_QUERY:
		return parse_mld_query(p, len, msg);
	case MLDV1_REPORT:
	case MLDV1_DONE:
		if (len < 24)
			return MCS_PARSE_TRUNCATED;
		msg->kind = p[0] == MLDV1_DONE ? MCS_MSG_LEAVE : MCS_MSG_REPORT;
		msg->version = 1;
		addr_from_ipv6(&msg->group, p + 8);
		return ipv6_is_mcast(p + 8) ? MCS_PARSE_OK :
					      MCS_PARSE_BAD_GROUP;
	case MLDV2_REPORT:
		msg->kind = MCS_MSG_REPORT_V3;
		msg->version = 2;
		msg->nrec = get16(p + 6);
		msg->records = p + 8;
		return check_records(p + 8, len - 8, msg->nrec, 20, 16, 4, true);
	case MLD_MRD_ADV:
		return parse_mrd(p, MCS_MSG_MRD_ADV, msg);
	case MLD_MRD_SOL:
		return parse_mrd(p, MCS_MSG_MRD_SOL, msg);
	case MLD_MRD_TERM:
		return parse_mrd(p, MCS_MSG_MRD_TERM, msg);
	}
	msg->kind = MCS_MSG_OTHER;
	return MCS_PARSE_OK;
}

static bool icmpv6_is_ours(u8 type)
{
	switch (type) {
	case MLD_QUERY:
	case MLDV1_REPORT:
	case MLDV1_DONE:
	case MLDV2_REPORT:
	case MLD_MRD_ADV:
	case MLD_MRD_SOL:
	case MLD_MRD_TERM:
		return true;
	}
	return false;
}

static enum mcs_parse_result parse_icmpv6(const u8 *ip6h, const u8 *p,
					  unsigned int len, struct mcs_msg *msg)
{
	/* Only MLDv2 reports may come from :: (RFC 3810 5.2.13). */
	bool unspec_ok = p[0] == MLDV2_REPORT;

	if (ip6h[7] != 1)
		return MCS_PARSE_BAD_TTL;
	if (!ipv6_is_link_local(ip6h + 8) &&
	    !(unspec_ok && ipv6_is_zero(ip6h + 8)))
		return MCS_PARSE_BAD_SOURCE;
	if (len < 4 || len < mcs_min_len(p[0], MLD_MRD_SOL, MLD_MRD_TERM))
		return MCS_PARSE_TRUNCATED;
	if (!csum_ok(csum_add(csum_ipv6_pseudo(ip6h, len, PROTO_ICMPV6),
			      p, len)))
		return MCS_PARSE_BAD_CSUM;
	msg->type = p[0];
	return parse_mld(p, len, msg);
}

static enum mcs_parse_result parse_ipv6(const u8 *p, unsigned int len,
					struct mcs_msg *msg)
{
	static const u8 all_pim_routers[16] = { 0xff, 0x02, [15] = 0x0d };
	unsigned int off = 40, end, n;
	u8 next;

	if (len < 40)
		return MCS_PARSE_TRUNCATED;
	if (p[0] >> 4 != 6)
		return MCS_PARSE_BAD_IP;
	end = 40 + get16(p + 4);
	if (end > len)
		return MCS_PARSE_TRUNCATED;
	addr_from_ipv6(&msg->src, p + 8);
	addr_from_ipv6(&msg->dst, p + 24);
	next = p[6];
	for (n = 0; n < MAX_EXT_HEADERS; n++) {
		if (next != PROTO_HOPOPTS && next != PROTO_ROUTING &&
		    next != PROTO_DSTOPTS)
			break;
		if (end - off < 8)
			return MCS_PARSE_TRUNCATED;
		next = p[off];
		off += (p[off + 1] + 1) * 8;
		if (off > end)
			return MCS_PARSE_TRUNCATED;
	}
	if (next == PROTO_FRAGMENT) {
		/* A first fragment of ICMPv6 may be MLD we cannot check. */
		if (end - off < 8)
			return MCS_PARSE_TRUNCATED;
		if (p[off] == PROTO_ICMPV6 && !(get16(p + off + 2) & 0xfff8))
			return MCS_PARSE_FRAGMENT;
		return MCS_PARSE_OK;
	}
	if (next == PROTO_ICMPV6 && end - off >= 1 && icmpv6_is_ours(p[off]))
		return parse_icmpv6(p, p + off, end - off, msg);
	if (next == PROTO_PIM && !memcmp(p + 24, all_pim_routers, 16)) {
		if (p[7] != 1)
			return MCS_PARSE_BAD_TTL;
		return parse_pim(p + off, end - off,
				 csum_ipv6_pseudo(p, end - off, PROTO_PIM),
				 msg);
	}
	return MCS_PARSE_OK;
}

enum mcs_parse_result mcs_parse(const void *data, unsigned int len, bool ipv6,
				struct mcs_msg *msg)
{
	memset(msg, 0, sizeof(*msg));
	msg->ipv6 = ipv6;
	return ipv6 ? parse_ipv6(data, len, msg) : parse_ipv4(data, len, msg);
}

void mcs_record_iter_init(const struct mcs_msg *msg,
			  struct mcs_record_iter *it)
{
	it->pos = msg->records;
	it->left = msg->nrec;
}

bool mcs_record_next(const struct mcs_msg *msg, struct mcs_record_iter *it,
		     struct mcs_record *rec)
{
	unsigned int alen = msg->ipv6 ? 16 : 4;
	unsigned int hdr = msg->ipv6 ? 20 : 8;
	const u8 *p = it->pos;

	if (!it->left)
		return false;
	it->left--;
	rec->type = p[0];
	rec->version = msg->version;
	rec->nsrc = get16(p + 2);
	if (msg->ipv6)
		addr_from_ipv6(&rec->group, p + 4);
	else
		addr_from_ipv4(&rec->group, p + 4);
	rec->sources = p + hdr;
	it->pos = p + hdr + rec->nsrc * alen + p[1] * 4;
	return true;
}

void mcs_source_get(bool ipv6, const u8 *sources, unsigned int i,
		    struct mcs_addr *addr)
{
	if (ipv6)
		addr_from_ipv6(addr, sources + i * 16);
	else
		addr_from_ipv4(addr, sources + i * 4);
}

const char *mcs_parse_result_name(enum mcs_parse_result res)
{
	static const char *const names[MCS_PARSE_RESULT_MAX] = {
		[MCS_PARSE_OK] = "ok",
		[MCS_PARSE_TRUNCATED] = "truncated",
		[MCS_PARSE_BAD_IP] = "bad IP header",
		[MCS_PARSE_FRAGMENT] = "fragmented",
		[MCS_PARSE_BAD_TTL] = "TTL or hop limit not 1",
		[MCS_PARSE_BAD_CSUM] = "bad checksum",
		[MCS_PARSE_BAD_LENGTH] = "bad length",
		[MCS_PARSE_BAD_GROUP] = "bad group address",
		[MCS_PARSE_BAD_SOURCE] = "MLD source not link-local",
		[MCS_PARSE_BAD_RECORDS] = "bad record or source count",
	};

	return res < MCS_PARSE_RESULT_MAX ? names[res] : "unknown";
}
