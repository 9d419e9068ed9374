"""The command line (-t -v -V -l -M -S -D ...) and the configuration
language: syntax errors, Include, Define/${VAR}, <If*> sections."""
import os
import re


def check(s, body, modules=None):
    s.render(body, modules)
    return s.run('-t')


def test_syntax_ok(both):
    r = check(both, '')
    assert r.returncode == 0, r.stderr
    assert 'Syntax OK' in r.stderr


def test_unknown_directive(both):
    r = check(both, '\nBogusDirective x\n')
    assert r.returncode != 0
    lines = open(both.conf).read().split('\n')
    n = lines.index('BogusDirective x') + 1
    assert re.search(r'Syntax error on line %d of %s:' % (n, re.escape(both.conf)), r.stderr), r.stderr
    assert ("Invalid command 'BogusDirective', perhaps misspelled or defined by a module "
            "not included in the server configuration") in r.stderr


def test_wrong_argument_count(both):
    r = check(both, 'ServerAdmin\n')
    assert r.returncode != 0
    assert 'ServerAdmin takes one argument' in r.stderr


def test_flag_argument(both):
    r = check(both, 'EnableSendfile maybe\n')
    assert r.returncode != 0
    assert "parameter must be 'on' or 'off'" in r.stderr


def test_directive_in_wrong_context(both):
    r = check(both, '<Directory />\n  Listen 9999\n</Directory>\n')
    assert r.returncode != 0
    assert 'Listen not allowed in <Directory> context' in r.stderr


def test_unclosed_section(both):
    r = check(both, '<Directory />\nOptions None\n')
    assert r.returncode != 0
    assert re.search(r': Syntax error on line \d+ of %s: %s:\d+: <Directory> was not closed\.'
                     % (re.escape(both.conf), re.escape(both.conf)), r.stderr), r.stderr


def test_mismatched_close(both):
    r = check(both, '<Directory />\n</Location>\n')
    assert r.returncode != 0
    assert 'Expected </Directory> but saw </Location>' in r.stderr


def test_line_continuation_and_quotes(both):
    both.write('a.txt', 'hello\n')
    both.start('Alias "/with space" \\\n    "@DOCROOT@/a.txt"\n')
    r = both.get('/with%20space')
    assert r.status == 200 and r.body == b'hello\n'


def test_define_and_variables(both):
    both.write('a.txt', 'hello\n')
    both.start('Define MYDIR a.txt\nAlias /v "@DOCROOT@/${MYDIR}"\n'
               '<IfDefine MYDIR>\n Alias /d "@DOCROOT@/a.txt"\n</IfDefine>\n'
               '<IfDefine !MYDIR>\n Alias /n "@DOCROOT@/a.txt"\n</IfDefine>\n')
    assert both.get('/v').status == 200
    assert both.get('/d').status == 200
    assert both.get('/n').status == 404


def test_environment_variable(both, monkeypatch):
    monkeypatch.setenv('HTTPD_TEST_FILE', 'a.txt')
    both.write('a.txt', 'hello\n')
    both.start('Alias /e "@DOCROOT@/${HTTPD_TEST_FILE}"\n')
    assert both.get('/e').status == 200


def test_command_line_define(both):
    both.render('<IfDefine FOO>\n  Bogus\n</IfDefine>\n')
    assert both.run('-t').returncode == 0
    r = both.run('-t', '-D', 'FOO')
    assert r.returncode != 0 and "Invalid command 'Bogus'" in r.stderr


def test_ifmodule_both_spellings(both):
    both.write('a.txt', 'hello\n')
    both.start('<IfModule mod_mime.c>\n Alias /m1 "@DOCROOT@/a.txt"\n</IfModule>\n'
               '<IfModule mime_module>\n Alias /m2 "@DOCROOT@/a.txt"\n</IfModule>\n'
               '<IfModule !mod_nonexistent.c>\n Alias /m3 "@DOCROOT@/a.txt"\n</IfModule>\n'
               '<IfModule mod_nonexistent.c>\n Bogus\n</IfModule>\n')
    for p in ('/m1', '/m2', '/m3'):
        assert both.get(p).status == 200, p


