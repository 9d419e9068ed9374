/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  ap_listen.h
 * @brief Listening sockets: the Listen family of directives and the
 *        list the MPM accepts on.
 */

#ifndef AP_LISTEN_H
#define AP_LISTEN_H

#include "apr_network_io.h"
#include "httpd.h"
#include "http_config.h"
#include "apr_optional.h"

#ifdef __cplusplus
extern "C" {
#endif

/** a subset of listeners handed to a process (opaque) */
typedef struct ap_slave_t ap_slave_t;
/** one listening socket */
typedef struct ap_listen_rec ap_listen_rec;
/** Accept a connection on @a lr into @a csd (allocated in @a ptrans). */
typedef apr_status_t (*accept_function)(void **csd, ap_listen_rec *lr,
                                        apr_pool_t *ptrans);

/** A listening socket. */
struct ap_listen_rec {
    /** next in the list */
    ap_listen_rec *next;
    /** the socket */
    apr_socket_t *sd;
    /** its address */
    apr_sockaddr_t *bind_addr;
    /** accept function */
    accept_function accept_func;
    /** open and listening */
    int active;
    /** protocol given on the Listen line ("http", "https") */
    const char *protocol;
    /** owning slave group, if any */
    ap_slave_t *slave;
};

/** every configured listener */
AP_DECLARE_DATA extern ap_listen_rec *ap_listeners;

/** number of listener buckets (ListenCoresBucketsRatio) */
AP_DECLARE_DATA extern int ap_num_listen_buckets;

/** SO_REUSEPORT is available */
AP_DECLARE_DATA extern int ap_have_so_reuseport;

/** Reset the listener state before reading the configuration. */
AP_DECLARE(void) ap_listen_pre_config(void);

/** Open (or reuse from the previous generation) every listener; returns
 *  the number of listeners, 0 on failure. */
AP_DECLARE(int) ap_setup_listeners(server_rec *s);

/**
 * The listener buckets (ListenCoresBucketsRatio): *buckets gets an array
 * (from @a p) of *num_buckets lists, [0] being ap_listeners, each other
 * its own sockets bound to the same addresses with SO_REUSEPORT. With
 * *num_buckets 0 on input, the count ap_setup_listeners computed (online
 * CPUs / ratio, at least 1); a positive one is made and kept.
 */
AP_DECLARE(apr_status_t) ap_duplicate_listeners(apr_pool_t *p, server_rec *s,
                                                ap_listen_rec ***buckets,
                                                int *num_buckets);

/** Close every listener. */
AP_DECLARE_NONSTD(void) ap_close_listeners(void);

/** Close the listeners of list @a listeners. */
AP_DECLARE_NONSTD(void) ap_close_listeners_ex(ap_listen_rec *listeners);

/** Close the listeners not belonging to @a slave. */
AP_DECLARE_NONSTD(int) ap_close_selected_listeners(ap_slave_t *);

/** ListenBacklog handler */
AP_DECLARE_NONSTD(const char *) ap_set_listenbacklog(cmd_parms *cmd,
                                                     void *dummy,
                                                     const char *arg);

/** ListenTCPDeferAccept handler */
AP_DECLARE_NONSTD(const char *) ap_set_listentcpdeferaccept(cmd_parms *cmd,
                                                           void *dummy,
                                                           const char *arg);

/** ListenCoresBucketsRatio handler */
AP_DECLARE_NONSTD(const char *) ap_set_listencbratio(cmd_parms *cmd,
                                                     void *dummy,
                                                     const char *arg);

/** Listen handler: [addr:]port [protocol] */
AP_DECLARE_NONSTD(const char *) ap_set_listener(cmd_parms *cmd, void *dummy,
                                                int argc,
                                                char *const argv[]);

/** SendBufferSize handler */
AP_DECLARE_NONSTD(const char *) ap_set_send_buffer_size(cmd_parms *cmd,
                                                        void *dummy,
                                                        const char *arg);

/** ReceiveBufferSize handler */
AP_DECLARE_NONSTD(const char *) ap_set_receive_buffer_size(cmd_parms *cmd,
                                                           void *dummy,
                                                           const char *arg);

#if defined(HAVE_SYSTEMD)
/** socket activation: fd of the systemd socket for a port */
APR_DECLARE_OPTIONAL_FN(int, ap_find_systemd_socket,
                        (process_rec *, apr_port_t));
/** socket activation: number of fds passed by systemd */
APR_DECLARE_OPTIONAL_FN(int, ap_systemd_listen_fds, (int));
#endif

/** The listener directives, for a module's command table. */
#define LISTEN_COMMANDS \
AP_INIT_TAKE1("ListenBacklog", ap_set_listenbacklog, NULL, RSRC_CONF, \
  "Maximum length of the queue of pending connections, as used by listen(2)"), \
AP_INIT_TAKE1("ListenCoresBucketsRatio", ap_set_listencbratio, NULL, \
  RSRC_CONF, "Ratio between the number of CPU cores (online) and the " \
  "number of listeners buckets"), \
AP_INIT_TAKE_ARGV("Listen", ap_set_listener, NULL, RSRC_CONF, \
  "A port number or a numeric IP address and a port number, and an " \
  "optional protocol"), \
AP_INIT_TAKE1("SendBufferSize", ap_set_send_buffer_size, NULL, RSRC_CONF, \
  "Send buffer size in bytes"), \
AP_INIT_TAKE1("ReceiveBufferSize", ap_set_receive_buffer_size, NULL, \
  RSRC_CONF, "Receive buffer size in bytes"), \
AP_INIT_TAKE1("ListenTCPDeferAccept", ap_set_listentcpdeferaccept, NULL, \
  RSRC_CONF, "Value set for the socket option TCP_DEFER_ACCEPT if it is set")

#ifdef __cplusplus
}
#endif

#endif /* AP_LISTEN_H */
