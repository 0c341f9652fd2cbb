/* Revisions of the final result (see revision.h). */
#include "core/revision.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "core/record_parse.h"

void revision_free(struct revision *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->rows[i].app);
        free(r->rows[i].outcome);
        free(r->rows[i].base);
        free(r->rows[i].final);
    }
    free(r->rows);
    free(r->signer);
    free(r->at);
    free(r->previous);
    strlist_free(&r->changes);
    memset(r, 0, sizeof *r);
}

int revision_parse(const char *text, int number, struct revision *out, const char **why)
{
    memset(out, 0, sizeof *out);
    struct record_fields f;
    if (record_parse(text, strlen(text), &f, why) < 0)
        return -1;
    if (strcmp(f.kind, "result") != 0) {
        record_fields_free(&f);
        *why = _("not a final result");
        return -1;
    }
    out->number = number;
    record_digest_hex(text, out->digest);
    size_t cap = 0;
    for (size_t i = 0; i < f.n; i++) {
        const char *k = f.v[i].key, *v = f.v[i].value;
        if (!strcmp(k, "rank")) {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 16;
                out->rows = xrealloc(out->rows, cap * sizeof *out->rows);
            }
            out->rows[out->n++] = (struct revision_row){.rank = atoi(v)};
        } else if (out->n && !strcmp(k, "app")) {
            out->rows[out->n - 1].app = xstrdup(v);
        } else if (out->n && !strcmp(k, "base")) {
            out->rows[out->n - 1].base = xstrdup(v);
        } else if (out->n && !strcmp(k, "final")) {
            out->rows[out->n - 1].final = xstrdup(v);
        } else if (out->n && !strcmp(k, "outcome")) {
            out->rows[out->n - 1].outcome = xstrdup(v);
        } else if (out->n && !strcmp(k, "amount")) {
            out->rows[out->n - 1].amount = strtoll(v, NULL, 10);
        } else if (!strcmp(k, "revision")) {
            out->stated = atoi(v);
        } else if (!strcmp(k, "previous")) {
            free(out->previous);
            out->previous = xstrdup(v);
        } else if (!strcmp(k, "change")) {
            strlist_add(&out->changes, v);
        } else if (!strcmp(k, "signer")) {
            free(out->signer);
            out->signer = xstrdup(v);
        } else if (!strcmp(k, "at")) {
            free(out->at);
            out->at = xstrdup(v);
        }
    }
    record_fields_free(&f);
    for (size_t i = 0; i < out->n; i++)
        if (!out->rows[i].app || !out->rows[i].outcome) {
            revision_free(out);
            *why = _("a row of the final result is incomplete");
            return -1;
        }
    return 0;
}

void revision_changes(const struct call *c, const struct rank_result *now,
                      const struct revision *prev, struct strlist *changes)
{
    for (size_t i = 0; i < now->n; i++) {
        const struct rank_row *r = &now->rows[i];
        if (!r->rank)
            continue;
        const char *id = c->apps[r->app].a.id, *outcome = outcome_name(r->outcome);
        int64_t amount = r->has_amount ? r->amount : 0;
        const struct revision_row *p = NULL;
        for (size_t k = 0; k < prev->n && !p; k++)
            if (!strcmp(prev->rows[k].app, id))
                p = &prev->rows[k];
        if (!p)
            strlist_addf(changes, "%s (none) -> %s", id, outcome);
        else if (strcmp(p->outcome, outcome) != 0)
            strlist_addf(changes, "%s %s -> %s", id, p->outcome, outcome);
        else if (p->amount != amount)
            strlist_addf(changes, "%s amount %" PRId64 " -> %" PRId64, id, p->amount, amount);
    }
}

void revisions_check(const struct strlist *texts, struct diags *d)
{
    char previous[RECORD_DIGEST_HEX + 1] = "";
    for (size_t i = 0; i < texts->n; i++) {
        struct revision r;
        const char *why = NULL;
        int number = (int)i + 1;
        if (revision_parse(texts->v[i], number, &r, &why) < 0) {
            diags_add(d, NULL, 0, 0, _("final result %d: %s"), number, why);
            previous[0] = '\0';
            continue;
        }
        int stated = r.stated ? r.stated : 1;
        if (stated != number)
            diags_add(d, NULL, 0, 0, _("final result %d: signed as revision %d"), number, stated);
        else if (number > 1 && (!r.previous || strcmp(r.previous, previous) != 0))
            diags_add(d, NULL, 0, 0,
                      _("final result %d: does not name revision %d as the one it follows"), number,
                      number - 1);
        memcpy(previous, r.digest, sizeof previous);
        revision_free(&r);
    }
}
