/* The dashboard: the call and its dates, applications per stage, sheets submitted per judge,
 * the budget, and what needs someone's attention. Every figure comes from core. */
#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/progress.h"
#include "db/final.h"
#include "tui/draw.h"
#include "tui/page.h"
#include "tui/screen.h"

#define STAGE_COLS 26 /* the stage column; judges are listed beside it in two columns */
#define JUDGE_COLS 27

struct dashboard {
    struct page page;
};

static char *days_text(const struct tui *t)
{
    const struct program *p = &t->call.program;
    sdate deadline = datetime_date(p->deadline);
    long to_open = (long)p->announced - t->today, left = (long)deadline - t->today;
    if (to_open > 0)
        return xasprintf(ngettext("opens in %ld day", "opens in %ld days", (unsigned long)to_open),
                         to_open);
    if (left > 0)
        return xasprintf(ngettext("%ld day left", "%ld days left", (unsigned long)left), left);
    if (left == 0)
        return xstrdup(_("the deadline is today"));
    return xasprintf(ngettext("closed %ld day ago", "closed %ld days ago", (unsigned long)-left),
                     -left);
}

static void call_lines(struct page *pg, const struct tui *t)
{
    const struct program *p = &t->call.program;
    page_add(pg, STYLE_STRONG, 0, tui_lang(t, p->title_ko, p->title_en));
    page_addf(pg, STYLE_NORMAL, 2, _("Program %s, operated by %s"), p->id,
              p->agency && *p->agency ? p->agency : "-");
    char opens[11], closes[17];
    date_format(p->announced, opens);
    datetime_format(p->deadline, closes);
    char *days = days_text(t);
    page_addf(pg, STYLE_NORMAL, 2, _("Applications %s to %s (Korea time): %s"), opens, closes,
              days);
    free(days);
}

/* "강민준      3 of 3" for the nth judge, or NULL past the last. A judge's view lists only
 * that judge: no other judge's name or progress (issue 15). */
static char *judge_text(const struct call *c, const struct progress *pr,
                        const struct person *viewer, size_t nth)
{
    for (size_t i = 0, seen = 0; i < c->n_people; i++) {
        const struct person *p = &c->people[i];
        if (p->role != ROLE_JUDGE || (viewer && p != viewer) || seen++ != nth)
            continue;
        struct judge_progress jp = progress_of_judge(pr, p->id);
        char *name = text_pad(p->name, 10, ALIGN_LEFT);
        char *s = xasprintf(_("%s %2d of %d"), name, jp.submitted, jp.expected);
        free(name);
        char *cell = text_pad(s, JUDGE_COLS, ALIGN_LEFT);
        free(s);
        return cell;
    }
    return NULL;
}

/* Stages on the left, judges' sheets on the right in two columns, down then across. */
static void progress_lines(struct page *pg, const struct tui *t)
{
    const struct call *c = &t->call;
    int counts[STAGE_COUNT];
    call_stage_counts(c, &t->rank, counts);
    const struct person *viewer = tui_viewer(t);
    if (viewer && viewer->role != ROLE_JUDGE)
        viewer = NULL;
    size_t n_judges = 0;
    for (size_t i = 0; i < c->n_people; i++)
        n_judges += c->people[i].role == ROLE_JUDGE && (!viewer || &c->people[i] == viewer);
    char *head = text_pad(_("Applications by stage"), STAGE_COLS, ALIGN_LEFT);
    page_addf(pg, STYLE_HEADER, 0, "%s%s", head, _("Sheets submitted by judge"));
    free(head);
    struct progress pr;
    call_progress(c, &pr);
    size_t judge_rows = (n_judges + 1) / 2;
    size_t rows = judge_rows > STAGE_COUNT ? judge_rows : STAGE_COUNT;
    for (size_t i = 0; i < rows; i++) {
        char *stage = xstrdup("");
        if (i < STAGE_COUNT) {
            char *label = text_pad(stage_label((enum stage)i), 14, ALIGN_LEFT);
            free(stage);
            stage = xasprintf("  %s %4d", label, counts[i]);
            free(label);
        }
        char *left = text_pad(stage, STAGE_COLS, ALIGN_LEFT);
        char *first = i < judge_rows ? judge_text(c, &pr, viewer, i) : NULL;
        char *second = i < judge_rows ? judge_text(c, &pr, viewer, i + judge_rows) : NULL;
        page_addf(pg, STYLE_NORMAL, STAGE_COLS, "%s%s%s", left, first ? first : "",
                  second ? second : "");
        free(second);
        free(first);
        free(left);
        free(stage);
    }
    progress_free(&pr);
    if (n_judges == 0)
        page_addf(pg, STYLE_DIM, 0, "%*s%s", STAGE_COLS, "", _("(no judges yet)"));
}

