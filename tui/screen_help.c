/* `?` help: every key of the screen it was opened from, read from that screen's action table
 * and the generic one, so help cannot drift from what the keys do. */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/draw.h"
#include "tui/page.h"
#include "tui/screen.h"

#define KEYS_COLS 22

struct help {
    const struct screen *about;
    struct page page;
};

static bool listed_in(const struct binding *table, enum action a)
{
    for (const struct binding *b = table; b && b->action != ACTION_NONE; b++)
        if (b->action == a)
            return true;
    return false;
}

/* Is name already in the ", "-separated list (Enter is three keys with one name)? */
static bool key_listed(const char *keys, const char *name)
{
    size_t n = strlen(name);
    for (const char *at = keys; (at = strstr(at, name)) != NULL; at += n)
        if ((at == keys || at[-1] == ' ') && (at[n] == ',' || at[n] == '\0'))
            return true;
    return false;
}

/* One line per action: all its keys, then what it does (the first help text given). */
static void bindings_lines(struct page *pg, const struct binding *table, const struct binding *skip)
{
    for (const struct binding *b = table; b && b->action != ACTION_NONE; b++) {
        if (listed_in(skip, b->action) || b->action == ACTION_CLICK)
            continue;
        bool first = true;
        for (const struct binding *e = table; e < b; e++)
            first = first && e->action != b->action;
        if (!first)
            continue;
        char *keys = xstrdup("");
        const char *help = NULL;
        for (const struct binding *e = b; e->action != ACTION_NONE; e++) {
            if (e->action != b->action)
                continue;
            char name[32];
            binding_key_name(e, name, sizeof name);
            if (!key_listed(keys, name)) {
                char *longer = xasprintf("%s%s%s", keys, *keys ? ", " : "", name);
                free(keys);
                keys = longer;
            }
            if (!help && e->help)
                help = _(e->help);
        }
        char *padded = text_pad(keys, KEYS_COLS, ALIGN_LEFT);
        page_addf(pg, STYLE_NORMAL, KEYS_COLS + 3, "  %s %s", padded,
                  help ? help : action_help(b->action));
        free(padded);
        free(keys);
    }
}

static void help_build(struct help *h)
{
    page_clear(&h->page);
    page_addf(&h->page, STYLE_HEADER, 0, _("Keys of %s"), _(h->about->name));
    bindings_lines(&h->page, h->about->actions, NULL);
    page_add(&h->page, STYLE_NORMAL, 0, "");
    page_add(&h->page, STYLE_HEADER, 0, _("Keys everywhere"));
    bindings_lines(&h->page, tui_global_bindings, h->about->actions);
    page_add(&h->page, STYLE_NORMAL, 0, "");
    page_add(&h->page, STYLE_HEADER, 0, _("Mouse"));
    page_add(&h->page, STYLE_NORMAL, 2,
             _("  A click selects a row (or a tab, or sorts by a column's title); a double click "
               "opens; the wheel scrolls."));
}

static void *help_open(struct tui *t, const void *arg)
{
    (void)t;
    struct help *h = xcalloc(1, sizeof *h);
    h->about = arg;
    help_build(h);
    return h;
}

static void help_close(void *state)
{
    struct help *h = state;
    page_free(&h->page);
    free(h);
}

static void help_draw(struct tui *t, void *state, const struct area *body)
{
    struct help *h = state;
    page_draw(&h->page, t, body);
}

static enum result help_key(struct tui *t, void *state, enum action a)
{
    (void)t;
    struct help *h = state;
    if (a == ACTION_HELP)
        return RESULT_BACK; /* ? again closes help */
    return page_key(&h->page, a);
}

static const struct binding help_bindings[] = {
    {.key = '?', .action = ACTION_HELP, .help = N_("close help")},
    {.action = ACTION_NONE},
};

const struct screen screen_help = {
    .name = N_("Help"),
    .open = help_open,
    .close = help_close,
    .draw = help_draw,
    .key = help_key,
    .actions = help_bindings,
};
