/* Scores and results: score import (R6), rank (R7–R11), tie resolve (R9.3), forfeit (R11.5),
 * verify (R14). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "db/write.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/text.h"

static int cmd_score_import(struct cli *cli, int argc, char **argv)
{
    char *pos[1];
    if (cli_positional(argc, argv, NULL, NULL, pos, 1) != 1)
        return cli_usage(_("usage: simsa --as NAME score import FILE.csv"));
    size_t len;
    struct store *st;
    struct call c;
    char *data = cli_open_with_file(cli, pos[0], &len, &st, &c);
    if (!data)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct person *who = cli_actor(cli, &c, -1);
    struct secret_key key = {0};
    struct diags d = {0};
    struct csv_table t = {0};
    struct score_import_row *rows = NULL;
    size_t n = 0;
    if (!who)
        goto out;
    if (who->role == ROLE_INSPECTOR) {
        cli_fail(_("%s is an inspector: score sheets are imported by the judge or the "
                   "secretariat"),
                 who->name);
        goto out;
    }
    if (import_scores(&c, who, data, len, pos[0], &rows, &n, &t, &d) < 0) {
        cli_print_diags(&d);
        fprintf(stderr,
                ngettext("%s: %zu problem; nothing was imported\n",
                         "%s: %zu problems; nothing was imported\n", d.n),
                pos[0], d.n);
        goto out;
    }
    if (cli_unlock(cli, who, &key) < 0)
        goto out;
    int bad = store_begin(st);
    bool transcribed = who->role == ROLE_SECRETARIAT;
    for (size_t i = 0; !bad && i < n; i++)
        bad = write_sheet(st, &c, &rows[i], transcribed, who, &key);
    /* Each sheet import is a milestone of the audit chain. */
    if (!bad)
        bad = sign_audit_head(st, &c, who, &key);
    if (bad)
        rc = cli_rollback_fail(st, pos[0]);
    else if (cli_commit(st) == 0) {
        printf(_("%s: imported %zu sheet(s)%s\n"), pos[0], n,
               transcribed ? _(" (transcribed by the secretariat)") : "");
        rc = EXIT_OK;
    }
    secret_key_wipe(&key);
out:
    free(rows);
    csv_table_free(&t);
    diags_free(&d);
    call_free(&c);
    store_close(st);
    free(data);
    return rc;
}

/* The scaled figures of a row with a result (R7.2, R8), as core computed them. */
static void row_figures(const struct rank_row *r, int dec, char base[32], char bonus[32],
                        char fin[32])
{
    scaled_format(r->base, dec, base, 32);
    scaled_format(r->bonus, dec, bonus, 32);
    scaled_format(r->final, dec, fin, 32);
}

static void rank_csv(const struct call *c, const struct rank_result *res)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount,"
                    "reason\n");
    int dec = c->program.decimals;
    for (size_t i = 0; i < res->n; i++) {
        const struct rank_row *r = &res->rows[i];
        const struct application *a = &c->apps[r->app].a;
        char base[32] = "", bonus[32] = "", fin[32] = "", amount[32] = "";
        if (r->has_result)
            row_figures(r, dec, base, bonus, fin);
        if (r->has_amount)
            snprintf(amount, sizeof amount, "%lld", (long long)r->amount);
        if (r->rank)
            strbuf_printf(&b, "%d", r->rank);
        strbuf_puts(&b, ",");
        csv_put_field(&b, a->id);
        strbuf_puts(&b, ",");
        csv_put_field(&b, a->company);
        strbuf_printf(&b, ",%d,%s,%s,%s,%s,%s,%lld,%s,", r->n_sheets, base, bonus, fin,
                      band_name(r->band), outcome_name(r->outcome), (long long)a->requested,
                      amount);
        char *reason = r->reason ? xstrdup(r->reason) : xstrdup("");
        if (r->has_amount && r->amount_reason) {
            char *both = xasprintf("%s; %s", reason, r->amount_reason);
            free(reason);
            reason = both;
        }
        csv_put_field(&b, reason);
        free(reason);
        strbuf_puts(&b, "\n");
    }
    fwrite(b.s, 1, b.len, stdout);
    strbuf_free(&b);
}

