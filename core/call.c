/* A whole call in memory and the rules applied to it (see call.h). */
#include "core/call.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/text.h"

void call_app_clear(struct app_record *r)
{
    application_free(&r->a);
    free(r->docs);
    free(r->finance);
    for (size_t i = 0; i < r->n_answers; i++) {
        free(r->answers[i].item);
        free(r->answers[i].note);
    }
    free(r->answers);
    free(r->review_reasons);
    free(r->forfeit_reason);
    free(r->conflicts);
    for (size_t i = 0; i < r->n_bonuses; i++)
        free(r->bonuses[i]);
    free(r->bonuses);
    for (size_t i = 0; i < r->n_sheets; i++) {
        /* The call owns the strings of its sheets (s.app is r->a.id, freed above). */
        free((char *)r->sheets[i].s.opinion);
        free(r->sheets[i].submitted_at);
        const char **comments = r->sheets[i].s.comments;
        for (size_t k = 0; comments && k < PROGRAM_MAX_ITEMS; k++)
            free((char *)comments[k]);
        free(comments);
    }
    free(r->sheets);
    memset(r, 0, sizeof *r);
}

void call_parts_clear(struct call *c)
{
    for (size_t i = 0; i < c->n_people; i++) {
        free(c->people[i].name);
        sealed_key_free(&c->people[i].sealed);
    }
    free(c->people);
    c->people = NULL;
    c->n_people = 0;
    for (size_t i = 0; i < c->n_panels; i++) {
        free(c->panels[i].name);
        free(c->panels[i].judges);
    }
    free(c->panels);
    c->panels = NULL;
    c->n_panels = 0;
    for (size_t i = 0; i < c->n_ties; i++) {
        for (size_t k = 0; k < c->ties[i].n; k++)
            free(c->ties[i].apps[k]);
        free(c->ties[i].apps);
    }
    free(c->ties);
    c->ties = NULL;
    c->n_ties = 0;
    c->has_budget = false;
    c->budget = 0;
}

void call_free(struct call *c)
{
    free(c->program_text);
    program_free(&c->program);
    call_parts_clear(c);
    for (size_t i = 0; i < c->n_apps; i++)
        call_app_clear(&c->apps[i]);
    free(c->apps);
    memset(c, 0, sizeof *c);
}

const char *event_kind_label(const char *kind)
{
    static const char *const kinds[][2] = {
        {"init", N_("new call")},
        {"person add", N_("person added")},
        {"app import", N_("application imported")},
        {"app contact", N_("contact corrected")},
        {"document", N_("document")},
        {"finance", N_("financial figures")},
        {"check", N_("checklist answer")},
        {"review passed", N_("review passed")},
        {"review failed", N_("review failed")},
        {"inspection", N_("site inspection")},
        {"conflict", N_("conflict of interest")},
        {"bonus set", N_("bonus awarded")},
        {"bonus clear", N_("bonus withdrawn")},
        {"budget", N_("budget")},
        {"panel add", N_("panel added")},
        {"panel assign", N_("panel assignment")},
        {"panel order", N_("presentation order")},
        {"sheet submitted", N_("sheet submitted")},
        {"sheet imported", N_("sheet imported")},
        {"sheet packed", N_("submitted sheet packed")},
        {"sheet transcribed", N_("sheet transcribed")},
        {"tie resolve", N_("tie resolved")},
        {"forfeit", N_("forfeit")},
        {"result final", N_("final result")},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i][0], kind) == 0)
            return _(kinds[i][1]);
    return kind;
}

const char *role_label(enum role r)
{
    switch (r) {
    case ROLE_JUDGE:
        return _("judge");
    case ROLE_SECRETARIAT:
        return _("secretariat");
    case ROLE_INSPECTOR:
        return _("inspector");
    }
    return "?";
}

const char *role_name(enum role r)
{
    switch (r) {
    case ROLE_JUDGE:
        return "judge";
    case ROLE_SECRETARIAT:
        return "secretariat";
    case ROLE_INSPECTOR:
        return "inspector";
    }
    return "?";
}

int role_parse(const char *s, enum role *out)
{
    static const struct {
        const char *word;
        enum role role;
    } words[] = {
        {"judge", ROLE_JUDGE},
        {"평가위원", ROLE_JUDGE},
        {"secretariat", ROLE_SECRETARIAT},
        {"간사", ROLE_SECRETARIAT},
        {"inspector", ROLE_INSPECTOR},
        {"조사위원", ROLE_INSPECTOR},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(s, words[i].word) == 0) {
            *out = words[i].role;
            return 0;
        }
    }
    return -1;
}

