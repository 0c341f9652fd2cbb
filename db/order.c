/* The presentation order (see order.h). */
#include "db/order.h"

#include <stdlib.h>

#include "core/call.h"
#include "db/internal.h"

int order_load(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, position FROM presentation_order");
    if (!s)
        return -1;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        struct app_record *r = call_find_app(c, (const char *)sqlite3_column_text(s, 0));
        if (r)
            r->position = sqlite3_column_int(s, 1);
    }
    int rc = step == SQLITE_DONE ? 0 : db_fail(st, "presentation order");
    sqlite3_finalize(s);
    return rc;
}

int write_order(struct store *st, const struct call *c, const char *actor, const char *panel_name,
                const size_t *apps, size_t n)
{
    struct strlist ids = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const char *id = c->apps[apps[i]].a.id;
        strlist_add(&ids, id);
        sqlite3_stmt *s = db_prepare(st, "INSERT INTO presentation_order(app_id, position) "
                                         "VALUES (?,?) ON CONFLICT(app_id) DO UPDATE "
                                         "SET position = excluded.position");
        if (!s) {
            rc = -1;
            break;
        }
        sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, (int64_t)i + 1);
        rc = sqlite3_step(s) == SQLITE_DONE ? 0 : db_fail(st, "presentation order");
        sqlite3_finalize(s);
    }
    char *list = strlist_join(&ids, " ");
    char *detail = xasprintf("%s: %s", panel_name, list);
    if (rc == 0)
        rc = store_event(st, actor, "panel order", "", detail);
    free(detail);
    free(list);
    strlist_free(&ids);
    return rc ? -1 : 0;
}
