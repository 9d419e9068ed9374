/*
 * apr_ring.h: intrusive circular doubly-linked lists ("rings"), as macros.
 *
 * An element type embeds a link made by APR_RING_ENTRY(); a ring is
 * managed through a head made by APR_RING_HEAD(), which has the same shape
 * as a link. The head acts as a sentinel element: APR_RING_SENTINEL()
 * computes the fake element address whose link field is the head, so the
 * first element's prev and the last element's next point at it and no
 * link is ever NULL. Elements are owned by the caller; the macros only
 * relink pointers and never allocate. An element may sit on several rings
 * through several link fields.
 *
 * For strict C conformance the link should be the first member of the
 * element, unless the head always lives inside a larger object with at
 * least that many bytes before it (the sentinel is computed by subtracting
 * the link's offset from the head's address).
 */
#ifndef APR_RING_H
#define APR_RING_H

#include "apr_general.h"

/** Declares the link member type of an element struct elem. */
#define APR_RING_ENTRY(elem)                                                 \
    struct {                                                                 \
        struct elem * volatile next;                                         \
        struct elem * volatile prev;                                         \
    }

/** Declares struct head, the head of a ring of struct elem. */
#define APR_RING_HEAD(head, elem)                                            \
    struct head {                                                            \
        struct elem * volatile next;                                         \
        struct elem * volatile prev;                                         \
    }

/** The sentinel of the ring at hp: compare element pointers against it. */
#define APR_RING_SENTINEL(hp, elem, link)                                    \
    ((struct elem *)((char *)(&(hp)->next)                                   \
                     - APR_OFFSETOF(struct elem, link)))

/** The first element (the sentinel when the ring is empty). */
#define APR_RING_FIRST(hp) (hp)->next

/** The last element (the sentinel when the ring is empty). */
#define APR_RING_LAST(hp) (hp)->prev

/** The element after ep. */
#define APR_RING_NEXT(ep, link) (ep)->link.next

/** The element before ep. */
#define APR_RING_PREV(ep, link) (ep)->link.prev

/** Makes the ring at hp empty. */
#define APR_RING_INIT(hp, elem, link)                                        \
    do {                                                                     \
        APR_RING_FIRST((hp)) = APR_RING_SENTINEL((hp), elem, link);          \
        APR_RING_LAST((hp)) = APR_RING_SENTINEL((hp), elem, link);           \
    } while (0)

/** True when the ring at hp has no elements. */
#define APR_RING_EMPTY(hp, elem, link)                                       \
    (APR_RING_FIRST((hp)) == APR_RING_SENTINEL((hp), elem, link))

/** Makes ep a ring of its own (its links point at itself). */
#define APR_RING_ELEM_INIT(ep, link)                                         \
    do {                                                                     \
        APR_RING_NEXT((ep), link) = (ep);                                    \
        APR_RING_PREV((ep), link) = (ep);                                    \
    } while (0)

/** Links the chain ep1..epN (already linked together) in before lep. */
#define APR_RING_SPLICE_BEFORE(lep, ep1, epN, link)                          \
    do {                                                                     \
        APR_RING_NEXT((epN), link) = (lep);                                  \
        APR_RING_PREV((ep1), link) = APR_RING_PREV((lep), link);             \
        APR_RING_NEXT(APR_RING_PREV((lep), link), link) = (ep1);             \
        APR_RING_PREV((lep), link) = (epN);                                  \
    } while (0)

/** Links the chain ep1..epN (already linked together) in after lep. */
#define APR_RING_SPLICE_AFTER(lep, ep1, epN, link)                           \
    do {                                                                     \
        APR_RING_PREV((ep1), link) = (lep);                                  \
        APR_RING_NEXT((epN), link) = APR_RING_NEXT((lep), link);             \
        APR_RING_PREV(APR_RING_NEXT((lep), link), link) = (epN);             \
        APR_RING_NEXT((lep), link) = (ep1);                                  \
    } while (0)

/** Inserts element nep before lep. */
#define APR_RING_INSERT_BEFORE(lep, nep, link)                               \
    APR_RING_SPLICE_BEFORE((lep), (nep), (nep), link)

