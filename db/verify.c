/* Verification reads (R14): every signed row with its canonical text rebuilt from the stored
 * values, the unsigned facts against the audit events that recorded them, and signed heads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/chain.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/records.h"
#include "core/report.h"
#include "core/revision.h"
#include "db/final.h"
#include "db/internal.h"

struct rows {
    struct signed_row *v;
    size_t n, cap;
    /* store_signed_rows_each: a row is handed over once complete (when the next one starts, or
     * at the end) and freed, so a call of any size is read in constant memory. */
    void (*each)(struct signed_row *row, void *ctx);
    void *ctx;
};

void signed_row_clear(struct signed_row *row)
{
    free(row->label);
    free(row->derived);
    free(row->derive_error);
    free(row->signed_text);
    free(row->signature);
}

struct signed_input signed_row_input(const struct signed_row *row)
{
    return (struct signed_input){.signer = row->signer,
                                 .derived = row->derived,
                                 .derive_error = row->derive_error,
                                 .signed_text = row->signed_text,
                                 .signature = row->signature};
}

static void rows_hand_over(struct rows *r)
{
    if (!r->each || r->n == 0)
        return;
    r->each(&r->v[0], r->ctx);
    signed_row_clear(&r->v[0]);
    r->n = 0;
}

static struct signed_row *row_new(struct rows *r, sqlite3_stmt *s, int text_col, char *label)
{
    rows_hand_over(r);
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    struct signed_row *row = &r->v[r->n++];
    memset(row, 0, sizeof *row);
    row->label = label;
    if (sqlite3_column_type(s, text_col) != SQLITE_NULL) {
        row->signed_text = db_col_text(s, text_col);
        row->signature = db_col_text(s, text_col + 1);
    }
    return row;
}

static const char *name_of(const struct call *c, int64_t id)
{
    const struct person *p = call_person_by_id(c, id);
    return p ? p->name : "?";
}

static void split_lines(char *text, const char *sep, struct strlist *out)
{
    char *save = NULL;
    for (char *t = strtok_r(text, sep, &save); t; t = strtok_r(NULL, sep, &save))
        strlist_add(out, t);
}

/* `why` is read here, after `text` was made: as an argument beside the call that sets it, its
 * value would be taken in an unspecified order (and was, at times, still NULL: "(?)"). */
static void set_derived(struct signed_row *row, char *text, char **why)
{
    row->derived = text;
    row->derive_error = why ? *why : NULL;
}

