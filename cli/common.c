/* Helpers shared by the commands: messages, files, options, the acting person, passphrases. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/file.h"
#include "core/i18n.h"
#include "core/session.h"
#include "core/text.h"

int cli_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("simsa: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("simsa: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_FAIL;
}

int cli_print_diags(const struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        fprintf(stderr, "%s\n", d->v[i].text);
    return d->n ? EXIT_FAIL : EXIT_OK;
}

int cli_fail_diags(struct diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        cli_fail("%s", d->v[i].text);
    diags_free(d);
    return EXIT_FAIL;
}

#define FILE_MAX (256u << 20) /* 256 MiB: no import is near this */

/* A directory where a file is expected: said so, rather than a bare read error. */
static bool is_directory(const char *path)
{
    struct stat sb;
    return strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

char *cli_read_file(const char *path, size_t *len, struct diags *d)
{
    if (is_directory(path)) {
        diags_add(d, NULL, 0, 0,
                  _("%s is a directory, not a file: give the path of the file itself"), path);
        return NULL;
    }
    FILE *f = stdin;
    if (strcmp(path, "-") != 0) {
        int fd = in_file_open(path, d);
        if (fd < 0)
            return NULL;
        f = fdopen(fd, "rb");
        if (!f) {
            diags_add(d, NULL, 0, 0, "%s: %s", path, strerror(errno));
            close(fd);
            return NULL;
        }
    }
    size_t cap = 65536, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n > FILE_MAX) {
            diags_add(d, NULL, 0, 0, _("%s: larger than %u MiB"), path, FILE_MAX >> 20);
            free(buf);
            if (f != stdin)
                fclose(f);
            return NULL;
        }
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        diags_add(d, NULL, 0, 0, _("%s: read error"), path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *cli_read_input(const char *path, size_t *len)
{
    struct diags d = {0};
    char *data = cli_read_file(path, len, &d);
    if (!data)
        cli_fail_diags(&d);
    return data;
}

int cli_open(struct cli *cli, struct store **st, struct call *c, enum cli_store how)
{
    bool snapshot = how != CLI_STORE_READ;
    struct diags d = {0};
    if (store_open(cli->db_path, st, &d) < 0) {
        cli_fail_diags(&d);
        return -1;
    }
    cli_known_head(*st, cli->db_path);
    if (snapshot && store_read_begin(*st) < 0) {
        cli_fail("%s: %s", cli->db_path, store_errmsg(*st));
        store_close(*st);
        *st = NULL;
        return -1;
    }
    if ((how == CLI_STORE_FACTS ? store_load_facts(*st, c, &d) : store_load(*st, c, &d)) < 0) {
        cli_print_diags(&d);
        diags_free(&d);
        cli_fail("%s: %s", cli->db_path, store_errmsg(*st));
        store_close(*st);
        *st = NULL;
        return -1;
    }
    diags_free(&d);
    cli->st = *st;
    return 0;
}

struct person *cli_actor(struct cli *cli, struct call *c, int role)
{
    if (!cli->as) {
        cli_usage(_("this command needs --as NAME (the person acting)"));
        return NULL;
    }
    struct person *p = call_find_person(c, cli->as);
    if (!p) {
        cli_fail(_("--as %s: no such person (see simsa person list)"), cli->as);
        return NULL;
    }
    if (role >= 0 && p->role != (enum role)role) {
        cli_fail(_("--as %s: this needs a person with the role %s, not %s"), cli->as,
                 role_label((enum role)role), role_label(p->role));
        return NULL;
    }
    return p;
}

int cli_viewer(struct cli *cli, const struct call *c, const struct person **out)
{
    *out = NULL;
    if (!cli->as)
        return 0;
    *out = call_find_person(c, cli->as);
    if (!*out) {
        /* A view for nobody is not everybody's view: refused, never everything shown. */
        cli_fail(_("--as %s: no such person (see simsa person list)"), cli->as);
        return -1;
    }
    return 0;
}

void cli_pass_free(char *pass)
{
    if (pass)
        sodium_free(pass);
}

#define PASS_MAX 1024

static int read_line_fd(int fd, char *buf, size_t *len)
{
    size_t n = 0;
    char ch;
    ssize_t r;
    while (n < PASS_MAX - 1 && (r = read(fd, &ch, 1)) == 1 && ch != '\n')
        buf[n++] = ch;
    if (n > 0 && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    *len = n;
    return 0;
}

static int prompt_tty(const char *prompt, char *buf, size_t *len)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct termios old, quiet;
    if (tcgetattr(fd, &old) < 0) {
        close(fd);
        return -1;
    }
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    quiet.c_lflag |= ICANON;
    if (write(fd, prompt, strlen(prompt)) < 0 || tcsetattr(fd, TCSAFLUSH, &quiet) < 0) {
        close(fd);
        return -1;
    }
    read_line_fd(fd, buf, len);
    tcsetattr(fd, TCSAFLUSH, &old);
    if (write(fd, "\n", 1) < 0) {
        /* nothing to do: the prompt line is cosmetic */
    }
    close(fd);
    return 0;
}

char *cli_read_passphrase(struct cli *cli, const char *prompt, bool twice, size_t *len)
{
    char *pass = sodium_malloc(PASS_MAX);
    if (!pass) {
        cli_fail("%s", _("cannot allocate protected memory for the passphrase"));
        return NULL;
    }
    if (cli->pass_file && is_directory(cli->pass_file)) {
        cli_fail(_("%s is a directory, not a file: give the path of the file itself"),
                 cli->pass_file);
        sodium_free(pass);
        return NULL;
    }
    if (cli->pass_file) {
        int fd = strcmp(cli->pass_file, "-") == 0 ? STDIN_FILENO : open(cli->pass_file, O_RDONLY);
        if (fd < 0) {
            cli_fail("%s: %s", cli->pass_file, strerror(errno));
            sodium_free(pass);
            return NULL;
        }
        read_line_fd(fd, pass, len);
        if (fd != STDIN_FILENO)
            close(fd);
    } else {
        if (prompt_tty(prompt, pass, len) < 0) {
            cli_fail("%s", _("a passphrase is needed: give --passphrase-file FILE (- = stdin) "
                             "or run on a terminal"));
            sodium_free(pass);
            return NULL;
        }
        if (twice) {
            char *again = sodium_malloc(PASS_MAX);
            size_t len2 = 0;
            int same = again && prompt_tty(_("Passphrase again: "), again, &len2) == 0 &&
                       len2 == *len && sodium_memcmp(again, pass, *len) == 0;
            if (again)
                sodium_free(again);
            if (!same) {
                cli_fail("%s", _("the two passphrases differ; nothing was changed"));
                sodium_free(pass);
                return NULL;
            }
        }
    }
    if (*len == 0) {
        cli_fail("%s", _("the passphrase is empty"));
        sodium_free(pass);
        return NULL;
    }
    return pass;
}

int cli_unlock(struct cli *cli, const struct person *p, struct secret_key *key)
{
    /* No core dump may hold the key while it is open. */
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    /* A judge's pack (simsa pack) holds the public key of the secretariat only. */
    if (p->sealed.len == 0) {
        cli_fail(_("%s: this database holds no key of %s: it is a judge's pack (simsa pack), "
                   "where only that judge signs; run this command with -d on the committee's "
                   "database; nothing was changed"),
                 cli->db_path, p->name);
        return -1;
    }
    char prompt[256];
    snprintf(prompt, sizeof prompt, _("Passphrase for %s: "), p->name);
    size_t len = 0;
    char *pass = cli_read_passphrase(cli, prompt, false, &len);
    if (!pass)
        return -1;
    const char *why = NULL;
    int rc = key_unseal(&p->sealed, pass, len, key, &why);
    cli_pass_free(pass);
    if (rc < 0) {
        cli_fail(_("%s: %s; nothing was changed"), p->name,
                 why ? why : _("the key cannot be opened"));
        return -1;
    }
    if (cli->st)
        store_set_actor(cli->st, p, key);
    return 0;
}

int cli_act(struct cli *cli, struct call *c, int role, struct secret_key *key)
{
    const struct person *who = cli_actor(cli, c, role);
    return who && cli_unlock(cli, who, key) == 0 ? 0 : -1;
}

const char *cli_opt(int argc, char **argv, const char *name)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return NULL;
}

bool cli_flag(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return true;
    return false;
}

int cli_positional(int argc, char **argv, const char *const *with_value, const char *const *flags,
                   char **out, int max)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        bool takes = false, known = false;
        for (const char *const *w = with_value; w && *w; w++)
            if (strcmp(argv[i], *w) == 0)
                takes = true;
        if (takes) {
            if (i + 1 >= argc) {
                cli_usage(_("%s needs a value"), argv[i]);
                return -1;
            }
            i++;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            for (const char *const *f = flags; f && *f; f++)
                if (strcmp(argv[i], *f) == 0)
                    known = true;
            if (!known) {
                cli_usage(_("%s: unknown option %s"), argv[0], argv[i]);
                return -1;
            }
            continue;
        }
        if (n < max)
            out[n] = argv[i];
        n++;
    }
    return n;
}

