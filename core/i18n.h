/* Translation macros: every user-visible string goes through gettext (domain "simsa"). */
#ifndef SIMSA_I18N_H
#define SIMSA_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Whether messages come out in Korean, as gettext picks the language (LANGUAGE, then
 * LC_MESSAGES); the program's own texts (titles, item and document names) follow it. */
bool i18n_korean(void);

#endif
