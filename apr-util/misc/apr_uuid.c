/*
 * UUIDs (apr_uuid.h).
 *
 * Where APR has the OS's UUID generator (APR_HAS_OS_UUID) it is used. Else
 * a version 1 (time-based) UUID is built: the time in 100 ns steps since
 * 1582-10-15, a clock sequence, and a node id. Like APR-util we have no
 * portable way to read a MAC address, so the node id is random with the
 * multicast bit set (RFC 4122, 4.5), and so is the initial clock sequence;
 * both are drawn once per process. Time stamps come from one atomic
 * counter that never repeats or goes back, so no two UUIDs of a process
 * are equal, from any thread. (A child forked after its parent generated
 * UUIDs shares its node id and sequence, as with APR-util.)
 */
#include <stdatomic.h>
#include <string.h>

#include "apr_uuid.h"
#include "apr_general.h"
#include "apr_lib.h"
#include "apr_portable.h"
#include "apr_time.h"

/* 100 ns steps from 1582-10-15 (the Gregorian reform) to 1970-01-01. */
#define UUID_EPOCH_OFFSET APR_UINT64_C(0x01B21DD213814000)

#define NODE_LENGTH 6

static struct {
    unsigned char node[NODE_LENGTH];
    unsigned char clock_seq[2];
} state;

/* 0: not drawn yet, 1: being drawn, 2: ready. */
static atomic_int state_ready;
static _Atomic apr_uint64_t last_stamp;

/* Fill `state` once, whichever thread gets here first. */
static void init_state(void)
{
    int expected = 0;

    if (atomic_load_explicit(&state_ready, memory_order_acquire) == 2)
        return;
    if (atomic_compare_exchange_strong(&state_ready, &expected, 1)) {
        unsigned char r[NODE_LENGTH + 2];

        if (apr_generate_random_bytes(r, sizeof r) != APR_SUCCESS) {
            /* No entropy source: the start time will have to do. */
            apr_uint64_t t = (apr_uint64_t)apr_time_now();
            size_t i;

            for (i = 0; i < sizeof r; i++)
                r[i] = (unsigned char)(t >> (8 * (i % 8)));
        }
        memcpy(state.node, r, NODE_LENGTH);
        state.node[0] |= 0x01;
        memcpy(state.clock_seq, r + NODE_LENGTH, 2);
        atomic_store_explicit(&state_ready, 2, memory_order_release);
        return;
    }
    while (atomic_load_explicit(&state_ready, memory_order_acquire) != 2)
        ;   /* another thread is drawing 8 random bytes: a short wait */
}

/* The current time as a UUID time stamp, above every earlier one. */
static apr_uint64_t next_stamp(void)
{
    apr_uint64_t now = (apr_uint64_t)apr_time_now() * 10 + UUID_EPOCH_OFFSET;
    apr_uint64_t last = atomic_load(&last_stamp), stamp;

    do {
        stamp = now > last ? now : last + 1;
    } while (!atomic_compare_exchange_weak(&last_stamp, &last, stamp));
    return stamp;
}

APU_DECLARE(void) apr_uuid_get(apr_uuid_t *uuid)
{
    apr_uint64_t t;
    unsigned char *d = uuid->data;

#if APR_HAS_OS_UUID
    if (apr_os_uuid_get(uuid->data) == APR_SUCCESS)
        return;
#endif
    init_state();
    t = next_stamp();
    /* time_low, time_mid, time_hi_and_version: big-endian. */
    d[0] = (unsigned char)(t >> 24);
    d[1] = (unsigned char)(t >> 16);
    d[2] = (unsigned char)(t >> 8);
    d[3] = (unsigned char)t;
    d[4] = (unsigned char)(t >> 40);
    d[5] = (unsigned char)(t >> 32);
    d[6] = (unsigned char)(((t >> 56) & 0x0f) | 0x10);
    d[7] = (unsigned char)(t >> 48);
    /* clock_seq_hi_and_reserved (variant 10xx), clock_seq_low, node. */
    d[8] = (unsigned char)((state.clock_seq[0] & 0x3f) | 0x80);
    d[9] = state.clock_seq[1];
    memcpy(d + 10, state.node, NODE_LENGTH);
}

/* Where each of the 16 bytes starts in the formatted string. */
static const unsigned char byte_pos[16] = {0, 2, 4, 6, 9, 11, 14, 16,
                                           19, 21, 24, 26, 28, 30, 32, 34};

APU_DECLARE(void) apr_uuid_format(char *buffer, const apr_uuid_t *uuid)
{
    static const char hex[] = "0123456789abcdef";
    int i;

    for (i = 0; i < 16; i++) {
        buffer[byte_pos[i]] = hex[uuid->data[i] >> 4];
        buffer[byte_pos[i] + 1] = hex[uuid->data[i] & 0x0f];
    }
    buffer[8] = buffer[13] = buffer[18] = buffer[23] = '-';
    buffer[APR_UUID_FORMATTED_LENGTH] = '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

/* As APR-util does, a hex digit is accepted where a dash belongs (and is
 * ignored); the string must end right after the 36 characters. */
APU_DECLARE(apr_status_t) apr_uuid_parse(apr_uuid_t *uuid,
                                         const char *uuid_str)
{
    int i;

    for (i = 0; i < APR_UUID_FORMATTED_LENGTH; i++) {
        char c = uuid_str[i];
        int dash_pos = i == 8 || i == 13 || i == 18 || i == 23;

        if (!apr_isxdigit(c) && !(dash_pos && c == '-'))
            return APR_BADARG;
    }
    if (uuid_str[APR_UUID_FORMATTED_LENGTH] != '\0')
        return APR_BADARG;
    for (i = 0; i < 16; i++) {
        const char *s = uuid_str + byte_pos[i];

        uuid->data[i] = (unsigned char)(hex_value(s[0]) << 4 | hex_value(s[1]));
    }
    return APR_SUCCESS;
}
