/* The table widget (see table.h). Widths come from every row, filtered or not, so columns do
 * not jump while a filter is typed; sorting is stable so equal keys keep the model's order. */
#include "tui/table.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/i18n.h"

enum { TABLE_BLOCK_SIZE = 32 * 1024 };

struct table_block {
    struct table_block *next;
    size_t used, size;
    char text[];
};

/* text copied into the table's blocks; the copy lives until table_clear. */
static const char *table_text_add(struct table *tb, const char *text)
{
    size_t len = strlen(text) + 1;
    if (len == 1)
        return "";
    struct table_block *b = tb->blocks;
    if (!b || b->size - b->used < len) {
        size_t size = len > TABLE_BLOCK_SIZE ? len : TABLE_BLOCK_SIZE;
        b = xmalloc(sizeof *b + size);
        *b = (struct table_block){.next = tb->blocks, .size = size};
        tb->blocks = b;
    }
    char *copy = b->text + b->used;
    memcpy(copy, text, len);
    b->used += len;
    return copy;
}

void table_init(struct table *tb, const struct table_column *cols, size_t n_cols)
{
    memset(tb, 0, sizeof *tb);
    tb->cols = cols;
    tb->n_cols = n_cols < TABLE_MAX_COLS ? n_cols : TABLE_MAX_COLS;
}

void table_clear(struct table *tb)
{
    while (tb->blocks) {
        struct table_block *next = tb->blocks->next;
        free(tb->blocks);
        tb->blocks = next;
    }
    tb->fitted = false;
    tb->n_rows = 0;
    tb->n_visible = 0;
    tb->n_lines = 0;
}

void table_free(struct table *tb)
{
    table_clear(tb);
    free(tb->cells);
    free(tb->row_style);
    free(tb->row_group);
    free(tb->visible);
    free(tb->lines);
    free(tb->filter);
    memset(tb, 0, sizeof *tb);
}

size_t table_add_row(struct table *tb, int style, int group)
{
    if (tb->n_rows == tb->cap) {
        tb->cap = tb->cap ? tb->cap * 2 : 32;
        tb->cells = xrealloc(tb->cells, tb->cap * tb->n_cols * sizeof *tb->cells);
        tb->row_style = xrealloc(tb->row_style, tb->cap * sizeof *tb->row_style);
        tb->row_group = xrealloc(tb->row_group, tb->cap * sizeof *tb->row_group);
        tb->visible = xrealloc(tb->visible, tb->cap * sizeof *tb->visible);
        tb->lines = xrealloc(tb->lines, 2 * tb->cap * sizeof *tb->lines);
    }
    size_t row = tb->n_rows++;
    tb->fitted = false;
    for (size_t c = 0; c < tb->n_cols; c++)
        tb->cells[row * tb->n_cols + c] = (struct table_cell){.text = "", .key = 0};
    tb->row_style[row] = style;
    tb->row_group[row] = group;
    return row;
}

void table_set(struct table *tb, size_t row, size_t col, const char *text, int64_t key)
{
    struct table_cell *cell = &tb->cells[row * tb->n_cols + col];
    cell->text = table_text_add(tb, text ? text : ""); /* a text it had stays in its block */
    cell->key = key;
    tb->fitted = false;
}

static const struct table_cell *cell_at(const struct table *tb, size_t row, size_t col)
{
    return &tb->cells[row * tb->n_cols + col];
}

/* ASCII letters match either case; Hangul has none. */
static bool contains_folded(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i]) {
            unsigned char a = (unsigned char)hay[i], b = (unsigned char)needle[i];
            if (a >= 'A' && a <= 'Z')
                a = (unsigned char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (unsigned char)(b - 'A' + 'a');
            if (a != b)
                break;
            i++;
        }
        if (i == n)
            return true;
    }
    return n == 0;
}

static bool row_matches(const struct table *tb, size_t row)
{
    if (!tb->filter || !*tb->filter)
        return true;
    for (size_t c = 0; c < tb->n_cols; c++)
        if (tb->cols[c].searched && contains_folded(cell_at(tb, row, c)->text, tb->filter))
            return true;
    return false;
}

