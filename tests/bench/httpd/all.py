#!/usr/bin/env python3
"""The three httpd benchmarks (run.py, idle.py, slow.py) for every MPM of
ours, Debian's apache2 (event) and nginx, with short durations, and one
summary table. The default run takes about 4 minutes.

Columns of the summary (one line per server):
  1k req/s     static 1 KiB file, wrk -c50, median of --rounds runs
  cpu us/req   the server's user+sys CPU per request in those runs (the
               stable figure: req/s moves with the machine's load)
  idle conns   keep-alive connections parked (prefork: --prefork-cap);
               held/parked when the server closed some of them
  KiB/conn     server's total RSS with them parked / idle conns
  marginal     (RSS parked - RSS before) / idle conns, in KiB
  fresh ms     a new client's request latency while they are parked
  slow ratio   wrk req/s with --slow slow-header clients / without

usage: all.py [--build build] [--mpm all] [--servers ours,apache,nginx]
              [--rounds 3] [--duration 3] [--conns 10000] [--slow 500]
              [--prefork-cap 512] [--threads 64]
"""
import argparse
import os
import sys
import time

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import idle  # noqa: E402
import run  # noqa: E402
import slow  # noqa: E402


def fmt(v, f):
    return f % v if v is not None else '-'


def summary(names, static, idles, slows):
    """One row per server; returns {name: (req/s, cpu, KiB/conn, marginal,
    fresh, slow ratio)} for the ratio lines."""
    head = ('server', '1k req/s', 'cpu us/req', 'idle conns', 'KiB/conn', 'marginal',
            'fresh ms', 'slow ratio')
    print('%-13s %9s %10s %10s %9s %9s %9s %10s' % head)
    rows = {}
    for name in names:
        st = static.get((name, '1k')) or (None, None, None)
        idl = idles.get(name)
        idl = idl if isinstance(idl, dict) else {}
        sl = slows.get(name)
        sl = sl if isinstance(sl, dict) else {}
        row = (st[0], st[2], idl.get('rss_per'), idl.get('marginal'), idl.get('fresh_ms'),
               sl.get('ratio'))
        rows[name] = row
        print('%-13s %9s %10s %10s %9s %9s %9s %10s' % (
            name, fmt(row[0], '%.0f'), fmt(row[1], '%.1f'),
            conns_held(idl), fmt(row[2], '%.2f'), fmt(row[3], '%.2f'),
            fmt(row[4], '%.3f'), fmt(row[5], '%.2f')))
    return rows


def conns_held(idl):
    """`10000`, or `5280/10000` when the server closed some of them."""
    if not idl:
        return '-'
    if idl['held'] < idl['conns']:
        return '%d/%d' % (idl['held'], idl['conns'])
    return '%d' % idl['conns']


def failures(idles, slows):
    for what, res in (('idle', idles), ('slow', slows)):
        for name, r in res.items():
            if isinstance(r, str):
                print('%s FAILED for %s: %s' % (what, name, r))
            elif what == 'idle' and r['held'] < r['conns']:
                print('idle: %s closed %d of its %d parked connections'
                      % (name, r['conns'] - r['held'], r['conns']))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    common.add_common_args(ap)
    ap.set_defaults(mpm='all')
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--duration', type=int, default=3)
    ap.add_argument('--conns', type=int, default=10000)
    ap.add_argument('--slow', type=int, default=500)
    ap.add_argument('--prefork-cap', type=int, default=512)
    ap.add_argument('--threads', type=int, default=64)
    args = ap.parse_args()
    names = common.server_names(args.servers, common.parse_mpms(args.mpm))
    common.check_tools(args.build, names)
    if common.setup() < args.conns + 256:
        sys.exit('RLIMIT_NOFILE too low for %d connections' % args.conns)

    t0 = time.time()
    print('== static (run.py --sizes 1k --rounds %d --duration %d)' % (args.rounds,
                                                                      args.duration))
    static = run.bench(args.build, names, ['1k'], args.rounds, args.duration, 50,
                       args.threads)
    run.report(static, names, ['1k'])
    print('\n== idle (idle.py --conns %d --prefork-cap %d)' % (args.conns, args.prefork_cap))
    idles = idle.bench(args.build, names, args.conns, 500, 0.2, args.prefork_cap)
    idle.report(idles, names, args.prefork_cap)
    print('\n== slow (slow.py --slow %d --duration %d)' % (args.slow, args.duration))
    slows = slow.bench(args.build, names, args.slow, args.duration, args.threads)
    slow.report(slows, names)

    print('\n== summary (%.0f s)' % (time.time() - t0))
    rows = summary(names, static, idles, slows)
    common.print_ratios(names, rows, ('req/s', 'cpu/req', 'KiB/conn', 'marginal',
                                      'fresh', 'slow'))
    failures(idles, slows)
    if 'ours-prefork' in names:
        print('note: prefork holds one process per connection: its idle figures are for '
              '%d connections (--prefork-cap), not %d.' % (min(args.prefork_cap, args.conns),
                                                          args.conns))


if __name__ == '__main__':
    main()
