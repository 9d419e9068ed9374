/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/* log_private.h: symbols shared between the server/log*.c files (the error
 * log) and the places that wire them in (the core's command table and
 * register_hooks).  Nothing here is module API. */

#ifndef AP_LOG_PRIVATE_H
#define AP_LOG_PRIVATE_H

#include <stdarg.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- directives (in core's command table) ----------------------------- */

/** ErrorLog file | "|cmd" | "syslog[:facility[:tag]]"
 *  (AP_INIT_TAKE1, RSRC_CONF). */
const char *ap__cmd_errorlog(cmd_parms *cmd, void *dummy, const char *arg);

/** ErrorLogFormat [connection|request] format  (AP_INIT_TAKE12, RSRC_CONF). */
const char *ap__cmd_errorlogformat(cmd_parms *cmd, void *dummy,
                                   const char *arg1, const char *arg2);

/** LogLevel [module:]level ...  (AP_INIT_TAKE_ARGV, RSRC_CONF|ACCESS_CONF). */
const char *ap__cmd_loglevel(cmd_parms *cmd, void *dummy, int argc,
                             char *const argv[]);

/** Register the log hooks (open_logs, child_init, pre_config for the
 *  mutex registry, generate_log_id default) and the built-in
 *  ErrorLogFormat items.  Called from the core's register_hooks. */
void ap__log_register_hooks(apr_pool_t *p);

/** The common path of the ap_log_*error functions, for callers that
 *  have any of s, c, r (log_core.c). */
void ap__log_core(const char *file, int line, int module_index, int level,
                  apr_status_t status, const server_rec *s,
                  const conn_rec *c, const request_rec *r,
                  const char *fmt, ...)
                  __attribute__((format(printf, 9, 10)));

/* ---- level names (log_level.c) ---------------------------------------- */

/** "emerg".."trace8" for level 0..15. */
extern const char *const ap__log_level_names[APLOG_TRACE8 + 1];

/** Level number of @a name (case-insensitive), -1 if unknown. */
int ap__log_level_by_name(const char *name);

/* ---- formatting (log_format.c, log_items.c) --------------------------- */

/** size of one error-log line, terminator included */
#define AP__LOG_LINE_MAX MAX_STRING_LEN

/** Compile an ErrorLogFormat string into @a items (an array of
 *  ap_errorlog_format_item); returns an error message or NULL.
 *  @a is_main: a main format (may use %M, may not use '+'). */
const char *ap__log_parse_format(apr_pool_t *p, const char *fmt,
                                 apr_array_header_t *items, int is_main);

/** The compiled default format (built on first use; NULL before
 *  ap_pglobal exists). */
const apr_array_header_t *ap__log_default_format(void);

/** The format of APLOG_STARTUP messages: "%E: %M". */
const apr_array_header_t *ap__log_startup_format(void);

/**
 * Format one line into @a buf (capacity @a buflen > 1) per @a items.
 * The message (%M) is vformatted from @a fmt / @a args (both NULL for
 * connection/request lines) and escaped; [*msg_start, *msg_end) is
 * where it landed.  Returns the line length (no newline, NUL-terminated)
 * or 0 when a required ('+') item was empty.
 */
int ap__log_format_line(const ap_errorlog_info *info,
                        const apr_array_header_t *items, char *buf,
                        int buflen, int *msg_start, int *msg_end,
                        const char *fmt, va_list *args);

/** Error-log escaping of @a src into @a dst (capacity @a dstlen, not
 *  NUL-terminated): control and non-ASCII bytes as \xhh or \n style,
 *  backslashes doubled, quotes kept.  Returns the bytes written. */
int ap__log_escape(char *dst, int dstlen, const char *src);

/** The handler registered for ErrorLogFormat item %@a tag, or NULL. */
const ap_errorlog_handler *ap__log_find_handler(char tag);

/** Register the built-in ErrorLogFormat items. */
void ap__log_register_builtin_items(apr_pool_t *p);

/** Kernel thread id of the calling thread (falls back to the APR id). */
unsigned long ap__log_thread_id(void);

/** Process id of the caller. */
unsigned long ap__log_pid(void);

/* ---- destinations (log_open.c, log_syslog.c) -------------------------- */

/** stderr as opened by ap_open_stderr_log (NULL before). */
apr_file_t *ap__log_stderr(void);

/** Is ErrorLog value @a fname a syslog destination? */
int ap__log_is_syslog(const char *fname);

/** Start logging to syslog per "syslog[:facility[:tag]]" @a spec;
 *  returns an error message or NULL. */
const char *ap__log_syslog_open(apr_pool_t *p, const char *spec);

/** Is syslog set up? */
int ap__log_syslog_active(void);

/** Send one line (without newline) at @a level to syslog. */
void ap__log_syslog_write(int level, const char *line, apr_size_t len);

/* ---- log ids (log_id.c) ----------------------------------------------- */

/** The default generate_log_id hook (an 11-character base64 id). */
int ap__log_default_log_id(const conn_rec *c, const request_rec *r,
                           const char **id);

/** r's (or with r NULL, c's) log id, generating it when missing. */
const char *ap__log_get_id(const conn_rec *c, const request_rec *r);

#ifdef __cplusplus
}
#endif

#endif /* AP_LOG_PRIVATE_H */
