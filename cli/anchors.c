/* Anchors outside the file (DESIGN.md Trust): the chain heads this person's simsa has seen, per
 * call, like SSH's known_hosts; the roster published out of band; a head given on the command
 * line. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/keys.h"

static void hash_hex(const uint8_t hash[32], char out[65])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[hash[i] >> 4];
        out[2 * i + 1] = hex[hash[i] & 15];
    }
    out[64] = '\0';
}

static int hex_hash(const char *text, uint8_t out[32])
{
    if (strlen(text) != 64)
        return -1;
    for (int i = 0; i < 32; i++) {
        unsigned v;
        char two[3] = {text[2 * i], text[2 * i + 1], 0};
        if (!strchr("0123456789abcdefABCDEF", two[0]) || !strchr("0123456789abcdefABCDEF", two[1]))
            return -1;
        sscanf(two, "%x", &v);
        out[i] = (uint8_t)v;
    }
    return 0;
}

/* $SIMSA_STATE_DIR, else $XDG_STATE_HOME/simsa, else ~/.local/state/simsa (NULL: none). */
static char *state_dir(void)
{
    const char *d = getenv("SIMSA_STATE_DIR");
    if (d && *d)
        return xstrdup(d);
    d = getenv("XDG_STATE_HOME");
    if (d && *d == '/')
        return xasprintf("%s/simsa", d);
    d = getenv("HOME");
    if (d && *d == '/')
        return xasprintf("%s/.local/state/simsa", d);
    return NULL;
}

static void mkdirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            mkdir(p, 0700);
            *s = '/';
        }
    }
    mkdir(p, 0700);
    free(p);
}

struct known_head {
    char call[CALL_ID_HEX + 1];
    int64_t seq;
    char hash[65];
};

static size_t known_read(const char *file, struct known_head **out)
{
    *out = NULL;
    FILE *f = fopen(file, "r");
    if (!f)
        return 0;
    size_t n = 0, cap = 0;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        struct known_head h;
        long long seq;
        if (sscanf(line, "%32s %lld %64s", h.call, &seq, h.hash) != 3 || seq < 1)
            continue;
        h.seq = seq;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, cap * sizeof **out);
        }
        (*out)[n++] = h;
    }
    fclose(f);
    return n;
}

static void known_write(const char *dir, const char *file, const struct known_head *v, size_t n)
{
    char *tmp = xasprintf("%s/.known_heads.%ld", dir, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        free(tmp);
        return;
    }
    fputs("# simsa: the latest audit chain head seen of each call (call id, event, hash)\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s %" PRId64 " %s\n", v[i].call, v[i].seq, v[i].hash);
    if (fclose(f) == 0)
        rename(tmp, file);
    else
        unlink(tmp);
    free(tmp);
}

void cli_known_head(struct store *st, const char *db_path)
{
    char call[CALL_ID_HEX + 1];
    int64_t seq;
    uint8_t head[32];
    if (store_call_id(st, call) < 0 || store_head(st, &seq, head) < 0 || seq == 0)
        return;
    char *dir = state_dir();
    if (!dir)
        return;
    mkdirs(dir);
    char *file = xasprintf("%s/known_heads", dir);
    struct known_head *v = NULL;
    size_t n = known_read(file, &v), at = n;
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].call, call) == 0)
            at = i;
    char here[65];
    hash_hex(head, here);
    bool update = true;
    if (at < n) {
        uint8_t then[32];
        bool found = false;
        char then_hex[65] = "";
        if (v[at].seq <= seq && store_event_hash_at(st, v[at].seq, then, &found) == 0 && found)
            hash_hex(then, then_hex);
        if (strcmp(then_hex, v[at].hash) != 0) {
            fprintf(stderr,
                    _("simsa: warning: %s does not extend the audit chain this simsa saw "
                      "before: it saw event %lld:%.16s… of this call, the file ends at event "
                      "%lld:%.16s…; it may have been rolled back or rewritten (compare with a "
                      "head printed in a workbook or notification: simsa verify --head)\n"),
                    db_path, (long long)v[at].seq, v[at].hash, (long long)seq, here);
            update = false;
        } else if (v[at].seq == seq) {
            update = false;
        }
    }
    if (update) {
        if (at == n) {
            v = xrealloc(v, (n + 1) * sizeof *v);
            n++;
        }
        snprintf(v[at].call, sizeof v[at].call, "%s", call);
        v[at].seq = seq;
        snprintf(v[at].hash, sizeof v[at].hash, "%s", here);
        known_write(dir, file, v, n);
    }
    free(v);
    free(file);
    free(dir);
}

