/* The SQLite store (see store.h): open/create with the pragmas of DESIGN.md, migrations by
 * user_version, loading a whole call, and every write through prepared statements. */
#include "db/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/call.h"
#include "core/chain.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "core/report.h"
#include "core/session.h"
#include "db/events.h"
#include "db/internal.h"
#include "db/order.h"
#include "db/schema.sql.h"

#define N_MIGRATIONS (sizeof schema_migrations / sizeof schema_migrations[0])

/* A full disk said as what to do about it (SQLite's words are "database or disk is full"). */
static const char *disk_full_message(void)
{
    return _("the disk is full: free some space and run the command again (nothing was changed)");
}

static bool disk_full_db(sqlite3 *db, int code)
{
    /* SQLITE_FULL, or an I/O error whose cause was no space left (the shared-memory file of
     * the write-ahead log cannot grow). */
    return (code & 0xff) == SQLITE_FULL ||
           (db && (code & 0xff) == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC);
}
#define disk_full(code) disk_full_db(st->db, (code))

int db_fail(struct store *st, const char *what)
{
    int code = sqlite3_extended_errcode(st->db);
    snprintf(st->err, sizeof st->err, "%s: %s", what,
             disk_full(code) ? disk_full_message() : sqlite3_errmsg(st->db));
    return -1;
}

const char *store_errmsg(const struct store *st)
{
    return st->err;
}

