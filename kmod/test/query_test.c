// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace unit tests of kmod/query.c: every kind of query is built into
 * an exact-size heap buffer (ASan sees any overrun), parsed back with
 * mcs_parse() and compared field by field; the Ethernet and IP headers are
 * checked byte by byte; time codes are checked at their boundaries and
 * invalid params must yield 0. With MCS_QUERY_PCAP=file every frame built
 * is also written to a pcap, for an independent decoder (tshark).
 * Prints KTAP and "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>

#include "../query.h"
#include "ktap.h"

static FILE *pcap;
static unsigned int pcap_frames;


static struct mcs_addr addr(const char *text)
{
	struct mcs_addr a;

	memset(&a, 0, sizeof(a));
	if (strchr(text, ':')) {
		if (inet_pton(AF_INET6, text, a.in6.s6_addr) != 1)
			abort();
	} else {
		a.in6.s6_addr[10] = 0xff;
		a.in6.s6_addr[11] = 0xff;
		if (inet_pton(AF_INET, text, a.in6.s6_addr + 12) != 1)
			abort();
	}
	return a;
}

static bool addr_is(const struct mcs_addr *a, const char *text)
{
	struct mcs_addr want = addr(text);

	return !memcmp(a, &want, sizeof(want));
}

static void pcap_put32(u32 v)
{
	fwrite(&v, 4, 1, pcap);
}

static void pcap_open(void)
{
	const char *path = getenv("MCS_QUERY_PCAP");

	if (!path || !*path)
		return;
	pcap = fopen(path, "wb");
	if (!pcap) {
		perror(path);
		exit(2);
	}
	/* Classic pcap in host order: magic, 2.4, zone, sigfigs, snaplen, Ethernet. */
	pcap_put32(0xa1b2c3d4);
	pcap_put32(2 | 4 << 16);
	pcap_put32(0);
	pcap_put32(0);
	pcap_put32(65535);
	pcap_put32(1);
}

static void pcap_frame(const u8 *frame, unsigned int len)
{
	if (!pcap)
		return;
	pcap_put32(++pcap_frames);
	pcap_put32(0);
	pcap_put32(len);
	pcap_put32(len);
	fwrite(frame, len, 1, pcap);
}

static const u8 mac[6] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x30 };

static struct mcs_query_params params(bool ipv6, u8 version, const char *src,
				      const char *group)
{
	struct mcs_query_params p;

	memset(&p, 0, sizeof(p));
	p.ipv6 = ipv6;
	p.version = version;
	memcpy(p.src_mac, mac, 6);
	p.src = addr(src);
	if (group)
		p.group = addr(group);
	p.max_resp_ms = 10000;
	p.qrv = 2;
	p.qqi_s = 125;
	return p;
}

/*
 * Build into an exact-size heap buffer (the caller frees it) and parse it
 * back; NULL when the build gives 0 or not mcs_query_len() bytes.
 */
static u8 *build(const struct mcs_query_params *p, struct mcs_msg *m,
		 enum mcs_parse_result *r, unsigned int *lenp)
{
	unsigned int len = mcs_query_len(p);
	u8 *buf;

	*lenp = len;
	*r = MCS_PARSE_RESULT_MAX;
	if (!len)
		return NULL;
	buf = malloc(len);
	if (mcs_query_build(buf, p) != len) {
		free(buf);
		*lenp = 0;
		return NULL;
	}
	pcap_frame(buf, len);
	/* Exactly the IP packet: any length field too long fails. */
	*r = mcs_parse(buf + 14, len - 14, p->ipv6, m);
	return buf;
}

static bool mac_is(const u8 *p, const char *text)
{
	unsigned int b[6], i;

	if (sscanf(text, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5]) != 6)
		abort();
	for (i = 0; i < 6; i++)
		if (p[i] != b[i])
			return false;
	return true;
}

struct expect {
	const char *name;
	unsigned int len;	/* whole frame */
	const char *dst, *dst_mac;
	u32 max_resp_ms;
	u8 qrv;
	bool suppress;
	u32 qqi;
	const char *sources[4];
};

