/* Scores and results: score import (R6), rank (R7–R11), tie resolve (R9.3), forfeit (R11.5),
 * verify (R14). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/parse.h"
#include "core/report.h"
#include "core/revision.h"
#include "core/session.h"
#include "core/text.h"
#include "db/final.h"
#include "db/sign.h"
#include "db/write.h"
#include "reports/export.h"

static int cmd_score_import(struct cli *cli)
{
    const char *file = cli->pos[0];
    size_t len;
    char *data = cli_read_input(file, &len);
    if (!data)
        return EXIT_FAIL;
    struct call *c = cli_call(cli);
    struct person *who = c ? cli_who(cli) : NULL;
    int rc = EXIT_FAIL;
    struct diags d = {0};
    struct csv_table t = {0};
    struct sheet *rows = NULL;
    size_t n = 0;
    if (!who) {
        /* cli_call or cli_who said why */
    } else if (who->role == ROLE_INSPECTOR) {
        cli_fail(_("%s is an inspector: score sheets are imported by the judge or the "
                   "secretariat"),
                 who->name);
    } else if (import_scores(c, who, data, len, file, &rows, &n, &t, &d) < 0) {
        cli_print_diags(&d);
        fprintf(stderr,
                ngettext("%s: %zu problem; nothing was imported\n",
                         "%s: %zu problems; nothing was imported\n", d.n),
                file, d.n);
    } else if (cli_unlock_actor(cli) == 0) {
        /* store_submit_sheets is the transaction: written, the head signed, committed. */
        bool transcribed = who->role == ROLE_SECRETARIAT;
        if (store_submit_sheets(cli->st, c, rows, NULL, n, who, &cli->key) < 0) {
            rc = cli_rollback_fail(cli->st, file);
        } else {
            fprintf(cli->out, _("%s: imported %zu sheet(s)%s\n"), file, n,
                    transcribed ? _(" (transcribed by the secretariat)") : "");
            rc = EXIT_OK;
        }
    }
    free(rows);
    csv_table_free(&t);
    diags_free(&d);
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

static void rank_csv(const struct call *c, const struct rank_result *res,
                     const struct person *viewer)
{
    (void)viewer; /* res is the viewer's view already */
    struct strbuf b = {0};
    results_csv_text(c, res, false, &b);
    fwrite(b.s, 1, b.len, stdout);
    strbuf_free(&b);
}

static void rank_table(const struct call *c, const struct rank_result *res,
                       const struct person *viewer)
{
    (void)viewer; /* res is the viewer's view already */
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
        char rank[16], base[32] = "", bonus[32] = "", fin[32] = "", amount[32] = "";
        rank_label(r, rank);
        if (r->has_result)
            row_figures(r, dec, base, bonus, fin);
        if (r->has_amount)
            amount_format(r->amount, amount, sizeof amount);
        char sheets[8] = "";
        if (!r->withheld) /* a judge's view: not even how many sheets are in */
            snprintf(sheets, sizeof sheets, "%d", r->n_sheets);
        cli_cell(rank, 4, true);
        cli_cell(c->apps[r->app].a.id, 9, false);
        cli_cell(c->apps[r->app].a.company, 20, false);
        cli_cell(sheets, 6, true);
        cli_cell(base, 6, true);
        cli_cell(bonus, 5, true);
        cli_cell(fin, 6, true);
        cli_cell(r->withheld ? "" : band_label(r->band), 10, false);
        cli_cell(r->withheld ? "" : outcome_label(r->outcome), 10, false);
        cli_cell(amount, 11, true);
        putchar('\n');
        if (r->reason && *r->reason)
            printf("      %s\n", r->reason);
        if (r->has_amount && r->amount_reason)
            printf("      %s\n", r->amount_reason);
    }
    char used[32], budget[32];
    amount_format(res->used, used, sizeof used);
    if (c->has_budget && !res->budget_hidden) {
        amount_format(c->budget, budget, sizeof budget);
        printf(_("budget: %s of %s won used\n"), used, budget);
    }
    for (size_t i = 0; i < res->notes.n; i++)
        printf(_("note: %s\n"), res->notes.v[i]);
}

/* What `viewer` may see of an application a revision names: by its id, or (a change line,
 * "2026-001 selected -> forfeited") by its first word. */
static enum visibility revision_visible(const struct call *c, const struct person *viewer,
                                        const char *text, bool first_word)
{
    size_t len = first_word ? strcspn(text, " ") : strlen(text);
    char *id = xstrndup(text, len);
    const struct app_record *a = call_find_app(c, id);
    free(id);
    if (!a)
        return viewer && viewer->role == ROLE_JUDGE ? SEE_NOTHING : SEE_ALL;
    return session_visibility(c, a, viewer);
}

