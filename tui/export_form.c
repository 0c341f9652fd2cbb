/* Export from the interactive program (DESIGN.md: path, progress, what was written): a form for
 * the path, then reports/export.c writes the workbook, the same code as `simsa export`. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "reports/export.h"
#include "tui/draw.h"
#include "tui/form.h"

/* Progress on the status line while the workbook is written: input waits until it is done. */
static void export_progress(void *ctx, const char *what, size_t done, size_t total)
{
    const struct tui *t = ctx;
    char *line = total ? xasprintf(" %s: %zu / %zu", what, done, total) : xasprintf(" %s", what);
    int attr = tui_attr(t, STYLE_STATUS);
    draw_blank(LINES - 1, 0, COLS, attr);
    draw_text(LINES - 1, 0, line, COLS, attr);
    refresh();
    free(line);
}

static void export_check(struct tui *t, struct form *f)
{
    (void)t;
    char *path = form_text(&f->fields[0]);
    size_t n = strlen(path);
    bool csv = n >= 4 && strcmp(path + n - 4, ".csv") == 0;
    bool xlsx = n >= 5 && strcmp(path + n - 5, ".xlsx") == 0;
    f->summary_bad = !csv && !xlsx;
    snprintf(f->summary, sizeof f->summary, "%s",
             csv    ? _("the results as CSV (UTF-8 with BOM), as simsa rank --csv")
             : xlsx ? _("the whole result workbook")
                    : _("✗ the file name ends in .xlsx (workbook) or .csv (results)"));
    free(path);
}

static int export_submit(struct tui *t, struct form *f)
{
    char *path = form_text(&f->fields[0]);
    struct diags d = {0};
    struct export_summary sum = {0};
    struct export_options o = {
        .korean = t->korean, .progress = export_progress, .ctx = t, .summary = &sum};
    size_t n = strlen(path);
    bool csv = n >= 4 && strcmp(path + n - 4, ".csv") == 0;
    /* An existing file is replaced only when "write" is pressed again for the same path. */
    struct stat sb;
    if (lstat(path, &sb) == 0) {
        if (f->ctx && strcmp(f->ctx, path) == 0) {
            o.force = true;
        } else {
            snprintf(f->error, sizeof f->error,
                     _("%s already exists: choose write again to replace it"), path);
            free(f->ctx);
            f->ctx = path;
            return -1;
        }
    }
    int rc = csv ? export_results_csv(&t->call, path, &o, &d)
                 : export_workbook(t->store, &t->call, path, &o, &d);
    if (rc < 0) {
        snprintf(f->error, sizeof f->error, "%s", diags_first(&d) ? diags_first(&d) : "?");
    } else if (csv) {
        tui_message(t, false, _("wrote %s: the results of %zu applications"), path, t->call.n_apps);
    } else {
        tui_message(t, sum.signature_problems > 0,
                    _("wrote %s: %zu applications, %zu sheets, %zu signed records (%zu do not "
                      "verify)"),
                    path, sum.applications, sum.sheets, sum.signed_records, sum.signature_problems);
    }
    diags_free(&d);
    free(path);
    return rc < 0 ? -1 : 0;
}

void tui_export(struct tui *t)
{
    struct form *f = form_new(_("Export the result"));
    form_intro(f, "%s", _("The workbook the secretariat sends out, or the results as CSV."));
    char *initial = xasprintf("%s-result.xlsx", t->call.program.id ? t->call.program.id : "simsa");
    form_add(f, FIELD_TEXT, _("File"), initial);
    free(initial);
    f->check = export_check;
    f->submit = export_submit;
    f->submit_label = _("write");
    f->ctx_free = free;
    tui_form_open(t, f);
}
