/* Fuzz target: the program-definition loader (core/program.c, INI through inih). A definition
 * either parses into a program whose rules can be applied, or every problem is named. */
#include <stdlib.h>
#include <string.h>

#include "core/program.h"
#include "fuzz/fuzz.h"

static void program_check(const struct program *p)
{
    fuzz_require(p->id && p->id[0], "a program has an id");
    fuzz_require(p->n_items > 0 && p->n_items <= PROGRAM_MAX_ITEMS, "a rubric of 1..16 items");
    fuzz_require(p->n_tie_break <= PROGRAM_MAX_TIE_BREAK, "at most 8 tie-break items");
    for (size_t i = 0; i < p->n_tie_break; i++)
        fuzz_require(p->tie_break[i] < p->n_items, "tie-break items are rubric items");
    for (size_t i = 0; i < p->n_items; i++) {
        size_t k;
        fuzz_require(program_item(p, p->items[i].id, &k) != NULL, "items are found by id");
        fuzz_require(p->items[i].max_tenths > 0, "an item has a positive maximum");
    }
    fuzz_require(p->step_tenths > 0, "a positive scoring step");
    fuzz_require(p->decimals >= 0 && p->decimals <= 4, "0..4 decimals");
    fuzz_require(program_total_tenths(p) > 0, "a positive total");
    for (size_t i = 0; i < p->n_docs; i++)
        fuzz_require(program_doc(p, p->docs[i].number) != NULL, "documents are found by number");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    struct program p;
    struct diags d = {0};
    int rc = program_parse(text, "fuzz.ini", &p, &d);
    if (rc == 0) {
        fuzz_require(d.n == 0, "a valid definition has no problems");
        program_check(&p);
        program_free(&p);
    } else {
        fuzz_require(d.n > 0, "an invalid definition names a problem");
    }
    diags_free(&d);
    free(text);
    return 0;
}
