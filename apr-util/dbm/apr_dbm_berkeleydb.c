/*
 * apr_dbm_berkeleydb.c: the "DB" provider (built when Berkeley DB is
 * found; the 4.x/5.x API): one file, the name as given, a DB_HASH
 * database without an environment. Errors are APR_OS_START_USEERR + the
 * DB (or errno) code with db_strerror's text, as in APR-util. Data
 * returned points to DB's own memory, valid until the next call.
 */
#include <string.h>
#include <db.h>

#include "apr_strings.h"
#include "apr_file_info.h"
#include "apr_dbm_internal.h"

static apr_status_t db_error(apr_dbm_t *dbm, int err)
{
    if (err == 0)
        return apu__dbm_set_error(dbm, 0, NULL);
    return apu__dbm_set_error(dbm, APR_OS_START_USEERR + err,
                              db_strerror(err));
}

static DBT to_dbt(apr_datum_t d)
{
    DBT t;

    memset(&t, 0, sizeof(t));
    t.data = d.dptr;
    t.size = (u_int32_t)d.dsize;
    return t;
}

static void from_dbt(apr_datum_t *d, const DBT *t)
{
    d->dptr = t->data;
    d->dsize = t->data ? t->size : 0;
}

static apr_status_t bdb_open(apr_dbm_t *dbm, const char *name,
                             apr_int32_t mode, apr_fileperms_t perm)
{
    static const u_int32_t flags[] = {
        0, DB_RDONLY, 0, DB_CREATE, DB_CREATE | DB_TRUNCATE,
    };
    DB *dbp;
    int err = db_create(&dbp, NULL, 0);

    if (err != 0)
        return db_error(dbm, err);
    err = dbp->open(dbp, NULL, name, NULL, DB_HASH, flags[mode],
                    apu__dbm_perms2mode(perm));
    if (err != 0) {
        dbp->close(dbp, 0);
        return db_error(dbm, err);
    }
    dbm->file = dbp;
    return APR_SUCCESS;
}

static void close_cursor(apr_dbm_t *dbm)
{
    DBC *c = dbm->cursor;

    if (c != NULL)
        c->close(c);
    dbm->cursor = NULL;
}

static apr_status_t bdb_close(apr_dbm_t *dbm)
{
    DB *dbp = dbm->file;

    close_cursor(dbm);
    if (dbp != NULL)
        dbp->close(dbp, 0);
    dbm->file = NULL;
    return APR_SUCCESS;
}

static apr_status_t bdb_fetch(apr_dbm_t *dbm, apr_datum_t key,
                              apr_datum_t *pvalue)
{
    DB *dbp = dbm->file;
    DBT k = to_dbt(key), v;
    int err;

    memset(&v, 0, sizeof(v));
    err = dbp->get(dbp, NULL, &k, &v, 0);
    if (err == DB_NOTFOUND) {
        v.data = NULL; /* a missing key is not an error */
        err = 0;
    }
    if (err != 0)
        memset(&v, 0, sizeof(v));
    from_dbt(pvalue, &v);
    return db_error(dbm, err);
}

static apr_status_t bdb_store(apr_dbm_t *dbm, apr_datum_t key,
                              apr_datum_t value)
{
    DB *dbp = dbm->file;
    DBT k = to_dbt(key), v = to_dbt(value);
    /* No sync per call (as APR-util): close flushes. */
    return db_error(dbm, dbp->put(dbp, NULL, &k, &v, 0));
}

static apr_status_t bdb_del(apr_dbm_t *dbm, apr_datum_t key)
{
    DB *dbp = dbm->file;
    DBT k = to_dbt(key);
    return db_error(dbm, dbp->del(dbp, NULL, &k, 0));
}

static int bdb_exists(apr_dbm_t *dbm, apr_datum_t key)
{
    DB *dbp = dbm->file;
    DBT k = to_dbt(key), v;

    memset(&v, 0, sizeof(v));
    return dbp->get(dbp, NULL, &k, &v, 0) == 0;
}

/* Step the iteration cursor (DB_FIRST or DB_NEXT); the end gives
 * APR_SUCCESS with dptr NULL and closes the cursor. */
static apr_status_t step(apr_dbm_t *dbm, apr_datum_t *pkey, u_int32_t how)
{
    DB *dbp = dbm->file;
    DBC *c;
    DBT k, v;
    int err = 0;

    pkey->dptr = NULL;
    pkey->dsize = 0;
    if (how == DB_FIRST)
        close_cursor(dbm);
    if (dbm->cursor == NULL) {
        if (how == DB_NEXT)
            return db_error(dbm, 0); /* iteration over */
        err = dbp->cursor(dbp, NULL, &c, 0);
        if (err != 0)
            return db_error(dbm, err);
        dbm->cursor = c;
    }
    c = dbm->cursor;
    memset(&k, 0, sizeof(k));
    memset(&v, 0, sizeof(v));
    err = c->get(c, &k, &v, how);
    if (err == 0) {
        from_dbt(pkey, &k);
    }
    else {
        close_cursor(dbm);
        if (err == DB_NOTFOUND)
            err = 0;
    }
    return db_error(dbm, err);
}

static apr_status_t bdb_firstkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    return step(dbm, pkey, DB_FIRST);
}

static apr_status_t bdb_nextkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    return step(dbm, pkey, DB_NEXT);
}

static void bdb_freedatum(apr_dbm_t *dbm, apr_datum_t data)
{
    (void)dbm; /* DB's own memory */
    (void)data;
}

static void bdb_usednames(apr_pool_t *pool, const char *pathname,
                          const char **used1, const char **used2)
{
    *used1 = apr_pstrdup(pool, pathname);
    *used2 = NULL;
}

const apu__dbm_type_t apu__dbm_type_db = {
    "DB", bdb_open, bdb_close, bdb_fetch, bdb_store, bdb_del, bdb_exists,
    bdb_firstkey, bdb_nextkey, bdb_freedatum, bdb_usednames,
};
