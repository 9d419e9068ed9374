/*
 * apr_thread_proc.h processes: apr_proc_create with pipes in every
 * blocking mode, exit statuses and signals, the command types and their
 * environments, directories, error checks and the child error function,
 * files as stdio, limits, apr_proc_fork, apr_proc_detach, apr_proc_kill,
 * apr_proc_wait(_all_procs) and the subprocesses a pool ends.
 *
 * The child program is proc_child (built beside this suite; its path is
 * PROC_CHILD_PATH): its first argument says what it does.
 */
#include "testutil.h"

#include "apr_thread_proc.h"
#include "apr_file_io.h"
#include "apr_strings.h"
#include "apr_time.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PROC_CHILD_PATH
#error "PROC_CHILD_PATH must name the proc_child helper"
#endif

/* Read f to EOF (waiting up to 10 s per read on a non-blocking end). */
static const char *read_all(apr_file_t *f)
{
    char buf[4096];
    apr_size_t total = 0, n;
    apr_status_t rv;

    apr_file_pipe_timeout_set(f, apr_time_from_sec(10));
    for (;;) {
        n = sizeof(buf) - 1 - total;
        if (n == 0)
            break;
        rv = apr_file_read(f, buf + total, &n);
        if (rv != APR_SUCCESS)
            break;
        total += n;
    }
    buf[total] = '\0';
    return apr_pstrdup(p, buf);
}

/* Run proc_child with args (after argv[0]) as APR_PROGRAM with pipes for
 * stdout and stderr; returns its stdout and exit status. */
static const char *run_child(apr_procattr_t *attr, const char *const *env,
                             const char *a1, const char *a2, int *code,
                             apr_exit_why_e *why)
{
    const char *args[] = { PROC_CHILD_PATH, a1, a2, NULL };
    apr_proc_t proc;
    const char *out;

    ck_assert_int_eq(apr_proc_create(&proc, PROC_CHILD_PATH, args, env, attr,
                                     p), APR_SUCCESS);
    ck_assert_ptr_nonnull(proc.out);
    out = read_all(proc.out);
    ck_assert_int_eq(apr_proc_wait(&proc, code, why, APR_WAIT),
                     APR_CHILD_DONE);
    return out;
}

static apr_procattr_t *new_attr(apr_int32_t in, apr_int32_t out,
                                apr_int32_t err)
{
    apr_procattr_t *attr;

    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_io_set(attr, in, out, err), APR_SUCCESS);
    return attr;
}

/* ---- pipes in each blocking mode ---------------------------------------- */

/* The timeout of our end: -1 for a blocking end, 0 for a non-blocking one. */
static apr_interval_time_t timeout_of(apr_file_t *f)
{
    apr_interval_time_t t = 12345;

    ck_assert_int_eq(apr_file_pipe_timeout_get(f, &t), APR_SUCCESS);
    return t;
}

