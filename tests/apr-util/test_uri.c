/*
 * apr_uri.h: apr_uri_parse, apr_uri_unparse, apr_uri_port_of_scheme,
 * apr_uri_parse_hostinfo.
 *
 * The tables' expectations were produced by a probe program run against
 * Debian's libaprutil1 (1.6.3): every field, the status and the unparsed
 * string, byte for byte. The inputs: RFC 3986's examples (section 1.1.2,
 * and the reference-resolution inputs of section 5.4 parsed as plain
 * references) and hostile ones (IPv6 literals with and without ports,
 * unterminated brackets, empty, overlong, signed and non-numeric ports,
 * userinfo with '@' and ':', percent escapes, network-path references,
 * "*", query or fragment only, control characters, spaces).
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_uri.h"
#include "testutil.h"

#define N_FIELDS 9

typedef struct {
    const char *in;
    apr_status_t rv;
    const char *f[N_FIELDS]; /* scheme hostinfo user password hostname
                                port_str path query fragment */
    apr_port_t port;
    const char *unparsed;        /* flags 0 */
    const char *unparsed_reveal; /* APR_URI_UNP_REVEALPASSWORD */
} parse_case;

static const parse_case parse_cases[] = {
    {"http://a/b/c/d;p?q", APR_SUCCESS,
     {"http", "a", NULL, NULL, "a", NULL, "/b/c/d;p", "q", NULL},
     0, "http://a/b/c/d;p?q", "http://a/b/c/d;p?q"},
    {"g:h", APR_SUCCESS,
     {"g", NULL, NULL, NULL, NULL, NULL, "h", NULL, NULL},
     0, "g:h", "g:h"},
    {"g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", NULL, NULL},
     0, "g", "g"},
    {"./g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "./g", NULL, NULL},
     0, "./g", "./g"},
    {"g/", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g/", NULL, NULL},
     0, "g/", "g/"},
    {"/g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "/g", NULL, NULL},
     0, "/g", "/g"},
    {"//g", APR_SUCCESS,
     {NULL, "g", NULL, NULL, "g", NULL, NULL, NULL, NULL},
     0, "//g", "//g"},
    {"?y", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, "y", NULL},
     0, "?y", "?y"},
    {"g?y", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", "y", NULL},
     0, "g?y", "g?y"},
    {"#s", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "s"},
     0, "#s", "#s"},
    {"g#s", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", NULL, "s"},
     0, "g#s", "g#s"},
    {"g?y#s", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", "y", "s"},
     0, "g?y#s", "g?y#s"},
    {";x", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, ";x", NULL, NULL},
     0, ";x", ";x"},
    {"g;x", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g;x", NULL, NULL},
     0, "g;x", "g;x"},
    {"g;x?y#s", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g;x", "y", "s"},
     0, "g;x?y#s", "g;x?y#s"},
    {"", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {".", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, ".", NULL, NULL},
     0, ".", "."},
    {"./", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "./", NULL, NULL},
     0, "./", "./"},
    {"..", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "..", NULL, NULL},
     0, "..", ".."},
    {"../", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../", NULL, NULL},
     0, "../", "../"},
    {"../g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../g", NULL, NULL},
     0, "../g", "../g"},
    {"../..", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../..", NULL, NULL},
     0, "../..", "../.."},
    {"../../", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../../", NULL, NULL},
     0, "../../", "../../"},
    {"../../g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../../g", NULL, NULL},
     0, "../../g", "../../g"},
    {"../../../g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../../../g", NULL, NULL},
     0, "../../../g", "../../../g"},
    {"../../../../g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "../../../../g", NULL, NULL},
     0, "../../../../g", "../../../../g"},
    {"/./g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "/./g", NULL, NULL},
     0, "/./g", "/./g"},
    {"/../g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "/../g", NULL, NULL},
     0, "/../g", "/../g"},
    {"g.", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g.", NULL, NULL},
     0, "g.", "g."},
    {".g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, ".g", NULL, NULL},
     0, ".g", ".g"},
    {"g..", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g..", NULL, NULL},
     0, "g..", "g.."},
    {"..g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "..g", NULL, NULL},
     0, "..g", "..g"},
    {"./../g", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "./../g", NULL, NULL},
     0, "./../g", "./../g"},
    {"./g/.", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "./g/.", NULL, NULL},
     0, "./g/.", "./g/."},
    {"g/./h", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g/./h", NULL, NULL},
     0, "g/./h", "g/./h"},
    {"g/../h", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g/../h", NULL, NULL},
     0, "g/../h", "g/../h"},
    {"g;x=1/./y", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g;x=1/./y", NULL, NULL},
     0, "g;x=1/./y", "g;x=1/./y"},
    {"g;x=1/../y", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g;x=1/../y", NULL, NULL},
     0, "g;x=1/../y", "g;x=1/../y"},
    {"g?y/./x", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", "y/./x", NULL},
     0, "g?y/./x", "g?y/./x"},
    {"g?y/../x", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", "y/../x", NULL},
     0, "g?y/../x", "g?y/../x"},
    {"g#s/./x", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", NULL, "s/./x"},
     0, "g#s/./x", "g#s/./x"},
    {"g#s/../x", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "g", NULL, "s/../x"},
     0, "g#s/../x", "g#s/../x"},
    {"http:g", APR_SUCCESS,
     {"http", NULL, NULL, NULL, NULL, NULL, "g", NULL, NULL},
     0, "http:g", "http:g"},
    {"http://www.example.com/", APR_SUCCESS,
     {"http", "www.example.com", NULL, NULL, "www.example.com", NULL, "/", NULL, NULL},
     0, "http://www.example.com/", "http://www.example.com/"},
    {"http://www.example.com", APR_SUCCESS,
     {"http", "www.example.com", NULL, NULL, "www.example.com", NULL, NULL, NULL, NULL},
     0, "http://www.example.com", "http://www.example.com"},
    {"http://www.example.com:8080/path?q=1#frag", APR_SUCCESS,
     {"http", "www.example.com:8080", NULL, NULL, "www.example.com", "8080", "/path", "q=1", "frag"},
     8080, "http://www.example.com:8080/path?q=1#frag", "http://www.example.com:8080/path?q=1#frag"},
    {"https://www.example.com:443/", APR_SUCCESS,
     {"https", "www.example.com:443", NULL, NULL, "www.example.com", "443", "/", NULL, NULL},
     443, "https://www.example.com/", "https://www.example.com/"},
    {"https://www.example.com:80/", APR_SUCCESS,
     {"https", "www.example.com:80", NULL, NULL, "www.example.com", "80", "/", NULL, NULL},
     80, "https://www.example.com:80/", "https://www.example.com:80/"},
    {"http://user:pass@host/", APR_SUCCESS,
     {"http", "user:pass@host", "user", "pass", "host", NULL, "/", NULL, NULL},
     0, "http://user:XXXXXXXX@host/", "http://user:pass@host/"},
    {"http://user@host/", APR_SUCCESS,
     {"http", "user@host", "user", NULL, "host", NULL, "/", NULL, NULL},
     0, "http://user@host/", "http://user@host/"},
    {"http://user:@host/", APR_SUCCESS,
     {"http", "user:@host", "user", "", "host", NULL, "/", NULL, NULL},
     0, "http://user:XXXXXXXX@host/", "http://user:@host/"},
    {"http://:pass@host/", APR_SUCCESS,
     {"http", ":pass@host", "", "pass", "host", NULL, "/", NULL, NULL},
     0, "http://:XXXXXXXX@host/", "http://:pass@host/"},
    {"http://@host/", APR_SUCCESS,
     {"http", "@host", "", NULL, "host", NULL, "/", NULL, NULL},
     0, "http://@host/", "http://@host/"},
    {"http://u:p:q@host:81/x", APR_SUCCESS,
     {"http", "u:p:q@host:81", "u", "p:q", "host", "81", "/x", NULL, NULL},
     81, "http://u:XXXXXXXX@host:81/x", "http://u:p:q@host:81/x"},
    {"http://a@b@c/", APR_SUCCESS,
     {"http", "a@b@c", "a@b", NULL, "c", NULL, "/", NULL, NULL},
     0, "http://a@b@c/", "http://a@b@c/"},
    {"http://a@b:c@d:99/", APR_SUCCESS,
     {"http", "a@b:c@d:99", "a@b", "c", "d", "99", "/", NULL, NULL},
     99, "http://a@b:XXXXXXXX@d:99/", "http://a@b:c@d:99/"},
    {"http://a:b@c:d@e:99/", APR_SUCCESS,
     {"http", "a:b@c:d@e:99", "a", "b@c:d", "e", "99", "/", NULL, NULL},
     99, "http://a:XXXXXXXX@e:99/", "http://a:b@c:d@e:99/"},
    {"http://[::1]/", APR_SUCCESS,
     {"http", "[::1]", NULL, NULL, "::1", NULL, "/", NULL, NULL},
     0, "http://[::1]/", "http://[::1]/"},
    {"http://[::1]:8080/", APR_SUCCESS,
     {"http", "[::1]:8080", NULL, NULL, "::1", "8080", "/", NULL, NULL},
     8080, "http://[::1]:8080/", "http://[::1]:8080/"},
    {"http://[::1]:/", APR_SUCCESS,
     {"http", "[::1]:", NULL, NULL, "::1", "", "/", NULL, NULL},
     80, "http://[::1]/", "http://[::1]/"},
    {"http://[::1", APR_EGENERAL,
     {"http", "[::1", NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "http:", "http:"},
    {"http://[::1]x/", APR_SUCCESS,
     {"http", "[::1]x", NULL, NULL, "::1]", NULL, "/", NULL, NULL},
     0, "http://[::1]]/", "http://[::1]]/"},
    {"http://[::1]:abc/", APR_EGENERAL,
     {"http", "[::1]:abc", NULL, NULL, "::1", "abc", NULL, NULL, NULL},
     0, "http://[::1]", "http://[::1]"},
    {"http://[fe80::1%25eth0]:80/", APR_SUCCESS,
     {"http", "[fe80::1%25eth0]:80", NULL, NULL, "fe80::1%25eth0", "80", "/", NULL, NULL},
     80, "http://[fe80::1%25eth0]/", "http://[fe80::1%25eth0]/"},
    {"http://[]/", APR_SUCCESS,
     {"http", "[]", NULL, NULL, "", NULL, "/", NULL, NULL},
     0, "http:///", "http:///"},
    {"http://[/", APR_EGENERAL,
     {"http", "[", NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "http:", "http:"},
    {"http://]/", APR_SUCCESS,
     {"http", "]", NULL, NULL, "]", NULL, "/", NULL, NULL},
     0, "http://]/", "http://]/"},
    {"http://h:/", APR_SUCCESS,
     {"http", "h:", NULL, NULL, "h", "", "/", NULL, NULL},
     80, "http://h/", "http://h/"},
    {"http://h:", APR_SUCCESS,
     {"http", "h:", NULL, NULL, "h", "", NULL, NULL, NULL},
     80, "http://h", "http://h"},
    {"http://h:0/", APR_SUCCESS,
     {"http", "h:0", NULL, NULL, "h", "0", "/", NULL, NULL},
     0, "http://h/", "http://h/"},
    {"http://h:80/", APR_SUCCESS,
     {"http", "h:80", NULL, NULL, "h", "80", "/", NULL, NULL},
     80, "http://h/", "http://h/"},
    {"http://h:65535/", APR_SUCCESS,
     {"http", "h:65535", NULL, NULL, "h", "65535", "/", NULL, NULL},
     65535, "http://h:65535/", "http://h:65535/"},
    {"http://h:65536/", APR_SUCCESS,
     {"http", "h:65536", NULL, NULL, "h", "65536", "/", NULL, NULL},
     0, "http://h/", "http://h/"},
    {"http://h:99999999999999999999/", APR_SUCCESS,
     {"http", "h:99999999999999999999", NULL, NULL, "h", "99999999999999999999", "/", NULL, NULL},
     65535, "http://h:99999999999999999999/", "http://h:99999999999999999999/"},
    {"http://h:-1/", APR_SUCCESS,
     {"http", "h:-1", NULL, NULL, "h", "-1", "/", NULL, NULL},
     65535, "http://h:-1/", "http://h:-1/"},
    {"http://h:+80/", APR_SUCCESS,
     {"http", "h:+80", NULL, NULL, "h", "+80", "/", NULL, NULL},
     80, "http://h/", "http://h/"},
    {"http://h: 80/", APR_SUCCESS,
     {"http", "h: 80", NULL, NULL, "h", " 80", "/", NULL, NULL},
     80, "http://h/", "http://h/"},
    {"http://h:80 /", APR_EGENERAL,
     {"http", "h:80 ", NULL, NULL, "h", "80 ", NULL, NULL, NULL},
     80, "http://h", "http://h"},
    {"http://h:0x50/", APR_EGENERAL,
     {"http", "h:0x50", NULL, NULL, "h", "0x50", NULL, NULL, NULL},
     0, "http://h", "http://h"},
    {"http://h:080/", APR_SUCCESS,
     {"http", "h:080", NULL, NULL, "h", "080", "/", NULL, NULL},
     80, "http://h/", "http://h/"},
    {"http://h:8a/", APR_EGENERAL,
     {"http", "h:8a", NULL, NULL, "h", "8a", NULL, NULL, NULL},
     8, "http://h:8a", "http://h:8a"},
    {"http://h:80:90/", APR_EGENERAL,
     {"http", "h:80:90", NULL, NULL, "h", "80:90", NULL, NULL, NULL},
     80, "http://h", "http://h"},
    {"ftp://ftp.is.co.za/rfc/rfc1808.txt", APR_SUCCESS,
     {"ftp", "ftp.is.co.za", NULL, NULL, "ftp.is.co.za", NULL, "/rfc/rfc1808.txt", NULL, NULL},
     0, "ftp://ftp.is.co.za/rfc/rfc1808.txt", "ftp://ftp.is.co.za/rfc/rfc1808.txt"},
    {"ldap://[2001:db8::7]/c=GB?objectClass?one", APR_SUCCESS,
     {"ldap", "[2001:db8::7]", NULL, NULL, "2001:db8::7", NULL, "/c=GB", "objectClass?one", NULL},
     0, "ldap://[2001:db8::7]/c=GB?objectClass?one", "ldap://[2001:db8::7]/c=GB?objectClass?one"},
    {"mailto:John.Doe@example.com", APR_SUCCESS,
     {"mailto", NULL, NULL, NULL, NULL, NULL, "John.Doe@example.com", NULL, NULL},
     0, "mailto:John.Doe@example.com", "mailto:John.Doe@example.com"},
    {"news:comp.infosystems.www.servers.unix", APR_SUCCESS,
     {"news", NULL, NULL, NULL, NULL, NULL, "comp.infosystems.www.servers.unix", NULL, NULL},
     0, "news:comp.infosystems.www.servers.unix", "news:comp.infosystems.www.servers.unix"},
    {"tel:+1-816-555-1212", APR_SUCCESS,
     {"tel", NULL, NULL, NULL, NULL, NULL, "+1-816-555-1212", NULL, NULL},
     0, "tel:+1-816-555-1212", "tel:+1-816-555-1212"},
    {"telnet://192.0.2.16:80/", APR_SUCCESS,
     {"telnet", "192.0.2.16:80", NULL, NULL, "192.0.2.16", "80", "/", NULL, NULL},
     80, "telnet://192.0.2.16:80/", "telnet://192.0.2.16:80/"},
    {"urn:oasis:names:specification:docbook:dtd:xml:4.1.2", APR_SUCCESS,
     {"urn", NULL, NULL, NULL, NULL, NULL, "oasis:names:specification:docbook:dtd:xml:4.1.2", NULL, NULL},
     0, "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2"},
    {"//host", APR_SUCCESS,
     {NULL, "host", NULL, NULL, "host", NULL, NULL, NULL, NULL},
     0, "//host", "//host"},
    {"//host/path", APR_SUCCESS,
     {NULL, "host", NULL, NULL, "host", NULL, "/path", NULL, NULL},
     0, "//host/path", "//host/path"},
    {"//host:99/path?x#y", APR_SUCCESS,
     {NULL, "host:99", NULL, NULL, "host", "99", "/path", "x", "y"},
     99, "//host:99/path?x#y", "//host:99/path?x#y"},
    {"///path", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "///path", NULL, NULL},
     0, "///path", "///path"},
    {"////path", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "////path", NULL, NULL},
     0, "////path", "////path"},
    {"/", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "/", NULL, NULL},
     0, "/", "/"},
    {"//", APR_SUCCESS,
     {NULL, "", NULL, NULL, "", NULL, NULL, NULL, NULL},
     0, "//", "//"},
    {"///", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "///", NULL, NULL},
     0, "///", "///"},
    {"*", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "*", NULL, NULL},
     0, "*", "*"},
    {"?query", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, "query", NULL},
     0, "?query", "?query"},
    {"?query#frag", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, "query", "frag"},
     0, "?query#frag", "?query#frag"},
    {"#frag", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "frag"},
     0, "#frag", "#frag"},
    {"#", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ""},
     0, "#", "#"},
    {"?", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, "", NULL},
     0, "?", "?"},
    {"a?b?c#d#e", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "a", "b?c", "d#e"},
     0, "a?b?c#d#e", "a?b?c#d#e"},
    {"%41%42://x", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"http://h/%2e%2e/%00", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, "/%2e%2e/%00", NULL, NULL},
     0, "http://h/%2e%2e/%00", "http://h/%2e%2e/%00"},
    {"http://h/p%20q", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, "/p%20q", NULL, NULL},
     0, "http://h/p%20q", "http://h/p%20q"},
    {"http://h/a b", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, "/a b", NULL, NULL},
     0, "http://h/a b", "http://h/a b"},
    {"http://h/a\x09""b", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, "/a\x09""b", NULL, NULL},
     0, "http://h/a\x09""b", "http://h/a\x09""b"},
    {"http://h\x01/", APR_SUCCESS,
     {"http", "h\x01", NULL, NULL, "h\x01", NULL, "/", NULL, NULL},
     0, "http://h\x01/", "http://h\x01/"},
    {"\x01http://h/", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {" http://h/", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"http ://h/", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"HTTP://H/", APR_SUCCESS,
     {"HTTP", "H", NULL, NULL, "H", NULL, "/", NULL, NULL},
     0, "HTTP://H/", "HTTP://H/"},
    {"Http://Host:80/", APR_SUCCESS,
     {"Http", "Host:80", NULL, NULL, "Host", "80", "/", NULL, NULL},
     80, "Http://Host/", "Http://Host/"},
    {"1http://h/", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"h+t-t.p://h/", APR_SUCCESS,
     {"h+t-t.p", "h", NULL, NULL, "h", NULL, "/", NULL, NULL},
     0, "h+t-t.p://h/", "h+t-t.p://h/"},
    {"h_ttp://h/", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"a:", APR_SUCCESS,
     {"a", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "a:", "a:"},
    {"a:/", APR_SUCCESS,
     {"a", NULL, NULL, NULL, NULL, NULL, "/", NULL, NULL},
     0, "a:/", "a:/"},
    {"a://", APR_SUCCESS,
     {"a", "", NULL, NULL, "", NULL, NULL, NULL, NULL},
     0, "a://", "a://"},
    {"a:///", APR_SUCCESS,
     {"a", "", NULL, NULL, "", NULL, "/", NULL, NULL},
     0, "a:///", "a:///"},
    {"a://@", APR_SUCCESS,
     {"a", "@", "", NULL, "", NULL, NULL, NULL, NULL},
     0, "a://@", "a://@"},
    {"a://:", APR_SUCCESS,
     {"a", ":", NULL, NULL, "", "", NULL, NULL, NULL},
     0, "a://", "a://"},
    {"a://@:", APR_SUCCESS,
     {"a", "@:", "", NULL, "", "", NULL, NULL, NULL},
     0, "a://@", "a://@"},
    {"a://[", APR_EGENERAL,
     {"a", "[", NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "a:", "a:"},
    {"a://]", APR_SUCCESS,
     {"a", "]", NULL, NULL, "]", NULL, NULL, NULL, NULL},
     0, "a://]", "a://]"},
    {"a://[]:", APR_SUCCESS,
     {"a", "[]:", NULL, NULL, "", "", NULL, NULL, NULL},
     0, "a://", "a://"},
    {"http:/h/", APR_SUCCESS,
     {"http", NULL, NULL, NULL, NULL, NULL, "/h/", NULL, NULL},
     0, "http:/h/", "http:/h/"},
    {"http:h/p", APR_SUCCESS,
     {"http", NULL, NULL, NULL, NULL, NULL, "h/p", NULL, NULL},
     0, "http:h/p", "http:h/p"},
    {":foo", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"://h/", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"0:foo", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"localhost:8080", APR_SUCCESS,
     {"localhost", NULL, NULL, NULL, NULL, NULL, "8080", NULL, NULL},
     0, "localhost:8080", "localhost:8080"},
    {"localhost:8080/x", APR_SUCCESS,
     {"localhost", NULL, NULL, NULL, NULL, NULL, "8080/x", NULL, NULL},
     0, "localhost:8080/x", "localhost:8080/x"},
    {"[::1]:80", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"host:abc", APR_SUCCESS,
     {"host", NULL, NULL, NULL, NULL, NULL, "abc", NULL, NULL},
     0, "host:abc", "host:abc"},
    {"host:", APR_SUCCESS,
     {"host", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "host:", "host:"},
    {"host", APR_SUCCESS,
     {NULL, NULL, NULL, NULL, NULL, NULL, "host", NULL, NULL},
     0, "host", "host"},
    {"[::1]", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"[::1]x", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"[::1]:", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"h:80:", APR_SUCCESS,
     {"h", NULL, NULL, NULL, NULL, NULL, "80:", NULL, NULL},
     0, "h:80:", "h:80:"},
    {":80", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {":", APR_EGENERAL,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
     0, "", ""},
    {"http://h?q", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, NULL, "q", NULL},
     0, "http://h?q", "http://h?q"},
    {"http://h#f", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, NULL, NULL, "f"},
     0, "http://h#f", "http://h#f"},
    {"http://h?q#f", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, NULL, "q", "f"},
     0, "http://h?q#f", "http://h?q#f"},
    {"http://h/?#", APR_SUCCESS,
     {"http", "h", NULL, NULL, "h", NULL, "/", "", ""},
     0, "http://h/?#", "http://h/?#"},
    {"http://u:p@h:1/p?q#f", APR_SUCCESS,
     {"http", "u:p@h:1", "u", "p", "h", "1", "/p", "q", "f"},
     1, "http://u:XXXXXXXX@h:1/p?q#f", "http://u:p@h:1/p?q#f"},
    {"http://u:p@[::1]:1/p?q#f", APR_SUCCESS,
     {"http", "u:p@[::1]:1", "u", "p", "::1", "1", "/p", "q", "f"},
     1, "http://u:XXXXXXXX@[::1]:1/p?q#f", "http://u:p@[::1]:1/p?q#f"},
    {"HTTPS://h:443/", APR_SUCCESS,
     {"HTTPS", "h:443", NULL, NULL, "h", "443", "/", NULL, NULL},
     443, "HTTPS://h/", "HTTPS://h/"},
    {"sip://h:5060/", APR_SUCCESS,
     {"sip", "h:5060", NULL, NULL, "h", "5060", "/", NULL, NULL},
     5060, "sip://h/", "sip://h/"},
    {"rtsp://h/", APR_SUCCESS,
     {"rtsp", "h", NULL, NULL, "h", NULL, "/", NULL, NULL},
     0, "rtsp://h/", "rtsp://h/"},
    {"z39.50r://h:210/", APR_SUCCESS,
     {"z39.50r", "h:210", NULL, NULL, "h", "210", "/", NULL, NULL},
     210, "z39.50r://h/", "z39.50r://h/"},
    {"z39.50s://h/", APR_SUCCESS,
     {"z39.50s", "h", NULL, NULL, "h", NULL, "/", NULL, NULL},
     0, "z39.50s://h/", "z39.50s://h/"},
    {"wais://h:211/", APR_SUCCESS,
     {"wais", "h:211", NULL, NULL, "h", "211", "/", NULL, NULL},
     211, "wais://h:211/", "wais://h:211/"},
    {"unknown://h:0/", APR_SUCCESS,
     {"unknown", "h:0", NULL, NULL, "h", "0", "/", NULL, NULL},
     0, "unknown://h/", "unknown://h/"},
    {"unknown://h:1/", APR_SUCCESS,
     {"unknown", "h:1", NULL, NULL, "h", "1", "/", NULL, NULL},
     1, "unknown://h:1/", "unknown://h:1/"},
    {"nfs://h:2049/", APR_SUCCESS,
     {"nfs", "h:2049", NULL, NULL, "h", "2049", "/", NULL, NULL},
     2049, "nfs://h/", "nfs://h/"},
    {"gopher://h:70/", APR_SUCCESS,
     {"gopher", "h:70", NULL, NULL, "h", "70", "/", NULL, NULL},
     70, "gopher://h/", "gopher://h/"},
    {"x://h:65535/", APR_SUCCESS,
     {"x", "h:65535", NULL, NULL, "h", "65535", "/", NULL, NULL},
     65535, "x://h:65535/", "x://h:65535/"},
    {"x://h:4294967376/", APR_SUCCESS,
     {"x", "h:4294967376", NULL, NULL, "h", "4294967376", "/", NULL, NULL},
     80, "x://h:4294967376/", "x://h:4294967376/"},
    {"x://h:-65456/", APR_SUCCESS,
     {"x", "h:-65456", NULL, NULL, "h", "-65456", "/", NULL, NULL},
     80, "x://h:-65456/", "x://h:-65456/"},
    {"http://a:b:c:d@h/", APR_SUCCESS,
     {"http", "a:b:c:d@h", "a", "b:c:d", "h", NULL, "/", NULL, NULL},
     0, "http://a:XXXXXXXX@h/", "http://a:b:c:d@h/"},
    {"http://a%40b@h/", APR_SUCCESS,
     {"http", "a%40b@h", "a%40b", NULL, "h", NULL, "/", NULL, NULL},
     0, "http://a%40b@h/", "http://a%40b@h/"},
    {"http://h:80?x", APR_SUCCESS,
     {"http", "h:80", NULL, NULL, "h", "80", NULL, "x", NULL},
     80, "http://h?x", "http://h?x"},
    {"http://h:80#x", APR_SUCCESS,
     {"http", "h:80", NULL, NULL, "h", "80", NULL, NULL, "x"},
     80, "http://h#x", "http://h#x"},
    {"http://h:8#0/", APR_SUCCESS,
     {"http", "h:8", NULL, NULL, "h", "8", NULL, NULL, "0/"},
     8, "http://h:8#0/", "http://h:8#0/"},
    {"file:///etc/passwd", APR_SUCCESS,
     {"file", "", NULL, NULL, "", NULL, "/etc/passwd", NULL, NULL},
     0, "file:///etc/passwd", "file:///etc/passwd"},
    {"file://localhost/etc/passwd", APR_SUCCESS,
     {"file", "localhost", NULL, NULL, "localhost", NULL, "/etc/passwd", NULL, NULL},
     0, "file://localhost/etc/passwd", "file://localhost/etc/passwd"},
    {"file:/etc/passwd", APR_SUCCESS,
     {"file", NULL, NULL, NULL, NULL, NULL, "/etc/passwd", NULL, NULL},
     0, "file:/etc/passwd", "file:/etc/passwd"},
    {"file:etc", APR_SUCCESS,
     {"file", NULL, NULL, NULL, NULL, NULL, "etc", NULL, NULL},
     0, "file:etc", "file:etc"},
};

static const char *const field_names[N_FIELDS] = {
    "scheme", "hostinfo", "user", "password", "hostname", "port_str",
    "path", "query", "fragment"};

static const char *field(const apr_uri_t *u, int i)
{
    const char *const v[N_FIELDS] = {u->scheme, u->hostinfo, u->user,
                                     u->password, u->hostname, u->port_str,
                                     u->path, u->query, u->fragment};
    return v[i];
}

static void check_field(const char *in, int i, const char *want,
                        const char *got)
{
    if (want == NULL)
        ck_assert_msg(got == NULL, "%s: %s is \"%s\", want NULL", in,
                      field_names[i], got);
    else
        ck_assert_msg(got && strcmp(got, want) == 0,
                      "%s: %s is \"%s\", want \"%s\"", in, field_names[i],
                      got ? got : "(NULL)", want);
}

START_TEST(parse_table)
{
    const parse_case *c = &parse_cases[_i];
    apr_uri_t u;
    int i;

    memset(&u, 0x5a, sizeof u);
    ck_assert_int_eq(apr_uri_parse(p, c->in, &u), c->rv);
    for (i = 0; i < N_FIELDS; i++)
        check_field(c->in, i, c->f[i], field(&u, i));
    ck_assert_uint_eq(u.port, c->port);
    ck_assert_uint_eq(u.is_initialized, 1);
    ck_assert_ptr_null(u.hostent);
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), c->unparsed);
    ck_assert_str_eq(apr_uri_unparse(p, &u, APR_URI_UNP_REVEALPASSWORD),
                     c->unparsed_reveal);
}
END_TEST

