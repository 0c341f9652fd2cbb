/* The score form (see scoreform.h): fields built from the program's rubric, drafts saved as
 * fields are left, the review page and the signed submission (db/write.h, as `score import`). */
#include "tui/scoreform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/session.h"
#include "core/sheet.h"
#include "db/draft.h"
#include "db/write.h"
#include "tui/draw.h"
#include "tui/form.h"

/* Which field is which: item k's score is field 2k, its comment 2k + 1, then these. */
#define ITEM_FIELD(k) (2 * (k))
#define COMMENT_FIELD(k) (2 * (k) + 1)
#define VOTE_FIELD(p) (2 * (p)->n_items)
#define AMOUNT_FIELD(p) (2 * (p)->n_items + 1)
#define OPINION_FIELD(p) (2 * (p)->n_items + 2)

enum { VOTE_AGREE, VOTE_ADJUST };

struct scoreform {
    char *app;     /* application id: indices move when the call is read again */
    int64_t judge; /* person id */
    char *saved;   /* the draft as last saved, to skip saving it again unchanged */
    /* The room's clock over the form (issue 15), read again when another terminal wrote. */
    bool clock_read, clock_found;
    int64_t clock_version;
    struct room_clock clock;
};

static void scoreform_free(void *ctx)
{
    struct scoreform *sf = ctx;
    free(sf->app);
    free(sf->saved);
    free(sf);
}

/* ---- The draft: "key=value" lines, backslash and line feed escaped. ---- */

static void payload_put(struct strbuf *b, const char *key, const char *value)
{
    strbuf_puts(b, key);
    strbuf_puts(b, "=");
    for (const char *s = value; *s; s++)
        strbuf_puts(b, *s == '\\' ? "\\\\" : *s == '\n' ? "\\n" : (char[2]){*s, '\0'});
    strbuf_puts(b, "\n");
}

static char *payload_of(const struct program *p, const struct form *f)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "");
    for (size_t k = 0; k < p->n_items; k++) {
        char *score = form_text(&f->fields[ITEM_FIELD(k)]);
        char *comment = form_text(&f->fields[COMMENT_FIELD(k)]);
        char *key = xasprintf("item.%s", p->items[k].id);
        payload_put(&b, key, score);
        free(key);
        key = xasprintf("comment.%s", p->items[k].id);
        payload_put(&b, key, comment);
        free(key);
        free(score);
        free(comment);
    }
    char *amount = form_text(&f->fields[AMOUNT_FIELD(p)]);
    char *opinion = form_text(&f->fields[OPINION_FIELD(p)]);
    payload_put(&b, "vote", f->fields[VOTE_FIELD(p)].choice == VOTE_ADJUST ? "adjust" : "agree");
    payload_put(&b, "amount", amount);
    payload_put(&b, "opinion", opinion);
    free(amount);
    free(opinion);
    return b.s;
}

/* One "key=value" line back into the field it came from. */
static void payload_apply_line(const struct program *p, struct form *f, const char *key,
                               const char *value)
{
    size_t k;
    if (strncmp(key, "item.", 5) == 0 && program_item(p, key + 5, &k))
        lineedit_set(&f->fields[ITEM_FIELD(k)].edit, value);
    else if (strncmp(key, "comment.", 8) == 0 && program_item(p, key + 8, &k))
        lineedit_set(&f->fields[COMMENT_FIELD(k)].edit, value);
    else if (strcmp(key, "vote") == 0)
        f->fields[VOTE_FIELD(p)].choice = strcmp(value, "adjust") == 0 ? VOTE_ADJUST : VOTE_AGREE;
    else if (strcmp(key, "amount") == 0)
        lineedit_set(&f->fields[AMOUNT_FIELD(p)].edit, value);
    else if (strcmp(key, "opinion") == 0)
        lineedit_set(&f->fields[OPINION_FIELD(p)].edit, value);
}

static void payload_apply(const struct program *p, struct form *f, const char *payload)
{
    char *copy = xstrdup(payload), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        char *out = eq + 1;
        for (const char *s = eq + 1; *s; s++) /* unescape in place */
            *out++ = (*s == '\\' && s[1]) ? (*++s == 'n' ? '\n' : *s) : *s;
        *out = '\0';
        payload_apply_line(p, f, line, eq + 1);
    }
    free(copy);
}

/* Each field left: the whole form as a draft, unless it is as last saved. */
static void scoreform_changed(struct tui *t, struct form *f, size_t field)
{
    (void)field;
    struct scoreform *sf = f->ctx;
    char *payload = payload_of(&t->call.program, f);
    if (sf->saved && strcmp(sf->saved, payload) == 0) {
        free(payload);
        return;
    }
    if (draft_save(t->store, sf->judge, sf->app, payload) < 0) {
        snprintf(f->error, sizeof f->error, _("the draft was not saved: %s"),
                 store_errmsg(t->store));
        free(payload);
        return;
    }
    free(sf->saved);
    sf->saved = payload;
}