/* The child's view: whether its fd 0 and 1 are non-blocking. */
static const char *child_nonblock(apr_int32_t mode)
{
    apr_procattr_t *attr = new_attr(mode, mode, APR_NO_PIPE);
    const char *args[] = { PROC_CHILD_PATH, "nonblock", NULL };
    apr_proc_t proc;
    const char *out;

    ck_assert_int_eq(apr_proc_create(&proc, PROC_CHILD_PATH, args, NULL,
                                     attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(proc.in), APR_SUCCESS);
    out = read_all(proc.out);
    ck_assert_int_eq(apr_proc_wait(&proc, NULL, NULL, APR_WAIT),
                     APR_CHILD_DONE);
    return out;
}

static void cat_through(apr_int32_t mode, apr_interval_time_t parent_timeout,
                        const char *child_view)
{
    const char *args[] = { PROC_CHILD_PATH, "cat", NULL };
    apr_procattr_t *attr = new_attr(mode, mode, APR_NO_PIPE);
    const char *msg = "through the child and back\n";
    apr_size_t n = strlen(msg);
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    ck_assert_int_eq(apr_proc_create(&proc, PROC_CHILD_PATH, args, NULL,
                                     attr, p), APR_SUCCESS);
    ck_assert_int_gt(proc.pid, 0);
    ck_assert_ptr_nonnull(proc.in);
    ck_assert_ptr_nonnull(proc.out);
    ck_assert_ptr_null(proc.err);
    ck_assert_int_eq(timeout_of(proc.in), parent_timeout);
    ck_assert_int_eq(timeout_of(proc.out), parent_timeout);

    apr_file_pipe_timeout_set(proc.in, apr_time_from_sec(10));
    ck_assert_int_eq(apr_file_write_full(proc.in, msg, n, NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(proc.in), APR_SUCCESS);
    ck_assert_str_eq(read_all(proc.out), msg);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert_int_eq(code, 0);
    ck_assert_str_eq(child_nonblock(mode), child_view);
}

START_TEST(pipe_full_block)
{
    cat_through(APR_FULL_BLOCK, -1, "00");
}
END_TEST

START_TEST(pipe_full_nonblock)
{
    cat_through(APR_FULL_NONBLOCK, 0, "11");
}
END_TEST

START_TEST(pipe_parent_block)
{
    /* Only our ends block: the child's are non-blocking. */
    cat_through(APR_PARENT_BLOCK, -1, "11");
}
END_TEST

START_TEST(pipe_child_block)
{
    cat_through(APR_CHILD_BLOCK, 0, "00");
}
END_TEST

START_TEST(stderr_pipe_and_exit_code)
{
    const char *args[] = { PROC_CHILD_PATH, "stderr", "on stderr", NULL };
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_NO_PIPE, APR_FULL_BLOCK);
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    ck_assert_int_eq(apr_proc_create(&proc, PROC_CHILD_PATH, args, NULL,
                                     attr, p), APR_SUCCESS);
    ck_assert_ptr_null(proc.in);
    ck_assert_ptr_null(proc.out);
    ck_assert_str_eq(read_all(proc.err), "on stderr");
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, 0);

    attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    run_child(attr, NULL, "exit", "37", &code, &why);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert(APR_PROC_CHECK_EXIT(why));
    ck_assert(!APR_PROC_CHECK_SIGNALED(why));
    ck_assert_int_eq(code, 37);
}
END_TEST

START_TEST(no_file_closes_descriptor)
{
    apr_procattr_t *attr = new_attr(APR_NO_FILE, APR_FULL_BLOCK, APR_NO_FILE);
    apr_exit_why_e why = 0;
    int code = -1;

    ck_assert_str_eq(run_child(attr, NULL, "fds", NULL, &code, &why),
                     "-1-\n");
    ck_assert_int_eq(code, 1 | 4);
}
END_TEST

/* ---- signals --------------------------------------------------------------- */

START_TEST(killed_by_signal)
{
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    struct rlimit nocore = { 0, 0 };
    apr_exit_why_e why = 0;
    int code = -1;

    /* No core file whatever the system's settings. */
    ck_assert_int_eq(setrlimit(RLIMIT_CORE, &nocore), 0);
    run_child(attr, NULL, "signal", apr_itoa(p, SIGUSR1), &code, &why);
    ck_assert_int_eq(why, APR_PROC_SIGNAL);
    ck_assert(APR_PROC_CHECK_SIGNALED(why));
    ck_assert(!APR_PROC_CHECK_EXIT(why));
    ck_assert(!APR_PROC_CHECK_CORE_DUMP(why));
    ck_assert_int_eq(code, SIGUSR1);
}
END_TEST

static void start_child(apr_proc_t *proc, const char *a1, const char *a2,
                        int wait_ready);

START_TEST(kill_and_nowait)
{
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    start_child(&proc, "tsleep", NULL, 1);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_NOWAIT),
                     APR_CHILD_NOTDONE);
    ck_assert_int_eq(apr_proc_kill(&proc, SIGTERM), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_SIGNAL);
    ck_assert_int_eq(code, SIGTERM);
    /* Reaped: it is no longer our child. */
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_NOWAIT), ECHILD);
    ck_assert_int_eq(apr_proc_kill(&proc, 0), ESRCH);
}
END_TEST

