/*
** Loading an inventory document (SPEC §3, format bunkai-inventory/1).
**
** The loader is strict: unknown keys, wrong types, bad ids and dates, invalid
** UTF-8, duplicate ids and unresolved references are all errors. It records
** every problem in the diag (capped) and returns -1 if there was any; the
** inventory is then incomplete and must only be released.
*/
#ifndef BUNKAI_LOAD_H
#define BUNKAI_LOAD_H

#include <stddef.h>

#include "model/catalog.h"
#include "model/inventory.h"
#include "model/util/diag.h"
#include "model/util/exit_codes.h"

/* Caps on what one document may hold (docs/limits.md): any input gives an
   answer in bounded time and memory. */
enum {
	INPUT_MAX = 256 * 1024 * 1024, /* bytes of one inventory document */
	NESTING_MAX = 64,              /* the format needs 4 levels */
	ENTITY_MAX = 1000000,          /* entries of one top-level array (devices…) */
	LIST_MAX = 10000,              /* entries of a list inside an entity (systems, via…) */
	TEXT_MAX = 4096                /* bytes of a name or another text value */
};

/* Read a whole file, or standard input for "-", into *buf (caller frees).
   Returns 0, or after printing an error EXIT_USAGE (it cannot be opened, is
   a folder, or is over INPUT_MAX) or EXIT_FAILURE_IO (reading failed after
   it was opened). */
int read_input(const char *file, char **buf, size_t *len);

/* Parse and check buf[0..len) as an inventory. Returns 0 or -1. */
int inventory_load_json(struct inventory *inv, const struct catalog *cat, const char *buf,
			size_t len, struct diag *d);

/* An inventory from a folder of CSV files, or from the files themselves
   (dir NULL; each named as in the layout: devices.csv …), docs/csv-import.md.
   Messages name the file, line and column. Returns 0 or -1. */
int inventory_load_csv(struct inventory *inv, const struct catalog *cat, const char *dir, const char *const *files,
		       size_t n_files, int encoding, struct diag *d);
/* Whether path names a directory (a CSV folder rather than a JSON file). */
int is_directory(const char *path);

/* Cross-entity checks (ids unique, references resolve, no subcontract
   cycle); called by the loaders after parsing. Returns the number of problems. */
size_t inventory_validate(const struct inventory *inv, const struct catalog *cat, struct diag *d);

#endif
