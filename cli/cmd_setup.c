/* Setting up a call: init, program definitions, people and their keys, the budget. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/text.h"
#include "db/final.h"
#include "db/write.h"

/* A program by built-in id or by path: its text (caller frees) or NULL with a message printed. */
static char *program_text_for(const char *id_or_path)
{
    const char *builtin = program_builtin_text(id_or_path);
    if (builtin)
        return xstrdup(builtin);
    if (!strchr(id_or_path, '/') && !strstr(id_or_path, ".ini")) {
        cli_fail(_("no built-in program \"%s\" (see simsa program list)"), id_or_path);
        return NULL;
    }
    size_t len;
    return cli_read_input(id_or_path, &len);
}

static int program_load_checked(const char *id_or_path, struct program *p, char **text)
{
    *text = program_text_for(id_or_path);
    if (!*text)
        return -1;
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

static int cmd_init(struct cli *cli)
{
    char **pos = cli->pos;
    const char *prog = cli_option(cli, "--program");
    int64_t budget = -1;
    const char *b = cli_option(cli, "--budget"), *why = NULL;
    if (b && amount_parse(b, &budget, &why) < 0)
        return cli_fail(_("--budget \"%s\": %s"), b, why);
    struct program p;
    char *text;
    if (program_load_checked(prog, &p, &text) < 0)
        return EXIT_FAIL;
    struct diags d = {0};
    int rc = store_create(pos[0], p.id, text, &d);
    if (rc == 0 && budget >= 0) {
        struct store *st;
        rc = store_open(pos[0], &st, &d);
        if (rc == 0) {
            char amount[32];
            amount_format(budget, amount, sizeof amount);
            rc = store_begin(st) || store_budget_set(st, budget, NULL) ||
                 store_event(st, "simsa", "budget", "", amount) || store_commit(st);
            if (rc)
                diags_add(&d, NULL, 0, 0, "%s", store_errmsg(st));
            store_close(st);
        }
    }
    if (rc == 0)
        printf(_("created %s for %s (%s)\n"), pos[0], p.id, p.title_ko);
    else
        cli_fail_diags(&d);
    diags_free(&d);
    free(text);
    program_free(&p);
    return rc ? EXIT_FAIL : EXIT_OK;
}

static int cmd_program_list(struct cli *cli)
{
    (void)cli;
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

static int cmd_program_show(struct cli *cli)
{
    struct program p;
    char *text;
    if (cli->n_pos == 1) {
        if (program_load_checked(cli->pos[0], &p, &text) < 0)
            return EXIT_FAIL;
        print_program(&p);
        program_free(&p);
        free(text);
        return EXIT_OK;
    }
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    print_program(&c->program);
    return EXIT_OK;
}

static int cmd_program_check(struct cli *cli)
{
    char **pos = cli->pos;
    size_t len;
    char *text = cli_read_input(pos[0], &len);
    if (!text)
        return EXIT_FAIL;
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

/* The first person of a call and every later one (DESIGN.md Trust): the call's first person is
 * a secretariat member who adds (and signs for) themself; every later person is added by a
 * secretariat member. 0, or a status with the message printed. */
static int person_add_actor(struct cli *cli, struct call *c, const char *name, enum role role,
                            bool first)
{
    struct final_state fin;
    if (call_find_person(c, name))
        return cli_fail(_("there is already a person named %s"), name);
    if (role == ROLE_JUDGE && store_final_state(cli->st, &fin) == 0 && fin.final)
        return cli_fail(_("the final result is signed: no judge can be added any more (R11.7); a "
                          "secretariat member or an inspector can"));
    if (first && role != ROLE_SECRETARIAT)
        return cli_fail(_("the first person of a call is a secretariat member, who adds themself: "
                          "simsa person add NAME --role secretariat"));
    if (first && cli->as && strcmp(cli->as, name) != 0)
        return cli_fail(_("--as %s: this call has no people yet; its first person adds themself"),
                        cli->as);
    if (!first && !cli->as)
        return cli_usage(_("person add: needs --as NAME, the secretariat member adding this "
                           "person, before the command"));
    if (!first && cli_act(cli, c, ROLE_SECRETARIAT, &cli->key) < 0)
        return EXIT_FAIL;
    return EXIT_OK;
}

/* The new person's key, sealed with their passphrase: their own --passphrase-file after the
 * command; for the first person the global one serves too. */
static int person_add_key(struct cli *cli, const char *name, bool first, struct public_key *pub,
                          struct sealed_key *sealed, struct secret_key *own_key)
{
    const char *own = cli_option(cli, "--passphrase-file");
    struct cli for_new = *cli;
    for_new.pass_file = own ? own : first ? cli->pass_file : NULL;
    size_t len = 0;
    char *pass = cli_read_passphrase(&for_new, _("New passphrase: "), true, &len);
    if (!pass)
        return -1;
    const char *short_pass = text_passphrase_refusal(pass, len);
    if (short_pass) {
        cli_pass_free(pass);
        cli_fail(_("%s: %s; nothing was changed"), name, short_pass);
        return -1;
    }
    const char *why = NULL;
    int kr = key_generate(pass, len, pub, sealed, &why);
    if (kr == 0 && first)
        kr = key_unseal(sealed, pass, len, own_key, &why);
    cli_pass_free(pass);
    if (kr < 0) {
        cli_fail(_("cannot make a key: %s"), why);
        return -1;
    }
    return 0;
}

static int cmd_person_add(struct cli *cli)
{
    const char *role_s = cli_option(cli, "--role");
    enum role role;
    if (role_parse(role_s, &role) < 0)
        return cli_usage(_("--role %s: must be judge, secretariat or inspector"), role_s);
    char *name = utf8_nfc(cli->pos[0]);
    const char *bad = name ? text_name_refusal(name) : NULL;
    if (bad) {
        free(name);
        return cli_fail(_("person name: %s"), bad);
    }
    if (!name || person_name_refusal(name)) {
        free(name);
        return cli_fail(_("person name \"%s\" must be 1-100 bytes of UTF-8 without commas"),
                        cli->pos[0]);
    }
    struct call *c = cli_call(cli);
    if (!c) {
        free(name);
        return EXIT_FAIL;
    }
    bool first = c->n_people == 0;
    struct secret_key own_key = {0};
    struct public_key pub;
    struct sealed_key sealed = {0};
    int rc = person_add_actor(cli, c, name, role, first);
    if (rc == EXIT_OK && person_add_key(cli, name, first, &pub, &sealed, &own_key) < 0)
        rc = EXIT_FAIL;
    if (rc == EXIT_OK) {
        struct person self = {.name = name, .role = role, .pub = pub};
        if (first)
            store_set_actor(cli->st, &self, &own_key);
        if (cli_transaction(cli, name) < 0) {
            rc = EXIT_FAIL;
        } else if (write_person(cli->st, name, name, role, &pub, &sealed, NULL)) {
            rc = cli_rollback_fail(cli->st, name);
        } else {
            char hex[17];
            key_id_hex(pub.key_id, hex);
            fprintf(cli->out, _("added %s (%s), key %s\n"), name, role_label(role), hex);
        }
    }
    sealed_key_free(&sealed);
    secret_key_wipe(&own_key);
    free(name);
    return rc;
}

static int cmd_person_list(struct cli *cli)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    if (cli_has_flag(cli, "--roster")) {
        char id[33];
        if (store_call_id(cli->st, id) < 0)
            return cli_fail("%s", store_errmsg(cli->st));
        cli_roster_print(c, id);
        return EXIT_OK;
    }
    for (size_t i = 0; i < c->n_people; i++) {
        char hex[17];
        key_id_hex(c->people[i].pub.key_id, hex);
        printf("%s\t%s\t%s\n", c->people[i].name, role_name(c->people[i].role), hex);
    }
    cli_warn_fast_keys(c);
    return EXIT_OK;
}

static int cmd_person_key(struct cli *cli)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct person *p = call_find_person(c, cli->pos[0]);
    if (!p)
        return cli_fail(_("no such person: %s"), cli->pos[0]);
    char *text = public_key_minisign(&p->pub);
    fputs(text, stdout);
    free(text);
    return EXIT_OK;
}

static int cmd_budget_set(struct cli *cli)
{
    int64_t won;
    const char *why = NULL;
    if (amount_parse(cli->pos[0], &won, &why) < 0)
        return cli_fail(_("budget \"%s\": %s"), cli->pos[0], why);
    struct call *c = cli_call(cli);
    if (!c || cli_begin(cli, _("budget")) < 0)
        return EXIT_FAIL;
    if (write_budget(cli->st, c, won, cli->actor, &cli->key))
        return cli_rollback_fail(cli->st, _("budget"));
    char amount[32];
    amount_format(won, amount, sizeof amount);
    fprintf(cli->out, _("budget set to %s won\n"), amount);
    return EXIT_OK;
}

const struct cli_command cli_setup_commands[] = {
    {
        .name = "init",
        .usage = "FILE --program ID|PATH [--budget WON]",
        .summary = N_("create a database for one call"),
        .run = cmd_init,
        .usage_error = N_("usage: simsa init FILE --program ID|PATH [--budget WON]"),
        .min_args = 1,
        .max_args = 1,
        .options = (const char *const[]){"--program", "--budget", NULL},
        .required = (const char *const[]){"--program", NULL},
    },
    {
        .name = "program",
        .sub = "list",
        .usage = "",
        .summary = N_("the built-in call definitions"),
        .run = cmd_program_list,
        .usage_error = N_("usage: simsa program list"),
    },
    {
        .name = "program",
        .sub = "show",
        .usage = "[ID|PATH]",
        .summary = N_("show a call definition (default: the database's)"),
        .run = cmd_program_show,
        .usage_error = N_("usage: simsa program show [ID|PATH]"),
        .max_args = 1,
    },
    {
        .name = "program",
        .sub = "check",
        .usage = "PATH",
        .summary = N_("check a call definition file, naming every problem"),
        .run = cmd_program_check,
        .usage_error = N_("usage: simsa program check PATH"),
        .min_args = 1,
        .max_args = 1,
    },
    {
        .name = "person",
        .sub = "add",
        .usage = "NAME --role judge|secretariat|inspector [--passphrase-file F]",
        .summary = N_("add a person with a new signing key"),
        .run = cmd_person_add,
        .usage_error = N_("usage: simsa person add NAME --role judge|secretariat|inspector "
                          "[--passphrase-file F]"),
        .min_args = 1,
        .max_args = 1,
        .options = (const char *const[]){"--role", "--passphrase-file", NULL},
        .required = (const char *const[]){"--role", NULL},
        .writes = true, /* signed by --as, or by the first person themself */
    },
    {
        .name = "person",
        .sub = "list",
        .usage = "[--roster]",
        .summary = N_("people, roles and key ids"),
        .run = cmd_person_list,
        .usage_error = N_("usage: simsa person list [--roster]"),
        .flags = (const char *const[]){"--roster", NULL},
    },
    {
        .name = "person",
        .sub = "key",
        .usage = "NAME",
        .summary = N_("print a person's minisign public key"),
        .run = cmd_person_key,
        .usage_error = N_("usage: simsa person key NAME"),
        .min_args = 1,
        .max_args = 1,
    },
    {
        .name = "budget",
        .sub = "set",
        .usage = "WON",
        .summary = N_("set the program budget (R11.1; --as secretariat)"),
        .run = cmd_budget_set,
        .usage_error = N_("usage: simsa budget set WON"),
        .min_args = 1,
        .max_args = 1,
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {.name = NULL},
};
