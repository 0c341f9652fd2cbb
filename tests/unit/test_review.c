/* Unit tests for core/review.c: document review and eligibility, R1–R5, at every boundary the
 * calls leave sharp (window days, 2-year start-up, 500 % / 50 %, the support cap, co-payment). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the four headers above first */
#include <cmocka.h>

#include <string.h>

#include "core/review.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static sdate ymd(int y, int m, int d)
{
    sdate out;
    assert_int_equal(date_from_ymd(y, m, d, &out), 0);
    return out;
}

/* ---- programs built by hand, shaped like cbtp-2026 and cbtp-2025 ---- */

static char *regions_2026[] = {"청주시", "충주시", "진천군", "음성군"};
static char *regions_2025[] = {"충주시", "진천군", "음성군"};
static char *industries[] = {"의료", "바이오", "화장품", "식품", "제지"};

static struct doc_def docs_2026[] = {
    {1, "제조 AI 현장 적용 지원 사업 수혜기업 신청서", "Application form", PARTY_DEMAND, true,
     false},
    {2, "기업/개인(신용) 정보 수집·이용·제공 동의서", "Consent", PARTY_DEMAND, true, false},
    {3, "중소·중견기업 확인서", "SME certificate", PARTY_DEMAND, true, false},
    {4, "공장등록증", "Factory registration", PARTY_DEMAND, false, false},
    {5, "사업자등록증", "Business registration", PARTY_DEMAND, true, false},
    {6, "국세 및 지방세 완납 증명서", "Tax payment certificates", PARTY_DEMAND, true, false},
    {7, "최근 3년 재무제표", "Financial statements", PARTY_DEMAND, true, true},
};

static struct disqualifier_def dqs_2026[] = {
    {"d1", "지원 대상 자격요건에 해당하지 않는 기업", "Not eligible", DQ_CHECKLIST},
    {"d2", "참여제한 제재 또는 의무사항 불이행", "Sanctioned", DQ_CHECKLIST},
    {"d3", "최근 결산 기준 완전자본잠식인 경우", "Complete capital erosion", DQ_CAPITAL_EROSION},
    {"d4", "국세·지방세 체납 처분", "Tax arrears", DQ_CHECKLIST},
    {"d5", "채무 불이행으로 규제 중", "Default", DQ_CHECKLIST},
    {"d6", "부도, 화의, 법정관리, 휴·폐업", "Bankrupt or closed", DQ_CHECKLIST},
    {"d7", "유흥·향락업 등", "Excluded trades", DQ_CHECKLIST},
    {"d8", "사업지원 외 지역으로 이전 계획", "Moving out of the region", DQ_CHECKLIST},
};

static struct doc_def docs_2025[] = {
    {1, "제조 AI 현장 적용 지원 사업 수혜기업 신청서", "Application form", PARTY_DEMAND, true,
     false},
    {12, "최근 3년 재무제표", "Financial statements", PARTY_COMMON, true, true},
};

static struct disqualifier_def dqs_2025[] = {
    {"d6", "부채비율 연속 500% 이상 또는 유동비율 연속 50% 이하", "Debt or liquidity",
     DQ_DEBT_LIQUIDITY},
    {"d7", "2025년 AI PoC 실증 지원 사업 선정 기업", "Selected in 2025 AI PoC", DQ_CHECKLIST},
};

static void program_2026(struct program *p)
{
    memset(p, 0, sizeof *p);
    p->id = "cbtp-2026";
    p->announced = ymd(2026, 6, 1);
    p->deadline = date_at(ymd(2026, 6, 19), 18, 0);
    p->docs_issued_after = ymd(2026, 3, 1);
    p->regions = regions_2026;
    p->n_regions = COUNT(regions_2026);
    p->industries = industries;
    p->n_industries = COUNT(industries);
    p->docs = docs_2026;
    p->n_docs = COUNT(docs_2026);
    p->dqs = dqs_2026;
    p->n_dqs = COUNT(dqs_2026);
    p->support_cap = 80000000;
    p->copay_min_sme = 5000000;
    p->copay_min_midsize = 10000000;
    p->startup_years = 2;
    p->debt_rule_years = 3;
    p->debt_ratio_pct = 500;
    p->current_ratio_pct = 50;
    p->financial_years = 2;
}

static void program_2025(struct program *p)
{
    program_2026(p);
    p->id = "cbtp-2025";
    p->announced = ymd(2025, 10, 13);
    p->deadline = date_at(ymd(2025, 11, 7), 18, 0);
    p->docs_issued_after = ymd(2025, 7, 13);
    p->regions = regions_2025;
    p->n_regions = COUNT(regions_2025);
    p->docs = docs_2025;
    p->n_docs = COUNT(docs_2025);
    p->dqs = dqs_2025;
    p->n_dqs = COUNT(dqs_2025);
}

