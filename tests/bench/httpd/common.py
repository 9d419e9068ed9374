"""What the httpd benchmarks share: the servers under test (ours with each
MPM, Debian's apache2 with the event MPM, nginx), their configurations
sized for a given load, and the measures read from /proc (CPU time, RSS,
PSS summed over a server's processes).

Server names: `ours-event`, `ours-worker`, `ours-prefork`, `ours-simple`,
`apache`, `nginx`. A `--servers` list may say `ours`, which stands for
ours with every MPM of `--mpm`.
"""
import math
import re
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
CLK_TCK = os.sysconf('SC_CLK_TCK')
ALL_MPMS = ('event', 'worker', 'prefork', 'simple')
FILES = {'1k': 1024, '64k': 64 * 1024, '1m': 1024 * 1024}
# Descriptors for the scripts and the servers: 10,000 parked connections
# need that many in the client and in the server, plus listeners, logs...
NOFILE = 65536


# ---- options ---------------------------------------------------------------

def parse_mpms(text):
    """`event,simple` -> ['event', 'simple']; `all` -> every MPM."""
    if text == 'all':
        return list(ALL_MPMS)
    mpms = [m for m in text.split(',') if m]
    for m in mpms:
        if m not in ALL_MPMS:
            raise SystemExit('unknown MPM %r (have: %s, all)' % (m, ','.join(ALL_MPMS)))
    return mpms


def server_names(servers, mpms):
    """Expand `ours` in the --servers list into ours-<mpm> per MPM."""
    names = []
    for s in servers.split(','):
        if s == 'ours':
            names += ['ours-' + m for m in mpms]
        elif s in ('apache', 'nginx') or s[5:] in ALL_MPMS and s.startswith('ours-'):
            names.append(s)
        elif s:
            raise SystemExit('unknown server %r' % s)
    return names


def add_common_args(ap, build_default=None):
    ap.add_argument('--build', default=build_default or os.path.join(REPO, 'build'),
                    help='meson build directory holding httpd/httpd')
    ap.add_argument('--mpm', default='event',
                    help='our MPMs, comma list or `all` (= %s)' % ','.join(ALL_MPMS))
    ap.add_argument('--servers', default='ours,apache,nginx',
                    help='ours (each --mpm), ours-<mpm>, apache, nginx')


def print_ratios(names, values, labels, fmt='%.2f'):
    """For each of ours, values[ours][i] / values[ref][i] against apache
    and nginx. values: name -> tuple (None where not measured)."""
    refs = [r for r in ('apache', 'nginx') if r in values]
    for name in names:
        if not name.startswith('ours') or name not in values:
            continue
        for ref in refs:
            parts = []
            for i, label in enumerate(labels):
                a, b = values[name][i], values[ref][i]
                r = (fmt % (a / b)) if a is not None and b else '-'
                parts.append('%s %s' % (label, r))
            print('  %s/%s: %s' % (name, ref, '  '.join(parts)))


# ---- limits ----------------------------------------------------------------

def raise_nofile(want=NOFILE):
    """Raise RLIMIT_NOFILE to `want` (root may raise the hard limit too),
    else as far as the hard limit allows. Returns the soft limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= want:
        return soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, max(want, hard)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def setup():
    """For a script's main: descriptors for the connections, and SIGTERM
    turned into SystemExit so that the `finally` blocks stop the servers
    and close the sockets. Returns RLIMIT_NOFILE."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    return raise_nofile()


def _server_preexec():
    # Neither our httpd nor apache2 raises its own descriptor limit
    # (Debian's apache2ctl does it with ulimit), so the benchmark does.
    raise_nofile()


# ---- /proc -----------------------------------------------------------------

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
    """user+sys of the processes (their threads included)."""
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


def _sum_field(pids, path, field):
    total = 0
    for p in pids:
        try:
            with open(path % p) as f:
                for line in f:
                    if line.startswith(field):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def rss_kib(pids):
    """Sum of VmRSS: shared pages (libraries, the parent's copy-on-write
    pages in prefork children) count once per process."""
    return _sum_field(pids, '/proc/%d/status', 'VmRSS:')


