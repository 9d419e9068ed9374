/*
 * simple_timed.c: ap_mpm_register_timed_callback for the simple MPM.
 * A module (in a request's thread, or in child_init before the loop
 * runs) registers a callback; the record goes on a list under the
 * child's mutex and the loop is woken; the loop, which alone owns the
 * timer heap, arms it there; when it is due the loop queues it to the
 * thread pool, so a slow callback never holds up the loop. Records are
 * reused, and all of them go with the child's pool.
 */
#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"

#include "simple_private.h"

APLOG_USE_MODULE(mpm_simple);

struct ap__simple_timed {
    ap__simple_timer_t timer;       /* its place on the loop's heap */
    ap_mpm_callback_fn_t *cbfn;
    void *baton;
    ap__simple_timed_t *next;       /* in timed_new or timed_free */
    ap__simple_child_t *ch;
};

/* ---- running -------------------------------------------------------------- */

static void recycle(ap__simple_child_t *ch, ap__simple_timed_t *te)
{
    apr_thread_mutex_lock(ch->mutex);
    te->next = ch->timed_free;
    ch->timed_free = te;
    apr_thread_mutex_unlock(ch->mutex);
}

static void *APR_THREAD_FUNC timed_task(apr_thread_t *thd, void *data)
{
    ap__simple_timed_t *te = data;

    te->cbfn(te->baton);
    recycle(te->ch, te);
    return NULL;
}

/* Loop thread: the deadline passed. */
static void timed_due(ap__simple_child_t *ch, void *baton)
{
    ap__simple_timed_t *te = baton;
    apr_status_t rv;

    rv = apr_thread_pool_push(ch->workers, timed_task, te,
                              APR_THREAD_TASK_PRIORITY_NORMAL, ch);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                     APLOGNO(10276) "simple: cannot queue a timed callback "
                     "for the thread pool; dropping it");
        recycle(ch, te);
    }
}

void ap__simple_timed_take(ap__simple_child_t *ch)
{
    ap__simple_timed_t *list, *next;

    apr_thread_mutex_lock(ch->mutex);
    list = ch->timed_new;
    ch->timed_new = NULL;
    apr_thread_mutex_unlock(ch->mutex);
    for (; list; list = next) {
        apr_status_t rv;

        next = list->next;
        list->next = NULL;
        rv = ap__simple_timer_arm(&ch->timers, &list->timer,
                                  list->timer.when);
        if (rv != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_ERR, rv, ap_server_conf,
                         APLOGNO(10277) "simple: no room on the timer heap "
                         "for a timed callback; dropping it");
            recycle(ch, list);
        }
    }
}

/* ---- registering ---------------------------------------------------------- */

/* A record from the free list or the pool; with ch->mutex held. */
static ap__simple_timed_t *take_record(ap__simple_child_t *ch)
{
    ap__simple_timed_t *te = ch->timed_free;

    if (te) {
        ch->timed_free = te->next;
        return te;
    }
    return apr_palloc(ch->timed_pool, sizeof(*te));
}

apr_status_t ap__simple_register_timed(apr_time_t t,
                                       ap_mpm_callback_fn_t *cbfn,
                                       void *baton)
{
    ap__simple_child_t *ch = ap__simple_running_child();
    ap__simple_timed_t *te;

    if (!cbfn) {
        return APR_EINVAL;
    }
    if (!ch || !ch->mutex || !ch->timed_pool) {
        return APR_EGENERAL;    /* the parent: no loop would run it */
    }
    apr_thread_mutex_lock(ch->mutex);
    te = take_record(ch);
    ap__simple_timer_init(&te->timer, timed_due, te);
    te->timer.when = apr_time_now() + (t > 0 ? t : 0);
    te->cbfn = cbfn;
    te->baton = baton;
    te->ch = ch;
    te->next = ch->timed_new;
    ch->timed_new = te;
    apr_thread_mutex_unlock(ch->mutex);
    /* Before the loop exists (child_init) it picks the list up first. */
    if (ch->pollset) {
        apr_pollset_wakeup(ch->pollset);
    }
    return APR_SUCCESS;
}