/* Everything a query must show, parsed back and on the wire. */
static void check_query(const struct mcs_query_params *p,
			const struct expect *e)
{
	static const u8 ra4[4] = { 0x94, 0x04, 0x00, 0x00 };
	static const u8 hbh[8] = { 58, 0, 0x05, 0x02, 0, 0, 0x01, 0x00 };
	static const u8 v6hdr[4] = { 0x60, 0, 0, 0 };
	const char *nm = e->name;
	enum mcs_parse_result r;
	struct mcs_addr a, group;
	unsigned int len, i;
	struct mcs_msg m;
	bool ok;
	u8 *f;

	f = build(p, &m, &r, &len);
	CHECK(f && len == e->len, "%s: frame of %u bytes (want %u)", nm, len,
	      e->len);
	if (!f)
		return;
	CHECK(r == MCS_PARSE_OK, "%s: parses (%s)", nm,
	      mcs_parse_result_name(r));
	if (r != MCS_PARSE_OK) {
		free(f);
		return;
	}
	/* An IPv4 group is its last 4 bytes: all zero or v4-mapped. */
	group = p->group;
	if (!p->ipv6)
		memcpy(group.in6.s6_addr, addr("0.0.0.0").in6.s6_addr, 12);
	CHECK(m.kind == MCS_MSG_QUERY && m.ipv6 == p->ipv6 &&
	      m.version == p->version,
	      "%s: a v%u query (kind %u version %u)", nm, p->version, m.kind,
	      m.version);
	CHECK(!memcmp(&m.group, &group, sizeof(m.group)), "%s: group", nm);
	CHECK(!memcmp(&m.src, &p->src, sizeof(m.src)), "%s: source", nm);
	CHECK(addr_is(&m.dst, e->dst), "%s: sent to %s", nm, e->dst);
	CHECK(m.max_resp_ms == e->max_resp_ms,
	      "%s: max response %u ms (want %u)", nm, m.max_resp_ms,
	      e->max_resp_ms);
	CHECK(m.qrv == e->qrv && m.suppress == e->suppress && m.qqi == e->qqi,
	      "%s: qrv %u S %d qqi %u (want %u %d %u)", nm, m.qrv,
	      m.suppress, m.qqi, e->qrv, e->suppress, e->qqi);
	ok = m.nsrc == p->nsrc;
	for (i = 0; ok && i < m.nsrc; i++) {
		mcs_source_get(p->ipv6, m.sources, i, &a);
		ok = addr_is(&a, e->sources[i]) &&
		     !memcmp(&a, &p->sources[i], sizeof(a));
	}
	CHECK(ok, "%s: %u sources (want %u)", nm, m.nsrc, p->nsrc);

	CHECK(mac_is(f, e->dst_mac) && !memcmp(f + 6, mac, 6) &&
	      f[12] == (p->ipv6 ? 0x86 : 0x08) &&
	      f[13] == (p->ipv6 ? 0xdd : 0x00),
	      "%s: Ethernet %s from the source MAC", nm, e->dst_mac);
	if (p->ipv6)
		CHECK(!memcmp(f + 14, v6hdr, 4) && f[14 + 6] == 0 &&
		      f[14 + 7] == 1 && !memcmp(f + 14 + 40, hbh, 8),
		      "%s: IPv6 class 0, hop limit 1, Hop-by-Hop Router Alert",
		      nm);
	else
		CHECK(f[14] == 0x46 && f[15] == 0xc0 && !f[18] && !f[19] &&
		      !f[20] && !f[21] && f[22] == 1 && f[23] == 2 &&
		      !memcmp(f + 14 + 20, ra4, 4),
		      "%s: IPv4 IHL 6, TOS 0xc0, id 0, DF clear, TTL 1, Router Alert",
		      nm);
	free(f);
}

#define E(...) (&(struct expect){ __VA_ARGS__ })

