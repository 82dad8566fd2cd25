/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_LEARN_H
#define _MCS_LEARN_H

#include "bridge.h"
#include "parse.h"
#include "port.h"

/*
 * Count a valid control message received on port (NULL: sent by the
 * bridge host itself) and learn from it: memberships, router ports, the
 * querier election (src_mac: the sender's). Packet path, BH disabled;
 * takes the bridge lock for table and querier changes.
 */
void mcs_learn(struct mcs_bridge *mb, struct mcs_port *port, u16 vid,
	       const struct mcs_msg *msg, const u8 *src_mac);

/* Count a message that failed validation. */
void mcs_learn_error(struct mcs_bridge *mb, struct mcs_port *port,
		     enum mcs_parse_result res);

#endif /* _MCS_LEARN_H */
