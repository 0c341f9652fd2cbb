/* The importers' rules (see import.h): applications (R1 window, business number checksum),
 * documents, financial figures and score sheets (R6.2 ranges and steps, R6.3 panels, R6.4
 * conflicts, R10.1 amount votes). */
#include "core/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/text.h"

enum {
    A_ID,
    A_COMPANY,
    A_BIZNO,
    A_SIZE,
    A_REGION,
    A_FACTORY,
    A_INDUSTRY,
    A_FOUNDED,
    A_SUPPLIER,
    A_SUPPLIER_REGION,
    A_POOLS,
    A_REQUESTED,
    A_COPAY,
    A_TITLE,
    A_CONTACT,
    A_EMAIL,
    A_RECEIVED
};

const struct csv_column import_app_spec[] = {
    [A_ID] = {"id", {"신청번호", "접수번호", "과제번호", "app"}, true},
    [A_COMPANY] = {"company", {"기업명", "수요기업", "수요기업명", "회사명"}, true},
    [A_BIZNO] = {"biz_no", {"사업자등록번호", "사업자번호", "bizno"}, true},
    [A_SIZE] = {"size", {"기업규모", "규모"}, true},
    [A_REGION] = {"region", {"소재지", "본사소재지", "본사"}, true},
    [A_FACTORY] = {"factory_region", {"공장소재지", "공장"}, false},
    [A_INDUSTRY] = {"industry", {"업종", "산업", "산업분야"}, true},
    [A_FOUNDED] = {"founded", {"설립일", "창업일", "개업일"}, true},
    [A_SUPPLIER] = {"supplier", {"공급기업", "공급기업명"}, true},
    [A_SUPPLIER_REGION] = {"supplier_region", {"공급기업소재지"}, false},
    [A_POOLS] = {"supplier_pools", {"공급기업풀", "풀등록", "공급기업pool"}, true},
    [A_REQUESTED] = {"requested", {"신청금액", "지원신청금액", "정부지원금"}, true},
    [A_COPAY] = {"copay", {"기업부담금", "자부담금"}, true},
    [A_TITLE] = {"title", {"과제명", "사업명"}, false},
    [A_CONTACT] = {"contact_name", {"담당자", "담당자명"}, false},
    [A_EMAIL] = {"contact_email", {"이메일", "담당자이메일", "전자우편"}, false},
    [A_RECEIVED] = {"received", {"접수일", "접수일시", "신청일"}, true},
};
const size_t import_app_spec_n = sizeof import_app_spec / sizeof import_app_spec[0];

enum { D_APP, D_DOC, D_ISSUED };
const struct csv_column import_doc_spec[] = {
    [D_APP] = {"app", {"신청번호", "접수번호", "id"}, true},
    [D_DOC] = {"doc", {"서류", "서류번호", "document"}, true},
    [D_ISSUED] = {"issued", {"발급일", "발급일자"}, true},
};
const size_t import_doc_spec_n = 3;

enum { F_APP, F_YEAR, F_LIAB, F_EQUITY, F_CA, F_CL };
const struct csv_column import_finance_spec[] = {
    [F_APP] = {"app", {"신청번호", "접수번호", "id"}, true},
    [F_YEAR] = {"year", {"연도", "회계연도", "결산연도"}, true},
    [F_LIAB] = {"liabilities", {"부채총계", "부채"}, true},
    [F_EQUITY] = {"equity", {"자본총계", "자본"}, true},
    [F_CA] = {"current_assets", {"유동자산"}, true},
    [F_CL] = {"current_liabilities", {"유동부채"}, true},
};
const size_t import_finance_spec_n = 6;

/* Report a problem at a row's column. */
#define ROW_ERR(t, row, k, ...) diags_add(d, (t)->filename, (row)->line, (row)->col[k], __VA_ARGS__)
/* A value quoted in a message, cut short when it is long (a 10 MB field is not echoed). */
#define CLIP(v) utf8_clip((v), (char[TEXT_CLIP_BYTES + 4]){0})

static const char *field(const struct csv_row *r, size_t k)
{
    return r->field[k] ? r->field[k] : "";
}

