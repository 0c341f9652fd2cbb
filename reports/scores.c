/* The sheets about scoring: every sheet's scores (the rows the Results formulas read), item
 * means, the amount votes with their majority test (R10), judge calibration, and one printable
 * score form per judge. */
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "reports/book.h"

lxw_col_t scores_total_col(const struct call *c)
{
    return (lxw_col_t)(SCORES_FIRST_ITEM + c->program.n_items);
}

lxw_row_t scores_row(size_t i)
{
    return (lxw_row_t)i + 1;
}

/* "Need for support (10)": an item as its column is headed. */
static char *item_label(const struct book *b, const struct rubric_item *it)
{
    char max[16];
    tenths_format(it->max_tenths, max, sizeof max);
    return xasprintf("%s (%s)", book_lang(b, it->name_ko, it->name_en), max);
}

static void item_headers(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t first)
{
    const struct program *p = &b->c->program;
    for (size_t k = 0; k < p->n_items; k++) {
        char *label = item_label(b, &p->items[k]);
        header_cell(b, s, r, first + (lxw_col_t)k, label);
        free(label);
    }
}

static const char *const scores_tail[] = {
    N_("total"),
    N_("amount"),
    N_("opinion"),
    N_("item comments"),
    N_("submitted at"),
    N_("signed by"),
    N_("transcribed"),
    N_("counted"),
    N_("deviation from the other judges"),
    N_("far from the panel"),
    N_("signature"),
};
enum {
    T_TOTAL,
    T_AMOUNT,
    T_OPINION,
    T_COMMENTS,
    T_AT,
    T_BY,
    T_TRANSCRIBED,
    T_COUNTED,
    T_DEVIATION,
    T_FAR,
    T_SIGNATURE,
    T_N
};

static int problem_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct sig_problem *)elem)->label);
}

/* The signature check of a sheet, as the integrity sheet found it. */
static const char *sheet_signature(const struct book *b, const struct report_sheet *rs)
{
    char *label = xasprintf("sheet %s/%s", b->c->apps[rs->app].a.id, rs->judge);
    const struct sig_problem *p =
        b->n_problems ? bsearch(label, b->problems, b->n_problems, sizeof *b->problems, problem_cmp)
                      : NULL;
    free(label);
    return p ? p->what : signed_check_label(SIGNED_VERIFIED);
}

/* The amount vote of a sheet (R10.1): "agree", or the adjusted amount. */
static void vote_cell(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c,
                      const struct app_sheet *sh)
{
    if (sh->s.agree)
        cell_text(b, s, r, c, _("agree"), NULL);
    else
        cell_money(b, s, r, c, sh->s.amount);
}

static void scores_sheet_row(struct book *b, struct sheet_out *s, size_t i,
                             const struct sheet_deviation *dev)
{
    const struct program *p = &b->c->program;
    const struct report_sheet *rs = &b->rep->sheets[i];
    const struct app_sheet *sh = rs->sheet;
    lxw_row_t r = scores_row(i);
    char *comments = sheet_comments_text(p, &sh->s, b->o && b->o->korean);
    int lines = text_lines(comments, TEXT_WIDTH_MAX),
        opinion = text_lines(sh->s.opinion, TEXT_WIDTH_MAX);
    row_lines(s, r, lines > opinion ? lines : opinion);
    cell_text(b, s, r, SCORES_APP, b->c->apps[rs->app].a.id, NULL);
    cell_text(b, s, r, SCORES_JUDGE, rs->judge, NULL);
    for (size_t k = 0; k < p->n_items; k++)
        cell_tenths(b, s, r, (lxw_col_t)(SCORES_FIRST_ITEM + k), sh->s.item_tenths[k]);
    lxw_col_t t = scores_total_col(b->c);
    char first[4], last[4];
    col_letters(SCORES_FIRST_ITEM, first);
    col_letters(t - 1, last);
    char *f =
        xasprintf("SUM(%s%lu:%s%lu)", first, (unsigned long)r + 1, last, (unsigned long)r + 1);
    cell_formula(b, s, r, t + T_TOTAL, f, scaled_value(rs->total_tenths, 1), b->f.tenths, 5);
    free(f);
    vote_cell(b, s, r, t + T_AMOUNT, sh);
    cell_text(b, s, r, t + T_OPINION, sh->s.opinion, b->f.wrap);
    cell_text(b, s, r, t + T_COMMENTS, comments, b->f.wrap);
    free(comments);
    cell_text(b, s, r, t + T_AT, sh->submitted_at, NULL);
    const struct person *by = call_person_by_id(b->c, sh->submitted_by);
    cell_text(b, s, r, t + T_BY, by ? by->name : "?", NULL);
    if (sh->s.transcribed)
        cell_text(b, s, r, t + T_TRANSCRIBED, _("yes"), NULL);
    cell_text(b, s, r, t + T_COUNTED, rs->counted ? _("yes") : rs->not_counted, NULL);
    if (dev && dev->others > 0) {
        cell_hundredths(b, s, r, t + T_DEVIATION, dev->deviation);
        if (dev->far)
            cell_text(b, s, r, t + T_FAR, _("yes"), NULL);
    }
    cell_text(b, s, r, t + T_SIGNATURE, sheet_signature(b, rs), NULL);
}

