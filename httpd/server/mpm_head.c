/*
 * mpm_head.c: reading a request head without holding a thread, shared by
 * the asynchronous MPMs (event, simple; see mpm_head_private.h).
 *
 * When a connection waits for a request, a thread of the MPM reads
 * whatever the socket has without blocking into a small per-connection
 * buffer and looks for the end of the head (the blank line). Until it is
 * there the connection goes back to the MPM's pollset, so a client that
 * sends its headers slowly costs a buffer, not a thread. Once the head is
 * complete the buffer becomes a heap bucket that the MPM_HEAD input
 * filter, sitting just above CORE_IN, serves before anything else is
 * read from the socket: ap_read_request then parses it without waiting.
 *
 * Only plain connections do this: no connection filter above ours (TLS
 * must see the raw reads), except mod_reqtimeout's. Its header rule is
 * applied here instead: it gives the head's deadline (the clock starts
 * at the first read of the head, MinRate credit as its filter gives it),
 * the connection waits in the pollset until then, and a thread lets the
 * filter fail the head once it is past (the MPM's timeout handling).
 * Without the module a head may take Timeout.
 */
#include <string.h>

#include "apr_buckets.h"
#include "apr_optional.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "util_filter.h"

#include "mpm_head_private.h"
#include "request_private.h"

#define HEAD_FIRST  (8192 - 128)        /* one allocator node */
#define HEAD_MAX    (64 * 1024)         /* then the parser reads the rest */

static ap_filter_rec_t *head_filter_handle;

/* mod_reqtimeout's header rule; declared as in mod_reqtimeout_private.h
 * (keep the two identical). */
APR_DECLARE_OPTIONAL_FN(apr_time_t, ap_reqtimeout_head_deadline,
                        (conn_rec *c, apr_off_t credited,
                         apr_off_t buffered));

/* Both NULL without mod_reqtimeout (looked up again each generation). */
static APR_OPTIONAL_FN_TYPE(ap_reqtimeout_head_deadline) *rt_deadline;
static ap_filter_rec_t *rt_filter_handle;

/* ---- the filter -------------------------------------------------------- */

/* Does @a b end with a line feed? */
static int ends_line(apr_bucket_brigade *b)
{
    apr_bucket *e;

    for (e = APR_BRIGADE_LAST(b); e != APR_BRIGADE_SENTINEL(b);
         e = APR_BUCKET_PREV(e)) {
        const char *str;
        apr_size_t len;

        if (apr_bucket_read(e, &str, &len, APR_NONBLOCK_READ) != APR_SUCCESS) {
            return 0;
        }
        if (len) {
            return str[len - 1] == APR_ASCII_LF;
        }
    }
    return 0;
}

/* Leading blank lines go; the brigade running out is no error here (the
 * caller then reads on from the socket). */
static apr_status_t eat_crlf(ap__mpm_head_t *h)
{
    apr_status_t rv = ap__brigade_eat_crlf(h->bb);

    return rv == APR_EOF ? APR_SUCCESS : rv;
}

/* READBYTES moves, SPECULATIVE copies, at most @a want bytes. */
static apr_status_t give_bytes(apr_bucket_brigade *hb, apr_bucket_brigade *b,
                               ap_input_mode_t mode, apr_off_t want)
{
    apr_off_t have = 0;
    apr_bucket *e;
    apr_status_t rv;

    apr_brigade_length(hb, 1, &have);
    if (want > have) {
        want = have;
    }
    rv = apr_brigade_partition(hb, want, &e);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    while (APR_BRIGADE_FIRST(hb) != e) {
        apr_bucket *f = APR_BRIGADE_FIRST(hb);

        if (mode == AP_MODE_READBYTES) {
            APR_BUCKET_REMOVE(f);
            APR_BRIGADE_INSERT_TAIL(b, f);
            continue;
        }
        for (; f != e; f = APR_BUCKET_NEXT(f)) {
            apr_bucket *copy;

            if ((rv = apr_bucket_copy(f, &copy)) != APR_SUCCESS) {
                return rv;
            }
            APR_BRIGADE_INSERT_TAIL(b, copy);
        }
        break;
    }
    return APR_SUCCESS;
}

/* Nothing left to serve? Empty buckets left by splitting lines go. */
static int head_empty(ap__mpm_head_t *h)
{
    apr_bucket_brigade *hb = h->bb;

    if (!hb) {
        return 1;
    }
    while (!APR_BRIGADE_EMPTY(hb) && APR_BRIGADE_FIRST(hb)->length == 0) {
        apr_bucket_delete(APR_BRIGADE_FIRST(hb));
    }
    return APR_BRIGADE_EMPTY(hb);
}

