/* Forms: a box over the screen with fields (text with Hangul composed in place, notes over
 * several lines, dates, amounts, scores, yes/no, a choice, a passphrase) that has the keyboard
 * until it is submitted or cancelled. Values are checked by core's parsers as they are typed, so
 * a field shows ✓ or ✗ with the reason at once, and nothing is written until the whole form is
 * good and the screen's submit says so. */
#ifndef SIMSA_TUI_FORM_H
#define SIMSA_TUI_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "tui/lineedit.h"
#include "tui/screen.h"

enum field_kind {
    FIELD_TEXT,     /* one line */
    FIELD_NOTES,    /* several lines: Enter starts a new one, Tab leaves */
    FIELD_DATE,     /* YYYY-MM-DD (date_parse) */
    FIELD_AMOUNT,   /* won, separators allowed (amount_parse); shown with separators */
    FIELD_SCORE,    /* points in the program's step up to .max_tenths (score_parse_tenths) */
    FIELD_YESNO,    /* Space, y or n */
    FIELD_CHOICE,   /* one of .choices: Space, Left and Right */
    FIELD_PASSWORD, /* echo off: '*' per character, wiped when the form closes */
};

struct form_field {
    enum field_kind kind;
    char *label;
    struct lineedit edit; /* text kinds */
    bool yes;             /* FIELD_YESNO */
    struct strlist choices;
    size_t choice;      /* FIELD_CHOICE */
    bool optional;      /* may be left empty */
    int32_t max_tenths; /* FIELD_SCORE */
    int step_tenths;    /* FIELD_SCORE */
    int rows;           /* FIELD_NOTES: lines shown */
    char note[256];     /* under the field: the check's ✓/✗ and why, or a hint */
    bool note_bad;      /* the note is an error: the form cannot be submitted */
    bool note_warn;     /* the note is a warning: shown like an error, but no stop */
    /* Parsed value after a good check: date, won or tenths. */
    int64_t value;
};

struct form;
/* Live: called after every change; may set notes and the form's summary line. */
typedef void (*form_check_fn)(struct tui *t, struct form *f);
/* Called when the whole form is good and the user submits: 0 closes the form; -1 keeps it open
 * with f->error set (nothing was changed). */
typedef int (*form_submit_fn)(struct tui *t, struct form *f);
/* Called after each field is left or changed (drafts). */
typedef void (*form_change_fn)(struct tui *t, struct form *f, size_t field);

struct form {
    char *title;
    struct strlist intro; /* lines above the fields (what is being decided, reasons) */
    struct form_field *fields;
    size_t n, cap, focus;
    int label_cols;
    char summary[256]; /* under the fields: a running total, a verdict */
    bool summary_bad;
    char error[512];          /* why the last submit did not go through */
    const char *submit_label; /* the word on the submit line ("sign", "save") */
    form_check_fn check;
    form_submit_fn submit;
    form_change_fn changed;
    void *ctx; /* the screen's own, freed with ctx_free */
    void (*ctx_free)(void *ctx);
    int scroll;         /* first row shown when the form is taller than the screen */
    bool full;          /* use the whole body, not a box */
    int field_cols;     /* columns of a field's value at the last draw */
    size_t *focus_keep; /* when set, gets the focused field at each move (kept by screens) */
    bool dirty;         /* typed into since opened (or since the last draft was saved) */
    bool asking;        /* "close without saving?" is shown: y or Ctrl-C closes */
    struct form *next;  /* set by submit: the form shown after this one (a review page) */
    /* A full form's top row, drawn at each frame and never scrolled (the room's clock over the
     * score form): fills buf with one line and returns its style, or returns -1 for none. */
    int (*header)(struct tui *t, struct form *f, char *buf, size_t n);
};

struct form *form_new(const char *title);
void form_free(struct form *f);
void form_intro(struct form *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct form_field *form_add(struct form *f, enum field_kind kind, const char *label,
                            const char *initial);
struct form_field *form_add_choice(struct form *f, const char *label, const char *const *choices,
                                   size_t n, size_t initial);
/* A field's text as UTF-8, NFC, trimmed (caller frees). */
char *form_text(const struct form_field *fl);
/* Check every field by its kind (and then the form's check); true when all are good. */
bool form_validate(struct tui *t, struct form *f);

/* Put the form on top of the screen; the tui owns it from here. */
void tui_form_open(struct tui *t, struct form *f);
void tui_form_close(struct tui *t);
void form_draw(struct tui *t, struct form *f, const struct area *body);
void form_key(struct tui *t, int rc, wint_t ch);

#endif
