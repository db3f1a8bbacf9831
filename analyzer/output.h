/*
** Output files written atomically: to a temporary name beside the target,
** renamed into place only when every byte was written. A failed run leaves
** no half file behind (SPEC §6).
*/
#ifndef BUNKAI_OUTPUT_H
#define BUNKAI_OUTPUT_H

#include <stdio.h>

struct output {
	FILE *fp;
	char *path; /* owned; NULL for standard output */
	char *tmp;  /* owned */
};

/* Open `path` ("-" or NULL: standard output). Returns 0, or -1 after an error. */
int output_open(struct output *o, const char *path);
/* Flush, check, close and rename. Returns 0, or -1 after an error (the
   temporary file is removed). */
int output_commit(struct output *o);
/* Drop a started output (the target is left as it was). */
void output_abort(struct output *o);

#endif
