// SPDX-License-Identifier: GPL-2.0
/*
 * mcsnoop: IGMP/MLD snooping for Linux bridges, as a module.
 * This file only brings the parts up and down, in order.
 */
#include <linux/module.h>
#include <net/genetlink.h>

#include <linux/mcsnoop.h>

#include "fdb.h"
#include "hooks.h"
#include "netns.h"
#include "netlink.h"
#include "notifier.h"
#include "objects.h"
#include "table.h"

static int __init mcs_init(void)
{
	int err;

	err = mcs_table_cache_init();
	if (err)
		return err;
	err = mcs_hooks_init();
	if (err)
		goto err_table;
	err = mcs_fdb_init();
	if (err)
		goto err_hooks;
	err = mcs_netns_init();
	if (err)
		goto err_fdb;
	err = mcs_notifier_init();
	if (err)
		goto err_netns;
	err = mcs_genl_init();
	if (err)
		goto err_notifier;
	mcs_objects_init();
	pr_info("loaded, generic netlink family %s version %d\n",
		MCSNOOP_GENL_NAME, MCSNOOP_GENL_VERSION);
	return 0;

err_notifier:
	mcs_notifier_uninit();
err_netns:
	mcs_netns_uninit();
err_fdb:
	mcs_fdb_uninit();
err_hooks:
	mcs_hooks_uninit();
err_table:
	mcs_table_cache_uninit();
	return err;
}

static void __exit mcs_exit(void)
{
	mcs_genl_uninit();
	mcs_notifier_uninit();
	mcs_netns_uninit();
	/* Bridges are freed by RCU callbacks that live in this module. */
	rcu_barrier();
	mcs_objects_uninit();
	mcs_fdb_uninit();
	mcs_hooks_uninit();
	mcs_table_cache_uninit();
	pr_info("unloaded\n");
}

module_init(mcs_init);
module_exit(mcs_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("IGMP/MLD snooping and querier for Linux bridges");
MODULE_AUTHOR("The mcsnoop developers");
MODULE_VERSION("0.1");
MODULE_ALIAS_GENL_FAMILY(MCSNOOP_GENL_NAME);
