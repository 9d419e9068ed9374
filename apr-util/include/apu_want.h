/*
 * apu_want.h: pull in the headers of optional providers portably.
 *
 *   APU_WANT_DB   the Berkeley DB header, when this build has it
 *
 * There is deliberately no include guard.
 */
#include "apu.h"

#ifdef APU_WANT_DB
#if APU_HAVE_DB
#include <db.h>
#endif
#undef APU_WANT_DB
#endif
