/* Program definition files (simsa-program(5)): inih reads them through a reader that counts
 * lines; the sections are then checked as a whole, so every problem is named with its line. */
#include "core/program.h"

#include <ini.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

#define NAME_MAX_LEN 32
#define TOTAL_TENTHS 1000 /* R6.1: the rubric totals 100 points */

enum section_kind {
    SEC_PROGRAM,
    SEC_AMOUNTS,
    SEC_AGREEMENT,
    SEC_INSPECTION,
    SEC_TIMER,
    SEC_ELIGIBILITY,
    SEC_POLICY,
    SEC_ITEM,
    SEC_BONUS,
    SEC_DOCUMENT,
    SEC_DISQUALIFIER,
    SEC_COUNT
};

struct section_type {
    const char *word;
    bool named;    /* [item need], [document 3] */
    bool required; /* for unnamed sections */
};

static const struct section_type section_types[SEC_COUNT] = {
    [SEC_PROGRAM] = {.word = "program", .required = true},
    [SEC_AMOUNTS] = {.word = "amounts", .required = true},
    [SEC_AGREEMENT] = {.word = "agreement", .required = true},
    [SEC_INSPECTION] = {.word = "inspection", .required = true},
    [SEC_TIMER] = {.word = "timer", .required = true},
    [SEC_ELIGIBILITY] = {.word = "eligibility", .required = true},
    [SEC_POLICY] = {.word = "policy", .required = false},
    [SEC_ITEM] = {.word = "item", .named = true},
    [SEC_BONUS] = {.word = "bonus", .named = true},
    [SEC_DOCUMENT] = {.word = "document", .named = true},
    [SEC_DISQUALIFIER] = {.word = "disqualifier", .named = true},
};

struct entry {
    char *key;
    char *value;
    long line;
    bool used;
};

struct section {
    enum section_kind kind;
    char *label; /* "program", "item need": as written between the brackets */
    char *name;  /* "need"; NULL for an unnamed section */
    int number;  /* [document N] */
    long line;
    struct entry *entries;
    size_t n_entries, cap_entries;
};

enum line_kind { LINE_BLANK, LINE_SECTION, LINE_KEY, LINE_CONTINUATION, LINE_OTHER };

struct loader {
    const char *filename;
    const char *pos;     /* next unread byte of the text */
    long line;           /* the line the reader handed to inih last */
    enum line_kind kind; /* ... and what it is */
    bool after_key;      /* as inih: an indented line after a key continues its value */
    bool seen_section;
    struct section **sections;
    size_t n_sections, cap_sections;
    struct section *current; /* NULL: keys are dropped (unknown or repeated section) */
    struct entry *last;      /* what a continuation line extends */
    struct diags found;      /* problems, sorted by line before they are handed over */
    long *found_lines;
};

static void problem(struct loader *ld, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct loader *ld, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diags_vadd(&ld->found, ld->filename, line, 0, fmt, ap);
    va_end(ap);
    ld->found_lines = xrealloc(ld->found_lines, ld->found.n * sizeof *ld->found_lines);
    ld->found_lines[ld->found.n - 1] = line;
}

/* ---- Reading: the reader sees every line, so it knows line numbers and section headers,
 * which the Debian build of inih does not pass to the handler. ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* inih's scan: up to one of chars, or to an inline comment (';' after white space). */
static const char *find_chars_or_comment(const char *s, const char *chars)
{
    bool was_space = false;
    while (*s && !strchr(chars, *s) && !(was_space && *s == ';')) {
        was_space = is_space(*s);
        s++;
    }
    return s;
}

static bool name_is_valid(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > NAME_MAX_LEN)
        return false;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    }
    return true;
}

/* A document number: 1..999, digits only. */
static int document_number(const char *s)
{
    int n = 0;
    if (!*s || strlen(s) > 3)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        n = n * 10 + (*s - '0');
    }
    return n;
}

static struct section *find_section(const struct loader *ld, enum section_kind kind,
                                    const char *name, int number)
{
    for (size_t i = 0; i < ld->n_sections; i++) {
        struct section *s = ld->sections[i];
        if (s->kind != kind)
            continue;
        if (kind == SEC_DOCUMENT ? s->number == number
                                 : (!name || !s->name || strcmp(s->name, name) == 0))
            return s;
    }
    return NULL;
}

static int section_kind_of(const char *word)
{
    for (int k = 0; k < SEC_COUNT; k++)
        if (strcmp(section_types[k].word, word) == 0)
            return k;
    return -1;
}

/* Is the section's name well-formed? Reports when not. */
static bool section_name_ok(struct loader *ld, int kind, const char *word, const char *name,
                            int *number)
{
    if (section_types[kind].named && !*name) {
        problem(ld, ld->line, _("section [%s] needs a name, e.g. [%s %s]"), word, word,
                kind == SEC_DOCUMENT ? "1" : "need");
        return false;
    }
    if (!section_types[kind].named && *name) {
        problem(ld, ld->line, _("section [%s] takes no name (found '%s')"), word, name);
        return false;
    }
    if (kind == SEC_DOCUMENT) {
        *number = document_number(name);
        if (*number > 0)
            return true;
        problem(ld, ld->line, _("bad document number '%s' (expected 1 to 999)"), name);
        return false;
    }
    if (*name && !name_is_valid(name)) {
        problem(ld, ld->line,
                _("bad name '%s' in [%s %s] (expected up to %d letters, digits, '_' or '-')"), name,
                word, name, NAME_MAX_LEN);
        return false;
    }
    return true;
}

