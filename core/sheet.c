/* One score sheet and its rules (see sheet.h). */
#include "core/sheet.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/keys.h"
#include "core/parse.h"
#include "core/records.h"

int32_t sheet_total(const struct program *p, const struct sheet *s)
{
    int32_t total = 0;
    for (size_t k = 0; k < p->n_items && k < PROGRAM_MAX_ITEMS; k++)
        total += s->item_tenths[k];
    return total;
}

const char *sheet_comment(const struct sheet *s, size_t k)
{
    return s->comments && k < PROGRAM_MAX_ITEMS ? s->comments[k] : NULL;
}

bool sheet_is_counted(const struct call *c, const struct app_record *r, const struct sheet *s)
{
    return call_judge_on_app(c, r, s->judge) && !call_has_conflict(r, s->judge);
}

const char *sheet_amount_refusal(const struct app_record *r, int64_t amount, char *buf, size_t len)
{
    if (amount <= r->a.requested)
        return NULL;
    char adjusted[32], requested[32];
    amount_format(amount, adjusted, sizeof adjusted);
    amount_format(r->a.requested, requested, sizeof requested);
    /* R10.1: 0 <= adjusted <= requested */
    return refusal_format(buf, len, _("R10.1: adjusted amount %s is above the requested %s"),
                          adjusted, requested);
}

const char *sheet_opinion_refusal(const struct program *p, int32_t total_tenths,
                                  const char *opinion, char *buf, size_t len)
{
    while (opinion && (*opinion == ' ' || *opinion == '\t' || *opinion == '\n' || *opinion == '\r'))
        opinion++;
    if (total_tenths >= p->threshold_tenths || (opinion && *opinion))
        return NULL;
    char total[16], threshold[16];
    tenths_format(total_tenths, total, sizeof total);
    tenths_format(p->threshold_tenths, threshold, sizeof threshold);
    return refusal_format(
        buf, len,
        _("the total %s is below %s: write the overall opinion, the reason the company "
          "is told"),
        total, threshold);
}

size_t sheet_problems(const struct call *c, const struct app_record *r, const struct person *judge,
                      const struct sheet *s, unsigned checks, sheet_say_fn *say, void *ctx)
{
    char buf[512];
    size_t n = 0;
    if (!s)
        checks &= SHEET_CHECK_WHO;
#define SAY(part, ...) (say(ctx, (part), refusal_format(buf, sizeof buf, __VA_ARGS__)), n++)
    if (checks & SHEET_CHECK_WHO) {
        if (r->review != REVIEW_PASSED)
            SAY(SHEET_PART_APP, _("application %s has not passed document review"), r->a.id);
        if (call_unassigned_refusal(c, r, buf, sizeof buf))
            say(ctx, SHEET_PART_APP, buf), n++;
        if (judge->role != ROLE_JUDGE || !call_judge_on_app(c, r, judge->id))
            SAY(SHEET_PART_JUDGE, _("%s is not on the panel of application %s"), judge->name,
                r->a.id);
        if (call_has_conflict(r, judge->id))
            SAY(SHEET_PART_JUDGE,
                _("%s declared a conflict of interest with %s and cannot score it"), judge->name,
                r->a.id);
        if (call_sheet_of(r, judge->id))
            SAY(SHEET_PART_JUDGE, _("%s already submitted a sheet for %s"), judge->name, r->a.id);
    }
#undef SAY
    if ((checks & SHEET_CHECK_AMOUNT) && !s->agree &&
        sheet_amount_refusal(r, s->amount, buf, sizeof buf))
        say(ctx, SHEET_PART_AMOUNT, buf), n++;
    if ((checks & SHEET_CHECK_OPINION) &&
        sheet_opinion_refusal(&c->program, sheet_total(&c->program, s), s->opinion, buf,
                              sizeof buf))
        say(ctx, SHEET_PART_OPINION, buf), n++;
    return n;
}

struct first_problem {
    char *buf;
    size_t len;
    bool said;
};

