/* Micro-benchmarks of the runtime: pools, tables, hashes, string formatting,
 * buffered file reads, vectored socket writes, pollsets, the concurrency
 * primitives (mutexes, atomics, threads, process mutexes), and APR-util's
 * brigades, digests, URI and date parsers.
 *
 * One program, built twice from this file: bench_apr_ours (our libapr-1
 * and libaprutil-1) and bench_apr_ref (Debian's, pkg-config apr-1 and
 * apr-util-1). It uses only the public APR and APR-util API, so the two
 * builds run exactly the same code on their side of the call.  run.py runs them alternately and prints the ratios.
 *
 *   bench_apr [-n ITERS | -s SCALE] [-w WARMUP] [--list] [--version] [CASE...]
 *
 * Each case is a loop of a fixed number of iterations (scaled by -s, or set
 * with -n). Its set-up runs first, then a short warm-up, then the timed loop.
 * The timed loop is called through bench_timed(), the one function that
 * `valgrind --tool=callgrind --toggle-collect='bench_timed*'` counts, so the
 * instruction counts exclude start-up, set-up and warm-up.
 *
 * Output, one line per case:  CASE ITERATIONS NS_PER_ITER CHECK
 * where CHECK sums what the timed loop computed (lengths, counts, first
 * bytes): the two builds must print the same, or one library is wrong.
 */
#include <apr_atomic.h>
#include <apr_file_io.h>
#include <apr_general.h>
#include <apr_hash.h>
#include <apr_network_io.h>
#include <apr_poll.h>
#include <apr_pools.h>
#include <apr_proc_mutex.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include <apr_thread_mutex.h>
#include <apr_thread_proc.h>
#include <apr_version.h>

#include <apr_buckets.h>
#include <apr_date.h>
#include <apr_md5.h>
#include <apr_sha1.h>
#include <apr_uri.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define HASH_KEYS 1000
#define NHEADERS 20

/* Where results go so that the compiler cannot drop the work. */
static volatile size_t sink;

/* The long-lived pool, as a server's process pool. */
static apr_pool_t *root;

/* ------------------------------------------------------------------------
 * Data
 */

/* A browser's request headers. */
static const char *const header_names[NHEADERS] = {
    "Host", "User-Agent", "Accept", "Accept-Language", "Accept-Encoding",
    "Connection", "Cookie", "Referer", "Cache-Control",
    "Upgrade-Insecure-Requests", "If-Modified-Since", "If-None-Match",
    "Pragma", "DNT", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site",
    "Sec-Fetch-User", "X-Forwarded-For", "Authorization",
};
static const char *const header_values[NHEADERS] = {
    "www.example.com",
    "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "en-US,en;q=0.5", "gzip, deflate, br", "keep-alive",
    "session=4f2a9c1e8b7d6a5f; theme=dark; lang=en", "https://www.example.com/",
    "max-age=0", "1", "Sat, 29 Oct 2022 19:43:31 GMT",
    "\"5e15153d-120f\"", "no-cache", "1", "document", "navigate", "none",
    "?1", "192.0.2.17", "Basic dXNlcjpwYXNzd29yZA==",
};
/* The same names as a module would spell them when looking them up. */
static const char *const header_lookups[NHEADERS] = {
    "host", "user-agent", "Accept", "accept-language", "Accept-Encoding",
    "connection", "Cookie", "referer", "Cache-Control",
    "upgrade-insecure-requests", "If-Modified-Since", "if-none-match",
    "Pragma", "dnt", "Sec-Fetch-Dest", "sec-fetch-mode", "Sec-Fetch-Site",
    "sec-fetch-user", "X-Forwarded-For", "authorization",
};
/* Names a request usually lacks (lookups that miss). */
static const char *const header_misses[] = {
    "Content-Length", "Content-Type", "Transfer-Encoding", "Range",
    "Expect",
};
#define NMISSES (sizeof(header_misses) / sizeof(header_misses[0]))

/* The sizes of a request's allocations: small structs and strings. */
static const apr_size_t alloc_sizes[20] = {
    16, 24, 32, 48, 64, 100, 128, 200, 256, 512,
    40, 80, 16, 300, 64, 128, 24, 480, 96, 32,
};

static char *hash_keys[HASH_KEYS];    /* the keys stored */
static char *hash_lookups[HASH_KEYS]; /* equal copies, used to look up */
static apr_hash_t *hash_full;         /* HASH_KEYS entries */
static apr_table_t *table_full;       /* the NHEADERS request headers */
static apr_table_t *table_base;       /* first half of the headers */
static apr_table_t *table_over;       /* second half, and 5 of the first */
static apr_pool_t *scratch;           /* cleared by the cases that need it */

/* ------------------------------------------------------------------------
 * Cases: each runs its work `n` times.
 */

/* A request's pool: created under the connection's, filled with the
 * request's small allocations, cleared once (as a sub-request would),
 * then destroyed. */
static void case_pool_cycle(long n)
{
    for (long i = 0; i < n; i++) {
        apr_pool_t *p;
        size_t acc = 0;
        apr_pool_create(&p, root);
        for (int j = 0; j < 20; j++) {
            char *m = (j % 4 == 0) ? apr_pcalloc(p, alloc_sizes[j])
                                   : apr_palloc(p, alloc_sizes[j]);
            m[0] = (char)j;
            acc += (size_t)m[0];
        }
        acc += strlen(apr_pstrdup(p, header_values[1]));
        acc += strlen(apr_pstrdup(p, "/index.html"));
        acc += strlen(apr_pstrdup(p, header_values[0]));
        acc += strlen(apr_psprintf(p, "%s:%d", "www.example.com", 8080));
        acc += strlen(apr_psprintf(p, "GET %s HTTP/1.%d", "/index.html", 1));
        apr_pool_clear(p);
        for (int j = 0; j < 5; j++)
            acc += (size_t)apr_palloc(p, alloc_sizes[j * 3]) & 1;
        apr_pool_destroy(p);
        sink += acc;
    }
}

