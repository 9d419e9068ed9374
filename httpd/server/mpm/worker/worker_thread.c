/*
 * worker_thread.c: a worker thread. It waits (idle) for a socket from the
 * listener and serves the connection to its end: ap_process_connection
 * runs the synchronous keep-alive loop, then the lingering close. The
 * connection's pool is cleared and recycled for the next one.
 */
#include "apr_atomic.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "http_connection.h"

#include "worker_private.h"

APLOG_USE_MODULE(mpm_worker);

/* Connection ids are unique per scoreboard slot, as in Apache. */
static long conn_id(int child_num, int thread_num)
{
    return (long)child_num * ap__worker_conf.thread_limit + thread_num;
}

static void serve(ap__worker_child_t *ch, apr_thread_t *thd, int thread_num,
                  apr_socket_t *sd, apr_pool_t *p)
{
    apr_bucket_alloc_t *ba = apr_bucket_alloc_create(p);
    ap_sb_handle_t *sbh;
    conn_rec *c;

    ap_create_sb_handle(&sbh, p, ch->child_num, thread_num);
    c = ap_run_create_connection(p, ap_server_conf, sd,
                                 conn_id(ch->child_num, thread_num), sbh, ba);
    if (!c) {
        return;   /* the pool's clearing closes the socket */
    }
    c->current_thread = thd;
    ap_process_connection(c, sd);
    ap_lingering_close(c);
}

void *APR_THREAD_FUNC ap__worker_thread(apr_thread_t *thd, void *data)
{
    ap__worker_child_t *ch = ap__worker_child;
    int thread_num = (int)(apr_uintptr_t)data;
    apr_pool_t *done = NULL;

    ap_update_child_status_from_indexes(ch->child_num, thread_num,
                                        SERVER_STARTING, NULL);
    while (!ch->workers_may_exit) {
        apr_socket_t *sd;
        apr_pool_t *p;

        ap_update_child_status_from_indexes(ch->child_num, thread_num,
                                            SERVER_READY, NULL);
        if (ap__worker_queue_pop(ch->queue, done, &sd, &p) != APR_SUCCESS) {
            done = NULL;
            break;
        }
        done = p;
        if (ch->workers_may_exit) {
            break;
        }
        serve(ch, thd, thread_num, sd, p);
    }
    if (done) {
        apr_pool_destroy(done);
    }
    ap_update_child_status_from_indexes(ch->child_num, thread_num,
                                        SERVER_DEAD, NULL);
    apr_atomic_inc32(&ch->workers_done);
    apr_thread_exit(thd, APR_SUCCESS);
    return NULL;
}
