/* Signed records (R14, DESIGN.md Trust): the canonical UTF-8 text of each kind of record, the
 * exact bytes a person signs and `simsa verify` re-derives from the stored rows. simsa-records(5)
 * documents the format; a change to it is a new format version, never an edit. */
#ifndef SIMSA_RECORDS_H
#define SIMSA_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RECORD_FORMAT_LINE "simsa-record 1"
#define RECORD_HASH_BYTES 32 /* audit-chain hash, as audit_hash() makes it */

enum record_kind {
    RECORD_REVIEW,
    RECORD_INSPECTION,
    RECORD_CONFLICT,
    RECORD_BONUS_AWARD,
    RECORD_BONUS_WITHDRAWAL,
    RECORD_SHEET,
    RECORD_TIE,
    RECORD_FORFEIT,
    RECORD_BUDGET,
    RECORD_RESULT,
    RECORD_AUDIT_HEAD,
    RECORD_PLAN,
    RECORD_AGREEMENT,
    RECORD_CHECKPOINT
};

/* The word after "kind: " ("review", "bonus-award", ...); untranslated, it is part of the
 * format. NULL for a value outside the enum. */
const char *record_kind_name(enum record_kind k);

/*
 * Every record names its program (the call's program id, so a signature cannot be moved to
 * another call), the person who signs it (`signer`, a person name) and when (`at`, UTC
 * "2026-06-22T05:30:00Z"; any other form is refused). Identifiers (program, app, judge, ...)
 * must be non-empty; free text (reasons, notes, opinion) may be empty; a NULL free text is taken
 * as empty. Lists are arrays of n strings, in the order they are to be signed.
 *
 * Each record_*_text function returns a new string (caller frees), or NULL when a value cannot
 * be written (empty identifier, text not UTF-8, bad time, negative score, ...); then *why (if
 * why is not NULL) receives a translated message naming the field (caller frees).
 */

struct record_review { /* a document-review decision (R2–R5) */
    const char *program, *app;
    bool passed;
    const char *const *reasons; /* one line each */
    size_t n_reasons;
    const char *signer, *at;
};

struct record_inspection { /* a site-inspection record */
    const char *program, *app;
    const char *date;           /* "YYYY-MM-DD" */
    const char *const *members; /* the inspection team */
    size_t n_members;
    const char *const *facts; /* facts checked */
    size_t n_facts;
    const char *const *findings;
    size_t n_findings;
    const char *notes;
    const char *signer, *at;
};

struct record_conflict { /* a conflict-of-interest declaration (R6.4) */
    const char *program, *app, *judge, *reason;
    const char *signer, *at; /* the judge, or the secretariat recording it */
};

struct record_bonus { /* a bonus award (R8), or its withdrawal (points then not written) */
    const char *program, *app, *bonus; /* bonus: the program's bonus id */
    int32_t points_tenths;
    const char *note;
    const char *signer, *at;
};

struct record_sheet_item {
    const char *id;      /* rubric item id; must not contain '=' */
    int32_t tenths;      /* >= 0 */
    const char *comment; /* the judge's comment on the item; NULL or "" writes no line, so
                          * the text of a sheet without comments is as it always was */
};

struct record_sheet { /* a submitted score sheet (R6, R10) */
    const char *program, *app, *judge;
    const struct record_sheet_item *items; /* in the program's item order */
    size_t n_items;
    bool agree;     /* R10.1: agrees to the requested amount */
    int64_t amount; /* adjusted amount in won when !agree (>= 0); ignored when agree */
    const char *opinion;
    bool transcribed;   /* entered by the secretariat from a paper sheet */
    const char *signer; /* who submitted it: the judge, or the secretariat when transcribed */
    const char *at;
};

struct record_tie { /* the committee's order for an unresolved tie (R9.3) */
    const char *program;
    const char *const *apps; /* first first; at least two */
    size_t n_apps;
    const char *reason;
    const char *signer, *at;
};