/* R11.6: a signed revision of the final result, as it was signed. */
static int rank_revision(struct cli *cli, const char *number, bool csv)
{
    char *end = NULL;
    long n = strtol(number, &end, 10);
    if (!*number || *end || n < 1)
        return cli_usage(_("--revision %s: give a revision number (1, 2, ...)"), number);
    struct call *c = cli_call(cli);
    const struct person *viewer = NULL;
    if (!c || cli_viewer(cli, c, &viewer) < 0)
        return EXIT_FAIL;
    struct store *st = cli->st;
    struct strlist texts = {0};
    struct revision rev = {0};
    const char *why = NULL;
    int rc = EXIT_FAIL;
    if (store_result_texts(st, &texts) < 0)
        cli_fail("%s", store_errmsg(st));
    else if ((size_t)n > texts.n)
        cli_fail(ngettext("there is no revision %ld: the final result has %zu revision",
                          "there is no revision %ld: the final result has %zu revisions", texts.n),
                 n, texts.n);
    else if (revision_parse(texts.v[n - 1], (int)n, &rev, &why) < 0)
        cli_fail(_("revision %ld cannot be read: %s"), n, why);
    else {
        if (csv) {
            printf("rank,app,company,base,final,outcome,amount\n");
        } else {
            char kst[32];
            time_korea(rev.at ? rev.at : "", kst, sizeof kst);
            printf(_("revision %d of the final result, signed by %s at %s\n"), rev.number,
                   rev.signer ? rev.signer : "?", kst);
            for (size_t i = 0; i < rev.changes.n; i++)
                if (revision_visible(c, viewer, rev.changes.v[i], true) == SEE_ALL)
                    printf(_("  changed since revision %d: %s\n"), rev.number - 1,
                           rev.changes.v[i]);
        }
        size_t unscored = 0;
        for (size_t i = 0; i < rev.n; i++) {
            const struct revision_row *r = &rev.rows[i];
            const struct app_record *a = call_find_app(c, r->app);
            const char *company = a ? a->a.company : "";
            /* --as a judge (issue 15): nothing of an application outside their panel or
             * conflicted; one they have not scored apart, without its rank or result. */
            enum visibility see = revision_visible(c, viewer, r->app, false);
            unscored += see == SEE_UNSCORED;
            if (see != SEE_ALL)
                continue;
            if (csv) {
                struct strbuf b = {0};
                csv_put_field(&b, company);
                printf("%d,%s,%s,%s,%s,%s,%lld\n", r->rank, r->app, b.s ? b.s : "",
                       r->base ? r->base : "", r->final ? r->final : "", r->outcome,
                       (long long)r->amount);
                free(b.s);
            } else {
                char amount[32];
                amount_format(r->amount, amount, sizeof amount);
                printf("%4d  %-10s ", r->rank, r->app);
                cli_cell(company, 22, false);
                printf("%7s %7s  ", r->base ? r->base : "", r->final ? r->final : "");
                cli_cell(outcome_label_of(r->outcome), 10, false);
                printf("%14s\n", amount);
            }
        }
        for (size_t i = 0; unscored && i < rev.n; i++) {
            const struct app_record *a = call_find_app(c, rev.rows[i].app);
            if (revision_visible(c, viewer, rev.rows[i].app, false) != SEE_UNSCORED)
                continue;
            if (csv) {
                struct strbuf b = {0};
                csv_put_field(&b, a->a.company);
                printf(",%s,%s,,,,\n", a->a.id, b.s ? b.s : "");
                free(b.s);
            } else {
                printf("%4s  %-10s ", "", a->a.id);
                cli_cell(a->a.company, 22, false);
                printf("%s\n", _("not shown until you submit your own sheet for it"));
            }
        }
        rc = EXIT_OK;
    }
    revision_free(&rev);
    strlist_free(&texts);
    return rc;
}

/* rank parses itself: its options depend on whether --revision is given. */
static int cmd_rank(struct cli *cli)
{
    int argc = cli->argc;
    char **argv = cli->argv;
    const char *revision = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--revision") == 0)
            revision = argv[i + 1];
    if (revision) {
        static const char *const opts[] = {"--revision", NULL}, *const flags[] = {"--csv", NULL};
        if (cli_positional(argc, argv, opts, flags, NULL, 0) != 0)
            return cli_usage_error(cli);
        return rank_revision(cli, revision, cli_flag(argc, argv, "--csv"));
    }
    static const char *const flags[] = {"--csv", NULL};
    if (cli_positional(argc, argv, NULL, flags, NULL, 0) != 0)
        return cli_usage_error(cli);
    return cli_ranked_view(cli, rank_csv, rank_table);
}

