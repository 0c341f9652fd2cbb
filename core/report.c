/* The report model (see report.h): the ranking, every sheet in workbook order, the amount votes,
 * the document review per document, the agreement terms and the signature checks. */
#include "core/report.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/call.h"
#include "core/i18n.h"

static const char *panel_name(const struct call *c, int64_t id)
{
    for (size_t i = 0; id && i < c->n_panels; i++)
        if (c->panels[i].id == id)
            return c->panels[i].name;
    return NULL;
}

static const char *judge_name(const struct call *c, int64_t id)
{
    const struct person *p = call_person_by_id(c, id);
    return p ? p->name : "?";
}

static void sheet_push(struct report *out, size_t app, const struct app_sheet *s, bool counted)
{
    const struct call *c = out->call;
    const struct app_record *r = &c->apps[app];
    const char *why = NULL;
    if (!counted)
        why = call_has_conflict(r, s->s.judge)
                  ? _("not counted: the judge declared a conflict of interest (R6.4)")
                  : _("not counted: the judge is not on the application's panel (R6.3)");
    out->sheets[out->n_sheets++] = (struct report_sheet){
        .app = app,
        .sheet = s,
        .judge = judge_name(c, s->s.judge),
        .total_tenths = sheet_total(&c->program, &s->s),
        .counted = counted,
        .not_counted = why,
    };
}

/* An application's sheets, counted ones first (R6.3, R6.4), with its item sums and votes. */
static void app_fill(struct report *out, size_t app)
{
    const struct call *c = out->call;
    const struct app_record *r = &c->apps[app];
    struct report_app *a = &out->apps[app];
    a->app = app;
    a->first_sheet = out->n_sheets;
    a->panel = panel_name(c, r->panel);
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!sheet_is_counted(c, r, &s->s))
            continue;
        sheet_push(out, app, s, true);
        for (size_t k = 0; k < c->program.n_items && k < PROGRAM_MAX_ITEMS; k++)
            a->item_sums[k] += s->s.item_tenths[k];
        a->amount.votes++;
        a->amount.agree += s->s.agree;
    }
    a->n_counted = out->n_sheets - a->first_sheet;
    for (size_t i = 0; i < r->n_sheets; i++)
        if (!sheet_is_counted(c, r, &r->sheets[i].s))
            sheet_push(out, app, &r->sheets[i], false);
    a->n_sheets = out->n_sheets - a->first_sheet;
    out->n_counted += a->n_counted;
    /* R10.2: more than half of the submitted sheets agree. */
    a->amount.needed = a->amount.votes / 2 + 1;
    a->amount.majority = a->amount.votes > 0 && a->amount.agree >= a->amount.needed;
}

void report_build(const struct call *c, struct report *out)
{
    memset(out, 0, sizeof *out);
    out->call = c;
    call_rank(c, &out->rank);
    size_t total = 0;
    for (size_t i = 0; i < c->n_apps; i++)
        total += c->apps[i].n_sheets;
    out->apps = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *out->apps);
    out->sheets = xcalloc(total ? total : 1, sizeof *out->sheets);
    for (size_t i = 0; i < c->n_apps; i++)
        app_fill(out, i);
    for (size_t i = 0; i < out->rank.n; i++) {
        const struct rank_row *row = &out->rank.rows[i];
        out->apps[row->app].row = row;
        out->apps[row->app].tie_order = row->tie_resolved ? row->rank : 0;
    }
    calibration_compute(c, &out->calibration);
    out->used = xcalloc(out->rank.n ? out->rank.n : 1, sizeof *out->used);
    int64_t used = 0;
    for (size_t i = 0; i < out->rank.n; i++) {
        const struct rank_row *row = &out->rank.rows[i];
        if (row->outcome == OUTCOME_SELECTED && row->has_amount)
            used += row->amount;
        out->used[i] = used;
    }
}

void report_free(struct report *r)
{
    rank_result_free(&r->rank);
    free(r->apps);
    free(r->sheets);
    calibration_free(&r->calibration);
    free(r->used);
    memset(r, 0, sizeof *r);
}

const struct report_app *report_app_of(const struct report *r, const struct rank_row *row)
{
    return &r->apps[row->app];
}

