/* Fuzz target: the reader `sheet import` uses (core/sheet.c sheet_file_read: record_parse,
 * the signature, who signed it, the item and amount parsers, the canonical text). The input is
 * the sheet text, a NUL, then the signature text. Each text is read twice: with the input's
 * signature, and signed for real by judge j1 of the fixture call, so the values are read too. A
 * sheet that reads is its own canonical text, and reads again to the same values. */
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/keys.h"
#include "core/sheet.h"
#include "fuzz/fuzz.h"

static struct public_key fuzz_pub;
static struct secret_key fuzz_sk;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    struct sealed_key sealed = {0};
    const char *why = NULL;
    setenv("SIMSA_KDF_FAST", "1", 1);
    fuzz_require(keys_init() == 0, "libsodium starts");
    fuzz_require(key_generate("fuzz", 4, &fuzz_pub, &sealed, &why) == 0, "a key is made");
    fuzz_require(key_unseal(&sealed, "fuzz", 4, &fuzz_sk, &why) == 0, "the key opens");
    sealed_key_free(&sealed);
    /* j1's key is this one, in this target only (each target is its own program). */
    struct call *c = (struct call *)fuzz_call();
    c->people[1].pub = fuzz_pub;
    return 0;
}

/* Read text with sig; 0 when it read. Whether it read or not, the reader says so consistently. */
static int sheet_read(const char *text, size_t len, const char *sig, struct sheet_file *f)
{
    struct diags d = {0};
    int rc = sheet_file_read(fuzz_call(), "fuzz.sheet", text, len, sig, f, &d);
    fuzz_require((rc == 0) == (d.n == 0), "the reader fails exactly when it names a problem");
    diags_free(&d);
    return rc;
}

/* A sheet that read is its own canonical text, and reads again to the same values. */
static void sheet_round_trip(const struct sheet_file *f, const char *text, const char *sig)
{
    const struct call *c = fuzz_call();
    char *why = NULL;
    char *again = sheet_text(c, &f->s, f->judge->name, f->judge->name, f->at, &why);
    fuzz_require(again && strcmp(again, text) == 0, "a sheet read is its canonical text");
    free(why);
    struct sheet_file g;
    fuzz_require(sheet_read(again, strlen(again), sig, &g) == 0, "a canonical sheet reads again");
    fuzz_require(g.judge == f->judge && strcmp(g.s.app, f->s.app) == 0, "the same judge and app");
    for (size_t k = 0; k < c->program.n_items; k++)
        fuzz_require(g.s.item_tenths[k] == f->s.item_tenths[k], "items read back the same");
    fuzz_require(g.s.agree == f->s.agree && (f->s.agree || g.s.amount == f->s.amount),
                 "the amount reads back the same");
    fuzz_require(!f->s.transcribed && !g.s.transcribed, "a judge's own file is never transcribed");
    sheet_file_free(&g);
    free(again);
}

static void signature_check(const char *text, size_t len, const char *sig)
{
    struct public_key pub = fuzz_pub;
    char *trusted = NULL, *why = NULL;
    if (minisig_signer_id(sig, pub.key_id) < 0)
        return;
    /* Same key id, another key: the whole verification runs and must refuse. */
    fuzz_require(minisig_verify_msg(&pub, text, len, sig, &trusted, &why) != 0,
                 "a signature by another key does not verify");
    fuzz_require(why != NULL, "a refused signature says why");
    free(why);
    free(trusted);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, '\0', size);
    size_t text_len = nul ? (size_t)(nul - data) : size;
    char *text = fuzz_string(data, text_len);
    char *sig = nul ? fuzz_string(nul + 1, size - text_len - 1) : NULL;
    struct sheet_file f;
    if (sig) {
        /* The input's own signature cannot be j1's: only this target holds the key. */
        fuzz_require(sheet_read(text, text_len, sig, &f) != 0,
                     "a signature made without j1's key does not pass as j1's");
        sheet_file_free(&f);
        signature_check(text, text_len, sig);
    }
    char *good = minisig_sign(&fuzz_sk, text, text_len, "fuzz", "fuzz");
    if (sheet_read(text, text_len, good, &f) == 0)
        sheet_round_trip(&f, text, good);
    sheet_file_free(&f);
    free(good);
    free(sig);
    free(text);
    return 0;
}
