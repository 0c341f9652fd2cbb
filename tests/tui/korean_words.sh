#!/bin/sh
# Issue 17.4: the Korean screens say Korean words: a tie's reason names the items by the
# program's Korean names (not data, kpi, strategy), an awarded bonus by its Korean name (not
# local_supplier), the history's record kinds in words, the roles and sizes translated.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db
printf '%s\n' simsa-demo > pass

tui_start 120 30 main LANGUAGE=ko
wait_for "알림"
keys b
wait_for "70점 기준선"
keys Down Down
wait_for "사유     2026-002: 동점"
wait_for "최종, 데이터 확보, 핵심지표 적절성, 추진 전략 점수 동일"
capture | grep -q "data, kpi" && fail "item ids in the tie's reason"
keys S
wait_for "본인을 고르십시오"
keys Tab
type_text simsa-demo
keys Enter
wait_for "김간사 (간사)"
keys a
wait_for "2026-002"
line_with "2026-008" | grep -q "중견기업" || fail "the size of 2026-008"
capture | grep -Eq " (sme|midsize) " && fail "a size in the CSV word"
keys Down Enter
wait_for "2026-002  (주)충주식품"
keys B
wait_for "2026-002: 가점"
keys Tab Tab
type_text "공급기업 소재지 확인"
keys C-s
wait_for "2026-002: 가점 컨소시엄 공급기업이 충북 내 지역 기업 부여"
capture | grep -q "local_supplier" && fail "the bonus id on a Korean screen"
keys 6
wait_for "감사 기록"
wait_for "김간사 신청 가져오기: 2026-002"
capture | grep -Eq "김간사 (app import|document|check|bonus set):" && fail "a record kind in English"
keys G
wait_for "김간사 가점 부여:"
capture | grep -Eq "김간사 (app import|document|check|bonus set):" && fail "a record kind in English"
keys P
wait_for "현장조사위원"
capture | grep -Eq "secretariat|inspector|judge" && fail "a role in English"
# The command's own words too: the role of a person added, in Korean.
printf '%s\n' 'new-judge-passphrase' > newpass
LANGUAGE=ko "$SIMSA" -d demo.db --as 김간사 --passphrase-file pass person add 홍길동 --role judge \
    --passphrase-file newpass >add.out 2>&1 || { cat add.out; fail "person add"; }
grep -q "홍길동 추가 (평가위원)" add.out || { cat add.out; fail "the role of a person added, in Korean"; }
echo "korean_words: ok"