void store_now(char out[21])
{
    const char *fixed = getenv("SIMSA_NOW");
    if (fixed && strlen(fixed) == 20) {
        memcpy(out, fixed, 21);
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int exec_sql(struct store *st, const char *sql)
{
    char *msg = NULL;
    int code = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
    if (code != SQLITE_OK) {
        snprintf(st->err, sizeof st->err, "%s",
                 disk_full(code) || disk_full(sqlite3_extended_errcode(st->db))
                     ? disk_full_message()
                 : msg ? msg
                       : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int user_version(struct store *st, int *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
        return db_fail(st, "user_version");
    int step = sqlite3_step(s);
    *out = step == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    /* A read that failed (a full disk: no room for the write-ahead log) is not an empty file. */
    if (step != SQLITE_ROW)
        return db_fail(st, "user_version");
    return 0;
}

static int migrate(struct store *st)
{
    int v;
    if (user_version(st, &v) < 0)
        return -1;
    if (v > (int)N_MIGRATIONS) {
        snprintf(st->err, sizeof st->err,
                 _("the database is of a newer simsa (schema %d, this one knows %d)"), v,
                 (int)N_MIGRATIONS);
        return -1;
    }
    for (; v < (int)N_MIGRATIONS; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (store_begin(st) < 0)
            return -1;
        if (exec_sql(st, schema_migrations[v]) < 0 || exec_sql(st, pragma) < 0) {
            store_rollback(st);
            return -1;
        }
        if (store_commit(st) < 0)
            return -1;
    }
    return 0;
}

/* A file that simsa did not make (an empty file, another program's database) is refused
 * before anything is written to it: migrating it would turn it into an empty call. */
static int check_is_call(struct store *st)
{
    int v = 0;
    if (user_version(st, &v) < 0) {
        int code = sqlite3_extended_errcode(st->db);
        snprintf(st->err, sizeof st->err, "%s",
                 disk_full(code)                  ? disk_full_message()
                 : (code & 0xff) == SQLITE_NOTADB ? _("not a simsa database")
                                                  : sqlite3_errmsg(st->db));
        return -1;
    }
    if (v == 0) {
        snprintf(st->err, sizeof st->err, "%s", _("not a simsa database"));
        return -1;
    }
    return 0;
}

static int connect(const char *path, int flags, bool creating, struct store **out, struct diags *d)
{
    struct store *st = xcalloc(1, sizeof *st);
    /* A connection is used by one thread at a time (the interactive program's loader has it
     * alone until it is done; the export's checker threads never touch it): without SQLite's
     * own mutexes, which took 11 % of loading a call (make bench). */
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        diags_add(d, NULL, 0, 0, _("cannot open %s: %s"), path,
                  st->db ? sqlite3_errmsg(st->db) : strerror(errno));
        sqlite3_close(st->db);
        free(st);
        return -1;
    }
    sqlite3_busy_timeout(st->db, 10000);
    sqlite3_extended_result_codes(st->db, 1);
    if ((!creating && check_is_call(st) < 0) ||
        exec_sql(st, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF;") < 0 ||
        migrate(st) < 0) {
        diags_add(d, NULL, 0, 0, "%s: %s", path, st->err);
        store_close(st);
        return -1;
    }
    *out = st;
    return 0;
}

int store_open(const char *path, struct store **out, struct diags *d)
{
    if (access(path, F_OK) != 0) {
        diags_add(d, NULL, 0, 0,
                  _("%s: no such database (create one with `simsa init %s --program ID`)"), path,
                  path);
        return -1;
    }
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        diags_add(d, NULL, 0, 0,
                  _("%s is a directory, not a simsa database: give the database file "
                    "(-d FILE)"),
                  path);
        return -1;
    }
    return connect(path, SQLITE_OPEN_READWRITE, false, out, d);
}

int store_create(const char *path, const char *program_id, const char *program_text,
                 struct diags *d)
{
    /* Created here with 0600 so the file is never readable by others, not even briefly. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        diags_add(d, NULL, 0, 0,
                  errno == EEXIST ? _("%s already exists; simsa will not overwrite it")
                                  : _("cannot create %s: %s"),
                  path, strerror(errno));
        return -1;
    }
    close(fd);
    struct store *st;
    if (connect(path, SQLITE_OPEN_READWRITE, true, &st, d) < 0) {
        unlink(path);
        return -1;
    }
    sqlite3_stmt *s = NULL;
    int rc = store_begin(st);
    if (rc == 0 &&
        sqlite3_prepare_v2(st->db, "INSERT INTO program(id, program_id, source) VALUES (1,?,?)", -1,
                           &s, NULL) != SQLITE_OK)
        rc = db_fail(st, "program");
    if (rc == 0) {
        sqlite3_bind_text(s, 1, program_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, program_text, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = db_fail(st, "program");
    }
    sqlite3_finalize(s);
    if (rc == 0) {
        char call_id[CALL_ID_HEX + 1];
        random_hex(call_id, CALL_ID_HEX / 2);
        char *detail = fact_program(program_id, program_text, call_id);
        rc = store_event(st, "simsa", "init", "", detail);
        free(detail);
    }
    if (rc == 0)
        rc = store_commit(st);
    if (rc < 0) {
        diags_add(d, NULL, 0, 0, "%s: %s", path, st->err);
        store_rollback(st);
        store_close(st);
        unlink(path);
        return -1;
    }
    store_close(st);
    /* WAL and SHM files inherit the database's mode from SQLite; keep all three 0600. */
    chmod(path, 0600);
    return 0;
}

void store_set_actor(struct store *st, const struct person *who, const struct secret_key *key)
{
    if (who && key && st->actor && strcmp(st->actor, who->name) == 0 &&
        secret_key_same(&st->actor_key, key))
        return; /* the same person again (every signed record sets its signer) */
    free(st->actor);
    st->actor = NULL;
    secret_key_wipe(&st->actor_key);
    if (who && key && secret_key_copy(&st->actor_key, key) == 0)
        st->actor = xstrdup(who->name);
}

void store_close(struct store *st)
{
    if (!st)
        return;
    free(st->actor);
    secret_key_wipe(&st->actor_key);
    sqlite3_close(st->db);
    free(st);
}

int store_checkpoint(struct store *st)
{
    int log = 0, done = 0;
    if (!st)
        return -1;
    /* TRUNCATE waits for readers through the busy handler: wait briefly, not the 10 s a write
     * waits, so the interactive program never stalls behind another process's long read. */
    sqlite3_busy_timeout(st->db, 200);
    int rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    sqlite3_busy_timeout(st->db, 10000);
    return rc == SQLITE_OK ? 0 : -1;
}

int store_backup(const char *src_path, const char *dst_path, struct diags *d)
{
    if (access(src_path, F_OK) != 0) {
        diags_add(d, NULL, 0, 0,
                  _("%s: no such database (create one with `simsa init %s --program ID`)"),
                  src_path, src_path);
        return -1;
    }
    sqlite3 *src = NULL, *dst = NULL;
    int rc = -1;
    if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        diags_add(d, NULL, 0, 0, _("cannot open %s: %s"), src_path,
                  src ? sqlite3_errmsg(src) : strerror(errno));
        goto out;
    }
    sqlite3_busy_timeout(src, 10000);
    if (sqlite3_open_v2(dst_path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        diags_add(d, NULL, 0, 0, _("cannot open %s: %s"), dst_path,
                  dst ? sqlite3_errmsg(dst) : strerror(errno));
        goto out;
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        diags_add(d, NULL, 0, 0, "%s: %s", dst_path, sqlite3_errmsg(dst));
        goto out;
    }
    /* All pages in one step: one read transaction on the source, so the copy is one state. */
    int step;
    do {
        step = sqlite3_backup_step(b, -1);
        if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
    int fin = sqlite3_backup_finish(b);
    if (step != SQLITE_DONE || fin != SQLITE_OK) {
        diags_add(d, NULL, 0, 0, _("%s: the backup did not complete: %s"), src_path,
                  sqlite3_errstr(step != SQLITE_DONE ? step : fin));
        goto out;
    }
    rc = 0;
out:
    sqlite3_close(dst);
    sqlite3_close(src);
    return rc;
}

int store_begin(struct store *st)
{
    return exec_sql(st, "BEGIN IMMEDIATE");
}

int store_read_begin(struct store *st)
{
    /* A deferred transaction takes its snapshot at the first read: read once now, so every
     * later query sees the same state however many others commit meanwhile. */
    if (exec_sql(st, "BEGIN") < 0)
        return -1;
    if (exec_sql(st, "SELECT count(*) FROM program") < 0) {
        store_rollback(st);
        return -1;
    }
    return 0;
}

int store_commit(struct store *st)
{
    return exec_sql(st, "COMMIT");
}

void store_rollback(struct store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- small statement helpers ---- */

sqlite3_stmt *db_prepare(struct store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        db_fail(st, sql);
        return NULL;
    }
    return s;
}

static int step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
    int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : db_fail(st, what);
    sqlite3_finalize(s);
    return rc;
}

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

char *db_col_text(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return xstrdup(t ? (const char *)t : "");
}

static void date_text(sdate d, char out[11])
{
    date_format(d, out);
}

/* Bind a signed record's last four parameters: person, at, signed text, signature. */
static int finish_signed(struct store *st, sqlite3_stmt *s, int n_bound, const struct signing *sign,
                         const char *what)
{
    sqlite3_bind_int64(s, n_bound + 1, sign->person);
    sqlite3_bind_text(s, n_bound + 2, sign->at, -1, SQLITE_TRANSIENT);
    bind_text_or_null(s, n_bound + 3, sign->text);
    bind_text_or_null(s, n_bound + 4, sign->sig);
    return step_done(st, s, what);
}

/* ---- loading ---- */

static int load_budget(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT value FROM meta WHERE key = 'budget'");
    if (!s)
        return -1;
    c->has_budget = false;
    c->budget = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        c->has_budget = true;
        c->budget = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    return 0;
}

static int load_program(struct store *st, struct call *c, struct diags *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT source FROM program WHERE id = 1");
    if (!s)
        return -1;
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        snprintf(st->err, sizeof st->err, "%s", _("the database holds no program definition"));
        return -1;
    }
    c->program_text = db_col_text(s, 0);
    sqlite3_finalize(s);
    if (program_parse(c->program_text, _("stored program"), &c->program, d) != 0) {
        snprintf(st->err, sizeof st->err, "%s", _("the stored program definition is invalid"));
        return -1;
    }
    return load_budget(st, c);
}

void db_blob_copy(sqlite3_stmt *s, int i, uint8_t *out, size_t n)
{
    const void *b = sqlite3_column_blob(s, i);
    size_t len = (size_t)sqlite3_column_bytes(s, i);
    memset(out, 0, n);
    if (b)
        memcpy(out, b, len < n ? len : n);
}

static int load_people(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, name, role, key_id, public_key, sealed_key "
                                     "FROM person ORDER BY id");
    if (!s)
        return -1;
    size_t cap = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (c->n_people == cap) {
            cap = cap ? cap * 2 : 16;
            c->people = xrealloc(c->people, cap * sizeof *c->people);
        }
        struct person *p = &c->people[c->n_people++];
        memset(p, 0, sizeof *p);
        p->id = sqlite3_column_int64(s, 0);
        p->name = db_col_text(s, 1);
        role_parse((const char *)sqlite3_column_text(s, 2), &p->role);
        db_blob_copy(s, 3, p->pub.key_id, sizeof p->pub.key_id);
        db_blob_copy(s, 4, p->pub.pk, sizeof p->pub.pk);
        p->sealed.len = (size_t)sqlite3_column_bytes(s, 5);
        p->sealed.bytes = xmalloc(p->sealed.len);
        if (p->sealed.len)
            memcpy(p->sealed.bytes, sqlite3_column_blob(s, 5), p->sealed.len);
    }
    sqlite3_finalize(s);
    return 0;
}

static int load_panels(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, name FROM panel ORDER BY id");
    if (!s)
        return -1;
    size_t cap = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (c->n_panels == cap) {
            cap = cap ? cap * 2 : 8;
            c->panels = xrealloc(c->panels, cap * sizeof *c->panels);
        }
        struct panel *p = &c->panels[c->n_panels++];
        memset(p, 0, sizeof *p);
        p->id = sqlite3_column_int64(s, 0);
        p->name = db_col_text(s, 1);
    }
    sqlite3_finalize(s);
    s = db_prepare(st, "SELECT panel_id, person_id FROM panel_judge ORDER BY panel_id, person_id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        int64_t pid = sqlite3_column_int64(s, 0);
        for (size_t i = 0; i < c->n_panels; i++) {
            struct panel *p = &c->panels[i];
            if (p->id != pid)
                continue;
            p->judges = xrealloc(p->judges, (p->n_judges + 1) * sizeof *p->judges);
            p->judges[p->n_judges++] = sqlite3_column_int64(s, 1);
        }
    }
    sqlite3_finalize(s);
    return 0;
}

sdate db_col_date(sqlite3_stmt *s, int i)
{
    sdate d = 0;
    const char *t = (const char *)sqlite3_column_text(s, i);
    if (t)
        date_parse(t, &d, NULL);
    return d;
}

/* The single integer a query returns (0 when it fails: the caller's own query reports it). */
static int64_t count_rows(struct store *st, const char *sql)
{
    sqlite3_stmt *s = db_prepare(st, sql);
    int64_t n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return n;
}

#define APP_COLUMNS                                                                                \
    "SELECT id, company, biz_no, size, region, factory_region, industry, founded, supplier, "      \
    "supplier_region, supplier_pools, requested, copay, title, contact_name, contact_email, "      \
    "received, received_has_time, panel_id FROM application"

