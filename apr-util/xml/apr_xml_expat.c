/*
 * The parser side of apr_xml.h: expat's callbacks build the apr_xml tree.
 *
 * expat runs without its own namespace processing: the names arrive with
 * their prefixes, and the start handler resolves them against the
 * declarations (xmlns, xmlns:p) of the element and its ancestors, as
 * APR-util does, so that the tree and the namespace array are APR-util's.
 *
 * Errors are kept in the parser until apr_xml_parser_geterror() reads them:
 * once one is recorded the callbacks do nothing more. A document declaring
 * an entity is stopped at the declaration (APR-util's defence against
 * entity expansion attacks: no entity, no expansion), and so is one that
 * nests elements more than 256 deep (as APR-util 1.6.3 does).
 */
#include <limits.h>
#include <string.h>

#include <expat.h>

#include "apr_strings.h"
#include "xml_internal.h"

/* parser->error: 0, one of these, or a negative APR_XML_NS_ERROR_* */
#define XML_ERR_EXPAT 1      /* expat's code is in xp_err */
#define XML_ERR_PARSE_DONE 2 /* fed after apr_xml_parser_done() */
#define XML_ERR_TOO_DEEP 3   /* more than XML_MAX_DEPTH open elements */
#define XML_NS_ERR_UNKNOWN_PREFIX (APR_XML_NS_ERROR_BASE)
#define XML_NS_ERR_INVALID_DECL (APR_XML_NS_ERROR_BASE - 1)

/* APR-util 1.6.3 refuses documents nesting elements deeper than this. */
#define XML_MAX_DEPTH 256

struct apr_xml_parser {
    apr_xml_doc *doc;       /* the document being built */
    apr_pool_t *p;          /* for the document and the parser */
    apr_xml_elem *cur_elem; /* the innermost open element */
    int depth;              /* the number of open elements */
    int error;              /* the first error not yet reported */
    enum XML_Error xp_err;  /* expat's code when error is XML_ERR_EXPAT */
    unsigned long err_line; /* where expat stopped: line, from 1 */
    unsigned long err_col;  /* and column, from 1 */
    XML_Parser xp;          /* NULL once done */
};

/* "xml", in any case, starts every reserved prefix. */
static int reserved_prefix(const char *name)
{
    return (name[0] == 'x' || name[0] == 'X') &&
           (name[1] == 'm' || name[1] == 'M') &&
           (name[2] == 'l' || name[2] == 'L');
}

/* The namespace bound to prefix ("" for the default) at the current
 * element: an index, APR_XML_NS_NONE, or XML_NS_ERR_UNKNOWN_PREFIX. */
static int lookup_prefix(const apr_xml_parser *parser, const char *prefix)
{
    const apr_xml_elem *e;
    const apr_xml_ns_scope *s;

    for (e = parser->cur_elem; e; e = e->parent) {
        for (s = e->ns_scope; s; s = s->next) {
            if (strcmp(prefix, s->prefix) == 0)
                return s->emptyURI ? APR_XML_NS_NONE : s->ns;
        }
    }
    return *prefix ? XML_NS_ERR_UNKNOWN_PREFIX : APR_XML_NS_NONE;
}

/* Splits "prefix:local" in place and resolves the prefix. A name without
 * one is in the default namespace if use_default (elements), else in none
 * (attributes). */
static int resolve_name(apr_xml_parser *parser, const char **pname,
                        int use_default)
{
    char *name = (char *)*pname; /* our own copy */
    char *colon = strchr(name, ':');

    if (!colon)
        return use_default ? lookup_prefix(parser, "") : APR_XML_NS_NONE;
    if (reserved_prefix(name))
        return APR_XML_NS_NONE;
    *colon = '\0';
    *pname = colon + 1;
    return lookup_prefix(parser, name);
}

static void link_elem(apr_xml_parser *parser, apr_xml_elem *elem)
{
    apr_xml_elem *parent = parser->cur_elem;

    if (parent == NULL) {
        parser->doc->root = elem;
    }
    else {
        elem->parent = parent;
        if (parent->last_child == NULL)
            parent->first_child = elem;
        else
            parent->last_child->next = elem;
        parent->last_child = elem;
    }
    parser->cur_elem = elem;
}

/* Takes the namespace declarations and xml:lang out of the attribute
 * list. Returns 0, or a namespace error. */
