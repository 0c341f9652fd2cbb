/* The secretariat's changes to one application, each a form over its detail screen: a document's
 * issue date (R2.1, checked live), a checklist answer (R4), the review decision (R2-R5, signed),
 * a site inspection (R13, signed), its panel (R6.3) and its bonuses (R8, signed). Every write
 * goes through db/write.h, the code the commands use. */
#include "tui/app_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/notify.h"
#include "db/sign.h"
#include "db/store.h"
#include "db/write.h"
#include "tui/form.h"

/* The application a form changes, by id: a reload may move it in t->call.apps. */
struct app_form {
    char *app;
    size_t last_choice; /* the choice the other fields were filled for */
};

static void app_form_free(void *ctx)
{
    struct app_form *af = ctx;
    free(af->app);
    free(af);
}

static struct form *app_form_new(struct tui *t, size_t app, const char *title)
{
    struct app_form *af = xcalloc(1, sizeof *af);
    af->app = xstrdup(t->call.apps[app].a.id);
    af->last_choice = (size_t)-1;
    char *full = xasprintf("%s: %s", af->app, title);
    struct form *f = form_new(full);
    free(full);
    f->ctx = af;
    f->ctx_free = app_form_free;
    return f;
}

static struct app_record *form_app(struct tui *t, const struct form *f)
{
    return call_find_app(&t->call, ((const struct app_form *)f->ctx)->app);
}

/* Run one write in a transaction; on failure the form keeps the message and nothing changes. */
static int commit_or_explain(struct tui *t, struct form *f, int rc)
{
    if (rc == 0 && store_commit(t->store) == 0)
        return 0;
    snprintf(f->error, sizeof f->error, _("%s; nothing was changed"), store_errmsg(t->store));
    store_rollback(t->store);
    return -1;
}

/* ---- A document's issue date (R2.1) ---- */

static void document_check(struct tui *t, struct form *f)
{
    struct app_form *af = f->ctx;
    struct app_record *r = form_app(t, f);
    const struct program *p = &t->call.program;
    struct form_field *which = &f->fields[0], *date = &f->fields[1];
    const struct doc_def *d = &p->docs[which->choice];
    if (!r)
        return;
    if (af->last_choice != which->choice) { /* another document: show its recorded date */
        af->last_choice = which->choice;
        char issued[11] = "";
        for (size_t i = 0; i < r->n_docs; i++)
            if (r->docs[i].number == d->number)
                date_format(r->docs[i].issued, issued);
        lineedit_set(&date->edit, issued);
        date->note[0] = '\0';
        date->note_bad = false;
        return;
    }
    f->summary[0] = '\0';
    if (date->note_bad || !date->edit.len)
        return;
    struct strlist why = {0};
    doc_issue_check(p, d, (sdate)date->value, &why);
    snprintf(date->note, sizeof date->note, "%s %s", why.n ? "✗" : "✓",
             why.n ? why.v[0] : _("valid: issued within the window (R2.1)"));
    /* An out-of-window date may still be recorded: the review then says why it fails. */
    date->note_warn = why.n > 0;
    snprintf(f->summary, sizeof f->summary, "%s",
             why.n ? _("saving records the date as submitted; the review will fail on it") : "");
    strlist_free(&why);
}

static int document_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct doc_def *d = &t->call.program.docs[f->fields[0].choice];
    sdate issued = (sdate)f->fields[1].value;
    int rc = store_begin(t->store) ||
             write_document(t->store, tui_me(t)->name, r->a.id, d->number, issued);
    if (commit_or_explain(t, f, rc) < 0)
        return -1;
    char when[11];
    date_format(issued, when);
    tui_changed(t, _("%s: document %d issued %s recorded"), r->a.id, d->number, when);
    return 0;
}

