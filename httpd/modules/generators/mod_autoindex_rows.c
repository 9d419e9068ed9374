/*
 * mod_autoindex_rows.c: the column headers and one row per entry, in the
 * three layouts: HTMLTable, FancyIndexing (<pre>) and the plain list.
 */
#include <string.h>

#include "apr_strings.h"
#include "apr_time.h"

#include "httpd.h"
#include "http_config.h"
#include "http_protocol.h"

#include "mod_autoindex_private.h"

#define XHTML_END(opts) (((opts) & AI_EMIT_XHTML) ? " /" : "")
#define STYLED(d, with, without) ((d)->style_sheet ? (with) : (without))

/* Layout state shared by the header and the rows. */
typedef struct {
    request_rec *r;
    const ai_config *d;
    const ai_query *q;
    apr_int32_t opts;
    apr_pool_t *scratch;
    int name_width, desc_width;
    char *pad;                  /* name_width spaces */
    const char *datetime_format;
    const char *breakrow;
} layout;

/* A column title, linked to sort by it (reversing the current order). */
static void emit_link(const layout *l, const char *title, char column)
{
    char qvalue[9];

    if (l->opts & AI_SUPPRESS_COLSORT) {
        ap_rputs(title, l->r);
        return;
    }
    memcpy(qvalue, "?C=x;O=x", 9);
    qvalue[3] = column;
    qvalue[7] = (l->q->keyid == column && l->q->direction == AI_D_ASCENDING)
                ? AI_D_DESCENDING : AI_D_ASCENDING;
    ap_rvputs(l->r, "<a href=\"", qvalue, l->q->colargs, "\">", title,
              "</a>", NULL);
}

static void emit_icon_size(const layout *l)
{
    if (l->d->icon_width) {
        ap_rprintf(l->r, " width=\"%d\"", l->d->icon_width);
    }
    if (l->d->icon_height) {
        ap_rprintf(l->r, " height=\"%d\"", l->d->icon_height);
    }
}

/* The blank icon heading the icon column; 0 if there is none. */
static int emit_blank_icon(const layout *l, const char *alt)
{
    const char *icon = ap__ai_find_item(NULL, NULL, "^^BLANKICON^^",
                                        l->d->icon_list, 1);
    if (icon == NULL) {
        return 0;
    }
    ap_rvputs(l->r, "<img src=\"", ap_escape_html(l->scratch, icon),
              "\" alt=\"", alt, "\"", NULL);
    emit_icon_size(l);
    ap_rvputs(l->r, XHTML_END(l->opts), ">", NULL);
    return 1;
}

static void table_header(layout *l)
{
    request_rec *r = l->r;
    const ai_config *d = l->d;
    int cols = 1;

    ap_rputs(STYLED(d, "  <table id=\"indexlist\">\n"
                       "   <tr class=\"indexhead\">",
                    "  <table>\n   <tr>"), r);
    if (!(l->opts & AI_SUPPRESS_ICON)) {
        ap_rputs(STYLED(d, "<th class=\"indexcolicon\">",
                        "<th valign=\"top\">"), r);
        ap_rputs(emit_blank_icon(l, "[ICO]") ? "</th>" : "&nbsp;</th>", r);
        cols++;
    }
    ap_rputs(STYLED(d, "<th class=\"indexcolname\">", "<th>"), r);
    emit_link(l, "Name", AI_K_NAME);
    if (!(l->opts & AI_SUPPRESS_LAST_MOD)) {
        ap_rputs(STYLED(d, "</th><th class=\"indexcollastmod\">",
                        "</th><th>"), r);
        emit_link(l, "Last modified", AI_K_LAST_MOD);
        cols++;
    }
    if (!(l->opts & AI_SUPPRESS_SIZE)) {
        ap_rputs(STYLED(d, "</th><th class=\"indexcolsize\">", "</th><th>"),
                 r);
        emit_link(l, "Size", AI_K_SIZE);
        cols++;
    }
    if (!(l->opts & AI_SUPPRESS_DESC)) {
        ap_rputs(STYLED(d, "</th><th class=\"indexcoldesc\">", "</th><th>"),
                 r);
        emit_link(l, "Description", AI_K_DESC);
        cols++;
    }
    if (!(l->opts & AI_SUPPRESS_RULES)) {
        l->breakrow = apr_psprintf(r->pool, "   <tr%s><th colspan=\"%d\">"
                                   "<hr%s></th></tr>\n",
                                   STYLED(d, " class=\"indexbreakrow\"", ""),
                                   cols, XHTML_END(l->opts));
    }
    ap_rvputs(r, "</th></tr>\n", l->breakrow, NULL);
}

