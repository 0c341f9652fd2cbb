/* Unit tests for core/keys.c: sealed keys, minisign public keys and signatures (checked against
 * the stock minisign binary when it is installed), and the audit-chain hash (R14). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/keys.h"

#define PASS "correct horse battery staple"
#define SEALED_LEN 184

/* Made with minisign 0.11: `minisign -G -W`, then `minisign -S -t "tc here"` over "hello\n". */
static const char MINISIGN_PUB[] = "untrusted comment: minisign public key 289783BD58B492F1\n"
                                   "RWTxkrRYvYOXKIlE23L9aqntnjk2w0eh+Un5AaAYlojT5U8al2Ah2K1F\n";
static const char MINISIGN_SIG[] =
    "untrusted comment: signature from minisign secret key\n"
    "RUTxkrRYvYOXKKeQDDVQrePe7lOUSazuDOQLKXi/f9Lbg1WoI2kD+pycm+DhN26kYUPNpLNCGIAB4lroYRJwnmCd4612"
    "A40eTgU=\n"
    "trusted comment: tc here\n"
    "3/K2F/mMctZ//oPN3YmfBdGSpgFLBASJ0s9BpVevQlbmbbKLR4Bg69RhzGmYPQE5AXxovppLS18jtwa7QRb9BA==\n";

static void key_make(struct public_key *pub, struct sealed_key *sealed, struct secret_key *sk)
{
    const char *why = NULL;

    assert_int_equal(key_generate(PASS, strlen(PASS), pub, sealed, &why), 0);
    if (sk)
        assert_int_equal(key_unseal(sealed, PASS, strlen(PASS), sk, &why), 0);
}

static uint64_t le64_at(const uint8_t *p)
{
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--)
        x = (x << 8) | p[i];
    return x;
}

static void test_R14_generate_unseal_round_trip(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    uint8_t pk_of_sk[PUBLIC_KEY_BYTES];
    const char *why = NULL;
    (void)state;

    key_make(&pub, &sealed, NULL);
    assert_int_equal(sealed.len, SEALED_LEN);
    assert_int_equal(key_unseal(&sealed, PASS, strlen(PASS), &sk, &why), 0);
    assert_non_null(sk.sk);
    assert_memory_equal(sk.key_id, pub.key_id, KEY_ID_BYTES);
    assert_int_equal(crypto_sign_ed25519_sk_to_pk(pk_of_sk, sk.sk), 0);
    assert_memory_equal(pk_of_sk, pub.pk, PUBLIC_KEY_BYTES);
    secret_key_wipe(&sk);
    assert_null(sk.sk);
    secret_key_wipe(&sk); /* safe twice */
    sealed_key_free(&sealed);
    assert_null(sealed.bytes);
    assert_int_equal(sealed.len, 0);
}

static void test_R14_sealed_layout_fast_kdf(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    (void)state;

    key_make(&pub, &sealed, NULL);
    assert_memory_equal(sealed.bytes, "SSK1EdA2", 8);
    assert_true(le64_at(sealed.bytes + 8) == crypto_pwhash_OPSLIMIT_MIN);
    assert_true(le64_at(sealed.bytes + 16) == crypto_pwhash_MEMLIMIT_MIN);
    assert_memory_equal(sealed.bytes + 40, pub.key_id, KEY_ID_BYTES);
    assert_memory_equal(sealed.bytes + 48, pub.pk, PUBLIC_KEY_BYTES);
    sealed_key_free(&sealed);
}

