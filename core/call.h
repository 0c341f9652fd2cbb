/* A whole call in memory: the program, people, panels, applications with everything recorded
 * about them. db/ fills it; the rules are applied to it here, so every front end asks the same
 * functions (who is on an application's panel, its review, the ranking). */
#ifndef SIMSA_CALL_H
#define SIMSA_CALL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/keys.h"
#include "core/program.h"
#include "core/rank.h"
#include "core/review.h"
#include "core/role.h"
#include "core/sheet.h"

struct person {
    int64_t id;
    char *name;
    enum role role;
    struct public_key pub;
    struct sealed_key sealed;
};

struct panel {
    int64_t id;
    char *name;
    int64_t *judges; /* person ids */
    size_t n_judges;
};

struct checklist_row {
    char *item;
    enum answer answer;
    char *note;
};

/* A recorded sheet: the sheet as submitted, and what the store adds. Its strings are the
 * call's (s.app is the application's id). */
struct app_sheet {
    struct sheet s;
    int64_t id;
    int64_t submitted_by; /* who signed it: the judge, or the secretariat when transcribed */
    char *submitted_at;   /* UTC ISO 8601 */
};

struct app_record {
    struct application a;
    struct submitted_doc *docs;
    size_t n_docs;
    struct finance_year *finance;
    size_t n_finance;
    struct checklist_row *answers;
    size_t n_answers;
    enum review_state review; /* the latest recorded decision */
    char *review_reasons;     /* newline-separated, as recorded */
    int64_t review_seq;       /* audit event of the latest decision (0 = none) */
    int64_t facts_seq;        /* audit event of the latest fact review reads (0 = none) */
    int64_t panel;            /* panel id, 0 = none (the default panel of every judge) */
    int64_t *conflicts;       /* judge ids who declared a conflict */
    size_t n_conflicts;
    char **bonuses; /* awarded bonus ids */
    size_t n_bonuses;
    struct app_sheet *sheets;
    size_t n_sheets;
    bool forfeited;
    char *forfeit_reason; /* R11.5/R11.7: as recorded (a plan revision not made names it) */
    sdate agreed;         /* R12.3: the agreement's date, 0 = none */
    bool inspected;
    int position; /* in its panel's presentation order, 1..; 0 = not placed (after, by id) */
};

struct tie_record {
    char **apps; /* the committee's order */
    size_t n;
};

struct call {
    char *program_text;
    struct program program;
    struct person *people;
    size_t n_people;
    struct panel *panels;
    size_t n_panels;
    struct app_record *apps; /* sorted by id */
    size_t n_apps;
    struct tie_record *ties;
    size_t n_ties;
    bool has_budget;
    int64_t budget;
    int64_t seq; /* the newest audit event the records were read at (db/ store_load) */
};

void call_free(struct call *c);
/* Free what one application's record holds and zero it (its place in c->apps stays). */
void call_app_clear(struct app_record *r);
/* Free the call-level parts read apart from the applications (people, panels, tie decisions)
 * and forget the budget: what db/ reads again when a call-level event arrives. */
void call_parts_clear(struct call *c);

/* The audit log's kind of an event ("app import") in words for people, translated; an unknown
 * kind as it is. */
const char *event_kind_label(const char *kind);

struct app_record *call_find_app(const struct call *c, const char *id);
struct person *call_find_person(const struct call *c, const char *name);
struct person *call_person_by_id(const struct call *c, int64_t id);
struct panel *call_find_panel(const struct call *c, const char *name);

/* R6.3: the judges who score an application: its panel's, or every judge when it has none.
 * *out gets all of them, person ids (caller frees, also when there is none). */
size_t call_app_judges(const struct call *c, const struct app_record *r, int64_t **out);
bool call_judge_on_app(const struct call *c, const struct app_record *r, int64_t judge);
/* R6.6: once any panel exists, an application must be assigned to one before it is scored. NULL
 * when r may be scored as far as panels go, else why not (translated, in buf). The one check of
 * `score import`, `sheet import` and the score form. */
const char *call_unassigned_refusal(const struct call *c, const struct app_record *r, char *buf,
                                    size_t len);
bool call_has_conflict(const struct app_record *r, int64_t judge);
const struct app_sheet *call_sheet_of(const struct app_record *r, int64_t judge);

/* The process stage of RULES.md ("received → document review → site inspection → presentation
 * scoring → …"), derived from what is recorded. */