/* parse(unparse(parse(x))) gives the same parts, for every input that
 * parses and keeps its port (a default port is dropped by unparse). */
START_TEST(parse_roundtrip)
{
    const parse_case *c = &parse_cases[_i];
    apr_uri_t u, again;
    char *s;
    int i;

    if (c->rv != APR_SUCCESS)
        return;
    ck_assert_int_eq(apr_uri_parse(p, c->in, &u), APR_SUCCESS);
    s = apr_uri_unparse(p, &u, APR_URI_UNP_REVEALPASSWORD);
    ck_assert_int_eq(apr_uri_parse(p, s, &again), APR_SUCCESS);
    ck_assert_str_eq(apr_uri_unparse(p, &again, APR_URI_UNP_REVEALPASSWORD),
                     s);
    for (i = 0; i < N_FIELDS; i++) {
        if (i == 1 || i == 5)
            continue; /* hostinfo, port_str: a default port is dropped */
        check_field(s, i, field(&u, i), field(&again, i));
    }
}
END_TEST

START_TEST(parse_clears_and_copies)
{
    char buf[] = "http://u:p@h:81/x?y#z";
    apr_uri_t u;

    memset(&u, 0xff, sizeof u);
    ck_assert_int_eq(apr_uri_parse(p, buf, &u), APR_SUCCESS);
    ck_assert_uint_eq(u.dns_looked_up, 0);
    ck_assert_uint_eq(u.dns_resolved, 0);
    ck_assert_ptr_null(u.hostent);
    memset(buf, 'Q', sizeof buf - 1); /* the parts are copies */
    ck_assert_str_eq(u.scheme, "http");
    ck_assert_str_eq(u.hostinfo, "u:p@h:81");
    ck_assert_str_eq(u.path, "/x");
    ck_assert_str_eq(u.fragment, "z");
}
END_TEST

