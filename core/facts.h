/* The canonical one-line texts of recorded facts that nobody signs (an imported application, a
 * document's issue date, financial figures, a checklist answer). Each is written into the audit
 * chain when the fact is recorded, so `simsa verify` can compare the stored row with it. */
#ifndef SIMSA_FACTS_H
#define SIMSA_FACTS_H

#include "core/review.h"

char *fact_application(const struct application *a);
char *fact_document(int doc, sdate issued);
char *fact_finance(const struct finance_year *f);
char *fact_checklist(const char *item, bool yes, const char *note);

#endif
