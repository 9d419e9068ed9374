/*
 * apr_rmm.h: allocation patterns inside a fixed block, offsets and
 * addresses, exhaustion, relocation, a lock shared by threads, and a child
 * process using the block through shared memory.
 */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_rmm.h"
#include "apr_shm.h"
#include "apr_thread_proc.h"

#define BLOCK 65536

/* Aligned storage for a block. */
static apr_uint64_t mem[BLOCK / 8], mem2[BLOCK / 8];

START_TEST(test_overhead)
{
    /* APR-util's layout: a 24-byte header, then per allocation a 24-byte
     * block header plus up to 8 bytes of padding (LP64). */
    ck_assert_uint_gt(apr_rmm_overhead_get(1), apr_rmm_overhead_get(0));
    ck_assert_uint_eq(apr_rmm_overhead_get(10) - apr_rmm_overhead_get(9),
                      apr_rmm_overhead_get(1) - apr_rmm_overhead_get(0));
#if APR_SIZEOF_VOIDP == 8
    ck_assert_uint_eq(apr_rmm_overhead_get(0), 24);
    ck_assert_uint_eq(apr_rmm_overhead_get(2), 88);
#endif
}
END_TEST

START_TEST(test_malloc_free_patterns)
{
    apr_rmm_t *rmm;
    apr_rmm_off_t off[100];
    int i, j;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, sizeof(mem), p),
                     APR_SUCCESS);
    for (i = 0; i < 100; i++) {
        apr_size_t n = (apr_size_t)(1 + (i * 37) % 300);
        char *a;

        off[i] = apr_rmm_malloc(rmm, n);
        ck_assert_uint_ne(off[i], 0);
        a = apr_rmm_addr_get(rmm, off[i]);
        ck_assert_uint_eq((apr_uintptr_t)a % 8, 0);
        ck_assert_ptr_eq(a, (char *)mem + off[i]);
        ck_assert_uint_eq(apr_rmm_offset_get(rmm, a), off[i]);
        memset(a, i, n);
    }
    /* no overlap: every allocation still holds its own pattern */
    for (i = 0; i < 100; i++) {
        unsigned char *a = apr_rmm_addr_get(rmm, off[i]);
        apr_size_t n = (apr_size_t)(1 + (i * 37) % 300);

        for (j = 0; j < (int)n; j++)
            ck_assert_int_eq(a[j], i);
    }
    for (i = 0; i < 100; i += 2)
        ck_assert_int_eq(apr_rmm_free(rmm, off[i]), APR_SUCCESS);
    for (i = 0; i < 100; i += 2) {
        off[i] = apr_rmm_malloc(rmm, 16);
        ck_assert_uint_ne(off[i], 0);
        memset(apr_rmm_addr_get(rmm, off[i]), 0xEE, 16);
    }
    for (i = 1; i < 100; i += 2) {
        unsigned char *a = apr_rmm_addr_get(rmm, off[i]);

        ck_assert_int_eq(a[0], i);
    }
    for (i = 0; i < 100; i++)
        ck_assert_int_eq(apr_rmm_free(rmm, off[i]), APR_SUCCESS);
    /* everything merged back: nearly the whole block in one piece */
    off[0] = apr_rmm_malloc(rmm, sizeof(mem) - apr_rmm_overhead_get(1));
    ck_assert_uint_ne(off[0], 0);
    ck_assert_int_eq(apr_rmm_free(rmm, off[0]), APR_SUCCESS);
    ck_assert_int_eq(apr_rmm_destroy(rmm), APR_SUCCESS);
}
END_TEST

START_TEST(test_exact_layout)
{
    apr_rmm_t *rmm;
    apr_rmm_off_t a, b;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, sizeof(mem), p),
                     APR_SUCCESS);
    a = apr_rmm_malloc(rmm, 10);
    b = apr_rmm_malloc(rmm, 100);
    /* offsets are APR-util's, so both libraries agree on a shared block */
    ck_assert_uint_eq(a, apr_rmm_overhead_get(1) - 8);
    ck_assert_uint_eq(b, a + APR_ALIGN_DEFAULT(10) + (apr_rmm_overhead_get(1)
                                - apr_rmm_overhead_get(0) - 8));
}
END_TEST

START_TEST(test_n_allocations_fit)
{
    apr_rmm_t *rmm;
    int n = 50, i;
    apr_size_t size = apr_rmm_overhead_get(n) + (apr_size_t)n * 64;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, size, p), APR_SUCCESS);
    for (i = 0; i < n; i++)
        ck_assert_uint_ne(apr_rmm_malloc(rmm, 64), 0);
    /* the padding allowance (8 bytes each) leaves room for a few more,
     * then the block is exhausted */
    for (i = 0; apr_rmm_malloc(rmm, 64) != 0; i++)
        ck_assert_int_le(i, n * 8 / (64 + 24));
    ck_assert_uint_eq(apr_rmm_malloc(rmm, 64), 0);
    ck_assert_uint_eq(apr_rmm_malloc(rmm, BLOCK), 0);
    ck_assert_uint_eq(apr_rmm_calloc(rmm, 64), 0);
}
END_TEST

