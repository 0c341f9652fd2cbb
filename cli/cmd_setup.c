/* Setting up a call: init, program definitions, people and their keys, the budget. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/final.h"
#include "db/write.h"

/* A program by built-in id or by path: its text (caller frees) or NULL with a message. */
static char *program_text_for(const char *id_or_path, char **err)
{
    const char *builtin = program_builtin_text(id_or_path);
    if (builtin)
        return xstrdup(builtin);
    if (!strchr(id_or_path, '/') && !strstr(id_or_path, ".ini")) {
        *err = xasprintf(_("no built-in program \"%s\" (see simsa program list)"), id_or_path);
        return NULL;
    }
    size_t len;
    return cli_read_file(id_or_path, &len, err);
}

static int program_load_checked(const char *id_or_path, struct program *p, char **text)
{
    char *err = NULL;
    *text = program_text_for(id_or_path, &err);
    if (!*text) {
        cli_fail("%s", err);
        free(err);
        return -1;
    }
    struct diags d = {0};
    if (program_parse(*text, id_or_path, p, &d) != 0) {
        cli_print_diags(&d);
        diags_free(&d);
        free(*text);
        *text = NULL;
        return -1;
    }
    diags_free(&d);
    return 0;
}

static int cmd_init(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    static const char *const opts[] = {"--program", "--budget", NULL};
    char *pos[2];
    int n = cli_positional(argc, argv, opts, NULL, pos, 2);
    const char *prog = cli_opt(argc, argv, "--program");
    if (n != 1 || !prog)
        return cli_usage(_("usage: simsa init FILE --program ID|PATH [--budget WON]"));
    int64_t budget = -1;
    const char *b = cli_opt(argc, argv, "--budget"), *why = NULL;
    if (b && amount_parse(b, &budget, &why) < 0)
        return cli_fail(_("--budget \"%s\": %s"), b, why);
    struct program p;
    char *text;
    if (program_load_checked(prog, &p, &text) < 0)
        return EXIT_FAIL;
    char *err = NULL;
    int rc = store_create(pos[0], p.id, text, &err);
    if (rc == 0 && budget >= 0) {
        struct store *st;
        rc = store_open(pos[0], &st, &err);
        if (rc == 0) {
            char amount[32];
            amount_format(budget, amount, sizeof amount);
            rc = store_begin(st) || store_budget_set(st, budget, NULL) ||
                 store_event(st, "simsa", "budget", "", amount) || store_commit(st);
            if (rc)
                err = xasprintf("%s", store_errmsg(st));
            store_close(st);
        }
    }
    if (rc == 0)
        printf(_("created %s for %s (%s)\n"), pos[0], p.id, p.title_ko);
    else
        cli_fail("%s", err);
    free(err);
    free(text);
    program_free(&p);
    return rc ? EXIT_FAIL : EXIT_OK;
}

static int cmd_program_list(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    if (cli_positional(argc, argv, NULL, NULL, NULL, 0) != 0)
        return cli_usage(_("usage: simsa program list"));
    for (const struct builtin_program *b = builtin_programs; b->id; b++) {
        struct program p;
        struct diags d = {0};
        if (program_parse(b->text, b->id, &p, &d) == 0) {
            printf("%s\t%s\n", p.id, p.title_ko);
            program_free(&p);
        }
        diags_free(&d);
    }
    return EXIT_OK;
}

