/* Canonical texts of unsigned facts (see facts.h). Fields are separated by '|' and every '|',
 * '\\' and control character inside a value is escaped, so two different facts never give the
 * same text. */
#include "core/facts.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

static void put_value(struct strbuf *b, const char *v)
{
    for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p; p++) {
        if (*p == '|' || *p == '\\')
            strbuf_printf(b, "\\%c", *p);
        else if (*p < 0x20)
            strbuf_printf(b, "\\x%02x", *p);
        else
            strbuf_add(b, (const char *)p, 1);
    }
    strbuf_puts(b, "|");
}

char *fact_application(const struct application *a)
{
    struct strbuf b = {0};
    char founded[11], received[17];
    date_format(a->founded, founded);
    if (a->received_has_time)
        datetime_format(a->received, received);
    else
        date_format(datetime_date(a->received), received);
    const char *texts[] = {a->id,
                           a->company,
                           a->biz_no,
                           size_name(a->size),
                           a->region,
                           a->factory_region,
                           a->industry,
                           founded,
                           a->supplier,
                           a->supplier_region,
                           a->supplier_pools ? "yes" : "no"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        put_value(&b, texts[i]);
    strbuf_printf(&b, "%" PRId64 "|%" PRId64 "|", a->requested, a->copay);
    const char *more[] = {a->title, a->contact_name, a->contact_email, received};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        put_value(&b, more[i]);
    return b.s;
}

char *fact_document(int doc, sdate issued)
{
    char day[11];
    date_format(issued, day);
    return xasprintf("doc %d issued %s", doc, day);
}

char *fact_finance(const struct finance_year *f)
{
    return xasprintf("%d liabilities %" PRId64 " equity %" PRId64 " current %" PRId64 "/%" PRId64,
                     f->year, f->liabilities, f->equity, f->current_assets, f->current_liabilities);
}

char *fact_checklist(const char *item, bool yes, const char *note)
{
    struct strbuf b = {0};
    put_value(&b, item);
    put_value(&b, yes ? "yes" : "no");
    put_value(&b, note);
    return b.s;
}

char *fact_program(const char *program_id, const char *source, const char *call_id)
{
    char digest[RECORD_DIGEST_HEX + 1];
    record_digest_hex(source, digest);
    struct strbuf b = {0};
    put_value(&b, program_id);
    strbuf_printf(&b, "source %s|", digest);
    strbuf_printf(&b, "call %s|", call_id);
    return b.s;
}

int fact_program_call_id(const char *fact, char out[CALL_ID_HEX + 1])
{
    char **f = NULL;
    size_t n = fact_fields(fact, &f);
    int rc = -1;
    if (n == 3 && strncmp(f[2], "call ", 5) == 0 && strlen(f[2] + 5) == CALL_ID_HEX) {
        memcpy(out, f[2] + 5, CALL_ID_HEX + 1);
        rc = 0;
    }
    fact_fields_free(f, n);
    return rc;
}

char *fact_person(const char *name, enum role role, const struct public_key *pub)
{
    char line[17 + 1 + 64 + 1];
    public_key_line(pub, line);
    struct strbuf b = {0};
    put_value(&b, role_name(role));
    put_value(&b, name);
    put_value(&b, line);
    return b.s;
}

char *fact_panel(const char *name, const char *const *judges, size_t n)
{
    struct strbuf b = {0};
    put_value(&b, name);
    for (size_t i = 0; i < n; i++)
        put_value(&b, judges[i]);
    return b.s;
}

size_t fact_fields(const char *fact, char ***out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    struct strbuf cur = {0};
    strbuf_puts(&cur, "");
    for (const char *p = fact; *p; p++) {
        if (*p == '|') {
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                *out = xrealloc(*out, cap * sizeof **out);
            }
            (*out)[n++] = cur.s;
            cur = (struct strbuf){0};
            strbuf_puts(&cur, "");
        } else if (*p == '\\' && p[1] == 'x' && p[2] && p[3]) {
            char hex[3] = {p[2], p[3], 0};
            char ch = (char)strtol(hex, NULL, 16);
            strbuf_add(&cur, &ch, 1);
            p += 3;
        } else if (*p == '\\' && p[1]) {
            strbuf_add(&cur, p + 1, 1);
            p++;
        } else {
            strbuf_add(&cur, p, 1);
        }
    }
    free(cur.s);
    return n;
}

void fact_fields_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}
