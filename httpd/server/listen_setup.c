/*
 * listen_setup.c: opening, binding and closing the listening sockets that
 * listen.c recorded; the copies of ListenCoresBucketsRatio are
 * listen_buckets.c's.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_network_io.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "mpm_private.h"
#include "listen_private.h"
#include "os_sys.h"
#include "os_reuseport.h"

APLOG_USE_MODULE(core);

const char *ap__listen_wildcard(apr_pool_t *p)
{
#if APR_HAVE_IPV6
    static int family = -1;    /* probed once per process */
    apr_socket_t *s;

    if (family < 0) {
        family = APR_INET;
        if (apr_socket_create(&s, APR_INET6, SOCK_STREAM, APR_PROTO_TCP, p)
            == APR_SUCCESS) {
            apr_socket_close(s);
            family = APR_INET6;
        }
    }
    if (family == APR_INET6) {
        return "::";
    }
#endif
    return "0.0.0.0";
}

/* "1.2.3.4:80" or "[::1]:80" for messages (our log functions are checked
 * as printf formats, so APR's %pI extension cannot be used). */
static const char *addr_text(apr_pool_t *p, const apr_sockaddr_t *sa)
{
    char ip[64];

    if (apr_sockaddr_ip_getbuf(ip, sizeof(ip), (apr_sockaddr_t *)sa)
        != APR_SUCCESS) {
        apr_cpystrn(ip, "?", sizeof(ip));
    }
    if (sa->family != APR_INET) {
        return apr_psprintf(p, "[%s]:%u", ip, (unsigned)sa->port);
    }
    return apr_psprintf(p, "%s:%u", ip, (unsigned)sa->port);
}

static int is_wildcard(const apr_sockaddr_t *sa)
{
    static const char zeros[16];

    return memcmp(sa->ipaddr_ptr, zeros, (size_t)sa->ipaddr_len) == 0;
}

/* An IPv6 wildcard also takes IPv4 traffic unless the configuration has
 * its own IPv4 wildcard on the same port. */
static int wants_v6only(const ap_listen_rec *me)
{
#if APR_HAVE_IPV6
    const ap_listen_rec *lr;

    for (lr = ap_listeners; lr; lr = lr->next) {
        if (lr->bind_addr->family == APR_INET
            && lr->bind_addr->port == me->bind_addr->port
            && is_wildcard(lr->bind_addr)) {
            return 1;
        }
    }
#endif
    return 0;
}

static apr_status_t sock_opts(apr_socket_t *s, ap_listen_rec *lr,
                              apr_pool_t *p, int reuseport)
{
    const ap__listen_settings_t *ls = &ap__listen_settings;
    apr_status_t rv;

    rv = apr_socket_opt_set(s, APR_SO_REUSEADDR, 1);
    if (rv != APR_SUCCESS && !APR_STATUS_IS_ENOTIMPL(rv)) {
        ap_log_perror(APLOG_MARK, APLOG_CRIT, rv, p, APLOGNO(00067)
                      "make_sock: for address %s, apr_socket_opt_set: "
                      "(SO_REUSEADDR)", addr_text(p, lr->bind_addr));
        return rv;
    }
    /* Every socket of a bucketed address, the first one too: the kernel
     * admits a socket to the group only if all of them ask for it. */
    if (reuseport && (rv = ap__os_reuseport(s)) != APR_SUCCESS) {
        ap_log_perror(APLOG_MARK, APLOG_CRIT, rv, p, APLOGNO(02638)
                      "make_sock: for address %s, apr_socket_opt_set: "
                      "(SO_REUSEPORT)", addr_text(p, lr->bind_addr));
        return rv;
    }
#if APR_HAVE_IPV6
    if (lr->bind_addr->family == APR_INET6 && is_wildcard(lr->bind_addr)) {
        apr_socket_opt_set(s, APR_IPV6_V6ONLY, wants_v6only(lr));
    }
#endif
    if (ls->send_buffer_size) {
        apr_socket_opt_set(s, APR_SO_SNDBUF, ls->send_buffer_size);
    }
    if (ls->recv_buffer_size) {
        apr_socket_opt_set(s, APR_SO_RCVBUF, ls->recv_buffer_size);
    }
    if (ls->defer_accept > 0) {
        apr_socket_opt_set(s, APR_TCP_DEFER_ACCEPT, ls->defer_accept);
    }
    ap_sock_disable_nagle(s);
    return APR_SUCCESS;
}

