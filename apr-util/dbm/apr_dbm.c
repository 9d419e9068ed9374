/*
 * apr_dbm.c: apr_dbm.h's dispatch. The providers built in are listed in
 * one table; a type is found by name (without case, as APR-util 1.x does)
 * and every call goes through the handle's provider.
 */
#include <string.h>
#include <strings.h>

#include "apr_strings.h"
#include "apr_dbm_internal.h"

static const apu__dbm_type_t *const providers[] = {
    &apu__dbm_type_sdbm,
#if APU_HAVE_GDBM
    &apu__dbm_type_gdbm,
#endif
#if APU_HAVE_DB
    &apu__dbm_type_db,
#endif
};

/* "default" is sdbm: the one provider every build has. */
#define DEFAULT_TYPE (&apu__dbm_type_sdbm)

static const apu__dbm_type_t *find_type(const char *type)
{
    size_t i;

    if (type == NULL || strcasecmp(type, "default") == 0)
        return DEFAULT_TYPE;
    for (i = 0; i < sizeof(providers) / sizeof(providers[0]); i++)
        if (strcasecmp(type, providers[i]->name) == 0)
            return providers[i];
    return NULL;
}

apr_status_t apu__dbm_set_error(apr_dbm_t *dbm, int errcode, const char *msg)
{
    dbm->errcode = errcode;
    dbm->errmsg = errcode == 0 ? NULL : msg;
    return errcode;
}

int apu__dbm_perms2mode(apr_fileperms_t perm)
{
    static const struct { apr_fileperms_t fprot; int mode; } bits[] = {
        { APR_FPROT_USETID, 04000 }, { APR_FPROT_GSETID, 02000 },
        { APR_FPROT_WSTICKY, 01000 },
        { APR_FPROT_UREAD, 0400 }, { APR_FPROT_UWRITE, 0200 },
        { APR_FPROT_UEXECUTE, 0100 },
        { APR_FPROT_GREAD, 040 }, { APR_FPROT_GWRITE, 020 },
        { APR_FPROT_GEXECUTE, 010 },
        { APR_FPROT_WREAD, 04 }, { APR_FPROT_WWRITE, 02 },
        { APR_FPROT_WEXECUTE, 01 },
    };
    int mode = 0;
    size_t i;

    if (perm == APR_FPROT_OS_DEFAULT)
        return 0666;
    for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
        if (perm & bits[i].fprot)
            mode |= bits[i].mode;
    return mode;
}

static apr_status_t dbm_cleanup(void *data)
{
    apr_dbm_t *dbm = data;

    return dbm->type->close(dbm);
}

APU_DECLARE(apr_status_t) apr_dbm_open_ex(apr_dbm_t **pdb, const char *type,
                                          const char *name, apr_int32_t mode,
                                          apr_fileperms_t perm,
                                          apr_pool_t *pool)
{
    const apu__dbm_type_t *vt = find_type(type);
    apr_dbm_t *dbm;
    apr_status_t rv;

    *pdb = NULL;
    if (vt == NULL)
        return APR_ENOTIMPL;
    if (mode < APR_DBM_READONLY || mode > APR_DBM_RWTRUNC)
        return APR_EINVAL;
    dbm = apr_pcalloc(pool, sizeof(*dbm));
    dbm->pool = pool;
    dbm->type = vt;
    rv = vt->open(dbm, name, mode, perm);
    if (rv != APR_SUCCESS)
        return rv;
    apr_pool_cleanup_register(pool, dbm, dbm_cleanup, apr_pool_cleanup_null);
    *pdb = dbm;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_dbm_open(apr_dbm_t **pdb, const char *name,
                                       apr_int32_t mode, apr_fileperms_t perm,
                                       apr_pool_t *pool)
{
    return apr_dbm_open_ex(pdb, "default", name, mode, perm, pool);
}

APU_DECLARE(void) apr_dbm_close(apr_dbm_t *dbm)
{
    apr_pool_cleanup_run(dbm->pool, dbm, dbm_cleanup);
}

APU_DECLARE(apr_status_t) apr_dbm_fetch(apr_dbm_t *dbm, apr_datum_t key,
                                        apr_datum_t *pvalue)
{
    return dbm->type->fetch(dbm, key, pvalue);
}

APU_DECLARE(apr_status_t) apr_dbm_store(apr_dbm_t *dbm, apr_datum_t key,
                                        apr_datum_t value)
{
    return dbm->type->store(dbm, key, value);
}

APU_DECLARE(apr_status_t) apr_dbm_delete(apr_dbm_t *dbm, apr_datum_t key)
{
    return dbm->type->del(dbm, key);
}

APU_DECLARE(int) apr_dbm_exists(apr_dbm_t *dbm, apr_datum_t key)
{
    return dbm->type->exists(dbm, key);
}

APU_DECLARE(apr_status_t) apr_dbm_firstkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    return dbm->type->firstkey(dbm, pkey);
}

APU_DECLARE(apr_status_t) apr_dbm_nextkey(apr_dbm_t *dbm, apr_datum_t *pkey)
{
    return dbm->type->nextkey(dbm, pkey);
}

APU_DECLARE(void) apr_dbm_freedatum(apr_dbm_t *dbm, apr_datum_t data)
{
    dbm->type->freedatum(dbm, data);
}

APU_DECLARE(char *) apr_dbm_geterror(apr_dbm_t *dbm, int *errcode,
                                     char *errbuf, apr_size_t errbufsize)
{
    if (errcode != NULL)
        *errcode = dbm->errcode;
    if (errbufsize == 0)
        return errbuf;
    if (dbm->errcode == 0)
        *errbuf = '\0';
    else if (dbm->errmsg != NULL)
        apr_cpystrn(errbuf, dbm->errmsg, errbufsize);
    else
        apr_strerror(dbm->errcode, errbuf, errbufsize);
    return errbuf;
}

APU_DECLARE(apr_status_t) apr_dbm_get_usednames_ex(apr_pool_t *pool,
                                                   const char *type,
                                                   const char *pathname,
                                                   const char **used1,
                                                   const char **used2)
{
    const apu__dbm_type_t *vt = find_type(type);

    if (vt == NULL)
        return APR_ENOTIMPL;
    vt->usednames(pool, pathname, used1, used2);
    return APR_SUCCESS;
}

APU_DECLARE(void) apr_dbm_get_usednames(apr_pool_t *pool,
                                        const char *pathname,
                                        const char **used1,
                                        const char **used2)
{
    DEFAULT_TYPE->usednames(pool, pathname, used1, used2);
}
