"""ap_mpm_register_timed_callback through a test module compiled from
source (modules/mod_timed_cb.c): the simple MPM runs the callback on a
pool thread once the delay has passed, also when registered from
child_init, and so does the event MPM on a worker; worker and prefork answer
APR_ENOTIMPL, as Debian's do. (Debian's event takes the callback but runs
it only at the listener's next wake-up, seconds late.)"""
import os
import subprocess
import time

import pytest

from conftest import DEFAULT_MODULES
from test_third_party_module import build_root, compile_module

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, 'modules', 'mod_timed_cb.c')
APR_ENOTIMPL = 70023
# How late a callback may run on a loaded test machine.
SLACK_MS = 400


def modules_for(mpm):
    return [mpm] + [m for m in DEFAULT_MODULES if not m.startswith('mpm_')]


def build(s):
    so = os.path.join(s.root, 'mod_timed_cb.so')
    if s.kind == 'apache':
        cmd = ['cc', '-std=c11', '-Wall', '-Werror', '-shared', '-fPIC',
               '-D_GNU_SOURCE', '-I/usr/include/apache2',
               '-I/usr/include/apr-1.0', SOURCE, '-o', so]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip('no Debian development headers: ' + r.stderr[:200])
    else:
        if not os.path.isdir(os.path.join(build_root(), 'apr')):
            pytest.skip('HTTPD_BIN is not in a build tree')
        compile_module(so, SOURCE)
    os.chmod(so, 0o755)
    return so


def start(s, mpm, at_start=None, extra=''):
    so = build(s)
    cbdir = os.path.join(s.root, 'cb')
    os.makedirs(cbdir, exist_ok=True)
    os.chmod(cbdir, 0o777)       # the children may run as www-data
    body = ('LoadModule timed_cb_module "%s"\n'
            'TimedCallbackLog cb/fired.log\n'
            '<Location /cb>\n  SetHandler timed-cb\n</Location>\n' % so)
    if at_start is not None:
        body += 'TimedCallbackAtStart %d\n' % at_start
    s.render(body + extra, modules=modules_for(mpm))
    # A session of its own: Apache's prefork signals its whole process
    # group when it stops, which must not reach the test runner.
    s.proc = subprocess.Popen(
        [s.binary(), '-d', s.root, '-f', s.conf, '-D', 'FOREGROUND'],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    s.wait_ready()
    return os.path.join(cbdir, 'fired.log')


def register(s, ms):
    r = s.get('/cb?%d' % ms)
    assert r.status == 200, r
    return int(r.body.decode().strip().split('=')[1])


def fired(path, want, timeout=5):
    """[(tag, late_ms)] once `want` callbacks wrote their line."""
    deadline = time.time() + timeout
    lines = []
    while time.time() < deadline:
        try:
            with open(path) as f:
                lines = [l.split() for l in f.read().splitlines()]
        except OSError:
            lines = []
        if len(lines) >= want:
            break
        time.sleep(0.05)
    return [(t, int(ms)) for t, ms in lines]


def test_simple_runs_callbacks_after_their_delay(ours):
    log = start(ours, 'mpm_simple', at_start=300)
    for ms in (700, 100, 0):
        assert register(ours, ms) == 0
    got = fired(log, 4)
    assert len(got) == 4, got
    late = dict(got)
    for tag, delay in (('start', 300), ('req700', 700), ('req100', 100),
                       ('req0', 0)):
        assert delay <= late[tag] <= delay + SLACK_MS, got
    tags = [t for t, _ in got if t.startswith('req')]
    assert tags == ['req0', 'req100', 'req700'], got


def test_simple_many_callbacks_all_run(ours):
    """Fifty registrations over one connection, due in 0..490 ms, each
    runs once and not early; the server keeps serving meanwhile."""
    log = start(ours, 'mpm_simple', extra='SimpleThreadCount 4\n')
    import http.client
    c = http.client.HTTPConnection('127.0.0.1', ours.port, timeout=10)
    try:
        for i in range(50):
            c.request('GET', '/cb?%d' % (i * 10))
            assert c.getresponse().read() == b'rv=0\n'
    finally:
        c.close()
    got = fired(log, 50)
    assert len(got) == 50, got
    assert sorted(t for t, _ in got) == sorted('req%d' % (i * 10)
                                               for i in range(50))
    for tag, late in got:
        assert late >= int(tag[3:]), (tag, late)
    assert ours.get('/cb?0').status == 200


def test_event_runs_callbacks_from_requests_and_child_init(ours):
    """Registered from child_init (before the child's threads run) and
    from requests, each callback runs once, in order, not early."""
    log = start(ours, 'mpm_event', at_start=200,
                extra='ServerLimit 1\nStartServers 1\nThreadsPerChild 8\n'
                      'MaxRequestWorkers 8\nMinSpareThreads 1\n'
                      'MaxSpareThreads 16\n')
    for ms in (300, 0):
        assert register(ours, ms) == 0
    got = fired(log, 3)
    tags = [t for t, _ in got]
    assert sorted(tags) == ['req0', 'req300', 'start'], got
    assert tags.index('req0') < tags.index('req300'), got
    late = dict(got)
    for tag, delay in (('start', 200), ('req300', 300), ('req0', 0)):
        assert delay <= late[tag] <= delay + SLACK_MS, got
    assert ours.get('/cb?0').status == 200     # the children still live


@pytest.mark.parametrize('mpm', ['mpm_worker', 'mpm_prefork'])
def test_sync_mpms_answer_enotimpl(ours, mpm):
    log = start(ours, mpm, at_start=0)
    assert register(ours, 10) == APR_ENOTIMPL
    time.sleep(0.3)
    assert not os.path.exists(log)


def test_prefork_answers_enotimpl_like_apache(both):
    log = start(both, 'mpm_prefork')
    assert register(both, 10) == APR_ENOTIMPL
    time.sleep(0.3)
    assert not os.path.exists(log)
