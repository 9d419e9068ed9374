/*
 * apr_uri.h: splitting a URI into its parts and putting it back together.
 *
 * apr_uri_parse() splits without validating: it finds the scheme,
 * userinfo, host, port, path, query and fragment of absolute URIs, of
 * network-path references ("//host/path") and of relative references, and
 * does not decode percent escapes. Every string it fills in is a copy
 * allocated from the pool given.
 */
#ifndef APR_URI_H
#define APR_URI_H

#include "apu.h"
#include "apr_network_io.h"

/**
 * @file apr_uri.h
 * @brief URI parsing and unparsing.
 */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup APR_Util_URI URI
 * @ingroup APR_Util
 * @{
 */

#define APR_URI_FTP_DEFAULT_PORT 21        /**< ftp */
#define APR_URI_SSH_DEFAULT_PORT 22        /**< ssh */
#define APR_URI_TELNET_DEFAULT_PORT 23     /**< telnet */
#define APR_URI_GOPHER_DEFAULT_PORT 70     /**< gopher */
#define APR_URI_HTTP_DEFAULT_PORT 80       /**< http */
#define APR_URI_POP_DEFAULT_PORT 110       /**< pop */
#define APR_URI_NNTP_DEFAULT_PORT 119      /**< nntp */
#define APR_URI_IMAP_DEFAULT_PORT 143      /**< imap */
#define APR_URI_PROSPERO_DEFAULT_PORT 191  /**< prospero */
#define APR_URI_WAIS_DEFAULT_PORT 210      /**< wais, z39.50r, z39.50s */
#define APR_URI_LDAP_DEFAULT_PORT 389      /**< ldap */
#define APR_URI_HTTPS_DEFAULT_PORT 443     /**< https */
#define APR_URI_RTSP_DEFAULT_PORT 554      /**< rtsp */
#define APR_URI_SNEWS_DEFAULT_PORT 563     /**< snews */
#define APR_URI_ACAP_DEFAULT_PORT 674      /**< acap */
#define APR_URI_NFS_DEFAULT_PORT 2049      /**< nfs */
#define APR_URI_TIP_DEFAULT_PORT 3372      /**< tip */
#define APR_URI_SIP_DEFAULT_PORT 5060      /**< sip */

/* Flags of apr_uri_unparse(), or-ed together. */
/** Leave out "scheme://user:password@host:port". */
#define APR_URI_UNP_OMITSITEPART (1U << 0)
/** Leave out the user name. */
#define APR_URI_UNP_OMITUSER (1U << 1)
/** Leave out the password. */
#define APR_URI_UNP_OMITPASSWORD (1U << 2)
/** Leave out "user:password@". */
#define APR_URI_UNP_OMITUSERINFO                                            \
    (APR_URI_UNP_OMITUSER | APR_URI_UNP_OMITPASSWORD)
/** Show the password itself instead of "XXXXXXXX". */
#define APR_URI_UNP_REVEALPASSWORD (1U << 3)
/** Leave out the path, query and fragment. */
#define APR_URI_UNP_OMITPATHINFO (1U << 4)
/** Leave out "?query" and "#fragment". */
#define APR_URI_UNP_OMITQUERY (1U << 5)

/** @see apr_uri_t */
typedef struct apr_uri_t apr_uri_t;

/** The parts of a URI; a part absent from the URI is NULL. */
struct apr_uri_t {
    /** the scheme, without ':' ("http") */
    char *scheme;
    /** the whole authority: [user[:password]@]host[:port] */
    char *hostinfo;
    /** the user name of the userinfo */
    char *user;
    /** the password of the userinfo (after its first ':') */
    char *password;
    /** the host, without the brackets of an IPv6 literal */
    char *hostname;
    /** the port as written (may be empty: "http://h:/") */
    char *port_str;
    /** the path (NULL when empty, as in "http://h" or "http://h?q") */
    char *path;
    /** what follows '?', up to '#' */
    char *query;
    /** what follows '#' */
    char *fragment;
    /** not used by these functions (historical: a resolver result) */
    struct hostent *hostent;
    /** the port number: meaningful when port_str is not NULL; the
     * scheme's default port when port_str is empty */
    apr_port_t port;
    /** set by apr_uri_parse() and apr_uri_parse_hostinfo() */
    unsigned is_initialized : 1;
    /** not used by these functions */
    unsigned dns_looked_up : 1;
    /** not used by these functions */
    unsigned dns_resolved : 1;
};

/**
 * The default port of a scheme (compared without regard to case): http,
 * ftp, https, gopher, ldap, nntp, snews, imap, pop, sip, rtsp, wais,
 * z39.50r, z39.50s, prospero, nfs, tip, acap, telnet, ssh.
 * @param scheme_str the scheme, or NULL
 * @return its port, or 0 for an unknown scheme or NULL
 */
APU_DECLARE(apr_port_t) apr_uri_port_of_scheme(const char *scheme_str);

/**
 * Puts the parts of uptr back together as a URI string allocated from p.
 * The password shows as "XXXXXXXX" unless APR_URI_UNP_REVEALPASSWORD; a
 * port equal to the scheme's default (or 0) is left out; a hostname
 * containing ':' is written in brackets.
 * @param p the pool to allocate from
 * @param uptr the parts (NULL parts are left out)
 * @param flags APR_URI_UNP_* flags, or-ed
 * @return the URI
 */
APU_DECLARE(char *) apr_uri_unparse(apr_pool_t *p, const apr_uri_t *uptr,
                                    unsigned flags);

/**
 * Splits uri into *uptr (cleared first; parts are copied into p).
 * @param p the pool to allocate from
 * @param uri the URI or relative reference
 * @param uptr the parts found
 * @return APR_SUCCESS, or APR_EGENERAL for an IPv6 literal without ']' or a
 *         port that is not a decimal number; *uptr then holds the parts
 *         found before the error
 */
APU_DECLARE(apr_status_t) apr_uri_parse(apr_pool_t *p, const char *uri,
                                        apr_uri_t *uptr);

/**
 * Splits the "host:port" of a CONNECT request (the port is required;
 * "[v6addr]:port" for IPv6) into *uptr, which is cleared first.
 * @param p the pool to allocate from
 * @param hostinfo the host and port
 * @param uptr the parts found (hostinfo, hostname, port_str, port)
 * @return APR_SUCCESS, or APR_EGENERAL when the port is missing, empty or
 *         not a number
 */
APU_DECLARE(apr_status_t) apr_uri_parse_hostinfo(apr_pool_t *p,
                                                 const char *hostinfo,
                                                 apr_uri_t *uptr);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_URI_H */
