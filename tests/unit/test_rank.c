/* Unit tests for core/rank.c: R6.4 completeness, R7 base and band, R8 bonuses, R9 ranking and
 * ties, R10 amounts, R11 the budget walk and forfeits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/rank.h"

#define M (INT64_C(1000000))

/* R6.1 rubric, in the program's item order. */
enum { NEED, WILL, DATA, KPI, STRATEGY, TEAM, FIT, COST, N_ITEMS };
static const int32_t item_max[N_ITEMS] = {100, 50, 200, 150, 200, 50, 150, 100};
static struct rubric_item items[N_ITEMS] = {
    {.id = "need"},     {.id = "will"}, {.id = "data"}, {.id = "kpi"},
    {.id = "strategy"}, {.id = "team"}, {.id = "fit"},  {.id = "cost"},
};

static struct program test_program(void)
{
    struct program p = {
        .id = "test",
        .items = items,
        .n_items = N_ITEMS,
        .support_cap = 80 * M,
        .aggregate = AGGREGATE_MEAN,
        .decimals = 2,
        .threshold_tenths = 700,
        .threshold_counts_bonus = false,
        .judges = 5,
        .quorum = 3,
        .step_tenths = 1,
        .tie_break = {DATA, KPI, STRATEGY},
        .n_tie_break = 3,
        .adjust_mean = ADJUST_MEAN_ALL,
        .amount_unit = 1000,
        .budget_fit = BUDGET_FIT_STOP,
        .bonus_cap_tenths = -1,
    };
    for (size_t i = 0; i < N_ITEMS; i++)
        items[i].max_tenths = item_max[i];
    return p;
}

/* A sheet whose items add up to total, filled item by item up to each maximum, so equal totals
 * give equal items. */
static struct sheet sheet_of_total(int32_t total, bool agree, int64_t amount)
{
    struct sheet s = {.agree = agree, .amount = amount};
    for (size_t i = 0; i < N_ITEMS; i++) {
        s.item_tenths[i] = total < item_max[i] ? total : item_max[i];
        total -= s.item_tenths[i];
    }
    return s;
}

static struct sheet sheet_items(const int32_t v[N_ITEMS])
{
    struct sheet s = {.agree = true};
    for (size_t i = 0; i < N_ITEMS; i++)
        s.item_tenths[i] = (int16_t)v[i];
    return s;
}

/* An application reviewed and fully scored by its panel: one sheet per total, all agreeing. */
static struct rank_app app_scored(const char *id, struct sheet *store, const int32_t *totals,
                                  size_t n, int64_t requested)
{
    for (size_t i = 0; i < n; i++)
        store[i] = sheet_of_total(totals[i], true, 0);
    return (struct rank_app){
        .id = id,
        .company = id,
        .review = REVIEW_PASSED,
        .requested = requested,
        .panel_judges = (int)n,
        .sheets = store,
        .n_sheets = n,
    };
}

/* Five sheets of the same total. */
static struct rank_app app_five(const char *id, struct sheet store[5], int32_t total,
                                int64_t requested)
{
    const int32_t totals[5] = {total, total, total, total, total};
    return app_scored(id, store, totals, 5, requested);
}

static const struct rank_row *row_of(const struct rank_result *r, const struct rank_input *in,
                                     const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(in->apps[r->rows[i].app].id, id) == 0)
            return &r->rows[i];
    fail_msg("no row for %s", id);
    return NULL;
}