static void tie_resolved(FILE *out, char **apps, int n)
{
    struct strlist l = {0};
    for (int i = 0; i < n; i++)
        strlist_add(&l, apps[i]);
    char *order = strlist_join(&l, " > ");
    fprintf(out, _("tie resolved in the order %s\n"), order);
    free(order);
    strlist_free(&l);
}

static int cmd_tie_resolve(struct cli *cli)
{
    char **apps = cli->pos;
    int n = cli->n_pos;
    const char *reason_in = cli_option(cli, "--reason");
    if (!*reason_in)
        return cli_usage_error(cli);
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(c, &res);
    char *reason = utf8_nfc(reason_in);
    bool repeated = false;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < i; k++)
            repeated |= strcmp(apps[i], apps[k]) == 0;
    if (repeated) {
        cli_fail(_("an application is named twice"));
    } else if (!call_unresolved_tie(c, &res, (const char *const *)apps, (size_t)n)) {
        cli_fail(_("%s ... is not exactly the members of one unresolved tie (see simsa rank)"),
                 apps[0]);
    } else if (!reason) {
        cli_fail(_("--reason must be UTF-8 text"));
    } else if (cli_begin(cli, _("tie")) == 0) {
        if (write_tie(cli->st, c, (const char *const *)apps, (size_t)n, reason, cli->actor,
                      &cli->key)) {
            rc = cli_rollback_fail(cli->st, _("tie"));
        } else {
            tie_resolved(cli->out, apps, n);
            rc = EXIT_OK;
        }
    }
    free(reason);
    rank_result_free(&res);
    return rc;
}

/* R11.5: a selected company forfeits; the walk is made again and the waitlist promoted. */
static int cmd_forfeit(struct cli *cli)
{
    char **pos = cli->pos;
    const char *reason_in = cli_option(cli, "--reason");
    if (!*reason_in)
        return cli_usage_error(cli);
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(c, &res);
    struct app_record *r = cli->app;
    const char *refusal = call_forfeit_refusal(c, &res, r);
    char *reason = utf8_nfc(reason_in);
    if (refusal && r->forfeited)
        cli_fail(_("%s has already forfeited"), pos[0]);
    else if (refusal)
        cli_fail(_("%s is %s, not selected: only a selected company can forfeit"), pos[0],
                 outcome_label(call_outcome(c, &res, r)));
    else if (!reason)
        cli_fail(_("--reason must be UTF-8 text"));
    else if (cli_begin(cli, r->a.id) == 0) {
        struct strlist promoted = {0};
        if (write_forfeit(cli->st, c, r, reason, cli->actor, &cli->key, &promoted)) {
            rc = cli_rollback_fail(cli->st, r->a.id);
        } else {
            fprintf(cli->out, _("%s forfeited\n"), r->a.id);
            for (size_t i = 0; i < promoted.n; i++)
                fprintf(cli->out, _("promoted from the waitlist: %s\n"), promoted.v[i]);
            if (!promoted.n)
                fprintf(cli->out, "%s\n", _("nobody is promoted (nothing on the waitlist fits)"));
            rc = EXIT_OK;
        }
        strlist_free(&promoted);
    }
    free(reason);
    rank_result_free(&res);
    return rc;
}

/* R14, everything (db store_verify): the chain, its actors, every fact and signed record. */
int cli_verify_store(struct store *st, const struct call *c, struct diags *d, size_t *n_signed,
                     int64_t *n_events, int64_t *legacy)
{
    struct verify_summary sum;
    int rc = store_verify(st, c, false, d, &sum);
    strlist_free(&sum.notes);
    *n_signed = sum.n_signed;
    *n_events = sum.n_events;
    *legacy = sum.legacy;
    return rc;
}

static const char *person_name(const struct call *c, int64_t id)
{
    const struct person *p = call_person_by_id(c, id);
    return p ? p->name : "?";
}

/* With --checkpoint, a verification that finds nothing is recorded as a checkpoint signed by that
 * secretariat member (not an audit event); a later verify relies on it (simsa-records(5)). */
