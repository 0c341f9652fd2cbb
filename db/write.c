/* Writing signed records (see write.h): canonical text, signature, row and audit event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/chain.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/notify.h"
#include "core/parse.h"
#include "core/revision.h"
#include "db/final.h"
#include "db/internal.h"
#include "db/write.h"

/* R14: once the final result is signed the decisions behind it are closed: no sheet, review,
 * conflict, bonus, budget, tie, forfeit or second result changes it. */
static int refuse_if_final(struct store *st)
{
    struct final_state fin;
    if (store_final_state(st, &fin) < 0)
        return -1;
    if (fin.final) {
        /* R11.6: what is refused says what may still be done; a person reads Korea time. */
        char at[40];
        time_korea(fin.at, at, sizeof at);
        char *why = xasprintf(_("the result is final (signed at %s): nothing that decides it can "
                                "change any more"),
                              at);
        int rc = db_failf(st, "%s. %s", why, chain_still_open());
        free(why);
        return rc;
    }
    return 0;
}

int write_review(struct store *st, const struct call *c, const struct app_record *r,
                 const struct review_result *res, const struct person *who,
                 const struct secret_key *key)
{
    if (refuse_if_final(st) < 0)
        return -1;
    char *reasons = strlist_join(&res->reasons, "\n");
    struct signed_record rec;
    signed_record_begin(&rec);
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
    int rc = signed_record_sign(st, &rec, who, key, RECORD_REVIEW, r->a.id,
                                record_review_text(&rr, &why), &why);
    if (rc == 0)
        rc = store_review_add(st, r->a.id, res->passed, reasons, &rec.sign) ||
             store_event_signed(st, who->name, res->passed ? "review passed" : "review failed",
                                r->a.id, reasons, rec.text);
    signed_record_free(&rec);
    free(reasons);
    return rc ? -1 : 0;
}

int write_conflict(struct store *st, const struct call *c, const struct app_record *r,
                   const struct person *judge, const char *reason, const struct person *who,
                   const struct secret_key *key)
{
    if (refuse_if_final(st) < 0)
        return -1;
    struct signed_record rec;
    signed_record_begin(&rec);
    struct record_conflict rcf = {.program = c->program.id,
                                  .app = r->a.id,
                                  .judge = judge->name,
                                  .reason = reason,
                                  .signer = who->name,
                                  .at = rec.at};
    char *why = NULL, id[160];
    snprintf(id, sizeof id, "%s/%s", r->a.id, judge->name);
    int rc = signed_record_sign(st, &rec, who, key, RECORD_CONFLICT, id,
                                record_conflict_text(&rcf, &why), &why);
    if (rc == 0)
        rc = store_conflict_add(st, r->a.id, judge->id, reason, &rec.sign) ||
             store_event_signed(st, who->name, "conflict", r->a.id, reason, rec.text);
    signed_record_free(&rec);
    return rc ? -1 : 0;
}

int write_bonus(struct store *st, const struct call *c, const char *app, const struct bonus_def *b,
                bool awarded, const char *note, const struct person *who,
                const struct secret_key *key)
{
    if (refuse_if_final(st) < 0)
        return -1;
    struct signed_record rec;
    signed_record_begin(&rec);
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
    int rc = signed_record_sign(
        st, &rec, who, key, awarded ? RECORD_BONUS_AWARD : RECORD_BONUS_WITHDRAWAL, id, text, &why);
    if (rc == 0)
        rc = store_bonus_change(st, app, b->id, awarded, note, &rec.sign) ||
             store_event_signed(st, who->name, awarded ? "bonus set" : "bonus clear", app, b->id,
                                rec.text);
    signed_record_free(&rec);
    return rc ? -1 : 0;
}

int write_sheet(struct store *st, const struct call *c, const struct sheet *sh,
                const struct person *who, const struct secret_key *key)
{
    if (refuse_if_final(st) < 0)
        return -1;
    const struct person *judge = call_person_by_id(c, sh->judge);
    struct signed_record rec;
    signed_record_begin(&rec);
    char *why = NULL, id[160];
    snprintf(id, sizeof id, "%s/%s", sh->app, judge->name);
    char *text = sheet_text(c, sh, judge->name, who->name, rec.at, &why);
    int rc = signed_record_sign(st, &rec, who, key, RECORD_SHEET, id, text, &why);
    if (rc == 0)
        rc = store_sheet_add(st, &c->program, sh, &rec.sign) ||
             store_event_signed(st, who->name,
                                sh->transcribed ? "sheet transcribed" : "sheet submitted", sh->app,
                                judge->name, rec.text);
    signed_record_free(&rec);
    return rc ? -1 : 0;
}

