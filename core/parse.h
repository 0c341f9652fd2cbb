/* Parsers and formatters for the values people type: dates, times, amounts in won, scores in
 * tenths, business registration numbers, yes/no. The CLI, the importers and the TUI all use
 * these, so every front end accepts and rejects exactly the same input. No floating point. */
#ifndef SIMSA_PARSE_H
#define SIMSA_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A calendar date as days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t sdate;
/* A moment in Korea time (UTC+9, no DST) as minutes since 1970-01-01 00:00 KST. */
typedef int64_t kst_minutes;

#define AMOUNT_MAX INT64_C(1000000000000000) /* 10^15 won: beyond any budget */

/* Each parser returns 0 on success; on failure -1 and, if why is not NULL, a short
 * translated reason in *why (static storage, e.g. "no such day: 2026-02-30"). */

/* "YYYY-MM-DD" or "YYYY.MM.DD" (also "YYYY. MM. DD."-style spaces are NOT accepted);
 * surrounding spaces are ignored; the day must exist. */
int date_parse(const char *s, sdate *out, const char **why);
int date_from_ymd(int y, int m, int d, sdate *out); /* -1 when the day does not exist */
void date_to_ymd(sdate d, int *y, int *m, int *dd);
void date_format(sdate d, char out[11]); /* "2026-06-01" */
/* The same month and day `years` later; 29 Feb becomes 1 Mar in a common year. */
sdate date_add_years(sdate d, int years);
sdate date_add_months(sdate d, int months); /* day clipped to the month's last day */

/* A date, optionally followed by a time "HH:MM" or "HH:MM:SS" (space or 'T' between).
 * *has_time tells which; without a time the moment is 00:00 of that day. */
int datetime_parse(const char *s, kst_minutes *out, bool *has_time, const char **why);
void datetime_format(kst_minutes m, char out[17]); /* "2026-06-19 18:00" */
/* A signed UTC time ("2026-06-22T05:30:00Z") for people, in Korea time: "2026-06-22 14:30 KST"
 * (the text itself when it is not such a time). */
void time_korea(const char *utc, char *out, size_t n);
kst_minutes date_at(sdate d, int hour, int minute);
sdate datetime_date(kst_minutes m);

/* Whole won: digits, optionally grouped by commas in threes ("80,000,000"); optional "원"
 * suffix is NOT accepted (a person must write the number). 0 .. AMOUNT_MAX. */
int amount_parse(const char *s, int64_t *won, const char **why);
void amount_format(int64_t won, char *out, size_t n); /* "80,000,000" */

/* A score in tenths of a point: "8", "8.5", "0.0"; no sign, exponent or more than one decimal.
 * It must lie in 0..max_tenths and be a multiple of step_tenths. */
int score_parse(const char *s, int32_t max_tenths, int32_t step_tenths, int32_t *tenths,
                const char **why);
/* Tenths as the shortest exact decimal: 85 -> "8.5", 80 -> "8", 0 -> "0". */
void tenths_format(int64_t tenths, char *out, size_t n);
/* A value scaled by 10^decimals with exactly `decimals` digits: (7240, 2) -> "72.40". */
void scaled_format(int64_t v, int decimals, char *out, size_t n);

/* Business registration number (사업자등록번호): 10 digits, dashes allowed anywhere as
 * "123-45-67890"; the last digit is the checksum. *out receives the 10 digits. */
int bizno_parse(const char *s, char out[11], const char **why);
bool bizno_checksum_ok(const char digits[10]);

/* yes/no, y/n, true/false, 1/0, 예/아니오, 네/아니요, o/x (case-insensitive). */
int yesno_parse(const char *s, bool *out);

/* Trim ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);

#endif
