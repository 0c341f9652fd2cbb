/* Unit tests for core/csv.c: encodings (UTF-8, BOM, CP949), positions across quoted newlines,
 * header aliases, every header and row error with its exact FILE:LINE:COL text, and writing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

enum { COL_ID, COL_COMPANY, COL_REQUESTED, COL_BIZ_NO, COL_NOTE, N_COLS };

static const struct csv_column spec[N_COLS] = {
    [COL_ID] = {.id = "id", .aliases = {"신청번호", "접수번호"}, .required = true},
    [COL_COMPANY] = {.id = "company", .aliases = {"기업명", "회사명"}, .required = true},
    [COL_REQUESTED] = {.id = "requested",
                       .aliases = {"신청금액", "지원신청금액"},
                       .required = true},
    [COL_BIZ_NO] = {.id = "biz_no", .aliases = {"사업자등록번호"}},
    [COL_NOTE] = {.id = "note", .aliases = {"비고"}},
};

/* Parse text (as a NUL-free C string unless len is given) into t; returns csv_read's result. */
static int read_csv(const char *text, size_t len, struct csv_table *t, struct diags *d)
{
    return csv_read(text, len, "f.csv", spec, N_COLS, t, d);
}

static int read_str(const char *text, struct csv_table *t, struct diags *d)
{
    return read_csv(text, strlen(text), t, d);
}

/* Read text expecting exactly one problem, reported as `expected`. */
static void assert_single_diag(const char *text, size_t len, const char *expected)
{
    struct csv_table t;
    struct diags d = {0};
    assert_int_equal(read_csv(text, len, &t, &d), -1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].text, expected);
    csv_table_free(&t);
    diags_free(&d);
}

static void test_reads_rows_in_any_column_order(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "company,requested,id\n"
                       "  한빛바이오 , 80,000,000 ,2026-001\n"
                       "\"(주)청주, 식품\",\"5,000,000\",2026-002\n";
    assert_int_equal(read_str(text, &t, &d), -1); /* 80,000,000 unquoted is three fields */
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].text, "f.csv:2:4: too many fields: the header has 3 columns");
    csv_table_free(&t);
    diags_free(&d);

    text = "company,requested,id\n"
           "  한빛바이오 , 80000000 ,2026-001\n"
           "\"(주)청주, 식품\",\"5,000,000\",2026-002\n";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_int_equal(d.n, 0);
    assert_string_equal(t.encoding, "UTF-8");
    assert_string_equal(t.filename, "f.csv");
    assert_int_equal(t.n_spec, N_COLS);
    assert_int_equal(t.spec_col[COL_ID], 3);
    assert_int_equal(t.spec_col[COL_COMPANY], 1);
    assert_int_equal(t.spec_col[COL_REQUESTED], 2);
    assert_int_equal(t.spec_col[COL_BIZ_NO], 0);
    assert_int_equal(t.n_rows, 2);
    assert_int_equal(t.rows[0].line, 2);
    assert_string_equal(t.rows[0].field[COL_ID], "2026-001");
    assert_string_equal(t.rows[0].field[COL_COMPANY], "한빛바이오");
    assert_string_equal(t.rows[0].field[COL_REQUESTED], "80000000");
    assert_null(t.rows[0].field[COL_BIZ_NO]);
    assert_null(t.rows[0].field[COL_NOTE]);
    assert_int_equal(t.rows[0].col[COL_ID], 3);
    assert_int_equal(t.rows[0].col[COL_NOTE], 0);
    assert_int_equal(t.rows[1].line, 3);
    assert_string_equal(t.rows[1].field[COL_COMPANY], "(주)청주, 식품");
    assert_string_equal(t.rows[1].field[COL_REQUESTED], "5,000,000");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_header_aliases_case_spaces_and_underscores(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "신청번호, 회사명 ,신청 금액,Biz No,NOTE\n"
                       "2026-001,A,1000,124-81-00998,x\n";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_int_equal(t.spec_col[COL_ID], 1);
    assert_int_equal(t.spec_col[COL_COMPANY], 2);
    assert_int_equal(t.spec_col[COL_REQUESTED], 3);
    assert_int_equal(t.spec_col[COL_BIZ_NO], 4);
    assert_int_equal(t.spec_col[COL_NOTE], 5);
    assert_string_equal(t.rows[0].field[COL_BIZ_NO], "124-81-00998");
    csv_table_free(&t);

    assert_int_equal(read_str("ID,Company,Requested,biz_no\n1,A,2,\n", &t, &d), 0);
    assert_int_equal(t.spec_col[COL_BIZ_NO], 4);
    assert_string_equal(t.rows[0].field[COL_BIZ_NO], ""); /* present but empty: "" not NULL */
    assert_null(t.rows[0].field[COL_NOTE]);
    csv_table_free(&t);

    assert_int_equal(read_str("REQUESTED,COMPANY,I_D\n1,A,2\n", &t, &d), 0);
    assert_int_equal(t.spec_col[COL_ID], 3);
    csv_table_free(&t);
    assert_int_equal(d.n, 0);
    diags_free(&d);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "\xEF\xBB\xBFid,company,requested\r\n"
                       "2026-001,A,1\r\n"
                       "\r\n"
                       "2026-002,B,2\r\n";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_string_equal(t.encoding, "UTF-8");
    assert_int_equal(t.spec_col[COL_ID], 1); /* the BOM is not part of "id" */
    assert_int_equal(t.n_rows, 2);
    assert_int_equal(t.rows[0].line, 2);
    assert_int_equal(t.rows[1].line, 4);
    assert_string_equal(t.rows[1].field[COL_REQUESTED], "2");
    csv_table_free(&t);

    /* old Mac line ends (CR alone) count as lines too */
    assert_int_equal(read_str("id,company,requested\rA,B,1\rC,D,2", &t, &d), 0);
    assert_int_equal(t.n_rows, 2);
    assert_int_equal(t.rows[1].line, 3);
    assert_string_equal(t.rows[1].field[COL_REQUESTED], "2");
    csv_table_free(&t);
    assert_int_equal(d.n, 0);
    diags_free(&d);
}