/* A connection's pool reused across requests: allocate, clear. */
static void case_pool_clear(long n)
{
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        for (int j = 0; j < 20; j++) {
            char *m = apr_palloc(scratch, alloc_sizes[j]);
            m[0] = (char)j;
            acc += (size_t)m[0];
        }
        apr_pool_clear(scratch);
        sink += acc;
    }
}

/* An empty subpool created and destroyed. */
static void case_pool_create(long n)
{
    for (long i = 0; i < n; i++) {
        apr_pool_t *p;
        apr_pool_create(&p, root);
        apr_pool_destroy(p);
        sink += (size_t)(p != NULL);
    }
}

/* Bigger blocks, as buffers and file reads take: 4 KiB .. 64 KiB in a
 * subpool, so the allocator's free lists of large blocks are used. */
static void case_pool_large(long n)
{
    static const apr_size_t sizes[] = {4096, 8192, 16384, 65536, 12000, 3000};
    for (long i = 0; i < n; i++) {
        apr_pool_t *p;
        size_t acc = 0;
        apr_pool_create(&p, root);
        for (size_t j = 0; j < sizeof(sizes) / sizeof(sizes[0]); j++) {
            char *m = apr_palloc(p, sizes[j]);
            m[sizes[j] - 1] = 1;
            acc += (size_t)m[sizes[j] - 1];
        }
        apr_pool_destroy(p);
        sink += acc;
    }
}

/* Reading a request's headers: make the table, add the 20 headers
 * (copying them), as the request's pool would. */
static void case_table_add(long n)
{
    for (long i = 0; i < n; i++) {
        apr_table_t *t = apr_table_make(scratch, 25);
        for (int j = 0; j < NHEADERS; j++)
            apr_table_add(t, header_names[j], header_values[j]);
        sink += (size_t)apr_table_elts(t)->nelts;
        apr_pool_clear(scratch);
    }
}

/* apr_table_set: 20 new keys (no copy), then the 20 again (replacing). */
static void case_table_set(long n)
{
    for (long i = 0; i < n; i++) {
        apr_table_t *t = apr_table_make(scratch, 25);
        for (int j = 0; j < NHEADERS; j++)
            apr_table_setn(t, header_names[j], header_values[j]);
        for (int j = 0; j < NHEADERS; j++)
            apr_table_set(t, header_lookups[j], header_values[NHEADERS - 1 - j]);
        sink += (size_t)apr_table_elts(t)->nelts;
        apr_pool_clear(scratch);
    }
}

/* Looking up each of the 20 headers (other case) and 5 absent ones. */
static void case_table_get(long n)
{
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        for (int j = 0; j < NHEADERS; j++)
            acc += (size_t)apr_table_get(table_full, header_lookups[j])[0];
        for (size_t j = 0; j < NMISSES; j++)
            acc += (apr_table_get(table_full, header_misses[j]) == NULL);
        sink += acc;
    }
}

/* Merging two header sets into a new table. */
static void case_table_overlay(long n)
{
    for (long i = 0; i < n; i++) {
        apr_table_t *t = apr_table_overlay(scratch, table_over, table_base);
        sink += (size_t)apr_table_elts(t)->nelts;
        apr_pool_clear(scratch);
    }
}

/* Copy then overlap (the later value replaces), as config merges do. */
static void case_table_overlap(long n)
{
    for (long i = 0; i < n; i++) {
        apr_table_t *t = apr_table_copy(scratch, table_base);
        apr_table_overlap(t, table_over, APR_OVERLAP_TABLES_SET);
        sink += (size_t)apr_table_elts(t)->nelts;
        apr_pool_clear(scratch);
    }
}

static int count_entry(void *rec, const char *key, const char *value)
{
    size_t *acc = rec;
    *acc += (size_t)key[0] + (size_t)value[0];
    return 1;
}

/* Walking the headers with apr_table_do. */
static void case_table_do(long n)
{
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        apr_table_do(count_entry, &acc, table_full, NULL);
        sink += acc;
    }
}

/* A new hash filled with 1,000 string keys. */
static void case_hash_set(long n)
{
    for (long i = 0; i < n; i++) {
        apr_hash_t *h = apr_hash_make(scratch);
        for (int j = 0; j < HASH_KEYS; j++)
            apr_hash_set(h, hash_keys[j], APR_HASH_KEY_STRING, hash_keys[j]);
        sink += apr_hash_count(h);
        apr_pool_clear(scratch);
    }
}

/* 1,000 lookups that hit, with keys equal to (not the same as) the
 * stored ones. */
static void case_hash_get(long n)
{
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        for (int j = 0; j < HASH_KEYS; j++) {
            const char *v =
                apr_hash_get(hash_full, hash_lookups[j], APR_HASH_KEY_STRING);
            acc += (size_t)v[0];
        }
        sink += acc;
    }
}

/* Iterating over the 1,000 entries. */
static void case_hash_iter(long n)
{
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        for (apr_hash_index_t *hi = apr_hash_first(NULL, hash_full); hi;
             hi = apr_hash_next(hi)) {
            const void *k;
            apr_ssize_t klen;
            void *v;
            apr_hash_this(hi, &k, &klen, &v);
            acc += (size_t)klen;
        }
        sink += acc;
    }
}

