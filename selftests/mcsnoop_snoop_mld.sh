#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Snooping, MLD: hosts h1..h4 (IPv6 only, fe80::1-4, no DAD) behind br0
# join groups with their own MLDv1/v2 stacks; data sent by h1 (or h4)
# reaches the member ports only, dones prune after the last-member time,
# memberships time out. The bodies are IGMP's too: snoop_family.sh.

ALL_TESTS=(
	mldv1_join_done
	mldv2_join_leave
	mldv2_include_allow_block
	mldv2_exclude_sources
	mld_ssm
	mld_membership_timeout
)

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=snoop_family.sh
source "$(dirname "$0")/snoop_family.sh"
snoop_family v6

mldv1_join_done() { snoop_old_join_leave; }
mldv2_join_leave() { snoop_new_join_leave; }
mldv2_include_allow_block() { snoop_include_allow_block; }
mldv2_exclude_sources() { snoop_exclude_sources; }
mld_ssm() { snoop_ssm; }
mld_membership_timeout() { snoop_membership_timeout; }

mcs_require
mcs_run_tests "$@"
