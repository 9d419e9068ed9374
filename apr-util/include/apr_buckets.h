/*
 * apr_buckets.h: buckets and bucket brigades, the data path of a server.
 *
 * A bucket is a typed reference to a run of bytes (or to metadata such as
 * end-of-stream); a brigade is a ring of buckets. Filters pass brigades to
 * each other, splitting, reading and setting buckets aside without copying
 * the bytes they refer to unless a function below says it copies.
 *
 * Ownership: a brigade belongs to the pool it was created with (a cleanup
 * on that pool empties it). A bucket belongs to the brigade it sits in, or
 * to whoever removed it from its brigade; its memory comes from a bucket
 * allocator (apr_bucket_alloc_t), which is not thread-safe: one thread at a
 * time per allocator.
 */
#ifndef APR_BUCKETS_H
#define APR_BUCKETS_H

#if defined(APR_BUCKET_DEBUG) && !defined(APR_RING_DEBUG)
#define APR_RING_DEBUG
#endif

#include "apu.h"
#include "apr.h"
#include "apr_errno.h"
#include "apr_general.h"
#include "apr_network_io.h"
#include "apr_file_io.h"
#include "apr_mmap.h"
#include "apr_ring.h"

#if APR_HAVE_SYS_UIO_H
#include <sys/uio.h>
#endif
#if APR_HAVE_STDARG_H
#include <stdarg.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file apr_buckets.h
 * @brief APR-UTIL Buckets/Bucket Brigades
 * @defgroup APR_Util_Bucket_Brigades Bucket Brigades
 * @ingroup APR_Util
 * @{
 */

/** The size of the buffers apr_brigade_write() and the pipe, socket and
 *  file buckets use for copies and reads. */
#define APR_BUCKET_BUFF_SIZE 8000

/** Whether a bucket read may wait for data. */
typedef enum {
    APR_BLOCK_READ,   /**< wait until data (or EOF, or an error) arrives */
    APR_NONBLOCK_READ /**< return APR_EAGAIN rather than wait */
} apr_read_type_e;

/** A ring of buckets, owned by a pool. */
typedef struct apr_bucket_brigade apr_bucket_brigade;
/** One typed reference to data or metadata. */
typedef struct apr_bucket apr_bucket;
/** A bucket allocator: free lists of bucket-sized blocks (opaque). */
typedef struct apr_bucket_alloc_t apr_bucket_alloc_t;
/** The function table of a bucket type. */
typedef struct apr_bucket_type_t apr_bucket_type_t;

/** A bucket type: its name and its operations. Every bucket of a type
 *  shares one constant instance, so types compare by address. */
struct apr_bucket_type_t {
    /** The type's name, for debugging ("HEAP", "FILE", ...). */
    const char *name;
    /** How many of the functions below the type provides (at least 5). */
    int num_func;
    /** Whether buckets of this type carry metadata rather than bytes.
     *  Metadata has length 0 and reads as no bytes; a zero-length data
     *  bucket may be dropped, a metadata bucket may not. */
    enum {
        /** The bucket holds bytes of the stream. */
        APR_BUCKET_DATA = 0,
        /** The bucket holds information about the stream (EOS, FLUSH). */
        APR_BUCKET_METADATA = 1
    } is_metadata;
    /** Releases the type's private data (@a data is the bucket's data
     *  pointer) unless other buckets still share it. Required. */
    void (*destroy)(void *data);
    /** Reads the bucket: sets @a str and @a len to its bytes, which stay
     *  valid while the bucket lives. A bucket of unknown length may change
     *  type and insert a new bucket after itself for the rest. Required. */
    apr_status_t (*read)(apr_bucket *b, const char **str, apr_size_t *len,
                         apr_read_type_e block);
    /** Makes the bucket's data live at least as long as @a pool, copying
     *  or moving it when it could die sooner. */
    apr_status_t (*setaside)(apr_bucket *e, apr_pool_t *pool);
    /** Splits the bucket at @a point (the first byte of the second part,
     *  which is inserted after it) without copying data; APR_ENOTIMPL
     *  where the length is unknown. */
    apr_status_t (*split)(apr_bucket *e, apr_size_t point);
    /** Makes a second bucket referring to the same data (not a copy of the
     *  data) in @a c; APR_ENOTIMPL if the type cannot. */
    apr_status_t (*copy)(apr_bucket *e, apr_bucket **c);
};

/** A bucket. The bytes it refers to are data's [start, start + length). */
struct apr_bucket {
    /** The links to the neighbouring buckets of the brigade. */
    APR_RING_ENTRY(apr_bucket) link;
    /** The bucket's type. */
    const apr_bucket_type_t *type;
    /** Length of the data in bytes; (apr_size_t)-1 while it is unknown
     *  (pipes, sockets) until the bucket is read. */
    apr_size_t length;
    /** Offset of the data from the type's base; -1 when length is -1. */
    apr_off_t start;
    /** The type's private data. */
    void *data;
    /** Frees the bucket structure itself (normally apr_bucket_free). */
    void (*free)(void *e);
    /** The allocator the bucket structure came from. */
    apr_bucket_alloc_t *list;
};

/** A brigade: a ring of buckets and the pool it belongs to. */
struct apr_bucket_brigade {
    /** The pool with the brigade's cleanup (buckets are not allocated
     *  from it). Whoever destroys the brigade otherwise kills the cleanup:
     *  apr_brigade_destroy() does. */
    apr_pool_t *p;
    /** The ring of buckets. */
    APR_RING_HEAD(apr_bucket_list, apr_bucket) list;
    /** The allocator new buckets of this brigade come from. */
    apr_bucket_alloc_t *bucket_alloc;
};

/** The function apr_brigade_write() and friends call when the brigade
 *  should be passed on rather than grow; returns APR_SUCCESS or an error
 *  that the writer then returns. */
typedef apr_status_t (*apr_brigade_flush)(apr_bucket_brigade *bb, void *ctx);

/* Consistency checks of the ring, compiled in with APR_BUCKET_DEBUG. */
#ifdef APR_BUCKET_DEBUG
/** Checks that brigade @a b's ring is consistent (APR_BUCKET_DEBUG). */
#define APR_BRIGADE_CHECK_CONSISTENCY(b)                                     \
    APR_RING_CHECK_CONSISTENCY(&(b)->list, apr_bucket, link)
/** Checks that bucket @a e's ring is consistent (APR_BUCKET_DEBUG). */
#define APR_BUCKET_CHECK_CONSISTENCY(e)                                      \
    APR_RING_CHECK_ELEM_CONSISTENCY((e), apr_bucket, link)
#else
/** Checks brigade consistency: nothing without APR_BUCKET_DEBUG. */
#define APR_BRIGADE_CHECK_CONSISTENCY(b)
/** Checks bucket consistency: nothing without APR_BUCKET_DEBUG. */
#define APR_BUCKET_CHECK_CONSISTENCY(e)
#endif

/** The brigade's sentinel: the end marker of loops over its buckets. */
#define APR_BRIGADE_SENTINEL(b) APR_RING_SENTINEL(&(b)->list, apr_bucket, link)
/** Whether the brigade has no buckets. */
#define APR_BRIGADE_EMPTY(b) APR_RING_EMPTY(&(b)->list, apr_bucket, link)
/** The first bucket (the sentinel when empty). */
#define APR_BRIGADE_FIRST(b) APR_RING_FIRST(&(b)->list)
/** The last bucket (the sentinel when empty). */
#define APR_BRIGADE_LAST(b) APR_RING_LAST(&(b)->list)

/** Inserts bucket @a e at the front of brigade @a b. */
#define APR_BRIGADE_INSERT_HEAD(b, e) do {                                   \
        apr_bucket *ap__b = (e);                                             \
        APR_RING_INSERT_HEAD(&(b)->list, ap__b, apr_bucket, link);           \
        APR_BRIGADE_CHECK_CONSISTENCY((b));                                  \
    } while (0)

