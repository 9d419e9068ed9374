/*
 * apr_thread_pool.c: worker threads running prioritised and timed tasks.
 *
 * One mutex guards everything. Queued tasks wait in 256 rings, one per
 * priority, FIFO inside a ring (apr_thread_pool_top() inserts at the head);
 * scheduled tasks wait in one ring sorted by due time. Idle workers sleep
 * on `work` (with a timeout when a scheduled task is pending or when they
 * are extra idle threads counting down their idle wait); `done` wakes
 * callers waiting for a task or a thread to finish (tasks_cancel, the
 * idle/thread maximum setters). Threads that leave on their own go to the
 * `dead` ring and are joined later by whoever creates a thread, or by the
 * destroy, so that no thread is ever left unjoined.
 */
#include "apr_thread_pool.h"
#include "apr_ring.h"
#include "apr_thread_mutex.h"
#include "apr_thread_cond.h"
#include "apr_time.h"

#if APR_HAS_THREADS

#define TASK_KEY "apr_thread_pool_task"
#define NPRIO 256

typedef struct tp_task tp_task;
struct tp_task {
    APR_RING_ENTRY(tp_task) link;
    apr_thread_start_t func;
    void *param;
    void *owner;
    apr_time_t due;             /* scheduled tasks: when to run */
};
APR_RING_HEAD(task_ring, tp_task);

typedef struct tp_thread tp_thread;
struct tp_thread {
    APR_RING_ENTRY(tp_thread) link;
    apr_thread_t *thd;
    apr_thread_pool_t *tp;
    tp_task *current;           /* the task it runs, or NULL */
    int idle;                   /* waiting for work */
    int stop;                   /* asked to leave */
};
APR_RING_HEAD(thread_ring, tp_thread);

struct apr_thread_pool {
    apr_pool_t *pool;
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *work;
    apr_thread_cond_t *done;
    struct task_ring queue[NPRIO];
    struct task_ring scheduled;
    struct task_ring spare_tasks;
    struct thread_ring threads;     /* alive */
    struct thread_ring dead;        /* exited, not joined yet */
    struct thread_ring spare;       /* joined: records to reuse */
    apr_size_t thd_max, idle_max, threshold;
    apr_interval_time_t idle_wait;
    apr_size_t thd_cnt, idle_cnt, stopping;
    apr_size_t task_cnt, scheduled_cnt;
    apr_size_t tasks_run, tasks_high, thd_high, thd_timed_out;
    int terminated;
};

static tp_task *task_new(apr_thread_pool_t *tp, apr_thread_start_t func,
                         void *param, void *owner)
{
    tp_task *t;

    if (!APR_RING_EMPTY(&tp->spare_tasks, tp_task, link)) {
        t = APR_RING_FIRST(&tp->spare_tasks);
        APR_RING_REMOVE(t, link);
    }
    else {
        t = apr_palloc(tp->pool, sizeof(*t));
    }
    t->func = func;
    t->param = param;
    t->owner = owner;
    t->due = 0;
    return t;
}

static void task_free(apr_thread_pool_t *tp, tp_task *t)
{
    APR_RING_INSERT_TAIL(&tp->spare_tasks, t, tp_task, link);
}

/* The next task to run, lock held: a due scheduled one first, then the
 * head of the highest non-empty priority ring. */
static tp_task *next_task(apr_thread_pool_t *tp)
{
    tp_task *t;
    int i;

    if (tp->scheduled_cnt) {
        t = APR_RING_FIRST(&tp->scheduled);
        if (t->due <= apr_time_now()) {
            APR_RING_REMOVE(t, link);
            tp->scheduled_cnt--;
            return t;
        }
    }
    if (!tp->task_cnt)
        return NULL;
    for (i = NPRIO - 1; i >= 0; i--) {
        if (!APR_RING_EMPTY(&tp->queue[i], tp_task, link)) {
            t = APR_RING_FIRST(&tp->queue[i]);
            APR_RING_REMOVE(t, link);
            tp->task_cnt--;
            return t;
        }
    }
    return NULL;
}

/* How long an idle thread may sleep, lock held (-1: until woken). */
static apr_interval_time_t idle_sleep(apr_thread_pool_t *tp, int extra)
{
    apr_interval_time_t wait = extra ? tp->idle_wait : -1;

    if (tp->scheduled_cnt) {
        apr_interval_time_t until =
            APR_RING_FIRST(&tp->scheduled)->due - apr_time_now();

        if (until < 1)
            until = 1;
        if (wait < 0 || until < wait)
            wait = until;
    }
    return wait;
}