static void assert_order(const struct rank_result *r, const struct rank_input *in,
                         const char *const *ids, size_t n)
{
    assert_int_equal(r->n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(in->apps[r->rows[i].app].id, ids[i]);
}

static struct rank_input input_of(const struct program *p, const struct rank_app *apps, size_t n,
                                  int64_t budget)
{
    return (struct rank_input){
        .program = p, .apps = apps, .n_apps = n, .has_budget = true, .budget = budget};
}

/* ---- R7.2 rounding ---- */

static void test_R7_2_official_round_half_up(void **state)
{
    (void)state;
    assert_int_equal(official_round(13999, 20, 2), 7000);            /* 69.995 -> 70.00 */
    assert_int_equal(official_round(6999499999, 10000000, 2), 6999); /* 69.99499999 */
    assert_int_equal(official_round(6999, 10, 2), 6999);             /* 69.99 exact */
    assert_int_equal(official_round(2, 3, 2), 7);                    /* 0.0666.. -> 0.07 */
    assert_int_equal(official_round(1, 3, 2), 3);                    /* 0.0333.. -> 0.03 */
    assert_int_equal(official_round(13999, 20, 1), 700);             /* 69.995 -> 70.0 */
    assert_int_equal(official_round(6949, 10, 0), 69);               /* 69.49 -> 69 */
    assert_int_equal(official_round(695, 1, 0), 70);                 /* 69.5 -> 70 */
    assert_int_equal(official_round(30, 1, 2), 300);                 /* a bonus of 3 */
}

static void test_R7_2_mean_69_995_rounds_up_to_target(void **state)
{
    (void)state;
    struct program p = test_program();
    int32_t totals[20];
    for (size_t i = 0; i < 20; i++)
        totals[i] = 700;
    totals[19] = 699; /* 13999 / 20 = 699.95 tenths = 69.995 */
    struct sheet sheets[20];
    struct rank_app app = app_scored("2026-001", sheets, totals, 20, 50 * M);
    int64_t num, den;
    assert_int_equal(base_score_fraction(&p, sheets, 20, &num, &den), 0);
    assert_int_equal(num, 13999);
    assert_int_equal(den, 20);
    struct rank_input in = input_of(&p, &app, 1, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    assert_int_equal(r.rows[0].base, 7000);
    assert_int_equal(r.rows[0].band, BAND_TARGET);
    assert_int_equal(r.rows[0].rank, 1);
    rank_result_free(&r);
}

/* ---- R7.3 threshold ---- */

static void test_R7_3_exactly_70_target_69_99_excluded(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s1[5], s2[10];
    int32_t totals[10] = {700, 700, 700, 700, 700, 700, 700, 700, 700, 699}; /* 69.99 */
    struct rank_app apps[2] = {app_five("2026-001", s1, 700, 50 * M),
                               app_scored("2026-002", s2, totals, 10, 50 * M)};
    struct rank_input in = input_of(&p, apps, 2, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    const struct rank_row *at = row_of(&r, &in, "2026-001");
    const struct rank_row *below = row_of(&r, &in, "2026-002");
    assert_int_equal(at->base, 7000);
    assert_int_equal(at->band, BAND_TARGET);
    assert_int_equal(at->outcome, OUTCOME_SELECTED);
    assert_int_equal(below->base, 6999);
    assert_true(below->has_result);
    assert_int_equal(below->band, BAND_EXCLUDED);
    assert_int_equal(below->outcome, OUTCOME_EXCLUDED);
    assert_int_equal(below->rank, 0);
    assert_false(below->has_amount);
    assert_string_equal(below->reason, "excluded: official base 69.99 < 70.00");
    rank_result_free(&r);
}

/* ---- R7.1 aggregate ---- */

static void test_R7_1_trimmed_with_4_sheets_is_the_mean(void **state)
{
    (void)state;
    struct program p = test_program();
    p.aggregate = AGGREGATE_TRIMMED;
    struct sheet s[4];
    const int32_t totals[4] = {600, 700, 800, 900};
    struct rank_app app = app_scored("2026-001", s, totals, 4, 50 * M);
    int64_t num, den;
    assert_int_equal(base_score_fraction(&p, s, 4, &num, &den), 0);
    assert_int_equal(num, 3000);
    assert_int_equal(den, 4);
    struct rank_input in = input_of(&p, &app, 1, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    assert_int_equal(r.rows[0].base, 7500);
    rank_result_free(&r);
}

static void test_R7_1_trimmed_with_5_sheets_drops_high_and_low(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    const int32_t totals[5] = {500, 700, 700, 700, 1000};
    struct rank_app app = app_scored("2026-001", s, totals, 5, 50 * M);
    struct rank_input in = input_of(&p, &app, 1, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    assert_int_equal(r.rows[0].base, 7200); /* mean: 3600 / 5 */
    rank_result_free(&r);

    p.aggregate = AGGREGATE_TRIMMED;
    int64_t num, den;
    assert_int_equal(base_score_fraction(&p, s, 5, &num, &den), 0);
    assert_int_equal(num, 2100);
    assert_int_equal(den, 3);
    rank_compute(&in, &r);
    assert_int_equal(r.rows[0].base, 7000);
    assert_int_equal(r.rows[0].n_sheets, 5);
    rank_result_free(&r);
    assert_int_equal(base_score_fraction(&p, s, 0, &num, &den), -1);
}

/* ---- R6.4 completeness ---- */

static const struct rank_row *compute_one(const struct program *p, struct rank_app *app,
                                          struct rank_result *r)
{
    struct rank_input in = input_of(p, app, 1, 100 * M);
    rank_compute(&in, r);
    assert_int_equal(r->n, 1);
    return &r->rows[0];
}

static void test_R6_4_two_sheets_three_conflicts_incomplete(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[2];
    const int32_t totals[2] = {900, 900};
    struct rank_app app = app_scored("2026-001", s, totals, 2, 50 * M);
    app.panel_judges = 5;
    app.conflicts = 3;
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_INCOMPLETE);
    assert_int_equal(row->outcome, OUTCOME_INCOMPLETE);
    assert_false(row->has_result);
    assert_false(row->has_amount);
    assert_int_equal(row->n_sheets, 2);
    assert_string_equal(row->reason,
                        "incomplete: 2 of 5 sheets submitted, 3 conflicts, below the quorum of 3");
    rank_result_free(&r);
}

static void test_R6_4_three_sheets_two_conflicts_complete(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[3];
    const int32_t totals[3] = {800, 810, 820};
    struct rank_app app = app_scored("2026-001", s, totals, 3, 50 * M);
    app.panel_judges = 5;
    app.conflicts = 2;
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_TARGET);
    assert_int_equal(row->base, 8100);
    assert_int_equal(row->n_sheets, 3);
    rank_result_free(&r);
}

static void test_R6_4_missing_judge_incomplete(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[4];
    const int32_t totals[4] = {800, 800, 800, 800};
    struct rank_app app = app_scored("2026-001", s, totals, 4, 50 * M);
    app.panel_judges = 5;
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_INCOMPLETE);
    assert_string_equal(row->reason, "incomplete: 4 of 5 sheets submitted, 1 judge yet to score");
    rank_result_free(&r);

    app.n_sheets = 3;
    app.conflicts = 1;
    row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_INCOMPLETE);
    assert_string_equal(row->reason,
                        "incomplete: 3 of 5 sheets submitted, 1 conflict, 1 judge yet to score");
    rank_result_free(&r);
}

static void test_R6_4_review_decides_unreviewed_and_ineligible(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    struct rank_app app = app_five("2026-001", s, 900, 50 * M);
    app.review = REVIEW_NONE;
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_UNREVIEWED);
    assert_int_equal(row->outcome, OUTCOME_UNREVIEWED);
    assert_false(row->has_result);
    rank_result_free(&r);
    app.review = REVIEW_FAILED;
    row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_INELIGIBLE);
    assert_int_equal(row->outcome, OUTCOME_INELIGIBLE);
    assert_false(row->has_amount);
    rank_result_free(&r);
}

/* ---- R8 bonuses ---- */

static void test_R8_bonus_added_after_threshold(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    struct rank_app app = app_five("2026-001", s, 690, 50 * M);
    app.bonus_tenths = 30;
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_int_equal(row->base, 6900);
    assert_int_equal(row->bonus_tenths, 30);
    assert_int_equal(row->final, 7200);
    assert_int_equal(row->band, BAND_EXCLUDED);
    assert_string_equal(row->reason, "excluded: official base 69.00 < 70.00");
    rank_result_free(&r);

    p.threshold_counts_bonus = true;
    row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_TARGET);
    assert_int_equal(row->final, 7200);
    rank_result_free(&r);

    app.bonus_tenths = 5; /* 69.00 + 0.5 = 69.50 still below */
    row = compute_one(&p, &app, &r);
    assert_int_equal(row->band, BAND_EXCLUDED);
    assert_string_equal(row->reason, "excluded: final score 69.50 < 70.00");
    rank_result_free(&r);
}

static void test_R8_bonus_cap(void **state)
{
    (void)state;
    struct program p = test_program();
    p.bonus_cap_tenths = 30;
    struct sheet s[5];
    struct rank_app app = app_five("2026-001", s, 750, 50 * M);
    app.bonus_tenths = 60; /* +3 and +3 */
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_int_equal(row->bonus_tenths, 30);
    assert_int_equal(row->final, 7800);
    rank_result_free(&r);
    p.bonus_cap_tenths = -1;
    row = compute_one(&p, &app, &r);
    assert_int_equal(row->bonus_tenths, 60);
    assert_int_equal(row->final, 8100);
    rank_result_free(&r);
}

