/* Applications and their document review: app import/list/show, docs and finance import, the
 * eligibility checklist, and review run (R1–R5). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/import.h"
#include "core/text.h"
#include "db/write.h"

typedef int (*importer_fn)(struct cli *cli, struct store *st, struct call *c, const char *data,
                           size_t len, const char *file, struct diags *d, int *written);

/* The shape every import shares: read, check every row, write all or nothing. */
static int run_import(struct cli *cli, importer_fn fn)
{
    const char *file = cli->pos[0];
    size_t len;
    char *data = cli_read_input(file, &len);
    if (!data)
        return EXIT_FAIL;
    struct call *c = cli_call(cli);
    struct diags d = {0};
    int written = 0, rc = EXIT_FAIL;
    if (c && cli_begin(cli, file) == 0) {
        if (fn(cli, cli->st, c, data, len, file, &d, &written) < 0) {
            store_rollback(cli->st);
            cli_print_diags(&d);
            if (d.n)
                fprintf(stderr,
                        ngettext("%s: %zu problem; nothing was imported\n",
                                 "%s: %zu problems; nothing was imported\n", d.n),
                        file, d.n);
            else
                cli_fail(_("%s: %s; nothing was imported"), file, store_errmsg(cli->st));
        } else {
            fprintf(
                cli->out,
                ngettext("%s: imported %d row\n", "%s: imported %d rows\n", (unsigned long)written),
                file, written);
            rc = EXIT_OK;
        }
    }
    diags_free(&d);
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
        rc = write_application(st, cli->as, &in.apps[i]);
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
        rc = write_document(st, cli->as, rows[i].app, rows[i].doc, rows[i].issued);
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
        rc = write_finance(st, cli->as, rows[i].app, &rows[i].f);
        (*written)++;
    }
    free(rows);
    csv_table_free(&t);
    return rc;
}

static int cmd_app_import(struct cli *cli)
{
    return run_import(cli, import_apps_rows);
}

static int cmd_docs_import(struct cli *cli)
{
    return run_import(cli, import_docs_rows);
}

static int cmd_finance_import(struct cli *cli)
{
    return run_import(cli, import_finance_rows);
}

static int cmd_check_set(struct cli *cli)
{
    char **pos = cli->pos;
    bool yes;
    if (yesno_parse(pos[2], &yes) < 0)
        return cli_usage(_("answer \"%s\" must be yes or no"), pos[2]);
    const char *note_in = cli_option(cli, "--note");
    char *note = utf8_nfc(note_in ? note_in : "");
    if (!note)
        return cli_fail(_("--note is not valid UTF-8"));
    int rc = EXIT_FAIL;
    struct call *c = cli_call(cli);
    const struct disqualifier_def *dq = c ? program_dq(&c->program, pos[1]) : NULL;
    if (!c) {
        /* cli_call said why */
    } else if (!dq) {
        cli_fail(_("\"%s\" is not a checklist item of %s; the items are:"), pos[1], c->program.id);
        for (size_t i = 0; i < c->program.n_dqs; i++)
            fprintf(stderr, "  %s  %s\n", c->program.dqs[i].id, c->program.dqs[i].text_ko);
    } else if (cli_begin(cli, pos[0]) == 0) {
        if (write_check(cli->st, cli->as, cli->actor->id, pos[0], dq->id, yes, note)) {
            rc = cli_rollback_fail(cli->st, pos[0]);
        } else {
            fprintf(cli->out, _("%s: %s = %s\n"), pos[0], dq->id, yes ? _("yes") : _("no"));
            rc = EXIT_OK;
        }
    }
    free(note);
    return rc;
}

static bool same_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* R11.7: an application's contact name and e-mail corrected, before or after the result (the
 * notification drafts go to it); the whole application is recorded again with them. */
static int cmd_app_contact(struct cli *cli)
{
    const char *name_in = cli_option(cli, "--name"), *email = cli_option(cli, "--email");
    if (!name_in && !email)
        return cli_usage_error(cli);
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct application a = cli->app->a;
    char *name = name_in ? utf8_nfc(name_in) : NULL;
    if (name_in && !name)
        return cli_fail(_("--name is not valid UTF-8"));
    if (name)
        a.contact_name = name;
    if (email)
        a.contact_email = (char *)email;
    int rc = EXIT_FAIL;
    const char *why = text_contact_refusal(a.contact_name, a.contact_email);
    if (why) {
        cli_fail(_("%s: contact %s <%s>: %s"), a.id, a.contact_name ? a.contact_name : "",
                 a.contact_email ? a.contact_email : "", why);
    } else if (same_text(a.contact_name, cli->app->a.contact_name) &&
               same_text(a.contact_email, cli->app->a.contact_email)) {
        fprintf(cli->out, _("%s: the contact is %s <%s> already; nothing was recorded\n"), a.id,
                a.contact_name ? a.contact_name : "", a.contact_email);
        rc = EXIT_OK;
    } else if (cli_begin(cli, a.id) == 0) {
        if (write_app_contact(cli->st, cli->as, &a)) {
            rc = cli_rollback_fail(cli->st, a.id);
        } else {
            fprintf(cli->out, _("%s: contact now %s <%s>\n"), a.id,
                    a.contact_name ? a.contact_name : "", a.contact_email);
            rc = EXIT_OK;
        }
    }
    free(name);
    return rc;
}