static apr_status_t head_filter(ap_filter_t *f, apr_bucket_brigade *b,
                                ap_input_mode_t mode, apr_read_type_e block,
                                apr_off_t readbytes)
{
    ap__mpm_head_t *h = f->ctx;
    apr_bucket_brigade *hb = h->bb;
    apr_status_t rv;

    if (mode == AP_MODE_INIT || head_empty(h)) {
        return ap_get_brigade(f->next, b, mode, block, readbytes);
    }
    switch (mode) {
    case AP_MODE_GETLINE:
        rv = apr_brigade_split_line(b, hb, block, HUGE_STRING_LEN);
        if (rv == APR_SUCCESS && APR_BRIGADE_EMPTY(hb) && !ends_line(b)) {
            /* The rest of this line is still in the socket. */
            return ap_get_brigade(f->next, b, mode, block, readbytes);
        }
        return rv;
    case AP_MODE_EATCRLF:
        rv = eat_crlf(h);
        if (rv == APR_SUCCESS && APR_BRIGADE_EMPTY(hb)) {
            return ap_get_brigade(f->next, b, mode, block, readbytes);
        }
        return rv;
    case AP_MODE_EXHAUSTIVE:
        APR_BRIGADE_CONCAT(b, hb);
        return ap_get_brigade(f->next, b, mode, block, readbytes);
    case AP_MODE_READBYTES:
    case AP_MODE_SPECULATIVE:
        if (readbytes <= 0) {
            return APR_SUCCESS;
        }
        return give_bytes(hb, b, mode, readbytes);
    default:
        return ap_get_brigade(f->next, b, mode, block, readbytes);
    }
}

static void head_retrieve(void)
{
    rt_deadline = APR_RETRIEVE_OPTIONAL_FN(ap_reqtimeout_head_deadline);
    rt_filter_handle = rt_deadline ? ap_get_input_filter_handle("reqtimeout")
                                   : NULL;
}

