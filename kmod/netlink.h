/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_NETLINK_H
#define _MCS_NETLINK_H

/* The "mcsnoop" generic netlink family. */
int mcs_genl_init(void);
void mcs_genl_uninit(void);

#endif /* _MCS_NETLINK_H */
