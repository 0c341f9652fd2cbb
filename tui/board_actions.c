/* The committee board's signed changes (see board.h): the forms, their live previews (each the
 * ranking core computes with the change applied to a copy of the call, nothing written), and the
 * writes through db/write.h inside one transaction each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/parse.h"
#include "core/revision.h"
#include "db/final.h"
#include "db/write.h"
#include "tui/board.h"
#include "tui/form.h"

char *board_final_text(const struct tui *t, const struct final_state *fin)
{
    const struct person *who = call_person_by_id(&t->call, fin->signer);
    char kst[40];
    time_korea(fin->at, kst, sizeof kst);
    return xasprintf(_("the result is final (signed by %s at %s)"), who ? who->name : "?", kst);
}

bool board_may_change(struct tui *t, const struct final_state *fin, bool amendment)
{
    /* R11.6: after the final result only amendments (a forfeit, a tie an amendment brought to
     * the line, a new revision) are made. */
    if (fin->final && !amendment) {
        char *text = board_final_text(t, fin);
        tui_message(t, true, _("%s: amendments only (f, F)"), text);
        free(text);
        return false;
    }
    return tui_may(t, ROLE_SECRETARIAT);
}

/* Rolls back and puts the store's message in the form; -1 keeps the form open. */
static int write_failed(struct tui *t, struct form *f, const char *what)
{
    snprintf(f->error, sizeof f->error, _("%s: %s; nothing was changed"), what,
             store_errmsg(t->store));
    store_rollback(t->store);
    return -1;
}

/* "3 selected (230,624,000 won), 3 waitlisted, 0 in unresolved ties". */
static char *counts_text(const struct rank_counts *c)
{
    char used[32];
    amount_format(c->used, used, sizeof used);
    return xasprintf(_("%d selected (%s won), %d waitlisted, %d in unresolved ties"), c->selected,
                     used, c->waitlisted, c->ties);
}

/* The same of a ranking. */
static char *outcome_counts(const struct rank_result *r)
{
    struct rank_counts c = {.used = r->used};
    for (size_t i = 0; i < r->n; i++) {
        c.selected += r->rows[i].outcome == OUTCOME_SELECTED;
        c.waitlisted += r->rows[i].outcome == OUTCOME_WAITLISTED;
        c.ties += r->rows[i].outcome == OUTCOME_TIE;
    }
    return counts_text(&c);
}

/* ---- Budget (R11.1) ---- */

static void budget_check(struct tui *t, struct form *f)
{
    struct form_field *won = &f->fields[0];
    char *text = form_text(won);
    bool empty = !*text;
    free(text);
    if (won->note_bad || empty) {
        f->summary[0] = '\0';
        return;
    }
    /* The walk of the ranking shown with this budget (R11): only the budget differs, so nothing
     * is ranked again (a second ranking of 10,000 applications is 3 MB, at every key). */
    struct rank_counts c;
    char *counts;
    if (t->rank.budget_hidden) {       /* a judge's view, which leaves rows out: the call ranked */
        struct call preview = t->call; /* shares everything but the budget */
        preview.has_budget = true;
        preview.budget = won->value;
        struct rank_result res = {0};
        call_rank(&preview, &res);
        counts = outcome_counts(&res);
        rank_result_free(&res);
    } else {
        rank_budget_counts(&t->call.program, &t->rank, won->value, &c);
        counts = counts_text(&c);
    }
    snprintf(f->summary, sizeof f->summary, _("with this budget: %s"), counts);
    free(counts);
    f->summary_bad = false;
}

static int budget_submit(struct tui *t, struct form *f)
{
    int64_t won = f->fields[0].value;
    if (store_begin(t->store) || write_budget(t->store, &t->call, won, tui_me(t), &t->key) ||
        store_commit(t->store))
        return write_failed(t, f, _("budget"));
    char text[32];
    amount_format(won, text, sizeof text);
    tui_changed(t, _("the budget is %s won (signed)"), text);
    return 0;
}

void board_budget(struct tui *t, const struct final_state *fin)
{
    if (!board_may_change(t, fin, false))
        return;
    struct form *f = form_new(_("Set the budget (R11.1)"));
    char initial[32] = "";
    if (t->call.has_budget) {
        amount_format(t->call.budget, initial, sizeof initial);
        form_intro(f, _("The budget now: %s won."), initial);
    } else {
        form_intro(f, "%s", _("No budget is set yet."));
    }
    form_intro(f, _("Signed by %s; the ranking is walked again with the new budget (R11.2)."),
               tui_me(t)->name);
    form_add(f, FIELD_AMOUNT, _("Budget (won)"), initial);
    f->check = budget_check;
    f->submit = budget_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}

/* ---- Tie (R9.3) ---- */

#define TIE_MAX_ORDERS 24 /* 4! : more members are ordered place by place */