int cli_commit(struct store *st)
{
    if (store_commit(st) < 0) {
        cli_fail(_("could not save: %s; nothing was changed"), store_errmsg(st));
        store_rollback(st);
        return -1;
    }
    return 0;
}

int cli_rollback_fail(struct store *st, const char *what)
{
    cli_fail(_("%s: %s; nothing was changed"), what, store_errmsg(st));
    store_rollback(st);
    return EXIT_FAIL;
}

void cli_cell(const char *s, int width, bool right)
{
    int w = utf8_width(s);
    if (right)
        for (; w < width; w++)
            putchar(' ');
    fputs(s, stdout);
    if (!right)
        for (; w < width; w++)
            putchar(' ');
    putchar(' ');
}

int cli_ranked_view(struct cli *cli,
                    void (*as_csv)(const struct call *, const struct rank_result *,
                                   const struct person *viewer),
                    void (*as_table)(const struct call *, const struct rank_result *,
                                     const struct person *viewer))
{
    struct call *c = cli_call(cli);
    const struct person *viewer = NULL;
    if (!c || cli_viewer(cli, c, &viewer) < 0)
        return EXIT_FAIL;
    struct rank_result res = {0};
    call_rank(c, &res);
    /* --as a judge: the view of that judge (issue 15), whoever runs the command. */
    session_rank_view(c, viewer, &res);
    if (cli_has_flag(cli, "--csv"))
        as_csv(c, &res, viewer);
    else
        as_table(c, &res, viewer);
    rank_result_free(&res);
    return EXIT_OK;
}

void cli_warn_fast_keys(const struct call *c)
{
    for (size_t i = 0; i < c->n_people; i++)
        if (sealed_key_is_fast(&c->people[i].sealed))
            fprintf(stderr,
                    _("simsa: warning: key of %s is sealed with test parameters (SIMSA_KDF_FAST): "
                      "not for real use\n"),
                    c->people[i].name);
}
