/* Safe output and input files (see file.h). */
#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/i18n.h"

static void exists_problem(struct diags *d, const char *path)
{
    diags_add(d, NULL, 0, 0,
              _("%s already exists; simsa will not overwrite it (--force replaces it)"), path);
}

/* The temporary name: ".<base>.XXXXXX" in the target's directory. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xasprintf(".%s.XXXXXX", path);
    return xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
}

int out_file_open(struct out_file *f, const char *path, bool force, struct diags *d)
{
    *f = (struct out_file){.fd = -1, .force = force};
    struct stat sb;
    if (!force && lstat(path, &sb) == 0) {
        exists_problem(d, path);
        return -1;
    }
    f->tmp = temp_template(path);
    size_t n = strlen(f->tmp);
    for (int tries = 0; tries < 100; tries++) {
        unsigned char rnd[6];
        int ufd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (ufd < 0 || read(ufd, rnd, sizeof rnd) != (ssize_t)sizeof rnd) {
            if (ufd >= 0)
                close(ufd);
            break;
        }
        close(ufd);
        static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (size_t i = 0; i < 6; i++)
            f->tmp[n - 6 + i] = abc[rnd[i] % (sizeof abc - 1)];
        f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (f->fd >= 0 || errno != EEXIST)
            break;
    }
    if (f->fd < 0) {
        diags_add(d, NULL, 0, 0, "%s: %s", path, strerror(errno));
        free(f->tmp);
        f->tmp = NULL;
        return -1;
    }
    f->path = xstrdup(path);
    return 0;
}

int out_file_reserve(struct out_file *f, const char *path, bool force, struct diags *d)
{
    if (out_file_open(f, path, force, d) < 0)
        return -1;
    close(f->fd);
    f->fd = -1;
    return 0;
}

int out_file_write(struct out_file *f, const void *data, size_t len, struct diags *d)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(f->fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            diags_add(d, NULL, 0, 0, "%s: %s", f->path, strerror(errno));
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

int out_file_commit(struct out_file *f, struct diags *d)
{
    if (f->fd >= 0) {
        int bad = fsync(f->fd) < 0;
        bad |= close(f->fd) < 0;
        f->fd = -1;
        if (bad) {
            diags_add(d, NULL, 0, 0, "%s: %s", f->path, strerror(errno));
            out_file_abort(f);
            return -1;
        }
    }
    if (f->force) {
        if (rename(f->tmp, f->path) != 0) {
            diags_add(d, NULL, 0, 0, "%s: %s", f->path, strerror(errno));
            out_file_abort(f);
            return -1;
        }
    } else if (link(f->tmp, f->path) != 0) {
        int e = errno;
        struct stat sb;
        /* A file system without hard links: rename, after checking once more. */
        if (e != EEXIST && lstat(f->path, &sb) != 0 && rename(f->tmp, f->path) == 0) {
            free(f->tmp);
            f->tmp = NULL;
            out_file_abort(f);
            return 0;
        }
        if (e == EEXIST)
            exists_problem(d, f->path);
        else
            diags_add(d, NULL, 0, 0, "%s: %s", f->path, strerror(e));
        out_file_abort(f);
        return -1;
    } else {
        unlink(f->tmp);
    }
    free(f->tmp);
    f->tmp = NULL;
    out_file_abort(f);
    return 0;
}

void out_file_abort(struct out_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
}

int out_file_put(const char *path, const void *data, size_t len, bool force, struct diags *d)
{
    struct out_file f;
    if (out_file_open(&f, path, force, d) < 0)
        return -1;
    if (out_file_write(&f, data, len, d) < 0) {
        out_file_abort(&f);
        return -1;
    }
    return out_file_commit(&f, d);
}

int in_file_open(const char *path, struct diags *d)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        diags_add(d, NULL, 0, 0, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
        diags_add(d, NULL, 0, 0,
                  _("%s is not a regular file (a FIFO, device or directory is not read)"), path);
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}