/* ---- an application that passes, to be spoiled one fact at a time ---- */

struct fixture {
    struct program program;
    struct application app;
    struct submitted_doc docs[16];
    size_t n_docs;
    struct finance_year finance[4];
    size_t n_finance;
    struct checklist_answer answers[8];
    size_t n_answers;
    struct review_result result;
};

static void answer_all_no(struct fixture *fx)
{
    fx->n_answers = fx->program.n_dqs;
    for (size_t i = 0; i < fx->n_answers; i++)
        fx->answers[i] = (struct checklist_answer){fx->program.dqs[i].id, ANSWER_NO, NULL};
}

static void fixture_2026(struct fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    program_2026(&fx->program);
    fx->app = (struct application){
        .id = "2026-001",
        .company = "(주)청주바이오",
        .size = SIZE_SME,
        .region = "충청북도 청주시 흥덕구",
        .factory_region = "",
        .industry = "바이오",
        .founded = ymd(2015, 3, 2),
        .supplier = "에이아이랩",
        .supplier_pools = true,
        .requested = 80000000,
        .copay = 20000000,
    };
    for (int n = 1; n <= 7; n++)
        fx->docs[fx->n_docs++] = (struct submitted_doc){n, ymd(2026, 5, 15)};
    answer_all_no(fx);
}

static void fixture_2025(struct fixture *fx)
{
    fixture_2026(fx);
    program_2025(&fx->program);
    fx->app.id = "2025-001";
    fx->app.region = "충청북도 충주시";
    fx->n_docs = 0;
    fx->docs[fx->n_docs++] = (struct submitted_doc){1, ymd(2025, 10, 20)};
    fx->docs[fx->n_docs++] = (struct submitted_doc){12, ymd(2025, 10, 20)};
    answer_all_no(fx);
}

static struct submitted_doc *doc_of(struct fixture *fx, int number)
{
    for (size_t i = 0; i < fx->n_docs; i++)
        if (fx->docs[i].number == number)
            return &fx->docs[i];
    fail_msg("document %d not in fixture", number);
    return NULL;
}

static void drop_doc(struct fixture *fx, int number)
{
    struct submitted_doc *d = doc_of(fx, number);
    *d = fx->docs[--fx->n_docs];
}

static void add_year(struct fixture *fx, int year, int64_t liabilities, int64_t equity,
                     int64_t current_assets, int64_t current_liabilities)
{
    assert_true(fx->n_finance < COUNT(fx->finance));
    fx->finance[fx->n_finance++] =
        (struct finance_year){year, liabilities, equity, current_assets, current_liabilities};
}

static void set_answer(struct fixture *fx, const char *item, enum answer a, const char *note)
{
    for (size_t i = 0; i < fx->n_answers; i++) {
        if (strcmp(fx->answers[i].item, item) == 0) {
            fx->answers[i].answer = a;
            fx->answers[i].note = note;
            return;
        }
    }
    fail_msg("no answer for %s", item);
}

static void drop_answer(struct fixture *fx, const char *item)
{
    for (size_t i = 0; i < fx->n_answers; i++) {
        if (strcmp(fx->answers[i].item, item) == 0) {
            fx->answers[i] = fx->answers[--fx->n_answers];
            return;
        }
    }
    fail_msg("no answer for %s", item);
}

static const struct review_result *review(struct fixture *fx)
{
    struct review_input in = {
        .app = &fx->app,
        .docs = fx->docs,
        .n_docs = fx->n_docs,
        .finance = fx->finance,
        .n_finance = fx->n_finance,
        .answers = fx->answers,
        .n_answers = fx->n_answers,
    };
    review_application(&fx->program, &in, &fx->result);
    return &fx->result;
}

static void expect_list(const struct strlist *l, const char *const *want, size_t n)
{
    for (size_t i = 0; i < l->n && i < n; i++)
        assert_string_equal(l->v[i], want[i]);
    assert_int_equal(l->n, n);
}

#define EXPECT_LIST(list, ...)                                                                     \
    expect_list((list), (const char *const[]){__VA_ARGS__},                                        \
                COUNT(((const char *const[]){__VA_ARGS__})))

static void expect_passed(const struct review_result *r)
{
    expect_list(&r->reasons, NULL, 0);
    assert_true(r->passed);
}

static bool list_has(const struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return true;
    return false;
}

static int setup(void **state)
{
    struct fixture *fx = test_malloc(sizeof *fx);
    fixture_2026(fx);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    review_result_free(&fx->result);
    test_free(fx);
    return 0;
}

/* ---- the baseline ---- */

static void test_R2_R5_complete_application_passes(void **state)
{
    struct fixture *fx = *state;
    const struct review_result *r = review(fx);
    expect_passed(r);
    assert_int_equal(r->notes.n, 0);
    assert_int_equal(r->unanswered.n, 0);
}

