/*
 * Private to apr-util/xml/: the namespace scope records the parser hangs on
 * elements (apr_xml_elem.ns_scope), read again by apr_xml_to_text()'s
 * APR_XML_X2T_PARSED style to find the original prefixes.
 */
#ifndef APU_XML_INTERNAL_H
#define APU_XML_INTERNAL_H

#include "apr_xml.h"

/* One namespace declaration made on an element. The list on an element is
 * in document order. */
struct apr_xml_ns_scope {
    const char *prefix;            /* "" for the default namespace */
    int ns;                        /* index of the URI, or APR_XML_NS_NONE */
    int emptyURI;                  /* declared with an empty URI (xmlns="") */
    struct apr_xml_ns_scope *next; /* the next declaration on this element */
};
typedef struct apr_xml_ns_scope apr_xml_ns_scope;

#endif
