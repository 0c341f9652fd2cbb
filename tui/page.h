/* A page of text lines that wrap to the terminal's width and scroll: the dashboard, the tabs
 * of an application, help. */
#ifndef SIMSA_TUI_PAGE_H
#define SIMSA_TUI_PAGE_H

#include <stddef.h>

#include "tui/screen.h"

struct page_line {
    char *text;
    int style;  /* enum style */
    int indent; /* columns of continuation lines when the text wraps */
};

struct page {
    struct page_line *v;
    size_t n, cap;
    size_t top; /* first wrapped line shown */
    int rows;   /* body rows at the last draw, for paging */
};

void page_clear(struct page *p); /* drops the lines, keeps the scroll position */
void page_free(struct page *p);
void page_add(struct page *p, int style, int indent, const char *text);
void page_addf(struct page *p, int style, int indent, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* "label   value": the label padded to label_cols (Hangul-aware); value wraps under itself. */
void page_field(struct page *p, int label_cols, const char *label, const char *value);

void page_draw(struct page *p, const struct tui *t, const struct area *a);
enum result page_key(struct page *p, enum action a);

#endif