/* ---- R1 ---- */

static void test_R1_received_at_1800_on_deadline_is_on_time(void **state)
{
    struct fixture *fx = *state;
    assert_true(received_in_window(&fx->program, date_at(ymd(2026, 6, 19), 18, 0), true));
}

static void test_R1_received_at_1801_is_late(void **state)
{
    struct fixture *fx = *state;
    assert_false(received_in_window(&fx->program, date_at(ymd(2026, 6, 19), 18, 1), true));
}

static void test_R1_date_only_on_deadline_day_is_accepted(void **state)
{
    struct fixture *fx = *state;
    assert_true(received_in_window(&fx->program, date_at(ymd(2026, 6, 19), 0, 0), false));
    assert_false(received_in_window(&fx->program, date_at(ymd(2026, 6, 20), 0, 0), false));
}

static void test_R1_window_opens_at_announcement_midnight(void **state)
{
    struct fixture *fx = *state;
    assert_true(received_in_window(&fx->program, date_at(ymd(2026, 6, 1), 0, 0), true));
    assert_true(received_in_window(&fx->program, date_at(ymd(2026, 6, 1), 0, 0), false));
    assert_false(received_in_window(&fx->program, date_at(ymd(2026, 5, 31), 23, 59), true));
    assert_false(received_in_window(&fx->program, date_at(ymd(2026, 5, 31), 0, 0), false));
}

/* ---- R2.1 validity window ---- */

static void test_R2_1_issued_day_before_window_start_is_invalid(void **state)
{
    struct fixture *fx = *state;
    assert_false(doc_is_valid_on(&fx->program, ymd(2026, 2, 28)));
    doc_of(fx, 6)->issued = ymd(2026, 2, 28);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons,
                "R2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2026-02-28, before "
                "2026-03-01");
}

static void test_R2_1_issued_on_window_start_is_valid(void **state)
{
    struct fixture *fx = *state;
    assert_true(doc_is_valid_on(&fx->program, ymd(2026, 3, 1)));
    doc_of(fx, 6)->issued = ymd(2026, 3, 1);
    expect_passed(review(fx));
}

static void test_R2_1_issued_on_deadline_day_is_valid(void **state)
{
    struct fixture *fx = *state;
    assert_true(doc_is_valid_on(&fx->program, ymd(2026, 6, 19)));
    doc_of(fx, 5)->issued = ymd(2026, 6, 19);
    expect_passed(review(fx));
}

static void test_R2_1_issued_day_after_deadline_is_invalid(void **state)
{
    struct fixture *fx = *state;
    assert_false(doc_is_valid_on(&fx->program, ymd(2026, 6, 20)));
    doc_of(fx, 5)->issued = ymd(2026, 6, 20);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons,
                "R2.1: document 5 (사업자등록증) was issued 2026-06-20, after the deadline "
                "2026-06-19");
}

static void test_R2_1_a_valid_copy_outweighs_an_invalid_one(void **state)
{
    struct fixture *fx = *state;
    doc_of(fx, 6)->issued = ymd(2026, 2, 1);
    fx->docs[fx->n_docs++] = (struct submitted_doc){6, ymd(2026, 4, 1)};
    expect_passed(review(fx));
}

static void test_R2_1_unknown_document_number_is_noted(void **state)
{
    struct fixture *fx = *state;
    fx->docs[fx->n_docs++] = (struct submitted_doc){9, ymd(2026, 4, 1)};
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R2: document 9 is not in the call's list; ignored");
}

/* ---- R2.3 required and optional documents ---- */

static void test_R2_3_missing_required_document_fails(void **state)
{
    struct fixture *fx = *state;
    drop_doc(fx, 5);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R2.3: required document 5 (사업자등록증) was not submitted");
}

static void test_R2_3_optional_document_missing_does_not_fail(void **state)
{
    struct fixture *fx = *state;
    drop_doc(fx, 4);
    const struct review_result *r = review(fx);
    expect_passed(r);
    assert_int_equal(r->notes.n, 0);
}

static void test_R2_3_optional_document_invalid_is_noted_not_failed(void **state)
{
    struct fixture *fx = *state;
    doc_of(fx, 4)->issued = ymd(2025, 12, 31);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R2.1: document 4 (공장등록증) was issued 2025-12-31, before "
                           "2026-03-01; it does not count");
}

/* ---- R2.2 start-ups may omit the financial statements ---- */

static void test_R2_2_founded_exactly_2_years_before_is_not_exempt(void **state)
{
    struct fixture *fx = *state;
    fx->app.founded = ymd(2024, 6, 1);
    assert_false(startup_exempt(&fx->program, fx->app.founded));
    drop_doc(fx, 7);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons,
                "R2.3: required document 7 (최근 3년 재무제표) was not submitted; R2.2 does not "
                "exempt a company founded 2024-06-01, 2 or more years before 2026-06-01");
}

