"""HTTP/1.1 and 1.0 on the wire: request parsing and its limits, Host rules,
keep-alive, pipelining, chunked bodies, 100-continue, chunked responses."""
import re
import socket
import time

from conftest import parse_response


def start(s, extra=''):
    s.write('a.txt', 'hello\n')
    s.write('dir/x.txt', 'x\n')
    s.start(extra)
    return s


def split_responses(raw):
    """Split a byte stream of responses with Content-Length bodies."""
    out = []
    while raw:
        head, sep, rest = raw.partition(b'\r\n\r\n')
        assert sep, raw
        status, headers, _ = parse_response(head + b'\r\n\r\n')
        n = int(headers.get('content-length', '0'))
        out.append((status, headers, rest[:n]))
        raw = rest[n:]
    return out


def test_http11_requires_host(both):
    start(both)
    status, _, body = parse_response(both.raw('GET /a.txt HTTP/1.1\r\n\r\n'))
    assert status == 400


def test_http10_without_host(both):
    start(both)
    raw = both.raw('GET /a.txt HTTP/1.0\r\n\r\n')
    assert raw.startswith(b'HTTP/1.1 200 OK\r\n')
    status, headers, body = parse_response(raw)
    assert body == b'hello\n'
    assert headers.get('connection') == 'close'


def test_http10_keepalive(both):
    start(both)
    with both.connect() as s:
        s.sendall(b'GET /a.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n')
        data = b''
        while b'hello\n' not in data:
            data += s.recv(4096)
    status, headers, body = parse_response(data)
    assert headers['connection'] == 'Keep-Alive'
    assert re.match(r'timeout=\d+, max=\d+$', headers['keep-alive'])


