/* Scoring, ranking, amounts and the budget walk (R6–R11; see rank.h). Exact integers only:
 * tenths of points, official figures scaled by 10^decimals, means compared as fractions. */
#include "core/rank.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/parse.h"

/* Products of sums and counts are compared without any chance of overflow. */
__extension__ typedef __int128 wide_int;

#define NUMBER_TEXT 48

static int64_t power_of_ten(int decimals)
{
    int64_t p = 1;
    for (int i = 0; i < decimals; i++)
        p *= 10;
    return p;
}

int base_score_fraction(const struct program *p, const struct sheet *s, size_t n, int64_t *num,
                        int64_t *den)
{
    if (n == 0)
        return -1;
    int64_t sum = 0, highest = INT64_MIN, lowest = INT64_MAX;
    for (size_t i = 0; i < n; i++) {
        int64_t t = sheet_total(p, &s[i]);
        sum += t;
        if (t > highest)
            highest = t;
        if (t < lowest)
            lowest = t;
    }
    /* R7.1: trimmed drops one highest and one lowest total, only with 5 or more sheets. */
    if (p->aggregate == AGGREGATE_TRIMMED && n >= 5) {
        sum -= highest + lowest;
        n -= 2;
    }
    *num = sum;
    *den = (int64_t)n;
    return 0;
}

/* R7.2: floor((num/den tenths) * 10^d + 1/2), i.e. half-up, in exact integers. */
int64_t official_round(int64_t num, int64_t den, int decimals)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    if (den == 0)
        return 0;
    wide_int top = (wide_int)num * power_of_ten(decimals) * 2 + (wide_int)10 * den;
    wide_int bottom = (wide_int)20 * den;
    wide_int q = top / bottom;
    if (top % bottom != 0 && top < 0)
        q--;
    return (int64_t)q;
}

/* ---- R10: the support amount by majority consent. ---- */

static char *amount_mean_reason(const struct program *p, size_t n, int agreeing, int64_t mean,
                                bool rounded)
{
    char value[NUMBER_TEXT], unit[NUMBER_TEXT];
    amount_format(mean, value, sizeof value);
    int needed = (int)(n / 2) + 1;
    char *why;
    if (p->adjust_mean == ADJUST_MEAN_DISSENTERS) {
        int count = (int)n - agreeing;
        why = xasprintf(ngettext("%d of %zu agreed (< %d): mean of %d adjusted amount = %s",
                                 "%d of %zu agreed (< %d): mean of %d adjusted amounts = %s",
                                 (unsigned long)count),
                        agreeing, n, needed, count, value);
    } else {
        why = xasprintf(ngettext("%d of %zu agreed (< %d): mean of %zu amount = %s",
                                 "%d of %zu agreed (< %d): mean of %zu amounts = %s",
                                 (unsigned long)n),
                        agreeing, n, needed, n, value);
    }
    if (rounded) {
        amount_format(p->amount_unit, unit, sizeof unit);
        char *longer = xasprintf(_("%s (rounded down to %s)"), why, unit);
        free(why);
        why = longer;
    }
    return why;
}

/* R10.3: the mean of the judges' amounts, floored to amount_unit. */
static int64_t amount_mean(const struct program *p, int64_t requested, size_t n, int agreeing,
                           int64_t adjusted_sum, bool *rounded)
{
    int64_t unit = p->amount_unit > 0 ? p->amount_unit : 1;
    wide_int total = adjusted_sum;
    wide_int count = (wide_int)n - agreeing;
    if (p->adjust_mean == ADJUST_MEAN_ALL) {
        total += (wide_int)agreeing * requested;
        count = (wide_int)n;
    }
    wide_int step = count * unit;
    *rounded = total % step != 0;
    return (int64_t)(total / step * unit);
}

