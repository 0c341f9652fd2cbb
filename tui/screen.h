/* The interactive program's framework: a stack of views, each a screen (a table of operations,
 * tig's view_ops) plus its private state; keys go key -> action -> screen handler -> generic. */
#ifndef SIMSA_TUI_SCREEN_H
#define SIMSA_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/call.h"
#include "core/parse.h"
#include "core/rank.h"
#include "db/store.h"
#include "tui/lineedit.h"

/* What a key asks for. Screens read actions, never raw keys, so `?` help can list them. */
enum action {
    ACTION_NONE,
    ACTION_UP,
    ACTION_DOWN,
    ACTION_LEFT,
    ACTION_RIGHT,
    ACTION_PAGE_UP,
    ACTION_PAGE_DOWN,
    ACTION_FIRST,
    ACTION_LAST,
    ACTION_OPEN,
    ACTION_BACK,
    ACTION_QUIT,
    ACTION_HELP,
    ACTION_FILTER,
    ACTION_SORT,
    ACTION_REDRAW,
    ACTION_RELOAD,
    ACTION_DASHBOARD,
    ACTION_APPS,
    ACTION_BOARD,
    ACTION_NEXT_TAB,
    ACTION_PREV_TAB,
    ACTION_TAB_1,
    ACTION_TAB_2,
    ACTION_TAB_3,
    ACTION_TAB_4,
    ACTION_TAB_5,
    ACTION_TAB_6,
    ACTION_CLICK, /* a mouse click in the body; where is in tui.click_y/click_x */
    /* Changes: each screen says in its table which it offers and what they do there. */
    ACTION_SIGN_IN,     /* sign in as a person, or out */
    ACTION_PEOPLE,      /* go to people and panels */
    ACTION_SESSION,     /* go to the judge's presentation session */
    ACTION_EDIT,        /* change the selected thing */
    ACTION_ADD,         /* add a new one */
    ACTION_ADD_PANEL,   /* set up a panel */
    ACTION_ANSWER,      /* answer a checklist item */
    ACTION_DECIDE,      /* decide and sign (review) */
    ACTION_INSPECT,     /* record a site inspection */
    ACTION_ASSIGN,      /* assign to a panel */
    ACTION_BONUS,       /* award or withdraw a bonus */
    ACTION_PLAN,        /* a plan revision: required, made or not made (R12.1) */
    ACTION_AGREE,       /* record the agreement (R12.3) */
    ACTION_CONFLICT,    /* declare a conflict of interest */
    ACTION_SCORE,       /* open the score form */
    ACTION_TIMER,       /* start or pause the timer */
    ACTION_NEXT,        /* next presentation or timer phase */
    ACTION_BUDGET,      /* set the budget */
    ACTION_TIE,         /* resolve a tie */
    ACTION_FORFEIT,     /* a selected company forfeits */
    ACTION_FINALIZE,    /* sign the final result */
    ACTION_CALIBRATION, /* judge calibration */
    ACTION_SHEETS,      /* every judge's sheet side by side */
    ACTION_EXPORT,      /* write the result workbook */
    ACTION_COUNT
};

/* What a handler did with an action. */
enum result { RESULT_UNHANDLED, RESULT_HANDLED, RESULT_BACK, RESULT_QUIT };

/* One key of a screen: dispatch and `?` help read the same table. */
struct binding {
    int key;       /* a character, or a KEY_* code when .function */
    bool function; /* key came from get_wch as KEY_CODE_YES */
    enum action action;
    bool status;      /* listed on the status line */
    const char *help; /* what the action does on this screen (N_), else the action's own */
};

/* Looks of things; mapped to colours or, with NO_COLOR, to attributes only. */
enum style {
    STYLE_NORMAL,
    STYLE_TITLE,
    STYLE_HEADER,
    STYLE_SELECTED,
    STYLE_CURRENT_COLUMN,
    STYLE_GOOD,
    STYLE_BAD,
    STYLE_TIE,
    STYLE_RULE,
    STYLE_DIM,
    STYLE_STRONG,
    STYLE_ALERT,
    STYLE_STATUS,
    STYLE_BAR_USED,
};

/* The part of the terminal a screen draws in. */
struct area {
    int top, left, height, width;
};

struct tui;
struct form;

struct screen {
    const char *name; /* N_(): in the title bar's breadcrumbs and in help */
    /* Private state for one view of this screen; arg is the screen's own (NULL for most). */
    void *(*open)(struct tui *t, const void *arg);
    void (*close)(void *state);
    void (*draw)(struct tui *t, void *state, const struct area *body);
    enum result (*key)(struct tui *t, void *state, enum action a);
    /* Optional: the call was reloaded (after a change); rebuild from t->call and t->rank. */
    void (*reload)(struct tui *t, void *state);
    /* Optional: apply a `/` filter (empty = none). Screens without it have no filter. */
    void (*filter)(struct tui *t, void *state, const char *text);
    /* Optional: a line about the view (position, sort order) under the body. */
    void (*info)(struct tui *t, void *state, char *buf, size_t n);
    const struct binding *actions; /* ends with .action = ACTION_NONE */
};

