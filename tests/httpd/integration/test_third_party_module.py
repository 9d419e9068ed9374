"""A module written against the httpd 2.4 API (tests/install/mod_hello.c),
compiled from its source against our headers, loaded with LoadModule and
serving requests: the module API is source-compatible."""
import os
import subprocess

import pytest

from conftest import HTTPD, REPO


def build_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(HTTPD)))


def compile_module(out, source=os.path.join(REPO, 'tests', 'install', 'mod_hello.c')):
    """Compile one module source file against the build tree's headers."""
    b = build_root()
    incs = [os.path.join(REPO, 'httpd', 'include'), os.path.join(b, 'httpd', 'include'),
            os.path.join(REPO, 'httpd', 'os', 'unix'), os.path.join(REPO, 'apr', 'include'),
            os.path.join(b, 'apr'), os.path.join(REPO, 'apr-util', 'include'),
            os.path.join(b, 'apr-util')]
    cmd = (['cc', '-std=c11', '-Wall', '-Werror', '-shared', '-fPIC', '-D_GNU_SOURCE']
           + ['-I' + i for i in incs]
           + [source, '-o', out])
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_hello_module(ours):
    if not os.path.isdir(os.path.join(build_root(), 'apr')):
        pytest.skip('HTTPD_BIN is not in a build tree')
    so = os.path.join(ours.root, 'mod_hello.so')
    compile_module(so)
    os.chmod(so, 0o755)
    ours.start('LoadModule hello_module "%s"\n'
               '<Location /hello>\n  SetHandler hello\n</Location>\n'
               '<Location /hello/fr>\n  HelloGreeting bonjour\n</Location>\n' % so)
    r = ours.get('/hello/x')
    assert r.status == 200 and r.body == b'hello from /hello/x\n'
    assert r.header('content-type') == 'text/plain'
    r = ours.get('/hello/fr/y')
    assert r.body == b'bonjour from /hello/fr/y\n'
    r = ours.run('-M')
    assert ' hello_module (shared)' in r.stdout