static void begin_section(struct loader *ld, const char *label)
{
    char *word = xstrdup(label);
    char *name = word + strcspn(word, " \t");
    if (*name)
        *name++ = '\0';
    name = str_trim(name);
    int number = 0;
    int kind = section_kind_of(word);
    if (kind < 0)
        problem(ld, ld->line, _("unknown section [%s]"), label);
    else if (section_name_ok(ld, kind, word, name, &number)) {
        struct section *first = find_section(ld, kind, *name ? name : NULL, number);
        if (first) {
            problem(ld, ld->line, _("section [%s] is given twice (first on line %ld)"), label,
                    first->line);
        } else {
            struct section *s = xcalloc(1, sizeof *s);
            *s = (struct section){.kind = kind,
                                  .label = xstrdup(label),
                                  .number = number,
                                  .name = *name ? xstrdup(name) : NULL,
                                  .line = ld->line};
            if (ld->n_sections == ld->cap_sections) {
                ld->cap_sections = ld->cap_sections ? 2 * ld->cap_sections : 16;
                ld->sections = xrealloc(ld->sections, ld->cap_sections * sizeof *ld->sections);
            }
            ld->sections[ld->n_sections++] = s;
            ld->current = s;
        }
    }
    free(word);
}

/* A "[...]" line; s points after the '['. */
static void section_line(struct loader *ld, const char *s)
{
    const char *end = find_chars_or_comment(s, "]");
    ld->after_key = false;
    ld->current = NULL;
    ld->last = NULL;
    ld->seen_section = true;
    if (*end != ']') {
        ld->kind = LINE_OTHER;
        problem(ld, ld->line, _("a section header needs a closing ']'"));
        return;
    }
    ld->kind = LINE_SECTION;
    char *label = xstrndup(s, (size_t)(end - s));
    str_trim(label);
    begin_section(ld, label);
    free(label);
}

/* Classify a line the way inih will treat it (ini.c, ini_parse_stream), with its default
 * settings, which simsa never changes: ';' and '#' comments, inline ';' comments after white
 * space, multi-line values. */
static void classify_line(struct loader *ld, const char *text)
{
    const char *s = text;
    while (is_space(*s))
        s++;
    if (*s == '\0' || *s == ';' || *s == '#') {
        ld->kind = LINE_BLANK;
    } else if (ld->after_key && s > text) {
        ld->kind = LINE_CONTINUATION;
    } else if (*s == '[') {
        section_line(ld, s + 1);
    } else {
        const char *sep = find_chars_or_comment(s, "=:");
        if (*sep == '=' || *sep == ':') {
            ld->kind = LINE_KEY;
            ld->after_key = sep > s;
        } else {
            ld->kind = LINE_OTHER;
            problem(ld, ld->line, _("expected 'key = value' or '[section]'"));
        }
    }
}

/* ini_reader: one line of the text per call; inih calls the handler for it before asking for
 * the next, so ld->line is the handler's line. */
static char *read_line(char *buf, int size, void *stream)
{
    struct loader *ld = stream;
    if (*ld->pos == '\0' || size < 1)
        return NULL;
    const char *start = ld->pos;
    const char *newline = strchr(start, '\n');
    size_t len = newline ? (size_t)(newline - start) + 1 : strlen(start);
    ld->pos = start + len;
    ld->line++;
    if (ld->line == 1 && len >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0) {
        start += 3;
        len -= 3;
    }
    if (len + 1 > (size_t)size) {
        /* inih would read the rest as another line: drop it, and what it would continue. */
        problem(ld, ld->line,
                _("the line is longer than %d bytes: continue a long value on indented lines"),
                size - 3);
        ld->kind = LINE_BLANK;
        ld->last = NULL;
        buf[0] = '\0';
        return buf;
    }
    memcpy(buf, start, len);
    buf[len] = '\0';
    classify_line(ld, buf);
    return buf;
}

static struct entry *find_entry(const struct section *s, const char *key)
{
    for (size_t i = 0; s && i < s->n_entries; i++)
        if (strcmp(s->entries[i].key, key) == 0)
            return &s->entries[i];
    return NULL;
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    struct loader *ld = user;
    (void)section; /* known from the reader, unabridged */
    if (ld->kind == LINE_CONTINUATION) {
        if (ld->last) {
            char *joined =
                *ld->last->value ? xasprintf("%s %s", ld->last->value, value) : xstrdup(value);
            free(ld->last->value);
            ld->last->value = joined;
        }
        return 1;
    }
    ld->last = NULL;
    if (!ld->seen_section) {
        problem(ld, ld->line, _("key '%s' comes before any [section]"), key);
        return 1;
    }
    struct section *s = ld->current;
    if (!s)
        return 1;
    const struct entry *first = find_entry(s, key);
    if (first) {
        problem(ld, ld->line, _("key '%s' is given twice in [%s] (first on line %ld)"), key,
                s->label, first->line);
        return 1;
    }
    if (s->n_entries == s->cap_entries) {
        s->cap_entries = s->cap_entries ? 2 * s->cap_entries : 8;
        s->entries = xrealloc(s->entries, s->cap_entries * sizeof *s->entries);
    }
    s->entries[s->n_entries] =
        (struct entry){.key = xstrdup(key), .value = xstrdup(value), .line = ld->line};
    ld->last = &s->entries[s->n_entries++];
    return 1;
}

