/*
 * mod_unixd.c: User, Group, ChrootDir and Suexec, and the privilege drop
 * of child processes started as root. The OS calls themselves are in
 * os/unix/unixd_ids.c (ap__unixd_*): this module only decides.
 */
#include <string.h>

#include "apr_strings.h"

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "ap_mpm.h"
#include "mpm_common.h"
#include "unixd.h"
#include "mod_unixd.h"
#include "mpm_private.h"

module AP_MODULE_DECLARE_DATA unixd_module;

static const char *resolve_user(cmd_parms *cmd, const char *arg)
{
    apr_int64_t id;

    if (ap__unixd_user_id(arg, &id) != APR_SUCCESS) {
        return apr_psprintf(cmd->pool, "%s: bad user name %s",
                            ap_server_argv0, arg);
    }
    ap_unixd_config.user_name = arg;
    ap_unixd_config.user_id = (uid_t)id;
    return NULL;
}

static const char *unixd_set_user(cmd_parms *cmd, void *dummy,
                                  const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    return err ? err : resolve_user(cmd, arg);
}

static const char *unixd_set_group(cmd_parms *cmd, void *dummy,
                                   const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    apr_int64_t id;

    if (err) {
        return err;
    }
    if (ap__unixd_group_id(arg, &id) != APR_SUCCESS) {
        return apr_psprintf(cmd->pool, "%s: bad group name %s",
                            ap_server_argv0, arg);
    }
    ap_unixd_config.group_name = arg;
    ap_unixd_config.group_id = (gid_t)id;
    return NULL;
}

static const char *unixd_set_chroot_dir(cmd_parms *cmd, void *dummy,
                                        const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    if (!ap__unixd_is_dir(arg)) {
        return apr_pstrcat(cmd->pool, "ChrootDir ", arg,
                           " is not a directory", NULL);
    }
    ap_unixd_config.chroot_dir = arg;
    return NULL;
}

static const char *unixd_set_suexec(cmd_parms *cmd, void *dummy, int arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);

    if (err) {
        return err;
    }
    if (arg) {
        /* No suexec wrapper ships with this server. */
        return "suEXEC isn't supported";
    }
    ap_unixd_config.suexec_enabled = 0;
    return NULL;
}

static const command_rec unixd_cmds[] = {
    AP_INIT_TAKE1("User", unixd_set_user, NULL, RSRC_CONF,
                  "Effective user id for this server"),
    AP_INIT_TAKE1("Group", unixd_set_group, NULL, RSRC_CONF,
                  "Effective group id for this server"),
    AP_INIT_TAKE1("ChrootDir", unixd_set_chroot_dir, NULL, RSRC_CONF,
                  "The directory to chroot(2) into"),
    AP_INIT_FLAG("Suexec", unixd_set_suexec, NULL, RSRC_CONF,
                 "Enable or disable suEXEC support"),
    { NULL }
};

static int unixd_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                            apr_pool_t *ptemp)
{
    ap_unixd_config.user_name = DEFAULT_USER;
    ap_unixd_config.user_id = (uid_t)-1;
    ap_unixd_config.group_name = DEFAULT_GROUP;
    ap_unixd_config.group_id = (gid_t)-1;
    ap_unixd_config.chroot_dir = NULL;
    ap_unixd_config.suexec_enabled = 0;
    ap_unixd_config.suexec_disabled_reason =
        "suEXEC is not available in this server";
    ap_sys_privileges_handlers(1);
    return OK;
}

static int unixd_drop_privileges(apr_pool_t *pool, server_rec *s)
{
    return ap_unixd_setup_child() == 0 ? OK : !OK;
}

AP_DECLARE(int) ap_unixd_setup_child(void)
{
    return ap__unixd_switch_identity();
}

static void unixd_hooks(apr_pool_t *pool)
{
    ap_hook_pre_config(unixd_pre_config, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_drop_privileges(unixd_drop_privileges, NULL, NULL,
                            APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(unixd) = {
    STANDARD20_MODULE_STUFF,
    NULL,           /* per-directory config creator */
    NULL,           /* dir config merger */
    NULL,           /* server config creator */
    NULL,           /* server config merger */
    unixd_cmds,     /* command table */
    unixd_hooks     /* set up other request processing hooks */
};
