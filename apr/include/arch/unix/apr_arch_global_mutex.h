/*
 * The unix global mutex: a process mutex, plus a thread mutex taken
 * first where the process mutex does not exclude this process's threads.
 */
#ifndef APR_ARCH_GLOBAL_MUTEX_H
#define APR_ARCH_GLOBAL_MUTEX_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_global_mutex.h"
#include "apr_proc_mutex.h"
#include "apr_thread_mutex.h"

struct apr_global_mutex_t {
    apr_pool_t *pool;
    apr_proc_mutex_t *proc_mutex;
#if APR_HAS_THREADS
    apr_thread_mutex_t *thread_mutex;   /* NULL when not needed */
#endif
};

#endif /* !APR_ARCH_GLOBAL_MUTEX_H */
