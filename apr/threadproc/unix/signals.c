/*
 * Signals: apr_signal (sigaction), the description table, per-thread
 * blocking, and the dedicated signal thread of apr_thread_proc.h.
 */
#include "apr.h"
#include "apr_signal.h"
#include "apr_general.h"
#include "apr_private_config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#if APR_HAS_THREADS
#include <pthread.h>
#endif

/* Declares apr_setup_signal_thread and apr_signal_thread. */
#include "apr_thread_proc.h"

#ifdef NSIG
#define APR_NUMSIG NSIG
#else
#define APR_NUMSIG 65
#endif

APR_DECLARE(apr_sigfunc_t *) apr_signal(int signo, apr_sigfunc_t *func)
{
    struct sigaction act, oact;

    /* As APR: no SA_RESTART, so a signal interrupts a blocking call (the
     * MPMs rely on accept() returning EINTR on a graceful stop). */
    act.sa_handler = func;
    sigemptyset(&act.sa_mask);
    act.sa_flags = 0;
    if (sigaction(signo, &act, &oact) < 0)
        return SIG_ERR;
    return oact.sa_handler;
}

/* The texts APR gives (not strsignal()'s), so that logs read the same. */
static const char *const signal_names[APR_NUMSIG] = {
    [0] = "Signal 0",
    [SIGHUP] = "Hangup",
    [SIGINT] = "Interrupt",
    [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction",
    [SIGTRAP] = "Trace/BPT trap",
    [SIGABRT] = "Abort",
#ifdef SIGEMT
    [SIGEMT] = "Emulator trap",
#endif
    [SIGFPE] = "Arithmetic exception",
    [SIGKILL] = "Killed",
    [SIGBUS] = "Bus error",
    [SIGSEGV] = "Segmentation fault",
    [SIGSYS] = "Bad system call",
    [SIGPIPE] = "Broken pipe",
    [SIGALRM] = "Alarm clock",
    [SIGTERM] = "Terminated",
    [SIGUSR1] = "User defined signal 1",
    [SIGUSR2] = "User defined signal 2",
    [SIGCHLD] = "Child status change",
#ifdef SIGPWR
    [SIGPWR] = "Power-fail restart",
#endif
#ifdef SIGWINCH
    [SIGWINCH] = "Window changed",
#endif
    [SIGURG] = "urgent socket condition",
#ifdef SIGIO
    [SIGIO] = "socket I/O possible",
#endif
    [SIGSTOP] = "Stopped (signal)",
    [SIGTSTP] = "Stopped",
    [SIGCONT] = "Continued",
    [SIGTTIN] = "Stopped (tty input)",
    [SIGTTOU] = "Stopped (tty output)",
    [SIGVTALRM] = "virtual timer expired",
    [SIGPROF] = "profiling timer expired",
    [SIGXCPU] = "exceeded cpu limit",
    [SIGXFSZ] = "exceeded file size limit",
};

/* "signal #N" for the numbers without a name, written once by
 * apr_signal_init() (from apr_initialize(), before any thread reads it). */
static char unnamed[APR_NUMSIG][sizeof("signal #") + 11];

APR_DECLARE(void) apr_signal_init(apr_pool_t *pglobal)
{
    int sig;

    (void)pglobal;
    for (sig = 0; sig < APR_NUMSIG; sig++)
        snprintf(unnamed[sig], sizeof(unnamed[sig]), "signal #%d", sig);
}

APR_DECLARE(const char *) apr_signal_description_get(int signum)
{
    if (signum < 0 || signum >= APR_NUMSIG)
        return "unknown signal (number)";
    if (signal_names[signum] != NULL)
        return signal_names[signum];
    return unnamed[signum];
}

/* sigprocmask() is per thread only in single-threaded programs; with
 * threads the per-thread mask is pthread_sigmask(), which returns the
 * error instead of setting errno. */
static apr_status_t set_mask(int how, const sigset_t *set)
{
#if APR_HAS_THREADS
    return pthread_sigmask(how, set, NULL);
#else
    return sigprocmask(how, set, NULL) == 0 ? APR_SUCCESS : errno;
#endif
}

static apr_status_t change_one(int how, int signum)
{
    sigset_t set;

    sigemptyset(&set);
    /* APR ignores sigaddset's failure and "blocks" nothing. */
    if (sigaddset(&set, signum) != 0)
        return APR_EINVAL;
    return set_mask(how, &set);
}

APR_DECLARE(apr_status_t) apr_signal_block(int signum)
{
    return change_one(SIG_BLOCK, signum);
}

APR_DECLARE(apr_status_t) apr_signal_unblock(int signum)
{
    return change_one(SIG_UNBLOCK, signum);
}

#if APR_HAS_THREADS && APR_HAVE_SIGWAIT

/* Every signal except the synchronous ones, which the thread that causes
 * them must receive (blocking them kills the process on some systems, and
 * sigwait() may refuse them). SIGPIPE is left alone too, as APR does. */
static void async_signals(sigset_t *set)
{
    static const int sync_sigs[] = {
        SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGPIPE, SIGSEGV, SIGSYS, SIGTRAP,
#ifdef SIGEMT
        SIGEMT,
#endif
#ifdef SIGWAITING
        SIGWAITING,
#endif
#ifdef SIGLWP
        SIGLWP,
#endif
    };
    size_t i;

    sigfillset(set);
    for (i = 0; i < sizeof(sync_sigs) / sizeof(sync_sigs[0]); i++)
        sigdelset(set, sync_sigs[i]);
}

APR_DECLARE(apr_status_t) apr_setup_signal_thread(void)
{
    sigset_t set;

    async_signals(&set);
    return set_mask(SIG_SETMASK, &set);
}

APR_DECLARE(apr_status_t) apr_signal_thread(int (*signal_handler)(int signum))
{
    sigset_t set;

    async_signals(&set);
    for (;;) {
        int signum, rv;

        /* sigwait() fails only for an invalid set, which would fail again:
         * report it (APR loops forever). EINTR is tolerated from systems
         * that predate POSIX forbidding it. */
        rv = sigwait(&set, &signum);
        if (rv == EINTR)
            continue;
        if (rv != 0)
            return rv;
        /* Exactly 1 ends the loop, as in APR; other values carry on. */
        if (signal_handler(signum) == 1)
            return APR_SUCCESS;
    }
}

#endif /* APR_HAS_THREADS && APR_HAVE_SIGWAIT */
