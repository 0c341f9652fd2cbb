/* Agreement dates (R12.3) and the notification of each applicant (R12.4). */
#include "core/notify.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"
#include "core/call.h"
#include "core/csv.h"
#include "core/diag.h"
#include "core/i18n.h"

/* ---- R12.2, R12.3 ---- */

void agreement_dates(const struct program *p, sdate agreed, struct agreement_dates *out)
{
    out->agreed = agreed;
    out->copay_due = agreed + p->copay_due_days;
    out->advance = p->advance_payment;
    out->project_end =
        p->project_months > 0 ? date_add_months(agreed, p->project_months) : p->project_end;
    if (p->dev_done_by)
        out->dev_done_by = p->dev_done_by;
    else
        out->dev_done_by = date_add_months(out->project_end, -p->dev_done_months_before);
}

const char *plan_due_refusal(sdate due, sdate today, char *buf, size_t n)
{
    if (due > today)
        return NULL;
    char day[11], now[11];
    date_format(due, day);
    date_format(today, now);
    snprintf(buf, n,
             _("due date %s is not after today (%s): a plan revision is due on a later day"), day,
             now);
    return buf;
}

const char *agreement_refusal(const struct call *c, const struct rank_result *res,
                              const struct app_record *r, sdate date, sdate first_final,
                              sdate today, char *buf, size_t n)
{
    char day[11], other[11];
    if (r->agreed) {
        date_format(r->agreed, day);
        snprintf(buf, n, _("it has an agreement already (%s)"), day);
        return buf;
    }
    enum outcome o = OUTCOME_UNREVIEWED;
    for (size_t i = 0; i < res->n; i++)
        if (&c->apps[res->rows[i].app] == r)
            o = res->rows[i].outcome;
    if (o != OUTCOME_SELECTED) {
        snprintf(buf, n, _("it is %s, not selected: only a selected application has an agreement"),
                 outcome_label(o));
        return buf;
    }
    if (!first_final) {
        snprintf(buf, n, "%s", _("an agreement is recorded after the final result is signed"));
        return buf;
    }
    date_format(date, day);
    if (date < first_final) {
        date_format(first_final, other);
        snprintf(buf, n, _("agreement date %s is before the first final result (%s)"), day, other);
        return buf;
    }
    if (date > today) {
        date_format(today, other);
        snprintf(buf, n, _("agreement date %s is in the future (today is %s)"), day, other);
        return buf;
    }
    return NULL;
}

/* ---- the call's sections ---- */

/* The call's section a rule of RULES.md comes from (both calls number them alike). */
static const char *section_of(int major)
{
    switch (major) {
    case 1:
        return _("2. Application (application period)");
    case 2:
        return _("2. Application (required documents)");
    case 3:
        return _("3. Eligibility");
    case 4:
        return _("3. Eligibility (grounds for exclusion)");
    case 5:
        return _("1. Overview (support scale and co-payment)");
    case 12:
        return _("5. Evaluation (agreement and advance payment)");
    default:
        return _("5. Evaluation criteria");
    }
}

/* A rule id at s ("R4", "R4.2"): its length, and its numbers; 0 when there is none. */
static size_t rule_id_at(const char *s, int *major, int *minor)
{
    if (s[0] != 'R' || !isdigit((unsigned char)s[1]))
        return 0;
    size_t n = 1;
    int a = 0, b = 0;
    while (isdigit((unsigned char)s[n]))
        a = a * 10 + (s[n++] - '0');
    if (s[n] == '.' && isdigit((unsigned char)s[n + 1])) {
        n++;
        while (isdigit((unsigned char)s[n]))
            b = b * 10 + (s[n++] - '0');
    }
    if (major)
        *major = a;
    if (minor)
        *minor = b;
    return n;
}

/* The text with every rule id taken out (with the punctuation that joined it). */
static char *strip_rule_ids(const char *s)
{
    struct strbuf b = {0};
    for (size_t i = 0; s[i];) {
        bool word_start = i == 0 || !isalnum((unsigned char)s[i - 1]);
        size_t n = word_start ? rule_id_at(s + i, NULL, NULL) : 0;
        if (n == 0) {
            strbuf_add(&b, s + i, 1);
            i++;
            continue;
        }
        i += n;
        while (s[i] == ':' || s[i] == ' ')
            i++;
        if (b.len > 1 && b.s[b.len - 1] == '(' && s[i] == ')') { /* "(R6.4)" */
            b.len--;
            i++;
            while (b.len > 0 && b.s[b.len - 1] == ' ')
                b.len--;
        }
    }
    strbuf_add(&b, "", 0);
    return b.s ? b.s : xstrdup("");
}

