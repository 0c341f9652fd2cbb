/* Signing records as they are made (see sign.c): shared by the commands and the interactive
 * program. Every failure leaves its message in store_errmsg. */
#ifndef SIMSA_DB_SIGN_H
#define SIMSA_DB_SIGN_H

#include "core/records.h"
#include "db/store.h"

struct call;
struct person;

struct signed_record {
    char at[21]; /* UTC ISO 8601, the moment of the record */
    char *text;  /* canonical text */
    char *sig;   /* .minisig */
    struct signing sign;
};

/* Set the record's time; build the canonical text with it, then sign. */
void signed_record_begin(struct signed_record *r);
/* Take ownership of text (NULL = the record could not be written: why says why, also owned);
 * sign it as who. 0, or -1 with the message in store_errmsg(st). */
int signed_record_sign(struct store *st, struct signed_record *r, const struct person *who,
                       const struct secret_key *key, enum record_kind kind, const char *id,
                       char *text, char **why);
void signed_record_free(struct signed_record *r);
/* Sign the head of the audit chain (a milestone). */
int sign_audit_head(struct store *st, const struct call *c, const struct person *who,
                    const struct secret_key *key);
/* Sign and record the checkpoint cp (seq, hash, digests, records as store_verify made them) as
 * who, in the caller's transaction. No audit event is written. */
int sign_checkpoint(struct store *st, const struct call *c, struct checkpoint *cp,
                    const struct person *who, const struct secret_key *key);

#endif
