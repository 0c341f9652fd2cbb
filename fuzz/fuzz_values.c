/* Fuzz target: every parser of a typed value (core/parse.c, core/import.h): dates, moments,
 * amounts (signed too), scores, business numbers, yes/no. What parses lies in its range and
 * formats to a text that parses back to the same value. The first byte picks the parser (and,
 * for scores, the maximum and step); the rest is the text. */
#include <stdlib.h>
#include <string.h>

#include "core/import.h"
#include "core/parse.h"
#include "fuzz/fuzz.h"

static void check_date(const char *s)
{
    sdate d, again;
    const char *why = NULL;
    if (date_parse(s, &d, &why) < 0) {
        fuzz_require(why != NULL, "a refused date says why");
        return;
    }
    char text[11];
    date_format(d, text);
    fuzz_require(date_parse(text, &again, NULL) == 0 && again == d, "a date round-trips");
    int y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    fuzz_require(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31,
                 "a parsed date is a calendar day");
    date_to_ymd(date_add_years(d, 3), &y, &m, &dd);
    fuzz_require(m >= 1 && m <= 12 && dd >= 1 && dd <= 31, "three years later is a day");
    date_to_ymd(date_add_months(d, -25), &y, &m, &dd);
    fuzz_require(m >= 1 && m <= 12 && dd >= 1 && dd <= 31, "25 months earlier is a day");
}

static void check_datetime(const char *s)
{
    kst_minutes m, again;
    bool has_time, again_time;
    const char *why = NULL;
    if (datetime_parse(s, &m, &has_time, &why) < 0) {
        fuzz_require(why != NULL, "a refused moment says why");
        return;
    }
    char text[17];
    datetime_format(m, text);
    fuzz_require(datetime_parse(text, &again, &again_time, NULL) == 0 && again == m,
                 "a moment round-trips");
    fuzz_require(datetime_date(m) == datetime_date(again), "the same day");
}

static void check_amount(const char *s, bool is_signed)
{
    int64_t won, again;
    const char *why = NULL;
    int rc = is_signed ? signed_amount_parse(s, &won, &why) : amount_parse(s, &won, &why);
    if (rc < 0) {
        fuzz_require(why != NULL, "a refused amount says why");
        return;
    }
    fuzz_require(won <= AMOUNT_MAX && (is_signed ? won >= -AMOUNT_MAX : won >= 0),
                 "an amount lies in its range");
    char text[40];
    amount_format(won, text, sizeof text);
    rc = is_signed ? signed_amount_parse(text, &again, NULL) : amount_parse(text, &again, NULL);
    fuzz_require(rc == 0 && again == won, "an amount round-trips");
}

static void check_score(const char *s, int32_t max, int32_t step)
{
    int32_t t, again;
    const char *why = NULL;
    if (score_parse(s, max, step, &t, &why) < 0) {
        fuzz_require(why != NULL, "a refused score says why");
        return;
    }
    fuzz_require(t >= 0 && t <= max && (step <= 1 || t % step == 0),
                 "a score lies in 0..max on the step");
    char text[32];
    tenths_format(t, text, sizeof text);
    fuzz_require(score_parse(text, max, step, &again, NULL) == 0 && again == t,
                 "a score round-trips");
}

static void check_bizno(const char *s)
{
    char digits[11];
    const char *why = NULL;
    if (bizno_parse(s, digits, &why) < 0) {
        fuzz_require(why != NULL, "a refused business number says why");
        return;
    }
    fuzz_require(strlen(digits) == 10 && bizno_checksum_ok(digits),
                 "a business number has 10 digits and its checksum");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *s = fuzz_string(data + 1, size - 1);
    bool yes;
    switch (data[0] % 7) {
    case 0:
        check_date(s);
        break;
    case 1:
        check_datetime(s);
        break;
    case 2:
        check_amount(s, false);
        break;
    case 3:
        check_amount(s, true);
        break;
    case 4:
        check_score(s, 1 + (data[0] >> 3) * 10, 1 + (data[0] >> 6));
        break;
    case 5:
        check_bizno(s);
        break;
    default:
        (void)yesno_parse(s, &yes);
        break;
    }
    free(s);
    return 0;
}
