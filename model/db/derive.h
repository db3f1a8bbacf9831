/*
** The derived tables of one row per claim, lead, reached device (and its
** count by path and system) and responsible maintainer, computed in C from the inventory and the small
** tables derive.sql made before (model/db/derive.sql defines and explains
** them all).
*/
#ifndef BUNKAI_DERIVE_H
#define BUNKAI_DERIVE_H

#include <sqlite3.h>

#include "model/catalog.h"
#include "model/inventory.h"

/* Fill claims, leads, path_reach, path_systems and responsible; 0, or -1
   (error printed). Without every_table (db_load's), path_reach holds only
   the devices of no system: the only rows a built-in statement reads. */
int derive_rows(sqlite3 *db, const struct catalog *cat, const struct inventory *inv, int every_table);

#endif