int64_t amount_by_majority(const struct program *p, int64_t requested, const struct sheet *s,
                           size_t n, int *agree, char **reason)
{
    int agreeing = 0;
    int64_t adjusted_sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].agree)
            agreeing++;
        else
            adjusted_sum += s[i].amount;
    }
    *agree = agreeing;
    if (n == 0) {
        *reason = xstrdup(_("no submitted sheets: no amount"));
        return 0;
    }
    int64_t amount;
    if (2 * (size_t)agreeing > n) {
        char value[NUMBER_TEXT];
        amount_format(requested, value, sizeof value);
        amount = requested;
        *reason =
            xasprintf(_("%d of %zu agreed (> half): requested amount %s"), agreeing, n, value);
    } else {
        bool rounded;
        amount = amount_mean(p, requested, n, agreeing, adjusted_sum, &rounded);
        *reason = amount_mean_reason(p, n, agreeing, amount, rounded);
    }
    /* R5.1: never above the support cap. */
    if (p->support_cap > 0 && amount > p->support_cap) {
        char cap[NUMBER_TEXT];
        amount_format(p->support_cap, cap, sizeof cap);
        char *longer = xasprintf(_("%s, capped at %s (R5.1)"), *reason, cap);
        free(*reason);
        *reason = longer;
        amount = p->support_cap;
    }
    return amount;
}

/* ---- R6.4, R7, R8: the band of one application. ---- */

static char *incomplete_reason(const struct program *p, const struct rank_app *a)
{
    struct strlist parts = {0};
    strlist_addf(&parts, _("%zu of %d sheets submitted"), a->n_sheets, a->panel_judges);
    if (a->conflicts > 0)
        strlist_addf(&parts, ngettext("%d conflict", "%d conflicts", (unsigned long)a->conflicts),
                     a->conflicts);
    int missing = a->panel_judges - (int)a->n_sheets - a->conflicts;
    if (missing > 0)
        strlist_addf(
            &parts,
            ngettext("%d judge yet to score", "%d judges yet to score", (unsigned long)missing),
            missing);
    if (a->n_sheets == 0 || (int)a->n_sheets < p->quorum)
        strlist_addf(&parts, _("below the quorum of %d"), p->quorum);
    char *joined = strlist_join(&parts, ", ");
    char *why = xasprintf(_("incomplete: %s"), joined);
    free(joined);
    strlist_free(&parts);
    return why;
}

static bool result_exists(const struct program *p, const struct rank_app *a)
{
    return a->n_sheets > 0 && (int)a->n_sheets + a->conflicts >= a->panel_judges &&
           (int)a->n_sheets >= p->quorum;
}

/* The threshold as people read it, with the program's decimals when it has any. */
static void threshold_format(const struct program *p, char *out, size_t n)
{
    if (p->decimals >= 1)
        scaled_format((int64_t)p->threshold_tenths * power_of_ten(p->decimals - 1), p->decimals,
                      out, n);
    else
        tenths_format(p->threshold_tenths, out, n);
}

/* R7.3: target or excluded, by the official figure; sets base, bonus, final. */
static void band_by_score(const struct program *p, const struct rank_app *a, struct rank_row *row)
{
    int64_t num, den;
    if (base_score_fraction(p, a->sheets, a->n_sheets, &num, &den) != 0) {
        row->band = BAND_INCOMPLETE;
        row->reason = incomplete_reason(p, a);
        return;
    }
    row->has_result = true;
    row->base = official_round(num, den, p->decimals);
    int32_t bonus = a->bonus_tenths;
    if (p->bonus_cap_tenths >= 0 && bonus > p->bonus_cap_tenths)
        bonus = p->bonus_cap_tenths; /* R8 bonus_cap */
    row->bonus_tenths = bonus;
    row->bonus = official_round(bonus, 1, p->decimals);
    row->final = row->base + row->bonus;
    int64_t compared = p->threshold_counts_bonus ? row->final : row->base;
    /* compared / 10^d >= threshold / 10, cross-multiplied so no digit is lost */
    if ((wide_int)compared * 10 >= (wide_int)p->threshold_tenths * power_of_ten(p->decimals)) {
        row->band = BAND_TARGET;
        return;
    }
    row->band = BAND_EXCLUDED;
    char value[NUMBER_TEXT], threshold[NUMBER_TEXT];
    scaled_format(compared, p->decimals, value, sizeof value);
    threshold_format(p, threshold, sizeof threshold);
    if (p->threshold_counts_bonus)
        row->reason = xasprintf(_("excluded: final score %s < %s"), value, threshold);
    else
        row->reason = xasprintf(_("excluded: official base %s < %s"), value, threshold);
}

