/* One application in tabs: information, documents and eligibility (live from call_review and
 * doc_is_valid_on), site inspections, scores, amount and result (the rank row), history (the
 * audit events). The changes the secretariat makes here are forms of app_edit.c. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/parse.h"
#include "core/session.h"
#include "db/events.h"
#include "tui/app_edit.h"
#include "tui/draw.h"
#include "tui/page.h"
#include "tui/scoreform.h"
#include "tui/screen.h"

enum tab { TAB_INFO, TAB_DOCS, TAB_INSPECTION, TAB_SCORES, TAB_RESULT, TAB_HISTORY, TAB_COUNT };

static const char *const tab_names[TAB_COUNT] = {
    [TAB_INFO] = N_("Information"),       [TAB_DOCS] = N_("Docs & eligibility"),
    [TAB_INSPECTION] = N_("Inspection"),  [TAB_SCORES] = N_("Scores"),
    [TAB_RESULT] = N_("Amount & result"), [TAB_HISTORY] = N_("History"),
};

struct app_view {
    char *id;   /* survives a reload, which may move the index */
    size_t app; /* into t->call.apps */
    bool gone;  /* no longer in the database after a reload */
    enum tab tab;
    struct page page;
    int tab_x[TAB_COUNT + 1]; /* where each tab starts on the tab bar, for clicks */
};

static const char *mark(bool ok)
{
    return ok ? "✓" : "✗";
}

/* The widest of the translated labels, so values line up in any language. */
static int labels_width(const char *const *labels, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++) {
        int lw = text_width(_(labels[i]));
        if (lw > w)
            w = lw;
    }
    return w;
}

/* ---- Information ---- */

static char *panel_text(const struct call *c, const struct app_record *r)
{
    int64_t *judges;
    size_t n = call_app_judges(c, r, &judges);
    struct strlist names = {0};
    for (size_t i = 0; i < n; i++) {
        const struct person *p = call_person_by_id(c, judges[i]);
        strlist_add(&names, p ? p->name : "?");
    }
    free(judges);
    char *list = strlist_join(&names, ", ");
    strlist_free(&names);
    const char *panel = NULL;
    for (size_t i = 0; i < c->n_panels; i++)
        if (c->panels[i].id == r->panel)
            panel = c->panels[i].name;
    char *s = panel ? xasprintf("%s: %s", panel, list)
                    : xasprintf(_("every judge (no panel set): %s"), list);
    free(list);
    return s;
}

static void info_tab(struct page *pg, const struct tui *t, const struct app_record *r)
{
    static const char *const labels[] = {
        N_("Title"),    N_("Company"),   N_("Business no."), N_("Size"),
        N_("Founded"),  N_("Region"),    N_("Factory"),      N_("Industry"),
        N_("Supplier"), N_("Requested"), N_("Co-payment"),   N_("Contact"),
        N_("Received"), N_("Stage"),     N_("Panel"),        N_("Site inspection"),
    };
    const struct application *a = &r->a;
    int w = labels_width(labels, sizeof labels / sizeof labels[0]);
    char req[32], copay[32], founded[11], received[17], biz[16];
    amount_format(a->requested, req, sizeof req);
    amount_format(a->copay, copay, sizeof copay);
    date_format(a->founded, founded);
    if (a->received_has_time)
        datetime_format(a->received, received);
    else
        date_format(datetime_date(a->received), received);
    snprintf(biz, sizeof biz, "%.3s-%.2s-%.5s", a->biz_no, a->biz_no + 3, a->biz_no + 5);
    char *v[16] = {
        xstrdup(a->title),
        xstrdup(a->company),
        xstrdup(biz),
        xstrdup(size_label(a->size)),
        xstrdup(founded),
        xstrdup(a->region),
        xstrdup(*a->factory_region ? a->factory_region : "-"),
        xstrdup(a->industry),
        xasprintf(_("%s (%s); in both supplier pools: %s"), a->supplier,
                  *a->supplier_region ? a->supplier_region : "-",
                  a->supplier_pools ? _("yes") : _("no")),
        xasprintf(_("%s won"), req),
        xasprintf(_("%s won"), copay),
        xasprintf("%s <%s>", a->contact_name, a->contact_email),
        xasprintf("%s (%s)", received,
                  received_in_window(&t->call.program, a->received, a->received_has_time)
                      ? _("on time")
                      : _("outside the application window (R1)")),
        xstrdup(stage_label(call_app_stage(&t->call, r))),
        panel_text(&t->call, r),
        xstrdup(r->inspected ? _("recorded") : _("none recorded")),
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        page_field(pg, w, _(labels[i]), v[i]);
        free(v[i]);
    }
}

