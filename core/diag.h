/* Diagnostics: every problem found in input, each with where it was found, so a person
 * can fix them all at once ("FILE:LINE:COLUMN: message"). Also a growable list of strings. */
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
