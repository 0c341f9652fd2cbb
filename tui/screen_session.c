/* The presentation session: the signed-in judge's panel lineup in presentation order (every
 * panel's for anyone else), the current presentation with its timer (the program's minutes of
 * presentation, then questions; core/session.h), a conflict declaration (R6.4) and the score
 * form (scoreform.h). A judge sees their own sheet only: never another judge's scores. The
 * secretariat may move an application in the lineup. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/session.h"
#include "db/draft.h"
#include "db/order.h"
#include "db/write.h"
#include "tui/form.h"
#include "tui/page.h"
#include "tui/scoreform.h"
#include "tui/table.h"

enum session_column {
    COL_POS,
    COL_ID,
    COL_COMPANY,
    COL_TITLE,
    COL_REQUESTED,
    COL_STATUS,
    COL_PANEL,
    COL_COUNT
};

static const struct table_column session_columns[COL_COUNT] = {
    [COL_POS] = {.title = N_("#"), .align = ALIGN_RIGHT, .min_width = 3},
    [COL_ID] = {.title = N_("id"), .min_width = 8, .searched = true},
    [COL_COMPANY] = {.title = N_("company"), .min_width = 10, .max_width = 22, .searched = true},
    [COL_TITLE] = {.title = N_("title"), .min_width = 8, .max_width = 30, .squeeze = 2},
    [COL_REQUESTED] = {.title = N_("requested"), .align = ALIGN_RIGHT, .min_width = 10},
    [COL_STATUS] = {.title = N_("status"), .min_width = 10, .max_width = 24},
    [COL_PANEL] = {.title = N_("panel"), .min_width = 4, .max_width = 16, .squeeze = 3},
};

struct session {
    struct table table; /* row i is lineup[i] */
    size_t *lineup;     /* indices into t->call.apps, in presentation order */
    size_t n;
    int64_t viewer; /* who the lineup was built for (0 = everyone's) */
    char *current;  /* the application presenting now, or NULL */
    struct session_timer timer;
    bool shared;           /* current and timer are the room's clock (the secretariat's) */
    struct strlist drafts; /* the viewer's applications with a draft */
    struct strlist ids;    /* the lineup's application ids, as last built */
    struct page page;      /* under the table: the current presentation, the own sheet */
};

/* A judge's own lineup (a pinned judge's before signing in too); anyone else sees every
 * panel's. */
static int64_t viewer_of(const struct tui *t)
{
    const struct person *me = tui_viewer(t);
    return me && me->role == ROLE_JUDGE ? me->id : 0;
}

static const char *panel_name(const struct call *c, int64_t panel)
{
    for (size_t i = 0; i < c->n_panels; i++)
        if (c->panels[i].id == panel)
            return c->panels[i].name;
    return "-";
}

static bool has_draft(const struct session *s, const char *app)
{
    for (size_t i = 0; i < s->drafts.n; i++)
        if (strcmp(s->drafts.v[i], app) == 0)
            return true;
    return false;
}

/* The status of a row for the viewer: their own sheet only, never another judge's scores. */
static char *row_status(const struct tui *t, const struct session *s, const struct app_record *r,
                        int *style)
{
    const struct call *c = &t->call;
    *style = STYLE_NORMAL;
    if (!s->viewer) {
        int64_t *judges;
        size_t n = call_app_judges(c, r, &judges);
        free(judges);
        return xasprintf(_("%zu of %zu sheets"), r->n_sheets, n);
    }
    const struct app_sheet *own = call_sheet_of(r, s->viewer);
    if (own) {
        char total[16];
        tenths_format(sheet_total(&c->program, &own->s), total, sizeof total);
        *style = STYLE_GOOD;
        return xasprintf(_("submitted ✓ %s"), total);
    }
    if (call_has_conflict(r, s->viewer)) {
        *style = STYLE_DIM;
        return xstrdup(_("closed (conflict)"));
    }
    return xstrdup(has_draft(s, r->a.id) ? _("draft") : _("to score"));
}