/* ---- R9 ranking and ties ---- */

static void test_R9_1_tie_on_base_broken_by_final(void **state)
{
    (void)state;
    struct program p = test_program();
    /* Same total 80.0; 001 is better on data, but 002 has a bonus. */
    const int32_t better_data[N_ITEMS] = {100, 50, 200, 150, 100, 50, 100, 50};
    const int32_t worse_data[N_ITEMS] = {100, 50, 100, 150, 200, 50, 100, 50};
    struct sheet s1[3], s2[3];
    for (size_t i = 0; i < 3; i++) {
        s1[i] = sheet_items(better_data);
        s2[i] = sheet_items(worse_data);
    }
    struct rank_app apps[2] = {
        {.id = "2026-001",
         .review = REVIEW_PASSED,
         .requested = 10 * M,
         .panel_judges = 3,
         .sheets = s1,
         .n_sheets = 3},
        {.id = "2026-002",
         .review = REVIEW_PASSED,
         .requested = 10 * M,
         .panel_judges = 3,
         .sheets = s2,
         .n_sheets = 3,
         .bonus_tenths = 1},
    };
    struct rank_input in = input_of(&p, apps, 2, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    static const char *const order[] = {"2026-002", "2026-001"};
    assert_order(&r, &in, order, 2);
    assert_int_equal(r.rows[0].base, 8000);
    assert_int_equal(r.rows[0].final, 8010);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.rows[1].tie_group, 0);
    rank_result_free(&r);
}

/* Equal on final, data (150.333.. over 3 and over 6 sheets) and kpi; strategy decides. */
static void test_R9_2_broken_only_at_strategy(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s1[3], s2[6];
    for (size_t i = 0; i < 6; i++) {
        int32_t data = (i < 4) ? 150 : 151;
        /* 002: strategy 151 with team 49; data compensated by fit, total always 850 */
        const int32_t v[N_ITEMS] = {100, 50, data, 150, 151, 49, 250 - data, 100};
        s2[i] = sheet_items(v);
    }
    for (size_t i = 0; i < 3; i++) {
        int32_t data = (i < 2) ? 150 : 151;
        const int32_t v[N_ITEMS] = {100, 50, data, 150, 150, 50, 250 - data, 100};
        s1[i] = sheet_items(v);
    }
    struct rank_app apps[2] = {
        {.id = "2026-001",
         .review = REVIEW_PASSED,
         .requested = 10 * M,
         .panel_judges = 3,
         .sheets = s1,
         .n_sheets = 3},
        {.id = "2026-002",
         .review = REVIEW_PASSED,
         .requested = 10 * M,
         .panel_judges = 6,
         .sheets = s2,
         .n_sheets = 6},
    };
    struct rank_input in = input_of(&p, apps, 2, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    static const char *const order[] = {"2026-002", "2026-001"};
    assert_order(&r, &in, order, 2);
    assert_int_equal(r.rows[0].final, 8500);
    assert_int_equal(r.rows[1].final, 8500);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.rows[0].tie_group, 0);
    assert_int_equal(r.rows[1].tie_group, 0);
    rank_result_free(&r);

    p.n_tie_break = 2; /* without strategy: equal on everything left */
    rank_compute(&in, &r);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 1);
    assert_int_not_equal(r.rows[0].tie_group, 0);
    rank_result_free(&r);
}

/* Four applications: 001 first, 002 and 003 identical, 004 last. */
struct four {
    struct sheet s[4][5];
    struct rank_app apps[4];
};

static void four_fill(struct four *f, const int64_t amounts[4])
{
    f->apps[0] = app_five("2026-001", f->s[0], 900, amounts[0]);
    f->apps[1] = app_five("2026-002", f->s[1], 800, amounts[1]);
    f->apps[2] = app_five("2026-003", f->s[2], 800, amounts[2]);
    f->apps[3] = app_five("2026-004", f->s[3], 750, amounts[3]);
}

static void test_R9_3_unresolved_tie_shares_rank(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){10 * M, 10 * M, 10 * M, 10 * M});
    struct rank_input in = input_of(&p, f.apps, 4, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    static const char *const order[] = {"2026-001", "2026-002", "2026-003", "2026-004"};
    assert_order(&r, &in, order, 4);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.rows[2].rank, 2);
    assert_int_equal(r.rows[3].rank, 4);
    assert_int_equal(r.rows[0].tie_group, 0);
    assert_int_not_equal(r.rows[1].tie_group, 0);
    assert_int_equal(r.rows[1].tie_group, r.rows[2].tie_group);
    assert_int_equal(r.rows[3].tie_group, 0);
    assert_false(r.rows[1].tie_resolved);
    assert_int_equal(r.rows[1].outcome, OUTCOME_SELECTED); /* all fit: decided (R11.4) */
    assert_string_equal(r.rows[1].reason,
                        "selected: 10,000,000 within budget (used 20,000,000 of 100,000,000); "
                        "tie with 2026-003 (equal on final, data, kpi, strategy): every order "
                        "gives this result (R11.4)");
    assert_int_equal(r.notes.n, 0);
    rank_result_free(&r);
}

static void test_R9_3_committee_order_applied(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){10 * M, 10 * M, 10 * M, 10 * M});
    /* The later of two decisions on the same group is the one that applies. */
    const char *first[] = {"2026-002", "2026-003"};
    const char *decided[] = {"2026-003", "2026-002"};
    struct tie_order ties[2] = {{.apps = first, .n = 2}, {.apps = decided, .n = 2}};
    struct rank_input in = input_of(&p, f.apps, 4, 100 * M);
    in.ties = ties;
    in.n_ties = 2;
    struct rank_result r;
    rank_compute(&in, &r);
    static const char *const order[] = {"2026-001", "2026-003", "2026-002", "2026-004"};
    assert_order(&r, &in, order, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(r.rows[i].rank, i + 1);
    assert_true(r.rows[1].tie_resolved);
    assert_true(r.rows[2].tie_resolved);
    assert_false(r.rows[0].tie_resolved);
    assert_int_equal(r.rows[1].tie_group, 0);
    assert_int_equal(r.rows[2].tie_group, 0);
    assert_string_equal(r.rows[1].reason,
                        "selected: 10,000,000 within budget (used 20,000,000 of 100,000,000); "
                        "tie with 2026-002 ordered by the committee (R9.3)");
    assert_int_equal(r.notes.n, 0);
    rank_result_free(&r);
}

