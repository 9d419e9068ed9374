/*
 * sdbm_pair.c: the pairs inside one page (layout in sdbm_private.h).
 * Every function here assumes a page that apu__sdbm_chkpage accepted.
 */
#include <string.h>

#include "sdbm_private.h"

#define HDR(n) ((int)(((n) + 1) * sizeof(short)))

/* End (exclusive) of entry i: the start of the entry before it. */
static int entry_end(const apu__sdbm_page_t *pag, int i)
{
    return i == 1 ? PBLKSIZ : pag->ino[i - 1];
}

int apu__sdbm_chkpage(const apu__sdbm_page_t *pag)
{
    int n = pag->ino[0];
    int off = PBLKSIZ;
    int i;

    if (n < 0 || n % 2 != 0 || HDR(n) > PBLKSIZ)
        return 0;
    for (i = 1; i <= n; i++) {
        if (pag->ino[i] > off || pag->ino[i] < HDR(n))
            return 0;
        off = pag->ino[i];
    }
    return 1;
}

int apu__sdbm_fitpair(const apu__sdbm_page_t *pag, int need)
{
    int n = pag->ino[0];
    int off = n > 0 ? pag->ino[n] : PBLKSIZ;

    return need + 2 * (int)sizeof(short) <= off - HDR(n);
}

void apu__sdbm_putpair(apu__sdbm_page_t *pag, apr_sdbm_datum_t key,
                       apr_sdbm_datum_t val)
{
    int n = pag->ino[0];
    int off = n > 0 ? pag->ino[n] : PBLKSIZ;

    off -= key.dsize;
    memcpy(pag->b + off, key.dptr, (size_t)key.dsize);
    pag->ino[n + 1] = (short)off;
    off -= val.dsize;
    if (val.dsize > 0)
        memcpy(pag->b + off, val.dptr, (size_t)val.dsize);
    pag->ino[n + 2] = (short)off;
    pag->ino[0] = (short)(n + 2);
}

/* Index (odd) of the first entry equal to key, 0 when none. */
static int seepair(const apu__sdbm_page_t *pag, apr_sdbm_datum_t key)
{
    int n = pag->ino[0];
    int i;

    for (i = 1; i < n; i += 2) {
        int start = pag->ino[i];
        if (entry_end(pag, i) - start == key.dsize
            && memcmp(pag->b + start, key.dptr, (size_t)key.dsize) == 0)
            return i;
    }
    return 0;
}

apr_sdbm_datum_t apu__sdbm_getpair(apu__sdbm_page_t *pag,
                                   apr_sdbm_datum_t key)
{
    apr_sdbm_datum_t val = { NULL, 0 };
    int i = seepair(pag, key);

    if (i > 0) {
        val.dptr = pag->b + pag->ino[i + 1];
        val.dsize = pag->ino[i] - pag->ino[i + 1];
    }
    return val;
}

int apu__sdbm_duppair(const apu__sdbm_page_t *pag, apr_sdbm_datum_t key)
{
    return seepair(pag, key) > 0;
}

apr_sdbm_datum_t apu__sdbm_getnkey(apu__sdbm_page_t *pag, int num)
{
    apr_sdbm_datum_t key = { NULL, 0 };
    int i = 2 * num - 1;

    if (num < 1 || 2 * num > pag->ino[0])
        return key;
    key.dptr = pag->b + pag->ino[i];
    key.dsize = entry_end(pag, i) - pag->ino[i];
    return key;
}

int apu__sdbm_delpair(apu__sdbm_page_t *pag, apr_sdbm_datum_t key)
{
    int n = pag->ino[0];
    int i = seepair(pag, key);
    int gap, j;

    if (i == 0)
        return 0;
    /* The pair occupies [ino[i+1], end of i): slide the entries stored
     * below it up by its size and drop its two offsets. */
    gap = entry_end(pag, i) - pag->ino[i + 1];
    if (i + 1 < n) {
        int low = pag->ino[n];
        memmove(pag->b + low + gap, pag->b + low,
                (size_t)(pag->ino[i + 1] - low));
    }
    for (j = i + 2; j <= n; j++)
        pag->ino[j - 2] = (short)(pag->ino[j] + gap);
    pag->ino[0] = (short)(n - 2);
    return 1;
}

void apu__sdbm_splpage(apu__sdbm_page_t *pag, apu__sdbm_page_t *twin,
                       apr_uint32_t sbit)
{
    apu__sdbm_page_t cur;
    int num;

    memcpy(&cur, pag, sizeof(cur));
    memset(pag, 0, sizeof(*pag));
    memset(twin, 0, sizeof(*twin));
    for (num = 1; 2 * num <= cur.ino[0]; num++) {
        int i = 2 * num - 1;
        apr_sdbm_datum_t key, val;

        key = apu__sdbm_getnkey(&cur, num);
        val.dptr = cur.b + cur.ino[i + 1];
        val.dsize = cur.ino[i] - cur.ino[i + 1];
        if (apu__sdbm_hash(key.dptr, key.dsize) & sbit)
            apu__sdbm_putpair(twin, key, val);
        else
            apu__sdbm_putpair(pag, key, val);
    }
}
