/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/**
 * @file util_cfgtree.h
 * @brief The parsed configuration: a tree of directives, built from the
 * files before any directive is executed.
 */
#ifndef AP_CONFTREE_H
#define AP_CONFTREE_H

#include "ap_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One directive of the configuration tree. */
typedef struct ap_directive_t ap_directive_t;

struct ap_directive_t {
    const char *directive;             /**< its name ("<Directory" for sections) */
    const char *args;                  /**< its arguments, unparsed */
    struct ap_directive_t *next;       /**< next sibling */
    struct ap_directive_t *first_child; /**< first directive inside a section */
    struct ap_directive_t *parent;     /**< enclosing section */
    void *data;                        /**< for the directive's handler */
    const char *filename;              /**< file it was read from */
    int line_num;                      /**< and the line */
    struct ap_directive_t *last;       /**< last sibling (fast append) */
};

/** The root of the tree the server was configured from. */
AP_DECLARE_DATA extern ap_directive_t *ap_conftree;

/**
 * Append @a toadd after @a current, or as a child of *@a parent if
 * @a child; returns the node to append after next time.
 */
ap_directive_t *ap_add_node(ap_directive_t **parent, ap_directive_t *current,
                            ap_directive_t *toadd, int child);

#ifdef __cplusplus
}
#endif

#endif /* AP_CONFTREE_H */
