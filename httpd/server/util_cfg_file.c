/* util_cfg_file.c: the sources a configuration is read from.
 *
 * An ap_configfile_t is a small vtable (getch/getstr/close) so that the
 * same line reader serves real files, .htaccess files and in-memory
 * configurations (mod_perl, mod_macro, the unit tests). */
#include <limits.h>
#include <string.h>

#include "apr_file_io.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

static apr_status_t file_getc(char *ch, void *param)
{
    return apr_file_getc(ch, param);
}

static apr_status_t file_gets(void *buf, apr_size_t bufsize, void *param)
{
    return apr_file_gets(buf, (int)(bufsize > INT_MAX ? INT_MAX : bufsize),
                         param);
}

static apr_status_t file_close(void *param)
{
    return apr_file_close(param);
}

/* Only regular files are configuration; /dev/null is the usual way to
 * say "no configuration" and is let through as Apache does. */
static apr_status_t check_regular(apr_file_t *file, const char *name)
{
    apr_finfo_t finfo;
    apr_status_t rv = apr_file_info_get(&finfo, APR_FINFO_TYPE, file);

    if (rv != APR_SUCCESS) {
        return rv;
    }
    if (finfo.filetype != APR_REG && strcmp(name, "/dev/null") != 0) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, NULL, APLOGNO(00554)
                     "Access to file %s denied by server: not a regular file",
                     name);
        return APR_EBADF;
    }
    return APR_SUCCESS;
}

AP_DECLARE(apr_status_t) ap_pcfg_openfile(ap_configfile_t **ret_cfg,
                                          apr_pool_t *p, const char *name)
{
    ap_configfile_t *cfg;
    apr_file_t *file = NULL;
    apr_status_t rv;

    if (name == NULL) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, NULL, APLOGNO(00552)
                     "Internal error: pcfg_openfile() called with NULL "
                     "filename");
        return APR_EBADF;
    }
    rv = apr_file_open(&file, name, APR_READ | APR_BUFFERED, APR_OS_DEFAULT,
                       p);
    ap_log_error(APLOG_MARK, APLOG_DEBUG, rv, NULL, APLOGNO(00553)
                 "Opening config file %s (%s)", name,
                 rv == APR_SUCCESS ? "successful" : "failed");
    if (rv != APR_SUCCESS) {
        return rv;
    }
    rv = check_regular(file, name);
    if (rv != APR_SUCCESS) {
        apr_file_close(file);
        return rv;
    }
    cfg = apr_palloc(p, sizeof(*cfg));
    cfg->param = file;
    cfg->name = apr_pstrdup(p, name);
    cfg->getch = file_getc;
    cfg->getstr = file_gets;
    cfg->close = file_close;
    cfg->line_number = 0;
    *ret_cfg = cfg;
    return APR_SUCCESS;
}

AP_DECLARE(ap_configfile_t *) ap_pcfg_open_custom(apr_pool_t *p,
    const char *descr, void *param,
    apr_status_t (*getc_func) (char *ch, void *param),
    apr_status_t (*gets_func) (void *buf, apr_size_t bufsiz, void *param),
    apr_status_t (*close_func) (void *param))
{
    ap_configfile_t *cfg = apr_palloc(p, sizeof(*cfg));

    cfg->param = param;
    cfg->name = descr;
    cfg->getch = getc_func;
    cfg->getstr = gets_func;
    cfg->close = close_func;
    cfg->line_number = 0;
    return cfg;
}

AP_DECLARE(apr_status_t) ap_cfg_getc(char *ch, ap_configfile_t *cfp)
{
    apr_status_t rv = cfp->getch(ch, cfp->param);

    if (rv == APR_SUCCESS && *ch == '\n') {
        ++cfp->line_number;
    }
    return rv;
}

AP_DECLARE(int) ap_cfg_closefile(ap_configfile_t *cfp)
{
    /* the close function's status, as Apache returns it */
    return cfp->close == NULL ? 0 : cfp->close(cfp->param);
}

AP_DECLARE(const char *) ap_pcfg_strerror(apr_pool_t *p, ap_configfile_t *cfp,
                                          apr_status_t rc)
{
    char buf[120];

    if (rc == APR_SUCCESS) {
        return NULL;
    }
    if (rc == APR_ENOSPC) {
        return apr_psprintf(p, "Error reading %s at line %u: Line too long",
                            cfp->name, cfp->line_number);
    }
    return apr_psprintf(p, "Error reading %s at line %u: %s", cfp->name,
                        cfp->line_number, apr_strerror(rc, buf, sizeof(buf)));
}
