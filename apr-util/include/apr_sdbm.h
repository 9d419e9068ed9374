/*
 * apr_sdbm.h: a small on-disk hash database, always built.
 *
 * An sdbm database is two files: NAME.dir (a bitmap recording which pages
 * have been split) and NAME.pag (the pages holding the key/value pairs).
 */
#ifndef APR_SDBM_H
#define APR_SDBM_H

#include "apu.h"
#include "apr_errno.h"
#include "apr_file_io.h"

/**
 * @file apr_sdbm.h
 * @brief APR-util SDBM database
 * @defgroup APR_Util_DBM_SDBM SDBM library
 * @ingroup APR_Util_DBM
 * @{
 */

/** An open sdbm database (opaque); it belongs to the pool it was opened in. */
typedef struct apr_sdbm_t apr_sdbm_t;

/** A key or a value: dsize bytes at dptr. */
typedef struct {
    /** The bytes (not NUL-terminated). */
    char *dptr;
    /** How many bytes dptr holds. */
    int dsize;
} apr_sdbm_datum_t;

/** Suffix of the directory (bitmap) file. */
#define APR_SDBM_DIRFEXT ".dir"
/** Suffix of the page file. */
#define APR_SDBM_PAGFEXT ".pag"

/** apr_sdbm_store: fail with APR_EEXIST when the key is already there. */
#define APR_SDBM_INSERT 0
/** apr_sdbm_store: replace the value of an existing key. */
#define APR_SDBM_REPLACE 1
/** apr_sdbm_store: add another pair even when the key is already there. */
#define APR_SDBM_INSERTDUP 2

/**
 * Open (or create) the database NAME.dir / NAME.pag.
 * @param db Receives the database.
 * @param name The file name without suffix.
 * @param mode APR_FOPEN_* flags: READ and BINARY are implied; WRITE opens
 *        read-write, CREATE / TRUNCATE / EXCL / DELONCLOSE as for files;
 *        SHARELOCK makes every call take a file lock (shared to read,
 *        exclusive to write) and enables apr_sdbm_lock().
 * @param perms Permissions of files created.
 * @param p The pool; the files are closed when it is cleared.
 */
APU_DECLARE(apr_status_t) apr_sdbm_open(apr_sdbm_t **db, const char *name,
                                        apr_int32_t mode,
                                        apr_fileperms_t perms, apr_pool_t *p);

/** Close the database (and its files). */
APU_DECLARE(apr_status_t) apr_sdbm_close(apr_sdbm_t *db);

/**
 * Lock the database for a sequence of calls. Locks nest: each call needs
 * an apr_sdbm_unlock(). A shared lock cannot be upgraded (APR_EINVAL),
 * and while one is held apr_sdbm_store/apr_sdbm_delete fail with
 * APR_EINVAL. Without APR_FOPEN_SHARELOCK at open, locking does nothing.
 * @param db The database.
 * @param type APR_FLOCK_SHARED or APR_FLOCK_EXCLUSIVE.
 */
APU_DECLARE(apr_status_t) apr_sdbm_lock(apr_sdbm_t *db, int type);

/** Release one level of apr_sdbm_lock(). */
APU_DECLARE(apr_status_t) apr_sdbm_unlock(apr_sdbm_t *db);

/**
 * Look a key up. A missing key gives APR_SUCCESS and value->dptr NULL.
 * The value points into the database's page buffer: it is valid until the
 * next call on this database.
 */
APU_DECLARE(apr_status_t) apr_sdbm_fetch(apr_sdbm_t *db,
                                         apr_sdbm_datum_t *value,
                                         apr_sdbm_datum_t key);

/**
 * Store a pair. The key must be non-empty and key plus value must fit in
 * a page (APR_EINVAL otherwise); APR_EINVAL too on a read-only database.
 * @param opt APR_SDBM_INSERT (APR_EEXIST if the key exists),
 *        APR_SDBM_REPLACE or APR_SDBM_INSERTDUP.
 */
APU_DECLARE(apr_status_t) apr_sdbm_store(apr_sdbm_t *db, apr_sdbm_datum_t key,
                                         apr_sdbm_datum_t value, int opt);

/**
 * Delete one pair with this key. A key not there gives APR_EGENERAL (as
 * APR-util does, whatever its documentation says).
 */
APU_DECLARE(apr_status_t) apr_sdbm_delete(apr_sdbm_t *db,
                                          const apr_sdbm_datum_t key);

/**
 * Start an iteration: the first key, in no particular order. An empty
 * database gives APR_EOF and key->dptr NULL. With APR_FOPEN_SHARELOCK,
 * hold apr_sdbm_lock() over the whole iteration.
 */
APU_DECLARE(apr_status_t) apr_sdbm_firstkey(apr_sdbm_t *db,
                                            apr_sdbm_datum_t *key);

/** The next key of the iteration; at the end APR_EOF and key->dptr NULL. */
APU_DECLARE(apr_status_t) apr_sdbm_nextkey(apr_sdbm_t *db,
                                           apr_sdbm_datum_t *key);

/** Non-zero when the database was opened without APR_FOPEN_WRITE. */
APU_DECLARE(int) apr_sdbm_rdonly(apr_sdbm_t *db);

/** @} */
#endif /* APR_SDBM_H */