START_TEST(core_dump_reported)
{
    /* The shell raises SIGQUIT on itself in a scratch directory; whether a
     * core is written depends on the system (core_pattern, limits). */
    const char *args[] = { "kill -QUIT $$", NULL };
    struct rlimit core = { RLIM_INFINITY, RLIM_INFINITY };
    char dir[] = "/tmp/apr_test_core_XXXXXX", buf[64] = "";
    apr_procattr_t *attr;
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1, can_dump;
    FILE *f;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    can_dump = setrlimit(RLIMIT_CORE, &core) == 0;
    f = fopen("/proc/sys/kernel/core_pattern", "r");
    if (f) {
        if (!fgets(buf, sizeof(buf), f) || buf[0] == '|')
            can_dump = 0;
        fclose(f);
    }
    else {
        can_dump = 0;
    }
    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_cmdtype_set(attr, APR_SHELLCMD),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_dir_set(attr, dir), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, "/bin/sh", args, NULL, attr, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert(APR_PROC_CHECK_SIGNALED(why));
    ck_assert_int_eq(code, SIGQUIT);
    if (can_dump)
        ck_assert_int_eq(why, APR_PROC_SIGNAL | APR_PROC_SIGNAL_CORE);
    if (APR_PROC_CHECK_CORE_DUMP(why))
        ck_assert_int_eq(why, APR_PROC_SIGNAL | APR_PROC_SIGNAL_CORE);
    /* Remove whatever core file the system wrote. */
    ck_assert_int_eq(system(apr_psprintf(p, "rm -rf '%s'", dir)), 0);
}
END_TEST

START_TEST(wait_all_procs)
{
    const char *args[] = { PROC_CHILD_PATH, "exit", "5", NULL };
    apr_procattr_t *attr;
    apr_exit_why_e why = 0;
    apr_proc_t proc, any;
    int code = -1;

    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, PROC_CHILD_PATH, args, NULL,
                                     attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_wait_all_procs(&any, &code, &why, APR_WAIT, p),
                     APR_CHILD_DONE);
    ck_assert_int_eq(any.pid, proc.pid);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert_int_eq(code, 5);
    /* No child left. */
    ck_assert_int_eq(apr_proc_wait_all_procs(&any, &code, &why, APR_NOWAIT,
                                             p), ECHILD);
}
END_TEST

/* ---- command types and environments --------------------------------------- */

START_TEST(program_env_passing)
{
    const char *env[] = { "A=1", "B=two", NULL };
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    apr_exit_why_e why;
    int code;

    ck_assert_str_eq(run_child(attr, env, "env", "B", &code, &why), "two");
    attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    ck_assert_str_eq(run_child(attr, env, "envcount", NULL, &code, &why),
                     "2");
    /* APR_PROGRAM with no environment: an empty one. */
    attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    ck_assert_str_eq(run_child(attr, NULL, "envcount", NULL, &code, &why),
                     "0");
}
END_TEST

START_TEST(program_env_inherits)
{
    const char *env[] = { "APR_TEST_VAR=given", NULL };
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    apr_exit_why_e why;
    int code;

    ck_assert_int_eq(setenv("APR_TEST_VAR", "inherited", 1), 0);
    ck_assert_int_eq(apr_procattr_cmdtype_set(attr, APR_PROGRAM_ENV),
                     APR_SUCCESS);
    /* The given environment is ignored: ours is inherited. */
    ck_assert_str_eq(run_child(attr, env, "env", "APR_TEST_VAR", &code, &why),
                     "inherited");
    ck_assert_int_eq(code, 0);
}
END_TEST

START_TEST(program_path_search)
{
    char *dir = apr_pstrdup(p, PROC_CHILD_PATH);
    const char *args[] = { "proc_child", "echo", "found", "in", "PATH", NULL };
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    *strrchr(dir, '/') = '\0';
    ck_assert_int_eq(setenv("PATH", apr_pstrcat(p, "/nonexistent:", dir,
                                                NULL), 1), 0);
    ck_assert_int_eq(apr_procattr_cmdtype_set(attr, APR_PROGRAM_PATH),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, "proc_child", args, NULL, attr,
                                     p), APR_SUCCESS);
    ck_assert_str_eq(read_all(proc.out), "found in PATH");
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert_int_eq(code, 0);
}
END_TEST

static const char *run_shell(apr_cmdtype_e type, const char *const *args,
                             const char *const *env)
{
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    const char *out;
    int code = -1;

    ck_assert_int_eq(apr_procattr_cmdtype_set(attr, type), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, env, attr, p),
                     APR_SUCCESS);
    out = read_all(proc.out);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, 0);
    return out;
}

