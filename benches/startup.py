#!/usr/bin/env python3
"""Start-up against `cat`: how much a process of newsparse on one article costs beside a
process of `cat` on the same file (issue 19 asks within 3 times, on one Russian article).

usage: benches/startup.py FILE [RUNS] BIN...

Single runs of `cat` and of each BIN, interleaved (the order flips each round, so that a
burst of load on a shared machine falls on all alike), RUNS of each (300 by default); the
median wall time of each and its ratio to `cat`'s. A shell loop measures the shell too,
which on a loaded machine swamps a 1 ms process; `posix_spawn` from here does not.
"""
import os
import statistics
import sys
import time


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    path = args.pop(0)
    runs = int(args.pop(0)) if args[0].isdigit() else 300
    bins = ["/usr/bin/cat"] + [os.path.abspath(b) for b in args]
    devnull = os.open(os.devnull, os.O_WRONLY)
    times = {b: [] for b in bins}
    for i in range(runs):
        for b in bins if i % 2 == 0 else bins[::-1]:
            start = time.perf_counter_ns()
            pid = os.posix_spawn(
                b, [b, path], os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)]
            )
            _, status = os.waitpid(pid, 0)
            times[b].append(time.perf_counter_ns() - start)
            if status != 0:
                sys.exit(f"{b} {path}: exit status {status}")
    cat = statistics.median(times[bins[0]])
    for b in bins:
        m = statistics.median(times[b])
        print(f"{b}: median {m / 1e3:.0f} us, {m / cat:.2f} times cat")


if __name__ == "__main__":
    main()
