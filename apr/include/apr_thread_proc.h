/*
 * apr_thread_proc.h: threads, thread-private data, child processes, the
 * registry of "other children", and the subprocesses a pool ends when it
 * dies.
 *
 * Ownership: a thread, a thread attribute, a once-control and a key are
 * allocated from the pool given when they are made. A thread also gets a
 * pool of its own (apr_thread_pool_get), a child of the pool it was
 * created from, which apr_thread_exit() destroys. A process handle
 * (apr_proc_t) belongs to the caller; the pipes apr_proc_create() leaves
 * in it belong to the pool of the process attribute.
 */
#ifndef APR_THREAD_PROC_H
#define APR_THREAD_PROC_H

/**
 * @file apr_thread_proc.h
 * @brief APR Thread and Process Library
 */

#include "apr.h"
#include "apr_file_io.h"
#include "apr_pools.h"
#include "apr_errno.h"
#include "apr_perms_set.h"

#if APR_HAVE_STRUCT_RLIMIT
#include <sys/time.h>
#include <sys/resource.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_thread_proc Threads and Process Functions
 * @ingroup APR
 * @{
 */

/** How apr_proc_create() starts the program. */
typedef enum {
    APR_SHELLCMD,     /**< through "/bin/sh -c", with the given environment */
    APR_PROGRAM,      /**< the program itself, with the given environment */
    APR_PROGRAM_ENV,  /**< the program itself, inheriting our environment */
    APR_PROGRAM_PATH, /**< the program, searched in PATH, with our
                       *   environment */
    APR_SHELLCMD_ENV  /**< through "/bin/sh -c", inheriting our
                       *   environment */
} apr_cmdtype_e;

/** Whether apr_proc_wait() blocks. */
typedef enum {
    APR_WAIT,   /**< wait until the process has ended */
    APR_NOWAIT  /**< only look whether it has ended */
} apr_wait_how_e;

/** Why a process ended; bits, tested with the APR_PROC_CHECK_* macros. */
typedef enum {
    APR_PROC_EXIT = 1,       /**< it exited; the code is its exit status */
    APR_PROC_SIGNAL = 2,     /**< a signal ended it; the code is the signal */
    APR_PROC_SIGNAL_CORE = 4 /**< with APR_PROC_SIGNAL: it dumped core */
} apr_exit_why_e;

/* The argument is parenthesized here (APR leaves it bare). */
/** Non-zero if the process exited by itself. */
#define APR_PROC_CHECK_EXIT(x)        ((x) & APR_PROC_EXIT)
/** Non-zero if a signal ended the process. */
#define APR_PROC_CHECK_SIGNALED(x)    ((x) & APR_PROC_SIGNAL)
/** Non-zero if the process dumped core. */
#define APR_PROC_CHECK_CORE_DUMP(x)   ((x) & APR_PROC_SIGNAL_CORE)

/** apr_procattr_io_set(): the child keeps our descriptor. */
#define APR_NO_PIPE          0
/** A pipe, blocking at both ends. */
#define APR_FULL_BLOCK       1
/** A pipe, non-blocking at both ends. */
#define APR_FULL_NONBLOCK    2
/** A pipe, blocking only at the parent's end. */
#define APR_PARENT_BLOCK     3
/** A pipe, blocking only at the child's end. */
#define APR_CHILD_BLOCK      4
/** No pipe: the child's descriptor is closed. */
#define APR_NO_FILE          8

/** apr_file_pipe_create_ex(): only the read end blocks. */
#define APR_READ_BLOCK       3
/** apr_file_pipe_create_ex(): only the write end blocks. */
#define APR_WRITE_BLOCK      4

/** apr_procattr_limit_set(): CPU seconds. */
#define APR_LIMIT_CPU        0
/** apr_procattr_limit_set(): address space size. */
#define APR_LIMIT_MEM        1
/** apr_procattr_limit_set(): processes of the user. */
#define APR_LIMIT_NPROC      2
/** apr_procattr_limit_set(): open descriptors. */
#define APR_LIMIT_NOFILE     3

/** Other child: it has died (status is the wait status); unregister it. */
#define APR_OC_REASON_DEATH         0
/** Other child: its write descriptor is no longer writable. */
#define APR_OC_REASON_UNWRITABLE    1
/** Other child: a restart is happening; clean up (signal the child). */
#define APR_OC_REASON_RESTART       2
/** Other child: it is being unregistered; clean up (kill the child). */
#define APR_OC_REASON_UNREGISTER    3
/** Other child: it is gone and nobody reaped it through us. */
#define APR_OC_REASON_LOST          4
/** Other child: a periodic health check; usually nothing to do. */
#define APR_OC_REASON_RUNNING       5

/** A process: its id and the parent's ends of the pipes to it. */
typedef struct apr_proc_t {
    /** The process id */
    pid_t pid;
    /** Our end of the pipe to its standard input, or NULL */
    apr_file_t *in;
    /** Our end of the pipe from its standard output, or NULL */
    apr_file_t *out;
    /** Our end of the pipe from its standard error, or NULL */
    apr_file_t *err;
#if APR_HAS_PROC_INVOKED
    /** The command line it was started with */
    char *invoked;
#endif
} apr_proc_t;

/**
 * Called in the child process when apr_proc_create() fails after the
 * fork (directory, credentials, limits, exec).
 * @param proc The pool apr_proc_create() was given.
 * @param err The error (an errno value).
 * @param description What failed.
 */
typedef void (apr_child_errfn_t)(apr_pool_t *proc, apr_status_t err,
                                 const char *description);

/** A thread (opaque). */
typedef struct apr_thread_t           apr_thread_t;
/** Thread creation attributes (opaque). */
typedef struct apr_threadattr_t       apr_threadattr_t;
/** Process creation attributes (opaque). */
typedef struct apr_procattr_t         apr_procattr_t;
/** A control making a function run once per process (opaque). */
typedef struct apr_thread_once_t      apr_thread_once_t;
/** A thread-private data key (opaque). */
typedef struct apr_threadkey_t        apr_threadkey_t;
/** A registered other child (opaque). */
typedef struct apr_other_child_rec_t  apr_other_child_rec_t;

/** The function a new thread runs; its result is not the exit status. */
typedef void *(APR_THREAD_FUNC *apr_thread_start_t)(apr_thread_t *, void *);

/** What a dying pool does to a subprocess noted in it. */
typedef enum {
    APR_KILL_NEVER,         /**< nothing (it is reaped if already ended) */
    APR_KILL_ALWAYS,        /**< SIGKILL, then wait for it */
    APR_KILL_AFTER_TIMEOUT, /**< SIGTERM, up to 3 seconds, SIGKILL, wait */
    APR_JUST_WAIT,          /**< wait for it to end, however long */
    APR_KILL_ONLY_ONCE      /**< SIGTERM, then wait for it to end */
} apr_kill_conditions_e;

#if APR_HAS_THREADS

/**
 * Create thread attributes: joinable, default stack.
 * @param new_attr Receives the attributes.
 * @param cont The pool they live in.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_threadattr_create(apr_threadattr_t **new_attr,
                                                apr_pool_t *cont);

/**
 * Make threads created with @a attr detached (not joinable) or joinable.
 * @param attr The attributes.
 * @param on Non-zero for detached.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_threadattr_detach_set(apr_threadattr_t *attr,
                                                    apr_int32_t on);

/**
 * Whether threads created with @a attr are detached.
 * @param attr The attributes.
 * @return APR_DETACH or APR_NOTDETACH.
 */
APR_DECLARE(apr_status_t) apr_threadattr_detach_get(apr_threadattr_t *attr);

/**
 * Set the stack size of threads created with @a attr.
 * @param attr The attributes.
 * @param stacksize Bytes (the system may require a minimum).
 * @return APR_SUCCESS or the system's error (EINVAL when too small).
 */
APR_DECLARE(apr_status_t) apr_threadattr_stacksize_set(apr_threadattr_t *attr,
                                                       apr_size_t stacksize);

/**
 * Set the size of the guard area below the stack of new threads.
 * @param attr The attributes.
 * @param guardsize Bytes; 0 for none.
 * @return APR_SUCCESS, the system's error, or APR_ENOTIMPL.
 */
APR_DECLARE(apr_status_t) apr_threadattr_guardsize_set(apr_threadattr_t *attr,
                                                       apr_size_t guardsize);

/**
 * Start a thread running func(thread, data). The thread gets a pool of its
 * own, a child of @a cont (apr_thread_pool_get()).
 * @param new_thread Receives the thread (allocated from @a cont).
 * @param attr Its attributes, or NULL for the defaults (joinable).
 * @param func The function it runs.
 * @param data Passed to @a func.
 * @param cont The pool.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_create(apr_thread_t **new_thread,
                                            apr_threadattr_t *attr,
                                            apr_thread_start_t func,
                                            void *data, apr_pool_t *cont);

/**
 * End the calling thread (which must be @a thd): records @a retval for
 * apr_thread_join(), destroys the thread's pool, and does not return.
 * A thread whose function returns without calling this exits with 0.
 * @param thd The calling thread.
 * @param retval Its exit status.
 * @return Does not return.
 */
APR_DECLARE(apr_status_t) apr_thread_exit(apr_thread_t *thd,
                                          apr_status_t retval);

/**
 * Wait for a joinable thread to end.
 * @param retval Receives the status it gave apr_thread_exit().
 * @param thd The thread.
 * @return APR_SUCCESS or the system's error (a detached thread: EINVAL).
 */
APR_DECLARE(apr_status_t) apr_thread_join(apr_status_t *retval,
                                          apr_thread_t *thd);

/** Let other threads run. */
APR_DECLARE(void) apr_thread_yield(void);

/**
 * Create a once-control for apr_thread_once().
 * @param control Receives it.
 * @param p The pool it lives in.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_thread_once_init(apr_thread_once_t **control,
                                               apr_pool_t *p);

/**
 * Run @a func if no call with @a control has run it yet; callers racing
 * with the first one return once it has finished.
 * @param control The once-control.
 * @param func The function.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_once(apr_thread_once_t *control,
                                          void (*func)(void));

/**
 * Detach a thread: it can no longer be joined, and its resources go when
 * it ends.
 * @param thd The thread.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_thread_detach(apr_thread_t *thd);

/**
 * Read data attached to a thread (its pool's user data).
 * @param data Receives the data, NULL if there is none under @a key.
 * @param key The name.
 * @param thread The thread.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_thread_data_get(void **data, const char *key,
                                              apr_thread_t *thread);

/**
 * Attach data to a thread (its pool's user data).
 * @param data The data.
 * @param key The name (not copied: it must live as long as the thread).
 * @param cleanup Run on @a data when the thread's pool goes, or NULL.
 * @param thread The thread.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_thread_data_set(void *data, const char *key,
                                              apr_status_t (*cleanup)(void *),
                                              apr_thread_t *thread);

/**
 * Create a thread-private data key.
 * @param key Receives the key.
 * @param dest Run on a thread's non-NULL value when that thread exits,
 *             or NULL.
 * @param cont The pool the key lives in.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_threadkey_private_create(apr_threadkey_t **key,
                                                       void (*dest)(void *),
                                                       apr_pool_t *cont);

/**
 * Read the calling thread's value of a key.
 * @param new_mem Receives the value (NULL if the thread set none).
 * @param key The key.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_threadkey_private_get(void **new_mem,
                                                    apr_threadkey_t *key);

/**
 * Set the calling thread's value of a key.
 * @param priv The value.
 * @param key The key.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_threadkey_private_set(void *priv,
                                                    apr_threadkey_t *key);

/**
 * Delete a key (destructors are not run).
 * @param key The key.
 * @return APR_SUCCESS or the system's error.
 */
APR_DECLARE(apr_status_t) apr_threadkey_private_delete(apr_threadkey_t *key);

/**
 * Read data attached to a key (its pool's user data).
 * @param data Receives the data, NULL if there is none.
 * @param key The name.
 * @param threadkey The key.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_threadkey_data_get(void **data, const char *key,
                                                 apr_threadkey_t *threadkey);

/**
 * Attach data to a key (its pool's user data).
 * @param data The data.
 * @param key The name.
 * @param cleanup Run on @a data when the pool goes, or NULL.
 * @param threadkey The key.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_threadkey_data_set(void *data, const char *key,
                                                apr_status_t (*cleanup)(void *),
                                                apr_threadkey_t *threadkey);

#endif /* APR_HAS_THREADS */

/**
 * Create process attributes: APR_PROGRAM, no pipes, our directory,
 * attached, no error check.
 * @param new_attr Receives the attributes.
 * @param cont The pool they and their pipes live in.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_create(apr_procattr_t **new_attr,
                                              apr_pool_t *cont);

/**
 * Give the child pipes for its standard input, output and error.
 * Each argument is APR_NO_PIPE (the child keeps ours), APR_NO_FILE (closed
 * in the child), or a pipe: APR_FULL_BLOCK, APR_FULL_NONBLOCK,
 * APR_PARENT_BLOCK (only our end blocks), APR_CHILD_BLOCK (only the
 * child's end blocks). Our non-blocking ends have a timeout of 0.
 * @param attr The attributes.
 * @param in For standard input.
 * @param out For standard output.
 * @param err For standard error.
 * @return APR_SUCCESS or the error making a pipe.
 */
APR_DECLARE(apr_status_t) apr_procattr_io_set(apr_procattr_t *attr,
                                              apr_int32_t in, apr_int32_t out,
                                              apr_int32_t err);

/**
 * Use existing files for the child's standard input and our end of it.
 * If no pipe was set up and both are NULL, a blocking pipe is made.
 * @param attr The attributes.
 * @param child_in The child's standard input (duplicated), or NULL.
 * @param parent_in What apr_proc_t.in becomes (duplicated), or NULL.
 * @return APR_SUCCESS or the error duplicating a file.
 */
APR_DECLARE(apr_status_t) apr_procattr_child_in_set(struct apr_procattr_t *attr,
                                                    apr_file_t *child_in,
                                                    apr_file_t *parent_in);

/**
 * Use existing files for the child's standard output and our end of it.
 * @param attr The attributes.
 * @param child_out The child's standard output (duplicated), or NULL.
 * @param parent_out What apr_proc_t.out becomes (duplicated), or NULL.
 * @return APR_SUCCESS or the error duplicating a file.
 */
APR_DECLARE(apr_status_t) apr_procattr_child_out_set(
    struct apr_procattr_t *attr, apr_file_t *child_out,
    apr_file_t *parent_out);

/**
 * Use existing files for the child's standard error and our end of it.
 * @param attr The attributes.
 * @param child_err The child's standard error (duplicated), or NULL.
 * @param parent_err What apr_proc_t.err becomes (duplicated), or NULL.
 * @return APR_SUCCESS or the error duplicating a file.
 */
APR_DECLARE(apr_status_t) apr_procattr_child_err_set(
    struct apr_procattr_t *attr, apr_file_t *child_err,
    apr_file_t *parent_err);

/**
 * Start the child in @a dir (copied).
 * @param attr The attributes.
 * @param dir The directory.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_dir_set(apr_procattr_t *attr,
                                               const char *dir);

/**
 * Choose how the program is started.
 * @param attr The attributes.
 * @param cmd One of apr_cmdtype_e.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_cmdtype_set(apr_procattr_t *attr,
                                                   apr_cmdtype_e cmd);

/**
 * Start the program detached (apr_proc_detach(APR_PROC_DETACH_DAEMONIZE)
 * in the child before exec: the pid we get is not the program's).
 * @param attr The attributes.
 * @param detach Non-zero to detach.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_detach_set(apr_procattr_t *attr,
                                                  apr_int32_t detach);

#if APR_HAVE_STRUCT_RLIMIT
/**
 * Set a resource limit of the child.
 * @param attr The attributes.
 * @param what APR_LIMIT_CPU, _MEM, _NPROC or _NOFILE.
 * @param limit The limit (copied).
 * @return APR_SUCCESS, or APR_ENOTIMPL where the system lacks the limit.
 */
APR_DECLARE(apr_status_t) apr_procattr_limit_set(apr_procattr_t *attr,
                                                 apr_int32_t what,
                                                 struct rlimit *limit);
#endif

/**
 * Set the function the child calls when it fails between fork and exec.
 * @param attr The attributes.
 * @param errfn The function (it runs in the child).
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_child_errfn_set(
    apr_procattr_t *attr, apr_child_errfn_t *errfn);

/**
 * Make apr_proc_create() check, before forking, that the directory can be
 * entered and (for APR_PROGRAM, APR_PROGRAM_ENV or an absolute name) that
 * the program can be executed, returning the error instead of forking.
 * @param attr The attributes.
 * @param chk Non-zero to check.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_error_check_set(apr_procattr_t *attr,
                                                       apr_int32_t chk);

/**
 * Whether the child shares our address space (ignored on unix).
 * @param attr The attributes.
 * @param addrspace Ignored.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_addrspace_set(apr_procattr_t *attr,
                                                     apr_int32_t addrspace);

/**
 * Run the child as @a username (and that user's group unless
 * apr_procattr_group_set() chose one). Takes effect only when we are root.
 * @param attr The attributes.
 * @param username The user.
 * @param password Ignored on unix.
 * @return APR_SUCCESS or the error looking the user up.
 */
APR_DECLARE(apr_status_t) apr_procattr_user_set(apr_procattr_t *attr,
                                                const char *username,
                                                const char *password);

/**
 * Run the child with group @a groupname. Takes effect only when we are
 * root.
 * @param attr The attributes.
 * @param groupname The group.
 * @return APR_SUCCESS or the error looking the group up.
 */
APR_DECLARE(apr_status_t) apr_procattr_group_set(apr_procattr_t *attr,
                                                 const char *groupname);

/**
 * Register a function the child (when we are root) calls before switching
 * user, with the child's uid and gid; a failure other than APR_ENOTIMPL
 * ends the child. Several may be registered.
 * @param attr The attributes.
 * @param perms_set_fn The function.
 * @param data Its object.
 * @param perms The permissions it is given.
 * @return APR_SUCCESS.
 */
APR_DECLARE(apr_status_t) apr_procattr_perms_set_register(
    apr_procattr_t *attr, apr_perms_setfn_t *perms_set_fn, void *data,
    apr_fileperms_t perms);

#if APR_HAS_FORK
/**
 * fork(): the child's random generators are made to diverge from ours.
 * @param proc Receives the child's pid (in the child: its own pid).
 * @param cont A pool (unused).
 * @return APR_INCHILD in the child, APR_INPARENT in the parent, or the
 *         error.
 */
APR_DECLARE(apr_status_t) apr_proc_fork(apr_proc_t *proc, apr_pool_t *cont);
#endif

/**
 * Start a program in a new process (fork and exec); returns without
 * waiting for it. Pool cleanups for exec run in the child first.
 * @param new_proc Receives the pid and our ends of the pipes.
 * @param progname The program.
 * @param args Its NULL-terminated arguments, the first being its name.
 * @param env Its NULL-terminated environment (NULL: empty) for
 *            APR_PROGRAM and APR_SHELLCMD; ignored by the other types,
 *            which inherit ours.
 * @param attr The attributes.
 * @param pool For what the child allocates.
 * @return APR_SUCCESS, or the error of the checks or of fork(); a failure
 *         in the child is reported through the child error function and
 *         the child's exit status 255.
 */
APR_DECLARE(apr_status_t) apr_proc_create(apr_proc_t *new_proc,
                                          const char *progname,
                                          const char * const *args,
                                          const char * const *env,
                                          apr_procattr_t *attr,
                                          apr_pool_t *pool);

/**
 * Wait for a child process to end, or see whether it has.
 * @param proc The process (pid -1: any child).
 * @param exitcode Receives the exit status or the signal, or NULL.
 * @param exitwhy Receives why it ended, or NULL.
 * @param waithow APR_WAIT or APR_NOWAIT.
 * @return APR_CHILD_DONE (proc->pid is the one that ended),
 *         APR_CHILD_NOTDONE, or the error (ECHILD: no such child).
 */
APR_DECLARE(apr_status_t) apr_proc_wait(apr_proc_t *proc, int *exitcode,
                                        apr_exit_why_e *exitwhy,
                                        apr_wait_how_e waithow);

/**
 * Wait for any child process to end, or see whether one has.
 * @param proc Receives the pid of the child that ended.
 * @param exitcode Receives the exit status or the signal, or NULL.
 * @param exitwhy Receives why it ended, or NULL.
 * @param waithow APR_WAIT or APR_NOWAIT.
 * @param p A pool (unused).
 * @return As apr_proc_wait().
 */
APR_DECLARE(apr_status_t) apr_proc_wait_all_procs(apr_proc_t *proc,
                                                  int *exitcode,
                                                  apr_exit_why_e *exitwhy,
                                                  apr_wait_how_e waithow,
                                                  apr_pool_t *p);

/** apr_proc_detach(): stay in the foreground process. */
#define APR_PROC_DETACH_FOREGROUND 0
/** apr_proc_detach(): fork, the parent exiting. */
#define APR_PROC_DETACH_DAEMONIZE 1

/**
 * Become a daemon: chdir("/"), fork if @a daemonize (the parent exits with
 * 0), start a new session, and point standard input, output and error to
 * /dev/null.
 * @param daemonize APR_PROC_DETACH_DAEMONIZE or APR_PROC_DETACH_FOREGROUND.
 * @return APR_SUCCESS or the error.
 */
APR_DECLARE(apr_status_t) apr_proc_detach(int daemonize);

/**
 * Register a child whose death apr_proc_other_child_refresh_all() and
 * apr_proc_other_child_alert() report to @a maintenance. Unregistered
 * when @a p is cleared or destroyed. The registry is process-wide and not
 * locked: use it from one thread.
 * @param proc The child (not copied: keep it alive).
 * @param maintenance Called with an APR_OC_REASON_*, @a data and a status.
 * @param data Identifies the registration.
 * @param write_fd A descriptor to the child, or NULL.
 * @param p The pool of the registration.
 */
APR_DECLARE(void) apr_proc_other_child_register(apr_proc_t *proc,
    void (*maintenance)(int reason, void *, int status), void *data,
    apr_file_t *write_fd, apr_pool_t *p);

/**
 * Unregister the child registered with @a data; its maintenance function
 * is called with APR_OC_REASON_UNREGISTER.
 * @param data What it was registered with.
 */
APR_DECLARE(void) apr_proc_other_child_unregister(void *data);

/**
 * Tell the registration of @a proc (found by pid) about an event, such as
 * its death found by apr_proc_wait_all_procs().
 * @param proc The process.
 * @param reason An APR_OC_REASON_*.
 * @param status Passed on.
 * @return APR_SUCCESS, or APR_EPROC_UNKNOWN if it is not registered.
 */
APR_DECLARE(apr_status_t) apr_proc_other_child_alert(apr_proc_t *proc,
                                                     int reason, int status);

/**
 * Check one registered child (waitpid without blocking): if it has ended,
 * its maintenance function gets APR_OC_REASON_DEATH and the wait status;
 * if it runs, @a reason and -1; if it is unknown, APR_OC_REASON_LOST.
 * @param ocr The registration.
 * @param reason What to report for a running child.
 */
APR_DECLARE(void) apr_proc_other_child_refresh(apr_other_child_rec_t *ocr,
                                               int reason);

/**
 * apr_proc_other_child_refresh() on every registered child.
 * @param reason What to report for running children.
 */
APR_DECLARE(void) apr_proc_other_child_refresh_all(int reason);

/**
 * Send a signal to a process.
 * @param proc The process.
 * @param sig The signal.
 * @return APR_SUCCESS or the error.
 */
APR_DECLARE(apr_status_t) apr_proc_kill(apr_proc_t *proc, int sig);

/**
 * Make @a a end a subprocess when it is cleared or destroyed (after its
 * cleanups), as @a how says; the process is then reaped.
 * @param a The pool.
 * @param proc The process (not copied: it must live as long as @a a).
 * @param how What to do to it.
 */
APR_DECLARE(void) apr_pool_note_subprocess(apr_pool_t *a, apr_proc_t *proc,
                                           apr_kill_conditions_e how);

#if APR_HAS_THREADS

#if APR_HAVE_SIGWAIT || APR_HAVE_SIGSUSPEND
/**
 * Block the signals a signal thread should receive, in the calling thread
 * (and the threads it creates afterwards).
 * @return APR_SUCCESS or the error.
 */
APR_DECLARE(apr_status_t) apr_setup_signal_thread(void);

/**
 * Receive signals in the calling thread, passing each to
 * @a signal_handler until it returns non-zero.
 * @param signal_handler Called with the signal number.
 * @return APR_SUCCESS when the handler asked to stop.
 */
APR_DECLARE(apr_status_t) apr_signal_thread(int (*signal_handler)(int signum));
#endif

/** The thread's own pool: apr_pool_t *apr_thread_pool_get(thread). */
APR_POOL_DECLARE_ACCESSOR(thread);

#endif /* APR_HAS_THREADS */

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_THREAD_PROC_H */