static void test_R2_2_founded_one_day_later_is_exempt(void **state)
{
    struct fixture *fx = *state;
    fx->app.founded = ymd(2024, 6, 2);
    assert_true(startup_exempt(&fx->program, fx->app.founded));
    drop_doc(fx, 7);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R2.2: document 7 (최근 3년 재무제표) may be omitted: founded "
                           "2024-06-02, less than 2 years before 2026-06-01");
}

static void test_R2_2_exempt_company_with_stale_statements_passes(void **state)
{
    struct fixture *fx = *state;
    fx->app.founded = ymd(2025, 1, 10);
    doc_of(fx, 7)->issued = ymd(2025, 3, 31);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes,
                "R2.1: document 7 (최근 3년 재무제표) was issued 2025-03-31, before 2026-03-01; "
                "it does not count",
                "R2.2: document 7 (최근 3년 재무제표) may be omitted: founded 2025-01-10, less "
                "than 2 years before 2026-06-01");
}

static void test_R2_2_exemption_covers_only_marked_documents(void **state)
{
    struct fixture *fx = *state;
    fx->app.founded = ymd(2025, 1, 10);
    drop_doc(fx, 6);
    const struct review_result *r = review(fx);
    EXPECT_LIST(&r->reasons,
                "R2.3: required document 6 (국세 및 지방세 완납 증명서) was not submitted");
}

/* ---- R3 eligibility ---- */

static void test_R3_1_region_is_a_whole_word_of_the_place(void **state)
{
    struct fixture *fx = *state;
    const struct program *p = &fx->program;
    assert_true(region_matches(p, "청주시"));
    assert_true(region_matches(p, "충청북도 청주시 흥덕구"));
    assert_true(region_matches(p, "충청북도\t음성군"));
    assert_false(region_matches(p, "청주시청"));
    assert_false(region_matches(p, "충청북도 청주시청 흥덕구"));
    assert_false(region_matches(p, "서울특별시"));
    assert_false(region_matches(p, ""));
    assert_false(region_matches(p, NULL));
}

static void test_R3_1_region_via_factory_only(void **state)
{
    struct fixture *fx = *state;
    fx->app.region = "서울특별시 강남구";
    fx->app.factory_region = "충청북도 진천군 덕산읍";
    expect_passed(review(fx));
}

static void test_R3_1_substring_that_is_not_a_token_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.region = "청주시청";
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R3.1: neither the head office (청주시청) nor the factory (—) is in "
                             "청주시, 충주시, 진천군, 음성군");
}

static void test_R3_1_neither_place_in_region_names_both(void **state)
{
    struct fixture *fx = *state;
    fx->app.region = "서울특별시";
    fx->app.factory_region = "경기도 평택시";
    EXPECT_LIST(&review(fx)->reasons,
                "R3.1: neither the head office (서울특별시) nor the "
                "factory (경기도 평택시) is in 청주시, 충주시, 진천군, 음성군");
}

static void test_R3_2_industry_outside_the_list_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.industry = "전자";
    EXPECT_LIST(&review(fx)->reasons, "R3.2: industry 전자 is not one of 의료, 바이오, 화장품, "
                                      "식품, 제지");
}

static void test_R3_3_sme_is_eligible(void **state)
{
    struct fixture *fx = *state;
    fx->app.size = SIZE_SME;
    expect_passed(review(fx));
}

static void test_R3_3_midsize_is_eligible(void **state)
{
    struct fixture *fx = *state;
    fx->app.size = SIZE_MIDSIZE;
    fx->app.copay = 10000000;
    expect_passed(review(fx));
}

static void test_R3_3_large_is_not_eligible(void **state)
{
    struct fixture *fx = *state;
    fx->app.size = SIZE_LARGE;
    fx->app.copay = 1;
    EXPECT_LIST(&review(fx)->reasons, "R3.3: a large company is not eligible; only SMEs and "
                                      "mid-size companies are");
}

static void test_R3_4_supplier_not_in_both_pools_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.supplier_pools = false;
    EXPECT_LIST(&review(fx)->reasons, "R3.4: the supplier (에이아이랩) is not registered in both "
                                      "supplier pools by the deadline");
}

/* ---- R4 checklist ---- */

static void test_R4_checklist_yes_fails_with_the_item(void **state)
{
    struct fixture *fx = *state;
    set_answer(fx, "d8", ANSWER_YES, "공장 이전 계획 확인(현장실태조사)");
    set_answer(fx, "d4", ANSWER_YES, NULL);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R4: disqualifier d4 (국세·지방세 체납 처분) holds",
                "R4: disqualifier d8 (사업지원 외 지역으로 이전 계획) holds; reviewer's note: "
                "공장 이전 계획 확인(현장실태조사)");
}

