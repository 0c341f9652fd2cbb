/* A text editor for the `/` filter and form fields: wide characters, the cursor kept at the
 * insertion point so an input method composes Hangul in place; one line, or several for notes. */
#ifndef SIMSA_TUI_LINEEDIT_H
#define SIMSA_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define LINEEDIT_MAX 2048

struct lineedit {
    wchar_t buf[LINEEDIT_MAX];
    size_t len, cursor;
    bool multiline; /* Enter starts a new line; Up and Down move between lines */
};

enum edit_result { EDIT_UNCHANGED, EDIT_CHANGED, EDIT_ACCEPT, EDIT_CANCEL };

void lineedit_set(struct lineedit *e, const char *utf8);
/* One key from get_wch (its return code and character). */
enum edit_result lineedit_key(struct lineedit *e, int rc, wint_t ch);
/* Forget the text for good (passphrases). */
void lineedit_wipe(struct lineedit *e);
/* The text as UTF-8 (caller frees). */
char *lineedit_text(const struct lineedit *e);
/* Draw in `width` columns at (y, x), scrolled so the cursor shows; returns the cursor's x. */
int lineedit_draw(const struct lineedit *e, int y, int x, int width, int attr);
/* The same with every character shown as '*'. */
int lineedit_draw_hidden(const struct lineedit *e, int y, int x, int width, int attr);
/* A multi-line text in `rows` lines of `width` columns at (y, x), wrapped and scrolled so the
 * cursor shows; the cursor's row and column go to cursor_y and cursor_x. */
void lineedit_draw_lines(const struct lineedit *e, int y, int x, int width, int rows, int attr,
                         int *cursor_y, int *cursor_x);

#endif
