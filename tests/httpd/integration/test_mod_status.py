"""mod_status: the server-status handler, its HTML page and the ?auto
report, against Debian's apache2 with the same configuration."""
import http.client
import re
import time

import pytest

from conftest import DEFAULT_MODULES

MODULES = DEFAULT_MODULES + ['status']
LOCATION = ('<Location /server-status>\n  SetHandler server-status\n'
            '</Location>\n')

# Keys of ?auto in Apache's order (ExtendedStatus On, event MPM).
AUTO_KEYS = ['ServerVersion', 'ServerMPM', 'Server Built', 'CurrentTime',
             'RestartTime', 'ParentServerConfigGeneration',
             'ParentServerMPMGeneration', 'ServerUptimeSeconds',
             'ServerUptime', 'Load1', 'Load5', 'Load15', 'Total Accesses',
             'Total kBytes', 'Total Duration', 'Uptime', 'BusyWorkers',
             'GracefulWorkers', 'IdleWorkers', 'Processes', 'Stopping',
             'ConnsTotal', 'ConnsAsyncWriting', 'ConnsAsyncKeepAlive',
             'ConnsAsyncClosing', 'Scoreboard']


def start(s, extra=''):
    s.write('a.txt', 'hello\n')
    s.start(LOCATION + extra, modules=MODULES)


def auto(s):
    r = s.get('/server-status?auto')
    assert r.status == 200, r
    lines = r.body.decode('latin-1').splitlines()
    fields = {}
    for line in lines[1:]:
        k, sep, v = line.partition(':')
        assert sep, line
        fields[k] = v.strip()
    return r, lines, fields


def wait_accesses(s, at_least, timeout=5):
    """The counters are updated once a request is logged, which may come
    just after its response reached us: poll a little."""
    deadline = time.time() + timeout
    while True:
        _, _, f = auto(s)
        if int(f['Total Accesses']) >= at_least or time.time() > deadline:
            return f
        time.sleep(0.1)


def test_auto_keys_and_counts(both):
    start(both)
    r, lines, f = auto(both)
    assert r.header('Content-Type') == 'text/plain; charset=ISO-8859-1'
    assert lines[0] == '127.0.0.1'          # the name the client used
    keys = [k for k in f if k in AUTO_KEYS]
    assert keys == AUTO_KEYS, keys
    assert f['ServerMPM'] == 'event'
    assert re.match(r'^Apache/2\.4\.\d+', f['ServerVersion'])
    assert int(f['ParentServerConfigGeneration']) >= 1
    assert int(f['ServerUptimeSeconds']) >= 0
    assert re.match(r'^\d+\.\d\d$', f['Load1'])
    # the status request itself is being served
    assert int(f['BusyWorkers']) >= 1
    assert 'W' in f['Scoreboard']
    assert set(f['Scoreboard']) <= set('_SRWKDCLGI.')
    assert int(f['Processes']) >= 1 and int(f['Stopping']) == 0
    before = int(f['Total Accesses'])
    for _ in range(5):
        assert both.get('/a.txt').status == 200
    # 5 files and the first ?auto
    f = wait_accesses(both, before + 6)
    assert int(f['Total Accesses']) >= before + 6
    assert int(f['Total Accesses']) <= before + 6 + 10
    if int(f['Uptime']) > 0:
        assert float(f['ReqPerSec']) > 0
    assert 'BytesPerReq' in f and 'DurationPerReq' in f


def test_html_page(both):
    start(both)
    # (The worker that served an earlier request may serve this one too, and
    # then shows only this one: the request column is checked with it.)
    r = both.get('/server-status')
    assert r.status == 200
    assert r.header('Content-Type') == 'text/html; charset=ISO-8859-1'
    assert r.header('Refresh') is None
    t = r.body.decode('latin-1')
    assert t.startswith('<!DOCTYPE HTML PUBLIC')
    assert '<h1>Apache Server Status for 127.0.0.1 (via 127.0.0.1)</h1>' in t
    for needle in ('<dt>Server Version: Apache/2.4.', '<dt>Server MPM: event</dt>',
                   '<dt>Server Built: ', '<dt>Current Time: ',
                   '<dt>Restart Time: ', '<dt>Parent Server Config. Generation: ',
                   '<dt>Parent Server MPM Generation: ', '<dt>Server uptime: ',
                   '<dt>Server load: ', '<dt>Total accesses: ',
                   ' requests currently being processed, ',
                   '<th colspan="4">Async connections</th>',
                   '<tr><td>Sum</td>', 'Scoreboard Key:',
                   '" Open slot with no current process<br />',
                   '<table border="0"><tr><th>Srv</th><th>PID</th>',
                   '<td nowrap>GET /server-status HTTP/1.1</td>',
                   '<th>Slot</th><td>Total megabytes transferred this slot</td>',
                   '</body></html>'):
        assert needle in t, needle
    grid = re.search(r'<pre>([^<]*)</pre>', t).group(1)
    assert 'W' in grid and set(grid) <= set('_SRWKDCLGI.\n')
    assert all(len(line) <= 64 for line in grid.split('\n'))
    assert 'PID Key' not in t


