/* The interactive program's framework (see screen.h): the view stack, key -> action dispatch
 * (the tables are in actions.c), the generic handler, the title, info and status lines, `/` filter
 * editing, mouse, resize and colours. Every way out returns here, so the terminal is always
 * restored. */
#include "tui/tui.h"

#include "core/session.h"

#include <curses.h>
#include <locale.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/call_compare.h"
#include "core/i18n.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/lineedit.h"
#include "tui/screen.h"

/* A get_wch key in one table; ACTION_NONE when it is not there. */
static enum action action_for_key(const struct binding *table, int rc, wint_t ch)
{
    bool function = rc == KEY_CODE_YES;
    for (const struct binding *b = table; b && b->action != ACTION_NONE; b++)
        if (b->function == function && (wint_t)b->key == ch)
            return b->action;
    return ACTION_NONE;
}

/* ---- Looks ---- */

enum { PAIR_GOOD = 1, PAIR_BAD, PAIR_TIE };

/* Default background (-1) and mid-intensity foregrounds, readable on dark and light themes. */
static bool colors_start(void)
{
    const char *no_color = getenv("NO_COLOR");
    if ((no_color && *no_color) || !has_colors())
        return false;
    if (start_color() == ERR || use_default_colors() == ERR)
        return false;
    return init_pair(PAIR_GOOD, COLOR_GREEN, -1) != ERR &&
           init_pair(PAIR_BAD, COLOR_RED, -1) != ERR &&
           init_pair(PAIR_TIE, COLOR_MAGENTA, -1) != ERR;
}

int tui_attr(const struct tui *t, enum style s)
{
    bool c = t->color;
    switch (s) {
    case STYLE_NORMAL:
        return A_NORMAL;
    case STYLE_TITLE:
    case STYLE_STATUS:
        return A_REVERSE;
    case STYLE_HEADER:
        return A_BOLD | A_UNDERLINE;
    case STYLE_SELECTED:
        return A_REVERSE;
    case STYLE_BAR_USED:
        return c ? (int)(COLOR_PAIR(PAIR_GOOD) | A_BOLD) : A_BOLD;
    case STYLE_CURRENT_COLUMN:
        return A_BOLD | A_REVERSE;
    case STYLE_GOOD:
        return c ? (int)COLOR_PAIR(PAIR_GOOD) : A_NORMAL;
    case STYLE_BAD:
    case STYLE_ALERT:
        return c ? (int)(COLOR_PAIR(PAIR_BAD) | A_BOLD) : A_BOLD;
    case STYLE_TIE:
        return c ? (int)(COLOR_PAIR(PAIR_TIE) | A_BOLD) : A_BOLD;
    case STYLE_RULE:
    case STYLE_STRONG:
        return A_BOLD;
    case STYLE_DIM:
        return A_DIM;
    }
    return A_NORMAL;
}

const char *tui_lang(const struct tui *t, const char *ko, const char *en)
{
    if (t->korean || !en || !*en)
        return ko ? ko : "";
    return en;
}

static sdate today_date(void)
{
    const char *fixed = getenv("SIMSA_TODAY");
    sdate d;
    if (fixed && *fixed && date_parse(fixed, &d, NULL) == 0)
        return d;
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm) &&
        date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d) == 0)
        return d;
    return 0;
}

/* ---- The view stack ---- */

const struct rank_row *tui_rank_row(const struct tui *t, size_t app)
{
    for (size_t i = 0; i < t->rank.n; i++)
        if (t->rank.rows[i].app == app)
            return &t->rank.rows[i];
    return NULL;
}

void tui_push(struct tui *t, const struct screen *s, const void *arg)
{
    if (t->n_views == TUI_MAX_VIEWS) {
        tui_message(t, true, "%s", _("too many screens open; go back first"));
        return;
    }
    struct view *v = &t->views[t->n_views];
    *v = (struct view){.screen = s, .state = NULL, .filter = NULL};
    v->state = s->open ? s->open(t, arg) : NULL;
    t->n_views++;
}

static void view_pop(struct tui *t)
{
    struct view *v = &t->views[--t->n_views];
    if (v->screen->close)
        v->screen->close(v->state);
    free(v->filter);
    memset(v, 0, sizeof *v);
}

