# `make bench` (bench/): a call of N applications x 5 judges with signed sheets, and simsa beside
# a peer doing the same work — rank beside one sqlite3 query, export beside Python XlsxWriter,
# verify beside a bare signature-verification loop — plus the interactive program's first
# paint and a keystroke through a pty, and peak memory. Figures are medians of BENCH_RUNS runs.
#   make bench            N = 10,000 (the call is generated once, in $(B)/bench)
#   make bench N=1000
N          ?= 10000
BENCH_RUNS ?= 5
BENCH_DIR   = $(B)/bench
# Debian's python3: python3-xlsxwriter and python3-openpyxl are installed for it.
BENCH_PYTHON ?= /usr/bin/python3

.PHONY: bench bench-peers

$(BENCH_DIR)/verify_floor: bench/verify_floor.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -o $@ $< \
	  $(shell pkg-config --cflags --libs libsodium)

# The peers' own packages: only the benchmark needs XlsxWriter.
bench-peers:
	@sh bench/install-peers

bench: deps bench-peers $(BIN) $(BENCH_DIR)/verify_floor
	@$(BENCH_PYTHON) bench/bench.py --simsa $(CURDIR)/$(BIN) --n $(N) --runs $(BENCH_RUNS) \
	  --dir $(CURDIR)/$(BENCH_DIR) --floor $(CURDIR)/$(BENCH_DIR)/verify_floor
