/*
 * apr_file_info.h: what is known about a file (apr_finfo_t, apr_stat),
 * directory reading and creation, and file path arithmetic.
 */
#ifndef APR_FILE_INFO_H
#define APR_FILE_INFO_H

/**
 * @file apr_file_info.h
 * @brief APR File Information
 * @defgroup apr_file_info File Information
 * @ingroup APR
 * @{
 */

#include "apr.h"
#include "apr_user.h"
#include "apr_pools.h"
#include "apr_tables.h"
#include "apr_time.h"
#include "apr_errno.h"

#if APR_HAVE_SYS_UIO_H
#include <sys/uio.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The kind of a file. APR_NOFILE means the type was not determined (so it
 * differs from APR_UNKFILE: a file exists, of a kind none of the others
 * names).
 */
typedef enum {
    APR_NOFILE = 0, /**< type not determined */
    APR_REG,        /**< regular file */
    APR_DIR,        /**< directory */
    APR_CHR,        /**< character device */
    APR_BLK,        /**< block device */
    APR_PIPE,       /**< FIFO */
    APR_LNK,        /**< symbolic link */
    APR_SOCK,       /**< unix-domain socket */
    APR_UNKFILE = 127 /**< some other kind of file */
} apr_filetype_e;

/**
 * @defgroup apr_file_permissions File permission bits
 * Independent of the OS's mode bits; apr_finfo_t.protection uses them.
 * @{
 */
#define APR_FPROT_USETID 0x8000   /**< set-user-id */
#define APR_FPROT_UREAD 0x0400    /**< owner may read */
#define APR_FPROT_UWRITE 0x0200   /**< owner may write */
#define APR_FPROT_UEXECUTE 0x0100 /**< owner may execute */

#define APR_FPROT_GSETID 0x4000   /**< set-group-id */
#define APR_FPROT_GREAD 0x0040    /**< group may read */
#define APR_FPROT_GWRITE 0x0020   /**< group may write */
#define APR_FPROT_GEXECUTE 0x0010 /**< group may execute */

#define APR_FPROT_WSTICKY 0x2000  /**< sticky bit */
#define APR_FPROT_WREAD 0x0004    /**< others may read */
#define APR_FPROT_WWRITE 0x0002   /**< others may write */
#define APR_FPROT_WEXECUTE 0x0001 /**< others may execute */

/** Let the OS choose the permissions (umask applies). */
#define APR_FPROT_OS_DEFAULT 0x0FFF

/** apr_file_copy/apr_file_append: give the target the source's bits. */
#define APR_FPROT_FILE_SOURCE_PERMS 0x1000

/* The older names, kept for source compatibility. */
#define APR_USETID APR_FPROT_USETID                     /**< old name */
#define APR_UREAD APR_FPROT_UREAD                       /**< old name */
#define APR_UWRITE APR_FPROT_UWRITE                     /**< old name */
#define APR_UEXECUTE APR_FPROT_UEXECUTE                 /**< old name */
#define APR_GSETID APR_FPROT_GSETID                     /**< old name */
#define APR_GREAD APR_FPROT_GREAD                       /**< old name */
#define APR_GWRITE APR_FPROT_GWRITE                     /**< old name */
#define APR_GEXECUTE APR_FPROT_GEXECUTE                 /**< old name */
#define APR_WSTICKY APR_FPROT_WSTICKY                   /**< old name */
#define APR_WREAD APR_FPROT_WREAD                       /**< old name */
#define APR_WWRITE APR_FPROT_WWRITE                     /**< old name */
#define APR_WEXECUTE APR_FPROT_WEXECUTE                 /**< old name */
#define APR_OS_DEFAULT APR_FPROT_OS_DEFAULT             /**< old name */
#define APR_FILE_SOURCE_PERMS APR_FPROT_FILE_SOURCE_PERMS /**< old name */
/** @} */

/** An open directory (opaque). */
typedef struct apr_dir_t apr_dir_t;

/** A set of APR_FPROT_* bits. */
typedef apr_int32_t apr_fileperms_t;

#if defined(WIN32) || defined(NETWARE)
/** The device a file lives on. */
typedef apr_uint32_t apr_dev_t;
#else
/** The device a file lives on. */
typedef dev_t apr_dev_t;
#endif

/** What is known about a file. */
typedef struct apr_finfo_t apr_finfo_t;

/**
 * @defgroup apr_file_stat Wanted and valid bits of apr_finfo_t
 * @{
 */
