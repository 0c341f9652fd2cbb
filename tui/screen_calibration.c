/* Judge calibration: for each judge, the sheets submitted of those theirs to score (per panel),
 * the mean total, its spread, and the mean deviation from the rest of the panel on the same
 * applications, with a bar of that deviation; below, every sheet far from its panel. Figures
 * come from core (calibration.h, progress.h); this screen only lays them out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "tui/page.h"
#include "tui/table.h"

#define BAR_HALF 10 /* cells on each side of the centre line */

enum calibration_column {
    COL_JUDGE,
    COL_PANEL,
    COL_SHEETS,
    COL_MEAN,
    COL_SPREAD,
    COL_DEVIATION,
    COL_FAR,
    COL_BAR,
    COL_COUNT
};

static const struct table_column calibration_columns[COL_COUNT] = {
    [COL_JUDGE] = {.title = N_("judge"), .min_width = 6, .max_width = 16, .searched = true},
    [COL_PANEL] =
        {.title = N_("panel"), .min_width = 6, .max_width = 18, .squeeze = 2, .searched = true},
    [COL_SHEETS] = {.title = N_("sheets"), .align = ALIGN_RIGHT, .min_width = 6, .numeric = true},
    [COL_MEAN] = {.title = N_("mean"), .align = ALIGN_RIGHT, .min_width = 6, .numeric = true},
    [COL_SPREAD] = {.title = N_("spread"), .align = ALIGN_RIGHT, .min_width = 6, .numeric = true},
    [COL_DEVIATION] = {.title = N_("vs panel"),
                       .align = ALIGN_RIGHT,
                       .min_width = 7,
                       .numeric = true},
    [COL_FAR] = {.title = N_("far"), .align = ALIGN_RIGHT, .min_width = 3, .numeric = true},
    [COL_BAR] = {.title = N_("below | above the panel"),
                 .min_width = 2 * BAR_HALF + 1,
                 .squeeze = 1},
};

struct calibration_view {
    struct table table; /* row i is cal.judges[i] */
    struct page notes;
    struct calibration cal;
    bool hidden; /* a judge still scoring sees none of it */
};

static char *panels_of(const struct call *c, int64_t judge)
{
    struct strlist names = {0};
    for (size_t i = 0; i < c->n_panels; i++)
        for (size_t k = 0; k < c->panels[i].n_judges; k++)
            if (c->panels[i].judges[k] == judge)
                strlist_add(&names, c->panels[i].name);
    char *s = names.n ? strlist_join(&names, ", ") : xstrdup("-");
    strlist_free(&names);
    return s;
}

/* A deviation drawn from the centre: left below the panel, right above; scale in hundredths is
 * the full half-width. Any deviation at all shows at least one cell. */
static void bar_text(int64_t deviation, int64_t scale, char out[2 * BAR_HALF + 2])
{
    memset(out, ' ', 2 * BAR_HALF + 1);
    out[BAR_HALF] = '|';
    out[2 * BAR_HALF + 1] = '\0';
    int64_t size = deviation < 0 ? -deviation : deviation;
    int cells = scale > 0 ? (int)(size * BAR_HALF / scale) : 0;
    if (cells == 0 && size > 0)
        cells = 1;
    if (cells > BAR_HALF)
        cells = BAR_HALF;
    for (int i = 1; i <= cells; i++)
        out[deviation < 0 ? BAR_HALF - i : BAR_HALF + i] = '#';
}

static void signed_hundredths(int64_t v, char *out, size_t n)
{
    char digits[24];
    scaled_format(v < 0 ? -v : v, 2, digits, sizeof digits);
    snprintf(out, n, "%s%s", v < 0 ? "-" : v > 0 ? "+" : "", digits);
}

