/*
 * os_sys.c: facts about the machine that APR does not provide.
 */
#include <unistd.h>

#include "os_sys.h"

int ap__os_online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n > 0 ? (int)n : 1;
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ap__os_heap_trim(void)
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
