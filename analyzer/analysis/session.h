/*
** What every command that reads an inventory does first: load the catalog,
** read and check the inventory, pick the as-of date, and (if asked) build
** the SQLite model. One owner for all of it: session_release().
*/
#ifndef BUNKAI_SESSION_H
#define BUNKAI_SESSION_H

#include <cJSON.h>
#include <sqlite3.h>

#include "model/catalog.h"
#include "model/inventory.h"
#include "model/util/exit_codes.h"

struct session {
	struct catalog cat;
	struct inventory inv;
	sqlite3 *db;   /* NULL unless built */
	cJSON *doc;    /* the inventory document (SESSION_DOC), or NULL: what the plan's edits patch */
	const char *name; /* the input as messages name it; not owned */
	char as_of[11];
	char sha256[65]; /* of the inventory's bytes, hex: lets an auditor tie a report to its input;
			    "" unless SESSION_CHECKSUM */
	int every_table; /* SESSION_EVERY_TABLE: for session_build_db */
};

/* What to make besides the inventory (the `flags` below). */
enum session_flags {
	SESSION_DB = 1 << 0,  /* the SQLite model */
	SESSION_DOC = 1 << 1, /* keep the document as a JSON tree (a CSV folder's as `import` would write it) */
	SESSION_CHECKSUM = 1 << 2, /* sha256 (only the HTML report prints it; nettle's first use costs 0.2 ms) */
	SESSION_EVERY_TABLE = 1 << 3, /* the model with the tables no built-in statement reads (--db, --rules) */
};

/* Load FILE ("-" for stdin; a directory is read as a CSV folder). `as_of` is the --as-of option or NULL (then the
   inventory's as_of, else today). Returns EXIT_OK, or EXIT_USAGE / EXIT_FAILURE_IO
   after printing the problems. */
int session_load(struct session *s, const char *file, const char *as_of, unsigned flags);
/* The same from a buffer already in memory; `name` is used in messages and
   `as_of` must be valid or NULL. */
int session_load_buffer(struct session *s, const char *name, const char *buf, size_t len, const char *as_of,
			unsigned flags);
/* From a folder of CSV files, or the files themselves (dir NULL); `encoding`
   is an enum csv_encoding (auto, utf-8, cp932). */
int session_load_csv(struct session *s, const char *dir, const char *const *files, size_t n_files, int encoding,
		     const char *as_of, unsigned flags);
/* After s->doc was changed (a what-if): load the inventory again from it.
   Returns EXIT_OK or EXIT_USAGE after printing why. */
int session_reload(struct session *s);
/* Build the model, when session_load() was not asked to. */
int session_build_db(struct session *s);
/* The model, the inventory and the document are not needed any more (the
   analysis holds its own copies): their memory goes back to the heap before
   a writer builds its output, so the two do not add up (docs/performance.md).
   session_release() stays the owner's last call. */
void session_drop_model(struct session *s);
void session_release(struct session *s);

#endif
