/* Unit tests for core/records.c: the canonical text of each signed record (R14), byte for byte,
 * its NFC normalisation and escaping, refusals, and the minisign check of simsa-records(5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/keys.h"
#include "core/records.h"

#define AT "2026-06-22T05:30:00Z"
/* 강민준 in conjoining jamo (NFD), and precomposed */
#define KANG_NFD "\u1100\u1161\u11bc\u1106\u1175\u11ab\u110c\u116e\u11ab"
#define KANG "강민준"

/* ---- Fixtures: one record of each kind. ---- */

static const char *const review_reasons[] = {
    "R2.1: document 6 was issued 2026-02-27, before 2026-03-01",
    "R3.1: region 서울 is not eligible",
};
static const struct record_review review_fixture = {
    .program = "cbtp-2026",
    .app = "2026-007",
    .passed = false,
    .reasons = review_reasons,
    .n_reasons = 2,
    .signer = "김서기",
    .at = AT,
};

static const char *const inspection_team[] = {"이점검", "박현장"};
static const char *const inspection_facts[] = {"factory at 청주시 흥덕구", "data kept since 2025"};
static const char *const inspection_findings[] = {"no issues"};
static const struct record_inspection inspection_fixture = {
    .program = "cbtp-2026",
    .app = "2026-003",
    .date = "2026-06-25",
    .members = inspection_team,
    .n_members = 2,
    .facts = inspection_facts,
    .n_facts = 2,
    .findings = inspection_findings,
    .n_findings = 1,
    .notes = "met the CEO\nsaw the line",
    .signer = "이점검",
    .at = "2026-06-25T07:00:00Z",
};

static const struct record_conflict conflict_fixture = {
    .program = "cbtp-2026",
    .app = "2026-003",
    .judge = KANG,
    .reason = "advised the supplier in 2025",
    .signer = "김서기",
    .at = AT,
};

static const struct record_bonus bonus_fixture = {
    .program = "cbtp-2026",
    .app = "2026-003",
    .bonus = "local_supplier",
    .points_tenths = 15,
    .note = "supplier in 충북",
    .signer = "김서기",
    .at = AT,
};

static const struct record_sheet_item sheet_items[] = {
    {"need", 185, NULL},   {"will", 170, NULL}, {"data", 80, NULL}, {"kpi", 85, NULL},
    {"strategy", 0, NULL}, {"team", 100, NULL}, {"fit", 95, NULL},  {"cost", 100, NULL},
};
static const struct record_sheet sheet_fixture = {
    .program = "cbtp-2026",
    .app = "2026-001",
    .judge = KANG,
    .items = sheet_items,
    .n_items = 8,
    .agree = false,
    .amount = 71000000,
    .opinion = "단계별 목표가 명확함",
    .transcribed = false,
    .signer = KANG,
    .at = AT,
};

static const char *const tie_apps[] = {"2026-009", "2026-004"};
static const struct record_tie tie_fixture = {
    .program = "cbtp-2026",
    .apps = tie_apps,
    .n_apps = 2,
    .reason = "committee vote 5:2",
    .signer = "김서기",
    .at = AT,
};

static const char *const forfeit_promoted[] = {"2026-011", "2026-012"};
static const struct record_forfeit forfeit_fixture = {
    .program = "cbtp-2026",
    .app = "2026-002",
    .reason = "withdrew before the agreement",
    .promoted = forfeit_promoted,
    .n_promoted = 2,
    .signer = "김서기",
    .at = AT,
};

static const struct record_budget budget_fixture = {
    .program = "cbtp-2026",
    .won = 500000000,
    .signer = "김서기",
    .at = AT,
};

static const struct record_result_row result_rows[] = {
    {.rank = 1,
     .app = "2026-003",
     .base = 8240,
     .final = 8390,
     .outcome = "selected",
     .amount = 80000000},
    {.rank = 2,
     .app = "2026-001",
     .base = 8150,
     .final = 8150,
     .outcome = "selected",
     .amount = 71000000},
    {.rank = 3,
     .app = "2026-009",
     .base = 7205,
     .final = 7205,
     .outcome = "waitlisted",
     .amount = 60000000},
};
static const struct record_result result_fixture = {
    .program = "cbtp-2026",
    .decimals = 2,
    .rows = result_rows,
    .n_rows = 3,
    .signer = "김서기",
    .at = AT,
};

static struct record_audit_head audit_fixture(void)
{
    struct record_audit_head h = {.program = "cbtp-2026", .seq = 42, .signer = "김서기", .at = AT};
    for (size_t i = 0; i < RECORD_HASH_BYTES; i++)
        h.hash[i] = (uint8_t)i;
    return h;
}

static void assert_text(char *got, const char *expected)
{
    assert_non_null(got);
    assert_string_equal(got, expected);
    free(got);
}

/* ---- Golden texts: the format of simsa-records(5), byte for byte. ---- */