static int verify_checkpoint(struct store *st, const struct call *c, const struct person *who,
                             const struct secret_key *key, struct verify_summary *sum)
{
    if (store_commit(st) != 0 || store_begin(st) != 0 ||
        sign_checkpoint(st, c, &sum->made, who, key) != 0)
        return cli_rollback_fail(st, _("checkpoint"));
    if (cli_commit(st) != 0)
        return EXIT_FAIL;
    printf(_("checkpoint %lld recorded: verified through event %lld, signed by %s\n"),
           (long long)sum->made.id, (long long)sum->made.seq, who->name);
    return EXIT_OK;
}

static int cmd_verify(struct cli *cli)
{
    const char *roster = cli_option(cli, "--roster"), *head = cli_option(cli, "--head");
    bool full = cli_has_flag(cli, "--full"), record = cli_has_flag(cli, "--checkpoint");
    if (record && !cli->as)
        return cli_usage(_("usage: simsa --as SECRETARIAT verify --checkpoint [--full]"));
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct store *st = cli->st;
    struct diags d = {0};
    int anchored = EXIT_OK;
    struct person *who = NULL;
    /* --as alone changes nothing here (a pinned session passes it to every command). */
    if (record && (!(who = cli_actor(cli, c, ROLE_SECRETARIAT)) || cli_unlock(cli, who, &cli->key)))
        anchored = EXIT_FAIL;
    if (anchored == EXIT_OK && head)
        anchored = cli_check_head(st, head, &d);
    if (anchored == EXIT_OK && roster && cli_check_roster(c, roster, &d) < 0)
        anchored = EXIT_FAIL;
    if (anchored != EXIT_OK) {
        diags_free(&d);
        return anchored;
    }
    int rc = EXIT_FAIL;
    struct verify_summary sum;
    if (store_verify(st, c, full, &d, &sum) < 0) {
        cli_fail("%s", store_errmsg(st));
    } else {
        cli_warn_fast_keys(c);
        for (size_t i = 0; i < sum.notes.n; i++)
            printf("%s\n", sum.notes.v[i]);
        if (sum.legacy == 1)
            printf("%s\n", _("note: event 1 was written before simsa signed every event (a "
                             "database of an earlier version): who made it is not proven"));
        else if (sum.legacy > 1)
            printf(_("note: events 1-%lld were written before simsa signed every event (a "
                     "database of an earlier version): who made them is not proven\n"),
                   (long long)sum.legacy);
        if (sum.relied && !sum.fell_back) {
            char *when = korea_time(sum.rely.at);
            printf(_("relying on checkpoint %lld by %s (%s), through event %lld: the signatures "
                     "of %zu records and of the events up to it were checked then, their bytes "
                     "now (--full checks them again)\n"),
                   (long long)sum.rely.id, person_name(c, sum.rely.signer), when,
                   (long long)sum.rely.seq, sum.n_by_checkpoint);
            free(when);
        }
        if (d.n) {
            for (size_t i = 0; i < d.n; i++)
                printf("%s\n", d.v[i].text);
            fprintf(stderr, ngettext("verify: %zu problem\n", "verify: %zu problems\n", d.n), d.n);
        } else {
            printf(_("verified: %zu signed records, %lld audit events, every fact as recorded\n"),
                   sum.n_signed, (long long)sum.n_events);
            rc = who ? verify_checkpoint(st, c, who, &cli->key, &sum) : EXIT_OK;
        }
        strlist_free(&sum.notes);
    }
    diags_free(&d);
    return rc;
}

/* A whole copy through SQLite's online backup API: a plain cp of an open database in WAL mode
 * can miss what is still in the -wal file. The source is only read (no --as). */