/* A thread leaves, lock held. */
static void thread_leave(apr_thread_pool_t *tp, tp_thread *me)
{
    APR_RING_REMOVE(me, link);
    APR_RING_INSERT_TAIL(&tp->dead, me, tp_thread, link);
    tp->thd_cnt--;
    if (me->stop && tp->stopping)
        tp->stopping--;
    apr_thread_cond_broadcast(tp->done);
}

static void run_task(apr_thread_pool_t *tp, tp_thread *me, tp_task *t)
{
    me->current = t;
    apr_thread_mutex_unlock(tp->lock);
    apr_thread_data_set(t, TASK_KEY, NULL, me->thd);
    t->func(me->thd, t->param);
    apr_thread_data_set(NULL, TASK_KEY, NULL, me->thd);
    apr_thread_mutex_lock(tp->lock);
    me->current = NULL;
    tp->tasks_run++;
    task_free(tp, t);
    apr_thread_cond_broadcast(tp->done);
}

/* Idle: wait for work; returns 0 if the thread should leave. Lock held. */
static int wait_for_work(apr_thread_pool_t *tp, tp_thread *me)
{
    /* An idle thread beyond idle_max is extra: it leaves at once, or after
     * idle_wait; but one thread stays while scheduled tasks wait. */
    /* Idle threads already asked to stop do not count. */
    apr_size_t idle = tp->idle_cnt > tp->stopping
                      ? tp->idle_cnt - tp->stopping : 0;
    int extra = idle >= tp->idle_max && !(tp->scheduled_cnt && idle == 0);
    apr_interval_time_t wait;
    apr_status_t rv;

    if (extra && !tp->idle_wait)
        return 0;
    wait = idle_sleep(tp, extra);
    me->idle = 1;
    tp->idle_cnt++;
    if (wait < 0)
        rv = apr_thread_cond_wait(tp->work, tp->lock);
    else
        rv = apr_thread_cond_timedwait(tp->work, tp->lock, wait);
    tp->idle_cnt--;
    me->idle = 0;
    idle = tp->idle_cnt > tp->stopping ? tp->idle_cnt - tp->stopping : 0;
    if (extra && APR_STATUS_IS_TIMEUP(rv) && !tp->task_cnt
        && idle >= tp->idle_max && (!tp->scheduled_cnt || idle > 0)) {
        tp->thd_timed_out++;
        return 0;
    }
    return 1;
}

static void *APR_THREAD_FUNC worker(apr_thread_t *thd, void *data)
{
    tp_thread *me = data;
    apr_thread_pool_t *tp = me->tp;

    apr_thread_mutex_lock(tp->lock);
    while (!tp->terminated && !me->stop) {
        tp_task *t = next_task(tp);

        if (t) {
            run_task(tp, me, t);
            if (tp->thd_max && tp->thd_cnt > tp->thd_max)
                break;          /* the maximum was lowered meanwhile */
            continue;
        }
        if (!wait_for_work(tp, me))
            break;
    }
    thread_leave(tp, me);
    apr_thread_mutex_unlock(tp->lock);
    (void)thd;
    return NULL;
}

/* Join the threads that left, lock NOT held. */
static void reap_dead(apr_thread_pool_t *tp)
{
    for (;;) {
        tp_thread *t;
        apr_status_t rv;

        apr_thread_mutex_lock(tp->lock);
        if (APR_RING_EMPTY(&tp->dead, tp_thread, link)) {
            apr_thread_mutex_unlock(tp->lock);
            return;
        }
        t = APR_RING_FIRST(&tp->dead);
        APR_RING_REMOVE(t, link);
        apr_thread_mutex_unlock(tp->lock);
        apr_thread_join(&rv, t->thd);
        apr_thread_mutex_lock(tp->lock);
        APR_RING_INSERT_TAIL(&tp->spare, t, tp_thread, link);
        apr_thread_mutex_unlock(tp->lock);
    }
}

