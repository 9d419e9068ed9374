/*
 * The member table of the poll and select providers: dense slots plus an
 * index by OS descriptor, so add, remove and lookup are O(1). The index
 * grows on demand (malloc), the slots are sized once at creation.
 */
#include "apr_arch_poll_private.h"

#include <stdlib.h>
#include <string.h>

apr_status_t apr__fdtable_init(apr__fdtable_t *t, apr_uint32_t nalloc,
                               int nocopy)
{
    memset(t, 0, sizeof *t);
    t->nalloc = nalloc;
    t->nocopy = nocopy;
    t->fds = malloc((nalloc ? nalloc : 1) * sizeof *t->fds);
    t->ref = malloc((nalloc ? nalloc : 1) * sizeof *t->ref);
    if (!nocopy)
        t->copy = malloc((nalloc ? nalloc : 1) * sizeof *t->copy);
    if (!t->fds || !t->ref || (!nocopy && !t->copy)) {
        apr__fdtable_free(t);
        return APR_ENOMEM;
    }
    return APR_SUCCESS;
}

void apr__fdtable_free(apr__fdtable_t *t)
{
    free(t->fds);
    free(t->ref);
    free(t->copy);
    free(t->slot_of);
    memset(t, 0, sizeof *t);
}

/* Make slot_of cover descriptor fd. */
static apr_status_t grow_index(apr__fdtable_t *t, int fd)
{
    apr_size_t len = t->slot_len ? t->slot_len : 64, i;
    int *n;

    while (len <= (apr_size_t)fd)
        len *= 2;
    n = realloc(t->slot_of, len * sizeof *n);
    if (!n)
        return APR_ENOMEM;
    for (i = t->slot_len; i < len; i++)
        n[i] = -1;
    t->slot_of = n;
    t->slot_len = len;
    return APR_SUCCESS;
}

apr_status_t apr__fdtable_add(apr__fdtable_t *t, const apr_pollfd_t *pfd,
                              int fd, apr_uint32_t *slot)
{
    apr_uint32_t i;

    if (fd < 0)
        return APR_EBADF;
    if (apr__fdtable_find(t, fd) >= 0)
        return APR_EEXIST;
    if (t->n >= t->nalloc)
        return APR_ENOMEM;
    if ((apr_size_t)fd >= t->slot_len) {
        apr_status_t rv = grow_index(t, fd);
        if (rv != APR_SUCCESS)
            return rv;
    }
    i = t->n++;
    t->fds[i] = fd;
    if (t->nocopy) {
        t->ref[i] = pfd;
    }
    else {
        t->copy[i] = *pfd;
        t->ref[i] = &t->copy[i];
    }
    t->slot_of[fd] = (int)i;
    *slot = i;
    return APR_SUCCESS;
}

apr_uint32_t apr__fdtable_remove(apr__fdtable_t *t, apr_uint32_t slot)
{
    apr_uint32_t last = --t->n;

    t->slot_of[t->fds[slot]] = -1;
    if (slot != last) {
        t->fds[slot] = t->fds[last];
        if (t->nocopy) {
            t->ref[slot] = t->ref[last];
        }
        else {
            t->copy[slot] = t->copy[last];
            t->ref[slot] = &t->copy[slot];
        }
        t->slot_of[t->fds[slot]] = (int)slot;
    }
    return last;
}
