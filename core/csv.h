/* Reading the CSV files people import (applications, documents, finances, scores): header row
 * mapped to canonical column ids through Korean and English aliases, any column order, UTF-8
 * with or without BOM or CP949, CRLF or LF, every field NFC-normalised and trimmed. Parsing is
 * done by libcsv; positions are exact (line of the record, 1-based column number). */
#ifndef SIMSA_CSV_H
#define SIMSA_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

#define CSV_MAX_ALIASES 6

struct csv_column {
    const char *id;                       /* canonical id, e.g. "requested" */
    const char *aliases[CSV_MAX_ALIASES]; /* e.g. "신청금액", "지원신청금액"; NULL-terminated */
    bool required;                        /* the header must have it */
};

struct csv_row {
    long line;    /* physical line where the record starts (header is line 1 or later) */
    char **field; /* by spec index: the value (trimmed, NFC), or NULL when the file lacks the
                     column */
    long *col;    /* by spec index: 1-based column number in the file, 0 when absent */
};

struct csv_table {
    const char *filename;
    char *encoding;       /* "UTF-8" or "CP949" */
    struct csv_row *rows; /* data rows only; blank lines are skipped */
    size_t n_rows;
    size_t n_spec;
    long *spec_col; /* by spec index: column number in the file, 0 when absent */
};

/* Parse data (len bytes, any encoding above) against spec. Problems go to d, each as
 * "FILE:LINE:COLUMN: message": undecodable bytes, an unknown, duplicate or missing required
 * header, a row with more fields than the header, an unterminated quote, an empty file.
 * Returns 0 when there was none. The table is filled even on failure (free it either way). */
int csv_read(const char *data, size_t len, const char *filename, const struct csv_column *spec,
             size_t n_spec, struct csv_table *out, struct diags *d);
void csv_table_free(struct csv_table *t);

/* Write one CSV field (RFC 4180 quoting when needed) into a growing buffer. */
struct strbuf {
    char *s;
    size_t len, cap;
};
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void csv_put_field(struct strbuf *b, const char *s);
void strbuf_free(struct strbuf *b);

#endif
