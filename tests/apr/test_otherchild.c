/*
 * apr_thread_proc.h other children: registration, refresh while running
 * and after death, alerts, unregistration (explicit and by the pool), and
 * children reaped behind the registry's back.
 */
#include "testutil.h"

#include "apr_thread_proc.h"
#include "apr_portable.h"
#include "apr_strings.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the maintenance function was told, in order. */
static struct {
    int reason;
    void *data;
    int status;
} calls[16];
static int ncalls;

static void maintenance(int reason, void *data, int status)
{
    if (ncalls < 16) {
        calls[ncalls].reason = reason;
        calls[ncalls].data = data;
        calls[ncalls].status = status;
    }
    ncalls++;
}

/* A forked child that exits with code once it reads a byte from the
 * returned descriptor (or its end closes). */
static int fork_child(apr_proc_t *proc, int code)
{
    int fds[2];
    char c;

    ck_assert_int_eq(pipe(fds), 0);
    if (apr_proc_fork(proc, p) == APR_INCHILD) {
        close(fds[1]);
        (void)!read(fds[0], &c, 1);
        _exit(code);
    }
    close(fds[0]);
    return fds[1];
}

/* Let the child end, and wait until it has without reaping it. */
static void let_end(apr_proc_t *proc, int fd)
{
    siginfo_t info;

    close(fd);
    ck_assert_int_eq(waitid(P_PID, (id_t)proc->pid, &info,
                            WEXITED | WNOWAIT), 0);
}

START_TEST(refresh_running_then_death)
{
    apr_proc_t proc;
    int key, fd = fork_child(&proc, 3);

    apr_proc_other_child_register(&proc, maintenance, &key, NULL, p);
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 1);
    ck_assert_int_eq(calls[0].reason, APR_OC_REASON_RUNNING);
    ck_assert_ptr_eq(calls[0].data, &key);
    ck_assert_int_eq(calls[0].status, -1);

    apr_proc_other_child_refresh_all(APR_OC_REASON_RESTART);
    ck_assert_int_eq(ncalls, 2);
    ck_assert_int_eq(calls[1].reason, APR_OC_REASON_RESTART);

    let_end(&proc, fd);
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 3);
    ck_assert_int_eq(calls[2].reason, APR_OC_REASON_DEATH);
    /* The status is the raw wait status. */
    ck_assert(WIFEXITED(calls[2].status));
    ck_assert_int_eq(WEXITSTATUS(calls[2].status), 3);
    /* Reaped by the refresh. */
    ck_assert_int_eq(waitpid(proc.pid, NULL, WNOHANG), -1);

    /* Known dead: later refreshes leave it alone. */
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 3);

    apr_proc_other_child_unregister(&key);
    ck_assert_int_eq(ncalls, 4);
    ck_assert_int_eq(calls[3].reason, APR_OC_REASON_UNREGISTER);
    ck_assert_int_eq(calls[3].status, -1);
}
END_TEST

/* Death is reported as such whatever reason the refresh is for. */
START_TEST(death_whatever_reason)
{
    apr_proc_t proc;
    int key, fd = fork_child(&proc, 0);

    apr_proc_other_child_register(&proc, maintenance, &key, NULL, p);
    let_end(&proc, fd);
    apr_proc_other_child_refresh_all(APR_OC_REASON_RESTART);
    ck_assert_int_eq(ncalls, 1);
    ck_assert_int_eq(calls[0].reason, APR_OC_REASON_DEATH);
    ck_assert_int_eq(WEXITSTATUS(calls[0].status), 0);
}
END_TEST

START_TEST(unregister_stops_reports)
{
    apr_proc_t proc;
    int key, fd = fork_child(&proc, 0);

    apr_proc_other_child_register(&proc, maintenance, &key, NULL, p);
    apr_proc_other_child_unregister(&key);
    ck_assert_int_eq(ncalls, 1);
    ck_assert_int_eq(calls[0].reason, APR_OC_REASON_UNREGISTER);
    ck_assert_ptr_eq(calls[0].data, &key);

    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 1);
    let_end(&proc, fd);
    ck_assert_int_eq(apr_proc_wait(&proc, NULL, NULL, APR_WAIT),
                     APR_CHILD_DONE);
}
END_TEST

START_TEST(pool_cleanup_unregisters)
{
    apr_pool_t *sub;
    apr_proc_t proc;
    int key, fd = fork_child(&proc, 0);

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    apr_proc_other_child_register(&proc, maintenance, &key, NULL, sub);
    apr_pool_destroy(sub);
    ck_assert_int_eq(ncalls, 1);
    ck_assert_int_eq(calls[0].reason, APR_OC_REASON_UNREGISTER);
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 1);
    let_end(&proc, fd);
    ck_assert_int_eq(apr_proc_wait(&proc, NULL, NULL, APR_WAIT),
                     APR_CHILD_DONE);
}
END_TEST

