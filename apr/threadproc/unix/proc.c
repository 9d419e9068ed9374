/*
 * Child processes: their attributes, apr_proc_create (fork and exec),
 * apr_proc_fork, apr_proc_wait and apr_proc_kill.
 *
 * What runs in the child between fork() and exec() follows APR 1.7 step
 * by step (callers such as httpd's mod_cgid depend on the order): the
 * child's stdio ends lose their pool cleanups, the pools' exec cleanups
 * run, the ends become descriptors 0-2, then the directory, the
 * permission callbacks, group, user and limits, then exec. A failure
 * there calls the child error function and ends the child with status
 * 255 (_exit(-1)).
 */
#include "apr_arch_threadproc.h"
#include "apr_arch_file_io.h"
#include "apr_strings.h"
#include "apr_random.h"
#include "apr_user.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL_PATH "/bin/sh"

/* The child end of APR_NO_FILE: the child's descriptor is closed. */
static apr_file_t no_file = { .filedes = -1 };

APR_DECLARE(apr_status_t) apr_procattr_create(apr_procattr_t **new_attr,
                                              apr_pool_t *pool)
{
    apr_procattr_t *attr = apr_pcalloc(pool, sizeof(*attr));

    attr->pool = pool;
    attr->cmdtype = APR_PROGRAM;
    attr->uid = (uid_t)-1;
    attr->gid = (gid_t)-1;
    *new_attr = attr;
    return APR_SUCCESS;
}

/* A pipe for one of the child's stdio descriptors; child_reads says
 * which end is the child's. Our end is not inherited. */
static apr_status_t make_pipe(apr_file_t **child, apr_file_t **parent,
                              int child_reads, apr_int32_t how,
                              apr_pool_t *pool)
{
    apr_status_t rv;

    if (how == APR_NO_FILE) {
        *child = &no_file;
        return APR_SUCCESS;
    }
    if (how == APR_NO_PIPE)
        return APR_SUCCESS;
    if (child_reads) {
        /* APR_PARENT_BLOCK/APR_CHILD_BLOCK name the sides, while
         * APR_WRITE_BLOCK/APR_READ_BLOCK (same values) name the ends: the
         * parent writes to stdin, so the two swap. */
        if (how == APR_CHILD_BLOCK)
            how = APR_READ_BLOCK;
        else if (how == APR_PARENT_BLOCK)
            how = APR_WRITE_BLOCK;
        rv = apr_file_pipe_create_ex(child, parent, how, pool);
    }
    else {
        rv = apr_file_pipe_create_ex(parent, child, how, pool);
    }
    if (rv != APR_SUCCESS)
        return rv;
    return apr_file_inherit_unset(*parent);
}

APR_DECLARE(apr_status_t) apr_procattr_io_set(apr_procattr_t *attr,
                                              apr_int32_t in, apr_int32_t out,
                                              apr_int32_t err)
{
    apr_status_t rv;

    rv = make_pipe(&attr->child_in, &attr->parent_in, 1, in, attr->pool);
    if (rv == APR_SUCCESS)
        rv = make_pipe(&attr->child_out, &attr->parent_out, 0, out,
                       attr->pool);
    if (rv == APR_SUCCESS)
        rv = make_pipe(&attr->child_err, &attr->parent_err, 0, err,
                       attr->pool);
    return rv;
}

/* What apr_procattr_child_{in,out,err}_set share: with nothing set and
 * nothing given, a blocking pipe; then the given files are duplicated
 * into place (onto an existing descriptor where there is one). */
static apr_status_t child_file_set(apr_procattr_t *attr, apr_file_t **cslot,
                                   apr_file_t **pslot, int child_reads,
                                   apr_file_t *child, apr_file_t *parent)
{
    apr_status_t rv = APR_SUCCESS;

    if (!*cslot && !*pslot && !child && !parent)
        rv = make_pipe(cslot, pslot, child_reads, APR_FULL_BLOCK, attr->pool);
    if (child && rv == APR_SUCCESS) {
        if (*cslot && (*cslot)->filedes != -1) {
            rv = apr_file_dup2(*cslot, child, attr->pool);
        }
        else {
            *cslot = NULL;
            rv = apr_file_dup(cslot, child, attr->pool);
            if (rv == APR_SUCCESS)
                rv = apr_file_inherit_set(*cslot);
        }
    }
    if (parent && rv == APR_SUCCESS) {
        if (*pslot)
            rv = apr_file_dup2(*pslot, parent, attr->pool);
        else
            rv = apr_file_dup(pslot, parent, attr->pool);
    }
    return rv;
}

