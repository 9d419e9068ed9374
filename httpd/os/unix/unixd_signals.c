/*
 * unixd_signals.c: the parent's signal handling shared by Unix MPMs
 * (stop, restart, graceful, graceful-stop) and the fatal-signal handlers
 * that leave a core in CoreDumpDirectory.
 */
#include <string.h>
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

AP_DECLARE(void) ap_unixd_mpm_set_signals(apr_pool_t *pconf, int once_process)
{
    ap_unixd_mpm_get_retained_data();
    if (!once_process) {
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

static void sig_coredump(int sig)
{
    /* Only async-signal-safe calls here. */
    if (coredump_dir[0] && chdir(coredump_dir) != 0) {
        coredump_dir[0] = '\0';
    }
    signal(sig, SIG_DFL);
    kill(getpid(), sig);
}

void ap__unixd_fatal_signals(const char *dir)
{
    static const int fatal[] = { SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE };
    apr_size_t i;

    apr_cpystrn(coredump_dir, dir ? dir : "", sizeof(coredump_dir));
    for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
        apr_signal(fatal[i], sig_coredump);
    }
}
