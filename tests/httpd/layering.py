#!/usr/bin/env python3
"""The layering rule (DESIGN.md): code in httpd/ and fcgistarter/ reaches the
operating system only through apr/apr-util; only httpd/os/<os>/ may include
system headers. Prints each offending #include and exits 1; exits 0 when
there is none. `--self-test` first proves the check catches a violation."""
import os
import re
import sys
import tempfile

# Standard C headers carry no OS dependency.
C_STD = {'assert.h', 'ctype.h', 'errno.h', 'float.h', 'inttypes.h', 'limits.h',
         'locale.h', 'math.h', 'setjmp.h', 'stdarg.h', 'stdbool.h', 'stddef.h',
         'stdint.h', 'stdio.h', 'stdlib.h', 'string.h', 'time.h', 'wchar.h',
         'wctype.h', 'stdalign.h', 'stdnoreturn.h', 'iso646.h'}
# Libraries the design names, and the test framework.
LIBS = re.compile(r'^(pcre2\.h|openssl/|lua\.h|lauxlib\.h|lualib\.h|zlib\.h|expat\.h|check\.h)')
# Our own headers (runtime and server), whether included with <> or "".
PROJECT = re.compile(r'^(apr|apu|ap_|http|mod_|util_|mpm_|scoreboard|unixd|os\.h|'
                     r'fcgi|[a-z0-9_]+_private\.h)[^/]*\.h$')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SCANNED = ('httpd', 'fcgistarter')
EXEMPT = os.path.join('httpd', 'os') + os.sep


def project_headers(root):
    names = set()
    for top in SCANNED + ('apr', 'apr-util'):
        for _, _, files in os.walk(os.path.join(root, top)):
            names.update(f for f in files if f.endswith('.h'))
    return names


def offending(root):
    bad = []
    ours = project_headers(root)
    for top in SCANNED:
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            if (os.path.relpath(dirpath, root) + os.sep).startswith(EXEMPT):
                continue
            for name in sorted(f for f in files if f.endswith(('.c', '.h', '.in'))):
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    for no, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        quote, hdr = m.groups()
                        if hdr in C_STD or LIBS.match(hdr) or PROJECT.match(hdr):
                            continue
                        if quote == '"' and hdr in ours:
                            continue  # one of ours, beside the sources
                        bad.append('%s:%d: %s' % (os.path.relpath(path, root), no,
                                                  line.strip()))
    return bad


def self_test():
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, 'httpd', 'server'))
        os.makedirs(os.path.join(d, 'httpd', 'os', 'unix'))
        with open(os.path.join(d, 'httpd', 'server', 'x.c'), 'w') as f:
            f.write('#include "httpd.h"\n#include <apr_network_io.h>\n#include <string.h>\n'
                    '#include <sys/socket.h>\n# include <pthread.h>\n#include "unistd.h"\n')
        with open(os.path.join(d, 'httpd', 'os', 'unix', 'unixd.c'), 'w') as f:
            f.write('#include <unistd.h>\n')
        got = offending(d)
        assert len(got) == 3 and all('server/x.c' in g for g in got), got


if __name__ == '__main__':
    args = sys.argv[1:]
    if args[:1] == ['--self-test']:
        self_test()
        args = args[1:]
    root = os.path.abspath(args[0] if args else
                           os.path.join(os.path.dirname(__file__), '..', '..'))
    bad = offending(root)
    for b in bad:
        print('layering: OS header outside httpd/os/:', b)
    print('layering: %d offending include line(s) in %s' % (len(bad), ', '.join(SCANNED)))
    sys.exit(1 if bad else 0)