void app_edit_document(struct tui *t, size_t app)
{
    const struct program *p = &t->call.program;
    if (!tui_may(t, ROLE_SECRETARIAT) || !p->n_docs)
        return;
    struct form *f = app_form_new(t, app, _("document issue date"));
    struct strlist names = {0};
    for (size_t i = 0; i < p->n_docs; i++) {
        char *name = xasprintf("%d %s", p->docs[i].number,
                               tui_lang(t, p->docs[i].name_ko, p->docs[i].name_en));
        strlist_add(&names, name);
        free(name);
    }
    form_add_choice(f, _("Document"), (const char *const *)names.v, names.n, 0);
    strlist_free(&names);
    form_add(f, FIELD_DATE, _("Issued"), NULL);
    f->check = document_check;
    f->submit = document_submit;
    tui_form_open(t, f);
}

/* ---- The checklist (R4): every item in one form ---- */

/* Per item two fields: the answer (a choice) and its note. The cursor's field is kept between
 * forms, so going through the applications one after another stays on the same item. */
#define CHECK_UNANSWERED 2
static size_t checklist_focus;

static const struct checklist_row *answer_of(const struct app_record *r, const char *item)
{
    for (size_t i = 0; i < r->n_answers; i++)
        if (strcmp(r->answers[i].item, item) == 0)
            return &r->answers[i];
    return NULL;
}

static int checklist_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct person *me = tui_me(t);
    const struct program *p = &t->call.program;
    if (!r)
        return -1;
    for (size_t i = 0; i < p->n_dqs; i++) {
        const struct checklist_row *was = answer_of(r, p->dqs[i].id);
        if (f->fields[2 * i].choice == CHECK_UNANSWERED && was && was->answer != ANSWER_NONE) {
            snprintf(f->error, sizeof f->error,
                     _("%s is answered already: answer yes or no; nothing was changed"),
                     p->dqs[i].id);
            f->focus = 2 * i;
            return -1;
        }
    }
    int rc = store_begin(t->store);
    size_t saved = 0;
    for (size_t i = 0; i < p->n_dqs && rc == 0; i++) {
        const struct form_field *answer = &f->fields[2 * i], *note_field = &f->fields[2 * i + 1];
        const struct checklist_row *was = answer_of(r, p->dqs[i].id);
        char *note = form_text(note_field);
        if (answer->choice != CHECK_UNANSWERED) {
            bool yes = answer->choice == 0;
            bool same = was && was->answer == (yes ? ANSWER_YES : ANSWER_NO) &&
                        strcmp(was->note ? was->note : "", note) == 0;
            if (!same) {
                rc = write_check(t->store, me->name, me->id, r->a.id, p->dqs[i].id, yes, note);
                saved++;
            }
        }
        free(note);
    }
    if (commit_or_explain(t, f, rc) < 0)
        return -1;
    tui_changed(
        t, ngettext("%s: %zu checklist answer saved", "%s: %zu checklist answers saved", saved),
        r->a.id, saved);
    return 0;
}

void app_edit_answer(struct tui *t, size_t app)
{
    const struct program *p = &t->call.program;
    if (!tui_may(t, ROLE_SECRETARIAT) || !p->n_dqs)
        return;
    const struct app_record *r = &t->call.apps[app];
    struct form *f = app_form_new(t, app, _("checklist"));
    f->full = true;
    form_intro(f, "%s", f->title); /* a form that fills the body has no frame for its title */
    form_intro(f, "%s",
               _("Disqualifiers (R4): answer yes when the item holds for the company; "
                 "Space or Left/Right changes an answer, Ctrl-S saves them all."));
    const char *choices[] = {_("yes"), _("no"), _("unanswered")};
    for (size_t i = 0; i < p->n_dqs; i++) {
        const struct checklist_row *was = answer_of(r, p->dqs[i].id);
        size_t initial = !was || was->answer == ANSWER_NONE ? CHECK_UNANSWERED
                         : was->answer == ANSWER_YES        ? 0
                                                            : 1;
        struct form_field *answer = form_add_choice(f, p->dqs[i].id, choices, 3, initial);
        snprintf(answer->note, sizeof answer->note, "%s",
                 tui_lang(t, p->dqs[i].text_ko, p->dqs[i].text_en));
        char *label = xasprintf("  %s", _("note"));
        form_add(f, FIELD_TEXT, label, was && was->note ? was->note : NULL)->optional = true;
        free(label);
    }
    if (checklist_focus < f->n)
        f->focus = checklist_focus;
    f->focus_keep = &checklist_focus;
    f->submit = checklist_submit;
    tui_form_open(t, f);
}