static void session_build(struct tui *t, struct session *s)
{
    const struct call *c = &t->call;
    /* The selection stays on its application (the lineup may have changed around it). */
    size_t row = table_selected(&s->table);
    char *keep = row < s->ids.n ? xstrdup(s->ids.v[row]) : NULL;
    strlist_free(&s->ids);
    free(s->lineup);
    s->viewer = viewer_of(t);
    s->n = session_lineup(c, s->viewer, &s->lineup);
    /* One clock for the room: the latest the secretariat recorded, on every screen. */
    struct room_clock rc;
    bool found = false;
    if (store_room_clock(t->store, &rc, &found) == 0 && found) {
        free(s->current);
        s->current = xstrdup(rc.app);
        s->timer = rc.timer;
        s->shared = true;
    }
    strlist_free(&s->drafts);
    if (s->viewer && draft_apps(t->store, s->viewer, &s->drafts) < 0)
        tui_message(t, true, "%s", store_errmsg(t->store));
    table_clear(&s->table);
    for (size_t i = 0; i < s->n; i++) {
        const struct app_record *r = &c->apps[s->lineup[i]];
        strlist_add(&s->ids, r->a.id);
        int style;
        char *status = row_status(t, s, r, &style), requested[32];
        bool now = s->current && strcmp(s->current, r->a.id) == 0;
        char *pos = xasprintf("%s%zu", now ? "▶" : "", i + 1);
        row = table_add_row(&s->table, now ? STYLE_STRONG : style, 0);
        amount_format(r->a.requested, requested, sizeof requested);
        table_set(&s->table, row, COL_POS, pos, (int64_t)i);
        table_set(&s->table, row, COL_ID, r->a.id, 0);
        table_set(&s->table, row, COL_COMPANY, r->a.company, 0);
        table_set(&s->table, row, COL_TITLE, r->a.title, 0);
        table_set(&s->table, row, COL_REQUESTED, requested, r->a.requested);
        table_set(&s->table, row, COL_STATUS, status, 0);
        table_set(&s->table, row, COL_PANEL, panel_name(c, r->panel), 0);
        free(pos);
        free(status);
    }
    table_refresh(&s->table);
    for (size_t i = 0; keep && i < s->n; i++)
        if (strcmp(s->ids.v[i], keep) == 0)
            table_select(&s->table, i);
    free(keep);
}

static void *session_open(struct tui *t, const void *arg)
{
    (void)arg;
    struct session *s = xcalloc(1, sizeof *s);
    table_init(&s->table, session_columns, COL_COUNT);
    timer_reset(&s->timer);
    session_build(t, s);
    return s;
}

static void session_close(void *state)
{
    struct session *s = state;
    table_free(&s->table);
    page_free(&s->page);
    strlist_free(&s->drafts);
    strlist_free(&s->ids);
    free(s->lineup);
    free(s->current);
    free(s);
}

static void session_reload(struct tui *t, void *state)
{
    session_build(t, state);
}

/* The application under the selection, or NULL. */
static struct app_record *selected_app(struct tui *t, const struct session *s)
{
    size_t row = table_selected(&s->table);
    return row == TABLE_NO_ROW ? NULL : &t->call.apps[s->lineup[row]];
}

/* ---- Drawing: the lineup, then the current presentation and the viewer's own sheet ---- */

