"""The simple MPM (mpm_simple_module): one event loop per child with timers
and a small thread pool. Serving, keep-alive timeouts in ms, pipelining,
many idle connections on few threads, graceful restart mid-request,
replacing a killed child, SimpleProcCount children, -V; request heads
read without holding a pool thread (slow clients, split heads,
mod_reqtimeout's 408)."""
import os
import signal
import socket
import subprocess
import threading
import time

import pytest

from conftest import HTTPD, MODDIR, parse_response

MODULES = ['mpm_simple', 'authz_core', 'mime', 'dir', 'alias', 'log_config']

pytestmark = pytest.mark.skipif(
    not os.path.exists(os.path.join(MODDIR, 'mod_mpm_simple.so')),
    reason='mod_mpm_simple.so is not built')

GET = 'GET /%s HTTP/1.1\r\nHost: localhost\r\n\r\n'


def recv_response(s):
    """Read exactly one response with a Content-Length body from `s`."""
    data = b''
    while b'\r\n\r\n' not in data:
        b = s.recv(65536)
        if not b:
            raise EOFError('connection closed in the headers: %r' % data)
        data += b
    head, _, body = data.partition(b'\r\n\r\n')
    status, headers, _ = parse_response(head + b'\r\n\r\n')
    length = int(headers.get('content-length', '0'))
    while len(body) < length:
        b = s.recv(65536)
        if not b:
            raise EOFError('connection closed in the body')
        body += b
    return status, headers, body[:length], body[length:]


def start(ours, body='', **kw):
    ours.write('hello.txt', 'hello\n')
    return ours.start(body, modules=MODULES, **kw)


def children_of(pid):
    out = subprocess.run(['ps', '-o', 'pid=', '--ppid', str(pid)],
                         capture_output=True, text=True).stdout
    return sorted(int(x) for x in out.split())


