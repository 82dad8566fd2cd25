// SPDX-License-Identifier: GPL-2.0
/*
 * Parsers of command line values.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "parse_args.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int mcs_parse_secs(const char *arg, uint32_t max_ms, uint32_t *ms)
{
	uint64_t value = 0;
	int decimals = 0;
	const char *p = arg;

	if (!is_digit(*p))
		return -1;
	for (; is_digit(*p); p++) {
		value = value * 10 + (*p - '0');
		if (value > max_ms)	/* keeps value small, whatever follows */
			return -1;
	}
	value *= 1000;
	if (*p == '.') {
		uint64_t scale = 100;

		p++;
		if (!is_digit(*p))
			return -1;
		for (; is_digit(*p); p++, decimals++) {
			if (decimals == 3)
				return -1;
			value += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p || value > max_ms)
		return -1;
	*ms = value;
	return 0;
}

int mcs_parse_on_off(const char *arg, bool *value)
{
	if (!strcmp(arg, "on"))
		*value = true;
	else if (!strcmp(arg, "off"))
		*value = false;
	else
		return -1;
	return 0;
}

int mcs_parse_u32(const char *arg, uint32_t min, uint32_t max, uint32_t *value)
{
	uint64_t v = 0;
	const char *p = arg;

	if (!is_digit(*p))
		return -1;
	for (; is_digit(*p); p++) {
		v = v * 10 + (*p - '0');
		if (v > max)
			return -1;
	}
	if (*p || v < min)
		return -1;
	*value = v;
	return 0;
}

int mcs_parse_addr(const char *arg, struct mcs_addr *addr)
{
	memset(addr, 0, sizeof(*addr));
	if (inet_pton(AF_INET, arg, addr->bytes) == 1) {
		addr->family = AF_INET;
		addr->len = 4;
		return 0;
	}
	if (inet_pton(AF_INET6, arg, addr->bytes) == 1) {
		addr->family = AF_INET6;
		addr->len = 16;
		return 0;
	}
	return -1;
}

/* ADDR/LEN: the range of the prefix; -1 with why on an error. */
static int parse_prefix(const char *arg, const char *slash,
			struct mcs_range *r, char *why, unsigned int size)
{
	char addr[INET6_ADDRSTRLEN + 1];
	struct mcs_addr a;
	uint32_t plen;
	unsigned int i, bits;
	uint8_t mask;

	snprintf(addr, sizeof(addr), "%.*s", (int)(slash - arg), arg);
	if ((size_t)(slash - arg) >= sizeof(addr) ||
	    mcs_parse_addr(addr, &a) < 0) {
		snprintf(why, size, "\"%.*s\" is not an IPv4 or IPv6 address",
			 (int)(slash - arg), arg);
		return -1;
	}
	if (mcs_parse_u32(slash + 1, 0, a.len * 8, &plen) < 0) {
		snprintf(why, size, "the prefix length is not 0-%u", a.len * 8);
		return -1;
	}
	r->family = a.family;
	r->len = a.len;
	for (i = 0; i < a.len; i++) {
		bits = plen > i * 8 ? plen - i * 8 : 0;
		mask = bits >= 8 ? 0xff : (uint8_t)(0xff << (8 - bits));
		r->min[i] = a.bytes[i] & mask;
		r->max[i] = a.bytes[i] | (uint8_t)~mask;
	}
	if (memcmp(r->min, a.bytes, a.len)) {
		char prefix[INET6_ADDRSTRLEN];

		mcs_format_addr(r->min, r->len, prefix, sizeof(prefix));
		snprintf(why, size, "bits set beyond the prefix length (%s/%u?)",
			 prefix, plen);
		return -1;
	}
	return 0;
}

/* One address of a range: its text is the len bytes at arg. */
static int parse_range_addr(const char *arg, size_t len, struct mcs_addr *a,
			    char *why, unsigned int size)
{
	char buf[INET6_ADDRSTRLEN + 1];

	snprintf(buf, sizeof(buf), "%.*s", (int)len, arg);
	if (len >= sizeof(buf) || mcs_parse_addr(buf, a) < 0) {
		snprintf(why, size, "\"%.*s\" is not an IPv4 or IPv6 address",
			 (int)len, arg);
		return -1;
	}
	return 0;
}

int mcs_parse_range(const char *arg, struct mcs_range *range, char *why,
		    unsigned int size)
{
	const char *dash = strchr(arg, '-'), *slash = strchr(arg, '/');
	struct mcs_addr first, last;

	memset(range, 0, sizeof(*range));
	if (slash && (!dash || slash < dash))
		return parse_prefix(arg, slash, range, why, size);
	if (parse_range_addr(arg, dash ? (size_t)(dash - arg) : strlen(arg),
			     &first, why, size) < 0)
		return -1;
	last = first;
	if (dash && parse_range_addr(dash + 1, strlen(dash + 1), &last, why,
				     size) < 0)
		return -1;
	if (first.family != last.family) {
		snprintf(why, size, "the two addresses are of different families");
		return -1;
	}
	if (memcmp(first.bytes, last.bytes, first.len) > 0) {
		snprintf(why, size, "the first address is above the last");
		return -1;
	}
	range->family = first.family;
	range->len = first.len;
	memcpy(range->min, first.bytes, first.len);
	memcpy(range->max, last.bytes, last.len);
	return 0;
}

bool mcs_format_addr(const void *bytes, unsigned int len, char *buf,
		     unsigned int size)
{
	int family = len == 4 ? AF_INET : len == 16 ? AF_INET6 : 0;

	if (!family || !inet_ntop(family, bytes, buf, size)) {
		snprintf(buf, size, "?");
		return false;
	}
	return true;
}
