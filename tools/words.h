/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Names for what the kernel sends as numbers, shared by the commands:
 * interfaces (name <-> ifindex), MAC addresses, address families, and the
 * words of the kernel's enum values and flags. Text has the words with
 * "-", JSON with "_".
 */
#ifndef MCS_WORDS_H
#define MCS_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libmnl/libmnl.h>

#define N_WORDS(a) (sizeof(a) / sizeof((a)[0]))

/* Index of an interface in the current namespace; prints an error if none. */
int mcs_ifindex(const char *name, uint32_t *ifindex);
/* "Error: cannot find device NAME" on stderr; returns -1. */
int mcs_no_device(const char *name);
/*
 * An interface's name: its name attribute, else the name of its ifindex
 * attribute (NULL: none) in buf (IF_NAMESIZE bytes), else "?".
 */
const char *mcs_ifname(const struct nlattr *name,
		       const struct nlattr *ifindex, char *buf);

#define MAC_STR_LEN 18

/* A MAC address attribute as aa:bb:cc:dd:ee:ff in buf, or NULL. */
const char *mac_str(const struct nlattr *attr, char *buf);

/*
 * An address attribute (4 or 16 bytes; "?" else) as text in buf, or NULL
 * when it is absent (or zero, where zero means none).
 */
const char *addr_str(const struct nlattr *attr, bool zero_is_none,
		     char *buf, unsigned int size);

/* "inet" (AF_INET), "inet6" (AF_INET6) or "?". */
const char *mcs_family_word(unsigned int family);

/* words[value], or "unknown". */
const char *word_of(const char *const *words, unsigned int n,
		    unsigned int value);
/* The same in a NULL-terminated list (the words parameters take). */
const char *word_of_list(const char *const *words, unsigned int value);
/* The value of word in a NULL-terminated list, or -1. */
int word_index(const char *const *words, const char *word);
/* words[value] in buf, or "unknown-VALUE" (a newer module's value). */
char *word_or_number(const char *const *words, unsigned int n,
		     unsigned int value, char *buf, size_t size);
/* Every character of from in word made to (text's words to JSON's). */
char *word_subst(char *word, const char *from, char to);

/* enum mcsnoop_router by value (NULL-terminated, for parameters). */
extern const char *const mcs_router_words[];
/* enum mcsnoop_limit_action by value (NULL-terminated). */
extern const char *const mcs_limit_action_words[];
/* enum mcsnoop_router_via: none, query, mrd, pim, static, mc_forwarding. */
const char *mcs_router_via_word(unsigned int via);

/*
 * Why a port (or the bridge) falls back to the bridge's own flooding
 * (MCSNOOP_FALLBACK_*): JSON array "fallback" of words (empty when there
 * is none), text " fallback vlan-tunnel,neigh-suppress", or with paren
 * " (vlan-tunnel,neigh-suppress)" (nothing when there is none).
 */
void print_fallback(uint32_t reasons, bool paren);

#endif /* MCS_WORDS_H */