def wait_for(pred, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(0.05)
    return pred()


def test_serves(ours):
    start(ours)
    r = ours.get('/hello.txt')
    assert r.status == 200
    assert r.body == b'hello\n'
    assert ours.get('/missing').status == 404


def test_version_info(ours):
    start(ours)
    out = subprocess.run([HTTPD, '-d', ours.root, '-f', ours.conf, '-V'],
                         capture_output=True, text=True, timeout=20).stdout
    assert 'Server MPM:     simple' in out
    assert 'threaded:     yes' in out
    assert 'forked:     yes' in out


def test_keepalive_and_ms_timeout(ours):
    start(ours, 'KeepAlive On\nKeepAliveTimeout 300ms\n')
    with ours.connect() as s:
        for _ in range(3):
            s.sendall((GET % 'hello.txt').encode())
            status, _, body, rest = recv_response(s)
            assert (status, body, rest) == (200, b'hello\n', b'')
        t0 = time.time()
        s.settimeout(5)
        assert s.recv(100) == b''       # the server closed it
        waited = time.time() - t0
    assert 0.2 < waited < 1.5, waited


def test_pipelining(ours):
    start(ours)
    ours.write('two.txt', 'two\n')
    with ours.connect() as s:
        s.sendall(((GET % 'hello.txt') + (GET % 'two.txt')
                   + 'GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n'
                     'Connection: close\r\n\r\n').encode())
        data = b''
        while True:
            b = s.recv(65536)
            if not b:
                break
            data += b
    assert data.count(b'HTTP/1.1 200 OK') == 3
    assert data.index(b'hello\n') < data.index(b'two\n')


def test_many_idle_connections_few_threads(ours):
    start(ours, 'SimpleThreadCount 4\nKeepAliveTimeout 30\n')
    socks = [ours.connect(timeout=10) for _ in range(200)]
    try:
        # Half have served a request and wait in keep-alive, half are new.
        for s in socks[::2]:
            s.sendall((GET % 'hello.txt').encode())
        for s in socks[::2]:
            assert recv_response(s)[0] == 200
        time.sleep(0.3)
        for s in socks:
            s.sendall((GET % 'hello.txt').encode())
        for s in socks:
            status, _, body, _ = recv_response(s)
            assert (status, body) == (200, b'hello\n')
    finally:
        for s in socks:
            s.close()


def test_graceful_restart_mid_request(ours):
    start(ours, 'SimpleProcCount 1\n')
    with ours.connect(timeout=10) as s:
        s.sendall(b'GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n')
        time.sleep(0.3)
        r = ours.run('-k', 'graceful')
        assert r.returncode == 0, r.stderr
        time.sleep(0.5)
        s.sendall(b'Connection: close\r\n\r\n')
        status, _, body, _ = recv_response(s)
    assert (status, body) == (200, b'hello\n')
    # The new generation serves.
    assert wait_for(lambda: ours.get('/hello.txt').status == 200)
    assert ours.proc.poll() is None


def test_children_and_replacement(ours):
    start(ours, 'SimpleProcCount 3\nSimpleThreadCount 2\n')
    kids = wait_for(lambda: len(children_of(ours.proc.pid)) == 3
                    and children_of(ours.proc.pid))
    assert kids and len(kids) == 3, kids
    os.kill(kids[0], signal.SIGKILL)
    now = wait_for(lambda: (lambda k: len(k) == 3 and kids[0] not in k and k)(
        children_of(ours.proc.pid)))
    assert now, children_of(ours.proc.pid)
    assert ours.get('/hello.txt').status == 200


def test_sigterm_stops(ours):
    start(ours, 'SimpleProcCount 2\n')
    assert ours.get('/hello.txt').status == 200
    ours.proc.send_signal(signal.SIGTERM)
    ours.proc.communicate(timeout=10)
    with pytest.raises(OSError):
        socket.create_connection(('127.0.0.1', ours.port), timeout=1).close()


def test_one_process_mode(ours):
    ours.write('hello.txt', 'hello\n')
    ours.render('', modules=MODULES)
    ours.proc = subprocess.Popen([HTTPD, '-d', ours.root, '-f', ours.conf, '-X'],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
    ours.wait_ready()
    assert ours.get('/hello.txt').status == 200
    assert children_of(ours.proc.pid) == []


# ---- request heads read without holding a pool thread ----------------------
# A connection whose head is incomplete waits in the loop's pollset, as in
# the event MPM (server/mpm_head.c), so a crowd of slow clients does not
# hold the SimpleThreadCount threads.

def trickle(socks, data, gap, stop):
    """Send `data` one byte every `gap` s on each of `socks` until all is
    sent or `stop` is set; return how many bytes went out."""
    sent = 0
    while sent < len(data) and not stop.is_set():
        for s in socks:
            try:
                s.sendall(data[sent:sent + 1])
            except OSError:
                pass
        sent += 1
        stop.wait(gap)
    return sent


def test_slow_heads_do_not_hold_threads(ours):
    start(ours, 'SimpleThreadCount 4\nTimeout 30\n')
    head = (GET % 'hello.txt').encode()
    crowd = [ours.connect(timeout=10) for _ in range(30)]
    stop = threading.Event()
    result = {}
    t = threading.Thread(
        target=lambda: result.update(sent=trickle(crowd, head, 0.2, stop)))
    t.start()
    try:
        time.sleep(1.0)         # every slow client has begun its head
        for _ in range(3):
            t0 = time.time()
            r = ours.get('/hello.txt')
            took = time.time() - t0
            assert (r.status, r.body) == (200, b'hello\n')
            assert took < 1.0, took
        stop.set()
        t.join(15)
        # The crowd's heads, each in one-byte packets, are then served too.
        assert 0 < result['sent'] < len(head)
        for s in crowd:
            s.sendall(head[result['sent']:])
        for s in crowd:
            status, _, body, _ = recv_response(s)
            assert (status, body) == (200, b'hello\n')
    finally:
        stop.set()
        t.join(15)
        for s in crowd:
            s.close()


def test_head_split_across_packets(ours):
    start(ours)
    pieces = [b'GE', b'T /hello', b'.txt HTTP/1.1\r\nHo', b'st: localhost\r',
              b'\n', b'\r\n']
    with ours.connect(timeout=10) as s:
        for _ in range(2):      # a new connection, then keep-alive
            for p in pieces:
                s.sendall(p)
                time.sleep(0.1)
            status, _, body, rest = recv_response(s)
            assert (status, body, rest) == (200, b'hello\n', b'')
        # a complete request and the start of the next in one packet
        s.sendall((GET % 'hello.txt').encode() + b'GET /hel')
        status, _, body, rest = recv_response(s)
        assert (status, body, rest) == (200, b'hello\n', b'')
        time.sleep(0.2)
        s.sendall(b'lo.txt HTTP/1.1\r\nHost: localhost\r\n'
                  b'Connection: close\r\n\r\n')
        status, _, body, _ = recv_response(s)
        assert (status, body) == (200, b'hello\n')


def talk(ours, data, limit=10):
    """Send `data`, then read until the server closes; return (seconds,
    bytes received)."""
    with ours.connect(timeout=limit) as s:
        t0 = time.time()
        s.sendall(data)
        got = b''
        while True:
            b = s.recv(65536)
            if not b:
                break
            got += b
    return time.time() - t0, got


def test_reqtimeout_cuts_stuck_head_at_deadline(ours):
    ours.write('hello.txt', 'hello\n')
    ours.start('SimpleThreadCount 2\nRequestReadTimeout header=2\n'
               'LogLevel info\nCustomLog logs/access_log "%>s %r"\n',
               modules=MODULES + ['reqtimeout'])
    # More stuck heads than threads: a normal request is still served.
    stuck = [ours.connect(timeout=10) for _ in range(8)]
    for s in stuck:
        s.sendall(b'GET /hello.txt HTTP/1.1\r\nHost: x\r\n')
    time.sleep(0.3)
    t0 = time.time()
    assert ours.get('/hello.txt').status == 200
    assert time.time() - t0 < 1.0
    # Each gets its 408 at the header deadline, as with the event MPM.
    for s in stuck:
        got = b''
        while True:
            b = s.recv(65536)
            if not b:
                break
            got += b
        s.close()
        assert got.startswith(b'HTTP/1.1 408 Request Timeout\r\n'), got[:80]
        assert b'\r\nConnection: close\r\n' in got
    took = time.time() - t0
    assert 1.4 < took < 3.5, took
    took, got = talk(ours, b'GET /hello.txt HTTP/1.1\r\nHost: x\r\n')
    assert 1.9 < took < 3.5, took
    assert got.startswith(b'HTTP/1.1 408 '), got[:80]
    # nothing is sent before the request line is complete
    took, got = talk(ours, b'GET /hel')
    assert 1.9 < took < 3.5, took
    assert got == b'', got[:80]
    ours.stop()
    assert 'AH01382: Request header read timeout' in ours.error_log()
    assert '408 GET /hello.txt HTTP/1.1' in ours.read_log('access_log')
