"""The prefork MPM (mpm_prefork_module): one single-threaded child per
connection, spare-process management, graceful restart, child
replacement, MaxConnectionsPerChild, -V, and "only one MPM".

Tests taking `both` run against our httpd and Debian's apache2 with the
same configuration: the two must behave alike."""
import os
import re
import signal
import socket
import subprocess
import time

import pytest

from conftest import parse_response

PREFORK = ['mpm_prefork', 'authz_core', 'mime', 'dir', 'alias', 'log_config']


def children(server):
    """Pids of the server's child processes (pgrep -P parent)."""
    out = subprocess.run(['pgrep', '-P', str(server.proc.pid)],
                         capture_output=True, text=True).stdout
    return sorted(int(p) for p in out.split())


def wait_for(predicate, timeout=15, step=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def launch(server, *args):
    """Start the rendered configuration in a session of its own: Apache's
    prefork signals its whole process group on stop and graceful restart,
    which must not reach the test runner."""
    server.proc = subprocess.Popen(
        [server.binary(), '-d', server.root, '-f', server.conf, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    server.wait_ready()
    return server


def start(server, body=''):
    server.write('a.txt', 'prefork says hello\n')
    server.render(body, modules=PREFORK)
    return launch(server, '-D', 'FOREGROUND')


def read_response(sock):
    """Read one response with a Content-Length body from `sock`."""
    data = b''
    while b'\r\n\r\n' not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    status, headers, body = parse_response(data)
    want = int(headers.get('content-length', '0'))
    while len(body) < want:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def test_serves_files(both):
    start(both, 'StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n')
    r = both.get('/a.txt')
    assert r.status == 200
    assert r.body == b'prefork says hello\n'
    assert both.get('/missing').status == 404


def test_keepalive_serves_several_requests_on_one_connection(both):
    start(both, 'KeepAlive On\nMaxKeepAliveRequests 10\n')
    with both.connect() as s:
        for _ in range(3):
            s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n')
            status, headers, body = read_response(s)
            assert status == 200, headers
            assert body == b'prefork says hello\n'
            assert 'close' not in headers.get('connection', '').lower()


def test_many_sequential_connections(both):
    start(both, 'StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n')
    for _ in range(30):
        assert both.get('/a.txt').status == 200


def test_graceful_restart_finishes_request_in_flight(both):
    start(both, 'LogLevel notice\n'
                'StartServers 2\nMinSpareServers 1\nMaxSpareServers 3\n')
    before = children(both)
    with both.connect(timeout=10) as s:
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n')
        time.sleep(0.5)
        r = both.run('-k', 'graceful')
        assert r.returncode == 0, r.stderr
        time.sleep(1.5)
        s.sendall(b'Connection: close\r\n\r\n')
        status, headers, body = read_response(s)
        assert status == 200
        assert body == b'prefork says hello\n'
    # The server is still there and serves from new children.
    assert both.proc.poll() is None
    assert both.get('/a.txt').status == 200
    assert wait_for(lambda: not set(before) & set(children(both)), 10), \
        (before, children(both))
    assert 'Graceful restart requested, doing restart' in both.error_log()


def test_graceful_stop_finishes_request_in_flight(both):
    start(both, 'GracefulShutdownTimeout 10\n')
    with both.connect(timeout=10) as s:
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n')
        time.sleep(0.5)
        r = both.run('-k', 'graceful-stop')
        assert r.returncode == 0, r.stderr
        time.sleep(1)
        s.sendall(b'\r\n')
        status, headers, body = read_response(s)
        assert status == 200
        assert body == b'prefork says hello\n'
    both.proc.wait(timeout=15)


def test_killed_child_is_replaced(both):
    start(both, 'StartServers 3\nMinSpareServers 3\nMaxSpareServers 5\n')
    before = wait_for(lambda: len(children(both)) >= 3 and children(both))
    assert before and len(before) >= 3
    victim = before[0]
    os.kill(victim, signal.SIGKILL)

    def replaced():
        now = children(both)
        return victim not in now and set(now) - set(before) and now
    now = wait_for(replaced, 10)
    assert now, (before, children(both))
    assert both.get('/a.txt').status == 200


def test_crashed_child_is_logged_and_replaced(ours):
    start(ours, 'LogLevel notice\n'
                'StartServers 2\nMinSpareServers 2\nMaxSpareServers 4\n')
    before = wait_for(lambda: len(children(ours)) >= 2 and children(ours))
    os.kill(before[0], signal.SIGSEGV)
    assert wait_for(lambda: before[0] not in children(ours)
                    and len(children(ours)) >= 2, 10)
    assert wait_for(lambda: re.search(r'child pid %d exit signal '
                                      r'Segmentation fault' % before[0],
                                      ours.error_log()), 5), ours.error_log()
    assert ours.get('/a.txt').status == 200


def test_max_connections_per_child_recycles(both):
    start(both, 'StartServers 1\nMinSpareServers 1\nMaxSpareServers 2\n'
                'MaxConnectionsPerChild 2\nKeepAlive Off\n')
    first = wait_for(lambda: children(both))
    assert first
    for _ in range(6):
        assert both.get('/a.txt').status == 200
    now = wait_for(lambda: not set(first) & set(children(both))
                   and children(both), 10)
    assert now, (first, children(both))


def test_start_servers_count(both):
    start(both, 'StartServers 4\nMinSpareServers 2\nMaxSpareServers 6\n')
    assert wait_for(lambda: len(children(both)) == 4, 5), children(both)
    time.sleep(2)
    assert len(children(both)) == 4


def test_min_spare_servers_grows(both):
    start(both, 'StartServers 1\nMinSpareServers 5\nMaxSpareServers 8\n')
    assert wait_for(lambda: len(children(both)) >= 5, 10), children(both)
    time.sleep(2)
    assert 5 <= len(children(both)) <= 8


def test_max_spare_servers_shrinks(both):
    start(both, 'StartServers 8\nMinSpareServers 1\nMaxSpareServers 3\n')
    assert wait_for(lambda: len(children(both)) == 3, 15), children(both)
    assert both.get('/a.txt').status == 200


def test_max_request_workers_caps_children(both):
    start(both, 'StartServers 1\nMinSpareServers 10\nMaxSpareServers 20\n'
                'MaxRequestWorkers 3\nServerLimit 3\n')
    assert wait_for(lambda: len(children(both)) == 3, 10), children(both)
    time.sleep(2)
    assert len(children(both)) == 3


# Started as root, each mechanism must be usable by the children running
# as User (ap_unixd_set_proc_mutex_perms: flock's file is chowned, a System
# V semaphore gets semctl(IPC_SET), fcntl's file is already unlinked).
@pytest.mark.parametrize('mech', ['default', 'flock', 'fcntl', 'sysvsem',
                                  'posixsem', 'pthread'])
def test_accept_mutex_with_two_listeners(both, mech):
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port2 = probe.getsockname()[1]
    where = ':@ROOT@/logs' if mech in ('flock', 'fcntl') else ''
    start(both, 'Listen 127.0.0.1:%d\nMutex %s%s mpm-accept\n'
                'StartServers 3\n' % (port2, mech, where))
    for _ in range(5):
        assert both.get('/a.txt').status == 200
    with socket.create_connection(('127.0.0.1', port2), timeout=5) as s:
        s.sendall(b'GET /a.txt HTTP/1.0\r\n\r\n')
        status, headers, body = read_response(s)
        assert status == 200 and body == b'prefork says hello\n'


def test_stop_with_sigterm(both):
    start(both)
    assert wait_for(lambda: children(both))
    kids = children(both)
    both.proc.send_signal(signal.SIGTERM)
    both.proc.wait(timeout=10)
    for pid in kids:
        assert not os.path.exists('/proc/%d' % pid) or \
            open('/proc/%d/stat' % pid).read().split()[2] == 'Z'


def test_version_reports_prefork(both):
    both.render('', modules=PREFORK)
    r = both.run('-V')
    assert r.returncode == 0, r.stderr
    assert re.search(r'^Server MPM:\s+prefork$', r.stdout, re.M), r.stdout
    assert re.search(r'^\s+threaded:\s+no$', r.stdout, re.M), r.stdout
    assert re.search(r'^\s+forked:\s+yes \(variable process count\)$',
                     r.stdout, re.M), r.stdout


def test_two_mpms_is_an_error(both):
    both.render('', modules=['mpm_prefork', 'mpm_event'] + PREFORK[1:])
    r = both.run('-t')
    assert r.returncode != 0
    assert re.search(r'AH00534: \S+: Configuration error: More than one MPM '
                     r'loaded\.', r.stderr + r.stdout), (r.stdout, r.stderr)


def test_one_process_mode(ours):
    ours.write('a.txt', 'prefork says hello\n')
    ours.render('', modules=PREFORK)
    launch(ours, '-X')
    assert ours.get('/a.txt').status == 200
    assert ours.get('/a.txt').body == b'prefork says hello\n'
    assert children(ours) == []