/* ---- R2–R4 ---- */

/* R2.1: the submission that counts for a document: a valid one if any, else the latest. */
static void doc_fill(const struct program *p, const struct app_record *r, const struct doc_def *d,
                     struct doc_check *out)
{
    *out = (struct doc_check){.def = d};
    bool valid = false;
    for (size_t i = 0; i < r->n_docs && !valid; i++) {
        const struct submitted_doc *s = &r->docs[i];
        if (s->number != d->number)
            continue;
        valid = doc_is_valid_on(p, s->issued);
        if (valid || !out->submitted || s->issued > out->issued)
            out->issued = s->issued;
        out->submitted = true;
    }
    if (valid)
        out->status = DOC_VALID;
    else if (out->submitted)
        out->status = out->issued < p->docs_issued_after ? DOC_EARLY : DOC_LATE;
    else if (!d->required)
        out->status = DOC_OPTIONAL;
    else if (d->startup_exempt && startup_exempt(p, r->a.founded))
        out->status = DOC_EXEMPT; /* R2.2 */
    else
        out->status = DOC_MISSING;
}

void report_review(const struct call *c, const struct app_record *r, struct report_review *out)
{
    const struct program *p = &c->program;
    memset(out, 0, sizeof *out);
    out->docs = xcalloc(p->n_docs ? p->n_docs : 1, sizeof *out->docs);
    out->n_docs = p->n_docs;
    for (size_t i = 0; i < p->n_docs; i++)
        doc_fill(p, r, &p->docs[i], &out->docs[i]);
    out->dqs = xcalloc(p->n_dqs ? p->n_dqs : 1, sizeof *out->dqs);
    out->n_dqs = p->n_dqs;
    for (size_t i = 0; i < p->n_dqs; i++) {
        out->dqs[i].def = &p->dqs[i];
        /* R4: the last answer recorded for an item is the one in force. */
        for (size_t k = 0; k < r->n_answers; k++) {
            if (strcmp(r->answers[k].item, p->dqs[i].id) == 0) {
                out->dqs[i].answer = r->answers[k].answer;
                out->dqs[i].note = r->answers[k].note;
            }
        }
    }
    call_review(c, r, &out->now);
}

void report_review_free(struct report_review *rv)
{
    free(rv->docs);
    free(rv->dqs);
    review_result_free(&rv->now);
    memset(rv, 0, sizeof *rv);
}

const char *doc_status_label(enum doc_status s)
{
    switch (s) {
    case DOC_VALID:
        return _("valid");
    case DOC_EARLY:
        return _("issued before the window (R2.1)");
    case DOC_LATE:
        return _("issued after the deadline (R2.1)");
    case DOC_MISSING:
        return _("missing (R2.3)");
    case DOC_EXEMPT:
        return _("may be omitted (R2.2)");
    case DOC_OPTIONAL:
        return _("optional, not submitted");
    }
    return "?";
}

/* ---- R12.2 ---- */

void agreement_terms(const struct program *p, const struct application *a,
                     struct agreement_terms *out)
{
    memset(out, 0, sizeof *out);
    out->copay = a->copay;
    out->copay_due_days = p->copay_due_days;
    out->advance = p->advance_payment;
    out->copay_due =
        xasprintf(ngettext("within %d day of the agreement", "within %d days of the agreement",
                           (unsigned long)p->copay_due_days),
                  p->copay_due_days);
    char day[11];
    if (p->project_months > 0) {
        out->project_period =
            xasprintf(ngettext("%d month from the agreement", "%d months from the agreement",
                               (unsigned long)p->project_months),
                      p->project_months);
    } else {
        date_format(p->project_end, day);
        out->project_period = xasprintf(_("from the agreement to %s"), day);
    }
    if (p->dev_done_months_before > 0) {
        out->development_due = xasprintf(ngettext("%d month before the project ends",
                                                  "%d months before the project ends",
                                                  (unsigned long)p->dev_done_months_before),
                                         p->dev_done_months_before);
    } else {
        date_format(p->dev_done_by, day);
        out->development_due = xasprintf(_("by %s"), day);
    }
}

