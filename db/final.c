/* The latest signed final result (see final.h). */
#include "db/final.h"

#include <stdio.h>
#include <string.h>

#include "db/internal.h"

int store_final_state(struct store *st, struct final_state *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = db_prepare(st, "SELECT person_id, at, (SELECT count(*) FROM result_final) "
                                     "FROM result_final ORDER BY id DESC LIMIT 1");
    if (!s)
        return -1;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->final = true;
        out->signer = sqlite3_column_int64(s, 0);
        const unsigned char *at = sqlite3_column_text(s, 1);
        snprintf(out->at, sizeof out->at, "%s", at ? (const char *)at : "");
        out->count = sqlite3_column_int(s, 2);
    }
    int failed = rc != SQLITE_ROW && rc != SQLITE_DONE ? db_fail(st, "result_final") : 0;
    sqlite3_finalize(s);
    return failed;
}

int store_result_texts(struct store *st, struct strlist *out)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT signed_text FROM result_final ORDER BY id");
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        strlist_add(out, t ? t : "");
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : db_fail(st, "result_final");
}
