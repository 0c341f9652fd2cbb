/* Fuzz target: the signed-sheet importer's reading of a .sheet and its .minisig (the parts in
 * core: record_parse, the item and amount parsers, the canonical text, minisign parsing and
 * verification). The input is the sheet text, a NUL, then the signature text. A sheet that
 * reads must give back, written again canonically, a text that reads to the same values. */
#include <stdlib.h>
#include <string.h>

#include "core/keys.h"
#include "core/record_parse.h"
#include "core/records.h"
#include "fuzz/fuzz.h"

static struct public_key fuzz_pub;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    struct sealed_key sealed = {0};
    const char *why = NULL;
    setenv("SIMSA_KDF_FAST", "1", 1);
    fuzz_require(keys_init() == 0, "libsodium starts");
    fuzz_require(key_generate("fuzz", 4, &fuzz_pub, &sealed, &why) == 0, "a key is made");
    sealed_key_free(&sealed);
    fuzz_call();
    return 0;
}

/* The sheet's values as the importer reads them; false when one does not read. */
static bool sheet_values(const struct program *p, const struct record_fields *f,
                         struct record_sheet_item *items, struct record_sheet *rs)
{
    size_t seen = 0;
    for (size_t i = 0; i < f->n; i++) {
        const char *eq = strcmp(f->v[i].key, "item") == 0 ? strchr(f->v[i].value, '=') : NULL;
        size_t k;
        if (!eq)
            continue;
        char *id = xstrndup(f->v[i].value, (size_t)(eq - f->v[i].value));
        bool known = program_item(p, id, &k) != NULL;
        free(id);
        if (!known ||
            score_parse(eq + 1, p->items[k].max_tenths, p->step_tenths, &items[k].tenths, NULL) < 0)
            return false;
        items[k].id = p->items[k].id;
        seen++;
    }
    const char *amount = record_field(f, "amount");
    *rs = (struct record_sheet){.program = record_field(f, "program"),
                                .app = record_field(f, "app"),
                                .judge = record_field(f, "judge"),
                                .items = items,
                                .n_items = p->n_items,
                                .agree = amount && strcmp(amount, "agree") == 0,
                                .opinion = record_field(f, "opinion"),
                                .signer = record_field(f, "signer"),
                                .at = record_field(f, "at")};
    const char *transcribed = record_field(f, "transcribed");
    rs->transcribed = transcribed && strcmp(transcribed, "yes") == 0;
    if (!rs->agree && (!amount || amount_parse(amount, &rs->amount, NULL) < 0))
        return false;
    return seen == p->n_items;
}

/* Written again canonically, the values read back the same. */
static void sheet_round_trip(const struct program *p, const struct record_sheet *rs)
{
    char *why = NULL;
    char *text = record_sheet_text(rs, &why);
    free(why);
    if (!text)
        return;
    struct record_fields again;
    const char *reason = NULL;
    fuzz_require(record_parse(text, strlen(text), &again, &reason) == 0,
                 "a canonical sheet text reads");
    struct record_sheet_item items[PROGRAM_MAX_ITEMS] = {0};
    struct record_sheet rs2;
    fuzz_require(sheet_values(p, &again, items, &rs2), "a canonical sheet's values read");
    for (size_t k = 0; k < p->n_items; k++)
        fuzz_require(items[k].tenths == rs->items[k].tenths, "items read back the same");
    fuzz_require(rs2.agree == rs->agree && (rs->agree || rs2.amount == rs->amount),
                 "the amount reads back the same");
    char *text2 = record_sheet_text(&rs2, &why);
    free(why);
    fuzz_require(text2 && strcmp(text, text2) == 0, "the canonical text is a fixed point");
    free(text2);
    record_fields_free(&again);
    free(text);
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
    const struct program *p = &fuzz_call()->program;
    struct record_fields f;
    const char *why = NULL;
    if (record_parse(text, text_len, &f, &why) == 0) {
        struct record_sheet_item items[PROGRAM_MAX_ITEMS] = {0};
        struct record_sheet rs;
        if (strcmp(f.kind, "sheet") == 0 && sheet_values(p, &f, items, &rs))
            sheet_round_trip(p, &rs);
        record_fields_free(&f);
    } else {
        fuzz_require(why != NULL, "a text that does not read says why");
    }
    if (sig)
        signature_check(text, text_len, sig);
    free(sig);
    free(text);
    return 0;
}
