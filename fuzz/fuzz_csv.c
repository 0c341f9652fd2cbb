/* Fuzz target: the CSV reader (core/csv.c) with each importer's column spec: encodings (UTF-8,
 * BOM, CP949), quoting, line ends, headers and aliases. Checks the shape of what it returns. */
#include <stdlib.h>
#include <string.h>

#include "core/import.h"
#include "fuzz/fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_call();
    return 0;
}

static void table_check(const struct csv_table *t, size_t n_spec, int rc, const struct diags *d)
{
    fuzz_require(rc == 0 || d->n > 0, "a failure names at least one problem");
    for (size_t i = 0; i < d->n; i++)
        fuzz_require(d->v[i].text && d->v[i].text[0], "every problem has a text");
    long last = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        const struct csv_row *row = &t->rows[r];
        fuzz_require(row->line > last, "rows come in file order, one line each at least");
        last = row->line;
        for (size_t j = 0; j < n_spec; j++) {
            fuzz_require(row->col[j] == t->spec_col[j], "a row's columns are the header's");
            fuzz_require((row->field[j] != NULL) == (t->spec_col[j] != 0),
                         "a field exactly when its column is in the file");
            if (row->field[j])
                fuzz_require(strlen(row->field[j]) < 1u << 30, "fields are strings");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const struct call *c = fuzz_call();
    size_t n_score;
    struct csv_column *score = import_score_spec(&c->program, &n_score);
    const struct csv_column *specs[] = {import_app_spec, import_doc_spec, import_finance_spec,
                                        score};
    const size_t n_specs[] = {import_app_spec_n, import_doc_spec_n, import_finance_spec_n, n_score};
    size_t which = data[0] % 4;
    struct csv_table t = {0};
    struct diags d = {0};
    int rc = csv_read((const char *)data + 1, size - 1, "fuzz.csv", specs[which], n_specs[which],
                      &t, &d);
    table_check(&t, n_specs[which], rc, &d);
    csv_table_free(&t);
    diags_free(&d);
    import_score_spec_free(score, n_score);
    return 0;
}
