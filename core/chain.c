/* The audit chain's people and signatures (see chain.h). */
#include "core/chain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/report.h"

enum { CHAIN_PENDING_BATCH = 4096 };

void chain_check_begin(struct chain_check *cc, const struct call *c, int64_t signed_from)
{
    memset(cc, 0, sizeof *cc);
    cc->call = c;
    cc->signed_from = signed_from > 0 ? signed_from : 1;
    sig_digest_init(&cc->bounds_all);
}

static void bounds_flush(struct chain_check *cc)
{
    sig_digest_add_raw(&cc->bounds_all, cc->bounds_buf, cc->bounds_len);
    cc->bounds_len = 0;
}

static void le64_put(uint8_t *out, uint64_t x)
{
    for (int i = 0; i < 8; i++)
        out[i] = (uint8_t)(x >> (8 * i));
}

/* Every bound takes the signed events up to its `through`, in chain order: they all take the
 * same ones until the first of them stops. So one digest takes each event, and a bound gets a
 * copy of it when an event goes beyond its `through` (or at the end). Each event is its number
 * and its signature as sig_digest_add_u64 and sig_digest_add write them, gathered in
 * bounds_buf first (one update for many events: the same bytes). */
static void bounds_add(struct chain_check *cc, const struct chain_event *e)
{
    bool open = false;
    for (size_t k = 0; k < cc->n_bounds; k++) {
        struct chain_sig_bound *b = &cc->bounds[k];
        if (!b->done && e->seq > b->through) {
            bounds_flush(cc);
            b->digest = cc->bounds_all;
            b->done = true;
        }
        open = open || !b->done;
    }
    if (!open)
        return;
    if (cc->bounds_len + 16 + EVENT_SIGNATURE_BYTES > sizeof cc->bounds_buf)
        bounds_flush(cc);
    uint8_t *p = cc->bounds_buf + cc->bounds_len;
    le64_put(p, (uint64_t)e->seq);
    le64_put(p + 8, EVENT_SIGNATURE_BYTES);
    memcpy(p + 16, e->signature, EVENT_SIGNATURE_BYTES);
    cc->bounds_len += 16 + EVENT_SIGNATURE_BYTES;
}

void chain_check_bounds_end(struct chain_check *cc)
{
    bounds_flush(cc);
    for (size_t k = 0; k < cc->n_bounds; k++)
        if (!cc->bounds[k].done) {
            cc->bounds[k].digest = cc->bounds_all;
            cc->bounds[k].done = true;
        }
}

void chain_check_free(struct chain_check *cc)
{
    for (size_t i = 0; i < cc->n_roster; i++)
        free(cc->roster[i].name);
    free(cc->roster);
    free(cc->pending);
    memset(cc, 0, sizeof *cc);
}

const struct roster_entry *chain_roster_find(const struct chain_check *cc, const char *name)
{
    for (size_t i = 0; i < cc->n_roster; i++)
        if (strcmp(cc->roster[i].name, name) == 0)
            return &cc->roster[i];
    return NULL;
}

bool chain_role_may(const char *kind, enum role role)
{
    switch (role) {
    case ROLE_SECRETARIAT:
        return true;
    case ROLE_JUDGE:
        return strcmp(kind, "sheet submitted") == 0 || strcmp(kind, "conflict") == 0;
    case ROLE_INSPECTOR:
        return strcmp(kind, "inspection") == 0;
    }
    return false;
}

bool chain_checkpoint_trusted(enum role role)
{
    /* Those who may do everything: a checkpoint lets verify take their word for the
     * signatures it covers (simsa-records(5), "Checkpoints"). */
    return role == ROLE_SECRETARIAT;
}

bool chain_after_final_may(const char *kind)
{
    static const char *const allowed[] = {
        "result final", "forfeit",   "person add", "plan require", "plan done",   "tie resolve",
        "plan failed",  "agreement", "agree",      "notify",       "app contact", NULL,
    };
    for (const char *const *a = allowed; *a; a++)
        if (strcmp(kind, *a) == 0)
            return true;
    return false;
}

const char *chain_frozen_message(void)
{
    return _("the final result is signed: R11.6 freezes scores, reviews, conflicts, bonuses, "
             "the budget, tie orders, panels and every fact behind them");
}

