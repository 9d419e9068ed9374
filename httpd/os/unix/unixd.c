/*
 * unixd.c: the Unix glue of unixd.h that MPMs and modules share:
 * ap_unixd_config, mutex ownership for the unprivileged children,
 * accepting on a listener, resource limits, the suexec identity hook.
 */
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/resource.h>

#include "apr_strings.h"
#include "apr_portable.h"
#include "apr_thread_proc.h"
#include "apr_proc_mutex.h"
#include "apr_global_mutex.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "unixd.h"

APLOG_USE_MODULE(core);

AP_DECLARE_DATA unixd_config_rec ap_unixd_config;

APR_HOOK_STRUCT(
    APR_HOOK_LINK(get_suexec_identity)
)

AP_IMPLEMENT_HOOK_RUN_FIRST(ap_unix_identity_t *, get_suexec_identity,
                            (const request_rec *r), (r), NULL)

/* Hand a mutex made by root to User so that the unprivileged children can
 * use it: the lock file of flock (the children reopen it), the semaphore
 * set of sysvsem (owner and mode). fcntl's lock file is already unlinked
 * and the other mechanisms live in memory the children inherit. */
static apr_status_t mutex_perms(apr_lockmech_e mech, const char *lockfile,
                                apr_os_proc_mutex_t *os)
{
    if (geteuid() != 0) {
        return APR_SUCCESS;   /* the children run as ourselves */
    }
    switch (mech) {
    case APR_LOCK_FLOCK:
        if (lockfile
            && chown(lockfile, ap_unixd_config.user_id, (gid_t)-1) < 0) {
            return errno;
        }
        return APR_SUCCESS;
    case APR_LOCK_SYSVSEM: {
        struct semid_ds buf;
        union { int val; struct semid_ds *buf; unsigned short *array; } arg;

        memset(&buf, 0, sizeof(buf));
        buf.sem_perm.uid = ap_unixd_config.user_id;
        buf.sem_perm.gid = ap_unixd_config.group_id;
        buf.sem_perm.mode = 0600;
        arg.buf = &buf;
        if (semctl(os->crossproc, 0, IPC_SET, arg) < 0) {
            return errno;
        }
        return APR_SUCCESS;
    }
    default:
        return APR_SUCCESS;
    }
}

AP_DECLARE(apr_status_t) ap_unixd_set_proc_mutex_perms(apr_proc_mutex_t *pmutex)
{
    apr_os_proc_mutex_t os;
    apr_status_t rv = apr_os_proc_mutex_get(&os, pmutex);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    return mutex_perms(apr_proc_mutex_mech(pmutex),
                       apr_proc_mutex_lockfile(pmutex), &os);
}

AP_DECLARE(apr_status_t) ap_unixd_set_global_mutex_perms(apr_global_mutex_t *gmutex)
{
#if APR_PROC_MUTEX_IS_GLOBAL
    return ap_unixd_set_proc_mutex_perms((apr_proc_mutex_t *)gmutex);
#else
    apr_os_global_mutex_t os;
    apr_status_t rv = apr_os_global_mutex_get(&os, gmutex);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    return ap_unixd_set_proc_mutex_perms(os.proc_mutex);
#endif
}

AP_DECLARE(apr_status_t) ap_unixd_accept(void **accepted, ap_listen_rec *lr,
                                         apr_pool_t *ptrans)
{
    apr_socket_t *csd;
    apr_status_t rv;

    *accepted = NULL;
    rv = apr_socket_accept(&csd, lr->sd, ptrans);
    if (rv == APR_SUCCESS) {
        *accepted = csd;
        return APR_SUCCESS;
    }
    if (APR_STATUS_IS_EINTR(rv) || APR_STATUS_IS_EAGAIN(rv)) {
        return rv;
    }
    /* The client went away between SYN and accept(), or the network
     * hiccuped: not our problem, try the next one. */
    if (APR_STATUS_IS_ECONNABORTED(rv) || APR_STATUS_IS_ETIMEDOUT(rv)
        || APR_STATUS_IS_EHOSTUNREACH(rv) || APR_STATUS_IS_ENETUNREACH(rv)
        || APR_STATUS_IS_ECONNRESET(rv)) {
        return APR_EGENERAL;
    }
    ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf, APLOGNO(00475)
                 "apr_socket_accept: (client socket)");
    return APR_EGENERAL;
}

#if defined(RLIMIT_CPU) || defined(RLIMIT_DATA) || defined(RLIMIT_VMEM) \
    || defined(RLIMIT_NPROC) || defined(RLIMIT_AS)
AP_DECLARE(void) ap_unixd_set_rlimit(cmd_parms *cmd, struct rlimit **plimit,
                                     const char *arg, const char *arg2,
                                     int type)
{
    struct rlimit *limit;
    char *str;
    rlim_t cur = 0, max = 0;

    *plimit = limit = apr_pcalloc(cmd->pool, sizeof(**plimit));
    if (getrlimit(type, limit) != 0) {
        *plimit = NULL;
        ap_log_error(APLOG_MARK, APLOG_ERR, errno, cmd->server, APLOGNO(00091)
                     "%s: getrlimit failed", cmd->cmd->name);
        return;
    }
    str = ap_getword_conf(cmd->temp_pool, &arg);
    if (*str == '\0') {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, cmd->server, APLOGNO(00092)
                     "Invalid parameters for %s", cmd->cmd->name);
        return;
    }
    cur = strcasecmp(str, "max") == 0 ? limit->rlim_max : (rlim_t)atol(str);
    if (arg2 && *(str = ap_getword_conf(cmd->temp_pool, &arg2)) != '\0') {
        max = (rlim_t)atol(str);
    }
    if (geteuid() != 0) {
        /* Only root may raise the hard limit. */
        limit->rlim_cur = cur;
        if (max && max > limit->rlim_max) {
            ap_log_error(APLOG_MARK, APLOG_ERR, 0, cmd->server, APLOGNO(00093)
                         "Must be uid 0 to raise maximum %s",
                         cmd->cmd->name);
        }
        else if (max) {
            limit->rlim_max = max;
        }
        return;
    }
    if (cur) {
        limit->rlim_cur = cur;
    }
    if (max) {
        limit->rlim_max = max;
    }
}
#endif

AP_DECLARE(apr_status_t) ap_os_create_privileged_process(
    const request_rec *r, apr_proc_t *newproc, const char *progname,
    const char *const *args, const char *const *env,
    apr_procattr_t *attr, apr_pool_t *p)
{
    /* No suexec wrapper in this server: run the program as ourselves. */
    return apr_proc_create(newproc, progname, args, env, attr, p);
}
