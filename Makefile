# simsa — build, test, install. Plain make + pkg-config; see README.md.

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/simsa
LOCALEDIR = $(PREFIX)/share/locale
MANDIR    = $(PREFIX)/share/man

# B is the build directory; `make SAN=1` builds with ASan+UBSan into build-san.
ifeq ($(SAN),1)
B        ?= build-san
SANFLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT       = -O1
else
B        ?= build
SANFLAGS  =
OPT       = -O2
endif

PKGS     = ncursesw sqlite3 xlsxwriter libsodium inih libutf8proc
CC      ?= cc
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wvla
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS) -I. \
             -D_DEFAULT_SOURCE \
             -DLOCALEDIR='"$(LOCALEDIR)"' -DDATADIR='"$(DATADIR)"' \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

CORE_SRC    = $(sort $(wildcard core/*.c))
DB_SRC      = $(sort $(wildcard db/*.c))
REPORTS_SRC = $(sort $(wildcard reports/*.c))
TUI_SRC     = $(sort $(wildcard tui/*.c))
CLI_SRC     = $(sort $(wildcard cli/*.c))
PROGRAMS    = $(sort $(wildcard programs/*.ini))
GEN_SRC     = $(B)/gen/builtin_programs.c

CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o) $(B)/gen/builtin_programs.o
APP_OBJ  = $(DB_SRC:%.c=$(B)/%.o) $(REPORTS_SRC:%.c=$(B)/%.o) \
           $(TUI_SRC:%.c=$(B)/%.o) $(CLI_SRC:%.c=$(B)/%.o)

UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

POS  = $(sort $(wildcard po/*.po))
MOS  = $(POS:po/%.po=$(B)/locale/%/LC_MESSAGES/simsa.mo)

BIN = $(B)/simsa

# Quiet by default; `make V=1` shows each command.
ifeq ($(V),1)
Q =
else
Q = @
endif

.PHONY: all deps run check check-one check-full unit cli-tests tui-tests man-lint layers po-check \
        install uninstall clean pot bench test format format-check

# Parts of the project add their own rules in mk/*.mk (fuzzing, benchmark, long tests) and hook
# into the suites through these lists of make targets.
CHECK_EXTRA =
FULL_EXTRA  =

# ./simsa points at the default build only: other build directories leave it alone. The unit
# tests are built too, so a change that breaks them shows at once.
all: $(if $(filter build,$(B)),simsa) $(BIN) $(MOS) $(UNIT_BIN)

simsa: $(BIN)
	ln -sf $(BIN) simsa

deps:
	@sh scripts/install-deps

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(GEN_SRC): $(PROGRAMS) scripts/embed-programs
	@mkdir -p $(dir $@)
	$(Q)sh scripts/embed-programs $(PROGRAMS) > $@.tmp && mv $@.tmp $@

$(B)/gen/builtin_programs.o: $(GEN_SRC)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BIN): $(CORE_OBJ) $(APP_OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(CORE_OBJ) $(LIBS) -lcmocka

$(B)/locale/%/LC_MESSAGES/simsa.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

-include $(shell find $(B) -name '*.d' 2>/dev/null)
-include $(sort $(wildcard mk/*.mk))

run: deps
	$(MAKE) all
	@if [ ! -f demo.db ]; then ./simsa demo demo.db; fi
	./simsa -d demo.db

# Every test, then the same suite again under ASan+UBSan.
check: deps
	$(MAKE) check-one
	$(MAKE) check-one SAN=1
	@echo "make check: all suites passed (plain and ASan+UBSan)"

check-one: all $(UNIT_BIN) layers po-check man-lint format-check
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory cli-tests
	@$(MAKE) --no-print-directory tui-tests
	$(if $(strip $(CHECK_EXTRA)),@$(MAKE) --no-print-directory $(CHECK_EXTRA))

# `make check`, then the long runs (more crash trials, LibreOffice recalculation, ...).
check-full: check
	$(if $(strip $(FULL_EXTRA)),@$(MAKE) --no-print-directory $(FULL_EXTRA))
	@echo "make check-full: all suites passed"

unit: $(UNIT_BIN)
	@sh tests/run-unit $(UNIT_BIN)

CLI_TESTS = tests/cli/*.sh
TUI_TESTS = tests/tui/*.sh

cli-tests: $(BIN) $(MOS)
	@SIMSA=$(CURDIR)/$(BIN) SIMSA_LOCALEDIR=$(CURDIR)/$(B)/locale sh tests/run-cli $(CLI_TESTS)

# One test by its path: `make test T=tests/cli/rank.sh`, or a screen test under tests/tui/.
test: $(BIN) $(MOS)
	@case "$(T)" in tests/cli/*.sh|tests/tui/*.sh) ;; \
	  *) echo "usage: make test T=tests/cli/NAME.sh (or tests/tui/NAME.sh)" >&2; exit 2;; esac
	@[ -f "$(T)" ] || { echo "make test: no test $(T)" >&2; exit 2; }
	@case "$(T)" in \
	  tests/cli/*) $(MAKE) --no-print-directory cli-tests CLI_TESTS="$(T)";; \
	  tests/tui/*) $(MAKE) --no-print-directory tui-tests TUI_TESTS="$(T)";; esac

# The interactive program, driven through tmux, with leak detection on (tests/lsan.supp leaves out
# what ncurses keeps until exit). A report from a program in a tmux pane would only reach the
# pane, so ASan and LSan write theirs to files in $(TUI_SAN), and tmux-lib sends the program's
# stderr to $(TUI_SAN)/stderr (GCC's UBSan ignores log_path beside ASan: GCC bug 94328). Once
# the last program has ended, any report is shown and fails the run. Without SAN=1 there are none.
TUI_SAN = $(CURDIR)/$(B)/tui-san
tui-tests: $(BIN) $(MOS)
	@rm -rf $(TUI_SAN) && mkdir -p $(TUI_SAN)/stderr
	@if ls $(TUI_TESTS) >/dev/null 2>&1; then \
	  ASAN_OPTIONS=detect_leaks=1:log_path=$(TUI_SAN)/asan \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:log_path=$(TUI_SAN)/ubsan TUI_STDERR=$(TUI_SAN)/stderr \
	  SIMSA=$(CURDIR)/$(BIN) SIMSA_LOCALEDIR=$(CURDIR)/$(B)/locale \
	  sh tests/run-cli $(TUI_TESTS); rc=$$?; \
	  n=100; while [ $$n -gt 0 ] && pidof $(CURDIR)/$(BIN) >/dev/null 2>&1; do \
	    sleep 0.1; n=$$((n - 1)); done; \
	  reports=$$(ls $(TUI_SAN)/asan* $(TUI_SAN)/ubsan* 2>/dev/null; \
	    grep -lE 'runtime error|Sanitizer' $(TUI_SAN)/stderr/* 2>/dev/null); \
	  if [ -n "$$reports" ]; then \
	    tail -n +1 $$reports; echo "tui-tests: sanitizer reports above, in $(TUI_SAN)"; rc=1; fi; \
	  exit $$rc; fi

man-lint:
	@out=$$(mandoc -Tlint -W warning man/* 2>&1); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi

# STYLE.md: the code is formatted with the root .clang-format; check names each file that is not
# (`make format` formats them all).
CLANG_FORMAT ?= clang-format
FORMAT_SRC = $(sort $(wildcard core/*.[ch] db/*.[ch] reports/*.[ch] tui/*.[ch] cli/*.[ch] \
                               tests/unit/*.[ch] fuzz/*.[ch] bench/*.[ch]))
format:
	$(Q)$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check:
	@bad=$$(for f in $(FORMAT_SRC); do \
	  $(CLANG_FORMAT) --dry-run --Werror "$$f" >/dev/null 2>&1 || echo "$$f"; done); \
	if [ -n "$$bad" ]; then echo "not formatted with .clang-format (make format):"; \
	  echo "$$bad" | sed 's/^/  /'; exit 1; fi

# DESIGN.md, Layers: each library header in its own layer only.
layers:
	@sh scripts/check-layers

po-check:
	@for po in $(POS); do \
	  out=$$(LC_ALL=C msgfmt --check --statistics -o /dev/null $$po 2>&1); \
	  case "$$out" in *untranslated*|*fuzzy*) echo "$$po incomplete: $$out"; exit 1;; esac; \
	done

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -c/ --package-name=simsa -o po/simsa.pot \
	  $(CORE_SRC) $(DB_SRC) $(REPORTS_SRC) $(TUI_SRC) $(CLI_SRC)
	for po in $(POS); do msgmerge -q --update --backup=none $$po po/simsa.pot; done

# The binary looks for its messages in LOCALEDIR, fixed when cli/main.c is compiled; a build made
# for another PREFIX is rebuilt first, so the installed binary finds its translations. Built-in
# calls are compiled in; the copies under share/simsa/programs are for reading and copying.
install: $(BIN) $(MOS)
	@if ! tr '\0' '\n' < $(BIN) | grep -qxF '$(LOCALEDIR)'; then \
	  echo "  rebuilding $(BIN) for PREFIX=$(PREFIX)"; rm -f $(B)/cli/main.o; \
	  $(MAKE) --no-print-directory $(BIN) || exit 1; \
	  tr '\0' '\n' < $(BIN) | grep -qxF '$(LOCALEDIR)' || \
	    { echo "$(BIN) does not look for messages in $(LOCALEDIR)" >&2; exit 1; }; fi
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/programs $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/simsa
	install -m 644 $(PROGRAMS) $(DESTDIR)$(DATADIR)/programs/
	install -m 644 $(wildcard man/*.1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(wildcard man/*.5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 completion/simsa.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/simsa
	set -e; for po in $(POS); do l=$$(basename $$po .po); \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $(B)/locale/$$l/LC_MESSAGES/simsa.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/simsa
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(wildcard man/*.1))) \
	  $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(wildcard man/*.5)))
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/simsa
	for po in $(POS); do l=$$(basename $$po .po); rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/simsa.mo; done

clean:
	rm -rf build build-san build-* simsa
