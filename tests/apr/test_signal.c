/*
 * Signals (apr_signal.h) and the signal thread (apr_setup_signal_thread,
 * apr_signal_thread from apr_thread_proc.h).
 *
 * Each Check test runs in its own forked process, so handlers and masks
 * set here do not leak between tests. The signal thread is made with
 * apr_thread_create, as an MPM makes it; the small helper threads of the
 * other tests are plain pthreads.
 */
#include "testutil.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "apr_signal.h"
#include "apr_strings.h"
#include "apr_thread_proc.h"
#include "apr_portable.h"

static volatile sig_atomic_t caught;
static volatile sig_atomic_t caught_signo;

static void count_handler(int signo)
{
    caught++;
    caught_signo = signo;
}

static void other_handler(int signo)
{
    (void)signo;
}

/* A name for a handler, so that a failed comparison prints both sides
 * (ISO C has no portable way to print a function pointer). */
static const char *hname(apr_sigfunc_t *f)
{
    if (f == SIG_DFL)
        return "SIG_DFL";
    if (f == SIG_IGN)
        return "SIG_IGN";
    if (f == SIG_ERR)
        return "SIG_ERR";
    if (f == count_handler)
        return "count_handler";
    if (f == other_handler)
        return "other_handler";
    return "(another function)";
}

START_TEST(handler_runs_on_raise)
{
    caught = 0;
    ck_assert_str_eq(hname(apr_signal(SIGUSR1, count_handler)), "SIG_DFL");
    ck_assert_int_eq(raise(SIGUSR1), 0);
    ck_assert_int_eq(caught, 1);
    ck_assert_int_eq(caught_signo, SIGUSR1);
    /* It stays installed (not reset to SIG_DFL after one delivery). */
    ck_assert_int_eq(raise(SIGUSR1), 0);
    ck_assert_int_eq(caught, 2);
    /* The previous handler comes back. */
    ck_assert_str_eq(hname(apr_signal(SIGUSR1, other_handler)), "count_handler");
    ck_assert_str_eq(hname(apr_signal(SIGUSR1, SIG_IGN)), "other_handler");
    ck_assert_int_eq(raise(SIGUSR1), 0);
    ck_assert_int_eq(caught, 2);
    ck_assert_str_eq(hname(apr_signal(SIGUSR1, SIG_DFL)), "SIG_IGN");
}
END_TEST

START_TEST(uncatchable_is_sig_err)
{
    ck_assert_str_eq(hname(apr_signal(SIGKILL, count_handler)), "SIG_ERR");
    ck_assert_str_eq(hname(apr_signal(SIGSTOP, count_handler)), "SIG_ERR");
    ck_assert_str_eq(hname(apr_signal(-1, count_handler)), "SIG_ERR");
}
END_TEST

/* Like APR: system calls interrupted by the handler are not restarted,
 * and the handler does not block other signals. */
START_TEST(no_restart_flag)
{
    struct sigaction sa;

    apr_signal(SIGUSR2, count_handler);
    ck_assert_int_eq(sigaction(SIGUSR2, NULL, &sa), 0);
    ck_assert_str_eq(hname(sa.sa_handler), "count_handler");
    ck_assert_int_eq(sa.sa_flags & SA_RESTART, 0);
    ck_assert_int_eq(sa.sa_flags & SA_RESETHAND, 0);
    ck_assert_int_eq(sigismember(&sa.sa_mask, SIGUSR1), 0);
    apr_signal(SIGALRM, count_handler);
    ck_assert_int_eq(sigaction(SIGALRM, NULL, &sa), 0);
    ck_assert_int_eq(sa.sa_flags & SA_RESTART, 0);
}
END_TEST

static void *interrupt_me(void *arg)
{
    pthread_t target = *(pthread_t *)arg;
    struct timespec ts = {0, 100 * 1000 * 1000};

    nanosleep(&ts, NULL);
    pthread_kill(target, SIGUSR1);
    return NULL;
}

START_TEST(blocking_read_gets_eintr)
{
    int fds[2];
    char c;
    pthread_t self = pthread_self(), th;

    caught = 0;
    apr_signal(SIGUSR1, count_handler);
    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(pthread_create(&th, NULL, interrupt_me, &self), 0);
    ck_assert_int_eq(read(fds[0], &c, 1), -1);
    ck_assert_int_eq(errno, EINTR);
    ck_assert_int_eq(caught, 1);
    pthread_join(th, NULL);
}
END_TEST

