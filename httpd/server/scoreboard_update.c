/*
 * scoreboard_update.c: what workers write into the scoreboard while they
 * serve. This is on every request's path, so it only stores into shared
 * memory: no allocation; the descriptive strings (client, request line,
 * vhost) and the CPU times (one times() call per request, as Apache
 * makes) are taken only with ExtendedStatus On.
 */
#include <string.h>

#include "apr_strings.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_core.h"
#include "http_protocol.h"
#include "ap_mpm.h"
#include "scoreboard.h"

struct ap_sb_handle_t {
    int child_num;
    int thread_num;
};

AP_DECLARE(void) ap_create_sb_handle(ap_sb_handle_t **new_sbh, apr_pool_t *p,
                                     int child_num, int thread_num)
{
    *new_sbh = apr_palloc(p, sizeof(ap_sb_handle_t));
    (*new_sbh)->child_num = child_num;
    (*new_sbh)->thread_num = thread_num;
}

AP_DECLARE(void) ap_update_sb_handle(ap_sb_handle_t *sbh,
                                     int child_num, int thread_num)
{
    sbh->child_num = child_num;
    sbh->thread_num = thread_num;
}

static worker_score *sb_worker(const ap_sb_handle_t *sbh)
{
    if (!sbh) {
        return NULL;
    }
    return ap_get_scoreboard_worker_from_indexes(sbh->child_num,
                                                 sbh->thread_num);
}

AP_DECLARE(worker_score *) ap_get_scoreboard_worker(ap_sb_handle_t *sbh)
{
    return sb_worker(sbh);
}

/* "GET /path HTTP/1.1" without the query's secrets spilling over: the
 * field is short and only gives an idea of the request. */
static void copy_request(char *dst, apr_size_t len, const request_rec *r)
{
    if (!r->the_request) {
        apr_cpystrn(dst, r->method ? r->method : "", len);
        return;
    }
    apr_cpystrn(dst, r->the_request, len);
}

static void copy_extended(worker_score *ws, int status, const request_rec *r,
                          const conn_rec *c, const server_rec *s,
                          const char *descr)
{
    if (status == SERVER_READY || status == SERVER_DEAD) {
        if (status == SERVER_DEAD) {
            ws->my_access_count = 0L;
            ws->my_bytes_served = 0;
#ifdef HAVE_TIMES
            memset(&ws->times, 0, sizeof(ws->times));
#endif
        }
        ws->conn_count = 0;
        ws->conn_bytes = 0;
        ws->last_used = apr_time_now();
    }
    if (descr) {
        apr_cpystrn(ws->request, descr, sizeof(ws->request));
    }
    else if (r) {
        copy_request(ws->request, sizeof(ws->request), r);
    }
    else if (c) {
        ws->request[0] = '\0';
    }
    if (r && r->useragent_ip) {
        apr_cpystrn(ws->client, r->useragent_ip, sizeof(ws->client));
        apr_cpystrn(ws->client64, r->useragent_ip, sizeof(ws->client64));
    }
    else if (c && c->client_ip) {
        apr_cpystrn(ws->client, c->client_ip, sizeof(ws->client));
        apr_cpystrn(ws->client64, c->client_ip, sizeof(ws->client64));
    }
    if (s && s->server_hostname) {
        if (c && c->local_addr) {
            apr_snprintf(ws->vhost, sizeof(ws->vhost), "%s:%d",
                         s->server_hostname, c->local_addr->port);
        }
        else {
            apr_cpystrn(ws->vhost, s->server_hostname, sizeof(ws->vhost));
        }
    }
    else if (c) {
        ws->vhost[0] = '\0';
    }
    if (r && r->protocol) {
        apr_cpystrn(ws->protocol, r->protocol, sizeof(ws->protocol));
    }
}