static void test_igmp(void)
{
	struct mcs_addr src3[3] = { addr("10.1.1.1"), addr("10.1.1.2"),
				    addr("192.168.0.255") };
	struct mcs_query_params p;

	/* v2 has no S, QRV or QQIC: params() sets them, none is written. */
	p = params(false, 2, "10.0.0.1", NULL);
	check_query(&p, E(.name = "IGMPv2 general", .len = 14 + 24 + 8,
			  .dst = "224.0.0.1", .dst_mac = "01:00:5e:00:00:01",
			  .max_resp_ms = 10000));

	p = params(false, 2, "10.0.0.1", "239.129.2.3");
	p.max_resp_ms = 1000;
	p.suppress = true;
	check_query(&p, E(.name = "IGMPv2 group", .len = 14 + 24 + 8,
			  .dst = "239.129.2.3", .dst_mac = "01:00:5e:01:02:03",
			  .max_resp_ms = 1000));

	p = params(false, 2, "10.0.0.1", "224.1.1.1");
	p.max_resp_ms = 60000;
	check_query(&p, E(.name = "IGMPv2 capped at 25.5 s",
			  .len = 14 + 24 + 8, .dst = "224.1.1.1",
			  .dst_mac = "01:00:5e:01:01:01",
			  .max_resp_ms = 25500));

	p = params(false, 2, "10.0.0.1", NULL);
	p.max_resp_ms = 50;
	check_query(&p, E(.name = "IGMPv2 50 ms stays v2 (100 ms)",
			  .len = 14 + 24 + 8, .dst = "224.0.0.1",
			  .dst_mac = "01:00:5e:00:00:01", .max_resp_ms = 100));

	p = params(false, 2, "0.0.0.0", NULL);
	check_query(&p, E(.name = "IGMPv2 proxy from 0.0.0.0",
			  .len = 14 + 24 + 8, .dst = "224.0.0.1",
			  .dst_mac = "01:00:5e:00:00:01",
			  .max_resp_ms = 10000));

	p = params(false, 3, "10.0.0.1", NULL);
	check_query(&p, E(.name = "IGMPv3 general", .len = 14 + 24 + 12,
			  .dst = "224.0.0.1", .dst_mac = "01:00:5e:00:00:01",
			  .max_resp_ms = 10000, .qrv = 2, .qqi = 125));

	p = params(false, 3, "10.0.0.1", "0.0.0.0");
	check_query(&p, E(.name = "IGMPv3 general, v4-mapped 0.0.0.0 group",
			  .len = 14 + 24 + 12, .dst = "224.0.0.1",
			  .dst_mac = "01:00:5e:00:00:01",
			  .max_resp_ms = 10000, .qrv = 2, .qqi = 125));

	p = params(false, 3, "192.168.1.254", "239.1.2.3");
	p.max_resp_ms = 1000;
	p.suppress = true;
	check_query(&p, E(.name = "IGMPv3 group", .len = 14 + 24 + 12,
			  .dst = "239.1.2.3", .dst_mac = "01:00:5e:01:02:03",
			  .max_resp_ms = 1000, .qrv = 2, .suppress = true,
			  .qqi = 125));

	p = params(false, 3, "10.0.0.1", "232.1.2.3");
	p.max_resp_ms = 1000;
	p.nsrc = 3;
	p.sources = src3;
	check_query(&p, E(.name = "IGMPv3 group-and-source",
			  .len = 14 + 24 + 12 + 3 * 4, .dst = "232.1.2.3",
			  .dst_mac = "01:00:5e:01:02:03", .max_resp_ms = 1000,
			  .qrv = 2, .qqi = 125,
			  .sources = { "10.1.1.1", "10.1.1.2",
				       "192.168.0.255" }));

	p = params(false, 3, "0.0.0.0", NULL);
	check_query(&p, E(.name = "IGMPv3 proxy from 0.0.0.0",
			  .len = 14 + 24 + 12, .dst = "224.0.0.1",
			  .dst_mac = "01:00:5e:00:00:01",
			  .max_resp_ms = 10000, .qrv = 2, .qqi = 125));
}