static void test_R9_3_stale_order_noted(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){10 * M, 10 * M, 10 * M, 10 * M});
    const char *wrong_pair[] = {"2026-001", "2026-002"};
    const char *superset[] = {"2026-002", "2026-003", "2026-004"};
    const char *repeated[] = {"2026-003", "2026-003"};
    const char *subset[] = {"2026-003"};
    struct tie_order ties[4] = {{.apps = wrong_pair, .n = 2},
                                {.apps = superset, .n = 3},
                                {.apps = repeated, .n = 2},
                                {.apps = subset, .n = 1}};
    struct rank_input in = input_of(&p, f.apps, 4, 100 * M);
    in.ties = ties;
    in.n_ties = 4;
    struct rank_result r;
    rank_compute(&in, &r);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.rows[2].rank, 2);
    assert_false(r.rows[1].tie_resolved);
    assert_int_not_equal(r.rows[1].tie_group, 0);
    assert_int_equal(r.notes.n, 4);
    assert_string_equal(r.notes.v[0], "stale tie decision (2026-001, 2026-002): they are not "
                                      "tied as one group now, so it is not applied");
    assert_non_null(strstr(r.notes.v[1], "(2026-002, 2026-003, 2026-004)"));
    assert_non_null(strstr(r.notes.v[2], "(2026-003, 2026-003)"));
    assert_non_null(strstr(r.notes.v[3], "(2026-003)"));
    rank_result_free(&r);
}

/* ---- R10 amounts ---- */

static void five_votes(struct sheet s[5], int agreeing, const int64_t *adjusted)
{
    for (int i = 0; i < 5; i++)
        s[i] = sheet_of_total(800, i < agreeing, i < agreeing ? 0 : adjusted[i - agreeing]);
}

static void test_R10_3_two_of_five_agree_mean_of_all(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    five_votes(s, 2, (const int64_t[]){70 * M, 65 * M, 60 * M});
    int agree = -1;
    char *why = NULL;
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 71 * M);
    assert_int_equal(agree, 2);
    assert_string_equal(why, "2 of 5 agreed (< 3): mean of 5 amounts = 71,000,000");
    free(why);
}

static void test_R10_2_three_of_five_agree_requested(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    five_votes(s, 3, (const int64_t[]){10 * M, 20 * M});
    int agree = -1;
    char *why = NULL;
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 80 * M);
    assert_int_equal(agree, 3);
    assert_string_equal(why, "3 of 5 agreed (> half): requested amount 80,000,000");
    free(why);
}

static void test_R10_3_two_of_four_is_not_a_majority(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[4];
    for (int i = 0; i < 4; i++)
        s[i] = sheet_of_total(800, i < 2, 40 * M);
    int agree;
    char *why;
    assert_int_equal(amount_by_majority(&p, 60 * M, s, 4, &agree, &why), 50 * M);
    assert_string_equal(why, "2 of 4 agreed (< 3): mean of 4 amounts = 50,000,000");
    free(why);
}

static void test_R10_3_mean_floored_to_amount_unit(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    /* (160,000,000 + 195,004,500) / 5 = 71,000,900: floored, not rounded to 71,001,000 */
    five_votes(s, 2, (const int64_t[]){70 * M, 65 * M, 60 * M + 4500});
    int agree;
    char *why;
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 71 * M);
    assert_string_equal(
        why, "2 of 5 agreed (< 3): mean of 5 amounts = 71,000,000 (rounded down to 1,000)");
    free(why);
    five_votes(s, 2, (const int64_t[]){70 * M, 65 * M, 60 * M + 9999});
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 71 * M + 1000);
    free(why);
}

static void test_R10_3_dissenters_policy(void **state)
{
    (void)state;
    struct program p = test_program();
    p.adjust_mean = ADJUST_MEAN_DISSENTERS;
    struct sheet s[5];
    five_votes(s, 2, (const int64_t[]){70 * M, 65 * M, 60 * M});
    int agree;
    char *why;
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 65 * M);
    assert_string_equal(why, "2 of 5 agreed (< 3): mean of 3 adjusted amounts = 65,000,000");
    free(why);
}

static void test_R10_3_support_cap_applied(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    five_votes(s, 3, (const int64_t[]){85 * M, 85 * M});
    int agree;
    char *why;
    assert_int_equal(amount_by_majority(&p, 90 * M, s, 5, &agree, &why), 80 * M);
    assert_string_equal(why, "3 of 5 agreed (> half): requested amount 90,000,000, capped at "
                             "80,000,000 (R5.1)");
    free(why);
    five_votes(s, 2, (const int64_t[]){85 * M, 85 * M, 85 * M});
    assert_int_equal(amount_by_majority(&p, 90 * M, s, 5, &agree, &why), 80 * M);
    assert_string_equal(why, "2 of 5 agreed (< 3): mean of 5 amounts = 87,000,000, capped at "
                             "80,000,000 (R5.1)");
    free(why);
}

static void test_R10_amount_on_every_target_row(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    struct rank_app app = app_five("2026-001", s, 800, 80 * M);
    five_votes(s, 2, (const int64_t[]){70 * M, 65 * M, 60 * M});
    struct rank_result r;
    const struct rank_row *row = compute_one(&p, &app, &r);
    assert_true(row->has_amount);
    assert_int_equal(row->amount, 71 * M);
    assert_int_equal(row->agree, 2);
    assert_string_equal(row->amount_reason, "2 of 5 agreed (< 3): mean of 5 amounts = 71,000,000");
    rank_result_free(&r);
}

/* ---- R11 the budget walk ---- */

static void walk(struct program *p, enum budget_fit fit, struct rank_app *apps, size_t n,
                 int64_t budget, struct rank_input *in, struct rank_result *r)
{
    p->budget_fit = fit;
    *in = input_of(p, apps, n, budget);
    rank_compute(in, r);
}