/* Recorded review reasons are one per line; a reason cell reads them joined by "; ". */
static char *reasons_on_one_line(const char *reasons)
{
    struct strlist parts = {0};
    char *copy = xstrdup(reasons), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        strlist_add(&parts, line);
    char *joined = strlist_join(&parts, "; ");
    strlist_free(&parts);
    free(copy);
    return joined;
}

static void classify_app(const struct program *p, const struct rank_app *a, struct rank_row *row)
{
    row->n_sheets = (int)a->n_sheets;
    if (a->review == REVIEW_NONE) {
        row->band = BAND_UNREVIEWED;
        row->reason = xstrdup(_("unreviewed: document review not decided yet"));
    } else if (a->review == REVIEW_FAILED) {
        row->band = BAND_INELIGIBLE;
        if (a->review_reasons && *a->review_reasons) {
            char *line = reasons_on_one_line(a->review_reasons);
            row->reason = xasprintf(_("ineligible: %s"), line);
            free(line);
        } else
            row->reason = xstrdup(_("ineligible: did not pass document review and eligibility"));
    } else if (!result_exists(p, a)) {
        row->band = BAND_INCOMPLETE;
        row->reason = incomplete_reason(p, a);
    } else {
        band_by_score(p, a, row);
    }
    static const enum outcome outcome_of[] = {
        [BAND_UNREVIEWED] = OUTCOME_UNREVIEWED, [BAND_INELIGIBLE] = OUTCOME_INELIGIBLE,
        [BAND_INCOMPLETE] = OUTCOME_INCOMPLETE, [BAND_TARGET] = OUTCOME_WAITLISTED,
        [BAND_EXCLUDED] = OUTCOME_EXCLUDED,
    };
    row->outcome = outcome_of[row->band];
    if (row->band == BAND_TARGET) {
        row->has_amount = true;
        row->amount = amount_by_majority(p, a->requested, a->sheets, a->n_sheets, &row->agree,
                                         &row->amount_reason);
    }
}

/* ---- R9: ranking and ties. ---- */

struct rank_key {
    size_t app;
    const char *id;
    int64_t final;
    int64_t n_sheets;
    int64_t item_sums[PROGRAM_MAX_TIE_BREAK]; /* Σ tenths of each tie-break item */
    size_t n_items;
};

/* R9.1, R9.2: final, then each tie-break item's mean, higher first; 0 = an unresolved tie. */
static int key_compare_scores(const struct rank_key *a, const struct rank_key *b)
{
    if (a->final != b->final)
        return a->final > b->final ? -1 : 1;
    for (size_t k = 0; k < a->n_items; k++) {
        wide_int left = (wide_int)a->item_sums[k] * b->n_sheets;
        wide_int right = (wide_int)b->item_sums[k] * a->n_sheets;
        if (left != right)
            return left > right ? -1 : 1;
    }
    return 0;
}

/* Members of an unresolved tie are shown by app id: an order for display, not a decision. */
static int key_compare(const void *x, const void *y)
{
    const struct rank_key *a = x, *b = y;
    int c = key_compare_scores(a, b);
    return c ? c : strcmp(a->id, b->id);
}

static void key_fill(const struct program *p, const struct rank_app *a, size_t app, int64_t final,
                     struct rank_key *key)
{
    memset(key, 0, sizeof *key);
    key->app = app;
    key->id = a->id;
    key->final = final;
    key->n_sheets = (int64_t)a->n_sheets;
    for (size_t k = 0; k < p->n_tie_break && k < PROGRAM_MAX_TIE_BREAK; k++) {
        size_t item = p->tie_break[k];
        if (item >= p->n_items || item >= PROGRAM_MAX_ITEMS)
            continue;
        for (size_t i = 0; i < a->n_sheets; i++)
            key->item_sums[key->n_items] += a->sheets[i].item_tenths[item];
        key->n_items++;
    }
}

