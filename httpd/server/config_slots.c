/* config_slots.c: generic directive handlers that store the argument at
 * offset cmd->info (from APR_OFFSETOF) in the module's config struct. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"

#include "config_private.h"

static void *slot(cmd_parms *cmd, void *struct_ptr)
{
    return (char *)struct_ptr + (apr_size_t)cmd->info;
}

AP_DECLARE_NONSTD(const char *) ap_set_string_slot(cmd_parms *cmd,
                                                   void *struct_ptr,
                                                   const char *arg)
{
    *(const char **)slot(cmd, struct_ptr) = arg;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_int_slot(cmd_parms *cmd,
                                                void *struct_ptr,
                                                const char *arg)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(arg, &end, 10);
    *(int *)slot(cmd, struct_ptr) = (int)v;
    if (*arg == '\0' || *end != '\0' || errno == ERANGE
        || v > INT_MAX || v < INT_MIN) {
        return apr_psprintf(cmd->pool, "Invalid value for directive %s, "
                            "expected integer",
                            cmd->directive ? cmd->directive->directive
                                           : cmd->cmd->name);
    }
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_string_slot_lower(cmd_parms *cmd,
                                                         void *struct_ptr,
                                                         const char *arg)
{
    char *lower = apr_pstrdup(cmd->pool, arg);

    ap_str_tolower(lower);
    *(char **)slot(cmd, struct_ptr) = lower;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_flag_slot(cmd_parms *cmd,
                                                 void *struct_ptr, int arg)
{
    *(int *)slot(cmd, struct_ptr) = arg ? 1 : 0;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_flag_slot_char(cmd_parms *cmd,
                                                      void *struct_ptr,
                                                      int arg)
{
    *(char *)slot(cmd, struct_ptr) = arg ? 1 : 0;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_file_slot(cmd_parms *cmd,
                                                 void *struct_ptr,
                                                 const char *arg)
{
    /* relative paths are under ServerRoot, so a tree can be moved */
    const char *path = ap_server_root_relative(cmd->pool, arg);

    if (path == NULL) {
        return apr_pstrcat(cmd->pool, "Invalid file path ", arg, NULL);
    }
    *(const char **)slot(cmd, struct_ptr) = path;
    return NULL;
}

AP_DECLARE_NONSTD(const char *) ap_set_deprecated(cmd_parms *cmd,
                                                  void *struct_ptr,
                                                  const char *arg)
{
    /* the command's help text says what replaced it */
    return cmd->cmd->errmsg;
}

AP_DECLARE_NONSTD(apr_status_t) ap_pool_cleanup_set_null(void *data)
{
    *(void **)data = NULL;
    return APR_SUCCESS;
}
