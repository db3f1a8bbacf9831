/*
** The empty model as SQLite's file image: every table and index an
** analysis creates, no row. build/gen/model_image.c holds it, written at
** build time by model/tools/model_image.c from db_build_empty() — the
** same schema and scripts, so the two cannot differ. db_open starts a
** hospital's model from a copy of it instead of compiling some 70 CREATE
** statements.
**
** Kept as its non-zero spans: 11 KB of the 312 KB image (each empty table
** and index is a page of zeros but for its header). The program is 300 KB
** smaller and the generated C 87 KB instead of 1.6 MB; the copy takes as
** long either way (measured).
*/
#ifndef BUNKAI_MODEL_IMAGE_H
#define BUNKAI_MODEL_IMAGE_H

#include <stddef.h>

struct image_span {
	unsigned offset, length;
};

extern const size_t model_image_size; /* bytes; 0: none (the build tool's own) */
extern const struct image_span model_image_spans[]; /* in order; zeros between */
extern const size_t model_image_n_spans;
extern const unsigned char model_image_bytes[]; /* the spans' bytes, one after the other */

/* The scripts an analysis runs after the schema, in order, NULL-ended
   (db.c; db_build_empty runs them all on no rows), and each one's
   statements but its CREATEs, or NULL (the build tool's own): what
   db_run_script runs where the image's objects are already there. */
extern const char *const model_scripts[];
extern const char *const model_image_dml[];

#endif