static int row_compare(const struct table *tb, size_t a, size_t b)
{
    const struct table_cell *x = cell_at(tb, a, tb->sort_col), *y = cell_at(tb, b, tb->sort_col);
    int cmp;
    if (tb->cols[tb->sort_col].numeric)
        cmp = (x->key > y->key) - (x->key < y->key);
    else
        cmp = strcmp(x->text, y->text); /* UTF-8 byte order is code point order: 가나다 */
    return tb->sort_desc ? -cmp : cmp;
}

/* A stable merge sort of row indices (qsort is neither stable nor given a context). */
static void rows_sort(const struct table *tb, size_t *v, size_t n, size_t *scratch)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    rows_sort(tb, v, half, scratch);
    rows_sort(tb, v + half, n - half, scratch);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        scratch[k++] = row_compare(tb, v[j], v[i]) < 0 ? v[j++] : v[i++];
    while (i < half)
        scratch[k++] = v[i++];
    while (j < n)
        scratch[k++] = v[j++];
    memcpy(v, scratch, n * sizeof *v);
}

static void lines_build(struct table *tb)
{
    tb->n_lines = 0;
    for (size_t i = 0; i < tb->n_visible; i++) {
        if (i > 0 && tb->group_rule &&
            tb->row_group[tb->visible[i]] != tb->row_group[tb->visible[i - 1]])
            tb->lines[tb->n_lines++] = TABLE_NO_ROW;
        tb->lines[tb->n_lines++] = i;
    }
}

void table_refresh(struct table *tb)
{
    size_t keep = table_selected(tb);
    tb->n_visible = 0;
    for (size_t r = 0; r < tb->n_rows; r++)
        if (row_matches(tb, r))
            tb->visible[tb->n_visible++] = r;
    if (tb->sorted && tb->n_visible > 1) {
        size_t *scratch = xmalloc(tb->n_visible * sizeof *scratch);
        rows_sort(tb, tb->visible, tb->n_visible, scratch);
        free(scratch);
    }
    lines_build(tb);
    tb->selected = 0;
    if (keep != TABLE_NO_ROW)
        table_select(tb, keep);
}

void table_filter(struct table *tb, const char *text)
{
    free(tb->filter);
    tb->filter = text && *text ? xstrdup(text) : NULL;
    tb->top = 0;
    table_refresh(tb);
}

void table_sort(struct table *tb, size_t col, bool desc)
{
    if (col >= tb->n_cols)
        return;
    tb->sorted = true;
    tb->sort_col = col;
    tb->sort_desc = desc;
    tb->fitted = false; /* the header marks the sorted column */
    table_refresh(tb);
}

size_t table_selected(const struct table *tb)
{
    return tb->selected < tb->n_visible ? tb->visible[tb->selected] : TABLE_NO_ROW;
}

void table_select(struct table *tb, size_t row)
{
    for (size_t i = 0; i < tb->n_visible; i++)
        if (tb->visible[i] == row)
            tb->selected = i;
}

static size_t line_of_selected(const struct table *tb)
{
    for (size_t l = 0; l < tb->n_lines; l++)
        if (tb->lines[l] == tb->selected)
            return l;
    return 0;
}

/* Keep the selected row on screen, and the rule above it when it is the first after one. */
static void scroll_to_selection(struct table *tb, int rows)
{
    if (rows <= 0)
        return;
    size_t line = line_of_selected(tb);
    if (line < tb->top)
        tb->top = line > 0 && tb->lines[line - 1] == TABLE_NO_ROW ? line - 1 : line;
    if (line >= tb->top + (size_t)rows)
        tb->top = line - (size_t)rows + 1;
    if (tb->n_lines <= (size_t)rows)
        tb->top = 0;
    else if (tb->top > tb->n_lines - (size_t)rows)
        tb->top = tb->n_lines - (size_t)rows;
}

