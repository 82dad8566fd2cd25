// SPDX-License-Identifier: GPL-2.0
/*
 * Keyword/value parameters of the set commands into netlink attributes.
 */
#include <stdio.h>
#include <string.h>

#include "mcsnoopctl.h"
#include "params.h"
#include "parse_args.h"

static const struct mcs_param *param_find(const struct mcs_param *params,
					  const char *arg)
{
	const struct mcs_param *p, *found = NULL;

	for (p = params; p->name; p++) {
		if (!strcmp(arg, p->name))
			return p;
		if (!found && mcs_matches(arg, p->name))
			found = p;
	}
	return found;
}

static bool reserved_find(const struct mcs_param_reserved *reserved,
			  const char *arg, bool prefix)
{
	const char *const *name;

	if (!reserved)
		return false;
	for (name = reserved->names; *name; name++)
		if (prefix ? mcs_matches(arg, *name) : !strcmp(arg, *name))
			return true;
	return false;
}

static int word_index(const char *const *words, const char *arg)
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(arg, words[i]))
			return i;
	return -1;
}

/* Parse one value and put its attribute; -1 if the value is invalid. */
static int param_put(struct nlmsghdr *nlh, const struct mcs_param *p,
		     const char *arg)
{
	uint32_t v;
	bool on;
	int i;

	switch (p->type) {
	case MCS_PARAM_ON_OFF:
		if (mcs_parse_on_off(arg, &on) < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u8(nlh, p->attr, on);
		return 0;
	case MCS_PARAM_U8:
		if (mcs_parse_u32(arg, 0, UINT8_MAX, &v) < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u8(nlh, p->attr, v);
		return 0;
	case MCS_PARAM_U32:
		if (mcs_parse_u32(arg, 0, UINT32_MAX, &v) < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u32(nlh, p->attr, v);
		return 0;
	case MCS_PARAM_SECS_AUTO:
		if (!strcmp(arg, "auto")) {
			if (nlh)
				mnl_attr_put_u32(nlh, p->attr, 0);
			return 0;
		}
		/* fall through */
	case MCS_PARAM_SECS:
		if (mcs_parse_secs(arg, UINT32_MAX, &v) < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u32(nlh, p->attr, v);
		return 0;
	case MCS_PARAM_WORD:
		i = word_index(p->words, arg);
		if (i < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u8(nlh, p->attr, i);
		return 0;
	}
	return -1;
}

int mcs_params_put(struct nlmsghdr *nlh, const struct mcs_param *params,
		   const struct mcs_param_reserved *reserved,
		   void (*usage)(void), int argc, char **argv)
{
	const struct mcs_param *p;
	int count = 0;

	for (; argc > 0; argc -= 2, argv += 2) {
		/* Exact words first: "querier" is not a prefix of a timer. */
		if (reserved_find(reserved, argv[0], false)) {
			fprintf(stderr, "%s\n", reserved->message);
			return -1;
		}
		p = param_find(params, argv[0]);
		if (!p && reserved_find(reserved, argv[0], true)) {
			fprintf(stderr, "%s\n", reserved->message);
			return -1;
		}
		if (!p) {
			mcs_usage_error(usage, "unknown keyword \"%s\"",
					argv[0]);
			return -1;
		}
		if (argc < 2) {
			mcs_usage_error(usage, "missing value for \"%s\"",
					p->name);
			return -1;
		}
		if (param_put(nlh, p, argv[1]) < 0) {
			mcs_usage_error(usage, "invalid %s \"%s\" (expected %s)",
					p->name, argv[1], p->help);
			return -1;
		}
		count++;
	}
	return count;
}
