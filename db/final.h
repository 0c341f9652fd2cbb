/* Whether the result was finalized (R14): the latest signed final result, if any. The committee
 * board reads it to become read-only once the result is signed. */
#ifndef SIMSA_DB_FINAL_H
#define SIMSA_DB_FINAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "db/store.h"

struct final_state {
    bool final;     /* a final result is recorded */
    int64_t signer; /* person id of the latest */
    char at[21];    /* when it was signed, UTC ISO 8601 */
    int count;      /* final results recorded (more than one when a later result was signed) */
};

/* Fill *out; 0, or -1 with store_errmsg. */
int store_final_state(struct store *st, struct final_state *out);

/* The signed texts of every revision of the final result, oldest first (revision 1 first). */
int store_result_texts(struct store *st, struct strlist *out);

#endif