/* What each unparse flag leaves out. */
START_TEST(unparse_flags)
{
    static const struct {
        unsigned flags;
        const char *out;
    } cases[] = {
        {0, "http://user:XXXXXXXX@example.com:8080/p/a?q=1#f"},
        {APR_URI_UNP_OMITSITEPART, "/p/a?q=1#f"},
        {APR_URI_UNP_OMITUSER, "http://:XXXXXXXX@example.com:8080/p/a?q=1#f"},
        {APR_URI_UNP_OMITPASSWORD, "http://user@example.com:8080/p/a?q=1#f"},
        {APR_URI_UNP_OMITUSERINFO, "http://example.com:8080/p/a?q=1#f"},
        {APR_URI_UNP_REVEALPASSWORD,
         "http://user:secret@example.com:8080/p/a?q=1#f"},
        {APR_URI_UNP_REVEALPASSWORD | APR_URI_UNP_OMITUSER,
         "http://:secret@example.com:8080/p/a?q=1#f"},
        {APR_URI_UNP_OMITPATHINFO, "http://user:XXXXXXXX@example.com:8080"},
        {APR_URI_UNP_OMITQUERY, "http://user:XXXXXXXX@example.com:8080/p/a"},
        {APR_URI_UNP_OMITQUERY | APR_URI_UNP_OMITUSERINFO,
         "http://example.com:8080/p/a"},
        {APR_URI_UNP_OMITSITEPART | APR_URI_UNP_OMITQUERY, "/p/a"},
        {APR_URI_UNP_OMITSITEPART | APR_URI_UNP_OMITPATHINFO, ""},
    };
    apr_uri_t u;
    size_t i;

    ck_assert_int_eq(apr_uri_parse(p,
                     "http://user:secret@example.com:8080/p/a?q=1#f", &u),
                     APR_SUCCESS);
    for (i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_str_eq(apr_uri_unparse(p, &u, cases[i].flags),
                         cases[i].out);
}
END_TEST

/* Unparse of structures built by hand: NULL parts are left out, IPv6
 * hosts get brackets, default and zero ports are dropped. */
START_TEST(unparse_handmade)
{
    apr_uri_t u;

    memset(&u, 0, sizeof u);
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "");

    u.hostname = "::1";
    u.port_str = "8443";
    u.port = 8443;
    u.scheme = "https";
    u.path = "/x";
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "https://[::1]:8443/x");
    u.port = 443; /* the scheme's default: no port, whatever port_str says */
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "https://[::1]/x");
    u.port = 0;
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "https://[::1]/x");
    u.port = 80; /* shown as port_str, which wins over port */
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "https://[::1]:8443/x");
    u.port_str = NULL;
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "https://[::1]/x");

    /* userinfo without a host, host without a scheme */
    memset(&u, 0, sizeof u);
    u.scheme = "s";
    u.user = "us";
    u.password = "pw";
    u.query = "q";
    ck_assert_str_eq(apr_uri_unparse(p, &u, 0), "s:us:XXXXXXXX@?q");
    u.scheme = NULL;
    u.hostname = "h";
    u.fragment = "";
    ck_assert_str_eq(apr_uri_unparse(p, &u, APR_URI_UNP_OMITUSER),
                     "//:XXXXXXXX@h?q#");
}
END_TEST

