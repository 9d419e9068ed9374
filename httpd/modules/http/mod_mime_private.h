/*
 * mod_mime_private.h: what the files of mod_mime share.  Not installed;
 * the functions here are reached by mod_mime's own files and its tests.
 */
#ifndef MOD_MIME_PRIVATE_H
#define MOD_MIME_PRIVATE_H

#include "apr_hash.h"
#include "apr_tables.h"
#include "httpd.h"
#include "http_config.h"

/** What one extension maps to; NULL fields are "not set here". */
typedef struct {
    const char *forced_type;    /* AddType */
    const char *encoding_type;  /* AddEncoding */
    const char *language_type;  /* AddLanguage */
    const char *handler;        /* AddHandler */
    const char *charset_type;   /* AddCharset */
    const char *input_filters;  /* AddInputFilter, names joined by ';' */
    const char *output_filters; /* AddOutputFilter, names joined by ';' */
} ap__mime_ext_info;

/** Which ap__mime_ext_info fields a Remove* directive clears. */
typedef struct {
    const char *ext;     /* lowercase, no leading dot */
    apr_size_t offset;   /* offsetof(ap__mime_ext_info, field) */
} ap__mime_removal;

#define AP__MIME_MULTI_UNSET    0
#define AP__MIME_MULTI_NEGOTIATED 1  /* MultiviewsMatch NegotiatedOnly */
#define AP__MIME_MULTI_HANDLERS 2
#define AP__MIME_MULTI_FILTERS  4
#define AP__MIME_MULTI_ANY      8

/** mod_mime's per-directory configuration. */
typedef struct {
    apr_hash_t *ext_map;            /* ext -> ap__mime_ext_info*, or NULL */
    apr_array_header_t *removals;   /* ap__mime_removal, applied at merge */
    const char *default_language;   /* DefaultLanguage */
    int multimatch;                 /* AP__MIME_MULTI_* */
    int use_path_info;              /* ModMimeUsePathInfo: -1 unset */
} ap__mime_dir_conf;

/** Longest extension we look up without allocating (longer ones are rare). */
#define AP__MIME_EXT_MAX 64

/**
 * Length of the base name of file name @a name (its first component; the
 * leading dots of a hidden file belong to it, so ".png" has no extension).
 */
apr_size_t ap__mime_base_len(const char *name);

/**
 * Walk the extensions of a file name: from *cursor (just after the base
 * name) find the next nonempty dot-separated extension, store where it
 * starts in *ext and its length in *len and advance *cursor.  Returns 0
 * when there are no more.
 */
int ap__mime_next_ext(const char **cursor, const char **ext, apr_size_t *len);

/**
 * Parse one line of a mime.types file ("type ext1 ext2 ...", '#' starts a
 * comment) into @a types (lowercase extension -> lowercase type).
 */
void ap__mime_types_line(apr_pool_t *p, const char *line, apr_hash_t *types);

/**
 * Read the TypesConfig file @a fname into a new hash.  Returns an APR
 * status; *out is set only on success.
 */
apr_status_t ap__mime_types_read(apr_pool_t *p, const char *fname,
                                 apr_hash_t **out);

/** The extension -> type map read from TypesConfig at post_config. */
extern apr_hash_t *ap__mime_types;

/** The type_checker hook. */
int ap__mime_find_ct(request_rec *r);

#endif
