/* The APR-util interface version the library implements (apu_version.h). */
#include "apu_version.h"

APU_DECLARE(void) apu_version(apr_version_t *pvsn)
{
    pvsn->major = APU_MAJOR_VERSION;
    pvsn->minor = APU_MINOR_VERSION;
    pvsn->patch = APU_PATCH_VERSION;
#ifdef APU_IS_DEV_VERSION
    pvsn->is_dev = 1;
#else
    pvsn->is_dev = 0;
#endif
}

APU_DECLARE(const char *) apu_version_string(void)
{
    return APU_VERSION_STRING;
}
