/*
 * The character classes of the escapers: bits of the generated
 * test_char_table (see gen_test_char.c), shared by the generator and
 * apr_escape.c. Private to apr/encoding.
 */
#ifndef APR_ESCAPE_CLASSES_H
#define APR_ESCAPE_CLASSES_H

#define T_ESCAPE_SHELL_CMD    (0x01) /* apr_escape_shell */
#define T_ESCAPE_PATH_SEGMENT (0x02) /* apr_escape_path_segment */
#define T_OS_ESCAPE_PATH      (0x04) /* apr_escape_path */
#define T_ESCAPE_URLENCODED   (0x08) /* apr_escape_urlencoded */
#define T_ESCAPE_XML          (0x10) /* apr_escape_entity */
#define T_ESCAPE_LDAP_DN      (0x20) /* apr_escape_ldap, RFC 4514 */
#define T_ESCAPE_LDAP_FILTER  (0x40) /* apr_escape_ldap, RFC 4515 */
#define T_ESCAPE_ECHO         (0x80) /* apr_escape_echo */

#endif