/* ---- Typed values. Each take_* marks the key used and returns its entry when the key is
 * present and its value good, NULL otherwise (having said why). ---- */

static void bad_value(struct loader *ld, const struct entry *e, const char *why,
                      const char *expected)
{
    if (why)
        problem(ld, e->line, _("bad value for %s: '%s' (%s; expected %s)"), e->key, e->value, why,
                expected);
    else
        problem(ld, e->line, _("bad value for %s: '%s' (expected %s)"), e->key, e->value, expected);
}

static struct entry *take(struct loader *ld, struct section *s, const char *key, bool required)
{
    struct entry *e = find_entry(s, key);
    if (e)
        e->used = true;
    else if (s && required)
        problem(ld, s->line, _("missing key '%s' in [%s]"), key, s->label);
    return e;
}

static const struct entry *take_text(struct loader *ld, struct section *s, const char *key,
                                     char **out)
{
    const struct entry *e = take(ld, s, key, true);
    if (!e)
        return NULL;
    char *nfc = utf8_nfc(e->value);
    if (!nfc || !*nfc) {
        problem(ld, e->line, nfc ? _("%s is empty") : _("%s is not valid UTF-8"), key);
        free(nfc);
        return NULL;
    }
    *out = nfc;
    return e;
}

static const struct entry *take_name(struct loader *ld, struct section *s, const char *key,
                                     char **out)
{
    const struct entry *e = take(ld, s, key, true);
    if (!e)
        return NULL;
    if (!name_is_valid(e->value)) {
        char *expected = xasprintf(_("up to %d letters, digits, '_' or '-'"), NAME_MAX_LEN);
        bad_value(ld, e, NULL, expected);
        free(expected);
        return NULL;
    }
    *out = xstrdup(e->value);
    return e;
}

static const struct entry *take_date(struct loader *ld, struct section *s, const char *key,
                                     sdate *out)
{
    const struct entry *e = take(ld, s, key, true);
    const char *why = NULL;
    if (e && date_parse(e->value, out, &why) != 0) {
        bad_value(ld, e, why, _("a date such as 2026-06-01"));
        return NULL;
    }
    return e;
}

static const struct entry *take_datetime(struct loader *ld, struct section *s, const char *key,
                                         kst_minutes *out)
{
    const struct entry *e = take(ld, s, key, true);
    const char *why = NULL;
    bool has_time = false;
    if (e && (datetime_parse(e->value, out, &has_time, &why) != 0 || !has_time)) {
        bad_value(ld, e, why, _("a date and time such as 2026-06-19 18:00"));
        return NULL;
    }
    return e;
}

static const struct entry *take_amount(struct loader *ld, struct section *s, const char *key,
                                       bool required, int64_t min, int64_t *out)
{
    const struct entry *e = take(ld, s, key, required);
    const char *why = NULL;
    int64_t won = 0;
    if (!e)
        return NULL;
    if (amount_parse(e->value, &won, &why) != 0) {
        bad_value(ld, e, why, _("an amount in won such as 80,000,000"));
        return NULL;
    }
    if (won < min) {
        char text[32];
        amount_format(min, text, sizeof text);
        char *expected = xasprintf(_("an amount of at least %s won"), text);
        bad_value(ld, e, NULL, expected);
        free(expected);
        return NULL;
    }
    *out = won;
    return e;
}

/* A whole number written in digits only, within [min, max]. */
static const struct entry *take_int(struct loader *ld, struct section *s, const char *key,
                                    bool required, int min, int max, int *out)
{
    const struct entry *e = take(ld, s, key, required);
    if (!e)
        return NULL;
    const char *p = e->value;
    long value = 0;
    bool ok = *p != '\0' && strlen(p) <= 9;
    for (; ok && *p; p++) {
        ok = *p >= '0' && *p <= '9';
        value = value * 10 + (*p - '0');
    }
    if (!ok || value < min || value > max) {
        char *expected = xasprintf(_("a whole number from %d to %d"), min, max);
        bad_value(ld, e, NULL, expected);
        free(expected);
        return NULL;
    }
    *out = (int)value;
    return e;
}

/* Points with at most one decimal, as tenths within [min, max]. */
static const struct entry *take_points(struct loader *ld, struct section *s, const char *key,
                                       bool required, int32_t min, int32_t max, int32_t *out)
{
    const struct entry *e = take(ld, s, key, required);
    int32_t tenths = 0;
    if (!e)
        return NULL;
    /* score_parse's reasons speak of scores; "expected" below says it for any points. */
    if (score_parse(e->value, INT32_MAX, 1, &tenths, NULL) != 0 || tenths < min || tenths > max) {
        char low[24], high[24];
        tenths_format(min, low, sizeof low);
        tenths_format(max, high, sizeof high);
        char *expected = xasprintf(_("points from %s to %s, at most one decimal"), low, high);
        bad_value(ld, e, NULL, expected);
        free(expected);
        return NULL;
    }
    *out = tenths;
    return e;
}