const char *chain_still_open(void)
{
    return _("What may still be recorded: a forfeit (simsa forfeit), a plan revision's outcome "
             "or an agreement, a corrected contact (simsa app contact), then a new revision of "
             "the result (simsa finalize)");
}

/* The person an event of kind "person add" adds: from its fact text, or (an event written
 * before the chain named keys: "judge 강민준") from the person table. 0, or -1. */
static int added_person(const struct chain_check *cc, const char *detail, struct roster_entry *out)
{
    memset(out, 0, sizeof *out);
    char **f = NULL;
    size_t n = fact_fields(detail, &f);
    int rc = -1;
    if (n == 3 && role_parse(f[0], &out->role) == 0 &&
        public_key_line_parse(f[2], &out->pub) == 0) {
        out->name = xstrdup(f[1]);
        rc = 0;
    } else if (n == 0) {
        const char *space = strchr(detail, ' ');
        char *role = space ? xstrndup(detail, (size_t)(space - detail)) : NULL;
        const struct person *p = space ? call_find_person(cc->call, space + 1) : NULL;
        if (role && p && role_parse(role, &out->role) == 0) {
            out->name = xstrdup(p->name);
            out->pub = p->pub;
            out->from_table = true;
            rc = 0;
        }
        free(role);
    }
    fact_fields_free(f, n);
    return rc;
}

static void roster_add(struct chain_check *cc, struct roster_entry *e)
{
    if (cc->n_roster == cc->cap_roster) {
        cc->cap_roster = cc->cap_roster ? cc->cap_roster * 2 : 16;
        cc->roster = xrealloc(cc->roster, cc->cap_roster * sizeof *cc->roster);
    }
    cc->roster[cc->n_roster++] = *e;
}

/* Who signs event e: the roster entry of its actor, or — the call's first person adding
 * themself — the entry being added. */
static const struct roster_entry *event_signer(const struct chain_check *cc,
                                               const struct chain_event *e,
                                               const struct roster_entry *adding, struct diags *d)
{
    const struct roster_entry *who = chain_roster_find(cc, e->actor);
    if (who)
        return who;
    if (adding && cc->n_roster == 0 && strcmp(adding->name, e->actor) == 0) {
        if (adding->role != ROLE_SECRETARIAT)
            diags_add(d, NULL, 0, 0,
                      _("event %lld (person add %s): the first person of a call must be a "
                        "secretariat member"),
                      (long long)e->seq, adding->name);
        return adding;
    }
    diags_add(d, NULL, 0, 0,
              _("event %lld (%s): made by %s, who was not a person of this call at that point"),
              (long long)e->seq, e->kind, e->actor);
    return NULL;
}

static void pending_add(struct chain_check *cc, const struct chain_event *e, size_t signer)
{
    if (cc->n_pending == cc->cap_pending) {
        cc->cap_pending = cc->cap_pending ? cc->cap_pending * 2 : 256;
        cc->pending = xrealloc(cc->pending, cc->cap_pending * sizeof *cc->pending);
    }
    struct pending_signature *p = &cc->pending[cc->n_pending++];
    p->seq = e->seq;
    snprintf(p->kind, sizeof p->kind, "%s", e->kind);
    p->signer = signer; /* the entry being added is appended at index n_roster */
    p->bad = false;
    memcpy(p->hash, e->hash, sizeof p->hash);
    memcpy(p->signature, e->signature, sizeof p->signature);
}

static void check_pending(size_t i, void *ctx)
{
    struct chain_check *cc = ctx;
    struct pending_signature *p = &cc->pending[i];
    p->bad = p->signer >= cc->n_roster ||
             event_signature_check(&cc->roster[p->signer].pub, p->hash, p->signature) < 0;
}

void chain_check_signatures(struct chain_check *cc, struct diags *d)
{
    parallel_for(cc->n_pending, check_pending, cc);
    for (size_t i = 0; i < cc->n_pending; i++) {
        const struct pending_signature *p = &cc->pending[i];
        if (p->bad)
            diags_add(d, NULL, 0, 0, _("event %lld (%s): the signature is not %s's"),
                      (long long)p->seq, p->kind,
                      p->signer < cc->n_roster ? cc->roster[p->signer].name : "?");
    }
    cc->n_pending = 0;
}