static void pre_header(const layout *l)
{
    request_rec *r = l->r;

    ap_rputs("<pre>", r);
    if (!(l->opts & AI_SUPPRESS_ICON)) {
        ap_rputs(emit_blank_icon(l, "Icon ") ? " " : "      ", r);
    }
    emit_link(l, "Name", AI_K_NAME);
    ap_rputs(l->pad + 4, r);
    ap_rputs(" ", r);
    if (!(l->opts & AI_SUPPRESS_LAST_MOD)) {
        emit_link(l, "Last modified", AI_K_LAST_MOD);
        ap_rputs("      ", r);
    }
    if (!(l->opts & AI_SUPPRESS_SIZE)) {
        emit_link(l, "Size", AI_K_SIZE);
        ap_rputs("  ", r);
    }
    if (!(l->opts & AI_SUPPRESS_DESC)) {
        emit_link(l, "Description", AI_K_DESC);
    }
    if (!(l->opts & AI_SUPPRESS_RULES)) {
        ap_rvputs(r, "<hr", XHTML_END(l->opts), ">", NULL);
    }
    else {
        ap_rputc('\n', r);
    }
}

/* Cut a description to the width, counting an entity as one character
 * and tags as none; works on a copy. */
static const char *cut_description(const layout *l, const char *src)
{
    char *desc = apr_pstrdup(l->scratch, src);
    int maxsize = l->desc_width;
    int x;

    if (l->d->desc_adjust == AI_K_UNSET) {
        maxsize += (l->opts & AI_SUPPRESS_ICON) ? 6 : 0;
        maxsize += (l->opts & AI_SUPPRESS_LAST_MOD) ? 19 : 0;
        maxsize += (l->opts & AI_SUPPRESS_SIZE) ? 7 : 0;
    }
    for (x = 0; desc[x] && (maxsize > 0 || desc[x] == '<'); x++) {
        if (desc[x] == '<') {
            while (desc[x] != '>') {
                if (!desc[x]) {
                    maxsize = 0;
                    break;
                }
                x++;
            }
        }
        else if (desc[x] == '&') {
            --maxsize;
            for (; desc[x] != ';'; x++) {
                if (!desc[x]) {
                    maxsize = 0;
                    break;
                }
            }
        }
        else {
            --maxsize;
        }
        if (!desc[x]) {
            break;
        }
    }
    if (!maxsize && x > 0 && desc[x] != '\0') {
        desc[x - 1] = '>';
        desc[x] = '\0';
    }
    return desc;
}

/* A name longer than the column becomes "prefix..>". */
static const char *fit_name(const layout *l, const char *t, int *width)
{
    int n = (int)strlen(t);
    char *s;

    if (n <= l->name_width) {
        *width = n;
        return t;
    }
    s = apr_palloc(l->scratch, (apr_size_t)l->name_width + 1);
    memcpy(s, t, (apr_size_t)l->name_width - 3);
    memcpy(s + l->name_width - 3, "..>", 4);
    *width = l->name_width;
    return s;
}

static const char *time_text(const layout *l, apr_time_t lm, char *buf,
                             apr_size_t size)
{
    apr_time_exp_t ts;
    apr_size_t len = 0;

    apr_time_exp_lt(&ts, lm);
    if (apr_strftime(buf, &len, size, l->datetime_format, &ts)
        != APR_SUCCESS) {
        buf[0] = '\0';
    }
    return buf;
}

