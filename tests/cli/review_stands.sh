# Issue 17.9: review run does not decide again an application whose decision stands (no fact
# changed since); `review run APP` on one says so; a changed fact (document, checklist answer,
# financial figure recorded after the decision) makes a new decision (core: call_review_stands).
. "$(dirname "$0")/lib.sh"

reviewed_call 2026-001 2026-002 2026-003
expect_equal "$(sql 'select count(*) from review')" 3 "reviews after the first run"
heads=$(sql 'select count(*) from audit_head')

# Nothing changed: nothing decided, nothing signed.
before=$(db_state)
as 간사 review run
expect_stdout_line "3 applications already decided with no fact changed since: not decided again"
expect_stdout_lacks "$(printf '2026-001\t')"
expect_unchanged "$before"
as 간사 review run 2026-002
expect_stdout_line "2026-002: already decided (passed) and no document, financial figure or checklist answer changed since; the decision stands"
expect_unchanged "$before"
expect_equal "$(sql 'select count(*) from audit_head')" "$heads" "audit heads"

# A document of 001 recorded after the decision, a checklist answer of 002, a figure of 003.
{ echo app,doc,issued; echo 2026-001,6,2026-02-01; } > doc.csv
as 간사 docs import doc.csv
as 간사 check set 2026-002 d3 no --note "재무제표 확인"
{ echo app,year,liabilities,equity,current_assets,current_liabilities; \
  echo 2026-003,2025,1000000,-5000,100,100; } > fin.csv
as 간사 finance import fin.csv
as 간사 review run
expect_stdout_line "$(printf '2026-001\tfailed')"
expect_stdout_line "$(printf '2026-002\tpassed')"
expect_stdout_line "$(printf '2026-003\tfailed')"
expect_stdout_lacks "already decided"
expect_equal "$(sql 'select app_id, passed from review order by id' | tr '\n' ' ')" \
    "2026-001|1 2026-002|1 2026-003|1 2026-001|0 2026-002|1 2026-003|0 " "review rows"

# Decided again, they stand again.
as 간사 review run 2026-001
expect_stdout_line "2026-001: already decided (failed) and no document, financial figure or checklist answer changed since; the decision stands"
expect_equal "$(sql 'select count(*) from review')" 6 "reviews at the end"
verified
