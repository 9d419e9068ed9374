"""URL mapping and per-directory configuration: mod_alias, mod_dir,
mod_mime, containers, Options, .htaccess, ErrorDocument, mod_authz_*."""
import os
import re


def files(s):
    s.write('index.html', 'home\n')
    s.write('a.txt', 'hello\n')
    s.write('page.html', '<p>page</p>\n')
    s.write('doc.html.en', 'english\n')
    s.write('arch.tar.gz', 'gz')
    s.write('noext', 'plain?')
    s.write('d/x.txt', 'x\n')
    s.write('d/y.txt', 'y\n')
    s.write('private/secret.txt', 'secret\n')
    s.write('idx/home.htm', 'custom index\n')
    return s


# --- mod_mime ------------------------------------------------------------

def test_mime_types(both):
    types = os.path.join(both.root, 'conf', 'test.types')
    with open(types, 'w') as f:
        f.write('# comment\ntext/plain txt\ntext/html html htm\napplication/x-tar tar\n')
    files(both).start('TypesConfig "%s"\n' % types +
                      'AddType text/x-custom .cst\nAddCharset UTF-8 .utf8\n'
                      'AddLanguage de .de\nAddEncoding x-gzip .gz\n')
    both.write('f.cst', 'c')
    both.write('g.txt.utf8', 'u')
    both.write('h.html.de', 'de')
    assert both.get('/f.cst').header('content-type') == 'text/x-custom'
    assert both.get('/g.txt.utf8').header('content-type') == 'text/plain; charset=utf-8'
    r = both.get('/h.html.de')
    assert r.header('content-type') == 'text/html' and r.header('content-language') == 'de'
    r = both.get('/arch.tar.gz')
    assert r.header('content-encoding') == 'x-gzip'
    assert r.header('content-type') == 'application/x-tar'
    assert both.get('/noext').header('content-type') is None


def test_mime_case_insensitive_and_remove(both):
    files(both).start('<Directory @DOCROOT@/d>\n RemoveType .txt\n</Directory>\n')
    both.write('UPPER.TXT', 'u')
    assert both.get('/UPPER.TXT').header('content-type') == 'text/plain'
    assert both.get('/d/x.txt').header('content-type') is None


def test_force_type_and_default_charset(both):
    files(both).start('<Directory @DOCROOT@/d>\n ForceType text/html\n</Directory>\n'
                      'AddDefaultCharset utf-8\n')
    assert both.get('/d/x.txt').header('content-type') == 'text/html; charset=utf-8'
    assert both.get('/a.txt').header('content-type') == 'text/plain; charset=utf-8'


# --- mod_alias -----------------------------------------------------------

def test_alias_and_aliasmatch(both):
    files(both).start('Alias /al "@DOCROOT@/d"\nAliasMatch ^/am/(.*)\\.t$ "@DOCROOT@/d/$1.txt"\n')
    assert both.get('/al/x.txt').body == b'x\n'
    assert both.get('/am/y.t').body == b'y\n'
    assert both.get('/al/none').status == 404


def test_redirects(both):
    files(both).start('Redirect /old http://example.com/new\n'
                      'Redirect permanent /perm http://example.com/p\n'
                      'Redirect gone /gone\n'
                      'Redirect 303 /see http://example.com/s\n'
                      'RedirectMatch ^/rm/(\\d+)$ http://example.com/n/$1\n'
                      'RedirectTemp /tmp http://example.com/t\n'
                      'RedirectPermanent /p2 http://example.com/p2\n')
    r = both.get('/old/sub/file?q=1')
    assert r.status == 302 and r.header('location') == 'http://example.com/new/sub/file?q=1'
    assert b'<title>302 Found</title>' in r.body
    r = both.get('/perm')
    assert r.status == 301 and r.header('location') == 'http://example.com/p'
    assert both.get('/gone/x').status == 410
    assert both.get('/see').status == 303
    r = both.get('/rm/42')
    assert r.status == 302 and r.header('location') == 'http://example.com/n/42'
    assert both.get('/rm/x').status == 404
    assert both.get('/tmp').status == 302
    assert both.get('/p2').status == 301
    assert both.get('/oldish').status == 404  # path-segment prefix only


# --- mod_dir -------------------------------------------------------------

def test_directory_index(both):
    files(both).start('<Directory @DOCROOT@/idx>\n DirectoryIndex none.html home.htm\n</Directory>\n')
    assert both.get('/idx/').body == b'custom index\n'
    assert both.get('/').body == b'home\n'


