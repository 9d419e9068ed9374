/* Licensed under the Apache License, Version 2.0 (the "License"); see the
 * LICENSE file at the root of this repository.
 */

/**
 * @file  http_log.h
 * @brief The error log: levels, the ap_log_*error family, pid files and
 *        piped loggers.
 *
 * Every ap_log_*error name is a C99 variadic macro that first checks the
 * configured level (cheap, inline) and only then calls the real function
 * (the same name with a trailing underscore).  Format strings are checked
 * by the compiler (printf attribute).
 */

#ifndef APACHE_HTTP_LOG_H
#define APACHE_HTTP_LOG_H

#include "apr_thread_proc.h"
#include "httpd.h"
#include "http_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- levels (the syslog priorities, then eight trace levels) ---------- */

/** the system is unusable */
#define APLOG_EMERG     0
/** immediate action required */
#define APLOG_ALERT     1
/** critical condition */
#define APLOG_CRIT      2
/** error */
#define APLOG_ERR       3
/** warning */
#define APLOG_WARNING   4
/** normal but significant */
#define APLOG_NOTICE    5
/** informational */
#define APLOG_INFO      6
/** debugging */
#define APLOG_DEBUG     7
/** trace levels, increasingly verbose */
#define APLOG_TRACE1    8
#define APLOG_TRACE2    9
#define APLOG_TRACE3    10
#define APLOG_TRACE4    11
#define APLOG_TRACE5    12
#define APLOG_TRACE6    13
#define APLOG_TRACE7    14
#define APLOG_TRACE8    15

/** bits of a level argument that hold the level itself */
#define APLOG_LEVELMASK 15

/** obsolete flag, kept so old callers still compile; has no effect */
#define APLOG_NOERRNO   (APLOG_LEVELMASK + 1)
/** copy the message into the request note "error-notes" (for the client) */
#define APLOG_TOCLIENT  ((APLOG_LEVELMASK + 1) * 2)
/** startup message: written without timestamp/level prefix */
#define APLOG_STARTUP   ((APLOG_LEVELMASK + 1) * 4)

#ifndef DEFAULT_LOGLEVEL
/** level used when LogLevel is not configured */
#define DEFAULT_LOGLEVEL APLOG_WARNING
#endif

/** message tag: APLOGNO(01234) expands to "AH01234: " */
#define APLOGNO(n)      "AH" #n ": "

/** module index meaning "no module" (core messages without a module) */
#define APLOG_NO_MODULE -1

/*
 * Each source file may state which module it belongs to with
 * APLOG_USE_MODULE(name) (http_config.h), which initialises
 * aplog_module_index.  In C, files that don't are covered by this
 * tentative definition (NULL -> APLOG_NO_MODULE).  C++ has no tentative
 * definitions, so C++ files must use APLOG_USE_MODULE.
 */
#ifndef __cplusplus
static int * const aplog_module_index;
#define APLOG_MODULE_INDEX \
    (aplog_module_index ? *aplog_module_index : APLOG_NO_MODULE)
#else
#define APLOG_MODULE_INDEX (*aplog_module_index)
#endif

/*
 * APLOG_MAX_LOGLEVEL, if defined by the includer, removes every log call
 * above that level at compile time.
 */
#define AP__LOGLVL(level) ((level) & APLOG_LEVELMASK)
#if defined(APLOG_MAX_LOGLEVEL)
#define AP__LOG_UNDER_MAX(level) (AP__LOGLVL(level) <= APLOG_MAX_LOGLEVEL)
#else
#define AP__LOG_UNDER_MAX(level) 1
#endif

/** Would a message at @a level for module @a module_index be logged on
 *  server @a s?  Levels up to NOTICE always are, as is anything when s is
 *  NULL (startup). */