enum stage {
    STAGE_RECEIVED,
    STAGE_INELIGIBLE,
    STAGE_REVIEWED,
    STAGE_INSPECTED,
    STAGE_SCORING,
    STAGE_SCORED,
    STAGE_SELECTED, /* scored and selected (R11); only call_stage_counts knows the result */
    STAGE_AGREED,   /* selected with its agreement recorded (R12.3) */
    STAGE_FORFEITED
};
#define STAGE_COUNT (STAGE_FORFEITED + 1)
/* The stage without the result: never STAGE_SELECTED or STAGE_AGREED. */
enum stage call_app_stage(const struct call *c, const struct app_record *r);
/* How many applications are at each stage through to "agreed" (the dashboard's counts): a
 * scored application that res selects is "selected", or "agreed" once its agreement is
 * recorded. In a judge's view (res->budget_hidden) only the applications res lists count. */
void call_stage_counts(const struct call *c, const struct rank_result *res,
                       int counts[STAGE_COUNT]);
const char *stage_name(enum stage s);  /* "received", ... */
const char *stage_label(enum stage s); /* translated */

/* True when r's latest review decision stands: it was made after every fact review reads (the
 * application, its documents, financial figures and checklist answers) was last recorded, so
 * deciding again would decide the same from the same facts. */
bool call_review_stands(const struct app_record *r);
/* R2–R5 for one application. */
void call_review(const struct call *c, const struct app_record *r, struct review_result *out);
/* The recorded review reasons of r in the current language (caller frees; NULL when none are
 * recorded): decided again from the same facts when the decision still stands (no fact changed
 * since it, so the rules give the same reasons), else as they were recorded. A notification
 * read in Korean then says them in Korean though the review ran in an English locale. */
char *call_review_reasons_now(const struct call *c, const struct app_record *r);
/* R6–R11 over the whole call. */
void call_rank(const struct call *c, struct rank_result *out);
/* R11.5: who a forfeit of `app` would promote: the ids selected after it and not before
 * (caller frees the list). */
void call_promotions(const struct call *c, const char *app, struct strlist *promoted);
/* The outcome of one application in a ranking (unreviewed when it has no row). */
enum outcome call_outcome(const struct call *c, const struct rank_result *res,
                          const struct app_record *r);
/* R9.3: the unresolved tie group whose members are exactly `apps` (n of them, no repeats), or 0. */
int call_unresolved_tie(const struct call *c, const struct rank_result *res,
                        const char *const *apps, size_t n);
/* R11.5: NULL when `r` may forfeit now, else why not (translated, static). */
const char *call_forfeit_refusal(const struct call *c, const struct rank_result *res,
                                 const struct app_record *r);
/* R6.3: what is wrong with a new panel `name` of these judges (person ids), each problem a
 * translated line in *problems; none = it may be added. */
void call_panel_check(const struct call *c, const char *name, const int64_t *judges, size_t n,
                      struct strlist *problems);
/* R6.3 / R6.6: NULL when `r` may be assigned to (or moved to) a panel, else why not
 * (translated, static): only an application that passed document review is assigned. */
const char *call_assign_refusal(const struct app_record *r, int64_t panel);
/* R6.3: NULL when `field` is one of the program's business fields (R3.2), else why not (in buf,
 * listing them). */
const char *call_field_refusal(const struct call *c, const char *field, char *buf, size_t len);
/* R6.3: the applications a new panel of these business fields takes: of one of the fields,
 * passed document review, on no panel yet. Indices into c->apps in out (room for c->n_apps). */
size_t call_field_apps(const struct call *c, const char *const *fields, size_t n_fields,
                       size_t *out);
/* A person's name: 1-100 bytes of NFC UTF-8, one line, no commas (lists are comma-separated).
 * NULL when good, else why not (translated, static). */
const char *person_name_refusal(const char *name);
/* R12.1: NULL when a plan revision may be required of r (made false: none is open) or recorded
 * as made (made true: one is); has_open says whether one is required and not yet recorded as
 * made or not. Else why not (translated, static). */
const char *call_plan_refusal(const struct call *c, const struct rank_result *res,
                              const struct app_record *r, bool made, bool has_open);
/* R14: NULL when the result may be finalized, else why not (translated, static). */
const char *call_finalize_refusal(const struct rank_result *res);

/* R12.3: the selected applications with no agreement recorded yet, in rank order. */
void call_without_agreement(const struct call *c, const struct rank_result *res,
                            struct strlist *ids);

#endif
