/* Reading imported CSV files with libcsv (see csv.h): encoding detection, exact positions,
 * header aliases; and writing CSV fields into a growing buffer. */
#include "core/csv.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/parse.h"
#include "core/text.h"

#define CSV_FIELD_BLOCK (1u << 20)
#define UNNAMED_COLUMN SIZE_MAX /* header cell left empty: the column is ignored */
#define UNKNOWN_COLUMN (SIZE_MAX - 1)

/* State shared with libcsv's callbacks while one file is read. */
struct csv_reader {
    const char *filename;
    const struct csv_column *spec;
    struct csv_table *out;
    struct diags *d;
    long line;            /* physical line of the byte being fed */
    bool awaiting_record; /* the next non-blank byte starts a record */
    long record_line;     /* where the current record started */
    char **fields;        /* the current record, trimmed and NFC */
    size_t n_fields, cap_fields;
    bool have_header;
    size_t n_header;
    size_t *header_spec; /* by file column: spec index, UNNAMED_COLUMN or UNKNOWN_COLUMN */
    size_t cap_rows;
};

/* ---- Encoding ---- */

/* 1-based column of byte `at` in its line, counting characters of the given encoding. */
static long char_column(const unsigned char *line_start, const unsigned char *at, bool cp949)
{
    long col = 1;
    for (const unsigned char *p = line_start; p < at; p++) {
        if (cp949 && *p >= 0x81 && p + 1 < at)
            p++; /* lead byte and trail byte are one character */
        else if (!cp949 && (*p & 0xC0) == 0x80)
            continue; /* UTF-8 continuation byte */
        col++;
    }
    return col;
}

/* Report a problem at byte offset `at` of data, with its line and column. */
static void diag_at_offset(struct diags *d, const char *filename, const char *data, size_t at,
                           bool cp949, const char *message)
{
    long line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < at; i++) {
        if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n')) {
            line++;
            line_start = i + 1;
        }
    }
    const unsigned char *bytes = (const unsigned char *)data;
    diags_add(d, filename, line, char_column(bytes + line_start, bytes + at, cp949), "%s", message);
}

/* The file as UTF-8 (caller frees), or NULL after reporting why it cannot be decoded. */
static char *csv_decode(const char *data, size_t len, const char *filename, struct csv_table *out,
                        struct diags *d)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    } else if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0)) {
        diags_add(d, filename, 1, 1, "%s",
                  _("UTF-16 is not supported: save the file as CSV in UTF-8 or CP949"));
        return NULL;
    }
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        diag_at_offset(d, filename, data, (size_t)(nul - data), false,
                       _("NUL byte in a text file (is it UTF-16 or a spreadsheet?)"));
        return NULL;
    }
    size_t utf8_good = utf8_valid_prefix(data, len);
    if (utf8_good == len) {
        out->encoding = xstrdup("UTF-8");
        return xstrndup(data, len);
    }
    size_t cp949_bad = 0;
    char *text = cp949_to_utf8(data, len, &cp949_bad);
    if (text) {
        out->encoding = xstrdup("CP949");
        return text;
    }
    /* Point at the later failure: the decoder that got further is most likely the intended
     * encoding, and its first bad byte is the one to fix. */
    bool blame_cp949 = cp949_bad > utf8_good;
    diag_at_offset(d, filename, data, blame_cp949 ? cp949_bad : utf8_good, blame_cp949,
                   _("not valid UTF-8 or CP949"));
    return NULL;
}

/* ---- Header ---- */

/* A header cell or alias reduced for comparison: NFC, ASCII lower case, without spaces and
 * underscores, so "Requested", "신청 금액" and "신청_금액" all match. */
static char *header_key(const char *s)
{
    char *nfc = utf8_nfc(s);
    char *key = nfc ? nfc : xstrdup(s);
    size_t k = 0;
    for (size_t i = 0; key[i]; i++) {
        char c = key[i];
        if (c == ' ' || c == '_' || c == '\t')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        key[k++] = c;
    }
    key[k] = '\0';
    return key;
}

static bool spec_column_matches(const struct csv_column *col, const char *key)
{
    char *id = header_key(col->id);
    bool match = strcmp(id, key) == 0;
    free(id);
    for (size_t a = 0; !match && a < CSV_MAX_ALIASES && col->aliases[a]; a++) {
        char *alias = header_key(col->aliases[a]);
        match = strcmp(alias, key) == 0;
        free(alias);
    }
    return match;
}

static char *spec_id_list(const struct csv_column *spec, size_t n_spec)
{
    struct strlist ids = {0};
    for (size_t i = 0; i < n_spec; i++)
        strlist_add(&ids, spec[i].id);
    char *list = strlist_join(&ids, ", ");
    strlist_free(&ids);
    return list;
}

