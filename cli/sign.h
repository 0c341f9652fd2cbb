/* Signing records as they are made (see sign.c). */
#ifndef SIMSA_CLI_SIGN_H
#define SIMSA_CLI_SIGN_H

#include "cli/cli.h"
#include "core/records.h"

struct cli_record {
    char at[21]; /* UTC ISO 8601, the moment of the record */
    char *text;  /* canonical text */
    char *sig;   /* .minisig */
    struct signing sign;
};

/* Set the record's time; build the canonical text with it, then sign. */
void cli_record_begin(struct cli_record *r);
/* Take ownership of text (NULL = the record could not be written: why says why, also owned);
 * sign it as who. 0, or -1 with a message printed. */
int cli_record_sign(struct cli_record *r, const struct person *who, const struct secret_key *key,
                    enum record_kind kind, const char *id, char *text, char *why);
void cli_record_free(struct cli_record *r);
/* The audit event detail for a signed record: detail + " #" + the record's digest. */
char *cli_event_detail(const char *detail, const char *record_text);
/* Sign the head of the audit chain (a milestone). */
int cli_sign_head(struct store *st, const struct call *c, const struct person *who,
                  const struct secret_key *key);

#endif
