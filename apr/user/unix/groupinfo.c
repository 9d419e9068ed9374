/*
 * Groups, from the group database through the reentrant getgr*_r() calls,
 * with a buffer that grows while the C library says ERANGE (big groups
 * list many members, and a fixed buffer would fail on them).
 */
#include <errno.h>
#include <grp.h>
#include <stdlib.h>

#include "apr_strings.h"
#include "apr_user.h"

/* Growth stops here: an entry larger than this is an error (ERANGE). */
#define GRBUF_MAX (4 * 1024 * 1024)

/* Looks up a group by name (name != NULL) or by id; as in userinfo.c. */
static apr_status_t lookup(const char *name, gid_t gid, struct group *gr,
                           char *stackbuf, size_t stacklen, char **heap)
{
    char *buf = stackbuf;
    size_t len = stacklen;
    struct group *found = NULL;
    int rv;

    *heap = NULL;
    for (;;) {
        rv = name ? getgrnam_r(name, gr, buf, len, &found)
                  : getgrgid_r(gid, gr, buf, len, &found);
        if (rv != ERANGE || len >= GRBUF_MAX)
            break;
        len *= 2;
        free(*heap);
        buf = *heap = malloc(len);
        if (buf == NULL)
            return APR_ENOMEM;
    }
    if (rv != 0 || found == NULL) {
        free(*heap);
        *heap = NULL;
        return rv != 0 ? rv : APR_ENOENT;
    }
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_gid_name_get(char **groupname,
                                           apr_gid_t groupid, apr_pool_t *p)
{
    struct group gr;
    char buf[1024], *heap;
    apr_status_t rv = lookup(NULL, groupid, &gr, buf, sizeof buf, &heap);

    if (rv != APR_SUCCESS)
        return rv;
    *groupname = apr_pstrdup(p, gr.gr_name);
    free(heap);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_gid_get(apr_gid_t *groupid,
                                      const char *groupname, apr_pool_t *p)
{
    struct group gr;
    char buf[1024], *heap;
    apr_status_t rv = lookup(groupname, 0, &gr, buf, sizeof buf, &heap);

    (void)p;
    if (rv != APR_SUCCESS)
        return rv;
    *groupid = gr.gr_gid;
    free(heap);
    return APR_SUCCESS;
}