static void rank_table(const struct call *c, const struct rank_result *res)
{
    const struct program *p = &c->program;
    int dec = p->decimals;
    printf("%s — %s\n", p->id, p->title_ko);
    cli_cell(_("rank"), 4, true);
    cli_cell(_("app"), 9, false);
    cli_cell(_("company"), 20, false);
    cli_cell(_("sheets"), 6, true);
    cli_cell(_("base"), 6, true);
    cli_cell(_("bonus"), 5, true);
    cli_cell(_("final"), 6, true);
    cli_cell(_("band"), 10, false);
    cli_cell(_("outcome"), 10, false);
    cli_cell(_("amount"), 11, true);
    putchar('\n');
    bool line_drawn = false;
    for (size_t i = 0; i < res->n; i++) {
        const struct rank_row *r = &res->rows[i];
        if (!line_drawn && r->rank == 0) {
            char thr[16];
            tenths_format(p->threshold_tenths, thr, sizeof thr);
            printf(_("---- not ranked (below %s, ineligible, incomplete or unreviewed) ----\n"),
                   thr);
            line_drawn = true;
        }
        char rank[12] = "", base[32] = "", bonus[32] = "", fin[32] = "", amount[32] = "";
        if (r->rank)
            snprintf(rank, sizeof rank, "%d%s", r->rank,
                     r->tie_group && !r->tie_resolved ? "=" : "");
        if (r->has_result)
            row_figures(r, dec, base, bonus, fin);
        if (r->has_amount)
            amount_format(r->amount, amount, sizeof amount);
        char sheets[8];
        snprintf(sheets, sizeof sheets, "%d", r->n_sheets);
        cli_cell(rank, 4, true);
        cli_cell(c->apps[r->app].a.id, 9, false);
        cli_cell(c->apps[r->app].a.company, 20, false);
        cli_cell(sheets, 6, true);
        cli_cell(base, 6, true);
        cli_cell(bonus, 5, true);
        cli_cell(fin, 6, true);
        cli_cell(band_label(r->band), 10, false);
        cli_cell(outcome_label(r->outcome), 10, false);
        cli_cell(amount, 11, true);
        putchar('\n');
        if (r->reason && *r->reason)
            printf("      %s\n", r->reason);
        if (r->has_amount && r->amount_reason)
            printf("      %s\n", r->amount_reason);
    }
    char used[32], budget[32];
    amount_format(res->used, used, sizeof used);
    if (c->has_budget) {
        amount_format(c->budget, budget, sizeof budget);
        printf(_("budget: %s of %s won used\n"), used, budget);
    }
    for (size_t i = 0; i < res->notes.n; i++)
        printf(_("note: %s\n"), res->notes.v[i]);
}

static int cmd_rank(struct cli *cli, int argc, char **argv)
{
    return cli_ranked_view(cli, argc, argv, _("usage: simsa rank [--csv]"), rank_csv, rank_table);
}

static int cmd_tie_resolve(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--reason", NULL};
    int n = cli_positional(argc, argv, opts, NULL, NULL, 0);
    const char *reason_in = cli_opt(argc, argv, "--reason");
    if (n < 2 || !reason_in || !*reason_in)
        return cli_usage(_("usage: simsa tie resolve APP APP... --reason TEXT"));
    char **apps = xcalloc((size_t)n, sizeof *apps);
    cli_positional(argc, argv, opts, NULL, apps, n);
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0) {
        free(apps);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(&c, &res);
    struct person *who = NULL;
    struct secret_key key = {0};
    char *reason = utf8_nfc(reason_in);
    bool repeated = false;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < i; k++)
            repeated |= strcmp(apps[i], apps[k]) == 0;
    if (repeated) {
        cli_fail(_("an application is named twice"));
    } else if (!call_unresolved_tie(&c, &res, (const char *const *)apps, (size_t)n)) {
        cli_fail(_("%s ... is not exactly the members of one unresolved tie (see simsa rank)"),
                 apps[0]);
    } else if (!reason) {
        cli_fail(_("--reason must be UTF-8 text"));
    } else if ((who = cli_actor(cli, &c, ROLE_SECRETARIAT)) && cli_unlock(cli, who, &key) == 0) {
        if (store_begin(st) ||
            write_tie(st, &c, (const char *const *)apps, (size_t)n, reason, who, &key)) {
            rc = cli_rollback_fail(st, _("tie"));
        } else if (cli_commit(st) == 0) {
            struct strlist l = {0};
            for (int i = 0; i < n; i++)
                strlist_add(&l, apps[i]);
            char *order = strlist_join(&l, " > ");
            printf(_("tie resolved in the order %s\n"), order);
            free(order);
            strlist_free(&l);
            rc = EXIT_OK;
        }
        secret_key_wipe(&key);
    }
    free(reason);
    rank_result_free(&res);
    call_free(&c);
    store_close(st);
    free(apps);
    return rc;
}

