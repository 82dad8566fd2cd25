/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Filtering profiles: the rules of profile add, and the profile a port or
 * a VLAN names, as port show and vlan show print it.
 */
#ifndef MCS_PROFILE_H
#define MCS_PROFILE_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "parse_args.h"

/* The kernel's limit of a profile's rules (MCSNOOP_A_PROFILE_RULES). */
#define MCS_PROFILE_RULES_MAX 32

/* permit|deny GROUPS [source SOURCES] */
struct mcs_profile_rule {
	uint8_t action;			/* MCSNOOP_PROFILE_ACTION_* */
	struct mcs_range group;
	bool has_source;
	struct mcs_range source;	/* of the group's family */
};

/* What profile add sends. */
struct mcs_profile {
	const char *name;
	uint8_t default_action;		/* deny unless given */
	unsigned int n_rules;
	struct mcs_profile_rule rules[MCS_PROFILE_RULES_MAX];
};

/*
 * The words of profile add after "add": NAME [default permit|deny]
 * [RULE]... Returns 0, or -1 after printing the error (one line; with
 * the usage for a misplaced word).
 */
int mcs_profile_parse(int argc, char **argv, struct mcs_profile *p);
/* The request's attributes: name, default and the rules nest. */
void mcs_profile_put(struct nlmsghdr *nlh, const struct mcs_profile *p);

/*
 * The profile attribute of a port or a VLAN: text " profile NAME" when
 * one is set, JSON "profile" with the name or null.
 */
void mcs_print_profile(const struct nlattr *attr);

#endif /* MCS_PROFILE_H */
