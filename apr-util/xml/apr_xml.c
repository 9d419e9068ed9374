/*
 * The tree side of apr_xml.h: text lists, quoting, the URI array, and
 * apr_xml_to_text(). Nothing here needs expat.
 *
 * apr_xml_to_text() walks the tree twice with the same writer, once to
 * measure and once to write, so the size it reports is exact. (APR-util
 * over-measures the APR_XML_X2T_FULL_NS_LANG and APR_XML_X2T_PARSED styles
 * and leaves the surplus of the buffer unwritten; the text up to the NUL is
 * the same.) The walk keeps its own stack, so a deeply nested document
 * cannot exhaust the C stack.
 */
#include <stdio.h>
#include <string.h>

#include "apr_strings.h"
#include "xml_internal.h"

APU_DECLARE(void) apr_text_append(apr_pool_t *p, apr_text_header *hdr,
                                  const char *text)
{
    apr_text *t = apr_palloc(p, sizeof(*t));

    t->text = text;
    t->next = NULL;
    if (hdr->first == NULL)
        hdr->first = t;
    else
        hdr->last->next = t;
    hdr->last = t;
}

APU_DECLARE(const char *) apr_xml_quote_string(apr_pool_t *p, const char *s,
                                               int quotes)
{
    apr_size_t len = 0, extra = 0;
    const char *scan;
    char *out, *w;

    for (scan = s; *scan; scan++, len++) {
        if (*scan == '<' || *scan == '>')
            extra += 3;
        else if (*scan == '&')
            extra += 4;
        else if (quotes && *scan == '"')
            extra += 5;
    }
    if (extra == 0)
        return s;

    out = w = apr_palloc(p, len + extra + 1);
    for (scan = s; *scan; scan++) {
        const char *rep = NULL;

        if (*scan == '<')
            rep = "&lt;";
        else if (*scan == '>')
            rep = "&gt;";
        else if (*scan == '&')
            rep = "&amp;";
        else if (quotes && *scan == '"')
            rep = "&quot;";
        if (rep) {
            apr_size_t n = strlen(rep);

            memcpy(w, rep, n);
            w += n;
        }
        else {
            *w++ = *scan;
        }
    }
    *w = '\0';
    return out;
}

static void quote_text(apr_pool_t *p, apr_text *t)
{
    for (; t; t = t->next)
        t->text = apr_xml_quote_string(p, t->text, 0);
}

APU_DECLARE(void) apr_xml_quote_elem(apr_pool_t *p, apr_xml_elem *elem)
{
    apr_xml_attr *attr;
    apr_xml_elem *child;

    quote_text(p, elem->first_cdata.first);
    quote_text(p, elem->following_cdata.first);
    for (attr = elem->attr; attr; attr = attr->next)
        attr->value = apr_xml_quote_string(p, attr->value, 1);
    for (child = elem->first_child; child; child = child->next)
        apr_xml_quote_elem(p, child);
}

APU_DECLARE(int) apr_xml_insert_uri(apr_array_header_t *uri_array,
                                    const char *uri)
{
    int i;

    if (*uri == '\0')
        return APR_XML_NS_NONE;
    for (i = uri_array->nelts; i--;) {
        if (strcmp(uri, APR_XML_GET_URI_ITEM(uri_array, i)) == 0)
            return i;
    }
    *(const char **)apr_array_push(uri_array) = uri;
    return uri_array->nelts - 1;
}

APU_DECLARE(const char *) apr_xml_empty_elem(apr_pool_t *p,
                                             const apr_xml_elem *elem)
{
    if (elem->ns == APR_XML_NS_NONE)
        return apr_psprintf(p, "<%s/>\r\n", elem->name);
    return apr_psprintf(p, "<ns%d:%s/>\r\n", elem->ns, elem->name);
}

/* ---- apr_xml_to_text ---------------------------------------------- */

/* The writer: counts every byte, and stores it when buf is not NULL. */
typedef struct {
    char *buf;
    apr_size_t len;
    apr_array_header_t *namespaces;
    const int *ns_map;
    apr_array_header_t *stack; /* open elements of the walk */
} x2t_out;

