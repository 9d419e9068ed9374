/*
 * apr_xml.h: a small XML parser (on expat) that builds a tree of elements,
 * attributes and character data, and turns trees back into text.
 *
 * Namespaces are resolved while parsing: every namespace URI seen goes into
 * the document's array of URIs ("DAV:" is always entry 0), and each element
 * and attribute records the index of its namespace in that array, or
 * APR_XML_NS_NONE. Prefixes are dropped from the names ("D:prop" gives name
 * "prop" with the index of the URI bound to "D"); names whose prefix starts
 * with "xml" (any case) keep it and have no namespace. Namespace
 * declarations and xml:lang are removed from the attribute lists: the
 * language is kept in each element's lang field and inherited by the
 * children (a child without its own xml:lang shares its parent's pointer).
 *
 * Character data is kept as parsed (entities decoded, not quoted again);
 * apr_xml_quote_elem() quotes a tree for output. Documents declaring
 * entities are refused (the parser stops at the first <!ENTITY>), which
 * bounds the work an "entity expansion" document can cause, and so are
 * documents nesting elements more than 256 deep.
 *
 * Everything is allocated from the pool given to the parser, which owns the
 * tree; the expat parser itself is freed by apr_xml_parser_done() or when
 * that pool is cleared.
 */
#ifndef APR_XML_H
#define APR_XML_H

#include "apr_pools.h"
#include "apr_tables.h"
#include "apr_file_io.h"

#include "apu.h"
#include "apr_xlate.h"

