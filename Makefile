# SPDX-License-Identifier: GPL-2.0
#
# mcsnoop: the kernel module (kmod/), the tool (tools/) and their tests.
#
#   make                 module for the running kernel (KERNELRELEASE= or
#                        KDIR= for another) and tools/mcsnoopctl
#   make install         module into /lib/modules/KVER/updates, depmod, tool,
#                        boot service, example /etc/mcsnoop.conf, man pages
#   make deb             Debian packages in build/deb/: mcsnoop-dkms (the
#                        module's sources for DKMS) and mcsnoopctl
#   make dkms-install    the module through dkms, for every installed kernel
#   make check           everything below, then the selftests in qemu VMs on
#                        Debian's 6.1 and 6.12 kernels
#   make check-debug     the selftests on a debug 6.12 kernel (KASAN, lockdep,
#                        kmemleak, UBSAN), built and cached on first use
#   make demo            a bridge with hosts in a VM, mcsnoop enabled on it
#   make style           checkpatch --strict and sparse on the module
#   make ynl             the uapi header and kmod/nl_gen.[ch] from the YNL
#                        spec (make ynl-check: are they up to date)

VERSION := 0.1
PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
HELPERDIR ?= $(PREFIX)/lib/mcsnoop
MANDIR ?= $(PREFIX)/share/man
UNITDIR ?= /lib/systemd/system
SYSCONFDIR ?= /etc
BASHCOMPDIR ?= /usr/share/bash-completion/completions
# ifupdown's hook directories (if-up.d, if-down.d).
IFUPDOWNDIR ?= $(SYSCONFDIR)/network
DESTDIR ?=

# The kernel to build against: the running one, or the newest one with
# headers when the running one has none (a build host or container).
ifeq ($(origin KDIR),undefined)
  ifeq ($(origin KERNELRELEASE),undefined)
    KERNELRELEASE := $(shell uname -r)
    ifeq ($(wildcard /lib/modules/$(KERNELRELEASE)/build),)
      KERNELRELEASE := $(shell ls -1dv /lib/modules/*/build 2>/dev/null | \
			 tail -n 1 | cut -d/ -f4)
    endif
  endif
  KDIR := /lib/modules/$(KERNELRELEASE)/build
endif

# Debian's 6.1 and 6.12 kernels: the ones the VM tests boot.
TEST_KERNELS = $(shell selftests/vm/kernels.sh --releases)
# Make is run as `make check check-debug` by CI: the time since it started.
MAKE_START := $(shell date +%s)

MODULE_SRC := Kbuild $(wildcard kmod/*.c kmod/*.h kmod/Kbuild) \
	      include/uapi/linux/mcsnoop.h

all: module tool

module:
	@test -e $(KDIR)/Makefile || { echo "no kernel headers at $(KDIR):" \
		"install linux-headers-$(KERNELRELEASE) or set KDIR=" >&2; exit 1; }
ifeq ($(OUT),)
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
else
	@# Out of the source tree, so that several kernels' builds coexist.
	@mkdir -p $(OUT)
	@echo $(abspath $(KDIR)) > $(OUT)/.kdir
	@tar -cf - $(MODULE_SRC) | tar -xf - -C $(OUT) --keep-newer-files 2>/dev/null || true
	$(MAKE) -C $(KDIR) M=$(abspath $(OUT)) modules
endif

# One module per test kernel: build/KVER/kmod/mcsnoop.ko
modules:
	@test -n "$(TEST_KERNELS)" || { echo "no 6.1/6.12 kernels with headers:" \
		"run scripts/install-deps.sh" >&2; exit 1; }
	@set -e; for k in $(TEST_KERNELS); do \
		$(MAKE) --no-print-directory module KDIR=/lib/modules/$$k/build \
			OUT=build/$$k W=1 KCFLAGS=-Werror -j$(NPROC); \
	done

tool:
	$(MAKE) -C tools VERSION=$(VERSION)

deps:
	scripts/install-deps.sh all

style: deps
	scripts/style.sh $(TEST_KERNELS)

# The uapi header and kmod/nl_gen.[ch] are generated from the YNL spec
# Documentation/netlink/specs/mcsnoop.yaml: `make ynl` regenerates them,
# `make ynl-check` fails if the committed ones differ from the spec (and
# extracts the kernel's YNL tools that mcsnoop_ynl.sh runs).
ynl: deps
	scripts/ynl-regen.sh

ynl-check: deps
	scripts/ynl-regen.sh --check

# Userspace unit tests: the tool's output layer, the module's parser.
unit: tool
	$(MAKE) -C tools check
	$(MAKE) -C kmod/test check

# The guests (lanes) and the test files each runs are worked out by
# selftests/vm/lanes.sh, which says why. CHECK_JOBS guests run at once.
# Both targets end with the time since make started, and a warning past
# CHECK_BUDGET minutes: CI allows 90 minutes for `make check check-debug`
# from a fresh clone, and we keep it within 45 so that new tests fit.
CHECK_JOBS ?= 2
CHECK_BUDGET ?= 40
NPROC := $(shell nproc)
# $(call time_report,WHAT)
time_report = t=$$(( $$(date +%s) - $(MAKE_START) )); \
	echo "$(1): $$((t / 60)) min $$((t % 60)) s since make started"; \
	[ $$t -le $$(( $(CHECK_BUDGET) * 60 )) ] || echo "WARNING: past the \
	test budget of $(CHECK_BUDGET) minutes: make the slow tests faster \
	(build/vm-logs/*/times) before adding more"

