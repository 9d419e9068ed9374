/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file ap_regex.h
 * @brief POSIX-style regular expressions for the server and modules,
 * implemented on PCRE2 (server/util_pcre.c).
 *
 * Patterns are Perl-compatible; the interface is the POSIX regcomp/regexec
 * one with ap_ prefixes, plus ap_regname() for named groups and the
 * ap_rxplus_* helpers for sed-like "s/pat/sub/flags" expressions.
 */
#ifndef AP_REGEX_H
#define AP_REGEX_H

#include "apr.h"
#include "apr_pools.h"
#include "apr_tables.h"
#include "ap_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Compile (cflags) and execute (eflags) options. */
#define AP_REG_ICASE    0x01 /**< case-insensitive match */
#define AP_REG_NEWLINE  0x02 /**< ^ and $ match at newlines (multiline) */
#define AP_REG_NOTBOL   0x04 /**< the subject does not start a line */
#define AP_REG_NOTEOL   0x08 /**< the subject does not end a line */

#define AP_REG_EXTENDED (0)  /**< accepted, always the case */
#define AP_REG_NOSUB    (0)  /**< accepted, no effect */

#define AP_REG_MULTI 0x10    /**< sed-like flag "m": more than one match */
#define AP_REG_NOMEM 0x20    /**< sed-like flag "n": no memory of matches */
#define AP_REG_DOTALL 0x40   /**< "." also matches newlines */

#define AP_REG_DOLLAR_ENDONLY 0x200 /**< "$" matches only at the very end */

#define AP_REG_NO_DEFAULT 0x400 /**< ignore the default cflags */

/** Prefix of the environment variables named groups are stored under. */
#define AP_REG_MATCH "MATCH_"

/** The cflags every ap_regcomp adds unless AP_REG_NO_DEFAULT is given
 * (changed by the RegexDefaultOptions directive). */
#define AP_REG_DEFAULT (AP_REG_DOTALL|AP_REG_DOLLAR_ENDONLY)

/** For ap_pcre_version_string(). */
enum {
    AP_REG_PCRE_COMPILED = 0, /**< version of the headers built against */
    AP_REG_PCRE_LOADED        /**< version of the library in use */
};

/** Error codes of ap_regcomp/ap_regexec. */
enum {
    AP_REG_ASSERT = 1,  /**< internal error */
    AP_REG_ESPACE,      /**< out of memory */
    AP_REG_INVARG,      /**< bad argument, or pattern does not compile */
    AP_REG_NOMATCH      /**< no match */
};

/** A compiled pattern. */
typedef struct {
    void *re_pcre;          /**< the PCRE2 code */
    int re_nsub;            /**< number of capturing groups */
    apr_size_t re_erroffset; /**< where compilation failed */
} ap_regex_t;

/** The offsets of a match or group; -1 for a group that did not match. */
typedef struct {
    int rm_so; /**< start offset */
    int rm_eo; /**< end offset (one past) */
} ap_regmatch_t;

/** The PCRE2 version, compiled against or loaded (AP_REG_PCRE_*). */
AP_DECLARE(const char *) ap_pcre_version_string(int which);

/** The cflags currently added to every compilation. */
AP_DECLARE(int) ap_regcomp_get_default_cflags(void);

/** Replace the cflags added to every compilation. */
AP_DECLARE(void) ap_regcomp_set_default_cflags(int cflags);

/** The AP_REG_* flag named @a name ("ICASE", "DOTALL", ...), or 0. */
AP_DECLARE(int) ap_regcomp_default_cflag_by_name(const char *name);

/**
 * Compile @a regex into @a preg.
 * @return 0, or AP_REG_ESPACE/AP_REG_INVARG (re_erroffset tells where)
 */
AP_DECLARE(int) ap_regcomp(ap_regex_t *preg, const char *regex, int cflags);

/**
 * Match the NUL-terminated @a string; fills @a nmatch entries of @a pmatch.
 * @return 0 on a match, AP_REG_NOMATCH, or another AP_REG_* error
 */
AP_DECLARE(int) ap_regexec(const ap_regex_t *preg, const char *string,
                           apr_size_t nmatch, ap_regmatch_t *pmatch,
                           int eflags);

/** As ap_regexec() on the @a len bytes at @a buff (no NUL needed). */
AP_DECLARE(int) ap_regexec_len(const ap_regex_t *preg, const char *buff,
                               apr_size_t len, apr_size_t nmatch,
                               ap_regmatch_t *pmatch, int eflags);

/** Describe @a errcode in @a errbuf; returns the length the full message needs. */
AP_DECLARE(apr_size_t) ap_regerror(int errcode, const ap_regex_t *preg,
                                   char *errbuf, apr_size_t errbuf_size);

/**
 * Store in @a names the name of each named group at the index of its
 * group number (NULL at the index of unnamed ones), prefixed by
 * @a prefix (may be NULL) and, if @a upper, upper-cased.
 * @return the number of named groups
 */
AP_DECLARE(int) ap_regname(const ap_regex_t *preg,
                           apr_array_header_t *names, const char *prefix,
                           int upper);

/** Release what ap_regcomp allocated. */
AP_DECLARE(void) ap_regfree(ap_regex_t *preg);

/** A parsed sed-like expression: "s/pattern/substitution/flags" or
 * "/pattern/flags" (any delimiter), with the state of the last match. */
typedef struct {
    ap_regex_t rx;         /**< compiled pattern */
    apr_uint32_t flags;    /**< AP_REG_* flags from the expression */
    const char *subs;      /**< substitution, NULL for a match only */
    const char *match;     /**< subject of the last match (copy) */
    apr_size_t nmatch;     /**< size of pmatch */
    ap_regmatch_t *pmatch; /**< groups of the last match */
} ap_rxplus_t;

/** Parse and compile a sed-like expression; NULL if it is malformed. */
AP_DECLARE(ap_rxplus_t*) ap_rxplus_compile(apr_pool_t *pool,
                                           const char *pattern);

/**
 * Match @a pattern against @a rx; for a substitution, *@a newpattern
 * receives the result (every match replaced if the "g" flag was given).
 * @return the number of matches (0 = none)
 */
AP_DECLARE(int) ap_rxplus_exec(apr_pool_t *pool, ap_rxplus_t *rx,
                               const char *pattern, char **newpattern);

/** Number of groups of the last match (0 if there was none). */
#define ap_rxplus_nmatch(rx) (((rx)->match != NULL) ? (rx)->nmatch : 0)

/** Point *@a match at group @a n of the last match, of length *@a len. */
AP_DECLARE(void) ap_rxplus_match(ap_rxplus_t *rx, int n, int *len,
                                 const char **match);

/** A copy of group @a n of the last match, or NULL. */
AP_DECLARE(char*) ap_rxplus_pmatch(apr_pool_t *pool, ap_rxplus_t *rx, int n);

#ifdef __cplusplus
}
#endif

#endif /* AP_REGEX_H */
