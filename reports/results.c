/* The Results sheet (ranking with live formulas over the Scores sheet), its chart, and the
 * notification list for mail merge. Formulas are written with their cached values, so the
 * workbook audits itself and viewers that do not recalculate show the right numbers. */
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/notify.h"
#include "reports/book.h"
#include "reports/results.h"

const char *const results_labels[RESULTS_COLS] = {
    N_("rank"),    N_("application"),   N_("demand company"), N_("supplier"), N_("panel"),
    N_("sheets"),  N_("official base"), N_("bonus"),          N_("final"),    N_("band"),
    N_("outcome"), N_("requested"),     N_("amount"),         N_("reason"),
};

char *results_reason(const struct rank_row *row)
{
    const char *why = row->reason ? row->reason : "";
    if (row->has_amount && row->amount_reason)
        return xasprintf("%s; %s", why, row->amount_reason);
    return xstrdup(why);
}

/* Columns after the reason: each tie-break item's mean (R9.2), then the committee's order. */
static lxw_col_t tie_col(size_t k)
{
    return (lxw_col_t)(RESULTS_COLS + k);
}

static lxw_col_t order_col(const struct program *p)
{
    return tie_col(p->n_tie_break);
}

/* R7.1, R7.2: the official base over the application's block of counted totals. */
static char *base_formula(const struct program *p, const char *range)
{
    int d = p->decimals;
    if (p->aggregate == AGGREGATE_TRIMMED)
        return xasprintf("IF(COUNT(%1$s)>=5,ROUND((SUM(%1$s)-MAX(%1$s)-MIN(%1$s))/"
                         "(COUNT(%1$s)-2),%2$d),ROUND(AVERAGE(%1$s),%2$d))",
                         range, d);
    return xasprintf("ROUND(AVERAGE(%s),%d)", range, d);
}

/* R9: the rank among the ranked rows 2..last+1: higher final first, then each tie-break mean,
 * then the committee's order; rows equal on all of them share the rank (1, 2, 2, 4). */
static char *rank_formula(const struct program *p, lxw_row_t r, lxw_row_t last)
{
    char fin[4], col[4];
    col_letters(R_FINAL, fin);
    unsigned long row = (unsigned long)r + 1, end = (unsigned long)last + 1;
    col_letters(order_col(p), col);
    char *lexi = xasprintf("($%s$2:$%s$%lu<%s%lu)", col, col, end, col, row);
    for (size_t k = p->n_tie_break; k-- > 0;) {
        col_letters(tie_col(k), col);
        char *outer =
            xasprintf("($%1$s$2:$%1$s$%2$lu>%1$s%3$lu)+($%1$s$2:$%1$s$%2$lu=%1$s%3$lu)*(%4$s)", col,
                      end, row, lexi);
        free(lexi);
        lexi = outer;
    }
    char *f = xasprintf("RANK(%1$s%2$lu,$%1$s$2:$%1$s$%3$lu)+SUMPRODUCT(($%1$s$2:$%1$s$%3$lu="
                        "%1$s%2$lu)*(%4$s))",
                        fin, row, end, lexi);
    free(lexi);
    return f;
}

/* Rows of the ranked block: the ranked rows come first in the ranking. */
static lxw_row_t ranked_rows(const struct rank_result *res)
{
    lxw_row_t n = 0;
    while (n < res->n && res->rows[n].rank > 0)
        n++;
    return n;
}