/** Appends bucket @a e to brigade @a b. */
#define APR_BRIGADE_INSERT_TAIL(b, e) do {                                   \
        apr_bucket *ap__b = (e);                                             \
        APR_RING_INSERT_TAIL(&(b)->list, ap__b, apr_bucket, link);           \
        APR_BRIGADE_CHECK_CONSISTENCY((b));                                  \
    } while (0)

/** Moves all of brigade @a b's buckets to the end of brigade @a a. */
#define APR_BRIGADE_CONCAT(a, b) do {                                        \
        APR_RING_CONCAT(&(a)->list, &(b)->list, apr_bucket, link);           \
        APR_BRIGADE_CHECK_CONSISTENCY((a));                                  \
    } while (0)

/** Moves all of brigade @a b's buckets to the front of brigade @a a. */
#define APR_BRIGADE_PREPEND(a, b) do {                                       \
        APR_RING_PREPEND(&(a)->list, &(b)->list, apr_bucket, link);          \
        APR_BRIGADE_CHECK_CONSISTENCY((a));                                  \
    } while (0)

/** Inserts bucket @a b just before bucket @a a. */
#define APR_BUCKET_INSERT_BEFORE(a, b) do {                                  \
        apr_bucket *ap__a = (a), *ap__b = (b);                               \
        APR_RING_INSERT_BEFORE(ap__a, ap__b, link);                          \
        APR_BUCKET_CHECK_CONSISTENCY(ap__a);                                 \
    } while (0)

/** Inserts bucket @a b just after bucket @a a. */
#define APR_BUCKET_INSERT_AFTER(a, b) do {                                   \
        apr_bucket *ap__a = (a), *ap__b = (b);                               \
        APR_RING_INSERT_AFTER(ap__a, ap__b, link);                           \
        APR_BUCKET_CHECK_CONSISTENCY(ap__a);                                 \
    } while (0)

/** The bucket after @a e (the sentinel after the last). */
#define APR_BUCKET_NEXT(e) APR_RING_NEXT((e), link)
/** The bucket before @a e (the sentinel before the first). */
#define APR_BUCKET_PREV(e) APR_RING_PREV((e), link)
/** Unlinks @a e from its brigade; it is not destroyed. */
#define APR_BUCKET_REMOVE(e) APR_RING_REMOVE((e), link)
/** Makes @a e a ring of its own (what a new bucket needs). */
#define APR_BUCKET_INIT(e) APR_RING_ELEM_INIT((e), link)

