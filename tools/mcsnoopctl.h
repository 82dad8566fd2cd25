/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MCS_MCSNOOPCTL_H
#define MCS_MCSNOOPCTL_H

#include <stdbool.h>

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

#endif /* MCS_MCSNOOPCTL_H */