static int rows_review(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, app_id, passed, reasons, person_id, at, "
                                     "signed_text, signature FROM review ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 1), *reasons = db_col_text(s, 3), *at = db_col_text(s, 5);
        struct signed_row *row = row_new(r, s, 6, xasprintf("review %s", app));
        row->signer = sqlite3_column_int64(s, 4);
        struct strlist lines = {0};
        split_lines(reasons, "\n", &lines);
        struct record_review rr = {.program = c->program.id,
                                   .app = app,
                                   .passed = sqlite3_column_int(s, 2) != 0,
                                   .reasons = (const char *const *)lines.v,
                                   .n_reasons = lines.n,
                                   .signer = name_of(c, row->signer),
                                   .at = at};
        char *why = NULL;
        set_derived(row, record_review_text(&rr, &why), &why);
        strlist_free(&lines);
        free(app);
        free(reasons);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_conflict(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, judge_id, reason, person_id, at, "
                                     "signed_text, signature FROM conflict ORDER BY rowid");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 0), *reason = db_col_text(s, 2), *at = db_col_text(s, 4);
        const char *judge = name_of(c, sqlite3_column_int64(s, 1));
        struct signed_row *row = row_new(r, s, 5, xasprintf("conflict %s/%s", app, judge));
        row->signer = sqlite3_column_int64(s, 3);
        struct record_conflict rc = {.program = c->program.id,
                                     .app = app,
                                     .judge = judge,
                                     .reason = reason,
                                     .signer = name_of(c, row->signer),
                                     .at = at};
        char *why = NULL;
        set_derived(row, record_conflict_text(&rc, &why), &why);
        free(app);
        free(reason);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_bonus(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, bonus, awarded, note, person_id, at, "
                                     "signed_text, signature FROM bonus_change ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 0), *bonus = db_col_text(s, 1), *note = db_col_text(s, 3);
        char *at = db_col_text(s, 5);
        bool awarded = sqlite3_column_int(s, 2) != 0;
        struct signed_row *row = row_new(r, s, 6, xasprintf("bonus %s/%s", app, bonus));
        row->signer = sqlite3_column_int64(s, 4);
        const struct bonus_def *b = program_bonus(&c->program, bonus);
        struct record_bonus rb = {.program = c->program.id,
                                  .app = app,
                                  .bonus = bonus,
                                  .points_tenths = b ? b->points_tenths : -1,
                                  .note = note,
                                  .signer = name_of(c, row->signer),
                                  .at = at};
        char *why = NULL;
        set_derived(row,
                    awarded ? record_bonus_award_text(&rb, &why)
                            : record_bonus_withdrawal_text(&rb, &why),
                    &why);
        free(app);
        free(bonus);
        free(note);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_inspection(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, date, team, facts, findings, notes, "
                                     "person_id, at, signed_text, signature FROM inspection "
                                     "ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *v[6];
        for (int i = 0; i < 6; i++)
            v[i] = db_col_text(s, i);
        char *at = db_col_text(s, 7);
        struct strlist team = {0}, facts = {0}, findings = {0};
        split_lines(v[2], "\n", &team);
        split_lines(v[3], "\n", &facts);
        split_lines(v[4], "\n", &findings);
        struct signed_row *row = row_new(r, s, 8, xasprintf("inspection %s %s", v[0], v[1]));
        row->signer = sqlite3_column_int64(s, 6);
        struct record_inspection ri = {
            .program = c->program.id,
            .app = v[0],
            .date = v[1],
            .members = (const char *const *)team.v,
            .n_members = team.n,
            .facts = (const char *const *)facts.v,
            .n_facts = facts.n,
            .findings = (const char *const *)findings.v,
            .n_findings = findings.n,
            .notes = v[5],
            .signer = name_of(c, row->signer),
            .at = at,
        };
        char *why = NULL;
        set_derived(row, record_inspection_text(&ri, &why), &why);
        strlist_free(&team);
        strlist_free(&facts);
        strlist_free(&findings);
        for (int i = 0; i < 6; i++)
            free(v[i]);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

/* A sheet's items as stored, in the program's order; -1 for an item with no row. The cursor
 * runs over every sheet_item in sheet order beside the sheets (also in id order), so the items
 * are read in one pass instead of one query per sheet. Comments are copied into comments[]
 * (the cursor moves on; caller frees them). */
static void sheet_items(sqlite3_stmt *cur, bool *more, const struct program *p, int64_t sheet,
                        struct record_sheet_item *items, char **comments)
{
    for (size_t k = 0; k < p->n_items; k++) {
        items[k] = (struct record_sheet_item){.id = p->items[k].id, .tenths = -1};
        comments[k] = NULL;
    }
    while (*more && sqlite3_column_int64(cur, 0) < sheet)
        *more = sqlite3_step(cur) == SQLITE_ROW;
    for (; *more && sqlite3_column_int64(cur, 0) == sheet;
         *more = sqlite3_step(cur) == SQLITE_ROW) {
        size_t k;
        if (program_item(p, (const char *)sqlite3_column_text(cur, 1), &k)) {
            items[k].tenths = sqlite3_column_int(cur, 2);
            free(comments[k]);
            items[k].comment = comments[k] = db_col_text(cur, 3);
        }
    }
}

static int rows_sheet(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(
        st, "SELECT s.id, s.app_id, s.judge_id, s.opinion, s.transcribed, s.submitted_by, "
            "s.submitted_at, s.signed_text, s.signature, v.agree, v.amount FROM sheet s "
            "LEFT JOIN amount_vote v ON v.sheet_id = s.id ORDER BY s.id");
    sqlite3_stmt *items_cur =
        s ? db_prepare(st, "SELECT sheet_id, item, tenths, comment FROM sheet_item "
                           "ORDER BY sheet_id")
          : NULL;
    if (!items_cur) {
        sqlite3_finalize(s);
        return -1;
    }
    bool more = sqlite3_step(items_cur) == SQLITE_ROW;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 1), *opinion = db_col_text(s, 3), *at = db_col_text(s, 6);
        const char *judge = name_of(c, sqlite3_column_int64(s, 2));
        struct signed_row *row = row_new(r, s, 7, xasprintf("sheet %s/%s", app, judge));
        row->signer = sqlite3_column_int64(s, 5);
        struct record_sheet_item items[PROGRAM_MAX_ITEMS];
        char *comments[PROGRAM_MAX_ITEMS];
        sheet_items(items_cur, &more, &c->program, sqlite3_column_int64(s, 0), items, comments);
        struct record_sheet rs = {
            .program = c->program.id,
            .app = app,
            .judge = judge,
            .items = items,
            .n_items = c->program.n_items,
            .agree = sqlite3_column_int(s, 9) != 0,
            .amount = sqlite3_column_type(s, 10) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 10),
            .opinion = opinion,
            .transcribed = sqlite3_column_int(s, 4) != 0,
            .signer = name_of(c, row->signer),
            .at = at,
        };
        char *why = NULL;
        /* An agreeing vote keeps no amount: a row with both was changed after signing. */
        if (rs.agree && rs.amount != 0)
            set_derived(row, xstrdup(""), NULL);
        else
            set_derived(row, record_sheet_text(&rs, &why), &why);
        for (size_t k = 0; k < c->program.n_items; k++)
            free(comments[k]);
        free(app);
        free(opinion);
        free(at);
    }
    sqlite3_finalize(items_cur);
    sqlite3_finalize(s);
    return 0;
}