void chain_check_event(struct chain_check *cc, const struct chain_event *e, struct diags *d)
{
    struct roster_entry adding;
    bool adds = strcmp(e->kind, "person add") == 0;
    if (adds && added_person(cc, e->detail, &adding) < 0) {
        diags_add(d, NULL, 0, 0, _("event %lld (person add): the person it adds cannot be read"),
                  (long long)e->seq);
        adds = false;
    }
    if (adds && chain_roster_find(cc, adding.name)) {
        diags_add(d, NULL, 0, 0, _("event %lld: %s is added a second time"), (long long)e->seq,
                  adding.name);
        free(adding.name);
        adds = false;
    }
    if (e->seq < cc->signed_from) {
        /* Only a database of an earlier version has unsigned events, all before any signed
         * one: a signed event here means the boundary was moved to hide later ones. */
        if (e->signature)
            diags_add(d, NULL, 0, 0,
                      _("event %lld: signed, but placed before the events that must be signed "
                        "(meta signed_from %lld was moved)"),
                      (long long)e->seq, (long long)cc->signed_from);
        cc->legacy_events++;
    } else if (!e->signature) {
        /* The call's creation comes before anyone exists; the first person's signed entry
         * covers it through the chain. */
        bool creation = cc->n_roster == 0 && !adds && strcmp(e->actor, "simsa") == 0 &&
                        (strcmp(e->kind, "init") == 0 || strcmp(e->kind, "budget") == 0);
        if (!creation)
            diags_add(d, NULL, 0, 0, _("event %lld (%s by %s): not signed"), (long long)e->seq,
                      e->kind, e->actor);
    } else {
        const struct roster_entry *who = event_signer(cc, e, adds ? &adding : NULL, d);
        if (who)
            bounds_add(cc, e);
        if (who && e->seq > cc->trusted_through)
            pending_add(cc, e, who == &adding ? cc->n_roster : (size_t)(who - cc->roster));
        if (who && !chain_role_may(e->kind, who->role))
            diags_add(d, NULL, 0, 0, _("event %lld (%s): %s, a %s, may not do this"),
                      (long long)e->seq, e->kind, who->name, role_label(who->role));
        if (who)
            cc->signed_events++;
    }
    if (cc->final_seq && adds && adding.role == ROLE_JUDGE)
        diags_add(d, NULL, 0, 0,
                  _("event %lld (person add %s): a judge added after the final result (R11.7)"),
                  (long long)e->seq, adding.name);
    if (cc->final_seq && !chain_after_final_may(e->kind))
        diags_add(d, NULL, 0, 0,
                  _("event %lld (%s): made after the final result of event %lld, which froze it "
                    "(R11.6)"),
                  (long long)e->seq, e->kind, (long long)cc->final_seq);
    if (!cc->final_seq && strcmp(e->kind, "result final") == 0)
        cc->final_seq = e->seq;
    if (adds) {
        adding.added = e->seq;
        roster_add(cc, &adding);
    }
    /* Checked in batches as the events go by: memory does not grow with the chain. */
    if (cc->n_pending >= CHAIN_PENDING_BATCH)
        chain_check_signatures(cc, d);
}

static bool same_key(const struct public_key *a, const struct public_key *b)
{
    return memcmp(a->key_id, b->key_id, sizeof a->key_id) == 0 &&
           memcmp(a->pk, b->pk, sizeof a->pk) == 0;
}

void chain_check_people(const struct chain_check *cc, struct diags *d)
{
    const struct call *c = cc->call;
    for (size_t i = 0; i < c->n_people; i++) {
        const struct person *p = &c->people[i];
        const struct roster_entry *r = chain_roster_find(cc, p->name);
        if (!r)
            diags_add(d, NULL, 0, 0, _("person %s: no audit event added them"), p->name);
        else if (r->role != p->role)
            diags_add(d, NULL, 0, 0, _("person %s: stored as %s, but added as %s"), p->name,
                      role_label(p->role), role_label(r->role));
        else if (!same_key(&r->pub, &p->pub))
            diags_add(d, NULL, 0, 0,
                      _("person %s: the stored key is not the key they were added "
                        "with"),
                      p->name);
    }
    for (size_t i = 0; i < cc->n_roster; i++)
        if (!call_find_person(c, cc->roster[i].name))
            diags_add(d, NULL, 0, 0, _("person %s: added at event %lld, but missing"),
                      cc->roster[i].name, (long long)cc->roster[i].added);
}
