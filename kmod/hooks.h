/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_HOOKS_H
#define _MCS_HOOKS_H

#include <net/net_namespace.h>

/* Bridge netfilter hooks of a namespace, present while a bridge is enabled. */
int mcs_hooks_register(struct net *net);
void mcs_hooks_unregister(struct net *net);

#endif /* _MCS_HOOKS_H */
