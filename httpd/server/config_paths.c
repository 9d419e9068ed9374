/* config_paths.c: file names relative to ServerRoot and DefaultRuntimeDir.
 *
 * A path that does not exist yet (a log file to create) or contains
 * wildcards (an Include pattern) is still a valid answer; only malformed
 * paths give NULL. */
#include "apr_file_info.h"

#include "httpd.h"
#include "http_config.h"
#include "http_main.h"

#include "config_private.h"

static char *merge_path(apr_pool_t *p, const char *root, const char *file)
{
    char *path = NULL;
    apr_status_t rv = apr_filepath_merge(&path, root, file,
                                         APR_FILEPATH_TRUENAME, p);

    if (rv == APR_SUCCESS || APR_STATUS_IS_EPATHWILD(rv)
        || APR_STATUS_IS_ENOENT(rv) || APR_STATUS_IS_ENOTDIR(rv)) {
        return path;
    }
    return NULL;
}

AP_DECLARE(char *) ap_server_root_relative(apr_pool_t *p, const char *fname)
{
    return merge_path(p, ap_server_root, fname);
}

AP_DECLARE(char *) ap_runtime_dir_relative(apr_pool_t *p, const char *fname)
{
    const char *dir = ap_runtime_dir;

    if (dir == NULL) {
        dir = ap_server_root_relative(p, DEFAULT_REL_RUNTIMEDIR);
    }
    return merge_path(p, dir, fname);
}
