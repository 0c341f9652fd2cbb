/* The export's floor for `make bench`: a bare libxlsxwriter program writing the cells and
 * formats of simsa's workbook (BOOK.cells, see bench/xlsx_cells.py) with constant_memory, as
 * simsa does, and nothing else: no database beyond the data itself, no signatures, no
 * computation. The whole process is timed, reading the cells included.
 *
 *     export_floor BOOK.cells OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 16
#define MAX_FORMATS 256

static int n_fields(char *line, char **f)
{
    int n = 0;
    char *p = line;
    f[n++] = p;
    for (; *p; p++) {
        if (*p == '\t' && n < MAX_FIELDS) {
            *p = '\0';
            f[n++] = p + 1;
        } else if (*p == '\n') {
            *p = '\0';
            break;
        }
    }
    return n;
}

/* \t, \n and \\ back to what they stand for, in place. */
static char *unesc(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            *o++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return s;
}

static lxw_format *format_make(lxw_workbook *wb, char **f, int n)
{
    lxw_format *fmt = workbook_add_format(wb);
    for (int i = 0; i < n; i++) {
        char *v = strchr(f[i], '=');
        if (!v)
            continue;
        *v++ = '\0';
        const char *k = f[i];
        if (!strcmp(k, "num"))
            format_set_num_format(fmt, unesc(v));
        else if (!strcmp(k, "bold"))
            format_set_bold(fmt);
        else if (!strcmp(k, "size"))
            format_set_font_size(fmt, atof(v));
        else if (!strcmp(k, "color"))
            format_set_font_color(fmt, (lxw_color_t)strtol(v, NULL, 16));
        else if (!strcmp(k, "bg"))
            format_set_bg_color(fmt, (lxw_color_t)strtol(v, NULL, 16));
        else if (!strcmp(k, "left"))
            format_set_left(fmt, (uint8_t)atoi(v));
        else if (!strcmp(k, "right"))
            format_set_right(fmt, (uint8_t)atoi(v));
        else if (!strcmp(k, "top"))
            format_set_top(fmt, (uint8_t)atoi(v));
        else if (!strcmp(k, "bottom"))
            format_set_bottom(fmt, (uint8_t)atoi(v));
        else if (!strcmp(k, "bottom_color"))
            format_set_bottom_color(fmt, (lxw_color_t)strtol(v, NULL, 16));
        else if (!strcmp(k, "wrap"))
            format_set_text_wrap(fmt);
        else if (!strcmp(k, "valign") && !strcmp(v, "top"))
            format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
    }
    return fmt;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: export_floor BOOK.cells OUT.xlsx\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &opt);
    lxw_worksheet *ws = NULL;
    lxw_format *fmts[MAX_FORMATS] = {0};
    char *line = NULL, *f[MAX_FIELDS];
    size_t cap = 0;
    while (getline(&line, &cap, in) > 0) {
        int n = n_fields(line, f);
        lxw_row_t r = n > 1 ? (lxw_row_t)strtoul(f[1], NULL, 10) : 0;
        lxw_col_t c = n > 2 ? (lxw_col_t)strtoul(f[2], NULL, 10) : 0;
        lxw_format *fm = n > 3 ? fmts[atoi(f[3]) % MAX_FORMATS] : NULL;
        switch (f[0][0]) {
        case 's':
            worksheet_write_string(ws, r, c, unesc(f[4]), fm);
            break;
        case 'n':
            worksheet_write_number(ws, r, c, strtod(f[4], NULL), fm);
            break;
        case 'f':
            worksheet_write_formula_num(ws, r, c, unesc(f[5]), fm, strtod(f[4], NULL));
            break;
        case 'b':
            worksheet_write_blank(ws, r, c, fm);
            break;
        case 'm':
            worksheet_merge_range(ws, r, c, (lxw_row_t)strtoul(f[3], NULL, 10),
                                  (lxw_col_t)strtoul(f[4], NULL, 10), unesc(f[6]),
                                  fmts[atoi(f[5]) % MAX_FORMATS]);
            break;
        case 'H':
            worksheet_set_row(ws, r, strtod(f[2], NULL), NULL);
            break;
        case 'W':
            ws = workbook_add_worksheet(wb, unesc(f[1]));
            break;
        case 'C':
            worksheet_set_column(ws, (lxw_col_t)r, c, strtod(f[3], NULL), NULL);
            break;
        case 'Z':
            worksheet_freeze_panes(ws, r, c);
            break;
        case 'A':
            worksheet_autofilter(ws, r, c, (lxw_row_t)strtoul(f[3], NULL, 10),
                                 (lxw_col_t)strtoul(f[4], NULL, 10));
            break;
        case 'F':
            fmts[r % MAX_FORMATS] = format_make(wb, f + 2, n - 2);
            break;
        }
    }
    free(line);
    fclose(in);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        fprintf(stderr, "export_floor: %s\n", lxw_strerror(e));
        return 1;
    }
    return 0;
}
