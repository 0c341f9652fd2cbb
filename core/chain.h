/* Who made each event of the audit chain (DESIGN.md Trust): the roster derived from the chain
 * itself — who added whom, with which role and key — and, event by event, that the event is
 * signed by its actor, that the actor was a person of the call at that point, and that their
 * role allows the action. The db layer reads the events in chain order and hands them here. */
#ifndef SIMSA_CHAIN_H
#define SIMSA_CHAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/keys.h"
#include "core/role.h"

struct call;

struct chain_event {
    int64_t seq;
    const char *actor, *kind, *app, *detail;
    const uint8_t *hash;      /* 32 bytes, as stored (the chain check re-derives it) */
    const uint8_t *signature; /* EVENT_SIGNATURE_BYTES, or NULL when the event has none */
};

struct pending_signature {
    int64_t seq;
    char kind[40];
    size_t signer; /* roster index */
    uint8_t hash[32];
    uint8_t signature[EVENT_SIGNATURE_BYTES];
    bool bad;
};

struct roster_entry {
    char *name;
    enum role role;
    struct public_key pub;
    int64_t added;   /* the event that added them */
    bool from_table; /* an entry made before the chain named keys: key taken from the table */
};

/* The event signatures of 1..through, their bytes digested in chain order (sig_digest): what a
 * verification checkpoint binds. */
struct chain_sig_bound {
    int64_t through; /* 0: none */
    struct sig_digest digest;
    bool done; /* digest is final (set by chain_check_event) */
};

struct chain_check {
    const struct call *call;
    int64_t signed_from;   /* the first event that must be signed (earlier ones predate it) */
    int64_t legacy_events; /* events before signed_from */
    int64_t signed_events;
    int64_t final_seq;                 /* the first signed final result's event, 0 until seen */
    struct pending_signature *pending; /* checked together, in parallel, by chain_check_end */
    size_t n_pending, cap_pending;
    struct roster_entry *roster;
    size_t n_roster, cap_roster;
    /* A trusted checkpoint verified the signatures of events 1..trusted_through: each is still
     * digested into the bounds, but its Ed25519 signature is not checked again. */
    int64_t trusted_through;
    struct chain_sig_bound *bounds; /* set by the caller, digested as events go by */
    size_t n_bounds;
    struct sig_digest bounds_all; /* what every bound not done yet has taken */
    uint8_t bounds_buf[4096];     /* ... and the bytes it is still to take */
    size_t bounds_len;
};

void chain_check_begin(struct chain_check *cc, const struct call *c, int64_t signed_from);
/* One event, in chain order; problems go to d, each naming the event. */
void chain_check_event(struct chain_check *cc, const struct chain_event *e, struct diags *d);
/* The event signatures seen and not yet checked, checked on every processor; problems go to d
 * in chain order. chain_check_event calls it every few thousand events; call it once more
 * after the last event. */
void chain_check_signatures(struct chain_check *cc, struct diags *d);
/* After the last event: each bound's digest complete (call before reading them). */
void chain_check_bounds_end(struct chain_check *cc);
/* The people of the call (the person table) against the roster: same names, roles and keys. */
void chain_check_people(const struct chain_check *cc, struct diags *d);
void chain_check_free(struct chain_check *cc);

/* Whether a checkpoint signed by a person of `role` is relied on (secretariat only). */
bool chain_checkpoint_trusted(enum role role);
/* Whether a person of `role` may make an event of `kind` (secretariat: everything; judges their
 * sheets and conflicts; inspectors their inspections). */
bool chain_role_may(const char *kind, enum role role);
/* R11.6: whether an event of `kind` may still be made after the first signed final result
 * (a forfeit and the other amendments of R11.5/R12, a new revision of the result, a person
 * added); everything else is frozen. */
bool chain_after_final_may(const char *kind);
/* The message refusing a frozen change, and the sentence saying what R11.7 leaves open
 * (translated, static): every refusal after the final result gives both. */
const char *chain_frozen_message(void);
const char *chain_still_open(void);
/* The roster entry of name, or NULL. */
const struct roster_entry *chain_roster_find(const struct chain_check *cc, const char *name);

#endif
