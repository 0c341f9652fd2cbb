/* The workbook's shared pieces (see book.h): formats, valid sheet names, cells that keep their
 * column's width, references, progress. */
#include "reports/book.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/text.h"

#define EXCEL_TEXT_MAX 32767 /* characters in a cell */
#define EXCEL_EPOCH 25569    /* 1970-01-01 as an Excel serial day (1900 date system) */
#define HEADER_WIDTH_MAX 14  /* columns a header may take before it wraps */

static lxw_format *format_new(struct book *b, const char *num_format)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (num_format)
        format_set_num_format(f, num_format);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

const char *score_format(int decimals)
{
    static const char *const formats[] = {"0", "0.0", "0.00", "0.000", "0.0000"};
    if (decimals < 0 || decimals > 4)
        return "0.00";
    return formats[decimals];
}

void book_formats_make(struct book *b)
{
    struct book_formats *f = &b->f;
    f->head = format_new(b, NULL);
    format_set_bold(f->head);
    format_set_bg_color(f->head, 0xDDE4EE);
    format_set_bottom(f->head, LXW_BORDER_THIN);
    format_set_text_wrap(f->head);
    f->title = format_new(b, NULL);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->text = format_new(b, "@");
    f->wrap = format_new(b, "@");
    format_set_text_wrap(f->wrap);
    f->money = format_new(b, "#,##0");
    f->score = format_new(b, score_format(b->c->program.decimals));
    f->tenths = format_new(b, "0.0");
    f->hundredths = format_new(b, "0.00");
    f->integer = format_new(b, "0");
    f->date = format_new(b, "yyyy-mm-dd");
    /* Conditional formats (R7.3): the rows below the line, and the line itself. */
    f->below = workbook_add_format(b->wb);
    format_set_font_color(f->below, 0x808080);
    format_set_bg_color(f->below, 0xF4F4F4);
    f->box = format_new(b, NULL);
    format_set_border(f->box, LXW_BORDER_THIN);
    format_set_text_wrap(f->box);
    f->box_first = format_new(b, NULL);
    f->box_mid = format_new(b, NULL);
    f->box_last = format_new(b, NULL);
    lxw_format *const open_box[] = {f->box_first, f->box_mid, f->box_last};
    for (size_t i = 0; i < 3; i++) {
        format_set_top(open_box[i], LXW_BORDER_THIN);
        format_set_bottom(open_box[i], LXW_BORDER_THIN);
    }
    format_set_left(f->box_first, LXW_BORDER_THIN);
    format_set_right(f->box_last, LXW_BORDER_THIN);
    f->label = format_new(b, NULL);
    format_set_bold(f->label);
    format_set_border(f->label, LXW_BORDER_THIN);
    format_set_bg_color(f->label, 0xDDE4EE);
    format_set_text_wrap(f->label);
    f->big = format_new(b, NULL);
    format_set_bold(f->big);
    format_set_font_size(f->big, 18);
    f->line = workbook_add_format(b->wb);
    format_set_bottom(f->line, LXW_BORDER_THICK);
    format_set_bottom_color(f->line, 0xC00000);
}

/* ---- sheet names ---- */

static bool name_taken(struct book *b, const char *name)
{
    return workbook_get_worksheet_by_name(b->wb, name) != NULL;
}

/* At most max UTF-8 characters of s, cut at a character boundary. */
static void clip_chars(char *s, size_t max)
{
    size_t chars = 0;
    for (char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && chars++ == max) {
            *p = '\0';
            return;
        }
    }
}

/* Excel: 1..31 characters, none of []:*?/\, no apostrophe at either end, unique. */
static char *sheet_name_valid(struct book *b, const char *wanted)
{
    char *name = xstrdup(*wanted ? wanted : "-");
    for (char *p = name; *p; p++)
        if (strchr("[]:*?/\\", *p))
            *p = '_';
    if (name[0] == '\'')
        name[0] = '_';
    clip_chars(name, LXW_SHEETNAME_MAX);
    size_t len = strlen(name);
    if (name[len - 1] == '\'')
        name[len - 1] = '_';
    for (int n = 2; name_taken(b, name); n++) {
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", n);
        char *base = xstrdup(name);
        clip_chars(base, LXW_SHEETNAME_MAX - strlen(suffix));
        free(name);
        name = xasprintf("%s%s", base, suffix);
        free(base);
    }
    return name;
}