static void budget_line(struct page *pg, const struct tui *t)
{
    if (t->rank.budget_hidden)
        return; /* a judge's view: the budget in use is not theirs to see */
    const struct call *c = &t->call;
    char used[32];
    amount_format(t->rank.used, used, sizeof used);
    if (!c->has_budget) {
        page_addf(pg, STYLE_STRONG, 2, _("Budget: none set; the selected amounts come to %s won"),
                  used);
        return;
    }
    char budget[32], left[32];
    amount_format(c->budget, budget, sizeof budget);
    int64_t rest = c->budget - t->rank.used;
    amount_format(rest < 0 ? -rest : rest, left, sizeof left);
    /* The bar is a picture of the figures beside it, 16 cells wide. */
    int cells = 16, full = c->budget > 0 ? (int)(t->rank.used * cells / c->budget) : 0;
    if (full > cells)
        full = cells;
    char bar[32];
    memset(bar, '#', (size_t)full);
    memset(bar + full, '-', (size_t)(cells - full));
    bar[cells] = '\0';
    page_addf(pg, STYLE_STRONG, 2, _("Budget %s won: used %s, left %s%s  [%s]"), budget, used,
              rest < 0 ? "-" : "", left, bar);
}

static char *ids_joined(const struct strlist *ids)
{
    return strlist_join(ids, ", ");
}

static void alert(struct page *pg, const char *text)
{
    page_addf(pg, STYLE_ALERT, 4, "  ! %s", text);
}

static void unreviewed_alert(struct page *pg, const struct call *c)
{
    struct strlist ids = {0};
    for (size_t i = 0; i < c->n_apps; i++)
        if (c->apps[i].review == REVIEW_NONE && !c->apps[i].forfeited)
            strlist_add(&ids, c->apps[i].a.id);
    if (ids.n) {
        char *list = ids_joined(&ids);
        char *s = xasprintf(ngettext("%zu application not yet reviewed: %s",
                                     "%zu applications not yet reviewed: %s", ids.n),
                            ids.n, list);
        alert(pg, s);
        free(s);
        free(list);
    }
    strlist_free(&ids);
}

/* R2–R5 as they stand now, whatever was recorded: missing or stale documents and the like. */
static void review_alerts(struct page *pg, const struct call *c)
{
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        struct review_result res = {0};
        call_review(c, r, &res);
        if (!res.passed && res.reasons.n > 0) {
            char *s = res.reasons.n > 1
                          ? xasprintf(_("%s fails review: %s (and %zu more)"), r->a.id,
                                      res.reasons.v[0], res.reasons.n - 1)
                          : xasprintf(_("%s fails review: %s"), r->a.id, res.reasons.v[0]);
            alert(pg, s);
            free(s);
        }
        review_result_free(&res);
    }
}

/* R13: applications that passed the review but have no site inspection recorded yet. */
static void inspection_alert(struct page *pg, const struct call *c)
{
    struct strlist ids = {0};
    for (size_t i = 0; i < c->n_apps; i++)
        if (c->apps[i].review == REVIEW_PASSED && !c->apps[i].inspected && !c->apps[i].forfeited)
            strlist_add(&ids, c->apps[i].a.id);
    if (ids.n) {
        char *list = ids_joined(&ids);
        char *s =
            xasprintf(ngettext("%zu application has no site inspection yet (R13): %s",
                               "%zu applications have no site inspection yet (R13): %s", ids.n),
                      ids.n, list);
        alert(pg, s);
        free(s);
        free(list);
    }
    strlist_free(&ids);
}

static void tie_alerts(struct page *pg, const struct tui *t)
{
    const struct rank_result *rk = &t->rank;
    for (size_t i = 0; i < rk->n; i++) {
        const struct rank_row *row = &rk->rows[i];
        bool first = row->tie_group && !row->tie_resolved;
        for (size_t k = 0; first && k < i; k++)
            first = rk->rows[k].tie_group != row->tie_group;
        if (!first)
            continue;
        struct strlist ids = {0};
        for (size_t k = i; k < rk->n; k++)
            if (rk->rows[k].tie_group == row->tie_group)
                strlist_add(&ids, t->call.apps[rk->rows[k].app].a.id);
        char *list = ids_joined(&ids);
        char *s = xasprintf(_("unresolved tie at rank %d: %s"), row->rank, list);
        alert(pg, s);
        free(s);
        free(list);
        strlist_free(&ids);
    }
}

