/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_HOOKS_H
#define _MCS_HOOKS_H

#include <linux/skbuff.h>
#include <net/net_namespace.h>

int mcs_hooks_register(struct net *net);
void mcs_hooks_unregister(struct net *net);

/*
 * The querier's frames, sent on this CPU until called with NULL: the
 * LOCAL_OUT hook does not learn from them as if the host had sent them.
 */
void mcs_hooks_own_frame(const struct sk_buff *skb);

/* Per-CPU scratch space of the packet path, for the module's lifetime. */
int mcs_hooks_init(void);
void mcs_hooks_uninit(void);

#endif /* _MCS_HOOKS_H */
