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

void lineedit_wipe(struct lineedit *e)
{
    explicit_bzero(e->buf, sizeof e->buf);
    e->len = e->cursor = 0;
}

static enum edit_result insert(struct lineedit *e, wchar_t c)
{
    if (e->len >= LINEEDIT_MAX - 1 || (c != L'\n' && wcwidth(c) < 0))
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

/* Start of the line the character at `at` is on. */
static size_t line_start(const struct lineedit *e, size_t at)
{
    while (at > 0 && e->buf[at - 1] != L'\n')
        at--;
    return at;
}

/* Up (-1) or down (+1) one line, keeping the column as well as the shorter line allows. */
static void line_move(struct lineedit *e, int dir)
{
    size_t start = line_start(e, e->cursor), column = e->cursor - start, target;
    if (dir < 0) {
        if (start == 0)
            return;
        target = line_start(e, start - 1);
    } else {
        size_t end = start;
        while (end < e->len && e->buf[end] != L'\n')
            end++;
        if (end == e->len)
            return;
        target = end + 1;
    }
    size_t at = target;
    while (at < e->len && e->buf[at] != L'\n' && at - target < column)
        at++;
    e->cursor = at;
}

static enum edit_result function_key(struct lineedit *e, wint_t ch)
{
    switch (ch) {
    case KEY_ENTER:
        return e->multiline ? insert(e, L'\n') : EDIT_ACCEPT;
    case KEY_UP:
    case KEY_DOWN:
        if (e->multiline)
            line_move(e, ch == KEY_UP ? -1 : 1);
        return EDIT_UNCHANGED;
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
        return e->multiline ? insert(e, L'\n') : EDIT_ACCEPT;
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

int lineedit_draw_hidden(const struct lineedit *e, int y, int x, int width, int attr)
{
    struct lineedit stars = {.len = e->len, .cursor = e->cursor};
    for (size_t i = 0; i < e->len; i++)
        stars.buf[i] = L'*';
    int cursor_x = lineedit_draw(&stars, y, x, width, attr);
    return cursor_x;
}

/* Where each wrapped row starts: a new line at '\n', and where the next character would not fit
 * the row goes on after its last space (words whole, as text_wrap does); only a word wider than
 * the row is cut. */
static size_t wrap_rows(const struct lineedit *e, int width, size_t *starts, size_t max)
{
    size_t n = 0;
    int cols = 0;
    if (max)
        starts[n++] = 0;
    for (size_t i = 0; i < e->len && n < max; i++) {
        if (e->buf[i] == L'\n') {
            starts[n++] = i + 1;
            cols = 0;
            continue;
        }
        int w = wcwidth(e->buf[i]);
        if (w < 0)
            w = 1;
        if (cols + w > width && e->buf[i] != L' ') {
            size_t start = starts[n - 1], cut = i;
            while (cut > start && e->buf[cut - 1] != L' ')
                cut--;
            if (cut == start)
                cut = i; /* one word wider than the row */
            starts[n++] = cut;
            cols = 0;
            for (size_t k = cut; k < i; k++)
                cols += wcwidth(e->buf[k]) < 0 ? 1 : wcwidth(e->buf[k]);
        }
        cols += w;
    }
    return n;
}

void lineedit_draw_lines(const struct lineedit *e, int y, int x, int width, int rows, int attr,
                         int *cursor_y, int *cursor_x)
{
    static size_t starts[LINEEDIT_MAX + 1];
    size_t n = wrap_rows(e, width, starts, LINEEDIT_MAX + 1);
    size_t cursor_row = 0;
    for (size_t r = 0; r < n; r++)
        if (starts[r] <= e->cursor)
            cursor_row = r;
    size_t first = cursor_row >= (size_t)rows ? cursor_row - (size_t)rows + 1 : 0;
    for (int r = 0; r < rows; r++) {
        struct lineedit row = {.len = 0};
        size_t k = first + (size_t)r;
        if (k < n) {
            size_t end = k + 1 < n ? starts[k + 1] : e->len;
            for (size_t i = starts[k]; i < end; i++)
                if (e->buf[i] != L'\n')
                    row.buf[row.len++] = e->buf[i];
        }
        char *text = lineedit_text(&row);
        draw_field(y + r, x, text, width, ALIGN_LEFT, attr);
        free(text);
    }
    int cx = x;
    for (size_t i = starts[cursor_row]; i < e->cursor; i++)
        cx += wcwidth(e->buf[i]) < 0 ? 1 : wcwidth(e->buf[i]);
    if (cx > x + width - 1)
        cx = x + width - 1; /* after spaces at the row's end */
    *cursor_y = y + (int)(cursor_row - first);
    *cursor_x = cx;
}
