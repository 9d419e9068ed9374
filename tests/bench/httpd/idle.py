#!/usr/bin/env python3
"""Memory per idle keep-alive connection: our httpd with each MPM, Debian's
apache2 (event MPM) and nginx, each on loopback with the same docroot and
limits configured to admit the connections (common.mpm_directives).

For each server: start it, warm it up, sum VmRSS over all its processes,
open N connections that each make one keep-alive request (1 KiB file) and
then stay idle, sum VmRSS (and Pss) again, and report
  - RSS/conn: the server's total RSS with the N parked, divided by N
    (what holding them costs, pre-started threads/processes included);
  - marginal: (RSS with them - RSS before) / N (what each one adds);
  - PSS/conn: total Pss / N (shared pages counted once: fairer to prefork,
    whose children share most of their pages);
  - held: how many of the N the server still keeps open at the end;
  - fresh ms: while they are parked, a new client's request latency
    (connect, GET, full response), median of 20.

prefork holds one process per connection: it gets at most --prefork-cap
(default 512) connections, and its figures are per connection at that count.

Connections arrive in batches (--batch, default 500, every --pause 0.2 s),
one after the other inside a batch (connect, request, response); with
--burst, a batch is connected, then all its requests sent, then all the
responses read: a server that closes idle keep-alive connections when its
workers are all busy (AsyncRequestWorkerFactor) shows it in `held`.

usage: idle.py [--build build] [--mpm event|all|...] [--conns 10000]
               [--servers ours,apache,nginx] [--batch 500] [--pause 0.2]
               [--prefork-cap 512] [--burst]
"""
import argparse
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

REQ = b'GET /1k.bin HTTP/1.1\r\nHost: localhost\r\n\r\n'
WORKERS = 64
# Idle connections must outlive the whole measurement.
KEEPALIVE = 600


def read_response(s):
    data = b''
    while b'\r\n\r\n' not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise RuntimeError('server closed a connection before responding')
        data += chunk
    head, _, body = data.partition(b'\r\n\r\n')
    if not head.startswith(b'HTTP/1.1 200'):
        raise RuntimeError('unexpected response: %r' % head[:40])
    n = int([h.split(b':')[1] for h in head.split(b'\r\n')
             if h.lower().startswith(b'content-length:')][0])
    while len(body) < n:
        chunk = s.recv(65536)
        if not chunk:
            raise RuntimeError('server closed a connection mid-response')
        body += chunk


def open_batch(port, k, socks, burst=False):
    """k more keep-alive connections, each having made one request; they
    are appended to socks as they are made, so the caller closes them.
    One after the other, or with `burst` all connected, then all requests
    sent, then all responses read (k requests at once at the server)."""
    new = []
    for _ in range(k):
        s = socket.socket()
        socks.append(s)
        s.settimeout(30)
        s.connect(('127.0.0.1', port))
        if burst:
            new.append(s)
        else:
            s.sendall(REQ)
            read_response(s)
    for s in new:
        s.sendall(REQ)
    for s in new:
        read_response(s)


def still_open(socks):
    """How many connections the server has not closed."""
    n = 0
    for s in socks:
        s.setblocking(False)
        try:
            if s.recv(1):
                n += 1          # unexpected data, but open
        except BlockingIOError:
            n += 1
        except OSError:
            pass
    return n


def latency_ms(port):
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        with socket.create_connection(('127.0.0.1', port), timeout=30) as s:
            s.sendall(REQ)
            read_response(s)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def target_conns(name, conns, prefork_cap):
    return min(conns, prefork_cap) if name == 'ours-prefork' else conns


def measure(name, base, docroot, build, conns, batch, pause, burst):
    """dict of the figures for one server (see the module docstring)."""
    load = common.Load(workers=WORKERS, conns=conns + WORKERS, keepalive=KEEPALIVE)
    srv = common.start_server(name, base, docroot, build, load)
    socks = []
    try:
        srv.wait()
        for _ in range(50):
            with socket.create_connection(('127.0.0.1', srv.port), timeout=10) as s:
                s.sendall(REQ)
                read_response(s)
        srv.settle()
        before = common.rss_kib(srv.pids())
        t0 = time.time()
        while len(socks) < conns:
            open_batch(srv.port, min(batch, conns - len(socks)), socks, burst)
            if len(socks) < conns:
                time.sleep(pause)
        opened = time.time() - t0
        time.sleep(1.0)
        pids = srv.pids()
        after, pss = common.rss_kib(pids), common.pss_kib(pids)
        held = still_open(socks)
        lat = latency_ms(srv.port)
        return {'conns': conns, 'held': held, 'rss_mib': after / 1024,
                'rss_per': after / conns, 'marginal': (after - before) / conns,
                'pss_per': pss / conns, 'fresh_ms': lat, 'procs': len(pids),
                'open_s': opened}
    finally:
        for s in socks:
            s.close()
        srv.stop()


def bench(build, names, conns, batch, pause, prefork_cap, burst=False):
    """{server: figures dict, or an error string}."""
    base = tempfile.mkdtemp(prefix='httpd-idle-')
    docroot = common.make_docroot(base)
    results = {}
    try:
        for name in names:
            n = target_conns(name, conns, prefork_cap)
            try:
                results[name] = measure(name, base, docroot, build, n, batch, pause, burst)
            except (OSError, RuntimeError, ValueError, IndexError) as e:
                results[name] = '%s: %s' % (type(e).__name__, e)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return results


def report(results, names, prefork_cap):
    print('%-13s %6s %6s %8s %9s %9s %9s %9s' % (
        'server', 'conns', 'held', 'RSS MiB', 'RSS/conn', 'marginal', 'PSS/conn', 'fresh ms'))
    print('%-13s %6s %6s %8s %9s %9s %9s %9s' % ('', '', '', '', 'KiB', 'KiB', 'KiB', 'median'))
    vals = {}
    for name in names:
        r = results.get(name)
        if isinstance(r, str):
            print('%-13s FAILED %s' % (name, r))
            continue
        print('%-13s %6d %6d %8.1f %9.2f %9.2f %9.2f %9.3f' % (
            name, r['conns'], r['held'], r['rss_mib'], r['rss_per'], r['marginal'],
            r['pss_per'], r['fresh_ms']))
        vals[name] = (r['rss_per'], r['marginal'], r['fresh_ms'])
    common.print_ratios(names, vals, ('RSS/conn', 'marginal', 'fresh ms'))
    if 'ours-prefork' in vals:
        print('note: prefork holds one process per connection; it was given %d '
              'connections (--prefork-cap), not the full count.' % prefork_cap)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    common.add_common_args(ap)
    ap.add_argument('--conns', type=int, default=10000)
    ap.add_argument('--batch', type=int, default=500,
                    help='connections opened at once, then --pause')
    ap.add_argument('--pause', type=float, default=0.2,
                    help='seconds between batches (clients arrive over time)')
    ap.add_argument('--burst', action='store_true',
                    help='send the requests of a batch all at once (default: one '
                    'connection after the other)')
    ap.add_argument('--prefork-cap', type=int, default=512,
                    help='connections (= processes) given to prefork')
    args = ap.parse_args()
    names = common.server_names(args.servers, common.parse_mpms(args.mpm))
    common.check_tools(args.build, names)
    have = common.setup()
    if have < args.conns + 256:
        sys.exit('RLIMIT_NOFILE is %d: too low for %d connections' % (have, args.conns))
    results = bench(args.build, names, args.conns, args.batch, args.pause,
                    args.prefork_cap, args.burst)
    report(results, names, args.prefork_cap)


if __name__ == '__main__':
    main()
