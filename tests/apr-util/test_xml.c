/*
 * apr_xml.h: the parser (namespaces, attributes, text, xml:lang, errors,
 * entity declarations refused, byte-by-byte feeding, apr_xml_parse_file),
 * apr_xml_to_text in every style, quoting, apr_xml_insert_uri,
 * apr_xml_empty_elem and apr_text_append.
 *
 * The expected texts were produced by probe programs run against Debian's
 * libaprutil1 1.6.3 (with expat 2.5), byte for byte. Where ours differs on
 * purpose the assertion is skipped in the system build:
 *  - apr_xml_to_text's size is exact in every style; APR-util over-measures
 *    the FULL_NS_LANG and PARSED styles (the text is the same);
 *  - in the PARSED style, an element in the default namespace is written
 *    "<name" where APR-util writes "<:name", each declaration under its own
 *    prefix (APR-util repeats the first prefix bound to the URI), and
 *    declarations on inner elements are written (APR-util crashes there).
 *
 * APR-util's parse errors carry expat's message and code, without a line
 * or column: "XML parser error code: mismatched tag (7)". Ours are the
 * same text followed by " at line L, column C" (checked by error_location;
 * the other tests compare the common prefix).
 */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "apr_file_io.h"
#include "apr_strings.h"
#include "apr_xml.h"
#include "testutil.h"

/* A small WebDAV-like document: a default and a prefixed namespace,
 * xml:lang set twice, entities, attributes with and without prefixes. */
static const char doc1[] =
    "<D:multistatus xmlns:D=\"DAV:\" xmlns=\"urn:x\" xml:lang=\"en\">"
    "<D:response><href a=\"1\" D:b=\"2\">/p&amp;q</href>"
    "<D:status xml:lang=\"fr\">HTTP/1.1 200 &lt;OK&gt;</D:status>"
    "</D:response>tail \"q\"<empty/></D:multistatus>";

/* Prefixes only, declared on the root; a CDATA section. */
static const char doc2[] =
    "<p:a xmlns:p=\"urn:p\" xmlns:q=\"urn:q\" q:x=\"v&quot;1\" y=\"&lt;\">"
    "<q:b p:z=\"2\">t<![CDATA[<&>]]></q:b>x<p:c/></p:a>";

static apr_status_t parse_pieces(const char *text, apr_size_t len,
                                 apr_size_t piece, apr_xml_parser **pp,
                                 apr_xml_doc **pdoc)
{
    apr_xml_parser *parser = apr_xml_parser_create(p);
    apr_size_t off;
    apr_status_t rv;

    *pp = parser;
    for (off = 0; off < len; off += piece) {
        apr_size_t n = len - off < piece ? len - off : piece;

        rv = apr_xml_parser_feed(parser, text + off, n);
        if (rv != APR_SUCCESS)
            return rv;
    }
    return apr_xml_parser_done(parser, pdoc);
}

static apr_xml_doc *parse_ok(const char *text)
{
    apr_xml_parser *parser;
    apr_xml_doc *doc = NULL;
    char err[200];
    apr_status_t rv = parse_pieces(text, strlen(text), strlen(text) + 1,
                                   &parser, &doc);

    ck_assert_msg(rv == APR_SUCCESS, "%.60s: %s", text,
                  apr_xml_parser_geterror(parser, err, sizeof(err)));
    ck_assert_ptr_nonnull(doc);
    ck_assert_ptr_nonnull(doc->root);
    return doc;
}

/* The text of a list of pieces, joined. */
static const char *joined(const apr_text_header *h)
{
    const char *s = "";
    const apr_text *t;

    for (t = h->first; t; t = t->next)
        s = apr_pstrcat(p, s, t->text, NULL);
    return s;
}

static const char *uri(const apr_xml_doc *doc, int ns)
{
    return APR_XML_GET_URI_ITEM(doc->namespaces, ns);
}

/* An expat error: APR-util's exact text, which ours extends with the
 * position (" at line L, column C"). */
#if APR_TEST_AGAINST_SYSTEM
#define ck_assert_xml_err(got, want) ck_assert_str_eq(got, want)
#else
#define ck_assert_xml_err(got, want)                                         \
    do {                                                                     \
        const char *got_ = (got), *want_ = (want);                           \
        ck_assert_msg(strncmp(got_, want_, strlen(want_)) == 0               \
                      && strncmp(got_ + strlen(want_), " at line ", 9) == 0, \
                      "'%s' is not '%s' at a position", got_, want_);        \
    } while (0)
#endif

