/* Parsers and formatters for typed values (see parse.h): dates, Korea-time moments, won,
 * scores in tenths, business registration numbers, yes/no. Integers only. */
#include "core/parse.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2999
#define MINUTES_PER_DAY 1440

/* Hand a translated reason to the caller; always -1 so a parser can `return fail(...)`. */
static int fail(const char **why, const char *reason)
{
    if (why)
        *why = reason;
    return -1;
}

static bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

char *str_trim(char *s)
{
    size_t len = strlen(s), start = 0;
    while (len > 0 && is_ascii_space(s[len - 1]))
        len--;
    while (start < len && is_ascii_space(s[start]))
        start++;
    memmove(s, s + start, len - start);
    s[len - start] = '\0';
    return s;
}

/* The trimmed view [*begin, *end) of s, without copying. */
static void trimmed_span(const char *s, const char **begin, const char **end)
{
    const char *b = s, *e = s + strlen(s);
    while (b < e && is_ascii_space(*b))
        b++;
    while (e > b && is_ascii_space(e[-1]))
        e--;
    *begin = b;
    *end = e;
}

/* ---- Dates: days since 1970-01-01 in the proleptic Gregorian calendar. ---- */

static bool is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

/* Era-based conversion (400-year cycles of 146097 days), exact for every year used here. */
static sdate days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (sdate)(era * 146097 + doe - 719468);
}

void date_to_ymd(sdate days, int *y, int *m, int *dd)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int month = mp < 10 ? mp + 3 : mp - 9;
    *dd = doy - (153 * mp + 2) / 5 + 1;
    *m = month;
    *y = yoe + era * 400 + (month <= 2);
}

int date_from_ymd(int y, int m, int d, sdate *out)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *out = days_from_civil(y, m, d);
    return 0;
}