/* Formatting into a pool: strings, ints, offsets, a pointer-sized value. */
static void case_psprintf(long n)
{
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        apr_off_t off = (apr_off_t)i * 4099 + 1234567890123LL;
        acc += strlen(apr_psprintf(scratch, "%s %d %" APR_OFF_T_FMT,
                                   "bytes", (int)i, off));
        acc += strlen(apr_psprintf(scratch, "%s/%s?%s", "/cgi-bin",
                                   "script.pl", "a=1&b=2"));
        acc += strlen(apr_psprintf(scratch, "bytes %" APR_OFF_T_FMT "-%"
                                   APR_OFF_T_FMT "/%" APR_OFF_T_FMT,
                                   off / 2, off - 1, off));
        acc += strlen(apr_psprintf(scratch, "%s:%d (%ld) %-10s|%5.2f",
                                   "host", 443, (long)i, "left", 3.25));
        apr_pool_clear(scratch);
        sink += acc;
    }
}

/* Formatting into a caller's buffer (no pool). */
static void case_snprintf(long n)
{
    char buf[256];
    for (long i = 0; i < n; i++) {
        apr_off_t off = (apr_off_t)i * 4099 + 1234567890123LL;
        sink += (size_t)apr_snprintf(buf, sizeof(buf),
                                     "%s %d %" APR_OFF_T_FMT " %pp %x",
                                     "bytes", (int)i, off, (void *)buf,
                                     (unsigned)i);
    }
}

/* Concatenating a URL from 6 pieces. */
static void case_pstrcat(long n)
{
    for (long i = 0; i < n; i++) {
        char *s = apr_pstrcat(scratch, "https://", header_values[0], ":443",
                              "/cgi-bin/", "script.pl", "?a=1&b=2", NULL);
        sink += strlen(s);
        apr_pool_clear(scratch);
    }
}

/* ------------------------------------------------------------------------
 * I/O cases. Their set-up (a file, connected sockets, a pollset) is costly
 * and only they need it, so each has a set-up function that run_case()
 * calls before the warm-up; the descriptors stay open until exit.
 */

#define FILE_BYTES (1024 * 1024)
#define LINE_LEN 80            /* 79 characters and '\n' */
#define READ_PIECE 100
#define SENDV_HEAD 240         /* a response header */
#define SENDV_BODY 1460        /* a small body */
#define POLL_CONNS 500         /* 1,000 sockets in the pollset */
#define POLL_READY 4           /* of which this many are readable */

static apr_file_t *read_file;  /* ~1 MB of 80-byte lines, buffered */
static apr_socket_t *tcp_out, *tcp_in; /* a connected loopback pair */
static apr_pollset_t *pollset;

static void fail(const char *what, apr_status_t rv)
{
    char buf[120];
    fprintf(stderr, "bench_apr: %s: %s\n", what,
            apr_strerror(rv, buf, sizeof(buf)));
    exit(1);
}

static void rewind_file(void)
{
    apr_off_t off = 0;
    apr_file_seek(read_file, APR_SET, &off);
}

/* A file of lines on /tmp (tmpfs on many systems, the page cache
 * otherwise: either way no disk is read after the first pass), opened
 * buffered, as a configuration or log reader would. */
static void setup_file(void)
{
    char name[] = "/tmp/bench_apr.XXXXXX";
    apr_file_t *w;
    apr_status_t rv;
    char line[LINE_LEN];

    if (read_file != NULL) { /* file_read and file_gets share it */
        rewind_file();
        return;
    }
    rv = apr_file_mktemp(&w, name, APR_FOPEN_CREATE | APR_FOPEN_READ |
                         APR_FOPEN_WRITE | APR_FOPEN_EXCL, root);
    if (rv != APR_SUCCESS)
        fail("apr_file_mktemp", rv);
    for (int i = 0; i < FILE_BYTES / LINE_LEN; i++) {
        for (int j = 0; j < LINE_LEN - 1; j++)
            line[j] = (char)('a' + (i + j) % 26);
        line[LINE_LEN - 1] = '\n';
        if ((rv = apr_file_write_full(w, line, LINE_LEN, NULL)) != APR_SUCCESS)
            fail("apr_file_write_full", rv);
    }
    apr_file_close(w);
    rv = apr_file_open(&read_file, name, APR_FOPEN_READ | APR_FOPEN_BUFFERED,
                       APR_FPROT_OS_DEFAULT, root);
    if (rv != APR_SUCCESS)
        fail("apr_file_open", rv);
    unlink(name);
}

/* apr_file_read of 100-byte pieces, from the start again at the end. */
static void case_file_read(long n)
{
    char buf[READ_PIECE];
    for (long i = 0; i < n; i++) {
        apr_size_t len = sizeof(buf);
        if (apr_file_read(read_file, buf, &len) != APR_SUCCESS) {
            rewind_file();
            continue;
        }
        sink += len + (size_t)buf[0];
    }
}

/* apr_file_gets of one line, from the start again at the end. */
static void case_file_gets(long n)
{
    char buf[256];
    for (long i = 0; i < n; i++) {
        if (apr_file_gets(buf, sizeof(buf), read_file) != APR_SUCCESS) {
            rewind_file();
            continue;
        }
        sink += strlen(buf) + (size_t)buf[0];
    }
}

/* A connected TCP pair on 127.0.0.1: *out connects, *in is accepted. */
static void tcp_pair(apr_socket_t **out, apr_socket_t **in,
                     apr_socket_t *listener, apr_sockaddr_t *where)
{
    apr_status_t rv;

    rv = apr_socket_create(out, APR_INET, SOCK_STREAM, APR_PROTO_TCP, root);
    if (rv != APR_SUCCESS)
        fail("apr_socket_create", rv);
    if ((rv = apr_socket_connect(*out, where)) != APR_SUCCESS)
        fail("apr_socket_connect", rv);
    if ((rv = apr_socket_accept(in, listener, root)) != APR_SUCCESS)
        fail("apr_socket_accept", rv);
}

