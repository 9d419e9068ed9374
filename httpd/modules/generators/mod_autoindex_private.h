/*
 * mod_autoindex_private.h: shared by the files of mod_autoindex.
 * Not installed.
 */
#ifndef MOD_AUTOINDEX_PRIVATE_H
#define MOD_AUTOINDEX_PRIVATE_H

#include "apr_tables.h"
#include "httpd.h"
#include "http_config.h"

/* IndexOptions bits (same values as Apache's, for the odd module that
 * peeks). */
#define AI_NO_OPTIONS         (1 << 0)
#define AI_ICONS_ARE_LINKS    (1 << 1)
#define AI_SCAN_HTML_TITLES   (1 << 2)
#define AI_SUPPRESS_ICON      (1 << 3)
#define AI_SUPPRESS_LAST_MOD  (1 << 4)
#define AI_SUPPRESS_SIZE      (1 << 5)
#define AI_SUPPRESS_DESC      (1 << 6)
#define AI_SUPPRESS_PREAMBLE  (1 << 7)
#define AI_SUPPRESS_COLSORT   (1 << 8)
#define AI_SUPPRESS_RULES     (1 << 9)
#define AI_FOLDERS_FIRST      (1 << 10)
#define AI_VERSION_SORT       (1 << 11)
#define AI_TRACK_MODIFIED     (1 << 12)
#define AI_FANCY_INDEXING     (1 << 13)
#define AI_TABLE_INDEXING     (1 << 14)
#define AI_IGNORE_CLIENT      (1 << 15)
#define AI_IGNORE_CASE        (1 << 16)
#define AI_EMIT_XHTML         (1 << 17)
#define AI_SHOW_FORBIDDEN     (1 << 18)
#define AI_ADDALTCLASS        (1 << 19)

#define AI_K_NAME 'N'
#define AI_K_LAST_MOD 'M'
#define AI_K_SIZE 'S'
#define AI_K_DESC 'D'
#define AI_D_ASCENDING 'A'
#define AI_D_DESCENDING 'D'

#define AI_K_NOADJUST 0     /* NameWidth=n */
#define AI_K_ADJUST 1       /* NameWidth=* */
#define AI_K_UNSET 2

#define AI_DEFAULT_NAME_WIDTH 23
#define AI_DEFAULT_DESC_WIDTH 23
#define AI_DEFAULT_ICON_WIDTH 20
#define AI_DEFAULT_ICON_HEIGHT 22

/** How an icon/alt item applies. */
typedef enum { AI_BY_PATH, AI_BY_TYPE, AI_BY_ENCODING, AI_BY_IGNORE } ai_by;

/** An AddIcon*, AddAlt* or IndexIgnore entry. */
typedef struct {
    ai_by type;
    const char *apply_to;       /* pattern on path, type or encoding */
    const char *apply_path;     /* "<Directory path>*" */
    const char *data;           /* icon URL or alt text */
} ai_item;

/** An AddDescription entry. */
typedef struct {
    const char *pattern;
    const char *description;
    int full_path;              /* the pattern contains a '/' */
    int wildcards;              /* match with apr_fnmatch */
} ai_desc;

/** Per-directory configuration. */
typedef struct {
    const char *default_icon;
    const char *style_sheet;
    const char *head_insert;
    const char *header;
    const char *readme;
    const char *ctype;
    const char *charset;
    const char *datetime_format;
    apr_int32_t opts;
    apr_int32_t incremented_opts;
    apr_int32_t decremented_opts;
    int name_width, name_adjust;
    int desc_width, desc_adjust;
    int icon_width, icon_height;
    char default_keyid, default_direction;
    int ign_noinherit;
    apr_array_header_t *icon_list, *alt_list, *desc_list, *ign_list;
} ai_config;

/** One listed entry. */
typedef struct ai_ent {
    char *name;                 /* "/" marks the parent directory */
    const char *icon, *alt;
    char *desc;
    apr_off_t size;
    apr_time_t lm;
    struct ai_ent *next;
    int ascending, ignore_case, version_sort;
    char key;
    int isdir;
} ai_ent;

/** The parsed query string. */
typedef struct {
    char keyid, direction;
    const char *pattern;        /* P=, unescaped, or NULL */
    const char *colargs;        /* ";F=x;V=y;P=..." for the column links */
    apr_int32_t opts;
} ai_query;

/** First matching item of @a list (icons, alts). */
const char *ap__ai_find_item(const char *ctype, const char *cenc,
                             const char *path, const apr_array_header_t *list,
                             int path_only);
/** The AddDescription for a file, or NULL. */
const char *ap__ai_find_desc(const ai_config *d, const char *path);
/** Whether IndexIgnore hides @a path. */
int ap__ai_ignore(const ai_config *d, const char *path);
/** The sort comparison: parent first, folders first, then the key. */
int ap__ai_compare(const void *a, const void *b);
/** Apply C=, O=, F=, V=, P= from @a args on top of the defaults. */
void ap__ai_parse_query(apr_pool_t *p, const char *args, ai_query *q);
/** The entry for the parent directory, or NULL at "/" or if ignored. */
ai_ent *ap__ai_parent_entry(request_rec *r, const ai_config *d,
                            const ai_query *q);
/** The entry for one directory member, or NULL if not listed. */
ai_ent *ap__ai_dir_entry(request_rec *r, const ai_config *d,
                         const ai_query *q, const apr_finfo_t *dirent);
/** Generate the whole listing of directory r->filename. */
int ap__ai_index_directory(request_rec *r, const ai_config *d);
/** Write the entries as a table, a <pre> block or a list. */
void ap__ai_output(request_rec *r, const ai_config *d, ai_ent **ar, int n,
                   const ai_query *q);

#endif
