/* Unit tests for core/program.c: the built-in calls against the seeds, and broken definitions
 * each named with the line of their problem. */
/* cmocka.h needs these before it, in this order. */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/program.h"

/* ---- helpers ---- */

static struct program load_builtin(const char *id)
{
    struct program p;
    struct diags d = {0};
    const char *text = program_builtin_text(id);
    assert_non_null(text);
    int rc = program_parse(text, id, &p, &d);
    for (size_t i = 0; i < d.n; i++)
        print_error("%s\n", d.v[i].text);
    assert_int_equal(rc, 0);
    assert_int_equal(d.n, 0);
    diags_free(&d);
    return p;
}

static sdate ymd(int y, int m, int d)
{
    sdate out;
    assert_int_equal(date_from_ymd(y, m, d, &out), 0);
    return out;
}

static void assert_item(const struct program *p, size_t i, const char *id, const char *group,
                        int32_t max, const char *name_ko, const char *desc_ko)
{
    size_t index = 99;
    const struct rubric_item *it = program_item(p, id, &index);
    assert_non_null(it);
    assert_int_equal(index, i);
    assert_string_equal(it->group, group);
    assert_int_equal(it->max_tenths, max);
    assert_string_equal(it->name_ko, name_ko);
    assert_string_equal(it->desc_ko, desc_ko);
    assert_true(strlen(it->name_en) > 0);
    assert_true(strlen(it->desc_en) > 0);
}

static void assert_doc(const struct program *p, int number, const char *name_ko, enum party party,
                       bool required, bool startup_exempt)
{
    const struct doc_def *doc = program_doc(p, number);
    assert_non_null(doc);
    assert_string_equal(doc->name_ko, name_ko);
    assert_true(strlen(doc->name_en) > 0);
    assert_int_equal(doc->party, party);
    assert_int_equal(doc->required, required);
    assert_int_equal(doc->startup_exempt, startup_exempt);
}

static void assert_rubric_R6_1(const struct program *p)
{
    assert_int_equal(p->n_items, 8);
    assert_item(p, 0, "need", "demand", 100, "지원 필요성", "사업 추진 배경 및 도입 필요성");
    assert_item(p, 1, "will", "demand", 50, "사업 의지", "사업 이해도 및 참여 인력 투입 방안");
    assert_item(p, 2, "data", "demand", 200, "데이터 확보",
                "원천 데이터 등의 확보에 대한 사전 준비 충분성");
    assert_item(p, 3, "kpi", "demand", 150, "핵심지표 적절성",
                "정량적 목표 설정 및 측정 방법에 대한 적절성");
    assert_item(p, 4, "strategy", "supplier", 200, "추진 전략",
                "솔루션 실증 목표 및 전략의 타당성");
    assert_item(p, 5, "team", "supplier", 50, "추진 체계", "투입 인력 구성 및 일정 적정성");
    assert_item(p, 6, "fit", "supplier", 150, "요구사항 반영",
                "수요기업 요구사항 및 과제 범위의 적정성");
    assert_item(p, 7, "cost", "supplier", 100, "사업비", "사업비 계상의 적정성");
    assert_int_equal(program_total_tenths(p), 1000);
}

/* The RULES.md defaults, which both built-in calls keep. */
static void assert_default_policies(const struct program *p)
{
    assert_int_equal(p->aggregate, AGGREGATE_MEAN); /* R7.1 */
    assert_int_equal(p->decimals, 2);               /* R7.2 */
    assert_int_equal(p->threshold_tenths, 700);     /* R7.3 */
    assert_false(p->threshold_counts_bonus);
    assert_int_equal(p->judges, 5);      /* R6.3 */
    assert_int_equal(p->quorum, 3);      /* R6.4 */
    assert_int_equal(p->step_tenths, 1); /* R6.2 */
    assert_int_equal(p->n_tie_break, 3); /* R9.2 */
    assert_string_equal(p->items[p->tie_break[0]].id, "data");
    assert_string_equal(p->items[p->tie_break[1]].id, "kpi");
    assert_string_equal(p->items[p->tie_break[2]].id, "strategy");
    assert_int_equal(p->adjust_mean, ADJUST_MEAN_ALL); /* R10.3 */
    assert_int_equal(p->amount_unit, 1000);
    assert_int_equal(p->budget_fit, BUDGET_FIT_STOP); /* R11.2 */
    assert_int_equal(p->bonus_cap_tenths, -1);        /* R8 */
}

static void assert_amounts_R5(const struct program *p)
{
    assert_int_equal(p->support_cap, 80000000);
    assert_int_equal(p->copay_min_sme, 5000000);
    assert_int_equal(p->copay_min_midsize, 10000000);
    assert_int_equal(program_copay_min(p, false), 5000000);
    assert_int_equal(program_copay_min(p, true), 10000000);
}

