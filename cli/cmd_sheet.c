/* Offline scoring (DESIGN.md Trust): `pack` makes a laptop database for one judge, `sheet
 * export` writes that judge's signed sheets as minisign-checkable files, `sheet import`
 * verifies them against the judge's registered key and records them. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/facts.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/record_parse.h"
#include "core/sheet.h"
#include "core/text.h"
#include "db/events.h"
#include "db/final.h"
#include "db/write.h"

/* Write a whole file safely (core/file.h: 0600, temporary file renamed, an existing one
 * refused unless force). */
static int file_write(const char *path, const char *data, size_t len, bool force)
{
    struct diags d = {0};
    if (out_file_put(path, data, len, force, &d) < 0)
        return cli_fail_diags(&d);
    return 0;
}

/* The output directory of `sheet export -o DIR`: made (0700) when missing, only its last
 * component; something there that is not a directory is refused. */
static int out_dir(const char *dir)
{
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        if (!S_ISDIR(sb.st_mode))
            return cli_fail(_("%s exists and is not a directory"), dir);
        return EXIT_OK;
    }
    if (errno != ENOENT || mkdir(dir, 0700) < 0)
        return cli_fail("%s: %s", dir, strerror(errno));
    return EXIT_OK;
}

static char *sheet_file_name(const char *dir, const char *app, const char *judge, const char *ext)
{
    return xasprintf("%s/%s-%s%s", dir, app, judge, ext);
}

/* Whether the judge's sheet of app came into this database with the pack (submitted before
 * it was made): the main database has it, so `sheet export` leaves it out. */
static bool sheet_packed(struct store *st, const char *app, const char *judge)
{
    struct app_event *v;
    size_t n;
    bool packed = false;
    if (store_app_events(st, app, &v, &n) < 0)
        return false;
    size_t len = strlen(judge);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].kind, "sheet packed") && !strncmp(v[i].detail, judge, len) &&
            (v[i].detail[len] == '\0' || v[i].detail[len] == ' '))
            packed = true;
    app_events_free(v, n);
    return packed;
}

static int cmd_sheet_export(struct cli *cli)
{
    char **pos = cli->pos;
    bool force = cli_has_flag(cli, "--force");
    const char *dir = cli_option(cli, "-o");
    dir = dir ? dir : ".";
    const struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct store *st = cli->st;
    int rc = EXIT_OK, written = 0;
    struct person *judge = call_find_person(c, pos[0]);
    if (!judge || judge->role != ROLE_JUDGE)
        rc = cli_fail(_("%s is not a judge of this call"), pos[0]);
    else if (text_name_refusal(judge->name))
        rc = cli_fail(_("judge name (in a file name): %s"), text_name_refusal(judge->name));
    else if (out_dir(dir))
        rc = EXIT_FAIL;
    for (size_t i = 0; rc == EXIT_OK && i < c->n_apps; i++) {
        if (!call_sheet_of(&c->apps[i], judge->id) ||
            sheet_packed(st, c->apps[i].a.id, judge->name))
            continue;
        char *text = NULL, *sig = NULL;
        if (text_name_refusal(c->apps[i].a.id)) {
            rc = cli_fail(_("application id (in a file name): %s"),
                          text_name_refusal(c->apps[i].a.id));
        } else if (store_sheet_signed(st, c->apps[i].a.id, judge->id, &text, &sig) < 0 || !text) {
            rc = cli_fail(_("%s: the sheet of %s is not signed"), c->apps[i].a.id, judge->name);
        } else {
            char *f1 = sheet_file_name(dir, c->apps[i].a.id, judge->name, ".sheet");
            char *f2 = sheet_file_name(dir, c->apps[i].a.id, judge->name, ".sheet.minisig");
            if (file_write(f1, text, strlen(text), force) ||
                file_write(f2, sig, strlen(sig), force))
                rc = EXIT_FAIL;
            else
                printf("%s\n", f1);
            written++;
            free(f1);
            free(f2);
        }
        free(text);
        free(sig);
    }
    if (rc == EXIT_OK && cli_has_flag(cli, "--key")) {
        char *path = xasprintf("%s/%s.pub", dir, judge->name),
             *key = public_key_minisign(&judge->pub);
        if (file_write(path, key, strlen(key), force))
            rc = EXIT_FAIL;
        else
            printf("%s\n", path);
        free(path);
        free(key);
    }
    if (rc == EXIT_OK && !written)
        printf(_("%s has no submitted sheets\n"), judge->name);
    return rc;
}

