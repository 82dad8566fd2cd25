// SPDX-License-Identifier: GPL-2.0
/*
 * Command plumbing shared by the objects: keyword dispatch, usage errors,
 * the mcsnoop family socket, show and do requests.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "words.h"

bool mcs_matches(const char *arg, const char *word)
{
	size_t len = strlen(arg);

	return len > 0 && len <= strlen(word) && !strncmp(arg, word, len);
}

int mcs_usage_error(void (*print_usage)(void), const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	if (print_usage)
		print_usage();
	return 1;
}

static bool is_help(const char *arg)
{
	return !strcmp(arg, "help") || !strcmp(arg, "-h") ||
	       !strcmp(arg, "--help");
}

int mcs_dispatch(struct mcs_ctx *ctx, const struct mcs_cmd *cmds,
		 void (*print_usage)(void), int argc, char **argv)
{
	const struct mcs_cmd *cmd, *found = NULL;

	if (argc < 1 || is_help(argv[0])) {
		print_usage();
		return argc < 1;
	}
	for (cmd = cmds; cmd->name; cmd++) {
		if (!strcmp(argv[0], cmd->name)) {
			found = cmd;
			break;
		}
		/* A prefix must be unique, but the first entry may win. */
		if (!found && mcs_matches(argv[0], cmd->name))
			found = cmd;
	}
	if (!found)
		return mcs_usage_error(print_usage, "unknown command \"%s\"",
				       argv[0]);
	return found->run(ctx, argc - 1, argv + 1);
}

struct nl_sock *mcs_genl(struct mcs_ctx *ctx)
{
	struct nl_error err;

	if (ctx->genl_open)
		return &ctx->genl;
	if (genl_open(&ctx->genl, MCSNOOP_GENL_NAME, &err) < 0) {
		if (err.err == ENOENT)
			fprintf(stderr,
				"Error: the mcsnoop module is not loaded and could not be loaded (try: modprobe mcsnoop)\n");
		else
			nl_perror(&err, "cannot open the mcsnoop netlink family");
		return NULL;
	}
	ctx->genl_open = true;
	return &ctx->genl;
}

struct nlmsghdr *mcs_bridge_dump_msg(struct nl_sock *nl, uint8_t cmd,
				     uint16_t bridge_attr, const char *bridge)
{
	struct nlmsghdr *nlh = genl_msg(nl, cmd, NLM_F_DUMP);

	if (bridge)
		mnl_attr_put_strz(nlh, bridge_attr, bridge);
	return nlh;
}

int mcs_show_bridge_dump(struct mcs_ctx *ctx, int argc, char **argv,
			 void (*usage)(void), uint8_t cmd,
			 uint16_t bridge_attr, mnl_cb_t cb)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex;

	if (argc > 1)
		return mcs_usage_error(usage, "unexpected argument \"%s\"",
				       argv[1]);
	if (argc == 1 && mcs_ifindex(argv[0], &ifindex) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = mcs_bridge_dump_msg(nl, cmd, bridge_attr,
				  argc == 1 ? argv[0] : NULL);
	return mcs_show(nl, nlh, cb, NULL);
}

int mcs_show(struct nl_sock *nl, struct nlmsghdr *nlh, mnl_cb_t cb,
	     void *data)
{
	struct nl_error err;
	int ret;

	out_open_array(NULL);
	ret = nl_talk(nl, nlh, cb, data, &err);
	out_close_array();
	out_finish();
	if (ret < 0) {
		nl_perror(&err, NULL);
		return 1;
	}
	return 0;
}

int mcs_do(struct nl_sock *nl, struct nlmsghdr *nlh)
{
	struct nl_error err;

	if (nl_talk(nl, nlh, NULL, NULL, &err) < 0) {
		nl_perror(&err, NULL);
		return 1;
	}
	return 0;
}
