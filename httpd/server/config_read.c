/* config_read.c: reading the main configuration.
 *
 * ap_read_config() makes the main server_rec with its defaults, then builds
 * one tree from the -C directives, the configuration file (and everything
 * it includes) and the -c directives, in that order.  Errors are returned
 * as text naming file and line; ap_read_config() logs them, prefixed with
 * the program name, as Apache does ("apache2: Syntax error on line 3 of
 * /etc/x.conf: ..."). */
#include <string.h>

#include "apr_network_io.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "http_vhost.h"

#include "config_private.h"

APLOG_USE_MODULE(core);

void ap__init_cmd_parms(cmd_parms *parms, server_rec *s, apr_pool_t *p,
                        apr_pool_t *ptemp)
{
    memset(parms, 0, sizeof(*parms));
    parms->pool = p;
    parms->temp_pool = ptemp;
    parms->server = s;
    /* the main files allow everything but what needs a directory */
    parms->override = (RSRC_CONF | OR_ALL) & ~(OR_AUTHCFG | OR_LIMIT);
    parms->override_opts = OPT_ALL | OPT_SYM_OWNER | OPT_MULTI;
    parms->limited = -1;
}

/* With -C/-c given, a missing default configuration file is no error. */
static int skip_missing_default(const char *fname, apr_pool_t *ptemp)
{
    apr_finfo_t finfo;
    int have_cmdline = (ap_server_pre_read_config
                        && ap_server_pre_read_config->nelts)
                       || (ap_server_post_read_config
                           && ap_server_post_read_config->nelts);
    const char *dflt;

    if (!have_cmdline) {
        return 0;
    }
    dflt = ap_server_root_relative(ptemp, SERVER_CONFIG_FILE);
    if (dflt == NULL || strcmp(fname, dflt) != 0) {
        return 0;
    }
    return apr_stat(&finfo, fname, APR_FINFO_LINK | APR_FINFO_TYPE, ptemp)
           != APR_SUCCESS;
}

AP_DECLARE(const char *) ap_process_resource_config(server_rec *s,
                                                    const char *fname,
                                                    ap_directive_t **conftree,
                                                    apr_pool_t *p,
                                                    apr_pool_t *ptemp)
{
    ap_configfile_t *cfp;
    cmd_parms parms;
    apr_status_t rv;
    const char *err;
    char ebuf[120];

    if (skip_missing_default(fname, ptemp)) {
        return NULL;
    }
    ap__init_cmd_parms(&parms, s, p, ptemp);
    rv = ap_pcfg_openfile(&cfp, p, fname);
    if (rv != APR_SUCCESS) {
        return apr_psprintf(p, "Could not open configuration file %s: %s",
                            fname, apr_strerror(rv, ebuf, sizeof(ebuf)));
    }
    parms.config_file = cfp;
    err = ap_build_config(&parms, p, ptemp, conftree);
    if (err == NULL) {
        ap_cfg_closefile(cfp);
        return NULL;
    }
    if (parms.err_directive) {
        err = apr_psprintf(p, "Syntax error on line %d of %s: %s",
                           parms.err_directive->line_num,
                           parms.err_directive->filename, err);
    }
    else {
        err = apr_psprintf(p, "Syntax error on line %u of %s: %s",
                           cfp->line_number, cfp->name, err);
    }
    ap_cfg_closefile(cfp);
    return err;
}

/* -C/-c directives, served to the line reader as lines ending in "\n",
 * in pieces when the reader's buffer is smaller than a line. */
typedef struct {
    const apr_array_header_t *lines;
    int next;
    apr_size_t off;
} cmdline_src;

static apr_status_t cmdline_getstr(void *buf, apr_size_t bufsize,
                                   void *param)
{
    cmdline_src *src = param;
    const char *line;
    apr_size_t len, n;

    if (src->next >= src->lines->nelts) {
        return APR_EOF;
    }
    line = ((const char **)src->lines->elts)[src->next];
    len = strlen(line) + 1;                 /* with the virtual newline */
    n = len - src->off;
    if (n > bufsize - 1) {
        n = bufsize - 1;
    }
    memcpy(buf, line + src->off, n);
    if (src->off + n == len) {
        ((char *)buf)[n - 1] = '\n';
        src->next++;
        src->off = 0;
    }
    else {
        src->off += n;
    }
    ((char *)buf)[n] = '\0';
    return APR_SUCCESS;
}