static bool text_ok(const struct csv_table *t, const struct csv_row *r, size_t k, bool required,
                    size_t max_len, struct diags *d)
{
    const char *v = field(r, k);
    if (required && !*v) {
        ROW_ERR(t, r, k, _("%s is empty"), import_app_spec[k].id);
        return false;
    }
    if (strlen(v) > max_len) {
        ROW_ERR(t, r, k, _("%s is longer than %zu bytes"), import_app_spec[k].id, max_len);
        return false;
    }
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p < 0x20 && *p != '\t') {
            ROW_ERR(t, r, k, _("%s contains a control character"), import_app_spec[k].id);
            return false;
        }
    }
    return true;
}

static bool id_ok(const char *id)
{
    if (!*id || strlen(id) > 64)
        return false;
    for (const char *p = id; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
              *p == '-' || *p == '_' || *p == '.'))
            return false;
    return true;
}

static void app_check_identity(const struct call *c, const struct csv_table *t,
                               const struct csv_row *r, struct application *a, struct diags *d)
{
    const char *why = NULL;
    if (text_name_refusal(field(r, A_ID)))
        ROW_ERR(t, r, A_ID, _("application id: %s"), text_name_refusal(field(r, A_ID)));
    else if (!id_ok(field(r, A_ID)))
        ROW_ERR(t, r, A_ID, _("id \"%s\" must be 1-64 letters, digits, '-', '_' or '.'"),
                CLIP(field(r, A_ID)));
    else if (call_find_app(c, field(r, A_ID)))
        ROW_ERR(t, r, A_ID, _("application %s is already in the database"), field(r, A_ID));
    a->id = xstrdup(field(r, A_ID));
    char digits[11] = "";
    if (bizno_parse(field(r, A_BIZNO), digits, &why) < 0)
        ROW_ERR(t, r, A_BIZNO, _("business number \"%s\": %s"), CLIP(field(r, A_BIZNO)), why);
    a->biz_no = xstrdup(digits);
    if (size_parse(field(r, A_SIZE), &a->size) < 0)
        ROW_ERR(t, r, A_SIZE,
                _("size \"%s\" must be sme, midsize or large (or 중소기업, 중견기업, 대기업)"),
                CLIP(field(r, A_SIZE)));
    static const size_t texts[] = {A_COMPANY,         A_REGION, A_FACTORY, A_INDUSTRY, A_SUPPLIER,
                                   A_SUPPLIER_REGION, A_TITLE,  A_CONTACT, A_EMAIL};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t k = texts[i];
        text_ok(t, r, k, import_app_spec[k].required, k == A_TITLE ? 1000 : 200, d);
    }
    a->company = xstrdup(field(r, A_COMPANY));
    a->region = xstrdup(field(r, A_REGION));
    a->factory_region = xstrdup(field(r, A_FACTORY));
    a->industry = xstrdup(field(r, A_INDUSTRY));
    a->supplier = xstrdup(field(r, A_SUPPLIER));
    a->supplier_region = xstrdup(field(r, A_SUPPLIER_REGION));
    a->title = xstrdup(field(r, A_TITLE));
    a->contact_name = xstrdup(field(r, A_CONTACT));
    a->contact_email = xstrdup(field(r, A_EMAIL));
    if (*a->contact_email && !strchr(a->contact_email, '@'))
        ROW_ERR(t, r, A_EMAIL, _("contact_email \"%s\" is not an e-mail address"),
                CLIP(a->contact_email));
}

static void app_check_figures(const struct call *c, const struct csv_table *t,
                              const struct csv_row *r, struct application *a, struct diags *d)
{
    const struct program *p = &c->program;
    const char *why = NULL;
    if (date_parse(field(r, A_FOUNDED), &a->founded, &why) < 0)
        ROW_ERR(t, r, A_FOUNDED, _("founded \"%s\": %s"), CLIP(field(r, A_FOUNDED)), why);
    if (yesno_parse(field(r, A_POOLS), &a->supplier_pools) < 0)
        ROW_ERR(t, r, A_POOLS, _("supplier_pools \"%s\" must be yes or no"),
                CLIP(field(r, A_POOLS)));
    if (amount_parse(field(r, A_REQUESTED), &a->requested, &why) < 0)
        ROW_ERR(t, r, A_REQUESTED, _("requested \"%s\": %s"), CLIP(field(r, A_REQUESTED)), why);
    if (amount_parse(field(r, A_COPAY), &a->copay, &why) < 0)
        ROW_ERR(t, r, A_COPAY, _("copay \"%s\": %s"), CLIP(field(r, A_COPAY)), why);
    bool has_time = false;
    if (datetime_parse(field(r, A_RECEIVED), &a->received, &has_time, &why) < 0) {
        ROW_ERR(t, r, A_RECEIVED, _("received \"%s\": %s"), CLIP(field(r, A_RECEIVED)), why);
        return;
    }
    a->received_has_time = has_time;
    if (!received_in_window(p, a->received, has_time)) {
        char start[11], end[17];
        date_format(p->announced, start);
        datetime_format(p->deadline, end);
        /* R1: a late (or early) application is not accepted. */
        ROW_ERR(t, r, A_RECEIVED, _("R1: received %s is outside the application window %s .. %s"),
                field(r, A_RECEIVED), start, end);
    }
    if (a->founded && a->founded > datetime_date(a->received))
        ROW_ERR(t, r, A_FOUNDED, _("founded %s is after the application was received"),
                field(r, A_FOUNDED));
}

