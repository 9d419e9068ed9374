/*
 * Shared memory segments on unix.
 *
 * Anonymous: one MAP_SHARED|MAP_ANONYMOUS mapping, shared with the
 * children forked after it was made. Named: a POSIX shared memory object
 * (shm_open) named "/ShM.<h1>H<h2>" from two hashes of the caller's file
 * name, as Debian's APR 1.7 does, so the two libraries find each other's
 * segments; the file itself is never created, and its directory need not
 * exist. The object starts with a header holding the requested size.
 *
 * Statuses follow Debian's APR: a name in use is APR_EEXIST, detaching an
 * anonymous segment is APR_EINVAL, deleting one APR_ENOTIMPL, and
 * apr_shm_destroy() of an attached segment unmaps it and removes the name
 * (httpd's slotmem relies on that). Unlike APR, a segment remembers that
 * it is unmapped, so a second destroy or detach never unmaps whatever the
 * kernel placed at the old address since.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apr_arch_file_io.h"
#include "apr_arch_shm.h"
#include "apr_hash.h"
#include "apr_portable.h"
#include "apr_strings.h"

/* Sedgewick's multiplicative string hash, APR's second hash of the name
 * (over signed chars, as APR's loop reads them). */
static unsigned int rs_hash(const char *s)
{
    unsigned int mult = 63689, h = 0;

    for (; *s; s++) {
        h = h * mult + (unsigned int)(int)*s;
        mult *= 378551;
    }
    return h;
}

static const char *object_name(const char *filename, apr_pool_t *pool)
{
    apr_ssize_t len = (apr_ssize_t)strlen(filename);
    unsigned int h1 = apr_hashfunc_default(filename, &len);

    return apr_psprintf(pool, "/ShM.%xH%x", h1, rs_hash(filename));
}

/* Unmap (once) and, for a named segment, remove the name when asked. */
static apr_status_t unmap(apr_shm_t *m)
{
    void *base = m->base;

    if (base == NULL)
        return APR_SUCCESS;
    m->base = NULL;
    if (munmap(base, m->realsize) != 0)
        return errno;
    return APR_SUCCESS;
}

static apr_status_t cleanup_owner(void *data)
{
    apr_shm_t *m = data;
    apr_status_t rv = unmap(m);

    if (rv != APR_SUCCESS || m->objname == NULL)
        return rv;
    if (shm_unlink(m->objname) != 0 && errno != ENOENT)
        return errno;
    return APR_SUCCESS;
}

static apr_status_t cleanup_attach(void *data)
{
    return unmap(data);
}

static apr_status_t create_anonymous(apr_shm_t *m)
{
    void *base = mmap(NULL, m->realsize, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);

    if (base == MAP_FAILED)
        return errno;
    m->base = m->usable = base;
    return APR_SUCCESS;
}

/* Map the open object fd and point usable past the header. */
static apr_status_t map_object(apr_shm_t *m, int fd)
{
    void *base = mmap(NULL, m->realsize, PROT_READ | PROT_WRITE, MAP_SHARED,
                      fd, 0);

    if (base == MAP_FAILED)
        return errno;
    m->base = base;
    m->usable = (char *)base + APR__SHM_HEADER;
    return APR_SUCCESS;
}

