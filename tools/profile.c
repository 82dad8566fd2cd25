// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoopctl profile add|del|show: filtering profiles of the namespace,
 * rules that permit or deny groups (and sources), named by ports and
 * VLANs (port set DEV profile NAME, vlan set ... profile NAME).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/mcsnoop.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "parse_args.h"
#include "profile.h"
#include "words.h"

/* enum mcsnoop_profile_action by value, NULL-terminated. */
static const char *const action_words[] = {
	[MCSNOOP_PROFILE_ACTION_DENY] = "deny",
	[MCSNOOP_PROFILE_ACTION_PERMIT] = "permit",
	NULL,
};

void mcs_profile_usage(void)
{
	fprintf(stderr,
		"Usage: mcsnoopctl profile add NAME [ default permit|deny ] [ RULE ]...\n"
		"       mcsnoopctl profile del NAME\n"
		"       mcsnoopctl [-j [-p]] profile show [ NAME ]\n"
		"RULE := { permit | deny } GROUPS [ source SOURCES ]\n"
		"GROUPS, SOURCES := { ADDR | ADDR-ADDR | ADDR/LEN }\n"
		"\n"
		"A filtering profile decides which groups (and sources) the reports and\n"
		"static entries of the ports and VLANs that name it may join (port set\n"
		"DEV profile NAME, vlan set BRIDGE vid VID profile NAME). The first rule\n"
		"that matches decides, else the default (deny unless given). A rule is\n"
		"of one family; its sources are of its groups' family. At most %d\n"
		"rules; add replaces the default and the rules of a profile of that name.\n",
		MCS_PROFILE_RULES_MAX);
}

void mcs_print_profile(const struct nlattr *attr)
{
	const char *name = nl_str(attr);

	if (name && !name[0])
		name = NULL;
	print_str_or_null(PRINT_ANY, "profile", " profile %s", name);
}

/*
 * One range of a rule: JSON KEY_min and KEY_max (null when absent; max
 * is min when the kernel left it out), text word and "MIN-MAX", or the
 * address alone when min is max.
 */
static void print_rule_range(const char *key, const char *word,
			     const struct nlattr *min, const struct nlattr *max)
{
	char lo[INET6_ADDRSTRLEN], hi[INET6_ADDRSTRLEN], text[128], k[32];
	const char *first = addr_str(min, false, lo, sizeof(lo));
	const char *last = max ? addr_str(max, false, hi, sizeof(hi)) : first;

	if (!first)
		last = NULL;
	snprintf(k, sizeof(k), "%s_min", key);
	print_str_or_null(PRINT_JSON, k, NULL, first);
	snprintf(k, sizeof(k), "%s_max", key);
	print_str_or_null(PRINT_JSON, k, NULL, last);
	if (!first)
		return;
	if (strcmp(first, last))
		snprintf(text, sizeof(text), "%s%s-%s", word, first, last);
	else
		snprintf(text, sizeof(text), "%s%s", word, first);
	print_text(text);
}

/* The rules nest: JSON array "rules", text a line each, indented. */
static void print_rules(const struct nlattr *rules)
{
	const struct nlattr *tb[MCSNOOP_A_PROFILE_RULE_MAX + 1];
	const struct nlattr *entry;

	out_open_array("rules");
	if (rules) {
		mnl_attr_for_each_nested(entry, rules) {
			if (mnl_attr_get_type(entry) !=
			    MCSNOOP_A_PROFILE_RULE_ENTRY)
				continue;
			nl_nested(entry, tb, MCSNOOP_A_PROFILE_RULE_MAX);
			out_open_object(NULL);
			print_str(PRINT_ANY, "action", "    %s",
				  word_of_list(action_words,
					       nl_u8(tb[MCSNOOP_A_PROFILE_RULE_ACTION])));
			print_rule_range("group", " ",
					 tb[MCSNOOP_A_PROFILE_RULE_GROUP_MIN],
					 tb[MCSNOOP_A_PROFILE_RULE_GROUP_MAX]);
			print_rule_range("source", " source ",
					 tb[MCSNOOP_A_PROFILE_RULE_SOURCE_MIN],
					 tb[MCSNOOP_A_PROFILE_RULE_SOURCE_MAX]);
			print_nl();
			out_close_object();
		}
	}
	out_close_array();
}

