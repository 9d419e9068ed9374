#!/usr/bin/env python3
"""Static-file benchmark: our httpd against Debian's apache2 (event MPM) and
nginx, side by side on loopback, in the same run.

Each server gets an equivalent configuration: the same docroot holding
1 KiB, 64 KiB and 1 MiB files, an access log, sendfile on, keep-alive. For
every file size, wrk drives the servers in turn (A B C A B C ...) for several
rounds; for each run the script records requests/s, the 99th percentile
latency, and the server's CPU time per request: user+sys of all its
processes (from /proc) over the requests served. CPU per request is the
stable figure on a noisy 2-core machine; req/s swings.

usage: run.py [--build build] [--rounds 3] [--duration 5] [--connections 50]
              [--servers ours,apache,nginx] [--sizes 1k,64k,1m]
Needs: wrk, apache2, nginx (apt-get install wrk apache2 nginx-light).
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
CLK_TCK = os.sysconf('SC_CLK_TCK')
SIZES = {'1k': 1024, '64k': 64 * 1024, '1m': 1024 * 1024}


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def proc_tree(root_pid):
    """The pid and every descendant of root_pid."""
    children = {}
    for d in os.listdir('/proc'):
        if not d.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % d) as f:
                st = f.read()
        except OSError:
            continue
        ppid = int(st[st.rindex(')') + 2:].split()[1])
        children.setdefault(ppid, []).append(int(d))
    out, todo = [], [root_pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pids):
    total = 0
    for p in pids:
        try:
            with open('/proc/%d/stat' % p) as f:
                st = f.read()
        except OSError:
            continue
        fields = st[st.rindex(')') + 2:].split()
        total += int(fields[11]) + int(fields[12])    # utime + stime
    return total / CLK_TCK


class Server:
    def __init__(self, name, root, port):
        self.name, self.root, self.port = name, root, port
        self.proc = None

    def wait(self):
        for _ in range(200):
            try:
                socket.create_connection(('127.0.0.1', self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError('%s did not start' % self.name)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def apache_like_conf(root, port, docroot, moddir, builtin, types, threads):
    mods = ['mpm_event', 'authz_core', 'mime', 'log_config']
    load = '\n'.join('LoadModule %s_module %s/mod_%s.so' % (m, moddir, m)
                     for m in mods if m not in builtin)
    user = 'User www-data\nGroup www-data\n' if os.geteuid() == 0 else ''
    return f'''ServerRoot "{root}"
Listen 127.0.0.1:{port}
PidFile "{root}/httpd.pid"
DefaultRuntimeDir "{root}"
ErrorLog "{root}/error_log"
{load}
{user}ServerName localhost
DocumentRoot "{docroot}"
<Directory "{docroot}">
  Require all granted
</Directory>
TypesConfig "{types}"
LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
CustomLog "{root}/access_log" common
EnableSendfile On
KeepAlive On
MaxKeepAliveRequests 0
KeepAliveTimeout 30
StartServers 1
ServerLimit 1
ThreadsPerChild {threads}
ThreadLimit {threads}
MaxRequestWorkers {threads}
MinSpareThreads 1
MaxSpareThreads {threads}
'''


def start_ours(root, port, docroot, build, threads):
    httpd = os.path.join(build, 'httpd', 'httpd')
    conf = os.path.join(root, 'httpd.conf')
    with open(conf, 'w') as f:
        f.write(apache_like_conf(root, port, docroot, os.path.dirname(httpd), {'unixd', 'so'},
                                 os.path.join(REPO, 'httpd', 'conf', 'mime.types'), threads))
    s = Server('ours', root, port)
    s.proc = subprocess.Popen([httpd, '-d', root, '-f', conf, '-D', 'FOREGROUND'])
    return s


def start_apache(root, port, docroot, build, threads):
    conf = os.path.join(root, 'httpd.conf')
    with open(conf, 'w') as f:
        f.write(apache_like_conf(root, port, docroot, '/usr/lib/apache2/modules',
                                 {'log_config', 'unixd', 'so'}, '/etc/mime.types', threads))
    s = Server('apache', root, port)
    s.proc = subprocess.Popen(['/usr/sbin/apache2', '-d', root, '-f', conf, '-D', 'FOREGROUND'])
    return s


def start_nginx(root, port, docroot, build, threads):
    conf = os.path.join(root, 'nginx.conf')
    user = 'user www-data;' if os.geteuid() == 0 else ''
    with open(conf, 'w') as f:
        f.write(f'''{user}
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  access_log {root}/access.log combined;
  sendfile on;
  keepalive_timeout 30;
  keepalive_requests 1000000;
  client_body_temp_path {root};
  proxy_temp_path {root};
  fastcgi_temp_path {root};
  uwsgi_temp_path {root};
  scgi_temp_path {root};
  server {{
    listen 127.0.0.1:{port};
    root {docroot};
  }}
}}
''')
    s = Server('nginx', root, port)
    s.proc = subprocess.Popen(['nginx', '-p', root, '-c', conf])
    return s


STARTERS = {'ours': start_ours, 'apache': start_apache, 'nginx': start_nginx}

WRK_RPS = re.compile(r'Requests/sec:\s+([\d.]+)')
WRK_P99 = re.compile(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', re.M)
WRK_TOTAL = re.compile(r'(\d+) requests in')
UNIT = {'us': 1e-3, 'ms': 1.0, 's': 1e3}


def run_wrk(port, path, duration, connections):
    out = subprocess.run(['wrk', '-t1', '-c%d' % connections, '-d%ds' % duration, '--latency',
                          'http://127.0.0.1:%d%s' % (port, path)],
                         capture_output=True, text=True, check=True).stdout
    rps = float(WRK_RPS.search(out).group(1))
    m = WRK_P99.search(out)
    p99 = float(m.group(1)) * UNIT[m.group(2)]
    total = int(WRK_TOTAL.search(out).group(1))
    return rps, p99, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build', default=os.path.join(REPO, 'build'))
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--duration', type=int, default=5)
    ap.add_argument('--connections', type=int, default=50)
    ap.add_argument('--threads', type=int, default=64)
    ap.add_argument('--servers', default='ours,apache,nginx')
    ap.add_argument('--sizes', default='1k,64k,1m')
    args = ap.parse_args()
    for tool in ('wrk',):
        if not shutil.which(tool):
            sys.exit('%s is missing: apt-get install wrk apache2 nginx-light' % tool)

    base = tempfile.mkdtemp(prefix='httpd-bench-')
    os.chmod(base, 0o755)
    docroot = os.path.join(base, 'htdocs')
    os.makedirs(docroot)
    for name, size in SIZES.items():
        with open(os.path.join(docroot, name + '.bin'), 'wb') as f:
            f.write(os.urandom(size))
    os.system('chmod -R a+rX %s' % base)

    servers = {}
    try:
        for name in args.servers.split(','):
            root = os.path.join(base, name)
            os.makedirs(root)
            os.chmod(root, 0o777)
            s = STARTERS[name](root, free_port(), docroot, args.build, args.threads)
            s.wait()
            servers[name] = s
        results = {}   # (server, size) -> [(rps, p99, cpu_us_per_req)]
        for size in args.sizes.split(','):
            for s in servers.values():   # warm-up
                run_wrk(s.port, '/%s.bin' % size, 1, args.connections)
            for _ in range(args.rounds):
                for name, s in servers.items():
                    pids = proc_tree(s.proc.pid)
                    c0 = cpu_seconds(pids)
                    rps, p99, total = run_wrk(s.port, '/%s.bin' % size, args.duration,
                                              args.connections)
                    cpu = cpu_seconds(proc_tree(s.proc.pid)) - c0
                    results.setdefault((name, size), []).append(
                        (rps, p99, cpu / max(total, 1) * 1e6))
        report(results, list(servers), args.sizes.split(','))
    finally:
        for s in servers.values():
            s.stop()
        shutil.rmtree(base, ignore_errors=True)


def report(results, names, sizes):
    print('%-6s %-7s %12s %10s %14s' % ('size', 'server', 'req/s', 'p99 ms', 'cpu us/req'))
    for size in sizes:
        med = {}
        for name in names:
            runs = results[(name, size)]
            med[name] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
            print('%-6s %-7s %12.0f %10.2f %14.1f' % ((size, name) + med[name]))
        if 'ours' in med:
            for other in names:
                if other == 'ours':
                    continue
                o, t = med['ours'], med[other]
                print('%-6s ours/%-6s req/s %.2f  p99 %.2f  cpu/req %.2f' % (
                    size, other, o[0] / t[0], o[1] / t[1], o[2] / t[2]))


if __name__ == '__main__':
    main()