/* Decide document review for one application and record it, signed by the secretariat. */
static int review_one(FILE *out, struct store *st, struct call *c, struct app_record *r,
                      const struct person *who, const struct secret_key *key)
{
    struct review_result res = {0};
    call_review(c, r, &res);
    int rc = write_review(st, c, r, &res, who, key);
    if (rc == 0) {
        fprintf(out, "%s\t%s\n", r->a.id, res.passed ? _("passed") : _("failed"));
        for (size_t i = 0; i < res.reasons.n; i++)
            fprintf(out, "\t%s\n", res.reasons.v[i]);
        for (size_t i = 0; i < res.unanswered.n; i++)
            fprintf(out, "\t%s %s\n", _("unanswered (counts as not holding):"),
                    res.unanswered.v[i]);
    }
    review_result_free(&res);
    return rc;
}

static int cmd_review_run(struct cli *cli)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct app_record *only = cli->app; /* review run APP: that one only */
    if (cli_begin(cli, _("review")) < 0)
        return EXIT_FAIL;
    int bad = 0;
    size_t decided = 0, standing = 0;
    for (size_t i = 0; !bad && i < c->n_apps; i++) {
        struct app_record *r = &c->apps[i];
        if (only && r != only)
            continue;
        /* A decision whose facts did not change since is not made again. */
        if (call_review_stands(r)) {
            standing++;
            if (only)
                fprintf(cli->out,
                        _("%s: already decided (%s) and no document, financial figure or "
                          "checklist answer changed since; the decision stands\n"),
                        r->a.id, r->review == REVIEW_PASSED ? _("passed") : _("failed"));
            continue;
        }
        bad = review_one(cli->out, cli->st, c, r, cli->actor, &cli->key);
        decided++;
    }
    if (!bad && !only && standing)
        fprintf(cli->out,
                ngettext("%zu application already decided with no fact changed since: "
                         "not decided again\n",
                         "%zu applications already decided with no fact changed since: "
                         "not decided again\n",
                         standing),
                standing);
    /* Review closed: a milestone of the audit chain (when something was decided). */
    if (!bad && decided)
        bad = sign_audit_head(cli->st, c, cli->actor, &cli->key);
    return bad ? cli_rollback_fail(cli->st, _("review")) : EXIT_OK;
}

extern int cli_app_list(struct cli *cli);
extern int cli_app_show(struct cli *cli);

const struct cli_command cli_review_commands[] = {
    {
        .name = "app",
        .sub = "import",
        .usage = "FILE.csv",
        .summary = N_("import applications (UTF-8 or CP949)"),
        .run = cmd_app_import,
        .usage_error = N_("usage: simsa app import FILE.csv"),
        .min_args = 1,
        .max_args = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "app",
        .sub = "list",
        .usage = "[--csv]",
        .summary = N_("the applications with stage and outcome"),
        .run = cli_app_list,
        .usage_error = N_("usage: simsa app list [--csv]"),
        .flags = (const char *const[]){"--csv", NULL},
    },
    {
        .name = "app",
        .sub = "show",
        .usage = "ID",
        .summary = N_("everything recorded about one application"),
        .run = cli_app_show,
        .usage_error = N_("usage: simsa app show ID"),
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
    },
    {
        .name = "app",
        .sub = "contact",
        .usage = "APP [--name NAME] [--email ADDRESS]",
        .summary = N_("correct an application's contact name or e-mail, also after the result "
                      "(R11.7)"),
        .run = cmd_app_contact,
        .usage_error = N_("usage: simsa app contact APP [--name NAME] [--email ADDRESS]"),
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
        .options = (const char *const[]){"--name", "--email", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "docs",
        .sub = "import",
        .usage = "FILE.csv",
        .summary = N_("submitted documents: app,doc,issued"),
        .run = cmd_docs_import,
        .usage_error = N_("usage: simsa docs import FILE.csv"),
        .min_args = 1,
        .max_args = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "check",
        .sub = "set",
        .usage = "APP ITEM yes|no [--note TEXT]",
        .summary = N_("answer an eligibility / disqualifier checklist item (R4)"),
        .run = cmd_check_set,
        .usage_error = N_("usage: simsa check set APP ITEM yes|no [--note TEXT]"),
        .min_args = 3,
        .max_args = 3,
        .app_arg = 1,
        .options = (const char *const[]){"--note", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "finance",
        .sub = "import",
        .usage = "FILE.csv",
        .summary =
            N_("financial figures: app,year,liabilities,equity,current_assets,current_liabilities"),
        .run = cmd_finance_import,
        .usage_error = N_("usage: simsa finance import FILE.csv"),
        .min_args = 1,
        .max_args = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "review",
        .sub = "run",
        .usage = "[APP]",
        .summary = N_("decide document review (R2-R5; --as secretariat, signed)"),
        .run = cmd_review_run,
        .usage_error = N_("usage: simsa review run [APP]"),
        .max_args = 1,
        .app_arg = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {.name = NULL},
};