static void result_scores(struct book *b, struct sheet_out *s, lxw_row_t r,
                          const struct report_app *a, lxw_row_t last_ranked)
{
    const struct program *p = &b->c->program;
    const struct rank_row *row = a->row;
    lxw_row_t first = scores_row(a->first_sheet), end = first + (lxw_row_t)a->n_counted - 1;
    char *range = a->n_counted ? range_ref(b->scores, first, scores_total_col(b->c), end) : NULL;
    if (range) {
        char *f = xasprintf("COUNT(%s)", range);
        cell_formula(b, s, r, R_SHEETS, f, row->n_sheets, b->f.integer, 3);
        free(f);
    } else {
        cell_int(b, s, r, R_SHEETS, row->n_sheets);
    }
    if (row->has_result && range) {
        char text[32], *f = base_formula(p, range);
        scaled_format(row->final, p->decimals, text, sizeof text);
        int w = (int)strlen(text);
        cell_formula(b, s, r, R_BASE, f, scaled_value(row->base, p->decimals), b->f.score, w);
        free(f);
        cell_scaled(b, s, r, R_BONUS, row->bonus);
        char base[4], bonus[4];
        col_letters(R_BASE, base);
        col_letters(R_BONUS, bonus);
        f = xasprintf("ROUND(%s%lu+%s%lu,%d)", base, (unsigned long)r + 1, bonus,
                      (unsigned long)r + 1, p->decimals);
        cell_formula(b, s, r, R_FINAL, f, scaled_value(row->final, p->decimals), b->f.score, w);
        free(f);
    }
    if (row->rank > 0) {
        char *f = rank_formula(p, r, last_ranked);
        cell_formula(b, s, r, R_RANK, f, row->rank, b->f.integer, 4);
        free(f);
    }
    free(range);
}

/* The tie-break item means (R9.2) and the committee's order (R9.3) the rank formula reads. A
 * mean is rounded to 6 places there so that equal means compare equal whatever order the
 * spreadsheet adds the scores in (distinct means differ by far more). */
static void result_tie_keys(struct book *b, struct sheet_out *s, lxw_row_t r,
                            const struct report_app *a)
{
    const struct program *p = &b->c->program;
    if (a->row->rank == 0 || a->n_counted == 0)
        return;
    lxw_row_t first = scores_row(a->first_sheet), end = first + (lxw_row_t)a->n_counted - 1;
    for (size_t k = 0; k < p->n_tie_break; k++) {
        size_t item = p->tie_break[k];
        char *range = range_ref(b->scores, first, (lxw_col_t)(SCORES_FIRST_ITEM + item), end);
        char *f = xasprintf("ROUND(AVERAGE(%s),6)", range);
        int64_t millionths = official_round(a->item_sums[item], (int64_t)a->n_counted, 6);
        cell_formula(b, s, r, tie_col(k), f, scaled_value(millionths, 6), b->f.hundredths, 6);
        free(f);
        free(range);
    }
    if (a->tie_order)
        cell_int(b, s, r, order_col(p), a->tie_order);
}

static void result_row(struct book *b, struct sheet_out *s, lxw_row_t r, const struct report_app *a,
                       lxw_row_t last_ranked)
{
    const struct application *app = &b->c->apps[a->app].a;
    const struct rank_row *row = a->row;
    char *why = results_reason(row);
    row_lines(s, r, text_lines(why, REASON_WIDTH));
    cell_text(b, s, r, R_APP, app->id, NULL);
    cell_text(b, s, r, R_COMPANY, app->company, NULL);
    cell_text(b, s, r, R_SUPPLIER, app->supplier, NULL);
    cell_text(b, s, r, R_PANEL, a->panel, NULL);
    result_scores(b, s, r, a, last_ranked);
    cell_text(b, s, r, R_BAND, band_label(row->band), NULL);
    cell_text(b, s, r, R_OUTCOME, outcome_label(row->outcome), NULL);
    cell_money(b, s, r, R_REQUESTED, app->requested);
    if (row->has_amount)
        cell_money(b, s, r, R_AMOUNT, row->amount);
    cell_text(b, s, r, R_REASON, why, b->f.wrap);
    free(why);
    result_tie_keys(b, s, r, a);
}

/* R7.3: rows under the line greyed, and a red rule under the last row at or above it. */
static void threshold_marks(struct book *b, struct sheet_out *s, lxw_row_t last, lxw_col_t cols)
{
    const struct program *p = &b->c->program;
    char col[4], thr[16];
    col_letters(p->threshold_counts_bonus ? R_FINAL : R_BASE, col);
    tenths_format(p->threshold_tenths, thr, sizeof thr);
    char *below = xasprintf("=AND(ISNUMBER($%1$s2),$%1$s2<%2$s)", col, thr);
    char *line = xasprintf("=AND(ISNUMBER($%1$s2),$%1$s2>=%2$s,OR(NOT(ISNUMBER($%1$s3)),"
                           "$%1$s3<%2$s))",
                           col, thr);
    lxw_conditional_format cf = {.type = LXW_CONDITIONAL_TYPE_FORMULA};
    cf.value_string = below;
    cf.format = b->f.below;
    worksheet_conditional_format_range(s->ws, 1, 0, last, cols - 1, &cf);
    cf.value_string = line;
    cf.format = b->f.line;
    worksheet_conditional_format_range(s->ws, 1, 0, last, cols - 1, &cf);
    free(below);
    free(line);
}

