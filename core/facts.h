/* The canonical one-line texts of recorded facts that nobody signs (an imported application, a
 * document's issue date, financial figures, a checklist answer). Each is written into the audit
 * chain when the fact is recorded, so `simsa verify` can compare the stored row with it. */
#ifndef SIMSA_FACTS_H
#define SIMSA_FACTS_H

#include "core/keys.h"
#include "core/review.h"
#include "core/role.h"

char *fact_application(const struct application *a);
char *fact_document(int doc, sdate issued);
char *fact_finance(const struct finance_year *f);
char *fact_checklist(const char *item, bool yes, const char *note);
/* The call's creation: the program id, a digest of its full text, and the call's id (random,
 * CALL_ID_HEX hex digits: how a person's simsa tells calls apart, see known heads). */
#define CALL_ID_HEX 32
char *fact_program(const char *program_id, const char *source, const char *call_id);
/* The call id a creation fact names; 0, or -1 (a call made before calls had ids). */
int fact_program_call_id(const char *fact, char out[CALL_ID_HEX + 1]);
/* A person as the chain knows them: role, name and public key (the roster, DESIGN.md Trust). */
char *fact_person(const char *name, enum role role, const struct public_key *pub);
/* A panel: its name and its judges' names, in order. */
char *fact_panel(const char *name, const char *const *judges, size_t n);
/* Split a fact text back into its '|'-terminated values (unescaped); the count, *out to free
 * with fact_fields_free. */
size_t fact_fields(const char *fact, char ***out);
void fact_fields_free(char **v, size_t n);

#endif
