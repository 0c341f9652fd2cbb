/* Unit tests for core/notify.c: the dates an agreement sets (R12.3, month ends), and each
 * notification by outcome (R12.4) without rule ids, names, other applicants or the budget. */
/* cmocka.h needs these before it, in this order. */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notify.h"

static struct program load_builtin(const char *id)
{
    struct program p;
    struct diags d = {0};
    assert_int_equal(program_parse(program_builtin_text(id), id, &p, &d), 0);
    diags_free(&d);
    return p;
}

static sdate ymd(int y, int m, int d)
{
    sdate out;
    assert_int_equal(date_from_ymd(y, m, d, &out), 0);
    return out;
}

static void assert_day(sdate got, int y, int m, int d)
{
    char a[11], b[11];
    date_format(got, a);
    date_format(ymd(y, m, d), b);
    assert_string_equal(a, b);
}

/* ---- R12.3 dates ---- */

static void test_dates_2026_month_end(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    struct agreement_dates t;
    agreement_dates(&p, ymd(2026, 8, 31), &t);
    assert_day(t.agreed, 2026, 8, 31);
    assert_day(t.copay_due, 2026, 9, 14);   /* +14 days */
    assert_day(t.project_end, 2027, 6, 30); /* +10 months, 31 clipped to June's 30 */
    assert_day(t.dev_done_by, 2027, 4, 30); /* 2 months before the end */
    assert_int_equal(t.advance, 15000000);
    program_free(&p);
}

static void test_dates_2026_other_month_ends(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    struct agreement_dates t;
    agreement_dates(&p, ymd(2026, 12, 20), &t);
    assert_day(t.copay_due, 2027, 1, 3); /* across the year */
    assert_day(t.project_end, 2027, 10, 20);
    assert_day(t.dev_done_by, 2027, 8, 20);
    agreement_dates(&p, ymd(2027, 4, 30), &t); /* into a leap February */
    assert_day(t.project_end, 2028, 2, 29);
    assert_day(t.dev_done_by, 2027, 12, 29);
    agreement_dates(&p, ymd(2026, 4, 30), &t); /* into a common February */
    assert_day(t.project_end, 2027, 2, 28);
    assert_day(t.dev_done_by, 2026, 12, 28);
    agreement_dates(&p, ymd(2026, 2, 28), &t);
    assert_day(t.copay_due, 2026, 3, 14);
    assert_day(t.project_end, 2026, 12, 28);
    program_free(&p);
}

static void test_dates_2025_fixed(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2025");
    struct agreement_dates t;
    agreement_dates(&p, ymd(2025, 12, 15), &t);
    assert_day(t.copay_due, 2026, 1, 14); /* +30 days */
    assert_day(t.project_end, 2026, 7, 31);
    assert_day(t.dev_done_by, 2026, 4, 30);
    assert_int_equal(t.advance, 30000000);
    program_free(&p);
}

/* ---- R12.4 texts ---- */

struct fixture {
    struct program p;
    struct application a;
    struct rank_row row;
};

static void fixture_init(struct fixture *f)
{
    memset(f, 0, sizeof *f);
    f->p = load_builtin("cbtp-2026");
    f->a.id = "2026-004";
    f->a.company = "청주정밀(주)";
    f->a.contact_name = "담당자";
    f->a.contact_email = "a@example.kr";
    f->row.rank = 4;
    f->row.n_sheets = 5;
    f->row.agree = 5;
    f->row.has_result = true;
    f->row.base = 7240;
    f->row.bonus = 100;
    f->row.final = 7340;
    f->row.has_amount = true;
    f->row.amount = 80000000;
    /* what the ranking's own reasons say: never to be shown */
    f->row.reason = "selected: 80,000,000 within budget (used 230,000,000 of 250,000,000) R11.2";
    f->row.amount_reason = "5 of 5 agreed (> half): 강민준";
}

static const char *const opinions[] = {"데이터 확보 계획이 구체적임", "KPI가 명확함 (R6.4 참고)",
                                       "추진 전략 보완 필요"};

static struct notify_input input(struct fixture *f, enum outcome o)
{
    f->row.outcome = o;
    return (struct notify_input){
        .program = &f->p,
        .app = &f->a,
        .row = &f->row,
        .opinions = opinions,
        .n_opinions = 3,
        .revision = 2,
        .revision_date = ymd(2026, 12, 2),
    };
}