static void app_fill(struct app_record *r, sqlite3_stmt *s)
{
    memset(r, 0, sizeof *r);
    struct application *a = &r->a;
    a->id = db_col_text(s, 0);
    a->company = db_col_text(s, 1);
    a->biz_no = db_col_text(s, 2);
    size_parse((const char *)sqlite3_column_text(s, 3), &a->size);
    a->region = db_col_text(s, 4);
    a->factory_region = db_col_text(s, 5);
    a->industry = db_col_text(s, 6);
    a->founded = db_col_date(s, 7);
    a->supplier = db_col_text(s, 8);
    a->supplier_region = db_col_text(s, 9);
    a->supplier_pools = sqlite3_column_int(s, 10) != 0;
    a->requested = sqlite3_column_int64(s, 11);
    a->copay = sqlite3_column_int64(s, 12);
    a->title = db_col_text(s, 13);
    a->contact_name = db_col_text(s, 14);
    a->contact_email = db_col_text(s, 15);
    const char *rcv = (const char *)sqlite3_column_text(s, 16);
    bool has_time = false;
    if (rcv)
        datetime_parse(rcv, &a->received, &has_time, NULL);
    a->received_has_time = sqlite3_column_int(s, 17) != 0;
    r->panel = sqlite3_column_type(s, 18) == SQLITE_NULL ? 0 : sqlite3_column_int64(s, 18);
}

static int load_apps(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, APP_COLUMNS " ORDER BY id");
    if (!s)
        return -1;
    /* Sized once: a call of 10,000 applications must load in little memory (make bench). */
    size_t cap = (size_t)count_rows(st, "SELECT COUNT(*) FROM application");
    c->apps = cap ? xcalloc(cap, sizeof *c->apps) : NULL;
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (c->n_apps == cap) {
            cap = cap ? cap * 2 : 64;
            c->apps = xrealloc(c->apps, cap * sizeof *c->apps);
        }
        app_fill(&c->apps[c->n_apps++], s);
    }
    sqlite3_finalize(s);
    return 0;
}

typedef void (*app_row_fn)(struct call *, struct app_record *, sqlite3_stmt *);

/* Run a query whose first column is an application id and hand each row to fn; with `one`,
 * the query's ?1 is that application's id. */
static int each_app_row(struct store *st, struct call *c, const char *sql, const char *one,
                        app_row_fn fn)
{
    sqlite3_stmt *s = db_prepare(st, sql);
    if (!s)
        return -1;
    if (one)
        sqlite3_bind_text(s, 1, one, -1, SQLITE_STATIC);
    struct app_record *r = NULL;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        const char *app = (const char *)sqlite3_column_text(s, 0);
        /* Rows mostly come grouped by application: look it up only when it changes. */
        if (!r || !app || strcmp(r->a.id, app) != 0)
            r = app ? call_find_app(c, app) : NULL;
        if (r)
            fn(c, r, s);
    }
    int rc = step == SQLITE_DONE ? 0 : db_fail(st, "load");
    sqlite3_finalize(s);
    return rc;
}

static void add_doc(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->docs = xrealloc(r->docs, (r->n_docs + 1) * sizeof *r->docs);
    r->docs[r->n_docs].number = sqlite3_column_int(s, 1);
    r->docs[r->n_docs].issued = db_col_date(s, 2);
    r->n_docs++;
}

static void add_answer(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->answers = xrealloc(r->answers, (r->n_answers + 1) * sizeof *r->answers);
    struct checklist_row *a = &r->answers[r->n_answers++];
    a->item = db_col_text(s, 1);
    a->answer = sqlite3_column_int(s, 2) ? ANSWER_YES : ANSWER_NO;
    a->note = db_col_text(s, 3);
}

static void add_finance(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->finance = xrealloc(r->finance, (r->n_finance + 1) * sizeof *r->finance);
    struct finance_year *f = &r->finance[r->n_finance++];
    f->year = sqlite3_column_int(s, 1);
    f->liabilities = sqlite3_column_int64(s, 2);
    f->equity = sqlite3_column_int64(s, 3);
    f->current_assets = sqlite3_column_int64(s, 4);
    f->current_liabilities = sqlite3_column_int64(s, 5);
}

/* Rows come in id order, so the last one seen is the decision in force. */
static void set_review(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->review = sqlite3_column_int(s, 1) ? REVIEW_PASSED : REVIEW_FAILED;
    free(r->review_reasons);
    r->review_reasons = db_col_text(s, 2);
}

/* Where in the audit chain the latest review decision, and the latest fact it is made of (the
 * application, a document, a financial figure, a checklist answer), were recorded. */
static void set_review_seq(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->review_seq = sqlite3_column_int64(s, 1);
}

static void set_facts_seq(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->facts_seq = sqlite3_column_int64(s, 1);
}

static void add_conflict(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->conflicts = xrealloc(r->conflicts, (r->n_conflicts + 1) * sizeof *r->conflicts);
    r->conflicts[r->n_conflicts++] = sqlite3_column_int64(s, 1);
}

static void add_bonus(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->bonuses = xrealloc(r->bonuses, (r->n_bonuses + 1) * sizeof *r->bonuses);
    r->bonuses[r->n_bonuses++] = db_col_text(s, 1);
}

static void set_forfeit(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    r->forfeited = true;
    free(r->forfeit_reason);
    r->forfeit_reason = db_col_text(s, 1);
}

static void set_agreed(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    const char *d = (const char *)sqlite3_column_text(s, 1);
    sdate day;
    if (d && date_parse(d, &day, NULL) == 0)
        r->agreed = day;
}

static void set_inspected(struct call *c, struct app_record *r, sqlite3_stmt *s)
{
    (void)c;
    (void)s;
    r->inspected = true;
}

static void sheet_fill(const struct app_record *r, struct app_sheet *sh, sqlite3_stmt *s)
{
    memset(sh, 0, sizeof *sh);
    sh->id = sqlite3_column_int64(s, 1);
    sh->s.app = r->a.id;
    sh->s.judge = sqlite3_column_int64(s, 2);
    sh->s.opinion = db_col_text(s, 3);
    sh->s.transcribed = sqlite3_column_int(s, 4) != 0;
    sh->submitted_by = sqlite3_column_int64(s, 5);
    sh->submitted_at = db_col_text(s, 6);
    sh->s.agree = sqlite3_column_int(s, 7) != 0;
    sh->s.amount = sqlite3_column_int64(s, 8);
}

struct sheet_ref {
    int64_t id;
    struct app_sheet *sheet;
};

static int sheet_ref_cmp(const void *a, const void *b)
{
    int64_t x = ((const struct sheet_ref *)a)->id, y = ((const struct sheet_ref *)b)->id;
    return (x > y) - (x < y);
}

static void sheet_comment_set(struct app_sheet *sh, size_t index, sqlite3_stmt *s)
{
    if (!sh->s.comments) /* room for them only on a sheet that has any */
        sh->s.comments = xcalloc(PROGRAM_MAX_ITEMS, sizeof *sh->s.comments);
    free((char *)sh->s.comments[index]);
    sh->s.comments[index] = db_col_text(s, 3);
}

/* A sheet_item row (sheet_id, item, tenths, comment) into item `index` of sh. Every writer keeps
 * tenths within the item's maximum (at most 1000); one beyond 16 bits, in a file edited by hand,
 * reads as the largest, and verify reports the row against its signature. */
static void sheet_item_set(struct app_sheet *sh, size_t index, sqlite3_stmt *s)
{
    int tenths = sqlite3_column_int(s, 2);
    sh->s.item_tenths[index] = tenths > INT16_MAX ? INT16_MAX : (int16_t)tenths;
    if (sqlite3_column_bytes(s, 3) > 0)
        sheet_comment_set(sh, index, s);
}

/* Every sheet's items in one pass over sheet_item in key order (no join, no sort in SQLite),
 * matched to the sheets by id. */
