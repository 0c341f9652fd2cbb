/* Files read and written safely (issue 14): outputs go to a temporary file made in the target's
 * directory with O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600 (they hold names and e-mails), renamed
 * into place at the end; an existing target (a planted symlink included) is refused unless
 * forced, and a symlink is never followed. Inputs must be regular files: a FIFO or a device is
 * refused, not read. A failure adds its problem to d (core/diag.h), never printed. */
#ifndef SIMSA_FILE_H
#define SIMSA_FILE_H

#include <stdbool.h>
#include <stddef.h>

struct diags;

struct out_file {
    char *path; /* the target */
    char *tmp;  /* the temporary file beside it */
    int fd;     /* open on tmp, or -1 once closed */
    bool force; /* replace an existing target */
};

/* Make the temporary file for `path`. 0, or -1 with a problem in d: the target exists (and not
 * force), or the temporary file cannot be made. */
int out_file_open(struct out_file *f, const char *path, bool force, struct diags *d);
/* As out_file_open, for a library that opens the file by its name itself (libxlsxwriter,
 * SQLite): the temporary file is made (empty, 0600) and closed; write to f->tmp. */
int out_file_reserve(struct out_file *f, const char *path, bool force, struct diags *d);
/* Write all of data to the temporary file; 0 or -1 with a problem in d. */
int out_file_write(struct out_file *f, const void *data, size_t len, struct diags *d);
/* Close the temporary file (when still open, after fsync) and move it to the target: without
 * force it is linked there only when nothing is there (atomic), with force it replaces the
 * entry itself (a symlink is replaced, not followed). 0, or -1 with a problem in d and nothing
 * left. */
int out_file_commit(struct out_file *f, struct diags *d);
/* Remove the temporary file; safe after commit and on a zeroed struct. */
void out_file_abort(struct out_file *f);
/* out_file_open, write, commit in one. */
int out_file_put(const char *path, const void *data, size_t len, bool force, struct diags *d);

/* Open an input file for reading (a symlink to a regular file is fine). A FIFO, a device, a
 * directory or a socket is refused without blocking (opened O_NONBLOCK, then fstat). The fd, or -1
 * with a problem in d. */
int in_file_open(const char *path, struct diags *d);

#endif
