/* Scoring progress per panel (see progress.h). */
#include "core/progress.h"

#include <stdlib.h>
#include <string.h>

#include "core/call.h"

/* The panel that scores r: its own when it exists, else 0 (every judge, R6.3). */
static int64_t effective_panel(const struct call *c, const struct app_record *r)
{
    for (size_t i = 0; r->panel && i < c->n_panels; i++)
        if (c->panels[i].id == r->panel)
            return r->panel;
    return 0;
}

/* Applications that reached scoring: not forfeited, or forfeited with sheets in (see below). */
static bool to_score(const struct app_record *r)
{
    return r->review == REVIEW_PASSED && (!r->forfeited || r->n_sheets > 0);
}

/* A forfeit (R11.5) un-submits nothing: a forfeited application that was scored still counts,
 * with the sheets submitted for it, and only those (nobody is still to score it). Calibration
 * counts the same sheets. */
static bool counts_for_panel(const struct call *c, const struct app_record *r,
                             const struct panel_progress *pp)
{
    if (!to_score(r) || effective_panel(c, r) != pp->panel)
        return false;
    if (!r->forfeited)
        return true;
    for (size_t k = 0; k < pp->n_judges; k++)
        if (!call_has_conflict(r, pp->judges[k].judge) && call_sheet_of(r, pp->judges[k].judge))
            return true;
    return false;
}

static void panel_count(const struct call *c, struct panel_progress *pp)
{
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        if (!counts_for_panel(c, r, pp))
            continue;
        pp->apps++;
        bool complete = true;
        for (size_t k = 0; k < pp->n_judges; k++) {
            struct judge_progress *jp = &pp->judges[k];
            if (call_has_conflict(r, jp->judge)) {
                jp->conflicts++;
                continue;
            }
            if (call_sheet_of(r, jp->judge)) {
                jp->expected++;
                jp->submitted++;
            } else if (!r->forfeited) {
                jp->expected++;
                complete = false;
            }
        }
        pp->complete += complete;
    }
}

static struct panel_progress *panel_add(struct progress *out, int64_t id, const char *name)
{
    out->panels = xrealloc(out->panels, (out->n + 1) * sizeof *out->panels);
    struct panel_progress *pp = &out->panels[out->n++];
    memset(pp, 0, sizeof *pp);
    pp->panel = id;
    pp->name = name;
    return pp;
}

static void judge_add(struct panel_progress *pp, int64_t judge)
{
    pp->judges = xrealloc(pp->judges, (pp->n_judges + 1) * sizeof *pp->judges);
    pp->judges[pp->n_judges++] = (struct judge_progress){.judge = judge};
}

void call_progress(const struct call *c, struct progress *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < c->n_panels; i++) {
        struct panel_progress *pp = panel_add(out, c->panels[i].id, c->panels[i].name);
        for (size_t k = 0; k < c->panels[i].n_judges; k++)
            judge_add(pp, c->panels[i].judges[k]);
        panel_count(c, pp);
    }
    /* Panel 0 is shown when there are no panels at all, or when applications are left on none. */
    bool unassigned = c->n_panels == 0;
    for (size_t i = 0; i < c->n_apps && !unassigned; i++)
        unassigned = to_score(&c->apps[i]) && effective_panel(c, &c->apps[i]) == 0;
    if (!unassigned)
        return;
    struct panel_progress *pp = panel_add(out, 0, NULL);
    for (size_t i = 0; i < c->n_people; i++)
        if (c->people[i].role == ROLE_JUDGE)
            judge_add(pp, c->people[i].id);
    panel_count(c, pp);
}

void progress_free(struct progress *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->panels[i].judges);
    free(p->panels);
    memset(p, 0, sizeof *p);
}

struct judge_progress progress_of_judge(const struct progress *p, int64_t judge)
{
    struct judge_progress sum = {.judge = judge};
    for (size_t i = 0; i < p->n; i++) {
        for (size_t k = 0; k < p->panels[i].n_judges; k++) {
            const struct judge_progress *jp = &p->panels[i].judges[k];
            if (jp->judge != judge)
                continue;
            sum.submitted += jp->submitted;
            sum.expected += jp->expected;
            sum.conflicts += jp->conflicts;
        }
    }
    return sum;
}

void progress_for_judge(struct progress *p, int64_t judge)
{
    size_t kept = 0;
    for (size_t i = 0; i < p->n; i++) {
        struct panel_progress *pp = &p->panels[i];
        size_t mine = pp->n_judges;
        for (size_t k = 0; k < pp->n_judges; k++)
            if (pp->judges[k].judge == judge)
                mine = k;
        if (mine == pp->n_judges) {
            free(pp->judges);
            continue;
        }
        pp->judges[0] = pp->judges[mine];
        pp->n_judges = 1;
        pp->apps = pp->judges[0].expected; /* how far the others are is not theirs to see */
        pp->complete = pp->judges[0].submitted;
        p->panels[kept++] = *pp;
    }
    p->n = kept;
}
