/* The committee's papers, as they are printed, signed and filed: the results summary (평가 결과
 * 총괄표) with the committee's signature boxes, each judge's score sheets one application per
 * page (평가표), and one notice per applicant per page (결과 통보). Every figure and word is
 * core's; this file only lays them out. Pages are broken by hand, at most LXW_BREAKS_MAX breaks
 * a sheet (Excel's limit): a sheet holds at most a thousand pages, and more go on to the next
 * sheet of their kind. */
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/notify.h"
#include "db/report_read.h"
#include "reports/book.h"
#include "reports/results.h"

#define SIGN_ROW_HEIGHT 36 /* points: room for a handwritten signature */

/* Manual page breaks of one sheet, set when it is done. */
struct breaks {
    lxw_row_t rows[LXW_BREAKS_MAX + 1]; /* 0-terminated */
    size_t n;
};

static void break_before(struct breaks *br, lxw_row_t r)
{
    if (r > 0 && br->n < LXW_BREAKS_MAX)
        br->rows[br->n++] = r;
}

static void breaks_set(struct sheet_out *s, struct breaks *br)
{
    br->rows[br->n] = 0;
    if (br->n)
        worksheet_set_h_pagebreaks(s->ws, br->rows);
}

static void row_height(struct sheet_out *s, lxw_row_t r, double points)
{
    worksheet_set_row(s->ws, r, points, NULL);
}

/* A label and its value on one row of a paper, the value in a box over columns B to last
 * (`chars` characters wide), the row as tall as the value. A value of one line is written in
 * B and overflows into the blank cells beside it, the box drawn by their borders: a merged
 * range is kept in memory until the workbook is closed, and the papers have six such rows a
 * page (300,000 at 10,000 applications). A longer value wraps inside merged cells. */
static void field_over(struct book *b, struct sheet_out *s, lxw_row_t r, const char *label,
                       const char *value, lxw_col_t last, int chars)
{
    int lines = text_lines(value, chars);
    row_lines(s, r, lines);
    cell_text(b, s, r, 0, label, b->f.label);
    if (last > 1 && lines > 1) {
        worksheet_merge_range(s->ws, r, 1, r, last, value ? value : "", b->f.box);
        if (r > s->last_row)
            s->last_row = r;
    } else if (last > 1) {
        if (value && *value)
            cell_text(b, s, r, 1, value, b->f.box_first);
        else
            worksheet_write_blank(s->ws, r, 1, b->f.box_first);
        for (lxw_col_t c = 2; c < last; c++)
            worksheet_write_blank(s->ws, r, c, b->f.box_mid);
        worksheet_write_blank(s->ws, r, last, b->f.box_last);
        if (r > s->last_row)
            s->last_row = r;
    } else if (value && *value) {
        cell_text(b, s, r, 1, value, b->f.box);
    } else {
        worksheet_write_blank(s->ws, r, 1, b->f.box);
    }
}

#define NOTICE_VALUE_CHARS 70
#define PAPER_ITEM_CHARS 26
#define PAPER_NUMBER_CHARS 10
#define PAPER_COMMENT_CHARS 50

static void field(struct book *b, struct sheet_out *s, lxw_row_t r, const char *label,
                  const char *value)
{
    field_over(b, s, r, label, value, 1, NOTICE_VALUE_CHARS);
}

static void paper_field(struct book *b, struct sheet_out *s, lxw_row_t r, const char *label,
                        const char *value)
{
    field_over(b, s, r, label, value, 3, 2 * PAPER_NUMBER_CHARS + PAPER_COMMENT_CHARS);
}

/* ---- 평가 결과 총괄표 ---- */

enum {
    SU_RANK,
    SU_APP,
    SU_COMPANY,
    SU_BASE,
    SU_BONUS,
    SU_FINAL,
    SU_BAND,
    SU_OUTCOME,
    SU_AMOUNT,
    SU_REASON,
    SU_COLS
};
static const char *const summary_labels[SU_COLS] = {
    N_("rank"),  N_("application"), N_("demand company"), N_("official base"), N_("bonus"),
    N_("final"), N_("band"),        N_("outcome"),        N_("amount"),        N_("reason"),
};
#define SUMMARY_HEAD 2