static void test_R4_checklist_no_passes(void **state)
{
    struct fixture *fx = *state;
    set_answer(fx, "d2", ANSWER_NO, "조회 결과 해당 없음");
    const struct review_result *r = review(fx);
    expect_passed(r);
    assert_int_equal(r->unanswered.n, 0);
}

static void test_R4_checklist_unanswered_counts_as_not_holding(void **state)
{
    struct fixture *fx = *state;
    set_answer(fx, "d2", ANSWER_NONE, NULL);
    drop_answer(fx, "d5");
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->unanswered, "d2", "d5");
    EXPECT_LIST(&r->notes,
                "R4: disqualifier d2 (참여제한 제재 또는 의무사항 불이행) was not answered; it "
                "counts as not holding",
                "R4: disqualifier d5 (채무 불이행으로 규제 중) was not answered; it counts as not "
                "holding");
}

/* ---- R4.1 capital erosion ---- */

static void test_R4_1_equity_0_is_complete_capital_erosion(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2024, 100000000, 5000000, 0, 0);
    add_year(fx, 2025, 120000000, 0, 0, 0);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R4.1: disqualifier d3 (최근 결산 기준 완전자본잠식인 경우) holds: "
                             "total equity at the end of 2025 is 0 won");
    EXPECT_LIST(&r->notes, "R4.1: 2025 total equity 0 won",
                "R4.1: the checklist answer for d3 is overridden by the figures");
}

static void test_R4_1_equity_1_is_not_capital_erosion(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2025, 120000000, 1, 0, 0);
    add_year(fx, 2024, 100000000, -5000000, 0, 0);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R4.1: 2025 total equity 1 won");
}

static void test_R4_1_negative_equity_is_capital_erosion(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2025, 120000000, -3500000, 0, 0);
    EXPECT_LIST(&review(fx)->reasons, "R4.1: disqualifier d3 (최근 결산 기준 완전자본잠식인 경우) "
                                      "holds: total equity at the end of 2025 is -3,500,000 won");
}

static void test_R4_1_without_figures_the_checklist_decides(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(dq_capital_erosion(&fx->program, NULL, 0, &fx->result.notes), -1);
    set_answer(fx, "d3", ANSWER_YES, NULL);
    EXPECT_LIST(&review(fx)->reasons,
                "R4.1: disqualifier d3 (최근 결산 기준 완전자본잠식인 경우) holds");
    review_result_free(&fx->result);
    set_answer(fx, "d3", ANSWER_NONE, NULL);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->unanswered, "d3");
}

static void test_R4_1_figures_override_the_checklist(void **state)
{
    struct fixture *fx = *state;
    set_answer(fx, "d3", ANSWER_YES, NULL);
    add_year(fx, 2025, 10, 1000, 0, 0);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R4.1: 2025 total equity 1,000 won",
                "R4.1: the checklist answer for d3 is overridden by the figures");
}

/* ---- R4.2 debt ratio and current ratio (cbtp-2025 ⑥) ---- */

static int setup_2025(void **state)
{
    struct fixture *fx = test_malloc(sizeof *fx);
    fixture_2025(fx);
    *state = fx;
    return 0;
}

static void test_R4_2_baseline_2025_passes(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 100, 100, 100, 100);
    add_year(fx, 2024, 100, 100, 100, 100);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R4.2: 2023 debt ratio 100.0 %, current ratio 100.0 %",
                "R4.2: 2024 debt ratio 100.0 %, current ratio 100.0 %");
}

static void test_R4_2_debt_ratio_exactly_500_in_both_years_fails(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2024, 500000000, 100000000, 300000000, 100000000);
    add_year(fx, 2023, 1000, 200, 300, 100);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R4.2: disqualifier d6 (부채비율 연속 500% 이상 또는 유동비율 연속 "
                             "50% 이하) holds: debt ratio >= 500 % in each year from 2023 to "
                             "2024");
    EXPECT_LIST(&r->notes, "R4.2: 2023 debt ratio 500.0 %, current ratio 300.0 %",
                "R4.2: 2024 debt ratio 500.0 %, current ratio 300.0 %",
                "R4.2: the checklist answer for d6 is overridden by the figures");
}

static void test_R4_2_debt_ratio_499_99_in_one_year_passes(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 49999, 10000, 300, 100);
    add_year(fx, 2024, 60000, 10000, 300, 100);
    const struct review_result *r = review(fx);
    expect_passed(r);
    /* shown rounded, decided exactly */
    EXPECT_LIST(&r->notes, "R4.2: 2023 debt ratio 500.0 %, current ratio 300.0 %",
                "R4.2: 2024 debt ratio 600.0 %, current ratio 300.0 %");
}