struct sheet_out *sheet_new(struct book *b, const char *wanted)
{
    struct sheet_out *s = xcalloc(1, sizeof *s);
    s->name = sheet_name_valid(b, wanted);
    s->ws = workbook_add_worksheet(b->wb, s->name);
    if (!s->ws)
        book_fail(b, _("%s: the workbook refused this sheet name"), s->name);
    /* References to it from other sheets: always quoted, an apostrophe doubled. */
    size_t len = strlen(s->name), quotes = 0;
    for (size_t i = 0; i < len; i++)
        quotes += s->name[i] == '\'';
    s->quoted = xmalloc(len + quotes + 3);
    char *q = s->quoted;
    *q++ = '\'';
    for (size_t i = 0; i < len; i++) {
        if (s->name[i] == '\'')
            *q++ = '\'';
        *q++ = s->name[i];
    }
    *q++ = '\'';
    *q = '\0';
    return s;
}

void sheet_free(struct sheet_out *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->quoted);
    free(s);
}

void sheet_widths(struct book *b, struct sheet_out *s)
{
    (void)b;
    for (lxw_col_t c = 0; c < s->n_cols && c < BOOK_MAX_COLS; c++)
        if (s->width[c])
            worksheet_set_column(s->ws, c, c, s->width[c] + 1.5, NULL);
}

/* ---- printing ---- */

#define LINE_POINTS 15.0

int text_lines(const char *text, int cols)
{
    if (!text || !*text || cols < 4)
        return 1;
    int lines = 0;
    const char *line = text;
    for (const char *p = text;; p++) {
        if (*p == '\n' || *p == '\0') {
            char *copy = xstrndup(line, (size_t)(p - line));
            /* a wide character (Hangul) prints about 1.7 columns of the column's unit, the
             * width of a digit; 2 would leave rows taller than their text */
            int chars = (int)lxw_utf8_strlen(copy), wide = utf8_width(copy) - chars;
            int w = chars + (wide > 0 ? (7 * wide + 9) / 10 : 0);
            free(copy);
            lines += w <= cols - 2 ? 1 : (w + cols - 3) / (cols - 2);
            if (*p == '\0')
                return lines;
            line = p + 1;
        }
    }
}

void row_lines(struct sheet_out *s, lxw_row_t r, int lines)
{
    if (lines > 1)
        worksheet_set_row(s->ws, r, LINE_POINTS * (lines > 20 ? 20 : lines) + 2, NULL);
}

#define PAPER_A4 9
#define HEADER_MAX 255 /* Excel's limit for a header or footer */

char *header_escape(const char *text)
{
    size_t n = strlen(text), amps = 0;
    for (size_t i = 0; i < n; i++)
        amps += text[i] == '&';
    char *out = xmalloc(n + amps + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        *o++ = text[i];
        if (text[i] == '&')
            *o++ = '&';
    }
    *o = '\0';
    return out;
}

/* At most HEADER_MAX bytes, cut at a character and not inside an "&&". */
static void header_clip(char *h)
{
    size_t n = strlen(h);
    if (n <= HEADER_MAX)
        return;
    n = HEADER_MAX;
    while (n > 0 && ((unsigned char)h[n] & 0xC0) == 0x80)
        n--;
    size_t amps = 0;
    while (amps < n && h[n - 1 - amps] == '&')
        amps++;
    if (amps % 2)
        n--;
    h[n] = '\0';
}

