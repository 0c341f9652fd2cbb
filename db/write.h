/* Writing the records that decide, each signed by the person making it (R14), inside the
 * caller's transaction. The commands and the demo share these, so there is one code path. */
#ifndef SIMSA_DB_WRITE_H
#define SIMSA_DB_WRITE_H

#include "core/call.h"
#include "core/import.h"
#include "db/sign.h"

/* Each returns 0, or -1 with the message in store_errmsg(st). */
int write_review(struct store *st, const struct call *c, const struct app_record *r,
                 const struct review_result *res, const struct person *who,
                 const struct secret_key *key);
int write_conflict(struct store *st, const struct call *c, const struct app_record *r,
                   const struct person *judge, const char *reason, const struct person *who,
                   const struct secret_key *key);
int write_bonus(struct store *st, const struct call *c, const char *app, const struct bonus_def *b,
                bool awarded, const char *note, const struct person *who,
                const struct secret_key *key);
/* Every path that records sheets (score import, the score form, sheet import): in one
 * transaction of its own, each sheet written — signed now by `who` (the judge, or the
 * secretariat when s.transcribed) when signed_as is NULL, else as signed_as[i] was signed
 * elsewhere (a verified .sheet file) — then the audit head signed by who and committed. Checking
 * the sheets first is the caller's (core/sheet.h). 0, or -1 rolled back with the message in
 * store_errmsg(st). */
/* One sheet signed now by `who`, inside the caller's transaction, no head signed: the demo's
 * seed, which records every judge's sheets in one transaction and one head (so that the
 * demo's chain is as documented); every command and the score form use store_submit_sheets. */
int write_sheet(struct store *st, const struct call *c, const struct sheet *sh,
                const struct person *who, const struct secret_key *key);
int store_submit_sheets(struct store *st, const struct call *c, const struct sheet *sheets,
                        const struct signing *signed_as, size_t n, const struct person *who,
                        const struct secret_key *key);
int write_budget(struct store *st, const struct call *c, int64_t won, const struct person *who,
                 const struct secret_key *key);

/* R6.3: a panel of judges (their person ids), checked by call_panel_check; *id gets its id. */
int write_panel(struct store *st, const struct call *c, const char *actor, const char *name,
                const int64_t *judges, size_t n, int64_t *id);
/* R6.3: the application `r` is scored by `panel`. */
int write_assign(struct store *st, const char *actor, const struct panel *panel,
                 const struct app_record *r);

/* R13: one site inspection, as the inspector or the secretariat records it. */
struct inspection_in {
    const char *app, *date;
    struct strlist team, facts, findings;
    char *notes;
};
/* NULL when the inspection may be recorded by `who`, else why not (translated, static or in
 * buf). */
const char *inspection_refusal(const struct call *c, const struct inspection_in *in,
                               const struct person *who, char *buf, size_t n);
int write_inspection(struct store *st, const struct call *c, const struct inspection_in *in,
                     const struct person *who, const struct secret_key *key);
/* R9.3: the committee's order for the unresolved tie made of exactly `apps`. */
int write_tie(struct store *st, const struct call *c, const char *const *apps, size_t n,
              const char *reason, const struct person *who, const struct secret_key *key);
/* R11.5: `app` forfeits; *promoted gets who moves up from the waitlist (caller frees). */
int write_forfeit(struct store *st, const struct call *c, const struct app_record *r,
                  const char *reason, const struct person *who, const struct secret_key *key,
                  struct strlist *promoted);
/* R12.3: the agreement of a selected application on `date` (R12.5: not before the first final
 * result, not in the future). */
int write_agreement(struct store *st, const struct call *c, const struct app_record *r, sdate date,
                    const struct person *who, const struct secret_key *key);
/* The same rule checked before writing (a form's live check): *refusal NULL when an agreement
 * on `date` may be recorded, else why not (in buf or static). 0, or -1 with store_errmsg. */
int agreement_check(struct store *st, const struct call *c, const struct app_record *r, sdate date,
                    char *buf, size_t n, const char **refusal);
/* R14, R11.6: the final result, every ranked row as it stands; at gets the moment signed and
 * *revision its number. After a first revision, the next is signed only when an amendment
 * changed an outcome; otherwise nothing is written and 1 is returned (*revision stands). */
int write_result(struct store *st, const struct call *c, const struct person *who,
                 const struct secret_key *key, char at[21], int *revision);

/* Facts nobody signs, each recorded with its canonical text in the audit chain (core/facts.h)
 * so that `simsa verify` can compare the stored row with it. actor: the name for the event. */
int write_person(struct store *st, const char *actor, const char *name, enum role role,
                 const struct public_key *pub, const struct sealed_key *sealed, int64_t *id);
int write_application(struct store *st, const char *actor, const struct application *a);
/* R11.7: a corrected contact name and e-mail of a (a as it now stands, those two included),
 * recorded with the application's whole fact as "app contact" (also after the final result). */
int write_app_contact(struct store *st, const char *actor, const struct application *a);
int write_document(struct store *st, const char *actor, const char *app, int doc, sdate issued);
int write_finance(struct store *st, const char *actor, const char *app,
                  const struct finance_year *f);
int write_check(struct store *st, const char *actor, int64_t person, const char *app,
                const char *item, bool yes, const char *note);

/* R12.1: the committee's plan revision requirement of a selected application (made false,
 * with due and requirement), or the secretariat's record that the open one was made. */
int write_plan(struct store *st, const struct call *c, const struct app_record *r, bool made,
               const char *due, const char *requirement, const struct person *who,
               const struct secret_key *key);
/* R12.1, R11.7: the open plan revision was not made: a forfeit whose reason names it. */
int write_plan_failed(struct store *st, const struct call *c, const struct app_record *r,
                      const struct person *who, const struct secret_key *key,
                      struct strlist *promoted);

#endif