static const struct entry *take_yesno(struct loader *ld, struct section *s, const char *key,
                                      bool required, bool *out)
{
    const struct entry *e = take(ld, s, key, required);
    if (e && yesno_parse(e->value, out) != 0) {
        bad_value(ld, e, NULL, _("yes or no"));
        return NULL;
    }
    return e;
}

/* One of the words in choices (NULL-terminated); *out is its index. */
static const struct entry *take_choice(struct loader *ld, struct section *s, const char *key,
                                       bool required, const char *const *choices, int *out)
{
    const struct entry *e = take(ld, s, key, required);
    if (!e)
        return NULL;
    for (int i = 0; choices[i]; i++) {
        if (strcmp(e->value, choices[i]) == 0) {
            *out = i;
            return e;
        }
    }
    struct strlist words = {0};
    for (int i = 0; choices[i]; i++)
        strlist_add(&words, choices[i]);
    char *joined = strlist_join(&words, ", ");
    char *expected = xasprintf(_("one of: %s"), joined);
    bad_value(ld, e, NULL, expected);
    free(expected);
    free(joined);
    strlist_free(&words);
    return NULL;
}

/* A comma-separated list of non-empty, distinct texts. */
static const struct entry *take_list(struct loader *ld, struct section *s, const char *key,
                                     char ***out, size_t *n_out)
{
    const struct entry *e = take(ld, s, key, true);
    if (!e)
        return NULL;
    struct strlist list = {0};
    bool ok = true;
    for (const char *p = e->value; ok; p++) {
        size_t len = strcspn(p, ",");
        char *one = str_trim(xstrndup(p, len));
        char *nfc = utf8_nfc(one);
        ok = nfc && *nfc;
        for (size_t i = 0; ok && i < list.n; i++)
            ok = strcmp(list.v[i], nfc) != 0;
        if (ok)
            strlist_add(&list, nfc);
        else if (!nfc)
            problem(ld, e->line, _("%s is not valid UTF-8"), key);
        else
            bad_value(ld, e, NULL, _("a comma-separated list of distinct, non-empty names"));
        free(nfc);
        free(one);
        p += len;
        if (!*p)
            break;
    }
    if (!ok) {
        strlist_free(&list);
        return NULL;
    }
    *out = list.v;
    *n_out = list.n;
    return e;
}

/* Exactly one of two keys that say the same thing two ways (R12.2 terms). Returns 0 when
 * key_a is given, 1 for key_b, -1 when both or neither (reported). */
static int take_one_of(struct loader *ld, struct section *s, const char *key_a, const char *key_b)
{
    struct entry *a = find_entry(s, key_a), *b = find_entry(s, key_b);
    if (a && b) {
        a->used = b->used = true;
        problem(ld, a->line > b->line ? a->line : b->line, _("give %s or %s, not both"), key_a,
                key_b);
        return -1;
    }
    if (!a && !b) {
        if (s)
            problem(ld, s->line, _("missing key '%s' or '%s' in [%s]"), key_a, key_b, s->label);
        return -1;
    }
    return a ? 0 : 1;
}

/* ---- Sections ---- */

static struct section *single_section(struct loader *ld, enum section_kind kind)
{
    struct section *s = find_section(ld, kind, NULL, 0);
    if (!s && section_types[kind].required)
        problem(ld, 0, _("missing section [%s]"), section_types[kind].word);
    return s;
}

static void load_program(struct loader *ld, struct program *p)
{
    struct section *s = single_section(ld, SEC_PROGRAM);
    take_name(ld, s, "id", &p->id);
    take_text(ld, s, "title_ko", &p->title_ko);
    take_text(ld, s, "title_en", &p->title_en);
    take_text(ld, s, "agency", &p->agency);
    const struct entry *announced = take_date(ld, s, "announced", &p->announced);
    const struct entry *deadline = take_datetime(ld, s, "deadline", &p->deadline);
    const struct entry *issued = take_date(ld, s, "docs_issued_after", &p->docs_issued_after);
    take_list(ld, s, "regions", &p->regions, &p->n_regions);
    take_list(ld, s, "industries", &p->industries, &p->n_industries);

    char day[11], moment[17];
    if (announced && deadline && p->deadline < date_at(p->announced, 0, 0)) {
        datetime_format(p->deadline, moment);
        date_format(p->announced, day);
        problem(ld, deadline->line, _("the deadline %s is before the announcement %s"), moment,
                day);
    }
    if (issued && deadline && p->docs_issued_after > datetime_date(p->deadline)) {
        datetime_format(p->deadline, moment);
        date_format(p->docs_issued_after, day);
        problem(ld, issued->line, _("docs_issued_after %s is after the deadline %s"), day, moment);
    }
}

static void load_amounts(struct loader *ld, struct program *p)
{
    struct section *s = single_section(ld, SEC_AMOUNTS);
    take_amount(ld, s, "support_cap", true, 1, &p->support_cap);
    take_amount(ld, s, "copay_min_sme", true, 1, &p->copay_min_sme);
    take_amount(ld, s, "copay_min_midsize", true, 1, &p->copay_min_midsize);
    take_amount(ld, s, "advance_payment", true, 0, &p->advance_payment);
}

