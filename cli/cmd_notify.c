/* notify: one ready-to-send e-mail draft (RFC 5322 .eml, UTF-8) per applicant, with the
 * notification core/notify.c composes (R12.4). Writing the drafts changes nothing in the
 * database. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/notify.h"
#include "core/revision.h"
#include "core/text.h"
#include "db/final.h"
#include "db/write.h"

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void base64_add(struct strbuf *b, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)s[i + 1] << 8;
        if (i + 2 < n)
            v |= s[i + 2];
        char q[4] = {b64[(v >> 18) & 63], b64[(v >> 12) & 63], i + 1 < n ? b64[(v >> 6) & 63] : '=',
                     i + 2 < n ? b64[v & 63] : '='};
        strbuf_add(b, q, 4);
    }
}

static bool plain_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x7f || (unsigned char)*s < 0x20 || *s == '"' || *s == '\\' ||
            *s == '=' || *s == '?')
            return false;
    return true;
}

/* RFC 2047 encoded words, each at most 75 characters, never splitting a UTF-8 character;
 * folded onto continuation lines. Plain ASCII text is written as it is. */
static void encoded_words(struct strbuf *b, const char *s)
{
    if (plain_ascii(s)) {
        strbuf_puts(b, s);
        return;
    }
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n) {
            size_t k = j + 1;
            while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
                k++;
            if (k - i > 42)
                break;
            j = k;
        }
        if (j == i) /* one character longer than a word: cannot happen in UTF-8 */
            j = i + 1;
        if (i > 0)
            strbuf_puts(b, "\r\n ");
        strbuf_puts(b, "=?UTF-8?B?");
        base64_add(b, (const unsigned char *)s + i, j - i);
        strbuf_puts(b, "?=");
        i = j;
    }
}

/* "2026-12-03T11:35:06Z" (UTC) as a time_t; -1 when it is not one. */
static time_t utc_parse(const char *at)
{
    struct tm tm = {0};
    if (sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) != 6)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* RFC 5322 date in Korea time: "Thu, 03 Dec 2026 20:35:06 +0900". */
static void mail_date(time_t t, char out[40])
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t k = t + 9 * 3600;
    struct tm tm;
    gmtime_r(&k, &tm);
    snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0900", days[tm.tm_wday], tm.tm_mday,
             months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* An id as it may stand in a Message-ID: letters, digits, '.', '-' and '_'; others become '_'. */
static void msgid_part(struct strbuf *b, const char *s)
{
    for (; *s; s++) {
        char ch = *s;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
        strbuf_add(b, ok ? &ch : "_", 1);
    }
}

static char *draft_text(const struct call *c, const struct notify_input *in, time_t now,
                        int revision)
{
    struct strbuf b = {0};
    char date[40];
    mail_date(now, date);
    char *subject = notify_subject(in);
    char *body = notify_body(in);
    const struct application *a = in->app;
    const char *name = a->contact_name && a->contact_name[0] ? a->contact_name : a->company;
    strbuf_puts(&b, "MIME-Version: 1.0\r\n");
    strbuf_printf(&b, "Date: %s\r\n", date);
    strbuf_puts(&b, "Message-ID: <simsa.");
    msgid_part(&b, c->program.id);
    strbuf_puts(&b, ".");
    msgid_part(&b, a->id);
    strbuf_printf(&b, ".r%d.%lld@simsa.invalid>\r\n", revision, (long long)now);
    strbuf_puts(&b, "To: ");
    encoded_words(&b, name);
    strbuf_printf(&b, " <%s>\r\n", a->contact_email);
    strbuf_puts(&b, "Subject: ");
    encoded_words(&b, subject);
    strbuf_puts(&b, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                    "Content-Transfer-Encoding: base64\r\n\r\n");
    /* The body with CRLF line ends, base64 in lines of 76. */
    struct strbuf crlf = {0};
    for (const char *s = body; *s; s++) {
        if (*s == '\n')
            strbuf_add(&crlf, "\r", 1);
        strbuf_add(&crlf, s, 1);
    }
    for (size_t i = 0; i < crlf.len; i += 57) {
        size_t n = crlf.len - i < 57 ? crlf.len - i : 57;
        base64_add(&b, (const unsigned char *)crlf.s + i, n);
        strbuf_puts(&b, "\r\n");
    }
    strbuf_free(&crlf);
    free(subject);
    free(body);
    return b.s;
}

static int write_new(int dirfd, const char *dir, const char *name, const char *text)
{
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return cli_fail(_("%s/%s: cannot create: %s"), dir, name, strerror(errno)), -1;
    size_t n = strlen(text), done = 0;
    while (done < n) {
        ssize_t w = write(fd, text + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            cli_fail(_("%s/%s: cannot write: %s"), dir, name, strerror(errno));
            close(fd);
            return -1;
        }
        done += (size_t)w;
    }
    if (close(fd) < 0)
        return cli_fail(_("%s/%s: cannot write: %s"), dir, name, strerror(errno)), -1;
    return 0;
}

