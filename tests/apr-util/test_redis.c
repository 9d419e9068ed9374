/*
 * apr_redis: the client against real redis servers, started by each test
 * on a free loopback port (server_util.h) and stopped by pid. Without
 * redis-server installed, the server tests say so and pass.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "server_util.h"
#include "apr_redis.h"
#include "apr_strings.h"

#define START_OR_SKIP(srv, port)                                          \
    do {                                                                  \
        if (!test_server_binary(TEST_REDIS))                              \
            return;                                                       \
        ck_assert_int_eq(test_server_start(&(srv), TEST_REDIS, (port), p), \
                         0);                                              \
    } while (0)

static apr_redis_t *client_for(apr_uint16_t max, const test_server_t *srv,
                               int n, apr_redis_server_t **out)
{
    apr_redis_t *rc;
    int i;

    ck_assert_int_eq(apr_redis_create(p, max, 0, &rc), APR_SUCCESS);
    for (i = 0; i < n; i++) {
        apr_redis_server_t *rs;
        ck_assert_int_eq(apr_redis_server_create(p, "127.0.0.1", srv[i].port,
                                                 0, 1, 4, 60000000, 5, &rs),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_redis_add_server(rc, rs), APR_SUCCESS);
        if (out)
            out[i] = rs;
    }
    return rc;
}

START_TEST(test_hash_values)
{
    apr_redis_t *rc;

    ck_assert_uint_eq(apr_redis_hash_crc32(NULL, "123456789", 9),
                      0xCBF43926u);
    ck_assert_uint_eq(apr_redis_hash_default(NULL, "123456789", 9), 0x4BF4u);
    ck_assert_int_eq(apr_redis_create(p, 2, 0, &rc), APR_SUCCESS);
    ck_assert_uint_eq(apr_redis_hash(rc, "123456789", 9), 0x4BF4u);
    rc->hash_func = apr_redis_hash_crc32;
    ck_assert_uint_eq(apr_redis_hash(rc, "123456789", 9), 0xCBF43926u);
    ck_assert_int_eq(RC_DEFAULT_SERVER_PORT, 6379);
    ck_assert_int_eq(RC_DEFAULT_SERVER_MIN, 0);
    ck_assert_int_eq(RC_DEFAULT_SERVER_SMAX, 1);
    ck_assert_int_eq(RC_DEFAULT_SERVER_TTL, 600);
}
END_TEST

START_TEST(test_servers_table)
{
    apr_redis_t *rc;
    apr_redis_server_t *a, *b, *c;

    ck_assert_int_eq(apr_redis_create(p, 2, 0, &rc), APR_SUCCESS);
    ck_assert_uint_eq(rc->nalloc, 2);
    ck_assert_uint_eq(rc->ntotal, 0);
    ck_assert_ptr_null(apr_redis_find_server_hash(rc, 7));
    ck_assert_int_eq(apr_redis_server_create(p, "127.0.0.1", 1, 0, 1, 1,
                                             1000000, 3, &a), APR_SUCCESS);
    ck_assert_str_eq(a->host, "127.0.0.1");
    ck_assert_uint_eq(a->port, 1);
    ck_assert_uint_eq(a->rwto, 3);
    /* A new server is dead until added to a client. */
    ck_assert_int_eq(a->status, APR_RC_SERVER_DEAD);
    ck_assert_int_eq(apr_redis_server_create(p, "127.0.0.1", 2, 0, 1, 1,
                                             1000000, 3, &b), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_server_create(p, "127.0.0.1", 3, 0, 1, 1,
                                             1000000, 3, &c), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_add_server(rc, a), APR_SUCCESS);
    ck_assert_int_eq(a->status, APR_RC_SERVER_LIVE);
    ck_assert_int_eq(apr_redis_add_server(rc, b), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_add_server(rc, c), APR_ENOMEM);
    ck_assert_uint_eq(rc->ntotal, 2);

    ck_assert_ptr_eq(apr_redis_find_server(rc, "127.0.0.1", 2), b);
    ck_assert_ptr_null(apr_redis_find_server(rc, "127.0.0.1", 3));

    ck_assert_ptr_eq(apr_redis_find_server_hash(rc, 4), a);
    ck_assert_ptr_eq(apr_redis_find_server_hash(rc, 5), b);
    ck_assert_ptr_eq(apr_redis_find_server_hash(rc, 0), b);
    ck_assert_ptr_eq(apr_redis_find_server_hash_default(NULL, rc, 6), a);

    ck_assert_int_eq(apr_redis_disable_server(rc, a), APR_SUCCESS);
    ck_assert_int_eq(a->status, APR_RC_SERVER_DEAD);
    ck_assert_ptr_eq(apr_redis_find_server_hash(rc, 4), b);
    ck_assert_int_eq(apr_redis_disable_server(rc, b), APR_SUCCESS);
    ck_assert_ptr_null(apr_redis_find_server_hash(rc, 4));
    ck_assert_int_eq(apr_redis_enable_server(rc, a), APR_SUCCESS);
    ck_assert_int_eq(a->status, APR_RC_SERVER_LIVE);
    ck_assert_ptr_eq(apr_redis_find_server_hash(rc, 5), a);
}
END_TEST

