/* fuzz_httpd_range.c: Range header values against a fixed-length body,
 * through the real parser (Apache's merging and the MaxRanges,
 * MaxRangeOverlaps, MaxRangeReversals limits taken from the first input
 * byte). Checks the invariants the BYTERANGE filter relies on: every range
 * lies inside the body, start <= end, and the parts never add up to more
 * than the body. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_strings.h"
#include "httpd.h"
#include "http_core.h"
#include "protocol_private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BODY_LENGTH 1000

static int limit(uint8_t bits)
{
    switch (bits & 3) {
    case 0:
        return AP_MAXRANGES_UNLIMITED;
    case 1:
        return 0;
    case 2:
        return 1;
    default:
        return 20;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int initialized;
    apr_pool_t *pool;
    apr_array_header_t *ranges = NULL;
    apr_off_t sum = 0;
    int n, i;

    if (!initialized) {
        apr_initialize();
        initialized = 1;
    }
    if (size < 1) {
        return 0;
    }
    apr_pool_create(&pool, NULL);
    n = ap__parse_byteranges(pool, apr_pstrmemdup(pool, (const char *)data
                                                  + 1, size - 1),
                             BODY_LENGTH, limit(data[0]),
                             limit((uint8_t)(data[0] >> 2)),
                             limit((uint8_t)(data[0] >> 4)), &ranges);
    for (i = 0; n > 0 && i < n; i++) {
        ap__range_t *rg = &APR_ARRAY_IDX(ranges, i, ap__range_t);

        if (rg->start < 0 || rg->start > rg->end || rg->end >= BODY_LENGTH) {
            abort();
        }
        sum += rg->end - rg->start + 1;
    }
    if (sum > BODY_LENGTH || n < -1) {
        abort();
    }
    apr_pool_destroy(pool);
    return 0;
}
