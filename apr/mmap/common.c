/*
 * The parts of apr_mmap.h that are the same on every platform.
 */
#include "apr_mmap.h"

/* The end of the map (offset == size) is a valid address to compute,
 * though not to read: callers use it as an end pointer. */
APR_DECLARE(apr_status_t) apr_mmap_offset(void **addr, apr_mmap_t *mm,
                                          apr_off_t offset)
{
    if (offset < 0 || (apr_uint64_t)offset > (apr_uint64_t)mm->size)
        return APR_EINVAL;
    *addr = (char *)mm->mm + offset;
    return APR_SUCCESS;
}
