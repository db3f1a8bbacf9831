/*
** A pack per party for the vendors' meeting (bunkai pack, docs/pack.md).
*/
#ifndef BUNKAI_PACK_H
#define BUNKAI_PACK_H

#include <sqlite3.h>

#include "model/catalog.h"

/* Write PARTY.html and PARTY.xlsx into dir for the organization and every
   vendor bound to a system or with a path, from the analyzed model db; the
   folder all or nothing (model/util/folder_output.c). Returns EXIT_OK or an
   exit status after printing why. */
int pack_write(sqlite3 *db, const struct catalog *cat, const char *dir, int force);

#endif
