/* The key tables: what each action is called on the status line and in `?` help, and the
 * keys every screen has; a screen's own table (its .actions) is looked at first. */
#include <curses.h>
#include <stdio.h>

#include "core/i18n.h"
#include "tui/screen.h"

struct action_text {
    const char *label; /* a word or two */
    const char *help;  /* a sentence */
};

static const struct action_text action_texts[ACTION_COUNT] = {
    [ACTION_UP] = {.label = N_("up"), .help = N_("move up")},
    [ACTION_DOWN] = {.label = N_("down"), .help = N_("move down")},
    [ACTION_LEFT] = {.label = N_("left"), .help = N_("move left")},
    [ACTION_RIGHT] = {.label = N_("right"), .help = N_("move right")},
    [ACTION_PAGE_UP] = {.label = N_("page up"), .help = N_("one page up")},
    [ACTION_PAGE_DOWN] = {.label = N_("page down"), .help = N_("one page down")},
    [ACTION_FIRST] = {.label = N_("first"), .help = N_("go to the first line")},
    [ACTION_LAST] = {.label = N_("last"), .help = N_("go to the last line")},
    [ACTION_OPEN] = {.label = N_("open"), .help = N_("open the selected row")},
    [ACTION_BACK] = {.label = N_("back"),
                     .help = N_("back to the previous screen (quit on the first)")},
    [ACTION_QUIT] = {.label = N_("quit"), .help = N_("quit simsa")},
    [ACTION_HELP] = {.label = N_("help"), .help = N_("show the keys of this screen")},
    [ACTION_FILTER] = {.label = N_("filter"),
                       .help = N_("filter the rows (Enter keeps, Esc cancels, empty clears)")},
    [ACTION_SORT] = {.label = N_("sort"), .help = N_("sort by the chosen column; again reverses")},
    [ACTION_REDRAW] = {.label = N_("redraw"), .help = N_("redraw the screen")},
    [ACTION_RELOAD] = {.label = N_("reload"), .help = N_("read the database again")},
    [ACTION_DASHBOARD] = {.label = N_("dashboard"), .help = N_("go to the dashboard")},
    [ACTION_APPS] = {.label = N_("apps"), .help = N_("go to the applications")},
    [ACTION_BOARD] = {.label = N_("board"), .help = N_("go to the committee board (ranking)")},
    [ACTION_NEXT_TAB] = {.label = N_("next tab"), .help = N_("next tab")},
    [ACTION_PREV_TAB] = {.label = N_("previous tab"), .help = N_("previous tab")},
    [ACTION_TAB_1] = {.label = N_("tab 1"), .help = N_("first tab")},
    [ACTION_TAB_2] = {.label = N_("tab 2"), .help = N_("second tab")},
    [ACTION_TAB_3] = {.label = N_("tab 3"), .help = N_("third tab")},
    [ACTION_TAB_4] = {.label = N_("tab 4"), .help = N_("fourth tab")},
    [ACTION_TAB_5] = {.label = N_("tab 5"), .help = N_("fifth tab")},
    [ACTION_TAB_6] = {.label = N_("tab 6"), .help = N_("sixth tab")},
    [ACTION_CLICK] = {.label = N_("click"), .help = N_("select what was clicked")},
    [ACTION_SIGN_IN] = {.label = N_("sign in"),
                        .help = N_("sign in as a person to make changes, or sign out")},
    [ACTION_PEOPLE] = {.label = N_("people"), .help = N_("go to people and panels")},
    [ACTION_SESSION] = {.label = N_("session"),
                        .help = N_("go to the presentation session (judges)")},
    [ACTION_EDIT] = {.label = N_("edit"), .help = N_("change the selected item")},
    [ACTION_ADD] = {.label = N_("add"), .help = N_("add a new one")},
    [ACTION_ADD_PANEL] = {.label = N_("new panel"),
                          .help = N_("set up a panel of judges and assign a field's applications")},
    [ACTION_ANSWER] = {.label = N_("checklist"), .help = N_("answer a checklist item")},
    [ACTION_DECIDE] = {.label = N_("decide"), .help = N_("decide the document review and sign it")},
    [ACTION_INSPECT] = {.label = N_("inspection"), .help = N_("record a site inspection (signed)")},
    [ACTION_ASSIGN] = {.label = N_("panel"), .help = N_("assign to a panel")},
    [ACTION_BONUS] = {.label = N_("bonus"), .help = N_("award or withdraw a bonus (signed)")},
    [ACTION_PLAN] = {.label = N_("plan revision"),
                     .help = N_("require a plan revision, or record it made or not made (signed)")},
    [ACTION_AGREE] = {.label = N_("agreement"),
                      .help = N_("record the agreement and see the dates it sets (signed)")},
    [ACTION_CONFLICT] = {.label = N_("conflict"),
                         .help = N_("declare a conflict of interest (signed)")},
    [ACTION_SCORE] = {.label = N_("score"), .help = N_("open the score form")},
    [ACTION_TIMER] = {.label = N_("timer"), .help = N_("start or pause the timer")},
    [ACTION_NEXT] = {.label = N_("next"), .help = N_("next phase or presentation")},
    [ACTION_BUDGET] = {.label = N_("budget"), .help = N_("set the budget (signed)")},
    [ACTION_TIE] = {.label = N_("tie"), .help = N_("resolve a tie: order and reason (signed)")},
    [ACTION_FORFEIT] = {.label = N_("forfeit"),
                        .help = N_("a selected company forfeits; see who is promoted (signed)")},
    [ACTION_FINALIZE] = {.label = N_("finalize"), .help = N_("sign the final result")},
    [ACTION_CALIBRATION] = {.label = N_("calibration"),
                            .help = N_("each judge's mean and spread against the panel")},
    [ACTION_SHEETS] = {.label = N_("sheets"), .help = N_("every judge's sheet side by side")},
    [ACTION_EXPORT] = {.label = N_("export"), .help = N_("write the result workbook")},
};