/* A file given to `sheet import`: its bytes, and what core read of them. */
struct sheet_import {
    char *path, *text, *sig;
    struct sheet_file read;
    bool duplicate; /* the same sheet is already recorded */
};

static void sheet_import_free(struct sheet_import *s)
{
    free(s->path);
    free(s->text);
    free(s->sig);
    sheet_file_free(&s->read);
}

static int sheet_load(const char *path, struct sheet_import *s, struct diags *d)
{
    memset(s, 0, sizeof *s);
    s->path = xstrdup(path);
    size_t len, sig_len;
    char *sig_path = xasprintf("%s.minisig", path);
    s->text = cli_read_file(path, &len, d);
    if (s->text)
        s->sig = cli_read_file(sig_path, &sig_len, d);
    free(sig_path);
    return s->text && s->sig ? 0 : -1;
}

struct file_problems {
    const char *path;
    struct diags *d;
};

static void sheet_import_say(void *ctx, enum sheet_part part, const char *problem)
{
    (void)part;
    struct file_problems *fp = ctx;
    diags_add(fp->d, fp->path, 0, 0, "%s", problem);
}

/* A verified sheet file: the same sheet already recorded is left out; anything else must be
 * one that may be recorded now (core/sheet.h). */
static void sheet_admit(struct store *st, const struct call *c, struct sheet_import *s,
                        struct diags *d)
{
    const struct sheet *sh = &s->read.s;
    const struct app_record *r = call_find_app(c, sh->app);
    char *have = NULL, *have_sig = NULL;
    if (call_sheet_of(r, sh->judge) &&
        store_sheet_signed(st, r->a.id, sh->judge, &have, &have_sig) == 0 && have &&
        strcmp(have, s->text) == 0)
        s->duplicate = true;
    free(have);
    free(have_sig);
    struct file_problems fp = {s->path, d};
    if (!s->duplicate)
        sheet_problems(c, r, s->read.judge, sh, SHEET_CHECK_ALL, sheet_import_say, &fp);
}

/* The verified sheets not recorded yet, as their judges signed them (db/write.h); returns
 * how many, or -1. */
static int sheets_record(struct store *st, const struct call *c, const struct sheet_import *files,
                         size_t n, const struct person *who, const struct secret_key *key)
{
    struct sheet *fresh = xcalloc(n, sizeof *fresh);
    struct signing *signs = xcalloc(n, sizeof *signs);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (files[i].duplicate)
            continue;
        fresh[k] = files[i].read.s;
        signs[k++] = (struct signing){.person = files[i].read.judge->id,
                                      .at = files[i].read.at,
                                      .text = files[i].text,
                                      .sig = files[i].sig};
    }
    /* Every sheet already recorded: nothing to write, not even a head. */
    int rc = k == 0 ? 0 : store_submit_sheets(st, c, fresh, signs, k, who, key);
    free(fresh);
    free(signs);
    return rc < 0 ? -1 : (int)k;
}

