/* Forms (see form.h): fields, the live check by core's parsers, drawing in a box or in the whole
 * body with scrolling, and the keys of a form. */
#include "tui/form.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/parse.h"
#include "core/text.h"
#include "tui/draw.h"

struct form *form_new(const char *title)
{
    struct form *f = xcalloc(1, sizeof *f);
    f->title = xstrdup(title);
    f->submit_label = _("save");
    return f;
}

void form_free(struct form *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++) {
        lineedit_wipe(&f->fields[i].edit);
        free(f->fields[i].label);
        strlist_free(&f->fields[i].choices);
    }
    free(f->fields);
    strlist_free(&f->intro);
    if (f->ctx_free)
        f->ctx_free(f->ctx);
    form_free(f->next);
    free(f->title);
    free(f);
}

void form_intro(struct form *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *line = xvasprintf(fmt, ap);
    va_end(ap);
    strlist_add(&f->intro, line);
    free(line);
}

struct form_field *form_add(struct form *f, enum field_kind kind, const char *label,
                            const char *initial)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->fields = xrealloc(f->fields, f->cap * sizeof *f->fields);
    }
    struct form_field *fl = &f->fields[f->n++];
    memset(fl, 0, sizeof *fl);
    fl->kind = kind;
    fl->label = xstrdup(label);
    fl->edit.multiline = kind == FIELD_NOTES;
    fl->rows = 4;
    fl->step_tenths = 1;
    if (kind == FIELD_YESNO)
        fl->yes = initial && yesno_parse(initial, &fl->yes) == 0 && fl->yes;
    else
        lineedit_set(&fl->edit, initial);
    int w = text_width(label);
    if (w > f->label_cols)
        f->label_cols = w;
    return fl;
}

struct form_field *form_add_choice(struct form *f, const char *label, const char *const *choices,
                                   size_t n, size_t initial)
{
    struct form_field *fl = form_add(f, FIELD_CHOICE, label, NULL);
    for (size_t i = 0; i < n; i++)
        strlist_add(&fl->choices, choices[i]);
    fl->choice = initial < n ? initial : 0;
    return fl;
}

char *form_text(const struct form_field *fl)
{
    char *raw = lineedit_text(&fl->edit);
    char *nfc = utf8_nfc(raw);
    explicit_bzero(raw, strlen(raw));
    free(raw);
    if (!nfc)
        return xstrdup("");
    if (fl->kind == FIELD_NOTES)
        return nfc; /* lines and their indentation are the writer's */
    char *trimmed = xstrdup(str_trim(nfc));
    free(nfc);
    return trimmed;
}

/* ---- Checking ---- */

