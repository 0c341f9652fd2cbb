/* verify's floor for `make bench`: the bare checks of every signature simsa verify checks, on
 * every core, and nothing else. Reads the lines of bench/signatures.sql (bench.py runs it with
 * the sqlite3 program) into memory as the database holds them:
 *   R PUBLIC_KEY_HEX SIGNED_TEXT_HEX MINISIG_HEX   a signed record (the .minisig as its text)
 *   E PUBLIC_KEY_HEX EVENT_HASH_HEX SIGNATURE_HEX  an audit event's signature
 * then, timed, on one thread per online core: each record's .minisig decoded (its four lines
 * split, the signature and the global signature base64-decoded, the key id compared) and the
 * checks minisign -V makes: the BLAKE2b-512 prehash of the text (algorithm "ED") and two
 * crypto_sign_verify_detached, the signature and the global signature over signature ||
 * trusted comment; each event's one crypto_sign_verify_detached over "simsa event v1\n" || its
 * chain hash (core/keys.c event_signature_check). Prints "records N threads T wall S cpu S"
 * (N counts both kinds; CPU time of the process over the timed part, every thread's). */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct record {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char *text; /* an event: its 32-byte chain hash */
    size_t text_len;
    char *minisig; /* the four lines, as stored; an event: its 64-byte signature */
    int event;
};

#define EVENT_DOMAIN "simsa event v1\n"

static int event_check(const struct record *r)
{
    unsigned char msg[sizeof EVENT_DOMAIN - 1 + 32];
    if (r->text_len != 32)
        return -1;
    memcpy(msg, EVENT_DOMAIN, sizeof EVENT_DOMAIN - 1);
    memcpy(msg + sizeof EVENT_DOMAIN - 1, r->text, 32);
    return crypto_sign_verify_detached((const unsigned char *)r->minisig, msg, sizeof msg, r->pk);
}

static struct record *rec;
static size_t n_rec, n_threads;
static size_t bad[64];

static unsigned char *unhex(const char *hex, size_t hex_len, size_t *len)
{
    unsigned char *out = malloc(hex_len / 2 + 1);
    if (!out || sodium_hex2bin(out, hex_len / 2 + 1, hex, hex_len, NULL, len, NULL) != 0) {
        fprintf(stderr, "verify_floor: bad hex\n");
        exit(1);
    }
    return out;
}

/* The four lines of a .minisig: untrusted comment, signature, trusted comment, global
 * signature; 0 when both signatures verify. */
static int record_check(const struct record *r)
{
    const char *l2 = strchr(r->minisig, '\n');
    const char *l3 = l2 ? strchr(++l2, '\n') : NULL;
    const char *l4 = l3 ? strchr(++l3, '\n') : NULL;
    const char *end = l4 ? strchr(++l4, '\n') : NULL;
    static const char trusted_prefix[] = "trusted comment: ";
    unsigned char sig[74], global[crypto_sign_BYTES], msg[crypto_sign_BYTES + 1024];
    size_t n;
    if (!end ||
        sodium_base642bin(sig, sizeof sig, l2, (size_t)(l3 - 1 - l2), NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        n != sizeof sig || memcmp(sig, "ED", 2) != 0 ||
        sodium_base642bin(global, sizeof global, l4, (size_t)(end - l4), NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        strncmp(l3, trusted_prefix, sizeof trusted_prefix - 1) != 0)
        return -1;
    const char *trusted = l3 + sizeof trusted_prefix - 1;
    size_t tlen = (size_t)(l4 - 1 - trusted);
    if (tlen > 1024)
        return -1;
    unsigned char prehash[crypto_generichash_BYTES_MAX];
    crypto_generichash(prehash, sizeof prehash, r->text, r->text_len, NULL, 0);
    if (crypto_sign_verify_detached(sig + 10, prehash, sizeof prehash, r->pk) != 0)
        return -1;
    memcpy(msg, sig + 10, crypto_sign_BYTES);
    memcpy(msg + crypto_sign_BYTES, trusted, tlen);
    return crypto_sign_verify_detached(global, msg, crypto_sign_BYTES + tlen, r->pk);
}

static void *worker(void *arg)
{
    size_t t = (size_t)arg;
    for (size_t i = t; i < n_rec; i += n_threads)
        bad[t] += (rec[i].event ? event_check(&rec[i]) : record_check(&rec[i])) != 0;
    return NULL;
}

static size_t records_read(FILE *f)
{
    size_t cap = 0;
    char *line = NULL;
    size_t line_cap = 0;
    while (getline(&line, &line_cap, f) > 0) {
        char *kind = strtok(line, " \n"), *a = strtok(NULL, " \n"), *b = strtok(NULL, " \n"),
             *c = strtok(NULL, " \n");
        if (!kind || !a || !b || !c || (strcmp(kind, "R") != 0 && strcmp(kind, "E") != 0))
            continue;
        if (n_rec == cap) {
            cap = cap ? cap * 2 : 1024;
            rec = realloc(rec, cap * sizeof *rec);
        }
        struct record *r = &rec[n_rec++];
        r->event = kind[0] == 'E';
        size_t pk_len, sig_len;
        unsigned char *pk = unhex(a, strlen(a), &pk_len);
        memcpy(r->pk, pk, sizeof r->pk);
        free(pk);
        r->text = unhex(b, strlen(b), &r->text_len);
        r->minisig = (char *)unhex(c, strlen(c), &sig_len);
        r->minisig[sig_len] = '\0';
        if (r->event && sig_len != crypto_sign_BYTES) {
            fprintf(stderr, "verify_floor: an event signature of %zu bytes\n", sig_len);
            exit(1);
        }
    }
    free(line);
    return n_rec;
}

static double seconds(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0 || argc != 2)
        return 2;
    FILE *f = fopen(argv[1], "r");
    if (!f)
        return 2;
    records_read(f);
    fclose(f);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    n_threads = cores < 1 ? 1 : cores > 64 ? 64 : (size_t)cores;
    pthread_t th[64];
    double w0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (size_t t = 1; t < n_threads; t++)
        pthread_create(&th[t], NULL, worker, (void *)t);
    worker((void *)0);
    size_t failed = bad[0];
    for (size_t t = 1; t < n_threads; t++) {
        pthread_join(th[t], NULL);
        failed += bad[t];
    }
    double w1 = seconds(CLOCK_MONOTONIC), c1 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    printf("records %zu threads %zu wall %.4f cpu %.4f\n", n_rec, n_threads, w1 - w0, c1 - c0);
    if (failed) {
        fprintf(stderr, "verify_floor: %zu signatures did not verify\n", failed);
        return 1;
    }
    return 0;
}