static void put(x2t_out *o, const char *s, apr_size_t n)
{
    if (o->buf)
        memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void puts0(x2t_out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void put_int(x2t_out *o, int v)
{
    char num[16];
    int n = snprintf(num, sizeof(num), "%d", v);

    put(o, num, (apr_size_t)n);
}

static void put_text(x2t_out *o, const apr_text *t)
{
    for (; t; t = t->next)
        puts0(o, t->text);
}

static const char *ns_uri(const x2t_out *o, int ns)
{
    if (!o->namespaces || ns < 0 || ns >= o->namespaces->nelts)
        return "";
    return APR_XML_GET_URI_ITEM(o->namespaces, ns);
}

/* "ns<i>:name", or just "name" without a namespace. */
static void put_nsname(x2t_out *o, int ns, const char *name)
{
    if (ns != APR_XML_NS_NONE) {
        puts0(o, "ns");
        put_int(o, o->ns_map ? o->ns_map[ns] : ns);
        put(o, ":", 1);
    }
    puts0(o, name);
}

/* Whether an element between from (included) and upto (excluded) declares
 * prefix, hiding a declaration made on upto. */
static int prefix_hidden(const apr_xml_elem *from, const apr_xml_elem *upto,
                         const char *prefix)
{
    const apr_xml_ns_scope *s;

    for (; from && from != upto; from = from->parent) {
        for (s = from->ns_scope; s; s = s->next) {
            if (strcmp(s->prefix, prefix) == 0)
                return 1;
        }
    }
    return 0;
}

/* The prefix bound to namespace ns in the scope of elem, as declared in
 * the parsed document; NULL if there is none. The default namespace ("")
 * does not apply to attributes. */
static const char *find_prefix(const apr_xml_elem *elem, int ns,
                               int for_attr)
{
    const apr_xml_elem *e;
    const apr_xml_ns_scope *s;

    for (e = elem; e; e = e->parent) {
        for (s = e->ns_scope; s; s = s->next) {
            if (s->ns != ns || s->emptyURI || (for_attr && !*s->prefix))
                continue;
            if (!prefix_hidden(elem, e, s->prefix))
                return s->prefix;
        }
    }
    return NULL;
}

/* The name with its original prefix (APR_XML_X2T_PARSED). APR-util writes
 * ":name" for the default namespace; "name" is what was parsed. */
static void put_parsed_name(x2t_out *o, const apr_xml_elem *elem, int ns,
                            const char *name, int for_attr)
{
    const char *prefix;

    if (ns == APR_XML_NS_NONE) {
        puts0(o, name);
        return;
    }
    prefix = find_prefix(elem, ns, for_attr);
    if (!prefix) {
        put_nsname(o, ns, name);
        return;
    }
    if (*prefix) {
        puts0(o, prefix);
        put(o, ":", 1);
    }
    puts0(o, name);
}

static void put_attr(x2t_out *o, const apr_xml_elem *elem,
                     const apr_xml_attr *attr, int style)
{
    put(o, " ", 1);
    if (style == APR_XML_X2T_PARSED)
        put_parsed_name(o, elem, attr->ns, attr->name, 1);
    else
        put_nsname(o, attr->ns, attr->name);
    put(o, "=\"", 2);
    puts0(o, attr->value);
    put(o, "\"", 1);
}

/* The declarations of elem, under their own prefixes (APR-util writes the
 * first prefix bound to the same URI, which may repeat an attribute). */
static void put_parsed_decls(x2t_out *o, const apr_xml_elem *elem)
{
    const apr_xml_ns_scope *s;

    for (s = elem->ns_scope; s; s = s->next) {
        puts0(o, " xmlns");
        if (*s->prefix) {
            put(o, ":", 1);
            puts0(o, s->prefix);
        }
        put(o, "=\"", 2);
        puts0(o, s->emptyURI ? "" : ns_uri(o, s->ns));
        put(o, "\"", 1);
    }
}

static void put_start(x2t_out *o, const apr_xml_elem *elem, int style)
{
    const apr_xml_attr *attr;

    put(o, "<", 1);
    if (style == APR_XML_X2T_PARSED)
        put_parsed_name(o, elem, elem->ns, elem->name, 0);
    else
        put_nsname(o, elem->ns, elem->name);
    for (attr = elem->attr; attr; attr = attr->next)
        put_attr(o, elem, attr, style);

    /* lang is inherited by pointer: written where it was set */
    if (elem->lang &&
        (style == APR_XML_X2T_FULL_NS_LANG || elem->parent == NULL ||
         elem->lang != elem->parent->lang)) {
        puts0(o, " xml:lang=\"");
        puts0(o, elem->lang);
        put(o, "\"", 1);
    }

    if (style == APR_XML_X2T_FULL_NS_LANG && o->namespaces) {
        int i;

        for (i = o->namespaces->nelts; i--;) {
            puts0(o, " xmlns:ns");
            put_int(o, i);
            put(o, "=\"", 2);
            puts0(o, ns_uri(o, i));
            put(o, "\"", 1);
        }
    }
    else if (style == APR_XML_X2T_PARSED) {
        put_parsed_decls(o, elem);
    }

    if (APR_XML_ELEM_IS_EMPTY(elem))
        put(o, "/>", 2);
    else
        put(o, ">", 1);
}

static void put_end(x2t_out *o, const apr_xml_elem *elem, int style)
{
    put(o, "</", 2);
    if (style == APR_XML_X2T_PARSED)
        put_parsed_name(o, elem, elem->ns, elem->name, 0);
    else
        put_nsname(o, elem->ns, elem->name);
    put(o, ">", 1);
}

/* The text and the child elements of top, each child written in style. */
static void put_contents(x2t_out *o, const apr_xml_elem *top, int style)
{
    const apr_xml_elem *e;

    o->stack->nelts = 0;
    put_text(o, top->first_cdata.first);
    e = top->first_child;
    while (e) {
        put_start(o, e, style);
        if (!APR_XML_ELEM_IS_EMPTY(e)) {
            put_text(o, e->first_cdata.first);
            if (e->first_child) {
                *(const apr_xml_elem **)apr_array_push(o->stack) = e;
                e = e->first_child;
                continue;
            }
            put_end(o, e, style);
        }
        /* e is complete: its following text, then its sibling, or close
         * the parents that have no more children */
        for (;;) {
            put_text(o, e->following_cdata.first);
            if (e->next) {
                e = e->next;
                break;
            }
            if (o->stack->nelts == 0) {
                e = NULL;
                break;
            }
            e = *(const apr_xml_elem **)apr_array_pop(o->stack);
            put_end(o, e, style);
        }
    }
}

static void put_elem(x2t_out *o, const apr_xml_elem *elem, int style)
{
    int full = style == APR_XML_X2T_FULL ||
               style == APR_XML_X2T_FULL_NS_LANG ||
               style == APR_XML_X2T_PARSED;

    if (full) {
        put_start(o, elem, style);
        if (APR_XML_ELEM_IS_EMPTY(elem))
            return;
    }
    else if (style == APR_XML_X2T_LANG_INNER) {
        if (elem->lang)
            puts0(o, elem->lang);
        put(o, "", 1); /* the NUL after the language */
    }

    put_contents(o, elem,
                 style == APR_XML_X2T_PARSED ? APR_XML_X2T_PARSED
                                             : APR_XML_X2T_FULL);
    if (full)
        put_end(o, elem, style);
}

APU_DECLARE(void) apr_xml_to_text(apr_pool_t *p, const apr_xml_elem *elem,
                                  int style, apr_array_header_t *namespaces,
                                  int *ns_map, const char **pbuf,
                                  apr_size_t *psize)
{
    x2t_out o;

    o.buf = NULL;
    o.len = 0;
    o.namespaces = namespaces;
    o.ns_map = ns_map;
    o.stack = apr_array_make(p, 8, sizeof(const apr_xml_elem *));
    put_elem(&o, elem, style);

    o.buf = apr_palloc(p, o.len + 1);
    o.len = 0;
    put_elem(&o, elem, style);
    o.buf[o.len] = '\0';

    *pbuf = o.buf;
    if (psize)
        *psize = o.len + 1;
}