START_TEST(descriptions)
{
    ck_assert_str_eq(apr_signal_description_get(0), "Signal 0");
    ck_assert_str_eq(apr_signal_description_get(SIGHUP), "Hangup");
    ck_assert_str_eq(apr_signal_description_get(SIGINT), "Interrupt");
    ck_assert_str_eq(apr_signal_description_get(SIGQUIT), "Quit");
    ck_assert_str_eq(apr_signal_description_get(SIGILL), "Illegal instruction");
    ck_assert_str_eq(apr_signal_description_get(SIGTRAP), "Trace/BPT trap");
    ck_assert_str_eq(apr_signal_description_get(SIGABRT), "Abort");
    ck_assert_str_eq(apr_signal_description_get(SIGFPE), "Arithmetic exception");
    ck_assert_str_eq(apr_signal_description_get(SIGKILL), "Killed");
    ck_assert_str_eq(apr_signal_description_get(SIGBUS), "Bus error");
    ck_assert_str_eq(apr_signal_description_get(SIGSEGV), "Segmentation fault");
    ck_assert_str_eq(apr_signal_description_get(SIGSYS), "Bad system call");
    ck_assert_str_eq(apr_signal_description_get(SIGPIPE), "Broken pipe");
    ck_assert_str_eq(apr_signal_description_get(SIGALRM), "Alarm clock");
    ck_assert_str_eq(apr_signal_description_get(SIGTERM), "Terminated");
    ck_assert_str_eq(apr_signal_description_get(SIGUSR1), "User defined signal 1");
    ck_assert_str_eq(apr_signal_description_get(SIGUSR2), "User defined signal 2");
    ck_assert_str_eq(apr_signal_description_get(SIGCHLD), "Child status change");
    ck_assert_str_eq(apr_signal_description_get(SIGSTOP), "Stopped (signal)");
    ck_assert_str_eq(apr_signal_description_get(SIGTSTP), "Stopped");
    ck_assert_str_eq(apr_signal_description_get(SIGCONT), "Continued");
    ck_assert_str_eq(apr_signal_description_get(SIGTTIN), "Stopped (tty input)");
    ck_assert_str_eq(apr_signal_description_get(SIGTTOU), "Stopped (tty output)");
    ck_assert_str_eq(apr_signal_description_get(SIGURG), "urgent socket condition");
    ck_assert_str_eq(apr_signal_description_get(SIGXCPU), "exceeded cpu limit");
    ck_assert_str_eq(apr_signal_description_get(SIGXFSZ), "exceeded file size limit");
    ck_assert_str_eq(apr_signal_description_get(SIGVTALRM), "virtual timer expired");
    ck_assert_str_eq(apr_signal_description_get(SIGPROF), "profiling timer expired");
#ifdef SIGWINCH
    ck_assert_str_eq(apr_signal_description_get(SIGWINCH), "Window changed");
#endif
#ifdef SIGIO
    ck_assert_str_eq(apr_signal_description_get(SIGIO), "socket I/O possible");
#endif
    /* Valid numbers without a name, then numbers that are no signal. */
    ck_assert_str_eq(apr_signal_description_get(SIGRTMAX),
                     apr_psprintf(p, "signal #%d", SIGRTMAX));
    ck_assert_str_eq(apr_signal_description_get(-1), "unknown signal (number)");
    ck_assert_str_eq(apr_signal_description_get(NSIG), "unknown signal (number)");
    ck_assert_str_eq(apr_signal_description_get(100000), "unknown signal (number)");
}
END_TEST

static int pending(int signo)
{
    sigset_t set;

    ck_assert_int_eq(sigpending(&set), 0);
    return sigismember(&set, signo);
}

START_TEST(block_and_unblock)
{
    caught = 0;
    apr_signal(SIGUSR1, count_handler);
    ck_assert_int_eq(apr_signal_block(SIGUSR1), APR_SUCCESS);
    ck_assert_int_eq(raise(SIGUSR1), 0);
    ck_assert_int_eq(caught, 0);
    ck_assert_int_eq(pending(SIGUSR1), 1);
    ck_assert_int_eq(pending(SIGUSR2), 0);
    /* Unblocking delivers the pending signal before returning. */
    ck_assert_int_eq(apr_signal_unblock(SIGUSR1), APR_SUCCESS);
    ck_assert_int_eq(caught, 1);
    ck_assert_int_eq(pending(SIGUSR1), 0);
    /* Blocking twice, unblocking once: unblocked (a mask, not a count). */
    ck_assert_int_eq(apr_signal_block(SIGUSR1), APR_SUCCESS);
    ck_assert_int_eq(apr_signal_block(SIGUSR1), APR_SUCCESS);
    ck_assert_int_eq(apr_signal_unblock(SIGUSR1), APR_SUCCESS);
    ck_assert_int_eq(raise(SIGUSR1), 0);
    ck_assert_int_eq(caught, 2);
}
END_TEST

#if !APR_TEST_AGAINST_SYSTEM
/* APR ignores sigaddset()'s failure and reports success for a number that
 * is not a signal; we say EINVAL. */
START_TEST(block_invalid_is_einval)
{
    ck_assert_int_eq(apr_signal_block(-1), APR_EINVAL);
    ck_assert_int_eq(apr_signal_unblock(100000), APR_EINVAL);
}
END_TEST
#endif

/* ------------------------------------------------------------------ */
/* The signal thread                                                   */

static struct {
    volatile int usr1, hup, usr2;
    volatile int wrong_thread;
    apr_os_thread_t thread; /* set by the signal thread itself */
} st;

