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

/* One plan command on one application: open, find, unlock the secretariat member, run `act`
 * in a transaction, commit. */
static int plan_run(struct cli *cli, const char *app,
                    int (*act)(struct store *st, struct call *c, struct app_record *r,
                               const struct person *who, const struct secret_key *key, void *ctx),
                    void *ctx)
{
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct app_record *r = call_find_app(&c, app);
    struct person *who = NULL;
    struct secret_key key = {0};
    if (!r)
        cli_fail(_("no application \"%s\""), app);
    else if ((who = cli_actor(cli, &c, ROLE_SECRETARIAT)) && cli_unlock(cli, who, &key) == 0) {
        if (store_begin(st) || act(st, &c, r, who, &key, ctx))
            rc = cli_rollback_fail(st, app);
        else if (cli_commit(st) == 0)
            rc = EXIT_OK;
        secret_key_wipe(&key);
    }
    call_free(&c);
    store_close(st);
    return rc;
}

struct requirement {
    const char *due;
    char *text;
};

static int act_require(struct store *st, struct call *c, struct app_record *r,
                       const struct person *who, const struct secret_key *key, void *ctx)
{
    const struct requirement *q = ctx;
    if (write_plan(st, c, r, false, q->due, q->text, who, key) < 0)
        return -1;
    printf(_("%s: plan revision required by %s\n"), r->a.id, q->due);
    return 0;
}

static int act_done(struct store *st, struct call *c, struct app_record *r,
                    const struct person *who, const struct secret_key *key, void *ctx)
{
    (void)ctx;
    if (write_plan(st, c, r, true, NULL, NULL, who, key) < 0)
        return -1;
    printf(_("%s: plan revision made\n"), r->a.id);
    return 0;
}

static int act_failed(struct store *st, struct call *c, struct app_record *r,
                      const struct person *who, const struct secret_key *key, void *ctx)
{
    (void)ctx;
    struct strlist promoted = {0};
    int rc = write_plan_failed(st, c, r, who, key, &promoted);
    if (rc == 0) {
        printf(_("%s: plan revision not made; forfeited\n"), r->a.id);
        if (promoted.n) {
            char *list = strlist_join(&promoted, " ");
            printf(_("promoted from the waitlist: %s\n"), list);
            free(list);
        }
    }
    strlist_free(&promoted);
    return rc;
}

static int cmd_plan_require(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--due", "--text", NULL};
    char *pos[1];
    const char *due = cli_opt(argc, argv, "--due"), *text_in = cli_opt(argc, argv, "--text");
    if (cli_positional(argc, argv, opts, NULL, pos, 1) != 1 || !due || !text_in || !*text_in)
        return cli_usage(_("usage: simsa plan require APP --due YYYY-MM-DD --text TEXT"));
    sdate day;
    const char *why = NULL;
    if (date_parse(due, &day, &why) < 0)
        return cli_fail(_("--due \"%s\": %s"), due, why);
    char canonical[11];
    date_format(day, canonical);
    struct requirement q = {.due = canonical, .text = utf8_nfc(text_in)};
    if (!q.text)
        return cli_fail(_("--text is not valid UTF-8"));
    int rc = plan_run(cli, pos[0], act_require, &q);
    free(q.text);
    return rc;
}

static int cmd_plan_done(struct cli *cli, int argc, char **argv)
{
    char *pos[1];
    if (cli_positional(argc, argv, NULL, NULL, pos, 1) != 1)
        return cli_usage(_("usage: simsa plan done APP"));
    return plan_run(cli, pos[0], act_done, NULL);
}

static int cmd_plan_failed(struct cli *cli, int argc, char **argv)
{
    char *pos[1];
    if (cli_positional(argc, argv, NULL, NULL, pos, 1) != 1)
        return cli_usage(_("usage: simsa plan failed APP"));
    return plan_run(cli, pos[0], act_failed, NULL);
}

const struct cli_command cli_plan_commands[] = {
    {
        .name = "plan",
        .sub = "require",
        .usage = "APP --due YYYY-MM-DD --text TEXT",
        .summary = N_("the committee requires a plan revision of a selected application (R12.1)"),
        .run = cmd_plan_require,
        .needs_as = true,
    },
    {
        .name = "plan",
        .sub = "done",
        .usage = "APP",
        .summary = N_("the required plan revision was made (R12.1)"),
        .run = cmd_plan_done,
        .needs_as = true,
    },
    {
        .name = "plan",
        .sub = "failed",
        .usage = "APP",
        .summary = N_("the required plan revision was not made: a forfeit (R12.1, R11.7)"),
        .run = cmd_plan_failed,
        .needs_as = true,
    },
    {.name = NULL},
};
