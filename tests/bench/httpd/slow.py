#!/usr/bin/env python3
"""Slow clients: does a crowd that sends its request headers slowly stop a
server from serving everybody else?

For each server (ours with each --mpm, Debian's apache2 with the event
MPM, nginx; the configurations of run.py: --threads request workers in
one process, prefork --threads processes, and for the event MPMs an
AsyncRequestWorkerFactor large enough that the per-process connection
limit admits the crowd), wrk measures the rate of normal keep-alive GETs
of a 1 KiB file, first alone, then while N slow clients are connected,
each sending one header line every 2 s and never finishing its head. The
ratio (with / without) is printed: 1.0 means the slow clients cost
nothing. Servers that give each connection a thread or a process for its
whole life (worker, prefork) are expected to starve: the crowd holds every
worker; that is the result to report, not a fault of the benchmark.

`req/s alone` is the mean of a run before the crowd comes and one after it
has left; `slow open` is how many of the crowd were still connected at
the end. With --admit, worker and prefork get a thread (process) per
connection of the crowd instead.

usage: slow.py [--build build] [--mpm event|all|...] [--slow 500]
               [--duration 5] [--threads 64] [--admit]
               [--servers ours,apache,nginx]
Needs wrk, apache2, nginx.
"""
import argparse
import os
import shutil
import socket
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True     # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

WRK_CONNECTIONS = 20


class Crowd:
    """n connections sending one header line every `gap` seconds. The
    connects do not block: when the server's accept queue is full, a
    client keeps trying to send its first line at every tick."""

    def __init__(self, port, n, gap=2.0):
        self.socks, self.sent = [], []
        for _ in range(n):
            s = socket.socket()
            s.setblocking(False)
            self.socks.append(s)
            self.sent.append(0)
            s.connect_ex(('127.0.0.1', port))
        self.gap = gap
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def tick(self):
        for i, s in enumerate(self.socks):
            line = (b'GET /1k.bin HTTP/1.1\r\nHost: localhost\r\n' if self.sent[i] == 0
                    else b'X-Slow-%d: still here\r\n' % self.sent[i])
            try:
                if s.send(line) == len(line):
                    self.sent[i] += 1
            except OSError:
                pass

    def run(self):
        while True:
            self.tick()
            if self.done.wait(self.gap):
                return

    def still_open(self):
        n = 0
        for s in self.socks:
            try:
                if s.recv(1, socket.MSG_PEEK):
                    n += 1       # a response (408/400...): still open for now
            except BlockingIOError:
                n += 1
            except OSError:
                pass
        return n

    def close(self):
        self.done.set()
        self.thread.join(10)
        for s in self.socks:
            s.close()


def measure(name, base, docroot, build, n, duration, threads, admit):
    load = common.Load(workers=threads, conns=n + WRK_CONNECTIONS + 16)
    if name in ('ours-worker', 'ours-prefork') and not admit:
        # Sized like run.py: a thread (process) per connection is the
        # design under test, so no more workers than the others get.
        load.conns = threads
    srv = common.start_server(name, base, docroot, build, load)
    try:
        srv.wait()
        srv.settle()
        common.run_wrk(srv.port, '/1k.bin', 1, WRK_CONNECTIONS)
        before = common.run_wrk(srv.port, '/1k.bin', duration, WRK_CONNECTIONS)[0]
        crowd = Crowd(srv.port, n)
        try:
            time.sleep(3)
            crowded = common.run_wrk(srv.port, '/1k.bin', duration, WRK_CONNECTIONS)[0]
            still = crowd.still_open()
        finally:
            crowd.close()
        # Alone again once the crowd is gone (and the server has noticed):
        # the mean of both runs damps the machine's noise.
        time.sleep(1)
        after = common.run_wrk(srv.port, '/1k.bin', duration, WRK_CONNECTIONS)[0]
        alone = (before + after) / 2
        if not srv.alive():
            raise RuntimeError('server exited:\n' + srv.log_tail())
        return {'alone': alone, 'crowded': crowded, 'ratio': crowded / alone if alone else 0.0,
                'open': still, 'slow': n}
    finally:
        srv.stop()


def bench(build, names, n, duration, threads, admit=False):
    """{server: {'alone', 'crowded', 'ratio', 'open', 'slow'} or error}."""
    base = tempfile.mkdtemp(prefix='httpd-slow-')
    docroot = common.make_docroot(base)
    results = {}
    try:
        for name in names:
            try:
                results[name] = measure(name, base, docroot, build, n, duration, threads,
                                        admit)
            except (OSError, RuntimeError) as e:
                results[name] = '%s: %s' % (type(e).__name__, e)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return results


def report(results, names):
    print('%-13s %12s %14s %7s %10s' % ('server', 'req/s alone', 'req/s w/ slow',
                                          'ratio', 'slow open'))
    vals = {}
    for name in names:
        r = results.get(name)
        if isinstance(r, str):
            print('%-13s FAILED %s' % (name, r))
            continue
        print('%-13s %12.0f %14.0f %7.2f %6d/%d' % (name, r['alone'], r['crowded'],
                                                   r['ratio'], r['open'], r['slow']))
        vals[name] = (r['crowded'], r['ratio'])
    common.print_ratios(names, vals, ('req/s w/ slow', 'ratio'))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    common.add_common_args(ap)
    ap.add_argument('--slow', type=int, default=500)
    ap.add_argument('--duration', type=int, default=5)
    ap.add_argument('--threads', type=int, default=64,
                    help='request workers per server (processes for prefork)')
    ap.add_argument('--admit', action='store_true',
                    help='give worker and prefork a thread (process) per connection of '
                    'the crowd instead of --threads')
    args = ap.parse_args()
    names = common.server_names(args.servers, common.parse_mpms(args.mpm))
    common.check_tools(args.build, names)
    common.setup()
    report(bench(args.build, names, args.slow, args.duration, args.threads,
                 args.admit), names)


if __name__ == '__main__':
    main()
