/* People and panels: everyone with their role and key id; the panels with their judges and
 * applications. The secretariat adds people (a key pair made, the passphrase asked twice) and
 * sets up a panel per business field, assigning that field's applications to it (R6.3). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "db/write.h"
#include "tui/form.h"
#include "tui/page.h"
#include "tui/table.h"

enum people_column { COL_NAME, COL_ROLE, COL_KEY, COL_PANELS, COL_COUNT };

static const struct table_column people_columns[COL_COUNT] = {
    [COL_NAME] = {.title = N_("name"), .min_width = 8, .max_width = 20, .searched = true},
    [COL_ROLE] = {.title = N_("role"), .min_width = 8, .searched = true},
    [COL_KEY] = {.title = N_("key id"), .min_width = 16},
    [COL_PANELS] = {.title = N_("panels"), .min_width = 10, .squeeze = 1, .searched = true},
};

struct people {
    struct table table; /* row i is t->call.people[i] */
    struct page panels;
};

static const char *role_text(enum role r)
{
    return role_label(r);
}

static char *panels_of(const struct call *c, int64_t person)
{
    struct strlist names = {0};
    for (size_t i = 0; i < c->n_panels; i++)
        for (size_t k = 0; k < c->panels[i].n_judges; k++)
            if (c->panels[i].judges[k] == person)
                strlist_add(&names, c->panels[i].name);
    char *s = strlist_join(&names, ", ");
    strlist_free(&names);
    return s;
}

static void panels_page(struct tui *t, struct page *pg)
{
    const struct call *c = &t->call;
    page_clear(pg);
    page_addf(pg, STYLE_HEADER, 0, _("Panels (R6.3: %d judges each)"), c->program.judges);
    if (!c->n_panels)
        page_add(pg, STYLE_DIM, 2, _("no panels: every judge scores every application"));
    for (size_t i = 0; i < c->n_panels; i++) {
        const struct panel *p = &c->panels[i];
        struct strlist names = {0};
        for (size_t k = 0; k < p->n_judges; k++) {
            const struct person *j = call_person_by_id(c, p->judges[k]);
            strlist_add(&names, j ? j->name : "?");
        }
        size_t apps = 0;
        for (size_t k = 0; k < c->n_apps; k++)
            apps += c->apps[k].panel == p->id;
        char *judges = strlist_join(&names, ", ");
        page_addf(pg, STYLE_NORMAL, 4, _("%s: %s; %zu application(s)"), p->name, judges, apps);
        free(judges);
        strlist_free(&names);
    }
}

static void people_build(struct tui *t, struct people *s)
{
    const struct call *c = &t->call;
    table_clear(&s->table);
    for (size_t i = 0; i < c->n_people; i++) {
        const struct person *p = &c->people[i];
        size_t row = table_add_row(&s->table, p->id == t->me ? STYLE_STRONG : STYLE_NORMAL, 0);
        char hex[17];
        key_id_hex(p->pub.key_id, hex);
        char *panels = panels_of(c, p->id);
        table_set(&s->table, row, COL_NAME, p->name, 0);
        table_set(&s->table, row, COL_ROLE, role_text(p->role), p->role);
        table_set(&s->table, row, COL_KEY, hex, 0);
        table_set(&s->table, row, COL_PANELS, panels, 0);
        free(panels);
    }
    table_refresh(&s->table);
    panels_page(t, &s->panels);
}

static void *people_open(struct tui *t, const void *arg)
{
    (void)arg;
    struct people *s = xcalloc(1, sizeof *s);
    table_init(&s->table, people_columns, COL_COUNT);
    s->table.sortable = true;
    people_build(t, s);
    return s;
}

static void people_close(void *state)
{
    struct people *s = state;
    table_free(&s->table);
    page_free(&s->panels);
    free(s);
}

static void people_reload(struct tui *t, void *state)
{
    people_build(t, state);
}

static void people_draw(struct tui *t, void *state, const struct area *body)
{
    struct people *s = state;
    int panel_rows = (int)s->panels.n + 1;
    if (panel_rows > body->height / 2)
        panel_rows = body->height / 2;
    struct area top = *body, bottom = *body;
    top.height = body->height - panel_rows;
    bottom.top = top.top + top.height;
    bottom.height = panel_rows;
    table_draw(&s->table, t, &top);
    page_draw(&s->panels, t, &bottom);
}

/* ---- Adding a person ---- */

enum { PERSON_NAME, PERSON_ROLE, PERSON_PASS, PERSON_AGAIN };

