/*
 * mpm_common_pod.c: the "pipe of death". The parent writes one byte per
 * child it wants to stop; a child reading one leaves. The podx variants
 * say how to leave: '!' graceful, '$' at once.
 */
#include "apr_file_io.h"
#include "apr_strings.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"

APLOG_USE_MODULE(core);

static apr_status_t pod_create(apr_pool_t *p, ap_pod_t **pod)
{
    apr_status_t rv;

    *pod = apr_palloc(p, sizeof(**pod));
    /* The writing end must never block the parent; a child sets its own
     * read timeout (apr_file_pipe_timeout_set) to wait on the reading end. */
    rv = apr_file_pipe_create_ex(&(*pod)->pod_in, &(*pod)->pod_out,
                                 APR_WRITE_BLOCK, p);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    apr_file_pipe_timeout_set((*pod)->pod_out, 0);
    (*pod)->p = p;
    return APR_SUCCESS;
}

static apr_status_t pod_write(ap_pod_t *pod, char c)
{
    apr_size_t one = 1;
    apr_status_t rv = apr_file_write(pod->pod_out, &c, &one);

    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, rv, ap_server_conf,
                     APLOGNO(00054)
                     "write pipe_of_death");
    }
    return rv;
}

static apr_status_t pod_read(ap_pod_t *pod, char *c)
{
    apr_size_t one = 1;
    apr_status_t rv = apr_file_read(pod->pod_in, c, &one);

    if (rv == APR_SUCCESS && one != 1) {
        rv = APR_EOF;
    }
    return rv;
}

AP_DECLARE(apr_status_t) ap_mpm_pod_open(apr_pool_t *p, ap_pod_t **pod)
{
    return pod_create(p, pod);
}

AP_DECLARE(apr_status_t) ap_mpm_pod_check(ap_pod_t *pod)
{
    char c;

    return pod_read(pod, &c) == APR_SUCCESS ? APR_SUCCESS : APR_NOTFOUND;
}

AP_DECLARE(apr_status_t) ap_mpm_pod_close(ap_pod_t *pod)
{
    apr_status_t rv = apr_file_close(pod->pod_out);

    if (rv == APR_SUCCESS) {
        rv = apr_file_close(pod->pod_in);
    }
    return rv;
}

AP_DECLARE(apr_status_t) ap_mpm_pod_signal(ap_pod_t *pod)
{
    return pod_write(pod, AP_MPM_PODX_RESTART_CHAR);
}

AP_DECLARE(void) ap_mpm_pod_killpg(ap_pod_t *pod, int num)
{
    int i;

    for (i = 0; i < num && ap_mpm_pod_signal(pod) == APR_SUCCESS; i++) {
        continue;
    }
}

AP_DECLARE(apr_status_t) ap_mpm_podx_open(apr_pool_t *p, ap_pod_t **pod)
{
    return pod_create(p, pod);
}

AP_DECLARE(int) ap_mpm_podx_check(ap_pod_t *pod)
{
    char c;

    if (pod_read(pod, &c) != APR_SUCCESS) {
        return AP_MPM_PODX_NORESTART;
    }
    if (c == AP_MPM_PODX_GRACEFUL_CHAR) {
        return AP_MPM_PODX_GRACEFUL;
    }
    if (c == AP_MPM_PODX_RESTART_CHAR) {
        return AP_MPM_PODX_RESTART;
    }
    return AP_MPM_PODX_NORESTART;
}

AP_DECLARE(apr_status_t) ap_mpm_podx_close(ap_pod_t *pod)
{
    return ap_mpm_pod_close(pod);
}

AP_DECLARE(apr_status_t) ap_mpm_podx_signal(ap_pod_t *pod,
                                            ap_podx_restart_t graceful)
{
    return pod_write(pod, graceful == AP_MPM_PODX_GRACEFUL
                          ? AP_MPM_PODX_GRACEFUL_CHAR
                          : AP_MPM_PODX_RESTART_CHAR);
}

AP_DECLARE(void) ap_mpm_podx_killpg(ap_pod_t *pod, int num,
                                    ap_podx_restart_t graceful)
{
    int i;

    for (i = 0; i < num && ap_mpm_podx_signal(pod, graceful) == APR_SUCCESS;
         i++) {
        continue;
    }
}
