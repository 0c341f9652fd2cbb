/* Whether two calls in memory, and two rankings, hold the same: how the interactive program's
 * update of what changed (db/ store_refresh) is checked against a fresh read of the whole call
 * (SIMSA_REFRESH_CHECK, tests/tui/refresh.sh). */
#ifndef SIMSA_CALL_COMPARE_H
#define SIMSA_CALL_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/call.h"
#include "core/rank.h"

/* True when a and b hold the same records; else false and the first difference in why
 * ("2026-012: sheet 3: item 2"), untranslated: it is for the tests. */
bool call_same(const struct call *a, const struct call *b, char *why, size_t len);
/* The same for two rankings of calls with the same applications. */
bool rank_same(const struct rank_result *a, const struct rank_result *b, char *why, size_t len);

#endif
