#!/usr/bin/env python3
"""Memory per idle keep-alive connection: our httpd, Debian's apache2
(event MPM) and nginx, each on loopback with the same small docroot.

For each server: start it, warm it up, sum VmRSS of all its processes,
open N connections that each make one keep-alive request and then stay
idle, sum VmRSS again, and report (after - before) / N in KiB. While the
N connections are parked, a fresh client's request latency is measured
(median of 20), to show that parked connections cost the others nothing.

Connections arrive in batches (--batch, default 100, every --pause 0.5 s)
as idle clients accumulate over time; --batch equal to --conns opens them
all at once (then the peak of the burst is measured as well).

usage: idle.py [--build build] [--conns 1000] [--servers ours,apache,nginx]
               [--batch 100] [--pause 0.5]
"""
import argparse
import os
import socket
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the servers and configurations of run.py)

# Enough room for every idle connection in one process: ThreadsPerChild
# 25 + AsyncRequestWorkerFactor * 25 idle workers.
EXTRA = '\nAsyncRequestWorkerFactor 100\nKeepAliveTimeout 120\n'
REQ = b'GET /1k.bin HTTP/1.1\r\nHost: localhost\r\n\r\n'


def rss_kib(pids):
    total = 0
    for p in pids:
        try:
            with open('/proc/%d/status' % p) as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def one_request(port, sock=None):
    s = sock or socket.create_connection(('127.0.0.1', port), timeout=10)
    s.sendall(REQ)
    data = b''
    while b'\r\n\r\n' not in data:
        data += s.recv(65536)
    head, _, body = data.partition(b'\r\n\r\n')
    n = int([h.split(b':')[1] for h in head.split(b'\r\n')
             if h.lower().startswith(b'content-length:')][0])
    while len(body) < n:
        body += s.recv(65536)
    return s


def latency_ms(port):
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        one_request(port).close()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def measure(name, build, conns, batch, pause):
    root = tempfile.mkdtemp(prefix='idle-%s-' % name)
    os.chmod(root, 0o755)
    docroot = os.path.join(root, 'htdocs')
    os.makedirs(docroot)
    os.chmod(docroot, 0o755)
    with open(os.path.join(docroot, '1k.bin'), 'wb') as f:
        f.write(b'x' * 1024)
    port = run.free_port()
    srv = run.STARTERS[name](root, port, docroot, build, 25)
    if name != 'nginx':
        # Restart with the extra lines (the starters write the file).
        srv.stop()
        conf = os.path.join(root, 'httpd.conf')
        text = open(conf).read()
        binary = (os.path.join(build, 'httpd', 'httpd') if name == 'ours'
                  else '/usr/sbin/apache2')
        with open(conf, 'w') as f:
            f.write(text + EXTRA)
        srv.proc = run.subprocess.Popen([binary, '-d', root, '-f', conf,
                                         '-D', 'FOREGROUND'])
    try:
        srv.wait()
        for _ in range(50):
            one_request(port).close()
        time.sleep(1.0)
        before = rss_kib(run.proc_tree(srv.proc.pid))
        socks = []
        while len(socks) < conns:
            socks += [one_request(port)
                      for _ in range(min(batch, conns - len(socks)))]
            if len(socks) < conns:
                time.sleep(pause)
        time.sleep(1.0)
        after = rss_kib(run.proc_tree(srv.proc.pid))
        lat = latency_ms(port)
        for s in socks:
            s.close()
        return (after - before) / conns, lat
    finally:
        srv.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(run.REPO, 'build'))
    ap.add_argument('--conns', type=int, default=1000)
    ap.add_argument('--servers', default='ours,apache,nginx')
    ap.add_argument('--batch', type=int, default=100,
                    help='connections opened at once, then --pause')
    ap.add_argument('--pause', type=float, default=0.5,
                    help='seconds between batches (clients arrive over time)')
    args = ap.parse_args()
    print('%-8s %12s %16s' % ('server', 'KiB/idle conn', 'fresh req ms'))
    for name in args.servers.split(','):
        kib, lat = measure(name, args.build, args.conns, args.batch,
                           args.pause)
        print('%-8s %12.2f %16.3f' % (name, kib, lat))


if __name__ == '__main__':
    main()
