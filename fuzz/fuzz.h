/* What the fuzz targets share (fuzz/common.c): the input as a string, invariant checks, and a
 * small call of the 2026 program for the importers to check rows against. Each target is one
 * fuzz_*.c file with LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer (mk/fuzz.mk). */
#ifndef SIMSA_FUZZ_H
#define SIMSA_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/call.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A NUL-terminated copy of the input (caller frees). */
char *fuzz_string(const uint8_t *data, size_t size);
/* Abort (a finding) when an invariant does not hold. */
void fuzz_require(bool ok, const char *what);
/* The call the importers check against: cbtp-2026, the secretariat 간사, judges j1..j5,
 * applications 2026-001 (reviewed, j1 has scored it, j2 declared a conflict), 2026-002
 * (reviewed) and 2026-003 (not reviewed). Built once; never changed. */
const struct call *fuzz_call(void);

#endif
