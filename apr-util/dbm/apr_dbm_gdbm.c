/*
 * apr_dbm_gdbm.c: the "GDBM" provider (built when libgdbm is found). One
 * file, the name as given. Errors are APR_OS_START_USEERR + gdbm_errno
 * with gdbm_strerror's text, as in APR-util. gdbm hands out malloc()ed
 * data: it is copied into the database's pool and freed at once, so
 * apr_dbm_freedatum has nothing to do.
 */
#include <stdlib.h>
#include <string.h>
#include <gdbm.h>

#include "apr_strings.h"
#include "apr_file_info.h"
#include "apr_dbm_internal.h"

static apr_status_t gd_error(apr_dbm_t *dbm)
{
    int err = gdbm_errno;

    if (err == GDBM_NO_ERROR)
        err = GDBM_ILLEGAL_DATA;
    return apu__dbm_set_error(dbm, APR_OS_START_USEERR + err,
                              gdbm_strerror(err));
}

static datum to_gdbm(apr_datum_t d)
{
    datum g;

    g.dptr = d.dptr;
    g.dsize = (int)d.dsize;
    return g;
}

/* Copy gdbm's malloc()ed datum into the pool and free it. */
static void from_gdbm(apr_dbm_t *dbm, apr_datum_t *d, datum g)
{
    d->dptr = g.dptr ? apr_pmemdup(dbm->pool, g.dptr, (apr_size_t)g.dsize)
                     : NULL;
    d->dsize = g.dptr ? (apr_size_t)g.dsize : 0;
    free(g.dptr);
}

static apr_status_t gd_open(apr_dbm_t *dbm, const char *name,
                            apr_int32_t mode, apr_fileperms_t perm)
{
    static const int flags[] = {
        0, GDBM_READER, GDBM_WRITER, GDBM_WRCREAT, GDBM_NEWDB,
    };
    GDBM_FILE f = gdbm_open(name, 0, flags[mode],
                            apu__dbm_perms2mode(perm), NULL);

    if (f == NULL)
        return gd_error(dbm);
    dbm->file = f;
    return APR_SUCCESS;
}

static apr_status_t gd_close(apr_dbm_t *dbm)
{
    if (dbm->file != NULL)
        gdbm_close(dbm->file);
    dbm->file = NULL;
    return APR_SUCCESS;
}

static apr_status_t gd_fetch(apr_dbm_t *dbm, apr_datum_t key,
                             apr_datum_t *pvalue)
{
    datum v = gdbm_fetch(dbm->file, to_gdbm(key));

    from_gdbm(dbm, pvalue, v);
    /* A missing key is not an error (dptr NULL), as in APR-util. */
    return apu__dbm_set_error(dbm, 0, NULL);
}

static apr_status_t gd_store(apr_dbm_t *dbm, apr_datum_t key,
                             apr_datum_t value)
{
    if (gdbm_store(dbm->file, to_gdbm(key), to_gdbm(value),
                   GDBM_REPLACE) != 0)
        return gd_error(dbm);
    return apu__dbm_set_error(dbm, 0, NULL);
}

static apr_status_t gd_del(apr_dbm_t *dbm, apr_datum_t key)
{
    if (gdbm_delete(dbm->file, to_gdbm(key)) != 0)
        return gd_error(dbm);
    return apu__dbm_set_error(dbm, 0, NULL);
}

static int gd_exists(apr_dbm_t *dbm, apr_datum_t key)
{
    return gdbm_exists(dbm->file, to_gdbm(key)) != 0;
}

static apr_status_t gd_firstkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    from_gdbm(dbm, pkey, gdbm_firstkey(dbm->file));
    return apu__dbm_set_error(dbm, 0, NULL);
}

static apr_status_t gd_nextkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    from_gdbm(dbm, pkey, gdbm_nextkey(dbm->file, to_gdbm(*pkey)));
    return apu__dbm_set_error(dbm, 0, NULL);
}

static void gd_freedatum(apr_dbm_t *dbm, apr_datum_t data)
{
    (void)dbm; /* pool memory */
    (void)data;
}

static void gd_usednames(apr_pool_t *pool, const char *pathname,
                         const char **used1, const char **used2)
{
    *used1 = apr_pstrdup(pool, pathname);
    *used2 = NULL;
}

const apu__dbm_type_t apu__dbm_type_gdbm = {
    "GDBM", gd_open, gd_close, gd_fetch, gd_store, gd_del, gd_exists,
    gd_firstkey, gd_nextkey, gd_freedatum, gd_usednames,
};
