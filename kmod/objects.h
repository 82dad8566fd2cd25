/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's own objects, counted as they are made and freed, so that
 * a test can check that everything made was freed ("created ==
 * destroyed") after bridges, ports and namespaces went. Read in debugfs:
 * /sys/kernel/debug/mcsnoop/objects. Per-CPU counts: a learnt membership
 * writes no cache line that another CPU writes too.
 */
#ifndef MCS_OBJECTS_H
#define MCS_OBJECTS_H

#ifdef __KERNEL__
#include <linux/percpu.h>
#endif

enum mcs_object {
	MCS_OBJ_BRIDGE,
	MCS_OBJ_PORT,
	MCS_OBJ_PORT_VLAN,
	MCS_OBJ_CONTEXT,
	MCS_OBJ_GROUP,
	MCS_OBJ_MEMBER,
	MCS_OBJ_SOURCE,
	MCS_OBJ_HOST,
	MCS_OBJ_QUERY,
	MCS_OBJ_TRAFFIC_PAST,
	MCS_OBJ_PROFILE,
	MCS_OBJ_TEMPLATE,
	MCS_OBJ_MAX
};

#ifdef __KERNEL__
DECLARE_PER_CPU(long[MCS_OBJ_MAX], mcs_objects);

static inline void mcs_object_new(enum mcs_object kind)
{
	this_cpu_inc(mcs_objects[kind]);
}

static inline void mcs_object_gone(enum mcs_object kind)
{
	this_cpu_dec(mcs_objects[kind]);
}

void mcs_objects_init(void);
void mcs_objects_uninit(void);
#else
/* The unit tests (kmod/test) build filter.c alone: nothing to count. */
static inline void mcs_object_new(enum mcs_object kind) { }
static inline void mcs_object_gone(enum mcs_object kind) { }
#endif

#endif