int mcs_profile_print_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[MCSNOOP_A_PROFILE_MAX + 1];
	const char *name;

	(void)data;
	nl_attrs(nlh, sizeof(struct genlmsghdr), tb, MCSNOOP_A_PROFILE_MAX);
	name = nl_str(tb[MCSNOOP_A_PROFILE_NAME]);
	out_open_object(NULL);
	print_str(PRINT_ANY, "name", "profile %s", name ? name : "?");
	print_str(PRINT_ANY, "default", " default %s",
		  word_of_list(action_words,
			       nl_u8(tb[MCSNOOP_A_PROFILE_DEFAULT])));
	print_u64(PRINT_ANY, "users", " users %llu",
		  nl_u32(tb[MCSNOOP_A_PROFILE_USERS]));
	print_nl();
	print_rules(tb[MCSNOOP_A_PROFILE_RULES]);
	out_close_object();
	return MNL_CB_OK;
}

/* A name's limits: the kernel would say no less, but by offset. */
static int name_check(const char *name)
{
	if (!name[0]) {
		fprintf(stderr, "Error: profile: empty name\n");
		return -1;
	}
	if (strlen(name) > MCS_PROFILE_NAME_MAX) {
		fprintf(stderr, "Error: profile: \"%s\" is longer than %d characters\n",
			name, MCS_PROFILE_NAME_MAX);
		return -1;
	}
	return 0;
}

static int range_arg(const char *arg, struct mcs_range *range)
{
	char why[128];

	if (!mcs_parse_range(arg, range, why, sizeof(why)))
		return 0;
	fprintf(stderr, "Error: profile: bad range %s: %s\n", arg, why);
	return -1;
}

/*
 * The rule whose action word is argv[0]: how many words it takes, or -1
 * after the error.
 */
static int rule_parse(int argc, char **argv, struct mcs_profile_rule *r)
{
	memset(r, 0, sizeof(*r));
	r->action = word_index(action_words, argv[0]);
	if (argc < 2) {
		mcs_usage_error(mcs_profile_usage,
				"profile: missing GROUPS after \"%s\"", argv[0]);
		return -1;
	}
	if (range_arg(argv[1], &r->group) < 0)
		return -1;
	if (argc < 3 || !mcs_matches(argv[2], "source"))
		return 2;
	if (argc < 4) {
		mcs_usage_error(mcs_profile_usage,
				"profile: missing SOURCES after \"source\"");
		return -1;
	}
	if (range_arg(argv[3], &r->source) < 0)
		return -1;
	if (r->source.family != r->group.family) {
		fprintf(stderr,
			"Error: profile: source %s is not of the family of group %s\n",
			argv[3], argv[1]);
		return -1;
	}
	r->has_source = true;
	return 4;
}

/* default permit|deny at argv[0]; 2 (the words it takes), or -1. */
static int default_parse(int argc, char **argv, struct mcs_profile *p,
			 bool *given)
{
	int action;

	if (*given) {
		mcs_usage_error(mcs_profile_usage,
				"profile: \"default\" given twice");
		return -1;
	}
	if (argc < 2) {
		mcs_usage_error(mcs_profile_usage,
				"profile: missing value for \"default\"");
		return -1;
	}
	action = word_index(action_words, argv[1]);
	if (action < 0) {
		mcs_usage_error(mcs_profile_usage,
				"profile: unknown action \"%s\" (expected permit or deny)",
				argv[1]);
		return -1;
	}
	p->default_action = action;
	*given = true;
	return 2;
}

/* "default" or a unique prefix of it (not "d" or "de": deny's too). */
static bool is_default(const char *word)
{
	return strlen(word) >= 3 && mcs_matches(word, "default");
}

int mcs_profile_parse(int argc, char **argv, struct mcs_profile *p)
{
	bool default_given = false;
	int i = 1, n;

	memset(p, 0, sizeof(*p));
	p->default_action = MCSNOOP_PROFILE_ACTION_DENY;
	if (argc < 1) {
		mcs_usage_error(mcs_profile_usage, "profile: missing NAME");
		return -1;
	}
	if (name_check(argv[0]) < 0)
		return -1;
	if (!strcmp(argv[0], "none")) {
		fprintf(stderr,
			"Error: profile: \"none\" cannot be a name (port set and vlan set detach with it)\n");
		return -1;
	}
	p->name = argv[0];
	while (i < argc) {
		if (word_index(action_words, argv[i]) < 0) {
			if (!is_default(argv[i])) {
				mcs_usage_error(mcs_profile_usage,
						"profile: unknown action \"%s\" (expected permit, deny or default)",
						argv[i]);
				return -1;
			}
			n = default_parse(argc - i, argv + i, p,
					  &default_given);
		} else if (p->n_rules == MCS_PROFILE_RULES_MAX) {
			fprintf(stderr, "Error: profile: more than %d rules\n",
				MCS_PROFILE_RULES_MAX);
			return -1;
		} else {
			n = rule_parse(argc - i, argv + i,
				       &p->rules[p->n_rules++]);
		}
		if (n < 0)
			return -1;
		i += n;
	}
	return 0;
}

