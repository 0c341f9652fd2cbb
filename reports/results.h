/* The Results sheet's columns, and the reason cell it shares with the CSV export. */
#ifndef SIMSA_REPORTS_RESULTS_H
#define SIMSA_REPORTS_RESULTS_H

#include "core/rank.h"

enum {
    R_RANK,
    R_APP,
    R_COMPANY,
    R_SUPPLIER,
    R_PANEL,
    R_SHEETS,
    R_BASE,
    R_BONUS,
    R_FINAL,
    R_BAND,
    R_OUTCOME,
    R_REQUESTED,
    R_AMOUNT,
    R_REASON,
    RESULTS_COLS
};

/* The reason column of the printed results, in characters: wider than other text so that a
 * reason takes one line or two and 50 applications print on two pages. */
#define REASON_WIDTH 96

extern const char *const results_labels[RESULTS_COLS]; /* msgids, in column order */

/* The reason cell: the outcome's reason, then the amount's (R10.4), as `simsa rank --csv`
 * gives it (caller frees). */
char *results_reason(const struct rank_row *row);
/* R12.4: the applicant's notification as core/notify.c words it (what `simsa notify` sends);
 * promoted from notify_promoted_flags. Caller frees. */
char *notify_cell(const struct call *c, const struct rank_row *row, const bool *promoted);

#endif
