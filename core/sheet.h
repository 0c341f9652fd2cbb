/* One score sheet (R6, R10), one shape from the CSV row, the score form or a signed .sheet file
 * to the store and back to the workbook (the store adds its id, who submitted it and when:
 * struct app_sheet in core/call.h). Here too the rules that decide whether a sheet may be
 * recorded, whether it counts, its total, and the reader of a signed sheet file. */
#ifndef SIMSA_SHEET_H
#define SIMSA_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/program.h"
#include "core/record_parse.h"

struct call;
struct app_record;
struct person;

struct sheet {
    const char *app; /* application id */
    int64_t judge;   /* person id */
    /* In the program's item order, 0 to the item's maximum, at most 1000 (R6.1): 16 bits, so
     * 50,000 loaded sheets are 1.6 MB smaller (issue 18). */
    int16_t item_tenths[PROGRAM_MAX_ITEMS];
    /* Per item, PROGRAM_MAX_ITEMS of them, an item's NULL or "" = none; or NULL when the sheet
     * has none. Most sheets have none: 50,000 loaded sheets keep no room for them (issue 18). */
    const char **comments;
    int64_t amount;      /* the adjusted amount in won when !agree */
    const char *opinion; /* the overall opinion; NULL or "" = none */
    bool agree;          /* R10.1: agrees to the requested amount */
    bool transcribed;    /* entered by the secretariat from a paper sheet */
};

/* The comment of item k of s: NULL or "" when it has none. */
const char *sheet_comment(const struct sheet *s, size_t k);

/* R6.2: the sum of the items, in tenths. */
int32_t sheet_total(const struct program *p, const struct sheet *s);
/* Whether a recorded sheet counts toward r's result (R6.3: its judge is on r's panel; R6.4: and
 * declared no conflict with it). */
bool sheet_is_counted(const struct call *c, const struct app_record *r, const struct sheet *s);

/* What sheet_problems looks at. WHO: may `judge` submit a sheet for r now (R6.6 passed review
 * and assigned, R6.3 on its panel, R6.4 no conflict, R6.2 not submitted yet); AMOUNT: R10.1;
 * OPINION: a total below the threshold (R7.3) gives the overall opinion. A caller whose own
 * reading of the items or the amount failed leaves that check out. */
enum sheet_check {
    SHEET_CHECK_WHO = 1,
    SHEET_CHECK_AMOUNT = 2,
    SHEET_CHECK_OPINION = 4,
    SHEET_CHECK_ALL = 7,
};
/* Which value a problem is about, so an importer can name the column. */
enum sheet_part { SHEET_PART_APP, SHEET_PART_JUDGE, SHEET_PART_AMOUNT, SHEET_PART_OPINION };
typedef void sheet_say_fn(void *ctx, enum sheet_part part, const char *problem);

/* Every reason the sheet s of `judge` for r may not be recorded, each said (translated) through
 * say in the order above; returns how many. s may be NULL: only WHO is checked; judge may be
 * NULL when WHO is not. The one check
 * of `score import`, `sheet import` and the score form. */
size_t sheet_problems(const struct call *c, const struct app_record *r, const struct person *judge,
                      const struct sheet *s, unsigned checks, sheet_say_fn *say, void *ctx);
/* The first of them (in buf), or NULL when s may be recorded (s NULL: when judge may submit a
 * sheet for r now). */
const char *sheet_refusal(const struct call *c, const struct app_record *r,
                          const struct person *judge, const struct sheet *s, char *buf, size_t len);
/* R10.1 alone, for a form's live check: NULL when `amount` may be the adjusted amount for r. */
const char *sheet_amount_refusal(const struct app_record *r, int64_t amount, char *buf, size_t len);
/* The opinion rule alone, for a form's live check. */
const char *sheet_opinion_refusal(const struct program *p, int32_t total_tenths,
                                  const char *opinion, char *buf, size_t len);

/* The canonical text (R14, simsa-records(5)) of s of `judge` (a name), as signed by signer at
 * `at`, or NULL with *why. Caller frees. */
char *sheet_text(const struct call *c, const struct sheet *s, const char *judge, const char *signer,
                 const char *at, char **why);

/* The values of a parsed sheet record into s: items, comments, amount, opinion, transcribed
 * (not app or judge). f's values are split in place and put back; s points into f, and its
 * comments, when it has any, into `room` (PROGRAM_MAX_ITEMS of them, the caller's). Problems go
 * to d under `path`; returns 0 when there is none. */
int sheet_record_values(const struct program *p, struct record_fields *f, const char *path,
                        struct sheet *s, const char **room, struct diags *d);

/* A signed sheet file read back (DESIGN.md Trust: `sheet import`). */
struct sheet_file {
    struct record_fields f; /* owns the strings s points into */
    struct sheet s;
    const char *comments[PROGRAM_MAX_ITEMS]; /* s.comments, when it has any */
    const struct person *judge;              /* the signer, who is the sheet's judge */
    const char *at;                          /* when it was signed */
};
/* Read a .sheet file's text and its minisign signature `sig`: a record (simsa-records(5)),
 * signed by a person of c (the signature checked before anything of it is trusted), a sheet of
 * this call's program, of one of its applications, by its own judge (the signer; not
 * transcribed), every value good, and the text exactly the canonical text of those values.
 * 0, or -1 with the problems in d under `path`. Whether the sheet may be recorded is
 * sheet_problems'. Free with sheet_file_free, also after a failure. */
int sheet_file_read(const struct call *c, const char *path, const char *text, size_t len,
                    const char *sig, struct sheet_file *out, struct diags *d);
void sheet_file_free(struct sheet_file *f);

#endif
