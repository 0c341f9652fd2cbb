/* Verification reads (R14): every signed row with its canonical text rebuilt from the stored
 * values, the unsigned facts against the audit events that recorded them, and signed heads. */
#include <stdarg.h>
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

/* A signed row as read: every pointer is borrowed and lives until the row is handed over. */
struct row_view {
    const char *label;
    int64_t signer;
    const char *derived, *derive_error;
    const char *signed_text, *signature;
};

struct rows {
    /* store_signed_rows: every row kept here. */
    struct signed_row *v;
    size_t n, cap;
    /* store_signed_rows_each: each row handed over as a copy it may keep, then freed, so a
     * call of any size is read in constant memory. */
    void (*each)(struct signed_row *row, void *ctx);
    /* verify: each row handed over as read (nothing copied). */
    void (*view)(const struct row_view *row, void *ctx);
    void *ctx;
    /* Sheet items read in table order (no index lookups) when that is sheet order; disorder:
     * it was not, so the sheets read may lack items (read them again in sheet order). */
    bool items_in_table_order, disorder;
    char *label; /* the current row's label */
    size_t label_cap;
    struct record_buf text; /* the current row's rebuilt text, for the kinds read in bulk */
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

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void emit(struct rows *r, const struct row_view *v)
{
    if (r->view) {
        r->view(v, r->ctx);
        return;
    }
    struct signed_row row = {.label = xstrdup(v->label),
                             .derived = dup_or_null(v->derived),
                             .derive_error = dup_or_null(v->derive_error),
                             .signed_text = dup_or_null(v->signed_text),
                             .signature = dup_or_null(v->signature),
                             .signer = v->signer};
    if (r->each) {
        r->each(&row, r->ctx);
        signed_row_clear(&row);
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = row;
}

/* A stored text column as db_col_text reads it ("" for NULL), borrowed from the statement. */
static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

/* The signed text and signature at text_col and text_col + 1; both NULL when never signed. */
static struct row_view row_begin(sqlite3_stmt *s, int text_col)
{
    struct row_view v = {0};
    if (sqlite3_column_type(s, text_col) != SQLITE_NULL) {
        v.signed_text = col(s, text_col);
        v.signature = col(s, text_col + 1);
    }
    return v;
}

__attribute__((format(printf, 2, 3))) static const char *row_label(struct rows *r, const char *fmt,
                                                                   ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(r->label, r->label_cap, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < r->label_cap)
            return r->label;
        size_t need = n >= 0 ? (size_t)n + 1 : 0, grown = 2 * r->label_cap + 64;
        r->label_cap = need > grown ? need : grown;
        r->label = xrealloc(r->label, r->label_cap);
    }
}

/* The row with its rebuilt text (owned by the caller: freed after, with why). */
static void emit_derived(struct rows *r, struct row_view *v, char *text, char *why)
{
    v->derived = text;
    v->derive_error = why;
    emit(r, v);
    free(text);
    free(why);
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

static int rows_review(struct store *st, const struct call *c, struct rows *r)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT id, app_id, passed, reasons, person_id, at, "
                                     "signed_text, signature FROM review ORDER BY id");
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *app = col(s, 1), *at = col(s, 5);
        char *reasons = db_col_text(s, 3);
        struct row_view v = row_begin(s, 6);
        v.label = row_label(r, "review %s", app);
        v.signer = sqlite3_column_int64(s, 4);
        struct strlist lines = {0};
        split_lines(reasons, "\n", &lines);
        struct record_review rr = {.program = c->program.id,
                                   .app = app,
                                   .passed = sqlite3_column_int(s, 2) != 0,
                                   .reasons = (const char *const *)lines.v,
                                   .n_reasons = lines.n,
                                   .signer = name_of(c, v.signer),
                                   .at = at};
        char *why = NULL;
        v.derived = record_review_text_in(&rr, &r->text, &why);
        v.derive_error = why;
        emit(r, &v);
        free(why);
        strlist_free(&lines);
        free(reasons);
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
        const char *app = col(s, 0), *reason = col(s, 2), *at = col(s, 4);
        const char *judge = name_of(c, sqlite3_column_int64(s, 1));
        struct row_view v = row_begin(s, 5);
        v.label = row_label(r, "conflict %s/%s", app, judge);
        v.signer = sqlite3_column_int64(s, 3);
        struct record_conflict rc = {.program = c->program.id,
                                     .app = app,
                                     .judge = judge,
                                     .reason = reason,
                                     .signer = name_of(c, v.signer),
                                     .at = at};
        char *why = NULL, *text = record_conflict_text(&rc, &why);
        emit_derived(r, &v, text, why);
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
        const char *app = col(s, 0), *bonus = col(s, 1), *note = col(s, 3), *at = col(s, 5);
        bool awarded = sqlite3_column_int(s, 2) != 0;
        struct row_view v = row_begin(s, 6);
        v.label = row_label(r, "bonus %s/%s", app, bonus);
        v.signer = sqlite3_column_int64(s, 4);
        const struct bonus_def *b = program_bonus(&c->program, bonus);
        struct record_bonus rb = {.program = c->program.id,
                                  .app = app,
                                  .bonus = bonus,
                                  .points_tenths = b ? b->points_tenths : -1,
                                  .note = note,
                                  .signer = name_of(c, v.signer),
                                  .at = at};
        char *why = NULL;
        char *text =
            awarded ? record_bonus_award_text(&rb, &why) : record_bonus_withdrawal_text(&rb, &why);
        emit_derived(r, &v, text, why);
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
        const char *at = col(s, 7);
        struct strlist team = {0}, facts = {0}, findings = {0};
        split_lines(v[2], "\n", &team);
        split_lines(v[3], "\n", &facts);
        split_lines(v[4], "\n", &findings);
        struct row_view row = row_begin(s, 8);
        row.label = row_label(r, "inspection %s %s", v[0], v[1]);
        row.signer = sqlite3_column_int64(s, 6);
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
            .signer = name_of(c, row.signer),
            .at = at,
        };
        char *why = NULL, *text = record_inspection_text(&ri, &why);
        emit_derived(r, &row, text, why);
        strlist_free(&team);
        strlist_free(&facts);
        strlist_free(&findings);
        for (int i = 0; i < 6; i++)
            free(v[i]);
    }
    sqlite3_finalize(s);
    return 0;
}

