/* Applications and their document review: app import/list/show, docs and finance import, the
 * eligibility checklist, and review run (R1–R5). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/text.h"
#include "db/write.h"

static const char *actor_name(const struct cli *cli)
{
    return cli->as;
}

typedef int (*importer_fn)(struct cli *cli, struct store *st, struct call *c, const char *data,
                           size_t len, const char *file, struct diags *d, int *written);

/* The shape every import shares: read, check every row, write all or nothing. */
static int run_import(struct cli *cli, int argc, char **argv, const char *usage, importer_fn fn)
{
    char *pos[1];
    if (cli_positional(argc, argv, NULL, NULL, pos, 1) != 1)
        return cli_usage("%s", usage);
    size_t len;
    struct store *st;
    struct call c;
    char *data = cli_open_with_file(cli, pos[0], &len, &st, &c);
    if (!data)
        return EXIT_FAIL;
    struct diags d = {0};
    int written = 0, rc = EXIT_FAIL;
    struct secret_key key = {0};
    if (cli_act(cli, &c, ROLE_SECRETARIAT, &key) == 0) {
        if (store_begin(st) < 0) {
            rc = cli_rollback_fail(st, pos[0]);
        } else if (fn(cli, st, &c, data, len, pos[0], &d, &written) < 0) {
            store_rollback(st);
            cli_print_diags(&d);
            if (d.n)
                fprintf(stderr,
                        ngettext("%s: %zu problem; nothing was imported\n",
                                 "%s: %zu problems; nothing was imported\n", d.n),
                        pos[0], d.n);
            else
                cli_fail(_("%s: %s; nothing was imported"), pos[0], store_errmsg(st));
        } else if (cli_commit(st) == 0) {
            printf(
                ngettext("%s: imported %d row\n", "%s: imported %d rows\n", (unsigned long)written),
                pos[0], written);
            rc = EXIT_OK;
        }
    }
    secret_key_wipe(&key);
    diags_free(&d);
    call_free(&c);
    store_close(st);
    free(data);
    return rc;
}

static int import_apps_rows(struct cli *cli, struct store *st, struct call *c, const char *data,
                            size_t len, const char *file, struct diags *d, int *written)
{
    struct app_import in;
    struct csv_table t = {0};
    int rc = import_apps(c, data, len, file, &in, &t, d);
    for (size_t i = 0; rc == 0 && i < in.n; i++) {
        rc = write_application(st, actor_name(cli), &in.apps[i]);
        (*written)++;
    }
    import_apps_free(&in);
    csv_table_free(&t);
    return rc;
}

static int import_docs_rows(struct cli *cli, struct store *st, struct call *c, const char *data,
                            size_t len, const char *file, struct diags *d, int *written)
{
    struct doc_import_row *rows;
    size_t n;
    struct csv_table t = {0};
    int rc = import_docs(c, data, len, file, &rows, &n, &t, d);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = write_document(st, actor_name(cli), rows[i].app, rows[i].doc, rows[i].issued);
        (*written)++;
    }
    free(rows);
    csv_table_free(&t);
    return rc;
}

static int import_finance_rows(struct cli *cli, struct store *st, struct call *c, const char *data,
                               size_t len, const char *file, struct diags *d, int *written)
{
    struct finance_import_row *rows;
    size_t n;
    struct csv_table t = {0};
    int rc = import_finance(c, data, len, file, &rows, &n, &t, d);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = write_finance(st, actor_name(cli), rows[i].app, &rows[i].f);
        (*written)++;
    }
    free(rows);
    csv_table_free(&t);
    return rc;
}

static int cmd_app_import(struct cli *cli, int argc, char **argv)
{
    return run_import(cli, argc, argv, _("usage: simsa app import FILE.csv"), import_apps_rows);
}

static int cmd_docs_import(struct cli *cli, int argc, char **argv)
{
    return run_import(cli, argc, argv, _("usage: simsa docs import FILE.csv"), import_docs_rows);
}

static int cmd_finance_import(struct cli *cli, int argc, char **argv)
{
    return run_import(cli, argc, argv, _("usage: simsa finance import FILE.csv"),
                      import_finance_rows);
}

