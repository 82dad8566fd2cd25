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
	MCS_PARAM_QSETTINGS,	/* u32 of the MCSNOOP_VLAN_SETTING_* bits of
				 * querier settings' keywords, given as
				 * WORD[,WORD...] or all */
	MCS_PARAM_NAME,		/* string of 1-15 characters (a profile's
				 * name); "none" sends "" */
};

struct mcs_param {
	const char *name;
	uint16_t attr;
	enum mcs_param_type type;
	const char *const *words;	/* MCS_PARAM_WORD, NULL-terminated */
	const char *help;		/* what the value is, for errors */
	uint16_t attr6;			/* MCS_PARAM_ADDR: the IPv6 attribute */
};

/* Whose attributes the querier settings (querier.h) of a command put. */
enum mcs_qobject {
	MCS_QNONE,
	MCS_QBRIDGE,
	MCS_QVLAN,
};

/* The keywords of a set command: its own and the querier settings. */
struct mcs_params {
	const struct mcs_param *own;	/* NULL name ends */
	/* More keywords of the command only (port set's, not a template's). */
	const struct mcs_param *extra;	/* NULL name ends; NULL: none */
	enum mcs_qobject querier;
};

/* The keywords of bridge set and vlan set (the unit tests parse with them). */
extern const struct mcs_params mcs_bridge_params;
extern const struct mcs_params mcs_vlan_params;
/* Of port set and port template add (port.c). */
extern const struct mcs_params mcs_port_params;

/* The longest name of a profile (IFNAMSIZ - 1, as the kernel's). */
#define MCS_PROFILE_NAME_MAX 15

/*
 * Put the attributes argv's "keyword value" pairs name into nlh.
 * Keywords may be unique prefixes; of the keywords a prefix fits, the
 * oldest wins: the one with the lowest attribute number, as attributes
 * are numbered in the order they came. So a new keyword never changes
 * what a prefix meant. With nlh NULL, only check them (before a socket
 * is opened). Returns the number of keywords given, or -1 after printing
 * the error (with usage for a usage error).
 */
int mcs_params_put(struct nlmsghdr *nlh, const struct mcs_params *params,
		   void (*usage)(void), int argc, char **argv);
/* The number in a reply's attribute of a parameter of type (0: absent). */
uint32_t mcs_param_value(enum mcs_param_type type, const struct nlattr *attr);
/*
 * Print the own parameters of params present in tb (by attribute), in
 * table order, as set takes them: text " keyword value", JSON "keyword"
 * ("-" as "_") with a boolean, number or word.
 */
void mcs_params_print(const struct mcs_params *params,
		      const struct nlattr *const *tb);

#endif /* MCS_PARAMS_H */
