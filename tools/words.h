/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Words for the kernel's enum values and flags, shared by the objects'
 * printers. Text has them with "-", JSON with "_".
 */
#ifndef MCS_WORDS_H
#define MCS_WORDS_H

#include <stdbool.h>
#include <stdint.h>

#define N_WORDS(a) (sizeof(a) / sizeof((a)[0]))

#include <libmnl/libmnl.h>

#define MAC_STR_LEN 18

/* A MAC address attribute as aa:bb:cc:dd:ee:ff in buf, or NULL. */
const char *mac_str(const struct nlattr *attr, char *buf);

/* enum mcsnoop_router by value (NULL-terminated, for parameters). */
#define MCS_N_ROUTER_WORDS 3
extern const char *const mcs_router_words[MCS_N_ROUTER_WORDS + 1];
/* enum mcsnoop_router_via: none, query, mrd, pim, static, mc_forwarding. */
const char *mcs_router_via_word(unsigned int via);

/* words[value], or "unknown". */
const char *word_of(const char *const *words, unsigned int n,
		    unsigned int value);

/*
 * Why a port (or the bridge) falls back to the bridge's own flooding
 * (MCSNOOP_FALLBACK_*): JSON array "fallback" of words (empty when there
 * is none), text " fallback vlan-tunnel,neigh-suppress", or with paren
 * " (vlan-tunnel,neigh-suppress)" (nothing when there is none).
 */
void print_fallback(uint32_t reasons, bool paren);

#endif /* MCS_WORDS_H */