static void note_set(struct form_field *fl, bool bad, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void note_set(struct form_field *fl, bool bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(fl->note, sizeof fl->note, fmt, ap);
    va_end(ap);
    fl->note_bad = bad;
}

static void note_clear(struct form_field *fl)
{
    fl->note[0] = '\0';
    fl->note_bad = fl->note_warn = false;
}

/* One field by its kind; true when good. A field's own note is kept unless this finds fault. */
static bool field_check(struct form_field *fl)
{
    if (fl->kind == FIELD_YESNO || fl->kind == FIELD_CHOICE)
        return true;
    char *text = form_text(fl);
    bool empty = !*text, good = true;
    const char *why = NULL;
    if (empty) {
        good = fl->optional;
        if (!good)
            note_set(fl, true, "%s", _("✗ required"));
    } else if (fl->kind == FIELD_DATE) {
        sdate d;
        good = date_parse(text, &d, &why) == 0;
        fl->value = d;
    } else if (fl->kind == FIELD_AMOUNT) {
        good = amount_parse(text, &fl->value, &why) == 0;
    } else if (fl->kind == FIELD_SCORE) {
        int32_t tenths;
        good = score_parse(text, fl->max_tenths, fl->step_tenths, &tenths, &why) == 0;
        fl->value = tenths;
    }
    if (!good && why)
        note_set(fl, true, "✗ %s", why);
    else if (good && fl->note_bad)
        note_clear(fl);
    explicit_bzero(text, strlen(text));
    free(text);
    return good;
}

bool form_validate(struct tui *t, struct form *f)
{
    bool all = true;
    for (size_t i = 0; i < f->n; i++)
        all &= field_check(&f->fields[i]);
    if (f->check)
        f->check(t, f);
    for (size_t i = 0; i < f->n; i++)
        all &= !f->fields[i].note_bad;
    return all && !f->summary_bad;
}

/* ---- Drawing ---- */

/* A note wraps under the field at word boundaries (reasons are long in any language). */
static int note_rows(const struct form *f, const struct form_field *fl)
{
    if (!fl->note[0])
        return 0;
    return f->field_cols > 0 ? text_wrap_rows(fl->note, f->field_cols) : 1;
}

static int field_rows(const struct form *f, const struct form_field *fl)
{
    return (fl->kind == FIELD_NOTES ? fl->rows : 1) + note_rows(f, fl);
}

static char *field_shown(const struct form_field *fl)
{
    if (fl->kind == FIELD_YESNO)
        return xasprintf("[%s] %s  [%s] %s", fl->yes ? "x" : " ", _("yes"), fl->yes ? " " : "x",
                         _("no"));
    if (fl->kind == FIELD_CHOICE)
        return xasprintf("< %s >", fl->choices.n ? fl->choices.v[fl->choice] : "");
    return NULL;
}

/* Draw s wrapped at word boundaries in `rows` lines of `width` columns from (y, x). */
static void draw_wrapped(int y, int x, const char *s, int width, int rows, int attr)
{
    for (int r = 0; r < rows && *s; r++) {
        size_t next, len = text_wrap(s, width, &next);
        char *piece = xstrndup(s, len);
        draw_text(y + r, x, piece, width, attr);
        free(piece);
        s += next;
    }
}

/* Draw one field at row y; returns the cursor's place when it has the focus. */
static void field_draw(struct tui *t, const struct form *f, const struct form_field *fl, int y,
                       int x, int width, bool focus, int *cy, int *cx)
{
    int label_w = f->label_cols + 2;
    draw_field(y, x, fl->label, label_w, ALIGN_LEFT,
               tui_attr(t, focus ? STYLE_STRONG : STYLE_NORMAL));
    int fx = x + label_w, fw = width - label_w;
    int attr = focus ? (A_UNDERLINE | A_BOLD) : A_UNDERLINE;
    char *shown = field_shown(fl);
    if (shown) {
        draw_field(y, fx, shown, fw, ALIGN_LEFT, focus ? A_REVERSE : A_NORMAL);
        *cy = y;
        *cx = fx;
        free(shown);
    } else if (fl->kind == FIELD_NOTES) {
        lineedit_draw_lines(&fl->edit, y, fx, fw, fl->rows, attr, cy, cx);
    } else if (fl->kind == FIELD_PASSWORD) {
        *cy = y;
        *cx = lineedit_draw_hidden(&fl->edit, y, fx, fw, attr);
    } else {
        *cy = y;
        *cx = lineedit_draw(&fl->edit, y, fx, fw, attr);
    }
    if (fl->note[0]) {
        int ny = y + (fl->kind == FIELD_NOTES ? fl->rows : 1);
        int attr_note = tui_attr(t, fl->note_bad || fl->note_warn ? STYLE_BAD : STYLE_GOOD);
        draw_wrapped(ny, fx, fl->note, fw, note_rows(f, fl), attr_note);
    }
}

/* The box: centred, as tall as the form or the body allows. */
static struct area form_box(const struct form *f, const struct area *body, int content_rows)
{
    if (f->full)
        return *body;
    int width = body->width - 4 < 90 ? body->width - 4 : 90;
    int height = content_rows + 2 < body->height ? content_rows + 2 : body->height;
    return (struct area){.top = body->top + (body->height - height) / 2,
                         .left = body->left + (body->width - width) / 2,
                         .height = height,
                         .width = width};
}

static void box_frame(struct tui *t, const struct form *f, const struct area *b)
{
    for (int y = b->top; y < b->top + b->height; y++)
        draw_blank(y, b->left, b->width, A_NORMAL);
    if (f->full)
        return;
    mvhline(b->top, b->left, ACS_HLINE, b->width);
    mvhline(b->top + b->height - 1, b->left, ACS_HLINE, b->width);
    mvvline(b->top, b->left, ACS_VLINE, b->height);
    mvvline(b->top, b->left + b->width - 1, ACS_VLINE, b->height);
    mvaddch(b->top, b->left, ACS_ULCORNER);
    mvaddch(b->top, b->left + b->width - 1, ACS_URCORNER);
    mvaddch(b->top + b->height - 1, b->left, ACS_LLCORNER);
    mvaddch(b->top + b->height - 1, b->left + b->width - 1, ACS_LRCORNER);
    char *title = xasprintf(" %s ", f->title);
    draw_text(b->top, b->left + 2, title, b->width - 4, tui_attr(t, STYLE_STRONG));
    free(title);
}

/* Rows an intro line takes when wrapped to the box (at least one). */
static int intro_rows(const struct form *f, const char *line)
{
    int width = f->field_cols + f->label_cols + 2;
    return width > 0 ? text_wrap_rows(line, width) : 1;
}

static int intro_total(const struct form *f)
{
    int rows = 0;
    for (size_t i = 0; i < f->intro.n; i++)
        rows += intro_rows(f, f->intro.v[i]);
    return rows + (f->intro.n ? 1 : 0);
}

/* Rows of the content: intro, a blank, each field, a blank, summary, error, the key line. */
static int content_rows(const struct form *f)
{
    int rows = intro_total(f) + 1 + 3;
    for (size_t i = 0; i < f->n; i++)
        rows += field_rows(f, &f->fields[i]);
    return rows + (f->error[0] ? 1 : 0);
}

/* Keep the focused field inside the visible rows. */
static void scroll_to_focus(struct form *f, int visible)
{
    int row = intro_total(f), top = 0, bottom = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (i == f->focus) {
            top = row;
            bottom = row + field_rows(f, &f->fields[i]);
        }
        row += field_rows(f, &f->fields[i]);
    }
    if (f->focus + 1 == f->n)
        bottom = row + 4; /* the last field shows the summary and the submit line too */
    if (top < f->scroll)
        f->scroll = top;
    if (bottom > f->scroll + visible)
        f->scroll = bottom - visible;
    if (f->scroll < 0)
        f->scroll = 0;
}

