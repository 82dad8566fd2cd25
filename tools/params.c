// SPDX-License-Identifier: GPL-2.0
/*
 * Keyword/value parameters of the set commands into netlink attributes.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

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

static int word_index(const char *const *words, const char *arg)
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(arg, words[i]))
			return i;
	return -1;
}

/* "none" clears both families: the kernel then uses the bridge's own. */
static int addr_put(struct nlmsghdr *nlh, const struct mcs_param *p,
		    const char *arg)
{
	static const uint8_t zero[16];
	struct mcs_addr a;

	if (!strcmp(arg, "none")) {
		if (nlh) {
			mnl_attr_put(nlh, p->attr, 4, zero);
			mnl_attr_put(nlh, p->attr6, 16, zero);
		}
		return 0;
	}
	if (mcs_parse_addr(arg, &a) < 0)
		return -1;
	if (nlh)
		mnl_attr_put(nlh, a.family == AF_INET ? p->attr : p->attr6,
			     a.len, a.bytes);
	return 0;
}

/* "WORD[,WORD...]": the OR of their bits; -1 on an unknown or empty word. */
static int flags_parse(const struct mcs_flag_word *flags, const char *arg,
		       uint32_t *bits)
{
	const struct mcs_flag_word *f;
	const char *end;
	size_t len;

	*bits = 0;
	do {
		end = strchr(arg, ',');
		len = end ? (size_t)(end - arg) : strlen(arg);
		for (f = flags; f->word; f++)
			if (strlen(f->word) == len && !strncmp(arg, f->word, len))
				break;
		if (!f->word)
			return -1;
		*bits |= f->bits;
		arg = end + 1;
	} while (end);
	return 0;
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
	case MCS_PARAM_U8_AUTO:
		if (!strcmp(arg, "auto")) {
			if (nlh)
				mnl_attr_put_u8(nlh, p->attr, 0);
			return 0;
		}
		/* fall through */
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
	case MCS_PARAM_ADDR:
		return addr_put(nlh, p, arg);
	case MCS_PARAM_FLAGS:
		if (flags_parse(p->flags, arg, &v) < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u32(nlh, p->attr, v);
		return 0;
	}
	return -1;
}

int mcs_params_put(struct nlmsghdr *nlh, const struct mcs_param *params,
		   void (*usage)(void), int argc, char **argv)
{
	const struct mcs_param *p;
	int count = 0;

	for (; argc > 0; argc -= 2, argv += 2) {
		p = param_find(params, argv[0]);
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