void agreement_terms_free(struct agreement_terms *t)
{
    free(t->copay_due);
    free(t->project_period);
    free(t->development_due);
    memset(t, 0, sizeof *t);
}

const char *outcome_plain_words(enum outcome o)
{
    switch (o) {
    case OUTCOME_SELECTED:
        return _("selected for support");
    case OUTCOME_WAITLISTED:
        return _("on the waiting list");
    case OUTCOME_TIE:
        return _("waiting for the committee to order a tie");
    case OUTCOME_EXCLUDED:
        return _("not selected: the score is below the line");
    case OUTCOME_INELIGIBLE:
        return _("not eligible");
    case OUTCOME_INCOMPLETE:
        return _("evaluation not complete");
    case OUTCOME_UNREVIEWED:
        return _("document review not decided yet");
    case OUTCOME_FORFEITED:
        return _("forfeited");
    }
    return "?";
}

/* ---- R14 ---- */

void signed_check(const struct call *c, const struct signed_input *in, struct signed_result *out)
{
    memset(out, 0, sizeof *out);
    const struct person *who = call_person_by_id(c, in->signer);
    /* Decoding the signature for its key id is skipped when nothing will read it. */
    bool key_wanted = !(in->by_checkpoint && in->no_key_id);
    if (key_wanted && in->signature && minisig_signer_id(in->signature, out->key_id) == 0)
        out->has_key_id = true;
    else if (key_wanted && who) {
        memcpy(out->key_id, who->pub.key_id, KEY_ID_BYTES);
        out->has_key_id = true;
    }
    const char *why = NULL;
    if (!in->signed_text || !in->signature) {
        out->check = SIGNED_NOT_SIGNED;
    } else if (!in->derived) {
        out->check = SIGNED_UNREADABLE;
        out->why = xstrdup(in->derive_error ? in->derive_error
                                            : _("a stored value cannot be read as the record"));
    } else if (strcmp(in->derived, in->signed_text) != 0) {
        out->check = SIGNED_CHANGED;
    } else if (!who) {
        out->check = SIGNED_UNKNOWN_SIGNER;
    } else if (in->by_checkpoint) {
        out->by_checkpoint = true;
    } else if (minisig_verify(&who->pub, in->signed_text, strlen(in->signed_text), in->signature,
                              NULL, &why) != 0) {
        out->check = SIGNED_BAD_SIGNATURE;
        out->why = xstrdup(why ? why : _("it does not match the signer's key"));
    }
}

void signed_result_diag(const struct call *c, const char *label, int64_t signer,
                        const struct signed_result *res, struct diags *d)
{
    const struct person *who = call_person_by_id(c, signer);
    switch (res->check) {
    case SIGNED_VERIFIED:
        break;
    case SIGNED_NOT_SIGNED:
        diags_add(d, NULL, 0, 0, _("%s: not signed"), label);
        break;
    case SIGNED_UNREADABLE:
        diags_add(d, NULL, 0, 0, _("%s: the stored values are not valid (%s)"), label, res->why);
        break;
    case SIGNED_CHANGED:
        diags_add(d, NULL, 0, 0, _("%s: the stored values differ from what was signed"), label);
        break;
    case SIGNED_UNKNOWN_SIGNER:
        diags_add(d, NULL, 0, 0, _("%s: signed by an unknown person"), label);
        break;
    case SIGNED_BAD_SIGNATURE:
        diags_add(d, NULL, 0, 0, _("%s: signature of %s does not verify: %s"), label,
                  who ? who->name : "?", res->why);
        break;
    }
}

enum { CHECK_CHUNK = 64 };

struct check_job {
    const struct call *c;
    const struct signed_input *in;
    struct signed_result *out;
    size_t n;
};

static void check_one(size_t i, void *ctx)
{
    struct check_job *job = ctx;
    signed_check(job->c, &job->in[i], &job->out[i]);
}

void signed_check_many(const struct call *c, const struct signed_input *in,
                       struct signed_result *out, size_t n)
{
    struct check_job job = {.c = c, .in = in, .out = out, .n = n};
    parallel_for(n, check_one, &job);
}

/* The items are handed out in chunks from one counter, so a thread that is slowed (by the
 * machine's other work) takes fewer of them. */
