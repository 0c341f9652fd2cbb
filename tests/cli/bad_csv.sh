# Bad-input catalogue, part 1: CSV files that are not what the importers read — encodings (BOM,
# CRLF and CR, CP949, broken UTF-8, NUL, UTF-16), empty files, missing and duplicate columns,
# quoting, 10 MB fields, decomposed Hangul. Each: the exact FILE:LINE:COLUMN message, and the
# database unchanged (DESIGN "CSV files": imports are all-or-nothing).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bad.lib"

reviewed_call 2026-001 2026-002
H=$APPS_HEADER

# ---- encodings ----
# A BOM, then a byte that is neither UTF-8 nor CP949 on line 3 (column 10 counts characters).
{ printf '\357\273\277'; echo "$H"; app_row 2026-101 "$BIZ3"; printf '2026-102,(주)가나\377\n'; } > bom-bad.csv
bad_import app bom-bad.csv 'bom-bad.csv:3:15: not valid UTF-8 or CP949'
# A Hangul syllable cut after two of its three bytes.
printf '%s\n' "$H" > cut.csv
printf '2026-101,(주)\355\205,%s\n' "$BIZ3" >> cut.csv
bad_import app cut.csv 'cut.csv:2:13: not valid UTF-8 or CP949'
# CP949, but one pair of bytes is not a CP949 character (the later failure is the one named).
{ echo "$H"; app_row 2026-101 "$BIZ3"; } | iconv -f UTF-8 -t CP949 > cp949.csv
printf '2026-102,\310\377\n' >> cp949.csv
bad_import app cp949.csv 'cp949.csv:3:10: not valid UTF-8 or CP949'
# One line in CP949, the next in UTF-8: neither encoding reads the whole file.
{ echo "$H"; app_row 2026-101 "$BIZ3" | iconv -f UTF-8 -t CP949; app_row 2026-102 "$BIZ4"; } > mixed.csv
bad_import app mixed.csv 'mixed.csv:3:12: not valid UTF-8 or CP949'
# A NUL byte: a spreadsheet or UTF-16 saved as .csv.
printf 'app,doc,issued\n2026-001,1,2026-05-01\000\n' > nul.csv
bad_import docs nul.csv 'nul.csv:2:22: NUL byte in a text file (is it UTF-16 or a spreadsheet?)'
# UTF-16 big-endian (the byte-order mark FE FF).
printf '\376\377\000a\000p\000p' > utf16be.csv
bad_import docs utf16be.csv 'utf16be.csv:1:1: UTF-16 is not supported: save the file as CSV in UTF-8 or CP949'
# CR-only line ends (old Mac): still lines, so the repeat is named at line 3.
printf 'app,doc,issued\r2026-001,1,2026-05-01\r2026-001,1,2026-05-01\r' > cr.csv
bad_import docs cr.csv 'cr.csv:3:2: document 1 of 2026-001 appears more than once in the file (line 2)'
# BOM and CRLF in a score sheet: positions are those a person sees.
{ printf '\357\273\277'; echo "$SCORE_HEADER"; echo '2026-001,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'
  echo '2026-002,j3,7,3.5,14,10.5,14,3.5,10.5,77,agree,'; } | sed 's/$/\r/' > bomcrlf.csv
bad_import score bomcrlf.csv 'bomcrlf.csv:3:10: cost "77": the score is above the maximum (0 to 10)'

# ---- empty files ----
: > empty-fin.csv
bad_import finance empty-fin.csv 'empty-fin.csv:1:1: empty file (no header, no data rows)'
: > empty-scores.csv
bad_import score empty-scores.csv 'empty-scores.csv:1:1: empty file (no header, no data rows)'
printf '\n\r\n   \n' > blank.csv
bad_import docs blank.csv 'blank.csv:1:1: empty file (no header, no data rows)'
printf '\357\273\277' > bom-only.csv
bad_import docs bom-only.csv 'bom-only.csv:1:1: empty file (no header, no data rows)'