/* A cursor over stored rows keyed by sheet id (column 0), read beside the sheets in id
 * order. disorder: a key came after a greater one. */
struct by_sheet {
    sqlite3_stmt *s;
    bool more, disorder;
    int64_t id;
};

static void by_sheet_step(struct by_sheet *b)
{
    b->more = sqlite3_step(b->s) == SQLITE_ROW;
    if (!b->more)
        return;
    int64_t id = sqlite3_column_int64(b->s, 0);
    if (id < b->id)
        b->disorder = true;
    b->id = id;
}

/* Moves b to the first row of sheet `sheet`; true when it has one. */
static bool by_sheet_at(struct by_sheet *b, int64_t sheet)
{
    while (b->more && b->id < sheet)
        by_sheet_step(b);
    return b->more && b->id == sheet;
}

/* A sheet's items as stored, in the program's order; -1 for an item with no row. The cursor
 * runs over every sheet_item beside the sheets (also in id order), so the items are read in
 * one pass instead of one query per sheet. Comments are copied into comments[] (the cursor
 * moves on; caller frees them); an empty one writes no line, so it is left NULL. */
static void sheet_items(struct by_sheet *cur, const struct program *p, int64_t sheet,
                        struct record_sheet_item *items, char **comments)
{
    for (size_t k = 0; k < p->n_items; k++) {
        items[k] = (struct record_sheet_item){.id = p->items[k].id, .tenths = -1};
        comments[k] = NULL;
    }
    for (bool here = by_sheet_at(cur, sheet); here; here = by_sheet_at(cur, sheet)) {
        size_t k;
        if (program_item(p, (const char *)sqlite3_column_text(cur->s, 1), &k)) {
            items[k].tenths = sqlite3_column_int(cur->s, 2);
            free(comments[k]);
            comments[k] = sqlite3_column_bytes(cur->s, 3) > 0 ? db_col_text(cur->s, 3) : NULL;
            items[k].comment = comments[k];
        }
        by_sheet_step(cur);
    }
}

