/*
 * URI parsing and unparsing (apr_uri.h).
 *
 * The parser splits, it does not validate; its results, including the
 * parts filled in before an error and its tolerance of odd ports
 * (strtol's: leading blanks and signs accepted, values wrapped to 16
 * bits), are APR-util's byte for byte, because httpd and its modules
 * compare them. Every byte is classified as ASCII, whatever the locale.
 */
#include <stdlib.h>
#include <string.h>

#include "apr_cstr.h"
#include "apr_strings.h"
#include "apr_uri.h"

typedef struct {
    const char *name;
    apr_port_t port;
} scheme_port;

/* APR-util's table, in its order. */
static const scheme_port default_ports[] = {
    {"http", APR_URI_HTTP_DEFAULT_PORT},
    {"ftp", APR_URI_FTP_DEFAULT_PORT},
    {"https", APR_URI_HTTPS_DEFAULT_PORT},
    {"gopher", APR_URI_GOPHER_DEFAULT_PORT},
    {"ldap", APR_URI_LDAP_DEFAULT_PORT},
    {"nntp", APR_URI_NNTP_DEFAULT_PORT},
    {"snews", APR_URI_SNEWS_DEFAULT_PORT},
    {"imap", APR_URI_IMAP_DEFAULT_PORT},
    {"pop", APR_URI_POP_DEFAULT_PORT},
    {"sip", APR_URI_SIP_DEFAULT_PORT},
    {"rtsp", APR_URI_RTSP_DEFAULT_PORT},
    {"wais", APR_URI_WAIS_DEFAULT_PORT},
    {"z39.50r", APR_URI_WAIS_DEFAULT_PORT},
    {"z39.50s", APR_URI_WAIS_DEFAULT_PORT},
    {"prospero", APR_URI_PROSPERO_DEFAULT_PORT},
    {"nfs", APR_URI_NFS_DEFAULT_PORT},
    {"tip", APR_URI_TIP_DEFAULT_PORT},
    {"acap", APR_URI_ACAP_DEFAULT_PORT},
    {"telnet", APR_URI_TELNET_DEFAULT_PORT},
    {"ssh", APR_URI_SSH_DEFAULT_PORT},
};

APU_DECLARE(apr_port_t) apr_uri_port_of_scheme(const char *scheme_str)
{
    size_t i;

    if (!scheme_str)
        return 0;
    for (i = 0; i < sizeof default_ports / sizeof *default_ports; i++)
        if (apr_cstr_casecmp(scheme_str, default_ports[i].name) == 0)
            return default_ports[i].port;
    return 0;
}

/* "user[:password]@", as the flags allow, or "". */
static const char *unparse_userinfo(apr_pool_t *p, const apr_uri_t *u,
                                    unsigned flags)
{
    int user = u->user && !(flags & APR_URI_UNP_OMITUSER);
    int pass = u->password && !(flags & APR_URI_UNP_OMITPASSWORD);
    const char *shown;

    if (!user && !pass)
        return "";
    shown = (flags & APR_URI_UNP_REVEALPASSWORD) ? u->password : "XXXXXXXX";
    return apr_pstrcat(p, user ? u->user : "", pass ? ":" : "",
                       pass ? shown : "", "@", NULL);
}

/* "scheme://userinfo@host:port", as the flags allow. */
static const char *unparse_site(apr_pool_t *p, const apr_uri_t *u,
                                unsigned flags)
{
    const char *site = unparse_userinfo(p, u, flags);

    if (u->hostname) {
        int v6 = strchr(u->hostname, ':') != NULL;
        int default_port = u->port_str == NULL || u->port == 0 ||
                           u->port == apr_uri_port_of_scheme(u->scheme);

        site = apr_pstrcat(p, "//", site, v6 ? "[" : "", u->hostname,
                           v6 ? "]" : "", default_port ? "" : ":",
                           default_port ? "" : u->port_str, NULL);
    }
    if (u->scheme)
        site = apr_pstrcat(p, u->scheme, ":", site, NULL);
    return site;
}

