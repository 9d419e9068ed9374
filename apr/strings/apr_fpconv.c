/*
 * Floating point to text for apr_vformatter() (%e %f %g).
 *
 * APR has always produced its digits with a simple schoolbook method (the
 * integer part by repeated division by ten, the fraction by repeated
 * multiplication), with its own rounding and exponent style. Programs that
 * compare output with real APR see exactly the same digits from the same
 * arithmetic here. Only where that method breaks down (integer parts of 80
 * digits and more, infinities in %g) do we take the digits from the C
 * library instead, which is correct where APR printed garbage.
 */
#include "apr_strings_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Integer parts from here on have more digits than the method can hold. */
#define HUGE_LIMIT 1e79

/* Digits from the C library for values past HUGE_LIMIT: @ndigits
 * significant digits into buf, the decimal exponent into *decpt. */
static char *libc_digits(double arg, int ndigits, int *decpt, char *buf)
{
    char tmp[APR__NDIG + 16];
    char *d = buf;
    const char *s;

    if (ndigits < 1)
        ndigits = 1;
    snprintf(tmp, sizeof tmp, "%.*e", ndigits - 1, arg);
    for (s = tmp; *s && *s != 'e'; s++) {
        if (*s >= '0' && *s <= '9')
            *d++ = *s;
    }
    *d = '\0';
    *decpt = atoi(s + 1) + 1;
    return buf;
}

/* Propagate a +5 rounding at *last back through the digits. */
static void round_up(char *buf, char *last, char **end, int *decpt, int eflag)
{
    *last += 5;
    while (*last > '9') {
        *last = '0';
        if (last > buf) {
            ++*--last;
            continue;
        }
        /* Carried out of the first digit: 99.9 -> 100. */
        *last = '1';
        (*decpt)++;
        if (!eflag) {
            if (*end > buf)
                **end = '0';
            (*end)++;
        }
    }
}

/*
 * The digits of |arg| into buf[APR__NDIG]: @ndigits in total (eflag) or
 * @ndigits after the decimal point (!eflag), rounded; *decpt receives the
 * position of the decimal point relative to the first digit.
 */
static char *digits(double arg, int ndigits, int eflag, int *decpt,
                    int *neg, char *buf)
{
    double ipart;
    char *p = buf, *last;
    int exp10 = 0;

    if (ndigits >= APR__NDIG - 1)
        ndigits = APR__NDIG - 2;
    *neg = arg < 0;
    if (arg < 0)
        arg = -arg;
    if (arg >= HUGE_LIMIT) {
        int total = eflag ? ndigits : APR__NDIG - 1;
        return libc_digits(arg, total, decpt, buf);
    }
    arg = modf(arg, &ipart);
    if (ipart != 0) {
        /* Integer digits come out lowest first: build them at the end. */
        char *q = buf + APR__NDIG;
        while (q > buf && ipart != 0) {
            double d = modf(ipart / 10, &ipart);
            *--q = (char)((int)((d + .03) * 10) + '0');
            exp10++;
        }
        while (q < buf + APR__NDIG)
            *p++ = *q++;
    }
    else if (arg > 0) {
        double t;
        while ((t = arg * 10) < 1) {
            arg = t;
            exp10--;
        }
    }
    last = buf + ndigits + (eflag ? 0 : exp10);
    if (last < buf) {
        /* Below the last wanted digit: only zeros to print. */
        *decpt = -ndigits;
        buf[0] = '\0';
        return buf;
    }
    *decpt = exp10;
    while (p <= last && p < buf + APR__NDIG) {
        double d;
        arg = modf(arg * 10, &d);
        *p++ = (char)((int)d + '0');
    }
    if (last >= buf + APR__NDIG) {
        buf[APR__NDIG - 1] = '\0';
        return buf;
    }
    p = last;
    round_up(buf, last, &p, decpt, eflag);
    *p = '\0';
    return buf;
}

/* The exponent part of %e: "e+05", "e-123". */
static char *put_exponent(char *s, char e, int exp10)
{
    char tmp[8];
    int n = 0;

    *s++ = e;
    *s++ = exp10 < 0 ? '-' : '+';
    if (exp10 < 0)
        exp10 = -exp10;
    do {
        tmp[n++] = (char)('0' + exp10 % 10);
        exp10 /= 10;
    } while (exp10);
    if (n == 1)
        *s++ = '0';
    while (n)
        *s++ = tmp[--n];
    return s;
}

