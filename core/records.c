/* Canonical texts of signed records (see records.h and simsa-records(5)): "key: value" lines in
 * a fixed order per kind, NFC text escaped so no value can start a line of its own. */
#include "core/records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/text.h"

static const char *const kind_names[] = {
    [RECORD_REVIEW] = "review",
    [RECORD_INSPECTION] = "inspection",
    [RECORD_CONFLICT] = "conflict",
    [RECORD_BONUS_AWARD] = "bonus-award",
    [RECORD_BONUS_WITHDRAWAL] = "bonus-withdrawal",
    [RECORD_SHEET] = "sheet",
    [RECORD_TIE] = "tie",
    [RECORD_FORFEIT] = "forfeit",
    [RECORD_BUDGET] = "budget",
    [RECORD_RESULT] = "result",
    [RECORD_AUDIT_HEAD] = "audit-head",
    [RECORD_PLAN] = "plan-revision",
    [RECORD_AGREEMENT] = "agreement",
    [RECORD_CHECKPOINT] = "checkpoint",
};

const char *record_kind_name(enum record_kind k)
{
    if ((size_t)k >= sizeof kind_names / sizeof kind_names[0])
        return NULL;
    return kind_names[k];
}

/* ---- The writer: a growing text that remembers the first value it could not write. ---- */

struct record_writer {
    char *text;
    size_t len, cap;
    char *why; /* first failure, or NULL */
};

static void writer_put(struct record_writer *w, const char *s, size_t n)
{
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (w->len + n + 1 > cap)
            cap *= 2;
        w->text = xrealloc(w->text, cap);
        w->cap = cap;
    }
    memcpy(w->text + w->len, s, n);
    w->len += n;
    w->text[w->len] = '\0';
}

static void writer_puts(struct record_writer *w, const char *s)
{
    writer_put(w, s, strlen(s));
}

/* Keep only the first failure: it names the field a person has to look at. */
static void writer_fail(struct record_writer *w, const char *key, const char *problem)
{
    if (!w->why)
        w->why = xasprintf(_("record field \"%s\": %s"), key, problem);
}

/* Backslash, LF and CR as two-character escapes, other C0 controls as \xHH: a value can never
 * end its line early, so it can never forge another field. */
static void writer_put_escaped(struct record_writer *w, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char hex[5];
        if (c == '\\') {
            writer_puts(w, "\\\\");
        } else if (c == '\n') {
            writer_puts(w, "\\n");
        } else if (c == '\r') {
            writer_puts(w, "\\r");
        } else if (c < 0x20) {
            snprintf(hex, sizeof hex, "\\x%02x", c);
            writer_puts(w, hex);
        } else {
            writer_put(w, s, 1);
        }
    }
}

/* "key: value\n" with value as given (callers pass formatted numbers and fixed words). */
static void writer_line(struct record_writer *w, const char *key, const char *value)
{
    writer_puts(w, key);
    writer_puts(w, ": ");
    writer_puts(w, value);
    writer_puts(w, "\n");
}

/* A text value, NFC-normalised and escaped. Identifiers are required (non-empty); free text may
 * be empty or NULL. */
static void writer_text(struct record_writer *w, const char *key, const char *value, bool required)
{
    if (!value)
        value = "";
    if (required && !*value) {
        writer_fail(w, key, _("empty"));
        return;
    }
    char *nfc = utf8_nfc(value);
    if (!nfc) {
        writer_fail(w, key, _("not valid UTF-8"));
        return;
    }
    writer_puts(w, key);
    writer_puts(w, ": ");
    writer_put_escaped(w, nfc);
    writer_puts(w, "\n");
    free(nfc);
}

static void writer_id(struct record_writer *w, const char *key, const char *value)
{
    writer_text(w, key, value, true);
}

static void writer_free_text(struct record_writer *w, const char *key, const char *value)
{
    writer_text(w, key, value, false);
}

/* A list: the key repeated once per element, in order; none at all for an empty list. */
static void writer_list(struct record_writer *w, const char *key, const char *const *values,
                        size_t n, bool required)
{
    if (n > 0 && !values) {
        writer_fail(w, key, _("missing"));
        return;
    }
    for (size_t i = 0; i < n; i++)
        writer_text(w, key, values[i], required);
}