#define APR_FINFO_LINK 0x00000001  /**< describe a link, not its target */
#define APR_FINFO_MTIME 0x00000010 /**< mtime */
#define APR_FINFO_CTIME 0x00000020 /**< ctime (inode change, or creation) */
#define APR_FINFO_ATIME 0x00000040 /**< atime */
#define APR_FINFO_SIZE 0x00000100  /**< size */
#define APR_FINFO_CSIZE 0x00000200 /**< csize: storage used */
#define APR_FINFO_DEV 0x00001000   /**< device */
#define APR_FINFO_INODE 0x00002000 /**< inode */
#define APR_FINFO_NLINK 0x00004000 /**< nlink */
#define APR_FINFO_TYPE 0x00008000  /**< filetype */
#define APR_FINFO_USER 0x00010000  /**< user */
#define APR_FINFO_GROUP 0x00020000 /**< group */
#define APR_FINFO_UPROT 0x00100000 /**< owner's protection bits */
#define APR_FINFO_GPROT 0x00200000 /**< group's protection bits */
#define APR_FINFO_WPROT 0x00400000 /**< others' protection bits */
#define APR_FINFO_ICASE 0x01000000 /**< whether the device ignores case */
#define APR_FINFO_NAME 0x02000000  /**< name, in the file system's case */

#define APR_FINFO_MIN 0x00008170    /**< type, times and size */
#define APR_FINFO_IDENT 0x00003000  /**< device and inode */
#define APR_FINFO_OWNER 0x00030000  /**< user and group */
#define APR_FINFO_PROT 0x00700000   /**< every protection bit */
#define APR_FINFO_NORM 0x0073b170   /**< what one unix stat() gives */
#define APR_FINFO_DIRENT 0x02000000 /**< what one readdir() gives */
/** @} */

/**
 * What is known about a file, in the spirit of struct stat. Only the
 * fields named by the APR_FINFO_* bits in @a valid hold values.
 */
struct apr_finfo_t {
    /** The pool fname and name were allocated from. */
    apr_pool_t *pool;
    /** APR_FINFO_* bits of the fields that hold values. */
    apr_int32_t valid;
    /** APR_FPROT_* access bits. */
    apr_fileperms_t protection;
    /** The kind of file (APR_NOFILE when not determined). */
    apr_filetype_e filetype;
    /** Owning user. */
    apr_uid_t user;
    /** Owning group. */
    apr_gid_t group;
    /** Inode number. */
    apr_ino_t inode;
    /** Device the file is on. */
    apr_dev_t device;
    /** Number of hard links. */
    apr_int32_t nlink;
    /** Size in bytes. */
    apr_off_t size;
    /** Storage consumed, in bytes. */
    apr_off_t csize;
    /** Last access. */
    apr_time_t atime;
    /** Last modification. */
    apr_time_t mtime;
    /** Inode change (creation on some systems). */
    apr_time_t ctime;
    /** The path the information was asked for (may be relative). */
    const char *fname;
    /** The last path component, as the file system spells it. */
    const char *name;
    /** Not used. */
    struct apr_file_t *filehand;
};

/**
 * Fills @a finfo with the @a wanted APR_FINFO_* fields of the file named
 * @a fname (following a final symbolic link unless APR_FINFO_LINK is
 * given). Every field one stat() provides is filled in whatever is
 * wanted; APR_FINFO_LINK is never a valid bit. Returns APR_INCOMPLETE when
 * some wanted fields could not be given (on unix: APR_FINFO_ICASE and
 * APR_FINFO_NAME): check finfo->valid. On any other failure (the errno)
 * finfo is not touched.
 */
APR_DECLARE(apr_status_t) apr_stat(apr_finfo_t *finfo, const char *fname,
                                   apr_int32_t wanted, apr_pool_t *pool);

/**
 * @defgroup apr_dir Directories
 * @{
 */

/**
 * Opens directory @a dirname for reading; the directory is closed when
 * @a pool is cleared.
 */
APR_DECLARE(apr_status_t) apr_dir_open(apr_dir_t **new_dir,
                                       const char *dirname, apr_pool_t *pool);

/** Closes a directory opened with apr_dir_open. */
APR_DECLARE(apr_status_t) apr_dir_close(apr_dir_t *thedir);

/**
 * Reads the next entry of @a thedir into @a finfo (name always; "." and
 * ".." are returned like any entry, in no particular order). Returns
 * APR_INCOMPLETE when some @a wanted fields could not be given (check
 * finfo->valid), APR_ENOENT when there are no more entries.
 */
APR_DECLARE(apr_status_t) apr_dir_read(apr_finfo_t *finfo, apr_int32_t wanted,
                                       apr_dir_t *thedir);

/** Goes back to the first entry of @a thedir. */
APR_DECLARE(apr_status_t) apr_dir_rewind(apr_dir_t *thedir);
/** @} */

/**
 * @defgroup apr_filepath File path arithmetic
 * @{
 */

