/* What the sheet writers of the workbook share: the workbook, its formats, and a sheet with the
 * widest content of each column, so widths are computed from content (libxlsxwriter has no
 * autofit; Hangul counts 2). Only reports/ includes xlsxwriter.h. */
#ifndef SIMSA_REPORTS_BOOK_H
#define SIMSA_REPORTS_BOOK_H

#include <stdbool.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "core/report.h"
#include "db/store.h"
#include "reports/export.h"

#define BOOK_MAX_COLS 128
#define TEXT_WIDTH_MAX 60 /* columns: longer text is cut off on screen, whole in the cell */

struct sheet_out {
    lxw_worksheet *ws;
    char *name;                   /* as the workbook knows it (for formulas) */
    char *quoted;                 /* 'name' with ' doubled, for references from other sheets */
    uint8_t width[BOOK_MAX_COLS]; /* widest content per column, in character columns */
    lxw_col_t n_cols;
    lxw_row_t rows;     /* rows written so far (the next free row) */
    lxw_row_t last_row; /* the last row and column written (the print area) */
    lxw_col_t last_col;
    bool written;
};

/* How a sheet is printed (sheet_print): A4, fit to `wide` pages wide (1 unless the table runs
 * wider), the rows head_first..head_last on every page when repeat_rows, the first
 * repeat_cols columns on every page when the table runs wider than one page; the print area
 * from A1 to the last cell written, or to area_cols columns when not 0. */
struct print_setup {
    bool landscape;
    bool repeat_rows;
    lxw_row_t head_first, head_last;
    lxw_col_t repeat_cols;
    lxw_col_t area_cols;
    uint16_t wide;
};

struct book_formats {
    lxw_format *head, *title, *text, *wrap, *money, *score, *tenths, *hundredths, *integer, *date,
        *line, *below, *box, *label, *big;
    /* A box drawn over several cells without merging them (a one-line value overflows into
     * the blank cells beside it): its first, middle and last cells. */
    lxw_format *box_first, *box_mid, *box_last;
};

/* A signature that did not verify: the Scores sheet names it beside the sheet it belongs to. */
struct sig_problem {
    char *label; /* "sheet 2026-001/강민준", as db/verify.c names the record */
    char *what;
};

struct book {
    lxw_workbook *wb;
    struct store *st;
    const struct call *c;
    const struct report *rep;
    const struct export_options *o;
    struct book_formats f;
    char *failure; /* the first thing that failed, for people; NULL while all is well */
    struct sig_problem *problems;
    size_t n_problems;
    size_t n_signed;                          /* signed records checked */
    const struct sheet_out *scores, *results; /* the sheets other sheets' formulas refer to */
    const char *stage;                        /* what is being written, for progress */
    size_t stage_done, stage_total;
    char *revision; /* the page header's revision of the results: the audit chain's last event */
};

