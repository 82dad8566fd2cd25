// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of kmod/filter.c, the source filter state machine, in
 * userspace (built with -fsanitize=address,undefined): one case per row of
 * RFC 3376 6.4.1 and 6.4.2 (named as the kernel's bridge_igmp.sh names
 * them: v3inc_allow, v3exc_block, ...), host compatibility (RFC 3376
 * 7.3.2, RFC 3810 8.3.2), expiry, the source limit and the packet path's
 * view. Prints KTAP and "N passed, N failed".
 *
 * Sources are 10.0.0.N, written as the digits N; a member starts with its
 * requested sources' timers at T0 and its group timer at GT0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>

#include "../filter.h"
#include "ktap.h"



#define NOW	100000UL
#define T0	(NOW + 500)	/* a requested source's timer before */
#define GT0	(NOW + 700)	/* the group timer before */
#define GMI	(NOW + 2600)
#define OLDER	(NOW + 2500)	/* older host present interval */
#define LMQT	(NOW + 20)

static const struct mcs_filter_times times = {
	.now = NOW, .gmi_end = GMI, .older_end = OLDER, .lmq_end = LMQT,
};

static struct in6_addr src(bool ipv6, char digit)
{
	char text[32];
	struct in6_addr a;

	memset(&a, 0, sizeof(a));
	if (ipv6) {
		snprintf(text, sizeof(text), "fe80::%c", digit);
		inet_pton(AF_INET6, text, &a);
	} else {
		snprintf(text, sizeof(text), "10.0.0.%c", digit);
		a.s6_addr[10] = 0xff;
		a.s6_addr[11] = 0xff;
		inet_pton(AF_INET, text, &a.s6_addr[12]);
	}
	return a;
}

/* A learnt member: INCLUDE(req) or EXCLUDE(req, blocked). */
static struct mcs_member *member(bool ipv6, u8 mode, const char *req,
				 const char *blocked)
{
	struct mcs_member *m = calloc(1, sizeof(*m));
	struct in6_addr a;

	m->mode = mode;
	m->group_expires = mode == MCSNOOP_FILTER_EXCLUDE ? GT0 : 0;
	INIT_HLIST_HEAD(&m->sources);
	for (; *req; req++) {
		a = src(ipv6, *req);
		mcs_source_new(m, &a, T0, false);
	}
	for (; blocked && *blocked; blocked++) {
		a = src(ipv6, *blocked);
		mcs_source_new(m, &a, 0, true);
	}
	return m;
}

static void member_free(struct mcs_member *m)
{
	mcs_sources_free(m, false);
	free(m);
}

/* A record of type with the sources digits (IPv4 or IPv6 bytes). */
struct rec_buf {
	struct mcs_record rec;
	u8 bytes[16 * 80];
};

static const struct mcs_record *record(struct rec_buf *b, bool ipv6, u8 type,
				       u8 version, const char *digits)
{
	struct in6_addr a;
	unsigned int i, alen = ipv6 ? 16 : 4;

	memset(b, 0, sizeof(*b));
	b->rec.type = type;
	b->rec.version = version;
	b->rec.sources = b->bytes;
	for (i = 0; digits[i]; i++) {
		a = src(ipv6, digits[i]);
		memcpy(b->bytes + i * alen, ipv6 ? a.s6_addr : a.s6_addr + 12,
		       alen);
	}
	b->rec.nsrc = i;
	return &b->rec;
}

/* The digits of m's sources, blocked or not, in order. */
static const char *sources(const struct mcs_member *m, bool blocked,
			   char *out)
{
	const struct mcs_source *s;
	unsigned int k = 0;
	char d;

	for (d = '0'; d <= '9'; d++) {
		struct in6_addr a4 = src(false, d), a6 = src(true, d);

		hlist_for_each_entry(s, &m->sources, node)
			if (s->blocked == blocked &&
			    (ipv6_addr_equal(&s->addr, &a4) ||
			     ipv6_addr_equal(&s->addr, &a6)))
				out[k++] = d;
	}
	out[k] = 0;
	return out;
}

static unsigned long timer(const struct mcs_member *m, bool ipv6, char d)
{
	struct in6_addr a = src(ipv6, d);
	const struct mcs_source *s = mcs_source_find(m, &a);

	return s ? s->expires : 0;
}

