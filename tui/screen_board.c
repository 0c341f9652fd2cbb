/* The committee board: the ranking exactly as call_rank gives it, the threshold line between
 * the targets and the rest (R7.3), ties that decide who is selected highlighted (R9.3, R11.4),
 * the budget bar (R11), scoring progress per panel, the selected row's reasons (R10.4), and the
 * committee's signed changes (board_actions.c); read-only once the result is final (R14). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/progress.h"
#include "tui/board.h"
#include "tui/table.h"

enum board_column {
    COL_RANK,
    COL_APP,
    COL_COMPANY,
    COL_BASE,
    COL_BONUS,
    COL_FINAL,
    COL_BAND,
    COL_OUTCOME,
    COL_AMOUNT,
    COL_COUNT
};

static const struct table_column board_columns[COL_COUNT] = {
    [COL_RANK] = {.title = N_("rank"), .align = ALIGN_RIGHT, .min_width = 4},
    [COL_APP] = {.title = N_("app"), .min_width = 8, .searched = true},
    [COL_COMPANY] = {.title = N_("company"), .min_width = 8, .max_width = 22, .searched = true},
    [COL_BASE] = {.title = N_("base"), .align = ALIGN_RIGHT, .min_width = 5},
    [COL_BONUS] = {.title = N_("bonus"), .align = ALIGN_RIGHT, .min_width = 3},
    [COL_FINAL] = {.title = N_("final"), .align = ALIGN_RIGHT, .min_width = 5},
    /* Below the line the band often says what the outcome says ("ineligible"): on a narrow
     * terminal once is enough, and the words stay whole. */
    [COL_BAND] = {.title = N_("band"), .min_width = 6, .squeeze = 1, .same_as = COL_OUTCOME + 1},
    [COL_OUTCOME] = {.title = N_("outcome"), .min_width = 6},
    [COL_AMOUNT] = {.title = N_("amount"), .align = ALIGN_RIGHT, .min_width = 10},
};

#define HEAD_LINES 3 /* budget, summary, progress per panel (or the final result) */
#define FOOT_LINES 2 /* the selected row: why, and how its amount was found (R10.4) */

struct board {
    struct table table; /* row i is t->rank.rows[i] */
    char *rule;         /* the threshold line's label */
    struct final_state final;
    struct progress progress;
    size_t *row_app; /* the application of each row at the last build */
    size_t n_rows_app;
};

static void row_fill(struct table *tb, const struct tui *t, const struct rank_row *row)
{
    const struct app_record *r = &t->call.apps[row->app];
    int decimals = t->call.program.decimals;
    /* R11.4: highlighted is the tie whose order changes who is selected; a tie every order of
     * which selects the same members shows only its shared rank. */
    bool tie = row->outcome == OUTCOME_TIE;
    size_t i = table_add_row(tb, tie ? STYLE_TIE : STYLE_NORMAL, row->band == BAND_TARGET ? 0 : 1);
    char rank[16] = "", base[32] = "", bonus[24] = "", fin[32] = "", amount[32] = "";
    /* A judge sees no result of an application before submitting their own sheet for it. */
    bool hidden = tui_scores_hidden(t, r);
    if (!hidden)
        rank_label(row, rank);
    if (row->has_result && !hidden) {
        scaled_format(row->base, decimals, base, sizeof base);
        scaled_format(row->final, decimals, fin, sizeof fin);
        if (row->bonus_tenths > 0) {
            char points[16];
            tenths_format(row->bonus_tenths, points, sizeof points);
            snprintf(bonus, sizeof bonus, "+%s", points);
        }
    }
    if (row->has_amount && !hidden)
        amount_format(row->amount, amount, sizeof amount);
    table_set(tb, i, COL_RANK, rank, row->rank);
    table_set(tb, i, COL_APP, r->a.id, 0);
    table_set(tb, i, COL_COMPANY, r->a.company, 0);
    table_set(tb, i, COL_BASE, base, row->base);
    table_set(tb, i, COL_BONUS, bonus, row->bonus_tenths);
    table_set(tb, i, COL_FINAL, fin, row->final);
    table_set(tb, i, COL_BAND, hidden ? "" : band_label(row->band), hidden ? 0 : row->band);
    table_set(tb, i, COL_OUTCOME,
              hidden ? _("(hidden until you submit)") : outcome_label(row->outcome),
              hidden ? 0 : row->outcome);
    table_set(tb, i, COL_AMOUNT, amount, row->amount);
}

