# Crash consistency and concurrency (tests/stress/): simsa killed with SIGKILL at random
# moments during imports, review and scoring; six writers on one database at once.
#   make crash-short        10 crash trials and 6 x 50 concurrent actions (every make check)
#   make crash-full         100 crash trials and 6 x 1,000 concurrent actions (make check-full)
CRASH_SHORT_TRIALS ?= 10
CRASH_FULL_TRIALS  ?= 100
BUSY_SHORT_ACTIONS ?= 50
BUSY_FULL_ACTIONS  ?= 1000

.PHONY: crash-short crash-full

crash-short: $(BIN)
	@SIMSA=$(CURDIR)/$(BIN) sh tests/stress/crash.sh $(CRASH_SHORT_TRIALS)
	@SIMSA=$(CURDIR)/$(BIN) sh tests/stress/concurrency.sh $(BUSY_SHORT_ACTIONS)

crash-full: $(BIN)
	@SIMSA=$(CURDIR)/$(BIN) sh tests/stress/crash.sh $(CRASH_FULL_TRIALS)
	@SIMSA=$(CURDIR)/$(BIN) sh tests/stress/concurrency.sh $(BUSY_FULL_ACTIONS)

CHECK_EXTRA += crash-short
FULL_EXTRA  += crash-full