static void test_mld(void)
{
	struct mcs_addr src3[3] = { addr("2001:db8::1"), addr("fe80::2"),
				    addr("2001:db8::ffff:1") };
	struct mcs_query_params p;

	p = params(true, 1, "fe80::1", NULL);
	check_query(&p, E(.name = "MLDv1 general", .len = 14 + 48 + 24,
			  .dst = "ff02::1", .dst_mac = "33:33:00:00:00:01",
			  .max_resp_ms = 10000));

	p = params(true, 1, "fe80::1", "ff05::1:3");
	p.max_resp_ms = 70000;
	check_query(&p, E(.name = "MLDv1 group, capped at 65535 ms",
			  .len = 14 + 48 + 24, .dst = "ff05::1:3",
			  .dst_mac = "33:33:00:01:00:03",
			  .max_resp_ms = 65535));

	p = params(true, 2, "fe80::1", NULL);
	p.qrv = 3;
	p.qqi_s = 300;
	check_query(&p, E(.name = "MLDv2 general", .len = 14 + 48 + 28,
			  .dst = "ff02::1", .dst_mac = "33:33:00:00:00:01",
			  .max_resp_ms = 10000, .qrv = 3, .qqi = 288));

	p = params(true, 2, "fe80::1:2", "ff3e::8000:1");
	p.max_resp_ms = 40000;
	p.suppress = true;
	check_query(&p, E(.name = "MLDv2 group", .len = 14 + 48 + 28,
			  .dst = "ff3e::8000:1",
			  .dst_mac = "33:33:80:00:00:01", .max_resp_ms = 40000,
			  .qrv = 2, .suppress = true, .qqi = 125));

	p = params(true, 2, "fe80::1", "ff3e::1234:5678");
	p.max_resp_ms = 1000;
	p.nsrc = 3;
	p.sources = src3;
	check_query(&p, E(.name = "MLDv2 group-and-source",
			  .len = 14 + 48 + 28 + 3 * 16,
			  .dst = "ff3e::1234:5678",
			  .dst_mac = "33:33:12:34:56:78", .max_resp_ms = 1000,
			  .qrv = 2, .qqi = 125,
			  .sources = { "2001:db8::1", "fe80::2",
				       "2001:db8::ffff:1" }));
}

/* One field of the frame and its parsed value, for the code boundaries. */
static void check_code(bool ipv6, u32 max_resp_ms, u32 qqi_s, u8 qrv,
		       u32 want_ms, u32 want_qqi, u8 want_qrv,
		       unsigned int code, unsigned int qqic, u8 flags)
{
	struct mcs_query_params p;
	enum mcs_parse_result r;
	unsigned int len, off;
	struct mcs_msg m;
	u32 got_code;
	u8 *f;

	p = params(ipv6, ipv6 ? 2 : 3, ipv6 ? "fe80::1" : "10.0.0.1", NULL);
	p.max_resp_ms = max_resp_ms;
	p.qqi_s = qqi_s;
	p.qrv = qrv;
	p.suppress = flags & 0x08;
	f = build(&p, &m, &r, &len);
	if (!f) {
		CHECK(false, "max response %u ms: no frame", max_resp_ms);
		return;
	}
	off = ipv6 ? 14 + 48 : 14 + 24;
	got_code = ipv6 ? (u32)(f[off + 4] << 8 | f[off + 5]) : f[off + 1];
	CHECK(len && r == MCS_PARSE_OK && got_code == code &&
	      m.max_resp_ms == want_ms && m.max_resp_ms <= max_resp_ms,
	      "%s max response %u ms: code 0x%x (want 0x%x), %u ms (want %u)",
	      ipv6 ? "MLDv2" : "IGMPv3", max_resp_ms, got_code, code,
	      m.max_resp_ms, want_ms);
	off += ipv6 ? 24 : 8;
	CHECK(len && r == MCS_PARSE_OK && f[off + 1] == qqic &&
	      m.qqi == want_qqi && m.qqi <= qqi_s,
	      "%s qqi %u s: QQIC 0x%x (want 0x%x), %u s (want %u)",
	      ipv6 ? "MLDv2" : "IGMPv3", qqi_s, f[off + 1], qqic, m.qqi,
	      want_qqi);
	CHECK(len && r == MCS_PARSE_OK && f[off] == flags &&
	      m.qrv == want_qrv,
	      "%s qrv %u S %d: byte 0x%02x (want 0x%02x), qrv %u",
	      ipv6 ? "MLDv2" : "IGMPv3", qrv, !!(flags & 0x08), f[off],
	      flags, m.qrv);
	free(f);
}

