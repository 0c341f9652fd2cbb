/* Verification reads (R14): every signed row with its canonical text rebuilt from the stored
 * values, the unsigned facts against the audit events that recorded them, and signed heads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/facts.h"
#include "core/i18n.h"
#include "core/records.h"
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

static void set_derived(struct signed_row *row, char *text, char *why)
{
    row->derived = text;
    row->derive_error = why;
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
        struct record_review rr = {.program = c->program.id, .app = app,
                                   .passed = sqlite3_column_int(s, 2) != 0,
                                   .reasons = (const char *const *)lines.v, .n_reasons = lines.n,
                                   .signer = name_of(c, row->signer), .at = at};
        char *why = NULL;
        set_derived(row, record_review_text(&rr, &why), why);
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
        struct record_conflict rc = {.program = c->program.id, .app = app, .judge = judge,
                                     .reason = reason, .signer = name_of(c, row->signer),
                                     .at = at};
        char *why = NULL;
        set_derived(row, record_conflict_text(&rc, &why), why);
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
        struct record_bonus rb = {.program = c->program.id, .app = app, .bonus = bonus,
                                  .points_tenths = b ? b->points_tenths : -1, .note = note,
                                  .signer = name_of(c, row->signer), .at = at};
        char *why = NULL;
        set_derived(row, awarded ? record_bonus_award_text(&rb, &why)
                                 : record_bonus_withdrawal_text(&rb, &why), why);
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
            .program = c->program.id, .app = v[0], .date = v[1],
            .members = (const char *const *)team.v, .n_members = team.n,
            .facts = (const char *const *)facts.v, .n_facts = facts.n,
            .findings = (const char *const *)findings.v, .n_findings = findings.n,
            .notes = v[5], .signer = name_of(c, row->signer), .at = at,
        };
        char *why = NULL;
        set_derived(row, record_inspection_text(&ri, &why), why);
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
            .program = c->program.id, .app = app, .judge = judge, .items = items,
            .n_items = c->program.n_items, .agree = sqlite3_column_int(s, 9) != 0,
            .amount = sqlite3_column_type(s, 10) == SQLITE_NULL ? -1
                                                               : sqlite3_column_int64(s, 10),
            .opinion = opinion, .transcribed = sqlite3_column_int(s, 4) != 0,
            .signer = name_of(c, row->signer), .at = at,
        };
        char *why = NULL;
        /* An agreeing vote keeps no amount: a row with both was changed after signing. */
        if (rs.agree && rs.amount != 0)
            set_derived(row, xstrdup(""), NULL);
        else
            set_derived(row, record_sheet_text(&rs, &why), why);
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
        struct signed_row *row = row_new(r, s, 5, xasprintf("tie decision %lld",
                                                            (long long)sqlite3_column_int64(s, 0)));
        row->signer = sqlite3_column_int64(s, 3);
        struct record_tie rt = {.program = c->program.id, .apps = (const char *const *)apps.v,
                                .n_apps = apps.n, .reason = reason,
                                .signer = name_of(c, row->signer), .at = at};
        char *why = NULL;
        set_derived(row, record_tie_text(&rt, &why), why);
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
        struct record_forfeit rf = {.program = c->program.id, .app = app, .reason = reason,
                                    .promoted = (const char *const *)list.v,
                                    .n_promoted = list.n, .signer = name_of(c, row->signer),
                                    .at = at};
        char *why = NULL;
        set_derived(row, record_forfeit_text(&rf, &why), why);
        strlist_free(&list);
        free(app);
        free(reason);
        free(promoted);
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
        struct signed_row *row = row_new(r, s, 4, xasprintf("budget change %lld",
                                                            (long long)sqlite3_column_int64(s, 0)));
        row->signer = sqlite3_column_int64(s, 2);
        struct record_budget rb = {.program = c->program.id, .won = sqlite3_column_int64(s, 1),
                                   .signer = name_of(c, row->signer), .at = at};
        char *why = NULL;
        set_derived(row, record_budget_text(&rb, &why), why);
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
        struct record_audit_head h = {.program = c->program.id, .seq = sqlite3_column_int64(s, 0),
                                      .at = at};
        db_blob_copy(s, 1, h.hash, sizeof h.hash);
        struct signed_row *row = row_new(r, s, 4, xasprintf("audit head %lld", (long long)h.seq));
        row->signer = sqlite3_column_int64(s, 2);
        h.signer = name_of(c, row->signer);
        char *why = NULL;
        set_derived(row, record_audit_head_text(&h, &why), why);
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
        struct signed_row *row = row_new(r, s, 2, xasprintf("final result %lld",
                                                            (long long)sqlite3_column_int64(s, 0)));
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
        struct record_agreement ra = {.program = c->program.id, .app = app, .date = date,
                                      .signer = name_of(c, row->signer), .at = at};
        char *why = NULL;
        set_derived(row, record_agreement_text(&ra, &why), why);
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
             rows_inspection(st, c, r) || rows_agreement(st, c, r);
    return rc ? -1 : 0;
}

