// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace unit tests of kmod/parse.c: well-formed messages of every
 * kind parse to what they say, each malformation is caught by name, time
 * codes round-trip, and random mutations never read out of bounds (build
 * with -fsanitize=address,undefined). Prints KTAP and "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>

#include "../parse.h"

static int passed, failed, n;

#define CHECK(cond, name)						\
	do {								\
		n++;							\
		if (cond) {						\
			passed++;					\
			printf("ok %d %s\n", n, name);			\
		} else {						\
			failed++;					\
			printf("not ok %d %s (line %d)\n", n, name, __LINE__); \
		}							\
	} while (0)

static u8 pkt[4096];

static u32 sum16(const u8 *p, unsigned int len, u32 sum)
{
	for (; len > 1; p += 2, len -= 2)
		sum += p[0] << 8 | p[1];
	if (len)
		sum += p[0] << 8;
	return sum;
}

static void put_csum(u8 *at, u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	at[0] = sum >> 8;
	at[1] = sum & 0xff;
}

/* IPv4 with Router Alert; payload at pkt + 24, checksummed at csum_off. */
static unsigned int ipv4(const char *src, const char *dst, u8 ttl, u8 proto,
			 const u8 *payload, unsigned int plen, int csum_off)
{
	unsigned int total = 24 + plen;

	memset(pkt, 0, sizeof(pkt));
	pkt[0] = 0x46;
	pkt[2] = total >> 8;
	pkt[3] = total & 0xff;
	pkt[8] = ttl;
	pkt[9] = proto;
	inet_pton(AF_INET, src, pkt + 12);
	inet_pton(AF_INET, dst, pkt + 16);
	pkt[20] = 0x94;
	pkt[21] = 0x04;
	put_csum(pkt + 10, sum16(pkt, 24, 0));
	memcpy(pkt + 24, payload, plen);
	if (csum_off >= 0)
		put_csum(pkt + 24 + csum_off, sum16(pkt + 24, plen, 0));
	return total;
}

/* IPv6 with a Hop-by-Hop Router Alert, then ICMPv6 (or next). */
static unsigned int ipv6(const char *src, const char *dst, u8 hops, u8 next,
			 const u8 *payload, unsigned int plen, int csum_off)
{
	unsigned int upper = plen;
	u32 pseudo;

	memset(pkt, 0, sizeof(pkt));
	pkt[0] = 0x60;
	pkt[4] = (plen + 8) >> 8;
	pkt[5] = (plen + 8) & 0xff;
	pkt[6] = 0;		/* hop-by-hop */
	pkt[7] = hops;
	inet_pton(AF_INET6, src, pkt + 8);
	inet_pton(AF_INET6, dst, pkt + 24);
	pkt[40] = next;
	pkt[42] = 0x05;		/* router alert, MLD */
	pkt[43] = 0x02;
	pkt[46] = 0x01;		/* PadN */
	memcpy(pkt + 48, payload, plen);
	if (csum_off >= 0) {
		pseudo = sum16(pkt + 8, 32, 0) + (upper >> 16) +
			 (upper & 0xffff) + next;
		put_csum(pkt + 48 + csum_off, sum16(pkt + 48, plen, pseudo));
	}
	return 48 + plen;
}

static bool addr_is(const struct mcs_addr *a, const char *text)
{
	struct mcs_addr want;

	memset(&want, 0, sizeof(want));
	if (strchr(text, ':')) {
		inet_pton(AF_INET6, text, want.in6.s6_addr);
	} else {
		want.in6.s6_addr[10] = want.in6.s6_addr[11] = 0xff;
		inet_pton(AF_INET, text, want.in6.s6_addr + 12);
	}
	return !memcmp(a, &want, sizeof(want));
}

static enum mcs_parse_result parse4(unsigned int len, struct mcs_msg *msg)
{
	return mcs_parse(pkt, len, false, msg);
}

static enum mcs_parse_result parse6(unsigned int len, struct mcs_msg *msg)
{
	return mcs_parse(pkt, len, true, msg);
}

