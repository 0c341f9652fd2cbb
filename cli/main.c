/* simsa's entry point: global options, the table of commands, and the interactive program when
 * no command is given. */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "tui/tui.h"

#ifndef SIMSA_VERSION
#define SIMSA_VERSION "0.1.0"
#endif

const struct cli_command *const cli_families[] = {
    cli_setup_commands,
    cli_review_commands,
    cli_panel_commands,
    cli_score_commands,
    cli_result_commands,
    cli_plan_commands,
    cli_export_commands,
    cli_notify_commands,
    cli_inspect_commands,
    cli_sheet_commands,
    cli_ssh_commands,
    cli_demo_commands,
    NULL,
};

#define EACH_COMMAND(c)                                                                            \
    for (const struct cli_command *const *fam_ = cli_families; *fam_; fam_++)                      \
        for (const struct cli_command *c = *fam_; c->name; c++)

static void usage_print(FILE *out)
{
    fprintf(out, _("Usage: simsa [-d FILE] [--as NAME] [--passphrase-file FILE] COMMAND ...\n"
                   "       simsa [-d FILE]            (the interactive program)\n\n"
                   "Commands:\n"));
    EACH_COMMAND(c)
    {
        char head[64];
        snprintf(head, sizeof head, "%s%s%s", c->name, c->sub ? " " : "", c->sub ? c->sub : "");
        fprintf(out, "  %-16s %s\n      %s\n", head, c->usage, _(c->summary));
    }
    fprintf(out, _("\nOptions:\n"
                   "  -d FILE                 the database (default $SIMSA_DB, else ./simsa.db)\n"
                   "  --as NAME               the person acting (commands that sign)\n"
                   "  --passphrase-file FILE  read the passphrase from FILE (- = stdin)\n"
                   "  --help, --version\n\n"
                   "Exit status: 0 success, 1 failure, 2 usage error.\n"));
}

/* Locale files: $SIMSA_LOCALEDIR, else beside the binary in the build tree, else installed. */
static void locale_setup(const char *argv0)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    const char *dir = getenv("SIMSA_LOCALEDIR");
    static char buf[4200];
    if (!dir) {
        char exe[4096];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        (void)argv0;
        if (n > 0) {
            exe[n] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                snprintf(buf, sizeof buf, "%s/locale", exe);
                if (access(buf, R_OK) == 0)
                    dir = buf;
            }
        }
    }
    bindtextdomain("simsa", dir ? dir : LOCALEDIR);
    bind_textdomain_codeset("simsa", "UTF-8");
    textdomain("simsa");
}

static const struct cli_command *find_command(int argc, char **argv, int *consumed)
{
    const struct cli_command *only = NULL;
    EACH_COMMAND(c)
    {
        if (strcmp(c->name, argv[0]) != 0)
            continue;
        if (!c->sub) {
            *consumed = 1;
            return c;
        }
        if (argc > 1 && strcmp(c->sub, argv[1]) == 0) {
            *consumed = 2;
            return c;
        }
        only = c;
    }
    if (only)
        *consumed = -1; /* a family without a valid subcommand */
    return NULL;
}

static void family_usage(const char *name)
{
    fprintf(stderr, _("simsa %s: choose one of:\n"), name);
    EACH_COMMAND(c)
    {
        if (strcmp(c->name, name) == 0)
            fprintf(stderr, "  simsa %s %s %s\n", c->name, c->sub, c->usage);
    }
}

/* Large arrays (the applications, a ranking's rows, each worksheet's row of 16,384 cells in
 * libxlsxwriter's constant_memory mode) in pages of their own, given back when freed, and the
 * heap's free top given back too. Set, the threshold no longer rises after a large free (glibc's
 * default): a calloc'ed worksheet row then stays untouched zero pages instead of 128 KB of
 * memory each (a workbook of 10,000 applications has 76 worksheets). */
static void memory_setup(void)
{
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
}

int main(int argc, char **argv)
{
    memory_setup();
    locale_setup(argv[0]);
    struct cli cli = {.db_path = getenv("SIMSA_DB")};
    if (!cli.db_path || !*cli.db_path)
        cli.db_path = "simsa.db";
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage_print(stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("simsa %s\n", SIMSA_VERSION);
            return EXIT_OK;
        } else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) {
            cli.db_path = argv[++i];
        } else if (strcmp(argv[i], "--as") == 0 && i + 1 < argc) {
            cli.as = argv[++i];
        } else if (strcmp(argv[i], "--passphrase-file") == 0 && i + 1 < argc) {
            cli.pass_file = argv[++i];
        } else {
            fprintf(stderr, _("simsa: unknown or incomplete option %s\n"), argv[i]);
            usage_print(stderr);
            return EXIT_USAGE;
        }
    }
    if (keys_init() < 0) {
        fprintf(stderr, "%s\n", _("simsa: libsodium could not start"));
        return EXIT_FAIL;
    }
    if (i == argc) {
        struct store *st = NULL;
        struct diags d = {0};
        if (access(cli.db_path, F_OK) == 0 && store_open(cli.db_path, &st, &d) == 0)
            cli_known_head(st, cli.db_path);
        store_close(st);
        diags_free(&d);
        return tui_main(cli.db_path, cli.as);
    }
    int consumed = 0;
    const struct cli_command *cmd = find_command(argc - i, argv + i, &consumed);
    if (!cmd) {
        if (consumed == -1)
            family_usage(argv[i]);
        else
            fprintf(stderr, _("simsa: unknown command \"%s\" (see simsa --help)\n"), argv[i]);
        return EXIT_USAGE;
    }
    int sub_argc = argc - i - consumed + 1;
    char **sub_argv = argv + i + consumed - 1;
    if (cli_flag(sub_argc, sub_argv, "--help")) {
        printf("simsa %s%s%s %s\n  %s\n", cmd->name, cmd->sub ? " " : "", cmd->sub ? cmd->sub : "",
               cmd->usage, _(cmd->summary));
        return EXIT_OK;
    }
    if (cmd->actor != CLI_ACT_NONE && !cli.as) {
        fprintf(stderr, _("simsa %s%s%s: needs --as NAME, the person acting, before the command\n"),
                cmd->name, cmd->sub ? " " : "", cmd->sub ? cmd->sub : "");
        return EXIT_USAGE;
    }
    return cli_run(cmd, &cli, sub_argc, sub_argv);
}