static void check_agreement_dates(struct loader *ld, const struct program *p,
                                  const struct entry *end, const struct entry *done_by)
{
    char day[11], other[17];
    if (end && p->project_end <= datetime_date(p->deadline)) {
        date_format(p->project_end, day);
        datetime_format(p->deadline, other);
        problem(ld, end->line, _("project_end %s is not after the deadline %s"), day, other);
    }
    if (end && done_by && p->dev_done_by > p->project_end) {
        date_format(p->dev_done_by, day);
        date_format(p->project_end, other);
        problem(ld, done_by->line, _("dev_done_by %s is after project_end %s"), day, other);
    }
}

/* R12.2: the project runs project_months from the agreement or ends on project_end;
 * development is done dev_done_months_before the end or by dev_done_by. */
static void load_agreement(struct loader *ld, struct program *p)
{
    struct section *s = single_section(ld, SEC_AGREEMENT);
    take_int(ld, s, "copay_due_days", true, 1, 3650, &p->copay_due_days);
    const struct entry *months = NULL, *end = NULL, *before = NULL, *done_by = NULL;
    int way = take_one_of(ld, s, "project_months", "project_end");
    if (way == 0)
        months = take_int(ld, s, "project_months", true, 1, 120, &p->project_months);
    else if (way == 1)
        end = take_date(ld, s, "project_end", &p->project_end);
    way = take_one_of(ld, s, "dev_done_months_before", "dev_done_by");
    if (way == 0)
        before =
            take_int(ld, s, "dev_done_months_before", true, 0, 120, &p->dev_done_months_before);
    else if (way == 1)
        done_by = take_date(ld, s, "dev_done_by", &p->dev_done_by);
    if (months && before && p->dev_done_months_before >= p->project_months)
        problem(ld, before->line,
                _("dev_done_months_before %d leaves no time in a project of %d months"),
                p->dev_done_months_before, p->project_months);
    check_agreement_dates(ld, p, end, done_by);
}

static void load_team_and_timer(struct loader *ld, struct program *p)
{
    struct section *s = single_section(ld, SEC_INSPECTION);
    take_int(ld, s, "evaluators", true, 1, 99, &p->inspection_evaluators);
    take_int(ld, s, "staff", true, 0, 99, &p->inspection_staff);
    s = single_section(ld, SEC_TIMER);
    take_int(ld, s, "presentation_minutes", true, 1, 600, &p->timer_presentation);
    take_int(ld, s, "questions_minutes", true, 0, 600, &p->timer_questions);
}

/* R2.2 always; the R4.2 figures only matter (and are required) when a disqualifier is
 * computed from them. */
static void load_eligibility(struct loader *ld, struct program *p)
{
    bool debt_rule = false;
    for (size_t i = 0; i < p->n_dqs; i++)
        debt_rule = debt_rule || p->dqs[i].kind == DQ_DEBT_LIQUIDITY;
    struct section *s = single_section(ld, SEC_ELIGIBILITY);
    take_int(ld, s, "startup_years", true, 0, 100, &p->startup_years);
    take_int(ld, s, "debt_rule_years", debt_rule, 0, 100, &p->debt_rule_years);
    take_int(ld, s, "debt_ratio_pct", debt_rule, 1, 1000000, &p->debt_ratio_pct);
    take_int(ld, s, "current_ratio_pct", debt_rule, 0, 1000000, &p->current_ratio_pct);
    take_int(ld, s, "financial_years", debt_rule, 1, 20, &p->financial_years);
}

static void set_policy_defaults(struct program *p)
{
    p->aggregate = AGGREGATE_MEAN;     /* R7.1 */
    p->decimals = 2;                   /* R7.2 */
    p->threshold_tenths = 700;         /* R7.3 */
    p->threshold_counts_bonus = false; /* R7.3 */
    p->judges = 5;                     /* R6.3 */
    p->quorum = 3;                     /* R6.4 */
    p->step_tenths = 1;                /* R6.2 */
    p->adjust_mean = ADJUST_MEAN_ALL;  /* R10.3 */
    p->amount_unit = 1000;             /* R10.3 */
    p->budget_fit = BUDGET_FIT_STOP;   /* R11.2 */
    p->bonus_cap_tenths = -1;          /* R8 */
    p->notify_opinions = true;         /* R12.4 */
}

static const char *const aggregate_names[] = {"mean", "trimmed", NULL};
static const char *const adjust_mean_names[] = {"all", "dissenters", NULL};
static const char *const budget_fit_names[] = {"stop", "skip", NULL};
static const char *const group_names[] = {"demand", "supplier", NULL};
static const char *const party_names[] = {"demand", "supply", "common", NULL};
static const char *const dq_kind_names[] = {"checklist", "capital_erosion", "debt_liquidity", NULL};

static void load_bonus_cap(struct loader *ld, struct section *s, struct program *p)
{
    struct entry *e = find_entry(s, "bonus_cap");
    if (e && strcmp(e->value, "none") == 0)
        e->used = true;
    else
        take_points(ld, s, "bonus_cap", false, 0, TOTAL_TENTHS, &p->bonus_cap_tenths);
}