static void assert_outcomes(const struct rank_result *r, const enum outcome *want, size_t n)
{
    assert_int_equal(r->n, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(r->rows[i].outcome, want[i]);
}

/* 001 80M, 002 75M, 003 80M, 004 40M in rank order; budget 200M. */
static void distinct_fill(struct four *f)
{
    f->apps[0] = app_five("2026-001", f->s[0], 900, 80 * M);
    f->apps[1] = app_five("2026-002", f->s[1], 850, 75 * M);
    f->apps[2] = app_five("2026-003", f->s[2], 800, 80 * M);
    f->apps[3] = app_five("2026-004", f->s[3], 750, 40 * M);
}

static void test_R11_2_stop_waitlists_the_rest(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    distinct_fill(&f);
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 200 * M, &in, &r);
    static const enum outcome want[] = {OUTCOME_SELECTED, OUTCOME_SELECTED, OUTCOME_WAITLISTED,
                                        OUTCOME_WAITLISTED};
    assert_outcomes(&r, want, 4);
    assert_int_equal(r.used, 155 * M);
    assert_string_equal(r.rows[1].reason,
                        "selected: 75,000,000 within budget (used 155,000,000 of 200,000,000)");
    assert_string_equal(r.rows[2].reason, "waitlisted: 80,000,000 does not fit (45,000,000 left)");
    assert_string_equal(r.rows[3].reason,
                        "waitlisted: the walk stopped at 2026-003, which does not fit (R11.2)");
    rank_result_free(&r);
}

static void test_R11_2_skip_goes_on(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    distinct_fill(&f);
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_SKIP, f.apps, 4, 200 * M, &in, &r);
    static const enum outcome want[] = {OUTCOME_SELECTED, OUTCOME_SELECTED, OUTCOME_WAITLISTED,
                                        OUTCOME_SELECTED};
    assert_outcomes(&r, want, 4);
    assert_int_equal(r.used, 195 * M);
    assert_string_equal(r.rows[2].reason, "waitlisted: 80,000,000 does not fit (45,000,000 left)");
    assert_string_equal(r.rows[3].reason,
                        "selected: 40,000,000 within budget (used 195,000,000 of 200,000,000)");
    rank_result_free(&r);
}

/* 001 80M first; 002 and 003 tied at rank 2; 004 40M last. */
static void test_R11_4_tie_straddling_budget(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){80 * M, 80 * M, 50 * M, 40 * M});
    static const enum outcome want[] = {OUTCOME_SELECTED, OUTCOME_TIE, OUTCOME_TIE,
                                        OUTCOME_WAITLISTED};
    const enum budget_fit fits[] = {BUDGET_FIT_STOP, BUDGET_FIT_SKIP};
    for (size_t k = 0; k < 2; k++) {
        struct rank_input in;
        struct rank_result r;
        walk(&p, fits[k], f.apps, 4, 200 * M, &in, &r); /* 120M left: 80 + 50 does not fit */
        assert_outcomes(&r, want, 4);
        assert_int_equal(r.used, 80 * M);
        assert_string_equal(r.rows[1].reason, "tie with 2026-003 (equal on final, data, kpi, "
                                              "strategy): the committee must order it");
        assert_string_equal(r.rows[2].reason, "tie with 2026-002 (equal on final, data, kpi, "
                                              "strategy): the committee must order it");
        assert_string_equal(r.rows[3].reason, "waitlisted: the tie at rank 2 must be ordered by "
                                              "the committee first (R11.4)");
        rank_result_free(&r);
    }
}

static void test_R11_4_tie_where_all_fit(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){80 * M, 80 * M, 50 * M, 40 * M});
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 250 * M, &in, &r);
    static const enum outcome want[] = {OUTCOME_SELECTED, OUTCOME_SELECTED, OUTCOME_SELECTED,
                                        OUTCOME_SELECTED};
    assert_outcomes(&r, want, 4);
    assert_int_equal(r.used, 250 * M);
    rank_result_free(&r);
}

static void test_R11_4_tie_where_none_fits(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){80 * M, 80 * M, 75 * M, 40 * M});
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 150 * M, &in, &r); /* 70M left after 001 */
    static const enum outcome stop[] = {OUTCOME_SELECTED, OUTCOME_WAITLISTED, OUTCOME_WAITLISTED,
                                        OUTCOME_WAITLISTED};
    assert_outcomes(&r, stop, 4);
    assert_string_equal(r.rows[1].reason,
                        "waitlisted: 80,000,000 does not fit (70,000,000 left); tie with 2026-003 "
                        "(equal on final, data, kpi, strategy): every order gives this result "
                        "(R11.4)");
    assert_string_equal(r.rows[3].reason, "waitlisted: the walk stopped at the tie at rank 2, "
                                          "which does not fit (R11.2)");
    assert_int_equal(r.used, 80 * M);
    rank_result_free(&r);

    walk(&p, BUDGET_FIT_SKIP, f.apps, 4, 150 * M, &in, &r);
    static const enum outcome skip[] = {OUTCOME_SELECTED, OUTCOME_WAITLISTED, OUTCOME_WAITLISTED,
                                        OUTCOME_SELECTED};
    assert_outcomes(&r, skip, 4);
    assert_int_equal(r.used, 120 * M);
    rank_result_free(&r);
}

/* 70M left after 001; of the tie only 003 (30M) fits, whatever the order. */
static void test_R11_4_tie_under_skip_same_subset(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){80 * M, 75 * M, 30 * M, 40 * M});
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_SKIP, f.apps, 4, 150 * M, &in, &r);
    static const enum outcome skip[] = {OUTCOME_SELECTED, OUTCOME_WAITLISTED, OUTCOME_SELECTED,
                                        OUTCOME_SELECTED};
    assert_outcomes(&r, skip, 4);
    assert_int_equal(r.used, 150 * M);
    assert_non_null(strstr(r.rows[1].reason, "waitlisted: 75,000,000 does not fit (70,000,000 "
                                             "left)"));
    rank_result_free(&r);

    /* Under stop the order decides whether 003 is reached: a tie. */
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 150 * M, &in, &r);
    static const enum outcome stop[] = {OUTCOME_SELECTED, OUTCOME_TIE, OUTCOME_TIE,
                                        OUTCOME_WAITLISTED};
    assert_outcomes(&r, stop, 4);
    assert_int_equal(r.used, 80 * M);
    rank_result_free(&r);
}

/* R11.7: the outcome's reason names the recorded reason of a forfeit (a plan revision not made
 * names the revision); without one it says only that the walk is made again. */
