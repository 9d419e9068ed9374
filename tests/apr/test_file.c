/*
 * apr_file_io.h: opening, reading, writing (buffered and not), seeking,
 * lines and characters, writev, copy/append, inheritance, info.
 */
#include "testutil.h"

#include "apr_file_io.h"
#include "apr_file_info.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Each test works in a directory of its own, removed afterwards. */
static char dir[64];

static int rm_one(const char *path, const struct stat *st, int flag,
                  struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

static void dir_setup(void)
{
    strcpy(dir, "/tmp/apr-test-file-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void dir_teardown(void)
{
    nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static const char *path(const char *name)
{
    return apr_pstrcat(p, dir, "/", name, NULL);
}

/* Write content to name with plain POSIX calls. */
static void put_file(const char *name, const char *content, size_t len)
{
    int fd = open(path(name), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, content, len), (ssize_t)len);
    close(fd);
}

/* Read all of name with plain POSIX calls. */
static char *get_file(const char *name, apr_size_t *len)
{
    struct stat st;
    char *buf;
    int fd = open(path(name), O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(fstat(fd, &st), 0);
    buf = apr_palloc(p, (apr_size_t)st.st_size + 1);
    ck_assert_int_eq(read(fd, buf, (size_t)st.st_size), st.st_size);
    buf[st.st_size] = '\0';
    close(fd);
    *len = (apr_size_t)st.st_size;
    return buf;
}

static int fd_of(apr_file_t *f)
{
    apr_os_file_t fd;
    ck_assert_int_eq(apr_os_file_get(&fd, f), APR_SUCCESS);
    return fd;
}

START_TEST(open_needs_read_or_write)
{
    apr_file_t *f;
    put_file("a", "x", 1);
    ck_assert_int_eq(apr_file_open(&f, path("a"), 0, APR_FPROT_OS_DEFAULT, p),
                     APR_EACCES);
    /* EXCL without CREATE makes no sense either. */
    ck_assert_int_eq(apr_file_open(&f, path("a"),
                                   APR_FOPEN_WRITE | APR_FOPEN_EXCL,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_EACCES);
}
END_TEST

START_TEST(open_missing_and_excl)
{
    apr_file_t *f;
    apr_status_t rv = apr_file_open(&f, path("none"), APR_FOPEN_READ,
                                    APR_FPROT_OS_DEFAULT, p);
    ck_assert(APR_STATUS_IS_ENOENT(rv));

    ck_assert_int_eq(apr_file_open(&f, path("n"),
                                   APR_FOPEN_WRITE | APR_FOPEN_CREATE |
                                   APR_FOPEN_EXCL,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    rv = apr_file_open(&f, path("n"),
                       APR_FOPEN_WRITE | APR_FOPEN_CREATE | APR_FOPEN_EXCL,
                       APR_FPROT_OS_DEFAULT, p);
    ck_assert_int_eq(rv, APR_EEXIST);
    ck_assert(APR_STATUS_IS_EEXIST(rv));
    /* The old names are the same flags. */
    ck_assert_int_eq(apr_file_open(&f, path("n"), APR_WRITE | APR_CREATE |
                                   APR_EXCL, APR_FPROT_OS_DEFAULT, p),
                     APR_EEXIST);
}
END_TEST

START_TEST(open_perms_and_cloexec)
{
    apr_file_t *f;
    struct stat st;
    mode_t old = umask(022);

    ck_assert_int_eq(apr_file_open(&f, path("perm"),
                                   APR_FOPEN_WRITE | APR_FOPEN_CREATE,
                                   APR_FPROT_UREAD | APR_FPROT_UWRITE |
                                   APR_FPROT_GREAD, p),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(path("perm"), &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    ck_assert_int_eq(fcntl(fd_of(f), F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    ck_assert_int_eq(apr_file_flags_get(f),
                     APR_FOPEN_WRITE | APR_FOPEN_CREATE);

    /* OS_DEFAULT: 0666 less the umask. */
    ck_assert_int_eq(apr_file_open(&f, path("def"),
                                   APR_FOPEN_WRITE | APR_FOPEN_CREATE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(path("def"), &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0644);
    umask(old);
}
END_TEST

START_TEST(read_write_eof)
{
    apr_file_t *f;
    char buf[64];
    apr_size_t n = 11;
    const char *name;

    ck_assert_int_eq(apr_file_open(&f, path("rw"),
                                   APR_FOPEN_WRITE | APR_FOPEN_CREATE |
                                   APR_FOPEN_TRUNCATE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_write(f, "hello world", &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 11);
    ck_assert_int_eq(apr_file_name_get(&name, f), APR_SUCCESS);
    ck_assert_str_eq(name, path("rw"));
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);

    ck_assert_int_eq(apr_file_open(&f, path("rw"), APR_FOPEN_READ,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_eof(f), APR_SUCCESS);
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(f, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 11);
    ck_assert_int_eq(memcmp(buf, "hello world", 11), 0);
    /* At the end: APR_EOF and nothing read. */
    n = sizeof(buf);
    ck_assert_int_eq(apr_file_read(f, buf, &n), APR_EOF);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(apr_file_eof(f), APR_EOF);
    /* A read of nothing is no error. */
    n = 0;
    ck_assert_int_eq(apr_file_read(f, buf, &n), APR_SUCCESS);
    ck_assert_uint_eq(n, 0);
    /* Writing to a file opened read-only fails with the errno. */
    n = 1;
    ck_assert_int_eq(apr_file_write(f, "x", &n), APR_EBADF);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(append_and_truncate)
{
    apr_file_t *f;
    apr_size_t n, len;

    put_file("ap", "abc", 3);
    ck_assert_int_eq(apr_file_open(&f, path("ap"),
                                   APR_FOPEN_WRITE | APR_FOPEN_APPEND,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    n = 3;
    ck_assert_int_eq(apr_file_write(f, "def", &n), APR_SUCCESS);
    apr_file_close(f);
    ck_assert_str_eq(get_file("ap", &len), "abcdef");

    ck_assert_int_eq(apr_file_open(&f, path("ap"),
                                   APR_FOPEN_WRITE | APR_FOPEN_TRUNCATE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    apr_file_close(f);
    get_file("ap", &len);
    ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(remove_rename_link)
{
    struct stat st;

    put_file("r1", "1", 1);
    ck_assert_int_eq(apr_file_rename(path("r1"), path("r2"), p), APR_SUCCESS);
    ck_assert_int_ne(stat(path("r1"), &st), 0);
    ck_assert_int_eq(apr_file_link(path("r2"), path("r3")), APR_SUCCESS);
    ck_assert_int_eq(stat(path("r3"), &st), 0);
    ck_assert_int_eq(st.st_nlink, 2);
    ck_assert_int_eq(apr_file_link(path("r2"), path("r3")), APR_EEXIST);
    ck_assert_int_eq(apr_file_remove(path("r2"), p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_remove(path("r3"), p), APR_SUCCESS);
    ck_assert(APR_STATUS_IS_ENOENT(apr_file_remove(path("r3"), p)));
    ck_assert(APR_STATUS_IS_ENOENT(
        apr_file_rename(path("r3"), path("r4"), p)));
}
END_TEST

START_TEST(pool_cleanup_closes)
{
    apr_pool_t *sub;
    apr_file_t *f, *g;
    int fd, gfd;

    apr_pool_create(&sub, p);
    ck_assert_int_eq(apr_file_open(&f, path("c"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE | APR_FOPEN_BUFFERED,
                                   APR_FPROT_OS_DEFAULT, sub),
                     APR_SUCCESS);
    ck_assert_ptr_eq(apr_file_pool_get(f), sub);
    fd = fd_of(f);
    ck_assert_int_eq(apr_file_puts("pending", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_open(&g, path("c"), APR_FOPEN_READ |
                                   APR_FOPEN_NOCLEANUP,
                                   APR_FPROT_OS_DEFAULT, sub),
                     APR_SUCCESS);
    gfd = fd_of(g);
    /* NOCLEANUP files are not close-on-exec either (as in APR). */
    ck_assert_int_eq(fcntl(gfd, F_GETFD) & FD_CLOEXEC, 0);
    apr_pool_destroy(sub);
    /* The buffered file was flushed and closed; the other stays open. */
    ck_assert_int_eq(fcntl(fd, F_GETFD), -1);
    ck_assert_int_ge(fcntl(gfd, F_GETFD), 0);
    close(gfd);
    {
        apr_size_t len;
        ck_assert_str_eq(get_file("c", &len), "pending");
    }
}
END_TEST

START_TEST(deloncclose)
{
    apr_file_t *f;
    struct stat st;

    ck_assert_int_eq(apr_file_open(&f, path("del"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE | APR_FOPEN_DELONCLOSE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(path("del"), &st), 0);
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    ck_assert_int_ne(stat(path("del"), &st), 0);
}
END_TEST

START_TEST(getc_ungetc_putc)
{
    apr_file_t *f;
    char c;
    int i;

    for (i = 0; i < 2; i++) {
        apr_int32_t extra = i ? APR_FOPEN_BUFFERED : 0;
        ck_assert_int_eq(apr_file_open(&f, path("ch"), APR_FOPEN_WRITE |
                                       APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE |
                                       extra, APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_file_putc('a', f), APR_SUCCESS);
        ck_assert_int_eq(apr_file_putc('b', f), APR_SUCCESS);
        apr_file_close(f);

        ck_assert_int_eq(apr_file_open(&f, path("ch"), APR_FOPEN_READ | extra,
                                       APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, 'a');
        ck_assert_int_eq(apr_file_ungetc('z', f), APR_SUCCESS);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, 'z');
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, 'b');
        ck_assert_int_eq(apr_file_getc(&c, f), APR_EOF);
        /* A char given back at the end is still returned. */
        ck_assert_int_eq(apr_file_ungetc('q', f), APR_SUCCESS);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, 'q');
        apr_file_close(f);
    }
}
END_TEST

START_TEST(gets_semantics)
{
    const char content[] = "one\ntwo\n\nlast-no-newline";
    apr_file_t *f;
    char buf[8];
    int i;

    put_file("g", content, sizeof(content) - 1);
    for (i = 0; i < 2; i++) {
        apr_int32_t extra = i ? APR_FOPEN_BUFFERED : 0;
        ck_assert_int_eq(apr_file_open(&f, path("g"), APR_FOPEN_READ | extra,
                                       APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        /* The newline is kept. */
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "one\n");
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "two\n");
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "\n");
        /* A long line comes in pieces of len - 1. */
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "last-no");
        /* The end of the file after some bytes: success... */
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "-newlin");
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "e");
        /* ...and APR_EOF only when nothing was read. */
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_EOF);
        ck_assert_str_eq(buf, "");
        /* No room: nothing stored, no error. */
        buf[0] = 'X';
        ck_assert_int_eq(apr_file_gets(buf, 1, f), APR_SUCCESS);
        ck_assert_int_eq(buf[0], 'X');
        apr_file_close(f);
    }
}
END_TEST

START_TEST(gets_after_ungetc)
{
    apr_file_t *f;
    char buf[16];
    int i;

    put_file("gu", "bc\nd\n", 5);
    for (i = 0; i < 2; i++) {
        apr_int32_t extra = i ? APR_FOPEN_BUFFERED : 0;
        ck_assert_int_eq(apr_file_open(&f, path("gu"), APR_FOPEN_READ | extra,
                                       APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        apr_file_ungetc('a', f);
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "abc\n");
        ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
        ck_assert_str_eq(buf, "d\n");
        apr_file_close(f);
    }
}
END_TEST

START_TEST(puts_and_printf)
{
    apr_file_t *f;
    apr_size_t len;
    char *big = apr_palloc(p, 20001);

    memset(big, 'x', 20000);
    big[20000] = '\0';
    ck_assert_int_eq(apr_file_open(&f, path("pp"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE | APR_FOPEN_BUFFERED,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("line", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_printf(f, "<%d %s %05.1f>", 42, "str", 2.5), 14);
    /* Longer than apr_file_printf's own buffer. */
    ck_assert_int_eq(apr_file_printf(f, "%s|", big), 20001);
    apr_file_close(f);
    ck_assert_str_eq(get_file("pp", &len),
                     apr_pstrcat(p, "line<42 str 002.5>", big, "|", NULL));
}
END_TEST

/* A deterministic pseudo-random byte pattern. */
static void fill_pattern(unsigned char *buf, apr_size_t n, unsigned seed)
{
    apr_size_t i;
    for (i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (unsigned char)(seed >> 16);
    }
}

START_TEST(buffered_reads_match_content)
{
    enum { SIZE = 50000 };
    unsigned char *data = apr_palloc(p, SIZE), *got = apr_palloc(p, SIZE);
    apr_file_t *f;
    apr_size_t pos = 0;
    unsigned step = 1;

    fill_pattern(data, SIZE, 7);
    put_file("br", (char *)data, SIZE);
    ck_assert_int_eq(apr_file_open(&f, path("br"), APR_FOPEN_READ |
                                   APR_FOPEN_BUFFERED, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 4096);
    /* Pieces of varied sizes, some bigger than the buffer: a buffered
     * read fills the whole request unless the file ends. */
    while (pos < SIZE) {
        apr_size_t want = (step * 997) % 9000 + 1, n = want;
        apr_status_t rv = apr_file_read(f, got + pos, &n);
        ck_assert_int_eq(rv, APR_SUCCESS);
        ck_assert_uint_eq(n, want < SIZE - pos ? want : SIZE - pos);
        pos += n;
        step++;
    }
    ck_assert_int_eq(memcmp(data, got, SIZE), 0);
    {
        apr_size_t n = 10;
        ck_assert_int_eq(apr_file_read(f, got, &n), APR_EOF);
        ck_assert_uint_eq(n, 0);
    }
}
END_TEST

START_TEST(buffered_mixture_matches_unbuffered)
{
    enum { SIZE = 30000 };
    unsigned char *data = apr_palloc(p, SIZE);
    unsigned char *model = apr_palloc(p, SIZE);
    unsigned char chunk[5000], got[5000];
    apr_file_t *f;
    apr_size_t len, i;
    apr_off_t off;
    char *result;

    /* The same random writes, reads and seeks on a buffered file and on
     * an in-memory model must leave the same bytes. */
    fill_pattern(data, SIZE, 3);
    memcpy(model, data, SIZE);
    put_file("mix", (char *)data, SIZE);
    ck_assert_int_eq(apr_file_open(&f, path("mix"), APR_FOPEN_READ |
                                   APR_FOPEN_WRITE | APR_FOPEN_BUFFERED,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    for (i = 0; i < 400; i++) {
        unsigned r = (unsigned)(i * 2654435761u);
        apr_size_t n = (r >> 8) % 5000 + 1;
        apr_off_t at = (apr_off_t)((r >> 3) % (SIZE - n));
        off = at;
        switch (r % 4) {
        case 0: /* absolute seek, then write */
            ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
            ck_assert_int_eq(off, at);
            fill_pattern(chunk, n, (unsigned)i);
            ck_assert_int_eq(apr_file_write_full(f, chunk, n, NULL),
                             APR_SUCCESS);
            memcpy(model + at, chunk, n);
            break;
        case 1: /* absolute seek, then read */
            ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
            ck_assert_int_eq(apr_file_read_full(f, got, n, NULL),
                             APR_SUCCESS);
            ck_assert_int_eq(memcmp(got, model + at, n), 0);
            break;
        case 2: { /* relative seek back, then read */
            apr_off_t cur = 0, back;
            ck_assert_int_eq(apr_file_seek(f, APR_CUR, &cur), APR_SUCCESS);
            back = -(cur < 100 ? cur : 100);
            off = back;
            ck_assert_int_eq(apr_file_seek(f, APR_CUR, &off), APR_SUCCESS);
            ck_assert_int_eq(off, cur + back);
            n = (apr_size_t)(SIZE - off) < n ? (apr_size_t)(SIZE - off) : n;
            ck_assert_int_eq(apr_file_read_full(f, got, n, NULL),
                             APR_SUCCESS);
            ck_assert_int_eq(memcmp(got, model + off, n), 0);
            break;
        }
        default: { /* read, then write right after what was read */
            apr_size_t half = n / 2 + 1;
            ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
            ck_assert_int_eq(apr_file_read_full(f, got, half, NULL),
                             APR_SUCCESS);
            ck_assert_int_eq(memcmp(got, model + at, half), 0);
            fill_pattern(chunk, half, (unsigned)i + 1000);
            ck_assert_int_eq(apr_file_write_full(f, chunk, half, NULL),
                             APR_SUCCESS);
            memcpy(model + at + half, chunk, half);
            break;
        }
        }
    }
    off = 0;
    ck_assert_int_eq(apr_file_seek(f, APR_END, &off), APR_SUCCESS);
    ck_assert_int_eq(off, SIZE);
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    result = get_file("mix", &len);
    ck_assert_uint_eq(len, SIZE);
    ck_assert_int_eq(memcmp(result, model, SIZE), 0);
}
END_TEST

START_TEST(buffered_write_visible_after_flush)
{
    apr_file_t *f;
    apr_size_t len;
    apr_finfo_t fi;

    ck_assert_int_eq(apr_file_open(&f, path("bw"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE | APR_FOPEN_BUFFERED,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("abc", f), APR_SUCCESS);
    get_file("bw", &len);
    ck_assert_uint_eq(len, 0); /* still in the buffer */
    /* apr_file_info_get counts the buffered bytes (it flushes). */
    ck_assert_int_eq(apr_file_info_get(&fi, APR_FINFO_SIZE, f), APR_SUCCESS);
    ck_assert_int_eq(fi.size, 3);
    ck_assert_int_eq(apr_file_puts("def", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_flush(f), APR_SUCCESS);
    ck_assert_str_eq(get_file("bw", &len), "abcdef");
    ck_assert_int_eq(apr_file_puts("g", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_sync(f), APR_SUCCESS);
    ck_assert_str_eq(get_file("bw", &len), "abcdefg");
    ck_assert_int_eq(apr_file_puts("h", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_datasync(f), APR_SUCCESS);
    ck_assert_str_eq(get_file("bw", &len), "abcdefgh");
}
END_TEST

START_TEST(seek_positions)
{
    apr_file_t *f;
    apr_off_t off;
    char c;
    int i;

    put_file("s", "0123456789", 10);
    for (i = 0; i < 2; i++) {
        apr_int32_t extra = i ? APR_FOPEN_BUFFERED : 0;
        ck_assert_int_eq(apr_file_open(&f, path("s"), APR_FOPEN_READ | extra,
                                       APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        off = 3;
        ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
        ck_assert_int_eq(off, 3);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, '3');
        off = 2;
        ck_assert_int_eq(apr_file_seek(f, APR_CUR, &off), APR_SUCCESS);
        ck_assert_int_eq(off, 6);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, '6');
        off = -1;
        ck_assert_int_eq(apr_file_seek(f, APR_END, &off), APR_SUCCESS);
        ck_assert_int_eq(off, 9);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, '9');
        ck_assert_int_eq(apr_file_getc(&c, f), APR_EOF);
        ck_assert_int_eq(apr_file_eof(f), APR_EOF);
        /* Seeking clears the end-of-file state. */
        off = 0;
        ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
        ck_assert_int_eq(apr_file_eof(f), APR_SUCCESS);
        ck_assert_int_eq(apr_file_getc(&c, f), APR_SUCCESS);
        ck_assert_int_eq(c, '0');
        apr_file_close(f);
    }
}
END_TEST

START_TEST(trunc_moves_position)
{
    apr_file_t *f;
    apr_off_t off = 0;
    apr_size_t len;
    int i;

    for (i = 0; i < 2; i++) {
        apr_int32_t extra = i ? APR_FOPEN_BUFFERED : 0;
        put_file("t", "0123456789", 10);
        ck_assert_int_eq(apr_file_open(&f, path("t"), APR_FOPEN_READ |
                                       APR_FOPEN_WRITE | extra,
                                       APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_file_puts("abcdefgh", f), APR_SUCCESS);
        /* Pending bytes past the new end are dropped. */
        ck_assert_int_eq(apr_file_trunc(f, 4), APR_SUCCESS);
        off = 0;
        ck_assert_int_eq(apr_file_seek(f, APR_CUR, &off), APR_SUCCESS);
        ck_assert_int_eq(off, 4);
        ck_assert_int_eq(apr_file_puts("XY", f), APR_SUCCESS);
        apr_file_close(f);
        ck_assert_str_eq(get_file("t", &len), "abcdXY");
    }
}
END_TEST

START_TEST(writev_buffered_and_not)
{
    struct iovec vec[3];
    apr_file_t *f;
    apr_size_t n, len;
    int i;

    vec[0].iov_base = "ab";
    vec[0].iov_len = 2;
    vec[1].iov_base = "";
    vec[1].iov_len = 0;
    vec[2].iov_base = "cde";
    vec[2].iov_len = 3;
    for (i = 0; i < 2; i++) {
        apr_int32_t extra = i ? APR_FOPEN_BUFFERED : 0;
        ck_assert_int_eq(apr_file_open(&f, path("wv"), APR_FOPEN_WRITE |
                                       APR_FOPEN_CREATE | APR_FOPEN_TRUNCATE |
                                       extra, APR_FPROT_OS_DEFAULT, p),
                         APR_SUCCESS);
        /* Bytes written before the vector come before it. */
        ck_assert_int_eq(apr_file_puts("0", f), APR_SUCCESS);
        ck_assert_int_eq(apr_file_writev(f, vec, 3, &n), APR_SUCCESS);
        ck_assert_uint_eq(n, 5);
        ck_assert_int_eq(apr_file_writev_full(f, vec, 3, &n), APR_SUCCESS);
        ck_assert_uint_eq(n, 5);
        ck_assert_int_eq(apr_file_puts("9", f), APR_SUCCESS);
        apr_file_close(f);
        ck_assert_str_eq(get_file("wv", &len), "0abcdeabcde9");
    }
}
END_TEST

START_TEST(read_write_full)
{
    apr_file_t *f;
    char buf[32];
    apr_size_t n;

    ck_assert_int_eq(apr_file_open(&f, path("full"), APR_FOPEN_READ |
                                   APR_FOPEN_WRITE | APR_FOPEN_CREATE,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_write_full(f, "0123456789", 10, &n),
                     APR_SUCCESS);
    ck_assert_uint_eq(n, 10);
    n = 0;
    {
        apr_off_t off = 0;
        apr_file_seek(f, APR_SET, &off);
    }
    /* Asking for more than there is: what there was, and APR_EOF. */
    ck_assert_int_eq(apr_file_read_full(f, buf, sizeof(buf), &n), APR_EOF);
    ck_assert_uint_eq(n, 10);
    ck_assert_int_eq(memcmp(buf, "0123456789", 10), 0);
}
END_TEST

START_TEST(buffer_set_and_size)
{
    apr_file_t *f;
    char *mybuf = apr_palloc(p, 100);
    char buf[16];
    apr_size_t len;

    put_file("bs", "abcdefghij", 10);
    ck_assert_int_eq(apr_file_open(&f, path("bs"), APR_FOPEN_READ |
                                   APR_FOPEN_WRITE, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 0);
    ck_assert_int_eq(apr_file_buffer_set(f, mybuf, 100), APR_SUCCESS);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 100);
    ck_assert_int_eq(apr_file_gets(buf, 4, f), APR_SUCCESS);
    ck_assert_str_eq(buf, "abc");
    ck_assert_int_eq(apr_file_puts("XY", f), APR_SUCCESS);
    /* Switching buffering off writes out what is pending. */
    ck_assert_int_eq(apr_file_buffer_set(f, NULL, 0), APR_SUCCESS);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 0);
    ck_assert_str_eq(get_file("bs", &len), "abcXYfghij");
}
END_TEST

START_TEST(copy_and_append)
{
    struct stat st;
    apr_size_t len;

    put_file("src", "source", 6);
    ck_assert_int_eq(chmod(path("src"), 0640), 0);
    ck_assert_int_eq(apr_file_copy(path("src"), path("dst"),
                                   APR_FPROT_FILE_SOURCE_PERMS, p),
                     APR_SUCCESS);
    ck_assert_str_eq(get_file("dst", &len), "source");
    ck_assert_int_eq(stat(path("dst"), &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0640);

    /* Copy replaces; append adds. */
    put_file("dst", "something longer", 16);
    ck_assert_int_eq(apr_file_copy(path("src"), path("dst"),
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_str_eq(get_file("dst", &len), "source");
    ck_assert_int_eq(apr_file_append(path("src"), path("dst"),
                                     APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_str_eq(get_file("dst", &len), "sourcesource");
    ck_assert_int_eq(apr_file_append(path("src"), path("new"),
                                     APR_FPROT_UREAD | APR_FPROT_UWRITE, p),
                     APR_SUCCESS);
    ck_assert_str_eq(get_file("new", &len), "source");
    ck_assert_int_eq(stat(path("new"), &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    ck_assert(APR_STATUS_IS_ENOENT(apr_file_copy(path("nope"), path("x"),
                                                 APR_FPROT_OS_DEFAULT, p)));
}
END_TEST

START_TEST(inherit_set_unset)
{
    apr_file_t *f, *s;
    int fd;

    ck_assert_int_eq(apr_file_open(&f, path("inh"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    fd = fd_of(f);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    ck_assert_int_eq(apr_file_inherit_set(f), APR_SUCCESS);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
    ck_assert_int_eq(apr_file_inherit_set(f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_inherit_unset(f), APR_SUCCESS);
    ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    /* The flags reported are the ones it was opened with again. */
    ck_assert_int_eq(apr_file_flags_get(f), APR_FOPEN_WRITE | APR_FOPEN_CREATE);

    /* Files the pool does not own refuse. */
    ck_assert_int_eq(apr_file_open_stdin(&s, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_inherit_set(s), APR_EINVAL);
    ck_assert_int_eq(apr_file_inherit_unset(s), APR_EINVAL);
}
END_TEST

START_TEST(std_streams)
{
    apr_file_t *f;
    const char *name;
    int saved = dup(STDOUT_FILENO);
    int fds[2];
    char buf[16];
    ssize_t n;

    ck_assert_int_eq(apr_file_open_stdin(&f, p), APR_SUCCESS);
    ck_assert_int_eq(fd_of(f), 0);
    ck_assert_int_eq(apr_file_flags_get(f) & APR_FOPEN_READ, APR_FOPEN_READ);
    ck_assert_int_eq(apr_file_name_get(&name, f), APR_SUCCESS);
    ck_assert_ptr_null(name);
    ck_assert_int_eq(apr_file_open_stderr(&f, p), APR_SUCCESS);
    ck_assert_int_eq(fd_of(f), 2);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 0);

    /* A buffered stdout writes on flush; the pool does not close it. */
    ck_assert_int_eq(pipe(fds), 0);
    dup2(fds[1], STDOUT_FILENO);
    close(fds[1]);
    ck_assert_int_eq(apr_file_open_flags_stdout(&f, APR_FOPEN_BUFFERED, p),
                     APR_SUCCESS);
    ck_assert_int_eq(fd_of(f), 1);
    ck_assert_uint_eq(apr_file_buffer_size_get(f), 4096);
    ck_assert_int_eq(apr_file_flags_get(f) & (APR_FOPEN_WRITE |
                                              APR_FOPEN_BUFFERED),
                     APR_FOPEN_WRITE | APR_FOPEN_BUFFERED);
    ck_assert_int_eq(apr_file_puts("out", f), APR_SUCCESS);
    ck_assert_int_eq(apr_file_flush(f), APR_SUCCESS);
    n = read(fds[0], buf, sizeof(buf));
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(memcmp(buf, "out", 3), 0);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    close(fds[0]);
    ck_assert_int_eq(apr_file_open_flags_stdin(&f, APR_FOPEN_XTHREAD, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_flags_get(f) & (APR_FOPEN_READ |
                                              APR_FOPEN_XTHREAD),
                     APR_FOPEN_READ | APR_FOPEN_XTHREAD);
}
END_TEST

START_TEST(data_get_set)
{
    apr_file_t *f;
    void *data = NULL;
    static int value = 5;

    ck_assert_int_eq(apr_file_open(&f, path("d"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_data_get(&data, "k", f), APR_SUCCESS);
    ck_assert_ptr_null(data);
    ck_assert_int_eq(apr_file_data_set(f, &value, "k", NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_file_data_get(&data, "k", f), APR_SUCCESS);
    ck_assert_ptr_eq(data, &value);
}
END_TEST

START_TEST(info_get)
{
    apr_file_t *f;
    apr_finfo_t fi;
    struct stat st;

    put_file("i", "12345", 5);
    ck_assert_int_eq(apr_file_open(&f, path("i"), APR_FOPEN_READ,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(stat(path("i"), &st), 0);
    ck_assert_int_eq(apr_file_info_get(&fi, APR_FINFO_NORM, f), APR_SUCCESS);
    ck_assert_int_eq(fi.valid & APR_FINFO_NORM, APR_FINFO_NORM);
    ck_assert_int_eq(fi.size, 5);
    ck_assert_int_eq(fi.filetype, APR_REG);
    ck_assert_int_eq(fi.inode, st.st_ino);
    ck_assert_str_eq(fi.fname, path("i"));
    ck_assert_ptr_eq(fi.pool, p);
}
END_TEST

START_TEST(xthread_buffered)
{
    apr_file_t *f;
    apr_size_t len;
    char buf[16];

    ck_assert_int_eq(apr_file_open(&f, path("x"), APR_FOPEN_READ |
                                   APR_FOPEN_WRITE | APR_FOPEN_CREATE |
                                   APR_FOPEN_BUFFERED | APR_FOPEN_XTHREAD,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("a\nb\n", f), APR_SUCCESS);
    {
        apr_off_t off = 0;
        ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
    }
    ck_assert_int_eq(apr_file_gets(buf, sizeof(buf), f), APR_SUCCESS);
    ck_assert_str_eq(buf, "a\n");
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);
    ck_assert_str_eq(get_file("x", &len), "a\nb\n");
}
END_TEST

/* Threads come from pthreads here: apr_thread_create arrives with the
 * threads issue. */
struct writer_arg {
    apr_file_t *f;
    int id;
};

static void *writer(void *arg)
{
    struct writer_arg *w = arg;
    char line[64];
    int i;

    for (i = 0; i < 3000; i++) {
        snprintf(line, sizeof(line), "thread-%d-line-%05d\n", w->id, i);
        if (apr_file_puts(line, w->f) != APR_SUCCESS)
            return "fail";
    }
    return NULL;
}

START_TEST(xthread_writes_do_not_interleave)
{
    apr_file_t *f;
    pthread_t t[3];
    struct writer_arg args[3];
    int i, next[3] = { 0, 0, 0 };
    char line[64];

    ck_assert_int_eq(apr_file_open(&f, path("xt"), APR_FOPEN_WRITE |
                                   APR_FOPEN_CREATE | APR_FOPEN_BUFFERED |
                                   APR_FOPEN_XTHREAD,
                                   APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    for (i = 0; i < 3; i++) {
        args[i].f = f;
        args[i].id = i;
        ck_assert_int_eq(pthread_create(&t[i], NULL, writer, &args[i]), 0);
    }
    for (i = 0; i < 3; i++) {
        void *res;
        ck_assert_int_eq(pthread_join(t[i], &res), 0);
        ck_assert_ptr_null(res);
    }
    ck_assert_int_eq(apr_file_close(f), APR_SUCCESS);

    /* Every line whole, each thread's in order. */
    ck_assert_int_eq(apr_file_open(&f, path("xt"), APR_FOPEN_READ |
                                   APR_FOPEN_BUFFERED, APR_FPROT_OS_DEFAULT, p),
                     APR_SUCCESS);
    while (apr_file_gets(line, sizeof(line), f) == APR_SUCCESS) {
        int id, n;
        char expect[64];
        ck_assert_int_eq(sscanf(line, "thread-%d-line-%d", &id, &n), 2);
        ck_assert(id >= 0 && id < 3);
        snprintf(expect, sizeof(expect), "thread-%d-line-%05d\n", id,
                 next[id]);
        ck_assert_str_eq(line, expect);
        next[id]++;
    }
    for (i = 0; i < 3; i++)
        ck_assert_int_eq(next[i], 3000);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("file");
    TCase *tc = apr_test_tcase("file");

    tcase_add_checked_fixture(tc, dir_setup, dir_teardown);
    tcase_add_test(tc, open_needs_read_or_write);
    tcase_add_test(tc, open_missing_and_excl);
    tcase_add_test(tc, open_perms_and_cloexec);
    tcase_add_test(tc, read_write_eof);
    tcase_add_test(tc, append_and_truncate);
    tcase_add_test(tc, remove_rename_link);
    tcase_add_test(tc, pool_cleanup_closes);
    tcase_add_test(tc, deloncclose);
    tcase_add_test(tc, getc_ungetc_putc);
    tcase_add_test(tc, gets_semantics);
    tcase_add_test(tc, gets_after_ungetc);
    tcase_add_test(tc, puts_and_printf);
    tcase_add_test(tc, buffered_reads_match_content);
    tcase_add_test(tc, buffered_mixture_matches_unbuffered);
    tcase_add_test(tc, buffered_write_visible_after_flush);
    tcase_add_test(tc, seek_positions);
    tcase_add_test(tc, trunc_moves_position);
    tcase_add_test(tc, writev_buffered_and_not);
    tcase_add_test(tc, read_write_full);
    tcase_add_test(tc, buffer_set_and_size);
    tcase_add_test(tc, copy_and_append);
    tcase_add_test(tc, inherit_set_unset);
    tcase_add_test(tc, std_streams);
    tcase_add_test(tc, data_get_set);
    tcase_add_test(tc, info_get);
    tcase_add_test(tc, xthread_buffered);
    tcase_add_test(tc, xthread_writes_do_not_interleave);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
