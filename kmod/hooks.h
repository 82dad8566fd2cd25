/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_HOOKS_H
#define _MCS_HOOKS_H

#include <net/net_namespace.h>

int mcs_hooks_register(struct net *net);
void mcs_hooks_unregister(struct net *net);

/* Per-CPU scratch space of the packet path, for the module's lifetime. */
int mcs_hooks_init(void);
void mcs_hooks_uninit(void);

#endif /* _MCS_HOOKS_H */
