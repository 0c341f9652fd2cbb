/* Reading applications: `app list` (a table or CSV) and `app show` (everything about one). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/session.h"
#include "core/text.h"
#include "db/events.h"

static void put_cell(const char *s, int width)
{
    cli_cell(s, width, false);
}

/* A cell of free text (a company, an address): cut at a word with "…" so the columns after it
 * stay in line; --csv has it whole. */
static void put_clipped(const char *s, int width)
{
    char *clipped = utf8_clip_words(s, width);
    cli_cell(clipped, width, false);
    free(clipped);
}

static const struct rank_row *row_for(const struct rank_result *res, size_t app)
{
    for (size_t i = 0; i < res->n; i++)
        if (res->rows[i].app == app)
            return &res->rows[i];
    return NULL;
}

static void list_csv(const struct call *c, const struct rank_result *res,
                     const struct person *viewer)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "id,company,region,industry,size,requested,stage,outcome\n");
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        /* --as a judge: nothing of an application outside their panel or conflicted. */
        if (session_visibility(c, r, viewer) == SEE_NOTHING)
            continue;
        const struct rank_row *row = row_for(res, i);
        const char *cells[] = {r->a.id, r->a.company, r->a.region, r->a.industry,
                               size_name(r->a.size)};
        for (size_t k = 0; k < 5; k++) {
            csv_put_field(&b, cells[k]);
            strbuf_puts(&b, ",");
        }
        strbuf_printf(&b, "%lld,%s,%s\n", (long long)r->a.requested,
                      stage_name(call_app_stage(c, r)), row ? outcome_name(row->outcome) : "");
    }
    fwrite(b.s, 1, b.len, stdout);
    strbuf_free(&b);
}

static void list_table(const struct call *c, const struct rank_result *res,
                       const struct person *viewer)
{
    put_cell(_("id"), 10);
    put_cell(_("company"), 22);
    put_cell(_("region"), 16);
    put_cell(_("industry"), 8);
    put_cell(_("size"), 8);
    put_cell(_("requested"), 12);
    put_cell(_("stage"), 10);
    printf("%s\n", _("outcome"));
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        if (session_visibility(c, r, viewer) == SEE_NOTHING)
            continue;
        const struct rank_row *row = row_for(res, i);
        char amount[32];
        amount_format(r->a.requested, amount, sizeof amount);
        put_cell(r->a.id, 10);
        put_clipped(r->a.company, 22);
        put_clipped(r->a.region, 16);
        put_clipped(r->a.industry, 8);
        put_cell(size_label(r->a.size), 8);
        printf("%12s ", amount);
        put_cell(stage_label(call_app_stage(c, r)), 10);
        printf("%s\n", row ? outcome_label(row->outcome) : "");
    }
}

int cli_app_list(struct cli *cli)
{
    return cli_ranked_view(cli, list_csv, list_table);
}

static void show_info(const struct call *c, const struct app_record *r)
{
    const struct application *a = &r->a;
    char req[32], copay[32], founded[11], received[17];
    amount_format(a->requested, req, sizeof req);
    amount_format(a->copay, copay, sizeof copay);
    date_format(a->founded, founded);
    if (a->received_has_time)
        datetime_format(a->received, received);
    else
        date_format(datetime_date(a->received), received);
    printf("%s  %s\n", a->id, a->company);
    printf(_("  title:       %s\n"), a->title);
    printf(_("  business no: %.3s-%.2s-%.5s   size: %s   founded: %s\n"), a->biz_no, a->biz_no + 3,
           a->biz_no + 5, size_name(a->size), founded);
    printf(_("  region:      %s   factory: %s   industry: %s\n"), a->region,
           *a->factory_region ? a->factory_region : "-", a->industry);
    printf(_("  supplier:    %s (%s), in both pools: %s\n"), a->supplier,
           *a->supplier_region ? a->supplier_region : "-", a->supplier_pools ? _("yes") : _("no"));
    printf(_("  requested:   %s won   co-payment: %s won\n"), req, copay);
    printf(_("  contact:     %s <%s>   received: %s\n"), a->contact_name, a->contact_email,
           received);
    printf(_("  stage:       %s\n"), stage_label(call_app_stage(c, r)));
}

static void show_documents(const struct call *c, const struct app_record *r)
{
    const struct program *p = &c->program;
    char from[11], until[11];
    date_format(p->docs_issued_after, from);
    date_format(datetime_date(p->deadline), until);
    printf(_("documents (valid when issued %s .. %s):\n"), from, until);
    for (size_t i = 0; i < p->n_docs; i++) {
        const struct doc_def *def = &p->docs[i];
        const struct submitted_doc *sub = NULL;
        for (size_t k = 0; k < r->n_docs; k++)
            if (r->docs[k].number == def->number)
                sub = &r->docs[k];
        char day[11] = "-";
        if (sub)
            date_format(sub->issued, day);
        const char *mark = !sub ? "·" : doc_is_valid_on(p, sub->issued) ? "✓" : "✗";
        printf("  %s %2d %-10s %s %s\n", mark, def->number, day,
               def->required ? _("required") : _("optional"), def->name_ko);
    }
}

