/*
 * apr_file_io.h: files, pipes, standard streams, file locks and
 * temporary files.
 *
 * An apr_file_t belongs to the pool it was opened in: unless it was opened
 * with APR_FOPEN_NOCLEANUP, the pool's cleanup closes it (flushing a
 * buffered file first). Descriptors are opened close-on-exec; see
 * apr_file_inherit_set().
 */
#ifndef APR_FILE_IO_H
#define APR_FILE_IO_H

/**
 * @file apr_file_io.h
 * @brief APR File I/O Handling
 */

#include "apr.h"
#include "apr_pools.h"
#include "apr_time.h"
#include "apr_errno.h"
#include "apr_file_info.h"
#include "apr_inherit.h"

#define APR_WANT_STDIO /**< SEEK_SET, SEEK_CUR, SEEK_END */
#define APR_WANT_IOVEC /**< struct iovec for apr_file_writev */
#include "apr_want.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @defgroup apr_file_io File I/O Handling Functions
 * @ingroup APR
 * @{
 */

/**
 * @defgroup apr_file_open_flags File Open Flags/Routines
 * Flags of apr_file_open(), to be or-ed together. Values from 0x00100000
 * up are left to platform-specific flags.
 * @{
 */
#define APR_FOPEN_READ       0x00001 /**< open for reading */
#define APR_FOPEN_WRITE      0x00002 /**< open for writing */
#define APR_FOPEN_CREATE     0x00004 /**< create the file if it is missing */
#define APR_FOPEN_APPEND     0x00008 /**< every write goes to the end */
#define APR_FOPEN_TRUNCATE   0x00010 /**< cut the file to length 0 */
#define APR_FOPEN_BINARY     0x00020 /**< binary mode (no effect on unix) */
#define APR_FOPEN_EXCL       0x00040 /**< with CREATE: fail if it exists */
#define APR_FOPEN_BUFFERED   0x00080 /**< buffer reads and writes */
#define APR_FOPEN_DELONCLOSE 0x00100 /**< remove the file when closed */
#define APR_FOPEN_XTHREAD    0x00200 /**< usable from several threads */
#define APR_FOPEN_SHARELOCK  0x00400 /**< locked access where the OS has it */
#define APR_FOPEN_NOCLEANUP  0x00800 /**< the pool does not close it */
#define APR_FOPEN_SENDFILE_ENABLED 0x01000 /**< hint: used with sendfile */
#define APR_FOPEN_LARGEFILE  0x04000 /**< large file support (see below) */
#define APR_FOPEN_SPARSE     0x08000 /**< sparse file where the OS has it */
#define APR_FOPEN_NONBLOCK   0x40000 /**< non-blocking open where supported */

/* The older names of the same flags. */
#define APR_READ             APR_FOPEN_READ       /**< @deprecated */
#define APR_WRITE            APR_FOPEN_WRITE      /**< @deprecated */
#define APR_CREATE           APR_FOPEN_CREATE     /**< @deprecated */
#define APR_APPEND           APR_FOPEN_APPEND     /**< @deprecated */
#define APR_TRUNCATE         APR_FOPEN_TRUNCATE   /**< @deprecated */
#define APR_BINARY           APR_FOPEN_BINARY     /**< @deprecated */
#define APR_EXCL             APR_FOPEN_EXCL       /**< @deprecated */
#define APR_BUFFERED         APR_FOPEN_BUFFERED   /**< @deprecated */
#define APR_DELONCLOSE       APR_FOPEN_DELONCLOSE /**< @deprecated */
#define APR_XTHREAD          APR_FOPEN_XTHREAD    /**< @deprecated */
#define APR_SHARELOCK        APR_FOPEN_SHARELOCK  /**< @deprecated */
#define APR_FILE_NOCLEANUP   APR_FOPEN_NOCLEANUP  /**< @deprecated */
#define APR_SENDFILE_ENABLED APR_FOPEN_SENDFILE_ENABLED /**< @deprecated */
#define APR_LARGEFILE        APR_FOPEN_LARGEFILE  /**< @deprecated */
/*
 * APR_FOPEN_LARGEFILE: where off_t is already 64 bits (as here) it changes
 * nothing. Where it is not, apr_off_t stays 32 bits and a file opened this
 * way may grow past what apr_file_seek() and apr_finfo_t can describe.
 */
/** @} */

/**
 * @defgroup apr_file_seek_flags File Seek Flags
 * The @a where of apr_file_seek().
 * @{
 */
#define APR_SET SEEK_SET /**< from the start of the file */
#define APR_CUR SEEK_CUR /**< from the current position */
#define APR_END SEEK_END /**< from the end of the file */
/** @} */

/**
 * @defgroup apr_file_attrs_set_flags File Attribute Flags
 * Attributes for apr_file_attrs_set().
 * @{
 */
#define APR_FILE_ATTR_READONLY   0x01 /**< no one may write it */
#define APR_FILE_ATTR_EXECUTABLE 0x02 /**< it may be executed */
#define APR_FILE_ATTR_HIDDEN     0x04 /**< hidden (not on unix) */
/** @} */

/**
 * @defgroup apr_file_writev{_full} max iovec size
 * @{
 */
#if defined(IOV_MAX)
#define APR_MAX_IOVEC_SIZE IOV_MAX /**< most iovecs one writev takes */
#elif defined(MAX_IOVEC)
#define APR_MAX_IOVEC_SIZE MAX_IOVEC
#else
#define APR_MAX_IOVEC_SIZE 1024
#endif
/** @} */

/** A set of APR_FILE_ATTR_* bits. */
typedef apr_uint32_t apr_fileattrs_t;

/** The @a where of apr_file_seek(): APR_SET, APR_CUR or APR_END. */
typedef int apr_seek_where_t;

/** An open file or pipe end (opaque). */
typedef struct apr_file_t apr_file_t;

/**
 * @defgroup apr_file_lock_types File Lock Types
 * The @a type of apr_file_lock().
 * @{
 */
#define APR_FLOCK_SHARED    1      /**< shared (read) lock: many holders */
#define APR_FLOCK_EXCLUSIVE 2      /**< exclusive (write) lock: one holder */
#define APR_FLOCK_TYPEMASK  0x000F /**< the bits that hold the type */
#define APR_FLOCK_NONBLOCK  0x0010 /**< fail instead of waiting */
/** @} */

/**
 * Open (and maybe create) a file.
 * @param newf Receives the file.
 * @param fname Its path.
 * @param flag APR_FOPEN_* flags; at least READ or WRITE is required
 *        (APR_EACCES otherwise).
 * @param perm Permissions for a file that gets created; APR_FPROT_OS_DEFAULT
 *        means 0666 less the umask.
 * @param pool The pool it belongs to; its cleanup closes the file unless
 *        APR_FOPEN_NOCLEANUP is given.
 * @return APR_SUCCESS or the errno of open() (APR_EEXIST, APR_ENOENT, ...).
 * @remark The descriptor is close-on-exec. A buffered file is flushed when
 *         closed. APR_FOPEN_DELONCLOSE removes the path when it is closed.
 */
APR_DECLARE(apr_status_t) apr_file_open(apr_file_t **newf, const char *fname,
                                        apr_int32_t flag, apr_fileperms_t perm,
                                        apr_pool_t *pool);

/**
 * Close a file, flushing its buffer first, and remove it if it was opened
 * with APR_FOPEN_DELONCLOSE.
 * @return APR_SUCCESS, or the first error of flushing or closing.
 */
APR_DECLARE(apr_status_t) apr_file_close(apr_file_t *file);

/**
 * Remove a file (not a directory).
 * @return APR_SUCCESS or the errno of unlink().
 */
APR_DECLARE(apr_status_t) apr_file_remove(const char *path, apr_pool_t *pool);

/**
 * Rename a file, replacing @a to_path if it exists, within one file
 * system.
 * @return APR_SUCCESS or the errno of rename().
 */
APR_DECLARE(apr_status_t) apr_file_rename(const char *from_path,
                                          const char *to_path,
                                          apr_pool_t *pool);

/**
 * Make the hard link @a to_path to @a from_path.
 * @return APR_SUCCESS or the errno of link() (APR_EEXIST, ...).
 */
APR_DECLARE(apr_status_t) apr_file_link(const char *from_path,
                                        const char *to_path);

/**
 * Copy a file's content to @a to_path, created or truncated.
 * @param perms Permissions of the new file, or APR_FPROT_FILE_SOURCE_PERMS
 *        to give it those of the source.
 * @return APR_SUCCESS or the first error.
 */
APR_DECLARE(apr_status_t) apr_file_copy(const char *from_path,
                                        const char *to_path,
                                        apr_fileperms_t perms,
                                        apr_pool_t *pool);

/**
 * Append a file's content to @a to_path, created if missing.
 * @param perms As for apr_file_copy(), used only when it is created.
 * @return APR_SUCCESS or the first error.
 */
APR_DECLARE(apr_status_t) apr_file_append(const char *from_path,
                                          const char *to_path,
                                          apr_fileperms_t perms,
                                          apr_pool_t *pool);

/**
 * Whether a read on this file has reached its end.
 * @return APR_EOF if it has, APR_SUCCESS otherwise.
 */
APR_DECLARE(apr_status_t) apr_file_eof(apr_file_t *fptr);

/**
 * Wrap the process's standard error (descriptor 2). The pool's cleanup
 * does not close it.
 */
APR_DECLARE(apr_status_t) apr_file_open_stderr(apr_file_t **thefile,
                                               apr_pool_t *pool);

/**
 * Wrap the process's standard output (descriptor 1). The pool's cleanup
 * does not close it.
 */
APR_DECLARE(apr_status_t) apr_file_open_stdout(apr_file_t **thefile,
                                               apr_pool_t *pool);

/**
 * Wrap the process's standard input (descriptor 0). The pool's cleanup
 * does not close it.
 */
APR_DECLARE(apr_status_t) apr_file_open_stdin(apr_file_t **thefile,
                                              apr_pool_t *pool);

/**
 * Wrap standard error with APR_FOPEN_* @a flags (such as
 * APR_FOPEN_BUFFERED or APR_FOPEN_XTHREAD) added to APR_FOPEN_WRITE.
 */
APR_DECLARE(apr_status_t) apr_file_open_flags_stderr(apr_file_t **thefile,
                                                     apr_int32_t flags,
                                                     apr_pool_t *pool);

/**
 * Wrap standard output with APR_FOPEN_* @a flags added to
 * APR_FOPEN_WRITE.
 */
APR_DECLARE(apr_status_t) apr_file_open_flags_stdout(apr_file_t **thefile,
                                                     apr_int32_t flags,
                                                     apr_pool_t *pool);

/**
 * Wrap standard input with APR_FOPEN_* @a flags added to APR_FOPEN_READ.
 */
APR_DECLARE(apr_status_t) apr_file_open_flags_stdin(apr_file_t **thefile,
                                                    apr_int32_t flags,
                                                    apr_pool_t *pool);

/**
 * Read up to @a *nbytes bytes.
 * @param nbytes In: the room in @a buf. Out: how many bytes were read,
 *        possibly fewer than asked for (a buffered file reads until the
 *        request is filled or the file ends).
 * @return APR_SUCCESS; APR_EOF (with *nbytes 0) at the end of the file;
 *         for a pipe, APR_EAGAIN when nothing is there and its timeout is
 *         0, APR_TIMEUP when its positive timeout runs out; or an errno.
 */
APR_DECLARE(apr_status_t) apr_file_read(apr_file_t *thefile, void *buf,
                                        apr_size_t *nbytes);

/**
 * Write up to @a *nbytes bytes.
 * @param nbytes In: how many. Out: how many were written (or buffered),
 *        possibly fewer.
 * @return APR_SUCCESS, APR_EAGAIN / APR_TIMEUP for a pipe that stays
 *         full, or an errno.
 */
APR_DECLARE(apr_status_t) apr_file_write(apr_file_t *thefile, const void *buf,
                                         apr_size_t *nbytes);

/**
 * Write the @a nvec buffers of @a vec in order, as apr_file_write() does,
 * with one system call where the file is not buffered.
 * @param nbytes Out: how many bytes were written in total.
 */
APR_DECLARE(apr_status_t) apr_file_writev(apr_file_t *thefile,
                                          const struct iovec *vec,
                                          apr_size_t nvec, apr_size_t *nbytes);

/**
 * Read exactly @a nbytes bytes, calling apr_file_read() until they are
 * all there or it fails.
 * @param bytes_read Out (may be NULL): how many were read.
 * @return APR_SUCCESS when all were read, else the error that stopped it
 *         (APR_EOF if the file ended first).
 */
APR_DECLARE(apr_status_t) apr_file_read_full(apr_file_t *thefile, void *buf,
                                             apr_size_t nbytes,
                                             apr_size_t *bytes_read);

/**
 * Write exactly @a nbytes bytes, calling apr_file_write() until they are
 * all written or it fails.
 * @param bytes_written Out (may be NULL): how many were written.
 */
APR_DECLARE(apr_status_t) apr_file_write_full(apr_file_t *thefile,
                                              const void *buf,
                                              apr_size_t nbytes,
                                              apr_size_t *bytes_written);

/**
 * Write all the buffers of @a vec, as apr_file_write_full() does.
 * @param nbytes Out (may be NULL): how many bytes were written.
 */
APR_DECLARE(apr_status_t) apr_file_writev_full(apr_file_t *thefile,
                                               const struct iovec *vec,
                                               apr_size_t nvec,
                                               apr_size_t *nbytes);

/** Write one character. */
APR_DECLARE(apr_status_t) apr_file_putc(char ch, apr_file_t *thefile);

/**
 * Read one character.
 * @return APR_SUCCESS, APR_EOF at the end of the file, or an error.
 */
APR_DECLARE(apr_status_t) apr_file_getc(char *ch, apr_file_t *thefile);

/**
 * Give back a character, which the next read returns first. Only one
 * character can be given back at a time.
 */
APR_DECLARE(apr_status_t) apr_file_ungetc(char ch, apr_file_t *thefile);

/**
 * Read a line: up to and including a newline, or until @a len - 1 bytes
 * are read, or the end of the file. The result is NUL-terminated and keeps
 * its newline.
 * @return APR_SUCCESS if anything was read (even when the file then ended),
 *         APR_EOF if the file had nothing left, or an error. With @a len
 *         of 1 or less nothing is stored and APR_SUCCESS is returned.
 */
APR_DECLARE(apr_status_t) apr_file_gets(char *str, int len,
                                        apr_file_t *thefile);

/** Write a NUL-terminated string, without its NUL and without a newline. */
APR_DECLARE(apr_status_t) apr_file_puts(const char *str, apr_file_t *thefile);

/** Write out what a buffered file holds in its buffer. */
APR_DECLARE(apr_status_t) apr_file_flush(apr_file_t *thefile);

/**
 * Flush the buffer and have the system write the file's data and
 * metadata to the disk (fsync).
 */
APR_DECLARE(apr_status_t) apr_file_sync(apr_file_t *thefile);

/**
 * Flush the buffer and have the system write the file's data to the disk
 * (fdatasync).
 */
APR_DECLARE(apr_status_t) apr_file_datasync(apr_file_t *thefile);

/**
 * Duplicate a file onto a new descriptor, in a new apr_file_t from @a p
 * that shares nothing else with the old one (a buffered file gets its own
 * empty buffer). The new descriptor is close-on-exec.
 */
APR_DECLARE(apr_status_t) apr_file_dup(apr_file_t **new_file,
                                       apr_file_t *old_file,
                                       apr_pool_t *p);

/**
 * Make @a new_file's descriptor a duplicate of @a old_file's (dup2): the
 * way to redirect standard streams. The descriptor keeps its number.
 */
APR_DECLARE(apr_status_t) apr_file_dup2(apr_file_t *new_file,
                                        apr_file_t *old_file,
                                        apr_pool_t *p);

/**
 * Move a file to another pool: @a new_file takes over the descriptor,
 * buffer content and state of @a old_file, which must not be used any
 * more. The cleanup moves from the old pool to @a p.
 */
APR_DECLARE(apr_status_t) apr_file_setaside(apr_file_t **new_file,
                                            apr_file_t *old_file,
                                            apr_pool_t *p);

/**
 * Give a file a buffer of the caller's (writing out the old one's
 * pending bytes first), or make it unbuffered with a @a bufsize of 0.
 * @param buffer The buffer, which must live as long as the file.
 * @param bufsize Its size.
 */
APR_DECLARE(apr_status_t) apr_file_buffer_set(apr_file_t *thefile,
                                              char *buffer,
                                              apr_size_t bufsize);

/** The size of a file's buffer, 0 when it is not buffered. */
APR_DECLARE(apr_size_t) apr_file_buffer_size_get(apr_file_t *thefile);

/**
 * Move the read/write position.
 * @param where APR_SET, APR_CUR or APR_END.
 * @param offset In: the offset from @a where. Out: the new position from
 *        the start of the file.
 * @remark On a buffered file the buffer is kept when the position stays
 *         inside it.
 */
APR_DECLARE(apr_status_t) apr_file_seek(apr_file_t *thefile,
                                        apr_seek_where_t where,
                                        apr_off_t *offset);

/**
 * Create an anonymous pipe: read from @a in, write to @a out. Both ends
 * block (timeout -1). Unlike files, both ends are inherited by child
 * processes (meant for their standard streams) until
 * apr_file_inherit_unset() is called on them.
 */
APR_DECLARE(apr_status_t) apr_file_pipe_create(apr_file_t **in,
                                               apr_file_t **out,
                                               apr_pool_t *pool);

/**
 * Create a pipe whose ends block or not.
 * @param blocking APR_FULL_BLOCK, APR_READ_BLOCK (only the read end
 *        blocks), APR_WRITE_BLOCK (only the write end blocks) or
 *        APR_FULL_NONBLOCK. A non-blocking end has timeout 0: its reads
 *        and writes return APR_EAGAIN instead of waiting.
 */
APR_DECLARE(apr_status_t) apr_file_pipe_create_ex(apr_file_t **in,
                                                  apr_file_t **out,
                                                  apr_int32_t blocking,
                                                  apr_pool_t *pool);

/**
 * As apr_file_pipe_create_ex(), with each end in its own pool.
 */
APR_DECLARE(apr_status_t) apr_file_pipe_create_pools(apr_file_t **in,
                                                     apr_file_t **out,
                                                     apr_int32_t blocking,
                                                     apr_pool_t *pool_in,
                                                     apr_pool_t *pool_out);

/**
 * Create a named pipe (FIFO) at @a filename with permissions @a perm.
 */
APR_DECLARE(apr_status_t) apr_file_namedpipe_create(const char *filename,
                                                    apr_fileperms_t perm,
                                                    apr_pool_t *pool);

/**
 * A pipe's timeout: negative when it blocks, 0 when it never waits.
 * @return APR_EINVAL for a file that is not a pipe.
 */
APR_DECLARE(apr_status_t) apr_file_pipe_timeout_get(apr_file_t *thepipe,
                                               apr_interval_time_t *timeout);

/**
 * Set a pipe's timeout in microseconds: negative blocks without limit, 0
 * never waits (APR_EAGAIN), positive waits at most that long
 * (APR_TIMEUP).
 * @return APR_EINVAL for a file that is not a pipe.
 */
APR_DECLARE(apr_status_t) apr_file_pipe_timeout_set(apr_file_t *thepipe,
                                               apr_interval_time_t timeout);

/**
 * Lock the whole file (advisory). On unix the lock belongs to the open
 * file (flock()): another apr_file_t opened on the same path conflicts
 * with it even in the same process, and relocking the same apr_file_t
 * converts the lock.
 * @param type APR_FLOCK_SHARED or APR_FLOCK_EXCLUSIVE, optionally or-ed
 *        with APR_FLOCK_NONBLOCK.
 * @return APR_SUCCESS; with APR_FLOCK_NONBLOCK, a status for which
 *         APR_STATUS_IS_EAGAIN() is true when a conflicting lock is held;
 *         or an errno.
 */
APR_DECLARE(apr_status_t) apr_file_lock(apr_file_t *thefile, int type);

/** Release the lock taken with apr_file_lock(). */
APR_DECLARE(apr_status_t) apr_file_unlock(apr_file_t *thefile);

/**
 * The path the file was opened with (NULL for files made from
 * descriptors).
 */
APR_DECLARE(apr_status_t) apr_file_name_get(const char **new_path,
                                            apr_file_t *thefile);

/** The user data stored with the file under @a key (NULL if none). */
APR_DECLARE(apr_status_t) apr_file_data_get(void **data, const char *key,
                                            apr_file_t *file);

/**
 * Store user data with the file under @a key, in the file's pool (as
 * apr_pool_userdata_set() does); @a cleanup runs when that pool is
 * cleared.
 */
APR_DECLARE(apr_status_t) apr_file_data_set(apr_file_t *file, void *data,
                                            const char *key,
                                            apr_status_t (*cleanup)(void *));

/**
 * Write formatted output (apr_vformatter() formats) to a file.
 * @return The number of bytes written, or -1 on error.
 */
APR_DECLARE_NONSTD(int) apr_file_printf(apr_file_t *fptr,
                                        const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * Set a file's permissions.
 * @return APR_SUCCESS, APR_INCOMPLETE when some of them (such as
 *         APR_FPROT_*SETID) could not be set, or APR_ENOTIMPL.
 */
APR_DECLARE(apr_status_t) apr_file_perms_set(const char *fname,
                                             apr_fileperms_t perms);

/**
 * Set the APR_FILE_ATTR_* attributes of a file that @a attr_mask selects
 * to their value in @a attributes.
 */
APR_DECLARE(apr_status_t) apr_file_attrs_set(const char *fname,
                                             apr_fileattrs_t attributes,
                                             apr_fileattrs_t attr_mask,
                                             apr_pool_t *pool);

/** Set a file's modification time. */
APR_DECLARE(apr_status_t) apr_file_mtime_set(const char *fname,
                                             apr_time_t mtime,
                                             apr_pool_t *pool);

/**
 * Create a directory with permissions @a perm (less the umask).
 * @return APR_SUCCESS, APR_EEXIST if it exists, or an errno.
 */
APR_DECLARE(apr_status_t) apr_dir_make(const char *path, apr_fileperms_t perm,
                                       apr_pool_t *pool);

/**
 * Create a directory and the parents it needs, as "mkdir -p" does: an
 * existing directory is no error.
 */
APR_DECLARE(apr_status_t) apr_dir_make_recursive(const char *path,
                                                 apr_fileperms_t perm,
                                                 apr_pool_t *pool);

/** Remove an empty directory. */
APR_DECLARE(apr_status_t) apr_dir_remove(const char *path, apr_pool_t *pool);

/**
 * Describe an open file.
 * @param wanted The APR_FINFO_* fields asked for.
 * @return APR_SUCCESS, or APR_INCOMPLETE when some wanted fields could
 *         not be filled (finfo->valid says which are).
 */
APR_DECLARE(apr_status_t) apr_file_info_get(apr_finfo_t *finfo,
                                            apr_int32_t wanted,
                                            apr_file_t *thefile);

/**
 * Cut or extend the file to @a offset bytes (writing out a buffered
 * file's pending bytes that lie before @a offset first), then move the
 * position to @a offset.
 */
APR_DECLARE(apr_status_t) apr_file_trunc(apr_file_t *fp, apr_off_t offset);

/**
 * The APR_FOPEN_* flags the file was opened with (plus private bits, such
 * as whether it is inherited).
 */
APR_DECLARE(apr_int32_t) apr_file_flags_get(apr_file_t *f);

/** The pool of a file: apr_pool_t *apr_file_pool_get(const apr_file_t *). */
APR_POOL_DECLARE_ACCESSOR(file);

/**
 * Let processes created later inherit the file's descriptor (clears
 * FD_CLOEXEC; the pool's child cleanup then leaves it open).
 * @return APR_SUCCESS, or APR_EINVAL for a file with APR_FOPEN_NOCLEANUP
 *         (such as the standard streams).
 */
APR_DECLARE_INHERIT_SET(file);

/**
 * Stop processes created later from inheriting the descriptor.
 * @return APR_SUCCESS, or APR_EINVAL for a file with APR_FOPEN_NOCLEANUP.
 */
APR_DECLARE_INHERIT_UNSET(file);

/**
 * Create and open a unique temporary file.
 * @param templ A path ending in "XXXXXX", replaced in place by the name
 *        chosen (so it must be writable).
 * @param flags APR_FOPEN_* flags, or 0 for APR_FOPEN_CREATE |
 *        APR_FOPEN_READ | APR_FOPEN_WRITE | APR_FOPEN_EXCL |
 *        APR_FOPEN_DELONCLOSE. The file is created with permissions 0600.
 * @remark Without APR_FOPEN_NOCLEANUP, a pool cleanup closes it.
 */
APR_DECLARE(apr_status_t) apr_file_mktemp(apr_file_t **fp, char *templ,
                                          apr_int32_t flags, apr_pool_t *p);

/**
 * Find a directory for temporary files: $TMPDIR, $TMP or $TEMP, else
 * /tmp, /usr/tmp, /var/tmp, else the current directory: the first one in
 * which a file can be created and written.
 * @return APR_SUCCESS, or APR_EGENERAL when none is writable.
 */
APR_DECLARE(apr_status_t) apr_temp_dir_get(const char **temp_dir,
                                           apr_pool_t *p);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* APR_FILE_IO_H */
