"""mod_status: the server-status handler, its HTML page and the ?auto
report, against Debian's apache2 with the same configuration."""
import http.client
import re
import time

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
    both.get('/a.txt')
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
                   '<td nowrap>GET /a.txt HTTP/1.1</td>',
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