/* A listening socket on 127.0.0.1, port chosen by the kernel. */
static apr_socket_t *make_listener(apr_sockaddr_t **where)
{
    apr_socket_t *l;
    apr_sockaddr_t *sa;
    apr_status_t rv;

    rv = apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0, root);
    if (rv != APR_SUCCESS)
        fail("apr_sockaddr_info_get", rv);
    rv = apr_socket_create(&l, APR_INET, SOCK_STREAM, APR_PROTO_TCP, root);
    if (rv != APR_SUCCESS)
        fail("apr_socket_create", rv);
    apr_socket_opt_set(l, APR_SO_REUSEADDR, 1);
    if ((rv = apr_socket_bind(l, sa)) != APR_SUCCESS)
        fail("apr_socket_bind", rv);
    if ((rv = apr_socket_listen(l, 1024)) != APR_SUCCESS)
        fail("apr_socket_listen", rv);
    if ((rv = apr_socket_addr_get(where, APR_LOCAL, l)) != APR_SUCCESS)
        fail("apr_socket_addr_get", rv);
    return l;
}

static void setup_sendv(void)
{
    apr_sockaddr_t *where;
    apr_socket_t *l = make_listener(&where);

    tcp_pair(&tcp_out, &tcp_in, l, where);
    apr_socket_close(l);
    /* Both ends non-blocking: the writer drains the reader itself when
     * the kernel's buffers are full, in this one thread. */
    apr_socket_timeout_set(tcp_out, 0);
    apr_socket_timeout_set(tcp_in, 0);
    apr_socket_opt_set(tcp_out, APR_TCP_NODELAY, 1);
}

static size_t drain(void)
{
    static char buf[65536];
    size_t total = 0;
    for (;;) {
        apr_size_t len = sizeof(buf);
        if (apr_socket_recv(tcp_in, buf, &len) != APR_SUCCESS || len == 0)
            return total;
        total += len;
    }
}

/* A response as a server writes it: header, body and a 2-byte trailer in
 * one apr_socket_sendv; a short write is finished after draining. */
static void case_socket_sendv(long n)
{
    static char head[SENDV_HEAD], body[SENDV_BODY], crlf[] = "\r\n";
    struct iovec vec[3];

    memset(head, 'h', sizeof(head));
    memset(body, 'b', sizeof(body));
    for (long i = 0; i < n; i++) {
        apr_size_t left = SENDV_HEAD + SENDV_BODY + 2;
        int first = 0;
        vec[0].iov_base = head;
        vec[0].iov_len = SENDV_HEAD;
        vec[1].iov_base = body;
        vec[1].iov_len = SENDV_BODY;
        vec[2].iov_base = crlf;
        vec[2].iov_len = 2;
        while (left > 0) {
            apr_size_t len = 0;
            apr_status_t rv = apr_socket_sendv(tcp_out, vec + first,
                                               3 - first, &len);
            if (rv != APR_SUCCESS && !APR_STATUS_IS_EAGAIN(rv))
                fail("apr_socket_sendv", rv);
            left -= len;
            /* Skip what went out. */
            while (len > 0 && len >= vec[first].iov_len)
                len -= vec[first++].iov_len;
            if (left > 0) {
                vec[first].iov_base = (char *)vec[first].iov_base + len;
                vec[first].iov_len -= len;
                drain();
            }
        }
        sink += SENDV_HEAD + SENDV_BODY + 2;
    }
}

/* 500 loopback connections, both ends of each in one pollset waiting for
 * input; a byte sits unread on POLL_READY of them. */
static void setup_pollset(void)
{
    apr_sockaddr_t *where;
    apr_socket_t *l = make_listener(&where);
    apr_status_t rv;

    rv = apr_pollset_create(&pollset, 2 * POLL_CONNS, root, 0);
    if (rv != APR_SUCCESS)
        fail("apr_pollset_create", rv);
    for (int i = 0; i < POLL_CONNS; i++) {
        apr_socket_t *s[2];
        tcp_pair(&s[0], &s[1], l, where);
        for (int j = 0; j < 2; j++) {
            apr_pollfd_t pfd;
            memset(&pfd, 0, sizeof(pfd));
            pfd.p = root;
            pfd.desc_type = APR_POLL_SOCKET;
            pfd.reqevents = APR_POLLIN;
            pfd.desc.s = s[j];
            pfd.client_data = s[j];
            if ((rv = apr_pollset_add(pollset, &pfd)) != APR_SUCCESS)
                fail("apr_pollset_add", rv);
        }
        if (i % (POLL_CONNS / POLL_READY) == 0) {
            apr_size_t len = 1;
            apr_socket_send(s[0], "x", &len);
        }
    }
    apr_socket_close(l);
    /* Wait until the bytes have arrived, so every poll sees them. */
    for (int tries = 0; tries < 1000; tries++) {
        apr_int32_t num = 0;
        const apr_pollfd_t *descs;
        apr_pollset_poll(pollset, 1000, &num, &descs);
        if (num >= POLL_READY)
            break;
    }
}

/* One apr_pollset_poll that does not wait: 1,000 sockets, 4 ready. */
static void case_pollset_poll(long n)
{
    for (long i = 0; i < n; i++) {
        apr_int32_t num = 0;
        const apr_pollfd_t *descs;
        apr_status_t rv = apr_pollset_poll(pollset, 0, &num, &descs);
        if (rv == APR_SUCCESS)
            sink += (size_t)num + (size_t)(descs[0].rtnevents & APR_POLLIN);
    }
}

/* ------------------------------------------------------------------------
 * Concurrency cases: thread mutexes, atomics, threads, process mutexes.
 * Their objects are made by each case's set-up, once, from the root pool.
 */

static apr_thread_mutex_t *tmutex;
static volatile apr_uint32_t counter32;
static long shared_count; /* guarded by tmutex */

static void setup_thread_mutex(void)
{
    apr_status_t rv;

    if (tmutex != NULL)
        return;
    rv = apr_thread_mutex_create(&tmutex, APR_THREAD_MUTEX_DEFAULT, root);
    if (rv != APR_SUCCESS)
        fail("apr_thread_mutex_create", rv);
}

