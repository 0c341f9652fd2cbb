/* Diagnostics: every problem found in input, each with where it was found, so a person
 * can fix them all at once ("FILE:LINE:COLUMN: message"). Also a growable list of strings.
 *
 * How an error travels from one layer to another (STYLE.md: every fallible call is checked;
 * errors carry a message for the person at the keyboard; ownership is visible):
 *
 *   - A function that can fail takes `struct diags *d` as its last parameter and returns a
 *     status: 0 or -1 (or a pointer, NULL on failure). When it fails it has added at least one
 *     problem to d, worded for a person and naming what failed (a file, a row, a record).
 *   - The caller owns d (`struct diags d = {0}`): it prints the problems (the commands,
 *     cli_fail_diags), shows them (the interactive program, diags_first), or adds them to its
 *     own caller's d; then diags_free. Input with many problems adds every one of them; a
 *     single failure is a diags with one problem. Nothing is printed below the front ends.
 *   - A question is not an error: `x_refusal()` answers "may this be done?" with NULL or the
 *     reason why not (a constant, or the caller's buffer through refusal_format), and the
 *     caller decides whether that makes its own operation fail.
 *
 * Still travelling the older ways, to be converted as their code is next touched: the
 * field parsers of core/parse.h, core/record_parse.h, core/revision.h and core/keys.h (a
 * constant reason, `const char **why`), the canonical record writers of core/records.h,
 * core/sheet.h and db/sign.h and minisig_verify_msg (`char **why`, owned), the interactive
 * program's loading in tui/tui.c (`char **err`), and the store's last message (store_errmsg,
 * after a -1 from db/). */
#ifndef SIMSA_DIAG_H
#define SIMSA_DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct diag {
    char *text; /* "file:line:col: message" (parts omitted when 0 or NULL) */
};

struct diags {
    struct diag *v;
    size_t n, cap;
};

/* Append a problem. file may be NULL; line or col 0 leaves that part out. */
void diags_add(struct diags *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diags_vadd(struct diags *d, const char *file, long line, long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));
void diags_free(struct diags *d);
/* The first problem's text, or NULL when there is none (for a one-line status). */
const char *diags_first(const struct diags *d);

struct strlist {
    char **v;
    size_t n, cap;
};

void strlist_add(struct strlist *l, const char *s);
void strlist_addf(struct strlist *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Join with sep into a new string (caller frees). */
char *strlist_join(const struct strlist *l, const char *sep);
void strlist_free(struct strlist *l);

/* A refusal ("why not") formatted into the caller's buf of len bytes; returns buf. */
const char *refusal_format(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Allocation that never returns NULL: aborts with a message on exhaustion. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