int store_signed_rows(struct store *st, const struct call *c, struct signed_row **out,
                      size_t *n)
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

/* The events of app; those of applications before it (not in the call) are passed over. */
static void events_of(struct event_cursor *cur, const char *app, struct fact_events *out)
{
    fact_events_clear(out);
    while (cur->more && strcmp((const char *)sqlite3_column_text(cur->s, 0), app) < 0)
        cur->more = sqlite3_step(cur->s) == SQLITE_ROW;
    for (; cur->more && strcmp((const char *)sqlite3_column_text(cur->s, 0), app) == 0;
         cur->more = sqlite3_step(cur->s) == SQLITE_ROW) {
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 16;
            out->v = xrealloc(out->v, out->cap * sizeof *out->v);
        }
        out->v[out->n].kind = db_col_text(cur->s, 1);
        out->v[out->n++].detail = db_col_text(cur->s, 2);
    }
}

/* The detail of the newest event of `kind` whose detail starts with prefix, or NULL. */
static const char *latest_event(const struct fact_events *e, const char *kind, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = e->n; i-- > 0;)
        if (strcmp(e->v[i].kind, kind) == 0 && strncmp(e->v[i].detail, prefix, n) == 0)
            return e->v[i].detail;
    return NULL;
}

static void fact_check(const struct fact_events *e, struct diags *d, const char *what,
                       const char *kind, const char *prefix, char *fact)
{
    const char *logged = latest_event(e, kind, prefix);
    size_t n = strlen(fact);
    /* A signed fact's event (the budget) carries " #<digest>" after the fact. */
    bool same = logged && (strcmp(logged, fact) == 0 ||
                           (strncmp(logged, fact, n) == 0 && strncmp(logged + n, " #", 2) == 0 &&
                            strlen(logged + n + 2) == RECORD_DIGEST_HEX));
    if (!logged)
        diags_add(d, NULL, 0, 0, _("%s: no audit event records it"), what);
    else if (!same)
        diags_add(d, NULL, 0, 0, _("%s: the stored values differ from what the audit log "
                                   "recorded"), what);
    free(fact);
}

static void facts_of_app(const struct fact_events *e, const struct app_record *r,
                         struct diags *d)
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
        snprintf(what, sizeof what, _("financial figures %d of %s"), r->finance[i].year,
                 r->a.id);
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
}

int store_verify_facts(struct store *st, const struct call *c, struct diags *d)
{
    /* The budget's events have app "", which sorts before every application id; c->apps is
     * in the same (binary) order as the query. */
    struct event_cursor cur = {
        .s = db_prepare(st, "SELECT app_id, kind, detail FROM event WHERE kind IN "
                            "('app import', 'document', 'finance', 'check', 'budget') "
                            "ORDER BY app_id, seq")};
    if (!cur.s)
        return -1;
    cur.more = sqlite3_step(cur.s) == SQLITE_ROW;
    struct fact_events budget = {0}, events = {0};
    events_of(&cur, "", &budget);
    for (size_t i = 0; i < c->n_apps; i++) {
        events_of(&cur, c->apps[i].a.id, &events);
        facts_of_app(&events, &c->apps[i], d);
    }
    if (c->has_budget) {
        char amount[32];
        amount_format(c->budget, amount, sizeof amount);
        fact_check(&budget, d, _("budget"), "budget", "", xstrdup(amount));
    }
    sqlite3_finalize(cur.s);
    fact_events_clear(&budget);
    fact_events_clear(&events);
    free(budget.v);
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
