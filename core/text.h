/* Text handling: UTF-8 validation, CP949 to UTF-8, NFC normalisation, display width. */
#ifndef SIMSA_TEXT_H
#define SIMSA_TEXT_H

#include <stdbool.h>
#include <stddef.h>

bool utf8_valid(const char *s, size_t len);
/* Length of the longest well-formed UTF-8 prefix of s: len when all of it is valid, else the
 * offset of the first byte that starts a bad sequence. */
size_t utf8_valid_prefix(const char *s, size_t len);
/* A new NFC-normalised copy (caller frees), or NULL when s is not valid UTF-8. */
char *utf8_nfc(const char *s);
/* True when s (len bytes) is valid UTF-8 already in NFC by utf8_nfc's quick test (ASCII and
 * Hangul syllables only): utf8_nfc would return a copy of it. */
bool utf8_nfc_quick(const char *s, size_t len);
/* Convert CP949 (EUC-KR superset) bytes to a new NUL-terminated UTF-8 string, or NULL when the
 * bytes are not valid CP949 (*bad_offset then says where). */
char *cp949_to_utf8(const char *s, size_t len, size_t *bad_offset);
/* A value as quoted in a message: s itself when it has at most TEXT_CLIP_BYTES bytes, else its
 * first whole characters within that many bytes and "…", written into out. A 10 MB field is
 * named by its beginning, not printed whole. */
#define TEXT_CLIP_BYTES 64
const char *utf8_clip(const char *s, char out[TEXT_CLIP_BYTES + 4]);
/* Terminal columns of a UTF-8 string: Hangul and other wide characters count 2. */
int utf8_width(const char *s);
/* A new copy of s in at most `width` columns: s itself when it fits, else its first whole words
 * and "…" (a single word wider than that is cut before the "…"). Caller frees. */
char *utf8_clip_words(const char *s, int width);

/* A text that names something or becomes part of a file name (person names, ids, panel names):
 * NULL when it may, else why not (translated, static): it is not UTF-8, or contains '/', '..',
 * a control character (C0, DEL, C1) or a bidirectional override (U+202A..U+202E,
 * U+2066..U+2069). The one check every front end uses. */
const char *text_name_refusal(const char *s);
/* An application's contact as a mail header carries it (R12.4 notifications, R11.7 corrections):
 * NULL when the e-mail is a plain addr-spec (local@domain, printable ASCII without spaces or
 * specials) and the name (NULL or "" for none) is UTF-8 without control characters; else why
 * not (translated, static). */
const char *text_contact_refusal(const char *name, const char *email);
/* Characters (Unicode code points) in len bytes of UTF-8. */
size_t utf8_count(const char *s, size_t len);
/* A new passphrase: NULL when it has at least PASSPHRASE_MIN_CHARS characters (code points,
 * not bytes), else why not (translated, static). */
#define PASSPHRASE_MIN_CHARS 10
const char *text_passphrase_refusal(const char *pass, size_t len);

#endif