/* One sheet as its judge signed it elsewhere (a verified .sheet file), recorded by `who`. */
static int write_signed_sheet(struct store *st, const struct call *c, const struct sheet *sh,
                              const struct signing *sign, const struct person *who)
{
    const struct person *judge = call_person_by_id(c, sh->judge);
    return store_sheet_add(st, &c->program, sh, sign) ||
                   store_event_signed(st, who->name, "sheet imported", sh->app, judge->name,
                                      sign->text)
               ? -1
               : 0;
}

int store_submit_sheets(struct store *st, const struct call *c, const struct sheet *sheets,
                        const struct signing *signed_as, size_t n, const struct person *who,
                        const struct secret_key *key)
{
    if (store_begin(st) < 0)
        return -1;
    /* Once the result is final, store_event refuses every kind of sheet event (R11.6). */
    int bad = 0;
    for (size_t i = 0; !bad && i < n; i++)
        bad = signed_as ? write_signed_sheet(st, c, &sheets[i], &signed_as[i], who)
                        : write_sheet(st, c, &sheets[i], who, key);
    /* Each recording of sheets is a milestone of the audit chain. */
    if (bad || sign_audit_head(st, c, who, key) < 0 || store_commit(st) < 0) {
        store_rollback(st);
        return -1;
    }
    return 0;
}

int write_budget(struct store *st, const struct call *c, int64_t won, const struct person *who,
                 const struct secret_key *key)
{
    if (refuse_if_final(st) < 0)
        return -1;
    char amount[32];
    amount_format(won, amount, sizeof amount);
    struct signed_record rec;
    signed_record_begin(&rec);
    struct record_budget rb = {
        .program = c->program.id, .won = won, .signer = who->name, .at = rec.at};
    char *why = NULL;
    int rc = signed_record_sign(st, &rec, who, key, RECORD_BUDGET, c->program.id,
                                record_budget_text(&rb, &why), &why);
    if (rc == 0)
        rc = store_budget_set(st, won, &rec.sign) ||
             store_event_signed(st, who->name, "budget", "", amount, rec.text);
    signed_record_free(&rec);
    return rc ? -1 : 0;
}

