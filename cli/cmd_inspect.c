/* Site inspection (R13): `inspect add` records the date, team, facts checked, findings and notes
 * of one application's inspection, signed by the person recording it. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/write.h"

/* Every value of a repeatable option, NFC-normalised; -1 when one is not UTF-8. */
static int opt_all(const struct cli *cli, const char *name, struct strlist *out)
{
    int argc = cli->argc;
    char **argv = cli->argv;
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], name) != 0)
            continue;
        char *v = utf8_nfc(argv[++i]);
        if (!v)
            return -1;
        if (*str_trim(v))
            strlist_add(out, v);
        free(v);
    }
    return 0;
}

static int split_team(const char *team, struct strlist *out)
{
    char *copy = utf8_nfc(team), *save = NULL;
    if (!copy)
        return -1;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
        if (*str_trim(t))
            strlist_add(out, t);
    free(copy);
    return 0;
}

static int inspection_read_args(struct cli *cli, struct inspection_in *in)
{
    const char *team = cli_option(cli, "--team"), *notes = cli_option(cli, "--notes-file");
    in->date = cli_option(cli, "--date");
    in->app = cli->pos[0];
    sdate day;
    const char *why = NULL;
    if (date_parse(in->date, &day, &why) < 0)
        return cli_fail(_("--date \"%s\": %s"), in->date, why);
    size_t len;
    char *raw = cli_read_input(notes, &len);
    if (!raw)
        return EXIT_FAIL;
    in->notes = strlen(raw) == len ? utf8_nfc(raw) : NULL;
    free(raw);
    if (!in->notes || split_team(team, &in->team) < 0 ||
        opt_all(cli, "--finding", &in->findings) < 0 || opt_all(cli, "--fact", &in->facts) < 0)
        return cli_fail(_("%s: the notes, team, facts and findings must be UTF-8 text"), notes);
    return EXIT_OK;
}

static void inspection_in_free(struct inspection_in *in)
{
    strlist_free(&in->team);
    strlist_free(&in->facts);
    strlist_free(&in->findings);
    free(in->notes);
}

static int cmd_inspect_add(struct cli *cli)
{
    struct inspection_in in = {0};
    int rc = inspection_read_args(cli, &in);
    struct call *c = rc == EXIT_OK ? cli_call(cli) : NULL;
    struct person *who = c ? cli_who(cli) : NULL;
    if (!who) {
        inspection_in_free(&in);
        return rc != EXIT_OK ? rc : EXIT_FAIL;
    }
    rc = EXIT_FAIL;
    char why[256];
    const char *refusal = inspection_refusal(c, &in, who, why, sizeof why);
    if (refusal) {
        cli_fail("%s: %s", in.app, refusal);
    } else if (cli_begin(cli, in.app) == 0) {
        if (write_inspection(cli->st, c, &in, who, &cli->key)) {
            rc = cli_rollback_fail(cli->st, in.app);
        } else {
            fprintf(cli->out, _("%s: site inspection of %s recorded and signed by %s\n"), in.app,
                    in.date, who->name);
            rc = EXIT_OK;
        }
    }
    inspection_in_free(&in);
    return rc;
}

const struct cli_command cli_inspect_commands[] = {
    {
        .name = "inspect",
        .sub = "add",
        .usage = "APP --date D --team \"A,B\" --notes-file F [--finding TEXT]... [--fact TEXT]...",
        .summary = N_("record a site inspection (R13; --as inspector or secretariat, signed)"),
        .run = cmd_inspect_add,
        .usage_error = N_("usage: simsa --as NAME inspect add APP --date D --team \"A,B\" "
                          "--notes-file F [--finding TEXT]... [--fact TEXT]..."),
        .min_args = 1,
        .max_args = 1,
        .options =
            (const char *const[]){"--date", "--team", "--notes-file", "--finding", "--fact", NULL},
        .required = (const char *const[]){"--date", "--team", "--notes-file", NULL},
        .actor = CLI_ACT_ANYONE,
        .writes = true,
    },
    {.name = NULL},
};
