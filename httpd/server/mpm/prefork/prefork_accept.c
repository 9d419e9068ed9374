/*
 * prefork_accept.c: how an idle child waits for its next connection.
 *
 * It polls the listeners together with the reading end of the pipe of
 * death, so that the parent can ask an idle child to leave without a
 * signal or a dummy connection. With several listeners only the holder
 * of the "mpm-accept" mutex polls (no thundering herd); the others wait
 * for the mutex. With one listener every idle child polls and the
 * listener being non-blocking, the losers of a race just poll again.
 */
#include "apr_poll.h"
#include "apr_proc_mutex.h"
#include "apr_file_io.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "ap_listen.h"
#include "mpm_common.h"
#include "unixd.h"

#include "prefork_private.h"

APLOG_USE_MODULE(mpm_prefork);

struct ap__prefork_accept {
    apr_pollset_t *pollset;
    apr_proc_mutex_t *mutex;    /* NULL: accept is not serialised */
    int n_listen;
    int next;                   /* where the next scan of results starts */
};

int ap__prefork_pod_says_die(void)
{
    char c;
    apr_size_t one = 1;
    apr_status_t rv;

    if (!ap__prefork_pod) {
        return 0;
    }
    rv = apr_file_read(ap__prefork_pod->pod_in, &c, &one);
    /* A byte is for us; end-of-file means the parent closed its end (a
     * new generation, or the parent is gone): leave as well. */
    return rv == APR_SUCCESS || APR_STATUS_IS_EOF(rv);
}

static apr_status_t add_fds(ap__prefork_accept_t *ac, apr_pool_t *p)
{
    apr_pollfd_t pfd = { 0 };
    ap_listen_rec *lr;
    apr_status_t rv = APR_SUCCESS;

    pfd.p = p;
    pfd.reqevents = APR_POLLIN;
    pfd.desc_type = APR_POLL_SOCKET;
    for (lr = ap_listeners; lr && rv == APR_SUCCESS; lr = lr->next) {
        if (!lr->sd) {
            continue;
        }
        pfd.desc.s = lr->sd;
        pfd.client_data = lr;
        rv = apr_pollset_add(ac->pollset, &pfd);
        ac->n_listen++;
    }
    if (rv == APR_SUCCESS && ap__prefork_pod) {
        pfd.desc_type = APR_POLL_FILE;
        pfd.desc.f = ap__prefork_pod->pod_in;
        pfd.client_data = NULL;     /* NULL marks the pipe of death */
        rv = apr_pollset_add(ac->pollset, &pfd);
    }
    return rv;
}

/* With several listener buckets (ListenCoresBucketsRatio) the one
 * mutex would let its holder wait on its own bucket while another's
 * connections queue up unserved: accept is then not serialised, as with
 * a single listener. */
static apr_status_t join_mutex(ap__prefork_accept_t *ac, apr_pool_t *p)
{
    apr_status_t rv;

    if (!ap__prefork_accept_mutex || ap_num_listen_buckets > 1) {
        return APR_SUCCESS;
    }
    ac->mutex = ap__prefork_accept_mutex;
    rv = apr_proc_mutex_child_init(&ac->mutex,
                                   apr_proc_mutex_lockfile(ac->mutex), p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(00157) "couldn't initialize the accept mutex "
                     "in the child (%s)",
                     apr_proc_mutex_name(ap__prefork_accept_mutex));
    }
    return rv;
}

apr_status_t ap__prefork_accept_init(ap__prefork_accept_t **acp,
                                     apr_pool_t *pchild)
{
    ap__prefork_accept_t *ac = apr_pcalloc(pchild, sizeof(*ac));
    ap_listen_rec *lr;
    apr_uint32_t n = 1;
    apr_status_t rv;

    for (lr = ap_listeners; lr; lr = lr->next) {
        n++;
    }
    rv = apr_pollset_create(&ac->pollset, n, pchild, 0);
    if (rv == APR_SUCCESS) {
        rv = add_fds(ac, pchild);
    }
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(10302) "couldn't set up the pollset of the "
                     "listening sockets");
        return rv;
    }
    rv = join_mutex(ac, pchild);
    *acp = ac;
    return rv;
}