static int rows_tie(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, members, reason, person_id, at, signed_text, "
                                     "signature FROM tie_decision ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *members = db_col_text(s, 1), *reason = db_col_text(s, 2), *at = db_col_text(s, 4);
        struct strlist apps = {0};
        split_lines(members, "\n", &apps);
        struct signed_row *row =
            row_new(r, s, 5, xasprintf("tie decision %lld", (long long)sqlite3_column_int64(s, 0)));
        row->signer = sqlite3_column_int64(s, 3);
        struct record_tie rt = {.program = c->program.id,
                                .apps = (const char *const *)apps.v,
                                .n_apps = apps.n,
                                .reason = reason,
                                .signer = name_of(c, row->signer),
                                .at = at};
        char *why = NULL;
        set_derived(row, record_tie_text(&rt, &why), &why);
        strlist_free(&apps);
        free(members);
        free(reason);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_forfeit(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, reason, promoted, person_id, at, "
                                     "signed_text, signature FROM forfeit ORDER BY rowid");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 0), *reason = db_col_text(s, 1), *promoted = db_col_text(s, 2);
        char *at = db_col_text(s, 4);
        struct strlist list = {0};
        split_lines(promoted, " ", &list);
        struct signed_row *row = row_new(r, s, 5, xasprintf("forfeit %s", app));
        row->signer = sqlite3_column_int64(s, 3);
        struct record_forfeit rf = {.program = c->program.id,
                                    .app = app,
                                    .reason = reason,
                                    .promoted = (const char *const *)list.v,
                                    .n_promoted = list.n,
                                    .signer = name_of(c, row->signer),
                                    .at = at};
        char *why = NULL;
        set_derived(row, record_forfeit_text(&rf, &why), &why);
        strlist_free(&list);
        free(app);
        free(reason);
        free(promoted);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_plan(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, made, due, requirement, person_id, at, "
                                     "signed_text, signature FROM plan_revision ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 0), *due = db_col_text(s, 2), *text = db_col_text(s, 3);
        char *at = db_col_text(s, 5);
        struct signed_row *row = row_new(r, s, 6, xasprintf("plan-revision %s", app));
        row->signer = sqlite3_column_int64(s, 4);
        struct record_plan rp = {.program = c->program.id,
                                 .app = app,
                                 .made = sqlite3_column_int(s, 1) != 0,
                                 .due = due,
                                 .text = text,
                                 .signer = name_of(c, row->signer),
                                 .at = at};
        char *why = NULL;
        set_derived(row, record_plan_text(&rp, &why), &why);
        free(app);
        free(due);
        free(text);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_budget(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, won, person_id, at, signed_text, signature "
                                     "FROM budget_change ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *at = db_col_text(s, 3);
        struct signed_row *row = row_new(
            r, s, 4, xasprintf("budget change %lld", (long long)sqlite3_column_int64(s, 0)));
        row->signer = sqlite3_column_int64(s, 2);
        struct record_budget rb = {.program = c->program.id,
                                   .won = sqlite3_column_int64(s, 1),
                                   .signer = name_of(c, row->signer),
                                   .at = at};
        char *why = NULL;
        set_derived(row, record_budget_text(&rb, &why), &why);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_head(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT seq, hash, person_id, at, signed_text, signature "
                                     "FROM audit_head ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *at = db_col_text(s, 3);
        struct record_audit_head h = {
            .program = c->program.id, .seq = sqlite3_column_int64(s, 0), .at = at};
        db_blob_copy(s, 1, h.hash, sizeof h.hash);
        struct signed_row *row = row_new(r, s, 4, xasprintf("audit head %lld", (long long)h.seq));
        row->signer = sqlite3_column_int64(s, 2);
        h.signer = name_of(c, row->signer);
        char *why = NULL;
        set_derived(row, record_audit_head_text(&h, &why), &why);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

/* The final result is a snapshot: it is checked against its own signature only. */
static int rows_result(struct store *st, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, person_id, signed_text, signature "
                                     "FROM result_final ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        struct signed_row *row =
            row_new(r, s, 2, xasprintf("final result %lld", (long long)sqlite3_column_int64(s, 0)));
        row->signer = sqlite3_column_int64(s, 1);
        row->derived = row->signed_text ? xstrdup(row->signed_text) : NULL;
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_agreement(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, date, person_id, at, signed_text, signature "
                                     "FROM agreement ORDER BY rowid");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char *app = db_col_text(s, 0), *date = db_col_text(s, 1), *at = db_col_text(s, 3);
        struct signed_row *row = row_new(r, s, 4, xasprintf("agreement %s", app));
        row->signer = sqlite3_column_int64(s, 2);
        struct record_agreement ra = {.program = c->program.id,
                                      .app = app,
                                      .date = date,
                                      .signer = name_of(c, row->signer),
                                      .at = at};
        char *why = NULL;
        set_derived(row, record_agreement_text(&ra, &why), &why);
        free(app);
        free(date);
        free(at);
    }
    sqlite3_finalize(s);
    return 0;
}

static int rows_all(struct store *st, const struct call *c, struct rows *r)
{
    int rc = rows_review(st, c, r) || rows_conflict(st, c, r) || rows_bonus(st, c, r) ||
             rows_sheet(st, c, r) || rows_tie(st, c, r) || rows_forfeit(st, c, r) ||
             rows_budget(st, c, r) || rows_head(st, c, r) || rows_result(st, r) ||
             rows_inspection(st, c, r) || rows_plan(st, c, r) || rows_agreement(st, c, r);
    return rc ? -1 : 0;
}

int store_signed_rows(struct store *st, const struct call *c, struct signed_row **out, size_t *n)
{
    struct rows r = {0};
    int rc = rows_all(st, c, &r);
    *out = r.v;
    *n = r.n;
    return rc;
}

int store_signed_rows_each(struct store *st, const struct call *c,
                           void (*each)(struct signed_row *row, void *ctx), void *ctx)
{
    struct rows r = {.each = each, .ctx = ctx};
    int rc = rows_all(st, c, &r);
    rows_hand_over(&r);
    free(r.v);
    return rc;
}

void signed_rows_free(struct signed_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        signed_row_clear(&rows[i]);
    free(rows);
}

/* The events that record facts, read once in application order (then log order) and handed
 * out one application at a time: one pass over the log instead of one query per fact. */
struct fact_event {
    char *kind;
    char *detail;
    int64_t seq;
};

struct fact_events {
    struct fact_event *v;
    size_t n, cap;
};

struct event_cursor {
    sqlite3_stmt *s;
    bool more;
};

static void fact_events_clear(struct fact_events *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].kind);
        free(e->v[i].detail);
    }
    e->n = 0;
}

static const char *cursor_app(const struct event_cursor *cur)
{
    return (const char *)sqlite3_column_text(cur->s, 0);
}

/* The events of the next application in the log (whatever its id): *app gets its id. */
static void next_group(struct event_cursor *cur, char **app, struct fact_events *out)
{
    fact_events_clear(out);
    *app = cur->more ? xstrdup(cursor_app(cur)) : NULL;
    for (; cur->more && strcmp(cursor_app(cur), *app) == 0;
         cur->more = sqlite3_step(cur->s) == SQLITE_ROW) {
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 16;
            out->v = xrealloc(out->v, out->cap * sizeof *out->v);
        }
        out->v[out->n].kind = db_col_text(cur->s, 1);
        out->v[out->n].detail = db_col_text(cur->s, 2);
        out->v[out->n++].seq = sqlite3_column_int64(cur->s, 3);
    }
}

/* The newest event of `kind` whose detail starts with prefix, or NULL. */
static const struct fact_event *latest_event(const struct fact_events *e, const char *kind,
                                             const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = e->n; i-- > 0;)
        if (strcmp(e->v[i].kind, kind) == 0 && strncmp(e->v[i].detail, prefix, n) == 0)
            return &e->v[i];
    return NULL;
}