/* ---- The review decision (R2-R5), signed ---- */

static int decide_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    if (!f->fields[0].yes) {
        snprintf(f->error, sizeof f->error, "%s", _("answer yes to sign the decision"));
        return -1;
    }
    struct review_result res = {0};
    call_review(&t->call, r, &res);
    const struct person *me = tui_me(t);
    int rc = store_begin(t->store) || write_review(t->store, &t->call, r, &res, me, &t->key) ||
             sign_audit_head(t->store, &t->call, me, &t->key);
    bool passed = res.passed;
    review_result_free(&res);
    char *id = xstrdup(r->a.id);
    if (commit_or_explain(t, f, rc) == 0)
        tui_changed(t, _("%s: document review %s, signed by %s"), id,
                    passed ? _("passed") : _("failed"), me->name);
    free(id);
    return rc ? -1 : 0;
}

void app_edit_decide(struct tui *t, size_t app)
{
    if (!tui_may(t, ROLE_SECRETARIAT))
        return;
    struct app_record *r = &t->call.apps[app];
    struct review_result res = {0};
    call_review(&t->call, r, &res);
    struct form *f = app_form_new(t, app, _("document review decision"));
    form_intro(f, "%s",
               res.passed ? _("✓ The application passes the document review (R2-R5).")
                          : _("✗ The application fails the document review:"));
    for (size_t i = 0; i < res.reasons.n; i++)
        form_intro(f, "  - %s", res.reasons.v[i]);
    for (size_t i = 0; i < res.notes.n; i++)
        form_intro(f, "  · %s", res.notes.v[i]);
    form_intro(f, _("Signed by %s with their key."), tui_me(t)->name);
    /* The verdict again beside the answer: the reasons above may scroll away. */
    snprintf(f->summary, sizeof f->summary, "%s",
             res.passed ? _("✓ passes the document review") : _("✗ fails the document review"));
    form_add(f, FIELD_YESNO, _("Sign"), "no");
    review_result_free(&res);
    f->submit = decide_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}

/* ---- A site inspection (R13), signed ---- */

enum { INSP_DATE, INSP_TEAM, INSP_FACTS, INSP_FINDINGS, INSP_NOTES };

/* Items of a list typed one per line (facts, findings) or comma-separated (the team). */
static void split_items(const char *text, const char *separators, struct strlist *out)
{
    char *copy = xstrdup(text), *save = NULL;
    for (char *s = strtok_r(copy, separators, &save); s; s = strtok_r(NULL, separators, &save))
        if (*str_trim(s))
            strlist_add(out, s);
    free(copy);
}

static void inspection_in_fill(const struct form *f, const char *app, char *date,
                               struct inspection_in *in)
{
    memset(in, 0, sizeof *in);
    in->app = app;
    in->date = date;
    char *team = form_text(&f->fields[INSP_TEAM]), *facts = form_text(&f->fields[INSP_FACTS]);
    char *findings = form_text(&f->fields[INSP_FINDINGS]);
    split_items(team, ",\n", &in->team);
    split_items(facts, "\n", &in->facts);
    split_items(findings, "\n", &in->findings);
    in->notes = form_text(&f->fields[INSP_NOTES]);
    free(team);
    free(facts);
    free(findings);
}

static void inspection_in_clear(struct inspection_in *in)
{
    strlist_free(&in->team);
    strlist_free(&in->facts);
    strlist_free(&in->findings);
    free(in->notes);
}

static void inspection_check(struct tui *t, struct form *f)
{
    const struct person *me = tui_me(t);
    char *date = form_text(&f->fields[INSP_DATE]), why[256];
    struct inspection_in in;
    inspection_in_fill(f, ((struct app_form *)f->ctx)->app, date, &in);
    const char *refusal = me && *date && !f->fields[INSP_DATE].note_bad
                              ? inspection_refusal(&t->call, &in, me, why, sizeof why)
                              : NULL;
    f->summary_bad = refusal != NULL;
    if (refusal)
        snprintf(f->summary, sizeof f->summary, "✗ %s", refusal);
    else
        snprintf(f->summary, sizeof f->summary,
                 _("team of %zu (at most %d evaluator(s) and %d staff); %zu fact(s), %zu "
                   "finding(s)"),
                 in.team.n, t->call.program.inspection_evaluators, t->call.program.inspection_staff,
                 in.facts.n, in.findings.n);
    inspection_in_clear(&in);
    free(date);
}

