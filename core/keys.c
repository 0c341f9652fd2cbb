/* Keys, sealed secret keys, minisign-format public keys and signatures, and the audit-chain hash
 * (R14, DESIGN.md Trust). libsodium only; secrets stay in sodium_malloc memory. */
#include "core/keys.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/i18n.h"

/*
 * Sealed secret key, as stored (all integers little-endian):
 *
 * struct sealed_key_bytes {            offset  size
 *     magic[4]      "SSK1"                  0     4   format and version
 *     sig_alg[2]    "Ed"                    4     2   Ed25519
 *     kdf_alg[2]    "A2"                    6     2   Argon2id v1.3 (crypto_pwhash)
 *     opslimit_le   u64                     8     8
 *     memlimit_le   u64                    16     8   bytes
 *     salt[16]                             24    16
 *     key_id[8]                            40     8   minisign keynum
 *     pk[32]                               48    32   Ed25519 public key
 *     nonce[24]                            80    24   XChaCha20-Poly1305
 *     ciphertext[64 + 16]                 104    80   Ed25519 secret key + tag
 * };                                                184
 *
 * Bytes 0..103 are the associated data, so the public key, key id and KDF parameters cannot be
 * changed without the passphrase check failing.
 */
struct sealed_key_bytes {
    uint8_t magic[4];
    uint8_t sig_alg[2];
    uint8_t kdf_alg[2];
    uint8_t opslimit_le[8];
    uint8_t memlimit_le[8];
    uint8_t salt[crypto_pwhash_SALTBYTES];
    uint8_t key_id[KEY_ID_BYTES];
    uint8_t pk[PUBLIC_KEY_BYTES];
    uint8_t nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
    uint8_t ciphertext[SECRET_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES];
};

#define SEALED_HEADER_BYTES offsetof(struct sealed_key_bytes, ciphertext)

_Static_assert(sizeof(struct sealed_key_bytes) == 184, "sealed key layout has no padding");
_Static_assert(SEALED_HEADER_BYTES == 104, "sealed key header is 104 bytes");
_Static_assert(crypto_pwhash_SALTBYTES == 16, "Argon2id salt is 16 bytes");
_Static_assert(SECRET_KEY_BYTES == crypto_sign_SECRETKEYBYTES, "Ed25519 secret key size");
_Static_assert(PUBLIC_KEY_BYTES == crypto_sign_PUBLICKEYBYTES, "Ed25519 public key size");

/* minisign public key: base64 of this, after "untrusted comment: ...". */
struct minisign_pubkey_bytes {
    uint8_t sig_alg[2]; /* "Ed" */
    uint8_t key_id[KEY_ID_BYTES];
    uint8_t pk[PUBLIC_KEY_BYTES];
};

/* minisign signature line: base64 of this. "ED": sig is over BLAKE2b-512(data). */
struct minisign_sig_bytes {
    uint8_t sig_alg[2];
    uint8_t key_id[KEY_ID_BYTES];
    uint8_t sig[crypto_sign_BYTES];
};

_Static_assert(sizeof(struct minisign_pubkey_bytes) == 42, "minisign public key is 42 bytes");
_Static_assert(sizeof(struct minisign_sig_bytes) == 74, "minisign signature is 74 bytes");

static const uint8_t SEALED_MAGIC[4] = {'S', 'S', 'K', '1'};
static const uint8_t KDF_ARGON2ID13[2] = {'A', '2'};
static const uint8_t SIG_ALG_ED25519[2] = {'E', 'd'};
static const uint8_t SIG_ALG_PREHASHED[2] = {'E', 'D'};

#define DERIVED_KEY_BYTES crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define PREHASH_BYTES crypto_generichash_BYTES_MAX /* 64: BLAKE2b-512 as minisign -H */

static const char UNTRUSTED_PREFIX[] = "untrusted comment: ";
static const char TRUSTED_PREFIX[] = "trusted comment: ";
/* minisign reads these lines with fgets into 1024- and 8192-byte buffers (prefix, LF, NUL). */
#define UNTRUSTED_COMMENT_MAX (1024 - (sizeof UNTRUSTED_PREFIX - 1) - 2)
#define TRUSTED_COMMENT_MAX (8192 - (sizeof TRUSTED_PREFIX - 1) - 2)