/** Whether @a e holds metadata rather than data. */
#define APR_BUCKET_IS_METADATA(e) ((e)->type->is_metadata)
/** Whether @a e is a FLUSH bucket. */
#define APR_BUCKET_IS_FLUSH(e) ((e)->type == &apr_bucket_type_flush)
/** Whether @a e is an EOS bucket. */
#define APR_BUCKET_IS_EOS(e) ((e)->type == &apr_bucket_type_eos)
/** Whether @a e is a FILE bucket. */
#define APR_BUCKET_IS_FILE(e) ((e)->type == &apr_bucket_type_file)
/** Whether @a e is a PIPE bucket. */
#define APR_BUCKET_IS_PIPE(e) ((e)->type == &apr_bucket_type_pipe)
/** Whether @a e is a SOCKET bucket. */
#define APR_BUCKET_IS_SOCKET(e) ((e)->type == &apr_bucket_type_socket)
/** Whether @a e is a HEAP bucket. */
#define APR_BUCKET_IS_HEAP(e) ((e)->type == &apr_bucket_type_heap)
/** Whether @a e is a TRANSIENT bucket. */
#define APR_BUCKET_IS_TRANSIENT(e) ((e)->type == &apr_bucket_type_transient)
/** Whether @a e is an IMMORTAL bucket. */
#define APR_BUCKET_IS_IMMORTAL(e) ((e)->type == &apr_bucket_type_immortal)
#if APR_HAS_MMAP
/** Whether @a e is an MMAP bucket. */
#define APR_BUCKET_IS_MMAP(e) ((e)->type == &apr_bucket_type_mmap)
#endif
/** Whether @a e is a POOL bucket. */
#define APR_BUCKET_IS_POOL(e) ((e)->type == &apr_bucket_type_pool)

/* ---- shared (reference-counted) bucket data ------------------------- */

/** @see struct apr_bucket_refcount */
typedef struct apr_bucket_refcount apr_bucket_refcount;
/** The head of the private data of types whose buckets share one block
 *  of data (heap, pool, mmap, file): the number of buckets using it. */
struct apr_bucket_refcount {
    /** How many buckets refer to this data. */
    int refcount;
};

/** @see struct apr_bucket_heap */
typedef struct apr_bucket_heap apr_bucket_heap;
/** The private data of HEAP buckets. */
struct apr_bucket_heap {
    /** Buckets sharing this memory. */
    apr_bucket_refcount refcount;
    /** The allocated block (the buckets' data are offsets into it). */
    char *base;
    /** The size of the block at base. */
    apr_size_t alloc_len;
    /** Frees base when the last bucket goes. */
    void (*free_func)(void *data);
};

/** @see struct apr_bucket_pool */
typedef struct apr_bucket_pool apr_bucket_pool;
/** The private data of POOL buckets. It starts with the heap data it
 *  becomes when the pool is cleaned up first: the cleanup copies the
 *  bytes to the heap, and each bucket turns into a HEAP bucket on its
 *  next read, sharing the same refcount. */
struct apr_bucket_pool {
    /** The heap bucket data used once the pool is gone (base is NULL
     *  until then). */
    apr_bucket_heap heap;
    /** The pool memory holding the bytes; NULL after the pool cleanup. */
    const char *base;
    /** The pool the bytes live in; NULL once they were moved to the heap. */
    apr_pool_t *pool;
    /** The allocator the heap copy is made from. */
    apr_bucket_alloc_t *list;
};

#if APR_HAS_MMAP
/** @see struct apr_bucket_mmap */
typedef struct apr_bucket_mmap apr_bucket_mmap;
/** The private data of MMAP buckets. */
struct apr_bucket_mmap {
    /** Buckets sharing this mapping. */
    apr_bucket_refcount refcount;
    /** The mapping; NULL once its pool deleted it under the buckets. */
    apr_mmap_t *mmap;
};
#endif

/** @see struct apr_bucket_file */
typedef struct apr_bucket_file apr_bucket_file;
/** The private data of FILE buckets. */
struct apr_bucket_file {
    /** Buckets sharing this file. */
    apr_bucket_refcount refcount;
    /** The open file. */
    apr_file_t *fd;
    /** The pool reads allocate from (mappings, reopened files). */
    apr_pool_t *readpool;
#if APR_HAS_MMAP
    /** Whether reading may memory-map the file. */
    int can_mmap;
#endif
    /** How many bytes one read takes from the file. */
    apr_size_t read_size;
};

/** @see union apr_bucket_structs */
typedef union apr_bucket_structs apr_bucket_structs;
/** All the bucket structures, to size APR_BUCKET_ALLOC_SIZE. */
union apr_bucket_structs {
    apr_bucket b;           /**< a bucket */
    apr_bucket_heap heap;   /**< heap data */
    apr_bucket_pool pool;   /**< pool data */
#if APR_HAS_MMAP
    apr_bucket_mmap mmap;   /**< mmap data */
#endif
    apr_bucket_file file;   /**< file data */
};