START_TEST(shellcmd)
{
    const char *one[] = { "echo $((6 * 7)) | tr 4 X", NULL };
    const char *joined[] = { PROC_CHILD_PATH, "echo", "a", "b;", "echo", "c",
                             NULL };
    const char *env[] = { "FOO=from env", NULL };
    const char *var[] = { "echo \"$FOO\"", NULL };

    /* A single argument is the command line. */
    ck_assert_str_eq(run_shell(APR_SHELLCMD, one, NULL), "X2\n");
    /* Several are joined with spaces: the shell sees the ';'. */
    ck_assert_str_eq(run_shell(APR_SHELLCMD, joined, NULL), "a bc\n");
    ck_assert_str_eq(run_shell(APR_SHELLCMD, var, env), "from env\n");
    /* APR_SHELLCMD_ENV inherits ours, ignoring env. */
    ck_assert_int_eq(setenv("FOO", "inherited", 1), 0);
    ck_assert_str_eq(run_shell(APR_SHELLCMD_ENV, var, env), "inherited\n");
}
END_TEST

/* ---- directory, errors ------------------------------------------------------- */

START_TEST(dir_set)
{
    char dir[] = "/tmp/apr_test_dir_XXXXXX";
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    char real[4096];
    apr_exit_why_e why;
    int code;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_ptr_nonnull(realpath(dir, real));
    ck_assert_int_eq(apr_procattr_dir_set(attr, dir), APR_SUCCESS);
    ck_assert_str_eq(run_child(attr, NULL, "pwd", NULL, &code, &why), real);
    ck_assert_int_eq(code, 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* The child error function runs in the child: it reports through this
 * pipe, which the child inherits. */
static int errfn_pipe[2];

static void report_error(apr_pool_t *pool, apr_status_t err,
                         const char *description)
{
    char buf[512];
    int n;

    (void)pool;
    n = snprintf(buf, sizeof(buf), "%d:%s", err, description);
    (void)!write(errfn_pipe[1], buf, (size_t)n);
}

static const char *read_errfn_pipe(void)
{
    char buf[512];
    ssize_t n;

    close(errfn_pipe[1]);
    n = read(errfn_pipe[0], buf, sizeof(buf) - 1);
    close(errfn_pipe[0]);
    buf[n > 0 ? n : 0] = '\0';
    return apr_pstrdup(p, buf);
}

START_TEST(error_check_before_fork)
{
    const char *args[] = { "/nonexistent/program", NULL };
    apr_procattr_t *attr;
    apr_proc_t proc;

    ck_assert_int_eq(pipe(errfn_pipe), 0);
    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_error_check_set(attr, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_child_errfn_set(attr, report_error),
                     APR_SUCCESS);
    /* Found missing in the parent: no child, no call. */
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_ENOENT);
    ck_assert_int_eq(apr_procattr_dir_set(attr, "/nonexistent/dir"),
                     APR_SUCCESS);
    args[0] = PROC_CHILD_PATH;
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_ENOENT);
    ck_assert_str_eq(read_errfn_pipe(), "");
}
END_TEST

START_TEST(errfn_called_in_child_on_exec_failure)
{
    const char *args[] = { "apr-test-no-such-program", NULL };
    apr_procattr_t *attr;
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    ck_assert_int_eq(pipe(errfn_pipe), 0);
    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_cmdtype_set(attr, APR_PROGRAM_PATH),
                     APR_SUCCESS);
    /* A PATH search is not checked before forking. */
    ck_assert_int_eq(apr_procattr_error_check_set(attr, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_child_errfn_set(attr, report_error),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert_int_eq(code, 255);
    ck_assert_str_eq(read_errfn_pipe(),
                     apr_psprintf(p, "%d:exec of '%s' failed", ENOENT,
                                  args[0]));
}
END_TEST

START_TEST(errfn_called_in_child_on_bad_dir)
{
    const char *args[] = { PROC_CHILD_PATH, "exit", "0", NULL };
    apr_procattr_t *attr;
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    ck_assert_int_eq(pipe(errfn_pipe), 0);
    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_dir_set(attr, "/nonexistent/dir"),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_child_errfn_set(attr, report_error),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, 255);
    ck_assert_str_eq(read_errfn_pipe(),
                     apr_psprintf(p, "%d:change of working directory failed",
                                  ENOENT));
}
END_TEST