APR_DECLARE(apr_status_t) apr_procattr_child_in_set(struct apr_procattr_t *attr,
                                                    apr_file_t *child_in,
                                                    apr_file_t *parent_in)
{
    return child_file_set(attr, &attr->child_in, &attr->parent_in, 1,
                          child_in, parent_in);
}

APR_DECLARE(apr_status_t) apr_procattr_child_out_set(
    struct apr_procattr_t *attr, apr_file_t *child_out,
    apr_file_t *parent_out)
{
    return child_file_set(attr, &attr->child_out, &attr->parent_out, 0,
                          child_out, parent_out);
}

APR_DECLARE(apr_status_t) apr_procattr_child_err_set(
    struct apr_procattr_t *attr, apr_file_t *child_err,
    apr_file_t *parent_err)
{
    return child_file_set(attr, &attr->child_err, &attr->parent_err, 0,
                          child_err, parent_err);
}

APR_DECLARE(apr_status_t) apr_procattr_dir_set(apr_procattr_t *attr,
                                               const char *dir)
{
    attr->currdir = apr_pstrdup(attr->pool, dir);
    return attr->currdir ? APR_SUCCESS : APR_ENOMEM;
}

APR_DECLARE(apr_status_t) apr_procattr_cmdtype_set(apr_procattr_t *attr,
                                                   apr_cmdtype_e cmd)
{
    attr->cmdtype = cmd;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_procattr_detach_set(apr_procattr_t *attr,
                                                  apr_int32_t detach)
{
    attr->detached = detach;
    return APR_SUCCESS;
}

#if APR_HAVE_STRUCT_RLIMIT
APR_DECLARE(apr_status_t) apr_procattr_limit_set(apr_procattr_t *attr,
                                                 apr_int32_t what,
                                                 struct rlimit *limit)
{
    struct rlimit **slot;

    switch (what) {
    case APR_LIMIT_CPU:
        slot = &attr->limit_cpu;
        break;
    case APR_LIMIT_MEM:
        slot = &attr->limit_mem;
        break;
    case APR_LIMIT_NPROC:
#ifdef RLIMIT_NPROC
        slot = &attr->limit_nproc;
        break;
#else
        return APR_ENOTIMPL;
#endif
    case APR_LIMIT_NOFILE:
        slot = &attr->limit_nofile;
        break;
    default:
        /* APR ignores an unknown limit and reports success. */
        return APR_SUCCESS;
    }
    *slot = apr_pmemdup(attr->pool, limit, sizeof(*limit));
    return APR_SUCCESS;
}
#endif

APR_DECLARE(apr_status_t) apr_procattr_child_errfn_set(
    apr_procattr_t *attr, apr_child_errfn_t *errfn)
{
    attr->errfn = errfn;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_procattr_error_check_set(apr_procattr_t *attr,
                                                       apr_int32_t chk)
{
    attr->errchk = chk;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_procattr_addrspace_set(apr_procattr_t *attr,
                                                     apr_int32_t addrspace)
{
    (void)attr;
    (void)addrspace;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_procattr_user_set(apr_procattr_t *attr,
                                                const char *username,
                                                const char *password)
{
    apr_gid_t gid;
    apr_status_t rv;

    (void)password;
    rv = apr_uid_get(&attr->uid, &gid, username, attr->pool);
    if (rv != APR_SUCCESS) {
        attr->uid = (uid_t)-1;
        return rv;
    }
    if (attr->gid == (gid_t)-1)
        attr->gid = gid;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_procattr_group_set(apr_procattr_t *attr,
                                                 const char *groupname)
{
    apr_status_t rv = apr_gid_get(&attr->gid, groupname, attr->pool);

    if (rv != APR_SUCCESS)
        attr->gid = (gid_t)-1;
    return rv;
}

APR_DECLARE(apr_status_t) apr_procattr_perms_set_register(
    apr_procattr_t *attr, apr_perms_setfn_t *perms_set_fn, void *data,
    apr_fileperms_t perms)
{
    apr__procattr_pscb_t *c = apr_palloc(attr->pool, sizeof(*c));

    c->perms_set_fn = perms_set_fn;
    c->data = data;
    c->perms = perms;
    c->next = attr->perms_set_callbacks;
    attr->perms_set_callbacks = c;
    return APR_SUCCESS;
}

#if APR_HAS_FORK
APR_DECLARE(apr_status_t) apr_proc_fork(apr_proc_t *proc, apr_pool_t *pool)
{
    pid_t pid;

    (void)pool;
    memset(proc, 0, sizeof(*proc));
    pid = fork();
    if (pid < 0)
        return errno;
    if (pid == 0) {
        proc->pid = getpid();
        apr_random_after_fork(proc);
        return APR_INCHILD;
    }
    proc->pid = pid;
    return APR_INPARENT;
}
#endif

/* In the child: report a failure and end. */
static void child_fail(apr_procattr_t *attr, apr_pool_t *pool,
                       apr_status_t err, const char *what)
{
    if (attr->errfn)
        attr->errfn(pool, err, what);
    _exit(-1);
}

/* Keep the child ends off descriptors 0-2 until they are moved there, so
 * that moving one does not overwrite another. */
static void lift_fd(apr_file_t *f)
{
    int fd;

    if (f && f->filedes >= 0 && f->filedes <= STDERR_FILENO) {
        fd = fcntl(f->filedes, F_DUPFD, STDERR_FILENO + 1);
        if (fd >= 0)
            f->filedes = fd;
    }
}

static void place_fd(apr_file_t *f, int target)
{
    if (!f)
        return;
    if (f->filedes == -1) {
        close(target);
    }
    else if (f->filedes != target) {
        dup2(f->filedes, target);
        close(f->filedes);
    }
    else {
        /* Already there (it was never lifted): make sure it survives. */
        fcntl(target, F_SETFD, 0);
    }
}

static void forget_cleanup(apr_file_t *f)
{
    if (f && f != &no_file && f->pool)
        apr_pool_cleanup_kill(f->pool, f, apr__file_cleanup);
}

static apr_status_t set_limits(const apr_procattr_t *attr)
{
    static const int which[] = { RLIMIT_CPU, RLIMIT_AS,
#ifdef RLIMIT_NPROC
                                 RLIMIT_NPROC,
#else
                                 -1,
#endif
                                 RLIMIT_NOFILE };
    const struct rlimit *lim[] = { attr->limit_cpu, attr->limit_mem,
                                   attr->limit_nproc, attr->limit_nofile };
    size_t i;

    for (i = 0; i < sizeof(which) / sizeof(which[0]); i++)
        if (lim[i] && setrlimit(which[i], lim[i]) != 0)
            return errno;
    return APR_SUCCESS;
}

/* "/bin/sh -c" and the arguments joined by spaces. */
static const char *shell_command(const char *const *args, apr_pool_t *pool)
{
    apr_size_t len = 0;
    char *cmd, *c;
    int i;

    if (!args[0])
        return NULL;
    if (!args[1])
        return args[0];
    for (i = 0; args[i]; i++)
        len += strlen(args[i]) + 1;
    c = cmd = apr_palloc(pool, len);
    for (i = 0; args[i]; i++) {
        apr_size_t n = strlen(args[i]);

        memcpy(c, args[i], n);
        c += n;
        *c++ = ' ';
    }
    c[-1] = '\0';
    return cmd;
}

/* The child's side of apr_proc_create; does not return. */
static void run_child(const char *progname, const char *const *args,
                      const char *const *env, apr_procattr_t *attr,
                      apr_pool_t *pool)
{
    apr__procattr_pscb_t *c;
    apr_status_t rv;

    forget_cleanup(attr->child_in);
    forget_cleanup(attr->child_out);
    forget_cleanup(attr->child_err);
    apr_pool_cleanup_for_exec();

    lift_fd(attr->child_in);
    lift_fd(attr->child_out);
    lift_fd(attr->child_err);
    place_fd(attr->child_in, STDIN_FILENO);
    place_fd(attr->child_out, STDOUT_FILENO);
    place_fd(attr->child_err, STDERR_FILENO);

    signal(SIGCHLD, SIG_DFL);

    if (attr->currdir && chdir(attr->currdir) == -1)
        child_fail(attr, pool, errno, "change of working directory failed");
    if (geteuid() == 0) {
        for (c = attr->perms_set_callbacks; c; c = c->next) {
            rv = c->perms_set_fn((void *)c->data, c->perms, attr->uid,
                                 attr->gid);
            if (rv != APR_SUCCESS && rv != APR_ENOTIMPL)
                _exit(-1);
        }
    }
    if (attr->gid != (gid_t)-1 && geteuid() == 0 && setgid(attr->gid) != 0)
        child_fail(attr, pool, errno, "setting of group failed");
    if (attr->uid != (uid_t)-1 && geteuid() == 0 && setuid(attr->uid) != 0)
        child_fail(attr, pool, errno, "setting of user failed");
    rv = set_limits(attr);
    if (rv != APR_SUCCESS)
        child_fail(attr, pool, rv, "setting of resource limits failed");

    if (attr->detached)
        apr_proc_detach(APR_PROC_DETACH_DAEMONIZE);

    switch (attr->cmdtype) {
    case APR_SHELLCMD:
    case APR_SHELLCMD_ENV: {
        const char *sh[4] = { SHELL_PATH, "-c", shell_command(args, pool),
                              NULL };

        if (attr->cmdtype == APR_SHELLCMD)
            execve(SHELL_PATH, (char *const *)sh, (char *const *)env);
        else
            execv(SHELL_PATH, (char *const *)sh);
        break;
    }
    case APR_PROGRAM:
        execve(progname, (char *const *)args, (char *const *)env);
        break;
    case APR_PROGRAM_ENV:
        execv(progname, (char *const *)args);
        break;
    default: /* APR_PROGRAM_PATH */
        execvp(progname, (char *const *)args);
        break;
    }
    child_fail(attr, pool, errno,
               apr_psprintf(pool, "exec of '%s' failed", progname));
}

/* error_check_set: what the child would fail at, found before forking. */
static apr_status_t check_before_fork(const char *progname,
                                      const apr_procattr_t *attr)
{
    if (attr->currdir && access(attr->currdir, X_OK) == -1)
        return errno;
    /* A PATH search is left to the child, as in APR. */
    if (attr->cmdtype == APR_PROGRAM || attr->cmdtype == APR_PROGRAM_ENV
        || progname[0] == '/') {
        if (access(progname, X_OK) == -1)
            return errno;
    }
    return APR_SUCCESS;
}

static void close_child_end(apr_file_t *f)
{
    if (f && f->filedes != -1)
        apr_file_close(f);
}

APR_DECLARE(apr_status_t) apr_proc_create(apr_proc_t *new_proc,
                                          const char *progname,
                                          const char *const *args,
                                          const char *const *env,
                                          apr_procattr_t *attr,
                                          apr_pool_t *pool)
{
    static const char *const empty_env[] = { NULL };
    apr_status_t rv;

    if (!env)
        env = empty_env;
    new_proc->in = attr->parent_in;
    new_proc->out = attr->parent_out;
    new_proc->err = attr->parent_err;

    if (attr->errchk) {
        rv = check_before_fork(progname, attr);
        if (rv != APR_SUCCESS)
            return rv;
    }

    new_proc->pid = fork();
    if (new_proc->pid < 0)
        return errno;
    if (new_proc->pid == 0)
        run_child(progname, args, env, attr, pool);

    close_child_end(attr->child_in);
    close_child_end(attr->child_out);
    close_child_end(attr->child_err);
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_proc_wait(apr_proc_t *proc, int *exitcode,
                                        apr_exit_why_e *exitwhy,
                                        apr_wait_how_e waithow)
{
    int options = WUNTRACED, status, ignore_code;
    apr_exit_why_e ignore_why;
    pid_t pid;

    if (!exitcode)
        exitcode = &ignore_code;
    if (!exitwhy)
        exitwhy = &ignore_why;
    if (waithow != APR_WAIT)
        options |= WNOHANG;

    do {
        pid = waitpid(proc->pid, &status, options);
    } while (pid < 0 && errno == EINTR);

    if (pid == 0)
        return APR_CHILD_NOTDONE;
    if (pid < 0)
        return errno;
    proc->pid = pid;
    if (WIFEXITED(status)) {
        *exitwhy = APR_PROC_EXIT;
        *exitcode = WEXITSTATUS(status);
    }
    else if (WIFSIGNALED(status)) {
        *exitwhy = WCOREDUMP(status) ? APR_PROC_SIGNAL | APR_PROC_SIGNAL_CORE
                                     : APR_PROC_SIGNAL;
        *exitcode = WTERMSIG(status);
    }
    else {
        /* Stopped (WUNTRACED): not an end, as APR reports it. */
        return APR_EGENERAL;
    }
    return APR_CHILD_DONE;
}

APR_DECLARE(apr_status_t) apr_proc_wait_all_procs(apr_proc_t *proc,
                                                  int *exitcode,
                                                  apr_exit_why_e *exitwhy,
                                                  apr_wait_how_e waithow,
                                                  apr_pool_t *p)
{
    (void)p;
    proc->pid = -1;
    return apr_proc_wait(proc, exitcode, exitwhy, waithow);
}

APR_DECLARE(apr_status_t) apr_proc_kill(apr_proc_t *proc, int sig)
{
    return kill(proc->pid, sig) == -1 ? errno : APR_SUCCESS;
}
