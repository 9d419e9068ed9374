"""The MPM-common directives of the event MPM's documentation that have
no behaviour a client can see (CoreDumpDirectory, MaxMemFree,
ThreadStackSize, ScoreBoardFile): accepted, refused and applied as
Debian's apache2 does, and the server serves with each of them."""
import os

import pytest

SMALL = ('ServerLimit 1\nStartServers 1\nThreadsPerChild 4\n'
         'MaxRequestWorkers 4\nMinSpareThreads 1\nMaxSpareThreads 8\n')


def syntax(s, body):
    s.render(body)
    r = s.run('-t')
    return r.returncode, (r.stdout + r.stderr).strip().splitlines()


@pytest.mark.parametrize('line,message', [
    ('CoreDumpDirectory /nonexistent/cores',
     'CoreDumpDirectory /nonexistent/cores does not exist'),
    ('MaxMemFree -1', 'Invalid MaxMemFree value: -1'),
])
def test_refused_with_apaches_words(both, line, message):
    rc, lines = syntax(both, line + '\n')
    assert rc != 0
    assert lines[-1] == message, lines
    assert lines[-2].startswith('AH00526: Syntax error on line '), lines


@pytest.mark.parametrize('line', [
    'CoreDumpDirectory @ROOT@/cores', 'MaxMemFree 2048', 'MaxMemFree 0',
    'ThreadStackSize 1048576', 'ScoreBoardFile logs/scoreboard',
])
def test_accepted_and_serving(both, line):
    os.makedirs(os.path.join(both.root, 'cores'), exist_ok=True)
    both.write('index.html', 'hello mpm\n')
    rc, lines = syntax(both, SMALL + line + '\n')
    assert rc == 0 and lines[-1] == 'Syntax OK', lines
    both.start(SMALL + line + '\n')
    for _ in range(20):
        r = both.get('/index.html')
        assert r.status == 200 and r.body == b'hello mpm\n'
    both.stop()
    # An anonymous scoreboard is used where the system has one: the file
    # named by ScoreBoardFile is neither left behind nor needed.
    assert not os.path.exists(os.path.join(both.root, 'logs', 'scoreboard'))
