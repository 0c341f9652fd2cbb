/* Writing the workbook and the results CSV (see export.h): the sheets in their order, the
 * document properties, and the temporary file renamed only when everything was written. */
#include "reports/export.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/call.h"
#include "core/csv.h"
#include "core/file.h"
#include "core/i18n.h"
#include "reports/book.h"
#include "reports/results.h"

/* The sheets, in the workbook's order (names are msgids; each at most 31 characters). */
enum {
    SHEET_RESULTS,
    SHEET_CHART,
    SHEET_SCORES,
    SHEET_ITEM_MEANS,
    SHEET_REVIEW,
    SHEET_INSPECTIONS,
    SHEET_AMOUNTS,
    SHEET_NOTIFICATION,
    SHEET_CALIBRATION,
    SHEET_INTEGRITY,
    SHEET_SUMMARY,
    SHEET_NOTICES,
    SHEETS
};
static const char *const sheet_names[SHEETS] = {
    [SHEET_RESULTS] = N_("Results"),         [SHEET_CHART] = N_("Chart"),
    [SHEET_SCORES] = N_("Scores"),           [SHEET_ITEM_MEANS] = N_("Item means"),
    [SHEET_REVIEW] = N_("Document review"),  [SHEET_INSPECTIONS] = N_("Site inspections"),
    [SHEET_AMOUNTS] = N_("Amounts"),         [SHEET_NOTIFICATION] = N_("Notification"),
    [SHEET_CALIBRATION] = N_("Calibration"), [SHEET_INTEGRITY] = N_("Integrity"),
    [SHEET_SUMMARY] = N_("Results summary"), [SHEET_NOTICES] = N_("Notices"),
};

static void properties_set(struct book *b)
{
    const struct program *p = &b->c->program;
    char *title = xasprintf(_("%s: selection results"), book_lang(b, p->title_ko, p->title_en));
    lxw_doc_properties props = {
        .title = title,
        .subject = (char *)_("Selection results, scores and notification list"),
        .author = "simsa",
        .company = p->agency,
        .keywords = p->id,
        .created = b->o && b->o->created ? b->o->created : time(NULL),
    };
    workbook_set_properties(b->wb, &props);
    free(title);
}

/* Every sheet, filled in the order their contents need: the integrity checks first, since the
 * Scores sheet shows each sheet's signature check. */
/* The notices' sheets: NOTICES_PER_SHEET applicants each (at least one sheet). */
static size_t notice_sheets(const struct book *b)
{
    size_t n = b->rep->rank.n;
    return n ? (n + NOTICES_PER_SHEET - 1) / NOTICES_PER_SHEET : 1;
}

/* One sheet of a judge's score sheets: pages first..first+n-1 of theirs. */
struct papers_out {
    const struct person *judge;
    size_t first, n;
    struct sheet_out *s;
};

static void book_fill(struct book *b, struct sheet_out **sheets, struct sheet_out **notices,
                      struct sheet_out **forms, size_t n_forms, const struct person **judges,
                      const struct papers_out *papers, size_t n_papers)
{
    b->scores = sheets[SHEET_SCORES];
    b->results = sheets[SHEET_RESULTS];
    sheet_integrity(b, sheets[SHEET_INTEGRITY]);
    sheet_scores(b, sheets[SHEET_SCORES]);
    sheet_results(b, sheets[SHEET_RESULTS]);
    sheet_chart(b, sheets[SHEET_CHART]);
    sheet_item_means(b, sheets[SHEET_ITEM_MEANS]);
    sheet_review(b, sheets[SHEET_REVIEW]);
    sheet_inspections(b, sheets[SHEET_INSPECTIONS]);
    sheet_amounts(b, sheets[SHEET_AMOUNTS]);
    sheet_notification(b, sheets[SHEET_NOTIFICATION]);
    sheet_calibration(b, sheets[SHEET_CALIBRATION]);
    sheet_summary(b, sheets[SHEET_SUMMARY]);
    size_t n_notices = notice_sheets(b), apps = b->rep->rank.n;
    for (size_t i = 0; i < n_notices; i++) {
        size_t first = i * NOTICES_PER_SHEET, left = apps - (first < apps ? first : apps);
        sheet_notices(b, i ? notices[i - 1] : sheets[SHEET_NOTICES], first,
                      left < NOTICES_PER_SHEET ? left : NOTICES_PER_SHEET);
    }
    book_stage(b, _("score forms"), n_forms);
    for (size_t i = 0; i < n_forms; i++) {
        sheet_judge_form(b, forms[i], judges[i]);
        book_step(b);
    }
    book_stage(b, _("score sheets"), n_papers);
    paper_keys *keys = NULL;
    for (size_t i = 0; i < n_papers; i++) {
        if (i == 0 || papers[i].judge != papers[i - 1].judge) {
            free(keys);
            keys = judge_paper_keys(b, papers[i].judge);
        }
        sheet_judge_papers(b, papers[i].s, papers[i].judge, keys, papers[i].first, papers[i].n);
        book_step(b);
    }
    free(keys);
}