char *notify_reason_words(const char *reason)
{
    while (*reason == ' ')
        reason++;
    int major = 0;
    size_t n = rule_id_at(reason, &major, NULL);
    const char *rest = reason + n;
    while (n && (*rest == ':' || *rest == ' '))
        rest++;
    char *text = strip_rule_ids(rest);
    char *out = n ? xasprintf("「%s」: %s", section_of(major), text) : xstrdup(text);
    free(text);
    return out;
}

/* ---- opinions in a keyed order ---- */

static uint64_t keyed_hash(const char *key, const char *text)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (const char *s = key; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    h = (h ^ 0xff) * UINT64_C(1099511628211);
    for (const char *s = text; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
    return h;
}

struct keyed {
    uint64_t h;
    const char *text;
};

static int keyed_cmp(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return strcmp(x->text, y->text);
}

size_t notify_opinions(const struct call *c, const struct app_record *r, const char **out,
                       size_t max)
{
    struct keyed *k = xcalloc(r->n_sheets ? r->n_sheets : 1, sizeof *k);
    size_t n = 0;
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!sheet_is_counted(c, r, &s->s) || !s->s.opinion || !s->s.opinion[0])
            continue;
        k[n++] = (struct keyed){keyed_hash(r->a.id, s->s.opinion), s->s.opinion};
    }
    qsort(k, n, sizeof *k, keyed_cmp);
    size_t m = n < max ? n : max;
    for (size_t i = 0; i < m; i++)
        out[i] = k[i].text;
    free(k);
    return m;
}

void notify_input_of(const struct call *c, const struct rank_row *row, const bool *promoted,
                     struct notify_input *in)
{
    const struct app_record *r = &c->apps[row->app];
    const char **ops = xcalloc(r->n_sheets ? r->n_sheets : 1, sizeof *ops);
    *in = (struct notify_input){
        .program = &c->program,
        .app = &r->a,
        .row = row,
        .review_reasons = row->outcome == OUTCOME_INELIGIBLE ? call_review_reasons_now(c, r) : NULL,
        .opinions = ops,
        .n_opinions = notify_opinions(c, r, ops, r->n_sheets),
        .promoted = promoted[row->app],
        .has_agreement = r->agreed != 0,
        .agreed = r->agreed,
    };
}

void notify_input_free(struct notify_input *in)
{
    free((char *)in->review_reasons);
    free((void *)in->opinions);
    memset(in, 0, sizeof *in);
}

bool *notify_promoted_flags(const struct call *c, const struct rank_result *now)
{
    bool *flags = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *flags);
    struct call tmp = *c;
    tmp.apps = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *tmp.apps);
    bool any = false;
    for (size_t i = 0; i < c->n_apps; i++) {
        tmp.apps[i] = c->apps[i];
        any |= tmp.apps[i].forfeited;
        tmp.apps[i].forfeited = false;
    }
    if (any) {
        struct rank_result before = {0};
        call_rank(&tmp, &before);
        bool *was = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *was);
        for (size_t i = 0; i < before.n; i++)
            was[before.rows[i].app] = before.rows[i].outcome == OUTCOME_SELECTED;
        for (size_t i = 0; i < now->n; i++)
            if (now->rows[i].outcome == OUTCOME_SELECTED && !was[now->rows[i].app])
                flags[now->rows[i].app] = true;
        free(was);
        rank_result_free(&before);
    }
    free(tmp.apps);
    return flags;
}

static const struct revision_row *revision_row_of(const struct revision *rev, const char *app)
{
    for (size_t i = 0; i < rev->n; i++)
        if (strcmp(rev->rows[i].app, app) == 0)
            return &rev->rows[i];
    return NULL;
}

int notify_replaced(const struct revision *revs, size_t n, const char *app, const char **was)
{
    *was = NULL;
    for (size_t j = n; j-- > 1;) {
        const struct revision_row *now = revision_row_of(&revs[j], app);
        const struct revision_row *before = revision_row_of(&revs[j - 1], app);
        bool changed =
            !now != !before ||
            (now && (strcmp(now->outcome, before->outcome) != 0 || now->amount != before->amount));
        if (changed) {
            *was = before ? before->outcome : NULL;
            return revs[j - 1].number;
        }
    }
    return 0;
}

bool notify_safe_name(const char *id)
{
    if (!id || !id[0] || id[0] == '.' || strstr(id, ".."))
        return false;
    for (const unsigned char *s = (const unsigned char *)id; *s; s++)
        if (*s == '/' || *s == '\\' || *s < 0x20 || *s == 0x7f)
            return false;
    return true;
}

/* ---- the text ---- */

static const char *program_title(const struct program *p)
{
    return i18n_korean() || !p->title_en ? p->title_ko : p->title_en;
}

