/* Unit tests for core/chain.c: who made each audit event (DESIGN.md Trust) and the freeze after
 * the final result (R11.6). Keys are made with the fastest Argon2 cost. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/chain.h"
#include "core/facts.h"
#include "core/keys.h"

struct actor {
    struct public_key pub;
    struct secret_key key;
};

static void actor_make(struct actor *a)
{
    struct sealed_key sealed = {0};
    const char *why = NULL;
    setenv("SIMSA_KDF_FAST", "1", 1);
    assert_int_equal(key_generate("passphrase-for-tests", 20, &a->pub, &sealed, &why), 0);
    assert_int_equal(key_unseal(&sealed, "passphrase-for-tests", 20, &a->key, &why), 0);
    sealed_key_free(&sealed);
}

/* Feed one event made by `by` (NULL: unsigned) and return the number of problems it caused. */
static size_t feed(struct chain_check *cc, int64_t seq, const char *actor, const char *kind,
                   const char *detail, const struct actor *by)
{
    uint8_t hash[32], sig[EVENT_SIGNATURE_BYTES];
    const char *fields[] = {"2026-06-01T00:00:00Z", actor, kind, "", detail};
    audit_hash(seq, (uint8_t[32]){0}, fields, 5, hash);
    if (by)
        event_sign(&by->key, hash, sig);
    struct chain_event e = {.seq = seq,
                            .actor = actor,
                            .kind = kind,
                            .app = "",
                            .detail = detail,
                            .hash = hash,
                            .signature = by ? sig : NULL};
    struct diags d = {0};
    chain_check_event(cc, &e, &d);
    size_t n = d.n;
    diags_free(&d);
    return n;
}

static void test_trust_first_person_adds_themself(void **state)
{
    (void)state;
    struct actor sec, judge;
    actor_make(&sec);
    actor_make(&judge);
    struct call c = {0};
    struct chain_check cc;
    chain_check_begin(&cc, &c, 1);
    char *f_sec = fact_person("김간사", ROLE_SECRETARIAT, &sec.pub);
    char *f_judge = fact_person("강민준", ROLE_JUDGE, &judge.pub);
    /* The call's creation is unsigned, before anyone exists. */
    assert_int_equal(feed(&cc, 1, "simsa", "init", "x", NULL), 0);
    assert_int_equal(feed(&cc, 2, "김간사", "person add", f_sec, &sec), 0);
    assert_int_equal(feed(&cc, 3, "김간사", "person add", f_judge, &sec), 0);
    /* A judge may submit a sheet, not set the budget; an unsigned event is refused. */
    assert_int_equal(feed(&cc, 4, "강민준", "sheet submitted", "", &judge), 0);
    assert_int_equal(feed(&cc, 5, "강민준", "budget", "", &judge), 1);
    assert_int_equal(feed(&cc, 6, "김간사", "budget", "", NULL), 1);
    /* Signed by another key than the actor's: found when the signatures are checked. */
    assert_int_equal(feed(&cc, 7, "김간사", "check", "", &judge), 0);
    /* Someone the chain never added. */
    assert_int_equal(feed(&cc, 8, "누구", "check", "", &sec), 1);
    assert_int_equal(cc.signed_events, 5);
    struct diags d = {0};
    chain_check_signatures(&cc, &d);
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.v[0].text, "event 7 (check)"));
    diags_free(&d);
    chain_check_free(&cc);
    free(f_sec);
    free(f_judge);
    secret_key_wipe(&sec.key);
    secret_key_wipe(&judge.key);
}

static void test_trust_first_person_must_be_secretariat(void **state)
{
    (void)state;
    struct actor judge;
    actor_make(&judge);
    struct call c = {0};
    struct chain_check cc;
    chain_check_begin(&cc, &c, 1);
    char *f = fact_person("강민준", ROLE_JUDGE, &judge.pub);
    assert_true(feed(&cc, 1, "강민준", "person add", f, &judge) >= 1);
    chain_check_free(&cc);
    free(f);
    secret_key_wipe(&judge.key);
}

static void test_R11_6_freeze_after_final(void **state)
{
    (void)state;
    assert_true(chain_after_final_may("forfeit"));
    assert_true(chain_after_final_may("result final"));
    assert_false(chain_after_final_may("check"));
    assert_false(chain_after_final_may("document"));
    assert_false(chain_after_final_may("budget"));
    assert_false(chain_after_final_may("sheet submitted"));
    struct actor sec;
    actor_make(&sec);
    struct call c = {0};
    struct chain_check cc;
    chain_check_begin(&cc, &c, 1);
    char *f = fact_person("김간사", ROLE_SECRETARIAT, &sec.pub);
    assert_int_equal(feed(&cc, 1, "김간사", "person add", f, &sec), 0);
    assert_int_equal(feed(&cc, 2, "김간사", "check", "", &sec), 0);
    assert_int_equal(feed(&cc, 3, "김간사", "result final", "", &sec), 0);
    assert_int_equal(feed(&cc, 4, "김간사", "forfeit", "", &sec), 0);
    assert_int_equal(feed(&cc, 5, "김간사", "check", "", &sec), 1);
    chain_check_free(&cc);
    free(f);
    secret_key_wipe(&sec.key);
}

static void test_trust_events_before_signing(void **state)
{
    (void)state;
    struct actor sec;
    actor_make(&sec);
    struct call c = {0};
    struct chain_check cc;
    chain_check_begin(&cc, &c, 3); /* events 1-2 predate signing */
    char *f = fact_person("김간사", ROLE_SECRETARIAT, &sec.pub);
    assert_int_equal(feed(&cc, 1, "simsa", "init", "x", NULL), 0);
    assert_int_equal(feed(&cc, 2, "김간사", "person add", f, NULL), 0);
    assert_int_equal(feed(&cc, 3, "김간사", "check", "", &sec), 0);
    assert_int_equal(feed(&cc, 4, "김간사", "check", "", NULL), 1);
    assert_int_equal(cc.legacy_events, 2);
    chain_check_free(&cc);
    /* A signed event placed before the boundary: the boundary was moved. */
    chain_check_begin(&cc, &c, 3);
    assert_int_equal(feed(&cc, 1, "김간사", "person add", f, &sec), 1);
    chain_check_free(&cc);
    free(f);
    secret_key_wipe(&sec.key);
}

static void test_trust_public_key_line_round_trip(void **state)
{
    (void)state;
    struct actor a;
    actor_make(&a);
    char line[17 + 1 + 64 + 1];
    public_key_line(&a.pub, line);
    struct public_key back;
    assert_int_equal(public_key_line_parse(line, &back), 0);
    assert_memory_equal(back.key_id, a.pub.key_id, KEY_ID_BYTES);
    assert_memory_equal(back.pk, a.pub.pk, PUBLIC_KEY_BYTES);
    line[3] = line[3] == 'A' ? 'B' : 'A';
    assert_int_equal(public_key_line_parse("nonsense", &back), -1);
    secret_key_wipe(&a.key);
}

int main(void)
{
    if (keys_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trust_first_person_adds_themself),
        cmocka_unit_test(test_trust_first_person_must_be_secretariat),
        cmocka_unit_test(test_R11_6_freeze_after_final),
        cmocka_unit_test(test_trust_events_before_signing),
        cmocka_unit_test(test_trust_public_key_line_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
