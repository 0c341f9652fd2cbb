/* Placeholder until the calibration screen lands (issue 5). */
#include "core/i18n.h"
#include "tui/page.h"

static void calibration_draw(struct tui *t, void *state, const struct area *body)
{
    (void)state;
    struct page pg = {0};
    page_add(&pg, STYLE_DIM, 0, _("not built yet"));
    page_draw(&pg, t, body);
    page_free(&pg);
}

const struct screen screen_calibration = {
    .name = N_("calibration"),
    .draw = calibration_draw,
};
