/*
** An inventory from its JSON document (SPEC §3, format bunkai-inventory/1).
**
** Strict: unknown keys, wrong types, bad ids and dates, invalid UTF-8, NUL,
** duplicate ids and unresolved references are all errors. Every problem is
** recorded in the diag (capped); the inventory is then incomplete and must
** only be released.
*/
#ifndef BUNKAI_LOAD_JSON_H
#define BUNKAI_LOAD_JSON_H

#include <cJSON.h>
#include <stddef.h>

#include "model/catalog.h"
#include "model/inventory.h"
#include "model/util/diag.h"

/* Parse and check buf[0..len) as an inventory. Returns 0 or -1. */
int inventory_load_json(struct inventory *inv, const struct catalog *cat, const char *buf, size_t len,
			struct diag *d);
/* The two halves: the JSON text checked and parsed (NULL after recording
   the problem; caller cJSON_Delete()s the tree), and a parsed document
   checked and loaded (the plan loads its edited documents this way). */
cJSON *inventory_parse_json(const char *buf, size_t len, struct diag *d);
int inventory_load_tree(struct inventory *inv, const struct catalog *cat, const cJSON *root, struct diag *d);

#endif