static void test_codes(void)
{
	/* IGMPv3: literal up to 12.7 s, then the float (RFC 3376 4.1.1). */
	check_code(false, 12700, 125, 2, 12700, 125, 2, 127, 125, 0x02);
	check_code(false, 12750, 127, 7, 12700, 127, 7, 127, 127, 0x07);
	check_code(false, 13000, 128, 8, 12800, 128, 0, 0x80, 0x80, 0x00);
	check_code(false, 25500, 300, 8, 24800, 288, 0, 0x8f, 0x92, 0x08);
	check_code(false, 25600, 31744, 1, 25600, 31744, 1, 0x90, 0xff, 0x09);
	check_code(false, 3174400, 100000, 0, 3174400, 31744, 0, 0xff, 0xff,
		   0x00);
	check_code(false, 99, 0, 2, 0, 0, 2, 0, 0, 0x02);
	/* MLDv2: literal up to 32767 ms (RFC 3810 5.1.3). */
	check_code(true, 32767, 125, 2, 32767, 125, 2, 32767, 125, 0x02);
	check_code(true, 32768, 300, 8, 32768, 288, 0, 0x8000, 0x92, 0x08);
	check_code(true, 40001, 130, 8, 40000, 128, 0, 0x8000 | 904, 0x80,
		   0x00);
	check_code(true, 10000000, 125, 7, 8387584, 125, 7, 0xffff, 125,
		   0x0f);
	CHECK(mcs_igmp_code_decode(mcs_igmp_code_encode(300)) == 288 &&
	      mcs_igmp_code_decode(mcs_igmp_code_encode(125)) == 125,
	      "qqi 125 s is exact, 300 s is the encoding's 288 s");
}

