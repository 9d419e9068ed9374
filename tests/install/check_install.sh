#!/usr/bin/env bash
# Installs the build into a scratch directory and uses the installed runtime
# the ways README.md promises:
#   1. every installed public header compiles on its own (C99, C11 and, when
#      a C++ compiler is there, C++11; -Wpedantic -Werror);
#   2. programs build with `pkg-config --cflags --libs apr-1` and
#      `... apr-util-1` and run;
#   3. the server's module API: every installed httpd header compiles on its
#      own, and a third-party module (mod_hello.c) builds against the
#      installed headers alone and is loaded by the installed httpd (-t);
#   4. a meson project takes the runtime as a subproject and runs the same
#      program (skipped when MESON_SUBPROJECT_TEST=0, it configures anew).
# Usage: check_install.sh SOURCE_ROOT BUILD_ROOT
set -euo pipefail
src=$1 build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet
pc=$(find "$tmp/root" -name apr-1.pc | head -n 1)
[ -n "$pc" ] || { echo "apr-1.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc") PKG_CONFIG_SYSROOT_DIR="$tmp/root"
cflags=$(pkg-config --cflags apr-1)
libs=$(pkg-config --libs apr-1)
# pkgconf prefixes variables with the sysroot, older pkg-config does not.
in_root() { case "$1" in "$tmp/root"/*) echo "$1" ;; *) echo "$tmp/root$1" ;; esac; }
incdir=$(in_root "$(pkg-config --variable=includedir apr-1)")
libdir=$(in_root "$(pkg-config --variable=libdir apr-1)")
cc=${CC:-cc}
cxx=$(command -v "${CXX:-c++}" || true)

n=0
for h in "$incdir"/apr-1/*.h; do
    printf '#include "%s"\ntypedef int header_check_t;\n' "$(basename "$h")" >"$tmp/one.c"
    for std in c99 c11; do
        "$cc" -std=$std -Wall -Wextra -Wpedantic -Werror -fsyntax-only $cflags "$tmp/one.c" \
            || { echo "header $(basename "$h") does not compile on its own ($std)"; exit 1; }
    done
    if [ -n "$cxx" ]; then
        cp "$tmp/one.c" "$tmp/one.cc"
        "$cxx" -std=c++11 -Wall -Wextra -Werror -fsyntax-only $cflags "$tmp/one.cc" \
            || { echo "header $(basename "$h") does not compile as C++"; exit 1; }
    fi
    n=$((n + 1))
done
echo "$n installed headers compile on their own (C99, C11${cxx:+, C++11})"

"$cc" -std=c11 -Wall -Werror $cflags "$src/tests/install/consumer.c" -o "$tmp/consumer" $libs
LD_LIBRARY_PATH="$libdir" "$tmp/consumer"
"$cc" -std=c11 -Wall -Werror $(pkg-config --cflags apr-util-1) \
    "$src/tests/install/consumer_apu.c" -o "$tmp/consumer_apu" $(pkg-config --libs apr-util-1)
LD_LIBRARY_PATH="$libdir" "$tmp/consumer_apu"
echo "pkg-config builds (apr-1, apr-util-1): ok"

hdir="$incdir/httpd"
prefix=$(in_root "$(pkg-config --variable=prefix apr-1)")
apucflags=$(pkg-config --cflags apr-util-1)
[ -x "$prefix/bin/httpd" ] || { echo "httpd was not installed in $prefix/bin"; exit 1; }
if true; then
    n=0
    for h in "$hdir"/*.h; do
        printf '#include "httpd.h"\n#include "%s"\ntypedef int header_check_t;\n' \
            "$(basename "$h")" >"$tmp/one.c"
        "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$hdir" $apucflags \
            "$tmp/one.c" || { echo "httpd header $(basename "$h") does not compile"; exit 1; }
        n=$((n + 1))
    done
    echo "$n installed httpd headers compile (C11)"
    # (as apxs builds modules: -Wall; with -Wextra the 2.4 module struct
    # initialiser, which leaves out the newer "flags" field, would warn)
    "$cc" -std=c11 -Wall -Werror -shared -fPIC -I"$hdir" $apucflags \
        "$src/tests/install/mod_hello.c" -o "$tmp/mod_hello.so"
    mkdir -p "$tmp/sr/logs"
    cat >"$tmp/sr/httpd.conf" <<CONF
ServerRoot "$tmp/sr"
Listen 127.0.0.1:8
ServerName localhost
ErrorLog "$tmp/sr/logs/error_log"
LoadModule mpm_event_module "$prefix/modules/mod_mpm_event.so"
LoadModule hello_module "$tmp/mod_hello.so"
<Location /hello>
    SetHandler hello
    HelloGreeting hi
</Location>
CONF
    out=$(LD_LIBRARY_PATH="$libdir" "$prefix/bin/httpd" -d "$tmp/sr" -f "$tmp/sr/httpd.conf" -t 2>&1) \
        || { echo "the installed httpd refused mod_hello: $out"; exit 1; }
    LD_LIBRARY_PATH="$libdir" "$prefix/bin/httpd" -d "$tmp/sr" -f "$tmp/sr/httpd.conf" -M 2>&1 \
        | grep -q ' hello_module (shared)' || { echo "mod_hello not listed by -M"; exit 1; }
    echo "a third-party module builds against the installed headers and loads: ok"
fi

if [ "${MESON_SUBPROJECT_TEST:-1}" != 0 ]; then
    proj="$tmp/proj"
    mkdir -p "$proj/subprojects"
    cp "$src/tests/install/subproject/meson.build" "$proj/"
    cp "$src/tests/install/consumer.c" "$tmp/"
    ln -s "$src" "$proj/subprojects/apr-httpd"
    (cd "$proj" && meson setup b >"$tmp/setup.log" 2>&1 || { cat "$tmp/setup.log"; exit 1; }
     meson compile -C b >"$tmp/compile.log" 2>&1 || { cat "$tmp/compile.log"; exit 1; }
     ./b/consumer)
    echo "meson subproject build: ok"
fi