/** The block size the bucket allocator keeps free lists of: twice the
 *  largest bucket structure, leaving room for other modules' types. */
#define APR_BUCKET_ALLOC_SIZE APR_ALIGN_DEFAULT(2 * sizeof(apr_bucket_structs))

/* ---- brigades -------------------------------------------------------- */

/**
 * Creates an empty brigade, with a cleanup on @a p that empties it.
 * @param p The pool owning the brigade structure.
 * @param list The allocator for the brigade's buckets.
 * @return The new brigade.
 */
APU_DECLARE(apr_bucket_brigade *) apr_brigade_create(apr_pool_t *p,
                                                     apr_bucket_alloc_t *list);

/**
 * Destroys every bucket of @a b and kills the brigade's pool cleanup; the
 * structure itself stays in the pool.
 * @param b The brigade.
 * @return APR_SUCCESS.
 */
APU_DECLARE(apr_status_t) apr_brigade_destroy(apr_bucket_brigade *b);

/**
 * Destroys every bucket of a brigade, keeping the brigade usable (and its
 * cleanup registered): the way to reuse one brigade many times.
 * @param data The brigade (void * so that it can be a pool cleanup).
 * @return APR_SUCCESS.
 */
APU_DECLARE(apr_status_t) apr_brigade_cleanup(void *data);

/**
 * Moves the buckets from @a e to the end of @a b into brigade @a a.
 * @param b The brigade to split.
 * @param e The first bucket to move (the sentinel moves none).
 * @param a The brigade to move them into, emptied first; NULL creates a
 *          new one in @a b's pool (an allocation per call: reuse one).
 * @return @a a, or the new brigade.
 */
APU_DECLARE(apr_bucket_brigade *) apr_brigade_split_ex(apr_bucket_brigade *b,
                                                       apr_bucket *e,
                                                       apr_bucket_brigade *a);

/**
 * Moves the buckets from @a e to the end of @a b into a new brigade made
 * in @a b's pool (each call allocates one).
 * @param b The brigade to split.
 * @param e The first bucket to move.
 * @return The new brigade.
 */
APU_DECLARE(apr_bucket_brigade *) apr_brigade_split(apr_bucket_brigade *b,
                                                    apr_bucket *e);

/**
 * Makes a bucket boundary at byte offset @a point of brigade @a b, splitting
 * (and if needed first reading) the bucket that spans it.
 * @param b The brigade.
 * @param point The offset from the start of the brigade.
 * @param after_point Set to the first bucket after the boundary.
 * @return APR_SUCCESS; APR_INCOMPLETE if the brigade is shorter than
 *         @a point (then @a after_point is the sentinel); APR_EINVAL for a
 *         negative @a point; or the error of a bucket read or split.
 */
APU_DECLARE(apr_status_t) apr_brigade_partition(apr_bucket_brigade *b,
                                                apr_off_t point,
                                                apr_bucket **after_point);

/**
 * Adds up the lengths of a brigade's buckets.
 * @param bb The brigade.
 * @param read_all Read buckets of unknown length to learn it; when 0 such
 *                 a bucket makes the result -1.
 * @param length The total (up to a bucket that failed to read), or -1.
 * @return APR_SUCCESS or the error of a bucket read.
 */
APU_DECLARE(apr_status_t) apr_brigade_length(apr_bucket_brigade *bb,
                                             int read_all,
                                             apr_off_t *length);

/**
 * Copies the brigade's bytes (blocking reads) into a buffer.
 * @param bb The brigade (left as it was, apart from reads morphing buckets).
 * @param c The buffer.
 * @param len In: the buffer size. Out: the bytes copied.
 * @return APR_SUCCESS or the error of a bucket read.
 */
APU_DECLARE(apr_status_t) apr_brigade_flatten(apr_bucket_brigade *bb,
                                              char *c,
                                              apr_size_t *len);

/**
 * Copies all of the brigade's bytes into memory allocated from @a pool
 * (not NUL-terminated).
 * @param bb The brigade.
 * @param c Set to the bytes.
 * @param len Set to their number.
 * @param pool The pool to allocate from.
 * @return APR_SUCCESS or the error of a bucket read.
 */
APU_DECLARE(apr_status_t) apr_brigade_pflatten(apr_bucket_brigade *bb,
                                               char **c,
                                               apr_size_t *len,
                                               apr_pool_t *pool);

/**
 * Moves one line, up to and including its LF, from the front of @a bbIn
 * to the end of @a bbOut, splitting the bucket that holds the LF. Buckets
 * before it move whole (small ones are copied and coalesced).
 * @param bbOut Receives the line.
 * @param bbIn The brigade to take it from.
 * @param block Whether bucket reads may wait.
 * @param maxbytes Stop once this many bytes moved without a LF (the line
 *                 is then partial and may exceed it by one bucket).
 * @return APR_SUCCESS (also when @a bbIn ran out before a LF) or the error
 *         of a bucket read, such as APR_EAGAIN with APR_NONBLOCK_READ.
 */
