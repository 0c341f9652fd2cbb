# simsa demo: the sample 2026 call, checked by hand against RULES.md.
. "$(dirname "$0")/lib.sh"

ok demo demo.db
expect_stdout_line "created demo.db: the 2026 call with 12 applications, 2 panels of 5 judges"
expect_stdout_line 'people (every passphrase is "simsa-demo"):'
expect_equal "$(stat -c %a demo.db)" 600 "mode of demo.db"
before=$(db_state demo.db)
expect_exit 1 demo demo.db
expect_equal "$(db_state demo.db)" "$before" "demo.db after a second demo"
expect_exit 2 demo

DB=demo.db
ACTOR=김간사 # the demo's secretariat: --as names a person of the call
# By hand (items in tenths: need will data kpi strategy team fit cost):
# 001 85.00 +3 local supplier = 88.00, 5 agree: 80,000,000.
# 005 82.00; 2 of 5 agree: (75+75+70+65)M + 68,123,456 = 353,123,456 / 5 = 70,624,691.2
#     -> 70,624,000 (R10.3). Used 150,624,000 of 250,000,000.
# 002 and 007 80.00, equal data 16, kpi 12, strategy 16.5: a tie (R9.3) at rank 3, and only
#     one of the two 80,000,000 fits in the 99,376,000 left -> both "tie", the rest waitlisted.
# 003 75.00 +3 = 78.00 and 008 78.00: equal data and kpi, strategy 16.0 > 15.0 -> 003 first.
# 006: 4 sheets (one conflict): (77+76+76+76)/4 = 76.25.
# 004: exactly 70.00 -> target. 011: 349.9 / 5 = 69.98 -> excluded.
# 009 outside the regions (R3.1), 010 tax certificate issued 2026-02-28 (R2.1): ineligible.
# 012: 3 of 5 sheets -> incomplete.
rank_fields > fields
expect_equal "$(cat fields)" "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount
1,2026-001,청주바이오텍(주),5,85.00,3.00,88.00,target,selected,80000000,80000000
2,2026-005,오송메디칼(주),5,82.00,0.00,82.00,target,selected,75000000,70624000
3,2026-002,(주)충주식품,5,80.00,0.00,80.00,target,tie,80000000,80000000
3,2026-007,새봄코스메틱,5,80.00,0.00,80.00,target,tie,80000000,80000000
5,2026-003,진천화장품(주),5,75.00,3.00,78.00,target,waitlisted,60000000,60000000
6,2026-008,대한바이오팜,5,78.00,0.00,78.00,target,waitlisted,78000000,73600000
7,2026-006,(주)한빛푸드,4,76.25,0.00,76.25,target,waitlisted,50000000,50000000
8,2026-004,음성제지(주),5,70.00,0.00,70.00,target,waitlisted,45000000,45000000
,2026-009,서울정밀(주),0,,,,ineligible,ineligible,70000000,
,2026-010,(주)미래헬스케어,0,,,,ineligible,ineligible,65000000,
,2026-011,청원식품(주),5,69.98,0.00,69.98,excluded,excluded,80000000,
,2026-012,가온제지,3,,,,incomplete,incomplete,40000000," "demo rank --csv"
expect_stdout_line '2,2026-005,오송메디칼(주),5,82.00,0.00,82.00,target,selected,75000000,70624000,"selected: 70,624,000 within budget (used 150,624,000 of 250,000,000); 2 of 5 agreed (< 3): mean of 5 amounts = 70,624,000 (rounded down to 1,000)"'
expect_stdout_line '3,2026-002,(주)충주식품,5,80.00,0.00,80.00,target,tie,80000000,80000000,"tie with 2026-007 (equal on final, data, kpi, strategy): the committee must order it; 3 of 5 agreed (> half): requested amount 80,000,000"'
expect_stdout_line ',2026-010,(주)미래헬스케어,0,,,,ineligible,ineligible,65000000,,"ineligible: R2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2026-02-28, before 2026-03-01"'
expect_stdout_line ',2026-011,청원식품(주),5,69.98,0.00,69.98,excluded,excluded,80000000,,excluded: official base 69.98 < 70.00'

verified

okd app show 2026-005
expect_stdout_line "result: base 82.00, final 82.00, rank 2"
expect_stdout_line "amount: 2 of 5 agreed (< 3): mean of 5 amounts = 70,624,000 (rounded down to 1,000)"
okd app show 2026-006
expect_stdout_line "  오세훈 declared a conflict of interest"
okd person list
expect_equal "$(wc -l < out)" 12 "people in the demo"

# The demo's passphrase unlocks its people: resolve the tie as the committee would.
printf 'simsa-demo\n' > demo-pw
expect_exit 0 -d demo.db --as 김간사 --passphrase-file demo-pw tie resolve 2026-007 2026-002 --reason "위원회 표결 4:1"
rank_fields > fields
expect_equal "$(sed -n 4,6p fields)" "3,2026-007,새봄코스메틱,5,80.00,0.00,80.00,target,selected,80000000,80000000
4,2026-002,(주)충주식품,5,80.00,0.00,80.00,target,waitlisted,80000000,80000000
5,2026-003,진천화장품(주),5,75.00,3.00,78.00,target,waitlisted,60000000,60000000" "demo after the tie"
verified