/* Start one worker, lock held. */
static apr_status_t thread_start(apr_thread_pool_t *tp)
{
    tp_thread *t;
    apr_status_t rv;

    if (!APR_RING_EMPTY(&tp->spare, tp_thread, link)) {
        t = APR_RING_FIRST(&tp->spare);
        APR_RING_REMOVE(t, link);
        t->current = NULL;
        t->idle = t->stop = 0;
    }
    else {
        t = apr_pcalloc(tp->pool, sizeof(*t));
    }
    t->tp = tp;
    rv = apr_thread_create(&t->thd, NULL, worker, t, tp->pool);
    if (rv != APR_SUCCESS) {
        APR_RING_INSERT_TAIL(&tp->spare, t, tp_thread, link);
        return rv;
    }
    APR_RING_INSERT_TAIL(&tp->threads, t, tp_thread, link);
    tp->thd_cnt++;
    if (tp->thd_cnt > tp->thd_high)
        tp->thd_high = tp->thd_cnt;
    return APR_SUCCESS;
}

static apr_status_t tp_cleanup(void *data)
{
    apr_thread_pool_t *tp = data;
    int i;

    apr_thread_mutex_lock(tp->lock);
    tp->terminated = 1;
    for (i = 0; i < NPRIO; i++)
        APR_RING_INIT(&tp->queue[i], tp_task, link);
    APR_RING_INIT(&tp->scheduled, tp_task, link);
    tp->task_cnt = tp->scheduled_cnt = 0;
    apr_thread_cond_broadcast(tp->work);
    while (tp->thd_cnt)
        apr_thread_cond_wait(tp->done, tp->lock);
    apr_thread_mutex_unlock(tp->lock);
    reap_dead(tp);
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_thread_pool_create(apr_thread_pool_t **me,
                                                 apr_size_t init_threads,
                                                 apr_size_t max_threads,
                                                 apr_pool_t *pool)
{
    apr_thread_pool_t *tp;
    apr_pool_t *sub;
    apr_status_t rv;
    apr_size_t n;
    int i;

    *me = NULL;
    if ((rv = apr_pool_create(&sub, pool)) != APR_SUCCESS)
        return rv;
    tp = apr_pcalloc(sub, sizeof(*tp));
    tp->pool = sub;
    tp->thd_max = max_threads;
    tp->idle_max = init_threads;
    tp->threshold = init_threads / 2;
    for (i = 0; i < NPRIO; i++)
        APR_RING_INIT(&tp->queue[i], tp_task, link);
    APR_RING_INIT(&tp->scheduled, tp_task, link);
    APR_RING_INIT(&tp->spare_tasks, tp_task, link);
    APR_RING_INIT(&tp->threads, tp_thread, link);
    APR_RING_INIT(&tp->dead, tp_thread, link);
    APR_RING_INIT(&tp->spare, tp_thread, link);
    if ((rv = apr_thread_mutex_create(&tp->lock, APR_THREAD_MUTEX_DEFAULT,
                                      sub)) != APR_SUCCESS
        || (rv = apr_thread_cond_create(&tp->work, sub)) != APR_SUCCESS
        || (rv = apr_thread_cond_create(&tp->done, sub)) != APR_SUCCESS) {
        apr_pool_destroy(sub);
        return rv;
    }
    /* A pre-cleanup: the threads' own pools are children of `sub` and must
     * outlive the threads. */
    apr_pool_pre_cleanup_register(sub, tp, tp_cleanup);
    apr_thread_mutex_lock(tp->lock);
    for (n = 0; n < init_threads && rv == APR_SUCCESS; n++)
        rv = thread_start(tp);
    apr_thread_mutex_unlock(tp->lock);
    if (rv != APR_SUCCESS) {
        apr_pool_destroy(sub);
        return rv;
    }
    *me = tp;
    return APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_thread_pool_destroy(apr_thread_pool_t *me)
{
    apr_pool_destroy(me->pool);
    return APR_SUCCESS;
}

/* After adding a task, lock held: wake an idle thread or start one. */
static apr_status_t dispatch(apr_thread_pool_t *tp)
{
    if (tp->task_cnt > tp->tasks_high)
        tp->tasks_high = tp->task_cnt;
    if (tp->thd_cnt == 0
        || (tp->idle_cnt == 0 && tp->thd_cnt < tp->thd_max
            && tp->task_cnt > tp->threshold))
        return thread_start(tp);
    apr_thread_cond_signal(tp->work);
    return APR_SUCCESS;
}

static apr_status_t add_task(apr_thread_pool_t *me, apr_thread_start_t func,
                             void *param, apr_byte_t priority, void *owner,
                             int at_top)
{
    tp_task *t;
    apr_status_t rv;

    reap_dead(me);
    apr_thread_mutex_lock(me->lock);
    if (me->terminated) {
        apr_thread_mutex_unlock(me->lock);
        return APR_EINVAL;
    }
    t = task_new(me, func, param, owner);
    if (at_top)
        APR_RING_INSERT_HEAD(&me->queue[priority], t, tp_task, link);
    else
        APR_RING_INSERT_TAIL(&me->queue[priority], t, tp_task, link);
    me->task_cnt++;
    rv = dispatch(me);
    apr_thread_mutex_unlock(me->lock);
    return rv;
}

APU_DECLARE(apr_status_t) apr_thread_pool_push(apr_thread_pool_t *me,
                                               apr_thread_start_t func,
                                               void *param,
                                               apr_byte_t priority,
                                               void *owner)
{
    return add_task(me, func, param, priority, owner, 0);
}

APU_DECLARE(apr_status_t) apr_thread_pool_top(apr_thread_pool_t *me,
                                              apr_thread_start_t func,
                                              void *param,
                                              apr_byte_t priority,
                                              void *owner)
{
    return add_task(me, func, param, priority, owner, 1);
}

APU_DECLARE(apr_status_t) apr_thread_pool_schedule(apr_thread_pool_t *me,
                                                   apr_thread_start_t func,
                                                   void *param,
                                                   apr_interval_time_t time,
                                                   void *owner)
{
    tp_task *t, *at;
    apr_status_t rv = APR_SUCCESS;

    reap_dead(me);
    apr_thread_mutex_lock(me->lock);
    if (me->terminated) {
        apr_thread_mutex_unlock(me->lock);
        return APR_EINVAL;
    }
    t = task_new(me, func, param, owner);
    t->due = apr_time_now() + time;
    /* sorted by due time; equal times keep their order */
    for (at = APR_RING_FIRST(&me->scheduled);
         at != APR_RING_SENTINEL(&me->scheduled, tp_task, link);
         at = APR_RING_NEXT(at, link)) {
        if (at->due > t->due)
            break;
    }
    APR_RING_INSERT_BEFORE(at, t, link);
    me->scheduled_cnt++;
    if (me->thd_cnt == 0)
        rv = thread_start(me);
    else
        apr_thread_cond_broadcast(me->work);   /* recompute the sleeps */
    apr_thread_mutex_unlock(me->lock);
    return rv;
}

static apr_size_t drop_owner(apr_thread_pool_t *tp, struct task_ring *ring,
                             void *owner)
{
    tp_task *t = APR_RING_FIRST(ring);
    apr_size_t n = 0;

    while (t != APR_RING_SENTINEL(ring, tp_task, link)) {
        tp_task *next = APR_RING_NEXT(t, link);

        if (t->owner == owner) {
            APR_RING_REMOVE(t, link);
            task_free(tp, t);
            n++;
        }
        t = next;
    }
    return n;
}

static int owner_running(apr_thread_pool_t *tp, void *owner)
{
    tp_thread *t;

    APR_RING_FOREACH(t, &tp->threads, tp_thread, link) {
        if (t->current && t->current->owner == owner)
            return 1;
    }
    return 0;
}

APU_DECLARE(apr_status_t) apr_thread_pool_tasks_cancel(apr_thread_pool_t *me,
                                                       void *owner)
{
    int i;

    apr_thread_mutex_lock(me->lock);
    for (i = 0; i < NPRIO; i++)
        me->task_cnt -= drop_owner(me, &me->queue[i], owner);
    me->scheduled_cnt -= drop_owner(me, &me->scheduled, owner);
    while (owner_running(me, owner))
        apr_thread_cond_wait(me->done, me->lock);
    apr_thread_mutex_unlock(me->lock);
    return APR_SUCCESS;
}

/* Ask `n` idle threads to leave and wait until they have; lock held. */
static void stop_idle(apr_thread_pool_t *tp, apr_size_t n)
{
    tp_thread *t;

    APR_RING_FOREACH(t, &tp->threads, tp_thread, link) {
        if (!n)
            break;
        if (t->idle && !t->stop) {
            t->stop = 1;
            tp->stopping++;
            n--;
        }
    }
    apr_thread_cond_broadcast(tp->work);
    while (tp->stopping)
        apr_thread_cond_wait(tp->done, tp->lock);
}

static apr_size_t read_size(apr_thread_pool_t *tp, const apr_size_t *field)
{
    apr_size_t v;

    apr_thread_mutex_lock(tp->lock);
    v = *field;
    apr_thread_mutex_unlock(tp->lock);
    return v;
}

APU_DECLARE(apr_size_t) apr_thread_pool_tasks_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->task_cnt);
}

