/* Committees and facts about scoring: panels per business field (R6.3), conflicts of interest
 * (R6.4) and bonus points (R8). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/session.h"
#include "core/text.h"
#include "db/order.h"
#include "db/write.h"

/* The business fields of --field, given more than once or as a comma list (NFC, trimmed). */
static int panel_fields(const struct call *c, int argc, char **argv, struct strlist *fields)
{
    int bad = 0;
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--field") != 0)
            continue;
        char *all = utf8_nfc(argv[++i]);
        if (!all)
            return cli_fail(_("--field is not valid UTF-8"));
        for (char *save = NULL, *f = strtok_r(all, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
            char why[512];
            f = str_trim(f);
            bool seen = false;
            for (size_t k = 0; k < fields->n; k++)
                seen |= strcmp(fields->v[k], f) == 0;
            if (!*f || seen)
                continue;
            if (call_field_refusal(c, f, why, sizeof why))
                bad = cli_fail("%s", why);
            else
                strlist_add(fields, f);
        }
        free(all);
    }
    return bad;
}

/* The judges named after the panel's name, as person ids; nonzero when one is not a person. */
static int panel_judges(const struct call *c, char **names, int n, int64_t *judges)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        const struct person *p = call_find_person(c, names[i]);
        if (!p)
            bad = cli_fail(_("%s is not a judge (see simsa person list)"), names[i]);
        else
            judges[i] = p->id;
    }
    return bad;
}

static void panel_added(FILE *out, const struct call *c, const char *name, int n_judges,
                        const struct strlist *fields, const size_t *take, size_t n_take)
{
    fprintf(out, _("panel %s: %d judges\n"), name, n_judges);
    if (!fields->n)
        return;
    char *list = strlist_join(fields, ", ");
    fprintf(out,
            ngettext("panel %s: %zu application of %s assigned\n",
                     "panel %s: %zu applications of %s assigned\n", n_take),
            name, n_take, list);
    for (size_t i = 0; i < n_take; i++)
        fprintf(out, "\t%s\t%s\n", c->apps[take[i]].a.id, c->apps[take[i]].a.industry);
    free(list);
}

static int cmd_panel_add(struct cli *cli)
{
    char **pos = cli->pos;
    int n_judges = cli->n_pos - 1;
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    int64_t *judges = xcalloc((size_t)n_judges, sizeof *judges);
    int bad = panel_judges(c, pos + 1, n_judges, judges);
    struct strlist fields = {0};
    if (panel_fields(c, cli->argc, cli->argv, &fields))
        bad = 1;
    struct strlist problems = {0};
    if (!bad)
        call_panel_check(c, pos[0], judges, (size_t)n_judges, &problems);
    for (size_t i = 0; i < problems.n; i++)
        bad = cli_fail("%s", problems.v[i]);
    strlist_free(&problems);
    /* R6.3: the panel takes the applications of its fields that passed review, on no panel. */
    size_t *take = xcalloc(c->n_apps + 1, sizeof *take);
    size_t n_take = call_field_apps(c, (const char *const *)fields.v, fields.n, take);
    if (!bad && cli_begin(cli, pos[0]) == 0) {
        struct panel fresh = {.name = pos[0]};
        bad = write_panel(cli->st, c, cli->as, pos[0], judges, (size_t)n_judges, &fresh.id);
        for (size_t i = 0; !bad && i < n_take; i++)
            bad = write_assign(cli->st, cli->as, &fresh, &c->apps[take[i]]);
        if (bad) {
            rc = cli_rollback_fail(cli->st, pos[0]);
        } else {
            panel_added(cli->out, c, pos[0], n_judges, &fields, take, n_take);
            rc = EXIT_OK;
        }
    }
    free(take);
    free(judges);
    strlist_free(&fields);
    return rc;
}

static int cmd_panel_assign(struct cli *cli)
{
    char **pos = cli->pos;
    int n = cli->n_pos, bad = 0;
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct panel *panel = call_find_panel(c, pos[0]);
    if (!panel)
        bad = cli_fail(_("no panel named %s (simsa panel add)"), pos[0]);
    for (int i = 1; i < n; i++) {
        struct app_record *r = call_find_app(c, pos[i]);
        if (!r)
            bad = cli_fail(_("no application \"%s\""), pos[i]);
        else if (panel && call_assign_refusal(r, panel->id))
            bad = cli_fail("%s: %s", pos[i], call_assign_refusal(r, panel->id));
    }
    if (bad || cli_begin(cli, pos[0]) < 0)
        return EXIT_FAIL;
    for (int i = 1; !bad && i < n; i++)
        bad = write_assign(cli->st, cli->as, panel, call_find_app(c, pos[i]));
    if (bad)
        return cli_rollback_fail(cli->st, pos[0]);
    fprintf(cli->out, _("panel %s: %d application(s) assigned\n"), pos[0], n - 1);
    return EXIT_OK;
}

