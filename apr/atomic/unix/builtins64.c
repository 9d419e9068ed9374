/*
 * 64-bit atomics on the compiler's __atomic builtins (meson checks that
 * they are lock-free on the target). Sequentially consistent throughout.
 */
#include "apr.h"
#include "apr_atomic.h"

#define ORDER __ATOMIC_SEQ_CST

APR_DECLARE(apr_uint64_t) apr_atomic_read64(volatile apr_uint64_t *mem)
{
    return __atomic_load_n(mem, ORDER);
}

APR_DECLARE(void) apr_atomic_set64(volatile apr_uint64_t *mem,
                                   apr_uint64_t val)
{
    __atomic_store_n(mem, val, ORDER);
}

APR_DECLARE(apr_uint64_t) apr_atomic_add64(volatile apr_uint64_t *mem,
                                           apr_uint64_t val)
{
    return __atomic_fetch_add(mem, val, ORDER);
}

APR_DECLARE(void) apr_atomic_sub64(volatile apr_uint64_t *mem,
                                   apr_uint64_t val)
{
    __atomic_fetch_sub(mem, val, ORDER);
}

APR_DECLARE(apr_uint64_t) apr_atomic_inc64(volatile apr_uint64_t *mem)
{
    return __atomic_fetch_add(mem, 1, ORDER);
}

APR_DECLARE(int) apr_atomic_dec64(volatile apr_uint64_t *mem)
{
    /* APR returns the new value cut to an int, which is 0 for a counter
     * going from 2^32 + 1 to 2^32; we say exactly whether it is zero. */
    return __atomic_sub_fetch(mem, 1, ORDER) != 0;
}

APR_DECLARE(apr_uint64_t) apr_atomic_cas64(volatile apr_uint64_t *mem,
                                           apr_uint64_t with,
                                           apr_uint64_t cmp)
{
    __atomic_compare_exchange_n(mem, &cmp, with, 0, ORDER, ORDER);
    return cmp;
}

APR_DECLARE(apr_uint64_t) apr_atomic_xchg64(volatile apr_uint64_t *mem,
                                            apr_uint64_t val)
{
    return __atomic_exchange_n(mem, val, ORDER);
}
