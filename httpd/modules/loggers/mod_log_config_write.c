/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* mod_log_config_write.c: opening access logs and writing entries, either
 * one write per entry (whole lines stay intact in files shared by many
 * processes, and in pipes under PIPE_BUF) or, with BufferedLogs On,
 * through a per-log buffer flushed when full and at child exit. */

#include <string.h>

#include "apr_strings.h"
#include "apr_thread_mutex.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "mod_log_config_private.h"

APLOG_USE_MODULE(log_config);

#define LOG_BUFSIZE 4096

ap_log_writer_init *ap__lc_writer_init = ap__lc_default_writer_init;
ap_log_writer *ap__lc_writer = ap__lc_default_writer;
int ap__lc_buffered_logs = 0;

typedef struct {
    apr_file_t *handle;
    apr_size_t outcnt;
    char outbuf[LOG_BUFSIZE];
#if APR_HAS_THREADS
    apr_thread_mutex_t *mutex;
#endif
} buffered_log;

/* the buffered logs of this generation, to flush at child exit */
static apr_array_header_t *all_buffered;

void *ap__lc_default_writer_init(apr_pool_t *p, server_rec *s,
                                 const char *name)
{
    apr_file_t *fd;
    const char *fname;
    apr_status_t rv;

    if (*name == '|') {
        piped_log *pl = ap_open_piped_log(p, name + 1);
        return pl ? ap_piped_log_write_fd(pl) : NULL;
    }
    fname = ap_server_root_relative(p, name);
    if (!fname) {
        ap_log_error(APLOG_MARK, APLOG_ERR, APR_EBADPATH, s, APLOGNO(00648)
                     "invalid transfer log path %s.", name);
        return NULL;
    }
    rv = apr_file_open(&fd, fname, APR_FOPEN_WRITE | APR_FOPEN_APPEND
                       | APR_FOPEN_CREATE | APR_FOPEN_LARGEFILE,
                       APR_OS_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s, APLOGNO(00649)
                     "could not open transfer log file %s.", fname);
        return NULL;
    }
    return fd;
}

/* Join the pieces: on the stack for ordinary lines. */
static char *join(request_rec *r, char *stackbuf, apr_size_t stacklen,
                  const char **strs, const int *strl, int nelts,
                  apr_size_t len)
{
    char *out = len < stacklen ? stackbuf : apr_palloc(r->pool, len + 1);
    char *d = out;
    int i;

    for (i = 0; i < nelts; i++) {
        memcpy(d, strs[i], (apr_size_t)strl[i]);
        d += strl[i];
    }
    return out;
}

apr_status_t ap__lc_default_writer(request_rec *r, void *handle,
                                   const char **strs, int *strl, int nelts,
                                   apr_size_t len)
{
    char stackbuf[2048];
    char *line = join(r, stackbuf, sizeof(stackbuf), strs, strl, nelts,
                      len);
    apr_status_t rv = apr_file_write_full(handle, line, len, NULL);

    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, rv, r, APLOGNO(00646)
                      "Error writing to access log");
    }
    return rv;
}

static apr_status_t flush_log(buffered_log *buf)
{
    apr_status_t rv = APR_SUCCESS;

    if (buf->outcnt && buf->handle) {
        rv = apr_file_write_full(buf->handle, buf->outbuf, buf->outcnt,
                                 NULL);
        buf->outcnt = 0;
    }
    return rv;
}

static apr_status_t flush_all(void *unused)
{
    buffered_log **logs;
    int i;

    if (!all_buffered) {
        return APR_SUCCESS;
    }
    logs = (buffered_log **)all_buffered->elts;
    for (i = 0; i < all_buffered->nelts; i++) {
        flush_log(logs[i]);
    }
    return APR_SUCCESS;
}

static apr_status_t forget_buffered(void *unused)
{
    all_buffered = NULL;
    return APR_SUCCESS;
}

void ap__lc_buffered_reset(apr_pool_t *p)
{
    all_buffered = NULL;
    apr_pool_cleanup_register(p, NULL, forget_buffered,
                              apr_pool_cleanup_null);
}

static apr_status_t flush_one(void *data)
{
    flush_log(data);
    return APR_SUCCESS;
}

void *ap__lc_buffered_writer_init(apr_pool_t *p, server_rec *s,
                                  const char *name)
{
    buffered_log *b;
    void *fd = ap__lc_default_writer_init(p, s, name);

    if (!fd) {
        return NULL;
    }
    b = apr_pcalloc(p, sizeof(*b));
    b->handle = fd;
    if (!all_buffered) {
        all_buffered = apr_array_make(p, 5, sizeof(buffered_log *));
    }
    *(buffered_log **)apr_array_push(all_buffered) = b;
    /* single-process runs and restarts must not lose the tail either;
     * registered after the file's own cleanup, so it runs before it */
    apr_pool_cleanup_register(p, b, flush_one, apr_pool_cleanup_null);
    return b;
}

void ap__lc_buffered_child_init(apr_pool_t *p, server_rec *s)
{
#if APR_HAS_THREADS
    int threaded = 0;
    buffered_log **logs;
    int i;
#endif

    if (!all_buffered) {
        return;
    }
#if APR_HAS_THREADS
    ap_mpm_query(AP_MPMQ_IS_THREADED, &threaded);
    logs = (buffered_log **)all_buffered->elts;
    for (i = 0; threaded && i < all_buffered->nelts; i++) {
        apr_thread_mutex_create(&logs[i]->mutex, APR_THREAD_MUTEX_DEFAULT,
                                p);
    }
#endif
    /* what is still buffered is written when the child exits */
    apr_pool_cleanup_register(p, NULL, flush_all, flush_all);
}

static void buffer_append(buffered_log *b, const char **strs, const int *strl,
                          int nelts)
{
    char *d = b->outbuf + b->outcnt;
    int i;

    for (i = 0; i < nelts; i++) {
        memcpy(d, strs[i], (apr_size_t)strl[i]);
        d += strl[i];
    }
    b->outcnt = (apr_size_t)(d - b->outbuf);
}

apr_status_t ap__lc_buffered_writer(request_rec *r, void *handle,
                                    const char **strs, int *strl, int nelts,
                                    apr_size_t len)
{
    buffered_log *b = handle;
    apr_status_t rv = APR_SUCCESS;

#if APR_HAS_THREADS
    if (b->mutex) {
        apr_thread_mutex_lock(b->mutex);
    }
#endif
    if (len + b->outcnt > LOG_BUFSIZE) {
        rv = flush_log(b);
    }
    if (len >= LOG_BUFSIZE) {
        /* too big to buffer: written on its own, after what was queued */
        rv = ap__lc_default_writer(r, b->handle, strs, strl, nelts, len);
    }
    else {
        buffer_append(b, strs, strl, nelts);
    }
#if APR_HAS_THREADS
    if (b->mutex) {
        apr_thread_mutex_unlock(b->mutex);
    }
#endif
    return rv;
}
