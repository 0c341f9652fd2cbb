/* Drawing UTF-8 text in terminal columns: decoding, width (Hangul = 2), clipping so a wide
 * character never straddles the edge, and padding for aligned columns. */
#ifndef SIMSA_TUI_DRAW_H
#define SIMSA_TUI_DRAW_H

#include <stddef.h>

enum align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };

/* Columns the terminal gives s (each character by wcwidth; unprintable ones count 1). */
int text_width(const char *s);
/* Bytes of the longest prefix of s that fits in max_cols columns; *cols gets its width. */
size_t text_fit(const char *s, int max_cols, int *cols);
/* Word wrap, shared by every screen that wraps text (forms, their notes, pages, help): the
 * bytes of the first line of s in `cols` columns, trailing spaces left out. All of s when it
 * fits; else it ends at the last space that fits, never inside a word (an eojeol in Korean);
 * only a single word wider than the line is cut. *next (when not NULL) gets where the next line
 * starts, after the spaces; it is strlen(s) at the end. */
size_t text_wrap(const char *s, int cols, size_t *next);
/* A new string of s in at most `width` columns: s itself when it fits, else its first whole
 * words and "…" (a single word wider than that is cut before the "…"). Caller frees. */
char *text_clip_words(const char *s, int width);
/* Lines s takes when wrapped by text_wrap in `cols` columns (at least one). */
int text_wrap_rows(const char *s, int cols);
/* A new string of exactly `width` columns: s clipped or padded per align (caller frees). */
char *text_pad(const char *s, int width, enum align align);

/* Draw s at (y, x) in at most max_cols columns with attribute attr; returns columns drawn. */
int draw_text(int y, int x, const char *s, int max_cols, int attr);
/* Draw s aligned in a field of exactly `width` columns (the rest filled with spaces). */
void draw_field(int y, int x, const char *s, int width, enum align align, int attr);
/* Fill `width` columns at (y, x) with spaces in attr. */
void draw_blank(int y, int x, int width, int attr);

#endif
