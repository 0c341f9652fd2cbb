/* Document review and eligibility (RULES.md R1–R5): each rule a pure function, and the decision
 * that collects every failing rule as one reason for people. */
#include "core/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"

/* Products of two won amounts exceed int64; compare them exactly in 128 bits (R4.2). */
__extension__ typedef __int128 wide_int;

#define NO_VALUE "\xe2\x80\x94" /* "—", shown for an empty place */

/* ---- R1 .. R3.1: single facts ---- */

bool received_in_window(const struct program *p, kst_minutes received, bool has_time)
{
    if (received < date_at(p->announced, 0, 0))
        return false;
    if (!has_time) /* a date alone is accepted on the deadline day */
        return datetime_date(received) <= datetime_date(p->deadline);
    return received <= p->deadline;
}

bool doc_is_valid_on(const struct program *p, sdate issued)
{
    return issued >= p->docs_issued_after && issued <= datetime_date(p->deadline);
}

/* Founded exactly startup_years before the announcement is not "less than": not exempt. */
bool startup_exempt(const struct program *p, sdate founded)
{
    return date_add_years(founded, p->startup_years) > p->announced;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Whole words only: "청주시" is in "충청북도 청주시 흥덕구" but not in "청주시청". */
static bool contains_as_words(const char *place, const char *region)
{
    size_t len = strlen(region);
    if (len == 0)
        return false;
    for (const char *s = strstr(place, region); s; s = strstr(s + 1, region)) {
        bool starts = s == place || is_space(s[-1]);
        bool ends = s[len] == '\0' || is_space(s[len]);
        if (starts && ends)
            return true;
    }
    return false;
}

bool region_matches(const struct program *p, const char *place)
{
    if (!place)
        return false;
    for (size_t i = 0; i < p->n_regions; i++)
        if (contains_as_words(place, p->regions[i]))
            return true;
    return false;
}

/* ---- formatting helpers ---- */

/* Whole won with thousands separators; equity may be negative. */
static void won_format(int64_t won, char *out, size_t n)
{
    if (won >= 0) {
        amount_format(won, out, n);
        return;
    }
    if (n < 2) {
        if (n)
            out[0] = '\0';
        return;
    }
    out[0] = '-';
    amount_format(won == INT64_MIN ? INT64_MAX : -won, out + 1, n - 1);
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : NO_VALUE;
}

static char *names_join(char **names, size_t n)
{
    struct strlist l = {.v = names, .n = n, .cap = n};
    return strlist_join(&l, ", ");
}

/* num / den as a percentage in tenths, rounded half up (den > 0): 612.5 % -> 6125. */
static wide_int percent_tenths(int64_t num, int64_t den)
{
    wide_int twice = (wide_int)num * 2000 + den;
    wide_int divisor = (wide_int)den * 2;
    wide_int q = twice / divisor;
    if (twice % divisor != 0 && twice < 0)
        q -= 1; /* floor, not truncation toward zero */
    return q;
}

static void tenths_text(wide_int tenths, char *out, size_t n)
{
    wide_int magnitude = tenths < 0 ? -tenths : tenths;
    wide_int whole = magnitude / 10;
    char digits[48];
    size_t i = sizeof digits;
    digits[--i] = '\0';
    do {
        digits[--i] = (char)('0' + (int)(whole % 10));
        whole /= 10;
    } while (whole > 0 && i > 0);
    snprintf(out, n, "%s%s.%d", tenths < 0 ? "-" : "", digits + i, (int)(magnitude % 10));
}

/* ---- R4.1, R4.2: disqualifiers computed from figures ---- */

static const struct finance_year *finance_for(const struct finance_year *f, size_t n, int year)
{
    for (size_t i = 0; i < n; i++)
        if (f[i].year == year)
            return &f[i];
    return NULL;
}

static const struct finance_year *finance_latest(const struct finance_year *f, size_t n)
{
    const struct finance_year *latest = NULL;
    for (size_t i = 0; i < n; i++)
        if (!latest || f[i].year > latest->year)
            latest = &f[i];
    return latest;
}

int dq_capital_erosion(const struct program *p, const struct finance_year *f, size_t n,
                       struct strlist *notes)
{
    (void)p;
    const struct finance_year *latest = finance_latest(f, n);
    if (!latest)
        return -1;
    char equity[32];
    won_format(latest->equity, equity, sizeof equity);
    strlist_addf(notes, _("R4.1: %d total equity %s won"), latest->year, equity);
    return latest->equity <= 0;
}

/* Equity <= 0 counts as a debt ratio of at least any threshold (R4.2). */
static bool debt_ratio_at_least(const struct finance_year *y, int pct)
{
    if (y->equity <= 0)
        return true;
    return (wide_int)y->liabilities * 100 >= (wide_int)pct * y->equity;
}

/* Without current liabilities the current ratio is unbounded, never low. */
static bool current_ratio_at_most(const struct finance_year *y, int pct)
{
    if (y->current_liabilities <= 0)
        return false;
    return (wide_int)y->current_assets * 100 <= (wide_int)pct * y->current_liabilities;
}

static void note_ratios(const struct program *p, const struct finance_year *y,
                        struct strlist *notes)
{
    char debt[160], current[160];
    if (y->equity <= 0) {
        char equity[32];
        won_format(y->equity, equity, sizeof equity);
        snprintf(debt, sizeof debt, _("%s (equity %s won <= 0, counts as >= %d %%)"), NO_VALUE,
                 equity, p->debt_ratio_pct);
    } else {
        char pct[48];
        tenths_text(percent_tenths(y->liabilities, y->equity), pct, sizeof pct);
        snprintf(debt, sizeof debt, "%s %%", pct);
    }
    if (y->current_liabilities <= 0) {
        snprintf(current, sizeof current, "%s", _("undefined (no current liabilities)"));
    } else {
        char pct[48];
        tenths_text(percent_tenths(y->current_assets, y->current_liabilities), pct, sizeof pct);
        snprintf(current, sizeof current, "%s %%", pct);
    }
    strlist_addf(notes, _("R4.2: %d debt ratio %s, current ratio %s"), y->year, debt, current);
}

/* Are the last financial_years years up to the latest one all present? */
static bool finance_complete(const struct program *p, const struct finance_year *f, size_t n,
                             int latest, struct strlist *notes)
{
    for (int k = 0; k < p->financial_years; k++) {
        if (!finance_for(f, n, latest - k)) {
            strlist_addf(notes, _("R4.2: figures for %d are missing; the checklist answer decides"),
                         latest - k);
            return false;
        }
    }
    return true;
}

/* R4.2 with the reason it holds in *why (caller frees); 1 holds, 0 not, -1 not computable. */
static int debt_liquidity_eval(const struct program *p, const struct application *a,
                               const struct finance_year *f, size_t n, struct strlist *notes,
                               char **why)
{
    *why = NULL;
    if (date_add_years(a->founded, p->debt_rule_years) > p->announced) {
        char founded[11], announced[11];
        date_format(a->founded, founded);
        date_format(p->announced, announced);
        strlist_addf(notes, _("R4.2 does not apply: founded %s, less than %d years before %s"),
                     founded, p->debt_rule_years, announced);
        return 0;
    }
    const struct finance_year *latest = finance_latest(f, n);
    if (!latest || p->financial_years < 1 || !finance_complete(p, f, n, latest->year, notes))
        return -1;
    int first = latest->year - p->financial_years + 1;
    bool all_debt = true, all_low_liquidity = true;
    for (int year = first; year <= latest->year; year++) {
        const struct finance_year *y = finance_for(f, n, year);
        note_ratios(p, y, notes);
        all_debt = all_debt && debt_ratio_at_least(y, p->debt_ratio_pct);
        all_low_liquidity = all_low_liquidity && current_ratio_at_most(y, p->current_ratio_pct);
    }
    if (all_debt)
        *why = xasprintf(_("debt ratio >= %d %% in each year from %d to %d"), p->debt_ratio_pct,
                         first, latest->year);
    else if (all_low_liquidity)
        *why = xasprintf(_("current ratio <= %d %% in each year from %d to %d"),
                         p->current_ratio_pct, first, latest->year);
    return all_debt || all_low_liquidity;
}

int dq_debt_liquidity(const struct program *p, const struct application *a,
                      const struct finance_year *f, size_t n, struct strlist *notes)
{
    char *why;
    int holds = debt_liquidity_eval(p, a, f, n, notes, &why);
    free(why);
    return holds;
}

/* ---- R4: the decision per disqualifier ---- */

static const struct checklist_answer *answer_for(const struct review_input *in, const char *id)
{
    const struct checklist_answer *found = NULL;
    for (size_t i = 0; i < in->n_answers; i++)
        if (in->answers[i].item && strcmp(in->answers[i].item, id) == 0)
            found = &in->answers[i]; /* the last answer recorded wins */
    return found;
}

static const char *dq_text(const struct disqualifier_def *dq)
{
    if (dq->text_ko && *dq->text_ko)
        return dq->text_ko;
    return dq->text_en ? dq->text_en : "";
}

static void decide_by_answer(const char *rule, const struct disqualifier_def *dq,
                             const struct checklist_answer *ans, struct review_result *out)
{
    if (!ans || ans->answer == ANSWER_NONE) {
        strlist_add(&out->unanswered, dq->id);
        strlist_addf(&out->notes,
                     _("%s: disqualifier %s (%s) was not answered; it counts as "
                       "not holding"),
                     rule, dq->id, dq_text(dq));
    } else if (ans->answer == ANSWER_YES && ans->note && *ans->note) {
        strlist_addf(&out->reasons, _("%s: disqualifier %s (%s) holds; reviewer's note: %s"), rule,
                     dq->id, dq_text(dq), ans->note);
    } else if (ans->answer == ANSWER_YES) {
        strlist_addf(&out->reasons, _("%s: disqualifier %s (%s) holds"), rule, dq->id, dq_text(dq));
    }
}

static int capital_erosion_eval(const struct program *p, const struct review_input *in,
                                struct strlist *notes, char **why)
{
    *why = NULL;
    int holds = dq_capital_erosion(p, in->finance, in->n_finance, notes);
    if (holds == 1) {
        const struct finance_year *latest = finance_latest(in->finance, in->n_finance);
        char equity[32];
        won_format(latest->equity, equity, sizeof equity);
        *why = xasprintf(_("total equity at the end of %d is %s won"), latest->year, equity);
    }
    return holds;
}

static void review_disqualifier(const struct program *p, const struct review_input *in,
                                const struct disqualifier_def *dq, struct review_result *out)
{
    const char *rule = "R4";
    int computed = -1;
    char *why = NULL;
    if (dq->kind == DQ_CAPITAL_EROSION) {
        rule = "R4.1";
        computed = capital_erosion_eval(p, in, &out->notes, &why);
    } else if (dq->kind == DQ_DEBT_LIQUIDITY) {
        rule = "R4.2";
        computed = debt_liquidity_eval(p, in->app, in->finance, in->n_finance, &out->notes, &why);
    }
    const struct checklist_answer *ans = answer_for(in, dq->id);
    if (computed < 0) {
        decide_by_answer(rule, dq, ans, out);
        return;
    }
    if (computed)
        strlist_addf(&out->reasons, _("%s: disqualifier %s (%s) holds: %s"), rule, dq->id,
                     dq_text(dq), why ? why : "");
    if (ans && ans->answer != ANSWER_NONE && (ans->answer == ANSWER_YES) != (computed == 1))
        strlist_addf(&out->notes,
                     _("%s: the checklist answer for %s is overridden by the "
                       "figures"),
                     rule, dq->id);
    free(why);
}

/* ---- R2: documents ---- */

/* The submission that counts for a document: a valid one if any, else the latest issued. */
static const struct submitted_doc *
submission_for(const struct program *p, const struct review_input *in, int number, bool *valid)
{
    const struct submitted_doc *best = NULL;
    *valid = false;
    for (size_t i = 0; i < in->n_docs; i++) {
        const struct submitted_doc *s = &in->docs[i];
        if (s->number != number)
            continue;
        if (doc_is_valid_on(p, s->issued)) {
            *valid = true;
            return s;
        }
        if (!best || s->issued > best->issued)
            best = s;
    }
    return best;
}

/* R2.1: why an issue date is outside the window; as a failure, or as a note when it does not
 * fail the review (optional document, or one a start-up may omit). */
static void add_issue_problem(const struct program *p, const struct doc_def *d, sdate issued,
                              struct strlist *to, bool failure)
{
    char when[11], bound[11];
    date_format(issued, when);
    bool early = issued < p->docs_issued_after;
    date_format(early ? p->docs_issued_after : datetime_date(p->deadline), bound);
    if (early && failure)
        strlist_addf(to, _("R2.1: document %d (%s) was issued %s, before %s"), d->number,
                     d->name_ko, when, bound);
    else if (early)
        strlist_addf(to, _("R2.1: document %d (%s) was issued %s, before %s; it does not count"),
                     d->number, d->name_ko, when, bound);
    else if (failure)
        strlist_addf(to, _("R2.1: document %d (%s) was issued %s, after the deadline %s"),
                     d->number, d->name_ko, when, bound);
    else
        strlist_addf(to,
                     _("R2.1: document %d (%s) was issued %s, after the deadline %s; it does "
                       "not count"),
                     d->number, d->name_ko, when, bound);
}

void doc_issue_check(const struct program *p, const struct doc_def *d, sdate issued,
                     struct strlist *why)
{
    if (!doc_is_valid_on(p, issued))
        add_issue_problem(p, d, issued, why, true);
}

static void add_missing(const struct program *p, const struct application *a,
                        const struct doc_def *d, struct review_result *out)
{
    if (!d->startup_exempt) {
        strlist_addf(&out->reasons, _("R2.3: required document %d (%s) was not submitted"),
                     d->number, d->name_ko);
        return;
    }
    char founded[11], announced[11];
    date_format(a->founded, founded);
    date_format(p->announced, announced);
    strlist_addf(&out->reasons,
                 _("R2.3: required document %d (%s) was not submitted; R2.2 does not exempt a "
                   "company founded %s, %d or more years before %s"),
                 d->number, d->name_ko, founded, p->startup_years, announced);
}

static void note_exempt(const struct program *p, const struct application *a,
                        const struct doc_def *d, struct strlist *notes)
{
    char founded[11], announced[11];
    date_format(a->founded, founded);
    date_format(p->announced, announced);
    strlist_addf(notes,
                 _("R2.2: document %d (%s) may be omitted: founded %s, less than %d years "
                   "before %s"),
                 d->number, d->name_ko, founded, p->startup_years, announced);
}

static void review_documents(const struct program *p, const struct review_input *in,
                             struct review_result *out)
{
    bool exempt = startup_exempt(p, in->app->founded);
    for (size_t i = 0; i < p->n_docs; i++) {
        const struct doc_def *d = &p->docs[i];
        bool valid;
        const struct submitted_doc *s = submission_for(p, in, d->number, &valid);
        if (valid)
            continue;
        bool excused = !d->required || (d->startup_exempt && exempt);
        if (s)
            add_issue_problem(p, d, s->issued, excused ? &out->notes : &out->reasons, !excused);
        else if (!excused)
            add_missing(p, in->app, d, out);
        if (d->required && excused)
            note_exempt(p, in->app, d, &out->notes);
    }
    for (size_t i = 0; i < in->n_docs; i++)
        if (!program_doc(p, in->docs[i].number))
            strlist_addf(&out->notes, _("R2: document %d is not in the call's list; ignored"),
                         in->docs[i].number);
}

/* ---- R3: eligibility; R5: amounts ---- */

static bool name_listed(char **names, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static void review_eligibility(const struct program *p, const struct application *a,
                               struct review_result *out)
{
    if (!region_matches(p, a->region) && !region_matches(p, a->factory_region)) {
        char *regions = names_join(p->regions, p->n_regions);
        strlist_addf(&out->reasons,
                     _("R3.1: neither the head office (%s) nor the factory (%s) is in %s"),
                     or_dash(a->region), or_dash(a->factory_region), regions);
        free(regions);
    }
    if (!name_listed(p->industries, p->n_industries, a->industry)) {
        char *industries = names_join(p->industries, p->n_industries);
        strlist_addf(&out->reasons, _("R3.2: industry %s is not one of %s"), or_dash(a->industry),
                     industries);
        free(industries);
    }
    if (a->size != SIZE_SME && a->size != SIZE_MIDSIZE)
        strlist_add(&out->reasons, _("R3.3: a large company is not eligible; only SMEs and "
                                     "mid-size companies are"));
    if (!a->supplier_pools)
        strlist_addf(&out->reasons,
                     _("R3.4: the supplier (%s) is not registered in both supplier pools by "
                       "the deadline"),
                     or_dash(a->supplier));
}

static void review_amounts(const struct program *p, const struct application *a,
                           struct review_result *out)
{
    char requested[32], cap[32], copay[32], minimum[32];
    won_format(a->requested, requested, sizeof requested);
    won_format(p->support_cap, cap, sizeof cap);
    if (a->requested <= 0)
        strlist_addf(&out->reasons, _("R5.1: requested %s won is not a positive amount"),
                     requested);
    else if (a->requested > p->support_cap)
        strlist_addf(&out->reasons, _("R5.1: requested %s won is above the cap of %s"), requested,
                     cap);
    /* A large company fails R3.3; the call sets no co-payment for it. */
    if (a->size != SIZE_SME && a->size != SIZE_MIDSIZE)
        return;
    bool midsize = a->size == SIZE_MIDSIZE;
    int64_t min = program_copay_min(p, midsize);
    if (a->copay >= min)
        return;
    won_format(a->copay, copay, sizeof copay);
    won_format(min, minimum, sizeof minimum);
    if (midsize)
        strlist_addf(&out->reasons,
                     _("R5.2: co-payment %s won is below the minimum %s for a mid-size company"),
                     copay, minimum);
    else
        strlist_addf(&out->reasons, _("R5.2: co-payment %s won is below the minimum %s for an SME"),
                     copay, minimum);
}

/* out is overwritten, not appended to: free a previous result before reusing it. */
void review_application(const struct program *p, const struct review_input *in,
                        struct review_result *out)
{
    memset(out, 0, sizeof *out);
    review_documents(p, in, out);
    review_eligibility(p, in->app, out);
    for (size_t i = 0; i < p->n_dqs; i++)
        review_disqualifier(p, in, &p->dqs[i], out);
    review_amounts(p, in->app, out);
    out->passed = out->reasons.n == 0;
}

void review_result_free(struct review_result *r)
{
    strlist_free(&r->reasons);
    strlist_free(&r->notes);
    strlist_free(&r->unanswered);
    r->passed = false;
}

/* ---- company size ---- */

const char *size_name(enum company_size s)
{
    switch (s) {
    case SIZE_SME:
        return "sme";
    case SIZE_MIDSIZE:
        return "midsize";
    case SIZE_LARGE:
        return "large";
    }
    return "?";
}

int size_parse(const char *s, enum company_size *out)
{
    static const struct {
        const char *word;
        enum company_size size;
    } words[] = {
        {"sme", SIZE_SME},           {"중소기업", SIZE_SME},    {"중소 기업", SIZE_SME},
        {"중소", SIZE_SME},          {"midsize", SIZE_MIDSIZE}, {"중견기업", SIZE_MIDSIZE},
        {"중견 기업", SIZE_MIDSIZE}, {"중견", SIZE_MIDSIZE},    {"large", SIZE_LARGE},
        {"대기업", SIZE_LARGE},      {"대 기업", SIZE_LARGE},
    };
    for (size_t i = 0; s && i < sizeof words / sizeof words[0]; i++) {
        if (strcasecmp(s, words[i].word) == 0) {
            *out = words[i].size;
            return 0;
        }
    }
    return -1;
}

void application_free(struct application *a)
{
    char **texts[] = {&a->id,           &a->company,         &a->biz_no,
                      &a->region,       &a->factory_region,  &a->industry,
                      &a->supplier,     &a->supplier_region, &a->title,
                      &a->contact_name, &a->contact_email};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        free(*texts[i]);
        *texts[i] = NULL;
    }
}

const char *size_label(enum company_size s)
{
    switch (s) {
    case SIZE_SME:
        return _("SME");
    case SIZE_MIDSIZE:
        return _("mid-size");
    case SIZE_LARGE:
        return _("large");
    }
    return "?";
}