static void person_check(struct tui *t, struct form *f)
{
    struct form_field *name = &f->fields[PERSON_NAME], *again = &f->fields[PERSON_AGAIN];
    char *text = form_text(name);
    const char *refusal = *text ? person_name_refusal(text) : NULL;
    if (refusal)
        snprintf(name->note, sizeof name->note, "✗ %s", refusal);
    else if (*text && call_find_person(&t->call, text))
        snprintf(name->note, sizeof name->note, _("✗ there is already a person named %s"), text);
    name->note_bad = refusal || (*text && call_find_person(&t->call, text));
    free(text);
    char *p1 = form_text(&f->fields[PERSON_PASS]), *p2 = form_text(again);
    struct form_field *pass = &f->fields[PERSON_PASS];
    const char *short_pass = *p1 ? text_passphrase_refusal(p1, strlen(p1)) : NULL;
    pass->note_bad = short_pass != NULL;
    snprintf(pass->note, sizeof pass->note, "%s%s", short_pass ? "✗ " : "",
             short_pass ? short_pass : "");
    again->note_bad = *p2 && strcmp(p1, p2) != 0;
    snprintf(again->note, sizeof again->note, "%s",
             again->note_bad ? _("✗ the two passphrases differ") : "");
    explicit_bzero(p1, strlen(p1));
    explicit_bzero(p2, strlen(p2));
    free(p1);
    free(p2);
}

static int person_submit(struct tui *t, struct form *f)
{
    static const enum role roles[] = {ROLE_JUDGE, ROLE_SECRETARIAT, ROLE_INSPECTOR};
    char *name = form_text(&f->fields[PERSON_NAME]);
    char *pass = form_text(&f->fields[PERSON_PASS]);
    enum role role = roles[f->fields[PERSON_ROLE].choice];
    struct public_key pub;
    struct sealed_key sealed = {0};
    const char *why = text_passphrase_refusal(pass, strlen(pass));
    int rc = why ? -1 : key_generate(pass, strlen(pass), &pub, &sealed, &why);
    explicit_bzero(pass, strlen(pass));
    free(pass);
    const struct person *me = tui_me(t);
    if (rc < 0) {
        snprintf(f->error, sizeof f->error, _("cannot make a key: %s"), why ? why : "?");
    } else if (store_begin(t->store) ||
               write_person(t->store, me->name, name, role, &pub, &sealed, NULL) ||
               store_commit(t->store)) {
        snprintf(f->error, sizeof f->error, _("%s: %s; nothing was changed"), name,
                 store_errmsg(t->store));
        store_rollback(t->store);
        rc = -1;
    } else {
        char hex[17];
        key_id_hex(pub.key_id, hex);
        tui_changed(t, _("added %s (%s), key %s"), name, role_text(role), hex);
    }
    sealed_key_free(&sealed);
    free(name);
    return rc < 0 ? -1 : 0;
}

static void person_add(struct tui *t)
{
    if (!tui_may(t, ROLE_SECRETARIAT))
        return;
    struct form *f = form_new(_("Add a person"));
    form_intro(f, "%s", _("A key pair is made for them; their passphrase seals the secret key."));
    form_add(f, FIELD_TEXT, _("Name"), NULL);
    const char *roles[] = {_("judge"), _("secretariat"), _("inspector")};
    form_add_choice(f, _("Role"), roles, 3, 0);
    form_add(f, FIELD_PASSWORD, _("Passphrase"), NULL);
    form_add(f, FIELD_PASSWORD, _("Passphrase again"), NULL);
    f->check = person_check;
    f->submit = person_submit;
    f->submit_label = _("add");
    tui_form_open(t, f);
}

/* ---- Setting up a panel ---- */

struct panel_form {
    int64_t *judges; /* person id of each yes/no field after the first two */
    size_t n_judges;
    struct strlist fields; /* business fields offered for assignment ("" = none) */
};

static void panel_form_free(void *ctx)
{
    struct panel_form *pf = ctx;
    free(pf->judges);
    strlist_free(&pf->fields);
    free(pf);
}

static size_t chosen_judges(const struct form *f, const struct panel_form *pf, int64_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < pf->n_judges; i++)
        if (f->fields[2 + i].yes)
            out[n++] = pf->judges[i];
    return n;
}

static void panel_check(struct tui *t, struct form *f)
{
    struct panel_form *pf = f->ctx;
    int64_t *chosen = xcalloc(pf->n_judges + 1, sizeof *chosen);
    size_t n = chosen_judges(f, pf, chosen);
    char *name = form_text(&f->fields[0]);
    struct strlist problems = {0};
    call_panel_check(&t->call, name, chosen, n, &problems);
    f->summary_bad = problems.n > 0;
    if (problems.n)
        snprintf(f->summary, sizeof f->summary, "✗ %s", problems.v[0]);
    else
        snprintf(f->summary, sizeof f->summary, _("✓ %zu judges chosen"), n);
    strlist_free(&problems);
    free(name);
    free(chosen);
}

