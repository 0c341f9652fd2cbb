/* Reading the audit log: the events of one application for people, the events after a point
 * for store_refresh; oldest first. */
#include <stdlib.h>

#include "core/diag.h"
#include "db/events.h"
#include "db/internal.h"

void app_events_free(struct app_event *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].at);
        free(v[i].actor);
        free(v[i].kind);
        free(v[i].detail);
    }
    free(v);
}

int store_app_events(struct store *st, const char *app, struct app_event **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = db_prepare(
        st, "SELECT seq, at, actor, kind, detail FROM event WHERE app_id = ?1 ORDER BY seq");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        (*out)[(*n)++] = (struct app_event){.seq = sqlite3_column_int64(s, 0),
                                            .at = db_col_text(s, 1),
                                            .actor = db_col_text(s, 2),
                                            .kind = db_col_text(s, 3),
                                            .detail = db_col_text(s, 4)};
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        app_events_free(*out, *n);
        *out = NULL;
        *n = 0;
        return db_fail(st, "events");
    }
    return 0;
}

void app_inspections_free(struct app_inspection *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].date);
        free(v[i].team);
        free(v[i].facts);
        free(v[i].findings);
        free(v[i].notes);
        free(v[i].at);
    }
    free(v);
}

int store_app_inspections(struct store *st, const char *app, struct app_inspection **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT date, team, facts, findings, notes, person_id, at "
                                     "FROM inspection WHERE app_id = ?1 ORDER BY id");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 4;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        (*out)[(*n)++] = (struct app_inspection){.date = db_col_text(s, 0),
                                                 .team = db_col_text(s, 1),
                                                 .facts = db_col_text(s, 2),
                                                 .findings = db_col_text(s, 3),
                                                 .notes = db_col_text(s, 4),
                                                 .signer = sqlite3_column_int64(s, 5),
                                                 .at = db_col_text(s, 6)};
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        app_inspections_free(*out, *n);
        *out = NULL;
        *n = 0;
        return db_fail(st, "inspections");
    }
    return 0;
}

void event_refs_free(struct event_ref *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].kind);
        free(v[i].app);
    }
    free(v);
}

int store_events_after(struct store *st, int64_t after, size_t max, struct event_ref **out,
                       size_t *n, bool *more)
{
    *out = NULL;
    *n = 0;
    *more = false;
    sqlite3_stmt *s =
        db_prepare(st, "SELECT seq, kind, app_id FROM event WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, after);
    sqlite3_bind_int64(s, 2, (int64_t)max + 1);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == max) {
            *more = true;
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        (*out)[(*n)++] = (struct event_ref){
            .seq = sqlite3_column_int64(s, 0), .kind = db_col_text(s, 1), .app = db_col_text(s, 2)};
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        event_refs_free(*out, *n);
        *out = NULL;
        *n = 0;
        return db_fail(st, "events");
    }
    return 0;
}
