// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl port template add|del|show: port settings by interface
 * name, kept by the kernel per bridge and given to ports as they join
 * (a VM's tap device, re-created at every start).
 */
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "words.h"

int mcs_template_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_PORT_MAX + 1];
	char name[IF_NAMESIZE];
	const char *pattern;

	(void)data;
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PORT_MAX);
	pattern = nl_str(tb[MCSNOOP_A_PORT_TEMPLATE]);
	out_open_object(NULL);
	print_str(PRINT_ANY, "bridge", "%s",
		  mcs_ifname(tb[MCSNOOP_A_PORT_BRIDGE_IFNAME],
			     tb[MCSNOOP_A_PORT_BRIDGE_IFINDEX], name));
	print_str(PRINT_ANY, "template", " template %s", pattern ?: "?");
	mcs_params_print(&mcs_port_params, tb);
	print_nl();
	out_close_object();
	return MNL_CB_OK;
}

/* BRIDGE PATTERN of add and del; 0, or 1 after the usage error. */
static int template_args(int argc, char **argv, uint32_t *ifindex)
{
	if (argc < 1)
		return mcs_usage_error(mcs_port_usage, "missing BRIDGE");
	if (argc < 2)
		return mcs_usage_error(mcs_port_usage, "missing PATTERN");
	/* A name's limits: the kernel would say no less, but by offset. */
	if (!argv[1][0]) {
		fprintf(stderr, "Error: template: empty pattern\n");
		return 1;
	}
	if (strlen(argv[1]) >= IF_NAMESIZE) {
		fprintf(stderr, "Error: template: \"%s\" is longer than %d characters\n",
			argv[1], IF_NAMESIZE - 1);
		return 1;
	}
	return mcs_ifindex(argv[0], ifindex) < 0;
}

static int template_request(struct mcs_ctx *ctx, uint8_t cmd, int argc,
			    char **argv, bool settings)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	uint32_t ifindex;
	int count;

	if (template_args(argc, argv, &ifindex))
		return 1;
	if (settings) {
		count = mcs_params_put(NULL, &mcs_port_params, mcs_port_usage,
				       argc - 2, argv + 2);
		if (count < 0)
			return 1;
		if (!count)
			return mcs_usage_error(mcs_port_usage,
					       "a template needs a SETTING");
	} else if (argc > 2) {
		return mcs_usage_error(mcs_port_usage,
				       "unexpected argument \"%s\"", argv[2]);
	}
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, cmd, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_BRIDGE_IFNAME, argv[0]);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PORT_TEMPLATE, argv[1]);
	if (settings)
		mcs_params_put(nlh, &mcs_port_params, mcs_port_usage, argc - 2,
			       argv + 2);
	return mcs_do(nl, nlh);
}

static int template_add(struct mcs_ctx *ctx, int argc, char **argv)
{
	return template_request(ctx, MCSNOOP_CMD_PORT_TEMPLATE_ADD, argc,
				argv, true);
}

static int template_del(struct mcs_ctx *ctx, int argc, char **argv)
{
	return template_request(ctx, MCSNOOP_CMD_PORT_TEMPLATE_DEL, argc,
				argv, false);
}

static int template_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	return mcs_show_bridge_dump(ctx, argc, argv, mcs_port_usage,
				    MCSNOOP_CMD_PORT_TEMPLATE_GET,
				    MCSNOOP_A_PORT_BRIDGE_IFNAME,
				    mcs_template_print_cb);
}

int mcs_template_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", template_show },
		{ "list", template_show },
		{ "add", template_add },
		{ "del", template_del },
		{ NULL, NULL },
	};

	if (argc == 0)
		return template_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_port_usage, argc, argv);
}
