/* export: the result workbook the operating agency sends out, or the results table as CSV
 * (reports/ writes both; DESIGN.md Reports). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/i18n.h"
#include "reports/export.h"

/* The workbook's creation time: now, or SIMSA_NOW in tests. */
static time_t created_now(void)
{
    char now[21];
    store_now(now);
    struct tm tm = {0};
    if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6)
        return time(NULL);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* Progress on the terminal only: a line rewritten in place, on stderr. */
static void show_progress(void *ctx, const char *what, size_t done, size_t total)
{
    (void)ctx;
    if (total)
        fprintf(stderr, "\rsimsa export: %s %zu/%zu   ", what, done, total);
    else if (done)
        fprintf(stderr, "\rsimsa export: %s %zu   ", what, done);
    else
        fprintf(stderr, "\rsimsa export: %s ...   ", what);
    fflush(stderr);
}

static int export_run(struct cli *cli, const char *xlsx, const char *csv, bool force)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    const struct person *viewer = NULL;
    if (cli_viewer(cli, c, &viewer) < 0)
        return EXIT_FAIL;
    if (viewer && viewer->role == ROLE_JUDGE)
        /* The workbook holds every judge's scores (issue 15): not a judge's view. */
        return cli_fail(_("export --as %s: the workbook holds every judge's scores; the "
                          "secretariat exports it"),
                        viewer->name);
    struct export_summary sum = {0};
    bool tty = isatty(STDERR_FILENO);
    struct export_options o = {.korean = i18n_korean(),
                               .created = created_now(),
                               .progress = tty && xlsx ? show_progress : NULL,
                               .summary = &sum,
                               .force = force};
    struct diags d = {0};
    int rc = xlsx ? export_workbook(cli->st, c, xlsx, &o, &d) : export_results_csv(c, csv, &o, &d);
    if (tty && xlsx)
        fputs("\r\033[K", stderr);
    if (rc < 0) {
        cli_fail_diags(&d);
    } else if (xlsx) {
        printf(_("%s: written (%zu applications, %zu score sheets, %zu signed records checked)\n"),
               xlsx, sum.applications, sum.sheets, sum.signed_records);
        if (sum.signature_problems)
            fprintf(stderr,
                    _("simsa: warning: %zu signed record(s) did not verify; see the integrity "
                      "sheet and run simsa verify\n"),
                    sum.signature_problems);
    } else {
        printf(_("%s: written (%zu applications)\n"), csv, c->n_apps);
    }
    diags_free(&d);
    return rc < 0 ? EXIT_FAIL : EXIT_OK;
}

static int cmd_export(struct cli *cli)
{
    const char *csv = cli_option(cli, "--csv");
    if ((csv && cli->n_pos != 0) || (!csv && cli->n_pos != 1))
        return cli_usage_error(cli);
    return export_run(cli, csv ? NULL : cli->pos[0], csv, cli_has_flag(cli, "--force"));
}

const struct cli_command cli_export_commands[] = {
    {
        .name = "export",
        .usage = "FILE.xlsx | --csv FILE.csv [--force]",
        .summary = N_("the result workbook, or the results table as CSV (UTF-8 with BOM)"),
        .run = cmd_export,
        .usage_error = N_("usage: simsa export FILE.xlsx | --csv FILE.csv [--force]"),
        .max_args = 1,
        .options = (const char *const[]){"--csv", NULL},
        .flags = (const char *const[]){"--force", NULL},
        .store = CLI_STORE_SNAPSHOT,
    },
    {.name = NULL},
};
