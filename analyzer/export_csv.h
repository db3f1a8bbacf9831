/*
** The CSV folder of docs/csv-import.md, written: `bunkai export` (an
** inventory) and `bunkai template` (empty files with a commented example).
*/
#ifndef BUNKAI_EXPORT_CSV_H
#define BUNKAI_EXPORT_CSV_H

#include "../model/catalog.h"
#include "../model/inventory.h"

/* Write the CSV files into dir (created if missing), each atomically.
   Returns 0, or -1 after printing an error. */
int export_csv(const struct inventory *inv, const struct catalog *cat, const char *dir);
/* Write the templates into dir; existing files are not overwritten unless
   force. Returns 0, -2 if a file exists, -1 on an I/O failure. */
int write_templates(const char *dir, int force);

#endif
