/* The document review sheet (R2–R5: each document's issue date and validity, eligibility facts,
 * disqualifier answers, computed ratios, the decision and its reasons) and the site inspection
 * sheet (R13). */
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "db/report_read.h"
#include "reports/book.h"

static const char *const review_head[] = {
    N_("application"), N_("company"),  N_("founded"), N_("head office"),
    N_("factory"),     N_("industry"), N_("size"),    N_("supplier in both pools"),
};
#define REVIEW_HEAD (sizeof review_head / sizeof review_head[0])

static const char *const review_tail[] = {
    N_("unanswered"), N_("figures and notes"), N_("decision"), N_("reasons"), N_("checked now"),
};

/* Lines of a list ("a\nb") on one line ("a; b"); caller frees. */
static char *one_line(const char *text, const char *sep)
{
    struct strlist parts = {0};
    char *copy = xstrdup(text ? text : ""), *save = NULL;
    for (char *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
        strlist_add(&parts, t);
    char *joined = strlist_join(&parts, sep);
    strlist_free(&parts);
    free(copy);
    return joined;
}

static void review_headers(struct book *b, struct sheet_out *s)
{
    const struct program *p = &b->c->program;
    header_row(b, s, 0, review_head, REVIEW_HEAD);
    lxw_col_t c = REVIEW_HEAD;
    for (size_t i = 0; i < p->n_docs; i++) {
        const struct doc_def *d = &p->docs[i];
        char *issued = xasprintf("%d %s", d->number, book_lang(b, d->name_ko, d->name_en));
        char *status = xasprintf(_("document %d status"), d->number);
        header_cell(b, s, 0, c++, issued);
        header_cell(b, s, 0, c++, status);
        free(issued);
        free(status);
    }
    for (size_t i = 0; i < p->n_dqs; i++) {
        char *label = xasprintf(_("disqualifier %s"), p->dqs[i].id);
        header_cell(b, s, 0, c++, label);
        free(label);
    }
    for (size_t i = 0; i < sizeof review_tail / sizeof review_tail[0]; i++)
        header_cell(b, s, 0, c++, _(review_tail[i]));
}

static void review_facts(struct book *b, struct sheet_out *s, lxw_row_t r,
                         const struct application *a)
{
    cell_text(b, s, r, 0, a->id, NULL);
    cell_text(b, s, r, 1, a->company, NULL);
    cell_date(b, s, r, 2, a->founded);
    cell_text(b, s, r, 3, a->region, NULL);
    cell_text(b, s, r, 4, a->factory_region, NULL);
    cell_text(b, s, r, 5, a->industry, NULL);
    cell_text(b, s, r, 6, size_label(a->size), NULL);
    cell_text(b, s, r, 7, a->supplier_pools ? _("yes") : _("no"), NULL);
}

static char *dq_answer_text(const struct dq_check *q)
{
    if (q->answer == ANSWER_NONE)
        return xstrdup(_("unanswered"));
    const char *word = q->answer == ANSWER_YES ? _("yes") : _("no");
    if (q->note && *q->note)
        return xasprintf("%s (%s)", word, q->note);
    return xstrdup(word);
}

static const char *decision_label(enum review_state s)
{
    return s == REVIEW_NONE ? _("not yet decided") : s == REVIEW_PASSED ? _("passed") : _("failed");
}

static void review_row(struct book *b, struct sheet_out *s, lxw_row_t r,
                       const struct app_record *rec)
{
    struct report_review rv;
    report_review(b->c, rec, &rv);
    review_facts(b, s, r, &rec->a);
    lxw_col_t c = REVIEW_HEAD;
    for (size_t i = 0; i < rv.n_docs; i++, c += 2) {
        if (rv.docs[i].submitted)
            cell_date(b, s, r, c, rv.docs[i].issued);
        cell_text(b, s, r, c + 1, doc_status_label(rv.docs[i].status), NULL);
    }
    for (size_t i = 0; i < rv.n_dqs; i++, c++) {
        char *answer = dq_answer_text(&rv.dqs[i]);
        cell_text(b, s, r, c, answer, NULL);
        free(answer);
    }
    char *unanswered = strlist_join(&rv.now.unanswered, ", ");
    char *notes = strlist_join(&rv.now.notes, "; ");
    char *reasons = one_line(rec->review_reasons, "; ");
    char *now_reasons = strlist_join(&rv.now.reasons, "; ");
    char *now = rv.now.passed ? xstrdup(_("passes")) : xasprintf("%s: %s", _("fails"), now_reasons);
    cell_text(b, s, r, c, unanswered, NULL);
    cell_text(b, s, r, c + 1, notes, NULL);
    cell_text(b, s, r, c + 2, decision_label(rec->review), NULL);
    cell_text(b, s, r, c + 3, reasons, NULL);
    cell_text(b, s, r, c + 4, now, NULL);
    free(unanswered);
    free(notes);
    free(reasons);
    free(now_reasons);
    free(now);
    report_review_free(&rv);
}

void sheet_review(struct book *b, struct sheet_out *s)
{
    const struct program *p = &b->c->program;
    review_headers(b, s);
    book_stage(b, s->name, b->c->n_apps);
    for (size_t i = 0; i < b->c->n_apps; i++) {
        review_row(b, s, (lxw_row_t)i + 1, &b->c->apps[i]);
        book_step(b);
    }
    lxw_col_t last = (lxw_col_t)(REVIEW_HEAD + 2 * p->n_docs + p->n_dqs +
                                 sizeof review_tail / sizeof review_tail[0] - 1);
    sheet_table_end(b, s, (lxw_row_t)b->c->n_apps, last, 2);
}

/* ---- site inspections (R13) ---- */

static const char *const inspection_head[] = {
    N_("application"), N_("company"), N_("date"),        N_("team"),        N_("facts checked"),
    N_("findings"),    N_("notes"),   N_("recorded by"), N_("recorded at"),
};

struct inspection_ctx {
    struct book *b;
    struct sheet_out *s;
    lxw_row_t r;
};

static void inspection_row(const char *app, const struct app_inspection *in, void *arg)
{
    struct inspection_ctx *x = arg;
    struct book *b = x->b;
    struct sheet_out *s = x->s;
    lxw_row_t r = ++x->r;
    const struct app_record *rec = call_find_app(b->c, app);
    const struct person *who = call_person_by_id(b->c, in->signer);
    cell_text(b, s, r, 0, app, NULL);
    cell_text(b, s, r, 1, rec ? rec->a.company : "", NULL);
    cell_text(b, s, r, 2, in->date, NULL);
    char *team = one_line(in->team, ", "), *facts = one_line(in->facts, "; ");
    char *findings = one_line(in->findings, "; ");
    cell_text(b, s, r, 3, team, NULL);
    cell_text(b, s, r, 4, facts, NULL);
    cell_text(b, s, r, 5, findings, NULL);
    cell_text(b, s, r, 6, in->notes, b->f.wrap);
    cell_text(b, s, r, 7, who ? who->name : "?", NULL);
    cell_text(b, s, r, 8, in->at, NULL);
    free(team);
    free(facts);
    free(findings);
}

void sheet_inspections(struct book *b, struct sheet_out *s)
{
    header_row(b, s, 0, inspection_head, sizeof inspection_head / sizeof inspection_head[0]);
    struct inspection_ctx x = {.b = b, .s = s};
    book_stage(b, s->name, 0);
    if (store_inspections_each(b->st, inspection_row, &x) < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    if (x.r == 0)
        cell_note(b, s, 1, 0, _("no site inspection is recorded"), NULL);
    sheet_table_end(b, s, x.r, (lxw_col_t)(sizeof inspection_head / sizeof inspection_head[0] - 1),
                    0);
}