#define APLOG_MODULE_IS_LEVEL(s, module_index, level)                     \
    (AP__LOG_UNDER_MAX(level)                                             \
     && (AP__LOGLVL(level) <= APLOG_NOTICE || (s) == NULL                 \
         || ap_get_server_module_loglevel(s, module_index)                \
            >= AP__LOGLVL(level)))

/** as APLOG_MODULE_IS_LEVEL for a connection */
#define APLOG_C_MODULE_IS_LEVEL(c, module_index, level)                   \
    (AP__LOG_UNDER_MAX(level)                                             \
     && (AP__LOGLVL(level) <= APLOG_NOTICE                                \
         || ap_get_conn_module_loglevel(c, module_index)                  \
            >= AP__LOGLVL(level)))

/** as APLOG_MODULE_IS_LEVEL for a connection with a server fallback */
#define APLOG_CS_MODULE_IS_LEVEL(c, s, module_index, level)               \
    (AP__LOG_UNDER_MAX(level)                                             \
     && (AP__LOGLVL(level) <= APLOG_NOTICE                                \
         || ap_get_conn_server_module_loglevel(c, s, module_index)        \
            >= AP__LOGLVL(level)))

/** as APLOG_MODULE_IS_LEVEL for a request (honours per-dir LogLevel) */
#define APLOG_R_MODULE_IS_LEVEL(r, module_index, level)                   \
    (AP__LOG_UNDER_MAX(level)                                             \
     && (AP__LOGLVL(level) <= APLOG_NOTICE                                \
         || ap_get_request_module_loglevel(r, module_index)               \
            >= AP__LOGLVL(level)))

/** level checks for the current file's module */
#define APLOG_IS_LEVEL(s, level) \
    APLOG_MODULE_IS_LEVEL(s, APLOG_MODULE_INDEX, level)
#define APLOG_C_IS_LEVEL(c, level) \
    APLOG_C_MODULE_IS_LEVEL(c, APLOG_MODULE_INDEX, level)
#define APLOG_CS_IS_LEVEL(c, s, level) \
    APLOG_CS_MODULE_IS_LEVEL(c, s, APLOG_MODULE_INDEX, level)
#define APLOG_R_IS_LEVEL(r, level) \
    APLOG_R_MODULE_IS_LEVEL(r, APLOG_MODULE_INDEX, level)

/** shorthands: is info/debug/traceN enabled for server s */
#define APLOGinfo(s)    APLOG_IS_LEVEL(s, APLOG_INFO)
#define APLOGdebug(s)   APLOG_IS_LEVEL(s, APLOG_DEBUG)
#define APLOGtrace1(s)  APLOG_IS_LEVEL(s, APLOG_TRACE1)
#define APLOGtrace2(s)  APLOG_IS_LEVEL(s, APLOG_TRACE2)
#define APLOGtrace3(s)  APLOG_IS_LEVEL(s, APLOG_TRACE3)
#define APLOGtrace4(s)  APLOG_IS_LEVEL(s, APLOG_TRACE4)
#define APLOGtrace5(s)  APLOG_IS_LEVEL(s, APLOG_TRACE5)
#define APLOGtrace6(s)  APLOG_IS_LEVEL(s, APLOG_TRACE6)
#define APLOGtrace7(s)  APLOG_IS_LEVEL(s, APLOG_TRACE7)
#define APLOGtrace8(s)  APLOG_IS_LEVEL(s, APLOG_TRACE8)

/** shorthands for a request */
#define APLOGrinfo(r)   APLOG_R_IS_LEVEL(r, APLOG_INFO)
#define APLOGrdebug(r)  APLOG_R_IS_LEVEL(r, APLOG_DEBUG)
#define APLOGrtrace1(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE1)
#define APLOGrtrace2(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE2)
#define APLOGrtrace3(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE3)
#define APLOGrtrace4(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE4)
#define APLOGrtrace5(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE5)
#define APLOGrtrace6(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE6)
#define APLOGrtrace7(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE7)
#define APLOGrtrace8(r) APLOG_R_IS_LEVEL(r, APLOG_TRACE8)

