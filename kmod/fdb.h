/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_FDB_H
#define _MCS_FDB_H

#include <linux/netdevice.h>

/*
 * Packet path (RCU, BH disabled): whether bridge br lets the frames of
 * host mac on vid in through its locked port, as its FDB says.
 */
bool mcs_fdb_authorised(struct net_device *br, const struct net_device *port,
			const u8 *mac, u16 vid);

/* The per-CPU answer buffers, for the module's lifetime. */
int mcs_fdb_init(void);
void mcs_fdb_uninit(void);

#endif /* _MCS_FDB_H */