/* Every policy of RULES.md; a key left out keeps its default. tie_break and step are checked
 * against the items later. */
static void load_policy(struct loader *ld, struct program *p)
{
    struct section *s = single_section(ld, SEC_POLICY);
    int choice;
    if (take_choice(ld, s, "aggregate", false, aggregate_names, &choice))
        p->aggregate = (enum aggregate)choice;
    take_int(ld, s, "decimals", false, 0, 4, &p->decimals);
    take_points(ld, s, "threshold", false, 0, TOTAL_TENTHS, &p->threshold_tenths);
    take_yesno(ld, s, "threshold_counts_bonus", false, &p->threshold_counts_bonus);
    const struct entry *judges = take_int(ld, s, "judges", false, 1, 99, &p->judges);
    const struct entry *quorum = take_int(ld, s, "quorum", false, 1, 99, &p->quorum);
    take_points(ld, s, "step", false, 1, TOTAL_TENTHS, &p->step_tenths);
    if (take_choice(ld, s, "adjust_mean", false, adjust_mean_names, &choice))
        p->adjust_mean = (enum adjust_mean)choice;
    take_amount(ld, s, "amount_unit", false, 1, &p->amount_unit);
    if (take_choice(ld, s, "budget_fit", false, budget_fit_names, &choice))
        p->budget_fit = (enum budget_fit)choice;
    load_bonus_cap(ld, s, p);
    take_yesno(ld, s, "notify_opinions", false, &p->notify_opinions);
    take(ld, s, "tie_break", false); /* resolved with the items */
    if ((judges || quorum) && p->quorum > p->judges)
        problem(ld, (quorum ? quorum : judges)->line,
                _("quorum %d is more than the %d judges of a panel"), p->quorum, p->judges);
}

static size_t count_sections(const struct loader *ld, enum section_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < ld->n_sections; i++)
        n += ld->sections[i]->kind == kind;
    return n;
}

/* Item ids are columns of the scores CSV (DESIGN.md), beside these. */
static bool item_id_is_reserved(const char *id)
{
    static const char *const columns[] = {"app", "judge", "amount", "opinion", NULL};
    for (int i = 0; columns[i]; i++)
        if (strcmp(id, columns[i]) == 0)
            return true;
    return false;
}

/* R6.1; returns whether the maximum is known. */
static bool load_item(struct loader *ld, struct section *s, struct rubric_item *it)
{
    int group;
    it->id = xstrdup(s->name);
    if (item_id_is_reserved(s->name))
        problem(ld, s->line, _("item '%s' would clash with a column of the scores file"), s->name);
    take_text(ld, s, "name_ko", &it->name_ko);
    take_text(ld, s, "name_en", &it->name_en);
    take_text(ld, s, "desc_ko", &it->desc_ko);
    take_text(ld, s, "desc_en", &it->desc_en);
    if (take_choice(ld, s, "group", true, group_names, &group))
        it->group = xstrdup(group_names[group]);
    return take_points(ld, s, "max", true, 1, TOTAL_TENTHS, &it->max_tenths) != NULL;
}

static void load_items(struct loader *ld, struct program *p)
{
    size_t n = count_sections(ld, SEC_ITEM);
    if (n == 0) {
        problem(ld, 0, _("no [item ...] sections: the rubric needs at least one item"));
        return;
    }
    p->items = xcalloc(n, sizeof *p->items);
    bool sum_known = true;
    const struct section *first = NULL;
    for (size_t i = 0; i < ld->n_sections; i++) {
        struct section *s = ld->sections[i];
        if (s->kind != SEC_ITEM)
            continue;
        if (p->n_items == PROGRAM_MAX_ITEMS) {
            problem(ld, s->line, _("more than %d items"), PROGRAM_MAX_ITEMS);
            break;
        }
        first = first ? first : s;
        sum_known = load_item(ld, s, &p->items[p->n_items++]) && sum_known;
    }
    int32_t total = program_total_tenths(p);
    if (sum_known && total != TOTAL_TENTHS) {
        char text[24];
        tenths_format(total, text, sizeof text);
        problem(ld, first->line, _("the item maxima add up to %s, not 100"), text);
    }
}

static void load_bonuses(struct loader *ld, struct program *p)
{
    p->bonuses = xcalloc(count_sections(ld, SEC_BONUS), sizeof *p->bonuses);
    for (size_t i = 0; i < ld->n_sections; i++) {
        struct section *s = ld->sections[i];
        if (s->kind != SEC_BONUS)
            continue;
        struct bonus_def *b = &p->bonuses[p->n_bonuses++];
        b->id = xstrdup(s->name);
        take_text(ld, s, "name_ko", &b->name_ko);
        take_text(ld, s, "name_en", &b->name_en);
        take_points(ld, s, "points", true, 1, TOTAL_TENTHS, &b->points_tenths);
    }
}