APU_DECLARE(apr_status_t) apr_brigade_split_line(apr_bucket_brigade *bbOut,
                                                 apr_bucket_brigade *bbIn,
                                                 apr_read_type_e block,
                                                 apr_off_t maxbytes);

/**
 * Fills an iovec array with the brigade's buckets, one entry per bucket
 * (non-blocking reads; metadata buckets give empty entries).
 * @param b The brigade.
 * @param vec The array.
 * @param nvec In: its size. Out: the entries filled.
 * @return APR_SUCCESS or the error of a bucket read.
 */
APU_DECLARE(apr_status_t) apr_brigade_to_iovec(apr_bucket_brigade *b,
                                               struct iovec *vec, int *nvec);

/**
 * Writes NUL-terminated strings to the end of a brigade.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param va The strings, ending with a NULL pointer.
 * @return APR_SUCCESS or the error @a flush returned.
 */
APU_DECLARE(apr_status_t) apr_brigade_vputstrs(apr_bucket_brigade *b,
                                               apr_brigade_flush flush,
                                               void *ctx,
                                               va_list va);

/**
 * Writes bytes to the end of a brigade. A write is copied into the
 * brigade's last HEAP bucket while that has room (and is not shared), else
 * into a new APR_BUCKET_BUFF_SIZE heap buffer. With @a flush, a write
 * larger than the room left is added as a TRANSIENT bucket (no copy) and
 * @a flush is called; without, a write larger than a buffer is copied into
 * a HEAP bucket of its own.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param str The bytes.
 * @param nbyte Their number.
 * @return APR_SUCCESS or the error @a flush returned.
 */
APU_DECLARE(apr_status_t) apr_brigade_write(apr_bucket_brigade *b,
                                            apr_brigade_flush flush, void *ctx,
                                            const char *str, apr_size_t nbyte);

/**
 * Writes several buffers to the end of a brigade, as apr_brigade_write()
 * of their concatenation does.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param vec The buffers.
 * @param nvec Their number.
 * @return APR_SUCCESS or the error @a flush returned.
 */
APU_DECLARE(apr_status_t) apr_brigade_writev(apr_bucket_brigade *b,
                                             apr_brigade_flush flush,
                                             void *ctx,
                                             const struct iovec *vec,
                                             apr_size_t nvec);

/**
 * Writes a NUL-terminated string to the end of a brigade.
 * @param bb The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param str The string.
 * @return APR_SUCCESS or the error @a flush returned.
 */
APU_DECLARE(apr_status_t) apr_brigade_puts(apr_bucket_brigade *bb,
                                           apr_brigade_flush flush, void *ctx,
                                           const char *str);

/**
 * Writes one character to the end of a brigade.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param c The character.
 * @return APR_SUCCESS or the error @a flush returned.
 */
APU_DECLARE(apr_status_t) apr_brigade_putc(apr_bucket_brigade *b,
                                           apr_brigade_flush flush, void *ctx,
                                           const char c);

/**
 * Writes NUL-terminated strings, given as arguments ending with a NULL
 * pointer, to the end of a brigade.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @return APR_SUCCESS or the error @a flush returned.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_brigade_putstrs(apr_bucket_brigade *b,
                                                     apr_brigade_flush flush,
                                                     void *ctx, ...);

/**
 * Formats with apr_vformatter() conventions and writes the result to the
 * end of a brigade.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param fmt The format.
 * @return APR_SUCCESS or an error (that of @a flush when it failed).
 */
APU_DECLARE_NONSTD(apr_status_t) apr_brigade_printf(apr_bucket_brigade *b,
                                                    apr_brigade_flush flush,
                                                    void *ctx,
                                                    const char *fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 4, 5)))
#endif
        ;

/**
 * apr_brigade_printf() with a va_list.
 * @param b The brigade.
 * @param flush Called when the brigade should be passed on, or NULL.
 * @param ctx Passed to @a flush.
 * @param fmt The format.
 * @param va The arguments.
 * @return APR_SUCCESS or an error (that of @a flush when it failed).
 */
APU_DECLARE(apr_status_t) apr_brigade_vprintf(apr_bucket_brigade *b,
                                              apr_brigade_flush flush,
                                              void *ctx,
                                              const char *fmt, va_list va);

/**
 * Appends a segment of a file as FILE buckets; where apr_off_t is wider
 * than apr_size_t, segments of 1 GiB and more are cut into several.
 * @param bb The brigade.
 * @param f The open file.
 * @param start The segment's offset in the file.
 * @param len The segment's length.
 * @param p The pool the buckets read with.
 * @return The last bucket appended.
 */
APU_DECLARE(apr_bucket *) apr_brigade_insert_file(apr_bucket_brigade *bb,
                                                  apr_file_t *f,
                                                  apr_off_t start,
                                                  apr_off_t len,
                                                  apr_pool_t *p);

/* ---- the bucket allocator ------------------------------------------- */

/**
 * Creates a bucket allocator drawing memory from @a p's apr_allocator_t
 * (so freed large blocks go back to it), destroyed with @a p.
 * @param p The pool.
 * @return The allocator.
 * @warning Only one thread at a time may use an allocator.
 */