void import_apps_free(struct app_import *a)
{
    for (size_t i = 0; i < a->n; i++)
        application_free(&a->apps[i]);
    free(a->apps);
    a->apps = NULL;
    a->n = 0;
}

static bool small_int_parse(const char *s, int lo, int hi, int *out)
{
    if (!*s || strlen(s) > 6)
        return false;
    int v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p - '0');
    }
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* A row's key for finding repeats: a text (NULL: the row never repeats) and a number. Sorting
 * the keys finds every repeat in O(n log n); a file of 70,000 documents compared row by row
 * with every earlier row took seconds (make bench). */
struct row_key {
    const char *text;
    int64_t num;
    size_t row;
};

static int row_key_compare(const void *x, const void *y)
{
    const struct row_key *a = x, *b = y;
    if (!a->text || !b->text) {
        if (a->text != b->text)
            return a->text ? 1 : -1;
    } else {
        int c = strcmp(a->text, b->text);
        if (c)
            return c;
        if (a->num != b->num)
            return a->num < b->num ? -1 : 1;
    }
    return (a->row > b->row) - (a->row < b->row);
}

/* For each row (keys[i].row == i), the first earlier row with the same key, or SIZE_MAX.
 * Sorts keys; caller frees the result. */
static size_t *repeats_find(struct row_key *keys, size_t n)
{
    size_t *first = xmalloc((n ? n : 1) * sizeof *first);
    for (size_t i = 0; i < n; i++)
        first[i] = SIZE_MAX;
    qsort(keys, n, sizeof *keys, row_key_compare);
    size_t start = 0;
    for (size_t i = 1; i < n; i++) {
        if (keys[i].text && keys[start].text && strcmp(keys[i].text, keys[start].text) == 0 &&
            keys[i].num == keys[start].num)
            first[keys[i].row] = keys[start].row;
        else
            start = i;
    }
    return first;
}

/* Report every row whose id an earlier row of the file already has. */
static void duplicates_in_file(const struct csv_table *t, size_t k, const char *what,
                               struct diags *d)
{
    struct row_key *keys = xcalloc(t->n_rows ? t->n_rows : 1, sizeof *keys);
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *id = field(&t->rows[i], k);
        keys[i] = (struct row_key){.text = *id ? id : NULL, .row = i};
    }
    size_t *first = repeats_find(keys, t->n_rows);
    for (size_t i = 0; i < t->n_rows; i++)
        if (first[i] != SIZE_MAX)
            ROW_ERR(t, &t->rows[i], k, _("%s %s appears more than once in the file (line %ld)"),
                    what, CLIP(field(&t->rows[i], k)), t->rows[first[i]].line);
    free(first);
    free(keys);
}

/* Repeats of (application, a number read from column k in lo..hi, 0 when it does not read). */
static size_t *repeats_by_app(const struct csv_table *t, size_t app, size_t k, int lo, int hi)
{
    struct row_key *keys = xcalloc(t->n_rows ? t->n_rows : 1, sizeof *keys);
    for (size_t i = 0; i < t->n_rows; i++) {
        int v = 0;
        small_int_parse(field(&t->rows[i], k), lo, hi, &v);
        keys[i] = (struct row_key){.text = field(&t->rows[i], app), .num = v, .row = i};
    }
    size_t *first = repeats_find(keys, t->n_rows);
    free(keys);
    return first;
}

