/*
 * Private to apr-util/hooks: what apr_hooks.c and apr_optional.c share.
 */
#ifndef APU_HOOKS_INTERNAL_H
#define APU_HOOKS_INTERNAL_H

/* Forgets every optional function (apr_hook_deregister_all). */
void apu__optional_fn_forget_all(void);

#endif
