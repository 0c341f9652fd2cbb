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

/* Who must act for a command (DESIGN.md Trust): nobody, any person of the call, or a
 * secretariat member. A command with an actor needs --as NAME (a usage error without). */
enum cli_actor { CLI_ACT_NONE, CLI_ACT_ANYONE, CLI_ACT_SECRETARIAT };

/* What cli_call opens: the call read as it goes, or in one snapshot (a read transaction, for
 * verify and export, which must not see half of another terminal's change). */
/* How cli_call opens the store: read as it goes, or one snapshot; CLI_STORE_FACTS is a
 * snapshot of the call without its score sheets (store_load_facts: verify reads them itself). */
enum cli_store { CLI_STORE_READ, CLI_STORE_SNAPSHOT, CLI_STORE_FACTS };

struct cli_command;

struct cli {
    const char *db_path;
    const char *as;        /* --as NAME */
    const char *pass_file; /* --passphrase-file FILE ("-" = stdin) */
    struct store *st;      /* the call cli_open opened: cli_unlock makes its person the actor */

    /* Filled by cli_run (cli/command.c) for the command it runs, and freed after it. */
    const struct cli_command *cmd;
    int argc; /* argv[0] is the (sub)command */
    char **argv;
    char **pos; /* the positional arguments, as declared by the entry */
    int n_pos;
    FILE *out;              /* a command's report: held until its change is saved */
    struct call c;          /* valid after cli_call */
    struct app_record *app; /* the entry's app_arg, found by cli_call */
    bool loaded;            /* c holds the call */
    struct person *actor;   /* after cli_who */
    struct secret_key key;  /* the actor's, after cli_begin; wiped by cli_run */
    bool unlocked;          /* key holds it */
    bool began;             /* cli_begin opened the write transaction that cli_run ends */
};

/* One command, as tmux's cmd_entry: what it takes and who it needs are declared here, and
 * cli_run does the work around `run`: it parses the arguments (a usage error, exit 2, prints
 * usage_error), opens the store and loads the call when the command first asks for it
 * (cli_call), finds the actor (cli_who), unlocks their key and begins the transaction when the
 * command is about to write (cli_begin), commits when run returns EXIT_OK or else rolls back,
 * prints the report once it is saved, and frees everything. Run is the command's own logic. */
struct cli_command {
    const char *name;            /* "app" */
    const char *sub;             /* "import", or NULL for a command without subcommands */
    const char *usage;           /* "FILE.csv" */
    const char *summary;         /* one line, translated at print time */
    const char *usage_error;     /* "usage: simsa app import FILE.csv", translated at print time */
    int min_args, max_args;      /* positional arguments; max_args < 0: any number */
    const char *const *options;  /* "--name VALUE" options, NULL-terminated */
    const char *const *flags;    /* "--name" options */
    const char *const *required; /* options that must be given */
    bool parses_itself;          /* run reads argc/argv alone: cli_run neither parses nor checks */
    int app_arg; /* the positional argument (1 = the first) naming an application: cli_call
                  * finds it into cli->app, or fails with "no application"; 0 = none */
    enum cli_store store;
    enum cli_actor actor;
    bool writes; /* a signed change: cli_begin, then commit after EXIT_OK */
    int (*run)(struct cli *cli);
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

/* The framework (cli/command.c). Run cmd on its arguments (argv[0] is the (sub)command). */
int cli_run(const struct cli_command *cmd, struct cli *cli, int argc, char **argv);
/* The call of the store, opened and loaded on first use (NULL with a message printed). */
struct call *cli_call(struct cli *cli);
/* The person acting, of the entry's role (NULL with a message printed). */
struct person *cli_who(struct cli *cli);
/* Find the actor and unlock their key (asking for the passphrase): 0, or -1 with a message
 * printed. cli_begin does it; a command whose checks need the key first calls it itself. */
int cli_unlock_actor(struct cli *cli);
/* About to write: find the actor, unlock their key and begin the transaction; 0, or -1 with a
 * message printed (`what: why; nothing was changed` when the transaction cannot begin). */
int cli_begin(struct cli *cli, const char *what);
/* Begin the transaction for the actor the store already has (person add, whose first person
 * signs for themself): 0, or -1 with the message printed. */
int cli_transaction(struct cli *cli, const char *what);
/* End the write transaction without saving; what run printed is still shown. */
void cli_discard(struct cli *cli);
/* The usage error of the command being run: EXIT_USAGE. */
int cli_usage_error(const struct cli *cli);
/* The value of an option of the command being run, or NULL; whether a flag was given. */
const char *cli_option(const struct cli *cli, const char *name);
bool cli_has_flag(const struct cli *cli, const char *name);

/* Shared helpers (cli/common.c) */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_print_diags(const struct diags *d);
/* Every problem of d, each as "simsa: problem", on stderr; d is freed. EXIT_FAIL. */
int cli_fail_diags(struct diags *d);
/* An input file's bytes (NUL-terminated; "-" = stdin; caller frees), or NULL with a problem in
 * d. */
char *cli_read_file(const char *path, size_t *len, struct diags *d);
/* The same, the problem printed (cli_fail_diags) when it cannot be read. */
char *cli_read_input(const char *path, size_t *len);
/* Open cli->db_path and read its call, as `how` says: CLI_STORE_SNAPSHOT and CLI_STORE_FACTS
 * read everything in one snapshot (a read transaction, open until store_close), for verify and
 * export, which must not see half of another terminal's change. */
int cli_open(struct cli *cli, struct store **st, struct call *c, enum cli_store how);
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
/* The person a read command given --as shows its view for (issue 15): *out NULL without --as;
 * -1 (printed) when --as names no person of the call. */
int cli_viewer(struct cli *cli, const struct call *c, const struct person **out);
/* A read-only view of the ranked call, as a table or (--csv) as CSV. */
int cli_ranked_view(struct cli *cli,
                    void (*as_csv)(const struct call *, const struct rank_result *,
                                   const struct person *viewer),
                    void (*as_table)(const struct call *, const struct rank_result *,
                                     const struct person *viewer));
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
void cli_print_agreement(FILE *out, const struct program *p, sdate agreed);
/* Commit with an error message on failure; rolls back. */
int cli_commit(struct store *st);
int cli_rollback_fail(struct store *st, const char *what);

#endif
