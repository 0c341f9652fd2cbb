/* Unit tests for core/report.c: the model the result workbook is laid out from — sheets in
 * workbook order (R6.3, R6.4), item sums, the amount majority test (R10.2), the committee's tie
 * order (R9.3), document validity (R2), agreement terms (R12.2), signature checks (R14). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/report.h"

static struct program program_2026, program_2025;

static int programs_setup(void **state)
{
    (void)state;
    struct diags d = {0};
    int bad = program_parse(program_builtin_text("cbtp-2026"), "cbtp-2026", &program_2026, &d) ||
              program_parse(program_builtin_text("cbtp-2025"), "cbtp-2025", &program_2025, &d);
    diags_free(&d);
    setenv("SIMSA_KDF_FAST", "1", 1);
    return bad || keys_init() < 0 ? -1 : 0;
}

static int programs_teardown(void **state)
{
    (void)state;
    program_free(&program_2026);
    program_free(&program_2025);
    return 0;
}

/* Judges A..E (ids 1..5) are panel 10; F (6) is a judge on no panel; 7 is the secretariat. */
enum { A = 1, B, C, D, E, F, SEC };
static struct person people[] = {
    {.id = A, .name = "A", .role = ROLE_JUDGE},         {.id = B, .name = "B", .role = ROLE_JUDGE},
    {.id = C, .name = "C", .role = ROLE_JUDGE},         {.id = D, .name = "D", .role = ROLE_JUDGE},
    {.id = E, .name = "E", .role = ROLE_JUDGE},         {.id = F, .name = "F", .role = ROLE_JUDGE},
    {.id = SEC, .name = "S", .role = ROLE_SECRETARIAT},
};
static int64_t panel_judges[] = {A, B, C, D, E};
static struct panel panels[] = {{.id = 10, .name = "bio", .judges = panel_judges, .n_judges = 5}};

/* A sheet: every item at `each` tenths up to its maximum; agree or an adjusted amount. */
static struct app_sheet sheet(int64_t judge, int32_t each, bool agree, int64_t amount)
{
    struct app_sheet s = {.s = {.judge = judge, .agree = agree, .amount = agree ? 0 : amount}};
    for (size_t i = 0; i < program_2026.n_items; i++)
        s.s.item_tenths[i] =
            each < program_2026.items[i].max_tenths ? each : program_2026.items[i].max_tenths;
    return s;
}

/* P: A..E score, two adjust (3 of 5 agree), and F (not on the panel) sent one too, in the
 *    middle. Q: E declared a conflict and still sent a sheet; 2 of 4 others agree.
 * S1, S2: identical sheets, ordered S2 first by the committee. U: not reviewed. */
static struct app_sheet p_sheets[6], q_sheets[5], s1_sheets[5], s2_sheets[5];
static int64_t q_conflicts[] = {E};
static struct app_record apps[5];
static char *tie_apps[] = {"S2", "S1"};
static struct tie_record ties[] = {{.apps = tie_apps, .n = 2}};
static struct call call;

static void call_build(void)
{
    memset(&call, 0, sizeof call);
    call.program = program_2026;
    call.people = people;
    call.n_people = sizeof people / sizeof people[0];
    call.panels = panels;
    call.n_panels = 1;
    /* totals: 150 each -> 90.0, 130 -> 82.0, 120 -> 78.0 (will and team stop at 5) */
    p_sheets[0] = sheet(A, 150, true, 0);
    p_sheets[1] = sheet(B, 150, true, 0);
    p_sheets[2] = sheet(F, 10, false, 1000);
    p_sheets[3] = sheet(C, 130, true, 0);
    p_sheets[4] = sheet(D, 130, false, 40000000);
    p_sheets[5] = sheet(E, 120, false, 30000000);
    q_sheets[0] = sheet(E, 150, true, 0);
    for (int i = 0; i < 4; i++)
        q_sheets[1 + i] = sheet(A + i, 130, i < 2, 45000000);
    for (int i = 0; i < 5; i++)
        s1_sheets[i] = s2_sheets[i] = sheet(A + i, 120, true, 0);
    static char *ids[] = {"P", "Q", "S1", "S2", "U"};
    for (int i = 0; i < 5; i++)
        apps[i] = (struct app_record){.a = {.id = ids[i], .company = ids[i], .requested = 50000000},
                                      .review = REVIEW_PASSED,
                                      .panel = 10};
    apps[0].sheets = p_sheets, apps[0].n_sheets = 6;
    apps[1].sheets = q_sheets, apps[1].n_sheets = 5;
    apps[1].conflicts = q_conflicts, apps[1].n_conflicts = 1;
    apps[2].sheets = s1_sheets, apps[2].n_sheets = 5;
    apps[3].sheets = s2_sheets, apps[3].n_sheets = 5;
    apps[4].review = REVIEW_NONE;
    call.apps = apps;
    call.n_apps = 5;
    call.ties = ties;
    call.n_ties = 1;
    call.has_budget = true;
    call.budget = 1000000000;
}