/* ---- The live check: hints, the amount vote (R10.1), the total and the opinion. ---- */

/* The scores typed so far into s; returns how many items have a good one. */
static size_t scores_typed(const struct program *p, const struct form *f, struct sheet *s)
{
    size_t n = 0;
    for (size_t k = 0; k < p->n_items; k++) {
        const struct form_field *fl = &f->fields[ITEM_FIELD(k)];
        s->item_tenths[k] = 0;
        if (fl->edit.len && !fl->note_bad) {
            s->item_tenths[k] = (int16_t)fl->value; /* a score the field accepted */
            n++;
        }
    }
    return n;
}

static void amount_check(struct tui *t, struct form *f, const struct app_record *r)
{
    const struct program *p = &t->call.program;
    struct form_field *fl = &f->fields[AMOUNT_FIELD(p)];
    bool adjust = f->fields[VOTE_FIELD(p)].choice == VOTE_ADJUST;
    char requested[32];
    amount_format(r->a.requested, requested, sizeof requested);
    if (fl->note_bad && fl->edit.len)
        return; /* not an amount at all: the form's own reason stays */
    char why[200];
    const char *refusal =
        adjust && fl->edit.len ? sheet_amount_refusal(r, fl->value, why, sizeof why) : NULL;
    fl->note_bad = (adjust && !fl->edit.len) || refusal;
    if (adjust && !fl->edit.len)
        snprintf(fl->note, sizeof fl->note, _("✗ write the adjusted amount, at most %s won"),
                 requested);
    else if (refusal)
        snprintf(fl->note, sizeof fl->note, "✗ %s", refusal);
    else if (adjust) {
        snprintf(fl->note, sizeof fl->note, _("✓ adjusted; requested %s won"), requested);
    } else {
        snprintf(fl->note, sizeof fl->note,
                 _("agreeing: the requested %s won (no amount to write)"), requested);
    }
}

static void hints_set(struct tui *t, struct form *f)
{
    const struct program *p = &t->call.program;
    for (size_t k = 0; k < p->n_items; k++) {
        struct form_field *fl = &f->fields[ITEM_FIELD(k)];
        if (!fl->note_bad)
            snprintf(fl->note, sizeof fl->note, "%s",
                     tui_lang(t, p->items[k].desc_ko, p->items[k].desc_en));
    }
}

static void scoreform_check(struct tui *t, struct form *f)
{
    struct scoreform *sf = f->ctx;
    const struct program *p = &t->call.program;
    const struct app_record *r = call_find_app(&t->call, sf->app);
    if (!r)
        return;
    hints_set(t, f);
    amount_check(t, f, r);
    struct sheet typed = {0};
    size_t scored = scores_typed(p, f, &typed);
    int32_t total = sheet_total(p, &typed);
    char sum[16], most[16];
    tenths_format(total, sum, sizeof sum);
    tenths_format(program_total_tenths(p), most, sizeof most);
    snprintf(f->summary, sizeof f->summary, _("Total %s of %s (%zu of %zu items scored)"), sum,
             most, scored, p->n_items);
    f->summary_bad = false;
    /* The opinion's only note is this check's. */
    struct form_field *op = &f->fields[OPINION_FIELD(p)];
    char *opinion = form_text(op), why[200];
    const char *refusal =
        scored == p->n_items ? sheet_opinion_refusal(p, total, opinion, why, sizeof why) : NULL;
    op->note_bad = refusal != NULL;
    snprintf(op->note, sizeof op->note, refusal ? "✗ %s" : "%s", refusal ? refusal : "");
    free(opinion);
}

/* ---- The review page and the signature ---- */

/* The review page's sheet: a struct sheet whose strings it owns. */
static void review_free(void *ctx)
{
    struct sheet *rv = ctx;
    for (size_t k = 0; k < PROGRAM_MAX_ITEMS; k++)
        free((char *)rv->comments[k]);
    free(rv->comments);
    free((char *)rv->app);
    free((char *)rv->opinion);
    free(rv);
}

