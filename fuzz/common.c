/* Helpers shared by the fuzz targets (see fuzz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/import.h"
#include "fuzz/fuzz.h"

char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = xmalloc(size + 1);
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

void fuzz_require(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "invariant broken: %s\n", what);
        abort();
    }
}

static const char fixture_apps[] =
    "id,company,biz_no,size,region,factory_region,industry,founded,supplier,supplier_region,"
    "supplier_pools,requested,copay,title,contact_name,contact_email,received\n"
    "2026-001,(주)가,3018112349,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,"
    "yes,\"50,000,000\",5000000,과제,담당자,a@example.kr,2026-06-10 10:00\n"
    "2026-002,(주)나,3028213315,midsize,충청북도 충주시,,바이오,2012-03-04,(주)공급,서울특별시,"
    "yes,80000000,10000000,과제,담당자,b@example.kr,2026-06-11\n"
    "2026-003,(주)다,3038314288,sme,서울특별시,충주시,제지,2020-02-29,(주)공급,대전광역시,"
    "no,1000,5000000,과제,담당자,c@example.kr,2026-06-19 18:00\n";

static void fixture_people(struct call *c)
{
    static const char *const names[] = {"간사", "j1", "j2", "j3", "j4", "j5"};
    c->n_people = 6;
    c->people = xcalloc(c->n_people, sizeof *c->people);
    for (size_t i = 0; i < c->n_people; i++) {
        c->people[i].id = (int64_t)i + 1;
        c->people[i].name = xstrdup(names[i]);
        c->people[i].role = i == 0 ? ROLE_SECRETARIAT : ROLE_JUDGE;
    }
}

static void fixture_apps_load(struct call *c)
{
    struct app_import in;
    struct csv_table t = {0};
    struct diags d = {0};
    fuzz_require(import_apps(c, fixture_apps, strlen(fixture_apps), "fixture", &in, &t, &d) == 0,
                 "the fixture's applications import");
    c->n_apps = in.n;
    c->apps = xcalloc(in.n, sizeof *c->apps);
    for (size_t i = 0; i < in.n; i++)
        c->apps[i].a = in.apps[i]; /* the strings move to the call */
    free(in.apps);
    csv_table_free(&t);
    diags_free(&d);
    c->apps[0].review = REVIEW_PASSED;
    c->apps[1].review = REVIEW_PASSED;
    c->apps[0].conflicts = xcalloc(1, sizeof *c->apps[0].conflicts);
    c->apps[0].conflicts[0] = 3; /* j2 */
    c->apps[0].n_conflicts = 1;
    c->apps[0].sheets = xcalloc(1, sizeof *c->apps[0].sheets);
    c->apps[0].sheets[0] = (struct app_sheet){
        .id = 1,
        .s = {.app = c->apps[0].a.id, .judge = 2, .agree = true, .opinion = xstrdup("")},
        .submitted_at = xstrdup("2026-06-22T01:00:00Z")};
    c->apps[0].n_sheets = 1;
}

const struct call *fuzz_call(void)
{
    static struct call c;
    static bool built;
    if (built)
        return &c;
    struct diags d = {0};
    c.program_text = xstrdup(program_builtin_text("cbtp-2026"));
    fuzz_require(program_parse(c.program_text, "cbtp-2026", &c.program, &d) == 0,
                 "the built-in program parses");
    diags_free(&d);
    fixture_people(&c);
    fixture_apps_load(&c);
    built = true;
    return &c;
}