APU_DECLARE_NONSTD(apr_bucket_alloc_t *) apr_bucket_alloc_create(apr_pool_t *p);

/**
 * Creates a bucket allocator drawing all its memory, its own structure
 * included, from @a allocator. Nothing destroys it automatically.
 * @param allocator The apr_allocator_t.
 * @return The allocator.
 * @warning Only one thread at a time may use an allocator.
 */
APU_DECLARE_NONSTD(apr_bucket_alloc_t *) apr_bucket_alloc_create_ex(
                                                 apr_allocator_t *allocator);

/**
 * Destroys a bucket allocator, giving all its memory back (and killing the
 * pool cleanup of apr_bucket_alloc_create()).
 * @param list The allocator.
 */
APU_DECLARE_NONSTD(void) apr_bucket_alloc_destroy(apr_bucket_alloc_t *list);

/**
 * The usable size of the block apr_bucket_alloc() would hand out for a
 * request of @a size: at least @a size rounded to the allocator's
 * boundaries, minus the overheads, so asking for the result allocates no
 * more than asking for @a size.
 * @param list The allocator.
 * @param size The size wanted.
 * @return The aligned size.
 */
APU_DECLARE_NONSTD(apr_size_t) apr_bucket_alloc_aligned_floor(
                                                 apr_bucket_alloc_t *list,
                                                 apr_size_t size)
#if defined(__GNUC__)
        __attribute__((nonnull(1)))
#endif
        ;

/**
 * Allocates memory for buckets: blocks up to APR_BUCKET_ALLOC_SIZE come
 * from a free list, larger ones from the apr_allocator_t.
 * @param size The size.
 * @param list The allocator.
 * @return The memory, or NULL when out of memory.
 */
APU_DECLARE_NONSTD(void *) apr_bucket_alloc(apr_size_t size,
                                            apr_bucket_alloc_t *list);

/**
 * Frees memory from apr_bucket_alloc() (to the allocator it came from).
 * @param block The memory.
 */
APU_DECLARE_NONSTD(void) apr_bucket_free(void *block);

/* ---- bucket operations ---------------------------------------------- */

/** Destroys bucket @a e (not in a brigade): its type data (unless shared)
 *  and its structure. */
#define apr_bucket_destroy(e) do {                                           \
        apr_bucket *apr__d = (e);                                            \
        apr__d->type->destroy(apr__d->data);                                 \
        apr__d->free(apr__d);                                                \
    } while (0)

/** Removes bucket @a e from its brigade and destroys it. */
#define apr_bucket_delete(e) do {                                            \
        apr_bucket *apr__b = (e);                                            \
        APR_BUCKET_REMOVE(apr__b);                                           \
        apr_bucket_destroy(apr__b);                                          \
    } while (0)

/** Reads bucket @a e (see apr_bucket_type_t.read). */
#define apr_bucket_read(e, str, len, block) (e)->type->read(e, str, len, block)
/** Sets bucket @a e aside for the lifetime of pool @a p. */
#define apr_bucket_setaside(e, p) (e)->type->setaside(e, p)
/** Splits bucket @a e at offset @a point. */
#define apr_bucket_split(e, point) (e)->type->split(e, point)
/** Makes in @a c a second bucket referring to @a e's data. */
#define apr_bucket_copy(e, c) (e)->type->copy(e, c)

/**
 * A setaside for types whose data already lives long enough.
 * @param data The bucket.
 * @param pool Unused.
 * @return APR_SUCCESS.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_setaside_noop(apr_bucket *data,
                                                          apr_pool_t *pool);

/**
 * A setaside for types that cannot be set aside.
 * @param data The bucket.
 * @param pool Unused.
 * @return APR_ENOTIMPL.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_setaside_notimpl(apr_bucket *data,
                                                             apr_pool_t *pool);

/**
 * A split for types that cannot be split.
 * @param data The bucket.
 * @param point Unused.
 * @return APR_ENOTIMPL.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_split_notimpl(apr_bucket *data,
                                                          apr_size_t point);

/**
 * A copy for types that cannot be copied.
 * @param e The bucket.
 * @param c Unused.
 * @return APR_ENOTIMPL.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_copy_notimpl(apr_bucket *e,
                                                         apr_bucket **c);

/**
 * A destroy for types without private data to free.
 * @param data Unused.
 */
APU_DECLARE_NONSTD(void) apr_bucket_destroy_noop(void *data);

/* There is no apr_bucket_read_notimpl: every type must be readable. */

/** The FLUSH type: metadata asking filters to send what they hold. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_flush;
/** The EOS type: metadata marking the end of the stream. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_eos;
/** The FILE type: a segment of an open file, read (or mapped) on demand. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_file;
/** The HEAP type: bytes in a heap block freed with the last bucket. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_heap;
#if APR_HAS_MMAP
/** The MMAP type: a segment of a memory-mapped file. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_mmap;
#endif
/** The POOL type: bytes in a pool, moved to the heap if the pool goes. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_pool;
/** The PIPE type: what a pipe gives, of unknown length until read. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_pipe;
/** The IMMORTAL type: bytes that outlive every bucket (constants). */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_immortal;
/** The TRANSIENT type: bytes valid only until the caller returns (set
 *  aside, they are copied to the heap). */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_transient;
