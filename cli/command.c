/* The framework around every command (tmux's cmd_entry): arguments, the store and the call,
 * the actor and their key, the transaction, the report, and freeing, declared by the entry. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"

int cli_usage_error(const struct cli *cli)
{
    return cli_usage("%s", _(cli->cmd->usage_error));
}

static bool required_given(const struct cli_command *cmd, int argc, char **argv)
{
    for (const char *const *r = cmd->required; r && *r; r++)
        if (!cli_opt(argc, argv, *r))
            return false;
    return true;
}

/* The positional arguments into cli->pos: 0, or EXIT_USAGE with the usage printed. */
static int parse_args(const struct cli_command *cmd, struct cli *cli)
{
    int n = cli_positional(cli->argc, cli->argv, cmd->options, cmd->flags, NULL, 0);
    if (n < 0 || n < cmd->min_args || (cmd->max_args >= 0 && n > cmd->max_args) ||
        !required_given(cmd, cli->argc, cli->argv))
        return cli_usage_error(cli);
    cli->pos = xcalloc((size_t)n + 1, sizeof *cli->pos);
    cli->n_pos = cli_positional(cli->argc, cli->argv, cmd->options, cmd->flags, cli->pos, n);
    return 0;
}

struct call *cli_call(struct cli *cli)
{
    if (cli->loaded)
        return cli->app || !cli->cmd->app_arg || cli->cmd->app_arg > cli->n_pos ? &cli->c : NULL;
    struct store *st;
    int rc = cli_open(cli, &st, &cli->c, cli->cmd->store);
    if (rc < 0)
        return NULL;
    cli->loaded = true;
    int arg = cli->cmd->app_arg;
    if (arg > 0 && arg <= cli->n_pos) {
        cli->app = call_find_app(&cli->c, cli->pos[arg - 1]);
        if (!cli->app) {
            cli_fail(_("no application \"%s\""), cli->pos[arg - 1]);
            return NULL;
        }
    }
    return &cli->c;
}

struct person *cli_who(struct cli *cli)
{
    if (!cli->actor && cli_call(cli))
        cli->actor = cli_actor(cli, &cli->c,
                               cli->cmd->actor == CLI_ACT_SECRETARIAT ? (int)ROLE_SECRETARIAT : -1);
    return cli->actor;
}

int cli_unlock_actor(struct cli *cli)
{
    if (cli->unlocked)
        return 0;
    struct person *who = cli_who(cli);
    if (!who || cli_unlock(cli, who, &cli->key) < 0)
        return -1;
    cli->unlocked = true;
    return 0;
}

int cli_transaction(struct cli *cli, const char *what)
{
    if (store_begin(cli->st) < 0) {
        cli_rollback_fail(cli->st, what);
        return -1;
    }
    cli->began = true;
    return 0;
}

int cli_begin(struct cli *cli, const char *what)
{
    return cli_unlock_actor(cli) < 0 ? -1 : cli_transaction(cli, what);
}

void cli_discard(struct cli *cli)
{
    if (cli->began)
        store_rollback(cli->st);
    cli->began = false;
}

const char *cli_option(const struct cli *cli, const char *name)
{
    return cli_opt(cli->argc, cli->argv, name);
}

bool cli_has_flag(const struct cli *cli, const char *name)
{
    return cli_flag(cli->argc, cli->argv, name);
}

/* Commit what run wrote when it succeeded, else roll it back. False when the commit failed
 * (then nothing of the report is shown: nothing was saved). */
static bool end_transaction(struct cli *cli, int *rc)
{
    if (!cli->began)
        return true;
    cli->began = false;
    if (*rc != EXIT_OK) {
        store_rollback(cli->st);
        return true;
    }
    if (cli_commit(cli->st) == 0)
        return true;
    *rc = EXIT_FAIL;
    return false;
}

int cli_run(const struct cli_command *cmd, struct cli *cli, int argc, char **argv)
{
    cli->cmd = cmd;
    cli->argc = argc;
    cli->argv = argv;
    if (!cmd->parses_itself) {
        int bad = parse_args(cmd, cli);
        if (bad)
            return bad;
    }
    /* A writing command's report waits until its change is saved. */
    char *report = NULL;
    size_t report_len = 0;
    cli->out = cmd->writes ? open_memstream(&report, &report_len) : stdout;
    if (!cli->out)
        cli->out = stdout;
    int rc = cmd->run(cli);
    bool saved = end_transaction(cli, &rc);
    if (cli->out != stdout) {
        fclose(cli->out);
        if (saved && report_len)
            fwrite(report, 1, report_len, stdout);
        free(report);
    }
    cli->out = stdout;
    secret_key_wipe(&cli->key);
    if (cli->st)
        store_set_actor(cli->st, NULL, NULL);
    if (cli->loaded)
        call_free(&cli->c);
    store_close(cli->st);
    cli->st = NULL;
    free(cli->pos);
    return rc;
}
