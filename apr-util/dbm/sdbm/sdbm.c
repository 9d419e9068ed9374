/*
 * sdbm.c: an sdbm database (Larson's dynamic hashing, as in the classic
 * sdbm): the .dir file is a bitmap over a binary tree of page splits, the
 * .pag file holds the pages (sdbm_pair.c).
 *
 * Finding the page of a hash: start at bit 0 of the tree; while the bit of
 * the current node is set (that page was split), go to its child chosen by
 * the next bit of the hash (2*bit+1 or 2*bit+2). The depth reached is the
 * number of low hash bits that name the page. A page that overflows is
 * split on the next hash bit: the pairs with that bit set move to page
 * (number | that bit), and the node's dir bit is set.
 *
 * Corrupted files never crash: every page read is checked, the tree walk
 * is bounded, and a bad page gives APR_ENOSPC (APR-util's status for it).
 */
#include <string.h>

#include "apr_strings.h"
#include "sdbm_private.h"

#define BYTESIZ 8
#define BAD_PAGE_STATUS APR_ENOSPC

/* Read len bytes at off; bytes past the end of the file read as zeros.
 * *got (may be NULL) receives how many bytes the file had. */
static apr_status_t read_at(apr_file_t *f, char *buf, apr_off_t off,
                            apr_size_t len, apr_size_t *got)
{
    apr_size_t n = 0;
    apr_status_t rv = apr_file_seek(f, APR_SET, &off);

    if (rv == APR_SUCCESS) {
        rv = apr_file_read_full(f, buf, len, &n);
        if (rv == APR_EOF) {
            memset(buf + n, 0, len - n);
            rv = APR_SUCCESS;
        }
    }
    if (got)
        *got = n;
    return rv;
}

static apr_status_t write_at(apr_file_t *f, const char *buf, apr_off_t off,
                             apr_size_t len)
{
    apr_status_t rv = apr_file_seek(f, APR_SET, &off);

    if (rv == APR_SUCCESS)
        rv = apr_file_write_full(f, buf, len, NULL);
    return rv;
}

static apr_status_t read_page(apr_sdbm_t *db, apr_int64_t pagb,
                              apr_size_t *got)
{
    apr_status_t rv;

    db->pagbno = -1;
    rv = read_at(db->pagf, db->pagbuf.b, (apr_off_t)pagb * PBLKSIZ, PBLKSIZ,
                 got);
    if (rv != APR_SUCCESS)
        return rv;
    if (!apu__sdbm_chkpage(&db->pagbuf))
        return BAD_PAGE_STATUS;
    db->pagbno = pagb;
    return APR_SUCCESS;
}

static apr_status_t write_page(apr_sdbm_t *db, const apu__sdbm_page_t *pag,
                               apr_int64_t pagb)
{
    return write_at(db->pagf, pag->b, (apr_off_t)pagb * PBLKSIZ, PBLKSIZ);
}

static apr_status_t getdbit(apr_sdbm_t *db, apr_int64_t dbit, int *set)
{
    apr_int64_t c = dbit / BYTESIZ;
    apr_int64_t dirb = c / DBLKSIZ;

    if (dirb != db->dirbno) {
        apr_status_t rv;
        db->dirbno = -1;
        rv = read_at(db->dirf, (char *)db->dirbuf, (apr_off_t)dirb * DBLKSIZ,
                     DBLKSIZ, NULL);
        if (rv != APR_SUCCESS)
            return rv;
        db->dirbno = dirb;
    }
    *set = (db->dirbuf[c % DBLKSIZ] >> (dbit % BYTESIZ)) & 1;
    return APR_SUCCESS;
}

