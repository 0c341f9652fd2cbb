/* Drafts of score forms (see draft.h). */
#include "db/draft.h"

#include <stdlib.h>

#include "db/internal.h"

int draft_save(struct store *st, int64_t judge, const char *app, const char *payload)
{
    char now[21];
    store_now(now);
    if (store_begin(st) < 0)
        return -1;
    sqlite3_stmt *s =
        db_prepare(st, "INSERT INTO draft(judge_id, app_id, payload, saved_at) "
                       "VALUES (?,?,?,?) ON CONFLICT(judge_id, app_id) DO UPDATE "
                       "SET payload = excluded.payload, saved_at = excluded.saved_at");
    int rc = s ? 0 : -1;
    if (s) {
        sqlite3_bind_int64(s, 1, judge);
        sqlite3_bind_text(s, 2, app, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, payload, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, now, -1, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? 0 : db_fail(st, "draft");
        sqlite3_finalize(s);
    }
    if (rc == 0 && store_commit(st) == 0)
        return 0;
    store_rollback(st);
    return -1;
}

int draft_load(struct store *st, int64_t judge, const char *app, char **payload)
{
    *payload = NULL;
    sqlite3_stmt *s = db_prepare(st, "SELECT payload FROM draft WHERE judge_id = ? AND app_id = ?");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, judge);
    sqlite3_bind_text(s, 2, app, -1, SQLITE_STATIC);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW)
        *payload = db_col_text(s, 0);
    int rc = step == SQLITE_ROW || step == SQLITE_DONE ? 0 : db_fail(st, "draft");
    sqlite3_finalize(s);
    return rc;
}

int draft_apps(struct store *st, int64_t judge, struct strlist *apps)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id FROM draft WHERE judge_id = ? ORDER BY app_id");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, judge);
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW)
        strlist_add(apps, (const char *)sqlite3_column_text(s, 0));
    int rc = step == SQLITE_DONE ? 0 : db_fail(st, "draft");
    sqlite3_finalize(s);
    return rc;
}
