"""Virtual hosts, and the server's life: PidFile, -k stop/graceful,
SIGTERM, start-up errors."""
import os
import re
import signal
import socket
import subprocess
import time

from conftest import free_port, parse_response


def vhost_files(s):
    for name in ('main', 'a', 'b', 'wild', 'ip'):
        s.write('%s/who.txt' % name, name + '\n')


VHOSTS = '''
<VirtualHost *:@PORT@>
  ServerName a.example
  DocumentRoot "@DOCROOT@/a"
</VirtualHost>
<VirtualHost *:@PORT@>
  ServerName b.example
  ServerAlias www.b.example *.wild.example
  DocumentRoot "@DOCROOT@/b"
</VirtualHost>
'''


def who(s, host):
    status, _, body = parse_response(s.raw('GET /who.txt HTTP/1.1\r\nHost: %s\r\n'
                                           'Connection: close\r\n\r\n' % host))
    return status, body.decode().strip()


def test_name_based(both):
    vhost_files(both)
    both.start(VHOSTS)
    assert who(both, 'a.example') == (200, 'a')
    assert who(both, 'A.EXAMPLE:%d' % both.port) == (200, 'a')
    assert who(both, 'b.example') == (200, 'b')
    assert who(both, 'www.b.example') == (200, 'b')
    assert who(both, 'x.wild.example') == (200, 'b')
    # unknown name: the first vhost of the address is the default
    assert who(both, 'unknown.example') == (200, 'a')


def test_ip_based_and_main_server(both):
    vhost_files(both)
    p2 = free_port()
    both.start('Listen 127.0.0.1:%d\n<VirtualHost 127.0.0.1:%d>\n ServerName ip.example\n'
               ' DocumentRoot "@DOCROOT@/ip"\n</VirtualHost>\n' % (p2, p2))
    with socket.create_connection(('127.0.0.1', p2)) as s:
        s.sendall(b'GET /who.txt HTTP/1.1\r\nHost: whatever\r\nConnection: close\r\n\r\n')
        data = b''
        while True:
            b = s.recv(4096)
            if not b:
                break
            data += b
    assert parse_response(data)[2] == b'ip\n'
    # the main server still answers on its own port
    assert both.get('/main/who.txt').body == b'main\n'


def test_pid_file_and_sigterm_frees_port(both):
    both.write('a.txt', 'a\n')
    both.start()
    pidfile = os.path.join(both.logs, 'httpd.pid')
    deadline = time.time() + 5   # written as the MPM starts, maybe after listen()
    while time.time() < deadline and not os.path.exists(pidfile):
        time.sleep(0.05)
    pid = int(open(pidfile).read().strip())
    assert pid == both.proc.pid
    both.proc.send_signal(signal.SIGTERM)
    both.proc.wait(timeout=10)
    t0 = time.time()
    while time.time() - t0 < 5:
        try:
            # SO_REUSEADDR as a restarted server would: a connection left in
            # TIME_WAIT does not count, a listening socket does.
            with socket.socket() as s:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(('127.0.0.1', both.port))
                s.listen(1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise AssertionError('port still in use after SIGTERM')
    assert not os.path.exists(pidfile)


def test_k_stop_and_graceful(both):
    both.write('a.txt', 'a\n')
    both.write('b.txt', 'b\n')
    both.render('Alias /x "@DOCROOT@/a.txt"\n')
    r = both.run('-k', 'start')
    assert r.returncode == 0, r.stderr + both.error_log()
    try:
        pidfile = os.path.join(both.logs, 'httpd.pid')
        deadline = time.time() + 10
        while not os.path.exists(pidfile) and time.time() < deadline:
            time.sleep(0.05)
        pid = int(open(pidfile).read())
        both.proc = None
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                if both.get('/x').body == b'a\n':
                    break
            except OSError:
                time.sleep(0.05)
        assert both.get('/x').body == b'a\n'
        r = both.run('-k', 'start')
        assert 'already running' in r.stdout + r.stderr
        # graceful restart re-reads the configuration
        both.render('Alias /x "@DOCROOT@/b.txt"\n')
        assert both.run('-k', 'graceful').returncode == 0
        deadline = time.time() + 10
        body = None
        while time.time() < deadline:
            try:
                body = both.get('/x').body
                if body == b'b\n':
                    break
            except OSError:
                pass
            time.sleep(0.1)
        assert body == b'b\n'
        assert int(open(pidfile).read()) == pid     # the same parent
    finally:
        r = both.run('-k', 'stop')
    assert r.returncode == 0
    deadline = time.time() + 10
    while os.path.exists(pidfile) and time.time() < deadline:
        time.sleep(0.1)
    assert not os.path.exists(pidfile)
    r = both.run('-k', 'stop')
    assert 'not running' in r.stdout + r.stderr


def test_port_in_use(both):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(('127.0.0.1', 0))
        s.listen(1)
        both.port = s.getsockname()[1]
        both.render('')
        p = subprocess.run([both.binary(), '-d', both.root, '-f', both.conf, '-D', 'FOREGROUND'],
                           capture_output=True, text=True, timeout=20)
    assert p.returncode != 0
    text = p.stderr + both.error_log()
    assert re.search(r'could not bind to address 127\.0\.0\.1:%d' % both.port, text), text
    assert 'no listening sockets available, shutting down' in text


def test_runs_unprivileged(ours):
    # Started by an ordinary user, the server keeps that user (User/Group
    # only apply when started as root).
    import pytest
    if os.geteuid() != 0:
        pytest.skip('needs root to switch to an unprivileged user first')
    ours.write('a.txt', 'a\n')
    ours.render('')
    os.system('chown -R nobody:nogroup %s' % ours.root)

    def drop():
        os.setgid(65534)
        os.setuid(65534)
    ours.proc = subprocess.Popen([ours.binary(), '-d', ours.root, '-f', ours.conf,
                                  '-D', 'FOREGROUND'], preexec_fn=drop,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ours.wait_ready()
    assert ours.get('/a.txt').body == b'a\n'
    pids = [ours.proc.pid] + [int(p) for p in subprocess.run(
        ['pgrep', '-P', str(ours.proc.pid)], capture_output=True, text=True).stdout.split()]
    for p in pids:
        with open('/proc/%d/status' % p) as f:
            uid_line = [l for l in f if l.startswith('Uid:')][0]
        assert uid_line.split()[1] == '65534', (p, uid_line)


def test_one_process_mode(ours):
    # -X: one process, no children, no detaching
    ours.write('a.txt', 'a\n')
    ours.render('')
    ours.proc = subprocess.Popen([ours.binary(), '-d', ours.root, '-f', ours.conf, '-X'],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ours.wait_ready()
    assert ours.get('/a.txt').body == b'a\n'
    children = subprocess.run(['pgrep', '-P', str(ours.proc.pid)], capture_output=True,
                              text=True).stdout.split()
    assert children == []


def test_children_run_as_user(ours):
    import pytest
    if os.geteuid() != 0:
        pytest.skip('only root switches users')
    ours.write('a.txt', 'a\n')
    ours.start()
    assert ours.get('/a.txt').status == 200
    children = [int(p) for p in subprocess.run(['pgrep', '-P', str(ours.proc.pid)],
                                               capture_output=True, text=True).stdout.split()]
    assert children
    for p in children:
        with open('/proc/%d/status' % p) as f:
            uid = [l for l in f if l.startswith('Uid:')][0].split()[1]
        assert uid == '33'   # www-data