static int header_width(const struct table *tb, size_t c)
{
    bool marked = tb->sorted && tb->sort_col == c;
    return text_width(_(tb->cols[c].title)) + (marked ? 2 : 0); /* " ^" */
}

/* A cell as shown: blank when it says what its same_as column says and the table is narrow. */
static const char *cell_shown(const struct table *tb, size_t row, size_t col)
{
    const char *text = cell_at(tb, row, col)->text;
    int same = tb->cols[col].same_as;
    if (tb->blank_same[col] && same > 0 && (size_t)same <= tb->n_cols &&
        strcmp(text, cell_at(tb, row, (size_t)same - 1)->text) == 0)
        return "";
    return text;
}

/* Columns of the first word of s, plus one for "…" when more words follow: the narrowest a
 * cell can be and still show whole words (text_clip_words). */
static int first_word_width(const char *s)
{
    s += strspn(s, " ");
    size_t n = strcspn(s, " ");
    char *word = xstrndup(s, n);
    int w = text_width(word);
    free(word);
    return w + (s[n + strspn(s + n, " ")] ? 1 : 0);
}

/* The column to narrow next: of the highest squeeze that still has room above its floor, the
 * one with the most. TABLE_MAX_COLS when none can give. */
static size_t column_to_narrow(const struct table *tb, const int *floor)
{
    size_t best = TABLE_MAX_COLS;
    for (size_t c = 0; c < tb->n_cols; c++) {
        int surplus = tb->widths[c] - floor[c];
        if (surplus <= 0 || !tb->widths[c])
            continue;
        if (best == TABLE_MAX_COLS || tb->cols[c].squeeze > tb->cols[best].squeeze ||
            (tb->cols[c].squeeze == tb->cols[best].squeeze &&
             surplus > tb->widths[best] - floor[best]))
            best = c;
    }
    return best;
}

static void narrow(struct table *tb, const int *floor, int *total, int avail)
{
    while (*total > avail) {
        size_t c = column_to_narrow(tb, floor);
        if (c == TABLE_MAX_COLS)
            break;
        tb->widths[c]--;
        (*total)--;
    }
}

/* Each column as wide as its widest cell, capped at max_width, then narrowed (column_to_narrow)
 * until the table fits: first only columns of free text (those with a squeeze or max_width), no
 * cell below its first whole word (the rest is cut at a word boundary with "…"), then without
 * the columns that may be left out, and only then below that; left-over room undoes the caps. */
static void widths_fit(struct table *tb, int avail)
{
    if (tb->fitted && tb->fitted_avail == avail)
        return;
    tb->fitted = true;
    tb->fitted_avail = avail;
    int content[TABLE_MAX_COLS] = {0}, words[TABLE_MAX_COLS] = {0}, total = (int)tb->n_cols - 1;
    int natural = (int)tb->n_cols - 1;
    for (size_t c = 0; c < tb->n_cols; c++) {
        int w = header_width(tb, c);
        tb->blank_same[c] = false;
        for (size_t r = 0; r < tb->n_rows; r++)
            if (text_width(cell_at(tb, r, c)->text) > w)
                w = text_width(cell_at(tb, r, c)->text);
        natural += w;
    }
    for (size_t c = 0; c < tb->n_cols; c++)
        tb->blank_same[c] = natural > avail && tb->cols[c].same_as > 0;
    for (size_t c = 0; c < tb->n_cols; c++) {
        content[c] = header_width(tb, c);
        words[c] = first_word_width(_(tb->cols[c].title));
        for (size_t r = 0; r < tb->n_rows; r++) {
            const char *text = cell_shown(tb, r, c);
            int w = text_width(text), fw = first_word_width(text);
            if (w > content[c])
                content[c] = w;
            if (fw > words[c])
                words[c] = fw;
        }
        if (words[c] < tb->cols[c].min_width)
            words[c] = tb->cols[c].min_width;
        if (!tb->cols[c].squeeze && !tb->cols[c].max_width)
            words[c] = content[c]; /* a column of labels and figures: whole before any is cut */
        if (words[c] > content[c])
            words[c] = content[c];
        int cap = tb->cols[c].max_width;
        tb->widths[c] = cap > 0 && content[c] > cap ? cap : content[c];
        if (tb->widths[c] < words[c])
            tb->widths[c] = words[c];
        total += tb->widths[c];
    }
    narrow(tb, words, &total, avail);
    for (size_t c = 0; c < tb->n_cols && total > avail; c++) {
        if (tb->cols[c].droppable) {
            total -= tb->widths[c] + 1;
            tb->widths[c] = 0; /* left out: the detail screen shows it */
        }
    }
    int least[TABLE_MAX_COLS] = {0};
    for (size_t c = 0; c < tb->n_cols; c++)
        least[c] = tb->cols[c].min_width;
    narrow(tb, least, &total, avail);
    for (size_t c = 0; c < tb->n_cols && total < avail; c++) {
        int more = content[c] - tb->widths[c];
        if (more > avail - total)
            more = avail - total;
        if (more > 0 && tb->widths[c]) {
            tb->widths[c] += more;
            total += more;
        }
    }
}

