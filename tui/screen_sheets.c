/* One application's sheets side by side: a column per judge of its panel, a row per rubric item
 * (R6.1) with the item's mean and spread over the counted sheets, the totals, sheets far from
 * the rest of the panel, each judge's amount (R10.1) and the amount's reason (R10.4), opinions.
 * Opened from the board (v); h and l go to the previous and next application of the ranking.
 * Figures come from core (calibration.h); a judge who has not scored the application yet sees
 * none of them (DESIGN.md: judges see others' scores only after submitting their own). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"
#include "core/i18n.h"
#include "core/session.h"
#include "tui/draw.h"
#include "tui/page.h"

#define NUMBER_COLS 6 /* "100.00" */

struct sheets {
    size_t app; /* index into t->call.apps */
    struct page page;
};

/* The grid's geometry: the label column and one column per judge. */
struct grid {
    int64_t *judges; /* owned, every judge of the application */
    size_t n;
    int label_cols;
    int *judge_cols; /* owned, one per judge */
};

static void grid_free(struct grid *g)
{
    free(g->judges);
    free(g->judge_cols);
}

static char *item_label(const struct tui *t, const struct rubric_item *item)
{
    char max[16];
    tenths_format(item->max_tenths, max, sizeof max);
    return xasprintf("%s (%s)", tui_lang(t, item->name_ko, item->name_en), max);
}

static void grid_measure(const struct tui *t, const struct app_record *r, struct grid *g)
{
    const struct call *c = &t->call;
    g->n = call_app_judges(c, r, &g->judges);
    g->judge_cols = xcalloc(g->n + 1, sizeof *g->judge_cols);
    g->label_cols = text_width(_("total"));
    for (size_t k = 0; k < c->program.n_items; k++) {
        char *label = item_label(t, &c->program.items[k]);
        int w = text_width(label);
        g->label_cols = w > g->label_cols ? w : g->label_cols;
        free(label);
    }
    for (size_t j = 0; j < g->n; j++) {
        const struct person *p = call_person_by_id(c, g->judges[j]);
        int w = p ? text_width(p->name) : 1;
        g->judge_cols[j] = w > 5 ? w : 5; /* "100.0" */
    }
}

/* One line of the grid: the label, each judge's cell, then the mean and the spread. */
static void grid_line(struct page *pg, const struct grid *g, int style, const char *label,
                      char cells[][24], const char *mean, const char *spread)
{
    char *line = text_pad(label, g->label_cols, ALIGN_LEFT);
    for (size_t j = 0; j < g->n; j++) {
        char *cell = text_pad(cells[j], g->judge_cols[j], ALIGN_RIGHT);
        char *longer = xasprintf("%s %s", line, cell);
        free(cell);
        free(line);
        line = longer;
    }
    char *m = text_pad(mean, NUMBER_COLS, ALIGN_RIGHT),
         *s = text_pad(spread, NUMBER_COLS, ALIGN_RIGHT);
    page_addf(pg, style, 0, "  %s  %s %s", line, m, s);
    free(s);
    free(m);
    free(line);
}

/* A judge's cell: the score, "-" while not submitted, "x" for a conflict (R6.4). */
static void judge_cell(const struct app_record *r, int64_t judge, int32_t tenths, char out[24])
{
    if (call_has_conflict(r, judge))
        snprintf(out, 24, "x");
    else if (!call_sheet_of(r, judge))
        snprintf(out, 24, "-");
    else
        scaled_format(tenths, 1, out, 24);
}

static void stats_text(const struct item_stats *st, char mean[24], char spread[24])
{
    mean[0] = spread[0] = '\0';
    if (!st->n)
        return;
    scaled_format(st->mean, 2, mean, 24);
    scaled_format(st->max_tenths - st->min_tenths, 1, spread, 24);
}

