/* Unit tests for core/session.c: the presentation lineup and its order, what keeps a judge from
 * scoring (core/sheet.c, as the session asks it) or declaring a conflict (R6.3, R6.4, R10.1), the
 * opinion a low total needs, who sees
 * whose scores, and the presentation timer on a clock passed in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/progress.h"
#include "core/session.h"
#include "core/sheet.h"

#define MIN (INT64_C(60000))

static struct rubric_item items[2] = {{.id = "need", .max_tenths = 500},
                                      {.id = "data", .max_tenths = 500}};

/* Panel 7 of judges 1 and 2, panel 9 of judge 3; judge 4 is on no panel; 5 is the secretariat. */
static int64_t panel7_judges[] = {1, 2};
static int64_t panel9_judges[] = {3};

struct fixture {
    struct call c;
    struct person people[5];
    struct panel panels[2];
    struct app_record apps[6];
    struct app_sheet sheet;
    int64_t conflict;
};

static void fixture_init(struct fixture *fx)
{
    static const char *const names[] = {"강민준", "김서연", "박지훈", "이수민", "김간사"};
    static const char *const ids[] = {"2026-001", "2026-002", "2026-003",
                                      "2026-004", "2026-005", "2026-006"};
    static const int64_t app_panel[] = {7, 9, 7, 7, 0, 7};
    memset(fx, 0, sizeof *fx);
    for (int i = 0; i < 5; i++)
        fx->people[i] = (struct person){
            .id = i + 1, .name = (char *)names[i], .role = i == 4 ? ROLE_SECRETARIAT : ROLE_JUDGE};
    fx->panels[0] = (struct panel){.id = 9, .name = "식품", .judges = panel9_judges, .n_judges = 1};
    fx->panels[1] =
        (struct panel){.id = 7, .name = "바이오", .judges = panel7_judges, .n_judges = 2};
    for (int i = 0; i < 6; i++) {
        fx->apps[i].a.id = (char *)ids[i];
        fx->apps[i].a.requested = 50000000;
        fx->apps[i].panel = app_panel[i];
        fx->apps[i].review = REVIEW_PASSED;
    }
    fx->apps[5].review = REVIEW_FAILED; /* not presented */
    fx->c.program.items = items;
    fx->c.program.n_items = 2;
    fx->c.program.threshold_tenths = 700;
    fx->c.program.timer_presentation = 20;
    fx->c.program.timer_questions = 15;
    fx->c.people = fx->people;
    fx->c.n_people = 5;
    fx->c.panels = fx->panels; /* set up in this order: 식품 (9) first */
    fx->c.n_panels = 2;
    fx->c.apps = fx->apps;
    fx->c.n_apps = 6;
}

