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