static void test_R11_7_forfeit_reason_names_what_was_recorded(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    distinct_fill(&f);
    f.apps[0].forfeited = true;
    f.apps[0].forfeit_reason = "plan revision not made by 2026-12-20 (R12.1): 사업비 보완";
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 200 * M, &in, &r);
    assert_int_equal(r.rows[0].outcome, OUTCOME_FORFEITED);
    assert_string_equal(r.rows[0].reason,
                        "forfeited (plan revision not made by 2026-12-20 (R12.1): 사업비 보완): "
                        "the selection is made again without it (R11.5)");
    rank_result_free(&r);
    f.apps[0].forfeit_reason = "";
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 200 * M, &in, &r);
    assert_string_equal(r.rows[0].reason,
                        "forfeited: the selection is made again without it (R11.5)");
    rank_result_free(&r);
}

static void test_R11_5_forfeit_promotes_under_stop_and_skip(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    distinct_fill(&f);
    f.apps[0].forfeited = true;
    static const enum outcome want[] = {OUTCOME_FORFEITED, OUTCOME_SELECTED, OUTCOME_SELECTED,
                                        OUTCOME_SELECTED};
    const enum budget_fit fits[] = {BUDGET_FIT_STOP, BUDGET_FIT_SKIP};
    for (size_t k = 0; k < 2; k++) {
        struct rank_input in;
        struct rank_result r;
        walk(&p, fits[k], f.apps, 4, 200 * M, &in, &r);
        assert_outcomes(&r, want, 4);
        assert_int_equal(r.rows[0].rank, 1);
        assert_true(r.rows[0].has_amount);
        assert_string_equal(r.rows[0].reason,
                            "forfeited: the selection is made again without it (R11.5)");
        assert_int_equal(r.used, 195 * M);
        rank_result_free(&r);
    }
}

static void test_R11_5_forfeit_inside_a_tie(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    four_fill(&f, (const int64_t[4]){80 * M, 80 * M, 50 * M, 40 * M});
    f.apps[1].forfeited = true; /* 003 now stands alone and fits */
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_STOP, f.apps, 4, 200 * M, &in, &r);
    static const enum outcome want[] = {OUTCOME_SELECTED, OUTCOME_FORFEITED, OUTCOME_SELECTED,
                                        OUTCOME_SELECTED};
    assert_outcomes(&r, want, 4);
    assert_int_equal(r.used, 170 * M);
    rank_result_free(&r);
}

/* rank_budget_counts over a ranking made with one budget (or none) counts exactly what
 * rank_compute gives with another: every budget from 0 to 300M, stop and skip, with ties (some
 * straddling the budget), forfeits (one inside a tie) and applications never ranked. */
static void assert_counts_as_computed(struct program *p, struct rank_app *apps, size_t n)
{
    const enum budget_fit fits[] = {BUDGET_FIT_STOP, BUDGET_FIT_SKIP};
    for (size_t k = 0; k < 2; k++) {
        struct rank_input in;
        struct rank_result base, want;
        walk(p, fits[k], apps, n, 0, &in, &base);
        in.has_budget = false;
        rank_result_free(&base);
        rank_compute(&in, &base);
        for (int64_t budget = 0; budget <= 300 * M; budget += 5 * M) {
            walk(p, fits[k], apps, n, budget, &in, &want);
            struct rank_counts c, from_want;
            rank_budget_counts(p, &base, budget, &c);
            rank_budget_counts(p, &want, budget + 5 * M, &from_want); /* then back */
            int selected = 0, waitlisted = 0, ties = 0;
            for (size_t i = 0; i < want.n; i++) {
                selected += want.rows[i].outcome == OUTCOME_SELECTED;
                waitlisted += want.rows[i].outcome == OUTCOME_WAITLISTED;
                ties += want.rows[i].outcome == OUTCOME_TIE;
            }
            assert_int_equal(c.selected, selected);
            assert_int_equal(c.waitlisted, waitlisted);
            assert_int_equal(c.ties, ties);
            assert_int_equal(c.used, want.used);
            rank_result_free(&want);
            walk(p, fits[k], apps, n, budget + 5 * M, &in, &want);
            assert_int_equal(from_want.used, want.used);
            rank_result_free(&want);
        }
        rank_result_free(&base);
    }
}

static void test_R11_budget_counts_are_the_walks(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[8][5];
    struct rank_app apps[8] = {
        app_five("2026-001", s[0], 900, 80 * M), app_five("2026-002", s[1], 850, 75 * M),
        app_five("2026-003", s[2], 850, 30 * M), app_five("2026-004", s[3], 800, 50 * M),
        app_five("2026-005", s[4], 800, 50 * M), app_five("2026-006", s[5], 800, 45 * M),
        app_five("2026-007", s[6], 650, 10 * M), /* excluded */
        app_five("2026-008", s[7], 750, 40 * M),
    };
    assert_counts_as_computed(&p, apps, 8);
    apps[4].forfeited = true; /* inside the tie at rank 4 */
    apps[0].forfeited = true;
    assert_counts_as_computed(&p, apps, 8);
    apps[1].review = REVIEW_FAILED; /* the tie at rank 2 is broken up */
    assert_counts_as_computed(&p, apps, 8);
}

static void test_R11_1_no_budget(void **state)
{
    (void)state;
    struct program p = test_program();
    struct four f;
    distinct_fill(&f);
    struct rank_input in = input_of(&p, f.apps, 4, 0);
    in.has_budget = false;
    struct rank_result r;
    rank_compute(&in, &r);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(r.rows[i].outcome, OUTCOME_WAITLISTED);
        assert_string_equal(r.rows[i].reason, "waitlisted: no budget set");
        assert_true(r.rows[i].has_amount);
    }
    assert_int_equal(r.used, 0);
    assert_int_equal(r.notes.n, 1);
    assert_non_null(strstr(r.notes.v[0], "no budget set"));
    rank_result_free(&r);
}

/* R11.3, and the row order: ranked by rank, then the rest by app id. */
static void test_R11_3_excluded_and_ineligible_never_waitlisted(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[6][5];
    struct rank_app apps[6] = {
        app_five("2026-006", s[0], 650, 10 * M), /* excluded */
        app_five("2026-005", s[1], 900, 10 * M), /* ineligible */
        app_five("2026-004", s[2], 800, 80 * M), /* target, does not fit */
        app_five("2026-003", s[3], 850, 80 * M), /* target, selected */
        app_five("2026-002", s[4], 900, 10 * M), /* unreviewed */
        app_five("2026-001", s[5], 900, 10 * M), /* incomplete */
    };
    apps[1].review = REVIEW_FAILED;
    apps[4].review = REVIEW_NONE;
    apps[5].panel_judges = 6;
    struct rank_input in;
    struct rank_result r;
    walk(&p, BUDGET_FIT_STOP, apps, 6, 100 * M, &in, &r);
    static const char *const order[] = {"2026-003", "2026-004", "2026-001",
                                        "2026-002", "2026-005", "2026-006"};
    assert_order(&r, &in, order, 6);
    static const enum outcome want[] = {OUTCOME_SELECTED,   OUTCOME_WAITLISTED, OUTCOME_INCOMPLETE,
                                        OUTCOME_UNREVIEWED, OUTCOME_INELIGIBLE, OUTCOME_EXCLUDED};
    assert_outcomes(&r, want, 6);
    for (size_t i = 2; i < 6; i++) {
        assert_int_equal(r.rows[i].rank, 0);
        assert_false(r.rows[i].has_amount);
    }
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.used, 80 * M);
    rank_result_free(&r);
}