START_TEST(test_exhaustion)
{
    apr_rmm_t *rmm;
    apr_rmm_off_t o, last = 0;
    int n = 0;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, 4096, p), APR_SUCCESS);
    ck_assert_uint_eq(apr_rmm_malloc(rmm, 4096), 0);
    while ((o = apr_rmm_malloc(rmm, 100)) != 0) {
        ck_assert_uint_gt(o, last);
        last = o;
        n++;
    }
    ck_assert_int_gt(n, 20);
    ck_assert_int_lt(n, 4096 / 100);
    ck_assert_uint_eq(apr_rmm_malloc(rmm, (apr_size_t)-1), 0);  /* wraps */
    ck_assert_int_eq(apr_rmm_free(rmm, last), APR_SUCCESS);
    ck_assert_uint_eq(apr_rmm_malloc(rmm, 100), last);      /* reused */
}
END_TEST

START_TEST(test_free_errors)
{
    apr_rmm_t *rmm;
    apr_rmm_off_t a, b;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, sizeof(mem), p),
                     APR_SUCCESS);
    a = apr_rmm_malloc(rmm, 32);
    b = apr_rmm_malloc(rmm, 32);
    ck_assert_int_eq(apr_rmm_free(rmm, 0), APR_EINVAL);
    ck_assert_int_eq(apr_rmm_free(rmm, a + 8), APR_EINVAL);
    ck_assert_int_eq(apr_rmm_free(rmm, a), APR_SUCCESS);
    ck_assert_int_eq(apr_rmm_free(rmm, a), APR_EINVAL);     /* twice */
    ck_assert_int_eq(apr_rmm_free(rmm, b), APR_SUCCESS);
}
END_TEST

START_TEST(test_calloc_realloc)
{
    apr_rmm_t *rmm;
    apr_rmm_off_t a, b, c;
    unsigned char *m;
    int i;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, sizeof(mem), p),
                     APR_SUCCESS);
    a = apr_rmm_malloc(rmm, 256);
    memset(apr_rmm_addr_get(rmm, a), 0xAA, 256);
    ck_assert_int_eq(apr_rmm_free(rmm, a), APR_SUCCESS);
    c = apr_rmm_calloc(rmm, 256);
    ck_assert_uint_eq(c, a);            /* the same (dirty) space... */
    m = apr_rmm_addr_get(rmm, c);
    for (i = 0; i < 256; i++)           /* ...zeroed */
        ck_assert_int_eq(m[i], 0);

    for (i = 0; i < 256; i++)
        m[i] = (unsigned char)i;
    b = apr_rmm_realloc(rmm, m, 1000);  /* grow: contents kept */
    ck_assert_uint_ne(b, 0);
    m = apr_rmm_addr_get(rmm, b);
    for (i = 0; i < 256; i++)
        ck_assert_int_eq(m[i], i);
    c = apr_rmm_realloc(rmm, m, 16);    /* shrink: the start kept */
    ck_assert_uint_ne(c, 0);
    m = apr_rmm_addr_get(rmm, c);
    for (i = 0; i < 16; i++)
        ck_assert_int_eq(m[i], i);
    ck_assert_int_eq(apr_rmm_free(rmm, b), APR_EINVAL);     /* freed */
    a = apr_rmm_realloc(rmm, NULL, 40);                     /* = malloc */
    ck_assert_uint_ne(a, 0);
    ck_assert_uint_eq(apr_rmm_realloc(rmm, m, BLOCK), 0);   /* no room */
    ck_assert_int_eq(apr_rmm_free(rmm, c), APR_SUCCESS);    /* kept */
    ck_assert_int_eq(apr_rmm_free(rmm, a), APR_SUCCESS);
}
END_TEST

/* The block means the same wherever it is mapped. */
START_TEST(test_relocation)
{
    apr_rmm_t *rmm, *moved;
    apr_rmm_off_t a;

    ck_assert_int_eq(apr_rmm_init(&rmm, NULL, mem, sizeof(mem), p),
                     APR_SUCCESS);
    apr_rmm_malloc(rmm, 100);
    a = apr_rmm_malloc(rmm, 32);
    strcpy(apr_rmm_addr_get(rmm, a), "relocated");
    memcpy(mem2, mem, sizeof(mem));
    ck_assert_int_eq(apr_rmm_attach(&moved, NULL, mem2, p), APR_SUCCESS);
    ck_assert_str_eq(apr_rmm_addr_get(moved, a), "relocated");
    ck_assert_ptr_eq(apr_rmm_addr_get(moved, a), (char *)mem2 + a);
    ck_assert_int_eq(apr_rmm_free(moved, a), APR_SUCCESS);
    ck_assert_uint_eq(apr_rmm_malloc(moved, 32), a);
    ck_assert_int_eq(apr_rmm_detach(moved), APR_SUCCESS);
}
END_TEST