/** The SOCKET type: what a socket gives, of unknown length until read. */
APU_DECLARE_DATA extern const apr_bucket_type_t apr_bucket_type_socket;

/* ---- helpers for bucket types ---------------------------------------- */

/**
 * The split of types whose data is not shared: copies the bucket structure
 * and adjusts both parts' start and length.
 * @param b The bucket.
 * @param point The offset of the second part.
 * @return APR_SUCCESS, or APR_EINVAL when @a point is past the end.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_simple_split(apr_bucket *b,
                                                         apr_size_t point);

/**
 * The copy of types whose data is not shared: a copy of the structure.
 * @param a The bucket.
 * @param b Set to the new bucket (same allocator).
 * @return APR_SUCCESS.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_simple_copy(apr_bucket *a,
                                                        apr_bucket **b);

/**
 * Makes @a b refer to shared data whose first member is an
 * apr_bucket_refcount, setting the count to 1 (the caller sets the type).
 * @param b The bucket.
 * @param data The shared data.
 * @param start The offset of the bucket's bytes.
 * @param length Their number.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_shared_make(apr_bucket *b, void *data,
                                                 apr_off_t start,
                                                 apr_size_t length);

/**
 * Drops one reference to shared data.
 * @param data The shared data.
 * @return Non-zero when that was the last reference (free it now).
 */
APU_DECLARE(int) apr_bucket_shared_destroy(void *data);

/**
 * The split of reference-counted types: a simple split plus a reference.
 * @param b The bucket.
 * @param point The offset of the second part.
 * @return APR_SUCCESS, or APR_EINVAL when @a point is past the end.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_shared_split(apr_bucket *b,
                                                         apr_size_t point);

/**
 * The copy of reference-counted types: a simple copy plus a reference.
 * @param a The bucket.
 * @param b Set to the new bucket.
 * @return APR_SUCCESS.
 */
APU_DECLARE_NONSTD(apr_status_t) apr_bucket_shared_copy(apr_bucket *a,
                                                        apr_bucket **b);

/* ---- creating buckets ------------------------------------------------ */
/* Each type has _create, which allocates the bucket structure from an
 * allocator, and _make, which turns an existing bucket into that type
 * (without destroying its old type data: the caller's business). */

/**
 * Creates an EOS bucket.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_eos_create(apr_bucket_alloc_t *list);

/**
 * Turns @a b into an EOS bucket.
 * @param b The bucket.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_eos_make(apr_bucket *b);

/**
 * Creates a FLUSH bucket.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_flush_create(apr_bucket_alloc_t *list);

/**
 * Turns @a b into a FLUSH bucket.
 * @param b The bucket.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_flush_make(apr_bucket *b);

/**
 * Creates an IMMORTAL bucket referring to (not copying) @a buf.
 * @param buf The bytes, which must outlive the bucket and its copies.
 * @param nbyte Their number.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_immortal_create(const char *buf,
                                                     apr_size_t nbyte,
                                                     apr_bucket_alloc_t *list);

/**
 * Turns @a b into an IMMORTAL bucket referring to @a buf.
 * @param b The bucket.
 * @param buf The bytes.
 * @param nbyte Their number.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_immortal_make(apr_bucket *b,
                                                   const char *buf,
                                                   apr_size_t nbyte);

/**
 * Creates a TRANSIENT bucket referring to (not copying) @a buf; setting it
 * aside copies the bytes to the heap.
 * @param buf The bytes, valid until the creator returns.
 * @param nbyte Their number.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_transient_create(const char *buf,
                                                      apr_size_t nbyte,
                                                      apr_bucket_alloc_t *list);

/**
 * Turns @a b into a TRANSIENT bucket referring to @a buf.
 * @param b The bucket.
 * @param buf The bytes.
 * @param nbyte Their number.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_transient_make(apr_bucket *b,
                                                    const char *buf,
                                                    apr_size_t nbyte);

/**
 * Creates a HEAP bucket. With @a free_func NULL the bytes are copied into
 * a block from @a list; otherwise the bucket takes @a buf over and calls
 * @a free_func on it when the last bucket sharing it goes.
 * @param buf The bytes.
 * @param nbyte Their number.
 * @param free_func The function freeing @a buf, or NULL to copy.
 * @param list The allocator.
 * @return The bucket, or NULL when the copy could not be allocated.
 */
APU_DECLARE(apr_bucket *) apr_bucket_heap_create(const char *buf,
                                                 apr_size_t nbyte,
                                                 void (*free_func)(void *data),
                                                 apr_bucket_alloc_t *list);

/**
 * Turns @a b into a HEAP bucket, as apr_bucket_heap_create() does.
 * @param b The bucket.
 * @param buf The bytes.
 * @param nbyte Their number.
 * @param free_func The function freeing @a buf, or NULL to copy.
 * @return @a b, or NULL when the copy could not be allocated.
 */
