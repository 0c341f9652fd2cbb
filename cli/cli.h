/* The batch commands (DESIGN.md, Command line). Each family lives in its own file and exports
 * its entries; main.c holds the table of contents. */
#ifndef SIMSA_CLI_H
#define SIMSA_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/call.h"
#include "core/diag.h"
#include "db/store.h"

/* Exit status of DESIGN.md: 0 success, 1 failure, 2 usage error. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct cli {
    const char *db_path;
    const char *as;        /* --as NAME */
    const char *pass_file; /* --passphrase-file FILE ("-" = stdin) */
    struct store *st;      /* the call cli_open opened: cli_unlock makes its person the actor */
};

struct cli_command {
    const char *name;    /* "app" */
    const char *sub;     /* "import", or NULL for a command without subcommands */
    const char *usage;   /* "FILE.csv" */
    const char *summary; /* one line, translated at print time */
    int (*run)(struct cli *cli, int argc, char **argv); /* argv[0] is the (sub)command */
    bool needs_as; /* records a signed decision: --as NAME is required (usage error without) */
};

/* Each family file's table, ending with a NULL name; main.c lists them in order. */
extern const struct cli_command cli_setup_commands[];
extern const struct cli_command cli_review_commands[];
extern const struct cli_command cli_panel_commands[];
extern const struct cli_command cli_score_commands[];
extern const struct cli_command cli_demo_commands[];
extern const struct cli_command cli_sheet_commands[];
extern const struct cli_command cli_inspect_commands[];
extern const struct cli_command cli_result_commands[];
extern const struct cli_command cli_export_commands[];
extern const struct cli_command cli_plan_commands[];
extern const struct cli_command cli_ssh_commands[];
extern const struct cli_command cli_notify_commands[];
extern const struct cli_command *const cli_families[];

/* Shared helpers (cli/common.c) */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_print_diags(const struct diags *d);
char *cli_read_file(const char *path, size_t *len, char **err);
int cli_open(struct cli *cli, struct store **st, struct call *c);
/* The same, everything read in one snapshot (a read transaction, open until store_close):
 * for verify and export, which must not see half of another terminal's change. */
int cli_open_snapshot(struct cli *cli, struct store **st, struct call *c);
/* Read an input file, then open the call: the file's bytes (caller frees), or NULL with a
 * message printed and nothing open. */
char *cli_open_with_file(struct cli *cli, const char *path, size_t *len, struct store **st,
                         struct call *c);
/* The person acting: --as NAME must name a person of `role` (or any role when role < 0). */
struct person *cli_actor(struct cli *cli, struct call *c, int role);
/* Unlock the actor's key with --passphrase-file or a prompt (echo off); 0 or -1 with a message
 * printed. The secret is wiped by secret_key_wipe. */
int cli_unlock(struct cli *cli, const struct person *p, struct secret_key *key);
/* The change about to be made through st is made by --as NAME (of `role`, any when role < 0):
 * find them, unlock their key into *key (the caller wipes it after the commit) and make them
 * the actor of every event (DESIGN.md Trust). 0, or -1 with a message printed. */
int cli_act(struct cli *cli, struct call *c, int role, struct secret_key *key);
/* Read a passphrase from --passphrase-file / a prompt, into sodium memory (caller wipes with
 * cli_pass_free). twice: ask again to confirm when prompting. */
char *cli_read_passphrase(struct cli *cli, const char *prompt, bool twice, size_t *len);
void cli_pass_free(char *pass);
/* On stderr, one warning per person whose key is sealed with the fast test parameters. */
void cli_warn_fast_keys(const struct call *c);
/* Option parsing for "--name VALUE" after the positional arguments. */
const char *cli_opt(int argc, char **argv, const char *name);
bool cli_flag(int argc, char **argv, const char *name);
/* Positional arguments (those not options or option values), in order. */
/* -1 (usage printed) on an unknown --option or one missing its value. */
int cli_positional(int argc, char **argv, const char *const *with_value, const char *const *flags,
                   char **out, int max);
/* Print s padded to `width` terminal columns (Hangul counts 2), then a space. */
void cli_cell(const char *s, int width, bool right);
/* A read-only view of the ranked call, as a table or (--csv) as CSV. */
int cli_ranked_view(struct cli *cli, int argc, char **argv, const char *usage,
                    void (*as_csv)(const struct call *, const struct rank_result *),
                    void (*as_table)(const struct call *, const struct rank_result *));
/* Anchors outside the file (cli/anchors.c). The head this person's simsa saw last of the call
 * in st: warn when the file does not extend it, else remember the file's head. */
void cli_known_head(struct store *st, const char *db_path);
/* verify --head SEQ:HASH: a problem in d when the chain does not hold that head; EXIT_OK, or
 * a usage / failure status (message printed). */
int cli_check_head(struct store *st, const char *given, struct diags *d);
/* person list --roster, and verify --roster FILE against the people of the call (0, or -1
 * with a message printed). */
void cli_roster_print(const struct call *c, const char *call_id);
int cli_check_roster(const struct call *c, const char *path, struct diags *d);
/* Everything `simsa verify` checks, on an open store and its loaded call: problems go to *d.
 * 0, or -1 when the store cannot be read (store_errmsg). (cli/cmd_score.c) */
int cli_verify_store(struct store *st, const struct call *c, struct diags *d, size_t *n_signed,
                     int64_t *n_events, int64_t *legacy);
/* R12.3: the dates an agreement on `agreed` sets, one per line (cli/cmd_notify.c). */
void cli_print_agreement(const struct program *p, sdate agreed);
/* Commit with an error message on failure; rolls back. */
int cli_commit(struct store *st);
int cli_rollback_fail(struct store *st, const char *what);

#endif