static void timer_lines(struct tui *t, struct session *s, struct page *pg)
{
    const struct program *p = &t->call.program;
    const struct app_record *r = s->current ? call_find_app(&t->call, s->current) : NULL;
    if (!r) {
        page_add(pg, STYLE_DIM, 0, _("No presentation yet: Enter on an application starts it."));
        return;
    }
    page_addf(pg, STYLE_HEADER, 0, _("Now presenting: %s  %s"), r->a.id, r->a.company);
    int64_t now = tui_now_ms(t);
    char left[16];
    int64_t ms = timer_left_ms(p, &s->timer, now);
    enum timer_level level = timer_level(p, &s->timer, now);
    timer_format(level == TIMER_OVER ? -ms : ms, left, sizeof left); /* over time: how much */
    const char *state = s->timer.running ? _("running") : _("paused");
    const char *when = level == TIMER_ENDING ? _(" - ending soon") : "";
    int style = level == TIMER_OVER ? STYLE_BAD : level == TIMER_ENDING ? STYLE_TIE : STYLE_GOOD;
    const char *phase = s->timer.phase == TIMER_PRESENTATION ? _("Presentation") : _("Questions");
    if (s->timer.phase != TIMER_DONE && level == TIMER_OVER)
        page_addf(pg, style, 2, _("%s: over time by %s (%s)"), phase, left, state);
    else if (s->timer.phase != TIMER_DONE)
        page_addf(pg, style, 2, _("%s: %s left (%s)%s"), phase, left, state, when);
    if (s->timer.phase == TIMER_PRESENTATION)
        page_addf(pg, STYLE_DIM, 2, _("then %d:00 of questions; n moves on"), p->timer_questions);
    else if (s->timer.phase == TIMER_QUESTIONS)
        page_add(pg, STYLE_DIM, 2, _("n ends the questions"));
    else
        page_add(pg, STYLE_DIM, 2, _("Presentation and questions are over; n goes to the next."));
}

/* The viewer's own submitted sheet of the selected application: read-only. */
static void own_sheet_lines(struct tui *t, struct session *s, struct page *pg)
{
    const struct program *p = &t->call.program;
    const struct app_record *r = selected_app(t, s);
    const struct app_sheet *own = r && s->viewer ? call_sheet_of(r, s->viewer) : NULL;
    if (!own)
        return;
    page_addf(pg, STYLE_HEADER, 0, _("Your sheet for %s, signed %s (read-only)"), r->a.id,
              own->submitted_at);
    for (size_t k = 0; k < p->n_items; k++) {
        char score[16];
        tenths_format(own->s.item_tenths[k], score, sizeof score);
        const char *comment = sheet_comment(&own->s, k) ? sheet_comment(&own->s, k) : "";
        page_addf(pg, STYLE_NORMAL, 4, "  %s %s%s%s",
                  tui_lang(t, p->items[k].name_ko, p->items[k].name_en), score,
                  *comment ? " - " : "", comment);
    }
    char total[16], amount[32];
    tenths_format(sheet_total(p, &own->s), total, sizeof total);
    amount_format(own->s.agree ? r->a.requested : own->s.amount, amount, sizeof amount);
    page_addf(pg, STYLE_STRONG, 2, _("Total %s; amount %s won (%s)"), total, amount,
              own->s.agree ? _("agree") : _("adjusted"));
    if (own->s.opinion && *own->s.opinion)
        page_addf(pg, STYLE_NORMAL, 2, _("Opinion: %s"), own->s.opinion);
}

/* Whether the viewer's drafts are other than the lineup shows (a form was left since). */
static bool drafts_changed(struct tui *t, const struct session *s)
{
    struct strlist now = {0};
    bool changed = false;
    if (s->viewer && draft_apps(t->store, s->viewer, &now) == 0) {
        changed = now.n != s->drafts.n;
        for (size_t i = 0; !changed && i < now.n; i++)
            changed = strcmp(now.v[i], s->drafts.v[i]) != 0;
    }
    strlist_free(&now);
    return changed;
}

static void session_draw(struct tui *t, void *state, const struct area *body)
{
    struct session *s = state;
    if (s->viewer != viewer_of(t) || drafts_changed(t, s))
        session_build(t, s); /* signed in or out, or a draft saved, since */
    page_clear(&s->page);
    timer_lines(t, s, &s->page);
    own_sheet_lines(t, s, &s->page);
    if (!s->n)
        page_add(&s->page, STYLE_DIM, 0,
                 s->viewer ? _("Nothing to hear: no application of your panel passed review.")
                           : _("Nothing to hear: no application passed review."));
    int table_rows = (int)s->n + 2;
    if (table_rows > body->height / 2)
        table_rows = body->height / 2;
    struct area top = *body, bottom = *body;
    top.height = table_rows;
    bottom.top = body->top + table_rows + 1;
    bottom.height = body->height - table_rows - 1;
    table_draw(&s->table, t, &top);
    page_draw(&s->page, t, &bottom);
}

