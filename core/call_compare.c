/* Comparing calls and rankings field by field (see call_compare.h). */
#include "core/call_compare.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The first difference found: its place and what differs, then false. */
static bool differ(char *why, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool differ(char *why, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, len, fmt, ap);
    va_end(ap);
    return false;
}

static bool str_same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

#define SAME_INT(where, x, y, what)                                                                \
    do {                                                                                           \
        if ((x) != (y))                                                                            \
            return differ(why, len, "%s: %s: %lld against %lld", where, what, (long long)(x),      \
                          (long long)(y));                                                         \
    } while (0)
#define SAME_STR(where, x, y, what)                                                                \
    do {                                                                                           \
        if (!str_same((x), (y)))                                                                   \
            return differ(why, len, "%s: %s: \"%s\" against \"%s\"", where, what, (x) ? (x) : "",  \
                          (y) ? (y) : "");                                                         \
    } while (0)

static bool application_same(const char *w, const struct application *a,
                             const struct application *b, char *why, size_t len)
{
    SAME_STR(w, a->id, b->id, "id");
    SAME_STR(w, a->company, b->company, "company");
    SAME_STR(w, a->biz_no, b->biz_no, "business number");
    SAME_INT(w, a->size, b->size, "size");
    SAME_STR(w, a->region, b->region, "region");
    SAME_STR(w, a->factory_region, b->factory_region, "factory region");
    SAME_STR(w, a->industry, b->industry, "industry");
    SAME_INT(w, a->founded, b->founded, "founded");
    SAME_STR(w, a->supplier, b->supplier, "supplier");
    SAME_STR(w, a->supplier_region, b->supplier_region, "supplier region");
    SAME_INT(w, a->supplier_pools, b->supplier_pools, "supplier pools");
    SAME_INT(w, a->requested, b->requested, "requested");
    SAME_INT(w, a->copay, b->copay, "copay");
    SAME_STR(w, a->title, b->title, "title");
    SAME_STR(w, a->contact_name, b->contact_name, "contact name");
    SAME_STR(w, a->contact_email, b->contact_email, "contact email");
    SAME_INT(w, a->received, b->received, "received");
    SAME_INT(w, a->received_has_time, b->received_has_time, "received has time");
    return true;
}

static bool sheet_same(const char *w, const struct app_sheet *a, const struct app_sheet *b,
                       char *why, size_t len)
{
    SAME_INT(w, a->id, b->id, "id");
    SAME_INT(w, a->s.judge, b->s.judge, "judge");
    for (size_t i = 0; i < PROGRAM_MAX_ITEMS; i++) {
        SAME_INT(w, a->s.item_tenths[i], b->s.item_tenths[i], "item");
        SAME_STR(w, sheet_comment(&a->s, i), sheet_comment(&b->s, i), "comment");
    }
    SAME_INT(w, a->s.agree, b->s.agree, "agree");
    SAME_INT(w, a->s.amount, b->s.amount, "amount");
    SAME_STR(w, a->s.opinion, b->s.opinion, "opinion");
    SAME_INT(w, a->s.transcribed, b->s.transcribed, "transcribed");
    SAME_INT(w, a->submitted_by, b->submitted_by, "submitted by");
    SAME_STR(w, a->submitted_at, b->submitted_at, "submitted at");
    return true;
}

static bool record_same(const struct app_record *a, const struct app_record *b, char *why,
                        size_t len)
{
    const char *w = a->a.id ? a->a.id : "?";
    if (!application_same(w, &a->a, &b->a, why, len))
        return false;
    SAME_INT(w, a->n_docs, b->n_docs, "documents");
    for (size_t i = 0; i < a->n_docs; i++) {
        SAME_INT(w, a->docs[i].number, b->docs[i].number, "document number");
        SAME_INT(w, a->docs[i].issued, b->docs[i].issued, "document issued");
    }
    SAME_INT(w, a->n_finance, b->n_finance, "financial years");
    for (size_t i = 0; i < a->n_finance; i++) {
        const struct finance_year *x = &a->finance[i], *y = &b->finance[i];
        SAME_INT(w, x->year, y->year, "finance year");
        SAME_INT(w, x->liabilities, y->liabilities, "liabilities");
        SAME_INT(w, x->equity, y->equity, "equity");
        SAME_INT(w, x->current_assets, y->current_assets, "current assets");
        SAME_INT(w, x->current_liabilities, y->current_liabilities, "current liabilities");
    }
    SAME_INT(w, a->n_answers, b->n_answers, "checklist answers");
    for (size_t i = 0; i < a->n_answers; i++) {
        SAME_STR(w, a->answers[i].item, b->answers[i].item, "checklist item");
        SAME_INT(w, a->answers[i].answer, b->answers[i].answer, "checklist answer");
        SAME_STR(w, a->answers[i].note, b->answers[i].note, "checklist note");
    }
    SAME_INT(w, a->review, b->review, "review");
    SAME_STR(w, a->review_reasons, b->review_reasons, "review reasons");
    SAME_INT(w, a->review_seq, b->review_seq, "review event");
    SAME_INT(w, a->facts_seq, b->facts_seq, "facts event");
    SAME_INT(w, a->panel, b->panel, "panel");
    SAME_INT(w, a->n_conflicts, b->n_conflicts, "conflicts");
    for (size_t i = 0; i < a->n_conflicts; i++)
        SAME_INT(w, a->conflicts[i], b->conflicts[i], "conflict");
    SAME_INT(w, a->n_bonuses, b->n_bonuses, "bonuses");
    for (size_t i = 0; i < a->n_bonuses; i++)
        SAME_STR(w, a->bonuses[i], b->bonuses[i], "bonus");
    SAME_INT(w, a->n_sheets, b->n_sheets, "sheets");
    for (size_t i = 0; i < a->n_sheets; i++) {
        char where[160];
        snprintf(where, sizeof where, "%s: sheet %zu", w, i + 1);
        if (!sheet_same(where, &a->sheets[i], &b->sheets[i], why, len))
            return false;
    }
    SAME_INT(w, a->forfeited, b->forfeited, "forfeited");
    SAME_STR(w, a->forfeit_reason, b->forfeit_reason, "forfeit reason");
    SAME_INT(w, a->agreed, b->agreed, "agreed");
    SAME_INT(w, a->inspected, b->inspected, "inspected");
    SAME_INT(w, a->position, b->position, "position");
    return true;
}