static int app_cmp_id(const void *key, const void *elem)
{
    return strcmp(key, ((const struct app_record *)elem)->a.id);
}

struct app_record *call_find_app(const struct call *c, const char *id)
{
    if (!c->n_apps)
        return NULL;
    return bsearch(id, c->apps, c->n_apps, sizeof *c->apps, app_cmp_id);
}

struct person *call_find_person(const struct call *c, const char *name)
{
    for (size_t i = 0; i < c->n_people; i++)
        if (strcmp(c->people[i].name, name) == 0)
            return &c->people[i];
    return NULL;
}

struct person *call_person_by_id(const struct call *c, int64_t id)
{
    for (size_t i = 0; i < c->n_people; i++)
        if (c->people[i].id == id)
            return &c->people[i];
    return NULL;
}

struct panel *call_find_panel(const struct call *c, const char *name)
{
    for (size_t i = 0; i < c->n_panels; i++)
        if (strcmp(c->panels[i].name, name) == 0)
            return &c->panels[i];
    return NULL;
}

static const struct panel *panel_by_id(const struct call *c, int64_t id)
{
    for (size_t i = 0; i < c->n_panels; i++)
        if (c->panels[i].id == id)
            return &c->panels[i];
    return NULL;
}

size_t call_app_judges(const struct call *c, const struct app_record *r, int64_t **out)
{
    size_t n = 0;
    const struct panel *p = r->panel ? panel_by_id(c, r->panel) : NULL;
    if (p) {
        *out = xcalloc(p->n_judges + 1, sizeof **out);
        for (size_t i = 0; i < p->n_judges; i++)
            (*out)[n++] = p->judges[i];
        return n;
    }
    /* R6.3: one panel of every judge unless the secretariat sets up more. */
    *out = xcalloc(c->n_people + 1, sizeof **out);
    for (size_t i = 0; i < c->n_people; i++)
        if (c->people[i].role == ROLE_JUDGE)
            (*out)[n++] = c->people[i].id;
    return n;
}

const char *call_unassigned_refusal(const struct call *c, const struct app_record *r, char *buf,
                                    size_t len)
{
    /* With no panel at all, the one default panel is every registered judge (R6.6). Only an
     * application that passed review is assigned: the others are refused for that reason. */
    if (c->n_panels == 0 || r->review != REVIEW_PASSED || (r->panel && panel_by_id(c, r->panel)))
        return NULL;
    snprintf(buf, len,
             _("%s is not assigned to any panel yet (R6.6): assign it with simsa panel assign"),
             r->a.id);
    return buf;
}

bool call_judge_on_app(const struct call *c, const struct app_record *r, int64_t judge)
{
    const struct panel *p = r->panel ? panel_by_id(c, r->panel) : NULL;
    if (p) {
        for (size_t i = 0; i < p->n_judges; i++)
            if (p->judges[i] == judge)
                return true;
        return false;
    }
    const struct person *who = call_person_by_id(c, judge);
    return who && who->role == ROLE_JUDGE;
}

bool call_has_conflict(const struct app_record *r, int64_t judge)
{
    for (size_t i = 0; i < r->n_conflicts; i++)
        if (r->conflicts[i] == judge)
            return true;
    return false;
}

const struct app_sheet *call_sheet_of(const struct app_record *r, int64_t judge)
{
    for (size_t i = 0; i < r->n_sheets; i++)
        if (r->sheets[i].s.judge == judge)
            return &r->sheets[i];
    return NULL;
}

bool call_review_stands(const struct app_record *r)
{
    return r->review != REVIEW_NONE && r->review_seq > 0 && r->review_seq > r->facts_seq;
}

void call_review(const struct call *c, const struct app_record *r, struct review_result *out)
{
    struct checklist_answer *answers = xcalloc(r->n_answers, sizeof *answers);
    for (size_t i = 0; i < r->n_answers; i++) {
        answers[i].item = r->answers[i].item;
        answers[i].answer = r->answers[i].answer;
        answers[i].note = r->answers[i].note;
    }
    struct review_input in = {
        .app = &r->a,
        .docs = r->docs,
        .n_docs = r->n_docs,
        .finance = r->finance,
        .n_finance = r->n_finance,
        .answers = answers,
        .n_answers = r->n_answers,
    };
    review_application(&c->program, &in, out);
    free(answers);
}