bool action_secretariat_only(enum action a)
{
    /* The changes only the secretariat makes, and the workbook (every judge's scores). */
    switch (a) {
    case ACTION_ADD_PANEL:
    case ACTION_ANSWER:
    case ACTION_DECIDE:
    case ACTION_ASSIGN:
    case ACTION_BONUS:
    case ACTION_PLAN:
    case ACTION_AGREE:
    case ACTION_BUDGET:
    case ACTION_TIE:
    case ACTION_FORFEIT:
    case ACTION_FINALIZE:
    case ACTION_EXPORT:
        return true;
    default:
        return false;
    }
}

const char *action_label(enum action a)
{
    const char *s = a < ACTION_COUNT ? action_texts[a].label : NULL;
    return s ? _(s) : "";
}

const char *action_help(enum action a)
{
    const char *s = a < ACTION_COUNT ? action_texts[a].help : NULL;
    return s ? _(s) : "";
}

/* Keys every screen has; a screen's own table is looked at first. */
const struct binding tui_global_bindings[] = {
    {.key = '?', .action = ACTION_HELP, .status = true},
    {.key = KEY_F(1), .function = true, .action = ACTION_HELP},
    {.key = 'q', .action = ACTION_BACK, .status = true},
    {.key = 27, .action = ACTION_BACK},
    {.key = 'Q', .action = ACTION_QUIT},
    {.key = 3, .action = ACTION_QUIT}, /* Ctrl-C: raw mode delivers it as a key */
    {.key = 'j', .action = ACTION_DOWN},
    {.key = KEY_DOWN, .function = true, .action = ACTION_DOWN},
    {.key = 'k', .action = ACTION_UP},
    {.key = KEY_UP, .function = true, .action = ACTION_UP},
    {.key = 'h', .action = ACTION_LEFT},
    {.key = KEY_LEFT, .function = true, .action = ACTION_LEFT},
    {.key = 'l', .action = ACTION_RIGHT},
    {.key = KEY_RIGHT, .function = true, .action = ACTION_RIGHT},
    {.key = KEY_NPAGE, .function = true, .action = ACTION_PAGE_DOWN},
    {.key = ' ', .action = ACTION_PAGE_DOWN},
    {.key = 6, .action = ACTION_PAGE_DOWN}, /* Ctrl-F */
    {.key = KEY_PPAGE, .function = true, .action = ACTION_PAGE_UP},
    {.key = 2, .action = ACTION_PAGE_UP}, /* Ctrl-B */
    {.key = 'g', .action = ACTION_FIRST},
    {.key = KEY_HOME, .function = true, .action = ACTION_FIRST},
    {.key = 'G', .action = ACTION_LAST},
    {.key = KEY_END, .function = true, .action = ACTION_LAST},
    {.key = 'd', .action = ACTION_DASHBOARD, .status = true},
    {.key = 'a', .action = ACTION_APPS, .status = true},
    {.key = 'b', .action = ACTION_BOARD, .status = true},
    {.key = 'R', .action = ACTION_RELOAD},
    {.key = 'S', .action = ACTION_SIGN_IN, .status = true},
    {.key = 'P', .action = ACTION_PEOPLE},
    {.key = 'J', .action = ACTION_SESSION},
    {.key = 12, .action = ACTION_REDRAW}, /* Ctrl-L */
    {.action = ACTION_NONE},
};

void binding_key_name(const struct binding *b, char *buf, size_t n)
{
    static const struct {
        int key;
        const char *name;
    } function_names[] = {
        {KEY_UP, N_("Up")},          {KEY_DOWN, N_("Down")},  {KEY_LEFT, N_("Left")},
        {KEY_RIGHT, N_("Right")},    {KEY_NPAGE, N_("PgDn")}, {KEY_PPAGE, N_("PgUp")},
        {KEY_HOME, N_("Home")},      {KEY_END, N_("End")},    {KEY_ENTER, N_("Enter")},
        {KEY_BTAB, N_("Shift-Tab")}, {KEY_F(1), "F1"},
    };
    if (b->function) {
        for (size_t i = 0; i < sizeof function_names / sizeof function_names[0]; i++) {
            if (function_names[i].key == b->key) {
                snprintf(buf, n, "%s", _(function_names[i].name));
                return;
            }
        }
        snprintf(buf, n, "#%d", b->key);
    } else if (b->key == '\n' || b->key == '\r') {
        snprintf(buf, n, "%s", _("Enter"));
    } else if (b->key == 27) {
        snprintf(buf, n, "%s", _("Esc"));
    } else if (b->key == '\t') {
        snprintf(buf, n, "%s", _("Tab"));
    } else if (b->key == ' ') {
        snprintf(buf, n, "%s", _("Space"));
    } else if (b->key < 32) {
        snprintf(buf, n, "Ctrl-%c", b->key + 64);
    } else {
        snprintf(buf, n, "%c", b->key);
    }
}
