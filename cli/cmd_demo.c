/* `simsa demo FILE`: a complete sample 2026 call to explore — people, a dozen applications
 * with Korean names across two panels, documents (some failing), review decisions, conflicts,
 * bonuses and scored sheets that show an exact 70.00, a tie straddling the budget line, a tie
 * broken at the third tie-break item, a majority and a mean amount. Every record goes through
 * the same importers and store calls as the real commands. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/import.h"
#include "db/write.h"

#define DEMO_PASSPHRASE "simsa-demo"

struct demo_person {
    const char *name;
    enum role role;
};

static const struct demo_person demo_people[] = {
    {"김간사", ROLE_SECRETARIAT}, {"조현장", ROLE_INSPECTOR}, {"강민준", ROLE_JUDGE},
    {"김서연", ROLE_JUDGE},       {"박지훈", ROLE_JUDGE},     {"이수민", ROLE_JUDGE},
    {"정하늘", ROLE_JUDGE},       {"최도윤", ROLE_JUDGE},     {"한예린", ROLE_JUDGE},
    {"오세훈", ROLE_JUDGE},       {"윤지아", ROLE_JUDGE},     {"장태호", ROLE_JUDGE},
};
#define N_PEOPLE (sizeof demo_people / sizeof demo_people[0])

/* Panel 1 (바이오·의료) is people 2..6, panel 2 (식품·화장품·제지) people 7..11. */
struct demo_app {
    const char *id, *company, *size, *region, *factory, *industry, *founded, *supplier,
        *supplier_region, *requested, *copay, *title, *received;
    int panel;               /* 1 or 2 */
    int32_t profile[8];      /* item means in tenths: need will data kpi strategy team fit cost */
    int32_t need_delta[5];   /* per judge, on "need"; they sum to 0 unless a case needs not */
    const char *amounts[5];  /* per judge: "agree" or won */
    int sheets;              /* how many judges have submitted */
    const char *doc6_issued; /* the tax certificate's issue date */
    bool startup;            /* no financial statements (R2.2) */
};