static void test_R14_review_text(void **state)
{
    struct record_review passed = review_fixture;
    (void)state;

    assert_text(record_review_text(&review_fixture, NULL),
                "simsa-record 1\n"
                "kind: review\n"
                "program: cbtp-2026\n"
                "app: 2026-007\n"
                "passed: no\n"
                "reason: R2.1: document 6 was issued 2026-02-27, before 2026-03-01\n"
                "reason: R3.1: region 서울 is not eligible\n"
                "signer: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
    passed.passed = true;
    passed.reasons = NULL;
    passed.n_reasons = 0;
    assert_text(record_review_text(&passed, NULL),
                "simsa-record 1\nkind: review\nprogram: cbtp-2026\napp: 2026-007\npassed: yes\n"
                "signer: 김서기\nat: 2026-06-22T05:30:00Z\n");
}

static void test_R14_inspection_text(void **state)
{
    (void)state;
    assert_text(record_inspection_text(&inspection_fixture, NULL),
                "simsa-record 1\n"
                "kind: inspection\n"
                "program: cbtp-2026\n"
                "app: 2026-003\n"
                "date: 2026-06-25\n"
                "inspector: 이점검\n"
                "inspector: 박현장\n"
                "fact: factory at 청주시 흥덕구\n"
                "fact: data kept since 2025\n"
                "finding: no issues\n"
                "notes: met the CEO\\nsaw the line\n"
                "signer: 이점검\n"
                "at: 2026-06-25T07:00:00Z\n");
}

static void test_R14_R6_4_conflict_text(void **state)
{
    (void)state;
    assert_text(record_conflict_text(&conflict_fixture, NULL),
                "simsa-record 1\n"
                "kind: conflict\n"
                "program: cbtp-2026\n"
                "app: 2026-003\n"
                "judge: 강민준\n"
                "reason: advised the supplier in 2025\n"
                "signer: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_R8_bonus_texts(void **state)
{
    struct record_bonus whole = bonus_fixture;
    (void)state;

    assert_text(record_bonus_award_text(&bonus_fixture, NULL), "simsa-record 1\n"
                                                               "kind: bonus-award\n"
                                                               "program: cbtp-2026\n"
                                                               "app: 2026-003\n"
                                                               "bonus: local_supplier\n"
                                                               "points: 1.5\n"
                                                               "note: supplier in 충북\n"
                                                               "signer: 김서기\n"
                                                               "at: 2026-06-22T05:30:00Z\n");
    whole.points_tenths = 20;
    whole.note = NULL; /* empty note: the line is still there */
    assert_text(record_bonus_award_text(&whole, NULL),
                "simsa-record 1\nkind: bonus-award\nprogram: cbtp-2026\napp: 2026-003\n"
                "bonus: local_supplier\npoints: 2\nnote: \nsigner: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
    assert_text(record_bonus_withdrawal_text(&bonus_fixture, NULL), "simsa-record 1\n"
                                                                    "kind: bonus-withdrawal\n"
                                                                    "program: cbtp-2026\n"
                                                                    "app: 2026-003\n"
                                                                    "bonus: local_supplier\n"
                                                                    "note: supplier in 충북\n"
                                                                    "signer: 김서기\n"
                                                                    "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_R6_R10_sheet_text(void **state)
{
    struct record_sheet agreed = sheet_fixture;
    (void)state;

    assert_text(record_sheet_text(&sheet_fixture, NULL), "simsa-record 1\n"
                                                         "kind: sheet\n"
                                                         "program: cbtp-2026\n"
                                                         "app: 2026-001\n"
                                                         "judge: 강민준\n"
                                                         "item: need=18.5\n"
                                                         "item: will=17\n"
                                                         "item: data=8\n"
                                                         "item: kpi=8.5\n"
                                                         "item: strategy=0\n"
                                                         "item: team=10\n"
                                                         "item: fit=9.5\n"
                                                         "item: cost=10\n"
                                                         "total: 81.5\n"
                                                         "amount: 71000000\n"
                                                         "opinion: 단계별 목표가 명확함\n"
                                                         "transcribed: no\n"
                                                         "signer: 강민준\n"
                                                         "at: 2026-06-22T05:30:00Z\n");
    agreed.agree = true;
    agreed.amount = 12345; /* not part of an agreeing vote */
    agreed.items = sheet_items + 4;
    agreed.n_items = 4;
    agreed.opinion = "";
    agreed.transcribed = true;
    agreed.signer = "김서기";
    assert_text(record_sheet_text(&agreed, NULL),
                "simsa-record 1\nkind: sheet\nprogram: cbtp-2026\napp: 2026-001\njudge: 강민준\n"
                "item: strategy=0\nitem: team=10\nitem: fit=9.5\nitem: cost=10\ntotal: 29.5\n"
                "amount: agree\nopinion: \ntranscribed: yes\nsigner: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
}

/* Per-item comments: a line after their item, only when there is one, so every sheet signed
 * before comments existed (and every sheet without them) keeps its exact bytes. */
static void test_R14_sheet_comments_follow_their_items(void **state)
{
    struct record_sheet_item items[8];
    struct record_sheet s = sheet_fixture;
    (void)state;
    memcpy(items, sheet_items, sizeof items);
    s.items = items;
    items[0].comment = "근거 자료가 충분함";
    items[1].comment = ""; /* empty: no line */
    items[7].comment = "장비비 과다\nkind: budget";
    assert_text(record_sheet_text(&s, NULL), "simsa-record 1\n"
                                             "kind: sheet\n"
                                             "program: cbtp-2026\n"
                                             "app: 2026-001\n"
                                             "judge: 강민준\n"
                                             "item: need=18.5\n"
                                             "comment: need=근거 자료가 충분함\n"
                                             "item: will=17\n"
                                             "item: data=8\n"
                                             "item: kpi=8.5\n"
                                             "item: strategy=0\n"
                                             "item: team=10\n"
                                             "item: fit=9.5\n"
                                             "item: cost=10\n"
                                             "comment: cost=장비비 과다\\nkind: budget\n"
                                             "total: 81.5\n"
                                             "amount: 71000000\n"
                                             "opinion: 단계별 목표가 명확함\n"
                                             "transcribed: no\n"
                                             "signer: 강민준\n"
                                             "at: 2026-06-22T05:30:00Z\n");
    items[0].comment = items[7].comment = "";
    char *none = record_sheet_text(&s, NULL), *fixture = record_sheet_text(&sheet_fixture, NULL);
    assert_string_equal(none, fixture);
    free(none);
    free(fixture);
}

static void test_R14_R9_3_tie_text(void **state)
{
    (void)state;
    assert_text(record_tie_text(&tie_fixture, NULL), "simsa-record 1\n"
                                                     "kind: tie\n"
                                                     "program: cbtp-2026\n"
                                                     "member: 2026-009\n"
                                                     "member: 2026-004\n"
                                                     "reason: committee vote 5:2\n"
                                                     "signer: 김서기\n"
                                                     "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_R11_5_forfeit_text(void **state)
{
    struct record_forfeit none = forfeit_fixture;
    (void)state;

    assert_text(record_forfeit_text(&forfeit_fixture, NULL),
                "simsa-record 1\n"
                "kind: forfeit\n"
                "program: cbtp-2026\n"
                "app: 2026-002\n"
                "reason: withdrew before the agreement\n"
                "promoted: 2026-011\n"
                "promoted: 2026-012\n"
                "signer: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
    none.n_promoted = 0;
    assert_text(record_forfeit_text(&none, NULL),
                "simsa-record 1\nkind: forfeit\nprogram: cbtp-2026\napp: 2026-002\n"
                "reason: withdrew before the agreement\nsigner: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_R11_budget_text(void **state)
{
    (void)state;
    assert_text(record_budget_text(&budget_fixture, NULL), "simsa-record 1\n"
                                                           "kind: budget\n"
                                                           "program: cbtp-2026\n"
                                                           "budget: 500000000\n"
                                                           "signer: 김서기\n"
                                                           "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_R12_3_agreement_text(void **state)
{
    (void)state;
    struct record_agreement r = {.program = "cbtp-2026",
                                 .app = "2026-001",
                                 .date = "2026-08-31",
                                 .signer = "김서기",
                                 .at = AT};
    assert_text(record_agreement_text(&r, NULL), "simsa-record 1\n"
                                                 "kind: agreement\n"
                                                 "program: cbtp-2026\n"
                                                 "app: 2026-001\n"
                                                 "date: 2026-08-31\n"
                                                 "signer: 김서기\n"
                                                 "at: 2026-06-22T05:30:00Z\n");
    char *why = NULL;
    r.date = "2026-02-30";
    assert_null(record_agreement_text(&r, &why));
    assert_non_null(why);
    free(why);
}

static void test_R14_R7_2_result_text(void **state)
{
    struct record_result whole_points = result_fixture;
    (void)state;

    assert_text(record_result_text(&result_fixture, NULL),
                "simsa-record 1\n"
                "kind: result\n"
                "program: cbtp-2026\n"
                "rank: 1\napp: 2026-003\nbase: 82.40\nfinal: 83.90\noutcome: selected\n"
                "amount: 80000000\n"
                "rank: 2\napp: 2026-001\nbase: 81.50\nfinal: 81.50\noutcome: selected\n"
                "amount: 71000000\n"
                "rank: 3\napp: 2026-009\nbase: 72.05\nfinal: 72.05\noutcome: waitlisted\n"
                "amount: 60000000\n"
                "signer: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
    whole_points.decimals = 0;
    whole_points.n_rows = 1;
    assert_text(record_result_text(&whole_points, NULL),
                "simsa-record 1\nkind: result\nprogram: cbtp-2026\nrank: 1\napp: 2026-003\n"
                "base: 8240\nfinal: 8390\noutcome: selected\namount: 80000000\n"
                "signer: 김서기\nat: 2026-06-22T05:30:00Z\n");
    whole_points.n_rows = 0;
    assert_text(record_result_text(&whole_points, NULL),
                "simsa-record 1\nkind: result\nprogram: cbtp-2026\nsigner: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_audit_head_text(void **state)
{
    struct record_audit_head head = audit_fixture();
    (void)state;

    assert_text(record_audit_head_text(&head, NULL),
                "simsa-record 1\n"
                "kind: audit-head\n"
                "program: cbtp-2026\n"
                "seq: 42\n"
                "hash: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
                "signer: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
}

static void test_R14_checkpoint_text(void **state)
{
    struct record_audit_head head = audit_fixture();
    struct record_checkpoint cp = {
        .program = "cbtp-2026", .seq = 42, .records = 7, .signer = "김서기", .at = AT};
    (void)state;
    memcpy(cp.hash, head.hash, sizeof cp.hash);
    for (size_t i = 0; i < sizeof cp.event_signatures; i++) {
        cp.event_signatures[i] = 0xa0;
        cp.record_signatures[i] = (uint8_t)(0xff - i);
    }
    assert_text(record_checkpoint_text(&cp, NULL),
                "simsa-record 1\n"
                "kind: checkpoint\n"
                "program: cbtp-2026\n"
                "seq: 42\n"
                "hash: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
                "event-signatures: "
                "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0\n"
                "records: 7\n"
                "record-signatures: "
                "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0\n"
                "signer: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
    cp.seq = 0;
    char *why = NULL;
    assert_null(record_checkpoint_text(&cp, &why));
    assert_non_null(why);
    free(why);
}

/* ---- NFC: the same name typed on another system signs the same bytes. ---- */

static void test_R14_decomposed_hangul_gives_same_bytes(void **state)
{
    struct record_sheet nfd = sheet_fixture;
    struct record_conflict conflict = conflict_fixture;
    const char *team[] = {KANG_NFD};
    struct record_inspection inspection = inspection_fixture;
    char *a, *b;
    (void)state;

    assert_string_not_equal(KANG_NFD, KANG);
    nfd.judge = KANG_NFD;
    nfd.signer = KANG_NFD;
    a = record_sheet_text(&sheet_fixture, NULL);
    b = record_sheet_text(&nfd, NULL);
    assert_non_null(b);
    assert_string_equal(a, b);
    free(a);
    free(b);

    conflict.reason = "이해관계: " KANG_NFD;
    assert_text(record_conflict_text(&conflict, NULL),
                "simsa-record 1\nkind: conflict\nprogram: cbtp-2026\napp: 2026-003\n"
                "judge: 강민준\nreason: 이해관계: 강민준\nsigner: 김서기\n"
                "at: 2026-06-22T05:30:00Z\n");
    inspection.members = team;
    inspection.n_members = 1;
    a = record_inspection_text(&inspection, NULL);
    assert_non_null(a);
    assert_non_null(strstr(a, "\ninspector: 강민준\nfact: "));
    free(a);
    assert_text(record_trusted_comment(RECORD_SHEET, "2026-001/" KANG_NFD, KANG_NFD),
                "simsa sheet 2026-001/강민준 by 강민준");
}

/* ---- Escaping: a value never ends its line, so it cannot forge a field. ---- */

static size_t lines_starting_with(const char *text, const char *prefix)
{
    size_t n = 0, len = strlen(prefix);
    for (const char *line = text; *line; line = strchr(line, '\n') + 1) {
        assert_non_null(strchr(line, '\n')); /* every line ends with LF, the last too */
        if (strncmp(line, prefix, len) == 0)
            n++;
    }
    return n;
}

static void test_R14_value_cannot_forge_a_line(void **state)
{
    const char *forged[] = {"ok\nkind: budget\nsigner: 가짜\nat: 2020-01-01T00:00:00Z"};
    struct record_review review = review_fixture;
    char *text;
    (void)state;

    review.reasons = forged;
    review.n_reasons = 1;
    text = record_review_text(&review, NULL);
    assert_non_null(text);
    assert_int_equal(lines_starting_with(text, "kind:"), 1);
    assert_int_equal(lines_starting_with(text, "signer:"), 1);
    assert_int_equal(lines_starting_with(text, "at:"), 1);
    assert_non_null(strstr(text, "\nreason: ok\\nkind: budget\\nsigner: 가짜\\nat: "
                                 "2020-01-01T00:00:00Z\n"));
    free(text);

    /* CR alone is a line end to some readers; backslash must not be confusable with an escape */
    review.reasons = (const char *[]){"C:\\new\r\n\ttab\x1b[0m\x7f"};
    assert_text(record_review_text(&review, NULL),
                "simsa-record 1\nkind: review\nprogram: cbtp-2026\napp: 2026-007\npassed: no\n"
                "reason: C:\\\\new\\r\\n\\x09tab\\x1b[0m\x7f\n"
                "signer: 김서기\nat: 2026-06-22T05:30:00Z\n");
}

static void test_R14_escaped_backslash_differs_from_line_break(void **state)
{
    struct record_conflict a = conflict_fixture, b = conflict_fixture;
    char *ta, *tb;
    (void)state;

    a.reason = "x\\ny"; /* backslash, n */
    b.reason = "x\ny";  /* line feed */
    ta = record_conflict_text(&a, NULL);
    tb = record_conflict_text(&b, NULL);
    assert_non_null(strstr(ta, "\nreason: x\\\\ny\n"));
    assert_non_null(strstr(tb, "\nreason: x\\ny\n"));
    assert_string_not_equal(ta, tb);
    free(ta);
    free(tb);
}

/* Two list elements are not one element holding a line break; no element is not one empty. */
static void test_R14_list_boundaries_are_kept(void **state)
{
    const char *two[] = {"a", "b"}, *one[] = {"a\nb"}, *empty[] = {""};
    struct record_review r = review_fixture;
    char *t_two, *t_one, *t_none, *t_empty;
    (void)state;

    r.reasons = two;
    r.n_reasons = 2;
    t_two = record_review_text(&r, NULL);
    r.reasons = one;
    r.n_reasons = 1;
    t_one = record_review_text(&r, NULL);
    r.n_reasons = 0;
    t_none = record_review_text(&r, NULL);
    r.reasons = empty;
    r.n_reasons = 1;
    t_empty = record_review_text(&r, NULL);
    assert_string_not_equal(t_two, t_one);
    assert_string_not_equal(t_none, t_empty);
    assert_non_null(strstr(t_empty, "\nreason: \n"));
    free(t_two);
    free(t_one);
    free(t_none);
    free(t_empty);
}

/* ---- Every field is signed: changing any one changes the text. ---- */

static void expect_differs(const char *base, char *changed)
{
    assert_non_null(changed);
    assert_string_not_equal(base, changed);
    free(changed);
}

static void test_R14_every_sheet_field_is_signed(void **state)
{
    struct record_sheet s;
    struct record_sheet_item items[8];
    char *base = record_sheet_text(&sheet_fixture, NULL);
    (void)state;

#define SHEET_CHANGE(stmt)                                                                         \
    do {                                                                                           \
        s = sheet_fixture;                                                                         \
        memcpy(items, sheet_items, sizeof items);                                                  \
        s.items = items;                                                                           \
        stmt;                                                                                      \
        expect_differs(base, record_sheet_text(&s, NULL));                                         \
    } while (0)
    SHEET_CHANGE(s.program = "cbtp-2025");
    SHEET_CHANGE(s.app = "2026-011");
    SHEET_CHANGE(s.judge = "김심사");
    SHEET_CHANGE(items[0].id = "needs");
    SHEET_CHANGE(items[7].tenths = 95);
    SHEET_CHANGE((items[0] = sheet_items[1], items[1] = sheet_items[0]));
    SHEET_CHANGE(s.n_items = 7);
    SHEET_CHANGE(items[2].comment = "데이터");
    SHEET_CHANGE(s.agree = true);
    SHEET_CHANGE(s.amount = 71000001);
    SHEET_CHANGE(s.opinion = "단계별 목표가 명확함.");
    SHEET_CHANGE(s.transcribed = true);
    SHEET_CHANGE(s.signer = "김서기");
    SHEET_CHANGE(s.at = "2026-06-22T05:30:01Z");
#undef SHEET_CHANGE
    free(base);
}

static void test_R14_every_field_of_other_kinds_is_signed(void **state)
{
    char *base;
    (void)state;

    base = record_review_text(&review_fixture, NULL);
    {
        struct record_review r = review_fixture;
        r.passed = true;
        expect_differs(base, record_review_text(&r, NULL));
        r = review_fixture;
        r.n_reasons = 1;
        expect_differs(base, record_review_text(&r, NULL));
        r = review_fixture;
        r.app = "2026-008";
        expect_differs(base, record_review_text(&r, NULL));
    }
    free(base);

    base = record_inspection_text(&inspection_fixture, NULL);
    {
        struct record_inspection r = inspection_fixture;
        r.date = "2026-06-26";
        expect_differs(base, record_inspection_text(&r, NULL));
        r = inspection_fixture;
        r.n_members = 1;
        expect_differs(base, record_inspection_text(&r, NULL));
        r = inspection_fixture;
        r.n_facts = 1;
        expect_differs(base, record_inspection_text(&r, NULL));
        r = inspection_fixture;
        r.n_findings = 0;
        expect_differs(base, record_inspection_text(&r, NULL));
        r = inspection_fixture;
        r.notes = "met the CEO";
        expect_differs(base, record_inspection_text(&r, NULL));
    }
    free(base);

    base = record_bonus_award_text(&bonus_fixture, NULL);
    {
        struct record_bonus r = bonus_fixture;
        r.points_tenths = 10;
        expect_differs(base, record_bonus_award_text(&r, NULL));
        r = bonus_fixture;
        r.bonus = "smart_factory";
        expect_differs(base, record_bonus_award_text(&r, NULL));
        expect_differs(base, record_bonus_withdrawal_text(&bonus_fixture, NULL));
    }
    free(base);

    base = record_conflict_text(&conflict_fixture, NULL);
    {
        struct record_conflict r = conflict_fixture;
        r.judge = "김심사";
        expect_differs(base, record_conflict_text(&r, NULL));
        r = conflict_fixture;
        r.reason = "";
        expect_differs(base, record_conflict_text(&r, NULL));
    }
    free(base);
}

static void test_R14_every_field_of_decisions_is_signed(void **state)
{
    struct record_result_row rows[3];
    char *base;
    (void)state;

    base = record_tie_text(&tie_fixture, NULL);
    {
        struct record_tie r = tie_fixture;
        r.apps = (const char *[]){"2026-004", "2026-009"};
        expect_differs(base, record_tie_text(&r, NULL));
        r = tie_fixture;
        r.reason = "committee vote 4:3";
        expect_differs(base, record_tie_text(&r, NULL));
    }
    free(base);

    base = record_forfeit_text(&forfeit_fixture, NULL);
    {
        struct record_forfeit r = forfeit_fixture;
        r.n_promoted = 1;
        expect_differs(base, record_forfeit_text(&r, NULL));
        r = forfeit_fixture;
        r.app = "2026-003";
        expect_differs(base, record_forfeit_text(&r, NULL));
    }
    free(base);

    base = record_budget_text(&budget_fixture, NULL);
    {
        struct record_budget r = budget_fixture;
        r.won = 500000001;
        expect_differs(base, record_budget_text(&r, NULL));
    }
    free(base);

    base = record_result_text(&result_fixture, NULL);
    for (int field = 0; field < 6; field++) {
        struct record_result r = result_fixture;
        memcpy(rows, result_rows, sizeof rows);
        r.rows = rows;
        switch (field) {
        case 0:
            rows[2].rank = 2;
            break;
        case 1:
            rows[2].app = "2026-010";
            break;
        case 2:
            rows[2].base = 7204;
            break;
        case 3:
            rows[2].final = 7215;
            break;
        case 4:
            rows[2].outcome = "selected";
            break;
        default:
            rows[2].amount = 60000010;
            break;
        }
        expect_differs(base, record_result_text(&r, NULL));
    }
    free(base);

    {
        struct record_audit_head h = audit_fixture(), changed = audit_fixture();
        base = record_audit_head_text(&h, NULL);
        changed.hash[31] ^= 1;
        expect_differs(base, record_audit_head_text(&changed, NULL));
        changed = h;
        changed.seq = 43;
        expect_differs(base, record_audit_head_text(&changed, NULL));
        free(base);
    }
}

/* ---- Refusals: no text rather than a text that is not the stored value. ---- */

/* why is read after the call: arguments are evaluated in no fixed order. */
static void expect_refused(char *text, char **why, const char *expected_why)
{
    assert_null(text);
    assert_non_null(*why);
    assert_string_equal(*why, expected_why);
    free(*why);
    *why = NULL;
}

static void test_R14_time_must_be_utc_iso8601(void **state)
{
    static const char *const bad[] = {
        "2026-06-22 05:30:00Z",      "2026-06-22T05:30:00",
        "2026-06-22T05:30:00+09:00", "2026-06-22T05:30Z",
        "2026-06-22T05:30:00z",      "2026-02-30T00:00:00Z",
        "2026-06-22T24:00:00Z",      "2026-06-22T05:60:00Z",
        "2026-06-22T05:30:60Z",      "2026-6-22T05:30:00Z",
        "2026-06-22T05:30:00Z ",     " 2026-06-22T05:30:00Z",
        "2026-06-22T05:30:00.000Z",  "",
        "２026-06-22T05:30:00Z",
    };
    struct record_budget r = budget_fixture;
    char *why = NULL;
    (void)state;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r.at = bad[i];
        expect_refused(record_budget_text(&r, &why), &why,
                       "record field \"at\": not a UTC time of the form 2026-06-22T05:30:00Z");
    }
    r.at = NULL;
    expect_refused(record_budget_text(&r, &why), &why,
                   "record field \"at\": not a UTC time of the form 2026-06-22T05:30:00Z");
    r.at = "2028-02-29T23:59:59Z"; /* leap day, last second */
    why = (char *)"untouched";
    free(record_budget_text(&r, &why));
    assert_null(why);
    r.at = "2026-06-22T05:30:00+00:00";
    assert_null(record_budget_text(&r, NULL)); /* and no leak without why */
}

static void test_R14_bad_values_are_refused(void **state)
{
    char *why = NULL;
    (void)state;

    {
        struct record_review r = review_fixture;
        r.app = "";
        expect_refused(record_review_text(&r, &why), &why, "record field \"app\": empty");
        r = review_fixture;
        r.signer = NULL;
        expect_refused(record_review_text(&r, &why), &why, "record field \"signer\": empty");
        r = review_fixture;
        r.reasons = (const char *[]){"bad \xff byte"};
        r.n_reasons = 1;
        expect_refused(record_review_text(&r, &why), &why,
                       "record field \"reason\": not valid UTF-8");
        r = review_fixture;
        r.reasons = NULL;
        expect_refused(record_review_text(&r, &why), &why, "record field \"reason\": missing");
    }
    {
        struct record_inspection r = inspection_fixture;
        r.date = "2026.06.25";
        expect_refused(record_inspection_text(&r, &why), &why,
                       "record field \"date\": not a date of the form 2026-06-22");
        r.date = "2026-06-31";
        expect_refused(record_inspection_text(&r, &why), &why,
                       "record field \"date\": not a date of the form 2026-06-22");
        r = inspection_fixture;
        r.members = (const char *[]){"이점검", ""};
        expect_refused(record_inspection_text(&r, &why), &why, "record field \"inspector\": empty");
    }
    {
        struct record_bonus r = bonus_fixture;
        r.points_tenths = -5;
        expect_refused(record_bonus_award_text(&r, &why), &why,
                       "record field \"points\": negative");
    }
    expect_refused(record_conflict_text(NULL, &why), &why, "no record to write");
}

static void test_R14_bad_sheets_and_decisions_are_refused(void **state)
{
    struct record_sheet_item items[8];
    char *why = NULL;
    (void)state;

    {
        struct record_sheet s = sheet_fixture;
        memcpy(items, sheet_items, sizeof items);
        s.items = items;
        items[2].id = "da=ta";
        expect_refused(record_sheet_text(&s, &why), &why,
                       "record field \"item\": an item id contains \"=\"");
        items[2] = sheet_items[2];
        items[3].tenths = -1;
        expect_refused(record_sheet_text(&s, &why), &why, "record field \"item\": negative");
        items[3] = sheet_items[3];
        items[4].comment = "\xff";
        expect_refused(record_sheet_text(&s, &why), &why,
                       "record field \"comment\": not valid UTF-8");
        items[4] = sheet_items[4];
        s.amount = -1;
        expect_refused(record_sheet_text(&s, &why), &why, "record field \"amount\": negative");
        s = sheet_fixture;
        s.judge = "";
        s.at = "yesterday"; /* the first failure is the one reported */
        expect_refused(record_sheet_text(&s, &why), &why, "record field \"judge\": empty");
    }
    {
        struct record_tie r = tie_fixture;
        r.n_apps = 1;
        expect_refused(record_tie_text(&r, &why), &why,
                       "record field \"member\": fewer than two applications");
    }
    {
        struct record_result_row rows[3];
        struct record_result r = result_fixture;
        memcpy(rows, result_rows, sizeof rows);
        r.rows = rows;
        rows[1].rank = 0;
        expect_refused(record_result_text(&r, &why), &why,
                       "record field \"rank\": not a rank (1 or more)");
        rows[1] = result_rows[1];
        r.decimals = 5;
        expect_refused(record_result_text(&r, &why), &why,
                       "record field \"decimals\": out of range (0 to 4)");
    }
    {
        struct record_audit_head h = audit_fixture();
        h.seq = 0;
        expect_refused(record_audit_head_text(&h, &why), &why,
                       "record field \"seq\": not an event number (1 or more)");
        h = audit_fixture();
        h.program = "";
        expect_refused(record_audit_head_text(&h, &why), &why, "record field \"program\": empty");
    }
}

/* ---- Names and trusted comments. ---- */

static void test_R14_kind_names(void **state)
{
    static const char *const expected[] = {
        "review",     "inspection",    "conflict",  "bonus-award", "bonus-withdrawal",
        "sheet",      "tie",           "forfeit",   "budget",      "result",
        "audit-head", "plan-revision", "agreement", "checkpoint",
    };
    (void)state;

    for (int k = RECORD_REVIEW; k <= RECORD_CHECKPOINT; k++)
        assert_string_equal(record_kind_name((enum record_kind)k), expected[k]);
    assert_null(record_kind_name((enum record_kind)(RECORD_CHECKPOINT + 1)));
}

/* R12.1: a plan revision's record, required and made. */
static void test_R12_1_plan_revision_text(void **state)
{
    (void)state;
    struct record_plan p = {.program = "cbtp-2026",
                            .app = "2026-005",
                            .made = false,
                            .due = "2026-08-14",
                            .text = "KPI 측정 방법 구체화",
                            .signer = "김간사",
                            .at = "2026-07-01T09:00:00Z"};
    char *why = NULL, *text = record_plan_text(&p, &why);
    assert_non_null(text);
    assert_non_null(strstr(text, "kind: plan-revision\n"));
    assert_non_null(strstr(text, "status: required\ndue: 2026-08-14\n"));
    assert_non_null(strstr(text, "requirement: KPI 측정 방법 구체화\n"));
    free(text);
    p.made = true;
    text = record_plan_text(&p, &why);
    assert_non_null(strstr(text, "status: made\n"));
    free(text);
    p.app = "";
    assert_null(record_plan_text(&p, &why));
    assert_non_null(why);
    free(why);
}

static void test_R14_trusted_comment_is_one_line(void **state)
{
    (void)state;
    assert_text(record_trusted_comment(RECORD_SHEET, "2026-001/강민준", "강민준"),
                "simsa sheet 2026-001/강민준 by 강민준");
    assert_text(record_trusted_comment(RECORD_BUDGET, NULL, "김서기"), "simsa budget by 김서기");
    assert_text(record_trusted_comment(RECORD_TIE, "2026-009,2026-004\ntrusted: x", "김\r서기"),
                "simsa tie 2026-009,2026-004\\ntrusted: x by 김\\r서기");
    assert_null(record_trusted_comment(RECORD_SHEET, "bad \xc3", "강민준"));
    assert_null(record_trusted_comment((enum record_kind)99, "2026-001", "강민준"));
}

/* ---- simsa-records(5): stock minisign checks an exported sheet. ---- */

static int run_quiet(char *const argv[])
{
    int status;
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        if (devnull < 0 || dup2(devnull, 0) < 0 || dup2(devnull, 1) < 0 || dup2(devnull, 2) < 0)
            _exit(126);
        execvp(argv[0], argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *file_write(const char *dir, const char *name, const char *text)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return path;
}

static void test_R14_minisign_verifies_exported_sheet(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    const char *why = NULL, *base = getenv("TMPDIR");
    char *dir = xasprintf("%s/simsa-records-XXXXXX", base && *base ? base : "/tmp");
    char *text, *comment, *sig, *pub_text, *pub_path, *sheet_path, *sig_path;
    (void)state;

    if (run_quiet((char *const[]){"minisign", "-v", NULL}) != 0) {
        print_message("minisign is not installed: man page example not checked\n");
        free(dir);
        skip();
    }
    assert_int_equal(setenv("SIMSA_KDF_FAST", "1", 1), 0);
    assert_int_equal(keys_init(), 0);
    assert_int_equal(key_generate("pw", 2, &pub, &sealed, &why), 0);
    assert_int_equal(key_unseal(&sealed, "pw", 2, &sk, &why), 0);
    text = record_sheet_text(&sheet_fixture, NULL);
    comment = record_trusted_comment(RECORD_SHEET, "2026-001/" KANG, KANG);
    sig = minisig_sign(&sk, text, strlen(text), NULL, comment);
    assert_non_null(sig);
    pub_text = public_key_minisign(&pub);
    assert_non_null(mkdtemp(dir));
    pub_path = file_write(dir, "강민준.pub", pub_text);
    sheet_path = file_write(dir, "2026-001-강민준.sheet", text);
    sig_path = file_write(dir, "2026-001-강민준.sheet.minisig", sig);
    assert_int_equal(
        run_quiet((char *const[]){"minisign", "-Vm", sheet_path, "-p", pub_path, NULL}), 0);
    text[strlen(text) - 3] = '1'; /* at: ...:01Z: a changed record fails */
    free(file_write(dir, "2026-001-강민준.sheet", text));
    assert_int_equal(
        run_quiet((char *const[]){"minisign", "-Vm", sheet_path, "-p", pub_path, NULL}), 1);
    assert_int_equal(unlink(pub_path) | unlink(sheet_path) | unlink(sig_path) | rmdir(dir), 0);
    free(pub_path);
    free(sheet_path);
    free(sig_path);
    free(pub_text);
    free(sig);
    free(comment);
    free(text);
    free(dir);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R14_review_text),
        cmocka_unit_test(test_R14_inspection_text),
        cmocka_unit_test(test_R14_R6_4_conflict_text),
        cmocka_unit_test(test_R14_R8_bonus_texts),
        cmocka_unit_test(test_R14_R6_R10_sheet_text),
        cmocka_unit_test(test_R14_sheet_comments_follow_their_items),
        cmocka_unit_test(test_R14_R9_3_tie_text),
        cmocka_unit_test(test_R14_R11_5_forfeit_text),
        cmocka_unit_test(test_R14_R11_budget_text),
        cmocka_unit_test(test_R14_R12_3_agreement_text),
        cmocka_unit_test(test_R14_R7_2_result_text),
        cmocka_unit_test(test_R14_audit_head_text),
        cmocka_unit_test(test_R14_checkpoint_text),
        cmocka_unit_test(test_R14_decomposed_hangul_gives_same_bytes),
        cmocka_unit_test(test_R14_value_cannot_forge_a_line),
        cmocka_unit_test(test_R14_escaped_backslash_differs_from_line_break),
        cmocka_unit_test(test_R14_list_boundaries_are_kept),
        cmocka_unit_test(test_R14_every_sheet_field_is_signed),
        cmocka_unit_test(test_R14_every_field_of_other_kinds_is_signed),
        cmocka_unit_test(test_R14_every_field_of_decisions_is_signed),
        cmocka_unit_test(test_R14_time_must_be_utc_iso8601),
        cmocka_unit_test(test_R14_bad_values_are_refused),
        cmocka_unit_test(test_R14_bad_sheets_and_decisions_are_refused),
        cmocka_unit_test(test_R14_kind_names),
        cmocka_unit_test(test_R12_1_plan_revision_text),
        cmocka_unit_test(test_R14_trusted_comment_is_one_line),
        cmocka_unit_test(test_R14_minisign_verifies_exported_sheet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