void sheet_results(struct book *b, struct sheet_out *s)
{
    const struct program *p = &b->c->program;
    const struct rank_result *res = &b->rep->rank;
    header_row(b, s, 0, results_labels, RESULTS_COLS);
    for (size_t k = 0; k < p->n_tie_break; k++) {
        const struct rubric_item *it = &p->items[p->tie_break[k]];
        char *label = xasprintf(_("mean of %s (R9.2)"), book_lang(b, it->name_ko, it->name_en));
        header_cell(b, s, 0, tie_col(k), label);
        free(label);
    }
    header_cell(b, s, 0, order_col(p), _("order set by the committee (R9.3)"));
    lxw_col_t cols = order_col(p) + 1;
    lxw_row_t ranked = ranked_rows(res);
    book_stage(b, s->name, res->n);
    for (size_t i = 0; i < res->n; i++) {
        result_row(b, s, (lxw_row_t)i + 1, report_app_of(b->rep, &res->rows[i]), ranked);
        book_step(b);
    }
    lxw_row_t last = res->n ? (lxw_row_t)res->n : 1;
    threshold_marks(b, s, last, cols);
    worksheet_freeze_panes(s->ws, 1, 2);
    worksheet_autofilter(s->ws, 0, 0, last, cols - 1);
    /* the tie-break means and the committee's order are the rank formula's, not for paper */
    sheet_print(b, s,
                &(struct print_setup){.landscape = true,
                                      .repeat_rows = true,
                                      .head_first = 0,
                                      .head_last = 0,
                                      .area_cols = RESULTS_COLS});
    if (s->width[R_REASON] >= TEXT_WIDTH_MAX)
        s->width[R_REASON] = REASON_WIDTH;
    sheet_widths(b, s);
}

/* ---- the chart of final scores, with the threshold and the budget line ---- */

/* The chart's data: A rank order, B application, C final, D threshold, E budget used (R11);
 * G:H the two points of the budget line. The chart itself is printed alone, from CHART_COL. */
enum { CH_POS, CH_APP, CH_FINAL, CH_THRESHOLD, CH_USED, CH_LINE_X = 6, CH_LINE_Y, CH_COLS };
#define CHART_COL 9
#define CHART_WIDE_COLS 16 /* the chart's size in default cells: an A4 landscape page */
#define CHART_TALL_ROWS 32
#define CHART_LABELS_MAX 40 /* more points than this are left unlabelled */

static const char *const chart_labels[] = {N_("rank order"), N_("application"), N_("final"),
                                           N_("threshold"), N_("budget used")};

static lxw_chart_series *chart_line(lxw_chart *chart, const char *sheet, lxw_row_t r1, lxw_row_t r2,
                                    lxw_col_t x, lxw_col_t y, const char *name)
{
    lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(se, sheet, r1, x, r2, x);
    chart_series_set_values(se, sheet, r1, y, r2, y);
    chart_series_set_name(se, name);
    return se;
}

static void chart_point_labels(struct book *b, lxw_chart_series *fin, lxw_row_t n)
{
    if (n > CHART_LABELS_MAX)
        return;
    const struct rank_result *res = &b->rep->rank;
    lxw_chart_data_label *labels = xcalloc(n, sizeof *labels);
    lxw_chart_data_label **list = xcalloc(n + 1, sizeof *list);
    lxw_row_t k = 0;
    for (size_t i = 0; i < res->n && k < n; i++)
        if (res->rows[i].has_result) {
            labels[k].value = b->c->apps[res->rows[i].app].a.id;
            list[k] = &labels[k];
            k++;
        }
    chart_series_set_labels(fin);
    chart_series_set_labels_position(fin, LXW_CHART_LABEL_POSITION_RIGHT);
    chart_series_set_labels_custom(fin, list);
    free(list);
    free(labels);
}