static int cmd_sheet_import(struct cli *cli)
{
    char **paths = cli->pos;
    int n = cli->n_pos;
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct store *st = cli->st;
    struct sheet_import *files = xcalloc((size_t)n, sizeof *files);
    struct diags d = {0};
    struct person *who = cli_who(cli);
    int rc = EXIT_FAIL;
    for (int i = 0; who && i < n; i++) {
        size_t before = d.n;
        struct sheet_import *f = &files[i];
        if (sheet_load(paths[i], f, &d) == 0 &&
            sheet_file_read(c, f->path, f->text, strlen(f->text), f->sig, &f->read, &d) == 0)
            sheet_admit(st, c, f, &d);
        for (int k = 0; k < i && d.n == before; k++)
            if (files[k].read.s.app && f->read.s.app && files[k].read.judge == f->read.judge &&
                !strcmp(files[k].read.s.app, f->read.s.app))
                diags_add(&d, paths[i], 0, 0, _("a second sheet of %s for %s"), f->read.judge->name,
                          f->read.s.app);
    }
    if (!who) {
        /* cli_actor said why */
    } else if (d.n) {
        cli_print_diags(&d);
        fprintf(stderr,
                ngettext("%zu problem; no sheet was imported\n",
                         "%zu problems; no sheet was imported\n", d.n),
                d.n);
    } else if (cli_unlock_actor(cli) == 0) {
        int imported = sheets_record(st, c, files, (size_t)n, who, &cli->key);
        if (imported < 0) {
            rc = cli_rollback_fail(st, _("sheet import"));
        } else {
            fprintf(cli->out, _("imported %d verified sheet(s), %d already recorded\n"), imported,
                    n - imported);
            rc = EXIT_OK;
        }
    }
    for (int i = 0; i < n; i++)
        sheet_import_free(&files[i]);
    free(files);
    diags_free(&d);
    return rc;
}

/* Copy one signed record of kind review or conflict into the pack, as it was signed. */
static int pack_signed(struct store *pack, const struct call *pc, const struct signed_row *row,
                       const struct record_fields *f)
{
    const char *signer = record_field(f, "signer"), *app = record_field(f, "app");
    const struct person *p = call_find_person(pc, signer ? signer : "");
    if (!p || !app)
        return 0; /* signed by someone who does not travel: the record stays behind */
    struct signing sign = {.person = p->id,
                           .at = record_field(f, "at"),
                           .text = row->signed_text,
                           .sig = row->signature};
    if (!strcmp(f->kind, "review")) {
        struct strlist reasons = {0};
        for (size_t i = 0; i < f->n; i++)
            if (!strcmp(f->v[i].key, "reason"))
                strlist_add(&reasons, f->v[i].value);
        char *joined = strlist_join(&reasons, "\n");
        bool passed = !strcmp(record_field(f, "passed") ? record_field(f, "passed") : "", "yes");
        int rc = store_review_add(pack, app, passed, joined, &sign) ||
                 store_event_signed(pack, signer, passed ? "review passed" : "review failed", app,
                                    joined, row->signed_text);
        free(joined);
        strlist_free(&reasons);
        return rc ? -1 : 0;
    }
    const struct person *judge =
        call_find_person(pc, record_field(f, "judge") ? record_field(f, "judge") : "");
    if (!judge)
        return 0;
    return store_conflict_add(pack, app, judge->id, record_field(f, "reason"), &sign) ||
                   store_event_signed(pack, signer, "conflict", app, record_field(f, "reason"),
                                      row->signed_text)
               ? -1
               : 0;
}

/* The judge's own submitted sheet, copied into the pack as it was signed: on the laptop it
 * shows as submitted and read-only, not as one to score again (issue 17.7). */
static int pack_sheet(struct store *pack, const struct call *pc, const struct signed_row *row,
                      const struct record_fields *f, const struct person *judge)
{
    const char *signer = record_field(f, "signer"), *app = record_field(f, "app");
    const struct person *p = call_find_person(pc, signer ? signer : "");
    if (!p || !app)
        return 0; /* signed by someone who does not travel: the sheet stays behind */
    struct sheet s = {.app = app, .judge = judge->id};
    const char *comments[PROGRAM_MAX_ITEMS];
    struct record_fields values = *f; /* borrowed: read, and put back what it splits */
    struct diags d = {0};
    int rc = 0;
    if (sheet_record_values(&pc->program, &values, NULL, &s, comments, &d) <
        0) { /* cannot happen for a sheet the database holds; said, not hidden */
        fprintf(stderr,
                _("simsa: warning: the submitted sheet of %s for %s is not in the pack: %s\n"),
                judge->name, app, d.v[0].text);
    } else {
        struct signing sign = {.person = p->id,
                               .at = record_field(f, "at"),
                               .text = row->signed_text,
                               .sig = row->signature};
        rc = store_sheet_add(pack, &pc->program, &s, &sign) ||
                     store_event_signed(pack, signer, "sheet packed", app, judge->name,
                                        row->signed_text)
                 ? -1
                 : 0;
    }
    diags_free(&d);
    return rc;
}