/* A cell or title in `width` columns: whole when it fits, else cut at a word with "…". */
static void cell_draw(int y, int x, const char *text, int width, enum align align, int attr)
{
    if (text_width(text) <= width) {
        draw_field(y, x, text, width, align, attr);
        return;
    }
    char *clipped = text_clip_words(text, width);
    draw_field(y, x, clipped, width, align, attr);
    free(clipped);
}

static void header_draw(const struct table *tb, const struct tui *t, int y, int x, int width)
{
    draw_blank(y, x, width, tui_attr(t, STYLE_HEADER));
    for (size_t c = 0; c < tb->n_cols && x < tb->left + width; c++) {
        if (!tb->widths[c])
            continue;
        const char *title = _(tb->cols[c].title);
        char *label = tb->sorted && tb->sort_col == c
                          ? xasprintf("%s %s", title, tb->sort_desc ? "v" : "^")
                          : xstrdup(title);
        int style = tb->sortable && c == tb->current_col ? STYLE_CURRENT_COLUMN : STYLE_HEADER;
        int room = tb->left + width - x;
        cell_draw(y, x, label, tb->widths[c] < room ? tb->widths[c] : room, tb->cols[c].align,
                  tui_attr(t, style));
        free(label);
        x += tb->widths[c] + 1;
    }
}

static void row_draw(const struct table *tb, const struct tui *t, int y, size_t vis, int width)
{
    size_t row = tb->visible[vis];
    int attr = tui_attr(t, tb->row_style[row]);
    if (vis == tb->selected)
        attr |= tui_attr(t, STYLE_SELECTED);
    draw_blank(y, tb->left, width, attr);
    int x = tb->left;
    for (size_t c = 0; c < tb->n_cols && x < tb->left + width; c++) {
        if (!tb->widths[c])
            continue;
        int room = tb->left + width - x;
        cell_draw(y, x, cell_shown(tb, row, c), tb->widths[c] < room ? tb->widths[c] : room,
                  tb->cols[c].align, attr);
        x += tb->widths[c] + 1;
    }
}

static void rule_draw(const struct table *tb, const struct tui *t, int y, int width)
{
    int attr = tui_attr(t, STYLE_RULE);
    attrset((attr_t)attr);
    (void)mvhline(y, tb->left, ACS_HLINE, width);
    attrset(A_NORMAL);
    char *label = xasprintf(" %s ", tb->group_rule);
    int cols = text_width(label);
    if (cols + 4 <= width)
        draw_text(y, tb->left + 2, label, width - 4, attr);
    free(label);
}