struct tie_form {
    struct strlist members; /* application ids, as the ranking lists them */
    size_t *orders;         /* n! orders of n members (n <= 4), each n indices into members */
    size_t n_orders;
};

static void tie_form_free(void *ctx)
{
    struct tie_form *tf = ctx;
    strlist_free(&tf->members);
    free(tf->orders);
    free(tf);
}

/* The chosen order as member indices; false when a place names a member twice. */
static bool tie_chosen(const struct form *f, const struct tie_form *tf, size_t *out)
{
    size_t n = tf->members.n;
    if (tf->n_orders) {
        memcpy(out, tf->orders + f->fields[0].choice * n, n * sizeof *out);
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = f->fields[i].choice;
        for (size_t k = 0; k < i; k++)
            if (out[k] == out[i])
                return false;
    }
    return true;
}

/* The ranking with this order recorded: who it selects and who it waitlists. */
static char *tie_preview(const struct tui *t, const struct tie_form *tf, const size_t *order)
{
    size_t n = tf->members.n;
    const struct call *c = &t->call;
    struct tie_record *ties = xcalloc(c->n_ties + 1, sizeof *ties);
    if (c->n_ties)
        memcpy(ties, c->ties, c->n_ties * sizeof *ties);
    char **apps = xcalloc(n, sizeof *apps);
    for (size_t i = 0; i < n; i++)
        apps[i] = tf->members.v[order[i]];
    ties[c->n_ties] = (struct tie_record){.apps = apps, .n = n};
    struct call preview = *c;
    preview.ties = ties;
    preview.n_ties = c->n_ties + 1;
    struct rank_result res = {0};
    call_rank(&preview, &res);
    struct strlist parts = {0};
    for (size_t i = 0; i < n; i++) {
        const struct app_record *r = call_find_app(c, apps[i]);
        if (r)
            strlist_addf(&parts, "%s %s", apps[i], outcome_label(call_outcome(c, &res, r)));
    }
    char *text = strlist_join(&parts, ", ");
    strlist_free(&parts);
    rank_result_free(&res);
    free(apps);
    free(ties);
    return text;
}

static void tie_check(struct tui *t, struct form *f)
{
    struct tie_form *tf = f->ctx;
    size_t *order = xcalloc(tf->members.n, sizeof *order);
    f->summary_bad = !tie_chosen(f, tf, order);
    if (f->summary_bad) {
        snprintf(f->summary, sizeof f->summary, "%s",
                 _("✗ each place needs a different application"));
    } else {
        char *preview = tie_preview(t, tf, order);
        snprintf(f->summary, sizeof f->summary, _("with this order: %s"), preview);
        free(preview);
    }
    free(order);
}

static int tie_submit(struct tui *t, struct form *f)
{
    struct tie_form *tf = f->ctx;
    size_t n = tf->members.n, *order = xcalloc(n, sizeof *order);
    const char **apps = xcalloc(n, sizeof *apps);
    tie_chosen(f, tf, order);
    for (size_t i = 0; i < n; i++)
        apps[i] = tf->members.v[order[i]];
    char *reason = form_text(&f->fields[f->n - 1]);
    int rc = 0;
    if (store_begin(t->store) ||
        write_tie(t->store, &t->call, apps, n, reason, tui_me(t), &t->key) ||
        store_commit(t->store)) {
        rc = write_failed(t, f, apps[0]);
    } else {
        struct strlist l = {0};
        for (size_t i = 0; i < n; i++)
            strlist_add(&l, apps[i]);
        char *text = strlist_join(&l, " > ");
        tui_changed(t, _("tie ordered: %s (signed)"), text);
        free(text);
        strlist_free(&l);
    }
    free(reason);
    free(apps);
    free(order);
    return rc;
}

/* Every order of n indices, in lexicographic order, into out (n! * n of them). */
static size_t orders_all(size_t n, size_t *out)
{
    size_t perm[4] = {0, 1, 2, 3}, count = 0;
    for (;;) {
        memcpy(out + count++ * n, perm, n * sizeof *perm);
        size_t i = n - 1;
        while (i > 0 && perm[i - 1] >= perm[i])
            i--;
        if (i == 0)
            return count;
        size_t j = n - 1;
        while (perm[j] <= perm[i - 1])
            j--;
        size_t swap = perm[i - 1];
        perm[i - 1] = perm[j];
        perm[j] = swap;
        for (size_t a = i, b = n - 1; a < b; a++, b--) {
            swap = perm[a];
            perm[a] = perm[b];
            perm[b] = swap;
        }
    }
}