int write_person(struct store *st, const char *actor, const char *name, enum role role,
                 const struct public_key *pub, const struct sealed_key *sealed, int64_t *id)
{
    char *detail = fact_person(name, role, pub);
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

int write_app_contact(struct store *st, const char *actor, const struct application *a)
{
    char *fact = fact_application(a);
    int rc = store_app_contact_set(st, a->id, a->contact_name, a->contact_email) ||
             store_event(st, actor, "app contact", a->id, fact);
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

const char *inspection_refusal(const struct call *c, const struct inspection_in *in,
                               const struct person *who, char *buf, size_t n)
{
    int most = c->program.inspection_evaluators + c->program.inspection_staff;
    sdate day;
    if (!call_find_app(c, in->app))
        snprintf(buf, n, _("no application \"%s\""), in->app);
    else if (date_parse(in->date, &day, NULL) < 0)
        snprintf(buf, n, _("\"%s\" is not a date (YYYY-MM-DD)"), in->date);
    else if (in->team.n < 1 || (int)in->team.n > most)
        snprintf(buf, n,
                 _("R13: the team of %s has %d evaluator(s) and %d staff, at most %d people; "
                   "%zu named"),
                 c->program.id, c->program.inspection_evaluators, c->program.inspection_staff, most,
                 in->team.n);
    else if (who->role == ROLE_JUDGE)
        snprintf(buf, n,
                 _("%s is a judge: inspections are recorded by an inspector or the secretariat"),
                 who->name);
    else
        return NULL;
    return buf;
}

int write_inspection(struct store *st, const struct call *c, const struct inspection_in *in,
                     const struct person *who, const struct secret_key *key)
{
    char why_buf[256];
    const char *refusal = inspection_refusal(c, in, who, why_buf, sizeof why_buf);
    if (refusal)
        return db_failf(st, "%s", refusal);
    struct signed_record rec;
    signed_record_begin(&rec);
    struct record_inspection ri = {
        .program = c->program.id,
        .app = in->app,
        .date = in->date,
        .members = (const char *const *)in->team.v,
        .n_members = in->team.n,
        .facts = (const char *const *)in->facts.v,
        .n_facts = in->facts.n,
        .findings = (const char *const *)in->findings.v,
        .n_findings = in->findings.n,
        .notes = in->notes,
        .signer = who->name,
        .at = rec.at,
    };
    char *why = NULL;
    int rc = signed_record_sign(st, &rec, who, key, RECORD_INSPECTION, in->app,
                                record_inspection_text(&ri, &why), &why);
    char *team = strlist_join(&in->team, "\n"), *facts = strlist_join(&in->facts, "\n");
    char *findings = strlist_join(&in->findings, "\n");
    struct inspection_write w = {.app = in->app,
                                 .date = in->date,
                                 .team = team,
                                 .facts = facts,
                                 .findings = findings,
                                 .notes = in->notes,
                                 .sign = &rec.sign};
    if (rc == 0)
        rc = store_inspection_add(st, &w) ||
             store_event_signed(st, who->name, "inspection", in->app, in->date, rec.text);
    free(team);
    free(facts);
    free(findings);
    signed_record_free(&rec);
    return rc ? -1 : 0;
}

int write_tie(struct store *st, const struct call *c, const char *const *apps, size_t n,
              const char *reason, const struct person *who, const struct secret_key *key)
{
    /* R11.7: after the final result, the order of a tie an amendment brought to the budget
     * line is an amendment too (call_unresolved_tie accepts only a tie that decides). */
    struct rank_result res = {0};
    call_rank(c, &res);
    int group = n >= 2 ? call_unresolved_tie(c, &res, apps, n) : 0;
    rank_result_free(&res);
    if (!group)
        return db_failf(st, _("%s ... is not exactly the members of one unresolved tie"),
                        n ? apps[0] : "");
    if (!reason || !*reason)
        return db_failf(st, "%s", _("a tie is resolved with a reason"));
    struct strlist l = {0};
    for (size_t i = 0; i < n; i++)
        strlist_add(&l, apps[i]);
    char *members = strlist_join(&l, "\n"), *order = strlist_join(&l, " > ");
    char *detail = xasprintf("%s: %s", order, reason);
    struct signed_record rec;
    signed_record_begin(&rec);
    struct record_tie rt = {.program = c->program.id,
                            .apps = apps,
                            .n_apps = n,
                            .reason = reason,
                            .signer = who->name,
                            .at = rec.at};
    char *why = NULL;
    int rc = signed_record_sign(st, &rec, who, key, RECORD_TIE, apps[0], record_tie_text(&rt, &why),
                                &why) ||
             store_tie_add(st, members, reason, &rec.sign) ||
             store_event_signed(st, who->name, "tie resolve", apps[0], detail, rec.text);
    signed_record_free(&rec);
    free(detail);
    free(order);
    free(members);
    strlist_free(&l);
    return rc ? -1 : 0;
}

int write_forfeit(struct store *st, const struct call *c, const struct app_record *r,
                  const char *reason, const struct person *who, const struct secret_key *key,
                  struct strlist *promoted)
{
    /* R11.6: a forfeit is an amendment, accepted before and after the final result. */
    struct rank_result res = {0};
    call_rank(c, &res);
    const char *refusal = call_forfeit_refusal(c, &res, r);
    rank_result_free(&res);
    if (refusal)
        return db_failf(st, "%s", refusal);
    if (!reason || !*reason)
        return db_failf(st, "%s", _("a forfeit is recorded with a reason"));
    call_promotions(c, r->a.id, promoted);
    char *list = strlist_join(promoted, " ");
    char *detail = xasprintf("%s; promoted: %s", reason, list);
    struct signed_record rec;
    signed_record_begin(&rec);
    struct record_forfeit rf = {.program = c->program.id,
                                .app = r->a.id,
                                .reason = reason,
                                .promoted = (const char *const *)promoted->v,
                                .n_promoted = promoted->n,
                                .signer = who->name,
                                .at = rec.at};
    char *why = NULL;
    int rc = signed_record_sign(st, &rec, who, key, RECORD_FORFEIT, r->a.id,
                                record_forfeit_text(&rf, &why), &why) ||
             store_forfeit_add(st, r->a.id, reason, list, &rec.sign) ||
             store_event_signed(st, who->name, "forfeit", r->a.id, detail, rec.text);
    signed_record_free(&rec);
    free(detail);
    free(list);
    return rc ? -1 : 0;
}

/* "2026-12-03T11:35:06Z" (UTC) as its day in Korea time; 0 when it is not such a time. */
static sdate kst_day(const char *at)
{
    int y, mo, d, h, mi, sec;
    sdate day;
    if (!at || sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &sec) != 6 ||
        date_from_ymd(y, mo, d, &day) < 0)
        return 0;
    return h + 9 >= 24 ? day + 1 : day;
}

int agreement_check(struct store *st, const struct call *c, const struct app_record *r, sdate date,
                    char *buf, size_t n, const char **refusal)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT at FROM result_final ORDER BY id LIMIT 1");
    if (!s)
        return -1;
    char *first = sqlite3_step(s) == SQLITE_ROW ? db_col_text(s, 0) : NULL;
    sqlite3_finalize(s);
    char now[21];
    store_now(now);
    struct rank_result res = {0};
    call_rank(c, &res);
    *refusal = agreement_refusal(c, &res, r, date, kst_day(first), kst_day(now), buf, n);
    rank_result_free(&res);
    free(first);
    return 0;
}

