/* The store: one SQLite file per call (DESIGN.md Data). Only this layer includes sqlite3.h.
 * Every write happens between store_begin (BEGIN IMMEDIATE) and store_commit; a failure rolls
 * back, so a command either changes everything it meant to or nothing. */
#ifndef SIMSA_STORE_H
#define SIMSA_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/call.h"

struct store;

/* Create a new database file (mode 0600; refuses to overwrite) holding the program text. */
int store_create(const char *path, const char *program_id, const char *program_text,
                 char **err);
/* Open an existing database, applying any pending migrations. */
int store_open(const char *path, struct store **out, char **err);
void store_close(struct store *st);
const char *store_errmsg(const struct store *st);

int store_begin(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);

/* Read the whole call; d receives problems (e.g. a stored program that no longer parses). */
int store_load(struct store *st, struct call *out, struct diags *d);

/* Writes: each returns 0, or -1 with store_errmsg. */
int store_person_add(struct store *st, const char *name, enum role role,
                     const struct public_key *pub, const struct sealed_key *sealed,
                     int64_t *id);
int store_budget_set(struct store *st, int64_t won);
int store_app_insert(struct store *st, const struct application *a);
int store_doc_set(struct store *st, const char *app, int doc, sdate issued);
int store_check_set(struct store *st, const char *app, const char *item, bool yes,
                    const char *note, int64_t person);
int store_finance_set(struct store *st, const char *app, const struct finance_year *f);
int store_review_add(struct store *st, const char *app, bool passed, const char *reasons,
                     int64_t person, const char *signed_text, const char *signature);
int store_panel_add(struct store *st, const char *name, const int64_t *judges, size_t n,
                    int64_t *id);
int store_panel_assign(struct store *st, int64_t panel, const char *app);
int store_conflict_add(struct store *st, const char *app, int64_t judge, const char *reason,
                       int64_t person, const char *signed_text, const char *signature);
int store_bonus_set(struct store *st, const char *app, const char *bonus, const char *note,
                    int64_t person, const char *signed_text, const char *signature);
int store_bonus_clear(struct store *st, const char *app, const char *bonus);
struct sheet_write {
    const char *app;
    int64_t judge;
    const struct program *program; /* item ids */
    const int32_t *item_tenths;
    bool agree;
    int64_t amount;
    const char *opinion;
    bool transcribed;
    int64_t submitted_by;
    const char *signed_text;
    const char *signature;
};
int store_sheet_add(struct store *st, const struct sheet_write *w);
int store_tie_add(struct store *st, const char *members, const char *reason, int64_t person,
                  const char *signed_text, const char *signature);
int store_forfeit_add(struct store *st, const char *app, const char *reason,
                      const char *promoted, int64_t person, const char *signed_text,
                      const char *signature);
/* Append to the audit chain (DESIGN.md Trust), in the caller's transaction. */
int store_event(struct store *st, const char *actor, const char *kind, const char *app,
                const char *detail);
/* Re-derive every event's hash; each break goes to d as "event N: why". */
int store_verify_chain(struct store *st, struct diags *d, int64_t *n_events);

/* The current UTC time as ISO 8601 ("2026-06-22T05:30:00Z"); SIMSA_NOW overrides for tests. */
void store_now(char out[21]);

#endif