static void first_say(void *ctx, enum sheet_part part, const char *problem)
{
    (void)part;
    struct first_problem *fp = ctx;
    if (!fp->said)
        snprintf(fp->buf, fp->len, "%s", problem);
    fp->said = true;
}

const char *sheet_refusal(const struct call *c, const struct app_record *r,
                          const struct person *judge, const struct sheet *s, char *buf, size_t len)
{
    struct first_problem fp = {buf, len, false};
    return sheet_problems(c, r, judge, s, SHEET_CHECK_ALL, first_say, &fp) ? buf : NULL;
}

char *sheet_text(const struct call *c, const struct sheet *s, const char *judge, const char *signer,
                 const char *at, char **why)
{
    const struct program *p = &c->program;
    struct record_sheet_item items[PROGRAM_MAX_ITEMS];
    for (size_t k = 0; k < p->n_items; k++)
        items[k] = (struct record_sheet_item){
            .id = p->items[k].id, .tenths = s->item_tenths[k], .comment = sheet_comment(s, k)};
    struct record_sheet rs = {
        .program = p->id,
        .app = s->app,
        .judge = judge,
        .items = items,
        .n_items = p->n_items,
        .agree = s->agree,
        .amount = s->amount,
        .opinion = s->opinion,
        .transcribed = s->transcribed,
        .signer = signer,
        .at = at,
    };
    return record_sheet_text(&rs, why);
}

/* The per-item comments ("comment: need=text"); one of an unknown item stays out, so the
 * rebuilt text differs and the canonical-form check refuses the file. */
static void record_comments(const struct program *p, struct record_fields *f, struct sheet *s,
                            const char **room)
{
    s->comments = NULL;
    for (size_t i = 0; i < f->n; i++) {
        char *eq = strcmp(f->v[i].key, "comment") == 0 ? strchr(f->v[i].value, '=') : NULL;
        size_t k;
        if (!eq)
            continue;
        *eq = '\0';
        if (program_item(p, f->v[i].value, &k)) {
            if (!s->comments) {
                memset(room, 0, PROGRAM_MAX_ITEMS * sizeof *room);
                s->comments = room;
            }
            room[k] = eq + 1;
        }
        *eq = '=';
    }
}

int sheet_record_values(const struct program *p, struct record_fields *f, const char *path,
                        struct sheet *s, const char **room, struct diags *d)
{
    size_t before = d->n, seen = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(f->v[i].key, "item") != 0)
            continue;
        char *eq = strchr(f->v[i].value, '=');
        size_t k;
        int32_t tenths;
        const char *why = NULL;
        if (!eq)
            continue;
        *eq = '\0';
        if (!program_item(p, f->v[i].value, &k))
            diags_add(d, path, 0, 0, _("item %s is not in the rubric of %s"), f->v[i].value, p->id);
        else if (score_parse(eq + 1, p->items[k].max_tenths, p->step_tenths, &tenths, &why) < 0)
            diags_add(d, path, 0, 0, _("item %s: \"%s\": %s"), f->v[i].value, eq + 1, why);
        else {
            s->item_tenths[k] = (int16_t)tenths; /* at most max_tenths */
            seen++;
        }
        *eq = '=';
    }
    if (seen != p->n_items)
        diags_add(d, path, 0, 0, _("the sheet does not score every item of the rubric"));
    record_comments(p, f, s, room);
    const char *amount = record_field(f, "amount"), *why = NULL;
    s->agree = amount && !strcmp(amount, "agree");
    if (!s->agree && (!amount || amount_parse(amount, &s->amount, &why) < 0))
        diags_add(d, path, 0, 0, _("amount \"%s\" is not valid"), amount ? amount : "");
    s->opinion = record_field(f, "opinion");
    const char *transcribed = record_field(f, "transcribed");
    s->transcribed = transcribed && !strcmp(transcribed, "yes");
    return d->n == before ? 0 : -1;
}

