/* Unit tests for core/calibration.c (judge calibration, per-application item statistics) and
 * core/progress.c (sheets submitted per panel and judge, R6.3, R6.4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "core/calibration.h"
#include "core/call.h"
#include "core/progress.h"

/* R6.1 rubric, in the program's item order. */
enum { NEED, WILL, DATA, KPI, STRATEGY, TEAM, FIT, COST, N_ITEMS };
static const int32_t item_max[N_ITEMS] = {100, 50, 200, 150, 200, 50, 150, 100};
static struct rubric_item items[N_ITEMS] = {
    {.id = "need"},     {.id = "will"}, {.id = "data"}, {.id = "kpi"},
    {.id = "strategy"}, {.id = "team"}, {.id = "fit"},  {.id = "cost"},
};

/* Judges A..E (ids 1..5) make panel 10; F (6) sits on no panel; 7 is the secretariat. */
enum { A = 1, B, C, D, E, F, SEC };
static struct person people[] = {
    {.id = A, .name = "A", .role = ROLE_JUDGE},         {.id = B, .name = "B", .role = ROLE_JUDGE},
    {.id = C, .name = "C", .role = ROLE_JUDGE},         {.id = D, .name = "D", .role = ROLE_JUDGE},
    {.id = E, .name = "E", .role = ROLE_JUDGE},         {.id = F, .name = "F", .role = ROLE_JUDGE},
    {.id = SEC, .name = "S", .role = ROLE_SECRETARIAT},
};
static int64_t panel_judges[] = {A, B, C, D, E};
static struct panel panels[] = {{.id = 10, .name = "P", .judges = panel_judges, .n_judges = 5}};

/* A sheet whose items add up to total, filled item by item up to each maximum. */
static struct app_sheet sheet(int64_t judge, int32_t total)
{
    struct app_sheet s = {.s = {.judge = judge, .agree = true}};
    for (size_t i = 0; i < N_ITEMS; i++) {
        s.s.item_tenths[i] = total < item_max[i] ? total : item_max[i];
        total -= s.s.item_tenths[i];
    }
    return s;
}

/* X: five sheets, E far below; Y: E declared a conflict yet sent a sheet (not counted);
 * Z: two sheets exactly 15 points apart; V: one sheet; U forfeited; T failed review. */
static struct app_sheet x_sheets[5], y_sheets[5], z_sheets[2], v_sheets[1], u_sheets[1];
static int64_t y_conflicts[] = {E};
static struct app_record apps[6];
static struct call call;

static void call_build(bool with_panels)
{
    for (size_t i = 0; i < N_ITEMS; i++)
        items[i].max_tenths = item_max[i];
    memset(&call, 0, sizeof call);
    call.program = (struct program){
        .id = "test", .items = items, .n_items = N_ITEMS, .decimals = 2, .judges = 5, .quorum = 3};
    call.people = people;
    call.n_people = sizeof people / sizeof people[0];
    call.panels = with_panels ? panels : NULL;
    call.n_panels = with_panels ? 1 : 0;
    const int32_t x_totals[5] = {800, 800, 800, 800, 600};
    for (int i = 0; i < 5; i++)
        x_sheets[i] = sheet(A + i, x_totals[i]);
    const int32_t y_totals[5] = {700, 705, 700, 650, 990};
    for (int i = 0; i < 5; i++)
        y_sheets[i] = sheet(A + i, y_totals[i]);
    z_sheets[0] = sheet(A, 850);
    z_sheets[1] = sheet(B, 700);
    v_sheets[0] = sheet(C, 900);
    u_sheets[0] = sheet(A, 100);
    static char *ids[6] = {"T", "U", "V", "X", "Y", "Z"};
    for (int i = 0; i < 6; i++)
        apps[i] = (struct app_record){
            .a = {.id = ids[i]}, .review = REVIEW_PASSED, .panel = with_panels ? 10 : 0};
    apps[0].review = REVIEW_FAILED;
    apps[1].forfeited = true;
    apps[1].sheets = u_sheets, apps[1].n_sheets = 1;
    apps[2].sheets = v_sheets, apps[2].n_sheets = 1;
    apps[3].sheets = x_sheets, apps[3].n_sheets = 5;
    apps[4].sheets = y_sheets, apps[4].n_sheets = 5;
    apps[4].conflicts = y_conflicts, apps[4].n_conflicts = 1;
    apps[5].sheets = z_sheets, apps[5].n_sheets = 2;
    call.apps = apps;
    call.n_apps = 6;
}

static const struct sheet_deviation *deviation_of(const struct calibration *cal, const char *app,
                                                  int64_t judge)
{
    for (size_t i = 0; i < cal->n_sheets; i++)
        if (strcmp(call.apps[cal->sheets[i].app].a.id, app) == 0 && cal->sheets[i].judge == judge)
            return &cal->sheets[i];
    return NULL;
}

