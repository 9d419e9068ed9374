/*
 * mpm_private.h: symbols shared between the MPM area's own files
 * (listen*.c, mpm_common*.c, scoreboard*.c, os/unix/unixd*.c and
 * modules/arch/unix/mod_unixd.c). Not part of the module API.
 */
#ifndef AP_MPM_PRIVATE_H
#define AP_MPM_PRIVATE_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_network_io.h"
#include "httpd.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- listen ---------------------------------------------------------- */

/**
 * Split the first argument of Listen ("8080", "1.2.3.4:80", "[::1]:8080",
 * "*:80") into a host (NULL for a wildcard) and a port.
 * @return NULL on success, else Apache's message for the error.
 */
const char *ap__listen_parse_addr(apr_pool_t *p, const char *arg,
                                  char **host, apr_port_t *port);

/** The protocol a listener gets when Listen names none (https on 443). */
const char *ap__listen_default_protocol(apr_port_t port);

struct ap_listen_rec;

/** Settings of the Listen family of directives for this generation. */
typedef struct {
    int backlog;                /* ListenBacklog */
    int send_buffer_size;       /* SendBufferSize, 0: system default */
    int recv_buffer_size;       /* ReceiveBufferSize, 0: system default */
    int cores_buckets_ratio;    /* ListenCoresBucketsRatio (accepted) */
    int defer_accept;           /* ListenTCPDeferAccept (seconds) */
    /* Listeners of the previous generation not claimed again yet. */
    struct ap_listen_rec *old_listeners;
} ap__listen_settings_t;

/** The one instance, reset by ap_listen_pre_config(). */
extern ap__listen_settings_t ap__listen_settings;

/** "::" when this host can make IPv6 sockets, else "0.0.0.0". */
const char *ap__listen_wildcard(apr_pool_t *p);

/* ---- mpm_common ------------------------------------------------------ */

/** The -k argument recorded by ap_mpm_rewrite_args ("noarg" if none). */
const char *ap__mpm_dash_k_arg(void);

/* ---- os/unix glue (the only place making OS calls) -------------------- */

/** Non-zero when the effective user is root. */
int ap__unixd_is_root(void);

/**
 * Resolve a user name ("#123" for a numeric id) to its uid.
 * @return APR_SUCCESS or APR_ENOENT when there is no such user.
 */
apr_status_t ap__unixd_user_id(const char *name, apr_int64_t *id);

/** The same for a group name. */
apr_status_t ap__unixd_group_id(const char *name, apr_int64_t *id);

/**
 * Become ap_unixd_config's user and group (and chroot to its ChrootDir)
 * when running as root; logs every failure.
 * @return 0 on success, -1 on failure (the child must exit).
 */
int ap__unixd_switch_identity(void);

/** Whether a path names an existing directory (ChrootDir checks). */
int ap__unixd_is_dir(const char *path);

/**
 * Install handlers for fatal signals (SIGSEGV, SIGBUS, SIGABRT, SIGILL,
 * SIGFPE) that move to the core dump directory and re-raise the signal.
 */
void ap__unixd_fatal_signals(const char *coredump_dir);

/** The pid of this process. */
pid_t ap__unixd_getpid(void);

#ifdef __cplusplus
}
#endif

#endif /* AP_MPM_PRIVATE_H */