/* The person of c whose key made sig over text, the signature checked; NULL with why in d. */
static const struct person *sheet_file_signer(const struct call *c, const char *path,
                                              const char *text, const char *sig, struct diags *d)
{
    uint8_t id[KEY_ID_BYTES];
    char *why = NULL;
    if (minisig_signer_id(sig, id) < 0) {
        diags_add(d, path, 0, 0, _("the .minisig file is not a minisign signature"));
        return NULL;
    }
    for (size_t i = 0; i < c->n_people; i++) {
        const struct person *p = &c->people[i];
        if (memcmp(p->pub.key_id, id, KEY_ID_BYTES) != 0)
            continue;
        if (minisig_verify_msg(&p->pub, text, strlen(text), sig, NULL, &why)) {
            diags_add(d, path, 0, 0, _("bad signature: %s"), why ? why : "?");
            free(why);
            return NULL;
        }
        return p;
    }
    char hex[17];
    key_id_hex(id, hex);
    diags_add(d, path, 0, 0, _("signed by an unknown key %s (not a person of this call)"), hex);
    return NULL;
}

/* Who the record says made it: the signer, as the sheet's own judge, not transcribed. */
static int sheet_file_who(const struct call *c, const char *path, const struct record_fields *f,
                          const struct person *signer, struct diags *d)
{
    const char *program = record_field(f, "program");
    const char *judge = record_field(f, "judge"), *by = record_field(f, "signer");
    const char *transcribed = record_field(f, "transcribed");
    if (strcmp(f->kind, "sheet") != 0) {
        diags_add(d, path, 0, 0, _("a %s record, not a score sheet"), f->kind);
        return -1;
    }
    if (!program || strcmp(program, c->program.id) != 0) {
        diags_add(d, path, 0, 0, _("a sheet of another call (%s, not %s)"), program ? program : "?",
                  c->program.id);
        return -1;
    }
    if (!judge || !by || strcmp(judge, signer->name) != 0 || strcmp(by, judge) != 0 ||
        signer->role != ROLE_JUDGE || !transcribed || strcmp(transcribed, "no") != 0) {
        diags_add(d, path, 0, 0, _("the sheet is not signed by its own judge"));
        return -1;
    }
    return 0;
}

int sheet_file_read(const struct call *c, const char *path, const char *text, size_t len,
                    const char *sig, struct sheet_file *out, struct diags *d)
{
    memset(out, 0, sizeof *out);
    const char *why = NULL;
    if (strlen(text) != len || record_parse(text, len, &out->f, &why) < 0) {
        diags_add(d, path, 0, 0, "%s", why ? why : _("not a text file"));
        return -1;
    }
    const struct person *signer = sheet_file_signer(c, path, text, sig, d);
    if (!signer || sheet_file_who(c, path, &out->f, signer, d) < 0)
        return -1;
    const char *app = record_field(&out->f, "app");
    const struct app_record *r = app ? call_find_app(c, app) : NULL;
    if (!r) {
        diags_add(d, path, 0, 0, _("no application \"%s\""), app ? app : "");
        return -1;
    }
    out->judge = signer;
    out->at = record_field(&out->f, "at");
    out->s.app = r->a.id;
    out->s.judge = signer->id;
    if (sheet_record_values(&c->program, &out->f, path, &out->s, out->comments, d) < 0)
        return -1;
    /* The values read must give back exactly the bytes that were signed. */
    char *again = NULL, *reason = NULL;
    again = sheet_text(c, &out->s, signer->name, signer->name, out->at, &reason);
    int rc = 0;
    if (!again || strcmp(again, text) != 0) {
        diags_add(d, path, 0, 0, _("the sheet is not in the canonical form of this call%s%s"),
                  reason ? ": " : "", reason ? reason : "");
        rc = -1;
    }
    free(again);
    free(reason);
    return rc;
}

void sheet_file_free(struct sheet_file *f)
{
    record_fields_free(&f->f);
    memset(f, 0, sizeof *f);
}