APU_DECLARE(apr_size_t)
    apr_thread_pool_scheduled_tasks_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->scheduled_cnt);
}

APU_DECLARE(apr_size_t) apr_thread_pool_threads_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->thd_cnt);
}

APU_DECLARE(apr_size_t) apr_thread_pool_busy_count(apr_thread_pool_t *me)
{
    apr_size_t n;

    apr_thread_mutex_lock(me->lock);
    n = me->thd_cnt - me->idle_cnt;
    apr_thread_mutex_unlock(me->lock);
    return n;
}

APU_DECLARE(apr_size_t) apr_thread_pool_idle_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->idle_cnt);
}

APU_DECLARE(apr_size_t) apr_thread_pool_idle_max_set(apr_thread_pool_t *me,
                                                     apr_size_t cnt)
{
    apr_size_t n;

    apr_thread_mutex_lock(me->lock);
    me->idle_max = cnt;
    n = me->idle_cnt > cnt ? me->idle_cnt - cnt : 0;
    if (n)
        stop_idle(me, n);
    apr_thread_mutex_unlock(me->lock);
    reap_dead(me);
    return n;
}

APU_DECLARE(apr_size_t) apr_thread_pool_tasks_run_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->tasks_run);
}

APU_DECLARE(apr_size_t)
    apr_thread_pool_tasks_high_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->tasks_high);
}