static void print_program(const struct program *p)
{
    char a[32], b[32], c[32], dl[17], ann[11], docs[11];
    date_format(p->announced, ann);
    datetime_format(p->deadline, dl);
    date_format(p->docs_issued_after, docs);
    printf("%s\n%s\n", p->id, p->title_ko);
    printf(_("window: %s .. %s (documents issued from %s)\n"), ann, dl, docs);
    printf(_("regions:"));
    for (size_t i = 0; i < p->n_regions; i++)
        printf(" %s", p->regions[i]);
    printf(_("\nindustries:"));
    for (size_t i = 0; i < p->n_industries; i++)
        printf(" %s", p->industries[i]);
    amount_format(p->support_cap, a, sizeof a);
    amount_format(p->copay_min_sme, b, sizeof b);
    amount_format(p->copay_min_midsize, c, sizeof c);
    printf(_("\nsupport cap %s won; co-payment at least %s (SME) / %s (mid-size)\n"), a, b, c);
    printf(_("rubric:\n"));
    for (size_t i = 0; i < p->n_items; i++) {
        char max[16];
        tenths_format(p->items[i].max_tenths, max, sizeof max);
        printf("  %-9s %-8s %4s  %s\n", p->items[i].id, p->items[i].group, max,
               p->items[i].name_ko);
    }
    printf(_("documents:\n"));
    for (size_t i = 0; i < p->n_docs; i++)
        printf("  %2d %s %s\n", p->docs[i].number,
               p->docs[i].required ? _("required") : _("optional"), p->docs[i].name_ko);
    printf(_("checklist (disqualifiers, R4):\n"));
    for (size_t i = 0; i < p->n_dqs; i++) {
        static const char *const kinds[] = {"checklist", "capital_erosion", "debt_liquidity"};
        printf("  %-4s %-15s %s\n", p->dqs[i].id, kinds[p->dqs[i].kind], p->dqs[i].text_ko);
    }
    printf(_("bonuses:\n"));
    for (size_t i = 0; i < p->n_bonuses; i++) {
        char pts[16];
        tenths_format(p->bonuses[i].points_tenths, pts, sizeof pts);
        printf("  %-16s +%s %s\n", p->bonuses[i].id, pts, p->bonuses[i].name_ko);
    }
    char thr[16];
    tenths_format(p->threshold_tenths, thr, sizeof thr);
    printf(_("policy: aggregate=%s decimals=%d threshold=%s judges=%d quorum=%d budget_fit=%s\n"),
           p->aggregate == AGGREGATE_MEAN ? "mean" : "trimmed", p->decimals, thr, p->judges,
           p->quorum, p->budget_fit == BUDGET_FIT_STOP ? "stop" : "skip");
}

static int cmd_program_show(struct cli *cli, int argc, char **argv)
{
    char *pos[1];
    int n = cli_positional(argc, argv, NULL, NULL, pos, 1);
    if (n > 1 || n < 0)
        return cli_usage(_("usage: simsa program show [ID|PATH]"));
    struct program p;
    char *text;
    if (n == 1) {
        if (program_load_checked(pos[0], &p, &text) < 0)
            return EXIT_FAIL;
        print_program(&p);
        program_free(&p);
        free(text);
        return EXIT_OK;
    }
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    print_program(&c.program);
    call_free(&c);
    store_close(st);
    return EXIT_OK;
}

static int cmd_program_check(struct cli *cli, int argc, char **argv)
{
    (void)cli;
    char *pos[1];
    if (cli_positional(argc, argv, NULL, NULL, pos, 1) != 1)
        return cli_usage(_("usage: simsa program check PATH"));
    size_t len;
    char *err = NULL;
    char *text = cli_read_file(pos[0], &len, &err);
    if (!text) {
        cli_fail("%s", err);
        free(err);
        return EXIT_FAIL;
    }
    struct program p;
    struct diags d = {0};
    int rc = program_parse(text, pos[0], &p, &d);
    free(text);
    if (rc == 0) {
        printf(_("%s: %s is a valid program definition\n"), pos[0], p.id);
        program_free(&p);
    }
    rc = cli_print_diags(&d);
    diags_free(&d);
    return rc;
}

