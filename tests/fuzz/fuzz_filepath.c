/*
 * libFuzzer target for the file path arithmetic (apr_file_info.h):
 * apr_filepath_merge with every flag, apr_filepath_root, and the search
 * path lists.
 *
 * Input: byte 0 holds the merge flags (bits 0-5) and, in bit 6, "root is
 * NULL" (the current directory). The rest is root, a NUL byte, addpath
 * (no NUL: all of it is the root, addpath is empty). Both are copied into
 * exact-size buffers, so reading past either is an ASan error.
 *
 * Checked on every input:
 *  - never crashes; a success gives a NUL-terminated result no longer
 *    than root + addpath + 3, and a failure leaves *newpath alone;
 *  - with NOTABOVEROOT (SECUREROOT included) and a non-empty root, the
 *    result begins with the whole root at a segment boundary and, when
 *    the root itself has no "." or ".." segment, has no ".." segment;
 *  - SECUREROOT success implies the same result under NOTABOVEROOT;
 *  - NOTABSOLUTE success is relative, NOTRELATIVE success is absolute;
 *  - a result built from an absolute addpath is canonical: "/", then
 *    segments that are not "", "." or "..", with at most a final slash;
 *  - NATIVE and TRUENAME change nothing on unix;
 *  - apr_filepath_root agrees with the leading slashes;
 *  - list_merge(list_split(s)) is s without empty elements.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_strings.h"
#include "apr_tables.h"
#include "apr_file_info.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static apr_pool_t *pool;
static char *cwd;

static void setup(void)
{
    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
    cwd = getcwd(NULL, 0);
    CHECK(cwd != NULL);
}

static char *copy(const uint8_t *data, size_t len)
{
    char *s = malloc(len + 1);

    CHECK(s != NULL);
    if (len)
        memcpy(s, data, len);
    s[len] = '\0';
    return s;
}

/* Calls f(seg, len, last, arg) for each '/'-separated segment of s. */
static int any_segment(const char *s, int (*f)(const char *, size_t, int))
{
    for (;;) {
        const char *end = strchr(s, '/');
        size_t len = end ? (size_t)(end - s) : strlen(s);

        if (f(s, len, end == NULL))
            return 1;
        if (!end)
            return 0;
        s = end + 1;
    }
}

static int is_dot_segment(const char *s, size_t len, int last)
{
    (void)last;
    return (len == 1 && s[0] == '.') || (len == 2 && s[0] == '.' &&
                                         s[1] == '.');
}

static int is_dotdot(const char *s, size_t len, int last)
{
    (void)last;
    return len == 2 && s[0] == '.' && s[1] == '.';
}

/* Not canonical: an empty segment other than the one after a final
 * slash, or a "." or ".." segment. */
static int is_bad_segment(const char *s, size_t len, int last)
{
    return (len == 0 && !last) || is_dot_segment(s, len, last);
}

static void check_below_root(const char *root, const char *out)
{
    size_t rootlen = strlen(root);

    if (rootlen == 0)
        return; /* undefined in APR */
    CHECK(strncmp(out, root, rootlen) == 0);
    CHECK(root[rootlen - 1] == '/' || out[rootlen] == '\0' ||
          out[rootlen] == '/');
    if (!any_segment(root, is_dot_segment))
        CHECK(!any_segment(out, is_dotdot));
}

static void check_merge(const char *root, const char *add, apr_int32_t flags)
{
    char sentinel[] = "x";
    char *out = sentinel, *again = sentinel;
    /* The root the merge really starts from: NULL is the current
     * directory, or "" under NOTABSOLUTE. */
    const char *eff_root =
        root ? root : (flags & APR_FILEPATH_NOTABSOLUTE) ? "" : cwd;
    apr_status_t rv = apr_filepath_merge(&out, root, add, flags, pool);
    apr_status_t rv2 = apr_filepath_merge(&again, root, add,
                                          flags ^ (APR_FILEPATH_NATIVE |
                                                   APR_FILEPATH_TRUENAME),
                                          pool);

    CHECK(rv == rv2);
    if (rv != APR_SUCCESS) {
        CHECK(out == sentinel && again == sentinel);
        return;
    }
    CHECK(strcmp(out, again) == 0);
    CHECK(strlen(out) <= strlen(eff_root) + strlen(add) + 3);

    if (flags & APR_FILEPATH_NOTABOVEROOT)
        check_below_root(eff_root, out);
    if ((flags & APR_FILEPATH_SECUREROOT) == APR_FILEPATH_SECUREROOT) {
        char *plain = NULL;
        CHECK(apr_filepath_merge(&plain, root, add,
                                 (flags & ~APR_FILEPATH_SECUREROOT) |
                                     APR_FILEPATH_NOTABOVEROOT,
                                 pool) == APR_SUCCESS);
        CHECK(strcmp(plain, out) == 0);
    }
    if (flags & APR_FILEPATH_NOTABSOLUTE)
        CHECK(out[0] != '/');
    if (flags & APR_FILEPATH_NOTRELATIVE)
        CHECK(out[0] == '/');
    if (add[0] == '/') {
        CHECK(out[0] == '/');
        CHECK(out[1] == '\0' || !any_segment(out + 1, is_bad_segment));
    }
}

static void check_root(const char *path)
{
    const char *root = NULL, *rest = path;
    apr_status_t rv = apr_filepath_root(&root, &rest, 0, pool);

    if (path[0] != '/') {
        CHECK(rv == APR_ERELATIVE && rest == path && root == NULL);
        return;
    }
    CHECK(rv == APR_SUCCESS && strcmp(root, "/") == 0);
    CHECK(rest > path && rest[-1] == '/' && rest[0] != '/');
    CHECK(strspn(path, "/") == (size_t)(rest - path));
}

/* s with runs of ':' squeezed and leading/trailing ones dropped. */
static char *squeeze(const char *s)
{
    char *out = apr_palloc(pool, strlen(s) + 1), *o = out;

    for (; *s; s++) {
        if (*s == ':' && (o == out || o[-1] == ':'))
            continue;
        *o++ = *s;
    }
    if (o > out && o[-1] == ':')
        o--;
    *o = '\0';
    return out;
}

static void check_lists(const char *s)
{
    apr_array_header_t *elts;
    char *merged = NULL;
    const char *want = squeeze(s);
    int i;

    CHECK(apr_filepath_list_split(&elts, s, pool) == APR_SUCCESS);
    for (i = 0; i < elts->nelts; i++) {
        const char *e = ((char **)elts->elts)[i];
        CHECK(e[0] != '\0' && strchr(e, ':') == NULL);
    }
    CHECK(apr_filepath_list_merge(&merged, elts, pool) == APR_SUCCESS);
    if (want[0] == '\0')
        CHECK(merged == NULL);
    else
        CHECK(merged != NULL && strcmp(merged, want) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul;
    char *root, *add;
    apr_int32_t flags;
    int null_root;

    setup();
    if (size == 0)
        return 0;
    flags = data[0] & 0x3f;
    null_root = (data[0] & 0x40) != 0;
    data++;
    size--;

    nul = memchr(data, '\0', size);
    if (nul) {
        root = copy(data, (size_t)(nul - data));
        add = copy(nul + 1, size - (size_t)(nul - data) - 1);
    }
    else {
        root = copy(data, size);
        add = copy(data, 0);
    }

    check_merge(null_root ? NULL : root, add, flags);
    check_root(root);
    check_root(add);
    check_lists(root);
    check_lists(add);

    free(root);
    free(add);
    apr_pool_clear(pool);
    return 0;
}
