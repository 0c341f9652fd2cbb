/* Unit tests for core/sheet.c: each refusal that keeps a sheet from being recorded (R6.6
 * review and panel, R6.3 panel, R6.4 conflict, R6.2 one sheet, R10.1 amount, the opinion rule),
 * every problem said with its part, whether a sheet counts, its total, and the reader of a signed
 * .sheet file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/keys.h"
#include "core/sheet.h"

#define PASS "correct horse battery staple"
#define AT "2026-06-22T01:00:00Z"

static struct rubric_item items[2] = {{.id = "need", .max_tenths = 500},
                                      {.id = "data", .max_tenths = 500}};

/* Panel 7 of judges 1 and 2, panel 9 of judge 3; 4 is the secretariat. */
static int64_t panel7_judges[] = {1, 2};
static int64_t panel9_judges[] = {3};

struct fixture {
    struct call c;
    struct person people[4];
    struct panel panels[2];
    struct app_record apps[3];
    struct app_sheet sheet;
    int64_t conflict;
};

/* 2026-001 on panel 7, 2026-002 on no panel, 2026-003 not passed review; 50,000,000 asked. */
static void fixture_init(struct fixture *fx)
{
    static const char *const names[] = {"강민준", "김서연", "박지훈", "김간사"};
    static const char *const ids[] = {"2026-001", "2026-002", "2026-003"};
    static const int64_t app_panel[] = {7, 0, 7};
    memset(fx, 0, sizeof *fx);
    for (int i = 0; i < 4; i++)
        fx->people[i] = (struct person){
            .id = i + 1, .name = (char *)names[i], .role = i == 3 ? ROLE_SECRETARIAT : ROLE_JUDGE};
    fx->panels[0] = (struct panel){.id = 9, .name = "식품", .judges = panel9_judges, .n_judges = 1};
    fx->panels[1] =
        (struct panel){.id = 7, .name = "바이오", .judges = panel7_judges, .n_judges = 2};
    for (int i = 0; i < 3; i++) {
        fx->apps[i].a.id = (char *)ids[i];
        fx->apps[i].a.requested = 50000000;
        fx->apps[i].panel = app_panel[i];
        fx->apps[i].review = REVIEW_PASSED;
    }
    fx->apps[2].review = REVIEW_FAILED;
    fx->c.program.id = "cbtp-2026";
    fx->c.program.items = items;
    fx->c.program.n_items = 2;
    fx->c.program.step_tenths = 1;
    fx->c.program.threshold_tenths = 700;
    fx->c.people = fx->people;
    fx->c.n_people = 4;
    fx->c.panels = fx->panels;
    fx->c.n_panels = 2;
    fx->c.apps = fx->apps;
    fx->c.n_apps = 3;
}

/* 강민준's good sheet of 2026-001: 80.0, agreeing. */
static struct sheet good_sheet(const char *app)
{
    return (struct sheet){.app = app, .judge = 1, .item_tenths = {400, 400}, .agree = true};
}

static const char *refusal(struct fixture *fx, size_t app, size_t judge, const struct sheet *s)
{
    static char buf[256];
    return sheet_refusal(&fx->c, &fx->apps[app], &fx->people[judge], s, buf, sizeof buf);
}

static void test_a_good_sheet_may_be_recorded(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-001");
    assert_null(refusal(&fx, 0, 0, &s));
    assert_null(refusal(&fx, 0, 0, NULL)); /* nor is the judge kept from starting one */
    s.agree = false;
    s.amount = 50000000; /* R10.1: at most the requested amount, so exactly it */
    assert_null(refusal(&fx, 0, 0, &s));
    s.amount = 0;
    assert_null(refusal(&fx, 0, 0, &s));
}

static void test_R6_6_refused_before_review_passed(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-003");
    assert_string_equal(refusal(&fx, 2, 0, &s),
                        "application 2026-003 has not passed document review");
    fx.apps[2].review = REVIEW_NONE;
    assert_string_equal(refusal(&fx, 2, 0, NULL),
                        "application 2026-003 has not passed document review");
}

static void test_R6_6_refused_on_no_panel_once_panels_exist(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-002");
    assert_string_equal(refusal(&fx, 1, 0, &s),
                        "2026-002 is not assigned to any panel yet (R6.6): assign it with simsa "
                        "panel assign");
    fx.c.n_panels = 0; /* no panel at all: every judge scores it */
    assert_null(refusal(&fx, 1, 0, &s));
}

