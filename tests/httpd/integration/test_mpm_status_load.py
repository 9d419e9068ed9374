"""mod_status numbers match the load a test applies, for every MPM: K
requests held inside a slow handler (tests' mod_sleep) and M idle
keep-alive connections. The asynchronous MPMs keep idle connections
without a worker (ConnsAsyncKeepAlive), the synchronous ones hold a worker
in state K for each."""
import os
import socket
import time

import pytest

from conftest import DEFAULT_MODULES
from test_third_party_module import build_root, compile_module

HERE = os.path.dirname(os.path.abspath(__file__))
K_BUSY = 3
M_IDLE = 4

LIMITS = {
    'mpm_event': 'ServerLimit 1\nStartServers 1\nThreadsPerChild 12\n'
                 'MaxRequestWorkers 12\nMinSpareThreads 1\nMaxSpareThreads 24\n',
    'mpm_worker': 'ServerLimit 1\nStartServers 1\nThreadsPerChild 12\n'
                  'MaxRequestWorkers 12\nMinSpareThreads 1\nMaxSpareThreads 24\n',
    'mpm_prefork': 'StartServers 12\nMinSpareServers 12\nMaxSpareServers 16\n'
                   'ServerLimit 16\nMaxRequestWorkers 16\n',
    'mpm_simple': 'SimpleProcCount 1\nSimpleThreadCount 12\n',
}


def start(ours, mpm):
    if not os.path.isdir(os.path.join(build_root(), 'apr')):
        pytest.skip('HTTPD_BIN is not in a build tree')
    so = os.path.join(ours.root, 'mod_sleep.so')
    compile_module(so, os.path.join(HERE, 'modules', 'mod_sleep.c'))
    os.chmod(so, 0o755)
    ours.write('a.txt', 'hello\n')
    modules = [mpm] + [m for m in DEFAULT_MODULES if not m.startswith('mpm_')]
    ours.start(LIMITS[mpm] + 'KeepAliveTimeout 30\n'
               'LoadModule sleep_module "%s"\n'
               '<Location /sleep>\n  SetHandler sleep\n</Location>\n'
               '<Location /server-status>\n  SetHandler server-status\n'
               '</Location>\n' % so, modules=modules + ['status'])


def auto(ours):
    r = ours.get('/server-status?auto')
    assert r.status == 200, r
    f = {}
    for line in r.body.decode('latin-1').splitlines()[1:]:
        k, _, v = line.partition(':')
        f[k] = v.strip()
    return f


def settle(ours, pred, timeout=8):
    """The last ?auto report that satisfies pred (or the last one)."""
    deadline = time.time() + timeout
    while True:
        f = auto(ours)
        if pred(f) or time.time() > deadline:
            return f
        time.sleep(0.2)


@pytest.mark.parametrize('mpm', ['mpm_event', 'mpm_worker', 'mpm_prefork',
                                 'mpm_simple'])
def test_status_counts_follow_the_load(ours, mpm):
    start(ours, mpm)
    time.sleep(1.0)             # let the start-up children settle
    busy, idle = [], []
    try:
        for _ in range(K_BUSY):
            s = socket.create_connection(('127.0.0.1', ours.port), timeout=20)
            s.sendall(b'GET /sleep?4000 HTTP/1.1\r\nHost: localhost\r\n\r\n')
            busy.append(s)
        for _ in range(M_IDLE):
            s = socket.create_connection(('127.0.0.1', ours.port), timeout=20)
            s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n')
            got = b''
            while not got.endswith(b'hello\n'):
                got += s.recv(4096)
            idle.append(s)
        sync = mpm in ('mpm_worker', 'mpm_prefork')
        if sync:
            f = settle(ours, lambda f: f['Scoreboard'].count('K') == M_IDLE
                       and f['Scoreboard'].count('W') == K_BUSY + 1)
            board = f['Scoreboard']
            # K_BUSY in the handler + this status request, one worker each;
            # each idle connection holds a worker waiting in keep-alive.
            assert board.count('W') == K_BUSY + 1, f
            assert board.count('K') == M_IDLE, f
            assert int(f['BusyWorkers']) == K_BUSY + 1 + M_IDLE, f
        else:
            want = K_BUSY + M_IDLE + 1
            f = settle(ours, lambda f: int(f['ConnsTotal']) == want
                       and int(f['ConnsAsyncKeepAlive']) == M_IDLE)
            assert int(f['ConnsTotal']) == want, f
            assert int(f['ConnsAsyncKeepAlive']) == M_IDLE, f
            if mpm == 'mpm_event':
                # Idle connections hold no worker: only the handlers and
                # this request are busy.
                assert int(f['BusyWorkers']) == K_BUSY + 1, f
                assert f['Scoreboard'].count('K') == 0, f
        for s in busy:
            got = b''
            while not got.endswith(b'slept 4000 ms\n'):
                b = s.recv(4096)
                assert b, got
                got += b
    finally:
        for s in busy + idle:
            s.close()
    # Everything closed: the counts go back down.
    if mpm in ('mpm_event', 'mpm_simple'):
        f = settle(ours, lambda f: int(f['ConnsTotal']) == 1)
        assert int(f['ConnsTotal']) == 1 and int(f['ConnsAsyncKeepAlive']) == 0, f
    else:
        f = settle(ours, lambda f: f['Scoreboard'].count('K') == 0
                   and int(f['BusyWorkers']) == 1)
        assert int(f['BusyWorkers']) == 1, f
