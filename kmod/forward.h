/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_FORWARD_H
#define _MCS_FORWARD_H

#include <linux/skbuff.h>

#include "bridge.h"
#include "port.h"
#include "table.h"

enum mcs_verdict {
	MCS_FLOOD,		/* not ours to filter: goes everywhere */
	MCS_DATA_PASS,		/* multicast data the port wants */
	MCS_DATA_PRUNE,		/* multicast data the port does not want */
	MCS_CTRL_PASS,		/* a report or leave for a router port */
	MCS_CTRL_PRUNE,		/* a report or leave for any other port */
};

enum mcs_frame_kind {
	MCS_FRAME_FLOOD,	/* non-IP, link-local, queries, snooping off */
	MCS_FRAME_REPORT,	/* reports and leaves: router ports only */
	MCS_FRAME_DATA,		/* IP multicast data: the table decides */
};

/* What a multicast frame is, worked out once per frame. */
struct mcs_frame {
	enum mcs_frame_kind kind;
	enum mcs_proto proto;
	struct in6_addr group;
	struct in6_addr src;
	struct mcs_group *grp;	/* DATA: the registered group, or NULL */
	/* Forwarded data of grp: this CPU's counters of it, or NULL. */
	struct mcs_traffic_cpu *traffic;
	unsigned long now;
	bool vlans;		/* the bridge filters VLANs */
	u16 vid;		/* its VLAN, 0 without filtering */
	bool overflowed;	/* DATA, unregistered: refused by max-groups */
	bool flood_unknown;	/* DATA, unregistered: the VLAN's default */
	/* IGMP, MLD or data, as the frame is counted. */
	enum mcs_counter counter;
	/* IGMP, MLD, MRD or PIM (any kind): mcs_parse() must see it. */
	bool ctrl;
};

/*
 * Classify skb (data at the network header) on VLAN vid (0 without VLAN
 * filtering). Packet path: RCU, no locks.
 */
void mcs_frame_classify(struct mcs_bridge *mb, struct sk_buff *skb, u16 vid,
			struct mcs_frame *f);
/* Whether the copy of a classified frame for port out belongs there. */
enum mcs_verdict mcs_frame_verdict(const struct mcs_frame *f,
				   const struct mcs_port *out);

/* The bridge's counters of one frame's copies, added up once. */
struct mcs_copy_counts {
	unsigned int forwarded, pruned, copies;
};

/*
 * Count the verdict on port out's copy (copies: MCS_CNT_FWD_COPIES or
 * MCS_CNT_HOST_COPIES) on the port and in n; whether the copy goes out.
 */
bool mcs_count_copy(struct mcs_port *out, enum mcs_verdict verdict,
		    enum mcs_counter copies, struct mcs_copy_counts *n);
/* Add a frame's counts n to the bridge's counters. */
void mcs_count_copies(struct mcs_bridge *mb, const struct mcs_copy_counts *n,
		      enum mcs_counter copies);

/*
 * The upper-layer protocol of an IPv6 packet and, for ICMPv6, its type
 * (0 otherwise). False for non-first fragments and broken headers.
 */
bool mcs_ipv6_upper(struct sk_buff *skb, u8 *nexthdr, u8 *icmp6_type);

/* Groups flooded whatever the settings: link-local, ND. Never learnt. */
bool mcs_group_link_local(const struct in6_addr *group);
/* Groups flooded now: those, and the MAC-ambiguous ones if so set. */
bool mcs_group_flooded(const struct mcs_bridge *mb,
		       const struct in6_addr *group);

#endif /* _MCS_FORWARD_H */
