#!/bin/sh
# Forms at the 80x24 minimum and through a resize: the box fits, a resize below the minimum
# shows the message, and growing back shows the form again with what was typed, Hangul included.
. "$TESTS/tui/tmux-lib"
demo_db
tui_start 80 24
wait_for "read-only"
# Reading needs no sign-in; a change does, and says so.
keys P n
wait_for "sign in first (S): reading needs no sign-in, changes do"
keys d S
wait_for "Sign in"
fits_width 80
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 김간사 (secretariat)"
keys P n
wait_for "Add a person"
type_text "홍길동"
fits_width 80
tui_tmux resize-window -t main -x 70 -y 20
wait_for "This one is 70x20: make it larger."
tui_tmux resize-window -t main -x 80 -y 24
wait_for "Add a person"
wait_for "Name              홍길동"
keys Escape
wait_for "close without saving what you typed?"
keys y
wait_gone "Add a person"
fits_width 80
tui_tmux resize-window -t main -x 120 -y 40
wait_for "People and panels"
fits_width 120
echo "form_resize: ok"
