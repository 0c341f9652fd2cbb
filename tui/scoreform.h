/* The score form of the signed-in judge (DESIGN.md, judge session): each rubric item with its
 * maximum and description, scores in the program's step checked as they are typed, a comment
 * per item, the running total, the overall opinion, agree or an adjusted amount. Every field
 * left is saved as a draft (db/draft.h); submitting shows a review page and asks for the
 * passphrase, then the sheet is signed and read-only. */
#ifndef SIMSA_TUI_SCOREFORM_H
#define SIMSA_TUI_SCOREFORM_H

#include <stddef.h>

#include "tui/screen.h"

/* Open the form for application `app` (an index into t->call.apps); says why not instead when
 * nobody or not a judge of it is signed in, or the sheet is submitted or closed by a conflict. */
void scoreform_open(struct tui *t, size_t app);

#endif