static void writer_int(struct record_writer *w, const char *key, int64_t v)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)v);
    writer_line(w, key, digits);
}

static void writer_nonnegative(struct record_writer *w, const char *key, int64_t v)
{
    if (v < 0)
        writer_fail(w, key, _("negative"));
    else
        writer_int(w, key, v);
}

static void writer_yesno(struct record_writer *w, const char *key, bool v)
{
    writer_line(w, key, v ? "yes" : "no");
}

static bool digits_at(const char *s, size_t from, size_t n, int *out)
{
    int v = 0;
    for (size_t i = from; i < from + n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* Exactly "YYYY-MM-DD", a day that exists. */
static bool date_text_valid(const char *s)
{
    int y, m, d;
    sdate day;
    return strlen(s) >= 10 && digits_at(s, 0, 4, &y) && s[4] == '-' && digits_at(s, 5, 2, &m) &&
           s[7] == '-' && digits_at(s, 8, 2, &d) && date_from_ymd(y, m, d, &day) == 0;
}

/* Exactly "YYYY-MM-DDTHH:MM:SSZ" (what store_now writes): one spelling per moment, so the
 * text stays a pure function of the stored value. */
static bool utc_time_valid(const char *s)
{
    int h, m, sec;
    return strlen(s) == 20 && date_text_valid(s) && s[10] == 'T' && digits_at(s, 11, 2, &h) &&
           s[13] == ':' && digits_at(s, 14, 2, &m) && s[16] == ':' && digits_at(s, 17, 2, &sec) &&
           s[19] == 'Z' && h < 24 && m < 60 && sec < 60;
}

static void writer_date(struct record_writer *w, const char *key, const char *date)
{
    if (!date || strlen(date) != 10 || !date_text_valid(date))
        writer_fail(w, key, _("not a date of the form 2026-06-22"));
    else
        writer_line(w, key, date);
}

static void writer_time(struct record_writer *w, const char *key, const char *at)
{
    if (!at || !utc_time_valid(at))
        writer_fail(w, key, _("not a UTC time of the form 2026-06-22T05:30:00Z"));
    else
        writer_line(w, key, at);
}

static void writer_tenths(struct record_writer *w, const char *key, int64_t tenths)
{
    char score[32];
    if (tenths < 0) {
        writer_fail(w, key, _("negative"));
        return;
    }
    tenths_format(tenths, score, sizeof score);
    writer_line(w, key, score);
}

/* The first three lines of every record. */
static void writer_begin(struct record_writer *w, enum record_kind k, const char *program)
{
    writer_puts(w, RECORD_FORMAT_LINE "\n");
    writer_line(w, "kind", record_kind_name(k));
    writer_id(w, "program", program);
}

/* The last two lines of every record; hands over the text, or NULL and the first failure. */
static char *writer_end(struct record_writer *w, const char *signer, const char *at, char **why)
{
    writer_id(w, "signer", signer);
    writer_time(w, "at", at);
    if (why)
        *why = NULL;
    if (w->why) {
        free(w->text);
        if (why)
            *why = w->why;
        else
            free(w->why);
        return NULL;
    }
    return w->text;
}

static char *no_record(char **why)
{
    if (why)
        *why = xstrdup(_("no record to write"));
    return NULL;
}

/* ---- One function per kind: the field order here is the format (simsa-records(5)). ---- */

char *record_review_text(const struct record_review *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_REVIEW, r->program);
    writer_id(&w, "app", r->app);
    writer_yesno(&w, "passed", r->passed);
    writer_list(&w, "reason", r->reasons, r->n_reasons, false);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_inspection_text(const struct record_inspection *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_INSPECTION, r->program);
    writer_id(&w, "app", r->app);
    writer_date(&w, "date", r->date);
    writer_list(&w, "inspector", r->members, r->n_members, true);
    writer_list(&w, "fact", r->facts, r->n_facts, false);
    writer_list(&w, "finding", r->findings, r->n_findings, false);
    writer_free_text(&w, "notes", r->notes);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_conflict_text(const struct record_conflict *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_CONFLICT, r->program);
    writer_id(&w, "app", r->app);
    writer_id(&w, "judge", r->judge);
    writer_free_text(&w, "reason", r->reason);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_bonus_award_text(const struct record_bonus *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_BONUS_AWARD, r->program);
    writer_id(&w, "app", r->app);
    writer_id(&w, "bonus", r->bonus);
    writer_tenths(&w, "points", r->points_tenths);
    writer_free_text(&w, "note", r->note);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_bonus_withdrawal_text(const struct record_bonus *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_BONUS_WITHDRAWAL, r->program);
    writer_id(&w, "app", r->app);
    writer_id(&w, "bonus", r->bonus);
    writer_free_text(&w, "note", r->note);
    return writer_end(&w, r->signer, r->at, why);
}

/* "comment: need=text" right after its item's line, only for an item with a comment (added
 * after format 1 was first signed: a sheet without comments keeps its bytes). */
static void writer_sheet_comment(struct record_writer *w, const char *id_nfc, const char *comment)
{
    char *nfc = utf8_nfc(comment);
    if (!nfc) {
        writer_fail(w, "comment", _("not valid UTF-8"));
        return;
    }
    writer_puts(w, "comment: ");
    writer_put_escaped(w, id_nfc);
    writer_puts(w, "=");
    writer_put_escaped(w, nfc);
    writer_puts(w, "\n");
    free(nfc);
}

/* "item: need=8.5": the id escaped like any text, then '=' and the score. */
static void writer_sheet_item(struct record_writer *w, const struct record_sheet_item *item)
{
    char score[32];
    if (!item->id || !*item->id) {
        writer_fail(w, "item", _("empty"));
        return;
    }
    if (strchr(item->id, '=')) {
        writer_fail(w, "item", _("an item id contains \"=\""));
        return;
    }
    if (item->tenths < 0) {
        writer_fail(w, "item", _("negative"));
        return;
    }
    char *nfc = utf8_nfc(item->id);
    if (!nfc) {
        writer_fail(w, "item", _("not valid UTF-8"));
        return;
    }
    tenths_format(item->tenths, score, sizeof score);
    writer_puts(w, "item: ");
    writer_put_escaped(w, nfc);
    writer_puts(w, "=");
    writer_puts(w, score);
    writer_puts(w, "\n");
    if (item->comment && *item->comment)
        writer_sheet_comment(w, nfc, item->comment);
    free(nfc);
}

char *record_sheet_text(const struct record_sheet *r, char **why)
{
    struct record_writer w = {0};
    int64_t total = 0;
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_SHEET, r->program);
    writer_id(&w, "app", r->app);
    writer_id(&w, "judge", r->judge);
    if (r->n_items > 0 && !r->items)
        writer_fail(&w, "item", _("missing"));
    for (size_t i = 0; r->items && i < r->n_items; i++) {
        writer_sheet_item(&w, &r->items[i]);
        total += r->items[i].tenths;
    }
    writer_tenths(&w, "total", total);
    if (r->agree)
        writer_line(&w, "amount", "agree");
    else
        writer_nonnegative(&w, "amount", r->amount);
    writer_free_text(&w, "opinion", r->opinion);
    writer_yesno(&w, "transcribed", r->transcribed);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_tie_text(const struct record_tie *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_TIE, r->program);
    if (r->n_apps < 2)
        writer_fail(&w, "member", _("fewer than two applications"));
    writer_list(&w, "member", r->apps, r->n_apps, true);
    writer_free_text(&w, "reason", r->reason);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_forfeit_text(const struct record_forfeit *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_FORFEIT, r->program);
    writer_id(&w, "app", r->app);
    writer_free_text(&w, "reason", r->reason);
    writer_list(&w, "promoted", r->promoted, r->n_promoted, true);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_plan_text(const struct record_plan *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_PLAN, r->program);
    writer_id(&w, "app", r->app);
    writer_line(&w, "status", r->made ? "made" : "required");
    writer_id(&w, "due", r->due);
    writer_free_text(&w, "requirement", r->text);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_budget_text(const struct record_budget *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_BUDGET, r->program);
    writer_nonnegative(&w, "budget", r->won);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_agreement_text(const struct record_agreement *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_AGREEMENT, r->program);
    writer_id(&w, "app", r->app);
    writer_date(&w, "date", r->date);
    return writer_end(&w, r->signer, r->at, why);
}