/* To a screen already open below: back to it; otherwise open it on top. */
static void view_go(struct tui *t, const struct screen *s)
{
    for (size_t i = 0; i < t->n_views; i++) {
        if (t->views[i].screen == s) {
            while (t->n_views > i + 1)
                view_pop(t);
            return;
        }
    }
    tui_push(t, s, NULL);
}

void tui_message(struct tui *t, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->message, sizeof t->message, fmt, ap);
    va_end(ap);
    t->message_is_error = error;
}

/* Every problem of reading the call, one per line (*err, caller frees). */
static char *load_problems(struct store *st, struct diags *d)
{
    struct strlist lines = {0};
    for (size_t i = 0; i < d->n; i++)
        strlist_add(&lines, d->v[i].text);
    strlist_add(&lines, store_errmsg(st));
    char *err = strlist_join(&lines, "\n");
    strlist_free(&lines);
    diags_free(d);
    return err;
}

static int call_load(struct store *st, struct call *out, char **err)
{
    struct diags d = {0};
    if (store_load(st, out, &d) < 0) {
        *err = load_problems(st, &d);
        return -1;
    }
    diags_free(&d);
    return 0;
}

/* One view rebuilt from the call as it is now, its filter applied again. */
static void view_reload(struct tui *t, struct view *v)
{
    v->stale = false;
    if (v->screen->reload)
        v->screen->reload(t, v->state);
    if (v->filter && v->screen->filter)
        v->screen->filter(t, v->state, v->filter);
}

/* The call changed: the view on top is rebuilt now, the ones it covers when they are on top
 * again (views_fresh), so a change costs what the screen shown needs. */
static void views_reload(struct tui *t)
{
    for (size_t i = 0; i + 1 < t->n_views; i++)
        t->views[i].stale = true;
    if (t->n_views > 0)
        view_reload(t, &t->views[t->n_views - 1]);
}

/* Before the view on top draws or takes a key: rebuilt if the call changed while covered. */
static void views_fresh(struct tui *t)
{
    if (t->n_views > 0 && t->views[t->n_views - 1].stale)
        view_reload(t, &t->views[t->n_views - 1]);
}

/* The ranking and every view again from the call as it is now (core derives it all). */
static void call_derived(struct tui *t)
{
    rank_result_free(&t->rank);
    call_rank(&t->call, &t->rank);
    session_rank_view(&t->call, tui_viewer(t), &t->rank);
    views_reload(t);
}

int tui_reload(struct tui *t)
{
    /* The old call is freed before the fresh one is read, so the peak is one call, not two. */
    rank_result_free(&t->rank);
    call_free(&t->call);
    char *err = NULL;
    int rc = call_load(t->store, &t->call, &err);
    if (rc < 0) {
        tui_message(t, true, _("could not read the database: %s"), err);
        free(err);
        /* Keep the program, so the screens still have a call to show (empty). */
        struct diags d = {0};
        struct call_outline outline;
        store_load_outline(t->store, &t->call, &outline, &d);
        diags_free(&d);
    }
    call_derived(t);
    return rc;
}

/* SIMSA_REFRESH_CHECK=FILE, for the tests: after each update of what changed, the call is read
 * whole too and compared with it, and so are the rankings; a line goes to FILE, "same" or
 * "differs: " and the first difference. */
static void refresh_check(struct tui *t, const struct refresh *how)
{
    const char *path = getenv("SIMSA_REFRESH_CHECK");
    if (!path || !*path)
        return;
    struct call fresh;
    char *err = NULL;
    char why[512] = "";
    bool same = false;
    if (call_load(t->store, &fresh, &err) < 0) {
        snprintf(why, sizeof why, "could not read: %s", err);
        free(err);
    } else {
        struct rank_result rank = {0};
        call_rank(&fresh, &rank);
        session_rank_view(&fresh, tui_viewer(t), &rank);
        same = call_same(&t->call, &fresh, why, sizeof why) &&
               rank_same(&t->rank, &rank, why, sizeof why);
        rank_result_free(&rank);
        call_free(&fresh);
    }
    FILE *f = fopen(path, "a");
    if (f) {
        fprintf(f, "%s%s (events %lld, applications %zu%s%s)\n",
                same ? "same" : "differs: ", same ? "" : why, (long long)how->events, how->apps,
                how->call_level ? ", call" : "", how->whole ? ", whole" : "");
        fclose(f);
    }
}