static const char *process_command_config(server_rec *s,
                                          const apr_array_header_t *lines,
                                          ap_directive_t **conftree,
                                          apr_pool_t *p, apr_pool_t *ptemp)
{
    cmdline_src src;
    cmd_parms parms;
    const char *err;

    if (lines == NULL || lines->nelts == 0) {
        return NULL;
    }
    src.lines = lines;
    src.next = 0;
    src.off = 0;
    ap__init_cmd_parms(&parms, s, p, ptemp);
    parms.config_file = ap_pcfg_open_custom(p, "-c/-C directives", &src,
                                            NULL, cmdline_getstr, NULL);
    err = ap_build_config(&parms, p, ptemp, conftree);
    if (err) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                     APLOGNO(00526) "Syntax error in -C/-c directive: %s",
                     err);
    }
    return err;
}

/* The main server_rec with the defaults Apache gives it before any
 * directive runs. */
static server_rec *init_server_config(process_rec *process, apr_pool_t *p)
{
    server_rec *s = apr_pcalloc(p, sizeof(*s));
    apr_status_t rv;

    apr_file_open_stderr(&s->error_log, p);
    s->process = process;
    s->server_admin = DEFAULT_ADMIN;
    s->error_fname = DEFAULT_ERRORLOG;
    s->log.level = DEFAULT_LOGLEVEL;
    s->limit_req_line = DEFAULT_LIMIT_REQUEST_LINE;
    s->limit_req_fieldsize = DEFAULT_LIMIT_REQUEST_FIELDSIZE;
    s->limit_req_fields = DEFAULT_LIMIT_REQUEST_FIELDS;
    s->timeout = apr_time_from_sec(DEFAULT_TIMEOUT);
    s->keep_alive_timeout = apr_time_from_sec(DEFAULT_KEEPALIVE_TIMEOUT);
    s->keep_alive_max = DEFAULT_KEEPALIVE;
    s->keep_alive = 1;
    s->addrs = apr_pcalloc(p, sizeof(server_addr_rec));
    /* not a virtual host: an address that matches no interface */
    rv = apr_sockaddr_info_get(&s->addrs->host_addr, NULL, APR_UNSPEC, 0, 0,
                               p);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, NULL, APLOGNO(00530)
                     "initialisation: bug or getaddrinfo fail");
        return NULL;
    }
    s->addrs->host_port = 0;
    s->addrs->virthost = "";
    s->module_config = ap__create_server_config(p, s);
    s->lookup_defaults = ap__create_default_per_dir_config(p);
    return s;
}

AP_DECLARE(server_rec *) ap_read_config(process_rec *process,
                                        apr_pool_t *ptemp,
                                        const char *filename,
                                        ap_directive_t **conftree)
{
    apr_pool_t *p = process->pconf;
    server_rec *s;
    const char *confname, *err;

    ap__conf_vectors_open();    /* LoadModule may add modules again */
    s = init_server_config(process, p);
    if (s == NULL) {
        return NULL;
    }
    ap__ensure_conf_hash(p);
    ap_init_vhost_config(p);
    if (process_command_config(s, ap_server_pre_read_config, conftree, p,
                               ptemp)) {
        return NULL;
    }
    /* -C may have changed ServerRoot: resolve the file name only now */
    confname = ap_server_root_relative(p, filename);
    if (confname == NULL) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, APR_EBADPATH,
                     NULL, APLOGNO(00532) "Invalid config file path %s",
                     filename);
        return NULL;
    }
    if (ap_exists_config_define("DUMP_INCLUDES")) {
        apr_file_t *out = NULL;

        apr_file_open_stdout(&out, p);
        apr_file_printf(out, "Included configuration files:\n  (*) %s\n",
                        confname);
    }
    err = ap_process_resource_config(s, confname, conftree, p, ptemp);
    if (err) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                     "%s: %s", ap_server_argv0, err);
        return NULL;
    }
    if (process_command_config(s, ap_server_post_read_config, conftree, p,
                               ptemp)) {
        return NULL;
    }
    apr_hook_sort_all();
    ap__conf_vectors_close();   /* no module can be added any more */
    return s;
}
