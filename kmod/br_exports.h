/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Functions the bridge exports (for br_netfilter) but declares only in its
 * private header: the last steps of its forwarding path, which mcsnoop's
 * own copies and queries take too.
 */
#ifndef _MCS_BR_EXPORTS_H
#define _MCS_BR_EXPORTS_H

#include <linux/skbuff.h>
#include <net/sock.h>

int br_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb);
int br_dev_queue_push_xmit(struct net *net, struct sock *sk,
			   struct sk_buff *skb);

#endif /* _MCS_BR_EXPORTS_H */
