"""The worker MPM (mod_mpm_worker): child processes with a fixed number of
threads each, one listener thread per child, synchronous keep-alive.
Each test runs against ours and Debian's apache2 with the same config."""
import os
import signal
import socket
import subprocess
import time

from conftest import free_port, parse_response

MODULES = ['mpm_worker', 'authz_core', 'mime', 'dir', 'alias', 'log_config']


def children(s):
    out = subprocess.run(['pgrep', '-P', str(s.proc.pid)], capture_output=True,
                         text=True).stdout.split()
    return sorted(int(p) for p in out)


def threads(pid):
    try:
        return len(os.listdir('/proc/%d/task' % pid))
    except OSError:
        return 0


def wait_for(pred, timeout=10, step=0.1):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return pred()


def recv_responses(sock, n, timeout=5):
    """Read n complete responses with Content-Length bodies."""
    sock.settimeout(timeout)
    data = b''
    out = []
    while len(out) < n:
        while b'\r\n\r\n' not in data:
            b = sock.recv(65536)
            if not b:
                return out
            data += b
        head, _, rest = data.partition(b'\r\n\r\n')
        length = 0
        for line in head.split(b'\r\n')[1:]:
            k, _, v = line.partition(b':')
            if k.strip().lower() == b'content-length':
                length = int(v)
        while len(rest) < length:
            b = sock.recv(65536)
            if not b:
                break
            rest += b
        out.append(parse_response(head + b'\r\n\r\n' + rest[:length]))
        data = rest[length:]
    return out


def test_serves_files(both):
    both.write('a.txt', 'hello worker\n')
    both.start(modules=MODULES)
    r = both.get('/a.txt')
    assert r.status == 200
    assert r.body == b'hello worker\n'
    assert both.get('/nope').status == 404


def test_keepalive_and_pipelining(both):
    both.write('a.txt', 'A' * 100)
    both.write('b.txt', 'B' * 10)
    both.start(modules=MODULES)
    with both.connect() as s:
        req = 'GET /%s HTTP/1.1\r\nHost: localhost\r\n\r\n'
        s.sendall((req % 'a.txt' + req % 'b.txt' + req % 'a.txt').encode())
        rs = recv_responses(s, 3)
        assert [r[0] for r in rs] == [200, 200, 200]
        assert [r[2] for r in rs] == [b'A' * 100, b'B' * 10, b'A' * 100]
        # the same connection still serves after the pipelined batch
        s.sendall((req % 'b.txt').encode())
        rs = recv_responses(s, 1)
        assert rs[0][0] == 200 and rs[0][2] == b'B' * 10


def test_graceful_restart_mid_request(both):
    both.write('a.txt', 'survives\n')
    both.start('StartServers 2\nThreadsPerChild 4\nMinSpareThreads 4\n'
               'MaxSpareThreads 16\n', modules=MODULES)
    old = wait_for(lambda: len(children(both)) == 2 and children(both))
    with both.connect(timeout=10) as s:
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n')
        time.sleep(0.3)
        both.proc.send_signal(signal.SIGUSR1)      # -k graceful
        time.sleep(1.0)
        s.sendall(b'Connection: close\r\n\r\n')
        data = b''
        while True:
            b = s.recv(65536)
            if not b:
                break
            data += b
    status, _, body = parse_response(data)
    assert status == 200 and body == b'survives\n'
    # a new generation serves; the old children go away
    assert both.get('/a.txt').status == 200
    assert wait_for(lambda: not set(old) & set(children(both)))
    assert wait_for(lambda: len(children(both)) == 2)
    assert both.proc.poll() is None


def test_killed_child_is_replaced(both):
    both.write('a.txt', 'a\n')
    both.start('StartServers 2\nThreadsPerChild 4\nMinSpareThreads 8\n'
               'MaxSpareThreads 16\n', modules=MODULES)
    kids = wait_for(lambda: len(children(both)) == 2 and children(both))
    assert kids
    os.kill(kids[0], signal.SIGKILL)
    now = wait_for(lambda: (kids[0] not in children(both)
                            and len(children(both)) == 2 and children(both)))
    assert now and kids[0] not in now and kids[1] in now
    for _ in range(5):
        assert both.get('/a.txt').body == b'a\n'


def test_max_connections_per_child(both):
    both.write('a.txt', 'a\n')
    both.start('StartServers 1\nThreadsPerChild 2\nMaxRequestWorkers 2\n'
               'MinSpareThreads 1\nMaxSpareThreads 3\n'
               'MaxConnectionsPerChild 3\n', modules=MODULES)
    first = wait_for(lambda: len(children(both)) == 1 and children(both))
    assert first
    for _ in range(7):
        assert both.get('/a.txt').body == b'a\n'
    # the first child served its 3 connections and was replaced
    assert wait_for(lambda: first[0] not in children(both)
                    and len(children(both)) == 1)