static const char *queried(const struct mcs_filter_result *r, char *out)
{
	unsigned int i, k = 0;
	char d;

	if (r->query_group)
		return "G";
	for (d = '0'; d <= '9'; d++) {
		struct in6_addr a4 = src(false, d), a6 = src(true, d);

		for (i = 0; i < r->query_nsrc; i++)
			if (ipv6_addr_equal(&r->query_src[i], &a4) ||
			    ipv6_addr_equal(&r->query_src[i], &a6))
				out[k++] = d;
	}
	out[k] = 0;
	return out;
}

/*
 * Apply one v3 record to a fresh member and check the outcome: mode,
 * requested and blocked sources, the query asked for ("" none, "G" the
 * group, else the sources).
 */
struct expect {
	const char *name;
	u8 mode;
	const char *req, *blocked;	/* the state before */
	u8 type;
	const char *rec;
	u8 mode_after;
	const char *req_after, *blocked_after, *query;
	unsigned long gt_after;		/* EXCLUDE: the group timer after */
	const char *gmi, *t0, *gt, *lmqt; /* requested sources' timers */
};

static void check_timers(const struct mcs_member *m, const struct expect *e,
			 const char *which, unsigned long want)
{
	bool ok = true;

	for (; which && *which; which++)
		ok = ok && timer(m, false, *which) == want;
	CHECK(ok, "%s: timers", e->name);
}

static void transition(const struct expect *e)
{
	struct mcs_member *m = member(false, e->mode, e->req, e->blocked);
	struct mcs_filter_result res;
	char buf[3][16];
	struct rec_buf b;

	mcs_filter_apply(m, false, record(&b, false, e->type, 3, e->rec),
			 &times, &res);
	CHECK(!res.ignored && res.wants && m->mode == e->mode_after &&
	      !strcmp(sources(m, false, buf[0]), e->req_after) &&
	      !strcmp(sources(m, true, buf[1]), e->blocked_after) &&
	      !strcmp(queried(&res, buf[2]), e->query),
	      "%s: %s(%s, %s) -> %s(%s, %s), query {%s} (want %s(%s, %s), {%s})",
	      e->name, e->mode == MCSNOOP_FILTER_INCLUDE ? "INCLUDE" : "EXCLUDE",
	      e->req, e->blocked ? e->blocked : "",
	      m->mode == MCSNOOP_FILTER_INCLUDE ? "INCLUDE" : "EXCLUDE",
	      buf[0], buf[1], buf[2],
	      e->mode_after == MCSNOOP_FILTER_INCLUDE ? "INCLUDE" : "EXCLUDE",
	      e->req_after, e->blocked_after, e->query);
	if (e->mode_after == MCSNOOP_FILTER_EXCLUDE)
		CHECK(m->group_expires == e->gt_after,
		      "%s: group timer %lu (want %lu)", e->name,
		      m->group_expires - NOW, e->gt_after - NOW);
	check_timers(m, e, e->gmi, GMI);
	check_timers(m, e, e->t0, T0);
	check_timers(m, e, e->gt, GT0);
	check_timers(m, e, e->lmqt, LMQT);
	member_free(m);
}

#define INC MCSNOOP_FILTER_INCLUDE
#define EXC MCSNOOP_FILTER_EXCLUDE

