/* A one-line text editor for the `/` filter (and, later, form fields): wide characters, the
 * cursor kept at the insertion point so an input method composes Hangul in place. */
#ifndef SIMSA_TUI_LINEEDIT_H
#define SIMSA_TUI_LINEEDIT_H

#include <stddef.h>
#include <wchar.h>

#define LINEEDIT_MAX 256

struct lineedit {
    wchar_t buf[LINEEDIT_MAX];
    size_t len, cursor;
};

enum edit_result { EDIT_UNCHANGED, EDIT_CHANGED, EDIT_ACCEPT, EDIT_CANCEL };

void lineedit_set(struct lineedit *e, const char *utf8);
/* One key from get_wch (its return code and character). */
enum edit_result lineedit_key(struct lineedit *e, int rc, wint_t ch);
/* The text as UTF-8 (caller frees). */
char *lineedit_text(const struct lineedit *e);
/* Draw in `width` columns at (y, x), scrolled so the cursor shows; returns the cursor's x. */
int lineedit_draw(const struct lineedit *e, int y, int x, int width, int attr);

#endif