static void board_build(struct tui *t, struct board *b)
{
    /* The selection stays on its application across a reload (a change moves rows). */
    size_t selected = table_selected(&b->table), app = (size_t)-1;
    if (selected != TABLE_NO_ROW && selected < b->n_rows_app)
        app = b->row_app[selected];
    table_clear(&b->table);
    for (size_t i = 0; i < t->rank.n; i++)
        row_fill(&b->table, t, &t->rank.rows[i]);
    char points[16];
    tenths_format(t->call.program.threshold_tenths, points, sizeof points);
    free(b->rule);
    b->rule = xasprintf(_("%s-point line (R7.3): targets above, the rest below"), points);
    b->table.group_rule = b->rule;
    table_refresh(&b->table);
    free(b->row_app);
    b->n_rows_app = t->rank.n;
    b->row_app = xcalloc(t->rank.n + 1, sizeof *b->row_app);
    for (size_t i = 0; i < t->rank.n; i++) {
        b->row_app[i] = t->rank.rows[i].app;
        if (b->row_app[i] == app)
            table_select(&b->table, i);
    }
    progress_free(&b->progress);
    call_progress(&t->call, &b->progress);
    const struct person *viewer = tui_viewer(t);
    if (viewer && viewer->role == ROLE_JUDGE)
        progress_for_judge(&b->progress, viewer->id);
    if (store_final_state(t->store, &b->final) < 0)
        tui_message(t, true, _("could not read the final result: %s"), store_errmsg(t->store));
}

static void *board_open(struct tui *t, const void *arg)
{
    (void)arg;
    struct board *b = xcalloc(1, sizeof *b);
    table_init(&b->table, board_columns, COL_COUNT);
    board_build(t, b);
    return b;
}

static void board_close(void *state)
{
    struct board *b = state;
    table_free(&b->table);
    progress_free(&b->progress);
    free(b->row_app);
    free(b->rule);
    free(b);
}

static void board_reload(struct tui *t, void *state)
{
    board_build(t, state);
}

/* "Budget 300,000,000 won: used 250,000,000, left 50,000,000 [#####   ]" */
static void budget_draw(const struct tui *t, int y, int x, int width)
{
    if (t->rank.budget_hidden) {
        draw_text(y, x,
                  _("Your view: the applications of your panel; results once your own "
                    "sheet is in"),
                  width, tui_attr(t, STYLE_DIM));
        return;
    }
    char used[32];
    amount_format(t->rank.used, used, sizeof used);
    if (!t->call.has_budget) {
        char *s = xasprintf(_("No budget set; the selected amounts come to %s won"), used);
        draw_text(y, x, s, width, tui_attr(t, STYLE_ALERT));
        free(s);
        return;
    }
    char budget[32], left[32];
    int64_t rest = t->call.budget - t->rank.used;
    amount_format(t->call.budget, budget, sizeof budget);
    amount_format(rest < 0 ? -rest : rest, left, sizeof left);
    char *s =
        xasprintf(_("Budget %s won: used %s, left %s%s"), budget, used, rest < 0 ? "-" : "", left);
    int cols = draw_text(y, x, s, width, tui_attr(t, STYLE_STRONG));
    free(s);
    /* The bar pictures the figures just drawn; it takes what room is left on the line. */
    int bar = width - cols - 4;
    if (bar < 10)
        return;
    int full = t->call.budget > 0 ? (int)(t->rank.used * bar / t->call.budget) : 0;
    if (full > bar)
        full = bar;
    int at = x + cols + 2;
    draw_text(y, at, "[", 1, A_NORMAL);
    (void)mvhline(y, at + 1, '#' | (chtype)tui_attr(t, STYLE_BAR_USED), full);
    (void)mvhline(y, at + 1 + full, '-' | (chtype)tui_attr(t, STYLE_DIM), bar - full);
    draw_text(y, at + 1 + bar, "]", 1, A_NORMAL);
}