static int rows_sheet(struct store *st, const struct call *c, struct rows *r)
{
    /* Three cursors side by side in sheet id order, instead of a join that looks up each
     * sheet's vote and items through an index. */
    sqlite3_stmt *s = db_prepare(st, "SELECT id, app_id, judge_id, opinion, transcribed, "
                                     "submitted_by, submitted_at, signed_text, signature "
                                     "FROM sheet ORDER BY id");
    struct by_sheet votes = {.s = s ? db_prepare(st,
                                                 "SELECT sheet_id, agree, amount FROM amount_vote "
                                                 "ORDER BY sheet_id")
                                    : NULL};
    struct by_sheet items = {
        .s = votes.s ? db_prepare(st, r->items_in_table_order
                                          ? "SELECT sheet_id, item, tenths, comment "
                                            "FROM sheet_item ORDER BY rowid"
                                          : "SELECT sheet_id, item, tenths, comment "
                                            "FROM sheet_item ORDER BY sheet_id")
                     : NULL};
    if (!items.s) {
        sqlite3_finalize(votes.s);
        sqlite3_finalize(s);
        return -1;
    }
    by_sheet_step(&votes);
    by_sheet_step(&items);
    while (sqlite3_step(s) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0);
        const char *app = col(s, 1), *opinion = col(s, 3), *at = col(s, 6);
        const char *judge = name_of(c, sqlite3_column_int64(s, 2));
        struct row_view v = row_begin(s, 7);
        v.label = row_label(r, "sheet %s/%s", app, judge);
        v.signer = sqlite3_column_int64(s, 5);
        struct record_sheet_item item[PROGRAM_MAX_ITEMS];
        char *comments[PROGRAM_MAX_ITEMS];
        sheet_items(&items, &c->program, id, item, comments);
        bool voted = by_sheet_at(&votes, id);
        struct record_sheet rs = {
            .program = c->program.id,
            .app = app,
            .judge = judge,
            .items = item,
            .n_items = c->program.n_items,
            .agree = voted && sqlite3_column_int(votes.s, 1) != 0,
            .amount = voted && sqlite3_column_type(votes.s, 2) != SQLITE_NULL
                          ? sqlite3_column_int64(votes.s, 2)
                          : -1,
            .opinion = opinion,
            .transcribed = sqlite3_column_int(s, 4) != 0,
            .signer = name_of(c, v.signer),
            .at = at,
        };
        char *why = NULL;
        /* An agreeing vote keeps no amount: a row with both was changed after signing. */
        v.derived = rs.agree && rs.amount != 0 ? "" : record_sheet_text_in(&rs, &r->text, &why);
        v.derive_error = why;
        emit(r, &v);
        free(why);
        for (size_t k = 0; k < c->program.n_items; k++)
            free(comments[k]);
    }
    if (items.disorder || votes.disorder)
        r->disorder = true;
    sqlite3_finalize(items.s);
    sqlite3_finalize(votes.s);
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
        char *members = db_col_text(s, 1);
        const char *reason = col(s, 2), *at = col(s, 4);
        struct strlist apps = {0};
        split_lines(members, "\n", &apps);
        struct row_view v = row_begin(s, 5);
        v.label = row_label(r, "tie decision %lld", (long long)sqlite3_column_int64(s, 0));
        v.signer = sqlite3_column_int64(s, 3);
        struct record_tie rt = {.program = c->program.id,
                                .apps = (const char *const *)apps.v,
                                .n_apps = apps.n,
                                .reason = reason,
                                .signer = name_of(c, v.signer),
                                .at = at};
        char *why = NULL, *text = record_tie_text(&rt, &why);
        emit_derived(r, &v, text, why);
        strlist_free(&apps);
        free(members);
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
        const char *app = col(s, 0), *reason = col(s, 1), *at = col(s, 4);
        char *promoted = db_col_text(s, 2);
        struct strlist list = {0};
        split_lines(promoted, " ", &list);
        struct row_view v = row_begin(s, 5);
        v.label = row_label(r, "forfeit %s", app);
        v.signer = sqlite3_column_int64(s, 3);
        struct record_forfeit rf = {.program = c->program.id,
                                    .app = app,
                                    .reason = reason,
                                    .promoted = (const char *const *)list.v,
                                    .n_promoted = list.n,
                                    .signer = name_of(c, v.signer),
                                    .at = at};
        char *why = NULL, *text = record_forfeit_text(&rf, &why);
        emit_derived(r, &v, text, why);
        strlist_free(&list);
        free(promoted);
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
        const char *app = col(s, 0), *due = col(s, 2), *text = col(s, 3), *at = col(s, 5);
        struct row_view v = row_begin(s, 6);
        v.label = row_label(r, "plan-revision %s", app);
        v.signer = sqlite3_column_int64(s, 4);
        struct record_plan rp = {.program = c->program.id,
                                 .app = app,
                                 .made = sqlite3_column_int(s, 1) != 0,
                                 .due = due,
                                 .text = text,
                                 .signer = name_of(c, v.signer),
                                 .at = at};
        char *why = NULL, *derived = record_plan_text(&rp, &why);
        emit_derived(r, &v, derived, why);
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
        const char *at = col(s, 3);
        struct row_view v = row_begin(s, 4);
        v.label = row_label(r, "budget change %lld", (long long)sqlite3_column_int64(s, 0));
        v.signer = sqlite3_column_int64(s, 2);
        struct record_budget rb = {.program = c->program.id,
                                   .won = sqlite3_column_int64(s, 1),
                                   .signer = name_of(c, v.signer),
                                   .at = at};
        char *why = NULL, *text = record_budget_text(&rb, &why);
        emit_derived(r, &v, text, why);
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
        const char *at = col(s, 3);
        struct record_audit_head h = {
            .program = c->program.id, .seq = sqlite3_column_int64(s, 0), .at = at};
        db_blob_copy(s, 1, h.hash, sizeof h.hash);
        struct row_view v = row_begin(s, 4);
        v.label = row_label(r, "audit head %lld", (long long)h.seq);
        v.signer = sqlite3_column_int64(s, 2);
        h.signer = name_of(c, v.signer);
        char *why = NULL, *text = record_audit_head_text(&h, &why);
        emit_derived(r, &v, text, why);
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
        struct row_view v = row_begin(s, 2);
        v.label = row_label(r, "final result %lld", (long long)sqlite3_column_int64(s, 0));
        v.signer = sqlite3_column_int64(s, 1);
        v.derived = v.signed_text;
        emit(r, &v);
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
        const char *app = col(s, 0), *date = col(s, 1), *at = col(s, 3);
        struct row_view v = row_begin(s, 4);
        v.label = row_label(r, "agreement %s", app);
        v.signer = sqlite3_column_int64(s, 2);
        struct record_agreement ra = {.program = c->program.id,
                                      .app = app,
                                      .date = date,
                                      .signer = name_of(c, v.signer),
                                      .at = at};
        char *why = NULL, *text = record_agreement_text(&ra, &why);
        emit_derived(r, &v, text, why);
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
    free(r->label);
    r->label = NULL;
    r->label_cap = 0;
    record_buf_free(&r->text);
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
    return rows_all(st, c, &r);
}

/* The rows as read, none copied, for verify; *disorder: read them again this way with
 * in_table_order false (the sheet items were not stored in sheet order). */
