/*
 * Optional functions (apr_optional.h): a name -> function registry in
 * apr_hook_global_pool, emptied by apr_hook_deregister_all().
 */
#include <string.h>

#include "apr_hash.h"
#include "apr_hooks.h"
#include "apr_optional.h"

#include "apu_hooks_internal.h"

/* An apr_hash_t stores data pointers; a function pointer travels in this
 * box so that no function pointer is ever converted to void *. */
typedef struct {
    apr_opt_fn_t *fn;
} opt_fn_box;

static apr_hash_t *optional_fns;

APU_DECLARE_NONSTD(void) apr_dynamic_fn_register(const char *szName,
                                                 apr_opt_fn_t *pfn)
{
    opt_fn_box *box;

    if (!optional_fns)
        optional_fns = apr_hash_make(apr_hook_global_pool);
    box = apr_palloc(apr_hook_global_pool, sizeof *box);
    box->fn = pfn;
    apr_hash_set(optional_fns, szName, strlen(szName), box);
}

APU_DECLARE(apr_opt_fn_t *) apr_dynamic_fn_retrieve(const char *szName)
{
    const opt_fn_box *box;

    if (!optional_fns)
        return NULL;
    box = apr_hash_get(optional_fns, szName, strlen(szName));
    return box ? box->fn : NULL;
}

void apu__optional_fn_forget_all(void)
{
    optional_fns = NULL;
}