static int inspection_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct person *me = tui_me(t);
    char *date = form_text(&f->fields[INSP_DATE]);
    struct inspection_in in;
    inspection_in_fill(f, r->a.id, date, &in);
    int rc = store_begin(t->store) || write_inspection(t->store, &t->call, &in, me, &t->key);
    char *id = xstrdup(r->a.id);
    if (commit_or_explain(t, f, rc) == 0)
        tui_changed(t, _("%s: site inspection of %s recorded and signed by %s"), id, date,
                    me->name);
    free(id);
    inspection_in_clear(&in);
    free(date);
    return rc ? -1 : 0;
}

void app_edit_inspection(struct tui *t, size_t app)
{
    if (!tui_may(t, ROLE_INSPECTOR))
        return;
    const struct program *p = &t->call.program;
    struct form *f = app_form_new(t, app, _("site inspection"));
    form_intro(f, _("R13: a team of %d evaluator(s) and %d staff visits the site."),
               p->inspection_evaluators, p->inspection_staff);
    /* The day of the visit is typed: a default of today is recorded unseen when it was another. */
    form_add(f, FIELD_DATE, _("Date"), NULL);
    form_add(f, FIELD_TEXT, _("Team (A, B)"), tui_me(t)->name);
    form_add(f, FIELD_NOTES, _("Facts checked"), NULL)->optional = true;
    form_add(f, FIELD_NOTES, _("Findings"), NULL)->optional = true;
    struct form_field *notes = form_add(f, FIELD_NOTES, _("Notes"), NULL);
    notes->rows = 5;
    f->fields[INSP_FACTS].rows = f->fields[INSP_FINDINGS].rows = 3;
    f->check = inspection_check;
    f->submit = inspection_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}

/* ---- Panel (R6.3) ---- */

static int panel_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct panel *panel = &t->call.panels[f->fields[0].choice];
    char *name = xstrdup(panel->name), *id = xstrdup(r->a.id);
    int rc = store_begin(t->store) || write_assign(t->store, tui_me(t)->name, panel, r);
    if (commit_or_explain(t, f, rc) == 0)
        tui_changed(t, _("%s: scored by panel %s"), id, name);
    free(name);
    free(id);
    return rc ? -1 : 0;
}

void app_edit_panel(struct tui *t, size_t app)
{
    if (!tui_may(t, ROLE_SECRETARIAT))
        return;
    if (!t->call.n_panels) {
        tui_message(t, true, "%s", _("no panels yet: set one up on the people screen (P, then m)"));
        return;
    }
    struct form *f = app_form_new(t, app, _("panel"));
    struct strlist names = {0};
    size_t current = 0;
    for (size_t i = 0; i < t->call.n_panels; i++) {
        strlist_add(&names, t->call.panels[i].name);
        if (t->call.panels[i].id == t->call.apps[app].panel)
            current = i;
    }
    form_add_choice(f, _("Panel"), (const char *const *)names.v, names.n, current);
    strlist_free(&names);
    f->submit = panel_submit;
    tui_form_open(t, f);
}

/* ---- Bonuses (R8), signed ---- */

static bool has_bonus(const struct app_record *r, const char *id)
{
    for (size_t i = 0; i < r->n_bonuses; i++)
        if (strcmp(r->bonuses[i], id) == 0)
            return true;
    return false;
}

static void bonus_check(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct bonus_def *b = &t->call.program.bonuses[f->fields[0].choice];
    bool award = f->fields[1].yes, has = r && has_bonus(r, b->id);
    char *note = form_text(&f->fields[2]);
    f->summary_bad = (award && has) || (!award && !has) || (award && !*note);
    snprintf(f->summary, sizeof f->summary, "%s",
             award && has      ? _("✗ already awarded")
             : !award && !has  ? _("✗ not awarded: nothing to withdraw")
             : award && !*note ? _("✗ an award needs a note of its evidence")
                               : "");
    free(note);
}

