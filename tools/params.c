// SPDX-License-Identifier: GPL-2.0
/*
 * Keyword/value parameters of the set commands into netlink attributes.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "mcsnoopctl.h"
#include "output.h"
#include "params.h"
#include "parse_args.h"
#include "querier.h"
#include "words.h"

/* Make p *found if it fits arg better: arg itself, or older (params.h). */
static void param_match(const struct mcs_param *p, const char *arg,
			struct mcs_param *found)
{
	if (found->name && !strcmp(arg, found->name))
		return;
	if (!strcmp(arg, p->name) ||
	    (mcs_matches(arg, p->name) &&
	     (!found->name || p->attr < found->attr)))
		*found = *p;
}

/* The keyword arg names, with its object's attributes; false if none. */
static bool param_find(const struct mcs_params *params, const char *arg,
		       struct mcs_param *found)
{
	const struct mcs_qsetting *q;
	const struct mcs_param *p;
	struct mcs_param qp;

	memset(found, 0, sizeof(*found));
	for (p = params->own; p->name; p++)
		param_match(p, arg, found);
	for (p = params->extra; p && p->name; p++)
		param_match(p, arg, found);
	if (params->querier != MCS_QNONE) {
		for (q = mcs_qsettings; q->name; q++) {
			mcs_qsetting_param(q, params->querier, &qp);
			param_match(&qp, arg, found);
		}
	}
	return found->name != NULL;
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

/*
 * "WORD[,WORD...]" of querier settings: the OR of their bits; -1 on an
 * unknown or empty word.
 */
static int qsettings_parse(const char *arg, uint32_t *bits)
{
	const char *end;
	uint32_t word_bits;
	size_t len;

	*bits = 0;
	do {
		end = strchr(arg, ',');
		len = end ? (size_t)(end - arg) : strlen(arg);
		word_bits = mcs_qsetting_bits(arg, len);
		if (!word_bits)
			return -1;
		*bits |= word_bits;
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
	case MCS_PARAM_QSETTINGS:
		if (qsettings_parse(arg, &v) < 0)
			return -1;
		if (nlh)
			mnl_attr_put_u32(nlh, p->attr, v);
		return 0;
	case MCS_PARAM_NAME:
		/* "none" detaches: an empty name. */
		if (!strcmp(arg, "none"))
			arg = "";
		else if (!arg[0] || strlen(arg) > MCS_PROFILE_NAME_MAX)
			return -1;
		if (nlh)
			mnl_attr_put_strz(nlh, p->attr, arg);
		return 0;
	}
	return -1;
}

int mcs_params_put(struct nlmsghdr *nlh, const struct mcs_params *params,
		   void (*usage)(void), int argc, char **argv)
{
	struct mcs_param p;
	int count = 0;

	for (; argc > 0; argc -= 2, argv += 2) {
		if (!param_find(params, argv[0], &p)) {
			mcs_usage_error(usage, "unknown keyword \"%s\"",
					argv[0]);
			return -1;
		}
		if (argc < 2) {
			mcs_usage_error(usage, "missing value for \"%s\"",
					p.name);
			return -1;
		}
		if (param_put(nlh, &p, argv[1]) < 0) {
			mcs_usage_error(usage, "invalid %s \"%s\" (expected %s)",
					p.name, argv[1], p.help);
			return -1;
		}
		count++;
	}
	return count;
}

uint32_t mcs_param_value(enum mcs_param_type type, const struct nlattr *attr)
{
	switch (type) {
	case MCS_PARAM_ON_OFF:
	case MCS_PARAM_U8:
	case MCS_PARAM_U8_AUTO:
	case MCS_PARAM_WORD:
		return nl_u8(attr);
	case MCS_PARAM_U32:
	case MCS_PARAM_SECS:
	case MCS_PARAM_SECS_AUTO:
	case MCS_PARAM_QSETTINGS:
		return nl_u32(attr);
	case MCS_PARAM_ADDR:
	case MCS_PARAM_NAME:
		break;
	}
	return 0;
}

void mcs_params_print(const struct mcs_params *params,
		      const struct nlattr *const *tb)
{
	const struct mcs_param *p;
	char key[48], fmt[64];
	uint32_t v;

	for (p = params->own; p->name; p++) {
		if (!tb[p->attr])
			continue;
		snprintf(key, sizeof(key), "%s", p->name);
		word_subst(key, "-", '_');
		snprintf(fmt, sizeof(fmt), " %s %%%s", p->name,
			 p->type == MCS_PARAM_ON_OFF ||
			 p->type == MCS_PARAM_WORD ||
			 p->type == MCS_PARAM_NAME ? "s" : "llu");
		v = mcs_param_value(p->type, tb[p->attr]);
		if (p->type == MCS_PARAM_NAME)
			print_str_or_null(PRINT_ANY, key, fmt,
					  nl_str(tb[p->attr]));
		else if (p->type == MCS_PARAM_ON_OFF)
			print_on_off(PRINT_ANY, key, fmt, v);
		else if (p->type == MCS_PARAM_WORD)
			print_str(PRINT_ANY, key, fmt, word_of_list(p->words, v));
		else
			print_u64(PRINT_ANY, key, fmt, v);
	}
}