/** shorthands for a connection */
#define APLOGcinfo(c)   APLOG_C_IS_LEVEL(c, APLOG_INFO)
#define APLOGcdebug(c)  APLOG_C_IS_LEVEL(c, APLOG_DEBUG)
#define APLOGctrace1(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE1)
#define APLOGctrace2(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE2)
#define APLOGctrace3(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE3)
#define APLOGctrace4(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE4)
#define APLOGctrace5(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE5)
#define APLOGctrace6(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE6)
#define APLOGctrace7(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE7)
#define APLOGctrace8(c) APLOG_C_IS_LEVEL(c, APLOG_TRACE8)

/** level used for messages logged before any server config exists */
AP_DECLARE_DATA extern int ap_default_loglevel;

/** the first three arguments of every ap_log_*error call */
#define APLOG_MARK __FILE__, __LINE__, APLOG_MODULE_INDEX

/* ---- opening the logs ------------------------------------------------- */

/** Make stderr usable for logging at startup (before ErrorLog is open). */
AP_DECLARE(void) ap_open_stderr_log(apr_pool_t *p);

/** Point the process's stderr at @a file (relative to ServerRoot). */
AP_DECLARE(apr_status_t) ap_replace_stderr_log(apr_pool_t *p,
                                               const char *file);

/** Open the ErrorLog of every server (file, syslog or pipe); returns OK
 *  or DONE on failure.  Called by the core's open_logs hook. */
int ap_open_logs(apr_pool_t *pconf, apr_pool_t *plog,
                 apr_pool_t *ptemp, server_rec *s_main);

/** Per-child initialisation of the error logs. */
void ap_logs_child_init(apr_pool_t *p, server_rec *s);

/* ---- logging ---------------------------------------------------------- */

#if defined(AP_HAVE_C99) || (defined(__STDC_VERSION__) \
                             && __STDC_VERSION__ >= 199901L)
#define AP__LOG_VARIADIC 1
#else
#define AP__LOG_VARIADIC 0
#endif

/**
 * Log a message for server @a s (NULL: the main server / stderr).
 * Use as ap_log_error(APLOG_MARK, APLOG_ERR, rv, s, APLOGNO(n) "fmt", ...).
 */
AP_DECLARE(void) ap_log_error_(const char *file, int line, int module_index,
                               int level, apr_status_t status,
                               const server_rec *s, const char *fmt, ...)
                               __attribute__((format(printf, 7, 8)));

/** Log a message without a server, only a pool (startup code). */
AP_DECLARE(void) ap_log_perror_(const char *file, int line, int module_index,
                                int level, apr_status_t status,
                                apr_pool_t *p, const char *fmt, ...)
                                __attribute__((format(printf, 7, 8)));

/** Log a message about request @a r (adds the client address). */
AP_DECLARE(void) ap_log_rerror_(const char *file, int line, int module_index,
                                int level, apr_status_t status,
                                const request_rec *r, const char *fmt, ...)
                                __attribute__((format(printf, 7, 8)));

/** Log a message about connection @a c. */
AP_DECLARE(void) ap_log_cerror_(const char *file, int line, int module_index,
                                int level, apr_status_t status,
                                const conn_rec *c, const char *fmt, ...)
                                __attribute__((format(printf, 7, 8)));

/** Log a message about connection @a c in the context of server @a s. */
AP_DECLARE(void) ap_log_cserror_(const char *file, int line,
                                 int module_index, int level,
                                 apr_status_t status, const conn_rec *c,
                                 const server_rec *s, const char *fmt, ...)
                                 __attribute__((format(printf, 8, 9)));

#if AP__LOG_VARIADIC

#define ap_log_error(...) ap_log_error__(__VA_ARGS__)
#define ap_log_error__(file, line, mi, level, status, s, ...)             \
    do {                                                                  \
        const server_rec *sr__ = (s);                                     \
        if (APLOG_MODULE_IS_LEVEL(sr__, mi, level))                       \
            ap_log_error_(file, line, mi, level, status, sr__,            \
                          __VA_ARGS__);                                   \
    } while (0)

