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
int write_sheet(struct store *st, const struct call *c, const struct score_import_row *row,
                bool transcribed, const struct person *who, const struct secret_key *key);
int write_budget(struct store *st, const struct call *c, int64_t won, const struct person *who,
                 const struct secret_key *key);

#endif
