/* Fuzz target: text handling (core/text.c): UTF-8 validation, CP949 decoding, NFC and display
 * widths. NFC is compared with utf8proc's own, so simsa's shortcut for ASCII and Hangul
 * syllables can never give another text than the normalisation it stands for. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/text.h"
#include "fuzz/fuzz.h"

static void check_nfc(const char *s, size_t len)
{
    char *nfc = utf8_nfc(s);
    fuzz_require((nfc != NULL) == utf8_valid(s, len), "NFC exactly of valid UTF-8");
    if (!nfc)
        return;
    fuzz_require(utf8_valid(nfc, strlen(nfc)), "NFC is valid UTF-8");
    char *twice = utf8_nfc(nfc);
    fuzz_require(twice && strcmp(twice, nfc) == 0, "NFC is idempotent");
    utf8proc_uint8_t *ref = utf8proc_NFC((const utf8proc_uint8_t *)s);
    fuzz_require(ref && strcmp((const char *)ref, nfc) == 0, "NFC as utf8proc makes it");
    fuzz_require(utf8_width(nfc) >= 0, "a width is not negative");
    free(ref);
    free(twice);
    free(nfc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    size_t prefix = utf8_valid_prefix(bytes, size);
    fuzz_require(prefix <= size, "the valid prefix is inside the text");
    fuzz_require(utf8_valid(bytes, prefix), "the valid prefix is valid");
    size_t bad = 0;
    char *decoded = cp949_to_utf8(bytes, size, &bad);
    if (decoded)
        fuzz_require(utf8_valid(decoded, strlen(decoded)), "CP949 decodes to valid UTF-8");
    else
        fuzz_require(bad <= size, "a CP949 failure points inside the text");
    free(decoded);
    /* Up to the first NUL: the string functions take C strings. */
    char *s = fuzz_string(data, size);
    check_nfc(s, strlen(s));
    (void)utf8_width(s);
    free(s);
    return 0;
}