/* ---- Documents and eligibility ---- */

static void decision_lines(struct page *pg, const struct app_record *r)
{
    const char *decided = r->review == REVIEW_NONE     ? _("not yet decided")
                          : r->review == REVIEW_PASSED ? _("passed")
                                                       : _("failed");
    page_addf(pg, STYLE_STRONG, 0, _("Recorded decision: %s"), decided);
    if (r->review == REVIEW_FAILED && r->review_reasons && *r->review_reasons) {
        char *copy = xstrdup(r->review_reasons);
        for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n"))
            page_addf(pg, STYLE_NORMAL, 4, "  - %s", line);
        free(copy);
    }
}

static void live_review_lines(struct page *pg, const struct tui *t, const struct app_record *r)
{
    struct review_result res = {0};
    call_review(&t->call, r, &res);
    page_addf(pg, res.passed ? STYLE_GOOD : STYLE_BAD, 0, "%s %s", mark(res.passed),
              res.passed ? _("Eligible now: documents and rules R2-R5 pass")
                         : _("Not eligible now:"));
    for (size_t i = 0; i < res.reasons.n; i++)
        page_addf(pg, STYLE_BAD, 4, "  %s %s", mark(false), res.reasons.v[i]);
    for (size_t i = 0; i < res.notes.n; i++)
        page_addf(pg, STYLE_DIM, 4, "  - %s", res.notes.v[i]);
    for (size_t i = 0; i < res.unanswered.n; i++)
        page_addf(pg, STYLE_NORMAL, 4, _("  ? unanswered: %s"), res.unanswered.v[i]);
    review_result_free(&res);
}

static const struct submitted_doc *doc_of(const struct app_record *r, int number)
{
    for (size_t i = 0; i < r->n_docs; i++)
        if (r->docs[i].number == number)
            return &r->docs[i];
    return NULL;
}

static void document_lines(struct page *pg, const struct tui *t, const struct app_record *r)
{
    const struct program *p = &t->call.program;
    char from[11], to[11];
    date_format(p->docs_issued_after, from);
    date_format(datetime_date(p->deadline), to);
    page_addf(pg, STYLE_HEADER, 0, _("Documents (valid when issued %s to %s, R2.1)"), from, to);
    bool exempt = startup_exempt(p, r->a.founded);
    for (size_t i = 0; i < p->n_docs; i++) {
        const struct doc_def *def = &p->docs[i];
        const struct submitted_doc *sub = doc_of(r, def->number);
        const char *name = tui_lang(t, def->name_ko, def->name_en);
        char issued[11] = "-";
        const char *sign = "-", *need = def->required ? _("required") : _("optional");
        int style = STYLE_NORMAL;
        if (sub) {
            date_format(sub->issued, issued);
            bool valid = doc_is_valid_on(p, sub->issued);
            sign = mark(valid);
            style = valid ? STYLE_GOOD : STYLE_BAD;
        } else if (def->required && def->startup_exempt && exempt) {
            need = _("exempt (R2.2)");
        } else if (def->required) {
            sign = mark(false);
            style = STYLE_BAD;
            need = _("missing");
        }
        char *padded = text_pad(need, 14, ALIGN_LEFT);
        page_addf(pg, style, 33, "  %s %2d %-10s %s %s", sign, def->number, issued, padded, name);
        free(padded);
    }
}

static const char *answer_text(enum answer a)
{
    return a == ANSWER_YES ? _("yes") : a == ANSWER_NO ? _("no") : _("unanswered");
}

