# simsa app import: UTF-8 / BOM+CRLF / CP949, Korean header aliases, thousands separators, and
# every bad case reported as FILE:LINE:COLUMN with nothing imported (DESIGN "CSV files", R1).
. "$(dirname "$0")/lib.sh"

EXPECTED_LIST='id,company,region,industry,size,requested,stage,outcome
2026-101,청주바이오텍(주),충청북도 청주시 흥덕구,바이오,sme,80000000,received,unreviewed
2026-102,"새봄코스메틱, 주식회사",충청북도 충주시,화장품,midsize,75500000,received,unreviewed
2026-103,진천식품,충청북도 진천군,식품,sme,90000000,received,unreviewed'

# import_variant FILE: a fresh database, FILE imported; leaves `app list --csv` in list.out and
# the three `app show` outputs in show.out.
import_variant() {
    rm -f "$DB" "$DB"-wal "$DB"-shm
    ok init "$DB" --program cbtp-2026
    okd person add 간사 --role secretariat --passphrase-file "$PW"
    okd app import "$1"
    expect_stdout_line "$1: imported 3 rows"
    okd app list --csv
    cp out list.out
    : > show.out
    for a in 2026-101 2026-102 2026-103; do
        okd app show "$a"
        cat out >> show.out
    done
}

# UTF-8, quoted fields with commas and doubled quotes, amounts with thousands separators,
# a YYYY.MM.DD date, received exactly at the deadline (R1: 18:00 is in time).
cp "$DATA/apps.csv" apps.csv
import_variant apps.csv
expect_equal "$(cat list.out)" "$EXPECTED_LIST" "app list --csv"
cp show.out show.utf8
okd app show 2026-102
expect_stdout_line '2026-102  새봄코스메틱, 주식회사'
expect_stdout_line '  title:       용기 외관 검사 "자동화"'
expect_stdout_line '  business no: 302-82-13315   size: midsize   founded: 2016-02-29'
expect_stdout_line '  requested:   75,500,000 won   co-payment: 10,000,000 won'
expect_stdout_line '  contact:     김담당 <kim@example.kr>   received: 2026-06-19 18:00'
expect_equal "$(sql "select requested, copay from application where id = '2026-102'")" \
    "75500000|10000000" "amounts stored in won"
expect_equal "$(sql "select biz_no from application where id = '2026-102'")" 3028213315 "biz_no"

# The same with a BOM and CRLF line ends.
printf '\357\273\277' > bom-crlf.csv
sed 's/$/\r/' "$DATA/apps.csv" >> bom-crlf.csv
import_variant bom-crlf.csv
expect_equal "$(cat list.out)" "$EXPECTED_LIST" "app list --csv (BOM, CRLF)"
cmp -s show.out show.utf8 || fail "app show differs after the BOM+CRLF import"

# The same in CP949.
iconv -f UTF-8 -t CP949 "$DATA/apps.csv" > cp949.csv
if iconv -f UTF-8 -t UTF-8 cp949.csv >/dev/null 2>&1; then fail "cp949.csv is valid UTF-8"; fi
import_variant cp949.csv
expect_equal "$(cat list.out)" "$EXPECTED_LIST" "app list --csv (CP949)"
cmp -s show.out show.utf8 || fail "app show differs after the CP949 import"

# Korean header aliases in another column order, and in CP949 with CRLF.
cp "$DATA/apps-ko.csv" ko.csv
import_variant ko.csv
expect_equal "$(cat list.out)" "$EXPECTED_LIST" "app list --csv (Korean headers)"
cmp -s show.out show.utf8 || fail "app show differs after the Korean-header import"
iconv -f UTF-8 -t CP949 "$DATA/apps-ko.csv" | sed 's/$/\r/' > ko-cp949.csv
import_variant ko-cp949.csv
cmp -s show.out show.utf8 || fail "app show differs after the CP949 Korean-header import"

# Requested above the cap (R5.1) is not an import error: review fails it later (docs_review.sh).
expect_equal "$(sql "select requested from application where id = '2026-103'")" 90000000 \
    "requested above the cap"

