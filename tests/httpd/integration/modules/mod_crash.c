/*
 * mod_crash.c: a test module for EnableExceptionHook. "SetHandler crash"
 * makes the serving child die of SIGSEGV, as a module bug would. In a
 * server built with the exception hook (AP_ENABLE_EXCEPTION_HOOK), its
 * fatal_exception hook appends "sig=<n> pid=<p>\n" to the file named by
 * CrashHookFile. The name is used as given: a relative one resolves in
 * the directory the crashing child is in, CoreDumpDirectory.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"
#include "ap_mpm.h"

/* Read by the hook inside a signal handler: a plain string, no pool. */
static const char *hook_file;

static const char *set_hook_file(cmd_parms *cmd, void *dummy,
                                 const char *arg)
{
    (void)dummy;
    hook_file = apr_pstrdup(cmd->pool, arg);
    return NULL;
}

/* A restart reads the configuration again: forget the old file. */
static int crash_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp)
{
    (void)pconf;
    (void)plog;
    (void)ptemp;
    hook_file = NULL;
    return OK;
}

static int crash_handler(request_rec *r)
{
    if (!r->handler || strcmp(r->handler, "crash") != 0) {
        return DECLINED;
    }
    raise(SIGSEGV);
    return HTTP_INTERNAL_SERVER_ERROR;   /* not reached */
}

#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
/* Decimal digits of a non-negative number; no stdio in a signal handler. */
static char *put_number(char *p, long v)
{
    char digits[24];
    int n = 0;

    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < (int)sizeof(digits));
    while (n > 0) {
        *p++ = digits[--n];
    }
    return p;
}

static int crash_fatal_exception(ap_exception_info_t *ei)
{
    char line[80];
    char *p = line;
    ssize_t written;
    int fd;

    if (!hook_file) {
        return DECLINED;
    }
    memcpy(p, "sig=", 4);
    p = put_number(p + 4, ei->sig);
    memcpy(p, " pid=", 5);
    p = put_number(p + 5, (long)ei->pid);
    *p++ = '\n';
    fd = open(hook_file, O_WRONLY | O_CREAT | O_APPEND, 0666);
    if (fd < 0) {
        return DECLINED;
    }
    written = write(fd, line, (size_t)(p - line));
    close(fd);
    return written == p - line ? OK : DECLINED;
}
#endif

static const command_rec crash_cmds[] = {
    AP_INIT_TAKE1("CrashHookFile", set_hook_file, NULL, RSRC_CONF,
                  "the file the fatal_exception hook appends to"),
    {NULL}
};

static void crash_register_hooks(apr_pool_t *p)
{
    (void)p;
    ap_hook_pre_config(crash_pre_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_handler(crash_handler, NULL, NULL, APR_HOOK_MIDDLE);
#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
    ap_hook_fatal_exception(crash_fatal_exception, NULL, NULL,
                            APR_HOOK_MIDDLE);
#endif
}

AP_DECLARE_MODULE(crash) = {
    STANDARD20_MODULE_STUFF,
    NULL,
    NULL,
    NULL,
    NULL,
    crash_cmds,
    crash_register_hooks
};
