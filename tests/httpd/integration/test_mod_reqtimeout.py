"""mod_reqtimeout: RequestReadTimeout cuts clients that send the request
head or body too slowly, and leaves normal clients alone. Timing bounds
are generous: the point is "cut after about N seconds", not precision."""
import socket
import time

import pytest

from conftest import DEFAULT_MODULES

MODULES = DEFAULT_MODULES + ['reqtimeout']


def start(s, directive):
    s.write('a.txt', 'hello\n')
    s.write('form.txt', 'form\n')
    s.start(directive + '\nLogLevel info\n', modules=MODULES)


def talk(s, pieces, limit=15):
    """Send (bytes, pause) pieces; return (seconds until the server
    closed or answered in full, bytes received)."""
    sock = socket.create_connection(('127.0.0.1', s.port), timeout=limit)
    t0 = time.time()
    data = b''
    try:
        for chunk, pause in pieces:
            sock.sendall(chunk)
            time.sleep(pause)
        sock.settimeout(max(0.1, limit - (time.time() - t0)))
        while True:
            b = sock.recv(65536)
            if not b:
                break
            data += b
    except (BrokenPipeError, ConnectionResetError):
        pass
    except socket.timeout:
        data += b'<<client timeout>>'
    finally:
        sock.close()
    return time.time() - t0, data


def talk_until_cut(s, first, trickle, interval, count, limit=15):
    """Send `first`, then `trickle` every `interval` s up to `count` times,
    stopping as soon as the server closes; return (elapsed, response)."""
    sock = socket.create_connection(('127.0.0.1', s.port), timeout=limit)
    t0 = time.time()
    data = b''
    try:
        sock.sendall(first)
        sock.settimeout(interval)
        for _ in range(count):
            try:
                b = sock.recv(65536)
                if not b:
                    break
                data += b
                continue
            except socket.timeout:
                pass
            sock.sendall(trickle)
        else:
            data += b'<<not cut>>'
    except (BrokenPipeError, ConnectionResetError):
        pass
    finally:
        sock.close()
    return time.time() - t0, data


def test_partial_request_line_is_dropped(both):
    start(both, 'RequestReadTimeout header=1')
    took, data = talk(both, [(b'GET /a.t', 0)])
    assert 0.5 < took < 6, took
    assert b'<<client timeout>>' not in data
    assert not data.startswith(b'HTTP/1.1 200')
    both.stop()
    assert 'AH01382: Request header read timeout' in both.error_log()


def test_partial_headers_get_408(both):
    start(both, 'RequestReadTimeout header=1')
    took, data = talk(both, [(b'GET /a.txt HTTP/1.1\r\nHost: x\r\n', 0)])
    assert 0.5 < took < 6, took
    assert data.startswith(b'HTTP/1.1 408 '), data[:100]
    assert b'\r\nConnection: close\r\n' in data


def test_header_trickle_capped_by_maximum(both):
    # each byte earns a second (MinRate=1) but never beyond 2 s in total
    start(both, 'RequestReadTimeout header=1-2,MinRate=1')
    took, data = talk_until_cut(both, b'GET /a.txt HTTP/1.1\r\nX-Long: ',
                                b'a', 0.1, 150)
    assert b'<<not cut>>' not in data
    assert 1.5 < took < 7, took


def test_slow_body_is_cut(both):
    start(both, 'RequestReadTimeout header=10 body=1,MinRate=1000')
    head = (b'POST /a.txt HTTP/1.1\r\nHost: x\r\n'
            b'Content-Length: 100\r\n\r\n')
    took, data = talk_until_cut(both, head, b'x', 0.5, 20)
    assert b'<<not cut>>' not in data
    assert took < 8, took
    both.stop()
    assert 'AH01382: Request body read timeout' in both.error_log()


def test_body_at_min_rate_passes(both):
    # 200 bytes every 0.4 s: each piece earns 2 s at MinRate=100
    start(both, 'RequestReadTimeout header=10 body=1,MinRate=100')
    head = (b'POST /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n'
            b'Content-Length: 2000\r\n\r\n')
    pieces = [(head, 0)] + [(b'y' * 200, 0.4)] * 10
    took, data = talk(both, pieces)
    assert data.startswith(b'HTTP/1.1 '), data[:80]
    assert not data.startswith(b'HTTP/1.1 408'), data[:80]
    assert b'<<client timeout>>' not in data
    assert took > 3.5


def test_normal_requests_unaffected(both):
    start(both, 'RequestReadTimeout header=1 body=1')
    for _ in range(3):
        r = both.get('/a.txt')
        assert r.status == 200 and r.body == b'hello\n'
    # a keep-alive connection idle for longer than the header timeout
    # is governed by KeepAliveTimeout (5 s), not by the header stage
    took, data = talk(both, [(b'GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n', 2),
                             (b'GET /a.txt HTTP/1.1\r\nHost: x\r\n'
                              b'Connection: close\r\n\r\n', 0)])
    assert data.count(b'HTTP/1.1 200 OK') == 2, data


def test_defaults_loaded(both):
    # with the module and no directive: header=20-40,MinRate=500 applies,
    # which a quick partial client does not reach
    start(both, '')
    took, data = talk(both, [(b'GET /a.txt HTTP/1.1\r\nHost: x\r\n', 1.5),
                             (b'\r\n', 0)], limit=8)
    assert data.startswith(b'HTTP/1.1 200 OK'), data[:80]


@pytest.mark.parametrize('arg,message', [
    ('header=20-10,MinRate=5', 'Maximum timeout must be larger than initial timeout'),
    ('header=10-20', 'Must set MinRate option if using timeout range'),
    ('foo=1', 'foo=1: Unknown RequestReadTimeout parameter'),
    ('header=x', "header=x: Value 'x' not numerical"),
    ('header=1,MinRate=0', 'Minimum data rate must be larger than 0'),
    ('header', "Parameter must be in the form 'key=value'"),
    ('header=10x', "header=10x: Cannot parse 'x'"),
    ('header=1,Foo=2', "Cannot parse ',Foo=2'"),
    ('header=1-,MinRate=5', "Value '' not numerical"),
    ('Header=5 BODY=7,minrate=100 handshake=0', None),
])
def test_directive_syntax(both, arg, message):
    both.render('RequestReadTimeout %s\n' % arg, modules=MODULES)
    r = both.run('-t')
    if message is None:
        assert r.returncode == 0, r.stderr
    else:
        assert r.returncode != 0
        assert message in r.stderr, r.stderr


def test_per_vhost_body_timeout(both):
    both.write('a.txt', 'hello\n')
    both.start('RequestReadTimeout body=30\n'
               '<VirtualHost *:@PORT@>\n  ServerName fast.example\n'
               '  RequestReadTimeout body=1\n</VirtualHost>\n'
               '<VirtualHost *:@PORT@>\n  ServerName slow.example\n'
               '</VirtualHost>\n', modules=MODULES)
    head = (b'POST /a.txt HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n'
            b'Content-Length: 10\r\n\r\n')
    took, data = talk(both, [(head % b'fast.example', 0)], limit=10)
    assert took < 6, took
    took, data = talk(both, [(head % b'slow.example', 3),
                             (b'0123456789', 0)], limit=10)
    assert data.startswith(b'HTTP/1.1 ') and b' 408 ' not in data[:20], data[:80]
