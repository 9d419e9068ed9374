/*
 * apr_signal.h: installing signal handlers, describing signals, blocking
 * them in the calling thread.
 *
 * The signal-thread helpers (apr_setup_signal_thread, apr_signal_thread)
 * are declared in apr_thread_proc.h, as in APR.
 */
#ifndef APR_SIGNAL_H
#define APR_SIGNAL_H

/**
 * @file apr_signal.h
 * @brief APR signal handling
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_errno.h"

#if APR_HAVE_SIGNAL_H
#include <signal.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_signal Signal Handling
 * @ingroup APR
 * @{
 */

#if APR_HAVE_SIGACTION || defined(DOXYGEN)

/** The type of a signal handler: it receives the signal number. */
typedef void apr_sigfunc_t(int);

/**
 * Install @a func (or SIG_DFL / SIG_IGN) as the process-wide handler of
 * @a signo, with sigaction(): the handler stays installed after it runs,
 * no other signal is blocked while it runs, and interrupted system calls
 * are not restarted (they fail with EINTR).
 * @param signo The signal, e.g. SIGWINCH.
 * @param func The new handler.
 * @return The previous handler, or SIG_ERR if @a signo cannot be caught.
 */
APR_DECLARE(apr_sigfunc_t *) apr_signal(int signo, apr_sigfunc_t *func);

#if defined(SIG_IGN) && !defined(SIG_ERR)
#define SIG_ERR ((apr_sigfunc_t *)-1)
#endif

#else /* !APR_HAVE_SIGACTION */
#define apr_signal(a, b) signal(a, b)
#endif

/**
 * A constant, human-readable name of signal @a signum ("Hangup",
 * "User defined signal 1", ...): "signal #N" for a valid signal without a
 * name, "unknown signal (number)" for a number that is not a signal.
 * @param signum The signal number.
 * @return A string the caller must not modify or free.
 */
APR_DECLARE(const char *) apr_signal_description_get(int signum);

/**
 * Prepare the description table. apr_initialize() calls it; programs
 * need not.
 * @internal
 * @param pglobal The library's global pool.
 */
APR_DECLARE(void) apr_signal_init(apr_pool_t *pglobal);

/**
 * Block @a signum in the calling thread (it stays pending until unblocked).
 * @param signum The signal number.
 * @return APR_SUCCESS, or APR_EINVAL if @a signum is not a signal.
 */
APR_DECLARE(apr_status_t) apr_signal_block(int signum);

/**
 * Unblock @a signum in the calling thread; a pending instance is then
 * delivered.
 * @param signum The signal number.
 * @return APR_SUCCESS, or APR_EINVAL if @a signum is not a signal.
 */
APR_DECLARE(apr_status_t) apr_signal_unblock(int signum);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_SIGNAL_H */
