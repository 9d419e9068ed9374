/*
 * apr_dbm_sdbm.c: the "SDBM" provider, over apr_sdbm.h. The database is
 * opened with APR_FOPEN_SHARELOCK, so every call locks the files. Return
 * values follow APR-util's provider, quirks included: firstkey on an empty
 * database gives APR_EOF, nextkey at the end APR_SUCCESS (dptr NULL).
 */
#include "apr_strings.h"
#include "apr_sdbm.h"
#include "apr_dbm_internal.h"

static apr_sdbm_datum_t to_sdbm(apr_datum_t d)
{
    apr_sdbm_datum_t s;

    s.dptr = d.dptr;
    s.dsize = d.dsize > (apr_size_t)APR_INT32_MAX ? -1 : (int)d.dsize;
    return s;
}

static void from_sdbm(apr_datum_t *d, apr_sdbm_datum_t s)
{
    d->dptr = s.dptr;
    d->dsize = s.dptr ? (apr_size_t)s.dsize : 0;
}

static apr_status_t sdbm_open(apr_dbm_t *dbm, const char *name,
                              apr_int32_t mode, apr_fileperms_t perm)
{
    static const apr_int32_t flags[] = {
        0,
        APR_FOPEN_READ,
        APR_FOPEN_READ | APR_FOPEN_WRITE,
        APR_FOPEN_READ | APR_FOPEN_WRITE | APR_FOPEN_CREATE,
        APR_FOPEN_READ | APR_FOPEN_WRITE | APR_FOPEN_CREATE
            | APR_FOPEN_TRUNCATE,
    };
    apr_sdbm_t *db;
    apr_status_t rv = apr_sdbm_open(&db, name,
                                    flags[mode] | APR_FOPEN_SHARELOCK,
                                    perm, dbm->pool);

    if (rv == APR_SUCCESS)
        dbm->file = db;
    return rv;
}

static apr_status_t sdbm_close(apr_dbm_t *dbm)
{
    return apr_sdbm_close(dbm->file);
}

static apr_status_t sdbm_fetch(apr_dbm_t *dbm, apr_datum_t key,
                               apr_datum_t *pvalue)
{
    apr_sdbm_datum_t v = { NULL, 0 };
    apr_status_t rv = apr_sdbm_fetch(dbm->file, &v, to_sdbm(key));

    from_sdbm(pvalue, v);
    return apu__dbm_set_error(dbm, rv, NULL);
}

static apr_status_t sdbm_store(apr_dbm_t *dbm, apr_datum_t key,
                               apr_datum_t value)
{
    apr_status_t rv = apr_sdbm_store(dbm->file, to_sdbm(key),
                                     to_sdbm(value), APR_SDBM_REPLACE);

    return apu__dbm_set_error(dbm, rv, NULL);
}

static apr_status_t sdbm_del(apr_dbm_t *dbm, apr_datum_t key)
{
    return apu__dbm_set_error(dbm, apr_sdbm_delete(dbm->file, to_sdbm(key)),
                              NULL);
}

static int sdbm_exists(apr_dbm_t *dbm, apr_datum_t key)
{
    apr_sdbm_datum_t v = { NULL, 0 };

    return apr_sdbm_fetch(dbm->file, &v, to_sdbm(key)) == APR_SUCCESS
           && v.dptr != NULL;
}

static apr_status_t sdbm_firstkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    apr_sdbm_datum_t k = { NULL, 0 };
    apr_status_t rv = apr_sdbm_firstkey(dbm->file, &k);

    from_sdbm(pkey, k);
    return apu__dbm_set_error(dbm, rv, NULL);
}

static apr_status_t sdbm_nextkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    apr_sdbm_datum_t k = { NULL, 0 };
    apr_status_t rv = apr_sdbm_nextkey(dbm->file, &k);

    from_sdbm(pkey, k);
    if (rv == APR_EOF)
        rv = APR_SUCCESS; /* the end of the iteration is not an error */
    return apu__dbm_set_error(dbm, rv, NULL);
}

static void sdbm_freedatum(apr_dbm_t *dbm, apr_datum_t data)
{
    (void)dbm; /* data points into the database's page buffer */
    (void)data;
}

static void sdbm_usednames(apr_pool_t *pool, const char *pathname,
                           const char **used1, const char **used2)
{
    *used1 = apr_pstrcat(pool, pathname, APR_SDBM_DIRFEXT, NULL);
    *used2 = apr_pstrcat(pool, pathname, APR_SDBM_PAGFEXT, NULL);
}

const apu__dbm_type_t apu__dbm_type_sdbm = {
    "SDBM", sdbm_open, sdbm_close, sdbm_fetch, sdbm_store, sdbm_del,
    sdbm_exists, sdbm_firstkey, sdbm_nextkey, sdbm_freedatum, sdbm_usednames,
};
