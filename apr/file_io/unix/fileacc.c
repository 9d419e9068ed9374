/*
 * Conversion between APR_FPROT_* permission bits and unix mode bits.
 * The two sets have the same shape (set-id/sticky, then owner, group,
 * others), only the bit positions differ, so each is a small table walk.
 */
#include "apr_arch_file_io.h"

/* One APR permission bit and the mode bit it stands for. */
struct perm_bit {
    apr_fileperms_t perm;
    mode_t mode;
};

static const struct perm_bit perm_bits[] = {
    {APR_FPROT_USETID, S_ISUID},   {APR_FPROT_UREAD, S_IRUSR},
    {APR_FPROT_UWRITE, S_IWUSR},   {APR_FPROT_UEXECUTE, S_IXUSR},
    {APR_FPROT_GSETID, S_ISGID},   {APR_FPROT_GREAD, S_IRGRP},
    {APR_FPROT_GWRITE, S_IWGRP},   {APR_FPROT_GEXECUTE, S_IXGRP},
    {APR_FPROT_WSTICKY, S_ISVTX},  {APR_FPROT_WREAD, S_IROTH},
    {APR_FPROT_WWRITE, S_IWOTH},   {APR_FPROT_WEXECUTE, S_IXOTH},
};

#define PERM_BITS (sizeof perm_bits / sizeof perm_bits[0])

mode_t apr__perms_to_mode(apr_fileperms_t perms)
{
    mode_t mode = 0;
    size_t i;

    for (i = 0; i < PERM_BITS; i++)
        if (perms & perm_bits[i].perm)
            mode |= perm_bits[i].mode;
    return mode;
}

apr_fileperms_t apr__mode_to_perms(mode_t mode)
{
    apr_fileperms_t perms = 0;
    size_t i;

    for (i = 0; i < PERM_BITS; i++)
        if (mode & perm_bits[i].mode)
            perms |= perm_bits[i].perm;
    return perms;
}
