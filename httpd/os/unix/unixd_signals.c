/*
 * unixd_signals.c: the parent's signal handling shared by Unix MPMs
 * (stop, restart, graceful, graceful-stop) and the fatal-signal handlers
 * that leave a core in CoreDumpDirectory (running the fatal_exception
 * hook first when built with -Dexception_hook=true: EnableExceptionHook).
 */
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <unistd.h>

#include "apr_strings.h"
#include "apr_signal.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "unixd.h"
#include "mpm_private.h"

static ap_unixd_mpm_retained_data *retained;

AP_DECLARE(ap_unixd_mpm_retained_data *) ap_unixd_mpm_get_retained_data(void)
{
    static const char key[] = "ap_unixd_mpm_retained_data";

    if (!retained) {
        retained = ap_retained_data_get(key);
        if (!retained) {
            retained = ap_retained_data_create(key, sizeof(*retained));
            retained->mpm_state = AP_MPMQ_STARTING;
        }
    }
    return retained;
}

static void sig_term(int sig)
{
    if (retained->shutdown_pending) {
        return;   /* a second signal changes nothing */
    }
    retained->mpm_state = AP_MPMQ_STOPPING;
    retained->shutdown_pending = 1;
    retained->is_ungraceful = (sig != AP_SIG_GRACEFUL_STOP);
}

static void sig_restart(int sig)
{
    if (retained->restart_pending) {
        return;
    }
    retained->mpm_state = AP_MPMQ_STOPPING;
    retained->restart_pending = 1;
    retained->is_ungraceful = (sig != AP_SIG_GRACEFUL);
}

/* The parent's pid once it installed the fatal handlers (0 while it has
 * not, e.g. with -X), and the pid of the last process that installed them
 * (a child does again after fork). A process whose two differ is a child. */
static pid_t parent_pid;
static pid_t my_pid;

AP_DECLARE(void) ap_unixd_mpm_set_signals(apr_pool_t *pconf, int once_process)
{
    ap_unixd_mpm_get_retained_data();
    if (!once_process) {
        parent_pid = getpid();
        ap_fatal_signal_setup(ap_server_conf, pconf);
    }
    apr_signal(SIGTERM, sig_term);
    apr_signal(SIGINT, sig_term);
    apr_signal(AP_SIG_GRACEFUL_STOP, sig_term);
    apr_signal(SIGHUP, sig_restart);
    apr_signal(AP_SIG_GRACEFUL, sig_restart);
    /* A peer closing early must give EPIPE, not kill the process; a file
     * too large must give EFBIG. */
    apr_signal(SIGPIPE, SIG_IGN);
    apr_signal(SIGXFSZ, SIG_IGN);
    apr_signal(SIGXCPU, SIG_DFL);
}

static char coredump_dir[MAX_STRING_LEN];

#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
/* Written while the configuration is read, only read by the handler. */
static volatile sig_atomic_t exception_hook_on;

static apr_status_t exception_hook_reset(void *unused)
{
    (void)unused;
    exception_hook_on = 0;
    return APR_SUCCESS;
}

const char *ap_mpm_set_exception_hook(cmd_parms *cmd, void *dummy,
                                      const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    (void)dummy;
    if (err) {
        return err;
    }
    if (!strcasecmp(arg, "on")) {
        exception_hook_on = 1;
    }
    else if (!strcasecmp(arg, "off")) {
        exception_hook_on = 0;
    }
    else {
        return "parameter must be 'on' or 'off'";
    }
    /* A restart reads the configuration again into a cleared pool: a
     * directive removed by then must not leave the hook on. */
    apr_pool_cleanup_register(cmd->pool, NULL, exception_hook_reset,
                              apr_pool_cleanup_null);
    return NULL;
}

/* Modules' hooks run only in a crashing child that no longer runs as
 * root: a crash in the parent, or in a process still privileged, must
 * not hand control to module code. */
static void run_exception_hook(int sig)
{
    ap_exception_info_t ei;

    if (!exception_hook_on || parent_pid == 0 || my_pid == parent_pid
        || geteuid() == 0) {
        return;
    }
    ei.sig = sig;
    ei.pid = getpid();
    ap_run_fatal_exception(&ei);
}
#endif

static void sig_coredump(int sig)
{
    /* Only async-signal-safe calls here (what a module's fatal_exception
     * hook does is its own business, as in Apache). */
    if (coredump_dir[0] && chdir(coredump_dir) != 0) {
        coredump_dir[0] = '\0';
    }
    signal(sig, SIG_DFL);
#if defined(AP_ENABLE_EXCEPTION_HOOK) && AP_ENABLE_EXCEPTION_HOOK
    run_exception_hook(sig);
#endif
    /* Blocked until the handler returns, then fatal with the default
     * action: the core, and the parent sees the real signal. */
    kill(getpid(), sig);
}

void ap__unixd_fatal_signals(const char *dir)
{
    static const int fatal[] = { SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE };
    apr_size_t i;

    my_pid = getpid();
    apr_cpystrn(coredump_dir, dir ? dir : "", sizeof(coredump_dir));
    for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
        apr_signal(fatal[i], sig_coredump);
    }
}
