/* Translation macros: every user-visible string goes through gettext (domain "simsa"). */
#ifndef SIMSA_I18N_H
#define SIMSA_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