/* Each application's counted sheets first, in the order recorded, then those that do not count
 * with the reason (R6.3, R6.4); item sums over the counted ones only. */
static void test_sheets_in_workbook_order(void **state)
{
    (void)state;
    call_build();
    struct report r;
    report_build(&call, &r);
    assert_int_equal(r.n_sheets, 6 + 5 + 5 + 5);
    assert_int_equal(r.n_counted, 5 + 4 + 5 + 5);
    const struct report_app *p = &r.apps[0], *q = &r.apps[1];
    assert_int_equal(p->first_sheet, 0);
    assert_int_equal(p->n_counted, 5);
    assert_int_equal(p->n_sheets, 6);
    const int64_t p_order[] = {A, B, C, D, E, F};
    for (int i = 0; i < 6; i++)
        assert_int_equal(r.sheets[i].sheet->s.judge, p_order[i]);
    assert_true(r.sheets[4].counted);
    assert_false(r.sheets[5].counted);
    assert_string_equal(r.sheets[5].not_counted,
                        "not counted: the judge is not on the application's panel (R6.3)");
    assert_string_equal(r.sheets[5].judge, "F");
    /* data (item 3) of P: 150 + 150 + 130 + 130 + 120, F's 10 left out */
    assert_int_equal(p->item_sums[2], 680);
    assert_int_equal(r.sheets[0].total_tenths, 900);
    assert_int_equal(r.sheets[5].total_tenths, 80);
    assert_int_equal(q->first_sheet, 6);
    assert_int_equal(q->n_counted, 4);
    assert_int_equal(r.sheets[6].sheet->s.judge, A);
    assert_int_equal(r.sheets[10].sheet->s.judge, E);
    assert_string_equal(r.sheets[10].not_counted,
                        "not counted: the judge declared a conflict of interest (R6.4)");
    assert_string_equal(p->panel, "bio");
    assert_int_equal(r.apps[4].n_sheets, 0);
    report_free(&r);
}

/* R10.2: more than half of the counted sheets agree; F's sheet is not a vote. */
static void test_amount_majority(void **state)
{
    (void)state;
    call_build();
    struct report r;
    report_build(&call, &r);
    const struct amount_test *p = &r.apps[0].amount, *q = &r.apps[1].amount;
    assert_int_equal(p->votes, 5);
    assert_int_equal(p->agree, 3);
    assert_int_equal(p->needed, 3);
    assert_true(p->majority);
    assert_int_equal(r.apps[0].row->agree, p->agree); /* as the ranking counted */
    assert_int_equal(q->votes, 4);
    assert_int_equal(q->agree, 2);
    assert_int_equal(q->needed, 3);
    assert_false(q->majority);
    assert_int_equal(r.apps[4].amount.votes, 0);
    assert_false(r.apps[4].amount.majority);
    report_free(&r);
}