int tui_refresh(struct tui *t)
{
    struct diags d = {0};
    struct refresh how;
    int rc = store_refresh(t->store, &t->call, &how, &d);
    diags_free(&d);
    if (rc < 0) /* the call may be half up to date: read it whole */
        return tui_reload(t);
    call_derived(t);
    refresh_check(t, &how);
    return 0;
}

/* ---- Reading the call in the background ----
 * Only the loader's thread uses the store until `done`; the screen meanwhile shows the
 * program and the counts (the dashboard's loading state), and keys wait in `ahead`. */

enum { AHEAD_MAX = 64 };

struct loader {
    pthread_t thread;
    bool threaded; /* else it was read when started */
    struct store *store;
    long delay_ms; /* SIMSA_LOAD_DELAY, for tests: the reading is held back this long */
    struct call call;
    struct rank_result rank;
    char *err;
    atomic_bool done;
    struct {
        int rc;
        wint_t ch;
    } ahead[AHEAD_MAX];
    size_t n_ahead;
};

static void *loader_run(void *arg)
{
    struct loader *l = arg;
    if (l->delay_ms > 0) {
        struct timespec ts = {.tv_sec = l->delay_ms / 1000,
                              .tv_nsec = l->delay_ms % 1000 * 1000000};
        while (nanosleep(&ts, &ts) != 0)
            ;
    }
    if (call_load(l->store, &l->call, &l->err) == 0)
        call_rank(&l->call, &l->rank);
    atomic_store(&l->done, true);
    return NULL;
}

static long load_delay(void)
{
    const char *v = getenv("SIMSA_LOAD_DELAY");
    char *end;
    long ms = v && *v ? strtol(v, &end, 10) : 0;
    return v && *v && *end == '\0' && ms > 0 && ms <= 60000 ? ms : 0;
}

/* Start reading the call; without a thread, it is read here and now (and taken as the first
 * frame is drawn, as when a thread has read it). */
static void loader_start(struct tui *t)
{
    /* One malloc arena: the call the loader's thread allocates stays in the main one instead
     * of a second arena's own reserve (a call of 10,000 applications within 32 MB). */
    mallopt(M_ARENA_MAX, 1);
    /* Large arrays in pages of their own and the heap's top given back (cli/main.c
     * memory_setup): each change frees the ranking and makes a new one, which must not leave
     * the process larger each time. */
    struct loader *l = xcalloc(1, sizeof *l);
    l->store = t->store;
    l->delay_ms = load_delay();
    atomic_init(&l->done, false);
    l->threaded = pthread_create(&l->thread, NULL, loader_run, l) == 0;
    if (!l->threaded)
        loader_run(l);
    t->loader = l;
}

/* Wait for the reading to end; the call read, or -1 with *err. */
static int loader_join(struct tui *t, char **err)
{
    struct loader *l = t->loader;
    if (l->threaded)
        pthread_join(l->thread, NULL);
    t->loader = NULL;
    int rc = 0;
    if (l->err) {
        *err = l->err;
        rc = -1;
    } else {
        call_free(&t->call);
        t->call = l->call;
        t->rank = l->rank;
    }
    free(l);
    return rc;
}

/* ---- Drawing the frame: title bar, body, info line, status line ---- */

static struct area body_area(void)
{
    return (struct area){.top = 1, .left = 0, .height = LINES - 3, .width = COLS};
}

static void title_draw(const struct tui *t)
{
    int attr = tui_attr(t, STYLE_TITLE);
    draw_blank(0, 0, COLS, attr);
    char *crumbs = xstrdup(" simsa");
    for (size_t i = 0; i < t->n_views; i++) {
        char *longer = xasprintf("%s > %s", crumbs, _(t->views[i].screen->name));
        free(crumbs);
        crumbs = longer;
    }
    char *who = tui_who_text(t);
    char *right = xasprintf("%s  %s ", t->call.program.id ? t->call.program.id : "", who);
    free(who);
    int right_cols = text_width(right);
    draw_text(0, 0, crumbs, COLS - right_cols - 1, attr | A_BOLD);
    if (right_cols < COLS / 2)
        draw_text(0, COLS - right_cols, right, right_cols, attr);
    free(right);
    free(crumbs);
}