/* The people who travel: the judge (with their sealed key) and the secretariat's public keys,
 * so the review decisions can be verified on the laptop. */
static int pack_people(struct store *pack, const struct call *c, const struct person *judge,
                       const struct person *maker, int64_t *judge_in_pack)
{
    static const uint8_t none[1];
    /* The secretariat member who makes the pack comes first: the pack's chain starts with
     * their own signed entry, and they sign everything copied into it. */
    for (size_t k = 0; k <= c->n_people; k++) {
        const struct person *p = k == 0 ? maker : &c->people[k - 1];
        if (k > 0 && p == maker)
            continue;
        if (p != judge && p->role != ROLE_SECRETARIAT)
            continue;
        struct sealed_key sealed = p == judge ? p->sealed : (struct sealed_key){(uint8_t *)none, 0};
        int64_t id;
        if (write_person(pack, "simsa pack", p->name, p->role, &p->pub, &sealed, &id))
            return -1;
        if (p == judge)
            *judge_in_pack = id;
    }
    return 0;
}

static int pack_apps(struct store *pack, const struct call *c, const struct person *judge,
                     int64_t judge_in_pack)
{
    int64_t panel_id = 0;
    const char *panel_name = "";
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        if (!call_judge_on_app(c, r, judge->id))
            continue;
        if (write_application(pack, "simsa pack", &r->a))
            return -1;
        if (r->panel && !panel_id) {
            for (size_t k = 0; k < c->n_panels; k++) {
                if (c->panels[k].id != r->panel)
                    continue;
                panel_name = c->panels[k].name;
                char *fact = fact_panel(panel_name, (const char *const *)&judge->name, 1);
                int rc = store_panel_add(pack, panel_name, &judge_in_pack, 1, &panel_id) ||
                         store_event(pack, NULL, "panel add", "", fact);
                free(fact);
                if (rc)
                    return -1;
            }
        }
        if (r->panel && (store_panel_assign(pack, panel_id, r->a.id) ||
                         store_event(pack, NULL, "panel assign", r->a.id, panel_name)))
            return -1;
    }
    return 0;
}

static int pack_records(struct store *src, const struct call *c, struct store *pack,
                        const struct call *pc, const struct person *judge)
{
    struct signed_row *rows = NULL;
    size_t n = 0;
    int rc = store_signed_rows(src, c, &rows, &n);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct record_fields f;
        const char *why = NULL;
        if (!rows[i].signed_text ||
            record_parse(rows[i].signed_text, strlen(rows[i].signed_text), &f, &why) < 0)
            continue;
        const char *app = record_field(&f, "app"), *j = record_field(&f, "judge");
        bool review = !strcmp(f.kind, "review");
        bool mine = !strcmp(f.kind, "conflict") && j && !strcmp(j, judge->name);
        bool my_sheet = !strcmp(f.kind, "sheet") && j && !strcmp(j, judge->name);
        const struct person *judge_in_pack = call_find_person(pc, judge->name);
        if (app && call_find_app(pc, app) && my_sheet && judge_in_pack)
            rc = pack_sheet(pack, pc, &rows[i], &f, judge_in_pack);
        else if (app && call_find_app(pc, app) && (review || mine))
            rc = pack_signed(pack, pc, &rows[i], &f);
        record_fields_free(&f);
    }
    signed_rows_free(rows, n);
    return rc;
}

static int pack_reload(struct store *pack, struct call *pc)
{
    struct diags d = {0};
    call_free(pc);
    int rc = store_load(pack, pc, &d);
    diags_free(&d);
    return rc;
}

static int pack_build(struct store *src, const struct call *c, const struct person *judge,
                      const struct person *maker, const struct secret_key *key, struct store *pack)
{
    struct call pc = {0};
    int64_t judge_in_pack = 0;
    store_set_actor(pack, maker, key);
    int rc = store_begin(pack) || pack_people(pack, c, judge, maker, &judge_in_pack) ||
             pack_apps(pack, c, judge, judge_in_pack) || store_commit(pack) ||
             pack_reload(pack, &pc) || store_begin(pack) ||
             pack_records(src, c, pack, &pc, judge) || store_commit(pack);
    if (rc)
        store_rollback(pack);
    call_free(&pc);
    return rc ? -1 : 0;
}

