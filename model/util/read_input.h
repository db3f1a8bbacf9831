/*
** Reading a whole input file, or standard input, with the size cap.
*/
#ifndef BUNKAI_READ_INPUT_H
#define BUNKAI_READ_INPUT_H

#include <stddef.h>

/* Read a whole file, or standard input for "-", into *buf (caller frees;
   NUL-terminated). Returns 0, or after printing an error EXIT_USAGE (it
   cannot be opened, is a folder, or is over INPUT_MAX) or EXIT_FAILURE_IO
   (reading failed after it was opened). */
int read_input(const char *file, char **buf, size_t *len);

#endif