static void add_head(struct strlist *l, const struct notify_input *in)
{
    const struct application *a = in->app;
    strlist_addf(l, _("Dear %s,"), a->company);
    strlist_add(l, "");
    strlist_addf(l, _("This is the result of the selection for %s (application %s)."),
                 program_title(in->program), a->id);
    if (in->revision > 0) {
        char day[11];
        date_format(in->revision_date, day);
        strlist_addf(l, _("It reports revision %d of the final result, signed on %s (Korea time)."),
                     in->revision, day);
    }
    if (in->replaces > 0) {
        if (in->was)
            strlist_addf(l,
                         _("It replaces the notification of revision %d: a later revision "
                           "changed your result, which was then \"%s\"."),
                         in->replaces, outcome_label_of(in->was));
        else
            strlist_addf(l,
                         _("It replaces the notification of revision %d: a later revision "
                           "changed your result."),
                         in->replaces);
    }
    strlist_add(l, "");
}

static void add_result(struct strlist *l, const char *result)
{
    strlist_addf(l, _("Result: %s"), result);
}

static void add_scores(struct strlist *l, const struct notify_input *in)
{
    const struct rank_row *row = in->row;
    if (!row || !row->has_result)
        return;
    int d = in->program->decimals;
    char base[32], bonus[32], final[32];
    scaled_format(row->base, d, base, sizeof base);
    scaled_format(row->bonus, d, bonus, sizeof bonus);
    scaled_format(row->final, d, final, sizeof final);
    strlist_addf(l, _("Official base score: %s"), base);
    strlist_addf(l, _("Bonus points: %s"), bonus);
    strlist_addf(l, _("Final score: %s"), final);
    if (row->rank > 0)
        strlist_addf(l, _("Rank: %d"), row->rank);
}

static void add_amount(struct strlist *l, const struct notify_input *in)
{
    const struct rank_row *row = in->row;
    if (!row || !row->has_amount)
        return;
    char won[32];
    amount_format(row->amount, won, sizeof won);
    int needed = row->n_sheets / 2 + 1;
    const char *why =
        row->agree >= needed
            ? _("most judges agreed to the requested amount")
            : _("most judges did not agree to the requested amount, so it is the mean of the "
                "judges' amounts");
    strlist_addf(l, _("Support amount: %s won (%s)"), won, why);
}

static void add_terms(struct strlist *l, const struct notify_input *in)
{
    const struct program *p = in->program;
    char won[32];
    strlist_add(l, "");
    strlist_addf(l, _("Agreement terms (%s):"), section_of(12));
    if (in->has_agreement) {
        struct agreement_dates t;
        agreement_dates(p, in->agreed, &t);
        char day[11];
        date_format(t.agreed, day);
        strlist_addf(l, _("- Agreement date: %s"), day);
        date_format(t.copay_due, day);
        strlist_addf(l, _("- Co-payment due: %s"), day);
        amount_format(t.advance, won, sizeof won);
        strlist_addf(l, _("- Advance payment: %s won"), won);
        date_format(t.project_end, day);
        strlist_addf(l, _("- Project end: %s"), day);
        date_format(t.dev_done_by, day);
        strlist_addf(l, _("- Development done by: %s"), day);
        return;
    }
    char day[11];
    strlist_addf(l,
                 ngettext("- Co-payment due within %d day of the agreement",
                          "- Co-payment due within %d days of the agreement",
                          (unsigned long)p->copay_due_days),
                 p->copay_due_days);
    amount_format(p->advance_payment, won, sizeof won);
    strlist_addf(l, _("- Advance payment: %s won"), won);
    if (p->project_months > 0) {
        strlist_addf(l,
                     ngettext("- The project runs %d month from the agreement",
                              "- The project runs %d months from the agreement",
                              (unsigned long)p->project_months),
                     p->project_months);
    } else {
        date_format(p->project_end, day);
        strlist_addf(l, _("- The project runs from the agreement to %s"), day);
    }
    if (p->dev_done_by) {
        date_format(p->dev_done_by, day);
        strlist_addf(l, _("- Development done by %s"), day);
    } else {
        strlist_addf(l,
                     ngettext("- Development done %d month before the project ends",
                              "- Development done %d months before the project ends",
                              (unsigned long)p->dev_done_months_before),
                     p->dev_done_months_before);
    }
}

static void add_review_reasons(struct strlist *l, const struct notify_input *in)
{
    if (!in->review_reasons || !in->review_reasons[0])
        return;
    char *copy = xstrdup(in->review_reasons);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        if (!line[0])
            continue;
        char *words = notify_reason_words(line);
        strlist_addf(l, "- %s", words);
        free(words);
    }
    free(copy);
}