bool call_same(const struct call *a, const struct call *b, char *why, size_t len)
{
    SAME_STR("call", a->program_text, b->program_text, "program");
    SAME_INT("call", a->has_budget, b->has_budget, "has budget");
    SAME_INT("call", a->budget, b->budget, "budget");
    SAME_INT("call", a->n_people, b->n_people, "people");
    for (size_t i = 0; i < a->n_people; i++) {
        const struct person *x = &a->people[i], *y = &b->people[i];
        SAME_INT("person", x->id, y->id, "id");
        SAME_STR("person", x->name, y->name, "name");
        SAME_INT(x->name, x->role, y->role, "role");
        if (memcmp(&x->pub, &y->pub, sizeof x->pub) != 0 || x->sealed.len != y->sealed.len ||
            (x->sealed.len && memcmp(x->sealed.bytes, y->sealed.bytes, x->sealed.len) != 0))
            return differ(why, len, "%s: keys differ", x->name);
    }
    SAME_INT("call", a->n_panels, b->n_panels, "panels");
    for (size_t i = 0; i < a->n_panels; i++) {
        const struct panel *x = &a->panels[i], *y = &b->panels[i];
        SAME_INT("panel", x->id, y->id, "id");
        SAME_STR("panel", x->name, y->name, "name");
        SAME_INT(x->name, x->n_judges, y->n_judges, "judges");
        for (size_t k = 0; k < x->n_judges; k++)
            SAME_INT(x->name, x->judges[k], y->judges[k], "judge");
    }
    SAME_INT("call", a->n_apps, b->n_apps, "applications");
    for (size_t i = 0; i < a->n_apps; i++)
        if (!record_same(&a->apps[i], &b->apps[i], why, len))
            return false;
    SAME_INT("call", a->n_ties, b->n_ties, "tie decisions");
    for (size_t i = 0; i < a->n_ties; i++) {
        SAME_INT("tie", a->ties[i].n, b->ties[i].n, "members");
        for (size_t k = 0; k < a->ties[i].n; k++)
            SAME_STR("tie", a->ties[i].apps[k], b->ties[i].apps[k], "member");
    }
    return true;
}

bool rank_same(const struct rank_result *a, const struct rank_result *b, char *why, size_t len)
{
    SAME_INT("ranking", a->n, b->n, "rows");
    SAME_INT("ranking", a->used, b->used, "used");
    SAME_INT("ranking", a->budget_hidden, b->budget_hidden, "budget hidden");
    SAME_INT("ranking", a->notes.n, b->notes.n, "notes");
    for (size_t i = 0; i < a->notes.n; i++)
        SAME_STR("ranking", a->notes.v[i], b->notes.v[i], "note");
    for (size_t i = 0; i < a->n; i++) {
        const struct rank_row *x = &a->rows[i], *y = &b->rows[i];
        char w[48];
        snprintf(w, sizeof w, "ranking row %zu", i + 1);
        SAME_INT(w, x->app, y->app, "application");
        SAME_INT(w, x->band, y->band, "band");
        SAME_INT(w, x->outcome, y->outcome, "outcome");
        SAME_INT(w, x->rank, y->rank, "rank");
        SAME_INT(w, x->n_sheets, y->n_sheets, "sheets");
        SAME_INT(w, x->has_result, y->has_result, "has result");
        SAME_INT(w, x->base, y->base, "base");
        SAME_INT(w, x->bonus_tenths, y->bonus_tenths, "bonus tenths");
        SAME_INT(w, x->bonus, y->bonus, "bonus");
        SAME_INT(w, x->final, y->final, "final");
        SAME_INT(w, x->has_amount, y->has_amount, "has amount");
        SAME_INT(w, x->amount, y->amount, "amount");
        SAME_INT(w, x->agree, y->agree, "agree");
        SAME_INT(w, x->tie_group, y->tie_group, "tie group");
        SAME_INT(w, x->tie_resolved, y->tie_resolved, "tie resolved");
        SAME_STR(w, x->reason, y->reason, "reason");
        SAME_STR(w, x->amount_reason, y->amount_reason, "amount reason");
    }
    return true;
}