# ---- columns ----
printf 'app,doc,doc,issued\n2026-001,1,2,2026-05-01\n' > dupcol.csv
bad_import docs dupcol.csv 'dupcol.csv:1:3: duplicate column "doc" (the same as column 2)'
# The same column under its Korean alias.
printf 'app,서류,doc,issued\n2026-001,1,2,2026-05-01\n' > dupalias.csv
bad_import docs dupalias.csv 'dupalias.csv:1:3: duplicate column "doc" (the same as column 2)'
sed '1s/,need,/,need,need,/' > dupscore.csv <<EOF
$SCORE_HEADER
2026-001,j3,7,7,3.5,14,10.5,14,3.5,10.5,7,agree,
EOF
bad_import score dupscore.csv 'dupscore.csv:1:4: duplicate column "need" (the same as column 3)'
printf 'app,year,liabilities,equity,current_assets\n2026-001,2025,1,1,1\n' > nocol.csv
bad_import finance nocol.csv 'nocol.csv:1:1: missing column "current_liabilities"'
sed '1s/,cost,/,/' > noitem.csv <<EOF
$SCORE_HEADER
2026-001,j3,7,3.5,14,10.5,14,3.5,10.5,agree,
EOF
bad_import score noitem.csv 'noitem.csv:1:1: missing column "cost"'
printf 'app,doc,issued\n2026-001,1,2026-05-01,extra\n' > toomany.csv
bad_import docs toomany.csv 'toomany.csv:2:4: too many fields: the header has 3 columns'
printf 'app,doc,,issued\n2026-001,1,x,2026-05-01\n' > unnamed.csv
bad_import docs unnamed.csv 'unnamed.csv:2:3: a value in a column whose header is empty'

# ---- quoting ----
printf 'app,doc,issued\n2026-001,"1,2026-05-01\n' > open.csv
bad_import docs open.csv 'open.csv:2:2: a quoted field is not closed (missing ")'
printf 'app,doc,issued\n2026-001,1 "a",2026-05-01\n' > stray.csv
bad_import docs stray.csv 'stray.csv:2:2: a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")'

# ---- 10 MB fields: refused, and named by their beginning only ----
# xs: ten megabytes of "x", streamed (too long for a command-line argument).
xs() { head -c 10485760 /dev/zero | tr '\0' x; }
x59=$(printf '%059d' 0 | tr 0 x) x64=$(printf '%064d' 0 | tr 0 x)
{ echo "$H"; printf '2026-101,'; xs; printf ',%s,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,yes,1,5000000,과제,담당자,a@example.kr,2026-06-10\n' "$BIZ3"; } > bigcompany.csv
bad_import app bigcompany.csv 'bigcompany.csv:2:2: company is longer than 200 bytes'
{ echo "$H"; printf '2026-'; xs; printf ',(주)가,%s,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,yes,1,5000000,과제,담당자,a@example.kr,2026-06-10\n' "$BIZ3"; } > bigid.csv
bad_import app bigid.csv "bigid.csv:2:1: id \"2026-$x59…\" must be 1-64 letters, digits, '-', '_' or '.'"
{ printf 'app,doc,issued,'; xs; printf '\n2026-001,1,2026-05-01,\n'; } > bighead.csv
bad_import docs bighead.csv "bighead.csv:1:4: unknown column \"$x64…\" (expected one of: app, doc, issued)"
{ echo "$SCORE_HEADER"; printf '2026-001,j3,7,3.5,14,10.5,14,3.5,10.5,7,'; xs; printf ',\n'; } > bigamount.csv
bad_import score bigamount.csv "bigamount.csv:2:11: amount \"$x64…\": write agree or the adjusted amount in won (an amount must be written in digits, e.g. 80000000 or 80,000,000)"

# ---- decomposed Hangul (conjoining jamo): read as the composed text it stands for ----
han=$(printf '\341\204\222\341\205\241\341\206\253') # 한 as three jamo
{ echo "$H"; app_row "2026-$han" "$BIZ3"; } > nfd-id.csv
bad_import app nfd-id.csv "nfd-id.csv:2:1: id \"2026-한\" must be 1-64 letters, digits, '-', '_' or '.'"
# A decomposed header alias (신청번호 in jamo) still names the id column: the problem found is
# the real one, a repeated application.
nfd_header=$(printf '%s' "$H" | sed "s/^id,/$(printf '\341\204\211\341\205\265\341\206\253\341\204\216\341\205\245\341\206\274\341\204\207\341\205\245\341\206\253\341\204\222\341\205\251'),/")
{ echo "$nfd_header"; app_row 2026-101 "$BIZ3"; app_row 2026-101 "$BIZ4"; } > nfd-header.csv
bad_import app nfd-header.csv 'nfd-header.csv:3:1: application 2026-101 appears more than once in the file (line 2)'
# A control character inside a name.
printf '%s\n2026-101,(주)\001테스트,%s,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,yes,1,5000000,과제,담당자,a@example.kr,2026-06-10\n' "$H" "$BIZ3" > ctrl.csv
bad_import app ctrl.csv 'ctrl.csv:2:2: company contains a control character'

expect_equal "$(sql 'select count(*) from application')" 2 "applications after the bad files"
cases_done 28
