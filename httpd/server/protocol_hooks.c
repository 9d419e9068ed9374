/* protocol_hooks.c: the hooks declared in http_protocol.h, protocol
 * negotiation (Protocols / ProtocolsHonorOrder: ap_select_protocol,
 * ap_switch_protocol, ap_get_protocol(_upgrades), ap_is_allowed_protocol)
 * and the Basic authentication helpers.
 */
#include <string.h>

#include "apr_strings.h"
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "protocol_private.h"

APLOG_USE_MODULE(core);

APR_HOOK_STRUCT(
    APR_HOOK_LINK(pre_read_request)
    APR_HOOK_LINK(post_read_request)
    APR_HOOK_LINK(log_transaction)
    APR_HOOK_LINK(http_scheme)
    APR_HOOK_LINK(default_port)
    APR_HOOK_LINK(note_auth_failure)
    APR_HOOK_LINK(protocol_propose)
    APR_HOOK_LINK(protocol_switch)
    APR_HOOK_LINK(protocol_get)
    APR_HOOK_LINK(insert_error_filter)
)

AP_IMPLEMENT_HOOK_VOID(pre_read_request, (request_rec *r, conn_rec *c),
                       (r, c))
AP_IMPLEMENT_HOOK_RUN_ALL(int, post_read_request, (request_rec *r), (r),
                          OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, log_transaction, (request_rec *r), (r),
                          OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(const char *, http_scheme,
                            (const request_rec *r), (r), NULL)
AP_IMPLEMENT_HOOK_RUN_FIRST(apr_port_t, default_port,
                            (const request_rec *r), (r), 0)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, note_auth_failure,
                            (request_rec *r, const char *auth_type),
                            (r, auth_type), DECLINED)
AP_IMPLEMENT_HOOK_RUN_ALL(int, protocol_propose,
                          (conn_rec *c, request_rec *r, server_rec *s,
                           const apr_array_header_t *offers,
                           apr_array_header_t *proposals),
                          (c, r, s, offers, proposals), OK, DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(int, protocol_switch,
                            (conn_rec *c, request_rec *r, server_rec *s,
                             const char *protocol),
                            (c, r, s, protocol), DECLINED)
AP_IMPLEMENT_HOOK_RUN_FIRST(const char *, protocol_get,
                            (const conn_rec *c), (c), NULL)
AP_IMPLEMENT_HOOK_VOID(insert_error_filter, (request_rec *r), (r))

/* Protocol negotiation ------------------------------------------------ */

static const apr_array_header_t *server_protocols(conn_rec *c,
                                                  request_rec *r,
                                                  server_rec **s)
{
    core_server_config *conf;

    if (*s == NULL) {
        *s = r ? r->server : c->base_server;
    }
    conf = ap_get_core_module_config((*s)->module_config);
    return conf->protocols;
}

AP_DECLARE(const char *) ap_get_protocol(conn_rec *c)
{
    const char *p = ap_run_protocol_get(c);

    return p ? p : AP_PROTOCOL_HTTP1;
}

AP_DECLARE(apr_status_t) ap_get_protocol_upgrades(conn_rec *c, request_rec *r,
    server_rec *s, int report_all, const apr_array_header_t **pupgrades)
{
    const apr_array_header_t *protos = server_protocols(c, r, &s);
    apr_array_header_t *ups;
    const char *existing;
    int i;

    *pupgrades = NULL;
    if (protos == NULL || protos->nelts == 0) {
        return APR_SUCCESS;
    }
    existing = ap_get_protocol(c);
    if (protos->nelts == 1 && ap_array_str_contains(protos, existing)) {
        return APR_SUCCESS;
    }
    ups = apr_array_make(r ? r->pool : c->pool, protos->nelts + 1,
                         sizeof(char *));
    for (i = 0; i < protos->nelts; i++) {
        const char *p = APR_ARRAY_IDX(protos, i, const char *);

        if (strcmp(existing, p) != 0) {
            APR_ARRAY_PUSH(ups, const char *) = p;
        }
        else if (!report_all) {
            break; /* only those preferred over what we speak now */
        }
    }
    *pupgrades = ups;
    return APR_SUCCESS;
}

/* <0 when p1 is less wanted than p2 according to prefs. */
static int proto_cmp(const apr_array_header_t *prefs, const char *p1,
                     const char *p2)
{
    if (prefs && prefs->nelts > 0) {
        int i1 = ap_array_str_index(prefs, p1, 0);
        int i2 = ap_array_str_index(prefs, p2, 0);

        if (i2 > i1) {
            return i1 >= 0 ? 1 : -1;
        }
        if (i1 > i2) {
            return i2 >= 0 ? -1 : 1;
        }
    }
    return strcmp(p1, p2);
}

AP_DECLARE(const char *) ap_select_protocol(conn_rec *c, request_rec *r,
    server_rec *s, const apr_array_header_t *choices)
{
    const apr_array_header_t *protos = server_protocols(c, r, &s);
    core_server_config *conf = ap_get_core_module_config(s->module_config);
    const apr_array_header_t *prefs;
    apr_array_header_t *props;
    const char *existing = ap_get_protocol(c), *best = NULL;
    int i;

    props = apr_array_make(r ? r->pool : c->pool, choices->nelts + 1,
                           sizeof(char *));
    ap_run_protocol_propose(c, r, s, choices, props);
    if (!ap_array_str_contains(props, existing)
        && ap_array_str_contains(choices, existing)) {
        APR_ARRAY_PUSH(props, const char *) = existing;
    }
    /* ProtocolsHonorOrder off: the client's order wins */
    prefs = (conf->protocols_honor_order == 0 && choices->nelts > 0)
            ? choices : protos;
    for (i = 0; i < props->nelts; i++) {
        const char *p = APR_ARRAY_IDX(props, i, const char *);

        if (protos && protos->nelts && !ap_array_str_contains(protos, p)) {
            continue; /* not enabled by Protocols */
        }
        if (best == NULL || proto_cmp(prefs, best, p) < 0) {
            best = p;
        }
    }
    return best ? best : existing;
}

AP_DECLARE(apr_status_t) ap_switch_protocol(conn_rec *c, request_rec *r,
                                            server_rec *s,
                                            const char *protocol)
{
    int rc;

    if (strcmp(ap_get_protocol(c), protocol) == 0) {
        ap_log_cerror(APLOG_MARK, APLOG_WARNING, 0, c, APLOGNO(10513)
                      "already at it, protocol_switch to %s", protocol);
        return APR_SUCCESS;
    }
    rc = ap_run_protocol_switch(c, r, s, protocol);
    if (rc == OK) {
        return APR_SUCCESS;
    }
    if (rc == DECLINED) {
        ap_log_cerror(APLOG_MARK, APLOG_ERR, 0, c, APLOGNO(10514)
                      "no implementation for protocol_switch to %s",
                      protocol);
        return APR_ENOTIMPL;
    }
    ap_log_cerror(APLOG_MARK, APLOG_ERR, 0, c, APLOGNO(10515)
                  "unexpected return code %d from protocol_switch to %s",
                  rc, protocol);
    return APR_EOF;
}

AP_DECLARE(int) ap_is_allowed_protocol(conn_rec *c, request_rec *r,
                                       server_rec *s, const char *protocol)
{
    const apr_array_header_t *protos = server_protocols(c, r, &s);

    if (protos && protos->nelts > 0) {
        return ap_array_str_contains(protos, protocol);
    }
    return strcmp(AP_PROTOCOL_HTTP1, protocol) == 0;
}

/* Authentication helpers ------------------------------------------------ */

AP_DECLARE(void) ap_note_auth_failure(request_rec *r)
{
    const char *type = ap_auth_type(r);

    if (type) {
        ap_run_note_auth_failure(r, type);
        return;
    }
    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(10516)
                  "need AuthType to note auth failure: %s", r->uri);
}