/* R9.3: a recorded order applies when its members are exactly the group's. */
static bool tie_order_matches(const struct tie_order *t, const struct rank_key *group, size_t m)
{
    if (t->n != m)
        return false;
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; k < i; k++)
            if (strcmp(t->apps[k], t->apps[i]) == 0)
                return false;
        bool found = false;
        for (size_t g = 0; g < m && !found; g++)
            found = strcmp(group[g].id, t->apps[i]) == 0;
        if (!found)
            return false;
    }
    return true;
}

static void tie_order_apply(const struct tie_order *t, struct rank_key *group, size_t m)
{
    struct rank_key *copy = xmalloc(m * sizeof *copy);
    memcpy(copy, group, m * sizeof *copy);
    for (size_t i = 0; i < m; i++)
        for (size_t g = 0; g < m; g++)
            if (strcmp(copy[g].id, t->apps[i]) == 0)
                group[i] = copy[g];
    free(copy);
}

/* The latest recorded order for this group, or NULL; marks the orders it finds as used. */
static const struct tie_order *tie_order_find(const struct rank_input *in, struct rank_key *group,
                                              size_t m, bool *used)
{
    const struct tie_order *found = NULL;
    for (size_t t = 0; t < in->n_ties; t++) {
        if (tie_order_matches(&in->ties[t], group, m)) {
            used[t] = true;
            found = &in->ties[t];
        }
    }
    return found;
}

/* "2026-004, 2026-007": the group's other members. */
static char *tie_others(const struct rank_key *group, size_t m, size_t self)
{
    struct strlist ids = {0};
    for (size_t g = 0; g < m; g++)
        if (g != self)
            strlist_add(&ids, group[g].id);
    char *joined = strlist_join(&ids, ", ");
    strlist_free(&ids);
    return joined;
}

/* "final, data, kpi, strategy": what the members are equal on (R9.2); in Korean the items'
 * Korean names from the program ("최종, 데이터 확보, ..."), not their ids. */
static char *tie_basis(const struct program *p)
{
    struct strlist names = {0};
    bool korean = i18n_korean();
    strlist_add(&names, _("final"));
    for (size_t k = 0; k < p->n_tie_break && k < PROGRAM_MAX_TIE_BREAK; k++) {
        if (p->tie_break[k] >= p->n_items)
            continue;
        const struct rubric_item *item = &p->items[p->tie_break[k]];
        strlist_add(&names, korean && item->name_ko && *item->name_ko ? item->name_ko : item->id);
    }
    char *joined = strlist_join(&names, ", ");
    strlist_free(&names);
    return joined;
}

struct ranking {
    const struct rank_input *in;
    struct rank_row *rows;  /* indexed by app */
    char **tie_notes;       /* indexed by app: what its tie is, NULL when it has none */
    struct rank_key *order; /* ranked targets in rank order */
    size_t n_ranked;
    int groups;
};

static void ranking_group(struct ranking *r, size_t start, size_t m, bool *used, const char *basis)
{
    struct rank_key *group = r->order + start;
    const struct tie_order *decided = tie_order_find(r->in, group, m, used);
    if (decided)
        tie_order_apply(decided, group, m);
    else
        r->groups++;
    for (size_t g = 0; g < m; g++) {
        struct rank_row *row = &r->rows[group[g].app];
        char *others = tie_others(group, m, g);
        row->tie_resolved = decided != NULL;
        if (decided) {
            row->rank = (int)(start + g + 1);
            r->tie_notes[group[g].app] =
                xasprintf(_("tie with %s ordered by the committee (R9.3)"), others);
        } else {
            row->rank = (int)start + 1; /* competition ranking: 1, 2, 2, 4 */
            row->tie_group = r->groups;
            r->tie_notes[group[g].app] = xasprintf(_("tie with %s (equal on %s)"), others, basis);
        }
        free(others);
    }
}