static void range_put(struct nlmsghdr *nlh, uint16_t min_attr,
		      uint16_t max_attr, const struct mcs_range *r)
{
	mnl_attr_put(nlh, min_attr, r->len, r->min);
	mnl_attr_put(nlh, max_attr, r->len, r->max);
}

void mcs_profile_put(struct nlmsghdr *nlh, const struct mcs_profile *p)
{
	const struct mcs_profile_rule *r;
	struct nlattr *rules, *entry;
	unsigned int i;

	mnl_attr_put_strz(nlh, MCSNOOP_A_PROFILE_NAME, p->name);
	mnl_attr_put_u8(nlh, MCSNOOP_A_PROFILE_DEFAULT, p->default_action);
	/* Always, even empty: add replaces every rule. */
	rules = mnl_attr_nest_start(nlh, MCSNOOP_A_PROFILE_RULES);
	for (i = 0; i < p->n_rules; i++) {
		r = &p->rules[i];
		entry = mnl_attr_nest_start(nlh, MCSNOOP_A_PROFILE_RULE_ENTRY);
		mnl_attr_put_u8(nlh, MCSNOOP_A_PROFILE_RULE_ACTION, r->action);
		range_put(nlh, MCSNOOP_A_PROFILE_RULE_GROUP_MIN,
			  MCSNOOP_A_PROFILE_RULE_GROUP_MAX, &r->group);
		if (r->has_source)
			range_put(nlh, MCSNOOP_A_PROFILE_RULE_SOURCE_MIN,
				  MCSNOOP_A_PROFILE_RULE_SOURCE_MAX, &r->source);
		mnl_attr_nest_end(nlh, entry);
	}
	mnl_attr_nest_end(nlh, rules);
}

static int profile_add(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct mcs_profile *p;
	struct nlmsghdr *nlh;
	struct nl_sock *nl;
	int ret = 1;

	p = malloc(sizeof(*p));
	if (!p) {
		fprintf(stderr, "Error: out of memory\n");
		return 1;
	}
	if (mcs_profile_parse(argc, argv, p) < 0)
		goto out;
	nl = mcs_genl(ctx);
	if (!nl)
		goto out;
	nlh = genl_msg(nl, MCSNOOP_CMD_PROFILE_ADD, 0);
	mcs_profile_put(nlh, p);
	ret = mcs_do(nl, nlh);
out:
	free(p);
	return ret;
}

static int profile_del(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc < 1)
		return mcs_usage_error(mcs_profile_usage, "profile: missing NAME");
	if (argc > 1)
		return mcs_usage_error(mcs_profile_usage,
				       "unexpected argument \"%s\"", argv[1]);
	if (name_check(argv[0]) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_PROFILE_DEL, 0);
	mnl_attr_put_strz(nlh, MCSNOOP_A_PROFILE_NAME, argv[0]);
	return mcs_do(nl, nlh);
}

static int profile_show(struct mcs_ctx *ctx, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl_sock *nl;

	if (argc > 1)
		return mcs_usage_error(mcs_profile_usage,
				       "unexpected argument \"%s\"", argv[1]);
	if (argc == 1 && name_check(argv[0]) < 0)
		return 1;
	nl = mcs_genl(ctx);
	if (!nl)
		return 1;
	nlh = genl_msg(nl, MCSNOOP_CMD_PROFILE_GET, argc ? 0 : NLM_F_DUMP);
	if (argc)
		mnl_attr_put_strz(nlh, MCSNOOP_A_PROFILE_NAME, argv[0]);
	return mcs_show(nl, nlh, mcs_profile_print_cb, NULL);
}

int mcs_profile_main(struct mcs_ctx *ctx, int argc, char **argv)
{
	static const struct mcs_cmd cmds[] = {
		{ "show", profile_show },
		{ "list", profile_show },
		{ "add", profile_add },
		{ "del", profile_del },
		{ "delete", profile_del },
		{ NULL, NULL },
	};

	if (argc == 0)
		return profile_show(ctx, 0, argv);
	return mcs_dispatch(ctx, cmds, mcs_profile_usage, argc, argv);
}
