"""Harness for the integration tests: start a real server on a free
loopback port with a configuration written by the test, talk to it over
real sockets, stop it by pid.

Two kinds of server share one configuration template:
  ours    the httpd built in this tree (HTTPD_BIN, default build/httpd/httpd)
  apache  Debian's /usr/sbin/apache2 with the modules of /usr/lib/apache2,
          the behavioural reference (tests parametrised with `both` run
          against each and so prove that the two agree).
"""
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
HTTPD = os.environ.get('HTTPD_BIN', os.path.join(REPO, 'build', 'httpd', 'httpd'))
MODDIR = os.environ.get('HTTPD_MODULES', os.path.dirname(HTTPD))
APACHE2 = '/usr/sbin/apache2'
APACHE_MODDIR = '/usr/lib/apache2/modules'
# Modules compiled into Debian's apache2 (apache2 -l): no LoadModule there.
APACHE_BUILTIN = {'log_config', 'logio', 'version', 'unixd', 'watchdog', 'so'}


def compiled_in(binary):
    """The modules `binary -l` lists, by short name (mod_mime.c -> mime,
    event.c -> mpm_event): a build with -Dstatic_modules has more."""
    try:
        out = subprocess.run([binary, '-l'], capture_output=True, text=True,
                             timeout=20).stdout
    except OSError:
        return {'so', 'unixd'}
    names = set()
    for line in out.splitlines()[1:]:
        f = line.strip()
        if not f.endswith('.c'):
            continue
        f = f[:-2]
        names.add('mpm_' + f if f in ('event', 'worker', 'prefork', 'simple')
                  else f[4:] if f.startswith('mod_') else f)
    return names


# Modules compiled into ours (httpd -l).
OURS_BUILTIN = compiled_in(HTTPD)
DEFAULT_MODULES = ['mpm_event', 'authz_core', 'authz_host', 'mime', 'dir',
                   'alias', 'autoindex', 'log_config']

IS_ROOT = os.geteuid() == 0


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def have_apache():
    return os.access(APACHE2, os.X_OK)


class Response:
    def __init__(self, status, reason, headers, body, raw_headers):
        self.status = status
        self.reason = reason
        self.headers = headers          # lower-cased name -> last value
        self.body = body
        self.raw_headers = raw_headers  # [(name, value)] as sent

    def header(self, name):
        return self.headers.get(name.lower())

    def __repr__(self):
        return '<Response %d %r %r>' % (self.status, self.headers, self.body[:80])