START_TEST(alert_after_wait_all)
{
    apr_proc_t proc, any;
    apr_exit_why_e why;
    int key, code, fd = fork_child(&proc, 9);

    apr_proc_other_child_register(&proc, maintenance, &key, NULL, p);
    let_end(&proc, fd);
    /* The way a server finds it: reaping any child, then alerting. */
    ck_assert_int_eq(apr_proc_wait_all_procs(&any, &code, &why, APR_WAIT, p),
                     APR_CHILD_DONE);
    ck_assert_int_eq(any.pid, proc.pid);
    ck_assert_int_eq(apr_proc_other_child_alert(&any, APR_OC_REASON_DEATH,
                                                code), APR_SUCCESS);
    ck_assert_int_eq(ncalls, 1);
    ck_assert_int_eq(calls[0].reason, APR_OC_REASON_DEATH);
    ck_assert_ptr_eq(calls[0].data, &key);
    ck_assert_int_eq(calls[0].status, 9);
    /* Known dead: a refresh does not report it again. */
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 1);
}
END_TEST

START_TEST(alert_unknown)
{
    apr_proc_t proc, stranger;
    int key, fd = fork_child(&proc, 0);

    apr_proc_other_child_register(&proc, maintenance, &key, NULL, p);
    stranger.pid = proc.pid + 100000;
    ck_assert_int_eq(apr_proc_other_child_alert(&stranger,
                                                APR_OC_REASON_DEATH, 0),
                     APR_EPROC_UNKNOWN);
    ck_assert_int_eq(ncalls, 0);
    let_end(&proc, fd);
    ck_assert_int_eq(apr_proc_wait(&proc, NULL, NULL, APR_WAIT),
                     APR_CHILD_DONE);
}
END_TEST

START_TEST(lost_child)
{
    apr_proc_t proc, copy;
    int key, fd = fork_child(&proc, 0);

    copy = proc;
    apr_proc_other_child_register(&proc, maintenance, &key, NULL, p);
    /* Reaped behind the registry's back. */
    let_end(&copy, fd);
    ck_assert_int_eq(apr_proc_wait(&copy, NULL, NULL, APR_WAIT),
                     APR_CHILD_DONE);
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 1);
    ck_assert_int_eq(calls[0].reason, APR_OC_REASON_LOST);
    ck_assert_int_eq(calls[0].status, -1);
}
END_TEST

START_TEST(several_children)
{
    apr_proc_t a, b;
    int ka, kb, fa = fork_child(&a, 1), fb = fork_child(&b, 2);
    apr_file_t *wfd;
    apr_os_file_t osfd = fb;

    /* A write descriptor may be given; it is only remembered. */
    ck_assert_int_eq(apr_os_file_put(&wfd, &osfd, APR_FOPEN_WRITE, p),
                     APR_SUCCESS);
    apr_proc_other_child_register(&a, maintenance, &ka, NULL, p);
    apr_proc_other_child_register(&b, maintenance, &kb, wfd, p);
    let_end(&b, fb);
    apr_proc_other_child_refresh_all(APR_OC_REASON_RUNNING);
    ck_assert_int_eq(ncalls, 2);
    /* Each is told about itself. */
    ck_assert(calls[0].data == &kb ? calls[1].data == &ka
                                   : calls[1].data == &kb);
    ck_assert_int_eq(calls[0].data == &kb ? calls[0].reason : calls[1].reason,
                     APR_OC_REASON_DEATH);
    ck_assert_int_eq(calls[0].data == &ka ? calls[0].reason : calls[1].reason,
                     APR_OC_REASON_RUNNING);
    kill(a.pid, SIGKILL);
    close(fa);
    ck_assert_int_eq(apr_proc_wait(&a, NULL, NULL, APR_WAIT), APR_CHILD_DONE);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("otherchild");
    TCase *tc = apr_test_tcase("otherchild");

    tcase_add_test(tc, refresh_running_then_death);
    tcase_add_test(tc, death_whatever_reason);
    tcase_add_test(tc, unregister_stops_reports);
    tcase_add_test(tc, pool_cleanup_unregisters);
    tcase_add_test(tc, alert_after_wait_all);
    tcase_add_test(tc, alert_unknown);
    tcase_add_test(tc, lost_child);
    tcase_add_test(tc, several_children);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
