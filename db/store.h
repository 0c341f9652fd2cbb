/* The store: one SQLite file per call (DESIGN.md Data). Only this layer includes sqlite3.h.
 * Every write happens between store_begin (BEGIN IMMEDIATE) and store_commit; a failure rolls
 * back, so a command either changes everything it meant to or nothing. */
#ifndef SIMSA_STORE_H
#define SIMSA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/keys.h" /* struct sig_digest, RECORD_DIGEST_HEX */
#include "core/parse.h"
#include "core/role.h"

struct store;
struct application;
struct call;
struct finance_year;
struct person;
struct program;
struct recorded_event;
struct sheet;
struct signed_input;

/* Who signs a record, when (UTC ISO 8601), the canonical text signed and the .minisig. */
struct signing {
    int64_t person;
    const char *at;
    const char *text;
    const char *sig;
};

/* Create a new database file (mode 0600; refuses to overwrite) holding the program text; 0,
 * or -1 with a problem in d. */
int store_create(const char *path, const char *program_id, const char *program_text,
                 struct diags *d);
/* Open an existing database, applying any pending migrations; 0, or -1 with a problem in d. */
int store_open(const char *path, struct store **out, struct diags *d);
void store_close(struct store *st);
const char *store_errmsg(const struct store *st);
/* Fold the write-ahead log into the database file (PRAGMA wal_checkpoint(TRUNCATE)), so the
 * file alone holds the latest state. Best effort: 0, or -1 when readers kept it from finishing. */
int store_checkpoint(struct store *st);
/* A consistent copy of the database at src_path into dst_path (an existing, empty file, made
 * 0600 by the caller) with SQLite's online backup API: the copy is taken in one read
 * transaction, the write-ahead log included. The source is opened read-only and not changed.
 * 0, or -1 with a problem in d. */
int store_backup(const char *src_path, const char *dst_path, struct diags *d);

/* The person who makes, and signs, every event written through this connection from now on
 * (DESIGN.md Trust: no anonymous writes). Both are borrowed and must outlive their use; NULL
 * clears. The interactive program sets it at sign-in, the commands after unlocking --as. */
void store_set_actor(struct store *st, const struct person *who, const struct secret_key *key);

int store_begin(struct store *st);
int store_commit(struct store *st);
/* One snapshot for a reader (verify, export): a read transaction, ended by store_commit. */
int store_read_begin(struct store *st);
void store_rollback(struct store *st);

/* Read the whole call; d receives problems (e.g. a stored program that no longer parses). */
int store_load(struct store *st, struct call *out, struct diags *d);
/* The call without its score sheets (every app's n_sheets 0): the facts, people, panels and
 * ties, for a reader that reads the sheets' rows itself (verify). */
int store_load_facts(struct store *st, struct call *out, struct diags *d);
/* Read one application's records again into c (it is added in its place by id when c does
 * not have it yet; nothing happens when the database does not either). Where its latest
 * review decision and fact were recorded (review_seq, facts_seq) are kept: store_refresh moves
 * them on. 0, or -1 with store_errmsg. */
int store_load_app(struct store *st, struct call *c, const char *id);
/* Bring a call read by store_load up to date with the database, reading again only what the
 * audit events after c->seq changed: the applications they name, the call-level parts (budget,
 * people, panels, tie decisions, presentation order) when one of theirs arrived; the whole
 * call, freed first, when an event of a kind not known here arrived or too many did. One read
 * transaction, so c is one snapshot; on failure c is to be read whole again. */
struct refresh {
    int64_t events;  /* events read */
    size_t apps;     /* applications read again */
    bool call_level; /* the call-level parts were read again */
    bool whole;      /* the whole call was */
};
int store_refresh(struct store *st, struct call *c, struct refresh *out, struct diags *d);
/* What can be shown at once while the whole call is read (the interactive program's first
 * screen): out holds only the program and the budget; the counts are of the rows stored. */
struct call_outline {
    size_t applications, sheets;
};
int store_load_outline(struct store *st, struct call *out, struct call_outline *counts,
                       struct diags *d);

/* Writes: each returns 0, or -1 with store_errmsg. */
int store_person_add(struct store *st, const char *name, enum role role,
                     const struct public_key *pub, const struct sealed_key *sealed, int64_t *id);
/* The budget in force; sign is NULL only at init, before anyone exists to sign. */
int store_budget_set(struct store *st, int64_t won, const struct signing *sign);
int store_app_insert(struct store *st, const struct application *a);
/* An application's contact name and e-mail, replaced (write_app_contact records it). */
int store_app_contact_set(struct store *st, const char *app, const char *name, const char *email);
int store_doc_set(struct store *st, const char *app, int doc, sdate issued);
int store_check_set(struct store *st, const char *app, const char *item, bool yes, const char *note,
                    int64_t person);
int store_finance_set(struct store *st, const char *app, const struct finance_year *f);
int store_review_add(struct store *st, const char *app, bool passed, const char *reasons,
                     const struct signing *sign);