static void fact_check(const struct fact_events *e, struct diags *d, const char *what,
                       const char *kind, const char *prefix, char *fact)
{
    const struct fact_event *ev = latest_event(e, kind, prefix);
    const char *logged = ev ? ev->detail : NULL;
    size_t n = strlen(fact);
    /* A signed fact's event (the budget) carries " #<digest>" after the fact. */
    bool same = logged && (strcmp(logged, fact) == 0 ||
                           (strncmp(logged, fact, n) == 0 && strncmp(logged + n, " #", 2) == 0 &&
                            strlen(logged + n + 2) == RECORD_DIGEST_HEX));
    if (!logged)
        diags_add(d, NULL, 0, 0, _("%s: no audit event records it"), what);
    else if (!same)
        diags_add(d, NULL, 0, 0,
                  _("%s: the stored values differ from what the audit log "
                    "recorded"),
                  what);
    free(fact);
}

/* The key of a fact event within its application ("doc 3", "2024", "d1"), or NULL. */
static char *fact_key(const struct fact_event *e)
{
    int n = 0;
    if (strcmp(e->kind, "document") == 0 && sscanf(e->detail, "doc %d issued", &n) == 1)
        return xasprintf("%d", n);
    if (strcmp(e->kind, "finance") == 0 && sscanf(e->detail, "%d liabilities", &n) == 1)
        return xasprintf("%d", n);
    if (strcmp(e->kind, "check") == 0) {
        char **f = NULL;
        size_t k = fact_fields(e->detail, &f);
        char *key = k ? xstrdup(f[0]) : NULL;
        fact_fields_free(f, k);
        return key;
    }
    return NULL;
}

static bool row_exists(const struct app_record *r, const char *kind, const char *key)
{
    if (strcmp(kind, "document") == 0) {
        for (size_t i = 0; i < r->n_docs; i++)
            if (r->docs[i].number == atoi(key))
                return true;
    } else if (strcmp(kind, "finance") == 0) {
        for (size_t i = 0; i < r->n_finance; i++)
            if (r->finance[i].year == atoi(key))
                return true;
    } else if (strcmp(kind, "check") == 0) {
        for (size_t i = 0; i < r->n_answers; i++)
            if (strcmp(r->answers[i].item, key) == 0)
                return true;
    }
    return false;
}

/* The other direction: every fact an event recorded still has its row. */
static void facts_recorded_exist(const struct fact_events *e, const struct app_record *r,
                                 struct diags *d)
{
    for (size_t i = 0; i < e->n; i++) {
        char *key = fact_key(&e->v[i]);
        if (key && !row_exists(r, e->v[i].kind, key)) {
            /* only the newest event of each fact names it once */
            bool newest = true;
            for (size_t k = i + 1; k < e->n && newest; k++) {
                char *later = strcmp(e->v[k].kind, e->v[i].kind) == 0 ? fact_key(&e->v[k]) : NULL;
                newest = !later || strcmp(later, key) != 0;
                free(later);
            }
            const char *kind = e->v[i].kind;
            char what[256];
            snprintf(what, sizeof what,
                     !strcmp(kind, "document")  ? _("document %s of %s")
                     : !strcmp(kind, "finance") ? _("financial figures %s of %s")
                                                : _("checklist %s of %s"),
                     key, r->a.id);
            if (newest)
                diags_add(d, NULL, 0, 0, _("%s: recorded at event %lld, but missing"), what,
                          (long long)e->v[i].seq);
        }
        free(key);
    }
}

static void panel_of_app(const struct call *c, const struct fact_events *e,
                         const struct app_record *r, struct diags *d)
{
    const struct fact_event *ev = latest_event(e, "panel assign", "");
    const struct panel *p = NULL;
    for (size_t i = 0; r->panel && i < c->n_panels; i++)
        if (c->panels[i].id == r->panel)
            p = &c->panels[i];
    if (ev && !p)
        diags_add(d, NULL, 0, 0,
                  _("application %s: assigned to panel %s at event %lld, but not assigned now"),
                  r->a.id, ev->detail, (long long)ev->seq);
    else if (!ev && p)
        diags_add(d, NULL, 0, 0, _("application %s: no audit event assigned it to panel %s"),
                  r->a.id, p->name);
    else if (ev && strcmp(ev->detail, p->name) != 0)
        diags_add(d, NULL, 0, 0,
                  _("application %s: on panel %s, but the audit log assigned it to %s"), r->a.id,
                  p->name, ev->detail);
}

static void facts_of_app(const struct call *c, const struct fact_events *e,
                         const struct app_record *r, struct diags *d)
{
    char what[256];
    snprintf(what, sizeof what, _("application %s"), r->a.id);
    fact_check(e, d, what, "app import", r->a.id, fact_application(&r->a));
    for (size_t i = 0; i < r->n_docs; i++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "doc %d issued", r->docs[i].number);
        snprintf(what, sizeof what, _("document %d of %s"), r->docs[i].number, r->a.id);
        fact_check(e, d, what, "document", prefix,
                   fact_document(r->docs[i].number, r->docs[i].issued));
    }
    for (size_t i = 0; i < r->n_finance; i++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%d liabilities", r->finance[i].year);
        snprintf(what, sizeof what, _("financial figures %d of %s"), r->finance[i].year, r->a.id);
        fact_check(e, d, what, "finance", prefix, fact_finance(&r->finance[i]));
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        const struct checklist_row *a = &r->answers[i];
        char *prefix = xasprintf("%s|", a->item);
        snprintf(what, sizeof what, _("checklist %s of %s"), a->item, r->a.id);
        fact_check(e, d, what, "check", prefix,
                   fact_checklist(a->item, a->answer == ANSWER_YES, a->note));
        free(prefix);
    }
    facts_recorded_exist(e, r, d);
    panel_of_app(c, e, r, d);
}