static void load_documents(struct loader *ld, struct program *p)
{
    p->docs = xcalloc(count_sections(ld, SEC_DOCUMENT), sizeof *p->docs);
    for (size_t i = 0; i < ld->n_sections; i++) {
        struct section *s = ld->sections[i];
        if (s->kind != SEC_DOCUMENT)
            continue;
        struct doc_def *doc = &p->docs[p->n_docs++];
        int party;
        doc->number = s->number;
        take_text(ld, s, "name_ko", &doc->name_ko);
        take_text(ld, s, "name_en", &doc->name_en);
        if (take_choice(ld, s, "party", true, party_names, &party))
            doc->party = (enum party)party;
        take_yesno(ld, s, "required", true, &doc->required);
        take_yesno(ld, s, "startup_exempt", true, &doc->startup_exempt);
    }
}

static void load_disqualifiers(struct loader *ld, struct program *p)
{
    p->dqs = xcalloc(count_sections(ld, SEC_DISQUALIFIER), sizeof *p->dqs);
    for (size_t i = 0; i < ld->n_sections; i++) {
        struct section *s = ld->sections[i];
        if (s->kind != SEC_DISQUALIFIER)
            continue;
        struct disqualifier_def *dq = &p->dqs[p->n_dqs++];
        int kind;
        dq->id = xstrdup(s->name);
        take_text(ld, s, "text_ko", &dq->text_ko);
        take_text(ld, s, "text_en", &dq->text_en);
        if (take_choice(ld, s, "kind", true, dq_kind_names, &kind))
            dq->kind = (enum dq_kind)kind;
    }
}

/* One name of tie_break (R9.2): an item, not named before, within the limit. */
static void add_tie_break(struct loader *ld, struct program *p, const char *name, long line,
                          bool given)
{
    size_t index;
    if (!program_item(p, name, &index)) {
        if (given)
            problem(ld, line, _("tie_break names '%s', which is not an item"), name);
        else
            problem(ld, line,
                    _("the default tie_break (data, kpi, strategy) names '%s', which "
                      "is not an item: set tie_break in [policy]"),
                    name);
        return;
    }
    for (size_t i = 0; i < p->n_tie_break; i++) {
        if (p->tie_break[i] == index) {
            problem(ld, line, _("tie_break names '%s' twice"), name);
            return;
        }
    }
    if (p->n_tie_break == PROGRAM_MAX_TIE_BREAK)
        problem(ld, line, _("tie_break names more than %d items"), PROGRAM_MAX_TIE_BREAK);
    else
        p->tie_break[p->n_tie_break++] = index;
}

/* R9.2: tie_break names items, in order; the default is data, kpi, strategy. An empty
 * tie_break leaves every tie to the committee (R9.3). */
static void resolve_tie_break(struct loader *ld, struct program *p)
{
    const struct section *policy = find_section(ld, SEC_POLICY, NULL, 0);
    const struct entry *e = find_entry(policy, "tie_break");
    const char *list = e ? e->value : "data, kpi, strategy";
    long line = e ? e->line : (policy ? policy->line : 0);
    if (p->n_items == 0 || list[strspn(list, " \t")] == '\0')
        return;
    for (const char *s = list;; s++) {
        size_t len = strcspn(s, ",");
        char *name = str_trim(xstrndup(s, len));
        if (*name)
            add_tie_break(ld, p, name, line, e != NULL);
        else
            problem(ld, line, _("tie_break has an empty entry"));
        free(name);
        s += len;
        if (!*s)
            break;
    }
}

/* R6.2: every item maximum must be reachable in steps. */
static void check_step(struct loader *ld, const struct program *p)
{
    const struct entry *e = find_entry(find_section(ld, SEC_POLICY, NULL, 0), "step");
    for (size_t i = 0; e && i < p->n_items; i++) {
        if (p->items[i].max_tenths % p->step_tenths == 0)
            continue;
        char max[24];
        tenths_format(p->items[i].max_tenths, max, sizeof max);
        problem(ld, e->line, _("step %s does not divide the maximum %s of item '%s'"), e->value,
                max, p->items[i].id);
    }
}

/* R8: bonus points and the cap are multiples of the decimals step, so the final score
 * (official base + bonus) is exact at the published precision. Points are tenths, so with
 * decimals >= 1 every value is fine and with decimals = 0 the step is one whole point. */
static void check_bonus_step(struct loader *ld, const struct program *p)
{
    int32_t step = p->decimals == 0 ? 10 : 1;
    char step_text[24];
    tenths_format(step, step_text, sizeof step_text);
    size_t b = 0;
    for (size_t i = 0; i < ld->n_sections && b < p->n_bonuses; i++) {
        const struct section *s = ld->sections[i];
        if (s->kind != SEC_BONUS)
            continue;
        const struct entry *e = find_entry(s, "points");
        if (e && p->bonuses[b].points_tenths % step != 0)
            problem(ld, e->line,
                    _("%s = %s in [%s] is finer than the step %s of decimals = %d (R8)"), e->key,
                    e->value, s->label, step_text, p->decimals);
        b++;
    }
    const struct section *policy = find_section(ld, SEC_POLICY, NULL, 0);
    const struct entry *cap = find_entry(policy, "bonus_cap");
    if (cap && p->bonus_cap_tenths > 0 && p->bonus_cap_tenths % step != 0)
        problem(ld, cap->line, _("%s = %s in [%s] is finer than the step %s of decimals = %d (R8)"),
                cap->key, cap->value, policy->label, step_text, p->decimals);
}

