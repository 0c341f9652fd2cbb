/* Judges at their own terminals through OpenSSH (issue 15): the authorized_keys lines that pin
 * each judge's SSH key to their own session, `command="simsa -d CALL --as NAME",restrict,pty`.
 * No server of our own: sshd does the network, the keys and the forced command. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/i18n.h"

/* A value that goes inside single quotes in a shell command inside double quotes: no quote,
 * backslash or control character (the forced command is run by the user's shell). */
static bool quotable(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p == '\'' || *p == '"' || *p == '\\' || *p < 0x20 || *p == 0x7f)
            return false;
    return *s != '\0';
}

/* The judge's SSH public key: the first line of DIR/NAME.pub ("ssh-ed25519 AAAA... comment").
 * NULL with a message printed when missing or not one line of a key. */
static char *ssh_key_of(struct cli *cli, const char *dir, const char *name)
{
    char *path = xasprintf("%s/%s.pub", dir, name);
    size_t len = 0;
    char *text = cli_read_input(path, &len);
    if (!text) {
        free(path);
        return NULL;
    }
    (void)cli;
    char *nl = strchr(text, '\n');
    if (nl)
        *nl = '\0';
    size_t l = strlen(text);
    if (l && text[l - 1] == '\r')
        text[--l] = '\0';
    bool ok = strncmp(text, "ssh-", 4) == 0 || strncmp(text, "ecdsa-", 6) == 0 ||
              strncmp(text, "sk-", 3) == 0;
    for (const unsigned char *p = (const unsigned char *)text; ok && *p; p++)
        ok = *p >= 0x20 && *p != 0x7f;
    if (!ok || !strchr(text, ' ')) {
        cli_fail(_("%s:1: not an SSH public key (ssh-ed25519 AAAA... as ssh-keygen writes it)"),
                 path);
        free(text);
        text = NULL;
    }
    free(path);
    return text;
}

static int cmd_ssh_setup(struct cli *cli)
{
    const char *dir = cli_option(cli, "--keys"), *exe_in = cli_option(cli, "--simsa");
    char db[PATH_MAX], exe[PATH_MAX];
    if (!realpath(cli->db_path, db))
        return cli_fail("%s: %s", cli->db_path, strerror(errno));
    ssize_t n = exe_in ? 0 : readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (exe_in)
        snprintf(exe, sizeof exe, "%s", exe_in);
    else if (n > 0)
        exe[n] = '\0';
    else
        snprintf(exe, sizeof exe, "simsa");
    if (!quotable(db) || !quotable(exe))
        return cli_fail(_("the database's or simsa's path holds a quote, a backslash or a control "
                          "character: move it first"));
    const struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    int rc = EXIT_OK;
    size_t judges = 0;
    /* All the lines or none: `>> authorized_keys` must not append a partial list. */
    struct strbuf out = {0};
    strbuf_printf(&out,
                  _("# simsa: one line per judge for ~/.ssh/authorized_keys of the account that "
                    "holds %s;\n# each key runs only that judge's own session (no shell, no "
                    "forwarding)\n"),
                  db);
    for (size_t i = 0; i < c->n_people; i++) {
        const struct person *p = &c->people[i];
        if (p->role != ROLE_JUDGE)
            continue;
        judges++;
        if (!quotable(p->name)) {
            rc = cli_fail(_("%s: the name holds a quote or a backslash; it cannot be pinned in a "
                            "forced command"),
                          p->name);
            continue;
        }
        char *key = ssh_key_of(cli, dir, p->name);
        if (!key) {
            rc = EXIT_FAIL;
            continue;
        }
        strbuf_printf(&out, "command=\"'%s' -d '%s' --as '%s'\",restrict,pty %s\n", exe, db,
                      p->name, key);
        free(key);
    }
    if (!judges)
        rc = cli_fail("%s", _("there is no judge in this call (simsa person add)"));
    if (rc == EXIT_OK)
        fputs(out.s, stdout);
    else
        fprintf(stderr, "%s\n", _("simsa ssh-setup: no line was printed; give every judge's key"));
    free(out.s);
    return rc;
}

const struct cli_command cli_ssh_commands[] = {
    {
        .name = "ssh-setup",
        .usage = "--keys DIR [--simsa PATH]",
        .summary = N_("authorized_keys lines pinning each judge's SSH key (DIR/NAME.pub) to "
                      "their own session"),
        .run = cmd_ssh_setup,
        .usage_error = N_("usage: simsa ssh-setup --keys DIR [--simsa PATH]"),
        .options = (const char *const[]){"--keys", "--simsa", NULL},
        .required = (const char *const[]){"--keys", NULL},
    },
    {.name = NULL},
};