/* A panel's judges' names in the order they are loaded (by person id). */
static char *panel_fact(const struct call *c, const struct panel *p)
{
    const char **names = xcalloc(p->n_judges ? p->n_judges : 1, sizeof *names);
    for (size_t i = 0; i < p->n_judges; i++) {
        const struct person *j = call_person_by_id(c, p->judges[i]);
        names[i] = j ? j->name : "?";
    }
    char *fact = fact_panel(p->name, names, p->n_judges);
    free(names);
    return fact;
}

/* Facts of the call itself (app ""): its creation, the budget in force, the panels. */
static void facts_of_call(const struct call *c, const struct fact_events *e, struct diags *d)
{
    const struct fact_event *init = NULL;
    for (size_t i = 0; i < e->n; i++) {
        if (strcmp(e->v[i].kind, "init") != 0)
            continue;
        if (init)
            diags_add(d, NULL, 0, 0, _("event %lld: the call is created a second time"),
                      (long long)e->v[i].seq);
        else
            init = &e->v[i];
    }
    if (!init) {
        diags_add(d, NULL, 0, 0, "%s",
                  _("program definition: no audit event records the call's "
                    "creation"));
    } else if (strchr(init->detail, '|')) {
        char id[CALL_ID_HEX + 1] = "";
        fact_program_call_id(init->detail, id);
        char *fact = fact_program(c->program.id, c->program_text, id);
        if (strcmp(fact, init->detail) != 0)
            diags_add(d, NULL, 0, 0, "%s",
                      _("program definition: the stored text differs from "
                        "the one the call was created with"));
        free(fact);
    }
    const struct fact_event *budget = latest_event(e, "budget", "");
    if (c->has_budget) {
        char amount[32];
        amount_format(c->budget, amount, sizeof amount);
        fact_check(e, d, _("budget"), "budget", "", xstrdup(amount));
    } else if (budget) {
        diags_add(d, NULL, 0, 0, _("budget: recorded at event %lld, but missing"),
                  (long long)budget->seq);
    }
    for (size_t i = 0; i < c->n_panels; i++) {
        const struct panel *p = &c->panels[i];
        char *fact = panel_fact(c, p), *prefix = fact_panel(p->name, NULL, 0);
        const struct fact_event *ev = latest_event(e, "panel add", prefix);
        if (!ev)
            ev = latest_event(e, "panel add", p->name); /* before panels named their judges */
        if (!ev || (strchr(ev->detail, '|') ? strcmp(ev->detail, fact) != 0
                                            : strcmp(ev->detail, p->name) != 0))
            diags_add(d, NULL, 0, 0,
                      ev ? _("panel %s: its judges differ from what the audit log recorded")
                         : _("panel %s: no audit event records it"),
                      p->name);
        free(fact);
        free(prefix);
    }
    for (size_t i = 0; i < e->n; i++) {
        if (strcmp(e->v[i].kind, "panel add") != 0)
            continue;
        char **f = NULL;
        size_t n = fact_fields(e->v[i].detail, &f);
        const char *name = n ? f[0] : e->v[i].detail;
        if (!call_find_panel(c, name))
            diags_add(d, NULL, 0, 0, _("panel %s: added at event %lld, but missing"), name,
                      (long long)e->v[i].seq);
        fact_fields_free(f, n);
    }
}

/* The presentation order (panel order events, latest wins per application) against each
 * application's place in it. */
static void order_of_call(const struct call *c, const struct fact_events *e, struct diags *d)
{
    int *want = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *want);
    for (size_t i = 0; i < e->n; i++) {
        if (strcmp(e->v[i].kind, "panel order") != 0)
            continue;
        const char *list = NULL;
        for (const char *p = strstr(e->v[i].detail, ": "); p; p = strstr(p + 1, ": "))
            list = p + 2;
        char *ids = xstrdup(list ? list : "");
        int pos = 0;
        for (char *save = NULL, *id = strtok_r(ids, " ", &save); id;
             id = strtok_r(NULL, " ", &save)) {
            const struct app_record *r = call_find_app(c, id);
            pos++;
            if (r)
                want[r - c->apps] = pos;
        }
        free(ids);
    }
    for (size_t i = 0; i < c->n_apps; i++)
        if (want[i] != c->apps[i].position)
            diags_add(d, NULL, 0, 0,
                      _("application %s: its place in the presentation order (%d) differs from "
                        "what the audit log recorded (%d)"),
                      c->apps[i].a.id, c->apps[i].position, want[i]);
    free(want);
}

int store_verify_facts(struct store *st, const struct call *c, struct diags *d)
{
    /* The call's own events have app "", which sorts before every application id; c->apps is
     * in the same (binary) order as the query. */
    struct event_cursor cur = {
        .s = db_prepare(st, "SELECT app_id, kind, detail, seq FROM event WHERE kind IN "
                            "('app import', 'document', 'finance', 'check', 'budget', 'init', "
                            "'panel add', 'panel assign', 'panel order') ORDER BY app_id, seq")};
    if (!cur.s)
        return -1;
    cur.more = sqlite3_step(cur.s) == SQLITE_ROW;
    struct fact_events events = {0}, none = {0};
    char *app = NULL;
    if (cur.more && cursor_app(&cur)[0] == '\0')
        next_group(&cur, &app, &events);
    facts_of_call(c, &events, d);
    order_of_call(c, &events, d);
    free(app);
    next_group(&cur, &app, &events);
    for (size_t i = 0; i < c->n_apps || app;) {
        int cmp = !app ? -1 : i == c->n_apps ? 1 : strcmp(c->apps[i].a.id, app);
        if (cmp < 0) {
            facts_of_app(c, &none, &c->apps[i++], d);
            continue;
        }
        if (cmp > 0)
            diags_add(d, NULL, 0, 0, _("application %s: recorded at event %lld, but missing"), app,
                      (long long)events.v[0].seq);
        else
            facts_of_app(c, &events, &c->apps[i++], d);
        free(app);
        next_group(&cur, &app, &events);
    }
    sqlite3_finalize(cur.s);
    fact_events_clear(&events);
    free(events.v);
    return 0;
}

