/*
 * unixd_ids.c: users, groups and the identity switch of a child process.
 * This directory is the only place in httpd allowed to call the OS
 * directly (setuid, getpwnam, chroot...); mod_unixd reaches it through
 * the ap__unixd_* functions of mpm_private.h.
 */
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <pwd.h>
#include <grp.h>

#include "ap_config.h"
#include "httpd.h"
#include "http_config.h"
#include "http_main.h"
#include "http_log.h"
#include "mpm_common.h"
#include "unixd.h"
#include "mpm_private.h"

APLOG_USE_MODULE(core);

int ap__unixd_is_root(void)
{
    return geteuid() == 0;
}

pid_t ap__unixd_getpid(void)
{
    return getpid();
}

int ap__unixd_is_dir(const char *path)
{
    struct stat st;

    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

apr_status_t ap__unixd_user_id(const char *name, apr_int64_t *id)
{
    struct passwd *ent;

    if (name[0] == '#') {
        *id = (apr_int64_t)(uid_t)atol(name + 1);
        return APR_SUCCESS;
    }
    ent = getpwnam(name);
    if (!ent) {
        return APR_ENOENT;
    }
    *id = (apr_int64_t)ent->pw_uid;
    return APR_SUCCESS;
}

apr_status_t ap__unixd_group_id(const char *name, apr_int64_t *id)
{
    struct group *ent;

    if (name[0] == '#') {
        *id = (apr_int64_t)(gid_t)atol(name + 1);
        return APR_SUCCESS;
    }
    ent = getgrnam(name);
    if (!ent) {
        return APR_ENOENT;
    }
    *id = (apr_int64_t)ent->gr_gid;
    return APR_SUCCESS;
}

AP_DECLARE(uid_t) ap_uname2id(const char *name)
{
    apr_int64_t id;

    if (ap__unixd_user_id(name, &id) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, NULL, APLOGNO(00543)
                     "%s: bad user name %s", ap_server_argv0, name);
        exit(1);
    }
    return (uid_t)id;
}

AP_DECLARE(gid_t) ap_gname2id(const char *name)
{
    apr_int64_t id;

    if (ap__unixd_group_id(name, &id) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, NULL, APLOGNO(00544)
                     "%s: bad group name %s", ap_server_argv0, name);
        exit(1);
    }
    return (gid_t)id;
}

/* The user name for initgroups(): "#uid" needs a reverse lookup. */
static const char *user_name_for_groups(void)
{
    struct passwd *ent;

    if (ap_unixd_config.user_name[0] != '#') {
        return ap_unixd_config.user_name;
    }
    ent = getpwuid(ap_unixd_config.user_id);
    if (!ent) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02155)
                     "getpwuid: couldn't determine user name from uid %ld, "
                     "you probably need to modify the User directive",
                     (long)ap_unixd_config.user_id);
        return NULL;
    }
    return ent->pw_name;
}

static int set_group_privs(void)
{
    const char *name = user_name_for_groups();

    if (!name) {
        return -1;
    }
    if (setgid(ap_unixd_config.group_id) == -1) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02156)
                     "setgid: unable to set group id to Group %ld",
                     (long)ap_unixd_config.group_id);
        return -1;
    }
    if (initgroups(name, ap_unixd_config.group_id) == -1) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02157)
                     "initgroups: unable to set groups for User %s "
                     "and Group %ld", name, (long)ap_unixd_config.group_id);
        return -1;
    }
    return 0;
}

static int do_chroot(const char *dir)
{
    if (chdir(dir) != 0) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02158)
                     "Can't chdir to %s", dir);
        return -1;
    }
    if (chroot(dir) != 0) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02159)
                     "Can't chroot to %s", dir);
        return -1;
    }
    if (chdir("/") != 0) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02160)
                     "Can't chdir to new root");
        return -1;
    }
    return 0;
}

int ap__unixd_switch_identity(void)
{
    if (geteuid() != 0) {
        return 0;   /* nothing to give up */
    }
    /* Like Apache, a User that cannot be resolved is reported and the
     * child carries on (it cannot become anyone else). */
    if (set_group_privs() != 0) {
        return 0;
    }
    if (ap_unixd_config.chroot_dir && do_chroot(ap_unixd_config.chroot_dir)) {
        return -1;
    }
    if (setuid(ap_unixd_config.user_id) == -1) {
        ap_log_error(APLOG_MARK, APLOG_ALERT, errno, NULL, APLOGNO(02161)
                     "setuid: unable to change to uid: %ld",
                     (long)ap_unixd_config.user_id);
        return -1;
    }
    return 0;
}
