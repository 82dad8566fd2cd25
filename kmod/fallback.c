// SPDX-License-Identifier: GPL-2.0
/*
 * What mcsnoop cannot honour, and what it does then. mcsnoop sends the
 * ports their multicast itself, so every bridge feature that decides
 * where a frame goes must be honoured by its own code (ingress.c, fdb.c,
 * replicate.c). A few cannot be: the bridge decides them from state that
 * no module can read (Documentation/design.rst, "Refused
 * configurations"). A port with such a feature falls back to the
 * bridge's own flooding: it gets its mcast_flood back, the bridge floods
 * it every multicast frame with all its logic, and mcsnoop sends it
 * nothing itself. Nothing is lost; the port is not snooped. The whole
 * bridge falls back when its own snooping is switched back on (as
 * ifreload or networkd do): mcsnoop stands aside until it is off again.
 *
 * Each fallback is noticed when it appears (device and switchdev events,
 * and a check every second for the flags whose changes nobody
 * announces), logged once, announced as an event and shown by port and
 * bridge show. Everything here runs under RTNL.
 */
#include <linux/if_bridge.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#include "events.h"
#include "fallback.h"
#include "host_router.h"
#include "port.h"

/* Neighbour suppression per VLAN came in 6.4. */
#ifdef BR_NEIGH_VLAN_SUPPRESS
#define MCS_BR_NEIGH_SUPPRESS (BR_NEIGH_SUPPRESS | BR_NEIGH_VLAN_SUPPRESS)
#else
#define MCS_BR_NEIGH_SUPPRESS BR_NEIGH_SUPPRESS
#endif

#define MCS_FALLBACK_N 6
#define MCS_FALLBACK_CHECK_PERIOD HZ

/* Per reason, by bit: its word and why the bridge floods then. */
static const struct {
	const char *word;
	const char *why;
} mcs_fallback_text[MCS_FALLBACK_N] = {
	{ "switchdev", "the port is offloaded to a switch, which forwards by itself" },
	{ "vlan_tunnel", "copies to the port need its VLANs' tunnel metadata" },
	{ "neigh_suppress", "the bridge suppresses ND towards the port after mcsnoop's hook" },
	{ "proxyarp_wifi", "the bridge suppresses ND towards the port after mcsnoop's hook" },
	{ "mcast_flood", "mcast_flood was switched back on" },
	{ "bridge_snooping", "the bridge's own multicast snooping was switched back on" },
};

const char *mcs_fallback_word(u32 reasons)
{
	return reasons ? mcs_fallback_text[__ffs(reasons)].word : "none";
}

/*
 * Announce the reasons that came and went (MCSNOOP_EVENT_REASON_* follow
 * the bits of enum mcsnoop_fallback), and log each the first time.
 */
static void mcs_fallback_changed(struct mcs_bridge *mb, struct mcs_port *port,
				 u32 old, u32 now, u32 *logged)
{
	unsigned long changed = old ^ now;
	unsigned int bit;

	BUILD_BUG_ON(ilog2(MCSNOOP_FALLBACK_BRIDGE_SNOOPING) + 1 !=
		     MCS_FALLBACK_N);
	BUILD_BUG_ON(MCSNOOP_EVENT_REASON_BRIDGE_SNOOPING + 1 !=
		     MCSNOOP_EVENT_REASON_SWITCHDEV + MCS_FALLBACK_N);
	for_each_set_bit(bit, &changed, MCS_FALLBACK_N) {
		mcs_event_fallback(mb, port, now & BIT(bit) ?
				   MCSNOOP_EVENT_FALLBACK_ADD :
				   MCSNOOP_EVENT_FALLBACK_DEL,
				   MCSNOOP_EVENT_REASON_SWITCHDEV + bit);
		if (!(now & BIT(bit)) || (*logged & BIT(bit)))
			continue;
		*logged |= BIT(bit);
		if (port)
			netdev_warn(port->dev, "mcsnoop: %s: the bridge floods this port's multicast: %s\n",
				    mcs_fallback_text[bit].word,
				    mcs_fallback_text[bit].why);
		else
			netdev_warn(mb->dev, "mcsnoop: %s: mcsnoop stands aside, the bridge forwards multicast itself: %s\n",
				    mcs_fallback_text[bit].word,
				    mcs_fallback_text[bit].why);
	}
}

/* The features of the port that mcsnoop cannot honour. */
static u32 mcs_port_refused(const struct mcs_port *port)
{
	struct netdev_phys_item_id ppid;
	struct net_device *dev = port->dev;
	u32 r = 0;

	/* A switchdev port has a parent (the switch) */
	if (!dev_get_port_parent_id(dev, &ppid, true))
		r |= MCSNOOP_FALLBACK_SWITCHDEV;
	if (br_port_flag_is_set(dev, BR_VLAN_TUNNEL))
		r |= MCSNOOP_FALLBACK_VLAN_TUNNEL;
	if (br_port_flag_is_set(dev, MCS_BR_NEIGH_SUPPRESS))
		r |= MCSNOOP_FALLBACK_NEIGH_SUPPRESS;
	/* proxyarp_wifi suppresses ND only where some port suppresses it. */
	if (port->mb->fallback.neigh_suppress &&
	    br_port_flag_is_set(dev, BR_PROXYARP_WIFI))
		r |= MCSNOOP_FALLBACK_PROXYARP_WIFI;
	return r;
}

/*
 * Set the port's mcast_flood the way `ip link set DEV type bridge_slave
 * mcast_flood on|off` does: through the bridge's own rtnetlink operation.
 */
