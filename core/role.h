/* The three roles of the people of a call (DESIGN.md Trust), apart from the call itself so a
 * header that only names a role does not bring in the whole call. */
#ifndef SIMSA_ROLE_H
#define SIMSA_ROLE_H

enum role { ROLE_JUDGE, ROLE_SECRETARIAT, ROLE_INSPECTOR };

const char *role_name(enum role r);  /* "judge", "secretariat", "inspector" */
const char *role_label(enum role r); /* the same for people, translated ("간사") */
int role_parse(const char *s, enum role *out);

#endif