static int load_sheet_items(struct store *st, struct call *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_apps; i++)
        n += c->apps[i].n_sheets;
    struct sheet_ref *refs = xcalloc(n ? n : 1, sizeof *refs);
    n = 0;
    for (size_t i = 0; i < c->n_apps; i++)
        for (size_t k = 0; k < c->apps[i].n_sheets; k++)
            refs[n++] = (struct sheet_ref){c->apps[i].sheets[k].id, &c->apps[i].sheets[k]};
    qsort(refs, n, sizeof *refs, sheet_ref_cmp);
    sqlite3_stmt *s = db_prepare(st, "SELECT sheet_id, item, tenths, comment FROM sheet_item "
                                     "ORDER BY sheet_id");
    if (!s) {
        free(refs);
        return -1;
    }
    size_t at = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        int64_t sid = sqlite3_column_int64(s, 0);
        while (at < n && refs[at].id < sid)
            at++;
        size_t index;
        if (at < n && refs[at].id == sid &&
            program_item(&c->program, (const char *)sqlite3_column_text(s, 1), &index)) {
            sheet_item_set(refs[at].sheet, index, s);
        }
    }
    sqlite3_finalize(s);
    free(refs);
    return 0;
}

/* Each application's sheets in an array of exactly their number, counted first (a covering
 * index), then filled in table order: reading 50,000 sheets in application order would look
 * each one up through the index (make bench: 0.07 s against 0.03 s). */
static int load_sheets(struct store *st, struct call *c)
{
    size_t *room = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *room);
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, COUNT(*) FROM sheet GROUP BY app_id");
    while (s && sqlite3_step(s) == SQLITE_ROW) {
        struct app_record *r = call_find_app(c, (const char *)sqlite3_column_text(s, 0));
        if (r) {
            room[r - c->apps] = (size_t)sqlite3_column_int64(s, 1);
            r->sheets = xcalloc(room[r - c->apps], sizeof *r->sheets);
        }
    }
    sqlite3_finalize(s);
    s = db_prepare(st, "SELECT s.app_id, s.id, s.judge_id, s.opinion, s.transcribed, "
                       "s.submitted_by, s.submitted_at, v.agree, v.amount FROM sheet s "
                       "JOIN amount_vote v ON v.sheet_id = s.id ORDER BY s.id");
    struct app_record *r = NULL;
    while (s && sqlite3_step(s) == SQLITE_ROW) {
        const char *app = (const char *)sqlite3_column_text(s, 0);
        if (!r || !app || strcmp(r->a.id, app) != 0)
            r = app ? call_find_app(c, app) : NULL;
        if (!r)
            continue;
        size_t k = (size_t)(r - c->apps);
        if (r->n_sheets == room[k]) { /* cannot happen in one snapshot; stay safe */
            room[k] = room[k] * 2 + 1;
            r->sheets = xrealloc(r->sheets, room[k] * sizeof *r->sheets);
        }
        sheet_fill(r, &r->sheets[r->n_sheets++], s);
    }
    free(room);
    if (!s)
        return -1;
    sqlite3_finalize(s);
    return load_sheet_items(st, c);
}

static int load_ties(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT members FROM tie_decision ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        c->ties = xrealloc(c->ties, (c->n_ties + 1) * sizeof *c->ties);
        struct tie_record *t = &c->ties[c->n_ties++];
        memset(t, 0, sizeof *t);
        char *members = db_col_text(s, 0), *save = NULL;
        for (char *tok = strtok_r(members, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
            t->apps = xrealloc(t->apps, (t->n + 1) * sizeof *t->apps);
            t->apps[t->n++] = xstrdup(tok);
        }
        free(members);
    }
    sqlite3_finalize(s);
    return 0;
}

/* What is read of each application apart from its row and its sheets: one query per table,
 * over every application (`where` and `order` as given) or, for one application, with
 * "app_id = ?1" added to the conditions. */
static const struct app_table {
    const char *select, *where, *order;
    app_row_fn fn;
} app_tables[] = {
    {"SELECT app_id, doc, issued FROM document", NULL, "ORDER BY app_id, doc", add_doc},
    {"SELECT app_id, item, answer, note FROM checklist", NULL, "ORDER BY app_id", add_answer},
    {"SELECT app_id, year, liabilities, equity, current_assets, current_liabilities FROM finance",
     NULL, "ORDER BY app_id, year", add_finance},
    {"SELECT app_id, passed, reasons FROM review", NULL, "ORDER BY id", set_review},
    {"SELECT app_id, judge_id FROM conflict", NULL, "ORDER BY app_id, judge_id", add_conflict},
    {"SELECT app_id, bonus FROM bonus_change b",
     "awarded = 1 AND id = (SELECT MAX(id) FROM bonus_change WHERE app_id = b.app_id AND "
     "bonus = b.bonus)",
     "ORDER BY app_id, bonus", add_bonus},
    {"SELECT app_id, reason FROM forfeit", NULL, "", set_forfeit},
    {"SELECT app_id, date FROM agreement", NULL, "", set_agreed},
    {"SELECT DISTINCT app_id FROM inspection", NULL, "", set_inspected},
};

/* The audit events a review decision is read from, and the facts it is made of (the
 * application, its documents, financial figures and checklist answers): the kinds of the two
 * queries below, and of what refresh_in moves on when one application is read again. */
#define REVIEW_KINDS "'review passed', 'review failed'"
#define FACT_KINDS "'app import', 'document', 'finance', 'check'"
static const char *const review_kinds[] = {"review passed", "review failed", NULL};
static const char *const fact_kinds[] = {"app import", "document", "finance", "check", NULL};

static int load_app_tables(struct store *st, struct call *c, const char *one)
{
    for (size_t i = 0; i < sizeof app_tables / sizeof app_tables[0]; i++) {
        const struct app_table *t = &app_tables[i];
        char *sql = xasprintf("%s%s%s%s%s %s", t->select, t->where || one ? " WHERE " : "",
                              t->where ? t->where : "", t->where && one ? " AND " : "",
                              one ? "app_id = ?1" : "", t->order);
        int rc = each_app_row(st, c, sql, one, t->fn);
        free(sql);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int load_seq(struct store *st, struct call *c)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT COALESCE(MAX(seq), 0) FROM event");
    if (!s)
        return -1;
    int rc = sqlite3_step(s) == SQLITE_ROW ? 0 : db_fail(st, "event");
    c->seq = rc == 0 ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return rc;
}

static int load_call(struct store *st, struct call *c, bool sheets, struct diags *d)
{
    memset(c, 0, sizeof *c);
    /* One read transaction, so the call is a consistent snapshot. The tables are read in
     * order, once: a small page cache does as well as the default 2 MB and leaves that memory
     * to the call (a call of 10,000 applications must rank within 32 MB, make bench). */
    bool own = sqlite3_get_autocommit(st->db) != 0; /* else inside the caller's snapshot */
    if (exec_sql(st, own ? "PRAGMA cache_size = -256; BEGIN" : "PRAGMA cache_size = -256") < 0)
        return -1;
    int rc = 0;
    if (load_seq(st, c) < 0 || load_program(st, c, d) < 0 || load_people(st, c) < 0 ||
        load_panels(st, c) < 0 || load_apps(st, c) < 0 || load_app_tables(st, c, NULL) < 0 ||
        each_app_row(st, c,
                     "SELECT app_id, MAX(seq) FROM event WHERE kind IN (" REVIEW_KINDS
                     ") GROUP BY app_id ORDER BY app_id",
                     NULL, set_review_seq) < 0 ||
        each_app_row(st, c,
                     "SELECT app_id, MAX(seq) FROM event WHERE kind IN (" FACT_KINDS
                     ") GROUP BY app_id ORDER BY app_id",
                     NULL, set_facts_seq) < 0 ||
        (sheets && load_sheets(st, c) < 0) || load_ties(st, c) < 0 || order_load(st, c) < 0)
        rc = -1;
    exec_sql(st, own ? "COMMIT; PRAGMA cache_size = -2000" : "PRAGMA cache_size = -2000");
    if (rc < 0)
        call_free(c);
    return rc;
}

int store_load(struct store *st, struct call *c, struct diags *d)
{
    return load_call(st, c, true, d);
}

int store_load_facts(struct store *st, struct call *c, struct diags *d)
{
    return load_call(st, c, false, d);
}

/* One application's sheets and their items, read again into r (emptied). */
static int load_app_sheets(struct store *st, struct call *c, struct app_record *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT s.app_id, s.id, s.judge_id, s.opinion, "
                                     "s.transcribed, s.submitted_by, s.submitted_at, v.agree, "
                                     "v.amount FROM sheet s JOIN amount_vote v ON v.sheet_id = "
                                     "s.id WHERE s.app_id = ?1 ORDER BY s.id");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, r->a.id, -1, SQLITE_STATIC);
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        if (r->n_sheets == cap) {
            cap = cap ? cap * 2 : 8;
            r->sheets = xrealloc(r->sheets, cap * sizeof *r->sheets);
        }
        sheet_fill(r, &r->sheets[r->n_sheets++], s);
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE)
        return db_fail(st, "sheet");
    s = db_prepare(st,
                   "SELECT sheet_id, item, tenths, comment FROM sheet_item WHERE sheet_id = ?1");
    if (!s)
        return -1;
    for (size_t k = 0; k < r->n_sheets; k++) {
        struct app_sheet *sh = &r->sheets[k];
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, sh->id);
        while ((step = sqlite3_step(s)) == SQLITE_ROW) {
            size_t index;
            if (program_item(&c->program, (const char *)sqlite3_column_text(s, 1), &index))
                sheet_item_set(sh, index, s);
        }
        if (step != SQLITE_DONE)
            break;
    }
    sqlite3_finalize(s);
    return step == SQLITE_DONE || r->n_sheets == 0 ? 0 : db_fail(st, "sheet item");
}

