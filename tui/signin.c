/* Who is at the keyboard: signing in (a person and the passphrase that unlocks their key for
 * signing; reading needs none), what their role lets them change, and the clock. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/session.h"
#include "tui/form.h"
#include "tui/screen.h"

const struct person *tui_me(const struct tui *t)
{
    return t->me ? call_person_by_id(&t->call, t->me) : NULL;
}

bool tui_may(struct tui *t, enum role role)
{
    const struct person *me = tui_me(t);
    if (!me) {
        tui_message(t, true, "%s", _("sign in first (S): reading needs no sign-in, changes do"));
        return false;
    }
    /* The secretariat may record an inspection too (R13), as on the command line. */
    if (me->role == role || (role == ROLE_INSPECTOR && me->role == ROLE_SECRETARIAT))
        return true;
    if (role == ROLE_INSPECTOR)
        tui_message(t, true,
                    _("%s is signed in as %s: only an inspector or the secretariat makes this "
                      "change"),
                    me->name, role_label(me->role));
    else
        tui_message(t, true, _("%s is signed in as %s: only the %s makes this change"), me->name,
                    role_label(me->role), role_label(role));
    return false;
}

const struct person *tui_viewer(const struct tui *t)
{
    if (t->pinned)
        return call_find_person(&t->call, t->pinned);
    return tui_me(t);
}

bool tui_scores_hidden(const struct tui *t, const struct app_record *r)
{
    const struct person *v = tui_viewer(t);
    return v && session_visibility(&t->call, r, v) != SEE_ALL;
}

int64_t tui_now_ms(const struct tui *t)
{
    const char *fixed = t->clock_env;
    if (fixed && strncmp(fixed, "file:", 5) == 0) {
        FILE *fp = fopen(fixed + 5, "r");
        long long ms = 0;
        if (fp) {
            if (fscanf(fp, "%lld", &ms) != 1)
                ms = 0;
            fclose(fp);
        }
        return ms;
    }
    if (fixed && *fixed)
        return strtoll(fixed, NULL, 10);
    /* Wall time, not a monotonic clock: the room's clock is shared between terminals. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void tui_changed(struct tui *t, const char *fmt, ...)
{
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    /* A signed change is in the log: fold the WAL into the file, so a copy of it is current. */
    store_checkpoint(t->store);
    if (tui_refresh(t) == 0)
        tui_message(t, false, "%s", text);
}

/* ---- The sign-in form ---- */

static int signin_submit(struct tui *t, struct form *f)
{
    const struct person *p =
        t->pinned ? call_find_person(&t->call, t->pinned) : &t->call.people[f->fields[0].choice];
    char *pass = form_text(&f->fields[1]);
    const char *why = NULL;
    struct secret_key key = {0};
    int rc = key_unseal(&p->sealed, pass, strlen(pass), &key, &why);
    explicit_bzero(pass, strlen(pass));
    free(pass);
    if (rc < 0) {
        snprintf(f->error, sizeof f->error, "%s: %s", p->name, why ? why : "?");
        lineedit_wipe(&f->fields[1].edit);
        return -1;
    }
    secret_key_wipe(&t->key);
    t->key = key;
    t->me = p->id;
    /* Every change from now on is made, and signed, by this person (DESIGN.md Trust). */
    store_set_actor(t->store, p, &t->key);
    char *name = xstrdup(p->name);
    enum role role = p->role;
    /* ... and every view is what they may see (p is not used after: the call is read again). */
    tui_refresh(t);
    tui_message(t, false, _("signed in as %s (%s)"), name, role_label(role));
    free(name);
    return 0;
}

void tui_sign_out(struct tui *t)
{
    store_set_actor(t->store, NULL, NULL);
    secret_key_wipe(&t->key);
    t->me = 0;
}

void tui_sign_in(struct tui *t, const char *preselect)
{
    if (t->me && t->pinned) {
        tui_message(t, true,
                    _("this session is %s's only (simsa --as): nobody else signs in "
                      "here"),
                    t->pinned);
        return;
    }
    if (t->me) {
        const struct person *me = tui_me(t);
        tui_message(t, false, _("%s signed out: reading only"), me ? me->name : "");
        tui_sign_out(t);
        tui_refresh(t); /* the views were the person's */
        return;
    }
    if (t->pinned && !call_find_person(&t->call, t->pinned)) {
        tui_message(t, true, _("--as %s: no such person (see simsa person list)"), t->pinned);
        return;
    }
    if (!t->call.n_people) {
        tui_message(t, true, "%s", _("nobody to sign in as: add people first (simsa person add)"));
        return;
    }
    struct form *f = form_new(_("Sign in"));
    form_intro(f, "%s", _("Choose who you are; your passphrase unlocks your key for signing."));
    struct strlist names = {0};
    size_t initial = 0;
    for (size_t i = 0; i < t->call.n_people; i++) {
        const struct person *p = &t->call.people[i];
        if (t->pinned && strcmp(p->name, t->pinned) != 0)
            continue; /* a pinned session offers its person only */
        char *label = xasprintf("%s (%s)", p->name, role_label(p->role));
        strlist_add(&names, label);
        free(label);
        if (preselect && strcmp(p->name, preselect) == 0 && !t->pinned)
            initial = i;
    }
    form_add_choice(f, _("Person"), (const char *const *)names.v, names.n, initial);
    strlist_free(&names);
    form_add(f, FIELD_PASSWORD, _("Passphrase"), NULL);
    f->focus = preselect ? 1 : 0;
    f->submit = signin_submit;
    f->submit_label = _("sign in");
    tui_form_open(t, f);
}

/* "김간사 (secretariat)" for the title bar, or "read-only" (caller frees). */
char *tui_who_text(const struct tui *t)
{
    const struct person *me = tui_me(t);
    return me ? xasprintf("%s (%s)", me->name, role_label(me->role)) : xstrdup(_("read-only"));
}
