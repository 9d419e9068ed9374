/*
 * The unix thread mutex: a pthread mutex and the pool it lives in.
 * Shared with the pool code, which locks an allocator's mutex directly.
 */
#ifndef APR_ARCH_THREAD_MUTEX_H
#define APR_ARCH_THREAD_MUTEX_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_thread_mutex.h"

#if APR_HAS_THREADS
#include <pthread.h>

struct apr_thread_mutex_t {
    pthread_mutex_t mutex;  /* first: the pool code locks it directly */
    apr_pool_t *pool;
};
#endif

#endif /* !APR_ARCH_THREAD_MUTEX_H */