APU_DECLARE(apr_bucket *) apr_bucket_heap_make(apr_bucket *b, const char *buf,
                                               apr_size_t nbyte,
                                               void (*free_func)(void *data));

/**
 * Creates a POOL bucket referring to (not copying) bytes in @a pool. If
 * the pool is cleaned up while buckets still refer to them, its cleanup
 * copies them to the heap and the buckets become HEAP buckets.
 * @param buf The bytes, allocated from @a pool.
 * @param length Their number.
 * @param pool The pool.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_pool_create(const char *buf,
                                                 apr_size_t length,
                                                 apr_pool_t *pool,
                                                 apr_bucket_alloc_t *list);

/**
 * Turns @a b into a POOL bucket, as apr_bucket_pool_create() does.
 * @param b The bucket.
 * @param buf The bytes, allocated from @a pool.
 * @param length Their number.
 * @param pool The pool.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_pool_make(apr_bucket *b, const char *buf,
                                               apr_size_t length,
                                               apr_pool_t *pool);

#if APR_HAS_MMAP
/**
 * Creates an MMAP bucket for a segment of a mapping. The last bucket
 * sharing the mapping deletes it; if the mapping's pool deletes it first,
 * the buckets can only be destroyed (reads return APR_EINVAL).
 * @param mm The mapping.
 * @param start The segment's offset in it.
 * @param length The segment's length.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_mmap_create(apr_mmap_t *mm,
                                                 apr_off_t start,
                                                 apr_size_t length,
                                                 apr_bucket_alloc_t *list);

/**
 * Turns @a b into an MMAP bucket, as apr_bucket_mmap_create() does.
 * @param b The bucket.
 * @param mm The mapping.
 * @param start The segment's offset in it.
 * @param length The segment's length.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_mmap_make(apr_bucket *b, apr_mmap_t *mm,
                                               apr_off_t start,
                                               apr_size_t length);
#endif

/**
 * Creates a SOCKET bucket. A read takes up to APR_BUCKET_BUFF_SIZE bytes
 * into a HEAP bucket and puts a new SOCKET bucket after it; at end of
 * stream the bucket becomes an empty IMMORTAL one. The socket is not
 * closed by the bucket.
 * @param thissock The socket.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_socket_create(apr_socket_t *thissock,
                                                   apr_bucket_alloc_t *list);

/**
 * Turns @a b into a SOCKET bucket.
 * @param b The bucket.
 * @param thissock The socket.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_socket_make(apr_bucket *b,
                                                 apr_socket_t *thissock);

/**
 * Creates a PIPE bucket, read like a SOCKET bucket; the read that meets
 * end of file closes the pipe.
 * @param thispipe The pipe.
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_pipe_create(apr_file_t *thispipe,
                                                 apr_bucket_alloc_t *list);

/**
 * Turns @a b into a PIPE bucket.
 * @param b The bucket.
 * @param thispipe The pipe.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_pipe_make(apr_bucket *b,
                                               apr_file_t *thispipe);

/**
 * Creates a FILE bucket for a segment of an open file. A read maps the
 * segment (up to APR_MMAP_LIMIT at a time) when mapping is enabled, else
 * reads up to the bucket's buffer size into a HEAP bucket and puts a FILE
 * bucket for the rest after it. The file is not closed by the bucket.
 * @param fd The file.
 * @param offset The segment's offset.
 * @param len The segment's length.
 * @param p The pool reads allocate from (mappings, reopened files).
 * @param list The allocator.
 * @return The bucket.
 */
APU_DECLARE(apr_bucket *) apr_bucket_file_create(apr_file_t *fd,
                                                 apr_off_t offset,
                                                 apr_size_t len,
                                                 apr_pool_t *p,
                                                 apr_bucket_alloc_t *list);

/**
 * Turns @a b into a FILE bucket, as apr_bucket_file_create() does.
 * @param b The bucket.
 * @param fd The file.
 * @param offset The segment's offset.
 * @param len The segment's length.
 * @param p The pool reads allocate from.
 * @return @a b.
 */
APU_DECLARE(apr_bucket *) apr_bucket_file_make(apr_bucket *b, apr_file_t *fd,
                                               apr_off_t offset,
                                               apr_size_t len, apr_pool_t *p);

/**
 * Allows or forbids memory-mapping when FILE bucket @a b is read (allowed
 * by default).
 * @param b The FILE bucket.
 * @param enabled Non-zero to allow.
 * @return APR_SUCCESS, or APR_ENOTIMPL without mmap support.
 */
APU_DECLARE(apr_status_t) apr_bucket_file_enable_mmap(apr_bucket *b,
                                                      int enabled);

/**
 * Sets how many bytes one read of FILE bucket @a b takes: sizes up to
 * APR_BUCKET_BUFF_SIZE give APR_BUCKET_BUFF_SIZE; larger ones are floored
 * with apr_bucket_alloc_aligned_floor().
 * @param b The FILE bucket.
 * @param size The size wanted.
 * @return APR_SUCCESS.
 */
APU_DECLARE(apr_status_t) apr_bucket_file_set_buf_size(apr_bucket *b,
                                                       apr_size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* !APR_BUCKETS_H */
