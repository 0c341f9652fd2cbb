/* Text handling (see text.h): strict UTF-8 validation, NFC through utf8proc, CP949 through
 * iconv, and terminal display width. */
#include "core/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/diag.h"
#include "core/i18n.h"

/* Length of the well-formed UTF-8 sequence at s (at most avail bytes), or 0 when it is not:
 * overlong forms, surrogates (U+D800..U+DFFF) and code points above U+10FFFF are rejected. */
static size_t utf8_sequence_length(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (avail < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return n;
}

size_t utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t n = utf8_sequence_length(p + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

bool utf8_valid(const char *s, size_t len)
{
    return utf8_valid_prefix(s, len) == len;
}

/* True when s (valid UTF-8) is ASCII and precomposed Hangul syllables (U+AC00..U+D7A3) only:
 * such text is already NFC, since nothing in it decomposes or combines with its neighbour. */
static bool ascii_or_hangul_syllables(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        if (len - i < 3 || (s[i] & 0xF0) != 0xE0)
            return false;
        unsigned cp = (unsigned)(s[i] & 0x0F) << 12 | (unsigned)(s[i + 1] & 0x3F) << 6 |
                      (unsigned)(s[i + 2] & 0x3F);
        if (cp < 0xAC00 || cp > 0xD7A3)
            return false;
        i += 3;
    }
    return true;
}

bool utf8_nfc_quick(const char *s, size_t len)
{
    return utf8_valid(s, len) && ascii_or_hangul_syllables((const unsigned char *)s, len);
}

char *utf8_nfc(const char *s)
{
    size_t len = strlen(s);
    if (!utf8_valid(s, len))
        return NULL;
    /* Most of what simsa reads is ASCII and Hangul syllables: no need for utf8proc's copy. */
    if (ascii_or_hangul_syllables((const unsigned char *)s, len))
        return xstrndup(s, len);
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return NULL;
    /* Hand back memory from our own allocator so callers free it like any other string. */
    char *copy = xstrndup((const char *)mapped, (size_t)n);
    free(mapped);
    return copy;
}

char *cp949_to_utf8(const char *s, size_t len, size_t *bad_offset)
{
    iconv_t cd = iconv_open("UTF-8", "CP949");
    if (cd == (iconv_t)-1) {
        if (bad_offset)
            *bad_offset = 0;
        return NULL;
    }
    /* A CP949 character is one or two bytes and becomes at most three bytes of UTF-8. */
    size_t cap = len * 2 + 1;
    char *out = xmalloc(cap);
    char *in = (char *)s, *dst = out;
    size_t in_left = len, out_left = cap - 1;
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &dst, &out_left) != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            size_t used = (size_t)(dst - out);
            cap *= 2;
            out = xrealloc(out, cap);
            dst = out + used;
            out_left = cap - used - 1;
            continue;
        }
        /* EILSEQ (not CP949) or EINVAL (a lead byte cut off at the end). */
        if (bad_offset)
            *bad_offset = (size_t)(in - s);
        free(out);
        iconv_close(cd);
        return NULL;
    }
    *dst = '\0';
    iconv_close(cd);
    return out;
}

const char *utf8_clip(const char *s, char out[TEXT_CLIP_BYTES + 4])
{
    size_t len = strlen(s);
    if (len <= TEXT_CLIP_BYTES)
        return s;
    size_t cut = TEXT_CLIP_BYTES;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--; /* not inside a character */
    memcpy(out, s, cut);
    memcpy(out + cut, "\xE2\x80\xA6", 4); /* "…" and the terminating NUL */
    return out;
}

/* Columns of one code point. Hangul medial vowels and final consonants (conjoining jamo) join
 * the preceding initial into one syllable cell, as wcwidth and terminals treat them. */
static int codepoint_width(utf8proc_int32_t cp)
{
    if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
        return 0;
    return utf8proc_charwidth(cp);
}

int utf8_width(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    int width = 0;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            /* An undecodable byte is shown as one replacement column. */
            width++;
            n = 1;
        } else {
            width += codepoint_width(cp);
        }
        p += n;
        left -= n;
    }
    return width;
}

/* A control character: C0, DEL, or C1 (U+0080..U+009F, C2 80..C2 9F in UTF-8). */
static bool has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
            return true;
    return false;
}

const char *text_name_refusal(const char *s)
{
    if (!s || !utf8_valid(s, strlen(s)))
        return _("it is not valid UTF-8 text");
    if (strchr(s, '/'))
        return _("it must not contain '/'");
    if (strstr(s, ".."))
        return _("it must not contain '..'");
    if (has_control(s))
        return _("it must not contain control characters");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* U+202A..U+202E are E2 80 AA..AE; U+2066..U+2069 are E2 81 A6..A9. */
        if (p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
                             (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
            return _("it must not contain bidirectional override characters");
    }
    return NULL;
}

static bool email_valid(const char *s)
{
    const char *at = s ? strchr(s, '@') : NULL;
    if (!at || at == s || !at[1] || strchr(at + 1, '@'))
        return false;
    for (; *s; s++)
        if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f || strchr("<>()[]\\,;:\"", *s))
            return false;
    return true;
}

const char *text_contact_refusal(const char *name, const char *email)
{
    if (!email_valid(email))
        return _("the e-mail address must be a plain address, local@domain, in printable ASCII "
                 "without spaces");
    if (name && !utf8_valid(name, strlen(name)))
        return _("the contact name is not valid UTF-8 text");
    if (name && has_control(name))
        return _("the contact name must not contain control characters");
    return NULL;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            n++;
    return n;
}

const char *text_passphrase_refusal(const char *pass, size_t len)
{
    if (utf8_count(pass, len) < PASSPHRASE_MIN_CHARS)
        return _("a passphrase must have at least 10 characters");
    return NULL;
}

/* Bytes of the longest prefix of s within max columns. */
static size_t width_prefix(const char *s, int max)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
    size_t at = 0;
    int width = 0;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + at, left, &cp);
        int w = n <= 0 ? 1 : codepoint_width(cp);
        if (n <= 0)
            n = 1;
        if (width + w > max)
            break;
        width += w;
        at += (size_t)n;
        left -= n;
    }
    return at;
}

char *utf8_clip_words(const char *s, int width)
{
    if (utf8_width(s) <= width)
        return xstrdup(s);
    if (width < 1)
        return xstrdup("");
    size_t fit = width_prefix(s, width - 1), end = fit; /* room for "…" */
    if (s[fit] != ' ') {
        size_t i = fit;
        while (i > 0 && s[i - 1] != ' ')
            i--;
        if (i > 0)
            end = i;
    }
    while (end > 0 && s[end - 1] == ' ')
        end--;
    if (end == 0)
        end = fit;
    return xasprintf("%.*s…", (int)end, s);
}