AP_DECLARE(void) ap_note_basic_auth_failure(request_rec *r)
{
    ap_note_auth_failure(r);
}

AP_DECLARE(void) ap_note_digest_auth_failure(request_rec *r)
{
    ap_note_auth_failure(r);
}

/* "Basic <base64>" from the (Proxy-)Authorization header, decoded. */
static const char *basic_credentials(const request_rec *r)
{
    const char *line = apr_table_get(r->headers_in,
        r->proxyreq == PROXYREQ_PROXY ? "Proxy-Authorization"
                                      : "Authorization");
    const char *scheme;

    if (line == NULL) {
        return NULL;
    }
    scheme = ap_getword(r->pool, &line, ' ');
    if (ap_cstr_casecmp(scheme, "Basic") != 0) {
        return NULL;
    }
    while (*line == ' ' || *line == '\t') {
        line++;
    }
    return ap_pbase64decode(r->pool, line);
}

AP_DECLARE(int) ap_get_basic_auth_pw(request_rec *r, const char **pw)
{
    const char *type = ap_auth_type(r);
    const char *creds;

    if (type == NULL || ap_cstr_casecmp(type, "Basic") != 0) {
        return DECLINED;
    }
    if (ap_auth_name(r) == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, APLOGNO(10517)
                      "need AuthName: %s", r->uri);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    creds = basic_credentials(r);
    if (creds == NULL) {
        ap_note_auth_failure(r);
        return HTTP_UNAUTHORIZED;
    }
    r->user = ap_getword_nulls(r->pool, &creds, ':');
    apr_table_setn(r->notes, AP_GET_BASIC_AUTH_PW_NOTE, "1");
    r->ap_auth_type = (char *)"Basic";
    *pw = creds;
    return OK;
}

AP_DECLARE(apr_status_t) ap_get_basic_auth_components(const request_rec *r,
    const char **username, const char **password)
{
    const char *creds = basic_credentials(r);
    const char *user;

    if (creds == NULL) {
        return APR_EINVAL;
    }
    user = ap_getword_nulls(r->pool, &creds, ':');
    if (user == NULL) {
        return APR_EINVAL;
    }
    *username = user;
    *password = creds;
    return APR_SUCCESS;
}
