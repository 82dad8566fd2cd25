// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>

#include <linux/mcsnoop.h>

#include "nl.h"
#include "output.h"
#include "parse_args.h"
#include "words.h"

const char *const mcs_router_words[] = {
	[MCSNOOP_ROUTER_OFF] = "off",
	[MCSNOOP_ROUTER_AUTO] = "auto",
	[MCSNOOP_ROUTER_STATIC] = "static",
	NULL,
};

const char *const mcs_limit_action_words[] = {
	[MCSNOOP_LIMIT_ACTION_FLOOD] = "flood",
	[MCSNOOP_LIMIT_ACTION_DENY] = "deny",
	[MCSNOOP_LIMIT_ACTION_REPLACE] = "replace",
	NULL,
};

static const char *const router_via_words[] = {
	[MCSNOOP_ROUTER_VIA_NONE] = "none",
	[MCSNOOP_ROUTER_VIA_QUERY] = "query",
	[MCSNOOP_ROUTER_VIA_MRD] = "mrd",
	[MCSNOOP_ROUTER_VIA_PIM] = "pim",
	[MCSNOOP_ROUTER_VIA_STATIC] = "static",
	[MCSNOOP_ROUTER_VIA_MC_FORWARDING] = "mc_forwarding",
};

const char *mcs_router_via_word(unsigned int via)
{
	return word_of(router_via_words, N_WORDS(router_via_words), via);
}

const char *mac_str(const struct nlattr *attr, char *buf)
{
	const uint8_t *m;

	if (!attr || mnl_attr_get_payload_len(attr) != 6)
		return NULL;
	m = mnl_attr_get_payload(attr);
	snprintf(buf, MAC_STR_LEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

const char *addr_str(const struct nlattr *attr, bool zero_is_none,
		     char *buf, unsigned int size)
{
	const uint8_t *bytes;
	unsigned int len, i;

	if (!attr)
		return NULL;
	bytes = mnl_attr_get_payload(attr);
	len = mnl_attr_get_payload_len(attr);
	for (i = 0; zero_is_none && i < len && !bytes[i]; i++)
		;
	if (zero_is_none && i == len)
		return NULL;
	mcs_format_addr(bytes, len, buf, size);
	return buf;
}

int mcs_ifindex(const char *name, uint32_t *ifindex)
{
	unsigned int idx = 0;

	if (strlen(name) < IF_NAMESIZE)
		idx = if_nametoindex(name);
	if (!idx)
		return mcs_no_device(name);
	*ifindex = idx;
	return 0;
}

int mcs_no_device(const char *name)
{
	fprintf(stderr, "Error: cannot find device \"%s\"\n", name);
	return -1;
}

const char *mcs_ifname(const struct nlattr *name,
		       const struct nlattr *ifindex, char *buf)
{
	const char *s = nl_str(name);
	uint32_t idx = nl_u32(ifindex);

	if (s)
		return s;
	return idx && if_indextoname(idx, buf) ? buf : "?";
}

const char *mcs_family_word(unsigned int family)
{
	return family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" : "?";
}

const char *word_of(const char *const *words, unsigned int n,
		    unsigned int value)
{
	return value < n && words[value] ? words[value] : "unknown";
}

const char *word_of_list(const char *const *words, unsigned int value)
{
	unsigned int i;

	for (i = 0; words[i]; i++)
		if (i == value)
			return words[i];
	return "unknown";
}

int word_index(const char *const *words, const char *word)
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(word, words[i]))
			return i;
	return -1;
}

char *word_or_number(const char *const *words, unsigned int n,
		     unsigned int value, char *buf, size_t size)
{
	if (value < n && words[value])
		snprintf(buf, size, "%s", words[value]);
	else
		snprintf(buf, size, "unknown-%u", value);
	return buf;
}

char *word_subst(char *word, const char *from, char to)
{
	char *p;

	for (p = word; *p; p++)
		if (strchr(from, *p))
			*p = to;
	return word;
}

/* By bit of enum mcsnoop_fallback. */
static const char *const fallback_words[] = {
	"switchdev", "vlan_tunnel", "neigh_suppress", "proxyarp_wifi",
	"mcast_flood", "bridge_snooping",
};

void print_fallback(uint32_t reasons, bool paren)
{
	char text[128], word[32];
	size_t head;
	unsigned int bit;

	snprintf(text, sizeof(text), "%s", paren ? " (" : " fallback");
	head = strlen(text);
	out_open_array("fallback");
	for (bit = 0; bit < 32; bit++) {
		if (!(reasons & (1u << bit)))
			continue;
		word_or_number(fallback_words, N_WORDS(fallback_words), bit,
			       word, sizeof(word));
		print_str(PRINT_JSON, NULL, NULL, word);
		word_subst(word, "_", '-');
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "%s%s", strlen(text) > head ? "," :
			 paren ? "" : " ", word);
	}
	out_close_array();
	if (paren)
		snprintf(text + strlen(text), sizeof(text) - strlen(text), ")");
	if (reasons)
		print_text(text);
}