void sheet_scores(struct book *b, struct sheet_out *s)
{
    const struct report *rep = b->rep;
    const struct calibration *cal = &rep->calibration;
    static const char *const head[] = {N_("application"), N_("judge")};
    header_row(b, s, 0, head, 2);
    item_headers(b, s, 0, SCORES_FIRST_ITEM);
    lxw_col_t t = scores_total_col(b->c);
    for (size_t k = 0; k < T_N; k++)
        header_cell(b, s, 0, t + (lxw_col_t)k, _(scores_tail[k]));
    book_stage(b, s->name, rep->n_sheets);
    size_t counted = 0;
    for (size_t i = 0; i < rep->n_sheets; i++) {
        const struct report_sheet *rs = &rep->sheets[i];
        const struct sheet_deviation *dev = NULL;
        /* calibration lists the counted sheets in the same order */
        if (rs->counted && counted < cal->n_sheets && cal->sheets[counted].app == rs->app &&
            cal->sheets[counted].judge == rs->sheet->s.judge)
            dev = &cal->sheets[counted];
        counted += rs->counted;
        scores_sheet_row(b, s, i, dev);
        book_step(b);
    }
    sheet_table_end(b, s, rep->n_sheets ? scores_row(rep->n_sheets - 1) : 0, t + T_N - 1, 0);
}

/* ---- item means: per application per item, over the counted sheets ---- */

void sheet_item_means(struct book *b, struct sheet_out *s)
{
    const struct program *p = &b->c->program;
    static const char *const head[] = {N_("application"), N_("company"), N_("sheets")};
    header_row(b, s, 0, head, 3);
    item_headers(b, s, 0, 3);
    header_cell(b, s, 0, (lxw_col_t)(3 + p->n_items), _("total"));
    lxw_row_t r = 0;
    for (size_t i = 0; i < b->c->n_apps; i++) {
        const struct report_app *a = &b->rep->apps[i];
        if (a->n_counted == 0)
            continue;
        r++;
        cell_text(b, s, r, 0, b->c->apps[i].a.id, NULL);
        cell_text(b, s, r, 1, b->c->apps[i].a.company, NULL);
        cell_int(b, s, r, 2, (int64_t)a->n_counted);
        lxw_row_t first = scores_row(a->first_sheet);
        lxw_row_t end = first + (lxw_row_t)a->n_counted - 1;
        int64_t total = 0;
        for (size_t k = 0; k <= p->n_items; k++) {
            bool is_total = k == p->n_items;
            lxw_col_t from = is_total ? scores_total_col(b->c) : (lxw_col_t)(SCORES_FIRST_ITEM + k);
            int64_t sum = is_total ? total : a->item_sums[k];
            total += is_total ? 0 : a->item_sums[k];
            char *range = range_ref(b->scores, first, from, end);
            char *f = xasprintf("AVERAGE(%s)", range);
            double mean = (double)sum / (double)(a->n_counted * 10);
            cell_formula(b, s, r, (lxw_col_t)(3 + k), f, mean, b->f.hundredths, 6);
            free(f);
            free(range);
        }
    }
    sheet_table_end(b, s, r, (lxw_col_t)(3 + p->n_items), 0);
}

/* ---- amounts: each judge's vote, the majority test and the result (R10) ---- */

static const char *const amount_labels[] = {
    N_("application"),           N_("company"),  N_("requested"), N_("votes"),  N_("agreed"),
    N_("needed for a majority"), N_("majority"), N_("amount"),    N_("reason"),
};
#define AMOUNT_FIXED (sizeof amount_labels / sizeof amount_labels[0])