int store_load_app(struct store *st, struct call *c, const char *id)
{
    sqlite3_stmt *s = db_prepare(st, APP_COLUMNS " WHERE id = ?1");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int step = sqlite3_step(s);
    if (step != SQLITE_ROW) {
        sqlite3_finalize(s);
        return step == SQLITE_DONE ? 0 : db_fail(st, "application"); /* none: nothing to read */
    }
    struct app_record *r = call_find_app(c, id);
    int64_t review_seq = 0, facts_seq = 0;
    if (r) {
        review_seq = r->review_seq;
        facts_seq = r->facts_seq;
        call_app_clear(r);
    } else { /* a new application, in its place by id */
        size_t at = 0;
        while (at < c->n_apps && strcmp(c->apps[at].a.id, id) < 0)
            at++;
        c->apps = xrealloc(c->apps, (c->n_apps + 1) * sizeof *c->apps);
        memmove(&c->apps[at + 1], &c->apps[at], (c->n_apps - at) * sizeof *c->apps);
        c->n_apps++;
        r = &c->apps[at];
    }
    app_fill(r, s);
    sqlite3_finalize(s);
    r->review_seq = review_seq;
    r->facts_seq = facts_seq;
    int rc = load_app_tables(st, c, r->a.id) || load_app_sheets(st, c, r) ? -1 : 0;
    if (rc == 0) {
        s = db_prepare(st, "SELECT position FROM presentation_order WHERE app_id = ?1");
        if (!s)
            return -1;
        sqlite3_bind_text(s, 1, r->a.id, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW)
            r->position = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
    }
    return rc;
}

/* The call-level parts read again: the budget, people, panels, tie decisions and the
 * presentation order. */
static int load_parts(struct store *st, struct call *c)
{
    call_parts_clear(c);
    for (size_t i = 0; i < c->n_apps; i++)
        c->apps[i].position = 0;
    return load_budget(st, c) < 0 || load_people(st, c) < 0 || load_panels(st, c) < 0 ||
                   load_ties(st, c) < 0 || order_load(st, c) < 0
               ? -1
               : 0;
}

