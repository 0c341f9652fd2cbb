/* Revisions of the final result (R11.6, R11.7): each signed final result is read back from its
 * text; a later revision is signed only when an amendment changed some application's outcome
 * (or amount) since the previous one, and it names those changes. */
#ifndef SIMSA_REVISION_H
#define SIMSA_REVISION_H

#include "core/diag.h"
#include "core/keys.h"
#include "core/rank.h"

struct call;

struct revision_row {
    char *app, *outcome, *base, *final;
    int rank;
    int64_t amount;
};

struct revision {
    int number; /* 1.., its place among the signed results */
    int stated; /* the number its text states (0: none, revision 1) */
    char *signer, *at;
    char digest[RECORD_DIGEST_HEX + 1]; /* of its signed text: what the next one names */
    char *previous;                     /* the digest it names, NULL for revision 1 */
    struct strlist changes;
    struct revision_row *rows;
    size_t n;
};

/* Read revision `number` from its signed text; 0, or -1 with *why. */
int revision_parse(const char *text, int number, struct revision *out, const char **why);
void revision_free(struct revision *r);
/* What changed between the signed revision and the ranking now, one line per application
 * ("2026-001 selected -> forfeited", "2026-008 waitlisted -> selected"): empty when nothing. */
void revision_changes(const struct call *c, const struct rank_result *now,
                      const struct revision *prev, struct strlist *changes);

/* Every signed revision, oldest first: numbered 1, 2, ... in order, each naming the one
 * before it. Problems go to d. */
void revisions_check(const struct strlist *texts, struct diags *d);

#endif
