/* main_args.c: parsing the httpd command line, Apache 2.4's options
 * (AP_SERVER_BASEARGS). -k was already taken out of argv by the MPM's
 * rewrite_args hook. */
#include "apr_getopt.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"

#include "core_private.h"

static void push(apr_array_header_t *a, apr_pool_t *p, const char *s)
{
    *(const char **)apr_array_push(a) = apr_pstrdup(p, s);
}

/* -D names that ask for a configuration dump instead of a start. */
static int is_dump_define(const char *name)
{
    return !strcmp(name, "DUMP_VHOSTS") || !strcmp(name, "DUMP_RUN_CFG")
           || !strcmp(name, "DUMP_MODULES") || !strcmp(name, "DUMP_INCLUDES");
}

static enum ap__main_action one_option(char c, const char *arg,
                                       apr_pool_t *pc, ap__main_opts *o)
{
    switch (c) {
    case 'c':
        push(ap_server_post_read_config, pc, arg);
        break;
    case 'C':
        push(ap_server_pre_read_config, pc, arg);
        break;
    case 'd':
        o->server_root = arg;
        break;
    case 'D':
        push(ap_server_config_defines, pc, arg);
        if (is_dump_define(arg)) {
            ap_run_mode = AP_SQ_RM_CONFIG_DUMP;
        }
        break;
    case 'e':
        if (ap_parse_log_level(arg, &ap_default_loglevel) != NULL) {
            return AP__MAIN_USAGE;
        }
        break;
    case 'E':
        o->temp_error_log = arg;
        break;
    case 'X': /* the MPM reads DEBUG: one process, no detach */
        push(ap_server_config_defines, pc, "DEBUG");
        break;
    case 'f':
        o->confname = arg;
        break;
    case 'v':
        return AP__MAIN_VERSION;
    case 'l':
        return AP__MAIN_MODULES;
    case 'L':
        ap_run_mode = AP_SQ_RM_CONFIG_DUMP;
        o->show_directives = 1;
        break;
    case 't':
        if (ap_run_mode == AP_SQ_RM_UNKNOWN) {
            ap_run_mode = AP_SQ_RM_CONFIG_TEST;
        }
        break;
    case 'T':
        ap_document_root_check = 0;
        break;
    case 'S':
        ap_run_mode = AP_SQ_RM_CONFIG_DUMP;
        push(ap_server_config_defines, pc, "DUMP_VHOSTS");
        push(ap_server_config_defines, pc, "DUMP_RUN_CFG");
        break;
    case 'M':
        ap_run_mode = AP_SQ_RM_CONFIG_DUMP;
        push(ap_server_config_defines, pc, "DUMP_MODULES");
        break;
    case 'V':
        if (*ap_show_mpm()) { /* an MPM is linked in: nothing to load */
            return AP__MAIN_COMPILE;
        }
        o->show_compile = 1;
        ap_run_mode = AP_SQ_RM_CONFIG_DUMP;
        break;
    default: /* 'h', '?' */
        return AP__MAIN_USAGE;
    }
    return AP__MAIN_RUN;
}

enum ap__main_action ap__main_parse_args(process_rec *process,
                                         apr_pool_t *pcommands,
                                         ap__main_opts *opts)
{
    apr_getopt_t *opt;
    const char *arg;
    char c;
    apr_status_t rv;

    apr_getopt_init(&opt, pcommands, process->argc, process->argv);
    /* apr_getopt itself reports "illegal option -- z", as in Apache. */
    while ((rv = apr_getopt(opt, AP_SERVER_BASEARGS, &c, &arg))
           == APR_SUCCESS) {
        enum ap__main_action a = one_option(c, arg, pcommands, opts);
        if (a != AP__MAIN_RUN) {
            return a;
        }
    }
    if (ap_run_mode == AP_SQ_RM_UNKNOWN) {
        ap_run_mode = AP_SQ_RM_NORMAL;
    }
    if (rv != APR_EOF || opt->ind < opt->argc) {
        return AP__MAIN_USAGE;
    }
    return AP__MAIN_RUN;
}