AP_DECLARE(void) ap__mpm_head_register(void)
{
    head_filter_handle = ap_register_input_filter("MPM_HEAD", head_filter,
                                                  NULL,
                                                  AP_FTYPE_NETWORK - 1);
    ap_hook_optional_fn_retrieve(head_retrieve, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE(void) ap__mpm_head_attach(ap__mpm_head_t *h, conn_rec *c,
                                     apr_socket_t *sd)
{
    h->c = c;
    h->sd = sd;
    ap_add_input_filter_handle(head_filter_handle, h, NULL, c);
}

/* ---- reading ------------------------------------------------------------ */

/* Is the request head in buf[0..len) complete: a request line that is
 * not HTTP/1.x (0.9 or garbage, for the parser to judge), or a blank
 * line after it? Leading blank lines are skipped. */
static int head_complete(const char *buf, apr_size_t len)
{
    apr_size_t i = 0, eol;
    const char *lf;

    while (i < len && (buf[i] == APR_ASCII_CR || buf[i] == APR_ASCII_LF)) {
        i++;
    }
    if (i == len) {
        return 0;
    }
    lf = memchr(buf + i, APR_ASCII_LF, len - i);
    if (!lf) {
        return 0;
    }
    eol = (apr_size_t)(lf - buf);
    /* No protocol on the request line: no headers follow. */
    if (memchr(buf + i, ' ', eol - i) == NULL) {
        return 1;
    }
    {
        const char *sp = buf + eol;
        while (sp > buf + i && sp[-1] != ' ') {
            sp--;
        }
        if ((apr_size_t)(buf + eol - sp) < 5 || memcmp(sp, "HTTP/", 5) != 0) {
            return 1;
        }
    }
    for (i = eol + 1; i < len; i++) {
        if (buf[i - 1] != APR_ASCII_LF) {
            continue;
        }
        if (buf[i] == APR_ASCII_LF) {
            return 1;
        }
        if (buf[i] == APR_ASCII_CR && i + 1 < len
            && buf[i + 1] == APR_ASCII_LF) {
            return 1;
        }
    }
    return 0;
}

/* Make room for more bytes; 0 when the buffer may not grow further. */
static int grow(ap__mpm_head_t *h)
{
    apr_size_t cap = h->cap ? h->cap * 2 : HEAD_FIRST;
    char *buf;

    if (h->cap >= HEAD_MAX) {
        return 0;
    }
    if (cap > HEAD_MAX) {
        cap = HEAD_MAX;
    }
    buf = apr_bucket_alloc(cap, h->c->bucket_alloc);
    if (!buf) {
        return 0;
    }
    if (h->buf) {
        memcpy(buf, h->buf, h->len);
        apr_bucket_free(h->buf);
    }
    h->buf = buf;
    h->cap = cap;
    return 1;
}

/* Hand the buffered bytes to MPM_HEAD. */
static void publish(ap__mpm_head_t *h)
{
    apr_bucket *e;

    if (!h->len) {
        if (h->buf) {
            apr_bucket_free(h->buf);
        }
        h->buf = NULL;
        h->cap = 0;
        return;
    }
    if (!h->bb) {
        h->bb = apr_brigade_create(h->c->pool, h->c->bucket_alloc);
    }
    e = apr_bucket_heap_create(h->buf, h->len, apr_bucket_free,
                               h->c->bucket_alloc);
    APR_BRIGADE_INSERT_TAIL(h->bb, e);
    h->buf = NULL;
    h->len = h->cap = 0;
}

/* May this connection's head be read here? Only when MPM_HEAD is the
 * top of the connection's input chain and holds nothing yet. */
AP_DECLARE(int) ap__mpm_head_plain(ap__mpm_head_t *h)
{
    ap_filter_t *top;

    if (!h->c) {
        return 0;       /* never attached: pre_connection refused it */
    }
    top = h->c->input_filters;
    return top && top->frec == head_filter_handle && head_empty(h);
}

/* Is mod_reqtimeout's filter the top of the input chain, directly above
 * an empty MPM_HEAD? */
static int under_reqtimeout(ap__mpm_head_t *h)
{
    ap_filter_t *top = h->c ? h->c->input_filters : NULL;

    return rt_filter_handle && top && top->frec == rt_filter_handle
           && top->next && top->next->frec == head_filter_handle
           && head_empty(h);
}

AP_DECLARE(int) ap__mpm_head_ours(ap__mpm_head_t *h)
{
    return ap__mpm_head_plain(h) || under_reqtimeout(h);
}

AP_DECLARE(int) ap__mpm_head_expired(const ap__mpm_head_t *h,
                                     apr_time_t now)
{
    return h->deadline && now >= h->deadline && h->c && h->c->cs
           && h->c->cs->state == CONN_STATE_READ_REQUEST_LINE;
}

/* The bytes of the head that earn MinRate time, as with Apache's filter:
 * all up to the last line feed, and those of an unfinished line that came
 * before this read (this read's part counts once more arrives). */
static apr_off_t credited(const ap__mpm_head_t *h, apr_size_t before)
{
    apr_size_t i;

    for (i = h->len; i > before; i--) {
        if (h->buf[i - 1] == APR_ASCII_LF) {
            return (apr_off_t)i;
        }
    }
    return (apr_off_t)before;
}

/* Read what the socket has into the buffer; 1 when the head is complete
 * (or too big to wait for), else 0 with the last status in *rv. */
static int read_some(ap__mpm_head_t *h, apr_status_t *rv)
{
    apr_interval_time_t saved;
    int done = 0;

    *rv = APR_SUCCESS;
    apr_socket_timeout_get(h->sd, &saved);
    apr_socket_timeout_set(h->sd, 0);
    while (!done) {
        apr_size_t len;

        if (h->len == h->cap && !grow(h)) {
            done = 1;           /* too big to wait for: the parser judges */
            break;
        }
        len = h->cap - h->len;
        *rv = apr_socket_recv(h->sd, h->buf + h->len, &len);
        h->len += len;
        if (*rv != APR_SUCCESS) {
            break;
        }
        done = head_complete(h->buf, h->len);
    }
    apr_socket_timeout_set(h->sd, saved);
    return done;
}

AP_DECLARE(int) ap__mpm_head_read(ap__mpm_head_t *h)
{
    apr_size_t before = h->len;
    apr_status_t rv;
    int timed = 0, done;

    if (ap__mpm_head_expired(h, apr_time_now())) {
        /* Too late for more: the parser fails on what came in time. */
        h->deadline = 0;
        publish(h);
        return AP__MPM_HEAD_DONE;
    }
    h->deadline = 0;
    if (!ap__mpm_head_plain(h)) {
        if (!under_reqtimeout(h)) {
            return AP__MPM_HEAD_DONE;
        }
        timed = 1;
    }
    done = read_some(h, &rv);
    if (!done && rv != APR_SUCCESS && !APR_STATUS_IS_EAGAIN(rv)) {
        if (!h->len) {
            publish(h);
            return AP__MPM_HEAD_GONE;   /* closed between requests */
        }
        done = 1;   /* a partial head then EOF: the parser answers */
    }
    if (timed) {
        /* The rule's deadline (the first call starts its clock), and
         * mod_reqtimeout learns which bytes it need not count again. */
        h->deadline = rt_deadline(h->c, credited(h, before),
                                  (apr_off_t)h->len);
    }
    if (!done) {
        if (!h->len) {
            publish(h);         /* nothing yet: keep no buffer parked */
        }
        return AP__MPM_HEAD_MORE;
    }
    h->deadline = 0;
    publish(h);
    return AP__MPM_HEAD_DONE;
}
