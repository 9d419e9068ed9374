/*
 * mod_authz_core_eval.c: building and evaluating the tree of Require
 * lines and <RequireAll|Any|None> containers, and AuthMerging.
 */
#include <string.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"

#include "mod_authz_core_private.h"

APLOG_USE_MODULE(authz_core);

const char *ap__authz_result_name(authz_status st)
{
    switch (st) {
    case AUTHZ_DENIED:          return "denied";
    case AUTHZ_GRANTED:         return "granted";
    case AUTHZ_NEUTRAL:         return "neutral";
    case AUTHZ_DENIED_NO_USER:  return "denied (no authenticated user yet)";
    default:                    return "error";
    }
}

const char *ap__authz_format(apr_pool_t *p, const ap__authz_section *s)
{
    const char *kind;

    if (s->provider_name) {
        return apr_pstrcat(p, "Require ", s->negate ? "not " : "",
                           s->provider_name, " ",
                           s->provider_args ? s->provider_args : "", NULL);
    }
    kind = s->op == AP__AUTHZ_AND ? (s->negate ? "NotAll" : "All")
                                  : (s->negate ? "None" : "Any");
    return s->is_merged ? apr_pstrcat(p, "AuthMerging ", kind, NULL)
                        : apr_pstrcat(p, "<Require", kind, ">", NULL);
}

const char *ap__authz_add_child(apr_pool_t *p, ap__authz_section **parent,
                                ap__authz_section *child,
                                const char *cmd_name)
{
    ap__authz_section *last;

    if (*parent == NULL) {   /* the top level behaves as <RequireAny> */
        *parent = apr_pcalloc(p, sizeof(**parent));
        (*parent)->op = AP__AUTHZ_OR;
    }
    if (child->negate && (*parent)->op == AP__AUTHZ_OR) {
        return child->provider_name
            ? apr_psprintf(p, "negative %s directive has no effect in %s "
                           "directive", cmd_name,
                           ap__authz_format(p, *parent))
            : apr_psprintf(p, "%s directive has no effect in %s directive",
                           ap__authz_format(p, child),
                           ap__authz_format(p, *parent));
    }
    (*parent)->limited |= child->limited;
    if (!child->provider_name && !child->negate
        && child->op == (*parent)->op) {
        child = child->first;   /* RequireAll in RequireAll: associative */
    }
    if ((*parent)->first == NULL) {
        (*parent)->first = child;
        return NULL;
    }
    for (last = (*parent)->first; last->next; last = last->next) {
    }
    last->next = child;
    return NULL;
}

/* Combine one child's result into the section's running result.  Under
 * AND a plain denial is final; under OR a grant is.  A denial for want of
 * a user is kept only while it may still change the outcome.  Returns 1
 * when the result is final. */
static int combine(ap__authz_op op, authz_status child, authz_status *acc)
{
    if (child == AUTHZ_NEUTRAL) {
        return 0;
    }
    if (op == AP__AUTHZ_AND) {
        if (child == AUTHZ_DENIED) {
            *acc = child;
            return 1;
        }
        if ((child == AUTHZ_DENIED_NO_USER && *acc != AUTHZ_DENIED)
            || *acc == AUTHZ_NEUTRAL) {
            *acc = child;
        }
        return 0;
    }
    if (child == AUTHZ_GRANTED) {
        *acc = child;
        return 1;
    }
    if ((child == AUTHZ_DENIED_NO_USER && *acc == AUTHZ_DENIED)
        || *acc == AUTHZ_NEUTRAL) {
        *acc = child;
    }
    return 0;
}

static authz_status apply_children(request_rec *r,
                                   const ap__authz_section *s)
{
    const ap__authz_section *c;
    authz_status acc = AUTHZ_NEUTRAL;

    for (c = s->first; c; c = c->next) {
        authz_status st = ap__authz_apply(r, c, s->op);
        if (st == AUTHZ_GENERAL_ERROR) {
            return st;
        }
        if (combine(s->op, st, &acc)) {
            break;
        }
    }
    return acc;
}

static authz_status apply_provider(request_rec *r,
                                   const ap__authz_section *s)
{
    authz_status st;

    apr_table_setn(r->notes, AUTHZ_PROVIDER_NAME_NOTE, s->provider_name);
    st = s->provider->check_authorization(r, s->provider_args,
                                          s->provider_parsed_args);
    apr_table_unset(r->notes, AUTHZ_PROVIDER_NAME_NOTE);
    return st;
}

/* Negation cannot turn a denial into a grant: it becomes neutral. */
static authz_status negate(authz_status st)
{
    if (st == AUTHZ_GRANTED) {
        return AUTHZ_DENIED;
    }
    if (st == AUTHZ_DENIED || st == AUTHZ_DENIED_NO_USER) {
        return AUTHZ_NEUTRAL;
    }
    return st;
}

authz_status ap__authz_apply(request_rec *r, const ap__authz_section *s,
                             ap__authz_op parent_op)
{
    authz_status st;

    if (!(s->limited & (AP_METHOD_BIT << r->method_number))) {
        st = parent_op == AP__AUTHZ_AND ? AUTHZ_GRANTED : AUTHZ_NEUTRAL;
        if (APLOGrdebug(r)) {
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(01625)
                          "authorization result of %s: %s "
                          "(directive limited to other methods)",
                          ap__authz_format(r->pool, s),
                          ap__authz_result_name(st));
        }
        return st;
    }
    st = s->provider ? apply_provider(r, s) : apply_children(r, s);
    if (s->negate) {
        st = negate(st);
    }
    if (APLOGrdebug(r)) {
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, APLOGNO(01626)
                      "authorization result of %s: %s",
                      ap__authz_format(r->pool, s),
                      ap__authz_result_name(st));
    }
    return st;
}

/* AuthMerging And|Or: both trees under a new container of that op. */
static ap__authz_section *merge_sections(apr_pool_t *p,
                                         const ap__authz_section *base,
                                         const ap__authz_section *add,
                                         ap__authz_op op)
{
    ap__authz_section *s;

    if (add == NULL) {
        return apr_pmemdup(p, base, sizeof(*base));
    }
    s = apr_pcalloc(p, sizeof(*s));
    s->limited = base->limited | add->limited;
    s->op = op;
    s->is_merged = 1;
    s->first = apr_pmemdup(p, base, sizeof(*base));
    s->first->next = apr_pmemdup(p, add, sizeof(*add));
    s->first->next->next = NULL;
    return s;
}

void *ap__authz_merge_dir(apr_pool_t *p, void *basev, void *addv)
{
    const ap__authz_dir_conf *base = basev, *add = addv;
    ap__authz_dir_conf *c;

    if (add->op == AP__AUTHZ_UNSET && !add->section && base->section) {
        /* only AuthzSendForbiddenOnFailure here: not a new authz config */
        c = apr_pmemdup(p, base, sizeof(*base));
    }
    else if (add->op == AP__AUTHZ_OFF || add->op == AP__AUTHZ_UNSET
             || !(base->section || base->op == AP__AUTHZ_OFF)) {
        c = apr_pmemdup(p, add, sizeof(*add));
    }
    else {
        c = apr_pcalloc(p, sizeof(*c));
        c->section = base->section
            ? merge_sections(p, base->section, add->section, add->op)
            : add->section;
        c->op = add->op;
    }
    c->forbidden_on_fail = add->forbidden_on_fail < 0
                           ? base->forbidden_on_fail : add->forbidden_on_fail;
    return c;
}