/* An uncontended lock and unlock, as a pool or a file with XTHREAD
 * takes them. */
static void case_thread_mutex(long n)
{
    for (long i = 0; i < n; i++) {
        apr_thread_mutex_lock(tmutex);
        shared_count++;
        apr_thread_mutex_unlock(tmutex);
    }
    sink += (size_t)(shared_count > 0);
}

struct contend_arg {
    long n;
};

static void *APR_THREAD_FUNC contend_thread(apr_thread_t *thd, void *data)
{
    struct contend_arg *a = data;

    for (long i = 0; i < a->n; i++) {
        apr_thread_mutex_lock(tmutex);
        shared_count++;
        apr_thread_mutex_unlock(tmutex);
    }
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}

/* Two threads each doing n lock/increment/unlock on one mutex: one
 * iteration is a critical section in each thread. The count at the end
 * must be exactly 2n. */
static void case_thread_mutex_contended(long n)
{
    struct contend_arg a = {n};
    apr_thread_t *t[2];
    apr_status_t rv, trv;
    long before;

    apr_thread_mutex_lock(tmutex);
    before = shared_count;
    apr_thread_mutex_unlock(tmutex);
    for (int j = 0; j < 2; j++) {
        rv = apr_thread_create(&t[j], NULL, contend_thread, &a, scratch);
        if (rv != APR_SUCCESS)
            fail("apr_thread_create", rv);
    }
    for (int j = 0; j < 2; j++)
        apr_thread_join(&trv, t[j]);
    sink += (size_t)(shared_count - before == 2 * n);
    apr_pool_clear(scratch);
}

static void setup_atomic(void)
{
    apr_atomic_init(root);
    apr_atomic_set32(&counter32, 0);
}

/* apr_atomic_inc32 on one word (a reference count, a scoreboard slot). */
static void case_atomic_inc32(long n)
{
    apr_uint32_t last = 0;
    for (long i = 0; i < n; i++)
        last = apr_atomic_inc32(&counter32);
    sink += (size_t)(last + 1 == apr_atomic_read32(&counter32));
}

/* An increment by compare-and-swap, as lock-free queues do (never fails
 * here: one thread). */
static void case_atomic_cas32(long n)
{
    size_t ok = 0;
    for (long i = 0; i < n; i++) {
        apr_uint32_t old = apr_atomic_read32(&counter32);
        ok += (apr_atomic_cas32(&counter32, old + 1, old) == old);
    }
    sink += ok;
}

static void *APR_THREAD_FUNC empty_thread(apr_thread_t *thd, void *data)
{
    apr_thread_exit(thd, (apr_status_t)(apr_uintptr_t)data);
    return NULL;
}

/* Start a thread that exits at once, and join it. */
static void case_thread_create(long n)
{
    for (long i = 0; i < n; i++) {
        apr_thread_t *t;
        apr_status_t rv, trv = 0;

        rv = apr_thread_create(&t, NULL, empty_thread, (void *)(apr_uintptr_t)7,
                               scratch);
        if (rv != APR_SUCCESS)
            fail("apr_thread_create", rv);
        apr_thread_join(&trv, t);
        sink += (size_t)trv;
        /* APR allocates each thread's handle from the pool given. */
        if (i % 256 == 255)
            apr_pool_clear(scratch);
    }
    apr_pool_clear(scratch);
}

/* One process mutex per mechanism, made by the case's set-up. */
static apr_proc_mutex_t *pmutex[APR_LOCK_DEFAULT_TIMED + 1];
static apr_lockmech_e pmutex_mech;

static void setup_proc_mutex(apr_lockmech_e mech)
{
    apr_status_t rv;

    pmutex_mech = mech;
    if (pmutex[mech] != NULL)
        return;
    rv = apr_proc_mutex_create(&pmutex[mech], NULL, mech, root);
    if (rv != APR_SUCCESS)
        fail("apr_proc_mutex_create", rv);
}

/* An uncontended lock and unlock of a process mutex (the accept mutex of
 * a prefork server, taken around every accept). */
static void case_proc_mutex(long n)
{
    apr_proc_mutex_t *m = pmutex[pmutex_mech];
    size_t ok = 0;

    for (long i = 0; i < n; i++) {
        ok += (apr_proc_mutex_lock(m) == APR_SUCCESS);
        apr_proc_mutex_unlock(m);
    }
    sink += ok;
}

#define PROC_MUTEX_SETUP(name, mech) \
    static void setup_pm_##name(void) { setup_proc_mutex(mech); }
PROC_MUTEX_SETUP(default, APR_LOCK_DEFAULT)
#if APR_HAS_FCNTL_SERIALIZE
PROC_MUTEX_SETUP(fcntl, APR_LOCK_FCNTL)
#endif
#if APR_HAS_FLOCK_SERIALIZE
PROC_MUTEX_SETUP(flock, APR_LOCK_FLOCK)
#endif
#if APR_HAS_SYSVSEM_SERIALIZE
PROC_MUTEX_SETUP(sysvsem, APR_LOCK_SYSVSEM)
#endif
#if APR_HAS_POSIXSEM_SERIALIZE
PROC_MUTEX_SETUP(posixsem, APR_LOCK_POSIXSEM)
#endif
#if APR_HAS_PROC_PTHREAD_SERIALIZE
PROC_MUTEX_SETUP(pthread, APR_LOCK_PROC_PTHREAD)
#endif

/* ------------------------------------------------------------------------
 * APR-util cases: buckets and brigades, digests, URIs, dates. Their data
 * and brigades are made by setup_apu(), once, from the root pool; each
 * iteration empties the brigades it filled (apr_brigade_cleanup), so the
 * bucket allocator's free lists are what the loop allocates from.
 */