/* Write v as exactly `width` decimal digits (leading zeros), keeping the low digits. */
static void put_digits(char *p, int v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void date_format(sdate d, char out[11])
{
    int y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    put_digits(out, y < 0 ? 0 : y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, dd, 2);
    out[10] = '\0';
}

sdate date_add_years(sdate d, int years)
{
    int y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    y += years;
    if (m == 2 && dd == 29 && !is_leap_year(y)) {
        m = 3;
        dd = 1;
    }
    return days_from_civil(y, m, dd);
}

sdate date_add_months(sdate d, int months)
{
    int y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    int index = y * 12 + (m - 1) + months;
    int year = index >= 0 ? index / 12 : -((11 - index) / 12);
    int month = index - year * 12 + 1;
    int last = days_in_month(year, month);
    return days_from_civil(year, month, dd > last ? last : dd);
}

/* Read 1..max_digits digits at *p into *out, advancing *p; false when there are none. */
static bool read_number(const char **p, const char *end, int max_digits, int *out)
{
    int value = 0, n = 0;
    while (*p < end && is_digit(**p) && n < max_digits) {
        value = value * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = value;
    return n > 0 && !(*p < end && is_digit(**p));
}

/* The date at the start of [*p, end), advancing *p past it. */
static int date_scan(const char **p, const char *end, sdate *out, const char **why)
{
    const char *start = *p;
    int y, m, d;
    if (!read_number(p, end, 4, &y) || *p - start != 4 || *p >= end)
        return fail(why, _("a date must be written YYYY-MM-DD"));
    char sep = **p;
    if (sep != '-' && sep != '.')
        return fail(why, _("a date must be written YYYY-MM-DD"));
    (*p)++;
    if (!read_number(p, end, 2, &m) || *p >= end || **p != sep)
        return fail(why, _("a date must be written YYYY-MM-DD"));
    (*p)++;
    if (!read_number(p, end, 2, &d))
        return fail(why, _("a date must be written YYYY-MM-DD"));
    if (y < YEAR_MIN || y > YEAR_MAX)
        return fail(why, _("the year must be between 1900 and 2999"));
    if (m < 1 || m > 12)
        return fail(why, _("no such month"));
    if (date_from_ymd(y, m, d, out) != 0)
        return fail(why, _("no such day"));
    return 0;
}

int date_parse(const char *s, sdate *out, const char **why)
{
    const char *p, *end;
    trimmed_span(s, &p, &end);
    sdate d;
    if (date_scan(&p, end, &d, why) != 0)
        return -1;
    if (p != end)
        return fail(why, _("a date must be written YYYY-MM-DD"));
    *out = d;
    return 0;
}

/* ---- Moments in Korea time: minutes since 1970-01-01 00:00 KST. ---- */

kst_minutes date_at(sdate d, int hour, int minute)
{
    return (kst_minutes)d * MINUTES_PER_DAY + hour * 60 + minute;
}

sdate datetime_date(kst_minutes m)
{
    kst_minutes days = m / MINUTES_PER_DAY;
    if (m % MINUTES_PER_DAY < 0)
        days--;
    return (sdate)days;
}

void datetime_format(kst_minutes m, char out[17])
{
    sdate d = datetime_date(m);
    int minute_of_day = (int)(m - (kst_minutes)d * MINUTES_PER_DAY);
    date_format(d, out);
    out[10] = ' ';
    put_digits(out + 11, minute_of_day / 60, 2);
    out[13] = ':';
    put_digits(out + 14, minute_of_day % 60, 2);
    out[16] = '\0';
}

/* "HH:MM" or "HH:MM:SS" filling [p, end); seconds are accepted and dropped. */
static int time_scan(const char *p, const char *end, int *hour, int *minute, const char **why)
{
    int second = 0;
    if (!read_number(&p, end, 2, hour) || p >= end || *p != ':')
        return fail(why, _("a time must be written HH:MM"));
    p++;
    const char *minute_start = p;
    if (!read_number(&p, end, 2, minute) || p - minute_start != 2)
        return fail(why, _("a time must be written HH:MM"));
    if (p < end) {
        if (*p != ':')
            return fail(why, _("a time must be written HH:MM"));
        p++;
        const char *second_start = p;
        if (!read_number(&p, end, 2, &second) || p - second_start != 2 || p != end)
            return fail(why, _("a time must be written HH:MM"));
    }
    if (*hour > 23 || *minute > 59 || second > 59)
        return fail(why, _("no such time of day"));
    return 0;
}

int datetime_parse(const char *s, kst_minutes *out, bool *has_time, const char **why)
{
    const char *p, *end;
    trimmed_span(s, &p, &end);
    sdate d;
    if (date_scan(&p, end, &d, why) != 0)
        return -1;
    if (p == end) {
        *out = date_at(d, 0, 0);
        *has_time = false;
        return 0;
    }
    if (*p == 'T') {
        p++;
    } else if (*p == ' ') {
        while (p < end && *p == ' ')
            p++;
    } else {
        return fail(why, _("a date and time must be written YYYY-MM-DD HH:MM"));
    }
    int hour, minute;
    if (time_scan(p, end, &hour, &minute, why) != 0)
        return -1;
    *out = date_at(d, hour, minute);
    *has_time = true;
    return 0;
}

/* ---- Amounts in whole won. ---- */

/* The reason a non-digit character makes an amount unreadable. */
static const char *amount_bad_char_reason(char c)
{
    if (c == '-')
        return _("an amount cannot be negative");
    if (c == '.')
        return _("an amount is whole won, without decimals");
    return _("an amount must be written in digits, e.g. 80000000 or 80,000,000");
}

int amount_parse(const char *s, int64_t *won, const char **why)
{
    const char *p, *end;
    trimmed_span(s, &p, &end);
    if (p == end)
        return fail(why, _("the amount is empty"));
    int64_t value = 0;
    int group_digits = 0;
    bool grouped = false;
    for (; p < end; p++) {
        if (*p == ',') {
            /* Commas separate thousands: 1-3 digits first, then groups of exactly three. */
            if (group_digits == 0 || group_digits > 3 || (grouped && group_digits != 3))
                return fail(why, _("commas in an amount must separate groups of three digits"));
            grouped = true;
            group_digits = 0;
            continue;
        }
        if (!is_digit(*p))
            return fail(why, amount_bad_char_reason(*p));
        if (value > (AMOUNT_MAX - (*p - '0')) / 10)
            return fail(why, _("the amount is above the maximum"));
        value = value * 10 + (*p - '0');
        group_digits++;
    }
    if (grouped && group_digits != 3)
        return fail(why, _("commas in an amount must separate groups of three digits"));
    *won = value;
    return 0;
}

void amount_format(int64_t won, char *out, size_t n)
{
    char digits[24];
    uint64_t magnitude = won < 0 ? (uint64_t)0 - (uint64_t)won : (uint64_t)won;
    int len = snprintf(digits, sizeof digits, "%llu", (unsigned long long)magnitude);
    char grouped[40];
    size_t k = 0;
    if (won < 0)
        grouped[k++] = '-';
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[k++] = ',';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(out, n, "%s", grouped);
}

/* ---- Scores in tenths of a point. ---- */

int score_parse(const char *s, int32_t max_tenths, int32_t step_tenths, int32_t *tenths,
                const char **why)
{
    const char *p, *end;
    trimmed_span(s, &p, &end);
    if (p == end)
        return fail(why, _("the score is empty"));
    int64_t whole = 0;
    const char *digits_start = p;
    for (; p < end && is_digit(*p); p++) {
        if (whole <= INT32_MAX)
            whole = whole * 10 + (*p - '0');
    }
    if (p == digits_start)
        return fail(why, _("a score must be a number such as 8 or 8.5"));
    int64_t value = whole * 10;
    if (p < end) {
        if (*p != '.' || p + 1 >= end || !is_digit(p[1]))
            return fail(why, _("a score must be a number such as 8 or 8.5"));
        const char *fraction = p + 1;
        for (p = fraction; p < end && is_digit(*p); p++)
            ;
        if (p != end)
            return fail(why, _("a score must be a number such as 8 or 8.5"));
        if (p - fraction > 1)
            return fail(why, _("a score has at most one decimal"));
        value += fraction[0] - '0';
    }
    if (value > max_tenths)
        return fail(why, _("the score is above the maximum"));
    if (step_tenths > 1 && value % step_tenths != 0)
        return fail(why, _("the score is not a multiple of the allowed step"));
    *tenths = (int32_t)value;
    return 0;
}

void scaled_format(int64_t v, int decimals, char *out, size_t n)
{
    uint64_t magnitude = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    if (decimals <= 0 || decimals > 18) {
        snprintf(out, n, "%s%llu", v < 0 ? "-" : "", (unsigned long long)magnitude);
        return;
    }
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    snprintf(out, n, "%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)(magnitude / scale),
             decimals, (unsigned long long)(magnitude % scale));
}

void tenths_format(int64_t tenths, char *out, size_t n)
{
    if (tenths % 10 == 0)
        snprintf(out, n, "%lld", (long long)(tenths / 10));
    else
        scaled_format(tenths, 1, out, n);
}

/* ---- Business registration numbers (사업자등록번호). ---- */

bool bizno_checksum_ok(const char digits[10])
{
    static const int weights[9] = {1, 3, 7, 1, 3, 7, 1, 3, 5};
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        if (!is_digit(digits[i]))
            return false;
    }
    for (int i = 0; i < 9; i++)
        sum += (digits[i] - '0') * weights[i];
    /* The ninth digit counts once more: the tens of its product with 5. */
    sum += (digits[8] - '0') * 5 / 10;
    return (10 - sum % 10) % 10 == digits[9] - '0';
}

int bizno_parse(const char *s, char out[11], const char **why)
{
    const char *p, *end;
    trimmed_span(s, &p, &end);
    char digits[11];
    int n = 0;
    for (; p < end; p++) {
        if (*p == '-')
            continue;
        if (!is_digit(*p) || n == 10)
            return fail(why, _("a business number must have 10 digits"));
        digits[n++] = *p;
    }
    if (n != 10)
        return fail(why, _("a business number must have 10 digits"));
    digits[10] = '\0';
    if (!bizno_checksum_ok(digits))
        return fail(why, _("the business number checksum does not match"));
    memcpy(out, digits, 11);
    return 0;
}

/* ---- yes/no ---- */

static bool ascii_equal_fold(const char *a, size_t len, const char *b)
{
    if (strlen(b) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

int yesno_parse(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "예", "네", "o"};
    static const char *const no[] = {"no", "n", "false", "0", "아니오", "아니요", "x"};
    const char *p, *end;
    trimmed_span(s, &p, &end);
    size_t len = (size_t)(end - p);
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (ascii_equal_fold(p, len, yes[i])) {
            *out = true;
            return 0;
        }
    }
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        if (ascii_equal_fold(p, len, no[i])) {
            *out = false;
            return 0;
        }
    }
    return -1;
}

void time_korea(const char *utc, char *out, size_t n)
{
    /* "2026-06-22T05:30:00Z" -> "2026-06-22 14:30 KST" (Korea time, UTC+9, no DST). */
    sdate d;
    int h = 0, m = 0;
    char day[11];
    if (strlen(utc) < 17 || utc[10] != 'T' || (memcpy(day, utc, 10), day[10] = '\0', 0) ||
        date_parse(day, &d, NULL) < 0 || sscanf(utc + 11, "%2d:%2d", &h, &m) != 2) {
        snprintf(out, n, "%s", utc);
        return;
    }
    char text[17];
    datetime_format(date_at(d, h, m) + 9 * 60, text);
    snprintf(out, n, "%s KST", text);
}
