/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * What the server asks of the system: its own host name, the load
 * average, the first output line of a helper program.
 */
#include "util_private.h"
#include "http_log.h"
#include "http_main.h"
#include "apr_file_io.h"
#include "apr_network_io.h"
#include "apr_strings.h"
#include "apr_thread_proc.h"

#define LOCAL_HOST_MAX 256

/* The name to use for this host, or NULL: a fully qualified name from
 * the resolver (*fqdn set), else the host name if it has a dot, else an
 * address. */
static char *find_local_host(apr_pool_t *a, int *fqdn)
{
    char str[LOCAL_HOST_MAX + 1];
    apr_sockaddr_t *sa;
    char *name;

    if (apr_gethostname(str, sizeof(str) - 1, a) != APR_SUCCESS) {
        ap_log_perror(APLOG_MARK, APLOG_STARTUP | APLOG_WARNING, 0, a,
                      APLOGNO(00556) "%s: apr_gethostname() failed to "
                      "determine ServerName", ap_server_argv0);
        return NULL;
    }
    str[sizeof(str) - 1] = '\0';
    if (apr_sockaddr_info_get(&sa, str, APR_UNSPEC, 0, 0, a) != APR_SUCCESS) {
        ap_log_perror(APLOG_MARK, APLOG_STARTUP | APLOG_WARNING, 0, a,
                      APLOGNO(00557) "%s: apr_sockaddr_info_get() failed "
                      "for %s", ap_server_argv0, str);
        return NULL;
    }
    if (apr_getnameinfo(&name, sa, 0) == APR_SUCCESS && strchr(name, '.')) {
        *fqdn = 1;
        return apr_pstrdup(a, name);
    }
    if (strchr(str, '.'))
        return apr_pstrdup(a, str);
    if (apr_sockaddr_ip_get(&name, sa) == APR_SUCCESS)
        return apr_pstrdup(a, name);
    return NULL;
}

char *ap_get_local_host(apr_pool_t *a)
{
    int fqdn = 0;
    char *name = find_local_host(a, &fqdn);

    if (fqdn)
        return name; /* the resolver knows us: nothing to warn about */
    if (name == NULL)
        name = apr_pstrdup(a, "127.0.0.1");
    ap_log_perror(APLOG_MARK, APLOG_ALERT | APLOG_STARTUP, 0, a,
                  APLOGNO(00558) "%s: Could not reliably determine the "
                  "server's fully qualified domain name, using %s. Set the "
                  "'ServerName' directive globally to suppress this message",
                  ap_server_argv0, name);
    return name;
}

/* Parse "N.NN" at *s into a float; advance past it and following spaces. */
static int parse_load(const char **s, float *out)
{
    const char *p = *s;
    double v = 0, scale = 1;

    if (!apr_isdigit(*p))
        return 0;
    for (; apr_isdigit(*p); ++p)
        v = v * 10 + (*p - '0');
    if (*p == '.')
        for (++p; apr_isdigit(*p); ++p)
            v += (*p - '0') * (scale /= 10);
    while (*p == ' ')
        ++p;
    *out = (float)v;
    *s = p;
    return 1;
}

AP_DECLARE(void) ap_get_loadavg(ap_loadavg_t *ld)
{
    char buf[128];
    apr_size_t n = sizeof(buf) - 1;
    apr_pool_t *p;
    apr_file_t *f;
    const char *s = buf;

    ld->loadavg = ld->loadavg5 = ld->loadavg15 = -1.0f;
    if (apr_pool_create(&p, NULL) != APR_SUCCESS)
        return;
    /* Linux publishes the averages here; elsewhere they stay unknown */
    if (apr_file_open(&f, "/proc/loadavg", APR_FOPEN_READ, 0, p)
            == APR_SUCCESS) {
        if (apr_file_read(f, buf, &n) == APR_SUCCESS) {
            float l1, l5, l15;

            buf[n] = '\0';
            if (parse_load(&s, &l1) && parse_load(&s, &l5)
                && parse_load(&s, &l15)) {
                ld->loadavg = l1;
                ld->loadavg5 = l5;
                ld->loadavg15 = l15;
            }
        }
        apr_file_close(f);
    }
    apr_pool_destroy(p);
}

/* Read the first line (without its end) of at most max - 1 bytes. */
static apr_size_t read_first_line(apr_file_t *fp, char *buf, apr_size_t max)
{
    apr_size_t k = 0;

    while (k < max - 1) {
        char c;
        apr_size_t nbytes = 1;

        if (apr_file_read(fp, &c, &nbytes) != APR_SUCCESS || nbytes != 1
            || c == '\n' || c == '\r')
            break;
        buf[k++] = c;
    }
    buf[k] = '\0';
    return k;
}

AP_DECLARE(char *) ap_get_exec_line(apr_pool_t *p, const char *cmd,
                                    const char * const *argv)
{
    char buf[MAX_STRING_LEN];
    apr_procattr_t *attr;
    apr_proc_t *proc = apr_pcalloc(p, sizeof(*proc));
    apr_exit_why_e why;
    apr_size_t len;
    int status;

    if (apr_procattr_create(&attr, p) != APR_SUCCESS
        || apr_procattr_io_set(attr, APR_NO_PIPE, APR_FULL_BLOCK,
                               APR_NO_PIPE) != APR_SUCCESS
        || apr_procattr_dir_set(attr, ap_make_dirstr_parent(p, cmd))
               != APR_SUCCESS
        || apr_procattr_cmdtype_set(attr, APR_PROGRAM) != APR_SUCCESS
        || apr_proc_create(proc, cmd, argv, NULL, attr, p) != APR_SUCCESS
        || proc->out == NULL)
        return NULL;
    len = read_first_line(proc->out, buf, sizeof(buf));
    apr_file_close(proc->out);
    /* reap the child: the rest of its output is not wanted */
    apr_proc_wait(proc, &status, &why, APR_WAIT);
    return apr_pstrmemdup(p, buf, len);
}