/* Map one header cell (file column `col`, 1-based) to its spec index. */
static size_t header_cell_map(struct csv_reader *r, const char *cell, long col)
{
    char *key = header_key(cell);
    size_t found = key[0] ? UNKNOWN_COLUMN : UNNAMED_COLUMN;
    for (size_t j = 0; found == UNKNOWN_COLUMN && j < r->out->n_spec; j++) {
        if (spec_column_matches(&r->spec[j], key))
            found = j;
    }
    free(key);
    if (found == UNKNOWN_COLUMN) {
        char *expected = spec_id_list(r->spec, r->out->n_spec);
        diags_add(r->d, r->filename, r->record_line, col,
                  _("unknown column \"%s\" (expected one of: %s)"),
                  utf8_clip(cell, (char[TEXT_CLIP_BYTES + 4]){0}), expected);
        free(expected);
    } else if (found != UNNAMED_COLUMN && r->out->spec_col[found] != 0) {
        diags_add(r->d, r->filename, r->record_line, col,
                  _("duplicate column \"%s\" (the same as column %ld)"),
                  utf8_clip(cell, (char[TEXT_CLIP_BYTES + 4]){0}), r->out->spec_col[found]);
        found = UNKNOWN_COLUMN;
    } else if (found != UNNAMED_COLUMN) {
        r->out->spec_col[found] = col;
    }
    return found;
}

static void header_read(struct csv_reader *r)
{
    r->have_header = true;
    r->n_header = r->n_fields;
    r->header_spec = xcalloc(r->n_fields, sizeof *r->header_spec);
    for (size_t i = 0; i < r->n_fields; i++)
        r->header_spec[i] = header_cell_map(r, r->fields[i], (long)i + 1);
    for (size_t j = 0; j < r->out->n_spec; j++) {
        if (r->spec[j].required && r->out->spec_col[j] == 0)
            /* No cell to point at: column 1 of the header line. */
            diags_add(r->d, r->filename, r->record_line, 1, _("missing column \"%s\""),
                      r->spec[j].id);
    }
}

/* ---- Records ---- */

static void record_clear(struct csv_reader *r)
{
    for (size_t i = 0; i < r->n_fields; i++)
        free(r->fields[i]);
    r->n_fields = 0;
}

static bool record_is_blank(const struct csv_reader *r)
{
    for (size_t i = 0; i < r->n_fields; i++) {
        if (r->fields[i][0])
            return false;
    }
    return true;
}

/* Problems a data record can have apart from its values: too many fields, or a value under
 * a header cell that was left empty. */
static void record_check_shape(struct csv_reader *r)
{
    if (r->n_fields > r->n_header)
        diags_add(r->d, r->filename, r->record_line, (long)r->n_header + 1,
                  _("too many fields: the header has %zu columns"), r->n_header);
    size_t n = r->n_fields < r->n_header ? r->n_fields : r->n_header;
    for (size_t i = 0; i < n; i++) {
        if (r->header_spec[i] == UNNAMED_COLUMN && r->fields[i][0])
            diags_add(r->d, r->filename, r->record_line, (long)i + 1, "%s",
                      _("a value in a column whose header is empty"));
    }
}

static void record_to_row(struct csv_reader *r)
{
    struct csv_table *t = r->out;
    if (t->n_rows == r->cap_rows) {
        r->cap_rows = r->cap_rows ? r->cap_rows * 2 : 16;
        t->rows = xrealloc(t->rows, r->cap_rows * sizeof *t->rows);
    }
    struct csv_row *row = &t->rows[t->n_rows++];
    row->line = r->record_line;
    row->field = xcalloc(t->n_spec, sizeof *row->field);
    row->col = xcalloc(t->n_spec, sizeof *row->col);
    for (size_t j = 0; j < t->n_spec; j++) {
        long col = t->spec_col[j];
        if (col == 0)
            continue;
        size_t index = (size_t)col - 1;
        row->col[j] = col;
        if (index < r->n_fields) {
            row->field[j] = r->fields[index];
            r->fields[index] = NULL; /* the row owns it now */
        } else {
            row->field[j] = xstrdup("");
        }
    }
}

static void on_field(void *buf, size_t len, void *data)
{
    struct csv_reader *r = data;
    char *raw = buf ? xstrndup(buf, len) : xstrdup("");
    str_trim(raw);
    char *value = utf8_nfc(raw);
    if (value)
        free(raw);
    else
        value = raw; /* cannot happen after decoding; keep the bytes rather than lose them */
    if (r->n_fields == r->cap_fields) {
        r->cap_fields = r->cap_fields ? r->cap_fields * 2 : 16;
        r->fields = xrealloc(r->fields, r->cap_fields * sizeof *r->fields);
    }
    r->fields[r->n_fields++] = value;
}