int import_apps(const struct call *c, const char *data, size_t len, const char *file,
                struct app_import *out, struct csv_table *t, struct diags *d)
{
    memset(out, 0, sizeof *out);
    if (csv_read(data, len, file, import_app_spec, import_app_spec_n, t, d) != 0)
        return -1;
    out->apps = xcalloc(t->n_rows, sizeof *out->apps);
    for (size_t i = 0; i < t->n_rows; i++) {
        app_check_identity(c, t, &t->rows[i], &out->apps[i], d);
        app_check_figures(c, t, &t->rows[i], &out->apps[i], d);
        out->n++;
    }
    duplicates_in_file(t, A_ID, _("application"), d);
    return d->n ? -1 : 0;
}

static struct app_record *row_app(const struct call *c, const struct csv_table *t,
                                  const struct csv_row *r, size_t k, struct diags *d)
{
    struct app_record *a = call_find_app(c, field(r, k));
    if (!a)
        ROW_ERR(t, r, k, _("no application \"%s\" (import applications first)"), CLIP(field(r, k)));
    return a;
}

int import_docs(const struct call *c, const char *data, size_t len, const char *file,
                struct doc_import_row **rows, size_t *n, struct csv_table *t, struct diags *d)
{
    *rows = NULL;
    *n = 0;
    if (csv_read(data, len, file, import_doc_spec, import_doc_spec_n, t, d) != 0)
        return -1;
    *rows = xcalloc(t->n_rows, sizeof **rows);
    size_t *first = repeats_by_app(t, D_APP, D_DOC, 1, 999);
    for (size_t i = 0; i < t->n_rows; i++) {
        const struct csv_row *r = &t->rows[i];
        struct doc_import_row *o = &(*rows)[i];
        const char *why = NULL;
        row_app(c, t, r, D_APP, d);
        o->app = field(r, D_APP);
        if (!small_int_parse(field(r, D_DOC), 1, 999, &o->doc) || !program_doc(&c->program, o->doc))
            ROW_ERR(t, r, D_DOC, _("document \"%s\" is not a document number of %s (1-%zu)"),
                    CLIP(field(r, D_DOC)), c->program.id, c->program.n_docs);
        if (date_parse(field(r, D_ISSUED), &o->issued, &why) < 0)
            ROW_ERR(t, r, D_ISSUED, _("issued \"%s\": %s"), CLIP(field(r, D_ISSUED)), why);
        if (first[i] != SIZE_MAX)
            ROW_ERR(t, r, D_DOC,
                    _("document %d of %s appears more than once in the file (line %ld)"), o->doc,
                    CLIP(o->app), t->rows[first[i]].line);
    }
    free(first);
    *n = t->n_rows;
    return d->n ? -1 : 0;
}

int signed_amount_parse(const char *s, int64_t *out, const char **why)
{
    bool negative = s[0] == '-';
    if (amount_parse(s + negative, out, why) < 0)
        return -1;
    if (negative)
        *out = -*out;
    return 0;
}

int import_finance(const struct call *c, const char *data, size_t len, const char *file,
                   struct finance_import_row **rows, size_t *n, struct csv_table *t,
                   struct diags *d)
{
    *rows = NULL;
    *n = 0;
    if (csv_read(data, len, file, import_finance_spec, import_finance_spec_n, t, d) != 0)
        return -1;
    *rows = xcalloc(t->n_rows, sizeof **rows);
    size_t *first = repeats_by_app(t, F_APP, F_YEAR, 1900, 2999);
    for (size_t i = 0; i < t->n_rows; i++) {
        const struct csv_row *r = &t->rows[i];
        struct finance_import_row *o = &(*rows)[i];
        row_app(c, t, r, F_APP, d);
        o->app = field(r, F_APP);
        if (!small_int_parse(field(r, F_YEAR), 1900, 2999, &o->f.year))
            ROW_ERR(t, r, F_YEAR, _("year \"%s\" is not a year"), CLIP(field(r, F_YEAR)));
        int64_t *figs[] = {&o->f.liabilities, &o->f.equity, &o->f.current_assets,
                           &o->f.current_liabilities};
        for (size_t k = F_LIAB; k <= F_CL; k++) {
            const char *why = NULL;
            int rc = k == F_EQUITY ? signed_amount_parse(field(r, k), figs[k - F_LIAB], &why)
                                   : amount_parse(field(r, k), figs[k - F_LIAB], &why);
            if (rc < 0)
                ROW_ERR(t, r, k, _("%s \"%s\": %s"), import_finance_spec[k].id, CLIP(field(r, k)),
                        why);
        }
        if (first[i] != SIZE_MAX)
            ROW_ERR(t, r, F_YEAR, _("year %d of %s appears more than once in the file (line %ld)"),
                    o->f.year, CLIP(o->app), t->rows[first[i]].line);
    }
    free(first);
    *n = t->n_rows;
    return d->n ? -1 : 0;
}