static void test_R6_3_refused_off_the_panel(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-001");
    s.judge = 3;
    assert_string_equal(refusal(&fx, 0, 2, &s),
                        "박지훈 is not on the panel of application 2026-001");
    s.judge = 4; /* the secretariat is no judge */
    assert_string_equal(refusal(&fx, 0, 3, &s),
                        "김간사 is not on the panel of application 2026-001");
}

static void test_R6_4_refused_after_a_conflict(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    fx.conflict = 1;
    fx.apps[0].conflicts = &fx.conflict;
    fx.apps[0].n_conflicts = 1;
    struct sheet s = good_sheet("2026-001");
    assert_string_equal(refusal(&fx, 0, 0, &s),
                        "강민준 declared a conflict of interest with 2026-001 and cannot score it");
}

static void test_R6_2_refused_when_already_submitted(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    fx.sheet.s = good_sheet("2026-001");
    fx.apps[0].sheets = &fx.sheet;
    fx.apps[0].n_sheets = 1;
    struct sheet s = good_sheet("2026-001");
    assert_string_equal(refusal(&fx, 0, 0, &s), "강민준 already submitted a sheet for 2026-001");
    s.judge = 2; /* 김서연 has not */
    assert_null(refusal(&fx, 0, 1, &s));
}

static void test_R10_1_refused_above_the_requested_amount(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-001");
    s.agree = false;
    s.amount = 50000001;
    assert_string_equal(refusal(&fx, 0, 0, &s),
                        "R10.1: adjusted amount 50,000,001 is above the requested 50,000,000");
    s.agree = true; /* an agreeing vote has no amount of its own */
    assert_null(refusal(&fx, 0, 0, &s));
}

static void test_opinion_refused_missing_below_the_threshold(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-001");
    s.item_tenths[1] = 299; /* 69.9 < 70 */
    assert_string_equal(refusal(&fx, 0, 0, &s),
                        "the total 69.9 is below 70: write the overall opinion, the reason the "
                        "company is told");
    s.opinion = " \n";
    assert_non_null(refusal(&fx, 0, 0, &s));
    s.opinion = "데이터 부족";
    assert_null(refusal(&fx, 0, 0, &s));
    s.opinion = NULL;
    s.item_tenths[1] = 300; /* exactly the threshold needs none */
    assert_null(refusal(&fx, 0, 0, &s));
}

struct said {
    enum sheet_part part[8];
    char text[8][256];
    size_t n;
};

static void say(void *ctx, enum sheet_part part, const char *problem)
{
    struct said *sd = ctx;
    sd->part[sd->n] = part;
    strncpy(sd->text[sd->n], problem, sizeof sd->text[0] - 1);
    sd->n++;
}

static void test_every_problem_said_with_its_part(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    fx.conflict = 3;
    fx.apps[2].conflicts = &fx.conflict;
    fx.apps[2].n_conflicts = 1;
    struct sheet s = good_sheet("2026-003");
    s.judge = 3;
    s.agree = false;
    s.amount = 60000000;
    s.item_tenths[0] = 0;
    struct said sd = {0};
    assert_int_equal(
        sheet_problems(&fx.c, &fx.apps[2], &fx.people[2], &s, SHEET_CHECK_ALL, say, &sd), 5);
    assert_int_equal(sd.part[0], SHEET_PART_APP);   /* review */
    assert_int_equal(sd.part[1], SHEET_PART_JUDGE); /* panel */
    assert_int_equal(sd.part[2], SHEET_PART_JUDGE); /* conflict */
    assert_int_equal(sd.part[3], SHEET_PART_AMOUNT);
    assert_int_equal(sd.part[4], SHEET_PART_OPINION);
    assert_string_equal(sd.text[2],
                        "박지훈 declared a conflict of interest with 2026-003 and cannot score it");
    /* Only the checks asked for; a NULL sheet is only who. */
    memset(&sd, 0, sizeof sd);
    assert_int_equal(sheet_problems(&fx.c, &fx.apps[2], NULL, &s,
                                    SHEET_CHECK_AMOUNT | SHEET_CHECK_OPINION, say, &sd),
                     2);
    assert_int_equal(
        sheet_problems(&fx.c, &fx.apps[2], &fx.people[2], NULL, SHEET_CHECK_ALL, say, &sd), 3);
}

static void test_R6_3_R6_4_which_sheets_count_and_totals(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_init(&fx);
    struct sheet s = good_sheet("2026-001");
    assert_int_equal(sheet_total(&fx.c.program, &s), 800);
    assert_true(sheet_is_counted(&fx.c, &fx.apps[0], &s));
    s.judge = 3; /* kept, but off the panel */
    assert_false(sheet_is_counted(&fx.c, &fx.apps[0], &s));
    s.judge = 1;
    fx.conflict = 1;
    fx.apps[0].conflicts = &fx.conflict;
    fx.apps[0].n_conflicts = 1;
    assert_false(sheet_is_counted(&fx.c, &fx.apps[0], &s));
}