/**
 * apr_filepath_merge: fail with APR_EABOVEROOT if the result would lie
 * above @a rootpath. (With a NULL or empty rootpath the behaviour is not
 * defined by APR.)
 */
#define APR_FILEPATH_NOTABOVEROOT 0x01

/** Internal; only meaningful together with APR_FILEPATH_NOTABOVEROOT. */
#define APR_FILEPATH_SECUREROOTTEST 0x02

/**
 * Like APR_FILEPATH_NOTABOVEROOT, and also fail when addpath climbs above
 * the root even if it comes back inside (root /a/b, addpath ../b/c).
 */
#define APR_FILEPATH_SECUREROOT 0x03

/** apr_filepath_merge: fail with APR_ERELATIVE if the result is relative. */
#define APR_FILEPATH_NOTRELATIVE 0x04

/** apr_filepath_merge: fail with APR_EABSOLUTE if the result is absolute. */
#define APR_FILEPATH_NOTABSOLUTE 0x08

/** Give the path in the OS's native form ('\\' separators on Win32). */
#define APR_FILEPATH_NATIVE 0x10

/**
 * Find the true case of existing path elements (and resolve aliases on
 * Win32), adding a trailing slash to directories. Unix ignores it.
 */
#define APR_FILEPATH_TRUENAME 0x20

/**
 * Splits the root off @a *filepath: on success @a *rootpath is the root
 * ("/" on unix, with any run of leading slashes collapsed) and
 * @a *filepath points just past the leading slashes. Returns APR_ERELATIVE
 * (and leaves both untouched) when the path is not rooted;
 * APR_EINCOMPLETE (root ambiguous) and APR_EBADPATH (invalid root) occur
 * on other systems only.
 */
APR_DECLARE(apr_status_t) apr_filepath_root(const char **rootpath,
                                            const char **filepath,
                                            apr_int32_t flags, apr_pool_t *p);

/**
 * Appends @a addpath to @a rootpath (NULL: the current directory, used
 * only when addpath is relative) and canonicalises the result: "." and
 * empty segments go, ".." removes the previous segment, a trailing slash
 * is kept. The root itself is used as given (not canonicalised). @a flags
 * are APR_FILEPATH_* rules; the statuses are APR_EABOVEROOT,
 * APR_ERELATIVE, APR_EABSOLUTE, APR_EBADPATH (not on unix),
 * APR_ENAMETOOLONG when strlen(rootpath) + strlen(addpath) + 4 exceeds
 * APR_PATH_MAX, or the error of getting the current directory; on failure
 * @a *newpath is not written. Both paths are NUL-terminated strings:
 * anything after an embedded NUL is not seen.
 */
APR_DECLARE(apr_status_t) apr_filepath_merge(char **newpath,
                                             const char *rootpath,
                                             const char *addpath,
                                             apr_int32_t flags,
                                             apr_pool_t *p);

/**
 * Splits a search path (such as $PATH; ':' separates on unix) into an
 * array of char * elements allocated from @a p. Empty elements are
 * dropped.
 */
APR_DECLARE(apr_status_t) apr_filepath_list_split(apr_array_header_t **pathelts,
                                                  const char *liststr,
                                                  apr_pool_t *p);

/**
 * Joins an array of char * path elements with the system's search path
 * separator. Empty elements are skipped; @a *liststr is NULL when nothing
 * remains. APR_EINVAL if the array's elements are not pointers.
 */
APR_DECLARE(apr_status_t) apr_filepath_list_merge(char **liststr,
                                                  apr_array_header_t *pathelts,
                                                  apr_pool_t *p);

/**
 * Sets @a *path to the current working directory, allocated from @a p
 * (APR_FILEPATH_NATIVE: in the OS's native form).
 */
APR_DECLARE(apr_status_t) apr_filepath_get(char **path, apr_int32_t flags,
                                           apr_pool_t *p);

/** Makes @a path the current working directory. */
APR_DECLARE(apr_status_t) apr_filepath_set(const char *path, apr_pool_t *p);

/** apr_filepath_encoding: the encoding of file names is not known. */
#define APR_FILEPATH_ENCODING_UNKNOWN 0
/** apr_filepath_encoding: file names follow the locale's encoding. */
#define APR_FILEPATH_ENCODING_LOCALE 1
/** apr_filepath_encoding: file names are UTF-8. */
#define APR_FILEPATH_ENCODING_UTF8 2

/**
 * Sets @a *style to the APR_FILEPATH_ENCODING_* used for file names
 * (APR_FILEPATH_ENCODING_LOCALE on unix).
 */
APR_DECLARE(apr_status_t) apr_filepath_encoding(int *style, apr_pool_t *p);
/** @} */

#ifdef __cplusplus
}
#endif

/** @} */

#endif /* APR_FILE_INFO_H */