static void judge_row(struct calibration_view *v, const struct tui *t, const struct progress *pr,
                      const struct judge_calibration *j, int64_t scale)
{
    const struct person *p = call_person_by_id(&t->call, j->judge);
    size_t row = table_add_row(&v->table, j->far ? STYLE_ALERT : STYLE_NORMAL, 0);
    struct judge_progress jp = progress_of_judge(pr, j->judge);
    char sheets[32], mean[32] = "", spread[32] = "", dev[32] = "", far[16], bar[2 * BAR_HALF + 2];
    snprintf(sheets, sizeof sheets, "%d/%d", jp.submitted, jp.expected);
    if (j->sheets) {
        scaled_format(j->mean, 2, mean, sizeof mean);
        scaled_format(j->spread, 2, spread, sizeof spread);
    }
    bar[0] = '\0';
    if (j->compared) {
        signed_hundredths(j->deviation, dev, sizeof dev);
        bar_text(j->deviation, scale, bar);
    }
    snprintf(far, sizeof far, "%d", j->far);
    char *panels = panels_of(&t->call, j->judge);
    table_set(&v->table, row, COL_JUDGE, p ? p->name : "?", 0);
    table_set(&v->table, row, COL_PANEL, panels, 0);
    table_set(&v->table, row, COL_SHEETS, sheets, jp.submitted);
    table_set(&v->table, row, COL_MEAN, mean, j->mean);
    table_set(&v->table, row, COL_SPREAD, spread, j->spread);
    table_set(&v->table, row, COL_DEVIATION, dev, j->deviation);
    table_set(&v->table, row, COL_FAR, far, j->far);
    table_set(&v->table, row, COL_BAR, bar, j->deviation);
    free(panels);
}

/* Every sheet far from its panel, after a line on how to read the table. */
/* A judge's view (issue 15): only the judges of the panels that judge sits on (the viewer
 * sees this screen only once their own sheets are in); nothing of other panels. */
static bool shown_to(const struct tui *t, int64_t judge)
{
    const struct person *viewer = tui_viewer(t);
    if (!viewer || viewer->role != ROLE_JUDGE || viewer->id == judge)
        return true;
    const struct call *c = &t->call;
    for (size_t i = 0; i < c->n_panels; i++) {
        bool mine = false, theirs = false;
        for (size_t k = 0; k < c->panels[i].n_judges; k++) {
            mine |= c->panels[i].judges[k] == viewer->id;
            theirs |= c->panels[i].judges[k] == judge;
        }
        if (mine && theirs)
            return true;
    }
    return false;
}

static void notes_build(struct calibration_view *v, const struct tui *t, int64_t scale)
{
    char far[16], full[32];
    tenths_format(CALIBRATION_FAR_TENTHS, far, sizeof far);
    scaled_format(scale, 2, full, sizeof full);
    page_addf(&v->notes, STYLE_DIM, 2,
              _("mean: of the judge's totals; spread: their standard deviation; vs panel: the "
                "mean of (total - the other judges' mean) on the same applications; a bar's "
                "half is %s points; far: %s points or more from the others' mean"),
              full, far);
    int flagged = 0;
    for (size_t i = 0; i < v->cal.n_sheets; i++) {
        const struct sheet_deviation *d = &v->cal.sheets[i];
        if (!d->far || !shown_to(t, d->judge))
            continue;
        const struct person *p = call_person_by_id(&t->call, d->judge);
        char total[32], others[32], dev[32];
        scaled_format(d->total_tenths, 1, total, sizeof total);
        scaled_format(d->others_mean, 2, others, sizeof others);
        signed_hundredths(d->deviation, dev, sizeof dev);
        page_addf(&v->notes, STYLE_ALERT, 4, _("  ! %s %s: total %s, the other %d: %s (%s)"),
                  t->call.apps[d->app].a.id, p ? p->name : "?", total, d->others, others, dev);
        flagged++;
    }
    if (!flagged)
        page_add(&v->notes, STYLE_GOOD, 2, _("  no sheet is far from its panel"));
}

/* A judge who has sheets of theirs still to submit sees no one's scores (DESIGN.md); a pinned
 * judge counts before signing in too. */
