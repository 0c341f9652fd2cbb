/* Judge calibration and per-application sheet statistics (see calibration.h). */
#include "core/calibration.h"
#include "core/call.h"

#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 wide_int;

int64_t isqrt64(int64_t v)
{
    if (v <= 0)
        return 0;
    /* Newton's method from above: x falls monotonically to floor(sqrt(v)). */
    int64_t x = v, y = v / 2 + (v & 1); /* (v + 1) / 2 without overflow */
    while (y < x) {
        x = y;
        y = (x + v / x) / 2;
    }
    return x;
}

static int64_t gcd64(int64_t a, int64_t b)
{
    if (a < 0)
        a = -a;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a ? a : 1;
}

/* An exact sum of fractions num/den (den > 0), kept reduced. */
struct fraction {
    int64_t num, den;
};

static void fraction_add(struct fraction *f, int64_t num, int64_t den)
{
    int64_t g = gcd64(den, f->den);
    int64_t lcm = f->den / g * den;
    f->num = f->num * (lcm / f->den) + num * (lcm / den);
    f->den = lcm;
    int64_t r = gcd64(f->num, f->den);
    f->num /= r;
    f->den /= r;
}

/* Standard deviation of n totals from their sum and sum of squares, hundredths, to the nearest:
 * round(x) = (floor(2x) + 1) / 2, and floor(2 sqrt(q)) = isqrt(floor(4q)) for the exact q. */
static int64_t spread_hundredths(int n, int64_t sum, int64_t sum_sq)
{
    if (n < 2)
        return 0;
    /* variance in tenths^2 = (n * sum_sq - sum^2) / n^2; in hundredths^2 it is 100 times that */
    wide_int top = ((wide_int)n * sum_sq - (wide_int)sum * sum) * 400;
    wide_int bottom = (wide_int)n * n;
    return (isqrt64((int64_t)(top / bottom)) + 1) / 2;
}

/* Each counted sheet of r against the others of r. */
static void app_deviations(const struct call *c, size_t app, struct calibration *out)
{
    const struct app_record *r = &c->apps[app];
    int64_t sum = 0;
    int n = 0;
    for (size_t i = 0; i < r->n_sheets; i++) {
        if (sheet_is_counted(c, r, &r->sheets[i].s)) {
            sum += sheet_total(&c->program, &r->sheets[i].s);
            n++;
        }
    }
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!sheet_is_counted(c, r, &s->s))
            continue;
        struct sheet_deviation *d = &out->sheets[out->n_sheets++];
        int32_t total = sheet_total(&c->program, &s->s);
        *d = (struct sheet_deviation){
            .app = app, .judge = s->s.judge, .total_tenths = total, .others = n - 1};
        if (n < 2)
            continue;
        int64_t others = sum - total, m = n - 1;
        int64_t diff = (int64_t)total * m - others; /* (total - others/m) * m, in tenths */
        d->others_tenths = others;
        d->others_mean = official_round(others, m, 2);
        d->deviation = official_round(diff, m, 2);
        d->far = (diff < 0 ? -diff : diff) >= (int64_t)CALIBRATION_FAR_TENTHS * m;
    }
}

static void judge_fill(const struct calibration *cal, struct judge_calibration *j)
{
    int64_t sum = 0, sum_sq = 0;
    struct fraction dev = {0, 1};
    for (size_t i = 0; i < cal->n_sheets; i++) {
        const struct sheet_deviation *d = &cal->sheets[i];
        if (d->judge != j->judge)
            continue;
        j->sheets++;
        sum += d->total_tenths;
        sum_sq += (int64_t)d->total_tenths * d->total_tenths;
        if (d->others > 0) {
            j->compared++;
            j->far += d->far;
            /* the sheet's exact deviation is (total * m - others) / m tenths */
            int64_t m = d->others;
            fraction_add(&dev, (int64_t)d->total_tenths * m - d->others_tenths, m);
        }
    }
    if (j->sheets)
        j->mean = official_round(sum, j->sheets, 2);
    j->spread = spread_hundredths(j->sheets, sum, sum_sq);
    if (j->compared)
        j->deviation = official_round(dev.num, dev.den * j->compared, 2);
}

void calibration_compute(const struct call *c, struct calibration *out)
{
    memset(out, 0, sizeof *out);
    size_t total = 0, judges = 0;
    for (size_t i = 0; i < c->n_apps; i++)
        total += c->apps[i].n_sheets;
    for (size_t i = 0; i < c->n_people; i++)
        judges += c->people[i].role == ROLE_JUDGE;
    out->sheets = xcalloc(total ? total : 1, sizeof *out->sheets);
    out->judges = xcalloc(judges ? judges : 1, sizeof *out->judges);
    for (size_t i = 0; i < c->n_apps; i++)
        app_deviations(c, i, out);
    for (size_t i = 0; i < c->n_people; i++) {
        if (c->people[i].role != ROLE_JUDGE)
            continue;
        struct judge_calibration *j = &out->judges[out->n_judges++];
        j->judge = c->people[i].id;
        judge_fill(out, j);
    }
}

void calibration_free(struct calibration *cal)
{
    free(cal->judges);
    free(cal->sheets);
    memset(cal, 0, sizeof *cal);
}

const struct judge_calibration *calibration_of(const struct calibration *cal, int64_t judge)
{
    for (size_t i = 0; i < cal->n_judges; i++)
        if (cal->judges[i].judge == judge)
            return &cal->judges[i];
    return NULL;
}

static void stats_add(struct item_stats *st, int32_t tenths)
{
    if (st->n == 0 || tenths < st->min_tenths)
        st->min_tenths = tenths;
    if (st->n == 0 || tenths > st->max_tenths)
        st->max_tenths = tenths;
    st->n++;
    st->mean += tenths; /* the sum until app_sheet_stats divides */
}

void app_sheet_stats(const struct call *c, const struct app_record *r, struct app_sheet_stats *out)
{
    memset(out, 0, sizeof *out);
    const struct program *p = &c->program;
    for (size_t i = 0; i < r->n_sheets; i++) {
        const struct app_sheet *s = &r->sheets[i];
        if (!sheet_is_counted(c, r, &s->s))
            continue;
        out->n_sheets++;
        for (size_t k = 0; k < p->n_items && k < PROGRAM_MAX_ITEMS; k++)
            stats_add(&out->items[k], s->s.item_tenths[k]);
        stats_add(&out->total, sheet_total(p, &s->s));
    }
    for (size_t k = 0; k < p->n_items && k < PROGRAM_MAX_ITEMS; k++)
        if (out->items[k].n)
            out->items[k].mean = official_round(out->items[k].mean, out->items[k].n, 2);
    if (out->total.n)
        out->total.mean = official_round(out->total.mean, out->total.n, 2);
}