static void test_isqrt(void **state)
{
    (void)state;
    const int64_t v[] = {0, 1, 2, 3, 4, 15, 16, 17, 99, 100, INT64_MAX};
    const int64_t want[] = {0, 1, 1, 1, 2, 3, 4, 4, 9, 10, INT64_C(3037000499)};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        assert_int_equal(isqrt64(v[i]), want[i]);
}

/* Each sheet against the mean of the others; far is |difference| >= 15 points, exactly. */
static void test_sheet_deviations(void **state)
{
    (void)state;
    call_build(true);
    struct calibration cal;
    calibration_compute(&call, &cal);
    /* counted: V 1, X 5, Y 4 (E's conflict sheet is not), Z 2; U forfeited still counts */
    assert_int_equal(cal.n_sheets, 1 + 1 + 5 + 4 + 2);
    assert_null(deviation_of(&cal, "Y", E));
    const struct sheet_deviation *d = deviation_of(&cal, "X", E);
    assert_int_equal(d->others, 4);
    assert_int_equal(d->others_mean, 8000);
    assert_int_equal(d->deviation, -2000);
    assert_true(d->far);
    d = deviation_of(&cal, "X", A); /* 80 - 300/4 = +5 */
    assert_int_equal(d->deviation, 500);
    assert_false(d->far);
    d = deviation_of(&cal, "Y", D); /* 65 - 210.5/3 = -5.1666.. -> -5.17 */
    assert_int_equal(d->others_mean, 7017);
    assert_int_equal(d->deviation, -517);
    d = deviation_of(&cal, "Z", A); /* exactly 15 points: far */
    assert_int_equal(d->deviation, 1500);
    assert_true(d->far);
    assert_true(deviation_of(&cal, "Z", B)->far);
    d = deviation_of(&cal, "V", C);
    assert_int_equal(d->others, 0);
    assert_false(d->far);
    calibration_free(&cal);
}

static void test_judges(void **state)
{
    (void)state;
    call_build(true);
    struct calibration cal;
    calibration_compute(&call, &cal);
    assert_int_equal(cal.n_judges, 6); /* judges only, in the call's order */
    const struct judge_calibration *j = calibration_of(&cal, A);
    /* A: U 10, X 80, Y 70, Z 85 */
    assert_int_equal(j->sheets, 4);
    assert_int_equal(j->mean, 6125);
    /* n=4, sum 2450, sum of squares 1862500: variance (7450000 - 6002500) / 16 tenths^2,
     * sd = sqrt(90468.75) = 300.78 tenths -> 30.08 points */
    assert_int_equal(j->spread, 3008);
    /* compared: X +5, Y +1.5, Z +15 (U has no other sheet) -> 21.5 / 3 = 7.1666.. */
    assert_int_equal(j->compared, 3);
    assert_int_equal(j->deviation, 717);
    assert_int_equal(j->far, 1);
    j = calibration_of(&cal, B); /* X +5, Y +2.1666.., Z -15: -7.8333.. / 3 = -2.6111.. */
    assert_int_equal(j->deviation, -261);
    assert_int_equal(j->far, 1);
    j = calibration_of(&cal, C); /* X +5, Y +1.5 (V alone is not compared) */
    assert_int_equal(j->sheets, 3);
    assert_int_equal(j->mean, 8000);
    assert_int_equal(j->compared, 2);
    assert_int_equal(j->deviation, 325);
    j = calibration_of(&cal, E); /* the conflict sheet on Y is left out */
    assert_int_equal(j->sheets, 1);
    assert_int_equal(j->spread, 0);
    assert_int_equal(j->deviation, -2000);
    j = calibration_of(&cal, F);
    assert_int_equal(j->sheets, 0);
    assert_int_equal(j->compared, 0);
    assert_null(calibration_of(&cal, SEC));
    calibration_free(&cal);
}

static void test_item_stats(void **state)
{
    (void)state;
    call_build(true);
    struct app_sheet_stats st;
    app_sheet_stats(&call, &apps[3], &st); /* X */
    assert_int_equal(st.n_sheets, 5);
    /* 80 = 10+5+20+15+20+5+5+0, 60 = 10+5+20+15+10+0+0+0 */
    assert_int_equal(st.items[STRATEGY].mean, 1800);
    assert_int_equal(st.items[STRATEGY].min_tenths, 100);
    assert_int_equal(st.items[STRATEGY].max_tenths, 200);
    assert_int_equal(st.items[FIT].mean, 400);
    assert_int_equal(st.items[NEED].min_tenths, st.items[NEED].max_tenths);
    assert_int_equal(st.total.mean, 7600);
    assert_int_equal(st.total.min_tenths, 600);
    assert_int_equal(st.total.max_tenths, 800);
    app_sheet_stats(&call, &apps[4], &st); /* Y: E's conflict sheet (99.0) is not counted */
    assert_int_equal(st.n_sheets, 4);
    assert_int_equal(st.total.max_tenths, 705);
    assert_int_equal(st.total.mean, 6888); /* 2755 / 4 = 688.75 tenths -> 68.875 -> 68.88 */
    app_sheet_stats(&call, &apps[0], &st); /* T: none */
    assert_int_equal(st.n_sheets, 0);
    assert_int_equal(st.total.mean, 0);
}