static apr_status_t create_named(apr_shm_t *m)
{
    apr_status_t rv;
    int fd;

    if (m->reqsize > (apr_size_t)-1 - APR__SHM_HEADER)
        return APR_EINVAL;
    m->realsize = m->reqsize + APR__SHM_HEADER;
    fd = shm_open(m->objname, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
                  S_IRUSR | S_IWUSR);
    if (fd < 0)
        return errno;
    rv = ftruncate(fd, (off_t)m->realsize) == 0 ? APR_SUCCESS : errno;
    if (rv == APR_SUCCESS)
        rv = map_object(m, fd);
    close(fd);
    if (rv != APR_SUCCESS) {
        shm_unlink(m->objname);
        return rv;
    }
    *(apr_size_t *)m->base = m->reqsize;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_shm_create(apr_shm_t **m, apr_size_t reqsize,
                                         const char *filename,
                                         apr_pool_t *pool)
{
    apr_shm_t *shm = apr_pcalloc(pool, sizeof(*shm));
    apr_status_t rv;

    shm->pool = pool;
    shm->reqsize = shm->realsize = reqsize;
    shm->owner = 1;
    if (filename == NULL) {
        /* mmap() refuses a zero length; APR accepts a zero size. */
        if (shm->realsize == 0)
            shm->realsize = 1;
        rv = create_anonymous(shm);
    }
    else {
        shm->filename = apr_pstrdup(pool, filename);
        shm->objname = object_name(filename, pool);
        rv = create_named(shm);
    }
    if (rv != APR_SUCCESS)
        return rv;
    apr_pool_cleanup_register(pool, shm, cleanup_owner,
                              apr_pool_cleanup_null);
    *m = shm;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_shm_create_ex(apr_shm_t **m,
                                            apr_size_t reqsize,
                                            const char *filename,
                                            apr_pool_t *pool,
                                            apr_int32_t flags)
{
    (void)flags; /* name spaces exist on Windows only */
    return apr_shm_create(m, reqsize, filename, pool);
}

APR_DECLARE(apr_status_t) apr_shm_remove(const char *filename,
                                         apr_pool_t *pool)
{
    if (shm_unlink(object_name(filename, pool)) != 0)
        return errno;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_shm_delete(apr_shm_t *m)
{
    if (m->filename == NULL)
        return APR_ENOTIMPL;
    return apr_shm_remove(m->filename, m->pool);
}

APR_DECLARE(apr_status_t) apr_shm_destroy(apr_shm_t *m)
{
    apr_pool_cleanup_kill(m->pool, m, cleanup_owner);
    apr_pool_cleanup_kill(m->pool, m, cleanup_attach);
    return cleanup_owner(m);
}

/* Check that the object is big enough for its header and the size the
 * header announces, and set the sizes from it. */
static apr_status_t read_sizes(apr_shm_t *m, int fd)
{
    struct stat st;
    apr_size_t announced;

    if (fstat(fd, &st) != 0)
        return errno;
    if ((apr_size_t)st.st_size < APR__SHM_HEADER)
        return APR_EINVAL;
    m->realsize = (apr_size_t)st.st_size;
    if (pread(fd, &announced, sizeof(announced), 0) !=
        (ssize_t)sizeof(announced))
        return APR_EINVAL;
    if (announced > m->realsize - APR__SHM_HEADER)
        return APR_EINVAL;
    m->reqsize = announced;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_shm_attach(apr_shm_t **m,
                                         const char *filename,
                                         apr_pool_t *pool)
{
    apr_shm_t *shm;
    apr_status_t rv;
    int fd;

    if (filename == NULL)
        return APR_EINVAL;
    shm = apr_pcalloc(pool, sizeof(*shm));
    shm->pool = pool;
    shm->filename = apr_pstrdup(pool, filename);
    shm->objname = object_name(filename, pool);
    fd = shm_open(shm->objname, O_RDWR | O_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    rv = read_sizes(shm, fd);
    if (rv == APR_SUCCESS)
        rv = map_object(shm, fd);
    close(fd);
    if (rv != APR_SUCCESS)
        return rv;
    apr_pool_cleanup_register(pool, shm, cleanup_attach,
                              apr_pool_cleanup_null);
    *m = shm;
    return APR_SUCCESS;
}

APR_DECLARE(apr_status_t) apr_shm_attach_ex(apr_shm_t **m,
                                            const char *filename,
                                            apr_pool_t *pool,
                                            apr_int32_t flags)
{
    (void)flags; /* name spaces exist on Windows only */
    return apr_shm_attach(m, filename, pool);
}

/* A creator that detaches keeps its cleanup, which removes the name when
 * the pool goes (as in APR). */
APR_DECLARE(apr_status_t) apr_shm_detach(apr_shm_t *m)
{
    if (m->filename == NULL)
        return APR_EINVAL;
    if (!m->owner)
        apr_pool_cleanup_kill(m->pool, m, cleanup_attach);
    return unmap(m);
}

APR_DECLARE(void *) apr_shm_baseaddr_get(const apr_shm_t *m)
{
    return m->usable;
}

APR_DECLARE(apr_size_t) apr_shm_size_get(const apr_shm_t *m)
{
    return m->reqsize;
}

/* APR 1.7 returns APR_ENOTIMPL for shm_open() segments; the object can
 * be given an owner and a mode like any file, so we do. */
APR_PERMS_SET_IMPLEMENT(shm)
{
    apr_shm_t *m = theshm;
    apr_status_t rv = APR_SUCCESS;
    int fd;

    if (m->objname == NULL)
        return APR_ENOTIMPL;
    fd = shm_open(m->objname, O_RDWR | O_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    if (fchmod(fd, apr__perms_to_mode(perms)) != 0)
        rv = errno;
    else if ((uid != (apr_uid_t)-1 || gid != (apr_gid_t)-1) &&
             fchown(fd, uid, gid) != 0)
        rv = errno;
    close(fd);
    return rv;
}

APR_POOL_IMPLEMENT_ACCESSOR(shm)

/* APR 1.7 returns APR_ENOTIMPL from both conversions on unix; the native
 * form of a segment is its base address, so we give and take that. */
APR_DECLARE(apr_status_t) apr_os_shm_get(apr_os_shm_t *osshm,
                                         apr_shm_t *shm)
{
    *osshm = shm->usable;
    return APR_SUCCESS;
}

/* The wrapped segment is anonymous, of unknown (0) size and not ours to
 * unmap: destroying it does nothing. */
APR_DECLARE(apr_status_t) apr_os_shm_put(apr_shm_t **shm,
                                         apr_os_shm_t *osshm,
                                         apr_pool_t *cont)
{
    apr_shm_t *m = *shm;

    if (m == NULL)
        m = apr_palloc(cont, sizeof(*m));
    memset(m, 0, sizeof(*m));
    m->pool = cont;
    m->usable = *osshm;
    *shm = m;
    return APR_SUCCESS;
}