struct parallel_job {
    size_t n;
    void (*fn)(size_t i, void *ctx);
    void *ctx;
    atomic_size_t next;
};

static void *parallel_worker(void *arg)
{
    struct parallel_job *job = arg;
    for (;;) {
        size_t from = atomic_fetch_add(&job->next, CHECK_CHUNK);
        if (from >= job->n)
            return NULL;
        size_t to = from + CHECK_CHUNK < job->n ? from + CHECK_CHUNK : job->n;
        for (size_t i = from; i < to; i++)
            job->fn(i, job->ctx);
    }
}

void parallel_for(size_t n, void (*fn)(size_t i, void *ctx), void *ctx)
{
    struct parallel_job job = {.n = n, .fn = fn, .ctx = ctx};
    atomic_init(&job.next, 0);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = cpus < 1 ? 1 : cpus > SIGNED_THREADS_MAX ? SIGNED_THREADS_MAX : (size_t)cpus;
    size_t chunks = (n + CHECK_CHUNK - 1) / CHECK_CHUNK;
    if (threads > chunks)
        threads = chunks ? chunks : 1;
    pthread_t tids[SIGNED_THREADS_MAX];
    size_t started = 0;
    /* This thread is one of them; one that cannot be started leaves its share to the rest. */
    for (size_t k = 1; k < threads; k++)
        if (pthread_create(&tids[started], NULL, parallel_worker, &job) == 0)
            started++;
    parallel_worker(&job);
    for (size_t k = 0; k < started; k++)
        pthread_join(tids[k], NULL);
}

const char *signed_check_label(enum signed_check s)
{
    switch (s) {
    case SIGNED_VERIFIED:
        return _("verified");
    case SIGNED_NOT_SIGNED:
        return _("not signed");
    case SIGNED_UNREADABLE:
        return _("stored values not valid");
    case SIGNED_CHANGED:
        return _("stored values differ from what was signed");
    case SIGNED_UNKNOWN_SIGNER:
        return _("signed by an unknown person");
    case SIGNED_BAD_SIGNATURE:
        return _("signature does not verify");
    }
    return "?";
}

static int cmp_event_digest(const void *a, const void *b)
{
    const struct recorded_event *x = a, *y = b;
    int c = strcmp(x->digest, y->digest);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int cmp_row_digest(const void *a, const void *b)
{
    const struct recorded_row *x = a, *y = b;
    return strcmp(x->digest, y->digest);
}

static int cmp_row_index(const void *a, const void *b)
{
    const struct recorded_row *x = a, *y = b;
    return (x->index > y->index) - (x->index < y->index);
}

void records_match_events(struct recorded_event *ev, size_t n_ev, struct recorded_row *rows,
                          size_t n_rows, struct diags *d)
{
    /* verify hands the events over sorted already (it searched them). */
    bool sorted = true;
    for (size_t k = 1; sorted && k < n_ev; k++)
        sorted = cmp_event_digest(&ev[k - 1], &ev[k]) <= 0;
    if (!sorted)
        qsort(ev, n_ev, sizeof *ev, cmp_event_digest);
    if (n_rows)
        qsort(rows, n_rows, sizeof *rows, cmp_row_digest);
    size_t i = 0, j = 0;
    while (i < n_ev || j < n_rows) {
        const char *key = i < n_ev && (j >= n_rows || strcmp(ev[i].digest, rows[j].digest) <= 0)
                              ? ev[i].digest
                              : rows[j].digest;
        size_t e0 = i, r0 = j;
        while (i < n_ev && strcmp(ev[i].digest, key) == 0)
            i++;
        while (j < n_rows && strcmp(rows[j].digest, key) == 0)
            j++;
        size_t n_e = i - e0, n_r = j - r0;
        for (size_t k = 0; k < n_e && k < n_r; k++)
            rows[r0 + k].seq = ev[e0 + k].seq;
        if (n_e == 0) {
            for (size_t k = r0; k < j; k++)
                diags_add(d, NULL, 0, 0, _("%s: no audit event records it"), rows[k].label);
            continue;
        }
        for (size_t k = r0 + n_e; k < j; k++)
            diags_add(d, NULL, 0, 0,
                      _("%s: stored more than once (a copy of a signed record, or a replay)"),
                      rows[k].label);
        for (size_t k = e0 + n_r; k < i; k++)
            diags_add(d, NULL, 0, 0, _("event %lld (%s): the signed record it recorded is missing"),
                      (long long)ev[k].seq, ev[k].what);
    }
    if (n_rows)
        qsort(rows, n_rows, sizeof *rows, cmp_row_index);
    for (size_t k = 1; k < n_rows; k++) {
        const struct recorded_row *a = &rows[k - 1], *b = &rows[k];
        size_t wa = strcspn(a->label, " "), wb = strcspn(b->label, " ");
        if (wa == wb && strncmp(a->label, b->label, wa) == 0 && a->seq && b->seq && b->seq < a->seq)
            diags_add(d, NULL, 0, 0,
                      _("%s: stored after %s, but recorded before it (event %lld, %lld): rows "
                        "were swapped"),
                      b->label, a->label, (long long)b->seq, (long long)a->seq);
    }
}

void recorded_events_free(struct recorded_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ev[i].what);
    free(ev);
}