struct record_forfeit { /* a forfeit and the promotions it caused (R11.5) */
    const char *program, *app, *reason;
    const char *const *promoted; /* app ids, may be none */
    size_t n_promoted;
    const char *signer, *at;
};

struct record_agreement { /* the agreement (3자 협약) of a selected application (R12.3) */
    const char *program, *app;
    const char *date; /* "2026-08-31" */
    const char *signer, *at;
};

struct record_budget { /* the budget set for the call (R11) */
    const char *program;
    int64_t won; /* >= 0 */
    const char *signer, *at;
};

struct record_result_row {
    int rank; /* >= 1; tied rows share it */
    const char *app;
    int64_t base, final; /* scaled by 10^decimals (R7.2, R8) */
    const char *outcome; /* outcome_name(): "selected", "waitlisted", ... */
    int64_t amount;      /* R10 support amount, won, >= 0 */
};

struct record_result { /* the final result: every ranked row */
    const char *program;
    int decimals; /* the program's decimals, 0..4 */
    /* R11.6: a later revision names its number (2..), the digest of the previous revision's
     * text and each change since it ("2026-001 selected -> forfeited"); revision 1 has none. */
    int revision;
    const char *previous;
    const char *const *changes;
    size_t n_changes;
    const struct record_result_row *rows;
    size_t n_rows;
    const char *signer, *at;
};

struct record_audit_head { /* the head of the audit chain, signed at a milestone */
    const char *program;
    int64_t seq; /* >= 1 */
    uint8_t hash[RECORD_HASH_BYTES];
    const char *signer, *at;
};

char *record_review_text(const struct record_review *r, char **why);
char *record_inspection_text(const struct record_inspection *r, char **why);
char *record_conflict_text(const struct record_conflict *r, char **why);
char *record_bonus_award_text(const struct record_bonus *r, char **why);
char *record_bonus_withdrawal_text(const struct record_bonus *r, char **why);
char *record_sheet_text(const struct record_sheet *r, char **why);
char *record_tie_text(const struct record_tie *r, char **why);
char *record_forfeit_text(const struct record_forfeit *r, char **why);
char *record_budget_text(const struct record_budget *r, char **why);
char *record_agreement_text(const struct record_agreement *r, char **why);
char *record_result_text(const struct record_result *r, char **why);
char *record_audit_head_text(const struct record_audit_head *r, char **why);

/* A verification checkpoint (simsa-records(5), "Checkpoints"): `simsa --as NAME verify` found
 * every signature of the chain's events 1..seq and of the records those events name valid;
 * event_signatures and record_signatures are the sig_digest of those signatures' bytes, in
 * chain order and in verify's reading order, over `records` records. Not an audit event. */
struct record_checkpoint {
    const char *program;
    int64_t seq; /* >= 1 */
    uint8_t hash[RECORD_HASH_BYTES];
    uint8_t event_signatures[RECORD_HASH_BYTES];
    uint8_t record_signatures[RECORD_HASH_BYTES];
    int64_t records; /* >= 0 */
    const char *signer, *at;
};
char *record_checkpoint_text(const struct record_checkpoint *r, char **why);

/* minisign's trusted comment for a record: "simsa <kind> <id> by <signer>", e.g.
 * "simsa sheet 2026-001/강민준 by 강민준". id and signer are NFC-normalised and escaped as in
 * the record, so the comment is one line. NULL when either is not UTF-8 or k is unknown. */
struct record_plan { /* R12.1: a plan revision required of a selected application, or made */
    const char *program, *app;
    bool made;        /* false: the requirement (due, text); true: the secretariat saw it made */
    const char *due;  /* YYYY-MM-DD, the requirement's */
    const char *text; /* what the committee requires */
    const char *signer, *at;
};
char *record_plan_text(const struct record_plan *r, char **why);

char *record_trusted_comment(enum record_kind k, const char *id, const char *signer);

#endif