/* Nothing a notification may not contain (R12.4). */
static void assert_clean(const char *text)
{
    for (const char *s = text; *s; s++)
        if (s[0] == 'R' && isdigit((unsigned char)s[1]))
            fail_msg("a rule id in: %s", s);
    assert_null(strstr(text, "강민준"));           /* a judge's name */
    assert_null(strstr(text, "2026-099"));         /* another applicant */
    assert_null(strstr(text, "250,000,000"));      /* the budget */
    assert_null(strstr(text, "230,000,000"));      /* the running total */
    assert_null(strstr(text, "5 of 5"));           /* votes */
    assert_non_null(strstr(text, "청주정밀(주)")); /* its own company */
    assert_non_null(strstr(text, "2026-004"));
    assert_non_null(strstr(text, "revision 2")); /* the revision it reports */
    assert_non_null(strstr(text, "2026-12-02"));
}

static void assert_scores(const char *text)
{
    assert_non_null(strstr(text, "Official base score: 72.40"));
    assert_non_null(strstr(text, "Bonus points: 1.00"));
    assert_non_null(strstr(text, "Final score: 73.40"));
    assert_non_null(strstr(text, "Rank: 4"));
}

static void test_selected(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    struct notify_input in = input(&f, OUTCOME_SELECTED);
    char *t = notify_selected(&in);
    assert_clean(t);
    assert_scores(t);
    assert_non_null(strstr(t, "Result: selected for support\n"));
    assert_non_null(strstr(t, "Support amount: 80,000,000 won (most judges agreed"));
    assert_non_null(strstr(t, "「5. Evaluation criteria」"));
    assert_non_null(strstr(t, "within 14 days of the agreement"));
    assert_non_null(strstr(t, "15,000,000 won"));
    assert_non_null(strstr(t, "runs 10 months from the agreement"));
    assert_non_null(strstr(t, "KPI가 명확함 (참고)")); /* an opinion, its rule id taken out */
    assert_non_null(strstr(t, "데이터 확보 계획이 구체적임"));
    char *same = notify_body(&in);
    assert_string_equal(t, same);
    free(same);
    free(t);
    /* with an agreement: the computed dates */
    in.has_agreement = true;
    in.agreed = ymd(2026, 8, 31);
    t = notify_selected(&in);
    assert_clean(t);
    assert_non_null(strstr(t, "Agreement date: 2026-08-31"));
    assert_non_null(strstr(t, "Co-payment due: 2026-09-14"));
    assert_non_null(strstr(t, "Project end: 2027-06-30"));
    assert_non_null(strstr(t, "Development done by: 2027-04-30"));
    free(t);
    /* notify_opinions = no */
    f.p.notify_opinions = false;
    t = notify_selected(&in);
    assert_null(strstr(t, "데이터 확보"));
    free(t);
    program_free(&f.p);
}

static void test_selected_adjusted_amount(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    f.row.agree = 2;
    f.row.amount = 70624000;
    struct notify_input in = input(&f, OUTCOME_SELECTED);
    char *t = notify_body(&in);
    assert_clean(t);
    assert_non_null(strstr(t, "70,624,000 won (most judges did not agree"));
    free(t);
    program_free(&f.p);
}

static void test_promoted(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    struct notify_input in = input(&f, OUTCOME_SELECTED);
    in.promoted = true;
    char *t = notify_body(&in);
    assert_clean(t);
    assert_scores(t);
    assert_non_null(strstr(t, "promoted from the waiting list"));
    assert_non_null(strstr(t, "Agreement terms"));
    free(t);
    program_free(&f.p);
}

static void test_waitlisted(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    f.row.has_amount = false;
    struct notify_input in = input(&f, OUTCOME_WAITLISTED);
    char *t = notify_body(&in);
    assert_clean(t);
    assert_scores(t);
    assert_non_null(strstr(t, "Result: on the waiting list"));
    assert_null(strstr(t, "Agreement terms"));
    assert_null(strstr(t, "Support amount"));
    free(t);
    program_free(&f.p);
}