static int bonus_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct bonus_def *b = &t->call.program.bonuses[f->fields[0].choice];
    bool award = f->fields[1].yes;
    char *note = form_text(&f->fields[2]), *id = xstrdup(r->a.id),
         *bonus = xstrdup(tui_lang(t, b->name_ko, b->name_en)); /* the program's name, not its id */
    int rc = store_begin(t->store) || write_bonus(t->store, &t->call, r->a.id, b, award,
                                                  award ? note : "", tui_me(t), &t->key);
    if (commit_or_explain(t, f, rc) == 0)
        tui_changed(t, award ? _("%s: bonus %s awarded") : _("%s: bonus %s withdrawn"), id, bonus);
    free(note);
    free(id);
    free(bonus);
    return rc ? -1 : 0;
}

void app_edit_bonus(struct tui *t, size_t app)
{
    const struct program *p = &t->call.program;
    if (!tui_may(t, ROLE_SECRETARIAT) || !p->n_bonuses)
        return;
    struct form *f = app_form_new(t, app, _("bonus"));
    struct strlist names = {0};
    for (size_t i = 0; i < p->n_bonuses; i++) {
        char pts[16];
        tenths_format(p->bonuses[i].points_tenths, pts, sizeof pts);
        char *s =
            xasprintf("%s +%s%s", tui_lang(t, p->bonuses[i].name_ko, p->bonuses[i].name_en), pts,
                      has_bonus(&t->call.apps[app], p->bonuses[i].id) ? _(" (awarded)") : "");
        strlist_add(&names, s);
        free(s);
    }
    form_add_choice(f, _("Bonus"), (const char *const *)names.v, names.n, 0);
    strlist_free(&names);
    form_add(f, FIELD_YESNO, _("Award (no = withdraw)"), "yes");
    form_add(f, FIELD_TEXT, _("Evidence"), NULL)->optional = true;
    f->check = bonus_check;
    f->submit = bonus_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}

/* ---- A plan revision (R12.1), signed: the committee's requirement, then made or not made ---- */

enum { PLAN_MADE, PLAN_NOT_MADE };

static int plan_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    const struct person *me = tui_me(t);
    char *id = xstrdup(r->a.id);
    int rc;
    if (f->n == 2) { /* the requirement: its text and due date */
        char *text = form_text(&f->fields[0]), *due = form_text(&f->fields[1]);
        rc = store_begin(t->store) ||
             write_plan(t->store, &t->call, r, false, due, text, me, &t->key);
        if (commit_or_explain(t, f, rc) == 0)
            tui_changed(t, _("%s: plan revision required by %s"), id, due);
        free(text);
        free(due);
    } else if (f->fields[0].choice == PLAN_MADE) {
        rc = store_begin(t->store) ||
             write_plan(t->store, &t->call, r, true, NULL, NULL, me, &t->key);
        if (commit_or_explain(t, f, rc) == 0)
            tui_changed(t, _("%s: plan revision made"), id);
    } else {
        struct strlist promoted = {0};
        rc = store_begin(t->store) ||
             write_plan_failed(t->store, &t->call, r, me, &t->key, &promoted);
        if (commit_or_explain(t, f, rc) == 0) {
            char *list = strlist_join(&promoted, ", ");
            if (promoted.n)
                tui_changed(t, _("%s: plan revision not made; forfeited; promoted: %s"), id, list);
            else
                tui_changed(t, _("%s: plan revision not made; forfeited"), id);
            free(list);
        }
        strlist_free(&promoted);
    }
    free(id);
    return rc ? -1 : 0;
}