static void chart_insert(struct book *b, struct sheet_out *s, lxw_row_t n, lxw_row_t last_selected)
{
    const struct program *p = &b->c->program;
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_SCATTER_STRAIGHT);
    lxw_chart_series *fin = chart_line(chart, s->name, 1, n, CH_POS, CH_FINAL, _("final"));
    lxw_chart_line none = {.none = LXW_TRUE};
    chart_series_set_line(fin, &none);
    chart_series_set_marker_type(fin, LXW_CHART_MARKER_CIRCLE);
    chart_point_labels(b, fin, n);
    char thr[16];
    tenths_format(p->threshold_tenths, thr, sizeof thr);
    char *name = xasprintf(_("threshold %s"), thr);
    lxw_chart_series *line = chart_line(chart, s->name, 1, n, CH_POS, CH_THRESHOLD, name);
    free(name);
    lxw_chart_line red = {.color = 0xC00000, .width = 1.5};
    chart_series_set_line(line, &red);
    chart_series_set_marker_type(line, LXW_CHART_MARKER_NONE);
    if (last_selected > 0 && b->c->has_budget) {
        char budget[32];
        amount_format(b->c->budget, budget, sizeof budget);
        name = xasprintf(_("budget %s: the selection ends here"), budget);
        lxw_chart_series *cut = chart_line(chart, s->name, 1, 2, CH_LINE_X, CH_LINE_Y, name);
        free(name);
        lxw_chart_line blue = {
            .color = 0x1F4E79, .width = 1.5, .dash_type = LXW_CHART_LINE_DASH_DASH};
        chart_series_set_line(cut, &blue);
        chart_series_set_marker_type(cut, LXW_CHART_MARKER_NONE);
    }
    chart_title_set_name(chart, _("Final scores in rank order, with the threshold and the budget"));
    chart_axis_set_name(chart->x_axis, _("rank order"));
    chart_axis_set_name(chart->y_axis, _("final"));
    chart_axis_set_min(chart->x_axis, 0);
    chart_axis_set_max(chart->x_axis, (double)n + 1);
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, program_total_tenths(p) / 10.0 + 10);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options at = {.x_scale = CHART_WIDE_COLS * 64.0 / 480.0,
                            .y_scale = CHART_TALL_ROWS * 20.0 / 288.0};
    worksheet_insert_chart_opt(s->ws, 0, CHART_COL, chart, &at);
}

void sheet_chart(struct book *b, struct sheet_out *s)
{
    const struct program *p = &b->c->program;
    const struct rank_result *res = &b->rep->rank;
    header_row(b, s, 0, chart_labels, sizeof chart_labels / sizeof chart_labels[0]);
    header_cell(b, s, 0, CH_LINE_X, _("budget line"));
    char fin[4], thr[16];
    col_letters(R_FINAL, fin);
    tenths_format(p->threshold_tenths, thr, sizeof thr);
    lxw_row_t n = 0, last_selected = 0;
    for (size_t i = 0; i < res->n; i++)
        if (res->rows[i].has_result && res->rows[i].outcome == OUTCOME_SELECTED)
            last_selected = ++n;
        else if (res->rows[i].has_result)
            n++;
    double top = program_total_tenths(p) / 10.0 + 10;
    lxw_row_t k = 0;
    for (size_t i = 0; i < res->n; i++) {
        const struct rank_row *row = &res->rows[i];
        if (!row->has_result)
            continue;
        k++;
        cell_int(b, s, k, CH_POS, k);
        cell_text(b, s, k, CH_APP, b->c->apps[row->app].a.id, NULL);
        char *f = xasprintf("%s!%s%lu", b->results->quoted, fin, (unsigned long)i + 2);
        cell_formula(b, s, k, CH_FINAL, f, scaled_value(row->final, p->decimals), b->f.score, 6);
        free(f);
        cell_number(b, s, k, CH_THRESHOLD, p->threshold_tenths / 10.0, b->f.score,
                    (int)strlen(thr));
        cell_money(b, s, k, CH_USED, b->rep->used[i]);
        if (k <= 2 && last_selected > 0 && b->c->has_budget) {
            cell_number(b, s, k, CH_LINE_X, (double)last_selected + 0.5, b->f.tenths, 5);
            cell_number(b, s, k, CH_LINE_Y, k == 1 ? 0 : top, b->f.tenths, 5);
        }
    }
    if (n > 0)
        chart_insert(b, s, n, last_selected);
    else
        cell_note(b, s, 1, 0, _("no application has a result yet"), NULL);
    sheet_widths(b, s);
    sheet_print(b, s, &(struct print_setup){.landscape = true});
    /* the chart alone on one page */
    if (n > 0) {
        worksheet_print_area(s->ws, 0, CHART_COL, CHART_TALL_ROWS, CHART_COL + CHART_WIDE_COLS);
        worksheet_fit_to_pages(s->ws, 1, 1);
    }
}