static int take_declarations(apr_xml_parser *parser, apr_xml_elem *elem)
{
    apr_xml_attr **link = &elem->attr;
    apr_xml_attr *attr;

    while ((attr = *link) != NULL) {
        if (strncmp(attr->name, "xmlns", 5) == 0 &&
            (attr->name[5] == ':' || attr->name[5] == '\0')) {
            const char *prefix = attr->name + 5;
            apr_xml_ns_scope *scope;
            const char *uri;

            if (*prefix == ':') {
                if (attr->value[0] == '\0')
                    return XML_NS_ERR_INVALID_DECL;
                prefix++;
            }
            uri = apr_xml_quote_string(parser->p, attr->value, 1);
            scope = apr_pcalloc(parser->p, sizeof(*scope));
            scope->prefix = prefix;
            scope->ns = apr_xml_insert_uri(parser->doc->namespaces, uri);
            scope->emptyURI = *uri == '\0';
            scope->next = elem->ns_scope;
            elem->ns_scope = scope;
            *link = attr->next;
        }
        else if (strcmp(attr->name, "xml:lang") == 0) {
            elem->lang = apr_xml_quote_string(parser->p, attr->value, 1);
            *link = attr->next;
        }
        else {
            link = &attr->next;
        }
    }
    return 0;
}

static void XMLCALL start_handler(void *userdata, const XML_Char *name,
                                  const XML_Char **attrs)
{
    apr_xml_parser *parser = userdata;
    apr_xml_elem *elem;
    apr_xml_attr *attr;
    int rv;

    if (parser->error)
        return;
    if (parser->depth >= XML_MAX_DEPTH) {
        parser->error = XML_ERR_TOO_DEEP;
        return;
    }
    parser->depth++;

    elem = apr_pcalloc(parser->p, sizeof(*elem));
    elem->name = apr_pstrdup(parser->p, name);
    /* the list ends up in reverse document order, as in APR-util (and so
     * does the order in which declarations enter the namespace array) */
    for (; *attrs; attrs += 2) {
        attr = apr_palloc(parser->p, sizeof(*attr));
        attr->name = apr_pstrdup(parser->p, attrs[0]);
        attr->value = apr_pstrdup(parser->p, attrs[1]);
        attr->ns = APR_XML_NS_NONE;
        attr->next = elem->attr;
        elem->attr = attr;
    }
    link_elem(parser, elem);

    if ((rv = take_declarations(parser, elem)) != 0) {
        parser->error = rv;
        return;
    }
    /* inherited by pointer: apr_xml_to_text() relies on it */
    if (elem->lang == NULL && elem->parent != NULL)
        elem->lang = elem->parent->lang;

    elem->ns = resolve_name(parser, &elem->name, 1);
    if (APR_XML_NS_IS_ERROR(elem->ns)) {
        parser->error = elem->ns;
        return;
    }
    for (attr = elem->attr; attr; attr = attr->next) {
        attr->ns = resolve_name(parser, &attr->name, 0);
        if (APR_XML_NS_IS_ERROR(attr->ns)) {
            parser->error = attr->ns;
            return;
        }
    }
}

static void XMLCALL end_handler(void *userdata, const XML_Char *name)
{
    apr_xml_parser *parser = userdata;

    (void)name;
    /* cur_elem is NULL only if an error was read and forgotten midway */
    if (parser->error || parser->cur_elem == NULL)
        return;
    parser->cur_elem = parser->cur_elem->parent;
    parser->depth--;
}

static void XMLCALL cdata_handler(void *userdata, const XML_Char *data,
                                  int len)
{
    apr_xml_parser *parser = userdata;
    apr_xml_elem *elem = parser->cur_elem;
    apr_text_header *hdr;

    if (parser->error || elem == NULL)
        return;
    if (elem->last_child == NULL)
        hdr = &elem->first_cdata;
    else
        hdr = &elem->last_child->following_cdata;
    apr_text_append(parser->p, hdr, apr_pstrndup(parser->p, data, len));
}

static void XMLCALL entity_declaration(void *userdata, const XML_Char *name,
                                       int is_parameter_entity,
                                       const XML_Char *value, int value_length,
                                       const XML_Char *base,
                                       const XML_Char *system_id,
                                       const XML_Char *public_id,
                                       const XML_Char *notation_name)
{
    apr_xml_parser *parser = userdata;

    (void)name, (void)is_parameter_entity, (void)value, (void)value_length;
    (void)base, (void)system_id, (void)public_id, (void)notation_name;
    /* expat then fails with XML_ERROR_ABORTED */
    XML_StopParser(parser->xp, XML_FALSE);
}

static apr_status_t cleanup_parser(void *data)
{
    apr_xml_parser *parser = data;

    XML_ParserFree(parser->xp);
    parser->xp = NULL;
    return APR_SUCCESS;
}

APU_DECLARE(apr_xml_parser *) apr_xml_parser_create(apr_pool_t *pool)
{
    apr_xml_parser *parser = apr_pcalloc(pool, sizeof(*parser));

    parser->p = pool;
    parser->doc = apr_pcalloc(pool, sizeof(*parser->doc));
    parser->doc->namespaces = apr_array_make(pool, 5, sizeof(const char *));
    apr_xml_insert_uri(parser->doc->namespaces, "DAV:");

    parser->xp = XML_ParserCreate(NULL);
    if (parser->xp == NULL) {
        apr_abortfunc_t abort_fn = apr_pool_abort_get(pool);

        if (abort_fn)
            abort_fn(APR_ENOMEM);
        return NULL;
    }
    apr_pool_cleanup_register(pool, parser, cleanup_parser,
                              apr_pool_cleanup_null);

    XML_SetUserData(parser->xp, parser);
    XML_SetElementHandler(parser->xp, start_handler, end_handler);
    XML_SetCharacterDataHandler(parser->xp, cdata_handler);
    XML_SetEntityDeclHandler(parser->xp, entity_declaration);
    return parser;
}