/* ---- The current presentation and its timer ---- */

/* The secretariat runs the room's clock: each change is an event every screen reads. */
static bool runs_room(const struct tui *t)
{
    const struct person *me = tui_me(t);
    return me && me->role == ROLE_SECRETARIAT;
}

/* Whether this screen may change the current presentation or the timer: the secretariat
 * always (recorded for the room), anyone else only a private timer while no room clock runs. */
static bool may_run_clock(struct tui *t, const struct session *s)
{
    if (runs_room(t) || !s->shared)
        return true;
    tui_message(t, true, "%s",
                _("the secretariat runs the room's clock; Enter on the "
                  "application presenting opens your score sheet"));
    return false;
}

/* Record the clock for the room when the secretariat changed it. */
static void clock_publish(struct tui *t, struct session *s)
{
    if (!runs_room(t) || !s->current)
        return;
    struct room_clock rc = {.timer = s->timer};
    snprintf(rc.app, sizeof rc.app, "%s", s->current);
    if (store_begin(t->store) || store_room_clock_set(t->store, &rc) || store_commit(t->store)) {
        tui_message(t, true, _("the room's clock was not recorded: %s"), store_errmsg(t->store));
        store_rollback(t->store);
        return;
    }
    s->shared = true;
}

static void current_set(struct tui *t, struct session *s, const struct app_record *r)
{
    free(s->current);
    s->current = xstrdup(r->a.id);
    timer_reset(&s->timer);
    clock_publish(t, s);
    session_build(t, s);
    tui_message(t, false, _("%s presents now: t starts the timer"), r->a.id);
}

/* n: the next phase; after the questions, the next application in the lineup. */
static void next_step(struct tui *t, struct session *s)
{
    if (!s->current || s->timer.phase != TIMER_DONE) {
        if (!s->current) {
            struct app_record *r = selected_app(t, s);
            if (r)
                current_set(t, s, r);
            return;
        }
        timer_next(&t->call.program, &s->timer, tui_now_ms(t));
        clock_publish(t, s);
        return;
    }
    for (size_t i = 0; i + 1 < s->n; i++) {
        if (strcmp(t->call.apps[s->lineup[i]].a.id, s->current) == 0) {
            table_select(&s->table, i + 1);
            current_set(t, s, &t->call.apps[s->lineup[i + 1]]);
            return;
        }
    }
    tui_message(t, false, "%s", _("that was the last presentation of the lineup"));
}

static void timer_key(struct tui *t, struct session *s)
{
    if (!s->current) {
        struct app_record *r = selected_app(t, s);
        if (!r)
            return;
        current_set(t, s, r);
    }
    if (s->timer.phase != TIMER_DONE) {
        timer_toggle(&s->timer, tui_now_ms(t));
        clock_publish(t, s);
    }
}

/* ---- A conflict of interest (R6.4), signed by the judge with the key unlocked at sign-in ---- */

static int conflict_submit(struct tui *t, struct form *f)
{
    const char *app = f->ctx;
    const struct person *me = tui_me(t);
    const struct app_record *r = call_find_app(&t->call, app);
    char why[256];
    const char *refusal = !r || !me ? _("sign in first (S): reading needs no sign-in, changes do")
                                    : session_conflict_refusal(&t->call, r, me, why, sizeof why);
    if (refusal) {
        snprintf(f->error, sizeof f->error, "%s", refusal);
        return -1;
    }
    char *reason = form_text(&f->fields[0]);
    str_trim(reason);
    int rc = store_begin(t->store) ||
             write_conflict(t->store, &t->call, r, me, reason, me, &t->key) ||
             store_commit(t->store);
    free(reason);
    if (rc) {
        snprintf(f->error, sizeof f->error, _("%s: %s; nothing was changed"), app,
                 store_errmsg(t->store));
        store_rollback(t->store);
        return -1;
    }
    tui_changed(t, _("%s: conflict of interest declared and signed; it is closed to you"), app);
    return 0;
}

