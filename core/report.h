/* The report model: every number and decision the result workbook and its CSV show, computed
 * here from the call, so that reports/ only lays them out and a figure in the workbook is the
 * one `simsa rank` prints (DESIGN.md Reports). Judge calibration is core/calibration.h's. */
#ifndef SIMSA_REPORT_H
#define SIMSA_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/calibration.h"
#include "core/keys.h"
#include "core/rank.h"
#include "core/review.h"

struct call;
struct app_record;
struct app_sheet;

/* One submitted sheet as the workbook lists it. Each application's counted sheets come first
 * and next to each other, so the workbook's formulas average one block of rows (R7.1). */
struct report_sheet {
    size_t app;                    /* index into call->apps */
    const struct app_sheet *sheet; /* owned by the call */
    const char *judge;             /* the judge's name (owned by the call) */
    int32_t total_tenths;          /* R6.2 */
    bool counted;                  /* R6.3, R6.4: a judge of the panel without a conflict */
    const char *not_counted;       /* why not, for people (translated); NULL when counted */
};

/* R10.2: the majority test of one application's counted amount votes. */
struct amount_test {
    int votes;     /* counted sheets */
    int agree;     /* of those, agreeing to the requested amount (R10.1) */
    int needed;    /* more than half: votes / 2 + 1 */
    bool majority; /* agree >= needed: the requested amount */
};

struct report_app {
    size_t app;                 /* index into call->apps */
    const struct rank_row *row; /* its row of the ranking (owned by the report) */
    size_t first_sheet;         /* its rows in report.sheets: n_counted counted ones first, */
    size_t n_counted;           /* then n_sheets - n_counted that do not count */
    size_t n_sheets;
    int64_t item_sums[PROGRAM_MAX_ITEMS]; /* Σ tenths of each item over the counted sheets */
    struct amount_test amount;
    const char *panel; /* the panel's name, NULL on no panel (every judge, R6.3) */
    /* R9.3: inside a tie the committee ordered, the rank it gave; 0 otherwise. Members of one
     * such tie are equal on every score key, so this alone orders them. */
    int tie_order;
};

struct report {
    const struct call *call;
    struct rank_result rank;     /* R6–R11 as call_rank gives it: rows in rank order */
    struct report_app *apps;     /* indexed like call->apps */
    struct report_sheet *sheets; /* by application id; counted first within each */
    size_t n_sheets;
    size_t n_counted; /* sheets that count, over the whole call */
    struct calibration calibration;
    /* R11: the budget used by the selected rows of the ranking up to and including row i
     * (indexed like rank.rows), for the chart's budget line. */
    int64_t *used;
};

/* Build the model of a call (the call must outlive it: texts are borrowed). */
void report_build(const struct call *c, struct report *out);
void report_free(struct report *r);
const struct report_app *report_app_of(const struct report *r, const struct rank_row *row);

/* ---- R2–R4: what the document review sheet shows for one application ---- */

enum doc_status {
    DOC_VALID,    /* issued within the window (R2.1) */
    DOC_EARLY,    /* issued before docs_issued_after: not submitted (R2.1) */
    DOC_LATE,     /* issued after the deadline: not submitted (R2.1) */
    DOC_MISSING,  /* required and not submitted (R2.3) */
    DOC_EXEMPT,   /* not submitted, and a start-up may omit it (R2.2) */
    DOC_OPTIONAL, /* optional and not submitted (R2.3: never fails the review) */
};

struct doc_check {
    const struct doc_def *def; /* owned by the program */
    bool submitted;
    sdate issued; /* the submission that counts: a valid one, else the latest */
    enum doc_status status;
};

struct dq_check {
    const struct disqualifier_def *def;
    enum answer answer; /* the reviewer's checklist answer (R4), ANSWER_NONE unanswered */
    const char *note;   /* owned by the call; NULL without an answer */
};

struct report_review {
    struct doc_check *docs; /* one per document of the program, in its order */
    size_t n_docs;
    struct dq_check *dqs; /* one per disqualifier of the program */
    size_t n_dqs;
    struct review_result now; /* R2–R5 applied now: reasons, computed ratios (R4), unanswered */
};

void report_review(const struct call *c, const struct app_record *r, struct report_review *out);
void report_review_free(struct report_review *rv);
const char *doc_status_label(enum doc_status s); /* translated */

/* ---- R12.2: the agreement terms shown to a selected applicant ---- */

struct agreement_terms {
    int64_t copay;         /* the application's co-payment, won (R5.2) */
    int copay_due_days;    /* due this many days after the agreement */
    int64_t advance;       /* advance payment, won */
    char *copay_due;       /* "within 14 days of the agreement" (translated) */
    char *project_period;  /* "10 months from the agreement" / "from the agreement to ..." */
    char *development_due; /* "2 months before the project ends" / "by 2026-04-30" */
};

