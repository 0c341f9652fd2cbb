/* Fuzz target: the importers (core/import.c) — applications, documents, financial figures and
 * score sheets, checked against a small call: every row rule and every value parser behind it.
 * An import either succeeds with one record per row or names at least one problem. */
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

static void import_one(const struct call *c, int which, const char *data, size_t len)
{
    struct csv_table t = {0};
    struct diags d = {0};
    size_t n = 0;
    int rc;
    if (which == 0) {
        struct app_import a;
        rc = import_apps(c, data, len, "apps.csv", &a, &t, &d);
        n = a.n;
        for (size_t i = 0; rc == 0 && i < a.n; i++)
            fuzz_require(a.apps[i].requested >= 0 && a.apps[i].copay >= 0 &&
                             strlen(a.apps[i].biz_no) == 10,
                         "an imported application has its figures");
        import_apps_free(&a);
    } else if (which == 1) {
        struct doc_import_row *rows;
        rc = import_docs(c, data, len, "docs.csv", &rows, &n, &t, &d);
        for (size_t i = 0; rc == 0 && i < n; i++)
            fuzz_require(program_doc(&c->program, rows[i].doc) != NULL, "a known document");
        free(rows);
    } else if (which == 2) {
        struct finance_import_row *rows;
        rc = import_finance(c, data, len, "finance.csv", &rows, &n, &t, &d);
        free(rows);
    } else {
        struct sheet *rows;
        /* Judge j3 imports their own, or the secretariat transcribes (which & 4). */
        const struct person *actor = &c->people[which & 4 ? 0 : 3];
        rc = import_scores(c, actor, data, len, "scores.csv", &rows, &n, &t, &d);
        for (size_t i = 0; rc == 0 && i < n; i++)
            for (size_t k = 0; k < c->program.n_items; k++)
                fuzz_require(rows[i].item_tenths[k] >= 0 &&
                                 rows[i].item_tenths[k] <= c->program.items[k].max_tenths,
                             "an imported score lies within its item's range");
        free(rows);
    }
    fuzz_require(rc == 0 ? d.n == 0 && n == t.n_rows : d.n > 0,
                 "an import succeeds whole or names a problem");
    csv_table_free(&t);
    diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] & 3;
    if (which == 3)
        which |= data[0] & 4;
    import_one(fuzz_call(), which, (const char *)data + 1, size - 1);
    return 0;
}
