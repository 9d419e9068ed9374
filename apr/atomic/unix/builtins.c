/*
 * 32-bit and pointer atomics on the compiler's __atomic builtins. Every
 * operation is sequentially consistent, the strongest (and APR's) order.
 */
#include "apr.h"
#include "apr_atomic.h"

#define ORDER __ATOMIC_SEQ_CST

APR_DECLARE(apr_status_t) apr_atomic_init(apr_pool_t *p)
{
    /* Nothing to set up: the builtins need no state. */
    (void)p;
    return APR_SUCCESS;
}

APR_DECLARE(apr_uint32_t) apr_atomic_read32(volatile apr_uint32_t *mem)
{
    return __atomic_load_n(mem, ORDER);
}

APR_DECLARE(void) apr_atomic_set32(volatile apr_uint32_t *mem,
                                   apr_uint32_t val)
{
    __atomic_store_n(mem, val, ORDER);
}

APR_DECLARE(apr_uint32_t) apr_atomic_add32(volatile apr_uint32_t *mem,
                                           apr_uint32_t val)
{
    return __atomic_fetch_add(mem, val, ORDER);
}

APR_DECLARE(void) apr_atomic_sub32(volatile apr_uint32_t *mem,
                                   apr_uint32_t val)
{
    __atomic_fetch_sub(mem, val, ORDER);
}

APR_DECLARE(apr_uint32_t) apr_atomic_inc32(volatile apr_uint32_t *mem)
{
    return __atomic_fetch_add(mem, 1, ORDER);
}

APR_DECLARE(int) apr_atomic_dec32(volatile apr_uint32_t *mem)
{
    /* The new value converted to int, exactly as APR returns it: zero
     * only when the counter reached zero. */
    return (int)__atomic_sub_fetch(mem, 1, ORDER);
}

APR_DECLARE(apr_uint32_t) apr_atomic_cas32(volatile apr_uint32_t *mem,
                                           apr_uint32_t with,
                                           apr_uint32_t cmp)
{
    /* On failure the builtin stores the current value in cmp. */
    __atomic_compare_exchange_n(mem, &cmp, with, 0, ORDER, ORDER);
    return cmp;
}

APR_DECLARE(apr_uint32_t) apr_atomic_xchg32(volatile apr_uint32_t *mem,
                                            apr_uint32_t val)
{
    return __atomic_exchange_n(mem, val, ORDER);
}

APR_DECLARE(void *) apr_atomic_casptr(volatile void **mem, void *with,
                                      const void *cmp)
{
    /* *mem has type `volatile void *`; the expected value must too. */
    volatile void *expected = (volatile void *)(apr_uintptr_t)cmp;

    __atomic_compare_exchange_n(mem, &expected, with, 0, ORDER, ORDER);
    return (void *)(apr_uintptr_t)expected;
}

APR_DECLARE(void *) apr_atomic_xchgptr(volatile void **mem, void *with)
{
    return (void *)(apr_uintptr_t)__atomic_exchange_n(mem, with, ORDER);
}
