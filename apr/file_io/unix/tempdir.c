/*
 * Finding a directory for temporary files.
 */
#include "apr_arch_file_io.h"
#include "apr_env.h"
#include "apr_strings.h"

#include <stdio.h>
#include <string.h>

/* Whether a file can be created and written in dir. */
static int dir_usable(const char *dir, apr_pool_t *p)
{
    apr_file_t *f;
    char *path = apr_pstrcat(p, dir, "/apr-tmp.XXXXXX", NULL);

    if (apr_file_mktemp(&f, path, 0, p) != APR_SUCCESS)
        return 0;
    if (apr_file_putc('!', f) != APR_SUCCESS) {
        apr_file_close(f);
        return 0;
    }
    return apr_file_close(f) == APR_SUCCESS;
}

/* The order and the candidates are APR's: the environment, the usual
 * directories, P_tmpdir, then the current directory. Nothing is
 * remembered between calls. */
APR_DECLARE(apr_status_t) apr_temp_dir_get(const char **temp_dir,
                                           apr_pool_t *p)
{
    static const char *const envs[] = { "TMPDIR", "TMP", "TEMP" };
    static const char *const dirs[] = { "/tmp", "/usr/tmp", "/var/tmp" };
    const char *dir = NULL;
    char *value;
    size_t i;

    for (i = 0; i < sizeof(envs) / sizeof(envs[0]) && !dir; i++) {
        if (apr_env_get(&value, envs[i], p) == APR_SUCCESS && value[0] &&
            strlen(value) < APR_PATH_MAX && dir_usable(value, p))
            dir = value;
    }
    for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]) && !dir; i++) {
        if (dir_usable(dirs[i], p))
            dir = dirs[i];
    }
#ifdef P_tmpdir
    if (!dir && dir_usable(P_tmpdir, p))
        dir = P_tmpdir;
#endif
    if (!dir) {
        char *cwd;
        if (apr_filepath_get(&cwd, APR_FILEPATH_NATIVE, p) == APR_SUCCESS &&
            dir_usable(cwd, p))
            dir = cwd;
    }
    if (!dir)
        return APR_EGENERAL;
    *temp_dir = apr_pstrdup(p, dir);
    return APR_SUCCESS;
}
