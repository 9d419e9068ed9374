/*
 * apr_mmap: mapping files, offsets, duplicates, deletion and pool cleanup.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "testutil.h"
#include "apr_file_io.h"
#include "apr_mmap.h"
#include "apr_strings.h"

/* Three pages and a bit of a pattern whose every byte says where it is. */
#define DATA_LEN (3 * 4096 + 123)

static char expected[DATA_LEN];

static long page(void)
{
    return sysconf(_SC_PAGESIZE);
}

/* Write the pattern to a fresh file and return its name. */
static const char *make_file(void)
{
    char *name = apr_psprintf(p, "/tmp/apr_test_mmap.%ld", (long)getpid());
    FILE *f;
    size_t i;

    for (i = 0; i < DATA_LEN; i++)
        expected[i] = (char)('a' + (i * 7 + i / 26) % 26);
    f = fopen(name, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(expected, 1, DATA_LEN, f), DATA_LEN);
    ck_assert_int_eq(fclose(f), 0);
    return name;
}

static apr_file_t *open_file(apr_int32_t flags)
{
    apr_file_t *f = NULL;
    const char *name = make_file();

    ck_assert_int_eq(apr_file_open(&f, name, flags, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    /* The map outlives the name: nothing needs the file afterwards. */
    unlink(name);
    return f;
}

/* Whether the page holding addr is mapped in this process. */
static int is_mapped(const void *addr)
{
    unsigned char vec[1];
    long ps = page();
    void *start = (void *)((apr_uintptr_t)addr & ~(apr_uintptr_t)(ps - 1));

    if (mincore(start, (size_t)ps, vec) == 0)
        return 1;
    ck_assert_int_eq(errno, ENOMEM);
    return 0;
}

START_TEST(test_whole_file)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_mmap_t *m = NULL;

    ck_assert_int_eq(apr_mmap_create(&m, f, 0, DATA_LEN, APR_MMAP_READ, p),
                     APR_SUCCESS);
    ck_assert_ptr_nonnull(m);
    ck_assert_ptr_eq(m->cntxt, p);
    ck_assert_uint_eq(m->size, DATA_LEN);
    ck_assert_int_eq(memcmp(m->mm, expected, DATA_LEN), 0);
    /* The map does not depend on the file staying open. */
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    ck_assert_int_eq(memcmp(m->mm, expected, DATA_LEN), 0);
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
}
END_TEST

START_TEST(test_page_offset)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_mmap_t *m = NULL;
    apr_off_t off = (apr_off_t)page();

    ck_assert_int_eq(apr_mmap_create(&m, f, off, 1000, APR_MMAP_READ, p),
                     APR_SUCCESS);
    ck_assert_uint_eq(m->size, 1000);
    ck_assert_int_eq(memcmp(m->mm, expected + off, 1000), 0);
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
}
END_TEST

/* APR 1.7 hands the offset to mmap(), which wants a page multiple (the
 * reference returns EINVAL); ours maps from the page start and points mm
 * at the byte asked for. */
START_TEST(test_unaligned_offset)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_mmap_t *m = NULL;
    apr_status_t rv = apr_mmap_create(&m, f, 100, 5000, APR_MMAP_READ, p);

#if APR_TEST_AGAINST_SYSTEM
    ck_assert_int_eq(rv, APR_EINVAL);
    ck_assert_ptr_null(m);
#else
    apr_pool_t *sub;
    void *mm;

    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_uint_eq(m->size, 5000);
    ck_assert_int_eq(memcmp(m->mm, expected + 100, 5000), 0);
    mm = m->mm;
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
    ck_assert(!is_mapped(mm));
    ck_assert(!is_mapped((char *)mm - 100));

    /* The pool cleanup unmaps the page-aligned start it really mapped. */
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    rv = apr_mmap_create(&m, f, (apr_off_t)page() * 2 + 1, 10,
                         APR_MMAP_READ, sub);
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(memcmp(m->mm, expected + page() * 2 + 1, 10), 0);
    mm = m->mm;
    apr_pool_destroy(sub);
    ck_assert(!is_mapped((char *)mm - 1));
