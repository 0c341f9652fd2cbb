/* Signing records at the moment they are made (R14): the canonical text from core/records, a
 * minisign signature with the acting person's key, and the audit head at milestones. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "db/internal.h"
#include "db/sign.h"

int db_failf(struct store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, sizeof st->err, fmt, ap);
    va_end(ap);
    return -1;
}

void signed_record_begin(struct signed_record *r)
{
    memset(r, 0, sizeof *r);
    store_now(r->at);
}

int signed_record_sign(struct store *st, struct signed_record *r, const struct person *who,
                       const struct secret_key *key, enum record_kind kind, const char *id,
                       char *text, char **why_p)
{
    /* Read only now, after `text` was made (the argument that sets it). */
    char *why = why_p ? *why_p : NULL;
    if (why_p)
        *why_p = NULL;
    if (!text) {
        db_failf(st, _("cannot write the %s record of %s: %s"), record_kind_name(kind), id,
                 why ? why : _("its values cannot be written as a record"));
        free(why);
        return -1;
    }
    free(why);
    /* The signer of the record also makes, and signs, the event that records it. */
    store_set_actor(st, who, key);
    char *trusted = record_trusted_comment(kind, id, who->name);
    char hex[17];
    key_id_hex(key->key_id, hex);
    char *untrusted = xasprintf("signature from simsa key %s", hex);
    r->text = text;
    r->sig = trusted ? minisig_sign(key, text, strlen(text), untrusted, trusted) : NULL;
    free(trusted);
    free(untrusted);
    if (!r->sig)
        return db_failf(st, _("cannot sign the %s record of %s"), record_kind_name(kind), id);
    r->sign = (struct signing){.person = who->id, .at = r->at, .text = r->text, .sig = r->sig};
    return 0;
}

void signed_record_free(struct signed_record *r)
{
    free(r->text);
    free(r->sig);
    r->text = r->sig = NULL;
}

int sign_audit_head(struct store *st, const struct call *c, const struct person *who,
                    const struct secret_key *key)
{
    struct record_audit_head h = {.program = c->program.id, .signer = who->name};
    if (store_head(st, &h.seq, h.hash) < 0)
        return -1;
    if (h.seq == 0)
        return 0;
    struct signed_record rec;
    signed_record_begin(&rec);
    h.at = rec.at;
    char *why = NULL, id[32];
    snprintf(id, sizeof id, "%lld", (long long)h.seq);
    int rc = signed_record_sign(st, &rec, who, key, RECORD_AUDIT_HEAD, id,
                                record_audit_head_text(&h, &why), &why);
    if (rc == 0)
        rc = store_audit_head_add(st, h.seq, h.hash, &rec.sign);
    signed_record_free(&rec);
    return rc;
}

int sign_checkpoint(struct store *st, const struct call *c, struct checkpoint *cp,
                    const struct person *who, const struct secret_key *key)
{
    struct signed_record rec;
    signed_record_begin(&rec);
    memcpy(cp->at, rec.at, sizeof cp->at);
    cp->signer = who->id;
    char *why = NULL, id[32];
    snprintf(id, sizeof id, "%lld", (long long)cp->seq);
    int rc = signed_record_sign(st, &rec, who, key, RECORD_CHECKPOINT, id,
                                checkpoint_text(c, cp, &why), &why);
    if (rc == 0)
        rc = store_checkpoint_add(st, cp, &rec.sign);
    signed_record_free(&rec);
    return rc;
}