static int cmd_person_add(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {"--role", "--passphrase-file", NULL};
    char *pos[1];
    const char *role_s = cli_opt(argc, argv, "--role");
    if (cli_positional(argc, argv, opts, NULL, pos, 1) != 1 || !role_s)
        return cli_usage(_("usage: simsa person add NAME --role judge|secretariat|inspector "
                           "[--passphrase-file F]"));
    enum role role;
    if (role_parse(role_s, &role) < 0)
        return cli_usage(_("--role %s: must be judge, secretariat or inspector"), role_s);
    char *name = utf8_nfc(pos[0]);
    const char *bad = name ? text_name_refusal(name) : NULL;
    if (bad) {
        free(name);
        return cli_fail(_("person name: %s"), bad);
    }
    if (!name || person_name_refusal(name)) {
        free(name);
        return cli_fail(_("person name \"%s\" must be 1-100 bytes of UTF-8 without commas"),
                        pos[0]);
    }
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0) {
        free(name);
        return EXIT_FAIL;
    }
    int rc = EXIT_FAIL;
    struct secret_key actor_key = {0}, own_key = {0};
    struct public_key pub;
    struct sealed_key sealed = {0};
    /* The call's first person is a secretariat member who adds (and signs for) themself; every
     * later person is added by a secretariat member (DESIGN.md Trust). */
    bool first = c.n_people == 0;
    if (call_find_person(&c, name)) {
        cli_fail(_("there is already a person named %s"), name);
        goto out;
    }
    struct final_state fin;
    if (role == ROLE_JUDGE && store_final_state(st, &fin) == 0 && fin.final) {
        cli_fail(_("the final result is signed: no judge can be added any more (R11.7); a "
                   "secretariat member or an inspector can"));
        goto out;
    }
    if (first && role != ROLE_SECRETARIAT) {
        cli_fail(_("the first person of a call is a secretariat member, who adds themself: "
                   "simsa person add NAME --role secretariat"));
        goto out;
    }
    if (first && cli->as && strcmp(cli->as, name) != 0) {
        cli_fail(_("--as %s: this call has no people yet; its first person adds themself"),
                 cli->as);
        goto out;
    }
    if (!first && !cli->as) {
        cli_usage(_("person add: needs --as NAME, the secretariat member adding this person, "
                    "before the command"));
        rc = EXIT_USAGE;
        goto out;
    }
    if (!first && cli_act(cli, &c, ROLE_SECRETARIAT, &actor_key) < 0)
        goto out;
    /* The new person's passphrase: their own --passphrase-file after the command; for the
     * first person the global one serves too. */
    const char *own = cli_opt(argc, argv, "--passphrase-file");
    struct cli for_new = *cli;
    for_new.pass_file = own ? own : first ? cli->pass_file : NULL;
    size_t len = 0;
    char *pass = cli_read_passphrase(&for_new, _("New passphrase: "), true, &len);
    if (!pass)
        goto out;
    const char *short_pass = text_passphrase_refusal(pass, len);
    if (short_pass) {
        cli_pass_free(pass);
        cli_fail(_("%s: %s; nothing was changed"), name, short_pass);
        goto out;
    }
    const char *why = NULL;
    int kr = key_generate(pass, len, &pub, &sealed, &why);
    if (kr == 0 && first)
        kr = key_unseal(&sealed, pass, len, &own_key, &why);
    cli_pass_free(pass);
    if (kr < 0) {
        cli_fail(_("cannot make a key: %s"), why);
        goto out;
    }
    struct person self = {.name = name, .role = role, .pub = pub};
    if (first)
        store_set_actor(st, &self, &own_key);
    if (store_begin(st) || write_person(st, name, name, role, &pub, &sealed, NULL)) {
        rc = cli_rollback_fail(st, name);
    } else if (cli_commit(st) == 0) {
        char hex[17];
        key_id_hex(pub.key_id, hex);
        printf(_("added %s (%s), key %s\n"), name, role_label(role), hex);
        rc = EXIT_OK;
    }
out:
    store_set_actor(st, NULL, NULL);
    sealed_key_free(&sealed);
    secret_key_wipe(&actor_key);
    secret_key_wipe(&own_key);
    free(name);
    call_free(&c);
    store_close(st);
    return rc;
}

