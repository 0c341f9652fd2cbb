/* The integrity sheet (R14): the signed heads of the audit chain first, so a printed copy pins
 * the database at those events, then every signed record with its signer, key id and the
 * result of checking it as `simsa verify` does. Records are read one at a time and checked in
 * batches on every processor (signed_check_many), each batch while the next is read: Ed25519
 * verification is most of the work of a large export. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/records.h"
#include "core/report.h"
#include "db/report_read.h"
#include "reports/book.h"

#define BATCH 1024

static const char *const head_labels[] = {
    N_("sequence"), N_("hash"),      N_("signed by"), N_("signed at"),
    N_("key id"),   N_("signature"), N_("check"),
};
static const char *const record_labels[] = {
    N_("record"), N_("signer"), N_("key id"), N_("check"), N_("detail"),
};

static void hex_of(const uint8_t *bytes, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    out[2 * n] = '\0';
}

static const char *name_of(const struct call *c, int64_t id)
{
    const struct person *p = call_person_by_id(c, id);
    return p ? p->name : "?";
}

/* A head's check: its signature over the text rebuilt from the row, and its event. */
static char *head_check(struct book *b, const struct audit_head_row *h, char key[17])
{
    struct record_audit_head rec = {.program = b->c->program.id,
                                    .seq = h->seq,
                                    .signer = name_of(b->c, h->signer),
                                    .at = h->at};
    memcpy(rec.hash, h->hash, sizeof rec.hash);
    char *why = NULL, *text = record_audit_head_text(&rec, &why);
    struct signed_input in = {.signer = h->signer,
                              .derived = text,
                              .derive_error = why,
                              .signed_text = h->signed_text,
                              .signature = h->signature};
    struct signed_result res;
    signed_check(b->c, &in, &res);
    key[0] = '\0';
    if (res.has_key_id)
        key_id_hex(res.key_id, key);
    char *out;
    if (!h->event_found)
        out = xasprintf(_("event %lld is missing"), (long long)h->seq);
    else if (memcmp(h->event_hash, h->hash, 32) != 0)
        out = xstrdup(_("the chain up to it was rewritten"));
    else if (res.why)
        out = xasprintf("%s: %s", signed_check_label(res.check), res.why);
    else
        out = xstrdup(signed_check_label(res.check));
    free(res.why);
    free(text);
    free(why);
    return out;
}

