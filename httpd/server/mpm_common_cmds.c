/*
 * mpm_common_cmds.c: the MPM-wide directives that every MPM shares
 * (PidFile, MaxConnectionsPerChild, CoreDumpDirectory, MaxMemFree,
 * ThreadStackSize, GracefulShutdownTimeout) and the globals they set.
 * Core's command table lists them, as in Apache.
 */
#include <string.h>
#include <stdlib.h>
#include <errno.h>

#include "apr_strings.h"
#include "apr_file_info.h"
#include "apr_allocator.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"

APLOG_USE_MODULE(core);

AP_DECLARE_DATA int ap_max_requests_per_child = 0;
AP_DECLARE_DATA const char *ap_pid_fname = NULL;
AP_DECLARE_DATA char ap_coredump_dir[MAX_STRING_LEN];
AP_DECLARE_DATA int ap_coredumpdir_configured = 0;
AP_DECLARE_DATA int ap_graceful_shutdown_timeout = 0;
AP_DECLARE_DATA apr_uint32_t ap_max_mem_free = APR_ALLOCATOR_MAX_FREE_UNLIMITED;
AP_DECLARE_DATA apr_size_t ap_thread_stacksize = 0;

const char *ap_mpm_set_pidfile(cmd_parms *cmd, void *dummy, const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    if (cmd->server->is_virtual) {
        return "PidFile directive not allowed in <VirtualHost>";
    }
    ap_pid_fname = arg;
    return NULL;
}

void ap_mpm_dump_pidfile(apr_pool_t *p, apr_file_t *out)
{
    apr_file_printf(out, "PidFile: \"%s\"\n",
                    ap_server_root_relative(p, ap_pid_fname));
}

const char *ap_mpm_set_max_requests(cmd_parms *cmd, void *dummy,
                                    const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    if (!strcasecmp(cmd->cmd->name, "MaxRequestsPerChild")) {
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, NULL, APLOGNO(00545)
                     "MaxRequestsPerChild is deprecated, use "
                     "MaxConnectionsPerChild instead.");
    }
    ap_max_requests_per_child = atoi(arg);
    return NULL;
}

const char *ap_mpm_set_coredumpdir(cmd_parms *cmd, void *dummy,
                                   const char *arg)
{
    apr_finfo_t finfo;
    const char *fname;
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    fname = ap_server_root_relative(cmd->temp_pool, arg);
    if (!fname) {
        return apr_pstrcat(cmd->pool, "Invalid CoreDumpDirectory path ",
                           arg, NULL);
    }
    if (apr_stat(&finfo, fname, APR_FINFO_TYPE, cmd->pool) != APR_SUCCESS) {
        return apr_pstrcat(cmd->pool, "CoreDumpDirectory ", fname,
                           " does not exist", NULL);
    }
    if (finfo.filetype != APR_DIR) {
        return apr_pstrcat(cmd->pool, "CoreDumpDirectory ", fname,
                           " is not a directory", NULL);
    }
    apr_cpystrn(ap_coredump_dir, fname, sizeof(ap_coredump_dir));
    ap_coredumpdir_configured = 1;
    return NULL;
}

AP_DECLARE(const char *) ap_mpm_set_graceful_shutdown(cmd_parms *cmd,
                                                      void *dummy,
                                                      const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    ap_graceful_shutdown_timeout = atoi(arg);
    return NULL;
}

const char *ap_mpm_set_max_mem_free(cmd_parms *cmd, void *dummy,
                                    const char *arg)
{
    long value;
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    errno = 0;
    value = strtol(arg, NULL, 10);
    if (value < 0 || errno == ERANGE || value > (long)(APR_UINT32_MAX / 1024)) {
        return apr_pstrcat(cmd->pool, "Invalid MaxMemFree value: ", arg,
                           NULL);
    }
    /* Kilobytes in the configuration, bytes for the allocator. */
    ap_max_mem_free = (apr_uint32_t)value * 1024;
    return NULL;
}

const char *ap_mpm_set_thread_stacksize(cmd_parms *cmd, void *dummy,
                                        const char *arg)
{
    long value;
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    errno = 0;
    value = strtol(arg, NULL, 10);
    if (value < 0 || errno == ERANGE) {
        return apr_pstrcat(cmd->pool, "Invalid ThreadStackSize value: ",
                           arg, NULL);
    }
    ap_thread_stacksize = (apr_size_t)value;
    return NULL;
}