void form_draw(struct tui *t, struct form *f, const struct area *whole)
{
    struct area top = *whole;
    const struct area *body = whole;
    char head[256];
    int head_style =
        f->full && f->header && whole->height > 8 ? f->header(t, f, head, sizeof head) : -1;
    if (head_style >= 0) {
        draw_blank(whole->top, whole->left, whole->width, A_NORMAL);
        draw_text(whole->top, whole->left + 2, head, whole->width - 4,
                  tui_attr(t, (enum style)head_style));
        top.top++;
        top.height--;
        body = &top;
    }
    struct area b = form_box(f, body, 0);
    f->field_cols = b.width - 4 - (f->label_cols + 2);
    int rows = content_rows(f);
    b = form_box(f, body, rows);
    box_frame(t, f, &b);
    int inner_top = b.top + (f->full ? 0 : 1), inner_h = b.height - (f->full ? 0 : 2);
    int x = b.left + 2, width = b.width - 4;
    /* A form taller than the body keeps its summary and error on the bottom rows, so a running
     * total or why a submit failed stays in sight while the fields scroll. */
    bool pinned = f->full && rows > inner_h && inner_h > 6;
    if (pinned)
        inner_h -= 2;
    scroll_to_focus(f, inner_h);
    int y = inner_top - f->scroll, cy = -1, cx = -1;
#define VISIBLE(row) ((row) >= inner_top && (row) < inner_top + inner_h)
    for (size_t i = 0; i < f->intro.n; i++) {
        const char *rest = f->intro.v[i];
        for (int k = intro_rows(f, rest); k > 0; k--, y++) {
            size_t next, len = text_wrap(rest, width, &next);
            if (VISIBLE(y)) {
                char *piece = xstrndup(rest, len);
                draw_text(y, x, piece, width, A_NORMAL);
                free(piece);
            }
            rest += next;
        }
    }
    y += f->intro.n ? 1 : 0;
    for (size_t i = 0; i < f->n; i++) {
        const struct form_field *fl = &f->fields[i];
        int h = field_rows(f, fl);
        if (VISIBLE(y) && VISIBLE(y + h - 1)) {
            int fy, fx;
            field_draw(t, f, fl, y, x, width, i == f->focus, &fy, &fx);
            if (i == f->focus) {
                cy = fy;
                cx = fx;
            }
        }
        y += h;
    }
    y++;
    if (pinned)
        y = inner_top + inner_h;
#undef VISIBLE
#define VISIBLE(row) ((row) >= inner_top && (row) < inner_top + inner_h + (pinned ? 2 : 0))
    if (VISIBLE(y) && f->summary[0])
        draw_text(y, x, f->summary, width, tui_attr(t, f->summary_bad ? STYLE_BAD : STYLE_STRONG));
    y++;
    /* An error too long for its row goes on over the key line, which the status line repeats. */
    int error_rows = f->error[0] ? (text_wrap_rows(f->error, width) > 1 ? 2 : 1) : 0;
    if (f->error[0] && VISIBLE(y))
        draw_wrapped(y, x, f->error, width, VISIBLE(y + 1) ? error_rows : 1,
                     tui_attr(t, STYLE_ALERT));
    y += error_rows;
    char *keys =
        xasprintf(_("Tab next  Shift-Tab previous  Ctrl-S %s  Esc cancel"), f->submit_label);
    if (VISIBLE(y) && error_rows < 2)
        draw_text(y, x, keys, width, tui_attr(t, STYLE_DIM));
    free(keys);
#undef VISIBLE
    if (cy >= 0 && f->fields[f->focus].kind != FIELD_YESNO &&
        f->fields[f->focus].kind != FIELD_CHOICE) {
        (void)curs_set(1);
        move(cy, cx);
    }
}

