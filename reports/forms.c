/* One printable score form per judge: the applications they score (R6.3), with their submitted
 * scores, or blank to fill in by hand; A4 landscape, one page wide, the header row on every page,
 * the program's title and page numbers, a line to sign. */
#include <stdlib.h>
#include <string.h>

#include "core/call.h"
#include "core/i18n.h"
#include "reports/book.h"

#define FORM_HEAD_ROW 3

/* Applications on the judge's form: those of their panel that passed review and did not
 * forfeit, and any they submitted a sheet for. */
static bool on_form(const struct call *c, const struct app_record *r, int64_t judge)
{
    if (call_sheet_of(r, judge))
        return true;
    return r->review == REVIEW_PASSED && !r->forfeited && call_judge_on_app(c, r, judge);
}

static void form_status(struct book *b, struct sheet_out *s, lxw_row_t r, lxw_col_t c,
                        const struct app_record *rec, const struct app_sheet *sh, int64_t judge)
{
    if (call_has_conflict(rec, judge)) {
        cell_text(b, s, r, c, _("conflict of interest declared (R6.4)"), NULL);
    } else if (sh) {
        char *text = xasprintf(_("submitted %s"), sh->submitted_at);
        cell_text(b, s, r, c, text, NULL);
        free(text);
    }
}

static void form_row(struct book *b, struct sheet_out *s, lxw_row_t r, const struct app_record *rec,
                     int64_t judge)
{
    const struct program *p = &b->c->program;
    const struct app_sheet *sh = call_sheet_of(rec, judge);
    cell_text(b, s, r, 0, rec->a.id, NULL);
    cell_text(b, s, r, 1, rec->a.company, NULL);
    lxw_col_t t = (lxw_col_t)(2 + p->n_items);
    if (sh) {
        for (size_t k = 0; k < p->n_items; k++)
            cell_tenths(b, s, r, (lxw_col_t)(2 + k), sh->s.item_tenths[k]);
        cell_tenths(b, s, r, t, sheet_total(p, &sh->s));
        if (sh->s.agree)
            cell_text(b, s, r, t + 1, _("agree"), NULL);
        else
            cell_money(b, s, r, t + 1, sh->s.amount);
        cell_text(b, s, r, t + 2, sh->s.opinion, b->f.wrap);
    }
    form_status(b, s, r, t + 3, rec, sh, judge);
}

void sheet_judge_form(struct book *b, struct sheet_out *s, const struct person *judge)
{
    const struct call *c = b->c;
    const struct program *p = &c->program;
    cell_note(b, s, 0, 0, book_lang(b, p->title_ko, p->title_en), b->f.title);
    char *who = xasprintf(_("Score form of %s (judge)"), judge->name);
    cell_note(b, s, 1, 0, who, NULL);
    free(who);
    static const char *const head[] = {N_("application"), N_("company")};
    header_row(b, s, FORM_HEAD_ROW, head, 2);
    for (size_t k = 0; k < p->n_items; k++) {
        char max[16];
        tenths_format(p->items[k].max_tenths, max, sizeof max);
        char *label =
            xasprintf("%s (%s)", book_lang(b, p->items[k].name_ko, p->items[k].name_en), max);
        header_cell(b, s, FORM_HEAD_ROW, (lxw_col_t)(2 + k), label);
        free(label);
    }
    lxw_col_t t = (lxw_col_t)(2 + p->n_items);
    static const char *const tail[] = {N_("total"), N_("amount"), N_("opinion"), N_("status")};
    for (size_t k = 0; k < 4; k++)
        header_cell(b, s, FORM_HEAD_ROW, t + (lxw_col_t)k, _(tail[k]));
    lxw_row_t r = FORM_HEAD_ROW;
    for (size_t i = 0; i < c->n_apps; i++)
        if (on_form(c, &c->apps[i], judge->id))
            form_row(b, s, ++r, &c->apps[i], judge->id);
    r += 2;
    char *sign = xasprintf(_("I confirm the scores above. Signature: ____________________   "
                             "Date: ____________   (%s)"),
                           judge->name);
    cell_note(b, s, r, 0, sign, NULL);
    free(sign);
    sheet_print(b, s,
                &(struct print_setup){.landscape = true,
                                      .repeat_rows = true,
                                      .head_first = FORM_HEAD_ROW,
                                      .head_last = FORM_HEAD_ROW});
    sheet_widths(b, s);
}