void book_formats_make(struct book *b);
/* Record a failure (the first one is kept). */
void book_fail(struct book *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A new worksheet named `name` (made valid: at most 31 characters, none of []:*?/\, unique). */
struct sheet_out *sheet_new(struct book *b, const char *name);
void sheet_free(struct sheet_out *s);
/* The page setup of a sheet, with a header of the call's title, the sheet's name and the
 * revision, and "page N of M" in the footer. */
void sheet_print(struct book *b, struct sheet_out *s, const struct print_setup *ps);
/* Lines a text takes wrapped in a column `cols` characters wide (Hangul 2), at least 1. */
int text_lines(const char *text, int cols);
/* Row r (not written yet) tall enough for `lines` lines of text; one line leaves it as it is.
 * Spreadsheets do not grow a row for wrapped text on their own when printing. */
void row_lines(struct sheet_out *s, lxw_row_t r, int lines);
/* Set each column's width from its widest content. */
void sheet_widths(struct book *b, struct sheet_out *s);
/* The end of a table sheet: header row and first two columns frozen, a filter over rows
 * 1..last_row (at least one) and columns 0..last_col, printed landscape with the header row
 * and the first two columns on every page (`wide` pages wide, 0 = one), column widths set. */
void sheet_table_end(struct book *b, struct sheet_out *s, lxw_row_t last_row, lxw_col_t last_col,
                     uint16_t wide);

/* Cells. Each records the first failure in b->error and widens its column to fit. */
void cell_text(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, const char *text,
               lxw_format *f);
/* Text that may run over the next cells (a note, a title): the column keeps its width. */
void cell_note(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, const char *text,
               lxw_format *f);
void cell_number(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, double v,
                 lxw_format *f, int width);
void cell_formula(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c,
                  const char *formula, double cached, lxw_format *f, int width);
void cell_money(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t won);
/* A value scaled by 10^decimals (the official figures, R7.2), with the program's decimals. */
void cell_scaled(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t v);
void cell_tenths(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t tenths);
void cell_hundredths(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t v);
void cell_int(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, int64_t v);
void cell_date(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, sdate d);
/* A header row of translated labels (msgids), bold, frozen and filtered. */
void header_row(struct book *b, struct sheet_out *s, lxw_row_t r, const char *const *labels,
                size_t n);
/* A label that is not a msgid (an item's name, a document's number). */
void header_cell(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c, const char *text);

/* "A1"-style references: column letters, and 'Sheet'!$C$2:$C$6. */
void col_letters(lxw_col_t c, char out[4]);
char *range_ref(const struct sheet_out *s, lxw_row_t r1, lxw_col_t c, lxw_row_t r2);

/* Progress: a stage of `total` steps starts; a step is done. */
void book_stage(struct book *b, const char *what, size_t total);
void book_step(struct book *b);

/* The program's own texts in the language of the export. */
const char *book_lang(const struct book *b, const char *ko, const char *en);
/* The program's decimals as an Excel number format ("0.00"). */
const char *score_format(int decimals);
/* v / 10^decimals as a double: the cached value of a formula, for showing only. */
double scaled_value(int64_t v, int decimals);

/* The sheets (each in its own file). */
void sheet_results(struct book *b, struct sheet_out *s);
void sheet_chart(struct book *b, struct sheet_out *s);
void sheet_scores(struct book *b, struct sheet_out *s);
void sheet_item_means(struct book *b, struct sheet_out *s);
void sheet_review(struct book *b, struct sheet_out *s);
void sheet_inspections(struct book *b, struct sheet_out *s);
void sheet_amounts(struct book *b, struct sheet_out *s);
void sheet_notification(struct book *b, struct sheet_out *s);
void sheet_calibration(struct book *b, struct sheet_out *s);
void sheet_integrity(struct book *b, struct sheet_out *s);
void sheet_judge_form(struct book *b, struct sheet_out *s, const struct person *judge);
/* The committee's documents (reports/papers.c): the results summary with signature boxes, a
 * printable score sheet per application of one judge, a notice per applicant, one per page. */
void sheet_summary(struct book *b, struct sheet_out *s);
/* A judge's score sheets, one per page: pages first..first+n-1 of the judge's
 * judge_papers_count() on one sheet, PAPERS_PER_SHEET at most (Excel's limit of manual page
 * breaks, and its rows); a judge with more gets "Score sheets NAME (2)", ... */
#define PAPERS_PER_SHEET 1000
size_t judge_papers_count(const struct call *c, int64_t judge);
/* The key id each of the judge's sheets was signed with, indexed like the call's applications
 * (one read for all of the judge's sheets of papers; NULL after book_fail; caller frees). */
typedef char paper_keys[17];
paper_keys *judge_paper_keys(struct book *b, const struct person *judge);
void sheet_judge_papers(struct book *b, struct sheet_out *s, const struct person *judge,
                        paper_keys *keys, size_t first, size_t n);
/* Notices of the ranking's rows first..first+n-1: NOTICES_PER_SHEET at most on one sheet, under
 * Excel's limit of manual page breaks; a call with more gets "Notices (2)", ... */
#define NOTICES_PER_SHEET 1000
void sheet_notices(struct book *b, struct sheet_out *s, size_t first, size_t n);
/* '&' starts a code in Excel headers: a literal one is "&&" (caller frees). */
char *header_escape(const char *text);

/* The Scores sheet's layout, which the Results and Item means formulas refer to. */
enum { SCORES_APP, SCORES_JUDGE, SCORES_FIRST_ITEM };
lxw_col_t scores_total_col(const struct call *c);
/* The row of the i-th sheet of the report on the Scores sheet. */
lxw_row_t scores_row(size_t i);

#endif