/* The pack's database under a temporary name beside `out` (core/file.h): the name is reserved
 * (0600), then store_create makes the database there itself (it refuses an existing file). */
static int pack_create(struct out_file *of, const char *out, bool force, const struct call *c,
                       struct store **pack, struct diags *d)
{
    if (out_file_reserve(of, out, force, d) < 0)
        return -1;
    unlink(of->tmp);
    if (store_create(of->tmp, c->program.id, c->program_text, d) < 0)
        return -1;
    return store_open(of->tmp, pack, d);
}

/* A laptop database for one judge: the call, that judge's applications and lineup, the review
 * decisions behind them, that judge's conflicts and sealed key — nothing of other judges. */
static int cmd_pack(struct cli *cli)
{
    char **pos = cli->pos;
    const char *out = cli_option(cli, "-o");
    struct store *pack = NULL;
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct store *src = cli->st;
    int rc = EXIT_FAIL;
    struct diags d = {0};
    const struct person *judge = call_find_person(c, pos[0]);
    /* Built under a temporary name beside FILE (core/file.h), then renamed into place. */
    struct out_file of = {.fd = -1};
    struct final_state fin = {0};
    if (store_final_state(src, &fin) < 0) {
        cli_fail("%s", store_errmsg(src));
    } else if (fin.final) {
        /* R11.6: no sheet is recorded any more, so there is nothing left to score offline. */
        cli_fail(_("the final result is signed: no score sheet can be recorded any more, so no "
                   "pack is made"));
    } else if (!judge || judge->role != ROLE_JUDGE) {
        cli_fail(_("%s is not a judge of this call"), pos[0]);
    } else if (cli_unlock_actor(cli) < 0) {
        /* cli_unlock_actor said why */
    } else if (pack_create(&of, out, cli_has_flag(cli, "--force"), c, &pack, &d) < 0) {
        cli_fail_diags(&d);
    } else if (pack_build(src, c, judge, cli->actor, &cli->key, pack) < 0) {
        cli_fail(_("%s: %s; nothing was written"), out, store_errmsg(pack));
    } else {
        store_close(pack);
        pack = NULL;
        if (out_file_commit(&of, &d) < 0) {
            cli_fail_diags(&d);
        } else {
            printf(_("%s: a scoring database for %s (open it with simsa -d %s)\n"), out,
                   judge->name, out);
            rc = EXIT_OK;
        }
    }
    diags_free(&d);
    store_close(pack);
    out_file_abort(&of);
    return rc;
}

const struct cli_command cli_sheet_commands[] = {
    {
        .name = "pack",
        .usage = "JUDGE -o FILE [--force]",
        .summary = N_("a laptop database for one judge to score offline"),
        .run = cmd_pack,
        .usage_error = N_("usage: simsa pack JUDGE -o FILE [--force]"),
        .min_args = 1,
        .max_args = 1,
        .options = (const char *const[]){"-o", NULL},
        .flags = (const char *const[]){"--force", NULL},
        .required = (const char *const[]){"-o", NULL},
        .actor = CLI_ACT_SECRETARIAT,
    },
    {
        .name = "sheet",
        .sub = "export",
        .usage = "JUDGE [-o DIR] [--key] [--force]",
        .summary =
            N_("write the judge's signed sheets as .sheet + .sheet.minisig (and the public key)"),
        .run = cmd_sheet_export,
        .usage_error = N_("usage: simsa sheet export JUDGE [-o DIR] [--key] [--force]"),
        .min_args = 1,
        .max_args = 1,
        .options = (const char *const[]){"-o", NULL},
        .flags = (const char *const[]){"--key", "--force", NULL},
    },
    {
        .name = "sheet",
        .sub = "import",
        .usage = "FILE.sheet...",
        .summary =
            N_("verify signed sheets against the judges' keys and record them (--as secretariat)"),
        .run = cmd_sheet_import,
        .usage_error = N_("usage: simsa --as SECRETARIAT sheet import FILE.sheet..."),
        .min_args = 1,
        .max_args = -1,
        .actor = CLI_ACT_SECRETARIAT,
    },
    {.name = NULL},
};
