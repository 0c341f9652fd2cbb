/* Writing signed records (see write.h): canonical text, signature, row and audit event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/write.h"
#include "core/facts.h"
#include "core/i18n.h"

int write_review(struct store *st, const struct call *c, const struct app_record *r,
                 const struct review_result *res, const struct person *who,
                 const struct secret_key *key)
{
    char *reasons = strlist_join(&res->reasons, "\n");
    struct cli_record rec;
    cli_record_begin(&rec);
    struct record_review rr = {
        .program = c->program.id,
        .app = r->a.id,
        .passed = res->passed,
        .reasons = (const char *const *)res->reasons.v,
        .n_reasons = res->reasons.n,
        .signer = who->name,
        .at = rec.at,
    };
    char *why = NULL;
    int rc =
        cli_record_sign(&rec, who, key, RECORD_REVIEW, r->a.id, record_review_text(&rr, &why), why);
    if (rc == 0)
        rc = store_review_add(st, r->a.id, res->passed, reasons, &rec.sign) ||
             store_event_signed(st, who->name, res->passed ? "review passed" : "review failed",
                                r->a.id, reasons, rec.text);
    cli_record_free(&rec);
    free(reasons);
    return rc ? -1 : 0;
}

int write_conflict(struct store *st, const struct call *c, const struct app_record *r,
                   const struct person *judge, const char *reason, const struct person *who,
                   const struct secret_key *key)
{
    struct cli_record rec;
    cli_record_begin(&rec);
    struct record_conflict rcf = {.program = c->program.id,
                                  .app = r->a.id,
                                  .judge = judge->name,
                                  .reason = reason,
                                  .signer = who->name,
                                  .at = rec.at};
    char *why = NULL, id[160];
    snprintf(id, sizeof id, "%s/%s", r->a.id, judge->name);
    int rc =
        cli_record_sign(&rec, who, key, RECORD_CONFLICT, id, record_conflict_text(&rcf, &why), why);
    if (rc == 0)
        rc = store_conflict_add(st, r->a.id, judge->id, reason, &rec.sign) ||
             store_event_signed(st, who->name, "conflict", r->a.id, reason, rec.text);
    cli_record_free(&rec);
    return rc ? -1 : 0;
}

int write_bonus(struct store *st, const struct call *c, const char *app, const struct bonus_def *b,
                bool awarded, const char *note, const struct person *who,
                const struct secret_key *key)
{
    struct cli_record rec;
    cli_record_begin(&rec);
    struct record_bonus rb = {.program = c->program.id,
                              .app = app,
                              .bonus = b->id,
                              .points_tenths = b->points_tenths,
                              .note = note,
                              .signer = who->name,
                              .at = rec.at};
    char *why = NULL, id[160];
    snprintf(id, sizeof id, "%s/%s", app, b->id);
    char *text =
        awarded ? record_bonus_award_text(&rb, &why) : record_bonus_withdrawal_text(&rb, &why);
    int rc = cli_record_sign(&rec, who, key, awarded ? RECORD_BONUS_AWARD : RECORD_BONUS_WITHDRAWAL,
                             id, text, why);
    if (rc == 0)
        rc = store_bonus_change(st, app, b->id, awarded, note, &rec.sign) ||
             store_event_signed(st, who->name, awarded ? "bonus set" : "bonus clear", app, b->id,
                                rec.text);
    cli_record_free(&rec);
    return rc ? -1 : 0;
}

char *sheet_record_text(const struct call *c, const struct score_import_row *row,
                        const char *judge, bool transcribed, const char *signer, const char *at,
                        char **why)
{
    const struct program *p = &c->program;
    struct record_sheet_item items[PROGRAM_MAX_ITEMS];
    for (size_t k = 0; k < p->n_items; k++)
        items[k] = (struct record_sheet_item){.id = p->items[k].id, .tenths = row->item_tenths[k]};
    struct record_sheet rs = {
        .program = p->id,
        .app = row->app,
        .judge = judge,
        .items = items,
        .n_items = p->n_items,
        .agree = row->agree,
        .amount = row->amount,
        .opinion = row->opinion,
        .transcribed = transcribed,
        .signer = signer,
        .at = at,
    };
    return record_sheet_text(&rs, why);
}

int write_sheet(struct store *st, const struct call *c, const struct score_import_row *row,
                bool transcribed, const struct person *who, const struct secret_key *key)
{
    const struct program *p = &c->program;
    const struct person *judge = call_person_by_id(c, row->judge);
    struct cli_record rec;
    cli_record_begin(&rec);
    char *why = NULL, id[160];
    snprintf(id, sizeof id, "%s/%s", row->app, judge->name);
    char *text = sheet_record_text(c, row, judge->name, transcribed, who->name, rec.at, &why);
    int rc = cli_record_sign(&rec, who, key, RECORD_SHEET, id, text, why);
    if (rc == 0) {
        struct sheet_write w = {
            .app = row->app,
            .judge = row->judge,
            .program = p,
            .item_tenths = row->item_tenths,
            .agree = row->agree,
            .amount = row->amount,
            .opinion = row->opinion,
            .transcribed = transcribed,
            .sign = &rec.sign,
        };
        rc =
            store_sheet_add(st, &w) ||
            store_event_signed(st, who->name, transcribed ? "sheet transcribed" : "sheet submitted",
                               row->app, judge->name, rec.text);
    }
    cli_record_free(&rec);
    return rc ? -1 : 0;
}

int write_budget(struct store *st, const struct call *c, int64_t won, const struct person *who,
                 const struct secret_key *key)
{
    char amount[32];
    amount_format(won, amount, sizeof amount);
    struct cli_record rec;
    cli_record_begin(&rec);
    struct record_budget rb = {
        .program = c->program.id, .won = won, .signer = who->name, .at = rec.at};
    char *why = NULL;
    int rc = cli_record_sign(&rec, who, key, RECORD_BUDGET, c->program.id,
                             record_budget_text(&rb, &why), why);
    if (rc == 0)
        rc = store_budget_set(st, won, &rec.sign) ||
             store_event_signed(st, who->name, "budget", "", amount, rec.text);
    cli_record_free(&rec);
    return rc ? -1 : 0;
}

int write_person(struct store *st, const char *actor, const char *name, enum role role,
                 const struct public_key *pub, const struct sealed_key *sealed, int64_t *id)
{
    char *detail = xasprintf("%s %s", role_name(role), name);
    int rc = store_person_add(st, name, role, pub, sealed, id) ||
             store_event(st, actor, "person add", "", detail);
    free(detail);
    return rc ? -1 : 0;
}

int write_application(struct store *st, const char *actor, const struct application *a)
{
    char *fact = fact_application(a);
    int rc = store_app_insert(st, a) || store_event(st, actor, "app import", a->id, fact);
    free(fact);
    return rc ? -1 : 0;
}

int write_document(struct store *st, const char *actor, const char *app, int doc, sdate issued)
{
    char *fact = fact_document(doc, issued);
    int rc = store_doc_set(st, app, doc, issued) || store_event(st, actor, "document", app, fact);
    free(fact);
    return rc ? -1 : 0;
}

int write_finance(struct store *st, const char *actor, const char *app,
                  const struct finance_year *f)
{
    char *fact = fact_finance(f);
    int rc = store_finance_set(st, app, f) || store_event(st, actor, "finance", app, fact);
    free(fact);
    return rc ? -1 : 0;
}

int write_check(struct store *st, const char *actor, int64_t person, const char *app,
                const char *item, bool yes, const char *note)
{
    char *fact = fact_checklist(item, yes, note);
    int rc = store_check_set(st, app, item, yes, note, person) ||
             store_event(st, actor, "check", app, fact);
    free(fact);
    return rc ? -1 : 0;
}
