// SPDX-License-Identifier: GPL-2.0
/*
 * MST: with mst_enabled a bridge port has a state per VLAN (that of the
 * VLAN's spanning tree instance, MSTI) instead of one STP state, and the
 * bridge forwards a frame of VLAN v in and out of a port only as its
 * state in v allows. The bridge reads those states in its private
 * structures; mcsnoop keeps a copy per port and VID, built from what the
 * bridge exports (br_mst_enabled, br_mst_get_info, br_mst_get_state)
 * and kept current from the switchdev events the bridge sends on every
 * change: MST switched on or off, a VLAN moved to another MSTI, a port's
 * state in an MSTI, a port's STP (MSTI 0) state, a VLAN added to or
 * removed from a port. An MSTI state event is applied at once, as the
 * bridge applies it; for the others the bridge changes its state after
 * telling, so the copy is built again from the getters right after
 * (deferred work, under RTNL).
 */
#include <linux/if_bridge.h>
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "mst.h"

static void mcs_mst_port_set(struct mcs_port *port, struct mcs_mst_port *new)
{
	struct mcs_mst_port *old = rcu_replace_pointer(port->mst, new,
						       lockdep_rtnl_is_held());

	if (old)
		kfree_rcu(old, rcu);
}

/* The MSTI of each VLAN of the bridge (VLANs it does not have: 0). */
static void mcs_mst_vid_msti(struct net_device *br, u16 *msti_of)
{
	DECLARE_BITMAP(vids, VLAN_N_VID);
	DECLARE_BITMAP(left, VLAN_N_VID);
	struct bridge_vlan_info vinfo;
	unsigned int vid;
	u16 msti;

	bitmap_zero(left, VLAN_N_VID);
	for (vid = 1; vid < VLAN_N_VID - 1; vid++)
		if (!br_vlan_get_info(br, vid, &vinfo))
			__set_bit(vid, left);
	for (msti = 0; msti < VLAN_N_VID - 1 && !bitmap_empty(left, VLAN_N_VID);
	     msti++) {
		bitmap_zero(vids, VLAN_N_VID);
		if (br_mst_get_info(br, msti, vids))
			return;
		for_each_set_bit(vid, vids, VLAN_N_VID) {
			msti_of[vid] = msti;
			__clear_bit(vid, left);
		}
	}
}

/* The port's state in each of its VLANs, as the bridge has it now. */
static void mcs_mst_port_build(struct mcs_port *port, const u16 *msti_of,
			       struct mcs_mst_port *mp)
{
	struct bridge_vlan_info vinfo;
	unsigned int vid;
	u8 state;

	/* Without VLAN filtering the bridge ignores MST and STP alike. */
	mp->state[0] = BR_STATE_FORWARDING;
	for (vid = 1; vid < VLAN_N_VID; vid++) {
		mp->state[vid] = MCS_MST_NO_VLAN;
		if (br_vlan_get_info(port->dev, vid, &vinfo) ||
		    br_mst_get_state(port->dev, msti_of[vid], &state))
			continue;
		mp->state[vid] = state;
	}
}

void mcs_mst_sync(struct mcs_bridge *mb)
{
	struct mcs_mst_port *mp;
	struct mcs_port *port;
	u16 *msti_of;

	ASSERT_RTNL();
	if (!br_mst_enabled(mb->dev)) {
		list_for_each_entry(port, &mb->port_list, list)
			mcs_mst_port_set(port, NULL);
		WRITE_ONCE(mb->mst.on, false);
		return;
	}
	msti_of = kcalloc(VLAN_N_VID, sizeof(*msti_of), GFP_KERNEL);
	if (!msti_of)
		goto fail;
	mcs_mst_vid_msti(mb->dev, msti_of);
	list_for_each_entry(port, &mb->port_list, list) {
		mp = kzalloc(sizeof(*mp), GFP_KERNEL);
		if (!mp) {
			kfree(msti_of);
			goto fail;
		}
		mcs_mst_port_build(port, msti_of, mp);
		mcs_mst_port_set(port, mp);
	}
	kfree(mb->mst.msti_of);
	mb->mst.msti_of = msti_of;
	WRITE_ONCE(mb->mst.on, true);
	return;
fail:
	/* Try again soon; meanwhile the old copy stands. */
	netdev_warn(mb->dev, "mcsnoop: no memory for the MST states, retrying\n");
	mcs_mst_changed(mb);
}

void mcs_mst_port_state(struct mcs_port *port, u16 msti, u8 state)
{
	struct mcs_bridge *mb = port->mb;
	struct mcs_mst_port *mp;
	unsigned int vid;

	ASSERT_RTNL();
	mp = rtnl_dereference(port->mst);
	if (!mp || !mb->mst.msti_of)
		return;
	/* What the bridge does next for the port's VLANs in msti. */
	for (vid = 1; vid < VLAN_N_VID; vid++)
		if (mb->mst.msti_of[vid] == msti &&
		    READ_ONCE(mp->state[vid]) != MCS_MST_NO_VLAN)
			WRITE_ONCE(mp->state[vid], state);
	mcs_mst_changed(mb);
}

static void mcs_mst_work(struct work_struct *work)
{
	struct mcs_bridge *mb = container_of(to_delayed_work(work),
					     struct mcs_bridge, mst.work);

	if (!mcs_work_rtnl_trylock(&mb->mst.work))
		return;
	mcs_mst_sync(mb);
	rtnl_unlock();
}

void mcs_mst_vlan_msti(struct mcs_bridge *mb, u16 vid, u16 msti)
{
	ASSERT_RTNL();
	/* The bridge moves the VLAN right after: its ports' states too. */
	if (mb->mst.msti_of && vid < VLAN_N_VID)
		mb->mst.msti_of[vid] = msti;
	mcs_mst_changed(mb);
}

void mcs_mst_port_free(struct mcs_port *port)
{
	kfree(rcu_dereference_protected(port->mst, true));
}

void mcs_mst_changed(struct mcs_bridge *mb)
{
	mod_delayed_work(system_power_efficient_wq, &mb->mst.work, 0);
}

void mcs_mst_init(struct mcs_bridge *mb)
{
	INIT_DELAYED_WORK(&mb->mst.work, mcs_mst_work);
}

void mcs_mst_stop(struct mcs_bridge *mb)
{
	struct mcs_port *port;

	ASSERT_RTNL();
	cancel_delayed_work_sync(&mb->mst.work);
	list_for_each_entry(port, &mb->port_list, list)
		mcs_mst_port_set(port, NULL);
	kfree(mb->mst.msti_of);
	mb->mst.msti_of = NULL;
}