void sheet_print(struct book *b, struct sheet_out *s, const struct print_setup *ps)
{
    const struct program *p = &b->c->program;
    if (ps->landscape)
        worksheet_set_landscape(s->ws);
    else
        worksheet_set_portrait(s->ws);
    worksheet_set_paper(s->ws, PAPER_A4);
    worksheet_set_margins(s->ws, 0.4, 0.4, 0.75, 0.7);
    worksheet_fit_to_pages(s->ws, ps->wide ? ps->wide : 1, 0);
    if (ps->repeat_rows)
        worksheet_repeat_rows(s->ws, ps->head_first, ps->head_last);
    if (ps->repeat_cols)
        worksheet_repeat_columns(s->ws, 0, ps->repeat_cols - 1);
    lxw_col_t last = ps->area_cols ? ps->area_cols - 1 : s->last_col;
    if (s->n_cols && !ps->area_cols && s->n_cols - 1 > last)
        last = s->n_cols - 1;
    worksheet_print_area(s->ws, 0, 0, s->written ? s->last_row : 0, last);
    char *title = header_escape(book_lang(b, p->title_ko, p->title_en));
    char *name = header_escape(s->name);
    char *rev = header_escape(b->revision ? b->revision : "");
    char *head = xasprintf("&L&\"-,Bold\"%s&C&\"-,Regular\"%s&R%s", name, title, rev);
    header_clip(head);
    worksheet_set_header(s->ws, head);
    char *foot = xasprintf("&L%s&R%s", title, _("Page &P of &N"));
    header_clip(foot);
    worksheet_set_footer(s->ws, foot);
    free(title);
    free(name);
    free(rev);
    free(head);
    free(foot);
}

/* ---- cells ---- */

void book_fail(struct book *b, const char *fmt, ...)
{
    if (b->failure)
        return;
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    b->failure = xstrdup(text);
}

static void note_error(struct book *b, lxw_error e, struct sheet_out *s, lxw_row_t r, lxw_col_t c)
{
    if (!s->written || r > s->last_row)
        s->last_row = r;
    if (!s->written || c > s->last_col)
        s->last_col = c;
    s->written = true;
    if (e == LXW_NO_ERROR)
        return;
    char col[4];
    col_letters(c, col);
    book_fail(b, "%s!%s%lu: %s", s->name, col, (unsigned long)r + 1, lxw_strerror(e));
}

static void widen(struct sheet_out *s, lxw_col_t c, int width)
{
    if (c >= BOOK_MAX_COLS)
        return;
    if (c + 1 > s->n_cols)
        s->n_cols = c + 1;
    if (width > TEXT_WIDTH_MAX)
        width = TEXT_WIDTH_MAX;
    if (width > s->width[c])
        s->width[c] = (uint8_t)width;
}

/* The widest line of a text, in terminal columns (Hangul 2); ASCII without a scan of code
 * points. */
static int text_width(const char *t, int stop_at)
{
    int widest = 0, ascii = 1;
    const char *line = t;
    for (const char *p = t;; p++) {
        if (*p == '\n' || *p == '\0') {
            int w = ascii ? (int)(p - line) : 0;
            if (!ascii) {
                char *copy = xstrndup(line, (size_t)(p - line));
                w = utf8_width(copy);
                free(copy);
            }
            if (w > widest)
                widest = w;
            if (*p == '\0' || widest >= stop_at)
                return widest;
            line = p + 1;
            ascii = 1;
        } else if ((unsigned char)*p >= 0x80) {
            ascii = 0;
        }
    }
}

void cell_text(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, const char *text,
               lxw_format *f)
{
    if (!text || !*text)
        return;
    char *clipped = NULL;
    if (strlen(text) > EXCEL_TEXT_MAX && lxw_utf8_strlen(text) > EXCEL_TEXT_MAX) {
        clipped = xstrdup(text);
        clip_chars(clipped, EXCEL_TEXT_MAX - 1);
        text = clipped;
    }
    note_error(b, worksheet_write_string(s->ws, r, c, text, f ? f : b->f.text), s, r, c);
    if (c < BOOK_MAX_COLS && s->width[c] < TEXT_WIDTH_MAX)
        widen(s, c, text_width(text, TEXT_WIDTH_MAX));
    free(clipped);
}

void cell_note(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, const char *text,
               lxw_format *f)
{
    note_error(b, worksheet_write_string(s->ws, r, c, text, f ? f : b->f.text), s, r, c);
}

void cell_number(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, double v,
                 lxw_format *f, int width)
{
    note_error(b, worksheet_write_number(s->ws, r, c, v, f), s, r, c);
    widen(s, c, width);
}

void cell_formula(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c,
                  const char *formula, double cached, lxw_format *f, int width)
{
    note_error(b, worksheet_write_formula_num(s->ws, r, c, formula, f, cached), s, r, c);
    widen(s, c, width);
}

