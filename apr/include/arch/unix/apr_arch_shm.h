/*
 * The unix shared memory segment (apr/shmem/unix/shm.c).
 *
 * Anonymous segments are MAP_SHARED|MAP_ANONYMOUS mappings; named ones are
 * POSIX shared memory objects (shm_open) whose object name is derived
 * from the file name given by the caller, as APR 1.7 does on Linux: the
 * file itself is never created or touched.
 */
#ifndef APR_ARCH_SHM_H
#define APR_ARCH_SHM_H

#include "apr.h"
#include "apr_general.h"
#include "apr_pools.h"
#include "apr_shm.h"

/* A named segment starts with a header holding the requested size, so
 * that a process attaching by name learns it (the same layout as APR
 * 1.7's, so both libraries can share a segment). */
#define APR__SHM_HEADER APR_ALIGN_DEFAULT(sizeof(apr_size_t))

struct apr_shm_t {
    apr_pool_t *pool;
    void *base;          /* the mapping; NULL once unmapped or when the
                          * segment came from apr_os_shm_put() */
    void *usable;        /* the first byte given to the caller */
    apr_size_t reqsize;  /* the usable size */
    apr_size_t realsize; /* the mapping's length */
    const char *filename; /* the caller's name; NULL when anonymous */
    const char *objname;  /* the shm_open() name of a named segment */
    int owner;           /* created here (its cleanup removes the name),
                          * as opposed to attached */
};

#endif /* APR_ARCH_SHM_H */