/**
 * @file apr_xml.h
 * @brief XML parsing into a tree, and back to text.
 */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_XML XML
 * @ingroup APR_Util
 * @{
 */

/** @see apr_text */
typedef struct apr_text apr_text;

/** One piece of text in a singly linked list of pieces. */
struct apr_text {
    /** This piece (NUL-terminated). */
    const char *text;
    /** The next piece, or NULL. */
    struct apr_text *next;
};

/** @see apr_text_header */
typedef struct apr_text_header apr_text_header;

/** A list of apr_text pieces; both pointers are NULL when it is empty. */
struct apr_text_header {
    /** The first piece, or NULL. */
    apr_text *first;
    /** The last piece, or NULL. */
    apr_text *last;
};

/**
 * Add a piece of text at the end of a list. The text is not copied.
 * @param p The pool the list node is allocated from
 * @param hdr The list
 * @param text The text, which must live as long as the list
 */
APU_DECLARE(void) apr_text_append(apr_pool_t *p, apr_text_header *hdr,
                                  const char *text);

/*
 * Namespace indices. APR_XML_NS_DAV_ID: "DAV:" is inserted first into every
 * parsed document's namespace array, so its index is always 0.
 * APR_XML_NS_NONE: the element or attribute has no namespace (no prefix and
 * no default namespace, a default reset with xmlns="", an unprefixed
 * attribute, or a reserved "xml..." prefix left in the name).
 */
/** The index of the "DAV:" namespace URI. */
#define APR_XML_NS_DAV_ID 0
/** No namespace for this element or attribute. */
#define APR_XML_NS_NONE -10

/** Indices at or below this value are errors (used while parsing). */
#define APR_XML_NS_ERROR_BASE -100
/** True if @a e is an error index rather than a namespace index. */
#define APR_XML_NS_IS_ERROR(e) ((e) <= APR_XML_NS_ERROR_BASE)

/** @see apr_xml_attr */
typedef struct apr_xml_attr apr_xml_attr;
/** @see apr_xml_elem */
typedef struct apr_xml_elem apr_xml_elem;
/** @see apr_xml_doc */
typedef struct apr_xml_doc apr_xml_doc;

/** An attribute of an element. */
struct apr_xml_attr {
    /** The local name (without a resolved prefix). */
    const char *name;
    /** Index of its namespace in the document's array, or APR_XML_NS_NONE. */
    int ns;
    /** The value, entities decoded. */
    const char *value;
    /** The next attribute of the same element, or NULL. */
    struct apr_xml_attr *next;
};

/** An element, with its attributes, text and children. */
struct apr_xml_elem {
    /** The local name (without a resolved prefix). */
    const char *name;
    /** Index of its namespace in the document's array, or APR_XML_NS_NONE. */
    int ns;
    /** The xml:lang in force (quoted), inherited from the parent, or NULL. */
    const char *lang;

    /** Text between the start tag and the first child (or the end tag). */
    apr_text_header first_cdata;
    /** Text after this element's end tag, up to the next sibling or the
     *  parent's end tag. */
    apr_text_header following_cdata;

    /** The enclosing element, or NULL for the root. */
    struct apr_xml_elem *parent;
    /** The next sibling, or NULL. */
    struct apr_xml_elem *next;
    /** The first child element, or NULL. */
    struct apr_xml_elem *first_child;
    /** The first attribute, or NULL. */
    struct apr_xml_attr *attr;

    /** The last child element (kept up to date while parsing). */
    struct apr_xml_elem *last_child;
    /** The namespace declarations made on this element (parser-private). */
    struct apr_xml_ns_scope *ns_scope;

    /** Free for the caller's use; the parser sets it to NULL. */
    void *priv;
};

/** True if @a e has neither child elements nor text after its start tag. */
#define APR_XML_ELEM_IS_EMPTY(e)                                             \
    ((e)->first_child == NULL && (e)->first_cdata.first == NULL)

/** A parsed document. */
struct apr_xml_doc {
    /** The root element. */
    apr_xml_elem *root;
    /** The namespace URIs used (const char * entries, quoted); entry 0 is
     *  "DAV:". */
    apr_array_header_t *namespaces;
};

/** An XML parser (opaque). */
typedef struct apr_xml_parser apr_xml_parser;

/**
 * Create a parser.
 * @param pool The pool for the parser and for the document it builds
 * @return The parser (the pool's abort function runs if expat cannot
 * allocate one)
 */
APU_DECLARE(apr_xml_parser *) apr_xml_parser_create(apr_pool_t *pool);

/**
 * Parse a whole file.
 * @param p The pool for the parser and the document
 * @param parser Set to the parser; set to NULL when the parse completed
 * (successfully or not at the final stage). When reading or feeding fails
 * it is left set, so that apr_xml_parser_geterror() can be called.
 * @param ppdoc Set to the document on success
 * @param xmlfd The file, read from its current position to its end
 * @param buffer_length The size of each read
 * @return APR_SUCCESS, APR_EGENERAL for a parse error, or the read error
 */
APU_DECLARE(apr_status_t) apr_xml_parse_file(apr_pool_t *p,
                                             apr_xml_parser **parser,
                                             apr_xml_doc **ppdoc,
                                             apr_file_t *xmlfd,
                                             apr_size_t buffer_length);

/**
 * Give the parser the next piece of the document.
 * @param parser The parser
 * @param data The bytes
 * @param len Their number
 * @return APR_SUCCESS, or APR_EGENERAL on an error (kept until
 * apr_xml_parser_geterror() is called)
 */
APU_DECLARE(apr_status_t) apr_xml_parser_feed(apr_xml_parser *parser,
                                              const char *data,
                                              apr_size_t len);

/**
 * End the document and free the expat parser; the parser accepts no more
 * input afterwards.
 * @param parser The parser
 * @param pdoc Set to the document on success (may be NULL); left
 * untouched on error
 * @return APR_SUCCESS, or APR_EGENERAL on an error (incomplete document, or
 * an error kept from an earlier feed)
 */
APU_DECLARE(apr_status_t) apr_xml_parser_done(apr_xml_parser *parser,
                                              apr_xml_doc **pdoc);

/**
 * Describe the parser's last error, and forget it. The text is APR-util's:
 * "XML parser error code: <expat's message> (<expat's code>)" for a syntax
 * error, a sentence for a namespace error, "No error." when there is none.
 * @param parser The parser
 * @param errbuf Where to write the text (NUL-terminated, truncated to fit)
 * @param errbufsize The size of @a errbuf
 * @return @a errbuf
 */
APU_DECLARE(char *) apr_xml_parser_geterror(apr_xml_parser *parser,
                                            char *errbuf,
                                            apr_size_t errbufsize);

/**
 * Write an element (and everything below it) as text.
 *
 * Namespaced names are written "ns<index>:name" (the index passed through
 * @a ns_map when given), except in the APR_XML_X2T_PARSED style, which uses
 * the prefixes of the parsed document. Text and attribute values are
 * written as stored: call apr_xml_quote_elem() first for well-formed
 * output. xml:lang is written where it differs from the parent's.
 * @param p The pool for the text
 * @param elem The element
 * @param style APR_XML_X2T_FULL, APR_XML_X2T_INNER, APR_XML_X2T_LANG_INNER,
 * APR_XML_X2T_FULL_NS_LANG or APR_XML_X2T_PARSED
 * @param namespaces The document's namespace array (used by the
 * APR_XML_X2T_FULL_NS_LANG and APR_XML_X2T_PARSED styles)
 * @param ns_map NULL, or a new index for each namespace index
 * @param pbuf Set to the text; NUL-terminated (APR_XML_X2T_LANG_INNER
 * writes the language, a NUL, then the contents and another NUL)
 * @param psize If not NULL, set to the size of the buffer, the final NUL
 * included
 */
APU_DECLARE(void) apr_xml_to_text(apr_pool_t *p, const apr_xml_elem *elem,
                                  int style, apr_array_header_t *namespaces,
                                  int *ns_map, const char **pbuf,
                                  apr_size_t *psize);

/* The styles of apr_xml_to_text(). */
/** The start tag, the contents and the end tag. */
#define APR_XML_X2T_FULL 0
/** The contents only. */
#define APR_XML_X2T_INNER 1
/** The xml:lang value (or nothing), a NUL, then the contents. */
#define APR_XML_X2T_LANG_INNER 2
/** As FULL, with xml:lang and every namespace declared ("xmlns:ns<i>") on
 *  the outer element. */
#define APR_XML_X2T_FULL_NS_LANG 3
/** As FULL, with the original prefixes and namespace declarations. */
#define APR_XML_X2T_PARSED 4

/**
 * Write an element as an empty tag, "<name/>" or "<ns<index>:name/>",
 * followed by CR LF.
 * @param p The pool for the text
 * @param elem The element (only its name and namespace are used)
 * @return The text
 */
APU_DECLARE(const char *) apr_xml_empty_elem(apr_pool_t *p,
                                             const apr_xml_elem *elem);

/**
 * Quote a string for XML: '<', '>' and '&' become "&lt;", "&gt;" and
 * "&amp;", and '"' becomes "&quot;" when @a quotes is non-zero.
 * @param p The pool for the result
 * @param s The string
 * @param quotes Whether to quote double quotes too
 * @return The quoted string; @a s itself when nothing needed quoting
 */
APU_DECLARE(const char *) apr_xml_quote_string(apr_pool_t *p, const char *s,
                                               int quotes);

/**
 * Quote an element's text and attribute values in place, and those of all
 * its descendants (text without, attribute values with, double quotes).
 * @param p The pool for the quoted strings
 * @param elem The element
 */
APU_DECLARE(void) apr_xml_quote_elem(apr_pool_t *p, apr_xml_elem *elem);

/**
 * Find a URI in an array of unique URIs, adding it at the end if absent.
 * @param uri_array An array of const char * (not copied: @a uri must live
 * as long as the array)
 * @param uri The URI
 * @return Its index; APR_XML_NS_NONE for the empty URI, which is never
 * added
 */
APU_DECLARE(int) apr_xml_insert_uri(apr_array_header_t *uri_array,
                                    const char *uri);

/** The URI at index @a i of an array filled by apr_xml_insert_uri(). */
#define APR_XML_GET_URI_ITEM(ary, i) (((const char *const *)(ary)->elts)[i])

#if APR_CHARSET_EBCDIC

/**
 * Translate a parsed tree into the native (EBCDIC) character set. Only
 * declared on EBCDIC systems, as in APR-util.
 * @param p The pool for the translated strings
 * @param pdoc The document
 * @param convset The translation handle
 * @return APR_ENOTIMPL in this implementation, which has no apr_xlate
 */
APU_DECLARE(apr_status_t) apr_xml_parser_convert_doc(apr_pool_t *p,
                                                     apr_xml_doc *pdoc,
                                                     apr_xlate_t *convset);
#endif

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_XML_H */