static void test_names_are_the_csv_words(void **state)
{
    (void)state;
    assert_string_equal(band_name(BAND_TARGET), "target");
    assert_string_equal(band_name(BAND_EXCLUDED), "excluded");
    assert_string_equal(band_name(BAND_INCOMPLETE), "incomplete");
    assert_string_equal(band_name(BAND_INELIGIBLE), "ineligible");
    assert_string_equal(band_name(BAND_UNREVIEWED), "unreviewed");
    static const char *const words[] = {"selected",   "waitlisted", "excluded",  "ineligible",
                                        "incomplete", "unreviewed", "forfeited", "tie"};
    for (int o = OUTCOME_SELECTED; o <= OUTCOME_TIE; o++) {
        assert_string_equal(outcome_name((enum outcome)o), words[o]);
        assert_string_equal(outcome_label((enum outcome)o), words[o]); /* no catalogue loaded */
    }
    assert_string_equal(band_label(BAND_TARGET), "target");
}

/* ---- R9.2a tie-break means over every submitted sheet, also under trimmed ---- */

/* A sheet of `total` tenths whose data item is `data`, the rest filled item by item up to each
 * maximum (need, will, kpi, ...), so sheets of equal (total, data) are equal. */
static struct sheet sheet_data(int32_t total, int32_t data)
{
    struct sheet s = {.agree = true};
    s.item_tenths[DATA] = data;
    total -= data;
    for (size_t i = 0; i < N_ITEMS; i++) {
        if (i == DATA)
            continue;
        s.item_tenths[i] = total < item_max[i] ? total : item_max[i];
        total -= s.item_tenths[i];
    }
    assert_int_equal(total, 0);
    return s;
}

static struct rank_app app_sheets(const char *id, const struct sheet *s, size_t n)
{
    return (struct rank_app){.id = id,
                             .company = id,
                             .review = REVIEW_PASSED,
                             .requested = 10 * M,
                             .panel_judges = (int)n,
                             .sheets = s,
                             .n_sheets = n};
}

static void test_R9_2a_tie_break_over_every_sheet_under_trimmed(void **state)
{
    (void)state;
    struct program p = test_program();
    p.aggregate = AGGREGATE_TRIMMED;
    /* 001: totals 90, 80, 80, 80, 70 -> trimmed (80 + 80 + 80) / 3 = 80.00. Its data: 20 on the
     * highest sheet (dropped from the total), 14 on the three kept, 15 on the lowest (dropped):
     * over every sheet (20 + 14 * 3 + 15) / 5 = 15.4; over the kept three only it would be 14.
     * 002: five sheets of 80 with data 15 -> 80.00, data mean 15. */
    struct sheet a[5] = {sheet_data(900, 200), sheet_data(800, 140), sheet_data(800, 140),
                         sheet_data(800, 140), sheet_data(700, 150)};
    struct sheet b[5];
    for (int i = 0; i < 5; i++)
        b[i] = sheet_data(800, 150);
    struct rank_app apps[2] = {app_sheets("2026-002", b, 5), app_sheets("2026-001", a, 5)};
    struct rank_input in = input_of(&p, apps, 2, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    static const char *const order[] = {"2026-001", "2026-002"};
    assert_order(&r, &in, order, 2);
    assert_int_equal(r.rows[0].final, 8000);
    assert_int_equal(r.rows[1].final, 8000);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 2);
    assert_int_equal(r.rows[0].tie_group, 0);
    rank_result_free(&r);

    /* The other way round: the dropped sheets pull 001's data mean under 002's although the
     * kept three are higher: (10 + 16 * 3 + 14) / 5 = 14.4 < 15, so 002 is first. */
    a[0] = sheet_data(900, 100);
    for (int i = 1; i < 4; i++)
        a[i] = sheet_data(800, 160);
    a[4] = sheet_data(700, 140);
    rank_compute(&in, &r);
    static const char *const order2[] = {"2026-002", "2026-001"};
    assert_order(&r, &in, order2, 2);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 2);
    rank_result_free(&r);
}

static void test_R9_2a_boundary_exact_means_and_sheet_counts(void **state)
{
    (void)state;
    struct program p = test_program();
    p.aggregate = AGGREGATE_TRIMMED;
    /* Equal on data over every sheet: 001 (20 + 14 * 3 + 16) / 5 = 15.6, 002
     * (15 + 15 * 3 + 18) / 5 = 15.6, although over the kept three 002 would be higher (15 > 14).
     * kpi (15) and strategy (20) are full on every sheet of both: an unresolved tie (R9.3),
     * both rank 1. */
    struct sheet a[5] = {sheet_data(900, 200), sheet_data(800, 140), sheet_data(800, 140),
                         sheet_data(800, 140), sheet_data(700, 160)};
    struct sheet b[5] = {sheet_data(900, 150), sheet_data(800, 150), sheet_data(800, 150),
                         sheet_data(800, 150), sheet_data(700, 180)};
    struct rank_app apps[2] = {app_sheets("2026-001", a, 5), app_sheets("2026-002", b, 5)};
    struct rank_input in = input_of(&p, apps, 2, 100 * M);
    struct rank_result r;
    rank_compute(&in, &r);
    assert_int_equal(r.rows[0].final, 8000);
    assert_int_equal(r.rows[1].final, 8000);
    assert_int_equal(r.rows[0].rank, 1);
    assert_int_equal(r.rows[1].rank, 1);
    assert_int_not_equal(r.rows[0].tie_group, 0);
    assert_int_equal(r.rows[0].tie_group, r.rows[1].tie_group);
    rank_result_free(&r);

    /* Different sheet counts, compared as exact fractions: 001 has 6 sheets of 80 with data
     * 901 tenths in all (150.1666... tenths each), 002 five sheets of 80 with data 751 in all
     * (150.2): 002 first, by 1/30 of a tenth. With 752 for 001 (150.333...) 001 is first. */
    struct sheet c[6], d[5];
    for (int i = 0; i < 6; i++)
        c[i] = sheet_data(800, i == 0 ? 151 : 150);
    for (int i = 0; i < 5; i++)
        d[i] = sheet_data(800, i == 0 ? 151 : 150);
    struct rank_app apps2[2] = {app_sheets("2026-001", c, 6), app_sheets("2026-002", d, 5)};
    in = input_of(&p, apps2, 2, 100 * M);
    rank_compute(&in, &r);
    static const char *const order[] = {"2026-002", "2026-001"};
    assert_order(&r, &in, order, 2);
    assert_int_equal(r.rows[0].final, 8000);
    assert_int_equal(r.rows[1].final, 8000);
    assert_int_equal(r.rows[1].rank, 2);
    rank_result_free(&r);
    c[1] = sheet_data(800, 151);
    c[2] = sheet_data(800, 151); /* 903 / 6 = 150.5 > 150.2 */
    rank_compute(&in, &r);
    static const char *const order3[] = {"2026-001", "2026-002"};
    assert_order(&r, &in, order3, 2);
    rank_result_free(&r);
}

