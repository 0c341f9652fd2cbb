/* The presentation order set by the secretariat: each application's place in its panel's
 * lineup (core/session.h orders the lineup; this layer keeps the places). */
#ifndef SIMSA_DB_ORDER_H
#define SIMSA_DB_ORDER_H

#include <stddef.h>
#include <stdint.h>

#include "db/store.h"

/* Set app_record.position of every placed application (part of store_load). */
int order_load(struct store *st, struct call *c);
/* In the caller's transaction: places 1..n for `apps` (indices into c->apps, every application
 * of one panel, as session_order gives them), and the audit event naming the order. panel_name
 * is for the event ("" for the applications on no panel). 0, or -1 with store_errmsg. */
int write_order(struct store *st, const struct call *c, const char *actor, const char *panel_name,
                const size_t *apps, size_t n);

#endif
