/* main_info.c: what the command line prints about the server itself:
 * -v, -V (compile settings) and -h (usage). The layouts are Apache's
 * since scripts parse them (apachectl, distribution tools). */
#include "apr_version.h"
#include "apu_version.h"
#include "apr_file_io.h"
#include "apr_strings.h"

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "ap_mmn.h"
#include "ap_mpm.h"
#include "ap_regex.h"
#include "ap_config_layout.h"
#include "scoreboard.h"

#include "core_private.h"

APLOG_USE_MODULE(core);

static apr_file_t *stdout_file(void)
{
    apr_file_t *out = NULL;

    apr_file_open_stdout(&out, ap_pglobal);
    return out;
}

void ap__main_show_version(void)
{
    apr_file_t *out = stdout_file();

    apr_file_printf(out, "Server version: %s\n",
                    ap_get_server_description());
    apr_file_printf(out, "Server built:   %s\n", ap_get_server_built());
}

static const char *count_kind(int answer, const char *what)
{
    if (answer == AP_MPMQ_DYNAMIC) {
        return apr_psprintf(ap_pglobal, "yes (variable %s count)", what);
    }
    if (answer == AP_MPMQ_STATIC) {
        return apr_psprintf(ap_pglobal, "yes (fixed %s count)", what);
    }
    return "no";
}

/* The MPM is a loaded module: these lines are only meaningful once the
 * configuration has loaded it (main.c defers -V until then). */
static void show_mpm(apr_file_t *out)
{
    int v;

    apr_file_printf(out, "Server MPM:     %s\n", ap_show_mpm());
    if (ap_mpm_query(AP_MPMQ_IS_THREADED, &v) == APR_SUCCESS) {
        apr_file_printf(out, "  threaded:     %s\n", count_kind(v, "thread"));
    }
    if (ap_mpm_query(AP_MPMQ_IS_FORKED, &v) == APR_SUCCESS) {
        apr_file_printf(out, "    forked:     %s\n", count_kind(v, "process"));
    }
}

static void show_features(apr_file_t *out)
{
#if APR_HAS_SENDFILE
    apr_file_printf(out, " -D APR_HAS_SENDFILE\n");
#endif
#if APR_HAS_MMAP
    apr_file_printf(out, " -D APR_HAS_MMAP\n");
#endif
#if APR_HAVE_IPV6
#if defined(AP_ENABLE_V4_MAPPED) && AP_ENABLE_V4_MAPPED
    apr_file_printf(out, " -D APR_HAVE_IPV6 (IPv4-mapped addresses "
                    "enabled)\n");
#else
    apr_file_printf(out, " -D APR_HAVE_IPV6 (IPv4-mapped addresses "
                    "disabled)\n");
#endif
#endif
#if APR_USE_FLOCK_SERIALIZE
    apr_file_printf(out, " -D APR_USE_FLOCK_SERIALIZE\n");
#endif
#if APR_USE_SYSVSEM_SERIALIZE
    apr_file_printf(out, " -D APR_USE_SYSVSEM_SERIALIZE\n");
#endif
#if APR_USE_POSIXSEM_SERIALIZE
    apr_file_printf(out, " -D APR_USE_POSIXSEM_SERIALIZE\n");
#endif
#if APR_USE_FCNTL_SERIALIZE
    apr_file_printf(out, " -D APR_USE_FCNTL_SERIALIZE\n");
#endif
#if APR_USE_PROC_PTHREAD_SERIALIZE
    apr_file_printf(out, " -D APR_USE_PROC_PTHREAD_SERIALIZE\n");
#endif
#if APR_USE_PTHREAD_SERIALIZE
    apr_file_printf(out, " -D APR_USE_PTHREAD_SERIALIZE\n");
#endif
#if APR_PROCESS_LOCK_IS_GLOBAL
    apr_file_printf(out, " -D APR_PROCESS_LOCK_IS_GLOBAL\n");
#endif
#if defined(SINGLE_LISTEN_UNSERIALIZED_ACCEPT)
    apr_file_printf(out, " -D SINGLE_LISTEN_UNSERIALIZED_ACCEPT\n");
#endif
#if APR_HAS_OTHER_CHILD
    apr_file_printf(out, " -D APR_HAS_OTHER_CHILD\n");
#endif
#if defined(AP_HAVE_RELIABLE_PIPED_LOGS)
    apr_file_printf(out, " -D AP_HAVE_RELIABLE_PIPED_LOGS\n");
#endif
    apr_file_printf(out, " -D DYNAMIC_MODULE_LIMIT=%ld\n",
                    (long)DYNAMIC_MODULE_LIMIT);
}