/* ---- R10.2 second sentence: adjusting to the requested amount is still adjusting ---- */

static void test_R10_2_adjusted_equal_to_request_is_not_agreeing(void **state)
{
    (void)state;
    struct program p = test_program();
    struct sheet s[5];
    /* 2 agree, 1 adjusts to exactly the requested 80,000,000, 2 adjust to 60,000,000: 2 of 5
     * agreed, not 3: the mean (80 * 3 + 60 * 2) / 5 = 72,000,000, not the request. */
    five_votes(s, 2, (const int64_t[]){80 * M, 60 * M, 60 * M});
    int agree = -1;
    char *why = NULL;
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 72 * M);
    assert_int_equal(agree, 2);
    assert_string_equal(why, "2 of 5 agreed (< 3): mean of 5 amounts = 72,000,000");
    free(why);

    /* Every judge adjusting to the request: 0 of 5 agreed; the mean is the request itself. */
    five_votes(s, 0, (const int64_t[]){80 * M, 80 * M, 80 * M, 80 * M, 80 * M});
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 80 * M);
    assert_int_equal(agree, 0);
    assert_string_equal(why, "0 of 5 agreed (< 3): mean of 5 amounts = 80,000,000");
    free(why);

    /* The boundary: 3 agree and 2 adjust to the request: 3 of 5 > half, the request. */
    five_votes(s, 3, (const int64_t[]){80 * M, 80 * M});
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 80 * M);
    assert_int_equal(agree, 3);
    assert_string_equal(why, "3 of 5 agreed (> half): requested amount 80,000,000");
    free(why);

    /* Under `dissenters` the equal adjustment is one of the adjusted amounts averaged:
     * (80 + 60 + 60) / 3 = 66,666,666.6 -> 66,666,000. */
    p.adjust_mean = ADJUST_MEAN_DISSENTERS;
    five_votes(s, 2, (const int64_t[]){80 * M, 60 * M, 60 * M});
    assert_int_equal(amount_by_majority(&p, 80 * M, s, 5, &agree, &why), 66666000);
    assert_int_equal(agree, 2);
    free(why);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R7_2_official_round_half_up),
        cmocka_unit_test(test_R7_2_mean_69_995_rounds_up_to_target),
        cmocka_unit_test(test_R7_3_exactly_70_target_69_99_excluded),
        cmocka_unit_test(test_R7_1_trimmed_with_4_sheets_is_the_mean),
        cmocka_unit_test(test_R7_1_trimmed_with_5_sheets_drops_high_and_low),
        cmocka_unit_test(test_R6_4_two_sheets_three_conflicts_incomplete),
        cmocka_unit_test(test_R6_4_three_sheets_two_conflicts_complete),
        cmocka_unit_test(test_R6_4_missing_judge_incomplete),
        cmocka_unit_test(test_R6_4_review_decides_unreviewed_and_ineligible),
        cmocka_unit_test(test_R8_bonus_added_after_threshold),
        cmocka_unit_test(test_R8_bonus_cap),
        cmocka_unit_test(test_R9_1_tie_on_base_broken_by_final),
        cmocka_unit_test(test_R9_2_broken_only_at_strategy),
        cmocka_unit_test(test_R9_3_unresolved_tie_shares_rank),
        cmocka_unit_test(test_R9_3_committee_order_applied),
        cmocka_unit_test(test_R9_3_stale_order_noted),
        cmocka_unit_test(test_R9_2a_tie_break_over_every_sheet_under_trimmed),
        cmocka_unit_test(test_R9_2a_boundary_exact_means_and_sheet_counts),
        cmocka_unit_test(test_R10_2_adjusted_equal_to_request_is_not_agreeing),
        cmocka_unit_test(test_R10_3_two_of_five_agree_mean_of_all),
        cmocka_unit_test(test_R10_2_three_of_five_agree_requested),
        cmocka_unit_test(test_R10_3_two_of_four_is_not_a_majority),
        cmocka_unit_test(test_R10_3_mean_floored_to_amount_unit),
        cmocka_unit_test(test_R10_3_dissenters_policy),
        cmocka_unit_test(test_R10_3_support_cap_applied),
        cmocka_unit_test(test_R10_amount_on_every_target_row),
        cmocka_unit_test(test_R11_2_stop_waitlists_the_rest),
        cmocka_unit_test(test_R11_2_skip_goes_on),
        cmocka_unit_test(test_R11_4_tie_straddling_budget),
        cmocka_unit_test(test_R11_4_tie_where_all_fit),
        cmocka_unit_test(test_R11_4_tie_where_none_fits),
        cmocka_unit_test(test_R11_4_tie_under_skip_same_subset),
        cmocka_unit_test(test_R11_5_forfeit_promotes_under_stop_and_skip),
        cmocka_unit_test(test_R11_7_forfeit_reason_names_what_was_recorded),
        cmocka_unit_test(test_R11_5_forfeit_inside_a_tie),
        cmocka_unit_test(test_R11_1_no_budget),
        cmocka_unit_test(test_R11_budget_counts_are_the_walks),
        cmocka_unit_test(test_R11_3_excluded_and_ineligible_never_waitlisted),
        cmocka_unit_test(test_names_are_the_csv_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
