/*
 * simple_child.c: one child process: privileges, child_init hooks, the
 * pollset with the listeners and the pipe of death, the thread pool and
 * its scoreboard slots; then the event loop, and the way out.
 */
#include "apr_signal.h"
#include "apr_thread_proc.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"

#include "simple_private.h"
#include "listen_private.h"

APLOG_USE_MODULE(mpm_simple);

/* The child being run, for the SIGTERM handler. */
static ap__simple_child_t *volatile running_child = NULL;

ap__simple_child_t *ap__simple_running_child(void)
{
    return running_child;
}

static void child_sig_term(int sig)
{
    ap__simple_child_t *ch = running_child;

    if (ch) {
        ch->stop_now = 1;   /* the loop sees it within POLL_CAP */
    }
}

/* ---- scoreboard thread slots ---------------------------------------------- */

int ap__simple_slot_get(ap__simple_child_t *ch)
{
    int slot = 0;

    apr_thread_mutex_lock(ch->mutex);
    if (ch->n_free > 0) {
        slot = ch->free_slots[--ch->n_free];
    }
    apr_thread_mutex_unlock(ch->mutex);
    return slot;
}

void ap__simple_slot_put(ap__simple_child_t *ch, int slot)
{
    ap_update_child_status_from_indexes(ch->child_num, slot, SERVER_READY,
                                        NULL);
    apr_thread_mutex_lock(ch->mutex);
    ch->free_slots[ch->n_free++] = slot;
    apr_thread_mutex_unlock(ch->mutex);
}

static void make_slots(ap__simple_child_t *ch)
{
    int n = ap__simple_conf.threads;
    int i;

    ch->free_slots = apr_palloc(ch->pchild, sizeof(int) * (apr_size_t)n);
    /* Handed out from the end: slot 0 first. */
    for (i = 0; i < n; i++) {
        ch->free_slots[i] = n - 1 - i;
        ap_update_child_status_from_indexes(ch->child_num, i, SERVER_READY,
                                            NULL);
    }
    ch->n_free = n;
}

/* ---- set-up ------------------------------------------------------------------ */

/* The listeners of this child's bucket (ListenCoresBucketsRatio). */
static void add_listeners(ap__simple_child_t *ch)
{
    ap_listen_rec *mine = ap__listen_child_bucket(ch->child_num);
    ap_listen_rec *lr;
    int n = 0;

    for (lr = mine; lr; lr = lr->next) {
        n++;
    }
    ch->listen_pfds = apr_pcalloc(ch->pchild,
                                  sizeof(apr_pollfd_t) * (apr_size_t)(n + 1));
    ch->listen_tags = apr_pcalloc(ch->pchild, sizeof(ap__simple_tag_t)
                                              * (apr_size_t)(n + 1));
    for (lr = mine; lr; lr = lr->next) {
        apr_pollfd_t *pfd = &ch->listen_pfds[ch->n_listen];
        ap__simple_tag_t *tag = &ch->listen_tags[ch->n_listen];

        if (!lr->sd) {
            continue;
        }
        tag->kind = AP__SIMPLE_KIND_LISTENER;
        tag->lr = lr;
        pfd->p = ch->pchild;
        pfd->desc_type = APR_POLL_SOCKET;
        pfd->desc.s = lr->sd;
        pfd->reqevents = APR_POLLIN;
        pfd->client_data = tag;
        ch->n_listen++;
    }
}

static apr_status_t add_pod(ap__simple_child_t *ch)
{
    if (!ap__simple_pod) {
        return APR_SUCCESS;     /* -X */
    }
    /* Never block on the pipe: another child may take the byte first. */
    apr_file_pipe_timeout_set(ap__simple_pod->pod_in, 0);
    ch->pod_tag.kind = AP__SIMPLE_KIND_POD;
    ch->pod_pfd.p = ch->pchild;
    ch->pod_pfd.desc_type = APR_POLL_FILE;
    ch->pod_pfd.desc.f = ap__simple_pod->pod_in;
    ch->pod_pfd.reqevents = APR_POLLIN;
    ch->pod_pfd.client_data = &ch->pod_tag;
    return apr_pollset_add(ch->pollset, &ch->pod_pfd);
}

/* The thread pool gets a pool with its own locked allocator: its threads
 * come and go while the loop allocates from pchild. */
