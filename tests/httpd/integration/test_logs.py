"""mod_log_config (LogFormat, CustomLog, piped loggers, env=) and the error
log (ErrorLog, ErrorLogFormat, LogLevel)."""
import os
import re
import time


def wait_for(path, pred, timeout=5):
    deadline = time.time() + timeout
    text = ''
    while time.time() < deadline:
        try:
            with open(path) as f:
                text = f.read()
            if pred(text):
                return text
        except OSError:
            pass
        time.sleep(0.05)
    return text


def test_common_and_combined(both):
    both.write('a.txt', 'hello\n')
    both.start('LogFormat "%h %l %u %t \\"%r\\" %>s %b" common\n'
               'LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined\n'
               'CustomLog logs/access_log common\nCustomLog logs/combined_log combined\n')
    both.get('/a.txt', {'Referer': 'http://ref/', 'User-Agent': 'tester/1.0'})
    both.get('/missing')
    both.stop()
    # lines are written as each exchange completes: sort them by URL
    access = sorted(both.read_log('access_log').splitlines(), key=lambda l: '/missing' in l)
    assert len(access) == 2
    ts = r'\[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\]'
    assert re.match(r'^127\.0\.0\.1 - - %s "GET /a\.txt HTTP/1\.1" 200 6$' % ts, access[0]), access[0]
    assert re.match(r'^127\.0\.0\.1 - - %s "GET /missing HTTP/1\.1" 404 \d+$' % ts, access[1])
    combined = [l for l in both.read_log('combined_log').splitlines() if '/a.txt' in l]
    assert combined[0].endswith('200 6 "http://ref/" "tester/1.0"'), combined[0]


def test_format_directives(both):
    both.write('a.txt', 'hello\n')
    both.start('LogFormat "%m|%U|%q|%H|%s|%B|%b|%v|%{local}p|%A|%a|%{X-In}i|%{Content-Type}o|%{FOO}e|%f|%X|%k|%R" t\n'
               'CustomLog logs/t_log t\n')
    both.get('/a.txt?x=1', {'X-In': 'va"l'})
    both.request('HEAD', '/missing')
    both.stop()
    lines = sorted(both.read_log('t_log').splitlines(), key=lambda l: l.startswith('HEAD'))
    f = lines[0].split('|')
    assert f[:9] == ['GET', '/a.txt', '?x=1', 'HTTP/1.1', '200', '6', '6', 'localhost',
                     str(both.port)], f
    assert f[9] == '127.0.0.1' and f[10] == '127.0.0.1'
    assert f[11] == 'va\\"l'            # escaped as Apache does
    assert f[12] == 'text/plain' and f[13] == '-'
    assert f[14] == os.path.join(both.docroot, 'a.txt')
    assert f[15] == '+'                  # connection kept alive... or '-' once closed
    g = lines[1].split('|')
    assert g[0] == 'HEAD' and g[4] == '404' and g[5] == '0' and g[6] == '-'


def test_time_and_duration(both):
    both.write('a.txt', 'hello\n')
    both.start('LogFormat "%D %T %{ms}T %{%Y}t %{sec}t %{begin:msec}t" t\nCustomLog logs/t_log t\n')
    both.get('/a.txt')
    both.stop()
    d, t, ms, year, sec, msec = both.read_log('t_log').split()
    assert int(d) >= 0 and int(t) == 0 and int(ms) >= 0
    assert year == time.strftime('%Y')
    assert abs(int(sec) - time.time()) < 30
    assert abs(int(msec) / 1000 - time.time()) < 30


def test_conditional_logging(both):
    # <LocationMatch> named groups become MATCH_<NAME> variables: log on them
    both.write('a.txt', 'hello\n')
    both.write('private/b.txt', 'b\n')
    both.start('<LocationMatch "^/(?<sec>private)/">\n  Require all granted\n</LocationMatch>\n'
               'CustomLog logs/all_log "%U"\n'
               'CustomLog logs/sec_log "%U %{MATCH_SEC}e" env=MATCH_SEC\n'
               'CustomLog logs/pub_log "%U" env=!MATCH_SEC\n')
    both.get('/a.txt')
    both.get('/private/b.txt')
    both.stop()
    assert sorted(both.read_log('all_log').split()) == ['/a.txt', '/private/b.txt']
    assert both.read_log('sec_log').splitlines() == ['/private/b.txt private']
    assert both.read_log('pub_log').split() == ['/a.txt']


def test_piped_logger(both):
    both.write('a.txt', 'hello\n')
    out = os.path.join(both.logs, 'piped_log')
    out2 = os.path.join(both.logs, 'shell_log')
    # "|prog" runs the program directly, "|$cmd" through the shell
    both.start('CustomLog "|/usr/bin/tee -a %s" "%%U %%>s"\n' % out +
               'CustomLog "|$/bin/cat >> %s" "%%U %%>s"\n' % out2)
    both.get('/a.txt')
    assert '/a.txt 200' in wait_for(out, lambda t: '/a.txt 200' in t)
    assert '/a.txt 200' in wait_for(out2, lambda t: '/a.txt 200' in t)


def test_error_log_format(both):
    both.start('LogLevel info\n')
    both.get('/missing')
    both.stop()
    log = both.error_log()
    # default ErrorLogFormat: [time] [module:level] [pid N:tid N] AHnnnnn: ...
    assert re.search(r'^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] '
                     r'\[[a-z_]+:(notice|info)\] \[pid \d+(:tid \d+)?\] AH\d{5}: ', log, re.M), log


def test_custom_error_log_format(both):
    both.start('LogLevel info\nErrorLogFormat "CUSTOM [%l] %M"\n')
    both.get('/missing')
    both.stop()
    lines = [line for line in both.error_log().splitlines() if line.startswith('CUSTOM')]
    assert lines, both.error_log()
    assert all(re.match(r'^CUSTOM \[(notice|info|warn|debug)\] ', line) for line in lines)


def test_error_log_per_module_level(both):
    both.write('d/x.txt', 'x\n')
    both.start('LogLevel warn authz_core:debug\n'
               '<Directory @DOCROOT@/d>\n Require all denied\n</Directory>\n')
    both.get('/d/x.txt')
    both.stop()
    log = both.error_log()
    assert re.search(r'\[authz_core:debug\] .*AH01626: authorization result of Require all denied: denied', log), log


def test_client_denied_logged_with_client(both):
    both.write('d/x.txt', 'x\n')
    both.start('<Directory @DOCROOT@/d>\n Require all denied\n</Directory>\n')
    both.get('/d/x.txt')
    both.stop()
    assert re.search(r'\[authz_core:error\] \[pid \d+(:tid \d+)?\] \[client 127\.0\.0\.1:\d+\] '
                     r'AH01630: client denied by server configuration: %s/d/x\.txt'
                     % re.escape(both.docroot), both.error_log()), both.error_log()