/* ---- words of the printed workbook ---- */

/* The kinds of signed record, as db/verify.c's labels begin, longest first where one is the
 * start of another. */
static const char *const record_kinds[] = {
    N_("tie decision"), N_("budget change"), N_("audit head"), N_("final result"), N_("inspection"),
    N_("conflict"),     N_("review"),        N_("bonus"),      N_("sheet"),        N_("forfeit"),
};

char *signed_label_words(const struct program *p, const char *label, bool korean)
{
    for (size_t i = 0; i < sizeof record_kinds / sizeof record_kinds[0]; i++) {
        size_t n = strlen(record_kinds[i]);
        if (strncmp(label, record_kinds[i], n) != 0 || label[n] != ' ')
            continue;
        const char *rest = label + n + 1, *slash = strchr(rest, '/');
        if (!strcmp(record_kinds[i], "bonus") && slash) {
            const struct bonus_def *b = program_bonus(p, slash + 1);
            if (b) {
                const char *name = korean || !b->name_en || !*b->name_en ? b->name_ko : b->name_en;
                return xasprintf("%s %.*s/%s", _(record_kinds[i]), (int)(slash - rest), rest,
                                 name ? name : b->id);
            }
        }
        return xasprintf("%s %s", _(record_kinds[i]), rest);
    }
    return xstrdup(label);
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

char *korea_time(const char *utc)
{
    /* YYYY-MM-DDTHH:MM:SSZ */
    if (!utc || strlen(utc) != 20 || !digits(utc, 4) || utc[4] != '-' || !digits(utc + 5, 2) ||
        utc[7] != '-' || !digits(utc + 8, 2) || utc[10] != 'T' || !digits(utc + 11, 2) ||
        utc[13] != ':' || !digits(utc + 14, 2) || utc[16] != ':' || !digits(utc + 17, 2) ||
        utc[19] != 'Z')
        return xstrdup(utc ? utc : "");
    int y = atoi(utc), mo = atoi(utc + 5), d = atoi(utc + 8), h = atoi(utc + 11) + 9;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12)
        return xstrdup(utc);
    if (h >= 24) {
        h -= 24;
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int last = days[mo - 1] + (mo == 2 && leap);
        if (++d > last) {
            d = 1;
            if (++mo > 12) {
                mo = 1;
                y++;
            }
        }
    }
    return xasprintf("%04d-%02d-%02d %02d:%.5s KST", y, mo, d, h, utc + 14);
}

char *sheet_comments_text(const struct program *p, const struct sheet *sh, bool korean)
{
    struct strlist lines = {0};
    for (size_t k = 0; k < p->n_items; k++) {
        const char *text = sheet_comment(sh, k);
        if (!text || !*text)
            continue;
        const struct rubric_item *it = &p->items[k];
        const char *name = korean || !it->name_en || !*it->name_en ? it->name_ko : it->name_en;
        strlist_addf(&lines, "%s: %s", name, text);
    }
    char *joined = lines.n ? strlist_join(&lines, "\n") : NULL;
    strlist_free(&lines);
    return joined;
}
