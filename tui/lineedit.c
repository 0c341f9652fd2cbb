/* The one-line editor (see lineedit.h). Text is kept as wide characters while edited and
 * handed out as UTF-8, encoded here so the result does not depend on the locale's codeset. */
#include "tui/lineedit.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "tui/draw.h"

void lineedit_set(struct lineedit *e, const char *utf8)
{
    e->len = 0;
    const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
    while (*s && e->len < LINEEDIT_MAX - 1) {
        uint32_t cp = *s++;
        int more = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
        cp &= more == 3 ? 0x07 : more == 2 ? 0x0F : more == 1 ? 0x1F : 0x7F;
        for (; more > 0 && (*s & 0xC0) == 0x80; more--)
            cp = (cp << 6) | (*s++ & 0x3F);
        e->buf[e->len++] = (wchar_t)cp;
    }
    e->cursor = e->len;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *lineedit_text(const struct lineedit *e)
{
    char *out = xmalloc(e->len * 4 + 1), *at = out;
    for (size_t i = 0; i < e->len; i++)
        at += utf8_encode((uint32_t)e->buf[i], at);
    *at = '\0';
    return out;
}

static enum edit_result insert(struct lineedit *e, wchar_t c)
{
    if (e->len >= LINEEDIT_MAX - 1 || wcwidth(c) < 0)
        return EDIT_UNCHANGED;
    memmove(e->buf + e->cursor + 1, e->buf + e->cursor, (e->len - e->cursor) * sizeof *e->buf);
    e->buf[e->cursor++] = c;
    e->len++;
    return EDIT_CHANGED;
}

static enum edit_result erase_at(struct lineedit *e, size_t at)
{
    if (at >= e->len)
        return EDIT_UNCHANGED;
    memmove(e->buf + at, e->buf + at + 1, (e->len - at - 1) * sizeof *e->buf);
    e->len--;
    if (e->cursor > at)
        e->cursor--;
    return EDIT_CHANGED;
}

static enum edit_result function_key(struct lineedit *e, wint_t ch)
{
    switch (ch) {
    case KEY_ENTER:
        return EDIT_ACCEPT;
    case KEY_BACKSPACE:
        return e->cursor > 0 ? erase_at(e, e->cursor - 1) : EDIT_UNCHANGED;
    case KEY_DC:
        return erase_at(e, e->cursor);
    case KEY_LEFT:
        e->cursor -= e->cursor > 0;
        return EDIT_UNCHANGED;
    case KEY_RIGHT:
        e->cursor += e->cursor < e->len;
        return EDIT_UNCHANGED;
    case KEY_HOME:
        e->cursor = 0;
        return EDIT_UNCHANGED;
    case KEY_END:
        e->cursor = e->len;
        return EDIT_UNCHANGED;
    default:
        return EDIT_UNCHANGED;
    }
}

enum edit_result lineedit_key(struct lineedit *e, int rc, wint_t ch)
{
    if (rc == KEY_CODE_YES)
        return function_key(e, ch);
    switch (ch) {
    case L'\n':
    case L'\r':
        return EDIT_ACCEPT;
    case 27: /* Esc */
    case 7:  /* Ctrl-G */
        return EDIT_CANCEL;
    case 8:
    case 127:
        return e->cursor > 0 ? erase_at(e, e->cursor - 1) : EDIT_UNCHANGED;
    case 21: /* Ctrl-U */
        if (e->len == 0)
            return EDIT_UNCHANGED;
        e->len = e->cursor = 0;
        return EDIT_CHANGED;
    case 1: /* Ctrl-A */
        e->cursor = 0;
        return EDIT_UNCHANGED;
    case 5: /* Ctrl-E */
        e->cursor = e->len;
        return EDIT_UNCHANGED;
    default:
        return ch >= 32 ? insert(e, (wchar_t)ch) : EDIT_UNCHANGED;
    }
}

int lineedit_draw(const struct lineedit *e, int y, int x, int width, int attr)
{
    /* Scroll whole characters off the left until the cursor fits. */
    size_t from = 0;
    for (;;) {
        int cols = 0;
        for (size_t i = from; i < e->cursor; i++)
            cols += wcwidth(e->buf[i]);
        if (cols < width || from >= e->cursor)
            break;
        from++;
    }
    struct lineedit tail = {.len = 0};
    for (size_t i = from; i < e->len; i++)
        tail.buf[tail.len++] = e->buf[i];
    char *text = lineedit_text(&tail);
    draw_field(y, x, text, width, ALIGN_LEFT, attr);
    free(text);
    int cursor_x = x;
    for (size_t i = from; i < e->cursor; i++)
        cursor_x += wcwidth(e->buf[i]);
    return cursor_x;
}
