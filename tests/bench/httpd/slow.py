#!/usr/bin/env python3
"""Slow clients: does a crowd that sends its request headers slowly stop a
server from serving everybody else?

For each server (ours, Debian's apache2 with the event MPM, nginx; the
configurations of run.py: one process, 25 worker threads, and for the two
Apache-style servers AsyncRequestWorkerFactor 100 so that the per-process
connection limit is not what is measured): wrk measures the rate of
normal keep-alive GETs of a 1 KiB file, first alone, then while N slow
clients are connected, each sending one header line every 2 s and never
finishing its head. The ratio (with / without) is printed: 1.0 means the
slow clients cost nothing.

usage: slow.py [--build build] [--slow 500] [--duration 5] [--servers ...]
Needs wrk, apache2, nginx.
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402

EXTRA = '\nAsyncRequestWorkerFactor 100\n'


class Crowd:
    """n connections sending one header line every `gap` seconds."""

    def __init__(self, port, n, gap=2.0):
        self.socks = []
        for _ in range(n):
            s = socket.create_connection(('127.0.0.1', port), timeout=5)
            s.setblocking(False)
            self.socks.append(s)
        self.gap = gap
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def send_all(self, data):
        for s in self.socks:
            try:
                s.send(data)
            except OSError:
                pass

    def run(self):
        self.send_all(b'GET /1k.bin HTTP/1.1\r\nHost: localhost\r\n')
        i = 0
        while not self.done.wait(self.gap):
            self.send_all(b'X-Slow-%d: still here\r\n' % i)
            i += 1

    def close(self):
        self.done.set()
        self.thread.join(10)
        for s in self.socks:
            s.close()


def start(name, root, port, docroot, build):
    srv = run.STARTERS[name](root, port, docroot, build, 25)
    if name == 'nginx':
        return srv
    # The starters write httpd.conf: restart with the extra lines.
    srv.wait()
    srv.stop()
    conf = os.path.join(root, 'httpd.conf')
    text = open(conf).read()
    with open(conf, 'w') as f:
        f.write(text + EXTRA)
    binary = (os.path.join(build, 'httpd', 'httpd') if name == 'ours'
              else '/usr/sbin/apache2')
    srv.proc = subprocess.Popen([binary, '-d', root, '-f', conf,
                                 '-D', 'FOREGROUND'])
    return srv


def wrk_rate(port, duration):
    try:
        rps, _, _ = run.run_wrk(port, '/1k.bin', duration, 20)
        return rps
    except (subprocess.CalledProcessError, AttributeError):
        return 0.0      # no request got through at all


def measure(name, build, n, duration):
    root = tempfile.mkdtemp(prefix='slow-%s-' % name)
    os.chmod(root, 0o755)
    docroot = os.path.join(root, 'htdocs')
    os.makedirs(docroot)
    os.chmod(docroot, 0o755)
    with open(os.path.join(docroot, '1k.bin'), 'wb') as f:
        f.write(b'x' * 1024)
    port = run.free_port()
    srv = start(name, root, port, docroot, build)
    try:
        srv.wait()
        wrk_rate(port, 1)
        alone = wrk_rate(port, duration)
        crowd = Crowd(port, n)
        try:
            time.sleep(3)
            crowded = wrk_rate(port, duration)
        finally:
            crowd.close()
        return alone, crowded
    finally:
        srv.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(run.REPO, 'build'))
    ap.add_argument('--slow', type=int, default=500)
    ap.add_argument('--duration', type=int, default=5)
    ap.add_argument('--servers', default='ours,apache,nginx')
    args = ap.parse_args()
    print('%-8s %12s %14s %8s' % ('server', 'req/s alone',
                                  'req/s w/ slow', 'ratio'))
    for name in args.servers.split(','):
        alone, crowded = measure(name, args.build, args.slow, args.duration)
        print('%-8s %12.0f %14.0f %8.2f' % (name, alone, crowded,
                                            crowded / alone if alone else 0))


if __name__ == '__main__':
    main()