/* The presentation order of a panel's applications, set by the secretariat: the named ones
 * first, in that order, then the panel's others as they were. */
static int cmd_panel_order(struct cli *cli)
{
    char **pos = cli->pos;
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct panel *panel = call_find_panel(c, pos[0]);
    size_t *order = NULL, n_order = 0;
    char why[256];
    const char *refusal = NULL;
    if (!panel)
        cli_fail(_("no panel named %s (simsa panel add)"), pos[0]);
    else if ((refusal = session_order(c, panel->id, (const char *const *)pos + 1,
                                      (size_t)(cli->n_pos - 1), &order, &n_order, why, sizeof why)))
        cli_fail("%s", refusal);
    else if (cli_begin(cli, pos[0]) < 0)
        ; /* cli_begin said why */
    else if (write_order(cli->st, c, cli->as, panel->name, order, n_order))
        rc = cli_rollback_fail(cli->st, pos[0]);
    else {
        fprintf(cli->out, _("panel %s: presentation order set for %zu application(s)\n"), pos[0],
                n_order);
        for (size_t i = 0; i < n_order; i++)
            fprintf(cli->out, "%zu\t%s\n", i + 1, c->apps[order[i]].a.id);
        rc = EXIT_OK;
    }
    free(order);
    return rc;
}

static char *required_text(const struct cli *cli, const char *opt)
{
    const char *v = cli_option(cli, opt);
    char *nfc = v ? utf8_nfc(v) : NULL;
    if (nfc && !*str_trim(nfc)) {
        free(nfc);
        return NULL;
    }
    return nfc;
}

static int conflict_write(struct cli *cli, const struct app_record *r, const struct person *judge,
                          const char *reason)
{
    if (cli_begin(cli, r->a.id) < 0)
        return EXIT_FAIL;
    if (write_conflict(cli->st, &cli->c, r, judge, reason, cli->actor, &cli->key))
        return cli_rollback_fail(cli->st, r->a.id);
    fprintf(cli->out, _("%s: %s declared a conflict of interest and will not score it\n"), r->a.id,
            judge->name);
    return EXIT_OK;
}

static int bonus_write(struct cli *cli, const char *app, const struct bonus_def *b, bool awarded,
                       const char *note)
{
    if (cli_begin(cli, app) < 0)
        return EXIT_FAIL;
    if (write_bonus(cli->st, &cli->c, app, b, awarded, note, cli->actor, &cli->key))
        return cli_rollback_fail(cli->st, app);
    char pts[16];
    tenths_format(b->points_tenths, pts, sizeof pts);
    if (awarded)
        fprintf(cli->out, _("%s: bonus %s (+%s)\n"), app, b->id, pts);
    else
        fprintf(cli->out, _("%s: bonus %s cleared\n"), app, b->id);
    return EXIT_OK;
}

/* These commands have always asked for the passphrase before their own checks. */
static struct call *open_unlocked(struct cli *cli)
{
    struct call *c = cli_call(cli);
    return c && cli_unlock_actor(cli) == 0 ? c : NULL;
}

/* R6.4: declared by the judge, or recorded by the secretariat on their behalf. */
static int cmd_conflict_add(struct cli *cli)
{
    char **pos = cli->pos;
    char *reason = required_text(cli, "--reason");
    if (!reason)
        return cli_usage_error(cli);
    struct call *c = open_unlocked(cli);
    int rc = EXIT_FAIL;
    char why[256];
    struct person *judge = c ? call_find_person(c, pos[0]) : NULL, *who = cli->actor;
    struct app_record *r = c ? call_find_app(c, pos[1]) : NULL;
    if (!c)
        ; /* open_unlocked said why */
    else if (!judge || judge->role != ROLE_JUDGE)
        cli_fail(_("%s is not a judge"), pos[0]);
    else if (!r)
        cli_fail(_("no application \"%s\""), pos[1]);
    else if (who->role == ROLE_JUDGE && who->id != judge->id)
        cli_fail(_("%s cannot declare a conflict for %s"), who->name, judge->name);
    else if (who->role == ROLE_INSPECTOR)
        cli_fail(_("an inspector cannot record conflicts of interest"));
    else if (session_conflict_refusal(c, r, judge, why, sizeof why))
        cli_fail("%s", why);
    else
        rc = conflict_write(cli, r, judge, reason);
    free(reason);
    return rc;
}

