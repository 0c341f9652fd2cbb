/* The importers' rules: turning rows of a CSV file into checked records of the call. Every
 * problem of every row is reported as "FILE:LINE:COLUMN: message"; the caller writes nothing
 * unless there is none (imports are all-or-nothing). */
#ifndef SIMSA_IMPORT_H
#define SIMSA_IMPORT_H

#include "core/csv.h"
#include "core/parse.h"
#include "core/review.h"
#include "core/sheet.h"

struct call;
struct person;

struct app_import {
    struct application *apps; /* owned; free with import_apps_free */
    size_t n;
};

struct doc_import_row {
    const char *app; /* points into the csv table */
    int doc;
    sdate issued;
};

struct finance_import_row {
    const char *app;
    struct finance_year f;
};

/* Column specs (for csv_read): applications, documents, finances; scores depend on the
 * program's rubric (caller frees with import_score_spec_free). */
extern const struct csv_column import_app_spec[];
extern const size_t import_app_spec_n;
extern const struct csv_column import_doc_spec[];
extern const size_t import_doc_spec_n;
extern const struct csv_column import_finance_spec[];
extern const size_t import_finance_spec_n;
struct csv_column *import_score_spec(const struct program *p, size_t *n);
void import_score_spec_free(struct csv_column *spec, size_t n);

/* Parse a whole CSV file and check every row against the call. Return 0 when d is empty. */
int import_apps(const struct call *c, const char *data, size_t len, const char *file,
                struct app_import *out, struct csv_table *t, struct diags *d);
void import_apps_free(struct app_import *a);
int import_docs(const struct call *c, const char *data, size_t len, const char *file,
                struct doc_import_row **rows, size_t *n, struct csv_table *t, struct diags *d);
int import_finance(const struct call *c, const char *data, size_t len, const char *file,
                   struct finance_import_row **rows, size_t *n, struct csv_table *t,
                   struct diags *d);
/* actor: a judge imports only their own rows; the secretariat any judge's (transcribed). Each
 * row is checked by sheet_problems (core/sheet.h); the sheets point into t. */
int import_scores(const struct call *c, const struct person *actor, const char *data, size_t len,
                  const char *file, struct sheet **rows, size_t *n, struct csv_table *t,
                  struct diags *d);

/* A signed amount (finance figures may be negative: equity under capital erosion). */
int signed_amount_parse(const char *s, int64_t *out, const char **why);

#endif