/* ---- files as the child's stdio ----------------------------------------------- */

START_TEST(child_files_set)
{
    const char *args[] = { PROC_CHILD_PATH, "cat", NULL };
    char in_name[] = "/tmp/apr_test_in_XXXXXX";
    char out_name[] = "/tmp/apr_test_out_XXXXXX";
    apr_file_t *in, *out;
    apr_procattr_t *attr;
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    char buf[64] = "";
    apr_size_t n = sizeof(buf) - 1;
    int code = -1;

    ck_assert_int_eq(apr_file_mktemp(&in, in_name, 0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_mktemp(&out, out_name, 0, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_puts("from a file", in), APR_SUCCESS);
    apr_off_t off = 0;
    ck_assert_int_eq(apr_file_seek(in, APR_SET, &off), APR_SUCCESS);

    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_child_in_set(attr, in, NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_child_out_set(attr, out, NULL),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_SUCCESS);
    ck_assert_ptr_null(proc.in);
    ck_assert_ptr_null(proc.out);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, 0);

    off = 0;
    ck_assert_int_eq(apr_file_seek(out, APR_SET, &off), APR_SUCCESS);
    ck_assert_int_eq(apr_file_read(out, buf, &n), APR_SUCCESS);
    buf[n] = '\0';
    ck_assert_str_eq(buf, "from a file");
}
END_TEST

START_TEST(child_in_set_makes_pipe)
{
    const char *args[] = { PROC_CHILD_PATH, "cat", NULL };
    apr_procattr_t *attr;
    apr_file_t *r, *w;
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    int code = -1;

    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    /* Nothing set and nothing given: a pipe for stdin. */
    ck_assert_int_eq(apr_procattr_child_in_set(attr, NULL, NULL),
                     APR_SUCCESS);
    /* Stdout: the child gets the write end of our own pipe. */
    ck_assert_int_eq(apr_file_pipe_create(&r, &w, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_child_out_set(attr, w, NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_SUCCESS);
    ck_assert_ptr_nonnull(proc.in);
    ck_assert_int_eq(apr_file_puts("piped", proc.in), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(proc.in), APR_SUCCESS);
    ck_assert_int_eq(apr_file_close(w), APR_SUCCESS);
    ck_assert_str_eq(read_all(r), "piped");
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, 0);
}
END_TEST

/* ---- limits, users, other attributes ------------------------------------------ */

START_TEST(limit_nofile)
{
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    struct rlimit lim = { 50, 50 };
    apr_exit_why_e why;
    int code;

    ck_assert_int_eq(apr_procattr_limit_set(attr, APR_LIMIT_NOFILE, &lim),
                     APR_SUCCESS);
    ck_assert_str_eq(run_child(attr, NULL, "nofile", NULL, &code, &why),
                     "50");
    ck_assert_int_eq(code, 0);
}
END_TEST

START_TEST(user_and_group_lookup)
{
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    apr_exit_why_e why;
    char *user, *group;
    apr_uid_t uid;
    apr_gid_t gid;
    int code;

    ck_assert_int_eq(apr_procattr_user_set(attr, "apr-no-such-user", NULL),
                     APR_ENOENT);
    ck_assert_int_eq(apr_procattr_group_set(attr, "apr-no-such-group"),
                     APR_ENOENT);
    /* Ourselves: valid, and a no-op whether or not we are root. */
    ck_assert_int_eq(apr_uid_current(&uid, &gid, p), APR_SUCCESS);
    ck_assert_int_eq(apr_uid_name_get(&user, uid, p), APR_SUCCESS);
    ck_assert_int_eq(apr_gid_name_get(&group, gid, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_user_set(attr, user, NULL), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_group_set(attr, group), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_addrspace_set(attr, 1), APR_SUCCESS);
    ck_assert_str_eq(run_child(attr, NULL, "echo", "ran", &code, &why),
                     "ran");
    ck_assert_int_eq(code, 0);
}
END_TEST

static int perms_pipe[2];

static apr_status_t perms_cb(void *object, apr_fileperms_t perms,
                             apr_uid_t uid, apr_gid_t gid)
{
    char buf[128];
    int n = snprintf(buf, sizeof(buf), "%s %x %d %d", (const char *)object,
                     (unsigned)perms, (int)uid, (int)gid);

    (void)!write(perms_pipe[1], buf, (size_t)n);
    return APR_SUCCESS;
}

START_TEST(perms_set_callback_only_as_root)
{
    apr_procattr_t *attr = new_attr(APR_NO_PIPE, APR_FULL_BLOCK, APR_NO_PIPE);
    apr_exit_why_e why;
    char buf[128];
    ssize_t n;
    int code;

    ck_assert_int_eq(pipe(perms_pipe), 0);
    ck_assert_int_eq(apr_procattr_perms_set_register(attr, perms_cb,
                                                     (void *)"obj", 0x640),
                     APR_SUCCESS);
    run_child(attr, NULL, "exit", "0", &code, &why);
    ck_assert_int_eq(code, 0);
    close(perms_pipe[1]);
    n = read(perms_pipe[0], buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = '\0';
    /* Called only when we are root; with no user or group set, -1. */
    ck_assert_str_eq(buf, geteuid() == 0 ? "obj 640 -1 -1" : "");
}
END_TEST

/* ---- fork, detach ---------------------------------------------------------------- */

START_TEST(proc_fork)
{
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    apr_status_t rv;
    int code = -1;

    rv = apr_proc_fork(&proc, p);
    if (rv == APR_INCHILD)
        _exit(proc.pid == getpid() ? 21 : 1);
    ck_assert_int_eq(rv, APR_INPARENT);
    ck_assert_int_gt(proc.pid, 0);
    ck_assert_ptr_null(proc.in);
    ck_assert_ptr_null(proc.out);
    ck_assert_ptr_null(proc.err);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert_int_eq(code, 21);
}
END_TEST

/* In a forked child: detach, then report through fd what the detached
 * process is: "<leads its session> <cwd> <stdin is /dev/null>". */
static void detach_and_report(int daemonize, int fd)
{
    struct stat st, devnull;
    char cwd[512] = "";
    char buf[700];
    apr_status_t rv;
    int n;

    rv = apr_proc_detach(daemonize);
    if (!getcwd(cwd, sizeof(cwd)))
        cwd[0] = '?';
    n = snprintf(buf, sizeof(buf), "%d %d %s %d", rv, getsid(0) == getpid(),
                 cwd, fstat(0, &st) == 0 && stat("/dev/null", &devnull) == 0
                          && st.st_rdev == devnull.st_rdev);
    (void)!write(fd, buf, (size_t)n);
    _exit(0);
}

static const char *detach_in_child(int daemonize, int *code)
{
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    apr_status_t rv;
    char buf[700];
    ssize_t n, total = 0;
    int fds[2];

    ck_assert_int_eq(pipe(fds), 0);
    rv = apr_proc_fork(&proc, p);
    if (rv == APR_INCHILD) {
        close(fds[0]);
        detach_and_report(daemonize, fds[1]);
    }
    ck_assert_int_eq(rv, APR_INPARENT);
    close(fds[1]);
    ck_assert_int_eq(apr_proc_wait(&proc, code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    /* EOF once the (grand)child that holds the pipe has exited. */
    while ((n = read(fds[0], buf + total, sizeof(buf) - 1 - (size_t)total))
           > 0)
        total += n;
    close(fds[0]);
    buf[total] = '\0';
    return apr_pstrdup(p, buf);
}

START_TEST(proc_detach_daemonize)
{
    int code = -1;

    /* The forked child's own process exits 0 at once; the grandchild
     * reports: a session leader in "/", with stdin on /dev/null. */
    ck_assert_str_eq(detach_in_child(APR_PROC_DETACH_DAEMONIZE, &code),
                     "0 1 / 1");
    ck_assert_int_eq(code, 0);
}
END_TEST

START_TEST(proc_detach_foreground)
{
    int code = -1;

    ck_assert_str_eq(detach_in_child(APR_PROC_DETACH_FOREGROUND, &code),
                     "0 1 / 1");
    ck_assert_int_eq(code, 0);
}
END_TEST

START_TEST(procattr_detach_set)
{
    char dir[] = "/tmp/apr_test_detach_XXXXXX";
    const char *file, *args[] = { PROC_CHILD_PATH, "session", NULL, NULL };
    apr_procattr_t *attr;
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    char buf[600] = "";
    FILE *f = NULL;
    int code = -1, i;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    args[2] = file = apr_pstrcat(p, dir, "/report", NULL);
    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    ck_assert_int_eq(apr_procattr_detach_set(attr, 1), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(&proc, args[0], args, NULL, attr, p),
                     APR_SUCCESS);
    /* The pid we have is the one that forked the program and exited. */
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(why, APR_PROC_EXIT);
    ck_assert_int_eq(code, 0);
    for (i = 0; i < 1000 && !(f = fopen(file, "r")); i++)
        apr_sleep(10000);
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), f));
    fclose(f);
    ck_assert_str_eq(buf, "1 /");
    ck_assert_int_eq(unlink(file), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* ---- subprocesses of a pool ------------------------------------------------------ */

/* Start proc_child a1 in the caller's proc; with wait_ready, read its
 * "ready" first. A child that gets SIGTERM must have exec'd first: before
 * that it still runs Check's handler, which passes SIGTERM on to the whole
 * test. */
static void start_child(apr_proc_t *proc, const char *a1, const char *a2,
                        int wait_ready)
{
    const char *args[] = { PROC_CHILD_PATH, a1, a2, NULL };
    apr_procattr_t *attr;
    char buf[8];
    apr_size_t n = 5;

    ck_assert_int_eq(apr_procattr_create(&attr, p), APR_SUCCESS);
    if (wait_ready)
        ck_assert_int_eq(apr_procattr_io_set(attr, APR_NO_PIPE,
                                             APR_FULL_BLOCK, APR_NO_PIPE),
                         APR_SUCCESS);
    ck_assert_int_eq(apr_proc_create(proc, args[0], args, NULL, attr, p),
                     APR_SUCCESS);
    if (wait_ready) {
        ck_assert_int_eq(apr_file_read_full(proc->out, buf, n, NULL),
                         APR_SUCCESS);
        ck_assert(memcmp(buf, "ready", 5) == 0);
    }
}

/* Destroy a pool noting proc with how; returns the seconds it took. */
static double destroy_noting(apr_proc_t *proc, apr_kill_conditions_e how)
{
    apr_pool_t *sub;
    apr_time_t start;

    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    apr_pool_note_subprocess(sub, proc, how);
    start = apr_time_now();
    apr_pool_destroy(sub);
    return (double)(apr_time_now() - start) / APR_USEC_PER_SEC;
}

/* Reaped by the pool: no longer our child. */
static void assert_reaped(apr_proc_t *proc)
{
    ck_assert_int_eq(waitpid(proc->pid, NULL, WNOHANG), -1);
    ck_assert_int_eq(errno, ECHILD);
}

START_TEST(note_kill_always)
{
    apr_proc_t proc;

    /* SIGKILL: ignoring SIGTERM does not help. */
    start_child(&proc, "ignterm", NULL, 1);
    ck_assert_double_lt(destroy_noting(&proc, APR_KILL_ALWAYS), 2.0);
    assert_reaped(&proc);
}
END_TEST

START_TEST(note_kill_after_timeout_term)
{
    apr_proc_t proc;

    /* SIGTERM ends it: no need to wait the 3 seconds. */
    start_child(&proc, "tsleep", NULL, 1);
    ck_assert_double_lt(destroy_noting(&proc, APR_KILL_AFTER_TIMEOUT), 2.5);
    assert_reaped(&proc);
}
END_TEST

START_TEST(note_kill_after_timeout_kill)
{
    apr_proc_t proc;
    double t;

    /* SIGTERM is ignored: SIGKILL after the 3 seconds. */
    start_child(&proc, "ignterm", NULL, 1);
    t = destroy_noting(&proc, APR_KILL_AFTER_TIMEOUT);
    ck_assert_double_ge(t, 2.9);
    ck_assert_double_lt(t, 60.0);
    assert_reaped(&proc);
}
END_TEST

START_TEST(note_kill_only_once)
{
    apr_proc_t proc;

    start_child(&proc, "tsleep", NULL, 1);
    ck_assert_double_lt(destroy_noting(&proc, APR_KILL_ONLY_ONCE), 2.5);
    assert_reaped(&proc);
}
END_TEST

START_TEST(note_just_wait)
{
    apr_proc_t proc;

    /* No signal: the pool waits for the child to end by itself. */
    start_child(&proc, "nap", "300", 0);
    ck_assert_double_ge(destroy_noting(&proc, APR_JUST_WAIT), 0.25);
    assert_reaped(&proc);
}
END_TEST

START_TEST(note_kill_never)
{
    apr_exit_why_e why = 0;
    apr_proc_t proc;
    siginfo_t info;
    int code = -1;

    start_child(&proc, "sleep", NULL, 0);
    ck_assert_double_lt(destroy_noting(&proc, APR_KILL_NEVER), 2.0);
    /* Left alone. */
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_NOWAIT),
                     APR_CHILD_NOTDONE);
    ck_assert_int_eq(apr_proc_kill(&proc, SIGKILL), APR_SUCCESS);
    ck_assert_int_eq(apr_proc_wait(&proc, &code, &why, APR_WAIT),
                     APR_CHILD_DONE);
    ck_assert_int_eq(code, SIGKILL);

    /* One that has already ended is reaped even so. */
    start_child(&proc, "exit", "0", 0);
    ck_assert_int_eq(waitid(P_PID, (id_t)proc.pid, &info, WEXITED | WNOWAIT),
                     0);
    destroy_noting(&proc, APR_KILL_NEVER);
    assert_reaped(&proc);
}
END_TEST

START_TEST(note_on_clear)
{
    apr_pool_t *sub;
    apr_proc_t proc;

    start_child(&proc, "sleep", NULL, 0);
    ck_assert_int_eq(apr_pool_create(&sub, p), APR_SUCCESS);
    apr_pool_note_subprocess(sub, &proc, APR_KILL_ALWAYS);
    apr_pool_clear(sub);
    assert_reaped(&proc);
    /* Cleared: a second clear does nothing more to it. */
    apr_pool_clear(sub);
    apr_pool_destroy(sub);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("procs");
    TCase *tc = apr_test_tcase("pipes and status");
    TCase *tc2 = apr_test_tcase("commands");
    TCase *tc3 = apr_test_tcase("fork and detach");
    TCase *tc4 = apr_test_tcase("pool subprocesses");

    tcase_add_test(tc, pipe_full_block);
    tcase_add_test(tc, pipe_full_nonblock);
    tcase_add_test(tc, pipe_parent_block);
    tcase_add_test(tc, pipe_child_block);
    tcase_add_test(tc, stderr_pipe_and_exit_code);
    tcase_add_test(tc, no_file_closes_descriptor);
    tcase_add_test(tc, killed_by_signal);
    tcase_add_test(tc, kill_and_nowait);
    tcase_add_test(tc, core_dump_reported);
    tcase_add_test(tc, wait_all_procs);
    suite_add_tcase(s, tc);

    tcase_add_test(tc2, program_env_passing);
    tcase_add_test(tc2, program_env_inherits);
    tcase_add_test(tc2, program_path_search);
    tcase_add_test(tc2, shellcmd);
    tcase_add_test(tc2, dir_set);
    tcase_add_test(tc2, error_check_before_fork);
    tcase_add_test(tc2, errfn_called_in_child_on_exec_failure);
    tcase_add_test(tc2, errfn_called_in_child_on_bad_dir);
    tcase_add_test(tc2, child_files_set);
    tcase_add_test(tc2, child_in_set_makes_pipe);
    tcase_add_test(tc2, limit_nofile);
    tcase_add_test(tc2, user_and_group_lookup);
    tcase_add_test(tc2, perms_set_callback_only_as_root);
    suite_add_tcase(s, tc2);

    tcase_add_test(tc3, proc_fork);
    tcase_add_test(tc3, proc_detach_daemonize);
    tcase_add_test(tc3, proc_detach_foreground);
    tcase_add_test(tc3, procattr_detach_set);
    suite_add_tcase(s, tc3);

    tcase_add_test(tc4, note_kill_always);
    tcase_add_test(tc4, note_kill_after_timeout_term);
    tcase_add_test(tc4, note_kill_after_timeout_kill);
    tcase_add_test(tc4, note_kill_only_once);
    tcase_add_test(tc4, note_just_wait);
    tcase_add_test(tc4, note_kill_never);
    tcase_add_test(tc4, note_on_clear);
    suite_add_tcase(s, tc4);
    return s;
}

APR_TEST_MAIN(make_suite)
