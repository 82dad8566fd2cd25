/* SPDX-License-Identifier: GPL-2.0 */
/* The few kernel types that kmod/parse.c needs, for userspace builds. */
#ifndef _MCS_KERNEL_SHIM_H
#define _MCS_KERNEL_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;

#endif /* _MCS_KERNEL_SHIM_H */