START_TEST(constants)
{
    apr_xml_elem e;

    ck_assert_int_eq(APR_XML_NS_DAV_ID, 0);
    ck_assert_int_eq(APR_XML_NS_NONE, -10);
    ck_assert_int_eq(APR_XML_NS_ERROR_BASE, -100);
    ck_assert(APR_XML_NS_IS_ERROR(-100));
    ck_assert(APR_XML_NS_IS_ERROR(-101));
    ck_assert(!APR_XML_NS_IS_ERROR(-99));
    ck_assert(!APR_XML_NS_IS_ERROR(APR_XML_NS_NONE));
    ck_assert_int_eq(APR_XML_X2T_FULL, 0);
    ck_assert_int_eq(APR_XML_X2T_INNER, 1);
    ck_assert_int_eq(APR_XML_X2T_LANG_INNER, 2);
    ck_assert_int_eq(APR_XML_X2T_FULL_NS_LANG, 3);
    ck_assert_int_eq(APR_XML_X2T_PARSED, 4);

    memset(&e, 0, sizeof(e));
    ck_assert(APR_XML_ELEM_IS_EMPTY(&e));
    apr_text_append(p, &e.first_cdata, "x");
    ck_assert(!APR_XML_ELEM_IS_EMPTY(&e));
}
END_TEST

START_TEST(text_append)
{
    apr_text_header h = {NULL, NULL};
    const char *one = "one";

    apr_text_append(p, &h, one);
    ck_assert_ptr_eq(h.first, h.last);
    ck_assert_ptr_eq(h.first->text, one); /* not copied */
    ck_assert_ptr_null(h.first->next);
    apr_text_append(p, &h, "two");
    apr_text_append(p, &h, "three");
    ck_assert_str_eq(h.first->next->text, "two");
    ck_assert_str_eq(h.last->text, "three");
    ck_assert_ptr_null(h.last->next);
    ck_assert_str_eq(joined(&h), "onetwothree");
}
END_TEST

START_TEST(namespaces)
{
    apr_xml_doc *doc = parse_ok(doc1);
    apr_xml_elem *root = doc->root, *resp, *href, *status, *empty;

    /* "DAV:" comes first, always; then the URIs in the order declared */
    ck_assert_int_eq(doc->namespaces->nelts, 2);
    ck_assert_str_eq(uri(doc, APR_XML_NS_DAV_ID), "DAV:");
    ck_assert_str_eq(uri(doc, 1), "urn:x");

    ck_assert_str_eq(root->name, "multistatus");
    ck_assert_int_eq(root->ns, APR_XML_NS_DAV_ID);
    ck_assert_ptr_null(root->parent);
    ck_assert_ptr_null(root->attr); /* declarations and lang removed */
    ck_assert_ptr_nonnull(root->ns_scope);

    resp = root->first_child;
    ck_assert_str_eq(resp->name, "response");
    ck_assert_int_eq(resp->ns, 0);
    ck_assert_ptr_eq(resp->parent, root);
    empty = resp->next;
    ck_assert_str_eq(empty->name, "empty");
    ck_assert_int_eq(empty->ns, 1); /* the default namespace */
    ck_assert_ptr_null(empty->next);
    ck_assert_ptr_eq(root->last_child, empty);
    ck_assert(APR_XML_ELEM_IS_EMPTY(empty));

    href = resp->first_child;
    ck_assert_str_eq(href->name, "href");
    ck_assert_int_eq(href->ns, 1);
    status = href->next;
    ck_assert_str_eq(status->name, "status");
    ck_assert_int_eq(status->ns, 0);
    ck_assert_ptr_null(status->first_child);
    ck_assert_ptr_null(href->priv);
}
END_TEST

START_TEST(namespace_scopes)
{
    /* redeclared prefixes, a default reset with xmlns="", reserved
     * prefixes kept in the name */
    apr_xml_doc *doc = parse_ok(
        "<x:a xmlns:x=\"urn:1\" xmlns:y=\"urn:2\">"
        "<x:b xmlns:x=\"urn:3\"><x:c/></x:b><x:d/>"
        "<e xmlns=\"urn:4\"><f xmlns=\"\"><g/></f><h/></e>"
        "<xmlfoo:i XML:j=\"1\"/><y:k/></x:a>");
    apr_xml_elem *a = doc->root, *b, *e, *f;

    /* declarations on one element enter the array in reverse order, as
     * in APR-util (it walks the attributes backwards) */
    ck_assert_int_eq(doc->namespaces->nelts, 5);
    ck_assert_str_eq(uri(doc, 1), "urn:2");
    ck_assert_str_eq(uri(doc, 2), "urn:1");
    ck_assert_str_eq(uri(doc, 3), "urn:3");
    ck_assert_str_eq(uri(doc, 4), "urn:4");

    ck_assert_int_eq(a->ns, 2);
    b = a->first_child;
    ck_assert_int_eq(b->ns, 3);
    ck_assert_int_eq(b->first_child->ns, 3);
    ck_assert_str_eq(b->next->name, "d");
    ck_assert_int_eq(b->next->ns, 2); /* back in the outer scope */
    e = b->next->next;
    ck_assert_int_eq(e->ns, 4);
    f = e->first_child;
    ck_assert_int_eq(f->ns, APR_XML_NS_NONE);
    ck_assert_int_eq(f->first_child->ns, APR_XML_NS_NONE);
    ck_assert_int_eq(f->next->ns, 4);
    ck_assert_str_eq(e->next->name, "xmlfoo:i");
    ck_assert_int_eq(e->next->ns, APR_XML_NS_NONE);
    ck_assert_str_eq(e->next->attr->name, "XML:j");
    ck_assert_int_eq(e->next->attr->ns, APR_XML_NS_NONE);
    ck_assert_int_eq(e->next->next->ns, 1);
}
END_TEST