static void test_igmp_v1_v2(void)
{
	u8 report[8] = { 0x16, 0, 0, 0, 239, 1, 2, 3 };
	u8 leave[8] = { 0x17, 0, 0, 0, 239, 1, 2, 3 };
	u8 v1[8] = { 0x12, 0, 0, 0, 239, 1, 2, 3 };
	struct mcs_msg m;
	unsigned int len;

	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, report, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_REPORT &&
	      m.version == 2 && addr_is(&m.group, "239.1.2.3") &&
	      addr_is(&m.src, "10.0.0.2"), "igmpv2 report");
	CHECK(parse4(len + 18, &m) == MCS_PARSE_OK,
	      "ethernet padding after the IP packet is ignored");
	CHECK(parse4(len - 1, &m) == MCS_PARSE_TRUNCATED,
	      "IP total length beyond the frame");
	len = ipv4("10.0.0.2", "224.0.0.2", 1, 2, leave, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_LEAVE &&
	      m.version == 2, "igmpv2 leave");
	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, v1, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_REPORT &&
	      m.version == 1, "igmpv1 report");
	len = ipv4("10.0.0.2", "239.1.2.3", 2, 2, report, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_TTL, "igmp with TTL 2");
	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, report, 8, 2);
	pkt[27] ^= 1;
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_CSUM, "igmp bad checksum");
	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, report, 8, 2);
	pkt[10] ^= 1;
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_IP, "IPv4 bad header checksum");
	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, report, 8, 2);
	pkt[6] = 0x20;		/* more fragments */
	put_csum(pkt + 10, 0);
	pkt[10] = pkt[11] = 0;
	put_csum(pkt + 10, sum16(pkt, 24, 0));
	CHECK(parse4(len, &m) == MCS_PARSE_FRAGMENT, "fragmented igmp");
	report[4] = 10;
	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, report, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_GROUP,
	      "report for a unicast group");
	len = ipv4("10.0.0.2", "239.1.2.3", 1, 2, report, 6, -1);
	CHECK(parse4(len, &m) == MCS_PARSE_TRUNCATED, "igmp shorter than 8");
}

static void test_igmp_queries(void)
{
	u8 q[20] = { 0x11, 100, 0, 0, 0, 0, 0, 0, 0x0a, 125, 0, 2,
		     10, 0, 0, 1, 10, 0, 0, 2 };
	struct mcs_msg m;
	unsigned int len;

	q[1] = 0;
	len = ipv4("10.0.0.1", "224.0.0.1", 1, 2, q, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_QUERY &&
	      m.version == 1 && m.max_resp_ms == 10000, "igmpv1 query");
	q[1] = 100;
	len = ipv4("10.0.0.1", "224.0.0.1", 1, 2, q, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.version == 2 &&
	      m.max_resp_ms == 10000, "igmpv2 query");
	len = ipv4("10.0.0.1", "224.0.0.1", 1, 2, q, 12, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_RECORDS,
	      "igmpv3 query with sources beyond its length");
	q[11] = 0;
	len = ipv4("10.0.0.1", "224.0.0.1", 1, 2, q, 12, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.version == 3 &&
	      m.qrv == 2 && m.suppress && m.qqi == 125 && !m.nsrc,
	      "igmpv3 general query with S, QRV and QQIC");
	q[11] = 2;
	q[4] = 239;
	q[7] = 9;
	len = ipv4("10.0.0.1", "239.0.0.9", 1, 2, q, 20, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.nsrc == 2 &&
	      addr_is(&m.group, "239.0.0.9"),
	      "igmpv3 group-and-source query");
	if (m.nsrc == 2) {
		struct mcs_addr a;

		mcs_source_get(false, m.sources, 1, &a);
		CHECK(addr_is(&a, "10.0.0.2"), "query source 2");
	}
	len = ipv4("10.0.0.1", "224.0.0.1", 1, 2, q, 10, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_LENGTH,
	      "igmp query of 10 bytes");
	q[1] = 0x8f;	/* (0xf | 0x10) << 3 = 248 tenths */
	q[11] = 0;
	len = ipv4("10.0.0.1", "239.0.0.9", 1, 2, q, 12, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.max_resp_ms == 24800,
	      "igmpv3 floating point max resp code");
}