static void ranking_note_stale(const struct rank_input *in, const bool *used, struct strlist *notes)
{
    for (size_t t = 0; t < in->n_ties; t++) {
        if (used[t])
            continue;
        struct strlist ids = {0};
        for (size_t i = 0; i < in->ties[t].n; i++)
            strlist_add(&ids, in->ties[t].apps[i]);
        char *joined = strlist_join(&ids, ", ");
        strlist_addf(notes,
                     _("stale tie decision (%s): they are not tied as one group now, "
                       "so it is not applied"),
                     joined);
        free(joined);
        strlist_free(&ids);
    }
}

/* Every application's band, result and amount (R6–R10), and the ranking key of each target:
 * the only step that reads sheets, one application at a time. */
static void ranking_classify(struct ranking *r)
{
    const struct rank_input *in = r->in;
    size_t cap = 0, buf_cap = 0;
    struct sheet *buf = NULL;
    for (size_t i = 0; i < in->n_apps; i++) {
        struct rank_app a = in->apps[i];
        if (in->sheets_of && a.n_sheets) {
            if (a.n_sheets > buf_cap) {
                buf_cap = a.n_sheets;
                buf = xrealloc(buf, buf_cap * sizeof *buf);
            }
            in->sheets_of(in->sheets_ctx, i, buf);
            a.sheets = buf;
        }
        r->rows[i].app = i;
        classify_app(in->program, &a, &r->rows[i]);
        if (r->rows[i].band != BAND_TARGET)
            continue;
        if (r->n_ranked == cap) {
            cap = cap ? cap * 2 : 64;
            r->order = xrealloc(r->order, cap * sizeof *r->order);
        }
        key_fill(in->program, &a, i, r->rows[i].final, &r->order[r->n_ranked++]);
    }
    free(buf);
}

/* Sorts the targets, numbers the ranks and applies the committee's recorded orders. */
static void ranking_build(struct ranking *r, struct strlist *notes)
{
    const struct rank_input *in = r->in;
    if (r->n_ranked > 1)
        qsort(r->order, r->n_ranked, sizeof *r->order, key_compare);
    bool *used = xcalloc(in->n_ties, sizeof *used);
    char *basis = tie_basis(in->program);
    for (size_t i = 0; i < r->n_ranked;) {
        size_t m = 1;
        while (i + m < r->n_ranked && key_compare_scores(&r->order[i], &r->order[i + m]) == 0)
            m++;
        if (m > 1)
            ranking_group(r, i, m, used, basis);
        else
            r->rows[r->order[i].app].rank = (int)i + 1;
        i += m;
    }
    ranking_note_stale(in, used, notes);
    free(basis);
    free(used);
}

/* ---- R11: the budget walk. ---- */

/* The walk over the ranked rows, in order: rank_compute's, which writes each row's outcome and
 * reason, and rank_budget_counts', which only counts them (counts set: nothing is written). */
struct walk {
    const struct rank_input *in; /* the applications' ids for the reasons; NULL when counting */
    const struct program *program;
    int64_t budget;
    struct rank_row *rows;
    struct rank_counts *counts;
    int64_t used;
    bool blocked;
    char *blocked_reason; /* once blocked, why every later target is waitlisted (R11.2, R11.4) */
};

/* The outcome the walk gives rows[app]: counted, or written (true: the caller writes its
 * reason). */
static bool walk_decide(struct walk *w, size_t app, enum outcome o)
{
    if (w->counts) {
        w->counts->selected += o == OUTCOME_SELECTED;
        w->counts->waitlisted += o == OUTCOME_WAITLISTED;
        w->counts->ties += o == OUTCOME_TIE;
        return false;
    }
    w->rows[app].outcome = o;
    return true;
}