static int panel_submit(struct tui *t, struct form *f)
{
    struct panel_form *pf = f->ctx;
    int64_t *chosen = xcalloc(pf->n_judges + 1, sizeof *chosen);
    size_t n = chosen_judges(f, pf, chosen), assigned = 0;
    char *name = form_text(&f->fields[0]);
    const char *field = pf->fields.v[f->fields[1].choice];
    const char *actor = tui_me(t)->name;
    struct panel fresh = {.name = name};
    int rc =
        store_begin(t->store) || write_panel(t->store, &t->call, actor, name, chosen, n, &fresh.id);
    if (rc == 0 && *field) {
        for (size_t i = 0; rc == 0 && i < t->call.n_apps; i++) {
            const struct app_record *r = &t->call.apps[i];
            /* R6.6: ineligible applications are not assigned (call_assign_refusal). */
            if (strcmp(r->a.industry, field) == 0 && !call_assign_refusal(r, fresh.id)) {
                rc = write_assign(t->store, actor, &fresh, r);
                assigned++;
            }
        }
    }
    if (rc || store_commit(t->store)) {
        snprintf(f->error, sizeof f->error, _("%s: %s; nothing was changed"), name,
                 store_errmsg(t->store));
        store_rollback(t->store);
        rc = -1;
    } else {
        tui_changed(t, _("panel %s: %zu judges, %zu application(s) assigned"), name, n, assigned);
    }
    free(name);
    free(chosen);
    return rc ? -1 : 0;
}

static void panel_add(struct tui *t)
{
    if (!tui_may(t, ROLE_SECRETARIAT))
        return;
    const struct call *c = &t->call;
    struct panel_form *pf = xcalloc(1, sizeof *pf);
    pf->judges = xcalloc(c->n_people + 1, sizeof *pf->judges);
    strlist_add(&pf->fields, "");
    for (size_t i = 0; i < c->n_apps; i++) {
        bool seen = false;
        for (size_t k = 0; k < pf->fields.n; k++)
            seen |= strcmp(pf->fields.v[k], c->apps[i].a.industry) == 0;
        if (!seen)
            strlist_add(&pf->fields, c->apps[i].a.industry);
    }
    struct form *f = form_new(_("Set up a panel"));
    f->ctx = pf;
    f->ctx_free = panel_form_free;
    form_add(f, FIELD_TEXT, _("Name"), NULL);
    struct strlist shown = {0};
    strlist_add(&shown, _("(none now)"));
    for (size_t k = 1; k < pf->fields.n; k++)
        strlist_add(&shown, pf->fields.v[k]);
    form_add_choice(f, _("Assign the field"), (const char *const *)shown.v, shown.n, 0);
    strlist_free(&shown);
    for (size_t i = 0; i < c->n_people; i++) {
        if (c->people[i].role != ROLE_JUDGE)
            continue;
        pf->judges[pf->n_judges++] = c->people[i].id;
        form_add(f, FIELD_YESNO, c->people[i].name, "no");
    }
    f->check = panel_check;
    f->submit = panel_submit;
    f->submit_label = _("set up");
    tui_form_open(t, f);
}

static enum result people_key(struct tui *t, void *state, enum action a)
{
    struct people *s = state;
    switch (a) {
    case ACTION_ADD:
        person_add(t);
        return RESULT_HANDLED;
    case ACTION_ADD_PANEL:
        panel_add(t);
        return RESULT_HANDLED;
    case ACTION_CLICK:
        table_click(&s->table, t->click_y, t->click_x);
        return RESULT_HANDLED;
    default:
        return table_key(&s->table, a);
    }
}

static void people_filter(struct tui *t, void *state, const char *text)
{
    (void)t;
    struct people *s = state;
    table_filter(&s->table, text);
}

static void people_info(struct tui *t, void *state, char *buf, size_t n)
{
    (void)t;
    struct people *s = state;
    table_position(&s->table, buf, n);
}

static const struct binding people_bindings[] = {
    {.key = 'n', .action = ACTION_ADD, .status = true, .help = N_("add a person (secretariat)")},
    {.key = 'm', .action = ACTION_ADD_PANEL, .status = true},
    {.key = 'o', .action = ACTION_SORT, .help = N_("sort by the chosen column")},
    {.key = '/',
     .action = ACTION_FILTER,
     .help = N_("show only people whose name, role or panels contain the text")},
    {.action = ACTION_NONE},
};

const struct screen screen_people = {
    .name = N_("People and panels"),
    .open = people_open,
    .close = people_close,
    .draw = people_draw,
    .key = people_key,
    .reload = people_reload,
    .filter = people_filter,
    .info = people_info,
    .actions = people_bindings,
};
