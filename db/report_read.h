/* Reads for the result workbook that store_load does not keep: every site inspection of the call
 * (streamed, in application order) and the signed heads of the audit chain. */
#ifndef SIMSA_DB_REPORT_READ_H
#define SIMSA_DB_REPORT_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/events.h"
#include "db/store.h"

/* Each inspection (R13) handed to each(app id, inspection, ctx), by application id then as
 * recorded; none kept. 0, or -1 with store_errmsg. */
int store_inspections_each(struct store *st,
                           void (*each)(const char *app, const struct app_inspection *in,
                                        void *ctx),
                           void *ctx);

/* The key id each of a judge's stored sheet signatures names, as 16 hex digits, in one read:
 * ids[i] for c->apps[i] ("" without a signed sheet; the caller frees the array of c->n_apps).
 * The score sheets' pages show it (one query per judge, not one per sheet). 0, or -1 with
 * store_errmsg. */
int store_sheet_key_ids(struct store *st, const struct call *c, int64_t judge, char (**ids)[17]);

/* A signed head of the audit chain, as stored (DESIGN.md Trust). */
struct audit_head_row {
    int64_t seq;
    uint8_t hash[32];
    int64_t signer;                /* person id */
    char *at;                      /* UTC ISO 8601 */
    char *signed_text, *signature; /* NULL when not signed */
    bool event_found;              /* the event `seq` still exists ... */
    uint8_t event_hash[32]; /* ... with this hash (equal to hash unless the chain was rewritten) */
};

/* Every signed head, oldest first. 0, or -1 with store_errmsg. */
int store_audit_heads(struct store *st, struct audit_head_row **out, size_t *n);
void audit_heads_free(struct audit_head_row *v, size_t n);

#endif