/* The screen an action goes to, to leave it off the status line while there. */
static const struct screen *destination(enum action a)
{
    return a == ACTION_DASHBOARD ? &screen_dashboard
           : a == ACTION_APPS    ? &screen_apps
           : a == ACTION_BOARD   ? &screen_board
           : a == ACTION_PEOPLE  ? &screen_people
           : a == ACTION_SESSION ? &screen_session
                                 : NULL;
}

static void status_append(char **line, const struct tui *t, const struct binding *b, bool *shown)
{
    if (!b->status || shown[b->action] || destination(b->action) == t->views[t->n_views - 1].screen)
        return;
    /* A judge (pinned, or signed in) is not offered what only the secretariat does. */
    const struct person *viewer = tui_viewer(t);
    if (viewer && viewer->role == ROLE_JUDGE && action_secretariat_only(b->action))
        return;
    shown[b->action] = true;
    char key[32];
    binding_key_name(b, key, sizeof key);
    const char *label = b->action == ACTION_BACK && t->n_views == 1 ? _("quit")
                        : b->action == ACTION_SIGN_IN && t->me      ? _("sign out")
                                                                    : action_label(b->action);
    char *longer = xasprintf("%s %s %s ", *line, key, label);
    if (text_width(longer) > COLS + 1) { /* a key that does not fit whole is left to `?` help */
        free(longer);
        return;
    }
    free(*line);
    *line = longer;
}

static void status_draw(const struct tui *t)
{
    const struct view *v = &t->views[t->n_views - 1];
    bool shown[ACTION_COUNT] = {false};
    int attr = tui_attr(t, STYLE_STATUS);
    draw_blank(LINES - 1, 0, COLS, attr);
    if (t->editing) {
        draw_text(LINES - 1, 0, _(" Enter keep the filter  Esc cancel  Ctrl-U clear"), COLS, attr);
        return;
    }
    if (t->form) {
        char *keys = xasprintf(_(" Tab next field  Ctrl-S %s  Esc cancel"), t->form->submit_label);
        draw_text(LINES - 1, 0, keys, COLS, attr);
        free(keys);
        return;
    }
    char *line = xstrdup("");
    /* help and back first: they are what a newcomer looks for */
    for (const struct binding *b = tui_global_bindings; b->action != ACTION_NONE; b++)
        if (b->action == ACTION_HELP || b->action == ACTION_BACK)
            status_append(&line, t, b, shown);
    for (const struct binding *b = v->screen->actions; b && b->action != ACTION_NONE; b++)
        status_append(&line, t, b, shown);
    for (const struct binding *b = tui_global_bindings; b->action != ACTION_NONE; b++)
        status_append(&line, t, b, shown);
    draw_text(LINES - 1, 0, line, COLS, attr);
    free(line);
}

/* The line under the body: the filter being typed, a message, or the view's own line. */
static void info_draw(struct tui *t)
{
    int y = LINES - 2;
    const struct view *v = &t->views[t->n_views - 1];
    if (t->editing) {
        int x = draw_text(y, 0, "/", 1, tui_attr(t, STYLE_STRONG));
        int cursor_x = lineedit_draw(&t->edit, y, x, COLS - x - 1, A_NORMAL);
        (void)curs_set(1);
        move(y, cursor_x);
        return;
    }
    if (t->message[0]) {
        char *clipped = text_clip_words(t->message, COLS);
        draw_text(y, 0, clipped, COLS,
                  tui_attr(t, t->message_is_error ? STYLE_ALERT : STYLE_STRONG));
        free(clipped);
        return;
    }
    char info[256] = "";
    if (v->screen->info)
        v->screen->info(t, v->state, info, sizeof info);
    int used = draw_text(y, 0, info, COLS, tui_attr(t, STYLE_DIM));
    if (v->filter) {
        char *f = xasprintf(_("filter: %s"), v->filter);
        int cols = text_width(f);
        if (used + 2 + cols <= COLS)
            draw_text(y, COLS - cols, f, cols, tui_attr(t, STYLE_STRONG));
        free(f);
    }
}

static void too_small_draw(const struct tui *t)
{
    char *lines[3] = {
        xasprintf(_("simsa needs a terminal of at least %dx%d."), TUI_MIN_COLS, TUI_MIN_LINES),
        xasprintf(_("This one is %dx%d: make it larger."), COLS, LINES),
        xstrdup(_("(q quits)")),
    };
    int top = LINES / 2 - 1;
    for (int i = 0; i < 3; i++) {
        int cols = text_width(lines[i]);
        int x = cols < COLS ? (COLS - cols) / 2 : 0;
        if (top + i >= 0 && top + i < LINES)
            draw_text(top + i, x, lines[i], COLS - x,
                      tui_attr(t, i == 0 ? STYLE_STRONG : STYLE_NORMAL));
        free(lines[i]);
    }
}