static void le64_store(uint8_t out[8], uint64_t x)
{
    for (int i = 0; i < 8; i++)
        out[i] = (uint8_t)(x >> (8 * i));
}

static uint64_t le64_load(const uint8_t in[8])
{
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--)
        x = (x << 8) | in[i];
    return x;
}

int keys_init(void)
{
    return sodium_init() < 0 ? -1 : 0;
}

/* SIMSA_KDF_FAST=1 (test suites) picks the minimum cost; the choice is stored with the key. */
static void kdf_params_choose(uint64_t *opslimit, uint64_t *memlimit, bool cheap)
{
    const char *fast = getenv("SIMSA_KDF_FAST");

    if (cheap || (fast && strcmp(fast, "1") == 0)) {
        *opslimit = crypto_pwhash_OPSLIMIT_MIN;
        *memlimit = crypto_pwhash_MEMLIMIT_MIN;
    } else {
        *opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
        *memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
    }
}

/* Bounds also keep a damaged blob from asking for unbounded time or memory. */
static int kdf_params_valid(uint64_t opslimit, uint64_t memlimit)
{
    return opslimit >= crypto_pwhash_OPSLIMIT_MIN && opslimit <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
           memlimit >= crypto_pwhash_MEMLIMIT_MIN && memlimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

int sealed_key_is_fast(const struct sealed_key *k)
{
    const struct sealed_key_bytes *s;

    if (!k || !k->bytes || k->len != sizeof(struct sealed_key_bytes))
        return 0;
    s = (const struct sealed_key_bytes *)(const void *)k->bytes;
    return le64_load(s->opslimit_le) < crypto_pwhash_OPSLIMIT_MODERATE ||
           le64_load(s->memlimit_le) < crypto_pwhash_MEMLIMIT_MODERATE;
}

/* The AEAD key from the passphrase, in sodium_malloc memory; NULL with *why on failure. */
static uint8_t *derive_key(const struct sealed_key_bytes *s, const char *pass, size_t passlen,
                           const char **why)
{
    uint8_t *key = sodium_malloc(DERIVED_KEY_BYTES);

    if (!key) {
        *why = _("not enough memory for the key");
        return NULL;
    }
    if (crypto_pwhash(key, DERIVED_KEY_BYTES, pass, passlen, s->salt, le64_load(s->opslimit_le),
                      (size_t)le64_load(s->memlimit_le), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        sodium_free(key);
        *why = _("not enough memory to derive the key from the passphrase");
        return NULL;
    }
    return key;
}

static int seal_secret(struct sealed_key_bytes *s, const uint8_t *sk, const char *pass,
                       size_t passlen, const char **why)
{
    uint8_t *key = derive_key(s, pass, passlen, why);
    int rc;

    if (!key)
        return -1;
    randombytes_buf(s->nonce, sizeof s->nonce);
    rc = crypto_aead_xchacha20poly1305_ietf_encrypt(s->ciphertext, NULL, sk, SECRET_KEY_BYTES,
                                                    (const uint8_t *)s, SEALED_HEADER_BYTES, NULL,
                                                    s->nonce, key);
    sodium_free(key);
    if (rc != 0)
        *why = _("could not encrypt the secret key");
    return rc == 0 ? 0 : -1;
}

static int generate(const char *pass, size_t passlen, struct public_key *pub,
                    struct sealed_key *out, const char **why, bool cheap)
{
    struct sealed_key_bytes s;
    uint64_t opslimit, memlimit;
    uint8_t *sk;
    int rc;

    memset(out, 0, sizeof *out);
    if (passlen > crypto_pwhash_PASSWD_MAX) {
        *why = _("passphrase too long");
        return -1;
    }
    sk = sodium_malloc(SECRET_KEY_BYTES);
    if (!sk) {
        *why = _("not enough memory for the key");
        return -1;
    }
    memset(&s, 0, sizeof s);
    memcpy(s.magic, SEALED_MAGIC, sizeof s.magic);
    memcpy(s.sig_alg, SIG_ALG_ED25519, sizeof s.sig_alg);
    memcpy(s.kdf_alg, KDF_ARGON2ID13, sizeof s.kdf_alg);
    kdf_params_choose(&opslimit, &memlimit, cheap);
    le64_store(s.opslimit_le, opslimit);
    le64_store(s.memlimit_le, memlimit);
    randombytes_buf(s.salt, sizeof s.salt);
    randombytes_buf(s.key_id, sizeof s.key_id);
    rc = crypto_sign_keypair(s.pk, sk);
    if (rc != 0)
        *why = _("could not generate a key pair");
    else
        rc = seal_secret(&s, sk, pass, passlen, why);
    sodium_free(sk);
    if (rc != 0)
        return -1;
    memcpy(pub->key_id, s.key_id, KEY_ID_BYTES);
    memcpy(pub->pk, s.pk, PUBLIC_KEY_BYTES);
    out->len = sizeof s;
    out->bytes = xmalloc(out->len);
    memcpy(out->bytes, &s, out->len);
    return 0;
}

static int sealed_layout_valid(const struct sealed_key *sealed, struct sealed_key_bytes *s)
{
    if (!sealed->bytes || sealed->len != sizeof *s)
        return 0;
    memcpy(s, sealed->bytes, sizeof *s);
    return memcmp(s->magic, SEALED_MAGIC, sizeof s->magic) == 0 &&
           memcmp(s->sig_alg, SIG_ALG_ED25519, sizeof s->sig_alg) == 0 &&
           memcmp(s->kdf_alg, KDF_ARGON2ID13, sizeof s->kdf_alg) == 0 &&
           kdf_params_valid(le64_load(s->opslimit_le), le64_load(s->memlimit_le));
}

int key_generate(const char *pass, size_t passlen, struct public_key *pub, struct sealed_key *out,
                 const char **why)
{
    return generate(pass, passlen, pub, out, why, false);
}

int key_generate_cheap(const char *pass, size_t passlen, struct public_key *pub,
                       struct sealed_key *out, const char **why)
{
    return generate(pass, passlen, pub, out, why, true);
}

int key_unseal(const struct sealed_key *sealed, const char *pass, size_t passlen,
               struct secret_key *out, const char **why)
{
    struct sealed_key_bytes s;
    uint8_t pk_of_sk[PUBLIC_KEY_BYTES];
    uint8_t *key, *sk;
    int rc;

    memset(out, 0, sizeof *out);
    if (!sealed_layout_valid(sealed, &s)) {
        *why = _("damaged key");
        return -1;
    }
    if (passlen > crypto_pwhash_PASSWD_MAX) {
        *why = _("wrong passphrase");
        return -1;
    }
    key = derive_key(&s, pass, passlen, why);
    if (!key)
        return -1;
    sk = sodium_malloc(SECRET_KEY_BYTES);
    if (!sk) {
        sodium_free(key);
        *why = _("not enough memory for the key");
        return -1;
    }
    rc = crypto_aead_xchacha20poly1305_ietf_decrypt(sk, NULL, NULL, s.ciphertext,
                                                    sizeof s.ciphertext, (const uint8_t *)&s,
                                                    SEALED_HEADER_BYTES, s.nonce, key);
    sodium_free(key);
    if (rc != 0) {
        sodium_free(sk);
        *why = _("wrong passphrase");
        return -1;
    }
    /* The stored public key must be this secret key's own (libsodium sk = seed || pk). */
    if (crypto_sign_ed25519_sk_to_pk(pk_of_sk, sk) != 0 ||
        sodium_memcmp(pk_of_sk, s.pk, PUBLIC_KEY_BYTES) != 0) {
        sodium_free(sk);
        *why = _("damaged key");
        return -1;
    }
    memcpy(out->key_id, s.key_id, KEY_ID_BYTES);
    out->sk = sk;
    return 0;
}

void secret_key_wipe(struct secret_key *k)
{
    if (k->sk)
        sodium_free(k->sk);
    k->sk = NULL;
    sodium_memzero(k->key_id, sizeof k->key_id);
}

void sealed_key_free(struct sealed_key *k)
{
    free(k->bytes);
    k->bytes = NULL;
    k->len = 0;
}

void key_id_hex(const uint8_t id[KEY_ID_BYTES], char out[17])
{
    snprintf(out, 17, "%016" PRIX64, le64_load(id));
}

static char *base64_new(const void *bin, size_t len)
{
    size_t size = sodium_base64_encoded_len(len, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = xmalloc(size);

    sodium_bin2base64(b64, size, bin, len, sodium_base64_VARIANT_ORIGINAL);
    return b64;
}

/* Decode exactly want bytes from base64 text of length len; 0 or -1. */
static int base64_decode_exact(const char *text, size_t len, void *out, size_t want)
{
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    size_t got = 0;

    if (sodium_base642bin(out, want, text, len, NULL, &got, NULL, variant) != 0)
        return -1;
    return got == want ? 0 : -1;
}

char *public_key_minisign(const struct public_key *pub)
{
    struct minisign_pubkey_bytes b;
    char id[17], *b64, *text;

    memcpy(b.sig_alg, SIG_ALG_ED25519, sizeof b.sig_alg);
    memcpy(b.key_id, pub->key_id, KEY_ID_BYTES);
    memcpy(b.pk, pub->pk, PUBLIC_KEY_BYTES);
    key_id_hex(pub->key_id, id);
    b64 = base64_new(&b, sizeof b);
    text = xasprintf("%sminisign public key %s\n%s\n", UNTRUSTED_PREFIX, id, b64);
    free(b64);
    return text;
}

struct text_line {
    const char *s;
    size_t len;
};

/* Split off the next LF-terminated line (a CR before the LF is dropped). Returns 1, 0 at the end
 * of text, -1 when a CR is inside the line (minisign would cut the line there). */
static int line_next(const char **text, struct text_line *line)
{
    const char *s = *text, *nl;
    size_t len;

    if (*s == '\0')
        return 0;
    nl = strchr(s, '\n');
    len = nl ? (size_t)(nl - s) : strlen(s);
    *text = nl ? nl + 1 : s + len;
    if (len > 0 && s[len - 1] == '\r')
        len--;
    line->s = s;
    line->len = len;
    return memchr(s, '\r', len) ? -1 : 1;
}

static int line_has_prefix(const struct text_line *line, const char *prefix)
{
    size_t n = strlen(prefix);
    return line->len >= n && memcmp(line->s, prefix, n) == 0;
}

/* Nothing but blank lines left. */
static int text_rest_blank(const char *text)
{
    return text[strspn(text, " \t\r\n")] == '\0';
}

static void line_trim_blanks(struct text_line *line)
{
    while (line->len > 0 && (line->s[0] == ' ' || line->s[0] == '\t')) {
        line->s++;
        line->len--;
    }
    while (line->len > 0 && (line->s[line->len - 1] == ' ' || line->s[line->len - 1] == '\t'))
        line->len--;
}

int public_key_parse(const char *text, struct public_key *out)
{
    struct minisign_pubkey_bytes b;
    struct text_line line;

    if (!text || line_next(&text, &line) != 1)
        return -1;
    if (line_has_prefix(&line, UNTRUSTED_PREFIX) && line_next(&text, &line) != 1)
        return -1;
    line_trim_blanks(&line);
    if (!text_rest_blank(text) || base64_decode_exact(line.s, line.len, &b, sizeof b) != 0 ||
        memcmp(b.sig_alg, SIG_ALG_ED25519, sizeof b.sig_alg) != 0)
        return -1;
    memcpy(out->key_id, b.key_id, KEY_ID_BYTES);
    memcpy(out->pk, b.pk, PUBLIC_KEY_BYTES);
    return 0;
}

static int comment_fits(const char *comment, size_t max)
{
    size_t len = strlen(comment);
    return len <= max && !memchr(comment, '\n', len) && !memchr(comment, '\r', len);
}

/* Ed25519 over sig || trusted comment: what minisign calls the global signature. */
static int global_sig_make(const struct secret_key *k, const uint8_t sig[crypto_sign_BYTES],
                           const char *trusted, uint8_t out[crypto_sign_BYTES])
{
    size_t tlen = strlen(trusted);
    uint8_t *msg = xmalloc(crypto_sign_BYTES + tlen);
    int rc;

    memcpy(msg, sig, crypto_sign_BYTES);
    memcpy(msg + crypto_sign_BYTES, trusted, tlen);
    rc = crypto_sign_detached(out, NULL, msg, crypto_sign_BYTES + tlen, k->sk);
    free(msg);
    return rc;
}

char *minisig_sign(const struct secret_key *k, const void *data, size_t len,
                   const char *untrusted_comment, const char *trusted_comment)
{
    struct minisign_sig_bytes b;
    uint8_t prehash[PREHASH_BYTES], global[crypto_sign_BYTES];
    char *sig_b64, *global_b64, *text;

    if (!untrusted_comment)
        untrusted_comment = "signature from simsa secret key";
    if (!trusted_comment)
        trusted_comment = "";
    if (!k || !k->sk || !comment_fits(untrusted_comment, UNTRUSTED_COMMENT_MAX) ||
        !comment_fits(trusted_comment, TRUSTED_COMMENT_MAX))
        return NULL;
    crypto_generichash(prehash, sizeof prehash, data, len, NULL, 0);
    memcpy(b.sig_alg, SIG_ALG_PREHASHED, sizeof b.sig_alg);
    memcpy(b.key_id, k->key_id, KEY_ID_BYTES);
    if (crypto_sign_detached(b.sig, NULL, prehash, sizeof prehash, k->sk) != 0 ||
        global_sig_make(k, b.sig, trusted_comment, global) != 0)
        return NULL;
    sig_b64 = base64_new(&b, sizeof b);
    global_b64 = base64_new(global, sizeof global);
    text = xasprintf("%s%s\n%s\n%s%s\n%s\n", UNTRUSTED_PREFIX, untrusted_comment, sig_b64,
                     TRUSTED_PREFIX, trusted_comment, global_b64);
    free(sig_b64);
    free(global_b64);
    return text;
}

struct minisig_parsed {
    struct minisign_sig_bytes sig;
    struct text_line trusted; /* without the prefix; points into the signature text */
    uint8_t global[crypto_sign_BYTES];
};

static int minisig_parse(const char *text, struct minisig_parsed *p, const char **why)
{
    struct text_line line[4];

    for (int i = 0; i < 4; i++) {
        int rc = line_next(&text, &line[i]);
        if (rc != 1) {
            *why = rc == 0 ? _("malformed signature: fewer than four lines")
                           : _("malformed signature: carriage return inside a line");
            return -1;
        }
    }
    if (!text_rest_blank(text)) {
        *why = _("malformed signature: text after the fourth line");
        return -1;
    }
    if (!line_has_prefix(&line[0], UNTRUSTED_PREFIX)) {
        *why = _("malformed signature: first line does not start with \"untrusted comment: \"");
        return -1;
    }
    if (base64_decode_exact(line[1].s, line[1].len, &p->sig, sizeof p->sig) != 0) {
        *why = _("malformed signature: second line is not a base64 signature");
        return -1;
    }
    if (!line_has_prefix(&line[2], TRUSTED_PREFIX)) {
        *why = _("malformed signature: third line does not start with \"trusted comment: \"");
        return -1;
    }
    p->trusted.s = line[2].s + strlen(TRUSTED_PREFIX);
    p->trusted.len = line[2].len - strlen(TRUSTED_PREFIX);
    if (base64_decode_exact(line[3].s, line[3].len, p->global, sizeof p->global) != 0) {
        *why = _("malformed signature: fourth line is not a base64 signature");
        return -1;
    }
    if (memcmp(p->sig.sig_alg, SIG_ALG_PREHASHED, sizeof p->sig.sig_alg) != 0) {
        *why = _("malformed signature: algorithm is not ED (prehashed Ed25519)");
        return -1;
    }
    return 0;
}

static int global_sig_check(const struct public_key *pub, const struct minisig_parsed *p)
{
    size_t mlen = crypto_sign_BYTES + p->trusted.len;
    uint8_t *msg = xmalloc(mlen);
    int rc;

    memcpy(msg, p->sig.sig, crypto_sign_BYTES);
    memcpy(msg + crypto_sign_BYTES, p->trusted.s, p->trusted.len);
    rc = crypto_sign_verify_detached(p->global, msg, mlen, pub->pk);
    free(msg);
    return rc;
}

/* Shared by both verify entry points; *other_key tells that the key ids differ. */
static int minisig_check(const struct public_key *pub, const void *data, size_t len,
                         const char *sig, struct minisig_parsed *p, int *other_key,
                         const char **why)
{
    uint8_t prehash[PREHASH_BYTES];

    *other_key = 0;
    if (!sig) {
        *why = _("malformed signature: fewer than four lines");
        return -1;
    }
    if (minisig_parse(sig, p, why) != 0)
        return -1;
    if (memcmp(p->sig.key_id, pub->key_id, KEY_ID_BYTES) != 0) {
        *other_key = 1;
        *why = _("signed by another key");
        return -1;
    }
    crypto_generichash(prehash, sizeof prehash, data, len, NULL, 0);
    if (crypto_sign_verify_detached(p->sig.sig, prehash, sizeof prehash, pub->pk) != 0) {
        *why = _("signature does not match");
        return -1;
    }
    if (global_sig_check(pub, p) != 0) {
        *why = _("trusted comment does not match its signature");
        return -1;
    }
    return 0;
}

int minisig_verify(const struct public_key *pub, const void *data, size_t len, const char *sig,
                   char **trusted, const char **why)
{
    struct minisig_parsed p;
    int other_key;

    if (trusted)
        *trusted = NULL;
    if (minisig_check(pub, data, len, sig, &p, &other_key, why) != 0)
        return -1;
    if (trusted)
        *trusted = xstrndup(p.trusted.s, p.trusted.len);
    return 0;
}

int minisig_verify_msg(const struct public_key *pub, const void *data, size_t len, const char *sig,
                       char **trusted, char **why)
{
    struct minisig_parsed p;
    const char *reason;
    char signer[17], expected[17];
    int other_key;

    *why = NULL;
    if (trusted)
        *trusted = NULL;
    if (minisig_check(pub, data, len, sig, &p, &other_key, &reason) == 0) {
        if (trusted)
            *trusted = xstrndup(p.trusted.s, p.trusted.len);
        return 0;
    }
    if (!other_key) {
        *why = xstrdup(reason);
        return -1;
    }
    key_id_hex(p.sig.key_id, signer);
    key_id_hex(pub->key_id, expected);
    *why = xasprintf(_("signed by another key (ID %s, expected %s)"), signer, expected);
    return -1;
}

int minisig_signer_id(const char *sig, uint8_t id[KEY_ID_BYTES])
{
    struct minisig_parsed p;
    const char *why;

    if (!sig || minisig_parse(sig, &p, &why) != 0)
        return -1;
    memcpy(id, p.sig.key_id, KEY_ID_BYTES);
    return 0;
}

static void hash_u64(crypto_generichash_state *st, uint64_t x)
{
    uint8_t le[8];

    le64_store(le, x);
    crypto_generichash_update(st, le, sizeof le);
}

void audit_hash(int64_t seq, const uint8_t prev[32], const char *const *fields, size_t n,
                uint8_t out[32])
{
    crypto_generichash_state st;

    crypto_generichash_init(&st, NULL, 0, 32);
    hash_u64(&st, (uint64_t)seq);
    crypto_generichash_update(&st, prev, 32);
    for (size_t i = 0; i < n; i++) {
        const char *field = fields[i] ? fields[i] : "";
        size_t flen = strlen(field);

        hash_u64(&st, (uint64_t)flen);
        crypto_generichash_update(&st, (const uint8_t *)field, flen);
    }
    crypto_generichash_final(&st, out, 32);
}

_Static_assert(sizeof(crypto_generichash_state) <= sizeof(struct sig_digest),
               "struct sig_digest holds a BLAKE2b state");

void sig_digest_init(struct sig_digest *d)
{
    crypto_generichash_init((crypto_generichash_state *)d->state, NULL, 0, 32);
}

void sig_digest_add_u64(struct sig_digest *d, uint64_t x)
{
    hash_u64((crypto_generichash_state *)d->state, x);
}

void sig_digest_add(struct sig_digest *d, const void *bytes, size_t n)
{
    hash_u64((crypto_generichash_state *)d->state, (uint64_t)n);
    crypto_generichash_update((crypto_generichash_state *)d->state, bytes, n);
}

void sig_digest_final(struct sig_digest *d, uint8_t out[32])
{
    crypto_generichash_final((crypto_generichash_state *)d->state, out, 32);
}

void record_digest_hex(const char *text, char out[RECORD_DIGEST_HEX + 1])
{
    uint8_t digest[RECORD_DIGEST_HEX / 2];
    crypto_generichash(digest, sizeof digest, (const uint8_t *)text, strlen(text), NULL, 0);
    sodium_bin2hex(out, RECORD_DIGEST_HEX + 1, digest, sizeof digest);
}

#define EVENT_DOMAIN "simsa event v1\n"

static void event_message(const uint8_t hash[32], uint8_t msg[sizeof EVENT_DOMAIN - 1 + 32])
{
    memcpy(msg, EVENT_DOMAIN, sizeof EVENT_DOMAIN - 1);
    memcpy(msg + sizeof EVENT_DOMAIN - 1, hash, 32);
}

void event_sign(const struct secret_key *k, const uint8_t hash[32],
                uint8_t sig[EVENT_SIGNATURE_BYTES])
{
    uint8_t msg[sizeof EVENT_DOMAIN - 1 + 32];
    event_message(hash, msg);
    crypto_sign_detached(sig, NULL, msg, sizeof msg, k->sk);
}

int event_signature_check(const struct public_key *pub, const uint8_t hash[32],
                          const uint8_t sig[EVENT_SIGNATURE_BYTES])
{
    uint8_t msg[sizeof EVENT_DOMAIN - 1 + 32];
    event_message(hash, msg);
    return crypto_sign_verify_detached(sig, msg, sizeof msg, pub->pk) == 0 ? 0 : -1;
}

void public_key_line(const struct public_key *pub, char out[17 + 1 + 64 + 1])
{
    key_id_hex(pub->key_id, out);
    out[16] = ':';
    sodium_bin2hex(out + 17, 65, pub->pk, sizeof pub->pk);
}

int public_key_line_parse(const char *text, struct public_key *out)
{
    if (strlen(text) != 16 + 1 + 64 || text[16] != ':')
        return -1;
    char id[17];
    memcpy(id, text, 16);
    id[16] = '\0';
    uint8_t be[KEY_ID_BYTES];
    size_t n = 0;
    if (sodium_hex2bin(be, sizeof be, id, 16, NULL, &n, NULL) != 0 || n != KEY_ID_BYTES ||
        sodium_hex2bin(out->pk, sizeof out->pk, text + 17, 64, NULL, &n, NULL) != 0 ||
        n != PUBLIC_KEY_BYTES)
        return -1;
    /* key_id_hex prints the little-endian id as minisign does: most significant byte first. */
    for (size_t i = 0; i < KEY_ID_BYTES; i++)
        out->key_id[i] = be[KEY_ID_BYTES - 1 - i];
    char check[17];
    key_id_hex(out->key_id, check);
    return strcmp(check, id) == 0 ? 0 : -1;
}

int secret_key_copy(struct secret_key *dst, const struct secret_key *src)
{
    memset(dst, 0, sizeof *dst);
    if (!src || !src->sk)
        return -1;
    dst->sk = sodium_malloc(SECRET_KEY_BYTES);
    if (!dst->sk)
        return -1;
    memcpy(dst->sk, src->sk, SECRET_KEY_BYTES);
    memcpy(dst->key_id, src->key_id, sizeof dst->key_id);
    return 0;
}

bool secret_key_same(const struct secret_key *a, const struct secret_key *b)
{
    return a->sk && b->sk && sodium_memcmp(a->sk, b->sk, SECRET_KEY_BYTES) == 0;
}

void random_hex(char *out, size_t bytes)
{
    uint8_t buf[64];
    if (bytes > sizeof buf)
        bytes = sizeof buf;
    randombytes_buf(buf, bytes);
    sodium_bin2hex(out, 2 * bytes + 1, buf, bytes);
}