static void checklist_lines(struct page *pg, const struct tui *t, const struct app_record *r)
{
    const struct program *p = &t->call.program;
    page_add(pg, STYLE_HEADER, 0, _("Disqualifiers (R4): does any hold?"));
    for (size_t i = 0; i < p->n_dqs; i++) {
        const struct disqualifier_def *dq = &p->dqs[i];
        enum answer answer = ANSWER_NONE;
        const char *note = "";
        for (size_t k = 0; k < r->n_answers; k++) {
            if (strcmp(r->answers[k].item, dq->id) == 0) {
                answer = r->answers[k].answer;
                note = r->answers[k].note ? r->answers[k].note : "";
            }
        }
        char *ans = text_pad(answer_text(answer), 10, ALIGN_LEFT);
        page_addf(pg, answer == ANSWER_YES ? STYLE_BAD : STYLE_NORMAL, 18, "  %-4s %s %s%s%s",
                  dq->id, ans, tui_lang(t, dq->text_ko, dq->text_en), *note ? " - " : "", note);
        free(ans);
    }
    for (size_t i = 0; i < r->n_finance; i++) {
        const struct finance_year *f = &r->finance[i];
        char l[32], e[32], ca[32], cl[32];
        amount_format(f->liabilities, l, sizeof l);
        amount_format(f->equity < 0 ? -f->equity : f->equity, e, sizeof e);
        amount_format(f->current_assets, ca, sizeof ca);
        amount_format(f->current_liabilities, cl, sizeof cl);
        page_addf(pg, STYLE_DIM, 8,
                  _("  %d: liabilities %s, equity %s%s, current assets %s, current liabilities %s"),
                  f->year, l, f->equity < 0 ? "-" : "", e, ca, cl);
    }
}

static void docs_tab(struct page *pg, const struct tui *t, const struct app_record *r)
{
    decision_lines(pg, r);
    live_review_lines(pg, t, r);
    page_add(pg, STYLE_NORMAL, 0, "");
    document_lines(pg, t, r);
    page_add(pg, STYLE_NORMAL, 0, "");
    checklist_lines(pg, t, r);
}

/* ---- Scores ---- */

#define JUDGE_COLS 12

static int item_cols(const struct rubric_item *item)
{
    int w = text_width(item->id);
    return w < 4 ? 4 : w;
}

static void sheet_header(struct page *pg, const struct program *p)
{
    char *line = text_pad(_("judge"), JUDGE_COLS, ALIGN_LEFT);
    for (size_t k = 0; k < p->n_items; k++) {
        char *cell = text_pad(p->items[k].id, item_cols(&p->items[k]), ALIGN_RIGHT);
        char *longer = xasprintf("%s %s", line, cell);
        free(line);
        free(cell);
        line = longer;
    }
    char *total = text_pad(_("total"), 6, ALIGN_RIGHT);
    char *amount = text_pad(_("amount"), 12, ALIGN_RIGHT);
    page_addf(pg, STYLE_HEADER, 0, "  %s %s %s", line, total, amount);
    free(amount);
    free(total);
    free(line);
}

static void sheet_line(struct page *pg, const struct tui *t, const struct app_record *r,
                       const struct app_sheet *s)
{
    const struct program *p = &t->call.program;
    const struct person *judge = call_person_by_id(&t->call, s->s.judge);
    char *line = text_pad(judge ? judge->name : "?", JUDGE_COLS, ALIGN_LEFT);
    for (size_t k = 0; k < p->n_items; k++) {
        char score[16];
        scaled_format(s->s.item_tenths[k], 1, score, sizeof score); /* "8.0": points line up */
        char *cell = text_pad(score, item_cols(&p->items[k]), ALIGN_RIGHT);
        char *longer = xasprintf("%s %s", line, cell);
        free(line);
        free(cell);
        line = longer;
    }
    char sum[16], amount[32];
    scaled_format(sheet_total(p, &s->s), 1, sum, sizeof sum);
    if (s->s.agree)
        snprintf(amount, sizeof amount, "%s", _("agree"));
    else
        amount_format(s->s.amount, amount, sizeof amount);
    char *amount_cell = text_pad(amount, 12, ALIGN_RIGHT);
    /* R6.3, R6.4: a sheet of a judge off the panel or in conflict is kept but not counted. */
    bool counted = sheet_is_counted(&t->call, r, &s->s);
    page_addf(pg, counted ? STYLE_NORMAL : STYLE_DIM, 4, "  %s %6s %s%s%s", line, sum, amount_cell,
              s->s.transcribed ? _(" (transcribed)") : "", counted ? "" : _(" (not counted)"));
    free(amount_cell);
    free(line);
}