static const struct judge_progress *judge_in(const struct panel_progress *pp, int64_t judge)
{
    for (size_t i = 0; i < pp->n_judges; i++)
        if (pp->judges[i].judge == judge)
            return &pp->judges[i];
    return NULL;
}

/* R6.3, R6.4: reviewed applications of the panel; a conflict is not expected; a forfeited one
 * (R11.5) only with the sheets submitted for it. */
static void test_progress_panels(void **state)
{
    (void)state;
    call_build(true);
    struct progress p;
    call_progress(&call, &p);
    assert_int_equal(p.n, 1); /* nothing is left on no panel */
    const struct panel_progress *pp = &p.panels[0];
    assert_int_equal(pp->panel, 10);
    assert_string_equal(pp->name, "P");
    assert_int_equal(pp->apps, 5);     /* U (forfeited, with A's sheet) V X Y Z */
    assert_int_equal(pp->complete, 3); /* U: nobody else is still to score it; X; Y */
    assert_int_equal(pp->n_judges, 5);
    const struct judge_progress *a = judge_in(pp, A), *e = judge_in(pp, E);
    assert_int_equal(a->expected, 5);
    assert_int_equal(a->submitted, 4); /* U X Y Z: the forfeit un-submits nothing */
    assert_int_equal(e->expected, 3);
    assert_int_equal(e->submitted, 1);
    assert_int_equal(e->conflicts, 1);
    assert_null(judge_in(pp, F));
    struct judge_progress sum = progress_of_judge(&p, C);
    assert_int_equal(sum.submitted, 3);
    assert_int_equal(sum.expected, 4);
    progress_free(&p);
}

/* Issue 13: after a forfeit a judge's sheets submitted never exceed those expected, and they are
 * the sheets calibration counts, for every judge. */
static void progress_matches_calibration(void)
{
    struct progress p;
    struct calibration cal;
    call_progress(&call, &p);
    calibration_compute(&call, &cal);
    for (size_t i = 0; i < cal.n_judges; i++) {
        struct judge_progress jp = progress_of_judge(&p, cal.judges[i].judge);
        assert_true(jp.submitted <= jp.expected);
        assert_int_equal(jp.submitted, cal.judges[i].sheets);
    }
    calibration_free(&cal);
    progress_free(&p);
}

static void test_progress_forfeit(void **state)
{
    (void)state;
    for (int with_panels = 0; with_panels < 2; with_panels++) {
        call_build(with_panels);
        progress_matches_calibration();
        struct progress p;
        call_progress(&call, &p);
        struct judge_progress a = progress_of_judge(&p, A);
        assert_int_equal(a.submitted, 4); /* U X Y Z */
        assert_int_equal(a.expected, 5);  /* and V */
        progress_free(&p);
        /* U forfeited after every sheet was in: all five stay submitted */
        apps[1].sheets = x_sheets, apps[1].n_sheets = 5;
        progress_matches_calibration();
        call_progress(&call, &p);
        struct judge_progress e = progress_of_judge(&p, E);
        assert_int_equal(e.submitted, 2); /* U X; Y is E's conflict */
        progress_free(&p);
    }
}

/* With no panel set up, every judge scores every application (R6.3). */
static void test_progress_no_panels(void **state)
{
    (void)state;
    call_build(false);
    struct progress p;
    call_progress(&call, &p);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.panels[0].panel, 0);
    assert_null(p.panels[0].name);
    assert_int_equal(p.panels[0].n_judges, 6);
    const struct judge_progress *f = judge_in(&p.panels[0], F);
    assert_int_equal(f->expected, 4);
    assert_int_equal(f->submitted, 0);
    assert_int_equal(p.panels[0].complete, 1); /* F has scored nothing: only U (forfeited) */
    progress_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_isqrt),
        cmocka_unit_test(test_sheet_deviations),
        cmocka_unit_test(test_judges),
        cmocka_unit_test(test_item_stats),
        cmocka_unit_test(test_progress_panels),
        cmocka_unit_test(test_progress_no_panels),
        cmocka_unit_test(test_progress_forfeit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
