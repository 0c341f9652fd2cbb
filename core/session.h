/* The judges' presentation session (DESIGN.md, Interactive program): the applications a panel
 * hears and in what order, what keeps a judge from scoring or declaring a conflict (R6.3, R6.4,
 * R10.1), who may see whose scores, and the presentation timer. Pure: the clock is passed in. */
#ifndef SIMSA_SESSION_H
#define SIMSA_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rank.h"

struct call;
struct person;
struct app_record;

/* The applications heard in presentations (those that passed document review), as indices into
 * c->apps: those of `judge`'s panels, or of every panel when judge is 0. In presentation order:
 * panel by panel (in the order they were set up, applications on no panel last), then by
 * position, then the unplaced ones by id. Returns how many; caller frees *out. */
size_t session_lineup(const struct call *c, int64_t judge, size_t **out);

/* A panel's new presentation order (panel 0: the applications on no panel): `apps` first, in
 * that order, then the panel's other applications in their present order. *out gets every
 * application of the panel as indices into c->apps (caller frees) and *n their number. NULL,
 * or why not (translated, in buf): an unknown id, one of another panel, one named twice. */
const char *session_order(const struct call *c, int64_t panel, const char *const *apps,
                          size_t n_apps, size_t **out, size_t *n, char *buf, size_t len);

/* Whether a judge may submit a sheet, and its values, are core/sheet.h's. */
/* R6.4: NULL when `judge` may declare a conflict with `r` now (before scoring it). */
const char *session_conflict_refusal(const struct call *c, const struct app_record *r,
                                     const struct person *judge, char *buf, size_t len);
/* Judges see the other judges' scores of an application only after submitting their own:
 * false for a judge of r's panel without a sheet for it; true for anyone else. */
bool session_may_see_scores(const struct call *c, const struct app_record *r, int64_t viewer);

/* What a person may see of an application (issue 15: a pinned judge). */
enum visibility {
    SEE_ALL,      /* not a judge (the secretariat, an inspector), or the judge's own sheet is in */
    SEE_UNSCORED, /* a judge of its panel who has not submitted: the application, no result */
    SEE_NOTHING,  /* a judge outside its panel, or who declared a conflict on it */
};
enum visibility session_visibility(const struct call *c, const struct app_record *r,
                                   const struct person *viewer);
/* The ranking as `viewer` may see it: rows of SEE_NOTHING removed; SEE_UNSCORED rows without
 * rank, scores, band, amount or sheet count, after the others; for a judge, reasons without
 * the budget (only the outcome's words). Nothing changes for a viewer who sees all. */
void session_rank_view(const struct call *c, const struct person *viewer, struct rank_result *res);

/* ---- The timer: a presentation, then questions (the program's minutes), then done. ---- */

enum timer_phase { TIMER_PRESENTATION, TIMER_QUESTIONS, TIMER_DONE };
enum timer_level { TIMER_CALM, TIMER_ENDING, TIMER_OVER };

struct session_timer {
    enum timer_phase phase;
    bool running;
    int64_t since_ms;  /* when it last started running */
    int64_t banked_ms; /* time run in this phase before since_ms */
};

void timer_reset(struct session_timer *tm);
/* Start, or pause, at now_ms. */
void timer_toggle(struct session_timer *tm, int64_t now_ms);
/* The next phase (skipping one of 0 minutes), running if this one was. */
void timer_next(const struct program *p, struct session_timer *tm, int64_t now_ms);
int64_t timer_length_ms(const struct program *p, enum timer_phase phase);
/* Milliseconds left in the phase; negative when over time. */
int64_t timer_left_ms(const struct program *p, const struct session_timer *tm, int64_t now_ms);
/* ENDING in the last 2 minutes (the last quarter of a shorter phase), OVER past the end. */
enum timer_level timer_level(const struct program *p, const struct session_timer *tm,
                             int64_t now_ms);
/* "12:34" of whole seconds left, rounded up; "+0:05" over time (out has room for 16). */
void timer_format(int64_t left_ms, char *out, size_t n);

/* ---- One clock for the room (issue 15): the secretariat runs the presentation; each start,
 * pause and step is an event whose detail is this text, so every screen shows the same
 * application and the same time left. Times are ms of the shared clock (wall time). */
struct room_clock {
    char app[65]; /* the application presenting: an id of at most 64 bytes (core/import.c) */
    struct session_timer timer;
};
char *room_clock_text(const struct room_clock *rc);
/* 0, or -1 for a text that is not a room clock. */
int room_clock_parse(const char *text, struct room_clock *out);

#endif
