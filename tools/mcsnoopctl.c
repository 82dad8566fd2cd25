// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl: configure and inspect mcsnoop, in the style of iproute2.
 *   mcsnoopctl [OPTIONS] OBJECT COMMAND [ARGS]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "mcsnoopctl.h"
#include "output.h"

#ifndef MCS_VERSION
#define MCS_VERSION "unknown"
#endif

static void usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl [OPTIONS] OBJECT COMMAND [ARGS]\n"
		"       mcsnoopctl OBJECT help\n"
		"       mcsnoopctl [OPTIONS] -b[atch] FILE   one command a line, - for stdin\n"
		"       mcsnoopctl help          the commands of every object\n"
		"OBJECT := { bridge | port | vlan | group | querier | stats | monitor |\n"
		"            profile }\n"
		"OPTIONS := { -j[son] | -p[retty] | -s[tats] | -n[etns] NAME |\n"
		"             -V[ersion] | -h[elp] }\n");
}

/* Like "ip -n NAME": enter a named network namespace for everything. */
static int netns_switch(const char *name)
{
	char path[4096];
	int fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "Error: cannot open network namespace \"%s\": %s\n",
			name, strerror(errno));
		return -1;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "Error: cannot enter network namespace \"%s\": %s\n",
			name, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int help_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	usage();
	fputs("\n", stderr);
	mcs_bridge_usage();
	fputs("\n", stderr);
	mcs_port_usage();
	fputs("\n", stderr);
	mcs_vlan_usage();
	fputs("\n", stderr);
	mcs_group_usage();
	fputs("\n", stderr);
	mcs_querier_usage();
	fputs("\n", stderr);
	mcs_stats_usage();
	fputs("\n", stderr);
	mcs_monitor_usage();
	fputs("\n", stderr);
	mcs_profile_usage();
	return 0;
}

static const struct mcs_cmd objects[] = {
	{ "bridge", mcs_bridge_main },
	{ "port", mcs_port_main },
	{ "vlan", mcs_vlan_main },
	{ "group", mcs_group_main },
	{ "querier", mcs_querier_main },
	{ "stats", mcs_stats_main },
	{ "monitor", mcs_monitor_main },
	{ "profile", mcs_profile_main },
	{ "help", help_main },
	{ NULL, NULL },
};

int main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "stats", no_argument, NULL, 's' },
		{ "statistics", no_argument, NULL, 's' },
		{ "netns", required_argument, NULL, 'n' },
		{ "batch", required_argument, NULL, 'b' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mcs_ctx ctx = { 0 };
	const char *batch = NULL;
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "+jpsn:b:Vh", long_opts,
				  NULL)) != -1) {
		switch (opt) {
		case 'j':
			ctx.json = true;
			break;
		case 'p':
			ctx.pretty = true;
			break;
		case 's':
			ctx.stats = true;
			break;
		case 'n':
			if (netns_switch(optarg) < 0)
				return 1;
			break;
		case 'b':
			batch = optarg;
			break;
		case 'V':
			printf("mcsnoopctl %s\n", MCS_VERSION);
			return 0;
		case 'h':
			usage();
			return 0;
		default:
			usage();
			return 1;
		}
	}
	argc -= optind;
	argv += optind;
	if (batch && argc > 0)
		return mcs_usage_error(usage, "unexpected argument \"%s\" after -b FILE",
				       argv[0]);
	if (batch) {
		ret = mcs_batch(&ctx, batch, objects, usage);
		goto out;
	}
	if (argc < 1) {
		usage();
		return 1;
	}
	if (!strcmp(argv[0], "help"))
		return help_main(&ctx, argc - 1, argv + 1);
	out_init(ctx.json, ctx.pretty);
	ret = mcs_dispatch(&ctx, objects, usage, argc, argv);
out:
	if (ctx.genl_open)
		nl_close(&ctx.genl);
	return ret;
}
