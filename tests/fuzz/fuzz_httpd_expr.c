/* fuzz_httpd_expr.c: arbitrary bytes parsed as an ap_expr expression.
 * The first byte picks the mode (bit 0: string expression, bit 1: SSL
 * compatibility, bit 2: restricted); the rest is the expression. Whatever
 * parses is also evaluated without a request (so no sub-requests, and the
 * file functions are refused) to exercise the tree walk. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_strings.h"
#include "httpd.h"
#include "ap_expr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int initialized;
    apr_pool_t *pool;
    ap_expr_info_t info = { 0 };
    ap_expr_eval_ctx_t ctx = { 0 };
    ap_regmatch_t pmatch[AP_MAX_REG_MATCH];
    const char *err = NULL, *result = NULL, *source = NULL;
    int rc;

    if (!initialized) {
        apr_initialize();
        initialized = 1;
    }
    if (size < 1) {
        return 0;
    }
    apr_pool_create(&pool, NULL);
    info.filename = "fuzz";
    info.line_number = 1;
    info.flags = ((data[0] & 1) ? AP_EXPR_FLAG_STRING_RESULT : 0)
                 | ((data[0] & 2) ? AP_EXPR_FLAG_SSL_EXPR_COMPAT : 0)
                 | AP_EXPR_FLAG_RESTRICTED;
    err = ap_expr_parse(pool, pool, &info,
                        apr_pstrmemdup(pool, (const char *)data + 1,
                                       size - 1), NULL);
    if (err == NULL) {
        if (info.root_node == NULL) {
            abort();
        }
        ctx.p = pool;
        ctx.err = &err;
        ctx.info = &info;
        ctx.re_nmatch = AP_MAX_REG_MATCH;
        ctx.re_pmatch = pmatch;
        ctx.re_source = &source;
        ctx.result_string = &result;
        rc = ap_expr_exec_ctx(&ctx);
        if (rc < -1 || rc > 1 || (rc == -1 && err == NULL)) {
            abort();
        }
        if ((info.flags & AP_EXPR_FLAG_STRING_RESULT) && rc == 1
            && result == NULL) {
            abort();
        }
    }
    else if (info.root_node != NULL) {
        abort();
    }
    apr_pool_destroy(pool);
    return 0;
}
