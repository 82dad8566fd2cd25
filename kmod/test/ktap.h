/* SPDX-License-Identifier: GPL-2.0 */
/* KTAP output of the userspace unit tests: CHECK one case, then finish. */
#ifndef _MCS_KTAP_H
#define _MCS_KTAP_H

#include <stdio.h>

static int passed, failed, n;

#define CHECK(cond, ...)						\
	do {								\
		n++;							\
		if (cond) {						\
			passed++;					\
			printf("ok %d ", n);				\
		} else {						\
			failed++;					\
			printf("not ok %d (line %d) ", n, __LINE__);	\
		}							\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	} while (0)

/* The plan and the totals; the exit status. */
static inline int ktap_finish(void)
{
	printf("1..%d\n", n);
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:0 error:0\n",
	       passed, failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

#endif /* _MCS_KTAP_H */
