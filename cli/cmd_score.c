/* Scores and results: score import (R6), rank (R7–R11), tie resolve (R9.3), forfeit (R11.5),
 * verify (R14). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/revision.h"
#include "core/text.h"
#include "db/final.h"
#include "db/sign.h"
#include "db/write.h"
#include "reports/export.h"

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
    struct sheet *rows = NULL;
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
    bool transcribed = who->role == ROLE_SECRETARIAT;
    if (store_submit_sheets(st, &c, rows, NULL, n, who, &key) < 0) {
        rc = cli_rollback_fail(st, pos[0]);
    } else {
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
    results_csv_text(c, res, false, &b);
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
        char rank[16], base[32] = "", bonus[32] = "", fin[32] = "", amount[32] = "";
        rank_label(r, rank);
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
    if (c->has_budget && !res->budget_hidden) {
        amount_format(c->budget, budget, sizeof budget);
        printf(_("budget: %s of %s won used\n"), used, budget);
    }
    for (size_t i = 0; i < res->notes.n; i++)
        printf(_("note: %s\n"), res->notes.v[i]);
}

/* R11.6: a signed revision of the final result, as it was signed. */
static int rank_revision(struct cli *cli, const char *number, bool csv)
{
    char *end = NULL;
    long n = strtol(number, &end, 10);
    if (!*number || *end || n < 1)
        return cli_usage(_("--revision %s: give a revision number (1, 2, ...)"), number);
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
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
                printf(_("  changed since revision %d: %s\n"), rev.number - 1, rev.changes.v[i]);
        }
        for (size_t i = 0; i < rev.n; i++) {
            const struct revision_row *r = &rev.rows[i];
            const struct app_record *a = call_find_app(&c, r->app);
            const char *company = a ? a->a.company : "";
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
        rc = EXIT_OK;
    }
    revision_free(&rev);
    strlist_free(&texts);
    call_free(&c);
    store_close(st);
    return rc;
}

static int cmd_rank(struct cli *cli, int argc, char **argv)
{
    const char *revision = NULL;
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--revision") == 0)
            revision = argv[i + 1];
    if (revision) {
        static const char *const opts[] = {"--revision", NULL}, *const flags[] = {"--csv", NULL};
        if (cli_positional(argc, argv, opts, flags, NULL, 0) != 0)
            return cli_usage(_("usage: simsa rank [--csv] [--revision N]"));
        return rank_revision(cli, revision, cli_flag(argc, argv, "--csv"));
    }
    return cli_ranked_view(cli, argc, argv, _("usage: simsa rank [--csv] [--revision N]"), rank_csv,
                           rank_table);
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

static int cmd_verify(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--roster", "--head", NULL};
    static const char *const flags[] = {"--full", "--checkpoint", NULL};
    if (cli_positional(argc, argv, opts, flags, NULL, 0) != 0)
        return cli_usage(_("usage: simsa verify [--roster FILE] [--head SEQ:HASH] [--full] | "
                           "simsa --as SECRETARIAT verify --checkpoint [--full]"));
    const char *roster = cli_opt(argc, argv, "--roster"), *head = cli_opt(argc, argv, "--head");
    bool full = cli_flag(argc, argv, "--full"), record = cli_flag(argc, argv, "--checkpoint");
    if (record && !cli->as)
        return cli_usage(_("usage: simsa --as SECRETARIAT verify --checkpoint [--full]"));
    struct store *st;
    struct call c;
    if (cli_open_snapshot(cli, &st, &c) < 0)
        return EXIT_FAIL;
    struct diags d = {0};
    int anchored = EXIT_OK;
    struct person *who = NULL;
    struct secret_key key = {0};
    /* --as alone changes nothing here (a pinned session passes it to every command). */
    if (record && (!(who = cli_actor(cli, &c, ROLE_SECRETARIAT)) || cli_unlock(cli, who, &key)))
        anchored = EXIT_FAIL;
    if (anchored == EXIT_OK && head)
        anchored = cli_check_head(st, head, &d);
    if (anchored == EXIT_OK && roster && cli_check_roster(&c, roster, &d) < 0)
        anchored = EXIT_FAIL;
    if (anchored != EXIT_OK) {
        secret_key_wipe(&key);
        diags_free(&d);
        call_free(&c);
        store_close(st);
        return anchored;
    }
    int rc = EXIT_FAIL;
    struct verify_summary sum;
    if (store_verify(st, &c, full, &d, &sum) < 0) {
        cli_fail("%s", store_errmsg(st));
    } else {
        cli_warn_fast_keys(&c);
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
                   (long long)sum.rely.id, person_name(&c, sum.rely.signer), when,
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
            rc = who ? verify_checkpoint(st, &c, who, &key, &sum) : EXIT_OK;
        }
        strlist_free(&sum.notes);
    }
    secret_key_wipe(&key);
    diags_free(&d);
    call_free(&c);
    store_close(st);
    return rc;
}

/* A whole copy through SQLite's online backup API: a plain cp of an open database in WAL mode
 * can miss what is still in the -wal file. The source is only read (no --as). */
static int cmd_backup(struct cli *cli, int argc, char **argv)
{
    static const char *const flags[] = {"--force", NULL};
    char *pos[1];
    if (cli_positional(argc, argv, NULL, flags, pos, 1) != 1)
        return cli_usage(_("usage: simsa backup FILE [--force]"));
    const char *dst = pos[0];
    struct out_file of;
    char *err = NULL;
    if (out_file_reserve(&of, dst, cli_flag(argc, argv, "--force"), &err) < 0 ||
        store_backup(cli->db_path, of.tmp, &err) < 0 || out_file_commit(&of, &err) < 0) {
        cli_fail("%s", err);
        free(err);
        out_file_abort(&of);
        return EXIT_FAIL;
    }
    out_file_abort(&of);
    /* The copy, opened and checked as `simsa verify` checks a database. */
    struct cli copy = *cli;
    copy.db_path = dst;
    struct store *st;
    struct call c;
    if (cli_open(&copy, &st, &c) < 0)
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
        .needs_as = true,
    },
    {
        .name = "rank",
        .usage = "[--csv] [--revision N]",
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
        .usage = "[--roster FILE] [--head SEQ:HASH] [--full] [--checkpoint]",
        .summary = N_("check the audit chain and every signature (R14); --checkpoint records "
                      "a signed checkpoint"),
        .run = cmd_verify,
    },
    {
        .name = "backup",
        .usage = "FILE [--force]",
        .summary = N_("a consistent copy of the database (SQLite backup), 0600, then verified"),
        .run = cmd_backup,
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
        int revision = 0, w = store_begin(st) ? -1 : write_result(st, &c, who, &key, at, &revision);
        if (w < 0) {
            rc = cli_rollback_fail(st, _("finalize"));
        } else if (w > 0) {
            store_rollback(st);
            printf(_("revision %d of the final result stands: no amendment changed an outcome "
                     "since; nothing was signed\n"),
                   revision);
            rc = EXIT_OK;
        } else if (cli_commit(st) == 0) {
            if (revision > 1)
                printf(_("revision %d of the final result signed by %s at %s\n"), revision,
                       who->name, at);
            else
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
