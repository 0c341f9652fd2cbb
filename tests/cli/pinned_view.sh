# A judge's view (issue 15): read commands given --as a judge show nothing of other judges'
# scores, no rank, band, amount or budget before that judge's own sheet, and nothing of
# applications outside their panel or with their declared conflict; export is refused.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
ok demo main.db
DB=main.db
# 윤지아 (식품·화장품·제지) has not scored 2026-012; 최도윤 declared a conflict on 2026-006.
expect_exit 0 -d "$DB" --as 윤지아 rank --csv
expect_stdout_line ",2026-012,가온제지,,,,,,,40000000,,not shown until you submit your own sheet for it"
expect_stdout_lacks "2026-001"  # 바이오·의료: not her panel
expect_stdout_lacks "250,000,000"
expect_stdout_lacks "budget"
expect_exit 0 -d "$DB" --as 윤지아 rank
expect_stdout_lacks "budget:"
expect_stdout_lacks "2026-005"
expect_exit 0 -d "$DB" --as 윤지아 app show 2026-012
expect_stdout_line "scores, rank and amount: not shown until you submit your own sheet for it"
expect_stdout_lacks "강민준"
expect_stdout_lacks "result: base"
expect_exit 1 -d "$DB" --as 윤지아 app show 2026-001
expect_stderr_contains "2026-001 is not shown to 윤지아: outside their panel"
expect_exit 1 -d "$DB" --as 윤지아 export w.xlsx
expect_stderr_contains "the workbook holds every judge's scores"
[ ! -e w.xlsx ] || fail "a judge's export wrote a workbook"
judge=$(sql "select p.name from conflict c join person p on p.id = c.judge_id where c.app_id = '2026-006'")
expect_exit 0 -d "$DB" --as "$judge" rank --csv
expect_stdout_lacks "2026-006"
expect_exit 1 -d "$DB" --as "$judge" app show 2026-006
# app list too: nothing of another panel's applications or of a conflicted one.
for f in "" --csv; do
    # shellcheck disable=SC2086
    expect_exit 0 -d "$DB" --as 윤지아 app list $f
    expect_stdout_contains "2026-012"
    expect_stdout_lacks "2026-001"
    expect_stdout_lacks "청주바이오텍"
    # shellcheck disable=SC2086
    expect_exit 0 -d "$DB" --as "$judge" app list $f
    expect_stdout_lacks "2026-006"
done
# A view for a name that is nobody's is refused, not everything shown.
for cmd in "rank" "rank --csv" "app list" "app show 2026-001" "export x.xlsx"; do
    # shellcheck disable=SC2086
    expect_exit 1 -d "$DB" --as 아무도아님 $cmd
    expect_stderr_line "simsa: --as 아무도아님: no such person (see simsa person list)"
    expect_stdout_lacks "2026-001"
done
# After her own sheet, 2026-012 shows as it stands.
printf 'app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n2026-012,윤지아,8,4,16,12,16,4,12,8,agree,현장 적용 가능\n' > s.csv
expect_exit 0 -d "$DB" --as 윤지아 --passphrase-file "$PW" score import s.csv
expect_exit 0 -d "$DB" --as 윤지아 rank --csv
grep -q "^,2026-012,가온제지,4,,,,incomplete,incomplete,40000000,,incomplete$" out || fail "2026-012 after her sheet: $(grep 2026-012 out)"
expect_exit 0 -d "$DB" --as 윤지아 app show 2026-012
expect_stdout_contains "윤지아 "
# The secretariat, and no --as, see everything.
okd rank --csv
expect_stdout_contains "2026-001"
# A signed revision of the final result, --as a judge: the same rule, the changes since the
# revision before included.
okd tie resolve 2026-007 2026-002 --reason "위원회 협의"
okd finalize
okd forfeit 2026-001 --reason "협약 포기"
okd finalize
for f in "" --csv; do
    for n in 1 2; do
        # shellcheck disable=SC2086
        expect_exit 0 -d "$DB" --as 윤지아 rank --revision $n $f
        expect_stdout_contains "2026-007"
        expect_stdout_lacks "2026-001"
        expect_stdout_lacks "2026-005"
        # shellcheck disable=SC2086
        expect_exit 0 -d "$DB" --as "$judge" rank --revision $n $f
        expect_stdout_lacks "2026-006"
        # shellcheck disable=SC2086
        okd rank --revision $n $f
        expect_stdout_contains "2026-001"
        expect_stdout_contains "2026-006"
    done
done
expect_exit 0 -d "$DB" --as 윤지아 rank --revision 2
expect_stdout_contains "changed since revision 1: 2026-002 waitlisted -> selected"
echo "pinned_view: ok"