# With both goals (CI), the debug kernel builds in the background from the
# start, at the priority of the rest: it is the longest chain (about 16 CPU
# minutes, then the debug guests), so it must not wait for the CPU time
# that the builds and guests of check leave. check runs the debug guests
# too, as soon as its own are done (the 6.1 one first): debug-module.sh
# waits for the kernel (debug-kernel.sh holds a lock while it builds).
# check-debug alone runs only the debug guests. With both, the 6.12
# guest leaves to the debug guests the test functions they run.
CHECK_LANES = $$(selftests/vm/lanes.sh check)
ifneq ($(filter check,$(MAKECMDGOALS)),)
ifneq ($(filter check-debug,$(MAKECMDGOALS)),)
CHECK_PREBUILD = debug-prebuild
CHECK_LANES = $$(selftests/vm/lanes.sh check build --with-debug) \
	$$(selftests/vm/lanes.sh debug)
CHECK_DEBUG_DONE = 1
endif
endif

debug-prebuild: deps
	@mkdir -p build
	@echo "debug kernel: building in the background (build/debug-kernel.log)"
	@nohup selftests/vm/debug-kernel.sh >build/debug-kernel.log 2>&1 &

check: deps $(CHECK_PREBUILD) ynl-check modules tool style unit dkms-check \
		deb-binaries
	@rc=0; selftests/vm/check.sh -j $(CHECK_JOBS) $(CHECK_LANES) || rc=$$?; \
	$(call time_report,make check); exit $$rc

ifeq ($(CHECK_DEBUG_DONE),1)
check-debug: check
	@echo "make check-debug: its guest ran beside those of make check (above)"
else
check-debug: deps tool
	@rc=0; selftests/vm/check.sh -j $(CHECK_JOBS) \
		$$(selftests/vm/lanes.sh debug) || rc=$$?; \
	$(call time_report,make check-debug); exit $$rc
endif

# The stress campaigns at full size on the debug kernel (hours; not CI:
# their short versions run in check-debug). Fails on any failed check,
# splat or leak; prints the campaigns' figures.
SOAK_LOG_DIR ?= build/vm-logs
soak: deps tool
	@mkdir -p $(SOAK_LOG_DIR)
	@{ VM_TIMEOUT=$${VM_TIMEOUT:-43200} MCSNOOP_LOG_DIR=$(SOAK_LOG_DIR) \
		selftests/vm/check.sh -j 1 $$(selftests/vm/lanes.sh soak) 2>&1; \
		echo $$? >$(SOAK_LOG_DIR)/soak.rc; } | tee $(SOAK_LOG_DIR)/soak.log
	@selftests/vm/soak-report.sh $(SOAK_LOG_DIR)/soak.log \
		$(SOAK_LOG_DIR)/soak/output.log; exit $$(cat $(SOAK_LOG_DIR)/soak.rc)

demo: deps modules tool
	@k=$(lastword $(TEST_KERNELS)); \
	selftests/vm/run-vm.sh --kernel /boot/vmlinuz-$$k \
		--module build/$$k/kmod/mcsnoop.ko --tool tools/mcsnoopctl \
		-- selftests/vm/demo.sh

# Benchmark figures (ratios measured side by side in one guest); not a test.
# BENCH_ARGS go to bench/bench.sh, e.g. BENCH_ARGS=--quick.
bench: deps modules tool
	@k=$(lastword $(TEST_KERNELS)); \
	bench/run.sh --kernel /boot/vmlinuz-$$k \
		--module build/$$k/kmod/mcsnoop.ko --tool tools/mcsnoopctl \
		-- $(BENCH_ARGS)

# The release of the kernel tree we build against (KDIR may be any tree).
# utsrelease.h, not kernel.release: Debian's 6.1 headers put the upstream
# version in the latter.
KREL = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	 $(KDIR)/include/generated/utsrelease.h 2>/dev/null)
MODULE_DIR = $(if $(OUT),$(abspath $(OUT)),$(CURDIR))

