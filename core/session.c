/* The judges' presentation session (see session.h): lineup and order, refusals, the timer. */
#include "core/session.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"

/* A panel's place in the lineup: the order panels were set up; no panel comes last. */
static size_t panel_rank(const struct call *c, int64_t panel)
{
    for (size_t i = 0; i < c->n_panels; i++)
        if (c->panels[i].id == panel)
            return i;
    return c->n_panels;
}

/* Whether application a is heard before b. */
static bool heard_before(const struct call *c, const struct app_record *a,
                         const struct app_record *b)
{
    size_t pa = panel_rank(c, a->panel), pb = panel_rank(c, b->panel);
    if (pa != pb)
        return pa < pb;
    int qa = a->position > 0 ? a->position : INT_MAX, qb = b->position > 0 ? b->position : INT_MAX;
    if (qa != qb)
        return qa < qb;
    return strcmp(a->a.id, b->a.id) < 0;
}

/* Insertion sort: a lineup is a few dozen applications, and qsort has no context in C11. */
static void sort_heard(const struct call *c, size_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        size_t x = v[i], k = i;
        for (; k > 0 && heard_before(c, &c->apps[x], &c->apps[v[k - 1]]); k--)
            v[k] = v[k - 1];
        v[k] = x;
    }
}

size_t session_lineup(const struct call *c, int64_t judge, size_t **out)
{
    size_t n = 0;
    *out = xcalloc(c->n_apps + 1, sizeof **out);
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        if (r->review == REVIEW_PASSED && (!judge || call_judge_on_app(c, r, judge)))
            (*out)[n++] = i;
    }
    sort_heard(c, *out, n);
    return n;
}

/* The index of listed app `id` in c->apps, or refuse. */
static const char *order_member(const struct call *c, int64_t panel, const char *id, size_t *at,
                                char *buf, size_t len)
{
    const struct app_record *r = call_find_app(c, id);
    if (!r)
        return refusal_format(buf, len, _("no application \"%s\""), id);
    if (r->panel != panel)
        return refusal_format(buf, len, _("%s is not an application of that panel"), id);
    if (r->review != REVIEW_PASSED)
        return refusal_format(buf, len,
                              _("%s has not passed document review: it is not heard (R6.6)"), id);
    *at = (size_t)(r - c->apps);
    return NULL;
}

const char *session_order(const struct call *c, int64_t panel, const char *const *apps,
                          size_t n_apps, size_t **out, size_t *n, char *buf, size_t len)
{
    *n = 0;
    *out = xcalloc(c->n_apps + 1, sizeof **out);
    for (size_t i = 0; i < n_apps; i++) {
        size_t at = 0;
        const char *why = order_member(c, panel, apps[i], &at, buf, len);
        for (size_t k = 0; !why && k < *n; k++)
            if ((*out)[k] == at)
                why = refusal_format(buf, len, _("%s is named twice"), apps[i]);
        if (why) {
            free(*out);
            *out = NULL;
            *n = 0;
            return why;
        }
        (*out)[(*n)++] = at;
    }
    size_t listed = *n;
    for (size_t i = 0; i < c->n_apps; i++) {
        bool named = false;
        for (size_t k = 0; k < listed; k++)
            named |= (*out)[k] == i;
        /* Ineligible ones (review failed or changed after assignment) are not heard. */
        if (c->apps[i].panel == panel && !named && c->apps[i].review == REVIEW_PASSED)
            (*out)[(*n)++] = i;
    }
    sort_heard(c, *out + listed, *n - listed);
    return NULL;
}

const char *session_conflict_refusal(const struct call *c, const struct app_record *r,
                                     const struct person *judge, char *buf, size_t len)
{
    /* The same checks, and words, as `simsa conflict add`. */
    if (judge->role != ROLE_JUDGE || !call_judge_on_app(c, r, judge->id))
        return refusal_format(buf, len, _("%s is not on the panel of %s"), judge->name, r->a.id);
    if (call_has_conflict(r, judge->id))
        return refusal_format(buf, len, _("%s already declared a conflict with %s"), judge->name,
                              r->a.id);
    if (call_sheet_of(r, judge->id))
        return refusal_format(
            buf, len,
            _("%s already submitted a sheet for %s; a conflict must be declared before "
              "scoring"),
            judge->name, r->a.id);
    return NULL;
}

bool session_may_see_scores(const struct call *c, const struct app_record *r, int64_t viewer)
{
    const struct person *who = call_person_by_id(c, viewer);
    if (!who || who->role != ROLE_JUDGE || !call_judge_on_app(c, r, viewer))
        return true;
    return call_sheet_of(r, viewer) != NULL;
}

enum visibility session_visibility(const struct call *c, const struct app_record *r,
                                   const struct person *viewer)
{
    if (!viewer || viewer->role != ROLE_JUDGE)
        return SEE_ALL;
    /* A judge scores what passed document review on their panel (R6.3, R6.6). */
    if (r->review != REVIEW_PASSED || !call_judge_on_app(c, r, viewer->id))
        return SEE_NOTHING;
    for (size_t i = 0; i < r->n_conflicts; i++)
        if (r->conflicts[i] == viewer->id)
            return SEE_NOTHING;
    return call_sheet_of(r, viewer->id) ? SEE_ALL : SEE_UNSCORED;
}

