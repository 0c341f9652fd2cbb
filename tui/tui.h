/* The interactive program (DESIGN.md, Interactive program). */
#ifndef SIMSA_TUI_H
#define SIMSA_TUI_H

/* Open the terminal program on a database; returns the process exit status. as: a person's
 * name to offer at sign-in (--as), or NULL. */
int tui_main(const char *db_path, const char *as);

#endif