static int review_submit(struct tui *t, struct form *f)
{
    struct sheet *rv = f->ctx;
    const struct person *me = tui_me(t);
    const struct app_record *r = call_find_app(&t->call, rv->app);
    char why_buf[256];
    const char *refusal = r && me ? sheet_refusal(&t->call, r, me, rv, why_buf, sizeof why_buf)
                                  : _("sign in first (S): reading needs no sign-in, changes do");
    if (refusal) {
        snprintf(f->error, sizeof f->error, "%s", refusal);
        return -1;
    }
    char *pass = form_text(&f->fields[0]);
    const char *why = NULL;
    struct secret_key key = {0};
    int rc = key_unseal(&me->sealed, pass, strlen(pass), &key, &why);
    explicit_bzero(pass, strlen(pass));
    free(pass);
    lineedit_wipe(&f->fields[0].edit);
    if (rc < 0) {
        snprintf(f->error, sizeof f->error, "%s: %s", me->name, why ? why : "?");
        return -1;
    }
    /* In one transaction: the sheet signed with the key the passphrase unseals, the draft gone
     * (a trigger), and the audit head signed. */
    rc = store_submit_sheets(t->store, &t->call, rv, NULL, 1, me, &key);
    secret_key_wipe(&key);
    if (rc < 0) {
        snprintf(f->error, sizeof f->error, _("%s: %s; nothing was changed"), rv->app,
                 store_errmsg(t->store));
        return -1;
    }
    char total[16];
    tenths_format(sheet_total(&t->call.program, rv), total, sizeof total);
    tui_changed(t, _("%s: your sheet is signed and submitted (total %s); it is read-only now"),
                rv->app, total);
    return 0;
}

/* The values of a good score form, for the review page. */
static struct sheet *review_of(struct tui *t, const struct form *f)
{
    const struct scoreform *sf = f->ctx;
    const struct program *p = &t->call.program;
    struct sheet *rv = xcalloc(1, sizeof *rv);
    rv->app = xstrdup(sf->app);
    rv->judge = sf->judge;
    rv->comments = xcalloc(PROGRAM_MAX_ITEMS, sizeof *rv->comments);
    for (size_t k = 0; k < p->n_items; k++) {
        rv->item_tenths[k] = (int16_t)f->fields[ITEM_FIELD(k)].value;
        rv->comments[k] = form_text(&f->fields[COMMENT_FIELD(k)]);
    }
    rv->agree = f->fields[VOTE_FIELD(p)].choice == VOTE_AGREE;
    rv->amount = rv->agree ? call_find_app(&t->call, sf->app)->a.requested
                           : f->fields[AMOUNT_FIELD(p)].value;
    char *opinion = form_text(&f->fields[OPINION_FIELD(p)]);
    str_trim(opinion);
    rv->opinion = opinion;
    return rv;
}

static void review_intro(struct tui *t, struct form *f, const struct sheet *rv)
{
    const struct program *p = &t->call.program;
    const struct app_record *r = call_find_app(&t->call, rv->app);
    form_intro(f, "%s", f->title); /* a form that fills the body has no frame for its title */
    form_intro(f, "%s  %s  %s", r->a.id, r->a.company, r->a.title);
    int name_cols = 0;
    for (size_t k = 0; k < p->n_items; k++) {
        int w = text_width(tui_lang(t, p->items[k].name_ko, p->items[k].name_en));
        name_cols = w > name_cols ? w : name_cols;
    }
    for (size_t k = 0; k < p->n_items; k++) {
        char score[16], most[16], line[40];
        tenths_format(rv->item_tenths[k], score, sizeof score);
        tenths_format(p->items[k].max_tenths, most, sizeof most);
        snprintf(line, sizeof line, "%s / %s", score, most);
        char *name =
            text_pad(tui_lang(t, p->items[k].name_ko, p->items[k].name_en), name_cols, ALIGN_LEFT);
        char *figure = text_pad(line, 9, ALIGN_RIGHT);
        form_intro(f, "  %s  %s%s%s", name, figure, *rv->comments[k] ? "  - " : "",
                   rv->comments[k]);
        free(name);
        free(figure);
    }
    char total[16], most[16], amount[32];
    tenths_format(sheet_total(p, rv), total, sizeof total);
    tenths_format(program_total_tenths(p), most, sizeof most);
    form_intro(f, _("Total %s of %s"), total, most);
    amount_format(rv->amount, amount, sizeof amount);
    if (rv->agree)
        form_intro(f, _("Amount: agree to the requested %s won"), amount);
    else
        form_intro(f, _("Amount: adjusted to %s won"), amount);
    form_intro(f, _("Opinion: %s"), *rv->opinion ? rv->opinion : "-");
    form_intro(f, "%s", _("Your passphrase signs the sheet; it cannot be changed afterwards."));
}

static int scoreform_submit(struct tui *t, struct form *f)
{
    struct sheet *rv = review_of(t, f);
    struct form *review = form_new(_("Review and sign the sheet"));
    review_intro(t, review, rv);
    form_add(review, FIELD_PASSWORD, _("Passphrase"), NULL);
    review->ctx = rv;
    review->ctx_free = review_free;
    review->submit = review_submit;
    review->submit_label = _("sign");
    review->full = true;
    f->next = review;
    return 0;
}

/* ---- Opening ---- */