/* One ranked row as six lines, always in this order. */
static void writer_result_row(struct record_writer *w, const struct record_result_row *row,
                              int decimals)
{
    char figure[48];
    if (row->rank < 1)
        writer_fail(w, "rank", _("not a rank (1 or more)"));
    else
        writer_int(w, "rank", row->rank);
    writer_id(w, "app", row->app);
    scaled_format(row->base, decimals, figure, sizeof figure);
    writer_line(w, "base", figure);
    scaled_format(row->final, decimals, figure, sizeof figure);
    writer_line(w, "final", figure);
    writer_id(w, "outcome", row->outcome);
    writer_nonnegative(w, "amount", row->amount);
}

char *record_result_text(const struct record_result *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_RESULT, r->program);
    if (r->revision > 1) {
        writer_int(&w, "revision", r->revision);
        writer_id(&w, "previous", r->previous);
        for (size_t i = 0; i < r->n_changes; i++)
            writer_text(&w, "change", r->changes[i], true);
    }
    if (r->decimals < 0 || r->decimals > 4)
        writer_fail(&w, "decimals", _("out of range (0 to 4)"));
    if (r->n_rows > 0 && !r->rows)
        writer_fail(&w, "rank", _("missing"));
    for (size_t i = 0; r->rows && i < r->n_rows; i++)
        writer_result_row(&w, &r->rows[i], r->decimals);
    return writer_end(&w, r->signer, r->at, why);
}