APU_DECLARE(char *) apr_uri_unparse(apr_pool_t *p, const apr_uri_t *uptr,
                                    unsigned flags)
{
    const char *site = "";
    int query;

    if (!(flags & APR_URI_UNP_OMITSITEPART))
        site = unparse_site(p, uptr, flags);
    if (flags & APR_URI_UNP_OMITPATHINFO)
        return apr_pstrdup(p, site);
    query = !(flags & APR_URI_UNP_OMITQUERY);
    return apr_pstrcat(p, site, uptr->path ? uptr->path : "",
                       query && uptr->query ? "?" : "",
                       query && uptr->query ? uptr->query : "",
                       query && uptr->fragment ? "#" : "",
                       query && uptr->fragment ? uptr->fragment : "", NULL);
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_scheme_char(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

/* Fills path, query and fragment from s. */
static apr_status_t parse_path(apr_pool_t *p, const char *s, apr_uri_t *u)
{
    size_t len = strcspn(s, "?#");
    const char *hash;

    if (len > 0)
        u->path = apr_pstrmemdup(p, s, len);
    s += len;
    if (*s == '?') {
        s++;
        hash = strchr(s, '#');
        if (!hash) {
            u->query = apr_pstrdup(p, s);
            return APR_SUCCESS;
        }
        u->query = apr_pstrmemdup(p, s, (apr_size_t)(hash - s));
        s = hash;
    }
    if (*s == '#')
        u->fragment = apr_pstrdup(p, s + 1);
    return APR_SUCCESS;
}

/* Fills port from the port_str just set: the scheme's default when it is
 * empty; APR_EGENERAL when it is not a (strtol) decimal number. */
static apr_status_t parse_port(apr_uri_t *u)
{
    char *end;
    long v;

    if (u->port_str[0] == '\0') {
        u->port = apr_uri_port_of_scheme(u->scheme);
        return APR_SUCCESS;
    }
    v = strtol(u->port_str, &end, 10);
    u->port = (apr_port_t)v;
    return *end == '\0' ? APR_SUCCESS : APR_EGENERAL;
}

/* Fills hostname, port_str and port from host[:port] in [h, end). */
static apr_status_t parse_host(apr_pool_t *p, const char *h, const char *end,
                               apr_uri_t *u)
{
    const char *colon;
    size_t trim = 0;

    if (*h == '[') {
        const char *rb = memchr(h, ']', (size_t)(end - h));

        if (!rb)
            return APR_EGENERAL;
        colon = rb[1] == ':' ? rb + 1 : NULL;
        h++;
        trim = 1; /* the ']' (or what follows it: APR-util's quirk) */
    }
    else {
        colon = memchr(h, ':', (size_t)(end - h));
    }
    if (!colon) {
        u->hostname = apr_pstrmemdup(p, h, (apr_size_t)(end - h) - trim);
        return APR_SUCCESS;
    }
    u->hostname = apr_pstrmemdup(p, h, (apr_size_t)(colon - h) - trim);
    u->port_str = apr_pstrmemdup(p, colon + 1, (apr_size_t)(end - colon - 1));
    return parse_port(u);
}

/* Fills hostinfo, user, password and the host from the authority at s,
 * then the rest. */
static apr_status_t parse_authority(apr_pool_t *p, const char *s,
                                    apr_uri_t *u)
{
    const char *end = s + strcspn(s, "/?#");
    const char *at = end, *colon;
    apr_status_t rv;

    u->hostinfo = apr_pstrmemdup(p, s, (apr_size_t)(end - s));
    while (at > s && at[-1] != '@')
        at--;
    if (at > s) {
        /* userinfo: up to the last '@'; the password after its first ':' */
        colon = memchr(s, ':', (size_t)(at - 1 - s));
        if (colon) {
            u->user = apr_pstrmemdup(p, s, (apr_size_t)(colon - s));
            u->password = apr_pstrmemdup(p, colon + 1,
                                         (apr_size_t)(at - 2 - colon));
        }
        else {
            u->user = apr_pstrmemdup(p, s, (apr_size_t)(at - 1 - s));
        }
        s = at;
    }
    rv = parse_host(p, s, end, u);
    if (rv != APR_SUCCESS)
        return rv;
    return parse_path(p, end, u);
}

/* A reference without scheme or authority: a ':' in its first segment
 * (or anywhere, when it has no '/') would read as a scheme, so APR-util
 * refuses it (RFC 3986 section 4.2). */
static int colon_in_first_segment(const char *uri)
{
    const char *slash = strchr(uri, '/');

    if (!slash)
        return strchr(uri, ':') != NULL;
    return memchr(uri, ':', (size_t)(slash - uri)) != NULL;
}

APU_DECLARE(apr_status_t) apr_uri_parse(apr_pool_t *p, const char *uri,
                                        apr_uri_t *uptr)
{
    const char *s = uri;

    memset(uptr, 0, sizeof *uptr);
    uptr->is_initialized = 1;

    if (uri[0] == '/') {
        /* "//" starts an authority, but "///" a path. */
        if (uri[1] == '/' && uri[2] != '/')
            return parse_authority(p, uri + 2, uptr);
        return parse_path(p, uri, uptr);
    }
    if (is_alpha((unsigned char)*s)) {
        s++;
        while (is_scheme_char((unsigned char)*s))
            s++;
    }
    if (s != uri && *s == ':') {
        uptr->scheme = apr_pstrmemdup(p, uri, (apr_size_t)(s - uri));
        s++;
    }
    else {
        s = uri;
    }
    if (s[0] == '/' && s[1] == '/')
        return parse_authority(p, s + 2, uptr);
    if (s == uri && colon_in_first_segment(uri))
        return APR_EGENERAL;
    return parse_path(p, s, uptr);
}

APU_DECLARE(apr_status_t) apr_uri_parse_hostinfo(apr_pool_t *p,
                                                 const char *hostinfo,
                                                 apr_uri_t *uptr)
{
    const char *h = hostinfo, *colon;
    size_t trim = 0;

    memset(uptr, 0, sizeof *uptr);
    uptr->is_initialized = 1;
    uptr->hostinfo = apr_pstrdup(p, hostinfo);

    if (*h == '[') {
        const char *rb = strchr(h, ']');

        if (!rb || rb[1] != ':')
            return APR_EGENERAL;
        colon = rb + 1;
        h++;
        trim = 1;
    }
    else {
        colon = strchr(h, ':');
    }
    if (!colon)
        return APR_EGENERAL;
    uptr->hostname = apr_pstrmemdup(p, h, (apr_size_t)(colon - h) - trim);
    uptr->port_str = apr_pstrdup(p, colon + 1);
    if (uptr->port_str[0] == '\0')
        return APR_EGENERAL; /* the port is required */
    return parse_port(uptr);
}