int store_verify_heads(struct store *st, struct diags *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT h.seq, h.hash, e.hash FROM audit_head h "
                                     "LEFT JOIN event e ON e.seq = h.seq ORDER BY h.id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        long long seq = sqlite3_column_int64(s, 0);
        uint8_t signed_hash[32], event_hash[32];
        db_blob_copy(s, 1, signed_hash, 32);
        if (sqlite3_column_type(s, 2) == SQLITE_NULL) {
            diags_add(d, NULL, 0, 0, _("audit head %lld: event %lld is missing"), seq, seq);
            continue;
        }
        db_blob_copy(s, 2, event_hash, 32);
        if (memcmp(signed_hash, event_hash, 32) != 0)
            diags_add(d, NULL, 0, 0, _("audit head %lld: the chain up to it was rewritten"), seq);
    }
    sqlite3_finalize(s);
    return 0;
}

int store_sheet_signed(struct store *st, const char *app, int64_t judge, char **text, char **sig)
{
    *text = *sig = NULL;
    sqlite3_stmt *s = db_prepare(st, "SELECT signed_text, signature FROM sheet "
                                     "WHERE app_id = ? AND judge_id = ?");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, app, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, judge);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
        *text = db_col_text(s, 0);
        *sig = db_col_text(s, 1);
    }
    sqlite3_finalize(s);
    return 0;
}

int store_verify_actors(struct store *st, const struct call *c, struct diags *d,
                        int64_t *legacy_events, int64_t trusted_through,
                        struct chain_sig_bound *bounds, size_t n_bounds)
{
    int64_t signed_from = 1;
    sqlite3_stmt *s = db_prepare(st, "SELECT value FROM meta WHERE key = 'signed_from'");
    if (!s)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        signed_from = sqlite3_column_int64(s, 0);
    else
        diags_add(d, NULL, 0, 0, "%s",
                  _("meta: the record of which events are signed is "
                    "missing"));
    sqlite3_finalize(s);
    s = db_prepare(st, "SELECT seq, actor, kind, app_id, detail, hash, signature FROM event "
                       "ORDER BY seq");
    if (!s)
        return -1;
    struct chain_check cc;
    chain_check_begin(&cc, c, signed_from);
    cc.trusted_through = trusted_through;
    cc.bounds = bounds;
    cc.n_bounds = n_bounds;
    int64_t last_seq = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        uint8_t hash[32], sig[EVENT_SIGNATURE_BYTES];
        db_blob_copy(s, 5, hash, sizeof hash);
        bool has_sig = sqlite3_column_type(s, 6) == SQLITE_BLOB &&
                       sqlite3_column_bytes(s, 6) == EVENT_SIGNATURE_BYTES;
        if (has_sig)
            db_blob_copy(s, 6, sig, sizeof sig);
        else if (sqlite3_column_type(s, 6) != SQLITE_NULL)
            memset(sig, 0, sizeof sig), has_sig = true; /* malformed: fails to verify */
        struct chain_event e = {
            .seq = sqlite3_column_int64(s, 0),
            .actor = (const char *)sqlite3_column_text(s, 1),
            .kind = (const char *)sqlite3_column_text(s, 2),
            .app = (const char *)sqlite3_column_text(s, 3),
            .detail = (const char *)sqlite3_column_text(s, 4),
            .hash = hash,
            .signature = has_sig ? sig : NULL,
        };
        if (!e.actor || !e.kind || !e.app || !e.detail) {
            diags_add(d, NULL, 0, 0, _("event %lld: a field is missing"), (long long)e.seq);
            continue;
        }
        chain_check_event(&cc, &e, d);
        last_seq = e.seq;
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE) {
        chain_check_signatures(&cc, d);
        chain_check_people(&cc, d);
        if (signed_from > last_seq + 1)
            diags_add(d, NULL, 0, 0,
                      _("meta: signed_from %lld lies beyond the last event (%lld): it was moved"),
                      (long long)signed_from, (long long)last_seq);
    }
    if (legacy_events)
        *legacy_events = cc.legacy_events;
    chain_check_free(&cc);
    return rc == SQLITE_DONE ? 0 : db_fail(st, "event");
}

/* ---- verification checkpoints ---- */

char *checkpoint_text(const struct call *c, const struct checkpoint *cp, char **why)
{
    struct record_checkpoint r = {.program = c->program.id,
                                  .seq = cp->seq,
                                  .records = cp->records,
                                  .signer = name_of(c, cp->signer),
                                  .at = cp->at};
    memcpy(r.hash, cp->hash, 32);
    memcpy(r.event_signatures, cp->event_signatures, 32);
    memcpy(r.record_signatures, cp->record_signatures, 32);
    return record_checkpoint_text(&r, why);
}