/* R11.5: a selected company forfeits; the walk is made again and the waitlist promoted. */
static int cmd_forfeit(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--reason", NULL};
    char *pos[1];
    const char *reason_in = cli_opt(argc, argv, "--reason");
    if (cli_positional(argc, argv, opts, NULL, pos, 1) != 1 || !reason_in || !*reason_in)
        return cli_usage(_("usage: simsa forfeit APP --reason TEXT"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(&c, &res);
    struct app_record *r = call_find_app(&c, pos[0]);
    struct person *who = NULL;
    struct secret_key key = {0};
    const char *refusal = r ? call_forfeit_refusal(&c, &res, r) : NULL;
    char *reason = utf8_nfc(reason_in);
    if (!r)
        cli_fail(_("no application \"%s\""), pos[0]);
    else if (refusal && r->forfeited)
        cli_fail(_("%s has already forfeited"), pos[0]);
    else if (refusal)
        cli_fail(_("%s is %s, not selected: only a selected company can forfeit"), pos[0],
                 outcome_label(call_outcome(&c, &res, r)));
    else if (!reason)
        cli_fail(_("--reason must be UTF-8 text"));
    else if ((who = cli_actor(cli, &c, ROLE_SECRETARIAT)) && cli_unlock(cli, who, &key) == 0) {
        struct strlist promoted = {0};
        if (store_begin(st) || write_forfeit(st, &c, r, reason, who, &key, &promoted))
            rc = cli_rollback_fail(st, r->a.id);
        else if (cli_commit(st) == 0) {
            printf(_("%s forfeited\n"), r->a.id);
            for (size_t i = 0; i < promoted.n; i++)
                printf(_("promoted from the waitlist: %s\n"), promoted.v[i]);
            if (!promoted.n)
                printf("%s\n", _("nobody is promoted (nothing on the waitlist fits)"));
            rc = EXIT_OK;
        }
        strlist_free(&promoted);
        secret_key_wipe(&key);
    }
    free(reason);
    rank_result_free(&res);
    call_free(&c);
    store_close(st);
    return rc;
}

/* R14: each signed row's text rebuilt from the stored values must be what was signed, and
 * the signature must be the signer's. */
/* Every signed record but the audit heads is recorded by exactly one event of the chain, and
 * every event's record still exists: a deleted, copied or replayed record is named. */
static void verify_recorded(const struct signed_row *rows, size_t n, struct recorded_event *ev,
                            size_t n_ev, struct diags *d)
{
    struct recorded_row *rr = xcalloc(n ? n : 1, sizeof *rr);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!rows[i].signed_text || strncmp(rows[i].label, "audit head", 10) == 0)
            continue;
        rr[m].label = rows[i].label;
        record_digest_hex(rows[i].signed_text, rr[m].digest);
        m++;
    }
    records_match_events(ev, n_ev, rr, m, d);
    free(rr);
}

static void verify_signed(const struct call *c, const struct signed_row *rows, size_t n,
                          struct diags *d)
{
    struct signed_input *in = xcalloc(n ? n : 1, sizeof *in);
    struct signed_result *res = xcalloc(n ? n : 1, sizeof *res);
    for (size_t i = 0; i < n; i++)
        in[i] = signed_row_input(&rows[i]);
    signed_check_many(c, in, res, n);
    for (size_t i = 0; i < n; i++) {
        const struct signed_row *r = &rows[i];
        const struct person *who = call_person_by_id(c, r->signer);
        switch (res[i].check) {
        case SIGNED_VERIFIED:
            break;
        case SIGNED_NOT_SIGNED:
            diags_add(d, NULL, 0, 0, _("%s: not signed"), r->label);
            break;
        case SIGNED_UNREADABLE:
            diags_add(d, NULL, 0, 0, _("%s: the stored values are not valid (%s)"), r->label,
                      res[i].why);
            break;
        case SIGNED_CHANGED:
            diags_add(d, NULL, 0, 0, _("%s: the stored values differ from what was signed"),
                      r->label);
            break;
        case SIGNED_UNKNOWN_SIGNER:
            diags_add(d, NULL, 0, 0, _("%s: signed by an unknown person"), r->label);
            break;
        case SIGNED_BAD_SIGNATURE:
            diags_add(d, NULL, 0, 0, _("%s: signature of %s does not verify: %s"), r->label,
                      who ? who->name : "?", res[i].why);
            break;
        }
        free(res[i].why);
    }
    free(res);
    free(in);
}