apr_status_t ap__listen_open(apr_pool_t *p, ap_listen_rec *lr, int reuseport)
{
    apr_socket_t *s;
    apr_status_t rv;

    rv = apr_socket_create(&s, lr->bind_addr->family, SOCK_STREAM,
                           APR_PROTO_TCP, p);
    if (rv != APR_SUCCESS) {
        ap_log_perror(APLOG_MARK, APLOG_CRIT | APLOG_STARTUP, rv, p,
                      APLOGNO(00071)
                      "make_sock: could not create socket for %s",
                      addr_text(p, lr->bind_addr));
        return rv;
    }
    rv = sock_opts(s, lr, p, reuseport);
    if (rv == APR_SUCCESS) {
        rv = apr_socket_bind(s, lr->bind_addr);
        if (rv != APR_SUCCESS) {
            ap_log_perror(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, rv, p,
                          APLOGNO(00072)
                          "make_sock: could not bind to address %s",
                          addr_text(p, lr->bind_addr));
        }
    }
    if (rv == APR_SUCCESS) {
        rv = apr_socket_listen(s, ap__listen_settings.backlog);
        if (rv != APR_SUCCESS) {
            ap_log_perror(APLOG_MARK, APLOG_STARTUP | APLOG_ERR, rv, p,
                          APLOGNO(00074)
                          "make_sock: unable to listen for connections "
                          "on address %s", addr_text(p, lr->bind_addr));
        }
    }
    if (rv != APR_SUCCESS) {
        apr_socket_close(s);
        return rv;
    }
    /* The event MPM accepts from its poll loop: never block there. */
    apr_socket_opt_set(s, APR_SO_NONBLOCK, 1);
    lr->sd = s;
    lr->active = 1;
    return APR_SUCCESS;
}

/* Close what the previous generation had and this one did not claim. */
static void close_unclaimed(void)
{
    ap_listen_rec *lr = ap__listen_settings.old_listeners;

    for (; lr; lr = lr->next) {
        if (lr->sd) {
            apr_socket_close(lr->sd);
            lr->sd = NULL;
        }
        lr->active = 0;
    }
    ap__listen_settings.old_listeners = NULL;
}

/* The buckets ListenCoresBucketsRatio asks for, said as Apache says it.
 * One process (-X, -DONE_PROCESS) serves bucket 0 only: it gets one. */
static int wanted_buckets(server_rec *s)
{
    static int probed;
    int ratio = ap__listen_settings.cores_buckets_ratio;
    int cpus = ap__os_online_cpus();
    int n;

    if (!probed) {
        ap_have_so_reuseport = ap__os_reuseport_supported(s->process->pool);
        probed = 1;
    }
    if (ratio <= 0) {
        return 1;
    }
    if (!ap_have_so_reuseport) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s, APLOGNO(02820)
                     "ListenCoresBucketsRatio ignored without SO_REUSEPORT "
                     "and _SC_NPROCESSORS_ONLN support: using a single "
                     "listeners bucket");
        return 1;
    }
    n = ap__listen_bucket_count(cpus, ratio, 1);
    if (ap_exists_config_define("ONE_PROCESS")
        || ap_exists_config_define("DEBUG")) {
        n = 1;
    }
    ap_log_error(APLOG_MARK, APLOG_INFO, 0, s, APLOGNO(02819)
                 "Using %i listeners bucket(s) based on %i online CPU cores "
                 "and a ratio of %i", n, cpus, ratio);
    return n;
}

AP_DECLARE(int) ap_setup_listeners(server_rec *s)
{
    ap_listen_rec *lr;
    int buckets = wanted_buckets(s);
    int reuseport = ap__listen_settings.cores_buckets_ratio > 0
                    && ap_have_so_reuseport;
    int num = 0;
    int failed = 0;

    close_unclaimed();
    if (buckets == 1) {
        /* Copies still bound would keep a new listener without
         * SO_REUSEPORT from binding. */
        ap__listen_buckets_drop_old();
    }
    for (lr = ap_listeners; lr; lr = lr->next) {
        if (!lr->sd
            && ap__listen_open(s->process->pool, lr, reuseport)
               != APR_SUCCESS) {
            failed = 1;
            continue;
        }
        num++;
    }
    if (failed) {
        /* Apache gives up when any listener fails: a half-served
         * configuration is worse than a clear start-up error. */
        return 0;
    }
    ap__listen_buckets_setup(s, buckets);
    return num;
}

AP_DECLARE_NONSTD(void) ap_close_listeners_ex(ap_listen_rec *listeners)
{
    ap_listen_rec *lr;

    for (lr = listeners; lr; lr = lr->next) {
        if (lr->sd) {
            apr_socket_close(lr->sd);
            lr->sd = NULL;
        }
        lr->active = 0;
    }
}

AP_DECLARE_NONSTD(void) ap_close_listeners(void)
{
    ap_close_listeners_ex(ap_listeners);
    ap__listen_buckets_close();
}

AP_DECLARE_NONSTD(int) ap_close_selected_listeners(ap_slave_t *slave)
{
    /* No slave (per-protocol) listener sets exist in this server. */
    return 0;
}
