/* The applications: one row each, sortable by any column, filtered by id or company; Enter
 * opens one. Stage and outcome come from core (call_app_stage, call_rank). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/session.h"
#include "tui/table.h"

enum apps_column {
    COL_ID,
    COL_COMPANY,
    COL_REGION,
    COL_INDUSTRY,
    COL_SIZE,
    COL_REQUESTED,
    COL_STAGE,
    COL_OUTCOME,
    COL_COUNT
};

static const struct table_column apps_columns[COL_COUNT] = {
    [COL_ID] = {.title = N_("id"), .min_width = 8, .searched = true},
    [COL_COMPANY] = {.title = N_("company"), .min_width = 12, .max_width = 24, .searched = true},
    [COL_REGION] =
        {.title = N_("region"), .min_width = 8, .max_width = 22, .squeeze = 2, .droppable = true},
    [COL_INDUSTRY] = {.title = N_("industry"), .min_width = 6, .squeeze = 1},
    [COL_SIZE] = {.title = N_("size"), .min_width = 3, .squeeze = 1},
    [COL_REQUESTED] = {.title = N_("requested"),
                       .align = ALIGN_RIGHT,
                       .min_width = 10,
                       .numeric = true},
    [COL_STAGE] = {.title = N_("stage"), .min_width = 6, .numeric = true},
    [COL_OUTCOME] = {.title = N_("outcome"), .min_width = 6},
};

struct apps {
    struct table table; /* row i is t->call.apps[app_of[i]] */
    size_t *app_of;
};

static void apps_build(struct tui *t, struct apps *s)
{
    const struct call *c = &t->call;
    table_clear(&s->table);
    free(s->app_of);
    s->app_of = xcalloc(c->n_apps + 1, sizeof *s->app_of);
    const struct person *viewer = tui_viewer(t);
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        /* A judge's view: nothing of other panels or of their conflicts (issue 15). */
        if (session_visibility(c, r, viewer) == SEE_NOTHING)
            continue;
        const struct rank_row *rank = tui_rank_row(t, i);
        int style = rank && rank->outcome == OUTCOME_TIE ? STYLE_TIE : STYLE_NORMAL;
        size_t row = table_add_row(&s->table, style, 0);
        s->app_of[row] = i;
        char requested[32];
        amount_format(r->a.requested, requested, sizeof requested);
        enum stage stage = call_app_stage(c, r);
        table_set(&s->table, row, COL_ID, r->a.id, 0);
        table_set(&s->table, row, COL_COMPANY, r->a.company, 0);
        table_set(&s->table, row, COL_REGION, r->a.region, 0);
        table_set(&s->table, row, COL_INDUSTRY, r->a.industry, 0);
        table_set(&s->table, row, COL_SIZE, size_label(r->a.size), 0);
        table_set(&s->table, row, COL_REQUESTED, requested, r->a.requested);
        table_set(&s->table, row, COL_STAGE, stage_label(stage), (int64_t)stage);
        table_set(&s->table, row, COL_OUTCOME, rank ? outcome_label(rank->outcome) : "", 0);
    }
    table_refresh(&s->table);
}

static void *apps_open(struct tui *t, const void *arg)
{
    (void)arg;
    struct apps *s = xcalloc(1, sizeof *s);
    table_init(&s->table, apps_columns, COL_COUNT);
    s->table.sortable = true;
    apps_build(t, s);
    return s;
}

static void apps_close(void *state)
{
    struct apps *s = state;
    table_free(&s->table);
    free(s->app_of);
    free(s);
}

static void apps_reload(struct tui *t, void *state)
{
    apps_build(t, state);
}

static void apps_draw(struct tui *t, void *state, const struct area *body)
{
    struct apps *s = state;
    table_draw(&s->table, t, body);
}

static enum result apps_key(struct tui *t, void *state, enum action a)
{
    struct apps *s = state;
    size_t row;
    switch (a) {
    case ACTION_OPEN:
        row = table_selected(&s->table);
        if (row != TABLE_NO_ROW)
            tui_push(t, &screen_app, &s->app_of[row]);
        return RESULT_HANDLED;
    case ACTION_CLICK:
        table_click(&s->table, t->click_y, t->click_x);
        return RESULT_HANDLED;
    default:
        return table_key(&s->table, a);
    }
}

static void apps_filter(struct tui *t, void *state, const char *text)
{
    (void)t;
    struct apps *s = state;
    table_filter(&s->table, text);
}

static void apps_info(struct tui *t, void *state, char *buf, size_t n)
{
    (void)t;
    struct apps *s = state;
    char position[96];
    table_position(&s->table, position, sizeof position);
    snprintf(buf, n, _("%s; column: %s"), position, _(apps_columns[s->table.current_col].title));
}

static const struct binding apps_bindings[] = {
    {.key = '\r', .action = ACTION_OPEN, .status = true, .help = N_("open the application")},
    {.key = '\n', .action = ACTION_OPEN},
    {.key = KEY_ENTER, .function = true, .action = ACTION_OPEN},
    {.key = 's', .action = ACTION_SORT, .status = true},
    {.key = '/',
     .action = ACTION_FILTER,
     .status = true,
     .help = N_("show only applications whose id or company contains the text")},
    {.key = 'h', .action = ACTION_LEFT, .help = N_("choose the column to the left (to sort by)")},
    {.key = KEY_LEFT, .function = true, .action = ACTION_LEFT},
    {.key = 'l', .action = ACTION_RIGHT, .help = N_("choose the column to the right (to sort by)")},
    {.key = KEY_RIGHT, .function = true, .action = ACTION_RIGHT},
    {.action = ACTION_NONE},
};

const struct screen screen_apps = {
    .name = N_("Applications"),
    .open = apps_open,
    .close = apps_close,
    .draw = apps_draw,
    .key = apps_key,
    .reload = apps_reload,
    .filter = apps_filter,
    .info = apps_info,
    .actions = apps_bindings,
};