static int cmd_verify(struct cli *cli, int argc, char **argv)
{
    if (cli_positional(argc, argv, NULL, NULL, NULL, 0) != 0)
        return cli_usage(_("usage: simsa verify"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    struct diags d = {0};
    int64_t n_events = 0;
    struct signed_row *rows = NULL;
    size_t n_rows = 0;
    int rc = EXIT_FAIL;
    if (store_verify_chain(st, &d, &n_events) < 0 || store_verify_heads(st, &d) < 0 ||
        store_verify_facts(st, &c, &d) < 0 || store_signed_rows(st, &c, &rows, &n_rows) < 0) {
        cli_fail("%s", store_errmsg(st));
    } else {
        struct recorded_event *ev = NULL;
        size_t n_ev = 0;
        if (store_recorded_events(st, &ev, &n_ev) == 0)
            verify_recorded(rows, n_rows, ev, n_ev, &d);
        else
            diags_add(&d, NULL, 0, 0, "%s", store_errmsg(st));
        recorded_events_free(ev, n_ev);
        verify_signed(&c, rows, n_rows, &d);
        if (d.n) {
            for (size_t i = 0; i < d.n; i++)
                printf("%s\n", d.v[i].text);
            fprintf(stderr, ngettext("verify: %zu problem\n", "verify: %zu problems\n", d.n),
                    d.n);
        } else {
            printf(_("verified: %zu signed records, %lld audit events, every fact as recorded\n"),
                   n_rows, (long long)n_events);
            rc = EXIT_OK;
        }
    }
    signed_rows_free(rows, n_rows);
    diags_free(&d);
    call_free(&c);
    store_close(st);
    return rc;
}

const struct cli_command cli_score_commands[] = {
    {
        .name = "score",
        .sub = "import",
        .usage = "FILE.csv",
        .summary =
            N_("score sheets: app,judge,<items>,amount,opinion (--as the judge, or the secretariat "
               "transcribing)"),
        .run = cmd_score_import,
        .needs_as = true,
    },
    {
        .name = "rank",
        .usage = "[--csv]",
        .summary = N_("ranking, bands, amounts, selection and reasons (R7-R11)"),
        .run = cmd_rank,
    },
    {
        .name = "tie",
        .sub = "resolve",
        .usage = "APP APP... --reason TEXT",
        .summary = N_("the committee's order for an unresolved tie (R9.3)"),
        .run = cmd_tie_resolve,
        .needs_as = true,
    },
    {
        .name = "forfeit",
        .usage = "APP --reason TEXT",
        .summary = N_("a selected company forfeits; the waitlist is promoted (R11.5)"),
        .run = cmd_forfeit,
        .needs_as = true,
    },
    {
        .name = "verify",
        .usage = "",
        .summary = N_("check the audit chain and every signature (R14)"),
        .run = cmd_verify,
    },
    {.name = NULL},
};

static int cmd_finalize(struct cli *cli, int argc, char **argv)
{
    if (cli_positional(argc, argv, NULL, NULL, NULL, 0) != 0)
        return cli_usage(_("usage: simsa --as SECRETARIAT finalize"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(&c, &res);
    struct person *who = cli_actor(cli, &c, ROLE_SECRETARIAT);
    struct secret_key key = {0};
    const char *refusal = call_finalize_refusal(&res);
    if (refusal) {
        cli_fail("%s (simsa tie resolve)", refusal);
    } else if (who && cli_unlock(cli, who, &key) == 0) {
        char at[21];
        if (store_begin(st) || write_result(st, &c, who, &key, at))
            rc = cli_rollback_fail(st, _("finalize"));
        else if (cli_commit(st) == 0) {
            printf(_("the result is final, signed by %s at %s\n"), who->name, at);
            rc = EXIT_OK;
        }
        secret_key_wipe(&key);
    }
    rank_result_free(&res);
    call_free(&c);
    store_close(st);
    return rc;
}

const struct cli_command cli_result_commands[] = {
    {
        .name = "finalize",
        .usage = "",
        .summary = N_("sign the final result: every ranked row as it stands (--as secretariat)"),
        .run = cmd_finalize,
        .needs_as = true,
    },
    {.name = NULL},
};
