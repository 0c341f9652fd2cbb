# `make bench` (bench/): calls of N applications x 5 judges with signed sheets (bench/gen.py,
# through simsa's own command line), and simsa beside a peer or a floor doing the same work —
# rank --csv beside one sqlite3 query; export beside a bare libxlsxwriter program writing the
# same cells and formats and beside Python XlsxWriter doing the same work; verify beside an
# all-core decode-and-verify loop — plus a signed change in the interactive program through a
# pty and its peak memory after ten. Figures are CPU (user + sys, children included) and wall,
# medians of BENCH_RUNS runs. Never part of `make check`: no timing is asserted anywhere.
#   make bench            N = 1,000 and 10,000 (each call generated once, in $(B)/bench)
#   make bench-full       also N = 50,000 (BENCH_LARGE_RUNS runs), and each operation's growth
#                         exponent 10,000 -> 50,000; sizes measured already by `make bench`
#                         with the same simsa and benchmark are reused (build/bench/results-N.json)
#   make bench BENCH_N="1000"   other sizes
BENCH_N      ?= 1000 10000
BENCH_FULL_N ?= 1000 10000 50000
BENCH_RUNS   ?= 3
# runs at N = 50,000 (each takes minutes on two cores: Python XlsxWriter alone about 6)
BENCH_LARGE_RUNS ?= 1
BENCH_DIR     = $(B)/bench
# Debian's python3: python3-xlsxwriter and python3-openpyxl are installed for it.
BENCH_PYTHON ?= /usr/bin/python3
BENCH_TOOLS   = $(BENCH_DIR)/verify_floor $(BENCH_DIR)/export_floor

.PHONY: bench bench-full bench-peers

$(BENCH_DIR)/verify_floor: bench/verify_floor.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -pthread -o $@ $< \
	  $(shell pkg-config --cflags --libs libsodium)

$(BENCH_DIR)/export_floor: bench/export_floor.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=c11 -O2 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -o $@ $< \
	  $(shell pkg-config --cflags --libs xlsxwriter)

# The peers' own packages: only the benchmark needs XlsxWriter.
bench-peers:
	@sh bench/install-peers

bench: deps bench-peers $(BIN) $(BENCH_TOOLS)
	@$(BENCH_PYTHON) bench/bench.py --simsa $(CURDIR)/$(BIN) $(BENCH_N:%=--n %) \
	  --runs $(BENCH_RUNS) --dir $(CURDIR)/$(BENCH_DIR) --tools $(CURDIR)/$(BENCH_DIR)

bench-full: deps bench-peers $(BIN) $(BENCH_TOOLS)
	@$(BENCH_PYTHON) bench/bench.py --simsa $(CURDIR)/$(BIN) $(BENCH_FULL_N:%=--n %) \
	  --runs $(BENCH_RUNS) --large-runs $(BENCH_LARGE_RUNS) --dir $(CURDIR)/$(BENCH_DIR) --tools $(CURDIR)/$(BENCH_DIR)