struct view {
    const struct screen *screen;
    void *state;
    char *filter; /* the applied filter text, NULL when none */
    bool stale;   /* covered when the call changed: rebuilt when it is on top again */
};

#define TUI_MAX_VIEWS 16
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

struct tui {
    const char *db_path;
    struct store *store;
    struct call call;
    struct rank_result rank;
    bool korean; /* show the program's Korean texts (names, titles) */
    bool color;
    sdate today; /* SIMSA_TODAY, else the local date */
    struct view views[TUI_MAX_VIEWS];
    size_t n_views;
    char message[256]; /* shown once under the body, then cleared */
    bool message_is_error;
    int click_y, click_x; /* of the last ACTION_CLICK, relative to the body */
    bool editing;         /* the `/` filter line has the keyboard */
    struct form *form;    /* a form on top of the screen has the keyboard (form.h) */
    /* Who is signed in (0 = nobody: reading only) and their unlocked key, wiped at sign-out. */
    int64_t me;
    struct secret_key key;
    const char *clock_env; /* SIMSA_CLOCK for tests; see tui_now_ms */
    struct lineedit edit;
    char *filter_before; /* restored when the edit is cancelled */
    /* The call is read in the background when the program starts (tui.c), so the first screen
     * is drawn at once: while `loader` is set, `call` holds only the program and the budget,
     * `outline` the number of rows stored, and keys typed wait their turn. */
    struct call_outline outline;
    struct loader *loader;
    /* Every screen current (issue 15): another connection's commit changes the store's data
     * version; the idle loop looks about once a second and reloads (tui.c watch_others). */
    int64_t data_version; /* the events already read: call.seq */
    long long watched_ms;
    bool reload_pending; /* seen while a form was open: reloaded when it closes */
    /* simsa -d FILE --as NAME: the session is NAME's only (issue 15): sign-in asks only for
     * NAME's passphrase, nobody else can sign in, and every view is what NAME may see. */
    const char *pinned;
};

extern const struct screen screen_dashboard;
extern const struct screen screen_apps;
extern const struct screen screen_app;
extern const struct screen screen_board;
extern const struct screen screen_help;
extern const struct screen screen_people;
extern const struct screen screen_session;
extern const struct screen screen_calibration;
extern const struct screen screen_sheets;

/* Open a screen on top of the stack (arg is passed to its open). */
void tui_push(struct tui *t, const struct screen *s, const void *arg);
/* Show a one-line message under the body until the next key. */
void tui_message(struct tui *t, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Re-read the whole database (the old call freed first) and recompute the ranking, then let
 * every view rebuild. */
int tui_reload(struct tui *t);
/* Read again only what the audit events since the call was read changed (db/ store_refresh),
 * recompute the ranking, then let every view rebuild; the whole call when that fails. */
int tui_refresh(struct tui *t);
/* The curses attribute of a style (colour pair when colours are on). */
int tui_attr(const struct tui *t, enum style s);
/* The program's text in the interface language. */
const char *tui_lang(const struct tui *t, const char *ko, const char *en);
/* The person signed in, or NULL. */
const struct person *tui_me(const struct tui *t);
/* Whose view the screens show: the pinned person, else the one signed in, else NULL (all). */
const struct person *tui_viewer(const struct tui *t);
/* Whether the person signed in may make a change only `role` makes; if not, says why. */
bool tui_may(struct tui *t, enum role role);
/* Whether the signed-in person is a judge who has not yet submitted a sheet for `r`: they see
 * no other judge's scores or the result before their own (issue 5). */
bool tui_scores_hidden(const struct tui *t, const struct app_record *r);
/* Milliseconds of a monotonic clock; SIMSA_CLOCK=<ms> fixes it (tests of the timer), and
 * SIMSA_CLOCK=file:<path> reads the milliseconds from a file at each call. */
int64_t tui_now_ms(const struct tui *t);
/* Sign in (a form; preselect: a person's name or NULL), or out when someone is signed in. */
void tui_sign_in(struct tui *t, const char *preselect);
void tui_sign_out(struct tui *t);
/* "name (role)" or "read-only", for the title bar (caller frees). */
char *tui_who_text(const struct tui *t);
/* Write the result workbook or CSV: a form for the path (export_form.c). */
void tui_export(struct tui *t);
/* After a change was committed: read the database again and say what happened. */
void tui_changed(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The rank row of application index `app` (into t->call.apps), or NULL. */
const struct rank_row *tui_rank_row(const struct tui *t, size_t app);

/* Key tables: the generic keys every screen has, and names/descriptions for help. */
extern const struct binding tui_global_bindings[];
void binding_key_name(const struct binding *b, char *buf, size_t n);
const char *action_label(enum action a); /* short, for the status line (translated) */
/* Whether only the secretariat does a (a judge's status line leaves it off). */
bool action_secretariat_only(enum action a);
const char *action_help(enum action a); /* a sentence, for `?` help (translated) */

#endif
