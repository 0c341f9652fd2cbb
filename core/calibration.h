/* Judge calibration and the statistics of one application's sheets, for the committee: how each
 * judge scores against the rest of their panel, and where the judges of one application agree.
 * Nothing here decides anything (RULES.md has no rule on it); it is still exact: totals are
 * integers in tenths, means are fractions rounded half-up to hundredths only for showing, and
 * "far from the panel" is an exact comparison. Only counted sheets take part: those of the
 * application's panel without a conflict (R6.3, R6.4), as in the ranking. */
#ifndef SIMSA_CALIBRATION_H
#define SIMSA_CALIBRATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/program.h"

struct call;
struct app_record;
struct app_sheet;

/* A sheet is far from its panel when its total differs from the mean of the other counted
 * sheets of the same application by this much or more: 15 points, in tenths. */
#define CALIBRATION_FAR_TENTHS 150

/* One counted sheet against the other sheets of its application. */
struct sheet_deviation {
    size_t app;            /* index into call->apps */
    int64_t judge;         /* person id */
    int32_t total_tenths;  /* the sheet's total (R6.2) */
    int others;            /* other counted sheets of the application; 0 = nothing to compare */
    int64_t others_tenths; /* the sum of their totals */
    int64_t others_mean;   /* their mean total, hundredths of a point (rounded) */
    int64_t deviation;     /* total - others' mean, hundredths (rounded); + = more generous */
    bool far;              /* |total - others' mean| >= CALIBRATION_FAR_TENTHS, exact */
};

struct judge_calibration {
    int64_t judge; /* person id */
    int sheets;    /* counted sheets */
    int64_t mean;  /* mean total, hundredths (rounded); 0 without sheets */
    /* Spread: the population standard deviation of the judge's totals, in hundredths, rounded
     * to the nearest hundredth by an integer square root of the exact variance. */
    int64_t spread;
    int compared;      /* sheets with at least one other sheet to compare with */
    int64_t deviation; /* mean of the compared sheets' deviations, hundredths (rounded) */
    int far;           /* sheets far from their panel */
};

struct calibration {
    struct judge_calibration *judges; /* every judge, in the call's order of people */
    size_t n_judges;
    struct sheet_deviation *sheets; /* every counted sheet, by application, then as recorded */
    size_t n_sheets;
};

void calibration_compute(const struct call *c, struct calibration *out);
void calibration_free(struct calibration *cal);
/* The calibration of one judge, or NULL. */
const struct judge_calibration *calibration_of(const struct calibration *cal, int64_t judge);

/* One rubric item (or the total) over an application's counted sheets. */
struct item_stats {
    int n;              /* sheets */
    int64_t mean;       /* hundredths (rounded); 0 when n == 0 */
    int32_t min_tenths; /* spread = max - min: with five sheets the range says more than a */
    int32_t max_tenths; /* standard deviation, and a committee reads it at a glance */
};

struct app_sheet_stats {
    int n_sheets;
    struct item_stats items[PROGRAM_MAX_ITEMS]; /* in the program's item order */
    struct item_stats total;
};

void app_sheet_stats(const struct call *c, const struct app_record *r, struct app_sheet_stats *out);
/* The integer square root: the largest r with r * r <= v (v >= 0). */
int64_t isqrt64(int64_t v);

#endif