static void summary_draw(const struct tui *t, int y, int x, int width)
{
    int selected = 0, waitlisted = 0, ties = 0;
    for (size_t i = 0; i < t->rank.n; i++) {
        selected += t->rank.rows[i].outcome == OUTCOME_SELECTED;
        waitlisted += t->rank.rows[i].outcome == OUTCOME_WAITLISTED;
        ties += t->rank.rows[i].outcome == OUTCOME_TIE;
    }
    char *s = xasprintf(_("%d selected, %d waitlisted, %d in unresolved ties"), selected,
                        waitlisted, ties);
    draw_text(y, x, s, width, tui_attr(t, ties ? STYLE_TIE : STYLE_NORMAL));
    free(s);
}

/* Draws s at (y, *x) in what is left of the line up to `end`; moves *x past it. */
static void piece_draw(int y, int *x, int end, const char *s, int attr)
{
    if (*x < end)
        *x += draw_text(y, *x, s, end - *x, attr);
}

/* "Sheets in: 바이오·의료 3/3 · 식품·화장품·제지 6/7 (waiting for 윤지아, 장태호)": of each panel's
 * applications, those with every sheet in (R6.4), and who is still to score; or the final result
 * once it is signed. */
static void progress_draw(const struct tui *t, const struct board *b, int y, int x, int width)
{
    int end = x + width;
    if (b->final.final) {
        char *text = board_final_text(t, &b->final);
        char *line = xasprintf(_("%s: amendments only (f, F)"), text);
        draw_text(y, x, line, width, tui_attr(t, STYLE_STRONG));
        free(line);
        free(text);
        return;
    }
    piece_draw(y, &x, end, _("Sheets in:"), tui_attr(t, STYLE_DIM));
    for (size_t i = 0; i < b->progress.n; i++) {
        const struct panel_progress *pp = &b->progress.panels[i];
        struct strlist waiting = {0};
        for (size_t k = 0; k < pp->n_judges; k++) {
            const struct judge_progress *jp = &pp->judges[k];
            const struct person *p = call_person_by_id(&t->call, jp->judge);
            if (jp->submitted < jp->expected)
                strlist_add(&waiting, p ? p->name : "?");
        }
        char *head = xasprintf("%s%s %d/%d", i ? " · " : " ",
                               pp->name ? pp->name : _("every judge"), pp->complete, pp->apps);
        piece_draw(y, &x, end, head, tui_attr(t, waiting.n ? STYLE_NORMAL : STYLE_GOOD));
        free(head);
        if (waiting.n) {
            char *names = strlist_join(&waiting, ", ");
            char *more = xasprintf(_(" (waiting for %s)"), names);
            piece_draw(y, &x, end, more, tui_attr(t, STYLE_ALERT));
            free(more);
            free(names);
        }
        strlist_free(&waiting);
    }
}

/* A label and a text on one line, the labels padded to label_cols, the text cut at a word. */
static void labelled_draw(const struct tui *t, int y, int x, int width, int label_cols,
                          const char *label, const char *text)
{
    char *padded = text_pad(label, label_cols, ALIGN_LEFT);
    int cols = draw_text(y, x, padded, width, tui_attr(t, STYLE_DIM));
    free(padded);
    char *clipped = text_clip_words(text, width - cols - 1);
    draw_text(y, x + cols + 1, clipped, width - cols - 1, A_NORMAL);
    free(clipped);
}

/* The selected row: why it has its band and outcome, and how its amount was found (R10.4). */
static void detail_draw(const struct tui *t, const struct board *b, int y, int x, int width)
{
    size_t row = table_selected(&b->table);
    if (row == TABLE_NO_ROW || row >= t->rank.n)
        return;
    const struct rank_row *rr = &t->rank.rows[row];
    const char *why_label = _("why"), *amount_label = _("amount");
    int label_cols = text_width(why_label) > text_width(amount_label) ? text_width(why_label)
                                                                      : text_width(amount_label);
    label_cols = label_cols < 8 ? 8 : label_cols;
    if (tui_scores_hidden(t, &t->call.apps[rr->app])) {
        labelled_draw(t, y, x, width, label_cols, why_label,
                      _("hidden until you have submitted your own sheet for it"));
        return;
    }
    char *why = xasprintf("%s: %s", t->call.apps[rr->app].a.id, rr->reason ? rr->reason : "");
    labelled_draw(t, y, x, width, label_cols, why_label, why);
    free(why);
    if (rr->has_amount && rr->amount_reason)
        labelled_draw(t, y + 1, x, width, label_cols, amount_label, rr->amount_reason);
}

