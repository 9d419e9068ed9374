"""EnableExceptionHook and the fatal_exception hook, through a test module
compiled from source (modules/mod_crash.c: "SetHandler crash" dies of
SIGSEGV; its hook appends "sig=<n> pid=<p>" to CrashHookFile).

In a server built with -Dexception_hook=true (Apache's
--enable-exception-hook), EnableExceptionHook On makes the crashing child
run the hook, after moving to CoreDumpDirectory, with the signal and its
own pid; the parent replaces the child and goes on serving. With Off the
hook does not run. Built without the option, the directive does not exist
at all, as in Debian's apache2 (built without it): "Invalid command"."""
import os
import re
import resource
import time

import pytest

from conftest import DEFAULT_MODULES, OURS_BUILTIN, MODDIR
from test_third_party_module import build_root, compile_module

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, 'modules', 'mod_crash.c')
SIGSEGV = 11
INVALID = ("Invalid command 'EnableExceptionHook', perhaps misspelled or "
           "defined by a module not included in the server configuration")


def hook_compiled_in(s):
    """Whether this httpd knows EnableExceptionHook On (`httpd -t`)."""
    s.render('EnableExceptionHook On\n')
    return s.run('-t').returncode == 0


def children(ppid):
    """The pids of the processes whose parent is ppid (from /proc)."""
    found = set()
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % name) as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, split after ')'.
        if int(stat.rsplit(')', 1)[1].split()[1]) == ppid:
            found.add(int(name))
    return found


def wait_for(predicate, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def no_core():
    """Crashing children must not leave core files: the limit is inherited."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    yield
    resource.setrlimit(resource.RLIMIT_CORE, (soft, hard))


def start_crashing(s, mpm, hook):
    if not os.path.isdir(os.path.join(build_root(), 'apr')):
        pytest.skip('HTTPD_BIN is not in a build tree')
    if mpm not in OURS_BUILTIN and not os.path.exists(
            os.path.join(MODDIR, 'mod_%s.so' % mpm)):
        pytest.skip('mod_%s.so is not built' % mpm)
    if not hook_compiled_in(s):
        pytest.skip('built without -Dexception_hook=true')
    so = os.path.join(s.root, 'mod_crash.so')
    compile_module(so, SOURCE)
    os.chmod(so, 0o755)
    cores = os.path.join(s.root, 'cores')
    os.makedirs(cores)
    os.chmod(cores, 0o777)          # the children may run as www-data
    s.write('index.html', 'still here\n')
    modules = [mpm] + [m for m in DEFAULT_MODULES if not m.startswith('mpm_')]
    s.start('LogLevel notice\n'
            'LoadModule crash_module "%s"\n'
            'CoreDumpDirectory "%s"\n'
            'EnableExceptionHook %s\n'
            # Relative: found in CoreDumpDirectory only if the child is there.
            'CrashHookFile hook.log\n'
            'StartServers 2\n'
            '<Location /crash>\n  SetHandler crash\n</Location>\n'
            % (so, cores, hook), modules=modules)
    return os.path.join(cores, 'hook.log')


def crash(s):
    """Send /crash; return the pid of the child the parent saw die of it."""
    try:
        reply = s.raw('GET /crash HTTP/1.1\r\nHost: localhost\r\n\r\n')
    except ConnectionResetError:
        reply = b''
    assert reply == b''            # the child died before answering
    pattern = re.compile(r'child pid (\d+) exit signal [^\n]*\(%d\)' % SIGSEGV)
    m = wait_for(lambda: pattern.search(s.error_log()))
    assert m, s.error_log()
    return int(m.group(1))


@pytest.mark.parametrize('mpm', ['mpm_event', 'mpm_worker', 'mpm_prefork'])
def test_hook_runs_in_the_crashing_child(ours, no_core, mpm):
    hook_log = start_crashing(ours, mpm, 'On')
    server = ours.proc.pid
    before = wait_for(lambda: children(server))
    dead = crash(ours)
    assert dead in before and dead != server
    assert wait_for(lambda: os.path.exists(hook_log), 5)
    with open(hook_log) as f:
        assert f.read() == 'sig=%d pid=%d\n' % (SIGSEGV, dead)
    # The parent replaces the child and the server goes on serving.
    assert wait_for(lambda: children(server) - before), children(server)
    for _ in range(5):
        r = ours.get('/index.html')
        assert r.status == 200 and r.body == b'still here\n'
    assert ours.proc.poll() is None


def test_hook_off_does_not_run(ours, no_core):
    hook_log = start_crashing(ours, 'mpm_event', 'Off')
    crash(ours)
    time.sleep(0.2)
    assert not os.path.exists(hook_log)
    assert ours.get('/index.html').status == 200


def test_directive_arguments_and_context(ours):
    if not hook_compiled_in(ours):
        pytest.skip('built without -Dexception_hook=true')
    ours.render('EnableExceptionHook maybe\n')
    r = ours.run('-t')
    assert r.returncode != 0 and "parameter must be 'on' or 'off'" in r.stderr
    ours.render('<VirtualHost 127.0.0.1:@PORT@>\n  EnableExceptionHook On\n'
                '</VirtualHost>\n')
    r = ours.run('-t')
    assert r.returncode != 0
    assert 'EnableExceptionHook cannot occur within <VirtualHost> section' in r.stderr
    ours.render('EnableExceptionHook off\n')
    assert ours.run('-t').returncode == 0


@pytest.mark.parametrize('value', ['On', 'Off'])
def test_directive_unknown_without_the_option(both, value):
    if both.kind == 'ours' and hook_compiled_in(both):
        pytest.skip('built with -Dexception_hook=true')
    both.render('EnableExceptionHook %s\n' % value)
    r = both.run('-t')
    assert r.returncode != 0
    assert INVALID in r.stderr