/* RFC 3376 6.4.1 and 6.4.2: INCLUDE(A = 12), EXCLUDE(X = 12, Y = 34). */
static const struct expect table[] = {
	/* INCLUDE (A), IS_IN (B): INCLUDE (A+B), (B)=GMI */
	{ "v3inc_isin", INC, "12", NULL, MCS_REC_IS_IN, "23",
	  INC, "123", "", "", 0, .gmi = "23", .t0 = "1" },
	/* IS_EX (B): EXCLUDE (A*B, B-A), (B-A)=0, Delete (A-B), GT=GMI */
	{ "v3inc_isex", INC, "12", NULL, MCS_REC_IS_EX, "23",
	  EXC, "2", "3", "", GMI, .t0 = "2" },
	/* ALLOW (B): INCLUDE (A+B), (B)=GMI */
	{ "v3inc_allow", INC, "12", NULL, MCS_REC_ALLOW, "23",
	  INC, "123", "", "", 0, .gmi = "23", .t0 = "1" },
	/* BLOCK (B): INCLUDE (A), Send Q(G,A*B) */
	{ "v3inc_block", INC, "12", NULL, MCS_REC_BLOCK, "23",
	  INC, "12", "", "2", 0, .t0 = "1", .lmqt = "2" },
	/* TO_IN (B): INCLUDE (A+B), (B)=GMI, Send Q(G,A-B) */
	{ "v3inc_toin", INC, "12", NULL, MCS_REC_TO_IN, "23",
	  INC, "123", "", "1", 0, .gmi = "23", .lmqt = "1" },
	/* TO_EX (B): EXCLUDE (A*B, B-A), (B-A)=0, Delete (A-B),
	 * Send Q(G,A*B), GT=GMI
	 */
	{ "v3inc_toex", INC, "12", NULL, MCS_REC_TO_EX, "23",
	  EXC, "2", "3", "2", GMI, .lmqt = "2" },
	/* EXCLUDE (X,Y), IS_IN (A): EXCLUDE (X+A, Y-A), (A)=GMI */
	{ "v3exc_isin", EXC, "12", "34", MCS_REC_IS_IN, "235",
	  EXC, "1235", "4", "", GT0, .gmi = "235", .t0 = "1" },
	/* IS_EX (A): EXCLUDE (A-Y, Y*A), (A-X-Y)=GMI, Delete (X-A),
	 * Delete (Y-A), GT=GMI
	 */
	{ "v3exc_isex", EXC, "12", "34", MCS_REC_IS_EX, "235",
	  EXC, "25", "3", "", GMI, .gmi = "5", .t0 = "2" },
	/* ALLOW (A): EXCLUDE (X+A, Y-A), (A)=GMI */
	{ "v3exc_allow", EXC, "12", "34", MCS_REC_ALLOW, "235",
	  EXC, "1235", "4", "", GT0, .gmi = "235", .t0 = "1" },
	/* BLOCK (A): EXCLUDE (X+(A-Y), Y), (A-X-Y)=Group Timer,
	 * Send Q(G,A-Y)
	 */
	{ "v3exc_block", EXC, "12", "34", MCS_REC_BLOCK, "235",
	  EXC, "125", "34", "25", GT0, .t0 = "1", .lmqt = "25" },
	/* TO_IN (A): EXCLUDE (X+A, Y-A), (A)=GMI, Send Q(G,X-A), Send Q(G) */
	{ "v3exc_toin", EXC, "12", "34", MCS_REC_TO_IN, "235",
	  EXC, "1235", "4", "G", LMQT, .gmi = "235", .lmqt = "1" },
	/* TO_EX (A): EXCLUDE (A-Y, Y*A), (A-X-Y)=Group Timer, Delete (X-A),
	 * Delete (Y-A), Send Q(G,A-Y), GT=GMI
	 */
	{ "v3exc_toex", EXC, "12", "34", MCS_REC_TO_EX, "235",
	  EXC, "25", "3", "25", GMI, .lmqt = "25" },
};

/*
 * A host repeats its state-change report (robustness): the second BLOCK
 * or TO_IN({}) finds the timers lowered and asks nothing again.
 */
static void test_repeated(void)
{
	struct mcs_filter_result res;
	struct mcs_member *m;
	struct rec_buf b;
	char buf[16];

	m = member(false, INC, "12", NULL);
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_BLOCK, 3, "1"),
			 &times, &res);
	CHECK(!strcmp(queried(&res, buf), "1") && m->leave_lowered,
	      "repeat_block: first BLOCK(1) asks {%s}", buf);
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_BLOCK, 3, "1"),
			 &times, &res);
	CHECK(!strcmp(queried(&res, buf), "") && m->leave_lowered &&
	      timer(m, false, '1') == LMQT,
	      "repeat_block: second BLOCK(1) asks {%s}, 1 still lowered", buf);
	member_free(m);
	m = member(false, EXC, "", "");
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_IN, 3, ""),
			 &times, &res);
	CHECK(res.query_group && m->group_expires == LMQT,
	      "repeat_toin: first TO_IN({}) asks the group");
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_IN, 3, ""),
			 &times, &res);
	CHECK(!res.query_group && !res.query_nsrc && m->leave_lowered,
	      "repeat_toin: the second asks nothing, still a leave");
	member_free(m);
}