#if defined(APLOG_MAX_LOGLEVEL)
#define ap_log_perror(...) ap_log_perror__(__VA_ARGS__)
#define ap_log_perror__(file, line, mi, level, status, p, ...)            \
    do {                                                                  \
        if ((level) <= APLOG_MAX_LOGLEVEL)                                \
            ap_log_perror_(file, line, mi, level, status, p,              \
                           __VA_ARGS__);                                  \
    } while (0)
#else
#define ap_log_perror ap_log_perror_
#endif

#define ap_log_rerror(...) ap_log_rerror__(__VA_ARGS__)
#define ap_log_rerror__(file, line, mi, level, status, r, ...)            \
    do {                                                                  \
        if (APLOG_R_MODULE_IS_LEVEL(r, mi, level))                        \
            ap_log_rerror_(file, line, mi, level, status, r,              \
                           __VA_ARGS__);                                  \
    } while (0)

#define ap_log_cerror(...) ap_log_cerror__(__VA_ARGS__)
#define ap_log_cerror__(file, line, mi, level, status, c, ...)            \
    do {                                                                  \
        if (APLOG_C_MODULE_IS_LEVEL(c, mi, level))                        \
            ap_log_cerror_(file, line, mi, level, status, c,              \
                           __VA_ARGS__);                                  \
    } while (0)

#define ap_log_cserror(...) ap_log_cserror__(__VA_ARGS__)
#define ap_log_cserror__(file, line, mi, level, status, c, s, ...)        \
    do {                                                                  \
        if (APLOG_CS_MODULE_IS_LEVEL(c, s, mi, level))                    \
            ap_log_cserror_(file, line, mi, level, status, c, s,          \
                            __VA_ARGS__);                                 \
    } while (0)

#else /* no variadic macros: always call, the function checks the level */

#define ap_log_error   ap_log_error_
#define ap_log_perror  ap_log_perror_
#define ap_log_rerror  ap_log_rerror_
#define ap_log_cerror  ap_log_cerror_
#define ap_log_cserror ap_log_cserror_

#endif

/* ---- hex dumps -------------------------------------------------------- */

/** ap_log_data flag: plain dump */
#define AP_LOG_DATA_DEFAULT       0
/** ap_log_data flag: prefix each line with the offset */
#define AP_LOG_DATA_SHOW_OFFSET   1

/** Hex+ASCII dump of @a data (16 bytes a line) for server @a s. */
AP_DECLARE(void) ap_log_data_(const char *file, int line, int module_index,
                              int level, const server_rec *s,
                              const char *label, const void *data,
                              apr_size_t len, unsigned int flags);

/** Hex dump in the context of request @a r. */
AP_DECLARE(void) ap_log_rdata_(const char *file, int line, int module_index,
                               int level, const request_rec *r,
                               const char *label, const void *data,
                               apr_size_t len, unsigned int flags);

/** Hex dump in the context of connection @a c. */
AP_DECLARE(void) ap_log_cdata_(const char *file, int line, int module_index,
                               int level, const conn_rec *c,
                               const char *label, const void *data,
                               apr_size_t len, unsigned int flags);

/** Hex dump in the context of connection @a c and server @a s. */
AP_DECLARE(void) ap_log_csdata_(const char *file, int line, int module_index,
                                int level, const conn_rec *c,
                                const server_rec *s, const char *label,
                                const void *data, apr_size_t len,
                                unsigned int flags);

#if AP__LOG_VARIADIC

#define ap_log_data(...) ap_log_data__(__VA_ARGS__)
#define ap_log_data__(file, line, mi, level, s, ...)                      \
    do {                                                                  \
        const server_rec *sr__ = (s);                                     \
        if (APLOG_MODULE_IS_LEVEL(sr__, mi, level))                       \
            ap_log_data_(file, line, mi, level, sr__, __VA_ARGS__);       \
    } while (0)

