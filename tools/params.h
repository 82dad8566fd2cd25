/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declarative "keyword value" parameters of the set commands (as ethtool's
 * param_parser tables): each keyword names one netlink attribute and how
 * its value is parsed.
 */
#ifndef MCS_PARAMS_H
#define MCS_PARAMS_H

#include <stdint.h>
#include <libmnl/libmnl.h>

enum mcs_param_type {
	MCS_PARAM_ON_OFF,	/* u8 0/1 */
	MCS_PARAM_U8,		/* u8 number */
	MCS_PARAM_U8_AUTO,	/* u8 number, "auto" sends 0 */
	MCS_PARAM_U32,		/* u32 number */
	MCS_PARAM_SECS,		/* u32 ms from seconds */
	MCS_PARAM_SECS_AUTO,	/* u32 ms from seconds, "auto" sends 0 */
	MCS_PARAM_WORD,		/* u8 index of the value in words[] */
	MCS_PARAM_ADDR,		/* IPv4 into attr, IPv6 into attr6 (binary);
				 * "none" sends zeros in both */
	MCS_PARAM_FLAGS,	/* u32 of the bits of flags[]' words, given
				 * as WORD[,WORD...] */
};

/* A word of MCS_PARAM_FLAGS and its bits. */
struct mcs_flag_word {
	const char *word;
	uint32_t bits;
};

struct mcs_param {
	const char *name;
	uint16_t attr;
	enum mcs_param_type type;
	const char *const *words;	/* MCS_PARAM_WORD, NULL-terminated */
	const char *help;		/* what the value is, for errors */
	uint16_t attr6;			/* MCS_PARAM_ADDR: the IPv6 attribute */
	const struct mcs_flag_word *flags; /* MCS_PARAM_FLAGS, NULL word ends */
};

/* The tables of bridge set and vlan set (the unit tests parse with them). */
extern const struct mcs_param mcs_bridge_params[];
extern const struct mcs_param mcs_vlan_params[];

/*
 * Put the attributes argv's "keyword value" pairs name into nlh.
 * Keywords may be unique prefixes (the first in table order wins).
 * With nlh NULL, only check them (before a socket is opened).
 * Returns the number of keywords given, or -1 after printing the error
 * (with usage for a usage error).
 */
int mcs_params_put(struct nlmsghdr *nlh, const struct mcs_param *params,
		   void (*usage)(void), int argc, char **argv);

#endif /* MCS_PARAMS_H */