/* Host compatibility: an older report, then a record of a v3 host. */
static void test_compat(void)
{
	struct mcs_filter_result res;
	struct mcs_filter_times later = times;
	struct mcs_member *m;
	struct rec_buf b;
	char buf[2][16];

	/* An IGMPv2 report is IS_EX({}): v2 mode for OLDER. */
	m = member(false, INC, "", NULL);
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_IS_EX, 2, ""),
			 &times, &res);
	CHECK(m->mode == EXC && mcs_member_host_compat(m, false, NOW) == 2,
	      "compat_v2_report: EXCLUDE({}), host compat 2 (got %u)",
	      mcs_member_host_compat(m, false, NOW));
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_BLOCK, 3, "1"),
			 &times, &res);
	CHECK(res.ignored && !m->nsrc && !res.query_nsrc,
	      "compat_v2_block: BLOCK(1) ignored");
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_EX, 3, "1"),
			 &times, &res);
	CHECK(!res.ignored && m->mode == EXC &&
	      !strcmp(sources(m, true, buf[0]), ""),
	      "compat_v2_toex: TO_EX(1) is TO_EX({}), blocked {%s}", buf[0]);
	/* In v2 mode an IGMPv2 leave (TO_IN({})) is a leave. */
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_IN, 2, ""),
			 &times, &res);
	CHECK(!res.ignored && res.query_group && m->group_expires == LMQT,
	      "compat_v2_leave: a v2 leave asks the group, GT lowered");
	/* After the older host present interval, v3 rules again. */
	later.now = OLDER;
	later.gmi_end = OLDER + 2600;
	later.lmq_end = OLDER + 20;
	later.older_end = OLDER + 2500;
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_IS_EX, 3, ""),
			 &later, &res);
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_EX, 3, "1"),
			 &later, &res);
	/* From EXCLUDE({}): 1 at the group timer, lowered, and asked. */
	CHECK(mcs_member_host_compat(m, false, OLDER) == 3 &&
	      !strcmp(sources(m, false, buf[0]), "1") &&
	      timer(m, false, '1') == later.lmq_end && res.query_nsrc == 1,
	      "compat_v2_expired: TO_EX(1) honoured again, {%s} asked",
	      buf[0]);
	member_free(m);

	/* IGMPv1 hosts: TO_IN() and IGMPv2 leaves are ignored too. */
	m = member(false, INC, "", NULL);
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_IS_EX, 1, ""),
			 &times, &res);
	CHECK(mcs_member_host_compat(m, false, NOW) == 1,
	      "compat_v1_report: host compat 1");
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_IN, 2, ""),
			 &times, &res);
	CHECK(res.ignored && m->group_expires == GMI,
	      "compat_v1_leave: an IGMPv2 leave is ignored");
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_TO_IN, 3, "1"),
			 &times, &res);
	CHECK(res.ignored && !m->nsrc, "compat_v1_toin: TO_IN(1) is ignored");
	/* A v2 report as well: v1 mode still (the oldest rules). */
	mcs_filter_apply(m, false, record(&b, false, MCS_REC_IS_EX, 2, ""),
			 &times, &res);
	CHECK(mcs_member_host_compat(m, false, NOW) == 1,
	      "compat_v1_v2: IGMPv1 and IGMPv2 hosts: compat 1");
	member_free(m);

	/* MLDv1 hosts, on an MLDv2 LAN. */
	m = member(true, INC, "", NULL);
	mcs_filter_apply(m, true, record(&b, true, MCS_REC_IS_EX, 1, ""),
			 &times, &res);
	mcs_filter_apply(m, true, record(&b, true, MCS_REC_BLOCK, 2, "1"),
			 &times, &res);
	CHECK(mcs_member_host_compat(m, true, NOW) == 1 && res.ignored,
	      "compat_mldv1_block: BLOCK ignored with MLDv1 hosts");
	mcs_filter_apply(m, true, record(&b, true, MCS_REC_TO_EX, 2, "1"),
			 &times, &res);
	CHECK(!strcmp(sources(m, true, buf[0]), ""),
	      "compat_mldv1_toex: TO_EX(1) is TO_EX({}), blocked {%s}",
	      buf[0]);
	/* MLDv1 done (TO_IN({})): a leave, not ignored. */
	mcs_filter_apply(m, true, record(&b, true, MCS_REC_TO_IN, 1, ""),
			 &times, &res);
	CHECK(!res.ignored && res.query_group,
	      "compat_mldv1_done: a done asks the group");
	member_free(m);
	/* No older host: IGMPv3 mode. */
	m = member(false, INC, "1", NULL);
	CHECK(mcs_member_host_compat(m, false, NOW) == 3 &&
	      mcs_member_host_compat(m, true, NOW) == 2,
	      "compat_none: IGMPv3 / MLDv2");
	member_free(m);
}

