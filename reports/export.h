/* The result workbook and the results CSV that the secretariat sends out (DESIGN.md Reports):
 * laid out from core's report model (core/report.h), never computing a rule here. The command
 * line (`simsa export`), the committee board and the dashboard all call these. */
#ifndef SIMSA_EXPORT_H
#define SIMSA_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/csv.h"
#include "core/rank.h"
#include "db/store.h"

struct call;
struct diags;

/* What a workbook holds, for the message after writing it. */
struct export_summary {
    size_t applications;
    size_t sheets;             /* submitted score sheets */
    size_t signed_records;     /* signed records checked on the integrity sheet */
    size_t signature_problems; /* of those, how many did not verify */
};

struct export_options {
    bool korean;    /* the program's own texts (title, rubric item and document names) in Korean */
    time_t created; /* the workbook's creation time (document properties); 0 = now */
    /* Called now and then while writing: what is being written (translated) and how far.
     * NULL for none. */
    void (*progress)(void *ctx, const char *what, size_t done, size_t total);
    void *ctx;
    struct export_summary *summary; /* filled in when not NULL */
    bool force;                     /* replace an existing file (else it is refused; core/file.h) */
};

/* Write the workbook of the call to path. It is written beside path under a temporary name
 * (mode 0600, core/file.h) and renamed at the end, so a failure leaves nothing half-written; an
 * existing path (a symlink too) is refused unless o->force. 0, or -1 with a problem in d. */
int export_workbook(struct store *st, const struct call *c, const char *path,
                    const struct export_options *o, struct diags *d);

/* The results as CSV: the columns and rows of `simsa rank --csv`, in UTF-8 with a byte order
 * mark so that Korean Excel opens the Hangul. Also written through a temporary file. 0, or -1
 * with a problem in d. */
/* The rows of `simsa rank --csv` (DESIGN.md), appended to out (with a UTF-8 byte order mark
 * when bom): the one writer of that format, for the command and the export alike. */
void results_csv_text(const struct call *c, const struct rank_result *res, bool bom,
                      struct strbuf *out);
int export_results_csv(const struct call *c, const char *path, const struct export_options *o,
                       struct diags *d);

#endif