static void waiting_line(struct page *pg, const struct call *c, const struct app_record *r)
{
    int64_t *judges;
    size_t n = call_app_judges(c, r, &judges);
    struct strlist waiting = {0};
    for (size_t i = 0; i < n; i++) {
        if (call_sheet_of(r, judges[i]) || call_has_conflict(r, judges[i]))
            continue;
        const struct person *p = call_person_by_id(c, judges[i]);
        strlist_add(&waiting, p ? p->name : "?");
    }
    free(judges);
    page_addf(pg, STYLE_NORMAL, 2, _("Sheets: %zu submitted; panel of %zu judges"), r->n_sheets, n);
    if (waiting.n) {
        char *list = strlist_join(&waiting, ", ");
        page_addf(pg, STYLE_NORMAL, 2, _("Waiting for: %s"), list);
        free(list);
    }
    strlist_free(&waiting);
}

static void scores_tab(struct page *pg, const struct tui *t, const struct app_record *r)
{
    const struct call *c = &t->call;
    waiting_line(pg, c, r);
    if (tui_scores_hidden(t, r)) {
        page_add(pg, STYLE_NORMAL, 0, "");
        page_add(pg, STYLE_DIM, 0,
                 _("The judges' scores are hidden until you have submitted your own sheet."));
        return;
    }
    page_add(pg, STYLE_NORMAL, 0, "");
    if (r->n_sheets) {
        sheet_header(pg, &c->program);
        for (size_t i = 0; i < r->n_sheets; i++)
            sheet_line(pg, t, r, &r->sheets[i]);
        page_add(pg, STYLE_NORMAL, 0, "");
    }
    for (size_t i = 0; i < r->n_conflicts; i++) {
        const struct person *j = call_person_by_id(c, r->conflicts[i]);
        page_addf(pg, STYLE_NORMAL, 2, _("%s declared a conflict of interest (R6.4)"),
                  j ? j->name : "?");
    }
    for (size_t i = 0; i < r->n_bonuses; i++) {
        const struct bonus_def *b = program_bonus(&c->program, r->bonuses[i]);
        char points[16] = "?";
        if (b)
            tenths_format(b->points_tenths, points, sizeof points);
        page_addf(pg, STYLE_NORMAL, 2, _("Bonus (R8): %s +%s"),
                  b ? tui_lang(t, b->name_ko, b->name_en) : r->bonuses[i], points);
    }
    bool heading = false;
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!s->s.opinion || !*s->s.opinion)
            continue;
        if (!heading) {
            page_add(pg, STYLE_NORMAL, 0, "");
            page_add(pg, STYLE_HEADER, 0, _("Opinions"));
            heading = true;
        }
        const struct person *j = call_person_by_id(c, s->s.judge);
        page_addf(pg, STYLE_NORMAL, 4, "  %s: %s", j ? j->name : "?", s->s.opinion);
    }
}

/* ---- Amount and result ---- */

/* After the result: the plan revision (R12.1) and the agreement with the dates it sets (R12.3);
 * v and A change them. */
static void after_result_lines(struct page *pg, const struct tui *t, const struct app_record *r,
                               int w)
{
    struct plan_state plan = {0};
    if (store_plan_latest(t->store, r->a.id, &plan) == 0 && plan.exists) {
        char *s = plan.made ? xasprintf(_("made (required by %s: %s)"), plan.due, plan.requirement)
                  : r->forfeited ? xasprintf(_("not made (required by %s: %s); forfeited"),
                                             plan.due, plan.requirement)
                                 : xasprintf(_("required by %s: %s"), plan.due, plan.requirement);
        page_field(pg, w, _("Plan"), s);
        free(s);
    }
    free(plan.due);
    free(plan.requirement);
    if (r->agreed) {
        char day[11], dates[200];
        date_format(r->agreed, day);
        app_agreement_text(&t->call.program, r->agreed, dates, sizeof dates);
        char *s = xasprintf("%s: %s", day, dates);
        page_field(pg, w, _("Agreement"), s);
        free(s);
    }
}

