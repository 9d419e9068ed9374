/*
 * libFuzzer target for apr_xml.h.
 *
 * The first input byte chooses how the rest is fed to the parser: whole,
 * in pieces of (byte % 16) + 1 bytes, or (byte 0) byte by byte; the rest
 * is the document.
 *
 * Checked on every input:
 *  - nothing crashes; a failed parse leaves an error text that is
 *    NUL-terminated within the buffer given, even a tiny one;
 *  - for a parsed document, apr_xml_to_text() in every style (with and
 *    without an ns_map), on the root and on each of its children, gives a
 *    NUL-terminated text whose length matches the size it measured (for
 *    APR_XML_X2T_LANG_INNER: the language, a NUL, the contents, a NUL);
 *    XML has no NUL characters, so no NUL may appear elsewhere;
 *  - the namespace indices of elements and attributes are
 *    APR_XML_NS_NONE or inside the namespace array, whose entry 0 is
 *    "DAV:";
 *  - the same holds after apr_xml_quote_elem(), and apr_xml_empty_elem()
 *    gives a string.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "apr_general.h"
#include "apr_pools.h"
#include "apr_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static apr_pool_t *pool;

static void setup(void)
{
    if (pool)
        return;
    CHECK(apr_initialize() == APR_SUCCESS);
    CHECK(apr_pool_create(&pool, NULL) == APR_SUCCESS);
}

static void check_ns(const apr_xml_doc *doc, int ns)
{
    CHECK(ns == APR_XML_NS_NONE || (ns >= 0 && ns < doc->namespaces->nelts));
}

static void check_tree(const apr_xml_doc *doc, const apr_xml_elem *e)
{
    const apr_xml_attr *a;
    const apr_xml_elem *c;

    check_ns(doc, e->ns);
    CHECK(e->name != NULL);
    for (a = e->attr; a; a = a->next) {
        check_ns(doc, a->ns);
        CHECK(a->name != NULL && a->value != NULL);
    }
    for (c = e->first_child; c; c = c->next) {
        CHECK(c->parent == e);
        if (!c->next)
            CHECK(e->last_child == c);
    }
}

static void check_text(const apr_xml_doc *doc, const apr_xml_elem *e)
{
    static int map[64];
    int style, mapped, i;

    if (doc->namespaces->nelts > 64)
        return;
    for (i = 0; i < 64; i++)
        map[i] = 63 - i;
    for (mapped = 0; mapped < 2; mapped++) {
        for (style = APR_XML_X2T_FULL; style <= APR_XML_X2T_PARSED + 1;
             style++) {
            const char *buf = NULL;
            apr_size_t n = 0, len;

            apr_xml_to_text(pool, e, style, doc->namespaces,
                            mapped ? map : NULL, &buf, &n);
            CHECK(buf != NULL && n >= 1);
            CHECK(buf[n - 1] == '\0');
            len = strlen(buf);
            if (style == APR_XML_X2T_LANG_INNER) {
                CHECK(len + 1 < n);
                len += 1 + strlen(buf + len + 1);
            }
            CHECK(len + 1 == n);
        }
    }
}

static void check_doc(apr_xml_doc *doc)
{
    const apr_xml_elem *c;
    const char *empty;

    CHECK(doc != NULL && doc->root != NULL);
    CHECK(doc->namespaces->nelts >= 1);
    CHECK(strcmp(APR_XML_GET_URI_ITEM(doc->namespaces, 0), "DAV:") == 0);
    check_tree(doc, doc->root);
    check_text(doc, doc->root);
    for (c = doc->root->first_child; c; c = c->next) {
        check_tree(doc, c);
        check_text(doc, c);
    }
    apr_xml_quote_elem(pool, doc->root);
    check_text(doc, doc->root);
    empty = apr_xml_empty_elem(pool, doc->root);
    CHECK(empty != NULL && empty[0] == '<');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_xml_parser *parser;
    apr_xml_doc *doc = NULL;
    apr_status_t rv = APR_SUCCESS;
    const char *text = (const char *)data + 1;
    size_t len, piece, off;
    char err[120], tiny[4];

    if (size < 1)
        return 0;
    setup();
    len = size - 1;
    piece = data[0] == 0xff ? len + 1 : (size_t)(data[0] % 16) + 1;
    if (data[0] == 0)
        piece = 1;

    parser = apr_xml_parser_create(pool);
    for (off = 0; off < len && rv == APR_SUCCESS; off += piece)
        rv = apr_xml_parser_feed(parser, text + off,
                                 len - off < piece ? len - off : piece);
    if (rv == APR_SUCCESS)
        rv = apr_xml_parser_done(parser, &doc);
    else
        apr_xml_parser_done(parser, NULL);

    if (rv == APR_SUCCESS) {
        check_doc(doc);
    }
    else {
        memset(err, 'x', sizeof(err));
        apr_xml_parser_geterror(parser, tiny, sizeof(tiny));
        CHECK(memchr(tiny, '\0', sizeof(tiny)) != NULL);
        apr_xml_parser_geterror(parser, err, sizeof(err));
        CHECK(memchr(err, '\0', sizeof(err)) != NULL);
    }
    apr_pool_clear(pool);
    return 0;
}
