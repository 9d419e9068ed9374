/*
 * listen.c: the Listen family of directives and the list of listeners
 * they build (ap_listeners). Opening the sockets is listen_setup.c.
 *
 * Listeners live in the process pool so that a restart can hand an open,
 * bound socket to the new generation: ap_listen_pre_config() moves the
 * current list aside and a Listen naming the same address takes its
 * record back instead of binding again.
 */
#include <string.h>
#include <stdlib.h>

#include "apr_strings.h"
#include "apr_lib.h"

#define APR_WANT_STRFUNC
#include "apr_want.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "mpm_private.h"

APLOG_USE_MODULE(core);

AP_DECLARE_DATA ap_listen_rec *ap_listeners = NULL;
AP_DECLARE_DATA int ap_num_listen_buckets = 1;
AP_DECLARE_DATA int ap_have_so_reuseport = 0;

ap__listen_settings_t ap__listen_settings = { DEFAULT_LISTENBACKLOG, 0, 0,
                                              0, 0, NULL };

const char *ap__listen_default_protocol(apr_port_t port)
{
    return port == 443 ? "https" : "http";
}

const char *ap__listen_parse_addr(apr_pool_t *p, const char *arg,
                                  char **host, apr_port_t *port)
{
    char *scope_id = NULL;

    *host = NULL;
    *port = 0;
    if (apr_parse_addr_port(host, &scope_id, port, arg, p) != APR_SUCCESS) {
        return "Invalid address or port";
    }
    if (*host && strcmp(*host, "*") == 0) {
        *host = NULL;
    }
    if (scope_id) {
        /* Link-local scopes are accepted by Apache only when APR can bind
         * them; ours keeps the address and lets bind() decide. */
        *host = apr_pstrcat(p, *host, "%", scope_id, NULL);
    }
    if (*port == 0) {
        return "Port must be specified";
    }
    return NULL;
}

/* Two listeners are the same when host text and port agree (the text is
 * what the administrator wrote, so a restart matches reliably). */
static int same_listener(const ap_listen_rec *lr, const char *host,
                         apr_port_t port)
{
    const char *lh = lr->bind_addr->hostname;

    if (lr->bind_addr->port != port) {
        return 0;
    }
    if (!host || !lh) {
        return !host && !lh;
    }
    return strcmp(host, lh) == 0;
}

/* Take back a listener from the previous generation, already bound. */
static int reuse_old_listener(const char *host, apr_port_t port,
                              const char *proto)
{
    ap_listen_rec **walk = &ap__listen_settings.old_listeners;
    int found = 0;

    while (*walk) {
        ap_listen_rec *lr = *walk;
        if (same_listener(lr, host, port)) {
            *walk = lr->next;
            lr->next = ap_listeners;
            lr->protocol = proto;
            ap_listeners = lr;
            found = 1;
            continue;
        }
        walk = &lr->next;
    }
    return found;
}

static const char *add_listener(process_rec *process, const char *host,
                                apr_port_t port, const char *proto)
{
    apr_sockaddr_t *sa;
    apr_status_t rv;
    ap_listen_rec *lr;
    const char *addr = host;

    for (lr = ap_listeners; lr; lr = lr->next) {
        if (same_listener(lr, host, port)) {
            return "Cannot define multiple Listeners on the same IP:port";
        }
    }
    if (reuse_old_listener(host, port, proto)) {
        return NULL;
    }
    if (!addr) {
        addr = ap__listen_wildcard(process->pool);
    }
    rv = apr_sockaddr_info_get(&sa, addr, APR_UNSPEC, port, 0, process->pool);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, NULL, APLOGNO(00077)
                     "alloc_listener: failed to set up sockaddr for %s",
                     addr);
        return "Listen setup failed";
    }
    for (; sa; sa = sa->next) {
        lr = apr_pcalloc(process->pool, sizeof(*lr));
        lr->bind_addr = sa;
        /* Remember the text as written (NULL for a wildcard) so that a
         * restart finds this record again. */
        sa->hostname = host ? apr_pstrdup(process->pool, host) : NULL;
        lr->protocol = proto;
        lr->next = ap_listeners;
        ap_listeners = lr;
    }
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_listener(cmd_parms *cmd, void *dummy,
                                                int argc, char *const argv[])
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    const char *proto;
    char *host;
    apr_port_t port;

    if (err) {
        return err;
    }
    if (argc < 1 || argc > 2) {
        return "Listen requires 1 or 2 arguments.";
    }
    err = ap__listen_parse_addr(cmd->pool, argv[0], &host, &port);
    if (err) {
        return err;
    }
    if (argc == 2) {
        char *lower = apr_pstrdup(cmd->server->process->pool, argv[1]);
        ap_str_tolower(lower);
        proto = lower;
    }
    else {
        proto = ap__listen_default_protocol(port);
    }
    return add_listener(cmd->server->process, host, port, proto);
}

AP_DECLARE_NONSTD(const char *) ap_set_listenbacklog(cmd_parms *cmd,
                                                     void *dummy,
                                                     const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    int b;

    if (err) {
        return err;
    }
    b = atoi(arg);
    if (b < 1) {
        return "ListenBacklog must be > 0";
    }
    ap__listen_settings.backlog = b;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_listencbratio(cmd_parms *cmd,
                                                     void *dummy,
                                                     const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    int b;

    if (err) {
        return err;
    }
    b = atoi(arg);
    if (b < 1) {
        return "ListenCoresBucketsRatio must be > 0";
    }
    ap__listen_settings.cores_buckets_ratio = b;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_listentcpdeferaccept(cmd_parms *cmd,
                                                            void *dummy,
                                                            const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    ap__listen_settings.defer_accept = atoi(arg);
    return NULL;
}

static const char *set_buffer_size(cmd_parms *cmd, const char *arg, int *to,
                                   const char *what)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    int s;

    if (err) {
        return err;
    }
    s = atoi(arg);
    if (s < 512 && s != 0) {
        return apr_pstrcat(cmd->pool, what,
                           " must be >= 512 bytes, or 0 for system default.",
                           NULL);
    }
    *to = s;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_send_buffer_size(cmd_parms *cmd,
                                                        void *dummy,
                                                        const char *arg)
{
    return set_buffer_size(cmd, arg, &ap__listen_settings.send_buffer_size,
                           "SendBufferSize");
}

AP_DECLARE_NONSTD(const char *) ap_set_receive_buffer_size(cmd_parms *cmd,
                                                           void *dummy,
                                                           const char *arg)
{
    return set_buffer_size(cmd, arg, &ap__listen_settings.recv_buffer_size,
                           "ReceiveBufferSize");
}

AP_DECLARE(void) ap_listen_pre_config(void)
{
    ap_listen_rec **tail = &ap__listen_settings.old_listeners;

    /* Keep every listener not yet handed back (several restarts in a row
     * without ap_setup_listeners in between must not leak sockets). */
    while (*tail) {
        tail = &(*tail)->next;
    }
    *tail = ap_listeners;
    ap_listeners = NULL;
    ap__listen_settings.backlog = DEFAULT_LISTENBACKLOG;
    ap__listen_settings.send_buffer_size = 0;
    ap__listen_settings.recv_buffer_size = 0;
    ap__listen_settings.cores_buckets_ratio = 0;
    ap__listen_settings.defer_accept = 0;
    ap_num_listen_buckets = 1;
}
