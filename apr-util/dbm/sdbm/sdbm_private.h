/*
 * sdbm_private.h: the layout of an open sdbm database and the page
 * primitives shared by sdbm.c, sdbm_lock.c and sdbm_pair.c.
 *
 * A page of the .pag file is an array of shorts at its start, ino[0] the
 * number of entries (twice the number of pairs), ino[1..n] the offset of
 * each entry; entry i runs from ino[i] to ino[i-1] (to PBLKSIZ for the
 * first one). Keys are the odd entries, values the even ones, so the
 * offsets grow down from the end of the page while the array grows up.
 */
#ifndef SDBM_PRIVATE_H
#define SDBM_PRIVATE_H

#include "apr.h"
#include "apr_errno.h"
#include "apr_file_io.h"
#include "apr_sdbm.h"
#include "sdbm_tune.h"

/* The largest key + value a page can hold: PBLKSIZ less three shorts
 * (count and two offsets), rounded down as APR-util does. */
#define PAIRMAX (PBLKSIZ - 16)

/* db->flags */
#define SDBM_RDONLY          0x1 /* opened without APR_FOPEN_WRITE */
#define SDBM_SHARED          0x2 /* APR_FOPEN_SHARELOCK: lock every call */
#define SDBM_SHARED_LOCK     0x4 /* a shared lock is held */
#define SDBM_EXCLUSIVE_LOCK  0x8 /* an exclusive lock is held */

/* A page buffer aligned for its array of shorts. */
typedef union {
    char b[PBLKSIZ];
    short ino[PBLKSIZ / sizeof(short)];
} apu__sdbm_page_t;

struct apr_sdbm_t {
    apr_pool_t *pool;
    apr_file_t *dirf;
    apr_file_t *pagf;
    int flags;
    int lckcnt;             /* nesting of apr_sdbm_lock */
    apr_int64_t maxbno;     /* bits in the .dir file */
    apr_int64_t curbit;     /* dir bit of the current page */
    apr_uint32_t hmask;     /* hash mask of the current page */
    apr_int64_t blkptr;     /* page of the iteration */
    int keyptr;             /* pair of the iteration in that page */
    apr_int64_t pagbno;     /* page in pagbuf, -1 for none */
    apr_int64_t dirbno;     /* dir block in dirbuf, -1 for none */
    apu__sdbm_page_t pagbuf;
    unsigned char dirbuf[DBLKSIZ];
};

/* The sdbm hash of len bytes. */
apr_uint32_t apu__sdbm_hash(const char *str, int len);

/* Non-zero when the page is well formed: every offset in range, the
 * entries in order and not overlapping the header. */
int apu__sdbm_chkpage(const apu__sdbm_page_t *pag);
/* Non-zero when a pair of `need` bytes (key + value) fits. */
int apu__sdbm_fitpair(const apu__sdbm_page_t *pag, int need);
/* Append a pair (the caller checked that it fits). */
void apu__sdbm_putpair(apu__sdbm_page_t *pag, apr_sdbm_datum_t key,
                       apr_sdbm_datum_t val);
/* The value of the first pair with this key, dptr NULL when none. */
apr_sdbm_datum_t apu__sdbm_getpair(apu__sdbm_page_t *pag,
                                   apr_sdbm_datum_t key);
/* Non-zero when the key is in the page. */
int apu__sdbm_duppair(const apu__sdbm_page_t *pag, apr_sdbm_datum_t key);
/* Remove the first pair with this key; zero when there was none. */
int apu__sdbm_delpair(apu__sdbm_page_t *pag, apr_sdbm_datum_t key);
/* The key of the num-th pair (from 1), dptr NULL past the last. */
apr_sdbm_datum_t apu__sdbm_getnkey(apu__sdbm_page_t *pag, int num);
/* Move the pairs whose hash has `sbit` set from pag to twin (emptied). */
void apu__sdbm_splpage(apu__sdbm_page_t *pag, apu__sdbm_page_t *twin,
                       apr_uint32_t sbit);

/* Implicit locking of one call: apr_sdbm_lock/unlock under
 * APR_FOPEN_SHARELOCK, nothing otherwise. */
apr_status_t apu__sdbm_lock_call(apr_sdbm_t *db, int type);
void apu__sdbm_unlock_call(apr_sdbm_t *db);
/* Forget the cached pages and reread the .dir size (after taking a lock:
 * another process may have changed the files). */
apr_status_t apu__sdbm_invalidate(apr_sdbm_t *db);

#endif
