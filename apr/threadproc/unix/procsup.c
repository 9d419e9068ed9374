/*
 * apr_proc_detach, and the subprocesses a pool ends when it is cleared or
 * destroyed (apr_pool_note_subprocess).
 *
 * The pool keeps the list (apr_pools_private.h); the first note installs
 * free_proc_chain as the hook the pool calls after its cleanups.
 */
#include "apr_arch_threadproc.h"
#include "apr_time.h"
#include "apr_pools_private.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

APR_DECLARE(apr_status_t) apr_proc_detach(int daemonize)
{
    pid_t pid;

    if (chdir("/") == -1)
        return errno;
    if (daemonize) {
        pid = fork();
        if (pid > 0)
            exit(0);
        if (pid == -1) {
            /* Nothing else can be done here, as in APR. */
            perror("fork");
            fprintf(stderr, "unable to fork new process\n");
            exit(1);
        }
    }
    /* Without a fork, we may already lead a process group: setsid()
     * fails then, harmlessly. */
    if (setsid() == -1 && daemonize)
        return errno;
    if (freopen("/dev/null", "r", stdin) == NULL)
        return errno;
    if (freopen("/dev/null", "w", stdout) == NULL)
        return errno;
    if (freopen("/dev/null", "w", stderr) == NULL)
        return errno;
    return APR_SUCCESS;
}

struct apr__proc_chain {
    apr_proc_t *proc;
    apr_kill_conditions_e kill_how;
    struct apr__proc_chain *next;
};

/* APR_KILL_AFTER_TIMEOUT: how long SIGTERM is given, and the first of
 * the doubling polls. */
#define TIMEOUT_USECS    3000000
#define TIMEOUT_INTERVAL (TIMEOUT_USECS / 64)

static int still_running(apr_proc_t *proc)
{
    return apr_proc_wait(proc, NULL, NULL, APR_NOWAIT) == APR_CHILD_NOTDONE;
}

/* Signal everything that gets a signal; true if some got SIGTERM. */
static int send_first_signals(struct apr__proc_chain *procs)
{
    struct apr__proc_chain *pc;
    int need_timeout = 0;

    for (pc = procs; pc; pc = pc->next) {
        if (pc->kill_how == APR_KILL_AFTER_TIMEOUT
            || pc->kill_how == APR_KILL_ONLY_ONCE) {
            if (apr_proc_kill(pc->proc, SIGTERM) == APR_SUCCESS)
                need_timeout = 1;
        }
        else if (pc->kill_how == APR_KILL_ALWAYS) {
            apr_proc_kill(pc->proc, SIGKILL);
        }
    }
    return need_timeout;
}

/* Give the APR_KILL_AFTER_TIMEOUT ones up to TIMEOUT_USECS to end. */
static void grace_period(struct apr__proc_chain *procs)
{
    apr_interval_time_t interval = TIMEOUT_INTERVAL;
    struct apr__proc_chain *pc;
    int waiting;

    apr_sleep(interval);
    for (;;) {
        waiting = 0;
        for (pc = procs; pc; pc = pc->next) {
            if (pc->kill_how != APR_KILL_AFTER_TIMEOUT)
                continue;
            if (still_running(pc->proc))
                waiting = 1;
            else
                pc->kill_how = APR_KILL_NEVER; /* reaped */
        }
        if (!waiting || interval >= TIMEOUT_USECS)
            return;
        apr_sleep(interval);
        interval *= 2;
    }
}

static void free_proc_chain(struct apr__proc_chain *procs)
{
    struct apr__proc_chain *pc;

    /* Reap what has ended already; nothing more is done to those. */
    for (pc = procs; pc; pc = pc->next)
        if (!still_running(pc->proc))
            pc->kill_how = APR_KILL_NEVER;

    if (send_first_signals(procs))
        grace_period(procs);

    for (pc = procs; pc; pc = pc->next)
        if (pc->kill_how == APR_KILL_AFTER_TIMEOUT)
            apr_proc_kill(pc->proc, SIGKILL);

    for (pc = procs; pc; pc = pc->next)
        if (pc->kill_how != APR_KILL_NEVER)
            apr_proc_wait(pc->proc, NULL, NULL, APR_WAIT);
}

APR_DECLARE(void) apr_pool_note_subprocess(apr_pool_t *pool, apr_proc_t *proc,
                                           apr_kill_conditions_e how)
{
    struct apr__proc_chain **head = apr__pool_subprocesses(pool);
    struct apr__proc_chain *pc = apr_palloc(pool, sizeof(*pc));

    apr__pool_free_proc_chain = free_proc_chain;
    pc->proc = proc;
    pc->kill_how = how;
    pc->next = *head;
    *head = pc;
}