START_TEST(attributes)
{
    apr_xml_doc *doc = parse_ok(doc2);
    apr_xml_attr *attr = doc->root->attr;

    /* attributes come in reverse document order (APR-util's) */
    ck_assert_str_eq(attr->name, "y");
    ck_assert_int_eq(attr->ns, APR_XML_NS_NONE);
    ck_assert_str_eq(attr->value, "<");
    attr = attr->next;
    ck_assert_str_eq(attr->name, "x");
    ck_assert_str_eq(uri(doc, attr->ns), "urn:q");
    ck_assert_str_eq(attr->value, "v\"1");
    ck_assert_ptr_null(attr->next);

    attr = doc->root->first_child->attr;
    ck_assert_str_eq(attr->name, "z");
    ck_assert_str_eq(uri(doc, attr->ns), "urn:p");

    /* an unprefixed attribute has no namespace, even under a default */
    doc = parse_ok("<a xmlns=\"urn:d\" b=\"1\" xmlnsx=\"2\"/>");
    ck_assert_int_eq(doc->root->ns, 1);
    ck_assert_str_eq(doc->root->attr->name, "xmlnsx");
    ck_assert_int_eq(doc->root->attr->ns, APR_XML_NS_NONE);
    ck_assert_int_eq(doc->root->attr->next->ns, APR_XML_NS_NONE);
}
END_TEST

START_TEST(text_and_entities)
{
    apr_xml_doc *doc = parse_ok(
        "<a>1&lt;2&amp;&gt;&quot;&apos;&#65;&#x42;&#xe9;"
        "<![CDATA[<raw> & ]]>end<b/>after<c>in</c></a>");
    apr_xml_elem *a = doc->root;

    ck_assert_str_eq(joined(&a->first_cdata),
                     "1<2&>\"'AB\xc3\xa9<raw> & end");
    /* text after a child belongs to that child */
    ck_assert_str_eq(joined(&a->first_child->following_cdata), "after");
    ck_assert_str_eq(joined(&a->last_child->first_cdata), "in");
    ck_assert_ptr_null(a->last_child->following_cdata.first);
    /* entities arrive as separate pieces, as expat reports them */
    ck_assert_str_eq(a->first_cdata.first->text, "1");
}
END_TEST

START_TEST(lang)
{
    apr_xml_doc *doc = parse_ok(
        "<a xml:lang=\"en\"><b><c xml:lang=\"f&amp;r\"/></b>"
        "<d xml:lang=\"en\"/></a>");
    apr_xml_elem *a = doc->root, *b = a->first_child;

    ck_assert_str_eq(a->lang, "en");
    ck_assert_ptr_eq(b->lang, a->lang); /* inherited: the same pointer */
    ck_assert_str_eq(b->first_child->lang, "f&amp;r"); /* kept quoted */
    ck_assert_str_eq(b->next->lang, "en");
    ck_assert_ptr_ne(b->next->lang, a->lang);
    ck_assert_ptr_null(a->attr);
    ck_assert_ptr_null(parse_ok("<a/>")->root->lang);
}
END_TEST

typedef struct {
    int style;
    int mapped;
    const char *text;
    apr_size_t len; /* up to the final NUL (LANG_INNER: with its inner NUL) */
    int size_exact_in_aprutil;
} x2t_case;

static void check_x2t(const apr_xml_doc *doc, const apr_xml_elem *elem,
                      const x2t_case *c)
{
    static int map[] = {50, 61, 72, 83, 94};
    const char *buf;
    apr_size_t size = 0;

    apr_xml_to_text(p, elem, c->style, doc->namespaces,
                    c->mapped ? map : NULL, &buf, &size);
    ck_assert_msg(memcmp(buf, c->text, c->len + 1) == 0,
                  "style %d%s: got \"%s\"", c->style, c->mapped ? " map" : "",
                  buf);
    if (c->size_exact_in_aprutil || !APR_TEST_AGAINST_SYSTEM)
        ck_assert_uint_eq(size, c->len + 1);
    else
        ck_assert_uint_ge(size, c->len + 1);
    apr_xml_to_text(p, elem, c->style, doc->namespaces,
                    c->mapped ? map : NULL, &buf, NULL);
    ck_assert_int_eq(memcmp(buf, c->text, c->len + 1), 0);
}

