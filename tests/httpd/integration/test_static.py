"""The static content path: default handler, ETag/Last-Modified,
conditional requests, byte ranges, directory redirects, methods."""
import email.utils
import os
import re

from conftest import parse_response

BODY_1K = ''.join(chr(ord('a') + i % 26) for i in range(1024))


def start(s, extra=''):
    s.write('index.html', '<h1>home</h1>\n')
    s.write('a.txt', BODY_1K)
    s.write('sub/page.html', 'sub page\n')
    s.start(extra)
    return s


def test_get_file(both):
    start(both)
    r = both.get('/a.txt')
    assert r.status == 200
    assert r.body == BODY_1K.encode()
    assert r.header('content-length') == '1024'
    assert r.header('content-type') == 'text/plain'
    assert r.header('accept-ranges') == 'bytes'
    assert re.match(r'^"[0-9a-f]+-[0-9a-f]+"$', r.header('etag')), r.header('etag')
    mtime = os.stat(os.path.join(both.docroot, 'a.txt')).st_mtime
    assert r.header('last-modified') == email.utils.formatdate(int(mtime), usegmt=True)
    assert email.utils.parsedate_to_datetime(r.header('date'))
    assert r.header('server').startswith('Apache')


def test_head_has_headers_no_body(both):
    start(both)
    raw = both.raw('HEAD /a.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
    status, headers, body = parse_response(raw)
    assert status == 200
    assert headers['content-length'] == '1024'
    assert body == b''


def test_index_and_404(both):
    start(both)
    r = both.get('/')
    assert r.status == 200 and r.body == b'<h1>home</h1>\n'
    r = both.get('/nope.html')
    assert r.status == 404
    assert b'<title>404 Not Found</title>' in r.body
    assert b'The requested URL was not found on this server.' in r.body
    assert r.header('content-type') == 'text/html; charset=iso-8859-1'


def test_directory_redirect(both):
    start(both)
    r = both.get('/sub')
    assert r.status == 301
    # UseCanonicalName Off: the name and port the client used (Host header)
    assert r.header('location') == 'http://127.0.0.1:%d/sub/' % both.port
    assert b'<title>301 Moved Permanently</title>' in r.body
    r = both.get('/sub?x=1')
    assert r.status == 301
    assert r.header('location') == 'http://127.0.0.1:%d/sub/?x=1' % both.port
    r = both.get('/sub', {'Host': 'www.example.com'})
    assert r.header('location') == 'http://www.example.com/sub/'


def test_if_none_match_and_modified_since(both):
    start(both)
    r = both.get('/a.txt')
    etag, lm = r.header('etag'), r.header('last-modified')
    r = both.get('/a.txt', {'If-None-Match': etag})
    assert r.status == 304 and r.body == b''
    assert r.header('etag') == etag
    r = both.get('/a.txt', {'If-None-Match': '"other"'})
    assert r.status == 200
    r = both.get('/a.txt', {'If-Modified-Since': lm})
    assert r.status == 304
    r = both.get('/a.txt', {'If-Modified-Since': 'Thu, 01 Jan 1998 00:00:00 GMT'})
    assert r.status == 200
    # If-None-Match wins over If-Modified-Since
    r = both.get('/a.txt', {'If-None-Match': '"other"', 'If-Modified-Since': lm})
    assert r.status == 200


def test_if_match_and_unmodified_since(both):
    start(both)
    r = both.get('/a.txt')
    etag = r.header('etag')
    assert both.get('/a.txt', {'If-Match': etag}).status == 200
    assert both.get('/a.txt', {'If-Match': '*'}).status == 200
    assert both.get('/a.txt', {'If-Match': '"nope"'}).status == 412
    old = 'Thu, 01 Jan 1998 00:00:00 GMT'
    assert both.get('/a.txt', {'If-Unmodified-Since': old}).status == 412
    assert both.get('/a.txt', {'If-Unmodified-Since': r.header('last-modified')}).status == 200


def test_single_range(both):
    start(both)
    r = both.get('/a.txt', {'Range': 'bytes=0-9'})
    assert r.status == 206
    assert r.body == BODY_1K[:10].encode()
    assert r.header('content-range') == 'bytes 0-9/1024'
    assert r.header('content-length') == '10'
    r = both.get('/a.txt', {'Range': 'bytes=-5'})
    assert r.status == 206 and r.body == BODY_1K[-5:].encode()
    r = both.get('/a.txt', {'Range': 'bytes=1000-'})
    assert r.status == 206 and r.body == BODY_1K[1000:].encode()
    assert r.header('content-range') == 'bytes 1000-1023/1024'


def test_multi_range(both):
    start(both)
    r = both.get('/a.txt', {'Range': 'bytes=0-1,10-11'})
    assert r.status == 206
    ct = r.header('content-type')
    m = re.match(r'multipart/byteranges; boundary=(\S+)$', ct)
    assert m, ct
    boundary = m.group(1).encode()
    parts = r.body.split(b'--' + boundary)
    assert parts[-1].strip() == b'--'
    assert b'Content-range: bytes 0-1/1024' in parts[1]
    assert parts[1].endswith(b'\r\n\r\nab\r\n')
    assert b'Content-range: bytes 10-11/1024' in parts[2]
    assert parts[2].endswith(b'\r\n\r\nkl\r\n')
    assert int(r.header('content-length')) == len(r.body)


def test_unsatisfiable_and_invalid_range(both):
    start(both)
    r = both.get('/a.txt', {'Range': 'bytes=5000-6000'})
    assert r.status == 416
    assert b'<title>416 Requested Range Not Satisfiable</title>' in r.body
    # A syntactically invalid Range is ignored: the whole entity.
    r = both.get('/a.txt', {'Range': 'bytes=abc'})
    assert r.status == 200 and len(r.body) == 1024
    r = both.get('/a.txt', {'Range': 'pages=1-2'})
    assert r.status == 200


def test_if_range(both):
    start(both)
    etag = both.get('/a.txt').header('etag')
    r = both.get('/a.txt', {'Range': 'bytes=0-3', 'If-Range': etag})
    assert r.status == 206 and r.body == b'abcd'
    r = both.get('/a.txt', {'Range': 'bytes=0-3', 'If-Range': '"stale"'})
    assert r.status == 200 and len(r.body) == 1024


def test_max_ranges(both):
    start(both, '<Location />\n MaxRanges 1\n</Location>')
    r = both.get('/a.txt', {'Range': 'bytes=0-1,10-11'})
    assert r.status == 200 and len(r.body) == 1024
    both.stop()


def test_max_ranges_none(both):
    start(both, 'MaxRanges none')
    r = both.get('/a.txt', {'Range': 'bytes=0-1'})
    assert r.status == 200
    assert r.header('accept-ranges') == 'none'


def test_methods(both):
    start(both)
    # The default handler answers POST to a file with the file, as 2.4 does.
    r = both.request('POST', '/a.txt', body='x=1',
                     headers={'Content-Type': 'application/x-www-form-urlencoded'})
    assert r.status == 200 and len(r.body) == 1024
    r = both.request('PUT', '/a.txt', body='x=1')
    assert r.status == 405
    assert 'GET' in r.header('allow')
    r = both.request('DELETE', '/a.txt')
    assert r.status == 405
    r = both.request('OPTIONS', '/a.txt')
    assert r.status == 200
    assert set(x.strip() for x in r.header('allow').split(',')) >= {'GET', 'HEAD', 'OPTIONS'}
    r = both.request('TRACE', '/a.txt')
    assert r.status == 200
    assert r.header('content-type') == 'message/http'
    assert r.body.startswith(b'TRACE /a.txt HTTP/1.1\r\n')


def test_trace_disabled(both):
    start(both, 'TraceEnable off')
    r = both.request('TRACE', '/a.txt')
    assert r.status == 405


def test_accept_path_info(both):
    start(both, '<Directory @DOCROOT@/sub>\n AcceptPathInfo On\n</Directory>')
    assert both.get('/a.txt/extra').status == 404
    r = both.get('/sub/page.html/extra')
    assert r.status == 200 and r.body == b'sub page\n'


def test_file_etag_none(both):
    start(both, 'FileETag None')
    r = both.get('/a.txt')
    assert r.status == 200 and r.header('etag') is None


def test_file_etag_size(both):
    start(both, 'FileETag Size')
    r = both.get('/a.txt')
    assert r.header('etag') == '"400"'


def test_etag_changes_with_content(both):
    start(both)
    e1 = both.get('/a.txt').header('etag')
    both.write('a.txt', BODY_1K + 'x', age=50)
    r = both.get('/a.txt')
    assert r.header('etag') != e1 and len(r.body) == 1025


def test_large_file_sendfile_and_mmap(both):
    data = os.urandom(3 * 1024 * 1024 + 17)
    both.write('big.bin', data)
    start(both, 'EnableSendfile On\nEnableMMAP Off')
    r = both.get('/big.bin')
    assert r.status == 200 and r.body == data
    assert r.header('content-type') == 'application/octet-stream'


def test_large_file_without_sendfile(both):
    data = os.urandom(1024 * 1024 + 3)
    both.write('big.bin', data)
    start(both, 'EnableSendfile Off\nEnableMMAP On')
    r = both.get('/big.bin')
    assert r.status == 200 and r.body == data


def test_recent_file_weak_etag(both):
    start(both)
    both.write('fresh.txt', 'new\n', age=0)
    r = both.get('/fresh.txt')
    assert r.header('etag').startswith('W/"'), r.header('etag')