static void grid_build(struct page *pg, const struct tui *t, const struct app_record *r)
{
    const struct program *p = &t->call.program;
    struct grid g;
    grid_measure(t, r, &g);
    struct app_sheet_stats st;
    app_sheet_stats(&t->call, r, &st);
    char(*cells)[24] = xcalloc(g.n + 1, sizeof *cells), mean[24], spread[24];
    for (size_t j = 0; j < g.n; j++) {
        const struct person *who = call_person_by_id(&t->call, g.judges[j]);
        snprintf(cells[j], sizeof cells[j], "%s", who ? who->name : "?");
    }
    /* "range": the highest sheet's item score minus the lowest */
    grid_line(pg, &g, STYLE_HEADER, _("item (max)"), cells, _("mean"), _("range"));
    for (size_t k = 0; k < p->n_items && k < PROGRAM_MAX_ITEMS; k++) {
        for (size_t j = 0; j < g.n; j++) {
            const struct app_sheet *s = call_sheet_of(r, g.judges[j]);
            judge_cell(r, g.judges[j], s ? s->s.item_tenths[k] : 0, cells[j]);
        }
        stats_text(&st.items[k], mean, spread);
        char *label = item_label(t, &p->items[k]);
        grid_line(pg, &g, STYLE_NORMAL, label, cells, mean, spread);
        free(label);
    }
    for (size_t j = 0; j < g.n; j++) {
        const struct app_sheet *s = call_sheet_of(r, g.judges[j]);
        judge_cell(r, g.judges[j], s ? sheet_total(p, &s->s) : 0, cells[j]);
    }
    stats_text(&st.total, mean, spread);
    grid_line(pg, &g, STYLE_STRONG, _("total"), cells, mean, spread);
    char *counted = xasprintf(
        ngettext("%d sheet counted", "%d sheets counted", (unsigned long)st.n_sheets), st.n_sheets);
    page_addf(pg, STYLE_DIM, 2,
              _("  %s; range = highest - lowest; - not submitted yet, x declared a conflict "
                "(R6.4)"),
              counted);
    free(counted);
    free(cells);
    grid_free(&g);
}

/* Sheets far from the rest of the panel (core/calibration.h), and sheets kept but not counted. */
static void flags_build(struct page *pg, const struct tui *t, const struct app_record *r)
{
    const struct call *c = &t->call;
    struct calibration cal;
    calibration_compute(c, &cal);
    size_t app = (size_t)(r - c->apps);
    for (size_t i = 0; i < cal.n_sheets; i++) {
        const struct sheet_deviation *d = &cal.sheets[i];
        if (d->app != app || !d->far)
            continue;
        const struct person *who = call_person_by_id(c, d->judge);
        char total[24], others[24], dev[24], far[24];
        scaled_format(d->total_tenths, 1, total, sizeof total);
        scaled_format(d->others_mean, 2, others, sizeof others);
        scaled_format(d->deviation < 0 ? -d->deviation : d->deviation, 2, dev, sizeof dev);
        tenths_format(CALIBRATION_FAR_TENTHS, far, sizeof far);
        page_addf(pg, STYLE_ALERT, 4,
                  d->deviation < 0
                      ? _("  ! %s: total %s is %s points below the mean of the other %d (%s): "
                          "far from the panel (%s points or more)")
                      : _("  ! %s: total %s is %s points above the mean of the other %d (%s): "
                          "far from the panel (%s points or more)"),
                  who ? who->name : "?", total, dev, d->others, others, far);
    }
    calibration_free(&cal);
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (sheet_is_counted(c, r, &s->s))
            continue;
        const struct person *who = call_person_by_id(c, s->s.judge);
        page_addf(pg, STYLE_DIM, 4, _("  %s's sheet is kept but not counted (R6.3, R6.4)"),
                  who ? who->name : "?");
    }
}

static void amounts_build(struct page *pg, const struct tui *t, const struct app_record *r)
{
    struct strlist parts = {0};
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        const struct person *who = call_person_by_id(&t->call, s->s.judge);
        char won[32];
        if (s->s.agree)
            snprintf(won, sizeof won, "%s", _("agree"));
        else
            amount_format(s->s.amount, won, sizeof won);
        strlist_addf(&parts, "%s %s%s", who ? who->name : "?", won,
                     s->s.transcribed ? _(" (transcribed)") : "");
    }
    char requested[32];
    amount_format(r->a.requested, requested, sizeof requested);
    char *list = strlist_join(&parts, ", ");
    page_addf(pg, STYLE_NORMAL, 4, _("  Amounts (R10.1, requested %s): %s"), requested,
              parts.n ? list : "-");
    free(list);
    strlist_free(&parts);
    const struct rank_row *row = tui_rank_row(t, (size_t)(r - t->call.apps));
    if (row && row->has_amount && row->amount_reason)
        page_addf(pg, STYLE_NORMAL, 4, _("  Amount (R10.4): %s"), row->amount_reason);
}

static void opinions_build(struct page *pg, const struct tui *t, const struct app_record *r)
{
    bool heading = false;
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!s->s.opinion || !*s->s.opinion)
            continue;
        if (!heading) {
            page_add(pg, STYLE_NORMAL, 0, "");
            page_add(pg, STYLE_HEADER, 0, _("Opinions"));
        }
        heading = true;
        const struct person *who = call_person_by_id(&t->call, s->s.judge);
        page_addf(pg, STYLE_NORMAL, 4, "  %s: %s", who ? who->name : "?", s->s.opinion);
    }
}