/* The walk stops: every later target is waitlisted, for the reason fmt gives. */
static void walk_block(struct walk *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void walk_block(struct walk *w, const char *fmt, ...)
{
    w->blocked = true;
    if (w->counts)
        return;
    va_list ap;
    va_start(ap, fmt);
    w->blocked_reason = xvasprintf(fmt, ap);
    va_end(ap);
}

static void walk_select(struct walk *w, size_t app)
{
    char amount[NUMBER_TEXT], used[NUMBER_TEXT], budget[NUMBER_TEXT];
    struct rank_row *row = &w->rows[app];
    w->used += row->amount;
    if (!walk_decide(w, app, OUTCOME_SELECTED))
        return;
    amount_format(row->amount, amount, sizeof amount);
    amount_format(w->used, used, sizeof used);
    amount_format(w->budget, budget, sizeof budget);
    row->reason = xasprintf(_("selected: %s within budget (used %s of %s)"), amount, used, budget);
}

static void walk_does_not_fit(struct walk *w, size_t app)
{
    char amount[NUMBER_TEXT], left[NUMBER_TEXT];
    struct rank_row *row = &w->rows[app];
    if (!walk_decide(w, app, OUTCOME_WAITLISTED))
        return;
    amount_format(row->amount, amount, sizeof amount);
    amount_format(w->budget - w->used, left, sizeof left);
    row->reason = xasprintf(_("waitlisted: %s does not fit (%s left)"), amount, left);
}

static void walk_single(struct walk *w, size_t app)
{
    struct rank_row *row = &w->rows[app];
    if (w->blocked) {
        if (walk_decide(w, app, OUTCOME_WAITLISTED))
            row->reason = xstrdup(w->blocked_reason);
    } else if (row->amount <= w->budget - w->used) {
        walk_select(w, app);
    } else {
        walk_does_not_fit(w, app);
        if (w->program->budget_fit == BUDGET_FIT_STOP)
            walk_block(w, _("waitlisted: the walk stopped at %s, which does not fit (R11.2)"),
                       w->in ? w->in->apps[app].id : "");
    }
}

/* R11.4: an unresolved tie is decided by the walk only when every order of its members
 * selects the same ones; otherwise its members are "tie" and the walk waits for the committee. */
static void walk_tie(struct walk *w, const size_t *members, size_t m)
{
    if (w->blocked) {
        for (size_t g = 0; g < m; g++)
            walk_single(w, members[g]);
        return;
    }
    int64_t left = w->budget - w->used, fitting_sum = 0;
    size_t fitting = 0;
    for (size_t g = 0; g < m; g++) {
        if (w->rows[members[g]].amount <= left) {
            fitting_sum += w->rows[members[g]].amount;
            fitting++;
        }
    }
    bool stop = w->program->budget_fit == BUDGET_FIT_STOP;
    if (fitting_sum <= left && (!stop || fitting == 0 || fitting == m)) {
        /* Those that fit on their own fit together, in any order; the others never do. */
        for (size_t g = 0; g < m; g++)
            if (w->rows[members[g]].amount > left)
                walk_does_not_fit(w, members[g]);
        for (size_t g = 0; g < m; g++)
            if (w->rows[members[g]].amount <= left)
                walk_select(w, members[g]);
        if (stop && fitting < m)
            walk_block(w,
                       _("waitlisted: the walk stopped at the tie at rank %d, which does not fit "
                         "(R11.2)"),
                       w->rows[members[0]].rank);
        return;
    }
    for (size_t g = 0; g < m; g++)
        walk_decide(w, members[g], OUTCOME_TIE); /* its reason is the tie note */
    walk_block(w,
               _("waitlisted: the tie at rank %d must be ordered by the committee first (R11.4)"),
               w->rows[members[0]].rank);
}

static void walk_no_budget(struct ranking *r)
{
    for (size_t i = 0; i < r->n_ranked; i++) {
        struct rank_row *row = &r->rows[r->order[i].app];
        if (r->in->apps[r->order[i].app].forfeited)
            continue;
        row->outcome = OUTCOME_WAITLISTED;
        row->reason = xstrdup(_("waitlisted: no budget set"));
    }
}

/* The walk over n ranked rows, the k-th rows[order ? order[k] : k]; forfeited[k] (by the same
 * index) is passed over (R11.5): the walk is made without it. */
static void walk_ranked(struct walk *w, const size_t *order, size_t n, const bool *forfeited)
{
    size_t *members = xcalloc(n ? n : 1, sizeof *members);
    for (size_t i = 0; i < n;) {
        int group = w->rows[order ? order[i] : i].tie_group;
        size_t end = i + 1, m = 0;
        while (group && end < n && w->rows[order ? order[end] : end].tie_group == group)
            end++;
        for (size_t k = i; k < end; k++)
            if (!forfeited[k])
                members[m++] = order ? order[k] : k;
        if (m == 1)
            walk_single(w, members[0]);
        else if (m > 1)
            walk_tie(w, members, m);
        i = end;
    }
    free(members);
    free(w->blocked_reason);
}

static void walk_budget(struct ranking *r, int64_t *used)
{
    const struct rank_input *in = r->in;
    struct walk w = {.in = in, .program = in->program, .budget = in->budget, .rows = r->rows};
    size_t *order = xcalloc(r->n_ranked ? r->n_ranked : 1, sizeof *order);
    bool *forfeited = xcalloc(r->n_ranked ? r->n_ranked : 1, sizeof *forfeited);
    for (size_t i = 0; i < r->n_ranked; i++) {
        order[i] = r->order[i].app;
        forfeited[i] = in->apps[order[i]].forfeited;
    }
    walk_ranked(&w, order, r->n_ranked, forfeited);
    free(forfeited);
    free(order);
    *used = w.used;
}

void rank_budget_counts(const struct program *p, const struct rank_result *r, int64_t budget,
                        struct rank_counts *out)
{
    *out = (struct rank_counts){0};
    size_t n = 0;
    while (n < r->n && r->rows[n].band == BAND_TARGET)
        n++;
    bool *forfeited = xcalloc(n ? n : 1, sizeof *forfeited);
    for (size_t i = 0; i < n; i++)
        forfeited[i] = r->rows[i].outcome == OUTCOME_FORFEITED;
    /* Counting writes nothing: the rows are only read. */
    struct walk w = {
        .program = p, .budget = budget, .rows = (struct rank_row *)r->rows, .counts = out};
    walk_ranked(&w, NULL, n, forfeited);
    free(forfeited);
    out->used = w.used;
}

/* Forfeits, and each tie's note, added to the outcome's reason. */
static void ranking_finish_reasons(struct ranking *r)
{
    for (size_t i = 0; i < r->n_ranked; i++) {
        size_t app = r->order[i].app;
        struct rank_row *row = &r->rows[app];
        const char *note = r->tie_notes[app];
        char *why = NULL;
        if (r->in->apps[app].forfeited) {
            row->outcome = OUTCOME_FORFEITED;
            free(row->reason);
            const char *given = r->in->apps[app].forfeit_reason;
            row->reason =
                given && *given
                    ? xasprintf(_("forfeited (%s): the selection is made again without it (R11.5)"),
                                given)
                    : xstrdup(_("forfeited: the selection is made again without it (R11.5)"));
        }
        if (!note)
            continue;
        if (row->outcome == OUTCOME_TIE)
            why = xasprintf(_("%s: the committee must order it"), note);
        else if (row->tie_resolved || row->outcome == OUTCOME_FORFEITED)
            why = xasprintf("%s; %s", row->reason, note);
        else
            why = xasprintf(_("%s; %s: every order gives this result (R11.4)"), row->reason, note);
        free(row->reason);
        row->reason = why;
    }
}

/* An application not ranked, for sorting the others by id. */
struct app_id {
    const char *id;
    size_t app;
};

static int app_id_compare(const void *x, const void *y)
{
    return strcmp(((const struct app_id *)x)->id, ((const struct app_id *)y)->id);
}

/* rows[i] = rows[from[i]] for every i, in place (cycle by cycle), so the result needs no
 * second array of rows: at 10,000 applications that is a megabyte (make bench). */
static void rows_permute(struct rank_row *rows, const size_t *from, size_t n)
{
    bool *done = xcalloc(n ? n : 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        struct rank_row first = rows[i];
        size_t j = i;
        while (from[j] != i) {
            rows[j] = rows[from[j]];
            done[j] = true;
            j = from[j];
        }
        rows[j] = first;
        done[j] = true;
    }
    free(done);
}

/* Rows: ranked ones by rank (as ordered), then the others by app id. The ranking's rows become
 * the result's. */
static void result_collect(struct ranking *r, struct rank_result *out)
{
    const struct rank_input *in = r->in;
    size_t *from = xcalloc(in->n_apps ? in->n_apps : 1, sizeof *from), n = 0;
    for (size_t i = 0; i < r->n_ranked; i++)
        from[n++] = r->order[i].app;
    free(r->order);
    r->order = NULL;
    struct app_id *others = xcalloc(in->n_apps - n ? in->n_apps - n : 1, sizeof *others);
    size_t n_others = 0;
    for (size_t i = 0; i < in->n_apps; i++)
        if (r->rows[i].band != BAND_TARGET)
            others[n_others++] = (struct app_id){in->apps[i].id, i};
    qsort(others, n_others, sizeof *others, app_id_compare);
    for (size_t i = 0; i < n_others; i++)
        from[n++] = others[i].app;
    free(others);
    rows_permute(r->rows, from, n);
    free(from);
    out->rows = r->rows;
    out->n = n;
    r->rows = NULL;
}

void rank_compute(const struct rank_input *in, struct rank_result *out)
{
    memset(out, 0, sizeof *out);
    struct ranking r = {.in = in};
    r.rows = xcalloc(in->n_apps ? in->n_apps : 1, sizeof *r.rows);
    r.tie_notes = xcalloc(in->n_apps ? in->n_apps : 1, sizeof *r.tie_notes);
    ranking_classify(&r);
    ranking_build(&r, &out->notes);
    if (in->has_budget) {
        walk_budget(&r, &out->used);
    } else {
        walk_no_budget(&r);
        strlist_add(&out->notes,
                    _("no budget set: nothing is selected until the secretariat enters one "
                      "(R11.1)"));
    }
    ranking_finish_reasons(&r);
    result_collect(&r, out);
    for (size_t i = 0; i < in->n_apps; i++)
        free(r.tie_notes[i]);
    free(r.tie_notes);
    free(r.order);
    free(r.rows);
}

void rank_result_free(struct rank_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].reason);
        free(r->rows[i].amount_reason);
    }
    free(r->rows);
    strlist_free(&r->notes);
    memset(r, 0, sizeof *r);
}

