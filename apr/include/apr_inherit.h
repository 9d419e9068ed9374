/*
 * apr_inherit.h: declaration helpers for the apr_<type>_inherit_set and
 * apr_<type>_inherit_unset functions of the types that wrap an operating
 * system handle (files, sockets, ...).
 *
 * inherit_set lets child processes created by apr_proc_create inherit the
 * handle (and makes the pool's child cleanup leave it open); inherit_unset
 * undoes that. Handles are not inherited unless asked for.
 */
#ifndef APR_INHERIT_H
#define APR_INHERIT_H

/** Declares apr_<type>_inherit_set(apr_<type>_t *the<type>). */
#define APR_DECLARE_INHERIT_SET(type) \
    APR_DECLARE(apr_status_t) apr_##type##_inherit_set( \
                                          apr_##type##_t *the##type)

/** Declares apr_<type>_inherit_unset(apr_<type>_t *the<type>). */
#define APR_DECLARE_INHERIT_UNSET(type) \
    APR_DECLARE(apr_status_t) apr_##type##_inherit_unset( \
                                          apr_##type##_t *the##type)

#endif /* APR_INHERIT_H */
