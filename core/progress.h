/* Scoring progress per panel: for each judge, the sheets submitted of those theirs to submit, and
 * how many of the panel's applications have every sheet in (R6.3, R6.4). The dashboard and the
 * committee board show the same figures. */
#ifndef SIMSA_PROGRESS_H
#define SIMSA_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

struct call;

struct judge_progress {
    int64_t judge; /* person id */
    int submitted; /* sheets in, on the applications counted below */
    int expected;  /* applications theirs to score: reviewed, no conflict, and not forfeited or
                    * scored by them before the forfeit (a forfeit un-submits nothing, R11.5) */
    int conflicts; /* applications of the panel on which they declared a conflict (R6.4) */
};

struct panel_progress {
    int64_t panel;    /* panel id; 0 = applications on no panel, scored by every judge (R6.3) */
    const char *name; /* the panel's name (owned by the call); NULL for 0 */
    int apps;         /* applications that passed review: not forfeited, or with sheets in */
    int complete;     /* of those, every judge submitted or declared a conflict (R6.4) */
    struct judge_progress *judges; /* the panel's judges, in the panel's order */
    size_t n_judges;
};

struct progress {
    struct panel_progress *panels; /* the call's panels in order, then panel 0 if it has any */
    size_t n;
};

/* Fill *out from the call (the call must outlive it: names are borrowed). */
void call_progress(const struct call *c, struct progress *out);
void progress_free(struct progress *p);
/* The totals of one judge over every panel they sit on (the dashboard's "3 of 3"). */
struct judge_progress progress_of_judge(const struct progress *p, int64_t judge);
/* A judge's view (issue 15): only the panels `judge` sits on, each with that judge alone, so
 * no other judge's name or progress and nothing of other panels is shown; a panel's apps and
 * complete become that judge's expected and submitted. */
void progress_for_judge(struct progress *p, int64_t judge);

#endif