#define ap_log_rdata(...) ap_log_rdata__(__VA_ARGS__)
#define ap_log_rdata__(file, line, mi, level, r, ...)                     \
    do {                                                                  \
        if (APLOG_R_MODULE_IS_LEVEL(r, mi, level))                        \
            ap_log_rdata_(file, line, mi, level, r, __VA_ARGS__);         \
    } while (0)

#define ap_log_cdata(...) ap_log_cdata__(__VA_ARGS__)
#define ap_log_cdata__(file, line, mi, level, c, ...)                     \
    do {                                                                  \
        if (APLOG_C_MODULE_IS_LEVEL(c, mi, level))                        \
            ap_log_cdata_(file, line, mi, level, c, __VA_ARGS__);         \
    } while (0)

#define ap_log_csdata(...) ap_log_csdata__(__VA_ARGS__)
#define ap_log_csdata__(file, line, mi, level, c, s, ...)                 \
    do {                                                                  \
        if (APLOG_CS_MODULE_IS_LEVEL(c, s, mi, level))                    \
            ap_log_csdata_(file, line, mi, level, c, s, __VA_ARGS__);     \
    } while (0)

#else

#define ap_log_data   ap_log_data_
#define ap_log_rdata  ap_log_rdata_
#define ap_log_cdata  ap_log_cdata_
#define ap_log_csdata ap_log_csdata_

#endif

/* ---- misc ------------------------------------------------------------- */

/** Send the error log of @a s to stderr (used by -X / foreground runs). */
AP_DECLARE(void) ap_error_log2stderr(server_rec *s);

/** Log the command line the server was started with (at NOTICE). */
AP_DECLARE(void) ap_log_command_line(apr_pool_t *p, server_rec *s);

/** Log the MPM name and build details at startup. */
AP_DECLARE(void) ap_log_mpm_common(server_rec *s);

/** Write the current pid into @a fname (relative to the runtime dir);
 *  warns if a stale file with another pid exists. */
AP_DECLARE(void) ap_log_pid(apr_pool_t *p, const char *fname);

/** Remove the pid file written by ap_log_pid. */
AP_DECLARE(void) ap_remove_pid(apr_pool_t *p, const char *fname);

/** Read the pid stored in @a filename into @a mypid. */
AP_DECLARE(apr_status_t) ap_read_pid(apr_pool_t *p, const char *filename,
                                     pid_t *mypid);

/** A logger process fed through a pipe; restarted if it dies. */
typedef struct piped_log piped_log;

/** Start "|program" style logger (run through the shell). */
AP_DECLARE(piped_log *) ap_open_piped_log(apr_pool_t *p,
                                          const char *program);

/** Start a piped logger with an explicit APR command type
 *  (APR_SHELLCMD_ENV for "|$cmd", APR_PROGRAM_ENV for "||cmd"). */
AP_DECLARE(piped_log *) ap_open_piped_log_ex(apr_pool_t *p,
                                             const char *program,
                                             apr_cmdtype_e cmdtype);

/** Stop a piped logger and close its pipe. */
AP_DECLARE(void) ap_close_piped_log(piped_log *pl);

/** Read end of the logger's pipe (the logger's stdin). */
AP_DECLARE(apr_file_t *) ap_piped_log_read_fd(piped_log *pl);

/** Write end of the logger's pipe: write log lines here. */
AP_DECLARE(apr_file_t *) ap_piped_log_write_fd(piped_log *pl);

/** Hook: produce a unique id for a connection (r NULL) or a request,
 *  used by the %L ErrorLogFormat/LogFormat items. */
AP_DECLARE_HOOK(int, generate_log_id,
                (const conn_rec *c, const request_rec *r, const char **id))

#ifdef __cplusplus
}
#endif

#endif /* APACHE_HTTP_LOG_H */
