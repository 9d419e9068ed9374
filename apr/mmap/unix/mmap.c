/*
 * Memory-mapped files with mmap()/munmap().
 *
 * Every apr_mmap_t sharing one mapping sits on one ring (apr_mmap_dup()
 * adds to it): dropping a reference leaves the ring, and the one leaving
 * an otherwise empty ring unmaps. A dropped reference has mm set to
 * UNMAPPED so that a second apr_mmap_delete() is refused, not a crash.
 *
 * Offsets need not be page-aligned (APR 1.7 passes them to mmap(), which
 * refuses them): the mapping starts at the page holding the offset and mm
 * points at the requested byte. Only mm and size are stored (the layout of
 * apr_mmap_t is public), so the page start is found again by rounding mm
 * down to the page size.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "apr_arch_file_io.h"
#include "apr_mmap.h"
#include "apr_ring.h"
#include "apr_strings.h"

#define UNMAPPED ((void *)-1)

/* sysconf() is a cheap read of a value the loader keeps; no cache, so no
 * shared state between threads. */
static apr_size_t page_size(void)
{
    long n = sysconf(_SC_PAGESIZE);

    return n > 0 ? (apr_size_t)n : 4096;
}

/* Leave the ring; the last reference unmaps. */
static apr_status_t drop_reference(apr_mmap_t *mm)
{
    int last = APR_RING_NEXT(mm, link) == mm;
    apr_size_t lead;

    APR_RING_REMOVE(mm, link);
    APR_RING_ELEM_INIT(mm, link);
    if (!last) {
        mm->mm = UNMAPPED;
        return APR_SUCCESS;
    }
    lead = (apr_size_t)((uintptr_t)mm->mm % page_size());
    if (munmap((char *)mm->mm - lead, mm->size + lead) != 0)
        return errno;
    mm->mm = UNMAPPED;
    return APR_SUCCESS;
}

static apr_status_t mmap_cleanup(void *data)
{
    apr_mmap_t *mm = data;

    if (mm->mm == UNMAPPED)
        return APR_SUCCESS;
    return drop_reference(mm);
}

APR_DECLARE(apr_status_t) apr_mmap_create(apr_mmap_t **newmmap,
                                          apr_file_t *file, apr_off_t offset,
                                          apr_size_t size, apr_int32_t flag,
                                          apr_pool_t *cntxt)
{
    apr_mmap_t *mm;
    apr_size_t lead;
    int prot = PROT_NONE;
    void *base;

    if (size == 0 || offset < 0)
        return APR_EINVAL;
    /* A buffered file's position and contents may be ahead of the
     * descriptor's: APR refuses it rather than map stale bytes. */
    if (file == NULL || file->filedes < 0 || file->buffered)
        return APR_EBADF;
    if (flag & APR_MMAP_READ)
        prot |= PROT_READ;
    if (flag & APR_MMAP_WRITE)
        prot |= PROT_WRITE;

    lead = (apr_size_t)(offset % (apr_off_t)page_size());
    if (size > SIZE_MAX - lead)
        return APR_EINVAL;
    base = mmap(NULL, size + lead, prot, MAP_SHARED, file->filedes,
                offset - (apr_off_t)lead);
    if (base == MAP_FAILED)
        return errno;

    mm = apr_palloc(cntxt, sizeof(*mm));
    mm->cntxt = cntxt;
    mm->mm = (char *)base + lead;
    mm->size = size;
    APR_RING_ELEM_INIT(mm, link);
    apr_pool_cleanup_register(cntxt, mm, mmap_cleanup,
                              apr_pool_cleanup_null);
    *newmmap = mm;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_mmap_dup(apr_mmap_t **new_mmap,
                                       apr_mmap_t *old_mmap, apr_pool_t *p)
{
    apr_mmap_t *mm = apr_pmemdup(p, old_mmap, sizeof(*mm));

    mm->cntxt = p;
    APR_RING_INSERT_AFTER(old_mmap, mm, link);
    apr_pool_cleanup_register(p, mm, mmap_cleanup, apr_pool_cleanup_null);
    *new_mmap = mm;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_mmap_delete(apr_mmap_t *mm)
{
    apr_status_t rv;

    if (mm->mm == UNMAPPED)
        return APR_ENOENT;
    rv = drop_reference(mm);
    if (rv == APR_SUCCESS)
        apr_pool_cleanup_kill(mm->cntxt, mm, mmap_cleanup);
    return rv;
}
