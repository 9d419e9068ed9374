"""The event MPM: request heads are collected without holding a worker,
so clients that send their headers slowly do not starve the others;
pipelining still works; AsyncRequestWorkerFactor bounds the connections a
process accepts. Timing bounds are generous (a loaded 2-core machine):
only "served within many seconds" versus "not served at all"."""
import socket
import threading
import time

import pytest

from conftest import DEFAULT_MODULES, parse_response

SMALL = ('ServerLimit 1\nStartServers 1\nThreadsPerChild 4\n'
         'MaxRequestWorkers 4\nMinSpareThreads 1\nMaxSpareThreads 8\n')


def start(ours, extra=''):
    ours.write('index.html', 'hello event\n')
    ours.start(SMALL + extra)
    return ours


class Reader:
    """Reads responses with Content-Length bodies off one socket, keeping
    what belongs to the next response."""

    def __init__(self, s, timeout=10):
        self.s = s
        self.buf = b''
        s.settimeout(timeout)

    def more(self):
        b = self.s.recv(65536)
        if not b:
            raise EOFError('connection closed')
        self.buf += b

    def response(self):
        while b'\r\n\r\n' not in self.buf:
            self.more()
        head, _, self.buf = self.buf.partition(b'\r\n\r\n')
        status, headers, _ = parse_response(head + b'\r\n\r\n')
        need = int(headers.get('content-length', '0'))
        while len(self.buf) < need:
            self.more()
        body, self.buf = self.buf[:need], self.buf[need:]
        return status, headers, body


def read_response(s, timeout=10):
    return Reader(s, timeout).response()


class SlowClients:
    """n clients that each send a request head one byte at a time."""

    def __init__(self, ours, n, gap=0.2):
        self.socks = [ours.connect(timeout=30) for _ in range(n)]
        self.gap = gap
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        head = b'GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Slow: '
        i = 0
        while not self.stop.is_set():
            byte = head[i:i + 1] if i < len(head) else b'a'
            i += 1
            for s in self.socks:
                try:
                    s.send(byte)
                except OSError:
                    pass
            self.stop.wait(self.gap)

    def close(self):
        self.stop.set()
        self.thread.join(5)
        for s in self.socks:
            s.close()


def test_slow_headers_do_not_block_others(ours):
    start(ours, 'AsyncRequestWorkerFactor 20\n')
    slow = SlowClients(ours, 50)
    try:
        time.sleep(1.0)     # every slow client is in the middle of its head
        t0 = time.time()
        for _ in range(5):
            r = ours.get('/index.html')
            assert r.status == 200 and r.body == b'hello event\n'
        # With only 4 workers, 50 blocking head reads would stall the
        # normal client until the server Timeout (60 s).
        assert time.time() - t0 < 20
    finally:
        slow.close()


def test_slow_client_completes_its_request(ours):
    start(ours)
    s = ours.connect(timeout=20)
    try:
        for b in b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n':
            s.send(bytes([b]))
            time.sleep(0.01)
        status, _, body = read_response(s, 20)
        assert status == 200 and body == b'hello event\n'
    finally:
        s.close()