/* R12.3: after the final result, the selected applications still without an agreement. */
static void agreement_alert(struct page *pg, const struct tui *t)
{
    struct final_state fin;
    if (store_final_state(t->store, &fin) < 0 || !fin.final)
        return;
    struct strlist ids = {0};
    call_without_agreement(&t->call, &t->rank, &ids);
    if (ids.n) {
        char *list = ids_joined(&ids);
        char *s = xasprintf(ngettext("%zu selected application has no agreement yet (simsa "
                                     "agree): %s",
                                     "%zu selected applications have no agreement yet (simsa "
                                     "agree): %s",
                                     ids.n),
                            ids.n, list);
        alert(pg, s);
        free(s);
        free(list);
    }
    strlist_free(&ids);
}

static void alert_lines(struct page *pg, const struct tui *t)
{
    const struct person *viewer = tui_viewer(t);
    if (viewer && viewer->role == ROLE_JUDGE) {
        /* A judge's view (issue 15): the secretariat's work on every panel's applications is
         * not theirs to see; only what their own view of the ranking says. */
        page_add(pg, STYLE_HEADER, 0, _("Alerts"));
        size_t before = pg->n;
        tie_alerts(pg, t);
        for (size_t i = 0; i < t->rank.notes.n; i++)
            alert(pg, t->rank.notes.v[i]);
        if (pg->n == before)
            page_add(pg, STYLE_GOOD, 2, _("  nothing needs attention"));
        return;
    }
    size_t decided = 0;
    for (size_t i = 0; i < t->call.n_apps; i++)
        decided += t->call.apps[i].review != REVIEW_NONE;
    page_addf(pg, STYLE_HEADER, 0, _("Alerts (document review: %zu of %zu decided)"), decided,
              t->call.n_apps);
    size_t before = pg->n;
    unreviewed_alert(pg, &t->call);
    review_alerts(pg, &t->call);
    inspection_alert(pg, &t->call);
    tie_alerts(pg, t);
    agreement_alert(pg, t);
    for (size_t i = 0; i < t->rank.notes.n; i++)
        alert(pg, t->rank.notes.v[i]);
    if (pg->n == before)
        page_add(pg, STYLE_GOOD, 2, _("  nothing needs attention"));
}

/* While the call is read (tui.c reads it in the background): what is known already. */
static void loading_lines(struct page *pg, const struct tui *t)
{
    char *apps = xasprintf(ngettext("%zu application", "%zu applications", t->outline.applications),
                           t->outline.applications);
    char *sheets = xasprintf(ngettext("%zu score sheet", "%zu score sheets", t->outline.sheets),
                             t->outline.sheets);
    page_addf(pg, STYLE_STRONG, 2, _("Reading the call: %s, %s..."), apps, sheets);
    page_add(pg, STYLE_DIM, 2, _("Keys typed now are used as soon as it is read; q quits."));
    free(apps);
    free(sheets);
}

static void dashboard_build(struct tui *t, struct dashboard *d)
{
    page_clear(&d->page);
    call_lines(&d->page, t);
    page_add(&d->page, STYLE_NORMAL, 0, "");
    if (t->loader) {
        loading_lines(&d->page, t);
        return;
    }
    progress_lines(&d->page, t);
    page_add(&d->page, STYLE_NORMAL, 0, "");
    budget_line(&d->page, t);
    page_add(&d->page, STYLE_NORMAL, 0, "");
    alert_lines(&d->page, t);
}

static void *dashboard_open(struct tui *t, const void *arg)
{
    (void)arg;
    struct dashboard *d = xcalloc(1, sizeof *d);
    dashboard_build(t, d);
    return d;
}

static void dashboard_close(void *state)
{
    struct dashboard *d = state;
    page_free(&d->page);
    free(d);
}

static void dashboard_reload(struct tui *t, void *state)
{
    dashboard_build(t, state);
}

static void dashboard_draw(struct tui *t, void *state, const struct area *body)
{
    struct dashboard *d = state;
    page_draw(&d->page, t, body);
}

static enum result dashboard_key(struct tui *t, void *state, enum action a)
{
    (void)t;
    struct dashboard *d = state;
    return page_key(&d->page, a);
}

static const struct binding dashboard_bindings[] = {
    {.key = 'a',
     .action = ACTION_APPS,
     .status = true,
     .help = N_("the applications: a table to sort, filter and open")},
    {.key = 'b',
     .action = ACTION_BOARD,
     .status = true,
     .help = N_("the committee board: ranking, threshold line, amounts, budget")},
    {.key = 'x', .action = ACTION_EXPORT, .status = true},
    {.action = ACTION_NONE},
};

const struct screen screen_dashboard = {
    .name = N_("Dashboard"),
    .open = dashboard_open,
    .close = dashboard_close,
    .draw = dashboard_draw,
    .key = dashboard_key,
    .reload = dashboard_reload,
    .actions = dashboard_bindings,
};
