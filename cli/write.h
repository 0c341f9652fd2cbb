/* Writing the records that decide, each signed by the person making it (R14), inside the
 * caller's transaction. The commands and the demo share these, so there is one code path. */
#ifndef SIMSA_CLI_WRITE_H
#define SIMSA_CLI_WRITE_H

#include "cli/sign.h"
#include "core/import.h"

/* Each returns 0, or -1 with a message printed (store errors: store_errmsg). */
int write_review(struct store *st, const struct call *c, const struct app_record *r,
                 const struct review_result *res, const struct person *who,
                 const struct secret_key *key);
int write_conflict(struct store *st, const struct call *c, const struct app_record *r,
                   const struct person *judge, const char *reason, const struct person *who,
                   const struct secret_key *key);
int write_bonus(struct store *st, const struct call *c, const char *app, const struct bonus_def *b,
                bool awarded, const char *note, const struct person *who,
                const struct secret_key *key);
/* The canonical text of a sheet (R14) with the given values, as signed or as re-checked. */
char *sheet_record_text(const struct call *c, const struct score_import_row *row,
                        const char *judge, bool transcribed, const char *signer, const char *at,
                        char **why);
int write_sheet(struct store *st, const struct call *c, const struct score_import_row *row,
                bool transcribed, const struct person *who, const struct secret_key *key);
int write_budget(struct store *st, const struct call *c, int64_t won, const struct person *who,
                 const struct secret_key *key);

/* Facts nobody signs, each recorded with its canonical text in the audit chain (core/facts.h)
 * so that `simsa verify` can compare the stored row with it. actor: the name for the event. */
int write_person(struct store *st, const char *actor, const char *name, enum role role,
                 const struct public_key *pub, const struct sealed_key *sealed, int64_t *id);
int write_application(struct store *st, const char *actor, const struct application *a);
int write_document(struct store *st, const char *actor, const char *app, int doc, sdate issued);
int write_finance(struct store *st, const char *actor, const char *app,
                  const struct finance_year *f);
int write_check(struct store *st, const char *actor, int64_t person, const char *app,
                const char *item, bool yes, const char *note);

#endif
