/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The querier: the querier show command, and the querier settings that
 * bridge show and vlan show print alike.
 */
#ifndef MCS_QUERIER_H
#define MCS_QUERIER_H

#include <libmnl/libmnl.h>

/* enum mcsnoop_querier_mode by value, NULL-terminated (MCS_PARAM_WORD). */
extern const char *const mcs_querier_mode_words[];

/*
 * Text " querier MODE querier-address ADDR..." (none when neither family
 * has one); JSON querier, querier_address and querier_address6 (null when
 * the address is zero, i.e. none).
 */
void mcs_querier_print_config(const struct nlattr *mode,
			      const struct nlattr *addr4,
			      const struct nlattr *addr6);

#endif /* MCS_QUERIER_H */