static void result_tab(struct page *pg, const struct tui *t, const struct app_record *r, size_t app)
{
    if (tui_scores_hidden(t, r)) {
        page_add(pg, STYLE_DIM, 0,
                 _("The result is hidden until you have submitted your own sheet."));
        return;
    }
    static const char *const labels[] = {N_("Band"), N_("Outcome"),   N_("Rank"),   N_("Score"),
                                         N_("Why"),  N_("Requested"), N_("Amount"), N_("How"),
                                         N_("Plan"), N_("Agreement")};
    int w = labels_width(labels, sizeof labels / sizeof labels[0]);
    const struct rank_row *row = tui_rank_row(t, app);
    if (!row) {
        page_add(pg, STYLE_DIM, 0, _("No result: the ranking does not list this application."));
        return;
    }
    int decimals = t->call.program.decimals;
    page_field(pg, w, _("Band"), band_label(row->band));
    page_field(pg, w, _("Outcome"), outcome_label(row->outcome));
    char *s;
    if (row->rank > 0) {
        s = row->tie_group
                ? xasprintf(_("%d (tied; %s)"), row->rank,
                            row->tie_resolved ? _("ordered by the committee") : _("unresolved"))
                : xasprintf("%d", row->rank);
        page_field(pg, w, _("Rank"), s);
        free(s);
    }
    if (row->has_result) {
        char base[32], bonus[16], fin[32];
        scaled_format(row->base, decimals, base, sizeof base);
        tenths_format(row->bonus_tenths, bonus, sizeof bonus);
        scaled_format(row->final, decimals, fin, sizeof fin);
        s = xasprintf(_("base %s + bonus %s = final %s, from %d sheets"), base, bonus, fin,
                      row->n_sheets);
        page_field(pg, w, _("Score"), s);
        free(s);
    }
    page_field(pg, w, _("Why"), row->reason ? row->reason : "");
    char won[32];
    amount_format(r->a.requested, won, sizeof won);
    s = xasprintf(_("%s won"), won);
    page_field(pg, w, _("Requested"), s);
    free(s);
    if (row->has_amount) {
        amount_format(row->amount, won, sizeof won);
        s = xasprintf(_("%s won"), won);
        page_field(pg, w, _("Amount"), s);
        free(s);
        page_field(pg, w, _("How"), row->amount_reason ? row->amount_reason : "");
    }
    after_result_lines(pg, t, r, w);
}

/* Lines of a stored list (one item per line), each as "  - item". */
static void list_lines(struct page *pg, const char *label, const char *list)
{
    if (!list || !*list)
        return;
    page_addf(pg, STYLE_STRONG, 2, "  %s", label);
    char *copy = xstrdup(list), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        page_addf(pg, STYLE_NORMAL, 6, "    - %s", line);
    free(copy);
}

static void inspection_tab(struct page *pg, struct tui *t, const struct app_record *r)
{
    struct app_inspection *v;
    size_t n;
    if (store_app_inspections(t->store, r->a.id, &v, &n) < 0) {
        page_addf(pg, STYLE_ALERT, 0, "%s", store_errmsg(t->store));
        return;
    }
    if (!n)
        page_add(pg, STYLE_DIM, 0, _("No site inspection recorded (R13). i records one."));
    for (size_t i = 0; i < n; i++) {
        const struct person *who = call_person_by_id(&t->call, v[i].signer);
        char *team = xstrdup(v[i].team);
        for (char *c = team; *c; c++)
            if (*c == '\n')
                *c = ',';
        page_addf(pg, STYLE_HEADER, 0, _("Inspection of %s, team %s"), v[i].date, team);
        free(team);
        list_lines(pg, _("Facts checked"), v[i].facts);
        list_lines(pg, _("Findings"), v[i].findings);
        if (*v[i].notes) {
            page_addf(pg, STYLE_STRONG, 2, "  %s", _("Notes"));
            char *copy = xstrdup(v[i].notes), *save = NULL;
            for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
                page_addf(pg, STYLE_NORMAL, 4, "    %s", l);
            free(copy);
        }
        char kst[40];
        time_korea(v[i].at, kst, sizeof kst);
        page_addf(pg, STYLE_DIM, 2, _("  signed by %s at %s"), who ? who->name : "?", kst);
        page_add(pg, STYLE_NORMAL, 0, "");
    }
    app_inspections_free(v, n);
}

static void history_tab(struct page *pg, struct tui *t, const struct app_record *r)
{
    struct app_event *v;
    size_t n;
    if (store_app_events(t->store, r->a.id, &v, &n) < 0) {
        page_addf(pg, STYLE_ALERT, 0, "%s", store_errmsg(t->store));
        return;
    }
    page_add(pg, STYLE_HEADER, 0, _("From the audit log: who recorded what, and when (UTC)"));
    for (size_t i = 0; i < n; i++) {
        /* A signed record's event ends with " #digest": shown as "signed". */
        char *detail = xstrdup(v[i].detail), *hash = strstr(detail, " #");
        bool is_signed = hash && strlen(hash) > 2 && !strchr(hash + 2, ' ');
        if (is_signed)
            *hash = '\0';
        for (char *c = detail; *c; c++)
            if (*c == '\n')
                *c = ' ';
        page_addf(pg, STYLE_NORMAL, 26, "%5lld %s %s %s: %s%s", (long long)v[i].seq, v[i].at,
                  v[i].actor, event_kind_label(v[i].kind), detail, is_signed ? _(" (signed)") : "");
        free(detail);
    }
    app_events_free(v, n);
}

