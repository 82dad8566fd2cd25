#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""pktgen driver of the benchmark: sets pktgen up and takes interleaved
samples in several network namespaces from one process (setns(2), no
process per reading, so the samples can be short and many).

Each namespace NS holds a bridge whose port host ends are h0..h7: pktgen
sends on h0, the member (or unicast destination) is h1, h2 is a non-member.

  pktgen.py setup NS DST_IP DST_MAC [--second]
        pktgen on h0 of NS: 128-byte UDP frames to DST_IP/DST_MAC, no count.
        --second: and a second sender, h3 on CPU 1 (pktgen's thread 1),
        the same frames from its own MAC and source address.
  pktgen.py run [--duration SEC] [--rounds N] [--warmup SEC] NS...
        N rounds; each round samples every NS once, in forward order in odd
        rounds and reverse order in even rounds. Per sample prints
        "NS ROUND RATE_H1 RATE_H2" (frames/s received by h1 and h2).
"""

import ctypes
import os
import sys
import threading
import time

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)


def setns(ns):
    fd = os.open('/run/netns/' + ns, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            e = ctypes.get_errno()
            raise OSError(e, 'setns %s: %s' % (ns, os.strerror(e)))
    finally:
        os.close(fd)


def pg_write(name, cmd):
    # pktgen resolves the namespace from the writing task: setns first.
    with open('/proc/thread-self/net/pktgen/' + name, 'w') as f:
        f.write(cmd + '\n')


def setup(ns, dst, dmac, second=False):
    setns(ns)
    senders = [('kpktgend_0', 'h0', '10.255.0.100')]
    if second:
        senders.append(('kpktgend_1', 'h3', '10.255.0.103'))
    for thread, dev, src in senders:
        pg_write(thread, 'rem_device_all')
        pg_write(thread, 'add_device ' + dev)
        for cmd in ('count 0', 'clone_skb 0', 'pkt_size 128', 'delay 0',
                    'dst ' + dst, 'dst_mac ' + dmac,
                    'src_min ' + src, 'src_max ' + src,
                    'udp_src_min 9', 'udp_src_max 9',
                    'udp_dst_min 9', 'udp_dst_max 9'):
            pg_write(dev, cmd)


class Counters:
    def __init__(self, ns):
        setns(ns)
        self.f = open('/proc/thread-self/net/dev')

    def read(self):
        self.f.seek(0)
        rx = {}
        for line in self.f.read().splitlines()[2:]:
            name, data = line.split(':', 1)
            rx[name.strip()] = int(data.split()[1])
        return time.monotonic(), rx.get('h1', 0), rx.get('h2', 0)


def sample(ns, counters, duration, warmup):
    def start():
        setns(ns)
        try:
            pg_write('pgctrl', 'start')
        except OSError:
            pass
    t = threading.Thread(target=start)
    t.start()
    time.sleep(warmup)
    a = counters.read()
    time.sleep(duration)
    b = counters.read()
    setns(ns)
    pg_write('pgctrl', 'stop')
    t.join()
    dt = b[0] - a[0]
    return (b[1] - a[1]) / dt, (b[2] - a[2]) / dt


def run(args):
    duration, rounds, warmup = 0.5, 1, 0.2
    while args and args[0].startswith('--'):
        opt, val = args[0], float(args[1])
        args = args[2:]
        if opt == '--duration':
            duration = val
        elif opt == '--rounds':
            rounds = int(val)
        elif opt == '--warmup':
            warmup = val
    counters = {ns: Counters(ns) for ns in args}
    for r in range(1, rounds + 1):
        order = args if r % 2 else list(reversed(args))
        for ns in order:
            h1, h2 = sample(ns, counters[ns], duration, warmup)
            print('%s %d %.0f %.0f' % (ns, r, h1, h2), flush=True)


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == 'setup' and \
            len(sys.argv) in (5, 6):
        if len(sys.argv) == 6 and sys.argv[5] != '--second':
            print(__doc__, file=sys.stderr)
            return 2
        setup(*sys.argv[2:5], second=len(sys.argv) == 6)
    elif len(sys.argv) >= 3 and sys.argv[1] == 'run':
        run(sys.argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