static int open_dir(const char *dir)
{
    if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
        cli_fail(_("%s: cannot create the directory: %s"), dir, strerror(errno));
        return -1;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        cli_fail(_("%s: not a directory that can be opened: %s"), dir, strerror(errno));
    return fd;
}

/* Every applicant's file name, checked before anything is written: nothing is written when
 * one is unsafe, exists already or has no usable e-mail address. */
static int check_all(const struct call *c, const bool *skip, int dirfd, const char *dir)
{
    int bad = 0;
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct application *a = &c->apps[i].a;
        if (skip[i])
            continue;
        if (!notify_safe_name(a->id)) {
            cli_fail(_("application %s: its id cannot be a file name"), a->id);
            bad++;
            continue;
        }
        const char *contact = text_contact_refusal(a->contact_name, a->contact_email);
        if (contact) {
            cli_fail(_("application %s: no usable contact e-mail address (%s): %s (correct it with "
                       "simsa app contact)"),
                     a->id, a->contact_email ? a->contact_email : "", contact);
            bad++;
        }
        char *name = xasprintf("%s.eml", a->id);
        struct stat sb;
        if (fstatat(dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0) {
            cli_fail(_("%s/%s: exists already; not overwritten"), dir, name);
            bad++;
        }
        free(name);
    }
    return bad ? -1 : 0;
}

/* R12.4: every signed revision, oldest first, read back from its text (n = 0 when none). */
static int revisions_read(struct store *st, struct revision **out, size_t *n)
{
    struct strlist texts = {0};
    *out = NULL;
    *n = 0;
    if (store_result_texts(st, &texts) < 0) {
        cli_fail("%s", store_errmsg(st));
        return -1;
    }
    struct revision *revs = xcalloc(texts.n ? texts.n : 1, sizeof *revs);
    int rc = 0;
    for (size_t i = 0; i < texts.n && rc == 0; i++) {
        const char *why = NULL;
        if (revision_parse(texts.v[i], (int)i + 1, &revs[i], &why) < 0) {
            cli_fail(_("revision %zu of the final result cannot be read: %s"), i + 1, why);
            rc = -1;
        } else
            *n = i + 1;
    }
    strlist_free(&texts);
    *out = revs;
    return rc;
}

static void revisions_free(struct revision *revs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        revision_free(&revs[i]);
    free(revs);
}

/* changed_only: only those a later revision affected; since > 0: only those whose result a
 * revision after `since` changed (they were told revision `since` or later, so their draft
 * replaces that one). */
static int notify_run(struct cli *cli, const char *dir, bool changed_only, int since)
{
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct store *st = cli->st;
    struct final_state fs = {0};
    if (store_final_state(st, &fs) < 0)
        return cli_fail("%s", store_errmsg(st));
    char nowtext[21];
    store_now(nowtext);
    time_t now = utc_parse(nowtext);
    if (now < 0)
        now = time(NULL);
    sdate revision_day = 0;
    time_t at = fs.final ? utc_parse(fs.at) : -1;
    if (at >= 0)
        revision_day = (sdate)((at + 9 * 3600) / 86400);
    int rc = EXIT_FAIL;
    struct revision *revs = NULL;
    size_t n_revs = 0;
    /* Who a later revision affected (R12.4): the revision whose notification theirs replaces. */
    int *replaces = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *replaces);
    const char **was = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *was);
    bool *skip = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *skip);
    int dirfd = -1;
    if (revisions_read(st, &revs, &n_revs) < 0)
        goto out;
    if (since > 0 && (size_t)since > n_revs) {
        cli_fail(ngettext("--since %d: the final result has %zu revision",
                          "--since %d: the final result has %zu revisions", n_revs),
                 since, n_revs);
        goto out;
    }
    size_t n_changed = 0;
    for (size_t i = 0; i < c->n_apps; i++) {
        replaces[i] = notify_replaced(revs, n_revs, c->apps[i].a.id, &was[i]);
        bool affected = replaces[i] > 0 && replaces[i] >= since;
        skip[i] = changed_only && !affected;
        n_changed += affected;
    }
    if (changed_only && !n_changed && since > 0) {
        printf(_("no applicant's result changed after revision %d\n"), since);
        rc = EXIT_OK;
        goto out;
    }
    if (changed_only && !n_changed) {
        printf(_("no applicant's result changed since the revision they were notified of\n"));
        rc = EXIT_OK;
        goto out;
    }
    dirfd = open_dir(dir);
    if (dirfd < 0 || check_all(c, skip, dirfd, dir) < 0)
        goto out;
    struct rank_result res = {0};
    call_rank(c, &res);
    bool *promoted = notify_promoted_flags(c, &res);
    size_t written = 0;
    rc = EXIT_OK;
    for (size_t i = 0; i < res.n && rc == EXIT_OK; i++) {
        const struct rank_row *row = &res.rows[i];
        const struct app_record *r = &c->apps[row->app];
        if (skip[row->app])
            continue;
        struct notify_input in;
        notify_input_of(c, row, promoted, &in);
        in.revision = fs.final ? fs.count : 0;
        in.revision_date = revision_day;
        in.replaces = replaces[row->app];
        in.was = was[row->app];
        char *text = draft_text(c, &in, now, in.revision);
        char *name = xasprintf("%s.eml", r->a.id);
        if (write_new(dirfd, dir, name, text) < 0)
            rc = EXIT_FAIL;
        else
            written++;
        free(name);
        free(text);
        notify_input_free(&in);
    }
    free(promoted);
    rank_result_free(&res);
    printf(ngettext("%s: %zu notification draft written\n", "%s: %zu notification drafts written\n",
                    (unsigned long)written),
           dir, written);
    if (!fs.final)
        fprintf(stderr, _("simsa: warning: no final result is signed yet; the drafts show the "
                          "result as it stands now\n"));