static void amount_row(struct book *b, struct sheet_out *s, lxw_row_t r, size_t i)
{
    const struct report_app *a = &b->rep->apps[i];
    const struct application *app = &b->c->apps[i].a;
    cell_text(b, s, r, 0, app->id, NULL);
    cell_text(b, s, r, 1, app->company, NULL);
    cell_money(b, s, r, 2, app->requested);
    cell_int(b, s, r, 3, a->amount.votes);
    cell_int(b, s, r, 4, a->amount.agree);
    cell_int(b, s, r, 5, a->amount.needed);
    cell_text(b, s, r, 6, a->amount.majority ? _("yes") : _("no"), NULL);
    if (a->row && a->row->has_amount) {
        cell_money(b, s, r, 7, a->row->amount);
        cell_text(b, s, r, 8, a->row->amount_reason, NULL);
    }
    for (size_t k = 0; k < a->n_counted; k++) {
        const struct report_sheet *rs = &b->rep->sheets[a->first_sheet + k];
        lxw_col_t c = (lxw_col_t)(AMOUNT_FIXED + 2 * k);
        cell_text(b, s, r, c, rs->judge, NULL);
        vote_cell(b, s, r, c + 1, rs->sheet);
    }
}

void sheet_amounts(struct book *b, struct sheet_out *s)
{
    header_row(b, s, 0, amount_labels, AMOUNT_FIXED);
    size_t most = 0;
    for (size_t i = 0; i < b->c->n_apps; i++)
        if (b->rep->apps[i].n_counted > most)
            most = b->rep->apps[i].n_counted;
    for (size_t k = 0; k < most && AMOUNT_FIXED + 2 * k + 1 < BOOK_MAX_COLS; k++) {
        char *judge = xasprintf(_("judge %zu"), k + 1);
        char *vote = xasprintf(_("vote %zu"), k + 1);
        header_cell(b, s, 0, (lxw_col_t)(AMOUNT_FIXED + 2 * k), judge);
        header_cell(b, s, 0, (lxw_col_t)(AMOUNT_FIXED + 2 * k + 1), vote);
        free(judge);
        free(vote);
    }
    lxw_row_t r = 0;
    for (size_t i = 0; i < b->c->n_apps; i++)
        if (b->rep->apps[i].n_counted > 0)
            amount_row(b, s, ++r, i);
    sheet_table_end(b, s, r, (lxw_col_t)(AMOUNT_FIXED + 2 * most - 1), 0);
}

/* ---- calibration: each judge against the panel ---- */

static const char *const calibration_labels[] = {
    N_("judge"),
    N_("panels"),
    N_("sheets"),
    N_("mean total"),
    N_("spread (standard deviation)"),
    N_("sheets compared"),
    N_("mean deviation from the other judges"),
    N_("sheets far from the panel"),
};

static char *panels_of(const struct call *c, int64_t judge)
{
    struct strlist names = {0};
    for (size_t i = 0; i < c->n_panels; i++)
        for (size_t k = 0; k < c->panels[i].n_judges; k++)
            if (c->panels[i].judges[k] == judge)
                strlist_add(&names, c->panels[i].name);
    char *joined = strlist_join(&names, ", ");
    strlist_free(&names);
    return joined;
}

void sheet_calibration(struct book *b, struct sheet_out *s)
{
    const struct calibration *cal = &b->rep->calibration;
    header_row(b, s, 0, calibration_labels, 8);
    for (size_t i = 0; i < cal->n_judges; i++) {
        const struct judge_calibration *j = &cal->judges[i];
        const struct person *who = call_person_by_id(b->c, j->judge);
        lxw_row_t r = (lxw_row_t)i + 1;
        cell_text(b, s, r, 0, who ? who->name : "?", NULL);
        char *panels = panels_of(b->c, j->judge);
        cell_text(b, s, r, 1, panels, NULL);
        free(panels);
        cell_int(b, s, r, 2, j->sheets);
        if (j->sheets) {
            cell_hundredths(b, s, r, 3, j->mean);
            cell_hundredths(b, s, r, 4, j->spread);
        }
        cell_int(b, s, r, 5, j->compared);
        if (j->compared)
            cell_hundredths(b, s, r, 6, j->deviation);
        cell_int(b, s, r, 7, j->far);
    }
    lxw_row_t note = (lxw_row_t)cal->n_judges + 2;
    char far[16];
    tenths_format(CALIBRATION_FAR_TENTHS, far, sizeof far);
    char *text = xasprintf(_("Counted sheets only (R6.3, R6.4). A sheet is far from the panel when "
                             "its total differs from the mean of the other judges' totals on the "
                             "same application by %s points or more. Shown for the committee; "
                             "no rule depends on it."),
                           far);
    cell_note(b, s, note, 0, text, NULL);
    free(text);
    worksheet_freeze_panes(s->ws, 1, 1);
    sheet_print(b, s,
                &(struct print_setup){.landscape = false,
                                      .repeat_rows = true,
                                      .head_first = 0,
                                      .head_last = 0,
                                      .repeat_cols = 1});
    sheet_widths(b, s);
}