int store_checkpoint_add(struct store *st, struct checkpoint *cp, const struct signing *sign)
{
    sqlite3_stmt *s = db_prepare(st, "INSERT INTO checkpoint(seq, hash, event_signatures, "
                                     "records, record_signatures, person_id, at, signed_text, "
                                     "signature) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, cp->seq);
    sqlite3_bind_blob(s, 2, cp->hash, 32, SQLITE_TRANSIENT);
    sqlite3_bind_blob(s, 3, cp->event_signatures, 32, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, cp->records);
    sqlite3_bind_blob(s, 5, cp->record_signatures, 32, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 6, sign->person);
    sqlite3_bind_text(s, 7, sign->at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 8, sign->text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 9, sign->sig, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : db_fail(st, "checkpoint");
    sqlite3_finalize(s);
    if (rc == 0)
        cp->id = sqlite3_last_insert_rowid(st->db);
    return rc;
}

/* Why checkpoint row s cannot be relied on (translated, caller frees), or NULL; *problem: a
 * sign of tampering rather than a checkpoint by a person who is not trusted. */
static char *checkpoint_refusal(const struct call *c, sqlite3_stmt *s, struct checkpoint *cp,
                                bool *problem)
{
    *problem = true;
    const struct person *who = call_person_by_id(c, cp->signer);
    const char *text = (const char *)sqlite3_column_text(s, 8);
    const char *sig = (const char *)sqlite3_column_text(s, 9);
    if (!who)
        return xstrdup(_("signed by an unknown person"));
    char *why = NULL, *want = checkpoint_text(c, cp, &why);
    bool same = want && text && strcmp(want, text) == 0;
    free(want);
    free(why);
    if (!same)
        return xstrdup(_("the stored values differ from what was signed"));
    const char *bad = NULL;
    if (!sig || minisig_verify(&who->pub, text, strlen(text), sig, NULL, &bad) != 0)
        return xasprintf(_("the signature is not %s's"), who->name);
    if (sqlite3_column_type(s, 10) == SQLITE_NULL)
        return xasprintf(_("it names event %lld, which the audit chain does not hold (the log "
                           "was cut below it)"),
                         (long long)cp->seq);
    uint8_t event_hash[32];
    db_blob_copy(s, 10, event_hash, 32);
    if (memcmp(event_hash, cp->hash, 32) != 0)
        return xasprintf(_("event %lld is not the one it verified (the chain was rewritten)"),
                         (long long)cp->seq);
    *problem = false;
    if (!chain_checkpoint_trusted(who->role))
        return xasprintf(_("signed by %s, a %s: only a secretariat member's checkpoint is "
                           "relied on"),
                         who->name, role_label(who->role));
    return NULL;
}

int store_checkpoint_trusted(struct store *st, const struct call *c, struct checkpoint *out,
                             struct diags *d, struct strlist *notes)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = db_prepare(st, "SELECT k.id, k.seq, k.hash, k.event_signatures, k.records, "
                                     "k.record_signatures, k.person_id, k.at, k.signed_text, "
                                     "k.signature, e.hash FROM checkpoint k "
                                     "LEFT JOIN event e ON e.seq = k.seq ORDER BY k.id DESC");
    if (!s)
        return -1;
    int rc, found = 0;
    while (!found && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct checkpoint cp = {.id = sqlite3_column_int64(s, 0),
                                .seq = sqlite3_column_int64(s, 1),
                                .records = sqlite3_column_int64(s, 4),
                                .signer = sqlite3_column_int64(s, 6)};
        db_blob_copy(s, 2, cp.hash, 32);
        db_blob_copy(s, 3, cp.event_signatures, 32);
        db_blob_copy(s, 5, cp.record_signatures, 32);
        const char *at = (const char *)sqlite3_column_text(s, 7);
        snprintf(cp.at, sizeof cp.at, "%s", at ? at : "");
        bool problem;
        char *why = checkpoint_refusal(c, s, &cp, &problem);
        if (!why) {
            *out = cp;
            found = 1;
        } else if (problem) {
            diags_add(d, NULL, 0, 0, _("checkpoint %lld: %s"), (long long)cp.id, why);
        } else {
            strlist_addf(notes, _("note: checkpoint %lld is not relied on: %s"), (long long)cp.id,
                         why);
        }
        free(why);
    }
    if (!found && rc != SQLITE_DONE) {
        sqlite3_finalize(s);
        return db_fail(st, "checkpoint");
    }
    sqlite3_finalize(s);
    return found;
}

static int cmp_event_by_digest(const void *a, const void *b)
{
    const struct recorded_event *x = a, *y = b;
    int c = strcmp(x->digest, y->digest);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

int sig_cover_begin(struct store *st, struct sig_cover *sc, int64_t rely_through,
                    int64_t made_through)
{
    memset(sc, 0, sizeof *sc);
    sc->rely_through = rely_through;
    sc->made_through = made_through;
    sig_digest_init(&sc->rely);
    sig_digest_init(&sc->made);
    if (store_recorded_events(st, &sc->ev, &sc->n_ev) < 0)
        return -1;
    if (sc->n_ev)
        qsort(sc->ev, sc->n_ev, sizeof *sc->ev, cmp_event_by_digest);
    return 0;
}

static void cover_add(struct sig_digest *d, const struct signed_row *row)
{
    sig_digest_add(d, row->signed_text, strlen(row->signed_text));
    sig_digest_add(d, row->signature, strlen(row->signature));
}

bool sig_cover_row(struct sig_cover *sc, const struct signed_row *row,
                   char digest[RECORD_DIGEST_HEX + 1])
{
    digest[0] = '\0';
    if (!row->signed_text)
        return false;
    record_digest_hex(row->signed_text, digest);
    if (!row->signature)
        return false;
    /* The first event naming this digest (sorted by digest, then seq): lower bound. */
    size_t lo = 0, hi = sc->n_ev;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(sc->ev[mid].digest, digest) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    int64_t seq = lo < sc->n_ev && strcmp(sc->ev[lo].digest, digest) == 0 ? sc->ev[lo].seq : 0;
    if (!seq)
        return false;
    if (seq <= sc->made_through) {
        cover_add(&sc->made, row);
        sc->n_made++;
    }
    if (seq > sc->rely_through)
        return false;
    cover_add(&sc->rely, row);
    sc->n_rely++;
    return true;
}

void sig_cover_end(struct sig_cover *sc, uint8_t rely[32], uint8_t made[32])
{
    sig_digest_final(&sc->rely, rely);
    sig_digest_final(&sc->made, made);
    recorded_events_free(sc->ev, sc->n_ev);
    sc->ev = NULL;
    sc->n_ev = 0;
}

/* ---- simsa verify, streaming ---- */

#define VERIFY_BATCH 1024

struct vstream {
    const struct call *c;
    struct diags *d;
    struct sig_cover cover;
    struct signed_row rows[VERIFY_BATCH];
    struct signed_input in[VERIFY_BATCH];
    struct signed_result res[VERIFY_BATCH];
    size_t n;
    struct recorded_row *rr; /* every signed row but the audit heads, for records_match_events */
    size_t n_rr, cap_rr;
    size_t n_rows, n_by_checkpoint;
};

static void vstream_flush(struct vstream *v)
{
    signed_check_many(v->c, v->in, v->res, v->n);
    for (size_t i = 0; i < v->n; i++) {
        signed_result_diag(v->c, v->rows[i].label, v->rows[i].signer, &v->res[i], v->d);
        if (v->res[i].check == SIGNED_VERIFIED && v->res[i].by_checkpoint)
            v->n_by_checkpoint++;
        free(v->res[i].why);
        signed_row_clear(&v->rows[i]);
    }
    v->n = 0;
}

static void vstream_row(struct signed_row *row, void *ctx)
{
    struct vstream *v = ctx;
    struct signed_row *r = &v->rows[v->n];
    *r = *row; /* taken: the store clears what it gave */
    memset(row, 0, sizeof *row);
    char digest[RECORD_DIGEST_HEX + 1];
    bool covered = sig_cover_row(&v->cover, r, digest);
    v->in[v->n] = signed_row_input(r);
    v->in[v->n].by_checkpoint = covered;
    v->in[v->n].no_key_id = true;
    v->n++;
    v->n_rows++;
    /* The audit heads are not recorded by events: they name one. */
    if (r->signed_text && strncmp(r->label, "audit head", 10) != 0) {
        if (v->n_rr == v->cap_rr) {
            v->cap_rr = v->cap_rr ? v->cap_rr * 2 : 1024;
            v->rr = xrealloc(v->rr, v->cap_rr * sizeof *v->rr);
        }
        struct recorded_row *x = &v->rr[v->n_rr];
        memset(x, 0, sizeof *x);
        x->label = xstrdup(r->label);
        memcpy(x->digest, digest, sizeof x->digest);
        x->index = v->n_rr++;
    }
    if (v->n == VERIFY_BATCH)
        vstream_flush(v);
}

/* One pass: everything checked, the signatures a trusted checkpoint `rely` checked (when not
 * NULL) only digested. *differs: they are not the ones it checked. */
static int verify_pass(struct store *st, const struct call *c, const struct checkpoint *rely,
                       struct diags *d, struct verify_summary *out, bool *differs)
{
    *differs = false;
    int64_t head = 0;
    uint8_t head_hash[32];
    if (store_head(st, &head, head_hash) < 0 || store_verify_chain(st, d, &out->n_events) < 0 ||
        store_verify_heads(st, d) < 0)
        return -1;
    /* bounds[0]: what a new checkpoint would record; bounds[1]: the one relied on. */
    struct chain_sig_bound bounds[2] = {{.through = head}, {.through = rely ? rely->seq : 0}};
    sig_digest_init(&bounds[0].digest);
    sig_digest_init(&bounds[1].digest);
    if (store_verify_actors(st, c, d, &out->legacy, rely ? rely->seq : 0, bounds, 2) < 0 ||
        store_verify_facts(st, c, d) < 0)
        return -1;
    struct vstream *v = xcalloc(1, sizeof *v);
    v->c = c;
    v->d = d;
    int rc = sig_cover_begin(st, &v->cover, rely ? rely->seq : 0, head);
    if (rc == 0)
        rc = store_signed_rows_each(st, c, vstream_row, v);
    vstream_flush(v);
    if (rc == 0)
        records_match_events(v->cover.ev, v->cover.n_ev, v->rr, v->n_rr, d);
    for (size_t i = 0; i < v->n_rr; i++)
        free((char *)v->rr[i].label);
    free(v->rr);
    uint8_t rely_records[32], rely_events[32];
    sig_digest_final(&bounds[0].digest, out->made.event_signatures);
    sig_digest_final(&bounds[1].digest, rely_events);
    out->made.records = v->cover.n_made;
    int64_t n_rely = v->cover.n_rely;
    sig_cover_end(&v->cover, rely_records, out->made.record_signatures);
    out->made.seq = head;
    memcpy(out->made.hash, head_hash, 32);
    out->n_signed = v->n_rows;
    out->n_by_checkpoint = v->n_by_checkpoint;
    free(v);
    if (rc < 0)
        return -1;
    struct strlist results = {0};
    if (store_result_texts(st, &results) == 0)
        revisions_check(&results, d);
    else
        diags_add(d, NULL, 0, 0, "%s", store_errmsg(st));
    strlist_free(&results);
    if (rely)
        *differs = n_rely != rely->records ||
                   memcmp(rely_records, rely->record_signatures, 32) != 0 ||
                   memcmp(rely_events, rely->event_signatures, 32) != 0;
    return 0;
}

static void diags_move(struct diags *to, struct diags *from)
{
    for (size_t i = 0; i < from->n; i++)
        diags_add(to, NULL, 0, 0, "%s", from->v[i].text);
    diags_free(from);
}

int store_verify(struct store *st, const struct call *c, bool full, struct diags *d,
                 struct verify_summary *out)
{
    memset(out, 0, sizeof *out);
    if (!full) {
        int found = store_checkpoint_trusted(st, c, &out->rely, d, &out->notes);
        if (found < 0)
            return -1;
        out->relied = found == 1;
    }
    struct diags pass = {0};
    bool differs = false;
    int rc = verify_pass(st, c, out->relied ? &out->rely : NULL, &pass, out, &differs);
    if (rc == 0 && differs) {
        /* Signature bytes were changed after the checkpoint checked them: check them all. */
        diags_add(d, NULL, 0, 0,
                  _("checkpoint %lld: the signatures up to event %lld are not the ones it "
                    "verified; every signature was checked again"),
                  (long long)out->rely.id, (long long)out->rely.seq);
        out->fell_back = true;
        diags_free(&pass);
        rc = verify_pass(st, c, NULL, &pass, out, &differs);
    }
    diags_move(d, &pass);
    return rc;
}
