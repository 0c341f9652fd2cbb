/* Pages of wrapped text (see page.h). Lines wrap at a space when one is near, else at the
 * column edge; a wide character is never split across the edge. */
#include "tui/page.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "tui/draw.h"

void page_clear(struct page *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i].text);
    p->n = 0;
}

void page_free(struct page *p)
{
    page_clear(p);
    free(p->v);
    memset(p, 0, sizeof *p);
}

void page_add(struct page *p, int style, int indent, const char *text)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->v = xrealloc(p->v, p->cap * sizeof *p->v);
    }
    p->v[p->n++] = (struct page_line){.text = xstrdup(text), .style = style, .indent = indent};
}

void page_addf(struct page *p, int style, int indent, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (len >= 0) {
        text = xmalloc((size_t)len + 1);
        vsnprintf(text, (size_t)len + 1, fmt, ap);
    }
    va_end(ap);
    page_add(p, style, indent, text ? text : "");
    free(text);
}

void page_field(struct page *p, int label_cols, const char *label, const char *value)
{
    char *padded = text_pad(label, label_cols, ALIGN_LEFT);
    char *line = xasprintf("%s  %s", padded, value);
    page_add(p, STYLE_NORMAL, label_cols + 2, line);
    free(line);
    free(padded);
}

/* Calls draw for each wrapped piece; returns how many there are. */
static size_t line_wrap(const struct page_line *l, int width,
                        void (*draw)(void *, const char *, size_t, int, int), void *ctx)
{
    const char *s = l->text;
    size_t pieces = 0;
    int indent = 0;
    do {
        int cols = width - indent;
        if (cols < 1) {
            indent = 0;
            cols = width;
        }
        size_t next, len = text_wrap(s, cols, &next);
        if (draw)
            draw(ctx, s, len, indent, l->style);
        pieces++;
        s += next;
        indent = l->indent;
    } while (*s);
    return pieces;
}

struct draw_ctx {
    const struct tui *t;
    const struct area *a;
    size_t line; /* wrapped line number being produced */
    size_t top;
};

static void piece_draw(void *ctx, const char *s, size_t len, int indent, int style)
{
    struct draw_ctx *d = ctx;
    size_t line = d->line++;
    if (line < d->top || line >= d->top + (size_t)d->a->height)
        return;
    char *piece = xstrndup(s, len);
    int y = d->a->top + (int)(line - d->top);
    int attr = tui_attr(d->t, style);
    if (style == STYLE_HEADER || style == STYLE_RULE)
        draw_blank(y, d->a->left, d->a->width, attr);
    draw_text(y, d->a->left + indent, piece, d->a->width - indent, attr);
    free(piece);
}

void page_draw(struct page *p, const struct tui *t, const struct area *a)
{
    size_t total = 0;
    for (size_t i = 0; i < p->n; i++)
        total += line_wrap(&p->v[i], a->width, NULL, NULL);
    p->rows = a->height;
    if (total <= (size_t)a->height)
        p->top = 0;
    else if (p->top > total - (size_t)a->height)
        p->top = total - (size_t)a->height;
    struct draw_ctx d = {.t = t, .a = a, .line = 0, .top = p->top};
    for (size_t i = 0; i < p->n && d.line < p->top + (size_t)a->height; i++)
        line_wrap(&p->v[i], a->width, piece_draw, &d);
}

enum result page_key(struct page *p, enum action a)
{
    size_t page = p->rows > 1 ? (size_t)p->rows - 1 : 1;
    switch (a) {
    case ACTION_UP:
        p->top = p->top > 0 ? p->top - 1 : 0;
        return RESULT_HANDLED;
    case ACTION_DOWN:
        p->top++; /* clamped at the next draw, which knows the width */
        return RESULT_HANDLED;
    case ACTION_PAGE_UP:
        p->top = p->top > page ? p->top - page : 0;
        return RESULT_HANDLED;
    case ACTION_PAGE_DOWN:
        p->top += page;
        return RESULT_HANDLED;
    case ACTION_FIRST:
        p->top = 0;
        return RESULT_HANDLED;
    case ACTION_LAST:
        p->top = (size_t)-1 / 2;
        return RESULT_HANDLED;
    default:
        return RESULT_UNHANDLED;
    }
}
