/* Document review and eligibility: R1 window, R2 documents, R3 eligibility, R4 disqualifiers,
 * R5 amounts. Pure functions over plain structs; every failure carries a reason for people. */
#ifndef SIMSA_REVIEW_H
#define SIMSA_REVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/parse.h"
#include "core/program.h"

enum company_size { SIZE_SME, SIZE_MIDSIZE, SIZE_LARGE };

struct application {
    char *id; /* "2026-001" */
    char *company;
    char *biz_no; /* 10 digits */
    enum company_size size;
    char *region;         /* head office, e.g. "충청북도 청주시 흥덕구" or "청주시" */
    char *factory_region; /* may be empty */
    char *industry;
    sdate founded;
    char *supplier;
    char *supplier_region;
    bool supplier_pools; /* R3.4: registered in both pools by the deadline */
    int64_t requested;   /* won */
    int64_t copay;       /* won */
    char *title;
    char *contact_name;
    char *contact_email;
    kst_minutes received;
    bool received_has_time;
};

/* Free the strings of an application (not the struct itself). */
void application_free(struct application *a);

struct submitted_doc {
    int number;
    sdate issued;
};

struct finance_year {
    int year;
    int64_t liabilities, equity, current_assets, current_liabilities; /* won */
};

enum answer { ANSWER_NONE, ANSWER_YES, ANSWER_NO };

struct checklist_answer {
    const char *item; /* a disqualifier id of the program */
    enum answer answer;
    const char *note;
};

struct review_input {
    const struct application *app;
    const struct submitted_doc *docs;
    size_t n_docs;
    const struct finance_year *finance;
    size_t n_finance;
    const struct checklist_answer *answers;
    size_t n_answers;
};

struct review_result {
    bool passed;
    struct strlist reasons; /* each failing rule, e.g. "R2.1 document 6 (국세 및 ...) was issued
                               2026-02-28, before 2026-03-01" */
    struct strlist notes;   /* facts shown with the decision: computed ratios (R4) etc. */
    struct strlist unanswered; /* R4: checklist items left unanswered (count as not holding) */
};

/* R1: is an application received at `received` on time? has_time false = date only, which is
 * accepted on the deadline day. */
bool received_in_window(const struct program *p, kst_minutes received, bool has_time);
/* R2.1: issued on or after docs_issued_after and not after the deadline date. */
bool doc_is_valid_on(const struct program *p, sdate issued);
/* R2.1: when `issued` is outside the window, the reason is added to *why (as review gives it). */
void doc_issue_check(const struct program *p, const struct doc_def *d, sdate issued,
                     struct strlist *why);
/* R2.2: founded less than startup_years before the announcement. */
bool startup_exempt(const struct program *p, sdate founded);
/* R3.1: does a place name match a call region ("청주시" in "충청북도 청주시 흥덕구")? */
bool region_matches(const struct program *p, const char *place);

/* R4.1 / R4.2 computed from figures; returns 1 holds, 0 does not, -1 not computable (figures
 * missing), with the figures explained in notes. */
int dq_capital_erosion(const struct program *p, const struct finance_year *f, size_t n,
                       struct strlist *notes);
int dq_debt_liquidity(const struct program *p, const struct application *a,
                      const struct finance_year *f, size_t n, struct strlist *notes);

/* The whole document review and eligibility decision (R2–R5). */
void review_application(const struct program *p, const struct review_input *in,
                        struct review_result *out);
void review_result_free(struct review_result *r);

const char *size_name(enum company_size s);  /* "sme" / "midsize" / "large" */
const char *size_label(enum company_size s); /* the same for people, translated */
int size_parse(const char *s,
               enum company_size *out); /* also 중소기업, 중견기업, 대기업 (or 중소 기업, ...) */

#endif
