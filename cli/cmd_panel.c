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

/* Open the call, find the acting person of `role` (-1 any) and unlock their key. */
static int begin_signed(struct cli *cli, struct store **st, struct call *c, int role,
                        struct person **who, struct secret_key *key)
{
    if (cli_open(cli, st, c) < 0)
        return -1;
    *who = cli_actor(cli, c, role);
    if (!*who || cli_unlock(cli, *who, key) < 0) {
        call_free(c);
        store_close(*st);
        return -1;
    }
    return 0;
}

static void end_signed(struct store *st, struct call *c, struct secret_key *key)
{
    secret_key_wipe(key);
    call_free(c);
    store_close(st);
}

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

static int cmd_panel_add(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--field", NULL};
    char *pos[64];
    int n = cli_positional(argc, argv, opts, NULL, pos, 64);
    if (n < 2 || n > 64)
        return cli_usage(_("usage: simsa panel add NAME JUDGE... [--field FIELD[,FIELD...]]..."));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    int64_t judges[64];
    int bad = 0;
    for (int i = 1; i < n; i++) {
        struct person *p = call_find_person(&c, pos[i]);
        if (!p)
            bad = cli_fail(_("%s is not a judge (see simsa person list)"), pos[i]);
        else
            judges[i - 1] = p->id;
    }
    struct strlist fields = {0};
    if (panel_fields(&c, argc, argv, &fields))
        bad = 1;
    struct strlist problems = {0};
    if (!bad)
        call_panel_check(&c, pos[0], judges, (size_t)(n - 1), &problems);
    for (size_t i = 0; i < problems.n; i++)
        bad = cli_fail("%s", problems.v[i]);
    strlist_free(&problems);
    /* R6.3: the panel takes the applications of its fields that passed review, on no panel. */
    size_t *take = xcalloc(c.n_apps + 1, sizeof *take);
    size_t n_take = call_field_apps(&c, (const char *const *)fields.v, fields.n, take);
    struct secret_key key = {0};
    if (!bad && cli_act(cli, &c, ROLE_SECRETARIAT, &key) == 0) {
        const char *actor = cli->as;
        struct panel fresh = {.name = pos[0]};
        bad = store_begin(st) ||
              write_panel(st, &c, actor, pos[0], judges, (size_t)(n - 1), &fresh.id);
        for (size_t i = 0; !bad && i < n_take; i++)
            bad = write_assign(st, actor, &fresh, &c.apps[take[i]]);
        if (bad)
            rc = cli_rollback_fail(st, pos[0]);
        else if (cli_commit(st) == 0) {
            printf(_("panel %s: %d judges\n"), pos[0], n - 1);
            if (fields.n) {
                char *list = strlist_join(&fields, ", ");
                printf(ngettext("panel %s: %zu application of %s assigned\n",
                                "panel %s: %zu applications of %s assigned\n", n_take),
                       pos[0], n_take, list);
                for (size_t i = 0; i < n_take; i++)
                    printf("\t%s\t%s\n", c.apps[take[i]].a.id, c.apps[take[i]].a.industry);
                free(list);
            }
            rc = EXIT_OK;
        }
    }
    secret_key_wipe(&key);
    free(take);
    strlist_free(&fields);
    call_free(&c);
    store_close(st);
    return rc;
}

static int cmd_panel_assign(struct cli *cli, int argc, char **argv)
{
    int n = cli_positional(argc, argv, NULL, NULL, NULL, 0);
    if (n < 2)
        return cli_usage(_("usage: simsa panel assign NAME APP..."));
    char **pos = xcalloc((size_t)n, sizeof *pos);
    cli_positional(argc, argv, NULL, NULL, pos, n);
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0) {
        free(pos);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL, bad = 0;
    struct panel *panel = call_find_panel(&c, pos[0]);
    if (!panel)
        bad = cli_fail(_("no panel named %s (simsa panel add)"), pos[0]);
    for (int i = 1; i < n; i++) {
        struct app_record *r = call_find_app(&c, pos[i]);
        if (!r)
            bad = cli_fail(_("no application \"%s\""), pos[i]);
        else if (panel && call_assign_refusal(r, panel->id))
            bad = cli_fail("%s: %s", pos[i], call_assign_refusal(r, panel->id));
    }
    struct secret_key key = {0};
    if (!bad && cli_act(cli, &c, ROLE_SECRETARIAT, &key) == 0) {
        bad = store_begin(st);
        for (int i = 1; !bad && i < n; i++)
            bad = write_assign(st, cli->as, panel, call_find_app(&c, pos[i]));
        if (bad)
            rc = cli_rollback_fail(st, pos[0]);
        else if (cli_commit(st) == 0) {
            printf(_("panel %s: %d application(s) assigned\n"), pos[0], n - 1);
            rc = EXIT_OK;
        }
    }
    secret_key_wipe(&key);
    free(pos);
    call_free(&c);
    store_close(st);
    return rc;
}

