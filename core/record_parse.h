/* Reading a canonical record text back (simsa-records(5)): its kind and its "key: value"
 * lines, unescaped. Used to import signed sheets written by another copy of simsa; the
 * importer rebuilds the text from the parsed values and requires the same bytes. */
#ifndef SIMSA_RECORD_PARSE_H
#define SIMSA_RECORD_PARSE_H

#include <stddef.h>

struct record_field {
    char *key;
    char *value;
};

struct record_fields {
    char *kind;
    struct record_field *v;
    size_t n;
};

/* 0, or -1 with *why (translated, static) for a text that is not a record of format 1. */
int record_parse(const char *text, size_t len, struct record_fields *out, const char **why);
/* The first value of key, or NULL. */
const char *record_field(const struct record_fields *f, const char *key);
void record_fields_free(struct record_fields *f);

#endif
