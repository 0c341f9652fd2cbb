/* The audit events of one application, for its history (see events.c). */
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

#endif