static void test_R4_2_negative_equity_counts_as_500(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 90000, -1000, 300, 100);
    add_year(fx, 2024, 61250, 10000, 430, 1000);
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R4.2: disqualifier d6 (부채비율 연속 500% 이상 또는 유동비율 연속 "
                             "50% 이하) holds: debt ratio >= 500 % in each year from 2023 to "
                             "2024");
    EXPECT_LIST(&r->notes,
                "R4.2: 2023 debt ratio — (equity -1,000 won <= 0, counts as >= 500 %), current "
                "ratio 300.0 %",
                "R4.2: 2024 debt ratio 612.5 %, current ratio 43.0 %",
                "R4.2: the checklist answer for d6 is overridden by the figures");
}

static void test_R4_2_current_ratio_exactly_50_in_both_fails(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 100, 100, 50, 100);
    add_year(fx, 2024, 100, 100, 25000000, 50000000);
    const struct review_result *r = review(fx);
    EXPECT_LIST(&r->reasons, "R4.2: disqualifier d6 (부채비율 연속 500% 이상 또는 유동비율 연속 "
                             "50% 이하) holds: current ratio <= 50 % in each year from 2023 to "
                             "2024");
    EXPECT_LIST(&r->notes, "R4.2: 2023 debt ratio 100.0 %, current ratio 50.0 %",
                "R4.2: 2024 debt ratio 100.0 %, current ratio 50.0 %",
                "R4.2: the checklist answer for d6 is overridden by the figures");
}

static void test_R4_2_current_ratio_above_50_in_one_year_passes(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 100, 100, 50, 100);
    add_year(fx, 2024, 100, 100, 500001, 1000000);
    expect_passed(review(fx));
    assert_int_equal(
        dq_debt_liquidity(&fx->program, &fx->app, fx->finance, fx->n_finance, &fx->result.notes),
        0);
}

static void test_R4_2_mixed_years_do_not_hold(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 600, 100, 300, 100); /* high debt, good liquidity */
    add_year(fx, 2024, 100, 100, 40, 100);  /* low debt, poor liquidity */
    expect_passed(review(fx));
}

static void test_R4_2_in_business_2_years_364_days_does_not_apply(void **state)
{
    struct fixture *fx = *state;
    fx->app.founded = ymd(2022, 10, 14);
    add_year(fx, 2023, 900, 100, 10, 100);
    add_year(fx, 2024, 900, 100, 10, 100);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R4.2 does not apply: founded 2022-10-14, less than 3 years before "
                           "2025-10-13");
}

static void test_R4_2_in_business_exactly_3_years_applies(void **state)
{
    struct fixture *fx = *state;
    fx->app.founded = ymd(2022, 10, 13);
    add_year(fx, 2023, 900, 100, 10, 100);
    add_year(fx, 2024, 900, 100, 10, 100);
    assert_int_equal(
        dq_debt_liquidity(&fx->program, &fx->app, fx->finance, fx->n_finance, &fx->result.notes),
        1);
    strlist_free(&fx->result.notes);
    assert_false(review(fx)->passed);
}

static void test_R4_2_missing_year_falls_back_to_checklist(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2022, 900, 100, 10, 100);
    add_year(fx, 2024, 900, 100, 10, 100);
    drop_answer(fx, "d6");
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->unanswered, "d6");
    EXPECT_LIST(&r->notes, "R4.2: figures for 2023 are missing; the checklist answer decides",
                "R4.2: disqualifier d6 (부채비율 연속 500% 이상 또는 유동비율 연속 50% 이하) was "
                "not answered; it counts as not holding");
    review_result_free(&fx->result);
    fx->answers[fx->n_answers++] = (struct checklist_answer){"d6", ANSWER_YES, NULL};
    EXPECT_LIST(&review(fx)->reasons, "R4.2: disqualifier d6 (부채비율 연속 500% 이상 또는 "
                                      "유동비율 연속 50% 이하) holds");
}

static void test_R4_2_large_figures_compare_exactly(void **state)
{
    struct fixture *fx = *state;
    const int64_t equity = INT64_C(1000000000000000001); /* liabilities * 100 overflows int64 */
    add_year(fx, 2023, equity * 5, equity, 1, 0);
    add_year(fx, 2024, equity * 5 - 1, equity, 1, 0);
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes,
                "R4.2: 2023 debt ratio 500.0 %, current ratio undefined (no current liabilities)",
                "R4.2: 2024 debt ratio 500.0 %, current ratio undefined (no current liabilities)");
    review_result_free(&fx->result);
    fx->finance[1].liabilities = INT64_MAX;
    fx->finance[1].equity = 1;
    r = review(fx);
    assert_false(r->passed);
    assert_true(list_has(&r->notes, "R4.2: 2024 debt ratio 922337203685477580700.0 %, current "
                                    "ratio undefined (no current liabilities)"));
}