def test_query_words(both):
    start(both)
    assert both.get('/server-status?refresh=5').header('Refresh') == '5'
    assert both.get('/server-status?refresh').header('Refresh') == '10'
    assert both.get('/server-status?refresh=0').header('Refresh') == '10'
    r = both.get('/server-status?auto&refresh=3')
    assert r.header('Refresh') == '3'
    assert r.header('Content-Type').startswith('text/plain')
    t = both.get('/server-status?notable').body.decode('latin-1')
    assert '<h2>Server Details</h2>' in t and '<table border="0">' not in t
    assert re.search(r'<b>Server \d+-\d+</b> \(\d+\): \d+\|\d+\|\d+ '
                     r'\[<b>Write</b>\]', t), t
    # only GET: anything else is left to the other handlers
    assert both.request('POST', '/server-status', body=b'x').status != 200
    r = both.request('HEAD', '/server-status')
    assert r.status == 200 and r.body == b''


def test_extended_status_off(both):
    start(both, 'ExtendedStatus Off\n')
    _, _, f = auto(both)
    assert 'Total Accesses' not in f and 'ReqPerSec' not in f
    assert int(f['BusyWorkers']) >= 1 and 'Scoreboard' in f
    t = both.get('/server-status').body.decode('latin-1')
    assert 'PID Key: <br />' in t and ' in state: W ' in t
    assert '<code>ExtendedStatus On</code> directive.' in t
    assert 'Total accesses' not in t and '<table border="0">' not in t


def test_open_connection_counted(both):
    """An idle keep-alive connection is one of the process's connections
    (Apache's listener may file it under keep-alive or not yet)."""
    start(both)
    c = http.client.HTTPConnection('127.0.0.1', both.port, timeout=10)
    try:
        c.request('GET', '/a.txt')
        assert c.getresponse().read() == b'hello\n'
        deadline = time.time() + 5
        while True:
            _, _, f = auto(both)
            if int(f['ConnsTotal']) >= 1 or time.time() > deadline:
                break
            time.sleep(0.2)
        conns = {k: int(v) for k, v in f.items() if k.startswith('Conns')}
        assert conns['ConnsTotal'] >= 1, conns
        assert conns['ConnsAsyncKeepAlive'] <= conns['ConnsTotal'], conns
    finally:
        c.close()


def test_other_locations_untouched(both):
    start(both)
    assert both.get('/a.txt').body == b'hello\n'
    assert both.get('/server-statusx').status == 404


# --- CPU figures -------------------------------------------------------------

# Apache prints them with APR's %g: "0", ".01", "1.5" (no leading zero).
CPU_NUM = r'(?:0|\d*\.?\d+)'
CPU_KEYS = ['CPUUser', 'CPUSystem', 'CPUChildrenUser', 'CPUChildrenSystem']


def busy_until_cpu(s, timeout=5):
    """Serve requests until the scoreboard shows some CPU time (the clock
    ticks are 10 ms): the ?auto fields then."""
    s.write('big.bin', b'x' * 200000)
    c = http.client.HTTPConnection('127.0.0.1', s.port, timeout=10)
    deadline = time.time() + timeout
    try:
        while True:
            for _ in range(50):
                c.request('GET', '/big.bin')
                c.getresponse().read()
            _, lines, f = auto(s)
            # CPULoad needs an uptime to divide by
            if ((sum(float(f[k]) for k in CPU_KEYS) > 0 and int(f['Uptime']))
                    or time.time() > deadline):
                return lines, f
    finally:
        c.close()


def test_cpu_in_auto(both):
    start(both)
    lines, f = busy_until_cpu(both)
    keys = [line.partition(':')[0] for line in lines[1:]]
    at = keys.index('Total Duration')
    assert keys[at + 1:at + 5] == CPU_KEYS, keys
    for k in CPU_KEYS:
        assert re.match('^%s$' % CPU_NUM, f[k]), (k, f[k])
    used = sum(float(f[k]) for k in CPU_KEYS)
    assert used > 0, f
    # the load is the share of one CPU since the restart, in percent
    assert keys[at + 5] == 'CPULoad' and keys[at + 6] == 'Uptime', keys
    uptime = int(f['Uptime'])
    if uptime > 0:
        assert abs(float(f['CPULoad']) - used / uptime * 100) < 0.01 * max(
            1, used / uptime * 100), f


def test_cpu_in_html(both):
    start(both)
    busy_until_cpu(both)
    t = both.get('/server-status').body.decode('latin-1')
    m = re.search(r'<dt>Total accesses: [^\n]*</dt>\n<dt>CPU Usage: u(%s) '
                  r's(%s) cu(%s) cs(%s)( - [\d.]+%% CPU load)?</dt>\n<dt>'
                  % ((CPU_NUM,) * 4), t)
    assert m, re.findall(r'<dt>Total accesses.*\n.*\n.*', t)
    assert m.group(5), 'some CPU was used, so the load is shown'
    assert '<th>M</th><th>CPU\n</th><th>SS</th>' in t
    assert ('<tr><th>CPU</th><td>CPU usage, number of seconds</td></tr>\n'
            '<tr><th>SS</th>') in t
    # every worker row has the seconds after its mode
    rows = re.findall(r'<tr><td><b>\d+-\d+</b></td><td>[-\d]+</td>'
                      r'<td>\d+/\d+/\d+</td><td>[^<]*(?:<b>.</b>)?\n</td>'
                      r'<td>(\d+\.\d\d)</td><td>\d+</td>', t)
    assert rows and any(float(x) > 0 for x in rows), t[-3000:]
    t = both.get('/server-status?notable').body.decode('latin-1')
    assert re.search(r'\[<b>Write</b>\] u%s s%s cu%s cs%s\n \d+ \d+ \d+\('
                     % ((CPU_NUM,) * 4), t), t[-2000:]


