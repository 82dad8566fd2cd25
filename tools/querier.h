/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The querier: the querier show command, and the querier settings that
 * bridge set and vlan set take and bridge show and vlan show print alike.
 */
#ifndef MCS_QUERIER_H
#define MCS_QUERIER_H

#include <stddef.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "params.h"

/* enum mcsnoop_querier_mode by value, NULL-terminated (MCS_PARAM_WORD). */
extern const char *const mcs_querier_mode_words[];
/* enum mcsnoop_querier_role by value, NULL-terminated. */
extern const char *const mcs_querier_role_words[];

/* A querier setting's attribute of the bridge or of a VLAN. */
struct mcs_qattr {
	uint16_t attr;
	uint16_t attr6;		/* MCS_PARAM_ADDR: the IPv6 address's */
};

/*
 * A querier setting: its keyword and value as in struct mcs_param, its
 * attribute of the bridge (MCSNOOP_A_BRIDGE_*) and of a VLAN
 * (MCSNOOP_A_VLAN_*, of another number), its MCSNOOP_VLAN_SETTING_* bits
 * (vlan set inherit, vlan show own) and how bridge show and vlan show
 * print it: on which line of the settings (0: they print it themselves)
 * and, for an *_AUTO type, what auto is (setting auto_of over auto_div).
 */
struct mcs_qsetting {
	const char *name;
	enum mcs_param_type type;
	const char *const *words;
	const char *help;
	struct mcs_qattr bridge, vlan;
	uint32_t vlan_bits;
	uint8_t line;
	const char *auto_of;
	uint8_t auto_div;
};

/* Ends with a NULL name. */
extern const struct mcs_qsetting mcs_qsettings[];

/* The setting as a keyword of bridge set or vlan set (obj). */
void mcs_qsetting_param(const struct mcs_qsetting *q, enum mcs_qobject obj,
			struct mcs_param *p);
/*
 * The MCSNOOP_VLAN_SETTING_* bits of the setting named by the len bytes
 * of word, or of every setting for "all"; 0 for no setting.
 */
uint32_t mcs_qsetting_bits(const char *word, size_t len);

/*
 * The querier settings of a reply of the bridge or of a VLAN (obj) as
 * lines of four-space indented text ("querier ..." to "last-member-count
 * N"), bridge show's and vlan show's.
 */
void mcs_querier_print_settings(const struct nlattr *const *tb,
				enum mcs_qobject obj);

/*
 * A setting whose configured value 0 means auto: " WORD SEC" or " WORD
 * auto (SEC)" with the value in use; JSON KEY and KEY_auto.
 */
void mcs_print_auto_secs(const char *key, const char *word, uint32_t conf,
			 uint32_t active);

#endif /* MCS_QUERIER_H */
