# Fuzz targets (fuzz/fuzz_*.c, tmux-style): libFuzzer with clang, ASan and UBSan, linked with
# core/ compiled by clang into a build directory of its own. Seeds: tests/fuzz/<target>/.
#   make fuzz          each target for FUZZ_SECONDS (default 300); the corpus grows in
#                      $(FUZZ_B)/corpus, crashes go to $(FUZZ_B)/artifacts
#   make fuzz-short    each target for FUZZ_SHORT_SECONDS (default 10) from its seeds only;
#                      part of every `make check` (in its plain pass: the targets carry their
#                      own sanitizers)
FUZZ_B             ?= build-fuzz
FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 300
FUZZ_SHORT_SECONDS ?= 10
FUZZ_SAN    = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_CFLAGS = -std=c11 $(WARN) -O1 -g $(FUZZ_SAN) -I. -D_DEFAULT_SOURCE \
              -DLOCALEDIR='"$(LOCALEDIR)"' -DDATADIR='"$(DATADIR)"' \
              $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_SRC      = $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN      = $(FUZZ_SRC:fuzz/%.c=$(FUZZ_B)/fuzz/%)
FUZZ_CORE_OBJ = $(CORE_SRC:%.c=$(FUZZ_B)/%.o) $(FUZZ_B)/gen/builtin_programs.o \
                $(FUZZ_B)/fuzz/common.o

.PHONY: fuzz fuzz-short fuzz-build fuzz-bins

$(FUZZ_B)/core/%.o: core/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_B)/fuzz/%.o: fuzz/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

.SECONDARY: $(FUZZ_CORE_OBJ) $(FUZZ_SRC:fuzz/%.c=$(FUZZ_B)/fuzz/%.o)

$(FUZZ_B)/gen/builtin_programs.c: $(PROGRAMS) scripts/embed-programs
	@mkdir -p $(dir $@)
	$(Q)sh scripts/embed-programs $(PROGRAMS) > $@.tmp && mv $@.tmp $@

$(FUZZ_B)/gen/builtin_programs.o: $(FUZZ_B)/gen/builtin_programs.c
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_B)/fuzz/fuzz_%: $(FUZZ_B)/fuzz/fuzz_%.o $(FUZZ_CORE_OBJ)
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(LIBS)

-include $(shell find $(FUZZ_B) -name '*.d' 2>/dev/null)

fuzz-build: deps
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz: $(FUZZ_CC) is missing (scripts/install-deps)"; exit 1; }
	@$(MAKE) --no-print-directory fuzz-bins

fuzz-bins: $(FUZZ_BIN)
	@:

fuzz-short: fuzz-build
	@sh fuzz/run $(FUZZ_SHORT_SECONDS) "" $(FUZZ_BIN)

fuzz: fuzz-build
	@sh fuzz/run $(FUZZ_SECONDS) $(FUZZ_B) $(FUZZ_BIN)

ifneq ($(SAN),1)
CHECK_EXTRA += fuzz-short
endif