static const struct demo_app demo_apps[] = {
    {"2026-001",
     "청주바이오텍(주)",
     "sme",
     "충청북도 청주시 흥덕구",
     "청주시",
     "바이오",
     "2015-03-02",
     "(주)에이아이랩",
     "충청북도 청주시",
     "80,000,000",
     "5,000,000",
     "발효 공정 이상 탐지 AI",
     "2026-06-03 10:12",
     1,
     {90, 45, 170, 130, 175, 45, 120, 75},
     {5, -5, 10, -10, 0},
     {"agree", "agree", "agree", "agree", "agree"},
     5,
     "2026-05-20",
     false},
    {"2026-002",
     "(주)충주식품",
     "sme",
     "충청북도 충주시",
     "",
     "식품",
     "2009-07-15",
     "스마트팩토리솔루션(주)",
     "경기도 성남시",
     "80,000,000",
     "6,000,000",
     "포장 불량 검사 지능화",
     "2026-06-10 14:40",
     2,
     {80, 40, 160, 120, 165, 40, 120, 75},
     {5, -5, 0, 10, -10},
     {"agree", "agree", "agree", "60,000,000", "70,000,000"},
     5,
     "2026-05-28",
     false},
    {"2026-003",
     "진천화장품(주)",
     "sme",
     "충청북도 진천군",
     "진천군",
     "화장품",
     "2012-11-01",
     "(주)비전메이트",
     "충청북도 청주시",
     "60,000,000",
     "5,000,000",
     "충진 공정 예지 보전",
     "2026-06-12 09:05",
     2,
     {75, 40, 150, 110, 160, 40, 110, 65},
     {10, -10, 5, -5, 0},
     {"agree", "agree", "agree", "agree", "agree"},
     5,
     "2026-06-01",
     false},
    {"2026-004",
     "음성제지(주)",
     "sme",
     "충청북도 음성군",
     "음성군",
     "제지",
     "1998-04-20",
     "페이퍼AI(주)",
     "대전광역시",
     "45,000,000",
     "5,000,000",
     "초지기 공정 최적화",
     "2026-06-19 17:59",
     2,
     {70, 35, 140, 105, 140, 35, 105, 70},
     {0, 5, -5, 10, -10},
     {"agree", "agree", "agree", "agree", "agree"},
     5,
     "2026-03-01",
     false},
    {"2026-005",
     "오송메디칼(주)",
     "sme",
     "충청북도 청주시 오송읍",
     "",
     "의료",
     "2011-05-09",
     "메디비전(주)",
     "서울특별시",
     "75,000,000",
     "5,000,000",
     "의료기기 조립 검사 AI",
     "2026-06-05 11:30",
     1,
     {85, 40, 165, 125, 170, 45, 120, 70},
     {-5, 5, 0, 10, -10},
     {"agree", "agree", "70,000,000", "65,000,000", "68,123,456"},
     5,
     "2026-05-11",
     false},
    {"2026-006",
     "(주)한빛푸드",
     "sme",
     "충청북도 음성군 대소면",
     "",
     "식품",
     "2014-08-18",
     "(주)데이터팜",
     "충청북도 충주시",
     "50,000,000",
     "5,000,000",
     "살균 공정 품질 예측",
     "2026-06-15 16:20",
     2,
     {75, 40, 150, 115, 160, 40, 110, 70},
     {10, 0, 0, 0, 0},
     {"agree", "agree", "agree", "agree", "agree"},
     5,
     "2026-05-02",
     false},
    {"2026-007",
     "새봄코스메틱",
     "sme",
     "충청북도 청주시 청원구",
     "",
     "화장품",
     "2016-02-29",
     "(주)뷰티테크",
     "서울특별시",
     "80,000,000",
     "5,000,000",
     "용기 외관 검사 자동화",
     "2026-06-08 13:00",
     2,
     {85, 35, 160, 120, 165, 45, 115, 75},
     {0, 5, -5, 0, 0},
     {"agree", "agree", "agree", "agree", "agree"},
     5,
     "2026-05-15",
     false},
    {"2026-008",
     "대한바이오팜",
     "midsize",
     "충청북도 충주시",
     "충주시",
     "바이오",
     "2003-10-10",
     "인텔리전스웍스(주)",
     "세종특별자치시",
     "78,000,000",
     "10,000,000",
     "배양 공정 데이터 기반 수율 향상",
     "2026-06-11 10:00",
     1,
     {80, 40, 150, 110, 150, 45, 125, 80},
     {5, -5, 5, -5, 0},
     {"agree", "agree", "70,000,000", "70,000,000", "72,000,000"},
     5,
     "2026-04-30",
     false},
    {"2026-009",
     "서울정밀(주)",
     "sme",
     "서울특별시 금천구",
     "경기도 안산시",
     "의료",
     "2010-01-05",
     "(주)에이아이랩",
     "충청북도 청주시",
     "70,000,000",
     "5,000,000",
     "정밀 가공 불량 예측",
     "2026-06-09 15:45",
     1,
     {0},
     {0},
     {0},
     0,
     "2026-05-06",
     false},
    {"2026-010",
     "(주)미래헬스케어",
     "sme",
     "충청북도 진천군",
     "",
     "의료",
     "2013-06-17",
     "메디비전(주)",
     "서울특별시",
     "65,000,000",
     "5,000,000",
     "멸균 공정 모니터링",
     "2026-06-16 09:30",
     1,
     {0},
     {0},
     {0},
     0,
     "2026-02-28",
     false},
    {"2026-011",
     "청원식품(주)",
     "sme",
     "충청북도 청주시 청원구",
     "",
     "식품",
     "2007-09-03",
     "푸드AI(주)",
     "부산광역시",
     "80,000,000",
     "5,000,000",
     "선별 공정 비전 검사",
     "2026-06-18 11:11",
     2,
     {70, 35, 140, 105, 140, 35, 105, 70},
     {5, -5, 10, -10, -1},
     {"agree", "agree", "agree", "agree", "agree"},
     5,
     "2026-05-25",
     false},
    {"2026-012",
     "가온제지",
     "sme",
     "충청북도 충주시 대소원면",
     "",
     "제지",
     "2025-01-10",
     "페이퍼AI(주)",
     "대전광역시",
     "40,000,000",
     "5,000,000",
     "건조 공정 에너지 최적화",
     "2026-06-17 10:10",
     2,
     {75, 40, 150, 110, 150, 40, 110, 65},
     {0, 0, 0, 0, 0},
     {"agree", "agree", "agree", "agree", "agree"},
     3,
     "2026-05-30",
     true},
};
#define N_APPS (sizeof demo_apps / sizeof demo_apps[0])

