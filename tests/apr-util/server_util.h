/*
 * Starting a memcached or redis-server for a test, on a free loopback
 * port, and stopping it again by pid.
 *
 * Plain POSIX fork/exec is used rather than apr_proc_create() so that
 * the child can ask (on Linux) to be killed when the test process dies:
 * a test that fails half way (Check ends its process) then leaves no
 * server behind. An atexit() handler stops it too on a normal exit.
 *
 * A test calls test_server_binary() first and returns early, after
 * printing why, when the server program is not installed.
 */
#ifndef TEST_SERVER_UTIL_H
#define TEST_SERVER_UTIL_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

#include "apr_network_io.h"
#include "apr_pools.h"
#include "apr_time.h"

typedef enum { TEST_MEMCACHED, TEST_REDIS } test_server_kind_t;

typedef struct {
    test_server_kind_t kind;
    pid_t pid;          /* 0 when not running */
    apr_port_t port;
} test_server_t;

/* Servers of this process, for the atexit() safety net. */
#define TEST_SERVER_MAX 4
static test_server_t *test_servers[TEST_SERVER_MAX];

static const char *test_server_names[] = { "memcached", "redis-server" };

/* The server program's path, or NULL when it is not installed (the
 * caller then skips its test, saying so). */
static inline const char *test_server_binary(test_server_kind_t kind)
{
    static char found[2][512];
    const char *name = test_server_names[kind];
    const char *path = getenv("PATH");
    char dirs[1024];
    char *dir, *save = NULL;

    if (found[kind][0])
        return found[kind];
    snprintf(dirs, sizeof(dirs), "%s:/usr/bin:/usr/sbin:/usr/local/bin",
             path ? path : "");
    for (dir = strtok_r(dirs, ":", &save); dir;
         dir = strtok_r(NULL, ":", &save)) {
        snprintf(found[kind], sizeof(found[kind]), "%s/%s", dir, name);
        if (access(found[kind], X_OK) == 0)
            return found[kind];
    }
    found[kind][0] = '\0';
    fprintf(stderr, "SKIP: %s is not installed: test not run\n", name);
    return NULL;
}

/* A loopback port nobody listens on now: bind port 0, read it, close. */
static inline apr_port_t test_free_port(apr_pool_t *pool)
{
    apr_sockaddr_t *sa, *local;
    apr_socket_t *s;
    apr_port_t port = 0;

    if (apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, 0, 0, pool)
        || apr_socket_create(&s, APR_INET, SOCK_STREAM, APR_PROTO_TCP, pool))
        return 0;
    if (apr_socket_bind(s, sa) == APR_SUCCESS
        && apr_socket_addr_get(&local, APR_LOCAL, s) == APR_SUCCESS)
        port = local->port;
    apr_socket_close(s);
    return port;
}

/* Whether something accepts connections on 127.0.0.1:port. */
static inline int test_port_accepts(apr_port_t port, apr_pool_t *pool)
{
    apr_sockaddr_t *sa;
    apr_socket_t *s;
    apr_status_t rv;

    if (apr_sockaddr_info_get(&sa, "127.0.0.1", APR_INET, port, 0, pool)
        || apr_socket_create(&s, APR_INET, SOCK_STREAM, APR_PROTO_TCP, pool))
        return 0;
    apr_socket_timeout_set(s, apr_time_from_sec(1));
    rv = apr_socket_connect(s, sa);
    apr_socket_close(s);
    return rv == APR_SUCCESS;
}

static void test_server_stop(test_server_t *srv);

static void test_server_stop_all(void)
{
    int i;
    for (i = 0; i < TEST_SERVER_MAX; i++)
        if (test_servers[i])
            test_server_stop(test_servers[i]);
}

static void test_server_exec(test_server_kind_t kind, const char *bin,
                             apr_port_t port)
{
    char portstr[16];
    int fd = open("/dev/null", O_RDWR);

#if defined(__linux__)
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (fd >= 0) {
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
    }
    snprintf(portstr, sizeof(portstr), "%u", (unsigned)port);
    if (kind == TEST_MEMCACHED) {
        /* -U 0: no UDP; memcached refuses to run as root without -u. */
        execl(bin, bin, "-l", "127.0.0.1", "-p", portstr, "-U", "0",
              "-t", "2", "-m", "64", "-u", geteuid() == 0 ? "root" : "nobody",
              (char *)NULL);
    }
    else {
        execl(bin, bin, "--port", portstr, "--bind", "127.0.0.1",
              "--save", "", "--appendonly", "no", "--daemonize", "no",
              "--protected-mode", "no", "--loglevel", "warning",
              "--dir", "/tmp", (char *)NULL);
    }
    _exit(127);
}

/*
 * Start the server on @a port (0: a free one), wait (at most 10 s) until
 * it accepts connections. Returns 0 on success, -1 (and prints why) on
 * failure.
 */
static inline int test_server_start(test_server_t *srv,
                                    test_server_kind_t kind,
                                    apr_port_t port, apr_pool_t *pool)
{
    const char *bin = test_server_binary(kind);
    int i;

    srv->kind = kind;
    srv->pid = 0;
    if (!bin)
        return -1;
    srv->port = port ? port : test_free_port(pool);
    if (!srv->port)
        return -1;
    srv->pid = fork();
    if (srv->pid < 0) {
        srv->pid = 0;
        return -1;
    }
    if (srv->pid == 0)
        test_server_exec(kind, bin, srv->port);
    for (i = 0; i < TEST_SERVER_MAX; i++)
        if (!test_servers[i] || test_servers[i] == srv) {
            test_servers[i] = srv;
            break;
        }
    {
        static int registered;
        if (!registered++)
            atexit(test_server_stop_all);
    }
    for (i = 0; i < 200; i++) { /* 200 x 50 ms */
        int status;
        if (test_port_accepts(srv->port, pool))
            return 0;
        if (waitpid(srv->pid, &status, WNOHANG) == srv->pid) {
            srv->pid = 0;
            break;
        }
        apr_sleep(apr_time_from_msec(50));
    }
    fprintf(stderr, "%s did not start on port %u\n",
            test_server_names[kind], (unsigned)srv->port);
    test_server_stop(srv);
    return -1;
}

/* Kill the server (SIGKILL: no goodbye to its clients) and reap it. */
static void test_server_stop(test_server_t *srv)
{
    int i;
    if (srv->pid > 0) {
        kill(srv->pid, SIGKILL);
        while (waitpid(srv->pid, NULL, 0) < 0 && errno == EINTR)
            ;
        srv->pid = 0;
    }
    for (i = 0; i < TEST_SERVER_MAX; i++)
        if (test_servers[i] == srv)
            test_servers[i] = NULL;
}

#endif