def pss_kib(pids):
    """Sum of Pss: shared pages divided among their sharers."""
    return _sum_field(pids, '/proc/%d/smaps_rollup', 'Pss:')


# ---- configurations --------------------------------------------------------

class Load:
    """What a server must be sized for: `workers` request-serving threads
    (or processes), `conns` connections open at once, idle keep-alive
    connections kept for `keepalive` seconds."""

    def __init__(self, workers=64, conns=64, keepalive=30):
        self.workers, self.conns, self.keepalive = workers, conns, keepalive


def mpm_directives(mpm, load):
    """MPM directives that admit `load` (see the README for the why)."""
    w = load.workers
    if mpm == 'event':
        # One process; idle keep-alive connections hold no thread, but a
        # process takes at most ThreadsPerChild + AsyncRequestWorkerFactor
        # * idle workers connections.
        factor = max(2, math.ceil(max(load.conns - w, 0) / w) + 1)
        return ('StartServers 1\nServerLimit 1\nThreadsPerChild %d\nThreadLimit %d\n'
                'MaxRequestWorkers %d\nMinSpareThreads 1\nMaxSpareThreads %d\n'
                'AsyncRequestWorkerFactor %d\n' % (w, w, w, w, factor))
    if mpm == 'worker':
        # A connection holds a thread for its whole life, idle or not:
        # as many threads as connections, at most 1,000 per process, all
        # started at once and none reaped.
        total = max(w, load.conns)
        per = min(total, 1000)
        procs = math.ceil(total / per)
        return ('StartServers %d\nServerLimit %d\nThreadsPerChild %d\nThreadLimit %d\n'
                'MaxRequestWorkers %d\nMinSpareThreads 1\nMaxSpareThreads %d\n'
                % (procs, procs, per, per, procs * per, procs * per))
    if mpm == 'prefork':
        # A connection holds a process: as many as connections, all
        # started at once and none reaped.
        n = max(w, load.conns)
        return ('StartServers %d\nMinSpareServers 1\nMaxSpareServers %d\n'
                'ServerLimit %d\nMaxRequestWorkers %d\n' % (n, n, n, n))
    if mpm == 'simple':
        # One process; connections live in its poll loop, threads only
        # run requests.
        return 'SimpleProcCount 1\nSimpleThreadCount %d\n' % w
    raise ValueError(mpm)


def apache_like_conf(root, port, docroot, moddir, builtin, types, mpm, load):
    mods = ['mpm_' + mpm, 'authz_core', 'mime', 'log_config']
    lines = ['LoadModule %s_module %s/mod_%s.so' % (m, moddir, m)
             for m in mods if m not in builtin]
    user = 'User www-data\nGroup www-data\n' if os.geteuid() == 0 else ''
    return f'''ServerRoot "{root}"
Listen 127.0.0.1:{port}
PidFile "{root}/httpd.pid"
DefaultRuntimeDir "{root}"
ErrorLog "{root}/error_log"
{chr(10).join(lines)}
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
KeepAliveTimeout {load.keepalive}
ListenBacklog 4096
{mpm_directives(mpm, load)}'''


def nginx_conf(root, port, docroot, load):
    user = 'user www-data;' if os.geteuid() == 0 else ''
    conns = max(4096, load.conns + 1024)
    return f'''{user}
worker_processes 1;
worker_rlimit_nofile {NOFILE};
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections {conns}; }}
http {{
  include /etc/nginx/mime.types;
  access_log {root}/access.log combined;
  sendfile on;
  keepalive_timeout {load.keepalive};
  keepalive_requests 1000000;
  client_body_temp_path {root};
  proxy_temp_path {root};
  fastcgi_temp_path {root};
  uwsgi_temp_path {root};
  scgi_temp_path {root};
  server {{
    listen 127.0.0.1:{port} backlog=4096;
    root {docroot};
  }}
}}
'''


