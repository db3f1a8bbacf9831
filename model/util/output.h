/*
** Where `-o PATH` writes, decided by what is at PATH (docs/output.md):
**
**   nothing, a regular file  a temporary file beside it, renamed into place
**                            only when every byte was written (a failed run
**                            leaves the old file as it was); an existing
**                            file keeps its mode and, run as root, its owner
**   a symbolic link          the link itself is replaced by the new file; its
**                            target is never opened (a link planted in a
**                            shared folder cannot redirect the write) —
**                            unless it leads to this process's standard
**                            output or error (/dev/stdout, /dev/fd/2):
**                            written to that stream (--db: refused)
**   a character device, FIFO written in place: opened without creating or
**                            truncating, never replaced (rename() onto
**                            /dev/null would replace the device node for
**                            every process on the machine)
**   a directory, a socket,   refused: bad usage
**   a block device, ""
*/
#ifndef BUNKAI_OUTPUT_H
#define BUNKAI_OUTPUT_H

#include <stdio.h>

struct output {
	FILE *fp;
	char *path; /* owned; NULL for standard output */
	char *tmp;  /* owned; NULL when written in place */
};

/* Open `path` ("-" or NULL: standard output). Returns 0, or after printing
   an error EXIT_USAGE (a path that cannot be an output) or EXIT_FAILURE_IO. */
int output_open(struct output *o, const char *path);
/* Whether `path` can take the output of `option` ("-o"), checked before the
   work starts: 0, or EXIT_USAGE after an error. With whole_file (a SQLite
   database, --db), a device or FIFO is refused too. NULL and "-" are fine. */
int output_check(const char *path, const char *option, int whole_file);
/* Give the new file open at fd the mode and, run as root, the owner of the
   regular file at path it is to replace; with none there (or a link), an
   ordinary document's mode (0666 less the umask). */
void output_take_attributes(int fd, const char *path);
/* Flush, check, close and (for a file) rename into place. Returns 0, or
   EXIT_FAILURE_IO after an error (the temporary file is removed). */
int output_commit(struct output *o);
/* Drop a started output (a file target is left as it was). */
void output_abort(struct output *o);

#endif