#endif
}
END_TEST

START_TEST(test_refusals)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_file_t *buffered = open_file(APR_FOPEN_READ | APR_FOPEN_BUFFERED);
    apr_mmap_t *m = NULL;

    /* An empty map is refused, and *newmmap is left alone. */
    ck_assert_int_eq(apr_mmap_create(&m, f, 0, 0, APR_MMAP_READ, p),
                     APR_EINVAL);
    ck_assert_ptr_null(m);
    ck_assert_int_ne(apr_mmap_create(&m, f, -(apr_off_t)page(), 10,
                                     APR_MMAP_READ, p), APR_SUCCESS);
    ck_assert_ptr_null(m);
    /* A buffered file's descriptor may lag behind its buffer. */
    ck_assert_int_eq(apr_mmap_create(&m, buffered, 0, 10, APR_MMAP_READ, p),
                     APR_EBADF);
    ck_assert_ptr_null(m);
    /* Writing through a map of a file opened read-only. */
    ck_assert_int_eq(apr_mmap_create(&m, f, 0, 10, APR_MMAP_WRITE, p),
                     APR_EACCES);
    ck_assert_ptr_null(m);
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_create(&m, f, 0, 10, APR_MMAP_READ, p),
                     APR_EBADF);
    ck_assert_ptr_null(m);
}
END_TEST

