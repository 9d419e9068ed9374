/*
 * A helper program test_procs starts with apr_proc_create. The first
 * argument says what to do:
 *   echo ARGS...      write the arguments, space-separated, to stdout
 *   cat               copy stdin to stdout
 *   nonblock          write for fd 0 and 1 whether it is non-blocking ("01")
 *   stderr TEXT       write TEXT to stderr
 *   exit N            exit with status N
 *   env NAME          write the value of NAME (or "(unset)")
 *   envcount          write the number of environment entries
 *   pwd               write the working directory
 *   signal N          raise signal N
 *   fds               write which of fd 0, 1, 2 are open ("012", "-12"...)
 *   sleep             sleep until killed
 *   tsleep            write "ready", sleep until killed
 *   ignterm           ignore SIGTERM, write "ready", sleep until killed
 *   nap MS            sleep MS milliseconds, then exit 0
 *   nofile            write the soft RLIMIT_NOFILE
 *   session PATH      write "<leads its session> <cwd>" to the file PATH
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Wait until fd is ready for events (its end may be non-blocking). */
static void await(int fd, short events)
{
    struct pollfd pfd = { fd, events, 0 };

    poll(&pfd, 1, 10000);
}

static int do_cat(void)
{
    char buf[4096];
    ssize_t n, done, w;

    for (;;) {
        n = read(STDIN_FILENO, buf, sizeof(buf));
        if (n < 0 && errno == EAGAIN) {
            await(STDIN_FILENO, POLLIN);
            continue;
        }
        if (n <= 0)
            return n < 0 ? 1 : 0;
        for (done = 0; done < n; done += w) {
            w = write(STDOUT_FILENO, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EAGAIN) {
                await(STDOUT_FILENO, POLLOUT);
                w = 0;
            }
            else if (w < 0) {
                return 1;
            }
        }
    }
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "";
    int i;

    if (strcmp(cmd, "echo") == 0) {
        for (i = 2; i < argc; i++)
            printf("%s%s", i > 2 ? " " : "", argv[i]);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (strcmp(cmd, "cat") == 0)
        return do_cat();
    if (strcmp(cmd, "stderr") == 0 && argc > 2) {
        fputs(argv[2], stderr);
        return 0;
    }
    if (strcmp(cmd, "exit") == 0 && argc > 2)
        return atoi(argv[2]);
    if (strcmp(cmd, "env") == 0 && argc > 2) {
        const char *v = getenv(argv[2]);
        fputs(v ? v : "(unset)", stdout);
        return 0;
    }
    if (strcmp(cmd, "envcount") == 0) {
        for (i = 0; environ[i]; i++)
            ;
        printf("%d", i);
        return 0;
    }
    if (strcmp(cmd, "pwd") == 0) {
        char buf[4096];
        if (!getcwd(buf, sizeof(buf)))
            return 1;
        fputs(buf, stdout);
        return 0;
    }
    if (strcmp(cmd, "signal") == 0 && argc > 2) {
        signal(atoi(argv[2]), SIG_DFL);
        raise(atoi(argv[2]));
        return 99;
    }
    if (strcmp(cmd, "fds") == 0) {
        char out[4];
        for (i = 0; i < 3; i++)
            out[i] = fcntl(i, F_GETFD) == -1 ? '-' : (char)('0' + i);
        out[3] = '\n';
        /* fd 1 may itself be closed: also answer through the exit status */
        (void)!write(STDOUT_FILENO, out, 4);
        return (out[0] == '-') | (out[1] == '-') << 1 | (out[2] == '-') << 2;
    }
    if (strcmp(cmd, "nonblock") == 0) {
        printf("%d%d", !!(fcntl(0, F_GETFL) & O_NONBLOCK),
               !!(fcntl(1, F_GETFL) & O_NONBLOCK));
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (strcmp(cmd, "ignterm") == 0 || strcmp(cmd, "tsleep") == 0) {
        if (cmd[0] == 'i')
            signal(SIGTERM, SIG_IGN);
        fputs("ready", stdout);
        fflush(stdout);
        for (;;)
            pause();
    }
    if (strcmp(cmd, "nap") == 0 && argc > 2) {
        struct timespec ts = { atoi(argv[2]) / 1000,
                               (atoi(argv[2]) % 1000) * 1000000L };
        nanosleep(&ts, NULL);
        return 0;
    }
    if (strcmp(cmd, "nofile") == 0) {
        struct rlimit rl;
        if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
            return 1;
        printf("%llu", (unsigned long long)rl.rlim_cur);
        return 0;
    }
    if (strcmp(cmd, "session") == 0 && argc > 2) {
        char cwd[4096], tmp[4200];
        FILE *f;
        if (!getcwd(cwd, sizeof(cwd)))
            return 1;
        /* Written under another name, then renamed: readers see all. */
        snprintf(tmp, sizeof(tmp), "%s.tmp", argv[2]);
        f = fopen(tmp, "w");
        if (!f)
            return 1;
        fprintf(f, "%d %s", getsid(0) == getpid(), cwd);
        fclose(f);
        return rename(tmp, argv[2]) == 0 ? 0 : 1;
    }
    if (strcmp(cmd, "sleep") == 0) {
        for (;;)
            pause();
    }
    return 100;
}
