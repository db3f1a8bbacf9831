/*
** What every command that reads an inventory does first: load the catalog,
** read and check the inventory, pick the as-of date, and (if asked) build
** the SQLite model. One owner for all of it: session_release().
*/
#ifndef BUNKAI_SESSION_H
#define BUNKAI_SESSION_H

#include <sqlite3.h>

#include "model/catalog.h"
#include "model/inventory.h"
#include "model/util/exit_codes.h"

struct session {
	struct catalog cat;
	struct inventory inv;
	sqlite3 *db;   /* NULL unless built */
	char as_of[11];
	char sha256[65]; /* of the inventory's bytes, hex: lets an auditor tie a report to its input */
};

/* Load FILE ("-" for stdin; a directory is read as a CSV folder). `as_of` is the --as-of option or NULL (then the
   inventory's as_of, else today). Returns EXIT_OK, or EXIT_USAGE / EXIT_FAILURE_IO
   after printing the problems. */
int session_load(struct session *s, const char *file, const char *as_of, int build_db);
/* The same from a buffer already in memory; `name` is used in messages and
   `as_of` must be valid or NULL. */
int session_load_buffer(struct session *s, const char *name, const char *buf, size_t len, const char *as_of,
			int build_db);
/* From a folder of CSV files, or the files themselves (dir NULL); `encoding`
   is an enum csv_encoding (auto, utf-8, cp932). */
int session_load_csv(struct session *s, const char *dir, const char *const *files, size_t n_files, int encoding,
		     const char *as_of, int build_db);
void session_release(struct session *s);

#endif