/* ---- The screen ---- */

static void app_build(struct tui *t, struct app_view *v)
{
    struct app_record *r = &t->call.apps[v->app];
    page_clear(&v->page);
    /* A pinned or signed-in judge sees nothing of an application outside their panel or with
     * their declared conflict (issue 15). */
    if (session_visibility(&t->call, r, tui_viewer(t)) == SEE_NOTHING) {
        page_add(&v->page, STYLE_DIM, 0,
                 _("Not shown: this application is outside your panel, or you declared a "
                   "conflict of interest on it."));
        return;
    }
    switch (v->tab) {
    case TAB_INFO:
        info_tab(&v->page, t, r);
        break;
    case TAB_DOCS:
        docs_tab(&v->page, t, r);
        break;
    case TAB_INSPECTION:
        inspection_tab(&v->page, t, r);
        break;
    case TAB_SCORES:
        scores_tab(&v->page, t, r);
        break;
    case TAB_RESULT:
        result_tab(&v->page, t, r, v->app);
        break;
    case TAB_HISTORY:
    case TAB_COUNT:
        history_tab(&v->page, t, r);
        break;
    }
}

static void *app_open(struct tui *t, const void *arg)
{
    struct app_view *v = xcalloc(1, sizeof *v);
    v->app = *(const size_t *)arg;
    v->id = xstrdup(t->call.apps[v->app].a.id);
    app_build(t, v);
    return v;
}

static void app_close(void *state)
{
    struct app_view *v = state;
    page_free(&v->page);
    free(v->id);
    free(v);
}

static void app_reload(struct tui *t, void *state)
{
    struct app_view *v = state;
    const struct app_record *r = call_find_app(&t->call, v->id);
    v->gone = !r;
    if (r) {
        v->app = (size_t)(r - t->call.apps);
        app_build(t, v);
    }
}

static void tabs_draw(const struct tui *t, struct app_view *v, int y, int x, int width)
{
    int at = x;
    for (int i = 0; i < TAB_COUNT; i++) {
        char *label = xasprintf(" %d %s ", i + 1, _(tab_names[i]));
        v->tab_x[i] = at;
        int style = i == (int)v->tab ? STYLE_SELECTED : STYLE_NORMAL;
        at += draw_text(y, at, label, x + width - at, tui_attr(t, style)) + 1;
        free(label);
    }
    v->tab_x[TAB_COUNT] = at;
}

static void app_draw(struct tui *t, void *state, const struct area *body)
{
    struct app_view *v = state;
    if (v->gone) {
        draw_text(body->top, body->left, _("This application is no longer in the database."),
                  body->width, tui_attr(t, STYLE_ALERT));
        return;
    }
    const struct app_record *r = &t->call.apps[v->app];
    const struct rank_row *row = tui_rank_row(t, v->app);
    const char *stage = stage_label(call_app_stage(&t->call, r));
    const char *outcome = row ? outcome_label(row->outcome) : "";
    bool same = strcmp(stage, outcome) == 0; /* "ineligible" is both */
    char *head = xasprintf("%s  %s  [%s%s%s]", r->a.id, r->a.company, stage,
                           *outcome && !same ? ", " : "", same ? "" : outcome);
    draw_text(body->top, body->left, head, body->width, tui_attr(t, STYLE_STRONG));
    free(head);
    tabs_draw(t, v, body->top + 1, body->left, body->width);
    struct area rest = {
        .top = body->top + 3, .left = body->left, .height = body->height - 3, .width = body->width};
    page_draw(&v->page, t, &rest);
}

static void tab_switch(struct tui *t, struct app_view *v, int tab)
{
    v->tab = (enum tab)((tab + TAB_COUNT) % TAB_COUNT);
    v->page.top = 0;
    app_build(t, v);
}