static void fields_add(struct tui *t, struct form *f, const struct app_record *r)
{
    const struct program *p = &t->call.program;
    for (size_t k = 0; k < p->n_items; k++) {
        const struct rubric_item *it = &p->items[k];
        char most[16];
        tenths_format(it->max_tenths, most, sizeof most);
        char *label = xasprintf("%s (0-%s)", tui_lang(t, it->name_ko, it->name_en), most);
        struct form_field *fl = form_add(f, FIELD_SCORE, label, NULL);
        fl->max_tenths = it->max_tenths;
        fl->step_tenths = p->step_tenths;
        free(label);
        form_add(f, FIELD_TEXT, _("  comment"), NULL)->optional = true;
    }
    const char *votes[] = {_("agree to the requested amount"), _("adjust the amount")};
    form_add_choice(f, _("Amount"), votes, 2, VOTE_AGREE);
    form_add(f, FIELD_AMOUNT, _("Adjusted amount (won)"), NULL)->optional = true;
    struct form_field *op = form_add(f, FIELD_NOTES, _("Overall opinion"), NULL);
    op->optional = true;
    op->rows = 3;
    char requested[32];
    amount_format(r->a.requested, requested, sizeof requested);
    form_intro(f, "%s", f->title); /* a form that fills the body has no frame for its title */
    form_intro(f, "%s  %s  %s", r->a.id, r->a.company, r->a.title);
    char step[16];
    tenths_format(p->step_tenths, step, sizeof step);
    form_intro(f,
               _("Requested %s won. Scores in steps of %s; each field is saved as a draft when "
                 "you leave it; Ctrl-S reviews and signs."),
               requested, step);
}

/* The form's top row: the room's application and time left, as the session screen shows them
 * (one clock for the room, issue 15); none while the secretariat runs no presentation. */
static int clock_header(struct tui *t, struct form *f, char *buf, size_t n)
{
    struct scoreform *sf = f->ctx;
    if (!sf->clock_read || sf->clock_version != t->data_version) {
        sf->clock_read = true;
        sf->clock_version = t->data_version;
        if (store_room_clock(t->store, &sf->clock, &sf->clock_found) < 0)
            sf->clock_found = false;
    }
    const struct app_record *r = sf->clock_found ? call_find_app(&t->call, sf->clock.app) : NULL;
    if (!r)
        return -1;
    const struct program *p = &t->call.program;
    const struct session_timer *tm = &sf->clock.timer;
    int64_t now = tui_now_ms(t), ms = timer_left_ms(p, tm, now);
    enum timer_level level = timer_level(p, tm, now);
    char left[16];
    timer_format(level == TIMER_OVER ? -ms : ms, left, sizeof left);
    const char *state = tm->running ? _("running") : _("paused");
    const char *phase = tm->phase == TIMER_PRESENTATION ? _("Presentation") : _("Questions");
    if (tm->phase == TIMER_DONE)
        snprintf(buf, n, _("now: %s %s · presentation and questions are over"), r->a.id,
                 r->a.company);
    else if (level == TIMER_OVER)
        snprintf(buf, n, _("now: %s %s · %s: over time by %s (%s)"), r->a.id, r->a.company, phase,
                 left, state);
    else
        snprintf(buf, n, _("now: %s %s · %s: %s left (%s)"), r->a.id, r->a.company, phase, left,
                 state);
    return level == TIMER_OVER ? STYLE_BAD : level == TIMER_ENDING ? STYLE_TIE : STYLE_GOOD;
}

void scoreform_open(struct tui *t, size_t app)
{
    if (!tui_may(t, ROLE_JUDGE) || app >= t->call.n_apps)
        return;
    const struct person *me = tui_me(t);
    const struct app_record *r = &t->call.apps[app];
    char why[256];
    const char *refusal = sheet_refusal(&t->call, r, me, NULL, why, sizeof why);
    if (refusal) {
        tui_message(t, true, "%s", refusal);
        return;
    }
    char *title = xasprintf(_("Score sheet: %s"), r->a.company);
    struct form *f = form_new(title);
    free(title);
    struct scoreform *sf = xcalloc(1, sizeof *sf);
    sf->app = xstrdup(r->a.id);
    sf->judge = me->id;
    f->ctx = sf;
    f->ctx_free = scoreform_free;
    fields_add(t, f, r);
    char *payload = NULL;
    if (draft_load(t->store, me->id, r->a.id, &payload) == 0 && payload) {
        payload_apply(&t->call.program, f, payload);
        sf->saved = payload;
    }
    f->check = scoreform_check;
    f->changed = scoreform_changed;
    f->submit = scoreform_submit;
    f->submit_label = _("review and sign");
    f->full = true;
    f->header = clock_header;
    tui_form_open(t, f);
}
