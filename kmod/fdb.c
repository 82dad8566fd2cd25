// SPDX-License-Identifier: GPL-2.0
/*
 * 802.1X locked ports: whether the bridge lets a host's frames in. The
 * bridge asks its FDB before its own snooping sees a frame
 * (br_handle_frame_finish): an entry for the source MAC and VLAN that
 * points to the port, is not a local one and (with MAB) not locked.
 * mcsnoop asks the same FDB through the bridge's ndo_fdb_get, the one
 * interface that reads an entry outside RTNL (under RCU, without a lock
 * or an allocation); its netlink answer goes into a per-CPU buffer made
 * once, since the packet path may not allocate.
 */
#include <linux/neighbour.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/skbuff.h>
#include <net/netlink.h>

#include "fdb.h"

/* An RTM_NEWNEIGH of one FDB entry takes about 100 bytes. */
#define MCS_FDB_ANSWER_LEN 512

static DEFINE_PER_CPU(struct sk_buff *, mcs_fdb_answer);

#ifdef NTF_EXT_LOCKED
/* An entry MAB learnt: the host is known, not authorised. */
static bool mcs_fdb_locked(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_attr(a, nlmsg_attrdata(nlh, sizeof(struct ndmsg)),
			  nlmsg_attrlen(nlh, sizeof(struct ndmsg)), rem)
		if (nla_type(a) == NDA_FLAGS_EXT && nla_len(a) == sizeof(u32))
			return nla_get_u32(a) & NTF_EXT_LOCKED;
	return false;
}
#else
/* Kernels without MAB have no locked entries. */
static bool mcs_fdb_locked(const struct nlmsghdr *nlh)
{
	return false;
}
#endif

bool mcs_fdb_authorised(struct net_device *br, const struct net_device *port,
			const u8 *mac, u16 vid)
{
	struct sk_buff *skb = *this_cpu_ptr(&mcs_fdb_answer);
	const struct nlmsghdr *nlh;
	const struct ndmsg *ndm;

	if (!skb || !br->netdev_ops->ndo_fdb_get)
		return false;
	skb_trim(skb, 0);
	if (br->netdev_ops->ndo_fdb_get(skb, NULL, br, mac, vid, 0, 0, NULL))
		return false;	/* no entry: the bridge drops (MAB learns) */
	nlh = (const struct nlmsghdr *)skb->data;
	if (skb->len < nlmsg_total_size(sizeof(*ndm)))
		return false;
	ndm = nlmsg_data(nlh);
	/* A local entry: the bridge's own address, never a host's. */
	if (ndm->ndm_ifindex != port->ifindex ||
	    (ndm->ndm_state & NUD_PERMANENT))
		return false;
	return !mcs_fdb_locked(nlh);
}

int __init mcs_fdb_init(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		per_cpu(mcs_fdb_answer, cpu) = alloc_skb(MCS_FDB_ANSWER_LEN,
							 GFP_KERNEL);
		if (!per_cpu(mcs_fdb_answer, cpu)) {
			mcs_fdb_uninit();
			return -ENOMEM;
		}
	}
	return 0;
}

void mcs_fdb_uninit(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		kfree_skb(per_cpu(mcs_fdb_answer, cpu));
		per_cpu(mcs_fdb_answer, cpu) = NULL;
	}
}