/* Take the mutex; AGAIN when a signal came first, FATAL on failure
 * (a broken mutex would otherwise make the children spin). */
static ap__prefork_accept_e lock(ap__prefork_accept_t *ac)
{
    apr_status_t rv;

    if (!ac->mutex) {
        return AP__PREFORK_ACCEPTED;
    }
    rv = apr_proc_mutex_lock(ac->mutex);
    if (rv == APR_SUCCESS) {
        return AP__PREFORK_ACCEPTED;
    }
    if (APR_STATUS_IS_EINTR(rv)) {
        return AP__PREFORK_AGAIN;
    }
    ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf, APLOGNO(00143)
                 "couldn't grab the accept mutex");
    return AP__PREFORK_FATAL;
}

static void unlock(ap__prefork_accept_t *ac)
{
    apr_status_t rv;

    if (!ac->mutex) {
        return;
    }
    rv = apr_proc_mutex_unlock(ac->mutex);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(00144) "couldn't release the accept mutex");
    }
}

/* Poll until a listener is ready; NULL with *res set otherwise. */
static ap_listen_rec *wait_ready(ap__prefork_accept_t *ac,
                                 ap__prefork_accept_e *res)
{
    const apr_pollfd_t *out;
    apr_int32_t n, i;
    apr_status_t rv;

    rv = apr_pollset_poll(ac->pollset, -1, &n, &out);
    if (rv != APR_SUCCESS) {
        if (!APR_STATUS_IS_EINTR(rv) && !APR_STATUS_IS_TIMEUP(rv)) {
            ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                         APLOGNO(10301) "apr_pollset_poll: (listen)");
            apr_sleep(apr_time_from_msec(100));     /* no busy loop */
        }
        *res = AP__PREFORK_AGAIN;
        return NULL;
    }
    /* The pipe of death first: a child asked to leave must not take one
     * more connection. */
    for (i = 0; i < n; i++) {
        if (!out[i].client_data && ap__prefork_pod_says_die()) {
            *res = AP__PREFORK_LEAVE;
            return NULL;
        }
    }
    /* Take turns between ready listeners, so that none starves. */
    for (i = 0; i < n; i++) {
        const apr_pollfd_t *pfd = &out[(ac->next + i) % n];
        if (pfd->client_data) {
            ac->next++;
            return pfd->client_data;
        }
    }
    *res = AP__PREFORK_AGAIN;
    return NULL;
}

ap__prefork_accept_e ap__prefork_accept_next(ap__prefork_accept_t *ac,
                                             apr_pool_t *ptrans,
                                             apr_socket_t **csd,
                                             volatile int *die_now)
{
    ap__prefork_accept_e res = lock(ac);
    ap_listen_rec *lr;
    void *sock = NULL;
    apr_status_t rv;

    *csd = NULL;
    if (res != AP__PREFORK_ACCEPTED) {
        return res;
    }
    /* The previous holder may have left because of a graceful stop that
     * reached us while we waited for the mutex. */
    while (!*die_now) {
        lr = wait_ready(ac, &res);
        if (!lr) {
            if (res == AP__PREFORK_AGAIN && ac->mutex) {
                continue;   /* keep the mutex: nobody else may poll */
            }
            unlock(ac);
            return res;
        }
        rv = lr->accept_func ? lr->accept_func(&sock, lr, ptrans)
                             : ap_unixd_accept(&sock, lr, ptrans);
        unlock(ac);
        if (rv != APR_SUCCESS || !sock) {
            return AP__PREFORK_AGAIN;   /* lost a race, or client gone */
        }
        *csd = sock;
        return AP__PREFORK_ACCEPTED;
    }
    unlock(ac);
    return AP__PREFORK_LEAVE;
}