/* %f of a value past HUGE_LIMIT: every integer digit, then zeros. */
static apr_size_t conv_huge_f(double num, int add_dp, int precision,
                              char *buf)
{
    int n = snprintf(buf, 400, "%.*f", precision, fabs(num));

    if (precision == 0 && add_dp)
        buf[n++] = '.';
    buf[n] = '\0';
    return (apr_size_t)n;
}

apr_size_t apr__conv_fp(char format, double num, int add_dp, int precision,
                        int *is_negative, char *buf)
{
    char dbuf[APR__NDIG];
    char *s = buf;
    const char *p;
    int decpt;

    if (precision >= APR__NDIG - 1)
        precision = APR__NDIG - 2;
    if (format == 'f') {
        if (fabs(num) >= HUGE_LIMIT) {
            *is_negative = num < 0;
            return conv_huge_f(num, add_dp, precision, buf);
        }
        p = digits(num, precision, 0, &decpt, is_negative, dbuf);
    }
    else {
        p = digits(num, precision + 1, 1, &decpt, is_negative, dbuf);
    }

    if (format == 'f') {
        if (decpt <= 0) {
            *s++ = '0';
            if (precision > 0) {
                *s++ = '.';
                while (decpt++ < 0)
                    *s++ = '0';
            }
            else if (add_dp) {
                *s++ = '.';
            }
        }
        else {
            for (; decpt > 0; decpt--)
                *s++ = *p ? *p++ : '0';
            if (precision > 0 || add_dp)
                *s++ = '.';
        }
    }
    else {
        *s++ = *p ? *p++ : '0';
        if (precision > 0 || add_dp)
            *s++ = '.';
    }
    while (*p)
        *s++ = *p++;
    if (format != 'f') {
        /* APR writes the exponent of 0.0 as -01: kept for identical
         * output. */
        s = put_exponent(s, format, decpt - 1);
    }
    *s = '\0';
    return (apr_size_t)(s - buf);
}

/* %g of infinities and NaN: APR's digit method has no answer for them. */
static char *gcvt_special(double num, char *buf)
{
    if (isnan(num))
        strcpy(buf, "nan");
    else
        strcpy(buf, num < 0 ? "-inf" : "inf");
    return buf;
}

/* The exponent of %g: no zero padding. */
static char *put_g_exponent(char *s, int exp10)
{
    *s++ = 'e';
    *s++ = exp10 < 0 ? '-' : '+';
    if (exp10 < 0)
        exp10 = -exp10;
    if (exp10 >= 100)
        *s++ = (char)('0' + exp10 / 100);
    if (exp10 >= 10)
        *s++ = (char)('0' + (exp10 % 100) / 10);
    *s++ = (char)('0' + exp10 % 10);
    return s;
}

char *apr__gcvt(double num, int ndigit, char *buf, int altform)
{
    char dbuf[APR__NDIG];
    const char *d;
    char *s = buf;
    int decpt, neg, i;

    if (isnan(num) || isinf(num))
        return gcvt_special(num, buf);
    d = digits(num, ndigit, 1, &decpt, &neg, dbuf);
    if (ndigit >= APR__NDIG - 1)
        ndigit = APR__NDIG - 2;
    if (neg)
        *s++ = '-';
    /* Trailing zeros never show. */
    while (ndigit > 1 && d[ndigit - 1] == '0')
        ndigit--;
    if ((decpt >= 0 && decpt - ndigit > 4) || decpt < -3) {
        *s++ = *d++;
        *s++ = '.';
        for (i = 1; i < ndigit; i++)
            *s++ = *d++;
        s = put_g_exponent(s, decpt - 1);
    }
    else {
        if (decpt <= 0) {
            /* APR writes .5, not 0.5. */
            if (*d != '0')
                *s++ = '.';
            for (; decpt < 0; decpt++)
                *s++ = '0';
        }
        for (i = 1; i <= ndigit; i++) {
            *s++ = *d++;
            if (i == decpt)
                *s++ = '.';
        }
        for (; ndigit < decpt; ndigit++)
            *s++ = '0';
        if (ndigit == decpt && s[-1] != '.')
            *s++ = '.';
    }
    if (s[-1] == '.' && !altform)
        s--;
    *s = '\0';
    return buf;
}