def test_directory_slash_off(both):
    files(both).start('<Directory @DOCROOT@/d>\n DirectorySlash Off\n Options -Indexes\n</Directory>\n')
    assert both.get('/d').status == 403


def test_fallback_resource(both):
    files(both).start('<Directory @DOCROOT@>\n FallbackResource /a.txt\n</Directory>\n')
    r = both.get('/no/such/thing')
    assert r.status == 200 and r.body == b'hello\n'


# --- mod_autoindex -------------------------------------------------------

def test_autoindex(both):
    files(both).start('<Directory @DOCROOT@/d>\n Options +Indexes\n</Directory>\n')
    r = both.get('/d/')
    assert r.status == 200
    assert r.header('content-type').startswith('text/html')
    body = r.body.decode()
    assert '<title>Index of /d</title>' in body
    assert '<h1>Index of /d</h1>' in body
    assert body.index('x.txt') < body.index('y.txt')
    assert 'Parent Directory' in body
    r = both.get('/d/?C=N;O=D')
    body = r.body.decode()
    assert body.index('y.txt') < body.index('x.txt')


def test_autoindex_fancy_and_ignore(both):
    files(both).start('<Directory @DOCROOT@/d>\n Options +Indexes\n'
                      ' IndexOptions FancyIndexing HTMLTable\n IndexIgnore y.*\n</Directory>\n')
    body = both.get('/d/').body.decode()
    assert '<table>' in body and 'x.txt' in body and 'y.txt' not in body
    assert re.search(r'<a href="\?C=M;O=A">Last modified</a>', body)


def test_no_indexes_forbidden(both):
    files(both).start('<Directory @DOCROOT@/d>\n Options -Indexes\n</Directory>\n')
    r = both.get('/d/')
    assert r.status == 403
    assert b'<title>403 Forbidden</title>' in r.body


# --- containers ----------------------------------------------------------

def test_location_files_and_match(both):
    files(both).start('<Location /private>\n Require all denied\n</Location>\n'
                      '<Files "y.txt">\n Require all denied\n</Files>\n'
                      '<FilesMatch "\\.html\\.en$">\n Require all denied\n</FilesMatch>\n'
                      '<LocationMatch "^/d/x">\n Require all denied\n</LocationMatch>\n')
    assert both.get('/private/secret.txt').status == 403
    assert both.get('/d/y.txt').status == 403
    assert both.get('/doc.html.en').status == 403
    assert both.get('/d/x.txt').status == 403
    assert both.get('/a.txt').status == 200


def test_directory_match(both):
    files(both).start('<DirectoryMatch "^@DOCROOT@/(priv|d)/">\n Require all denied\n</DirectoryMatch>\n')
    assert both.get('/private/secret.txt').status == 200
    assert both.get('/d/x.txt').status == 403


def test_directory_root_denied(both):
    # the stock configuration: deny everything, grant the document root
    files(both).start('<Directory />\n Require all denied\n AllowOverride None\n</Directory>\n'
                      'Alias /outside "@ROOT@/conf"\n')
    assert both.get('/a.txt').status == 200
    assert both.get('/outside/httpd.conf').status == 403


# --- authorization -------------------------------------------------------

def test_require_ip_and_local(both):
    files(both).start('<Directory @DOCROOT@/d>\n Require ip 10.0.0.0/8\n</Directory>\n'
                      '<Directory @DOCROOT@/idx>\n Require ip 127.0.0.1\n</Directory>\n'
                      '<Directory @DOCROOT@/private>\n Require local\n</Directory>\n')
    assert both.get('/d/x.txt').status == 403
    assert both.get('/idx/home.htm').status == 200
    assert both.get('/private/secret.txt').status == 200
    assert 'AH01630: client denied by server configuration' in both.error_log()


def test_require_containers(both):
    files(both).start('<Directory @DOCROOT@/d>\n <RequireAll>\n  Require all granted\n'
                      '  Require not ip 127.0.0.1\n </RequireAll>\n</Directory>\n'
                      '<Directory @DOCROOT@/idx>\n <RequireAny>\n  Require ip 10.1.2.3\n'
                      '  Require ip 127.0.0.0/8\n </RequireAny>\n</Directory>\n'
                      '<Directory @DOCROOT@/private>\n <RequireAll>\n  Require all granted\n'
                      '  <RequireNone>\n   Require ip 127.0.0.1\n  </RequireNone>\n'
                      ' </RequireAll>\n</Directory>\n')
    assert both.get('/d/x.txt').status == 403
    assert both.get('/idx/home.htm').status == 200
    assert both.get('/private/secret.txt').status == 403


