#!/bin/sh
# After the final result the dashboard names the selected applications still without an
# agreement (R12.3, issue 19), and counts the applications by stage through to "agreed".
. "$(dirname "$0")/tmux-lib"
demo_db
printf 'simsa-demo\n' > pw
S="-d demo.db --as 김간사 --passphrase-file pw"
# shellcheck disable=SC2086
{ "$SIMSA" $S tie resolve 2026-007 2026-002 --reason 협의 && "$SIMSA" $S finalize &&
  "$SIMSA" $S agree 2026-001 --date "$(TZ=Asia/Seoul date +%F)"; } > cli.out 2>&1 ||
    { cat cli.out; fail "tie, finalize, agree"; }
tui_start 100 30
wait_for "Sheets submitted by judge"
wait_for "! 2 selected applications have no agreement yet (simsa agree): 2026-005, 2026-007"
# The stages through to "agreed" (core call_stage_counts): three selected, one of them agreed.
stage_count() {
    line_with "  $1 " | cut -c1-26 | tr -s ' ' | sed 's/^ //'
}
[ "$(stage_count selected)" = "selected 2" ] || fail "selected: $(stage_count selected)"
[ "$(stage_count agreed)" = "agreed 1" ] || fail "agreed: $(stage_count agreed)"
echo "agreement_alert: ok"
