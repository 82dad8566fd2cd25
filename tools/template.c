// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl port template add|del|show: port settings by interface
 * name, kept by the kernel per bridge and given to ports as they join
 * (a VM's tap device, re-created at every start).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "parse_args.h"
#include "words.h"

/* The static groups of a template: " group G [vid V] [source S]" each. */
static void print_template_groups(const struct nlattr *groups)
{
	const struct nlattr *tb[MCSNOOP_A_STATIC_GROUP_MAX + 1];
	char buf[INET6_ADDRSTRLEN];
	const struct nlattr *entry;

	if (!groups)
		return;
	out_open_array("static_groups");
	mnl_attr_for_each_nested(entry, groups) {
		if (mnl_attr_get_type(entry) !=
		    MCSNOOP_A_STATIC_GROUP_ENTRY)
			continue;
		nl_nested(entry, tb, MCSNOOP_A_STATIC_GROUP_MAX);
		out_open_object(NULL);
		print_str_or_null(PRINT_ANY, "group", " group %s",
				  addr_str(tb[MCSNOOP_A_STATIC_GROUP_ADDR], false,
					   buf, sizeof(buf)));
		print_u64(PRINT_JSON, "vid", NULL,
			  nl_u16(tb[MCSNOOP_A_STATIC_GROUP_VID]));
		if (nl_u16(tb[MCSNOOP_A_STATIC_GROUP_VID]))
			print_u64(PRINT_TEXT, NULL, " vid %llu",
				  nl_u16(tb[MCSNOOP_A_STATIC_GROUP_VID]));
		print_str_or_null(PRINT_ANY, "source", " source %s",
				  addr_str(tb[MCSNOOP_A_STATIC_GROUP_SOURCE], false,
					   buf, sizeof(buf)));
		out_close_object();
	}
	out_close_array();
}

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
	print_template_groups(tb[MCSNOOP_A_PORT_GROUPS]);
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

/* A template's static groups at most (MCS_TEMPLATE_GROUPS_MAX). */
#define TEMPLATE_GROUPS_MAX 32

/* A static membership of template add: group GROUP [vid VID] [source SRC]. */
struct template_group {
	struct mcs_addr group;
	struct mcs_addr source;
	bool has_source;
	uint32_t vid;
};

/*
 * The "group" clause at argv[0]; how many words it takes, or -1 after a
 * usage error.
 */
static int template_group_parse(int argc, char **argv,
				struct template_group *g)
{
	int n = 2;

	memset(g, 0, sizeof(*g));
	if (argc < 2) {
		mcs_usage_error(mcs_port_usage, "missing value for \"group\"");
		return -1;
	}
	if (mcs_parse_addr(argv[1], &g->group) < 0) {
		mcs_usage_error(mcs_port_usage,
				"invalid group \"%s\" (expected an IPv4 or IPv6 address)",
				argv[1]);
		return -1;
	}
	while (n < argc && (mcs_matches(argv[n], "vid") ||
			    mcs_matches(argv[n], "source"))) {
		const char *val = n + 1 < argc ? argv[n + 1] : NULL;

		if (!val) {
			mcs_usage_error(mcs_port_usage,
					"missing value for \"%s\"", argv[n]);
			return -1;
		}
		if (mcs_matches(argv[n], "vid")) {
			if (mcs_parse_u32(val, 0, 4094, &g->vid) < 0) {
				mcs_usage_error(mcs_port_usage,
						"invalid vid \"%s\" (expected 0-4094)",
						val);
				return -1;
			}
		} else if (mcs_parse_addr(val, &g->source) < 0 ||
			   g->source.family != g->group.family) {
			mcs_usage_error(mcs_port_usage,
					"invalid source \"%s\" (expected an address of the group's family)",
					val);
			return -1;
		} else {
			g->has_source = true;
		}
		n += 2;
	}
	return n;
}

/*
 * Split the words after PATTERN into the settings (keyword value pairs)
 * and the group clauses; the count of each, or -1 after a usage error.
 */
static int template_split(int argc, char **argv, char **settings,
			  int *nsettings, struct template_group *groups,
			  int *ngroups)
{
	int i = 0, n;

	*nsettings = 0;
	*ngroups = 0;
	while (i < argc) {
		if (mcs_matches(argv[i], "group")) {
			/* The kernel's limit: the request stays small. */
			if (*ngroups == TEMPLATE_GROUPS_MAX) {
				fprintf(stderr,
					"Error: template: more than %d groups\n",
					TEMPLATE_GROUPS_MAX);
				return -1;
			}
			n = template_group_parse(argc - i, argv + i,
						 &groups[(*ngroups)++]);
			if (n < 0)
				return -1;
			i += n;
			continue;
		}
		settings[(*nsettings)++] = argv[i++];
		if (i < argc)
			settings[(*nsettings)++] = argv[i++];
	}
	return 0;
}

static void template_groups_put(struct nlmsghdr *nlh,
				const struct template_group *groups, int n)
{
	struct nlattr *nest, *entry;
	int i;

	if (!n)
		return;
	nest = mnl_attr_nest_start(nlh, MCSNOOP_A_PORT_GROUPS);
	for (i = 0; i < n; i++) {
		entry = mnl_attr_nest_start(nlh, MCSNOOP_A_STATIC_GROUP_ENTRY);
		mnl_attr_put(nlh, MCSNOOP_A_STATIC_GROUP_ADDR,
			     groups[i].group.len, groups[i].group.bytes);
		if (groups[i].vid)
			mnl_attr_put_u16(nlh, MCSNOOP_A_STATIC_GROUP_VID,
					 groups[i].vid);
		if (groups[i].has_source)
			mnl_attr_put(nlh, MCSNOOP_A_STATIC_GROUP_SOURCE,
				     groups[i].source.len,
				     groups[i].source.bytes);
		mnl_attr_nest_end(nlh, entry);
	}
	mnl_attr_nest_end(nlh, nest);
}

static int template_send(struct mcs_ctx *ctx, uint8_t cmd, int argc,
			 char **argv, bool settings, char **words,
			 struct template_group *groups)
{
	int count, nwords = 0, ngroups = 0;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (settings) {
		if (template_split(argc - 2, argv + 2, words, &nwords, groups,
				   &ngroups) < 0)
			return 1;
		count = mcs_params_put(NULL, &mcs_port_params, mcs_port_usage,
				       nwords, words);
		if (count < 0)
			return 1;
		if (!count && !ngroups)
			return mcs_usage_error(mcs_port_usage,
					       "a template needs a SETTING or a group");
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
	if (settings) {
		mcs_params_put(nlh, &mcs_port_params, mcs_port_usage, nwords,
			       words);
		template_groups_put(nlh, groups, ngroups);
	}
	return mcs_do(nl, nlh);
}

static int template_request(struct mcs_ctx *ctx, uint8_t cmd, int argc,
			    char **argv, bool settings)
{
	struct template_group groups[TEMPLATE_GROUPS_MAX];
	uint32_t ifindex;
	char **words;
	int ret;

	if (template_args(argc, argv, &ifindex))
		return 1;
	words = calloc(argc, sizeof(*words));
	if (!words) {
		fprintf(stderr, "Error: out of memory\n");
		return 1;
	}
	ret = template_send(ctx, cmd, argc, argv, settings, words, groups);
	free(words);
	return ret;
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
