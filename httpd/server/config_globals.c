/* config_globals.c: the process-wide configuration state that http_main.h,
 * http_config.h and util_cfgtree.h export (defined here as in Apache's
 * config.c; main.c sets most of them from the command line). */
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "util_cfgtree.h"

AP_DECLARE_DATA const char *ap_server_argv0 = NULL;
AP_DECLARE_DATA const char *ap_server_root = NULL;
AP_DECLARE_DATA const char *ap_runtime_dir = NULL;
AP_DECLARE_DATA server_rec *ap_server_conf = NULL;
AP_DECLARE_DATA apr_pool_t *ap_pglobal = NULL;

/* -C / -c directives, -D defines (then Define'd names) */
AP_DECLARE_DATA apr_array_header_t *ap_server_pre_read_config = NULL;
AP_DECLARE_DATA apr_array_header_t *ap_server_post_read_config = NULL;
AP_DECLARE_DATA apr_array_header_t *ap_server_config_defines = NULL;

/* The tree of the configuration last read (in pconf). */
AP_DECLARE_DATA ap_directive_t *ap_conftree = NULL;

/* The active modules, newest first, linked by module->next. */
AP_DECLARE_DATA module *ap_top_module = NULL;
/* The loaded modules in load order, NULL-terminated (static ones first). */
AP_DECLARE_DATA module **ap_loaded_modules = NULL;