static lxw_row_t heads_section(struct book *b, struct sheet_out *s)
{
    row_lines(s, 0, 2); /* the title's larger type */
    cell_note(b, s, 0, 0,
              _("Signed heads of the audit chain: a printed copy pins the database "
                "at these events."),
              b->f.title);
    for (size_t i = 0; i < sizeof head_labels / sizeof head_labels[0]; i++)
        header_cell(b, s, 1, (lxw_col_t)i, _(head_labels[i]));
    struct audit_head_row *heads = NULL;
    size_t n = 0;
    if (store_audit_heads(b->st, &heads, &n) < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    lxw_row_t r = 1;
    for (size_t i = 0; i < n; i++) {
        char hash[65], key[17];
        hex_of(heads[i].hash, 32, hash);
        char *check = head_check(b, &heads[i], key);
        r++;
        row_lines(s, r, text_lines(heads[i].signature, TEXT_WIDTH_MAX));
        cell_int(b, s, r, 0, heads[i].seq);
        cell_text(b, s, r, 1, hash, NULL);
        cell_text(b, s, r, 2, name_of(b->c, heads[i].signer), NULL);
        cell_text(b, s, r, 3, heads[i].at, NULL);
        cell_text(b, s, r, 4, key, NULL);
        cell_text(b, s, r, 5, heads[i].signature, b->f.wrap);
        cell_text(b, s, r, 6, check, NULL);
        free(check);
    }
    if (n == 0)
        cell_note(b, s, ++r, 0, _("no head of the audit chain has been signed yet"), NULL);
    audit_heads_free(heads, n);
    return r;
}

/* The chain as it is now: its length, its last hash, and whether every link holds. */
static lxw_row_t chain_section(struct book *b, struct sheet_out *s, lxw_row_t r)
{
    int64_t seq = 0, events = 0;
    uint8_t hash[32];
    struct diags d = {0};
    if (store_head(b->st, &seq, hash) < 0 || store_verify_chain(b->st, &d, &events) < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    char hex[65];
    hex_of(hash, 32, hex);
    char *text = d.n ? xasprintf(_("The audit chain now ends at event %lld (hash %s); it has %zu "
                                   "problem(s): run simsa verify."),
                                 (long long)seq, hex, d.n)
                     : xasprintf(_("The audit chain now ends at event %lld (hash %s); every one "
                                   "of its %lld events follows from the one before."),
                                 (long long)seq, hex, (long long)events);
    r += 2;
    cell_note(b, s, r, 0, text, NULL);
    free(text);
    /* The anchor a person keeps outside the file (DESIGN.md Trust). */
    text = xasprintf(_("Check a copy of the database against this page: simsa verify --head "
                       "%lld:%s --roster FILE (the roster below, as simsa person list --roster "
                       "writes it)"),
                     (long long)seq, hex);
    cell_note(b, s, ++r, 0, text, NULL);
    free(text);
    diags_free(&d);
    return r;
}

/* The roster: every person with role and whole public key, to compare out of band. */
static lxw_row_t roster_section(struct book *b, struct sheet_out *s, lxw_row_t r)
{
    static const char *const labels[] = {N_("role"), N_("name"), N_("key (id:public key)")};
    r += 2;
    cell_note(b, s, r++, 0, _("The people of the call and their keys (the roster)"), NULL);
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        header_cell(b, s, r, (lxw_col_t)i, _(labels[i]));
    for (size_t i = 0; i < b->c->n_people; i++) {
        const struct person *p = &b->c->people[i];
        char line[17 + 1 + 64 + 1];
        public_key_line(&p->pub, line);
        r++;
        cell_text(b, s, r, 0, role_label(p->role), NULL);
        cell_text(b, s, r, 1, p->name, NULL);
        cell_text(b, s, r, 2, line, NULL);
    }
    return r;
}

/* ---- the signed records, checked in parallel batches ---- */

/* Rows taken from store_signed_rows_each, kept until they are checked and written. */
struct batch {
    const struct call *c;
    struct signed_row p[BATCH];
    bool by_checkpoint[BATCH]; /* the checkpoint relied on covers it */
    struct signed_input in[BATCH];
    struct signed_result res[BATCH];
    size_t n;
};

/* Two batches: while one is checked on its own thread (and signed_check_many's), the next is
 * read from the database here; then the first one's rows are written. */
struct records {
    struct book *b;
    struct sheet_out *s;
    lxw_row_t r;
    struct batch batches[2];
    int filling;            /* the batch records are read into */
    struct batch *checking; /* the batch being checked, or NULL */
    bool threaded;          /* ... on `checker` (else it was checked here) */
    pthread_t checker;
    size_t cap_problems;
    struct sig_cover cover; /* which records the checkpoint relied on covers */
    const struct checkpoint *rely;
};

static void problem_label_add(struct records *x, const char *label, const char *what)
{
    struct book *b = x->b;
    if (b->n_problems == x->cap_problems) {
        x->cap_problems = x->cap_problems ? x->cap_problems * 2 : 16;
        b->problems = xrealloc(b->problems, x->cap_problems * sizeof *b->problems);
    }
    b->problems[b->n_problems++] =
        (struct sig_problem){.label = xstrdup(label), .what = xstrdup(what)};
}

static void problem_add(struct records *x, const struct signed_row *p, const char *what)
{
    problem_label_add(x, p->label, what);
}

static void *check_run(void *arg)
{
    struct batch *bt = arg;
    signed_check_many(bt->c, bt->in, bt->res, bt->n);
    return NULL;
}

/* The rows of a checked batch, in the order read; the batch is empty again. */
static void rows_write(struct records *x, struct batch *bt)
{
    struct book *b = x->b;
    for (size_t i = 0; i < bt->n; i++) {
        struct signed_row *p = &bt->p[i];
        const struct signed_result *res = &bt->res[i];
        char key[17] = "";
        if (res->has_key_id)
            key_id_hex(res->key_id, key);
        lxw_row_t r = ++x->r;
        char *label = signed_label_words(&b->c->program, p->label, b->o && b->o->korean);
        cell_text(b, x->s, r, 0, label, NULL);
        free(label);
        cell_text(b, x->s, r, 1, name_of(b->c, p->signer), NULL);
        cell_text(b, x->s, r, 2, key, NULL);
        const char *check = signed_check_label(res->check);
        cell_text(b, x->s, r, 3, check, NULL);
        if (res->by_checkpoint) {
            char *why =
                xasprintf(_("signature checked by checkpoint %lld"), (long long)x->rely->id);
            cell_text(b, x->s, r, 4, why, NULL);
            free(why);
        } else {
            cell_text(b, x->s, r, 4, res->why, b->f.wrap);
        }
        if (res->check != SIGNED_VERIFIED)
            problem_add(x, p, check);
        b->n_signed++;
        signed_row_clear(p);
        free(res->why);
        book_step(b);
    }
    bt->n = 0;
}

/* Wait for the batch being checked, and write it. */
static void drain(struct records *x)
{
    if (!x->checking)
        return;
    if (x->threaded)
        pthread_join(x->checker, NULL);
    rows_write(x, x->checking);
    x->checking = NULL;
}

/* The batch read is handed to be checked (after the one before it is written); reading goes
 * on into the other. */
static void rotate(struct records *x)
{
    struct batch *full = &x->batches[x->filling];
    drain(x);
    full->c = x->b->c;
    for (size_t i = 0; i < full->n; i++) {
        full->in[i] = signed_row_input(&full->p[i]);
        full->in[i].by_checkpoint = full->by_checkpoint[i];
    }
    x->checking = full;
    x->threaded = pthread_create(&x->checker, NULL, check_run, full) == 0;
    if (!x->threaded)
        check_run(full);
    x->filling = 1 - x->filling;
}

static void on_record(struct signed_row *row, void *arg)
{
    struct records *x = arg;
    struct batch *bt = &x->batches[x->filling];
    char digest[RECORD_DIGEST_HEX + 1];
    bt->by_checkpoint[bt->n] = sig_cover_row(&x->cover, row, digest);
    bt->p[bt->n++] = *row; /* taken: the store clears what it gave */
    memset(row, 0, sizeof *row);
    if (bt->n == BATCH)
        rotate(x);
}

static int problem_cmp(const void *x, const void *y)
{
    return strcmp(((const struct sig_problem *)x)->label, ((const struct sig_problem *)y)->label);
}

/* The checkpoint the records' check relies on (simsa-records(5), "Checkpoints"): who made it,
 * when, through which event; or that every signature is checked here. */
static lxw_row_t checkpoint_section(struct book *b, struct sheet_out *s, lxw_row_t r,
                                    struct checkpoint *cp, bool *relied, struct records *x)
{
    struct diags d = {0};
    struct strlist notes = {0};
    int found = store_checkpoint_trusted(b->st, b->c, cp, &d, &notes);
    if (found < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    *relied = found == 1;
    r += 2;
    char *text;
    if (*relied) {
        char hex[65], *when = korea_time(cp->at);
        hex_of(cp->hash, 32, hex);
        text =
            xasprintf(_("Relied on checkpoint %lld, signed by %s at %s: it verified every "
                        "signature through event %lld (hash %s). The signatures of the "
                        "records it covers are not checked again; their texts and signature "
                        "bytes are compared with it. Every later record is checked here "
                        "(simsa verify --full checks them all)."),
                      (long long)cp->id, name_of(b->c, cp->signer), when, (long long)cp->seq, hex);
        free(when);
    } else {
        text = xstrdup(_("No checkpoint is relied on: every signature is checked here."));
    }
    cell_note(b, s, r, 0, text, NULL);
    free(text);
    for (size_t i = 0; i < notes.n; i++)
        cell_note(b, s, ++r, 0, notes.v[i], NULL);
    for (size_t i = 0; i < d.n; i++) {
        cell_note(b, s, ++r, 0, d.v[i].text, NULL);
        problem_label_add(x, _("checkpoint"), d.v[i].text);
    }
    strlist_free(&notes);
    diags_free(&d);
    return r;
}

void sheet_integrity(struct book *b, struct sheet_out *s)
{
    struct records *x = xcalloc(1, sizeof *x);
    x->b = b;
    x->s = s;
    struct checkpoint cp;
    bool relied = false;
    lxw_row_t r = roster_section(b, s, chain_section(b, s, heads_section(b, s)));
    r = checkpoint_section(b, s, r, &cp, &relied, x) + 2;
    x->rely = relied ? &cp : NULL;
    if (sig_cover_begin(b->st, &x->cover, relied ? cp.seq : 0, 0) < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    for (size_t i = 0; i < sizeof record_labels / sizeof record_labels[0]; i++)
        header_cell(b, s, r, (lxw_col_t)i, _(record_labels[i]));
    x->r = r;
    book_stage(b, s->name, 0);
    int rc = store_signed_rows_each(b->st, b->c, on_record, x);
    if (x->batches[x->filling].n)
        rotate(x);
    drain(x);
    if (rc < 0)
        book_fail(b, "%s", store_errmsg(b->st));
    uint8_t rely_digest[32], made_digest[32];
    int64_t covered = x->cover.n_rely;
    sig_cover_end(&x->cover, rely_digest, made_digest);
    if (relied && (covered != cp.records || memcmp(rely_digest, cp.record_signatures, 32) != 0)) {
        char *text = xasprintf(_("checkpoint %lld: the signatures it covers are not the ones it "
                                 "verified: run simsa verify --full"),
                               (long long)cp.id);
        cell_note(b, s, x->r + 2, 0, text, NULL);
        problem_label_add(x, _("checkpoint"), text);
        free(text);
    }
    worksheet_autofilter(s->ws, r, 0, x->r > r ? x->r : r + 1,
                         (lxw_col_t)(sizeof record_labels / sizeof record_labels[0] - 1));
    free(x);
    if (b->n_problems)
        qsort(b->problems, b->n_problems, sizeof *b->problems, problem_cmp);
    sheet_print(b, s,
                &(struct print_setup){
                    .landscape = true, .repeat_rows = true, .head_first = r, .head_last = r});
    sheet_widths(b, s);
}
