/*
 * mpm_common_signal.c: "httpd -k start|stop|restart|graceful|graceful-stop".
 * ap_mpm_rewrite_args() takes -k out of the command line; once the
 * configuration (and so PidFile) is known, ap_signal_server() signals the
 * running server named by the pid file, with Apache's messages.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_getopt.h"
#include "apr_optional.h"
#include "apr_file_io.h"
#include "apr_thread_proc.h"
#include "apr_signal.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "mpm_private.h"

APLOG_USE_MODULE(core);

APR_DECLARE_OPTIONAL_FN(int, ap_signal_server, (int *, apr_pool_t *));

static const char dash_k_noarg[] = "noarg";
static const char *dash_k_arg = NULL;
static int signalled = 0;

const char *ap__mpm_dash_k_arg(void)
{
    return dash_k_arg ? dash_k_arg : dash_k_noarg;
}

static int known_k_arg(const char *arg)
{
    static const char *const known[] = {
        "start", "stop", "restart", "graceful", "graceful-stop", NULL
    };
    int i;

    for (i = 0; known[i]; i++) {
        if (strcmp(arg, known[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static void push_arg(apr_array_header_t *a, const char *arg)
{
    *(const char **)apr_array_push(a) = arg;
}

void ap_mpm_rewrite_args(process_rec *process)
{
    apr_array_header_t *argv;
    apr_getopt_t *opt;
    char optbuf[3];
    const char *optarg;
    apr_status_t rv;

    argv = apr_array_make(process->pool, process->argc + 1,
                          sizeof(const char *));
    push_arg(argv, process->argv[0]);
    apr_getopt_init(&opt, process->pool, process->argc, process->argv);
    opt->errfn = NULL;
    optbuf[0] = '-';
    optbuf[2] = '\0';
    while ((rv = apr_getopt(opt, "k:" AP_SERVER_BASEARGS, optbuf + 1,
                            &optarg)) == APR_SUCCESS) {
        if (optbuf[1] == 'k' && !dash_k_arg && known_k_arg(optarg)) {
            dash_k_arg = optarg;
            continue;
        }
        /* Anything else (a bad -k too) goes back for main's parser, which
         * prints the usage. */
        push_arg(argv, apr_pstrdup(process->pool, optbuf));
        if (optarg) {
            push_arg(argv, optarg);
        }
    }
    if (rv == APR_BADCH || rv == APR_BADARG) {
        opt->ind--;
    }
    while (opt->ind < opt->argc) {
        push_arg(argv, opt->argv[opt->ind++]);
    }
    process->argc = argv->nelts;
    process->argv = (const char *const *)argv->elts;
    if (!dash_k_arg) {
        dash_k_arg = dash_k_noarg;
    }
    APR_REGISTER_OPTIONAL_FN(ap_signal_server);
}

static void say(apr_pool_t *p, const char *msg)
{
    apr_file_t *out;

    if (apr_file_open_stdout(&out, p) == APR_SUCCESS) {
        apr_file_printf(out, "%s\n", msg);
        apr_file_flush(out);
    }
}

static int send_signal(pid_t pid, int sig)
{
    apr_proc_t proc;
    apr_status_t rv;

    proc.pid = pid;
    rv = apr_proc_kill(&proc, sig);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, rv, NULL, APLOGNO(00060)
                     "sending signal to server");
        return 1;
    }
    return 0;
}

/* Which running server the pid file names, and Apache's status line. */
static int probe(apr_pool_t *p, pid_t *pid, const char **status,
                 int *exit_status)
{
    apr_status_t rv = ap_read_pid(p, ap_pid_fname, pid);
    apr_proc_t proc;

    if (rv != APR_SUCCESS) {
        if (!APR_STATUS_IS_ENOENT(rv)) {
            ap_log_error(APLOG_MARK, APLOG_STARTUP, rv, NULL, APLOGNO(00058)
                         "Error retrieving pid file %s", ap_pid_fname);
            ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL, APLOGNO(00059)
                         "Remove it before continuing if it is corrupted.");
            *exit_status = 1;
            return -1;
        }
        *status = "httpd (no pid file) not running";
        return 0;
    }
    proc.pid = *pid;
    if (apr_proc_kill(&proc, 0) == APR_SUCCESS) {
        *status = apr_psprintf(p, "httpd (pid %" APR_PID_T_FMT
                               ") already running", *pid);
        return 1;
    }
    *status = apr_psprintf(p, "httpd (pid %" APR_PID_T_FMT "?) not running",
                           *pid);
    return 0;
}

int ap_signal_server(int *exit_status, apr_pool_t *pconf)
{
    const char *k = ap__mpm_dash_k_arg();
    const char *status = NULL;
    pid_t pid = 0;
    int running;

    *exit_status = 0;
    if (signalled) {
        return 0;   /* main.c and the MPM may both ask: act once */
    }
    signalled = 1;
    running = probe(pconf, &pid, &status, exit_status);
    if (running < 0) {
        return 1;
    }
    if (k == dash_k_noarg || !strcmp(k, "start")) {
        if (running) {
            say(pconf, status);
            return 1;
        }
        return 0;
    }
    if (!strcmp(k, "stop") || !strcmp(k, "graceful-stop")) {
        if (!running) {
            say(pconf, status);
        }
        else {
            *exit_status = send_signal(pid, !strcmp(k, "stop")
                                       ? SIGTERM : AP_SIG_GRACEFUL_STOP);
        }
        return 1;
    }
    if (!strcmp(k, "restart") || !strcmp(k, "graceful")) {
        if (!running) {
            say(pconf, "httpd not running, trying to start");
            return 0;
        }
        *exit_status = send_signal(pid, !strcmp(k, "restart")
                                   ? SIGHUP : AP_SIG_GRACEFUL);
        return 1;
    }
    return 0;
}
