/* What was recorded about one application, for people to read: its audit events (history)
 * and its site inspections (see events.c). */
#ifndef SIMSA_DB_EVENTS_H
#define SIMSA_DB_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "db/store.h"

struct app_event {
    int64_t seq;
    char *at, *actor, *kind, *detail;
};

int store_app_events(struct store *st, const char *app, struct app_event **out, size_t *n);
void app_events_free(struct app_event *v, size_t n);

/* R13: lists (team, facts, findings) have one item per line. */
struct app_inspection {
    char *date, *team, *facts, *findings, *notes, *at;
    int64_t signer; /* person id */
};

int store_app_inspections(struct store *st, const char *app, struct app_inspection **out,
                          size_t *n);
void app_inspections_free(struct app_inspection *v, size_t n);

#endif