#define APU_BODY 1460          /* a transient body piece */
#define APU_STATIC 8000        /* an immortal block (a cached file) */
#define APU_HEAP 512           /* copied into a heap bucket */
#define DIGEST_BYTES 65536     /* hashed per iteration */

static apr_bucket_alloc_t *balloc;
static apr_bucket_brigade *bb_a, *bb_b; /* emptied by every iteration */
static apr_bucket_brigade *bb_response; /* built once, for brigade_flatten */
static char apu_body[APU_BODY], apu_static[APU_STATIC], apu_heap[APU_HEAP];
static unsigned char *digest_data;

/* A request head as it arrives: 12 lines cut into 5 pieces at places
 * that fall inside lines (as TCP segments do). */
static const char request_head[] =
    "GET /cgi-bin/script.pl?a=1&b=2 HTTP/1.1\r\n"
    "Host: www.example.com\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 "
    "Firefox/115.0\r\n"
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;"
    "q=0.8\r\n"
    "Accept-Language: en-US,en;q=0.5\r\n"
    "Accept-Encoding: gzip, deflate, br\r\n"
    "Connection: keep-alive\r\n"
    "Cookie: session=4f2a9c1e8b7d6a5f; theme=dark; lang=en\r\n"
    "Referer: https://www.example.com/\r\n"
    "If-Modified-Since: Sat, 29 Oct 2022 19:43:31 GMT\r\n"
    "Cache-Control: max-age=0\r\n"
    "\r\n";
static const apr_size_t request_cuts[] = {17, 95, 211, 380,
                                          sizeof(request_head) - 1};
#define NCUTS (sizeof(request_cuts) / sizeof(request_cuts[0]))

/* A response: status line and headers written through the brigade's
 * buffer (apr_brigade_puts/apr_brigade_write copy into heap buckets),
 * then a transient body piece, a heap copy, an immortal block and EOS. */
static void build_response(apr_bucket_brigade *bb)
{
    apr_brigade_puts(bb, NULL, NULL, "HTTP/1.1 200 OK\r\n");
    for (int j = 0; j < 10; j++) {
        apr_brigade_puts(bb, NULL, NULL, header_names[j]);
        apr_brigade_write(bb, NULL, NULL, ": ", 2);
        apr_brigade_puts(bb, NULL, NULL, header_values[j]);
        apr_brigade_write(bb, NULL, NULL, "\r\n", 2);
    }
    apr_brigade_write(bb, NULL, NULL, "\r\n", 2);
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_transient_create(
                                    apu_body, APU_BODY, balloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_heap_create(
                                    apu_heap, APU_HEAP, NULL, balloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_immortal_create(
                                    apu_static, APU_STATIC, balloc));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(balloc));
}

static void setup_apu(void)
{
    if (balloc != NULL)
        return;
    balloc = apr_bucket_alloc_create(root);
    bb_a = apr_brigade_create(root, balloc);
    bb_b = apr_brigade_create(root, balloc);
    bb_response = apr_brigade_create(root, balloc);
    memset(apu_body, 'b', sizeof(apu_body));
    memset(apu_static, 's', sizeof(apu_static));
    memset(apu_heap, 'h', sizeof(apu_heap));
    build_response(bb_response);
    digest_data = apr_palloc(root, DIGEST_BYTES);
    for (int j = 0; j < DIGEST_BYTES; j++)
        digest_data[j] = (unsigned char)(j * 131 + (j >> 8));
}

/* Build the response brigade, take its length, empty it. */
static void case_brigade_build(long n)
{
    for (long i = 0; i < n; i++) {
        apr_off_t len = 0;
        build_response(bb_a);
        apr_brigade_length(bb_a, 1, &len);
        apr_brigade_cleanup(bb_a);
        sink += (size_t)len;
    }
}

/* apr_brigade_flatten of the (prebuilt) response into a buffer. */
static void case_brigade_flatten(long n)
{
    static char buf[16384];
    for (long i = 0; i < n; i++) {
        apr_size_t len = sizeof(buf);
        apr_brigade_flatten(bb_response, buf, &len);
        sink += len + (size_t)buf[len / 2];
    }
}

/* The request head in 5 immortal buckets; apr_brigade_split_line moves
 * one line at a time into a second brigade, which is flattened and
 * emptied, as a server's line reader does. */
static void case_brigade_split_line(long n)
{
    char line[256];
    for (long i = 0; i < n; i++) {
        size_t acc = 0;
        apr_size_t from = 0;
        for (size_t j = 0; j < NCUTS; j++) {
            APR_BRIGADE_INSERT_TAIL(bb_a, apr_bucket_immortal_create(
                request_head + from, request_cuts[j] - from, balloc));
            from = request_cuts[j];
        }
        while (!APR_BRIGADE_EMPTY(bb_a)) {
            apr_size_t len = sizeof(line);
            apr_brigade_split_line(bb_b, bb_a, APR_BLOCK_READ, 8192);
            apr_brigade_flatten(bb_b, line, &len);
            apr_brigade_cleanup(bb_b);
            acc += len + (size_t)line[0];
        }
        sink += acc;
    }
}

/* Byte ranges of a 9,700-byte body (transient, heap, immortal buckets):
 * apr_brigade_partition at three offsets, apr_brigade_split_ex at two of
 * them, the pieces counted and joined again. */