static enum result app_key(struct tui *t, void *state, enum action a)
{
    struct app_view *v = state;
    if (v->gone)
        return RESULT_UNHANDLED;
    switch (a) {
    case ACTION_NEXT_TAB:
    case ACTION_RIGHT:
        tab_switch(t, v, (int)v->tab + 1);
        return RESULT_HANDLED;
    case ACTION_PREV_TAB:
    case ACTION_LEFT:
        tab_switch(t, v, (int)v->tab - 1);
        return RESULT_HANDLED;
    case ACTION_TAB_1:
    case ACTION_TAB_2:
    case ACTION_TAB_3:
    case ACTION_TAB_4:
    case ACTION_TAB_5:
    case ACTION_TAB_6:
        tab_switch(t, v, (int)(a - ACTION_TAB_1));
        return RESULT_HANDLED;
    case ACTION_EDIT:
        app_edit_document(t, v->app);
        return RESULT_HANDLED;
    case ACTION_ANSWER:
        app_edit_answer(t, v->app);
        return RESULT_HANDLED;
    case ACTION_DECIDE:
        app_edit_decide(t, v->app);
        return RESULT_HANDLED;
    case ACTION_INSPECT:
        app_edit_inspection(t, v->app);
        return RESULT_HANDLED;
    case ACTION_ASSIGN:
        app_edit_panel(t, v->app);
        return RESULT_HANDLED;
    case ACTION_BONUS:
        app_edit_bonus(t, v->app);
        return RESULT_HANDLED;
    case ACTION_PLAN:
        app_edit_plan(t, v->app);
        return RESULT_HANDLED;
    case ACTION_AGREE:
        app_edit_agreement(t, v->app);
        return RESULT_HANDLED;
    case ACTION_SCORE:
        scoreform_open(t, v->app);
        return RESULT_HANDLED;
    case ACTION_CLICK:
        for (int i = 0; i < TAB_COUNT && t->click_y == 1; i++)
            if (t->click_x >= v->tab_x[i] && t->click_x < v->tab_x[i + 1])
                tab_switch(t, v, i);
        return RESULT_HANDLED;
    default:
        return page_key(&v->page, a);
    }
}

static void app_info(struct tui *t, void *state, char *buf, size_t n)
{
    struct app_view *v = state;
    snprintf(buf, n, _("application %zu of %zu; tab %d of %d"), v->app + 1, t->call.n_apps,
             (int)v->tab + 1, TAB_COUNT);
}

static const struct binding app_bindings[] = {
    {.key = '\t', .action = ACTION_NEXT_TAB, .status = true},
    {.key = KEY_BTAB, .function = true, .action = ACTION_PREV_TAB},
    {.key = 'l', .action = ACTION_RIGHT, .help = N_("next tab")},
    {.key = KEY_RIGHT, .function = true, .action = ACTION_RIGHT},
    {.key = 'h', .action = ACTION_LEFT, .help = N_("previous tab")},
    {.key = KEY_LEFT, .function = true, .action = ACTION_LEFT},
    {.key = '1', .action = ACTION_TAB_1, .help = N_("information")},
    {.key = '2', .action = ACTION_TAB_2, .help = N_("documents and eligibility")},
    {.key = '3', .action = ACTION_TAB_3, .help = N_("site inspection")},
    {.key = '4', .action = ACTION_TAB_4, .help = N_("scores")},
    {.key = '5', .action = ACTION_TAB_5, .help = N_("amount and result")},
    {.key = '6', .action = ACTION_TAB_6, .help = N_("history")},
    {.key = 'e',
     .action = ACTION_EDIT,
     .status = true,
     .help = N_("enter a document's issue date")},
    {.key = 'c', .action = ACTION_ANSWER, .status = true},
    {.key = 'r', .action = ACTION_DECIDE, .status = true},
    {.key = 'i', .action = ACTION_INSPECT, .status = true},
    {.key = 'p', .action = ACTION_ASSIGN},
    {.key = 'B', .action = ACTION_BONUS},
    {.key = 'v', .action = ACTION_PLAN},
    {.key = 'A', .action = ACTION_AGREE},
    {.key = 'o', .action = ACTION_SCORE, .help = N_("open your score form (judges)")},
    {.action = ACTION_NONE},
};

const struct screen screen_app = {
    .name = N_("Application"),
    .open = app_open,
    .close = app_close,
    .draw = app_draw,
    .key = app_key,
    .reload = app_reload,
    .info = app_info,
    .actions = app_bindings,
};
