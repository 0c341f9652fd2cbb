/* Placeholder until the session screen lands (issue 5). */
#include "core/i18n.h"
#include "tui/page.h"

static void session_draw(struct tui *t, void *state, const struct area *body)
{
    (void)state;
    struct page pg = {0};
    page_add(&pg, STYLE_DIM, 0, _("not built yet"));
    page_draw(&pg, t, body);
    page_free(&pg);
}

const struct screen screen_session = {
    .name = N_("session"),
    .draw = session_draw,
};