/* A valid business number from a 9-digit stem: the checksum digit is found, not stored. */
static void demo_bizno(int index, char out[13])
{
    char digits[11];
    snprintf(digits, sizeof digits, "%03d%02d%04d0", 301 + index, 81 + index % 7,
             1234 + 97 * index);
    for (char c = '0'; c <= '9'; c++) {
        digits[9] = c;
        if (bizno_checksum_ok(digits))
            break;
    }
    snprintf(out, 13, "%.3s-%.2s-%.5s", digits, digits + 3, digits + 5);
}

static char *demo_apps_csv(void)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "신청번호,기업명,사업자등록번호,기업규모,소재지,공장소재지,업종,설립일,"
                    "공급기업,공급기업소재지,공급기업풀,신청금액,기업부담금,과제명,담당자,"
                    "이메일,접수일시\n");
    for (size_t i = 0; i < N_APPS; i++) {
        const struct demo_app *a = &demo_apps[i];
        char biz[13];
        demo_bizno((int)i, biz);
        const char *cells[] = {
            a->id,      a->company,   biz,        a->size,     a->region,
            a->factory, a->industry,  a->founded, a->supplier, a->supplier_region,
            "yes",      a->requested, a->copay,   a->title};
        for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++) {
            csv_put_field(&b, cells[k]);
            strbuf_puts(&b, ",");
        }
        strbuf_printf(&b, "담당자%zu,contact%zu@example.kr,%s\n", i + 1, i + 1, a->received);
    }
    return b.s;
}

static char *demo_docs_csv(void)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "app,doc,issued\n");
    for (size_t i = 0; i < N_APPS; i++) {
        const struct demo_app *a = &demo_apps[i];
        static const int docs[] = {1, 2, 3, 5, 7};
        for (size_t k = 0; k < 5; k++)
            if (docs[k] != 7 || !a->startup)
                strbuf_printf(&b, "%s,%d,2026-05-%02zu\n", a->id, docs[k], 10 + i);
        strbuf_printf(&b, "%s,6,%s\n", a->id, a->doc6_issued);
        if (a->factory[0])
            strbuf_printf(&b, "%s,4,2026-04-%02zu\n", a->id, 1 + i);
    }
    return b.s;
}

/* The demo judges' comments on the first items of the rubric, two wordings each. */
#define DEMO_COMMENT_ITEMS 3
static const char *const demo_comments[DEMO_COMMENT_ITEMS][2] = {
    {"현장 수요가 분명하고 도입 효과가 큼", "지원 필요성은 있으나 근거 자료가 부족함"},
    {"대표자의 추진 의지가 강함", "내부 전담 인력 배치 계획이 필요함"},
    {"공정 데이터 수집 범위가 구체적임", "데이터 품질 관리 방안 보완 필요"},
};

static char *demo_scores_csv(const struct program *p, int judge_slot, const char *judge)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "app,judge");
    for (size_t k = 0; k < p->n_items; k++)
        strbuf_printf(&b, ",%s", p->items[k].id);
    strbuf_puts(&b, ",amount,opinion");
    for (size_t k = 0; k < p->n_items; k++)
        strbuf_printf(&b, ",comment_%s", p->items[k].id);
    strbuf_puts(&b, "\n");
    for (size_t i = 0; i < N_APPS; i++) {
        const struct demo_app *a = &demo_apps[i];
        int panel = judge_slot < 5 ? 1 : 2, j = judge_slot % 5;
        if (a->panel != panel || j >= a->sheets)
            continue;
        /* 2026-006: the third judge of panel 2 declared a conflict and does not score. */
        if (!strcmp(a->id, "2026-006") && j == 2)
            continue;
        strbuf_printf(&b, "%s,%s", a->id, judge);
        for (size_t k = 0; k < p->n_items; k++) {
            char v[16];
            tenths_format(a->profile[k] + (k == 0 ? a->need_delta[j] : 0), v, sizeof v);
            strbuf_printf(&b, ",%s", v);
        }
        strbuf_printf(&b, ",\"%s\",%s", a->amounts[j], "데이터 확보 계획이 구체적임");
        /* Per-item comments (signed with the sheet), on two items of every sheet. */
        for (size_t k = 0; k < p->n_items; k++) {
            const char *comment =
                k < DEMO_COMMENT_ITEMS ? demo_comments[k][(i + (size_t)j) % 2] : "";
            strbuf_printf(&b, ",%s", comment);
        }
        strbuf_puts(&b, "\n");
    }
    return b.s;
}