START_TEST(test_write_through)
{
    apr_file_t *f = open_file(APR_FOPEN_READ | APR_FOPEN_WRITE);
    apr_mmap_t *m = NULL;
    apr_off_t off = (apr_off_t)page();
    char buf[6] = "";
    apr_size_t n = 5;

    ck_assert_int_eq(apr_mmap_create(&m, f, off, 100,
                                     APR_MMAP_READ | APR_MMAP_WRITE, p),
                     APR_SUCCESS);
    memcpy(m->mm, "HELLO", 5);
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
    ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
    ck_assert_int_eq(apr_file_read(f, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(buf, "HELLO");
}
END_TEST

START_TEST(test_offset)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_mmap_t *m = NULL;
    void *addr = NULL;

    ck_assert_int_eq(apr_mmap_create(&m, f, 0, 100, APR_MMAP_READ, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_offset(&addr, m, 0), APR_SUCCESS);
    ck_assert_ptr_eq(addr, m->mm);
    ck_assert_int_eq(apr_mmap_offset(&addr, m, 42), APR_SUCCESS);
    ck_assert_ptr_eq(addr, (char *)m->mm + 42);
    ck_assert_int_eq(*(char *)addr, expected[42]);
    /* The end is a valid address to compute. */
    ck_assert_int_eq(apr_mmap_offset(&addr, m, 100), APR_SUCCESS);
    ck_assert_ptr_eq(addr, (char *)m->mm + 100);
    addr = NULL;
    ck_assert_int_eq(apr_mmap_offset(&addr, m, 101), APR_EINVAL);
    ck_assert_int_eq(apr_mmap_offset(&addr, m, -1), APR_EINVAL);
    ck_assert_ptr_null(addr);
}
END_TEST

START_TEST(test_dup_and_delete)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_mmap_t *m = NULL, *d = NULL;
    apr_pool_t *other;
    void *mm;

    ck_assert_int_eq(apr_pool_create(&other, p), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_create(&m, f, 0, DATA_LEN, APR_MMAP_READ, p),
                     APR_SUCCESS);
    mm = m->mm;
    ck_assert_int_eq(apr_mmap_dup(&d, m, other), APR_SUCCESS);
    ck_assert_ptr_ne(d, m);
    ck_assert_ptr_eq(d->mm, m->mm);
    ck_assert_uint_eq(d->size, m->size);
    ck_assert_ptr_eq(d->cntxt, other);
    /* Deleting one reference keeps the mapping for the other. */
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
    ck_assert(is_mapped(mm));
    ck_assert_int_eq(memcmp(d->mm, expected, DATA_LEN), 0);
    /* The last one unmaps. */
    ck_assert_int_eq(apr_mmap_delete(d), APR_SUCCESS);
    ck_assert(!is_mapped(mm));
    /* Destroying the pools after the deletes runs no second unmap. */
    apr_pool_destroy(other);
}
END_TEST

/* APR 1.7 crashes on a second delete (its cleanup walks the ring links it
 * cleared the first time), so the test runs against ours only; ours
 * refuses with APR_ENOENT. */
#if !APR_TEST_AGAINST_SYSTEM
START_TEST(test_delete_twice)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_mmap_t *m = NULL, *d = NULL;

    ck_assert_int_eq(apr_mmap_create(&m, f, 0, 100, APR_MMAP_READ, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_delete(m), APR_ENOENT);

    ck_assert_int_eq(apr_mmap_create(&m, f, 0, 100, APR_MMAP_READ, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_dup(&d, m, p), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_delete(d), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_delete(d), APR_ENOENT);
    ck_assert(is_mapped(m->mm));
    ck_assert_int_eq(apr_mmap_delete(m), APR_SUCCESS);
}
END_TEST
#endif

START_TEST(test_pool_cleanup)
{
    apr_file_t *f = open_file(APR_FOPEN_READ);
    apr_pool_t *sub1, *sub2;
    apr_mmap_t *m = NULL, *d = NULL;
    void *mm;

    ck_assert_int_eq(apr_pool_create(&sub1, p), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_create(&m, f, 0, DATA_LEN, APR_MMAP_READ,
                                     sub1), APR_SUCCESS);
    mm = m->mm;
    ck_assert(is_mapped(mm));
    apr_pool_destroy(sub1);
    ck_assert(!is_mapped(mm));

    /* A duplicate in another pool keeps the mapping alive after the
     * original's pool is gone, until its own pool goes. */
    ck_assert_int_eq(apr_pool_create(&sub1, p), APR_SUCCESS);
    ck_assert_int_eq(apr_pool_create(&sub2, p), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_create(&m, f, 0, DATA_LEN, APR_MMAP_READ,
                                     sub1), APR_SUCCESS);
    ck_assert_int_eq(apr_mmap_dup(&d, m, sub2), APR_SUCCESS);
    mm = m->mm;
    apr_pool_destroy(sub1);
    ck_assert(is_mapped(mm));
    ck_assert_int_eq(memcmp(d->mm, expected, DATA_LEN), 0);
    apr_pool_clear(sub2);
    ck_assert(!is_mapped(mm));
}
END_TEST

START_TEST(test_candidate)
{
    ck_assert_int_ge(APR_MMAP_THRESHOLD, 1);
    ck_assert(!APR_MMAP_CANDIDATE(0));
    ck_assert(APR_MMAP_CANDIDATE(APR_MMAP_THRESHOLD));
    ck_assert(APR_MMAP_CANDIDATE(APR_MMAP_LIMIT - 1));
    ck_assert(!APR_MMAP_CANDIDATE(APR_MMAP_LIMIT));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("mmap");
    TCase *tc = apr_test_tcase("mmap");

    tcase_add_test(tc, test_whole_file);
    tcase_add_test(tc, test_page_offset);
    tcase_add_test(tc, test_unaligned_offset);
    tcase_add_test(tc, test_refusals);
    tcase_add_test(tc, test_write_through);
    tcase_add_test(tc, test_offset);
    tcase_add_test(tc, test_dup_and_delete);
#if !APR_TEST_AGAINST_SYSTEM
    tcase_add_test(tc, test_delete_twice);
#endif
    tcase_add_test(tc, test_pool_cleanup);
    tcase_add_test(tc, test_candidate);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