/* The ranking is call_rank's; a tie the committee ordered carries its ranks (R9.3). */
static void test_rows_and_tie_order(void **state)
{
    (void)state;
    call_build();
    struct report r;
    report_build(&call, &r);
    assert_int_equal(r.rank.n, 5);
    for (size_t i = 0; i < r.rank.n; i++)
        assert_ptr_equal(report_app_of(&r, &r.rank.rows[i])->row, &r.rank.rows[i]);
    const struct report_app *s1 = &r.apps[2], *s2 = &r.apps[3];
    assert_true(s1->row->tie_resolved);
    assert_int_equal(s2->tie_order, s2->row->rank);
    assert_int_equal(s1->tie_order, s1->row->rank);
    assert_true(s2->tie_order < s1->tie_order);
    assert_int_equal(r.apps[0].tie_order, 0);
    assert_null(r.apps[4].row->has_result ? "result" : NULL);
    report_free(&r);
}

static struct submitted_doc docs[] = {
    {1, 0}, {2, 0}, {3, 0}, {5, 0}, {5, 0},
};

/* R2.1 window 2026-03-01 .. 2026-06-19; doc 4 optional; doc 7 a start-up may omit (R2.2). */
static void test_document_review(void **state)
{
    (void)state;
    call_build();
    struct app_record *rec = &apps[0];
    date_parse("2026-05-01", &docs[0].issued, NULL);
    date_parse("2026-02-28", &docs[1].issued, NULL);
    date_parse("2026-06-20", &docs[2].issued, NULL);
    date_parse("2026-01-10", &docs[3].issued, NULL); /* doc 5: an old one, then a valid one */
    date_parse("2026-04-02", &docs[4].issued, NULL);
    rec->docs = docs;
    rec->n_docs = 5;
    date_parse("2025-01-01", &rec->a.founded, NULL);
    struct checklist_row answers[] = {
        {.item = "d1", .answer = ANSWER_YES, .note = "first"},
        {.item = "d1", .answer = ANSWER_NO, .note = "second"},
    };
    rec->answers = answers;
    rec->n_answers = 2;
    struct report_review rv;
    report_review(&call, rec, &rv);
    assert_int_equal(rv.n_docs, 7);
    const enum doc_status want[] = {DOC_VALID, DOC_EARLY,   DOC_LATE,  DOC_OPTIONAL,
                                    DOC_VALID, DOC_MISSING, DOC_EXEMPT};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(rv.docs[i].def->number, (int)i + 1);
        assert_int_equal(rv.docs[i].status, want[i]);
    }
    assert_int_equal(rv.docs[4].issued, docs[4].issued); /* the valid one counts */
    assert_int_equal(rv.docs[2].issued, docs[2].issued);
    assert_false(rv.docs[5].submitted);
    assert_string_equal(doc_status_label(DOC_EXEMPT), "may be omitted (R2.2)");
    /* R4: the last answer is in force; d2 is unanswered */
    assert_string_equal(rv.dqs[0].def->id, "d1");
    assert_int_equal(rv.dqs[0].answer, ANSWER_NO);
    assert_string_equal(rv.dqs[0].note, "second");
    assert_int_equal(rv.dqs[1].answer, ANSWER_NONE);
    assert_false(rv.now.passed); /* doc 2, 3, 6 fail R2 */
    report_review_free(&rv);
    /* Founded long ago: document 7 is missing, not exempt. */
    date_parse("2010-01-01", &rec->a.founded, NULL);
    report_review(&call, rec, &rv);
    assert_int_equal(rv.docs[6].status, DOC_MISSING);
    report_review_free(&rv);
}

/* R12.2: 2026 counts from the agreement; 2025 has fixed dates. */
static void test_agreement_terms(void **state)
{
    (void)state;
    struct application a = {.copay = 7000000};
    struct agreement_terms t;
    agreement_terms(&program_2026, &a, &t);
    assert_int_equal(t.copay, 7000000);
    assert_int_equal(t.advance, 15000000);
    assert_string_equal(t.copay_due, "within 14 days of the agreement");
    assert_string_equal(t.project_period, "10 months from the agreement");
    assert_string_equal(t.development_due, "2 months before the project ends");
    agreement_terms_free(&t);
    agreement_terms(&program_2025, &a, &t);
    assert_int_equal(t.advance, 30000000);
    assert_string_equal(t.copay_due, "within 30 days of the agreement");
    assert_string_equal(t.project_period, "from the agreement to 2026-07-31");
    assert_string_equal(t.development_due, "by 2026-04-30");
    agreement_terms_free(&t);
}