out:
    if (dirfd >= 0)
        close(dirfd);
    free(skip);
    free(was);
    free(replaces);
    revisions_free(revs, n_revs);
    return rc;
}

/* notify parses itself: an unknown option is named without the usage line. */
static int cmd_notify(struct cli *cli)
{
    static const char *const with_value[] = {"-o", "--since", NULL};
    static const char *const flags[] = {"--changed", NULL};
    int n = cli_positional(cli->argc, cli->argv, with_value, flags, NULL, 0);
    if (n < 0)
        return EXIT_USAGE;
    const char *dir = cli_option(cli, "-o"), *since_text = cli_option(cli, "--since");
    if (n != 0 || !dir || !dir[0])
        return cli_usage_error(cli);
    int since = 0;
    if (since_text) {
        char *end;
        long v = strtol(since_text, &end, 10);
        if (!*since_text || *end || v < 1 || v > 1000000)
            return cli_usage(_("--since \"%s\": a revision number, 1 or more"), since_text);
        since = (int)v;
    }
    return notify_run(cli, dir, cli_has_flag(cli, "--changed") || since > 0, since);
}

/* The dates an agreement sets, as `agree` and `app show` print them (R12.3). */
void cli_print_agreement(FILE *out, const struct program *p, sdate agreed)
{
    struct agreement_dates t;
    agreement_dates(p, agreed, &t);
    char day[11], won[32];
    date_format(t.agreed, day);
    fprintf(out, _("agreement:           %s\n"), day);
    date_format(t.copay_due, day);
    fprintf(out, _("co-payment due:      %s\n"), day);
    amount_format(t.advance, won, sizeof won);
    fprintf(out, _("advance payment:     %s\n"), won);
    date_format(t.project_end, day);
    fprintf(out, _("project end:         %s\n"), day);
    date_format(t.dev_done_by, day);
    fprintf(out, _("development done by: %s\n"), day);
}

/* R12.3: the agreement (3자 협약) of a selected application, signed by the secretariat. */
static int cmd_agree(struct cli *cli)
{
    const char *date_in = cli_option(cli, "--date"), *why = NULL;
    sdate date;
    if (date_parse(date_in, &date, &why) < 0)
        return cli_usage(_("--date %s: %s"), date_in, why);
    struct call *c = cli_call(cli);
    if (!c)
        return EXIT_FAIL;
    struct app_record *r = cli->app;
    if (cli_begin(cli, r->a.id) < 0)
        return EXIT_FAIL;
    if (write_agreement(cli->st, c, r, date, cli->actor, &cli->key))
        return cli_rollback_fail(cli->st, r->a.id);
    fprintf(cli->out, _("%s: agreement recorded\n"), r->a.id);
    cli_print_agreement(cli->out, &c->program, date);
    return EXIT_OK;
}

const struct cli_command cli_notify_commands[] = {
    {
        .name = "agree",
        .usage = "APP --date YYYY-MM-DD",
        .summary = N_("record a selected application's agreement; shows the dates it sets (R12.3)"),
        .run = cmd_agree,
        .usage_error = N_("usage: simsa agree APP --date YYYY-MM-DD"),
        .min_args = 1,
        .max_args = 1,
        .app_arg = 1,
        .options = (const char *const[]){"--date", NULL},
        .required = (const char *const[]){"--date", NULL},
        .actor = CLI_ACT_SECRETARIAT,
        .writes = true,
    },
    {
        .name = "notify",
        .usage = "-o DIR [--changed] [--since N]",
        .summary = N_("write one e-mail draft (.eml) per applicant with its notification"),
        .run = cmd_notify,
        .usage_error = N_("usage: simsa notify -o DIR [--changed] [--since N]"),
        .parses_itself = true,
    },
    {.name = NULL},
};
