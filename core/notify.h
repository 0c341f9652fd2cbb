/* After selection: the dates an agreement sets (R12.2, R12.3) and the notification each
 * applicant reads (R12.4). Composed here, in plain words that cite the call's own sections,
 * so every place that shows a notification shows the same text. */
#ifndef SIMSA_NOTIFY_H
#define SIMSA_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/parse.h"
#include "core/program.h"
#include "core/rank.h"
#include "core/review.h"
#include "core/revision.h"

struct call;
struct app_record;

/* R12.3: what an agreement on `agreed` sets, by the program's policies (R12.2). Month steps
 * clip the day to the month's last day: 2026-08-31 + 10 months = 2027-06-30. */
struct agreement_dates {
    sdate agreed;
    sdate copay_due;   /* agreed + copay_due_days */
    int64_t advance;   /* advance payment, won */
    sdate project_end; /* agreed + project_months, or project_end */
    sdate dev_done_by; /* project_end - dev_done_months_before, or dev_done_by */
};

void agreement_dates(const struct program *p, sdate agreed, struct agreement_dates *out);

/* R12.3, R12.5: NULL when an agreement on `date` may be recorded for r, else why not
 * (translated, in buf). first_final: the day (Korea time) the first final result was signed, 0
 * when none is; today: Korea time. */
const char *agreement_refusal(const struct call *c, const struct rank_result *res,
                              const struct app_record *r, sdate date, sdate first_final,
                              sdate today, char *buf, size_t n);

/* R12.5: NULL when a plan revision recorded on `today` (Korea time) may be due on `due`: a due
 * date is after the day it is recorded; else why not (translated, in buf). */
const char *plan_due_refusal(sdate due, sdate today, char *buf, size_t n);

/* One applicant's notification. Everything is borrowed. */
struct notify_input {
    const struct program *program;
    const struct application *app;
    const struct rank_row *row;
    const char *review_reasons;  /* the recorded review reasons, one per line, or NULL */
    const char *const *opinions; /* the counted judges' overall opinions (no names) */
    size_t n_opinions;
    bool promoted;      /* selected only because a selected application forfeited (R11.5) */
    bool has_agreement; /* an agreement is recorded on `agreed` (R12.3) */
    sdate agreed;
    int revision;        /* the final result's revision it reports, 0 when none is signed */
    sdate revision_date; /* that revision's day, Korea time */
    /* R12.4: a later revision changed this applicant's result: the earlier revision whose
     * notification this one replaces (0: none), and the outcome it had there ("waitlisted",
     * NULL when it was not in that revision). See notify_replaced. */
    int replaces;
    const char *was;
};

/* One function per outcome; each returns the body (caller frees), translated. */
char *notify_selected(const struct notify_input *in);
char *notify_promoted(const struct notify_input *in);
char *notify_waitlisted(const struct notify_input *in);
char *notify_excluded(const struct notify_input *in);
char *notify_ineligible(const struct notify_input *in);
char *notify_incomplete(const struct notify_input *in);
char *notify_forfeited(const struct notify_input *in);
/* The one of the above that fits the row's outcome (tie and unreviewed have their own). */
char *notify_body(const struct notify_input *in);
char *notify_subject(const struct notify_input *in); /* one line, translated */

/* A review reason in the call's words: the rule id replaced by the call's section, e.g.
 * "R3.2: industry X is not one of Y" -> "3. 신청자격: industry X is not one of Y" (caller frees).
 */
char *notify_reason_words(const char *reason);

/* The opinions of one application's counted sheets in the order a notification lists them: a
 * keyed hash of each text, so the order looks random and is the same every time. out receives
 * at most max pointers into the call; returns how many. */
size_t notify_opinions(const struct call *c, const struct app_record *r, const char **out,
                       size_t max);

/* The notification of a ranking row's applicant as every front end fills it (its opinions,
 * its review reasons in the current language, promotion and agreement; revision and
 * replacement left 0 for the caller): free it with notify_input_free. */
void notify_input_of(const struct call *c, const struct rank_row *row, const bool *promoted,
                     struct notify_input *in);
void notify_input_free(struct notify_input *in);

/* For each application of c (indexed like c->apps), whether it is selected now and would not
 * be without the forfeits (R11.5): promoted from the waiting list. Caller frees. */
bool *notify_promoted_flags(const struct call *c, const struct rank_result *now);

/* R12.4: whether a later signed revision changed the result of `app`, so that a notification
 * sent under an earlier one is out of date. revs: every signed revision, oldest first. Returns
 * the revision N before the latest one that changed its outcome or amount (N is what the
 * company was last told, when it was notified as the result stood), 0 when no revision after
 * the first changed it; *was gets its outcome name in N (NULL when N does not list it). */
int notify_replaced(const struct revision *revs, size_t n, const char *app, const char **was);

/* File names: an application id is safe to use as one (no '/', no "..", no control
 * characters, not empty, not starting with '.'). */
bool notify_safe_name(const char *id);

#endif