static bool too_small(void)
{
    return COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
}

static void frame_draw(struct tui *t)
{
    views_fresh(t);
    erase();
    (void)curs_set(0);
    if (too_small()) {
        too_small_draw(t);
    } else {
        struct view *v = &t->views[t->n_views - 1];
        struct area body = body_area();
        title_draw(t);
        v->screen->draw(t, v->state, &body);
        status_draw(t);
        if (t->form)
            form_draw(t, t->form, &body); /* last: it places the cursor */
        else
            info_draw(t); /* last: it may place the cursor */
    }
    refresh();
}

/* ---- Keys ---- */

static void filter_start(struct tui *t)
{
    struct view *v = &t->views[t->n_views - 1];
    if (!v->screen->filter) {
        tui_message(t, true, "%s", _("this screen has no filter"));
        return;
    }
    free(t->filter_before);
    t->filter_before = v->filter ? xstrdup(v->filter) : NULL;
    lineedit_set(&t->edit, v->filter);
    t->editing = true;
}

static void filter_apply(struct tui *t, const char *text)
{
    struct view *v = &t->views[t->n_views - 1];
    free(v->filter);
    v->filter = text && *text ? xstrdup(text) : NULL;
    v->screen->filter(t, v->state, v->filter ? v->filter : "");
}

/* Typed while the filter line has the keyboard: the view follows every change. */
static void filter_key(struct tui *t, int rc, wint_t ch)
{
    enum edit_result r = lineedit_key(&t->edit, rc, ch);
    if (r == EDIT_CHANGED) {
        char *text = lineedit_text(&t->edit);
        filter_apply(t, text);
        free(text);
    } else if (r == EDIT_CANCEL) {
        filter_apply(t, t->filter_before);
        t->editing = false;
    } else if (r == EDIT_ACCEPT) {
        t->editing = false;
    }
}

static enum result generic_key(struct tui *t, enum action a)
{
    const struct view *v = &t->views[t->n_views - 1];
    switch (a) {
    case ACTION_BACK:
        return RESULT_BACK;
    case ACTION_QUIT:
        return RESULT_QUIT;
    case ACTION_HELP:
        if (v->screen != &screen_help)
            tui_push(t, &screen_help, v->screen);
        return RESULT_HANDLED;
    case ACTION_FILTER:
        filter_start(t);
        return RESULT_HANDLED;
    case ACTION_REDRAW:
        clearok(curscr, TRUE);
        return RESULT_HANDLED;
    case ACTION_RELOAD:
        if (tui_reload(t) == 0)
            tui_message(t, false, "%s", _("read the database again"));
        return RESULT_HANDLED;
    case ACTION_DASHBOARD:
        view_go(t, &screen_dashboard);
        return RESULT_HANDLED;
    case ACTION_APPS:
        view_go(t, &screen_apps);
        return RESULT_HANDLED;
    case ACTION_BOARD:
        view_go(t, &screen_board);
        return RESULT_HANDLED;
    case ACTION_PEOPLE:
        view_go(t, &screen_people);
        return RESULT_HANDLED;
    case ACTION_SESSION:
        view_go(t, &screen_session);
        return RESULT_HANDLED;
    case ACTION_SIGN_IN:
        tui_sign_in(t, NULL);
        return RESULT_HANDLED;
    case ACTION_EXPORT:
        tui_export(t);
        return RESULT_HANDLED;
    default:
        return RESULT_HANDLED; /* a key this screen gives no meaning: nothing happens */
    }
}

static void dispatch(struct tui *t, enum action a)
{
    views_fresh(t);
    struct view *v = &t->views[t->n_views - 1];
    enum result r = v->screen->key ? v->screen->key(t, v->state, a) : RESULT_UNHANDLED;
    if (r == RESULT_UNHANDLED)
        r = generic_key(t, a);
    if (r == RESULT_BACK)
        view_pop(t);
    else if (r == RESULT_QUIT)
        while (t->n_views > 0)
            view_pop(t);
}