static void summary_row(struct book *b, struct sheet_out *s, lxw_row_t r,
                        const struct rank_row *row)
{
    const struct application *a = &b->c->apps[row->app].a;
    /* one line of reason: the outcome's (the amount has its column) */
    const char *why = row->reason ? row->reason : "";
    row_lines(s, r, text_lines(why, REASON_WIDTH));
    if (row->rank > 0)
        cell_int(b, s, r, SU_RANK, row->rank);
    cell_text(b, s, r, SU_APP, a->id, NULL);
    cell_text(b, s, r, SU_COMPANY, a->company, NULL);
    if (row->has_result) {
        cell_scaled(b, s, r, SU_BASE, row->base);
        cell_scaled(b, s, r, SU_BONUS, row->bonus);
        cell_scaled(b, s, r, SU_FINAL, row->final);
    }
    cell_text(b, s, r, SU_BAND, band_label(row->band), NULL);
    cell_text(b, s, r, SU_OUTCOME, outcome_label(row->outcome), NULL);
    if (row->has_amount)
        cell_money(b, s, r, SU_AMOUNT, row->amount);
    cell_text(b, s, r, SU_REASON, why, b->f.wrap);
}

void sheet_summary(struct book *b, struct sheet_out *s)
{
    const struct program *p = &b->c->program;
    const struct rank_result *res = &b->rep->rank;
    char *title = xasprintf(_("%s: summary of the evaluation results"),
                            book_lang(b, p->title_ko, p->title_en));
    cell_note(b, s, 0, 0, title, b->f.title);
    free(title);
    header_row(b, s, SUMMARY_HEAD, summary_labels, SU_COLS);
    lxw_row_t r = SUMMARY_HEAD;
    for (size_t i = 0; i < res->n; i++)
        summary_row(b, s, ++r, &res->rows[i]);
    /* The committee: every judge of the call, a box to sign beside each name. */
    r += 2;
    row_height(s, r, 22);
    cell_note(b, s, r, 0, _("The committee confirms the results above."), b->f.title);
    r++;
    cell_text(b, s, r, SU_APP, _("committee member"), b->f.label);
    cell_text(b, s, r, SU_COMPANY, _("signature"), b->f.label);
    for (size_t i = 0; i < b->c->n_people; i++) {
        const struct person *who = &b->c->people[i];
        if (who->role != ROLE_JUDGE)
            continue;
        row_height(s, ++r, SIGN_ROW_HEIGHT);
        cell_text(b, s, r, SU_APP, who->name, b->f.box);
        worksheet_write_blank(s->ws, r, SU_COMPANY, b->f.box);
    }
    sheet_print(b, s,
                &(struct print_setup){.landscape = true,
                                      .repeat_rows = true,
                                      .head_first = SUMMARY_HEAD,
                                      .head_last = SUMMARY_HEAD,
                                      .area_cols = SU_COLS});
    if (s->width[SU_REASON] >= TEXT_WIDTH_MAX)
        s->width[SU_REASON] = REASON_WIDTH;
    sheet_widths(b, s);
}

/* ---- 평가표: one page per application a judge scored ---- */