static int mcs_port_set_mcast_flood(struct mcs_port *port, bool on)
{
	const struct rtnl_link_ops *ops = port->mb->dev->rtnl_link_ops;
	struct nlattr *data[IFLA_BRPORT_MAX + 1] = {};
	struct mcs_nla_u8 attr;
	int err;

	ASSERT_RTNL();
	if (!ops || !ops->slave_changelink)
		return -EOPNOTSUPP;
	/* Only a port that is still one of this bridge's. */
	if (!netif_is_bridge_port(port->dev) ||
	    netdev_master_upper_dev_get(port->dev) != port->mb->dev)
		return -ENODEV;
	data[IFLA_BRPORT_MCAST_FLOOD] = mcs_nla_u8(&attr, IFLA_BRPORT_MCAST_FLOOD, on);
	err = ops->slave_changelink(port->mb->dev, port->dev, NULL, data,
				    NULL);
	mcs_port_refresh_flags(port);
	return err;
}

void mcs_fallback_check_port(struct mcs_port *port, bool adding)
{
	struct mcs_bridge *mb = port->mb;
	u32 reasons = mcs_port_refused(port);
	bool give = reasons || READ_ONCE(mb->fallback.reasons);
	bool flood = br_port_flag_is_set(port->dev, BR_MCAST_FLOOD);

	ASSERT_RTNL();
	/*
	 * mcsnoop decides the flag when the port arrives, and later as
	 * long as nobody else changed it: on while the port falls back,
	 * else off (the bridge's flood would only duplicate mcsnoop's
	 * copies). A fallback is never undone by an admin's off.
	 */
	if (adding || give || flood == port->mcast_flood_set) {
		if (flood != give && !mcs_port_set_mcast_flood(port, give))
			flood = give;
		port->mcast_flood_set = give;
	}
	/* On, and not by us: an admin or a tool wants the bridge to flood. */
	if (flood && !port->mcast_flood_set)
		reasons |= MCSNOOP_FALLBACK_MCAST_FLOOD;
	if (reasons != port->fallback)
		mcs_fallback_changed(mb, port, port->fallback, reasons,
				     &port->fallback_logged);
	WRITE_ONCE(port->fallback, reasons);
}

int mcs_fallback_restore_port(struct mcs_port *port)
{
	bool flood = br_port_flag_is_set(port->dev, BR_MCAST_FLOOD);

	ASSERT_RTNL();
	/* What an admin set since is the admin's. */
	if (flood == port->mcast_flood_set && flood != port->saved_mcast_flood)
		return mcs_port_set_mcast_flood(port, port->saved_mcast_flood);
	return 0;
}

void mcs_fallback_check(struct mcs_bridge *mb)
{
	struct mcs_port *port;
	u32 reasons = 0;
	bool suppress = false;

	ASSERT_RTNL();
	list_for_each_entry(port, &mb->port_list, list)
		if (br_port_flag_is_set(port->dev, MCS_BR_NEIGH_SUPPRESS))
			suppress = true;
	mb->fallback.neigh_suppress = suppress;
	if (br_multicast_enabled(mb->dev))
		reasons |= MCSNOOP_FALLBACK_BRIDGE_SNOOPING;
	if (reasons != mb->fallback.reasons)
		mcs_fallback_changed(mb, NULL, mb->fallback.reasons, reasons,
				     &mb->fallback.logged);
	WRITE_ONCE(mb->fallback.reasons, reasons);
	list_for_each_entry(port, &mb->port_list, list)
		mcs_fallback_check_port(port, false);
}

int mcs_fallback_describe(struct mcs_bridge *mb, char *buf, size_t len)
{
	struct mcs_port *port, *first = NULL;
	unsigned int more = 0;

	ASSERT_RTNL();
	if (mb->fallback.reasons)
		return snprintf(buf, len, "%s: %s", mcs_fallback_word(mb->fallback.reasons),
				"mcsnoop stands aside, the bridge forwards multicast itself");
	list_for_each_entry(port, &mb->port_list, list) {
		if (!port->fallback)
			continue;
		if (first)
			more++;
		else
			first = port;
	}
	if (!first)
		return 0;
	/* An extack message holds 80 characters. */
	if (more)
		return snprintf(buf, len, "%s: %s: flooded by the bridge (+%u ports: port show)",
				first->dev->name,
				mcs_fallback_word(first->fallback), more);
	return snprintf(buf, len, "%s: %s: the bridge floods its multicast",
			first->dev->name, mcs_fallback_word(first->fallback));
}

/* The check for what nobody announces (bridge link set, sysfs). */
static void mcs_fallback_work(struct work_struct *work)
{
	struct mcs_bridge *mb = container_of(to_delayed_work(work),
					     struct mcs_bridge, fallback.work);

	if (!mcs_work_rtnl_trylock(&mb->fallback.work))
		return;
	mcs_fallback_check(mb);
	mcs_host_router_refresh(mb);
	rtnl_unlock();
	queue_delayed_work(system_power_efficient_wq, &mb->fallback.work,
			   MCS_FALLBACK_CHECK_PERIOD);
}

void mcs_fallback_init(struct mcs_bridge *mb)
{
	INIT_DELAYED_WORK(&mb->fallback.work, mcs_fallback_work);
}

void mcs_fallback_start(struct mcs_bridge *mb)
{
	queue_delayed_work(system_power_efficient_wq, &mb->fallback.work,
			   MCS_FALLBACK_CHECK_PERIOD);
}

void mcs_fallback_stop(struct mcs_bridge *mb)
{
	cancel_delayed_work_sync(&mb->fallback.work);
}