static bool kind_in(const char *kind, const char *const *kinds)
{
    for (size_t i = 0; kinds[i]; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return true;
    return false;
}

/* What an event changes of the call in memory: one application's records (it names it), the
 * call-level parts, nothing read into the call (the room's clock and the final result, which
 * the screens read themselves), or something unknown here (the whole call is read again). */
enum reach { REACH_APP, REACH_CALL, REACH_NONE, REACH_UNKNOWN };

static enum reach event_reach(const char *kind)
{
    static const char *const app_kinds[] = {"app import",     "document",      "finance",
                                            "check",          "review passed", "review failed",
                                            "inspection",     "conflict",      "bonus set",
                                            "bonus clear",    "panel assign",  "sheet submitted",
                                            "sheet imported", "sheet packed",  "sheet transcribed",
                                            "forfeit",        "agreement",     "plan require",
                                            "plan done",      "app contact",   NULL};
    static const char *const call_kinds[] = {"budget",      "person add",  "panel add",
                                             "panel order", "tie resolve", NULL};
    static const char *const none_kinds[] = {"session clock", "result final", NULL};
    return kind_in(kind, app_kinds)    ? REACH_APP
           : kind_in(kind, call_kinds) ? REACH_CALL
           : kind_in(kind, none_kinds) ? REACH_NONE
                                       : REACH_UNKNOWN;
}

/* More applications changed than this, or more events arrived: the whole call is read again
 * (one pass over each table costs less than as many lookups). */
enum { REFRESH_MAX_EVENTS = 4096, REFRESH_MAX_APPS = 1000 };

static int id_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Within the caller's read transaction: what the events after c->seq changed, read again. */
static int refresh_in(struct store *st, struct call *c, struct refresh *out, struct diags *d)
{
    struct event_ref *ev = NULL;
    size_t n = 0;
    bool more = false;
    if (store_events_after(st, c->seq, REFRESH_MAX_EVENTS, &ev, &n, &more) < 0)
        return -1;
    bool whole = more, parts = false;
    struct strlist apps = {0};
    for (size_t i = 0; i < n && !whole; i++) {
        enum reach reach = event_reach(ev[i].kind);
        if (reach == REACH_UNKNOWN)
            whole = true;
        else if (reach == REACH_CALL)
            parts = true;
        if (reach != REACH_UNKNOWN && reach != REACH_NONE && ev[i].app && *ev[i].app)
            strlist_add(&apps, ev[i].app);
    }
    if (apps.n > 1)
        qsort(apps.v, apps.n, sizeof *apps.v, id_cmp);
    size_t distinct = 0;
    for (size_t i = 0; i < apps.n; i++)
        if (distinct == 0 || strcmp(apps.v[i], apps.v[distinct - 1]) != 0)
            apps.v[distinct++] = apps.v[i];
        else
            free(apps.v[i]);
    apps.n = distinct;
    whole = whole || apps.n > REFRESH_MAX_APPS;
    out->events = (int64_t)n;
    out->apps = apps.n;
    out->call_level = parts;
    int rc = 0;
    if (whole) {
        /* The old call is freed before the new one is read: the peak stays one call. */
        call_free(c);
        out->whole = true;
        rc = store_load(st, c, d);
    } else {
        if (parts)
            rc = load_parts(st, c);
        for (size_t i = 0; rc == 0 && i < apps.n; i++)
            rc = store_load_app(st, c, apps.v[i]);
        /* Where the latest decision and fact of each application were recorded moves on with
         * the events read (a fresh read takes the same MAX(seq) from the whole log). */
        for (size_t i = 0; rc == 0 && i < n; i++) {
            struct app_record *r = ev[i].app && *ev[i].app ? call_find_app(c, ev[i].app) : NULL;
            if (r && kind_in(ev[i].kind, review_kinds) && ev[i].seq > r->review_seq)
                r->review_seq = ev[i].seq;
            if (r && kind_in(ev[i].kind, fact_kinds) && ev[i].seq > r->facts_seq)
                r->facts_seq = ev[i].seq;
        }
        if (rc == 0 && n)
            c->seq = ev[n - 1].seq;
    }
    strlist_free(&apps);
    event_refs_free(ev, n);
    return rc;
}

int store_refresh(struct store *st, struct call *c, struct refresh *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    if (store_read_begin(st) < 0)
        return -1;
    int rc = refresh_in(st, c, out, d);
    if (rc == 0)
        store_commit(st);
    else
        store_rollback(st);
    return rc;
}

int store_load_outline(struct store *st, struct call *c, struct call_outline *counts,
                       struct diags *d)
{
    memset(c, 0, sizeof *c);
    memset(counts, 0, sizeof *counts);
    if (exec_sql(st, "BEGIN") < 0)
        return -1;
    int rc = load_program(st, c, d);
    if (rc == 0) {
        counts->applications = (size_t)count_rows(st, "SELECT COUNT(*) FROM application");
        counts->sheets = (size_t)count_rows(st, "SELECT COUNT(*) FROM sheet");
    }
    exec_sql(st, "COMMIT");
    if (rc < 0)
        call_free(c);
    return rc;
}

/* ---- writes ---- */

int store_person_add(struct store *st, const char *name, enum role role,
                     const struct public_key *pub, const struct sealed_key *sealed, int64_t *id)
{
    char now[21];
    store_now(now);
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO person(name, role, key_id, public_key, "
                                     "sealed_key, created) VALUES (?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, role_name(role), -1, SQLITE_STATIC);
    sqlite3_bind_blob(s, 3, pub->key_id, sizeof pub->key_id, SQLITE_STATIC);
    sqlite3_bind_blob(s, 4, pub->pk, sizeof pub->pk, SQLITE_STATIC);
    sqlite3_bind_blob(s, 5, sealed->bytes, (int)sealed->len, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC);
    if (step_done(st, s, "person") < 0)
        return -1;
    if (id)
        *id = sqlite3_last_insert_rowid(st->db);
    return 0;
}

int store_budget_set(struct store *st, int64_t won, const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO meta(key, value) VALUES ('budget', ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s)
        return -1;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)won);
    sqlite3_bind_text(s, 1, buf, -1, SQLITE_TRANSIENT);
    if (step_done(st, s, "budget") < 0)
        return -1;
    if (!sign)
        return 0;
    s = db_prepare(st, "INSERT INTO budget_change(won, person_id, at, signed_text, signature) "
                       "VALUES (?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, won);
    return finish_signed(st, s, 1, sign, "budget");
}

int store_app_insert(struct store *st, const struct application *a)
{
    char founded[11], received[17], now[21];
    date_text(a->founded, founded);
    if (a->received_has_time)
        datetime_format(a->received, received);
    else
        date_text(datetime_date(a->received), received);
    store_now(now);
    sqlite3_stmt *s = db_prepare(
        st, "INSERT INTO application(id, company, biz_no, size, region, factory_region, "
            "industry, founded, supplier, supplier_region, supplier_pools, requested, copay, "
            "title, contact_name, contact_email, received, received_has_time, imported) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    const char *texts[] = {a->id,       a->company,        a->biz_no,   size_name(a->size),
                           a->region,   a->factory_region, a->industry, founded,
                           a->supplier, a->supplier_region};
    for (int i = 0; i < 10; i++)
        sqlite3_bind_text(s, i + 1, texts[i] ? texts[i] : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 11, a->supplier_pools);
    sqlite3_bind_int64(s, 12, a->requested);
    sqlite3_bind_int64(s, 13, a->copay);
    sqlite3_bind_text(s, 14, a->title ? a->title : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 15, a->contact_name ? a->contact_name : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 16, a->contact_email ? a->contact_email : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 17, received, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 18, a->received_has_time);
    sqlite3_bind_text(s, 19, now, -1, SQLITE_TRANSIENT);
    return step_done(st, s, "application");
}

int store_app_contact_set(struct store *st, const char *app, const char *name, const char *email)
{
    sqlite3_stmt *s = db_prepare(st, "UPDATE application SET contact_name = ?, contact_email = ? "
                                     "WHERE id = ?");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, email, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, app, -1, SQLITE_TRANSIENT);
    return step_done(st, s, "application");
}

int store_doc_set(struct store *st, const char *app, int doc, sdate issued)
{
    char d[11];
    date_text(issued, d);
    sqlite3_stmt *s =
        db_prepare(st, "INSERT INTO document(app_id, doc, issued) VALUES (?,?,?) "
                       "ON CONFLICT(app_id, doc) DO UPDATE SET issued = excluded.issued");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, doc);
    sqlite3_bind_text(s, 3, d, -1, SQLITE_TRANSIENT);
    return step_done(st, s, "document");
}

int store_check_set(struct store *st, const char *app, const char *item, bool yes, const char *note,
                    int64_t person)
{
    char now[21];
    store_now(now);
    sqlite3_stmt *s = db_prepare(
        st, "INSERT INTO checklist(app_id, item, answer, note, person_id, at) VALUES "
            "(?,?,?,?,?,?) ON CONFLICT(app_id, item) DO UPDATE SET answer = excluded.answer, "
            "note = excluded.note, person_id = excluded.person_id, at = excluded.at");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, item, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 3, yes);
    sqlite3_bind_text(s, 4, note ? note : "", -1, SQLITE_TRANSIENT);
    if (person > 0)
        sqlite3_bind_int64(s, 5, person);
    else
        sqlite3_bind_null(s, 5);
    sqlite3_bind_text(s, 6, now, -1, SQLITE_TRANSIENT);
    return step_done(st, s, "checklist");
}

int store_finance_set(struct store *st, const char *app, const struct finance_year *f)
{
    sqlite3_stmt *s = db_prepare(
        st, "INSERT INTO finance(app_id, year, liabilities, equity, current_assets, "
            "current_liabilities) VALUES (?,?,?,?,?,?) ON CONFLICT(app_id, year) DO UPDATE SET "
            "liabilities = excluded.liabilities, equity = excluded.equity, current_assets = "
            "excluded.current_assets, current_liabilities = excluded.current_liabilities");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, f->year);
    sqlite3_bind_int64(s, 3, f->liabilities);
    sqlite3_bind_int64(s, 4, f->equity);
    sqlite3_bind_int64(s, 5, f->current_assets);
    sqlite3_bind_int64(s, 6, f->current_liabilities);
    return step_done(st, s, "finance");
}

int store_review_add(struct store *st, const char *app, bool passed, const char *reasons,
                     const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO review(app_id, passed, reasons, person_id, at, "
                                     "signed_text, signature) VALUES (?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, passed);
    sqlite3_bind_text(s, 3, reasons, -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 3, sign, "review");
}

int store_panel_add(struct store *st, const char *name, const int64_t *judges, size_t n,
                    int64_t *id)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO panel(name) VALUES (?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
    if (step_done(st, s, "panel") < 0)
        return -1;
    int64_t pid = sqlite3_last_insert_rowid(st->db);
    for (size_t i = 0; i < n; i++) {
        s = db_prepare(st, "INSERT INTO panel_judge(panel_id, person_id) VALUES (?,?)");
        if (!s)
            return -1;
        sqlite3_bind_int64(s, 1, pid);
        sqlite3_bind_int64(s, 2, judges[i]);
        if (step_done(st, s, "panel judge") < 0)
            return -1;
    }
    if (id)
        *id = pid;
    return 0;
}

int store_panel_assign(struct store *st, int64_t panel, const char *app)
{
    sqlite3_stmt *s = db_prepare(st, "UPDATE application SET panel_id = ? WHERE id = ?");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, panel);
    sqlite3_bind_text(s, 2, app, -1, SQLITE_TRANSIENT);
    return step_done(st, s, "panel assignment");
}