static int st_handler(int signo)
{
    if (!apr_os_thread_equal(apr_os_thread_current(), st.thread))
        __atomic_store_n(&st.wrong_thread, 1, __ATOMIC_SEQ_CST);
    switch (signo) {
    case SIGUSR1:
        __atomic_add_fetch(&st.usr1, 1, __ATOMIC_SEQ_CST);
        return 0;
    case SIGHUP:
        /* Only exactly 1 stops the loop (as in APR). */
        __atomic_add_fetch(&st.hup, 1, __ATOMIC_SEQ_CST);
        return 2;
    case SIGUSR2:
        __atomic_add_fetch(&st.usr2, 1, __ATOMIC_SEQ_CST);
        return 1;
    }
    return 0;
}

static void *APR_THREAD_FUNC signal_thread_main(apr_thread_t *thd, void *arg)
{
    apr_status_t rv;

    (void)arg;
    st.thread = apr_os_thread_current();
    rv = apr_signal_thread(st_handler);
    apr_thread_exit(thd, rv);
    return NULL;
}

/* Wait (up to 10 s) until *counter reaches want. */
static int wait_for(volatile int *counter, int want)
{
    struct timespec ts = {0, 1000 * 1000};
    int i;

    for (i = 0; i < 10000; i++) {
        if (__atomic_load_n(counter, __ATOMIC_SEQ_CST) >= want)
            return 1;
        nanosleep(&ts, NULL);
    }
    return 0;
}

START_TEST(signal_thread_receives_and_stops)
{
    sigset_t mask;
    apr_thread_t *thd;
    apr_status_t rv = -1;
    int i;

    memset(&st, 0, sizeof(st));
    ck_assert_int_eq(apr_setup_signal_thread(), APR_SUCCESS);

    /* The asynchronous signals are now blocked in this thread (and the
     * threads it creates); the synchronous ones never are. */
    ck_assert_int_eq(pthread_sigmask(SIG_SETMASK, NULL, &mask), 0);
    ck_assert_int_eq(sigismember(&mask, SIGUSR1), 1);
    ck_assert_int_eq(sigismember(&mask, SIGUSR2), 1);
    ck_assert_int_eq(sigismember(&mask, SIGHUP), 1);
    ck_assert_int_eq(sigismember(&mask, SIGTERM), 1);
    ck_assert_int_eq(sigismember(&mask, SIGCHLD), 1);
    ck_assert_int_eq(sigismember(&mask, SIGSEGV), 0);
    ck_assert_int_eq(sigismember(&mask, SIGBUS), 0);
    ck_assert_int_eq(sigismember(&mask, SIGFPE), 0);
    ck_assert_int_eq(sigismember(&mask, SIGILL), 0);
    ck_assert_int_eq(sigismember(&mask, SIGABRT), 0);
    ck_assert_int_eq(sigismember(&mask, SIGTRAP), 0);
    ck_assert_int_eq(sigismember(&mask, SIGSYS), 0);
    ck_assert_int_eq(sigismember(&mask, SIGPIPE), 0);

    ck_assert_int_eq(apr_thread_create(&thd, NULL, signal_thread_main, NULL, p),
                     APR_SUCCESS);

    /* Signals sent to the process all land in the signal thread. One at a
     * time: two pending instances of one signal merge into one. */
    for (i = 1; i <= 5; i++) {
        ck_assert_int_eq(kill(getpid(), SIGUSR1), 0);
        ck_assert_int_eq(wait_for(&st.usr1, i), 1);
    }
    ck_assert_int_eq(kill(getpid(), SIGHUP), 0);
    ck_assert_int_eq(wait_for(&st.hup, 1), 1);
    /* The handler returned 2 for SIGHUP: the thread still serves. */
    ck_assert_int_eq(kill(getpid(), SIGUSR1), 0);
    ck_assert_int_eq(wait_for(&st.usr1, 6), 1);

    /* SIGUSR2 reaches the handler (since APR 1.7), which returns 1. */
    ck_assert_int_eq(kill(getpid(), SIGUSR2), 0);
    ck_assert_int_eq(apr_thread_join(&rv, thd), APR_SUCCESS);
    ck_assert_int_eq(rv, APR_SUCCESS);
    ck_assert_int_eq(st.usr1, 6);
    ck_assert_int_eq(st.hup, 1);
    ck_assert_int_eq(st.usr2, 1);
    ck_assert_int_eq(st.wrong_thread, 0);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("signal");
    TCase *tc = apr_test_tcase("signal");

    tcase_add_test(tc, handler_runs_on_raise);
    tcase_add_test(tc, uncatchable_is_sig_err);
    tcase_add_test(tc, no_restart_flag);
    tcase_add_test(tc, blocking_read_gets_eintr);
    tcase_add_test(tc, descriptions);
    tcase_add_test(tc, block_and_unblock);
#if !APR_TEST_AGAINST_SYSTEM
    tcase_add_test(tc, block_invalid_is_einval);
#endif
    tcase_add_test(tc, signal_thread_receives_and_stops);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
