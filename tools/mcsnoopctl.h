/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MCS_MCSNOOPCTL_H
#define MCS_MCSNOOPCTL_H

#include <stdbool.h>
#include <stdio.h>

#include "nl.h"

/* Global options and the lazily opened mcsnoop family socket. */
struct mcs_ctx {
	bool json;
	bool pretty;
	bool stats;
	struct nl_sock genl;
	bool genl_open;
};

/* A COMMAND word of an OBJECT and its handler. */
struct mcs_cmd {
	const char *name;
	int (*run)(struct mcs_ctx *ctx, int argc, char **argv);
};

/*
 * Run the command argv[0] names (unique prefixes allowed) from cmds.
 * "help" and no command print usage. Returns the exit status.
 */
int mcs_dispatch(struct mcs_ctx *ctx, const struct mcs_cmd *cmds,
		 void (*usage)(void), int argc, char **argv);

/* True if arg is a prefix of word (iproute2's matches()). */
bool mcs_matches(const char *arg, const char *word);

/* The mcsnoop family socket; prints the error and returns NULL on failure. */
struct nl_sock *mcs_genl(struct mcs_ctx *ctx);

/* "Error: ..." on stderr for usage problems; returns 1. */
int mcs_usage_error(void (*usage)(void), const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Objects. */
int mcs_bridge_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_bridge_usage(void);
int mcs_port_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_port_usage(void);
/* port template add|del|show (template.c). */
int mcs_template_main(struct mcs_ctx *ctx, int argc, char **argv);
int mcs_template_print_cb(const struct nlmsghdr *nlh, void *data);
int mcs_vlan_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_vlan_usage(void);
int mcs_group_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_group_usage(void);
int mcs_stats_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_stats_usage(void);
int mcs_querier_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_querier_usage(void);
int mcs_monitor_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_monitor_usage(void);
/* Filtering profiles (profile.c, profile.h). */
int mcs_profile_main(struct mcs_ctx *ctx, int argc, char **argv);
void mcs_profile_usage(void);

/*
 * Printers of one reply each (text or JSON), for mcs_show; the unit tests
 * feed them messages too. data is the struct mcs_ctx where -s matters.
 */
int mcs_bridge_print_cb(const struct nlmsghdr *nlh, void *data);
int mcs_port_print_cb(const struct nlmsghdr *nlh, void *data);
int mcs_vlan_print_cb(const struct nlmsghdr *nlh, void *data);
/*
 * GROUP_GET's printer keeps the last group open: the kernel sends a group
 * whose members do not fit in one message in consecutive messages, the
 * next ones with the members that follow, and they print as one group.
 * data: a struct mcs_group_print, zeroed before the dump and given to
 * mcs_group_print_end() after it.
 */
struct mcs_group_print {
	bool stats;			/* -s: the traffic out */
	bool open;			/* key's group printed, not closed */
	uint32_t bridge;
	uint16_t vid;
	uint16_t addr_len;
	uint8_t addr[16];
};
int mcs_group_print_cb(const struct nlmsghdr *nlh, void *data);
void mcs_group_print_end(struct mcs_group_print *gp);
int mcs_stats_bridge_print_cb(const struct nlmsghdr *nlh, void *data);
int mcs_stats_port_print_cb(const struct nlmsghdr *nlh, void *data);
int mcs_querier_print_cb(const struct nlmsghdr *nlh, void *data);
int mcs_profile_print_cb(const struct nlmsghdr *nlh, void *data);
/* The word of an event reason, "-" and " " as "_" for JSON. */
const char *mcs_event_reason_word(unsigned int reason, bool json, char *buf,
				  size_t size);
/* One event; data: a bridge ifindex to keep only its events, or NULL. */
int mcs_monitor_print_cb(const struct nlmsghdr *nlh, void *data);
/* One event as a line of text or JSON into file (bridge 0: any bridge). */
void mcs_monitor_print(const struct nlmsghdr *nlh, uint32_t bridge,
		       FILE *file, bool json);

/*
 * Run a show request: the JSON array around the replies of cb, the
 * error of the kernel if any. Returns the exit status.
 */
int mcs_show(struct nl_sock *nl, struct nlmsghdr *nlh, mnl_cb_t cb,
	     void *data);
/* A dump request of cmd, of the bridge named (attribute bridge_attr) if any. */
struct nlmsghdr *mcs_bridge_dump_msg(struct nl_sock *nl, uint8_t cmd,
				     uint16_t bridge_attr, const char *bridge);
/*
 * "show [BRIDGE]": dump cmd, filtered by the bridge named in argv[0]
 * (attribute bridge_attr) if one is given. Returns the exit status.
 */
int mcs_show_bridge_dump(struct mcs_ctx *ctx, int argc, char **argv,
			 void (*usage)(void), uint8_t cmd,
			 uint16_t bridge_attr, mnl_cb_t cb);
/* Send a request that has no reply; prints the error. Returns the exit status. */
int mcs_do(struct nl_sock *nl, struct nlmsghdr *nlh);

#endif /* MCS_MCSNOOPCTL_H */