void app_edit_plan(struct tui *t, size_t app)
{
    if (!tui_may(t, ROLE_SECRETARIAT))
        return;
    const struct app_record *r = &t->call.apps[app];
    struct plan_state open = {0};
    if (store_plan_latest(t->store, r->a.id, &open) < 0) {
        tui_message(t, true, "%s", store_errmsg(t->store));
        return;
    }
    bool has_open = open.exists && !open.made;
    const char *refusal = call_plan_refusal(&t->call, &t->rank, r, has_open, has_open);
    if (refusal) {
        tui_message(t, true, "%s: %s", r->a.id, refusal);
    } else if (!has_open) {
        struct form *f = app_form_new(t, app, _("plan revision"));
        form_intro(f, "%s",
                   _("R12.1: the committee's requirement of the selected application and the day "
                     "it is due; then record here whether it was made."));
        if (open.exists)
            form_intro(f, _("The previous requirement (due %s) was made: %s"), open.due,
                       open.requirement);
        form_add(f, FIELD_NOTES, _("Requirement"), NULL)->rows = 3;
        form_add(f, FIELD_DATE, _("Due"), NULL);
        f->submit = plan_submit;
        f->submit_label = _("sign");
        tui_form_open(t, f);
    } else {
        struct form *f = app_form_new(t, app, _("plan revision"));
        form_intro(f, _("Required by %s: %s"), open.due, open.requirement);
        form_intro(f, "%s",
                   _("Not made is a forfeit (R11.7): the application leaves the selection and the "
                     "waiting list moves up; the next final result revision records it."));
        const char *choices[] = {_("made"), _("not made")};
        form_add_choice(f, _("Revision"), choices, 2, PLAN_MADE);
        f->submit = plan_submit;
        f->submit_label = _("sign");
        tui_form_open(t, f);
    }
    free(open.due);
    free(open.requirement);
}

/* ---- The agreement (R12.3), signed, with the dates it sets (R12.2) ---- */

/* "co-payment due 2026-06-21, advance 15,000,000 won, project end 2027-04-07, development done
 * by 2027-02-07": the dates core computes from an agreement on `agreed`. */
void app_agreement_text(const struct program *p, sdate agreed, char *buf, size_t n)
{
    struct agreement_dates d;
    agreement_dates(p, agreed, &d);
    char copay[11], end[11], dev[11], won[32];
    date_format(d.copay_due, copay);
    date_format(d.project_end, end);
    date_format(d.dev_done_by, dev);
    amount_format(d.advance, won, sizeof won);
    snprintf(buf, n, _("co-payment due %s, advance %s won, project end %s, development done by %s"),
             copay, won, end, dev);
}

static void agreement_check_form(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    struct form_field *date = &f->fields[0];
    if (!r || date->note_bad || !date->edit.len)
        return;
    char why[256];
    const char *refusal = NULL;
    if (agreement_check(t->store, &t->call, r, (sdate)date->value, why, sizeof why, &refusal) < 0)
        refusal = store_errmsg(t->store);
    /* Under the date, wrapped: why it may not be recorded, or the dates it sets. */
    if (refusal) {
        date->note_bad = true;
        snprintf(date->note, sizeof date->note, "✗ %s", refusal);
        return;
    }
    char dates[200];
    app_agreement_text(&t->call.program, (sdate)date->value, dates, sizeof dates);
    snprintf(date->note, sizeof date->note, "✓ %s", dates);
}

static int agreement_submit(struct tui *t, struct form *f)
{
    struct app_record *r = form_app(t, f);
    sdate day = (sdate)f->fields[0].value;
    char *id = xstrdup(r->a.id);
    int rc =
        store_begin(t->store) || write_agreement(t->store, &t->call, r, day, tui_me(t), &t->key);
    if (commit_or_explain(t, f, rc) == 0) {
        char when[11];
        date_format(day, when);
        tui_changed(t, _("%s: agreement of %s recorded and signed"), id, when);
    }
    free(id);
    return rc ? -1 : 0;
}

void app_edit_agreement(struct tui *t, size_t app)
{
    if (!tui_may(t, ROLE_SECRETARIAT))
        return;
    const struct app_record *r = &t->call.apps[app];
    struct form *f = app_form_new(t, app, _("agreement"));
    form_intro(f, "%s",
               _("R12.3: the day the agreement was made; the dates it sets follow from the "
                 "program's policies (R12.2)."));
    if (r->agreed) {
        char day[11];
        date_format(r->agreed, day);
        form_intro(f, _("An agreement of %s is recorded."), day);
    }
    form_add(f, FIELD_DATE, _("Agreement date"), NULL);
    f->check = agreement_check_form;
    f->submit = agreement_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}