void cell_money(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t won)
{
    char text[32];
    amount_format(won, text, sizeof text);
    cell_number(b, s, r, c, (double)won, b->f.money, (int)strlen(text));
}

double scaled_value(int64_t v, int decimals)
{
    int64_t p = 1;
    for (int i = 0; i < decimals; i++)
        p *= 10;
    return (double)v / (double)p; /* the double nearest the exact decimal */
}

void cell_scaled(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t v)
{
    char text[32];
    int d = b->c->program.decimals;
    scaled_format(v, d, text, sizeof text);
    cell_number(b, s, r, c, scaled_value(v, d), b->f.score, (int)strlen(text));
}

void cell_tenths(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t tenths)
{
    char text[32];
    scaled_format(tenths, 1, text, sizeof text);
    cell_number(b, s, r, c, scaled_value(tenths, 1), b->f.tenths, (int)strlen(text));
}

void cell_hundredths(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t v)
{
    char text[32];
    scaled_format(v, 2, text, sizeof text);
    cell_number(b, s, r, c, scaled_value(v, 2), b->f.hundredths, (int)strlen(text));
}

void cell_int(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t v)
{
    char text[32];
    int n = snprintf(text, sizeof text, "%lld", (long long)v);
    cell_number(b, s, r, c, (double)v, b->f.integer, n);
}

void cell_date(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, sdate d)
{
    cell_number(b, s, r, c, (double)(d + EXCEL_EPOCH), b->f.date, 10);
}

void header_cell(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, const char *text)
{
    note_error(b, worksheet_write_string(s->ws, r, c, text, b->f.head), s, r, c);
    /* A long header wraps (its format says so) rather than widen a column of numbers; 2 more
     * for the filter button. */
    int w = text_width(text, HEADER_WIDTH_MAX);
    widen(s, c, (w < HEADER_WIDTH_MAX ? w : HEADER_WIDTH_MAX) + 2);
}

void header_row(struct book *b, struct sheet_out *s, lxw_row_t r, const char *const *labels,
                size_t n)
{
    for (size_t i = 0; i < n; i++)
        header_cell(b, s, r, (lxw_col_t)i, _(labels[i]));
}

/* ---- references ---- */

void col_letters(lxw_col_t c, char out[4])
{
    char buf[4];
    int n = 0;
    unsigned v = (unsigned)c + 1;
    while (v > 0 && n < 3) {
        buf[n++] = (char)('A' + (v - 1) % 26);
        v = (v - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = buf[n - 1 - i];
    out[n] = '\0';
}

char *range_ref(const struct sheet_out *s, lxw_row_t r1, lxw_col_t c, lxw_row_t r2)
{
    char col[4];
    col_letters(c, col);
    return xasprintf("%s!$%s$%lu:$%s$%lu", s->quoted, col, (unsigned long)r1 + 1, col,
                     (unsigned long)r2 + 1);
}

/* ---- progress and language ---- */

void book_stage(struct book *b, const char *what, size_t total)
{
    b->stage = what;
    b->stage_done = 0;
    b->stage_total = total;
    if (b->o && b->o->progress)
        b->o->progress(b->o->ctx, what, 0, total);
}

void book_step(struct book *b)
{
    b->stage_done++;
    if (b->o && b->o->progress && (b->stage_done % 1000 == 0 || b->stage_done == b->stage_total))
        b->o->progress(b->o->ctx, b->stage, b->stage_done, b->stage_total);
}

const char *book_lang(const struct book *b, const char *ko, const char *en)
{
    if ((b->o && b->o->korean) || !en || !*en)
        return ko ? ko : "";
    return en;
}

void sheet_table_end(struct book *b, struct sheet_out *s, lxw_row_t last_row, lxw_col_t last_col,
                     uint16_t wide)
{
    worksheet_freeze_panes(s->ws, 1, 2);
    worksheet_autofilter(s->ws, 0, 0, last_row ? last_row : 1, last_col);
    sheet_print(b, s,
                &(struct print_setup){.landscape = true,
                                      .repeat_rows = true,
                                      .head_first = 0,
                                      .head_last = 0,
                                      .repeat_cols = 2,
                                      .wide = wide});
    sheet_widths(b, s);
}