static void case_brigade_partition(long n)
{
    for (long i = 0; i < n; i++) {
        apr_bucket *e, *e2, *e3;
        size_t acc = 0;
        APR_BRIGADE_INSERT_TAIL(bb_a, apr_bucket_transient_create(
                                          apu_body, APU_BODY, balloc));
        APR_BRIGADE_INSERT_TAIL(bb_a, apr_bucket_immortal_create(
                                          apu_static, APU_STATIC, balloc));
        APR_BRIGADE_INSERT_TAIL(bb_a, apr_bucket_immortal_create(
                                          apu_heap, 240, balloc));
        apr_brigade_partition(bb_a, 1000, &e);
        apr_brigade_partition(bb_a, 5000, &e2);
        apr_brigade_partition(bb_a, 9500, &e3);
        apr_brigade_split_ex(bb_a, e2, bb_b);
        for (e = APR_BRIGADE_FIRST(bb_b); e != APR_BRIGADE_SENTINEL(bb_b);
             e = APR_BUCKET_NEXT(e))
            acc += e->length;
        for (e = APR_BRIGADE_FIRST(bb_a); e != APR_BRIGADE_SENTINEL(bb_a);
             e = APR_BUCKET_NEXT(e))
            acc += 1;
        APR_BRIGADE_CONCAT(bb_a, bb_b);
        apr_brigade_cleanup(bb_a);
        sink += acc;
    }
}

/* apr_md5 of 64 KiB. */
static void case_md5(long n)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    for (long i = 0; i < n; i++) {
        apr_md5(digest, digest_data, DIGEST_BYTES);
        sink += digest[0] + digest[15];
    }
}

/* apr_sha1_init/update/final of 64 KiB, given in one update. */
static void case_sha1(long n)
{
    unsigned char digest[APR_SHA1_DIGESTSIZE];
    for (long i = 0; i < n; i++) {
        apr_sha1_ctx_t ctx;
        apr_sha1_init(&ctx);
        apr_sha1_update(&ctx, (const char *)digest_data, DIGEST_BYTES);
        apr_sha1_final(digest, &ctx);
        sink += digest[0] + digest[19];
    }
}

static size_t uri_sum(const apr_uri_t *u)
{
    return (u->path ? strlen(u->path) : 0) +
           (u->query ? strlen(u->query) : 0) +
           (u->hostname ? strlen(u->hostname) : 0) +
           (u->user ? strlen(u->user) : 0) + (size_t)u->port;
}

/* apr_uri_parse of a request's target (path and query); the pool is
 * cleared every 16 parses. */
static void case_uri_parse_path(long n)
{
    for (long i = 0; i < n; i++) {
        apr_uri_t u;
        apr_uri_parse(scratch, "/cgi-bin/search.pl?q=apache+runtime&page=2"
                      "&lang=en", &u);
        sink += uri_sum(&u);
        if (i % 16 == 15)
            apr_pool_clear(scratch);
    }
    apr_pool_clear(scratch);
}

/* apr_uri_parse of an absolute URI with every part: scheme, user and
 * password, host, port, path, query, fragment. */
static void case_uri_parse_full(long n)
{
    for (long i = 0; i < n; i++) {
        apr_uri_t u;
        apr_uri_parse(scratch, "https://alice:s3cret@www.example.com:8443"
                      "/docs/manual/index.html?lang=en&v=2.4#section-3", &u);
        sink += uri_sum(&u);
        if (i % 16 == 15)
            apr_pool_clear(scratch);
    }
    apr_pool_clear(scratch);
}

/* apr_date_parse_http of each of the three formats HTTP allows. */
static void parse_dates(long n, const char *date)
{
    for (long i = 0; i < n; i++)
        sink += (size_t)(apr_date_parse_http(date) / APR_USEC_PER_SEC);
}

static void case_date_rfc1123(long n)
{
    parse_dates(n, "Sun, 06 Nov 1994 08:49:37 GMT");
}

static void case_date_rfc850(long n)
{
    parse_dates(n, "Sunday, 06-Nov-94 08:49:37 GMT");
}

static void case_date_asctime(long n)
{
    parse_dates(n, "Sun Nov  6 08:49:37 1994");
}

/* ------------------------------------------------------------------------
 * Set-up shared by the cases (built once, outside the measurements).
 */

static void setup(void)
{
    apr_pool_create(&scratch, root);

    hash_full = apr_hash_make(root);
    for (int j = 0; j < HASH_KEYS; j++) {
        /* Keys of mixed length, as paths and names are. */
        hash_keys[j] = apr_psprintf(root, "%s-%d%.*s",
                                    header_names[j % NHEADERS], j,
                                    j % 13, "/abcdefghijkl");
        hash_lookups[j] = apr_pstrdup(root, hash_keys[j]);
        apr_hash_set(hash_full, hash_keys[j], APR_HASH_KEY_STRING,
                     hash_keys[j]);
    }

    table_full = apr_table_make(root, 25);
    table_base = apr_table_make(root, 25);
    table_over = apr_table_make(root, 25);
    for (int j = 0; j < NHEADERS; j++) {
        apr_table_add(table_full, header_names[j], header_values[j]);
        if (j < NHEADERS / 2)
            apr_table_add(table_base, header_names[j], header_values[j]);
        else
            apr_table_add(table_over, header_names[j], header_values[j]);
    }
    for (int j = 0; j < 5; j++)
        apr_table_set(table_over, header_lookups[j * 2], "overridden");
}

/* ------------------------------------------------------------------------
 * Driver
 */

struct bench_case {
    const char *name;
    void (*fn)(long n);
    long iters; /* at scale 1: about 0.1 s on a 2020s x86-64 core */
    void (*setup)(void); /* the case's own set-up, or NULL */
};