def test_pipelining(both):
    start(both)
    req = ('GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n'
           'GET /dir/x.txt HTTP/1.1\r\nHost: localhost\r\n\r\n'
           'GET /missing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
    got = split_responses(both.raw(req))
    assert [g[0] for g in got] == [200, 200, 404]
    assert got[0][2] == b'hello\n' and got[1][2] == b'x\n'
    assert got[2][1]['connection'] == 'close'


def test_bad_request_lines(both):
    start(both)
    for line in ('GARBAGE\r\n\r\n', 'GET /a.txt HTTP/1.1 extra\r\n\r\n',
                 'GET /a.txt HTTP/9\r\nHost: x\r\n\r\n', 'GET a.txt HTTP/1.1\r\nHost: x\r\n\r\n'):
        status, _, _ = parse_response(both.raw(line))
        assert status == 400, line


def test_unknown_method(both):
    start(both)
    status, _, _ = parse_response(both.raw('FOO /a.txt HTTP/1.1\r\nHost: x\r\n\r\n'))
    assert status == 501


def test_limit_request_line(both):
    start(both, 'LimitRequestLine 100')
    status, _, body = parse_response(both.raw('GET /%s HTTP/1.1\r\nHost: x\r\n\r\n' % ('a' * 200)))
    assert status == 414
    assert b'<title>414 Request-URI Too Long</title>' in body


def test_limit_request_field_size(both):
    start(both, 'LimitRequestFieldSize 100')
    status, _, body = parse_response(
        both.raw('GET /a.txt HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n' % ('b' * 200)))
    assert status == 400
    assert b'Size of a request header field exceeds server limit.' in body


def test_limit_request_fields(both):
    start(both, 'LimitRequestFields 3')
    hdrs = ''.join('X-H%d: v\r\n' % i for i in range(5))
    status, _, body = parse_response(both.raw('GET /a.txt HTTP/1.1\r\nHost: x\r\n%s\r\n' % hdrs))
    assert status == 400
    assert b'The number of request header fields exceeds this server\'s limit.' in body


def test_header_without_colon(both):
    start(both)
    status, _, _ = parse_response(both.raw('GET /a.txt HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n'))
    assert status == 400


def test_absolute_form(both):
    start(both)
    status, _, body = parse_response(
        both.raw('GET http://localhost/a.txt HTTP/1.1\r\nHost: other\r\nConnection: close\r\n\r\n'))
    assert status == 200 and body == b'hello\n'


def test_keepalive_timeout_ms(both):
    start(both, 'KeepAlive On\nKeepAliveTimeout 300ms')
    with both.connect() as s:
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n')
        data = b''
        while b'hello\n' not in data:
            data += s.recv(4096)
        assert b'Keep-Alive: timeout=0' not in data
        t0 = time.time()
        s.settimeout(5)
        assert s.recv(10) == b''      # the server closes the idle connection
        waited = time.time() - t0
    assert 0.1 < waited < 2.0, waited


def test_keepalive_off(both):
    start(both, 'KeepAlive Off')
    raw = both.raw('GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n')
    status, headers, body = parse_response(raw)
    assert status == 200 and headers['connection'] == 'close'


def test_max_keepalive_requests(both):
    # N keep-alive requests after the first one: N + 1 in all.
    start(both, 'MaxKeepAliveRequests 2')
    req = 'GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n' * 4
    got = split_responses(both.raw(req))
    assert len(got) == 3
    assert got[2][1]['connection'] == 'close'
    assert all(g[1].get('connection') != 'close' for g in got[:2])


def test_chunked_request_body(both):
    start(both)
    body = '5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n'
    req = ('POST /a.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' + body +
           'GET /dir/x.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    got = split_responses(both.raw(req))
    assert [g[0] for g in got] == [200, 200]
    assert got[1][2] == b'x\n'


def test_bad_chunked_body(both):
    start(both)
    req = ('POST /a.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n'
           'zz\r\nhello\r\n0\r\n\r\n')
    status, headers, _ = parse_response(both.raw(req))
    assert status == 400


def test_limit_request_body(both):
    start(both, 'LimitRequestBody 10')
    req = ('POST /a.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n' + 'x' * 100)
    status, _, body = parse_response(both.raw(req))
    assert status == 413


def test_expect_100_continue(both):
    start(both)
    with both.connect() as s:
        s.sendall(b'POST /a.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n'
                  b'Expect: 100-continue\r\nConnection: close\r\n\r\n')
        s.settimeout(5)
        first = s.recv(4096)
        assert first.startswith(b'HTTP/1.1 100 Continue\r\n\r\n'), first
        s.sendall(b'abcde')
        rest = first[len(b'HTTP/1.1 100 Continue\r\n\r\n'):]
        while True:
            b = s.recv(4096)
            if not b:
                break
            rest += b
    status, _, body = parse_response(rest)
    assert status == 200 and body == b'hello\n'


def test_chunked_response_for_unknown_length(both):
    # A listing too long for one buffer goes out before its length is known.
    for i in range(300):
        both.write('dir/file-with-a-long-name-%04d.txt' % i, 'y\n')
    start(both, '<Directory @DOCROOT@/dir>\n Options +Indexes\n</Directory>')
    raw = both.raw('GET /dir/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    status, headers, body = parse_response(raw)
    assert status == 200
    assert headers.get('transfer-encoding') == 'chunked'
    assert 'content-length' not in headers
    assert body.endswith(b'\r\n0\r\n\r\n')
    # HTTP/1.0: no chunking, the end of the body is the close
    raw = both.raw('GET /dir/ HTTP/1.0\r\n\r\n')
    status, headers, body = parse_response(raw)
    assert 'transfer-encoding' not in headers and body.rstrip().endswith(b'</html>')


def test_server_tokens(both):
    start(both, 'ServerTokens Prod')
    r = both.get('/a.txt')
    assert r.header('server') == 'Apache'


def test_server_tokens_major(both):
    start(both, 'ServerTokens Major')
    assert both.get('/a.txt').header('server') == 'Apache/2'


def test_strict_rejects_bad_header_name(both):
    start(both)
    status, _, _ = parse_response(
        both.raw('GET /a.txt HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n'))
    assert status == 400


def test_invalid_host(both):
    start(both)
    status, _, _ = parse_response(both.raw('GET /a.txt HTTP/1.1\r\nHost: a b\r\n\r\n'))
    assert status == 400


def test_http09_allowed_by_default(both):
    # HttpProtocolOptions defaults to Allow0.9: the body alone, no headers.
    start(both)
    assert both.raw('GET /a.txt\r\n') == b'hello\n'


def test_http09_refused_with_require10(both):
    start(both, 'HttpProtocolOptions Require1.0')
    status, _, _ = parse_response(both.raw('GET /a.txt\r\n'))
    assert status == 400


def test_slow_client_request_timeout(both):
    start(both, 'Timeout 1')
    with both.connect() as s:
        s.sendall(b'GET /a.txt HTTP/1.1\r\n')
        s.settimeout(10)
        t0 = time.time()
        data = b''
        try:
            while True:
                b = s.recv(4096)
                if not b:
                    break
                data += b
        except (ConnectionResetError, socket.timeout):
            pass
        assert time.time() - t0 < 8


def test_body_sent_after_headers(both):
    # The body arrives in a later packet than the headers: the server waits.
    start(both)
    with both.connect() as s:
        s.sendall(b'POST /a.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n'
                  b'Connection: close\r\n\r\n')
        time.sleep(0.3)
        s.sendall(b'abcde')
        s.settimeout(5)
        data = b''
        while True:
            b = s.recv(4096)
            if not b:
                break
            data += b
    status, _, body = parse_response(data)
    assert status == 200 and body == b'hello\n'