/* R8: bonuses are facts decided by the secretariat with a note of evidence. */
static int cmd_bonus_set(struct cli *cli)
{
    char **pos = cli->pos;
    char *note = required_text(cli, "--note");
    if (!note)
        return cli_usage_error(cli);
    struct call *c = open_unlocked(cli);
    int rc = EXIT_FAIL;
    struct app_record *r = c ? call_find_app(c, pos[0]) : NULL;
    const struct bonus_def *b = c ? program_bonus(&c->program, pos[1]) : NULL;
    if (!c) {
        /* open_unlocked said why */
    } else if (!r) {
        cli_fail(_("no application \"%s\""), pos[0]);
    } else if (!b) {
        cli_fail(_("\"%s\" is not a bonus of %s; the bonuses are:"), pos[1], c->program.id);
        for (size_t i = 0; i < c->program.n_bonuses; i++)
            fprintf(stderr, "  %s  %s\n", c->program.bonuses[i].id, c->program.bonuses[i].name_ko);
    } else {
        rc = bonus_write(cli, r->a.id, b, true, note);
    }
    free(note);
    return rc;
}

static int cmd_bonus_clear(struct cli *cli)
{
    char **pos = cli->pos;
    struct call *c = open_unlocked(cli);
    if (!c)
        return EXIT_FAIL;
    struct app_record *r = call_find_app(c, pos[0]);
    bool has = false;
    for (size_t i = 0; r && i < r->n_bonuses; i++)
        has |= !strcmp(r->bonuses[i], pos[1]);
    if (!r)
        return cli_fail(_("no application \"%s\""), pos[0]);
    if (!has)
        return cli_fail(_("%s has no bonus %s"), pos[0], pos[1]);
    return bonus_write(cli, r->a.id, program_bonus(&c->program, pos[1]), false, "");
}

const struct cli_command cli_panel_commands[] = {
    {
        .name = "panel",
        .sub = "add",
        .usage = "NAME JUDGE... [--field FIELD[,FIELD...]]...",
        .summary = N_("a committee for one or more business fields (R6.3)"),
        .run = cmd_panel_add,
        .usage_error = N_("usage: simsa panel add NAME JUDGE... [--field FIELD[,FIELD...]]..."),
        .min_args = 2,
        .max_args = 64,
        .options = (const char *const[]){"--field", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "panel",
        .sub = "assign",
        .usage = "NAME APP...",
        .summary = N_("the applications a panel scores"),
        .run = cmd_panel_assign,
        .usage_error = N_("usage: simsa panel assign NAME APP..."),
        .min_args = 2,
        .max_args = -1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "panel",
        .sub = "order",
        .usage = "NAME APP...",
        .summary = N_("the order in which a panel hears its applications"),
        .run = cmd_panel_order,
        .usage_error = N_("usage: simsa panel order NAME APP..."),
        .min_args = 2,
        .max_args = -1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "conflict",
        .sub = "add",
        .usage = "JUDGE APP --reason TEXT",
        .summary = N_("a conflict of interest, by the judge or recorded by the secretariat (R6.4)"),
        .run = cmd_conflict_add,
        .usage_error = N_("usage: simsa conflict add JUDGE APP --reason TEXT"),
        .min_args = 2,
        .max_args = 2,
        .options = (const char *const[]){"--reason", NULL},
        .actor = CLI_ACT_ANYONE,
        .writes = true,
    },
    {
        .name = "bonus",
        .sub = "set",
        .usage = "APP BONUS --note TEXT",
        .summary = N_("award a bonus with its evidence (R8)"),
        .run = cmd_bonus_set,
        .usage_error = N_("usage: simsa bonus set APP BONUS --note TEXT"),
        .min_args = 2,
        .max_args = 2,
        .options = (const char *const[]){"--note", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "bonus",
        .sub = "clear",
        .usage = "APP BONUS",
        .summary = N_("withdraw a bonus"),
        .run = cmd_bonus_clear,
        .usage_error = N_("usage: simsa bonus clear APP BONUS"),
        .min_args = 2,
        .max_args = 2,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {.name = NULL},
};