void session_rank_view(const struct call *c, const struct person *viewer, struct rank_result *res)
{
    if (!viewer || viewer->role != ROLE_JUDGE)
        return;
    size_t kept = 0, n_unscored = 0;
    struct rank_row *unscored = xcalloc(res->n ? res->n : 1, sizeof *unscored);
    for (size_t i = 0; i < res->n; i++) {
        struct rank_row *r = &res->rows[i];
        enum visibility v = session_visibility(c, &c->apps[r->app], viewer);
        free(r->amount_reason);
        r->amount_reason = NULL;
        if (v == SEE_NOTHING) {
            free(r->reason);
            continue;
        }
        free(r->reason);
        if (v == SEE_UNSCORED) {
            r->rank = 0;
            r->n_sheets = 0;
            r->has_result = r->has_amount = false;
            r->base = r->bonus = r->final = r->amount = 0;
            r->bonus_tenths = 0;
            r->agree = r->tie_group = 0;
            r->band = BAND_INCOMPLETE;
            r->outcome = OUTCOME_INCOMPLETE;
            r->withheld = true;
            r->reason = xstrdup(_("not shown until you submit your own sheet for it"));
            unscored[n_unscored++] = *r;
            continue;
        }
        r->reason = xstrdup(outcome_label(r->outcome));
        res->rows[kept++] = *r;
    }
    memcpy(res->rows + kept, unscored, n_unscored * sizeof *unscored);
    res->n = kept + n_unscored;
    res->used = 0; /* the budget in use is not a judge's to see */
    res->budget_hidden = true;
    strlist_free(&res->notes);
    free(unscored);
}

/* ---- The timer ---- */

void timer_reset(struct session_timer *tm)
{
    memset(tm, 0, sizeof *tm);
    tm->phase = TIMER_PRESENTATION;
}

void timer_toggle(struct session_timer *tm, int64_t now_ms)
{
    if (tm->running)
        tm->banked_ms += now_ms - tm->since_ms;
    else
        tm->since_ms = now_ms;
    tm->running = !tm->running;
}

int64_t timer_length_ms(const struct program *p, enum timer_phase phase)
{
    int minutes = phase == TIMER_PRESENTATION ? p->timer_presentation
                  : phase == TIMER_QUESTIONS  ? p->timer_questions
                                              : 0;
    return (int64_t)minutes * 60 * 1000;
}

void timer_next(const struct program *p, struct session_timer *tm, int64_t now_ms)
{
    if (tm->phase == TIMER_DONE)
        return;
    tm->phase = tm->phase == TIMER_PRESENTATION ? TIMER_QUESTIONS : TIMER_DONE;
    if (tm->phase == TIMER_QUESTIONS && timer_length_ms(p, TIMER_QUESTIONS) == 0)
        tm->phase = TIMER_DONE;
    tm->banked_ms = 0;
    tm->since_ms = now_ms;
    if (tm->phase == TIMER_DONE)
        tm->running = false;
}

int64_t timer_left_ms(const struct program *p, const struct session_timer *tm, int64_t now_ms)
{
    int64_t run = tm->banked_ms + (tm->running ? now_ms - tm->since_ms : 0);
    return timer_length_ms(p, tm->phase) - run;
}

enum timer_level timer_level(const struct program *p, const struct session_timer *tm,
                             int64_t now_ms)
{
    if (tm->phase == TIMER_DONE)
        return TIMER_CALM;
    int64_t left = timer_left_ms(p, tm, now_ms), length = timer_length_ms(p, tm->phase);
    int64_t ending = length / 4 < 2 * 60 * 1000 ? length / 4 : 2 * 60 * 1000;
    if (left <= 0)
        return TIMER_OVER;
    return left <= ending ? TIMER_ENDING : TIMER_CALM;
}

void timer_format(int64_t left_ms, char *out, size_t n)
{
    /* Whole seconds left, rounded up, so 0:00 shows only when the time is up. */
    int64_t s = left_ms >= 0 ? (left_ms + 999) / 1000 : -left_ms / 1000;
    snprintf(out, n, "%s%lld:%02lld", left_ms >= 0 ? "" : "+", (long long)(s / 60),
             (long long)(s % 60));
}

char *room_clock_text(const struct room_clock *rc)
{
    return xasprintf("app %s phase %d running %d since %lld banked %lld", rc->app,
                     (int)rc->timer.phase, rc->timer.running ? 1 : 0, (long long)rc->timer.since_ms,
                     (long long)rc->timer.banked_ms);
}

int room_clock_parse(const char *text, struct room_clock *out)
{
    memset(out, 0, sizeof *out);
    int phase = 0, running = 0;
    long long since = 0, banked = 0;
    if (sscanf(text, "app %64s phase %d running %d since %lld banked %lld", out->app, &phase,
               &running, &since, &banked) != 5 ||
        phase < TIMER_PRESENTATION || phase > TIMER_DONE || (running != 0 && running != 1))
        return -1;
    out->timer.phase = (enum timer_phase)phase;
    out->timer.running = running;
    out->timer.since_ms = since;
    out->timer.banked_ms = banked;
    return 0;
}
