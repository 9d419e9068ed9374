/*
 * apr_mmap.h: files mapped into memory.
 *
 * An apr_mmap_t maps a range of an open file. Duplicates made with
 * apr_mmap_dup() share the mapping: it is unmapped when the last of them
 * is deleted (or its pool cleared). The file may be closed once the map
 * exists.
 */
#ifndef APR_MMAP_H
#define APR_MMAP_H

/**
 * @file apr_mmap.h
 * @brief APR memory-mapped files
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_ring.h"
#include "apr_file_io.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_mmap MMAP (Memory Map) Routines
 * @ingroup APR
 * @{
 */

/** Map for reading. */
#define APR_MMAP_READ  1
/** Map for writing (writes reach the file). */
#define APR_MMAP_WRITE 2

/** @see struct apr_mmap_t */
typedef struct apr_mmap_t apr_mmap_t;

/**
 * A mapped range of a file. The members are public, as in APR 1.7:
 * callers read mm and size directly.
 */
struct apr_mmap_t {
    /** The pool the map lives in (its cleanup unmaps) */
    apr_pool_t *cntxt;
    /** The first mapped byte (the byte at the offset given to create) */
    void *mm;
    /** The number of mapped bytes */
    apr_size_t size;
    /** The ring of the maps sharing this mapping (a reference count) */
    APR_RING_ENTRY(apr_mmap_t) link;
};

#if APR_HAS_MMAP

#ifdef MMAP_THRESHOLD
#define APR_MMAP_THRESHOLD MMAP_THRESHOLD
#else
/** The smallest file worth mapping (a build may define MMAP_THRESHOLD). */
#define APR_MMAP_THRESHOLD 1
#endif

#ifdef MMAP_LIMIT
#define APR_MMAP_LIMIT MMAP_LIMIT
#else
/** Files this big or bigger are not mapped whole (a build may define
 *  MMAP_LIMIT). */
#define APR_MMAP_LIMIT (4 * 1024 * 1024)
#endif

/** Non-zero if a file of this length is worth mapping whole. */
#define APR_MMAP_CANDIDATE(filelength) \
    ((filelength >= APR_MMAP_THRESHOLD) && (filelength < APR_MMAP_LIMIT))

/**
 * Map part of an open file.
 * @param newmmap Receives the map.
 * @param file The file (not buffered; opened for reading, and for writing
 *        too with APR_MMAP_WRITE).
 * @param offset Where in the file the map starts; mmap() needs a multiple
 *        of the page size.
 * @param size How many bytes to map; 0 is refused with APR_EINVAL.
 * @param flag APR_MMAP_READ, APR_MMAP_WRITE or both.
 * @param cntxt The pool the map lives in.
 * @return APR_SUCCESS, APR_EINVAL, APR_EBADF or the error of mmap().
 */
APR_DECLARE(apr_status_t) apr_mmap_create(apr_mmap_t **newmmap,
                                          apr_file_t *file, apr_off_t offset,
                                          apr_size_t size, apr_int32_t flag,
                                          apr_pool_t *cntxt);

/**
 * Make another reference to the same mapping, living in pool p.
 * @param new_mmap Receives the copy.
 * @param old_mmap The map to share.
 * @param p The pool of the copy.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_mmap_dup(apr_mmap_t **new_mmap,
                                       apr_mmap_t *old_mmap,
                                       apr_pool_t *p);

/**
 * Drop a reference to a mapping, unmapping it if it was the last one,
 * and remove the pool cleanup.
 * @param mm The map.
 * @return APR_SUCCESS, APR_ENOENT if mm was already unmapped, or the
 *         error of munmap().
 */
APR_DECLARE(apr_status_t) apr_mmap_delete(apr_mmap_t *mm);

/**
 * The address of a byte inside the map.
 * @param addr Receives mm->mm + offset.
 * @param mm The map.
 * @param offset From 0 to mm->size (the end, inclusive).
 * @return APR_SUCCESS or APR_EINVAL for an offset outside the map.
 */
APR_DECLARE(apr_status_t) apr_mmap_offset(void **addr, apr_mmap_t *mm,
                                          apr_off_t offset);

#endif /* APR_HAS_MMAP */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_MMAP_H */