static void mouse_handle(struct tui *t)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || too_small())
        return;
    if (ev.bstate & BUTTON4_PRESSED) {
        for (int i = 0; i < 3; i++)
            dispatch(t, ACTION_UP);
        return;
    }
    if (ev.bstate & BUTTON5_PRESSED) {
        for (int i = 0; i < 3; i++)
            dispatch(t, ACTION_DOWN);
        return;
    }
    struct area body = body_area();
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) || ev.y < body.top ||
        ev.y >= body.top + body.height)
        return;
    t->click_y = ev.y - body.top;
    t->click_x = ev.x - body.left;
    size_t depth = t->n_views;
    dispatch(t, ACTION_CLICK);
    if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) && t->n_views == depth)
        dispatch(t, ACTION_OPEN);
}

static void key_handle(struct tui *t, int rc, wint_t ch)
{
    if (t->form && !(rc == KEY_CODE_YES && ch == KEY_MOUSE)) {
        form_key(t, rc, ch);
        return;
    }
    if (t->form)
        return; /* the mouse does nothing while a form has the keyboard */
    if (t->editing) {
        filter_key(t, rc, ch);
        return;
    }
    if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
        mouse_handle(t);
        return;
    }
    const struct view *v = &t->views[t->n_views - 1];
    enum action a = action_for_key(v->screen->actions, rc, ch);
    if (a == ACTION_NONE)
        a = action_for_key(tui_global_bindings, rc, ch);
    if (a == ACTION_NONE) {
        tui_message(t, false, "%s", _("that key does nothing here; ? lists the keys"));
        return;
    }
    dispatch(t, a);
}

/* ---- The terminal ---- */

static volatile sig_atomic_t stop_requested;

static void stop_on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* SIGTERM, SIGHUP and SIGINT end the loop instead of the process, so the terminal is restored;
 * no SA_RESTART, and the half-second input timeout notices the flag anyway. */
static void signals_catch(struct sigaction old[3])
{
    static const int sigs[3] = {SIGTERM, SIGHUP, SIGINT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = stop_on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &sa, &old[i]);
}

static void signals_restore(const struct sigaction old[3])
{
    static const int sigs[3] = {SIGTERM, SIGHUP, SIGINT};
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &old[i], NULL);
}

/* While the call is read: a key that leaves (q, Esc, Ctrl-C) leaves at once; any other waits
 * its turn, up to AHEAD_MAX of them. */
static void key_ahead(struct tui *t, int rc, wint_t ch)
{
    struct loader *l = t->loader;
    enum action a = action_for_key(t->views[t->n_views - 1].screen->actions, rc, ch);
    if (a == ACTION_NONE)
        a = action_for_key(tui_global_bindings, rc, ch);
    if (a == ACTION_BACK || a == ACTION_QUIT) {
        while (t->n_views > 0)
            view_pop(t);
        return;
    }
    if (rc == KEY_CODE_YES && ch == KEY_MOUSE)
        return; /* a click on a screen not yet drawn means nothing */
    if (l->n_ahead < AHEAD_MAX) {
        l->ahead[l->n_ahead].rc = rc;
        l->ahead[l->n_ahead++].ch = ch;
    }
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Every screen current: about once a second, another terminal's commit (the store's data
 * version moved) brings the call up to date, reading again what its events changed
 * (tui_refresh); the views keep their cursors, and a form being typed in is left alone until
 * it closes. The status line says what arrived. */
static void watch_others(struct tui *t)
{
    long long now = now_ms();
    if (t->loader || now - t->watched_ms < 1000)
        return;
    t->watched_ms = now;
    int64_t v = 0;
    if (store_data_version(t->store, &v) < 0)
        return;
    if (v != t->data_version) {
        t->data_version = v;
        t->reload_pending = true;
    }
    if (!t->reload_pending || t->form)
        return;
    t->reload_pending = false;
    int64_t count = 0, seq = 0;
    char *what = NULL;
    store_event_latest(t->store, t->call.seq, &count, &seq, &what);
    if (count == 0) { /* no event (a judge's draft saved): the call is as it was */
        views_reload(t);
        return;
    }
    if (tui_refresh(t) == 0 && count == 1)
        tui_message(t, false, _("from another terminal: %s"), what ? what : "");
    else if (count > 1)
        tui_message(t, false, _("from another terminal: %s (and %lld more)"), what ? what : "",
                    (long long)(count - 1));
    free(what);
}

