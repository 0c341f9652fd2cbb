/* The program definition (one call for applications): dates, regions, rubric, documents,
 * disqualifiers, bonuses, amounts, agreement terms and every policy of RULES.md. Parsed from an
 * INI file (programs/ID.ini, format in simsa-program(5)); the built-in ones are embedded. */
#ifndef SIMSA_PROGRAM_H
#define SIMSA_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/parse.h"

#define PROGRAM_MAX_ITEMS 16
#define PROGRAM_MAX_TIE_BREAK 8

enum party { PARTY_DEMAND, PARTY_SUPPLY, PARTY_COMMON };
enum aggregate { AGGREGATE_MEAN, AGGREGATE_TRIMMED };
enum adjust_mean { ADJUST_MEAN_ALL, ADJUST_MEAN_DISSENTERS };
enum budget_fit { BUDGET_FIT_STOP, BUDGET_FIT_SKIP };
/* How a disqualifier is decided: by a reviewer's yes/no, or computed from financial figures
 * when they are entered (R4.1, R4.2), falling back to the checklist answer otherwise. */
enum dq_kind { DQ_CHECKLIST, DQ_CAPITAL_EROSION, DQ_DEBT_LIQUIDITY };

struct rubric_item {
    char *id;      /* "need", "data", ... */
    char *name_ko; /* "지원 필요성" */
    char *name_en;
    char *group; /* "demand" or "supplier" */
    int32_t max_tenths;
    char *desc_ko;
    char *desc_en;
};

struct bonus_def {
    char *id; /* "local_supplier" */
    char *name_ko, *name_en;
    int32_t points_tenths;
};

struct doc_def {
    int number; /* as in the call's table, 1.. */
    char *name_ko, *name_en;
    enum party party;
    bool required;
    bool startup_exempt; /* R2.2: may be omitted by a company founded < startup_years ago */
};

struct disqualifier_def {
    char *id; /* "d3" */
    char *text_ko, *text_en;
    enum dq_kind kind;
};

struct program {
    char *id; /* "cbtp-2026" */
    char *title_ko, *title_en;
    char *agency; /* operating agency (운영기관) */

    sdate announced;         /* R1 window start */
    kst_minutes deadline;    /* R1 window end, Korea time */
    sdate docs_issued_after; /* R2.1 first valid issue date (inclusive) */

    char **regions; /* R3.1 */
    size_t n_regions;
    char **industries; /* R3.2 */
    size_t n_industries;

    struct rubric_item *items;
    size_t n_items;
    struct bonus_def *bonuses;
    size_t n_bonuses;
    struct doc_def *docs;
    size_t n_docs;
    struct disqualifier_def *dqs;
    size_t n_dqs;

    /* R5 amounts, whole won */
    int64_t support_cap;
    int64_t copay_min_sme;
    int64_t copay_min_midsize;
    int64_t advance_payment;

    /* R12.2 agreement terms: either project_months after the agreement, or a fixed end. */
    int copay_due_days;
    int project_months;         /* 0 when project_end is set */
    sdate project_end;          /* 0 when project_months is set */
    int dev_done_months_before; /* 0 when dev_done_by is set */
    sdate dev_done_by;          /* 0 when dev_done_months_before is set */

    /* R13 site inspection team */
    int inspection_evaluators;
    int inspection_staff;
    /* presentation timer, minutes */
    int timer_presentation;
    int timer_questions;

    /* R2.2 and R4.2 periods, years */
    int startup_years;     /* 2 */
    int debt_rule_years;   /* 3 */
    int debt_ratio_pct;    /* 500: debt ratio >= this % in each year disqualifies */
    int current_ratio_pct; /* 50: current ratio <= this % in each year disqualifies */
    int financial_years;   /* 2: "the last 2 fiscal years" */

    /* Policies (RULES.md) */
    enum aggregate aggregate; /* R7.1 */
    int decimals;             /* R7.2, 0..4 */
    int32_t threshold_tenths; /* R7.3, 700 */
    bool threshold_counts_bonus;
    int judges;                              /* R6.3 */
    int quorum;                              /* R6.4 */
    int32_t step_tenths;                     /* R6.2, 1 = 0.1 */
    size_t tie_break[PROGRAM_MAX_TIE_BREAK]; /* R9.2, indices into items */
    size_t n_tie_break;
    enum adjust_mean adjust_mean; /* R10.3 */
    int64_t amount_unit;          /* R10.3, 1,000 */
    enum budget_fit budget_fit;   /* R11.2 */
    int32_t bonus_cap_tenths;     /* R8, -1 = none */
    bool notify_opinions;         /* R12.4: judges' opinions in notifications, default yes */
};

/* Parse a definition. Every problem goes to d as "filename:line: message" (unknown section or
 * key, bad value, maxima not summing to 100, tie-break naming an unknown item, missing key...).
 * Returns 0 when there is none; on failure *out is freed and zeroed. */
int program_parse(const char *text, const char *filename, struct program *out, struct diags *d);
void program_free(struct program *p);

const struct rubric_item *program_item(const struct program *p, const char *id, size_t *index);
const struct bonus_def *program_bonus(const struct program *p, const char *id);
const struct doc_def *program_doc(const struct program *p, int number);
const struct disqualifier_def *program_dq(const struct program *p, const char *id);
int32_t program_total_tenths(const struct program *p); /* sum of item maxima */
int64_t program_copay_min(const struct program *p, bool midsize);

/* Built-in definitions, embedded from programs/ID.ini at build time; ends with {NULL, NULL}. */
struct builtin_program {
    const char *id;
    const char *text;
};
extern const struct builtin_program builtin_programs[];
const char *program_builtin_text(const char *id); /* NULL when there is no such built-in */

#endif
