/* Reading canonical record texts back (see record_parse.h). */
#include "core/record_parse.h"

#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/i18n.h"
#include "core/records.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Undo the escaping of records.c: \\ \n \r \xHH. */
static char *unescape(const char *s, size_t n)
{
    char *out = xmalloc(n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            *o++ = s[i];
            continue;
        }
        char e = s[++i];
        if (e == 'n')
            *o++ = '\n';
        else if (e == 'r')
            *o++ = '\r';
        else if (e == 'x' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            *o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else
            *o++ = e;
    }
    *o = '\0';
    return out;
}

int record_parse(const char *text, size_t len, struct record_fields *out, const char **why)
{
    memset(out, 0, sizeof *out);
    size_t head = strlen(RECORD_FORMAT_LINE);
    if (len < head + 1 || memcmp(text, RECORD_FORMAT_LINE "\n", head + 1) != 0) {
        *why = _("not a simsa record (the first line must be \"simsa-record 1\")");
        return -1;
    }
    if (memchr(text, '\0', len) || text[len - 1] != '\n') {
        *why = _("a record must be text ending with a line feed");
        return -1;
    }
    for (size_t at = head + 1; at < len;) {
        const char *line = text + at, *end = memchr(line, '\n', len - at);
        const char *colon = memchr(line, ':', (size_t)(end - line));
        if (!colon || colon + 1 >= end || colon[1] != ' ') {
            *why = _("a line of the record is not \"key: value\"");
            record_fields_free(out);
            return -1;
        }
        out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
        out->v[out->n].key = xstrndup(line, (size_t)(colon - line));
        out->v[out->n].value = unescape(colon + 2, (size_t)(end - colon - 2));
        out->n++;
        at = (size_t)(end - text) + 1;
    }
    const char *kind = record_field(out, "kind");
    if (!kind || strcmp(out->v[0].key, "kind") != 0) {
        *why = _("the record does not say its kind on its second line");
        record_fields_free(out);
        return -1;
    }
    out->kind = xstrdup(kind);
    return 0;
}

const char *record_field(const struct record_fields *f, const char *key)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i].key, key) == 0)
            return f->v[i].value;
    return NULL;
}

void record_fields_free(struct record_fields *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].key);
        free(f->v[i].value);
    }
    free(f->v);
    free(f->kind);
    memset(f, 0, sizeof *f);
}