/* ---- The signed-sheet reader ---- */

struct signed_file {
    struct public_key pub;
    struct secret_key sk;
    struct sealed_key sealed;
};

static void signer_make(struct signed_file *k)
{
    const char *why = NULL;
    memset(k, 0, sizeof *k);
    assert_int_equal(key_generate(PASS, strlen(PASS), &k->pub, &k->sealed, &why), 0);
    assert_int_equal(key_unseal(&k->sealed, PASS, strlen(PASS), &k->sk, &why), 0);
}

static void signer_free(struct signed_file *k)
{
    secret_key_wipe(&k->sk);
    sealed_key_free(&k->sealed);
}

/* Read text signed by k; returns the first problem, or NULL when it read. */
static char *read_signed(struct fixture *fx, const struct signed_file *k, const char *text,
                         struct sheet_file *out)
{
    char *sig = minisig_sign(&k->sk, text, strlen(text), "test", "test");
    struct diags d = {0};
    int rc = sheet_file_read(&fx->c, "a.sheet", text, strlen(text), sig, out, &d);
    assert_int_equal(rc == 0, d.n == 0);
    char *first = d.n ? xstrdup(d.v[0].text) : NULL;
    diags_free(&d);
    free(sig);
    return first;
}

static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

static void test_R14_signed_sheet_file_read(void **state)
{
    struct fixture fx;
    struct signed_file k;
    (void)state;
    fixture_init(&fx);
    signer_make(&k);
    fx.people[0].pub = k.pub;
    struct sheet s = good_sheet("2026-001");
    const char *comments[PROGRAM_MAX_ITEMS] = {"구체적임"};
    s.comments = comments;
    s.agree = false;
    s.amount = 45000000;
    s.opinion = "좋음";
    char *why = NULL;
    char *text = sheet_text(&fx.c, &s, "강민준", "강민준", AT, &why);
    assert_non_null(text);

    struct sheet_file f;
    assert_null(read_signed(&fx, &k, text, &f));
    assert_ptr_equal(f.judge, &fx.people[0]);
    assert_string_equal(f.s.app, "2026-001");
    assert_int_equal(f.s.judge, 1);
    assert_int_equal(f.s.item_tenths[0], 400);
    assert_int_equal(f.s.amount, 45000000);
    assert_false(f.s.agree);
    assert_false(f.s.transcribed);
    assert_string_equal(f.s.comments[0], "구체적임");
    assert_null(sheet_comment(&f.s, 1));
    assert_string_equal(f.s.opinion, "좋음");
    assert_string_equal(f.at, AT);
    sheet_file_free(&f);

    /* A sheet without comments reads with no room for them (issue 18: most sheets). */
    s.comments = NULL;
    char *plain = sheet_text(&fx.c, &s, "강민준", "강민준", AT, &why);
    assert_null(read_signed(&fx, &k, plain, &f));
    assert_null(f.s.comments);
    assert_null(sheet_comment(&f.s, 0));
    sheet_file_free(&f);
    free(plain);
    s.comments = comments;

    /* A transcribed sheet is the secretariat's, never a judge's own file. */
    s.transcribed = true;
    char *other = sheet_text(&fx.c, &s, "강민준", "강민준", AT, &why);
    char *first = read_signed(&fx, &k, other, &f);
    assert_string_equal(first, "a.sheet: the sheet is not signed by its own judge");
    free(first);
    sheet_file_free(&f);
    free(other);

    /* Another judge's key: 김서연 signs 강민준's sheet. */
    fx.people[1].pub = k.pub;
    fx.people[0].pub = (struct public_key){0};
    first = read_signed(&fx, &k, text, &f);
    assert_string_equal(first, "a.sheet: the sheet is not signed by its own judge");
    free(first);
    sheet_file_free(&f);
    fx.people[0].pub = k.pub;
    fx.people[1].pub = (struct public_key){0};

    /* Not the canonical text of its own values: a score written "40.0". */
    other = replaced(text, "need=40", "need=40.0");
    first = read_signed(&fx, &k, other, &f);
    assert_non_null(strstr(first, "canonical form"));
    free(first);
    sheet_file_free(&f);
    free(other);

    /* An item out of its range; another program; an unknown application. */
    other = replaced(text, "need=40", "need=60");
    first = read_signed(&fx, &k, other, &f);
    assert_non_null(strstr(first, "a.sheet: item need: \"60\""));
    free(first);
    sheet_file_free(&f);
    free(other);
    other = replaced(text, "cbtp-2026", "cbtp-2027");
    first = read_signed(&fx, &k, other, &f);
    assert_string_equal(first, "a.sheet: a sheet of another call (cbtp-2027, not cbtp-2026)");
    free(first);
    sheet_file_free(&f);
    free(other);
    other = replaced(text, "2026-001", "2026-009");
    first = read_signed(&fx, &k, other, &f);
    assert_string_equal(first, "a.sheet: no application \"2026-009\"");
    free(first);
    sheet_file_free(&f);
    free(other);

    /* A signature that is not the signer's: unknown key, then a changed text. */
    struct signed_file stranger;
    signer_make(&stranger);
    first = read_signed(&fx, &stranger, text, &f);
    assert_non_null(strstr(first, "a.sheet: signed by an unknown key"));
    free(first);
    sheet_file_free(&f);
    signer_free(&stranger);
    char *sig = minisig_sign(&k.sk, text, strlen(text), "test", "test");
    other = replaced(text, "좋음", "나쁨");
    struct diags d = {0};
    assert_int_equal(sheet_file_read(&fx.c, "a.sheet", other, strlen(other), sig, &f, &d), -1);
    assert_non_null(strstr(d.v[0].text, "a.sheet: bad signature"));
    diags_free(&d);
    sheet_file_free(&f);
    free(other);
    free(sig);

    free(text);
    signer_free(&k);
}

