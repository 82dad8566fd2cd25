/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink requests over libmnl with extended ACKs: errors come back with
 * the kernel's message, which callers print as "Error: <message>".
 */
#ifndef MCS_NL_H
#define MCS_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

struct nl_sock {
	struct mnl_socket *sock;
	uint32_t portid;
	uint32_t seq;
	uint16_t genl_family;	/* 0 for rtnetlink */
	char *buf;
};

/* What a failed request said: errno and the extack message, if any. */
struct nl_error {
	int err;
	char msg[256];
};

int nl_open(struct nl_sock *nl, int bus);
void nl_close(struct nl_sock *nl);

/* A request header in nl->buf; genl requests get the genl header too. */
struct nlmsghdr *nl_msg(struct nl_sock *nl, uint16_t type, uint16_t flags);
struct nlmsghdr *genl_msg(struct nl_sock *nl, uint8_t cmd, uint16_t flags);

/*
 * Send a request and run cb on every reply until the ACK or the end of
 * the dump. Returns 0, or -1 with *err filled in.
 */
int nl_talk(struct nl_sock *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	    struct nl_error *err);

/* Find a generic netlink family by name (the kernel loads its module). */
int genl_open(struct nl_sock *nl, const char *family, struct nl_error *err);

/*
 * Attribute tables, iproute2 style: tb[type] points at the last attribute
 * of that type (types above max are ignored). The getters return 0 or
 * NULL when the attribute is missing or has the wrong size.
 */
void nl_attrs(const struct nlmsghdr *nlh, unsigned int offset,
	      const struct nlattr **tb, unsigned int max);
void nl_nested(const struct nlattr *nest, const struct nlattr **tb,
	       unsigned int max);
uint8_t nl_u8(const struct nlattr *attr);
uint16_t nl_u16(const struct nlattr *attr);
uint32_t nl_u32(const struct nlattr *attr);
uint64_t nl_u64(const struct nlattr *attr);
const char *nl_str(const struct nlattr *attr);

/* Print "Error: <message>" for a failed request, with a context prefix. */
void nl_perror(const struct nl_error *err, const char *context);

#endif /* MCS_NL_H */