static apr_status_t setdbit(apr_sdbm_t *db, apr_int64_t dbit)
{
    apr_int64_t c = dbit / BYTESIZ;
    apr_int64_t dirb = c / DBLKSIZ;
    int set;
    apr_status_t rv = getdbit(db, dbit, &set);

    if (rv != APR_SUCCESS)
        return rv;
    db->dirbuf[c % DBLKSIZ] |= (unsigned char)(1u << (dbit % BYTESIZ));
    if (dbit >= db->maxbno)
        db->maxbno = (dirb + 1) * DBLKSIZ * BYTESIZ;
    return write_at(db->dirf, (const char *)db->dirbuf, (apr_off_t)dirb * DBLKSIZ,
                    DBLKSIZ);
}

/* Walk the split tree for hash and load its page into pagbuf. */
static apr_status_t getpage(apr_sdbm_t *db, apr_uint32_t hash)
{
    int hbit = 0;
    apr_int64_t dbit = 0;
    apr_int64_t pagb;

    while (dbit < db->maxbno) {
        int set;
        apr_status_t rv = getdbit(db, dbit, &set);
        if (rv != APR_SUCCESS)
            return rv;
        if (!set)
            break;
        if (hbit >= SDBM_MAXHBIT)
            return BAD_PAGE_STATUS; /* deeper than any store makes it */
        dbit = 2 * dbit + ((hash >> hbit) & 1 ? 2 : 1);
        hbit++;
    }
    db->curbit = dbit;
    db->hmask = (apr_uint32_t)((1ul << hbit) - 1);
    pagb = hash & db->hmask;
    if (pagb == db->pagbno)
        return APR_SUCCESS;
    return read_page(db, pagb, NULL);
}

/* Split the current page until a pair of `need` bytes fits in the page of
 * hash (left in pagbuf). */
static apr_status_t makroom(apr_sdbm_t *db, apr_uint32_t hash, int need)
{
    apu__sdbm_page_t twin;
    int tries;

    for (tries = 0; tries < SPLTMAX; tries++) {
        apr_uint32_t sbit = db->hmask + 1;
        apr_int64_t newp = (hash & db->hmask) | sbit;
        apr_status_t rv;

        if (sbit > (1u << (SDBM_MAXHBIT - 1)))
            break;
        apu__sdbm_splpage(&db->pagbuf, &twin, sbit);
        if ((rv = write_page(db, &twin, newp)) != APR_SUCCESS
            || (rv = write_page(db, &db->pagbuf, db->pagbno)) != APR_SUCCESS
            || (rv = setdbit(db, db->curbit)) != APR_SUCCESS)
            return rv;
        if (hash & sbit) {
            memcpy(&db->pagbuf, &twin, sizeof(twin));
            db->pagbno = newp;
            db->curbit = 2 * db->curbit + 2;
        }
        else {
            db->curbit = 2 * db->curbit + 1;
        }
        db->hmask |= sbit;
        if (apu__sdbm_fitpair(&db->pagbuf, need))
            return APR_SUCCESS;
    }
    return APR_ENOSPC;
}

static int bad_datum(apr_sdbm_datum_t d)
{
    return d.dptr == NULL || d.dsize <= 0;
}

/* A key handed back by firstkey/nextkey points into pagbuf, which the
 * call is about to overwrite: work on a copy. */
static apr_sdbm_datum_t own_key(apr_sdbm_t *db, apr_sdbm_datum_t key,
                                char *copy)
{
    if (key.dptr >= db->pagbuf.b && key.dptr < db->pagbuf.b + PBLKSIZ
        && key.dsize <= PBLKSIZ) {
        memcpy(copy, key.dptr, (size_t)key.dsize);
        key.dptr = copy;
    }
    return key;
}

static apr_status_t sdbm_cleanup(void *data)
{
    apr_sdbm_t *db = data;
    apr_status_t rv = APR_SUCCESS, rv2;

    if (db->dirf) {
        rv = apr_file_close(db->dirf);
        db->dirf = NULL;
    }
    if (db->pagf) {
        rv2 = apr_file_close(db->pagf);
        db->pagf = NULL;
        if (rv == APR_SUCCESS)
            rv = rv2;
    }
    return rv;
}