/* Score columns: app, judge, one per rubric item (aliases: its Korean and English names),
 * amount, opinion, then an optional comment_<item> per item. */
struct csv_column *import_score_spec(const struct program *p, size_t *n)
{
    *n = 2 * p->n_items + 4;
    struct csv_column *spec = xcalloc(*n, sizeof *spec);
    spec[0] = (struct csv_column){"app", {"신청번호", "접수번호", "id"}, true};
    spec[1] = (struct csv_column){"judge", {"평가위원", "위원"}, true};
    for (size_t i = 0; i < p->n_items; i++) {
        spec[2 + i].id = p->items[i].id;
        spec[2 + i].aliases[0] = p->items[i].name_ko;
        spec[2 + i].aliases[1] = p->items[i].name_en;
        spec[2 + i].required = true;
    }
    spec[p->n_items + 2] = (struct csv_column){"amount", {"지원금액", "조정금액", "금액"}, true};
    spec[p->n_items + 3] = (struct csv_column){"opinion", {"의견", "종합의견", "평가의견"}, false};
    for (size_t i = 0; i < p->n_items; i++)
        spec[p->n_items + 4 + i].id = xasprintf("comment_%s", p->items[i].id);
    return spec;
}

void import_score_spec_free(struct csv_column *spec, size_t n)
{
    /* The comment columns' ids are the spec's own: the last (n - 4) / 2 of them. */
    for (size_t i = n - (n - 4) / 2; spec && i < n; i++)
        free((char *)spec[i].id);
    free(spec);
}

/* sheet_problems' say: each problem at the column of the value it is about. */
struct score_row_ctx {
    const struct program *p;
    const struct csv_table *t;
    const struct csv_row *r;
    struct diags *d;
};

static void score_row_say(void *ctx, enum sheet_part part, const char *problem)
{
    const struct score_row_ctx *x = ctx;
    struct diags *d = x->d;
    size_t k = part == SHEET_PART_APP      ? 0
               : part == SHEET_PART_JUDGE  ? 1
               : part == SHEET_PART_AMOUNT ? x->p->n_items + 2
                                           : x->p->n_items + 3;
    ROW_ERR(x->t, x->r, k, "%s", problem);
}

static const struct person *score_check_who(const struct call *c, const struct person *actor,
                                            const struct csv_table *t, const struct csv_row *r,
                                            const struct app_record *a, struct sheet *o,
                                            struct diags *d)
{
    const struct person *judge = call_find_person(c, field(r, 1));
    if (!judge || judge->role != ROLE_JUDGE) {
        ROW_ERR(t, r, 1, _("\"%s\" is not a judge of this call"), CLIP(field(r, 1)));
        return NULL;
    }
    o->judge = judge->id;
    if (actor->role == ROLE_JUDGE && actor->id != judge->id)
        ROW_ERR(t, r, 1, _("%s may import only their own sheets, not %s's"), actor->name,
                judge->name);
    struct score_row_ctx x = {&c->program, t, r, d};
    if (a)
        sheet_problems(c, a, judge, o, SHEET_CHECK_WHO, score_row_say, &x);
    return judge;
}

/* R10.1 "agree", in any case (a spreadsheet may capitalise it), or 동의. */
static bool agree_word(const char *s)
{
    static const char agree[] = "agree";
    size_t i = 0;
    for (; s[i] && i < sizeof agree - 1; i++)
        if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]) != agree[i])
            break;
    return (i == sizeof agree - 1 && !s[i]) || strcmp(s, "동의") == 0;
}

