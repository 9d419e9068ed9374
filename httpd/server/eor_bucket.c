/* eor_bucket.c: the EOR (end of request) metadata bucket. It carries the
 * request down to the core output filter; when the bucket is destroyed,
 * i.e. once everything before it has been written, the request is logged
 * and its pool destroyed. That is what lets a response outlive its
 * handler during write completion. */
#include "apr_buckets.h"
#include "apr_pools.h"

#include "httpd.h"
#include "http_protocol.h"
#include "http_request.h"
#include "scoreboard.h"

typedef struct {
    apr_bucket_refcount refcount;
    request_rec *r;     /* NULL once logged */
} eor_data;

/* Runs before the request pool's own cleanups (a pre-cleanup), so that
 * log_transaction still sees every sub-pool the modules made. */
static apr_status_t eor_log_request(void *data)
{
    request_rec **rp = data;
    request_rec *r = *rp;

    if (!r) {
        return APR_SUCCESS;
    }
    /* Tells eor_destroy that the pool is already going away. */
    *rp = NULL;
    ap_update_child_status(r->connection->sbh, SERVER_BUSY_LOG, r);
    ap_run_log_transaction(r);
    if (ap_extended_status) {
        ap_increment_counts(r->connection->sbh, r);
    }
    return APR_SUCCESS;
}

static apr_status_t eor_read(apr_bucket *b, const char **str,
                             apr_size_t *len, apr_read_type_e block)
{
    *str = NULL;
    *len = 0;
    return APR_SUCCESS;
}

static void eor_destroy(void *data)
{
    eor_data *h = data;

    if (!apr_bucket_shared_destroy(h)) {
        return;
    }
    if (h->r) {
        /* logging happens in the pre-cleanup */
        apr_pool_destroy(h->r->pool);
    }
    apr_bucket_free(h);
}

AP_DECLARE(apr_bucket *) ap_bucket_eor_make(apr_bucket *b, request_rec *r)
{
    eor_data *h = apr_bucket_alloc(sizeof(*h), b->list);

    h->r = r;
    b = apr_bucket_shared_make(b, h, 0, 0);
    b->type = &ap_bucket_type_eor;
    return b;
}

AP_DECLARE(apr_bucket *) ap_bucket_eor_create(apr_bucket_alloc_t *list,
                                              request_rec *r)
{
    apr_bucket *b = apr_bucket_alloc(sizeof(*b), list);

    APR_BUCKET_INIT(b);
    b->free = apr_bucket_free;
    b->list = list;
    b = ap_bucket_eor_make(b, r);
    if (r) {
        eor_data *h = b->data;

        /* The bucket may be allocated from a longer-lived list than the
         * request pool: if the pool goes first, log there and forget r. */
        apr_pool_pre_cleanup_register(r->pool, &h->r, eor_log_request);
    }
    return b;
}

AP_DECLARE_DATA const apr_bucket_type_t ap_bucket_type_eor = {
    "EOR", 5, APR_BUCKET_METADATA,
    eor_destroy,
    eor_read,
    apr_bucket_setaside_noop,
    apr_bucket_split_notimpl,
    apr_bucket_shared_copy
};