def test_process_and_thread_counts(both):
    both.write('a.txt', 'a\n')
    both.start('StartServers 3\nThreadsPerChild 5\nMinSpareThreads 5\n'
               'MaxSpareThreads 30\n', modules=MODULES)
    kids = wait_for(lambda: len(children(both)) == 3 and children(both))
    assert kids and len(kids) == 3
    # main thread + listener + ThreadsPerChild workers
    assert wait_for(lambda: all(threads(p) == 7 for p in kids)), \
        [threads(p) for p in kids]
    # the parent itself serves nothing and runs one thread
    assert threads(both.proc.pid) == 1
    assert both.get('/a.txt').status == 200
    time.sleep(1.5)
    assert children(both) == kids


def test_dash_V(both):
    both.render('', modules=MODULES)
    r = both.run('-V')
    assert r.returncode == 0, r.stderr
    assert 'Server MPM:     worker' in r.stdout
    assert 'threaded:     yes (fixed thread count)' in r.stdout
    assert 'forked:     yes (variable process count)' in r.stdout


def test_limits_are_adjusted_with_warnings(both):
    both.render('ThreadsPerChild 4\nMaxRequestWorkers 10\n', modules=MODULES)
    r = both.run('-t')
    assert r.returncode == 0, r.stderr
    assert ('AH00316: WARNING: MaxRequestWorkers of 10 is not an integer '
            'multiple of ThreadsPerChild of 4, decreasing to nearest multiple '
            '8, for a maximum of 2 servers.') in r.stderr
    both.render('ThreadsPerChild 100\n', modules=MODULES)
    r = both.run('-t')
    assert 'AH00310: WARNING: ThreadsPerChild of 100 exceeds ThreadLimit of 64' \
        in r.stderr
    both.render('ThreadsPerChild 10\nMaxRequestWorkers 400\nServerLimit 4\n',
                modules=MODULES)
    r = both.run('-t')
    assert ('AH00318: WARNING: MaxRequestWorkers of 400 would require 40 '
            'servers and would exceed ServerLimit of 4, decreasing to 40.') \
        in r.stderr


def test_several_listeners_share_an_accept_mutex(both):
    both.write('a.txt', 'a\n')
    p2 = free_port()
    both.start('Listen 127.0.0.1:%d\nStartServers 2\nThreadsPerChild 3\n'
               'MinSpareThreads 3\nMaxSpareThreads 12\n' % p2, modules=MODULES)
    for _ in range(4):
        assert both.get('/a.txt').body == b'a\n'
        with socket.create_connection(('127.0.0.1', p2), timeout=5) as s:
            s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
            data = b''
            while True:
                b = s.recv(4096)
                if not b:
                    break
                data += b
        assert parse_response(data)[2] == b'a\n'


def test_graceful_stop_finishes_request_in_flight(both):
    both.write('a.txt', 'a\n')
    both.start(modules=MODULES)
    assert both.get('/a.txt').status == 200
    with both.connect(timeout=10) as s:
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n')
        time.sleep(0.3)
        both.proc.send_signal(signal.SIGWINCH)     # -k graceful-stop
        time.sleep(0.7)
        s.sendall(b'\r\n')
        rs = recv_responses(s, 1)
    assert rs and rs[0][0] == 200 and rs[0][2] == b'a\n'
    both.proc.wait(timeout=10)
    with socket.socket() as s:
        assert wait_for(lambda: s.connect_ex(('127.0.0.1', both.port)) != 0)


def test_one_process_mode(ours):
    ours.write('a.txt', 'a\n')
    ours.render('ThreadsPerChild 3\n', modules=MODULES)
    ours.proc = subprocess.Popen([ours.binary(), '-d', ours.root, '-f', ours.conf, '-X'],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
    ours.wait_ready()
    assert ours.get('/a.txt').body == b'a\n'
    assert children(ours) == []
    assert wait_for(lambda: threads(ours.proc.pid) == 5)


def test_accepts_only_for_an_idle_worker(both):
    # One child with one thread: while a keep-alive connection holds the
    # thread, a second connection waits unaccepted; it is served once the
    # first one closes.
    both.write('a.txt', 'a\n')
    both.start('StartServers 1\nServerLimit 1\nThreadsPerChild 1\n'
               'ThreadLimit 1\nMaxRequestWorkers 1\nMinSpareThreads 1\n'
               'MaxSpareThreads 2\nKeepAliveTimeout 30\n', modules=MODULES)
    req = b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n'
    first = both.connect(timeout=10)
    try:
        first.sendall(req)
        assert recv_responses(first, 1)[0][0] == 200
        with both.connect(timeout=10) as second:
            second.sendall(req)
            second.settimeout(1.0)
            try:
                early = second.recv(100)
            except socket.timeout:
                early = None
            assert early is None
            first.close()
            rs = recv_responses(second, 1, timeout=10)
            assert rs and rs[0][0] == 200
    finally:
        first.close()