static void conflict_declare(struct tui *t, struct session *s)
{
    struct app_record *r = selected_app(t, s);
    if (!r || !tui_may(t, ROLE_JUDGE))
        return;
    char why[256];
    const char *refusal = session_conflict_refusal(&t->call, r, tui_me(t), why, sizeof why);
    if (refusal) {
        tui_message(t, true, "%s", refusal);
        return;
    }
    struct form *f = form_new(_("Declare a conflict of interest"));
    form_intro(f, "%s  %s  %s", r->a.id, r->a.company, r->a.title);
    form_intro(f, "%s",
               _("R6.4: you will not score this application; the other judges' sheets "
                 "count. The declaration is signed with your key and cannot be undone."));
    form_add(f, FIELD_NOTES, _("Reason"), NULL)->rows = 3;
    f->ctx = xstrdup(r->a.id);
    f->ctx_free = free;
    f->submit = conflict_submit;
    f->submit_label = _("declare and sign");
    tui_form_open(t, f);
}

/* ---- Moving an application in its panel's lineup (the secretariat) ---- */

struct order_form {
    char *app;
    int64_t panel;
};

static void order_form_free(void *ctx)
{
    struct order_form *of = ctx;
    free(of->app);
    free(of);
}

/* The ids of the panel's lineup, with `app` moved to place `to` (0-based). */
static void order_ids(struct tui *t, int64_t panel, const char *app, size_t to, struct strlist *ids)
{
    size_t *lineup = NULL, n = session_lineup(&t->call, 0, &lineup);
    for (size_t i = 0; i < n; i++) {
        const struct app_record *r = &t->call.apps[lineup[i]];
        if (r->panel != panel || strcmp(r->a.id, app) == 0)
            continue;
        if (ids->n == to)
            strlist_add(ids, app);
        strlist_add(ids, r->a.id);
    }
    if (ids->n == to)
        strlist_add(ids, app);
    free(lineup);
}

static int order_submit(struct tui *t, struct form *f)
{
    struct order_form *of = f->ctx;
    struct strlist ids = {0};
    order_ids(t, of->panel, of->app, f->fields[0].choice, &ids);
    size_t *order = NULL, n = 0;
    char why[256];
    const char *refusal = session_order(&t->call, of->panel, (const char *const *)ids.v, ids.n,
                                        &order, &n, why, sizeof why);
    int rc = refusal ? -1 : 0;
    if (refusal)
        snprintf(f->error, sizeof f->error, "%s", refusal);
    else if (store_begin(t->store) ||
             write_order(t->store, &t->call, tui_me(t)->name, panel_name(&t->call, of->panel),
                         order, n) ||
             store_commit(t->store)) {
        snprintf(f->error, sizeof f->error, _("%s: %s; nothing was changed"), of->app,
                 store_errmsg(t->store));
        store_rollback(t->store);
        rc = -1;
    } else {
        tui_changed(t, _("%s moves to place %zu of the lineup"), of->app, f->fields[0].choice + 1);
    }
    free(order);
    strlist_free(&ids);
    return rc;
}

static void order_move(struct tui *t, struct session *s)
{
    struct app_record *r = selected_app(t, s);
    if (!r || !tui_may(t, ROLE_SECRETARIAT))
        return;
    struct strlist places = {0};
    size_t here = 0;
    for (size_t i = 0; i < s->n; i++) {
        const struct app_record *o = &t->call.apps[s->lineup[i]];
        if (o->panel != r->panel)
            continue;
        if (o == r)
            here = places.n;
        strlist_addf(&places, "%zu", places.n + 1);
    }
    struct order_form *of = xcalloc(1, sizeof *of);
    of->app = xstrdup(r->a.id);
    of->panel = r->panel;
    struct form *f = form_new(_("Presentation order"));
    form_intro(f, _("%s  %s: its place in the lineup of panel %s"), r->a.id, r->a.company,
               panel_name(&t->call, r->panel));
    form_add_choice(f, _("Place"), (const char *const *)places.v, places.n, here);
    strlist_free(&places);
    f->ctx = of;
    f->ctx_free = order_form_free;
    f->submit = order_submit;
    f->submit_label = _("move");
    tui_form_open(t, f);
}