def test_head_split_before_body(ours):
    """A POST whose head comes in pieces and whose body follows later."""
    start(ours)
    s = ours.connect(timeout=20)
    try:
        s.send(b'POST /index.html HTTP/1.1\r\nHost: local')
        time.sleep(0.3)
        s.send(b'host\r\nContent-Length: 5\r\n\r\nab')
        time.sleep(0.3)
        s.send(b'cde')
        rd = Reader(s, 20)
        status, _, _ = rd.response()
        assert status in (200, 405)
        # The body was consumed: the next request on the connection works.
        s.sendall(b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n')
        status, _, body = rd.response()
        assert status == 200 and body == b'hello event\n'
    finally:
        s.close()


def test_pipelined_burst(ours):
    start(ours)
    req = b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n'
    s = ours.connect(timeout=20)
    try:
        s.sendall(req * 20 + b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n'
                  b'Connection: close\r\n\r\n')
        rd = Reader(s, 20)
        for _ in range(21):
            status, _, body = rd.response()
            assert status == 200 and body == b'hello event\n'
    finally:
        s.close()


def test_keepalive_then_slow_second_request(ours):
    start(ours)
    s = ours.connect(timeout=20)
    try:
        s.sendall(b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n')
        assert read_response(s)[0] == 200
        s.sendall(b'GET /index.html HT')
        time.sleep(0.5)
        s.sendall(b'TP/1.1\r\nHost: localhost\r\n')
        time.sleep(0.5)
        s.sendall(b'\r\n')
        status, _, body = read_response(s)
        assert status == 200 and body == b'hello event\n'
    finally:
        s.close()


def test_http09_request_line_is_not_held(ours):
    """A request line without a protocol has no headers: it is answered
    without waiting for a blank line."""
    start(ours)
    data = ours.raw(b'GET /index.html\r\n', timeout=10)
    assert data    # Apache answers (0.9 body or 400), never waits


def test_async_request_worker_factor_limits_accepting(ours):
    """ThreadsPerChild 2 + 1 * 2 idle workers: 4 connections at most."""
    ours.write('index.html', 'hello event\n')
    ours.start('ServerLimit 1\nStartServers 1\nThreadsPerChild 2\n'
               'MaxRequestWorkers 2\nMinSpareThreads 1\nMaxSpareThreads 4\n'
               'AsyncRequestWorkerFactor 1\n')
    # wait_ready() opened and closed a connection: let it go away.
    time.sleep(0.5)
    idle = [ours.connect(timeout=20) for _ in range(6)]
    late = None
    try:
        time.sleep(0.5)
        late = ours.connect(timeout=20)
        late.sendall(b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n'
                     b'Connection: close\r\n\r\n')
        late.settimeout(1.5)
        try:
            got = late.recv(100)
        except socket.timeout:
            got = None
        assert got is None, got     # not accepted while over the limit
        for s in idle:
            s.close()
        idle = []
        status, _, body = read_response(late, 20)
        assert status == 200 and body == b'hello event\n'
    finally:
        for s in idle:
            s.close()
        if late:
            late.close()


def test_blocked_workers_do_not_hold_new_requests(ours):
    """Requests beyond the number of processors wait for a running worker
    instead of waking a sleeping one (the CPU-saving rule); when the
    running workers are blocked in slow handlers, the listener must still
    hand the waiting request to a sleeping worker within a few ms."""
    import os
    from test_third_party_module import build_root, compile_module
    if not os.path.isdir(os.path.join(build_root(), 'apr')):
        import pytest
        pytest.skip('HTTPD_BIN is not in a build tree')
    so = os.path.join(ours.root, 'mod_sleep.so')
    compile_module(so, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    'modules', 'mod_sleep.c'))
    os.chmod(so, 0o755)
    blockers = (os.cpu_count() or 1) + 1
    ours.write('index.html', 'hello event\n')
    ours.start('ServerLimit 1\nStartServers 1\nThreadsPerChild %d\n'
               'MaxRequestWorkers %d\nMinSpareThreads 1\nMaxSpareThreads 64\n'
               'LoadModule sleep_module "%s"\n'
               '<Location /sleep>\n  SetHandler sleep\n</Location>\n'
               % (blockers + 4, blockers + 4, so))
    slow = []
    try:
        for _ in range(blockers):
            s = ours.connect(timeout=20)
            s.sendall(b'GET /sleep?4000 HTTP/1.1\r\nHost: localhost\r\n\r\n')
            slow.append(s)
        time.sleep(0.5)             # all of them inside the handler
        t0 = time.time()
        s = ours.connect(timeout=20)
        s.sendall(b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n')
        status, _, body = read_response(s, 20)
        took = time.time() - t0
        s.close()
        assert status == 200 and body == b'hello event\n'
        assert took < 2.0, 'served after %.2f s: waited for a blocked worker' % took
        for s in slow:
            status, _, body = read_response(s, 20)
            assert status == 200 and body == b'slept 4000 ms\n'
    finally:
        for s in slow:
            s.close()


@pytest.mark.parametrize('reqtimeout', [False, True])
def test_idle_keepalive_connection_wakes_up_whole(ours, reqtimeout):
    """A keep-alive connection idle for longer than the event MPM keeps its
    conn_rec (it is then reduced to a small record: no addresses, no pool)
    is served again on the same socket: request count, client and local
    addresses (asked again from the system) are right in the access log."""
    ours.write('index.html', 'hello event\n')
    ours.start(SMALL + 'KeepAliveTimeout 20\nMaxKeepAliveRequests 3\n'
               'LogFormat "%a %A %{remote}p %{local}p %k %m %U" wake\n'
               'CustomLog logs/wake_log wake\n',
               modules=DEFAULT_MODULES + (['reqtimeout'] if reqtimeout else []))
    s = ours.connect(timeout=20)
    try:
        r = Reader(s, 20)
        for i in range(4):
            s.sendall(b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n')
            status, headers, body = r.response()
            assert status == 200 and body == b'hello event\n'
            if i < 3:
                assert 'close' not in headers.get('connection', '').lower()
                time.sleep(0.8)     # well past the drying delay
        # MaxKeepAliveRequests counted across the idle periods.
        assert headers.get('connection', '').lower() == 'close'
        assert s.recv(10) == b''
        local_port = s.getsockname()[1]
    finally:
        s.close()
    time.sleep(0.3)
    lines = ours.read_log('wake_log').splitlines()
    assert len(lines) == 4, lines
    for k, line in enumerate(lines):
        a, la, rport, port, ka, method, path = line.split()
        assert (a, la, method, path) == ('127.0.0.1', '127.0.0.1', 'GET', '/index.html')
        assert int(rport) == local_port and int(port) == ours.port
        assert int(ka) == k


def test_connection_filters_fall_back_to_a_worker(ours):
    """A module's connection filters (as TLS would add) see every byte:
    the event MPM reads such connections with a worker instead of its
    non-blocking head read, keeps them alive and pipelines on them, and
    after an idle period the connection keeps its filter state (it is not
    reduced to a record that would lose it)."""
    import os
    from test_third_party_module import build_root, compile_module
    if not os.path.isdir(os.path.join(build_root(), 'apr')):
        pytest.skip('HTTPD_BIN is not in a build tree')
    so = os.path.join(ours.root, 'mod_passthru.so')
    compile_module(so, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    'modules', 'mod_passthru.c'))
    os.chmod(so, 0o755)
    ours.write('index.html', 'hello event\n')
    ours.start(SMALL + 'LoadModule passthru_module "%s"\n' % so)
    req = b'GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n'
    s = ours.connect(timeout=20)
    try:
        r = Reader(s, 20)
        s.sendall(req)
        status, h1, body = r.response()
        assert status == 200 and body == b'hello event\n'
        assert h1['x-passthru'] == 'in=%d out=0' % len(req), h1
        time.sleep(0.8)                 # idle past the drying delay
        s.sendall(req + req)            # two pipelined requests
        status, h2, body = r.response()
        assert status == 200 and body == b'hello event\n'
        status, h3, body = r.response()
        assert status == 200 and body == b'hello event\n'
        # The counts grew on the same connection record (nothing rebuilt
        # after the idle period): each request's bytes passed the filter.
        ins = [int(h['x-passthru'].split()[0][3:]) for h in (h1, h2, h3)]
        outs = [int(h['x-passthru'].split()[1][4:]) for h in (h1, h2, h3)]
        assert ins == [len(req), 2 * len(req), 3 * len(req)], ins
        assert 0 == outs[0] < outs[1] < outs[2], outs
    finally:
        s.close()