int cli_check_head(struct store *st, const char *given, struct diags *d)
{
    long long seq = 0;
    char hex[80] = "";
    uint8_t want[32], have[32];
    if (sscanf(given, "%lld:%79s", &seq, hex) != 2 || seq < 1 || hex_hash(hex, want) < 0)
        return cli_usage(_("--head %s: give SEQ:HASH, the event number and its 64 hex digits"),
                         given);
    bool found = false;
    if (store_event_hash_at(st, seq, have, &found) < 0)
        return cli_fail("%s", store_errmsg(st));
    if (!found)
        diags_add(d, NULL, 0, 0,
                  _("head %lld: the chain has no event %lld: it was rolled back below the head "
                    "given"),
                  seq, seq);
    else if (memcmp(have, want, 32) != 0)
        diags_add(d, NULL, 0, 0,
                  _("head %lld: event %lld has another hash: the history up to it was "
                    "rewritten"),
                  seq, seq);
    return EXIT_OK;
}

void cli_roster_print(const struct call *c, const char *call_id)
{
    printf(_("# simsa roster of call %s (%s): publish it apart from the database; check a "
             "file with simsa verify --roster FILE\n"),
           call_id, c->program.id);
    for (size_t i = 0; i < c->n_people; i++) {
        char line[17 + 1 + 64 + 1];
        public_key_line(&c->people[i].pub, line);
        printf("%s\t%s\t%s\n", role_name(c->people[i].role), c->people[i].name, line);
    }
}

int cli_check_roster(const struct call *c, const char *path, struct diags *d)
{
    size_t len = 0;
    char *text = cli_read_input(path, &len);
    if (!text)
        return -1;
    bool *seen = xcalloc(c->n_people + 1, sizeof *seen);
    long lineno = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (!l || line[0] == '#')
            continue;
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        enum role role;
        struct public_key pub;
        if (!tab2 || (*tab1 = '\0', *tab2 = '\0', role_parse(line, &role) < 0) ||
            public_key_line_parse(tab2 + 1, &pub) < 0) {
            diags_add(d, path, lineno, 0, "%s",
                      _("not a roster line (role, name and key, separated by tabs)"));
            continue;
        }
        const char *name = tab1 + 1;
        const struct person *p = call_find_person(c, name);
        char hex[17];
        key_id_hex(pub.key_id, hex);
        if (!p) {
            diags_add(d, path, lineno, 0, _("%s: in the roster, but not a person of this call"),
                      name);
            continue;
        }
        seen[p - c->people] = true;
        if (p->role != role)
            diags_add(d, path, lineno, 0, _("%s: the roster says %s, the call says %s"), name,
                      role_name(role), role_name(p->role));
        else if (memcmp(p->pub.key_id, pub.key_id, KEY_ID_BYTES) != 0 ||
                 memcmp(p->pub.pk, pub.pk, PUBLIC_KEY_BYTES) != 0) {
            char theirs[17];
            key_id_hex(p->pub.key_id, theirs);
            diags_add(d, path, lineno, 0,
                      _("%s: the call holds another key (%s) than the roster's (%s)"), name, theirs,
                      hex);
        }
    }
    for (size_t i = 0; i < c->n_people; i++)
        if (!seen[i])
            diags_add(d, path, 0, 0, _("%s: a person of this call (%s) the roster does not name"),
                      c->people[i].name, role_name(c->people[i].role));
    free(seen);
    free(text);
    return 0;
}