static int update_status(int child_num, int thread_num, int status,
                         const conn_rec *c, const server_rec *s,
                         const request_rec *r, const char *descr)
{
    worker_score *ws = ap_get_scoreboard_worker_from_indexes(child_num,
                                                             thread_num);
    int old_status;

    if (!ws) {
        return -1;
    }
    old_status = ws->status;
    ws->status = (unsigned char)status;
    if (status == SERVER_READY && old_status == SERVER_STARTING) {
        process_score *ps = ap_get_scoreboard_process(child_num);
        ws->thread_num = child_num
                         * ap_scoreboard_image->global->thread_limit
                         + thread_num;
        if (ps) {
            ps->generation = ap_scoreboard_image->global->running_generation;
        }
    }
    if (ap_extended_status) {
        if (r && !s) {
            s = r->server;
        }
        copy_extended(ws, status, r, c, s, descr);
    }
    return old_status;
}

AP_DECLARE(int) ap_update_child_status_from_indexes(int child_num,
                                                    int thread_num,
                                                    int status,
                                                    request_rec *r)
{
    return update_status(child_num, thread_num, status,
                         r ? r->connection : NULL, NULL, r, NULL);
}

AP_DECLARE(int) ap_update_child_status(ap_sb_handle_t *sbh, int status,
                                       request_rec *r)
{
    if (!sbh || sbh->child_num < 0) {
        return -1;
    }
    return update_status(sbh->child_num, sbh->thread_num, status,
                         r ? r->connection : NULL, NULL, r, NULL);
}

AP_DECLARE(int) ap_update_child_status_from_conn(ap_sb_handle_t *sbh,
                                                 int status, conn_rec *c)
{
    if (!sbh || sbh->child_num < 0) {
        return -1;
    }
    return update_status(sbh->child_num, sbh->thread_num, status, c,
                         c ? c->base_server : NULL, NULL, NULL);
}

AP_DECLARE(int) ap_update_child_status_from_server(ap_sb_handle_t *sbh,
                                                   int status, conn_rec *c,
                                                   server_rec *s)
{
    if (!sbh || sbh->child_num < 0) {
        return -1;
    }
    return update_status(sbh->child_num, sbh->thread_num, status, c, s,
                         NULL, NULL);
}

AP_DECLARE(int) ap_update_child_status_descr(ap_sb_handle_t *sbh, int status,
                                             const char *descr)
{
    if (!sbh || sbh->child_num < 0) {
        return -1;
    }
    return update_status(sbh->child_num, sbh->thread_num, status, NULL,
                         NULL, NULL, descr);
}

AP_DECLARE(void) ap_increment_counts(ap_sb_handle_t *sbh, request_rec *r)
{
    worker_score *ws = sb_worker(sbh);
    apr_off_t bytes;

    if (!ws) {
        return;
    }
    /* A HEAD response sends no body whatever bytes_sent claims. */
    bytes = (r->header_only) ? 0 : r->bytes_sent;
    ws->access_count++;
    ws->my_access_count++;
    ws->conn_count++;
    ws->bytes_served += bytes;
    ws->my_bytes_served += bytes;
    ws->conn_bytes += bytes;
#ifdef HAVE_TIMES
    /* The process's times: with threads every worker of a process shows
     * the same clock, mod_status takes the largest per process. */
    if (ap_extended_status) {
        ap_os_get_times(&ws->times);
    }
#endif
}

AP_DECLARE(void) ap_set_conn_count(ap_sb_handle_t *sbh, request_rec *r,
                                   unsigned short conn_count)
{
    worker_score *ws = sb_worker(sbh);

    if (ws) {
        ws->conn_count = conn_count;
    }
}

AP_DECLARE(void) ap_time_process_request(ap_sb_handle_t *sbh, int status)
{
    worker_score *ws = sb_worker(sbh);

    if (!ws) {
        return;
    }
    if (status == START_PREQUEST) {
        ws->start_time = ws->last_used = apr_time_now();
    }
    else if (status == STOP_PREQUEST) {
        ws->stop_time = ws->last_used = apr_time_now();
        if (ap_extended_status) {
            ws->duration += ws->stop_time - ws->start_time;
        }
    }
}

AP_DECLARE(void) ap_set_time_process_request(ap_sb_handle_t *const sbh,
                                             const apr_time_t timebeg,
                                             const apr_time_t timeend)
{
    worker_score *ws = sb_worker(sbh);

    if (!ws) {
        return;
    }
    ws->start_time = timebeg;
    ws->last_used = ws->stop_time = timeend;
    if (ap_extended_status) {
        ws->duration += timeend - timebeg;
    }
}