#define CASE(style, mapped, s, exact) {style, mapped, s, sizeof(s) - 1, exact}

START_TEST(to_text_styles)
{
    static const x2t_case root1[] = {
        CASE(APR_XML_X2T_FULL, 0,
             "<ns0:multistatus xml:lang=\"en\"><ns0:response>"
             "<ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>"
             "</ns0:response>tail \"q\"<ns1:empty/></ns0:multistatus>", 1),
        CASE(APR_XML_X2T_INNER, 0,
             "<ns0:response><ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>"
             "</ns0:response>tail \"q\"<ns1:empty/>", 1),
        CASE(APR_XML_X2T_LANG_INNER, 0,
             "en\0<ns0:response><ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>"
             "</ns0:response>tail \"q\"<ns1:empty/>", 1),
        CASE(APR_XML_X2T_FULL_NS_LANG, 0,
             "<ns0:multistatus xml:lang=\"en\" xmlns:ns1=\"urn:x\" "
             "xmlns:ns0=\"DAV:\"><ns0:response>"
             "<ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>"
             "</ns0:response>tail \"q\"<ns1:empty/></ns0:multistatus>", 0),
        /* ns_map renames elements and attributes, not the declarations */
        CASE(APR_XML_X2T_FULL, 1,
             "<ns50:multistatus xml:lang=\"en\"><ns50:response>"
             "<ns61:href ns50:b=\"2\" a=\"1\">/p&q</ns61:href>"
             "<ns50:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns50:status>"
             "</ns50:response>tail \"q\"<ns61:empty/></ns50:multistatus>", 1),
        CASE(APR_XML_X2T_FULL_NS_LANG, 1,
             "<ns50:multistatus xml:lang=\"en\" xmlns:ns1=\"urn:x\" "
             "xmlns:ns0=\"DAV:\"><ns50:response>"
             "<ns61:href ns50:b=\"2\" a=\"1\">/p&q</ns61:href>"
             "<ns50:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns50:status>"
             "</ns50:response>tail \"q\"<ns61:empty/></ns50:multistatus>", 0),
    };
    static const x2t_case child1[] = {
        /* the element's own following text is not part of it */
        CASE(APR_XML_X2T_FULL, 0,
             "<ns0:response><ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>"
             "</ns0:response>", 1),
        CASE(APR_XML_X2T_LANG_INNER, 0,
             "en\0<ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>", 1),
        /* an inherited lang is written on the outer element */
        CASE(APR_XML_X2T_FULL_NS_LANG, 0,
             "<ns0:response xml:lang=\"en\" xmlns:ns1=\"urn:x\" "
             "xmlns:ns0=\"DAV:\"><ns1:href ns0:b=\"2\" a=\"1\">/p&q</ns1:href>"
             "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 <OK></ns0:status>"
             "</ns0:response>", 0),
    };
    static const x2t_case root2[] = {
        CASE(APR_XML_X2T_FULL, 0,
             "<ns2:a y=\"<\" ns1:x=\"v\"1\"><ns1:b ns2:z=\"2\">t<&></ns1:b>"
             "x<ns2:c/></ns2:a>", 1),
        CASE(APR_XML_X2T_LANG_INNER, 0,
             "\0<ns1:b ns2:z=\"2\">t<&></ns1:b>x<ns2:c/>", 1),
        CASE(APR_XML_X2T_FULL_NS_LANG, 0,
             "<ns2:a y=\"<\" ns1:x=\"v\"1\" xmlns:ns2=\"urn:p\" "
             "xmlns:ns1=\"urn:q\" xmlns:ns0=\"DAV:\"><ns1:b ns2:z=\"2\">t<&>"
             "</ns1:b>x<ns2:c/></ns2:a>", 0),
        CASE(APR_XML_X2T_PARSED, 0,
             "<p:a y=\"<\" q:x=\"v\"1\" xmlns:p=\"urn:p\" xmlns:q=\"urn:q\">"
             "<q:b p:z=\"2\">t<&></q:b>x<p:c/></p:a>", 0),
    };
    static const x2t_case child2[] = {
        CASE(APR_XML_X2T_INNER, 0, "t<&>", 1),
        CASE(APR_XML_X2T_LANG_INNER, 0, "\0t<&>", 1),
        CASE(APR_XML_X2T_PARSED, 0, "<q:b p:z=\"2\">t<&></q:b>", 1),
    };
    apr_xml_doc *d1 = parse_ok(doc1), *d2 = parse_ok(doc2);
    size_t i;

    for (i = 0; i < sizeof(root1) / sizeof(root1[0]); i++)
        check_x2t(d1, d1->root, &root1[i]);
    for (i = 0; i < sizeof(child1) / sizeof(child1[0]); i++)
        check_x2t(d1, d1->root->first_child, &child1[i]);
    for (i = 0; i < sizeof(root2) / sizeof(root2[0]); i++)
        check_x2t(d2, d2->root, &root2[i]);
    for (i = 0; i < sizeof(child2) / sizeof(child2[0]); i++)
        check_x2t(d2, d2->root->first_child, &child2[i]);
}
END_TEST

