/*
** A set of files written into a folder all or nothing (`export`, `template`).
**
** Everything is checked before anything is written; the set is built in a
** fresh sibling folder (DIR.tmp.XXXXXX, same file system) and moved into
** place only when every file was written. A new folder is renamed into place
** whole; into an existing one the files move one by one, so a crash in that
** instant can leave a mix (docs/csv-import.md says so). A failure before the
** moves leaves DIR exactly as it was.
**
** The tool owns a fixed set of names in such a folder (`owned`, NULL-ended):
** when DIR already holds any of them, begin refuses unless `force`; with
** force, commit replaces the whole owned set — an owned file the new set does
** not write (a stale matrix.csv) is removed — and never touches other files.
*/
#ifndef BUNKAI_FOLDER_OUTPUT_H
#define BUNKAI_FOLDER_OUTPUT_H

#include "model/util/exit_codes.h"
#include "model/util/output.h"

struct folder_output {
	char *dir;   /* the target, without trailing slashes; owned */
	char *stage; /* where the set is written first; owned */
	int existed; /* dir was there before */
	const char *const *owned;
};

/* Check dir and create the stage. Returns 0, or EXIT_USAGE (dir is not a
   folder, holds owned files without force, or one is not a regular file) or
   EXIT_FAILURE_IO after printing an error. */
int folder_output_begin(struct folder_output *f, const char *dir, const char *const *owned, int force);
/* Open the set's file `name` (one of owned) in the stage; as output_open. */
int folder_output_file(struct folder_output *f, struct output *o, const char *name);
/* Move the set into place. Returns 0 or EXIT_FAILURE_IO; releases f either way. */
int folder_output_commit(struct folder_output *f);
/* Remove the stage and what was written into it; dir is untouched. */
void folder_output_abort(struct folder_output *f);

#endif
