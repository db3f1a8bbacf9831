/*
** Writing an inventory back out as bunkai-inventory/1 JSON (what
** `bunkai import` writes; the CSV side is model/csv/export_csv.c). Item lists
** are written expanded (no wildcards).
*/
#ifndef BUNKAI_SAVE_H
#define BUNKAI_SAVE_H

#include "model/catalog.h"
#include "model/inventory.h"

/* The inventory as indented JSON text; caller frees with free(). */
char *inventory_to_json(const struct inventory *inv, const struct catalog *cat);

#endif
