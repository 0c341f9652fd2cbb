/* A table widget: rows of UTF-8 cells in columns that fit the terminal (Hangul = 2 columns),
 * a selected row, sorting by a column, a `/` filter, and rules between groups of rows. */
#ifndef SIMSA_TUI_TABLE_H
#define SIMSA_TUI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/draw.h"
#include "tui/screen.h"

#define TABLE_MAX_COLS 16
#define TABLE_NO_ROW ((size_t)-1)

struct table_column {
    const char *title; /* N_() */
    enum align align;
    int min_width;  /* narrowest when the terminal is narrow */
    int max_width;  /* widest while others need the room (0 = any) */
    int squeeze;    /* when the table is too wide, higher ones are narrowed first */
    bool numeric;   /* sorted by the cells' keys rather than their text */
    bool searched;  /* the `/` filter looks in this column */
    bool droppable; /* left out when the table cannot fit with whole words */
    int same_as;    /* column + 1: a cell saying what that column's says is left blank when the
                       table is too wide (0: never) */
};

struct table_cell {
    const char *text; /* in the table's text blocks, or "" */
    int64_t key;
};

/* The cells' strings, packed one after another: the 90,000 cells of a board of 10,000 rows are
 * a few blocks, not 90,000 allocations of 32 bytes each (issue 18). */
struct table_block;

struct table {
    const struct table_column *cols;
    size_t n_cols;
    bool sortable;          /* h/l choose a column, s sorts by it */
    const char *group_rule; /* label (translated) of the line where the rows' group changes */

    struct table_cell *cells;   /* n_rows * n_cols */
    struct table_block *blocks; /* their strings, freed with the rows */
    int *row_style;             /* enum style */
    int *row_group;
    size_t n_rows, cap;

    size_t *visible; /* rows shown, after filter and sort */
    size_t n_visible;
    size_t *lines; /* per screen line: an index into visible, or TABLE_NO_ROW for a rule */
    size_t n_lines;
    size_t selected; /* into visible */
    size_t top;      /* first line shown */
    size_t current_col;
    bool sorted, sort_desc;
    size_t sort_col;
    char *filter;

    /* geometry of the last draw, for clicks and paging */
    int header_y, first_y, page_rows, left;
    int widths[TABLE_MAX_COLS];
    bool blank_same[TABLE_MAX_COLS]; /* same_as applies at this width */
    /* widths and blank_same were fitted to these columns and hold until a cell or the sort
     * changes: each frame of a table of 10,000 rows need not measure every cell again */
    bool fitted;
    int fitted_avail;
};

void table_init(struct table *tb, const struct table_column *cols, size_t n_cols);
void table_free(struct table *tb);
/* Drop every row (to rebuild after a reload), keeping sort, filter and column. */
void table_clear(struct table *tb);
/* Add a row; returns its index. Cells start empty. */
size_t table_add_row(struct table *tb, int style, int group);
void table_set(struct table *tb, size_t row, size_t col, const char *text, int64_t key);
/* Apply filter and sort after rows were added or changed. */
void table_refresh(struct table *tb);

void table_filter(struct table *tb, const char *text);
void table_sort(struct table *tb, size_t col, bool desc);
/* The row under the selection (an index as returned by table_add_row), or TABLE_NO_ROW. */
size_t table_selected(const struct table *tb);
void table_select(struct table *tb, size_t row);

void table_draw(struct table *tb, const struct tui *t, const struct area *a);
/* Movement, column choice and sorting; RESULT_UNHANDLED for anything else. */
enum result table_key(struct table *tb, enum action a);
/* A click at (y, x) relative to the area the table was drawn in: a header click sorts by that
 * column; a row click selects it. Returns true when it selected a row. */
bool table_click(struct table *tb, int y, int x);
/* "3 of 12" style position text. */
void table_position(const struct table *tb, char *buf, size_t n);

#endif