static void writer_hash(struct record_writer *w, const char *key,
                        const uint8_t hash[RECORD_HASH_BYTES])
{
    static const char hex_digits[] = "0123456789abcdef";
    char hex[2 * RECORD_HASH_BYTES + 1];
    for (size_t i = 0; i < RECORD_HASH_BYTES; i++) {
        hex[2 * i] = hex_digits[hash[i] >> 4];
        hex[2 * i + 1] = hex_digits[hash[i] & 0x0f];
    }
    hex[2 * RECORD_HASH_BYTES] = '\0';
    writer_line(w, key, hex);
}

static void writer_seq(struct record_writer *w, int64_t seq)
{
    if (seq < 1)
        writer_fail(w, "seq", _("not an event number (1 or more)"));
    else
        writer_int(w, "seq", seq);
}

char *record_audit_head_text(const struct record_audit_head *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_AUDIT_HEAD, r->program);
    writer_seq(&w, r->seq);
    writer_hash(&w, "hash", r->hash);
    return writer_end(&w, r->signer, r->at, why);
}

char *record_checkpoint_text(const struct record_checkpoint *r, char **why)
{
    struct record_writer w = {0};
    if (!r)
        return no_record(why);
    writer_begin(&w, RECORD_CHECKPOINT, r->program);
    writer_seq(&w, r->seq);
    writer_hash(&w, "hash", r->hash);
    writer_hash(&w, "event-signatures", r->event_signatures);
    writer_nonnegative(&w, "records", r->records);
    writer_hash(&w, "record-signatures", r->record_signatures);
    return writer_end(&w, r->signer, r->at, why);
}

/* ---- minisign's trusted comment: one line, so the same escaping. ---- */

static char *escaped_copy(const char *s)
{
    struct record_writer w = {0};
    char *nfc = utf8_nfc(s ? s : "");
    if (!nfc)
        return NULL;
    writer_puts(&w, ""); /* an empty id still gives a string */
    writer_put_escaped(&w, nfc);
    free(nfc);
    return w.text;
}

char *record_trusted_comment(enum record_kind k, const char *id, const char *signer)
{
    const char *kind = record_kind_name(k);
    char *id_text, *signer_text, *comment = NULL;
    if (!kind)
        return NULL;
    id_text = escaped_copy(id);
    signer_text = escaped_copy(signer);
    if (id_text && signer_text) {
        if (*id_text)
            comment = xasprintf("simsa %s %s by %s", kind, id_text, signer_text);
        else
            comment = xasprintf("simsa %s by %s", kind, signer_text);
    }
    free(id_text);
    free(signer_text);
    return comment;
}