def test_ifdirective_and_iffile(both):
    both.write('a.txt', 'hello\n')
    both.start('<IfDirective Alias>\n Alias /i1 "@DOCROOT@/a.txt"\n</IfDirective>\n'
               '<IfDirective !NoSuchDirective>\n Alias /i2 "@DOCROOT@/a.txt"\n</IfDirective>\n'
               '<IfFile htdocs/a.txt>\n Alias /i3 "@DOCROOT@/a.txt"\n</IfFile>\n'
               '<IfFile !htdocs/none.txt>\n Alias /i4 "@DOCROOT@/a.txt"\n</IfFile>\n'
               '<IfFile htdocs/none.txt>\n Bogus\n</IfFile>\n')
    for p in ('/i1', '/i2', '/i3', '/i4'):
        assert both.get(p).status == 200, p


def test_include_wildcard_and_directory(both):
    both.write('a.txt', 'hello\n')
    confd = os.path.join(both.root, 'conf', 'conf.d')
    os.makedirs(confd, exist_ok=True)
    for name, path in (('10-a.conf', '/inc1'), ('20-b.conf', '/inc2'), ('skip.txt', None)):
        with open(os.path.join(confd, name), 'w') as f:
            f.write('Alias %s "%s/a.txt"\n' % (path, both.docroot) if path else 'Bogus\n')
    sub = os.path.join(both.root, 'conf', 'dir.d')
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, 'x.conf'), 'w') as f:
        f.write('Alias /inc3 "%s/a.txt"\n' % both.docroot)
    both.start('Include conf/conf.d/*.conf\nInclude conf/dir.d\n'
               'IncludeOptional conf/nothing/*.conf\n')
    for p in ('/inc1', '/inc2', '/inc3'):
        assert both.get(p).status == 200, p


def test_include_missing_file_is_error(both):
    r = check(both, 'Include conf/does-not-exist.conf\n')
    assert r.returncode != 0
    assert 'does-not-exist.conf' in r.stderr


def test_no_mpm_loaded(both):
    both.render('', modules=['authz_core'])
    r = both.run('-t')
    assert r.returncode != 0
    assert 'No MPM loaded' in r.stderr


def test_version(ours):
    ours.render('')
    r = ours.run('-v')
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert re.match(r'^Server version: Apache/2\.4\.(\d+) \(Unix\)$', lines[0]), lines
    assert int(re.match(r'.*2\.4\.(\d+)', lines[0]).group(1)) >= 60
    assert lines[1].startswith('Server built:   ')


def test_compile_settings(both):
    both.render('')
    r = both.run('-V')
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert re.search(r"^Server's Module Magic Number: 20120211:\d+$", out, re.M)
    assert re.search(r'^Server MPM:     event$', out, re.M), out
    assert re.search(r'^  threaded:     yes', out, re.M)
    for d in ('HTTPD_ROOT', 'SERVER_CONFIG_FILE', 'DEFAULT_PIDLOG', 'DEFAULT_ERRORLOG',
              'AP_TYPES_CONFIG_FILE'):
        assert re.search(r'^ -D %s="[^"]+"$' % d, out, re.M), d


def test_list_static_modules(both):
    r = both.run('-l')
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[0] == 'Compiled in modules:'
    assert '  core.c' in lines and '  mod_so.c' in lines and '  http_core.c' in lines


def test_list_loaded_modules(both):
    both.render('')
    r = both.run('-M')
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == 'Loaded Modules:'
    assert ' core_module (static)' in lines
    assert ' mpm_event_module (shared)' in lines
    assert ' mime_module (shared)' in lines


def test_dump_vhosts(both):
    both.render('<VirtualHost 127.0.0.1:@PORT@>\n ServerName a.example\n</VirtualHost>\n')
    r = both.run('-S')
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert 'VirtualHost configuration:' in out
    assert re.search(r'^127\.0\.0\.1:%d +a\.example \(%s:\d+\)$' % (both.port, re.escape(both.conf)),
                     out, re.M), out
    assert 'ServerRoot: "%s"' % both.root in out
    assert 'Main DocumentRoot: "%s"' % both.docroot in out


def test_list_directives(both):
    both.render('')
    r = both.run('-L')
    assert r.returncode == 0
    assert re.search(r'^DocumentRoot \(core\.c\)$', r.stdout, re.M), r.stdout[:500]


def test_help(both):
    r = both.run('-h')
    assert 'Usage:' in r.stdout + r.stderr
    assert '-k start|restart|graceful|graceful-stop|stop' in r.stdout + r.stderr
