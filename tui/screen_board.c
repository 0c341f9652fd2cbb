/* The committee board: the ranking exactly as call_rank gives it, the threshold line between
 * the targets and the rest (R7.3), unresolved ties highlighted (R9.3), the budget bar (R11). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
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
    [COL_BAND] = {.title = N_("band"), .min_width = 6, .squeeze = 1},
    [COL_OUTCOME] = {.title = N_("outcome"), .min_width = 6},
    [COL_AMOUNT] = {.title = N_("amount"), .align = ALIGN_RIGHT, .min_width = 11},
};

#define HEAD_LINES 3 /* budget, summary, a blank line above the table */

struct board {
    struct table table; /* row i is t->rank.rows[i] */
    char *rule;         /* the threshold line's label */
};

static void row_fill(struct table *tb, const struct tui *t, const struct rank_row *row)
{
    const struct app_record *r = &t->call.apps[row->app];
    int decimals = t->call.program.decimals;
    bool tie = row->tie_group && !row->tie_resolved;
    size_t i = table_add_row(tb, tie ? STYLE_TIE : STYLE_NORMAL, row->band == BAND_TARGET ? 0 : 1);
    char rank[16] = "", base[32] = "", bonus[24] = "", fin[32] = "", amount[32] = "";
    if (row->rank > 0)
        snprintf(rank, sizeof rank, "%s%d", row->tie_group ? "=" : "", row->rank);
    if (row->has_result) {
        scaled_format(row->base, decimals, base, sizeof base);
        scaled_format(row->final, decimals, fin, sizeof fin);
        if (row->bonus_tenths > 0) {
            char points[16];
            tenths_format(row->bonus_tenths, points, sizeof points);
            snprintf(bonus, sizeof bonus, "+%s", points);
        }
    }
    if (row->has_amount)
        amount_format(row->amount, amount, sizeof amount);
    table_set(tb, i, COL_RANK, rank, row->rank);
    table_set(tb, i, COL_APP, r->a.id, 0);
    table_set(tb, i, COL_COMPANY, r->a.company, 0);
    table_set(tb, i, COL_BASE, base, row->base);
    table_set(tb, i, COL_BONUS, bonus, row->bonus_tenths);
    table_set(tb, i, COL_FINAL, fin, row->final);
    table_set(tb, i, COL_BAND, band_label(row->band), row->band);
    table_set(tb, i, COL_OUTCOME, outcome_label(row->outcome), row->outcome);
    table_set(tb, i, COL_AMOUNT, amount, row->amount);
}

static void board_build(struct tui *t, struct board *b)
{
    table_clear(&b->table);
    for (size_t i = 0; i < t->rank.n; i++)
        row_fill(&b->table, t, &t->rank.rows[i]);
    char points[16];
    tenths_format(t->call.program.threshold_tenths, points, sizeof points);
    free(b->rule);
    b->rule = xasprintf(_("%s-point line (R7.3): targets above, the rest below"), points);
    b->table.group_rule = b->rule;
    table_refresh(&b->table);
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

static void board_draw(struct tui *t, void *state, const struct area *body)
{
    struct board *b = state;
    budget_draw(t, body->top, body->left, body->width);
    summary_draw(t, body->top + 1, body->left, body->width);
    struct area rest = {.top = body->top + HEAD_LINES,
                        .left = body->left,
                        .height = body->height - HEAD_LINES,
                        .width = body->width};
    table_draw(&b->table, t, &rest);
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

static const struct binding board_bindings[] = {
    {.key = '\r', .action = ACTION_OPEN, .status = true, .help = N_("open the application")},
    {.key = '\n', .action = ACTION_OPEN},
    {.key = KEY_ENTER, .function = true, .action = ACTION_OPEN},
    {.key = '/',
     .action = ACTION_FILTER,
     .status = true,
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
