/* util_cfgtree.c: linking nodes of the configuration tree. */
#include "httpd.h"
#include "util_cfgtree.h"

ap_directive_t *ap_add_node(ap_directive_t **parent, ap_directive_t *current,
                            ap_directive_t *toadd, int child)
{
    if (current == NULL) {
        /* first node of the file or of a container */
        if (*parent != NULL) {
            (*parent)->first_child = toadd;
            toadd->parent = *parent;
        }
    }
    else {
        current->next = toadd;
        toadd->parent = *parent;
    }
    if (child) {
        /* a container: later nodes go inside it */
        *parent = toadd;
        return NULL;
    }
    return toadd;
}
