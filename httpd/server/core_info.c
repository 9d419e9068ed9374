/* core_info.c: the server's identity: the banner of the Server header
 * (ServerTokens), the full description (-v, status pages), the build
 * time, and the ServerSignature footer of generated pages. */
#include "apr_strings.h"
#include "apr_lib.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "ap_release.h"
#include "os.h"

#include "core_private.h"

#define BASE_DESCRIPTION AP_SERVER_BASEVERSION " (" PLATFORM ")"

/* Reset with pconf: a restart may change ServerTokens and modules. */
static const char *server_banner = NULL;
static const char *server_description = NULL;
static int banner_sealed = 0;
static int server_tokens = AP__SRV_TOKENS_FULL;

#if defined(AP_SERVER_BUILT)
static const char server_built[] = AP_SERVER_BUILT;
#else
static const char server_built[] = __DATE__ " " __TIME__;
#endif

static apr_status_t reset_info(void *unused)
{
    server_banner = NULL;
    server_description = NULL;
    banner_sealed = 0;
    server_tokens = AP__SRV_TOKENS_FULL;
    return APR_SUCCESS;
}

void ap__core_info_init(apr_pool_t *pconf)
{
    reset_info(NULL);
    apr_pool_cleanup_register(pconf, NULL, reset_info, apr_pool_cleanup_null);
}

void ap__core_info_set_tokens(int tokens)
{
    server_tokens = tokens;
}

AP_DECLARE(const char *) ap_get_server_banner(void)
{
    return server_banner ? server_banner : AP_SERVER_BASEVERSION;
}

AP_DECLARE(const char *) ap_get_server_description(void)
{
    return server_description ? server_description : BASE_DESCRIPTION;
}

AP_DECLARE(void) ap_get_server_revision(ap_version_t *version)
{
    version->major = AP_SERVER_MAJORVERSION_NUMBER;
    version->minor = AP_SERVER_MINORVERSION_NUMBER;
    version->patch = AP_SERVER_PATCHLEVEL_NUMBER;
    version->add_string = AP_SERVER_ADD_STRING;
}

AP_DECLARE(const char *) ap_get_server_built(void)
{
    return server_built;
}

AP_DECLARE(void) ap_add_version_component(apr_pool_t *pconf,
                                          const char *component)
{
    if (!component || !*component) {
        return;
    }
    /* Only ServerTokens Full lets modules advertise themselves in the
     * Server header; the description always lists them. */
    if (!banner_sealed) {
        server_banner = server_banner
                        ? apr_pstrcat(pconf, server_banner, " ", component,
                                      NULL)
                        : apr_pstrdup(pconf, component);
    }
    server_description = apr_pstrcat(pconf, ap_get_server_description(), " ",
                                     component, NULL);
}

/* Called from core's post_config (first): puts the product token first
 * and freezes the banner unless ServerTokens is Full. */
void ap__core_info_seal(apr_pool_t *pconf)
{
    static const char *const tokens[] = {
        AP_SERVER_BASEPRODUCT,                                  /* Prod */
        AP_SERVER_BASEPRODUCT "/" AP_SERVER_MAJORVERSION,       /* Major */
        AP_SERVER_BASEPRODUCT "/" AP_SERVER_MINORREVISION,      /* Minor */
        AP_SERVER_BASEVERSION,                                  /* Min */
        BASE_DESCRIPTION,                                       /* OS */
        BASE_DESCRIPTION                                        /* Full */
    };

    server_banner = apr_pstrdup(pconf, tokens[server_tokens]);
    server_description = BASE_DESCRIPTION;
    banner_sealed = (server_tokens != AP__SRV_TOKENS_FULL);
}

AP_DECLARE(const char *) ap_psignature(const char *prefix, request_rec *r)
{
    core_dir_config *conf = ap_get_core_module_config(r->per_dir_config);
    const char *name;
    char port[16];

    if (conf->server_signature == srv_sig_off
        || conf->server_signature == srv_sig_unset) {
        return "";
    }
    apr_snprintf(port, sizeof(port), "%u", (unsigned)ap_get_server_port(r));
    name = ap_escape_html(r->pool, ap_get_server_name(r));
    if (conf->server_signature == srv_sig_withmail && r->server->server_admin) {
        const char *admin = r->server->server_admin;
        return apr_pstrcat(r->pool, prefix, "<address>",
                           ap_get_server_banner(), " Server at <a href=\"",
                           ap_is_url(admin) ? "" : "mailto:",
                           ap_escape_html(r->pool, admin), "\">", name,
                           "</a> Port ", port, "</address>\n", NULL);
    }
    return apr_pstrcat(r->pool, prefix, "<address>", ap_get_server_banner(),
                       " Server at ", name, " Port ", port, "</address>\n",
                       NULL);
}