static void paper_items(struct book *b, struct sheet_out *s, lxw_row_t *r,
                        const struct app_sheet *sh)
{
    const struct program *p = &b->c->program;
    static const char *const head[] = {N_("item"), N_("maximum"), N_("score"), N_("comment")};
    for (size_t k = 0; k < 4; k++)
        cell_text(b, s, *r, (lxw_col_t)k, _(head[k]), b->f.label);
    for (size_t k = 0; k < p->n_items; k++) {
        const struct rubric_item *it = &p->items[k];
        const char *comment = sheet_comment(&sh->s, k);
        ++*r;
        row_lines(s, *r, text_lines(comment, PAPER_COMMENT_CHARS));
        cell_text(b, s, *r, 0, book_lang(b, it->name_ko, it->name_en), b->f.box);
        cell_tenths(b, s, *r, 1, it->max_tenths);
        cell_tenths(b, s, *r, 2, sh->s.item_tenths[k]);
        cell_text(b, s, *r, 3, comment ? comment : "", b->f.box);
        if (!comment || !*comment)
            worksheet_write_blank(s->ws, *r, 3, b->f.box);
    }
    ++*r;
    cell_text(b, s, *r, 0, _("total"), b->f.label);
    cell_tenths(b, s, *r, 1, program_total_tenths(p));
    cell_tenths(b, s, *r, 2, sheet_total(p, &sh->s));
}

static void paper_page(struct book *b, struct sheet_out *s, lxw_row_t *r,
                       const struct app_record *rec, const struct app_sheet *sh,
                       const struct person *judge, const char *key)
{
    const struct program *p = &b->c->program;
    cell_note(b, s, *r, 0, book_lang(b, p->title_ko, p->title_en), b->f.title);
    char *what =
        xasprintf(_("Score sheet of %s for %s %s"), judge->name, rec->a.id, rec->a.company);
    cell_note(b, s, ++*r, 0, what, NULL);
    free(what);
    *r += 2;
    paper_items(b, s, r, sh);
    *r += 2;
    paper_field(b, s, *r, _("overall opinion"), sh->s.opinion);
    char money[32] = "";
    if (!sh->s.agree)
        amount_format(sh->s.amount, money, sizeof money);
    paper_field(b, s, ++*r, _("amount vote"), sh->s.agree ? _("agree") : money);
    const struct person *by = call_person_by_id(b->c, sh->submitted_by);
    paper_field(b, s, ++*r, _("signed by"), by ? by->name : "?");
    /* the key the stored signature names (as the integrity sheet shows it) */
    paper_field(b, s, ++*r, _("signature key id"), key);
    char *when = korea_time(sh->submitted_at);
    paper_field(b, s, ++*r, _("signed at (Korea time)"), when);
    free(when);
    row_height(s, ++*r, SIGN_ROW_HEIGHT);
    paper_field(b, s, *r, _("handwritten signature"), "");
}

/* Does the judge's score sheet for rec get a page: submitted, and no conflict declared. */
static const struct app_sheet *paper_of(const struct app_record *rec, int64_t judge)
{
    const struct app_sheet *sh = call_sheet_of(rec, judge);
    return sh && !call_has_conflict(rec, judge) ? sh : NULL;
}

size_t judge_papers_count(const struct call *c, int64_t judge)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_apps; i++)
        n += paper_of(&c->apps[i], judge) != NULL;
    return n;
}

paper_keys *judge_paper_keys(struct book *b, const struct person *judge)
{
    paper_keys *keys = NULL;
    if (store_sheet_key_ids(b->st, b->c, judge->id, &keys) < 0) {
        book_fail(b, "%s", store_errmsg(b->st));
        free(keys);
        return NULL;
    }
    return keys;
}

void sheet_judge_papers(struct book *b, struct sheet_out *s, const struct person *judge,
                        paper_keys *keys, size_t first, size_t n)
{
    const struct call *c = b->c;
    struct breaks *br = xcalloc(1, sizeof *br);
    lxw_row_t r = 0;
    size_t page = 0, written = 0;
    for (size_t i = 0; i < c->n_apps && written < n && keys; i++) {
        const struct app_record *rec = &c->apps[i];
        const struct app_sheet *sh = paper_of(rec, judge->id);
        if (!sh || page++ < first)
            continue;
        if (written++) {
            r += 2;
            break_before(br, r);
        }
        paper_page(b, s, &r, rec, sh, judge, keys[i]);
    }
    if (written == 0)
        cell_note(b, s, 0, 0, _("no score sheet has been submitted"), NULL);
    breaks_set(s, br);
    free(br);
    worksheet_set_column(s->ws, 0, 0, PAPER_ITEM_CHARS, NULL);
    worksheet_set_column(s->ws, 1, 2, PAPER_NUMBER_CHARS, NULL);
    worksheet_set_column(s->ws, 3, 3, PAPER_COMMENT_CHARS, NULL);
    sheet_print(b, s, &(struct print_setup){.landscape = false, .area_cols = 4});
}