APU_DECLARE(apr_size_t)
    apr_thread_pool_threads_high_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->thd_high);
}

APU_DECLARE(apr_size_t)
    apr_thread_pool_threads_idle_timeout_count(apr_thread_pool_t *me)
{
    return read_size(me, &me->thd_timed_out);
}

APU_DECLARE(apr_size_t) apr_thread_pool_idle_max_get(apr_thread_pool_t *me)
{
    return read_size(me, &me->idle_max);
}

APU_DECLARE(apr_size_t) apr_thread_pool_thread_max_set(apr_thread_pool_t *me,
                                                       apr_size_t cnt)
{
    apr_size_t n = 0;

    apr_thread_mutex_lock(me->lock);
    me->thd_max = cnt;
    if (cnt && me->thd_cnt > cnt) {
        /* Idle ones leave now, busy ones after their task (worker()). */
        n = me->thd_cnt - cnt;
        stop_idle(me, n < me->idle_cnt ? n : me->idle_cnt);
    }
    apr_thread_mutex_unlock(me->lock);
    reap_dead(me);
    return n;
}

APU_DECLARE(apr_interval_time_t)
    apr_thread_pool_idle_wait_set(apr_thread_pool_t *me,
                                  apr_interval_time_t timeout)
{
    apr_interval_time_t old;

    apr_thread_mutex_lock(me->lock);
    old = me->idle_wait;
    me->idle_wait = timeout;
    apr_thread_mutex_unlock(me->lock);
    return old;
}

APU_DECLARE(apr_interval_time_t)
    apr_thread_pool_idle_wait_get(apr_thread_pool_t *me)
{
    apr_interval_time_t v;

    apr_thread_mutex_lock(me->lock);
    v = me->idle_wait;
    apr_thread_mutex_unlock(me->lock);
    return v;
}

APU_DECLARE(apr_size_t) apr_thread_pool_thread_max_get(apr_thread_pool_t *me)
{
    return read_size(me, &me->thd_max);
}

APU_DECLARE(apr_size_t) apr_thread_pool_threshold_set(apr_thread_pool_t *me,
                                                      apr_size_t val)
{
    apr_size_t old;

    apr_thread_mutex_lock(me->lock);
    old = me->threshold;
    me->threshold = val;
    apr_thread_mutex_unlock(me->lock);
    return old;
}

APU_DECLARE(apr_size_t) apr_thread_pool_threshold_get(apr_thread_pool_t *me)
{
    return read_size(me, &me->threshold);
}

APU_DECLARE(apr_status_t) apr_thread_pool_task_owner_get(apr_thread_t *thd,
                                                         void **owner)
{
    void *data = NULL;
    apr_status_t rv = apr_thread_data_get(&data, TASK_KEY, thd);

    if (rv != APR_SUCCESS)
        return rv;
    if (!data) {
        *owner = NULL;
        return APR_BADARG;
    }
    *owner = ((tp_task *)data)->owner;
    return APR_SUCCESS;
}

#endif /* APR_HAS_THREADS */