char *call_review_reasons_now(const struct call *c, const struct app_record *r)
{
    if (!r->review_reasons)
        return NULL;
    char *out = NULL;
    if (r->review == REVIEW_FAILED && call_review_stands(r)) {
        size_t stored = 0;
        for (const char *p = r->review_reasons; *p;) {
            const char *end = strchr(p, '\n');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            stored += len > 0;
            p += len + (end != NULL);
        }
        struct review_result res = {0};
        call_review(c, r, &res);
        if (!res.passed && res.reasons.n == stored) {
            struct strbuf b = {0};
            for (size_t i = 0; i < res.reasons.n; i++)
                strbuf_printf(&b, "%s%s", i ? "\n" : "", res.reasons.v[i]);
            out = b.s;
        }
        review_result_free(&res);
    }
    return out ? out : xstrdup(r->review_reasons);
}

/* rank's sheets_of: the sheets of one application that count, as rank reads them. Handing them
 * over one application at a time keeps a call of 50,000 sheets from being copied whole. */
static void call_sheets_of(const void *ctx, size_t app, struct sheet *buf)
{
    const struct call *c = ctx;
    const struct app_record *r = &c->apps[app];
    size_t n = 0;
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!sheet_is_counted(c, r, &s->s))
            continue;
        buf[n++] = s->s;
    }
}

static void rank_app_fill(const struct call *c, const struct app_record *r, struct rank_app *ra)
{
    const struct program *p = &c->program;
    int64_t *judges;
    size_t n_judges = call_app_judges(c, r, &judges);
    int conflicts = 0;
    for (size_t i = 0; i < n_judges; i++)
        if (call_has_conflict(r, judges[i]))
            conflicts++;
    free(judges);
    size_t n = 0;
    for (size_t i = 0; i < r->n_sheets; i++)
        n += sheet_is_counted(c, r, &r->sheets[i].s);
    int32_t bonus = 0;
    for (size_t i = 0; i < r->n_bonuses; i++) {
        const struct bonus_def *b = program_bonus(p, r->bonuses[i]);
        if (b)
            bonus += b->points_tenths;
    }
    *ra = (struct rank_app){
        .id = r->a.id,
        .company = r->a.company,
        .review = r->review,
        .review_reasons = r->review_reasons,
        .requested = r->a.requested,
        .panel_judges = (int)n_judges,
        .conflicts = conflicts,
        .n_sheets = n, /* the sheets themselves come from call_sheets_of */
        .bonus_tenths = bonus,
        .forfeited = r->forfeited,
        .forfeit_reason = r->forfeit_reason,
    };
}

static void call_rank_with(const struct call *c, const char *also_forfeit, struct rank_result *out)
{
    struct rank_app *apps = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *apps);
    for (size_t i = 0; i < c->n_apps; i++) {
        rank_app_fill(c, &c->apps[i], &apps[i]);
        if (also_forfeit && strcmp(c->apps[i].a.id, also_forfeit) == 0)
            apps[i].forfeited = true;
    }
    struct tie_order *ties = xcalloc(c->n_ties, sizeof *ties);
    for (size_t i = 0; i < c->n_ties; i++) {
        ties[i].apps = (const char **)c->ties[i].apps;
        ties[i].n = c->ties[i].n;
    }
    struct rank_input in = {
        .program = &c->program,
        .apps = apps,
        .n_apps = c->n_apps,
        .sheets_of = call_sheets_of,
        .sheets_ctx = c,
        .ties = ties,
        .n_ties = c->n_ties,
        .has_budget = c->has_budget,
        .budget = c->budget,
    };
    rank_compute(&in, out);
    free(ties);
    free(apps);
}

void call_rank(const struct call *c, struct rank_result *out)
{
    call_rank_with(c, NULL, out);
}

void call_promotions(const struct call *c, const char *app, struct strlist *promoted)
{
    struct rank_result before = {0}, after = {0};
    call_rank_with(c, NULL, &before);
    call_rank_with(c, app, &after);
    for (size_t i = 0; i < after.n; i++) {
        const struct rank_row *ra = &after.rows[i];
        if (ra->outcome != OUTCOME_SELECTED)
            continue;
        for (size_t k = 0; k < before.n; k++) {
            const struct rank_row *rb = &before.rows[k];
            if (rb->app == ra->app && rb->outcome != OUTCOME_SELECTED)
                strlist_add(promoted, c->apps[ra->app].a.id);
        }
    }
    rank_result_free(&before);
    rank_result_free(&after);
}