static void on_record(int terminator, void *data)
{
    (void)terminator;
    struct csv_reader *r = data;
    if (!record_is_blank(r)) {
        if (!r->have_header) {
            header_read(r);
        } else {
            record_check_shape(r);
            record_to_row(r);
        }
    }
    record_clear(r);
    r->awaiting_record = true;
}

/* ---- Driving libcsv ---- */

static void report_stray_quote(struct csv_reader *r, const struct csv_parser *p, char c)
{
    long col = (long)r->n_fields + 1;
    if (c == '"' && !p->quoted)
        diags_add(r->d, r->filename, r->record_line, col, "%s",
                  _("a quote inside an unquoted field (quote the whole field and double "
                    "the quote: \"a \"\"b\"\" c\")"));
    else
        diags_add(r->d, r->filename, r->record_line, col, "%s",
                  _("text after the closing quote of a field (a quote inside a quoted field "
                    "must be doubled)"));
}

/* Feed text to libcsv one byte at a time so every record knows its first physical line even
 * when a quoted field spans several lines. Returns false after a syntax error. */
static bool csv_feed(struct csv_reader *r, struct csv_parser *p, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        bool blank = c == '\r' || c == '\n' || c == ' ' || c == '\t';
        if (r->awaiting_record && !blank) {
            r->record_line = r->line;
            r->awaiting_record = false;
        }
        if (csv_parse(p, &text[i], 1, on_field, on_record, r) != 1) {
            if (csv_error(p) == CSV_EPARSE)
                report_stray_quote(r, p, c);
            else
                diags_add(r->d, r->filename, r->line, 1, "%s", csv_strerror(csv_error(p)));
            return false;
        }
        if (c == '\n' || (c == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            r->line++;
    }
    return true;
}

static void csv_parse_text(struct csv_reader *r, const char *text, size_t len)
{
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        diags_add(r->d, r->filename, 0, 0, "%s", _("cannot start the CSV parser"));
        return;
    }
    csv_set_realloc_func(&parser, xrealloc);
    /* libcsv grows a field's buffer by this much at a time (128 bytes by default): a 10 MB
     * field would be copied thousands of times over. */
    csv_set_blk_size(&parser, CSV_FIELD_BLOCK);
    bool ok = csv_feed(r, &parser, text, len);
    if (ok && csv_fini(&parser, on_field, on_record, r) != 0) {
        diags_add(r->d, r->filename, r->record_line, (long)r->n_fields + 1, "%s",
                  _("a quoted field is not closed (missing \")"));
        ok = false;
    }
    csv_free(&parser);
    if (ok && !r->have_header)
        diags_add(r->d, r->filename, 1, 1, "%s", _("empty file (no header, no data rows)"));
}

int csv_read(const char *data, size_t len, const char *filename, const struct csv_column *spec,
             size_t n_spec, struct csv_table *out, struct diags *d)
{
    size_t diags_before = d->n;
    memset(out, 0, sizeof *out);
    out->filename = filename;
    out->n_spec = n_spec;
    out->spec_col = xcalloc(n_spec, sizeof *out->spec_col);
    char *text = csv_decode(data, len, filename, out, d);
    if (!text)
        return -1;
    struct csv_reader r = {
        .filename = filename,
        .spec = spec,
        .out = out,
        .d = d,
        .line = 1,
        .awaiting_record = true,
        .record_line = 1,
    };
    csv_parse_text(&r, text, strlen(text));
    record_clear(&r);
    free(r.fields);
    free(r.header_spec);
    free(text);
    return d->n > diags_before ? -1 : 0;
}

void csv_table_free(struct csv_table *t)
{
    for (size_t i = 0; i < t->n_rows; i++) {
        for (size_t j = 0; j < t->n_spec; j++)
            free(t->rows[i].field[j]);
        free(t->rows[i].field);
        free(t->rows[i].col);
    }
    free(t->rows);
    free(t->encoding);
    free(t->spec_col);
    memset(t, 0, sizeof *t);
}

/* ---- Writing ---- */

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void strbuf_puts(struct strbuf *b, const char *s)
{
    strbuf_add(b, s, strlen(s));
}

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        strbuf_add(b, small, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    strbuf_add(b, big, (size_t)n);
    free(big);
}

void csv_put_field(struct strbuf *b, const char *s)
{
    if (!s)
        s = "";
    if (!strpbrk(s, ",\"\r\n")) {
        strbuf_puts(b, s);
        return;
    }
    strbuf_add(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            strbuf_add(b, "\"", 1);
        strbuf_add(b, p, 1);
    }
    strbuf_add(b, "\"", 1);
}

void strbuf_free(struct strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