static int cmd_backup(struct cli *cli)
{
    const char *dst = cli->pos[0];
    struct out_file of;
    struct diags problems = {0};
    if (out_file_reserve(&of, dst, cli_has_flag(cli, "--force"), &problems) < 0 ||
        store_backup(cli->db_path, of.tmp, &problems) < 0 || out_file_commit(&of, &problems) < 0) {
        out_file_abort(&of);
        return cli_fail_diags(&problems);
    }
    out_file_abort(&of);
    /* The copy, opened and checked as `simsa verify` checks a database. */
    struct cli copy = *cli;
    copy.db_path = dst;
    struct store *st;
    struct call c;
    if (cli_open(&copy, &st, &c, CLI_STORE_FACTS) < 0)
        return cli_fail(_("%s: the copy was written but cannot be read"), dst);
    struct diags d = {0};
    int64_t n_events = 0;
    size_t n_rows = 0;
    int rc = EXIT_FAIL;
    int64_t legacy = 0;
    if (cli_verify_store(st, &c, &d, &n_rows, &n_events, &legacy) < 0) {
        cli_fail(_("%s: the copy was written but cannot be verified: %s"), dst, store_errmsg(st));
    } else if (d.n) {
        for (size_t i = 0; i < d.n; i++)
            printf("%s\n", d.v[i].text);
        cli_fail(ngettext("%s: the copy was written, but it does not verify: %zu problem",
                          "%s: the copy was written, but it does not verify: %zu problems", d.n),
                 dst, d.n);
    } else {
        printf(_("%s: backup of %s written and verified (%zu signed records, %lld audit "
                 "events)\n"),
               dst, cli->db_path, n_rows, (long long)n_events);
        rc = EXIT_OK;
    }
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
        .usage_error = N_("usage: simsa --as NAME score import FILE.csv"),
        .min_args = 1,
        .max_args = 1,
        .actor = CLI_ACT_ANYONE,
        .writes = true,
    },
    {
        .name = "rank",
        .usage = "[--csv] [--revision N]",
        .summary = N_("ranking, bands, amounts, selection and reasons (R7-R11)"),
        .run = cmd_rank,
        .usage_error = N_("usage: simsa rank [--csv] [--revision N]"),
        .parses_itself = true,
    },
    {
        .name = "tie",
        .sub = "resolve",
        .usage = "APP APP... --reason TEXT",
        .summary = N_("the committee's order for an unresolved tie (R9.3)"),
        .run = cmd_tie_resolve,
        .usage_error = N_("usage: simsa tie resolve APP APP... --reason TEXT"),
        .min_args = 2,
        .max_args = -1,
        .options = (const char *const[]){"--reason", NULL},
        .required = (const char *const[]){"--reason", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "forfeit",
        .usage = "APP --reason TEXT",
        .summary = N_("a selected company forfeits; the waitlist is promoted (R11.5)"),
        .run = cmd_forfeit,
        .usage_error = N_("usage: simsa forfeit APP --reason TEXT"),
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
        .options = (const char *const[]){"--reason", NULL},
        .required = (const char *const[]){"--reason", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "verify",
        .usage = "[--roster FILE] [--head SEQ:HASH] [--full] [--checkpoint]",
        .summary = N_("check the audit chain and every signature (R14); --checkpoint records "
                      "a signed checkpoint"),
        .run = cmd_verify,
        .usage_error = N_("usage: simsa verify [--roster FILE] [--head SEQ:HASH] [--full] | "
                          "simsa --as SECRETARIAT verify --checkpoint [--full]"),
        .options = (const char *const[]){"--roster", "--head", NULL},
        .flags = (const char *const[]){"--full", "--checkpoint", NULL},
        .store = CLI_STORE_FACTS,
    },
    {
        .name = "backup",
        .usage = "FILE [--force]",
        .summary = N_("a consistent copy of the database (SQLite backup), 0600, then verified"),
        .run = cmd_backup,
        .usage_error = N_("usage: simsa backup FILE [--force]"),
        .min_args = 1,
        .max_args = 1,
        .flags = (const char *const[]){"--force", NULL},
    },
    {.name = NULL},
};

static int cmd_finalize(struct cli *cli)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(c, &res);
    struct person *who = cli_who(cli);
    const char *refusal = call_finalize_refusal(&res);
    if (refusal) {
        cli_fail("%s (simsa tie resolve)", refusal);
    } else if (who && cli_begin(cli, _("finalize")) == 0) {
        char at[21], kst[40];
        int revision = 0, w = write_result(cli->st, c, who, &cli->key, at, &revision);
        time_korea(at, kst, sizeof kst);
        if (w < 0) {
            rc = cli_rollback_fail(cli->st, _("finalize"));
        } else if (w > 0) {
            cli_discard(cli);
            fprintf(cli->out,
                    _("revision %d of the final result stands: no amendment changed an outcome "
                      "since; nothing was signed\n"),
                    revision);
            rc = EXIT_OK;
        } else if (revision > 1) {
            fprintf(cli->out, _("revision %d of the final result signed by %s at %s\n"), revision,
                    who->name, kst);
            rc = EXIT_OK;
        } else {
            fprintf(cli->out, _("the result is final, signed by %s at %s\n"), who->name, kst);
            rc = EXIT_OK;
        }
    }
    rank_result_free(&res);
    return rc;
}

const struct cli_command cli_result_commands[] = {
    {
        .name = "finalize",
        .usage = "",
        .summary = N_("sign the final result: every ranked row as it stands (--as secretariat)"),
        .run = cmd_finalize,
        .usage_error = N_("usage: simsa --as SECRETARIAT finalize"),
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {.name = NULL},
};