int write_agreement(struct store *st, const struct call *c, const struct app_record *r, sdate date,
                    const struct person *who, const struct secret_key *key)
{
    char buf[256];
    const char *refusal = NULL;
    if (agreement_check(st, c, r, date, buf, sizeof buf, &refusal) < 0)
        return -1;
    if (refusal)
        return db_failf(st, "%s", refusal);
    char day[11];
    date_format(date, day);
    struct signed_record rec;
    signed_record_begin(&rec);
    struct record_agreement ra = {
        .program = c->program.id, .app = r->a.id, .date = day, .signer = who->name, .at = rec.at};
    char *why = NULL;
    int rc = signed_record_sign(st, &rec, who, key, RECORD_AGREEMENT, r->a.id,
                                record_agreement_text(&ra, &why), &why) ||
             store_agreement_add(st, r->a.id, day, &rec.sign) ||
             store_event_signed(st, who->name, "agreement", r->a.id, day, rec.text);
    signed_record_free(&rec);
    return rc ? -1 : 0;
}

/* The final result (R14): every ranked row as it stands. */
static char *result_text(const struct call *c, const struct rank_result *res,
                         const struct revision *prev, const struct strlist *changes,
                         const struct person *who, const char *at, char **why)
{
    struct record_result_row *rows = xcalloc(res->n ? res->n : 1, sizeof *rows);
    size_t n = 0;
    for (size_t i = 0; i < res->n; i++) {
        const struct rank_row *r = &res->rows[i];
        if (!r->rank)
            continue;
        rows[n++] = (struct record_result_row){.rank = r->rank,
                                               .app = c->apps[r->app].a.id,
                                               .base = r->base,
                                               .final = r->final,
                                               .outcome = outcome_name(r->outcome),
                                               .amount = r->has_amount ? r->amount : 0};
    }
    struct record_result rr = {.program = c->program.id,
                               .decimals = c->program.decimals,
                               .revision = prev ? prev->number + 1 : 1,
                               .previous = prev ? prev->digest : NULL,
                               .changes = changes ? (const char *const *)changes->v : NULL,
                               .n_changes = changes ? changes->n : 0,
                               .rows = rows,
                               .n_rows = n,
                               .signer = who->name,
                               .at = at};
    char *text = record_result_text(&rr, why);
    free(rows);
    return text;
}

/* The latest signed revision of the final result (number 0 when there is none). */
static int latest_revision(struct store *st, struct revision *out)
{
    memset(out, 0, sizeof *out);
    struct strlist texts = {0};
    int rc = store_result_texts(st, &texts);
    if (rc == 0 && texts.n) {
        const char *why = NULL;
        rc = revision_parse(texts.v[texts.n - 1], (int)texts.n, out, &why);
        if (rc < 0)
            db_failf(st, _("the signed final result %zu cannot be read: %s"), texts.n, why);
    }
    strlist_free(&texts);
    return rc;
}

int write_result(struct store *st, const struct call *c, const struct person *who,
                 const struct secret_key *key, char at[21], int *revision)
{
    struct revision prev;
    if (latest_revision(st, &prev) < 0)
        return -1;
    struct rank_result res = {0};
    call_rank(c, &res);
    struct strlist changes = {0};
    const char *refusal = call_finalize_refusal(&res);
    int rc = -1;
    if (!refusal && prev.number)
        revision_changes(c, &res, &prev, &changes);
    if (refusal) {
        db_failf(st, "%s", refusal);
    } else if (prev.number && !changes.n) {
        /* R11.7: no amendment changed an outcome since: that revision stands. */
        *revision = prev.number;
        memcpy(at, "", 1);
        rc = 1;
    } else {
        struct signed_record rec;
        signed_record_begin(&rec);
        memcpy(at, rec.at, 21);
        *revision = prev.number + 1;
        char *why = NULL;
        rc = signed_record_sign(st, &rec, who, key, RECORD_RESULT, c->program.id,
                                result_text(c, &res, prev.number ? &prev : NULL,
                                            prev.number ? &changes : NULL, who, rec.at, &why),
                                &why) ||
             store_result_add(st, &rec.sign) ||
             store_event_signed(st, who->name, "result final", "", rec.at, rec.text) ||
             sign_audit_head(st, c, who, key);
        rc = rc ? -1 : 0;
        signed_record_free(&rec);
    }
    strlist_free(&changes);
    revision_free(&prev);
    rank_result_free(&res);
    return rc;
}

