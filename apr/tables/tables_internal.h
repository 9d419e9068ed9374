/*
 * Internal helpers shared by the array and table sources of apr/tables.
 * Not installed; symbols use the apr__ prefix and hidden visibility.
 */
#ifndef APR_TABLES_INTERNAL_H
#define APR_TABLES_INTERNAL_H

#include "apr_tables.h"

/* Sets up arr in pool p with room for nelts (at least 1) elements of
 * elt_size bytes; zero-fills the storage when zero is non-zero. */
void apr__array_init(apr_array_header_t *arr, apr_pool_t *p, int nelts,
                     int elt_size, int zero);

/* Grows arr (in arr->pool) to hold at least need elements. */
void apr__array_grow(apr_array_header_t *arr, int need);

#endif