static void result_line(struct page *pg, const struct tui *t, const struct app_record *r)
{
    const struct rank_row *row = tui_rank_row(t, (size_t)(r - t->call.apps));
    if (!row)
        return;
    int decimals = t->call.program.decimals;
    if (row->has_result) {
        char base[32], bonus[32], fin[32];
        scaled_format(row->base, decimals, base, sizeof base);
        scaled_format(row->bonus, decimals, bonus, sizeof bonus);
        scaled_format(row->final, decimals, fin, sizeof fin);
        page_addf(pg, STYLE_NORMAL, 2, _("base %s + bonus %s = final %s"), base, bonus, fin);
    }
    page_add(pg, STYLE_NORMAL, 2, row->reason ? row->reason : outcome_label(row->outcome));
}

static void sheets_build(struct tui *t, struct sheets *s)
{
    page_clear(&s->page);
    if (s->app >= t->call.n_apps)
        return;
    const struct app_record *r = &t->call.apps[s->app];
    page_addf(&s->page, STYLE_STRONG, 2, "%s  %s", r->a.id, r->a.company);
    if (!session_may_see_scores(&t->call, r, t->me)) {
        page_add(&s->page, STYLE_ALERT, 2,
                 _("Judges see the other judges' scores only after submitting their own."));
        return;
    }
    result_line(&s->page, t, r);
    page_add(&s->page, STYLE_NORMAL, 0, "");
    grid_build(&s->page, t, r);
    page_add(&s->page, STYLE_NORMAL, 0, "");
    flags_build(&s->page, t, r);
    amounts_build(&s->page, t, r);
    opinions_build(&s->page, t, r);
}

static void *sheets_open(struct tui *t, const void *arg)
{
    struct sheets *s = xcalloc(1, sizeof *s);
    s->app = arg ? *(const size_t *)arg : 0;
    sheets_build(t, s);
    return s;
}

static void sheets_close(void *state)
{
    struct sheets *s = state;
    page_free(&s->page);
    free(s);
}

static void sheets_reload(struct tui *t, void *state)
{
    sheets_build(t, state);
}

static void sheets_draw(struct tui *t, void *state, const struct area *body)
{
    struct sheets *s = state;
    page_draw(&s->page, t, body);
}

/* The application before or after this one in the ranking's order (the board's rows). */
static void sheets_step(struct tui *t, struct sheets *s, int dir)
{
    for (size_t i = 0; i < t->rank.n; i++) {
        if (t->rank.rows[i].app != s->app)
            continue;
        size_t to = dir < 0 ? (i ? i - 1 : i) : (i + 1 < t->rank.n ? i + 1 : i);
        s->app = t->rank.rows[to].app;
        s->page.top = 0;
        sheets_build(t, s);
        return;
    }
}

static enum result sheets_key(struct tui *t, void *state, enum action a)
{
    struct sheets *s = state;
    switch (a) {
    case ACTION_LEFT:
    case ACTION_RIGHT:
        sheets_step(t, s, a == ACTION_LEFT ? -1 : 1);
        return RESULT_HANDLED;
    case ACTION_OPEN:
        tui_push(t, &screen_app, &s->app);
        return RESULT_HANDLED;
    default:
        return page_key(&s->page, a);
    }
}

static void sheets_info(struct tui *t, void *state, char *buf, size_t n)
{
    struct sheets *s = state;
    for (size_t i = 0; i < t->rank.n; i++)
        if (t->rank.rows[i].app == s->app)
            snprintf(buf, n, _("application %zu of %zu in the ranking; h and l: previous, next"),
                     i + 1, t->rank.n);
}

static const struct binding sheets_bindings[] = {
    {.key = '\r', .action = ACTION_OPEN, .status = true, .help = N_("open the application")},
    {.key = '\n', .action = ACTION_OPEN},
    {.key = 'h', .action = ACTION_LEFT, .help = N_("the previous application of the ranking")},
    {.key = 'l', .action = ACTION_RIGHT, .help = N_("the next application of the ranking")},
    {.action = ACTION_NONE},
};

const struct screen screen_sheets = {
    .name = N_("Sheets"),
    .open = sheets_open,
    .close = sheets_close,
    .draw = sheets_draw,
    .key = sheets_key,
    .reload = sheets_reload,
    .info = sheets_info,
    .actions = sheets_bindings,
};
