/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MCS_NOTIFIER_H
#define _MCS_NOTIFIER_H

/* Follows bridges (and later ports) as devices come and go. */
int mcs_notifier_init(void);
void mcs_notifier_uninit(void);

#endif /* _MCS_NOTIFIER_H */
