/* Forms that change one application (see app_edit.c); app is an index into t->call.apps. */
#ifndef SIMSA_TUI_APP_EDIT_H
#define SIMSA_TUI_APP_EDIT_H

#include <stddef.h>

#include "tui/screen.h"

void app_edit_document(struct tui *t, size_t app);
void app_edit_answer(struct tui *t, size_t app);
void app_edit_decide(struct tui *t, size_t app);
void app_edit_inspection(struct tui *t, size_t app);
void app_edit_panel(struct tui *t, size_t app);
void app_edit_bonus(struct tui *t, size_t app);
void app_edit_plan(struct tui *t, size_t app);
void app_edit_agreement(struct tui *t, size_t app);
/* The dates an agreement on `agreed` sets (core agreement_dates), in one line for people. */
void app_agreement_text(const struct program *p, sdate agreed, char *buf, size_t n);

#endif