static void tie_fields(struct form *f, struct tie_form *tf)
{
    size_t n = tf->members.n;
    if (n <= 4) {
        tf->orders = xcalloc(TIE_MAX_ORDERS * n, sizeof *tf->orders);
        tf->n_orders = orders_all(n, tf->orders);
        struct strlist labels = {0};
        for (size_t o = 0; o < tf->n_orders; o++) {
            struct strlist ids = {0};
            for (size_t i = 0; i < n; i++)
                strlist_add(&ids, tf->members.v[tf->orders[o * n + i]]);
            char *label = strlist_join(&ids, " > ");
            strlist_add(&labels, label);
            free(label);
            strlist_free(&ids);
        }
        form_add_choice(f, _("Order"), (const char *const *)labels.v, labels.n, 0);
        strlist_free(&labels);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char *label = xasprintf(_("Place %zu"), i + 1);
        form_add_choice(f, label, (const char *const *)tf->members.v, n, i);
        free(label);
    }
}

/* The unresolved tie group to order: row's, else the first that decides who is selected, else
 * the first at all; 0 when there is none. */
static int tie_group_for(const struct tui *t, size_t row)
{
    const struct rank_result *rk = &t->rank;
    if (row < rk->n && rk->rows[row].tie_group && !rk->rows[row].tie_resolved)
        return rk->rows[row].tie_group;
    int any = 0;
    for (size_t i = 0; i < rk->n; i++) {
        const struct rank_row *r = &rk->rows[i];
        if (!r->tie_group || r->tie_resolved)
            continue;
        if (r->outcome == OUTCOME_TIE)
            return r->tie_group;
        if (!any)
            any = r->tie_group;
    }
    return any;
}

void board_tie(struct tui *t, const struct final_state *fin, size_t row)
{
    if (!board_may_change(t, fin, true))
        return;
    int group = tie_group_for(t, row);
    if (!group) {
        tui_message(t, true, "%s", _("no unresolved tie: nothing to order"));
        return;
    }
    struct tie_form *tf = xcalloc(1, sizeof *tf);
    struct form *f = form_new(_("Resolve a tie (R9.3)"));
    f->ctx = tf;
    f->ctx_free = tie_form_free;
    int rank = 0;
    for (size_t i = 0; i < t->rank.n; i++) {
        const struct rank_row *r = &t->rank.rows[i];
        if (r->tie_group != group || r->tie_resolved)
            continue;
        const struct app_record *a = &t->call.apps[r->app];
        strlist_add(&tf->members, a->a.id);
        form_intro(f, "  %s  %s — %s", a->a.id, a->a.company, outcome_label(r->outcome));
        rank = r->rank;
    }
    form_intro(f,
               _("These share rank %d: equal on the final score and every tie-break item. "
                 "The committee's order, with its reason, is signed by %s."),
               rank, tui_me(t)->name);
    tie_fields(f, tf);
    form_add(f, FIELD_TEXT, _("Reason"), NULL);
    f->check = tie_check;
    f->submit = tie_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}

/* ---- Forfeit (R11.5) ---- */

static int forfeit_submit(struct tui *t, struct form *f)
{
    const struct app_record *r = f->ctx;
    char *reason = form_text(&f->fields[0]);
    struct strlist promoted = {0};
    int rc = 0;
    if (store_begin(t->store) ||
        write_forfeit(t->store, &t->call, r, reason, tui_me(t), &t->key, &promoted) ||
        store_commit(t->store)) {
        rc = write_failed(t, f, r->a.id);
    } else {
        char *list = strlist_join(&promoted, ", ");
        char id[64];
        snprintf(id, sizeof id, "%s", r->a.id); /* r goes with the reload */
        if (promoted.n)
            tui_changed(t, _("%s forfeited (signed); promoted from the waitlist: %s"), id, list);
        else
            tui_changed(t, _("%s forfeited (signed); nobody is promoted"), id);
        free(list);
    }
    strlist_free(&promoted);
    free(reason);
    return rc;
}

void board_forfeit(struct tui *t, const struct final_state *fin, size_t row)
{
    if (!board_may_change(t, fin, true))
        return;
    if (row >= t->rank.n) {
        tui_message(t, true, "%s", _("choose the selected company that forfeits first"));
        return;
    }
    const struct rank_row *rr = &t->rank.rows[row];
    const struct app_record *r = &t->call.apps[rr->app];
    const char *refusal = call_forfeit_refusal(&t->call, &t->rank, r);
    if (refusal) {
        tui_message(t, true, "%s: %s", r->a.id, refusal);
        return;
    }
    struct form *f = form_new(_("Forfeit (R11.5)"));
    char won[32];
    amount_format(rr->amount, won, sizeof won);
    form_intro(f, _("%s %s is selected with %s won."), r->a.id, r->a.company, won);
    struct strlist promoted = {0};
    call_promotions(&t->call, r->a.id, &promoted);
    if (promoted.n) {
        char *list = strlist_join(&promoted, ", ");
        form_intro(f, _("If it forfeits, promoted from the waitlist: %s"), list);
        free(list);
    } else {
        form_intro(f, "%s",
                   _("If it forfeits, nobody is promoted (nothing on the waitlist fits)."));
    }
    strlist_free(&promoted);
    form_intro(f, _("Signed by %s; a forfeit is not undone."), tui_me(t)->name);
    form_add(f, FIELD_TEXT, _("Reason"), NULL);
    f->ctx = (void *)r; /* the call is not reloaded while the form is open */
    f->submit = forfeit_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}