/* ---- Judges of an application: all of them, however many (no cap). ---- */

static void test_R6_3_three_hundred_judges_all_kept(void **state)
{
    enum { N = 300 };
    (void)state;
    struct call c = {0};
    struct person *people = xcalloc(N, sizeof *people);
    int64_t *ids = xcalloc(N, sizeof *ids);
    for (int i = 0; i < N; i++) {
        people[i] = (struct person){.id = 1000 + i, .name = "j", .role = ROLE_JUDGE};
        ids[i] = 1000 + i;
    }
    c.people = people;
    c.n_people = N;
    struct app_record r = {.a = {.id = "2026-001"}, .review = REVIEW_PASSED};
    int64_t *judges = NULL;
    /* On no panel: every judge of the call. */
    assert_int_equal(call_app_judges(&c, &r, &judges), N);
    for (int i = 0; i < N; i++)
        assert_int_equal(judges[i], 1000 + i);
    free(judges);
    /* On a panel of all 300. */
    struct panel panel = {.id = 7, .name = "큰 패널", .judges = ids, .n_judges = N};
    c.panels = &panel;
    c.n_panels = 1;
    r.panel = 7;
    assert_int_equal(call_app_judges(&c, &r, &judges), N);
    assert_int_equal(judges[N - 1], 1000 + N - 1);
    free(judges);
    assert_true(call_judge_on_app(&c, &r, 1000 + N - 1));
    /* Every judge but the last has scored: it is still being scored (a cap of 256 judges said
     * it was scored). */
    struct app_sheet *sheets = xcalloc(N, sizeof *sheets);
    for (int i = 0; i < N - 1; i++)
        sheets[i].s = (struct sheet){.app = "2026-001", .judge = 1000 + i};
    r.sheets = sheets;
    r.n_sheets = N - 1;
    assert_int_equal(call_app_stage(&c, &r), STAGE_SCORING);
    r.n_sheets = N;
    sheets[N - 1].s = (struct sheet){.app = "2026-001", .judge = 1000 + N - 1};
    assert_int_equal(call_app_stage(&c, &r), STAGE_SCORED);
    free(sheets);
    free(ids);
    free(people);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_good_sheet_may_be_recorded),
        cmocka_unit_test(test_R6_6_refused_before_review_passed),
        cmocka_unit_test(test_R6_6_refused_on_no_panel_once_panels_exist),
        cmocka_unit_test(test_R6_3_refused_off_the_panel),
        cmocka_unit_test(test_R6_4_refused_after_a_conflict),
        cmocka_unit_test(test_R6_2_refused_when_already_submitted),
        cmocka_unit_test(test_R10_1_refused_above_the_requested_amount),
        cmocka_unit_test(test_opinion_refused_missing_below_the_threshold),
        cmocka_unit_test(test_every_problem_said_with_its_part),
        cmocka_unit_test(test_R6_3_R6_4_which_sheets_count_and_totals),
        cmocka_unit_test(test_R14_signed_sheet_file_read),
        cmocka_unit_test(test_R6_3_three_hundred_judges_all_kept),
    };
    if (setenv("SIMSA_KDF_FAST", "1", 1) != 0 || keys_init() != 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
