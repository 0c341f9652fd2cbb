# A new passphrase has at least 10 characters, counted as Unicode code points (not bytes):
# 9 ASCII characters are refused, 10 Hangul syllables (30 bytes) are accepted (issue 14, item 6).
. "$(dirname "$0")/lib.sh"

ok init "$DB" --program cbtp-2026
printf '123456789\n' > p9
printf '가나다라마바사아\n' > p8hangul   # 8 characters, 24 bytes: refused too
printf '가나다라마바사아자차\n' > p10hangul
before=$(db_state)
faild person add 간사 --role secretariat --passphrase-file p9
expect_stderr_line "simsa: 간사: a passphrase must have at least 10 characters; nothing was changed"
expect_unchanged "$before"
faild person add 간사 --role secretariat --passphrase-file p8hangul
expect_stderr_contains "at least 10 characters"
expect_unchanged "$before"
okd person add 간사 --role secretariat --passphrase-file p10hangul
expect_stdout_contains "added 간사 (secretariat), key "
# The 10-character passphrase unlocks the key.
okd --as 간사 --passphrase-file p10hangul budget set 300,000,000
# The same for a later person, added by the secretariat.
before=$(db_state)
faild --as 간사 --passphrase-file p10hangul person add j1 --role judge --passphrase-file p9
expect_stderr_contains "at least 10 characters"
expect_unchanged "$before"
okd --as 간사 --passphrase-file p10hangul person add j1 --role judge --passphrase-file p10hangul