static void test_igmp_v3_report(void)
{
	u8 r[8 + 8 + 20 + 8] = {
		0x22, 0, 0, 0, 0, 0, 0, 3,
		/* TO_EX {} 239.1.1.1 */
		4, 0, 0, 0, 239, 1, 1, 1,
		/* ALLOW {10.0.0.7, 10.0.0.8} 232.1.1.1, one aux word */
		5, 1, 0, 2, 232, 1, 1, 1, 10, 0, 0, 7, 10, 0, 0, 8,
		0xaa, 0xbb, 0xcc, 0xdd,
		/* BLOCK {} 239.2.2.2 */
		6, 0, 0, 0, 239, 2, 2, 2,
	};
	struct mcs_record_iter it;
	struct mcs_record rec;
	struct mcs_addr a;
	struct mcs_msg m;
	unsigned int len;
	int count = 0;
	bool good = true;

	/* the ALLOW record is 8 + 2 * 4 + 4 = 20 bytes */
	len = ipv4("10.0.0.2", "224.0.0.22", 1, 2, r, sizeof(r), 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK &&
	      m.kind == MCS_MSG_REPORT_V3 && m.nrec == 3, "igmpv3 report");
	mcs_record_iter_init(&m, &it);
	while (mcs_record_next(&m, &it, &rec)) {
		count++;
		if (count == 2) {
			mcs_source_get(false, rec.sources, 1, &a);
			good &= rec.type == MCS_REC_ALLOW && rec.nsrc == 2 &&
				addr_is(&rec.group, "232.1.1.1") &&
				addr_is(&a, "10.0.0.8");
		}
		if (count == 3)
			good &= rec.type == MCS_REC_BLOCK &&
				addr_is(&rec.group, "239.2.2.2");
	}
	CHECK(count == 3 && good, "igmpv3 records with sources and aux data");
	r[7] = 4;
	len = ipv4("10.0.0.2", "224.0.0.22", 1, 2, r, sizeof(r), 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_RECORDS,
	      "igmpv3 report with more records than bytes");
	r[7] = 1;
	r[11] = 200;
	len = ipv4("10.0.0.2", "224.0.0.22", 1, 2, r, sizeof(r), 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_RECORDS,
	      "igmpv3 record with more sources than bytes");
	r[11] = 0;
	r[12] = 10;
	len = ipv4("10.0.0.2", "224.0.0.22", 1, 2, r, sizeof(r), 2);
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_GROUP,
	      "igmpv3 record for a unicast group");
}

static void test_mld(void)
{
	u8 q[28 + 16] = { 130, 0, 0, 0, 0x27, 0x10, 0, 0 };
	u8 rep[24] = { 131, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x0e, [23] = 0x42 };
	u8 v2[8 + 20 + 16] = { 143, 0, 0, 0, 0, 0, 0, 1,
			       3, 0, 0, 1, 0xff, 0x3e, [27] = 1, 0xfe, 0x80,
			       [43] = 9 };
	struct mcs_record_iter it;
	struct mcs_record rec;
	struct mcs_msg m;
	unsigned int len;

	len = ipv6("fe80::1", "ff0e::42", 1, 58, rep, 24, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_REPORT &&
	      m.version == 1 && addr_is(&m.group, "ff0e::42"),
	      "mldv1 report");
	rep[0] = 132;
	len = ipv6("fe80::1", "ff02::2", 1, 58, rep, 24, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_LEAVE,
	      "mldv1 done");
	len = ipv6("2001:db8::1", "ff02::2", 1, 58, rep, 24, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_SOURCE,
	      "mld from a global address");
	len = ipv6("::", "ff02::2", 1, 58, rep, 24, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_SOURCE, "mldv1 from ::");
	len = ipv6("fe80::1", "ff02::2", 255, 58, rep, 24, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_TTL, "mld with hop limit 255");
	len = ipv6("fe80::1", "ff02::2", 1, 58, rep, 24, 2);
	pkt[60] ^= 0x10;
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_CSUM, "mld bad checksum");
	len = ipv6("fe80::1", "ff02::1", 1, 58, q, 24, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_QUERY &&
	      m.version == 1 && m.max_resp_ms == 10000, "mldv1 query");
	q[24] = 0x02;
	q[25] = 125;
	len = ipv6("fe80::1", "ff02::1", 1, 58, q, 28, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.version == 2 &&
	      m.qrv == 2 && m.qqi == 125, "mldv2 query");
	len = ipv6("fe80::1", "ff02::1", 1, 58, q, 26, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_LENGTH, "mld query of 26 bytes");
	q[27] = 2;
	len = ipv6("fe80::1", "ff02::1", 1, 58, q, 44, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_RECORDS,
	      "mldv2 query with sources beyond its length");
	q[4] = 0x80;	/* exp 0, mant 0: 0x1000 << 3 */
	q[5] = 0;
	q[27] = 0;
	len = ipv6("fe80::1", "ff02::1", 1, 58, q, 28, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.max_resp_ms == 32768,
	      "mldv2 floating point max resp code");
	len = ipv6("::", "ff02::16", 1, 58, v2, sizeof(v2), 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK &&
	      m.kind == MCS_MSG_REPORT_V3 && m.nrec == 1,
	      "mldv2 report from ::");
	mcs_record_iter_init(&m, &it);
	CHECK(mcs_record_next(&m, &it, &rec) && rec.type == MCS_REC_TO_IN &&
	      rec.nsrc == 1 && addr_is(&rec.group, "ff3e::1") &&
	      !mcs_record_next(&m, &it, &rec), "mldv2 record");
	v2[11] = 2;
	len = ipv6("fe80::1", "ff02::16", 1, 58, v2, sizeof(v2), 2);
	CHECK(parse6(len, &m) == MCS_PARSE_BAD_RECORDS,
	      "mldv2 record with more sources than bytes");
}

