/*
 * Pools: allocation and alignment, clear and destroy, the order of
 * cleanups and subpool destruction, user data, ancestry, abort functions,
 * unmanaged pools, and subpools created from several threads.
 *
 * The multi-thread test uses plain pthreads: APR threads (apr_thread_proc.h)
 * are not part of this suite's module.
 */
#include "testutil.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "apr_allocator.h"
#include "apr_pools.h"

/* ------------------------------------------------------------------ */
/* A log of which cleanup ran, in order.                              */

static char order[256];

static void log_event(const char *what)
{
    strncat(order, what, sizeof(order) - strlen(order) - 1);
}

static apr_status_t log_cleanup(void *data)
{
    log_event(data);
    return APR_SUCCESS;
}

static apr_status_t log_cleanup2(void *data)
{
    log_event("!");
    log_event(data);
    return APR_SUCCESS;
}

static apr_status_t child_cleanup(void *data)
{
    log_event("c");
    log_event(data);
    return APR_SUCCESS;
}

static void reset_log(void)
{
    order[0] = '\0';
}

/* ------------------------------------------------------------------ */
/* Allocation                                                         */

START_TEST(palloc_alignment_and_content)
{
    static const apr_size_t sizes[] = {0, 1, 3, 7, 8, 9, 15, 16, 17, 100,
                                       1000, 4000, 8192, 9000, 20000};
    unsigned char *blocks[15 * 20];
    size_t n = 0, i, j;

    for (j = 0; j < 20; j++) {
        for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
            unsigned char *m = apr_palloc(p, sizes[i]);
            ck_assert_ptr_nonnull(m);
            ck_assert_uint_eq((uintptr_t)m % 8, 0);
            memset(m, (int)(n & 0xff), sizes[i]);
            blocks[n++] = m;
        }
    }
    /* Every block kept its own pattern: no two overlap. */
    n = 0;
    for (j = 0; j < 20; j++) {
        for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++, n++) {
            apr_size_t k;
            for (k = 0; k < sizes[i]; k++)
                ck_assert_uint_eq(blocks[n][k], n & 0xff);
        }
    }
}
END_TEST

START_TEST(palloc_many_small_and_large)
{
    char *prev = NULL;
    int i;

    for (i = 0; i < 100000; i++) {
        char *m = apr_palloc(p, 24);
        ck_assert_uint_eq((uintptr_t)m % 8, 0);
        ck_assert_ptr_ne(m, prev);
        m[0] = 'x';
        m[23] = 'y';
        prev = m;
    }
    for (i = 0; i < 8; i++) {
        apr_size_t size = (apr_size_t)(1 << 20) * (apr_size_t)(i + 1);
        char *m = apr_palloc(p, size);
        ck_assert_ptr_nonnull(m);
        ck_assert_uint_eq((uintptr_t)m % 8, 0);
        memset(m, i, size);
        ck_assert_int_eq(m[size - 1], i);
    }
}
END_TEST

START_TEST(pcalloc_zeroes)
{
    int i;

    for (i = 0; i < 50; i++) {
        apr_size_t size = (apr_size_t)(i * 37 + 1);
        unsigned char *a, *b;
        apr_size_t k;

        /* Dirty the memory the next allocation will use after a clear. */
        memset(apr_palloc(p, size), 0xAA, size);
        apr_pool_clear(p);
        a = apr_pcalloc(p, size);
        b = apr_pcalloc(p, size + 8);
        for (k = 0; k < size; k++) {
            ck_assert_uint_eq(a[k], 0);
            ck_assert_uint_eq(b[k], 0);
        }
        ck_assert_uint_eq((uintptr_t)a % 8, 0);
        ck_assert_uint_eq((uintptr_t)b % 8, 0);
    }
}
END_TEST

START_TEST(clear_reuses_memory)
{
    char *first, *again;
    int i;

    first = apr_palloc(p, 16);
    for (i = 0; i < 1000; i++)
        apr_palloc(p, 1000);      /* several more blocks */
    apr_pool_clear(p);
    again = apr_palloc(p, 16);
    ck_assert_ptr_eq(first, again);
    for (i = 0; i < 1000; i++)
        memset(apr_palloc(p, 1000), 1, 1000);
}
END_TEST

/* Hides a constant from the compiler's alloc_size checks. */
static apr_size_t opaque_size(apr_size_t v)
{
    volatile apr_size_t x = v;
    return x;
}