START_TEST(to_text_parsed_fixed)
{
#if APR_TEST_AGAINST_SYSTEM
    /* APR-util writes "<:href" for the default namespace, repeats a
     * prefix in declarations, and crashes on inner declarations. */
    ck_assert_int_eq(APR_XML_X2T_PARSED, 4);
#else
    static const x2t_case c1 = CASE(APR_XML_X2T_PARSED, 0,
        "<D:multistatus xml:lang=\"en\" xmlns:D=\"DAV:\" xmlns=\"urn:x\">"
        "<D:response><href D:b=\"2\" a=\"1\">/p&q</href>"
        "<D:status xml:lang=\"fr\">HTTP/1.1 200 <OK></D:status>"
        "</D:response>tail \"q\"<empty/></D:multistatus>", 1);
    static const x2t_case c2 = CASE(APR_XML_X2T_PARSED, 0,
        "<x:a xmlns:x=\"urn:1\" xmlns=\"urn:1\">"
        "<x:b xmlns:x=\"urn:3\"><c/><x:d/></x:b>"
        "<e xmlns=\"\"/></x:a>", 1);

    apr_xml_doc *d1 = parse_ok(doc1), *d2 = parse_ok(c2.text);

    check_x2t(d1, d1->root, &c1);
    check_x2t(d2, d2->root, &c2);
#endif
}
END_TEST

START_TEST(quoting)
{
    const char *plain = "no specials 'here'";
    const char *say = "say \"hi\"";
    apr_xml_doc *doc;
    const char *buf;

    ck_assert_ptr_eq(apr_xml_quote_string(p, plain, 1), plain);
    ck_assert_ptr_eq(apr_xml_quote_string(p, say, 0), say);
    ck_assert_str_eq(apr_xml_quote_string(p, say, 1), "say &quot;hi&quot;");
    ck_assert_str_eq(apr_xml_quote_string(p, "a<b>c&d\"e'", 0),
                     "a&lt;b&gt;c&amp;d\"e'");
    ck_assert_str_eq(apr_xml_quote_string(p, "a<b>c&d\"e'", 1),
                     "a&lt;b&gt;c&amp;d&quot;e'");
    ck_assert_str_eq(apr_xml_quote_string(p, "", 1), "");
    ck_assert_str_eq(apr_xml_quote_string(p, "&&", 1), "&amp;&amp;");

    doc = parse_ok(doc1);
    apr_xml_quote_elem(p, doc->root);
    apr_xml_to_text(p, doc->root, APR_XML_X2T_FULL, NULL, NULL, &buf, NULL);
    ck_assert_str_eq(buf,
        "<ns0:multistatus xml:lang=\"en\"><ns0:response>"
        "<ns1:href ns0:b=\"2\" a=\"1\">/p&amp;q</ns1:href>"
        "<ns0:status xml:lang=\"fr\">HTTP/1.1 200 &lt;OK&gt;</ns0:status>"
        "</ns0:response>tail \"q\"<ns1:empty/></ns0:multistatus>");

    doc = parse_ok(doc2);
    apr_xml_quote_elem(p, doc->root);
    apr_xml_to_text(p, doc->root, APR_XML_X2T_FULL, NULL, NULL, &buf, NULL);
    ck_assert_str_eq(buf,
        "<ns2:a y=\"&lt;\" ns1:x=\"v&quot;1\"><ns1:b ns2:z=\"2\">"
        "t&lt;&amp;&gt;</ns1:b>x<ns2:c/></ns2:a>");
}
END_TEST

START_TEST(insert_uri)
{
    apr_array_header_t *a = apr_array_make(p, 1, sizeof(const char *));

    ck_assert_int_eq(apr_xml_insert_uri(a, ""), APR_XML_NS_NONE);
    ck_assert_int_eq(a->nelts, 0);
    ck_assert_int_eq(apr_xml_insert_uri(a, "DAV:"), 0);
    ck_assert_int_eq(apr_xml_insert_uri(a, "urn:a"), 1);
    ck_assert_int_eq(apr_xml_insert_uri(a, "urn:b"), 2);
    ck_assert_int_eq(apr_xml_insert_uri(a, apr_pstrdup(p, "urn:a")), 1);
    ck_assert_int_eq(apr_xml_insert_uri(a, "DAV:"), 0);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(APR_XML_GET_URI_ITEM(a, 2), "urn:b");
}
END_TEST

