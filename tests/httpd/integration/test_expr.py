"""<If>/<ElseIf>/<Else> sections and expression conditions (ap_expr),
compared with Debian's apache2."""


def files(s):
    s.write('a.txt', 'hello\n')
    s.write('d/x.txt', 'x\n')


def test_if_elseif_else(both):
    files(both)
    both.start('<Directory @DOCROOT@/d>\n'
               ' <If "%{QUERY_STRING} == \'deny\'">\n  Require all denied\n </If>\n'
               ' <ElseIf "%{HTTP:X-Mode} =~ /^gone/">\n  Redirect gone /d/x.txt\n </ElseIf>\n'
               ' <Else>\n  ForceType text/x-else\n </Else>\n'
               '</Directory>\n')
    assert both.get('/d/x.txt?deny').status == 403
    assert both.get('/d/x.txt', {'X-Mode': 'gone-now'}).status == 410
    r = both.get('/d/x.txt')
    assert r.status == 200 and r.header('content-type') == 'text/x-else'


def test_if_in_server_context_and_functions(both):
    files(both)
    both.start('<If "tolower(%{HTTP_HOST}) -strmatch \'special*\'">\n'
               '  ForceType text/x-special\n</If>\n'
               '<If "%{REQUEST_URI} -in {\'/a.txt\', \'/b.txt\'} && -f %{REQUEST_FILENAME}">\n'
               '  AddDefaultCharset utf-8\n</If>\n')
    r = both.get('/a.txt', {'Host': 'SPECIAL.example'})
    assert r.header('content-type') == 'text/x-special'  # charset: text/plain|html only
    r = both.get('/a.txt')
    assert r.header('content-type') == 'text/plain; charset=utf-8'
    r = both.get('/d/x.txt')
    assert r.header('content-type') == 'text/plain'


def test_require_expr(both):
    files(both)
    both.start('<Directory @DOCROOT@/d>\n  Require expr "%{REQUEST_METHOD} == \'GET\' && '
               '%{REMOTE_ADDR} -ipmatch \'127.0.0.0/8\'"\n</Directory>\n')
    assert both.get('/d/x.txt').status == 200
    assert both.request('POST', '/d/x.txt', body='z').status == 403


def test_bad_expression_is_config_error(both):
    both.render('<If "%{REQUEST_URI} ==">\n</If>\n')
    r = both.run('-t')
    assert r.returncode != 0
    assert 'Cannot parse condition clause:' in r.stderr


def test_else_without_if(both):
    both.render('<Else>\n</Else>\n')
    r = both.run('-t')
    assert r.returncode != 0
    assert '<Else> or <ElseIf> section without previous <If> or <ElseIf> section in same scope' \
        in r.stderr


def test_unknown_variable(both):
    both.render('<If "%{NO_SUCH_VARIABLE} == \'x\'">\n</If>\n')
    r = both.run('-t')
    assert r.returncode != 0
    assert "Variable 'NO_SUCH_VARIABLE' does not exist" in r.stderr


def test_expr_conditional_logging(both):
    files(both)
    both.start('CustomLog logs/expr_log "%U %>s" "expr=%{REQUEST_STATUS} -ge 400"\n')
    both.get('/a.txt')
    both.get('/missing')
    both.stop()
    assert both.read_log('expr_log').split() == ['/missing', '404']


def test_vary_from_header_condition(both):
    files(both)
    both.start('<If "%{HTTP:X-Flavour} == \'a\'">\n  ForceType text/x-a\n</If>\n')
    r = both.get('/a.txt', {'X-Flavour': 'a'})
    assert r.header('content-type') == 'text/x-a'
    assert 'X-Flavour' in r.header('vary')