static int signed_rows_view(struct store *st, const struct call *c,
                            void (*view)(const struct row_view *row, void *ctx), void *ctx,
                            bool in_table_order, bool *disorder)
{
    struct rows r = {.view = view, .ctx = ctx, .items_in_table_order = in_table_order};
    int rc = rows_all(st, c, &r);
    *disorder = r.disorder;
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
/* The events that record facts, kept as the log is read (some 30 bytes and the detail each)
 * and then handed out one application at a time: the log is read once for all of verify. */
struct fact_event {
    const char *kind; /* one of fact_kinds */
    const char *detail;
    int64_t seq;
};

struct fact_events { /* one application's, in log order */
    const struct fact_event *v;
    size_t n;
};

static const char *const fact_kinds[] = {"app import",   "app contact", "document", "finance",
                                         "check",        "budget",      "init",     "panel add",
                                         "panel assign", "panel order"};

#define FACT_END UINT32_MAX

struct fact_kept {
    const char *kind;
    size_t detail_at; /* in the log's text */
    int64_t seq;
    uint32_t next; /* the next event of its application, or FACT_END */
};

struct fact_stray { /* an event of an application the call does not have */
    size_t app_at;
    const char *app; /* set once the log is read (its text moves until then) */
    int64_t seq;
};

struct fact_log {
    const struct call *c;
    struct fact_kept *v;
    size_t n, cap;
    uint32_t *first, *last; /* per group: 0 the call's own (app ""), 1 + index in c->apps */
    struct fact_stray *stray;
    size_t n_stray, cap_stray;
    char *text;
    size_t len, text_cap;
    size_t recent; /* the group of the application seen last (the log names one many times) */
    struct fact_event *group; /* fact_group's */
    size_t group_cap;
};

static size_t fact_text(struct fact_log *log, const char *t)
{
    size_t n = strlen(t) + 1, at = log->len;
    if (log->len + n > log->text_cap) {
        log->text_cap = log->len + n > 2 * log->text_cap ? log->len + n : 2 * log->text_cap;
        log->text = xrealloc(log->text, log->text_cap);
    }
    memcpy(log->text + at, t, n);
    log->len += n;
    return at;
}

static void fact_log_init(struct fact_log *log, const struct call *c)
{
    memset(log, 0, sizeof *log);
    log->c = c;
    log->first = xmalloc((c->n_apps + 1) * sizeof *log->first);
    log->last = xmalloc((c->n_apps + 1) * sizeof *log->last);
    for (size_t g = 0; g <= c->n_apps; g++)
        log->first[g] = log->last[g] = FACT_END;
}

/* An event as the log is read (in chain order): kept when it records a fact. */
static void fact_log_add(struct fact_log *log, const char *app, const char *kind,
                         const char *detail, int64_t seq)
{
    const char *k = NULL;
    /* Most events are of other kinds (sheets, reviews): those start with none of a, b, c, d,
     * f, i, p. */
    if (!kind || !strchr("abcdfip", kind[0]))
        return;
    for (size_t i = 0; !k && i < sizeof fact_kinds / sizeof fact_kinds[0]; i++)
        if (strcmp(kind, fact_kinds[i]) == 0)
            k = fact_kinds[i];
    if (!k || !app || !detail)
        return;
    const struct call *c = log->c;
    size_t g = 0;
    if (*app && log->recent && strcmp(c->apps[log->recent - 1].a.id, app) == 0) {
        g = log->recent;
    } else if (*app) {
        const struct app_record *r = call_find_app(c, app);
        if (!r) {
            if (log->n_stray == log->cap_stray) {
                log->cap_stray = log->cap_stray ? log->cap_stray * 2 : 16;
                log->stray = xrealloc(log->stray, log->cap_stray * sizeof *log->stray);
            }
            log->stray[log->n_stray++] =
                (struct fact_stray){.app_at = fact_text(log, app), .seq = seq};
            return;
        }
        g = log->recent = (size_t)(r - c->apps) + 1;
    }
    if (log->n == log->cap) {
        log->cap = log->cap ? log->cap * 2 : 1024;
        log->v = xrealloc(log->v, log->cap * sizeof *log->v);
    }
    uint32_t i = (uint32_t)log->n++;
    log->v[i] = (struct fact_kept){k, fact_text(log, detail), seq, FACT_END};
    if (log->last[g] == FACT_END)
        log->first[g] = i;
    else
        log->v[log->last[g]].next = i;
    log->last[g] = i;
}

/* Group g's events, in log order (valid until the next call). */
static struct fact_events fact_group(struct fact_log *log, size_t g)
{
    size_t n = 0;
    for (uint32_t i = log->first[g]; i != FACT_END; i = log->v[i].next) {
        if (n == log->group_cap) {
            log->group_cap = log->group_cap ? log->group_cap * 2 : 64;
            log->group = xrealloc(log->group, log->group_cap * sizeof *log->group);
        }
        const struct fact_kept *e = &log->v[i];
        log->group[n++] = (struct fact_event){e->kind, log->text + e->detail_at, e->seq};
    }
    return (struct fact_events){log->group, n};
}

static int cmp_stray(const void *a, const void *b)
{
    const struct fact_stray *x = a, *y = b;
    int c = strcmp(x->app, y->app);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void fact_log_free(struct fact_log *log)
{
    free(log->v);
    free(log->first);
    free(log->last);
    free(log->stray);
    free(log->text);
    free(log->group);
    memset(log, 0, sizeof *log);
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

enum fact_state { FACT_SAME, FACT_UNRECORDED, FACT_DIFFERS };

/* fact (freed here) against the newest event of kind whose detail starts with prefix. */
static enum fact_state fact_state(const struct fact_events *e, const char *kind, const char *prefix,
                                  char *fact)
{
    const struct fact_event *ev = latest_event(e, kind, prefix);
    const char *logged = ev ? ev->detail : NULL;
    size_t n = strlen(fact);
    /* A signed fact's event (the budget) carries " #<digest>" after the fact. */
    bool same = logged && (strcmp(logged, fact) == 0 ||
                           (strncmp(logged, fact, n) == 0 && strncmp(logged + n, " #", 2) == 0 &&
                            strlen(logged + n + 2) == RECORD_DIGEST_HEX));
    free(fact);
    return !logged ? FACT_UNRECORDED : same ? FACT_SAME : FACT_DIFFERS;
}

static void fact_report(struct diags *d, enum fact_state f, const char *what)
{
    if (f == FACT_UNRECORDED)
        diags_add(d, NULL, 0, 0, _("%s: no audit event records it"), what);
    else if (f == FACT_DIFFERS)
        diags_add(d, NULL, 0, 0,
                  _("%s: the stored values differ from what the audit log "
                    "recorded"),
                  what);
}

static void fact_check(const struct fact_events *e, struct diags *d, const char *what,
                       const char *kind, const char *prefix, char *fact)
{
    fact_report(d, fact_state(e, kind, prefix, fact), what);
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

/* Each of an application's facts against its event; a problem's subject is named (and
 * translated) only when there is one. */
static void facts_of_app(const struct call *c, const struct fact_events *e,
                         const struct app_record *r, struct diags *d)
{
    char what[256];
    /* The application as imported, or as its contact was last corrected (R11.7). */
    const struct fact_event *imported = latest_event(e, "app import", r->a.id),
                            *corrected = latest_event(e, "app contact", r->a.id);
    enum fact_state f = fact_state(
        e,
        corrected && (!imported || corrected->seq > imported->seq) ? "app contact" : "app import",
        r->a.id, fact_application(&r->a));
    if (f) {
        snprintf(what, sizeof what, _("application %s"), r->a.id);
        fact_report(d, f, what);
    }
    for (size_t i = 0; i < r->n_docs; i++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "doc %d issued", r->docs[i].number);
        f = fact_state(e, "document", prefix, fact_document(r->docs[i].number, r->docs[i].issued));
        if (f) {
            snprintf(what, sizeof what, _("document %d of %s"), r->docs[i].number, r->a.id);
            fact_report(d, f, what);
        }
    }
    for (size_t i = 0; i < r->n_finance; i++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%d liabilities", r->finance[i].year);
        f = fact_state(e, "finance", prefix, fact_finance(&r->finance[i]));
        if (f) {
            snprintf(what, sizeof what, _("financial figures %d of %s"), r->finance[i].year,
                     r->a.id);
            fact_report(d, f, what);
        }
    }
    for (size_t i = 0; i < r->n_answers; i++) {
        const struct checklist_row *a = &r->answers[i];
        char *prefix = xasprintf("%s|", a->item);
        f = fact_state(e, "check", prefix,
                       fact_checklist(a->item, a->answer == ANSWER_YES, a->note));
        if (f) {
            snprintf(what, sizeof what, _("checklist %s of %s"), a->item, r->a.id);
            fact_report(d, f, what);
        }
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

/* Every fact against the events log holds. */
static void facts_check(const struct call *c, struct fact_log *log, struct diags *d)
{
    struct fact_events call_events = fact_group(log, 0);
    facts_of_call(c, &call_events, d);
    order_of_call(c, &call_events, d);
    /* The applications in id order, and among them those the events name that the call does
     * not have. */
    for (size_t k = 0; k < log->n_stray; k++)
        log->stray[k].app = log->text + log->stray[k].app_at;
    if (log->n_stray)
        qsort(log->stray, log->n_stray, sizeof *log->stray, cmp_stray);
    size_t u = 0;
    for (size_t i = 0; i < c->n_apps || u < log->n_stray;) {
        const char *app = u < log->n_stray ? log->stray[u].app : NULL;
        if (!app || (i < c->n_apps && strcmp(c->apps[i].a.id, app) < 0)) {
            struct fact_events e = fact_group(log, i + 1);
            facts_of_app(c, &e, &c->apps[i++], d);
            continue;
        }
        diags_add(d, NULL, 0, 0, _("application %s: recorded at event %lld, but missing"), app,
                  (long long)log->stray[u].seq);
        while (u < log->n_stray && strcmp(log->stray[u].app, app) == 0)
            u++;
    }
}

int store_verify_facts(struct store *st, const struct call *c, struct diags *d)
{
    sqlite3_stmt *s = db_prepare(st, "SELECT app_id, kind, detail, seq FROM event ORDER BY seq");
    if (!s)
        return -1;
    struct fact_log log;
    fact_log_init(&log, c);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fact_log_add(&log, (const char *)sqlite3_column_text(s, 0),
                     (const char *)sqlite3_column_text(s, 1),
                     (const char *)sqlite3_column_text(s, 2), sqlite3_column_int64(s, 3));
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        facts_check(c, &log, d);
    fact_log_free(&log);
    return rc == SQLITE_DONE ? 0 : db_fail(st, "event");
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

/* One pass over the audit log for verify: each event's hash re-derived and linked to the one
 * before (as store_verify_chain does; problems to chain_d), its actor and signature checked
 * (problems to actors_d), and the events that name a signed record's digest kept (*ev). */
struct event_pass {
    struct diags *chain_d, *actors_d;
    int64_t n_events, legacy;
    bool recorded;          /* keep ev */
    struct fact_log *facts; /* when not NULL, the events that record facts kept there */
    struct recorded_event *ev;
    size_t n_ev, cap_ev;
};

static void recorded_add(struct event_pass *p, int64_t seq, const char *kind, const char *app,
                         const char *det)
{
    size_t len = det ? strlen(det) : 0;
    if (len < RECORD_DIGEST_HEX + 2 || det[len - RECORD_DIGEST_HEX - 2] != ' ' ||
        det[len - RECORD_DIGEST_HEX - 1] != '#')
        return;
    if (p->n_ev == p->cap_ev) {
        p->cap_ev = p->cap_ev ? p->cap_ev * 2 : 256;
        p->ev = xrealloc(p->ev, p->cap_ev * sizeof *p->ev);
    }
    struct recorded_event *e = &p->ev[p->n_ev++];
    e->seq = seq;
    /* "kind app" (without printf: one for each signed record) */
    size_t nk = kind ? strlen(kind) : 0, na = app ? strlen(app) : 0;
    e->what = xmalloc(nk + na + 2);
    memcpy(e->what, kind ? kind : "", nk);
    if (na) {
        e->what[nk] = ' ';
        memcpy(e->what + nk + 1, app, na);
        e->what[nk + 1 + na] = '\0';
    } else {
        e->what[nk] = '\0';
    }
    memcpy(e->digest, det + len - RECORD_DIGEST_HEX, RECORD_DIGEST_HEX);
    e->digest[RECORD_DIGEST_HEX] = '\0';
}

static int events_pass(struct store *st, const struct call *c, struct event_pass *p,
                       int64_t trusted_through, struct chain_sig_bound *bounds, size_t n_bounds)
{
    int64_t signed_from = 1;
    sqlite3_stmt *s = db_prepare(st, "SELECT value FROM meta WHERE key = 'signed_from'");
    if (!s)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        signed_from = sqlite3_column_int64(s, 0);
    else
        diags_add(p->actors_d, NULL, 0, 0, "%s",
                  _("meta: the record of which events are signed is "
                    "missing"));
    sqlite3_finalize(s);
    s = db_prepare(st, "SELECT seq, actor, kind, app_id, detail, hash, signature, at, prev_hash "
                       "FROM event ORDER BY seq");
    if (!s)
        return -1;
    struct chain_check cc;
    chain_check_begin(&cc, c, signed_from);
    cc.trusted_through = trusted_through;
    cc.bounds = bounds;
    cc.n_bounds = n_bounds;
    uint8_t prev[32] = {0};
    int64_t expect = 1, last_seq = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        uint8_t hash[32], sig[EVENT_SIGNATURE_BYTES], stored_prev[32], want[32];
        struct chain_event e = {
            .seq = sqlite3_column_int64(s, 0),
            .actor = (const char *)sqlite3_column_text(s, 1),
            .kind = (const char *)sqlite3_column_text(s, 2),
            .app = (const char *)sqlite3_column_text(s, 3),
            .detail = (const char *)sqlite3_column_text(s, 4),
            .hash = hash,
        };
        db_blob_copy(s, 5, hash, sizeof hash);
        /* The chain: this event follows the one before and its hash is its content's. */
        db_blob_copy(s, 8, stored_prev, 32);
        if (e.seq != expect)
            diags_add(p->chain_d, NULL, 0, 0, _("event %lld: missing (the chain jumps to %lld)"),
                      (long long)expect, (long long)e.seq);
        if (memcmp(stored_prev, prev, 32) != 0)
            diags_add(p->chain_d, NULL, 0, 0, _("event %lld: does not follow the previous event"),
                      (long long)e.seq);
        const char *fields[] = {(const char *)sqlite3_column_text(s, 7), e.actor, e.kind, e.app,
                                e.detail};
        audit_hash(e.seq, stored_prev, fields, 5, want); /* as the store wrote it */
        if (memcmp(want, hash, 32) != 0)
            diags_add(p->chain_d, NULL, 0, 0,
                      _("event %lld: its content was changed after it was written"),
                      (long long)e.seq);
        memcpy(prev, hash, 32);
        expect = e.seq + 1;
        p->n_events++;
        if (p->recorded)
            recorded_add(p, e.seq, e.kind, e.app, e.detail);
        if (p->facts)
            fact_log_add(p->facts, e.app, e.kind, e.detail, e.seq);
        /* Its actor and signature. */
        bool has_sig = sqlite3_column_type(s, 6) == SQLITE_BLOB &&
                       sqlite3_column_bytes(s, 6) == EVENT_SIGNATURE_BYTES;
        if (has_sig)
            db_blob_copy(s, 6, sig, sizeof sig);
        else if (sqlite3_column_type(s, 6) != SQLITE_NULL)
            memset(sig, 0, sizeof sig), has_sig = true; /* malformed: fails to verify */
        e.signature = has_sig ? sig : NULL;
        if (!e.actor || !e.kind || !e.app || !e.detail) {
            diags_add(p->actors_d, NULL, 0, 0, _("event %lld: a field is missing"),
                      (long long)e.seq);
            continue;
        }
        chain_check_event(&cc, &e, p->actors_d);
        last_seq = e.seq;
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE) {
        chain_check_bounds_end(&cc);
        chain_check_signatures(&cc, p->actors_d);
        chain_check_people(&cc, p->actors_d);
        if (signed_from > last_seq + 1)
            diags_add(p->actors_d, NULL, 0, 0,
                      _("meta: signed_from %lld lies beyond the last event (%lld): it was moved"),
                      (long long)signed_from, (long long)last_seq);
    }
    p->legacy = cc.legacy_events;
    chain_check_free(&cc);
    return rc == SQLITE_DONE ? 0 : db_fail(st, "event");
}

int store_verify_actors(struct store *st, const struct call *c, struct diags *d,
                        int64_t *legacy_events, int64_t trusted_through,
                        struct chain_sig_bound *bounds, size_t n_bounds)
{
    struct diags chain_d = {0};
    struct event_pass p = {.chain_d = &chain_d, .actors_d = d};
    int rc = events_pass(st, c, &p, trusted_through, bounds, n_bounds);
    diags_free(&chain_d);
    if (legacy_events)
        *legacy_events = p.legacy;
    return rc;
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

/* A digest's first 8 characters as a number that orders as strcmp orders them. */
static uint64_t digest_key(const char *hex)
{
    uint64_t k = 0;
    for (int i = 0; i < 8; i++)
        k = k << 8 | (unsigned char)hex[i];
    return k;
}

/* sig_cover_begin with the recording events already read (sc takes ev). */
static void sig_cover_begin_with(struct sig_cover *sc, struct recorded_event *ev, size_t n_ev,
                                 int64_t rely_through, int64_t made_through)
{
    memset(sc, 0, sizeof *sc);
    sc->rely_through = rely_through;
    sc->made_through = made_through;
    sig_digest_init(&sc->rely);
    sig_digest_init(&sc->made);
    sc->ev = ev;
    sc->n_ev = n_ev;
    if (n_ev)
        qsort(ev, n_ev, sizeof *ev, cmp_event_by_digest);
    sc->keys = xcalloc(n_ev ? n_ev : 1, sizeof *sc->keys);
    for (size_t i = 0; i < n_ev; i++)
        sc->keys[i] = digest_key(ev[i].digest);
}

int sig_cover_begin(struct store *st, struct sig_cover *sc, int64_t rely_through,
                    int64_t made_through)
{
    struct recorded_event *ev;
    size_t n_ev;
    memset(sc, 0, sizeof *sc);
    if (store_recorded_events(st, &ev, &n_ev) < 0)
        return -1;
    sig_cover_begin_with(sc, ev, n_ev, rely_through, made_through);
    return 0;
}

static void cover_add(struct sig_digest *d, const char *text, const char *sig)
{
    sig_digest_add(d, text, strlen(text));
    sig_digest_add(d, sig, strlen(sig));
}

/* The seq of the first event naming digest (they are sorted by digest, then seq), or 0. */
static int64_t cover_event(const struct sig_cover *sc, const char *digest)
{
    uint64_t key = digest_key(digest);
    size_t lo = 0, hi = sc->n_ev;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo < sc->n_ev && sc->keys[lo] == key && strcmp(sc->ev[lo].digest, digest) < 0)
        lo++;
    return lo < sc->n_ev && strcmp(sc->ev[lo].digest, digest) == 0 ? sc->ev[lo].seq : 0;
}

/* sig_cover_row for a row's text and signature. */
static bool sig_cover_text(struct sig_cover *sc, const char *text, const char *sig,
                           char digest[RECORD_DIGEST_HEX + 1])
{
    digest[0] = '\0';
    if (!text)
        return false;
    record_digest_hex(text, digest);
    if (!sig)
        return false;
    int64_t seq = cover_event(sc, digest);
    if (!seq)
        return false;
    bool made = seq <= sc->made_through, rely = seq <= sc->rely_through;
    /* Until a row goes into one digest and not the other, both have taken the same items:
     * only `made` is written, and `rely` is copied from it when they part. */
    if (made != rely && !sc->apart) {
        sc->rely = sc->made;
        sc->apart = true;
    }
    if (made)
        cover_add(&sc->made, text, sig), sc->n_made++;
    if (rely && sc->apart)
        cover_add(&sc->rely, text, sig);
    if (!rely)
        return false;
    sc->n_rely++;
    return true;
}

bool sig_cover_row(struct sig_cover *sc, const struct signed_row *row,
                   char digest[RECORD_DIGEST_HEX + 1])
{
    return sig_cover_text(sc, row->signed_text, row->signature, digest);
}

void sig_cover_end(struct sig_cover *sc, uint8_t rely[32], uint8_t made[32])
{
    if (!sc->apart)
        sc->rely = sc->made;
    sig_digest_final(&sc->rely, rely);
    sig_digest_final(&sc->made, made);
    recorded_events_free(sc->ev, sc->n_ev);
    free(sc->keys);
    sc->ev = NULL;
    sc->keys = NULL;
    sc->n_ev = 0;
}

/* ---- simsa verify, streaming ---- */

#define VERIFY_BATCH 1024

struct vstream {
    const struct call *c;
    struct diags *d;
    struct sig_cover cover;
    /* The rows whose Ed25519 signature is checked, copied, checked a batch at a time on
     * every processor; the others are checked as they are read. */
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
        free(v->res[i].why);
        signed_row_clear(&v->rows[i]);
    }
    v->n = 0;
}

static void vstream_row(const struct row_view *row, void *ctx)
{
    struct vstream *v = ctx;
    char digest[RECORD_DIGEST_HEX + 1];
    bool covered = sig_cover_text(&v->cover, row->signed_text, row->signature, digest);
    v->n_rows++;
    /* The audit heads are not recorded by events: they name one. */
    if (row->signed_text && strncmp(row->label, "audit head", 10) != 0) {
        if (v->n_rr == v->cap_rr) {
            v->cap_rr = v->cap_rr ? v->cap_rr * 2 : 1024;
            v->rr = xrealloc(v->rr, v->cap_rr * sizeof *v->rr);
        }
        struct recorded_row *x = &v->rr[v->n_rr];
        memset(x, 0, sizeof *x);
        x->label = xstrdup(row->label);
        memcpy(x->digest, digest, sizeof x->digest);
        x->index = v->n_rr++;
    }
    struct signed_input in = {.signer = row->signer,
                              .derived = row->derived,
                              .derive_error = row->derive_error,
                              .signed_text = row->signed_text,
                              .signature = row->signature,
                              .by_checkpoint = covered,
                              .no_key_id = true};
    if (!covered && in.signed_text && in.signature && in.derived) {
        /* Its signature is checked: kept for the batch. */
        struct signed_row *r = &v->rows[v->n];
        *r = (struct signed_row){.label = xstrdup(row->label),
                                 .derived = xstrdup(row->derived),
                                 .derive_error = dup_or_null(row->derive_error),
                                 .signed_text = xstrdup(row->signed_text),
                                 .signature = xstrdup(row->signature),
                                 .signer = row->signer};
        v->in[v->n] = signed_row_input(r);
        v->in[v->n].no_key_id = true;
        if (++v->n == VERIFY_BATCH)
            vstream_flush(v);
        return;
    }
    struct signed_result res;
    signed_check(v->c, &in, &res);
    if (res.check != SIGNED_VERIFIED) {
        vstream_flush(v); /* the rows before it first: problems in reading order */
        signed_result_diag(v->c, row->label, row->signer, &res, v->d);
    } else if (res.by_checkpoint) {
        v->n_by_checkpoint++;
    }
    free(res.why);
}

static void diags_move(struct diags *to, struct diags *from)
{
    for (size_t i = 0; i < from->n; i++)
        diags_add(to, NULL, 0, 0, "%s", from->v[i].text);
    diags_free(from);
}

/* One pass: everything checked, the signatures a trusted checkpoint `rely` checked (when not
 * NULL) only digested. *differs: they are not the ones it checked. *reread: the sheet items
 * were not stored in sheet order; pass again with in_table_order false. */
static int verify_pass(struct store *st, const struct call *c, const struct checkpoint *rely,
                       bool in_table_order, struct diags *d, struct verify_summary *out,
                       bool *differs, bool *reread)
{
    *differs = *reread = false;
    int64_t head = 0;
    uint8_t head_hash[32];
    if (store_head(st, &head, head_hash) < 0)
        return -1;
    /* bounds[0]: what a new checkpoint would record; bounds[1]: the one relied on. */
    struct chain_sig_bound bounds[2] = {{.through = head}, {.through = rely ? rely->seq : 0}};
    sig_digest_init(&bounds[0].digest);
    sig_digest_init(&bounds[1].digest);
    struct diags chain_d = {0}, actors_d = {0};
    struct fact_log facts;
    fact_log_init(&facts, c);
    struct event_pass ep = {
        .chain_d = &chain_d, .actors_d = &actors_d, .recorded = true, .facts = &facts};
    int rc = events_pass(st, c, &ep, rely ? rely->seq : 0, bounds, 2);
    out->n_events = ep.n_events;
    out->legacy = ep.legacy;
    /* The problems in the order of the checks: chain, heads, actors, facts, records. */
    diags_move(d, &chain_d);
    if (rc == 0)
        rc = store_verify_heads(st, d);
    diags_move(d, &actors_d);
    if (rc == 0)
        facts_check(c, &facts, d);
    fact_log_free(&facts);
    if (rc < 0) {
        recorded_events_free(ep.ev, ep.n_ev);
        return -1;
    }
    struct vstream *v = xcalloc(1, sizeof *v);
    v->c = c;
    v->d = d;
    sig_cover_begin_with(&v->cover, ep.ev, ep.n_ev, rely ? rely->seq : 0, head);
    rc = signed_rows_view(st, c, vstream_row, v, in_table_order, reread);
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
    bool differs = false, reread = false, in_table_order = true;
    const struct checkpoint *rely = out->relied ? &out->rely : NULL;
    int rc = verify_pass(st, c, rely, in_table_order, &pass, out, &differs, &reread);
    if (rc == 0 && reread) {
        /* Items stored out of sheet order (rows removed and put back): read in key order. */
        diags_free(&pass);
        in_table_order = false;
        rc = verify_pass(st, c, rely, in_table_order, &pass, out, &differs, &reread);
    }
    if (rc == 0 && differs) {
        /* Signature bytes were changed after the checkpoint checked them: check them all. */
        diags_add(d, NULL, 0, 0,
                  _("checkpoint %lld: the signatures up to event %lld are not the ones it "
                    "verified; every signature was checked again"),
                  (long long)out->rely.id, (long long)out->rely.seq);
        out->fell_back = true;
        diags_free(&pass);
        rc = verify_pass(st, c, NULL, in_table_order, &pass, out, &differs, &reread);
    }
    diags_move(d, &pass);
    return rc;
}