/* ---- Names: the CSV words of DESIGN.md, and the same for people. ---- */

static const char *const band_names[] = {
    [BAND_UNREVIEWED] = N_("unreviewed"), [BAND_INELIGIBLE] = N_("ineligible"),
    [BAND_INCOMPLETE] = N_("incomplete"), [BAND_TARGET] = N_("target"),
    [BAND_EXCLUDED] = N_("excluded"),
};

static const char *const outcome_names[] = {
    [OUTCOME_SELECTED] = N_("selected"),     [OUTCOME_WAITLISTED] = N_("waitlisted"),
    [OUTCOME_EXCLUDED] = N_("excluded"),     [OUTCOME_INELIGIBLE] = N_("ineligible"),
    [OUTCOME_INCOMPLETE] = N_("incomplete"), [OUTCOME_UNREVIEWED] = N_("unreviewed"),
    [OUTCOME_FORFEITED] = N_("forfeited"),   [OUTCOME_TIE] = N_("tie"),
};

const char *band_name(enum band b)
{
    if ((size_t)b >= sizeof band_names / sizeof band_names[0])
        return "?";
    return band_names[b];
}

const char *outcome_name(enum outcome o)
{
    if ((size_t)o >= sizeof outcome_names / sizeof outcome_names[0])
        return "?";
    return outcome_names[o];
}

const char *band_label(enum band b)
{
    return _(band_name(b));
}

const char *outcome_label(enum outcome o)
{
    return _(outcome_name(o));
}

const char *outcome_label_of(const char *name)
{
    for (size_t i = 0; i < sizeof outcome_names / sizeof outcome_names[0]; i++)
        if (outcome_names[i] && strcmp(outcome_names[i], name) == 0)
            return outcome_label((enum outcome)i);
    return name;
}

void rank_label(const struct rank_row *r, char out[16])
{
    out[0] = '\0';
    if (r->rank > 0)
        snprintf(out, 16, "%s%d", r->tie_group && !r->tie_resolved ? "=" : "", r->rank);
}