static int abort_calls;
static int abort_code;

static int record_abort(int code)
{
    abort_calls++;
    abort_code = code;
    return 0;
}

START_TEST(abort_on_allocation_failure)
{
    apr_pool_t *sub;

    ck_assert(apr_pool_abort_get(p) == NULL);
    apr_pool_abort_set(record_abort, p);
    ck_assert(apr_pool_abort_get(p) == record_abort);

    abort_calls = 0;
    ck_assert_ptr_null(apr_palloc(p, opaque_size((apr_size_t)-1 / 2)));
    ck_assert_int_eq(abort_calls, 1);
    ck_assert_int_eq(abort_code, APR_ENOMEM);

    /* Overflowing the rounding up. */
    ck_assert_ptr_null(apr_palloc(p, opaque_size((apr_size_t)-1)));
    ck_assert_int_eq(abort_calls, 2);
    ck_assert_ptr_null(apr_palloc(p, opaque_size((apr_size_t)-3)));
    ck_assert_int_eq(abort_calls, 3);

    /* The pool still works. */
    ck_assert_ptr_nonnull(apr_palloc(p, 10));

    /* A subpool inherits the abort function... */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    ck_assert(apr_pool_abort_get(sub) == record_abort);
    ck_assert_ptr_null(apr_palloc(sub, opaque_size((apr_size_t)-1 / 2)));
    ck_assert_int_eq(abort_calls, 4);
    /* ...unless given one; NULL means none. */
    apr_pool_abort_set(NULL, sub);
    ck_assert_ptr_null(apr_palloc(sub, opaque_size((apr_size_t)-1 / 2)));
    ck_assert_int_eq(abort_calls, 4);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Tree and cleanups                                                  */

START_TEST(cleanups_run_in_reverse_order)
{
    apr_pool_t *sub;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    reset_log();
    apr_pool_cleanup_register(sub, "a", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(sub, "b", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(sub, "c", log_cleanup, apr_pool_cleanup_null);
    apr_pool_clear(sub);
    ck_assert_str_eq(order, "cba");

    /* Cleared: they do not run again. */
    reset_log();
    apr_pool_cleanup_register(sub, "d", log_cleanup, apr_pool_cleanup_null);
    apr_pool_destroy(sub);
    ck_assert_str_eq(order, "d");
}
END_TEST

static apr_pool_t *cleanup_pool;

static apr_status_t registering_cleanup(void *data)
{
    log_event(data);
    /* Allocating and registering from a cleanup are allowed. */
    ck_assert_ptr_nonnull(apr_palloc(cleanup_pool, 100));
    apr_pool_cleanup_register(cleanup_pool, "late", log_cleanup,
                              apr_pool_cleanup_null);
    return APR_SUCCESS;
}

START_TEST(cleanup_registered_during_cleanup_runs_next)
{
    ck_assert_int_eq(apr_pool_create(&cleanup_pool, p), APR_SUCCESS);
    reset_log();
    apr_pool_cleanup_register(cleanup_pool, "1", log_cleanup,
                              apr_pool_cleanup_null);
    apr_pool_cleanup_register(cleanup_pool, "2", registering_cleanup,
                              apr_pool_cleanup_null);
    apr_pool_destroy(cleanup_pool);
    ck_assert_str_eq(order, "2late1");
}
END_TEST

START_TEST(children_destroyed_first_newest_first)
{
    apr_pool_t *c1, *c2, *c3, *g;

    ck_assert_int_eq(apr_pool_create(&c1, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&c2, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&c3, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&g, c2), APR_SUCCESS);
    reset_log();
    apr_pool_cleanup_register(p, "P", log_cleanup, apr_pool_cleanup_null);
    apr_pool_pre_cleanup_register(p, "<", log_cleanup);
    apr_pool_cleanup_register(c1, "1", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(c2, "2", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(c3, "3", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(g, "g", log_cleanup, apr_pool_cleanup_null);

    /* Pre-cleanups, then the subpools (newest first, each one's own
     * children before it), then the pool's own cleanups. */
    apr_pool_clear(p);
    ck_assert_str_eq(order, "<3g21P");

    /* The children are gone: clearing again runs nothing. */
    reset_log();
    apr_pool_clear(p);
    ck_assert_str_eq(order, "");
}
END_TEST

START_TEST(destroying_a_child_unlinks_it)
{
    apr_pool_t *c1, *c2, *c3;

    ck_assert_int_eq(apr_pool_create(&c1, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&c2, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&c3, p), APR_SUCCESS);
    apr_pool_cleanup_register(c1, "1", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(c3, "3", log_cleanup, apr_pool_cleanup_null);
    reset_log();
    apr_pool_destroy(c2);           /* the middle one */
    ck_assert_str_eq(order, "");
    apr_pool_destroy(p);
    p = NULL;
    ck_assert_str_eq(order, "31");
    /* The fixture's teardown must not destroy it again. */
    ck_assert_int_eq(apr_pool_create(&p, NULL), APR_SUCCESS);
}
END_TEST

START_TEST(pre_cleanups)
{
    apr_pool_t *sub;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    reset_log();
    apr_pool_pre_cleanup_register(sub, "x", log_cleanup);
    apr_pool_pre_cleanup_register(sub, "y", log_cleanup);
    apr_pool_cleanup_register(sub, "a", log_cleanup, apr_pool_cleanup_null);
    apr_pool_pre_cleanup_register(sub, "z", log_cleanup);
    apr_pool_cleanup_kill(sub, "y", log_cleanup);   /* kill finds them too */
    apr_pool_destroy(sub);
    ck_assert_str_eq(order, "zxa");
}
END_TEST

START_TEST(cleanup_kill_and_run)
{
    reset_log();
    apr_pool_cleanup_register(p, "a", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(p, "b", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(p, "a", log_cleanup2, apr_pool_cleanup_null);
    apr_pool_cleanup_register(p, "b", log_cleanup, apr_pool_cleanup_null);

    /* Only the most recent match goes, and only for the same function. */
    apr_pool_cleanup_kill(p, "b", log_cleanup);
    apr_pool_cleanup_kill(p, "zz", log_cleanup);    /* not registered */
    apr_pool_cleanup_kill(NULL, "a", log_cleanup);  /* allowed */
    ck_assert_int_eq(apr_pool_cleanup_run(p, "a", log_cleanup), APR_SUCCESS);
    ck_assert_str_eq(order, "a");
    /* A cleanup that is not registered still runs. */
    ck_assert_int_eq(apr_pool_cleanup_run(p, "q", log_cleanup), APR_SUCCESS);
    ck_assert_str_eq(order, "aq");

    reset_log();
    apr_pool_clear(p);
    ck_assert_str_eq(order, "!ab");

    /* Cleanups registered with NULL as the pool are ignored. */
    apr_pool_cleanup_register(NULL, "n", log_cleanup, apr_pool_cleanup_null);
    apr_pool_pre_cleanup_register(NULL, "n", log_cleanup);
    ck_assert_int_eq(apr_pool_cleanup_null(NULL), APR_SUCCESS);
}
END_TEST

START_TEST(cleanup_slots_are_reused_after_kill)
{
    int i;

    reset_log();
    for (i = 0; i < 10000; i++) {
        apr_pool_cleanup_register(p, "k", log_cleanup, apr_pool_cleanup_null);
        apr_pool_cleanup_kill(p, "k", log_cleanup);
    }
    apr_pool_cleanup_register(p, "s", log_cleanup, apr_pool_cleanup_null);
    apr_pool_clear(p);
    ck_assert_str_eq(order, "s");
}
END_TEST

START_TEST(cleanup_for_exec_runs_child_cleanups)
{
    apr_pool_t *sub;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    reset_log();
    apr_pool_cleanup_register(p, "1", log_cleanup, child_cleanup);
    apr_pool_cleanup_register(p, "2", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(p, "3", log_cleanup, log_cleanup);
    apr_pool_child_cleanup_set(p, "3", log_cleanup, child_cleanup);
    apr_pool_child_cleanup_set(p, "9", log_cleanup, child_cleanup); /* none */
    apr_pool_cleanup_register(sub, "s", log_cleanup, child_cleanup);
    apr_pool_pre_cleanup_register(p, "pre", log_cleanup);

    /* Every pool under the global pool; parents before children. */
    apr_pool_cleanup_for_exec();
    ck_assert_str_eq(order, "c3c1cs");

    /* They are spent: the plain cleanups no longer run. */
    reset_log();
    apr_pool_clear(p);
    ck_assert_str_eq(order, "pre");
}
END_TEST

START_TEST(userdata)
{
    char key[16];
    void *got = (void *)1;
    int a = 1, b = 2;

    ck_assert_int_eq(apr_pool_userdata_get(&got, "missing", p), APR_SUCCESS);
    ck_assert_ptr_null(got);

    /* set copies the key. */
    strcpy(key, "key1");
    ck_assert_int_eq(apr_pool_userdata_set(&a, key, NULL, p), APR_SUCCESS);
    strcpy(key, "zzzz");
    ck_assert_int_eq(apr_pool_userdata_get(&got, "key1", p), APR_SUCCESS);
    ck_assert_ptr_eq(got, &a);

    /* Replacing a value. */
    ck_assert_int_eq(apr_pool_userdata_set(&b, "key1", NULL, p), APR_SUCCESS);
    apr_pool_userdata_get(&got, "key1", p);
    ck_assert_ptr_eq(got, &b);

    /* setn keeps the caller's key: changing it loses the entry. */
    strcpy(key, "key2");
    ck_assert_int_eq(apr_pool_userdata_setn(&a, key, NULL, p), APR_SUCCESS);
    apr_pool_userdata_get(&got, "key2", p);
    ck_assert_ptr_eq(got, &a);
    strcpy(key, "kez2");
    apr_pool_userdata_get(&got, "key2", p);
    ck_assert_ptr_null(got);

    /* NULL data removes a key. */
    apr_pool_userdata_set(NULL, "key1", NULL, p);
    apr_pool_userdata_get(&got, "key1", p);
    ck_assert_ptr_null(got);

    /* The empty string is a key like another. */
    apr_pool_userdata_setn(&b, "", NULL, p);
    apr_pool_userdata_get(&got, "", p);
    ck_assert_ptr_eq(got, &b);

    /* Clearing forgets everything. */
    apr_pool_userdata_setn(&a, "key3", NULL, p);
    apr_pool_clear(p);
    apr_pool_userdata_get(&got, "key3", p);
    ck_assert_ptr_null(got);
    apr_pool_userdata_get(&got, "", p);
    ck_assert_ptr_null(got);
}
END_TEST

START_TEST(userdata_many_keys)
{
    char key[32];
    void *got;
    int i;

    for (i = 0; i < 500; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        apr_pool_userdata_set((void *)(uintptr_t)(i + 1), key, NULL, p);
    }
    for (i = 0; i < 500; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        apr_pool_userdata_get(&got, key, p);
        ck_assert_ptr_eq(got, (void *)(uintptr_t)(i + 1));
    }
}
END_TEST

START_TEST(userdata_cleanup)
{
    apr_pool_t *sub;
    void *got;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    reset_log();
    apr_pool_userdata_set("u", "data", log_cleanup, sub);
    apr_pool_userdata_get(&got, "data", sub);
    ck_assert_str_eq(got, "u");
    apr_pool_clear(sub);
    ck_assert_str_eq(order, "u");

    /* The cleanup is also the child cleanup. */
    reset_log();
    apr_pool_userdata_setn("v", "data", log_cleanup, sub);
    apr_pool_cleanup_for_exec();
    ck_assert_str_eq(order, "v");
    reset_log();
    apr_pool_destroy(sub);
    ck_assert_str_eq(order, "");
}
END_TEST

START_TEST(ancestry)
{
    apr_pool_t *a, *b, *c, *global;

    ck_assert_int_eq(apr_pool_create(&a, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&b, a), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&c, p), APR_SUCCESS);

    ck_assert_ptr_eq(apr_pool_parent_get(b), a);
    ck_assert_ptr_eq(apr_pool_parent_get(a), p);
    global = apr_pool_parent_get(p);
    ck_assert_ptr_nonnull(global);              /* the global pool */
    ck_assert_ptr_null(apr_pool_parent_get(global));

    ck_assert_int_ne(apr_pool_is_ancestor(p, b), 0);
    ck_assert_int_ne(apr_pool_is_ancestor(a, b), 0);
    ck_assert_int_ne(apr_pool_is_ancestor(b, b), 0);
    ck_assert_int_ne(apr_pool_is_ancestor(global, b), 0);
    ck_assert_int_ne(apr_pool_is_ancestor(NULL, b), 0);
    ck_assert_int_ne(apr_pool_is_ancestor(NULL, NULL), 0);
    ck_assert_int_eq(apr_pool_is_ancestor(b, a), 0);
    ck_assert_int_eq(apr_pool_is_ancestor(c, b), 0);
    ck_assert_int_eq(apr_pool_is_ancestor(b, c), 0);
    ck_assert_int_eq(apr_pool_is_ancestor(a, NULL), 0);

    /* Subpools share their parent's allocator by default. */
    ck_assert_ptr_eq(apr_pool_allocator_get(b), apr_pool_allocator_get(p));
    apr_pool_tag(b, "b-pool");
}
END_TEST

START_TEST(unmanaged_pools)
{
    apr_pool_t *u, *sub, *core;
    apr_allocator_t *a;
    char *m;

    ck_assert_int_eq(apr_pool_create_unmanaged(&u), APR_SUCCESS);
    ck_assert_ptr_null(apr_pool_parent_get(u));
    a = apr_pool_allocator_get(u);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_ne(a, apr_pool_allocator_get(p));
    ck_assert_ptr_eq(apr_allocator_owner_get(a), u);
    ck_assert_int_eq(apr_pool_is_ancestor(p, u), 0);

    m = apr_palloc(u, 100000);
    memset(m, 3, 100000);
    ck_assert_int_eq(apr_pool_create(&sub, u), APR_SUCCESS);
    ck_assert_ptr_eq(apr_pool_allocator_get(sub), a);
    reset_log();
    apr_pool_cleanup_register(sub, "s", log_cleanup, apr_pool_cleanup_null);
    apr_pool_cleanup_register(u, "u", log_cleanup, apr_pool_cleanup_null);
    apr_pool_destroy(u);
    ck_assert_str_eq(order, "su");

    ck_assert_int_eq(apr_pool_create_core(&core), APR_SUCCESS);
    ck_assert_ptr_null(apr_pool_parent_get(core));
    ck_assert_ptr_eq(apr_allocator_owner_get(apr_pool_allocator_get(core)),
                     core);
    apr_pool_destroy(core);

    /* Unmanaged pools take an abort function but do not inherit one. */
    apr_pool_abort_set(record_abort, p);
    ck_assert_int_eq(apr_pool_create_unmanaged_ex(&u, NULL, NULL),
                     APR_SUCCESS);
    ck_assert(apr_pool_abort_get(u) == NULL);
    apr_pool_destroy(u);
    ck_assert_int_eq(apr_pool_create_core_ex(&u, record_abort, NULL),
                     APR_SUCCESS);
    ck_assert(apr_pool_abort_get(u) == record_abort);
    apr_pool_destroy(u);
}
END_TEST

START_TEST(pools_with_own_allocator)
{
    apr_allocator_t *a;
    apr_pool_t *u, *sub;

    ck_assert_int_eq(apr_allocator_create(&a), APR_SUCCESS);

    /* An unmanaged pool on a given allocator does not own it. */
    ck_assert_int_eq(apr_pool_create_unmanaged_ex(&u, NULL, a), APR_SUCCESS);
    ck_assert_ptr_eq(apr_pool_allocator_get(u), a);
    ck_assert_ptr_null(apr_allocator_owner_get(a));
    apr_pool_destroy(u);

    /* A subpool of p on another allocator. */
    ck_assert_int_eq(apr_pool_create_ex(&sub, p, NULL, a), APR_SUCCESS);
    ck_assert_ptr_eq(apr_pool_allocator_get(sub), a);
    ck_assert_ptr_eq(apr_pool_parent_get(sub), p);
    memset(apr_palloc(sub, 50000), 1, 50000);
    reset_log();
    apr_pool_cleanup_register(sub, "s", log_cleanup, apr_pool_cleanup_null);
    apr_pool_clear(p);              /* destroys sub */
    ck_assert_str_eq(order, "s");

    /* Made its owner, a pool destroys its allocator with it. */
    ck_assert_int_eq(apr_pool_create_ex(&sub, NULL, NULL, a), APR_SUCCESS);
    ck_assert_ptr_nonnull(apr_pool_parent_get(sub));  /* the global pool */
    apr_allocator_owner_set(a, sub);
    memset(apr_palloc(sub, 50000), 1, 50000);
    apr_pool_destroy(sub);          /* no leak under valgrind or ASan */
}
END_TEST

START_TEST(debug_entry_points)
{
    apr_pool_t *sub = NULL;
    char *m;

    ck_assert_int_eq(apr_pool_create_ex_debug(&sub, p, NULL, NULL, "here:1"),
                     APR_SUCCESS);
    m = apr_palloc_debug(sub, 10, "here:2");
    ck_assert_ptr_nonnull(m);
    m = apr_pcalloc_debug(sub, 10, "here:3");
    ck_assert_int_eq(m[0] | m[9], 0);
    apr_pool_clear_debug(sub, "here:4");
    apr_pool_destroy_debug(sub, "here:5");
    ck_assert_int_eq(apr_pool_create_unmanaged_ex_debug(&sub, NULL, NULL,
                                                        "here:6"),
                     APR_SUCCESS);
    apr_pool_destroy(sub);
    ck_assert_int_eq(apr_pool_create_core_ex_debug(&sub, NULL, NULL,
                                                   "here:7"),
                     APR_SUCCESS);
    apr_pool_destroy(sub);
    /* Release builds: these expand to nothing. */
    apr_pool_join(p, sub);
    apr_pool_lock(p, 1);
    ck_assert_int_eq(APR_POOL_DEBUG, 0);
}
END_TEST

/* APR_POOL_DECLARE_ACCESSOR / APR_POOL_IMPLEMENT_ACCESSOR on a type. */
typedef struct apr_widget_t {
    int size;
    apr_pool_t *pool;
} apr_widget_t;

APR_POOL_DECLARE_ACCESSOR(widget);
APR_POOL_IMPLEMENT_ACCESSOR(widget)

START_TEST(accessor_macros)
{
    apr_widget_t *w = apr_palloc(p, sizeof(*w));

    w->pool = p;
    ck_assert_ptr_eq(apr_widget_pool_get(w), p);
}
END_TEST

/* Subpools of the global pool created and destroyed from four threads. */
static void *pool_churn(void *arg)
{
    int i, j;

    (void)arg;
    for (i = 0; i < 20000; i++) {
        apr_pool_t *sub, *subsub;
        if (apr_pool_create(&sub, NULL) != APR_SUCCESS)
            return (void *)1;
        for (j = 0; j < 4; j++)
            memset(apr_palloc(sub, 3000), j, 3000);
        if (apr_pool_create(&subsub, sub) != APR_SUCCESS)
            return (void *)1;
        apr_palloc(subsub, 10000);
        if (i % 3 == 0)
            apr_pool_clear(sub);
        apr_pool_destroy(sub);
    }
    return NULL;
}

START_TEST(subpools_from_several_threads)
{
    pthread_t t[4];
    void *res;
    int i;

    for (i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, pool_churn, NULL), 0);
    for (i = 0; i < 4; i++) {
        ck_assert_int_eq(pthread_join(t[i], &res), 0);
        ck_assert_ptr_null(res);
    }
}
END_TEST

/* A second initialize/terminate pair nests inside the first. */
START_TEST(initialize_nests)
{
    apr_pool_t *sub;

    ck_assert_int_eq(apr_pool_initialize(), APR_SUCCESS);
    apr_pool_terminate();
    ck_assert_int_eq(apr_pool_create(&sub, NULL), APR_SUCCESS);
    apr_pool_destroy(sub);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("pools");
    TCase *tc = apr_test_tcase("alloc");

    tcase_add_test(tc, palloc_alignment_and_content);
    tcase_add_test(tc, palloc_many_small_and_large);
    tcase_add_test(tc, pcalloc_zeroes);
    tcase_add_test(tc, clear_reuses_memory);
    tcase_add_test(tc, abort_on_allocation_failure);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("tree");
    tcase_add_test(tc, cleanups_run_in_reverse_order);
    tcase_add_test(tc, cleanup_registered_during_cleanup_runs_next);
    tcase_add_test(tc, children_destroyed_first_newest_first);
    tcase_add_test(tc, destroying_a_child_unlinks_it);
    tcase_add_test(tc, pre_cleanups);
    tcase_add_test(tc, cleanup_kill_and_run);
    tcase_add_test(tc, cleanup_slots_are_reused_after_kill);
    tcase_add_test(tc, cleanup_for_exec_runs_child_cleanups);
    tcase_add_test(tc, ancestry);
    tcase_add_test(tc, unmanaged_pools);
    tcase_add_test(tc, pools_with_own_allocator);
    tcase_add_test(tc, debug_entry_points);
    tcase_add_test(tc, accessor_macros);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("userdata");
    tcase_add_test(tc, userdata);
    tcase_add_test(tc, userdata_many_keys);
    tcase_add_test(tc, userdata_cleanup);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("global");
    tcase_add_test(tc, subpools_from_several_threads);
    tcase_add_test(tc, initialize_nests);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