START_TEST(empty_elem)
{
    apr_xml_elem e;

    memset(&e, 0, sizeof(e));
    e.name = "prop";
    e.ns = APR_XML_NS_NONE;
    ck_assert_str_eq(apr_xml_empty_elem(p, &e), "<prop/>\r\n");
    e.ns = 12;
    ck_assert_str_eq(apr_xml_empty_elem(p, &e), "<ns12:prop/>\r\n");
    ck_assert_str_eq(apr_xml_empty_elem(p, parse_ok(doc1)->root),
                     "<ns0:multistatus/>\r\n");
}
END_TEST

START_TEST(byte_by_byte)
{
    const char *docs[] = {doc1, doc2};
    size_t i;

    for (i = 0; i < 2; i++) {
        apr_xml_parser *parser;
        apr_xml_doc *whole = parse_ok(docs[i]), *bytes = NULL;
        const char *a, *b;
        apr_size_t asz, bsz;

        ck_assert_int_eq(parse_pieces(docs[i], strlen(docs[i]), 1, &parser,
                                      &bytes), APR_SUCCESS);
        apr_xml_to_text(p, whole->root, APR_XML_X2T_FULL_NS_LANG,
                        whole->namespaces, NULL, &a, &asz);
        apr_xml_to_text(p, bytes->root, APR_XML_X2T_FULL_NS_LANG,
                        bytes->namespaces, NULL, &b, &bsz);
        ck_assert_str_eq(a, b);
        ck_assert_uint_eq(asz, bsz);
    }
}
END_TEST

/* Feeds text whole; returns the status of the feed or of done, and the
 * error text. */
static apr_status_t parse_err(const char *text, const char **msg)
{
    apr_xml_parser *parser;
    apr_xml_doc *doc = (apr_xml_doc *)&parser; /* must stay untouched */
    char err[200];
    apr_status_t rv = parse_pieces(text, strlen(text), strlen(text) + 1,
                                   &parser, &doc);

    if (rv != APR_SUCCESS)
        ck_assert_ptr_eq(doc, (apr_xml_doc *)&parser);
    *msg = apr_pstrdup(p, apr_xml_parser_geterror(parser, err, sizeof(err)));
    return rv;
}

START_TEST(malformed)
{
    static const struct {
        const char *doc;
        const char *msg;
    } cases[] = {
        {"<a></b>", "XML parser error code: mismatched tag (7)"},
        {"<a>\n\n  <b></c></a>", "XML parser error code: mismatched tag (7)"},
        {"<a>", "XML parser error code: no element found (3)"},
        {"<a><b x=\"1", "XML parser error code: unclosed token (5)"},
        {"", "XML parser error code: no element found (3)"},
        {"<a>&bogus;</a>", "XML parser error code: undefined entity (11)"},
        {"<a><b/></a><c/>",
         "XML parser error code: junk after document element (9)"},
        {"<a>\x01</a>",
         "XML parser error code: not well-formed (invalid token) (4)"},
        {"<a>&#0;</a>",
         "XML parser error code: reference to invalid character number (14)"},
        {"<a x=\"1\" x=\"2\"/>",
         "XML parser error code: duplicate attribute (8)"},
        {"<?xml version=\"1.0\" encoding=\"latin1\"?><a/>",
         "XML parser error code: unknown encoding (18)"},
        {"<x:a/>", "An undefined namespace prefix was used."},
        {"<a x:y=\"1\"/>", "An undefined namespace prefix was used."},
        {"<a xmlns:x=\"\"/>",
         "A namespace prefix was defined with an empty URI."},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *msg;

        ck_assert_int_eq(parse_err(cases[i].doc, &msg), APR_EGENERAL);
        if (strncmp(cases[i].msg, "XML parser error code", 21) == 0)
            ck_assert_xml_err(msg, cases[i].msg);
        else
            ck_assert_str_eq(msg, cases[i].msg);
    }
}
END_TEST

#if !APR_TEST_AGAINST_SYSTEM
/* A parse error says where it is (APR-util's text does not). */
START_TEST(error_location)
{
    const char *msg;

    ck_assert_int_eq(parse_err("<a>\n\n  <b></c></a>", &msg), APR_EGENERAL);
    ck_assert_str_eq(msg, "XML parser error code: mismatched tag (7) "
                          "at line 3, column 8");
    ck_assert_int_eq(parse_err("<a>", &msg), APR_EGENERAL);
    ck_assert_str_eq(msg, "XML parser error code: no element found (3) "
                          "at line 1, column 4");
}
END_TEST
#endif

