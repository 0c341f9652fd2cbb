/* Reads for the result workbook (see report_read.h). */
#include "db/report_read.h"

#include <stdlib.h>

#include "core/call.h"
#include "core/diag.h"
#include "core/keys.h"
#include "db/internal.h"

int store_inspections_each(struct store *st,
                           void (*each)(const char *app, const struct app_inspection *in,
                                        void *ctx),
                           void *ctx)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, date, team, facts, findings, notes, "
                                     "person_id, at FROM inspection ORDER BY app_id, id");
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        char *app = db_col_text(s, 0);
        struct app_inspection in = {.date = db_col_text(s, 1),
                                    .team = db_col_text(s, 2),
                                    .facts = db_col_text(s, 3),
                                    .findings = db_col_text(s, 4),
                                    .notes = db_col_text(s, 5),
                                    .signer = sqlite3_column_int64(s, 6),
                                    .at = db_col_text(s, 7)};
        each(app, &in, ctx);
        free(app);
        free(in.date);
        free(in.team);
        free(in.facts);
        free(in.findings);
        free(in.notes);
        free(in.at);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, "inspections");
}

int store_sheet_key_ids(struct store *st, const struct call *c, int64_t judge, char (**ids)[17])
{
    *ids = xcalloc(c->n_apps ? c->n_apps : 1, sizeof **ids);
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, signature FROM sheet WHERE judge_id = ? "
                                     "AND signed_text IS NOT NULL");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, judge);
    int rc;
    uint8_t id[KEY_ID_BYTES];
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const struct app_record *r = call_find_app(c, (const char *)sqlite3_column_text(s, 0));
        const char *sig = (const char *)sqlite3_column_text(s, 1);
        if (r && sig && minisig_signer_id(sig, id) == 0)
            key_id_hex(id, (*ids)[r - c->apps]);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, "sheet signatures");
}

int store_audit_heads(struct store *st, struct audit_head_row **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT h.seq, h.hash, h.person_id, h.at, h.signed_text, "
                                     "h.signature, e.hash FROM audit_head h "
                                     "LEFT JOIN event e ON e.seq = h.seq ORDER BY h.id");
    if (!s)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct audit_head_row *h = &(*out)[(*n)++];
        h->seq = sqlite3_column_int64(s, 0);
        db_blob_copy(s, 1, h->hash, sizeof h->hash);
        h->signer = sqlite3_column_int64(s, 2);
        h->at = db_col_text(s, 3);
        h->signed_text = sqlite3_column_type(s, 4) == SQLITE_NULL ? NULL : db_col_text(s, 4);
        h->signature = sqlite3_column_type(s, 5) == SQLITE_NULL ? NULL : db_col_text(s, 5);
        h->event_found = sqlite3_column_type(s, 6) != SQLITE_NULL;
        if (h->event_found)
            db_blob_copy(s, 6, h->event_hash, sizeof h->event_hash);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        audit_heads_free(*out, *n);
        *out = NULL;
        *n = 0;
        return db_fail(st, "audit heads");
    }
    return 0;
}

void audit_heads_free(struct audit_head_row *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].at);
        free(v[i].signed_text);
        free(v[i].signature);
    }
    free(v);
}
