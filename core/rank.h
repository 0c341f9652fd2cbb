/* Scoring, ranking, amounts and selection: R6 sheets, R7 base score and band, R8 bonuses,
 * R9 ranking and ties, R10 majority-consent amount, R11 the budget walk, forfeits. Exact
 * integer arithmetic throughout: scores in tenths, official figures scaled by 10^decimals,
 * means compared as fractions, amounts in whole won. */
#ifndef SIMSA_RANK_H
#define SIMSA_RANK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/program.h"
#include "core/sheet.h"

enum review_state { REVIEW_NONE, REVIEW_PASSED, REVIEW_FAILED };

struct rank_app {
    const char *id;
    const char *company;
    enum review_state review;
    const char *review_reasons; /* the recorded decision's reasons, one per line, or NULL */
    int64_t requested;
    int panel_judges;           /* judges of the application's panel (R6.3) */
    int conflicts;              /* of those, how many declared a conflict (R6.4) */
    const struct sheet *sheets; /* the counted ones (R6.2: complete, every item scored) */
    size_t n_sheets;
    int32_t bonus_tenths;       /* sum of awarded bonuses before bonus_cap (R8) */
    bool forfeited;             /* R11.5 / R12.1 */
    const char *forfeit_reason; /* as recorded, or NULL: shown in the outcome's reason */
};

/* A committee's recorded order for an unresolved tie (R9.3): the members, first first. */
struct tie_order {
    const char **apps;
    size_t n;
};

struct rank_input {
    const struct program *program;
    const struct rank_app *apps;
    size_t n_apps;
    /* Optional: when set, apps[i].sheets is not read; the n_sheets sheets of application i are
     * written into buf by sheets_of when needed, one application at a time, so a large call is
     * ranked without a copy of every sheet at once (50,000 sheets are 4 MB). */
    void (*sheets_of)(const void *ctx, size_t app, struct sheet *buf);
    const void *sheets_ctx;
    const struct tie_order *ties;
    size_t n_ties;
    bool has_budget;
    int64_t budget;
};

enum band { BAND_UNREVIEWED, BAND_INELIGIBLE, BAND_INCOMPLETE, BAND_TARGET, BAND_EXCLUDED };
enum outcome {
    OUTCOME_SELECTED,
    OUTCOME_WAITLISTED,
    OUTCOME_EXCLUDED,
    OUTCOME_INELIGIBLE,
    OUTCOME_INCOMPLETE,
    OUTCOME_UNREVIEWED,
    OUTCOME_FORFEITED,
    OUTCOME_TIE
};

struct rank_row {
    size_t app; /* index into rank_input.apps */
    enum band band;
    enum outcome outcome;
    int rank;             /* 1.. for ranked (target) rows, shared by an unresolved tie; 0 none */
    int n_sheets;         /* submitted sheets counted */
    bool has_result;      /* band is target or excluded: base/bonus/final are meaningful */
    int64_t base;         /* official base, scaled by 10^decimals (R7.2) */
    int32_t bonus_tenths; /* after bonus_cap */
    int64_t bonus;        /* the same, scaled by 10^decimals as it is added to the base (R8) */
    int64_t final;        /* official base + bonus, scaled by 10^decimals (R8) */
    bool has_amount;      /* band is target */
    int64_t amount;       /* R10 support amount, won */
    int agree;            /* sheets agreeing to the requested amount */
    int tie_group;        /* 0 none; members of the same unresolved tie share a number */
    bool tie_resolved;    /* the committee's order was applied */
    bool withheld;        /* a judge's view before their own sheet: nothing of it is shown but
                           * the application (session_rank_view); the other fields are empty */
    char *reason;         /* why this band/outcome, for people (translated) */
    char *amount_reason;  /* R10.4, e.g. "2 of 5 agreed (< 3): mean of 5 amounts = 71,000,000" */
};

struct rank_result {
    struct rank_row *rows; /* ranked rows by rank, then the others by app id */
    size_t n;
    int64_t used;         /* sum of selected amounts */
    bool budget_hidden;   /* a judge's view (session_rank_view): no budget, no amount in use */
    struct strlist notes; /* e.g. "no budget set", stale tie decisions */
};

/* R7.1: the base score as an exact fraction num/den of tenths; returns -1 when there are no
 * sheets (or trimmed would leave none). */
int base_score_fraction(const struct program *p, const struct sheet *s, size_t n, int64_t *num,
                        int64_t *den);
/* R7.2: a fraction of tenths rounded half-up to `decimals` places, scaled by 10^decimals. */
int64_t official_round(int64_t num, int64_t den, int decimals);
/* R10: the support amount and its reason (caller frees *reason). */
int64_t amount_by_majority(const struct program *p, int64_t requested, const struct sheet *s,
                           size_t n, int *agree, char **reason);

void rank_compute(const struct rank_input *in, struct rank_result *out);
void rank_result_free(struct rank_result *r);

/* What the walk (R11) of a ranking gives with another budget: how many it selects, waitlists
 * and leaves in unresolved ties, and the amount it uses. */
struct rank_counts {
    int selected, waitlisted, ties;
    int64_t used;
};
/* The counts of rank_compute with `budget`, its other input r's: the same walk over r's ranked
 * rows, without a second ranking or a reason written (a form's preview: a call of 10,000
 * applications must stay within 32 MB). r is a result of rank_compute for program p, not a
 * judge's view of it (session_rank_view). */
void rank_budget_counts(const struct program *p, const struct rank_result *r, int64_t budget,
                        struct rank_counts *out);

const char *band_name(enum band b);        /* "target", ... (the CSV words, untranslated) */
const char *outcome_name(enum outcome o);  /* "selected", ... */
const char *band_label(enum band b);       /* translated for people */
const char *outcome_label(enum outcome o); /* translated for people */
/* A row's rank as people read it, the same everywhere: "3", "=3" for an unresolved tie (its
 * members share the number), "" when unranked. */
void rank_label(const struct rank_row *r, char out[16]);
/* The label of an outcome given by its name ("selected"), or the name itself when unknown. */
const char *outcome_label_of(const char *name);

#endif