static void report_unknown_keys(struct loader *ld)
{
    for (size_t i = 0; i < ld->n_sections; i++) {
        const struct section *s = ld->sections[i];
        for (size_t k = 0; k < s->n_entries; k++)
            if (!s->entries[k].used)
                problem(ld, s->entries[k].line, _("unknown key '%s' in [%s]"), s->entries[k].key,
                        s->label);
    }
}

static void build_program(struct loader *ld, struct program *p)
{
    set_policy_defaults(p);
    load_program(ld, p);
    load_amounts(ld, p);
    load_agreement(ld, p);
    load_team_and_timer(ld, p);
    load_items(ld, p);
    load_bonuses(ld, p);
    load_documents(ld, p);
    load_disqualifiers(ld, p);
    load_eligibility(ld, p);
    load_policy(ld, p);
    resolve_tie_break(ld, p);
    check_step(ld, p);
    check_bonus_step(ld, p);
    report_unknown_keys(ld);
}

/* Hand the problems over in line order (those of no line first), keeping the order of
 * problems on one line. */
static void hand_over(struct loader *ld, struct diags *d)
{
    size_t n = ld->found.n;
    size_t *order = xcalloc(n, sizeof *order);
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && ld->found_lines[order[j - 1]] > ld->found_lines[i]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    for (size_t i = 0; d && i < n; i++)
        diags_add(d, NULL, 0, 0, "%s", ld->found.v[order[i]].text);
    free(order);
}

static void loader_free(struct loader *ld)
{
    for (size_t i = 0; i < ld->n_sections; i++) {
        struct section *s = ld->sections[i];
        for (size_t k = 0; k < s->n_entries; k++) {
            free(s->entries[k].key);
            free(s->entries[k].value);
        }
        free(s->entries);
        free(s->label);
        free(s->name);
        free(s);
    }
    free(ld->sections);
    diags_free(&ld->found);
    free(ld->found_lines);
}

int program_parse(const char *text, const char *filename, struct program *out, struct diags *d)
{
    struct loader ld = {.filename = filename ? filename : "program", .pos = text ? text : ""};
    memset(out, 0, sizeof *out);
    if (ini_parse_stream(read_line, &ld, on_key, &ld) < 0)
        problem(&ld, 0, _("out of memory while reading the definition"));
    build_program(&ld, out);
    size_t problems = ld.found.n;
    hand_over(&ld, d);
    loader_free(&ld);
    if (problems > 0) {
        program_free(out);
        return -1;
    }
    return 0;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void program_free(struct program *p)
{
    if (!p)
        return;
    free(p->id);
    free(p->title_ko);
    free(p->title_en);
    free(p->agency);
    free_strings(p->regions, p->n_regions);
    free_strings(p->industries, p->n_industries);
    for (size_t i = 0; i < p->n_items; i++) {
        struct rubric_item *it = &p->items[i];
        free(it->id);
        free(it->name_ko);
        free(it->name_en);
        free(it->group);
        free(it->desc_ko);
        free(it->desc_en);
    }
    free(p->items);
    for (size_t i = 0; i < p->n_bonuses; i++) {
        free(p->bonuses[i].id);
        free(p->bonuses[i].name_ko);
        free(p->bonuses[i].name_en);
    }
    free(p->bonuses);
    for (size_t i = 0; i < p->n_docs; i++) {
        free(p->docs[i].name_ko);
        free(p->docs[i].name_en);
    }
    free(p->docs);
    for (size_t i = 0; i < p->n_dqs; i++) {
        free(p->dqs[i].id);
        free(p->dqs[i].text_ko);
        free(p->dqs[i].text_en);
    }
    free(p->dqs);
    memset(p, 0, sizeof *p);
}

/* ---- Lookups ---- */

const struct rubric_item *program_item(const struct program *p, const char *id, size_t *index)
{
    for (size_t i = 0; i < p->n_items; i++) {
        if (strcmp(p->items[i].id, id) == 0) {
            if (index)
                *index = i;
            return &p->items[i];
        }
    }
    return NULL;
}

const struct bonus_def *program_bonus(const struct program *p, const char *id)
{
    for (size_t i = 0; i < p->n_bonuses; i++)
        if (strcmp(p->bonuses[i].id, id) == 0)
            return &p->bonuses[i];
    return NULL;
}

const struct doc_def *program_doc(const struct program *p, int number)
{
    for (size_t i = 0; i < p->n_docs; i++)
        if (p->docs[i].number == number)
            return &p->docs[i];
    return NULL;
}

const struct disqualifier_def *program_dq(const struct program *p, const char *id)
{
    for (size_t i = 0; i < p->n_dqs; i++)
        if (strcmp(p->dqs[i].id, id) == 0)
            return &p->dqs[i];
    return NULL;
}

int32_t program_total_tenths(const struct program *p)
{
    int32_t total = 0;
    for (size_t i = 0; i < p->n_items; i++)
        total += p->items[i].max_tenths;
    return total;
}

/* R5.2 */
int64_t program_copay_min(const struct program *p, bool midsize)
{
    return midsize ? p->copay_min_midsize : p->copay_min_sme;
}

const char *program_builtin_text(const char *id)
{
    for (const struct builtin_program *b = builtin_programs; b->id; b++)
        if (strcmp(b->id, id) == 0)
            return b->text;
    return NULL;
}
