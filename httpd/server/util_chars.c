/* Licensed under the Apache License, Version 2.0 (see LICENSE). */

/*
 * The character class table of util_private.h. Each entry is a constant
 * expression computed by the preprocessor from the byte value, so the
 * table is built at compile time and the rules stay readable here.
 */
#include "util_private.h"

#define C_ALNUM(c) (((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') \
                    || ((c) >= 'A' && (c) <= 'Z'))

/* tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
 *         "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA */
#define C_TOKEN(c) (C_ALNUM(c) || (c) == '!' || (c) == '#' || (c) == '$'   \
    || (c) == '%' || (c) == '&' || (c) == '\'' || (c) == '*' || (c) == '+' \
    || (c) == '-' || (c) == '.' || (c) == '^' || (c) == '_' || (c) == '`'  \
    || (c) == '|' || (c) == '~')

#define C_VCHAR_OBS(c) (((c) >= 0x21 && (c) <= 0x7e) || (c) >= 0x80)

#define C_FIELD(c) (C_VCHAR_OBS(c) || (c) == ' ' || (c) == '\t')

#define C_UNRES(c) (C_ALNUM(c) || (c) == '-' || (c) == '.' || (c) == '_' \
                    || (c) == '~')

/* Sub-delims and the like that a path segment keeps literally. */
#define C_SEGMENT(c) (C_ALNUM(c) || (c) == '$' || (c) == '-' || (c) == '_' \
    || (c) == '.' || (c) == '+' || (c) == '!' || (c) == '*' || (c) == '\'' \
    || (c) == '(' || (c) == ')' || (c) == ',' || (c) == ':' || (c) == '@'  \
    || (c) == '&' || (c) == '=' || (c) == '~')

/* A whole path also keeps its '/' and ';'. */
#define C_PATH(c) (C_SEGMENT(c) || (c) == '/' || (c) == ';')

/* Characters a shell gives a meaning to. */
#define C_SHELL(c) ((c) == '&' || (c) == ';' || (c) == '`' || (c) == '\''  \
    || (c) == '"' || (c) == '|' || (c) == '*' || (c) == '?' || (c) == '~'  \
    || (c) == '<' || (c) == '>' || (c) == '^' || (c) == '(' || (c) == ')'  \
    || (c) == '[' || (c) == ']' || (c) == '{' || (c) == '}' || (c) == '$'  \
    || (c) == '\\' || (c) == '\n')

/* Anything not printable ASCII, and the quote and backslash that log
 * formats use as delimiters/escapes. */
#define C_LOG(c) ((c) < 0x20 || (c) >= 0x7f || (c) == '"' || (c) == '\\')

#define C_URLENC(c) (C_ALNUM(c) || (c) == '.' || (c) == '-' || (c) == '*' \
                     || (c) == '_')

#define CL(c) (unsigned short)(                      \
      (C_TOKEN(c)     ? AP__T_TOKEN : 0)             \
    | (C_VCHAR_OBS(c) ? AP__T_VCHAR_OBS : 0)         \
    | (C_FIELD(c)     ? AP__T_FIELD : 0)             \
    | (C_UNRES(c)     ? AP__T_URI_UNRES : 0)         \
    | (C_PATH(c)      ? AP__T_PATH_KEEP : 0)         \
    | (C_SEGMENT(c)   ? AP__T_SEGMENT_KEEP : 0)      \
    | (C_SHELL(c)     ? AP__T_SHELL : 0)             \
    | (C_LOG(c)       ? AP__T_LOG_ESC : 0)           \
    | (C_URLENC(c)    ? AP__T_URLENC_KEEP : 0))

#define R4(n)   CL(n), CL((n) + 1), CL((n) + 2), CL((n) + 3)
#define R16(n)  R4(n), R4((n) + 4), R4((n) + 8), R4((n) + 12)
#define R64(n)  R16(n), R16((n) + 16), R16((n) + 32), R16((n) + 48)

const unsigned short ap__char_class[256] = {
    R64(0), R64(64), R64(128), R64(192)
};

int ap__hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *ap__pct_encode(char *where, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";

    where[0] = '%';
    where[1] = hex[c >> 4];
    where[2] = hex[c & 0x0f];
    return where + 3;
}