/* Each judge's score sheets, PAPERS_PER_SHEET pages a sheet (at least one sheet a judge). */
static struct papers_out *papers_sheets(struct book *b, const struct person **judges,
                                        size_t n_judges, size_t *n)
{
    size_t total = 0, *pages = xcalloc(n_judges + 1, sizeof *pages);
    for (size_t i = 0; i < n_judges; i++) {
        pages[i] = judge_papers_count(b->c, judges[i]->id);
        total += pages[i] ? (pages[i] + PAPERS_PER_SHEET - 1) / PAPERS_PER_SHEET : 1;
    }
    struct papers_out *out = xcalloc(total + 1, sizeof *out);
    *n = 0;
    for (size_t i = 0; i < n_judges; i++) {
        char *name = xasprintf(_("Score sheets %s"), judges[i]->name);
        size_t first = 0;
        do { /* "Score sheets NAME", then "Score sheets NAME (2)", ... */
            size_t left = pages[i] - first;
            out[(*n)++] = (struct papers_out){
                .judge = judges[i],
                .first = first,
                .n = left < PAPERS_PER_SHEET ? left : PAPERS_PER_SHEET,
                .s = sheet_new(b, name),
            };
            first += PAPERS_PER_SHEET;
        } while (first < pages[i]);
        free(name);
    }
    free(pages);
    return out;
}