static int id_order(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int write_panel(struct store *st, const struct call *c, const char *actor, const char *name,
                const int64_t *judges, size_t n, int64_t *id)
{
    struct strlist problems = {0};
    call_panel_check(c, name, judges, n, &problems);
    int rc = problems.n ? db_failf(st, "%s", problems.v[0]) : 0;
    strlist_free(&problems);
    if (rc == 0) {
        /* Named in person-id order, as the panel is read back (verify compares the two). */
        int64_t *ids = xcalloc(n ? n : 1, sizeof *ids);
        memcpy(ids, judges, n * sizeof *ids);
        qsort(ids, n, sizeof *ids, id_order);
        const char **names = xcalloc(n ? n : 1, sizeof *names);
        for (size_t i = 0; i < n; i++) {
            const struct person *p = call_person_by_id(c, ids[i]);
            names[i] = p ? p->name : "";
        }
        free(ids);
        char *detail = fact_panel(name, names, n);
        free(names);
        rc = store_panel_add(st, name, judges, n, id) ||
             store_event(st, actor, "panel add", "", detail);
        free(detail);
    }
    return rc ? -1 : 0;
}

int write_assign(struct store *st, const char *actor, const struct panel *panel,
                 const struct app_record *r)
{
    const char *refusal = call_assign_refusal(r, panel->id);
    if (refusal)
        return db_failf(st, "%s: %s", r->a.id, refusal);
    int rc = store_panel_assign(st, panel->id, r->a.id) ||
             store_event(st, actor, "panel assign", r->a.id, panel->name);
    return rc ? -1 : 0;
}

int write_plan(struct store *st, const struct call *c, const struct app_record *r, bool made,
               const char *due, const char *requirement, const struct person *who,
               const struct secret_key *key)
{
    struct rank_result res = {0};
    call_rank(c, &res);
    struct plan_state open;
    if (store_plan_latest(st, r->a.id, &open) < 0) {
        rank_result_free(&res);
        return -1;
    }
    bool has_open = open.exists && !open.made;
    const char *refusal = call_plan_refusal(c, &res, r, made, has_open);
    rank_result_free(&res);
    char buf[256];
    sdate day = 0;
    if (!refusal && !made) {
        char now[21];
        store_now(now);
        const char *why = NULL;
        if (!due || date_parse(due, &day, &why) < 0)
            refusal = why ? why : _("a plan revision needs a due date");
        else
            refusal = plan_due_refusal(day, kst_day(now), buf, sizeof buf);
    }
    int rc = -1;
    if (refusal) {
        db_failf(st, "%s", refusal);
    } else {
        if (made) {
            due = open.due;
            requirement = open.requirement;
        }
        struct signed_record rec;
        signed_record_begin(&rec);
        struct record_plan rp = {.program = c->program.id,
                                 .app = r->a.id,
                                 .made = made,
                                 .due = due,
                                 .text = requirement,
                                 .signer = who->name,
                                 .at = rec.at};
        char *why = NULL;
        char *detail = xasprintf("%s %s", made ? "made" : "due", due);
        rc = signed_record_sign(st, &rec, who, key, RECORD_PLAN, r->a.id,
                                record_plan_text(&rp, &why), &why) ||
             store_plan_add(st, r->a.id, made, due, requirement, &rec.sign) ||
             store_event_signed(st, who->name, made ? "plan done" : "plan require", r->a.id, detail,
                                rec.text);
        rc = rc ? -1 : 0;
        free(detail);
        signed_record_free(&rec);
    }
    free(open.due);
    free(open.requirement);
    return rc;
}

int write_plan_failed(struct store *st, const struct call *c, const struct app_record *r,
                      const struct person *who, const struct secret_key *key,
                      struct strlist *promoted)
{
    struct plan_state open;
    if (store_plan_latest(st, r->a.id, &open) < 0)
        return -1;
    int rc = -1;
    if (!open.exists || open.made) {
        db_failf(st, "%s", _("no plan revision is required of it (simsa plan require)"));
    } else {
        /* R11.7: recorded like a forfeit, the reason naming the plan revision. */
        char *reason =
            xasprintf(_("plan revision not made by %s (R12.1): %s"), open.due, open.requirement);
        rc = write_forfeit(st, c, r, reason, who, key, promoted);
        free(reason);
    }
    free(open.due);
    free(open.requirement);
    return rc;
}