static void show_paths(apr_file_t *out)
{
    apr_file_printf(out, " -D HTTPD_ROOT=\"%s\"\n", HTTPD_ROOT);
#if defined(SUEXEC_BIN)
    apr_file_printf(out, " -D SUEXEC_BIN=\"%s\"\n", SUEXEC_BIN);
#endif
    apr_file_printf(out, " -D DEFAULT_PIDLOG=\"%s\"\n", DEFAULT_PIDLOG);
    apr_file_printf(out, " -D DEFAULT_SCOREBOARD=\"%s\"\n",
                    DEFAULT_SCOREBOARD);
    apr_file_printf(out, " -D DEFAULT_ERRORLOG=\"%s\"\n", DEFAULT_ERRORLOG);
    apr_file_printf(out, " -D AP_TYPES_CONFIG_FILE=\"%s\"\n",
                    AP_TYPES_CONFIG_FILE);
    apr_file_printf(out, " -D SERVER_CONFIG_FILE=\"%s\"\n",
                    SERVER_CONFIG_FILE);
}

void ap__main_show_compile_settings(void)
{
    apr_file_t *out = stdout_file();

    ap__main_show_version();
    apr_file_printf(out, "Server's Module Magic Number: %u:%u\n",
                    MODULE_MAGIC_NUMBER_MAJOR, MODULE_MAGIC_NUMBER_MINOR);
    apr_file_printf(out, "Server loaded:  APR %s, APR-UTIL %s, PCRE %s\n",
                    apr_version_string(), apu_version_string(),
                    ap_pcre_version_string(AP_REG_PCRE_LOADED));
    apr_file_printf(out, "Compiled using: APR %s, APR-UTIL %s, PCRE %s\n",
                    APR_VERSION_STRING, APU_VERSION_STRING,
                    ap_pcre_version_string(AP_REG_PCRE_COMPILED));
    apr_file_printf(out, "Architecture:   %ld-bit\n",
                    8 * (long)sizeof(void *));
    show_mpm(out);
    apr_file_printf(out, "Server compiled with....\n");
    show_features(out);
    show_paths(out);
}

/* Usage goes to the startup log (stderr), padded under the binary's
 * name as Apache does; the caller exits with status 1. */
void ap__main_usage(process_rec *process)
{
    static const char *const options[] = {
        "Options:",
        "  -D name            : define a name for use in <IfDefine name> "
        "directives",
        "  -d directory       : specify an alternate initial ServerRoot",
        "  -f file            : specify an alternate ServerConfigFile",
        "  -C \"directive\"     : process directive before reading config "
        "files",
        "  -c \"directive\"     : process directive after reading config "
        "files",
        "  -e level           : show startup errors of level (see LogLevel)",
        "  -E file            : log startup errors to file",
        "  -v                 : show version number",
        "  -V                 : show compile settings",
        "  -h                 : list available command line options (this "
        "page)",
        "  -l                 : list compiled in modules",
        "  -L                 : list available configuration directives",
        "  -t -D DUMP_VHOSTS  : show parsed vhost settings",
        "  -t -D DUMP_RUN_CFG : show parsed run settings",
        "  -S                 : a synonym for -t -D DUMP_VHOSTS -D "
        "DUMP_RUN_CFG",
        "  -t -D DUMP_MODULES : show all loaded modules ",
        "  -M                 : a synonym for -t -D DUMP_MODULES",
        "  -t -D DUMP_INCLUDES: show all included configuration files",
        "  -t                 : run syntax check for config files",
        "  -T                 : start without DocumentRoot(s) check",
        "  -X                 : debug mode (only one worker, do not detach)",
        NULL
    };
    const char *bin = process->argv[0];
    int pad = (int)strlen(bin);
    int i;

    ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL,
                 "Usage: %s [-D name] [-d directory] [-f file]", bin);
    ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL,
                 "       %*s [-C \"directive\"] [-c \"directive\"]", pad, " ");
    ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL,
                 "       %*s [-k start|restart|graceful|graceful-stop|stop]",
                 pad, " ");
    ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL,
                 "       %*s [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]",
                 pad, " ");
    for (i = 0; options[i]; i++) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP, 0, NULL, "%s", options[i]);
    }
}