/** Inserts element nep after lep. */
#define APR_RING_INSERT_AFTER(lep, nep, link)                                \
    APR_RING_SPLICE_AFTER((lep), (nep), (nep), link)

/** Links the chain ep1..epN in at the front of the ring at hp. */
#define APR_RING_SPLICE_HEAD(hp, ep1, epN, elem, link)                       \
    do {                                                                     \
        APR_RING_PREV((ep1), link) = APR_RING_SENTINEL((hp), elem, link);    \
        APR_RING_NEXT((epN), link) = APR_RING_FIRST((hp));                   \
        APR_RING_PREV(APR_RING_FIRST((hp)), link) = (epN);                   \
        APR_RING_FIRST((hp)) = (ep1);                                        \
    } while (0)

/** Links the chain ep1..epN in at the back of the ring at hp. */
#define APR_RING_SPLICE_TAIL(hp, ep1, epN, elem, link)                       \
    do {                                                                     \
        APR_RING_NEXT((epN), link) = APR_RING_SENTINEL((hp), elem, link);    \
        APR_RING_PREV((ep1), link) = APR_RING_LAST((hp));                    \
        APR_RING_NEXT(APR_RING_LAST((hp)), link) = (ep1);                    \
        APR_RING_LAST((hp)) = (epN);                                         \
    } while (0)

/** Inserts element nep at the front of the ring at hp. */
#define APR_RING_INSERT_HEAD(hp, nep, elem, link)                            \
    APR_RING_SPLICE_HEAD((hp), (nep), (nep), elem, link)

/** Inserts element nep at the back of the ring at hp. */
#define APR_RING_INSERT_TAIL(hp, nep, elem, link)                            \
    APR_RING_SPLICE_TAIL((hp), (nep), (nep), elem, link)

/** Moves all elements of ring h2 to the back of ring h1; h2 ends empty. */
#define APR_RING_CONCAT(h1, h2, elem, link)                                  \
    do {                                                                     \
        if (!APR_RING_EMPTY((h2), elem, link)) {                             \
            APR_RING_SPLICE_TAIL((h1), APR_RING_FIRST((h2)),                 \
                                 APR_RING_LAST((h2)), elem, link);           \
            APR_RING_INIT((h2), elem, link);                                 \
        }                                                                    \
    } while (0)

/** Moves all elements of ring h2 to the front of ring h1; h2 ends empty. */
#define APR_RING_PREPEND(h1, h2, elem, link)                                 \
    do {                                                                     \
        if (!APR_RING_EMPTY((h2), elem, link)) {                             \
            APR_RING_SPLICE_HEAD((h1), APR_RING_FIRST((h2)),                 \
                                 APR_RING_LAST((h2)), elem, link);           \
            APR_RING_INIT((h2), elem, link);                                 \
        }                                                                    \
    } while (0)

/**
 * Unlinks the chain ep1..epN from its ring; the chain's own outer links
 * are left dangling (still pointing into the ring).
 */
#define APR_RING_UNSPLICE(ep1, epN, link)                                    \
    do {                                                                     \
        APR_RING_NEXT(APR_RING_PREV((ep1), link), link) =                    \
            APR_RING_NEXT((epN), link);                                      \
        APR_RING_PREV(APR_RING_NEXT((epN), link), link) =                    \
            APR_RING_PREV((ep1), link);                                      \
    } while (0)

/** Unlinks element ep from its ring (ep's own links are left as they are). */
#define APR_RING_REMOVE(ep, link) APR_RING_UNSPLICE((ep), (ep), link)

/** Loops ep over the elements of the ring at head, first to last. */
#define APR_RING_FOREACH(ep, head, elem, link)                               \
    for (ep = APR_RING_FIRST(head);                                          \
         ep != APR_RING_SENTINEL(head, elem, link);                          \
         ep = APR_RING_NEXT(ep, link))

/**
 * Like APR_RING_FOREACH, with ep2 holding the next element in advance so
 * that the loop body may remove ep1.
 */