# ---- bad files: exit 1, the exact FILE:LINE:COLUMN message, nothing imported ----
# bad_import FILE MESSAGE...: each MESSAGE is a line of stderr, then the summary line.
bad_import() {
    f=$1
    shift
    before=$(db_state)
    faild app import "$f"
    for m in "$@"; do
        expect_stderr_line "$m"
    done
    expect_stderr_line "$f: $# problem$([ $# -eq 1 ] || echo s); nothing was imported"
    expect_stderr_lines $(($# + 1))
    expect_unchanged "$before"
}
H=$APPS_HEADER

# A bad business number checksum (the last digit off by one), after a good row.
{ echo "$H"; app_row 2026-201 "$BIZ4"; app_row 2026-202 301-81-12340; } > checksum.csv
bad_import checksum.csv \
    'checksum.csv:3:3: business number "301-81-12340": the business number checksum does not match'
faild app show 2026-201

# R1: one minute late; and one before the announcement.
{ echo "$H"; app_row 2026-201 "$BIZ4" 1 "2026-06-19 18:01"; } > late.csv
bad_import late.csv \
    'late.csv:2:17: R1: received 2026-06-19 18:01 is outside the application window 2026-06-01 .. 2026-06-19 18:00'
{ echo "$H"; app_row 2026-201 "$BIZ4" 1 "2026-05-31 23:59"; } > early.csv
bad_import early.csv \
    'early.csv:2:17: R1: received 2026-05-31 23:59 is outside the application window 2026-06-01 .. 2026-06-19 18:00'

# An unknown header.
sed '1s/,company,/,compny,/' "$DATA/apps.csv" | sed 's/^2026-10/2026-20/' > header.csv
before=$(db_state)
faild app import header.csv
expect_stderr_line 'header.csv:1:2: unknown column "compny" (expected one of: id, company, biz_no, size, region, factory_region, industry, founded, supplier, supplier_region, supplier_pools, requested, copay, title, contact_name, contact_email, received)'
expect_stderr_contains 'missing column "company"'
expect_unchanged "$before"

# A date that does not exist.
{ echo "$H"; app_row 2026-201 "$BIZ4" | sed 's/,2010-01-01,/,2026-02-30,/'; } > date.csv
bad_import date.csv 'date.csv:2:8: founded "2026-02-30": no such day'
{ echo "$H"; app_row 2026-201 "$BIZ4" 1 2026-02-30; } > date2.csv
bad_import date2.csv 'date2.csv:2:17: received "2026-02-30": no such day'

# Duplicate ids: twice in the file, and one already in the database.
{ echo "$H"; app_row 2026-201 "$BIZ4"; app_row 2026-202 "$BIZ5"; app_row 2026-201 "$BIZ6"; } > dup.csv
bad_import dup.csv 'dup.csv:4:1: application 2026-201 appears more than once in the file (line 2)'
{ echo "$H"; app_row 2026-201 "$BIZ4"; app_row 2026-101 "$BIZ5"; } > dupdb.csv
bad_import dupdb.csv 'dupdb.csv:3:1: application 2026-101 is already in the database'

# Amounts.
{ echo "$H"; app_row 2026-201 "$BIZ4" "80,000,00"; app_row 2026-202 "$BIZ5" "5000000.5"; } > amount.csv
bad_import amount.csv \
    'amount.csv:2:12: requested "80,000,00": commas in an amount must separate groups of three digits' \
    'amount.csv:3:12: requested "5000000.5": an amount is whole won, without decimals'

# Every problem of a file is reported, not just the first.
{ echo "$H"; app_row 2026-201 12345; app_row 2026-202 "$BIZ5" | sed 's/,sme,/,big,/'; } > many.csv
bad_import many.csv \
    'many.csv:2:3: business number "12345": a business number must have 10 digits' \
    'many.csv:3:4: size "big" must be sme, midsize or large (or 중소기업, 중견기업, 대기업)'

# Files that are not CSV text.
printf 'id,company\n' | iconv -f UTF-8 -t UTF-16 > utf16.csv
before=$(db_state)
faild app import utf16.csv
expect_stderr_contains "UTF-16 is not supported: save the file as CSV in UTF-8 or CP949"
expect_unchanged "$before"
: > empty.csv
faild app import empty.csv
expect_stderr_contains "empty file (no header, no data rows)"
expect_unchanged "$before"
{ echo "$H"; app_row 2026-201 "$BIZ4" | sed 's/(주)테스트/"(주)"테스트/'; } > quote.csv
bad_import quote.csv \
    'quote.csv:2:2: text after the closing quote of a field (a quote inside a quoted field must be doubled)'
faild app import no-such-file.csv
expect_stderr_line "simsa: no-such-file.csv: No such file or directory"
expect_exit 2 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" app import

expect_equal "$(sql 'select count(*) from application')" 3 "applications after the bad imports"
