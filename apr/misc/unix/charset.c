/*
 * Names of character sets: the system default and the current locale's
 * (apr_portable.h). Used by apr-util's iconv translations.
 */
#include "apr_private_config.h"
#include "apr_portable.h"
#include "apr_strings.h"

#if HAVE_NL_LANGINFO
#include <langinfo.h>
#endif

/* A unix system has no notion of a default character set beyond its
 * locale; APR has always answered Latin-1 here, and callers compare. */
APR_DECLARE(const char *) apr_os_default_encoding(apr_pool_t *pool)
{
    (void)pool;
    return "ISO-8859-1";
}

/* nl_langinfo()'s buffer may be overwritten by the next call or a
 * setlocale(): the name is copied into the pool. */
APR_DECLARE(const char *) apr_os_locale_encoding(apr_pool_t *pool)
{
#if HAVE_NL_LANGINFO
    const char *name = nl_langinfo(CODESET);

    if (name != NULL && *name != '\0')
        return apr_pstrdup(pool, name);
#endif
    return apr_os_default_encoding(pool);
}
