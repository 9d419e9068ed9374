/**
 * @file os_sys.h
 * @brief Facts about the machine the server runs on (private to httpd).
 */
#ifndef AP_OS_SYS_H
#define AP_OS_SYS_H

/** Processors online now (at least 1). */
int ap__os_online_cpus(void);

/** Give the free memory of the C heap back to the system, where the C
 *  library can (glibc); a no-op elsewhere. Costs a walk of the heap. */
void ap__os_heap_trim(void);

#endif /* AP_OS_SYS_H */