def test_cpu_off_without_extended_status(both):
    start(both, 'ExtendedStatus Off\n')
    _, _, f = auto(both)
    assert not any(k.startswith('CPU') for k in f), f
    t = both.get('/server-status').body.decode('latin-1')
    assert 'CPU Usage' not in t and '<th>CPU' not in t


def test_cpu_of_reaped_children(both):
    """The parent's record holds the CPU its exited children used (the
    cu/cs figures): with one connection per child, it grows (the parent
    refreshes it from ap_wait_or_timeout, as Apache's does)."""
    import subprocess
    both.write('a.txt', 'hello\n')
    both.write('big.bin', b'x' * 200000)
    both.render(LOCATION + 'MaxConnectionsPerChild 1\nStartServers 2\n',
                modules=['mpm_prefork'] + MODULES[1:])
    # prefork signals its process group when it stops: keep it apart.
    both.proc = subprocess.Popen(
        [both.binary(), '-d', both.root, '-f', both.conf, '-D', 'FOREGROUND'],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    both.wait_ready()
    deadline = time.time() + 10
    while True:
        for _ in range(20):
            both.get('/big.bin')
        _, _, f = auto(both)
        children = float(f['CPUChildrenUser']) + float(f['CPUChildrenSystem'])
        if children > 0 or time.time() > deadline:
            break
        time.sleep(0.5)
    assert children > 0, f


# --- the simple MPM's connection counts ------------------------------------

SIMPLE = ['mpm_simple'] + [m for m in MODULES if not m.startswith('mpm_')]


def conns(s):
    _, _, f = auto(s)
    return {k[5:]: int(v) for k, v in f.items() if k.startswith('Conns')}


def wait_conns(s, pred, timeout=5):
    deadline = time.time() + timeout
    while True:
        c = conns(s)
        if pred(c) or time.time() > deadline:
            return c
        time.sleep(0.05)


def process_row(s, want=('6', '5'), timeout=5):
    """(total, keep-alive) of slot 0 in the HTML process table; the
    previous status request's connection may take a moment to go."""
    deadline = time.time() + timeout
    while True:
        t = s.get('/server-status').body.decode('latin-1')
        row = re.search(r'<tr><td>0</td><td>\d+</td><td>no</td><td>(\d+)</td>'
                        r'<td>yes</td><td>\d+</td><td>0</td><td>\d+</td>'
                        r'<td>0</td><td>0</td><td>(\d+)</td><td>0</td></tr>', t)
        got = row.groups() if row else t
        if got == want or time.time() > deadline:
            return got
        time.sleep(0.05)


def test_simple_publishes_keepalive_and_closing(ours):
    """Idle keep-alive connections wait in the simple MPM's loop, not in a
    thread: ?auto and the process table count them as keep-alive; a
    connection in lingering close counts as closing."""
    ours.write('a.txt', 'hello\n')
    ours.start(LOCATION, modules=SIMPLE)
    idle = []
    try:
        for _ in range(5):
            s = ours.connect()
            s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n')
            assert s.recv(4096).endswith(b'hello\n')
            idle.append(s)
        # the status request's own connection is the sixth
        c = wait_conns(ours, lambda c: c['AsyncKeepAlive'] == 5
                       and c['Total'] == 6)
        assert c == {'Total': 6, 'AsyncWaitIO': 0, 'AsyncWriting': 0,
                     'AsyncKeepAlive': 5, 'AsyncClosing': 0}, c
        assert process_row(ours) == ('6', '5')
        # a response with Connection: close whose client does not close:
        # the server lingers (2 s) reading what the client may still send
        s = ours.connect()
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        idle.append(s)
        c = wait_conns(ours, lambda c: c['AsyncClosing'] == 1
                       and c['Total'] == 7)
        assert c['AsyncClosing'] == 1 and c['Total'] == 7, c
        # the keep-alive clients leave: the counts follow
        for s in idle[:5]:
            s.close()
        c = wait_conns(ours, lambda c: c['AsyncKeepAlive'] == 0
                       and c['Total'] == 2)
        assert c['AsyncKeepAlive'] == 0 and c['Total'] == 2, c
    finally:
        for s in idle:
            s.close()
    c = wait_conns(ours, lambda c: c['Total'] == 1, timeout=5)
    assert c == {'Total': 1, 'AsyncWaitIO': 0, 'AsyncWriting': 0,
                 'AsyncKeepAlive': 0, 'AsyncClosing': 0}, c
