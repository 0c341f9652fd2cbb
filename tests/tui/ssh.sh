#!/bin/sh
# Judges at their own terminals through OpenSSH (issue 15): a real sshd on 127.0.0.1 with a
# temporary host key, configuration and authorized_keys of forced commands from simsa ssh-setup;
# two judges connect with ssh -tt inside tmux, each gets only their own pinned session, one
# scores; a judge's key runs no other command. The test stops its sshd itself.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || { echo "FAIL: $SSHD is missing (scripts/install-deps installs openssh-server)"; exit 1; }
session_call

# Keys: the host's, and one per judge, in keys/NAME.pub as ssh-setup reads them.
mkdir -p keys run
ssh-keygen -q -t ed25519 -N '' -f hostkey
for j in 강민준 김서연; do ssh-keygen -q -t ed25519 -N '' -C "$j" -f "keys/$j"; done
"$SIMSA" -d demo.db ssh-setup --keys keys --simsa "$SIMSA" > lines.out 2> setup.err &&
    fail "ssh-setup with a judge's key missing: $(cat setup.err)"
grep -q "keys/박지훈.pub" setup.err || fail "the missing key is not named: $(cat setup.err)"
# All the lines or none: `>> authorized_keys` must not append a partial list.
[ ! -s lines.out ] || fail "ssh-setup with a key missing printed lines: $(cat lines.out)"
for j in 박지훈 이수민 정하늘; do ssh-keygen -q -t ed25519 -N '' -C "$j" -f "keys/$j"; done
"$SIMSA" -d demo.db ssh-setup --keys keys --simsa "$SIMSA" > authorized_keys ||
    fail "ssh-setup: $(cat authorized_keys)"
grep -c '^command=' authorized_keys | grep -qx 5 || fail "5 judges' lines: $(cat authorized_keys)"
grep -q "^command=\"'$SIMSA' -d '$PWD/demo.db' --as '강민준'\",restrict,pty ssh-ed25519 " \
    authorized_keys || fail "강민준's line: $(grep 강민준 authorized_keys)"
chmod 600 authorized_keys

user=$(id -un)
port=$((20000 + $$ % 20000))
cat > sshd_config <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $PWD/hostkey
AuthorizedKeysFile $PWD/authorized_keys
PidFile $PWD/run/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
AllowUsers $user
SetEnv LC_ALL=C.UTF-8 SIMSA_STATE_DIR=$PWD/state TERM=screen
CONF
# sshd wants its privilege separation directory (systemd makes it; a container may not).
if [ ! -d /run/sshd ]; then
    if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd; else sudo -n mkdir -p /run/sshd 2>/dev/null || true; fi
fi
"$SSHD" -t -f sshd_config || fail "sshd -t"
"$SSHD" -D -e -f sshd_config 2> sshd.log &
sshd_pid=$!
stop_sshd() { kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; tui_cleanup; }
trap stop_sshd EXIT
printf '[127.0.0.1]:%s %s\n' "$port" "$(cat hostkey.pub)" > known_hosts
ssh_as() { # KEY ARG...: exec, so that "ssh_as ... &" leaves ssh's own pid in $!
    key=$1
    shift
    exec ssh -F /dev/null -i "keys/$key" -p "$port" -o UserKnownHostsFile="$PWD/known_hosts" \
        -o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes -l "$user" \
        127.0.0.1 "$@"
}
n=50
until (ssh_as 강민준 true) </dev/null >/dev/null 2>&1 || [ "$n" -eq 0 ]; do
    sleep 0.1
    n=$((n - 1))
done

# A judge's key runs no other command: the forced command runs instead (and, without a
# terminal, says it needs one); no shell output, no forwarding.
(ssh_as 김서연 cat /etc/passwd) > other.out 2>&1 </dev/null || true
grep -q "root:" other.out && fail "a judge's key ran another command"
grep -q "the interactive program needs a terminal" other.out || fail "forced command: $(cat other.out)"
# A local forward to the sshd itself: with it, the forwarded port would answer "SSH-2.0".
ssh_as 김서연 -N -L 127.0.0.1:$((port + 1)):127.0.0.1:$port </dev/null > fwd.out 2>&1 &
fwd_pid=$!
sleep 1
banner=$(python3 -c "
import socket, sys
try:
    s = socket.create_connection(('127.0.0.1', $((port + 1))), timeout=3)
    s.settimeout(3)
    print(s.recv(64).decode('ascii', 'replace'))
except Exception as e:
    print('no connection:', e)
")
kill "$fwd_pid" 2>/dev/null
wait "$fwd_pid" 2>/dev/null
case $banner in SSH-*) fail "a judge's key forwarded a port: $banner" ;; esac

# Two judges at once, each through ssh -tt inside tmux: each sees only their own sign-in.
for j in 강민준 김서연; do
    tui_tmux new-session -d -s "ssh-$j" -x 100 -y 30 \
        "ssh -tt -F /dev/null -i '$PWD/keys/$j' -p $port -o UserKnownHostsFile='$PWD/known_hosts' \
         -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -l $user 127.0.0.1; sleep 60"
done
CURRENT=ssh-김서연
wait_for "Choose who you are"
wait_for "김서연 (judge)"
capture | grep -q "강민준 (judge)" && fail "김서연's session offers another person"
CURRENT=ssh-강민준
wait_for "Choose who you are"
wait_for "강민준 (judge)"
type_text "$PASS"
keys Enter
wait_for "signed in as 강민준 (judge)"
keys S
wait_for "this session is 강민준's only"
# 강민준 scores the application presenting now, through the network.
keys J
wait_for "강민준 (judge)"
keys G Enter
wait_for "presents now"
keys Enter
wait_for "Score sheet:"
for score in 9 4 18 13 18 4 13 9; do
    type_text "$score"
    keys Tab Tab
done
wait_for "Total 88 of 100 (8 of 8 items scored)"
keys C-s
wait_for "Review and sign the sheet"
type_text "$PASS"
keys Enter
wait_for "your sheet is signed and submitted (total 88"
expect_eq "$(sqlite3 demo.db "select count(*) from sheet s join person p on p.id = s.judge_id where p.name = '강민준'")" 1 "강민준's sheets"
"$SIMSA" -d demo.db verify > verify.out 2>&1 || { cat verify.out; fail "verify"; }
stop_sshd
trap - EXIT
kill -0 "$sshd_pid" 2>/dev/null && fail "sshd still running"
echo "ssh: ok"