/* ---- The final result (R14) ---- */

static void ids_with_outcome(struct form *f, const struct tui *t, enum outcome o, const char *label)
{
    struct strlist ids = {0};
    for (size_t i = 0; i < t->rank.n; i++)
        if (t->rank.rows[i].outcome == o)
            strlist_add(&ids, t->call.apps[t->rank.rows[i].app].a.id);
    char *list = ids.n ? strlist_join(&ids, ", ") : xstrdup("-");
    form_intro(f, "%s: %s", label, list);
    free(list);
    strlist_free(&ids);
}

static void finalize_check(struct tui *t, struct form *f)
{
    (void)t;
    struct form_field *yes = &f->fields[0];
    yes->note_bad = !yes->yes;
    snprintf(yes->note, sizeof yes->note, "%s",
             yes->yes ? _("✓ the result is signed as it stands")
                      : _("✗ yes signs it; Esc leaves it unsigned"));
}

static int finalize_submit(struct tui *t, struct form *f)
{
    char at[21];
    int revision = 0, w = store_begin(t->store)
                              ? -1
                              : write_result(t->store, &t->call, tui_me(t), &t->key, at, &revision);
    if (w > 0) {
        store_rollback(t->store);
        tui_message(t, false,
                    _("revision %d of the final result stands: no amendment changed "
                      "an outcome since; nothing was signed"),
                    revision);
        return 0;
    }
    if (w < 0 || store_commit(t->store))
        return write_failed(t, f, _("finalize"));
    char kst[40];
    time_korea(at, kst, sizeof kst);
    if (revision > 1)
        tui_changed(t, _("revision %d of the final result signed by %s at %s"), revision,
                    tui_me(t)->name, kst);
    else
        tui_changed(t, _("the result is final, signed by %s at %s; only amendments now (R11.6)"),
                    tui_me(t)->name, kst);
    return 0;
}

void board_finalize(struct tui *t, const struct final_state *fin)
{
    if (!board_may_change(t, fin, true))
        return;
    const char *refusal = call_finalize_refusal(&t->rank);
    if (refusal) {
        tui_message(t, true, _("%s (t orders a tie)"), refusal);
        return;
    }
    /* After the first result (R11.6): the revision to sign, the amendments since the last one
     * and who they promote, before anything is signed. */
    struct strlist texts = {0}, changes = {0};
    struct revision prev = {0};
    const char *why = NULL;
    if (fin->final && store_result_texts(t->store, &texts) == 0 && texts.n &&
        revision_parse(texts.v[texts.n - 1], (int)texts.n, &prev, &why) == 0) {
        struct rank_result full = {0};
        call_rank(&t->call, &full);
        revision_changes(&t->call, &full, &prev, &changes);
        rank_result_free(&full);
    }
    strlist_free(&texts);
    if (fin->final && !changes.n) {
        tui_message(t, false,
                    _("revision %d of the final result stands: no amendment changed "
                      "an outcome since; nothing to sign"),
                    prev.number ? prev.number : fin->count);
        revision_free(&prev);
        return;
    }
    struct form *f = form_new(fin->final ? _("Sign a new revision of the final result (R11.6)")
                                         : _("Sign the final result (R14)"));
    if (fin->final) {
        form_intro(f, _("Revision %d, after revision %d; changed since:"), prev.number + 1,
                   prev.number);
        for (size_t i = 0; i < changes.n; i++)
            form_intro(f, "  %s", changes.v[i]);
    }
    strlist_free(&changes);
    revision_free(&prev);
    char *counts = outcome_counts(&t->rank);
    form_intro(f, "%s", counts);
    free(counts);
    ids_with_outcome(f, t, OUTCOME_SELECTED, _("Selected"));
    ids_with_outcome(f, t, OUTCOME_WAITLISTED, _("Waitlisted"));
    ids_with_outcome(f, t, OUTCOME_FORFEITED, _("Forfeited"));
    form_intro(f,
               _("Every ranked row is signed by %s as it stands; afterwards the board is "
                 "read-only."),
               tui_me(t)->name);
    form_add(f, FIELD_YESNO, _("Sign the result"), "no");
    f->check = finalize_check;
    f->submit = finalize_submit;
    f->submit_label = _("sign");
    tui_form_open(t, f);
}
