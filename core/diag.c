/* Diagnostics and string lists (see diag.h). */
#include "core/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("simsa: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("simsa: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("simsa: out of memory\n", stderr);
        abort();
    }
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

void diags_vadd(struct diags *d, const char *file, long line, long col, const char *fmt, va_list ap)
{
    char *msg = xvasprintf(fmt, ap);
    char *text;
    if (file && line > 0 && col > 0)
        text = xasprintf("%s:%ld:%ld: %s", file, line, col, msg);
    else if (file && line > 0)
        text = xasprintf("%s:%ld: %s", file, line, msg);
    else if (file)
        text = xasprintf("%s: %s", file, msg);
    else
        text = xstrdup(msg);
    free(msg);
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    d->v[d->n++].text = text;
}

void diags_add(struct diags *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diags_vadd(d, file, line, col, fmt, ap);
    va_end(ap);
}

const char *diags_first(const struct diags *d)
{
    return d->n ? d->v[0].text : NULL;
}

void diags_free(struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].text);
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
}

void strlist_add(struct strlist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = xstrdup(s);
}

void strlist_addf(struct strlist *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    strlist_add(l, s);
    free(s);
}

char *strlist_join(const struct strlist *l, const char *sep)
{
    size_t len = 1, seplen = strlen(sep);
    for (size_t i = 0; i < l->n; i++)
        len += strlen(l->v[i]) + (i ? seplen : 0);
    char *out = xmalloc(len), *p = out;
    for (size_t i = 0; i < l->n; i++) {
        if (i) {
            memcpy(p, sep, seplen);
            p += seplen;
        }
        size_t k = strlen(l->v[i]);
        memcpy(p, l->v[i], k);
        p += k;
    }
    *p = '\0';
    return out;
}

void strlist_free(struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

const char *refusal_format(char *buf, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    return buf;
}
