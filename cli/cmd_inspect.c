/* Site inspection (R13): `inspect add` records the date, team, facts checked, findings and notes
 * of one application's inspection, signed by the person recording it. */
#include <stdlib.h>
#include <string.h>

#include "cli/write.h"
#include "core/i18n.h"
#include "core/text.h"

/* Every value of a repeatable option, NFC-normalised; -1 when one is not UTF-8. */
static int opt_all(int argc, char **argv, const char *name, struct strlist *out)
{
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

struct inspection_in {
    const char *app, *date;
    struct strlist team, facts, findings;
    char *notes;
};

static int inspection_write(struct store *st, const struct call *c, const struct inspection_in *in,
                            const struct person *who, const struct secret_key *key)
{
    struct cli_record rec;
    cli_record_begin(&rec);
    struct record_inspection ri = {
        .program = c->program.id,
        .app = in->app,
        .date = in->date,
        .members = (const char *const *)in->team.v,
        .n_members = in->team.n,
        .facts = (const char *const *)in->facts.v,
        .n_facts = in->facts.n,
        .findings = (const char *const *)in->findings.v,
        .n_findings = in->findings.n,
        .notes = in->notes,
        .signer = who->name,
        .at = rec.at,
    };
    char *why = NULL;
    int rc = cli_record_sign(&rec, who, key, RECORD_INSPECTION, in->app,
                             record_inspection_text(&ri, &why), why);
    char *team = strlist_join(&in->team, "\n"), *facts = strlist_join(&in->facts, "\n");
    char *findings = strlist_join(&in->findings, "\n");
    struct inspection_write w = {.app = in->app,
                                 .date = in->date,
                                 .team = team,
                                 .facts = facts,
                                 .findings = findings,
                                 .notes = in->notes,
                                 .sign = &rec.sign};
    if (rc == 0)
        rc = store_inspection_add(st, &w) ||
             store_event_signed(st, who->name, "inspection", in->app, in->date, rec.text);
    free(team);
    free(facts);
    free(findings);
    cli_record_free(&rec);
    return rc ? -1 : 0;
}

static int inspection_read_args(struct cli *cli, int argc, char **argv, struct inspection_in *in)
{
    static const char *const opts[] = {"--date",    "--team", "--notes-file",
                                       "--finding", "--fact", NULL};
    char *pos[1];
    (void)cli;
    const char *team = cli_opt(argc, argv, "--team"), *notes = cli_opt(argc, argv, "--notes-file");
    in->date = cli_opt(argc, argv, "--date");
    if (cli_positional(argc, argv, opts, NULL, pos, 1) != 1 || !in->date || !team || !notes)
        return cli_usage(_("usage: simsa --as NAME inspect add APP --date D --team \"A,B\" "
                           "--notes-file F [--finding TEXT]... [--fact TEXT]..."));
    in->app = pos[0];
    sdate day;
    const char *why = NULL;
    if (date_parse(in->date, &day, &why) < 0)
        return cli_fail(_("--date \"%s\": %s"), in->date, why);
    size_t len;
    char *err = NULL, *raw = cli_read_file(notes, &len, &err);
    if (!raw) {
        cli_fail("%s", err);
        free(err);
        return EXIT_FAIL;
    }
    in->notes = strlen(raw) == len ? utf8_nfc(raw) : NULL;
    free(raw);
    if (!in->notes || split_team(team, &in->team) < 0 ||
        opt_all(argc, argv, "--finding", &in->findings) < 0 ||
        opt_all(argc, argv, "--fact", &in->facts) < 0)
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

static int cmd_inspect_add(struct cli *cli, int argc, char **argv)
{
    struct inspection_in in = {0};
    int rc = inspection_read_args(cli, argc, argv, &in);
    struct store *st;
    struct call c;
    if (rc != EXIT_OK || cli_open(cli, &st, &c) < 0) {
        inspection_in_free(&in);
        return rc != EXIT_OK ? rc : EXIT_FAIL;
    }
    rc = EXIT_FAIL;
    int most = c.program.inspection_evaluators + c.program.inspection_staff;
    struct person *who = NULL;
    struct secret_key key = {0};
    if (!call_find_app(&c, in.app))
        cli_fail(_("no application \"%s\""), in.app);
    else if (in.team.n < 1 || (int)in.team.n > most)
        cli_fail(_("R13: the team of %s has %d evaluator(s) and %d staff, at most %d people; "
                   "--team names %zu"),
                 c.program.id, c.program.inspection_evaluators, c.program.inspection_staff, most,
                 in.team.n);
    else if ((who = cli_actor(cli, &c, -1)) && who->role == ROLE_JUDGE)
        cli_fail(_("%s is a judge: inspections are recorded by an inspector or the secretariat"),
                 who->name);
    else if (who && cli_unlock(cli, who, &key) == 0) {
        if (store_begin(st) || inspection_write(st, &c, &in, who, &key))
            rc = cli_rollback_fail(st, in.app);
        else if (cli_commit(st) == 0) {
            printf(_("%s: site inspection of %s recorded and signed by %s\n"), in.app, in.date,
                   who->name);
            rc = EXIT_OK;
        }
        secret_key_wipe(&key);
    }
    inspection_in_free(&in);
    call_free(&c);
    store_close(st);
    return rc;
}

const struct cli_command cli_inspect_commands[] = {
    {
        .name = "inspect",
        .sub = "add",
        .usage = "APP --date D --team \"A,B\" --notes-file F [--finding TEXT]... [--fact TEXT]...",
        .summary = N_("record a site inspection (R13; --as inspector or secretariat, signed)"),
        .run = cmd_inspect_add,
        .needs_as = true,
    },
    {.name = NULL},
};
