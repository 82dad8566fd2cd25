/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line values: seconds with decimals, on|off, numbers in a range,
 * IPv4/IPv6 addresses (interface names: words.h). Parsers return 0 or -1
 * and print nothing; callers name the keyword in their error message.
 */
#ifndef MCS_PARSE_ARGS_H
#define MCS_PARSE_ARGS_H

#include <stdbool.h>
#include <stdint.h>

/* An IPv4 (len 4) or IPv6 (len 16) address in network byte order. */
struct mcs_addr {
	int family;		/* AF_INET or AF_INET6 */
	unsigned int len;
	uint8_t bytes[16];
};

/*
 * Seconds with up to three decimals ("0.5", "1", "1.25") to milliseconds.
 * No sign, no exponent, at most max_ms.
 */
int mcs_parse_secs(const char *arg, uint32_t max_ms, uint32_t *ms);
/* "on" or "off". */
int mcs_parse_on_off(const char *arg, bool *value);
/* A decimal number in [min, max]. */
int mcs_parse_u32(const char *arg, uint32_t min, uint32_t max, uint32_t *value);
/* An IPv4 or IPv6 address (inet_pton). */
int mcs_parse_addr(const char *arg, struct mcs_addr *addr);
/*
 * An address range of one family, min <= max (network byte order, which
 * compares as numbers do).
 */
struct mcs_range {
	int family;		/* AF_INET or AF_INET6 */
	unsigned int len;	/* 4 or 16 */
	uint8_t min[16];
	uint8_t max[16];
};

/*
 * ADDR, ADDR-ADDR or ADDR/LEN (the prefix, without bits set beyond LEN)
 * as a range. On -1, why (size bytes) says what was wrong, e.g. "the
 * first address is above the last".
 */
int mcs_parse_range(const char *arg, struct mcs_range *range, char *why,
		    unsigned int size);
/* Address bytes from netlink back to text; false if len is not 4 or 16. */
bool mcs_format_addr(const void *bytes, unsigned int len, char *buf,
		     unsigned int size);

#endif /* MCS_PARSE_ARGS_H */