START_TEST(port_of_scheme)
{
    static const struct {
        const char *scheme;
        apr_port_t port;
    } cases[] = {
        {"http", 80}, {"ftp", 21}, {"https", 443}, {"gopher", 70},
        {"ldap", 389}, {"nntp", 119}, {"snews", 563}, {"imap", 143},
        {"pop", 110}, {"sip", 5060}, {"rtsp", 554}, {"wais", 210},
        {"z39.50r", 210}, {"z39.50s", 210}, {"prospero", 191},
        {"nfs", 2049}, {"tip", 3372}, {"acap", 674}, {"telnet", 23},
        {"ssh", 22}, {"HTTP", 80}, {"Https", 443}, {"Z39.50S", 210},
        {"pop3", 0}, {"httpx", 0}, {"http:", 0}, {"", 0}, {"file", 0},
        {"ws", 0}, {"mailto", 0}, {"ldaps", 0}, {"sips", 0},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(apr_uri_port_of_scheme(cases[i].scheme) ==
                          cases[i].port,
                      "%s: %u, want %u", cases[i].scheme,
                      apr_uri_port_of_scheme(cases[i].scheme),
                      cases[i].port);
    ck_assert_uint_eq(apr_uri_port_of_scheme(NULL), 0);
    ck_assert_uint_eq(APR_URI_HTTP_DEFAULT_PORT, 80);
    ck_assert_uint_eq(APR_URI_SIP_DEFAULT_PORT, 5060);
}
END_TEST

typedef struct {
    const char *in;
    apr_status_t rv;
    const char *hostname;
    const char *port_str;
    apr_port_t port;
} hostinfo_case;

static const hostinfo_case hostinfo_cases[] = {
    {"h:80", APR_SUCCESS, "h", "80", 80},
    {"h:", APR_EGENERAL, "h", "", 0},
    {"h", APR_EGENERAL, NULL, NULL, 0},
    {"[::1]:443", APR_SUCCESS, "::1", "443", 443},
    {"[::1]", APR_EGENERAL, NULL, NULL, 0},
    {"[::1]x:80", APR_EGENERAL, NULL, NULL, 0},
    {"[::1:80", APR_EGENERAL, NULL, NULL, 0},
    {"h:0", APR_SUCCESS, "h", "0", 0},
    {"h:65535", APR_SUCCESS, "h", "65535", 65535},
    {"h:65536", APR_SUCCESS, "h", "65536", 0},
    {"h:-1", APR_SUCCESS, "h", "-1", 65535},
    {"h: 80", APR_SUCCESS, "h", " 80", 80},
    {"h:80x", APR_EGENERAL, "h", "80x", 80},
    {"h:8:0", APR_EGENERAL, "h", "8:0", 8},
    {"u@h:80", APR_SUCCESS, "u@h", "80", 80},
    {":", APR_EGENERAL, "", "", 0},
    {"[]:1", APR_SUCCESS, "", "1", 1},
    {"[:80", APR_EGENERAL, NULL, NULL, 0},
    {"h:+1", APR_SUCCESS, "h", "+1", 1},
    {"h:99999999999", APR_SUCCESS, "h", "99999999999", 59391},
    {"example.com:443", APR_SUCCESS, "example.com", "443", 443},
    {"[fe80::1%eth0]:8080", APR_SUCCESS, "fe80::1%eth0", "8080", 8080},
    {"", APR_EGENERAL, NULL, NULL, 0},
    {"h::80", APR_EGENERAL, "h", ":80", 0},
    {"h:80/", APR_EGENERAL, "h", "80/", 80},
    {"[::1]:", APR_EGENERAL, "::1", "", 0},
    {"a]:1", APR_SUCCESS, "a]", "1", 1},
    {"[a]b]:1", APR_EGENERAL, NULL, NULL, 0},
};

START_TEST(parse_hostinfo_table)
{
    const hostinfo_case *c = &hostinfo_cases[_i];
    apr_uri_t u;
    int i;

    memset(&u, 0x5a, sizeof u);
    ck_assert_int_eq(apr_uri_parse_hostinfo(p, c->in, &u), c->rv);
    ck_assert_str_eq(u.hostinfo, c->in);
    check_field(c->in, 4, c->hostname, u.hostname);
    check_field(c->in, 5, c->port_str, u.port_str);
    ck_assert_uint_eq(u.port, c->port);
    ck_assert_uint_eq(u.is_initialized, 1);
    for (i = 0; i < N_FIELDS; i++)
        if (i != 1 && i != 4 && i != 5)
            check_field(c->in, i, NULL, field(&u, i));
}
END_TEST

static Suite *make_suite(void)
{
    Suite *s = suite_create("uri");
    TCase *tc = apr_test_tcase("parse");

    tcase_add_loop_test(tc, parse_table, 0,
                        sizeof parse_cases / sizeof *parse_cases);
    tcase_add_loop_test(tc, parse_roundtrip, 0,
                        sizeof parse_cases / sizeof *parse_cases);
    tcase_add_test(tc, parse_clears_and_copies);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("unparse");
    tcase_add_test(tc, unparse_flags);
    tcase_add_test(tc, unparse_handmade);
    tcase_add_test(tc, port_of_scheme);
    suite_add_tcase(s, tc);

    tc = apr_test_tcase("hostinfo");
    tcase_add_loop_test(tc, parse_hostinfo_table, 0,
                        sizeof hostinfo_cases / sizeof *hostinfo_cases);
    suite_add_tcase(s, tc);
    return s;
}

APR_TEST_MAIN(make_suite)