#define APR_RING_FOREACH_SAFE(ep1, ep2, head, elem, link)                    \
    for (ep1 = APR_RING_FIRST(head), ep2 = APR_RING_NEXT(ep1, link);         \
         ep1 != APR_RING_SENTINEL(head, elem, link);                         \
         ep1 = ep2, ep2 = APR_RING_NEXT(ep1, link))

/*
 * Debugging aids, active when APR_RING_DEBUG is defined before including
 * this header (no-ops otherwise): the CHECK macros print a ring's links to
 * stderr; the CONSISTENCY macros assert() that every element's neighbours
 * point back at it.
 */
#ifdef APR_RING_DEBUG
#include <assert.h>
#include <stdio.h>

/** Prints msg and a pointer. */
#define APR_RING_CHECK_ONE(msg, ptr)                                         \
    fprintf(stderr, "*** %s %p\n", msg, (void *)(ptr))

/** Prints the links of every element of the ring at hp. */
#define APR_RING_CHECK(hp, elem, link, msg)                                  \
    APR_RING_CHECK_ELEM(APR_RING_SENTINEL(hp, elem, link), elem, link, msg)

/** Prints the links of every element of the ring that holds ep. */
#define APR_RING_CHECK_ELEM(ep, elem, link, msg)                             \
    do {                                                                     \
        struct elem *apr__start = (ep);                                      \
        struct elem *apr__here = apr__start;                                 \
        fprintf(stderr, "*** ring check start -- %s\n", msg);                \
        do {                                                                 \
            fprintf(stderr, "\telem %p\n", (void *)apr__here);               \
            fprintf(stderr, "\telem->next %p\n",                             \
                    (void *)APR_RING_NEXT(apr__here, link));                 \
            fprintf(stderr, "\telem->prev %p\n",                             \
                    (void *)APR_RING_PREV(apr__here, link));                 \
            fprintf(stderr, "\telem->next->prev %p\n",                       \
                    (void *)APR_RING_PREV(APR_RING_NEXT(apr__here, link),    \
                                          link));                            \
            fprintf(stderr, "\telem->prev->next %p\n",                       \
                    (void *)APR_RING_NEXT(APR_RING_PREV(apr__here, link),    \
                                          link));                            \
            if (APR_RING_PREV(APR_RING_NEXT(apr__here, link), link)          \
                != apr__here) {                                              \
                fprintf(stderr, "\t*** elem->next->prev != elem\n");         \
                break;                                                       \
            }                                                                \
            if (APR_RING_NEXT(APR_RING_PREV(apr__here, link), link)          \
                != apr__here) {                                              \
                fprintf(stderr, "\t*** elem->prev->next != elem\n");         \
                break;                                                       \
            }                                                                \
            apr__here = APR_RING_NEXT(apr__here, link);                      \
        } while (apr__here != apr__start);                                   \
        fprintf(stderr, "*** ring check end\n");                             \
    } while (0)

/** Asserts the consistency of the ring at hp. */
#define APR_RING_CHECK_CONSISTENCY(hp, elem, link)                           \
    APR_RING_CHECK_ELEM_CONSISTENCY(APR_RING_SENTINEL(hp, elem, link),       \
                                    elem, link)

/** Asserts the consistency of the ring that holds ep. */
#define APR_RING_CHECK_ELEM_CONSISTENCY(ep, elem, link)                      \
    do {                                                                     \
        struct elem *apr__start = (ep);                                      \
        struct elem *apr__here = apr__start;                                 \
        do {                                                                 \
            assert(APR_RING_PREV(APR_RING_NEXT(apr__here, link), link)       \
                   == apr__here);                                            \
            assert(APR_RING_NEXT(APR_RING_PREV(apr__here, link), link)       \
                   == apr__here);                                            \
            apr__here = APR_RING_NEXT(apr__here, link);                      \
        } while (apr__here != apr__start);                                   \
    } while (0)

#else

#define APR_RING_CHECK_ONE(msg, ptr)
#define APR_RING_CHECK(hp, elem, link, msg)
#define APR_RING_CHECK_CONSISTENCY(hp, elem, link)
#define APR_RING_CHECK_ELEM(ep, elem, link, msg)
#define APR_RING_CHECK_ELEM_CONSISTENCY(ep, elem, link)

#endif

#endif /* APR_RING_H */