/* ---- 결과 통보: one applicant per page ---- */

static void notice_terms(struct book *b, struct sheet_out *s, lxw_row_t *r,
                         const struct application *a)
{
    struct agreement_terms t;
    agreement_terms(&b->c->program, a, &t);
    char money[32];
    amount_format(t.copay, money, sizeof money);
    field(b, s, ++*r, _("co-payment"), money);
    field(b, s, ++*r, _("co-payment due"), t.copay_due);
    amount_format(t.advance, money, sizeof money);
    field(b, s, ++*r, _("advance payment"), money);
    field(b, s, ++*r, _("project period"), t.project_period);
    field(b, s, ++*r, _("development deadline"), t.development_due);
    agreement_terms_free(&t);
}

static void notice_page(struct book *b, struct sheet_out *s, lxw_row_t *r,
                        const struct rank_row *row, const bool *promoted)
{
    const struct program *p = &b->c->program;
    const struct application *a = &b->c->apps[row->app].a;
    cell_note(b, s, *r, 0, book_lang(b, p->title_ko, p->title_en), b->f.title);
    row_height(s, ++*r, 26);
    cell_note(b, s, *r, 0, _("Notice of the evaluation result"), b->f.big);
    *r += 2;
    field(b, s, *r, _("company"), a->company);
    field(b, s, ++*r, _("contact"), a->contact_name);
    field(b, s, ++*r, _("application"), a->id);
    field(b, s, ++*r, _("result"), outcome_plain_words(row->outcome));
    char text[32] = "";
    if (row->has_result)
        scaled_format(row->final, p->decimals, text, sizeof text);
    field(b, s, ++*r, _("final"), text);
    text[0] = '\0';
    if (row->rank > 0)
        snprintf(text, sizeof text, "%d", row->rank);
    field(b, s, ++*r, _("rank"), text);
    text[0] = '\0';
    if (row->has_amount)
        amount_format(row->amount, text, sizeof text);
    field(b, s, ++*r, _("amount"), text);
    /* The notification's own words (R12.4): no rule id, budget, vote or judge's name. */
    char *why = notify_cell(b->c, row, promoted);
    field(b, s, ++*r, _("notification"), why);
    free(why);
    if (row->outcome == OUTCOME_SELECTED) /* R12.2 */
        notice_terms(b, s, r, a);
    *r += 2;
    row_height(s, *r, 20);
    cell_note(b, s, *r, 0, p->agency, b->f.title);
}

void sheet_notices(struct book *b, struct sheet_out *s, size_t first, size_t n)
{
    const struct rank_result *res = &b->rep->rank;
    struct breaks *br = xcalloc(1, sizeof *br);
    bool *promoted = notify_promoted_flags(b->c, res);
    lxw_row_t r = 0;
    for (size_t i = first; i < first + n && i < res->n; i++) {
        if (i > first) {
            r += 2;
            break_before(br, r);
        }
        notice_page(b, s, &r, &res->rows[i], promoted);
    }
    free(promoted);
    if (n == 0)
        cell_note(b, s, 0, 0, _("no application has a result yet"), NULL);
    breaks_set(s, br);
    free(br);
    worksheet_set_column(s->ws, 0, 0, 22, NULL);
    worksheet_set_column(s->ws, 1, 1, NOTICE_VALUE_CHARS, NULL);
    sheet_print(b, s, &(struct print_setup){.landscape = false, .area_cols = 2});
}
