// SPDX-License-Identifier: GPL-2.0
/*
 * The object counts of objects.h, shown in debugfs. debugfs is for
 * debugging only: a kernel without it simply has no file.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "objects.h"

DEFINE_PER_CPU(long[MCS_OBJ_MAX], mcs_objects);

static const char *const mcs_object_names[MCS_OBJ_MAX] = {
	[MCS_OBJ_BRIDGE]	= "bridges",
	[MCS_OBJ_PORT]		= "ports",
	[MCS_OBJ_PORT_VLAN]	= "port_vlans",
	[MCS_OBJ_CONTEXT]	= "contexts",
	[MCS_OBJ_GROUP]		= "groups",
	[MCS_OBJ_MEMBER]	= "members",
	[MCS_OBJ_SOURCE]	= "sources",
	[MCS_OBJ_HOST]		= "hosts",
	[MCS_OBJ_QUERY]		= "queries",
	[MCS_OBJ_TRAFFIC_PAST]	= "traffic_past",
	[MCS_OBJ_PROFILE]	= "profiles",
	[MCS_OBJ_TEMPLATE]	= "templates",
};

static struct dentry *mcs_debugfs;

static int mcs_objects_show(struct seq_file *seq, void *unused)
{
	int kind, cpu;

	for (kind = 0; kind < MCS_OBJ_MAX; kind++) {
		long n = 0;

		for_each_possible_cpu(cpu)
			n += per_cpu(mcs_objects, cpu)[kind];
		seq_printf(seq, "%s %ld\n", mcs_object_names[kind], n);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mcs_objects);

void mcs_objects_init(void)
{
	mcs_debugfs = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("objects", 0400, mcs_debugfs, NULL,
			    &mcs_objects_fops);
}

void mcs_objects_uninit(void)
{
	debugfs_remove(mcs_debugfs);
}
