/* Keys and signatures (R14, DESIGN.md Trust). Ed25519 key pairs; the secret key is sealed under
 * the person's passphrase with Argon2id (crypto_pwhash, parameters stored with it) and
 * XChaCha20-Poly1305; unsealed secrets live only in sodium_malloc memory and are wiped.
 * Public keys and signatures use minisign's formats, so stock `minisign -V` verifies them. */
#ifndef SIMSA_KEYS_H
#define SIMSA_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KEY_ID_BYTES 8
#define PUBLIC_KEY_BYTES 32
#define SECRET_KEY_BYTES 64

struct public_key {
    uint8_t key_id[KEY_ID_BYTES]; /* random, as minisign does; little-endian on disk */
    uint8_t pk[PUBLIC_KEY_BYTES];
};

/* The secret key as it is on disk / in the database (struct mirrors the bytes, see keys.c). */
struct sealed_key {
    uint8_t *bytes;
    size_t len;
};

struct secret_key {
    uint8_t key_id[KEY_ID_BYTES];
    uint8_t *sk; /* SECRET_KEY_BYTES in sodium_malloc memory */
};

int keys_init(void); /* sodium_init; -1 when libsodium cannot start */

/* A new key pair sealed under the passphrase. Returns 0, or -1 with *why. Argon2id cost is
 * libsodium's MODERATE (256 MiB, ~0.7 s), or its minimum when SIMSA_KDF_FAST=1 (tests); stored
 * with the key. */
int key_generate(const char *pass, size_t passlen, struct public_key *pub, struct sealed_key *out,
                 const char **why);
/* Unseal; a wrong passphrase gives -1 and why = "wrong passphrase". */
int key_unseal(const struct sealed_key *sealed, const char *pass, size_t passlen,
               struct secret_key *out, const char **why);
/* As key_generate, at the minimum cost always: for the demo, whose passphrase is published, so
 * a slow KDF would protect nothing. Such keys are named as test keys, like SIMSA_KDF_FAST's. */
int key_generate_cheap(const char *pass, size_t passlen, struct public_key *pub,
                       struct sealed_key *out, const char **why);
/* 1 when the sealed key's stored Argon2id cost is below MODERATE (sealed with SIMSA_KDF_FAST=1,
 * or by an older version): such a key is named by `person list` and `verify`. */
int sealed_key_is_fast(const struct sealed_key *k);
void secret_key_wipe(struct secret_key *k); /* sodium_free, safe on a zeroed struct */
/* A second copy of an open key in its own protected memory (wiped separately); 0 or -1. */
int secret_key_copy(struct secret_key *dst, const struct secret_key *src);
bool secret_key_same(const struct secret_key *a, const struct secret_key *b);
void sealed_key_free(struct sealed_key *k);

/* Key id as 16 upper-case hex digits (minisign prints it this way). */
void key_id_hex(const uint8_t id[KEY_ID_BYTES], char out[17]);
/* minisign public key file text:
 * "untrusted comment: minisign public key <ID>\n<base64 of 'Ed' id pk>\n" (caller frees). */
char *public_key_minisign(const struct public_key *pub);
/* Parse the base64 line (or the whole two-line file); 0 or -1. */
int public_key_parse(const char *text, struct public_key *out);

/* A minisign .minisig over data: prehashed ("ED", BLAKE2b-512), with trusted comment and
 * global signature. Caller frees the returned text. */
char *minisig_sign(const struct secret_key *k, const void *data, size_t len,
                   const char *untrusted_comment, const char *trusted_comment);
/* Verify a .minisig text against data and a public key. 0 when good; otherwise -1 and *why
 * ("signed by another key", "signature does not match", "malformed signature ..."). On success
 * *trusted (if not NULL) receives a copy of the trusted comment (caller frees). */
int minisig_verify(const struct public_key *pub, const void *data, size_t len, const char *sig,
                   char **trusted, const char **why);
/* As minisig_verify, but *why is a full message the caller frees, naming both key ids when the
 * signer differs: "signed by another key (ID 0123456789ABCDEF, expected FEDCBA9876543210)". */
int minisig_verify_msg(const struct public_key *pub, const void *data, size_t len, const char *sig,
                       char **trusted, char **why);
/* The key id a .minisig names (to find who signed it); 0, or -1 when the text is malformed. */
int minisig_signer_id(const char *sig, uint8_t id[KEY_ID_BYTES]);

/* Audit chain (DESIGN.md Trust): BLAKE2b-256 over seq, previous hash and the length-prefixed
 * fields (each as 8-byte little-endian length then bytes). prev is 32 zero bytes for seq 1.
 * A NULL field hashes as an empty one. */
void audit_hash(int64_t seq, const uint8_t prev[32], const char *const *fields, size_t n,
                uint8_t out[32]);

/* A signed record's digest (BLAKE2b-128 of its text, lower-case hex). The audit event that
 * records a signed record ends with " #<digest>", tying the record to the chain. */
#define RECORD_DIGEST_HEX 32
void record_digest_hex(const char *text, char out[RECORD_DIGEST_HEX + 1]);

/* A running digest of signature bytes (BLAKE2b-256, each item length-prefixed as audit_hash's
 * fields): a verification checkpoint binds the signatures it checked with it, so a signature
 * swapped afterwards changes the digest (simsa-records(5), "Checkpoints"). */
struct sig_digest {
    _Alignas(64) unsigned char state[512];
};
void sig_digest_init(struct sig_digest *d);
void sig_digest_add(struct sig_digest *d, const void *bytes, size_t n);
void sig_digest_add_u64(struct sig_digest *d, uint64_t x);
void sig_digest_final(struct sig_digest *d, uint8_t out[32]);

/* `bytes` random bytes (at most 64) as lower-case hex into out (2 * bytes + 1 chars). */
void random_hex(char *out, size_t bytes);

/* An audit event's signature (DESIGN.md Trust: every event is made and signed by a person):
 * Ed25519 over "simsa event v1\n" and the event's 32-byte chain hash. */
#define EVENT_SIGNATURE_BYTES 64
void event_sign(const struct secret_key *k, const uint8_t hash[32],
                uint8_t sig[EVENT_SIGNATURE_BYTES]);
/* 0 when sig is k's signature of the event hash, else -1. */
int event_signature_check(const struct public_key *pub, const uint8_t hash[32],
                          const uint8_t sig[EVENT_SIGNATURE_BYTES]);
/* A public key as one line of text, "<key id hex>:<64 hex digits>", and back (0 or -1): how the
 * audit chain names a person's key. */
void public_key_line(const struct public_key *pub, char out[17 + 1 + 64 + 1]);
int public_key_line_parse(const char *text, struct public_key *out);

#endif
