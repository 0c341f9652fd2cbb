/* verify's floor for `make bench`: the bare signature checks of every signed record, with
 * nothing else. Reads lines "PUBLIC_KEY_HEX SIGNED_TEXT_HEX MINISIG_HEX" (bench/bench.py
 * extracts them with the sqlite3 program), decodes every .minisig before the clock starts, then
 * times the loop minisign -V does per record: the BLAKE2b-512 prehash of the text (algorithm
 * "ED") and two crypto_sign_verify_detached, the signature and the global signature over
 * signature || trusted comment. Prints "records N seconds S". */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct record {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char *text;
    size_t text_len;
    unsigned char sig[crypto_sign_BYTES];
    unsigned char *global_msg; /* sig || trusted comment */
    size_t global_len;
    unsigned char global[crypto_sign_BYTES];
};

static unsigned char *unhex(const char *hex, size_t hex_len, size_t *len)
{
    unsigned char *out = malloc(hex_len / 2 + 1);
    if (!out || sodium_hex2bin(out, hex_len / 2 + 1, hex, hex_len, NULL, len, NULL) != 0) {
        fprintf(stderr, "verify_floor: bad hex\n");
        exit(1);
    }
    return out;
}

/* The four lines of a .minisig: untrusted comment, signature, trusted comment, global sig. */
static void minisig_decode(const char *text, struct record *r)
{
    const char *l2 = strchr(text, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
    const char *l4 = strchr(l3, '\n') + 1, *end = strchr(l4, '\n');
    unsigned char sig_bytes[74];
    size_t n;
    if (sodium_base642bin(sig_bytes, sizeof sig_bytes, l2, (size_t)(l3 - 1 - l2), NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        n != sizeof sig_bytes ||
        sodium_base642bin(r->global, sizeof r->global, l4, (size_t)(end - l4), NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        fprintf(stderr, "verify_floor: bad signature\n");
        exit(1);
    }
    memcpy(r->sig, sig_bytes + 10, crypto_sign_BYTES);
    const char *trusted = l3 + strlen("trusted comment: ");
    size_t tlen = (size_t)(l4 - 1 - trusted);
    r->global_len = crypto_sign_BYTES + tlen;
    r->global_msg = malloc(r->global_len);
    memcpy(r->global_msg, r->sig, crypto_sign_BYTES);
    memcpy(r->global_msg + crypto_sign_BYTES, trusted, tlen);
}

static size_t records_read(FILE *f, struct record **out)
{
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t len;
    while ((len = getline(&line, &line_cap, f)) > 0) {
        char *a = strtok(line, " \n"), *b = strtok(NULL, " \n"), *c = strtok(NULL, " \n");
        if (!a || !b || !c)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            *out = realloc(*out, cap * sizeof **out);
        }
        struct record *r = &(*out)[n++];
        size_t pk_len, sig_len;
        unsigned char *pk = unhex(a, strlen(a), &pk_len);
        memcpy(r->pk, pk, sizeof r->pk);
        free(pk);
        r->text = unhex(b, strlen(b), &r->text_len);
        unsigned char *sig = unhex(c, strlen(c), &sig_len);
        sig[sig_len] = '\0';
        minisig_decode((const char *)sig, r);
        free(sig);
    }
    free(line);
    return n;
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0 || argc != 2)
        return 2;
    FILE *f = fopen(argv[1], "r");
    if (!f)
        return 2;
    struct record *rec = NULL;
    size_t n = records_read(f, &rec);
    fclose(f);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char prehash[crypto_generichash_BYTES_MAX];
        crypto_generichash(prehash, sizeof prehash, rec[i].text, rec[i].text_len, NULL, 0);
        bad += crypto_sign_verify_detached(rec[i].sig, prehash, sizeof prehash, rec[i].pk) != 0;
        bad += crypto_sign_verify_detached(rec[i].global, rec[i].global_msg, rec[i].global_len,
                                           rec[i].pk) != 0;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("records %zu seconds %.4f\n", n, s);
    if (bad) {
        fprintf(stderr, "verify_floor: %zu signatures did not verify\n", bad);
        return 1;
    }
    return 0;
}
