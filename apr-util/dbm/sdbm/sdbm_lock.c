/*
 * sdbm_lock.c: apr_sdbm_lock / apr_sdbm_unlock, a nesting count over an
 * apr_file_lock of the .dir file. As in APR-util, they only lock when the
 * database was opened with APR_FOPEN_SHARELOCK; otherwise they succeed
 * without doing anything.
 */
#include "sdbm_private.h"

APU_DECLARE(apr_status_t) apr_sdbm_lock(apr_sdbm_t *db, int type)
{
    apr_status_t rv;

    if (type != APR_FLOCK_SHARED && type != APR_FLOCK_EXCLUSIVE)
        return APR_EINVAL;
    if (!(db->flags & SDBM_SHARED))
        return APR_SUCCESS;
    if (db->flags & SDBM_EXCLUSIVE_LOCK) {
        db->lckcnt++;
        return APR_SUCCESS;
    }
    if (db->flags & SDBM_SHARED_LOCK) {
        /* A shared lock cannot be upgraded portably. */
        if (type == APR_FLOCK_EXCLUSIVE)
            return APR_EINVAL;
        db->lckcnt++;
        return APR_SUCCESS;
    }
    rv = apr_file_lock(db->dirf, type);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apu__sdbm_invalidate(db);
    if (rv != APR_SUCCESS) {
        apr_file_unlock(db->dirf);
        return rv;
    }
    db->lckcnt = 1;
    db->flags |= type == APR_FLOCK_SHARED ? SDBM_SHARED_LOCK
                                          : SDBM_EXCLUSIVE_LOCK;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_sdbm_unlock(apr_sdbm_t *db)
{
    if (!(db->flags & SDBM_SHARED))
        return APR_SUCCESS;
    if (!(db->flags & (SDBM_SHARED_LOCK | SDBM_EXCLUSIVE_LOCK)))
        return APR_EINVAL;
    if (--db->lckcnt > 0)
        return APR_SUCCESS;
    db->flags &= ~(SDBM_SHARED_LOCK | SDBM_EXCLUSIVE_LOCK);
    return apr_file_unlock(db->dirf);
}

apr_status_t apu__sdbm_lock_call(apr_sdbm_t *db, int type)
{
    return (db->flags & SDBM_SHARED) ? apr_sdbm_lock(db, type) : APR_SUCCESS;
}

void apu__sdbm_unlock_call(apr_sdbm_t *db)
{
    if (db->flags & SDBM_SHARED)
        (void)apr_sdbm_unlock(db);
}