static void test_plain_words(void **state)
{
    (void)state;
    for (int o = OUTCOME_SELECTED; o <= OUTCOME_TIE; o++)
        assert_string_not_equal(outcome_plain_words((enum outcome)o), "?");
    assert_string_equal(outcome_plain_words(OUTCOME_SELECTED), "selected for support");
}

/* Keys for people A and B of the test call. */
static void keys_make(struct sealed_key sealed[2], struct secret_key key[2])
{
    const char *why;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(key_generate("pw", 2, &people[i].pub, &sealed[i], &why), 0);
        assert_int_equal(key_unseal(&sealed[i], "pw", 2, &key[i], &why), 0);
    }
}

static void keys_drop(struct sealed_key sealed[2], struct secret_key key[2])
{
    for (int i = 0; i < 2; i++) {
        secret_key_wipe(&key[i]);
        sealed_key_free(&sealed[i]);
        memset(&people[i].pub, 0, sizeof people[i].pub);
    }
}

/* R14: each way a signed record can fail, as simsa verify tells them apart. */
static void test_signed_check(void **state)
{
    (void)state;
    call_build();
    struct sealed_key sealed[2];
    struct secret_key key[2];
    keys_make(sealed, key);
    const char *text = "simsa-record 1\nkind: test\n";
    char *sig = minisig_sign(&key[0], text, strlen(text), "u", "t");
    char *other = minisig_sign(&key[1], text, strlen(text), "u", "t");
    struct signed_input in = {.signer = A, .derived = text, .signed_text = text, .signature = sig};
    struct signed_result res;
    signed_check(&call, &in, &res);
    assert_int_equal(res.check, SIGNED_VERIFIED);
    assert_null(res.why);
    assert_true(res.has_key_id);
    assert_memory_equal(res.key_id, people[0].pub.key_id, KEY_ID_BYTES);
    in.derived = "simsa-record 1\nkind: edited\n";
    signed_check(&call, &in, &res);
    assert_int_equal(res.check, SIGNED_CHANGED);
    in.derived = NULL;
    in.derive_error = "bad date";
    signed_check(&call, &in, &res);
    assert_int_equal(res.check, SIGNED_UNREADABLE);
    assert_string_equal(res.why, "bad date");
    free(res.why);
    in.derived = text;
    in.signature = other; /* B's signature for A's record */
    signed_check(&call, &in, &res);
    assert_int_equal(res.check, SIGNED_BAD_SIGNATURE);
    assert_non_null(res.why);
    assert_memory_equal(res.key_id, people[1].pub.key_id, KEY_ID_BYTES);
    free(res.why);
    in.signer = 99;
    in.signature = sig;
    signed_check(&call, &in, &res);
    assert_int_equal(res.check, SIGNED_UNKNOWN_SIGNER);
    in.signed_text = NULL;
    signed_check(&call, &in, &res);
    assert_int_equal(res.check, SIGNED_NOT_SIGNED);
    assert_string_equal(signed_check_label(SIGNED_VERIFIED), "verified");
    free(sig);
    free(other);
    keys_drop(sealed, key);
}

/* R14 at scale: the parallel check gives each record exactly what signed_check gives it, in
 * its own place, whatever the mix (chunks of 64 over several threads). */