static void test_invalid(void)
{
	struct mcs_addr srcs[MCS_QUERY_MAX_SOURCES + 1];
	struct mcs_query_params p;
	enum mcs_parse_result r;
	unsigned int i, len;
	struct mcs_msg m;
	u8 buf[2048], *f;
	bool ok;

	for (i = 0; i <= MCS_QUERY_MAX_SOURCES; i++) {
		char text[40];

		snprintf(text, sizeof(text), "2001:db8::%x", i + 1);
		srcs[i] = addr(text);
	}
#define INVALID(expr, what)						\
	do {								\
		p = params(false, 3, "10.0.0.1", "239.1.1.1");		\
		expr;							\
		memset(buf, 0xaa, sizeof(buf));				\
		ok = !mcs_query_len(&p) && !mcs_query_build(buf, &p);	\
		for (i = 0; ok && i < sizeof(buf); i++)			\
			ok = buf[i] == 0xaa;				\
		CHECK(ok, "invalid: %s gives 0, buffer untouched", what); \
	} while (0)

	INVALID(p.version = 1, "IGMP version 1");
	INVALID(p.version = 4, "IGMP version 4");
	INVALID(p.version = 0, "IGMP version 0");
	INVALID(p = params(true, 0, "fe80::1", NULL), "MLD version 0");
	INVALID(p = params(true, 3, "fe80::1", NULL), "MLD version 3");
	INVALID((p.nsrc = 65, p.sources = srcs), "nsrc 65");
	INVALID((p.version = 2, p.nsrc = 1, p.sources = srcs),
		"sources with IGMPv2");
	INVALID((p = params(true, 1, "fe80::1", "ff05::1"), p.nsrc = 1,
		 p.sources = srcs), "sources with MLDv1");
	INVALID((memset(&p.group, 0, sizeof(p.group)), p.nsrc = 1,
		 p.sources = srcs), "sources with a general query");
	INVALID(p.nsrc = 1, "nsrc 1 and no source array");
	INVALID(p.group = addr("10.1.1.1"), "IPv4 unicast group");
	INVALID(p = params(true, 2, "fe80::1", "2001:db8::1"),
		"IPv6 unicast group");
	INVALID(p = params(true, 2, "2001:db8::1", NULL),
		"MLD from a global address");
	INVALID(p = params(true, 2, "::", NULL), "MLD from ::");
#undef INVALID

	/* The most sources allowed, in both families. */
	p = params(false, 3, "10.0.0.1", "239.1.1.1");
	for (i = 0; i < MCS_QUERY_MAX_SOURCES; i++)
		srcs[i] = addr("10.9.9.9");
	p.nsrc = MCS_QUERY_MAX_SOURCES;
	p.sources = srcs;
	f = build(&p, &m, &r, &len);
	CHECK(f && r == MCS_PARSE_OK && len == 14 + 24 + 12 + 4 * 64 &&
	      m.nsrc == 64, "IGMPv3 with 64 sources: %u bytes", len);
	free(f);
	p = params(true, 2, "fe80::1", "ff3e::1");
	for (i = 0; i < MCS_QUERY_MAX_SOURCES; i++)
		srcs[i] = addr("2001:db8::9");
	p.nsrc = MCS_QUERY_MAX_SOURCES;
	p.sources = srcs;
	f = build(&p, &m, &r, &len);
	CHECK(f && r == MCS_PARSE_OK && len == 14 + 48 + 28 + 16 * 64 &&
	      m.nsrc == 64, "MLDv2 with 64 sources: %u bytes", len);
	free(f);
}

/* MRD solicitations: 8 bytes to all routers, parsed back as such. */
static void test_mrd_solicit(void)
{
	static const struct {
		bool ipv6;
		const char *src, *dst, *dst_mac;
		unsigned int len;
	} t[] = {
		{ false, "10.0.0.2", "224.0.0.2", "01:00:5e:00:00:02", 46 },
		{ false, "0.0.0.0", "224.0.0.2", "01:00:5e:00:00:02", 46 },
		{ true, "fe80::2", "ff02::2", "33:33:00:00:00:02", 70 },
	};
	struct mcs_query_params p;
	enum mcs_parse_result r;
	unsigned int i, len;
	struct mcs_msg m;
	u8 *f;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p = params(t[i].ipv6, 0, t[i].src, NULL);
		p.mrd_solicit = true;
		f = build(&p, &m, &r, &len);
		CHECK(f && len == t[i].len && r == MCS_PARSE_OK &&
		      m.kind == MCS_MSG_MRD_SOL && addr_is(&m.dst, t[i].dst) &&
		      addr_is(&m.src, t[i].src) && mac_is(f, t[i].dst_mac),
		      "MRD solicitation from %s: %u bytes to %s", t[i].src,
		      len, t[i].dst);
		free(f);
	}
	/* IPv6: a link-local source only. */
	p = params(true, 0, "2001:db8::2", NULL);
	p.mrd_solicit = true;
	CHECK(!mcs_query_len(&p), "MRD solicitation from 2001:db8::2: refused");
}

int main(void)
{
	int rc;

	pcap_open();
	printf("TAP version 13\n");
	test_igmp();
	test_mld();
	test_codes();
	test_invalid();
	test_mrd_solicit();
	rc = ktap_finish();
	if (pcap) {
		printf("# pcap: %u frames\n", pcap_frames);
		if (fclose(pcap))
			return 2;
	}
	return rc;
}