static apr_status_t make_workers(ap__simple_child_t *ch)
{
    apr_size_t n = (apr_size_t)ap__simple_conf.threads;
    apr_allocator_t *alloc;
    apr_thread_mutex_t *m;
    apr_pool_t *p;
    apr_status_t rv;

    rv = apr_allocator_create(&alloc);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = apr_pool_create_ex(&p, ch->pchild, NULL, alloc);
    if (rv != APR_SUCCESS) {
        apr_allocator_destroy(alloc);
        return rv;
    }
    apr_allocator_owner_set(alloc, p);
    rv = apr_thread_mutex_create(&m, APR_THREAD_MUTEX_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    apr_allocator_mutex_set(alloc, m);
    return apr_thread_pool_create(&ch->workers, n, n, p);
}

static apr_status_t setup(ap__simple_child_t *ch)
{
    apr_uint32_t size = (apr_uint32_t)ap__simple_conf.threads * 16 + 256;
    apr_status_t rv;

    rv = ap__simple_heap_init(&ch->timers, ch->pchild);
    if (rv == APR_SUCCESS) {
        /* Grows past its initial size as needed on epoll and kqueue. */
        rv = apr_pollset_create(&ch->pollset, size, ch->pchild,
                                APR_POLLSET_NOCOPY | APR_POLLSET_WAKEABLE);
    }
    if (rv == APR_SUCCESS) {
        rv = add_pod(ch);
    }
    if (rv != APR_SUCCESS) {
        return rv;
    }
    add_listeners(ch);
    make_slots(ch);
    /* Pool threads inherit this mask: SIGTERM is for the loop thread. */
    if (!ap__simple_conf.one_process) {
        apr_signal_block(SIGTERM);
    }
    rv = make_workers(ch);
    if (!ap__simple_conf.one_process) {
        apr_signal_unblock(SIGTERM);
    }
    return rv;
}

/* What modules may use from child_init on: the mutex, and the pool of
 * timed callback records (its own allocator: any thread allocates from
 * it, under the mutex, while the loop allocates from pchild). */
static apr_status_t early_setup(ap__simple_child_t *ch)
{
    apr_allocator_t *alloc;
    apr_status_t rv;

    rv = apr_thread_mutex_create(&ch->mutex, APR_THREAD_MUTEX_DEFAULT,
                                 ch->pchild);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = apr_allocator_create(&alloc);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = apr_pool_create_ex(&ch->timed_pool, ch->pchild, NULL, alloc);
    if (rv != APR_SUCCESS) {
        apr_allocator_destroy(alloc);
        return rv;
    }
    apr_allocator_owner_set(alloc, ch->timed_pool);
    return APR_SUCCESS;
}

static void child_signals(void)
{
    if (ap__simple_conf.one_process) {
        return;     /* the parent's handlers stay: we are the parent */
    }
    apr_signal(SIGHUP, SIG_IGN);
    apr_signal(SIGINT, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL, SIG_IGN);
    apr_signal(AP_SIG_GRACEFUL_STOP, SIG_IGN);
    apr_signal(SIGTERM, child_sig_term);
    ap_fatal_signal_child_setup(ap_server_conf);
}

static void mark_threads(ap__simple_child_t *ch, int status)
{
    int i;

    for (i = 0; i < ap__simple_conf.threads; i++) {
        ap_update_child_status_from_indexes(ch->child_num, i, status, NULL);
    }
}

int ap__simple_child_main(apr_pool_t *pconf, int child_num)
{
    ap__simple_child_t *ch;
    apr_pool_t *pchild;
    apr_status_t rv;

    apr_pool_create(&pchild, pconf);
    apr_pool_tag(pchild, "pchild");
    ch = apr_pcalloc(pchild, sizeof(*ch));
    ch->pchild = pchild;
    ch->child_num = child_num;
    running_child = ch;
    child_signals();
    if (ap_run_drop_privileges(pchild, ap_server_conf)) {
        return APEXIT_CHILDFATAL;
    }
    rv = early_setup(ch);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(10278) "simple: could not create the child's "
                     "mutex");
        return APEXIT_CHILDSICK;
    }
    ap_run_child_init(pchild, ap_server_conf);
    rv = setup(ch);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_EMERG, rv, ap_server_conf,
                     APLOGNO(10208) "simple: could not set up the child's "
                     "pollset, timers and thread pool");
        return APEXIT_CHILDSICK;
    }
    ap__simple_event_loop(ch);
    ap_run_child_stopping(pchild, !ch->stop_now);
    mark_threads(ch, SERVER_GRACEFUL);
    if (ch->stop_now && !ap__simple_conf.one_process) {
        /* Tasks may be deep in a request: do not wait for them. */
        return 0;
    }
    /* Waits for running tasks; their connections are closed with pchild. */
    apr_thread_pool_destroy(ch->workers);
    mark_threads(ch, SERVER_DEAD);
    running_child = NULL;
    apr_pool_destroy(pchild);
    return 0;
}
