/* Unit tests for core/parse.c and core/text.c: every accepted and rejected form of dates,
 * times, amounts, scores, business numbers and yes/no; UTF-8, NFC, CP949 and widths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/text.h"

/* ---- dates (R1, R2.1) ---- */

static sdate ymd(int y, int m, int d)
{
    sdate out = -1;
    assert_int_equal(date_from_ymd(y, m, d, &out), 0);
    return out;
}

static void assert_date_rejected(const char *s, const char *reason)
{
    sdate d = 12345;
    const char *why = NULL;
    assert_int_equal(date_parse(s, &d, &why), -1);
    assert_non_null(why);
    assert_non_null(strstr(why, reason));
    assert_int_equal(d, 12345);
}

static void test_date_epoch_and_known_days(void **state)
{
    (void)state;
    assert_int_equal(ymd(1970, 1, 1), 0);
    assert_int_equal(ymd(1969, 12, 31), -1);
    assert_int_equal(ymd(2000, 3, 1), 11017);
    assert_int_equal(ymd(2026, 6, 1), 20605);
    assert_int_equal(ymd(1900, 1, 1), -25567);
    int y, m, d;
    date_to_ymd(20605, &y, &m, &d);
    assert_int_equal(y, 2026);
    assert_int_equal(m, 6);
    assert_int_equal(d, 1);
    date_to_ymd(-25567, &y, &m, &d);
    assert_int_equal(y * 10000 + m * 100 + d, 19000101);
}

static void test_date_round_trip_every_day_1900_to_2999(void **state)
{
    (void)state;
    sdate first = ymd(1900, 1, 1), last = ymd(2999, 12, 31);
    int py = 1899, pm = 12, pd = 31;
    for (sdate day = first; day <= last; day++) {
        int y, m, d;
        date_to_ymd(day, &y, &m, &d);
        /* each day follows the previous one in the calendar */
        bool next_day = y == py && m == pm && d == pd + 1;
        bool next_month = y == py && m == pm + 1 && d == 1;
        bool next_year = y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31;
        assert_true(next_day || next_month || next_year);
        assert_int_equal(ymd(y, m, d), day);
        py = y, pm = m, pd = d;
    }
}

static void test_R1_date_parse_accepts_dash_dot_and_spaces(void **state)
{
    (void)state;
    sdate d = 0;
    const char *why = NULL;
    assert_int_equal(date_parse("2026-06-01", &d, &why), 0);
    assert_int_equal(d, ymd(2026, 6, 1));
    assert_int_equal(date_parse("2026.06.19", &d, &why), 0);
    assert_int_equal(d, ymd(2026, 6, 19));
    assert_int_equal(date_parse("  2025-10-13 \t", &d, &why), 0);
    assert_int_equal(d, ymd(2025, 10, 13));
    assert_int_equal(date_parse("2026-6-1", &d, &why), 0);
    assert_int_equal(d, ymd(2026, 6, 1));
}

static void test_R2_1_date_parse_checks_real_days(void **state)
{
    (void)state;
    sdate d = 0;
    const char *why = NULL;
    assert_int_equal(date_parse("2024-02-29", &d, &why), 0);
    assert_int_equal(d, ymd(2024, 2, 29));
    assert_int_equal(date_parse("2000-02-29", &d, &why), 0);
    assert_date_rejected("2026-02-30", "no such day");
    assert_date_rejected("2026-02-29", "no such day");
    assert_date_rejected("1900-02-29", "no such day");
    assert_date_rejected("2026-04-31", "no such day");
    assert_date_rejected("2026-06-00", "no such day");
    assert_date_rejected("2026-13-01", "no such month");
    assert_date_rejected("2026-00-10", "no such month");
    assert_date_rejected("1899-12-31", "between 1900 and 2999");
    assert_date_rejected("3000-01-01", "between 1900 and 2999");
}

