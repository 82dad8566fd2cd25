// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <linux/mcsnoop.h>

#include "output.h"
#include "words.h"

const char *const mcs_router_words[MCS_N_ROUTER_WORDS + 1] = {
	[MCSNOOP_ROUTER_OFF] = "off",
	[MCSNOOP_ROUTER_AUTO] = "auto",
	[MCSNOOP_ROUTER_STATIC] = "static",
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

const char *word_of(const char *const *words, unsigned int n,
		    unsigned int value)
{
	return value < n && words[value] ? words[value] : "unknown";
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
	char *p;

	snprintf(text, sizeof(text), "%s", paren ? " (" : " fallback");
	head = strlen(text);
	out_open_array("fallback");
	for (bit = 0; bit < 32; bit++) {
		if (!(reasons & (1u << bit)))
			continue;
		if (bit < N_WORDS(fallback_words))
			snprintf(word, sizeof(word), "%s", fallback_words[bit]);
		else
			snprintf(word, sizeof(word), "unknown-%u", bit);
		print_str(PRINT_JSON, NULL, NULL, word);
		for (p = word; *p; p++)
			if (*p == '_')
				*p = '-';
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