static int cmd_check_set(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--note", NULL};
    char *pos[3];
    if (cli_positional(argc, argv, opts, NULL, pos, 3) != 3)
        return cli_usage(_("usage: simsa check set APP ITEM yes|no [--note TEXT]"));
    bool yes;
    if (yesno_parse(pos[2], &yes) < 0)
        return cli_usage(_("answer \"%s\" must be yes or no"), pos[2]);
    const char *note_in = cli_opt(argc, argv, "--note");
    char *note = utf8_nfc(note_in ? note_in : "");
    if (!note)
        return cli_fail(_("--note is not valid UTF-8"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0) {
        free(note);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL;
    struct secret_key key = {0};
    const struct person *who = NULL;
    const struct disqualifier_def *dq = program_dq(&c.program, pos[1]);
    if (!call_find_app(&c, pos[0])) {
        cli_fail(_("no application \"%s\""), pos[0]);
    } else if (!dq) {
        cli_fail(_("\"%s\" is not a checklist item of %s; the items are:"), pos[1], c.program.id);
        for (size_t i = 0; i < c.program.n_dqs; i++)
            fprintf(stderr, "  %s  %s\n", c.program.dqs[i].id, c.program.dqs[i].text_ko);
    } else if ((who = cli_actor(cli, &c, ROLE_SECRETARIAT)) && cli_unlock(cli, who, &key) == 0) {
        if (store_begin(st) || write_check(st, actor_name(cli), who->id, pos[0], dq->id, yes, note))
            rc = cli_rollback_fail(st, pos[0]);
        else if (cli_commit(st) == 0) {
            printf(_("%s: %s = %s\n"), pos[0], dq->id, yes ? _("yes") : _("no"));
            rc = EXIT_OK;
        }
    }
    secret_key_wipe(&key);
    free(note);
    call_free(&c);
    store_close(st);
    return rc;
}

/* Decide document review for one application and record it, signed by the secretariat. */
static int review_one(struct store *st, struct call *c, struct app_record *r,
                      const struct person *who, const struct secret_key *key)
{
    struct review_result res = {0};
    call_review(c, r, &res);
    int rc = write_review(st, c, r, &res, who, key);
    if (rc == 0) {
        printf("%s\t%s\n", r->a.id, res.passed ? _("passed") : _("failed"));
        for (size_t i = 0; i < res.reasons.n; i++)
            printf("\t%s\n", res.reasons.v[i]);
        for (size_t i = 0; i < res.unanswered.n; i++)
            printf("\t%s %s\n", _("unanswered (counts as not holding):"), res.unanswered.v[i]);
    }
    review_result_free(&res);
    return rc;
}

static int cmd_review_run(struct cli *cli, int argc, char **argv)
{
    char *pos[1];
    int n = cli_positional(argc, argv, NULL, NULL, pos, 1);
    if (n < 0 || n > 1)
        return cli_usage(_("usage: simsa review run [APP]"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct app_record *only = n ? call_find_app(&c, pos[0]) : NULL;
    struct person *who = NULL;
    struct secret_key key = {0};
    if (n && !only)
        cli_fail(_("no application \"%s\""), pos[0]);
    else if ((who = cli_actor(cli, &c, ROLE_SECRETARIAT)) && cli_unlock(cli, who, &key) == 0) {
        int bad = store_begin(st);
        size_t decided = 0, standing = 0;
        for (size_t i = 0; !bad && i < c.n_apps; i++) {
            struct app_record *r = &c.apps[i];
            if (only && r != only)
                continue;
            /* A decision whose facts did not change since is not made again. */
            if (call_review_stands(r)) {
                standing++;
                if (only)
                    printf(_("%s: already decided (%s) and no document, financial figure or "
                             "checklist answer changed since; the decision stands\n"),
                           r->a.id, r->review == REVIEW_PASSED ? _("passed") : _("failed"));
                continue;
            }
            bad = review_one(st, &c, r, who, &key);
            decided++;
        }
        if (!bad && !only && standing)
            printf(ngettext("%zu application already decided with no fact changed since: "
                            "not decided again\n",
                            "%zu applications already decided with no fact changed since: "
                            "not decided again\n",
                            standing),
                   standing);
        /* Review closed: a milestone of the audit chain (when something was decided). */
        if (!bad && decided)
            bad = sign_audit_head(st, &c, who, &key);
        if (bad)
            rc = cli_rollback_fail(st, _("review"));
        else if (cli_commit(st) == 0)
            rc = EXIT_OK;
        secret_key_wipe(&key);
    }
    call_free(&c);
    store_close(st);
    return rc;
}

extern int cli_app_list(struct cli *cli, int argc, char **argv);
extern int cli_app_show(struct cli *cli, int argc, char **argv);

const struct cli_command cli_review_commands[] = {
    {
        .name = "app",
        .sub = "import",
        .usage = "FILE.csv",
        .summary = N_("import applications (UTF-8 or CP949)"),
        .run = cmd_app_import,
        .needs_as = true,
    },
    {
        .name = "app",
        .sub = "list",
        .usage = "[--csv]",
        .summary = N_("the applications with stage and outcome"),
        .run = cli_app_list,
    },
    {
        .name = "app",
        .sub = "show",
        .usage = "ID",
        .summary = N_("everything recorded about one application"),
        .run = cli_app_show,
    },
    {
        .name = "docs",
        .sub = "import",
        .usage = "FILE.csv",
        .summary = N_("submitted documents: app,doc,issued"),
        .run = cmd_docs_import,
        .needs_as = true,
    },
    {
        .name = "check",
        .sub = "set",
        .usage = "APP ITEM yes|no [--note TEXT]",
        .summary = N_("answer an eligibility / disqualifier checklist item (R4)"),
        .run = cmd_check_set,
        .needs_as = true,
    },
    {
        .name = "finance",
        .sub = "import",
        .usage = "FILE.csv",
        .summary =
            N_("financial figures: app,year,liabilities,equity,current_assets,current_liabilities"),
        .run = cmd_finance_import,
        .needs_as = true,
    },
    {
        .name = "review",
        .sub = "run",
        .usage = "[APP]",
        .summary = N_("decide document review (R2-R5; --as secretariat, signed)"),
        .run = cmd_review_run,
        .needs_as = true,
    },
    {.name = NULL},
};
