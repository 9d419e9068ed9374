/*
 * Hooks (apr_hooks.h, apr_optional_hooks.h): the registry of hook lists,
 * their sort, the debug output and the optional hooks.
 *
 * The sort reproduces APR-util's order exactly, because modules depend on
 * it: a stable sort by nOrder, then a topological sort that, for each
 * output position, starts from the first entry not yet output and, while
 * that entry still waits for a predecessor, moves to its first waiting
 * predecessor (in the order the constraints were collected); the entry
 * reached is output next. APR-util loops forever on a cycle of
 * constraints; here the walk notices that it came back to an entry and
 * outputs that entry, which drops one constraint of the cycle.
 */
#include <stdio.h>
#include <string.h>

#include "apr_hash.h"
#include "apr_hooks.h"
#include "apr_optional_hooks.h"

#include "apu_hooks_internal.h"

APU_DECLARE_DATA apr_pool_t *apr_hook_global_pool = NULL;
APU_DECLARE_DATA int apr_hook_debug_enabled = 0;
APU_DECLARE_DATA const char *apr_hook_debug_current = NULL;

/* The layout shared by every ns_LINK_name_t (APR_DECLARE_EXTERNAL_HOOK). */
typedef struct {
    void (*pFunc)(void);
    const char *szName;
    const char *const *aszPredecessors;
    const char *const *aszSuccessors;
    int nOrder;
} hook_link;

/* A list apr_hook_sort_all() sorts. */
typedef struct {
    const char *hook_name;
    apr_array_header_t **list;
} sort_entry;

static apr_array_header_t *lists_to_sort;  /* of sort_entry */
static apr_hash_t *optional_hooks;         /* name -> apr_array_header_t ** */

/* The sort's working state: entries in nOrder order, and for each one the
 * indexes of the entries it must follow, in the order found. */
typedef struct {
    int n;
    const hook_link **items;
    int **preds;
    int *npreds;
    char *done;
    int *seen; /* output step in which the walk last passed an entry */
} sort_state;

static const hook_link *link_at(const apr_array_header_t *a, int i)
{
    return (const hook_link *)(const void *)(a->elts + (size_t)i * a->elt_size);
}

/* Index of the first entry registered under name, or -1. Entries without
 * a module name never match (APR-util would crash on them). */
static int find_module(const sort_state *st, const char *name)
{
    int k;

    for (k = 0; k < st->n; k++)
        if (st->items[k]->szName && strcmp(st->items[k]->szName, name) == 0)
            return k;
    return -1;
}

/* Records that entry `after` must follow entry `before` (once). */
static void add_pred(sort_state *st, int after, int before)
{
    int l;

    for (l = 0; l < st->npreds[after]; l++)
        if (st->preds[after][l] == before)
            return;
    st->preds[after][st->npreds[after]++] = before;
}

static void collect_constraints(sort_state *st)
{
    int n, i, k;

    for (n = 0; n < st->n; n++) {
        const char *const *pre = st->items[n]->aszPredecessors;
        const char *const *succ = st->items[n]->aszSuccessors;

        for (i = 0; pre && pre[i]; i++)
            if ((k = find_module(st, pre[i])) >= 0)
                add_pred(st, n, k);
        for (i = 0; succ && succ[i]; i++)
            if ((k = find_module(st, succ[i])) >= 0)
                add_pred(st, k, n);
    }
}

/* The first predecessor of entry n not yet output, or -1. */
static int first_waiting_pred(const sort_state *st, int n)
{
    int l;

    for (l = 0; l < st->npreds[n]; l++)
        if (!st->done[st->preds[n][l]])
            return st->preds[n][l];
    return -1;
}

/* The entry to output at step `step`. */
static int next_entry(sort_state *st, int step)
{
    int n = 0, k;

    while (st->done[n])
        n++;
    st->seen[n] = step;
    while ((k = first_waiting_pred(st, n)) >= 0) {
        if (st->seen[k] == step)
            return k; /* a cycle: output the entry it came back to */
        st->seen[k] = step;
        n = k;
    }
    return n;
}

/* Sorts items[] (pointers into the list) by nOrder, keeping the order of
 * equal keys, as APR-util's qsort (glibc's merge sort) does. */
static void sort_by_order(const hook_link **items, int n)
{
    int i, j;

    for (i = 1; i < n; i++) {
        const hook_link *x = items[i];

        for (j = i; j > 0 && items[j - 1]->nOrder > x->nOrder; j--)
            items[j] = items[j - 1];
        items[j] = x;
    }
}

