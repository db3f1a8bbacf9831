/*
** The CSV folder of docs/csv-import.md, written: `bunkai export` (an
** inventory) and `bunkai template` (empty files with a commented example).
*/
#ifndef BUNKAI_EXPORT_CSV_H
#define BUNKAI_EXPORT_CSV_H

#include "model/catalog.h"
#include "model/inventory.h"
#include "model/util/exit_codes.h"

/* Write the ledgers into dir (created if missing) all or nothing, as
   folder_output.h describes; a folder that already holds ledger files is
   refused unless force. Returns 0, or EXIT_USAGE / EXIT_FAILURE_IO after
   printing an error. */
int export_csv(const struct inventory *inv, const struct catalog *cat, const char *dir, int force);
/* The same for the empty templates. */
int write_templates(const char *dir, int force);

#endif