/* The only test with the real (MODERATE) cost; opening it reads the cost from the blob. */
static void test_R14_default_kdf_parameters_stored_and_opened(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    const char *why = NULL;
    (void)state;

    assert_int_equal(unsetenv("SIMSA_KDF_FAST"), 0);
    assert_int_equal(key_generate(PASS, strlen(PASS), &pub, &sealed, &why), 0);
    assert_int_equal(setenv("SIMSA_KDF_FAST", "1", 1), 0);
    assert_true(le64_at(sealed.bytes + 8) == crypto_pwhash_OPSLIMIT_MODERATE);
    assert_true(le64_at(sealed.bytes + 16) == crypto_pwhash_MEMLIMIT_MODERATE);
    assert_false(sealed_key_is_fast(&sealed));
    assert_int_equal(key_unseal(&sealed, PASS, strlen(PASS), &sk, &why), 0);
    assert_memory_equal(sk.key_id, pub.key_id, KEY_ID_BYTES);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

static void test_R14_wrong_passphrase_fails(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    const char *why = NULL;
    (void)state;

    key_make(&pub, &sealed, NULL);
    assert_int_equal(key_unseal(&sealed, "correct horse battery stapla", strlen(PASS), &sk, &why),
                     -1);
    assert_string_equal(why, "wrong passphrase");
    assert_null(sk.sk);
    why = NULL;
    assert_int_equal(key_unseal(&sealed, PASS, strlen(PASS) - 1, &sk, &why), -1);
    assert_string_equal(why, "wrong passphrase");
    sealed_key_free(&sealed);
}

/* Every single-byte change is refused: layout bytes as damage, the rest by the AEAD tag. */
static void test_R14_tampered_sealed_key_fails(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    const char *why = NULL;
    (void)state;

    key_make(&pub, &sealed, NULL);
    for (size_t i = 0; i < sealed.len; i++) {
        sealed.bytes[i] ^= 0x01;
        why = NULL;
        assert_int_equal(key_unseal(&sealed, PASS, strlen(PASS), &sk, &why), -1);
        assert_null(sk.sk);
        if (i < 8)
            assert_string_equal(why, "damaged key");
        else if (i >= 24)
            assert_string_equal(why, "wrong passphrase");
        else
            assert_true(strcmp(why, "damaged key") == 0 || strcmp(why, "wrong passphrase") == 0);
        sealed.bytes[i] ^= 0x01;
    }
    sealed.len--;
    assert_int_equal(key_unseal(&sealed, PASS, strlen(PASS), &sk, &why), -1);
    assert_string_equal(why, "damaged key");
    sealed.len++;
    assert_int_equal(key_unseal(&sealed, PASS, strlen(PASS), &sk, &why), 0);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

/* Offset of needle in haystack, or -1 (memmem is a GNU extension). */
static long bytes_find(const uint8_t *haystack, size_t hlen, const uint8_t *needle, size_t nlen)
{
    for (size_t i = 0; i + nlen <= hlen; i++) {
        if (memcmp(haystack + i, needle, nlen) == 0)
            return (long)i;
    }
    return -1;
}

static void test_R14_sealed_key_hides_secret_bytes(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    (void)state;

    key_make(&pub, &sealed, &sk);
    assert_int_equal(bytes_find(sealed.bytes, sealed.len, sk.sk, SECRET_KEY_BYTES), -1);
    assert_int_equal(bytes_find(sealed.bytes, sealed.len, sk.sk, 32), -1); /* the seed half */
    /* the search works: the public half is stored in clear at offset 48 */
    assert_int_equal(bytes_find(sealed.bytes, sealed.len, sk.sk + 32, 32), 48);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

static void test_R14_key_id_hex_matches_minisign(void **state)
{
    const uint8_t id[KEY_ID_BYTES] = {0xf1, 0x92, 0xb4, 0x58, 0xbd, 0x83, 0x97, 0x28};
    const uint8_t small[KEY_ID_BYTES] = {0x0a, 0, 0, 0, 0, 0, 0, 0};
    char hex[17];
    (void)state;

    key_id_hex(id, hex);
    assert_string_equal(hex, "289783BD58B492F1");
    key_id_hex(small, hex);
    assert_string_equal(hex, "000000000000000A");
}

static void test_R14_public_key_text_round_trip(void **state)
{
    struct public_key pub, back;
    struct sealed_key sealed;
    char hex[17], *text, *expected_head, *crlf;
    const char *b64;
    (void)state;

    key_make(&pub, &sealed, NULL);
    text = public_key_minisign(&pub);
    key_id_hex(pub.key_id, hex);
    expected_head = xasprintf("untrusted comment: minisign public key %s\nRW", hex);
    assert_int_equal(strncmp(text, expected_head, strlen(expected_head)), 0);
    assert_int_equal(strlen(text), strlen(expected_head) - 2 + 56 + 1);
    memset(&back, 0, sizeof back);
    assert_int_equal(public_key_parse(text, &back), 0);
    assert_memory_equal(&back, &pub, sizeof pub);

    b64 = strchr(text, '\n') + 1;
    memset(&back, 0, sizeof back);
    assert_int_equal(public_key_parse(b64, &back), 0);
    assert_memory_equal(&back, &pub, sizeof pub);
    crlf = xasprintf("untrusted comment: x\r\n  %.56s \r\n\r\n", b64);
    memset(&back, 0, sizeof back);
    assert_int_equal(public_key_parse(crlf, &back), 0);
    assert_memory_equal(&back, &pub, sizeof pub);

    free(crlf);
    free(expected_head);
    free(text);
    sealed_key_free(&sealed);
}

static void test_R14_public_key_parse_rejects_malformed(void **state)
{
    const char *b64 = "RWTxkrRYvYOXKIlE23L9aqntnjk2w0eh+Un5AaAYlojT5U8al2Ah2K1F";
    struct public_key pub;
    char *text;
    (void)state;

    assert_int_equal(public_key_parse(MINISIGN_PUB, &pub), 0);
    assert_int_equal(public_key_parse(b64, &pub), 0);
    assert_int_equal(public_key_parse("", &pub), -1);
    assert_int_equal(public_key_parse("untrusted comment: only a comment\n", &pub), -1);
    text = xasprintf("%.55s", b64); /* one character short */
    assert_int_equal(public_key_parse(text, &pub), -1);
    free(text);
    text = xasprintf("%sextra line\n", MINISIGN_PUB);
    assert_int_equal(public_key_parse(text, &pub), -1);
    free(text);
    text = xasprintf("comment: x\n%s\n", b64); /* comment without the minisign prefix */
    assert_int_equal(public_key_parse(text, &pub), -1);
    free(text);
    /* "Ed" replaced by "ED" (RUQ... instead of RWQ...) */
    assert_int_equal(
        public_key_parse("RUTxkrRYvYOXKIlE23L9aqntnjk2w0eh+Un5AaAYlojT5U8al2Ah2K1F", &pub), -1);
    assert_int_equal(
        public_key_parse("RWTxkrRYvYOXKIlE23L9aqntnjk2w0eh+Un5AaAYlojT5U8al2Ah2K1*", &pub), -1);
}

static void test_R14_verifies_signature_made_by_minisign(void **state)
{
    struct public_key pub;
    uint8_t signer[KEY_ID_BYTES];
    char *trusted = NULL, hex[17];
    const char *why = NULL;
    (void)state;

    assert_int_equal(public_key_parse(MINISIGN_PUB, &pub), 0);
    key_id_hex(pub.key_id, hex);
    assert_string_equal(hex, "289783BD58B492F1");
    assert_int_equal(minisig_verify(&pub, "hello\n", 6, MINISIGN_SIG, &trusted, &why), 0);
    assert_string_equal(trusted, "tc here");
    free(trusted);
    assert_int_equal(minisig_signer_id(MINISIGN_SIG, signer), 0);
    assert_memory_equal(signer, pub.key_id, KEY_ID_BYTES);
    assert_int_equal(minisig_verify(&pub, "hello", 5, MINISIGN_SIG, NULL, &why), -1);
    assert_string_equal(why, "signature does not match");
}

static void test_R14_sign_verify_round_trip(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    const char *data = "app,judge,need\n2026-007,kim,18.5\n", *why = NULL;
    const char *tc = "sheet 2026-007 심사위원 kim";
    char *sig, *trusted = NULL, *msg = NULL;
    (void)state;

    key_make(&pub, &sealed, &sk);
    sig = minisig_sign(&sk, data, strlen(data), "simsa score sheet", tc);
    assert_non_null(sig);
    /* "RU" is base64 of "ED" followed by the key id's first bits */
    assert_int_equal(strncmp(sig, "untrusted comment: simsa score sheet\nRU", 39), 0);
    assert_non_null(strstr(sig, "\ntrusted comment: sheet 2026-007 심사위원 kim\n"));
    assert_int_equal(minisig_verify(&pub, data, strlen(data), sig, &trusted, &why), 0);
    assert_string_equal(trusted, tc);
    free(trusted);
    assert_int_equal(minisig_verify_msg(&pub, data, strlen(data), sig, &trusted, &msg), 0);
    assert_null(msg);
    assert_string_equal(trusted, tc);
    free(trusted);
    assert_int_equal(minisig_verify(&pub, data, strlen(data), sig, NULL, &why), 0);
    free(sig);

    sig = minisig_sign(&sk, "", 0, NULL, NULL); /* empty data, default comments */
    assert_non_null(sig);
    assert_int_equal(minisig_verify(&pub, "", 0, sig, &trusted, &why), 0);
    assert_string_equal(trusted, "");
    free(trusted);
    free(sig);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

static void test_R14_sign_refuses_multiline_comments(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    char *sig, *long_comment;
    (void)state;

    key_make(&pub, &sealed, &sk);
    assert_null(minisig_sign(&sk, "x", 1, NULL, "line\nforged"));
    assert_null(minisig_sign(&sk, "x", 1, NULL, "cr\r"));
    assert_null(minisig_sign(&sk, "x", 1, "two\nlines", "ok"));
    long_comment = xmalloc(8174 + 1);
    memset(long_comment, 'a', 8174);
    long_comment[8174] = '\0';
    assert_null(minisig_sign(&sk, "x", 1, NULL, long_comment));
    long_comment[8173] = '\0'; /* the longest minisign can read back */
    sig = minisig_sign(&sk, "x", 1, NULL, long_comment);
    assert_non_null(sig);
    free(sig);
    free(long_comment);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

static void test_R14_verify_fails_for_modified_data(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    char data[] = "2026-007 final 72.40", *sig, *trusted = (char *)"untouched";
    const char *why = NULL;
    (void)state;

    key_make(&pub, &sealed, &sk);
    sig = minisig_sign(&sk, data, strlen(data), NULL, "result");
    data[strlen(data) - 1] = '1';
    assert_int_equal(minisig_verify(&pub, data, strlen(data), sig, &trusted, &why), -1);
    assert_string_equal(why, "signature does not match");
    assert_null(trusted);
    data[strlen(data) - 1] = '0';
    assert_int_equal(minisig_verify(&pub, data, strlen(data) - 1, sig, NULL, &why), -1);
    assert_string_equal(why, "signature does not match");
    free(sig);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

static void test_R14_verify_fails_for_modified_trusted_comment(void **state)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    char *sig, *at;
    const char *why = NULL;
    (void)state;

    key_make(&pub, &sealed, &sk);
    sig = minisig_sign(&sk, "data", 4, NULL, "judge kim score 80");
    at = strstr(sig, "score 80");
    assert_non_null(at);
    at[6] = '9';
    assert_int_equal(minisig_verify(&pub, "data", 4, sig, NULL, &why), -1);
    assert_string_equal(why, "trusted comment does not match its signature");
    at[6] = '8';
    assert_int_equal(minisig_verify(&pub, "data", 4, sig, NULL, &why), 0);
    free(sig);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

static void test_R14_verify_fails_for_another_key(void **state)
{
    struct public_key pub, other;
    struct sealed_key sealed, other_sealed;
    struct secret_key sk;
    char *sig, *msg = NULL, *expected, hex_signer[17], hex_other[17];
    uint8_t signer[KEY_ID_BYTES];
    const char *why = NULL;
    (void)state;

    key_make(&pub, &sealed, &sk);
    key_make(&other, &other_sealed, NULL);
    sig = minisig_sign(&sk, "data", 4, NULL, "t");
    assert_int_equal(minisig_verify(&other, "data", 4, sig, NULL, &why), -1);
    assert_string_equal(why, "signed by another key");
    assert_int_equal(minisig_verify_msg(&other, "data", 4, sig, NULL, &msg), -1);
    key_id_hex(pub.key_id, hex_signer);
    key_id_hex(other.key_id, hex_other);
    expected = xasprintf("signed by another key (ID %s, expected %s)", hex_signer, hex_other);
    assert_string_equal(msg, expected);
    free(msg);
    free(expected);
    assert_int_equal(minisig_signer_id(sig, signer), 0);
    assert_memory_equal(signer, pub.key_id, KEY_ID_BYTES);

    /* same key id but another public key: the signature itself fails */
    memcpy(other.key_id, pub.key_id, KEY_ID_BYTES);
    assert_int_equal(minisig_verify(&other, "data", 4, sig, NULL, &why), -1);
    assert_string_equal(why, "signature does not match");
    assert_int_equal(minisig_verify_msg(&other, "data", 4, sig, NULL, &msg), -1);
    assert_string_equal(msg, "signature does not match");
    free(msg);
    free(sig);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
    sealed_key_free(&other_sealed);
}

/* Replace the first occurrence of from in text by to (new string). */
static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);

    assert_non_null(at);
    return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

static void expect_malformed(const struct public_key *pub, const char *sig, const char *why_want)
{
    const char *why = NULL;
    uint8_t id[KEY_ID_BYTES];

    assert_int_equal(minisig_verify(pub, "hello\n", 6, sig, NULL, &why), -1);
    assert_string_equal(why, why_want);
    assert_int_equal(minisig_signer_id(sig, id), -1);
}

static void test_R14_verify_rejects_malformed_signatures(void **state)
{
    struct public_key pub;
    char *bad;
    const char *why = NULL;
    (void)state;

    assert_int_equal(public_key_parse(MINISIGN_PUB, &pub), 0);
    assert_int_equal(minisig_verify(&pub, "hello\n", 6, MINISIGN_SIG, NULL, &why), 0);

    bad = replaced(MINISIGN_SIG, "trusted comment: tc", "trusted comments: tc");
    expect_malformed(&pub, bad,
                     "malformed signature: third line does not start with "
                     "\"trusted comment: \"");
    free(bad);
    bad = replaced(MINISIGN_SIG, "untrusted comment: ", "comment: ");
    expect_malformed(&pub, bad,
                     "malformed signature: first line does not start with "
                     "\"untrusted comment: \"");
    free(bad);
    bad = replaced(MINISIGN_SIG, "RUTxkr", "RUTx*r");
    expect_malformed(&pub, bad, "malformed signature: second line is not a base64 signature");
    free(bad);
    bad = replaced(MINISIGN_SIG, "A40eTgU=", "A40eTg=="); /* 73 bytes */
    expect_malformed(&pub, bad, "malformed signature: second line is not a base64 signature");
    free(bad);
    bad = replaced(MINISIGN_SIG, "Rb9BA==", "Rb9BA="); /* padding cut */
    expect_malformed(&pub, bad, "malformed signature: fourth line is not a base64 signature");
    free(bad);
    bad = replaced(MINISIGN_SIG, "RUTxkr", "RWTxkr"); /* legacy "Ed", not prehashed */
    expect_malformed(&pub, bad, "malformed signature: algorithm is not ED (prehashed Ed25519)");
    free(bad);
    bad = xstrndup(MINISIGN_SIG, (size_t)(strstr(MINISIGN_SIG, "3/K2F") - MINISIGN_SIG));
    expect_malformed(&pub, bad, "malformed signature: fewer than four lines");
    free(bad);
    bad = xasprintf("%sextra\n", MINISIGN_SIG);
    expect_malformed(&pub, bad, "malformed signature: text after the fourth line");
    free(bad);
    bad = replaced(MINISIGN_SIG, "tc here", "tc\rhere");
    expect_malformed(&pub, bad, "malformed signature: carriage return inside a line");
    free(bad);
    expect_malformed(&pub, "", "malformed signature: fewer than four lines");

    /* CRLF line ends and a missing final newline are accepted */
    bad = replaced(MINISIGN_SIG, "tc here\n", "tc here\r\n");
    assert_int_equal(minisig_verify(&pub, "hello\n", 6, bad, NULL, &why), 0);
    free(bad);
    bad = xstrndup(MINISIGN_SIG, strlen(MINISIGN_SIG) - 1);
    assert_int_equal(minisig_verify(&pub, "hello\n", 6, bad, NULL, &why), 0);
    free(bad);
}

static void audit_hash_reference(int64_t seq, const uint8_t prev[32], const char *a, const char *b,
                                 uint8_t out[32])
{
    uint8_t buf[256], *p = buf;
    const char *fields[2] = {a, b};

    for (int i = 0; i < 8; i++)
        *p++ = (uint8_t)((uint64_t)seq >> (8 * i));
    memcpy(p, prev, 32);
    p += 32;
    for (int f = 0; f < 2; f++) {
        size_t len = strlen(fields[f]);
        for (int i = 0; i < 8; i++)
            *p++ = (uint8_t)((uint64_t)len >> (8 * i));
        memcpy(p, fields[f], len);
        p += len;
    }
    crypto_generichash(out, 32, buf, (size_t)(p - buf), NULL, 0);
}

static void test_R14_audit_hash_layout(void **state)
{
    uint8_t prev[32] = {0}, got[32], want[32];
    const char *fields[2] = {"score", "2026-007 kim 심사"};
    (void)state;

    audit_hash(1, prev, fields, 2, got);
    audit_hash_reference(1, prev, fields[0], fields[1], want);
    assert_memory_equal(got, want, 32);
    prev[31] = 0x5a;
    audit_hash(300, prev, fields, 2, got);
    audit_hash_reference(300, prev, fields[0], fields[1], want);
    assert_memory_equal(got, want, 32);
}

static void test_R14_audit_hash_changes_with_every_input(void **state)
{
    uint8_t prev[32] = {0}, base[32], h[32];
    const char *fields[3] = {"score", "2026-007", "kim"};
    const char *changed[3] = {"score", "2026-008", "kim"};
    const char *swapped[3] = {"score", "kim", "2026-007"};
    const char *ab_c[2] = {"ab", "c"}, *a_bc[2] = {"a", "bc"}, *empty[1] = {""};
    (void)state;

    audit_hash(5, prev, fields, 3, base);
    audit_hash(5, prev, fields, 3, h);
    assert_memory_equal(h, base, 32);
    audit_hash(6, prev, fields, 3, h);
    assert_memory_not_equal(h, base, 32);
    audit_hash(5, prev, changed, 3, h);
    assert_memory_not_equal(h, base, 32);
    audit_hash(5, prev, swapped, 3, h);
    assert_memory_not_equal(h, base, 32);
    audit_hash(5, prev, fields, 2, h);
    assert_memory_not_equal(h, base, 32);
    prev[0] = 1;
    audit_hash(5, prev, fields, 3, h);
    assert_memory_not_equal(h, base, 32);
    prev[0] = 0;

    audit_hash(5, prev, ab_c, 2, base);
    audit_hash(5, prev, a_bc, 2, h);
    assert_memory_not_equal(h, base, 32);
    audit_hash(5, prev, NULL, 0, base);
    audit_hash(5, prev, empty, 1, h);
    assert_memory_not_equal(h, base, 32);
}

/* ---- interoperability with the stock minisign binary ---- */

static int minisign_installed(void)
{
    const char *path = getenv("PATH");
    char *dirs, *dir, *save = NULL, *candidate;
    int found = 0;

    if (!path)
        return 0;
    dirs = xstrdup(path);
    for (dir = strtok_r(dirs, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
        candidate = xasprintf("%s/minisign", *dir ? dir : ".");
        found = access(candidate, X_OK) == 0;
        free(candidate);
    }
    free(dirs);
    return found;
}

/* Run argv (no shell) with stdio on /dev/null; its exit status, or -1. */
static int run_quiet(char *const argv[])
{
    int status;
    pid_t pid = fork();

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        if (devnull < 0 || dup2(devnull, 0) < 0 || dup2(devnull, 1) < 0 || dup2(devnull, 2) < 0)
            _exit(126);
        execvp(argv[0], argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char *file_write(const char *dir, const char *name, const void *bytes, size_t len)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

static char *file_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text = xmalloc(4096);

    assert_non_null(f);
    *len = fread(text, 1, 4095, f);
    assert_int_equal(fclose(f), 0);
    text[*len] = '\0';
    return text;
}

static char *temp_dir_new(void)
{
    const char *base = getenv("TMPDIR");
    char *dir = xasprintf("%s/simsa-keys-XXXXXX", base && *base ? base : "/tmp");

    assert_non_null(mkdtemp(dir));
    return dir;
}

/* Our signature passes `minisign -V`; one flipped byte of data makes it fail. */
static void minisign_checks_our_signature(const char *dir)
{
    struct public_key pub;
    struct sealed_key sealed;
    struct secret_key sk;
    char data[] = "app,judge,need,will\n2026-007,김심사,18,17\n";
    char *pub_text, *sig, *pub_path, *data_path, *sig_path;

    key_make(&pub, &sealed, &sk);
    pub_text = public_key_minisign(&pub);
    sig = minisig_sign(&sk, data, strlen(data), "simsa sheet", "sheet 2026-007 김심사 제출");
    assert_non_null(sig);
    pub_path = file_write(dir, "key.pub", pub_text, strlen(pub_text));
    data_path = file_write(dir, "data", data, strlen(data));
    sig_path = file_write(dir, "data.minisig", sig, strlen(sig));
    {
        char *argv[] = {"minisign", "-Vm", data_path, "-p", pub_path, NULL};
        assert_int_equal(run_quiet(argv), 0);
        data[0] ^= 0x01;
        free(file_write(dir, "data", data, strlen(data)));
        assert_int_equal(run_quiet(argv), 1);
    }
    assert_int_equal(unlink(pub_path), 0);
    assert_int_equal(unlink(data_path), 0);
    assert_int_equal(unlink(sig_path), 0);
    free(pub_path);
    free(data_path);
    free(sig_path);
    free(pub_text);
    free(sig);
    secret_key_wipe(&sk);
    sealed_key_free(&sealed);
}

/* A key made and a file signed by minisign verify here. */
static void we_check_minisign_signature(const char *dir)
{
    const char *data = "result 2026 final\n";
    char *pub_path = xasprintf("%s/m.pub", dir), *key_path = xasprintf("%s/m.key", dir);
    char *sig_path, *data_path = file_write(dir, "m.data", data, strlen(data));
    char *pub_text, *sig, *trusted = NULL, trusted_in[] = "made by minisign";
    struct public_key pub;
    const char *why = NULL;
    size_t len;

    {
        char *gen[] = {"minisign", "-G", "-W", "-p", pub_path, "-s", key_path, NULL};
        char *sign[] = {"minisign", "-S", "-s", key_path, "-m", data_path, "-t", trusted_in, NULL};
        assert_int_equal(run_quiet(gen), 0);
        assert_int_equal(run_quiet(sign), 0);
    }
    sig_path = xasprintf("%s.minisig", data_path);
    pub_text = file_read(pub_path, &len);
    sig = file_read(sig_path, &len);
    assert_int_equal(public_key_parse(pub_text, &pub), 0);
    assert_int_equal(minisig_verify(&pub, data, strlen(data), sig, &trusted, &why), 0);
    assert_string_equal(trusted, "made by minisign");
    free(trusted);
    assert_int_equal(minisig_verify(&pub, data, strlen(data) - 1, sig, NULL, &why), -1);
    assert_string_equal(why, "signature does not match");
    assert_int_equal(unlink(pub_path), 0);
    assert_int_equal(unlink(key_path), 0);
    assert_int_equal(unlink(data_path), 0);
    assert_int_equal(unlink(sig_path), 0);
    free(pub_text);
    free(sig);
    free(pub_path);
    free(key_path);
    free(data_path);
    free(sig_path);
}

static void test_R14_minisign_binary_interop(void **state)
{
    char *dir;
    (void)state;

    if (!minisign_installed()) {
        print_message("minisign is not installed: interoperability test skipped\n");
        skip();
    }
    dir = temp_dir_new();
    minisign_checks_our_signature(dir);
    we_check_minisign_signature(dir);
    assert_int_equal(rmdir(dir), 0);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_R14_generate_unseal_round_trip),
        cmocka_unit_test(test_R14_sealed_layout_fast_kdf),
        cmocka_unit_test(test_R14_default_kdf_parameters_stored_and_opened),
        cmocka_unit_test(test_R14_wrong_passphrase_fails),
        cmocka_unit_test(test_R14_tampered_sealed_key_fails),
        cmocka_unit_test(test_R14_sealed_key_hides_secret_bytes),
        cmocka_unit_test(test_R14_key_id_hex_matches_minisign),
        cmocka_unit_test(test_R14_public_key_text_round_trip),
        cmocka_unit_test(test_R14_public_key_parse_rejects_malformed),
        cmocka_unit_test(test_R14_verifies_signature_made_by_minisign),
        cmocka_unit_test(test_R14_sign_verify_round_trip),
        cmocka_unit_test(test_R14_sign_refuses_multiline_comments),
        cmocka_unit_test(test_R14_verify_fails_for_modified_data),
        cmocka_unit_test(test_R14_verify_fails_for_modified_trusted_comment),
        cmocka_unit_test(test_R14_verify_fails_for_another_key),
        cmocka_unit_test(test_R14_verify_rejects_malformed_signatures),
        cmocka_unit_test(test_R14_audit_hash_layout),
        cmocka_unit_test(test_R14_audit_hash_changes_with_every_input),
        cmocka_unit_test(test_R14_minisign_binary_interop),
    };

    if (setenv("SIMSA_KDF_FAST", "1", 1) != 0 || keys_init() != 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