static const struct bench_case cases[] = {
    {"pool_cycle", case_pool_cycle, 400000, NULL},
    {"pool_clear", case_pool_clear, 1500000, NULL},
    {"pool_create", case_pool_create, 2000000, NULL},
    {"pool_large", case_pool_large, 800000, NULL},
    {"table_add", case_table_add, 200000, NULL},
    {"table_set", case_table_set, 150000, NULL},
    {"table_get", case_table_get, 500000, NULL},
    {"table_overlay", case_table_overlay, 2000000, NULL},
    {"table_overlap", case_table_overlap, 150000, NULL},
    {"table_do", case_table_do, 2000000, NULL},
    {"hash_set", case_hash_set, 2000, NULL},
    {"hash_get", case_hash_get, 5000, NULL},
    {"hash_iter", case_hash_iter, 15000, NULL},
    {"psprintf", case_psprintf, 250000, NULL},
    {"snprintf", case_snprintf, 1000000, NULL},
    {"pstrcat", case_pstrcat, 2000000, NULL},
    {"file_read", case_file_read, 2000000, setup_file},
    {"file_gets", case_file_gets, 1000000, setup_file},
    {"socket_sendv", case_socket_sendv, 200000, setup_sendv},
    {"pollset_poll", case_pollset_poll, 500000, setup_pollset},
    {"thread_mutex", case_thread_mutex, 10000000, setup_thread_mutex},
    {"thread_mutex_contended", case_thread_mutex_contended, 1000000,
     setup_thread_mutex},
    {"atomic_inc32", case_atomic_inc32, 10000000, setup_atomic},
    {"atomic_cas32", case_atomic_cas32, 8000000, setup_atomic},
    {"thread_create", case_thread_create, 2000, NULL},
    {"proc_mutex_default", case_proc_mutex, 3000000, setup_pm_default},
#if APR_HAS_FCNTL_SERIALIZE
    {"proc_mutex_fcntl", case_proc_mutex, 200000, setup_pm_fcntl},
#endif
#if APR_HAS_FLOCK_SERIALIZE
    {"proc_mutex_flock", case_proc_mutex, 200000, setup_pm_flock},
#endif
#if APR_HAS_SYSVSEM_SERIALIZE
    {"proc_mutex_sysvsem", case_proc_mutex, 300000, setup_pm_sysvsem},
#endif
#if APR_HAS_POSIXSEM_SERIALIZE
    {"proc_mutex_posixsem", case_proc_mutex, 3000000, setup_pm_posixsem},
#endif
#if APR_HAS_PROC_PTHREAD_SERIALIZE
    {"proc_mutex_pthread", case_proc_mutex, 3000000, setup_pm_pthread},
#endif
    {"brigade_build", case_brigade_build, 200000, setup_apu},
    {"brigade_flatten", case_brigade_flatten, 1000000, setup_apu},
    {"brigade_split_line", case_brigade_split_line, 150000, setup_apu},
    {"brigade_partition", case_brigade_partition, 800000, setup_apu},
    {"md5", case_md5, 800, setup_apu},
    {"sha1", case_sha1, 600, setup_apu},
    {"uri_parse_path", case_uri_parse_path, 2500000, setup_apu},
    {"uri_parse_full", case_uri_parse_full, 800000, setup_apu},
    {"date_rfc1123", case_date_rfc1123, 1600000, NULL},
    {"date_rfc850", case_date_rfc850, 1500000, NULL},
    {"date_asctime", case_date_asctime, 1200000, NULL},
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* The timed loop: the one function callgrind collects (see the top). */
void bench_timed(const struct bench_case *c, long n);
__attribute__((noinline)) void bench_timed(const struct bench_case *c, long n)
{
    c->fn(n);
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void run_case(const struct bench_case *c, double scale, long fixed,
                     long warmup_div)
{
    long n = fixed > 0 ? fixed : (long)((double)c->iters * scale);
    if (n < 1)
        n = 1;
    long warm = n / warmup_div;
    if (warm < 1)
        warm = 1;
    if (c->setup != NULL)
        c->setup();
    c->fn(warm);

    size_t before = sink;
    double t0 = now_ns();
    bench_timed(c, n);
    double t1 = now_ns();
    printf("%s %ld %.2f %zu\n", c->name, n, (t1 - t0) / (double)n,
           sink - before);
    fflush(stdout);
}

static int usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s [-n ITERS | -s SCALE] [-w WARMUP_DIV] [--list] "
            "[--version] [CASE...]\n"
            "  prints: CASE ITERATIONS NS_PER_ITERATION CHECK\n",
            argv0);
    return 2;
}

int main(int argc, char **argv)
{
    double scale = 1.0;
    long fixed = 0, warmup_div = 10;
    int first_case = argc;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--list")) {
            for (size_t c = 0; c < NCASES; c++)
                printf("%s\n", cases[c].name);
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("%s\n", apr_version_string());
            return 0;
        }
        if (argv[i][0] == '-' && i + 1 < argc) {
            if (!strcmp(argv[i], "-n"))
                fixed = atol(argv[++i]);
            else if (!strcmp(argv[i], "-s"))
                scale = atof(argv[++i]);
            else if (!strcmp(argv[i], "-w"))
                warmup_div = atol(argv[++i]);
            else
                return usage(argv[0]);
            continue;
        }
        if (argv[i][0] == '-')
            return usage(argv[0]);
        first_case = i;
        break;
    }
    if (scale <= 0 || warmup_div < 1)
        return usage(argv[0]);

    /* Check every name before running anything. */
    for (int i = first_case; i < argc; i++) {
        size_t c = 0;
        while (c < NCASES && strcmp(cases[c].name, argv[i]))
            c++;
        if (c == NCASES) {
            fprintf(stderr, "%s: no case named '%s' (see --list)\n", argv[0],
                    argv[i]);
            return 2;
        }
    }

    if (apr_initialize() != APR_SUCCESS) {
        fprintf(stderr, "%s: apr_initialize failed\n", argv[0]);
        return 1;
    }
    apr_pool_create(&root, NULL);
    setup();

    if (first_case == argc) {
        for (size_t c = 0; c < NCASES; c++)
            run_case(&cases[c], scale, fixed, warmup_div);
    }
    for (int i = first_case; i < argc; i++) {
        for (size_t c = 0; c < NCASES; c++)
            if (!strcmp(cases[c].name, argv[i]))
                run_case(&cases[c], scale, fixed, warmup_div);
    }

    apr_pool_destroy(root);
    apr_terminate();
    return 0;
}
