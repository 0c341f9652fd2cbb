# verify reads sheet items in table order, beside the sheets, when that is sheet order (db
# verify.c rows_sheet); an item removed and put back (so stored after later sheets' items)
# makes it read them again in key order: an unchanged sheet still verifies, a changed one is
# still named, never "not valid" for an item it did not find in its place.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"

ok demo main.db
DB=main.db
ok -d main.db verify

sheet="(select s.id from sheet s join person p on p.id = s.judge_id
         where s.app_id = '2026-001' and p.name = '강민준')"
[ "$(sql "select count(*) from sheet where id > $sheet")" -gt 0 ] ||
    fail "no sheet after 2026-001/강민준: the test needs one"

# put_back DELTA: item 'need' of sheet 2026-001/강민준 removed and stored again (DELTA added).
put_back() {
    cp main.db t.db
    sqlite3 t.db "drop trigger sheet_item_no_delete;
        create temp table kept as select * from sheet_item where item = 'need' and sheet_id = $sheet;
        delete from sheet_item where item = 'need' and sheet_id = $sheet;
        insert into sheet_item(sheet_id, item, tenths, comment)
            select sheet_id, item, tenths + $1, comment from kept" ||
        fail "sqlite3 could not put the item back"
    [ "$(sqlite3 t.db "select max(rowid) = (select rowid from sheet_item
                        where item = 'need' and sheet_id = $sheet) from sheet_item")" = 1 ] ||
        fail "the item put back is not stored last"
}

put_back 0
for how in "" --full; do
    ok -d t.db verify $how
    expect_stdout_line "verified: 67 signed records, 268 audit events, every fact as recorded"
done

put_back 5
for how in "" --full; do
    expect_exit 1 -d t.db verify $how
    cat out err | grep -F -x -q "sheet 2026-001/강민준: the stored values differ from what was signed" ||
        fail "verify $how did not name the changed sheet"
    if cat out err | grep -F -q "not valid"; then fail "verify $how: a sheet read as not valid"; fi
done
echo "verify_order: ok"