/* ---- notification list (mail merge) ---- */

static const char *const notify_labels[] = {
    N_("application"),    N_("company"),
    N_("contact"),        N_("email"),
    N_("result"),         N_("final"),
    N_("rank"),           N_("amount"),
    N_("reason"),         N_("co-payment"),
    N_("co-payment due"), N_("advance payment"),
    N_("project period"), N_("development deadline"),
    N_("notification"),
};

/* R12.4: the applicant's notification as core/notify.c words it, the text `simsa notify` sends. */
char *notify_cell(const struct call *c, const struct rank_row *row, const bool *promoted)
{
    struct notify_input in;
    notify_input_of(c, row, promoted, &in);
    char *text = notify_body(&in);
    notify_input_free(&in);
    return text;
}

static void notify_terms(struct book *b, struct sheet_out *s, lxw_row_t r,
                         const struct application *a)
{
    struct agreement_terms t;
    agreement_terms(&b->c->program, a, &t);
    cell_money(b, s, r, 9, t.copay);
    cell_text(b, s, r, 10, t.copay_due, NULL);
    cell_money(b, s, r, 11, t.advance);
    cell_text(b, s, r, 12, t.project_period, NULL);
    cell_text(b, s, r, 13, t.development_due, NULL);
    agreement_terms_free(&t);
}

void sheet_notification(struct book *b, struct sheet_out *s)
{
    const struct rank_result *res = &b->rep->rank;
    header_row(b, s, 0, notify_labels, sizeof notify_labels / sizeof notify_labels[0]);
    book_stage(b, s->name, res->n);
    bool *promoted = notify_promoted_flags(b->c, res);
    for (size_t i = 0; i < res->n; i++) {
        const struct rank_row *row = &res->rows[i];
        const struct application *a = &b->c->apps[row->app].a;
        lxw_row_t r = (lxw_row_t)i + 1;
        char *why = results_reason(row);
        row_lines(s, r, text_lines(why, TEXT_WIDTH_MAX));
        cell_text(b, s, r, 0, a->id, NULL);
        cell_text(b, s, r, 1, a->company, NULL);
        cell_text(b, s, r, 2, a->contact_name, NULL);
        cell_text(b, s, r, 3, a->contact_email, NULL);
        cell_text(b, s, r, 4, outcome_plain_words(row->outcome), NULL);
        if (row->has_result)
            cell_scaled(b, s, r, 5, row->final);
        if (row->rank > 0)
            cell_int(b, s, r, 6, row->rank);
        if (row->has_amount)
            cell_money(b, s, r, 7, row->amount);
        cell_text(b, s, r, 8, why, b->f.wrap);
        free(why);
        if (row->outcome == OUTCOME_SELECTED) /* R12.2 */
            notify_terms(b, s, r, a);
        char *text = notify_cell(b->c, row, promoted);
        cell_text(b, s, r, 14, text, NULL);
        free(text);
        book_step(b);
    }
    free(promoted);
    sheet_table_end(b, s, (lxw_row_t)res->n,
                    (lxw_col_t)(sizeof notify_labels / sizeof notify_labels[0] - 1), 0);
}