/* Threads share the block under a thread mutex. */
typedef struct {
    apr_rmm_t *rmm;
    int id, errors;
} worker_arg;

static void *APR_THREAD_FUNC worker(apr_thread_t *t, void *data)
{
    worker_arg *a = data;
    int i;

    for (i = 0; i < 2000; i++) {
        apr_size_t n = (apr_size_t)(8 + (i % 13) * 8);
        apr_rmm_off_t o = apr_rmm_malloc(a->rmm, n);
        unsigned char *m;

        if (!o) {
            a->errors++;
            continue;
        }
        m = apr_rmm_addr_get(a->rmm, o);
        memset(m, a->id, n);
        apr_thread_yield();
        if (m[0] != a->id || m[n - 1] != a->id)
            a->errors++;
        if (apr_rmm_free(a->rmm, o) != APR_SUCCESS)
            a->errors++;
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

START_TEST(test_threads_with_lock)
{
    apr_anylock_t lock;
    apr_rmm_t *rmm;
    apr_thread_t *t[4];
    worker_arg a[4];
    apr_status_t rv;
    int i;

    lock.type = apr_anylock_threadmutex;
    ck_assert_int_eq(apr_thread_mutex_create(&lock.lock.tm,
                                             APR_THREAD_MUTEX_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_rmm_init(&rmm, &lock, mem, sizeof(mem), p),
                     APR_SUCCESS);
    for (i = 0; i < 4; i++) {
        a[i] = (worker_arg){ rmm, i + 1, 0 };
        ck_assert_int_eq(apr_thread_create(&t[i], NULL, worker, &a[i], p),
                         APR_SUCCESS);
    }
    for (i = 0; i < 4; i++) {
        ck_assert_int_eq(apr_thread_join(&rv, t[i]), APR_SUCCESS);
        ck_assert_int_eq(a[i].errors, 0);
    }
    /* all freed and merged */
    ck_assert_uint_ne(apr_rmm_malloc(rmm, sizeof(mem)
                                     - apr_rmm_overhead_get(1)), 0);
}
END_TEST

/* A child process attaches to the block in anonymous shared memory,
 * allocates and writes; the parent sees it. (apr_proc_fork; waitpid for
 * brevity.) */
START_TEST(test_shm_child)
{
    apr_shm_t *shm;
    apr_rmm_t *rmm;
    apr_anylock_t lock;
    apr_proc_t proc;
    apr_rmm_off_t *slot;
    apr_status_t rv;
    int status;

    ck_assert_int_eq(apr_shm_create(&shm, 8192, NULL, p), APR_SUCCESS);
    lock.type = apr_anylock_procmutex;
    ck_assert_int_eq(apr_proc_mutex_create(&lock.lock.pm, NULL,
                                           APR_LOCK_DEFAULT, p), APR_SUCCESS);
    ck_assert_int_eq(apr_rmm_init(&rmm, &lock, apr_shm_baseaddr_get(shm),
                                  8192, p), APR_SUCCESS);
    /* the first allocation holds the offset the child will publish */
    slot = apr_rmm_addr_get(rmm, apr_rmm_calloc(rmm, sizeof(*slot)));
    rv = apr_proc_fork(&proc, p);
    if (rv == APR_INCHILD) {
        apr_rmm_t *child;
        apr_rmm_off_t o;

        if (apr_rmm_attach(&child, &lock, apr_shm_baseaddr_get(shm), p)
            != APR_SUCCESS)
            _exit(2);
        o = apr_rmm_malloc(child, 64);
        if (!o)
            _exit(3);
        strcpy(apr_rmm_addr_get(child, o), "from the child");
        *slot = o;
        apr_rmm_detach(child);
        _exit(0);
    }
    ck_assert_int_eq(rv, APR_INPARENT);
    ck_assert_int_eq(waitpid(proc.pid, &status, 0), proc.pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_uint_ne(*slot, 0);
    ck_assert_str_eq(apr_rmm_addr_get(rmm, *slot), "from the child");
    ck_assert_int_eq(apr_rmm_free(rmm, *slot), APR_SUCCESS);
    ck_assert_int_eq(apr_rmm_destroy(rmm), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("rmm");
    TCase *tc = apr_test_tcase("rmm");

    tcase_add_test(tc, test_overhead);
    tcase_add_test(tc, test_malloc_free_patterns);
    tcase_add_test(tc, test_exact_layout);
    tcase_add_test(tc, test_n_allocations_fit);
    tcase_add_test(tc, test_exhaustion);
    tcase_add_test(tc, test_free_errors);
    tcase_add_test(tc, test_calloc_realloc);
    tcase_add_test(tc, test_relocation);
    tcase_add_test(tc, test_threads_with_lock);
    tcase_add_test(tc, test_shm_child);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