static void test_mrd_pim_data(void)
{
	u8 adv[8] = { 0x30, 20, 0, 0, 0, 125, 0, 2 };
	u8 adv6[8] = { 151, 20, 0, 0, 0, 125, 0, 2 };
	u8 sol[4] = { 0x31, 0, 0, 0 };
	u8 term6[4] = { 153, 0, 0, 0 };
	u8 hello[8] = { 0x20, 0, 0, 0, 0, 1, 0, 2 };
	/* Generation ID (20, 4 bytes), then Holdtime (1, 2 bytes): 35 s. */
	u8 hello_opts[18] = { 0x20, 0, 0, 0, 0, 20, 0, 4, 1, 2, 3, 4,
			      0, 1, 0, 2, 0, 35 };
	u8 udp[12] = { 0x30, 0x39, 0x13, 0x88, 0, 12 };
	struct mcs_msg m;
	unsigned int len;

	len = ipv4("10.0.0.1", "224.0.0.106", 1, 2, adv, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_MRD_ADV &&
	      m.mrd_adv_interval == 20 && m.mrd_query_interval == 125 &&
	      m.mrd_robustness == 2, "igmp mrd advertisement");
	len = ipv6("fe80::1", "ff02::6a", 1, 58, adv6, 8, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_MRD_ADV,
	      "mld mrd advertisement");
	len = ipv4("10.0.0.1", "224.0.0.106", 1, 2, sol, 4, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_MRD_SOL,
	      "igmp mrd solicitation of 4 bytes (RFC 4286 6)");
	len = ipv6("fe80::1", "ff02::6a", 1, 58, term6, 4, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_MRD_TERM,
	      "mld mrd termination of 4 bytes (RFC 4286 7)");
	len = ipv4("10.0.0.1", "224.0.0.106", 1, 2, sol, 3, -1);
	CHECK(parse4(len, &m) == MCS_PARSE_TRUNCATED,
	      "igmp mrd solicitation shorter than 4");
	len = ipv4("10.0.0.1", "224.0.0.13", 1, 103, hello, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_PIM_HELLO,
	      "pim hello");
	CHECK(m.pim_holdtime == MCS_PIM_DEFAULT_HOLDTIME,
	      "pim hello whose holdtime option is cut short: the default");
	pkt[27] ^= 1;
	CHECK(parse4(len, &m) == MCS_PARSE_BAD_CSUM, "pim hello bad checksum");
	len = ipv4("10.0.0.1", "224.0.0.13", 1, 103, hello_opts,
		   sizeof(hello_opts), 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.pim_holdtime == 35,
	      "pim hello holdtime after a generation id option");
	hello_opts[17] = 0;
	len = ipv4("10.0.0.1", "224.0.0.13", 1, 103, hello_opts,
		   sizeof(hello_opts), 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.pim_holdtime == 0,
	      "pim goodbye: holdtime 0");
	len = ipv4("10.0.0.1", "224.0.0.13", 1, 103, hello_opts, 8, 2);
	CHECK(parse4(len, &m) == MCS_PARSE_OK &&
	      m.pim_holdtime == MCS_PIM_DEFAULT_HOLDTIME,
	      "pim hello whose first option runs past its end");
	len = ipv6("fe80::1", "ff02::d", 1, 103, hello, 8, 2);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_PIM_HELLO,
	      "pim6 hello");
	len = ipv4("10.0.0.1", "239.1.1.1", 32, 17, udp, 12, -1);
	CHECK(parse4(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_NONE &&
	      addr_is(&m.dst, "239.1.1.1"), "udp multicast data");
	len = ipv6("fe80::1", "ff02::1:ff00:1", 255, 58,
		   (const u8[8]){ 135 }, 8, -1);
	CHECK(parse6(len, &m) == MCS_PARSE_OK && m.kind == MCS_MSG_NONE,
	      "neighbour solicitation is not ours");
	len = ipv6("fe80::1", "ff02::16", 1, 44,
		   (const u8[8]){ 58, 0, 0, 1 }, 8, -1);
	CHECK(parse6(len, &m) == MCS_PARSE_FRAGMENT,
	      "first fragment of icmpv6");
}

