/*
 * Users, from the password database through the reentrant getpw*_r()
 * calls. The entry's strings live in a caller-supplied buffer: start with
 * one on the stack and grow a heap one while the C library says ERANGE, so
 * no entry is too long (APR's fixed 2 KiB buffer could fail on big ones).
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "apr_strings.h"
#include "apr_user.h"

/* Growth stops here: an entry larger than this is an error (ERANGE). */
#define PWBUF_MAX (1024 * 1024)

/* Looks up a user by name (name != NULL) or by id. On success *pw is
 * filled and *heap is the buffer to free() afterwards (or NULL). Not found
 * is APR_ENOENT; the C library's errors are returned as they are. */
static apr_status_t lookup(const char *name, uid_t uid, struct passwd *pw,
                           char *stackbuf, size_t stacklen, char **heap)
{
    char *buf = stackbuf;
    size_t len = stacklen;
    struct passwd *found = NULL;
    int rv;

    *heap = NULL;
    for (;;) {
        rv = name ? getpwnam_r(name, pw, buf, len, &found)
                  : getpwuid_r(uid, pw, buf, len, &found);
        if (rv != ERANGE || len >= PWBUF_MAX)
            break;
        len *= 2;
        free(*heap);
        buf = *heap = malloc(len);
        if (buf == NULL)
            return APR_ENOMEM;
    }
    if (rv != 0) {
        free(*heap);
        *heap = NULL;
        return rv;
    }
    if (found == NULL) {
        free(*heap);
        *heap = NULL;
        return APR_ENOENT;
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_uid_current(apr_uid_t *userid,
                                          apr_gid_t *groupid, apr_pool_t *p)
{
    (void)p;
    *userid = getuid();
    *groupid = getgid();
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_uid_name_get(char **username, apr_uid_t userid,
                                           apr_pool_t *p)
{
    struct passwd pw;
    char buf[1024], *heap;
    apr_status_t rv = lookup(NULL, userid, &pw, buf, sizeof buf, &heap);

    if (rv != APR_SUCCESS)
        return rv;
    *username = apr_pstrdup(p, pw.pw_name);
    free(heap);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_uid_get(apr_uid_t *userid, apr_gid_t *groupid,
                                      const char *username, apr_pool_t *p)
{
    struct passwd pw;
    char buf[1024], *heap;
    apr_status_t rv = lookup(username, 0, &pw, buf, sizeof buf, &heap);

    (void)p;
    if (rv != APR_SUCCESS)
        return rv;
    *userid = pw.pw_uid;
    *groupid = pw.pw_gid;
    free(heap);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_uid_homepath_get(char **dirname,
                                               const char *username,
                                               apr_pool_t *p)
{
    struct passwd pw;
    char buf[1024], *heap;
    apr_status_t rv = lookup(username, 0, &pw, buf, sizeof buf, &heap);

    if (rv != APR_SUCCESS)
        return rv;
    *dirname = apr_pstrdup(p, pw.pw_dir);
    free(heap);
    return APR_SUCCESS;
}