static void emit_icon(const layout *l, const ai_ent *e, const char *anchor)
{
    const char *icon = e->icon ? e->icon : l->d->default_icon;

    if (l->opts & AI_ICONS_ARE_LINKS) {
        ap_rvputs(l->r, "<a href=\"", anchor, "\">", NULL);
    }
    if (icon) {
        ap_rvputs(l->r, "<img src=\"", ap_escape_html(l->scratch, icon),
                  "\" alt=\"[", e->alt ? e->alt : "   ", "]\"", NULL);
        emit_icon_size(l);
        ap_rvputs(l->r, XHTML_END(l->opts), ">", NULL);
    }
    else {
        ap_rputs((l->opts & AI_TABLE_INDEXING) ? "&nbsp;" : "     ", l->r);
    }
}

static const char *row_class(const layout *l, const ai_ent *e, int x)
{
    char *alt;

    if (!l->d->style_sheet) {
        return "";
    }
    if (!(l->opts & AI_ADDALTCLASS) || !e->alt) {
        return (x % 2) ? " class=\"odd\"" : " class=\"even\"";
    }
    alt = apr_pstrdup(l->scratch, e->alt);
    ap_str_tolower(alt);
    return apr_pstrcat(l->scratch, (x % 2) ? " class=\"odd-" : " class=\"even-",
                       alt, "\"", NULL);
}

static void table_row(const layout *l, const ai_ent *e, int x,
                      const char *anchor, const char *t2)
{
    request_rec *r = l->r;
    const ai_config *d = l->d;
    char buf[64], sz[5];

    ap_rvputs(r, STYLED(d, "   <tr", "<tr"), row_class(l, e, x), ">", NULL);
    if (!(l->opts & AI_SUPPRESS_ICON)) {
        ap_rputs(STYLED(d, "<td class=\"indexcolicon\">",
                        "<td valign=\"top\">"), r);
        emit_icon(l, e, anchor);
        ap_rputs((l->opts & AI_ICONS_ARE_LINKS) ? "</a></td>" : "</td>", r);
    }
    ap_rvputs(r, STYLED(d, "<td class=\"indexcolname\">", "<td>"),
              "<a href=\"", anchor, "\">", NULL);
    if (d->name_adjust == AI_K_ADJUST) {
        ap_rvputs(r, ap_escape_html(l->scratch, t2), "</a>", NULL);
    }
    else {
        int w;
        const char *s = fit_name(l, t2, &w);
        ap_rvputs(r, ap_escape_html(l->scratch, s), "</a>", l->pad + w, NULL);
    }
    if (!(l->opts & AI_SUPPRESS_LAST_MOD)) {
        if (e->lm != -1) {
            ap_rvputs(r, STYLED(d, "</td><td class=\"indexcollastmod\">",
                                "</td><td align=\"right\">"),
                      time_text(l, e->lm, buf, sizeof(buf)), "  ", NULL);
        }
        else {
            ap_rputs(STYLED(d, "</td><td class=\"indexcollastmod\">&nbsp;",
                            "</td><td>&nbsp;"), r);
        }
    }
    if (!(l->opts & AI_SUPPRESS_SIZE)) {
        ap_rvputs(r, STYLED(d, "</td><td class=\"indexcolsize\">",
                            "</td><td align=\"right\">"),
                  apr_strfsize(e->size, sz), NULL);
    }
    if (!(l->opts & AI_SUPPRESS_DESC)) {
        const char *td = STYLED(d, "</td><td class=\"indexcoldesc\">",
                                "</td><td>");
        if (e->desc) {
            ap_rvputs(r, td, d->desc_adjust == AI_K_ADJUST
                             ? e->desc : cut_description(l, e->desc), NULL);
        }
        else {
            ap_rvputs(r, td, "&nbsp;", NULL);
        }
    }
    ap_rputs("</td></tr>\n", r);
}