int store_panel_add(struct store *st, const char *name, const int64_t *judges, size_t n,
                    int64_t *id);
int store_panel_assign(struct store *st, int64_t panel, const char *app);
int store_conflict_add(struct store *st, const char *app, int64_t judge, const char *reason,
                       const struct signing *sign);
/* Award (awarded) or withdraw a bonus: appended to the signed bonus log. */
int store_bonus_change(struct store *st, const char *app, const char *bonus, bool awarded,
                       const char *note, const struct signing *sign);
/* A sheet's rows (its items, comments and amount vote) as `sign` signed it (person = who
 * submitted it). */
int store_sheet_add(struct store *st, const struct program *p, const struct sheet *sh,
                    const struct signing *sign);
int store_tie_add(struct store *st, const char *members, const char *reason,
                  const struct signing *sign);
/* R12.3: the agreement of a selected application, signed. */
int store_agreement_add(struct store *st, const char *app, const char *date,
                        const struct signing *sign);
int store_forfeit_add(struct store *st, const char *app, const char *reason, const char *promoted,
                      const struct signing *sign);
/* R12.1: a plan revision required (made false) or seen made (true), signed. */
int store_plan_add(struct store *st, const char *app, bool made, const char *due,
                   const char *requirement, const struct signing *sign);
/* The latest plan revision record of app (exists false when none); strings to free. */
struct plan_state {
    bool exists, made;
    char *due, *requirement;
};
int store_plan_latest(struct store *st, const char *app, struct plan_state *out);
struct inspection_write {
    const char *app, *date, *team, *facts, *findings, *notes; /* lists: one item per line */
    const struct signing *sign;
};
int store_inspection_add(struct store *st, const struct inspection_write *w);
int store_result_add(struct store *st, const struct signing *sign);
/* The newest event: its sequence number and hash (seq 0 when the log is empty). */
int store_head(struct store *st, int64_t *seq, uint8_t hash[32]);
/* SQLite's data version: it changes when another connection commits (PRAGMA data_version). */
int store_data_version(struct store *st, int64_t *out);
/* The events after `after`: how many, the newest's number and a line for people ("sheet
 * submitted 2026-012, 윤지아"; caller frees, NULL when none). 0, or -1. */
int store_event_latest(struct store *st, int64_t after, int64_t *count, int64_t *seq, char **what);
/* The room's clock (issue 15): the latest "session clock" event (*found false when none), and
 * a new one, made by the acting person (the secretariat), in the caller's transaction. */
struct room_clock;
int store_room_clock(struct store *st, struct room_clock *out, bool *found);
int store_room_clock_set(struct store *st, const struct room_clock *rc);
/* The hash of event seq; *found false when there is no such event. 0, or -1. */
int store_event_hash_at(struct store *st, int64_t seq, uint8_t hash[32], bool *found);
/* The call's id (core/facts.h CALL_ID_HEX), from its creation event. 0, or -1. */
int store_call_id(struct store *st, char out[33]);
int store_audit_head_add(struct store *st, int64_t seq, const uint8_t hash[32],
                         const struct signing *sign);
/* Append to the audit chain (DESIGN.md Trust), in the caller's transaction. */
int store_event(struct store *st, const char *actor, const char *kind, const char *app,
                const char *detail);
/* The event that records a signed record: its detail ends with " #<digest of the record>". */
int store_event_signed(struct store *st, const char *actor, const char *kind, const char *app,
                       const char *detail, const char *record_text);
/* Every event that names a signed record's digest, in chain order (caller frees with
 * recorded_events_free). */
int store_recorded_events(struct store *st, struct recorded_event **out, size_t *n);
/* Re-derive every event's hash; each break goes to d as "event N: why". */
int store_verify_chain(struct store *st, struct diags *d, int64_t *n_events);

/* The current UTC time as ISO 8601 ("2026-06-22T05:30:00Z"); SIMSA_NOW overrides for tests. */
void store_now(char out[21]);

/* ---- verification (db/verify.c) ---- */

/* A signed record as stored: the text rebuilt from its row now, and what was signed. */
struct signed_row {
    char *label;        /* "sheet 2026-001/강민준" */
    char *derived;      /* canonical text rebuilt from the stored values; NULL if impossible */
    char *derive_error; /* why it could not be rebuilt */
    char *signed_text;  /* NULL when the row was never signed */
    char *signature;
    int64_t signer; /* person id */
};

int store_signed_rows(struct store *st, const struct call *c, struct signed_row **rows, size_t *n);
void signed_rows_free(struct signed_row *rows, size_t n);
void signed_row_clear(struct signed_row *row); /* frees its strings */
/* What core's signed_check reads of a row (pointing into it). */
struct signed_input signed_row_input(const struct signed_row *row);
/* The same rows handed to each(row, ctx) one at a time, in the same order, none kept: for a
 * call of any size in constant memory (the workbook's integrity sheet). each may keep the row:
 * it copies the struct and zeroes the original, which is then cleared. 0, or -1. */