START_TEST(geterror_lifecycle)
{
    apr_xml_parser *parser = apr_xml_parser_create(p);
    apr_xml_doc *doc = NULL;
    char err[200], small[8];

    ck_assert_str_eq(apr_xml_parser_geterror(parser, err, sizeof(err)),
                     "No error.");
    /* a namespace error is forgotten once read; parsing goes on */
    ck_assert_int_eq(apr_xml_parser_feed(parser, "<x:a>", 5), APR_EGENERAL);
    ck_assert_ptr_eq(apr_xml_parser_geterror(parser, err, sizeof(err)), err);
    ck_assert_str_eq(err, "An undefined namespace prefix was used.");
    ck_assert_str_eq(apr_xml_parser_geterror(parser, err, sizeof(err)),
                     "No error.");
    ck_assert_int_eq(apr_xml_parser_feed(parser, "</x:a>", 6), APR_SUCCESS);
    ck_assert_int_eq(apr_xml_parser_done(parser, &doc), APR_SUCCESS);
    ck_assert_str_eq(doc->root->name, "a");

    /* after done, the parser is not active */
    ck_assert_int_eq(apr_xml_parser_feed(parser, "<a/>", 4), APR_EGENERAL);
    ck_assert_str_eq(apr_xml_parser_geterror(parser, err, sizeof(err)),
                     "The parser is not active.");
    ck_assert_int_eq(apr_xml_parser_done(parser, NULL), APR_EGENERAL);

    /* the text is truncated to the buffer */
    parser = apr_xml_parser_create(p);
    ck_assert_int_eq(apr_xml_parser_feed(parser, "<a></b>", 7), APR_EGENERAL);
    ck_assert_str_eq(apr_xml_parser_geterror(parser, small, sizeof(small)),
                     "XML par");
    /* an expat error stays: feeding again fails again */
    ck_assert_int_eq(apr_xml_parser_feed(parser, "", 0), APR_EGENERAL);
    ck_assert_int_eq(apr_xml_parser_done(parser, &doc), APR_EGENERAL);
}
END_TEST

