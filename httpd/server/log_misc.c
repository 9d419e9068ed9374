/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_misc.c: process and thread ids for log lines, and the fixed
 * messages the server logs at startup (command line, MPM details) or on a
 * failed assertion. */

#include <stdlib.h>
#include <string.h>

#include "apr_strings.h"
#include "apr_portable.h"
#include "apr_file_io.h"

#include "httpd.h"
#include "http_log.h"
#include "ap_listen.h"

#include "log_private.h"
#include "mpm_private.h"

APLOG_USE_MODULE(core);

unsigned long ap__log_pid(void)
{
    return (unsigned long)ap__unixd_getpid();
}

/* The kernel's id of the calling thread, as top(1) and Apache's error
 * log show it, read once per thread from procfs. */
static unsigned long read_kernel_tid(void)
{
    apr_pool_t *p;
    apr_file_t *f;
    char buf[32];
    apr_size_t n = sizeof(buf) - 1;
    unsigned long tid = 0;

    if (apr_pool_create(&p, NULL) != APR_SUCCESS) {
        return 0;
    }
    if (apr_file_open(&f, "/proc/thread-self/stat", APR_FOPEN_READ,
                      APR_OS_DEFAULT, p) == APR_SUCCESS) {
        if (apr_file_read(f, buf, &n) == APR_SUCCESS) {
            buf[n] = '\0';
            tid = strtoul(buf, NULL, 10);
        }
        apr_file_close(f);
    }
    apr_pool_destroy(p);
    return tid;
}

unsigned long ap__log_thread_id(void)
{
    /* keyed by pid too: a forked child inherits the forking thread's
     * cache but not its id */
    static _Thread_local unsigned long cached_tid, cached_pid;
    unsigned long pid = ap__log_pid();

    if (cached_tid == 0 || cached_pid != pid) {
        cached_tid = read_kernel_tid();
        cached_pid = pid;
        if (cached_tid == 0) {
            cached_tid = (unsigned long)apr_os_thread_current();
        }
    }
    return cached_tid;
}

AP_DECLARE(void) ap_log_command_line(apr_pool_t *p, server_rec *s)
{
    const process_rec *proc = s->process;
    apr_size_t len = 0;
    char *line, *q;
    int i;

    for (i = 0; i < proc->argc; i++) {
        len += strlen(proc->argv[i]) + 1;
    }
    q = line = apr_palloc(p, len + 1);
    for (i = 0; i < proc->argc; i++) {
        apr_size_t n = strlen(proc->argv[i]);
        if (i) {
            *q++ = ' ';
        }
        memcpy(q, proc->argv[i], n);
        q += n;
    }
    *q = '\0';
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, APLOGNO(00094)
                 "Command line: '%s'", line);
}

AP_DECLARE(void) ap_log_mpm_common(server_rec *s)
{
    ap_log_error(APLOG_MARK, APLOG_DEBUG, 0, s, APLOGNO(02639)
                 "Using SO_REUSEPORT: %s (%d)",
                 ap_have_so_reuseport ? "yes" : "no", ap_num_listen_buckets);
}

AP_DECLARE(void) ap_log_assert(const char *szExp, const char *szFile,
                               int nLine)
{
    char time_str[APR_CTIME_LEN];

    apr_ctime(time_str, apr_time_now());
    ap_log_error(APLOG_MARK, APLOG_CRIT, 0, NULL, APLOGNO(00102)
                 "[%s] file %s, line %d, assertion \"%s\" failed",
                 time_str, szFile, nLine, szExp);
    /* a core dump is the most useful thing left to produce */
    abort();
}