static void assert_regions(const struct program *p, const char *const *want, size_t n)
{
    assert_int_equal(p->n_regions, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(p->regions[i], want[i]);
}

static void assert_industries_R3_2(const struct program *p)
{
    static const char *const want[] = {"의료", "바이오", "화장품", "식품", "제지"};
    assert_int_equal(p->n_industries, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(p->industries[i], want[i]);
}

/* ---- the 2026 call (seeds/000_...) ---- */

static void test_R1_R2_1_cbtp_2026_dates(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    assert_string_equal(p.id, "cbtp-2026");
    assert_string_equal(p.agency, "(재)충북테크노파크");
    assert_non_null(strstr(p.title_ko, "제조 AI 현장 적용 지원 사업"));
    assert_int_equal(p.announced, ymd(2026, 6, 1));
    assert_int_equal(p.deadline, date_at(ymd(2026, 6, 19), 18, 0));
    assert_int_equal(p.docs_issued_after, ymd(2026, 3, 1));
    program_free(&p);
}

static void test_R3_cbtp_2026_regions_and_industries(void **state)
{
    (void)state;
    static const char *const regions[] = {"청주시", "충주시", "진천군", "음성군"};
    struct program p = load_builtin("cbtp-2026");
    assert_regions(&p, regions, 4);
    assert_industries_R3_2(&p);
    program_free(&p);
}

static void test_R6_1_R8_cbtp_2026_rubric_and_bonuses(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    assert_rubric_R6_1(&p);
    assert_int_equal(p.n_bonuses, 2);
    assert_int_equal(program_bonus(&p, "local_supplier")->points_tenths, 30);
    assert_int_equal(program_bonus(&p, "ax_cert")->points_tenths, 30);
    assert_string_equal(p.bonuses[0].id, "local_supplier");
    assert_non_null(strstr(program_bonus(&p, "ax_cert")->name_ko, "제조 특화 AX 인증"));
    assert_null(program_bonus(&p, "nope"));
    program_free(&p);
}

static void test_R2_cbtp_2026_documents(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    assert_int_equal(p.n_docs, 7);
    assert_doc(&p, 1, "제조 AI 현장 적용 지원 사업 수혜기업 신청서", PARTY_DEMAND, true, false);
    assert_doc(&p, 2, "기업/개인(신용) 정보 수집·이용·제공 동의서", PARTY_DEMAND, true, false);
    assert_doc(&p, 3, "중소·중견기업 확인서", PARTY_DEMAND, true, false);
    assert_doc(&p, 4, "공장등록증", PARTY_DEMAND, false, false);
    assert_doc(&p, 5, "사업자등록증", PARTY_DEMAND, true, false);
    assert_doc(&p, 6, "국세 및 지방세 완납 증명서", PARTY_DEMAND, true, false);
    assert_doc(&p, 7, "최근 3년 재무제표", PARTY_DEMAND, true, true);
    assert_null(program_doc(&p, 8));
    program_free(&p);
}

static void test_R4_cbtp_2026_disqualifiers(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    assert_int_equal(p.n_dqs, 8);
    for (size_t i = 0; i < p.n_dqs; i++) {
        char id[4] = {'d', (char)('1' + i), '\0'};
        assert_string_equal(p.dqs[i].id, id);
        assert_int_equal(p.dqs[i].kind, i == 2 ? DQ_CAPITAL_EROSION : DQ_CHECKLIST);
    }
    assert_string_equal(program_dq(&p, "d3")->text_ko, "최근 결산 기준 완전자본잠식인 경우");
    /* A text continued on an indented line is joined with one space. */
    assert_string_equal(program_dq(&p, "d2")->text_ko,
                        "접수 마감일 기준 기업 또는 기업의 대표자가 정부 지원사업 참여제한 "
                        "제재를 받고 있는 경우나 의무사항 불이행 중인 경우");
    assert_string_equal(program_dq(&p, "d8")->text_ko,
                        "사업지원 외 지역으로 사업장 이전 계획이 있는 경우");
    assert_null(program_dq(&p, "d9"));
    program_free(&p);
}

static void test_R5_R12_2_R13_cbtp_2026_amounts_terms_team(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2026");
    assert_amounts_R5(&p);
    assert_int_equal(p.advance_payment, 15000000);
    assert_int_equal(p.copay_due_days, 14);
    assert_int_equal(p.project_months, 10);
    assert_int_equal(p.project_end, 0);
    assert_int_equal(p.dev_done_months_before, 2);
    assert_int_equal(p.dev_done_by, 0);
    assert_int_equal(p.inspection_evaluators, 1);
    assert_int_equal(p.inspection_staff, 4);
    assert_int_equal(p.timer_presentation, 20);
    assert_int_equal(p.timer_questions, 15);
    assert_int_equal(p.startup_years, 2);
    /* No R4.2 disqualifier in 2026: its figures are not set. */
    assert_int_equal(p.debt_rule_years, 0);
    assert_int_equal(p.debt_ratio_pct, 0);
    assert_int_equal(p.current_ratio_pct, 0);
    assert_int_equal(p.financial_years, 0);
    assert_default_policies(&p);
    program_free(&p);
}

/* ---- the 2025 call (seeds/003_...) ---- */

static void test_R1_R2_1_R3_cbtp_2025_dates_and_regions(void **state)
{
    (void)state;
    static const char *const regions[] = {"충주시", "진천군", "음성군"};
    struct program p = load_builtin("cbtp-2025");
    assert_string_equal(p.id, "cbtp-2025");
    assert_non_null(strstr(p.title_ko, "2025"));
    assert_int_equal(p.announced, ymd(2025, 10, 13));
    assert_int_equal(p.deadline, date_at(ymd(2025, 11, 7), 18, 0));
    assert_int_equal(p.docs_issued_after, ymd(2025, 7, 13));
    assert_regions(&p, regions, 3);
    assert_industries_R3_2(&p);
    program_free(&p);
}

static void test_R6_1_R8_cbtp_2025_rubric_and_bonus(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2025");
    assert_rubric_R6_1(&p);
    assert_int_equal(p.n_bonuses, 1);
    assert_int_equal(program_bonus(&p, "local_supplier")->points_tenths, 30);
    assert_null(program_bonus(&p, "ax_cert"));
    program_free(&p);
}

static void test_R2_cbtp_2025_documents_with_parties(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2025");
    assert_int_equal(p.n_docs, 12);
    assert_doc(&p, 1, "제조 AI 현장 적용 지원 사업 수혜기업 신청서", PARTY_DEMAND, true, false);
    assert_doc(&p, 2, "제조 AI 현장 적용 지원 사업 계획서", PARTY_DEMAND, true, false);
    assert_doc(&p, 3, "기업/개인(신용) 정보 수집·이용·제공 동의서", PARTY_COMMON, true, false);
    assert_doc(&p, 4, "제조데이터(자료) 제공 동의서", PARTY_COMMON, true, false);
    assert_doc(&p, 5, "공급기업 Pool 신청서", PARTY_SUPPLY, true, false);
    assert_doc(&p, 6, "SW 개발비 산정 가이드 기반 견적서", PARTY_SUPPLY, true, false);
    assert_doc(&p, 7, "중소·중견기업 확인서", PARTY_DEMAND, true, false);
    assert_doc(&p, 8, "공장등록증", PARTY_DEMAND, false, false);
    assert_doc(&p, 9, "사업자등록증", PARTY_COMMON, true, false);
    assert_doc(&p, 10, "공급기업 회사 소개서", PARTY_SUPPLY, true, false);
    assert_doc(&p, 11, "국세 및 지방세 완납 증명서", PARTY_COMMON, true, false);
    assert_doc(&p, 12, "최근 3년 재무제표", PARTY_COMMON, true, true);
    program_free(&p);
}

static void test_R4_R3_5_cbtp_2025_disqualifiers(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2025");
    assert_int_equal(p.n_dqs, 7);
    for (size_t i = 0; i < p.n_dqs; i++) {
        char id[4] = {'d', (char)('1' + i), '\0'};
        assert_string_equal(p.dqs[i].id, id);
        assert_int_equal(p.dqs[i].kind, i == 5 ? DQ_DEBT_LIQUIDITY : DQ_CHECKLIST);
    }
    assert_non_null(strstr(program_dq(&p, "d7")->text_ko, "2025년 AI PoC 실증 지원 사업"));
    assert_non_null(strstr(program_dq(&p, "d6")->text_ko, "부채비율이 연속 500% 이상"));
    assert_non_null(strstr(program_dq(&p, "d6")->text_ko, "유동비율이 연속 50% 이하"));
    program_free(&p);
}

static void test_R5_R12_2_R13_R4_2_cbtp_2025_amounts_terms_team(void **state)
{
    (void)state;
    struct program p = load_builtin("cbtp-2025");
    assert_amounts_R5(&p);
    assert_int_equal(p.advance_payment, 30000000);
    assert_int_equal(p.copay_due_days, 30);
    assert_int_equal(p.project_months, 0);
    assert_int_equal(p.project_end, ymd(2026, 7, 31));
    assert_int_equal(p.dev_done_months_before, 0);
    assert_int_equal(p.dev_done_by, ymd(2026, 4, 30));
    assert_int_equal(p.inspection_evaluators, 1);
    assert_int_equal(p.inspection_staff, 3);
    assert_int_equal(p.timer_presentation, 20);
    assert_int_equal(p.timer_questions, 15);
    assert_int_equal(p.startup_years, 2);
    assert_int_equal(p.debt_rule_years, 3);
    assert_int_equal(p.debt_ratio_pct, 500);
    assert_int_equal(p.current_ratio_pct, 50);
    assert_int_equal(p.financial_years, 2);
    assert_default_policies(&p);
    program_free(&p);
}

static void test_builtin_lookup(void **state)
{
    (void)state;
    assert_non_null(program_builtin_text("cbtp-2025"));
    assert_non_null(program_builtin_text("cbtp-2026"));
    assert_null(program_builtin_text("cbtp-2024"));
    assert_null(program_item(&(struct program){0}, "need", NULL));
}

/* ---- broken definitions ---- */

/* A small valid definition; the line numbers below refer to it. */
static const char minimal[] = "[program]\n"                      /*  1 */
                              "id = test\n"                      /*  2 */
                              "title_ko = 시험 공고\n"           /*  3 */
                              "title_en = Test call\n"           /*  4 */
                              "agency = 시험기관\n"              /*  5 */
                              "announced = 2026-06-01\n"         /*  6 */
                              "deadline = 2026-06-19 18:00\n"    /*  7 */
                              "docs_issued_after = 2026-03-01\n" /*  8 */
                              "regions = 청주시\n"               /*  9 */
                              "industries = 식품, 제지\n"        /* 10 */
                              "[amounts]\n"                      /* 11 */
                              "support_cap = 80,000,000\n"       /* 12 */
                              "copay_min_sme = 5,000,000\n"      /* 13 */
                              "copay_min_midsize = 10000000\n"   /* 14 */
                              "advance_payment = 0\n"            /* 15 */
                              "[agreement]\n"                    /* 16 */
                              "copay_due_days = 14\n"            /* 17 */
                              "project_months = 10\n"            /* 18 */
                              "dev_done_months_before = 2\n"     /* 19 */
                              "[inspection]\n"                   /* 20 */
                              "evaluators = 1\n"                 /* 21 */
                              "staff = 4\n"                      /* 22 */
                              "[timer]\n"                        /* 23 */
                              "presentation_minutes = 20\n"      /* 24 */
                              "questions_minutes = 15\n"         /* 25 */
                              "[eligibility]\n"                  /* 26 */
                              "startup_years = 2\n"              /* 27 */
                              "[policy]\n"                       /* 28 */
                              "judges = 5\n"                     /* 29 */
                              "quorum = 3\n"                     /* 30 */
                              "tie_break = data, kpi\n"          /* 31 */
                              "[item data]\n"                    /* 32 */
                              "group = demand\n"                 /* 33 */
                              "max = 60\n"                       /* 34 */
                              "name_ko = 데이터\n"               /* 35 */
                              "name_en = Data\n"                 /* 36 */
                              "desc_ko = 데이터 확보\n"          /* 37 */
                              "desc_en = Data readiness\n"       /* 38 */
                              "[item kpi]\n"                     /* 39 */
                              "group = supplier\n"               /* 40 */
                              "max = 40\n"                       /* 41 */
                              "name_ko = 지표\n"                 /* 42 */
                              "name_en = KPI\n"                  /* 43 */
                              "desc_ko = 핵심지표\n"             /* 44 */
                              "desc_en = Key indicators\n";      /* 45 */

/* base with `from` (which must occur once) replaced by `to`; caller frees. */
static char *edit(const char *base, const char *from, const char *to)
{
    const char *at = strstr(base, from);
    assert_non_null(at);
    assert_null(strstr(at + 1, from));
    size_t head = (size_t)(at - base), from_len = strlen(from), to_len = strlen(to);
    char *out = malloc(strlen(base) - from_len + to_len + 1);
    assert_non_null(out);
    memcpy(out, base, head);
    memcpy(out + head, to, to_len);
    strcpy(out + head + to_len, at + from_len);
    return out;
}

static char *edited(const char *from, const char *to)
{
    return edit(minimal, from, to);
}

/* Parse text; it must fail with exactly the problems given (NULL-terminated), in order. */
static void expect_problems(const char *text, ...)
{
    struct program p;
    struct diags d = {0};
    int rc = program_parse(text, "t.ini", &p, &d);
    va_list ap;
    va_start(ap, text);
    size_t i = 0;
    for (const char *want; (want = va_arg(ap, const char *)) != NULL; i++) {
        if (i >= d.n)
            fail_msg("missing problem: %s", want);
        assert_string_equal(d.v[i].text, want);
    }
    va_end(ap);
    for (size_t k = i; k < d.n; k++)
        print_error("unexpected: %s\n", d.v[k].text);
    assert_int_equal(d.n, i);
    assert_int_equal(rc, -1);
    /* On failure the program is freed and zeroed. */
    assert_null(p.id);
    assert_null(p.items);
    assert_int_equal(p.n_items, 0);
    diags_free(&d);
}

static void expect_one(const char *from, const char *to, const char *want)
{
    char *text = edited(from, to);
    expect_problems(text, want, (const char *)NULL);
    free(text);
}

static void test_minimal_definition_takes_policy_defaults(void **state)
{
    (void)state;
    struct program p;
    struct diags d = {0};
    assert_int_equal(program_parse(minimal, "t.ini", &p, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(p.n_items, 2);
    assert_int_equal(p.n_docs, 0);
    assert_int_equal(p.n_bonuses, 0);
    assert_int_equal(p.copay_min_midsize, 10000000);
    assert_int_equal(p.advance_payment, 0);
    assert_int_equal(p.n_tie_break, 2);
    assert_int_equal(p.tie_break[0], 0);
    assert_int_equal(p.tie_break[1], 1);
    assert_int_equal(p.aggregate, AGGREGATE_MEAN);
    assert_int_equal(p.decimals, 2);
    assert_int_equal(p.threshold_tenths, 700);
    assert_int_equal(p.step_tenths, 1);
    assert_int_equal(p.amount_unit, 1000);
    assert_int_equal(p.bonus_cap_tenths, -1);
    assert_int_equal(p.budget_fit, BUDGET_FIT_STOP);
    assert_int_equal(p.adjust_mean, ADJUST_MEAN_ALL);
    assert_false(p.threshold_counts_bonus);
    program_free(&p);
    /* program_free zeroes, so a second call is harmless. */
    assert_null(p.items);
    program_free(&p);
}

static void test_policies_can_be_changed(void **state)
{
    (void)state;
    char *text = edited("quorum = 3\n", "quorum = 4\naggregate = trimmed\ndecimals = 1\n"
                                        "threshold = 60.5\nthreshold_counts_bonus = yes\n"
                                        "step = 0.5\nadjust_mean = dissenters\n"
                                        "amount_unit = 10,000\nbudget_fit = skip\n"
                                        "bonus_cap = 5\n");
    struct program p;
    struct diags d = {0};
    assert_int_equal(program_parse(text, "t.ini", &p, &d), 0);
    assert_int_equal(p.quorum, 4);
    assert_int_equal(p.aggregate, AGGREGATE_TRIMMED);
    assert_int_equal(p.decimals, 1);
    assert_int_equal(p.threshold_tenths, 605);
    assert_true(p.threshold_counts_bonus);
    assert_int_equal(p.step_tenths, 5);
    assert_int_equal(p.adjust_mean, ADJUST_MEAN_DISSENTERS);
    assert_int_equal(p.amount_unit, 10000);
    assert_int_equal(p.budget_fit, BUDGET_FIT_SKIP);
    assert_int_equal(p.bonus_cap_tenths, 50);
    program_free(&p);
    free(text);
}

static void test_unknown_key_names_its_line(void **state)
{
    (void)state;
    expect_one("staff = 4\n", "staff = 4\ncolour = blue\n",
               "t.ini:23: unknown key 'colour' in [inspection]");
}

static void test_R6_1_maxima_summing_to_95(void **state)
{
    (void)state;
    expect_one("max = 40\n", "max = 35\n", "t.ini:32: the item maxima add up to 95, not 100");
}

static void test_R9_2_tie_break_naming_an_unknown_item(void **state)
{
    (void)state;
    expect_one("tie_break = data, kpi\n", "tie_break = data, cost\n",
               "t.ini:31: tie_break names 'cost', which is not an item");
}

static void test_bad_date_names_value_and_expectation(void **state)
{
    (void)state;
    char *text = edited("announced = 2026-06-01\n", "announced = 2026-02-30\n");
    struct program p;
    struct diags d = {0};
    assert_int_equal(program_parse(text, "t.ini", &p, &d), -1);
    assert_int_equal(d.n, 1);
    const char *head = "t.ini:6: bad value for announced: '2026-02-30' (";
    assert_memory_equal(d.v[0].text, head, strlen(head));
    assert_non_null(strstr(d.v[0].text, "expected a date such as 2026-06-01)"));
    diags_free(&d);
    free(text);
}

static void test_R6_4_quorum_above_judges(void **state)
{
    (void)state;
    expect_one("quorum = 3\n", "quorum = 6\n",
               "t.ini:30: quorum 6 is more than the 5 judges of a panel");
}

static void test_missing_section(void **state)
{
    (void)state;
    expect_one("[timer]\npresentation_minutes = 20\nquestions_minutes = 15\n", "",
               "t.ini: missing section [timer]");
}

static void test_missing_key_names_the_section_line(void **state)
{
    (void)state;
    expect_one("staff = 4\n", "", "t.ini:20: missing key 'staff' in [inspection]");
}

static void test_duplicate_key_and_section(void **state)
{
    (void)state;
    expect_one("staff = 4\n", "staff = 4\nstaff = 5\n",
               "t.ini:23: key 'staff' is given twice in [inspection] (first on line 22)");
    /* The keys of a repeated section are not read at all. */
    expect_one("desc_en = Key indicators\n", "desc_en = Key indicators\n[item data]\nmax = 5\n",
               "t.ini:46: section [item data] is given twice (first on line 32)");
}

static void test_unknown_section_and_stray_lines(void **state)
{
    (void)state;
    char *one = edited("[timer]\n", "[colours]\nred = 1\n[timer]\nnot a key\n");
    char *two = edit(one, "desc_en = Key indicators\n",
                     "desc_en = Key indicators\n[timer x]\n"
                     "[item\n");
    expect_problems(two, "t.ini:23: unknown section [colours]",
                    "t.ini:26: expected 'key = value' or '[section]'",
                    "t.ini:49: section [timer] takes no name (found 'x')",
                    "t.ini:50: a section header needs a closing ']'", (const char *)NULL);
    free(two);
    free(one);
    expect_one("[program]\n", "early = 1\n[program]\n",
               "t.ini:1: key 'early' comes before any [section]");
}

static void test_R7_2_decimals_outside_0_to_4(void **state)
{
    (void)state;
    expect_one("quorum = 3\n", "quorum = 3\ndecimals = 5\n",
               "t.ini:31: bad value for decimals: '5' (expected a whole number from 0 to 4)");
}

static void test_R6_2_step_must_divide_every_maximum(void **state)
{
    (void)state;
    expect_one("quorum = 3\n", "quorum = 3\nstep = 0.3\n",
               "t.ini:31: step 0.3 does not divide the maximum 40 of item 'kpi'");
}

static void test_R8_bonus_and_cap_multiples_of_the_decimals_step(void **state)
{
    (void)state;
    static const char bonus[] = "[bonus b]\n"    /* 47 with one line added above */
                                "points = 2.5\n" /* 48 */
                                "name_ko = 가점\n"
                                "name_en = Bonus\n";
    char *with_bonus = malloc(sizeof minimal + sizeof bonus);
    assert_non_null(with_bonus);
    strcpy(with_bonus, minimal);
    strcat(with_bonus, bonus);
    /* 2.5 points with decimals = 0: refused, naming the file, line and key. */
    char *coarse = edit(with_bonus, "quorum = 3\n", "quorum = 3\ndecimals = 0\n");
    expect_problems(coarse,
                    "t.ini:48: points = 2.5 in [bonus b] is finer than the step 1 of decimals = 0 "
                    "(R8)",
                    (const char *)NULL);
    /* The cap too. */
    char *cap = edit(minimal, "quorum = 3\n", "quorum = 3\ndecimals = 0\nbonus_cap = 5.5\n");
    expect_problems(cap,
                    "t.ini:32: bonus_cap = 5.5 in [policy] is finer than the step 1 of decimals = "
                    "0 (R8)",
                    (const char *)NULL);
    /* On the step: 2.5 with decimals = 1, 3 and a cap of 5 with decimals = 0. */
    struct program p;
    struct diags d = {0};
    char *fine = edit(with_bonus, "quorum = 3\n", "quorum = 3\ndecimals = 1\n");
    assert_int_equal(program_parse(fine, "t.ini", &p, &d), 0);
    assert_int_equal(p.bonuses[0].points_tenths, 25);
    program_free(&p);
    char *whole_bonus = edit(with_bonus, "points = 2.5\n", "points = 3\n");
    char *whole = edit(whole_bonus, "quorum = 3\n", "quorum = 3\ndecimals = 0\nbonus_cap = 5\n");
    assert_int_equal(program_parse(whole, "t.ini", &p, &d), 0);
    assert_int_equal(p.bonuses[0].points_tenths, 30);
    assert_int_equal(p.bonus_cap_tenths, 50);
    program_free(&p);
    assert_int_equal(d.n, 0);
    diags_free(&d);
    free(whole);
    free(whole_bonus);
    free(fine);
    free(cap);
    free(coarse);
    free(with_bonus);
}

static void test_R7_3_threshold_outside_0_to_100(void **state)
{
    (void)state;
    expect_one("quorum = 3\n", "quorum = 3\nthreshold = 100.5\n",
               "t.ini:31: bad value for threshold: '100.5' (expected points from 0 to 100, at "
               "most one decimal)");
}

static void test_R5_amounts_must_be_positive(void **state)
{
    (void)state;
    expect_one("copay_min_sme = 5,000,000\n", "copay_min_sme = 0\n",
               "t.ini:13: bad value for copay_min_sme: '0' (expected an amount of at least 1 "
               "won)");
    expect_one("support_cap = 80,000,000\n", "support_cap = 0\n",
               "t.ini:12: bad value for support_cap: '0' (expected an amount of at least 1 "
               "won)");
}

static void test_R1_deadline_before_announcement(void **state)
{
    (void)state;
    expect_one("deadline = 2026-06-19 18:00\n", "deadline = 2026-05-31 18:00\n",
               "t.ini:7: the deadline 2026-05-31 18:00 is before the announcement 2026-06-01");
    expect_one("deadline = 2026-06-19 18:00\n", "deadline = 2026-06-19\n",
               "t.ini:7: bad value for deadline: '2026-06-19' (expected a date and time such as "
               "2026-06-19 18:00)");
}

static void test_R2_1_docs_issued_after_the_deadline(void **state)
{
    (void)state;
    expect_one("docs_issued_after = 2026-03-01\n", "docs_issued_after = 2026-06-20\n",
               "t.ini:8: docs_issued_after 2026-06-20 is after the deadline 2026-06-19 18:00");
}

static void test_R12_2_terms_both_ways_or_neither(void **state)
{
    (void)state;
    expect_one("project_months = 10\n", "project_months = 10\nproject_end = 2027-04-30\n",
               "t.ini:19: give project_months or project_end, not both");
    expect_one("dev_done_months_before = 2\n", "",
               "t.ini:16: missing key 'dev_done_months_before' or 'dev_done_by' in [agreement]");
    expect_one("dev_done_months_before = 2\n", "dev_done_months_before = 10\n",
               "t.ini:19: dev_done_months_before 10 leaves no time in a project of 10 months");
}

static void test_R2_document_numbers_duplicated(void **state)
{
    (void)state;
    char *text = edited("[item data]\n",
                        "[document 1]\nname_ko = 신청서\nname_en = Form\nparty = demand\n"
                        "required = yes\nstartup_exempt = no\n[document 01]\n[item data]\n");
    expect_problems(text, "t.ini:38: section [document 01] is given twice (first on line 32)",
                    (const char *)NULL);
    free(text);
}

static void test_no_items(void **state)
{
    (void)state;
    char *text = strndup(minimal, (size_t)(strstr(minimal, "[item data]") - minimal));
    assert_non_null(text);
    expect_problems(text, "t.ini: no [item ...] sections: the rubric needs at least one item",
                    (const char *)NULL);
    free(text);
}

static void test_R4_2_figures_required_by_a_debt_disqualifier(void **state)
{
    (void)state;
    char *text = edited("[item data]\n", "[disqualifier d6]\ntext_ko = 부채비율\n"
                                         "text_en = Debt ratio\nkind = debt_liquidity\n"
                                         "[item data]\n");
    expect_problems(text, "t.ini:26: missing key 'debt_rule_years' in [eligibility]",
                    "t.ini:26: missing key 'debt_ratio_pct' in [eligibility]",
                    "t.ini:26: missing key 'current_ratio_pct' in [eligibility]",
                    "t.ini:26: missing key 'financial_years' in [eligibility]", (const char *)NULL);
    free(text);
}

/* Every problem is reported, in line order, not only the first. */
static void test_every_problem_is_reported_in_line_order(void **state)
{
    (void)state;
    char *one = edited("group = supplier\n", "group = suppliers\n");
    char *two = edit(one, "regions = 청주시\n", "regions = 청주시,\n");
    expect_problems(two,
                    "t.ini:9: bad value for regions: '청주시,' (expected a comma-separated "
                    "list of distinct, non-empty names)",
                    "t.ini:40: bad value for group: 'suppliers' (expected one of: demand, "
                    "supplier)",
                    (const char *)NULL);
    free(two);
    free(one);
}

/* A BOM and CRLF line ends leave line numbers exact. */
static void test_crlf_and_bom_keep_line_numbers(void **state)
{
    (void)state;
    char *text = edited("staff = 4\n", "staff = 4\ncolour = blue\n");
    char *crlf = malloc(2 * strlen(text) + 4);
    assert_non_null(crlf);
    char *w = crlf;
    memcpy(w, "\xEF\xBB\xBF", 3);
    w += 3;
    for (const char *r = text; *r; r++) {
        if (*r == '\n')
            *w++ = '\r';
        *w++ = *r;
    }
    *w = '\0';
    expect_problems(crlf, "t.ini:23: unknown key 'colour' in [inspection]", (const char *)NULL);
    free(crlf);
    free(text);
}

/* An indented line continues the value above (joined with one space); comments in between
 * are skipped and still counted. */
static void test_continuation_lines(void **state)
{
    (void)state;
    struct program p;
    struct diags d = {0};
    char *text = edited("title_en = Test call\n", "title_en = Test\n   call, continued\n"
                                                  "  ; a note\n  on three lines\n");
    assert_int_equal(program_parse(text, "t.ini", &p, &d), 0);
    assert_string_equal(p.title_en, "Test call, continued on three lines");
    program_free(&p);
    free(text);
    text = edited("title_en = Test call\n", "title_en = Test\n   call\n; note\ncolour = x\n");
    expect_problems(text, "t.ini:7: unknown key 'colour' in [program]", (const char *)NULL);
    free(text);
}

/* Does parsing text report exactly `want` among its problems? */
static void expect_among(const char *text, const char *want)
{
    struct program p;
    struct diags d = {0};
    assert_int_equal(program_parse(text, "t.ini", &p, &d), -1);
    bool found = false;
    for (size_t i = 0; i < d.n; i++)
        found = found || strcmp(d.v[i].text, want) == 0;
    if (!found)
        fail_msg("no problem \"%s\" among %zu", want, d.n);
    diags_free(&d);
}

static void test_R6_1_item_names_and_count(void **state)
{
    (void)state;
    char *one = edited("[item kpi]\n", "[item opinion]\n");
    char *two = edit(one, "tie_break = data, kpi\n", "tie_break = data\n");
    expect_problems(two, "t.ini:39: item 'opinion' would clash with a column of the scores file",
                    (const char *)NULL);
    free(two);
    free(one);

    /* 17 items: the 17th is refused where it starts. */
    size_t cap = sizeof minimal + 17 * 120;
    char *many = malloc(cap);
    assert_non_null(many);
    strcpy(many, minimal);
    for (int i = 0; i < 15; i++)
        snprintf(many + strlen(many), cap - strlen(many),
                 "[item x%d]\ngroup = demand\nmax = 1\nname_ko = 가\nname_en = A\n"
                 "desc_ko = 나\ndesc_en = B\n",
                 i);
    expect_among(many, "t.ini:144: more than 16 items");
    free(many);

    expect_one("desc_en = Key indicators\n", "desc_en = Key indicators\n[item k p]\n",
               "t.ini:46: bad name 'k p' in [item k p] (expected up to 32 letters, digits, '_' "
               "or '-')");
}

static void test_R9_2_tie_break_twice_or_empty(void **state)
{
    (void)state;
    expect_one("tie_break = data, kpi\n", "tie_break = data, data\n",
               "t.ini:31: tie_break names 'data' twice");
    expect_one("tie_break = data, kpi\n", "tie_break = data,, kpi\n",
               "t.ini:31: tie_break has an empty entry");
    /* Left out, the default names items this rubric lacks. */
    expect_one("tie_break = data, kpi\n", "",
               "t.ini:28: the default tie_break (data, kpi, strategy) names 'strategy', which "
               "is not an item: set tie_break in [policy]");
    char *text = edited("tie_break = data, kpi\n", "tie_break =\n");
    struct program p;
    struct diags d = {0};
    assert_int_equal(program_parse(text, "t.ini", &p, &d), 0);
    assert_int_equal(p.n_tie_break, 0);
    program_free(&p);
    free(text);
}

static void test_R12_2_fixed_dates(void **state)
{
    (void)state;
    char *one = edited("project_months = 10\n", "project_end = 2026-06-19\n");
    char *two = edit(one, "dev_done_months_before = 2\n", "dev_done_by = 2026-07-01\n");
    expect_problems(
        two, "t.ini:18: project_end 2026-06-19 is not after the deadline 2026-06-19 18:00",
        "t.ini:19: dev_done_by 2026-07-01 is after project_end 2026-06-19", (const char *)NULL);
    free(two);
    free(one);
}

static void test_bad_values_of_each_kind(void **state)
{
    (void)state;
    expect_one("regions = 청주시\n", "regions = 청주시, \xff\n",
               "t.ini:9: regions is not valid UTF-8");
    expect_one("agency = 시험기관\n", "agency = \xc3\n", "t.ini:5: agency is not valid UTF-8");
    expect_one("industries = 식품, 제지\n", "industries = 식품, 식품\n",
               "t.ini:10: bad value for industries: '식품, 식품' (expected a comma-separated "
               "list of distinct, non-empty names)");
    expect_one("staff = 4\n", "staff = -1\n",
               "t.ini:22: bad value for staff: '-1' (expected a whole number from 0 to 99)");
    expect_one("max = 40\n", "max = 40.25\n",
               "t.ini:41: bad value for max: '40.25' (expected points from 0.1 to 100, at most "
               "one decimal)");
    expect_one("quorum = 3\n", "quorum = 3\nbudget_fit = maybe\n",
               "t.ini:31: bad value for budget_fit: 'maybe' (expected one of: stop, skip)");
    expect_one("quorum = 3\n", "quorum = 3\nthreshold_counts_bonus = sometimes\n",
               "t.ini:31: bad value for threshold_counts_bonus: 'sometimes' (expected yes or "
               "no)");
    expect_one("support_cap = 80,000,000\n", "support_cap = 80,000,00\n",
               "t.ini:12: bad value for support_cap: '80,000,00' (commas in an amount must "
               "separate groups of three digits; expected an amount in won such as "
               "80,000,000)");
}

static void test_overlong_line_is_reported(void **state)
{
    (void)state;
    char line[400];
    memset(line, 'x', sizeof line);
    memcpy(line, "title_en = ", 11);
    line[sizeof line - 2] = '\n';
    line[sizeof line - 1] = '\0';
    char *text = edited("title_en = Test call\n", line);
    expect_problems(text, "t.ini:1: missing key 'title_en' in [program]",
                    "t.ini:4: the line is longer than 197 bytes: continue a long value on "
                    "indented lines",
                    (const char *)NULL);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R1_R2_1_cbtp_2026_dates),
        cmocka_unit_test(test_R3_cbtp_2026_regions_and_industries),
        cmocka_unit_test(test_R6_1_R8_cbtp_2026_rubric_and_bonuses),
        cmocka_unit_test(test_R2_cbtp_2026_documents),
        cmocka_unit_test(test_R4_cbtp_2026_disqualifiers),
        cmocka_unit_test(test_R5_R12_2_R13_cbtp_2026_amounts_terms_team),
        cmocka_unit_test(test_R1_R2_1_R3_cbtp_2025_dates_and_regions),
        cmocka_unit_test(test_R6_1_R8_cbtp_2025_rubric_and_bonus),
        cmocka_unit_test(test_R2_cbtp_2025_documents_with_parties),
        cmocka_unit_test(test_R4_R3_5_cbtp_2025_disqualifiers),
        cmocka_unit_test(test_R5_R12_2_R13_R4_2_cbtp_2025_amounts_terms_team),
        cmocka_unit_test(test_builtin_lookup),
        cmocka_unit_test(test_minimal_definition_takes_policy_defaults),
        cmocka_unit_test(test_policies_can_be_changed),
        cmocka_unit_test(test_unknown_key_names_its_line),
        cmocka_unit_test(test_R6_1_maxima_summing_to_95),
        cmocka_unit_test(test_R9_2_tie_break_naming_an_unknown_item),
        cmocka_unit_test(test_bad_date_names_value_and_expectation),
        cmocka_unit_test(test_R6_4_quorum_above_judges),
        cmocka_unit_test(test_missing_section),
        cmocka_unit_test(test_missing_key_names_the_section_line),
        cmocka_unit_test(test_duplicate_key_and_section),
        cmocka_unit_test(test_unknown_section_and_stray_lines),
        cmocka_unit_test(test_R7_2_decimals_outside_0_to_4),
        cmocka_unit_test(test_R6_2_step_must_divide_every_maximum),
        cmocka_unit_test(test_R8_bonus_and_cap_multiples_of_the_decimals_step),
        cmocka_unit_test(test_R7_3_threshold_outside_0_to_100),
        cmocka_unit_test(test_R5_amounts_must_be_positive),
        cmocka_unit_test(test_R1_deadline_before_announcement),
        cmocka_unit_test(test_R2_1_docs_issued_after_the_deadline),
        cmocka_unit_test(test_R12_2_terms_both_ways_or_neither),
        cmocka_unit_test(test_R2_document_numbers_duplicated),
        cmocka_unit_test(test_no_items),
        cmocka_unit_test(test_R4_2_figures_required_by_a_debt_disqualifier),
        cmocka_unit_test(test_every_problem_is_reported_in_line_order),
        cmocka_unit_test(test_crlf_and_bom_keep_line_numbers),
        cmocka_unit_test(test_continuation_lines),
        cmocka_unit_test(test_R6_1_item_names_and_count),
        cmocka_unit_test(test_R9_2_tie_break_twice_or_empty),
        cmocka_unit_test(test_R12_2_fixed_dates),
        cmocka_unit_test(test_bad_values_of_each_kind),
        cmocka_unit_test(test_overlong_line_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
