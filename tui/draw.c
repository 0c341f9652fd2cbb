/* Drawing UTF-8 text in terminal columns (see draw.h). Strings are decoded here rather than
 * with mbrtowc so that a bad byte shows as '?' instead of cutting the rest of the line. */
#include "tui/draw.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/diag.h"

/* Decode one character at s; *len gets its byte length (1 for a bad byte, shown as '?'). */
static wchar_t utf8_decode(const unsigned char *s, size_t *len)
{
    static const unsigned char lead_bits[] = {0, 0, 0x1F, 0x0F, 0x07};
    size_t n = s[0] < 0x80                    ? 1
               : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
               : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                              : 0;
    *len = 1;
    if (n == 1)
        return s[0];
    if (n == 0)
        return L'?';
    uint32_t cp = s[0] & lead_bits[n];
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return L'?';
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and out-of-range code points are bad bytes too. */
    static const uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return L'?';
    *len = n;
    return (wchar_t)cp;
}

/* The character as drawn and its columns: unprintable ones (tabs, controls) become '?'. */
static wchar_t printable(wchar_t c, int *cols)
{
    int w = wcwidth(c);
    if (w < 0) {
        *cols = 1;
        return L'?';
    }
    *cols = w;
    return c;
}

int text_width(const char *s)
{
    int cols;
    text_fit(s, 1 << 30, &cols);
    return cols;
}

size_t text_fit(const char *s, int max_cols, int *cols)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t at = 0;
    int used = 0;
    while (p[at]) {
        size_t len;
        int w;
        printable(utf8_decode(p + at, &len), &w);
        if (used + w > max_cols)
            break; /* a wide character that would straddle the edge is left out whole */
        used += w;
        at += len;
    }
    *cols = used;
    return at;
}

size_t text_wrap(const char *s, int cols, size_t *next)
{
    int used;
    size_t fit = text_fit(s, cols, &used), end = fit;
    if (fit == 0 && *s) { /* narrower than one character: take one whole, the draw clips it */
        utf8_decode((const unsigned char *)s, &fit);
        end = fit;
    }
    if (s[fit] != '\0' && s[fit] != ' ') {
        size_t i = fit, lead = strspn(s, " ");
        while (i > 0 && s[i - 1] != ' ')
            i--;
        if (i > lead) /* a space after the indentation: the word that does not fit goes on */
            end = i;
    }
    size_t piece = end;
    while (piece > 0 && s[piece - 1] == ' ' && piece > strspn(s, " "))
        piece--;
    size_t at = end;
    while (s[at] == ' ')
        at++;
    if (next)
        *next = at;
    return piece;
}

char *text_clip_words(const char *s, int width)
{
    if (text_width(s) <= width)
        return xstrdup(s);
    if (width < 1)
        return xstrdup("");
    size_t len = text_wrap(s, width - 1, NULL); /* the words that fit beside "…" */
    return xasprintf("%.*s…", (int)len, s);
}

int text_wrap_rows(const char *s, int cols)
{
    int rows = 1;
    size_t next;
    text_wrap(s, cols, &next);
    while (s[next]) {
        s += next;
        text_wrap(s, cols, &next);
        rows++;
    }
    return rows;
}

char *text_pad(const char *s, int width, enum align align)
{
    if (width < 0)
        width = 0;
    int cols;
    size_t bytes = text_fit(s, width, &cols);
    int gap = width - cols;
    int before = align == ALIGN_RIGHT ? gap : align == ALIGN_CENTER ? gap / 2 : 0;
    char *out = xmalloc(bytes + (size_t)gap + 1);
    memset(out, ' ', (size_t)before);
    memcpy(out + before, s, bytes);
    memset(out + before + bytes, ' ', (size_t)(gap - before));
    out[bytes + (size_t)gap] = '\0';
    return out;
}

int draw_text(int y, int x, const char *s, int max_cols, int attr)
{
    if (max_cols <= 0)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    wchar_t buf[512];
    size_t n = 0, at = 0;
    int used = 0;
    while (p[at] && n < sizeof buf / sizeof buf[0]) {
        size_t len;
        int w;
        wchar_t c = printable(utf8_decode(p + at, &len), &w);
        if (used + w > max_cols)
            break;
        if (w == 0 && n == 0) { /* a combining mark with nothing to combine with */
            at += len;
            continue;
        }
        buf[n++] = c;
        used += w;
        at += len;
    }
    attrset((attr_t)attr);
    /* At the bottom-right corner curses reports ERR after writing: nothing to do about it. */
    (void)mvaddnwstr(y, x, buf, (int)n);
    attrset(A_NORMAL);
    return used;
}

void draw_blank(int y, int x, int width, int attr)
{
    if (width <= 0)
        return;
    (void)mvhline(y, x, ' ' | (chtype)attr, width);
}

void draw_field(int y, int x, const char *s, int width, enum align align, int attr)
{
    if (width <= 0)
        return;
    draw_blank(y, x, width, attr);
    int cols;
    text_fit(s, width, &cols);
    int gap = width - cols;
    int before = align == ALIGN_RIGHT ? gap : align == ALIGN_CENTER ? gap / 2 : 0;
    draw_text(y, x + before, s, width - before, attr);
}