static void test_codes(void)
{
	bool good = true;
	unsigned int c;

	for (c = 0; c < 256; c++)
		good &= mcs_igmp_code_encode(mcs_igmp_code_decode(c)) == c;
	CHECK(good, "every 8-bit code round-trips");
	good = true;
	for (c = 0; c < 65536; c++)
		good &= mcs_mld_mrc_encode(mcs_mld_mrc_decode(c)) == c;
	CHECK(good, "every 16-bit MLD code round-trips");
	CHECK(mcs_igmp_code_decode(mcs_igmp_code_encode(1250)) <= 1250 &&
	      mcs_igmp_code_decode(mcs_igmp_code_encode(1250)) > 1200 &&
	      mcs_igmp_code_encode(1000000) == 0xff,
	      "8-bit encoding rounds down and saturates");
	CHECK(mcs_igmp_code_decode(0xff) == 31744 &&
	      mcs_mld_mrc_decode(0xffff) == 8387584,
	      "largest codes");
}

/* Random bit flips and lengths: the sanitizers judge. */
static void test_fuzz(void)
{
	u8 seed[40] = { 0x22, 0, 0, 0, 0, 0, 0, 2, 5, 0, 0, 2, 232, 1, 1, 1,
			10, 0, 0, 7, 10, 0, 0, 8, 4, 0, 0, 0, 239, 1, 1, 1 };
	u8 copy[sizeof(pkt)];
	struct mcs_record_iter it;
	struct mcs_record rec;
	struct mcs_msg m;
	unsigned int len, i, ok = 0;
	int round;

	srand(1);
	for (round = 0; round < 200000; round++) {
		bool v6 = round & 1;
		u8 *buf;

		len = v6 ? ipv6("fe80::1", "ff02::16", 1, 58, seed, 32, 2) :
			   ipv4("10.0.0.2", "224.0.0.22", 1, 2, seed, 32, 2);
		memcpy(copy, pkt, len);
		for (i = 0; i < 1 + (unsigned int)rand() % 4; i++)
			copy[rand() % len] ^= 1 << (rand() % 8);
		len = rand() % (len + 1);
		/* An exact-size heap copy, so ASan sees any overread. */
		buf = malloc(len ? len : 1);
		memcpy(buf, copy, len);
		if (mcs_parse(buf, len, v6, &m) == MCS_PARSE_OK) {
			ok++;
			mcs_record_iter_init(&m, &it);
			while (mcs_record_next(&m, &it, &rec))
				if (rec.nsrc)
					mcs_source_get(v6, rec.sources,
						       rec.nsrc - 1,
						       &m.src);
		}
		free(buf);
	}
	CHECK(ok > 0, "200000 mutated messages parsed without a fault");
}

int main(void)
{
	printf("TAP version 13\n");
	test_igmp_v1_v2();
	test_igmp_queries();
	test_igmp_v3_report();
	test_mld();
	test_mrd_pim_data();
	test_codes();
	test_fuzz();
	printf("1..%d\n", n);
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:0 error:0\n",
	       passed, failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