/* ---- Keys ---- */

void tui_form_open(struct tui *t, struct form *f)
{
    tui_form_close(t);
    t->form = f;
    for (size_t i = 0; i < f->n; i++)
        field_check(&f->fields[i]);
    for (size_t i = 0; i < f->n; i++)
        if (f->fields[i].note_bad && !f->fields[i].edit.len)
            note_clear(&f->fields[i]); /* an empty field is not an error before it is left */
    if (f->check)
        f->check(t, f);
}

void tui_form_close(struct tui *t)
{
    form_free(t->form);
    t->form = NULL;
}

/* An amount left with a good value is shown with its separators ("80000000" -> "80,000,000"). */
static void amount_tidy(struct form_field *fl)
{
    if (fl->kind != FIELD_AMOUNT || !fl->edit.len || !field_check(fl))
        return;
    char shown[32];
    amount_format(fl->value, shown, sizeof shown);
    lineedit_set(&fl->edit, shown);
}

static void focus_move(struct tui *t, struct form *f, int dir)
{
    amount_tidy(&f->fields[f->focus]);
    if (f->changed) {
        f->changed(t, f, f->focus);
        f->dirty = false; /* saved as a draft */
    }
    size_t n = f->n;
    f->focus = (f->focus + n + (size_t)(dir < 0 ? -1 : 1)) % n;
    if (f->focus_keep)
        *f->focus_keep = f->focus;
}

