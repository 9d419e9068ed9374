#!/usr/bin/env python3
"""Static-file benchmark: our httpd with each MPM against Debian's apache2
(event MPM) and nginx, side by side on loopback, in the same run.

Each server gets an equivalent configuration: the same docroot holding
1 KiB, 64 KiB and 1 MiB files, an access log, sendfile on, keep-alive, and
--threads request workers (threads; processes for prefork) in one process
(see common.mpm_directives). For every file size, wrk drives the servers
in turn (A B C A B C ...) for several rounds; for each run the script
records requests/s, the 99th percentile latency, and the server's CPU time
per request: user+sys of all its processes (from /proc) over the requests
served. CPU per request is the stable figure on a noisy 2-core machine;
req/s swings.

usage: run.py [--build build] [--mpm event|all|event,worker,...]
              [--servers ours,apache,nginx] [--rounds 3] [--duration 5]
              [--connections 50] [--threads 64] [--sizes 1k,64k,1m]
Needs: wrk, apache2, nginx (apt-get install wrk apache2 nginx-light).
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def bench(build, names, sizes, rounds, duration, connections, threads):
    """{(server, size): (req/s, p99 ms, cpu us/req)}, medians over rounds;
    a server that failed maps to its error text."""
    base = tempfile.mkdtemp(prefix='httpd-bench-')
    docroot = common.make_docroot(base)
    load = common.Load(workers=threads, conns=connections + 16)
    servers, results = {}, {}
    try:
        for name in names:
            s = servers[name] = common.start_server(name, base, docroot, build, load)
            try:
                s.wait()
            except RuntimeError as e:
                print('warning: skipped: %s' % e, file=sys.stderr)
                s.stop()
                del servers[name]
                continue
            s.settle()
        runs = {}
        for size in sizes:
            path = '/%s.bin' % size
            for s in servers.values():   # warm-up
                common.run_wrk(s.port, path, 1, connections)
            for _ in range(rounds):
                for name, s in servers.items():
                    c0 = common.cpu_seconds(s.pids())
                    rps, p99, total = common.run_wrk(s.port, path, duration, connections)
                    cpu = common.cpu_seconds(s.pids()) - c0
                    runs.setdefault((name, size), []).append(
                        (rps, p99, cpu / total * 1e6 if total else None))
        for key, rs in runs.items():
            results[key] = tuple(_median([r[i] for r in rs]) for i in range(3))
        for name, s in servers.items():
            if not s.alive():
                print('warning: %s exited during the run:\n%s' % (name, s.log_tail()),
                      file=sys.stderr)
    finally:
        for s in servers.values():
            s.stop()
        shutil.rmtree(base, ignore_errors=True)
    return results


def _median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def _fmt(v, f):
    return f % v if v is not None else '-'


def report(results, names, sizes):
    print('%-6s %-13s %10s %9s %11s' % ('size', 'server', 'req/s', 'p99 ms', 'cpu us/req'))
    for size in sizes:
        vals = {}
        for name in names:
            r = results.get((name, size))
            if r is None:
                continue
            vals[name] = r
            print('%-6s %-13s %10s %9s %11s' % (size, name, _fmt(r[0], '%.0f'),
                                               _fmt(r[1], '%.2f'), _fmt(r[2], '%.1f')))
        common.print_ratios(names, vals, ('req/s', 'p99', 'cpu/req'))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    common.add_common_args(ap)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--duration', type=int, default=5)
    ap.add_argument('--connections', type=int, default=50)
    ap.add_argument('--threads', type=int, default=64,
                    help='request workers per server (processes for prefork)')
    ap.add_argument('--sizes', default='1k,64k,1m')
    args = ap.parse_args()
    names = common.server_names(args.servers, common.parse_mpms(args.mpm))
    common.check_tools(args.build, names)
    common.setup()
    sizes = args.sizes.split(',')
    results = bench(args.build, names, sizes, args.rounds, args.duration,
                    args.connections, args.threads)
    report(results, names, sizes)


if __name__ == '__main__':
    main()