int store_signed_rows_each(struct store *st, const struct call *c,
                           void (*each)(struct signed_row *row, void *ctx), void *ctx);
/* Facts without signatures (applications, documents, finances, checklist answers, the
 * budget): each stored row against the latest audit event that recorded it. */
int store_verify_facts(struct store *st, const struct call *c, struct diags *d);
/* The signed text and signature of a judge's sheet (both NULL when there is none). */
int store_sheet_signed(struct store *st, const char *app, int64_t judge, char **text, char **sig);
/* Every event's actor (DESIGN.md Trust): signed by them, a person of the call at that point
 * with a role allowing it, and the person table as the chain added them. *legacy_events gets
 * the number of events written before events were signed (a database of an earlier simsa). */
struct chain_sig_bound;
/* trusted_through: a trusted checkpoint verified the signatures of events 1..trusted_through
 * (0: none), which are not checked again; each bound gets the digest of the event signatures up
 * to its `through`. */
int store_verify_actors(struct store *st, const struct call *c, struct diags *d,
                        int64_t *legacy_events, int64_t trusted_through,
                        struct chain_sig_bound *bounds, size_t n_bounds);
/* Signed audit heads: each names an event that must still exist with that hash. */
int store_verify_heads(struct store *st, struct diags *d);

/* ---- verification checkpoints (simsa-records(5), "Checkpoints") ---- */

struct checkpoint {
    int64_t id;
    int64_t seq;                                         /* verified through this event ... */
    uint8_t hash[32];                                    /* ... of this hash */
    uint8_t event_signatures[32], record_signatures[32]; /* sig_digest of what it checked */
    int64_t records;                                     /* signed records it covers */
    int64_t signer;                                      /* person id */
    char at[21];
};

/* The latest checkpoint verify may rely on: its text rebuilt from the row is what was signed,
 * its signature is its signer's, the signer's role is one chain_checkpoint_trusted allows, and
 * the chain holds its head. A checkpoint that fails one of the first checks, or whose head the
 * chain does not hold, is a problem in d (forged, or the log cut below it) and is passed over;
 * one by a person who is not trusted is a line in notes, and passed over. 1 found, 0 none,
 * -1 error. */
int store_checkpoint_trusted(struct store *st, const struct call *c, struct checkpoint *out,
                             struct diags *d, struct strlist *notes);
/* Record a checkpoint (in the caller's transaction; cp->id is set); signer, time, text and
 * signature from sign. */
int store_checkpoint_add(struct store *st, struct checkpoint *cp, const struct signing *sign);
/* The checkpoint's canonical text (caller frees), or NULL. */
char *checkpoint_text(const struct call *c, const struct checkpoint *cp, char **why);

/* Which signed rows a checkpoint covers: those whose recording event is at or before its head.
 * Their text and signature bytes go into a digest in reading order, as the checkpoint
 * recorded them. Two bounds: the checkpoint relied on (rely_through, 0: none) and the one a
 * verify may record (made_through: the head it read). */
struct sig_cover {
    struct recorded_event *ev; /* every recording event, by digest */
    size_t n_ev;
    int64_t rely_through, made_through;
    uint64_t *keys; /* each event's digest's first 8 characters, for the search */
    struct sig_digest rely, made;
    bool apart; /* rely has taken other rows than made (until then only made is written) */
    int64_t n_rely, n_made;
};
int sig_cover_begin(struct store *st, struct sig_cover *sc, int64_t rely_through,
                    int64_t made_through);
/* A row as read: its digest into digest (when signed), true when the relied-on checkpoint
 * covers it (its Ed25519 signature need not be checked again). */
bool sig_cover_row(struct sig_cover *sc, const struct signed_row *row,
                   char digest[RECORD_DIGEST_HEX + 1]);
void sig_cover_end(struct sig_cover *sc, uint8_t rely[32], uint8_t made[32]);

/* `simsa verify`: everything, one snapshot, signed rows read in batches (memory does not grow
 * with their number beyond a few dozen bytes each for matching rows to events). */
struct verify_summary {
    size_t n_signed;
    int64_t n_events, legacy;
    bool relied; /* rely holds the checkpoint relied on */
    struct checkpoint rely;
    size_t n_by_checkpoint; /* records whose signature rely had checked */
    bool fell_back;         /* the signatures differed from what rely checked: all re-checked */
    struct checkpoint made; /* what a checkpoint of this verification records (no id, signer) */
    struct strlist notes;   /* for people, printed before the problems */
};
/* full: rely on no checkpoint. 0 (problems in d), or -1 (store_errmsg). Caller frees
 * out->notes. */
int store_verify(struct store *st, const struct call *c, bool full, struct diags *d,
                 struct verify_summary *out);

#endif