static void test_excluded_below_70(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    f.row.has_amount = false;
    f.row.rank = 0;
    f.row.base = 6520;
    f.row.final = 6620;
    struct notify_input in = input(&f, OUTCOME_EXCLUDED);
    char *t = notify_body(&in);
    assert_clean(t);
    assert_non_null(strstr(t, "Result: not selected"));
    assert_non_null(strstr(t, "Official base score: 65.20"));
    assert_non_null(
        strstr(t, "「5. Evaluation criteria」: support requires an official base score of at "
                  "least 70 points"));
    assert_null(strstr(t, "Rank:"));
    free(t);
    program_free(&f.p);
}

/* Each kind of review reason, as core/review.c words it, and the call's section it cites. */
static void test_ineligible_each_reason(void **state)
{
    (void)state;
    static const struct {
        const char *reason, *section;
    } kinds[] = {
        {"R1: received 2026-06-20 18:01, after the deadline",
         "「2. Application (application period)」"},
        {"R2.1: document 6 (국세 완납증명서) was issued 2026-02-28, before 2026-03-01",
         "「2. Application (required documents)」"},
        {"R3.1: neither the head office (서울) nor the factory (-) is in 청주시",
         "「3. Eligibility」"},
        {"R3.2: industry 자동차 is not one of 의료, 바이오", "「3. Eligibility」"},
        {"R3.3: a large company is not eligible; only SMEs and mid-size companies",
         "「3. Eligibility」"},
        {"R3.4: the supplier (에이아이랩) is not registered in both supplier pools",
         "「3. Eligibility」"},
        {"R4: disqualifier d3 (최근 결산 기준 완전자본잠식) holds",
         "「3. Eligibility (grounds for exclusion)」"},
        {"R4.2: disqualifier d9 (부채비율) holds: 2025 debt ratio 612%",
         "「3. Eligibility (grounds for exclusion)」"},
        {"R5.1: requested 90,000,000 won is above the cap of 80,000,000",
         "「1. Overview (support scale and co-payment)」"},
        {"R5.2: co-payment 4,000,000 won is below the minimum 5,000,000 for an SME",
         "「1. Overview (support scale and co-payment)」"},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        struct fixture f;
        fixture_init(&f);
        f.row.has_result = f.row.has_amount = false;
        f.row.rank = 0;
        struct notify_input in = input(&f, OUTCOME_INELIGIBLE);
        in.review_reasons = kinds[k].reason;
        char *t = notify_body(&in);
        assert_clean(t);
        assert_non_null(strstr(t, "Result: not eligible"));
        assert_non_null(strstr(t, kinds[k].section));
        assert_null(strstr(t, "Official base score"));
        assert_null(strstr(t, "데이터 확보")); /* no opinions on an unscored application */
        free(t);
        program_free(&f.p);
    }
    /* several reasons, and a rule id inside a reason */
    struct fixture f;
    fixture_init(&f);
    struct notify_input in = input(&f, OUTCOME_INELIGIBLE);
    in.review_reasons = "R2.3: required document 6 (x) was not submitted; R2.2 does not exempt "
                        "a company founded 2020-01-01\nR3.2: industry 자동차 is not one of 의료";
    char *t = notify_ineligible(&in);
    assert_clean(t);
    assert_non_null(strstr(t, "- 「2. Application (required documents)」: required document 6"));
    assert_non_null(strstr(t, "- 「3. Eligibility」: industry 자동차"));
    free(t);
    program_free(&f.p);
}

static void test_incomplete(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    f.row.has_result = f.row.has_amount = false;
    f.row.rank = 0;
    struct notify_input in = input(&f, OUTCOME_INCOMPLETE);
    char *t = notify_body(&in);
    assert_clean(t);
    assert_non_null(strstr(t, "incomplete"));
    assert_non_null(strstr(t, "「5. Evaluation criteria」"));
    free(t);
    program_free(&f.p);
}

static void test_forfeited(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    f.row.has_amount = false;
    struct notify_input in = input(&f, OUTCOME_FORFEITED);
    char *t = notify_body(&in);
    assert_clean(t);
    assert_scores(t);
    assert_non_null(strstr(t, "Result: selection withdrawn"));
    assert_non_null(strstr(t, "「5. Evaluation (agreement and advance payment)」"));
    free(t);
    program_free(&f.p);
}