/* The demo people's unsealed keys, by person id (the demo acts for each of them). */
struct demo_keys {
    int64_t id[N_PEOPLE];
    struct secret_key key[N_PEOPLE];
};

static const struct secret_key *demo_key(const struct demo_keys *k, const struct person *p)
{
    for (size_t i = 0; i < N_PEOPLE; i++)
        if (k->id[i] == p->id)
            return &k->key[i];
    return NULL;
}

static void demo_keys_wipe(struct demo_keys *k)
{
    for (size_t i = 0; i < N_PEOPLE; i++)
        secret_key_wipe(&k->key[i]);
}

/* Reload the call after a commit, so the next importer sees what is now recorded. */
static int demo_reload(struct store *st, struct call *c)
{
    struct diags d = {0};
    call_free(c);
    int rc = store_load(st, c, &d);
    diags_free(&d);
    return rc;
}

/* The people, each key made here and kept open: the secretariat member (first) adds
 * themself, then everyone else. */
static int demo_people_add(struct store *st, struct demo_keys *k)
{
    for (size_t i = 0; i < N_PEOPLE; i++) {
        struct public_key pub;
        struct sealed_key sealed = {0};
        const char *why = NULL;
        if (key_generate_cheap(DEMO_PASSPHRASE, strlen(DEMO_PASSPHRASE), &pub, &sealed, &why) < 0 ||
            key_unseal(&sealed, DEMO_PASSPHRASE, strlen(DEMO_PASSPHRASE), &k->key[i], &why) < 0) {
            sealed_key_free(&sealed);
            return -1;
        }
        if (i == 0) {
            struct person self = {.name = (char *)demo_people[0].name, .role = demo_people[0].role};
            store_set_actor(st, &self, &k->key[0]);
        }
        int rc = write_person(st, "김간사", demo_people[i].name, demo_people[i].role, &pub, &sealed,
                              &k->id[i]);
        sealed_key_free(&sealed);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int demo_applications(struct store *st, struct call *c, const struct demo_keys *keys,
                             struct diags *d)
{
    const struct person *sec = call_find_person(c, "김간사");
    store_set_actor(st, sec, demo_key(keys, sec));
    char *csv = demo_apps_csv();
    struct app_import in;
    struct csv_table t = {0};
    int rc = import_apps(c, csv, strlen(csv), "demo-applications.csv", &in, &t, d);
    for (size_t i = 0; rc == 0 && i < in.n; i++)
        rc = write_application(st, "김간사", &in.apps[i]);
    import_apps_free(&in);
    csv_table_free(&t);
    free(csv);
    if (rc || store_commit(st) || demo_reload(st, c) || store_begin(st))
        return -1;
    csv = demo_docs_csv();
    struct doc_import_row *rows = NULL;
    size_t n = 0;
    struct csv_table t2 = {0};
    rc = import_docs(c, csv, strlen(csv), "demo-documents.csv", &rows, &n, &t2, d);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = write_document(st, "김간사", rows[i].app, rows[i].doc, rows[i].issued);
    free(rows);
    csv_table_free(&t2);
    free(csv);
    return rc ? -1 : 0;
}

static int demo_review(struct store *st, struct call *c, const struct demo_keys *keys)
{
    struct person *sec = call_find_person(c, "김간사");
    store_set_actor(st, sec, demo_key(keys, sec));
    struct finance_year years[] = {{2024, 3200000000, 2100000000, 1800000000, 900000000},
                                   {2025, 3500000000, 2300000000, 2000000000, 950000000}};
    for (size_t i = 0; i < 2; i++)
        if (write_finance(st, sec->name, "2026-001", &years[i]))
            return -1;
    /* The secretariat answers every checklist item of the applications it has checked. */
    for (size_t i = 0; i < N_APPS; i++) {
        if (demo_apps[i].startup)
            continue; /* left unanswered: the review lists them */
        for (size_t k = 0; k < c->program.n_dqs; k++) {
            const char *note = k == 1 ? "참여제한 이력 없음 (조회 결과 첨부)" : "";
            if (write_check(st, sec->name, sec->id, demo_apps[i].id, c->program.dqs[k].id, false,
                            note))
                return -1;
        }
    }
    if (store_commit(st) < 0 || demo_reload(st, c) < 0 || store_begin(st) < 0)
        return -1;
    sec = call_find_person(c, "김간사");
    for (size_t i = 0; i < c->n_apps; i++) {
        struct review_result res = {0};
        call_review(c, &c->apps[i], &res);
        int rc = write_review(st, c, &c->apps[i], &res, sec, demo_key(keys, sec));
        review_result_free(&res);
        if (rc)
            return -1;
    }
    return sign_audit_head(st, c, sec, demo_key(keys, sec));
}

static int demo_panels(struct store *st, struct call *c, const struct demo_keys *keys)
{
    static const char *const names[] = {"바이오·의료", "식품·화장품·제지"};
    struct person *sec = call_find_person(c, "김간사");
    store_set_actor(st, sec, demo_key(keys, sec));
    for (int p = 0; p < 2; p++) {
        int64_t judges[5];
        for (int j = 0; j < 5; j++)
            judges[j] = call_find_person(c, demo_people[2 + 5 * p + j].name)->id;
        int64_t id;
        if (write_panel(st, c, sec->name, names[p], judges, 5, &id) < 0)
            return -1;
        struct panel panel = {.id = id, .name = (char *)names[p]};
        for (size_t i = 0; i < N_APPS; i++) {
            const struct app_record *r = call_find_app(c, demo_apps[i].id);
            /* R6.6: only what passed document review goes to a panel. */
            if (demo_apps[i].panel == p + 1 && r->review == REVIEW_PASSED &&
                write_assign(st, sec->name, &panel, r) < 0)
                return -1;
        }
    }
    struct person *judge = call_find_person(c, demo_people[9].name);
    const struct bonus_def *local = program_bonus(&c->program, "local_supplier");
    if (write_conflict(st, c, call_find_app(c, "2026-006"), judge,
                       "공급기업 대표와 최근 3년 내 공동연구 수행", judge, demo_key(keys, judge)) ||
        write_bonus(st, c, "2026-001", local, true, "공급기업 본사 청주시 (사업자등록증)", sec,
                    demo_key(keys, sec)) ||
        write_bonus(st, c, "2026-003", local, true, "공급기업 본사 청주시 (사업자등록증)", sec,
                    demo_key(keys, sec)) ||
        write_budget(st, c, 250000000, sec, demo_key(keys, sec)))
        return -1;
    return 0;
}

static int demo_scores(struct store *st, struct call *c, const struct demo_keys *keys,
                       struct diags *d)
{
    for (int slot = 0; slot < 10; slot++) {
        struct person *judge = call_find_person(c, demo_people[2 + slot].name);
        char *csv = demo_scores_csv(&c->program, slot, judge->name);
        struct sheet *rows = NULL;
        size_t n = 0;
        struct csv_table t = {0};
        int rc = import_scores(c, judge, csv, strlen(csv), "demo-scores.csv", &rows, &n, &t, d);
        for (size_t i = 0; rc == 0 && i < n; i++)
            rc = write_sheet(st, c, &rows[i], judge, demo_key(keys, judge));
        free(rows);
        csv_table_free(&t);
        free(csv);
        if (rc)
            return -1;
    }
    return sign_audit_head(st, c, call_find_person(c, "김간사"),
                           demo_key(keys, call_find_person(c, "김간사")));
}

/* R13: the inspector visits the two applications that ask for the most. */
static int demo_inspections(struct store *st, struct call *c, const struct demo_keys *keys)
{
    static const struct {
        const char *app, *date, *fact, *finding, *notes;
    } visits[] = {
        {"2026-001", "2026-06-12", "생산라인 가동 및 AI 장비 설치 공간 확인",
         "발효 공정 센서 데이터 3년치 보유",
         "현장 점검 결과 신청 내용과 일치함.\n공급기업 담당자 동석."},
        {"2026-008", "2026-06-13", "공장 등록 및 사업장 소재지 확인", "",
         "생산 설비 일부 이전 예정 없음을 확인함."},
    };
    struct person *inspector = call_find_person(c, "조현장");
    for (size_t i = 0; i < sizeof visits / sizeof visits[0]; i++) {
        struct inspection_in in = {.app = visits[i].app, .date = visits[i].date};
        strlist_add(&in.team, "조현장");
        strlist_add(&in.team, "김간사");
        strlist_add(&in.facts, visits[i].fact);
        if (*visits[i].finding)
            strlist_add(&in.findings, visits[i].finding);
        in.notes = xstrdup(visits[i].notes);
        int rc = write_inspection(st, c, &in, inspector, demo_key(keys, inspector));
        strlist_free(&in.team);
        strlist_free(&in.facts);
        strlist_free(&in.findings);
        free(in.notes);
        if (rc)
            return -1;
    }
    return 0;
}

static int demo_build(struct store *st, struct call *c, struct diags *d)
{
    struct demo_keys keys = {0};
    int rc = -1;
    if (store_begin(st) || demo_people_add(st, &keys) || store_commit(st) || demo_reload(st, c))
        goto out;
    if (store_begin(st) || demo_applications(st, c, &keys, d) || store_commit(st) ||
        demo_reload(st, c))
        goto out;
    if (store_begin(st) || demo_review(st, c, &keys) || store_commit(st) || demo_reload(st, c))
        goto out;
    if (store_begin(st) || demo_inspections(st, c, &keys) || demo_panels(st, c, &keys) ||
        store_commit(st) || demo_reload(st, c))
        goto out;
    if (store_begin(st) || demo_scores(st, c, &keys, d) || store_commit(st))
        goto out;
    rc = 0;
out:
    demo_keys_wipe(&keys);
    return rc;
}

static int cmd_demo(struct cli *cli)
{
    char **pos = cli->pos;
    const char *text = program_builtin_text("cbtp-2026");
    struct diags d = {0};
    if (!text)
        return cli_fail("%s", "cbtp-2026");
    struct store *st;
    if (store_create(pos[0], "cbtp-2026", text, &d) < 0 || store_open(pos[0], &st, &d) < 0)
        return cli_fail_diags(&d);
    struct call c = {0};
    int rc = store_load(st, &c, &d) == 0 ? demo_build(st, &c, &d) : -1;
    if (rc < 0) {
        store_rollback(st);
        cli_print_diags(&d);
        cli_fail(_("could not build the demo: %s"), store_errmsg(st));
    }
    diags_free(&d);
    call_free(&c);
    store_close(st);
    if (rc < 0) {
        remove(pos[0]);
        return EXIT_FAIL;
    }
    printf(_("created %s: the 2026 call with %zu applications, 2 panels of 5 judges\n"), pos[0],
           N_APPS);
    printf(_("people (every passphrase is \"%s\"):\n"), DEMO_PASSPHRASE);
    for (size_t i = 0; i < N_PEOPLE; i++)
        printf("  %-8s %s\n", demo_people[i].name, role_name(demo_people[i].role));
    printf(_("try:\n  simsa -d %s rank\n  simsa -d %s app show 2026-005\n"
             "  simsa -d %s                      (the interactive program)\n"),
           pos[0], pos[0], pos[0]);
    return EXIT_OK;
}

const struct cli_command cli_demo_commands[] = {
    {
        .name = "demo",
        .usage = "FILE",
        .summary = N_("a complete sample call to explore"),
        .run = cmd_demo,
        .usage_error = N_("usage: simsa demo FILE"),
        .min_args = 1,
        .max_args = 1,
    },
    {.name = NULL},
};