static void board_draw(struct tui *t, void *state, const struct area *body)
{
    struct board *b = state;
    budget_draw(t, body->top, body->left, body->width);
    summary_draw(t, body->top + 1, body->left, body->width);
    progress_draw(t, b, body->top + 2, body->left, body->width);
    struct area rest = {.top = body->top + HEAD_LINES,
                        .left = body->left,
                        .height = body->height - HEAD_LINES - FOOT_LINES,
                        .width = body->width};
    table_draw(&b->table, t, &rest);
    detail_draw(t, b, rest.top + rest.height, body->left, body->width);
}

static enum result board_key(struct tui *t, void *state, enum action a)
{
    struct board *b = state;
    size_t row;
    switch (a) {
    case ACTION_OPEN:
        row = table_selected(&b->table);
        if (row != TABLE_NO_ROW && row < t->rank.n)
            tui_push(t, &screen_app, &t->rank.rows[row].app);
        return RESULT_HANDLED;
    case ACTION_CLICK:
        table_click(&b->table, t->click_y - HEAD_LINES, t->click_x);
        return RESULT_HANDLED;
    case ACTION_SHEETS:
        row = table_selected(&b->table);
        if (row != TABLE_NO_ROW && row < t->rank.n)
            tui_push(t, &screen_sheets, &t->rank.rows[row].app);
        return RESULT_HANDLED;
    case ACTION_CALIBRATION:
        tui_push(t, &screen_calibration, NULL);
        return RESULT_HANDLED;
    case ACTION_BUDGET:
        board_budget(t, &b->final);
        return RESULT_HANDLED;
    case ACTION_TIE:
        board_tie(t, &b->final, table_selected(&b->table));
        return RESULT_HANDLED;
    case ACTION_FORFEIT:
        board_forfeit(t, &b->final, table_selected(&b->table));
        return RESULT_HANDLED;
    case ACTION_FINALIZE:
        board_finalize(t, &b->final);
        return RESULT_HANDLED;
    default:
        return table_key(&b->table, a);
    }
}

static void board_filter(struct tui *t, void *state, const char *text)
{
    (void)t;
    struct board *b = state;
    table_filter(&b->table, text);
}

static void board_info(struct tui *t, void *state, char *buf, size_t n)
{
    (void)t;
    struct board *b = state;
    table_position(&b->table, buf, n);
}

/* On the status line the committee's keys come first, with S: at 80 columns they fit, Enter and
 * the other screens' keys are cut off (? lists them all). */
static const struct binding board_bindings[] = {
    {.key = 'S', .action = ACTION_SIGN_IN, .status = true},
    {.key = 'v',
     .action = ACTION_SHEETS,
     .status = true,
     .help = N_("every judge's sheet of the selected application side by side")},
    {.key = '$', .action = ACTION_BUDGET, .status = true},
    {.key = 't',
     .action = ACTION_TIE,
     .status = true,
     .help = N_("order the selected row's tie, or the first unresolved one (signed)")},
    {.key = 'f',
     .action = ACTION_FORFEIT,
     .status = true,
     .help = N_("the selected company forfeits; the form shows who is promoted (signed)")},
    {.key = 'F',
     .action = ACTION_FINALIZE,
     .status = true,
     .help = N_("sign the final result; afterwards only amendments (a forfeit, a new revision)")},
    {.key = 'c', .action = ACTION_CALIBRATION, .status = true},
    {.key = 'x', .action = ACTION_EXPORT, .status = true},
    {.key = '\r', .action = ACTION_OPEN, .status = true, .help = N_("open the application")},
    {.key = '\n', .action = ACTION_OPEN},
    {.key = KEY_ENTER, .function = true, .action = ACTION_OPEN},
    {.key = '/',
     .action = ACTION_FILTER,
     .help = N_("show only rows whose application id or company contains the text")},
    {.action = ACTION_NONE},
};

const struct screen screen_board = {
    .name = N_("Board"),
    .open = board_open,
    .close = board_close,
    .draw = board_draw,
    .key = board_key,
    .reload = board_reload,
    .filter = board_filter,
    .info = board_info,
    .actions = board_bindings,
};