/* The presentation order of a panel's applications, set by the secretariat: the named ones
 * first, in that order, then the panel's others as they were. */
static int cmd_panel_order(struct cli *cli, int argc, char **argv)
{
    int n = cli_positional(argc, argv, NULL, NULL, NULL, 0);
    if (n < 2)
        return cli_usage(_("usage: simsa panel order NAME APP..."));
    char **pos = xcalloc((size_t)n, sizeof *pos);
    cli_positional(argc, argv, NULL, NULL, pos, n);
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0) {
        free(pos);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL;
    struct panel *panel = call_find_panel(&c, pos[0]);
    size_t *order = NULL, n_order = 0;
    char why[256];
    const char *refusal = NULL;
    struct secret_key key = {0};
    if (!panel)
        cli_fail(_("no panel named %s (simsa panel add)"), pos[0]);
    else if ((refusal = session_order(&c, panel->id, (const char *const *)pos + 1, (size_t)(n - 1),
                                      &order, &n_order, why, sizeof why)))
        cli_fail("%s", refusal);
    else if (cli_act(cli, &c, ROLE_SECRETARIAT, &key) < 0)
        ; /* cli_act said why */
    else if (store_begin(st) || write_order(st, &c, cli->as, panel->name, order, n_order))
        rc = cli_rollback_fail(st, pos[0]);
    else if (cli_commit(st) == 0) {
        printf(_("panel %s: presentation order set for %zu application(s)\n"), pos[0], n_order);
        for (size_t i = 0; i < n_order; i++)
            printf("%zu\t%s\n", i + 1, c.apps[order[i]].a.id);
        rc = EXIT_OK;
    }
    secret_key_wipe(&key);
    free(order);
    free(pos);
    call_free(&c);
    store_close(st);
    return rc;
}

static char *required_text(int argc, char **argv, const char *opt)
{
    const char *v = cli_opt(argc, argv, opt);
    char *nfc = v ? utf8_nfc(v) : NULL;
    if (nfc && !*str_trim(nfc)) {
        free(nfc);
        return NULL;
    }
    return nfc;
}

static int conflict_write(struct store *st, const struct call *c, const struct app_record *r,
                          const struct person *judge, const struct person *who,
                          const struct secret_key *key, const char *reason)
{
    if (store_begin(st) || write_conflict(st, c, r, judge, reason, who, key))
        return cli_rollback_fail(st, r->a.id);
    if (cli_commit(st) < 0)
        return EXIT_FAIL;
    printf(_("%s: %s declared a conflict of interest and will not score it\n"), r->a.id,
           judge->name);
    return EXIT_OK;
}

static int bonus_write(struct store *st, const struct call *c, const char *app,
                       const struct bonus_def *b, bool awarded, const char *note,
                       const struct person *who, const struct secret_key *key)
{
    if (store_begin(st) || write_bonus(st, c, app, b, awarded, note, who, key))
        return cli_rollback_fail(st, app);
    if (cli_commit(st) < 0)
        return EXIT_FAIL;
    char pts[16];
    tenths_format(b->points_tenths, pts, sizeof pts);
    if (awarded)
        printf(_("%s: bonus %s (+%s)\n"), app, b->id, pts);
    else
        printf(_("%s: bonus %s cleared\n"), app, b->id);
    return EXIT_OK;
}

