#!/usr/bin/env python3
"""Where a benchmark's CPU goes (issue 16: which resource saturates first), for scripts/benchmark-api.sh.

  cpu-sampler.py sample OUT APP_PID      every second until killed, one line to OUT: epoch ms, then the CPU ticks used
                                         so far by the application, the database server (mariadbd or mysqld), the load
                                         generator (every process whose command line names Gatling: its JVM and
                                         Maven) and the whole machine (busy ticks of /proc/stat)
  cpu-sampler.py report SAMPLES WINDOWS  for each step of WINDOWS (lines "name start end", epoch ms, written by the
                                         simulation) the cores each used on average, and how busy the machine was
"""
import os
import sys
import time

TICKS = os.sysconf('SC_CLK_TCK')
CORES = os.cpu_count()
PARTS = ('app', 'database', 'load', 'machine')


def process_ticks(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0


def command(pid):
    try:
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            return f.read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        return ''


def name(pid):
    try:
        with open(f'/proc/{pid}/comm') as f:
            return f.read().strip()
    except OSError:
        return ''


def machine_busy_ticks():
    with open('/proc/stat') as f:
        values = [int(v) for v in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal: everything but idle and iowait
    return sum(values) - values[3] - values[4]


def sample(out, app):
    with open(out, 'w', buffering=1) as f:
        while True:
            used = {'app': process_ticks(app), 'database': 0, 'load': 0}
            for entry in os.listdir('/proc'):
                if not entry.isdigit() or entry == app:
                    continue
                if name(entry) in ('mariadbd', 'mysqld'):
                    used['database'] += process_ticks(entry)
                elif 'gatling' in command(entry).lower():
                    used['load'] += process_ticks(entry)
            used['machine'] = machine_busy_ticks()
            f.write(f"{int(time.time() * 1000)} " + ' '.join(str(used[p]) for p in PARTS) + '\n')
            time.sleep(1)


def report(samples_file, windows_file):
    rows = []
    with open(samples_file) as f:
        for line in f:
            v = line.split()
            if len(v) == 1 + len(PARTS):
                rows.append([int(x) for x in v])
    windows = []
    with open(windows_file) as f:
        for line in f:
            step, start, end = line.split()
            windows.append((int(start), step, int(end)))
    print(f"CPU per step, in cores of {CORES} (averages over the step; the load generator shares the machine; "
          "database = the MariaDB/MySQL server, with H2 the database works inside the application):")
    print(f"| {'step':<12} | {'application':>11} | {'database':>8} | {'Gatling':>7} | {'machine busy':>12} |")
    for start, step, end in sorted(windows):
        inside = [r for r in rows if start <= r[0] <= end]
        if len(inside) < 2 or step == 'warm-up':
            continue
        first, last = inside[0], inside[-1]
        seconds = (last[0] - first[0]) / 1000
        cores = [(last[i + 1] - first[i + 1]) / TICKS / seconds for i in range(len(PARTS))]
        print(f"| {step:<12} | {cores[0]:>11.2f} | {cores[1]:>8.2f} | {cores[2]:>7.2f} | "
              f"{100 * cores[3] / CORES:>11.0f}% |")


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'sample':
        sample(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == 'report':
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