static void test_signed_check_many(void **state)
{
    (void)state;
    call_build();
    struct sealed_key sealed[2];
    struct secret_key key[2];
    keys_make(sealed, key);
    enum { N = 301 };
    static char texts[N][64];
    char *sigs[N];
    struct signed_input in[N];
    struct signed_result many[N], one;
    for (int i = 0; i < N; i++) {
        snprintf(texts[i], sizeof texts[i], "simsa-record 1\nkind: test\nn: %d\n", i);
        sigs[i] = minisig_sign(&key[i % 7 == 3], texts[i], strlen(texts[i]), "u", "t");
        in[i] = (struct signed_input){
            .signer = A, .derived = texts[i], .signed_text = texts[i], .signature = sigs[i]};
        if (i % 11 == 5)
            in[i].derived = "simsa-record 1\nkind: edited\n";
        if (i % 13 == 6)
            in[i].signed_text = NULL;
    }
    signed_check_many(&call, in, many, N);
    size_t bad = 0;
    for (int i = 0; i < N; i++) {
        signed_check(&call, &in[i], &one);
        assert_int_equal(many[i].check, one.check);
        assert_memory_equal(many[i].key_id, one.key_id, KEY_ID_BYTES);
        bad += many[i].check == SIGNED_BAD_SIGNATURE;
        free(one.why);
        free(many[i].why);
        free(sigs[i]);
    }
    assert_true(bad > 30); /* the mix really has each kind */
    assert_int_equal(many[3].check, SIGNED_BAD_SIGNATURE);
    assert_int_equal(many[5].check, SIGNED_CHANGED);
    assert_int_equal(many[6].check, SIGNED_NOT_SIGNED);
    assert_int_equal(many[0].check, SIGNED_VERIFIED);
    assert_int_equal(many[N - 1].check, SIGNED_VERIFIED);
    signed_check_many(&call, in, many, 0); /* nothing to do is no error */
    keys_drop(sealed, key);
}

/* The printed workbook's words: record kinds and bonuses by name, Korea time (UTC+9, the day
 * and month and year rolling over), per-item comments by item name. */
static void test_printed_words(void **state)
{
    (void)state;
    const struct program *p = &program_2026;
    char *t = signed_label_words(p, "bonus 2026-001/local_supplier", true);
    assert_string_equal(t, "bonus 2026-001/컨소시엄 공급기업이 충북 내 지역 기업");
    free(t);
    t = signed_label_words(p, "bonus 2026-001/local_supplier", false);
    assert_string_equal(
        t, "bonus 2026-001/The consortium's supplier is a company located in Chungbuk");
    free(t);
    t = signed_label_words(p, "bonus 2026-001/no_such", true);
    assert_string_equal(t, "bonus 2026-001/no_such");
    free(t);
    t = signed_label_words(p, "tie decision 3", true);
    assert_string_equal(t, "tie decision 3");
    free(t);
    t = signed_label_words(p, "something else", true);
    assert_string_equal(t, "something else");
    free(t);
    static const char *const times[][2] = {
        {"2026-07-01T09:00:00Z", "2026-07-01 18:00:00 KST"},
        {"2026-07-01T20:30:05Z", "2026-07-02 05:30:05 KST"},
        {"2026-06-30T15:00:00Z", "2026-07-01 00:00:00 KST"},
        {"2026-12-31T23:59:59Z", "2027-01-01 08:59:59 KST"},
        {"2028-02-28T16:00:00Z", "2028-02-29 01:00:00 KST"},
        {"2026-02-28T16:00:00Z", "2026-03-01 01:00:00 KST"},
        {"2026-07-01 09:00", "2026-07-01 09:00"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        t = korea_time(times[i][0]);
        assert_string_equal(t, times[i][1]);
        free(t);
    }
    struct sheet sh = {0};
    assert_null(sheet_comments_text(p, &sh, true)); /* no room for comments: none */
    const char *comments[PROGRAM_MAX_ITEMS] = {0};
    sh.comments = comments;
    assert_null(sheet_comments_text(p, &sh, true));
    sh.comments[0] = "근거가 분명함";
    sh.comments[p->n_items - 1] = "적정";
    t = sheet_comments_text(p, &sh, true);
    assert_string_equal(t, "지원 필요성: 근거가 분명함\n사업비: 적정");
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheets_in_workbook_order),
        cmocka_unit_test(test_amount_majority),
        cmocka_unit_test(test_rows_and_tie_order),
        cmocka_unit_test(test_document_review),
        cmocka_unit_test(test_agreement_terms),
        cmocka_unit_test(test_plain_words),
        cmocka_unit_test(test_signed_check),
        cmocka_unit_test(test_signed_check_many),
        cmocka_unit_test(test_printed_words),
    };
    return cmocka_run_group_tests(tests, programs_setup, programs_teardown);
}