static int cmd_person_list(struct cli *cli, int argc, char **argv)
{
    static const char *const flags[] = {"--roster", NULL};
    if (cli_positional(argc, argv, NULL, flags, NULL, 0) != 0)
        return cli_usage(_("usage: simsa person list [--roster]"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    if (cli_flag(argc, argv, "--roster")) {
        char id[33];
        int rc = store_call_id(st, id) == 0 ? EXIT_OK : cli_fail("%s", store_errmsg(st));
        if (rc == EXIT_OK)
            cli_roster_print(&c, id);
        call_free(&c);
        store_close(st);
        return rc;
    }
    for (size_t i = 0; i < c.n_people; i++) {
        char hex[17];
        key_id_hex(c.people[i].pub.key_id, hex);
        printf("%s\t%s\t%s\n", c.people[i].name, role_name(c.people[i].role), hex);
    }
    cli_warn_fast_keys(&c);
    call_free(&c);
    store_close(st);
    return EXIT_OK;
}

static int cmd_person_key(struct cli *cli, int argc, char **argv)
{
    char *pos[1];
    if (cli_positional(argc, argv, NULL, NULL, pos, 1) != 1)
        return cli_usage(_("usage: simsa person key NAME"));
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_OK;
    struct person *p = call_find_person(&c, pos[0]);
    if (!p) {
        rc = cli_fail(_("no such person: %s"), pos[0]);
    } else {
        char *text = public_key_minisign(&p->pub);
        fputs(text, stdout);
        free(text);
    }
    call_free(&c);
    store_close(st);
    return rc;
}

static int cmd_budget_set(struct cli *cli, int argc, char **argv)
{
    static const char *const opts[] = {NULL};
    char *pos[1];
    if (cli_positional(argc, argv, opts, NULL, pos, 1) != 1)
        return cli_usage(_("usage: simsa budget set WON"));
    int64_t won;
    const char *why = NULL;
    if (amount_parse(pos[0], &won, &why) < 0)
        return cli_fail(_("budget \"%s\": %s"), pos[0], why);
    struct store *st;
    struct call c;
    if (cli_open(cli, &st, &c) < 0)
        return EXIT_FAIL;
    int rc = EXIT_FAIL;
    struct person *who = cli_actor(cli, &c, ROLE_SECRETARIAT);
    struct secret_key key = {0};
    if (who && cli_unlock(cli, who, &key) == 0) {
        char amount[32];
        amount_format(won, amount, sizeof amount);
        if (store_begin(st) || write_budget(st, &c, won, who, &key))
            rc = cli_rollback_fail(st, _("budget"));
        else if (cli_commit(st) == 0) {
            printf(_("budget set to %s won\n"), amount);
            rc = EXIT_OK;
        }
        secret_key_wipe(&key);
    }
    call_free(&c);
    store_close(st);
    return rc;
}

const struct cli_command cli_setup_commands[] = {
    {
        .name = "init",
        .usage = "FILE --program ID|PATH [--budget WON]",
        .summary = N_("create a database for one call"),
        .run = cmd_init,
    },
    {
        .name = "program",
        .sub = "list",
        .usage = "",
        .summary = N_("the built-in call definitions"),
        .run = cmd_program_list,
    },
    {
        .name = "program",
        .sub = "show",
        .usage = "[ID|PATH]",
        .summary = N_("show a call definition (default: the database's)"),
        .run = cmd_program_show,
    },
    {
        .name = "program",
        .sub = "check",
        .usage = "PATH",
        .summary = N_("check a call definition file, naming every problem"),
        .run = cmd_program_check,
    },
    {
        .name = "person",
        .sub = "add",
        .usage = "NAME --role judge|secretariat|inspector [--passphrase-file F]",
        .summary = N_("add a person with a new signing key"),
        .run = cmd_person_add,
    },
    {
        .name = "person",
        .sub = "list",
        .usage = "[--roster]",
        .summary = N_("people, roles and key ids"),
        .run = cmd_person_list,
    },
    {
        .name = "person",
        .sub = "key",
        .usage = "NAME",
        .summary = N_("print a person's minisign public key"),
        .run = cmd_person_key,
    },
    {
        .name = "budget",
        .sub = "set",
        .usage = "WON",
        .summary = N_("set the program budget (R11.1; --as secretariat)"),
        .run = cmd_budget_set,
        .needs_as = true,
    },
    {.name = NULL},
};
