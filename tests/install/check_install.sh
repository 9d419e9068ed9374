#!/usr/bin/env bash
# Installs the build into a scratch directory and uses the installed runtime
# the ways README.md promises:
#   1. every installed public header compiles on its own (C99, C11 and, when
#      a C++ compiler is there, C++11; -Wpedantic -Werror);
#   2. programs build with `pkg-config --cflags --libs apr-1` and
#      `... apr-util-1` and run;
#   3. a meson project takes the runtime as a subproject and runs the same
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