void agreement_terms(const struct program *p, const struct application *a,
                     struct agreement_terms *out);
void agreement_terms_free(struct agreement_terms *t);

/* The outcome in plain words for the applicant's notification (translated). */
const char *outcome_plain_words(enum outcome o);

/* ---- R14: one signed record checked as `simsa verify` checks it ---- */

enum signed_check {
    SIGNED_VERIFIED,
    SIGNED_NOT_SIGNED,
    SIGNED_UNREADABLE, /* the stored values cannot be turned into a record */
    SIGNED_CHANGED,    /* the stored values differ from what was signed */
    SIGNED_UNKNOWN_SIGNER,
    SIGNED_BAD_SIGNATURE,
};

struct signed_input {
    int64_t signer;           /* person id */
    const char *derived;      /* the record text rebuilt from the stored values, or NULL */
    const char *derive_error; /* why it could not be rebuilt */
    const char *signed_text;  /* NULL when never signed */
    const char *signature;    /* minisign .minisig */
    /* A trusted checkpoint verified this very signature over this very text (its digest and
     * signature bytes are bound by the checkpoint): every check but Ed25519's is made. */
    bool by_checkpoint;
    bool no_key_id; /* the caller does not show the key id: not decoded when not checked */
};

struct signed_result {
    enum signed_check check;
    bool has_key_id;
    uint8_t key_id[KEY_ID_BYTES]; /* the key the signature names, else the signer's */
    char *why;                    /* for people when not verified (caller frees), else NULL */
    bool by_checkpoint;           /* verified, its signature as a checkpoint checked it */
};

/* Thread-safe: reads the call only. */
void signed_check(const struct call *c, const struct signed_input *in, struct signed_result *out);
const char *signed_check_label(enum signed_check s); /* translated: "verified", ... */
/* A result that is not SIGNED_VERIFIED as one problem line naming the record (label). */
void signed_result_diag(const struct call *c, const char *label, int64_t signer,
                        const struct signed_result *res, struct diags *d);

/* in[i] checked into out[i] for i < n, exactly as signed_check does, on as many threads as
 * there are processors (at most SIGNED_THREADS_MAX): the two Ed25519 verifications of each
 * record are most of the work of `simsa verify` and of a large export. */
#define SIGNED_THREADS_MAX 8
void signed_check_many(const struct call *c, const struct signed_input *in,
                       struct signed_result *out, size_t n);

/* R14, both directions (DESIGN.md Trust): every signed record is named by exactly one event of
 * the audit chain, and every event that names a record still has it. An event's digest is the
 * record_digest_hex of the signed text it recorded. */
struct recorded_event {
    int64_t seq;
    char *what; /* "sheet submitted 2026-011", for people */
    char digest[RECORD_DIGEST_HEX + 1];
};

struct recorded_row {
    const char *label; /* "sheet 2026-011/강민준" */
    char digest[RECORD_DIGEST_HEX + 1];
    size_t index; /* its place in its table's order (set by the caller, tables one after another) */
    int64_t seq;  /* out: the event that records it, 0 when none */
};

/* Reports to d: a row no event records, a row stored more than once (a copy or a replay of a
 * signed record), an event whose record is gone, and rows of one table stored in another
 * order than their events (a swap: "the latest" decision is read by that order). Sorts both
 * arrays. */
/* fn(i, ctx) for every i < n, on every processor (up to SIGNED_THREADS_MAX threads, this one
 * included); fn must only touch what belongs to item i. */
void parallel_for(size_t n, void (*fn)(size_t i, void *ctx), void *ctx);
void records_match_events(struct recorded_event *ev, size_t n_ev, struct recorded_row *rows,
                          size_t n_rows, struct diags *d);
void recorded_events_free(struct recorded_event *ev, size_t n);

/* ---- words of the printed workbook ---- */

/* A signed record's label as db/verify.c names it ("bonus 2026-001/local_supplier") for
 * people: the record kind translated, a bonus by the program's own name (Korean when korean).
 * An unknown kind is copied. Caller frees. */
char *signed_label_words(const struct program *p, const char *label, bool korean);
/* A UTC time as stored ("2026-07-01T09:00:00Z") in Korea time (UTC+9, no daylight saving):
 * "2026-07-01 18:00:00 KST"; any other text is copied. Caller frees. */
char *korea_time(const char *utc);
/* A sheet's per-item comments on one line per item ("지원 필요성: 구체적임"), the items named
 * in the program's language (Korean when korean); NULL when it has none. Caller frees. */
char *sheet_comments_text(const struct program *p, const struct sheet *sh, bool korean);

#endif