# Rebuild only when a source is newer than the module: kbuild's no-op
# pass is slow on small machines and in VMs.
MODULE_KO = $(MODULE_DIR)/kmod/mcsnoop.ko
$(MODULE_KO): $(MODULE_SRC)
	$(MAKE) --no-print-directory module

# The boot service and its helper get the install paths.
SUBST = sed -e 's|@SBINDIR@|$(SBINDIR)|g' -e 's|@HELPERDIR@|$(HELPERDIR)|g'
# Installed only where they exist: path in the tree, path installed.
MAN_PAGES = Documentation/man/mcsnoopctl.8:$(MANDIR)/man8/mcsnoopctl.8 \
	    Documentation/man/mcsnoop.4:$(MANDIR)/man4/mcsnoop.4 \
	    tools/completion/mcsnoopctl:$(BASHCOMPDIR)/mcsnoopctl
CONF = $(DESTDIR)$(SYSCONFDIR)/mcsnoop.conf

# DESTDIR stages an install (packaging); depmod is then the package's job.
# /etc/mcsnoop.conf is the example (everything commented out) unless there
# is one; the service is installed, not enabled (systemctl enable mcsnoop).
# install-tool: all but the module (with dkms-install, say).
install: $(MODULE_KO) install-tool
	$(MAKE) -C $(KDIR) M=$(MODULE_DIR) INSTALL_MOD_DIR=updates \
		$(if $(DESTDIR),INSTALL_MOD_PATH=$(DESTDIR)) modules_install
	$(if $(DESTDIR),,depmod -a $(KREL))

