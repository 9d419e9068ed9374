/*
 * apr_shm.h: shared memory segments.
 *
 * A segment is either anonymous (no name: shared only with the children
 * forked after it was created) or named (other processes reach it with
 * apr_shm_attach() and the same name). The apr_shm_t belongs to the pool
 * it was created or attached in: clearing that pool destroys a segment
 * this process created and detaches one it attached to.
 */
#ifndef APR_SHM_H
#define APR_SHM_H

/**
 * @file apr_shm.h
 * @brief APR shared memory
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_perms_set.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_shm Shared Memory Routines
 * @ingroup APR
 * @{
 */

/** A shared memory segment (opaque). */
typedef struct apr_shm_t apr_shm_t;

/**
 * Create a shared memory segment and map it into this process.
 * @param m Receives the segment.
 * @param reqsize The number of usable bytes wanted (at least this many
 *        are usable from apr_shm_baseaddr_get()).
 * @param filename The segment's name, or NULL for an anonymous segment.
 *        A named segment is refused (APR_EEXIST) when the name is in use.
 * @param pool The pool owning the segment; its cleanup destroys it.
 * @return APR_SUCCESS, APR_ENOTIMPL when the kind asked for is not
 *         available, or the system's error.
 */
APR_DECLARE(apr_status_t) apr_shm_create(apr_shm_t **m, apr_size_t reqsize,
                                         const char *filename,
                                         apr_pool_t *pool);

/** apr_shm_create_ex()/apr_shm_attach_ex() flag: use the "Local" name
 *  space (Windows only; ignored elsewhere). */
#define APR_SHM_NS_LOCAL    1
/** apr_shm_create_ex()/apr_shm_attach_ex() flag: use the "Global" name
 *  space (Windows only; ignored elsewhere). */
#define APR_SHM_NS_GLOBAL   2

/**
 * apr_shm_create() with APR_SHM_* flags.
 * @param m Receives the segment.
 * @param reqsize The number of usable bytes wanted.
 * @param filename The name, or NULL for an anonymous segment.
 * @param pool The pool owning the segment.
 * @param flags A mask of APR_SHM_NS_LOCAL/APR_SHM_NS_GLOBAL.
 * @return As apr_shm_create().
 */
APR_DECLARE(apr_status_t) apr_shm_create_ex(apr_shm_t **m,
                                            apr_size_t reqsize,
                                            const char *filename,
                                            apr_pool_t *pool,
                                            apr_int32_t flags);

/**
 * Remove the name of a named segment so that no one can attach to it any
 * more; mappings that exist stay valid.
 * @param filename The segment's name.
 * @param pool A pool for temporary allocations.
 * @return APR_SUCCESS, or the system's error (e.g. APR_ENOENT).
 */
APR_DECLARE(apr_status_t) apr_shm_remove(const char *filename,
                                         apr_pool_t *pool);

/**
 * Remove the name of a segment (apr_shm_remove() on its name).
 * @param m The segment.
 * @return APR_SUCCESS, APR_ENOTIMPL for an anonymous segment, or the
 *         system's error.
 */
APR_DECLARE(apr_status_t) apr_shm_delete(apr_shm_t *m);

/**
 * Destroy a segment this process created: unmap it and remove its name.
 * The pool cleanup is removed.
 * @param m The segment.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_shm_destroy(apr_shm_t *m);

/**
 * Map a named segment created by another process (or this one).
 * @param m Receives the segment.
 * @param filename The name given at creation.
 * @param pool The pool owning this attachment; its cleanup detaches.
 * @return APR_SUCCESS, APR_EINVAL for a NULL name, or the system's error
 *         (e.g. APR_ENOENT when no such segment exists).
 */
APR_DECLARE(apr_status_t) apr_shm_attach(apr_shm_t **m,
                                         const char *filename,
                                         apr_pool_t *pool);

/**
 * apr_shm_attach() with APR_SHM_* flags.
 * @param m Receives the segment.
 * @param filename The name given at creation.
 * @param pool The pool owning this attachment.
 * @param flags A mask of APR_SHM_NS_LOCAL/APR_SHM_NS_GLOBAL.
 * @return As apr_shm_attach().
 */
APR_DECLARE(apr_status_t) apr_shm_attach_ex(apr_shm_t **m,
                                            const char *filename,
                                            apr_pool_t *pool,
                                            apr_int32_t flags);

/**
 * Unmap a segment this process attached to, leaving it to the others.
 * The pool cleanup is removed.
 * @param m The segment (from apr_shm_attach()).
 * @return APR_SUCCESS, APR_EINVAL for an anonymous segment or one this
 *         process created, or the system's error.
 */
APR_DECLARE(apr_status_t) apr_shm_detach(apr_shm_t *m);

/**
 * The first usable byte of the segment, in this process's address space
 * (another process may see the segment at another address).
 * @param m The segment.
 * @return The address, aligned to APR_ALIGN_DEFAULT.
 */
APR_DECLARE(void *) apr_shm_baseaddr_get(const apr_shm_t *m);

/**
 * The number of usable bytes from apr_shm_baseaddr_get().
 * @param m The segment.
 * @return The size asked for at creation.
 */
APR_DECLARE(apr_size_t) apr_shm_size_get(const apr_shm_t *m);

/**
 * Set the owner and permissions of a named segment (apr_perms_setfn_t).
 */
APR_PERMS_SET_IMPLEMENT(shm);

/**
 * The pool owning a segment.
 */
APR_POOL_DECLARE_ACCESSOR(shm);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_SHM_H */