void table_draw(struct table *tb, const struct tui *t, const struct area *a)
{
    tb->left = a->left;
    tb->header_y = a->top;
    tb->first_y = a->top + 1;
    tb->page_rows = a->height - 1;
    widths_fit(tb, a->width);
    header_draw(tb, t, a->top, a->left, a->width);
    if (tb->n_visible == 0) {
        const char *none = tb->filter ? _("(no rows match the filter)") : _("(nothing yet)");
        draw_text(tb->first_y, a->left + 1, none, a->width - 1, tui_attr(t, STYLE_DIM));
        return;
    }
    scroll_to_selection(tb, tb->page_rows);
    for (int i = 0; i < tb->page_rows && tb->top + (size_t)i < tb->n_lines; i++) {
        size_t line = tb->lines[tb->top + (size_t)i];
        if (line == TABLE_NO_ROW)
            rule_draw(tb, t, tb->first_y + i, a->width);
        else
            row_draw(tb, t, tb->first_y + i, line, a->width);
    }
}

static void move_selection(struct table *tb, long delta)
{
    if (tb->n_visible == 0)
        return;
    long to = (long)tb->selected + delta;
    if (to < 0)
        to = 0;
    if (to >= (long)tb->n_visible)
        to = (long)tb->n_visible - 1;
    tb->selected = (size_t)to;
}

enum result table_key(struct table *tb, enum action a)
{
    long page = tb->page_rows > 1 ? tb->page_rows - 1 : 1;
    switch (a) {
    case ACTION_UP:
        move_selection(tb, -1);
        return RESULT_HANDLED;
    case ACTION_DOWN:
        move_selection(tb, 1);
        return RESULT_HANDLED;
    case ACTION_PAGE_UP:
        move_selection(tb, -page);
        return RESULT_HANDLED;
    case ACTION_PAGE_DOWN:
        move_selection(tb, page);
        return RESULT_HANDLED;
    case ACTION_FIRST:
        move_selection(tb, -(long)tb->n_visible);
        return RESULT_HANDLED;
    case ACTION_LAST:
        move_selection(tb, (long)tb->n_visible);
        return RESULT_HANDLED;
    case ACTION_LEFT:
    case ACTION_RIGHT:
        if (!tb->sortable)
            return RESULT_UNHANDLED;
        if (a == ACTION_LEFT && tb->current_col > 0)
            tb->current_col--;
        else if (a == ACTION_RIGHT && tb->current_col + 1 < tb->n_cols)
            tb->current_col++;
        return RESULT_HANDLED;
    case ACTION_SORT:
        if (!tb->sortable)
            return RESULT_UNHANDLED;
        table_sort(tb, tb->current_col,
                   tb->sorted && tb->sort_col == tb->current_col && !tb->sort_desc);
        return RESULT_HANDLED;
    default:
        return RESULT_UNHANDLED;
    }
}

bool table_click(struct table *tb, int y, int x)
{
    int abs_y = y + tb->header_y, abs_x = x + tb->left;
    if (abs_y == tb->header_y) {
        int at = tb->left;
        for (size_t c = 0; c < tb->n_cols; c++) {
            if (!tb->widths[c])
                continue;
            if (abs_x >= at && abs_x < at + tb->widths[c] && tb->sortable) {
                tb->current_col = c;
                table_key(tb, ACTION_SORT);
            }
            at += tb->widths[c] + 1;
        }
        return false;
    }
    if (abs_y < tb->first_y || abs_y >= tb->first_y + tb->page_rows)
        return false;
    size_t line = tb->top + (size_t)(abs_y - tb->first_y);
    if (line >= tb->n_lines || tb->lines[line] == TABLE_NO_ROW)
        return false;
    tb->selected = tb->lines[line];
    return true;
}

void table_position(const struct table *tb, char *buf, size_t n)
{
    if (tb->n_visible == 0)
        snprintf(buf, n, _("0 rows"));
    else if (tb->n_visible == tb->n_rows)
        snprintf(buf, n, _("row %zu of %zu"), tb->selected + 1, tb->n_rows);
    else
        snprintf(buf, n, _("row %zu of %zu (filtered from %zu)"), tb->selected + 1, tb->n_visible,
                 tb->n_rows);
}
