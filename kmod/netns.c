// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: mcsnoop is configured per namespace and a
 * namespace that goes away takes its bridges with it.
 */
#include <linux/rtnetlink.h>
#include <net/netns/generic.h>

#include "netns.h"
#include "bridge.h"
#include "profile.h"

unsigned int mcs_net_id __read_mostly;

static int __net_init mcs_net_init(struct net *net)
{
	struct mcs_net *mn = mcs_net(net);

	mn->net = net;
	hash_init(mn->bridges);
	hash_init(mn->ports);
	INIT_LIST_HEAD(&mn->profiles);
	mn->generation = 1;
	mn->profile_generation = 1;
	return 0;
}

/*
 * The bridges of a dying namespace were already released when their
 * devices unregistered; what is left here comes from a module unload.
 */
static void __net_exit mcs_net_exit(struct net *net)
{
	rtnl_lock();
	mcs_bridge_flush(mcs_net(net));
	/* No bridge names them any more. */
	mcs_profiles_free(mcs_net(net));
	rtnl_unlock();
}

static struct pernet_operations mcs_net_ops = {
	.init = mcs_net_init,
	.exit = mcs_net_exit,
	.id = &mcs_net_id,
	.size = sizeof(struct mcs_net),
};

int mcs_netns_init(void)
{
	return register_pernet_subsys(&mcs_net_ops);
}

void mcs_netns_uninit(void)
{
	unregister_pernet_subsys(&mcs_net_ops);
}