START_TEST(entities_refused)
{
    /* a "billion laughs" document: refused at the first declaration */
    static const char lol[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n<lolz>&lol9;</lolz>\n";
    apr_xml_parser *parser;
    apr_xml_doc *doc = NULL;
    char err[200];
    time_t start = time(NULL);

    ck_assert_int_eq(parse_pieces(lol, strlen(lol), strlen(lol), &parser,
                                  &doc), APR_EGENERAL);
    ck_assert_xml_err(apr_xml_parser_geterror(parser, err, sizeof(err)),
                      "XML parser error code: parsing aborted (35)");
    ck_assert_ptr_null(doc);
    ck_assert_int_le(time(NULL) - start, 10); /* generous: it is instant */

    /* parameter entities too; other declarations are fine */
    {
        const char *msg;

        ck_assert_int_eq(
            parse_err("<!DOCTYPE a [<!ENTITY % e \"x\">]><a/>", &msg),
            APR_EGENERAL);
        ck_assert_xml_err(msg, "XML parser error code: parsing aborted (35)");
    }
    doc = parse_ok("<!DOCTYPE a [<!ELEMENT a ANY>"
                   "<!ATTLIST a b CDATA \"dflt\">]><a/>");
    ck_assert_str_eq(doc->root->attr->name, "b");
    ck_assert_str_eq(doc->root->attr->value, "dflt");
}
END_TEST

static const char *nested(int depth)
{
    char *text = apr_palloc(p, (apr_size_t)depth * 7 + 1), *w = text;
    int i;

    for (i = 0; i < depth; i++, w += 3)
        memcpy(w, "<a>", 3);
    for (i = 0; i < depth; i++, w += 4)
        memcpy(w, "</a>", 4);
    *w = '\0';
    return text;
}

/* APR-util 1.6.3 accepts 256 nested elements and refuses 257. */
START_TEST(nesting_limit)
{
    apr_xml_doc *doc = parse_ok(nested(256));
    const apr_xml_elem *e;
    const char *buf, *msg;
    apr_size_t size;
    int n = 0;

    for (e = doc->root; e; e = e->first_child)
        n++;
    ck_assert_int_eq(n, 256);
    apr_xml_to_text(p, doc->root, APR_XML_X2T_FULL, NULL, NULL, &buf, &size);
    /* the innermost one is written <a/> */
    ck_assert_uint_eq(size, 255 * 7 + 4 + 1);
    ck_assert_int_eq(strncmp(buf, "<a><a>", 6), 0);

    ck_assert_int_eq(parse_err(nested(257), &msg), APR_EGENERAL);
    ck_assert_str_eq(msg,
                     "The maximum element nesting limit (256) was exceeded.");
    ck_assert_int_eq(parse_err(nested(5000), &msg), APR_EGENERAL);
}
END_TEST

/* apr_xml_to_text on a hand-built tree far deeper than a parse allows:
 * ours walks it without recursion (APR-util recurses). */
START_TEST(to_text_deep_tree)
{
#if APR_TEST_AGAINST_SYSTEM
    ck_assert_int_eq(APR_XML_X2T_FULL, 0); /* could overflow the stack */
#else
    enum { DEPTH = 200000 };
    apr_xml_elem *elems = apr_pcalloc(p, DEPTH * sizeof(*elems));
    const char *buf;
    apr_size_t size;
    int i;

    for (i = 0; i < DEPTH; i++) {
        elems[i].name = "a";
        elems[i].ns = APR_XML_NS_NONE;
        if (i > 0) {
            elems[i].parent = &elems[i - 1];
            elems[i - 1].first_child = elems[i - 1].last_child = &elems[i];
        }
    }
    apr_text_append(p, &elems[DEPTH - 1].following_cdata, "t");
    apr_xml_to_text(p, elems, APR_XML_X2T_FULL, NULL, NULL, &buf, &size);
    ck_assert_uint_eq(size, (DEPTH - 1) * 7 + 4 + 1 + 1);
    ck_assert_uint_eq(strlen(buf) + 1, size);
    ck_assert_int_eq(memcmp(buf + (DEPTH - 1) * 3, "<a/>t</a>", 9), 0);
#endif
}
END_TEST

static apr_file_t *temp_file(const char *content)
{
    char *path = apr_pstrdup(p, "/tmp/test_xml.XXXXXX");
    apr_file_t *f;
    apr_size_t n = strlen(content);

    ck_assert_int_eq(apr_file_mktemp(&f, path, APR_FOPEN_CREATE |
                     APR_FOPEN_READ | APR_FOPEN_WRITE | APR_FOPEN_EXCL |
                     APR_FOPEN_DELONCLOSE, p), APR_SUCCESS);
    ck_assert_int_eq(apr_file_write_full(f, content, n, NULL), APR_SUCCESS);
    {
        apr_off_t off = 0;

        ck_assert_int_eq(apr_file_seek(f, APR_SET, &off), APR_SUCCESS);
    }
    return f;
}

START_TEST(parse_file)
{
    apr_xml_parser *parser = NULL;
    apr_xml_doc *doc = NULL;
    char err[200];
    const char *buf;

    /* read three bytes at a time */
    ck_assert_int_eq(apr_xml_parse_file(p, &parser, &doc,
                     temp_file("<?xml version=\"1.0\"?>\n<r><a>1</a>"
                               "<b>2</b></r>\n"), 3), APR_SUCCESS);
    ck_assert_ptr_null(parser);
    apr_xml_to_text(p, doc->root, APR_XML_X2T_FULL, NULL, NULL, &buf, NULL);
    ck_assert_str_eq(buf, "<r><a>1</a><b>2</b></r>");

    /* an error while feeding: the parser is kept for geterror */
    doc = NULL;
    ck_assert_int_eq(apr_xml_parse_file(p, &parser, &doc,
                     temp_file("<r><a></b></r>"), 4096), APR_EGENERAL);
    ck_assert_ptr_nonnull(parser);
    ck_assert_ptr_null(doc);
    ck_assert_xml_err(apr_xml_parser_geterror(parser, err, sizeof(err)),
                      "XML parser error code: mismatched tag (7)");

    /* an error at the end: the parser is gone, as in APR-util */
    ck_assert_int_eq(apr_xml_parse_file(p, &parser, &doc,
                     temp_file("<r><a>"), 4096), APR_EGENERAL);
    ck_assert_ptr_null(parser);
    ck_assert_ptr_null(doc);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("xml");
    TCase *tc = apr_test_tcase("parse");

    tcase_add_test(tc, constants);
    tcase_add_test(tc, text_append);
    tcase_add_test(tc, namespaces);
    tcase_add_test(tc, namespace_scopes);
    tcase_add_test(tc, attributes);
    tcase_add_test(tc, text_and_entities);
    tcase_add_test(tc, lang);
    tcase_add_test(tc, byte_by_byte);
    tcase_add_test(tc, malformed);
#if !APR_TEST_AGAINST_SYSTEM
    tcase_add_test(tc, error_location);
#endif
    tcase_add_test(tc, geterror_lifecycle);
    tcase_add_test(tc, entities_refused);
    tcase_add_test(tc, nesting_limit);
    tcase_add_test(tc, to_text_deep_tree);
    tcase_add_test(tc, parse_file);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("text");
    tcase_add_test(tc, to_text_styles);
    tcase_add_test(tc, to_text_parsed_fixed);
    tcase_add_test(tc, quoting);
    tcase_add_test(tc, insert_uri);
    tcase_add_test(tc, empty_elem);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