static void pre_row(const layout *l, const ai_ent *e, const char *anchor,
                    const char *t2)
{
    request_rec *r = l->r;
    char buf[64], sz[5];
    int w;
    const char *s;

    if (!(l->opts & AI_SUPPRESS_ICON)) {
        emit_icon(l, e, anchor);
        ap_rputs((l->opts & AI_ICONS_ARE_LINKS) ? "</a> " : " ", r);
    }
    s = fit_name(l, t2, &w);
    ap_rvputs(r, "<a href=\"", anchor, "\">", ap_escape_html(l->scratch, s),
              "</a>", l->pad + w, " ", NULL);
    if (!(l->opts & AI_SUPPRESS_LAST_MOD)) {
        if (e->lm != -1) {
            ap_rvputs(r, time_text(l, e->lm, buf, sizeof(buf)), "  ", NULL);
        }
        else {
            ap_rputs("                   ", r);   /* 19, as Apache */
        }
    }
    if (!(l->opts & AI_SUPPRESS_SIZE)) {
        ap_rvputs(r, apr_strfsize(e->size, sz), "  ", NULL);
    }
    if (!(l->opts & AI_SUPPRESS_DESC) && e->desc) {
        ap_rputs(cut_description(l, e->desc), r);
    }
    ap_rputc('\n', r);
}

/* NameWidth=* / DescriptionWidth=*: widen to the longest (<pre> only). */
static void adjust_widths(layout *l, ai_ent **ar, int n)
{
    int x;

    if ((l->opts & (AI_FANCY_INDEXING | AI_TABLE_INDEXING))
        != AI_FANCY_INDEXING) {
        return;
    }
    for (x = 0; x < n; x++) {
        int t = (int)strlen(ar[x]->name);
        if (l->d->name_adjust == AI_K_ADJUST && t > l->name_width) {
            l->name_width = t;
        }
        if (l->d->desc_adjust == AI_K_ADJUST && ar[x]->desc) {
            t = (int)strlen(ar[x]->desc);
            l->desc_width = t > l->desc_width ? t : l->desc_width;
        }
    }
}

static void emit_footer(const layout *l)
{
    if (l->opts & AI_TABLE_INDEXING) {
        ap_rvputs(l->r, l->breakrow, "</table>\n", NULL);
    }
    else if (l->opts & AI_FANCY_INDEXING) {
        if (!(l->opts & AI_SUPPRESS_RULES)) {
            ap_rvputs(l->r, "<hr", XHTML_END(l->opts), "></pre>\n", NULL);
        }
        else {
            ap_rputs("</pre>\n", l->r);
        }
    }
    else {
        ap_rputs("</ul>\n", l->r);
    }
}

void ap__ai_output(request_rec *r, const ai_config *d, ai_ent **ar, int n,
                   const ai_query *q)
{
    layout l;
    int x;

    memset(&l, 0, sizeof(l));
    l.r = r;
    l.d = d;
    l.q = q;
    l.opts = q->opts;
    l.name_width = d->name_width;
    l.desc_width = d->desc_width;
    l.datetime_format = d->datetime_format ? d->datetime_format
                                           : "%Y-%m-%d %H:%M";
    l.breakrow = "";
    apr_pool_create(&l.scratch, r->pool);
    adjust_widths(&l, ar, n);
    l.pad = apr_palloc(r->pool, (apr_size_t)l.name_width + 1);
    memset(l.pad, ' ', (apr_size_t)l.name_width);
    l.pad[l.name_width] = '\0';

    if (l.opts & AI_TABLE_INDEXING) {
        table_header(&l);
    }
    else if (l.opts & AI_FANCY_INDEXING) {
        pre_header(&l);
    }
    else {
        ap_rputs("<ul>", r);
    }
    for (x = 0; x < n; x++) {
        const char *t = ar[x]->name;
        const char *t2 = (x == 0 && t[0] == '/') ? "Parent Directory" : t;
        const char *anchor;

        apr_pool_clear(l.scratch);
        anchor = ap_escape_html(l.scratch, ap_os_escape_path(l.scratch, t, 0));
        if (l.opts & AI_TABLE_INDEXING) {
            table_row(&l, ar[x], x, anchor, t2);
        }
        else if (l.opts & AI_FANCY_INDEXING) {
            pre_row(&l, ar[x], anchor, t2);
        }
        else {
            ap_rvputs(r, "<li><a href=\"", anchor, "\"> ",
                      ap_escape_html(l.scratch, t2), "</a></li>\n", NULL);
        }
    }
    emit_footer(&l);
    apr_pool_destroy(l.scratch);
}