/* ---- Keys ---- */

static void score_key(struct tui *t, struct session *s)
{
    struct app_record *r = selected_app(t, s);
    if (!r)
        return;
    const struct app_sheet *own = s->viewer ? call_sheet_of(r, s->viewer) : NULL;
    if (own)
        tui_message(t, false, _("%s: your sheet is submitted and signed; it is read-only"),
                    r->a.id);
    else
        scoreform_open(t, (size_t)(r - t->call.apps));
}

static enum result session_key(struct tui *t, void *state, enum action a)
{
    struct session *s = state;
    struct app_record *r = selected_app(t, s);
    switch (a) {
    case ACTION_OPEN:
        if (r && (!s->current || strcmp(s->current, r->a.id) != 0) && (runs_room(t) || !s->shared))
            current_set(t, s, r);
        else
            score_key(t, s);
        return RESULT_HANDLED;
    case ACTION_SCORE:
        score_key(t, s);
        return RESULT_HANDLED;
    case ACTION_CONFLICT:
        conflict_declare(t, s);
        return RESULT_HANDLED;
    case ACTION_TIMER:
        if (may_run_clock(t, s))
            timer_key(t, s);
        return RESULT_HANDLED;
    case ACTION_NEXT:
        if (may_run_clock(t, s))
            next_step(t, s);
        return RESULT_HANDLED;
    case ACTION_EDIT:
        order_move(t, s);
        return RESULT_HANDLED;
    case ACTION_CLICK:
        table_click(&s->table, t->click_y, t->click_x);
        return RESULT_HANDLED;
    default:
        return table_key(&s->table, a);
    }
}

static void session_filter(struct tui *t, void *state, const char *text)
{
    (void)t;
    struct session *s = state;
    table_filter(&s->table, text);
}

static void session_info(struct tui *t, void *state, char *buf, size_t n)
{
    struct session *s = state;
    char position[96];
    table_position(&s->table, position, sizeof position);
    const struct person *me = tui_me(t);
    if (s->viewer && me)
        snprintf(buf, n, _("%s; lineup of %s"), position, me->name);
    else
        snprintf(buf, n, _("%s; every panel's lineup"), position);
}

static const struct binding session_bindings[] = {
    {.key = '\r',
     .action = ACTION_OPEN,
     .status = true,
     .help = N_("present the selected application now; on the one presenting, score it")},
    {.key = '\n', .action = ACTION_OPEN},
    {.key = KEY_ENTER, .function = true, .action = ACTION_OPEN},
    {.key = 't', .action = ACTION_TIMER, .status = true},
    {.key = 'n',
     .action = ACTION_NEXT,
     .status = true,
     .help = N_("next phase: questions, then the next presentation")},
    {.key = 'e',
     .action = ACTION_SCORE,
     .status = true,
     .help = N_("open your score form for the selected application (judges)")},
    {.key = 'c',
     .action = ACTION_CONFLICT,
     .status = true,
     .help = N_("declare a conflict of interest with the selected application (judges, signed)")},
    {.key = 'o',
     .action = ACTION_EDIT,
     .help = N_("move the selected application in the presentation order (secretariat)")},
    {.key = '/',
     .action = ACTION_FILTER,
     .help = N_("show only applications whose id or company contains the text")},
    {.action = ACTION_NONE},
};

const struct screen screen_session = {
    .name = N_("session"),
    .open = session_open,
    .close = session_close,
    .draw = session_draw,
    .key = session_key,
    .reload = session_reload,
    .filter = session_filter,
    .info = session_info,
    .actions = session_bindings,
};