/* The call has been read: the screens are rebuilt from it, the sign-in asked for with --as is
 * offered, then the keys typed meanwhile are played in order. -1 with *err when it could not be
 * read. */
static int loaded(struct tui *t, const char *as, char **err)
{
    size_t n = t->loader->n_ahead;
    struct {
        int rc;
        wint_t ch;
    } keys[AHEAD_MAX];
    memcpy(keys, t->loader->ahead, n * sizeof keys[0]);
    if (loader_join(t, err) < 0)
        return -1;
    if (t->pinned && !call_find_person(&t->call, t->pinned)) {
        /* Pinned to nobody (a mistyped forced command): no view at all, never everybody's. */
        *err = xasprintf(_("--as %s: no such person (see simsa person list)"), t->pinned);
        return -1;
    }
    store_data_version(t->store, &t->data_version);
    session_rank_view(&t->call, tui_viewer(t), &t->rank);
    views_reload(t);
    if (as)
        tui_sign_in(t, as);
    for (size_t i = 0; i < n && t->n_views > 0; i++)
        key_handle(t, keys[i].rc, keys[i].ch);
    return 0;
}

static int terminal_run(struct tui *t, const char *as, char **err)
{
    SCREEN *term = newterm(NULL, stdout, stdin);
    if (!term) {
        fprintf(stderr, "simsa: %s\n",
                _("cannot start the interactive program on this terminal (is TERM set?)"));
        return 1;
    }
    struct sigaction old[3];
    signals_catch(old);
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    t->color = colors_start();
    mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    tui_push(t, &screen_dashboard, NULL);
    int rc = 0;
    while (t->n_views > 0 && !stop_requested) {
        if (t->loader && atomic_load(&t->loader->done) && loaded(t, as, err) < 0) {
            rc = 1;
            break;
        }
        if (t->n_views == 0)
            break;
        watch_others(t);
        frame_draw(t);
        /* while the call is read, look often for the end of it */
        timeout(t->loader ? 10 : 500);
        wint_t ch;
        int got = get_wch(&ch);
        if (got == ERR || (got == KEY_CODE_YES && ch == KEY_RESIZE))
            continue; /* a timeout, or a new size: the next frame is drawn whole at it */
        t->message[0] = '\0';
        if (t->loader)
            key_ahead(t, got, ch);
        else
            key_handle(t, got, ch);
    }
    tui_form_close(t);
    while (t->n_views > 0)
        view_pop(t);
    endwin();
    delscreen(term);
    signals_restore(old);
    return rc;
}

int tui_main(const char *db_path, const char *as)
{
    struct tui t = {.db_path = db_path, .clock_env = getenv("SIMSA_CLOCK"), .pinned = as};
    struct diags d = {0};
    if (store_open(db_path, &t.store, &d) < 0) {
        fprintf(stderr, "simsa: %s\n", diags_first(&d));
        diags_free(&d);
        return 1;
    }
    /* The program and the counts now (a stored program that no longer parses stops here);
     * the rest of the call while the first screen is drawn. */
    char *err = NULL;
    if (store_load_outline(t.store, &t.call, &t.outline, &d) < 0) {
        err = load_problems(t.store, &d);
        fprintf(stderr, "simsa: %s: %s\n", db_path, err);
        free(err);
        store_close(t.store);
        return 1;
    }
    diags_free(&d);
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "simsa: %s\n",
                _("the interactive program needs a terminal (simsa --help lists the commands)"));
        call_free(&t.call);
        store_close(t.store);
        return 1;
    }
    t.korean = i18n_korean();
    t.today = today_date();
    loader_start(&t);
    int rc = terminal_run(&t, as, &err);
    if (t.loader) { /* left before the call was read: wait for the reading to end */
        char *late = NULL;
        loader_join(&t, &late);
        free(late);
    }
    if (err) {
        fprintf(stderr, "simsa: %s: %s\n", db_path, err);
        free(err);
        rc = 1;
    }
    tui_sign_out(&t);
    free(t.filter_before);
    rank_result_free(&t.rank);
    call_free(&t.call);
    store_checkpoint(t.store); /* on exit: the file alone holds the latest state */
    store_close(t.store);
    return rc;
}