static void expect_lineup(const struct fixture *fx, int64_t judge, const char *const *want,
                          size_t n)
{
    size_t *v = NULL;
    size_t got = session_lineup(&fx->c, judge, &v);
    assert_int_equal(got, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(fx->apps[v[i]].a.id, want[i]);
    free(v);
}

static void test_lineup_by_panel_position_then_id(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    /* Judge 1 hears panel 7 only; 2026-005 has no panel, so every judge hears it; 006 failed. */
    const char *const unplaced[] = {"2026-001", "2026-003", "2026-004", "2026-005"};
    expect_lineup(&fx, 1, unplaced, 4);
    fx.apps[3].position = 1; /* 2026-004 first, then 2026-001; unplaced ones after, by id */
    fx.apps[0].position = 2;
    const char *const placed[] = {"2026-004", "2026-001", "2026-003", "2026-005"};
    expect_lineup(&fx, 1, placed, 4);
    /* Everyone's lineup: panels in the order they were set up, no panel last. */
    const char *const all[] = {"2026-002", "2026-004", "2026-001", "2026-003", "2026-005"};
    expect_lineup(&fx, 0, all, 5);
    const char *const third[] = {"2026-002", "2026-005"};
    expect_lineup(&fx, 3, third, 2);
}

static void test_order_listed_first_then_the_rest(void **state)
{
    struct fixture fx;
    char buf[256];
    size_t *v = NULL, n = 0;
    (void)state;
    fixture_init(&fx);
    fx.apps[0].position = 1;
    const char *const listed[] = {"2026-004"};
    assert_null(session_order(&fx.c, 7, listed, 1, &v, &n, buf, sizeof buf));
    /* Every application of the panel that passed review: not 2026-006 (issue 17.11, R6.6);
     * a later review that passes it puts it back. */
    assert_int_equal(n, 3);
    const char *const want[] = {"2026-004", "2026-001", "2026-003"};
    for (size_t i = 0; i < n; i++)
        assert_string_equal(fx.apps[v[i]].a.id, want[i]);
    free(v);

    const char *const other[] = {"2026-004", "2026-002"};
    assert_string_equal(session_order(&fx.c, 7, other, 2, &v, &n, buf, sizeof buf),
                        "2026-002 is not an application of that panel");
    assert_null(v);
    const char *const twice[] = {"2026-004", "2026-004"};
    assert_string_equal(session_order(&fx.c, 7, twice, 2, &v, &n, buf, sizeof buf),
                        "2026-004 is named twice");
    const char *const failed[] = {"2026-006"};
    assert_string_equal(session_order(&fx.c, 7, failed, 1, &v, &n, buf, sizeof buf),
                        "2026-006 has not passed document review: it is not heard (R6.6)");
    const char *const unknown[] = {"2026-099"};
    assert_string_equal(session_order(&fx.c, 7, unknown, 1, &v, &n, buf, sizeof buf),
                        "no application \"2026-099\"");
}

static void test_R6_3_R6_4_who_may_score_and_declare(void **state)
{
    struct fixture fx;
    char buf[256];
    (void)state;
    fixture_init(&fx);
    struct app_record *r = &fx.apps[0];
    assert_null(sheet_refusal(&fx.c, r, &fx.people[0], NULL, buf, sizeof buf));
    assert_null(session_conflict_refusal(&fx.c, r, &fx.people[0], buf, sizeof buf));
    assert_string_equal(sheet_refusal(&fx.c, r, &fx.people[2], NULL, buf, sizeof buf),
                        "박지훈 is not on the panel of application 2026-001");
    assert_string_equal(session_conflict_refusal(&fx.c, r, &fx.people[4], buf, sizeof buf),
                        "김간사 is not on the panel of 2026-001");
    assert_string_equal(sheet_refusal(&fx.c, &fx.apps[5], &fx.people[0], NULL, buf, sizeof buf),
                        "application 2026-006 has not passed document review");

    fx.conflict = 1; /* R6.4: after a declaration the application is closed to the judge */
    r->conflicts = &fx.conflict;
    r->n_conflicts = 1;
    assert_string_equal(sheet_refusal(&fx.c, r, &fx.people[0], NULL, buf, sizeof buf),
                        "강민준 declared a conflict of interest with 2026-001 and cannot score it");
    assert_string_equal(session_conflict_refusal(&fx.c, r, &fx.people[0], buf, sizeof buf),
                        "강민준 already declared a conflict with 2026-001");

    fx.sheet.s.judge = 2; /* a submitted sheet is final: no second one, no conflict after it */
    r->sheets = &fx.sheet;
    r->n_sheets = 1;
    assert_string_equal(sheet_refusal(&fx.c, r, &fx.people[1], NULL, buf, sizeof buf),
                        "김서연 already submitted a sheet for 2026-001");
    assert_string_equal(session_conflict_refusal(&fx.c, r, &fx.people[1], buf, sizeof buf),
                        "김서연 already submitted a sheet for 2026-001; a conflict must be "
                        "declared before scoring");
}

static void test_R10_1_adjusted_amount_at_most_requested(void **state)
{
    struct fixture fx;
    char buf[256];
    (void)state;
    fixture_init(&fx);
    assert_null(sheet_amount_refusal(&fx.apps[0], 50000000, buf, sizeof buf));
    assert_null(sheet_amount_refusal(&fx.apps[0], 0, buf, sizeof buf));
    assert_string_equal(sheet_amount_refusal(&fx.apps[0], 50000001, buf, sizeof buf),
                        "R10.1: adjusted amount 50,000,001 is above the requested 50,000,000");
}

static void test_opinion_needed_below_the_threshold(void **state)
{
    struct fixture fx;
    char buf[256];
    (void)state;
    fixture_init(&fx);
    const struct sheet low = {.item_tenths = {350, 349}}, at = {.item_tenths = {350, 350}};
    assert_int_equal(sheet_total(&fx.c.program, &low), 699);
    assert_string_equal(sheet_opinion_refusal(&fx.c.program, 699, "", buf, sizeof buf),
                        "the total 69.9 is below 70: write the overall opinion, the reason the "
                        "company is told");
    assert_null(sheet_opinion_refusal(&fx.c.program, 699, "데이터 부족", buf, sizeof buf));
    assert_null(sheet_opinion_refusal(&fx.c.program, sheet_total(&fx.c.program, &at), NULL, buf,
                                      sizeof buf));
}

static void test_scores_seen_only_after_submitting(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct app_record *r = &fx.apps[0];
    assert_false(session_may_see_scores(&fx.c, r, 1));
    assert_true(session_may_see_scores(&fx.c, r, 5)); /* the secretariat */
    assert_true(session_may_see_scores(&fx.c, r, 3)); /* not on this panel */
    assert_true(session_may_see_scores(&fx.c, r, 0)); /* nobody signed in: the lead decides */
    fx.sheet.s.judge = 1;
    r->sheets = &fx.sheet;
    r->n_sheets = 1;
    assert_true(session_may_see_scores(&fx.c, r, 1));
    assert_false(session_may_see_scores(&fx.c, r, 2));
}

/* Issue 15.3: a judge's progress holds only their panels and themselves; their own counts. */
static void test_progress_for_judge(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    fx.sheet.s.judge = 1;
    fx.apps[0].sheets = &fx.sheet;
    fx.apps[0].n_sheets = 1;
    struct progress pr;
    call_progress(&fx.c, &pr);
    size_t before = pr.n;
    progress_for_judge(&pr, 1);
    assert_true(pr.n > 0 && pr.n < before);
    for (size_t i = 0; i < pr.n; i++) {
        assert_int_not_equal(pr.panels[i].panel, 9); /* 식품 is not hers */
        assert_int_equal(pr.panels[i].n_judges, 1);
        assert_int_equal(pr.panels[i].judges[0].judge, 1);
        assert_int_equal(pr.panels[i].apps, pr.panels[i].judges[0].expected);
        assert_int_equal(pr.panels[i].complete, pr.panels[i].judges[0].submitted);
    }
    struct judge_progress jp = progress_of_judge(&pr, 1);
    assert_int_equal(jp.submitted, 1);
    progress_free(&pr);
    call_progress(&fx.c, &pr);
    progress_for_judge(&pr, 99); /* nobody's */
    assert_int_equal(pr.n, 0);
    progress_free(&pr);
}

/* Issue 19.3: the stages through to "agreed", counted in core. */
static void test_stage_counts_through_agreed(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct app_sheet sheets[2] = {{.s.judge = 1}, {.s.judge = 2}};
    fx.apps[0].sheets = sheets; /* panel 7: both its judges submitted */
    fx.apps[0].n_sheets = 2;
    fx.apps[2].sheets = sheets;
    fx.apps[2].n_sheets = 2;
    struct rank_row rows[2] = {{.app = 0, .outcome = OUTCOME_SELECTED},
                               {.app = 2, .outcome = OUTCOME_WAITLISTED}};
    struct rank_result res = {.rows = rows, .n = 2};
    int n[STAGE_COUNT];
    call_stage_counts(&fx.c, &res, n);
    assert_int_equal(n[STAGE_SELECTED], 1);
    assert_int_equal(n[STAGE_AGREED], 0);
    assert_int_equal(n[STAGE_SCORED], 1); /* waitlisted */
    assert_int_equal(n[STAGE_REVIEWED], 3);
    assert_int_equal(n[STAGE_INELIGIBLE], 1);
    fx.apps[0].agreed = 20000;
    call_stage_counts(&fx.c, &res, n);
    assert_int_equal(n[STAGE_SELECTED], 0);
    assert_int_equal(n[STAGE_AGREED], 1);
    fx.apps[0].forfeited = true; /* a forfeit is a forfeit, agreed or not */
    call_stage_counts(&fx.c, &res, n);
    assert_int_equal(n[STAGE_AGREED], 0);
    assert_int_equal(n[STAGE_FORFEITED], 1);
    /* a judge's view counts only what it lists */
    res.budget_hidden = true;
    call_stage_counts(&fx.c, &res, n);
    int total = 0;
    for (int i = 0; i < STAGE_COUNT; i++)
        total += n[i];
    assert_int_equal(total, 2);
}

static void expect_left(const struct program *p, const struct session_timer *tm, int64_t now,
                        const char *text, enum timer_level level)
{
    char buf[16];
    timer_format(timer_left_ms(p, tm, now), buf, sizeof buf);
    assert_string_equal(buf, text);
    assert_int_equal(timer_level(p, tm, now), level);
}

static void test_timer_runs_pauses_and_changes_phase(void **state)
{
    struct fixture fx;
    struct session_timer tm;
    (void)state;
    fixture_init(&fx);
    const struct program *p = &fx.c.program;
    timer_reset(&tm);
    expect_left(p, &tm, 1000, "20:00", TIMER_CALM); /* not started: time does not pass */
    timer_toggle(&tm, 1000);
    expect_left(p, &tm, 1000 + 1, "20:00", TIMER_CALM); /* rounded up to whole seconds */
    expect_left(p, &tm, 1000 + 5 * MIN, "15:00", TIMER_CALM);
    timer_toggle(&tm, 1000 + 5 * MIN); /* paused for an hour */
    expect_left(p, &tm, 1000 + 65 * MIN, "15:00", TIMER_CALM);
    timer_toggle(&tm, 1000 + 65 * MIN);
    expect_left(p, &tm, 1000 + 78 * MIN - 1, "2:01", TIMER_CALM);
    expect_left(p, &tm, 1000 + 78 * MIN, "2:00", TIMER_ENDING);
    expect_left(p, &tm, 1000 + 80 * MIN, "0:00", TIMER_OVER);
    expect_left(p, &tm, 1000 + 80 * MIN + 5000, "+0:05", TIMER_OVER);
    timer_next(p, &tm, 1000 + 81 * MIN); /* questions, still running */
    assert_int_equal(tm.phase, TIMER_QUESTIONS);
    expect_left(p, &tm, 1000 + 81 * MIN, "15:00", TIMER_CALM);
    expect_left(p, &tm, 1000 + 94 * MIN, "2:00", TIMER_ENDING);
    timer_next(p, &tm, 1000 + 95 * MIN);
    assert_int_equal(tm.phase, TIMER_DONE);
    assert_false(tm.running);
    assert_int_equal(timer_level(p, &tm, 1000 + 99 * MIN), TIMER_CALM);
    timer_next(p, &tm, 1000 + 99 * MIN); /* done stays done */
    assert_int_equal(tm.phase, TIMER_DONE);
}

static void test_timer_short_phases(void **state)
{
    struct fixture fx;
    struct session_timer tm;
    (void)state;
    fixture_init(&fx);
    struct program *p = &fx.c.program;
    p->timer_presentation = 4;
    p->timer_questions = 0;
    timer_reset(&tm);
    timer_toggle(&tm, 0);
    expect_left(p, &tm, 2 * MIN + 59999, "1:01", TIMER_CALM); /* the last quarter is ending */
    expect_left(p, &tm, 3 * MIN, "1:00", TIMER_ENDING);
    timer_next(p, &tm, 3 * MIN); /* no questions: straight to done */
    assert_int_equal(tm.phase, TIMER_DONE);
}

/* Issue 15: the room's clock round-trips through its event text; anything else is refused. */
static void test_room_clock_text(void **state)
{
    (void)state;
    struct room_clock rc = {.app = "2026-007",
                            .timer = {.phase = TIMER_QUESTIONS,
                                      .running = true,
                                      .since_ms = 1764750000000,
                                      .banked_ms = 61000}};
    char *text = room_clock_text(&rc);
    struct room_clock back;
    assert_int_equal(room_clock_parse(text, &back), 0);
    assert_string_equal(back.app, "2026-007");
    assert_int_equal(back.timer.phase, TIMER_QUESTIONS);
    assert_true(back.timer.running);
    assert_int_equal(back.timer.since_ms, 1764750000000);
    assert_int_equal(back.timer.banked_ms, 61000);
    free(text);
    assert_int_equal(room_clock_parse("app x phase 9 running 0 since 0 banked 0", &back), -1);
    assert_int_equal(room_clock_parse("panel order: a b", &back), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_room_clock_text),
        cmocka_unit_test(test_progress_for_judge),
        cmocka_unit_test(test_stage_counts_through_agreed),
        cmocka_unit_test(test_lineup_by_panel_position_then_id),
        cmocka_unit_test(test_order_listed_first_then_the_rest),
        cmocka_unit_test(test_R6_3_R6_4_who_may_score_and_declare),
        cmocka_unit_test(test_R10_1_adjusted_amount_at_most_requested),
        cmocka_unit_test(test_opinion_needed_below_the_threshold),
        cmocka_unit_test(test_scores_seen_only_after_submitting),
        cmocka_unit_test(test_timer_runs_pauses_and_changes_phase),
        cmocka_unit_test(test_timer_short_phases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
