/*
 * sdbm_tune.h: the sizes that define the sdbm file format. Changing any of
 * them makes existing databases unreadable.
 */
#ifndef SDBM_TUNE_H
#define SDBM_TUNE_H

/* Bytes per page of the .pag file: the largest pair is a page less its
 * header (the pair count and two offsets). */
#define PBLKSIZ 1024
/* Bytes per block of the .dir bitmap read or written at once. */
#define DBLKSIZ 4096
/* How many times one store may split the page it lands in before giving
 * up: keys whose hashes agree on many low bits cannot be separated. */
#define SPLTMAX 10
/* The hash tree is at most this deep: page numbers fit in 31 bits. */
#define SDBM_MAXHBIT 31

#endif
