/* What the files of db/ share: the store's connection and small statement helpers. */
#ifndef SIMSA_DB_INTERNAL_H
#define SIMSA_DB_INTERNAL_H

#include <sqlite3.h>

#include "core/keys.h"
#include "db/store.h"

struct store {
    sqlite3 *db;
    char err[512];
    /* The person every event of this connection is made and signed by (store_set_actor):
     * copies of the name and the key (protected memory, wiped at close); NULL until set. */
    char *actor;
    struct secret_key actor_key;
};

int db_fail(struct store *st, const char *what); /* sets err from SQLite; returns -1 */
int db_failf(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
sqlite3_stmt *db_prepare(struct store *st, const char *sql);
char *db_col_text(sqlite3_stmt *s, int i); /* a copy, "" for NULL */
void db_blob_copy(sqlite3_stmt *s, int i, uint8_t *out, size_t n);
sdate db_col_date(sqlite3_stmt *s, int i);

#endif