static void test_subject_and_names(void **state)
{
    (void)state;
    struct fixture f;
    fixture_init(&f);
    struct notify_input in = input(&f, OUTCOME_SELECTED);
    char *s = notify_subject(&in);
    assert_non_null(strstr(s, "2026-004"));
    assert_null(strchr(s, '\n'));
    free(s);
    program_free(&f.p);
    assert_true(notify_safe_name("2026-004"));
    assert_false(notify_safe_name("../x"));
    assert_false(notify_safe_name("a/b"));
    assert_false(notify_safe_name("a..b"));
    assert_false(notify_safe_name(".hidden"));
    assert_false(notify_safe_name("a\nb"));
    assert_false(notify_safe_name(""));
}

static void test_reason_words(void **state)
{
    (void)state;
    char *w = notify_reason_words("R4.1: disqualifier d3 (x) holds (R6.4)");
    assert_string_equal(w, "「3. Eligibility (grounds for exclusion)」: disqualifier d3 (x) holds");
    free(w);
    w = notify_reason_words("no rule here, PR2 stays");
    assert_string_equal(w, "no rule here, PR2 stays");
    free(w);
}

/* R12.4: a later revision that changed an applicant's result makes a new notification that
 * says it replaces the one of the revision before. */
static void test_replaced(void **state)
{
    (void)state;
    struct revision_row r1[] = {{.app = "2026-001", .outcome = "selected", .amount = 80000000},
                                {.app = "2026-004", .outcome = "waitlisted"}},
                        r2[] = {{.app = "2026-001", .outcome = "forfeited", .amount = 80000000},
                                {.app = "2026-004", .outcome = "selected", .amount = 60000000}},
                        r3[] = {{.app = "2026-001", .outcome = "forfeited", .amount = 80000000},
                                {.app = "2026-004", .outcome = "selected", .amount = 60000000},
                                {.app = "2026-009", .outcome = "selected", .amount = 1}};
    struct revision revs[] = {{.number = 1, .rows = r1, .n = 2},
                              {.number = 2, .rows = r2, .n = 2},
                              {.number = 3, .rows = r3, .n = 3}};
    const char *was = "x";
    assert_int_equal(notify_replaced(revs, 1, "2026-004", &was), 0); /* one revision only */
    assert_null(was);
    assert_int_equal(notify_replaced(revs, 2, "2026-004", &was), 1);
    assert_string_equal(was, "waitlisted");
    /* revision 3 did not change it: still the notification of revision 1 is replaced */
    assert_int_equal(notify_replaced(revs, 3, "2026-004", &was), 1);
    assert_int_equal(notify_replaced(revs, 3, "2026-001", &was), 1);
    assert_string_equal(was, "selected");
    assert_int_equal(notify_replaced(revs, 3, "2026-009", &was), 2); /* new in revision 3 */
    assert_null(was);
    assert_int_equal(notify_replaced(revs, 3, "2026-077", &was), 0); /* never listed */
    r3[1].amount = 59000000; /* an amount changed is a change too */
    assert_int_equal(notify_replaced(revs, 3, "2026-004", &was), 2);
    assert_string_equal(was, "selected");

    struct fixture f;
    fixture_init(&f);
    struct notify_input in = input(&f, OUTCOME_SELECTED);
    in.promoted = true;
    char *t = notify_body(&in);
    assert_null(strstr(t, "replaces"));
    free(t);
    in.replaces = 1;
    in.was = "waitlisted";
    t = notify_body(&in);
    assert_clean(t);
    assert_non_null(strstr(t, "It replaces the notification of revision 1: a later revision "
                              "changed your result, which was then \"waitlisted\"."));
    free(t);
    in.was = NULL;
    t = notify_body(&in);
    assert_non_null(strstr(t, "It replaces the notification of revision 1: a later revision "
                              "changed your result.\n"));
    free(t);
    char *subject = notify_subject(&in);
    assert_non_null(strstr(subject, "Changed selection result for application 2026-004"));
    free(subject);
    program_free(&f.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_2026_month_end),
        cmocka_unit_test(test_dates_2026_other_month_ends),
        cmocka_unit_test(test_dates_2025_fixed),
        cmocka_unit_test(test_selected),
        cmocka_unit_test(test_selected_adjusted_amount),
        cmocka_unit_test(test_promoted),
        cmocka_unit_test(test_waitlisted),
        cmocka_unit_test(test_excluded_below_70),
        cmocka_unit_test(test_ineligible_each_reason),
        cmocka_unit_test(test_incomplete),
        cmocka_unit_test(test_forfeited),
        cmocka_unit_test(test_subject_and_names),
        cmocka_unit_test(test_reason_words),
        cmocka_unit_test(test_replaced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