static void book_write(struct book *b)
{
    const struct call *c = b->c;
    properties_set(b);
    book_formats_make(b);
    struct sheet_out *sheets[SHEETS];
    size_t n_more = notice_sheets(b) - 1;
    struct sheet_out **notices = xcalloc(n_more + 1, sizeof *notices);
    for (size_t i = 0; i < SHEETS; i++) {
        sheets[i] = sheet_new(b, _(sheet_names[i]));
        for (size_t k = 0; i == SHEET_NOTICES && k < n_more; k++)
            notices[k] = sheet_new(b, _(sheet_names[i])); /* "Notices (2)", ... */
    }
    const struct person **judges = xcalloc(c->n_people + 1, sizeof *judges);
    struct sheet_out **forms = xcalloc(c->n_people + 1, sizeof *forms);
    size_t n_forms = 0;
    for (size_t i = 0; i < c->n_people; i++) {
        if (c->people[i].role != ROLE_JUDGE)
            continue;
        char *name = xasprintf(_("Form %s"), c->people[i].name);
        judges[n_forms] = &c->people[i];
        forms[n_forms++] = sheet_new(b, name);
        free(name);
    }
    size_t n_papers = 0;
    struct papers_out *papers = papers_sheets(b, judges, n_forms, &n_papers);
    int64_t seq = 0;
    uint8_t hash[32];
    if (store_head(b->st, &seq, hash) < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    b->revision = xasprintf(_("results as of audit event %lld"), (long long)seq);
    if (!b->failure)
        book_fill(b, sheets, notices, forms, n_forms, judges, papers, n_papers);
    worksheet_activate(sheets[SHEET_RESULTS]->ws);
    for (size_t i = 0; i < SHEETS; i++)
        sheet_free(sheets[i]);
    for (size_t i = 0; i < n_more; i++)
        sheet_free(notices[i]);
    free(notices);
    for (size_t i = 0; i < n_forms; i++)
        sheet_free(forms[i]);
    for (size_t i = 0; i < n_papers; i++)
        sheet_free(papers[i].s);
    free(forms);
    free(papers);
    free(judges);
}

static void book_release(struct book *b)
{
    for (size_t i = 0; i < b->n_problems; i++) {
        free(b->problems[i].label);
        free(b->problems[i].what);
    }
    free(b->problems);
    free(b->failure);
    free(b->revision);
}

int export_workbook(struct store *st, const struct call *c, const char *path,
                    const struct export_options *o, struct diags *d)
{
    /* Fail at once, with the reason, when the file cannot be made (not after all the work). */
    struct out_file of; /* libxlsxwriter opens the (0600) temporary file by its name */
    if (out_file_reserve(&of, path, o && o->force, d) < 0)
        return -1;
    const char *tmp = of.tmp;
    /* constant_memory: each sheet's rows go to a temporary file as they are written, so the
     * memory needed does not grow with the call; every sheet is written in row order. */
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(tmp, &opt);
    if (!wb) {
        diags_add(d, NULL, 0, 0, _("%s: cannot create the workbook"), path);
        out_file_abort(&of);
        return -1;
    }
    /* libxlsxwriter writes numbers with printf: a decimal comma would corrupt them (DESIGN.md,
     * Known pitfalls). main() keeps LC_NUMERIC at "C"; a caller that did not is covered here. */
    char *numeric = xstrdup(setlocale(LC_NUMERIC, NULL));
    setlocale(LC_NUMERIC, "C");
    struct report rep;
    report_build(c, &rep);
    struct book b = {.wb = wb, .st = st, .c = c, .rep = &rep, .o = o};
    book_write(&b);
    if (o && o->progress)
        o->progress(o->ctx, _("writing the file"), 0, 0);
    lxw_error closed = workbook_close(wb);
    setlocale(LC_NUMERIC, numeric);
    free(numeric);
    if (o && o->summary)
        *o->summary = (struct export_summary){.applications = c->n_apps,
                                              .sheets = rep.n_sheets,
                                              .signed_records = b.n_signed,
                                              .signature_problems = b.n_problems};
    int rc = 0;
    if (b.failure || closed != LXW_NO_ERROR) {
        diags_add(d, NULL, 0, 0, _("%s: the workbook was not written: %s"), path,
                  b.failure ? b.failure : lxw_strerror(closed));
        rc = -1;
    } else if (out_file_commit(&of, d) < 0) {
        rc = -1;
    }
    out_file_abort(&of);
    book_release(&b);
    report_free(&rep);
    return rc;
}

/* ---- the results CSV ---- */

/* The columns and rows of `simsa rank --csv` (DESIGN.md), so scripts read both the same way. */
static void csv_row(struct strbuf *out, const struct call *c, const struct rank_row *row)
{
    const struct application *a = &c->apps[row->app].a;
    int d = c->program.decimals;
    if (row->rank > 0)
        strbuf_printf(out, "%d", row->rank);
    strbuf_puts(out, ",");
    csv_put_field(out, a->id);
    strbuf_puts(out, ",");
    csv_put_field(out, a->company);
    char base[32] = "", bonus[32] = "", fin[32] = "", amount[32] = "";
    if (row->has_result) {
        scaled_format(row->base, d, base, sizeof base);
        scaled_format(row->bonus, d, bonus, sizeof bonus);
        scaled_format(row->final, d, fin, sizeof fin);
    }
    if (row->has_amount)
        snprintf(amount, sizeof amount, "%lld", (long long)row->amount);
    if (row->withheld) /* a judge's view before their own sheet (issue 15): the id only */
        strbuf_printf(out, ",,,,,,,%lld,,", (long long)a->requested);
    else
        strbuf_printf(out, ",%d,%s,%s,%s,%s,%s,%lld,%s,", row->n_sheets, base, bonus, fin,
                      band_name(row->band), outcome_name(row->outcome), (long long)a->requested,
                      amount);
    char *why = results_reason(row);
    csv_put_field(out, why);
    free(why);
    strbuf_puts(out, "\n");
}

void results_csv_text(const struct call *c, const struct rank_result *res, bool bom,
                      struct strbuf *out)
{
    if (bom)
        strbuf_puts(out, "\xEF\xBB\xBF"); /* the BOM: Excel then reads UTF-8 */
    strbuf_puts(out, "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount,"
                     "reason\n");
    for (size_t i = 0; i < res->n; i++)
        csv_row(out, c, &res->rows[i]);
}

int export_results_csv(const struct call *c, const char *path, const struct export_options *o,
                       struct diags *d)
{
    struct rank_result res;
    call_rank(c, &res);
    struct strbuf out = {0};
    results_csv_text(c, &res, true, &out);
    int rc = out_file_put(path, out.s, out.len, o && o->force, d);
    strbuf_free(&out);
    rank_result_free(&res);
    return rc;
}
