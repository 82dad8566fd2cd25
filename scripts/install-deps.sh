#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages mcsnoop needs (Debian 12 or newer).
#
# Usage: scripts/install-deps.sh [build|vm|debug|dkms|deb|all]...   (default: all)
#
#   build   compile the module against the Debian 6.1 and 6.12 headers,
#           the tool against libmnl, run sparse and checkpatch, and check
#           the files generated from the YNL spec (linux-source-6.12)
#   vm      boot the Debian 6.1 and 6.12 kernels under qemu (TCG) with the
#           host root over 9p and run the selftests in them; and download
#           (not install) the .debs of programs whose packages conflict
#           with installed ones, into /var/cache/mcsnoop/debs: ifupdown2,
#           which the ifupdown test unpacks and runs from a directory
#   debug   build the debug 6.12 kernel (selftests/vm/debug-kernel.sh)
#   dkms    build the module through dkms for every installed kernel
#           (scripts/dkms-check.sh)
#   deb     build the Debian packages (make deb: dpkg-buildpackage,
#           debhelper, dh-dkms, lintian) and what installing them needs
#           (dkms, libmnl0), so that the VM test's offline apt-get install
#           finds every dependency on the host root
#
# Installs only what is missing (apt-get update once first, no recommends,
# non-interactive) and prints nothing when everything is already there.

set -eu

build_pkgs="gcc make libc6-dev libmnl-dev pkg-config sparse kmod groff-base
	linux-headers-amd64 linux-headers-6.12-amd64 linux-source-6.12
	python3-yaml python3-jsonschema"
vm_pkgs="qemu-system-x86 busybox-static kmod cpio xz-utils zstd gzip
	linux-image-amd64 linux-image-6.12-amd64 iproute2 jq python3 python3-scapy
	util-linux procps socat tcpdump tshark netsniff-ng iperf ndisc6 ethtool
	nftables python3-yaml python3-jsonschema frr smcroute
	igmpproxy ifupdown prometheus"
debug_pkgs="linux-source-6.12 gcc make libc6-dev bc flex bison libelf-dev
	libssl-dev dwarves rsync xz-utils cpio kmod"
dkms_pkgs="dkms kmod gcc make linux-headers-amd64 linux-headers-6.12-amd64"
deb_pkgs="dpkg-dev debhelper dh-dkms fakeroot lintian libmnl-dev pkg-config
	gcc make libc6-dev dkms kmod libmnl0"

# Downloaded only, for tests that unpack them (they conflict with vm_pkgs).
vm_debs="ifupdown2"
DEBS_DIR=/var/cache/mcsnoop/debs

wanted=
debs=
[ $# -gt 0 ] || set -- all
for group in "$@"; do
	case "$group" in
	build) wanted="$wanted $build_pkgs" ;;
	vm) wanted="$wanted $vm_pkgs" debs=$vm_debs ;;
	debug) wanted="$wanted $debug_pkgs" ;;
	dkms) wanted="$wanted $dkms_pkgs" ;;
	deb) wanted="$wanted $deb_pkgs" ;;
	all) wanted="$wanted $build_pkgs $vm_pkgs $debug_pkgs $dkms_pkgs $deb_pkgs"
	     debs=$vm_debs ;;
	-h|--help) sed -n '/^# Usage:/,/^# Installs/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "install-deps.sh: unknown group '$group' (build|vm|debug|dkms|deb|all)" >&2; exit 2 ;;
	esac
done

missing=
# shellcheck disable=SC2086 # word splitting of the package list is wanted
for pkg in $(printf '%s\n' $wanted | sort -u); do
	status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
	case "$status" in
	ii*) ;;
	*) missing="$missing $pkg" ;;
	esac
done
fetch=
for pkg in $debs; do
	compgen -G "$DEBS_DIR/${pkg}_*.deb" >/dev/null || fetch="$fetch $pkg"
done
[ -n "$missing$fetch" ] || exit 0

sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || {
		echo "install-deps.sh: need root (or sudo) to install:$missing" >&2
		exit 1
	}
	sudo="sudo"
fi

echo "install-deps.sh:${missing:+ installing:$missing}${fetch:+ downloading:$fetch}"
export DEBIAN_FRONTEND=noninteractive
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
if [ -n "$missing" ]; then
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $missing
fi
if [ -n "$fetch" ]; then
	$sudo mkdir -p "$DEBS_DIR"
	# apt downloads as _apt when it can write there (no warning).
	$sudo chown _apt "$DEBS_DIR" 2>/dev/null || true
	# shellcheck disable=SC2086
	(cd "$DEBS_DIR" && $sudo apt-get download -q $fetch)
fi
