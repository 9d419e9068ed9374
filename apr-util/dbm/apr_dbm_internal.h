/*
 * apr_dbm_internal.h: the provider table behind apr_dbm.h. Each provider
 * (apr_dbm_sdbm.c, apr_dbm_gdbm.c, apr_dbm_berkeleydb.c) exports one const
 * apu__dbm_type_t; apr_dbm.c picks one by name and dispatches through it.
 */
#ifndef APR_DBM_INTERNAL_H
#define APR_DBM_INTERNAL_H

#include "apu.h"
#include "apr_dbm.h"

typedef struct apu__dbm_type_t apu__dbm_type_t;

struct apr_dbm_t {
    apr_pool_t *pool;
    void *file;              /* the provider's handle */
    void *cursor;            /* the provider's iteration state, if any */
    int errcode;             /* status of the last call, 0 after success */
    const char *errmsg;      /* its text; NULL: apr_strerror(errcode) */
    const apu__dbm_type_t *type;
};

struct apu__dbm_type_t {
    const char *name; /* "SDBM", "GDBM", "DB": matched without case */
    /* Open: (*pdb)->file set; mode is APR_DBM_*, already checked. */
    apr_status_t (*open)(apr_dbm_t *dbm, const char *name, apr_int32_t mode,
                         apr_fileperms_t perm);
    /* Close the handle (also run as the pool cleanup). */
    apr_status_t (*close)(apr_dbm_t *dbm);
    apr_status_t (*fetch)(apr_dbm_t *dbm, apr_datum_t key,
                          apr_datum_t *pvalue);
    apr_status_t (*store)(apr_dbm_t *dbm, apr_datum_t key, apr_datum_t value);
    apr_status_t (*del)(apr_dbm_t *dbm, apr_datum_t key);
    int (*exists)(apr_dbm_t *dbm, apr_datum_t key);
    apr_status_t (*firstkey)(apr_dbm_t *dbm, apr_datum_t *pkey);
    apr_status_t (*nextkey)(apr_dbm_t *dbm, apr_datum_t *pkey);
    void (*freedatum)(apr_dbm_t *dbm, apr_datum_t data);
    void (*usednames)(apr_pool_t *pool, const char *pathname,
                      const char **used1, const char **used2);
};

extern const apu__dbm_type_t apu__dbm_type_sdbm;
#if APU_HAVE_GDBM
extern const apu__dbm_type_t apu__dbm_type_gdbm;
/* The open(2) mode for APR_FPROT_* permissions (APR_FPROT_OS_DEFAULT:
 * 0666, less the umask as always). */
int apu__dbm_perms2mode(apr_fileperms_t perm);

#endif
#if APU_HAVE_DB
extern const apu__dbm_type_t apu__dbm_type_db;
/* The open(2) mode for APR_FPROT_* permissions (APR_FPROT_OS_DEFAULT:
 * 0666, less the umask as always). */
int apu__dbm_perms2mode(apr_fileperms_t perm);

#endif

/* Record the outcome of a call: errcode 0 clears the error. msg NULL
 * means the text of apr_strerror(errcode). Returns errcode. */
apr_status_t apu__dbm_set_error(apr_dbm_t *dbm, int errcode,
                                const char *msg);

/* The open(2) mode for APR_FPROT_* permissions (APR_FPROT_OS_DEFAULT:
 * 0666, less the umask as always). */
int apu__dbm_perms2mode(apr_fileperms_t perm);

#endif