enum stage call_app_stage(const struct call *c, const struct app_record *r)
{
    if (r->forfeited)
        return STAGE_FORFEITED;
    if (r->review == REVIEW_NONE)
        return STAGE_RECEIVED;
    if (r->review == REVIEW_FAILED)
        return STAGE_INELIGIBLE;
    int64_t *judges;
    size_t n = call_app_judges(c, r, &judges), done = 0;
    for (size_t i = 0; i < n; i++)
        if (call_has_conflict(r, judges[i]) || call_sheet_of(r, judges[i]))
            done++;
    free(judges);
    if (r->n_sheets > 0)
        return done >= n ? STAGE_SCORED : STAGE_SCORING;
    return r->inspected ? STAGE_INSPECTED : STAGE_REVIEWED;
}

static const char *const stage_names[] = {
    [STAGE_RECEIVED] = N_("received"),   [STAGE_INELIGIBLE] = N_("ineligible"),
    [STAGE_REVIEWED] = N_("reviewed"),   [STAGE_INSPECTED] = N_("inspected"),
    [STAGE_SCORING] = N_("scoring"),     [STAGE_SCORED] = N_("scored"),
    [STAGE_SELECTED] = N_("selected"),   [STAGE_AGREED] = N_("agreed"),
    [STAGE_FORFEITED] = N_("forfeited"),
};

void call_stage_counts(const struct call *c, const struct rank_result *res, int counts[STAGE_COUNT])
{
    for (size_t i = 0; i < STAGE_COUNT; i++)
        counts[i] = 0;
    bool *listed = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *listed);
    bool *selected = xcalloc(c->n_apps ? c->n_apps : 1, sizeof *selected);
    for (size_t k = 0; k < res->n; k++) {
        listed[res->rows[k].app] = true;
        selected[res->rows[k].app] = res->rows[k].outcome == OUTCOME_SELECTED;
    }
    for (size_t i = 0; i < c->n_apps; i++) {
        if (res->budget_hidden && !listed[i])
            continue;
        enum stage s = call_app_stage(c, &c->apps[i]);
        if (s == STAGE_SCORED && selected[i])
            s = c->apps[i].agreed ? STAGE_AGREED : STAGE_SELECTED;
        counts[s]++;
    }
    free(selected);
    free(listed);
}

const char *stage_name(enum stage s)
{
    return stage_names[s];
}

const char *stage_label(enum stage s)
{
    return _(stage_names[s]);
}

enum outcome call_outcome(const struct call *c, const struct rank_result *res,
                          const struct app_record *r)
{
    for (size_t k = 0; k < res->n; k++)
        if (res->rows[k].app == (size_t)(r - c->apps))
            return res->rows[k].outcome;
    return OUTCOME_UNREVIEWED;
}

int call_unresolved_tie(const struct call *c, const struct rank_result *res,
                        const char *const *apps, size_t n)
{
    int group = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < i; k++)
            if (strcmp(apps[i], apps[k]) == 0)
                return 0;
        const struct app_record *r = call_find_app(c, apps[i]);
        int g = 0;
        for (size_t k = 0; r && k < res->n; k++)
            if (res->rows[k].app == (size_t)(r - c->apps) && !res->rows[k].tie_resolved)
                g = res->rows[k].tie_group;
        if (!g || (group && g != group))
            return 0;
        group = g;
    }
    size_t members = 0;
    for (size_t k = 0; k < res->n; k++)
        if (res->rows[k].tie_group == group && !res->rows[k].tie_resolved)
            members++;
    return members == n ? group : 0;
}

const char *call_forfeit_refusal(const struct call *c, const struct rank_result *res,
                                 const struct app_record *r)
{
    if (r->forfeited)
        return _("it has already forfeited");
    if (call_outcome(c, res, r) != OUTCOME_SELECTED)
        return _("only a selected company can forfeit");
    return NULL;
}