static void test_cp949_file(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    /* 신청번호,기업명,신청금액 / 2026-001,한빛,80,000,000 (quoted) in CP949 */
    const char *text = "\xbd\xc5\xc3\xbb\xb9\xf8\xc8\xa3,\xb1\xe2\xbe\xf7\xb8\xed,"
                       "\xbd\xc5\xc3\xbb\xb1\xdd\xbe\xd7\r\n"
                       "2026-001,\xc7\xd1\xba\xfb,\"80,000,000\"\r\n";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_int_equal(d.n, 0);
    assert_string_equal(t.encoding, "CP949");
    assert_int_equal(t.spec_col[COL_ID], 1);
    assert_int_equal(t.spec_col[COL_COMPANY], 2);
    assert_int_equal(t.spec_col[COL_REQUESTED], 3);
    assert_int_equal(t.n_rows, 1);
    assert_int_equal(t.rows[0].line, 2);
    assert_string_equal(t.rows[0].field[COL_COMPANY], "한빛");
    assert_string_equal(t.rows[0].field[COL_REQUESTED], "80,000,000");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_undecodable_bytes_are_located(void **state)
{
    (void)state;
    /* neither encoding: both fail at the same byte, line 2, third character */
    const char bad_both[] = "id,company,requested\nab\xff,x,1\n";
    assert_single_diag(bad_both, sizeof bad_both - 1, "f.csv:2:3: not valid UTF-8 or CP949");
    /* CP949 text with one bad byte: the position counts CP949 characters (신 is one) */
    const char bad_cp949[] = "\xbd\xc5\xc3\xbb\xb9\xf8\xc8\xa3,company,requested\n\xbd\xc5,\xff\n";
    assert_single_diag(bad_cp949, sizeof bad_cp949 - 1, "f.csv:2:3: not valid UTF-8 or CP949");
    /* UTF-8 text with one bad byte: the position counts UTF-8 characters (한, 글) */
    const char bad_utf8[] = "기업명,id,requested\n한글,\xc0\xaf,1\n";
    assert_single_diag(bad_utf8, sizeof bad_utf8 - 1, "f.csv:2:4: not valid UTF-8 or CP949");
    const char nul[] = "id,company,requested\n1,a\0b,2\n";
    assert_single_diag(nul, sizeof nul - 1,
                       "f.csv:2:4: NUL byte in a text file (is it UTF-16 or a spreadsheet?)");
    const char utf16[] = "\xff\xfei\0d\0";
    assert_single_diag(
        utf16, sizeof utf16 - 1,
        "f.csv:1:1: UTF-16 is not supported: save the file as CSV in UTF-8 or CP949");
}

static void test_quoted_newlines_keep_later_line_numbers(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "id,company,requested,note\n"
                       "2026-001,\"A, Inc.\",1,\"first line\n"
                       "second line\n"
                       "third, with comma\"\n"
                       "2026-002,\"say \"\"hi\"\"\",2,\n"
                       "\n"
                       "2026-003,\"multi\r\nline\",3,\"\"\n"
                       "2026-004,D,4,ok";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_int_equal(t.n_rows, 4);
    assert_int_equal(t.rows[0].line, 2);
    assert_string_equal(t.rows[0].field[COL_COMPANY], "A, Inc.");
    assert_string_equal(t.rows[0].field[COL_NOTE], "first line\nsecond line\nthird, with comma");
    assert_int_equal(t.rows[1].line, 5);
    assert_string_equal(t.rows[1].field[COL_COMPANY], "say \"hi\"");
    assert_string_equal(t.rows[1].field[COL_NOTE], "");
    assert_int_equal(t.rows[2].line, 7);
    assert_string_equal(t.rows[2].field[COL_COMPANY], "multi\r\nline");
    assert_int_equal(t.rows[3].line, 9);
    assert_string_equal(t.rows[3].field[COL_NOTE], "ok");
    csv_table_free(&t);

    /* an error after the multi-line record names the right physical line */
    text = "id,company,requested\n"
           "1,\"a\nb\nc\",1\n"
           "2,b,2,extra\n";
    assert_int_equal(read_str(text, &t, &d), -1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].text, "f.csv:5:4: too many fields: the header has 3 columns");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_decomposed_hangul_is_normalised(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    /* header 기업명 and value 한글 written as conjoining jamo (U+1100 style) */
    const char *text =
        "id,\xe1\x84\x80\xe1\x85\xb5\xe1\x84\x8b\xe1\x85\xa5\xe1\x86\xb8"
        "\xe1\x84\x86\xe1\x85\xa7\xe1\x86\xbc,requested\n"
        "1,\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xb3\xe1\x86\xaf,2\n";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_int_equal(t.spec_col[COL_COMPANY], 2);
    assert_string_equal(t.rows[0].field[COL_COMPANY], "\xed\x95\x9c\xea\xb8\x80");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_unknown_column(void **state)
{
    (void)state;
    const char *text = "id,company,foo,requested\n1,a,x,2\n";
    assert_single_diag(text, strlen(text),
                       "f.csv:1:3: unknown column \"foo\" (expected one of: id, company, "
                       "requested, biz_no, note)");
}

static void test_duplicate_column(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "id,기업명,requested,Company\n1,a,2,b\n";
    assert_int_equal(read_str(text, &t, &d), -1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].text, "f.csv:1:4: duplicate column \"Company\" (the same as "
                                     "column 2)");
    /* the table is still filled, with the first of the two */
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(t.rows[0].field[COL_COMPANY], "a");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_missing_required_columns_name_the_header_line(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "\n  \n,,\nnote,company\nx,a\n";
    assert_int_equal(read_str(text, &t, &d), -1);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.v[0].text, "f.csv:4:1: missing column \"id\"");
    assert_string_equal(d.v[1].text, "f.csv:4:1: missing column \"requested\"");
    assert_int_equal(t.n_rows, 1);
    assert_int_equal(t.rows[0].line, 5);
    assert_null(t.rows[0].field[COL_ID]);
    csv_table_free(&t);
    diags_free(&d);
}

static void test_every_problem_is_reported(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "id,bogus,company,id\n1,2,3,4\n5,6,7,8,9\n";
    assert_int_equal(read_str(text, &t, &d), -1);
    assert_int_equal(d.n, 4);
    assert_string_equal(d.v[0].text, "f.csv:1:2: unknown column \"bogus\" (expected one of: id, "
                                     "company, requested, biz_no, note)");
    assert_string_equal(d.v[1].text, "f.csv:1:4: duplicate column \"id\" (the same as column 1)");
    assert_string_equal(d.v[2].text, "f.csv:1:1: missing column \"requested\"");
    assert_string_equal(d.v[3].text, "f.csv:3:5: too many fields: the header has 4 columns");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_short_rows_get_empty_fields(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    assert_int_equal(read_str("id,company,requested,note\n1,a\n2\n", &t, &d), 0);
    assert_int_equal(t.n_rows, 2);
    assert_string_equal(t.rows[0].field[COL_REQUESTED], "");
    assert_string_equal(t.rows[0].field[COL_NOTE], "");
    assert_int_equal(t.rows[0].col[COL_NOTE], 4);
    assert_string_equal(t.rows[1].field[COL_ID], "2");
    assert_string_equal(t.rows[1].field[COL_COMPANY], "");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_blank_lines_and_empty_records_are_skipped(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    const char *text = "\n\nid,company,requested\n\n   \n1,a,2\n,,\n\"\",,\n3,b,4\n\n";
    assert_int_equal(read_str(text, &t, &d), 0);
    assert_int_equal(t.n_rows, 2);
    assert_int_equal(t.rows[0].line, 6);
    assert_int_equal(t.rows[1].line, 9);
    csv_table_free(&t);
    diags_free(&d);
}

static void test_quoted_values_are_trimmed_too(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    assert_int_equal(read_str("id,company,requested\n\"  1 \",\"\ta\t\", 2\n", &t, &d), 0);
    assert_string_equal(t.rows[0].field[COL_ID], "1");
    assert_string_equal(t.rows[0].field[COL_COMPANY], "a");
    assert_string_equal(t.rows[0].field[COL_REQUESTED], "2");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_unterminated_quote_names_the_record_line(void **state)
{
    (void)state;
    const char *text = "id,company,requested\n1,a,2\n3,\"never closed\nmore text\n";
    assert_single_diag(text, strlen(text), "f.csv:3:2: a quoted field is not closed (missing \")");
}

static void test_stray_quotes_are_syntax_errors(void **state)
{
    (void)state;
    const char *text = "id,company,requested\n1,5\" screen,2\n";
    assert_single_diag(text, strlen(text),
                       "f.csv:2:2: a quote inside an unquoted field (quote the whole field and "
                       "double the quote: \"a \"\"b\"\" c\")");
    text = "id,company,requested\n1,\"a\"b,2\n";
    assert_single_diag(text, strlen(text),
                       "f.csv:2:2: text after the closing quote of a field (a quote inside a "
                       "quoted field must be doubled)");
}

static void test_empty_file_and_header_only(void **state)
{
    (void)state;
    assert_single_diag("", 0, "f.csv:1:1: empty file (no header, no data rows)");
    assert_single_diag("\xEF\xBB\xBF", 3, "f.csv:1:1: empty file (no header, no data rows)");
    assert_single_diag("\n \r\n", 4, "f.csv:1:1: empty file (no header, no data rows)");

    struct csv_table t;
    struct diags d = {0};
    assert_int_equal(read_str("id,company,requested\n", &t, &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(t.n_rows, 0);
    assert_int_equal(t.spec_col[COL_REQUESTED], 3);
    csv_table_free(&t);
    diags_free(&d);
}

static void test_empty_header_cells(void **state)
{
    (void)state;
    struct csv_table t;
    struct diags d = {0};
    /* spreadsheets often leave trailing empty columns: fine while they stay empty */
    assert_int_equal(read_str("id,company,requested,,\n1,a,2,,\n", &t, &d), 0);
    assert_int_equal(t.n_rows, 1);
    csv_table_free(&t);
    const char *text = "id,,company,requested\n1,lost,a,2\n";
    assert_int_equal(read_str(text, &t, &d), -1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.v[0].text, "f.csv:2:2: a value in a column whose header is empty");
    csv_table_free(&t);
    diags_free(&d);
}

static void test_csv_put_field_quotes_when_needed(void **state)
{
    (void)state;
    struct strbuf b = {0};
    csv_put_field(&b, "plain");
    strbuf_puts(&b, ",");
    csv_put_field(&b, "a,b");
    strbuf_puts(&b, ",");
    csv_put_field(&b, "say \"hi\"");
    strbuf_puts(&b, ",");
    csv_put_field(&b, "two\nlines");
    strbuf_puts(&b, ",");
    csv_put_field(&b, "cr\r");
    strbuf_puts(&b, ",");
    csv_put_field(&b, "");
    strbuf_puts(&b, ",");
    csv_put_field(&b, NULL);
    strbuf_puts(&b, ",");
    csv_put_field(&b, "한글");
    assert_string_equal(b.s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,,한글");
    assert_int_equal(b.len, strlen(b.s));
    strbuf_free(&b);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
}

static void test_strbuf_grows_and_formats(void **state)
{
    (void)state;
    struct strbuf b = {0};
    for (int i = 0; i < 1000; i++)
        strbuf_printf(&b, "%d;", i % 10);
    assert_int_equal(b.len, 2000);
    assert_int_equal(strncmp(b.s, "0;1;2;", 6), 0);
    assert_string_equal(b.s + 1994, "7;8;9;");
    strbuf_free(&b);
    char big[600];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    strbuf_printf(&b, "<%s>", big);
    assert_int_equal(b.len, 601);
    assert_int_equal(b.s[0], '<');
    assert_int_equal(b.s[600], '>');
    strbuf_add(&b, "abc", 2);
    assert_string_equal(b.s + 601, "ab");
    strbuf_free(&b);
}

static void test_written_fields_read_back_unchanged(void **state)
{
    (void)state;
    const char *values[] = {"2026-001", "(주)한빛, \"바이오\"", "첫 줄\n둘째 줄"};
    struct strbuf b = {0};
    strbuf_puts(&b, "id,company,note\n");
    for (size_t i = 0; i < 3; i++) {
        if (i)
            strbuf_puts(&b, ",");
        csv_put_field(&b, values[i]);
    }
    strbuf_puts(&b, "\n");
    struct csv_table t;
    struct diags d = {0};
    assert_int_equal(read_str(b.s, &t, &d), -1); /* "requested" is required */
    assert_int_equal(d.n, 1);
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(t.rows[0].field[COL_ID], values[0]);
    assert_string_equal(t.rows[0].field[COL_COMPANY], values[1]);
    assert_string_equal(t.rows[0].field[COL_NOTE], values[2]);
    csv_table_free(&t);
    diags_free(&d);
    strbuf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_rows_in_any_column_order),
        cmocka_unit_test(test_header_aliases_case_spaces_and_underscores),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_cp949_file),
        cmocka_unit_test(test_undecodable_bytes_are_located),
        cmocka_unit_test(test_quoted_newlines_keep_later_line_numbers),
        cmocka_unit_test(test_decomposed_hangul_is_normalised),
        cmocka_unit_test(test_unknown_column),
        cmocka_unit_test(test_duplicate_column),
        cmocka_unit_test(test_missing_required_columns_name_the_header_line),
        cmocka_unit_test(test_every_problem_is_reported),
        cmocka_unit_test(test_short_rows_get_empty_fields),
        cmocka_unit_test(test_blank_lines_and_empty_records_are_skipped),
        cmocka_unit_test(test_quoted_values_are_trimmed_too),
        cmocka_unit_test(test_unterminated_quote_names_the_record_line),
        cmocka_unit_test(test_stray_quotes_are_syntax_errors),
        cmocka_unit_test(test_empty_file_and_header_only),
        cmocka_unit_test(test_empty_header_cells),
        cmocka_unit_test(test_csv_put_field_quotes_when_needed),
        cmocka_unit_test(test_strbuf_grows_and_formats),
        cmocka_unit_test(test_written_fields_read_back_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
