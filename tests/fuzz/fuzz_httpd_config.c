/*
 * libFuzzer target for the configuration reader: the line reader
 * (ap_cfg_getline with continuation lines, through both the getstr and
 * the getch path), word splitting (ap_getword_conf, ap_getword_conf2),
 * ${VAR} substitution (ap_resolve_env) and the tree builder
 * (ap_build_config, then ap_walk_config) with no module loaded, so that
 * every directive is unknown and only the section nesting is exercised.
 *
 * Checked on every input:
 *  - lines from ap_cfg_getline fit the buffer and hold no CR/LF at the
 *    ends, and line numbers never go backwards;
 *  - word splitting always makes progress;
 *  - building either succeeds or returns an error text; walking a built
 *    tree with no modules reports the first directive as invalid.
 *
 * The first input byte picks the line buffer size and the source kind;
 * the rest is the configuration text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

typedef struct {
    const char *data;
    apr_size_t len, pos;
} src_t;

static apr_status_t src_getstr(void *buf, apr_size_t bufsize, void *param)
{
    src_t *s = param;
    char *out = buf;
    apr_size_t n = 0;

    if (s->pos >= s->len) {
        return APR_EOF;
    }
    while (n + 1 < bufsize && s->pos < s->len) {
        char c = s->data[s->pos++];

        out[n++] = c;
        if (c == '\n') {
            break;
        }
    }
    out[n] = '\0';
    return APR_SUCCESS;
}

static apr_status_t src_getch(char *ch, void *param)
{
    src_t *s = param;

    if (s->pos >= s->len) {
        return APR_EOF;
    }
    *ch = s->data[s->pos++];
    return APR_SUCCESS;
}

static ap_configfile_t *open_src(apr_pool_t *p, const char *text,
                                 apr_size_t len, int getstr)
{
    src_t *s = apr_pcalloc(p, sizeof(*s));

    s->data = text;
    s->len = len;
    return ap_pcfg_open_custom(p, "fuzz.conf", s, src_getch,
                               getstr ? src_getstr : NULL, NULL);
}

static void split_words(apr_pool_t *p, const char *line)
{
    const char *a = line, *b = line;

    while (*a) {
        const char *before = a;

        ap_getword_conf(p, &a);
        CHECK(a > before);
    }
    while (*b) {
        const char *before = b;

        ap_getword_conf2(p, &b);
        CHECK(b > before);
    }
    CHECK(ap_resolve_env(p, line) != NULL);
}

static void read_lines(apr_pool_t *p, const char *text, apr_size_t len,
                       apr_size_t bufsize, int getstr)
{
    ap_configfile_t *cfg = open_src(p, text, len, getstr);
    char *buf = apr_palloc(p, bufsize);
    unsigned last = 0;
    apr_status_t rv;

    while ((rv = ap_cfg_getline(buf, bufsize, cfg)) == APR_SUCCESS) {
        apr_size_t n = strlen(buf);

        CHECK(n < bufsize);
        CHECK(n == 0 || (buf[n - 1] != '\n' && buf[n - 1] != '\r'));
        CHECK(cfg->line_number >= last);
        last = cfg->line_number;
        split_words(p, buf);
    }
    CHECK(rv == APR_EOF || rv == APR_ENOSPC);
}

static void build_tree(apr_pool_t *p, const char *text, apr_size_t len)
{
    apr_pool_t *ptemp;
    server_rec *s = apr_pcalloc(p, sizeof(*s));
    ap_directive_t *tree = NULL;
    cmd_parms parms;
    const char *err;

    apr_pool_create(&ptemp, p);
    s->module_config = ap_create_per_dir_config(p);
    s->lookup_defaults = ap_create_per_dir_config(p);
    memset(&parms, 0, sizeof(parms));
    parms.pool = p;
    parms.temp_pool = ptemp;
    parms.server = s;
    parms.override = RSRC_CONF | OR_ALL;
    parms.limited = -1;
    parms.config_file = open_src(p, text, len, 1);
    err = ap_build_config(&parms, p, ptemp, &tree);
    if (err == NULL && tree != NULL) {
        err = ap_walk_config(tree, &parms, s->lookup_defaults);
        CHECK(err != NULL && strncmp(err, "Invalid command '", 17) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static apr_pool_t *root;
    apr_pool_t *p;
    apr_size_t bufsize;
    const char *text;

    if (root == NULL) {
        apr_initialize();
        apr_pool_create(&root, NULL);
    }
    if (size < 1) {
        return 0;
    }
    bufsize = 2 + data[0] % 64;
    apr_pool_create(&p, root);
    text = apr_pmemdup(p, data + 1, size - 1);
    read_lines(p, text, size - 1, bufsize, data[0] & 0x80);
    read_lines(p, text, size - 1, HUGE_STRING_LEN, 1);
    build_tree(p, text, size - 1);
    apr_pool_destroy(p);
    return 0;
}
