/* The committee board's changes (board_actions.c): set the budget (R11.1), order a tie (R9.3),
 * a forfeit with its promotions (R11.5), the final result (R14). Each opens a form that is
 * signed with the key of the secretariat signed in, written through db/write.h (the code path
 * of the commands `budget set`, `tie resolve`, `forfeit`, `finalize`), and refused with a
 * message once the result is final. */
#ifndef SIMSA_TUI_BOARD_H
#define SIMSA_TUI_BOARD_H

#include <stddef.h>

#include "db/final.h"
#include "tui/screen.h"

/* Why the board may not change anything now (a final result, nobody or the wrong person
 * signed in): false after saying so in the message line. */
bool board_may_change(struct tui *t, const struct final_state *fin, bool amendment);
/* "the result is final (signed by 김간사 at 2026-06-22T05:30:00Z)" (caller frees). */
char *board_final_text(const struct tui *t, const struct final_state *fin);

void board_budget(struct tui *t, const struct final_state *fin);
/* The tie of rank row `row` (an index into t->rank.rows), or the first unresolved one when that
 * row is in none (row may be (size_t)-1). */
void board_tie(struct tui *t, const struct final_state *fin, size_t row);
void board_forfeit(struct tui *t, const struct final_state *fin, size_t row);
void board_finalize(struct tui *t, const struct final_state *fin);

#endif