install-tool: tool
	install -D -m 0755 tools/mcsnoopctl $(DESTDIR)$(SBINDIR)/mcsnoopctl
	install -d $(DESTDIR)$(HELPERDIR) $(DESTDIR)$(UNITDIR)
	$(SUBST) packaging/mcsnoop-boot >$(DESTDIR)$(HELPERDIR)/mcsnoop-boot
	chmod 0755 $(DESTDIR)$(HELPERDIR)/mcsnoop-boot
	$(SUBST) packaging/systemd/mcsnoop.service \
		>$(DESTDIR)$(UNITDIR)/mcsnoop.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/mcsnoop.service
	$(SUBST) packaging/systemd/mcsnoop-metrics.service \
		>$(DESTDIR)$(UNITDIR)/mcsnoop-metrics.service
	install -m 0644 packaging/systemd/mcsnoop-metrics.timer \
		$(DESTDIR)$(UNITDIR)/mcsnoop-metrics.timer
	chmod 0644 $(DESTDIR)$(UNITDIR)/mcsnoop-metrics.service
	install -d $(DESTDIR)$(IFUPDOWNDIR)/if-up.d $(DESTDIR)$(IFUPDOWNDIR)/if-down.d
	$(SUBST) packaging/ifupdown/mcsnoop >$(DESTDIR)$(IFUPDOWNDIR)/if-up.d/mcsnoop
	chmod 0755 $(DESTDIR)$(IFUPDOWNDIR)/if-up.d/mcsnoop
	ln -sf ../if-up.d/mcsnoop $(DESTDIR)$(IFUPDOWNDIR)/if-down.d/mcsnoop
	test -e $(CONF) || install -D -m 0644 packaging/mcsnoop.conf $(CONF)
	@set -e; for m in $(MAN_PAGES); do \
		if [ -e $${m%%:*} ]; then \
			echo "install $${m%%:*} $(DESTDIR)$${m#*:}"; \
			install -D -m 0644 $${m%%:*} $(DESTDIR)$${m#*:}; \
		fi; \
	done
	$(if $(DESTDIR),,-[ ! -d /run/systemd/system ] || systemctl daemon-reload)

# Everything install put there, but an /etc/mcsnoop.conf that was edited.
uninstall: uninstall-tool
	rm -f $(DESTDIR)/lib/modules/$(KREL)/updates/kmod/mcsnoop.ko*
	$(if $(DESTDIR),,depmod -a $(KREL))

uninstall-tool:
	rm -f $(DESTDIR)$(SBINDIR)/mcsnoopctl
	rm -f $(DESTDIR)$(HELPERDIR)/mcsnoop-boot
	rmdir $(DESTDIR)$(HELPERDIR) 2>/dev/null || true
	rm -f $(DESTDIR)$(UNITDIR)/mcsnoop.service
	rm -f $(DESTDIR)$(UNITDIR)/mcsnoop-metrics.service \
		$(DESTDIR)$(UNITDIR)/mcsnoop-metrics.timer
	rm -f $(DESTDIR)$(IFUPDOWNDIR)/if-up.d/mcsnoop \
		$(DESTDIR)$(IFUPDOWNDIR)/if-down.d/mcsnoop
	! cmp -s packaging/mcsnoop.conf $(CONF) || rm -f $(CONF)
	rm -f $(foreach m,$(MAN_PAGES),$(DESTDIR)$(lastword $(subst :, ,$(m))))
	$(if $(DESTDIR),,-[ ! -d /run/systemd/system ] || systemctl daemon-reload)

# DKMS: the module's sources in DKMS_SOURCETREE/mcsnoop-VERSION, built and
# installed by dkms for every kernel with headers, and by dkms's kernel
# hook for each new one (dkms.conf). DKMS_FLAGS go to every dkms call,
# e.g. --dkmstree DIR --installtree DIR (scripts/dkms-check.sh). Use
# either this or `make install` for the module, not both.
DKMS_SOURCETREE ?= /usr/src
DKMS_FLAGS ?=
DKMS_SRC = $(DKMS_SOURCETREE)/mcsnoop-$(VERSION)
DKMS = dkms $(DKMS_FLAGS) --sourcetree $(DKMS_SOURCETREE)
DKMS_KERNELS = $(shell for k in $$(ls -1v /lib/modules 2>/dev/null); do \
		 [ -e /lib/modules/$$k/build/Makefile ] && echo $$k; done)

dkms-src:
	rm -rf $(DKMS_SRC)
	mkdir -p $(DKMS_SRC)
	tar -cf - dkms.conf $(MODULE_SRC) | tar -xf - -C $(DKMS_SRC)

dkms-install: dkms-src
	@command -v dkms >/dev/null || { echo "no dkms: run" \
		"scripts/install-deps.sh dkms" >&2; exit 1; }
	$(DKMS) status -m mcsnoop -v $(VERSION) | grep -q . || \
		$(DKMS) add -m mcsnoop -v $(VERSION)
	@set -e; for k in $(DKMS_KERNELS); do \
		echo "$(DKMS) install -m mcsnoop -v $(VERSION) -k $$k"; \
		$(DKMS) install -m mcsnoop -v $(VERSION) -k $$k; \
	done

dkms-uninstall:
	-$(DKMS) remove -m mcsnoop -v $(VERSION) --all
	rm -rf $(DKMS_SRC)

# dkms builds and installs the module for both test kernels (private
# trees: the host's dkms state is left alone), then removes it all.
dkms-check: deps
	scripts/dkms-check.sh $(TEST_KERNELS)

# Debian packages, built by dpkg-buildpackage from a copy of the tracked
# files (git ls-files: what a clean clone has, with uncommitted edits) in
# build/deb/mcsnoop-VERSION/, with packaging/debian/ as its debian/. The
# .debs, .buildinfo and .changes are left in build/deb/; lintian must find
# no error and no warning in them. The selftest mcsnoop_deb.sh installs
# them in a guest.
DEB_DIR = build/deb
DEB_TREE = $(DEB_DIR)/mcsnoop-$(VERSION)
DEB_VERSION = $(shell dpkg-parsechangelog -l packaging/debian/changelog \
		-S Version 2>/dev/null)

deb: deps
	@[ "$(DEB_VERSION)" = "$(VERSION)" ] || { echo "deb: the version of" \
		"packaging/debian/changelog ($(DEB_VERSION)) is not VERSION" \
		"($(VERSION)): add a changelog entry (dch -v $(VERSION))" >&2; exit 1; }
	rm -rf $(DEB_DIR)
	mkdir -p $(DEB_TREE)
	git ls-files -z | grep -zv '^packaging/debian/' | \
		xargs -0 tar -cf - | tar -xf - -C $(DEB_TREE)
	cp -r packaging/debian $(DEB_TREE)/debian
	cd $(DEB_TREE) && dpkg-buildpackage -us -uc -b
	rm -rf $(DEB_TREE)
	lintian --fail-on error,warning --info $(DEB_DIR)/*.changes
	@ls -1 $(DEB_DIR)/*.deb

# The packages, and the module built by dkms from mcsnoop-dkms's own
# sources for each test kernel, packed as binaries-only tarballs its
# postinst can load (build/deb/dkms/, one a kernel): mcsnoop_deb.sh
# installs the packages with them instead of compiling under TCG.
deb-binaries: deb
	scripts/deb-binaries.sh $(TEST_KERNELS)

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null
	$(MAKE) -C tools clean
	$(MAKE) -C kmod/test clean
	rm -rf build

.PHONY: all module modules tool deps style ynl ynl-check unit check deb deb-binaries check-debug debug-prebuild soak demo bench install \
	install-tool uninstall uninstall-tool dkms-src dkms-install dkms-uninstall dkms-check clean
