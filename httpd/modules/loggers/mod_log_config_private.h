/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* mod_log_config_private.h: shared between the mod_log_config*.c files.
 *
 * A LogFormat string is compiled once, at configuration time, into an
 * array of lc_item: literal text or a %-directive with its argument,
 * status conditions and original/final-request choice.  Logging a request
 * runs each item (cheap handlers, no re-parsing) and hands the pieces to
 * the writer, which joins them into one write. */

#ifndef MOD_LOG_CONFIG_PRIVATE_H
#define MOD_LOG_CONFIG_PRIVATE_H

#include "apr_hash.h"

#include "httpd.h"
#include "http_config.h"
#include "ap_expr.h"
#include "mod_log_config.h"

#ifdef __cplusplus
extern "C" {
#endif

extern module AP_MODULE_DECLARE_DATA log_config_module;

/** Common Log Format, used when no format is given */
#define AP__LC_DEFAULT_FORMAT "%h %l %u %t \"%r\" %>s %b"

/** One compiled format item. */
typedef struct {
    /** formatter; for literal text it returns arg */
    ap_log_handler_fn_t *func;
    /** %{arg} or the literal text */
    char *arg;
    /** '!' given: log only when the status is NOT listed */
    int condition_sense;
    /** 1: evaluate on the original request, 0: on the final one */
    int want_orig;
    /** status codes of "%400,501X", or NULL */
    apr_array_header_t *conditions;
} ap__lc_item;

/** One CustomLog / TransferLog / GlobalLog. */
typedef struct {
    /** file name, "|program", or NULL (disabled) */
    const char *fname;
    /** the format (or nickname) as written */
    const char *format_string;
    /** compiled format; NULL: the server's default */
    apr_array_header_t *format;
    /** the writer's handle, once opened */
    void *log_writer;
    /** env=[!]VAR condition, or NULL */
    char *condition_var;
    /** GlobalLog: applies to every virtual host too */
    int inherit;
    /** expr= condition, or NULL */
    ap_expr_info_t *condition_expr;
    /** where it was configured (for messages) */
    const char *defn_name;
    unsigned defn_line;
} ap__lc_log;

/** Per-server state of the module. */
typedef struct {
    /** LogFormat without a nickname, as written */
    const char *default_format_string;
    /** and compiled */
    apr_array_header_t *default_format;
    /** this server's logs (ap__lc_log) */
    apr_array_header_t *config_logs;
    /** the main server's logs, used when this one has none */
    apr_array_header_t *server_config_logs;
    /** nickname -> format string */
    apr_table_t *formats;
} ap__lc_server;

/* mod_log_config_format.c */

/** Compile @a fmt; NULL and *err set on error. */
apr_array_header_t *ap__lc_parse_format(apr_pool_t *p, const char *fmt,
                                        const char **err);

/** Register %@a tag (one character, or '^' plus two). */
void ap__lc_register_handler(apr_pool_t *p, char *tag,
                             ap_log_handler_fn_t *func, int def);

/** Forget every handler (before the configuration is re-read). */
void ap__lc_reset_handlers(apr_pool_t *p);

/** The string item @a it produces for @a r / @a orig ("-" for none). */
const char *ap__lc_run_item(request_rec *r, request_rec *orig,
                            const ap__lc_item *it);

/* mod_log_config_items.c */

/** Register the built-in %-directives. */
void ap__lc_register_builtins(apr_pool_t *p);

/** Access-log escaping (quotes and backslashes too); returns @a s itself
 *  when nothing needs escaping; NULL stays NULL. */
const char *ap__lc_escape(apr_pool_t *p, const char *s);

/** Time the request ended (first asked for), cached per request. */
apr_time_t ap__lc_request_end_time(request_rec *r);

/* mod_log_config_time.c */

/** %t / %{format}t */
const char *ap__lc_request_time(request_rec *r, char *a);

/* mod_log_config_write.c */

/** The writer functions in use (replaceable through the optional
 *  functions). */
extern ap_log_writer_init *ap__lc_writer_init;
extern ap_log_writer *ap__lc_writer;

/** The default opener: file (append) or "|program". */
void *ap__lc_default_writer_init(apr_pool_t *p, server_rec *s,
                                 const char *name);

/** The default writer: one write of the joined pieces. */
apr_status_t ap__lc_default_writer(request_rec *r, void *handle,
                                   const char **strs, int *strl, int nelts,
                                   apr_size_t len);

/** BufferedLogs opener and writer. */
void *ap__lc_buffered_writer_init(apr_pool_t *p, server_rec *s,
                                  const char *name);
apr_status_t ap__lc_buffered_writer(request_rec *r, void *handle,
                                    const char **strs, int *strl, int nelts,
                                    apr_size_t len);

/** Set up the buffered logs of a new child (mutexes, flush at exit). */
void ap__lc_buffered_child_init(apr_pool_t *p, server_rec *s);

/** Forget the buffered logs of the previous generation. */
void ap__lc_buffered_reset(apr_pool_t *p);

/** BufferedLogs On/Off (global). */
extern int ap__lc_buffered_logs;

#ifdef __cplusplus
}
#endif

#endif /* MOD_LOG_CONFIG_PRIVATE_H */