def test_require_method(both):
    files(both).start('<Directory @DOCROOT@/d>\n Require method GET\n</Directory>\n')
    assert both.get('/d/x.txt').status == 200
    assert both.request('POST', '/d/x.txt', body='a').status == 403


def test_bad_require_is_config_error(both):
    both.render('<Directory />\n Require nosuchprovider x\n</Directory>\n')
    r = both.run('-t')
    assert r.returncode != 0
    assert 'Unknown Authz provider: nosuchprovider' in r.stderr


# --- .htaccess -------------------------------------------------------------

def test_htaccess(both):
    files(both)
    both.write('d/.htaccess', 'Require all denied\n')
    both.write('idx/.htaccess', 'DirectoryIndex home.htm\n')
    both.start('<Directory @DOCROOT@>\n AllowOverride All\n</Directory>\n')
    assert both.get('/d/x.txt').status == 403
    assert both.get('/idx/').body == b'custom index\n'


def test_htaccess_not_allowed(both):
    files(both)
    both.write('d/.htaccess', 'DirectoryIndex x.txt\n')
    both.start('<Directory @DOCROOT@>\n AllowOverride AuthConfig\n</Directory>\n')
    assert both.get('/d/x.txt').status == 500
    assert 'DirectoryIndex not allowed here' in both.error_log()


def test_htaccess_ignored_with_none(both):
    files(both)
    both.write('d/.htaccess', 'Garbage here\n')
    both.start('<Directory @DOCROOT@>\n AllowOverride None\n</Directory>\n')
    assert both.get('/d/x.txt').status == 200


def test_htaccess_syntax_error(both):
    files(both)
    both.write('d/.htaccess', 'Garbage here\n')
    both.start('<Directory @DOCROOT@>\n AllowOverride All\n</Directory>\n')
    assert both.get('/d/x.txt').status == 500
    assert "Invalid command 'Garbage'" in both.error_log()


def test_allow_override_list(both):
    files(both)
    both.write('d/.htaccess', 'Redirect /d/x.txt http://example.com/\n')
    both.start('<Directory @DOCROOT@>\n AllowOverride None\n AllowOverrideList Redirect\n'
               '</Directory>\n')
    assert both.get('/d/x.txt').status == 302


def test_htaccess_files_not_served(both):
    files(both)
    both.write('d/.htaccess', 'DirectoryIndex x.txt\n')
    both.start('<Directory @DOCROOT@>\n AllowOverride All\n</Directory>\n'
               '<Files ".ht*">\n Require all denied\n</Files>\n')
    assert both.get('/d/.htaccess').status == 403


# --- ErrorDocument ---------------------------------------------------------

def test_error_document(both):
    files(both)
    both.write('err/404.html', 'custom 404\n')
    both.start('ErrorDocument 404 /err/404.html\n'
               '<Location /d>\n ErrorDocument 404 "nothing here"\n</Location>\n'
               '<Location /private>\n ErrorDocument 403 http://example.com/denied\n'
               ' Require all denied\n</Location>\n')
    r = both.get('/missing')
    assert r.status == 404 and r.body == b'custom 404\n'
    r = both.get('/d/missing')
    assert r.status == 404 and r.body == b'nothing here'
    r = both.get('/private/secret.txt')
    assert r.status == 302 and r.header('location') == 'http://example.com/denied'


def test_server_signature(both):
    files(both).start('ServerSignature On\n')
    r = both.get('/missing')
    assert re.search(rb'<address>Apache/2\.4\.\d+ \([A-Za-z]+\) Server at 127\.0\.0\.1 Port \d+</address>',
                     r.body), r.body


# --- Options ---------------------------------------------------------------

def test_options_follow_symlinks(both):
    files(both)
    os.symlink(os.path.join(both.docroot, 'a.txt'), os.path.join(both.docroot, 'd', 'link.txt'))
    both.start('<Directory @DOCROOT@/d>\n Options -FollowSymLinks\n</Directory>\n')
    assert both.get('/d/link.txt').status == 403
    assert both.get('/d/x.txt').status == 200


def test_options_mixing_error(both):
    both.render('<Directory />\n Options +Indexes FollowSymLinks\n</Directory>\n')
    r = both.run('-t')
    assert r.returncode != 0
    assert 'Either all Options must start with + or -, or no Option may.' in r.stderr