static void test_R4_2_ratios_shown_rounded_half_up(void **state)
{
    struct fixture *fx = *state;
    add_year(fx, 2023, 1, 16, 2, 3); /* 6.25 % -> 6.3; 66.66 % -> 66.7 */
    add_year(fx, 2024, 1, 8, -1, 3); /* 12.5 % exact; -33.33 % -> -33.3 */
    const struct review_result *r = review(fx);
    expect_passed(r);
    EXPECT_LIST(&r->notes, "R4.2: 2023 debt ratio 6.3 %, current ratio 66.7 %",
                "R4.2: 2024 debt ratio 12.5 %, current ratio -33.3 %");
}

static void test_R3_5_checklist_item_in_2025(void **state)
{
    struct fixture *fx = *state;
    set_answer(fx, "d7", ANSWER_YES, "2025 AI PoC 선정 확인");
    EXPECT_LIST(&review(fx)->reasons, "R4: disqualifier d7 (2025년 AI PoC 실증 지원 사업 선정 "
                                      "기업) holds; reviewer's note: 2025 AI PoC 선정 확인");
}

/* ---- R5 amounts ---- */

static void test_R5_1_request_at_the_cap_is_ok(void **state)
{
    struct fixture *fx = *state;
    fx->app.requested = 80000000;
    expect_passed(review(fx));
}

static void test_R5_1_request_one_won_above_the_cap_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.requested = 80000001;
    EXPECT_LIST(&review(fx)->reasons, "R5.1: requested 80,000,001 won is above the cap of "
                                      "80,000,000");
}

static void test_R5_1_request_of_zero_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.requested = 0;
    EXPECT_LIST(&review(fx)->reasons, "R5.1: requested 0 won is not a positive amount");
}

static void test_R5_2_sme_copay_at_minimum_is_ok(void **state)
{
    struct fixture *fx = *state;
    fx->app.copay = 5000000;
    expect_passed(review(fx));
}

static void test_R5_2_sme_copay_one_won_short_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.copay = 4999999;
    EXPECT_LIST(&review(fx)->reasons, "R5.2: co-payment 4,999,999 won is below the minimum "
                                      "5,000,000 for an SME");
}

static void test_R5_2_midsize_copay_one_won_short_fails(void **state)
{
    struct fixture *fx = *state;
    fx->app.size = SIZE_MIDSIZE;
    fx->app.copay = 9999999;
    EXPECT_LIST(&review(fx)->reasons, "R5.2: co-payment 9,999,999 won is below the minimum "
                                      "10,000,000 for a mid-size company");
}

/* ---- everything at once ---- */

static void test_R2_R5_multiple_failures_list_every_reason(void **state)
{
    struct fixture *fx = *state;
    doc_of(fx, 6)->issued = ymd(2026, 2, 28);
    drop_doc(fx, 5);
    fx->app.region = "서울특별시";
    fx->app.industry = "전자";
    fx->app.size = SIZE_MIDSIZE;
    fx->app.supplier_pools = false;
    set_answer(fx, "d2", ANSWER_YES, NULL);
    add_year(fx, 2025, 100, -1, 0, 0);
    fx->app.requested = 85000000;
    fx->app.copay = 5000000;
    const struct review_result *r = review(fx);
    assert_false(r->passed);
    EXPECT_LIST(&r->reasons, "R2.3: required document 5 (사업자등록증) was not submitted",
                "R2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2026-02-28, before "
                "2026-03-01",
                "R3.1: neither the head office (서울특별시) nor the factory (—) is in 청주시, "
                "충주시, 진천군, 음성군",
                "R3.2: industry 전자 is not one of 의료, 바이오, 화장품, 식품, 제지",
                "R3.4: the supplier (에이아이랩) is not registered in both supplier pools by the "
                "deadline",
                "R4: disqualifier d2 (참여제한 제재 또는 의무사항 불이행) holds",
                "R4.1: disqualifier d3 (최근 결산 기준 완전자본잠식인 경우) holds: total equity at "
                "the end of 2025 is -1 won",
                "R5.1: requested 85,000,000 won is above the cap of 80,000,000",
                "R5.2: co-payment 5,000,000 won is below the minimum 10,000,000 for a mid-size "
                "company");
}

static void test_review_result_is_reset_for_each_review(void **state)
{
    struct fixture *fx = *state;
    fx->app.requested = 0;
    assert_int_equal(review(fx)->reasons.n, 1);
    review_result_free(&fx->result);
    assert_int_equal(fx->result.reasons.n, 0);
    fx->app.requested = 1;
    expect_passed(review(fx));
}

/* ---- company size ---- */