int store_conflict_add(struct store *st, const char *app, int64_t judge, const char *reason,
                       const struct signing *sign)
{
    sqlite3_stmt *s =
        db_prepare(st, "INSERT INTO conflict(app_id, judge_id, reason, person_id, at, "
                       "signed_text, signature) VALUES (?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, judge);
    sqlite3_bind_text(s, 3, reason, -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 3, sign, "conflict");
}

int store_bonus_change(struct store *st, const char *app, const char *bonus, bool awarded,
                       const char *note, const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO bonus_change(app_id, bonus, awarded, note, "
                                     "person_id, at, signed_text, signature) "
                                     "VALUES (?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, bonus, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 3, awarded);
    sqlite3_bind_text(s, 4, note ? note : "", -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 4, sign, "bonus");
}

static int sheet_children(struct store *st, const struct program *p, const struct sheet *sh,
                          int64_t sid)
{
    for (size_t i = 0; i < p->n_items; i++) {
        sqlite3_stmt *s = db_prepare(
            st, "INSERT INTO sheet_item(sheet_id, item, tenths, comment) VALUES (?,?,?,?)");
        if (!s)
            return -1;
        const char *comment = sheet_comment(sh, i) ? sheet_comment(sh, i) : "";
        sqlite3_bind_int64(s, 1, sid);
        sqlite3_bind_text(s, 2, p->items[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 3, sh->item_tenths[i]);
        sqlite3_bind_text(s, 4, comment, -1, SQLITE_TRANSIENT);
        if (step_done(st, s, "sheet item") < 0)
            return -1;
    }
    sqlite3_stmt *s =
        db_prepare(st, "INSERT INTO amount_vote(sheet_id, agree, amount) VALUES (?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, sid);
    sqlite3_bind_int(s, 2, sh->agree);
    /* An agreeing vote is for the requested amount (R10.1); no other figure is kept. */
    sqlite3_bind_int64(s, 3, sh->agree ? 0 : sh->amount);
    return step_done(st, s, "amount vote");
}

int store_sheet_add(struct store *st, const struct program *p, const struct sheet *sh,
                    const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO sheet(app_id, judge_id, opinion, transcribed, "
                                     "submitted_by, submitted_at, signed_text, signature) "
                                     "VALUES (?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, sh->app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, sh->judge);
    sqlite3_bind_text(s, 3, sh->opinion ? sh->opinion : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 4, sh->transcribed);
    if (finish_signed(st, s, 4, sign, "sheet") < 0)
        return -1;
    return sheet_children(st, p, sh, sqlite3_last_insert_rowid(st->db));
}

int store_tie_add(struct store *st, const char *members, const char *reason,
                  const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO tie_decision(members, reason, person_id, at, "
                                     "signed_text, signature) VALUES (?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, members, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, reason, -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 2, sign, "tie decision");
}

int store_forfeit_add(struct store *st, const char *app, const char *reason, const char *promoted,
                      const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO forfeit(app_id, reason, promoted, person_id, at, "
                                     "signed_text, signature) VALUES (?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, promoted, -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 3, sign, "forfeit");
}

int store_plan_add(struct store *st, const char *app, bool made, const char *due,
                   const char *requirement, const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO plan_revision(app_id, made, due, requirement, "
                                     "person_id, at, signed_text, signature) "
                                     "VALUES (?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, made);
    sqlite3_bind_text(s, 3, due, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, requirement, -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 4, sign, "plan revision");
}

int store_plan_latest(struct store *st, const char *app, struct plan_state *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = db_prepare(st, "SELECT made, due, requirement FROM plan_revision "
                                     "WHERE app_id = ? ORDER BY id DESC LIMIT 1");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) {
        out->exists = true;
        out->made = sqlite3_column_int(s, 0) != 0;
        out->due = db_col_text(s, 1);
        out->requirement = db_col_text(s, 2);
    }
    sqlite3_finalize(s);
    return 0;
}

int store_agreement_add(struct store *st, const char *app, const char *date,
                        const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO agreement(app_id, date, person_id, at, "
                                     "signed_text, signature) VALUES (?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, date, -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 2, sign, "agreement");
}

int store_inspection_add(struct store *st, const struct inspection_write *w)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO inspection(app_id, date, team, facts, findings, "
                                     "notes, person_id, at, signed_text, signature) "
                                     "VALUES (?,?,?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    const char *v[] = {w->app, w->date, w->team, w->facts, w->findings, w->notes};
    for (int i = 0; i < 6; i++)
        sqlite3_bind_text(s, i + 1, v[i] ? v[i] : "", -1, SQLITE_TRANSIENT);
    return finish_signed(st, s, 6, w->sign, "inspection");
}

int store_result_add(struct store *st, const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO result_final(person_id, at, signed_text, "
                                     "signature) VALUES (?,?,?,?)");
    if (!s)
        return -1;
    return finish_signed(st, s, 0, sign, "result");
}

int store_head(struct store *st, int64_t *seq, uint8_t hash[32])
{
    sqlite3_stmt *s = db_prepare(st, "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1");
    if (!s)
        return -1;
    *seq = 0;
    memset(hash, 0, 32);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *seq = sqlite3_column_int64(s, 0);
        db_blob_copy(s, 1, hash, 32);
    }
    sqlite3_finalize(s);
    return 0;
}

int store_data_version(struct store *st, int64_t *out)
{
    sqlite3_stmt *s = db_prepare(st, "PRAGMA data_version");
    if (!s)
        return -1;
    int rc = sqlite3_step(s) == SQLITE_ROW ? 0 : db_fail(st, "data_version");
    if (rc == 0)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc;
}

int store_event_latest(struct store *st, int64_t after, int64_t *count, int64_t *seq, char **what)
{
    *count = 0;
    *seq = after;
    *what = NULL;
    sqlite3_stmt *s = db_prepare(st, "SELECT seq, kind, actor, app_id, "
                                     "(SELECT count(*) FROM event WHERE seq > ?1) "
                                     "FROM event WHERE seq > ?1 ORDER BY seq DESC LIMIT 1");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, after);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *seq = sqlite3_column_int64(s, 0);
        *count = sqlite3_column_int64(s, 4);
        const char *kind = (const char *)sqlite3_column_text(s, 1);
        const char *actor = (const char *)sqlite3_column_text(s, 2);
        const char *app = (const char *)sqlite3_column_text(s, 3);
        *what = xasprintf("%s%s%s, %s", kind ? kind : "", app && *app ? " " : "", app ? app : "",
                          actor ? actor : "");
    }
    sqlite3_finalize(s);
    return 0;
}

int store_room_clock(struct store *st, struct room_clock *out, bool *found)
{
    *found = false;
    sqlite3_stmt *s = db_prepare(st, "SELECT detail FROM event WHERE kind = 'session clock' "
                                     "ORDER BY seq DESC LIMIT 1");
    if (!s)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(s, 0);
        *found = d && room_clock_parse(d, out) == 0;
    }
    sqlite3_finalize(s);
    return 0;
}

int store_room_clock_set(struct store *st, const struct room_clock *rc)
{
    char *detail = room_clock_text(rc);
    int r = store_event(st, NULL, "session clock", rc->app, detail);
    free(detail);
    return r;
}

int store_event_hash_at(struct store *st, int64_t seq, uint8_t hash[32], bool *found)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT hash FROM event WHERE seq = ?");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, seq);
    *found = sqlite3_step(s) == SQLITE_ROW;
    if (*found)
        db_blob_copy(s, 0, hash, 32);
    sqlite3_finalize(s);
    return 0;
}

int store_call_id(struct store *st, char out[CALL_ID_HEX + 1])
{
    sqlite3_stmt *s = db_prepare(st, "SELECT detail, hash FROM event WHERE seq = 1");
    if (!s)
        return -1;
    int rc = -1;
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(s, 0);
        rc = 0;
        if (!detail || fact_program_call_id(detail, out) < 0) {
            /* a call made before calls had ids: named by its first event */
            const uint8_t *h = sqlite3_column_blob(s, 1);
            static const char hex[] = "0123456789abcdef";
            for (int i = 0; i < CALL_ID_HEX / 2; i++) {
                uint8_t b = h && sqlite3_column_bytes(s, 1) >= CALL_ID_HEX / 2 ? h[i] : 0;
                out[2 * i] = hex[b >> 4];
                out[2 * i + 1] = hex[b & 15];
            }
            out[CALL_ID_HEX] = '\0';
        }
    } else {
        snprintf(st->err, sizeof st->err, "%s", _("the audit log has no first event"));
    }
    sqlite3_finalize(s);
    return rc;
}

int store_audit_head_add(struct store *st, int64_t seq, const uint8_t hash[32],
                         const struct signing *sign)
{
    sqlite3_stmt *s =
        db_prepare(st, "INSERT INTO audit_head(seq, hash, person_id, at, signed_text, "
                       "signature) VALUES (?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_blob(s, 2, hash, 32, SQLITE_TRANSIENT);
    return finish_signed(st, s, 2, sign, "audit head");
}

/* ---- the audit chain ---- */

static void event_hash(int64_t seq, const uint8_t prev[32], const char *at, const char *actor,
                       const char *kind, const char *app, const char *detail, uint8_t out[32])
{
    const char *fields[] = {at, actor, kind, app, detail};
    audit_hash(seq, prev, fields, 5, out);
}

/* Before the call's first person exists, only its creation (the program, the budget given to
 * init) is written, by "simsa"; the first person's signed entry then covers it (Trust). */
static int bootstrap_allowed(struct store *st, const char *kind)
{
    if (strcmp(kind, "init") != 0 && strcmp(kind, "budget") != 0)
        return 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT 1 FROM person LIMIT 1");
    if (!s)
        return 0;
    int empty = sqlite3_step(s) != SQLITE_ROW;
    sqlite3_finalize(s);
    return empty;
}

int store_event(struct store *st, const char *actor, const char *kind, const char *app,
                const char *detail)
{
    if (!st->actor && !bootstrap_allowed(st, kind))
        return db_failf(st, "%s",
                        _("no person is acting: every change is made and signed by a "
                          "person (give --as NAME and their passphrase)"));
    if (st->actor)
        actor = st->actor;
    if (!chain_after_final_may(kind)) {
        sqlite3_stmt *f = db_prepare(st, "SELECT 1 FROM result_final LIMIT 1");
        if (!f)
            return -1;
        bool frozen = sqlite3_step(f) == SQLITE_ROW;
        sqlite3_finalize(f);
        if (frozen)
            return db_failf(st, "%s. %s", chain_frozen_message(), chain_still_open());
    }
    uint8_t prev[32] = {0}, hash[32], sig[EVENT_SIGNATURE_BYTES];
    int64_t seq = 1;
    sqlite3_stmt *s = db_prepare(st, "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1");
    if (!s)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW) {
        seq = sqlite3_column_int64(s, 0) + 1;
        db_blob_copy(s, 1, prev, sizeof prev);
    }
    sqlite3_finalize(s);
    char now[21];
    store_now(now);
    app = app ? app : "";
    detail = detail ? detail : "";
    event_hash(seq, prev, now, actor, kind, app, detail, hash);
    if (st->actor)
        event_sign(&st->actor_key, hash, sig);
    s = db_prepare(st, "INSERT INTO event(seq, at, actor, kind, app_id, detail, prev_hash, hash, "
                       "signature) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_text(s, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, actor, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, app, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, detail, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(s, 7, prev, sizeof prev, SQLITE_TRANSIENT);
    sqlite3_bind_blob(s, 8, hash, sizeof hash, SQLITE_TRANSIENT);
    if (st->actor)
        sqlite3_bind_blob(s, 9, sig, sizeof sig, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, 9);
    return step_done(st, s, "event");
}

int store_event_signed(struct store *st, const char *actor, const char *kind, const char *app,
                       const char *detail, const char *record_text)
{
    char digest[RECORD_DIGEST_HEX + 1];
    record_digest_hex(record_text, digest);
    char *full = xasprintf("%s #%s", detail ? detail : "", digest);
    int rc = store_event(st, actor, kind, app, full);
    free(full);
    return rc;
}

int store_recorded_events(struct store *st, struct recorded_event **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = db_prepare(st, "SELECT seq, kind, app_id, detail FROM event ORDER BY seq");
    if (!s)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *det = (const char *)sqlite3_column_text(s, 3);
        size_t len = det ? strlen(det) : 0;
        if (len < RECORD_DIGEST_HEX + 2 || det[len - RECORD_DIGEST_HEX - 2] != ' ' ||
            det[len - RECORD_DIGEST_HEX - 1] != '#')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        struct recorded_event *e = &(*out)[(*n)++];
        e->seq = sqlite3_column_int64(s, 0);
        const char *kind = (const char *)sqlite3_column_text(s, 1);
        const char *app = (const char *)sqlite3_column_text(s, 2);
        e->what = xasprintf("%s%s%s", kind ? kind : "", app && *app ? " " : "", app ? app : "");
        memcpy(e->digest, det + len - RECORD_DIGEST_HEX, RECORD_DIGEST_HEX);
        e->digest[RECORD_DIGEST_HEX] = '\0';
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        recorded_events_free(*out, *n);
        *out = NULL;
        *n = 0;
        return db_fail(st, "event");
    }
    return 0;
}

int store_verify_chain(struct store *st, struct diags *d, int64_t *n_events)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT seq, at, actor, kind, app_id, detail, prev_hash, hash "
                                     "FROM event ORDER BY seq");
    if (!s)
        return -1;
    uint8_t prev[32] = {0};
    int64_t expect = 1, n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        int64_t seq = sqlite3_column_int64(s, 0);
        uint8_t stored_prev[32], stored[32], want[32];
        db_blob_copy(s, 6, stored_prev, 32);
        db_blob_copy(s, 7, stored, 32);
        if (seq != expect)
            diags_add(d, NULL, 0, 0, _("event %lld: missing (the chain jumps to %lld)"),
                      (long long)expect, (long long)seq);
        if (memcmp(stored_prev, prev, 32) != 0)
            diags_add(d, NULL, 0, 0, _("event %lld: does not follow the previous event"),
                      (long long)seq);
        event_hash(seq, stored_prev, (const char *)sqlite3_column_text(s, 1),
                   (const char *)sqlite3_column_text(s, 2), (const char *)sqlite3_column_text(s, 3),
                   (const char *)sqlite3_column_text(s, 4), (const char *)sqlite3_column_text(s, 5),
                   want);
        if (memcmp(want, stored, 32) != 0)
            diags_add(d, NULL, 0, 0, _("event %lld: its content was changed after it was written"),
                      (long long)seq);
        memcpy(prev, stored, 32);
        expect = seq + 1;
        n++;
    }
    sqlite3_finalize(s);
    if (n_events)
        *n_events = n;
    return 0;
}
