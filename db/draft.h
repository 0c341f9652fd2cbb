/* Drafts: a judge's score form as last left, saved field by field so that a crash (even a
 * SIGKILL) loses nothing already typed. A draft is private scratch, never a sheet: nothing that
 * ranks or exports reads it, and submitting the sheet removes it (a trigger of the schema, in
 * the sheet's own transaction). The payload is the form's own text; this layer keeps it as is. */
#ifndef SIMSA_DB_DRAFT_H
#define SIMSA_DB_DRAFT_H

#include <stdint.h>

#include "core/diag.h"
#include "db/store.h"

/* Save (replace) the draft, in a transaction of its own. 0, or -1 with store_errmsg. */
int draft_save(struct store *st, int64_t judge, const char *app, const char *payload);
/* *payload gets the draft (caller frees), or NULL when there is none. */
int draft_load(struct store *st, int64_t judge, const char *app, char **payload);
/* The applications the judge has a draft for, sorted (strcmp). */
int draft_apps(struct store *st, int64_t judge, struct strlist *apps);

#endif