static void test_R3_3_size_names_round_trip(void **state)
{
    (void)state;
    enum company_size s;
    const struct {
        const char *text;
        enum company_size size;
    } cases[] = {
        {"sme", SIZE_SME},       {"SME", SIZE_SME},           {"중소기업", SIZE_SME},
        {"중소", SIZE_SME},      {"midsize", SIZE_MIDSIZE},   {"중견기업", SIZE_MIDSIZE},
        {"중견", SIZE_MIDSIZE},  {"large", SIZE_LARGE},       {"대기업", SIZE_LARGE},
        {"중소 기업", SIZE_SME}, {"중견 기업", SIZE_MIDSIZE}, {"대 기업", SIZE_LARGE},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        s = cases[i].size == SIZE_SME ? SIZE_LARGE : SIZE_SME; /* to see it written */
        assert_int_equal(size_parse(cases[i].text, &s), 0);
        assert_int_equal(s, cases[i].size);
    }
    assert_int_equal(size_parse("small", &s), -1);
    assert_int_equal(size_parse("", &s), -1);
    assert_int_equal(size_parse(NULL, &s), -1);
    assert_string_equal(size_name(SIZE_SME), "sme");
    assert_string_equal(size_name(SIZE_MIDSIZE), "midsize");
    assert_string_equal(size_name(SIZE_LARGE), "large");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
#define T25(name) cmocka_unit_test_setup_teardown(name, setup_2025, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_R2_R5_complete_application_passes),
        T(test_R1_received_at_1800_on_deadline_is_on_time),
        T(test_R1_received_at_1801_is_late),
        T(test_R1_date_only_on_deadline_day_is_accepted),
        T(test_R1_window_opens_at_announcement_midnight),
        T(test_R2_1_issued_day_before_window_start_is_invalid),
        T(test_R2_1_issued_on_window_start_is_valid),
        T(test_R2_1_issued_on_deadline_day_is_valid),
        T(test_R2_1_issued_day_after_deadline_is_invalid),
        T(test_R2_1_a_valid_copy_outweighs_an_invalid_one),
        T(test_R2_1_unknown_document_number_is_noted),
        T(test_R2_3_missing_required_document_fails),
        T(test_R2_3_optional_document_missing_does_not_fail),
        T(test_R2_3_optional_document_invalid_is_noted_not_failed),
        T(test_R2_2_founded_exactly_2_years_before_is_not_exempt),
        T(test_R2_2_founded_one_day_later_is_exempt),
        T(test_R2_2_exempt_company_with_stale_statements_passes),
        T(test_R2_2_exemption_covers_only_marked_documents),
        T(test_R3_1_region_is_a_whole_word_of_the_place),
        T(test_R3_1_region_via_factory_only),
        T(test_R3_1_substring_that_is_not_a_token_fails),
        T(test_R3_1_neither_place_in_region_names_both),
        T(test_R3_2_industry_outside_the_list_fails),
        T(test_R3_3_sme_is_eligible),
        T(test_R3_3_midsize_is_eligible),
        T(test_R3_3_large_is_not_eligible),
        T(test_R3_3_size_names_round_trip),
        T(test_R3_4_supplier_not_in_both_pools_fails),
        T(test_R4_checklist_yes_fails_with_the_item),
        T(test_R4_checklist_no_passes),
        T(test_R4_checklist_unanswered_counts_as_not_holding),
        T(test_R4_1_equity_0_is_complete_capital_erosion),
        T(test_R4_1_equity_1_is_not_capital_erosion),
        T(test_R4_1_negative_equity_is_capital_erosion),
        T(test_R4_1_without_figures_the_checklist_decides),
        T(test_R4_1_figures_override_the_checklist),
        T25(test_R4_2_baseline_2025_passes),
        T25(test_R4_2_debt_ratio_exactly_500_in_both_years_fails),
        T25(test_R4_2_debt_ratio_499_99_in_one_year_passes),
        T25(test_R4_2_negative_equity_counts_as_500),
        T25(test_R4_2_current_ratio_exactly_50_in_both_fails),
        T25(test_R4_2_current_ratio_above_50_in_one_year_passes),
        T25(test_R4_2_mixed_years_do_not_hold),
        T25(test_R4_2_in_business_2_years_364_days_does_not_apply),
        T25(test_R4_2_in_business_exactly_3_years_applies),
        T25(test_R4_2_missing_year_falls_back_to_checklist),
        T25(test_R4_2_large_figures_compare_exactly),
        T25(test_R4_2_ratios_shown_rounded_half_up),
        T25(test_R3_5_checklist_item_in_2025),
        T(test_R5_1_request_at_the_cap_is_ok),
        T(test_R5_1_request_one_won_above_the_cap_fails),
        T(test_R5_1_request_of_zero_fails),
        T(test_R5_2_sme_copay_at_minimum_is_ok),
        T(test_R5_2_sme_copay_one_won_short_fails),
        T(test_R5_2_midsize_copay_one_won_short_fails),
        T(test_R2_R5_multiple_failures_list_every_reason),
        T(test_review_result_is_reset_for_each_review),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
