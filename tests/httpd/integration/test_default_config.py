"""The bundled default configuration (httpd/conf/httpd.conf.in, installed
as conf/httpd.conf) serves the manual: what `bash .ci/start` runs."""
import os
import re
import shutil

from conftest import MODDIR, REPO, free_port


def install_default(s):
    """Lay out an installed tree like `meson install` does, in s.root."""
    port = free_port()
    with open(os.path.join(REPO, 'httpd', 'conf', 'httpd.conf.in')) as f:
        text = f.read()
    text = (text.replace('@PREFIX@', s.root).replace('@PORT@', str(port))
                .replace('modules/mod_', MODDIR + '/mod_'))
    text = text.replace('Listen %d' % port, 'Listen 127.0.0.1:%d' % port)
    with open(s.conf, 'w') as f:
        f.write(text)
    shutil.copy(os.path.join(REPO, 'httpd', 'conf', 'mime.types'),
                os.path.join(s.root, 'conf', 'mime.types'))
    shutil.rmtree(s.docroot)
    shutil.copytree(os.path.join(REPO, 'docs'), s.docroot)
    os.system('chmod -R a+rX %s' % s.root)
    s.port = port
    return s


def test_default_config_syntax(ours):
    install_default(ours)
    r = ours.run('-t')
    assert r.returncode == 0, r.stderr
    assert 'Syntax OK' in r.stderr


def test_default_config_serves_manual(ours):
    install_default(ours)
    import subprocess
    ours.proc = subprocess.Popen([ours.binary(), '-d', ours.root, '-f', ours.conf,
                                  '-D', 'FOREGROUND'],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ours.wait_ready()
    r = ours.get('/')
    assert r.status == 200
    assert r.header('content-type') == 'text/html'
    assert b'<html' in r.body.lower()
    r = ours.get('/style.css')
    assert r.status == 200 and r.header('content-type') == 'text/css'
    assert ours.get('/mod').status == 301
    assert ours.get('/mod/').status == 200
    assert ours.get('/no-such-page').status == 404
    # the whole file system is denied; only the document root is granted
    r = ours.get('/.htaccess')
    assert r.status in (403, 404)
    ours.stop()
    log = ours.read_log('access_log')
    assert re.search(r'"GET / HTTP/1\.1" 200 \d+', log), log
    assert os.path.exists(os.path.join(ours.root, 'logs', 'error_log'))