/* Timers run out: the packet path's view, then the settled state. */
static void test_expiry(void)
{
	struct mcs_member *m = member(false, EXC, "1", "2");
	struct in6_addr a1 = src(false, '1'), a2 = src(false, '2'),
			a3 = src(false, '3');
	unsigned long next = NOW + 1000;
	char buf[16];

	CHECK(mcs_member_accepts(m, &a1, NOW) &&
	      !mcs_member_accepts(m, &a2, NOW) &&
	      mcs_member_accepts(m, &a3, NOW),
	      "accepts_exclude: 1 and 3 forwarded, 2 blocked");
	/* After GT, EXCLUDE becomes INCLUDE of what is still requested. */
	CHECK(mcs_member_accepts(m, &a1, GT0) == false &&
	      !mcs_member_accepts(m, &a3, GT0),
	      "accepts_after_gt: nothing after both timers");
	mcs_member_soonest(m, &next);
	CHECK(next == T0, "soonest_exclude: the requested source's timer, "
	      "not the group timer or a blocked source's (%lu)", next - NOW);
	m->is_static = true;
	next = NOW + 1000;
	mcs_member_soonest(m, &next);
	CHECK(next == NOW + 1000, "soonest_static: no timer (%lu)",
	      next - NOW);
	m->is_static = false;
	CHECK(mcs_member_settle(m, T0 - 1) && m->mode == EXC,
	      "settle_before: still EXCLUDE");
	CHECK(mcs_member_settle(m, GT0 - 1) && m->mode == EXC &&
	      !strcmp(sources(m, true, buf), "12"),
	      "settle_source: an expired requested source is blocked {%s}",
	      buf);
	next = NOW + 1000;
	mcs_member_soonest(m, &next);
	CHECK(next == GT0, "soonest_group: the group timer once the source's "
	      "ran out (%lu)", next - NOW);
	CHECK(!mcs_member_settle(m, GT0) && m->mode == INC && !m->nsrc,
	      "settle_gt: EXCLUDE -> INCLUDE({}), nothing wanted");
	member_free(m);
	m = member(false, INC, "12", NULL);
	CHECK(mcs_member_accepts(m, &a1, NOW) &&
	      !mcs_member_accepts(m, &a3, NOW),
	      "accepts_include: 1 forwarded, 3 not");
	CHECK(mcs_member_expires(m, NOW) == T0,
	      "expires: the last source timer");
	CHECK(!mcs_member_settle(m, T0) && !m->nsrc,
	      "settle_include: expired sources go");
	member_free(m);
}

/* More sources than a member tracks: it forwards them all. */
static void test_degrade(void)
{
	struct mcs_member *m = member(false, INC, "", NULL);
	struct mcs_filter_result res;
	struct rec_buf b;
	unsigned int i;

	record(&b, false, MCS_REC_ALLOW, 3, "");
	b.rec.nsrc = MCS_MAX_SOURCES + 1;
	for (i = 0; i < b.rec.nsrc; i++) {
		b.bytes[i * 4] = 10;
		b.bytes[i * 4 + 2] = i >> 8;
		b.bytes[i * 4 + 3] = i;
	}
	mcs_filter_apply(m, false, &b.rec, &times, &res);
	CHECK(m->mode == EXC && !m->nsrc && m->group_expires == GMI &&
	      res.wants,
	      "degrade: %u sources -> EXCLUDE({}) for a membership interval",
	      b.rec.nsrc);
	member_free(m);
}

int main(void)
{
	unsigned int i;

	printf("TAP version 13\n");
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		transition(&table[i]);
	test_repeated();
	test_compat();
	test_expiry();
	test_degrade();
	return ktap_finish();
}