static bool hidden_from(const struct tui *t, const struct progress *pr)
{
    const struct person *me = tui_viewer(t);
    if (!me || me->role != ROLE_JUDGE)
        return false;
    struct judge_progress jp = progress_of_judge(pr, me->id);
    return jp.submitted < jp.expected;
}

static void calibration_build(struct tui *t, struct calibration_view *v)
{
    table_clear(&v->table);
    page_clear(&v->notes);
    calibration_free(&v->cal);
    struct progress pr;
    call_progress(&t->call, &pr);
    v->hidden = hidden_from(t, &pr);
    if (!v->hidden) {
        calibration_compute(&t->call, &v->cal);
        /* The bars' scale: the largest deviation, rounded up to whole points, at least one. */
        int64_t scale = 100;
        for (size_t i = 0; i < v->cal.n_judges; i++) {
            int64_t d = v->cal.judges[i].deviation;
            d = d < 0 ? -d : d;
            if (d > scale)
                scale = (d + 99) / 100 * 100;
        }
        for (size_t i = 0; i < v->cal.n_judges; i++)
            if (shown_to(t, v->cal.judges[i].judge))
                judge_row(v, t, &pr, &v->cal.judges[i], scale);
        notes_build(v, t, scale);
    } else {
        page_add(&v->notes, STYLE_ALERT, 2,
                 _("Judges see the other judges' scores only after submitting their own."));
    }
    progress_free(&pr);
    table_refresh(&v->table);
}

static void *calibration_open(struct tui *t, const void *arg)
{
    (void)arg;
    struct calibration_view *v = xcalloc(1, sizeof *v);
    table_init(&v->table, calibration_columns, COL_COUNT);
    v->table.sortable = true;
    calibration_build(t, v);
    return v;
}

static void calibration_close(void *state)
{
    struct calibration_view *v = state;
    table_free(&v->table);
    page_free(&v->notes);
    calibration_free(&v->cal);
    free(v);
}

static void calibration_reload(struct tui *t, void *state)
{
    calibration_build(t, state);
}

static void calibration_draw(struct tui *t, void *state, const struct area *body)
{
    struct calibration_view *v = state;
    struct area top = *body, bottom = *body;
    top.height = v->hidden ? 0 : (int)v->table.n_lines + 2;
    if (top.height > body->height / 2 + 2)
        top.height = body->height / 2 + 2;
    bottom.top = body->top + top.height;
    bottom.height = body->height - top.height;
    if (top.height > 0)
        table_draw(&v->table, t, &top);
    page_draw(&v->notes, t, &bottom);
}

static enum result calibration_key(struct tui *t, void *state, enum action a)
{
    struct calibration_view *v = state;
    switch (a) {
    case ACTION_CLICK:
        table_click(&v->table, t->click_y, t->click_x);
        return RESULT_HANDLED;
    case ACTION_PAGE_UP:
    case ACTION_PAGE_DOWN:
        return page_key(&v->notes, a); /* the table of judges fits; the list of sheets may not */
    default:
        return table_key(&v->table, a);
    }
}

static void calibration_filter(struct tui *t, void *state, const char *text)
{
    (void)t;
    struct calibration_view *v = state;
    table_filter(&v->table, text);
}

static void calibration_info(struct tui *t, void *state, char *buf, size_t n)
{
    (void)t;
    struct calibration_view *v = state;
    table_position(&v->table, buf, n);
}

static const struct binding calibration_bindings[] = {
    {.key = 'o',
     .action = ACTION_SORT,
     .status = true,
     .help = N_("sort by the chosen column (h and l choose it)")},
    {.key = '/',
     .action = ACTION_FILTER,
     .help = N_("show only judges whose name or panel contains the text")},
    {.action = ACTION_NONE},
};

const struct screen screen_calibration = {
    .name = N_("Calibration"),
    .open = calibration_open,
    .close = calibration_close,
    .draw = calibration_draw,
    .key = calibration_key,
    .reload = calibration_reload,
    .filter = calibration_filter,
    .info = calibration_info,
    .actions = calibration_bindings,
};
