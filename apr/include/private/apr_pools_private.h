/*
 * What the pool code shares with the rest of libapr.
 *
 * apr_pool_note_subprocess() (apr_thread_proc.h) keeps its list in the
 * pool: the list head is reached with apr__pool_subprocesses(), and the
 * code that fills it installs apr__pool_free_proc_chain, which clear and
 * destroy call for a pool whose list is not empty.
 */
#ifndef APR_POOLS_PRIVATE_H
#define APR_POOLS_PRIVATE_H

#include "apr_pools.h"

/** A pool's list of subprocesses; defined by the threadproc code. */
struct apr__proc_chain;

/** The address of the head of @a pool's subprocess list. */
struct apr__proc_chain **apr__pool_subprocesses(apr_pool_t *pool);

/** Ends and reaps the subprocesses of a list; NULL until installed. */
extern void (*apr__pool_free_proc_chain)(struct apr__proc_chain *chain);

#endif /* !APR_POOLS_PRIVATE_H */
