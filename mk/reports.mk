# The result workbook's long checks, run by `make check-full` (see README):
#   xlsx-recalc  LibreOffice recalculates the workbook's formulas (tests/xlsx/recalc.sh); it needs
#                libreoffice-calc-nogui, installed here when missing if apt-get can run (it is too
#                large for scripts/install-deps), else the check is skipped with a message.
#   xlsx-big     a 10,000-application export under 64 MB resident (tests/xlsx/big.sh).
#   xlsx-print   the demo's and a 50-application call's workbooks converted to PDF by LibreOffice,
#                their pages counted and read with poppler-utils (tests/xlsx/print.sh); skipped
#                with a message when soffice or pdfinfo is missing.
# The openpyxl checks of every sheet are tests/cli/export*.sh, part of every `make check`.
.PHONY: xlsx-recalc xlsx-big xlsx-print
FULL_EXTRA += xlsx-recalc xlsx-big xlsx-print

XLSX_TEST_ENV = SIMSA=$(CURDIR)/$(BIN) SIMSA_LOCALEDIR=$(CURDIR)/$(B)/locale

xlsx-recalc: $(BIN)
	@if ! command -v soffice >/dev/null 2>&1; then \
	  echo "xlsx-recalc: installing libreoffice-calc-nogui (LibreOffice, for recalculation)"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends libreoffice-calc-nogui; } >/dev/null 2>&1 || true; \
	fi; \
	if command -v soffice >/dev/null 2>&1; then \
	  $(XLSX_TEST_ENV) sh tests/run-cli tests/xlsx/recalc.sh; \
	else \
	  echo "xlsx-recalc: SKIPPED: LibreOffice (soffice) is not installed and could not be;"; \
	  echo "  apt-get install --no-install-recommends libreoffice-calc-nogui, then make xlsx-recalc"; \
	fi

xlsx-big: $(BIN)
	@$(XLSX_TEST_ENV) sh tests/run-cli tests/xlsx/big.sh

xlsx-print: $(BIN)
	@if command -v soffice >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then \
	  $(XLSX_TEST_ENV) sh tests/run-cli tests/xlsx/print.sh; \
	else \
	  echo "xlsx-print: SKIPPED: needs LibreOffice (soffice) and poppler-utils (pdfinfo);"; \
	  echo "  apt-get install --no-install-recommends libreoffice-calc-nogui poppler-utils"; \
	fi