static void show_review(const struct call *c, const struct app_record *r)
{
    struct review_result res = {0};
    call_review(c, r, &res);
    printf(_("eligibility now: %s\n"), res.passed ? _("passes") : _("fails"));
    for (size_t i = 0; i < res.reasons.n; i++)
        printf("  ✗ %s\n", res.reasons.v[i]);
    for (size_t i = 0; i < res.notes.n; i++)
        printf("  · %s\n", res.notes.v[i]);
    review_result_free(&res);
    for (size_t i = 0; i < r->n_answers; i++)
        printf(_("  checklist %s = %s %s\n"), r->answers[i].item,
               r->answers[i].answer == ANSWER_YES ? _("yes") : _("no"), r->answers[i].note);
    const char *decided = r->review == REVIEW_NONE     ? _("not yet decided")
                          : r->review == REVIEW_PASSED ? _("passed")
                                                       : _("failed");
    printf(_("review decision: %s\n"), decided);
    if (r->review == REVIEW_FAILED && r->review_reasons)
        printf("  %s\n", r->review_reasons);
}

static void show_scores(const struct call *c, const struct app_record *r,
                        const struct rank_result *res, size_t index)
{
    printf(_("sheets: %zu\n"), r->n_sheets);
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        const struct person *j = call_person_by_id(c, s->s.judge);
        char t[16], amount[32];
        tenths_format(sheet_total(&c->program, &s->s), t, sizeof t);
        amount_format(s->s.amount, amount, sizeof amount);
        printf("  %-10s %6s  %s%s\n", j ? j->name : "?", t, s->s.agree ? _("agree") : amount,
               s->s.transcribed ? _(" (transcribed)") : "");
    }
    for (size_t i = 0; i < r->n_conflicts; i++) {
        const struct person *j = call_person_by_id(c, r->conflicts[i]);
        printf(_("  %s declared a conflict of interest\n"), j ? j->name : "?");
    }
    for (size_t i = 0; i < r->n_bonuses; i++)
        printf(_("  bonus: %s\n"), r->bonuses[i]);
    const struct rank_row *row = row_for(res, index);
    if (!row)
        return;
    if (row->has_result) {
        char base[32], fin[32];
        scaled_format(row->base, c->program.decimals, base, sizeof base);
        scaled_format(row->final, c->program.decimals, fin, sizeof fin);
        printf(_("result: base %s, final %s, rank %d\n"), base, fin, row->rank);
    }
    printf(_("outcome: %s — %s\n"), outcome_label(row->outcome), row->reason ? row->reason : "");
    if (row->has_amount && row->amount_reason)
        printf(_("amount: %s\n"), row->amount_reason);
    if (r->agreed) /* R12.3: the dates the agreement sets */
        cli_print_agreement(stdout, &c->program, r->agreed);
}

/* Items stored one per line, printed "a; b; c". */
static void print_list(const char *label, const char *list)
{
    if (!list || !*list)
        return;
    char *copy = xstrdup(list);
    for (char *c = copy; *c; c++)
        if (*c == '\n')
            *c = ';';
    printf("    %s %s\n", label, copy);
    free(copy);
}

/* R13 and R6.3: the inspections recorded and the panel that scores it. */
static int show_inspections(struct store *st, const struct call *c, const struct app_record *r)
{
    const char *panel = NULL;
    for (size_t i = 0; i < c->n_panels; i++)
        if (c->panels[i].id == r->panel)
            panel = c->panels[i].name;
    printf(_("panel: %s\n"), panel ? panel : _("(none: every judge)"));
    struct app_inspection *v;
    size_t n;
    if (store_app_inspections(st, r->a.id, &v, &n) < 0)
        return cli_fail("%s", store_errmsg(st));
    for (size_t i = 0; i < n; i++) {
        const struct person *who = call_person_by_id(c, v[i].signer);
        char kst[40];
        time_korea(v[i].at, kst, sizeof kst);
        printf(_("site inspection %s, signed by %s at %s\n"), v[i].date, who ? who->name : "?",
               kst);
        print_list(_("team:"), v[i].team);
        print_list(_("facts checked:"), v[i].facts);
        print_list(_("findings:"), v[i].findings);
        print_list(_("notes:"), v[i].notes);
    }
    app_inspections_free(v, n);
    return 0;
}

int cli_app_show(struct cli *cli)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct app_record *r = cli->app;
    /* --as a judge: what that judge may see (issue 15). */
    const struct person *viewer = NULL;
    if (cli_viewer(cli, c, &viewer) < 0)
        return EXIT_FAIL;
    enum visibility see = session_visibility(c, r, viewer);
    if (see == SEE_NOTHING)
        return cli_fail(_("%s is not shown to %s: outside their panel, or they declared a "
                          "conflict of interest"),
                        r->a.id, viewer->name);
    int rc = EXIT_OK;
    struct rank_result res = {0};
    call_rank(c, &res);
    show_info(c, r);
    show_documents(c, r);
    show_review(c, r);
    if (show_inspections(cli->st, c, r) != 0)
        rc = EXIT_FAIL;
    if (see == SEE_ALL)
        show_scores(c, r, &res, (size_t)(r - c->apps));
    else
        printf("%s\n", _("scores, rank and amount: not shown until you submit your own "
                         "sheet for it"));
    struct plan_state plan;
    if (store_plan_latest(cli->st, r->a.id, &plan) == 0 && plan.exists)
        printf(plan.made ? _("plan revision (R12.1): made; it was due %s: %s\n")
                         : _("plan revision (R12.1): required by %s: %s\n"),
               plan.due, plan.requirement);
    free(plan.due);
    free(plan.requirement);
    rank_result_free(&res);
    return rc;
}
