/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  mod_log_config.h
 * @brief Extension points of mod_log_config: extra %-directives and
 *        replaceable log writers, reached as optional functions.
 */

#ifndef _MOD_LOG_CONFIG_H
#define _MOD_LOG_CONFIG_H 1

#include "apr_optional.h"
#include "httpd.h"
#include "scoreboard.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Formats one %{a}X item for @a r; NULL logs "-". */
typedef const char *ap_log_handler_fn_t(request_rec *r, char *a);

/** Opens log @a name for server @a s; returns the writer's handle. */
typedef void *ap_log_writer_init(apr_pool_t *p, server_rec *s,
                                 const char *name);

/** Writes one log line made of @a nelts pieces (total @a len bytes). */
typedef apr_status_t ap_log_writer(request_rec *r,
                                   void *handle,
                                   const char **portions,
                                   int *lengths,
                                   int nelts,
                                   apr_size_t len);

/** A registered %-directive. */
typedef struct ap_log_handler {
    /** the formatter */
    ap_log_handler_fn_t *func;
    /** evaluate on the original request rather than the final one
     *  (unless '<' / '>' says otherwise) */
    int want_orig_default;
} ap_log_handler;

/** Register %@a tag (one character) with formatter @a func. */
APR_DECLARE_OPTIONAL_FN(void, ap_register_log_handler,
                        (apr_pool_t *p, char *tag, ap_log_handler_fn_t *func,
                         int def));

/** Replace the log opener; returns the previous one. */
APR_DECLARE_OPTIONAL_FN(ap_log_writer_init *, ap_log_set_writer_init,
                        (ap_log_writer_init *func));

/** Replace the log writer; returns the previous one. */
APR_DECLARE_OPTIONAL_FN(ap_log_writer *, ap_log_set_writer,
                        (ap_log_writer *func));

#ifdef __cplusplus
}
#endif

#endif /* _MOD_LOG_CONFIG_H */