static void test_date_parse_rejects_other_shapes(void **state)
{
    (void)state;
    const char *bad[] = {"",
                         " ",
                         "2026/06/01",
                         "2026-06.01",
                         "26-06-01",
                         "2026-06-01x",
                         "2026. 06. 01.",
                         "2026.06.01.",
                         "20260601",
                         "2026-006-01",
                         "02026-06-01",
                         "2026-06-011",
                         "2026-06-01 18:00",
                         "-2026-06-01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_date_rejected(bad[i], "YYYY-MM-DD");
}

static void test_date_format(void **state)
{
    (void)state;
    char out[11];
    date_format(ymd(2026, 6, 1), out);
    assert_string_equal(out, "2026-06-01");
    date_format(ymd(1900, 1, 9), out);
    assert_string_equal(out, "1900-01-09");
}

static void test_date_add_years_moves_29_feb_to_1_mar(void **state)
{
    (void)state;
    assert_int_equal(date_add_years(ymd(2024, 2, 29), 1), ymd(2025, 3, 1));
    assert_int_equal(date_add_years(ymd(2024, 2, 29), 4), ymd(2028, 2, 29));
    assert_int_equal(date_add_years(ymd(2024, 2, 29), -1), ymd(2023, 3, 1));
    assert_int_equal(date_add_years(ymd(2024, 6, 1), 2), ymd(2026, 6, 1));
    assert_int_equal(date_add_years(ymd(2026, 6, 1), -2), ymd(2024, 6, 1));
}

static void test_date_add_months_clips_to_month_end(void **state)
{
    (void)state;
    assert_int_equal(date_add_months(ymd(2026, 1, 31), 1), ymd(2026, 2, 28));
    assert_int_equal(date_add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
    assert_int_equal(date_add_months(ymd(2026, 11, 15), 3), ymd(2027, 2, 15));
    assert_int_equal(date_add_months(ymd(2026, 3, 31), -1), ymd(2026, 2, 28));
    assert_int_equal(date_add_months(ymd(2026, 1, 10), -1), ymd(2025, 12, 10));
    assert_int_equal(date_add_months(ymd(2026, 6, 19), 24), ymd(2028, 6, 19));
}

/* ---- moments in Korea time (R1 deadline 18:00) ---- */

static void test_R1_datetime_parse_forms(void **state)
{
    (void)state;
    kst_minutes m = 0;
    bool has_time = false;
    const char *why = NULL;
    kst_minutes deadline = date_at(ymd(2026, 6, 19), 18, 0);
    assert_int_equal(deadline, (kst_minutes)ymd(2026, 6, 19) * 1440 + 1080);
    assert_int_equal(datetime_parse("2026-06-19 18:00", &m, &has_time, &why), 0);
    assert_int_equal(m, deadline);
    assert_true(has_time);
    assert_int_equal(datetime_parse("2026-06-19T18:00", &m, &has_time, &why), 0);
    assert_int_equal(m, deadline);
    assert_int_equal(datetime_parse("2026-06-19 18:00:59", &m, &has_time, &why), 0);
    assert_int_equal(m, deadline); /* seconds are truncated, never rounded up */
    assert_int_equal(datetime_parse("2026-06-19 18:01", &m, &has_time, &why), 0);
    assert_int_equal(m, deadline + 1);
    assert_int_equal(datetime_parse(" 2026.06.19  9:05 ", &m, &has_time, &why), 0);
    assert_int_equal(m, date_at(ymd(2026, 6, 19), 9, 5));
    assert_int_equal(datetime_parse("2026-06-19", &m, &has_time, &why), 0);
    assert_int_equal(m, date_at(ymd(2026, 6, 19), 0, 0));
    assert_false(has_time);
}

static void test_datetime_parse_rejects(void **state)
{
    (void)state;
    struct {
        const char *s, *reason;
    } bad[] = {
        {"2026-06-19 24:00", "no such time"},
        {"2026-06-19 18:60", "no such time"},
        {"2026-06-19 18:00:60", "no such time"},
        {"2026-06-19 18", "HH:MM"},
        {"2026-06-19 18:0", "HH:MM"},
        {"2026-06-19 18:00:5", "HH:MM"},
        {"2026-06-19 18:00 PM", "HH:MM"},
        {"2026-06-19_18:00", "YYYY-MM-DD HH:MM"},
        {"2026-02-30 10:00", "no such day"},
        {"2026-06-19 -1:00", "HH:MM"},
        {"2026-06-19T", "HH:MM"},
        {"", "YYYY-MM-DD"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        kst_minutes m = 7;
        bool has_time = false;
        const char *why = NULL;
        assert_int_equal(datetime_parse(bad[i].s, &m, &has_time, &why), -1);
        assert_non_null(strstr(why, bad[i].reason));
        assert_int_equal(m, 7);
    }
}

static void test_datetime_format_and_date(void **state)
{
    (void)state;
    char out[17];
    kst_minutes m = date_at(ymd(2026, 6, 19), 18, 0);
    datetime_format(m, out);
    assert_string_equal(out, "2026-06-19 18:00");
    assert_int_equal(datetime_date(m), ymd(2026, 6, 19));
    /* before 1970 the division must round down, not toward zero */
    m = date_at(ymd(1969, 12, 31), 23, 59);
    assert_int_equal(m, -1);
    datetime_format(m, out);
    assert_string_equal(out, "1969-12-31 23:59");
    assert_int_equal(datetime_date(m), -1);
    datetime_format(date_at(ymd(2025, 11, 7), 0, 5), out);
    assert_string_equal(out, "2025-11-07 00:05");
}

/* ---- amounts (R5.3) ---- */

static void assert_amount(const char *s, int64_t expected)
{
    int64_t won = -1;
    const char *why = NULL;
    assert_int_equal(amount_parse(s, &won, &why), 0);
    assert_int_equal(won, expected);
}

static void assert_amount_rejected(const char *s, const char *reason)
{
    int64_t won = 42;
    const char *why = NULL;
    assert_int_equal(amount_parse(s, &won, &why), -1);
    assert_non_null(why);
    assert_non_null(strstr(why, reason));
    assert_int_equal(won, 42);
}

static void test_R5_3_amount_accepts_digits_and_thousands_separators(void **state)
{
    (void)state;
    assert_amount("80000000", 80000000);
    assert_amount("80,000,000", 80000000);
    assert_amount(" 5,000,000 ", 5000000);
    assert_amount("0", 0);
    assert_amount("999", 999);
    assert_amount("1,000", 1000);
    assert_amount("1000000000000000", AMOUNT_MAX);
    assert_amount("1,000,000,000,000,000", AMOUNT_MAX);
}

static void test_R5_3_amount_rejects_with_reason(void **state)
{
    (void)state;
    assert_amount_rejected("80,00,000", "groups of three");
    assert_amount_rejected("8000,000", "groups of three");
    assert_amount_rejected(",000", "groups of three");
    assert_amount_rejected("1,000,", "groups of three");
    assert_amount_rejected("1,0000", "groups of three");
    assert_amount_rejected("1,,000", "groups of three");
    assert_amount_rejected("8천만원", "digits");
    assert_amount_rejected("80000000원", "digits");
    assert_amount_rejected("-1", "negative");
    assert_amount_rejected("+1", "digits");
    assert_amount_rejected("1e6", "digits");
    assert_amount_rejected("8.5", "decimals");
    assert_amount_rejected("80 000 000", "digits");
    assert_amount_rejected("", "empty");
    assert_amount_rejected("   ", "empty");
    assert_amount_rejected("1000000000000001", "above the maximum");
    assert_amount_rejected("99999999999999999999999", "above the maximum");
}

static void test_amount_format(void **state)
{
    (void)state;
    char out[32];
    amount_format(80000000, out, sizeof out);
    assert_string_equal(out, "80,000,000");
    amount_format(0, out, sizeof out);
    assert_string_equal(out, "0");
    amount_format(999, out, sizeof out);
    assert_string_equal(out, "999");
    amount_format(1000, out, sizeof out);
    assert_string_equal(out, "1,000");
    amount_format(-5000000, out, sizeof out);
    assert_string_equal(out, "-5,000,000");
    amount_format(INT64_MIN, out, sizeof out);
    assert_string_equal(out, "-9,223,372,036,854,775,808");
    amount_format(123456789, out, 6);
    assert_string_equal(out, "123,4"); /* truncated to the buffer, still terminated */
}

/* ---- scores (R6.2) ---- */

static void assert_score(const char *s, int32_t max, int32_t step, int32_t expected)
{
    int32_t tenths = -1;
    const char *why = NULL;
    assert_int_equal(score_parse(s, max, step, &tenths, &why), 0);
    assert_int_equal(tenths, expected);
}

static void assert_score_rejected(const char *s, int32_t max, int32_t step, const char *reason)
{
    int32_t tenths = 77;
    const char *why = NULL;
    assert_int_equal(score_parse(s, max, step, &tenths, &why), -1);
    assert_non_null(why);
    assert_non_null(strstr(why, reason));
    assert_int_equal(tenths, 77);
}

static void test_R6_2_score_accepts_tenths(void **state)
{
    (void)state;
    assert_score("8", 100, 1, 80);
    assert_score("8.5", 100, 1, 85);
    assert_score("08.5", 100, 1, 85);
    assert_score("0", 100, 1, 0);
    assert_score("0.0", 100, 1, 0);
    assert_score("10", 100, 1, 100);
    assert_score("10.0", 100, 1, 100);
    assert_score(" 7.3 ", 100, 1, 73);
    assert_score("19.5", 200, 5, 195);
    assert_score("20", 200, 5, 200);
}

static void test_R6_2_score_rejects_with_reason(void **state)
{
    (void)state;
    assert_score_rejected("8.55", 100, 1, "at most one decimal");
    assert_score_rejected("8.50", 100, 1, "at most one decimal");
    assert_score_rejected("-1", 100, 1, "number such as");
    assert_score_rejected("+3", 100, 1, "number such as");
    assert_score_rejected("NaN", 100, 1, "number such as");
    assert_score_rejected("nan", 100, 1, "number such as");
    assert_score_rejected("inf", 100, 1, "number such as");
    assert_score_rejected("1e3", 100, 1, "number such as");
    assert_score_rejected("8.", 100, 1, "number such as");
    assert_score_rejected(".5", 100, 1, "number such as");
    assert_score_rejected("8,5", 100, 1, "number such as");
    assert_score_rejected("8 5", 100, 1, "number such as");
    assert_score_rejected("８", 100, 1, "number such as"); /* full-width digit */
    assert_score_rejected(" ", 100, 1, "empty");
    assert_score_rejected("", 100, 1, "empty");
    assert_score_rejected("10.1", 100, 1, "above the maximum");
    assert_score_rejected("11", 100, 1, "above the maximum");
    assert_score_rejected("99999999999999999999", 100, 1, "above the maximum");
    assert_score_rejected("19.3", 200, 5, "multiple of the allowed step");
    assert_score_rejected("0.1", 200, 5, "multiple of the allowed step");
}

static void test_tenths_and_scaled_format(void **state)
{
    (void)state;
    char out[32];
    tenths_format(85, out, sizeof out);
    assert_string_equal(out, "8.5");
    tenths_format(80, out, sizeof out);
    assert_string_equal(out, "8");
    tenths_format(0, out, sizeof out);
    assert_string_equal(out, "0");
    tenths_format(5, out, sizeof out);
    assert_string_equal(out, "0.5");
    tenths_format(-5, out, sizeof out);
    assert_string_equal(out, "-0.5");
    tenths_format(1000, out, sizeof out);
    assert_string_equal(out, "100");
    scaled_format(7240, 2, out, sizeof out);
    assert_string_equal(out, "72.40");
    scaled_format(7, 2, out, sizeof out);
    assert_string_equal(out, "0.07");
    scaled_format(-7, 2, out, sizeof out);
    assert_string_equal(out, "-0.07");
    scaled_format(69995, 3, out, sizeof out);
    assert_string_equal(out, "69.995");
    scaled_format(7240, 0, out, sizeof out);
    assert_string_equal(out, "7240");
}

/* ---- business registration numbers ---- */

static void test_bizno_checksum_valid_number(void **state)
{
    (void)state;
    /* 1248100998: sum 1+6+28+8+3+0+0+27+45 = 118, + 9*5/10 = 4 -> 122, (10-2)%10 = 8 */
    assert_true(bizno_checksum_ok("1248100998"));
    assert_false(bizno_checksum_ok("1248100997"));
    assert_false(bizno_checksum_ok("1248100999"));
    assert_false(bizno_checksum_ok("1234567890"));
    /* a sum ending in 0 needs checksum 0, not 10: 0000000000 */
    assert_true(bizno_checksum_ok("0000000000"));
    assert_false(bizno_checksum_ok("124810099x"));
}

static void test_bizno_parse_forms(void **state)
{
    (void)state;
    char out[11] = "";
    const char *why = NULL;
    assert_int_equal(bizno_parse("1248100998", out, &why), 0);
    assert_string_equal(out, "1248100998");
    memset(out, 0, sizeof out);
    assert_int_equal(bizno_parse(" 124-81-00998 ", out, &why), 0);
    assert_string_equal(out, "1248100998");
}

static void test_bizno_parse_rejects_with_reason(void **state)
{
    (void)state;
    struct {
        const char *s, *reason;
    } bad[] = {
        {"1234567890", "business number checksum does not match"},
        {"123-45-67890", "business number checksum does not match"},
        {"124-81-00997", "business number checksum does not match"},
        {"124810099", "business number must have 10 digits"},
        {"12481009981", "business number must have 10 digits"},
        {"124 81 00998", "business number must have 10 digits"},
        {"124.81.00998", "business number must have 10 digits"},
        {"12481OO998", "business number must have 10 digits"},
        {"", "business number must have 10 digits"},
        {"---", "business number must have 10 digits"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char out[11] = "untouched";
        const char *why = NULL;
        assert_int_equal(bizno_parse(bad[i].s, out, &why), -1);
        assert_non_null(strstr(why, bad[i].reason));
        assert_string_equal(out, "untouched");
    }
}

/* ---- yes/no and trimming ---- */

static void test_yesno_parse(void **state)
{
    (void)state;
    const char *yes[] = {"yes", "YES", "y",  "Y", "true", "True",
                         "1",   "예",  "네", "o", "O",    " yes "};
    const char *no[] = {"no", "No", "n", "N", "false", "FALSE", "0", "아니오", "아니요", "x", "X"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        bool v = false;
        assert_int_equal(yesno_parse(yes[i], &v), 0);
        assert_true(v);
    }
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        bool v = true;
        assert_int_equal(yesno_parse(no[i], &v), 0);
        assert_false(v);
    }
    const char *bad[] = {"", "maybe", "2", "yess", "ye", "아니", "oo", "-"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bool v = true;
        assert_int_equal(yesno_parse(bad[i], &v), -1);
        assert_true(v);
    }
}

static void test_str_trim(void **state)
{
    (void)state;
    char a[] = " \t a b \r\n";
    assert_string_equal(str_trim(a), "a b");
    char b[] = "   ";
    assert_string_equal(str_trim(b), "");
    char c[] = "";
    assert_string_equal(str_trim(c), "");
    char d[] = "x";
    assert_ptr_equal(str_trim(d), d);
    assert_string_equal(d, "x");
    char e[] = "\xe3\x80\x80 한글 "; /* U+3000 is not ASCII white space: kept */
    assert_string_equal(str_trim(e), "\xe3\x80\x80 한글");
}

/* ---- text ---- */

static void test_utf8_valid(void **state)
{
    (void)state;
    const char ok[] = "abc 한글 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf";
    assert_true(utf8_valid(ok, strlen(ok)));
    assert_true(utf8_valid("", 0));
    assert_true(utf8_valid("a\0b", 3));
    struct {
        const char *s;
        size_t bad_at;
    } bad[] = {
        {"ab\xc0\xaf", 2},       /* overlong '/' */
        {"\xe0\x80\xaf", 0},     /* overlong, 3 bytes */
        {"\xf0\x80\x80\xaf", 0}, /* overlong, 4 bytes */
        {"x\xed\xa0\x80", 1},    /* surrogate U+D800 */
        {"\xed\xbf\xbf", 0},     /* surrogate U+DFFF */
        {"\xf4\x90\x80\x80", 0}, /* U+110000 */
        {"\xf5\x80\x80\x80", 0}, /* lead byte beyond range */
        {"abc\x80", 3},          /* stray continuation */
        {"\xea\xb0", 0},         /* cut short */
        {"\xea\xb0\x41", 0},     /* bad continuation */
        {"\xff", 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t len = strlen(bad[i].s);
        assert_false(utf8_valid(bad[i].s, len));
        assert_int_equal(utf8_valid_prefix(bad[i].s, len), bad[i].bad_at);
    }
    assert_int_equal(utf8_valid_prefix(ok, strlen(ok)), strlen(ok));
}

static void test_utf8_nfc_composes_hangul_jamo(void **state)
{
    (void)state;
    /* 한 as conjoining jamo U+1112 U+1161 U+11AB, 글 as U+1100 U+1173 U+11AF */
    char *nfc =
        utf8_nfc("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xb3\xe1\x86\xaf");
    assert_non_null(nfc);
    assert_string_equal(nfc, "한글");
    assert_string_equal(nfc, "\xed\x95\x9c\xea\xb8\x80");
    free(nfc);
    nfc = utf8_nfc("e\xcc\x81"); /* e + combining acute -> é */
    assert_string_equal(nfc, "\xc3\xa9");
    free(nfc);
    nfc = utf8_nfc("");
    assert_string_equal(nfc, "");
    free(nfc);
    assert_null(utf8_nfc("bad \xc0\xaf"));
    assert_null(utf8_nfc("\xed\xa0\x80"));
}

static void test_cp949_to_utf8(void **state)
{
    (void)state;
    size_t bad = 99;
    /* 신청번호 in CP949, then ASCII, then 똠 (a CP949 extension beyond EUC-KR) */
    const char in[] = "\xbd\xc5\xc3\xbb\xb9\xf8\xc8\xa3,id\r\n\x8c\x63";
    char *out = cp949_to_utf8(in, sizeof in - 1, &bad);
    assert_non_null(out);
    assert_string_equal(out, "신청번호,id\r\n똠");
    free(out);
    out = cp949_to_utf8("", 0, &bad);
    assert_string_equal(out, "");
    free(out);
    assert_null(cp949_to_utf8("ab\xbd", 3, &bad)); /* lead byte cut off */
    assert_int_equal(bad, 2);
    assert_null(cp949_to_utf8("\xbd\xc5x\xff\xff", 5, &bad));
    assert_int_equal(bad, 3);
}

static void test_utf8_width(void **state)
{
    (void)state;
    assert_int_equal(utf8_width(""), 0);
    assert_int_equal(utf8_width("abc"), 3);
    assert_int_equal(utf8_width("한글"), 4);
    assert_int_equal(utf8_width("(주)한빛"), 8);
    assert_int_equal(utf8_width("漢字"), 4);
    assert_int_equal(utf8_width("e\xcc\x81"), 1); /* combining mark takes no column */
    assert_int_equal(utf8_width("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), 2); /* jamo 한 */
    assert_int_equal(utf8_width("a\xff"
                                "b"),
                     3);
}

/* issue 14: names and file-name texts refuse '/', '..', C0, DEL, C1 and bidi overrides. */
static void test_text_name_refusal_classes(void **state)
{
    (void)state;
    static const char *const bad[] = {"a/b",
                                      "..",
                                      "a..b",
                                      "a\tb",
                                      "\x1b[31m",
                                      "a\x7f",
                                      "a\xc2\x85"
                                      "b",
                                      "a\xc2\x9f"
                                      "b",
                                      "a\xe2\x80\xaa",
                                      "a\xe2\x80\xab",
                                      "a\xe2\x80\xac",
                                      "a\xe2\x80\xad",
                                      "a\xe2\x80\xae",
                                      "a\xe2\x81\xa6",
                                      "a\xe2\x81\xa7",
                                      "a\xe2\x81\xa8",
                                      "a\xe2\x81\xa9",
                                      "\xff"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_non_null(text_name_refusal(bad[i]));
    static const char *const good[] = {"강민준",
                                       "a.b",
                                       "2026-001",
                                       "바이오·의료",
                                       "a b",
                                       "a\xe2\x80\xa9"
                                       "b" /* U+2029, not an override */,
                                       "\xc2\xa0" /* U+00A0, not C1 */};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_null(text_name_refusal(good[i]));
}

/* issue 14: a passphrase is counted in code points: 9 ASCII refused, 10 Hangul accepted. */
static void test_text_passphrase_counts_characters(void **state)
{
    (void)state;
    const char *nine = "123456789", *ten = "1234567890";
    const char *hangul10 = "가나다라마바사아자차", *hangul9 = "가나다라마바사아자";
    assert_non_null(text_passphrase_refusal(nine, strlen(nine)));
    assert_null(text_passphrase_refusal(ten, strlen(ten)));
    assert_null(text_passphrase_refusal(hangul10, strlen(hangul10)));
    assert_non_null(text_passphrase_refusal(hangul9, strlen(hangul9))); /* 27 bytes */
    assert_int_equal(utf8_count(hangul10, strlen(hangul10)), 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_name_refusal_classes),
        cmocka_unit_test(test_text_passphrase_counts_characters),
        cmocka_unit_test(test_date_epoch_and_known_days),
        cmocka_unit_test(test_date_round_trip_every_day_1900_to_2999),
        cmocka_unit_test(test_R1_date_parse_accepts_dash_dot_and_spaces),
        cmocka_unit_test(test_R2_1_date_parse_checks_real_days),
        cmocka_unit_test(test_date_parse_rejects_other_shapes),
        cmocka_unit_test(test_date_format),
        cmocka_unit_test(test_date_add_years_moves_29_feb_to_1_mar),
        cmocka_unit_test(test_date_add_months_clips_to_month_end),
        cmocka_unit_test(test_R1_datetime_parse_forms),
        cmocka_unit_test(test_datetime_parse_rejects),
        cmocka_unit_test(test_datetime_format_and_date),
        cmocka_unit_test(test_R5_3_amount_accepts_digits_and_thousands_separators),
        cmocka_unit_test(test_R5_3_amount_rejects_with_reason),
        cmocka_unit_test(test_amount_format),
        cmocka_unit_test(test_R6_2_score_accepts_tenths),
        cmocka_unit_test(test_R6_2_score_rejects_with_reason),
        cmocka_unit_test(test_tenths_and_scaled_format),
        cmocka_unit_test(test_bizno_checksum_valid_number),
        cmocka_unit_test(test_bizno_parse_forms),
        cmocka_unit_test(test_bizno_parse_rejects_with_reason),
        cmocka_unit_test(test_yesno_parse),
        cmocka_unit_test(test_str_trim),
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_utf8_nfc_composes_hangul_jamo),
        cmocka_unit_test(test_cp949_to_utf8),
        cmocka_unit_test(test_utf8_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
