/* The interface language, as gettext picks it (see i18n.h). */
#include "core/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

bool i18n_korean(void)
{
    const char *language = getenv("LANGUAGE");
    const char *messages = setlocale(LC_MESSAGES, NULL);
    if (messages && (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0))
        return false; /* gettext ignores LANGUAGE in the C locale */
    if (language && *language)
        return strncmp(language, "ko", 2) == 0;
    return messages && strncmp(messages, "ko", 2) == 0;
}
