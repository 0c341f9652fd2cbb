/* Plan revisions after selection (R12.1): the committee's requirement with its due date, the
 * secretariat's record that it was made, or that it was not (a forfeit, R11.7). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/text.h"
#include "db/store.h"
#include "db/write.h"

/* One plan command on one application: find it, then `act` on it as the secretariat member. */
static int plan_run(struct cli *cli,
                    int (*act)(FILE *out, struct store *st, struct call *c, struct app_record *r,
                               const struct person *who, const struct secret_key *key, void *ctx),
                    void *ctx)
{
    const char *app = cli->pos[0];
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    if (cli_begin(cli, app) < 0)
        return EXIT_FAIL;
    if (act(cli->out, cli->st, c, cli->app, cli->actor, &cli->key, ctx))
        return cli_rollback_fail(cli->st, app);
    return EXIT_OK;
}

struct requirement {
    const char *due;
    char *text;
};

static int act_require(FILE *out, struct store *st, struct call *c, struct app_record *r,
                       const struct person *who, const struct secret_key *key, void *ctx)
{
    const struct requirement *q = ctx;
    if (write_plan(st, c, r, false, q->due, q->text, who, key) < 0)
        return -1;
    fprintf(out, _("%s: plan revision required by %s\n"), r->a.id, q->due);
    return 0;
}

static int act_done(FILE *out, struct store *st, struct call *c, struct app_record *r,
                    const struct person *who, const struct secret_key *key, void *ctx)
{
    (void)ctx;
    if (write_plan(st, c, r, true, NULL, NULL, who, key) < 0)
        return -1;
    fprintf(out, _("%s: plan revision made\n"), r->a.id);
    return 0;
}

static int act_failed(FILE *out, struct store *st, struct call *c, struct app_record *r,
                      const struct person *who, const struct secret_key *key, void *ctx)
{
    (void)ctx;
    struct strlist promoted = {0};
    int rc = write_plan_failed(st, c, r, who, key, &promoted);
    if (rc == 0) {
        fprintf(out, _("%s: plan revision not made; forfeited\n"), r->a.id);
        if (promoted.n) {
            char *list = strlist_join(&promoted, " ");
            fprintf(out, _("promoted from the waitlist: %s\n"), list);
            free(list);
        }
    }
    strlist_free(&promoted);
    return rc;
}

static int cmd_plan_require(struct cli *cli)
{
    const char *due = cli_option(cli, "--due"), *text_in = cli_option(cli, "--text");
    if (!*text_in)
        return cli_usage_error(cli);
    sdate day;
    const char *why = NULL;
    if (date_parse(due, &day, &why) < 0)
        return cli_fail(_("--due \"%s\": %s"), due, why);
    char canonical[11];
    date_format(day, canonical);
    struct requirement q = {.due = canonical, .text = utf8_nfc(text_in)};
    if (!q.text)
        return cli_fail(_("--text is not valid UTF-8"));
    int rc = plan_run(cli, act_require, &q);
    free(q.text);
    return rc;
}

static int cmd_plan_done(struct cli *cli)
{
    return plan_run(cli, act_done, NULL);
}

static int cmd_plan_failed(struct cli *cli)
{
    return plan_run(cli, act_failed, NULL);
}

const struct cli_command cli_plan_commands[] = {
    {
        .name = "plan",
        .sub = "require",
        .usage = "APP --due YYYY-MM-DD --text TEXT",
        .summary = N_("the committee requires a plan revision of a selected application (R12.1)"),
        .run = cmd_plan_require,
        .usage_error = N_("usage: simsa plan require APP --due YYYY-MM-DD --text TEXT"),
        .options = (const char *const[]){"--due", "--text", NULL},
        .required = (const char *const[]){"--due", "--text", NULL},
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "plan",
        .sub = "done",
        .usage = "APP",
        .summary = N_("the required plan revision was made (R12.1)"),
        .run = cmd_plan_done,
        .usage_error = N_("usage: simsa plan done APP"),
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "plan",
        .sub = "failed",
        .usage = "APP",
        .summary = N_("the required plan revision was not made: a forfeit (R12.1, R11.7)"),
        .run = cmd_plan_failed,
        .usage_error = N_("usage: simsa plan failed APP"),
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {.name = NULL},
};