START_TEST(test_commands)
{
    test_server_t srv;
    apr_redis_t *rc;
    apr_redis_server_t *rs;
    char *v;
    apr_size_t len;
    apr_uint16_t flags = 0;

    START_OR_SKIP(srv, 0);
    rc = client_for(1, &srv, 1, &rs);
    ck_assert_int_eq(apr_redis_ping(rs), APR_SUCCESS);

    ck_assert_int_eq(apr_redis_getp(rc, p, "k1", &v, &len, &flags),
                     APR_NOTFOUND);
    ck_assert_int_eq(apr_redis_set(rc, "k1", "hello", 5, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "k1", &v, &len, &flags),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 5);
    ck_assert_str_eq(v, "hello");
    ck_assert_int_eq(apr_redis_set(rc, "k1", "bye", 3, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "k1", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_str_eq(v, "bye");
    ck_assert_uint_eq(len, 3);

    ck_assert_int_eq(apr_redis_set(rc, "empty", "", 0, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "empty", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, 0);

    ck_assert_int_eq(apr_redis_delete(rc, "k1", 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_delete(rc, "k1", 0), APR_NOTFOUND);
    ck_assert_int_eq(apr_redis_getp(rc, p, "k1", &v, &len, NULL),
                     APR_NOTFOUND);
    test_server_stop(&srv);
}
END_TEST

START_TEST(test_setex)
{
    test_server_t srv;
    apr_redis_t *rc;
    char *v;
    apr_size_t len;

    START_OR_SKIP(srv, 0);
    rc = client_for(1, &srv, 1, NULL);
    ck_assert_int_eq(apr_redis_setex(rc, "short", "tick", 4, 1, 0),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "short", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_str_eq(v, "tick");
    ck_assert_int_eq(apr_redis_setex(rc, "long", "tock", 4, 100, 0),
                     APR_SUCCESS);
    apr_sleep(apr_time_from_msec(1600));
    ck_assert_int_eq(apr_redis_getp(rc, p, "short", &v, &len, NULL),
                     APR_NOTFOUND);
    ck_assert_int_eq(apr_redis_getp(rc, p, "long", &v, &len, NULL),
                     APR_SUCCESS);
    test_server_stop(&srv);
}
END_TEST

START_TEST(test_incr_decr)
{
    test_server_t srv;
    apr_redis_t *rc;
    apr_uint32_t nv = 99;
    char *v;
    apr_size_t len;

    START_OR_SKIP(srv, 0);
    rc = client_for(1, &srv, 1, NULL);
    /* INCRBY/DECRBY: a missing key counts as 0 */
    ck_assert_int_eq(apr_redis_incr(rc, "n", 3, &nv), APR_SUCCESS);
    ck_assert_uint_eq(nv, 3);
    ck_assert_int_eq(apr_redis_set(rc, "n", "10", 2, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_incr(rc, "n", 5, &nv), APR_SUCCESS);
    ck_assert_uint_eq(nv, 15);
    ck_assert_int_eq(apr_redis_decr(rc, "n", 3, &nv), APR_SUCCESS);
    ck_assert_uint_eq(nv, 12);
    ck_assert_int_eq(apr_redis_decr(rc, "m", 2, &nv), APR_SUCCESS);
    ck_assert_uint_eq(nv, (apr_uint32_t)-2);
    ck_assert_int_eq(apr_redis_getp(rc, p, "n", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_str_eq(v, "12");
    /* not a number: the server's error */
    ck_assert_int_eq(apr_redis_set(rc, "s", "abc", 3, 0), APR_SUCCESS);
    ck_assert_int_ne(apr_redis_incr(rc, "s", 1, &nv), APR_SUCCESS);
    /* the connection is still usable */
    ck_assert_int_eq(apr_redis_getp(rc, p, "s", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_str_eq(v, "abc");
    test_server_stop(&srv);
}
END_TEST

START_TEST(test_version_info_stats)
{
    test_server_t srv;
    apr_redis_t *rc;
    apr_redis_server_t *rs;
    apr_redis_stats_t *st = NULL;
    char *ver = NULL, *info = NULL, *expect;
    int maj = -1, min = -1, pat = -1;

    START_OR_SKIP(srv, 0);
    rc = client_for(1, &srv, 1, &rs);
    ck_assert_int_eq(apr_redis_info(rs, p, &info), APR_SUCCESS);
    ck_assert_ptr_nonnull(info);
    ck_assert_ptr_nonnull(strstr(info, "# Server"));
    expect = strstr(info, "redis_version:");
    ck_assert_ptr_nonnull(expect);
    ck_assert_int_eq(sscanf(expect, "redis_version:%d.%d.%d", &maj, &min,
                            &pat), 3);

    ck_assert_int_eq(apr_redis_version(rs, p, &ver), APR_SUCCESS);
    ck_assert_str_eq(ver, apr_psprintf(p, "%d.%d.%d", maj, min, pat));
    ck_assert_int_eq(rs->version.major, maj);
    ck_assert_int_eq(rs->version.minor, min);
    ck_assert_int_eq(rs->version.patch, pat);
    ck_assert_str_eq(rs->version.number, ver);

    ck_assert_int_eq(apr_redis_set(rc, "a", "1", 1, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_stats(rs, p, &st), APR_SUCCESS);
    ck_assert_ptr_nonnull(st);
    ck_assert_uint_eq(st->major, (apr_uint32_t)maj);
    ck_assert_uint_eq(st->minor, (apr_uint32_t)min);
    ck_assert_uint_eq(st->patch, (apr_uint32_t)pat);
    ck_assert_uint_eq(st->process_id, (apr_uint32_t)srv.pid);
    ck_assert_uint_eq(st->arch_bits, sizeof(void *) * 8);
    ck_assert_uint_ge(st->connected_clients, 1);
    ck_assert_uint_gt(st->used_memory, 0);
    ck_assert_uint_gt(st->total_system_memory, 0);
    ck_assert_uint_ge(st->total_connections_received, 1);
    ck_assert_uint_ge(st->total_commands_processed, 2);
    ck_assert_uint_gt(st->total_net_input_bytes, 0);
    ck_assert_int_eq(st->role, APR_RS_SERVER_MASTER);
    ck_assert_uint_eq(st->connected_slaves, 0);
    ck_assert_uint_eq(st->cluster_enabled, 0);
    test_server_stop(&srv);
}
END_TEST

START_TEST(test_binary_and_large)
{
    test_server_t srv;
    apr_redis_t *rc;
    char bin[256], *big, *v;
    apr_size_t len, i, bigsize = 500 * 1024;

    START_OR_SKIP(srv, 0);
    rc = client_for(1, &srv, 1, NULL);
    for (i = 0; i < sizeof(bin); i++)
        bin[i] = (char)i;
    memcpy(bin + 100, "\r\n$-1\r\n+OK\r\n", 12);
    ck_assert_int_eq(apr_redis_set(rc, "bin", bin, sizeof(bin), 0),
                     APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "bin", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, sizeof(bin));
    ck_assert_int_eq(memcmp(v, bin, len), 0);

    big = apr_palloc(p, bigsize);
    for (i = 0; i < bigsize; i++)
        big[i] = (char)('a' + (i * 7) % 26);
    ck_assert_int_eq(apr_redis_set(rc, "big", big, bigsize, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "big", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, bigsize);
    ck_assert_int_eq(memcmp(v, big, len), 0);
    ck_assert_int_eq(apr_redis_getp(rc, p, "bin", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_uint_eq(len, sizeof(bin));
    test_server_stop(&srv);
}
END_TEST

#define NKEYS 24

START_TEST(test_two_servers)
{
    test_server_t srv[2];
    apr_redis_t *rc, *only0;
    apr_redis_server_t *rs[2];
    int i, on0 = 0, on1 = 0;
    char *v;
    apr_size_t len;

    START_OR_SKIP(srv[0], 0);
    START_OR_SKIP(srv[1], 0);
    rc = client_for(2, srv, 2, rs);
    only0 = client_for(1, srv, 1, NULL);
    for (i = 0; i < NKEYS; i++) {
        const char *key = apr_psprintf(p, "key-%d", i);
        char *val = apr_psprintf(p, "value of %d", i);
        apr_uint32_t h = apr_redis_hash(rc, key, strlen(key));
        apr_redis_server_t *owner = apr_redis_find_server_hash(rc, h);

        ck_assert_ptr_eq(owner, rs[h % 2]);
        ck_assert_int_eq(apr_redis_set(rc, key, val, strlen(val), 0),
                         APR_SUCCESS);
        ck_assert_int_eq(apr_redis_getp(only0, p, key, &v, &len, NULL),
                         owner == rs[0] ? APR_SUCCESS : APR_NOTFOUND);
        ck_assert_int_eq(apr_redis_getp(rc, p, key, &v, &len, NULL),
                         APR_SUCCESS);
        ck_assert_str_eq(v, val);
        if (owner == rs[0])
            on0++;
        else
            on1++;
    }
    ck_assert_int_gt(on0, 0);
    ck_assert_int_gt(on1, 0);
    test_server_stop(&srv[0]);
    test_server_stop(&srv[1]);
}
END_TEST

START_TEST(test_multgetp)
{
    apr_redis_t *rc;
    apr_hash_t *values = apr_hash_make(p);

    /* Declared, but not implemented by APR-util 1.6. */
    ck_assert_int_eq(apr_redis_create(p, 1, 0, &rc), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_multgetp(rc, p, p, values), APR_ENOTIMPL);
}
END_TEST

static void kill_and_restart(int wait_for_retry)
{
    test_server_t srv;
    apr_redis_t *rc;
    apr_redis_server_t *rs;
    apr_port_t port;
    char *v;
    apr_size_t len;
    apr_status_t rv = APR_SUCCESS;
    int i;

    /* Writing to a socket whose peer is gone would raise SIGPIPE (httpd
     * ignores it; so do we here). */
    signal(SIGPIPE, SIG_IGN);
    START_OR_SKIP(srv, 0);
    port = srv.port;
    rc = client_for(1, &srv, 1, &rs);
    ck_assert_int_eq(apr_redis_set(rc, "k", "before", 6, 0), APR_SUCCESS);

    test_server_stop(&srv);
    for (i = 0; i < 3 && rv == APR_SUCCESS; i++)
        rv = apr_redis_set(rc, "k", "after", 5, 0);
    ck_assert_int_ne(rv, APR_SUCCESS);
    for (i = 0; i < 3 && rs->status == APR_RC_SERVER_LIVE; i++)
        apr_redis_getp(rc, p, "k", &v, &len, NULL);
    ck_assert_int_eq(rs->status, APR_RC_SERVER_DEAD);
    ck_assert_int_eq(apr_redis_getp(rc, p, "k", &v, &len, NULL),
                     APR_NOTFOUND);

    ck_assert_int_eq(test_server_start(&srv, TEST_REDIS, port, p), 0);
    if (wait_for_retry) {
        apr_sleep(apr_time_from_msec(5500));
    }
    else {
        ck_assert_int_eq(apr_redis_set(rc, "k", "x", 1, 0), APR_NOTFOUND);
        ck_assert_int_eq(apr_redis_enable_server(rc, rs), APR_SUCCESS);
    }
    ck_assert_int_eq(apr_redis_getp(rc, p, "k", &v, &len, NULL),
                     APR_NOTFOUND);
    ck_assert_int_eq(rs->status, APR_RC_SERVER_LIVE);
    ck_assert_int_eq(apr_redis_set(rc, "k", "again", 5, 0), APR_SUCCESS);
    ck_assert_int_eq(apr_redis_getp(rc, p, "k", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_str_eq(v, "again");
    test_server_stop(&srv);
}

START_TEST(test_killed_server_enable)
{
    kill_and_restart(0);
}
END_TEST

START_TEST(test_killed_server_retry)
{
    kill_and_restart(1);
}
END_TEST

START_TEST(test_refused_connection)
{
    apr_redis_t *rc;
    apr_redis_server_t *rs;
    test_server_t none;
    char *v;
    apr_size_t len;

    none.port = test_free_port(p);
    rc = client_for(1, &none, 1, &rs);
    ck_assert_int_ne(apr_redis_getp(rc, p, "k", &v, &len, NULL),
                     APR_SUCCESS);
    ck_assert_int_eq(rs->status, APR_RC_SERVER_DEAD);
    ck_assert_int_ne(apr_redis_ping(rs), APR_SUCCESS);
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("redis");
    TCase *tc = apr_test_tcase("client");
    TCase *srv = apr_test_tcase("server");

    tcase_add_test(tc, test_hash_values);
    tcase_add_test(tc, test_servers_table);
    tcase_add_test(tc, test_multgetp);
    tcase_add_test(tc, test_refused_connection);
    tcase_add_test(srv, test_commands);
    tcase_add_test(srv, test_setex);
    tcase_add_test(srv, test_incr_decr);
    tcase_add_test(srv, test_version_info_stats);
    tcase_add_test(srv, test_binary_and_large);
    tcase_add_test(srv, test_two_servers);
    tcase_add_test(srv, test_killed_server_enable);
    tcase_add_test(srv, test_killed_server_retry);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, srv);
    return s;
}

APR_TEST_MAIN(make_suite)
