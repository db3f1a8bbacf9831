/*
** Diagnostics of one input document.
**
** The loader keeps going after a problem and records every one, so a user
** fixes a file in one round instead of one error per run. Only the first
** DIAG_CAP are kept; the rest are counted.
*/
#ifndef BUNKAI_DIAG_H
#define BUNKAI_DIAG_H

#include <stddef.h>

enum { DIAG_CAP = 50 };

struct diag {
	const char *file; /* as the user named it; not owned */
	char **msgs;      /* owned, each "FILE: …" without the "bunkai: " prefix */
	size_t n, cap;
	size_t count;     /* all problems, including those beyond DIAG_CAP */
	int io_failed;    /* a file could not be read after it was opened: exit 3, not 2 */
	/* Optional: says where a value (a struct place of model/fields.h) is in
	   the file the user wrote, e.g. "devices.csv:57: column 機器種別"; NULL
	   (or returning NULL) means the JSON path. Not owned. */
	const char *(*locate)(void *ctx, const void *place, char *buf, size_t size);
	void *locate_ctx;
};

void diag_init(struct diag *d, const char *file);
/* Record "FILE:LINE:COL: message" (a syntax problem). */
void diag_at(struct diag *d, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Record "FILE: PATH: message" (a meaning problem at a JSON path). */
void diag_path(struct diag *d, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Record "FILE: message". */
void diag_file(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record a message as it is (it names its own place, e.g. "dir/devices.csv:57: …"). */
void diag_msg(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print every kept message to stderr as "bunkai: …", then the count of the rest. */
void diag_print(const struct diag *d);
void diag_release(struct diag *d);

#endif