static void submit(struct tui *t, struct form *f)
{
    if (f->changed)
        f->changed(t, f, f->focus);
    if (!form_validate(t, f)) {
        for (size_t i = 0; i < f->n; i++) {
            if (f->fields[i].note_bad) {
                f->focus = i;
                break;
            }
        }
        snprintf(f->error, sizeof f->error, "%s",
                 _("some fields are not right yet (marked ✗); nothing was submitted"));
        return;
    }
    f->error[0] = '\0';
    if (f->submit(t, f) == 0) {
        struct form *next = f->next;
        f->next = NULL;
        tui_form_close(t);
        if (next)
            tui_form_open(t, next);
    }
}

/* Space, y/n, Left/Right on a yes/no or a choice. */
static bool toggle_key(struct form_field *fl, int rc, wint_t ch)
{
    bool fn = rc == KEY_CODE_YES;
    int dir = (fn && ch == KEY_LEFT)                             ? -1
              : ((fn && ch == KEY_RIGHT) || (!fn && ch == L' ')) ? 1
                                                                 : 0;
    if (fl->kind == FIELD_YESNO) {
        if (!fn && (ch == L'y' || ch == L'Y'))
            fl->yes = true;
        else if (!fn && (ch == L'n' || ch == L'N'))
            fl->yes = false;
        else if (dir)
            fl->yes = !fl->yes;
        else
            return false;
        return true;
    }
    if (!dir || !fl->choices.n)
        return false;
    fl->choice = (fl->choice + fl->choices.n + (size_t)(dir < 0 ? -1 : 1)) % fl->choices.n;
    return true;
}

void form_key(struct tui *t, int rc, wint_t ch)
{
    struct form *f = t->form;
    struct form_field *fl = &f->fields[f->focus];
    bool fn = rc == KEY_CODE_YES, notes = fl->kind == FIELD_NOTES;
    f->error[0] = '\0';
    if (f->asking) { /* Ctrl-C again or y closes; any other key goes back to the form */
        f->asking = false;
        if (!fn && (ch == 3 || ch == L'y' || ch == L'Y'))
            tui_form_close(t);
        return;
    }
    bool toggles = fl->kind == FIELD_YESNO || fl->kind == FIELD_CHOICE;
    if ((!fn && (ch == 27 || ch == 7 || ch == 3)) || (!fn && toggles && ch == L'q')) {
        if (!f->dirty) {
            tui_form_close(t); /* Esc, Ctrl-G, Ctrl-C, q: nothing typed to lose */
            return;
        }
        f->asking = true;
        snprintf(f->error, sizeof f->error, "%s",
                 _("close without saving what you typed? y or Ctrl-C closes it; any other key "
                   "goes back to the form"));
        return;
    }
    if ((!fn && ch == 19) || (fn && ch == KEY_F(10))) { /* Ctrl-S, F10 */
        submit(t, f);
        return;
    }
    if ((!fn && ch == L'\t') || (fn && ch == KEY_DOWN && !notes)) {
        focus_move(t, f, 1);
        return;
    }
    if ((fn && ch == KEY_BTAB) || (fn && ch == KEY_UP && !notes)) {
        focus_move(t, f, -1);
        return;
    }
    bool enter = (!fn && (ch == L'\n' || ch == L'\r')) || (fn && ch == KEY_ENTER);
    if (enter && !notes) {
        if (f->focus + 1 == f->n)
            submit(t, f);
        else
            focus_move(t, f, 1);
        return;
    }
    bool changed;
    if (fl->kind == FIELD_YESNO || fl->kind == FIELD_CHOICE)
        changed = toggle_key(fl, rc, ch);
    else
        changed = lineedit_key(&fl->edit, rc, ch) == EDIT_CHANGED;
    if (changed) {
        f->dirty = true;
        if (fl->note_bad)
            note_clear(fl);
        field_check(fl);
        if (f->check)
            f->check(t, f);
    }
}