/* R6.4: declared by the judge, or recorded by the secretariat on their behalf. */
static int cmd_conflict_add(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--reason", NULL};
    char *pos[2];
    char *reason = required_text(argc, argv, "--reason");
    if (cli_positional(argc, argv, opts, NULL, pos, 2) != 2 || !reason) {
        free(reason);
        return cli_usage(_("usage: simsa conflict add JUDGE APP --reason TEXT"));
    }
    struct store *st;
    struct call c;
    struct person *who;
    struct secret_key key = {0};
    if (begin_signed(cli, &st, &c, -1, &who, &key) < 0) {
        free(reason);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL;
    char why[256];
    struct person *judge = call_find_person(&c, pos[0]);
    struct app_record *r = call_find_app(&c, pos[1]);
    if (!judge || judge->role != ROLE_JUDGE)
        cli_fail(_("%s is not a judge"), pos[0]);
    else if (!r)
        cli_fail(_("no application \"%s\""), pos[1]);
    else if (who->role == ROLE_JUDGE && who->id != judge->id)
        cli_fail(_("%s cannot declare a conflict for %s"), who->name, judge->name);
    else if (who->role == ROLE_INSPECTOR)
        cli_fail(_("an inspector cannot record conflicts of interest"));
    else if (session_conflict_refusal(&c, r, judge, why, sizeof why))
        cli_fail("%s", why);
    else
        rc = conflict_write(st, &c, r, judge, who, &key, reason);
    free(reason);
    end_signed(st, &c, &key);
    return rc;
}

/* R8: bonuses are facts decided by the secretariat with a note of evidence. */
static int cmd_bonus_set(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--note", NULL};
    char *pos[2];
    char *note = required_text(argc, argv, "--note");
    if (cli_positional(argc, argv, opts, NULL, pos, 2) != 2 || !note) {
        free(note);
        return cli_usage(_("usage: simsa bonus set APP BONUS --note TEXT"));
    }
    struct store *st;
    struct call c;
    struct person *who;
    struct secret_key key = {0};
    if (begin_signed(cli, &st, &c, ROLE_SECRETARIAT, &who, &key) < 0) {
        free(note);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL;
    struct app_record *r = call_find_app(&c, pos[0]);
    const struct bonus_def *b = program_bonus(&c.program, pos[1]);
    if (!r)
        cli_fail(_("no application \"%s\""), pos[0]);
    else if (!b) {
        cli_fail(_("\"%s\" is not a bonus of %s; the bonuses are:"), pos[1], c.program.id);
        for (size_t i = 0; i < c.program.n_bonuses; i++)
            fprintf(stderr, "  %s  %s\n", c.program.bonuses[i].id, c.program.bonuses[i].name_ko);
    } else
        rc = bonus_write(st, &c, r->a.id, b, true, note, who, &key);
    free(note);
    end_signed(st, &c, &key);
    return rc;
}

static int cmd_bonus_clear(struct cli *cli, int argc, char **argv)
{
    char *pos[2];
    if (cli_positional(argc, argv, NULL, NULL, pos, 2) != 2)
        return cli_usage(_("usage: simsa bonus clear APP BONUS"));
    struct store *st;
    struct call c;
    struct person *who;
    struct secret_key key = {0};
    if (begin_signed(cli, &st, &c, ROLE_SECRETARIAT, &who, &key) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct app_record *r = call_find_app(&c, pos[0]);
    bool has = false;
    for (size_t i = 0; r && i < r->n_bonuses; i++)
        has |= !strcmp(r->bonuses[i], pos[1]);
    if (!r)
        cli_fail(_("no application \"%s\""), pos[0]);
    else if (!has)
        cli_fail(_("%s has no bonus %s"), pos[0], pos[1]);
    else
        rc = bonus_write(st, &c, r->a.id, program_bonus(&c.program, pos[1]), false, "", who, &key);
    end_signed(st, &c, &key);
    return rc;
}

const struct cli_command cli_panel_commands[] = {
    {
        .name = "panel",
        .sub = "add",
        .usage = "NAME JUDGE... [--field FIELD[,FIELD...]]...",
        .summary = N_("a committee for one or more business fields (R6.3)"),
        .run = cmd_panel_add,
        .needs_as = true,
    },
    {
        .name = "panel",
        .sub = "assign",
        .usage = "NAME APP...",
        .summary = N_("the applications a panel scores"),
        .run = cmd_panel_assign,
        .needs_as = true,
    },
    {
        .name = "panel",
        .sub = "order",
        .usage = "NAME APP...",
        .summary = N_("the order in which a panel hears its applications"),
        .run = cmd_panel_order,
        .needs_as = true,
    },
    {
        .name = "conflict",
        .sub = "add",
        .usage = "JUDGE APP --reason TEXT",
        .summary = N_("a conflict of interest, by the judge or recorded by the secretariat (R6.4)"),
        .run = cmd_conflict_add,
        .needs_as = true,
    },
    {
        .name = "bonus",
        .sub = "set",
        .usage = "APP BONUS --note TEXT",
        .summary = N_("award a bonus with its evidence (R8)"),
        .run = cmd_bonus_set,
        .needs_as = true,
    },
    {
        .name = "bonus",
        .sub = "clear",
        .usage = "APP BONUS",
        .summary = N_("withdraw a bonus"),
        .run = cmd_bonus_clear,
        .needs_as = true,
    },
    {.name = NULL},
};
