/*
 * apr_filepath_*: merging (the server's defence against "../" escapes),
 * roots, the current directory, search path lists and the encoding.
 *
 * merge_cases was produced by a probe program linked against Debian's
 * libapr-1 1.7: every root and added path below was merged with each of
 * the 16 combinations of NOTABOVEROOT, SECUREROOTTEST, NOTRELATIVE and
 * NOTABSOLUTE, and the results pasted here. A row is {root, addpath,
 * result without NOTABSOLUTE, result with NOTABSOLUTE, statuses}: the
 * status string has one character per flags value 0..15 ('.' success,
 * 'A' APR_EABOVEROOT, 'R' APR_ERELATIVE, 'B' APR_EABSOLUTE). The probe
 * also showed that NATIVE and TRUENAME change nothing on unix; the test
 * checks all 64 flag values.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_file_info.h"
#include "apr_strings.h"
#include "apr_tables.h"

struct merge_case {
    const char *root;
    const char *add;
    const char *path;        /* the result when NOTABSOLUTE is not given */
    const char *path_notabs; /* the result with NOTABSOLUTE */
    const char *status;      /* per flags & 15 */
};

static const struct merge_case merge_cases[] = {
    {"", "", "", "", "....RRRR....RRRR"},
    {"", ".", "", "", "....RRRR....RRRR"},
    {"", "..", "..", "..", "..AARRRR..AARRRR"},
    {"", "...", "...", "...", "....RRRR....RRRR"},
    {"", "/", "/", NULL, "..AA..AABBAABBAA"},
    {"", "//", "/", NULL, "..AA..AABBAABBAA"},
    {"", "/.", "/", NULL, "..AA..AABBAABBAA"},
    {"", "/..", "/", NULL, "..AA..AABBAABBAA"},
    {"", "/../", "/", NULL, "..AA..AABBAABBAA"},
    {"", "/../..", "/", NULL, "..AA..AABBAABBAA"},
    {"", "a/../..", "..", "..", "..AARRRR..AARRRR"},
    {"", "../..", "../..", "../..", "..AARRRR..AARRRR"},
    {"", "../", "../", "../", "..AARRRR..AARRRR"},
    {"", "./", "", "", "....RRRR....RRRR"},
    {"", "foo/.", "foo/", "foo/", "....RRRR....RRRR"},
    {"", "foo/..", "", "", "....RRRR....RRRR"},
    {"", "foo/../", "", "", "....RRRR....RRRR"},
    {"", "foo/...", "foo/...", "foo/...", "....RRRR....RRRR"},
    {"", "a/.../b", "a/.../b", "a/.../b", "....RRRR....RRRR"},
    {"", "..a", "..a", "..a", "....RRRR....RRRR"},
    {"", "a..", "a..", "a..", "....RRRR....RRRR"},
    {"", ".a", ".a", ".a", "....RRRR....RRRR"},
    {"", ".a/.", ".a/", ".a/", "....RRRR....RRRR"},
    {"", "x/../../y", "../y", "../y", "..AARRRR..AARRRR"},
    {"", "../www/x", "../www/x", "../www/x", "..AARRRR..AARRRR"},
    {"", "../www", "../www", "../www", "..AARRRR..AARRRR"},
    {"", "../www/", "../www/", "../www/", "..AARRRR..AARRRR"},
    {"", "../wwwx", "../wwwx", "../wwwx", "..AARRRR..AARRRR"},
    {"", "/var/www/x", "/var/www/x", NULL, "..AA..AABBAABBAA"},
    {"", "/var/www", "/var/www", NULL, "..AA..AABBAABBAA"},
    {"", "/var/www/", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"", "/var/wwwx", "/var/wwwx", NULL, "..AA..AABBAABBAA"},
    {"", "/var/www/../x", "/var/x", NULL, "..AA..AABBAABBAA"},
    {"", "/var/www/./x/..", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"", "/etc/passwd", "/etc/passwd", NULL, "..AA..AABBAABBAA"},
    {"", "a//b///c", "a/b/c", "a/b/c", "....RRRR....RRRR"},
    {"", "./a/./b/./", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"", "//a//b//", "/a/b/", NULL, "..AA..AABBAABBAA"},
    {"", "a/b/../../c", "c", "c", "....RRRR....RRRR"},
    {"", "a/b/../../../c", "../c", "../c", "..AARRRR..AARRRR"},
    {"", "../../../../etc/passwd",
     "../../../../etc/passwd", "../../../../etc/passwd", "..AARRRR..AARRRR"},
    {"", "a\\..\\b", "a\\..\\b", "a\\..\\b", "....RRRR....RRRR"},
    {"", "%2e%2e/x", "%2e%2e/x", "%2e%2e/x", "....RRRR....RRRR"},
    {"", "~/x", "~/x", "~/x", "....RRRR....RRRR"},
    {"", " /..", "", "", "....RRRR....RRRR"},
    {"", "a/ ../b", "a/ ../b", "a/ ../b", "....RRRR....RRRR"},
    {"", "../b/c", "../b/c", "../b/c", "..AARRRR..AARRRR"},
    {"", "../b", "../b", "../b", "..AARRRR..AARRRR"},
    {"", "b/../../b/c", "../b/c", "../b/c", "..AARRRR..AARRRR"},
    {"", "..//..", "../..", "../..", "..AARRRR..AARRRR"},
    {"", "...//..", "", "", "....RRRR....RRRR"},
    {"", "x/./../.", "", "", "....RRRR....RRRR"},
    {"", "x/y/../../..", "..", "..", "..AARRRR..AARRRR"},
    {"", "../x/..", "../", "../", "..AARRRR..AARRRR"},
    {"/", "", "/", NULL, "........BBBBBBBB"},
    {"/", ".", "/", NULL, "........BBBBBBBB"},
    {"/", "..", "/", NULL, "..AA..AABBBBBBBB"},
    {"/", "...", "/...", NULL, "........BBBBBBBB"},
    {"/", "/", "/", NULL, "..AA..AABBAABBAA"},
    {"/", "//", "/", NULL, "..AA..AABBAABBAA"},
    {"/", "/.", "/", NULL, "..AA..AABBAABBAA"},
    {"/", "/..", "/", NULL, "..AA..AABBAABBAA"},
    {"/", "/../", "/", NULL, "..AA..AABBAABBAA"},
    {"/", "/../..", "/", NULL, "..AA..AABBAABBAA"},
    {"/", "a/../..", "/", NULL, "..AA..AABBBBBBBB"},
    {"/", "../..", "/", NULL, "..AA..AABBBBBBBB"},
    {"/", "../", "/", NULL, "..AA..AABBBBBBBB"},
    {"/", "./", "/", NULL, "........BBBBBBBB"},
    {"/", "foo/.", "/foo/", NULL, "........BBBBBBBB"},
    {"/", "foo/..", "/", NULL, "........BBBBBBBB"},
    {"/", "foo/../", "/", NULL, "........BBBBBBBB"},
    {"/", "foo/...", "/foo/...", NULL, "........BBBBBBBB"},
    {"/", "a/.../b", "/a/.../b", NULL, "........BBBBBBBB"},
    {"/", "..a", "/..a", NULL, "........BBBBBBBB"},
    {"/", "a..", "/a..", NULL, "........BBBBBBBB"},
    {"/", ".a", "/.a", NULL, "........BBBBBBBB"},
    {"/", ".a/.", "/.a/", NULL, "........BBBBBBBB"},
    {"/", "x/../../y", "/y", NULL, "..AA..AABBBBBBBB"},
    {"/", "../www/x", "/www/x", NULL, "..AA..AABBBBBBBB"},
    {"/", "../www", "/www", NULL, "..AA..AABBBBBBBB"},
    {"/", "../www/", "/www/", NULL, "..AA..AABBBBBBBB"},
    {"/", "../wwwx", "/wwwx", NULL, "..AA..AABBBBBBBB"},
    {"/", "/var/www/x", "/var/www/x", NULL, "..AA..AABBAABBAA"},
    {"/", "/var/www", "/var/www", NULL, "..AA..AABBAABBAA"},
    {"/", "/var/www/", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"/", "/var/wwwx", "/var/wwwx", NULL, "..AA..AABBAABBAA"},
    {"/", "/var/www/../x", "/var/x", NULL, "..AA..AABBAABBAA"},
    {"/", "/var/www/./x/..", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"/", "/etc/passwd", "/etc/passwd", NULL, "..AA..AABBAABBAA"},
    {"/", "a//b///c", "/a/b/c", NULL, "........BBBBBBBB"},
    {"/", "./a/./b/./", "/a/b/", NULL, "........BBBBBBBB"},
    {"/", "//a//b//", "/a/b/", NULL, "..AA..AABBAABBAA"},
    {"/", "a/b/../../c", "/c", NULL, "........BBBBBBBB"},
    {"/", "a/b/../../../c", "/c", NULL, "..AA..AABBBBBBBB"},
    {"/", "../../../../etc/passwd", "/etc/passwd", NULL, "..AA..AABBBBBBBB"},
    {"/", "a\\..\\b", "/a\\..\\b", NULL, "........BBBBBBBB"},
    {"/", "%2e%2e/x", "/%2e%2e/x", NULL, "........BBBBBBBB"},
    {"/", "~/x", "/~/x", NULL, "........BBBBBBBB"},
    {"/", " /..", "/", NULL, "........BBBBBBBB"},
    {"/", "a/ ../b", "/a/ ../b", NULL, "........BBBBBBBB"},
    {"/", "../b/c", "/b/c", NULL, "..AA..AABBBBBBBB"},
    {"/", "../b", "/b", NULL, "..AA..AABBBBBBBB"},
    {"/", "b/../../b/c", "/b/c", NULL, "..AA..AABBBBBBBB"},
    {"/", "..//..", "/", NULL, "..AA..AABBBBBBBB"},
    {"/", "...//..", "/", NULL, "........BBBBBBBB"},
    {"/", "x/./../.", "/", NULL, "........BBBBBBBB"},
    {"/", "x/y/../../..", "/", NULL, "..AA..AABBBBBBBB"},
    {"/", "../x/..", "/", NULL, "..AA..AABBBBBBBB"},
    {"//", "", "//", NULL, "........BBBBBBBB"},
    {"//", ".", "//", NULL, "........BBBBBBBB"},
    {"//", "..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "...", "//...", NULL, "........BBBBBBBB"},
    {"//", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "a/../..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "./", "//", NULL, "........BBBBBBBB"},
    {"//", "foo/.", "//foo/", NULL, "........BBBBBBBB"},
    {"//", "foo/..", "//", NULL, "........BBBBBBBB"},
    {"//", "foo/../", "//", NULL, "........BBBBBBBB"},
    {"//", "foo/...", "//foo/...", NULL, "........BBBBBBBB"},
    {"//", "a/.../b", "//a/.../b", NULL, "........BBBBBBBB"},
    {"//", "..a", "//..a", NULL, "........BBBBBBBB"},
    {"//", "a..", "//a..", NULL, "........BBBBBBBB"},
    {"//", ".a", "//.a", NULL, "........BBBBBBBB"},
    {"//", ".a/.", "//.a/", NULL, "........BBBBBBBB"},
    {"//", "x/../../y", "/y", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../www/x", "/www/x", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../www", "/www", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../www/", "/www/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../wwwx", "/wwwx", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"//", "a//b///c", "//a/b/c", NULL, "........BBBBBBBB"},
    {"//", "./a/./b/./", "//a/b/", NULL, "........BBBBBBBB"},
    {"//", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"//", "a/b/../../c", "//c", NULL, "........BBBBBBBB"},
    {"//", "a/b/../../../c", "/c", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../../../../etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "a\\..\\b", "//a\\..\\b", NULL, "........BBBBBBBB"},
    {"//", "%2e%2e/x", "//%2e%2e/x", NULL, "........BBBBBBBB"},
    {"//", "~/x", "//~/x", NULL, "........BBBBBBBB"},
    {"//", " /..", "//", NULL, "........BBBBBBBB"},
    {"//", "a/ ../b", "//a/ ../b", NULL, "........BBBBBBBB"},
    {"//", "../b/c", "/b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../b", "/b", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "b/../../b/c", "/b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "..//..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "...//..", "//", NULL, "........BBBBBBBB"},
    {"//", "x/./../.", "//", NULL, "........BBBBBBBB"},
    {"//", "x/y/../../..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"//", "../x/..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", ".", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "...", "/var/www/...", NULL, "........BBBBBBBB"},
    {"/var/www", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "a/../..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "../..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "../", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "./", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "foo/.", "/var/www/foo/", NULL, "........BBBBBBBB"},
    {"/var/www", "foo/..", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "foo/../", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "foo/...", "/var/www/foo/...", NULL, "........BBBBBBBB"},
    {"/var/www", "a/.../b", "/var/www/a/.../b", NULL, "........BBBBBBBB"},
    {"/var/www", "..a", "/var/www/..a", NULL, "........BBBBBBBB"},
    {"/var/www", "a..", "/var/www/a..", NULL, "........BBBBBBBB"},
    {"/var/www", ".a", "/var/www/.a", NULL, "........BBBBBBBB"},
    {"/var/www", ".a/.", "/var/www/.a/", NULL, "........BBBBBBBB"},
    {"/var/www", "x/../../y", "/var/y", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "../www/x", "/var/www/x", NULL, "..AA..AABBBBBBBB"},
    {"/var/www", "../www", "/var/www", NULL, "..AA..AABBBBBBBB"},
    {"/var/www", "../www/", "/var/www/", NULL, "..AA..AABBBBBBBB"},
    {"/var/www", "../wwwx", "/var/wwwx", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "/var/www/x", "/var/www/x", NULL, "..AA..AABBAABBAA"},
    {"/var/www", "/var/www", "/var/www", NULL, "..AA..AABBAABBAA"},
    {"/var/www", "/var/www/", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"/var/www", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "/var/www/./x/..", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"/var/www", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "a//b///c", "/var/www/a/b/c", NULL, "........BBBBBBBB"},
    {"/var/www", "./a/./b/./", "/var/www/a/b/", NULL, "........BBBBBBBB"},
    {"/var/www", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www", "a/b/../../c", "/var/www/c", NULL, "........BBBBBBBB"},
    {"/var/www", "a/b/../../../c", "/var/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "../../../../etc/passwd",
     "/etc/passwd", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "a\\..\\b", "/var/www/a\\..\\b", NULL, "........BBBBBBBB"},
    {"/var/www", "%2e%2e/x", "/var/www/%2e%2e/x", NULL, "........BBBBBBBB"},
    {"/var/www", "~/x", "/var/www/~/x", NULL, "........BBBBBBBB"},
    {"/var/www", " /..", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "a/ ../b", "/var/www/a/ ../b", NULL, "........BBBBBBBB"},
    {"/var/www", "../b/c", "/var/b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "../b", "/var/b", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "b/../../b/c", "/var/b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "..//..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "...//..", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "x/./../.", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www", "x/y/../../..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www", "../x/..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", ".", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "...", "/var/www/...", NULL, "........BBBBBBBB"},
    {"/var/www/", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "a/../..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "./", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "foo/.", "/var/www/foo/", NULL, "........BBBBBBBB"},
    {"/var/www/", "foo/..", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "foo/../", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "foo/...", "/var/www/foo/...", NULL, "........BBBBBBBB"},
    {"/var/www/", "a/.../b", "/var/www/a/.../b", NULL, "........BBBBBBBB"},
    {"/var/www/", "..a", "/var/www/..a", NULL, "........BBBBBBBB"},
    {"/var/www/", "a..", "/var/www/a..", NULL, "........BBBBBBBB"},
    {"/var/www/", ".a", "/var/www/.a", NULL, "........BBBBBBBB"},
    {"/var/www/", ".a/.", "/var/www/.a/", NULL, "........BBBBBBBB"},
    {"/var/www/", "x/../../y", "/var/y", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../www/x", "/var/www/x", NULL, "..AA..AABBBBBBBB"},
    {"/var/www/", "../www", "/var/www", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../www/", "/var/www/", NULL, "..AA..AABBBBBBBB"},
    {"/var/www/", "../wwwx", "/var/wwwx", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "/var/www/x", "/var/www/x", NULL, "..AA..AABBAABBAA"},
    {"/var/www/", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/var/www/", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"/var/www/", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "/var/www/./x/..", "/var/www/", NULL, "..AA..AABBAABBAA"},
    {"/var/www/", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "a//b///c", "/var/www/a/b/c", NULL, "........BBBBBBBB"},
    {"/var/www/", "./a/./b/./", "/var/www/a/b/", NULL, "........BBBBBBBB"},
    {"/var/www/", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"/var/www/", "a/b/../../c", "/var/www/c", NULL, "........BBBBBBBB"},
    {"/var/www/", "a/b/../../../c", "/var/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../../../../etc/passwd",
     "/etc/passwd", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "a\\..\\b", "/var/www/a\\..\\b", NULL, "........BBBBBBBB"},
    {"/var/www/", "%2e%2e/x", "/var/www/%2e%2e/x", NULL, "........BBBBBBBB"},
    {"/var/www/", "~/x", "/var/www/~/x", NULL, "........BBBBBBBB"},
    {"/var/www/", " /..", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "a/ ../b", "/var/www/a/ ../b", NULL, "........BBBBBBBB"},
    {"/var/www/", "../b/c", "/var/b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../b", "/var/b", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "b/../../b/c", "/var/b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "..//..", "/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "...//..", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "x/./../.", "/var/www/", NULL, "........BBBBBBBB"},
    {"/var/www/", "x/y/../../..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var/www/", "../x/..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", ".", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "..", "/var//", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "...", "/var//www/...", NULL, "........BBBBBBBB"},
    {"/var//www", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "a/../..", "/var//", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "../..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "../", "/var//", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "./", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "foo/.", "/var//www/foo/", NULL, "........BBBBBBBB"},
    {"/var//www", "foo/..", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "foo/../", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "foo/...", "/var//www/foo/...", NULL, "........BBBBBBBB"},
    {"/var//www", "a/.../b", "/var//www/a/.../b", NULL, "........BBBBBBBB"},
    {"/var//www", "..a", "/var//www/..a", NULL, "........BBBBBBBB"},
    {"/var//www", "a..", "/var//www/a..", NULL, "........BBBBBBBB"},
    {"/var//www", ".a", "/var//www/.a", NULL, "........BBBBBBBB"},
    {"/var//www", ".a/.", "/var//www/.a/", NULL, "........BBBBBBBB"},
    {"/var//www", "x/../../y", "/var//y", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "../www/x", "/var//www/x", NULL, "..AA..AABBBBBBBB"},
    {"/var//www", "../www", "/var//www", NULL, "..AA..AABBBBBBBB"},
    {"/var//www", "../www/", "/var//www/", NULL, "..AA..AABBBBBBBB"},
    {"/var//www", "../wwwx", "/var//wwwx", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "a//b///c", "/var//www/a/b/c", NULL, "........BBBBBBBB"},
    {"/var//www", "./a/./b/./", "/var//www/a/b/", NULL, "........BBBBBBBB"},
    {"/var//www", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"/var//www", "a/b/../../c", "/var//www/c", NULL, "........BBBBBBBB"},
    {"/var//www", "a/b/../../../c", "/var//c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "../../../../etc/passwd",
     "/etc/passwd", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "a\\..\\b", "/var//www/a\\..\\b", NULL, "........BBBBBBBB"},
    {"/var//www", "%2e%2e/x", "/var//www/%2e%2e/x", NULL, "........BBBBBBBB"},
    {"/var//www", "~/x", "/var//www/~/x", NULL, "........BBBBBBBB"},
    {"/var//www", " /..", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "a/ ../b", "/var//www/a/ ../b", NULL, "........BBBBBBBB"},
    {"/var//www", "../b/c", "/var//b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "../b", "/var//b", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "b/../../b/c", "/var//b/c", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "..//..", "/var/", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "...//..", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "x/./../.", "/var//www/", NULL, "........BBBBBBBB"},
    {"/var//www", "x/y/../../..", "/var//", NULL, ".AAA.AAABBBBBBBB"},
    {"/var//www", "../x/..", "/var//", NULL, ".AAA.AAABBBBBBBB"},
    {"rel", "", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", ".", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "..", "", "", ".AAARRRR.AAARRRR"},
    {"rel", "...", "rel/...", "rel/...", "....RRRR....RRRR"},
    {"rel", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "a/../..", "", "", ".AAARRRR.AAARRRR"},
    {"rel", "../..", "..", "..", ".AAARRRR.AAARRRR"},
    {"rel", "../", "", "", ".AAARRRR.AAARRRR"},
    {"rel", "./", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "foo/.", "rel/foo/", "rel/foo/", "....RRRR....RRRR"},
    {"rel", "foo/..", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "foo/../", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "foo/...", "rel/foo/...", "rel/foo/...", "....RRRR....RRRR"},
    {"rel", "a/.../b", "rel/a/.../b", "rel/a/.../b", "....RRRR....RRRR"},
    {"rel", "..a", "rel/..a", "rel/..a", "....RRRR....RRRR"},
    {"rel", "a..", "rel/a..", "rel/a..", "....RRRR....RRRR"},
    {"rel", ".a", "rel/.a", "rel/.a", "....RRRR....RRRR"},
    {"rel", ".a/.", "rel/.a/", "rel/.a/", "....RRRR....RRRR"},
    {"rel", "x/../../y", "y", "y", ".AAARRRR.AAARRRR"},
    {"rel", "../www/x", "www/x", "www/x", ".AAARRRR.AAARRRR"},
    {"rel", "../www", "www", "www", ".AAARRRR.AAARRRR"},
    {"rel", "../www/", "www/", "www/", ".AAARRRR.AAARRRR"},
    {"rel", "../wwwx", "wwwx", "wwwx", ".AAARRRR.AAARRRR"},
    {"rel", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "a//b///c", "rel/a/b/c", "rel/a/b/c", "....RRRR....RRRR"},
    {"rel", "./a/./b/./", "rel/a/b/", "rel/a/b/", "....RRRR....RRRR"},
    {"rel", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"rel", "a/b/../../c", "rel/c", "rel/c", "....RRRR....RRRR"},
    {"rel", "a/b/../../../c", "c", "c", ".AAARRRR.AAARRRR"},
    {"rel", "../../../../etc/passwd",
     "../../../etc/passwd", "../../../etc/passwd", ".AAARRRR.AAARRRR"},
    {"rel", "a\\..\\b", "rel/a\\..\\b", "rel/a\\..\\b", "....RRRR....RRRR"},
    {"rel", "%2e%2e/x", "rel/%2e%2e/x", "rel/%2e%2e/x", "....RRRR....RRRR"},
    {"rel", "~/x", "rel/~/x", "rel/~/x", "....RRRR....RRRR"},
    {"rel", " /..", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "a/ ../b", "rel/a/ ../b", "rel/a/ ../b", "....RRRR....RRRR"},
    {"rel", "../b/c", "b/c", "b/c", ".AAARRRR.AAARRRR"},
    {"rel", "../b", "b", "b", ".AAARRRR.AAARRRR"},
    {"rel", "b/../../b/c", "b/c", "b/c", ".AAARRRR.AAARRRR"},
    {"rel", "..//..", "..", "..", ".AAARRRR.AAARRRR"},
    {"rel", "...//..", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "x/./../.", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel", "x/y/../../..", "", "", ".AAARRRR.AAARRRR"},
    {"rel", "../x/..", "", "", ".AAARRRR.AAARRRR"},
    {"rel/", "", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", ".", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "..", "", "", ".AAARRRR.AAARRRR"},
    {"rel/", "...", "rel/...", "rel/...", "....RRRR....RRRR"},
    {"rel/", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "a/../..", "", "", ".AAARRRR.AAARRRR"},
    {"rel/", "../..", "..", "..", ".AAARRRR.AAARRRR"},
    {"rel/", "../", "", "", ".AAARRRR.AAARRRR"},
    {"rel/", "./", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "foo/.", "rel/foo/", "rel/foo/", "....RRRR....RRRR"},
    {"rel/", "foo/..", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "foo/../", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "foo/...", "rel/foo/...", "rel/foo/...", "....RRRR....RRRR"},
    {"rel/", "a/.../b", "rel/a/.../b", "rel/a/.../b", "....RRRR....RRRR"},
    {"rel/", "..a", "rel/..a", "rel/..a", "....RRRR....RRRR"},
    {"rel/", "a..", "rel/a..", "rel/a..", "....RRRR....RRRR"},
    {"rel/", ".a", "rel/.a", "rel/.a", "....RRRR....RRRR"},
    {"rel/", ".a/.", "rel/.a/", "rel/.a/", "....RRRR....RRRR"},
    {"rel/", "x/../../y", "y", "y", ".AAARRRR.AAARRRR"},
    {"rel/", "../www/x", "www/x", "www/x", ".AAARRRR.AAARRRR"},
    {"rel/", "../www", "www", "www", ".AAARRRR.AAARRRR"},
    {"rel/", "../www/", "www/", "www/", ".AAARRRR.AAARRRR"},
    {"rel/", "../wwwx", "wwwx", "wwwx", ".AAARRRR.AAARRRR"},
    {"rel/", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "a//b///c", "rel/a/b/c", "rel/a/b/c", "....RRRR....RRRR"},
    {"rel/", "./a/./b/./", "rel/a/b/", "rel/a/b/", "....RRRR....RRRR"},
    {"rel/", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"rel/", "a/b/../../c", "rel/c", "rel/c", "....RRRR....RRRR"},
    {"rel/", "a/b/../../../c", "c", "c", ".AAARRRR.AAARRRR"},
    {"rel/", "../../../../etc/passwd",
     "../../../etc/passwd", "../../../etc/passwd", ".AAARRRR.AAARRRR"},
    {"rel/", "a\\..\\b", "rel/a\\..\\b", "rel/a\\..\\b", "....RRRR....RRRR"},
    {"rel/", "%2e%2e/x", "rel/%2e%2e/x", "rel/%2e%2e/x", "....RRRR....RRRR"},
    {"rel/", "~/x", "rel/~/x", "rel/~/x", "....RRRR....RRRR"},
    {"rel/", " /..", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "a/ ../b", "rel/a/ ../b", "rel/a/ ../b", "....RRRR....RRRR"},
    {"rel/", "../b/c", "b/c", "b/c", ".AAARRRR.AAARRRR"},
    {"rel/", "../b", "b", "b", ".AAARRRR.AAARRRR"},
    {"rel/", "b/../../b/c", "b/c", "b/c", ".AAARRRR.AAARRRR"},
    {"rel/", "..//..", "..", "..", ".AAARRRR.AAARRRR"},
    {"rel/", "...//..", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "x/./../.", "rel/", "rel/", "....RRRR....RRRR"},
    {"rel/", "x/y/../../..", "", "", ".AAARRRR.AAARRRR"},
    {"rel/", "../x/..", "", "", ".AAARRRR.AAARRRR"},
    {"a/b", "", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", ".", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "..", "a/", "a/", ".AAARRRR.AAARRRR"},
    {"a/b", "...", "a/b/...", "a/b/...", "....RRRR....RRRR"},
    {"a/b", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "a/../..", "a/", "a/", ".AAARRRR.AAARRRR"},
    {"a/b", "../..", "", "", ".AAARRRR.AAARRRR"},
    {"a/b", "../", "a/", "a/", ".AAARRRR.AAARRRR"},
    {"a/b", "./", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "foo/.", "a/b/foo/", "a/b/foo/", "....RRRR....RRRR"},
    {"a/b", "foo/..", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "foo/../", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "foo/...", "a/b/foo/...", "a/b/foo/...", "....RRRR....RRRR"},
    {"a/b", "a/.../b", "a/b/a/.../b", "a/b/a/.../b", "....RRRR....RRRR"},
    {"a/b", "..a", "a/b/..a", "a/b/..a", "....RRRR....RRRR"},
    {"a/b", "a..", "a/b/a..", "a/b/a..", "....RRRR....RRRR"},
    {"a/b", ".a", "a/b/.a", "a/b/.a", "....RRRR....RRRR"},
    {"a/b", ".a/.", "a/b/.a/", "a/b/.a/", "....RRRR....RRRR"},
    {"a/b", "x/../../y", "a/y", "a/y", ".AAARRRR.AAARRRR"},
    {"a/b", "../www/x", "a/www/x", "a/www/x", ".AAARRRR.AAARRRR"},
    {"a/b", "../www", "a/www", "a/www", ".AAARRRR.AAARRRR"},
    {"a/b", "../www/", "a/www/", "a/www/", ".AAARRRR.AAARRRR"},
    {"a/b", "../wwwx", "a/wwwx", "a/wwwx", ".AAARRRR.AAARRRR"},
    {"a/b", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "a//b///c", "a/b/a/b/c", "a/b/a/b/c", "....RRRR....RRRR"},
    {"a/b", "./a/./b/./", "a/b/a/b/", "a/b/a/b/", "....RRRR....RRRR"},
    {"a/b", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"a/b", "a/b/../../c", "a/b/c", "a/b/c", "....RRRR....RRRR"},
    {"a/b", "a/b/../../../c", "a/c", "a/c", ".AAARRRR.AAARRRR"},
    {"a/b", "../../../../etc/passwd",
     "../../etc/passwd", "../../etc/passwd", ".AAARRRR.AAARRRR"},
    {"a/b", "a\\..\\b", "a/b/a\\..\\b", "a/b/a\\..\\b", "....RRRR....RRRR"},
    {"a/b", "%2e%2e/x", "a/b/%2e%2e/x", "a/b/%2e%2e/x", "....RRRR....RRRR"},
    {"a/b", "~/x", "a/b/~/x", "a/b/~/x", "....RRRR....RRRR"},
    {"a/b", " /..", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "a/ ../b", "a/b/a/ ../b", "a/b/a/ ../b", "....RRRR....RRRR"},
    {"a/b", "../b/c", "a/b/c", "a/b/c", "..AARRRR..AARRRR"},
    {"a/b", "../b", "a/b", "a/b", "..AARRRR..AARRRR"},
    {"a/b", "b/../../b/c", "a/b/c", "a/b/c", "..AARRRR..AARRRR"},
    {"a/b", "..//..", "", "", ".AAARRRR.AAARRRR"},
    {"a/b", "...//..", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "x/./../.", "a/b/", "a/b/", "....RRRR....RRRR"},
    {"a/b", "x/y/../../..", "a/", "a/", ".AAARRRR.AAARRRR"},
    {"a/b", "../x/..", "a/", "a/", ".AAARRRR.AAARRRR"},
    {".", "", "./", "./", "....RRRR....RRRR"},
    {".", ".", "./", "./", "....RRRR....RRRR"},
    {".", "..", "", "", ".AAARRRR.AAARRRR"},
    {".", "...", "./...", "./...", "....RRRR....RRRR"},
    {".", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {".", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {".", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {".", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {".", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {".", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {".", "a/../..", "", "", ".AAARRRR.AAARRRR"},
    {".", "../..", "..", "..", ".AAARRRR.AAARRRR"},
    {".", "../", "", "", ".AAARRRR.AAARRRR"},
    {".", "./", "./", "./", "....RRRR....RRRR"},
    {".", "foo/.", "./foo/", "./foo/", "....RRRR....RRRR"},
    {".", "foo/..", "./", "./", "....RRRR....RRRR"},
    {".", "foo/../", "./", "./", "....RRRR....RRRR"},
    {".", "foo/...", "./foo/...", "./foo/...", "....RRRR....RRRR"},
    {".", "a/.../b", "./a/.../b", "./a/.../b", "....RRRR....RRRR"},
    {".", "..a", "./..a", "./..a", "....RRRR....RRRR"},
    {".", "a..", "./a..", "./a..", "....RRRR....RRRR"},
    {".", ".a", "./.a", "./.a", "....RRRR....RRRR"},
    {".", ".a/.", "./.a/", "./.a/", "....RRRR....RRRR"},
    {".", "x/../../y", "y", "y", ".AAARRRR.AAARRRR"},
    {".", "../www/x", "www/x", "www/x", ".AAARRRR.AAARRRR"},
    {".", "../www", "www", "www", ".AAARRRR.AAARRRR"},
    {".", "../www/", "www/", "www/", ".AAARRRR.AAARRRR"},
    {".", "../wwwx", "wwwx", "wwwx", ".AAARRRR.AAARRRR"},
    {".", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {".", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {".", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {".", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {".", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {".", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {".", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {".", "a//b///c", "./a/b/c", "./a/b/c", "....RRRR....RRRR"},
    {".", "./a/./b/./", "./a/b/", "./a/b/", "....RRRR....RRRR"},
    {".", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {".", "a/b/../../c", "./c", "./c", "....RRRR....RRRR"},
    {".", "a/b/../../../c", "c", "c", ".AAARRRR.AAARRRR"},
    {".", "../../../../etc/passwd",
     "../../../etc/passwd", "../../../etc/passwd", ".AAARRRR.AAARRRR"},
    {".", "a\\..\\b", "./a\\..\\b", "./a\\..\\b", "....RRRR....RRRR"},
    {".", "%2e%2e/x", "./%2e%2e/x", "./%2e%2e/x", "....RRRR....RRRR"},
    {".", "~/x", "./~/x", "./~/x", "....RRRR....RRRR"},
    {".", " /..", "./", "./", "....RRRR....RRRR"},
    {".", "a/ ../b", "./a/ ../b", "./a/ ../b", "....RRRR....RRRR"},
    {".", "../b/c", "b/c", "b/c", ".AAARRRR.AAARRRR"},
    {".", "../b", "b", "b", ".AAARRRR.AAARRRR"},
    {".", "b/../../b/c", "b/c", "b/c", ".AAARRRR.AAARRRR"},
    {".", "..//..", "..", "..", ".AAARRRR.AAARRRR"},
    {".", "...//..", "./", "./", "....RRRR....RRRR"},
    {".", "x/./../.", "./", "./", "....RRRR....RRRR"},
    {".", "x/y/../../..", "", "", ".AAARRRR.AAARRRR"},
    {".", "../x/..", "", "", ".AAARRRR.AAARRRR"},
    {"..", "", "../", "../", "....RRRR....RRRR"},
    {"..", ".", "../", "../", "....RRRR....RRRR"},
    {"..", "..", "../..", "../..", "..AARRRR..AARRRR"},
    {"..", "...", "../...", "../...", "....RRRR....RRRR"},
    {"..", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "a/../..", "../..", "../..", "..AARRRR..AARRRR"},
    {"..", "../..", "../../..", "../../..", "..AARRRR..AARRRR"},
    {"..", "../", "../../", "../../", "..AARRRR..AARRRR"},
    {"..", "./", "../", "../", "....RRRR....RRRR"},
    {"..", "foo/.", "../foo/", "../foo/", "....RRRR....RRRR"},
    {"..", "foo/..", "../", "../", "....RRRR....RRRR"},
    {"..", "foo/../", "../", "../", "....RRRR....RRRR"},
    {"..", "foo/...", "../foo/...", "../foo/...", "....RRRR....RRRR"},
    {"..", "a/.../b", "../a/.../b", "../a/.../b", "....RRRR....RRRR"},
    {"..", "..a", "../..a", "../..a", "....RRRR....RRRR"},
    {"..", "a..", "../a..", "../a..", "....RRRR....RRRR"},
    {"..", ".a", "../.a", "../.a", "....RRRR....RRRR"},
    {"..", ".a/.", "../.a/", "../.a/", "....RRRR....RRRR"},
    {"..", "x/../../y", "../../y", "../../y", "..AARRRR..AARRRR"},
    {"..", "../www/x", "../../www/x", "../../www/x", "..AARRRR..AARRRR"},
    {"..", "../www", "../../www", "../../www", "..AARRRR..AARRRR"},
    {"..", "../www/", "../../www/", "../../www/", "..AARRRR..AARRRR"},
    {"..", "../wwwx", "../../wwwx", "../../wwwx", "..AARRRR..AARRRR"},
    {"..", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"..", "a//b///c", "../a/b/c", "../a/b/c", "....RRRR....RRRR"},
    {"..", "./a/./b/./", "../a/b/", "../a/b/", "....RRRR....RRRR"},
    {"..", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"..", "a/b/../../c", "../c", "../c", "....RRRR....RRRR"},
    {"..", "a/b/../../../c", "../../c", "../../c", "..AARRRR..AARRRR"},
    {"..", "../../../../etc/passwd",
     "../../../../../etc/passwd",
     "../../../../../etc/passwd", "..AARRRR..AARRRR"},
    {"..", "a\\..\\b", "../a\\..\\b", "../a\\..\\b", "....RRRR....RRRR"},
    {"..", "%2e%2e/x", "../%2e%2e/x", "../%2e%2e/x", "....RRRR....RRRR"},
    {"..", "~/x", "../~/x", "../~/x", "....RRRR....RRRR"},
    {"..", " /..", "../", "../", "....RRRR....RRRR"},
    {"..", "a/ ../b", "../a/ ../b", "../a/ ../b", "....RRRR....RRRR"},
    {"..", "../b/c", "../../b/c", "../../b/c", "..AARRRR..AARRRR"},
    {"..", "../b", "../../b", "../../b", "..AARRRR..AARRRR"},
    {"..", "b/../../b/c", "../../b/c", "../../b/c", "..AARRRR..AARRRR"},
    {"..", "..//..", "../../..", "../../..", "..AARRRR..AARRRR"},
    {"..", "...//..", "../", "../", "....RRRR....RRRR"},
    {"..", "x/./../.", "../", "../", "....RRRR....RRRR"},
    {"..", "x/y/../../..", "../..", "../..", "..AARRRR..AARRRR"},
    {"..", "../x/..", "../../", "../../", "..AARRRR..AARRRR"},
    {"../x", "", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", ".", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "..", "../", "../", ".AAARRRR.AAARRRR"},
    {"../x", "...", "../x/...", "../x/...", "....RRRR....RRRR"},
    {"../x", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "a/../..", "../", "../", ".AAARRRR.AAARRRR"},
    {"../x", "../..", "../..", "../..", ".AAARRRR.AAARRRR"},
    {"../x", "../", "../", "../", ".AAARRRR.AAARRRR"},
    {"../x", "./", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "foo/.", "../x/foo/", "../x/foo/", "....RRRR....RRRR"},
    {"../x", "foo/..", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "foo/../", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "foo/...", "../x/foo/...", "../x/foo/...", "....RRRR....RRRR"},
    {"../x", "a/.../b", "../x/a/.../b", "../x/a/.../b", "....RRRR....RRRR"},
    {"../x", "..a", "../x/..a", "../x/..a", "....RRRR....RRRR"},
    {"../x", "a..", "../x/a..", "../x/a..", "....RRRR....RRRR"},
    {"../x", ".a", "../x/.a", "../x/.a", "....RRRR....RRRR"},
    {"../x", ".a/.", "../x/.a/", "../x/.a/", "....RRRR....RRRR"},
    {"../x", "x/../../y", "../y", "../y", ".AAARRRR.AAARRRR"},
    {"../x", "../www/x", "../www/x", "../www/x", ".AAARRRR.AAARRRR"},
    {"../x", "../www", "../www", "../www", ".AAARRRR.AAARRRR"},
    {"../x", "../www/", "../www/", "../www/", ".AAARRRR.AAARRRR"},
    {"../x", "../wwwx", "../wwwx", "../wwwx", ".AAARRRR.AAARRRR"},
    {"../x", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "a//b///c", "../x/a/b/c", "../x/a/b/c", "....RRRR....RRRR"},
    {"../x", "./a/./b/./", "../x/a/b/", "../x/a/b/", "....RRRR....RRRR"},
    {"../x", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"../x", "a/b/../../c", "../x/c", "../x/c", "....RRRR....RRRR"},
    {"../x", "a/b/../../../c", "../c", "../c", ".AAARRRR.AAARRRR"},
    {"../x", "../../../../etc/passwd",
     "../../../../etc/passwd", "../../../../etc/passwd", ".AAARRRR.AAARRRR"},
    {"../x", "a\\..\\b", "../x/a\\..\\b", "../x/a\\..\\b", "....RRRR....RRRR"},
    {"../x", "%2e%2e/x", "../x/%2e%2e/x", "../x/%2e%2e/x", "....RRRR....RRRR"},
    {"../x", "~/x", "../x/~/x", "../x/~/x", "....RRRR....RRRR"},
    {"../x", " /..", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "a/ ../b", "../x/a/ ../b", "../x/a/ ../b", "....RRRR....RRRR"},
    {"../x", "../b/c", "../b/c", "../b/c", ".AAARRRR.AAARRRR"},
    {"../x", "../b", "../b", "../b", ".AAARRRR.AAARRRR"},
    {"../x", "b/../../b/c", "../b/c", "../b/c", ".AAARRRR.AAARRRR"},
    {"../x", "..//..", "../..", "../..", ".AAARRRR.AAARRRR"},
    {"../x", "...//..", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "x/./../.", "../x/", "../x/", "....RRRR....RRRR"},
    {"../x", "x/y/../../..", "../", "../", ".AAARRRR.AAARRRR"},
    {"../x", "../x/..", "../", "../", ".AAARRRR.AAARRRR"},
    {"/a/b/..", "", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", ".", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "..", "/a/b/../..", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "...", "/a/b/../...", NULL, "........BBBBBBBB"},
    {"/a/b/..", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "a/../..", "/a/b/../..", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../..", "/a/b/../../..", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../", "/a/b/../../", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "./", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "foo/.", "/a/b/../foo/", NULL, "........BBBBBBBB"},
    {"/a/b/..", "foo/..", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "foo/../", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "foo/...", "/a/b/../foo/...", NULL, "........BBBBBBBB"},
    {"/a/b/..", "a/.../b", "/a/b/../a/.../b", NULL, "........BBBBBBBB"},
    {"/a/b/..", "..a", "/a/b/../..a", NULL, "........BBBBBBBB"},
    {"/a/b/..", "a..", "/a/b/../a..", NULL, "........BBBBBBBB"},
    {"/a/b/..", ".a", "/a/b/../.a", NULL, "........BBBBBBBB"},
    {"/a/b/..", ".a/.", "/a/b/../.a/", NULL, "........BBBBBBBB"},
    {"/a/b/..", "x/../../y", "/a/b/../../y", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../www/x", "/a/b/../../www/x", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../www", "/a/b/../../www", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../www/", "/a/b/../../www/", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../wwwx", "/a/b/../../wwwx", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "a//b///c", "/a/b/../a/b/c", NULL, "........BBBBBBBB"},
    {"/a/b/..", "./a/./b/./", "/a/b/../a/b/", NULL, "........BBBBBBBB"},
    {"/a/b/..", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/b/..", "a/b/../../c", "/a/b/../c", NULL, "........BBBBBBBB"},
    {"/a/b/..", "a/b/../../../c", "/a/b/../../c", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../../../../etc/passwd",
     "/a/b/../../../../../etc/passwd", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "a\\..\\b", "/a/b/../a\\..\\b", NULL, "........BBBBBBBB"},
    {"/a/b/..", "%2e%2e/x", "/a/b/../%2e%2e/x", NULL, "........BBBBBBBB"},
    {"/a/b/..", "~/x", "/a/b/../~/x", NULL, "........BBBBBBBB"},
    {"/a/b/..", " /..", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "a/ ../b", "/a/b/../a/ ../b", NULL, "........BBBBBBBB"},
    {"/a/b/..", "../b/c", "/a/b/../../b/c", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../b", "/a/b/../../b", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "b/../../b/c", "/a/b/../../b/c", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "..//..", "/a/b/../../..", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "...//..", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "x/./../.", "/a/b/../", NULL, "........BBBBBBBB"},
    {"/a/b/..", "x/y/../../..", "/a/b/../..", NULL, "..AA..AABBBBBBBB"},
    {"/a/b/..", "../x/..", "/a/b/../../", NULL, "..AA..AABBBBBBBB"},
    {"/a/./b", "", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", ".", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "..", "/a/./", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "...", "/a/./b/...", NULL, "........BBBBBBBB"},
    {"/a/./b", "/", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "//", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/.", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/../", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/../..", "/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "a/../..", "/a/./", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../..", "/a/", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../", "/a/./", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "./", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "foo/.", "/a/./b/foo/", NULL, "........BBBBBBBB"},
    {"/a/./b", "foo/..", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "foo/../", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "foo/...", "/a/./b/foo/...", NULL, "........BBBBBBBB"},
    {"/a/./b", "a/.../b", "/a/./b/a/.../b", NULL, "........BBBBBBBB"},
    {"/a/./b", "..a", "/a/./b/..a", NULL, "........BBBBBBBB"},
    {"/a/./b", "a..", "/a/./b/a..", NULL, "........BBBBBBBB"},
    {"/a/./b", ".a", "/a/./b/.a", NULL, "........BBBBBBBB"},
    {"/a/./b", ".a/.", "/a/./b/.a/", NULL, "........BBBBBBBB"},
    {"/a/./b", "x/../../y", "/a/./y", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../www/x", "/a/./www/x", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../www", "/a/./www", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../www/", "/a/./www/", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../wwwx", "/a/./wwwx", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "/var/www/x", "/var/www/x", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/var/www", "/var/www", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/var/www/", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/var/wwwx", "/var/wwwx", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/var/www/../x", "/var/x", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/var/www/./x/..", "/var/www/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "/etc/passwd", "/etc/passwd", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "a//b///c", "/a/./b/a/b/c", NULL, "........BBBBBBBB"},
    {"/a/./b", "./a/./b/./", "/a/./b/a/b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "//a//b//", "/a/b/", NULL, ".AAA.AAABBAABBAA"},
    {"/a/./b", "a/b/../../c", "/a/./b/c", NULL, "........BBBBBBBB"},
    {"/a/./b", "a/b/../../../c", "/a/./c", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../../../../etc/passwd",
     "/etc/passwd", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "a\\..\\b", "/a/./b/a\\..\\b", NULL, "........BBBBBBBB"},
    {"/a/./b", "%2e%2e/x", "/a/./b/%2e%2e/x", NULL, "........BBBBBBBB"},
    {"/a/./b", "~/x", "/a/./b/~/x", NULL, "........BBBBBBBB"},
    {"/a/./b", " /..", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "a/ ../b", "/a/./b/a/ ../b", NULL, "........BBBBBBBB"},
    {"/a/./b", "../b/c", "/a/./b/c", NULL, "..AA..AABBBBBBBB"},
    {"/a/./b", "../b", "/a/./b", NULL, "..AA..AABBBBBBBB"},
    {"/a/./b", "b/../../b/c", "/a/./b/c", NULL, "..AA..AABBBBBBBB"},
    {"/a/./b", "..//..", "/a/", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "...//..", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "x/./../.", "/a/./b/", NULL, "........BBBBBBBB"},
    {"/a/./b", "x/y/../../..", "/a/./", NULL, ".AAA.AAABBBBBBBB"},
    {"/a/./b", "../x/..", "/a/./", NULL, ".AAA.AAABBBBBBBB"},
};

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char *show(const char *s)
{
    return s ? s : "(null)";
}

static apr_status_t status_of(char code)
{
    switch (code) {
    case '.':
        return APR_SUCCESS;
    case 'A':
        return APR_EABOVEROOT;
    case 'R':
        return APR_ERELATIVE;
    case 'B':
        return APR_EABSOLUTE;
    default:
        ck_abort_msg("bad status code %c", code);
        return APR_EGENERAL;
    }
}

/* Merges and compares with the expectation; on failure *newpath must be
 * left alone (APR only writes it on success). */
static void check_merge(const char *root, const char *add, apr_int32_t flags,
                        apr_status_t want_rv, const char *want_path)
{
    char sentinel[] = "untouched";
    char *got = sentinel;
    apr_status_t rv = apr_filepath_merge(&got, root, add, flags, p);

    ck_assert_msg(rv == want_rv && (rv != APR_SUCCESS || want_path != NULL),
                  "merge(%s, %s, %#x): status %d, want %d", show(root),
                  show(add), (unsigned)flags, rv, want_rv);
    if (rv == APR_SUCCESS)
        ck_assert_msg(strcmp(got, want_path) == 0,
                      "merge(%s, %s, %#x) = \"%s\", want \"%s\"", show(root),
                      show(add), (unsigned)flags, got, want_path);
    else
        ck_assert_ptr_eq(got, sentinel);
}

START_TEST(merge_table)
{
    size_t i;
    apr_int32_t flags;

    for (i = 0; i < N_ELEMS(merge_cases); i++) {
        const struct merge_case *c = &merge_cases[i];

        ck_assert_uint_eq(strlen(c->status), 16);
        for (flags = 0; flags < 64; flags++) {
            char code = c->status[flags & 15];
            const char *want =
                (flags & APR_FILEPATH_NOTABSOLUTE) ? c->path_notabs : c->path;
            check_merge(c->root, c->add, flags, status_of(code), want);
        }
    }
}
END_TEST

static int remove_entry(const char *path, const struct stat *st, int type,
                        struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    remove(path);
    return 0;
}

/* Pool cleanup: removes the test's directory tree. */
static apr_status_t remove_tree(void *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return APR_SUCCESS;
}

/* Makes and enters a fresh directory $TMPDIR/fp.XXXXXX/cwd, removed with
 * the test's pool; returns its absolute, symlink-free name and the
 * parent's in *parent. */
static char *enter_temp_cwd(char **parent)
{
    const char *tmp = getenv("TMPDIR");
    char *tmpl = apr_pstrcat(p, tmp && *tmp ? tmp : "/tmp", "/fp.XXXXXX",
                             NULL);
    char real[PATH_MAX];
    char *dir = mkdtemp(tmpl);

    ck_assert_ptr_nonnull(dir);
    ck_assert_ptr_nonnull(realpath(dir, real));
    *parent = apr_pstrdup(p, real);
    apr_pool_cleanup_register(p, *parent, remove_tree,
                              apr_pool_cleanup_null);
    ck_assert_int_eq(chdir(real), 0);
    ck_assert_int_eq(mkdir("cwd", 0700), 0);
    ck_assert_int_eq(chdir("cwd"), 0);
    return apr_pstrcat(p, real, "/cwd", NULL);
}

/*
 * A NULL root is the current directory, fetched only when needed: it
 * merges exactly like the current directory given as the root, except
 * with NOTABSOLUTE, where it acts like "" (verified against Debian).
 */
START_TEST(merge_null_root_is_cwd)
{
    char *parent;
    char *cwd = enter_temp_cwd(&parent);
    size_t i;
    apr_int32_t flags;

    for (i = 0; i < N_ELEMS(merge_cases); i++) {
        const char *add = merge_cases[i].add;

        for (flags = 0; flags < 64; flags++) {
            const char *root =
                (flags & APR_FILEPATH_NOTABSOLUTE) ? "" : cwd;
            char *want = NULL;
            apr_status_t want_rv =
                apr_filepath_merge(&want, root, add, flags, p);
            check_merge(NULL, add, flags, want_rv, want);
        }
    }
}
END_TEST

START_TEST(merge_null_root_explicit)
{
    char *parent;
    char *cwd = enter_temp_cwd(&parent);
    const apr_int32_t nar = APR_FILEPATH_NOTABOVEROOT;
    const apr_int32_t sec = APR_FILEPATH_SECUREROOT;

    check_merge(NULL, "", 0, APR_SUCCESS, apr_pstrcat(p, cwd, "/", NULL));
    check_merge(NULL, "x//y/./z/..", 0, APR_SUCCESS,
                apr_pstrcat(p, cwd, "/x/y/", NULL));
    check_merge(NULL, "..", 0, APR_SUCCESS,
                apr_pstrcat(p, parent, "/", NULL));
    check_merge(NULL, "../b", 0, APR_SUCCESS,
                apr_pstrcat(p, parent, "/b", NULL));
    check_merge(NULL, "../b", nar, APR_EABOVEROOT, NULL);
    check_merge(NULL, "../cwd/b", nar, APR_SUCCESS,
                apr_pstrcat(p, cwd, "/b", NULL));
    check_merge(NULL, "../cwd/b", sec, APR_EABOVEROOT, NULL);
    /* An absolute addpath with NOTABOVEROOT is compared with the current
     * directory: inside it is accepted, elsewhere refused. */
    check_merge(NULL, apr_pstrcat(p, cwd, "/in", NULL), nar, APR_SUCCESS,
                apr_pstrcat(p, cwd, "/in", NULL));
    check_merge(NULL, "/etc/passwd", nar, APR_EABOVEROOT, NULL);
    check_merge(NULL, "/etc/passwd", 0, APR_SUCCESS, "/etc/passwd");
    check_merge(NULL, "/etc/passwd", sec, APR_EABOVEROOT, NULL);
    check_merge(NULL, "a", APR_FILEPATH_NOTRELATIVE, APR_SUCCESS,
                apr_pstrcat(p, cwd, "/a", NULL));
    check_merge(NULL, "a", APR_FILEPATH_NOTABSOLUTE, APR_SUCCESS, "a");
    check_merge(NULL, "a",
                APR_FILEPATH_NOTABSOLUTE | APR_FILEPATH_NOTRELATIVE,
                APR_ERELATIVE, NULL);
    check_merge(NULL, NULL, APR_FILEPATH_NOTABSOLUTE, APR_SUCCESS, "");
}
END_TEST

/* The current directory cannot be fetched once it is removed. */
START_TEST(merge_null_root_without_cwd)
{
    char *parent;
    char *cwd = enter_temp_cwd(&parent);
    char *out = NULL;

    ck_assert_int_eq(rmdir(cwd), 0);
    ck_assert_int_eq(apr_filepath_merge(&out, NULL, "a", 0, p), APR_ENOENT);
    /* Not needed for an absolute addpath. */
    ck_assert_int_eq(apr_filepath_merge(&out, NULL, "/a", 0, p), APR_SUCCESS);
    ck_assert_str_eq(out, "/a");
}
END_TEST

static char *repeat(char c, size_t n)
{
    char *s = apr_palloc(p, n + 1);

    memset(s, c, n);
    s[n] = '\0';
    return s;
}

/*
 * The limit is on the inputs: strlen(root) + strlen(addpath) + 4 may not
 * exceed APR_PATH_MAX, whatever the result would be.
 */
START_TEST(merge_long_paths)
{
    char *out = NULL;
    size_t room = APR_PATH_MAX - 4;

    ck_assert_int_eq(APR_PATH_MAX, 4096);
    ck_assert_int_eq(apr_filepath_merge(&out, "/", repeat('x', room - 1), 0,
                                        p),
                     APR_SUCCESS);
    ck_assert_uint_eq(strlen(out), room);
    ck_assert_int_eq(apr_filepath_merge(&out, "/", repeat('x', room), 0, p),
                     APR_ENAMETOOLONG);
    ck_assert_int_eq(apr_filepath_merge(&out, "/", repeat('x', room),
                                        APR_FILEPATH_SECUREROOT, p),
                     APR_ENAMETOOLONG);
    ck_assert_int_eq(apr_filepath_merge(&out, "", repeat('x', room), 0, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_filepath_merge(&out, "", repeat('x', room + 1), 0,
                                        p),
                     APR_ENAMETOOLONG);
    /* Even when the result would be short. */
    ck_assert_int_eq(apr_filepath_merge(&out, "/r",
                                        apr_pstrcat(p, "a/",
                                                    repeat('/', room), NULL),
                                        0, p),
                     APR_ENAMETOOLONG);
    /* Many "../" below a root: each pops one segment. */
    out = NULL;
    ck_assert_int_eq(apr_filepath_merge(&out, "/srv/www",
                                        apr_pstrcat(p, repeat('a', 1000),
                                                    "/../../../..", NULL),
                                        APR_FILEPATH_NOTABOVEROOT, p),
                     APR_EABOVEROOT);
}
END_TEST

/*
 * The paths are C strings: an embedded NUL ends them, so whatever follows
 * it (a "/../.." smuggled in through a decoded %00, say) is never seen.
 */
START_TEST(merge_embedded_nul)
{
    static const char add[] = "a\0/../../etc";
    char *out = NULL;

    ck_assert_int_eq(apr_filepath_merge(&out, "/r", add,
                                        APR_FILEPATH_SECUREROOT, p),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "/r/a");
    ck_assert_int_eq(apr_filepath_merge(&out, "/r", NULL, 0, p), APR_SUCCESS);
    ck_assert_str_eq(out, "/r/");
}
END_TEST

/*
 * The unix root is "/", however many slashes start the path; the rest
 * starts after them. Relative paths are APR_ERELATIVE and leave both
 * arguments alone. The flags change nothing on unix.
 */
START_TEST(root)
{
    static const struct {
        const char *in, *rest;
        apr_status_t rv;
    } cases[] = {
        {"/", "", APR_SUCCESS},          {"//", "", APR_SUCCESS},
        {"///a//b", "a//b", APR_SUCCESS}, {"/a", "a", APR_SUCCESS},
        {"/a/", "a/", APR_SUCCESS},       {"/..", "..", APR_SUCCESS},
        {"a", "a", APR_ERELATIVE},        {"", "", APR_ERELATIVE},
        {"./a", "./a", APR_ERELATIVE},    {"\\a", "\\a", APR_ERELATIVE},
        {"c:/a", "c:/a", APR_ERELATIVE},
    };
    size_t i;
    int f;

    for (i = 0; i < N_ELEMS(cases); i++)
        for (f = 0; f < 2; f++) {
            const char *rootp = "unset";
            const char *path = cases[i].in;
            apr_int32_t flags =
                f ? APR_FILEPATH_TRUENAME | APR_FILEPATH_NATIVE : 0;

            ck_assert_int_eq(apr_filepath_root(&rootp, &path, flags, p),
                             cases[i].rv);
            ck_assert_str_eq(path, cases[i].rest);
            ck_assert_str_eq(rootp,
                             cases[i].rv == APR_SUCCESS ? "/" : "unset");
            if (cases[i].rv == APR_SUCCESS)
                ck_assert_ptr_eq(path, cases[i].in + (strlen(cases[i].in) -
                                                      strlen(path)));
        }
}
END_TEST

START_TEST(get_set_round_trip)
{
    char *parent, *got = NULL, *orig = NULL;
    char *cwd = enter_temp_cwd(&parent);

    ck_assert_int_eq(apr_filepath_get(&got, 0, p), APR_SUCCESS);
    ck_assert_str_eq(got, cwd);
    ck_assert_int_eq(apr_filepath_get(&got, APR_FILEPATH_NATIVE, p),
                     APR_SUCCESS);
    ck_assert_str_eq(got, cwd);

    orig = got;
    ck_assert_int_eq(apr_filepath_set(parent, p), APR_SUCCESS);
    ck_assert_int_eq(apr_filepath_get(&got, 0, p), APR_SUCCESS);
    ck_assert_str_eq(got, parent);
    ck_assert_int_eq(apr_filepath_set("cwd", p), APR_SUCCESS); /* relative */
    ck_assert_int_eq(apr_filepath_get(&got, 0, p), APR_SUCCESS);
    ck_assert_str_eq(got, orig);

    ck_assert_int_eq(apr_filepath_set("no-such-dir", p), APR_ENOENT);
    ck_assert_int_eq(close(creat("file", 0600)), 0);
    ck_assert_int_eq(apr_filepath_set("file", p), APR_ENOTDIR);
    ck_assert_int_eq(apr_filepath_set("file/x", p), APR_ENOTDIR);
    ck_assert_int_eq(apr_filepath_get(&got, 0, p), APR_SUCCESS);
    ck_assert_str_eq(got, orig);
}
END_TEST

/* Removing the current directory makes apr_filepath_get fail (ENOENT). */
START_TEST(get_without_cwd)
{
    char *parent, *got = NULL;
    char *cwd = enter_temp_cwd(&parent);

    ck_assert_int_eq(rmdir(cwd), 0);
    ck_assert_int_eq(apr_filepath_get(&got, 0, p), APR_ENOENT);
    ck_assert_ptr_null(got);
}
END_TEST

static const char *joined(const apr_array_header_t *arr)
{
    const char *s = "";
    int i;

    for (i = 0; i < arr->nelts; i++)
        s = apr_pstrcat(p, s, "[", ((char **)arr->elts)[i], "]", NULL);
    return s;
}

START_TEST(list_split)
{
    static const struct {
        const char *in, *elts, *merged;
    } cases[] = {
        {"", "", NULL},
        {":", "", NULL},
        {":::", "", NULL},
        {"a", "[a]", "a"},
        {"a:b", "[a][b]", "a:b"},
        {"::a::b::", "[a][b]", "a:b"},
        {"/bin:/usr/bin:", "[/bin][/usr/bin]", "/bin:/usr/bin"},
        {" : ", "[ ][ ]", " : "},
        {"a;b", "[a;b]", "a;b"},
    };
    size_t i;

    for (i = 0; i < N_ELEMS(cases); i++) {
        apr_array_header_t *arr = NULL;
        char *merged = (char *)"unset";

        ck_assert_int_eq(apr_filepath_list_split(&arr, cases[i].in, p),
                         APR_SUCCESS);
        ck_assert_int_eq(arr->elt_size, sizeof(char *));
        ck_assert_str_eq(joined(arr), cases[i].elts);
        ck_assert_int_eq(apr_filepath_list_merge(&merged, arr, p),
                         APR_SUCCESS);
        ck_assert_pstr_eq(merged, cases[i].merged);
    }
}
END_TEST

/* The elements are copies: the input string is not modified. */
START_TEST(list_split_copies)
{
    char in[] = "/a:/b";
    apr_array_header_t *arr;

    ck_assert_int_eq(apr_filepath_list_split(&arr, in, p), APR_SUCCESS);
    ck_assert_str_eq(in, "/a:/b");
    ((char **)arr->elts)[0][0] = 'X';
    ck_assert_str_eq(in, "/a:/b");
}
END_TEST

static apr_array_header_t *array_of(const char *const *elts, int n)
{
    apr_array_header_t *arr = apr_array_make(p, 1, sizeof(char *));
    int i;

    for (i = 0; i < n; i++)
        *(const char **)apr_array_push(arr) = elts[i];
    return arr;
}

/*
 * Empty elements are skipped, but a separator is still written before
 * each later non-empty element when the array starts with an empty one:
 * ["", "a", "", "b", ""] gives ":a:b" (APR's result, whose documentation
 * only says empty strings are ignored).
 */
START_TEST(list_merge)
{
    static const char *const mixed[] = {"", "a", "", "b", ""};
    static const char *const plain[] = {"/bin", "/usr/bin", "/sbin"};
    static const char *const empties[] = {"", "", ""};
    char *out = (char *)"unset";

    ck_assert_int_eq(apr_filepath_list_merge(&out, array_of(mixed, 5), p),
                     APR_SUCCESS);
    ck_assert_str_eq(out, ":a:b");
    ck_assert_int_eq(apr_filepath_list_merge(&out, array_of(plain, 3), p),
                     APR_SUCCESS);
    ck_assert_str_eq(out, "/bin:/usr/bin:/sbin");
    out = (char *)"unset";
    ck_assert_int_eq(apr_filepath_list_merge(&out, array_of(empties, 3), p),
                     APR_SUCCESS);
    ck_assert_ptr_null(out);
    out = (char *)"unset";
    ck_assert_int_eq(apr_filepath_list_merge(&out, array_of(plain, 0), p),
                     APR_SUCCESS);
    ck_assert_ptr_null(out);
}
END_TEST

/* An array whose elements are not pointers is refused. */
START_TEST(list_merge_bad_array)
{
    apr_array_header_t *ints = apr_array_make(p, 2, sizeof(int));
    char *out = (char *)"unset";

    *(int *)apr_array_push(ints) = 1;
    ck_assert_int_eq(apr_filepath_list_merge(&out, ints, p), APR_EINVAL);
    ck_assert_str_eq(out, "unset");
}
END_TEST

START_TEST(encoding)
{
    int style = -1;

    ck_assert_int_eq(apr_filepath_encoding(&style, p), APR_SUCCESS);
    ck_assert_int_eq(style, APR_FILEPATH_ENCODING_LOCALE);
    ck_assert_int_eq(APR_FILEPATH_ENCODING_UNKNOWN, 0);
    ck_assert_int_eq(APR_FILEPATH_ENCODING_UTF8, 2);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("filepath");
    TCase *tc = apr_test_tcase("merge");

    tcase_add_test(tc, merge_table);
    tcase_add_test(tc, merge_null_root_is_cwd);
    tcase_add_test(tc, merge_null_root_explicit);
    tcase_add_test(tc, merge_null_root_without_cwd);
    tcase_add_test(tc, merge_long_paths);
    tcase_add_test(tc, merge_embedded_nul);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("root_cwd");
    tcase_add_test(tc, root);
    tcase_add_test(tc, get_set_round_trip);
    tcase_add_test(tc, get_without_cwd);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("lists");
    tcase_add_test(tc, list_split);
    tcase_add_test(tc, list_split_copies);
    tcase_add_test(tc, list_merge);
    tcase_add_test(tc, list_merge_bad_array);
    tcase_add_test(tc, encoding);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