static apr_status_t do_parse(apr_xml_parser *parser, const char *data,
                             apr_size_t len, int is_final)
{
    if (parser->xp == NULL) {
        parser->error = XML_ERR_PARSE_DONE;
        return APR_EGENERAL;
    }
    /* expat takes an int length: feed larger buffers in slices */
    do {
        int n = len > INT_MAX ? INT_MAX : (int)len;
        int last = is_final && (apr_size_t)n == len;

        if (XML_Parse(parser->xp, data, n, last) == XML_STATUS_ERROR) {
            parser->error = XML_ERR_EXPAT;
            parser->xp_err = XML_GetErrorCode(parser->xp);
            parser->err_line = (unsigned long)XML_GetCurrentLineNumber(parser->xp);
            parser->err_col = (unsigned long)XML_GetCurrentColumnNumber(parser->xp) + 1;
            break;
        }
        data += n;
        len -= (apr_size_t)n;
    } while (len > 0);

    return parser->error ? APR_EGENERAL : APR_SUCCESS;
}

APU_DECLARE(apr_status_t) apr_xml_parser_feed(apr_xml_parser *parser,
                                              const char *data,
                                              apr_size_t len)
{
    return do_parse(parser, data, len, 0);
}

APU_DECLARE(apr_status_t) apr_xml_parser_done(apr_xml_parser *parser,
                                              apr_xml_doc **pdoc)
{
    apr_status_t rv = do_parse(parser, "", 0, 1);

    apr_pool_cleanup_run(parser->p, parser, cleanup_parser);
    if (rv != APR_SUCCESS)
        return rv;
    if (pdoc)
        *pdoc = parser->doc;
    return APR_SUCCESS;
}

APU_DECLARE(char *) apr_xml_parser_geterror(apr_xml_parser *parser,
                                            char *errbuf,
                                            apr_size_t errbufsize)
{
    int error = parser->error;
    const char *msg;

    parser->error = 0;
    switch (error) {
    case 0:
        msg = "No error.";
        break;
    case XML_NS_ERR_UNKNOWN_PREFIX:
        msg = "An undefined namespace prefix was used.";
        break;
    case XML_NS_ERR_INVALID_DECL:
        msg = "A namespace prefix was defined with an empty URI.";
        break;
    case XML_ERR_EXPAT:
        /* APR-util's text (expat's message and code), then where in the
         * document: APR-util does not say, which leaves a user searching. */
        apr_snprintf(errbuf, errbufsize,
                     "XML parser error code: %s (%d) at line %lu, column %lu",
                     XML_ErrorString(parser->xp_err), (int)parser->xp_err,
                     parser->err_line, parser->err_col);
        return errbuf;
    case XML_ERR_PARSE_DONE:
        msg = "The parser is not active.";
        break;
    case XML_ERR_TOO_DEEP:
        msg = "The maximum element nesting limit (256) was exceeded.";
        break;
    default:
        msg = "There was an unknown error within the XML body.";
        break;
    }
    apr_cpystrn(errbuf, msg, errbufsize);
    return errbuf;
}

APU_DECLARE(apr_status_t) apr_xml_parse_file(apr_pool_t *p,
                                             apr_xml_parser **parser,
                                             apr_xml_doc **ppdoc,
                                             apr_file_t *xmlfd,
                                             apr_size_t buffer_length)
{
    apr_status_t rv;
    char *buffer;
    apr_size_t length;

    *parser = apr_xml_parser_create(p);
    if (*parser == NULL)
        return APR_EGENERAL;

    buffer = apr_palloc(p, buffer_length);
    for (;;) {
        length = buffer_length;
        rv = apr_file_read(xmlfd, buffer, &length);
        if (rv != APR_SUCCESS)
            break;
        rv = apr_xml_parser_feed(*parser, buffer, length);
        if (rv != APR_SUCCESS)
            return rv;
    }
    if (rv != APR_EOF)
        return rv;

    /* as in APR-util, the parser is forgotten even when this fails */
    rv = apr_xml_parser_done(*parser, ppdoc);
    *parser = NULL;
    return rv;
}

#if APR_CHARSET_EBCDIC
APU_DECLARE(apr_status_t) apr_xml_parser_convert_doc(apr_pool_t *p,
                                                     apr_xml_doc *pdoc,
                                                     apr_xlate_t *convset)
{
    (void)p, (void)pdoc, (void)convset;
    return APR_ENOTIMPL;
}
#endif