apr_status_t apu__sdbm_invalidate(apr_sdbm_t *db)
{
    apr_finfo_t finfo;
    apr_status_t rv = apr_file_info_get(&finfo, APR_FINFO_SIZE, db->dirf);

    if (rv != APR_SUCCESS)
        return rv;
    db->maxbno = (apr_int64_t)finfo.size * BYTESIZ;
    db->pagbno = -1;
    db->dirbno = -1;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_sdbm_open(apr_sdbm_t **pdb, const char *name,
                                        apr_int32_t mode,
                                        apr_fileperms_t perms, apr_pool_t *p)
{
    apr_sdbm_t *db = apr_pcalloc(p, sizeof(*db));
    apr_status_t rv;

    *pdb = NULL;
    db->pool = p;
    if (!(mode & APR_FOPEN_WRITE))
        db->flags |= SDBM_RDONLY;
    if (mode & APR_FOPEN_SHARELOCK) {
        db->flags |= SDBM_SHARED;
        mode &= ~APR_FOPEN_SHARELOCK;
    }
    mode |= APR_FOPEN_READ | APR_FOPEN_BINARY;

    rv = apr_file_open(&db->dirf, apr_pstrcat(p, name, APR_SDBM_DIRFEXT,
                                              NULL), mode, perms, p);
    if (rv != APR_SUCCESS)
        return rv;
    rv = apr_file_open(&db->pagf, apr_pstrcat(p, name, APR_SDBM_PAGFEXT,
                                              NULL), mode, perms, p);
    if (rv == APR_SUCCESS)
        rv = apu__sdbm_invalidate(db);
    if (rv != APR_SUCCESS) {
        sdbm_cleanup(db);
        return rv;
    }
    apr_pool_cleanup_register(p, db, sdbm_cleanup, apr_pool_cleanup_null);
    *pdb = db;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_sdbm_close(apr_sdbm_t *db)
{
    return apr_pool_cleanup_run(db->pool, db, sdbm_cleanup);
}

APU_DECLARE(int) apr_sdbm_rdonly(apr_sdbm_t *db)
{
    return (db->flags & SDBM_RDONLY) != 0;
}

APU_DECLARE(apr_status_t) apr_sdbm_fetch(apr_sdbm_t *db,
                                         apr_sdbm_datum_t *value,
                                         apr_sdbm_datum_t key)
{
    char copy[PBLKSIZ];
    apr_status_t rv;

    if (db == NULL || value == NULL || bad_datum(key))
        return APR_EINVAL;
    value->dptr = NULL;
    value->dsize = 0;
    if ((rv = apu__sdbm_lock_call(db, APR_FLOCK_SHARED)) != APR_SUCCESS)
        return rv;
    key = own_key(db, key, copy);
    rv = getpage(db, apu__sdbm_hash(key.dptr, key.dsize));
    if (rv == APR_SUCCESS)
        *value = apu__sdbm_getpair(&db->pagbuf, key);
    apu__sdbm_unlock_call(db);
    return rv;
}

static apr_status_t store_locked(apr_sdbm_t *db, apr_sdbm_datum_t key,
                                 apr_sdbm_datum_t val, int opt)
{
    apr_uint32_t hash = apu__sdbm_hash(key.dptr, key.dsize);
    int need = key.dsize + val.dsize;
    apr_status_t rv = getpage(db, hash);

    if (rv != APR_SUCCESS)
        return rv;
    if (opt == APR_SDBM_REPLACE)
        (void)apu__sdbm_delpair(&db->pagbuf, key);
    else if (opt == APR_SDBM_INSERT && apu__sdbm_duppair(&db->pagbuf, key))
        return APR_EEXIST;
    if (!apu__sdbm_fitpair(&db->pagbuf, need)
        && (rv = makroom(db, hash, need)) != APR_SUCCESS)
        return rv;
    apu__sdbm_putpair(&db->pagbuf, key, val);
    return write_page(db, &db->pagbuf, db->pagbno);
}

APU_DECLARE(apr_status_t) apr_sdbm_store(apr_sdbm_t *db, apr_sdbm_datum_t key,
                                         apr_sdbm_datum_t value, int opt)
{
    char kcopy[PBLKSIZ], vcopy[PBLKSIZ];
    apr_status_t rv;

    if (db == NULL || bad_datum(key) || value.dsize < 0
        || (value.dptr == NULL && value.dsize > 0))
        return APR_EINVAL;
    if (apr_sdbm_rdonly(db))
        return APR_EINVAL;
    if (key.dsize > PAIRMAX || value.dsize > PAIRMAX - key.dsize)
        return APR_EINVAL;
    if ((rv = apu__sdbm_lock_call(db, APR_FLOCK_EXCLUSIVE)) != APR_SUCCESS)
        return rv;
    key = own_key(db, key, kcopy);
    value = own_key(db, value, vcopy);
    rv = store_locked(db, key, value, opt);
    if (rv != APR_SUCCESS)
        db->pagbno = -1; /* pagbuf may differ from the file now */
    apu__sdbm_unlock_call(db);
    return rv;
}

APU_DECLARE(apr_status_t) apr_sdbm_delete(apr_sdbm_t *db,
                                          const apr_sdbm_datum_t key)
{
    char copy[PBLKSIZ];
    apr_sdbm_datum_t k;
    apr_status_t rv;

    if (db == NULL || bad_datum(key))
        return APR_EINVAL;
    if (apr_sdbm_rdonly(db))
        return APR_EINVAL;
    if ((rv = apu__sdbm_lock_call(db, APR_FLOCK_EXCLUSIVE)) != APR_SUCCESS)
        return rv;
    k = own_key(db, key, copy);
    rv = getpage(db, apu__sdbm_hash(k.dptr, k.dsize));
    if (rv == APR_SUCCESS) {
        if (apu__sdbm_delpair(&db->pagbuf, k))
            rv = write_page(db, &db->pagbuf, db->pagbno);
        else
            rv = APR_EGENERAL; /* what APR-util returns for a missing key */
        if (rv != APR_SUCCESS)
            db->pagbno = -1;
    }
    apu__sdbm_unlock_call(db);
    return rv;
}

/* The next key of the iteration, moving through the pages in file order;
 * APR_EOF past the last page. */
static apr_status_t getnext(apr_sdbm_t *db, apr_sdbm_datum_t *key)
{
    for (;;) {
        apr_size_t got;
        apr_status_t rv;

        if (db->pagbno != db->blkptr) {
            rv = read_page(db, db->blkptr, &got);
            if (rv != APR_SUCCESS)
                return rv;
            if (got == 0)
                return APR_EOF;
        }
        *key = apu__sdbm_getnkey(&db->pagbuf, ++db->keyptr);
        if (key->dptr != NULL)
            return APR_SUCCESS;
        db->keyptr = 0;
        db->blkptr++;
        db->pagbno = -1;
    }
}

static apr_status_t iterate(apr_sdbm_t *db, apr_sdbm_datum_t *key, int first)
{
    apr_status_t rv;

    if (db == NULL || key == NULL)
        return APR_EINVAL;
    key->dptr = NULL;
    key->dsize = 0;
    if ((rv = apu__sdbm_lock_call(db, APR_FLOCK_SHARED)) != APR_SUCCESS)
        return rv;
    if (first) {
        db->blkptr = 0;
        db->keyptr = 0;
        db->pagbno = -1;
    }
    rv = getnext(db, key);
    if (rv != APR_SUCCESS) {
        key->dptr = NULL;
        key->dsize = 0;
    }
    apu__sdbm_unlock_call(db);
    return rv;
}

APU_DECLARE(apr_status_t) apr_sdbm_firstkey(apr_sdbm_t *db,
                                            apr_sdbm_datum_t *key)
{
    return iterate(db, key, 1);
}

APU_DECLARE(apr_status_t) apr_sdbm_nextkey(apr_sdbm_t *db,
                                           apr_sdbm_datum_t *key)
{
    return iterate(db, key, 0);
}
