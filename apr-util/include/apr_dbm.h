/*
 * apr_dbm.h: one interface over several key/value database formats
 * ("providers"): sdbm (always built), gdbm and Berkeley DB (when the
 * build found them; see APU_HAVE_GDBM / APU_HAVE_DB in apu.h).
 */
#ifndef APR_DBM_H
#define APR_DBM_H

#include "apu.h"
#include "apr.h"
#include "apr_errno.h"
#include "apr_pools.h"
#include "apr_file_info.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file apr_dbm.h
 * @brief APR-util DBM interface
 * @defgroup APR_Util_DBM DBM routines
 * @ingroup APR_Util
 * @{
 */

/** An open database of any provider (opaque); owned by its pool. */
typedef struct apr_dbm_t apr_dbm_t;

/** A key or a value: dsize bytes at dptr. */
typedef struct {
    /** The bytes (not NUL-terminated). */
    char *dptr;
    /** How many bytes dptr holds. */
    apr_size_t dsize;
} apr_datum_t;

/** Open mode: read only. */
#define APR_DBM_READONLY 1
/** Open mode: read and write an existing database. */
#define APR_DBM_READWRITE 2
/** Open mode: read and write, creating the database when missing. */
#define APR_DBM_RWCREATE 3
/** Open mode: read and write, emptying an existing database. */
#define APR_DBM_RWTRUNC 4

/**
 * Open a database of a given provider.
 * @param dbm Receives the database.
 * @param type "SDBM", "GDBM", "DB", "NDBM" or "default" (case does not
 *        matter); a provider this build lacks gives APR_ENOTIMPL.
 * @param name The database name: some providers add suffixes to it
 *        (see apr_dbm_get_usednames_ex).
 * @param mode One of APR_DBM_READONLY, READWRITE, RWCREATE, RWTRUNC.
 * @param perm Permissions of files created.
 * @param cntxt The pool; the database is closed when it is cleared.
 */
APU_DECLARE(apr_status_t) apr_dbm_open_ex(apr_dbm_t **dbm, const char *type,
                                          const char *name, apr_int32_t mode,
                                          apr_fileperms_t perm,
                                          apr_pool_t *cntxt);

/** apr_dbm_open_ex() with the "default" provider. */
APU_DECLARE(apr_status_t) apr_dbm_open(apr_dbm_t **dbm, const char *name,
                                       apr_int32_t mode, apr_fileperms_t perm,
                                       apr_pool_t *cntxt);

/** Close the database. */
APU_DECLARE(void) apr_dbm_close(apr_dbm_t *dbm);

/**
 * Look a key up. A missing key gives APR_SUCCESS with pvalue->dptr NULL.
 * The value stays valid at least until the next call on this database.
 */
APU_DECLARE(apr_status_t) apr_dbm_fetch(apr_dbm_t *dbm, apr_datum_t key,
                                        apr_datum_t *pvalue);

/** Store a pair, replacing the value of an existing key. */
APU_DECLARE(apr_status_t) apr_dbm_store(apr_dbm_t *dbm, apr_datum_t key,
                                        apr_datum_t value);

/**
 * Delete the pair of a key. Deleting a key that is not there gives the
 * provider's error (each of APR-util's providers returns one).
 */
APU_DECLARE(apr_status_t) apr_dbm_delete(apr_dbm_t *dbm, apr_datum_t key);

/** Non-zero when the key is in the database. */
APU_DECLARE(int) apr_dbm_exists(apr_dbm_t *dbm, apr_datum_t key);

/**
 * The first key of an iteration (in no particular order); pkey->dptr is
 * NULL when the database is empty.
 */
APU_DECLARE(apr_status_t) apr_dbm_firstkey(apr_dbm_t *dbm, apr_datum_t *pkey);

/**
 * The key after *pkey (which must hold the previous key of the
 * iteration); pkey->dptr is NULL at the end.
 */
APU_DECLARE(apr_status_t) apr_dbm_nextkey(apr_dbm_t *dbm, apr_datum_t *pkey);

/** Release what the provider allocated for a fetched datum, if anything. */
APU_DECLARE(void) apr_dbm_freedatum(apr_dbm_t *dbm, apr_datum_t data);

/**
 * The error of the last call on this database: *errcode (when errcode is
 * not NULL) gets its code, 0 after success, and errbuf its text ("" after
 * success), truncated to errbufsize.
 * @return errbuf.
 */
APU_DECLARE(char *) apr_dbm_geterror(apr_dbm_t *dbm, int *errcode,
                                     char *errbuf, apr_size_t errbufsize);

/**
 * The file names a provider would use for a database name: *used2 is NULL
 * for a provider using one file. Touches no file.
 * @return APR_ENOTIMPL for a provider this build lacks.
 */
APU_DECLARE(apr_status_t) apr_dbm_get_usednames_ex(apr_pool_t *pool,
                                                   const char *type,
                                                   const char *pathname,
                                                   const char **used1,
                                                   const char **used2);

/** apr_dbm_get_usednames_ex() for the "default" provider. */
APU_DECLARE(void) apr_dbm_get_usednames(apr_pool_t *pool,
                                        const char *pathname,
                                        const char **used1,
                                        const char **used2);

/** @} */
#ifdef __cplusplus
}
#endif

#endif /* APR_DBM_H */