# ---- servers ---------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Server:
    """One server under test, in its own process group (so that stop()
    can reach children a dying parent left behind)."""

    def __init__(self, name, root, port, argv, errlog):
        self.name, self.root, self.port, self.errlog = name, root, port, errlog
        self.proc = subprocess.Popen(argv, preexec_fn=_server_preexec,
                                     start_new_session=True,
                                     stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(root, 'stderr'), 'w'))

    def log_tail(self, n=5):
        out = []
        for path in (self.errlog, os.path.join(self.root, 'stderr')):
            try:
                with open(path, errors='replace') as f:
                    out += f.read().splitlines()[-n:]
            except OSError:
                pass
        return '\n'.join(out)

    def wait(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                socket.create_connection(('127.0.0.1', self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError('%s did not start:\n%s' % (self.name, self.log_tail()))

    def settle(self, timeout=30):
        """Wait until the process count stops changing (prefork forks its
        StartServers children over a while)."""
        last, since = -1, time.time()
        deadline = time.time() + timeout
        while time.time() < deadline:
            n = len(self.pids())
            if n != last:
                last, since = n, time.time()
            elif time.time() - since >= 1.0:
                return n
            time.sleep(0.2)
        return last

    def pids(self):
        return proc_tree(self.proc.pid)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        try:   # the group is ours: whatever is left of this server only
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def make_docroot(base):
    docroot = os.path.join(base, 'htdocs')
    os.makedirs(docroot, exist_ok=True)
    for name, size in FILES.items():
        with open(os.path.join(docroot, name + '.bin'), 'wb') as f:
            f.write(os.urandom(size))
    for d, _, files in os.walk(base):
        os.chmod(d, 0o755)
        for f in files:
            os.chmod(os.path.join(d, f), 0o644)
    return docroot


def start_server(name, base, docroot, build, load):
    """Write the configuration of `name` for `load` under base/name and
    start it (not yet waited for)."""
    root = os.path.join(base, name)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    os.chmod(root, 0o777)
    port = free_port()
    if name == 'nginx':
        conf = os.path.join(root, 'nginx.conf')
        with open(conf, 'w') as f:
            f.write(nginx_conf(root, port, docroot, load))
        return Server(name, root, port, ['nginx', '-p', root, '-c', conf],
                      os.path.join(root, 'error.log'))
    conf = os.path.join(root, 'httpd.conf')
    if name == 'apache':
        text = apache_like_conf(root, port, docroot, '/usr/lib/apache2/modules',
                                {'log_config', 'unixd', 'so'}, '/etc/mime.types',
                                'event', load)
        binary = '/usr/sbin/apache2'
    else:
        binary = os.path.join(build, 'httpd', 'httpd')
        text = apache_like_conf(root, port, docroot, os.path.dirname(binary),
                                {'unixd', 'so'},
                                os.path.join(REPO, 'httpd', 'conf', 'mime.types'),
                                name[len('ours-'):], load)
    with open(conf, 'w') as f:
        f.write(text)
    return Server(name, root, port, [binary, '-d', root, '-f', conf, '-D', 'FOREGROUND'],
                  os.path.join(root, 'error_log'))


def check_tools(build, names):
    if not shutil.which('wrk'):
        raise SystemExit('wrk is missing: apt-get install wrk apache2 nginx-light')
    if any(n.startswith('ours') for n in names):
        if not os.access(os.path.join(build, 'httpd', 'httpd'), os.X_OK):
            raise SystemExit('no %s/httpd/httpd: build first (or pass --build)' % build)


# ---- wrk -------------------------------------------------------------------

WRK_RPS = re.compile(r'Requests/sec:\s+([\d.]+)')
WRK_P99 = re.compile(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', re.M)
WRK_TOTAL = re.compile(r'(\d+) requests in')
UNIT = {'us': 1e-3, 'ms': 1.0, 's': 1e3}


def run_wrk(port, path, duration, connections):
    """(req/s, p99 ms or None, requests served). A server that serves
    nothing gives (0, None, 0)."""
    res = subprocess.run(['wrk', '-t1', '-c%d' % connections, '-d%ds' % duration,
                          '--latency', 'http://127.0.0.1:%d%s' % (port, path)],
                         capture_output=True, text=True, timeout=duration + 60)
    out = res.stdout
    rps, total = WRK_RPS.search(out), WRK_TOTAL.search(out)
    if res.returncode != 0 or not rps or not total:
        return 0.0, None, 0
    m = WRK_P99.search(out)
    p99 = float(m.group(1)) * UNIT[m.group(2)] if m else None
    return float(rps.group(1)), p99, int(total.group(1))
