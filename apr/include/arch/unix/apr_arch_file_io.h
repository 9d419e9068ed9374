/*
 * The unix apr_file_t and apr_dir_t, shared by file_io/unix/ (which owns
 * them), mmap/, poll/, network_io/ (sendfile) and the portable
 * conversions. Not installed.
 *
 * Owner: file_io. Other modules read filedes, fname, flags, is_pipe,
 * timeout and the buffer fields only through the functions declared here
 * or through the public API.
 */
#ifndef APR_ARCH_FILE_IO_H
#define APR_ARCH_FILE_IO_H

#include "apr.h"
#include "apr_private_config.h"
#include "apr_general.h"
#include "apr_tables.h"
#include "apr_file_io.h"
#include "apr_file_info.h"
#include "apr_errno.h"
#include "apr_lib.h"
#include "apr_thread_mutex.h"
#include "apr_poll.h"

#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

/* The size of a buffered file's buffer (APR_FILE_DEFAULT_BUFSIZE). */
#define APR_FILE_DEFAULT_BUFSIZE 4096
/* The largest buffer apr_file_buffer_set accepts. */
#define APR_FILE_BUFSIZE 4096

/* Which way the buffer of a buffered file is being used. */
enum apr__file_direction { APR__FILE_READ = 0, APR__FILE_WRITE = 1 };

/* What is known of the descriptor's O_NONBLOCK flag. */
enum apr__blocking { APR__BLK_UNKNOWN, APR__BLK_OFF, APR__BLK_ON };

struct apr_file_t {
    apr_pool_t *pool;
    int filedes;
    char *fname;
    apr_int32_t flags;          /* APR_FOPEN_* it was opened with */
    int eof_hit;
    int is_pipe;
    apr_interval_time_t timeout; /* pipes: < 0 blocks, 0 never waits */
    enum apr__blocking blocking;
    int ungetchar;              /* the char apr_file_ungetc gave back, or -1 */

    /* Buffered files (APR_FOPEN_BUFFERED). */
    int buffered;
    char *buffer;
    apr_size_t bufpos;          /* read/write position in buffer */
    apr_size_t bufsize;         /* size of buffer */
    apr_size_t dataRead;        /* valid bytes in buffer when reading */
    enum apr__file_direction direction;
    apr_off_t filePtr;          /* file position of the descriptor */
#if APR_HAS_THREADS
    apr_thread_mutex_t *thlock; /* APR_FOPEN_XTHREAD */
#endif
};

struct apr_dir_t {
    apr_pool_t *pool;
    char *dirname;
    DIR *dirstruct;
    struct dirent *entry;
};

/* The separator of search path lists ($PATH) for apr_filepath_list_*.
 * Owner: file_info. */
#define APR__FILEPATH_LIST_SEPARATOR ':'

/* Fill finfo from a struct stat; finfo->valid gets what stat provides.
 * Owner: file_info (file_io/unix/filestat.c). */
void apr__finfo_from_stat(apr_finfo_t *finfo, const struct stat *st,
                          apr_int32_t wanted);

/* Convert between APR_FPROT_* permissions and the mode bits. Owner:
 * file_info (file_io/unix/fileacc.c). */
mode_t apr__perms_to_mode(apr_fileperms_t perms);
apr_fileperms_t apr__mode_to_perms(mode_t mode);

/* Write out a buffered file's pending bytes; the caller holds thlock.
 * Owner: file_io (file_io/unix/readwrite.c). */
apr_status_t apr__file_flush_locked(apr_file_t *thefile);

/* The rest is file_io's own (file_io/unix/). */

/* A private bit of apr_file_t.flags (visible through apr_file_flags_get,
 * as in APR): the descriptor is inherited by child processes. */
#define APR__FILE_INHERIT (1 << 24)

/* Lock and unlock an XTHREAD file's mutex (no-ops otherwise). */
#if APR_HAS_THREADS
#define APR__FILE_LOCK(f) \
    do { if ((f)->thlock) apr_thread_mutex_lock((f)->thlock); } while (0)
#define APR__FILE_UNLOCK(f) \
    do { if ((f)->thlock) apr_thread_mutex_unlock((f)->thlock); } while (0)
#else
#define APR__FILE_LOCK(f) ((void)0)
#define APR__FILE_UNLOCK(f) ((void)0)
#endif

/* The pool cleanups of a file: flush and close (and unlink a DELONCLOSE
 * file), and the child-process one that only closes. */
apr_status_t apr__file_cleanup(void *thefile);
apr_status_t apr__file_child_cleanup(void *thefile);

/* Wrap descriptor fd in a new apr_file_t from pool, with APR_FOPEN_*
 * flags (APR_FOPEN_NOCLEANUP is added: no cleanup is registered). A
 * buffered one gets a buffer, an XTHREAD buffered one a mutex. */
apr_status_t apr__file_wrap(apr_file_t **file, int fd, apr_int32_t flags,
                            apr_pool_t *pool);

/* Give a buffered file a buffer of the default size (and a mutex when it
 * is XTHREAD). */
apr_status_t apr__file_buffer_init(apr_file_t *file, apr_pool_t *pool);

/* Set or clear O_NONBLOCK on the descriptor, remembering it. */
apr_status_t apr__file_set_nonblock(apr_file_t *file, int on);

#endif /* APR_ARCH_FILE_IO_H */
