/* What was recorded about one application, for people to read: its audit events (history)
 * and its site inspections; and the events after a point, for the interactive program to read
 * again what they changed (see events.c). */
#ifndef SIMSA_DB_EVENTS_H
#define SIMSA_DB_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/store.h"

struct app_event {
    int64_t seq;
    char *at, *actor, *kind, *detail;
};

int store_app_events(struct store *st, const char *app, struct app_event **out, size_t *n);
void app_events_free(struct app_event *v, size_t n);

/* The events after seq `after`, oldest first, up to max of them (*more when there are more):
 * what store_refresh reads again. */
struct event_ref {
    int64_t seq;
    char *kind, *app; /* app "" when the event names none */
};
int store_events_after(struct store *st, int64_t after, size_t max, struct event_ref **out,
                       size_t *n, bool *more);
void event_refs_free(struct event_ref *v, size_t n);

/* R13: lists (team, facts, findings) have one item per line. */
struct app_inspection {
    char *date, *team, *facts, *findings, *notes, *at;
    int64_t signer; /* person id */
};

int store_app_inspections(struct store *st, const char *app, struct app_inspection **out,
                          size_t *n);
void app_inspections_free(struct app_inspection *v, size_t n);

#endif