static apr_array_header_t *sort_list(const apr_array_header_t *list,
                                     const char *hook_name)
{
    apr_array_header_t *sorted;
    apr_pool_t *tmp;
    sort_state st;
    int i, step;

    apr_pool_create(&tmp, apr_hook_global_pool);
    st.n = list->nelts;
    st.items = apr_palloc(tmp, (size_t)st.n * sizeof *st.items + 1);
    st.preds = apr_palloc(tmp, (size_t)st.n * sizeof *st.preds + 1);
    st.npreds = apr_pcalloc(tmp, (size_t)st.n * sizeof *st.npreds + 1);
    st.done = apr_pcalloc(tmp, (size_t)st.n + 1);
    st.seen = apr_pcalloc(tmp, (size_t)st.n * sizeof *st.seen + 1);
    for (i = 0; i < st.n; i++) {
        st.items[i] = link_at(list, i);
        st.preds[i] = apr_palloc(tmp, (size_t)st.n * sizeof **st.preds);
    }
    sort_by_order(st.items, st.n);
    collect_constraints(&st);

    sorted = apr_array_make(apr_hook_global_pool, st.n > 0 ? st.n : 1,
                            list->elt_size);
    if (apr_hook_debug_enabled)
        printf("Sorting %s:", hook_name);
    for (step = 1; step <= st.n; step++) {
        int n = next_entry(&st, step);

        st.done[n] = 1;
        memcpy(apr_array_push(sorted), st.items[n], (size_t)list->elt_size);
        if (apr_hook_debug_enabled)
            printf(" %s", st.items[n]->szName ? st.items[n]->szName
                                              : "(null)");
    }
    if (apr_hook_debug_enabled)
        fputc('\n', stdout);
    apr_pool_destroy(tmp);
    return sorted;
}

APU_DECLARE(void) apr_hook_sort_register(const char *szHookName,
                                         apr_array_header_t **aHooks)
{
    sort_entry *e;

    if (!lists_to_sort)
        lists_to_sort = apr_array_make(apr_hook_global_pool, 1,
                                       sizeof(sort_entry));
    e = apr_array_push(lists_to_sort);
    e->hook_name = szHookName;
    e->list = aHooks;
}

APU_DECLARE(void) apr_hook_sort_all(void)
{
    int i;

    if (!lists_to_sort)
        return;
    for (i = 0; i < lists_to_sort->nelts; i++) {
        sort_entry *e = &((sort_entry *)(void *)lists_to_sort->elts)[i];

        if (*e->list)
            *e->list = sort_list(*e->list, e->hook_name);
    }
}

static void show_names(const char *label, const char *const *names)
{
    const char *sep = "";

    if (!names)
        return;
    printf(" %s(", label);
    for (; *names; names++) {
        printf("%s%s", sep, *names);
        sep = ",";
    }
    fputc(')', stdout);
}

APU_DECLARE(void) apr_hook_debug_show(const char *szName,
                                      const char *const *aszPre,
                                      const char *const *aszSucc)
{
    printf("  Hooked %s", szName);
    show_names("pre", aszPre);
    show_names("succ", aszSucc);
    fputc('\n', stdout);
}

APU_DECLARE(void) apr_hook_deregister_all(void)
{
    int i;

    /* APR-util forgets the optional functions only when some hook was
     * registered; forgetting them always is what the documentation says. */
    apu__optional_fn_forget_all();
    optional_hooks = NULL;
    if (!lists_to_sort)
        return;
    for (i = 0; i < lists_to_sort->nelts; i++)
        *((sort_entry *)(void *)lists_to_sort->elts)[i].list = NULL;
    lists_to_sort = NULL;
}

APU_DECLARE(apr_array_header_t *) apr_optional_hook_get(const char *szName)
{
    apr_array_header_t **list;

    if (!optional_hooks)
        return NULL;
    list = apr_hash_get(optional_hooks, szName, strlen(szName));
    return list ? *list : NULL;
}

APU_DECLARE(void) apr_optional_hook_add(const char *szName, void (*pfn)(void),
                                        const char *const *aszPre,
                                        const char *const *aszSucc,
                                        int nOrder)
{
    apr_array_header_t *list = apr_optional_hook_get(szName);
    hook_link *h;

    if (!list) {
        apr_array_header_t **slot;

        list = apr_array_make(apr_hook_global_pool, 1, sizeof(hook_link));
        if (!optional_hooks)
            optional_hooks = apr_hash_make(apr_hook_global_pool);
        slot = apr_palloc(apr_hook_global_pool, sizeof *slot);
        *slot = list;
        apr_hash_set(optional_hooks, szName, strlen(szName), slot);
        apr_hook_sort_register(szName, slot);
    }
    h = apr_array_push(list);
    h->pFunc = pfn;
    h->aszPredecessors = aszPre;
    h->aszSuccessors = aszSucc;
    h->nOrder = nOrder;
    h->szName = apr_hook_debug_current;
    if (apr_hook_debug_enabled)
        apr_hook_debug_show(szName, aszPre, aszSucc);
}
