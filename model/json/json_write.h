/*
** A JSON document to a stream, the one way every JSON output ends: printed
** by cJSON (escaping is never ours), a newline, the tree freed.
*/
#ifndef BUNKAI_JSON_WRITE_H
#define BUNKAI_JSON_WRITE_H

#include <cJSON.h>
#include <stdio.h>

/* Print `root` indented and delete it; out of memory exits 3 naming `what`.
   Write errors are the caller's output_commit()'s to find. */
void json_write(FILE *fp, cJSON *root, const char *what);

#endif