class Server:
    """One server instance with its own ServerRoot under a temporary dir."""

    def __init__(self, kind, root):
        self.kind = kind
        self.root = str(root)
        self.port = None
        self.proc = None
        self.docroot = os.path.join(self.root, 'htdocs')
        self.logs = os.path.join(self.root, 'logs')
        for d in (self.docroot, self.logs, os.path.join(self.root, 'conf')):
            os.makedirs(d, exist_ok=True)
        # apache drops to www-data when started as root: let it read.
        os.chmod(self.root, 0o755)
        os.chmod(self.docroot, 0o755)
        self.conf = os.path.join(self.root, 'conf', 'httpd.conf')

    # --- configuration -------------------------------------------------
    def module_path(self, name):
        if self.kind == 'apache':
            return os.path.join(APACHE_MODDIR, 'mod_%s.so' % name)
        return os.path.join(MODDIR, 'mod_%s.so' % name)

    def load_lines(self, modules):
        builtin = APACHE_BUILTIN if self.kind == 'apache' else OURS_BUILTIN
        return '\n'.join('LoadModule %s_module "%s"' % (m, self.module_path(m))
                         for m in modules if m not in builtin)

    def render(self, body, modules=None, listen=True, preamble=True):
        modules = DEFAULT_MODULES if modules is None else modules
        self.port = self.port or free_port()
        types = ('/etc/mime.types' if self.kind == 'apache'
                 else os.path.join(REPO, 'httpd', 'conf', 'mime.types'))
        lines = ['ServerRoot "%s"' % self.root]
        if preamble:
            lines += [
                'PidFile "%s/logs/httpd.pid"' % self.root,
                'DefaultRuntimeDir "%s/logs"' % self.root,
                'ErrorLog "%s/logs/error_log"' % self.root,
                'LogLevel warn',
                'ServerName localhost',
                'ServerAdmin admin@example.com',
            ]
            if listen:
                lines.append('Listen 127.0.0.1:%d' % self.port)
        lines.append(self.load_lines(modules))
        if preamble:
            if IS_ROOT:
                lines += ['User www-data', 'Group www-data']
            if 'mime' in modules:
                lines.append('TypesConfig "%s"' % types)
            lines.append('DocumentRoot "%s"' % self.docroot)
            lines.append('<Directory "%s">\n  Require all granted\n</Directory>'
                         % self.docroot if 'authz_core' in modules else '')
        lines.append(body.replace('@ROOT@', self.root)
                         .replace('@DOCROOT@', self.docroot)
                         .replace('@PORT@', str(self.port)))
        text = '\n'.join(lines) + '\n'
        with open(self.conf, 'w') as f:
            f.write(text)
        return self.conf

    # --- files ----------------------------------------------------------
    def write(self, rel, data, mode=0o644, age=100):
        """Write a file under the DocumentRoot, its mtime `age` seconds ago
        (a file modified within the last second gets a weak ETag)."""
        path = os.path.join(self.docroot, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        d = os.path.dirname(path)
        while d.startswith(self.docroot):
            os.chmod(d, 0o755)
            d = os.path.dirname(d)
        with open(path, 'wb') as f:
            f.write(data.encode() if isinstance(data, str) else data)
        os.chmod(path, mode)
        if age:
            t = time.time() - age
            os.utime(path, (t, t))
        return path

    # --- process ----------------------------------------------------------
    def binary(self):
        return APACHE2 if self.kind == 'apache' else HTTPD

    def run(self, *args, timeout=20):
        """Run the binary with arguments (e.g. -t, -V); return CompletedProcess."""
        return subprocess.run([self.binary(), '-d', self.root, '-f', self.conf, *args],
                              capture_output=True, text=True, timeout=timeout)

    def start(self, body='', modules=None, wait=True, **kw):
        self.render(body, modules, **kw)
        self.proc = subprocess.Popen(
            [self.binary(), '-d', self.root, '-f', self.conf, '-D', 'FOREGROUND'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                out, err = self.proc.communicate()
                raise RuntimeError('%s exited with %d:\n%s\n%s\n%s' % (
                    self.kind, self.proc.returncode, out, err, self.error_log()))
            try:
                with socket.create_connection(('127.0.0.1', self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError('%s did not listen on %d:\n%s' % (self.kind, self.port,
                                                            self.error_log()))

    def stop(self, timeout=10):
        if not self.proc or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            raise

    def error_log(self):
        try:
            with open(os.path.join(self.logs, 'error_log')) as f:
                return f.read()
        except OSError:
            return ''

    def read_log(self, name):
        with open(os.path.join(self.logs, name)) as f:
            return f.read()

    # --- clients ------------------------------------------------------------
    def connect(self, timeout=5):
        s = socket.create_connection(('127.0.0.1', self.port), timeout=timeout)
        return s

    def raw(self, data, timeout=5, half_close=False):
        """Send raw bytes, read until the server closes (or timeout)."""
        with self.connect(timeout) as s:
            s.sendall(data.encode('latin-1') if isinstance(data, str) else data)
            if half_close:
                s.shutdown(socket.SHUT_WR)
            chunks = []
            try:
                while True:
                    b = s.recv(65536)
                    if not b:
                        break
                    chunks.append(b)
            except socket.timeout:
                pass
            return b''.join(chunks)

    def request(self, method, path, headers=None, body=None):
        c = http.client.HTTPConnection('127.0.0.1', self.port, timeout=10)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            hdrs = {k.lower(): v for k, v in r.getheaders()}
            return Response(r.status, r.reason, hdrs, data, r.getheaders())
        finally:
            c.close()

    def get(self, path, headers=None):
        return self.request('GET', path, headers)


def parse_response(raw):
    """Split one raw HTTP/1.x response into (status, headers dict, body)."""
    head, _, body = raw.partition(b'\r\n\r\n')
    lines = head.decode('latin-1').split('\r\n')
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(':')
        headers[k.strip().lower()] = v.strip()
    return status, headers, body


@pytest.fixture
def server_root():
    """A fresh ServerRoot that an unprivileged child (User www-data) can
    read: pytest's own tmp_path is private to root."""
    d = tempfile.mkdtemp(prefix='httpd-test-', dir='/tmp')
    os.chmod(d, 0o755)
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def ours(server_root):
    s = Server('ours', server_root)
    yield s
    s.stop()


@pytest.fixture(params=['ours', 'apache'])
def both(request, server_root):
    """The same test against our httpd and Debian's apache2: they must agree."""
    if request.param == 'apache' and not have_apache():
        pytest.skip('Debian apache2 is not installed')
    s = Server(request.param, server_root)
    yield s
    s.stop()