const char *call_plan_refusal(const struct call *c, const struct rank_result *res,
                              const struct app_record *r, bool made, bool has_open)
{
    if (r->forfeited)
        return _("it has forfeited");
    if (call_outcome(c, res, r) != OUTCOME_SELECTED)
        return _("only a selected application can be asked to revise its plan (R12.1)");
    if (made && !has_open)
        return _("no plan revision is required of it (simsa plan require)");
    if (!made && has_open)
        return _("a plan revision is required of it already: record first whether it was made "
                 "(simsa plan done, simsa plan failed)");
    return NULL;
}

const char *call_finalize_refusal(const struct rank_result *res)
{
    for (size_t i = 0; i < res->n; i++)
        if (res->rows[i].outcome == OUTCOME_TIE)
            return _("an unresolved tie decides who is selected: resolve it first");
    return NULL;
}

void call_panel_check(const struct call *c, const char *name, const int64_t *judges, size_t n,
                      struct strlist *problems)
{
    char *line;
    if (!name || !*name) {
        strlist_add(problems, _("a panel needs a name"));
    } else if (text_name_refusal(name)) {
        line = xasprintf(_("panel name: %s"), text_name_refusal(name));
        strlist_add(problems, line);
        free(line);
    } else if (call_find_panel(c, name)) {
        line = xasprintf(_("there is already a panel named %s"), name);
        strlist_add(problems, line);
        free(line);
    }
    for (size_t i = 0; i < n; i++) {
        const struct person *p = call_person_by_id(c, judges[i]);
        if (!p || p->role != ROLE_JUDGE) {
            line = xasprintf(_("%s is not a judge (see simsa person list)"), p ? p->name : "?");
            strlist_add(problems, line);
            free(line);
        }
        for (size_t k = 0; k < i; k++) {
            if (judges[k] == judges[i] && p) {
                line = xasprintf(_("%s is named twice"), p->name);
                strlist_add(problems, line);
                free(line);
            }
        }
    }
    if ((int)n != c->program.judges) {
        line = xasprintf(_("a panel of %s has %d judges (R6.3), not %d"), c->program.id,
                         c->program.judges, (int)n);
        strlist_add(problems, line);
        free(line);
    }
}

const char *call_assign_refusal(const struct app_record *r, int64_t panel)
{
    if (r->review == REVIEW_NONE)
        return _("its document review is not decided yet (simsa review run); only an "
                 "application that passed it is assigned to a panel (R6.6)");
    if (r->review != REVIEW_PASSED)
        return _("it did not pass document review (ineligible); ineligible applications are "
                 "not assigned to a panel (R6.6)");
    if (r->n_sheets > 0 && r->panel != panel)
        return _("it already has submitted sheets; its panel cannot change");
    return NULL;
}

const char *call_field_refusal(const struct call *c, const char *field, char *buf, size_t len)
{
    for (size_t i = 0; i < c->program.n_industries; i++)
        if (strcmp(c->program.industries[i], field) == 0)
            return NULL;
    char *list = xstrdup("");
    for (size_t i = 0; i < c->program.n_industries; i++) {
        char *more = xasprintf("%s%s%s", list, i ? ", " : "", c->program.industries[i]);
        free(list);
        list = more;
    }
    snprintf(buf, len, _("\"%s\" is not a business field of %s (R3.2); the fields are: %s"), field,
             c->program.id, list);
    free(list);
    return buf;
}

size_t call_field_apps(const struct call *c, const char *const *fields, size_t n_fields,
                       size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_apps; i++) {
        const struct app_record *r = &c->apps[i];
        bool in_field = false;
        for (size_t k = 0; k < n_fields; k++)
            in_field |= strcmp(r->a.industry, fields[k]) == 0;
        if (in_field && r->panel == 0 && r->review == REVIEW_PASSED)
            out[n++] = i;
    }
    return n;
}

const char *person_name_refusal(const char *name)
{
    const char *bad = text_name_refusal(name);
    if (bad)
        return bad;
    if (!name || !*name || strlen(name) > 100 || strchr(name, '\n') || strchr(name, ','))
        return _("a person's name is 1-100 bytes of text, one line, without commas");
    return NULL;
}

void call_without_agreement(const struct call *c, const struct rank_result *res,
                            struct strlist *ids)
{
    for (size_t i = 0; i < res->n; i++) {
        const struct app_record *r = &c->apps[res->rows[i].app];
        if (res->rows[i].outcome == OUTCOME_SELECTED && !r->agreed)
            strlist_add(ids, r->a.id);
    }
}