static void add_opinions(struct strlist *l, const struct notify_input *in)
{
    if (!in->program->notify_opinions || in->n_opinions == 0)
        return;
    strlist_add(l, "");
    strlist_add(l, _("The judges' overall opinions (without names, in no particular order):"));
    for (size_t i = 0; i < in->n_opinions; i++) {
        char *text = strip_rule_ids(in->opinions[i]);
        strlist_addf(l, "- %s", text);
        free(text);
    }
}

static char *finish(struct strlist *l, const struct notify_input *in)
{
    strlist_add(l, "");
    strlist_add(l, _("Thank you for applying."));
    strlist_add(l, in->program->agency ? in->program->agency : "");
    strlist_add(l, "");
    char *s = strlist_join(l, "\n");
    strlist_free(l);
    return s;
}

static char *threshold_text(const struct program *p)
{
    char thr[16];
    tenths_format(p->threshold_tenths, thr, sizeof thr);
    return xasprintf(p->threshold_counts_bonus ? _("a final score of at least %s points")
                                               : _("an official base score of at least %s points"),
                     thr);
}

char *notify_selected(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("selected for support"));
    add_scores(&l, in);
    add_amount(&l, in);
    char *thr = threshold_text(in->program);
    strlist_addf(&l, _("Reason: 「%s」: %s, and ranked within the program's budget."),
                 section_of(7), thr);
    free(thr);
    add_terms(&l, in);
    add_opinions(&l, in);
    return finish(&l, in);
}

char *notify_promoted(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("selected for support (promoted from the waiting list)"));
    add_scores(&l, in);
    add_amount(&l, in);
    strlist_addf(&l,
                 _("Reason: 「%s」: a selected company withdrew, and your application was next "
                   "on the waiting list."),
                 section_of(7));
    add_terms(&l, in);
    add_opinions(&l, in);
    return finish(&l, in);
}

char *notify_waitlisted(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("on the waiting list"));
    add_scores(&l, in);
    char *thr = threshold_text(in->program);
    strlist_addf(&l,
                 _("Reason: 「%s」: %s, but the program's budget does not reach your rank. If a "
                   "selected company withdraws, you may be selected in rank order."),
                 section_of(7), thr);
    free(thr);
    add_opinions(&l, in);
    return finish(&l, in);
}

char *notify_excluded(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("not selected"));
    add_scores(&l, in);
    char *thr = threshold_text(in->program);
    strlist_addf(&l, _("Reason: 「%s」: support requires %s."), section_of(7), thr);
    free(thr);
    add_opinions(&l, in);
    return finish(&l, in);
}

char *notify_ineligible(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("not eligible"));
    strlist_add(&l, _("Reason: the document review found that the application does not meet "
                      "the call's conditions:"));
    add_review_reasons(&l, in);
    return finish(&l, in);
}

char *notify_incomplete(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("not evaluated: the application is incomplete"));
    strlist_add(&l, _("Reason: the application could not be evaluated:"));
    strlist_addf(&l, _("- 「%s」: too few judges' score sheets count for an official score."),
                 section_of(7));
    return finish(&l, in);
}

char *notify_forfeited(const struct notify_input *in)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, _("selection withdrawn"));
    add_scores(&l, in);
    strlist_addf(&l,
                 _("Reason: 「%s」: the agreement was given up or the required plan revision was "
                   "not made, so the selection is withdrawn."),
                 section_of(12));
    add_opinions(&l, in);
    return finish(&l, in);
}

static char *notify_pending(const struct notify_input *in, const char *result)
{
    struct strlist l = {0};
    add_head(&l, in);
    add_result(&l, result);
    add_scores(&l, in);
    strlist_add(&l, _("The committee will notify you again when the result is decided."));
    return finish(&l, in);
}

char *notify_body(const struct notify_input *in)
{
    switch (in->row ? in->row->outcome : OUTCOME_UNREVIEWED) {
    case OUTCOME_SELECTED:
        return in->promoted ? notify_promoted(in) : notify_selected(in);
    case OUTCOME_WAITLISTED:
        return notify_waitlisted(in);
    case OUTCOME_EXCLUDED:
        return notify_excluded(in);
    case OUTCOME_INELIGIBLE:
        return notify_ineligible(in);
    case OUTCOME_INCOMPLETE:
        return notify_incomplete(in);
    case OUTCOME_FORFEITED:
        return notify_forfeited(in);
    case OUTCOME_TIE:
        return notify_pending(in, _("waiting for the committee to order a tie"));
    case OUTCOME_UNREVIEWED:
        break;
    }
    return notify_pending(in, _("the review is not finished"));
}

char *notify_subject(const struct notify_input *in)
{
    if (in->replaces > 0)
        return xasprintf(_("[%s] Changed selection result for application %s"),
                         program_title(in->program), in->app->id);
    return xasprintf(_("[%s] Selection result for application %s"), program_title(in->program),
                     in->app->id);
}