static void score_check_values(const struct call *c, const struct csv_table *t,
                               const struct csv_row *r, const struct app_record *a,
                               const struct person *judge, struct sheet *o, struct diags *d)
{
    const struct program *p = &c->program;
    bool scored = true;
    for (size_t i = 0; i < p->n_items; i++) {
        const char *why = NULL;
        const struct rubric_item *it = &p->items[i];
        int32_t tenths;
        if (!*field(r, 2 + i)) {
            ROW_ERR(t, r, 2 + i, _("%s: no score (every item must be scored)"), it->id);
            scored = false;
        } else if (score_parse(field(r, 2 + i), it->max_tenths, p->step_tenths, &tenths, &why) <
                   0) {
            char max[16];
            tenths_format(it->max_tenths, max, sizeof max);
            ROW_ERR(t, r, 2 + i, _("%s \"%s\": %s (0 to %s)"), it->id, CLIP(field(r, 2 + i)), why,
                    max);
            scored = false;
        } else {
            o->item_tenths[i] = (int16_t)tenths; /* at most max_tenths */
        }
    }
    size_t k = p->n_items + 2;
    const char *amount = field(r, k), *why = NULL;
    unsigned checks = scored ? SHEET_CHECK_OPINION : 0;
    if (agree_word(amount)) {
        o->agree = true;
        o->amount = a ? a->a.requested : 0;
    } else if (amount_parse(amount, &o->amount, &why) < 0) {
        ROW_ERR(t, r, k, _("amount \"%s\": write agree or the adjusted amount in won (%s)"),
                CLIP(amount), why);
    } else {
        checks |= SHEET_CHECK_AMOUNT;
    }
    o->opinion = field(r, p->n_items + 3);
    for (size_t i = 0; i < p->n_items; i++)
        o->comments[i] = field(r, p->n_items + 4 + i);
    struct score_row_ctx x = {p, t, r, d};
    char why_buf[256];
    if (a) /* judge may be NULL: WHO is not among these checks */
        sheet_problems(c, a, judge, o, checks, score_row_say, &x);
    else if (scored &&
             sheet_opinion_refusal(p, sheet_total(p, o), o->opinion, why_buf, sizeof why_buf))
        score_row_say(&x, SHEET_PART_OPINION, why_buf);
}

/* Repeats of (application, judge) among the rows naming a judge of the call. */
static size_t *score_repeats(const struct call *c, const struct csv_table *t)
{
    struct row_key *keys = xcalloc(t->n_rows ? t->n_rows : 1, sizeof *keys);
    for (size_t i = 0; i < t->n_rows; i++) {
        const struct person *judge = call_find_person(c, field(&t->rows[i], 1));
        bool counts = judge && judge->role == ROLE_JUDGE;
        keys[i] = (struct row_key){
            .text = counts ? field(&t->rows[i], 0) : NULL, .num = counts ? judge->id : 0, .row = i};
    }
    size_t *first = repeats_find(keys, t->n_rows);
    free(keys);
    return first;
}

int import_scores(const struct call *c, const struct person *actor, const char *data, size_t len,
                  const char *file, struct sheet **rows, size_t *n, struct csv_table *t,
                  struct diags *d)
{
    *rows = NULL;
    *n = 0;
    size_t n_spec;
    struct csv_column *spec = import_score_spec(&c->program, &n_spec);
    int rc = csv_read(data, len, file, spec, n_spec, t, d);
    import_score_spec_free(spec, n_spec);
    if (rc != 0)
        return -1;
    /* The rows and, after them, room for each row's comments: one block, freed with free. */
    *rows = xcalloc(1, t->n_rows * (sizeof **rows + PROGRAM_MAX_ITEMS * sizeof(const char *)));
    const char **room = (const char **)(void *)(*rows + t->n_rows);
    size_t *first = score_repeats(c, t);
    for (size_t i = 0; i < t->n_rows; i++) {
        const struct csv_row *r = &t->rows[i];
        struct sheet *o = &(*rows)[i];
        o->comments = room + i * PROGRAM_MAX_ITEMS;
        const struct app_record *a = row_app(c, t, r, 0, d);
        o->app = field(r, 0);
        o->transcribed = actor->role == ROLE_SECRETARIAT;
        const struct person *judge = score_check_who(c, actor, t, r, a, o, d);
        score_check_values(c, t, r, a, judge, o, d);
        if (first[i] != SIZE_MAX)
            ROW_ERR(t, r, 1, _("a second sheet of %s for %s in the file (line %ld)"),
                    CLIP(field(r, 1)), CLIP(o->app), t->rows[first[i]].line);
    }
    free(first);
    *n = t->n_rows;
    return d->n ? -1 : 0;
}
